package io.github.cpt4j.fee.medicare.pfs.claim;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import java.math.BigDecimal;

/**
 * A claim priced by {@link MedicareClaimPricer}: one {@link PricedLine} per billed line, in billed
 * order, and the total.
 *
 * <p>The total is the sum of the lines' amounts, each already rounded to cents; lines without an
 * amount add nothing (their reason says why). Immutable and thread-safe.
 *
 * <pre>{@code
 * PricedClaim pricing = pricer.price(claim, context);
 * pricing.total();                       // 1611.57
 * pricing.lines().get(1).amount();       // Optional[151.76]
 * System.out.println(pricing);           // the total, then one line per claim line
 * }</pre>
 */
public final class PricedClaim {

  private final PricingContext context;
  private final ImmutableList<PricedLine> lines;
  private final BigDecimal total;

  PricedClaim(PricingContext context, ImmutableList<PricedLine> lines) {
    this.context = context;
    this.lines = lines;
    BigDecimal sum = BigDecimal.ZERO.setScale(FeeResult.CENTS);
    for (int i = 0; i < lines.size(); i++) {
      BigDecimal amount = lines.get(i).amountOrNull();
      if (amount != null) {
        sum = sum.add(amount);
      }
    }
    this.total = sum;
  }

  /** Returns the context the claim was priced in. */
  public PricingContext context() {
    return context;
  }

  /** Returns the priced lines, in billed order. */
  public ImmutableList<PricedLine> lines() {
    return lines;
  }

  /** Returns the priced line at {@code index} (zero-based, as billed). */
  public PricedLine line(int index) {
    return lines.get(index);
  }

  /** Returns the total: the sum of the lines' rounded amounts, at scale 2. */
  public BigDecimal total() {
    return total;
  }

  /** Tells whether every line has an amount. */
  public boolean isFullyPriced() {
    for (PricedLine line : lines) {
      if (!line.isPriced()) {
        return false;
      }
    }
    return true;
  }

  /** Returns the warnings of every line, in line order. */
  public ImmutableList<ClaimWarning> warnings() {
    ImmutableList.Builder<ClaimWarning> all = ImmutableList.builder();
    for (PricedLine line : lines) {
      all.addAll(line.warnings());
    }
    return all.build();
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof PricedClaim)) {
      return false;
    }
    PricedClaim that = (PricedClaim) other;
    return context.equals(that.context) && lines.equals(that.lines);
  }

  @Override
  public int hashCode() {
    return context.hashCode() * 31 + lines.hashCode();
  }

  /**
   * Returns {@code claim <context>: total <amount>}, then each line's {@link PricedLine#toString()}
   * on a line of its own.
   */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(256 * (lines.size() + 1))
            .append("claim ")
            .append(context)
            .append(": total ")
            .append(total.toPlainString());
    for (PricedLine line : lines) {
      sb.append('\n').append(line);
    }
    return sb.toString();
  }
}
