package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;

class ThreadCpuProfilerTest {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Test
  void reportsTheWorkersCpuTimePerOperationAndIgnoresOtherThreads() throws Exception {
    ThreadCpuProfiler profiler = new ThreadCpuProfiler();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch exit = new CountDownLatch(1);
    long[] ownCpu = new long[1];
    Thread worker =
        new Thread(
            () -> {
              await(start);
              long before = THREADS.getCurrentThreadCpuTime();
              burn(30_000_000);
              ownCpu[0] = THREADS.getCurrentThreadCpuTime() - before;
              done.countDown();
              await(exit); // stay alive, as a JMH worker does, until the iteration is read
            },
            "X.parseValid-jmh-worker-1");
    worker.start();
    profiler.beforeIteration(null, null);
    start.countDown();
    done.await();
    burn(30_000_000); // CPU time of a thread that is no JMH worker: must not count
    List<? extends Result<?>> results =
        profiler.afterIteration(
            null, null, new IterationResult(null, null, new IterationResultMetaData(1_000, 1_000)));
    exit.countDown();
    worker.join();

    assertEquals(1, results.size());
    Result<?> result = results.get(0);
    // JMH puts a middle dot before a secondary result's label.
    assertEquals("cpu.ns/op", result.getLabel().replace("\u00b7", ""));
    double measured = result.getScore() * 1_000;
    assertTrue(ownCpu[0] > 10_000_000, "the worker burned " + ownCpu[0] + " ns");
    assertTrue(
        Math.abs(measured - ownCpu[0]) < 5_000_000,
        "profiler " + measured + " ns, worker's own clock " + ownCpu[0] + " ns");
  }

  /**
   * Spins until this thread has used {@code nanos} of CPU time. The loop cannot be removed: its
   * condition asks the operating system each time.
   */
  private static void burn(long nanos) {
    long end = THREADS.getCurrentThreadCpuTime() + nanos;
    while (THREADS.getCurrentThreadCpuTime() < end) {
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
