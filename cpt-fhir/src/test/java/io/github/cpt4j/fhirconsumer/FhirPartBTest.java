package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ca.uhn.fhir.context.FhirContext;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.fhir.FhirMappingException;
import io.github.cpt4j.fhir.FhirResolver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * A FHIR claim of laboratory, equipment and physician lines, priced by the Part B claim pricer, its
 * equipment by where the patient lives.
 */
class FhirPartBTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final PricingContext MANHATTAN =
      PricingContext.of(
          LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY);

  private static final FhirClaimPricer PART_B =
      FhirClaimPricer.of(
          PartBClaimPricer.of(
              BundledData.partBFeeSchedule(),
              MedicareClaimPricer.of(BundledData.medicareFeeSchedule())));

  /** A bundle of a claim for an office visit, a metabolic panel and a walker, and its patient. */
  private static final String BUNDLE =
      """
      {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "https://example.org/fhir/Claim/dme-1", "resource": {
          "resourceType": "Claim", "id": "dme-1", "status": "active",
          "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type",
                               "code": "professional"}]},
          "use": "claim", "patient": {"reference": "Patient/p1"},
          "billablePeriod": {"start": "2025-03-14", "end": "2025-03-14"},
          "created": "2025-03-15", "insurer": {"reference": "Organization/medicare"},
          "provider": {"reference": "Practitioner/dr1"}, "priority": {"coding": [{"code": "normal"}]},
          "insurance": [{"sequence": 1, "focal": true, "coverage": {"reference": "Coverage/c1"}}],
          "item": [
            {"sequence": 1, "productOrService": {"coding": [
              {"system": "http://www.ama-assn.org/go/cpt", "code": "99213"}]}},
            {"sequence": 2, "productOrService": {"coding": [
              {"system": "http://www.ama-assn.org/go/cpt", "code": "80053"}]}},
            {"sequence": 3, "productOrService": {"coding": [
              {"system": "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "E0114"}]},
             "modifier": [{"coding": [{"code": "NU"}]}]}
          ]}},
        {"fullUrl": "https://example.org/fhir/Patient/p1", "resource": {
          "resourceType": "Patient", "id": "p1",
          "address": [
            {"use": "work", "postalCode": "10001"},
            {"use": "home", "type": "postal", "postalCode": "10002"},
            {"use": "old", "postalCode": "10003"},
            {"use": "home", "type": "physical", "postalCode": "90210-1234"}
          ]}}
      ]}
      """;

  private static Bundle bundle() {
    return FHIR.newJsonParser().parseResource(Bundle.class, BUNDLE);
  }

  private static org.hl7.fhir.r4.model.Claim claimOf(Bundle bundle) {
    return (org.hl7.fhir.r4.model.Claim) bundle.getEntryFirstRep().getResource();
  }

  private static BigDecimal eligible(ClaimResponse response, int item) {
    var adjudication = FhirTest.adjudication(response.getItem().get(item), "eligible");
    return adjudication.hasAmount() ? adjudication.getAmount().getValue() : null;
  }

  private static String reason(ClaimResponse response, int item) {
    return FhirTest.adjudication(response.getItem().get(item), "eligible")
        .getReason()
        .getCodingFirstRep()
        .getCode();
  }

  @Test
  void everyLineIsPricedByItsPartBScheduleAndTheWalkerWhereThePatientLives() {
    Bundle bundle = bundle();
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle);
    FhirResolver resolver = FhirResolver.of(bundle);
    assertEquals(Optional.of("90210"), FhirClaims.beneficiaryZip(claim, resolver));
    assertEquals(Optional.empty(), FhirClaims.beneficiaryZip(claim));

    ClaimResponse response = PART_B.withResolver(resolver).price(claim, MANHATTAN);
    ClaimResponse byContext =
        PART_B.price(claimOf(bundle()), MANHATTAN.withBeneficiaryZip("90210"));
    for (int item = 0; item < 3; item++) {
      assertEquals(eligible(byContext, item), eligible(response, item));
    }
    assertEquals(new BigDecimal("65.94"), eligible(response, 2));
    assertEquals(new BigDecimal("10.56"), eligible(response, 1));
    assertEquals(ClaimResponse.RemittanceOutcome.COMPLETE, response.getOutcome());
    // The response names the bundle's patient; it does not hold it.
    assertEquals("Patient/p1", response.getPatient().getReference());
    assertNull(response.getPatient().getResource());
  }

  @Test
  void withoutThePatientsAddressTheWalkerIsLeftUnpriced() {
    ClaimResponse response = PART_B.price(claimOf(bundle()), MANHATTAN);
    assertNull(eligible(response, 2));
    assertEquals(UnpricedReason.NO_BENEFICIARY_ZIP.name(), reason(response, 2));
    assertEquals(ClaimResponse.RemittanceOutcome.PARTIAL, response.getOutcome());
  }

  @Test
  void theContextsBeneficiaryZipWinsOverTheClaimsPatient() {
    Bundle bundle = bundle();
    ClaimResponse response =
        PART_B
            .withResolver(FhirResolver.of(bundle))
            .price(claimOf(bundle), MANHATTAN.withBeneficiaryZip("10001"));
    assertEquals(new BigDecimal("61.45"), eligible(response, 2));
  }

  @Test
  void aPatientOfTwoHomesSaysNothing() {
    Bundle bundle = bundle();
    Patient patient = (Patient) bundle.getEntry().get(1).getResource();
    patient.addAddress().setUse(Address.AddressUse.HOME).setPostalCode("99501");
    assertEquals(
        Optional.empty(), FhirClaims.beneficiaryZip(claimOf(bundle), FhirResolver.of(bundle)));
  }

  @Test
  void aContainedPatientsBadZipCodeIsRefusedOnlyWhenALineNeedsIt() {
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle());
    Patient patient = new Patient();
    patient.setId("pat");
    patient.addAddress().setPostalCode("9021");
    claim.addContained(patient);
    claim.setPatient(new Reference("#pat"));
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> PART_B.price(claim, MANHATTAN));
    assertEquals("Claim.contained[0].address[0].postalCode", e.path());

    // Without the walker, the address is not read: the claim is priced.
    claim.getItem().remove(2);
    assertEquals(new BigDecimal("10.56"), eligible(PART_B.price(claim, MANHATTAN), 1));
    // And the physician's pricer never reads it either: no line of its needs one.
    FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()))
        .price(claim, MANHATTAN);
  }
}
