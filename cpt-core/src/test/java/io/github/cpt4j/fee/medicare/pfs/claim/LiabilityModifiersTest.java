package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricerTest.assertAmounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.LiabilityModifiersEdit;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Claim pricing denies the lines billed with GZ or GY ({@code liability-modifiers}); GA lines are
 * paid, and GA, GY and GZ together are flagged. Before, 99213-GZ and 99213-GY were paid 100.00 on
 * {@link ClaimTables}, as if the modifier were absent.
 */
class LiabilityModifiersTest {

  private static final MedicareFeeSchedule SCHEDULE =
      ClaimTables.scheduleBuilderSince2015().build();
  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(SCHEDULE);

  @Test
  void gzAndGyLinesAreDeniedAndTheOthersPaid() {
    PricedClaim claim =
        PRICER.price(ClaimTables.claimOf("99213-GZ", "99213-GY", "99213-GA", "97110"), CONTEXT);
    assertAmounts(claim, "125.00", null, null, "100.00", "25.00");
    for (int i = 0; i < 2; i++) {
      PricedLine line = claim.line(i);
      assertEquals(
          Optional.of(UnpricedReason.BILLED_AS_NOT_COVERED), line.reason(), claim::toString);
      assertEquals(Optional.of(LiabilityModifiersEdit.NAME), line.refusedBy(), claim::toString);
    }
    assertTrue(claim.line(0).detail().contains("change request 7228"), claim::toString);
    assertTrue(
        claim.line(1).detail().contains("excluded by law or not a Medicare benefit"),
        claim::toString);
  }

  @Test
  void contradictoryLiabilityModifiersAreFlaggedAndTheLineDenied() {
    PricedClaim claim = PRICER.price(ClaimTables.claimOf("99213-GA-GZ"), CONTEXT);
    PricedLine line = claim.line(0);
    assertEquals(Optional.of(UnpricedReason.BILLED_AS_NOT_COVERED), line.reason(), claim::toString);
    assertTrue(
        line.warnings().stream()
            .anyMatch(w -> w.message().startsWith("CONTRADICTORY_LIABILITY_MODIFIERS")),
        claim::toString);
  }

  @Test
  void aLinePricedAloneSaysClaimPricingDeniesIt() {
    FeeResult alone = SCHEDULE.price(ClaimLine.parse("99213-GZ"), CONTEXT);
    assertTrue(
        alone.explanation().toString().contains("claim pricing denies the line"),
        alone.explanation()::toString);
  }

  /**
   * A GZ line of a date before 1 July 2011 is paid by claim pricing (the contractor reviewed it; CR
   * 7228 denies GZ lines from then), so alone it is not told that claim pricing denies it; it was,
   * while the claim paid it 100.00. A GY line of that date is denied, and noted.
   */
  @Test
  void aGzLineBeforeJuly2011IsNotToldItIsDenied() {
    MedicareFeeSchedule since2010 =
        ClaimTables.scheduleBuilder()
            .conversionFactors(
                ClaimTables.factorOf25(
                    java.time.LocalDate.of(2010, 1, 1), java.time.LocalDate.of(2025, 12, 31)))
            .build();
    var context = CONTEXT.withDateOfService(java.time.LocalDate.of(2011, 6, 30));
    FeeResult alone = since2010.price(ClaimLine.parse("99213-GZ"), context);
    assertTrue(
        !alone.explanation().toString().contains("claim pricing denies the line"),
        alone.explanation()::toString);
    assertAmounts(
        MedicareClaimPricer.of(since2010).price(ClaimTables.claimOf("99213-GZ"), context),
        "100.00",
        "100.00");
    FeeResult gy = since2010.price(ClaimLine.parse("99213-GY-GZ"), context);
    assertTrue(
        gy.explanation().toString().contains("modifier-GY: not applied"),
        gy.explanation()::toString);
    FeeResult july =
        since2010.price(
            ClaimLine.parse("99213-GY-GZ"),
            context.withDateOfService(java.time.LocalDate.of(2011, 7, 1)));
    assertTrue(
        july.explanation().toString().contains("modifier-GZ: not applied"),
        july.explanation()::toString);
    assertTrue(
        !july.explanation().toString().contains("modifier-GY"), july.explanation()::toString);
  }
}
