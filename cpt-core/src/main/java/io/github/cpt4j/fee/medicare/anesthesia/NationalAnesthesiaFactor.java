package io.github.cpt4j.fee.medicare.anesthesia;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.fee.medicare.ApmProviders;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The national anesthesia conversion factor in force for dates of service from {@link
 * #effectiveFrom()} to {@link #effectiveTo()} (both inclusive), for the providers {@link
 * #appliesTo()} says: dollars per anesthesia unit, at most four decimals. CMS sets it each year
 * beside the physician fee schedule's factor (20.3178 for 2025; for 2026 20.4976, and 20.5998 for
 * qualifying APM participants) and states it in the header of its {@code ANES<yyyy>.csv} ({@code
 * National Anes CF of 20.3178}), whose localities' factors come from it (Medicare Claims Processing
 * Manual, chapter 12, section 50). An {@link AnesthesiaFeeSchedule} given a list of these prices a
 * line only with an ANES table stating the factor in force for its date and provider.
 *
 * <p>The amount keeps the scale it was given; equality compares it by value ({@link
 * BigDecimal#compareTo}), so {@code 20.3178} and {@code 20.31780} make equal factors.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * NationalAnesthesiaFactor cf = NationalAnesthesiaFactor.of(
 *     LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
 *     ApmProviders.QUALIFYING_APM_PARTICIPANTS, new BigDecimal("20.5998"));
 * }</pre>
 */
public final class NationalAnesthesiaFactor {

  private static final BigDecimal MAX = new BigDecimal("999.9999");

  private final LocalDate effectiveFrom;
  private final LocalDate effectiveTo;
  private final ApmProviders appliesTo;
  private final BigDecimal amount;

  private NationalAnesthesiaFactor(
      LocalDate effectiveFrom, LocalDate effectiveTo, ApmProviders appliesTo, BigDecimal amount) {
    this.effectiveFrom = effectiveFrom;
    this.effectiveTo = effectiveTo;
    this.appliesTo = appliesTo;
    this.amount = amount;
  }

  /**
   * Returns the factor {@code amount} in force from {@code from} to {@code to} (both inclusive) for
   * the providers {@code appliesTo} says.
   *
   * @param from the first date of service the factor applies to
   * @param to the last date of service it applies to
   * @param appliesTo the providers it applies to, by qualifying APM participant status
   * @param amount the factor, in dollars per anesthesia unit, such as 20.3178
   * @return the factor
   * @throws IllegalArgumentException if {@code to} is before {@code from}, or {@code amount} is not
   *     above 0 and at most 999.9999 with at most four decimals
   */
  public static NationalAnesthesiaFactor of(
      LocalDate from, LocalDate to, ApmProviders appliesTo, BigDecimal amount) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(appliesTo, "appliesTo");
    requireNonNull(amount, "amount");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "national anesthesia factor period ends " + to + " before it starts " + from);
    }
    if (!isFactor(amount)) {
      throw new IllegalArgumentException(
          "a national anesthesia conversion factor is above 0 and at most 999.9999"
              + " with at most four decimals, not "
              + amount.toPlainString()
              + " ("
              + from
              + ".."
              + to
              + ")");
    }
    return new NationalAnesthesiaFactor(from, to, appliesTo, amount);
  }

  /**
   * Tells whether {@code amount} can be a national anesthesia factor: above 0, at most 999.9999, at
   * most four decimals. Also the check of the factor a file of locality factors states ({@link
   * AnesthesiaConversionFactors#withNationalFactor}).
   */
  static boolean isFactor(BigDecimal amount) {
    return amount.signum() > 0
        && amount.stripTrailingZeros().scale() <= 4
        && amount.compareTo(MAX) <= 0;
  }

  /** {@return the first date of service the factor applies to} */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /** {@return the last date of service the factor applies to} */
  public LocalDate effectiveTo() {
    return effectiveTo;
  }

  /** {@return the providers the factor applies to} */
  public ApmProviders appliesTo() {
    return appliesTo;
  }

  /** {@return the dollars per anesthesia unit, at most four decimals} */
  public BigDecimal amount() {
    return amount;
  }

  /**
   * Tells whether the factor applies on {@code date} to a provider with that QP status.
   *
   * @param date the date of service
   * @param qualifyingApmParticipant true if the provider is a qualifying APM participant
   * @return true if {@code date} is from {@link #effectiveFrom()} through {@link #effectiveTo()}
   *     and the factor is for such providers
   */
  public boolean appliesOn(LocalDate date, boolean qualifyingApmParticipant) {
    requireNonNull(date, "date");
    return !date.isBefore(effectiveFrom)
        && !date.isAfter(effectiveTo)
        && appliesTo.covers(qualifyingApmParticipant);
  }

  /**
   * Says whose and when the factor is: {@code the national anesthesia factor of every provider from
   * 2025-01-01 to 2025-12-31}.
   */
  String whoseAndWhen() {
    return "the national anesthesia factor of "
        + appliesTo.words()
        + " from "
        + effectiveFrom
        + " to "
        + effectiveTo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NationalAnesthesiaFactor other
        && effectiveFrom.equals(other.effectiveFrom)
        && effectiveTo.equals(other.effectiveTo)
        && appliesTo == other.appliesTo
        && amount.compareTo(other.amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(effectiveFrom, effectiveTo, appliesTo, amount.stripTrailingZeros());
  }

  /**
   * Returns {@code 20.3178 (2025-01-01..2025-12-31)}, with the providers unless all. The amount is
   * written without trailing zeros, as {@link #equals} compares it: 20.3 and 20.30 are one factor.
   */
  @Override
  public String toString() {
    return amount.stripTrailingZeros().toPlainString()
        + " ("
        + effectiveFrom
        + ".."
        + effectiveTo
        + (appliesTo == ApmProviders.ALL
            ? ""
            : ", " + appliesTo.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        + ")";
  }
}
