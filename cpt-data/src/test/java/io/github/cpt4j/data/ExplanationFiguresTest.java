package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The figures an explanation step states are those of the line it explains, on the bundled 2025
 * data in 13282-99: a cut shared by the two lines of an LT and RT pair says so, a cut of every side
 * or unit of a procedure says it is of each, and a therapy unit paid a share of the reduced fee CMS
 * posts states that share.
 */
class ExplanationFiguresTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final LocalDate DATE = LocalDate.of(2025, 6, 2);
  private static final PricingContext OFFICE =
      PricingContext.of(DATE, Locality.parse("13282-99"), Setting.NON_FACILITY);
  private static final PricingContext FACILITY =
      PricingContext.of(DATE, Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(PricingContext context, String... lines) {
    return PRICER.price(
        Claim.ofLines(Arrays.stream(lines).map(ClaimLine::parse).toArray(ClaimLine[]::new)),
        context);
  }

  private static String words(PricedClaim claim, int line) {
    return claim.line(line).result().explanation().toString();
  }

  private static void assertSays(PricedClaim claim, int line, String expected) {
    String words = words(claim, line);
    assertTrue(words.contains(expected), () -> "line " + (line + 1) + ":\n" + claim);
  }

  @Test
  void aCutSharedByAnLtRtPairSaysWhatEachLineLost() {
    // 93000's tracing, 93005's 5.76, loses a quarter beside 93306: 1.44 for the pair, half a line.
    PricedClaim ecg = price(OFFICE, "93000-LT", "93000-RT", "93306");
    for (int i = 0; i < 2; i++) {
      assertSays(ecg, i, "25% of it off (1.44 for the pair, 0.72 on this line)");
    }
    // 73221 (BILAT SURG 3) beside 73721: its second side loses half its TC.
    PricedClaim mri = price(OFFICE, "73221-LT", "73221-RT", "73721");
    for (int i = 0; i < 2; i++) {
      assertSays(mri, i, "50% of it off the second side (65.74 for the pair, 32.87 on this line)");
    }
    // 45380 beside 45385, both of the family of 45378: the pair loses the base's fee as scaled
    // for the pair, each line half of it.
    PricedClaim scope = price(FACILITY, "45385", "45380-LT", "45380-RT");
    for (int i = 1; i < 3; i++) {
      assertSays(scope, i, "minus the base's 170.58 for the pair, 85.29 on this line");
    }
  }

  @Test
  void aCutOfEverySideOrUnitSaysItIsOfEach() {
    // Both sides of 73721-50 rank after those of 73221-50: each loses half its TC, 65.585.
    PricedClaim both = price(OFFICE, "73721-50", "73221-50");
    assertSays(both, 0, "ranks 3-4 of 4 among imaging family 88: 50% of it off each side (131.17)");
    PricedClaim units = price(OFFICE, "97110 x3", "97140 x2");
    assertSays(
        units, 1, "ranks 4-5 of 5 among therapy services: 50% of it off each of the 2 units");
  }

  @Test
  void anEndoscopyMemberWithUnitsSaysEachUnitLosesTheBase() {
    // 3 x (144.63 - 74.63) = 210.00: the base's fee comes off each unit.
    PricedClaim claim = price(FACILITY, "52234", "52332 x3");
    assertSays(claim, 1, ", each of its 3 units paid its amount minus the base's 74.63");
  }

  @Test
  void aTherapyUnitPaidAShareStatesTheShareOfThePostedFee() {
    // Non-participating: 95% x 27.99 + 2 x 95% x 21.39 = 26.5905 + 40.641 = 67.2315.
    PricedClaim claim = price(OFFICE.withParticipating(false), "97110 x3", "97140 x2");
    assertSays(claim, 0, "21.39 a unit, 20.3205 after the line's 95% (12.54)");
    assertEquals(new BigDecimal("67.23"), claim.line(0).amountOrThrow(), claim.toString());
  }
}
