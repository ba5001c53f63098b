package io.github.cpt4j.cli.price;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.cli.price.PricingData.CmsFiles;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A preload whose result is not wanted is stopped: the relative value file's read after the other
 * Part B schedules failed, and both reads of a preload made for other files than the command's. The
 * loads are stand-ins that hold until they are interrupted or cancelled, so the tests never race.
 */
class MedicareDataCancelTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);

  private static final CmsFiles GUESSED =
      new CmsFiles(
          Optional.of(Path.of("guessed-rvu.csv")),
          Optional.of(Path.of("guessed-gpci.csv")),
          Optional.empty());

  /** Ends the stand-ins' waits whatever a test did, so that no thread outlives it. */
  private final CountDownLatch release = new CountDownLatch(1);

  private final AtomicBoolean stop = new AtomicBoolean();

  private final CountDownLatch scheduleStarted = new CountDownLatch(1);
  private final AtomicReference<Thread> scheduleThread = new AtomicReference<>();
  private final AtomicBoolean scheduleInterrupted = new AtomicBoolean();

  @AfterEach
  void releaseTheStandIns() {
    stop.set(true);
    release.countDown();
  }

  /**
   * A relative value read that holds until it is interrupted (a read from the disk then throws).
   */
  private MedicareFeeSchedule heldSchedule() {
    scheduleThread.set(Thread.currentThread());
    scheduleStarted.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      scheduleInterrupted.set(true);
      throw new CancellationException("interrupted");
    }
    throw new IllegalStateException("released by the test, not stopped by the pricer");
  }

  @Test
  void aFailedPartBLoadStopsThePreloadedScheduleRead() {
    UncheckedIOException broken = new UncheckedIOException(new IOException("lab file broken"));
    MedicareData data =
        new MedicareData(
            new MedicareData.Loader() {
              @Override
              public MedicareFeeSchedule physicianFeeSchedule(CmsFiles files) {
                return heldSchedule();
              }

              @Override
              public MedicareData.OtherSchedules otherPartBSchedules(
                  CmsFiles files, Runnable checkpoint) {
                throw broken;
              }
            });
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          data.preload(GUESSED);
          assertTrue(scheduleStarted.await(LIMIT.toSeconds(), TimeUnit.SECONDS));
          // The lab file's failure is reported as before...
          assertSame(
              broken, assertThrows(UncheckedIOException.class, () -> data.pricer(GUESSED, false)));
          // ...and the relative value read was stopped, and had ended, when it was.
          assertTrue(scheduleInterrupted.get());
          assertFalse(scheduleThread.get().isAlive());
        });
  }

  @Test
  void aPreloadOfOtherFilesIsStoppedWhenDropped() {
    AtomicReference<Thread> partBThread = new AtomicReference<>();
    CountDownLatch partBStarted = new CountDownLatch(1);
    AtomicBoolean partBCancelled = new AtomicBoolean();
    MedicareData data =
        new MedicareData(
            new MedicareData.Loader() {
              @Override
              public MedicareFeeSchedule physicianFeeSchedule(CmsFiles files) {
                return heldSchedule();
              }

              /** Reads "file" after "file" until its checkpoint says to give up. */
              @Override
              public MedicareData.OtherSchedules otherPartBSchedules(
                  CmsFiles files, Runnable checkpoint) {
                partBThread.set(Thread.currentThread());
                partBStarted.countDown();
                while (!stop.get()) {
                  try {
                    checkpoint.run();
                  } catch (CancellationException e) {
                    partBCancelled.set(true);
                    throw e;
                  }
                  LockSupport.parkNanos(1_000_000);
                }
                throw new IllegalStateException("stopped by the test, not by the pricer");
              }
            });
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          data.preload(GUESSED);
          assertTrue(scheduleStarted.await(LIMIT.toSeconds(), TimeUnit.SECONDS));
          assertTrue(partBStarted.await(LIMIT.toSeconds(), TimeUnit.SECONDS));
          // The command's files are other than the guess: the bundled tables alone.
          RowPricer pricer = data.pricer(CmsFiles.NONE, false);
          assertTrue(pricer.knowsLocality(Locality.parse("13282-99")));
          assertFalse(data.preloading(GUESSED));
          assertTrue(scheduleInterrupted.get());
          assertTrue(partBCancelled.get());
          assertFalse(scheduleThread.get().isAlive());
          assertFalse(partBThread.get().isAlive());
        });
  }

  @Test
  void aPreloadTakenWholeIsNotCancelled() {
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    AtomicBoolean checked = new AtomicBoolean();
    MedicareData data =
        new MedicareData(
            new MedicareData.Loader() {
              @Override
              public MedicareFeeSchedule physicianFeeSchedule(CmsFiles files) {
                return bundled;
              }

              @Override
              public MedicareData.OtherSchedules otherPartBSchedules(
                  CmsFiles files, Runnable checkpoint) {
                MedicareData.OtherSchedules others =
                    MedicareData.Loader.FILES.otherPartBSchedules(CmsFiles.NONE, checkpoint);
                checkpoint.run(); // still wanted: does not throw
                checked.set(true);
                return others;
              }
            });
    data.preload(GUESSED);
    RowPricer pricer = data.pricer(GUESSED, false);
    assertTrue(checked.get());
    assertTrue(pricer.knowsLocality(Locality.parse("13282-99")));
  }
}
