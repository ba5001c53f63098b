package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.List;

/**
 * A claim priced by a {@link ClaimPricer}: one {@link PricedLine} per billed line, in billed order,
 * and the total.
 *
 * <p>The total is the sum of the lines' amounts, each already rounded to cents; lines without an
 * amount add nothing (their reason says why). Immutable and thread-safe.
 *
 * <pre>{@code
 * // 29880-RT, 20610-LT and 99213-25 in Rochester (13282-99), facility, on 2025-06-02
 * PricedClaim pricing = pricer.price(claim, context);
 * pricing.total();                       // 614.69
 * pricing.lines().get(1).amount();       // Optional[21.07]: 20610, the second procedure, at 50%
 * System.out.println(pricing);           // the total, then one line per claim line
 * }</pre>
 */
public final class PricedClaim {

  private final PricingContext context;
  private final ImmutableList<PricedLine> lines;

  /**
   * The total; null until first read. Summed on demand, as the explanations are written on demand:
   * five additions and their objects were a tenth of the allocation of pricing a five-line claim
   * for callers who read only the lines. Read without a lock, which is safe: it only ever changes
   * from null to an immutable BigDecimal, the same value whichever thread sums it.
   */
  private BigDecimal total;

  private PricedClaim(PricingContext context, ImmutableList<PricedLine> lines) {
    this.context = context;
    this.lines = lines;
  }

  /**
   * Returns the claim of {@code lines}, priced in {@code context}.
   *
   * @throws IllegalArgumentException if the lines' indexes are not 0, 1, 2... in order
   */
  public static PricedClaim of(PricingContext context, List<PricedLine> lines) {
    ImmutableList<PricedLine> copy = ImmutableList.copyOf(requireNonNull(lines, "lines"));
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).index() != i) {
        throw new IllegalArgumentException(
            "line " + i + " of a priced claim has index " + copy.get(i).index());
      }
    }
    return new PricedClaim(requireNonNull(context, "context"), copy);
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
    BigDecimal sum = total;
    if (sum == null) {
      sum = BigDecimal.ZERO.setScale(FeeResult.CENTS);
      for (int i = 0; i < lines.size(); i++) {
        BigDecimal amount = lines.get(i).amountOrNull();
        if (amount != null) {
          sum = sum.add(amount);
        }
      }
      total = sum;
    }
    return sum;
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
    return other instanceof PricedClaim that
        && context.equals(that.context)
        && lines.equals(that.lines);
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
            .append(total().toPlainString());
    for (PricedLine line : lines) {
      sb.append('\n').append(line);
    }
    return sb.toString();
  }
}
