package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricerTest.assertAmounts;
import static io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricerTest.hasWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.DuplicateLinesEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The standard edit {@code duplicate-lines} in the claim pricer: an exact duplicate of a line of
 * the same provider's day is denied before any payment rule sees it (Claims Processing Manual ch. 1
 * §120), on the pricer's direct path (one provider's day, the standard edits) and through the
 * scrubber (lines of several days or providers, or a payer's edit added) alike.
 */
class DuplicateLinesTest {

  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(ClaimTables.schedule());

  /**
   * The same edits through the scrubber: a payer's edit that finds nothing turns the direct path
   * off.
   */
  private static final MedicareClaimPricer SCRUBBED =
      PRICER.toBuilder().addEdit(new FindsNothing()).build();

  private static PricedClaim price(MedicareClaimPricer pricer, String... lines) {
    List<BilledLine> billed = new ArrayList<>();
    for (String line : lines) {
      billed.add(BilledLine.parse(line));
    }
    return pricer.price(Claim.of(billed), CONTEXT);
  }

  @Test
  void aSideBilledTwiceIsPaidOnce() {
    // Before: 1000 + 50% of 1000 as a second procedure, the right knee paid one and a half times.
    for (MedicareClaimPricer pricer : List.of(PRICER, SCRUBBED)) {
      PricedClaim knees =
          assertAmounts(price(pricer, "27447-RT", "27447-RT"), "1000.00", "1000.00", null);
      assertEquals(Optional.of(UnpricedReason.EDIT_DENIED), knees.line(1).reason());
      assertEquals(Optional.of(DuplicateLinesEdit.NAME), knees.line(1).refusedBy());
      assertTrue(
          knees.line(1).result().detail().startsWith("27447-RT repeats line 1 exactly"),
          knees.line(1).result().detail());
      // The denied duplicate takes no part in the ranking: 27130 is still the second procedure.
      assertAmounts(
          price(pricer, "27447-RT", "27130", "27447-RT"), "1450.00", "1000.00", "450.00", null);
    }
  }

  @Test
  void anotherProvidersOrAnotherDaysLineIsNoDuplicate() {
    // Two practitioners' visits, and one provider's visits of two days: each paid.
    assertAmounts(
        price(PRICER, "99213 by 1234567893", "99213 by 1000000004"), "200.00", "100.00", "100.00");
    assertAmounts(
        price(PRICER, "99213 on 2025-06-02", "99213 on 2025-06-03"), "200.00", "100.00", "100.00");
    // A line naming no provider beside lines of one NPI is that provider's: a duplicate.
    assertAmounts(price(PRICER, "27447 by 1234567893", "27447"), "1000.00", "1000.00", null);
    // On a claim of several days, the day's lines are judged apart and named by the claim's
    // numbers: line 3 repeats line 2, not its day's first line.
    PricedClaim days =
        price(PRICER, "99213 on 2025-06-02", "27447 on 2025-06-03", "27447 on 2025-06-03");
    assertEquals(Optional.of(DuplicateLinesEdit.NAME), days.line(2).refusedBy(), days::toString);
    assertTrue(
        days.line(2).result().detail().startsWith("27447 repeats line 2 exactly"),
        days.line(2).result().detail());
  }

  @Test
  void aSuspectDuplicateIsPaidAndFlagged() {
    // Other charges: the two lines are the knee's two sides (BILAT SURG 1), as before, flagged
    // for the contractor's review.
    for (MedicareClaimPricer pricer : List.of(PRICER, SCRUBBED)) {
      PricedClaim knees =
          assertAmounts(price(pricer, "27447 $3000", "27447 $3100"), "1500.00", "750.00", "750.00");
      assertFalse(hasWarning(knees.line(0), ClaimWarning.Kind.EDIT_FLAG), knees::toString);
      assertTrue(hasWarning(knees.line(1), ClaimWarning.Kind.EDIT_FLAG), knees::toString);
    }
  }

  @Test
  void theDirectPathAndTheScrubberFindTheSame() {
    String[][] claims = {
      {"27447-RT", "27447-RT"},
      {"99213", "99213", "99213"},
      {"97110 x2", "97110", "97110 x2"},
      {"70450-26", "70450-TC", "70450-26"},
      {"71046", "71046-76"},
    };
    for (String[] lines : claims) {
      List<BilledLine> billed = new ArrayList<>();
      for (String line : lines) {
        billed.add(BilledLine.parse(line));
      }
      Claim claim = Claim.of(billed);
      assertEquals(
          SCRUBBED.scrub(claim, CONTEXT).stream()
              .filter(f -> !f.edit().equals("payer-none"))
              .toList(),
          PRICER.scrub(claim, CONTEXT),
          claim::toString);
      assertEquals(SCRUBBED.price(claim, CONTEXT), PRICER.price(claim, CONTEXT), claim::toString);
    }
  }

  /** A payer's edit that finds nothing, which makes the pricer use its scrubber. */
  private static final class FindsNothing implements ClaimEdit {
    @Override
    public String name() {
      return "payer-none";
    }

    @Override
    public List<EditFinding> check(Claim claim, PricingContext context) {
      return List.of();
    }
  }
}
