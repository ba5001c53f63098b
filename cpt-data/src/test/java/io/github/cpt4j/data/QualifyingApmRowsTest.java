package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RowModifier;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From 2026 CMS publishes a relative value file per conversion factor, and scales the QPP file's
 * OPPS columns to its own factor (71046: 2.69 and 2.61 where the non-QPP file says 2.70 and 2.62).
 * A qualifying APM participant's imaging cap is the QPP file's columns times the QPP factor; it was
 * the non-QPP file's columns times the QPP factor, 0.5% higher.
 */
class QualifyingApmRowsTest {

  private static final Locality LOS_ANGELES = Locality.parse("01182-18");

  private static PricingContext january(boolean qualifying) {
    return PricingContext.of(LocalDate.of(2026, 1, 15), LOS_ANGELES, Setting.NON_FACILITY)
        .withQualifyingApmParticipant(qualifying);
  }

  /** The OPPS cap of one unit of {@code line}, non-facility, as the schedule computes it. */
  private static BigDecimal cap(MedicareFeeSchedule schedule, String line, boolean qualifying) {
    FeeCalculation fee =
        (FeeCalculation) schedule.evaluate(ClaimLine.parse(line), january(qualifying));
    return fee.oppsCap().orElseThrow().amount(Setting.NON_FACILITY);
  }

  private static MedicareFeeSchedule bundled2026() {
    return BundledData.medicareReleases()
        .releaseOn(LocalDate.of(2026, 1, 15))
        .orElseThrow()
        .schedule();
  }

  @Test
  void aQualifyingParticipantsCapIsTheQppFilesColumnsTimesTheQppFactor() {
    MedicareFeeSchedule schedule = bundled2026();
    // (0.21 x 1.041 + 2.69 x 1.183 + 0.05 x 0.664) x 33.5675 = 115.2737...
    assertEquals(new BigDecimal("115.27"), cap(schedule, "71046", true));
    // (2.61 x 1.183 + 0.04 x 0.664) x 33.5675 = 104.5362...
    assertEquals(new BigDecimal("104.54"), cap(schedule, "71046-TC", true));
    // Everyone else: the non-QPP file's 2.70 x 33.4009.
    assertEquals(new BigDecimal("115.10"), cap(schedule, "71046", false));
  }

  @Test
  void aDirectoryWithBothFilesPricesEachKindOfProviderFromItsOwn(@TempDir Path dir)
      throws IOException {
    copy("medicare/pprrvu-2026-jan-sample.csv", dir.resolve("PPRRVU2026_Jan_nonQPP.csv"));
    copy("medicare/pprrvu-2026-jan-qpp-sample.csv", dir.resolve("PPRRVU2026_Jan_QPP.csv"));
    copy("medicare/gpci-2026-jan-subset.csv", dir.resolve("GPCI2026.csv"));
    MedicareFeeSchedule schedule = CmsDirectory.load(dir).releases().releases().get(0).schedule();
    assertTrue(schedule.qualifyingApmRvus().isPresent());
    assertEquals(new BigDecimal("115.27"), cap(schedule, "71046", true));
    assertEquals(new BigDecimal("115.10"), cap(schedule, "71046", false));
  }

  @Test
  void rowsTheQppExtractLacksComeFromTheOther() {
    MedicareFeeSchedule schedule = bundled2026();
    RvuTable all = schedule.rvus();
    RvuTable qualifying = schedule.qualifyingApmRvus().orElseThrow();
    // CMS's 2026 extracts hold different codes: 00100's row is in the non-QPP one only.
    ProcedureCode anesthesia = ProcedureCode.parse("00100");
    assertTrue(all.find(anesthesia, RowModifier.GLOBAL).isPresent());
    assertEquals(
        all.find(anesthesia, RowModifier.GLOBAL), qualifying.find(anesthesia, RowModifier.GLOBAL));
    assertEquals(all.release(), qualifying.release());
    assertTrue(qualifying.isSubset());
    // Whole files hold the same rows: the QPP table is then used as it is.
    assertSame(qualifying, QualifyingApmRows.of(qualifying, all));
  }

  @Test
  void theTwoTablesMustBeOfOneRelease() {
    MedicareFeeSchedule schedule = bundled2026();
    RvuTable april =
        schedule.qualifyingApmRvus().orElseThrow().withRelease(java.time.YearMonth.of(2026, 4));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                MedicareFeeSchedule.builder()
                    .rvus(schedule.rvus())
                    .qualifyingApmRvus(april)
                    .gpcis(schedule.gpcis())
                    .conversionFactors(schedule.conversionFactors())
                    .build());
    assertEquals(
        "the qualifying APM participants' relative value file is of 2026-04, the other of no stated"
            + " release",
        e.getMessage());
  }

  private static void copy(String resource, Path target) throws IOException {
    try (InputStream in = BundledData.class.getResourceAsStream(resource)) {
      Files.copy(in, target);
    }
  }
}
