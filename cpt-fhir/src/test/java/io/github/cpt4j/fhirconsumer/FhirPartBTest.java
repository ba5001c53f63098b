package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.ClaimPricer;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.fhir.FhirMappingException;
import io.github.cpt4j.fhir.FhirResolver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * A FHIR claim of laboratory, equipment and physician lines, priced by the Part B claim pricer, its
 * equipment by where the patient lives.
 */
class FhirPartBTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final LocalDate MARCH_14 = LocalDate.of(2025, 3, 14);

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

  /** {@code claim} of a contained patient (whose addresses the test adds), returned. */
  private static Patient containedPatient(org.hl7.fhir.r4.model.Claim claim) {
    Patient patient = new Patient();
    patient.setId("pat");
    claim.addContained(patient);
    claim.setPatient(new Reference("#pat"));
    return patient;
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
    assertEquals(Optional.of("90210"), FhirClaims.beneficiaryZip(claim, MARCH_14, resolver));
    assertEquals(Optional.empty(), FhirClaims.beneficiaryZip(claim, MARCH_14));

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

  /**
   * A claim of one dexamethasone item, J1100 (per 1 mg), on 2025-02-03; {@code amounts} gives its
   * quantity and charge elements.
   */
  private static org.hl7.fhir.r4.model.Claim drugClaim(String amounts) {
    return FHIR.newJsonParser()
        .parseResource(
            org.hl7.fhir.r4.model.Claim.class,
            """
            {"resourceType": "Claim", "status": "active", "use": "claim",
             "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type",
                                  "code": "professional"}]},
             "patient": {"reference": "Patient/p1"}, "insurer": {"reference": "Organization/medicare"},
             "billablePeriod": {"start": "2025-02-03", "end": "2025-02-03"},
             "item": [{"sequence": 1, "productOrService": {"coding": [
               {"system": "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "code": "J1100"}]},
               %s}]}
            """
                .formatted(amounts));
  }

  private static BigDecimal submitted(ClaimResponse response) {
    return FhirTest.adjudication(response.getItem().get(0), "submitted").getAmount().getValue();
  }

  /**
   * Without {@code net}, the charge is quantity x unitPrice x factor rounded half-up to cents, as a
   * {@code net} is checked against it: seven units at 0.125 were refused as 0.875, not whole cents,
   * though the same item with its {@code net} of 0.88 was priced.
   */
  @Test
  void aChargeOfUnitPriceTimesQuantityIsRoundedToCents() {
    ClaimResponse withNet =
        PART_B.price(
            drugClaim(
                "\"quantity\": {\"value\": 7}, \"unitPrice\": {\"value\": 0.125, \"currency\": \"USD\"},"
                    + " \"net\": {\"value\": 0.88, \"currency\": \"USD\"}"),
            MANHATTAN);
    assertEquals(new BigDecimal("0.88"), submitted(withNet));
    assertEquals(new BigDecimal("0.76"), eligible(withNet, 0));

    ClaimResponse withoutNet =
        PART_B.price(
            drugClaim(
                "\"quantity\": {\"value\": 7}, \"unitPrice\": {\"value\": 0.125, \"currency\": \"USD\"}"),
            MANHATTAN);
    assertEquals(new BigDecimal("0.88"), submitted(withoutNet));
    assertEquals(new BigDecimal("0.76"), eligible(withoutNet, 0));
    assertTrue(withNet.getItem().get(0).equalsDeep(withoutNet.getItem().get(0)));
  }

  /**
   * An edit that denies some units of a drug line, which the Part B pricer prices alone (not with
   * the Physician Fee Schedule's lines): the lower amount has the reason {@code UNITS_DENIED} and
   * the item a note of the edit's words, as on a physician's line.
   */
  @Test
  void unitsAnEditDeniedOnADrugLineAreSaid() {
    ClaimEdit cap =
        new ClaimEdit() {
          @Override
          public String name() {
            return "payer-cap";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            return List.of(
                EditFinding.builder()
                    .edit(name())
                    .line(0)
                    .action(EditAction.DENY_UNITS)
                    .deniedUnits(3)
                    .reason(UnpricedReason.EDIT_DENIED)
                    .message("the plan pays 4 mg a day")
                    .build());
          }
        };
    FhirClaimPricer capped =
        FhirClaimPricer.of(
            PartBClaimPricer.of(
                BundledData.partBFeeSchedule(),
                MedicareClaimPricer.builder(BundledData.medicareFeeSchedule())
                    .addEdit(cap)
                    .build()));
    String amounts = "\"quantity\": {\"value\": 7}, \"net\": {\"value\": 7.00}";
    ClaimResponse response = capped.price(drugClaim(amounts), MANHATTAN);
    BigDecimal seven = eligible(PART_B.price(drugClaim(amounts), MANHATTAN), 0);
    BigDecimal four = eligible(response, 0);
    assertTrue(four.compareTo(seven) < 0, four + " for 4 units, " + seven + " for 7");
    var adjudication = FhirTest.adjudication(response.getItem().get(0), "eligible");
    assertEquals(
        FhirClaimPricer.WARNING_KIND, adjudication.getReason().getCodingFirstRep().getSystem());
    assertEquals("UNITS_DENIED", reason(response, 0));
    String words = "3 of 7 units denied: the plan pays 4 mg a day";
    assertEquals(words, adjudication.getReason().getText());
    assertEquals(words, response.getProcessNoteFirstRep().getText());
    assertEquals(1, response.getProcessNote().size());
    assertEquals(1, response.getItem().get(0).getNoteNumber().get(0).getValue());
    assertEquals(ClaimResponse.RemittanceOutcome.COMPLETE, response.getOutcome());
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
        Optional.empty(),
        FhirClaims.beneficiaryZip(claimOf(bundle), MARCH_14, FhirResolver.of(bundle)));
  }

  @Test
  void aContainedPatientsBadZipCodeIsRefusedOnlyWhenALineNeedsIt() {
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle());
    Patient patient = containedPatient(claim);
    patient.addAddress().setPostalCode("9021");
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> PART_B.price(claim, MANHATTAN));
    assertEquals("Claim.contained[0].address[0].postalCode", e.path());

    // The physician's pricer leaves the walker NOT_IN_SCHEDULE: it never needs the address.
    FhirClaimPricer physician =
        FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    assertEquals(
        UnpricedReason.NOT_IN_SCHEDULE.name(), reason(physician.price(claim, MANHATTAN), 2));
    // Without the walker, the address is not read: the claim is priced.
    claim.getItem().remove(2);
    assertEquals(new BigDecimal("10.56"), eligible(PART_B.price(claim, MANHATTAN), 1));
  }

  /**
   * The service location matters only for lines priced by locality: a claim of a walker and a lab
   * test, furnished at a ZIP code in no locality, is priced; with the visit it is refused.
   */
  @Test
  void aServiceZipInNoLocalityRefusesOnlyAClaimPricedByLocality() {
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle());
    claim.getItem().forEach(item -> item.setLocation(new Address().setPostalCode("00000")));
    FhirClaimPricer byZip = PART_B.withZipLocalities(BundledData.zipLocalities());
    FhirMappingException e =
        assertThrows(
            FhirMappingException.class,
            () -> byZip.price(claim, MANHATTAN.withBeneficiaryZip("10001")));
    assertTrue(e.getMessage().contains("00000"), e.getMessage());
    claim.getItem().remove(0); // the visit
    ClaimResponse response = byZip.price(claim, MANHATTAN.withBeneficiaryZip("10001"));
    assertEquals(new BigDecimal("10.56"), eligible(response, 0));
    assertEquals(new BigDecimal("61.45"), eligible(response, 1));
    // Read all the same: a malformed ZIP code, or two, is refused.
    claim.getItem().get(0).setLocation(new Address().setPostalCode("ABCDE"));
    assertThrows(
        FhirMappingException.class,
        () -> byZip.price(claim, MANHATTAN.withBeneficiaryZip("10001")));
    claim.getItem().get(0).setLocation(new Address().setPostalCode("90210"));
    assertThrows(
        FhirMappingException.class,
        () -> byZip.price(claim, MANHATTAN.withBeneficiaryZip("10001")));
  }

  /**
   * Only the dates of the lines a locality prices look the service ZIP code up: a lab test and a
   * walker of March beside a visit of April, at a ZIP code CMS moved to another locality in April,
   * are one claim priced in April's locality. March's table was asked for the lab test's date, and
   * the claim refused as if its lines of national and state amounts needed a locality.
   */
  @Test
  void onlyTheDatesOfLinesPricedByLocalityLookTheZipCodeUp() {
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle());
    claim.setBillablePeriod(new Period().setStartElement(new DateTimeType("2025-03-14")));
    claim.getBillablePeriod().setEndElement(new DateTimeType("2025-04-30"));
    claim.getItem().forEach(item -> item.setLocation(new Address().setPostalCode("10001")));
    claim.getItem().forEach(item -> item.setServiced(new DateType("2025-03-14")));
    LocalDate april14 = LocalDate.of(2025, 4, 14);
    claim.getItem().get(0).setServiced(new DateType("2025-04-14")); // the visit
    Locality rochester = Locality.parse("13282-99");
    Locality manhattan = Locality.parse("13202-01");
    ZipLocalityTable march = ZipLocalityTable.builder().add(10001, rochester, false).build();
    ZipLocalityTable april = ZipLocalityTable.builder().add(10001, manhattan, false).build();
    List<LocalDate> asked = new ArrayList<>();
    FhirClaimPricer byQuarter =
        PART_B.withZipLocalities(
            date -> {
              asked.add(date);
              return date.isBefore(LocalDate.of(2025, 4, 1)) ? march : april;
            });
    PricingContext rochesterHome =
        PricingContext.of(MARCH_14, rochester, Setting.NON_FACILITY).withBeneficiaryZip("10001");

    ClaimResponse response = byQuarter.price(claim, rochesterHome);
    assertEquals(List.of(april14), asked);
    ClaimResponse inManhattan = PART_B.price(claim, MANHATTAN.withBeneficiaryZip("10001"));
    for (int item = 0; item < 3; item++) {
      assertEquals(eligible(inManhattan, item), eligible(response, item));
    }
    assertEquals(new BigDecimal("10.56"), eligible(response, 1));
    assertEquals(new BigDecimal("61.45"), eligible(response, 2));

    // Nor does a March table without the ZIP code refuse the claim.
    FhirClaimPricer newInApril =
        PART_B.withZipLocalities(
            date ->
                date.isBefore(LocalDate.of(2025, 4, 1))
                    ? ZipLocalityTable.builder().build()
                    : april);
    assertEquals(eligible(inManhattan, 0), eligible(newInApril.price(claim, rochesterHome), 0));
  }

  @Test
  void theHomeOnTheDateOfServiceInTheUnitedStates() {
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle());
    Patient patient = containedPatient(claim);
    // Moved away in 2024, and a house abroad: neither is the home on 2025-03-14.
    patient
        .addAddress()
        .setUse(Address.AddressUse.HOME)
        .setPostalCode("99501")
        .setPeriod(new Period().setEndElement(new DateTimeType("2024-12")));
    patient.addAddress().setCountry("CA").setPostalCode("K1A 0B1");
    patient
        .addAddress()
        .setCountry("us")
        .setPostalCode("96813")
        .setPeriod(new Period().setStartElement(new DateTimeType("2025")));
    assertEquals(Optional.of("96813"), FhirClaims.beneficiaryZip(claim, MARCH_14));
    assertEquals(new BigDecimal("71.17"), eligible(PART_B.price(claim, MANHATTAN), 2));
    // In 2024, both Alaska and Hawaii: which one is not for cpt4j to guess.
    patient.getAddress().get(2).getPeriod().setStartElement(new DateTimeType("2024-06-01"));
    assertEquals(Optional.empty(), FhirClaims.beneficiaryZip(claim, LocalDate.of(2024, 7, 1)));
  }

  @Test
  void aZipCodeTheScheduleCannotPlaceLeavesTheLineUnpriced() {
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle());
    Patient patient = containedPatient(claim);
    patient.addAddress().setPostalCode("00000");
    ClaimResponse response = PART_B.price(claim, MANHATTAN);
    assertNull(eligible(response, 2));
    String detail =
        FhirTest.adjudication(response.getItem().get(2), "eligible").getReason().getText();
    assertTrue(detail.contains("ZIP code 00000 is in no state"), detail);
    assertEquals(new BigDecimal("10.56"), eligible(response, 1));
  }

  @Test
  void anotherPricerIsAskedAgainWithThePatientsHome() {
    ClaimPricer partB =
        PartBClaimPricer.of(
            BundledData.partBFeeSchedule(),
            MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    List<Optional<String>> asked = new ArrayList<>();
    ClaimPricer wrapped =
        new ClaimPricer() {
          @Override
          public String name() {
            return "wrapped";
          }

          @Override
          public PricedClaim price(Claim claim, PricingContext context) {
            asked.add(context.beneficiaryZip());
            return partB.price(claim, context);
          }
        };
    Bundle bundle = bundle();
    ClaimResponse response =
        FhirClaimPricer.of(wrapped)
            .withResolver(FhirResolver.of(bundle))
            .price(claimOf(bundle), MANHATTAN);
    assertEquals(new BigDecimal("65.94"), eligible(response, 2));
    assertEquals(List.of(Optional.empty(), Optional.of("90210")), asked);
    // A claim no line of which needs the ZIP code is priced once.
    org.hl7.fhir.r4.model.Claim visit = claimOf(bundle());
    visit.getItem().remove(2);
    asked.clear();
    FhirClaimPricer.of(wrapped).price(visit, MANHATTAN);
    assertEquals(List.of(Optional.empty()), asked);
  }

  @Test
  void aContainedResourcesReferencesDoNotHoldTheCallersResources() {
    Bundle bundle = bundle();
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle);
    Patient patient = containedPatient(claim);
    Reference organization = new Reference("Organization/o1");
    organization.setResource(new org.hl7.fhir.r4.model.Organization());
    patient.setManagingOrganization(organization);
    ClaimResponse response = PART_B.price(claim, MANHATTAN.withBeneficiaryZip("10001"));
    Patient copied = (Patient) response.getContained().get(0);
    assertEquals("Organization/o1", copied.getManagingOrganization().getReference());
    assertNull(copied.getManagingOrganization().getResource());
  }

  @Test
  void theWalkersOwnDateFindsTheHome() {
    // A visit in December 2024, the walker in January 2025; the patient moved from Alaska to
    // Hawaii on New Year's Day. The walker is paid where the patient lived when it was furnished.
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle());
    claim.setBillablePeriod(null);
    claim.getItem().remove(1);
    claim.getItem().get(0).setServiced(new DateType("2024-12-20"));
    claim.getItem().get(1).setServiced(new DateType("2025-01-15"));
    Patient patient = containedPatient(claim);
    patient
        .addAddress()
        .setPostalCode("99501")
        .setPeriod(new Period().setEndElement(new DateTimeType("2024-12-31")));
    patient
        .addAddress()
        .setPostalCode("96813")
        .setPeriod(new Period().setStartElement(new DateTimeType("2025-01-01")));
    assertEquals(new BigDecimal("71.17"), eligible(PART_B.price(claim, MANHATTAN), 1));
  }

  @Test
  void withoutADmeposScheduleThePatientIsNotRead() {
    FhirClaimPricer noDmepos =
        FhirClaimPricer.of(
            PartBClaimPricer.of(
                PartBFeeSchedule.builder()
                    .physicianFeeSchedule(BundledData.medicareFeeSchedule())
                    .clinicalLaboratory(BundledData.clinicalLabFeeSchedule())
                    .build(),
                MedicareClaimPricer.of(BundledData.medicareFeeSchedule())));
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle());
    containedPatient(claim).addAddress().setPostalCode("9021");
    ClaimResponse response = noDmepos.price(claim, MANHATTAN);
    assertEquals(UnpricedReason.NO_SCHEDULE_LOADED.name(), reason(response, 2));
  }

  @Test
  void countriesAreReadInTheirUsualSpellings() {
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle());
    Patient patient = containedPatient(claim);
    Address home = patient.addAddress().setCountry(" U.S.A. ").setPostalCode("96813");
    assertEquals(Optional.of("96813"), FhirClaims.beneficiaryZip(claim, MARCH_14));
    home.setCountry("united  states of america");
    assertEquals(Optional.of("96813"), FhirClaims.beneficiaryZip(claim, MARCH_14));
    home.setCountry("840");
    assertEquals(Optional.of("96813"), FhirClaims.beneficiaryZip(claim, MARCH_14));
    home.setCountry("Canada");
    assertEquals(Optional.empty(), FhirClaims.beneficiaryZip(claim, MARCH_14));
    // A country of no value (a data-absent reason) is no country given.
    StringType absent = new StringType();
    absent.addExtension(
        new Extension(
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason", new CodeType("unknown")));
    home.setCountryElement(absent);
    assertEquals(Optional.of("96813"), FhirClaims.beneficiaryZip(claim, MARCH_14));
  }

  @Test
  void aCopyOfAClaimAtAUrnReadsItsPatientByTypeAndId() {
    Bundle bundle = bundle();
    bundle.getEntry().get(0).setFullUrl("urn:uuid:2d0c7a57-0000-4000-8000-000000000003");
    bundle.getEntry().get(1).setFullUrl("urn:uuid:2d0c7a57-0000-4000-8000-000000000004");
    bundle
        .addEntry()
        .setFullUrl("https://example.org/fhir/Organization/medicare")
        .setResource(new org.hl7.fhir.r4.model.Organization());
    FhirResolver resolver = FhirResolver.of(bundle);
    org.hl7.fhir.r4.model.Claim claim = claimOf(bundle);
    assertEquals(Optional.of("90210"), FhirClaims.beneficiaryZip(claim, MARCH_14, resolver));
    assertEquals(Optional.of("90210"), FhirClaims.beneficiaryZip(claim.copy(), MARCH_14, resolver));
  }
}
