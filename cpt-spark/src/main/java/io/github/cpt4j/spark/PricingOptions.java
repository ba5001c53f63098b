package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of {@code cpt price --input} that apply to every line: the defaults for blank cells
 * (locality, setting or place of service, date of service, the beneficiary's ZIP code, who
 * furnished the services, qualifying APM status), whether the provider participates in Medicare,
 * and whether priced lines get their explanation too. Immutable and serializable, so that it
 * travels with the tasks.
 *
 * <pre>{@code
 * PricingOptions options = PricingOptions.of(LocalDate.of(2025, 6, 2))
 *     .withLocality(Locality.parse("13282-99"))
 *     .withSetting(Setting.FACILITY)
 *     .withPractitioner(PractitionerType.NURSE_PRACTITIONER);
 * }</pre>
 */
public final class PricingOptions implements Serializable {

  private static final long serialVersionUID = 2L;

  /** The packed locality, or -1 for none: {@link Locality} itself is not serializable. */
  private final int locality;

  private final Setting setting;

  /** The place-of-service code, or -1 for none; when given, {@link #setting} is its setting. */
  private final int place;

  private final LocalDate date;

  /** The five digits of the beneficiary's ZIP code (the DMEPOS fee schedule's), or null. */
  private final String beneficiaryZip;

  private final PractitionerType practitioner;
  private final boolean qualifyingApm;
  private final boolean participating;
  private final boolean explainPriced;

  private PricingOptions(
      int locality,
      Setting setting,
      int place,
      LocalDate date,
      String beneficiaryZip,
      PractitionerType practitioner,
      boolean qualifyingApm,
      boolean participating,
      boolean explainPriced) {
    this.locality = locality;
    this.setting = requireNonNull(setting, "setting");
    this.place = place;
    this.date = requireNonNull(date, "date");
    this.beneficiaryZip = beneficiaryZip;
    this.practitioner = requireNonNull(practitioner, "practitioner");
    this.qualifyingApm = qualifyingApm;
    this.participating = participating;
    this.explainPriced = explainPriced;
  }

  /**
   * Returns the options of a batch run with the default date of service {@code date}, no default
   * locality, the non-facility setting, services furnished by a physician who participates in
   * Medicare and is no qualifying APM participant, and explanations only for lines without an
   * amount: the defaults of {@code cpt price --input --date DATE}.
   */
  public static PricingOptions of(LocalDate date) {
    return new PricingOptions(
        -1, Setting.NON_FACILITY, -1, date, null, PractitionerType.PHYSICIAN, false, true, false);
  }

  /** Returns a copy whose rows without a locality or ZIP code are priced in {@code locality}. */
  public PricingOptions withLocality(Locality locality) {
    return new PricingOptions(
        requireNonNull(locality, "locality").packed(),
        setting,
        place,
        date,
        null,
        practitioner,
        qualifyingApm,
        participating,
        explainPriced);
  }

