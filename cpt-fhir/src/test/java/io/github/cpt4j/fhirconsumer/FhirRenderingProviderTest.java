package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.fhir.FhirCodeSystems;
import io.github.cpt4j.fhir.FhirMappingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.junit.jupiter.api.Test;

/**
 * The rendering provider of each item: the NPI of the {@code careTeam} entry its {@code
 * careTeamSequence} names, on the entry's reference or on the contained resource it names.
 */
class FhirRenderingProviderTest {

  /** The context the other FHIR tests use: building one is the slow part of HAPI FHIR. */
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final String NPI = "http://hl7.org/fhir/sid/us-npi";

  private static final String SURGEON = "1000000004";
  private static final String ASSISTANT = "1234567893";

  private static org.hl7.fhir.r4.model.Claim claim(
      String contained, String careTeam, String... items) {
    return FHIR.newJsonParser()
        .parseResource(
            org.hl7.fhir.r4.model.Claim.class,
            "{\"resourceType\":\"Claim\""
                + (contained.isEmpty() ? "" : ",\"contained\":[" + contained + "]")
                + (careTeam.isEmpty() ? "" : ",\"careTeam\":[" + careTeam + "]")
                + ",\"item\":["
                + String.join(",", items)
                + "]}");
  }

  /** An item of {@code code} naming the careTeam entries {@code team}, such as {@code "1,2"}. */
  private static String item(int sequence, String code, String team) {
    return "{\"sequence\":"
        + sequence
        + (team == null ? "" : ",\"careTeamSequence\":[" + team + "]")
        + ",\"productOrService\":{\"coding\":[{\"system\":\""
        + FhirCodeSystems.CPT
        + "\",\"code\":\""
        + code
        + "\"}]}}";
  }

  /** A careTeam entry of {@code provider} (a Reference's JSON) and {@code role}, if not null. */
  private static String member(int sequence, String provider, String role) {
    return "{\"sequence\":"
        + sequence
        + ",\"provider\":"
        + provider
        + (role == null ? "" : ",\"role\":" + role)
        + "}";
  }

  /** A reference by NPI alone, as claims without contained resources give it. */
  private static String byNpi(String npi) {
    return "{\"identifier\":{\"system\":\"" + NPI + "\",\"value\":\"" + npi + "\"}}";
  }

  private static String role(String system, String code) {
    return "{\"coding\":[{"
        + (system == null ? "" : "\"system\":\"" + system + "\",")
        + "\"code\":\""
        + code
        + "\"}]}";
  }

  private static final String CARE_TEAM_ROLE =
      "http://terminology.hl7.org/CodeSystem/claimcareteamrole";

  private static Optional<Npi> provider(org.hl7.fhir.r4.model.Claim claim, int line) {
    return FhirClaims.toClaim(claim).line(line).renderingProvider();
  }

  private static Optional<Npi> npi(String text) {
    return Optional.of(Npi.parse(text));
  }

