package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A discontinued endoscopy without a 53 row of its own (priced by the contractor) is still a member
 * of its endoscopy family: the base billed beside it is not paid (RVU25D record layout, MULT PROC
 * 3: "do not pay separately for the base procedure"), and another member of the family is paid its
 * amount minus the base's, as beside the same endoscopy with 22 or 52. On the full 2025 relative
 * value file (October release, skipped without CPT4J_CMS_DIR) in 13282-99, facility: 45378 170.58,
 * 45380 185.53, 45385 234.14, 43235 113.60, 43239 127.76, 27447 1197.89.
 */
class DiscontinuedEndoscopyFamilyTest {

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 10, 1), Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(String... lines) {
    return CmsFiles.priceClaim(CONTEXT, lines);
  }

  private static void assertCarrierPriced(PricedClaim claim, int line) {
    assertEquals(
        UnpricedReason.CARRIER_PRICED,
        claim.line(line).result().reason().orElseThrow(),
        claim::toString);
  }

  @Test
  void theBaseBesideADiscontinuedMemberIsNotPaid() {
    // Was 56.80 and 85.29: the base ranked second at 50%, as if no member were billed.
    PricedClaim upper = price("43239-53", "43235");
    assertCarrierPriced(upper, 0);
    assertEquals(new BigDecimal("0.00"), upper.line(1).amountOrThrow(), upper::toString);
    PricedClaim lower = price("45378", "45385-53");
    assertCarrierPriced(lower, 1);
    assertEquals(new BigDecimal("0.00"), lower.line(0).amountOrThrow(), lower::toString);
  }

  @Test
  void anotherMemberIsReducedByTheBaseAsBesideA52() {
    // 185.53 - 170.58: was 92.77, 50% of 45380 ranked behind 45385-53 as an unrelated procedure.
    PricedClaim discontinued = price("45385-53", "45380");
    PricedClaim reduced = price("45385-52", "45380");
    assertCarrierPriced(discontinued, 0);
    assertEquals(
        new BigDecimal("14.95"), discontinued.line(1).amountOrThrow(), discontinued::toString);
    assertEquals(reduced.line(1).amountOrThrow(), discontinued.line(1).amountOrThrow());
    // The family (249.09) ranks second behind 27447: 50% of 14.95.
    PricedClaim ranked = price("27447", "45380", "45385-53");
    assertEquals(new BigDecimal("1197.89"), ranked.line(0).amountOrThrow(), ranked::toString);
    assertEquals(new BigDecimal("7.48"), ranked.line(1).amountOrThrow(), ranked::toString);
    // The member of a higher fee still outranks the discontinued one: paid in full.
    PricedClaim higher = price("45380-53", "45385");
    assertEquals(new BigDecimal("234.14"), higher.line(1).amountOrThrow(), higher::toString);
    assertTrue(higher.line(0).result().reason().isPresent(), higher::toString);
  }
}
