package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.TEST_LOCALITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The component reductions (MULT PROC 4-7) at the shares of each line's date of service, on either
 * side of every date the law or CMS changed them, worked by hand on {@link ClaimTables} (GPCIs 1,
 * CF 25 on every date): 70486 and 70450 are CT scans of imaging family 88 with TCs 200.00 and
 * 125.00 and PCs 100.00 and 75.00; 97110 is a therapy service of 25.00 with a practice expense of
 * 10.00; 93306 and 93880 are cardiovascular tests with TCs 150.00 and 100.00; 92250 and 92134 are
 * ophthalmology tests with TCs 60.00 and 30.00.
 */
class ComponentCutDateTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(
          ClaimTables.scheduleBuilder()
              .conversionFactors(
                  ClaimTables.factorOf25(LocalDate.of(2005, 1, 1), LocalDate.of(2025, 12, 31)))
              .build());

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource({
    // Imaging PC (RVU file record layout, MULT PROC 4): none before 2012, 25% 2012-2016, 5% after.
    "'70486-26,70450-26', 2011-12-31, 175.00",
    "'70486-26,70450-26', 2012-01-01, 156.25",
    "'70486-26,70450-26', 2016-12-31, 156.25",
    "'70486-26,70450-26', 2017-01-01, 171.25",
    // Imaging TC: none before 2006, 25% to 30 June 2010, 50% from 1 July 2010.
    "'70486-TC,70450-TC', 2005-12-31, 325.00",
    "'70486-TC,70450-TC', 2006-01-01, 293.75",
    "'70486-TC,70450-TC', 2010-06-30, 293.75",
    "'70486-TC,70450-TC', 2010-07-01, 262.50",
    // Therapy PE: none before 2011, 20% to 31 March 2013, 50% from 1 April 2013.
    "'97110 x3', 2010-12-31, 75.00",
    "'97110 x3', 2011-01-01, 71.00",
    "'97110 x3', 2013-03-31, 71.00",
    "'97110 x3', 2013-04-01, 65.00",
    // Cardiovascular TC 25% and ophthalmology TC 20%, from 2013.
    "'93306,93880', 2012-12-31, 400.00",
    "'93306,93880', 2013-01-01, 375.00",
    "'92250,92134', 2012-12-31, 150.00",
    "'92250,92134', 2013-01-01, 144.00",
  })
  void reducesAtTheSharesOfTheDateOfService(String lines, LocalDate date, String total) {
    PricedClaim priced =
        PRICER.price(
            ClaimTables.claimOf(lines.split(",")),
            PricingContext.of(date, TEST_LOCALITY, Setting.NON_FACILITY));
    assertEquals(new BigDecimal(total), priced.total(), priced.toString());
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "'70486-26,70450-26', 2011-12-31, 2012-01-01",
    "'93306,93880', 2012-12-31, 2013-01-01",
    "'97110 x3', 2010-12-31, 2011-01-01",
  })
  void aGroupBeforeItsReductionSaysWhyItIsPaidInFull(String lines, LocalDate date, String from) {
    PricedClaim priced =
        PRICER.price(
            ClaimTables.claimOf(lines.split(",")),
            PricingContext.of(date, TEST_LOCALITY, Setting.NON_FACILITY));
    String explanation = priced.line(0).explanation().toString();
    assertTrue(
        explanation.contains(
            "paid in full, as the reduction of later services applies from " + from),
        explanation);
  }
}
