package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.style.ValueStyle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The Medicare Physician Fee Schedule conversion factor in force for dates of service from {@link
 * #effectiveFrom()} to {@link #effectiveTo()} (both inclusive), for the providers {@link
 * #appliesTo()} says: dollars per RVU, at most four decimals. It can change in the middle of a year
 * (9 March 2024), and from 2026 qualifying APM participants have their own. The national anesthesia
 * conversion factor of the same period and providers, when known, is {@link #anesthesiaAmount()}:
 * the figure CMS's {@code ANES<yyyy>.csv} states in its header, against which the anesthesia
 * schedule checks the file it prices with ({@link ConversionFactors#anesthesiaFactors()}).
 *
 * <p>The amount keeps the scale it was given, and equality compares it as {@link BigDecimal#equals}
 * does, by value and scale: {@code 32.3465} and {@code 32.34650} make unequal factors. Compare
 * {@link #amount()}s with {@link BigDecimal#compareTo} to ignore the scale.
 *
 * <pre>{@code
 * ConversionFactor cf = ConversionFactor.builder()
 *     .effectiveFrom(LocalDate.of(2025, 1, 1)).effectiveTo(LocalDate.of(2025, 12, 31))
 *     .amount(new BigDecimal("32.3465")).appliesTo(ApmProviders.ALL)
 *     .build();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class ConversionFactor {

  private static final BigDecimal MAX = new BigDecimal("999.9999");

  /** {@return the first date of service the factor applies to} */
  public abstract LocalDate effectiveFrom();

  /** {@return the last date of service the factor applies to} */
  public abstract LocalDate effectiveTo();

  /** {@return the dollars per RVU, at most four decimals} */
  public abstract BigDecimal amount();

  /**
   * Returns the national anesthesia conversion factor of the same dates and providers (dollars per
   * anesthesia unit, at most four decimals), when known: CMS sets it beside the physician fee
   * schedule's (20.3178 for 2025; for 2026 20.4976, and 20.5998 for qualifying APM participants).
   * Empty when it is not known, such as for 9 March to 31 December 2024, when legislation raised
   * the factors for the rest of the year.
   *
   * @return the anesthesia factor in dollars per unit, or empty when not known
   */
  public abstract Optional<BigDecimal> anesthesiaAmount();

  /** {@return the providers the factor applies to} */
  @Value.Default
  public ApmProviders appliesTo() {
    return ApmProviders.ALL;
  }

  /**
   * Tells whether the factor applies on {@code date} to a provider with that QP status.
   *
   * @param date the date of service
   * @param qualifyingApmParticipant true if the provider is a qualifying APM participant
   * @return true if {@code date} is from the factor's first day through its last and the factor is
   *     for such providers
   */
  public final boolean appliesOn(LocalDate date, boolean qualifyingApmParticipant) {
    requireNonNull(date, "date");
    return !date.isBefore(effectiveFrom())
        && !date.isAfter(effectiveTo())
        && appliesTo().covers(qualifyingApmParticipant);
  }

  // A fixed-point copy for the exact long arithmetic of FeeCalculation: ten-thousandths.
  @Value.Derived
  @Value.Auxiliary
  long tenThousandths() {
    return Fixed.units(amount(), 4);
  }

  /** Rejects values outside the ranges documented on the accessors. */
  @Value.Check
  protected void check() {
    if (effectiveTo().isBefore(effectiveFrom())) {
      throw new IllegalArgumentException(
          "conversion factor period ends "
              + effectiveTo()
              + " before it starts "
              + effectiveFrom());
    }
    if (!isFactor(amount())) {
      throw new IllegalArgumentException(
          "a conversion factor is above 0 and at most 999.9999"
              + " with at most four decimals, not "
              + amount());
    }
    if (anesthesiaAmount().isPresent()) {
      BigDecimal anesthesia = anesthesiaAmount().get();
      if (!isFactor(anesthesia)) {
        throw new IllegalArgumentException(
            "an anesthesia conversion factor is above 0 and at most 999.9999"
                + " with at most four decimals, not "
                + anesthesia);
      }
    }
  }

  /** Tells whether {@code amount} can be a factor: above 0, at most 999.9999, four decimals. */
  private static boolean isFactor(BigDecimal amount) {
    return amount.signum() > 0
        && amount.stripTrailingZeros().scale() <= 4
        && amount.compareTo(MAX) <= 0;
  }

  /** Returns {@code 32.3465 (2025-01-01..2025-12-31)}, with the providers unless all. */
  @Override
  public String toString() {
    return amount().toPlainString()
        + " ("
        + effectiveFrom()
        + ".."
        + effectiveTo()
        + (appliesTo() == ApmProviders.ALL
            ? ""
            : ", " + appliesTo().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
        + ")";
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ConversionFactor} values. */
  public static final class Builder extends ImmutableConversionFactor.Builder {}
}
