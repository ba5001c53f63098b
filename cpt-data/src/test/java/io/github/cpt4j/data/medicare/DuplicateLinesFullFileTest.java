package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.edit.DuplicateLinesEdit;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Exact duplicate lines on the full October 2025 file (skipped without CPT4J_CMS_DIR), in 13282-99,
 * facility, 2025-10-01: the second of two lines alike in every field is denied (Claims Processing
 * Manual ch. 1 §120). Before, it was paid as a second procedure or as the other side.
 */
class DuplicateLinesFullFileTest {

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 10, 1), Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(String... lines) {
    return CmsFiles.priceClaim(CONTEXT, lines);
  }

  @Test
  void theRightKneeBilledTwiceIsPaidOnce() {
    // Was 1197.89 + 50% as a second procedure, 598.95: 1796.84.
    PricedClaim knees = price("27447-RT", "27447-RT");
    assertEquals(new BigDecimal("1197.89"), knees.total(), knees::toString);
    assertEquals(Optional.of(UnpricedReason.EDIT_DENIED), knees.line(1).reason());
    assertEquals(Optional.of(DuplicateLinesEdit.NAME), knees.line(1).refusedBy());
    // Both knees: 150%, 1796.84, as before.
    assertEquals(new BigDecimal("1796.84"), price("27447-RT", "27447-LT").total());
  }

  @Test
  void twoPlainLinesAlikeAreOneAndTwoToldApartAreBothSides() {
    // 27447 (BILAT SURG 1) on two plain lines: alike, one knee; told apart by their charges, both
    // knees at 150% (the bilateral rule's "reported twice on the same day by any other means"),
    // the second line flagged as a suspect duplicate for the contractor's review.
    assertEquals(new BigDecimal("1197.89"), price("27447", "27447").total());
    PricedClaim knees = price("27447 $3000", "27447 $3100");
    assertEquals(new BigDecimal("1796.84"), knees.total(), knees::toString);
    assertTrue(
        knees.line(1).warnings().stream().anyMatch(w -> w.kind() == ClaimWarning.Kind.EDIT_FLAG),
        knees::toString);
  }
}
