package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The limiting charges of the README's claims on the bundled 2025 data, worked by hand: 109.25% of
 * each line's participating amount after the claim's rules, and none for the Part B lines paid only
 * on assignment or without a limiting charge in law.
 */
class LimitingChargesExampleTest {

  private static final MedicareFeeSchedule SCHEDULE = BundledData.medicareFeeSchedule();

  /** Rochester (13282-99), facility, 2025-06-02: the README's claim-pricing example. */
  private static final PricingContext OUTPATIENT =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static final Claim KNEE =
      Claim.builder().add("29880-RT", "2400.00").add("20610-LT", "310.00").add("99213-25").build();

  private static List<String> amounts(PricedClaim claim) {
    List<String> amounts = new ArrayList<>();
    for (PricedLine line : claim.lines()) {
      amounts.add(
          line.amount()
              .map(BigDecimal::toPlainString)
              .orElse(line.reason().map(Enum::name).orElse("?")));
    }
    return amounts;
  }

  @Test
  void theSecondProcedureHasTheLimitingChargeOfItsHalf() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(SCHEDULE);
    // Paid 531.70, 20610 (MULT PROC 2, ranked second) 50% x 42.14 = 21.07, and 61.92.
    assertEquals(List.of("531.70", "21.07", "61.92"), amounts(pricer.price(KNEE, OUTPATIENT)));
    PricedClaim limits = pricer.limitingCharges(KNEE, OUTPATIENT);
    // 1.0925 x 531.70 = 580.88225; 1.0925 x 21.07 = 23.018975; 1.0925 x 61.92 = 67.6476.
    assertEquals(List.of("580.88", "23.02", "67.65"), amounts(limits));
    assertEquals(new BigDecimal("671.55"), limits.total());
    // The line alone is not ranked: 1.0925 x 42.14 = 46.03795, 46.04.
    assertEquals(
        new BigDecimal("46.04"),
        SCHEDULE.limitingCharge(ClaimLine.parse("20610-LT"), OUTPATIENT).amountOrThrow());
  }

  /**
   * An LT and RT pair's limiting charge is rounded once, as its payment is, and as the same service
   * billed with 50 is: 20610 both sides is paid 63.21 (31.61 + 31.60, exactly 31.605 a side), and
   * limited to 1.0925 x 63.21 = 69.056925, 69.06, split 34.53 + 34.53; each side's rounded half
   * multiplied and rounded again gave 34.53 + 34.52.
   */
  @Test
  void anLtRtPairsLimitingChargeIsRoundedOnceAsModifier50s() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(SCHEDULE);
    Claim pair = Claim.builder().add("20610-LT").add("20610-RT").build();
    assertEquals(List.of("31.61", "31.60"), amounts(pricer.price(pair, OUTPATIENT)));
    PricedClaim limits = pricer.limitingCharges(pair, OUTPATIENT);
    assertEquals(List.of("34.53", "34.53"), amounts(limits));
    assertEquals(new BigDecimal("69.06"), limits.total());
    PricedClaim fifty = pricer.limitingCharges(Claim.builder().add("20610-50").build(), OUTPATIENT);
    assertEquals(limits.total(), fifty.total());
    assertTrue(
        limits.line(1).explanation().toString().contains("the bilateral pair's limiting charge is"),
        () -> limits.line(1).explanation().toString());
  }

  /**
   * With 22 or 52 on one side of an LT and RT pair, that side is left to the contractor and the
   * other keeps its half (31.605, paid 31.61): its limiting charge is 1.0925 x 31.605 = 34.53, the
   * marked side carrier priced. This threw a NullPointerException when the limiting charge was
   * first multiplied in the claim state, summing the pair's two amounts with one of them missing.
   */
  @Test
  void thePaidSideOfAPairWithAMarkedSideHasItsLimitingCharge() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(SCHEDULE);
    for (String marked : List.of("20610-LT-22", "20610-LT-52")) {
      Claim pair = Claim.builder().add(marked).add("20610-RT").build();
      assertEquals(List.of("CARRIER_PRICED", "31.61"), amounts(pricer.price(pair, OUTPATIENT)));
      PricedClaim limits = pricer.limitingCharges(pair, OUTPATIENT);
      assertEquals(List.of("CARRIER_PRICED", "34.53"), amounts(limits), marked);
      assertEquals(new BigDecimal("34.53"), limits.total(), marked);
    }
  }

  @Test
  void anAnesthesiaLinesChargeDoesNotCapItsLimitingCharge() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(SCHEDULE);
    Claim claim = Claim.builder().add("00400-AA 30min", "10.00").build();
    PricedLine paid = pricer.price(claim, OUTPATIENT).line(0);
    assertEquals(new BigDecimal("10.00"), paid.amountOrThrow(), paid::toString);
    PricedLine limit = pricer.limitingCharges(claim, OUTPATIENT).line(0);
    // The session's amount, 5 units x 19.79 = 98.95, not the charge, times 1.0925: 108.10.
    assertEquals(
        SCHEDULE.limitingCharge(ClaimLine.parse("00400-AA 30min"), OUTPATIENT).amountOrThrow(),
        limit.amountOrThrow(),
        limit::toString);
    assertTrue(limit.amountOrThrow().compareTo(new BigDecimal("100")) > 0, limit::toString);
  }

  @Test
  void partBLinesOtherThanThePhysicianFeeSchedulesHaveNone() {
    // The README's Manhattan claim: a visit, a venipuncture and a panel (CLFS), an injection, a
    // drug (ASP) and a DMEPOS item.
    PricingContext office =
        PricingContext.of(
                LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY)
            .withBeneficiaryZip("10001");
    Claim claim =
        Claim.builder()
            .add("99213-25")
            .add("36415")
            .add("80053")
            .add("96372")
            .add("J1100 x8")
            .add("E0114-NU")
            .build();
    PartBClaimPricer pricer =
        PartBClaimPricer.of(BundledData.partBFeeSchedule(), MedicareClaimPricer.of(SCHEDULE));
    PricedClaim approved = pricer.price(claim, office);
    PricedClaim limits = pricer.limitingCharges(claim, office);
    for (int i : new int[] {0, 3}) {
      assertEquals(
          approved
              .line(i)
              .exactAmount()
              .orElseThrow()
              .multiply(MedicareFeeSchedule.LIMITING_CHARGE_FACTOR)
              .setScale(2, RoundingMode.HALF_UP),
          limits.line(i).amountOrThrow(),
          limits::toString);
    }
    assertNone(
        limits.line(1), approved.line(1), UnpricedReason.ASSIGNMENT_REQUIRED, "§1833(h)(5)(C)");
    assertNone(
        limits.line(2), approved.line(2), UnpricedReason.ASSIGNMENT_REQUIRED, "§1833(h)(5)(C)");
    assertNone(limits.line(4), approved.line(4), UnpricedReason.ASSIGNMENT_REQUIRED, "§1842(o)(3)");
    assertNone(limits.line(5), approved.line(5), UnpricedReason.NO_LIMITING_CHARGE, "§1834");
  }

  private static void assertNone(
      PricedLine limit, PricedLine approved, UnpricedReason reason, String law) {
    assertEquals(Optional.of(reason), limit.reason(), limit::toString);
    assertTrue(limit.detail().contains(law), limit::toString);
    assertTrue(limit.detail().endsWith(" " + approved.amountOrThrow()), limit::toString);
    assertEquals(approved.explanation(), limit.explanation());
  }
}
