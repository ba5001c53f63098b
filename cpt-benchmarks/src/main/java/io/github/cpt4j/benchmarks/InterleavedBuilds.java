package io.github.cpt4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.LongUnaryOperator;

/**
 * Two or more builds' {@link ClaimPricingBenchmark#priceClaim} in one JVM, taking turns every few
 * tens of milliseconds: a comparison of builds that the benchmark machine's slow spells do not
 * decide. On that machine (two virtual processors) a whole JMH fork can run about 45% slower, for
 * minutes, whatever it runs (`results/fork-modes-2026-12-05.md`), so that forks of two builds run
 * one after the other differ by more than most changes do. Here both builds run in every spell.
 *
 * <pre>
 * java -cp cpt-benchmarks/target/benchmarks.jar io.github.cpt4j.benchmarks.InterleavedBuilds \
 *     [--dataset sample|cms-2025] [--rounds N] [--claims N] BEFORE.jar AFTER.jar [MORE.jar...]
 * </pre>
 *
 * <p>Each jar is a {@code benchmarks.jar} of a build, loaded by a class loader of its own, in which
 * {@link ClaimWorkload} is defined from this build's bytes. After a warm-up, each round runs every
 * build once for {@code --claims} claims (40,000 by default), starting with a different build each
 * round; a build's figure is the median over the rounds of its time a claim divided by the first
 * jar's in the same round. The order the builds are loaded in favours some (the first loaded ran
 * faster in A/A runs, by about 4%), so the comparison runs once per rotation of the jars, each in a
 * JVM of its own, and the ratios are the geometric means over the rotations.
 *
 * <p>What it does not measure: the builds share the JDK's compiled code and its profiles (the call
 * sites inside {@code BigDecimal} or {@code ArrayList} see every build's callers), and the heap, so
 * that one build's garbage is collected on another's time. The ratio is a comparison of builds, not
 * any build's JMH figure. Wall-clock time, as JMH measures.
 */
public final class InterleavedBuilds {

  private static final String ONE_ROTATION = "--one-rotation";
  private static final int WARM_UP_ROUNDS = 60;

  /** Written so that the measured loops are not removed. */
  static volatile long sink;

  private InterleavedBuilds() {}

