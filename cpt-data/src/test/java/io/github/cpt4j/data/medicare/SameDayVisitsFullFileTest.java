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
import io.github.cpt4j.fee.medicare.pfs.claim.NewPatientVisitEdit;
import io.github.cpt4j.fee.medicare.pfs.claim.SameDayVisitsEdit;
import io.github.cpt4j.modifier.ModifierRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The same-day visit rules on the full 2025 relative value file (October release; skipped without
 * CPT4J_CMS_DIR), in 13282-99, each pair of one provider on 2025-11-03, where each visit was paid
 * in full: the visit CMS does not pay is denied (Claims Processing Manual ch. 12 §30.6.5,
 * §30.6.7.B, §30.6.9, §30.6.9.1, §30.6.9.1.A, §30.6.9.2), a new patient's visit after another is
 * flagged (§30.6.7.A), and 25 on a procedure is flagged (§30.6.6.B).
 */
class SameDayVisitsFullFileTest {

  private static final LocalDate DATE = LocalDate.of(2025, 11, 3);
  private static final Locality LOCALITY = Locality.parse("13282-99");
  private static final PricingContext OFFICE =
      PricingContext.of(DATE, LOCALITY, Setting.NON_FACILITY);
  private static final PricingContext HOSPITAL =
      PricingContext.of(DATE, LOCALITY, Setting.FACILITY);

  private static PricedClaim price(PricingContext context, String... lines) {
    return CmsFiles.priceClaim(context, lines);
  }

  private static void assertPaid(PricedLine line, String amount) {
    assertEquals(new BigDecimal(amount), line.amount().orElse(null), line.toString());
  }

  private static void assertDenied(PricedLine line, String section) {
    assertFalse(line.isPriced(), line.toString());
    assertEquals(UnpricedReason.EDIT_DENIED, line.reason().orElseThrow(), line.toString());
    assertEquals(SameDayVisitsEdit.NAME, line.refusedBy().orElseThrow(), line.toString());
    assertTrue(line.detail().endsWith(section + ")"), line.detail());
  }

  @Test
  void twoOfficeVisitsPayTheOnePaidMore() {
    // Were 85.86 + 120.91, both paid.
    PricedClaim claim = price(OFFICE, "99213", "99214");
    assertDenied(claim.line(0), "§30.6.5, §30.6.7.B");
    assertPaid(claim.line(1), "120.91");
    assertEquals(new BigDecimal("120.91"), claim.total());
    // 25 on either marks a visit for an unrelated problem: both paid.
    assertEquals(new BigDecimal("206.77"), price(OFFICE, "99213-25", "99214").total());
  }

  @Test
  void aHospitalVisitBesideTheDischargeIsNotPaid() {
    // Were 74.15 + 75.92, both paid.
    PricedClaim claim = price(HOSPITAL, "99232", "99238");
    assertDenied(claim.line(0), "§30.6.9.2");
    assertPaid(claim.line(1), "75.92");
  }

  @Test
  void aDischargeOnTheDayOfTheAdmissionIsNotPaid() {
    // Were 162.51 + 75.92, both paid.
    PricedClaim claim = price(HOSPITAL, "99223", "99238");
    assertPaid(claim.line(0), "162.51");
    assertDenied(claim.line(1), "§30.6.9.1");
    assertEquals(new BigDecimal("162.51"), claim.total());
  }

  @Test
  void aDischargeToANursingFacilityPaysBoth() {
    // A patient discharged from the hospital and admitted to a nursing facility on one date: the
    // contractor pays both to one physician (ch. 12 §30.6.9.2, as copies of the text give it).
    PricedClaim claim = price(HOSPITAL, "99238", "99304");
    assertPaid(claim.line(0), "75.92");
    assertPaid(claim.line(1), "75.30");
    assertEquals(new BigDecimal("151.22"), claim.total());
  }

