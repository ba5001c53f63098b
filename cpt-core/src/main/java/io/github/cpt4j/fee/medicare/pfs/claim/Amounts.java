package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.FeeResult;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact dollar arithmetic and the way amounts are written in explanations. */
final class Amounts {

  static final BigDecimal ZERO = BigDecimal.ZERO;
  static final BigDecimal ONE = BigDecimal.ONE;
  static final BigDecimal HALF = new BigDecimal("0.5");

  /**
   * {@code BigDecimal.valueOf(h, 2)} for the ranking shares a claim can have (issue 18): 0.50 and
   * 0.25 are the usual ones, and this spares an object per reduced line.
   */
  private static final BigDecimal[] HUNDREDTHS = new BigDecimal[1001];

  static {
    for (int h = 0; h < HUNDREDTHS.length; h++) {
      HUNDREDTHS[h] = BigDecimal.valueOf(h, 2);
    }
  }

  private Amounts() {}

  /** Returns {@code hundredths / 100} at scale 2: {@code BigDecimal.valueOf(hundredths, 2)}. */
  static BigDecimal hundredths(int hundredths) {
    return hundredths >= 0 && hundredths < HUNDREDTHS.length
        ? HUNDREDTHS[hundredths]
        : BigDecimal.valueOf(hundredths, 2);
  }

  /**
   * Returns a posted fee given in 10^-9 dollars of whole cents as an amount at scale 2: what {@code
   * FeeCalculation.amount()} gives for the same fee.
   */
  static BigDecimal ofNanoDollarCents(long nanoDollars) {
    return BigDecimal.valueOf(nanoDollars / 10_000_000L, 2);
  }

  /**
   * Returns {@code a} x {@code b}, exactly as {@link BigDecimal#multiply} would, value and scale,
   * without the multiplication when either is {@link #ONE} (scale 0): most lines are scaled by no
   * factor at all.
   */
  static BigDecimal times(BigDecimal a, BigDecimal b) {
    if (b == ONE) {
      return a;
    }
    return a == ONE ? b : a.multiply(b);
  }

  /**
   * Returns {@code amount}, rounded half-up to {@link FeeResult#MAX_SCALE} decimal places when it
   * has more: what a payer's amount of 100 places becomes when a later rule halves it (101), so
   * that every amount a step sets is one a fee and its step take. One comparison for the amounts of
   * the standard rules, which have at most 26 places.
   */
  static BigDecimal bounded(BigDecimal amount) {
    return amount.scale() <= FeeResult.MAX_SCALE
        ? amount
        : amount.setScale(FeeResult.MAX_SCALE, FeeResult.ROUNDING);
  }

  /** Returns the larger of {@code amount} and zero: a reduction never makes a fee negative. */
  static BigDecimal atLeastZero(BigDecimal amount) {
    return amount.signum() < 0 ? ZERO : amount;
  }

  /** Returns the lower of two amounts, the first when equal. */
  static BigDecimal min(BigDecimal a, BigDecimal b) {
    return b.compareTo(a) < 0 ? b : a;
  }

  /** Writes an exact amount with at least two decimals, no trailing zeros beyond: 102.5345. */
  static String plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return (stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped)
        .toPlainString();
  }

  /** Writes a factor as a percentage: 0.625 as {@code 62.5%}, 1.5 as {@code 150%}. */
  static String percent(BigDecimal factor) {
    return factor.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
