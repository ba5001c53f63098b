package io.github.cpt4j.fee.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuarterlyRefusalsTest {

  private static final QuarterlyRefusals REFUSALS =
      QuarterlyRefusals.of(
          "test-q1",
          Quarter.of(2025, 1),
          (line, context) -> Explanation.of(PricingStep.note("test", "test-q1 prices " + line)));

  private static PricingContext on(String date) {
    return PricingContext.withoutArea(LocalDate.parse(date), Setting.NON_FACILITY);
  }

  @Test
  void aDateOutsideTheQuarterIsRefusedAndOneInsideIsNot() {
    ClaimLine line = ClaimLine.parse("80053");
    assertNull(REFUSALS.outsideQuarter(line, on("2025-03-31")));
    FeeResult april = REFUSALS.outsideQuarter(line, on("2025-04-01"));
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), april.reason());
    assertEquals(
        Quarter.of(2025, 1).notCovering("test-q1", LocalDate.parse("2025-04-01")), april.detail());
    assertEquals("test: test-q1 prices 80053", april.explanation().toString());
  }

  @Test
  void aCodeNotListedNamesTheSchedule() {
    FeeResult missing = REFUSALS.notListed(ClaimLine.parse("85025"), on("2025-02-03"));
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), missing.reason());
    assertEquals("85025 is not in test-q1", missing.detail());
  }

  @Test
  void nullsAreRefused() {
    new NullPointerTester()
        .setDefault(ClaimLine.class, ClaimLine.parse("80053"))
        .setDefault(PricingContext.class, on("2025-02-03"))
        .setDefault(Quarter.class, Quarter.of(2025, 1))
        .testAllPublicStaticMethods(QuarterlyRefusals.class);
  }
}
