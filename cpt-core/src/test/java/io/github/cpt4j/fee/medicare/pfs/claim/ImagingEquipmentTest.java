package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.TEST_LOCALITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.PaymentEffect;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Modifiers FX, FY and CT: the technical component reduced for older imaging equipment, worked by
 * hand on {@link ClaimTables} (GPCIs 1, CF 25). 73560 is an X-ray with a global row of 50.00, a 26
 * row of 20.00 and a TC row of 30.00 (BILAT SURG 3, no multiple-procedure rule); 70450, 70486 and
 * 71260 are CT scans of imaging family 88 (TCs 125.00, 200.00 and 250.00, PCs 75.00, 100.00 and
 * 150.00).
 */
class ImagingEquipmentTest {

  /** The table with a conversion factor from 2015, for the dated rates, and 70486 capped. */
  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(
          ClaimTables.scheduleBuilderSince2015().oppsCaps(ClaimTables.capsOf70486()).build());

  private static PricedClaim price(PricingContext context, String... lines) {
    return PRICER.price(ClaimTables.claimOf(lines), context);
  }

  private static PricedClaim price(String... lines) {
    return price(CONTEXT, lines);
  }

  private static PricingContext on(int year, int month, int day) {
    return PricingContext.of(LocalDate.of(year, month, day), TEST_LOCALITY, Setting.FACILITY);
  }

  private static void assertAmounts(PricedClaim claim, String... amounts) {
    assertEquals(amounts.length, claim.lines().size(), claim.toString());
    for (int i = 0; i < amounts.length; i++) {
      assertEquals(new BigDecimal(amounts[i]), claim.line(i).amountOrThrow(), claim.toString());
    }
  }

  private static String explanation(PricedClaim claim, int line) {
    return claim.line(line).explanation().toString();
  }

  @Test
  void theRegistryGivesEachModifierItsEffect() {
    ModifierRegistry registry = ModifierRegistry.standard();
    assertEquals(PaymentEffect.FILM_X_RAY, registry.paymentEffect(Modifier.parse("FX")));
    assertEquals(PaymentEffect.COMPUTED_RADIOGRAPHY, registry.paymentEffect(Modifier.parse("FY")));
    assertEquals(
        PaymentEffect.CT_EQUIPMENT_NOT_STANDARD, registry.paymentEffect(Modifier.parse("CT")));
  }

  @Test
  void filmTakesAFifthOfTheTechnicalComponentOnly() {
    assertAmounts(price("73560-TC-FX"), "24.00"); // 30 - 6
    assertAmounts(price("73560-FX"), "44.00"); // 50 - 20% of the TC portion, 30
    PricedClaim professional = price("73560-26-FX");
    assertAmounts(professional, "20.00");
    assertTrue(
        explanation(professional, 0).contains("no technical component to reduce"),
        professional.toString());
    PricedClaim global = price("73560-FX");
    assertTrue(
        explanation(global, 0).contains("20% off the technical component 30.00 (6.00)"),
        global.toString());
    assertTrue(explanation(global, 0).contains("film-x-ray"), global.toString());
  }

  @Test
  void computedRadiographyTakesSevenThenTenPercent() {
    assertAmounts(price(on(2020, 3, 2), "73560-FY"), "47.90"); // 50 - 7% of 30
    assertAmounts(price(on(2022, 12, 31), "73560-FY"), "47.90");
    assertAmounts(price(on(2023, 1, 1), "73560-FY"), "47.00"); // 50 - 10% of 30
    assertAmounts(price("73560-FY"), "47.00");
  }

  @Test
  void aReductionDoesNotReachBackBeforeItsFirstDay() {
    PricedClaim before = price(on(2017, 12, 29), "73560-FY");
    assertAmounts(before, "50.00");
    assertTrue(explanation(before, 0).contains("before 2018-01-01"), before.toString());
    assertAmounts(price(on(2016, 12, 30), "73560-FX"), "50.00");
    assertAmounts(price(on(2015, 12, 31), "70450-CT"), "200.00");
  }

  @Test
  void ctTakesFiveThenFifteenPercent() {
    assertAmounts(price(on(2016, 6, 1), "70450-CT"), "193.75"); // 200 - 5% of 125
    assertAmounts(price(on(2017, 1, 2), "70450-CT"), "181.25"); // 200 - 15% of 125
    assertAmounts(price("70450-TC-CT"), "106.25");
  }

