package io.github.cpt4j.moduletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every type the API of a library module names can be named by a module that requires it: a type of
 * the module itself is public in an exported package, and another module's type is exported by a
 * module the library requires transitively (or by {@code java.base}). What javac's {@code
 * -Xlint:exports} would check, which the build turns off (it flags the compile-only Immutables
 * annotations on every value type); read here from the jars on the module path, as a user gets
 * them. The API is every public or protected constructor, method and field, superclass, interface
 * and type bound of the public classes of the exported packages, generics included.
 */
class ApiSignaturesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"io.github.cpt4j.core", "io.github.cpt4j.data", "io.github.cpt4j.jackson"})
  void everyTypeTheApiNamesCanBeNamedByAModuleThatRequiresIt(String name) throws IOException {
    Module module =
        ModuleLayer.boot()
            .findModule(name)
            .orElseThrow(() -> new AssertionError(name + " is not on the module path"));
    Check check = new Check(module);
    List<String> found = check.run();
    assertTrue(check.members > 0, name + ": no member checked");
    assertEquals(List.of(), found, name + " names types that a module requiring it cannot name");
  }

  /**
   * The check finds what it is for: this module's own API names cpt4j's and Jackson's types, and it
   * requires their modules without {@code transitive} (it is an application, not a library).
   */
  @Test
  void theCheckFindsTypesAModuleRequiringThisOneCouldNotName() throws IOException {
    List<String> found = new Check(getClass().getModule()).run();
    assertTrue(
        found.contains(
            "io.github.cpt4j.moduletest.OutsideJsonUser.mapper() returns"
                + " com.fasterxml.jackson.databind.ObjectMapper: module"
                + " com.fasterxml.jackson.databind is not required transitively"),
        () -> String.join("\n", found));
    assertTrue(
        found.contains(
            "io.github.cpt4j.moduletest.PayerRules.pricer(String, BigDecimal) returns"
                + " io.github.cpt4j.fee.ClaimPricer: module io.github.cpt4j.core is not required"
                + " transitively"),
        () -> String.join("\n", found));
  }

  /** The check of one module's API. */
  private static final class Check {
    private final Module module;

    /**
     * The modules a module requiring {@link #module} reads: it and what it requires transitively.
     */
    private final Set<Module> readable = new HashSet<>();

    private final Set<String> found = new TreeSet<>();
    private int members;

    Check(Module module) {
      this.module = module;
      Deque<Module> next = new ArrayDeque<>(List.of(module));
      while (!next.isEmpty()) {
        Module m = next.pop();
        if (!readable.add(m) || m.getDescriptor() == null) {
          continue;
        }
        for (ModuleDescriptor.Requires requires : m.getDescriptor().requires()) {
          if (requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)) {
            ModuleLayer.boot().findModule(requires.name()).ifPresent(next::push);
          }
        }
      }
    }

    List<String> run() throws IOException {
      ResolvedModule resolved =
          ModuleLayer.boot().configuration().findModule(module.getName()).orElseThrow();
      List<String> classes;
      try (ModuleReader reader = resolved.reference().open()) {
        classes =
            reader
                .list()
                .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .collect(Collectors.toList());
      }
      for (String name : classes) {
        Class<?> type = Class.forName(module, name);
        if (type != null && isApi(type)) {
          checkClass(type);
        }
      }
      return List.copyOf(found);
    }

    /** A public class, inside public classes only, of a package every module can read. */
    private boolean isApi(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
        if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
          return false;
        }
      }
      return type.getModule().isExported(type.getPackageName());
    }

    private void checkClass(Class<?> type) {
      String name = type.getName().replace('$', '.');
      checkSupertypes(name, type);
      for (TypeVariable<?> v : type.getTypeParameters()) {
        check(name + " has the type parameter", v);
      }
      // A protected member of a final class cannot be reached from outside its package.
      boolean extensible = !Modifier.isFinal(type.getModifiers());
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (visible(c.getModifiers(), extensible) && !c.isSynthetic()) {
          checkExecutable(name + ".<init>", c);
        }
      }
      // The public methods inherited too: those of a class of the module that is not API (an
      // Immutables builder) are the API of its public subclass.
      Set<Method> methods = new HashSet<>(List.of(type.getMethods()));
      for (Method m : type.getDeclaredMethods()) {
        if (visible(m.getModifiers(), extensible) && !m.isSynthetic()) {
          methods.add(m);
        }
      }
      for (Method m : methods) {
        if (m.getDeclaringClass().getModule().equals(module)) {
          String where = name + "." + m.getName();
          checkExecutable(where, m);
          check(signature(where, m) + " returns", m.getGenericReturnType());
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (visible(f.getModifiers(), extensible) && !f.isSynthetic()) {
          members++;
          check(name + "." + f.getName() + " is of type", f.getGenericType());
        }
      }
    }

    /**
     * Checks what {@code type} extends and implements; a superclass of the module that is not API
     * (an Immutables builder under its public subclass, as {@code AbstractStringBuilder} is under
     * {@code StringBuilder}) is passed through to what it extends and implements.
     */
    private void checkSupertypes(String name, Class<?> type) {
      Type superclass = type.getGenericSuperclass();
      Class<?> raw = type.getSuperclass();
      if (raw != null && raw.getModule().equals(module) && !isApi(raw)) {
        checkSupertypes(name, raw);
      } else {
        check(name + " extends", superclass);
      }
      for (Type i : type.getGenericInterfaces()) {
        check(name + " implements", i);
      }
    }

    private static boolean visible(int modifiers, boolean extensible) {
      return Modifier.isPublic(modifiers) || (extensible && Modifier.isProtected(modifiers));
    }

    private void checkExecutable(String where, Executable e) {
      members++;
      String signature = signature(where, e);
      for (Type p : e.getGenericParameterTypes()) {
        check(signature + " takes", p);
      }
      for (Type t : e.getGenericExceptionTypes()) {
        check(signature + " throws", t);
      }
      for (TypeVariable<?> v : e.getTypeParameters()) {
        check(signature + " has the type parameter", v);
      }
    }

    private static String signature(String where, Executable e) {
      return where
          + "("
          + List.of(e.getParameterTypes()).stream()
              .map(Class::getSimpleName)
              .collect(Collectors.joining(", "))
          + ")";
    }

    /** Checks every class {@code type} names, with its arguments, bounds and components. */
    private void check(String where, Type type) {
      check(where, type, new HashSet<>());
    }

    private void check(String where, Type type, Set<TypeVariable<?>> seen) {
      if (type instanceof Class<?> c) {
        while (c.isArray()) {
          c = c.getComponentType();
        }
        if (!c.isPrimitive()) {
          checkClassName(where, c);
        }
      } else if (type instanceof ParameterizedType p) {
        check(where, p.getRawType(), seen);
        for (Type argument : p.getActualTypeArguments()) {
          check(where, argument, seen);
        }
      } else if (type instanceof GenericArrayType a) {
        check(where, a.getGenericComponentType(), seen);
      } else if (type instanceof WildcardType w) {
        for (Type bound : w.getUpperBounds()) {
          check(where, bound, seen);
        }
        for (Type bound : w.getLowerBounds()) {
          check(where, bound, seen);
        }
      } else if (type instanceof TypeVariable<?> v && seen.add(v)) {
        // Seen once only: a bound may name the variable itself (T extends Comparable<T>).
        for (Type bound : v.getBounds()) {
          check(where, bound, seen);
        }
      }
    }

    private void checkClassName(String where, Class<?> c) {
      Module owner = c.getModule();
      String named = where + " " + c.getName().replace('$', '.');
      if (owner.equals(module)) {
        if (!isApi(c)) {
          found.add(named + ": not a public class of an exported package");
        }
      } else if (!owner.equals(Object.class.getModule())) {
        if (!readable.contains(owner)) {
          found.add(named + ": module " + owner.getName() + " is not required transitively");
        } else if (!owner.isExported(c.getPackageName())) {
          found.add(named + ": package " + c.getPackageName() + " is not exported");
        }
      }
    }
  }
}
