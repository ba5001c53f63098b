package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The bundled Part B schedule prices its Physician Fee Schedule lines with the release in force on
 * the date of service, as {@link BundledData#medicareReleases()} does: CMS's relative values change
 * between the quarterly releases, and the lab, equipment and drug quarters beside them are 2025's
 * first.
 */
class BundledPartBDatesTest {

  private static final PartBFeeSchedule PART_B = BundledData.partBFeeSchedule();
  private static final MedicareReleases RELEASES = BundledData.medicareReleases();
  private static final Locality MANHATTAN = Locality.parse("13202-01");

  /** A date in each 2025 quarter, and one in 2026. */
  private static final List<LocalDate> DATES =
      List.of(
          LocalDate.of(2025, 3, 14),
          LocalDate.of(2025, 5, 1),
          LocalDate.of(2025, 8, 15),
          LocalDate.of(2025, 11, 3),
          LocalDate.of(2026, 2, 2));

  private static PricingContext office(LocalDate date) {
    return PricingContext.of(date, MANHATTAN, Setting.NON_FACILITY);
  }

  @Test
  void aMarchLineIsPricedWithTheJanuaryRelease() {
    // 0446T's non-facility practice expense doubled from 25A to 25B: January's 3455.73 was paid
    // until 31 March, April's (and October's) 6814.71 from 1 April.
    ClaimLine line = ClaimLine.parse("0446T");
    FeeResult march = PART_B.price(line, office(LocalDate.of(2025, 3, 14)));
    assertEquals(new BigDecimal("3455.73"), march.amountOrThrow(), march::toString);
    assertEquals(
        RELEASES.price(line, office(LocalDate.of(2025, 3, 14))).amountOrThrow(),
        march.amountOrThrow());
    assertEquals(
        new BigDecimal("6814.71"),
        PART_B.price(line, office(LocalDate.of(2025, 4, 1))).amountOrThrow());
  }

  @Test
  void everyPhysicianLineOfEveryDateIsPricedAsTheReleasesPriceIt() {
    // Every code of every bundled release, with and without its components, in both settings:
    // each date's answer (amount, or reason and detail) must be its release's.
    Set<String> lines = new TreeSet<>();
    for (MedicareRelease release : RELEASES.releases()) {
      for (RvuEntry entry : release.schedule().rvus().all()) {
        lines.add(entry.code() + entry.modifier().map(m -> "-" + m).orElse(""));
      }
    }
    // Anesthesia, priced by each 2025 release's anesthesia schedule (none in 2026A).
    lines.add("00840-QZ 60min");
    lines.add("00790-AA 95min");
    int physician = 0;
    for (String text : lines) {
      ClaimLine line = ClaimLine.parse(text);
      if (PART_B.payerOf(line) != PartBPayer.PHYSICIAN_FEE_SCHEDULE) {
        continue;
      }
      physician++;
      for (LocalDate date : DATES) {
        for (Setting setting : Setting.values()) {
          PricingContext context = PricingContext.of(date, MANHATTAN, setting);
          FeeResult routed = PART_B.price(line, context);
          FeeResult released = RELEASES.price(line, context);
          String where = text + " on " + date + " " + setting;
          assertEquals(released.amount(), routed.amount(), where);
          assertEquals(released.reason(), routed.reason(), where);
          assertEquals(released.detail(), routed.detail(), where);
          if (text.contains("min") && date.getYear() == 2025) {
            assertTrue(routed.isPriced(), where + ": " + routed);
          }
        }
      }
    }
    assertTrue(physician > 500, "physician lines: " + physician);
  }

  @Test
  void routesEveryCodeAsTheOctoberScheduleDid() {
    // Routing by every release's rows sends no bundled code elsewhere than October's rows did:
    // the sample's payment statuses move between quarters only among the paid ones. cpt lookup,
    // which shows the October rows, routes by them alone and relies on this.
    PartBFeeSchedule october =
        PartBFeeSchedule.builder()
            .physicianFeeSchedule(BundledData.medicareFeeSchedule())
            .clinicalLaboratory(BundledData.clinicalLabFeeSchedule())
            .dmepos(BundledData.dmeposFeeSchedule())
            .drugs(BundledData.aspFeeSchedule())
            .build();
    for (ProcedureCode code : BundledMedicareDataGenerator.sampleCodes()) {
      assertEquals(october.payerOf(code), PART_B.payerOf(code), code::toString);
    }
  }
}
