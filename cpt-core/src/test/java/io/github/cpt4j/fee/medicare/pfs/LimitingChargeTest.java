package io.github.cpt4j.fee.medicare.pfs;

import static io.github.cpt4j.fee.medicare.pfs.Fixtures.DATE_2025;
import static io.github.cpt4j.fee.medicare.pfs.Fixtures.REST_OF_NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The limiting charge exists only for a provider who may decline assignment (Social Security Act
 * §1842(b)(18)(C) lists the practitioners who may not).
 */
class LimitingChargeTest {

  private static final MedicareFeeSchedule SCHEDULE = Fixtures.schedule();
  private static final PricingContext OFFICE =
      PricingContext.of(DATE_2025, REST_OF_NEW_YORK, Setting.NON_FACILITY);
  // 90834 in 13282-99, 2025: posted 102.53; x 1.0925 = 112.014025, charged at most 112.01.
  private static final ClaimLine PSYCHOTHERAPY = ClaimLine.parse("90834");

  @ParameterizedTest
  @EnumSource(
      value = PractitionerType.class,
      names = {"PHYSICIAN", "THERAPIST", "AUDIOLOGIST"})
  void aProviderWhoMayDeclineAssignmentHasOne(PractitionerType type) {
    PricingContext context = OFFICE.withPractitioner(type);
    assertEquals(
        new BigDecimal("112.01"), SCHEDULE.limitingCharge(PSYCHOTHERAPY, context).amountOrThrow());
    assertEquals(
        new BigDecimal("112.01"),
        SCHEDULE.limitingCharge(PSYCHOTHERAPY, context.withParticipating(false)).amountOrThrow());
  }

  @Test
  void aTherapyAssistantsLimitingChargeIsOfItsShare() {
    // 85% x 102.53 = 87.1505; x 1.0925 = 95.2119..., at most 95.21.
    FeeResult charge =
        SCHEDULE.limitingCharge(
            PSYCHOTHERAPY, OFFICE.withPractitioner(PractitionerType.THERAPY_ASSISTANT));
    assertEquals(new BigDecimal("95.21"), charge.amountOrThrow(), charge::toString);
  }

  @ParameterizedTest
  @EnumSource(
      value = PractitionerType.class,
      names = {"PHYSICIAN", "THERAPIST", "THERAPY_ASSISTANT", "AUDIOLOGIST"},
      mode = EnumSource.Mode.EXCLUDE)
  void aPractitionerPaidOnlyOnAssignmentHasNone(PractitionerType type) {
    for (boolean participating : new boolean[] {true, false}) {
      FeeResult charge =
          SCHEDULE.limitingCharge(
              PSYCHOTHERAPY, OFFICE.withPractitioner(type).withParticipating(participating));
      assertEquals(
          UnpricedReason.ASSIGNMENT_REQUIRED, charge.reason().orElseThrow(), charge::toString);
      String detail = charge.detail();
      assertTrue(detail.contains(type.words()), detail);
      assertTrue(detail.contains("§1842(b)(18)(C)"), detail);
      // The approved amount it would collect is explained, not a charge above it.
      assertTrue(charge.explanation().has("posted-fee"), charge::toString);
      assertFalse(charge.explanation().has("limiting-charge"), charge::toString);
    }
  }

  @Test
  void theApprovedAmountIsTheOneTheContextIsPaid() {
    // A nurse practitioner: 85% x 102.53 = 87.1505, paid 87.15; not participating, 95% of that,
    // 82.792975, paid 82.79. That is the most collected, not the participating 87.15.
    PricingContext np = OFFICE.withPractitioner(PractitionerType.NURSE_PRACTITIONER);
    for (boolean participating : new boolean[] {true, false}) {
      PricingContext context = np.withParticipating(participating);
      FeeResult approved = SCHEDULE.price(PSYCHOTHERAPY, context);
      assertEquals(
          new BigDecimal(participating ? "87.15" : "82.79"),
          approved.amountOrThrow(),
          approved::toString);
      FeeResult charge = SCHEDULE.limitingCharge(PSYCHOTHERAPY, context);
      assertTrue(
          charge
              .detail()
              .endsWith("the most collected is the approved amount, " + approved.amountOrThrow()),
          charge::toString);
      assertEquals(approved.explanation(), charge.explanation(), charge::toString);
    }
  }

  @Test
  void aLineTheScheduleDoesNotPriceKeepsItsOwnReason() {
    PricingContext np = OFFICE.withPractitioner(PractitionerType.NURSE_PRACTITIONER);
    assertEquals(
        UnpricedReason.NOT_IN_SCHEDULE,
        SCHEDULE.limitingCharge(ClaimLine.parse("12345"), np).reason().orElseThrow());
    assertEquals(
        UnpricedReason.CARRIER_PRICED,
        SCHEDULE.limitingCharge(ClaimLine.parse("15824"), np).reason().orElseThrow());
  }
}