  /** Runs the comparison; see the class comment. */
  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
      options.jars.forEach(InterleavedBuilds::jarUrl);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: InterleavedBuilds [--dataset sample|cms-2025] [--rounds N] [--claims N]"
              + " BEFORE.jar AFTER.jar [MORE.jar...]");
      System.exit(2);
      return;
    }
    if (options.oneRotation) {
      List<List<URL>> builds = new ArrayList<>();
      for (Path jar : options.jars) {
        builds.add(List.of(jarUrl(jar)));
      }
      double[] ratios =
          run(builds, options.dataset, WARM_UP_ROUNDS, options.rounds, options.claims, System.out);
      for (double ratio : ratios) {
        System.out.println("ratio " + ratio);
      }
      return;
    }
    double[] logs = new double[options.jars.size()];
    for (int r = 0; r < options.jars.size(); r++) {
      List<Path> rotated = new ArrayList<>(options.jars);
      Collections.rotate(rotated, -r);
      double[] ratios = inChildJvm(rotated, options);
      for (int i = 0; i < ratios.length; i++) {
        // Back to the given order: rotated.get(i) is jar (i + r) % n.
        logs[(i + r) % logs.length] +=
            Math.log(ratios[i] / ratios[(logs.length - r) % logs.length]);
      }
    }
    System.out.printf(
        Locale.ROOT, "%n| build | time a claim against the first | rotations |%n|---|---:|---:|%n");
    for (int i = 0; i < logs.length; i++) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f | %d |%n",
          options.jars.get(i),
          Math.exp(logs[i] / logs.length),
          logs.length);
    }
  }

  /**
   * Runs the builds, each given by its class path, interleaved in this JVM, and returns each one's
   * median ratio to the first build's time a claim, in the order given; prints each build's median
   * time to {@code out}.
   */
  static double[] run(
      List<List<URL>> classPaths,
      String dataset,
      int warmUpRounds,
      int rounds,
      long claims,
      PrintStream out) {
    List<LongUnaryOperator> builds = new ArrayList<>();
    for (List<URL> classPath : classPaths) {
      builds.add(load(classPath, dataset));
    }
    int n = builds.size();
    long hashes = 0;
    for (int round = 0; round < warmUpRounds; round++) {
      for (LongUnaryOperator build : builds) {
        hashes += build.applyAsLong(claims);
      }
    }
    double[][] nanos = new double[n][rounds];
    double[][] ratios = new double[n][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < n; k++) {
        int i = (k + round) % n;
        long start = System.nanoTime();
        hashes += builds.get(i).applyAsLong(claims);
        nanos[i][round] = (System.nanoTime() - start) / (double) claims;
      }
      for (int i = 0; i < n; i++) {
        ratios[i][round] = nanos[i][round] / nanos[0][round];
      }
    }
    sink = hashes;
    double[] medians = new double[n];
    for (int i = 0; i < n; i++) {
      out.printf(
          Locale.ROOT,
          "%s: median %.1f ns a claim over %d rounds (loaded %d of %d)%n",
          classPaths.get(i).get(0).getPath(),
          median(nanos[i]),
          rounds,
          i + 1,
          n);
      medians[i] = median(ratios[i]);
    }
    return medians;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static URL jarUrl(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no benchmarks jar at " + jar);
    }
    try {
      return jar.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a file path: " + jar, e);
    }
  }

  /**
   * Loads one build from {@code classPath} (a {@code benchmarks.jar}, or the directories and jars
   * of a class path) and returns its workload, built over {@code dataset}.
   */
  static LongUnaryOperator load(List<URL> classPath, String dataset) {
    try {
      ClassLoader loader = new BuildLoader(classPath.toArray(new URL[0]), workloadBytes());
      Class<?> workload = loader.loadClass(ClaimWorkload.class.getName());
      return (LongUnaryOperator) workload.getConstructor(String.class).newInstance(dataset);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException(
          classPath
              + " cannot run the claim workload (a build without ClaimPricingBenchmark's"
              + " priceClaim(Blackhole), or one of another layout): "
              + e,
          e);
    }
  }

  private static byte[] workloadBytes() {
    String resource = ClaimWorkload.class.getSimpleName() + ".class";
    try (InputStream in = ClaimWorkload.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("this build has no " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A build's classes, the workload's from this build: the platform's classes come from the
   * platform loader, everything else from the jar, never from this build's class path.
   */
  private static final class BuildLoader extends URLClassLoader {
    private final byte[] workload;

    BuildLoader(URL[] classPath, byte[] workload) {
      super(classPath, ClassLoader.getPlatformClassLoader());
      this.workload = workload;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (name.equals(ClaimWorkload.class.getName())) {
        return defineClass(name, workload, 0, workload.length);
      }
      return super.findClass(name);
    }
  }

  private static double[] inChildJvm(List<Path> jars, Options options)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(InterleavedBuilds.class.getName());
    command.add(ONE_ROTATION);
    command.addAll(
        List.of(
            "--dataset",
            options.dataset,
            "--rounds",
            Integer.toString(options.rounds),
            "--claims",
            Long.toString(options.claims)));
    jars.forEach(jar -> command.add(jar.toString()));
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<Double> ratios = new ArrayList<>();
    String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    printed
        .lines()
        .forEach(
            line -> {
              if (line.startsWith("ratio ")) {
                ratios.add(Double.parseDouble(line.substring("ratio ".length())));
              } else if (!line.isEmpty()) {
                System.out.println(line);
              }
            });
    int exit = child.waitFor();
    if (exit != 0 || ratios.size() != jars.size()) {
      throw new IllegalStateException(
          "the run of "
              + jars
              + " ended with exit code "
              + exit
              + " and "
              + ratios.size()
              + " ratios");
    }
    return ratios.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The command line. */
  record Options(List<Path> jars, String dataset, int rounds, long claims, boolean oneRotation) {

    static Options parse(String[] args) {
      List<Path> jars = new ArrayList<>();
      String dataset = DataSets.SAMPLE;
      int rounds = 200;
      long claims = 40_000;
      boolean oneRotation = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--dataset" -> dataset = value(args, ++i);
          case "--rounds" -> rounds = positive(args, ++i);
          case "--claims" -> claims = positive(args, ++i);
          case ONE_ROTATION -> oneRotation = true;
          default -> {
            if (args[i].startsWith("--")) {
              throw new IllegalArgumentException("unknown option " + args[i]);
            }
            jars.add(Path.of(args[i]));
          }
        }
      }
      if (!dataset.equals(DataSets.SAMPLE) && !dataset.equals(DataSets.CMS_2025)) {
        throw new IllegalArgumentException(
            "--dataset is " + DataSets.SAMPLE + " or " + DataSets.CMS_2025 + ", not " + dataset);
      }
      if (jars.size() < 2) {
        throw new IllegalArgumentException("two jars or more to compare, not " + jars.size());
      }
      return new Options(List.copyOf(jars), dataset, rounds, claims, oneRotation);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }

    private static int positive(String[] args, int i) {
      String text = value(args, i);
      try {
        int n = Integer.parseInt(text);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw new IllegalArgumentException(
          args[i - 1] + " takes a positive whole number, not " + text);
    }
  }
}