  @Test
  void twoHospitalVisitsPayOne() {
    // Were 74.15 + 110.82, both paid: the visit paid more is kept.
    PricedClaim claim = price(HOSPITAL, "99232", "99233");
    assertDenied(claim.line(0), "§30.6.9");
    assertPaid(claim.line(1), "110.82");
    assertEquals(new BigDecimal("110.82"), claim.total());
    // Beside the initial hospital care (162.51), the subsequent visit is part of the day's care.
    PricedClaim admission = price(HOSPITAL, "99233-25", "99223");
    assertDenied(admission.line(0), "§30.6.9");
    assertPaid(admission.line(1), "162.51");
  }

  @Test
  void anEmergencyVisitOnTheDayOfTheAdmissionIsPartOfIt() {
    // Were 112.99 + 162.51, both paid.
    PricedClaim claim = price(HOSPITAL, "99284", "99223");
    assertDenied(claim.line(0), "§30.6.9.1.A");
    assertPaid(claim.line(1), "162.51");
    // So is a nursing facility visit (101.10 alone); the nursing facility discharge is left alone.
    PricedClaim fromNursingFacility = price(HOSPITAL, "99309", "99223");
    assertDenied(fromNursingFacility.line(0), "§30.6.9.1.A");
    assertPaid(fromNursingFacility.line(1), "162.51");
    assertEquals(new BigDecimal("238.88"), price(HOSPITAL, "99315", "99223").total());
  }

  @Test
  void aNewPatientVisitAfterAnotherVisitIsFlagged() {
    PricedClaim claim = price(OFFICE, "99213 on 2025-10-27", "99203");
    assertTrue(claim.line(1).isPriced(), claim.toString());
    assertTrue(
        claim.line(1).warnings().stream()
            .anyMatch(
                w ->
                    w.kind() == ClaimWarning.Kind.EDIT_FLAG
                        && w.rule().equals(NewPatientVisitEdit.NAME)
                        && w.message().contains("§30.6.7.A")),
        claim.toString());
    // Two new-patient visits of one day, both paid (25): the second is flagged.
    PricedClaim twoNew = price(OFFICE, "99203-25", "99204");
    assertTrue(
        twoNew.line(1).warnings().stream().anyMatch(w -> w.rule().equals(NewPatientVisitEdit.NAME)),
        twoNew.toString());
    // Without 25 the one paid less is denied, and a denied visit makes no patient established.
    PricedClaim oneVisit = price(OFFICE, "99203", "99204");
    assertDenied(oneVisit.line(0), "§30.6.5, §30.6.7.B");
    assertTrue(
        oneVisit.line(1).warnings().stream()
            .noneMatch(w -> w.rule().equals(NewPatientVisitEdit.NAME)),
        oneVisit.toString());
  }

  @Test
  void aVisitTheGlobalSurgeryEditDeniesIsNotTheDaysVisitKept() {
    // 99214 (no 57) is in 27447's package; 99213-57 decided the surgery and is paid. Once, the
    // same-day visits edit kept 99214 and denied 99213-57 too.
    PricedClaim claim = price(HOSPITAL, "99214", "99213-57", "27447-RT");
    assertEquals(
        UnpricedReason.GLOBAL_SURGERY, claim.line(0).reason().orElseThrow(), claim.toString());
    assertTrue(claim.line(1).isPriced(), claim.toString());
    assertTrue(claim.line(2).isPriced(), claim.toString());
  }

  @Test
  void modifier25OnAProcedureIsFlagged() {
    // Was paid 60.56 without a word; the amount is unchanged.
    PricedLine line = price(OFFICE, "20610-25").line(0);
    assertPaid(line, "60.56");
    assertTrue(
        line.warnings().stream()
            .anyMatch(
                w ->
                    w.kind() == ClaimWarning.Kind.MODIFIER_RULE_BROKEN
                        && w.message()
                            .startsWith(
                                ModifierRule.EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE
                                    .name())),
        line.toString());
  }
}
