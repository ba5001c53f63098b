package io.github.cpt4j.fee.medicare.asp;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AspFeeScheduleTest {

  private static final AspFeeSchedule ASP =
      AspFeeSchedule.builder(Quarter.of(2025, 1))
          .add(limit("J1100", "1 MG", "0.108", "20"))
          .add(limit("J3301", "10 MG", "0.898", "20"))
          .add(limit("J9999", "1 MG", "0.000", "20"))
          .add(
              new AspLimit(
                  ProcedureCode.parse("A9606"),
                  "1 microCurie",
                  Optional.empty(),
                  new BigDecimal("20")))
          .build();

  private static AspLimit limit(String code, String dosage, String limit, String coinsurance) {
    return new AspLimit(
        ProcedureCode.parse(code),
        dosage,
        Optional.of(new BigDecimal(limit)),
        new BigDecimal(coinsurance));
  }

  private static final PricingContext MARCH =
      PricingContext.of(
          LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY);

  @Test
  void pricesTheLimitPerDosageUnit() {
    // 8 mg = 8 units x 0.108 = 0.864 -> 0.86, rounded once
    FeeResult dexamethasone = ASP.price(ClaimLine.parse("J1100 x8"), MARCH);
    assertEquals(new BigDecimal("0.86"), dexamethasone.amountOrThrow());
    assertEquals(Optional.of(new BigDecimal("0.864")), dexamethasone.exactAmount());
    assertTrue(
        dexamethasone.toString().contains("x 8 dosage units of 1 MG"), dexamethasone.toString());
    // 40 mg = 4 units x 0.898 = 3.592 -> 3.59
    assertEquals(
        new BigDecimal("3.59"), ASP.price(ClaimLine.parse("J3301-JZ x4"), MARCH).amountOrThrow());
    assertTrue(ASP.price(ClaimLine.parse("J3301-JW"), MARCH).explanation().has("modifier-jw"));
    assertEquals(
        new BigDecimal("0.90"),
        ASP.price(ClaimLine.parse("J3301"), MARCH.withParticipating(false)).amountOrThrow());
  }

  /**
   * A clotting factor (J7170-J7214, marked in the file's Clotting Factor column) is its limit x
   * units: the limit CMS publishes already includes the clotting factor furnishing fee (Pub.
   * 100-04, ch. 17, §80.4.1), so nothing is added. J7180's row of January 2025: 1 IU, 10.473.
   */
  @Test
  void aClottingFactorIsItsLimitTimesUnitsWithNothingAdded() {
    AspFeeSchedule asp =
        AspFeeSchedule.builder(Quarter.of(2025, 1))
            .add(limit("J7180", "1 IU", "10.473", "20"))
            .build();
    FeeResult factor = asp.price(ClaimLine.parse("J7180 x1250"), MARCH);
    assertEquals(Optional.of(new BigDecimal("13091.250")), factor.exactAmount());
    assertEquals(new BigDecimal("13091.25"), factor.amountOrThrow());
    assertEquals(
        new BigDecimal("10.47"), asp.price(ClaimLine.parse("J7180"), MARCH).amountOrThrow());
  }

  @Test
  void refusesWithTypedReasons() {
    assertEquals(
        Optional.of(UnpricedReason.CARRIER_PRICED),
        ASP.price(ClaimLine.parse("A9606"), MARCH).reason());
    assertEquals(
        Optional.of(UnpricedReason.NOT_IN_SCHEDULE),
        ASP.price(ClaimLine.parse("J9998"), MARCH).reason());
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED),
        ASP.price(ClaimLine.parse("J1100"), MARCH.withDateOfService(LocalDate.of(2025, 7, 1)))
            .reason());
    assertThrows(IllegalArgumentException.class, () -> limit("J1100", "1 MG", "-1", "20"));
    assertThrows(IllegalArgumentException.class, () -> limit("J1100", "1 MG", "1", "101"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AspFeeSchedule.builder(Quarter.of(2025, 1))
                .add(limit("J1100", "1 MG", "1", "20"))
                .add(limit("J1100", "1 MG", "2", "20")));
    assertEquals("asp-2025-Q1", ASP.name());
  }

  /**
   * JW says an amount was discarded, JZ that none was (Pub. 100-04, ch. 17, §40): both on one line
   * contradict each other, and the line is refused rather than paid.
   */
  @Test
  void refusesJwBesideJz() {
    for (String line : new String[] {"J3301-JW-JZ x4", "J3301-JZ-JW"}) {
      FeeResult result = ASP.price(ClaimLine.parse(line), MARCH);
      assertEquals(Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED), result.reason(), line);
      assertTrue(result.detail().contains("JW") && result.detail().contains("JZ"), result::detail);
    }
  }

  /**
   * A drug has no professional or technical component (the relative value file gives every drug
   * code of the ASP file PC/TC indicator 9, "concept does not apply"): 26 or TC on a drug line was
   * paid as if absent, where the CLFS refuses them on a lab test.
   */
  @Test
  void refusesAProfessionalOrTechnicalComponentOfADrug() {
    for (String line : new String[] {"J3301-26 x4", "J3301-TC", "J3301-JZ-26"}) {
      FeeResult result = ASP.price(ClaimLine.parse(line), MARCH);
      assertEquals(Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED), result.reason(), line);
      assertTrue(result.detail().contains("PC/TC indicator 9"), result::detail);
      assertTrue(result.detail().startsWith(line.contains("TC") ? "TC on J3301" : "26 on J3301"));
    }
  }

  /**
   * A payment limit of 0 (CMS publishes none: a drug without one is N/A, and AspFile refuses a
   * zero) would pay the drug nothing: it is refused as the contractor's to price, never 0.00.
   */
  @Test
  void refusesAZeroLimit() {
    FeeResult zero = ASP.price(ClaimLine.parse("J9999 x3"), MARCH);
    assertEquals(Optional.of(UnpricedReason.CARRIER_PRICED), zero.reason());
    assertTrue(zero.detail().contains("J9999"), zero::detail);
  }

  /**
   * A file of a quarter before April 2023 gives no coinsurance: its rows have none, and price as
   * the others; a percentage given is held as given, and one outside 0 to 100 is refused.
   */
  @Test
  void aRowWithoutCoinsuranceIsPricedAndKeepsNone() {
    AspLimit old =
        new AspLimit(
            ProcedureCode.parse("J1100"),
            "1 MG",
            Optional.of(new BigDecimal("0.108")),
            Optional.empty());
    assertEquals(Optional.empty(), old.coinsurancePercent());
    FeeResult priced =
        AspFeeSchedule.builder(Quarter.of(2025, 1))
            .add(old)
            .build()
            .price(ClaimLine.parse("J1100 x8"), MARCH);
    assertEquals(Optional.of(new BigDecimal("0.86")), priced.amount());
    assertEquals(
        Optional.of(new BigDecimal("20")),
        limit("J1100", "1 MG", "0.108", "20").coinsurancePercent());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AspLimit(
                ProcedureCode.parse("J1100"),
                "1 MG",
                Optional.empty(),
                Optional.of(new BigDecimal("100.001"))));
  }

  /**
   * CMS's file gives some limits by another method than ASP: the vaccines and blood products it
   * marks with an AWP percentage of 95 (90662, an influenza vaccine, 2025 Q1: limit 83.492, AWP%
   * 95) are paid 95% of the average wholesale price. The explanation names the limit as CMS's, not
   * as ASP with an add-on, which it is not for them.
   */
  @Test
  void theLimitIsExplainedAsCmssNotAsAspForEveryDrug() {
    FeeResult vaccine =
        AspFeeSchedule.builder(Quarter.of(2025, 1))
            .add(limit("90662", "0.5 ML", "83.492", "0"))
            .build()
            .price(ClaimLine.parse("90662"), MARCH);
    assertEquals(new BigDecimal("83.49"), vaccine.amountOrThrow());
    String explanation = vaccine.explanation().toString();
    assertTrue(
        explanation.contains("90662 payment limit 83.492 per 0.5 ML (CMS's payment limit)"),
        explanation);
    assertTrue(!explanation.contains("ASP with its add-on"), explanation);
  }
}
