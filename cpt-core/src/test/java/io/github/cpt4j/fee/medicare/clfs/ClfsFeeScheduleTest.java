package io.github.cpt4j.fee.medicare.clfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClfsFeeScheduleTest {

  private static final LocalDate JANUARY = LocalDate.of(2025, 1, 1);
  private static final PricingContext MARCH =
      PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY);

  // Made-up rates: these tests are about the rules, not CMS's numbers.
  private static final ClfsFeeSchedule CLFS =
      ClfsFeeSchedule.builder(Quarter.of(2025, 1))
          .name("test-clfs")
          .add(rate("80053", null, JANUARY, ClfsIndicator.NATIONAL_LIMIT, "10.56"))
          .add(rate("80053", "QW", JANUARY, ClfsIndicator.NATIONAL_LIMIT, "10.56"))
          .add(rate("85025", null, JANUARY, ClfsIndicator.NATIONAL_LIMIT, "7.77"))
          .add(rate("81002", null, JANUARY, ClfsIndicator.NATIONAL_LIMIT, "3.48"))
          .add(rate("36415", null, JANUARY, ClfsIndicator.NATIONAL_LIMIT, "9.09"))
          .add(rate("0420U", null, JANUARY, ClfsIndicator.LOCAL, "0"))
          .add(rate("87999", null, LocalDate.of(2025, 3, 20), ClfsIndicator.NATIONAL_LIMIT, "5"))
          .add(rate("86999", "QW", JANUARY, ClfsIndicator.NATIONAL_LIMIT, "4.125"))
          .add(rate("84999", null, JANUARY, ClfsIndicator.NATIONAL_LIMIT, "0.00"))
          .build();

  private static ClfsRate rate(
      String code, String modifier, LocalDate from, ClfsIndicator indicator, String amount) {
    return new ClfsRate(
        ProcedureCode.parse(code),
        Optional.ofNullable(modifier).map(Modifier::parse),
        from,
        indicator,
        new BigDecimal(amount));
  }

  private static FeeResult price(String line) {
    return CLFS.price(ClaimLine.parse(line), MARCH);
  }

  @Test
  void pricesTheNationalLimitTimesTheTests() {
    assertEquals(new BigDecimal("10.56"), price("80053").amountOrThrow());
    assertEquals(new BigDecimal("10.56"), price("80053-QW").amountOrThrow());
    // 7.77 x 3 = 23.31: three repeat tests the same day
    FeeResult repeats = price("85025-91 x3");
    assertEquals(new BigDecimal("23.31"), repeats.amountOrThrow());
    assertTrue(repeats.explanation().has("modifier-91"), repeats.toString());
    assertTrue(price("85025-90").explanation().has("modifier-90"));
    FeeResult draw = price("36415");
    assertTrue(draw.explanation().has("specimen-collection"), draw.toString());
    assertTrue(draw.toString().startsWith("9.09 | clfs: test-clfs prices 36415 on 2025-03-14"));
    // Rounded once: 4.125 x 1 = 4.125 -> 4.13 half-up
    assertEquals(new BigDecimal("4.13"), price("86999-QW").amountOrThrow());
    // Participation changes nothing for a laboratory test.
    assertEquals(
        new BigDecimal("10.56"),
        CLFS.price(ClaimLine.parse("80053"), MARCH.withParticipating(false)).amountOrThrow());
  }

  @Test
  void explanationNamesThePaymentRateOfPama() {
    // Since 2018 a CLFS rate is the payment rate of 42 CFR 414.507(a) (the weighted median of
    // private payors' rates, with no geographic adjustment: (c)); the national limitation amount
    // was the rule until 2017 and is not what CMS's file holds.
    String explained = price("80053").explanation().toString();
    assertTrue(
        explained.contains("80053 payment rate 10.56 (national, 42 CFR 414.507)"), explained);
    assertFalse(explained.contains("limitation amount"), explained);
  }

  /**
   * CMS recognizes nine tests as waived without QW and lists no QW row for them: QW on one is not
   * needed, but it is no reason to refuse the line, which was MODIFIER_NOT_ALLOWED.
   */
  @Test
  void qwOnATestWaivedWithoutItIsPricedAtItsRateWithANote() {
    FeeResult urinalysis = price("81002-QW");
    assertEquals(new BigDecimal("3.48"), urinalysis.amountOrThrow());
    assertTrue(
        urinalysis.explanation().toString().contains("recognized as a waived test without QW"),
        urinalysis::toString);
    assertFalse(price("81002").explanation().toString().contains("without QW"));
  }

  @Test
  void refusesWithTypedReasons() {
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), price("99213").reason());
    assertEquals(Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED), price("85025-QW").reason());
    assertTrue(
        price("85025-QW").detail().contains("bill it without QW"), price("85025-QW").detail());
    // Collection fees are counted as collections.
    assertTrue(
        price("36415 x2").toString().contains("x 2 collections"), price("36415 x2")::toString);
    assertEquals(Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED), price("80053-26").reason());
    // Not "the test has no professional component": some lab tests' interpretations are paid, by
    // the physician schedule, which PartBFeeSchedule routes such a line to.
    assertTrue(
        price("80053-26").detail().contains("the Physician Fee Schedule"),
        price("80053-26").detail());
    assertEquals(Optional.of(UnpricedReason.MODIFIER_REQUIRED), price("86999").reason());
    assertTrue(price("86999").detail().contains("QW"), price("86999").detail());
    assertEquals(Optional.of(UnpricedReason.CARRIER_PRICED), price("0420U").reason());
    // Effective 2025-03-20, after the date of service.
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), price("87999").reason());
    FeeResult april =
        CLFS.price(ClaimLine.parse("80053"), MARCH.withDateOfService(LocalDate.of(2025, 4, 1)));
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), april.reason());
    assertTrue(april.detail().contains("2025-01-01 to 2025-03-31"), april.detail());
  }

  @Test
  void travelAllowanceIsPricedOnlyWhenGiven() {
    assertEquals(Optional.of(UnpricedReason.CARRIER_PRICED), price("P9603 x20").reason());
    ClfsFeeSchedule withTravel =
        CLFS.withTravelAllowance(new BigDecimal("1.15"), new BigDecimal("11.50"));
    // 20 miles x 1.15 = 23.00
    assertEquals(
        new BigDecimal("23.00"),
        withTravel.price(ClaimLine.parse("P9603 x20"), MARCH).amountOrThrow());
    assertEquals(
        new BigDecimal("11.50"), withTravel.price(ClaimLine.parse("P9604"), MARCH).amountOrThrow());
    assertEquals("test-clfs", withTravel.name());
  }

  /**
   * A travel allowance given as 0 (a contractor with a per-mile allowance only, say) is no
   * allowance: the line is the contractor's to price, never 0.00.
   */
  @Test
  void aTravelAllowanceOfZeroIsNotPaidAsZero() {
    ClfsFeeSchedule perMileOnly = CLFS.withTravelAllowance(new BigDecimal("1.15"), BigDecimal.ZERO);
    FeeResult trip = perMileOnly.price(ClaimLine.parse("P9604"), MARCH);
    assertEquals(Optional.of(UnpricedReason.CARRIER_PRICED), trip.reason());
    assertTrue(trip.detail().contains("P9604"), trip::detail);
    assertEquals(
        new BigDecimal("23.00"),
        perMileOnly.price(ClaimLine.parse("P9603 x20"), MARCH).amountOrThrow());
    assertEquals(
        Optional.of(UnpricedReason.CARRIER_PRICED),
        CLFS.withTravelAllowance(BigDecimal.ZERO, BigDecimal.ONE)
            .price(ClaimLine.parse("P9603 x20"), MARCH)
            .reason());
  }

  @Test
  void builderRejectsDuplicatesAndNegativeRates() {
    ClfsFeeSchedule.Builder builder =
        ClfsFeeSchedule.builder(Quarter.of(2025, 1))
            .add(rate("80053", null, JANUARY, ClfsIndicator.NATIONAL_LIMIT, "1"));
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.add(rate("80053", null, JANUARY, ClfsIndicator.NATIONAL_LIMIT, "2")));
    assertThrows(
        IllegalArgumentException.class,
        () -> rate("80053", null, JANUARY, ClfsIndicator.NATIONAL_LIMIT, "-1"));
    assertThrows(IllegalArgumentException.class, () -> ClfsIndicator.of('X'));
    assertEquals("clfs-2025-Q1", builder.build().name());
    assertEquals(
        Optional.of(new BigDecimal("1")),
        builder.build().find(ProcedureCode.parse("80053"), Optional.empty()).map(ClfsRate::rate));
  }

  /**
   * CMS's 2025 file lists a rate of 0.00 only on locally priced rows (45 of them, indicator L); a
   * national row of 0.00 (ClfsFile refuses one, a hand-built schedule may hold one) would pay the
   * test nothing: it is refused as the contractor's to price, never 0.00.
   */
  @Test
  void refusesANationalRateOfZero() {
    FeeResult zero = price("84999 x2");
    assertEquals(Optional.of(UnpricedReason.CARRIER_PRICED), zero.reason());
    assertTrue(zero.detail().contains("84999"), zero::detail);
  }
}
