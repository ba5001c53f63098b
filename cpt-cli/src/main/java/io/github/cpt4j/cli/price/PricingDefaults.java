package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The context options of {@code cpt price}, which apply to every line that does not say otherwise:
 * the locality ({@code --locality}, or {@code --zip} resolved to one), the setting ({@code
 * --setting}, or {@code --pos} resolved to one) and the date of service ({@code --date}).
 *
 * @param locality where services were performed, if given
 * @param setting the setting; non-facility unless given
 * @param date the date of service
 * @param beneficiaryZip where the patient lives ({@code --zip}), for the DMEPOS fee schedule
 * @param practitioner who furnished the services ({@code --practitioner}); physician by default
 * @param qualifyingApm whether the provider is a qualifying APM participant ({@code
 *     --qualifying-apm})
 * @param place the place of service ({@code --pos}), when given
 * @param presentAtInduction whether the physician supervising AD anesthesia was present at the
 *     induction of each claim's session ({@code --present-at-induction}), for batch rows whose
 *     {@code present_at_induction} cell is blank
 * @param providers who furnished the lines of each rendering provider given a type of its own
 *     ({@code --practitioner NPI=TYPE}), in place of {@code practitioner}
 */
public record PricingDefaults(
    Optional<Locality> locality,
    Setting setting,
    LocalDate date,
    Optional<String> beneficiaryZip,
    PractitionerType practitioner,
    boolean qualifyingApm,
    Optional<PlaceOfService> place,
    boolean presentAtInduction,
    Map<Npi, PractitionerType> providers) {

  /** Checks that nothing is null, and copies the providers. */
  public PricingDefaults {
    requireNonNull(locality, "locality");
    requireNonNull(setting, "setting");
    requireNonNull(date, "date");
    requireNonNull(beneficiaryZip, "beneficiaryZip");
    requireNonNull(practitioner, "practitioner");
    requireNonNull(place, "place");
    providers = Map.copyOf(requireNonNull(providers, "providers"));
  }

  /** The defaults without a place of service or presence at induction. */
  public PricingDefaults(
      Optional<Locality> locality,
      Setting setting,
      LocalDate date,
      Optional<String> beneficiaryZip,
      PractitionerType practitioner,
      boolean qualifyingApm) {
    this(
        locality,
        setting,
        date,
        beneficiaryZip,
        practitioner,
        qualifyingApm,
        Optional.empty(),
        false,
        Map.of());
  }

  /** The defaults of a provider who is no qualifying APM participant. */
  public PricingDefaults(
      Optional<Locality> locality,
      Setting setting,
      LocalDate date,
      Optional<String> beneficiaryZip,
      PractitionerType practitioner) {
    this(locality, setting, date, beneficiaryZip, practitioner, false);
  }

  /** The defaults for services furnished by a physician. */
  public PricingDefaults(
      Optional<Locality> locality,
      Setting setting,
      LocalDate date,
      Optional<String> beneficiaryZip) {
    this(locality, setting, date, beneficiaryZip, PractitionerType.PHYSICIAN);
  }

  /** The defaults without a beneficiary ZIP code. */
  public PricingDefaults(Optional<Locality> locality, Setting setting, LocalDate date) {
    this(locality, setting, date, Optional.empty(), PractitionerType.PHYSICIAN, false);
  }

  /**
   * Returns who furnished a line of rendering provider {@code provider} that does not say: the
   * provider's own type when given one, else {@link #practitioner()}.
   */
  public PractitionerType practitionerOf(Optional<Npi> provider) {
    if (providers.isEmpty() || provider.isEmpty()) {
      return practitioner; // The batch's usual case, every row: no lookup.
    }
    return providers.getOrDefault(provider.get(), practitioner);
  }
}
