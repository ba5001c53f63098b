package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * On the bundled 2025 data, in the office in 13282-99: the cardiovascular and ophthalmology
 * reductions (RVU25D record layout, MULT PROC 6 and 7) reduce "the second highest and subsequent
 * procedures" with no session condition, and CMS applies them per practitioner, patient and day (CY
 * 2013 physician fee schedule final rule), so 59 or XE leave them in force. Only the imaging
 * reduction (MULT PROC 4) is of one session.
 */
class SameDayComponentReductionTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final PricingContext OFFICE =
      PricingContext.of(
          LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.NON_FACILITY);

  private static PricedClaim price(String first, String second) {
    return PRICER.price(Claim.builder().add(first).add(second).build(), OFFICE);
  }

  @Test
  void cardiovascularTestsAreReducedWith59OrXe() {
    // 93306 (180.27) ranks after 93880's TC and loses a quarter of its own TC.
    for (String second : new String[] {"93880", "93880-59", "93880-XE"}) {
      PricedClaim claim = price("93306", second);
      assertEquals(new BigDecimal("324.44"), claim.total(), claim.toString());
    }
  }

  @Test
  void ophthalmologyTestsAreReducedWith59OrXe() {
    for (String second : new String[] {"92250", "92250-59", "92250-XE"}) {
      PricedClaim claim = price("92134", second);
      assertEquals(new BigDecimal("61.76"), claim.total(), claim.toString());
    }
  }

  @Test
  void imagingWith59IsStillASessionOfItsOwn() {
    assertEquals(new BigDecimal("119.98"), price("74177", "72148").line(1).amount().orElseThrow());
    PricedClaim claim = price("74177", "72148-59");
    assertEquals(new BigDecimal("180.47"), claim.line(1).amount().orElseThrow(), claim.toString());
  }
}
