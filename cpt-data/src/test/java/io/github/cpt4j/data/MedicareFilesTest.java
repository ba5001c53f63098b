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
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
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
}
