package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirCodeSystems;
import io.github.cpt4j.fhir.FhirResolver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Pricing reads the caller's FHIR claim and never writes to it. HAPI's getters make an absent
 * element when called ({@code getUnitElement()} sets an empty unit), so a read through one is a
 * write: a server that prices one parsed claim on two threads (or prices it while another thread
 * serializes or audits it) then races on the claim's fields, and the claim the caller keeps has
 * grown elements it never had. Such empty elements are invisible to {@code equalsDeep} and to the
 * JSON encoder, so the test walks every element, empty ones included.
 */
class FhirClaimUntouchedTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final PricingContext OFFICE =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY);

  @Test
  void pricingLeavesEveryElementOfTheClaimAsItWas() {
    FhirClaimPricer pricer =
        FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    // claim-professional.json has quantities coded in UCUM without a unit text, as R4 allows.
    for (String name : List.of("claim-professional.json", "claim-knee.json")) {
      org.hl7.fhir.r4.model.Claim claim =
          FHIR.newJsonParser()
              .parseResource(org.hl7.fhir.r4.model.Claim.class, FhirTest.resource(name));
      List<String> before = elements(claim);
      pricer.price(claim, OFFICE);
      List<String> added = elements(claim);
      added.removeAll(before);
      assertEquals(List.of(), added, name + ": elements pricing added to the claim");
      assertEquals(before, elements(claim), name);
    }
  }

  /**
   * A claim without an id (its first identifier names it in the response) and a billable period
   * without an end (ongoing): the id and the end were read through HAPI's getters, which set them.
   */
  @Test
  void aClaimWithoutAnIdOrAPeriodEndIsLeftWithout() {
    FhirClaimPricer pricer =
        FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    org.hl7.fhir.r4.model.Claim claim =
        FHIR.newJsonParser()
            .parseResource(org.hl7.fhir.r4.model.Claim.class, FhirTest.resource("claim-knee.json"));
    claim.setIdElement(null);
    claim.addIdentifier().setSystem("urn:example:claims").setValue("C-1");
    claim.setBillablePeriod(new Period().setStartElement(new DateTimeType("2025-06-01")));
    List<String> before = elements(claim);
    pricer.price(claim, OFFICE);
    List<String> added = elements(claim);
    added.removeAll(before);
    assertEquals(List.of(), added, "elements pricing added to the claim");
  }

  /**
   * Care team entries without a role or a qualification, which R4 leaves optional: the pricer read
   * both through HAPI's getters, which set an empty one on each entry.
   */
  @Test
  void aCareTeamWithoutRolesOrQualificationsIsLeftWithout() {
    FhirClaimPricer pricer =
        FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    org.hl7.fhir.r4.model.Claim claim =
        FHIR.newJsonParser()
            .parseResource(org.hl7.fhir.r4.model.Claim.class, FhirTest.resource("claim-knee.json"));
    String[] npis = {"1234567893", "1000000004"};
    for (int j = 0; j < npis.length; j++) {
      claim
          .addCareTeam()
          .setSequence(j + 1)
          .setProvider(
              new Reference()
                  .setIdentifier(
                      new Identifier().setSystem(FhirCodeSystems.NPI).setValue(npis[j])));
    }
    claim.getItem().get(0).addCareTeamSequence(1);
    claim.getItem().get(1).addCareTeamSequence(2);
    List<String> before = elements(claim);
    pricer.price(claim, OFFICE);
    List<String> added = elements(claim);
    added.removeAll(before);
    assertEquals(List.of(), added, "elements pricing added to the claim");
  }

  /** A bundle's resource without an id (one named by its fullUrl alone) keeps none. */
  @Test
  void readingABundleLeavesItsResourcesAsTheyWere() {
    org.hl7.fhir.r4.model.Claim claim =
        FHIR.newJsonParser()
            .parseResource(
                org.hl7.fhir.r4.model.Claim.class, FhirTest.resource("claim-professional.json"));
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:2b8a7c1e-0000-4000-8000-000000000001")
        .setResource(claim);
    bundle
        .addEntry()
        .setFullUrl("urn:uuid:2b8a7c1e-0000-4000-8000-000000000002")
        .setResource(new Patient().setActive(true));
    List<String> before = elements(bundle);
    FhirResolver.of(bundle);
    List<String> added = elements(bundle);
    added.removeAll(before);
    assertEquals(List.of(), added, "elements reading the bundle added to it");
  }

  /** The path of every element of {@code root}, each marked when it is empty. */
  private static List<String> elements(Base root) {
    List<String> paths = new ArrayList<>();
    walk(root, root.fhirType(), paths);
    return paths;
  }

  private static void walk(Base element, String path, List<String> paths) {
    paths.add(element.isEmpty() ? path + " (empty)" : path);
    for (Property child : element.children()) {
      List<Base> values = child.getValues();
      for (int i = 0; i < values.size(); i++) {
        walk(values.get(i), path + "." + child.getName() + "[" + i + "]", paths);
      }
    }
  }
}
