package io.github.cpt4j.fee.medicare.clfs;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One row of the Clinical Laboratory Fee Schedule: a test code, with or without a modifier (CMS
 * lists a {@code QW} row for each CLIA-waived test), the date the rate takes effect, the indicator
 * and the rate per test. The file's descriptor columns (AMA text) are never part of it.
 *
 * @param code the test, PLA, specimen collection or travel code
 * @param modifier the row's modifier ({@code QW}), or empty for the test's main row
 * @param effectiveFrom the first date of service the rate applies to ({@code EFF_DATE})
 * @param indicator national payment rate or locally priced
 * @param rate the amount per test in dollars, exactly as published; 0 for locally priced tests
 */
public record ClfsRate(
    ProcedureCode code,
    Optional<Modifier> modifier,
    LocalDate effectiveFrom,
    ClfsIndicator indicator,
    BigDecimal rate) {

  /**
   * Checks the fields.
   *
   * @param code the test, PLA, specimen collection or travel code
   * @param modifier the row's modifier ({@code QW}), or empty for the test's main row
   * @param effectiveFrom the first date of service the rate applies to
   * @param indicator national payment rate or locally priced
   * @param rate the amount per test in dollars, zero or more
   * @throws IllegalArgumentException if the rate is negative
   */
  public ClfsRate {
    requireNonNull(code, "code");
    requireNonNull(modifier, "modifier");
    requireNonNull(effectiveFrom, "effectiveFrom");
    requireNonNull(indicator, "indicator");
    requireNonNull(rate, "rate");
    if (rate.signum() < 0) {
      throw new IllegalArgumentException("a CLFS rate is never negative: " + code + " " + rate);
    }
  }

  /** {@return the row as it is written on a claim line: {@code 80053} or {@code 80053-QW}} */
  public String row() {
    return modifier.map(m -> code + "-" + m).orElseGet(code::toString);
  }
}
