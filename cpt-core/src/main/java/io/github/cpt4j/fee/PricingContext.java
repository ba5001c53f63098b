package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The circumstances a service is priced in: the date of service, the payment area (for Medicare,
 * the locality), the setting (facility or not), whether the provider participates in Medicare
 * (accepts assignment on all claims), and whether the provider is a qualifying APM participant
 * (from 2026 Medicare has a higher conversion factor for them).
 *
 * <p>Immutable. Built with {@link #of(LocalDate, PaymentArea, Setting)}, then adjusted with the
 * {@code with*} methods; a participating, non-qualifying provider is the default.
 *
 * <pre>{@code
 * PricingContext office = PricingContext.of(LocalDate.of(2025, 3, 14),
 *     Locality.parse("13282-99"), Setting.NON_FACILITY);
 * PricingContext nonPar = office.withParticipating(false);
 * }</pre>
 */
public final class PricingContext {

  private final LocalDate dateOfService;
  private final Optional<PaymentArea> area;
  private final Setting setting;
  private final boolean participating;
  private final boolean qualifyingApmParticipant;

  private PricingContext(
      LocalDate dateOfService,
      Optional<PaymentArea> area,
      Setting setting,
      boolean participating,
      boolean qualifyingApmParticipant) {
    this.dateOfService = dateOfService;
    this.area = area;
    this.setting = setting;
    this.participating = participating;
    this.qualifyingApmParticipant = qualifyingApmParticipant;
  }

  /**
   * Returns the context of a participating, non-qualifying provider in {@code area} (for Medicare,
   * a {@code Locality}).
   */
  public static PricingContext of(LocalDate dateOfService, PaymentArea area, Setting setting) {
    return new PricingContext(
        requireNonNull(dateOfService, "dateOfService"),
        Optional.of(requireNonNull(area, "area")),
        requireNonNull(setting, "setting"),
        true,
        false);
  }

  /**
   * Returns a context with no area, for schedules that do not vary by place (a flat contract
   * table). Geographic schedules such as Medicare's refuse to price in it.
   */
  public static PricingContext withoutArea(LocalDate dateOfService, Setting setting) {
    return new PricingContext(
        requireNonNull(dateOfService, "dateOfService"),
        Optional.empty(),
        requireNonNull(setting, "setting"),
        true,
        false);
  }

  /** Returns the date the service was furnished. */
  public LocalDate dateOfService() {
    return dateOfService;
  }

  /**
   * Returns the payment area, if the context has one; Medicare schedules read it with {@code
   * Locality.in(context)}.
   */
  public Optional<PaymentArea> area() {
    return area;
  }

  /** Returns the setting the service was furnished in. */
  public Setting setting() {
    return setting;
  }

  /**
   * Tells whether the provider participates (accepts assignment); non-participating providers are
   * paid 95% of the Medicare amount.
   */
  public boolean participating() {
    return participating;
  }

  /**
   * Tells whether the provider is a qualifying participant in an advanced alternative payment model
   * (QP), which selects the higher of Medicare's two conversion factors from 2026.
   */
  public boolean qualifyingApmParticipant() {
    return qualifyingApmParticipant;
  }

  /** Returns a copy with another date of service. */
  public PricingContext withDateOfService(LocalDate date) {
    return new PricingContext(
        requireNonNull(date, "date"), area, setting, participating, qualifyingApmParticipant);
  }

  /** Returns a copy in another payment area. */
  public PricingContext withArea(PaymentArea newArea) {
    return new PricingContext(
        dateOfService,
        Optional.of(requireNonNull(newArea, "newArea")),
        setting,
        participating,
        qualifyingApmParticipant);
  }

  /** Returns a copy in another setting. */
  public PricingContext withSetting(Setting newSetting) {
    return new PricingContext(
        dateOfService,
        area,
        requireNonNull(newSetting, "newSetting"),
        participating,
        qualifyingApmParticipant);
  }

  /** Returns a copy for a participating ({@code true}) or non-participating provider. */
  public PricingContext withParticipating(boolean isParticipating) {
    return new PricingContext(
        dateOfService, area, setting, isParticipating, qualifyingApmParticipant);
  }

  /** Returns a copy for a qualifying APM participant ({@code true}) or not. */
  public PricingContext withQualifyingApmParticipant(boolean isQualifying) {
    return new PricingContext(dateOfService, area, setting, participating, isQualifying);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof PricingContext that
        && dateOfService.equals(that.dateOfService)
        && area.equals(that.area)
        && setting == that.setting
        && participating == that.participating
        && qualifyingApmParticipant == that.qualifyingApmParticipant;
  }

  @Override
  public int hashCode() {
    return Objects.hash(dateOfService, area, setting, participating, qualifyingApmParticipant);
  }

  /**
   * Returns a one-line summary such as {@code 2025-03-14 13282-99 non-facility} followed by {@code
   * non-participating} and {@code QP} when they apply.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(48).append(dateOfService);
    area.ifPresent(l -> sb.append(' ').append(l));
    sb.append(' ').append(setting.words());
    if (!participating) {
      sb.append(" non-participating");
    }
    if (qualifyingApmParticipant) {
      sb.append(" QP");
    }
    return sb.toString();
  }
}