  /**
   * Returns a copy whose rows without a locality or ZIP code are priced in the payment locality of
   * {@code zip} (five digits or ZIP+4), from the bundled ZIP-code table, as {@code --zip} does; as
   * there too, the ZIP code is also where the beneficiary lives, for the DMEPOS fee schedule.
   *
   * @throws IllegalArgumentException if the text is not a ZIP code, or the ZIP code is in no
   *     locality
   */
  public PricingOptions withZip(String zip) {
    requireNonNull(zip, "zip");
    Locality found =
        BatchRules.localityOfZip(zip)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "ZIP code " + zip.strip() + " is in no Medicare payment locality"));
    return new PricingOptions(
        found.packed(),
        setting,
        place,
        date,
        BatchRules.zipDigits(zip),
        practitioner,
        qualifyingApm,
        participating,
        explainPriced);
  }

  /**
   * Returns a copy whose rows without a setting or place of service are in {@code setting}, with no
   * place of service.
   */
  public PricingOptions withSetting(Setting setting) {
    return new PricingOptions(
        locality,
        setting,
        -1,
        date,
        beneficiaryZip,
        practitioner,
        qualifyingApm,
        participating,
        explainPriced);
  }

  /**
   * Returns a copy whose rows without a setting or place of service were furnished at {@code
   * place}, in its setting, as {@code --pos} does: the place also decides the rules that depend on
   * it (telehealth, the hospital outpatient imaging cap...).
   */
  public PricingOptions withPlaceOfService(PlaceOfService place) {
    requireNonNull(place, "place");
    return new PricingOptions(
        locality,
        place.setting(),
        place.code(),
        date,
        beneficiaryZip,
        practitioner,
        qualifyingApm,
        participating,
        explainPriced);
  }

  /** Returns a copy whose rows without a date are priced on {@code date}. */
  public PricingOptions withDate(LocalDate date) {
    return new PricingOptions(
        locality,
        setting,
        place,
        date,
        beneficiaryZip,
        practitioner,
        qualifyingApm,
        participating,
        explainPriced);
  }

  /**
   * Returns a copy whose rows without a practitioner type were furnished by {@code practitioner},
   * as {@code --practitioner} does: a non-physician practitioner is paid Medicare's share for the
   * type.
   */
  public PricingOptions withPractitioner(PractitionerType practitioner) {
    return new PricingOptions(
        locality,
        setting,
        place,
        date,
        beneficiaryZip,
        practitioner,
        qualifyingApm,
        participating,
        explainPriced);
  }

  /**
   * Returns a copy for a provider who is a qualifying APM participant or not, for rows that do not
   * say, as {@code --qualifying-apm} does: from 2026 they are paid with the higher conversion
   * factor.
   */
  public PricingOptions withQualifyingApm(boolean qualifyingApm) {
    return new PricingOptions(
        locality,
        setting,
        place,
        date,
        beneficiaryZip,
        practitioner,
        qualifyingApm,
        participating,
        explainPriced);
  }

  /** Returns a copy for a participating provider or not (a non-participating one is paid 95%). */
  public PricingOptions withParticipating(boolean participating) {
    return new PricingOptions(
        locality,
        setting,
        place,
        date,
        beneficiaryZip,
        practitioner,
        qualifyingApm,
        participating,
        explainPriced);
  }

  /**
   * Returns a copy in which priced lines get their explanation too, as with {@code --explain}.
   * Writing how each amount was found costs more than finding it.
   */
  public PricingOptions withExplainPriced(boolean explainPriced) {
    return new PricingOptions(
        locality,
        setting,
        place,
        date,
        beneficiaryZip,
        practitioner,
        qualifyingApm,
        participating,
        explainPriced);
  }

  /** Returns the locality of rows that give none, if any. */
  public Optional<Locality> locality() {
    return locality < 0 ? Optional.empty() : Optional.of(Locality.ofPacked(locality));
  }

  /** Returns the setting of rows that give none. */
  public Setting setting() {
    return setting;
  }

  /** Returns the place of service of rows that give no setting or place, if one was given. */
  public Optional<PlaceOfService> placeOfService() {
    return place < 0 ? Optional.empty() : Optional.of(PlaceOfService.of(place));
  }

  /** Returns the date of service of rows that give none. */
  public LocalDate date() {
    return date;
  }

  /** Returns the five digits of the beneficiary's ZIP code, given with {@link #withZip}, if any. */
  public Optional<String> beneficiaryZip() {
    return Optional.ofNullable(beneficiaryZip);
  }

  /** Returns who furnished the services of rows that do not say. */
  public PractitionerType practitioner() {
    return practitioner;
  }

  /** Tells whether the provider is a qualifying APM participant, for rows that do not say. */
  public boolean qualifyingApm() {
    return qualifyingApm;
  }

  /** Tells whether the provider participates in Medicare. */
  public boolean participating() {
    return participating;
  }

  /** Tells whether priced lines get their explanation too. */
  public boolean explainPriced() {
    return explainPriced;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PricingOptions o
        && locality == o.locality
        && setting == o.setting
        && place == o.place
        && date.equals(o.date)
        && Objects.equals(beneficiaryZip, o.beneficiaryZip)
        && practitioner == o.practitioner
        && qualifyingApm == o.qualifyingApm
        && participating == o.participating
        && explainPriced == o.explainPriced;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        locality,
        setting,
        place,
        date,
        beneficiaryZip,
        practitioner,
        qualifyingApm,
        participating,
        explainPriced);
  }

  @Override
  public String toString() {
    return "PricingOptions{locality="
        + locality().map(Locality::toString).orElse("none")
        + ", setting="
        + setting.words()
        + placeOfService().map(p -> ", pos=" + p).orElse("")
        + ", date="
        + date
        + beneficiaryZip().map(z -> ", beneficiaryZip=" + z).orElse("")
        + ", practitioner="
        + practitioner
        + ", qualifyingApm="
        + qualifyingApm
        + ", participating="
        + participating
        + ", explainPriced="
        + explainPriced
        + "}";
  }
}
