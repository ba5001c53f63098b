package io.github.cpt4j.fee.medicare.anesthesia;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.testing.EqualsTester;
import io.github.cpt4j.fee.medicare.ApmProviders;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The value contract of a national anesthesia conversion factor. */
class NationalAnesthesiaFactorTest {

  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private static final LocalDate TO = LocalDate.of(2025, 12, 31);

  private static NationalAnesthesiaFactor factor(
      LocalDate from, LocalDate to, ApmProviders providers, String amount) {
    return NationalAnesthesiaFactor.of(from, to, providers, new BigDecimal(amount));
  }

  /**
   * Equality compares the amount by value, so 20.3 and 20.30 are one factor: its text must be one
   * too. It printed the amount as given, {@code 20.3 (...)} beside {@code 20.30 (...)}.
   */
  @Test
  void equalFactorsHaveOneHashAndOneText() {
    NationalAnesthesiaFactor tenths = factor(FROM, TO, ApmProviders.ALL, "20.3");
    NationalAnesthesiaFactor hundredths = factor(FROM, TO, ApmProviders.ALL, "20.30");
    new EqualsTester()
        .addEqualityGroup(tenths, hundredths, factor(FROM, TO, ApmProviders.ALL, "20.3000"))
        .addEqualityGroup(factor(FROM, TO, ApmProviders.ALL, "20.3178"))
        .addEqualityGroup(factor(FROM.plusDays(1), TO, ApmProviders.ALL, "20.3"))
        .addEqualityGroup(factor(FROM, TO.minusDays(1), ApmProviders.ALL, "20.3"))
        .addEqualityGroup(factor(FROM, TO, ApmProviders.QUALIFYING_APM_PARTICIPANTS, "20.3"))
        .testEquals();
    assertEquals(tenths.toString(), hundredths.toString());
    assertEquals("20.3 (2025-01-01..2025-12-31)", hundredths.toString());
    assertEquals(
        "20.3178 (2025-01-01..2025-12-31, qualifying apm participants)",
        factor(FROM, TO, ApmProviders.QUALIFYING_APM_PARTICIPANTS, "20.3178").toString());
  }
}