  @Test
  void filmThenComputedRadiographyOnOneLine() {
    // FY after FX: 30 - 6 = 24, then 10% of 24 = 2.40: 50 - 8.40.
    PricedClaim both = price("73560-FX-FY");
    assertAmounts(both, "41.60");
    String words = explanation(both, 0);
    assertTrue(words.indexOf("film-x-ray") < words.indexOf("computed-radiography"), words);
    assertTrue(words.contains("10% off the technical component 24.00 after the reduction above"));
  }

  @Test
  void theReductionFollowsTheImagingRankingAndTakesItsShareOfWhatIsLeft() {
    // 71260 ranks first (TC 250). 70450: TC 125 x 50% = 62.50 and PC 75 x 95% = 71.25; CT takes
    // 15% of the 62.50 left: 9.375. 62.50 + 71.25 - 9.375 = 124.375, paid 124.38.
    PricedClaim claim = price("71260", "70450-CT");
    assertAmounts(claim, "400.00", "124.38");
    assertTrue(
        explanation(claim, 1)
            .contains("15% off the technical component 62.50 after the multiple-procedure"),
        claim.toString());
    // The reduced service keeps its rank: CT on the first one reduces the first one only.
    assertAmounts(price("71260-CT", "70450"), "362.50", "133.75"); // 400 - 37.50
  }

  @Test
  void theReductionIsTakenFromTheCappedTechnicalComponent() {
    // Change request 9727: the lower of the fee schedule and OPPS amounts, then the reduction.
    assertAmounts(price("70486-TC-CT"), "93.50"); // 110 x 85%
    assertAmounts(price("70486-CT"), "193.50"); // 210 - 15% of the capped TC, 110
  }

  @Test
  void everyUnitAndBothSidesAreReduced() {
    assertAmounts(price("73560-FX x2"), "88.00"); // 2 x 44
    assertAmounts(price("73560-50-FX"), "88.00"); // BILAT SURG 3: 100 - 20% of 60
    assertAmounts(price("73560-LT-FX", "73560-RT-FX"), "44.00", "44.00");
    // One side on film: only that line loses its share.
    assertAmounts(price("73560-LT-FX", "73560-RT"), "44.00", "50.00");
  }

  @Test
  void aCodeWithoutATechnicalComponentIsWarnedAboutAndKeepsItsAmount() {
    PricedClaim claim = price("99213-FX-CT");
    assertAmounts(claim, "100.00");
    PricedLine line = claim.line(0);
    // The modifier rules flag CT on a code that is no CT scan; the step warns of the component.
    assertEquals(2, line.warnings().size(), claim.toString());
    assertEquals(ClaimWarning.Kind.MODIFIER_RULE_BROKEN, line.warnings().get(0).kind());
    ClaimWarning warning = line.warnings().get(1);
    assertEquals(ClaimWarning.Kind.COMPONENT_NOT_IDENTIFIED, warning.kind());
    assertEquals("film-x-ray", warning.rule());
    assertTrue(
        warning.message().contains("modifiers FX and CT take nothing off"), warning.message());
  }

  @Test
  void ctOnACodeChangeRequest9250DoesNotListIsFlaggedAndStillReduced() {
    // 73560 is an X-ray: the modifier rules flag CT on it, and pricing takes the modifier at its
    // word (CR 9250's list also covers successor codes), 15% of the TC of 30.00 off.
    PricedClaim claim = price("73560-CT");
    assertAmounts(claim, "45.50");
    PricedLine line = claim.line(0);
    assertEquals(1, line.warnings().size(), claim.toString());
    ClaimWarning warning = line.warnings().get(0);
    assertEquals(ClaimWarning.Kind.MODIFIER_RULE_BROKEN, warning.kind());
    assertEquals("modifier-rules", warning.rule());
    assertTrue(
        warning.message().contains("CT codes of change request 9250")
            && warning.message().contains("not on 73560"),
        warning.message());
    // A CT scan of the list: no flag.
    assertEquals(0, price("70450-CT").line(0).warnings().size());
  }

  @Test
  void theSingleLineScheduleNotesTheReductionAsClaimPricing() {
    MedicareFeeSchedule schedule = PRICER.schedule();
    FeeResult result = schedule.price(ClaimLine.parse("73560-FX"), CONTEXT);
    assertEquals(new BigDecimal("50.00"), result.amountOrThrow());
    assertTrue(
        result.explanation().toString().contains("technical component reduction of claim pricing"),
        result.toString());
  }

  @Test
  void aPayerCanLeaveTheStepOut() {
    MedicareClaimPricer without = PRICER.toBuilder().removeStep(ImagingEquipmentStep.NAME).build();
    assertAmounts(without.price(Claim.builder().add("73560-FX").build(), CONTEXT), "50.00");
  }
}
