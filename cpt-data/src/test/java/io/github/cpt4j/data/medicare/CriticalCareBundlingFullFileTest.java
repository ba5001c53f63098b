package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ncci.PtpClaimEdit;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.CriticalCareEdit;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The services included in critical care (Claims Processing Manual ch. 12 §30.6.12) on the full
 * October 2025 file, in 13282-99, facility (skipped without CPT4J_CMS_DIR). 43752 and 92953 have a
 * global period of 000: before, the global surgery edit took them for the procedure of the day and
 * denied the critical care beside them, paying 43752 37.16 and 92953 0.87 in its place.
 */
class CriticalCareBundlingFullFileTest {

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 10, 1), Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(MedicareClaimPricer pricer, String... lines) {
    return CmsFiles.priceClaim(pricer, CONTEXT, lines);
  }

  private static PricedClaim price(String... lines) {
    return price(MedicareClaimPricer.of(CmsFiles.schedule2025()), lines);
  }

  private static void assertPaid(String amount, PricedLine line) {
    assertEquals(new BigDecimal(amount), line.amount().orElseThrow(), line.toString());
  }

  private static void assertIncluded(PricedLine line, String criticalCareLine) {
    assertFalse(line.isPriced(), line.toString());
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, line.reason().orElseThrow(), line.toString());
    assertEquals(Optional.of(CriticalCareEdit.NAME), line.refusedBy(), line.toString());
    assertTrue(line.detail().contains("(line " + criticalCareLine + ")"), line.detail());
  }

  @Test
  void gastricIntubationIsIncludedAndTheCriticalCareIsPaid() {
    PricedClaim claim = price("99291 $600.00", "43752 $150.00");
    // Was: 99291 denied GLOBAL_SURGERY as 43752's same-day visit, 43752 paid 37.16.
    assertPaid("199.57", claim.line(0));
    assertIncluded(claim.line(1), "1");
    assertEquals(
        "43752 on the day of critical care 99291 (line 1) by the same practitioner is included in"
            + " the critical care and not paid separately (Claims Processing Manual ch. 12"
            + " §30.6.12)",
        claim.line(1).detail());
  }

  @Test
  void pacingBesideBothCriticalCareCodesLeavesBothPaid() {
    PricedClaim claim = price("99291 $600.00", "99292 $300.00", "92953 $80.00");
    // Was: 99291 and 99292 denied, 92953 paid 0.87.
    assertPaid("199.57", claim.line(0));
    assertTrue(claim.line(1).isPriced(), claim.toString());
    assertIncluded(claim.line(2), "1");
    assertEquals(
        price("99291 $600.00", "99292 $300.00").line(1).amount(),
        claim.line(1).amount(),
        claim.toString());
  }

  @Test
  void criticalCareTimeBesideADeniedFirstHourIsNotPaidAndIncludesNothing() {
    // README: beside a 99291 denied (GZ) the 99292 is not paid either, and 36600 is. Was: 99292
    // paid 99.85 beside 36600 (a line that is no add-on, which the add-on step takes for a
    // primary), and 36600 paid too, though the 99292 paid would have included it.
    PricedClaim claim = price("99291-GZ $600.00", "99292 $300.00", "36600 $50.00");
    assertEquals(
        UnpricedReason.BILLED_AS_NOT_COVERED,
        claim.line(0).reason().orElseThrow(),
        claim::toString);
    assertFalse(claim.line(1).isPriced(), claim.toString());
    assertEquals(
        UnpricedReason.NOT_PAYABLE_ON_CLAIM, claim.line(1).reason().orElseThrow(), claim::toString);
    assertEquals(Optional.of(CriticalCareEdit.NAME), claim.line(1).refusedBy(), claim::toString);
    assertPaid("13.89", claim.line(2));
    assertEquals(new BigDecimal("13.89"), claim.total(), claim::toString);
  }

  @Test
  void anotherPractitionersServiceIsPaidAndHoldsOnlyHisOwnVisits() {
    PricedClaim claim = price("99291 $600.00 by 1234567893", "43752 $150.00 by 1000000004");
    assertPaid("199.57", claim.line(0));
    assertPaid("37.16", claim.line(1));
  }

  @Test
  void aChestXRaysInterpretationIsIncludedItsTechnicalComponentIsNot() {
    PricedClaim claim = price("99291 $600.00", "71046-26 $40.00", "71046-TC $80.00");
    assertPaid("199.57", claim.line(0));
    assertIncluded(claim.line(1), "1");
    assertTrue(claim.line(2).isPriced(), claim.toString());
  }

  /**
   * A procedure another edit denies opens no package: with an NCCI pair of 99291 and 43752 and the
   * critical care edit taken out, 43752 is denied as column two and 99291 is paid (was: both
   * denied, 0.00).
   */
  @Test
  void aProcedureAnotherEditDeniesOpensNoPackage() {
    PtpClaimEdit ptp =
        PtpClaimEdit.of(
            PtpTable.builder()
                .add(
                    new PtpEdit(
                        ProcedureCode.parse("99291"),
                        ProcedureCode.parse("43752"),
                        false,
                        LocalDate.of(2020, 1, 1),
                        Optional.empty(),
                        PtpModifierIndicator.of('0'),
                        "test: a pair written for this test"))
                .build());
    MedicareClaimPricer pricer =
        MedicareClaimPricer.builder(CmsFiles.schedule2025())
            .removeEdit(CriticalCareEdit.NAME)
            .addEdit(ptp)
            .build();
    PricedClaim claim = price(pricer, "99291 $600.00", "43752 $150.00");
    assertPaid("199.57", claim.line(0));
    assertFalse(claim.line(1).isPriced(), claim.toString());
    assertEquals(UnpricedReason.NCCI_PTP, claim.line(1).reason().orElseThrow(), claim.toString());
    assertEquals(new BigDecimal("199.57"), claim.pricedTotal().orElseThrow(), claim.toString());
  }
}
