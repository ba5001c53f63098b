package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.medicare.CmsSubset;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedicareFilesTest {

  @Test
  void noFilesIsTheBundledSchedule() throws IOException {
    assertTrue(MedicareFiles.none().isEmpty());
    assertSame(BundledData.medicareFeeSchedule(), MedicareFiles.none().schedule());
  }

  @Test
  void aGivenFileReplacesItsBundledCounterpart(@TempDir Path dir) throws IOException {
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    Path gpci = dir.resolve("GPCI.csv");
    Files.writeString(
        gpci,
        CmsSubset.MARKER
            + "\n"
            + "Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,"
            + "2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI\n"
            + "13282,NY,99,REST OF NEW YORK,1.000,0.949,0.732\n");
    MedicareFiles files = MedicareFiles.none().withGpci(gpci);
    assertFalse(files.isEmpty());
    assertEquals(Optional.of(gpci), files.gpci());
    MedicareFeeSchedule schedule = files.schedule();
    assertEquals(1, schedule.gpcis().size());
    assertEquals(bundled.rvus().size(), schedule.rvus().size());
    assertEquals(bundled.effectiveFrom(), schedule.effectiveFrom());
  }

  @Test
  void withRelativeValuesTheCapsComeFromTheirOppsColumns(@TempDir Path dir) throws IOException {
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    Path rvu = copy("pprrvu-2025-oct-sample.csv", dir);
    Path gpci = copy("gpci-2025.csv", dir);
    MedicareFeeSchedule schedule = MedicareFiles.none().withRvu(rvu).withGpci(gpci).schedule();
    // No cap table: each row's cap is computed from the file's own OPPS columns. The bundled cap
    // sample holds the bundled codes' caps only, so with another file's rows it left every other
    // imaging code uncapped (CapsFromRvusFullFileTest has the full file).
    assertEquals(0, schedule.oppsCaps().size());
    assertSame(BundledData.conversionFactors(), schedule.conversionFactors());
    assertEquals(bundled.rvus().size(), schedule.rvus().size());
    assertEquals(bundled.gpcis().size(), schedule.gpcis().size());
    // The bundled rows price as the bundled schedule does, which has the cap sample: every imaging
    // row with OPPS columns, in every locality, in both settings.
    LocalDate date = LocalDate.of(2025, 6, 2);
    int compared = 0;
    for (RvuEntry entry : bundled.rvus().all()) {
      if (entry.oppsNonFacilityPeRvu().signum() == 0 && entry.oppsFacilityPeRvu().signum() == 0) {
        continue;
      }
      ClaimLine line =
          entry.modifier().isPresent()
              ? ClaimLine.of(entry.code(), entry.modifier().get())
              : ClaimLine.of(entry.code());
      for (Gpci g : bundled.gpcis().all()) {
        for (Setting setting : Setting.values()) {
          PricingContext context = PricingContext.of(date, g.locality(), setting);
          assertEquals(
              bundled.price(line, context).amount(),
              schedule.price(line, context).amount(),
              () -> line + " " + g.locality() + " " + setting);
          compared++;
        }
      }
    }
    assertTrue(compared > 10_000, "only " + compared);
  }

  @Test
  void withoutRelativeValuesTheBundledRowsKeepTheirCapSample(@TempDir Path dir) throws IOException {
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    Path gpci = copy("gpci-2025.csv", dir);
    MedicareFeeSchedule schedule = MedicareFiles.none().withGpci(gpci).schedule();
    // The cap sample alone, read once: the very table the bundled schedule holds.
    assertSame(bundled.oppsCaps(), schedule.oppsCaps());
  }

  private static Path copy(String resource, Path dir) throws IOException {
    Path file = dir.resolve(resource);
    try (InputStream in = BundledData.class.getResourceAsStream("medicare/" + resource)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void aGpciFileOfAnotherYearIsRefusedNamingBothFiles(@TempDir Path dir) throws IOException {
    Path rvu = copy("pprrvu-2025-oct-sample.csv", dir);
    Path gpci = dir.resolve("GPCI2024.csv");
    Files.writeString(
        gpci,
        Files.readString(copy("gpci-2025.csv", dir), StandardCharsets.ISO_8859_1)
            .replace("2025 PW GPCI", "2024 PW GPCI")
            .replace("2025 PE GPCI", "2024 PE GPCI")
            .replace("2025 MP GPCI", "2024 MP GPCI"),
        StandardCharsets.ISO_8859_1);
    // It said only "the relative value file is for 2025, but the GPCIs are for 2024".
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> MedicareFiles.none().withRvu(rvu).withGpci(gpci).schedule());
    assertTrue(
        e.getMessage()
            .matches(
                "GPCI2024\\.csv, line 3, column 5: the GPCIs are for 2024 \\(column '2024 PW"
                    + " GPCI.*'\\), but the relative value file pprrvu-2025-oct-sample\\.csv is for"
                    + " 2025: expected the GPCI file of 2025"),
        e::getMessage);
    e = assertThrows(DataLoadException.class, () -> MedicareFiles.none().withGpci(gpci).schedule());
    assertTrue(
        e.getMessage().contains("but the bundled relative value sample is for 2025"),
        e::getMessage);
    // A relative value file of 2026 with the bundled GPCIs of 2025 names the file.
    Path rvu2026 = copy("pprrvu-2026-jan-sample.csv", dir);
    e =
        assertThrows(
            DataLoadException.class, () -> MedicareFiles.none().withRvu(rvu2026).schedule());
    assertTrue(e.getMessage().startsWith("pprrvu-2026-jan-sample.csv: "), e::getMessage);
  }

  @Test
  void aMissingFileIsAnIoException(@TempDir Path dir) {
    MedicareFiles files = MedicareFiles.none().withRvu(dir.resolve("missing.csv"));
    assertThrows(IOException.class, files::schedule);
    assertThrows(
        IOException.class, MedicareFiles.none().withOppsCap(dir.resolve("no.csv"))::schedule);
    new NullPointerTester().testAllPublicStaticMethods(MedicareFiles.class);
    new NullPointerTester().testAllPublicInstanceMethods(MedicareFiles.none());
  }

  /**
   * A cap read that runs only when {@code schedule} waits for it (joins it), on the waiting thread:
   * one that {@code schedule} leaves behind is still not done when it throws, every time.
   */
  private static final class ReadWhenAwaited extends CompletableFuture<Optional<OppsCapTable>> {

    private final Supplier<Optional<OppsCapTable>> read;

    private ReadWhenAwaited(Supplier<Optional<OppsCapTable>> read) {
      this.read = read;
    }

    @Override
    public Optional<OppsCapTable> join() {
      if (!isDone()) {
        try {
          complete(read.get());
        } catch (RuntimeException e) {
          completeExceptionally(e);
        }
      }
      return super.join();
    }
  }

  /** Calls {@code schedule} with the cap read held, returning what it threw and the read. */
  private static Map.Entry<DataLoadException, CompletableFuture<?>> failure(MedicareFiles files) {
    List<ReadWhenAwaited> started = new ArrayList<>();
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                files.schedule(
                    read -> {
                      ReadWhenAwaited held = new ReadWhenAwaited(read);
                      started.add(held);
                      return held;
                    }));
    assertEquals(1, started.size());
    return Map.entry(e, started.get(0));
  }

  @Test
  void aFailedReadWaitsForTheCapReadAndCarriesItsFailure(@TempDir Path dir) throws IOException {
    Path badRvu = Files.writeString(dir.resolve("PPRRVU2025_Oct.csv"), "no,header\n");
    Path badGpci = Files.writeString(dir.resolve("GPCI2025.csv"), "no,header\n");
    Path badCap = Files.writeString(dir.resolve("OPPSCAP_Oct.csv"), "no,header\n");
    Path goodCap = copy("oppscap-2025-oct-sample.csv", dir);
    Path goodRvu = copy("pprrvu-2025-oct-sample.csv", dir);

    // A malformed relative value file with a malformed cap file: the first is thrown, the second
    // rides along, and the cap read has ended.
    var failed = failure(MedicareFiles.none().withRvu(badRvu).withOppsCap(badCap));
    assertTrue(failed.getValue().isDone(), "schedule() threw while the cap read was running");
    assertTrue(failed.getKey().getMessage().startsWith("PPRRVU2025_Oct.csv"), failed::toString);
    assertEquals(1, failed.getKey().getSuppressed().length, failed::toString);
    assertTrue(
        failed.getKey().getSuppressed()[0] instanceof DataLoadException suppressed
            && suppressed.getMessage().startsWith("OPPSCAP_Oct.csv"),
        failed::toString);

    // With a valid cap file: waited for too, and nothing to add.
    failed = failure(MedicareFiles.none().withRvu(badRvu).withOppsCap(goodCap));
    assertTrue(failed.getValue().isDone(), "schedule() threw while the cap read was running");
    assertTrue(failed.getKey().getMessage().startsWith("PPRRVU2025_Oct.csv"), failed::toString);
    assertEquals(0, failed.getKey().getSuppressed().length, failed::toString);

    // A malformed GPCI file, read after a valid relative value file: the same.
    failed = failure(MedicareFiles.none().withRvu(goodRvu).withGpci(badGpci).withOppsCap(badCap));
    assertTrue(failed.getValue().isDone(), "schedule() threw while the cap read was running");
    assertTrue(failed.getKey().getMessage().startsWith("GPCI2025.csv"), failed::toString);
    assertEquals(1, failed.getKey().getSuppressed().length, failed::toString);

    // Only the cap file malformed: its own failure is thrown, as before.
    failed = failure(MedicareFiles.none().withRvu(goodRvu).withOppsCap(badCap));
    assertTrue(failed.getKey().getMessage().startsWith("OPPSCAP_Oct.csv"), failed::toString);
    assertEquals(0, failed.getKey().getSuppressed().length, failed::toString);
  }
}
