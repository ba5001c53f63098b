package io.github.cpt4j.fee.medicare.pfs;

import static io.github.cpt4j.fee.medicare.pfs.Fixtures.DATE_2025;
import static io.github.cpt4j.fee.medicare.pfs.Fixtures.REST_OF_NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** The schedule with anesthesia: 00100 of 5 base units, at 20.00 in 13282-99. */
  private static final MedicareFeeSchedule ANESTHESIA =
      SCHEDULE.withAnesthesia(
          AnesthesiaFeeSchedule.builder()
              .baseUnits(AnesthesiaBaseUnits.of("test", Map.of(CptCode.parse("00100"), 5)))
              .conversionFactors(
                  AnesthesiaConversionFactors.of(
                      "test", Map.of(REST_OF_NEW_YORK, new BigDecimal("20.00"))))
              .effective(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))
              .build());

  /** The schedule with 2025's anesthesia for 00790: 7 base units, at 19.79 in 13282-99. */
  private static final MedicareFeeSchedule ANESTHESIA_2025 =
      SCHEDULE.withAnesthesia(
          AnesthesiaFeeSchedule.builder()
              .baseUnits(AnesthesiaBaseUnits.of("test", Map.of(CptCode.parse("00790"), 7)))
              .conversionFactors(
                  AnesthesiaConversionFactors.of(
                      "test", Map.of(REST_OF_NEW_YORK, new BigDecimal("19.79"))))
              .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
              .build());

  /**
   * An anesthesia line's limiting charge is 115% of its non-participating amount, 95% of the
   * participating amount in cents, as the PFS's is of its posted fee: 109.25% of the amount in
   * cents. 00790-QK 60min: (7 + 4) x 19.79 x 50% = 108.845, paid 108.85; non-participating 103.41;
   * limited to 1.0925 x 108.85 = 118.918625, 118.92 (1.15 x 103.41 = 118.9215). 00790-AA 95min:
   * 13.3 x 19.79 = 263.207, paid 263.21; non-participating 250.05; limited to 287.556925, 287.56
   * (1.15 x 250.05 = 287.5575). They were 109.25% of the unrounded amounts, 118.91 and 287.55.
   */
  @ParameterizedTest
  @CsvSource({"00790-QK 60min, 108.85, 103.41, 118.92", "00790-AA 95min, 263.21, 250.05, 287.56"})
  void anAnesthesiaLinesLimitingChargeIs115PercentOfItsNonParticipatingAmount(
      String text, String participating, String nonParticipating, String limit) {
    ClaimLine line = ClaimLine.parse(text);
    PricingContext facility = OFFICE.withSetting(Setting.FACILITY);
    assertEquals(
        new BigDecimal(participating), ANESTHESIA_2025.price(line, facility).amountOrThrow());
    FeeResult nonPar = ANESTHESIA_2025.price(line, facility.withParticipating(false));
    assertEquals(new BigDecimal(nonParticipating), nonPar.amountOrThrow(), nonPar::toString);
    FeeResult charge = ANESTHESIA_2025.limitingCharge(line, facility);
    assertEquals(new BigDecimal(limit), charge.amountOrThrow(), charge::toString);
    assertEquals(
        new BigDecimal(limit),
        new BigDecimal(nonParticipating)
            .multiply(new BigDecimal("1.15"))
            .setScale(FeeResult.CENTS, FeeResult.ROUNDING));
    assertTrue(charge.explanation().has(AnesthesiaFeeSchedule.PAID_ROUNDED), charge::toString);
    // Whatever the context's participation.
    assertEquals(
        charge.amountOrThrow(),
        ANESTHESIA_2025.limitingCharge(line, facility.withParticipating(false)).amountOrThrow());
  }

  /**
   * 01953's units are increments of body surface, each paid as a line of one (Transmittal
   * B-03-017), so each has its own limiting charge in cents, as its non-participating 95% is taken
   * of each. 01953-QK at 19.79: 9.895, paid 9.90 a unit; non-participating 9.41 a unit, 28.23 for
   * three; limited to 1.0925 x 9.90 = 10.815750, 10.82 a unit, 32.46 for three, what three lines of
   * 01953-QK are limited to and 115% of the non-participating 28.23 (32.4645). It was 1.0925 x
   * 29.70 = 32.447250, 32.45.
   */
  @Test
  void eachUnitOf01953HasTheLimitingChargeOfALineOfOne() {
    MedicareFeeSchedule schedule =
        SCHEDULE.withAnesthesia(
            AnesthesiaFeeSchedule.builder()
                .baseUnits(AnesthesiaBaseUnits.of("test", Map.of(CptCode.parse("01953"), 1)))
                .conversionFactors(
                    AnesthesiaConversionFactors.of(
                        "test", Map.of(REST_OF_NEW_YORK, new BigDecimal("19.79"))))
                .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                .build());
    PricingContext facility = OFFICE.withSetting(Setting.FACILITY);
    ClaimLine three = ClaimLine.parse("01953-QK x3");
    assertEquals(new BigDecimal("29.70"), schedule.price(three, facility).amountOrThrow());
    FeeResult nonPar = schedule.price(three, facility.withParticipating(false));
    assertEquals(new BigDecimal("28.23"), nonPar.amountOrThrow(), nonPar::toString);
    FeeResult one = schedule.limitingCharge(ClaimLine.parse("01953-QK"), facility);
    assertEquals(new BigDecimal("10.82"), one.amountOrThrow(), one::toString);
    FeeResult charge = schedule.limitingCharge(three, facility);
    assertEquals(new BigDecimal("32.46"), charge.amountOrThrow(), charge::toString);
    assertEquals(
        charge.amountOrThrow(),
        new BigDecimal("28.23")
            .multiply(new BigDecimal("1.15"))
            .setScale(FeeResult.CENTS, FeeResult.ROUNDING));
    assertTrue(charge.explanation().has(LimitingCharge.RULE), charge::toString);
    assertEquals(
        charge.amountOrThrow(),
        LimitingCharge.ofAnesthesia(three, schedule.price(three, facility)).amountOrThrow());
  }

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
  void aTherapyAssistantsLimitingChargeIsOfItsShareOnTherapyAlone() {
    // 90834 is no therapy service (MULT PROC 0): a therapy assistant's 85% is not taken, so its
    // limiting charge is the physician's, 112.01 (it was 85% x 102.53 x 1.0925, 95.21). The
    // share on a therapy line: TherapyAssistantTest.
    FeeResult charge =
        SCHEDULE.limitingCharge(
            PSYCHOTHERAPY, OFFICE.withPractitioner(PractitionerType.THERAPY_ASSISTANT));
    assertEquals(new BigDecimal("112.01"), charge.amountOrThrow(), charge::toString);
    assertTrue(
        charge.explanation().toString().contains("90834 is not a therapy service"),
        charge::toString);
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

  /**
   * AS is billed by a physician assistant, nurse practitioner or clinical nurse specialist
   * assisting at surgery, QZ and QX by a nurse anesthetist: practitioners paid only on assignment.
   * The line has no limiting charge whatever type the context gives (a physician here, the
   * default), and its detail says the modifier is why. It had 109.25% of its amount.
   */
  @ParameterizedTest
  @ValueSource(strings = {"27447-AS", "00100-QZ 60min", "00100-QX 60min"})
  void aModifierOfAPractitionerPaidOnlyOnAssignmentHasNone(String text) {
    ClaimLine line = ClaimLine.parse(text);
    PricingContext facility = OFFICE.withSetting(Setting.FACILITY);
    FeeResult approved = ANESTHESIA.price(line, facility);
    FeeResult charge = ANESTHESIA.limitingCharge(line, facility);
    assertEquals(
        UnpricedReason.ASSIGNMENT_REQUIRED, charge.reason().orElseThrow(), charge::toString);
    String modifier = line.modifiers().get(0).toString();
    assertTrue(charge.detail().contains("(modifier " + modifier + ")"), charge::toString);
    assertTrue(charge.detail().contains("§1842(b)(18)(C)"), charge::toString);
    assertTrue(
        charge
            .detail()
            .endsWith("the most collected is the approved amount, " + approved.amountOrThrow()),
        charge::toString);
    assertEquals(approved.explanation(), charge.explanation(), charge::toString);
  }

  @Test
  void theWordsOfEachModifierSayWhoFurnishedTheLine() {
    PricingContext facility = OFFICE.withSetting(Setting.FACILITY);
    assertTrue(
        ANESTHESIA
            .limitingCharge(ClaimLine.parse("27447-AS"), facility)
            .detail()
            .startsWith(
                "an assistant at surgery who is not a physician (modifier AS) is paid only"));
    assertTrue(
        ANESTHESIA
            .limitingCharge(ClaimLine.parse("00100-QZ 60min"), facility)
            .detail()
            .startsWith("a nurse anesthetist without medical direction (modifier QZ) is paid"));
    // A context of a practitioner paid only on assignment keeps that practitioner's words.
    assertTrue(
        ANESTHESIA
            .limitingCharge(
                ClaimLine.parse("00100-QX 60min"),
                facility.withPractitioner(PractitionerType.NURSE_ANESTHETIST))
            .detail()
            .startsWith("a nurse anesthetist or anesthesiologist assistant is paid only"));
  }

  /**
   * The physician's modifiers keep their limiting charge: 80 (a physician assisting at surgery),
   * and the anesthesiologist's AA, QK, QY and AD. 00100 at 60 minutes, base 5 + 4 time units at
   * 20.00: AA 180.00, limited to 196.65; QK and QY 50%, 90.00, limited to 98.325, 98.33.
   */
  @Test
  void aPhysiciansModifierKeepsItsLimitingCharge() {
    PricingContext facility = OFFICE.withSetting(Setting.FACILITY);
    assertEquals(
        new BigDecimal("196.65"),
        ANESTHESIA.limitingCharge(ClaimLine.parse("00100-AA 60min"), facility).amountOrThrow());
    for (String text : new String[] {"00100-QK 60min", "00100-QY 60min"}) {
      assertEquals(
          new BigDecimal("98.33"),
          ANESTHESIA.limitingCharge(ClaimLine.parse(text), facility).amountOrThrow(),
          text);
    }
    for (String text : new String[] {"27447-80", "00100-AD 60min"}) {
      FeeResult charge = ANESTHESIA.limitingCharge(ClaimLine.parse(text), facility);
      assertTrue(charge.isPriced(), charge::toString);
    }
  }
}
