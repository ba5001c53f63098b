package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * On the bundled 2025 data, in the office in 13282-99: the component reductions (MULT PROC 4 to 7)
 * are the group's, whichever of its physicians furnished each service. CMS reduces the imaging TC
 * and PC of services "furnished by the same physician or by multiple physicians in the same group
 * practice (same group NPI)" (CY 2012 and 2013 physician fee schedule final rules, 77 FR 68891),
 * the cardiovascular and ophthalmology TC likewise (CY 2013), and all the therapy a group furnishes
 * a patient on a day (CY 2011). A line by another NPI of the claim is paid as without NPIs.
 */
class GroupComponentReductionTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final PricingContext OFFICE =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY);

  private static PricedClaim price(String... lines) {
    List<BilledLine> billed = new ArrayList<>();
    for (String line : lines) {
      billed.add(BilledLine.parse(line));
    }
    return PRICER.price(Claim.of(billed), OFFICE);
  }

  private static Optional<BigDecimal> amount(String amount) {
    return Optional.of(new BigDecimal(amount));
  }

  @Test
  void imagingByTwoPhysiciansOfTheGroupIsReduced() {
    // 72148 alone 180.47; after 74177 of the same family its TC loses half and its PC 5%: 119.98.
    assertEquals(amount("180.47"), price("72148").line(0).amount());
    assertEquals(amount("119.98"), price("74177", "72148").line(1).amount());
    assertEquals(
        amount("119.98"), price("74177 by 1234567893", "72148 by 1000000004").line(1).amount());
  }

  @Test
  void therapyByTwoTherapistsOfTheGroupIsReduced() {
    // 97140 after 97110 loses half its practice expense: 20.29, not 26.42.
    assertEquals(amount("26.42"), price("97140").line(0).amount());
    assertEquals(amount("20.29"), price("97110", "97140").line(1).amount());
    assertEquals(
        amount("20.29"), price("97110 by 1234567893", "97140 by 1000000004").line(1).amount());
  }

  @Test
  void cardiovascularTestsByTwoPhysiciansOfTheGroupAreReduced() {
    // 93306 ranks after 93880's TC and loses a quarter of its own: 151.24, not 180.27.
    assertEquals(amount("180.27"), price("93306").line(0).amount());
    assertEquals(amount("151.24"), price("93306", "93880").line(0).amount());
    assertEquals(
        amount("151.24"), price("93306 by 1234567893", "93880 by 1000000004").line(0).amount());
  }
}
