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
 * --setting}, or {@code --pos} resolved to one) and the date of service ({@code --date}). A batch
 * row with a ZIP code of its own and no locality is placed by its ZIP code only when the defaults'
 * locality is none or that of {@code --zip}: a locality given with {@code --locality} is where the
 * service was performed, and the row's ZIP code where the patient lives.
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
 * @param localityFromZip whether {@code locality} is only that of {@code beneficiaryZip} ({@code
 *     --zip} without {@code --locality}), so that a batch row's own ZIP code places the row in its
 *     stead; when false, a given locality is where the service was performed, and a row's ZIP code
 *     is only where its patient lives, as {@code --locality} with {@code --zip}
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
    Map<Npi, PractitionerType> providers,
    boolean localityFromZip) {

  /**
   * Checks that nothing is null, and that a locality from the ZIP code has the ZIP code, and copies
   * the providers.
   */
  public PricingDefaults {
    requireNonNull(locality, "locality");
    requireNonNull(setting, "setting");
    requireNonNull(date, "date");
    requireNonNull(beneficiaryZip, "beneficiaryZip");
    requireNonNull(practitioner, "practitioner");
    requireNonNull(place, "place");
    providers = Map.copyOf(requireNonNull(providers, "providers"));
    if (localityFromZip && beneficiaryZip.isEmpty()) {
      throw new IllegalArgumentException("a locality from the ZIP code needs the ZIP code");
    }
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
        Map.of(),
        false);
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
