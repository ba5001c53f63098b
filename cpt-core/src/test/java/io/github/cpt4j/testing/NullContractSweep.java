package io.github.cpt4j.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.common.testing.ArbitraryInstances;
import com.google.common.testing.NullPointerTester;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The null contract of a module's whole public API, swept: every public method and constructor of
 * every public type of the packages the module exports (read from its compiled descriptor, so a new
 * type or package is in the sweep at once) refuses a null reference argument at the call with a
 * {@code NullPointerException} naming it, as {@code requireNonNull(x, "x")} does. NullPointerTester
 * checks that one is thrown; {@link #assertNamesItsNulls} that it is named and not the JVM's, from
 * deep inside. A module's test extends this with its samples and its exceptions; cpt-data's reaches
 * it through cpt-core's test jar, so that both modules run one sweep. The package is one no module
 * has, so that a module's tests, compiled into the module, still see it on the class path.
 */
public abstract class NullContractSweep {

  /** A class of the module swept: its compiled classes and descriptor are found beside it. */
  protected abstract Class<?> anchor();

  /** Samples of the types NullPointerTester cannot make, each a small valid value. */
  protected abstract Map<Class<?>, Supplier<?>> samples();

  /**
   * The methods that take null on purpose, as their Javadoc says, by {@code Type.method(Params)},
   * each with why: none unless a module says.
   */
  protected Map<String, String> nullAccepted() {
    return Map.of();
  }

  /**
   * The methods, by name, whose NullPointerException is not named with {@code requireNonNull}, each
   * with why. {@code compareTo} fails at its first line, as {@link Comparable} requires, with the
   * JVM's message naming {@code other}; it is called in sorts, and java.time's do the same.
   */
  protected Map<String, String> unnamedAccepted() {
    return Map.of(
        "compareTo", "Comparable: fails at its first line; the JVM's message names 'other'");
  }

  /** The public types with no public way to make one, each with why: none unless a module says. */
  protected Map<Class<?>, String> noSample() {
    return Map.of();
  }

  private List<Class<?>> publicTypes() {
    try {
      Path root = Path.of(anchor().getProtectionDomain().getCodeSource().getLocation().toURI());
      List<Class<?>> types = new ArrayList<>();
      for (String exported : exportedPackages(root)) {
        Path dir = root.resolve(exported.replace('.', '/'));
        try (Stream<Path> files = Files.list(dir)) {
          for (Path file : (Iterable<Path>) files.sorted()::iterator) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".class") || name.equals("package-info.class")) {
              continue;
            }
            Class<?> type =
                Class.forName(
                    exported + "." + name.substring(0, name.length() - 6),
                    false,
                    anchor().getClassLoader());
            if (isApi(type)) {
              types.add(type);
            }
          }
        }
      }
      types.sort(Comparator.comparing(Class::getName));
      return types;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The packages the module exports to every module: its descriptor's unqualified exports, or,
   * without a descriptor (cpt-fhir, an automatic module for want of a modular HAPI FHIR), every
   * package of its classes, as an automatic module exports them all.
   */
  private static List<String> exportedPackages(Path root) throws IOException {
    Path descriptor = root.resolve("module-info.class");
    List<String> packages = new ArrayList<>();
    if (Files.exists(descriptor)) {
      try (InputStream in = Files.newInputStream(descriptor)) {
        for (ModuleDescriptor.Exports exports : ModuleDescriptor.read(in).exports()) {
          if (!exports.isQualified()) {
            packages.add(exports.source());
          }
        }
      }
      return packages;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(file -> file.getFileName().toString().endsWith(".class"))
          .map(file -> root.relativize(file.getParent()).toString().replace('/', '.'))
          .filter(name -> !name.isEmpty())
          .distinct()
          .sorted()
          .forEach(packages::add);
    }
    return packages;
  }

  private static boolean isApi(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
      if (!Modifier.isPublic(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static NullPointerTester tester(Map<Class<?>, Supplier<?>> samples) {
    NullPointerTester tester = new NullPointerTester();
    samples.forEach((type, sample) -> setDefault(tester, type, sample.get()));
    return tester;
  }

  @SuppressWarnings("unchecked")
  private static <T> void setDefault(NullPointerTester tester, Class<T> type, Object value) {
    tester.setDefault(type, (T) value);
  }

  /**
   * Finds a maker of a sample of {@code type}: an enum's constants, else the first public static
   * method of it (or of the class enclosing it) that returns it and that the samples can call.
   */
  private static List<Object> instancesOf(Class<?> type, Map<Class<?>, Supplier<?>> samples) {
    if (type.isEnum()) {
      return List.of(type.getEnumConstants());
    }
    Supplier<?> known = samples.get(type);
    if (known != null) {
      return List.of(known.get());
    }
    List<Executable> makers = new ArrayList<>();
    for (Class<?> owner : Arrays.asList(type, type.getEnclosingClass())) {
      if (owner == null) {
        continue;
      }
      for (Method m : owner.getMethods()) {
        if (Modifier.isStatic(m.getModifiers()) && type.isAssignableFrom(m.getReturnType())) {
          makers.add(m);
        }
      }
    }
    for (Constructor<?> c : type.getConstructors()) {
      makers.add(c);
    }
    makers.sort(
        Comparator.comparingInt(Executable::getParameterCount)
            .thenComparing(Executable::getName)
            .thenComparing(Executable::toString));
    for (Executable maker : makers) {
      Object[] args = new Object[maker.getParameterCount()];
      boolean ok = true;
      for (int i = 0; i < args.length; i++) {
        Class<?> p = maker.getParameterTypes()[i];
        Supplier<?> s = samples.get(p);
        args[i] = s != null ? s.get() : ArbitraryInstances.get(p);
        if (args[i] == null && p.isEnum()) {
          args[i] = p.getEnumConstants()[0];
        }
        ok &= args[i] != null;
      }
      if (!ok) {
        continue;
      }
      try {
        Object made =
            maker instanceof Method
                ? ((Method) maker).invoke(null, args)
                : ((Constructor<?>) maker).newInstance(args);
        if (made != null) {
          return List.of(made);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // not this maker; try the next
      }
    }
    return List.of();
  }

  /**
   * Whether {@code m} is Immutables' generated code (an attribute setter of a value type's
   * builder): its null checks are the generator's, which a hand-written check cannot reach
   * (reported).
   */
  private static boolean isGenerated(Method m) {
    return m.getDeclaringClass().getName().contains(".Immutable");
  }

  private static String key(Executable e) {
    StringBuilder key = new StringBuilder(e.getDeclaringClass().getSimpleName());
    if (e instanceof Method) {
      key.append('.').append(e.getName());
    }
    key.append('(');
    Class<?>[] types = e.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      key.append(i == 0 ? "" : ",").append(types[i].getSimpleName());
    }
    return key.append(')').toString();
  }

  private static boolean takesReference(Executable e) {
    for (Class<?> p : e.getParameterTypes()) {
      if (!p.isPrimitive()) {
        return true;
      }
    }
    return false;
  }

  @TestFactory
  protected Stream<DynamicTest> staticMethodsAndConstructorsNameTheirNulls() {
    Map<Class<?>, Supplier<?>> samples = samples();
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<?> type : publicTypes()) {
      List<Executable> calls = new ArrayList<>();
      for (Method m : type.getDeclaredMethods()) {
        if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())) {
          calls.add(m);
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(c.getModifiers())) {
          calls.add(c);
        }
      }
      for (Executable call : calls) {
        if (call.isSynthetic() || !takesReference(call) || nullAccepted().containsKey(key(call))) {
          continue;
        }
        tests.add(
            DynamicTest.dynamicTest(
                key(call),
                () -> {
                  NullPointerTester tester = tester(samples);
                  if (call instanceof Method) {
                    tester.testMethod(null, (Method) call);
                  } else {
                    tester.testConstructor((Constructor<?>) call);
                  }
                  assertNamesItsNulls(null, call, samples);
                }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  protected Stream<DynamicTest> instanceMethodsNameTheirNulls() {
    Map<Class<?>, Supplier<?>> samples = samples();
    List<DynamicTest> tests = new ArrayList<>();
    for (Class<?> type : publicTypes()) {
      if (type.isInterface() || !hasInstanceMethods(type) || noSample().containsKey(type)) {
        continue;
      }
      List<Object> instances = instancesOf(type, samples);
      if (instances.isEmpty()) {
        tests.add(
            DynamicTest.dynamicTest(
                type.getSimpleName(), () -> fail("no sample of " + type.getName())));
        continue;
      }
      for (Method m : type.getMethods()) {
        if (Modifier.isStatic(m.getModifiers())
            || m.isSynthetic()
            || m.isBridge()
            || !takesReference(m)
            || isObjectMethod(m)
            || isOtherLibrarys(m)
            || nullAccepted().containsKey(key(m))) {
          continue;
        }
        tests.add(
            DynamicTest.dynamicTest(
                type.getSimpleName() + ": " + key(m),
                () -> {
                  for (Object instance : instancesOf(type, samples)) {
                    tester(samples).testMethod(instance, m);
                  }
                  if (unnamedAccepted().containsKey(m.getName()) || isGenerated(m)) {
                    return;
                  }
                  for (Object instance : instancesOf(type, samples)) {
                    assertNamesItsNulls(instance, m, samples);
                  }
                }));
      }
    }
    return tests.stream();
  }

  /**
   * Passes null to each reference parameter of {@code call} in turn and requires a {@code
   * NullPointerException} that names it: NullPointerTester takes any, and a null that fails deep
   * inside throws one too, whose message is the JVM's ("Cannot invoke ... because ...") or none.
   */
  private static void assertNamesItsNulls(
      Object instance, Executable call, Map<Class<?>, Supplier<?>> samples) throws Exception {
    Class<?>[] types = call.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      if (types[i].isPrimitive()) {
        continue;
      }
      Object[] args = new Object[types.length];
      for (int j = 0; j < types.length; j++) {
        args[j] = j == i ? null : sample(types[j], samples);
      }
      Throwable thrown = null;
      try {
        if (call instanceof Method) {
          ((Method) call).invoke(instance, args);
        } else {
          ((Constructor<?>) call).newInstance(args);
        }
      } catch (InvocationTargetException e) {
        thrown = e.getCause();
      }
      String message = thrown == null ? null : thrown.getMessage();
      if (!(thrown instanceof NullPointerException)
          || message == null
          || message.startsWith("Cannot ")
          || message.contains(" because ")) {
        throw new AssertionError(
            key(call) + " given null at parameter " + i + " threw " + thrown, thrown);
      }
    }
  }

  /** A value of {@code type} for the parameters not under test. */
  private static Object sample(Class<?> type, Map<Class<?>, Supplier<?>> samples) {
    Supplier<?> known = samples.get(type);
    if (known != null) {
      return known.get();
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    Object arbitrary = ArbitraryInstances.get(type);
    if (arbitrary != null) {
      return arbitrary;
    }
    if (type.isInterface() && !type.isSealed()) {
      return Proxy.newProxyInstance(
          type.getClassLoader(),
          new Class<?>[] {type},
          (proxy, method, args) ->
              method.getReturnType() == void.class
                  ? null
                  : sample(method.getReturnType(), samples));
    }
    throw new AssertionError("no sample of " + type.getName() + ": add one to samples()");
  }

  private static boolean isObjectMethod(Method m) {
    try {
      Object.class.getMethod(m.getName(), m.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return m.getDeclaringClass() == Enum.class || m.getDeclaringClass() == Throwable.class;
    }
  }

  /**
   * Whether {@code m} is inherited from another library's class, as cpt-jackson's module inherits
   * Jackson's {@code SimpleModule}: its null contract is that library's, which this one cannot
   * change (Jackson's setters take null for "none").
   */
  private static boolean isOtherLibrarys(Method m) {
    return !m.getDeclaringClass().getName().startsWith("io.github.cpt4j.");
  }

  /** Whether {@code type} has a public instance method, other than Object's, taking a reference. */
  private static boolean hasInstanceMethods(Class<?> type) {
    for (Method m : type.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers())
          && takesReference(m)
          && !isObjectMethod(m)
          && !isOtherLibrarys(m)) {
        return true;
      }
    }
    return false;
  }
}
