package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What became of one line: an amount, or the reason there is none, a one-line explanation, and the
 * line's warnings. The result is {@value #PRICED} or a reason code in lower snake case, such as
 * {@code invalid_code} or {@code status_not_payable}; the amount is present exactly when the line
 * was priced.
 *
 * @param amount the amount in US dollars, when priced
 * @param result {@value #PRICED} or the reason code
 * @param explanation how the amount was found, or what is wrong, on one line; it starts with the
 *     warnings, when there are any ({@link #warningText()})
 * @param warnings the messages of the line's warnings (a broken modifier rule, minutes on a code
 *     not paid by time), without the {@code warning: } prefix; empty for most lines
 * @param limitingCharge the line's Medicare limiting charge, when asked for ({@code cpt price
 *     --limiting-charge}) and the line has one; a warning says why a priced line has none
 * @param notInSample whether the line is {@code not_in_schedule} only because the schedule it went
 *     to is one of the bundled samples, which lack most codes, and its code is of a kind Medicare
 *     pays: CMS's whole file may price it ({@link SampleCoverage})
 */
public record Outcome(
    Optional<BigDecimal> amount,
    String result,
    String explanation,
    List<String> warnings,
    Optional<BigDecimal> limitingCharge,
    boolean notInSample) {

  /** The result of a line that got an amount. */
  public static final String PRICED = "priced";

  /**
   * Checks that an amount comes with {@value #PRICED} and a reason without one, and keeps an
   * unmodifiable copy of the warnings (the shared empty list is kept as it is: most lines of a
   * batch have none).
   */
  public Outcome {
    requireNonNull(amount, "amount");
    requireNonNull(result, "result");
    requireNonNull(explanation, "explanation");
    warnings = List.copyOf(requireNonNull(warnings, "warnings"));
    requireNonNull(limitingCharge, "limitingCharge");
    if (amount.isPresent() != result.equals(PRICED)) {
      throw new IllegalArgumentException(
          "an amount goes with '" + PRICED + "' and only with it: " + amount + " " + result);
    }
    if (notInSample && !result.equals(SampleCoverage.NOT_IN_SCHEDULE)) {
      throw new IllegalArgumentException(
          "only a line not in the schedule can be missing from a sample: " + result);
    }
  }

  /** Returns an outcome that is not a bundled sample's gap: every outcome but those. */
  public Outcome(
      Optional<BigDecimal> amount,
      String result,
      String explanation,
      List<String> warnings,
      Optional<BigDecimal> limitingCharge) {
    this(amount, result, explanation, warnings, limitingCharge, false);
  }

  /** Returns an outcome without a limiting charge: the outcome of every line but when asked. */
  public Outcome(
      Optional<BigDecimal> amount, String result, String explanation, List<String> warnings) {
    this(amount, result, explanation, warnings, Optional.empty());
  }

  /** Returns a priced outcome without warnings. */
  public static Outcome priced(BigDecimal amount, String explanation) {
    return priced(amount, explanation, List.of());
  }

  /** Returns a priced outcome with the messages of the line's warnings. */
  public static Outcome priced(BigDecimal amount, String explanation, List<String> warnings) {
    return new Outcome(
        Optional.of(requireNonNull(amount, "amount")), PRICED, explanation, warnings);
  }

  /** Returns an outcome without an amount, for {@code reason}, without warnings. */
  public static Outcome notPriced(String reason, String explanation) {
    return notPriced(reason, explanation, List.of());
  }

  /**
   * Returns an outcome without an amount, for {@code reason}, with the messages of the line's
   * warnings.
   */
  public static Outcome notPriced(String reason, String explanation, List<String> warnings) {
    return new Outcome(Optional.empty(), reason, explanation, warnings);
  }

  /**
   * Returns this outcome, of a line {@code not_in_schedule}, marked as missing from a bundled
   * sample ({@link #notInSample()}).
   *
   * @throws IllegalArgumentException if the line's result is another
   */
  public Outcome asNotInSample() {
    return new Outcome(amount, result, explanation, warnings, limitingCharge, true);
  }

  /** Tells whether the line got an amount. */
  public boolean isPriced() {
    return amount.isPresent();
  }

  /**
   * Returns the warnings as the explanation starts with them, {@code warning: A; warning: B}; empty
   * when there are none.
   */
  public String warningText() {
    return warningText(warnings);
  }

  /**
   * Returns {@code messages} as an explanation starts with them, {@code warning: A; warning: B};
   * empty when there are none.
   */
  public static String warningText(List<String> messages) {
    if (messages.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (String message : messages) {
      text.append(text.length() == 0 ? "" : "; ").append("warning: ").append(message);
    }
    return text.toString();
  }
}
