package io.github.cpt4j.fee.medicare.anesthesia;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.fee.medicare.Locality;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of one anesthesia service: {@code (base units + time units) x the locality's
 * anesthesia conversion factor x the role's share}, exact (Medicare Claims Processing Manual,
 * chapter 12, section 50).
 *
 * <p>Time units are the minutes divided by 15, rounded to one decimal place (section 50.G: "round
 * the time unit to one decimal place"), half-up; minutes / 15 never falls exactly half-way between
 * two tenths, so no other rounding rule would differ. Immutable.
 *
 * <pre>{@code
 * AnesthesiaCalculation.timeUnits(95);   // 6.3
 * }</pre>
 */
public final class AnesthesiaCalculation {

  private static final BigDecimal FIFTEEN = BigDecimal.valueOf(15);

  private final BigDecimal baseUnits;
  private final BigDecimal timeUnits;
  private final BigDecimal factor;
  private final Locality locality;
  private final AnesthesiaRole role;
  private final BigDecimal fullAmount;
  private final BigDecimal exactAmount;

  private AnesthesiaCalculation(
      BigDecimal baseUnits,
      BigDecimal timeUnits,
      BigDecimal factor,
      Locality locality,
      AnesthesiaRole role) {
    this.baseUnits = baseUnits;
    this.timeUnits = timeUnits;
    this.factor = factor;
    this.locality = locality;
    this.role = role;
    this.fullAmount = baseUnits.add(timeUnits).multiply(factor);
    this.exactAmount = fullAmount.multiply(role.share());
  }

  /**
   * Returns the calculation of {@code baseUnits} and {@code timeUnits} at {@code factor}, in {@code
   * locality}, paid at {@code role}'s share.
   *
   * @param baseUnits the base units paid, zero or more
   * @param timeUnits the time units paid, zero or more ({@link #timeUnits(int)})
   * @param factor the locality's anesthesia conversion factor, in dollars per unit, above 0
   * @param locality the locality priced in
   * @param role who furnished the service, which sets the share paid
   * @return the calculation
   * @throws IllegalArgumentException if a number of units is negative or the factor not positive
   */
  public static AnesthesiaCalculation of(
      BigDecimal baseUnits,
      BigDecimal timeUnits,
      BigDecimal factor,
      Locality locality,
      AnesthesiaRole role) {
    requireNonNull(baseUnits, "baseUnits");
    requireNonNull(timeUnits, "timeUnits");
    requireNonNull(factor, "factor");
    if (baseUnits.signum() < 0 || timeUnits.signum() < 0 || factor.signum() <= 0) {
      throw new IllegalArgumentException(
          "units are never negative and the factor is positive: "
              + baseUnits
              + ", "
              + timeUnits
              + ", "
              + factor);
    }
    return new AnesthesiaCalculation(
        baseUnits.setScale(Math.max(1, baseUnits.scale()), RoundingMode.UNNECESSARY),
        timeUnits.setScale(Math.max(1, timeUnits.scale()), RoundingMode.UNNECESSARY),
        factor,
        requireNonNull(locality, "locality"),
        requireNonNull(role, "role"));
  }

  /**
   * Returns the time units of {@code minutes} of anesthesia: minutes / 15, rounded to one decimal
   * place (chapter 12, section 50.G); 95 minutes are 6.3 units.
   *
   * @param minutes the anesthesia time, in minutes, zero or more
   * @return the time units, of one decimal place
   * @throws IllegalArgumentException if {@code minutes} is negative
   */
  public static BigDecimal timeUnits(int minutes) {
    if (minutes < 0) {
      throw new IllegalArgumentException("minutes are never negative: " + minutes);
    }
    return BigDecimal.valueOf(minutes).divide(FIFTEEN, 1, RoundingMode.HALF_UP);
  }

  /** {@return the base units, with one decimal ({@code 7.0})} */
  public BigDecimal baseUnits() {
    return baseUnits;
  }

  /** {@return the time units, with one decimal ({@code 6.3})} */
  public BigDecimal timeUnits() {
    return timeUnits;
  }

  /** {@return the locality's anesthesia conversion factor} */
  public BigDecimal factor() {
    return factor;
  }

  /** {@return the locality} */
  public Locality locality() {
    return locality;
  }

  /** {@return the payment role} */
  public AnesthesiaRole role() {
    return role;
  }

  /** {@return {@code (base + time) x factor}, before the role's share; exact} */
  public BigDecimal fullAmount() {
    return fullAmount;
  }

  /** {@return the full amount times the role's share; exact} */
  public BigDecimal exactAmount() {
    return exactAmount;
  }

  /** Returns {@code 7.0 base + 6.3 time units x 19.79 (13282-99 anesthesia CF)}. */
  @Override
  public String toString() {
    return baseUnits.toPlainString()
        + " base + "
        + timeUnits.toPlainString()
        + " time units x "
        + factor.toPlainString()
        + " ("
        + locality
        + " anesthesia CF)";
  }
}
