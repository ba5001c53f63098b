package io.github.cpt4j.fee.medicare;

import static io.github.cpt4j.fee.medicare.Fixtures.DATE_2025;
import static io.github.cpt4j.fee.medicare.Fixtures.REST_OF_NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MedicareFeeScheduleTest {

  private static final MedicareFeeSchedule SCHEDULE = Fixtures.schedule();

  private static FeeResult price(String line, Setting setting) {
    return SCHEDULE.price(ClaimLine.parse(line),
        PricingContext.of(DATE_2025, REST_OF_NEW_YORK, setting));
  }

  /** The published 2025 amounts for locality 13282-99 (rest of New York). */
  @ParameterizedTest
  @CsvSource({
      "90834, 102.53, 89.95, false",
      "90837, 151.85, 133.13, false",
      "90791, 164.03, 141.31, false",
      "90471, 19.24, 19.24, true",
  })
  void reproducesPublishedAmounts(String code, String nonFacility, String facility,
      boolean facilityNa) {
    FeeResult nf = price(code, Setting.NON_FACILITY);
    FeeResult f = price(code, Setting.FACILITY);
    assertEquals(new BigDecimal(nonFacility), nf.amountOrThrow(), nf.toString());
    assertEquals(new BigDecimal(facility), f.amountOrThrow(), f.toString());
    assertFalse(nf.settingNotAvailable());
    assertEquals(facilityNa, f.settingNotAvailable());
  }

  @ParameterizedTest
  @CsvSource({
      "99999, STATUS_NOT_PAYABLE",
      "15824, CARRIER_PRICED",
      "0633T-TC, CARRIER_PRICED",
      "0633T, CARRIER_PRICED",
      "99213-26, MODIFIER_NOT_ALLOWED",
      "71046-26-TC, MODIFIER_NOT_ALLOWED",
      "99213-53, CARRIER_PRICED",
      "83020, MODIFIER_REQUIRED",
      "12345, NOT_IN_SCHEDULE",
  })
  void refusesWithAReason(String line, UnpricedReason reason) {
    FeeResult result = price(line, Setting.NON_FACILITY);
    assertFalse(result.isPriced(), result.toString());
    assertEquals(reason, result.reason().orElseThrow(), result.toString());
  }

  @ParameterizedTest
  @CsvSource({"71046-26", "71046-TC", "71046", "45378-53", "11055", "36591", "83020-26"})
  void pricesRows(String line) {
    FeeResult result = price(line, Setting.FACILITY);
    assertTrue(result.isPriced(), result.toString());
  }

  @org.junit.jupiter.api.Test
  void oppsCapLowersImaging() {
    FeeResult result = price("70450-TC", Setting.NON_FACILITY);
    assertEquals(new BigDecimal("60.00"), result.amountOrThrow(), result.toString());
    assertTrue(result.explanation().has("opps-cap"));
  }
}
