package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.text.Blanks;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The circumstances a service is priced in: the date of service, the payment area (for Medicare,
 * the locality), the setting (facility or not), whether the provider participates in Medicare
 * (accepts assignment on all claims), and whether the provider is a qualifying APM participant
 * (from 2026 Medicare has a higher conversion factor for them), the beneficiary's ZIP code when
 * known, the {@linkplain PractitionerType type of practitioner} who furnished the service, and, for
 * anesthesia under medical supervision (AD), whether the supervising physician was present at
 * induction.
 *
 * <p>The payment area is where the service was furnished; the beneficiary's ZIP code is where the
 * patient lives. Most schedules price by the first; the DMEPOS fee schedule prices by the second
 * (its state, and whether it is a rural ZIP code), so a claim with a DME item needs {@link
 * #withBeneficiaryZip}.
 *
 * <p>Immutable. Built with {@link #of(LocalDate, PaymentArea, Setting)}, then adjusted with the
 * {@code with*} methods; a participating, non-qualifying physician is the default.
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
  private final Optional<String> beneficiaryZip;
  private final PractitionerType practitioner;
  private final Optional<ServicePlace> place;
  private final boolean supervisorPresentAtInduction;

  /** The practitioner type of each rendering provider that is not the claim's own. */
  private final ImmutableMap<Npi, PractitionerType> practitioners;

  private PricingContext(
      LocalDate dateOfService,
      Optional<PaymentArea> area,
      Setting setting,
      boolean participating,
      boolean qualifyingApmParticipant,
      Optional<String> beneficiaryZip,
      PractitionerType practitioner,
      Optional<ServicePlace> place,
      boolean supervisorPresentAtInduction,
      ImmutableMap<Npi, PractitionerType> practitioners) {
    this.dateOfService = dateOfService;
    this.area = area;
    this.setting = setting;
    this.participating = participating;
    this.qualifyingApmParticipant = qualifyingApmParticipant;
    this.beneficiaryZip = beneficiaryZip;
    this.practitioner = practitioner;
    this.place = place;
    this.supervisorPresentAtInduction = supervisorPresentAtInduction;
    this.practitioners = practitioners;
  }

  /**
   * {@return the context of a participating, non-qualifying provider in {@code area} (for Medicare,
   * a {@code Locality})}
   *
   * @param dateOfService the date the service was furnished, which selects the fee schedule year,
   *     quarter or release that prices it
   * @param area where the service was furnished; for Medicare a {@code Locality}
   * @param setting facility or non-facility, the setting Medicare pays the service at
   */
  public static PricingContext of(LocalDate dateOfService, PaymentArea area, Setting setting) {
    return new PricingContext(
        requireNonNull(dateOfService, "dateOfService"),
        Optional.of(requireNonNull(area, "area")),
        requireNonNull(setting, "setting"),
        true,
        false,
        Optional.empty(),
        PractitionerType.PHYSICIAN,
        Optional.empty(),
        false,
        ImmutableMap.of());
  }

  /**
   * Returns a context with no area, for schedules that do not vary by place (a flat contract
   * table). Geographic schedules such as Medicare's refuse to price in it.
   *
   * @param dateOfService the date the service was furnished
   * @param setting facility or non-facility
   * @return a context of a participating, non-qualifying physician, with no payment area
   */
  public static PricingContext withoutArea(LocalDate dateOfService, Setting setting) {
    return new PricingContext(
        requireNonNull(dateOfService, "dateOfService"),
        Optional.empty(),
        requireNonNull(setting, "setting"),
        true,
        false,
        Optional.empty(),
        PractitionerType.PHYSICIAN,
        Optional.empty(),
        false,
        ImmutableMap.of());
  }

  /** {@return the date the service was furnished} */
  public LocalDate dateOfService() {
    return dateOfService;
  }

  /**
   * {@return the payment area, if the context has one; Medicare schedules read it with {@code
   * Locality.in(context)}}
   */
  public Optional<PaymentArea> area() {
    return area;
  }

  /**
   * Returns the setting the service is paid at. With a place of service, it is the place's on the
   * date of service ({@link ServicePlace#settingOn}), and follows the date when it changes:
   * telehealth in the patient's home, {@code 10}, is facility before 2024 and non-facility from
   * then.
   *
   * @return the setting, never null
   */
  public Setting setting() {
    return setting;
  }

  /**
   * Tells whether the provider participates (accepts assignment); non-participating providers are
   * paid 95% of the Medicare amount.
   *
   * @return true by default; false after {@code withParticipating(false)}
   */
  public boolean participating() {
    return participating;
  }

  /**
   * Tells whether the provider is a qualifying participant in an advanced alternative payment model
   * (QP), which selects the higher of Medicare's two conversion factors from 2026.
   *
   * @return false by default; true after {@code withQualifyingApmParticipant(true)}
   */
  public boolean qualifyingApmParticipant() {
    return qualifyingApmParticipant;
  }

  /**
   * {@return the beneficiary's five-digit ZIP code, if the context has one: where the patient
   * lives, which decides the state and the rural or non-rural amount of the DMEPOS fee schedule}
   */
  public Optional<String> beneficiaryZip() {
    return beneficiaryZip;
  }

  /**
   * Returns a copy for a beneficiary living in ZIP code {@code zip}: five digits, or ZIP+4 ({@code
   * 12345-6789} or {@code 123456789}), of which the first five are kept; blanks around it (spaces,
   * tabs, no-break and other Unicode spaces) are ignored.
   *
   * @param zip the beneficiary's ZIP code, five digits or ZIP+4
   * @return a copy whose {@link #beneficiaryZip()} is the first five digits of {@code zip}
   * @throws IllegalArgumentException if {@code zip} is neither form; any other control character
   *     anywhere (NUL, escape, a line break) makes it neither
   */
  public PricingContext withBeneficiaryZip(CharSequence zip) {
    return new PricingContext(
        dateOfService,
        area,
        setting,
        participating,
        qualifyingApmParticipant,
        Optional.of(fiveDigitZip(requireNonNull(zip, "zip"))),
        practitioner,
        place,
        supervisorPresentAtInduction,
        practitioners);
  }

  /** {@return a copy without a beneficiary ZIP code} */
  public PricingContext withoutBeneficiaryZip() {
    return new PricingContext(
        dateOfService,
        area,
        setting,
        participating,
        qualifyingApmParticipant,
        Optional.empty(),
        practitioner,
        place,
        supervisorPresentAtInduction,
        practitioners);
  }

  private static String fiveDigitZip(CharSequence zip) {
    // Blanks only, as Locality.parse strips them: trim() would drop a NUL or an escape too.
    String s = Blanks.strip(zip);
    int length = s.length();
    boolean shaped = length == 5 || length == 9 || length == 10 && s.charAt(5) == '-';
    for (int i = 0; shaped && i < length; i++) {
      char c = s.charAt(i);
      shaped = c >= '0' && c <= '9' || length == 10 && i == 5;
    }
    if (!shaped) {
      throw new IllegalArgumentException(
          "expected a ZIP code such as 10001 or 10001-1234, not " + CodeFormatException.quote(zip));
    }
    return s.substring(0, 5);
  }

  /**
   * {@return a copy with another date of service; with a place of service, in the place's setting
   * on that date ({@link ServicePlace#settingOn})}
   *
   * @param date the new date of service
   */
  public PricingContext withDateOfService(LocalDate date) {
    requireNonNull(date, "date");
    return new PricingContext(
        date,
        area,
        place.isPresent() ? settingOf(place.get(), date) : setting,
        participating,
        qualifyingApmParticipant,
        beneficiaryZip,
        practitioner,
        place,
        supervisorPresentAtInduction,
        practitioners);
  }

  /**
   * {@return a copy in another payment area}
   *
   * @param newArea the payment area, for Medicare a {@code Locality}
   */
  public PricingContext withArea(PaymentArea newArea) {
    return new PricingContext(
        dateOfService,
        Optional.of(requireNonNull(newArea, "newArea")),
        setting,
        participating,
        qualifyingApmParticipant,
        beneficiaryZip,
        practitioner,
        place,
        supervisorPresentAtInduction,
        practitioners);
  }

  /**
   * Returns a copy in another setting. A place of service the context had is dropped unless it is
   * paid at that setting on the date of service: the setting and the place never disagree.
   *
   * @param newSetting facility or non-facility
   * @return a copy at {@code newSetting}, without a place of service paid at another setting
   */
  public PricingContext withSetting(Setting newSetting) {
    requireNonNull(newSetting, "newSetting");
    return new PricingContext(
        dateOfService,
        area,
        newSetting,
        participating,
        qualifyingApmParticipant,
        beneficiaryZip,
        practitioner,
        place.filter(p -> settingOf(p, dateOfService) == newSetting),
        supervisorPresentAtInduction,
        practitioners);
  }

  /**
   * Returns the place of service, when the context has one: the two-digit code of the claim, which
   * decides the setting and, for Medicare, whether some services are paid there at all. Medicare
   * schedules read it with {@code PlaceOfService.in(context)}.
   *
   * @return the place of service, or empty when the context was given only a setting
   */
  public Optional<ServicePlace> placeOfService() {
    return place;
  }

  /**
   * Returns a copy furnished at {@code newPlace}, in the setting the place is paid at on the date
   * of service ({@link ServicePlace#settingOn}): {@code
   * withPlaceOfService(PlaceOfService.parse("22"))} is the facility setting, and so is telehealth
   * in the patient's home, {@code 10}, on a date before 2024 (non-facility from then). Give a
   * {@code io.github.cpt4j.fee.medicare.PlaceOfService}, whose code and setting always agree; a
   * place of the caller's own is in its own setting.
   *
   * @param newPlace the place of service of the claim line
   * @return a copy at {@code newPlace} and in the setting it is paid at on the date of service
   * @throws IllegalArgumentException if the place's code is not 1 to 99, which no place of service
   *     is
   */
  public PricingContext withPlaceOfService(ServicePlace newPlace) {
    requireNonNull(newPlace, "newPlace");
    // Refused here, not deep inside a Medicare schedule that reads the place back by its code.
    int code = newPlace.code();
    if (code < 1 || code > 99) {
      throw new IllegalArgumentException(
          "a place of service is 01 to 99, not "
              + code
              + " ("
              + newPlace.getClass().getName()
              + ")");
    }
    return new PricingContext(
        dateOfService,
        area,
        settingOf(newPlace, dateOfService),
        participating,
        qualifyingApmParticipant,
        beneficiaryZip,
        practitioner,
        Optional.of(newPlace),
        supervisorPresentAtInduction,
        practitioners);
  }

  /**
   * The setting {@code place} is paid at on {@code date}: the one place a context turns a place
   * into a setting, so that what it prints, and what a schedule prices at, are the same.
   */
  private static Setting settingOf(ServicePlace place, LocalDate date) {
    return requireNonNull(place.settingOn(date), "setting of the place");
  }

  /**
   * {@return a copy for a participating ({@code true}) or non-participating provider}
   *
   * @param isParticipating true for a provider who accepts assignment, false for one paid 95%
   */
  public PricingContext withParticipating(boolean isParticipating) {
    return new PricingContext(
        dateOfService,
        area,
        setting,
        isParticipating,
        qualifyingApmParticipant,
        beneficiaryZip,
        practitioner,
        place,
        supervisorPresentAtInduction,
        practitioners);
  }

  /**
   * {@return a copy for a qualifying APM participant ({@code true}) or not}
   *
   * @param isQualifying true for a qualifying APM participant (QP), which from 2026 selects the
   *     higher Medicare conversion factor
   */
  public PricingContext withQualifyingApmParticipant(boolean isQualifying) {
    return new PricingContext(
        dateOfService,
        area,
        setting,
        participating,
        isQualifying,
        beneficiaryZip,
        practitioner,
        place,
        supervisorPresentAtInduction,
        practitioners);
  }

  /**
   * {@return who furnished the service: a physician (the default), or a non-physician practitioner
   * whom Medicare pays a share of the fee schedule amount (see {@link PractitionerType})}
   */
  public PractitionerType practitioner() {
    return practitioner;
  }

  /**
   * {@return a copy for a service furnished by {@code type}}
   *
   * @param type who furnished the service; Medicare pays a non-physician practitioner a share
   */
  public PricingContext withPractitioner(PractitionerType type) {
    return new PricingContext(
        dateOfService,
        area,
        setting,
        participating,
        qualifyingApmParticipant,
        beneficiaryZip,
        requireNonNull(type, "type"),
        place,
        supervisorPresentAtInduction,
        practitioners);
  }

  /**
   * Returns a copy in which the lines whose rendering provider is {@code npi} ({@link
   * io.github.cpt4j.claim.BilledLine#renderingProvider()}) were furnished by {@code type}: a
   * group's claim may hold a physician's lines and a nurse practitioner's, whom Medicare pays 85%
   * of the fee schedule amount. Lines of other providers, and lines naming none, were furnished by
   * {@link #practitioner()}. Replaces what an earlier call said of {@code npi}.
   *
   * <pre>{@code
   * PricingContext group = office.withPractitioner(Npi.parse("1000000004"),
   *     PractitionerType.NURSE_PRACTITIONER);
   * }</pre>
   *
   * @param npi the rendering provider of the lines, as {@code BilledLine.renderingProvider()} names
   *     it
   * @param type who that provider is
   * @return a copy in which {@link #practitioners()} gives {@code type} for {@code npi}
   */
  public PricingContext withPractitioner(Npi npi, PractitionerType type) {
    requireNonNull(npi, "npi");
    requireNonNull(type, "type");
    // In NPI order, whatever the order given: equal contexts print and iterate alike.
    Map<Npi, PractitionerType> map = new TreeMap<>(practitioners);
    map.put(npi, type);
    return new PricingContext(
        dateOfService,
        area,
        setting,
        participating,
        qualifyingApmParticipant,
        beneficiaryZip,
        practitioner,
        place,
        supervisorPresentAtInduction,
        ImmutableSortedMap.copyOf(map));
  }

  /**
   * {@return the practitioner type of each rendering provider given one by {@link
   * #withPractitioner(Npi, PractitionerType)}, in NPI order; empty by default}
   */
  public ImmutableMap<Npi, PractitionerType> practitioners() {
    return practitioners;
  }

  /**
   * Returns the context of the lines of rendering provider {@code npi}: this one, with {@link
   * #practitioner()} the type {@link #practitioners()} gives that NPI, if it gives one. A claim
   * pricer prices each provider's lines in it.
   *
   * @param npi the rendering provider of the lines to price
   * @return this context, or a copy whose practitioner is the type given for {@code npi}
   */
  public PricingContext forRenderingProvider(Npi npi) {
    PractitionerType type = practitioners.get(requireNonNull(npi, "npi"));
    return type == null || type == practitioner ? this : withPractitioner(type);
  }

  /**
   * Tells whether the anesthesiologist medically supervising more than four concurrent cases
   * (modifier AD) documented presence at induction, which Medicare pays one time unit on top of the
   * AD base units (Medicare Claims Processing Manual, chapter 12, section 50.D). False by default.
   * A claim is one patient's, and the claim pricer prices its anesthesia lines of one date as one
   * session, induced once: this says it of that session, and of each date's on a claim of several
   * dates. It changes nothing for a line without AD, nor for a service that is not anesthesia.
   *
   * @return whether presence at induction was documented; false by default
   */
  public boolean supervisorPresentAtInduction() {
    return supervisorPresentAtInduction;
  }

  /**
   * {@return a copy in which the supervising physician of an AD anesthesia service was ({@code
   * true}) or was not documented present at induction (see {@link
   * #supervisorPresentAtInduction()})}
   *
   * @param isPresent whether the supervising anesthesiologist's presence at induction is documented
   */
  public PricingContext withSupervisorPresentAtInduction(boolean isPresent) {
    return new PricingContext(
        dateOfService,
        area,
        setting,
        participating,
        qualifyingApmParticipant,
        beneficiaryZip,
        practitioner,
        place,
        isPresent,
        practitioners);
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
        && qualifyingApmParticipant == that.qualifyingApmParticipant
        && beneficiaryZip.equals(that.beneficiaryZip)
        && practitioner == that.practitioner
        && place.map(ServicePlace::code).equals(that.place.map(ServicePlace::code))
        && supervisorPresentAtInduction == that.supervisorPresentAtInduction
        && practitioners.equals(that.practitioners);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        dateOfService,
        area,
        setting,
        participating,
        qualifyingApmParticipant,
        beneficiaryZip,
        practitioner,
        place.map(ServicePlace::code),
        supervisorPresentAtInduction,
        practitioners);
  }

  /**
   * Returns a one-line summary such as {@code 2025-03-14 13282-99 non-facility} followed by {@code
   * non-participating}, {@code QP}, {@code beneficiary ZIP 10001}, the practitioner ({@code nurse
   * practitioner}) and {@code supervisor present at induction} when they apply, then each rendering
   * provider's type ({@code , 1000000004 nurse practitioner}).
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(48).append(dateOfService);
    area.ifPresent(l -> sb.append(' ').append(l));
    sb.append(' ').append(setting.words());
    place.ifPresent(p -> sb.append(" POS ").append(p.code() < 10 ? "0" : "").append(p.code()));
    if (!participating) {
      sb.append(" non-participating");
    }
    if (qualifyingApmParticipant) {
      sb.append(" QP");
    }
    beneficiaryZip.ifPresent(zip -> sb.append(" beneficiary ZIP ").append(zip));
    if (practitioner != PractitionerType.PHYSICIAN) {
      sb.append(' ').append(practitioner.words());
    }
    if (supervisorPresentAtInduction) {
      sb.append(" supervisor present at induction");
    }
    practitioners.forEach(
        (npi, type) -> sb.append(", ").append(npi).append(' ').append(type.words()));
    return sb.toString();
  }
}
