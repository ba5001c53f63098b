package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A diagnostic imaging code paid 100% for each side (BILAT SURG 3) and reduced as diagnostic
 * imaging (MULT PROC 4), billed for both sides: each side is a service of its own in the imaging
 * ranking, so the second side loses half its TC and 5% of its PC. Worked by hand on {@link
 * ClaimTables} (GPCIs 1, CF 25) with the 2025 RVUs of two such codes, 73721 (global 6.19 RVUs,
 * 154.75; 26 row 1.91, 47.75; TC row 4.28, 107.00) and 73221 (6.20, 155.00; 1.91, 47.75; 4.29,
 * 107.25), both of family 88.
 */
class BilateralImagingTest {

  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(schedule());

  private static io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule schedule() {
    List<RvuEntry> rows = new ArrayList<>(ClaimTables.rows());
    rows.add(row("73721", "1.35", "4.75", "0.09").imaging().bilateral('3').build());
    rows.add(row("73721", "1.35", "0.50", "0.06").imaging().bilateral('3').modifier("26").build());
    rows.add(row("73721", "0.00", "4.25", "0.03").imaging().bilateral('3').modifier("TC").build());
    rows.add(row("73221", "1.35", "4.76", "0.09").imaging().bilateral('3').build());
    rows.add(row("73221", "1.35", "0.50", "0.06").imaging().bilateral('3').modifier("26").build());
    rows.add(row("73221", "0.00", "4.26", "0.03").imaging().bilateral('3').modifier("TC").build());
    return ClaimTables.scheduleBuilder().rvus(RvuTable.of(rows)).build();
  }

  private static PricedClaim price(String... lines) {
    return PRICER.price(ClaimTables.claimOf(lines), CONTEXT);
  }

  private static void assertAmounts(PricedClaim claim, String total, String... lines) {
    assertEquals(new BigDecimal(total), claim.total(), claim.toString());
    for (int i = 0; i < lines.length; i++) {
      assertEquals(new BigDecimal(lines[i]), claim.line(i).amountOrThrow(), claim.toString());
    }
  }

  /** The second side: 154.75 - 50% x 107.00 - 5% x 47.75 = 98.8625. */
  @Test
  void theSecondSideOfModifier50IsReducedAsASecondImagingService() {
    // 154.75 + 98.8625 = 253.6125 (it was 200%, 309.50, with no reduction).
    PricedClaim claim = price("73721-50");
    assertAmounts(claim, "253.61", "253.61");
    String words = claim.line(0).explanation().toString();
    assertTrue(words.contains("the second side"), words);
  }

  @Test
  void ltAndRtOnTwoLinesAreReducedAlike() {
    // The pair's 253.6125, rounded once and split.
    assertAmounts(price("73721-LT", "73721-RT"), "253.61", "126.81", "126.80");
  }

  @Test
  void twoUnitsAreReducedAlike() {
    assertAmounts(price("73721 x2"), "253.61", "253.61");
  }

  @Test
  void componentRowsAreReducedSideBySide() {
    // TC row: 107.00 + 53.50; 26 row: 47.75 + 45.3625.
    assertAmounts(price("73721-TC-50"), "160.50", "160.50");
    assertAmounts(price("73721-26-50"), "93.11", "93.11");
  }

  /**
   * Beside 73221 of the same family, whose TC (107.25) outranks each side's (107.00): 73221 is paid
   * in full and both sides of 73721 are later services, 2 x 98.8625 = 197.725 (the PCs tie at
   * 47.75; 73221 goes first by code). Before, the pair ranked first as one service of 214.00 and
   * 73221 was the one reduced: 309.50 and 98.99.
   */
  @Test
  void bothSidesRankAgainstAnotherImagingCodeOfTheFamily() {
    assertAmounts(price("73721-50", "73221"), "352.73", "197.73", "155.00");
  }

  /**
   * Beside two CTs of the family, 71260 (TC 250.00, PC 150.00) and 70450 (TC 125.00, PC 75.00):
   * each side of 73221 is ranked by its own TC (107.25), after both CTs, and every service after
   * the first loses half its TC and 5% of its PC.
   */
  @Test
  void sidesAreRankedAmongTheOtherServicesByTheirOwnTc() {
    // TC ranks: 71260 250.00, 70450 125.00, 73221 107.25 twice. PC ranks: 71260 150.00,
    // 70450 75.00, 73221 47.75 twice.
    // 71260 400.00; 70450 200.00 - 62.50 - 3.75 = 133.75;
    // 73221 each side 155.00 - 53.625 - 2.3875 = 98.9875, both 197.975.
    assertAmounts(price("71260", "70450", "73221-50"), "731.73", "400.00", "133.75", "197.98");
  }
}
