package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import java.math.BigDecimal;

/**
 * A percentage of another schedule's exact amount; see {@link FeeSchedule#percentOf}. A product of
 * a quadrillion dollars or more is {@link UnpricedReason#AMOUNT_OUT_OF_RANGE}.
 */
final class PercentOfSchedule implements FeeSchedule {

  /** The most digits a percentage has before the decimal point: below a million percent. */
  private static final int MAX_PERCENT_DIGITS = 6;

  /**
   * The most decimal places of a percentage: far more than any contract writes, and two fewer than
   * a fee factor's {@value FeeResult#MAX_SCALE}, as its factor (percent / 100) has two more.
   */
  static final int MAX_PERCENT_SCALE = FeeResult.MAX_SCALE - 2;

  private final BigDecimal percent;
  private final BigDecimal factor;
  private final FeeSchedule base;

  PercentOfSchedule(BigDecimal percent, FeeSchedule base) {
    requireNonNull(percent, "percent");
    if (percent.signum() < 0) {
      throw new IllegalArgumentException("a percentage of a fee is never negative: " + percent);
    }
    // Bounded so that the factor and its products can be computed and written out: 1E+2147483647
    // overflows the scale of percent / 100, and 1E+20 percent would price fees that FeeResult
    // refuses as beyond any fee.
    if (percent.signum() != 0
        && (long) percent.precision() - percent.scale() > MAX_PERCENT_DIGITS) {
      throw new IllegalArgumentException(
          "a percentage of a fee is less than a million: " + percent.toString());
    }
    if (percent.scale() > MAX_PERCENT_SCALE) {
      throw new IllegalArgumentException(
          "a percentage of a fee has at most "
              + MAX_PERCENT_SCALE
              + " decimal places: "
              + percent.toString());
    }
    this.percent = percent.stripTrailingZeros();
    // percent / 100 is exact: moving the decimal point never rounds.
    this.factor = percent.movePointLeft(2);
    this.base = requireNonNull(base, "base");
  }

  @Override
  public FeeResult price(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    FeeResult result = FirstThatPricesSchedule.askOf(base, line, context);
    if (!(result instanceof FeeResult.Priced priced)) {
      return result;
    }
    String description = percent.toPlainString() + "% of " + base.name();
    // The product as multipliedBy computes it, computed once: a percentage of a valid fee may be
    // none (120% of 999999999999999.99), a typed refusal, as price never throws for data.
    BigDecimal product = FeeResult.product(priced.exact(), factor);
    if (FeeResult.amountProblem(product) != null) {
      return FeeResult.unpriced(
          UnpricedReason.AMOUNT_OUT_OF_RANGE,
          description
              + " at "
              + priced.exact().toPlainString()
              + " is "
              + product.toPlainString()
              + ", a quadrillion dollars or more",
          priced
              .explanation()
              .then(
                  PricingStep.note("percent-of", description + ": a quadrillion dollars or more")));
    }
    return FeeResult.times(priced, product, "percent-of", description);
  }

  @Override
  public String name() {
    return percent.toPlainString() + "% of " + base.name();
  }

  @Override
  public String toString() {
    return name();
  }
}
