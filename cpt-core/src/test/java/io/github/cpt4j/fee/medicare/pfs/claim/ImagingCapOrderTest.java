package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The imaging multiple-procedure reduction and the OPPS cap together, in CMS's order: rank by the
 * fee schedule TC, take the cut from it, then pay the lower of that and the cap. On {@link
 * ClaimTables} (GPCIs 1, CF 25) with 70486's TC (200.00 by the formula) capped at 110.00 and its
 * global row (300.00) at 210.00, the PC of 100.00 plus the capped TC.
 */
class ImagingCapOrderTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(
          ClaimTables.scheduleBuilder().oppsCaps(ClaimTables.capsOf70486()).build());

  private static PricedClaim price(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(line);
    }
    return PRICER.price(claim.build(), CONTEXT);
  }

  private static void assertAmounts(PricedClaim claim, String... amounts) {
    for (int i = 0; i < amounts.length; i++) {
      assertEquals(new BigDecimal(amounts[i]), claim.line(i).amountOrThrow(), claim.toString());
    }
  }

  @Test
  void aCappedLineAloneIsPaidTheCap() {
    assertAmounts(price("70486-TC"), "110.00");
    assertAmounts(price("70486"), "210.00");
  }

  @Test
  void theCutIsTakenFromTheFeeScheduleTcAndOnlyThenCapped() {
    // 71260-TC 250 first; 70486-TC: 200 x 50% = 100, under the cap of 110: 100 (not 110 - 55).
    assertAmounts(price("71260-TC", "70486-TC"), "250.00", "100.00");
    // Global: TC 100 as above, PC 100 x 95% = 95: 195 (not 210 - 55 - 5 = 150).
    PricedClaim global = price("71260", "70486");
    assertAmounts(global, "400.00", "195.00");
    assertTrue(
        global
            .line(1)
            .explanation()
            .toString()
            .contains("the lower of 100.00 and the cap's 110.00"),
        global.toString());
  }

  @Test
  void servicesRankByTheirFeeScheduleTcNotTheCappedOne() {
    // 70486-TC 200 ranks above 70450-TC 125, though its cap (110) is lower: 110 in full, and
    // 70450-TC is the one cut: 62.50.
    assertAmounts(price("70450-TC", "70486-TC"), "62.50", "110.00");
  }

  @Test
  void aSecondUnitIsCutBeforeTheCapToo() {
    // First unit 210 (capped); second: TC 100 + PC 95 = 195.
    assertAmounts(price("70486 x2"), "405.00");
  }
}
