package io.github.cpt4j.moduletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No two packages of a library module depend on each other, directly or through others: a package
 * can be read, tested and changed with only the packages below it in mind. Read from the compiled
 * classes of the jars on the module path, as a user gets them (cpt-jackson has one package).
 */
class PackageCyclesTest {

  @ParameterizedTest
  @ValueSource(strings = {"io.github.cpt4j.core", "io.github.cpt4j.data"})
  void noPackageOfTheModuleDependsOnItself(String module) throws IOException {
    Map<String, Set<String>> graph = dependencies(module);
    assertTrue(graph.size() > 1, module + " has no packages to check: " + graph);
    List<String> cycle = anyCycle(graph);
    assertEquals(List.of(), cycle, module + " has a cycle between packages");
  }

  @Test
  void theCheckFindsACycle() {
    Map<String, Set<String>> graph =
        Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of());
    assertEquals(List.of("a", "b", "c", "a"), anyCycle(graph));
    assertEquals(List.of(), anyCycle(Map.of("a", Set.of("b"), "b", Set.of(), "c", Set.of("a"))));
  }

  /** Each package of {@code moduleName} and the packages of the same module its classes name. */
  private static Map<String, Set<String>> dependencies(String moduleName) throws IOException {
    ModuleReference reference =
        ModuleLayer.boot()
            .configuration()
            .findModule(moduleName)
            .map(ResolvedModule::reference)
            .orElseThrow(() -> new AssertionError(moduleName + " is not on the module path"));
    Set<String> own = reference.descriptor().packages();
    Map<String, Set<String>> graph = new TreeMap<>();
    try (ModuleReader reader = reference.open()) {
      List<String> classes =
          reader
              .list()
              .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
              .collect(Collectors.toList());
      for (String name : classes) {
        String from = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
        byte[] bytes;
        try (InputStream in = reader.open(name).orElseThrow()) {
          bytes = in.readAllBytes();
        }
        Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
        for (String target : ClassReferences.packages(bytes)) {
          if (own.contains(target) && !target.equals(from)) {
            to.add(target);
          }
        }
      }
    }
    return graph;
  }

  /** A cycle in {@code graph} as the packages along it, first and last the same; else empty. */
  static List<String> anyCycle(Map<String, Set<String>> graph) {
    Set<String> done = new TreeSet<>();
    for (String start : new TreeSet<>(graph.keySet())) {
      List<String> cycle = cycleFrom(start, graph, done, new ArrayDeque<>());
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    return List.of();
  }

  private static List<String> cycleFrom(
      String node, Map<String, Set<String>> graph, Set<String> done, Deque<String> path) {
    if (path.contains(node)) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (String p : (Iterable<String>) path::descendingIterator) {
        in |= p.equals(node);
        if (in) {
          cycle.add(p);
        }
      }
      cycle.add(node);
      return cycle;
    }
    if (done.contains(node)) {
      return List.of();
    }
    path.push(node);
    for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
      List<String> cycle = cycleFrom(next, graph, done, path);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    path.pop();
    done.add(node);
    return List.of();
  }
}
