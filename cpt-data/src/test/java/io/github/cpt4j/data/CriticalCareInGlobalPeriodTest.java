package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.modifier.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Critical care unrelated to a surgery, in the surgery's global period: paid when it carries FT (CY
 * 2022 physician fee schedule), on the bundled 2025 data in 13282-99, facility.
 */
class CriticalCareInGlobalPeriodTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(String... lines) {
    List<BilledLine> billed = new ArrayList<>();
    for (String line : lines) {
      billed.add(BilledLine.parse(line));
    }
    return PRICER.price(Claim.of(billed), CONTEXT);
  }

  private static void assertDenied(PricedLine line) {
    assertFalse(line.isPriced(), line.toString());
    assertEquals(UnpricedReason.GLOBAL_SURGERY, line.reason().orElseThrow(), line.toString());
  }

  @Test
  void ftMakesUnrelatedCriticalCarePayableOnEveryDayOfThePackage() {
    // On the day of a major surgery, the day before, and in its postoperative days.
    for (String day : List.of("2025-06-01", "2025-06-02", "2025-06-20", "2025-08-31")) {
      PricedClaim claim = price("27447", "99291-FT on " + day, "99292-FT on " + day);
      assertTrue(claim.line(1).isPriced(), claim.toString());
      assertTrue(claim.line(2).isPriced(), claim.toString());
      assertEquals(
          claim.line(1).amount().orElseThrow(),
          price("99291 on " + day).line(0).amount().orElseThrow(),
          claim.toString());
    }
  }

  @Test
  void withoutFtCriticalCareIsInThePackageAndTheFindingNamesFt() {
    PricedLine visit = price("27447", "99291 on 2025-06-20").line(1);
    assertDenied(visit);
    assertTrue(
        visit
            .detail()
            .endsWith(
                "add 24 if the visit is unrelated to the surgery, or FT if the critical care is"
                    + " unrelated to the surgery (Claims Processing Manual ch. 12 §40.1)"),
        visit.detail());
  }

  @Test
  void ftPassesCriticalCareOnlyOtherVisitsKeep24() {
    PricedLine visit = price("27447", "99213-FT on 2025-06-20").line(1);
    assertDenied(visit);
    assertFalse(visit.detail().contains("FT"), visit.detail());
    assertTrue(price("27447", "99213-24 on 2025-06-20").line(1).isPriced());
    // FT is a modifier the registry knows, so a rule check does not call it unknown.
    assertTrue(Modifier.parse("FT").isKnown());
    assertTrue(Modifier.parse("FS").isKnown());
  }
}
