package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.TEST_LOCALITY;
import static io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricerTest.assertAmounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
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
 * Modifiers CQ and CO: a therapy service furnished in whole or in part by a therapy assistant is
 * paid 85% from 2022 (Social Security Act section 1834(v)), worked by hand on {@link ClaimTables}
 * (GPCIs 1, CF 25): 97110 is 25.00 with a practice expense of 10.00, 97530 35.00 with 20.00, both
 * MULT PROC 5.
 */
class TherapyAssistantTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(ClaimTables.scheduleBuilderSince2015().build());

  private static PricedClaim price(PricingContext context, String... lines) {
    return PRICER.price(ClaimTables.claimOf(lines), context);
  }

  @Test
  void theRegistryKnowsBothModifiers() {
    ModifierRegistry registry = ModifierRegistry.standard();
    assertEquals(
        PaymentEffect.THERAPY_ASSISTANT,
        registry.paymentEffect(Modifier.PHYSICAL_THERAPY_ASSISTANT));
    assertEquals(
        PaymentEffect.THERAPY_ASSISTANT,
        registry.paymentEffect(Modifier.OCCUPATIONAL_THERAPY_ASSISTANT));
  }

  @Test
  void aLineWithCqOrCoIsPaid85Percent() {
    PricedClaim physical = price(CONTEXT, "97110-GP-CQ");
    assertAmounts(physical, "21.25", "21.25");
    assertTrue(
        physical.line(0).explanation().toString().contains("modifier CQ: 85%, furnished in whole"),
        physical.toString());
    PricedClaim occupational = price(CONTEXT, "97110-GO-CO");
    assertAmounts(occupational, "21.25", "21.25");
    assertTrue(occupational.line(0).explanation().toString().contains("modifier CO: 85%"));
  }

  @Test
  void onlyTheAssistantsLinesArePaidLess() {
    // 97530 ranks first by its practice expense (20.00) and is paid in full; 97110-CQ is 85% of
    // 25.00, less half its practice expense at the same 85%: 21.25 - 4.25 = 17.00.
    assertAmounts(price(CONTEXT, "97110-CQ", "97530"), "52.00", "17.00", "35.00");
  }

  /**
   * Section 1834(v) reduces outpatient physical and occupational therapy only: CQ or CO on a code
   * that is not a therapy service (its row not MULT PROC 5) takes nothing off, says so, and breaks
   * a modifier rule. Before, 99213-CQ was paid 85.00 and 70450-CO 170.00, with no word.
   */
  @Test
  void cqOrCoOnACodeThatIsNotTherapyTakesNothingOff() {
    PricedClaim visit = price(CONTEXT, "99213-CQ");
    assertAmounts(visit, "100.00", "100.00");
    String explanation = visit.line(0).explanation().toString();
    assertTrue(
        explanation.contains(
            "modifier CQ takes nothing off: 99213 is not a therapy service (MULT PROC 0, not 5)"),
        explanation);
    assertEquals(
        ClaimWarning.Kind.MODIFIER_RULE_BROKEN,
        visit.line(0).warnings().get(0).kind(),
        explanation);
    assertTrue(
        visit.line(0).warnings().get(0).message().contains("THERAPY_ASSISTANT_OUTSIDE_THERAPY"),
        explanation);
    PricedClaim scan = price(CONTEXT, "70450-CO");
    assertAmounts(scan, "200.00", "200.00");
    // Beside a therapy line: only the therapy line is reduced.
    assertAmounts(price(CONTEXT, "97110-GP-CQ", "99213-CQ"), "121.25", "21.25", "100.00");
  }

  @Test
  void theShareIsTakenOnceAndAfterAnyOtherPractitionersShare() {
    // Priced for a therapy assistant, every therapy line already has 85%: CQ does not take it
    // again.
    PricedClaim assistant =
        price(CONTEXT.withPractitioner(PractitionerType.THERAPY_ASSISTANT), "97110-CQ", "97530");
    // 97530 ranks first, 85% of 35.00; 97110 85% of 25.00 less half its practice expense at the
    // same 85%: 21.25 - 4.25.
    assertAmounts(assistant, "46.75", "17.00", "29.75");
    assertTrue(
        assistant.line(0).explanation().toString().contains("share is applied above"),
        assistant.toString());
    // Billed by a nurse practitioner: the NP's 85%, then the assistant's: 25 x 0.85 x 0.85.
    assertAmounts(
        price(CONTEXT.withPractitioner(PractitionerType.parse("np")), "97110-CQ"),
        "18.06",
        "18.06");
  }

  /**
   * A claim priced for a therapy assistant: its therapy lines are paid 85%, its other lines in
   * full, the explanation saying why, on a claim and priced alone, as CQ and CO on such a code.
   * Before, 99213 and 70450 were paid 85.00 and 170.00 for a therapy assistant.
   */
  @Test
  void aTherapyAssistantsShareIsOfTherapyAlone() {
    PricingContext assistant = CONTEXT.withPractitioner(PractitionerType.THERAPY_ASSISTANT);
    PricedClaim claim = price(assistant, "97110", "99213", "70450");
    assertAmounts(claim, "321.25", "21.25", "100.00", "200.00");
    String visit = claim.line(1).explanation().toString();
    assertTrue(
        visit.contains(
            "therapy assistant: no share applied, 99213 is not a therapy service (MULT PROC 0,"
                + " not 5)"),
        visit);
    MedicareFeeSchedule schedule = PRICER.schedule();
    assertEquals(
        new BigDecimal("21.25"),
        schedule.price(ClaimLine.parse("97110"), assistant).amountOrThrow());
    FeeResult alone = schedule.price(ClaimLine.parse("99213"), assistant);
    assertEquals(new BigDecimal("100.00"), alone.amountOrThrow());
    assertTrue(
        alone.explanation().toString().contains("99213 is not a therapy service (MULT PROC 0"),
        alone::toString);
    // Its limiting charge too, on a claim: 115% of the non-participating 95% of 100.00.
    assertAmounts(
        PRICER.limitingCharges(ClaimTables.claimOf("99213"), assistant.withParticipating(false)),
        "109.25",
        "109.25");
  }

  @Test
  void beforeTwentyTwentyTwoTheModifiersTakeNothingOff() {
    PricingContext before =
        PricingContext.of(LocalDate.of(2021, 12, 31), TEST_LOCALITY, Setting.NON_FACILITY);
    PricedClaim claim = price(before, "97110-CQ");
    assertAmounts(claim, "25.00", "25.00");
    assertTrue(
        claim.line(0).explanation().toString().contains("before 2022-01-01"), claim.toString());
    PricingContext from =
        PricingContext.of(LocalDate.of(2022, 1, 1), TEST_LOCALITY, Setting.NON_FACILITY);
    assertAmounts(price(from, "97110-CQ"), "21.25", "21.25");
  }

  /**
   * The therapy reduction ranks by the practice expense before the line's payment shares (RVU25D,
   * MULT PROC 5; the shares are paid of the amount so ranked), and the explanation names that
   * amount. 97530-CQ by a nurse practitioner keeps 85% x 85% of its practice expense of 20.00,
   * 14.45, below 97140's 15.00, yet ranks first; its explanation said only "practice expense 14.45
   * ranks 1 of 2" beside "practice expense 15.00 ranks 2 of 2", which reads as a wrong ranking.
   */
  @Test
  void theExplanationNamesTheAmountTheRankingWeighs() {
    Npi practitioner = Npi.parse("1000000004");
    PricingContext context =
        PricingContext.of(ClaimTables.DATE, TEST_LOCALITY, Setting.NON_FACILITY)
            .withPractitioner(practitioner, PractitionerType.NURSE_PRACTITIONER);
    PricedClaim claim =
        PRICER.price(
            Claim.of(
                BilledLine.parse("97530-CQ by 1000000004"),
                BilledLine.parse("97140 by 1234567893")),
            context);
    // 97530-CQ in full: 85% x 85% x 35.00 = 25.2875; 97140 its reduced fee, 25.00 - 7.50.
    assertAmounts(claim, "42.79", "25.29", "17.50");
    String first = claim.line(0).explanation().toString();
    assertTrue(
        first.contains(
            "practice expense 14.45 (ranked by 20.00, before the line's payment shares)"
                + " ranks 1 of 2"),
        first);
    String second = claim.line(1).explanation().toString();
    assertTrue(second.contains("practice expense 15.00 ranks 2 of 2"), second);
  }
}
