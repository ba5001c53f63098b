package io.github.cpt4j.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Patient;

/**
 * The ZIP code where a claim's patient lives, which prices DMEPOS items: the fee schedule amount of
 * the beneficiary's state of residence, and its rural or non-rural column (Claims Processing
 * Manual, Pub. 100-04, ch. 20 §20.2, Locality). See {@link FhirClaims#beneficiaryZip}.
 */
final class BeneficiaryZip {

  private BeneficiaryZip() {}

  /**
   * The ZIP code of the {@code Patient} {@code Claim.patient} names (contained, or found by the
   * resolver), among its addresses that are where the patient lives: of {@code use} home or none
   * (not work, temporary, old or billing) and not a {@code postal} address alone (a post office
   * box). Addresses of two ZIP codes say nothing: which is the residence is not for cpt4j to guess.
   */
  static Optional<ServiceZip.Found> of(Claim claim, References references) {
    if (!claim.hasPatient()) {
      return Optional.empty();
    }
    Optional<References.Target> target =
        references.target(claim.getPatient(), "Claim.patient", List.of("Patient"));
    if (target.isEmpty()) {
      return Optional.empty();
    }
    List<Address> addresses = ((Patient) target.get().resource()).getAddress();
    List<ServiceZip.Found> zips = new ArrayList<>();
    for (int a = 0; a < addresses.size(); a++) {
      Address address = addresses.get(a);
      boolean home = !address.hasUse() || address.getUse() == Address.AddressUse.HOME;
      if (!home || address.getType() == Address.AddressType.POSTAL) {
        continue;
      }
      ServiceZip.addressZip(address, target.get().path() + ".address[" + a + "]")
          .ifPresent(zips::add);
    }
    if (zips.isEmpty() || zips.stream().anyMatch(z -> !z.zip().equals(zips.get(0).zip()))) {
      return Optional.empty();
    }
    return Optional.of(zips.get(0));
  }
}
