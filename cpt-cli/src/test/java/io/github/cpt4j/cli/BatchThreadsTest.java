package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.cli.price.BatchPricing;
import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.price.PricingDefaults;
import io.github.cpt4j.cli.price.RowFailedException;
import io.github.cpt4j.cli.price.RowPricer;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The batch pipeline's threads when a run fails: none is left running after {@code run} has thrown,
 * not even one still pricing, and an interrupted caller keeps its interrupt and gets the rows sent
 * before it.
 */
class BatchThreadsTest {

  private static final PricingDefaults DEFAULTS =
      new PricingDefaults(
          Optional.of(Locality.parse("13282-99")), Setting.NON_FACILITY, LocalDate.of(2025, 6, 1));

  /** 512 rows a chunk: rows of one-line claims fill chunks exactly. */
  private static final int CHUNK = 512;

  private static String input(int rows) {
    StringBuilder csv = new StringBuilder("code,claim\n");
    for (int i = 0; i < rows; i++) {
      csv.append("99213,c").append(i).append('\n');
    }
    return csv.toString();
  }

  private static List<Outcome> ones(int lines) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      outcomes.add(Outcome.priced(BigDecimal.ONE, "one"));
    }
    return outcomes;
  }

  /**
   * The threads of the batch pipeline that were not there before and are still alive a moment
   * later: a pool's last worker signals the pool's end just before its thread ends, so a thread
   * that has finished its work is given up to five seconds to be gone (a loaded machine may be slow
   * to end it). One left waiting is not.
   */
  private static Set<Thread> pipelineThreads(Set<Thread> before) throws InterruptedException {
    Set<Thread> left =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && !before.contains(t))
            .filter(t -> t.getName().startsWith("cpt-write") || t.getName().startsWith("cpt-price"))
            .collect(Collectors.toSet());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Thread thread : left) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
    }
    return left.stream().filter(Thread::isAlive).collect(Collectors.toSet());
  }

  private static Set<Thread> threadsNow() {
    return Set.copyOf(Thread.getAllStackTraces().keySet());
  }

  @Test
  @Timeout(10)
  void anInterruptedRunWritesTheRowsSentKeepsTheInterruptAndLeavesNoThread()
      throws InterruptedException {
    Set<Thread> before = threadsNow();
    Thread caller = Thread.currentThread();
    AtomicInteger calls = new AtomicInteger();
    RowPricer interrupting =
        (lines, participating) -> {
          if (calls.incrementAndGet() == 2 * CHUNK) {
            caller.interrupt(); // as a server cancelling the request that runs the batch
          }
          return ones(lines.size());
        };
    StringWriter out = new StringWriter();
    try {
      // On this thread, which the pricer interrupts: no preemptive timeout's thread in between.
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  new BatchPricing(DEFAULTS, true, interrupting, zip -> Optional.empty(), 2)
                      .run(
                          new ByteArrayInputStream(
                              input(200 * CHUNK).getBytes(StandardCharsets.UTF_8)),
                          out,
                          Format.CSV,
                          rows -> {}));
      assertEquals("interrupted while pricing", e.getMessage());
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
    } finally {
      Thread.interrupted();
    }
    assertEquals(Set.of(), pipelineThreads(before));
    // The chunks sent before the interrupt reach the output, whole rows in the input's order: the
    // first at least, sent before the second was priced. (The chunk being sent when the interrupt
    // came is dropped: the second, when its last claim is priced before the reader hands it on.)
    String[] lines = out.toString().split("\n", -1);
    int written = lines.length - 2;
    assertTrue(written >= CHUNK && written % CHUNK == 0, "rows written: " + written);
    assertEquals("", lines[lines.length - 1], "the output ends with a whole row");
    for (int i = 1; i < lines.length - 1; i++) {
      assertTrue(lines[i].startsWith("99213,c" + (i - 1) + ","), lines[i]);
    }
  }

  @Test
  void aRunThatFailsReturnsOnlyOnceNoPricingThreadIsStillPricing() throws InterruptedException {
    Set<Thread> before = threadsNow();
    CountDownLatch secondChunkStarted = new CountDownLatch(1);
    AtomicInteger pricing = new AtomicInteger();
    AtomicInteger secondChunkClaims = new AtomicInteger();
    RowPricer pricer =
        (lines, participating) -> {
          pricing.incrementAndGet();
          try {
            String code = lines.get(0).line().code().toString();
            if (!code.equals("99213")) {
              // The second chunk's first claim: busy, deaf to interrupts, as a pricer in the middle
              // of a claim when the run fails.
              if (secondChunkClaims.getAndIncrement() == 0) {
                secondChunkStarted.countDown();
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
                while (System.nanoTime() < end) {
                  Thread.onSpinWait();
                }
              }
              return ones(lines.size());
            }
            boolean started = awaitUninterruptibly(secondChunkStarted);
            throw new IllegalStateException("the pricer broke; second chunk started: " + started);
          } finally {
            pricing.decrementAndGet();
          }
        };
    StringBuilder csv = new StringBuilder("code,claim\n");
    for (int i = 0; i < 2 * CHUNK; i++) {
      csv.append(i < CHUNK ? "99213" : "99214").append(",c").append(i).append('\n');
    }
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(10),
                    () ->
                        new BatchPricing(DEFAULTS, true, pricer, zip -> Optional.empty(), 2)
                            .run(
                                new ByteArrayInputStream(
                                    csv.toString().getBytes(StandardCharsets.UTF_8)),
                                new StringWriter(),
                                Format.CSV,
                                rows -> {})));
    assertTrue(e.getMessage().contains("second chunk started: true"), e.getMessage());
    assertTrue(e.getMessage().startsWith("file line 2: internal error: "), e.getMessage());
    assertEquals(0, pricing.get(), "no pricer call is still running when run has thrown");
    // Cancelled, the chunk stops at its next claim rather than price its 511 others for nothing.
    assertEquals(1, secondChunkClaims.get());
    assertEquals(Set.of(), pipelineThreads(before));
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void aPricerThatThrowsIsReportedWithTheFileLineOfItsClaim() {
    // Line 1 is the header; the claim of code 99215 starts on line 1,302 and spans two rows.
    StringBuilder csv = new StringBuilder("code,claim\n");
    for (int i = 0; i < 3_000; i++) {
      String code = i == 1_300 || i == 1_301 ? "99215" : "99213";
      csv.append(code).append(",c").append(i == 1_301 ? 1_300 : i).append('\n');
    }
    IllegalArgumentException broken = new IllegalArgumentException("no such row");
    RowPricer pricer =
        (lines, participating) -> {
          if (lines.get(0).line().code().toString().equals("99215")) {
            throw broken;
          }
          return ones(lines.size());
        };
    for (Format format : List.of(Format.CSV, Format.JSON)) {
      RowFailedException e =
          assertThrows(
              RowFailedException.class,
              () ->
                  assertTimeoutPreemptively(
                      Duration.ofSeconds(10),
                      () ->
                          new BatchPricing(DEFAULTS, true, pricer, zip -> Optional.empty(), 2)
                              .run(
                                  new ByteArrayInputStream(
                                      csv.toString().getBytes(StandardCharsets.UTF_8)),
                                  new StringWriter(),
                                  format,
                                  rows -> {})));
      assertEquals(1_302, e.line());
      assertEquals(
          "file line 1302: internal error: java.lang.IllegalArgumentException: no such row",
          e.getMessage());
      assertSame(broken, e.getCause());
    }
  }

  private static boolean awaitUninterruptibly(CountDownLatch latch) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (true) {
      try {
        return latch.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        // The writer cancels the chunk: keep waiting, as a pricer that does not look.
      }
    }
  }
}
