package io.github.cpt4j.fhir;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The ZIP code of where a claim's services were furnished, which Medicare finds the payment
 * locality by (Claims Processing Manual, Pub. 100-04, ch. 1 §10.1.1: the locality is that of the
 * ZIP code where the service was furnished; ch. 26 §10.4, item 32: the service facility's address,
 * and item 33, the billing provider's, which is the office a service at that office was furnished
 * in). In FHIR R4 that is each item's own location, else the claim's {@code facility}, else, for a
 * claim at the office or of no place of service, its billing {@code provider}'s office. See {@link
 * FhirClaims#serviceZip}.
 */
final class ServiceZip {

  private ServiceZip() {}

  /** A five-digit ZIP code and the path of the {@code postalCode} it was read from. */
  record Found(String zip, String path) {}

  /**
   * The claim's service ZIP code, checked to be one for every item: see {@link
   * FhirClaims#serviceZip}. A location that is named but whose ZIP code cannot be read (a reference
   * outside the claim, an address without a postal code) leaves the claim's ZIP code unknown,
   * rather than letting a less precise source (the facility for an item, the office for the claim)
   * stand for it.
   */
  static Optional<Found> of(Claim claim, References references) {
    Found found = null;
    boolean unknown = false;
    int firstWithoutOwn = -1;
    List<Claim.ItemComponent> items = FhirClaims.withoutNulls(claim.getItem(), "Claim.item");
    for (int i = 0; i < items.size(); i++) {
      var item = items.get(i);
      String path = "Claim.item[" + i + "]";
      Optional<Found> own;
      if (item.hasLocationAddress()) {
        own = addressZip(item.getLocationAddress(), path + ".locationAddress");
      } else if (item.hasLocationReference()) {
        own = locationZip(references, item.getLocationReference(), path + ".locationReference");
      } else {
        // A place of service coding, or nothing: the item is at the claim's facility, or where
        // the other items are.
        if (firstWithoutOwn < 0) {
          firstWithoutOwn = i;
        }
        continue;
      }
      if (own.isEmpty()) {
        unknown = true;
      } else {
        found = same(found, own.get(), "");
      }
    }
    if (firstWithoutOwn >= 0 && claim.hasFacility()) {
      Optional<Found> facility = locationZip(references, claim.getFacility(), "Claim.facility");
      if (facility.isEmpty()) {
        unknown = true;
      } else {
        found =
            same(
                found,
                facility.get(),
                ", the facility of Claim.item["
                    + firstWithoutOwn
                    + "], which has no location of its own,");
      }
    }
    if (unknown) {
      return Optional.empty();
    }
    if (found == null && firstWithoutOwn >= 0 && claim.hasProvider() && atTheOffice(claim)) {
      return providerZip(claim, references);
    }
    return Optional.ofNullable(found);
  }

  /** {@code next} when it is the first ZIP code found, else {@code found} if they agree. */
  private static Found same(Found found, Found next, String whose) {
    if (found == null || found.zip().equals(next.zip())) {
      return found == null ? next : found;
    }
    throw new FhirMappingException(
        next.path(),
        "ZIP code "
            + next.zip()
            + whose
            + " differs from "
            + found.zip()
            + " at "
            + found.path()
            + ": a claim is priced in one payment locality, by the ZIP code of where its services"
            + " were furnished, so price the items of each ZIP code as separate claims");
  }

  /**
   * Tells whether the claim's services may have been furnished at its billing provider's office:
   * its place of service is the office (11), or it has none. Elsewhere, at the patient's home (12)
   * for one, the service location is item 32's, never the office's (CMS Change Request 6947).
   */
  private static boolean atTheOffice(Claim claim) {
    return FhirClaims.placeOfService(claim)
        .map(place -> place.equals(PlaceOfService.OFFICE))
        .orElse(true);
  }

  /** The ZIP code of the {@code Location} a reference names: contained, or resolved. */
  private static Optional<Found> locationZip(
      References references, Reference reference, String path) {
    Optional<References.Target> target = references.target(reference, path, List.of("Location"));
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Location location = (Location) target.get().resource();
    return location.hasAddress()
        ? addressZip(location.getAddress(), target.get().path() + ".address")
        : Optional.empty();
  }