  private static FhirMappingException refused(org.hl7.fhir.r4.model.Claim claim) {
    return assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim));
  }

  @Test
  void anItemsCareTeamEntryNamesItsRenderingProvider() {
    org.hl7.fhir.r4.model.Claim claim =
        claim(
            "",
            member(1, byNpi(SURGEON), null) + "," + member(2, byNpi(ASSISTANT), null),
            item(1, "27447", "1"),
            item(2, "27447", "2"),
            item(3, "99213", null));
    assertEquals(npi(SURGEON), provider(claim, 0));
    assertEquals(npi(ASSISTANT), provider(claim, 1));
    // An item without careTeamSequence is the claim's one provider's.
    assertEquals(Optional.empty(), provider(claim, 2));
  }

  /**
   * An item without careTeamSequence is the claim's own provider's, and has his NPI when the care
   * team's entries in a role that furnishes the service (else its only entry, without a role) all
   * have one; it had none, and was ranked apart from the items naming his entry.
   */
  @Test
  void anItemWithoutCareTeamSequenceHasTheOwnProvidersOneNpi() {
    String primary = role(CARE_TEAM_ROLE, "primary");
    org.hl7.fhir.r4.model.Claim one =
        claim(
            "", member(1, byNpi(SURGEON), primary), item(1, "27447", "1"), item(2, "29881", null));
    assertEquals(npi(SURGEON), provider(one, 0));
    assertEquals(npi(SURGEON), provider(one, 1));
    // The only entry, without a role, is the claim's own provider too.
    org.hl7.fhir.r4.model.Claim onlyEntry =
        claim("", member(1, byNpi(SURGEON), null), item(1, "99213", null));
    assertEquals(npi(SURGEON), provider(onlyEntry, 0));
    // Two primary entries of one NPI name him; the assistant beside them is not the own provider.
    org.hl7.fhir.r4.model.Claim sameNpi =
        claim(
            "",
            member(1, byNpi(SURGEON), primary)
                + ","
                + member(2, byNpi(SURGEON), role(null, "rendering"))
                + ","
                + member(3, byNpi(ASSISTANT), role(CARE_TEAM_ROLE, "assist")),
            item(1, "99213", null));
    assertEquals(npi(SURGEON), provider(sameNpi, 0));
  }

  /**
   * Without exactly one own provider's NPI, an item without careTeamSequence has none, as before.
   */
  @Test
  void anItemWithoutCareTeamSequenceHasNoNpiWhenTheCareTeamDoesNotSayWhose() {
    String primary = role(CARE_TEAM_ROLE, "primary");
    // Two primary entries of two NPIs.
    assertEquals(
        Optional.empty(),
        provider(
            claim(
                "",
                member(1, byNpi(SURGEON), primary) + "," + member(2, byNpi(ASSISTANT), primary),
                item(1, "99213", null)),
            0));
    // A primary entry without an NPI beside one with: the two may be two providers.
    assertEquals(
        Optional.empty(),
        provider(
            claim(
                "",
                member(1, byNpi(SURGEON), primary)
                    + ","
                    + member(2, "{\"reference\":\"Practitioner/dr1\"}", primary),
                item(1, "99213", null)),
            0));
    // An own provider's NPI that cannot be read is refused only at an item that names it.
    assertEquals(
        Optional.empty(),
        provider(claim("", member(1, byNpi("1234567890"), primary), item(1, "99213", null)), 0));
    // An only entry in another role (an assistant) is no claim's own provider.
    assertEquals(
        Optional.empty(),
        provider(
            claim(
                "",
                member(1, byNpi(ASSISTANT), role(CARE_TEAM_ROLE, "assist")),
                item(1, "99213", null)),
            0));
  }

  @Test
  void theNpiSystemIsReadInTheFormsOfTheCodeSystems() {
    for (String system :
        List.of(
            NPI,
            "https://hl7.org/fhir/sid/us-npi",
            "http://HL7.org/fhir/sid/us-npi/",
            "urn:oid:2.16.840.1.113883.4.6")) {
      assertTrue(FhirCodeSystems.isNpi(system), system);
      assertEquals(
          npi(SURGEON),
          provider(
              claim(
                  "",
                  member(
                      1,
                      "{\"identifier\":{\"system\":\""
                          + system
                          + "\",\"value\":\""
                          + SURGEON
                          + "\"}}",
                      null),
                  item(1, "27447", "1")),
              0),
          system);
    }
    for (String other :
        Arrays.asList(
            null, "", "http://hl7.org/fhir/sid/us-npi/x", "urn:oid:2.16.840.1.113883.4.4")) {
      assertFalse(FhirCodeSystems.isNpi(other), other);
    }
  }

  @Test
  void aCareTeamEntryWithoutAnNpiNamesNoProvider() {
    org.hl7.fhir.r4.model.Claim claim =
        claim(
            "",
            member(1, "{\"reference\":\"Practitioner/dr1\"}", null)
                + ","
                + member(
                    2,
                    "{\"identifier\":{\"system\":\"urn:oid:2.16.840.1.113883.4.4\","
                        + "\"value\":\"123456789\"}}",
                    null),
            item(1, "27447", "1,2"));
    assertEquals(Optional.empty(), provider(claim, 0));
  }

  @Test
  void theNpiOfAContainedPractitionerRoleOrOrganizationIsRead() {
    String contained =
        "{\"resourceType\":\"Practitioner\",\"id\":\"surgeon\",\"identifier\":["
            + "{\"system\":\"urn:local\",\"value\":\"x\"},"
            + "{\"system\":\""
            + NPI
            + "\",\"value\":\""
            + SURGEON
            + "\"}]},"
            + "{\"resourceType\":\"PractitionerRole\",\"id\":\"assist\",\"identifier\":["
            + "{\"system\":\""
            + NPI
            + "\",\"value\":\""
            + ASSISTANT
            + "\"}]},"
            + "{\"resourceType\":\"Organization\",\"id\":\"group\",\"identifier\":["
            + "{\"system\":\""
            + NPI
            + "\",\"value\":\"2000000002\"}]}";
    org.hl7.fhir.r4.model.Claim claim =
        claim(
            contained,
            member(1, "{\"reference\":\"#surgeon\"}", null)
                + ","
                + member(2, "{\"reference\":\"#assist\"}", null)
                + ","
                + member(3, "{\"reference\":\"#group\"}", null),
            item(1, "27447", "1"),
            item(2, "27447", "2"),
            item(3, "20610", "3"));
    assertEquals(npi(SURGEON), provider(claim, 0));
    assertEquals(npi(ASSISTANT), provider(claim, 1));
    assertEquals(npi("2000000002"), provider(claim, 2));
  }

  @Test
  void aContainedPractitionerRoleWithoutAnNpiHasItsPractitioners() {
    String contained =
        "{\"resourceType\":\"Practitioner\",\"id\":\"dr\",\"identifier\":[{\"system\":\""
            + NPI
            + "\",\"value\":\""
            + SURGEON
            + "\"}]},"
            + "{\"resourceType\":\"PractitionerRole\",\"id\":\"role\","
            + "\"practitioner\":{\"reference\":\"#dr\"}},"
            + "{\"resourceType\":\"PractitionerRole\",\"id\":\"byNpi\","
            + "\"practitioner\":"
            + byNpi(ASSISTANT)
            + "}";
    org.hl7.fhir.r4.model.Claim claim =
        claim(
            contained,
            member(1, "{\"reference\":\"#role\"}", null)
                + ","
                + member(2, "{\"reference\":\"#byNpi\"}", null),
            item(1, "27447", "1"),
            item(2, "27447", "2"));
    assertEquals(npi(SURGEON), provider(claim, 0));
    assertEquals(npi(ASSISTANT), provider(claim, 1));
  }

  @Test
  void aProviderThatIsNoPractitionerAndTwoEntriesOfOneSequenceAreRefused() {
    String patient = "{\"resourceType\":\"Patient\",\"id\":\"pat\"}";
    FhirMappingException notAProvider =
        refused(claim(patient, member(1, "{\"reference\":\"#pat\"}", null), item(1, "27447", "1")));
    assertEquals("Claim.careTeam[0].provider.reference", notAProvider.path());
    assertTrue(notAProvider.getMessage().contains("names a Patient"), notAProvider::getMessage);

    FhirMappingException twice =
        refused(
            claim(
                "",
                member(1, byNpi(SURGEON), null) + "," + member(1, byNpi(ASSISTANT), null),
                item(1, "27447", "1")));
    assertEquals("Claim.careTeam[1].sequence", twice.path());
  }

  @Test
  void ofSeveralEntriesWithNpisThePrimaryOrRenderingOneIsTheProvider() {
    String team =
        member(1, byNpi(ASSISTANT), role(CARE_TEAM_ROLE, "assist"))
            + ","
            + member(2, byNpi(SURGEON), role(CARE_TEAM_ROLE, "primary"))
            + ","
            + member(3, "{\"reference\":\"Practitioner/dr1\"}", null);
    assertEquals(npi(SURGEON), provider(claim("", team, item(1, "27447", "1,2,3")), 0));
    // rendering or performing, in any system.
    for (String rendering :
        List.of(
            role("urn:local:roles", "rendering"),
            role("http://example.org/roles", "performing"),
            role(null, "rendering"))) {
      String other =
          member(1, byNpi(ASSISTANT), role(CARE_TEAM_ROLE, "supervisor"))
              + ","
              + member(2, byNpi(SURGEON), rendering);
      assertEquals(npi(SURGEON), provider(claim("", other, item(1, "27447", "1,2")), 0), rendering);
    }
    // One entry with an NPI among others without, none in a furnishing role: that one.
    String oneNpi =
        member(1, "{\"reference\":\"Practitioner/dr1\"}", null)
            + ","
            + member(2, byNpi(ASSISTANT), null);
    assertEquals(npi(ASSISTANT), provider(claim("", oneNpi, item(1, "27447", "1,2")), 0));
    // A primary entry whose NPI cannot be read is still the provider: the NPI of the entry beside
    // it made the surgeon's line the assistant's, ranked with his lines and paid at his type.
    String unreadPrimary =
        member(1, "{\"reference\":\"Practitioner/dr1\"}", role(CARE_TEAM_ROLE, "primary")) + ",";
    for (String beside :
        List.of(
            member(2, byNpi(ASSISTANT), role(CARE_TEAM_ROLE, "assist")),
            member(2, byNpi(ASSISTANT), null),
            member(2, byNpi(ASSISTANT), role(null, "rendering")))) {
      assertEquals(
          Optional.empty(),
          provider(claim("", unreadPrimary + beside, item(1, "27447", "1,2")), 0),
          beside);
    }
    // Two entries of one NPI (a physician as primary and as supervisor) are one provider.
    String samePerson =
        member(1, byNpi(SURGEON), role(CARE_TEAM_ROLE, "primary"))
            + ","
            + member(2, byNpi(SURGEON), role(CARE_TEAM_ROLE, "supervisor"));
    assertEquals(npi(SURGEON), provider(claim("", samePerson, item(1, "27447", "1,2")), 0));
  }

  @Test
  void severalNpisWithoutOnePrimaryOrRenderingAreRefusedAtTheItem() {
    String noRoles = member(1, byNpi(ASSISTANT), null) + "," + member(2, byNpi(SURGEON), null);
    FhirMappingException none =
        refused(claim("", noRoles, item(1, "99213", null), item(2, "27447", "1,2")));
    assertEquals("Claim.item[1].careTeamSequence", none.path());
    assertTrue(none.getMessage().contains(ASSISTANT), none::getMessage);
    assertTrue(none.getMessage().contains(SURGEON), none::getMessage);
    // Every role read as furnishing the service is named: performing was left out.
    assertTrue(
        none.getMessage().contains("primary (" + CARE_TEAM_ROLE + "), rendering or performing"),
        none::getMessage);

    String twoPrimaries =
        member(1, byNpi(ASSISTANT), role(CARE_TEAM_ROLE, "primary"))
            + ","
            + member(2, byNpi(SURGEON), role("urn:local:roles", "rendering"));
    FhirMappingException two = refused(claim("", twoPrimaries, item(1, "27447", "1,2")));
    assertEquals("Claim.item[0].careTeamSequence", two.path());
    assertTrue(
        two.getMessage().contains("each in the role primary, rendering or performing"),
        two::getMessage);

    // primary counts in the base R4 code system only: another system's "primary" is a guess.
    String otherPrimary =
        member(1, byNpi(ASSISTANT), role("urn:local:roles", "primary"))
            + ","
            + member(2, byNpi(SURGEON), role(CARE_TEAM_ROLE, "assist"));
    assertEquals(
        "Claim.item[0].careTeamSequence",
        refused(claim("", otherPrimary, item(1, "27447", "1,2"))).path());
  }

  @Test
  void aCareTeamSequenceThatNamesNoEntryIsRefusedAtIt() {
    FhirMappingException e =
        refused(claim("", member(1, byNpi(SURGEON), null), item(1, "27447", "1,3")));
    assertEquals("Claim.item[0].careTeamSequence[1]", e.path());
    assertTrue(e.getMessage().contains("3"), e::getMessage);
    // A claim without a careTeam names no entry either.
    assertEquals(
        "Claim.item[0].careTeamSequence[0]", refused(claim("", "", item(1, "27447", "1"))).path());
  }

  @Test
  void aBadNpiIsRefusedAtItsValue() {
    FhirMappingException onReference =
        refused(claim("", member(1, byNpi("1234567890"), null), item(1, "27447", "1")));
    assertEquals("Claim.careTeam[0].provider.identifier.value", onReference.path());
    assertTrue(
        onReference.getMessage().contains("'1234567890' has a wrong check digit at index 9"),
        onReference::getMessage);

    String contained =
        "{\"resourceType\":\"Practitioner\",\"id\":\"dr\",\"identifier\":["
            + "{\"system\":\"urn:local\",\"value\":\"x\"},"
            + "{\"system\":\""
            + NPI
            + "\",\"value\":\"123456789\"}]}";
    FhirMappingException inContained =
        refused(
            claim(contained, member(1, "{\"reference\":\"#dr\"}", null), item(1, "27447", "1")));
    assertEquals("Claim.contained[0].identifier[1].value", inContained.path());
    assertTrue(inContained.getMessage().contains("'123456789'"), inContained::getMessage);
  }

  @Test
  void anEntryWhoseNpisDisagreeOrWhoseLocalReferenceDanglesIsRefused() {
    String contained =
        "{\"resourceType\":\"Practitioner\",\"id\":\"dr\",\"identifier\":[{\"system\":\""
            + NPI
            + "\",\"value\":\""
            + SURGEON
            + "\"}]}";
    String both =
        "{\"reference\":\"#dr\",\"identifier\":{\"system\":\""
            + NPI
            + "\",\"value\":\""
            + ASSISTANT
            + "\"}}";
    FhirMappingException disagree =
        refused(claim(contained, member(1, both, null), item(1, "27447", "1")));
    assertEquals("Claim.careTeam[0].provider", disagree.path());
    assertTrue(disagree.getMessage().contains(SURGEON), disagree::getMessage);
    assertTrue(disagree.getMessage().contains(ASSISTANT), disagree::getMessage);

    FhirMappingException dangling =
        refused(
            claim(
                contained, member(1, "{\"reference\":\"#nobody\"}", null), item(1, "27447", "1")));
    assertEquals("Claim.careTeam[0].provider.reference", dangling.path());
  }

  /**
   * The surgeon's and the assistant's lines, each by its own NPI, are ranked in their own
   * providers' days; without NPIs, the assistant's line was ranked as the surgeon's own procedure.
   */
  @Test
  void aClaimIsPricedPerRenderingProvider() {
    org.hl7.fhir.r4.model.Claim oneSurgeon =
        FHIR.newJsonParser()
            .parseResource(org.hl7.fhir.r4.model.Claim.class, FhirTest.resource("claim-knee.json"));
    // Lines 1 and 2 of the knee claim, the second as the assistant's.
    oneSurgeon.getItem().removeIf(item -> item.getSequence() > 2);
    oneSurgeon.getItem().get(1).getModifierFirstRep().getCodingFirstRep().setCode("80");
    oneSurgeon.getItem().get(1).getProductOrService().getCodingFirstRep().setCode("29880");
    org.hl7.fhir.r4.model.Claim twoSurgeons = oneSurgeon.copy();
    twoSurgeons
        .addCareTeam()
        .setSequence(1)
        .setProvider(
            new org.hl7.fhir.r4.model.Reference()
                .setIdentifier(
                    new org.hl7.fhir.r4.model.Identifier().setSystem(NPI).setValue(SURGEON)));
    twoSurgeons
        .addCareTeam()
        .setSequence(2)
        .setProvider(
            new org.hl7.fhir.r4.model.Reference()
                .setIdentifier(
                    new org.hl7.fhir.r4.model.Identifier().setSystem(NPI).setValue(ASSISTANT)));
    twoSurgeons.getItem().get(0).addCareTeamSequence(1);
    twoSurgeons.getItem().get(1).addCareTeamSequence(2);

    FhirClaimPricer pricer =
        FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    PricingContext rochester =
        PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);
    // One provider's: the assistant's 29880-80 is the family's highest-paid endoscopy, and the
    // surgeon's 29880-RT is paid its amount less the base 29870's, 531.70 - 393.16.
    ClaimResponse together = pricer.price(oneSurgeon, rochester);
    assertEquals(new BigDecimal("138.54"), eligible(together, 0));
    assertEquals(new BigDecimal("85.07"), eligible(together, 1));
    // Each provider's own: the surgeon's endoscopy in full, the assistant's 16% of it.
    ClaimResponse apart = pricer.price(twoSurgeons, rochester);
    assertEquals(new BigDecimal("531.70"), eligible(apart, 0));
    assertEquals(new BigDecimal("85.07"), eligible(apart, 1));
  }

  /**
   * The primary surgeon's items that do not name his entry are ranked with those that do: his
   * 29881-LT beside his 27447-RT is his second procedure, paid half (512.64 / 2), and his 99213 on
   * the day of his major surgery is in its global package. Without his NPI, each was priced as
   * another provider's: 29881 in full (512.64, a total of 1,710.53) and 99213 paid 61.92.
   */
  @Test
  void theOwnProvidersItemsWithoutCareTeamSequenceArePricedAsHis() {
    FhirClaimPricer pricer =
        FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    PricingContext rochester =
        PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);
    String team = member(1, byNpi(SURGEON), role(CARE_TEAM_ROLE, "primary"));

    ClaimResponse twoProcedures =
        pricer.price(
            active(
                claim(
                    "",
                    team,
                    modified(item(1, "27447", "1"), "RT"),
                    modified(item(2, "29881", null), "LT"))),
            rochester);
    assertEquals(new BigDecimal("256.32"), eligible(twoProcedures, 1));
    assertEquals(new BigDecimal("1454.21"), total(twoProcedures));

    ClaimResponse visit =
        pricer.price(
            active(claim("", team, modified(item(1, "27447", "1"), "RT"), item(2, "99213", null))),
            rochester);
    var refused = FhirTest.adjudication(visit.getItem().get(1), "eligible");
    assertFalse(refused.hasAmount());
    assertEquals("GLOBAL_SURGERY", refused.getReason().getCodingFirstRep().getCode());
  }

  /**
   * The knee claim's header (status, type, patient, insurer) with the care team and items of {@code
   * claim}, to be priced.
   */
  private static org.hl7.fhir.r4.model.Claim active(org.hl7.fhir.r4.model.Claim claim) {
    org.hl7.fhir.r4.model.Claim knee =
        FHIR.newJsonParser()
            .parseResource(org.hl7.fhir.r4.model.Claim.class, FhirTest.resource("claim-knee.json"));
    knee.setCareTeam(claim.getCareTeam());
    knee.setItem(claim.getItem());
    return knee;
  }

  /** {@code item}'s JSON with the modifier {@code modifier}. */
  private static String modified(String item, String modifier) {
    return item.substring(0, item.length() - 1)
        + ",\"modifier\":[{\"coding\":[{\"code\":\""
        + modifier
        + "\"}]}]}";
  }

  private static BigDecimal total(ClaimResponse response) {
    return response.getTotal().stream()
        .filter(t -> t.getCategory().getCodingFirstRep().getCode().equals("eligible"))
        .findFirst()
        .orElseThrow()
        .getAmount()
        .getValue();
  }

  private static BigDecimal eligible(ClaimResponse response, int item) {
    return FhirTest.adjudication(response.getItem().get(item), "eligible").getAmount().getValue();
  }
}
