package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 10, on the bundled 2025 data: a non-physician practitioner is paid a share of the
 * posted fee, rounded once at the end.
 */
class PractitionerShareTest {

  private static final MedicareFeeSchedule MEDICARE = BundledData.medicareFeeSchedule();
  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(MEDICARE);
  private static final PricingContext MANHATTAN =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13202-01"), Setting.NON_FACILITY);

  @Test
  void aNursePractitionerIsPaid85PercentOfThePostedFee() {
    PricingContext np = MANHATTAN.withPractitioner(PractitionerType.NURSE_PRACTITIONER);
    // 99213 in Manhattan: posted 101.06 (exact 101.0569353); 85% x 101.06 = 85.901 -> 85.90.
    FeeResult alone = MEDICARE.price(ClaimLine.parse("99213"), np);
    assertEquals(new BigDecimal("85.90"), alone.amountOrThrow(), alone.toString());
    PricedClaim claim = PRICER.price(Claim.ofLines(ClaimLine.parse("99213")), np);
    assertEquals(new BigDecimal("85.90"), claim.total(), claim.toString());
    String words = claim.line(0).result().explanation().toString();
    assertTrue(
        words.contains(
            "practitioner: 85% for a nurse practitioner (Claims Processing Manual ch. 12 §120.1)"
                + " = 85.901"),
        words);
  }

  @Test
  void aClinicalSocialWorkerIsPaid75PercentAndAPsychologistInFull() {
    PricingContext office =
        PricingContext.of(
            LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY);
    ClaimLine psychotherapy = ClaimLine.parse("90834");
    // 90834 in 13282-99: posted 102.53; 75% = 76.8975 -> 76.90.
    assertEquals(
        new BigDecimal("76.90"),
        MEDICARE
            .price(psychotherapy, office.withPractitioner(PractitionerType.CLINICAL_SOCIAL_WORKER))
            .amountOrThrow());
    assertEquals(
        new BigDecimal("102.53"),
        MEDICARE
            .price(psychotherapy, office.withPractitioner(PractitionerType.CLINICAL_PSYCHOLOGIST))
            .amountOrThrow());
    // A non-participating social worker: 95% x 75% x 102.53 = 73.052625 -> 73.05.
    assertEquals(
        new BigDecimal("73.05"),
        PRICER
            .price(
                Claim.ofLines(psychotherapy),
                office
                    .withParticipating(false)
                    .withPractitioner(PractitionerType.CLINICAL_SOCIAL_WORKER))
            .total());
  }

  @Test
  void anAssistantAtSurgeryWhoIsAPhysicianAssistantIsNotReducedTwice() {
    PricingContext facility =
        PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY)
            .withPractitioner(PractitionerType.PHYSICIAN_ASSISTANT);
    // 27447-AS: 13.6% of the posted fee, which already is 85% of the assistant's 16%.
    PricedClaim claim = PRICER.price(Claim.ofLines(ClaimLine.parse("27447-AS")), facility);
    PricedClaim byPhysician =
        PRICER.price(
            Claim.ofLines(ClaimLine.parse("27447-AS")),
            facility.withPractitioner(PractitionerType.PHYSICIAN));
    assertEquals(byPhysician.total(), claim.total(), claim.toString());
    assertTrue(
        claim.line(0).result().explanation().toString().contains("no share applied"),
        claim.toString());
  }

  /**
   * Priced alone, a line gets no assistant-at-surgery share (a claim-level rule), so it gets the
   * practitioner's: never more than the same practitioner's line without AS.
   */
  @Test
  void anAsLinePricedAloneGetsThePractitionersShareForItHasNoAssistantsShare() {
    PricingContext np =
        PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY)
            .withPractitioner(PractitionerType.NURSE_PRACTITIONER);
    FeeResult assisting = MEDICARE.price(ClaimLine.parse("27447-AS"), np);
    FeeResult operating = MEDICARE.price(ClaimLine.parse("27447"), np);
    // 85% x the posted 1197.89 = 1018.2065 -> 1018.21, with AS or without.
    assertEquals(new BigDecimal("1018.21"), operating.amountOrThrow(), operating.toString());
    assertEquals(operating.amountOrThrow(), assisting.amountOrThrow(), assisting.toString());
    assertTrue(
        assisting.explanation().toString().contains("modifier-AS: not applied"),
        assisting.toString());
  }
}