  /**
   * The ZIP code of the billing provider's office: of the {@code Organization} or {@code
   * Practitioner} {@code Claim.provider} names (a {@code PractitionerRole} says nothing), among its
   * addresses that can be where a service is furnished (not {@code old}, not a {@code billing} or
   * {@code postal} address, which may be a post office box, nor one abroad). Addresses of two ZIP
   * codes say nothing: which is the office is not for cpt4j to guess.
   */
  private static Optional<Found> providerZip(Claim claim, References references) {
    Optional<References.Target> target =
        references.target(
            claim.getProvider(),
            "Claim.provider",
            List.of("Practitioner", "PractitionerRole", "Organization"));
    // A role's address is that of its locations, more than one reference away: not followed.
    if (target.isEmpty() || target.get().resource().fhirType().equals("PractitionerRole")) {
      return Optional.empty();
    }
    Resource resource = target.get().resource();
    String at = target.get().path() + ".address";
    List<Address> addresses =
        FhirClaims.withoutNulls(
            resource instanceof Organization organization
                ? organization.getAddress()
                : ((Practitioner) resource).getAddress(),
            at);
    List<Found> zips = new ArrayList<>();
    for (int a = 0; a < addresses.size(); a++) {
      Address address = addresses.get(a);
      // An office abroad is not where a service billed to Medicare was furnished: skipped, as
      // the patient's addresses abroad are, where an item's or a facility's own is refused.
      if (address.getUse() == Address.AddressUse.OLD
          || address.getUse() == Address.AddressUse.BILLING
          || address.getType() == Address.AddressType.POSTAL
          || !inUnitedStates(address.getCountry())) {
        continue;
      }
      addressZip(address, at + "[" + a + "]").ifPresent(zips::add);
    }
    return onlyZip(zips);
  }

  /**
   * The one ZIP code of {@code zips}, the addresses of one resource that may be the place sought;
   * empty for none, and for two different ones: which is meant is not for cpt4j to guess.
   */
  static Optional<Found> onlyZip(List<Found> zips) {
    if (zips.isEmpty() || zips.stream().anyMatch(z -> !z.zip().equals(zips.get(0).zip()))) {
      return Optional.empty();
    }
    return Optional.of(zips.get(0));
  }

  /**
   * The ZIP code of an address, empty when it has no {@code postalCode}. An address whose {@code
   * country} is not the United States or a territory ({@code CA}, {@code DE}) is refused at its
   * country: its postal code is no ZIP code, though Germany's {@code 10115} is shaped as one, and
   * Medicare's localities are US ZIP codes' (Pub. 100-04, ch. 1 §10.1.1).
   */
  static Optional<Found> addressZip(Address address, String path) {
    if (!inUnitedStates(address.getCountry())) {
      throw new FhirMappingException(
          path + ".country",
          "the address is in "
              + CodeFormatException.quote(address.getCountry())
              + ", and a payment locality is found by a US ZIP code: the country of an address"
              + " read for one is absent, or the United States or a territory (US, USA, United"
              + " States, PR, VI, GU, AS, MP, or a territory's name)");
    }
    if (!address.hasPostalCode()) {
      return Optional.empty();
    }
    String at = path + ".postalCode";
    FhirClaims.requireValue(address.getPostalCodeElement(), at);
    return Optional.of(new Found(zip5(address.getPostalCode(), at), at));
  }

  /**
   * The countries of US ZIP codes, as an address's {@code country} may write them (ISO 3166 codes
   * of two and three letters and the numeric one, or the name; upper case, without dots, single
   * spaces): the United States and its territories.
   */
  private static final Set<String> US =
      Set.of(
          "US",
          "USA",
          "840",
          "UNITED STATES",
          "UNITED STATES OF AMERICA",
          "PR",
          "PRI",
          "630",
          "PUERTO RICO",
          "VI",
          "VIR",
          "850",
          "GU",
          "GUM",
          "316",
          "AS",
          "ASM",
          "016",
          "MP",
          "MNP",
          "580",
          "VIRGIN ISLANDS",
          "US VIRGIN ISLANDS",
          "UNITED STATES VIRGIN ISLANDS",
          "VIRGIN ISLANDS, US",
          "VIRGIN ISLANDS (US)",
          "VIRGIN ISLANDS OF THE UNITED STATES",
          "GUAM",
          "AMERICAN SAMOA",
          "NORTHERN MARIANA ISLANDS",
          "COMMONWEALTH OF THE NORTHERN MARIANA ISLANDS");

  /**
   * Whether an address of {@code country} (as written, null when not given) can have a ZIP code:
   * none given, or the United States or a territory in any of its usual spellings ({@code U.S.A.},
   * {@code united states}).
   */
  static boolean inUnitedStates(String country) {
    if (country == null || country.isBlank()) {
      return true;
    }
    String normal =
        country.replace(".", "").strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    return US.contains(normal);
  }

  /**
   * The five-digit ZIP code of a postal code of five digits, or of nine as ZIP+4 ({@code
   * 14620-1234} or {@code 146201234}). The four digits are dropped: CMS's ZIP+4 file, which prices
   * the few ZIP codes it splits between localities, is not one cpt4j reads, and its ZIP5 file
   * places such a code in one locality.
   */
  static String zip5(String postalCode, String path) {
    int n = postalCode.length();
    boolean zip =
        (n == 5 && digits(postalCode, 0, 5))
            || (n == 9 && digits(postalCode, 0, 9))
            || (n == 10
                && digits(postalCode, 0, 5)
                && postalCode.charAt(5) == '-'
                && digits(postalCode, 6, 10));
    if (!zip) {
      throw new FhirMappingException(
          path,
          "a US ZIP code is five digits, or nine as ZIP+4 (14620-1234), not "
              + CodeFormatException.quote(postalCode));
    }
    return postalCode.substring(0, 5);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
