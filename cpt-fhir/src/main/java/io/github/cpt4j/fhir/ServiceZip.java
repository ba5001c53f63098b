package io.github.cpt4j.fhir;

import io.github.cpt4j.code.CodeFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * else item 33's, the billing provider's, when that is where the service was). In FHIR R4 that is
 * each item's own location, else the claim's {@code facility}, else its billing {@code provider}.
 * See {@link FhirClaims#serviceZip}.
 */
final class ServiceZip {

  private ServiceZip() {}

  /** A five-digit ZIP code and the path of the {@code postalCode} it was read from. */
  record Found(String zip, String path) {}

  /** The claim's service ZIP code, checked to be one for every item; see the class comment. */
  static Optional<Found> of(Claim claim) {
    Found found = null;
    // Read once, and only when an item has no location of its own: a facility's address that no
    // item needs is not refused for its shape.
    Optional<Found> claimLevel = Optional.empty();
    boolean claimLevelRead = false;
    for (int i = 0; i < claim.getItem().size(); i++) {
      var item = claim.getItem().get(i);
      String path = "Claim.item[" + i + "]";
      Optional<Found> zip = Optional.empty();
      if (item.hasLocationAddress()) {
        zip = addressZip(item.getLocationAddress(), path + ".locationAddress");
      } else if (item.hasLocationReference()) {
        zip = locationZip(claim, item.getLocationReference(), path + ".locationReference");
      }
      if (zip.isEmpty()) {
        if (!claimLevelRead) {
          claimLevel = claimLevel(claim);
          claimLevelRead = true;
        }
        zip = claimLevel;
      }
      if (zip.isEmpty()) {
        continue;
      }
      if (found == null) {
        found = zip.get();
      } else if (!found.zip().equals(zip.get().zip())) {
        throw new FhirMappingException(
            zip.get().path(),
            "ZIP code "
                + zip.get().zip()
                + " differs from "
                + found.zip()
                + " at "
                + found.path()
                + ": a claim is priced in one payment locality, by the ZIP code of where its"
                + " services were furnished, so price the items of each ZIP code as separate"
                + " claims");
      }
    }
    return Optional.ofNullable(found);
  }

  /** The ZIP code of the claim's {@code facility}, else of its billing {@code provider}. */
  private static Optional<Found> claimLevel(Claim claim) {
    if (claim.hasFacility()) {
      Optional<Found> facility = locationZip(claim, claim.getFacility(), "Claim.facility");
      if (facility.isPresent()) {
        return facility;
      }
    }
    return claim.hasProvider() ? providerZip(claim) : Optional.empty();
  }

  /** The ZIP code of the contained {@code Location} a local reference names. */
  private static Optional<Found> locationZip(Claim claim, Reference reference, String path) {
    int c = contained(claim, reference, path, "Location");
    if (c < 0) {
      return Optional.empty();
    }
    Location location = (Location) claim.getContained().get(c);
    String at = "Claim.contained[" + c + "].address";
    return location.hasAddress() ? addressZip(location.getAddress(), at) : Optional.empty();
  }

  /**
   * The ZIP code of the billing provider's office: of the contained {@code Organization} or {@code
   * Practitioner} {@code Claim.provider} names, among its addresses that can be where a service is
   * furnished (not {@code old}, not a {@code billing} or {@code postal} address, which may be a
   * post office box). Addresses of two ZIP codes say nothing: which is the office is not for cpt4j
   * to guess.
   */
  private static Optional<Found> providerZip(Claim claim) {
    int c = contained(claim, claim.getProvider(), "Claim.provider", "Organization", "Practitioner");
    if (c < 0) {
      return Optional.empty();
    }
    Resource resource = claim.getContained().get(c);
    List<Address> addresses =
        resource instanceof Organization organization
            ? organization.getAddress()
            : ((Practitioner) resource).getAddress();
    String at = "Claim.contained[" + c + "].address";
    List<Found> zips = new ArrayList<>();
    for (int a = 0; a < addresses.size(); a++) {
      Address address = addresses.get(a);
      if (address.getUse() == Address.AddressUse.OLD
          || address.getUse() == Address.AddressUse.BILLING
          || address.getType() == Address.AddressType.POSTAL) {
        continue;
      }
      addressZip(address, at + "[" + a + "]").ifPresent(zips::add);
    }
    if (zips.isEmpty() || zips.stream().anyMatch(z -> !z.zip().equals(zips.get(0).zip()))) {
      return Optional.empty();
    }
    return Optional.of(zips.get(0));
  }

  /**
   * The index in {@code Claim.contained} of the resource a local reference ({@code #loc}) names,
   * which must be one of {@code types}; -1 for a reference to a resource outside the claim, which
   * cpt4j does not follow.
   */
  private static int contained(Claim claim, Reference reference, String path, String... types) {
    FhirClaims.requireValue(reference.getReferenceElement_(), path + ".reference");
    String target = reference.getReference();
    if (target == null || !target.startsWith("#")) {
      return -1;
    }
    String id = target.substring(1);
    int c = FhirClaims.containedIndex(claim, id);
    if (c < 0) {
      throw new FhirMappingException(
          path + ".reference",
          "the local reference '#" + id + "' names no resource the claim contains");
    }
    Resource resource = claim.getContained().get(c);
    if (!List.of(types).contains(resource.fhirType())) {
      throw new FhirMappingException(
          path + ".reference",
          "'#"
              + id
              + "' names a "
              + resource.fhirType()
              + ", where a "
              + String.join(" or ", types)
              + " is expected");
    }
    return c;
  }

  /** The ZIP code of an address, empty when it has no {@code postalCode}. */
  private static Optional<Found> addressZip(Address address, String path) {
    if (!address.hasPostalCode()) {
      return Optional.empty();
    }
    String at = path + ".postalCode";
    FhirClaims.requireValue(address.getPostalCodeElement(), at);
    return Optional.of(new Found(zip5(address.getPostalCode(), at), at));
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
