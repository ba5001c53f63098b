package io.github.cpt4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link ClaimPricingBenchmark#priceClaim} and {@link LookupBenchmark#lookupByCode} (cpt4j and both
 * baselines) timed by the calling thread's CPU time, on the benchmarks' own objects, keys and
 * claims: a check of a change on a busy machine, where JMH's wall-clock times wander with the load.
 * Run the build before a change and the build after it alternately, several times, and compare the
 * medians. Not a replacement for JMH on a quiet machine.
 *
 * <pre>
 * CPT4J_CMS_DIR=/path/to/cms java -cp cpt-benchmarks/target/benchmarks.jar \
 *     io.github.cpt4j.benchmarks.HotPathCpuTime claim|lookup [sample|cms-2025 [ROUNDS]]
 * </pre>
 *
 * <p>Prints, per measured implementation, the lowest round of the second half (the first half is
 * warm-up) in nanoseconds of CPU time per operation, and the bytes allocated per operation.
 */
public final class HotPathCpuTime {

  private static final long CLAIMS_PER_ROUND = 300_000;
  private static final long LOOKUPS_PER_ROUND = 40_000_000;

  /** Written so that the measured loops are not removed. */
  static volatile Object sink;

  private HotPathCpuTime() {}

  /** Runs the measurement named by the first argument; see the class comment. */
  public static void main(String[] args) {
    if (args.length == 0 || !List.of("claim", "lookup").contains(args[0])) {
      System.err.println("usage: HotPathCpuTime claim|lookup [sample|cms-2025 [ROUNDS]]");
      System.exit(2);
    }
    String dataset = args.length > 1 ? args[1] : DataSets.SAMPLE;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 12;
    if (args[0].equals("claim")) {
      ClaimPricingBenchmark claims = new ClaimPricingBenchmark();
      claims.dataset = dataset;
      claims.setUp();
      report("priceClaim cpt4j", dataset, rounds, CLAIMS_PER_ROUND, () -> claimLoop(claims));
    } else {
      for (String impl :
          List.of(
              Implementation.CPT4J,
              Implementation.GUAVA_IMMUTABLEMAP,
              Implementation.REGEX_HASHMAP)) {
        LookupBenchmark lookups = new LookupBenchmark();
        lookups.dataset = dataset;
        lookups.impl = impl;
        lookups.setUp();
        report(
            "lookupByCode " + impl, dataset, rounds, LOOKUPS_PER_ROUND, () -> lookupLoop(lookups));
      }
    }
  }

  private static void claimLoop(ClaimPricingBenchmark claims) {
    // The benchmark hands the priced claim to a black hole and returns its total; JMH asks whoever
    // makes a Blackhole outside a benchmark to say this.
    Blackhole blackhole =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating"
                + " Blackholes directly is dangerous.");
    Object last = null;
    for (long i = 0; i < CLAIMS_PER_ROUND; i++) {
      last = claims.priceClaim(blackhole);
    }
    sink = last;
  }

  private static void lookupLoop(LookupBenchmark lookups) {
    // Counting the hits keeps every result live without reading it, as JMH's black hole does.
    int found = 0;
    for (long i = 0; i < LOOKUPS_PER_ROUND; i++) {
      found += lookups.lookupByCode() != null ? 1 : 0;
    }
    sink = found;
  }

  private static void report(String name, String dataset, int rounds, long ops, Runnable loop) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
    long thread = Thread.currentThread().getId();
    List<Double> measured = new ArrayList<>();
    double bytes = 0;
    for (int round = 0; round < rounds; round++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long allocated = allocation.getThreadAllocatedBytes(thread);
      loop.run();
      double nanos = (threads.getCurrentThreadCpuTime() - cpu) / (double) ops;
      bytes = (allocation.getThreadAllocatedBytes(thread) - allocated) / (double) ops;
      if (round >= rounds / 2) {
        measured.add(nanos);
      }
    }
    Collections.sort(measured);
    System.out.printf(
        Locale.ROOT,
        "%-32s %-8s %8.2f ns/op CPU (lowest of %d rounds; median %.2f) %6.0f B/op%n",
        name,
        dataset,
        measured.get(0),
        measured.size(),
        measured.get(measured.size() / 2),
        bytes);
  }
}
