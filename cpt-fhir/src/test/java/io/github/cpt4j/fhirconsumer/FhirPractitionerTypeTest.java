package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Who furnished each provider's lines: the NUCC taxonomy code of its care team entry's {@code
 * qualification}, which prices a nurse practitioner's lines at 85% of the physician's.
 */
class FhirPractitionerTypeTest {

  private static final String NP = "1234567893";
  private static final String DOCTOR = "1000000004";

  private static final PricingContext ROCHESTER =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY);

  private static final FhirClaimPricer PRICER =
      FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));

  private static org.hl7.fhir.r4.model.Claim officeClaim() {
    return FhirTest.officeVisitAndInjection();
  }

  /** Adds a care team entry of {@code npi}, qualified by {@code codings}, naming the items. */
  private static org.hl7.fhir.r4.model.Claim.CareTeamComponent member(
      org.hl7.fhir.r4.model.Claim claim, int sequence, String npi, Coding... codings) {
    var entry =
        claim
            .addCareTeam()
            .setSequence(sequence)
            .setProvider(
                new Reference()
                    .setIdentifier(new Identifier().setSystem(FhirCodeSystems.NPI).setValue(npi)));
    if (codings.length > 0) {
      CodeableConcept qualification = new CodeableConcept();
      for (Coding coding : codings) {
        qualification.addCoding(coding);
      }
      entry.setQualification(qualification);
    }
    return entry;
  }

  private static Coding taxonomy(String code) {
    return new Coding(FhirCodeSystems.PROVIDER_TAXONOMY, code, null);
  }

  private static BigDecimal eligible(ClaimResponse response, int item) {
    return FhirTest.adjudication(response.getItem().get(item), "eligible").getAmount().getValue();
  }

  @Test
  void theCareTeamsTaxonomyCodesNameEachNpisType() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    member(claim, 1, NP, new Coding("urn:local:credentials", "NP", null), taxonomy("363LF0000X"));
    member(claim, 2, DOCTOR, new Coding("urn:oid:2.16.840.1.113883.6.101", "207Q00000X", null));
    // A registered nurse: Medicare pays no share of the schedule to one, so no type.
    member(claim, 3, "1000000012", taxonomy("163W00000X"));
    // Another system's code says nothing, whatever it looks like.
    member(claim, 4, "1000000020", new Coding("urn:local", "363L00000X", null));
    assertEquals(
        Map.of(
            Npi.parse(NP),
            PractitionerType.NURSE_PRACTITIONER,
            Npi.parse(DOCTOR),
            PractitionerType.PHYSICIAN),
        FhirClaims.practitioners(claim));
    assertEquals(Map.of(), FhirClaims.practitioners(officeClaim()));
  }

  @Test
  void aNursePractitionersLinesArePricedAtHerShare() {
    org.hl7.fhir.r4.model.Claim byPhysician = officeClaim();
    member(byPhysician, 1, NP);
    byPhysician.getItem().forEach(item -> item.addCareTeamSequence(1));
    org.hl7.fhir.r4.model.Claim byNp = byPhysician.copy();
    byNp.getCareTeamFirstRep().setQualification(new CodeableConcept(taxonomy("363L00000X")));

    ClaimResponse physician = PRICER.price(byPhysician, ROCHESTER);
    ClaimResponse np = PRICER.price(byNp, ROCHESTER);
    for (int i = 0; i < 2; i++) {
      int item = i;
      BigDecimal full = eligible(physician, item);
      // 85% of the physician's amount, give or take the cent of rounding once rather than twice.
      BigDecimal share = full.multiply(new BigDecimal("0.85")).setScale(2, RoundingMode.HALF_UP);
      assertTrue(
          eligible(np, item).subtract(share).abs().compareTo(new BigDecimal("0.01")) <= 0,
          () -> eligible(np, item) + " vs 85% of " + full);
      assertNotEquals(full, eligible(np, item));
    }
    // Exactly what the caller's own context says of the NPI gives.
    ClaimResponse told =
        PRICER.price(
            byPhysician,
            ROCHESTER.withPractitioner(Npi.parse(NP), PractitionerType.NURSE_PRACTITIONER));
    assertEquals(eligible(told, 0), eligible(np, 0));
    assertEquals(eligible(told, 1), eligible(np, 1));
  }

  @Test
  void theCallersOwnWordOnAnNpiWinsOverTheClaims() {
    org.hl7.fhir.r4.model.Claim byNp = officeClaim();
    member(byNp, 1, NP, taxonomy("363L00000X"));
    byNp.getItem().forEach(item -> item.addCareTeamSequence(1));
    ClaimResponse asPhysician =
        PRICER.price(byNp, ROCHESTER.withPractitioner(Npi.parse(NP), PractitionerType.PHYSICIAN));
    ClaimResponse asNp = PRICER.price(byNp, ROCHESTER);
    assertNotEquals(eligible(asNp, 0), eligible(asPhysician, 0));
    // A claim-wide default is not a word on the NPI: the claim's taxonomy still wins over it.
    ClaimResponse defaultPa =
        PRICER.price(byNp, ROCHESTER.withPractitioner(PractitionerType.PHYSICIAN_ASSISTANT));
    assertEquals(eligible(asNp, 0), eligible(defaultPa, 0));
  }

  @Test
  void aMalformedCodeOrTwoTypesForOneNpiAreRefusedAtTheirPaths() {
    org.hl7.fhir.r4.model.Claim malformed = officeClaim();
    member(malformed, 1, NP, new Coding("urn:local", "x", null), taxonomy("363l00000x"));
    FhirMappingException bad =
        assertThrows(FhirMappingException.class, () -> FhirClaims.practitioners(malformed));
    assertEquals("Claim.careTeam[0].qualification.coding[1].code", bad.path());
    assertTrue(bad.getMessage().contains("'363l00000x'"), bad::getMessage);
    // The pricer refuses the claim alike, rather than pricing it as a physician's.
    assertEquals(
        "Claim.careTeam[0].qualification.coding[1].code",
        assertThrows(FhirMappingException.class, () -> PRICER.price(malformed, ROCHESTER)).path());

    org.hl7.fhir.r4.model.Claim twoTypes = officeClaim();
    member(twoTypes, 1, NP, taxonomy("363L00000X"));
    member(twoTypes, 2, NP, taxonomy("363A00000X"));
    FhirMappingException both =
        assertThrows(FhirMappingException.class, () -> FhirClaims.practitioners(twoTypes));
    assertEquals("Claim.careTeam[1].qualification.coding[0].code", both.path());
    assertEquals(
        "the taxonomy code 363A00000X makes the NPI 1234567893 a physician assistant, and the code"
            + " 363L00000X at Claim.careTeam[0].qualification.coding[0].code a nurse practitioner:"
            + " which of the two it is is not for cpt4j to guess",
        both.getMessage().substring(both.getMessage().indexOf("the taxonomy")),
        both::getMessage);

    // The same type twice, or a coding without a code, in another system, is no conflict.
    org.hl7.fhir.r4.model.Claim sameType = officeClaim();
    member(sameType, 1, NP, taxonomy("363L00000X"), taxonomy("363LF0000X"));
    member(sameType, 2, NP, taxonomy("363LP2300X"), new Coding("urn:local", null, "NP"));
    assertEquals(
        Map.of(Npi.parse(NP), PractitionerType.NURSE_PRACTITIONER),
        FhirClaims.practitioners(sameType));
  }

  private static CodeableConcept role(String code) {
    return new CodeableConcept(
        new Coding("http://terminology.hl7.org/CodeSystem/claimcareteamrole", code, null));
  }

  /**
   * A claim of one provider often names him in its care team without an item naming the entry: its
   * lines, which name no NPI, are his, at his type's share.
   */
  @Test
  void theClaimsOwnProviderIsItsOnlyOrPrimaryEntry() {
    org.hl7.fhir.r4.model.Claim alone = officeClaim();
    member(alone, 1, NP, taxonomy("363L00000X"));
    assertEquals(
        java.util.Optional.of(PractitionerType.NURSE_PRACTITIONER), FhirClaims.practitioner(alone));
    ClaimResponse priced = PRICER.price(alone, ROCHESTER);
    ClaimResponse told =
        PRICER.price(
            officeClaim(), ROCHESTER.withPractitioner(PractitionerType.NURSE_PRACTITIONER));
    assertEquals(eligible(told, 0), eligible(priced, 0));
    assertEquals(eligible(told, 1), eligible(priced, 1));
    assertNotEquals(eligible(PRICER.price(officeClaim(), ROCHESTER), 0), eligible(priced, 0));

    // Of several entries, the one in the role primary, with an NPI or without.
    org.hl7.fhir.r4.model.Claim team = officeClaim();
    member(team, 1, DOCTOR, taxonomy("207Q00000X")).setRole(role("supervisor"));
    team.addCareTeam()
        .setSequence(2)
        .setProvider(new Reference("Practitioner/np1"))
        .setRole(role("primary"))
        .setQualification(new CodeableConcept(taxonomy("363A00000X")));
    assertEquals(
        java.util.Optional.of(PractitionerType.PHYSICIAN_ASSISTANT), FhirClaims.practitioner(team));

    // Several entries and none in such a role, or two such of different types: not for cpt4j to
    // guess, so the context's own practitioner prices the lines.
    org.hl7.fhir.r4.model.Claim unsaid = officeClaim();
    member(unsaid, 1, DOCTOR, taxonomy("207Q00000X"));
    member(unsaid, 2, NP, taxonomy("363L00000X"));
    assertEquals(java.util.Optional.empty(), FhirClaims.practitioner(unsaid));
    unsaid.getCareTeam().forEach(entry -> entry.setRole(role("primary")));
    assertEquals(java.util.Optional.empty(), FhirClaims.practitioner(unsaid));
    assertEquals(
        eligible(PRICER.price(officeClaim(), ROCHESTER), 0),
        eligible(PRICER.price(unsaid, ROCHESTER), 0));
    // An only entry whose code is of no practitioner type gives none.
    org.hl7.fhir.r4.model.Claim nurse = officeClaim();
    member(nurse, 1, NP, taxonomy("163W00000X"));
    assertEquals(java.util.Optional.empty(), FhirClaims.practitioner(nurse));
  }

  @Test
  void twoTypesInOneQualificationAreRefusedAtTheSecond() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    member(claim, 1, NP, taxonomy("363L00000X"), taxonomy("163W00000X"), taxonomy("2084N0400X"));
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> FhirClaims.practitioner(claim));
    assertEquals("Claim.careTeam[0].qualification.coding[2].code", e.path());
    assertTrue(
        e.getMessage()
            .contains(
                "makes the provider a physician, and the code 363L00000X at"
                    + " Claim.careTeam[0].qualification.coding[0].code a nurse practitioner"),
        e::getMessage);
    assertEquals(
        e.path(),
        assertThrows(FhirMappingException.class, () -> FhirClaims.practitioners(claim)).path());
  }

  /**
   * The claim's own provider's type is that of its lines without an NPI, not of the other
   * providers': their lines keep the context's type unless qualified themselves.
   */
  @Test
  void theOwnProvidersTypeIsNotTheOtherProviders() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    member(claim, 1, NP, taxonomy("363L00000X")).setRole(role("primary"));
    member(claim, 2, DOCTOR);
    claim.getItem().get(1).addCareTeamSequence(2);
    ClaimResponse priced = PRICER.price(claim, ROCHESTER);
    ClaimResponse physician = PRICER.price(officeClaim(), ROCHESTER);
    ClaimResponse np =
        PRICER.price(
            officeClaim(), ROCHESTER.withPractitioner(PractitionerType.NURSE_PRACTITIONER));
    // Item 1 names no entry: the primary nurse practitioner's. Item 2 is the physician's own.
    assertEquals(eligible(np, 0), eligible(priced, 0));
    assertEquals(eligible(physician, 1), eligible(priced, 1));
  }

  @Test
  void theCallersWordOnTheOwnProvidersNpiWins() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    member(claim, 1, NP, taxonomy("363L00000X"));
    ClaimResponse physician = PRICER.price(officeClaim(), ROCHESTER);
    ClaimResponse told =
        PRICER.price(claim, ROCHESTER.withPractitioner(Npi.parse(NP), PractitionerType.PHYSICIAN));
    assertEquals(eligible(physician, 0), eligible(told, 0));
    assertEquals(eligible(physician, 1), eligible(told, 1));

    // Beside another primary entry of the same type without an NPI: the NPI is still the one.
    org.hl7.fhir.r4.model.Claim two = officeClaim();
    member(two, 1, NP, taxonomy("363L00000X")).setRole(role("primary"));
    two.addCareTeam()
        .setSequence(2)
        .setProvider(new Reference("Practitioner/np2"))
        .setRole(role("primary"))
        .setQualification(new CodeableConcept(taxonomy("363LF0000X")));
    ClaimResponse toldOfTwo =
        PRICER.price(two, ROCHESTER.withPractitioner(Npi.parse(NP), PractitionerType.PHYSICIAN));
    assertEquals(eligible(physician, 0), eligible(toldOfTwo, 0));
  }

  @Test
  void anOnlyEntryInAnotherRoleIsNotTheClaimsOwnProvider() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    member(claim, 1, NP, taxonomy("363A00000X")).setRole(role("assist"));
    assertEquals(java.util.Optional.empty(), FhirClaims.practitioner(claim));
    assertEquals(
        eligible(PRICER.price(officeClaim(), ROCHESTER), 0),
        eligible(PRICER.price(claim, ROCHESTER), 0));
  }

  /**
   * What the items do not read is not refused for the qualifications' sake: two entries of one
   * sequence no item names, a taxonomy coding with a display and no code.
   */
  @Test
  void qualificationsAreReadWithoutRefusingWhatNoItemNames() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    member(claim, 1, NP, taxonomy("363L00000X"));
    member(claim, 1, NP, new Coding(FhirCodeSystems.PROVIDER_TAXONOMY, null, "Nurse"));
    assertEquals(
        Map.of(Npi.parse(NP), PractitionerType.NURSE_PRACTITIONER),
        FhirClaims.practitioners(claim));
    PRICER.price(claim, ROCHESTER);
    // An item that names the care team still finds the duplicate refused.
    claim.getItem().get(0).addCareTeamSequence(1);
    assertEquals(
        "Claim.careTeam[1].sequence",
        assertThrows(FhirMappingException.class, () -> PRICER.price(claim, ROCHESTER)).path());
  }

  /**
   * An NPI that cannot be read, on an entry no item names, is no NPI: the entry still types the
   * claim's own lines, which need none. Such a claim was refused at the NPI when the entry had a
   * qualification, though priced without one (61.92); a 99213 in 13282-99, facility, is 52.63 as a
   * nurse practitioner's.
   */
  @Test
  void anUnreadableNpiNoItemNamesIsNoneAndTheEntryStillTypesTheOwnLines() {
    PricingContext facility = ROCHESTER.withSetting(Setting.FACILITY);
    org.hl7.fhir.r4.model.Claim visit =
        ca.uhn.fhir.context.FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(org.hl7.fhir.r4.model.Claim.class, FhirTest.resource("claim-knee.json"));
    visit.getItem().removeIf(item -> item.getSequence() != 3); // 99213-25 on 2025-06-02
    org.hl7.fhir.r4.model.Claim wrongDigit = visit.copy();
    member(wrongDigit, 1, "1234567890", taxonomy("363L00000X"));

    assertEquals(
        java.util.Optional.of(PractitionerType.NURSE_PRACTITIONER),
        FhirClaims.practitioner(wrongDigit));
    assertEquals(Map.of(), FhirClaims.practitioners(wrongDigit));
    assertEquals(new BigDecimal("52.63"), eligible(PRICER.price(wrongDigit, facility), 0));
    // The same as with a valid NPI; without the qualification, a physician's 61.92.
    org.hl7.fhir.r4.model.Claim valid = visit.copy();
    member(valid, 1, NP, taxonomy("363L00000X"));
    assertEquals(new BigDecimal("52.63"), eligible(PRICER.price(valid, facility), 0));
    org.hl7.fhir.r4.model.Claim unqualified = visit.copy();
    member(unqualified, 1, "1234567890");
    assertEquals(new BigDecimal("61.92"), eligible(PRICER.price(unqualified, facility), 0));

    // An item that names the entry is refused at its NPI, by every reading.
    wrongDigit.getItemFirstRep().addCareTeamSequence(1);
    String at = "Claim.careTeam[0].provider.identifier.value";
    FhirMappingException named =
        assertThrows(FhirMappingException.class, () -> FhirClaims.practitioners(wrongDigit));
    assertEquals(at, named.path());
    assertTrue(named.getMessage().contains("not an NPI"), named::getMessage);
    assertEquals(
        at,
        assertThrows(FhirMappingException.class, () -> FhirClaims.practitioner(wrongDigit)).path());
    assertEquals(
        at,
        assertThrows(FhirMappingException.class, () -> PRICER.price(wrongDigit, facility)).path());
  }

  /** Adds a care team entry whose provider is the contained resource {@code #id}. */
  private static void memberContained(org.hl7.fhir.r4.model.Claim claim, int sequence, String id) {
    claim.addCareTeam().setSequence(sequence).setProvider(new Reference("#" + id));
  }

  private static Identifier npiIdentifier(String npi) {
    return new Identifier().setSystem(FhirCodeSystems.NPI).setValue(npi);
  }

  /**
   * Without a qualification on the entry, the contained resource it names says what the provider
   * is: a PractitionerRole's specialty, else its practitioner's qualifications.
   */
  @Test
  void aContainedRoleOrPractitionerQualifiesAnEntryWithoutQualification() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    var role = new org.hl7.fhir.r4.model.PractitionerRole();
    role.setId("role");
    role.addIdentifier(npiIdentifier(NP));
    role.addSpecialty(new CodeableConcept(taxonomy("363LF0000X")));
    var doctor = new org.hl7.fhir.r4.model.Practitioner();
    doctor.setId("dr");
    doctor.addIdentifier(npiIdentifier(DOCTOR));
    doctor.addQualification().setCode(new CodeableConcept(new Coding("urn:local", "MD", null)));
    doctor.addQualification().setCode(new CodeableConcept(taxonomy("207Q00000X")));
    var paRole = new org.hl7.fhir.r4.model.PractitionerRole();
    paRole.setId("paRole");
    paRole.setPractitioner(new Reference("#pa"));
    var pa = new org.hl7.fhir.r4.model.Practitioner();
    pa.setId("pa");
    pa.addIdentifier(npiIdentifier("1000000012"));
    pa.addQualification().setCode(new CodeableConcept(taxonomy("363A00000X")));
    claim.addContained(role).addContained(doctor).addContained(paRole).addContained(pa);
    memberContained(claim, 1, "role");
    memberContained(claim, 2, "dr");
    memberContained(claim, 3, "paRole");
    assertEquals(
        Map.of(
            Npi.parse(NP),
            PractitionerType.NURSE_PRACTITIONER,
            Npi.parse(DOCTOR),
            PractitionerType.PHYSICIAN,
            Npi.parse("1000000012"),
            PractitionerType.PHYSICIAN_ASSISTANT),
        FhirClaims.practitioners(claim));

    // The entry's own qualification says more than the resource it names.
    claim.getCareTeamFirstRep().setQualification(new CodeableConcept(taxonomy("207Q00000X")));
    assertEquals(PractitionerType.PHYSICIAN, FhirClaims.practitioners(claim).get(Npi.parse(NP)));
  }

  /**
   * A contained practitioner may list the taxonomies of several years (a provider directory's
   * qualifications): two types there say nothing, unlike two in the entry's own qualification.
   */
  @Test
  void aContainedPractitionerOfTwoTypesSaysNothing() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    var both = new org.hl7.fhir.r4.model.Practitioner();
    both.setId("both");
    both.addIdentifier(npiIdentifier(NP));
    both.addQualification().setCode(new CodeableConcept(taxonomy("363L00000X")));
    both.addQualification().setCode(new CodeableConcept(taxonomy("1041C0700X")));
    claim.addContained(both);
    memberContained(claim, 1, "both");
    assertEquals(Map.of(), FhirClaims.practitioners(claim));
    // A malformed code there is still refused, at its path.
    both.addQualification().setCode(new CodeableConcept(taxonomy("363L")));
    assertEquals(
        "Claim.contained[0].qualification[2].code.coding[0].code",
        assertThrows(FhirMappingException.class, () -> FhirClaims.practitioners(claim)).path());
  }

  /**
   * A qualification without a taxonomy code (text alone, another system's code, a data-absent
   * reason) says nothing of the type, so the contained resource's is read.
   */
  @Test
  void aQualificationWithoutATaxonomyCodeFallsBackToTheContainedResource() {
    CodeableConcept textOnly = new CodeableConcept().setText("nurse practitioner");
    CodeableConcept otherSystem = new CodeableConcept(new Coding("urn:local", "NP", null));
    CodeableConcept absent = new CodeableConcept();
    absent.addExtension(
        "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
        new org.hl7.fhir.r4.model.CodeType("unknown"));
    for (CodeableConcept qualification : List.of(textOnly, otherSystem, absent)) {
      org.hl7.fhir.r4.model.Claim claim = officeClaim();
      var role = new org.hl7.fhir.r4.model.PractitionerRole();
      role.setId("role");
      role.addIdentifier(npiIdentifier(NP));
      role.addSpecialty(new CodeableConcept(taxonomy("363L00000X")));
      claim.addContained(role);
      memberContained(claim, 1, "role");
      claim.getCareTeamFirstRep().setQualification(qualification);
      assertEquals(
          Map.of(Npi.parse(NP), PractitionerType.NURSE_PRACTITIONER),
          FhirClaims.practitioners(claim),
          qualification::toString);
    }
  }

  /** What is no contained role or practitioner of a type says nothing, and refuses nothing. */
  @Test
  void otherReferencesSayNothing() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    var loop = new org.hl7.fhir.r4.model.PractitionerRole();
    loop.setId("loop");
    loop.setPractitioner(new Reference("#loop"));
    var organization = new org.hl7.fhir.r4.model.Organization();
    organization.setId("org");
    organization.addIdentifier(npiIdentifier(DOCTOR));
    claim.addContained(loop).addContained(organization);
    memberContained(claim, 1, "loop");
    memberContained(claim, 2, "org");
    claim.addCareTeam().setSequence(3).setProvider(new Reference("Practitioner/123"));
    assertEquals(Map.of(), FhirClaims.practitioners(claim));
    assertEquals(java.util.Optional.empty(), FhirClaims.practitioner(claim));
  }
}
