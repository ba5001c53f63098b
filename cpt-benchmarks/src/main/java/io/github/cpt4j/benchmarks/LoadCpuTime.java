package io.github.cpt4j.benchmarks;

import io.github.cpt4j.benchmarks.baseline.CsvRvuLoader;
import io.github.cpt4j.data.medicare.RvuFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The loads of {@link LoadBenchmark} (cpt4j, the plain CSV loader, the Guava one) interleaved in
 * one JVM, timed by the loading thread's CPU time: a check of their ratios that a busy machine
 * disturbs less than JMH's wall-clock times, where the implementations run one after the other. Not
 * a replacement for JMH on a quiet machine.
 *
 * <pre>
 * CPT4J_CMS_DIR=/path/to/cms java -cp cpt-benchmarks/target/benchmarks.jar \
 *     io.github.cpt4j.benchmarks.LoadCpuTime [WARM-UP ROUNDS [MEASURED ROUNDS]]
 * </pre>
 */
public final class LoadCpuTime {

  private static final String[] NAMES = {
    Implementation.CPT4J, Implementation.REGEX_HASHMAP, Implementation.GUAVA_IMMUTABLEMAP
  };

  private LoadCpuTime() {}

  /** Prints the median thread CPU time per load of each loader, and the ratios. */
  public static void main(String[] args) throws IOException {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    Path file = CmsFiles.rvu2025();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    int rows = 0;
    for (int round = 0; round < warmUp + rounds; round++) {
      for (int i = 0; i < NAMES.length; i++) {
        long start = threads.getCurrentThreadCpuTime();
        rows +=
            switch (i) {
              case 0 -> RvuFile.read(file).size();
              case 1 -> CsvRvuLoader.intoHashMap(file).size();
              default -> CsvRvuLoader.intoImmutableMap(file).size();
            };
        long end = threads.getCurrentThreadCpuTime();
        if (round >= warmUp) {
          times.get(i).add((end - start) / 1e6);
        }
      }
    }
    double[] medians = new double[NAMES.length];
    for (int i = 0; i < NAMES.length; i++) {
      List<Double> sorted = times.get(i);
      Collections.sort(sorted);
      medians[i] = sorted.get(sorted.size() / 2);
      System.out.printf(
          Locale.ROOT,
          "%-20s median thread CPU per load %6.2f ms (fastest %6.2f ms)%n",
          NAMES[i],
          medians[i],
          sorted.get(0));
    }
    System.out.printf(
        Locale.ROOT,
        "ratios (baseline / cpt4j): %s %.2fx, %s %.2fx (%d rows read)%n",
        NAMES[1],
        medians[1] / medians[0],
        NAMES[2],
        medians[2] / medians[0],
        rows);
  }
}
