package io.github.cpt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The executor's schedule cache, without Spark: loaders held on latches stand for a slow build of
 * the CMS files, so that each test sees one thread building while others ask.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ScheduleCacheTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  /** A loader that says it has started, then waits to be released before it returns or fails. */
  private static final class HeldLoader implements Supplier<String> {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    private final RuntimeException failure;

    HeldLoader(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public String get() {
      calls.incrementAndGet();
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (failure != null) {
        throw failure;
      }
      return "built";
    }
  }

  /** The loader of a value that must already be cached. */
  private static String loadedAgain() {
    return fail("loaded again");
  }

  private static Supplier<String> counting(AtomicInteger loads, String value) {
    return () -> {
      loads.incrementAndGet();
      return value;
    };
  }

  /** Waits until {@code thread} is parked, which a thread waiting for another's build is. */
  private static void awaitWaiting(Thread thread) throws InterruptedException {
    while (thread.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
  }

  @Test
  void loadingOneScheduleHoldsUpNeitherLookupsOfOthersNorOtherLoads() throws Exception {
    ScheduleCache<String> cache = new ScheduleCache<>(4);
    assertEquals("a", cache.get("a", () -> "a"));
    HeldLoader slow = new HeldLoader(null);
    Future<String> building = threads.submit(() -> cache.get("b", slow));
    assertTrue(slow.started.await(5, TimeUnit.SECONDS));

    // While b is being built, in other threads: a is found, c is built.
    assertEquals(
        "a",
        threads
            .submit(() -> cache.get("a", ScheduleCacheTest::loadedAgain))
            .get(5, TimeUnit.SECONDS));
    assertEquals("c", threads.submit(() -> cache.get("c", () -> "c")).get(5, TimeUnit.SECONDS));

    slow.release.countDown();
    assertEquals("built", building.get());
    assertEquals("built", cache.get("b", ScheduleCacheTest::loadedAgain));
  }

  @Test
  void callersOfTheSameScheduleAtOnceLoadItOnce() throws Exception {
    ScheduleCache<String> cache = new ScheduleCache<>(4);
    HeldLoader slow = new HeldLoader(null);
    Future<String> first = threads.submit(() -> cache.get("k", slow));
    assertTrue(slow.started.await(5, TimeUnit.SECONDS));
    List<Thread> waiters = new ArrayList<>();
    List<Future<String>> others = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      others.add(
          threads.submit(
              () -> {
                synchronized (waiters) {
                  waiters.add(Thread.currentThread());
                  waiters.notifyAll();
                }
                return cache.get("k", slow);
              }));
    }
    synchronized (waiters) {
      while (waiters.size() < 3) {
        waiters.wait();
      }
    }
    for (Thread waiter : waiters) {
      awaitWaiting(waiter);
    }

    slow.release.countDown();
    String value = first.get();
    for (Future<String> other : others) {
      assertSame(value, other.get());
    }
    assertEquals(1, slow.calls.get());
  }

  @Test
  void aFailedLoadReachesEveryWaiterAndIsNotKept() throws Exception {
    ScheduleCache<String> cache = new ScheduleCache<>(4);
    IllegalArgumentException bad =
        new IllegalArgumentException("PPRRVU2025_Oct.csv, line 12, column 6: not a number");
    HeldLoader failing = new HeldLoader(bad);
    Future<String> first = threads.submit(() -> cache.get("k", failing));
    assertTrue(failing.started.await(5, TimeUnit.SECONDS));
    Thread[] waiter = new Thread[1];
    CountDownLatch asking = new CountDownLatch(1);
    Future<String> second =
        threads.submit(
            () -> {
              waiter[0] = Thread.currentThread();
              asking.countDown();
              return cache.get("k", failing);
            });
    assertTrue(asking.await(5, TimeUnit.SECONDS));
    awaitWaiting(waiter[0]);

    failing.release.countDown();
    for (Future<String> each : List.of(first, second)) {
      var thrown = assertThrows(ExecutionException.class, each::get);
      assertSame(bad, thrown.getCause());
    }
    assertEquals(1, failing.calls.get(), "the waiter loaded again instead of taking the failure");

    // The failure is not kept: the next request loads again.
    AtomicInteger retries = new AtomicInteger();
    assertEquals("ok", cache.get("k", counting(retries, "ok")));
    assertEquals(1, retries.get());
  }

  @Test
  void keepsAtMostItsCapacityEvictingTheLeastRecentlyUsed() {
    ScheduleCache<String> cache = new ScheduleCache<>(4);
    for (String key : List.of("a", "b", "c", "d")) {
      cache.get(key, () -> key);
    }
    cache.get("a", ScheduleCacheTest::loadedAgain); // now b is the least recently used
    cache.get("e", () -> "e");

    AtomicInteger loads = new AtomicInteger();
    for (String key : List.of("a", "c", "d", "e")) {
      assertEquals(key, cache.get(key, ScheduleCacheTest::loadedAgain));
    }
    assertEquals("b", cache.get("b", counting(loads, "b")));
    assertEquals(1, loads.get(), "b was kept beyond the capacity");
  }

  @Test
  void aWaiterInterruptedStopsWaitingAndTheLoadGoesOn() throws Exception {
    ScheduleCache<String> cache = new ScheduleCache<>(4);
    HeldLoader slow = new HeldLoader(null);
    Future<String> first = threads.submit(() -> cache.get("k", slow));
    assertTrue(slow.started.await(5, TimeUnit.SECONDS));
    Thread[] waiter = new Thread[1];
    CountDownLatch asking = new CountDownLatch(1);
    Future<Boolean> interrupted =
        threads.submit(
            () -> {
              waiter[0] = Thread.currentThread();
              asking.countDown();
              assertThrows(IllegalStateException.class, () -> cache.get("k", slow));
              return Thread.currentThread().isInterrupted();
            });
    assertTrue(asking.await(5, TimeUnit.SECONDS));
    awaitWaiting(waiter[0]);
    waiter[0].interrupt();
    assertTrue(interrupted.get(), "the interrupt status was lost");

    slow.release.countDown();
    assertEquals("built", first.get());
    assertEquals("built", cache.get("k", ScheduleCacheTest::loadedAgain));
  }
}
