package io.github.cpt4j.fee.medicare.clfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.Quarter;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the specimen-collection travel allowance in CMS's Medicare Claims
 * Processing Manual (Pub. 100-04), chapter 16, §60.2, with the manual's own allowances of 1.035 a
 * mile (P9603) and 9.55 a one-way trip (P9604). The manual leaves the proration among patients to
 * the laboratory, which bills each patient's share: the miles or trips of one claim.
 */
class TravelAllowanceManualExamplesTest {

  private static final ClfsFeeSchedule CLFS =
      ClfsFeeSchedule.builder(Quarter.of(2025, 1))
          .name("test-clfs")
          .travelAllowance(new BigDecimal("1.035"), new BigDecimal("9.55"))
          .build();

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY);

  private static BigDecimal price(String line) {
    return CLFS.price(ClaimLine.parse(line), CONTEXT).amountOrThrow();
  }

  /** Per mile, one patient: 60 miles there and back at 1.035 a mile is 62.10. */
  @Test
  void perMileForOnePatientIsEveryMileTravelled() {
    assertEquals(new BigDecimal("62.10"), price("P9603 x60"));
  }

  /**
   * Per mile, a Medicare patient and another on one 80-mile trip: the Medicare claim is for half
   * the miles, 40 x 1.035 = 41.40.
   */
  @Test
  void perMileSharedWithAnotherPatientIsTheClaimsShareOfTheMiles() {
    assertEquals(new BigDecimal("41.40"), price("P9603 x40"));
  }

  /** Flat rate, one patient at home: a trip there and one back, 2 x 9.55 = 19.10. */
  @Test
  void flatRateForOnePatientIsTwoOneWayTrips() {
    assertEquals(new BigDecimal("19.10"), price("P9604 x2"));
  }
}
