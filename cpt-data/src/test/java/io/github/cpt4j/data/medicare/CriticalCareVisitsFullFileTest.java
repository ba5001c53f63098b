package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.CriticalCareEdit;
import io.github.cpt4j.fee.medicare.pfs.claim.SameDayVisitsEdit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The visits and the 99291 of a critical care day on the full October 2025 file (skipped without
 * CPT4J_CMS_DIR), in 13282-99, facility, 2025-10-01: a visit of the same practitioner is paid
 * beside critical care only with modifier 25 (CY 2022 physician fee schedule final rule), and 99291
 * once a day (Claims Processing Manual ch. 12 §30.6.12). Before, every pair here paid both lines.
 */
class CriticalCareVisitsFullFileTest {

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 10, 1), Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(String... lines) {
    return CmsFiles.priceClaim(CONTEXT, lines);
  }

  private static void assertPaid(String amount, PricedLine line) {
    assertEquals(new BigDecimal(amount), line.amount().orElse(null), line.toString());
  }

  private static void assertDeniedBeside(PricedLine line, String criticalCareLine) {
    assertFalse(line.isPriced(), line.toString());
    assertEquals(UnpricedReason.EDIT_DENIED, line.reason().orElseThrow(), line.toString());
    assertEquals(Optional.of(CriticalCareEdit.NAME), line.refusedBy(), line.toString());
    assertTrue(line.detail().contains("(line " + criticalCareLine + ")"), line.detail());
  }

  @Test
  void anEmergencyVisitWithout25IsNotPaidBesideCriticalCare() {
    PricedClaim claim = price("99285 $400.00", "99291 $600.00");
    assertDeniedBeside(claim.line(0), "2");
    assertPaid("199.57", claim.line(1));
    assertEquals(new BigDecimal("199.57"), claim.total(), claim.toString());
    // With 25 on the critical care (as CMS asks) or on the visit, both are paid: 163.82 + 199.57.
    assertEquals(new BigDecimal("363.39"), price("99285 $400.00", "99291-25 $600.00").total());
    assertEquals(new BigDecimal("363.39"), price("99285-25 $400.00", "99291 $600.00").total());
  }

  @Test
  void anOfficeVisitAndItsComplexityAddOnGoWithoutTheir25() {
    PricedClaim claim = price("99214 $200.00", "G2211 $20.00", "99291 $600.00");
    assertDeniedBeside(claim.line(0), "3");
    // G2211 is paid only beside an office visit that is paid.
    assertFalse(claim.line(1).isPriced(), claim.toString());
    assertEquals(
        UnpricedReason.NOT_PAYABLE_ON_CLAIM,
        claim.line(1).reason().orElseThrow(),
        claim.toString());
    assertPaid("199.57", claim.line(2));
  }

  @Test
  void theAdmissionBilledWith25HoldsTheEmergencyVisitAsOnAnyDay() {
    // 25 on the critical care lets both visits through this edit; the admission then holds the
    // emergency visit (§30.6.9.1.A), as it would without critical care.
    PricedClaim claim = price("99291-25 $600.00", "99223 $300.00", "99285 $400.00");
    assertPaid("199.57", claim.line(0));
    assertPaid("162.51", claim.line(1));
    assertEquals(Optional.of(SameDayVisitsEdit.NAME), claim.line(2).refusedBy(), claim.toString());
    // Without it, the critical care edit denies both visits and the admission holds nothing.
    PricedClaim without = price("99291 $600.00", "99223 $300.00", "99285 $400.00");
    assertDeniedBeside(without.line(1), "1");
    assertDeniedBeside(without.line(2), "1");
    assertEquals(new BigDecimal("199.57"), without.total(), without.toString());
  }

  @Test
  void the99291OfADayIsPaidOnce() {
    // Were 399.14 (2 x 199.57) and 199.57 + 199.57.
    PricedClaim units = price("99291 x2 $1200.00", "99292 $300.00");
    assertPaid("199.57", units.line(0));
    assertEquals(
        ClaimWarning.Kind.UNITS_DENIED, units.line(0).warnings().get(0).kind(), units.toString());
    assertPaid("99.85", units.line(1));
    // Other charges: alike in every field, the second line is an exact duplicate (below). The line
    // of the higher charge is kept, whatever the order of the lines.
    PricedClaim lines = price("99291 $600.00", "99291 $650.00");
    assertPaid("199.57", lines.line(1));
    assertDeniedBeside(lines.line(0), "2");
    assertEquals(new BigDecimal("199.57"), lines.total(), lines.toString());
    PricedLine duplicate = price("99291 $600.00", "99291 $600.00").line(1);
    assertEquals(Optional.of("duplicate-lines"), duplicate.refusedBy(), duplicate::toString);
  }

  @Test
  void anotherPractitionersVisitIsPaid() {
    PricedClaim claim = price("99291 $600.00 by 1234567893", "99233 $200.00 by 1000000004");
    assertPaid("199.57", claim.line(0));
    assertPaid("110.82", claim.line(1));
  }
}
