package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import java.math.BigDecimal;

/** A percentage of another schedule's exact amount; see {@link FeeSchedule#percentOf}. */
final class PercentOfSchedule implements FeeSchedule {

  private final BigDecimal percent;
  private final BigDecimal factor;
  private final FeeSchedule base;

  PercentOfSchedule(BigDecimal percent, FeeSchedule base) {
    requireNonNull(percent, "percent");
    if (percent.signum() < 0) {
      throw new IllegalArgumentException("a percentage of a fee is never negative: " + percent);
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
    return result.multipliedBy(
        factor, "percent-of", percent.toPlainString() + "% of " + base.name());
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
