package io.github.cpt4j.claim;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ClaimLine} as billed: the service and, when known, the provider's actual charge for it
 * in US dollars. Payers pay the lower of the charge and their own amount, so a pricer needs both.
 *
 * <p>Immutable. A charge is whole cents and never negative; it is kept at scale 2, so {@code 1250}
 * and {@code 1250.00} make equal lines.
 *
 * <pre>{@code
 * BilledLine knee = BilledLine.of(ClaimLine.parse("29880-RT"), new BigDecimal("2400.00"));
 * knee.toString();   // "29880-RT $2400.00"
 * }</pre>
 */
public final class BilledLine {

  private final ClaimLine line;
  private final Optional<BigDecimal> charge;

  private BilledLine(ClaimLine line, Optional<BigDecimal> charge) {
    this.line = line;
    this.charge = charge;
  }

  /** Returns {@code line} billed without a known charge. */
  public static BilledLine of(ClaimLine line) {
    return new BilledLine(requireNonNull(line, "line"), Optional.empty());
  }

  /**
   * Returns {@code line} billed at {@code charge} dollars.
   *
   * @throws IllegalArgumentException if the charge is negative or has fractions of a cent
   */
  public static BilledLine of(ClaimLine line, BigDecimal charge) {
    requireNonNull(line, "line");
    requireNonNull(charge, "charge");
    if (charge.signum() < 0) {
      throw new IllegalArgumentException(
          "a billed charge is never negative: " + charge + " on " + line);
    }
    if (charge.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException(
          "a billed charge is whole cents, not " + charge + " on " + line);
    }
    return new BilledLine(line, Optional.of(charge.setScale(2)));
  }

  /** Returns the service billed. */
  public ClaimLine line() {
    return line;
  }

  /** Returns the actual charge in dollars at scale 2, if known. */
  public Optional<BigDecimal> charge() {
    return charge;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof BilledLine)) {
      return false;
    }
    BilledLine that = (BilledLine) other;
    return line.equals(that.line) && charge.equals(that.charge);
  }

  @Override
  public int hashCode() {
    return Objects.hash(line, charge);
  }

  /** Returns the line's canonical form, followed by {@code " $"} and the charge when known. */
  @Override
  public String toString() {
    return charge.isEmpty() ? line.toString() : line + " $" + charge.get().toPlainString();
  }
}
