package io.github.cpt4j.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;

/**
 * The ZIP code where a claim's patient lives, which prices DMEPOS items: the fee schedule amount of
 * the beneficiary's state of residence, and its rural or non-rural column (42 CFR 414 subpart D;
 * Claims Processing Manual, Pub. 100-04, ch. 20 §20.2, Locality). See {@link
 * FhirClaims#beneficiaryZip}.
 */
final class BeneficiaryZip {

  private BeneficiaryZip() {}

  /**
   * The ZIP code of the {@code Patient} {@code Claim.patient} names (contained, or found by the
   * resolver), among its addresses that are where the patient lives on {@code date}: of {@code use}
   * home or none (not work, temporary, old or billing), not a {@code postal} address alone (a post
   * office box), in the United States (no {@code country}, or a US one: an address abroad has no
   * ZIP code), and whose {@code period}, if any, holds the date. Addresses of two ZIP codes say
   * nothing: which is the residence is not for cpt4j to guess.
   */
  static Optional<ServiceZip.Found> of(Claim claim, References references, LocalDate date) {
    if (!claim.hasPatient()) {
      return Optional.empty();
    }
    Optional<References.Target> target =
        references.target(claim.getPatient(), "Claim.patient", List.of("Patient"));
    if (target.isEmpty()) {
      return Optional.empty();
    }
    Patient patient = (Patient) target.get().resource();
    // Before hasAddress(), which fails inside on a null address.
    List<Address> addresses =
        FhirClaims.withoutNulls(patient.getAddress(), target.get().path(), "address");
    if (!patient.hasAddress()) {
      return Optional.empty();
    }
    List<ServiceZip.Found> zips = new ArrayList<>();
    for (int a = 0; a < addresses.size(); a++) {
      Address address = addresses.get(a);
      boolean home = !address.hasUse() || address.getUse() == Address.AddressUse.HOME;
      if (!home
          || address.getType() == Address.AddressType.POSTAL
          || !ServiceZip.inUnitedStates(address.getCountry())
          || address.hasPeriod()
              && !holds(
                  address.getPeriod(), date, target.get().path() + ".address[" + a + "].period")) {
        continue;
      }
      ServiceZip.addressZip(address, target.get().path() + ".address[" + a + "]")
          .ifPresent(zips::add);
    }
    return ServiceZip.onlyZip(zips);
  }

  /**
   * Whether {@code period}, at {@code path}, holds {@code date}: a bound it lacks does not exclude
   * it, and a bound of a year or a month holds its every day.
   */
  private static boolean holds(Period period, LocalDate date, String path) {
    String start = FhirClaims.bound(FhirClaims.startOf(period), path + ".start");
    String end = FhirClaims.bound(FhirClaims.endOf(period), path + ".end");
    return (start == null || !FhirClaims.before(date, start))
        && (end == null || !FhirClaims.after(date, end));
  }
}
