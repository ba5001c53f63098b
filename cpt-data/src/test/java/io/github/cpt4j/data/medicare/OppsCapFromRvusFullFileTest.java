package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCap;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OPPS cap computed from the RVU file's OPPS columns agrees with CMS's OPPSCAP file on every
 * payable row: the file publishes the lower of the fee schedule amount and the cap, so that lower
 * amount, computed, equals the file's figure in both settings. Checked for each 2025 release that
 * has its own cap file (A, C and D), and for release B, which has none, against A's file: B's OPPS
 * columns are A's, so a release priced from its own columns pays what A's file says. Skipped
 * without {@code CPT4J_CMS_DIR}.
 */
class OppsCapFromRvusFullFileTest {

  @Test
  void computedCapsReproduceEveryPayableRowOfTheCapFile() {
    assertEquals(List.of(), mismatches(CmsFiles.schedule2025(), CmsFiles.schedule2025().rvus()));
  }

  @ParameterizedTest(name = "{0} against {1}")
  @CsvSource({
    "2025/quarterly/PPRRVU25_JAN.csv, 2025/quarterly/OPPSCAP_JAN.csv",
    "2025/quarterly/PPRRVU2025_Jul.csv, 2025/quarterly/OPPSCAP_JUL.csv",
    // 25B has no cap file of its own: its OPPS columns give A's figures to the cent.
    "2025/quarterly/PPRRVU25_APR.csv, 2025/quarterly/OPPSCAP_JAN.csv",
  })
  void eachQuarterlyReleasesColumnsGiveTheCapFileToTheCent(String rvuFile, String capFile)
      throws IOException {
    RvuTable rvus = RvuFile.read(CmsFiles.file(rvuFile));
    GpciTable gpcis = GpciFile.read(CmsFiles.file("2025/GPCI2025.csv"));
    OppsCapTable caps = OppsCapFile.read(CmsFiles.file(capFile));
    MedicareFeeSchedule schedule =
        MedicareFeeSchedule.builder()
            .name("medicare-pfs-2025-" + rvuFile)
            .rvus(rvus)
            .gpcis(gpcis)
            .oppsCaps(caps)
            .conversionFactors(ConversionFactorFile.read(CmsFiles.file("conversion-factors.csv")))
            .build();
    assertEquals(List.of(), mismatches(schedule, rvus));
  }

  /** Checks each payable figure of {@code schedule}'s cap table against {@code rvus}' columns. */
  private static List<String> mismatches(MedicareFeeSchedule schedule, RvuTable rvus) {
    ConversionFactor factor =
        schedule.conversionFactor(LocalDate.of(2025, 6, 2), false).orElseThrow();
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (OppsCap published : schedule.oppsCaps().all()) {
      if (published.status() != PaymentStatus.A) {
        continue;
      }
      Optional<Gpci> gpci = schedule.gpci(published.locality());
      if (gpci.isEmpty()) {
        // The OPPSCAP file still lists some localities the GPCI file no longer has.
        continue;
      }
      RvuEntry entry = rvus.find(published.code(), published.modifier()).orElseThrow();
      Optional<OppsCap> computed = OppsCap.fromRvus(entry, gpci.get(), factor);
      assertTrue(computed.isPresent(), published.row() + " has no OPPS columns");
      for (Setting setting : Setting.values()) {
        BigDecimal fee =
            FeeCalculation.of(entry, gpci.get(), factor, setting, Optional.empty()).amount();
        BigDecimal expected = fee.min(computed.get().amount(setting));
        checked++;
        if (expected.compareTo(published.amount(setting)) != 0) {
          mismatches.add(
              published.row() + " " + published.locality() + " " + setting + ": " + expected);
        }
      }
    }
    // 6,322 rows of status A in each 2025 cap file, in the 109 localities of the GPCI file.
    assertEquals(12_644, checked, "amounts checked");
    return mismatches;
  }
}
