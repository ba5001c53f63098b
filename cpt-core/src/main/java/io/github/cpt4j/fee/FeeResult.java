package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a {@link FeeSchedule}: an amount in US dollars, or the typed reason why there is
 * none; either way with its {@link Explanation}.
 *
 * <h2>Rounding</h2>
 *
 * A priced result keeps the <em>exact</em> amount: every input multiplied without rounding, through
 * every adjustment ({@link #multipliedBy multipliedBy}, {@link #withExactAmount withExactAmount}).
 * {@link #amount()} rounds that exact amount to cents, half-up, and that is the only rounding
 * anywhere in pricing; CMS's published amounts are computed the same way. An adjustment applied to
 * a result therefore never compounds a rounding error.
 *
 * <p>Amounts are never negative. Immutable and thread-safe.
 *
 * <pre>{@code
 * FeeResult result = schedule.price(ClaimLine.parse("99213"), context);
 * if (result.isPriced()) {
 *   BigDecimal dollars = result.amountOrThrow();        // 91.23
 * } else {
 *   UnpricedReason why = result.reason().orElseThrow();  // CARRIER_PRICED...
 * }
 * log.info(result.toString());                          // one line: amount and explanation
 * }</pre>
 */
public final class FeeResult {

  /** The scale of {@link #amount()}: cents. */
  public static final int CENTS = 2;

  /** The rounding of the exact amount to cents: half-up, as CMS rounds. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  private final BigDecimal exactAmount;
  private final BigDecimal amount;
  private final UnpricedReason reason;
  private final String detail;
  private final boolean settingNotAvailable;
  private final Explanation explanation;

  private FeeResult(
      BigDecimal exactAmount,
      UnpricedReason reason,
      String detail,
      boolean settingNotAvailable,
      Explanation explanation) {
    this.exactAmount = exactAmount;
    this.amount = exactAmount == null ? null : exactAmount.setScale(CENTS, ROUNDING);
    this.reason = reason;
    this.detail = detail;
    this.settingNotAvailable = settingNotAvailable;
    this.explanation = explanation;
  }

  /**
   * Returns a priced result of {@code exactAmount} dollars, unrounded.
   *
   * @throws IllegalArgumentException if the amount is negative
   */
  public static FeeResult priced(BigDecimal exactAmount, Explanation explanation) {
    return new FeeResult(
        checkAmount(exactAmount), null, "", false, requireNonNull(explanation, "explanation"));
  }

  /**
   * Returns a priced result for a setting the schedule marks as not available ("NA"): priced as the
   * schedule's published amounts price it, and flagged so that callers can tell.
   */
  public static FeeResult pricedSettingNotAvailable(
      BigDecimal exactAmount, Explanation explanation) {
    return new FeeResult(
        checkAmount(exactAmount), null, "", true, requireNonNull(explanation, "explanation"));
  }

  /** Returns a result with no amount, for {@code reason}, with a detail in words. */
  public static FeeResult unpriced(UnpricedReason reason, String detail, Explanation explanation) {
    return new FeeResult(
        null,
        requireNonNull(reason, "reason"),
        requireNonNull(detail, "detail"),
        false,
        requireNonNull(explanation, "explanation"));
  }

  private static BigDecimal checkAmount(BigDecimal exactAmount) {
    requireNonNull(exactAmount, "exactAmount");
    if (exactAmount.signum() < 0) {
      throw new IllegalArgumentException("a fee is never negative: " + exactAmount);
    }
    return exactAmount;
  }

  /** Tells whether there is an amount. */
  public boolean isPriced() {
    return exactAmount != null;
  }

  /** Returns the amount rounded half-up to cents (scale 2), if priced. */
  public Optional<BigDecimal> amount() {
    return Optional.ofNullable(amount);
  }

  /**
   * Returns the amount rounded half-up to cents.
   *
   * @throws IllegalStateException if the result is not priced; the message gives the reason
   */
  public BigDecimal amountOrThrow() {
    if (amount == null) {
      throw new IllegalStateException("not priced: " + reason.words() + ": " + detail);
    }
    return amount;
  }

  /** Returns the exact amount before the final rounding, if priced. */
  public Optional<BigDecimal> exactAmount() {
    return Optional.ofNullable(exactAmount);
  }

  /** Returns why there is no amount; empty when priced. */
  public Optional<UnpricedReason> reason() {
    return Optional.ofNullable(reason);
  }

  /** Returns the detail of the reason in words (empty text when priced). */
  public String detail() {
    return detail;
  }

  /**
   * Tells whether the schedule marks the requested setting as not available ("NA": the service is
   * rarely or never furnished there); the amount is then the one the schedule publishes for it,
   * which for Medicare is the other setting's amount.
   */
  public boolean settingNotAvailable() {
    return settingNotAvailable;
  }

  /** Returns the inputs and steps that led to this result. */
  public Explanation explanation() {
    return explanation;
  }

  /**
   * Returns this result with its exact amount multiplied by {@code factor} (for example 0.95, or
   * 1.5 for a bilateral procedure) and a step recording it; unpriced results are returned
   * unchanged. No rounding happens here.
   *
   * @throws IllegalArgumentException if {@code factor} is negative
   */
  public FeeResult multipliedBy(BigDecimal factor, String rule, String description) {
    requireNonNull(factor, "factor");
    requireNonNull(rule, "rule");
    requireNonNull(description, "description");
    if (factor.signum() < 0) {
      throw new IllegalArgumentException("a fee factor is never negative: " + factor);
    }
    if (exactAmount == null) {
      return this;
    }
    BigDecimal next = exactAmount.multiply(factor);
    return new FeeResult(
        next,
        null,
        "",
        settingNotAvailable,
        explanation.then(PricingStep.of(rule, description, next)));
  }

  /**
   * Returns this result with another exact amount, set by {@code step} (whose {@link
   * PricingStep#amountAfter()} must be that amount): for rules such as "the lower of the charge and
   * the fee". Unpriced results are returned unchanged.
   *
   * @throws IllegalArgumentException if the step carries no amount or a negative one
   */
  public FeeResult withExactAmount(PricingStep step) {
    requireNonNull(step, "step");
    BigDecimal next =
        step.amountAfter()
            .orElseThrow(() -> new IllegalArgumentException("the step sets no amount: " + step));
    checkAmount(next);
    if (exactAmount == null) {
      return this;
    }
    return new FeeResult(next, null, "", settingNotAvailable, explanation.then(step));
  }

  /** Returns this result with {@code step} appended to its explanation; the amount is unchanged. */
  public FeeResult withStep(PricingStep step) {
    return new FeeResult(
        exactAmount,
        reason,
        detail,
        settingNotAvailable,
        explanation.then(requireNonNull(step, "step")));
  }

  /** Returns this result with {@code before} placed ahead of its explanation (for chains). */
  FeeResult afterSteps(Explanation before) {
    return new FeeResult(
        exactAmount, reason, detail, settingNotAvailable, before.then(explanation));
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof FeeResult)) {
      return false;
    }
    FeeResult that = (FeeResult) other;
    return (exactAmount == null
            ? that.exactAmount == null
            : that.exactAmount != null && exactAmount.compareTo(that.exactAmount) == 0)
        && reason == that.reason
        && detail.equals(that.detail)
        && settingNotAvailable == that.settingNotAvailable
        && explanation.equals(that.explanation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        exactAmount == null ? null : exactAmount.stripTrailingZeros(),
        reason,
        detail,
        settingNotAvailable,
        explanation);
  }

  /**
   * Returns one line for audit logs: the amount (or {@code UNPRICED reason: detail}), then the
   * explanation and the final rounding.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(160);
    if (amount != null) {
      sb.append(amount.toPlainString());
      if (settingNotAvailable) {
        sb.append(" (NA setting)");
      }
      sb.append(" | ").append(explanation);
      if (!explanation.steps().isEmpty()) {
        sb.append("; ");
      }
      sb.append("round: half-up to cents = ").append(amount.toPlainString());
    } else {
      sb.append("UNPRICED ")
          .append(reason)
          .append(": ")
          .append(detail)
          .append(" | ")
          .append(explanation);
    }
    return sb.toString();
  }
}
