package io.github.cpt4j.fee.medicare.pfs;

import java.math.BigDecimal;

/** Conversions between {@code BigDecimal} and the fixed-point longs of the pricing arithmetic. */
final class Fixed {

  private Fixed() {}

  /**
   * Returns {@code value} in units of 10^-scale. Values with more decimals than {@code scale} are
   * rejected by the value types' checks before this is called; checks run after derived attributes
   * are computed, so an out-of-range value yields -1 here instead of an exception.
   */
  static long units(BigDecimal value, int scale) {
    // Zero is zero whatever its exponent; more than 18 digits before the point is out of range, and
    // such a value, 1E+2147483647 say, would overflow movePointRight's scale: refused here, not
    // thrown as ArithmeticException.
    if (value.signum() == 0) {
      return 0;
    }
    if ((long) value.precision() - value.scale() > 18) {
      return -1;
    }
    BigDecimal moved = value.movePointRight(scale);
    // Stripping zeros only when there are decimals left: it costs a division per value, and every
    // row of a relative value file makes seven of these when it is loaded.
    if (moved.signum() < 0
        || moved.scale() > 0 && moved.stripTrailingZeros().scale() > 0
        || moved.compareTo(MAX_UNITS) > 0) {
      return -1;
    }
    return moved.longValue();
  }

  private static final BigDecimal MAX_UNITS = BigDecimal.valueOf(Long.MAX_VALUE / 4);

  /** Returns {@code units} x 10^-scale as an exact {@code BigDecimal}. */
  static BigDecimal decimal(long units, int scale) {
    return BigDecimal.valueOf(units, scale);
  }
}
