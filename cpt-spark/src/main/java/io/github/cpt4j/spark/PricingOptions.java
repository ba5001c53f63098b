package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.style.ValueStyle;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.immutables.value.Value;

/**
 * The options of {@code cpt price --input} that apply to every line: the defaults for blank cells
 * (locality, setting or place of service, date of service, the beneficiary's ZIP code, who
 * furnished the services, qualifying APM status, presence at induction), whether the provider
 * participates in Medicare, whether priced lines get their explanation too, and whether each line
 * gets its Medicare limiting charge. Immutable and serializable, so that it travels with the tasks.
 *
 * <pre>{@code
 * PricingOptions options = PricingOptions.of(LocalDate.of(2025, 6, 2))
 *     .withLocality(Locality.parse("13282-99"))
 *     .withSetting(Setting.FACILITY)
 *     .withPractitioner(PractitionerType.NURSE_PRACTITIONER);
 * }</pre>
 */
// Immutables writes the fields, equality, serialization and the withers of the independent
// options. The locality and the ZIP code, and the setting and the place of service, are set in
// pairs, so they are stored under names of their own, and their withers below are written out.
@ValueStyle
@Value.Immutable(copy = true)
public abstract class PricingOptions implements Serializable {

  private static final long serialVersionUID = 7L;

  /** Only Immutables' implementation extends this type. */
  PricingOptions() {}

  /**
   * Returns the options of a batch run with the default date of service {@code date}, no default
   * locality, the non-facility setting, services furnished by a physician who participates in
   * Medicare and is no qualifying APM participant, and explanations only for lines without an
   * amount: the defaults of {@code cpt price --input --date DATE}.
   *
   * @param date the date of service of the rows that give none
   * @return the options
   */
  public static PricingOptions of(LocalDate date) {
    return ImmutablePricingOptions.builder().date(date).build();
  }

  /** The packed locality, or -1 for none: {@link Locality} itself is not serializable. */
  @Value.Default
  int packedLocality() {
    return -1;
  }

  /**
   * Whether the locality is only that of the beneficiary's ZIP code ({@link #withZip}), so that a
   * row's own ZIP code places the row instead, as with {@code --zip} alone; a locality given as
   * such is where the service was performed, and a row's ZIP code only where its patient lives.
   */
  @Value.Default
  boolean localityFromZip() {
    return false;
  }

  /** The setting of rows that give none: the place's when {@link #placeCode} is one. */
  @Value.Default
  Setting defaultSetting() {
    return Setting.NON_FACILITY;
  }

  /** The place-of-service code, or -1 for none. */
  @Value.Default
  int placeCode() {
    return -1;
  }

  abstract PricingOptions withPackedLocality(int packedLocality);

  abstract PricingOptions withLocalityFromZip(boolean localityFromZip);

  abstract PricingOptions withDefaultSetting(Setting setting);

  abstract PricingOptions withPlaceCode(int placeCode);

  abstract PricingOptions withBeneficiaryZip(Optional<String> beneficiaryZip);

  abstract PricingOptions withProviderTypes(Map<String, ? extends PractitionerType> types);

  /**
   * Returns a copy whose rows without a locality are priced in {@code locality}, as {@code
   * --locality} does: a row's ZIP code is then only where its patient lives, for the DMEPOS fee
   * schedule.
   *
   * @param locality the payment locality of the rows that give none
   * @return the copy
   */
  public final PricingOptions withLocality(Locality locality) {
    return withPackedLocality(requireNonNull(locality, "locality").packed())
        .withLocalityFromZip(false)
        .withBeneficiaryZip(Optional.empty());
  }

