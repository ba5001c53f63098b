package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * On the bundled 2025 data, in the office in 13282-99: the imaging reduction ranks a procedure
 * "reported in the same session on the same day" as another of its family (RVU25D record layout,
 * MULT PROC 4). XE marks a separate encounter (MLN Matters MM8863) and 59 covers a different
 * session, so such a line is not reduced; XS and XU do not say another session.
 */
class SeparateImagingSessionTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final PricingContext OFFICE =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY);

  private static PricedClaim price(String first, String second) {
    return PRICER.price(Claim.builder().add(first).add(second).build(), OFFICE);
  }

  @Test
  void aStudyOfAnotherSessionIsPaidInFull() {
    Optional<BigDecimal> full = Optional.of(new BigDecimal("180.47"));
    Optional<BigDecimal> reduced = Optional.of(new BigDecimal("119.98"));
    assertEquals(reduced, price("74177", "72148").line(1).amount());
    for (String separate : new String[] {"59", "XE"}) {
      PricedClaim claim = price("74177", "72148-" + separate);
      assertEquals(full, claim.line(1).amount(), claim.toString());
      String explained = claim.line(1).explanation().toString();
      assertTrue(explained.contains("as modifier " + separate + " puts it in a separate session"));
    }
    assertEquals(reduced, price("74177", "72148-XS").line(1).amount());
    assertEquals(reduced, price("74177", "72148-XU").line(1).amount());
  }
}
