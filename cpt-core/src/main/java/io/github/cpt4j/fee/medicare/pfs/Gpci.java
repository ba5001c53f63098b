package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.style.ValueStyle;
import java.math.BigDecimal;
import org.immutables.value.Value;

/**
 * The geographic practice cost indices (GPCIs) of one Medicare payment locality: one for each RVU
 * component, with at most three decimals. The work index is the one in force for the release, with
 * or without the 1.0 floor (Alaska's 1.5 floor is in the file's numbers).
 *
 * <p>An index keeps the scale it was given, as the CMS file writes it ({@code 1}, {@code 1.017}),
 * and equality compares the indices as {@link BigDecimal#equals} does, by value and scale: the same
 * locality built with {@code 1} and with {@code 1.000} makes two unequal values. Compare the
 * indices with {@link BigDecimal#compareTo} to ignore the scale; pricing does not depend on it.
 *
 * <pre>{@code
 * Gpci restOfNewYork = schedule.gpci(Locality.parse("13282-99")).orElseThrow();
 * restOfNewYork.work();   // 1 (the file writes 1)
 * restOfNewYork.name();   // "REST OF NEW YORK"
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class Gpci {

  private static final BigDecimal MAX = new BigDecimal("9.999");

  /** {@return the locality} */
  public abstract Locality locality();

  /** {@return the two-letter state or territory code, such as {@code "NY"}} */
  public abstract String state();

  /** {@return the locality's name as CMS writes it} */
  public abstract String name();

  /** {@return the physician work GPCI} */
  public abstract BigDecimal work();

  /** {@return the practice expense GPCI} */
  public abstract BigDecimal practiceExpense();

  /** {@return the malpractice GPCI} */
  public abstract BigDecimal malpractice();

  // Fixed-point copies for the exact long arithmetic of FeeCalculation: thousandths.
  @Value.Derived
  @Value.Auxiliary
  long workThousandths() {
    return Fixed.units(work(), 3);
  }

  @Value.Derived
  @Value.Auxiliary
  long practiceExpenseThousandths() {
    return Fixed.units(practiceExpense(), 3);
  }

  @Value.Derived
  @Value.Auxiliary
  long malpracticeThousandths() {
    return Fixed.units(malpractice(), 3);
  }

  /** Rejects values outside the ranges documented on the accessors. */
  @Value.Check
  protected void check() {
    checkIndex("work", work());
    checkIndex("practiceExpense", practiceExpense());
    checkIndex("malpractice", malpractice());
  }

  private void checkIndex(String which, BigDecimal index) {
    if (index.signum() < 0 || index.stripTrailingZeros().scale() > 3 || index.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          locality()
              + ": "
              + which
              + " GPCI must be 0 to 9.999 with at most three decimals, not "
              + index);
    }
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Gpci} values. */
  public static final class Builder extends ImmutableGpci.Builder {}
}
