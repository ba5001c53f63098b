package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What became of one line: an amount, or the reason there is none, and a one-line explanation. The
 * result is {@value #PRICED} or a reason code in lower snake case, such as {@code invalid_code} or
 * {@code status_not_payable}; the amount is present exactly when the line was priced.
 *
 * @param amount the amount in US dollars, when priced
 * @param result {@value #PRICED} or the reason code
 * @param explanation how the amount was found, or what is wrong, on one line
 */
public record Outcome(Optional<BigDecimal> amount, String result, String explanation) {

  /** The result of a line that got an amount. */
  public static final String PRICED = "priced";

  /** Checks that an amount comes with {@value #PRICED} and a reason without one. */
  public Outcome {
    requireNonNull(amount, "amount");
    requireNonNull(result, "result");
    requireNonNull(explanation, "explanation");
    if (amount.isPresent() != result.equals(PRICED)) {
      throw new IllegalArgumentException(
          "an amount goes with '" + PRICED + "' and only with it: " + amount + " " + result);
    }
  }

  /** Returns a priced outcome. */
  public static Outcome priced(BigDecimal amount, String explanation) {
    return new Outcome(Optional.of(requireNonNull(amount, "amount")), PRICED, explanation);
  }

  /** Returns an outcome without an amount, for {@code reason}. */
  public static Outcome notPriced(String reason, String explanation) {
    return new Outcome(Optional.empty(), reason, explanation);
  }

  /** Tells whether the line got an amount. */
  public boolean isPriced() {
    return amount.isPresent();
  }
}
