package io.github.cpt4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that adds the benchmark threads' CPU time per operation ({@code cpu.ns/op}) to
 * every iteration, beside JMH's wall-clock score.
 *
 * <p>Why: on a loaded machine a fork's wall-clock score mixes two things, how well the JIT compiled
 * that fork and how often the operating system took its core away. CPU time counts only the time
 * the thread ran, so a fork's {@code cpu.ns/op} tells the JIT outcomes apart while other processes
 * run. It is a slight over-estimate (it also counts JMH's own work between iterations, a few
 * microseconds a second) and does not replace wall-clock scores on a quiet machine.
 *
 * <pre>
 * java -jar cpt-benchmarks/target/benchmarks.jar CodeSyntaxBenchmark.parseValid -f 5 \
 *     -prof io.github.cpt4j.benchmarks.ThreadCpuProfiler
 * </pre>
 */
public final class ThreadCpuProfiler implements InternalProfiler {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU nanoseconds of each benchmark thread when the iteration began, by thread id. */
  private final Map<Long, Long> before = new HashMap<>();

  @Override
  public String getDescription() {
    return "CPU time of the benchmark threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before.clear();
    for (Thread thread : workers()) {
      before.put(thread.getId(), THREADS.getThreadCpuTime(thread.getId()));
    }
  }

  @Override
  public List<? extends Result<?>> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long cpu = 0;
    for (Thread thread : workers()) {
      long now = THREADS.getThreadCpuTime(thread.getId());
      // A worker made during this iteration started from zero.
      cpu += now - before.getOrDefault(thread.getId(), 0L);
    }
    long ops = result.getMetadata().getAllOps();
    double perOp = ops == 0 ? Double.NaN : (double) cpu / ops;
    return List.of(new ScalarResult("cpu.ns/op", perOp, "ns/op", AggregationPolicy.AVG));
  }

  /** JMH's benchmark threads, by their name ({@code <benchmark>-jmh-worker-<n>}). */
  private static List<Thread> workers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().contains("jmh-worker"))
        .toList();
  }
}
