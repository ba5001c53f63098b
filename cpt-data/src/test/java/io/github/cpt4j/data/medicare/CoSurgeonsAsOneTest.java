package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * README, "Rendering providers": two co-surgeons' lines (62) of one code without NPIs are one
 * provider's, priced as such with a warning; on the full 2025 relative value file (October release,
 * skipped without CPT4J_CMS_DIR) in 13282-99, facility.
 */
class CoSurgeonsAsOneTest {

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 10, 1), Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(String... lines) {
    return CmsFiles.priceClaim(CONTEXT, lines);
  }

  private static boolean warned(PricedLine line) {
    return line.warnings().stream().anyMatch(w -> w.kind() == ClaimWarning.Kind.CO_SURGEONS_AS_ONE);
  }

  @Test
  void coSurgeonsWithoutNpisAreWarnedOfAndPricedAsOneProvider() {
    // Their charges tell the lines apart: alike in every field, the second would be an exact
    // duplicate, denied (duplicate-lines).
    PricedClaim ranked = price("21344-62 $3000", "21344-62 $3100");
    assertEquals(new BigDecimal("813.04"), ranked.line(0).amountOrThrow());
    assertEquals(new BigDecimal("406.52"), ranked.line(1).amountOrThrow());
    assertTrue(warned(ranked.line(0)) && warned(ranked.line(1)), ranked::toString);
    PricedClaim paired = price("27447-62 $3000", "27447-62 $3100");
    assertEquals(new BigDecimal("561.51"), paired.line(0).amountOrThrow());
    assertEquals(new BigDecimal("561.51"), paired.line(1).amountOrThrow());
    assertTrue(warned(paired.line(0)) && warned(paired.line(1)), paired::toString);
    PricedClaim named = price("21344-62 by 1234567893", "21344-62 by 1000000004");
    assertEquals(new BigDecimal("813.04"), named.line(1).amountOrThrow());
    assertTrue(!warned(named.line(0)) && !warned(named.line(1)), named::toString);
    PricedClaim knees = price("27447-62 by 1234567893", "27447-62 by 1000000004");
    assertEquals(new BigDecimal("748.68"), knees.line(1).amountOrThrow());
  }
}