  /**
   * Returns a copy whose rows without a locality or ZIP code are priced in the payment locality of
   * {@code zip} (five digits or ZIP+4), from the bundled ZIP-code table, as {@code --zip} does; as
   * there too, the ZIP code is also where the beneficiary lives, for the DMEPOS fee schedule.
   *
   * @param zip the ZIP code, five digits or ZIP+4
   * @return the copy
   * @throws IllegalArgumentException if the text is not a ZIP code, or the ZIP code is in no
   *     locality
   */
  public final PricingOptions withZip(String zip) {
    requireNonNull(zip, "zip");
    Locality found =
        BatchRules.localityOfZip(zip)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "ZIP code " + zip.strip() + " is in no Medicare payment locality"));
    return withPackedLocality(found.packed())
        .withLocalityFromZip(true)
        .withBeneficiaryZip(Optional.of(BatchRules.zipDigits(zip)));
  }

  /**
   * Returns a copy whose rows without a locality are priced in {@code locality}, for a beneficiary
   * living in {@code beneficiaryZip} (five digits or ZIP+4), by which the DMEPOS fee schedule
   * prices, as {@code --locality} and {@code --zip} given together do: the service in one place,
   * the patient from another. A row's own ZIP code is where its patient lives.
   *
   * @param locality the payment locality of the rows that give none
   * @param beneficiaryZip the ZIP code where the beneficiary lives, five digits or ZIP+4
   * @return the copy
   * @throws IllegalArgumentException if {@code beneficiaryZip} is not a ZIP code
   */
  public final PricingOptions withLocality(Locality locality, String beneficiaryZip) {
    requireNonNull(locality, "locality");
    requireNonNull(beneficiaryZip, "beneficiaryZip");
    return withPackedLocality(locality.packed())
        .withLocalityFromZip(false)
        .withBeneficiaryZip(Optional.of(BatchRules.zipDigits(beneficiaryZip)));
  }

  /**
   * Returns a copy whose rows without a setting or place of service are in {@code setting}, with no
   * place of service.
   *
   * @param setting the facility or non-facility setting
   * @return the copy
   */
  public final PricingOptions withSetting(Setting setting) {
    return withDefaultSetting(requireNonNull(setting, "setting")).withPlaceCode(-1);
  }

  /**
   * Returns a copy whose rows without a setting or place of service were furnished at {@code
   * place}, in its setting, as {@code --pos} does: the place also decides the rules that depend on
   * it (telehealth, the hospital outpatient imaging cap...).
   *
   * @param place the place of service, such as 11, an office
   * @return the copy
   */
  public final PricingOptions withPlaceOfService(PlaceOfService place) {
    requireNonNull(place, "place");
    return withDefaultSetting(place.setting()).withPlaceCode(place.code());
  }

  /**
   * {@return a copy whose rows without a date are priced on {@code date}}
   *
   * @param date the date of service of the rows that give none
   */
  public abstract PricingOptions withDate(LocalDate date);

  /**
   * Returns a copy whose rows without a practitioner type were furnished by {@code practitioner},
   * as {@code --practitioner} does: a non-physician practitioner is paid Medicare's share for the
   * type.
   *
   * @param practitioner the type of practitioner who furnished the rows' services
   * @return the copy
   */
  public abstract PricingOptions withPractitioner(PractitionerType practitioner);

  /**
   * Returns a copy whose rows of rendering provider {@code npi} without a practitioner type were
   * furnished by {@code type}, as {@code --practitioner NPI=TYPE} does: a group's nurse
   * practitioner beside its physicians. Replaces what an earlier call said of {@code npi}.
   *
   * @param npi the rendering provider's NPI, as the rows' {@code npi} cells give it
   * @param type the type of practitioner the provider is
   * @return the copy
   */
  public final PricingOptions withPractitioner(Npi npi, PractitionerType type) {
    requireNonNull(npi, "npi");
    requireNonNull(type, "type");
    Map<String, PractitionerType> types = new TreeMap<>(providerTypes());
    types.put(npi.toString(), type);
    return withProviderTypes(types);
  }

  /**
   * Returns a copy for a provider who is a qualifying APM participant or not, for rows that do not
   * say, as {@code --qualifying-apm} does: from 2026 they are paid with the higher conversion
   * factor.
   *
   * @param qualifyingApm true if the provider is a qualifying APM participant
   * @return the copy
   */
  public abstract PricingOptions withQualifyingApm(boolean qualifyingApm);

  /**
   * Returns a copy in which the physician medically supervising more than four anesthesia cases
   * (modifier AD) was present at the induction of each claim's session or not, for rows whose
   * {@code present_at_induction} cell is blank, as {@code --present-at-induction} does: the AD line
   * paid for the session gets one time unit more (Claims Processing Manual ch. 12 section 50.D).
   *
   * @param presentAtInduction true if the supervising physician was present at induction
   * @return the copy
   */
  public abstract PricingOptions withPresentAtInduction(boolean presentAtInduction);

  /**
   * {@return a copy for a participating provider or not (a non-participating one is paid 95%)}
   *
   * @param participating true if the provider participates in Medicare
   */
  public abstract PricingOptions withParticipating(boolean participating);

  /**
   * Returns a copy in which priced lines get their explanation too, as with {@code --explain}.
   * Writing how each amount was found costs more than finding it.
   *
   * @param explainPriced true if priced lines get their explanation
   * @return the copy
   */
  public abstract PricingOptions withExplainPriced(boolean explainPriced);

  /**
   * Returns a copy whose output has a {@code limiting_charge} column after {@code amount}, as
   * {@code cpt price --input --limiting-charge} does: each line's Medicare limiting charge after
   * the claim's rules (115% of the non-participating amount, 42 CFR 414.48(b): 109.25% of the
   * participating one), null when it has none (a priced line's explanation then starts with a
   * warning saying why). Each claim is then priced a second time, for its limiting charges.
   *
   * @param limitingCharges true if the output gets a {@code limiting_charge} column
   * @return the copy
   */
  public abstract PricingOptions withLimitingCharges(boolean limitingCharges);

  /** {@return the locality of rows that give none, if any} */
  public final Optional<Locality> locality() {
    return packedLocality() < 0
        ? Optional.empty()
        : Optional.of(Locality.ofPacked(packedLocality()));
  }

  /**
   * Returns the setting of rows that give none. With a {@linkplain #withPlaceOfService place of
   * service}, it is the place's setting today; each row is priced in the place's setting on its own
   * date (telehealth in the patient's home, {@code 10}, at the facility rate before 2024).
   *
   * @return the setting of rows that give none
   */
  public final Setting setting() {
    return defaultSetting();
  }

  /** {@return the place of service of rows that give no setting or place, if one was given} */
  public final Optional<PlaceOfService> placeOfService() {
    return placeCode() < 0 ? Optional.empty() : Optional.of(PlaceOfService.of(placeCode()));
  }

  /** {@return the date of service of rows that give none} */
  public abstract LocalDate date();

  /**
   * {@return the five digits of the beneficiary's ZIP code, given with {@link #withZip} or {@link
   * #withLocality(Locality, String)}, if any}
   */
  public abstract Optional<String> beneficiaryZip();

  /** {@return who furnished the services of rows that do not say} */
  @Value.Default
  public PractitionerType practitioner() {
    return PractitionerType.PHYSICIAN;
  }

  /**
   * The type of each rendering provider given one, by its NPI's ten digits: {@link Npi} is not
   * serializable (nor is {@code Map} as a declared type: hence Guava's map).
   */
  abstract ImmutableMap<String, PractitionerType> providerTypes();

  /**
   * Returns the practitioner type of each rendering provider given one by {@link
   * #withPractitioner(Npi, PractitionerType)}, in NPI order; empty by default.
   *
   * @return the practitioner type of each NPI given one, in NPI order; empty by default
   */
  public final SortedMap<Npi, PractitionerType> practitioners() {
    SortedMap<Npi, PractitionerType> types = new TreeMap<>();
    providerTypes().forEach((npi, type) -> types.put(Npi.parse(npi), type));
    return Collections.unmodifiableSortedMap(types);
  }

  /**
   * Tells whether the provider is a qualifying APM participant, for rows that do not say.
   *
   * @return true if the provider is a qualifying APM participant
   */
  @Value.Default
  public boolean qualifyingApm() {
    return false;
  }

  /**
   * Tells whether the AD supervisor was present at the induction of each claim's session, for rows
   * that do not say.
   *
   * @return true if the supervisor was present at induction
   */
  @Value.Default
  public boolean presentAtInduction() {
    return false;
  }

  /**
   * Tells whether the provider participates in Medicare.
   *
   * @return true if the provider participates
   */
  @Value.Default
  public boolean participating() {
    return true;
  }

  /**
   * Tells whether priced lines get their explanation too.
   *
   * @return true if priced lines get their explanation
   */
  @Value.Default
  public boolean explainPriced() {
    return false;
  }

  /**
   * Tells whether the output gives each line's limiting charge.
   *
   * @return true if the output has a {@code limiting_charge} column
   */
  @Value.Default
  public boolean limitingCharges() {
    return false;
  }

  @Override
  public String toString() {
    return "PricingOptions{locality="
        + locality().map(Locality::toString).orElse("none")
        + (localityFromZip() ? " (of the ZIP code)" : "")
        + ", setting="
        + setting().words()
        + placeOfService().map(p -> ", pos=" + p).orElse("")
        + ", date="
        + date()
        + beneficiaryZip().map(z -> ", beneficiaryZip=" + z).orElse("")
        + ", practitioner="
        + practitioner()
        + (providerTypes().isEmpty() ? "" : ", practitioners=" + practitioners())
        + ", qualifyingApm="
        + qualifyingApm()
        + ", presentAtInduction="
        + presentAtInduction()
        + ", participating="
        + participating()
        + ", explainPriced="
        + explainPriced()
        + ", limitingCharges="
        + limitingCharges()
        + "}";
  }
}
