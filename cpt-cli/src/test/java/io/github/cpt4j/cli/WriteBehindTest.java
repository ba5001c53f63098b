package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.base.Throwables;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A large output is synced in steps while it is written, one sync at a time. */
class WriteBehindTest {

  @Test
  void nothingIsSyncedBeforeAStepIsWritten() throws IOException {
    AtomicInteger syncs = new AtomicInteger();
    WriteBehind behind = new WriteBehind(100, syncs::incrementAndGet);
    behind.written(60);
    behind.written(39);
    behind.finish();
    assertEquals(0, syncs.get());
  }

  @Test
  void eachStepWrittenStartsASyncThatFinishWaitsFor() throws IOException {
    AtomicInteger syncs = new AtomicInteger();
    WriteBehind behind = new WriteBehind(100, syncs::incrementAndGet);
    behind.written(100);
    behind.finish();
    assertEquals(1, syncs.get());
    behind.written(250);
    behind.finish();
    assertEquals(2, syncs.get());
  }

  @Test
  void aSyncUnderWayIsNotJoinedByAnother() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger syncs = new AtomicInteger();
    WriteBehind behind =
        new WriteBehind(
            10,
            () -> {
              syncs.incrementAndGet();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    behind.written(10);
    for (int i = 0; i < 50; i++) {
      behind.written(10); // the first sync is still blocked: none of these starts another
    }
    release.countDown();
    behind.finish();
    assertEquals(1, syncs.get());
  }

  @Test
  void aFailedSyncIsThrownByFinish() {
    IOException broken = new IOException("Input/output error");
    WriteBehind behind =
        new WriteBehind(
            10,
            () -> {
              throw broken;
            });
    behind.written(10);
    assertSame(broken, assertThrows(IOException.class, behind::finish));
  }

  @Test
  void anUncheckedFailureOfASyncIsThrownByFinishNotByItsThread() throws InterruptedException {
    for (Throwable broken :
        List.of(
            new IllegalStateException("the sync broke"),
            new StackOverflowError(),
            new OutOfMemoryError("Java heap space"))) {
      AtomicReference<Thread> syncThread = new AtomicReference<>();
      WriteBehind behind =
          new WriteBehind(
              10,
              () -> {
                syncThread.set(Thread.currentThread());
                Throwables.throwIfUnchecked(broken);
              });
      behind.written(10);
      // As the sync threw it, for the command's own error reporting; before, finish returned
      // normally (the run ended with status 0) and the thread's default handler printed it.
      assertSame(broken, assertThrows(broken.getClass(), behind::finish));
      syncThread.get().join();
      assertEquals(Thread.State.TERMINATED, syncThread.get().getState());
    }
  }

  @Test
  void theFirstFailureIsTheOneThrown() {
    IOException first = new IOException("Input/output error");
    AtomicInteger syncs = new AtomicInteger();
    WriteBehind behind =
        new WriteBehind(
            10,
            () -> {
              if (syncs.incrementAndGet() == 1) {
                throw first;
              }
              throw new IllegalStateException("second");
            });
    behind.written(10);
    assertThrows(IOException.class, behind::finish);
    behind.written(10);
    assertSame(first, assertThrows(IOException.class, behind::finish));
  }

  @Test
  void aStepMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new WriteBehind(0, () -> {}));
  }
}
