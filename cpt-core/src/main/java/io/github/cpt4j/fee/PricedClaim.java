package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.text.NullElements;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A claim priced by a {@link ClaimPricer}: one {@link PricedLine} per billed line, in billed order,
 * and the total.
 *
 * <p>The total is the sum of the lines' amounts, each already rounded to cents; lines without an
 * amount add nothing (their reason says why). A claim of {@linkplain #isLimitingCharges() limiting
 * charges} holds each line's limiting charge as its amount; its total is {@link #pricedTotal()},
 * none when no line has a limiting charge. Immutable and thread-safe.
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

  /** Whether the lines' amounts are limiting charges: see {@link #ofLimitingCharges}. */
  private final boolean limitingCharges;

  /**
   * The total; null until first read. Summed on demand, as the explanations are written on demand:
   * five additions and their objects were a tenth of the allocation of pricing a five-line claim
   * for callers who read only the lines. Read without a lock, which is safe: it only ever changes
   * from null to an immutable BigDecimal, the same value whichever thread sums it.
   */
  private BigDecimal total;

  private PricedClaim(
      PricingContext context, ImmutableList<PricedLine> lines, boolean limitingCharges) {
    this.context = context;
    this.lines = lines;
    this.limitingCharges = limitingCharges;
  }

  /**
   * Returns the claim of {@code lines}, priced in {@code context}.
   *
   * @param context the context the lines were priced in
   * @param lines the priced lines, in claim order
   * @return the priced claim
   * @throws IllegalArgumentException if the lines' indexes are not 0, 1, 2... in order
   */
  public static PricedClaim of(PricingContext context, List<PricedLine> lines) {
    return of(context, lines, false);
  }

  /**
   * Returns the claim of {@code lines} whose amounts are limiting charges, priced in {@code
   * context}: what the Medicare claim pricers' {@code limitingCharges} return.
   *
   * @param context the context the lines were priced in
   * @param lines the lines, each amount a limiting charge, in claim order
   * @return the claim, {@link #isLimitingCharges()} true
   * @throws IllegalArgumentException if the lines' indexes are not 0, 1, 2... in order
   */
  public static PricedClaim ofLimitingCharges(PricingContext context, List<PricedLine> lines) {
    return of(context, lines, true);
  }

  private static PricedClaim of(
      PricingContext context, List<PricedLine> lines, boolean limitingCharges) {
    ImmutableList<PricedLine> copy = NullElements.copyOf(requireNonNull(lines, "lines"), "line");
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).index() != i) {
        throw new IllegalArgumentException(
            "line " + i + " of a priced claim has index " + copy.get(i).index());
      }
    }
    return new PricedClaim(requireNonNull(context, "context"), copy, limitingCharges);
  }

  /** {@return the context the claim was priced in} */
  public PricingContext context() {
    return context;
  }

  /** {@return the priced lines, in billed order} */
  public ImmutableList<PricedLine> lines() {
    return lines;
  }

  /**
   * {@return the priced line at {@code index} (zero-based, as billed)}
   *
   * @param index the line's index, 0 to {@code lines().size() - 1}
   */
  public PricedLine line(int index) {
    return lines.get(index);
  }

  /**
   * Tells whether the lines' amounts are limiting charges ({@link #ofLimitingCharges}), the most a
   * non-participating provider may bill, rather than what the claim is paid.
   *
   * @return true for the claim {@code limitingCharges} returns, false for a priced claim
   */
  public boolean isLimitingCharges() {
    return limitingCharges;
  }

  /**
   * Returns the total: the sum of the lines' rounded amounts, at scale 2; 0.00 when no line has an
   * amount, which is what such a claim is paid ({@link #isFullyPriced()} false says why). Of a
   * claim of {@linkplain #isLimitingCharges() limiting charges} read {@link #pricedTotal()}: no
   * limiting charge is not one of 0.00. A FHIR ClaimResponse (cpt-fhir) follows {@code
   * pricedTotal()}: no adjudicated total when no line is priced.
   *
   * @return the total in dollars, at scale 2, never null
   */
  public BigDecimal total() {
    BigDecimal sum = total;
    if (sum == null) {
      // Every amount is at scale 2 (cents): starting from the first one rather than from 0.00
      // gives the same sum and scale with one addition, and its object, fewer (issue 18).
      for (int i = 0; i < lines.size(); i++) {
        BigDecimal amount = lines.get(i).amountOrNull();
        if (amount != null) {
          sum = sum == null ? amount : sum.add(amount);
        }
      }
      if (sum == null) {
        sum = BigDecimal.ZERO.setScale(FeeResult.CENTS);
      }
      total = sum;
    }
    return sum;
  }

  /**
   * Returns the sum of the rounded amounts of the lines that have one, at scale 2; empty when no
   * line has an amount. The total of a claim of {@linkplain #isLimitingCharges() limiting charges}:
   * 671.55 for 29880-RT, 20610-LT and 99213-25 in 13282-99 on 2025-06-02, and none for a claim of
   * laboratory tests and DMEPOS items, which have no limiting charge (their lines say why).
   *
   * @return the sum of the amounts in dollars, or empty when no line has one
   */
  public Optional<BigDecimal> pricedTotal() {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).amountOrNull() != null) {
        return Optional.of(total());
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether every line has an amount.
   *
   * @return true if no line is unpriced; true for a claim of no lines
   */
  public boolean isFullyPriced() {
    for (PricedLine line : lines) {
      if (!line.isPriced()) {
        return false;
      }
    }
    return true;
  }

  /** {@return the warnings of every line, in line order} */
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
        && limitingCharges == that.limitingCharges
        && context.equals(that.context)
        && lines.equals(that.lines);
  }

  @Override
  public int hashCode() {
    return (context.hashCode() * 31 + lines.hashCode()) * 31 + Boolean.hashCode(limitingCharges);
  }

  /**
   * Returns {@code claim <context>: total <amount>}, then each line's {@link PricedLine#toString()}
   * on a line of its own; a claim of limiting charges says {@code limiting charges: total
   * <amount>}, or {@code limiting charges: none} when no line has one.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(256 * (lines.size() + 1)).append("claim ").append(context);
    if (limitingCharges) {
      sb.append(" limiting charges: ")
          .append(pricedTotal().map(t -> "total " + t.toPlainString()).orElse("none"));
    } else {
      sb.append(": total ").append(total().toPlainString());
    }
    for (PricedLine line : lines) {
      sb.append('\n').append(line);
    }
    return sb.toString();
  }
}
