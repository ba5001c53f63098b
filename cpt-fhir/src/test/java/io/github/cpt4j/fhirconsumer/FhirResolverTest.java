package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.fhir.FhirCodeSystems;
import io.github.cpt4j.fhir.FhirMappingException;
import io.github.cpt4j.fhir.FhirResolver;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * References outside the claim, followed through a {@link FhirResolver}: the Bundle the claim came
 * in, or the caller's store.
 */
class FhirResolverTest {

  private static final String NP = "1234567893";

  private static final PricingContext ROCHESTER =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY);

  private static final FhirClaimPricer PRICER =
      FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));

  private static Identifier npi(String value) {
    return new Identifier().setSystem(FhirCodeSystems.NPI).setValue(value);
  }

  /** A nurse practitioner, by NPI and NUCC taxonomy qualification. */
  private static Practitioner nursePractitioner(String id) {
    Practitioner np = new Practitioner();
    np.setId(id);
    np.addIdentifier(npi(NP));
    np.addQualification()
        .setCode(
            new CodeableConcept(new Coding(FhirCodeSystems.PROVIDER_TAXONOMY, "363L00000X", null)));
    return np;
  }

  /** The office claim, its two items by the care team's one entry, which names {@code provider}. */
  private static org.hl7.fhir.r4.model.Claim claimBy(String provider) {
    org.hl7.fhir.r4.model.Claim claim = FhirTest.officeVisitAndInjection();
    claim.addCareTeam().setSequence(1).setProvider(new Reference(provider));
    claim.getItem().forEach(item -> item.addCareTeamSequence(1));
    return claim;
  }

  /** A bundle of {@code claim} and {@code others}, each entry's full URL given. */
  private static Bundle bundle(org.hl7.fhir.r4.model.Claim claim, Map<String, Resource> others) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle.addEntry().setFullUrl("https://example.org/fhir/Claim/office-7").setResource(claim);
    others.forEach((url, resource) -> bundle.addEntry().setFullUrl(url).setResource(resource));
    return bundle;
  }

  private static List<BigDecimal> eligible(ClaimResponse response) {
    List<BigDecimal> amounts = new ArrayList<>();
    for (var item : response.getItem()) {
      amounts.add(FhirTest.adjudication(item, "eligible").getAmount().getValue());
    }
    return amounts;
  }

  @Test
  void aCareTeamPractitionerInTheBundleGivesHerNpiAndType() {
    org.hl7.fhir.r4.model.Claim claim = claimBy("Practitioner/np");
    FhirResolver resolver =
        FhirResolver.of(
            bundle(
                claim,
                Map.of("https://example.org/fhir/Practitioner/np", nursePractitioner("np"))));

    // Without the resolver, the reference says nothing: no NPI, no type.
    assertEquals(Optional.empty(), FhirClaims.toClaim(claim).line(0).renderingProvider());
    assertEquals(Map.of(), FhirClaims.practitioners(claim));

    assertEquals(
        Optional.of(Npi.parse(NP)),
        FhirClaims.toClaim(claim, resolver).line(0).renderingProvider());
    assertEquals(
        Map.of(Npi.parse(NP), PractitionerType.NURSE_PRACTITIONER),
        FhirClaims.practitioners(claim, resolver));
    assertEquals(
        Optional.of(PractitionerType.NURSE_PRACTITIONER), FhirClaims.practitioner(claim, resolver));

    List<BigDecimal> full = eligible(PRICER.price(claim, ROCHESTER));
    List<BigDecimal> np = eligible(PRICER.withResolver(resolver).price(claim, ROCHESTER));
    for (int i = 0; i < full.size(); i++) {
      BigDecimal share = full.get(i).multiply(new BigDecimal("0.85"));
      assertTrue(
          share.subtract(np.get(i)).abs().compareTo(new BigDecimal("0.01")) <= 0, full + " " + np);
      assertTrue(np.get(i).compareTo(full.get(i).setScale(2, RoundingMode.HALF_UP)) < 0);
    }
  }

  @Test
  void aResolvedRolesLocalReferenceNamesItsOwnContainedPractitioner() {
    PractitionerRole role = new PractitionerRole();
    role.setId("role");
    role.addContained(nursePractitioner("p"));
    role.setPractitioner(new Reference("#p"));
    org.hl7.fhir.r4.model.Claim claim = claimBy("PractitionerRole/role");
    FhirResolver resolver = reference -> Optional.of(role);
    assertEquals(
        Map.of(Npi.parse(NP), PractitionerType.NURSE_PRACTITIONER),
        FhirClaims.practitioners(claim, resolver));

    // A malformed NPI there is refused at its path through the resolved resource.
    ((Practitioner) role.getContained().get(0)).getIdentifierFirstRep().setValue("123");
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim, resolver));
    assertEquals("Claim.careTeam[0].provider.resolve().contained[0].identifier[0].value", e.path());
  }

  @Test
  void aResolvedFacilityGivesTheServiceZipCode() {
    org.hl7.fhir.r4.model.Claim claim = FhirTest.officeVisitAndInjection();
    claim.setFacility(new Reference("Location/site"));
    Location site = new Location().setAddress(new Address().setPostalCode("10001"));
    site.setId("site");
    FhirResolver resolver =
        FhirResolver.of(bundle(claim, Map.of("https://example.org/fhir/Location/site", site)));
    assertEquals(Optional.empty(), FhirClaims.serviceZip(claim));
    assertEquals(Optional.of("10001"), FhirClaims.serviceZip(claim, resolver));

    FhirClaimPricer byZip = PRICER.withZipLocalities(BundledData.zipLocalities());
    PricingContext manhattan =
        PricingContext.of(
            LocalDate.of(2025, 6, 2), Locality.parse("13202-01"), Setting.NON_FACILITY);
    assertEquals(
        eligible(PRICER.price(claim, manhattan)),
        eligible(byZip.withResolver(resolver).price(claim, ROCHESTER)));
    assertEquals(eligible(PRICER.price(claim, ROCHESTER)), eligible(byZip.price(claim, ROCHESTER)));

    site.getAddress().setPostalCode("1000");
    assertEquals(
        "Claim.facility.resolve().address.postalCode",
        assertThrows(FhirMappingException.class, () -> FhirClaims.serviceZip(claim, resolver))
            .path());
  }

  @Test
  void aResourceOfAnotherTypeIsRefusedAtTheReference() {
    org.hl7.fhir.r4.model.Claim claim = FhirTest.officeVisitAndInjection();
    claim.setFacility(new Reference("Patient/p7"));
    Patient patient = new Patient();
    patient.addAddress().setPostalCode("10001");
    FhirMappingException e =
        assertThrows(
            FhirMappingException.class,
            () -> FhirClaims.serviceZip(claim, reference -> Optional.of(patient)));
    assertEquals("Claim.facility.reference", e.path());
    assertTrue(
        e.getMessage().contains("'Patient/p7' resolves to a Patient, where a Location is expected"),
        e.getMessage());

    // A reference by identifier alone is the resolver's to follow, and named by it in messages.
    org.hl7.fhir.r4.model.Claim byIdentifier = FhirTest.officeVisitAndInjection();
    byIdentifier.setFacility(
        new Reference().setIdentifier(new Identifier().setSystem("urn:sites").setValue("s1")));
    FhirMappingException byId =
        assertThrows(
            FhirMappingException.class,
            () -> FhirClaims.serviceZip(byIdentifier, reference -> Optional.of(patient)));
    assertEquals("Claim.facility.identifier", byId.path());
    assertTrue(byId.getMessage().contains("urn:sites|s1"), byId.getMessage());
  }

  @Test
  void eachReferenceIsResolvedOncePerPricing() {
    org.hl7.fhir.r4.model.Claim claim = claimBy("Practitioner/np");
    claim.setFacility(new Reference("Location/site"));
    Location site = new Location().setAddress(new Address().setPostalCode("14620"));
    Practitioner np = nursePractitioner("np");
    List<String> asked = new ArrayList<>();
    FhirResolver counting =
        reference -> {
          asked.add(reference.getReference());
          return Optional.of(reference.getReference().startsWith("Location") ? site : np);
        };
    PRICER
        .withZipLocalities(BundledData.zipLocalities())
        .withResolver(counting)
        .price(claim, ROCHESTER);
    assertEquals(List.of("Location/site", "Practitioner/np"), asked.stream().sorted().toList());
  }

  @Test
  void aResolverThatAnswersNullIsTheCallersError() {
    org.hl7.fhir.r4.model.Claim claim = claimBy("Practitioner/np");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> FhirClaims.toClaim(claim, reference -> null));
    assertTrue(e.getMessage().contains("'Practitioner/np'"), e.getMessage());
    assertThrows(NullPointerException.class, () -> PRICER.withResolver(null));
    assertThrows(NullPointerException.class, () -> FhirClaims.toClaim(claim, null));
  }

  @Test
  void aBundleResolvesFullUrlsTypeAndIdAndVersions() {
    Practitioner byUuid = nursePractitioner("a");
    Practitioner byUrl = nursePractitioner("b");
    byUrl.getMeta().setVersionId("3");
    Bundle bundle = new Bundle();
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:6f1c2a3e-0000-4000-8000-000000000001")
        .setResource(byUuid);
    bundle.addEntry().setFullUrl("https://example.org/fhir/Practitioner/b").setResource(byUrl);
    // Entries without a full URL or a resource are no trouble.
    bundle.addEntry().setResource(new Patient());
    bundle.addEntry().setFullUrl("https://example.org/fhir/Patient/gone");
    FhirResolver resolver = FhirResolver.of(bundle);
    assertEquals(
        Optional.of(byUuid),
        resolver.resolve(new Reference("urn:uuid:6f1c2a3e-0000-4000-8000-000000000001")));
    assertEquals(
        Optional.of(byUrl),
        resolver.resolve(new Reference("https://example.org/fhir/Practitioner/b")));
    // A version names the entry of that meta.versionId, and no other.
    assertEquals(
        Optional.of(byUrl),
        resolver.resolve(new Reference("https://example.org/fhir/Practitioner/b/_history/3")));
    assertEquals(
        Optional.empty(),
        resolver.resolve(new Reference("https://example.org/fhir/Practitioner/b/_history/2")));
    // A relative reference no entry makes: against the bundle's one server, example.org, where
    // there is no Practitioner/a (its practitioner a is at a urn:uuid).
    assertEquals(Optional.of(byUrl), resolver.resolve(new Reference("Practitioner/b")));
    assertEquals(Optional.empty(), resolver.resolve(new Reference("Practitioner/a")));
    assertEquals(Optional.empty(), resolver.resolve(new Reference("Practitioner/c")));
    assertEquals(Optional.empty(), resolver.resolve(new Reference("Organization/b")));
    assertEquals(Optional.empty(), resolver.resolve(new Reference().setIdentifier(npi(NP))));

    // The same type and id on two servers: which one is not for cpt4j to guess.
    bundle
        .addEntry()
        .setFullUrl("https://other.org/fhir/Practitioner/b")
        .setResource(nursePractitioner("b"));
    FhirResolver twoServers = FhirResolver.of(bundle);
    assertThrows(
        FhirMappingException.class, () -> twoServers.resolve(new Reference("Practitioner/b")));
    assertEquals(
        Optional.of(byUrl),
        twoServers.resolve(new Reference("https://example.org/fhir/Practitioner/b")));

    // Two versions of one resource: a reference to either by its version, never without one.
    Practitioner older = nursePractitioner("b");
    older.getMeta().setVersionId("2");
    bundle
        .addEntry()
        .setFullUrl("https://example.org/fhir/Practitioner/b/_history/2")
        .setResource(older);
    FhirResolver versions = FhirResolver.of(bundle);
    assertEquals(
        Optional.of(older),
        versions.resolve(new Reference("https://example.org/fhir/Practitioner/b/_history/2")));
    FhirMappingException both =
        assertThrows(
            FhirMappingException.class,
            () -> versions.resolve(new Reference("https://example.org/fhir/Practitioner/b")));
    assertEquals("Bundle.entry[5]", both.path());
  }

  @Test
  void aRelativeReferenceIsReadAgainstItsEntrysServer() {
    // The claim is on server a; the bundle also carries server b's practitioner of the same id.
    org.hl7.fhir.r4.model.Claim claim = claimBy("Practitioner/x");
    Bundle bundle = new Bundle();
    bundle.addEntry().setFullUrl("https://a.org/fhir/Claim/c").setResource(claim);
    bundle
        .addEntry()
        .setFullUrl("https://b.org/fhir/Practitioner/x")
        .setResource(nursePractitioner("x"));
    // Only b's: a's practitioner is not in the bundle, and b's is not a's.
    assertEquals(Map.of(), FhirClaims.practitioners(claim, FhirResolver.of(bundle)));

    Practitioner ours = nursePractitioner("x");
    ours.getIdentifierFirstRep().setValue("1000000004");
    ours.getQualificationFirstRep().getCode().getCodingFirstRep().setCode("207Q00000X");
    bundle.addEntry().setFullUrl("https://a.org/fhir/Practitioner/x").setResource(ours);
    assertEquals(
        Map.of(Npi.parse("1000000004"), PractitionerType.PHYSICIAN),
        FhirClaims.practitioners(claim, FhirResolver.of(bundle)));

    // A copy of the claim is no element of the bundle: it is read as the bundle's claim is, on a.
    org.hl7.fhir.r4.model.Claim copy = claim.copy();
    assertEquals(
        Map.of(Npi.parse("1000000004"), PractitionerType.PHYSICIAN),
        FhirClaims.practitioners(copy, FhirResolver.of(bundle)));
    // Beside a second claim on b, which server the copy was on is not for cpt4j to guess.
    Bundle twoClaims = bundle.copy();
    twoClaims.addEntry().setFullUrl("https://b.org/fhir/Claim/d").setResource(claimBy("#x"));
    assertEquals(
        "Claim.careTeam[0].provider.reference",
        assertThrows(
                FhirMappingException.class,
                () -> FhirClaims.practitioners(copy, FhirResolver.of(twoClaims)))
            .path());

    // A claim at a urn:uuid has no server: its relative reference goes by type and id, and two
    // servers' practitioners of that id are refused at the claim's reference, the bundle's entry
    // in the cause.
    bundle.getEntryFirstRep().setFullUrl("urn:uuid:0b1f6c9e-0000-4000-8000-000000000002");
    FhirMappingException e =
        assertThrows(
            FhirMappingException.class,
            () -> FhirClaims.practitioners(claim, FhirResolver.of(bundle)));
    assertEquals("Claim.careTeam[0].provider.reference", e.path());
    assertTrue(e.getCause() instanceof FhirMappingException, e::toString);
    assertTrue(e.getMessage().contains("'Practitioner/x' cannot be resolved"), e.getMessage());
  }

  @Test
  void aResolverThatFailsIsTheCallers() {
    org.hl7.fhir.r4.model.Claim claim = claimBy("Practitioner/np");
    IllegalStateException down = new IllegalStateException("the store is down");
    assertEquals(
        down,
        assertThrows(
            IllegalStateException.class,
            () ->
                FhirClaims.toClaim(
                    claim,
                    reference -> {
                      throw down;
                    })));
  }

  @Test
  void aResolvedRolesExternalPractitionerIsResolvedToo() {
    PractitionerRole role = new PractitionerRole();
    role.setPractitioner(new Reference("Practitioner/np"));
    Practitioner np = nursePractitioner("np");
    np.getIdentifierFirstRep().setValue("12345");
    org.hl7.fhir.r4.model.Claim claim = claimBy("PractitionerRole/role");
    FhirResolver resolver =
        reference ->
            Optional.of(reference.getReference().startsWith("PractitionerRole") ? role : np);
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim, resolver));
    assertEquals(
        "Claim.careTeam[0].provider.resolve().practitioner.resolve().identifier[0].value",
        e.path());
  }

  @Test
  void aCareTeamReferenceWithoutAValueSaysNothingAsBefore() {
    // An entry no item names, its provider a data-absent reason: optional detail, not refused.
    org.hl7.fhir.r4.model.Claim claim = FhirTest.officeVisitAndInjection();
    StringType absent = new StringType();
    absent.addExtension(
        new Extension(
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
            new org.hl7.fhir.r4.model.CodeType("unknown")));
    claim.addCareTeam().setSequence(1).setProvider(new Reference().setReferenceElement(absent));
    assertEquals(Map.of(), FhirClaims.practitioners(claim));
    assertEquals(
        Map.of(), FhirClaims.practitioners(claim, reference -> Optional.of(new Patient())));
    assertEquals(2, PRICER.price(claim, ROCHESTER).getItem().size());
  }

  @Test
  void anEntrysFullUrlWithoutAValueIsRefusedAtItsPath() {
    // A data-absent reason in place of the URL was a NullPointerException from indexing the bundle.
    Bundle bundle = new Bundle();
    bundle.addEntry().setFullUrl("urn:uuid:1").setResource(FhirTest.officeVisitAndInjection());
    Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(new Patient());
    entry
        .getFullUrlElement()
        .addExtension(
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
            new org.hl7.fhir.r4.model.CodeType("unknown"));
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> FhirResolver.of(bundle));
    assertEquals("Bundle.entry[1].fullUrl", e.path());
    assertTrue(e.getMessage().contains("extensions but no value"), e::getMessage);
  }
}
