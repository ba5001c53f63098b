package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
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
 * Issue 11, item 8, on the bundled 2025 data: Medicare pays the posted fee of one unit (rounded to
 * cents) times the units and percentages, and an LT and RT pair is rounded once, then split.
 */
class RoundingAsMedicarePaysTest {

  private static final MedicareFeeSchedule MEDICARE = BundledData.medicareFeeSchedule();
  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(MEDICARE);
  private static final LocalDate DATE = LocalDate.of(2025, 6, 2);

  @Test
  void threeUnitsAreThreeTimesThePostedFee() {
    PricingContext manhattan =
        PricingContext.of(DATE, Locality.parse("13202-01"), Setting.NON_FACILITY);
    // 99213: (1.30 x 1.065 + 1.35 x 1.166 + 0.10 x 1.656) x 32.3465 = 101.0569353, posted 101.06;
    // 3 x 101.06 = 303.18, where 3 x the exact amount would round to 303.17.
    ClaimLine line = ClaimLine.parse("99213").withUnits(3);
    assertEquals(new BigDecimal("303.18"), MEDICARE.price(line, manhattan).amountOrThrow());
    // The claim pricer multiplies the posted fee too, for a code no claim rule limits to one
    // unit (a visit is paid one a day, same-day-visits): 93010, the ECG's reading, 0.17 x 1.065 +
    // 0.06 x 1.166 + 0.01 x 1.656 = 8.654953005, posted 8.65; 3 x 8.65 = 25.95, not 25.96.
    ClaimLine reading = ClaimLine.parse("93010").withUnits(3);
    assertEquals(new BigDecimal("25.95"), MEDICARE.price(reading, manhattan).amountOrThrow());
    PricedClaim claim = PRICER.price(Claim.ofLines(reading), manhattan);
    assertEquals(new BigDecimal("25.95"), claim.total(), claim.toString());
  }

  @Test
  void anLtRtPairIsRoundedOnceThenSplit() {
    PricingContext facility = PricingContext.of(DATE, Locality.parse("13282-99"), Setting.FACILITY);
    // 20610, BILAT SURG 1: (0.79 x 1.000 + 0.44 x 0.949 + 0.13 x 0.732) x 32.3465 = 42.13843248,
    // posted 42.14; the pair is 150%: 63.21, split 31.61 (LT, first by code order) + 31.60.
    // Rounding each side's exact 75% (31.6038...) would pay 31.60 + 31.60 = 63.20.
    PricedClaim pair =
        PRICER.price(
            Claim.ofLines(ClaimLine.parse("20610-RT"), ClaimLine.parse("20610-LT")), facility);
    assertEquals(new BigDecimal("31.60"), pair.line(0).amount().orElseThrow(), pair.toString());
    assertEquals(new BigDecimal("31.61"), pair.line(1).amount().orElseThrow(), pair.toString());
    assertEquals(new BigDecimal("63.21"), pair.total());
    assertEquals(
        pair.total(),
        PRICER
            .price(Claim.ofLines(ClaimLine.parse("20610-50")), facility)
            .line(0)
            .amount()
            .orElseThrow());
    String words = pair.line(1).result().explanation().toString();
    assertTrue(words.contains("paid 63.21, split 31.61 on line 2 + 31.60 on line 1"), words);
  }

  @Test
  void twoPlainLinesOfACodeArePricedAsItsLtRtPair() {
    // CMS takes a code "reported twice on the same day by any other means" than 50 as bilateral
    // (RVU25D record layout, BILAT SURG 1 to 3). 69210 (BILAT SURG 2 in the October 2025 file):
    // 29.98 for both sides, as for 2 units and for one, not 29.98 + 50% as a second procedure
    // (29.98 + 14.99 = 44.97 before). Their charges tell the lines apart: alike in every field,
    // the second would be an exact duplicate (duplicate-lines).
    PricingContext facility =
        PricingContext.of(LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.FACILITY);
    assertEquals(
        new BigDecimal("29.98"),
        PRICER.price(Claim.ofLines(ClaimLine.parse("69210 x2")), facility).total());
    PricedClaim ears =
        PRICER.price(
            Claim.of(BilledLine.parse("69210 $400"), BilledLine.parse("69210 $410")), facility);
    assertEquals(new BigDecimal("29.98"), ears.total(), ears.toString());
    // The pair's limiting charge is rounded once, as 20610-50's: 109.25% of 63.21 = 69.06.
    PricingContext nonParticipating = facility.withParticipating(false);
    PricedClaim limits =
        PRICER.limitingCharges(
            Claim.of(BilledLine.parse("20610 $400"), BilledLine.parse("20610 $410")),
            nonParticipating);
    assertEquals(new BigDecimal("69.06"), limits.total(), limits.toString());
    assertEquals(
        PRICER
            .limitingCharges(Claim.ofLines(ClaimLine.parse("20610-50")), nonParticipating)
            .total(),
        limits.total());
    // 20610 beside 27447: the pair, 150% of 42.14 = 63.21, ranks second, 50% = 31.605, rounded
    // once: 31.61 (15.81 + 15.80), as 20610 x2 is; not 21.07 + 21.07.
    PricedClaim knee =
        PRICER.price(
            Claim.of(
                BilledLine.parse("20610 $400"),
                BilledLine.parse("20610 $410"),
                BilledLine.parse("27447")),
            facility);
    assertEquals(
        PRICER
            .price(Claim.ofLines(ClaimLine.parse("20610 x2"), ClaimLine.parse("27447")), facility)
            .total(),
        knee.total(),
        knee.toString());
    assertEquals(new BigDecimal("1229.50"), knee.total(), knee.toString());
    assertEquals(
        new BigDecimal("31.61"),
        knee.line(0).amountOrThrow().add(knee.line(1).amountOrThrow()),
        knee.toString());
  }
}
