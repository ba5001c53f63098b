package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.fhir.FhirCodings;
import io.github.cpt4j.fhir.FhirMappingException;
import io.github.cpt4j.fhir.FhirResolver;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A claim built in code can hold a null in a HAPI list ({@code claim.getItem().add(null)}), which
 * HAPI's parser never makes: each is refused with a {@link FhirMappingException} at its path, where
 * it was a {@code NullPointerException} from deep inside the mapping or HAPI.
 */
class FhirNullElementsTest {

  /** One context for every test: building it is the slow part of HAPI FHIR. */
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final FhirClaimPricer PRICER =
      FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));

  private static final PricingContext ROCHESTER =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY);

  private static final String CPT = "\"system\":\"http://www.ama-assn.org/go/cpt\"";

  /**
   * An office visit with a modifier, a place of service and a care team entry naming the contained
   * practitioner {@code #dr} (an NPI and a nurse practitioner's taxonomy code), billed by the
   * contained organization {@code #office} for the contained patient {@code #pat}.
   */
  private static final String JSON =
      "{\"resourceType\":\"Claim\",\"status\":\"active\",\"use\":\"claim\","
          + "\"contained\":["
          + "{\"resourceType\":\"Practitioner\",\"id\":\"dr\",\"identifier\":[{\"system\":"
          + "\"http://hl7.org/fhir/sid/us-npi\",\"value\":\"1234567893\"}]},"
          + "{\"resourceType\":\"Patient\",\"id\":\"pat\","
          + "\"address\":[{\"postalCode\":\"14620\"}]},"
          + "{\"resourceType\":\"Organization\",\"id\":\"office\","
          + "\"address\":[{\"postalCode\":\"14620\"}]}],"
          + "\"type\":{\"coding\":[{\"system\":"
          + "\"http://terminology.hl7.org/CodeSystem/claim-type\",\"code\":\"professional\"}]},"
          + "\"patient\":{\"reference\":\"#pat\"},"
          + "\"insurer\":{\"reference\":\"Organization/medicare\"},"
          + "\"provider\":{\"reference\":\"#office\"},"
          + "\"careTeam\":[{\"sequence\":1,\"provider\":{\"reference\":\"#dr\"},"
          + "\"role\":{\"coding\":[{\"system\":"
          + "\"http://terminology.hl7.org/CodeSystem/claimcareteamrole\",\"code\":\"primary\"}]},"
          + "\"qualification\":{\"coding\":[{\"system\":\"http://nucc.org/provider-taxonomy\","
          + "\"code\":\"363L00000X\"}]}}],"
          + "\"item\":[{\"sequence\":1,\"careTeamSequence\":[1],"
          + "\"productOrService\":{\"coding\":[{"
          + CPT
          + ",\"code\":\"99213\"}]},"
          + "\"modifier\":[{\"coding\":[{"
          + CPT
          + ",\"code\":\"25\"}]}],"
          + "\"locationCodeableConcept\":{\"coding\":[{\"system\":"
          + "\"https://www.cms.gov/Medicare/Coding/place-of-service-codes/"
          + "Place_of_Service_Code_Set\","
          + "\"code\":\"11\"}]},"
          + "\"servicedDate\":\"2025-06-02\"}]}";

  private static Claim claim() {
    return FHIR.newJsonParser().parseResource(Claim.class, JSON);
  }

  private static Claim.ItemComponent item(Claim claim) {
    return claim.getItem().get(0);
  }

  /** Asserts that {@code reading} is refused at {@code path} as a null, not with an NPE. */
  private static void refusedAt(String path, Executable reading) {
    FhirMappingException e = assertThrows(FhirMappingException.class, reading);
    assertEquals(path, e.path());
    assertTrue(e.getMessage().contains("null"), e.getMessage());
  }

  @Test
  void theClaimAsBuiltIsRead() {
    // The base claim reads and prices: each test below adds one null to it.
    Claim claim = claim();
    assertEquals(1, FhirClaims.toClaim(claim).size());
    assertEquals(1, FhirClaims.practitioners(claim).size());
    assertEquals("14620", FhirClaims.serviceZip(claim).orElseThrow());
    assertEquals("14620", FhirClaims.beneficiaryZip(claim, LocalDate.of(2025, 6, 2)).orElseThrow());
    assertEquals(1, PRICER.price(claim, ROCHESTER).getItem().size());
  }

  @Test
  void aNullItem() {
    Claim claim = claim();
    claim.getItem().add(null);
    refusedAt("Claim.item[1]", () -> FhirClaims.toClaim(claim));
    refusedAt("Claim.item[1]", () -> FhirClaims.placeOfService(claim));
    refusedAt("Claim.item[1]", () -> FhirClaims.serviceZip(claim));
  }

  @Test
  void aNullModifier() {
    Claim claim = claim();
    item(claim).getModifier().add(0, null);
    refusedAt("Claim.item[0].modifier[0]", () -> FhirClaims.toClaim(claim));
  }

  @Test
  void aNullCodingOfAModifier() {
    Claim claim = claim();
    item(claim).getModifier().get(0).getCoding().add(0, null);
    refusedAt("Claim.item[0].modifier[0].coding[0]", () -> FhirClaims.toClaim(claim));
  }

  @Test
  void aNullCodingOfTheProcedure() {
    // It was skipped as no CPT coding, and the code read from the next: a null is refused.
    Claim claim = claim();
    item(claim).getProductOrService().getCoding().add(0, null);
    refusedAt("Claim.item[0].productOrService.coding[0]", () -> FhirClaims.toClaim(claim));
    refusedAt(
        "Claim.item[0].productOrService.coding[0]",
        () ->
            FhirCodings.fromConcept(
                item(claim).getProductOrService(), "Claim.item[0].productOrService"));
    // The public lookup, which has no path, names its argument.
    refusedAt(
        "concept.coding[0]", () -> FhirCodings.procedureCoding(item(claim).getProductOrService()));
  }

  @Test
  void aNullCodingOfThePlaceOfService() {
    Claim claim = claim();
    item(claim).getLocationCodeableConcept().getCoding().add(0, null);
    refusedAt(
        "Claim.item[0].locationCodeableConcept.coding[0]", () -> FhirClaims.placeOfService(claim));
  }

  @Test
  void aNullDetail() {
    Claim claim = claim();
    item(claim).getDetail().add(null);
    refusedAt("Claim.item[0].detail[0]", () -> FhirClaims.toClaim(claim));
  }

  @Test
  void aNullModifierExtension() {
    Claim claim = claim();
    claim.getModifierExtension().add(null);
    refusedAt("Claim.modifierExtension[0]", () -> FhirClaims.toClaim(claim));
    Claim other = claim();
    item(other).getModifierExtension().add(null);
    refusedAt("Claim.item[0].modifierExtension[0]", () -> FhirClaims.toClaim(other));
  }

  @Test
  void aNullCareTeamSequence() {
    Claim claim = claim();
    item(claim).getCareTeamSequence().add(null);
    refusedAt("Claim.item[0].careTeamSequence[1]", () -> FhirClaims.toClaim(claim));
  }

  @Test
  void aNullCareTeamEntry() {
    Claim claim = claim();
    claim.getCareTeam().add(null);
    refusedAt("Claim.careTeam[1]", () -> FhirClaims.toClaim(claim));
    refusedAt("Claim.careTeam[1]", () -> FhirClaims.practitioners(claim));
    refusedAt("Claim.careTeam[1]", () -> FhirClaims.practitioner(claim));
  }

  @Test
  void aNullCodingOfACareTeamRole() {
    Claim claim = claim();
    claim.getCareTeam().get(0).getRole().getCoding().add(0, null);
    refusedAt("Claim.careTeam[0].role.coding[0]", () -> FhirClaims.toClaim(claim));
  }

  @Test
  void aNullCodingOfAQualification() {
    Claim claim = claim();
    claim.getCareTeam().get(0).getQualification().getCoding().add(0, null);
    refusedAt("Claim.careTeam[0].qualification.coding[0]", () -> FhirClaims.practitioners(claim));
  }

  @Test
  void aNullContainedResource() {
    Claim claim = claim();
    claim.getContained().add(0, null);
    refusedAt("Claim.contained[0]", () -> FhirClaims.toClaim(claim));
  }

  @Test
  void aNullIdentifierOfAContainedPractitioner() {
    Claim claim = claim();
    ((Practitioner) claim.getContained().get(0)).getIdentifier().add(0, null);
    refusedAt("Claim.contained[0].identifier[0]", () -> FhirClaims.toClaim(claim));
  }

  @Test
  void aNullQualificationOfAContainedPractitioner() {
    // The entry's own qualification says nothing, so the practitioner's is read.
    Claim claim = claim();
    claim.getCareTeam().get(0).setQualification(null);
    ((Practitioner) claim.getContained().get(0)).getQualification().add(null);
    refusedAt("Claim.contained[0].qualification[0]", () -> FhirClaims.practitioners(claim));
  }

  @Test
  void aNullSpecialtyOfAContainedPractitionerRole() {
    Claim claim = claim();
    claim.getCareTeam().get(0).setQualification(null);
    PractitionerRole role = new PractitionerRole();
    role.setId("role");
    role.getSpecialty().add(null);
    claim.addContained(role);
    claim.getCareTeam().get(0).getProvider().setReference("#role");
    refusedAt("Claim.contained[3].specialty[0]", () -> FhirClaims.practitioners(claim));
  }

  @Test
  void aNullAddressOfThePatient() {
    Claim claim = claim();
    ((Patient) claim.getContained().get(1)).getAddress().add(null);
    refusedAt(
        "Claim.contained[1].address[1]",
        () -> FhirClaims.beneficiaryZip(claim, LocalDate.of(2025, 6, 2)));
  }

  @Test
  void aNullAddressOfTheBillingProvider() {
    Claim claim = claim();
    ((Organization) claim.getContained().get(2)).getAddress().add(0, null);
    refusedAt("Claim.contained[2].address[0]", () -> FhirClaims.serviceZip(claim));
  }

  @Test
  void aNullCodingOfTheClaimType() {
    Claim claim = claim();
    claim.getType().getCoding().add(0, null);
    refusedAt("Claim.type.coding[0]", () -> PRICER.price(claim, ROCHESTER));
  }

  @Test
  void aNullExtensionOfACopiedReference() {
    // HAPI's copy() of the patient reference, for the response, failed inside.
    Claim claim = claim();
    claim.getPatient().getExtension().add(null);
    refusedAt("Claim.patient.extension[0]", () -> PRICER.price(claim, ROCHESTER));
  }

  @Test
  void aNullInsideAContainedResourceTheResponseCopies() {
    Claim claim = claim();
    ((Patient) claim.getContained().get(1)).getName().add(null);
    refusedAt("Claim.contained[1].name[0]", () -> PRICER.price(claim, ROCHESTER));
  }

  @Test
  void aNullInsideTheDefaultInsurer() {
    // HAPI's copy() of it failed inside; the caller's argument is named by its name.
    Reference insurer = new Reference("Organization/medicare");
    insurer.getIdentifier().getType().getCoding().add(null);
    refusedAt("insurer.identifier.type.coding[0]", () -> PRICER.withDefaultInsurer(insurer));
  }

  /**
   * A contained resource the response copies is walked once, its copy for nulls and references
   * together, where the claim's own was walked for nulls and then the copy for references; a null
   * in it is still found, once, at its path.
   */
  @Test
  void aContainedResourceTheResponseCopiesIsWalkedOnce() {
    AtomicInteger walks = new AtomicInteger();
    Claim claim = claim();
    CountingPatient patient = new CountingPatient(walks);
    ((Patient) claim.getContained().get(1)).copyValues(patient);
    claim.getContained().set(1, patient);
    assertEquals(1, PRICER.price(claim, ROCHESTER).getContained().size());
    assertEquals(1, walks.get());
    walks.set(0);
    patient.getName().add(null);
    refusedAt("Claim.contained[1].name[0]", () -> PRICER.price(claim, ROCHESTER));
    assertEquals(1, walks.get());
  }

  /** A patient that counts the walks of itself and of its copies: each lists its children once. */
  private static final class CountingPatient extends Patient {

    private static final long serialVersionUID = 1L;

    private final AtomicInteger walks;

    CountingPatient(AtomicInteger walks) {
      this.walks = walks;
    }

    @Override
    protected void listChildren(List<Property> children) {
      walks.incrementAndGet();
      super.listChildren(children);
    }

    @Override
    public CountingPatient copy() {
      CountingPatient copy = new CountingPatient(walks);
      copyValues(copy);
      return copy;
    }
  }

  @Test
  void aNullIdentifierOfAClaimWithoutAnId() {
    // The response refers to such a claim by its first identifier.
    Claim claim = claim();
    claim.getIdentifier().add(null);
    refusedAt("Claim.identifier[0]", () -> PRICER.price(claim, ROCHESTER));
  }

  @Test
  void aNullEntryOfABundle() {
    Bundle bundle = new Bundle();
    bundle.addEntry().setFullUrl("urn:uuid:1").setResource(claim());
    bundle.getEntry().add(null);
    refusedAt("Bundle.entry[1]", () -> FhirResolver.of(bundle));
  }

  @Test
  void aNullInsideAResourceOfABundle() {
    Bundle bundle = new Bundle();
    Claim claim = claim();
    item(claim).getModifier().get(0).getCoding().get(0).getExtension().add(null);
    bundle.addEntry().setFullUrl("urn:uuid:1").setResource(claim);
    refusedAt(
        "Bundle.entry[0].resource.item[0].modifier[0].coding[0].extension[0]",
        () -> FhirResolver.of(bundle));
  }
}
