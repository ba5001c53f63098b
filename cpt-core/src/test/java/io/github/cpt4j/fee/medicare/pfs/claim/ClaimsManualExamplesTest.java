package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The numeric examples of CMS's Medicare Claims Processing Manual (Pub. 100-04), chapter 12, worked
 * through the claim pricer. Where the manual assumes fee schedule amounts, the table posts exactly
 * those amounts: every GPCI is 1, the conversion factor is 1 dollar and a row's work RVUs are its
 * fee, so each expected amount can be checked against the manual's own arithmetic. The indicators
 * are those of CMS's 2025 relative value file for the codes (MULT PROC, ENDO BASE, global period).
 */
class ClaimsManualExamplesTest {

  /** A row whose fee schedule amount is {@code fee} dollars: work RVUs only, at 1 dollar each. */
  private static ClaimTables.Row fee(String code, String fee) {
    return row(code, fee, "0.00", "0.00").global("000").bilateral('0');
  }

  private static final List<RvuEntry> ROWS =
      List.of(
          // Colonoscopy family, base 45378: the manual's assumed fee schedule amounts.
          fee("45378", "255.40").mult('2').build(),
          fee("45380", "285.98").base("45378").build(),
          fee("45385", "374.56").base("45378").build(),
          // Upper GI endoscopy family, base 43235: made-up amounts for the manual's rules
          // without figures.
          fee("43235", "150.00").mult('2').build(),
          fee("43239", "200.00").base("43235").build(),
          fee("43251", "250.00").base("43235").build(),
          // Rigid proctosigmoidoscopy family, base 45300.
          fee("45300", "80.00").mult('2').build(),
          fee("45305", "120.00").base("45300").build(),
          // Three open vascular procedures, MULT PROC 2.
          fee("35301", "1043.48").global("090").mult('2').bilateral('1').build(),
          fee("35201", "922.90").global("090").mult('2').bilateral('1').build(),
          fee("35261", "1010.60").global("090").mult('2').bilateral('1').build(),
          // The record layout's bilateral examples: one code of each BILAT SURG indicator.
          fee("22612", "125.00").global("090").mult('2').build(),
          fee("93880", "125.00").global("XXX").pcTc('1').mult('6').bilateral('2').build(),
          fee("27447", "1000.00").global("090").mult('2').bilateral('1').build(),
          fee("73560", "50.00").global("XXX").pcTc('1').mult('0').bilateral('3').build(),
          // An office visit of 100.00, for the limiting charge's example.
          fee("99213", "100.00").global("XXX").mult('0').bilateral('9').build());

  private static final MedicareFeeSchedule SCHEDULE =
      ClaimTables.scheduleBuilder()
          .rvus(RvuTable.of(ROWS))
          .conversionFactors(
              ConversionFactors.of(
                  List.of(
                      ConversionFactor.builder()
                          .effectiveFrom(LocalDate.of(2025, 1, 1))
                          .effectiveTo(LocalDate.of(2025, 12, 31))
                          .amount(new BigDecimal("1.0000"))
                          .appliesTo(ApmProviders.ALL)
                          .build())))
          .build();

  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(SCHEDULE);

  private static PricedClaim price(String... lines) {
    return PRICER.price(ClaimTables.claimOf(lines), CONTEXT);
  }

  private static void assertAmounts(PricedClaim claim, String total, String... amounts) {
    for (int i = 0; i < amounts.length; i++) {
      assertEquals(
          new BigDecimal(amounts[i]), claim.line(i).amount().orElse(null), claim.toString());
    }
    assertEquals(new BigDecimal(total), claim.total(), claim.toString());
  }

  /**
   * Ch. 12 §40.6.2, special rules for multiple endoscopic procedures: with 45378 at 255.40, 45380
   * at 285.98 and 45385 at 374.56, a claim of 45380 and 45385 is paid 45385 in full plus what 45380
   * adds to the base, 285.98 - 255.40 = 30.58: 405.14, not 374.56 + 50% of 285.98.
   */
  @Test
  void endoscopiesOfOneFamilyPayTheHighestAndTheOthersLessTheBase() {
    assertAmounts(price("45380", "45385"), "405.14", "30.58", "374.56");
  }

  /**
   * Ch. 12 §40.6.2: the base endoscopy billed beside its family's other members is not paid
   * separately; the example's claim with 45378 added is still paid 405.14.
   */
  @Test
  void theBaseEndoscopyBilledWithItsFamilyIsNotPaidAgain() {
    assertAmounts(price("45378", "45380", "45385"), "405.14", "0.00", "30.58", "374.56");
  }

  /**
   * Ch. 12 §40.6.2: two unrelated endoscopies (each of another family) follow the usual multiple
   * surgery rules: 43239 (200.00) and 45305 (120.00) are paid 100% and 50%, 200.00 + 60.00.
   */
  @Test
  void twoUnrelatedEndoscopiesFollowTheUsualMultipleSurgeryRules() {
    assertAmounts(price("45305", "43239"), "260.00", "60.00", "200.00");
  }

  /**
   * Ch. 12 §40.6.2: two sets of unrelated endoscopies. The endoscopy rule prices each set, then the
   * multiple surgery rule ranks each set's total as one service: the colonoscopies total 405.14 and
   * rank first; the upper GI set totals 250.00 + (200.00 - 150.00) = 300.00 and is paid 50%, each
   * of its lines halved: 125.00 and 25.00. The claim is paid 405.14 + 150.00 = 555.14.
   */
  @Test
  void twoSetsOfUnrelatedEndoscopiesRankEachSetAsOneService() {
    assertAmounts(
        price("43239", "45380", "43251", "45385"), "555.14", "25.00", "30.58", "125.00", "374.56");
  }

  /**
   * Ch. 12 §40.6.2: two related endoscopies and a third, unrelated one. The related pair is one
   * service of 405.14, the unrelated 45305 (120.00) another, ranked second: 60.00.
   */
  @Test
  void twoRelatedEndoscopiesAndAnUnrelatedOneAreTwoServices() {
    assertAmounts(price("45305", "45385", "45380"), "465.14", "60.00", "374.56", "30.58");
  }

  /**
   * Ch. 12 §40.6.2: the special endoscopy rule prices a family before it is ranked with a procedure
   * that is no endoscopy. 35201 (922.90) outranks the family's 405.14, which is then paid 50%:
   * 187.28 and 15.29; 922.90 + 202.57 = 1125.47.
   */
  @Test
  void anEndoscopyFamilyIsRankedAsOneServiceBesideOtherSurgery() {
    assertAmounts(price("45385", "35201", "45380"), "1125.47", "187.28", "922.90", "15.29");
  }

  /**
   * Ch. 12 §40.6.2 (standard multiple surgery payment): three procedures of MULT PROC 2, ranked by
   * fee schedule amount whatever their order on the claim, 100%, 50%, 50%; the lower of the charge
   * and the reduced amount. A contractor's worked example of that section, with its amounts: 35301
   * 1043.48 billed 2000.00, 35201 922.90 billed 1000.00, 35261 1010.60 billed 1050.00 are paid
   * 1043.48, 461.45 and 505.30.
   */
  @Test
  void threeStandardProceduresArePaidOneHundredFiftyFifty() {
    Claim claim =
        Claim.builder()
            .add("35301", "2000.00")
            .add("35201", "1000.00")
            .add("35261", "1050.00")
            .build();
    assertAmounts(PRICER.price(claim, CONTEXT), "2010.23", "1043.48", "461.45", "505.30");
  }

  /** Prices lines given with their charges, {@code "27447-LT", "600.00", ...}. */
  private static PricedClaim priceCharged(String... lineAndCharge) {
    Claim.Builder claim = Claim.builder();
    for (int i = 0; i < lineAndCharge.length; i += 2) {
      claim.add(lineAndCharge[i], lineAndCharge[i + 1]);
    }
    return PRICER.price(claim.build(), CONTEXT);
  }

  /**
   * The relative value file's record layout (RVU25D, BILAT SURG 0 and 2) works the same example for
   * both: a fee schedule amount of 125.00, the left side billed 100.00 and the right 100.00. Both
   * sides are paid the fee schedule amount of one, 125.00, lower than the 200.00 charged.
   */
  @Test
  void bothSidesOfIndicator0Or2ArePaidOneFeeScheduleAmount() {
    for (String code : List.of("22612", "93880")) {
      PricedClaim claim = priceCharged(code + "-LT", "100.00", code + "-RT", "100.00");
      assertEquals(new BigDecimal("125.00"), claim.total(), claim.toString());
    }
  }

  /**
   * RVU25D, BILAT SURG 0 and 2: the lower of the total charge for both sides and the fee of one.
   * Billed 50.00 and 100.00, both sides' 150.00 is above 125.00: paid 125.00, not the 50.00 + 62.50
   * a comparison side by side would give.
   */
  @Test
  void theChargeOfBothSidesTogetherCapsIndicator0Or2() {
    for (String code : List.of("22612", "93880")) {
      PricedClaim claim = priceCharged(code + "-LT", "50.00", code + "-RT", "100.00");
      assertEquals(new BigDecimal("125.00"), claim.total(), claim.toString());
    }
  }

  /**
   * RVU25D, BILAT SURG 1: the lower of the total charge for both sides and 150% of the fee of one.
   * 27447 at 1000.00, billed 600.00 left and 700.00 right: 1300.00 is below 1500.00 and is paid.
   */
  @Test
  void theChargeOfBothSidesTogetherCapsIndicator1() {
    PricedClaim claim = priceCharged("27447-LT", "600.00", "27447-RT", "700.00");
    assertEquals(new BigDecimal("1300.00"), claim.total(), claim.toString());
  }

  /**
   * RVU25D, BILAT SURG 3: each side is paid the lower of its own charge and the fee of one side.
   * 73560 at 50.00 billed 40.00 left and 100.00 right: 40.00 + 50.00 = 90.00.
   */
  @Test
  void eachSideOfIndicator3IsCappedByItsOwnCharge() {
    assertAmounts(
        priceCharged("73560-LT", "40.00", "73560-RT", "100.00"), "90.00", "40.00", "50.00");
  }

  /**
   * The limiting charge as CMS's participation materials work it, on a fee schedule amount of
   * 100.00: a non-participating provider is paid 95% of it, 95.00 (ch. 12 §20.4.1), and may charge
   * at most 115% of that, 109.25 (42 CFR 414.48(b)), on a line alone and on a claim.
   */
  @Test
  void theLimitingChargeIs115PercentOfTheNonParticipatingAmount() {
    ClaimLine visit = ClaimLine.parse("99213");
    assertEquals(
        new BigDecimal("95.00"),
        SCHEDULE.price(visit, CONTEXT.withParticipating(false)).amountOrThrow());
    assertEquals(new BigDecimal("109.25"), SCHEDULE.limitingCharge(visit, CONTEXT).amountOrThrow());
    assertAmounts(
        PRICER.price(ClaimTables.claimOf("99213"), CONTEXT.withParticipating(false)),
        "95.00",
        "95.00");
    assertAmounts(
        PRICER.limitingCharges(ClaimTables.claimOf("99213"), CONTEXT), "109.25", "109.25");
  }
}
