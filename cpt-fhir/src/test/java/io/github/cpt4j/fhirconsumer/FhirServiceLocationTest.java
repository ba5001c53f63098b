package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.fhir.FhirMappingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/**
 * Where the services were furnished: the ZIP code of an item's location, the claim's facility or
 * its billing provider's office, whose payment locality prices the claim when the pricer has ZIP
 * code tables.
 */
class FhirServiceLocationTest {

  private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);
  private static final Locality ROCHESTER = Locality.parse("13282-99");
  private static final Locality MANHATTAN = Locality.parse("13202-01");

  private static final FhirClaimPricer PRICER =
      FhirClaimPricer.of(MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
  private static final FhirClaimPricer BY_ZIP =
      PRICER.withZipLocalities(BundledData.zipLocalities());

  private static org.hl7.fhir.r4.model.Claim officeClaim() {
    return FhirTest.officeVisitAndInjection();
  }

  /** {@code claim} with a contained {@code Location} at {@code zip}, as its {@code facility}. */
  private static org.hl7.fhir.r4.model.Claim atFacility(
      org.hl7.fhir.r4.model.Claim claim, String zip) {
    Location facility = new Location();
    facility.setId("site");
    facility.setAddress(new Address().setCity("Somewhere").setPostalCode(zip));
    claim.addContained(facility);
    claim.setFacility(new Reference("#site"));
    return claim;
  }

  /** {@code claim} billed by a contained {@code Organization} whose office is at {@code zip}. */
  private static org.hl7.fhir.r4.model.Claim withOffice(
      org.hl7.fhir.r4.model.Claim claim, String zip) {
    Organization group = new Organization();
    group.setId("group");
    group.addAddress().setUse(Address.AddressUse.WORK).setPostalCode(zip);
    claim.addContained(group);
    claim.setProvider(new Reference("#group"));
    return claim;
  }

  private static List<BigDecimal> eligible(ClaimResponse response) {
    List<BigDecimal> amounts = new ArrayList<>();
    for (var item : response.getItem()) {
      amounts.add(FhirTest.adjudication(item, "eligible").getAmount().getValue());
    }
    return amounts;
  }

  private static PricingContext in(Locality locality) {
    return PricingContext.of(JUNE_2, locality, Setting.NON_FACILITY);
  }

  @Test
  void theFacilitysZipCodePricesTheClaimInItsLocality() {
    org.hl7.fhir.r4.model.Claim claim = atFacility(officeClaim(), "10001");
    assertEquals(Optional.of("10001"), FhirClaims.serviceZip(claim));

    List<BigDecimal> manhattan = eligible(PRICER.price(officeClaim(), in(MANHATTAN)));
    List<BigDecimal> rochester = eligible(PRICER.price(officeClaim(), in(ROCHESTER)));
    assertNotEquals(manhattan, rochester);
    // The claim's ZIP code wins over the context's locality, which is the default.
    assertEquals(manhattan, eligible(BY_ZIP.price(claim, in(ROCHESTER))));
    // A pricer without tables does not read ZIP codes: the context's locality prices the claim.
    assertEquals(rochester, eligible(PRICER.price(claim, in(ROCHESTER))));
    // A claim that names no ZIP code is priced in the context's locality.
    assertEquals(rochester, eligible(BY_ZIP.price(officeClaim(), in(ROCHESTER))));
  }

  /**
   * 01434 (Massachusetts) straddles two localities, which CMS tells apart by ZIP+4: the items are
   * priced in its five-digit row's, each with a note saying so, as {@code cpt price} warns.
   */
  @Test
  void aZipCodeSplitByZipPlusFourIsPricedWithANote() {
    assertTrue(BundledData.zipLocalities().isSplitByPlusFour("01434"));
    ClaimResponse split = BY_ZIP.price(atFacility(officeClaim(), "01434"), in(ROCHESTER));
    Locality row = BundledData.zipLocalities().find("01434").orElseThrow();
    assertEquals(eligible(PRICER.price(officeClaim(), in(row))), eligible(split));
    assertEquals(1, split.getProcessNote().size());
    var note = split.getProcessNoteFirstRep();
    assertTrue(note.getText().startsWith("CMS splits ZIP code 01434"), note.getText());
    assertTrue(note.getText().contains("priced in " + row), note.getText());
    assertEquals(
        "LOCALITY_OF_SPLIT_ZIP",
        ((Coding) note.getExtensionByUrl(FhirClaimPricer.WARNING_KIND_EXTENSION).getValue())
            .getCode());
    for (var item : split.getItem()) {
      assertEquals(
          List.of(note.getNumber()), item.getNoteNumber().stream().map(n -> n.getValue()).toList());
    }
    // A ZIP code of one locality has no such note.
    assertTrue(
        BY_ZIP.price(atFacility(officeClaim(), "10001"), in(ROCHESTER)).getProcessNote().isEmpty());
  }

  @Test
  void aContextWithoutALocalityTakesTheClaims() {
    PricingContext nowhere = PricingContext.withoutArea(JUNE_2, Setting.NON_FACILITY);
    ClaimResponse unplaced = BY_ZIP.price(officeClaim(), nowhere);
    assertEquals(
        UnpricedReason.NO_LOCALITY.name(),
        FhirTest.adjudication(unplaced.getItemFirstRep(), "eligible")
            .getReason()
            .getCodingFirstRep()
            .getCode());
    assertEquals(
        eligible(PRICER.price(officeClaim(), in(ROCHESTER))),
        eligible(BY_ZIP.price(atFacility(officeClaim(), "14620"), nowhere)));
  }

  @Test
  void anItemsOwnLocationIsWhereItWasFurnished() {
    // An item's location replaces its place of service coding (location[x] is one element), and
    // is all the claim says of where: ZIP+4, with or without its hyphen, is read to five digits.
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    claim.getItem().get(0).setLocation(new Address().setPostalCode("14620-1234"));
    Location clinic = new Location().setAddress(new Address().setPostalCode("146201234"));
    clinic.setId("clinic");
    claim.addContained(clinic);
    claim.getItem().get(1).setLocation(new Reference("#clinic"));
    assertEquals(Optional.of("14620"), FhirClaims.serviceZip(claim));
    assertEquals(
        eligible(PRICER.price(claim, in(ROCHESTER))), eligible(BY_ZIP.price(claim, in(MANHATTAN))));

    // Items at two ZIP codes are two claims, the second refused at its ZIP code.
    claim.getItem().get(1).setLocation(new Address().setPostalCode("14621"));
    FhirMappingException twoZips =
        assertThrows(FhirMappingException.class, () -> FhirClaims.serviceZip(claim));
    assertEquals("Claim.item[1].locationAddress.postalCode", twoZips.path());
    assertTrue(twoZips.getMessage().contains("14621 differs from 14620"), twoZips.getMessage());
    assertTrue(twoZips.getMessage().contains("Claim.item[0].locationAddress.postalCode"));
  }

  @Test
  void anItemWithoutALocationIsAtTheFacility() {
    org.hl7.fhir.r4.model.Claim claim = atFacility(officeClaim(), "10001");
    claim.getItem().get(1).setLocation(new Address().setPostalCode("10001"));
    assertEquals(Optional.of("10001"), FhirClaims.serviceZip(claim));
    // The first item, coded with a place of service only (or with no location), is at the
    // facility: another ZIP code on the second is refused, at the facility's, naming the item.
    claim.getItem().get(1).setLocation(new Address().setPostalCode("14620"));
    for (boolean placeCoded : new boolean[] {true, false}) {
      if (!placeCoded) {
        claim.getItem().get(0).setLocation(null);
      }
      FhirMappingException atFacility =
          assertThrows(FhirMappingException.class, () -> FhirClaims.serviceZip(claim));
      assertEquals("Claim.contained[0].address.postalCode", atFacility.path());
      assertTrue(
          atFacility
              .getMessage()
              .contains(
                  "ZIP code 10001, the facility of Claim.item[0], which has no location of its"
                      + " own, differs from 14620 at Claim.item[1].locationAddress.postalCode"),
          atFacility.getMessage());
    }
    // When every item has a location of its own, the facility is not where any was furnished.
    claim.getItem().get(0).setLocation(new Address().setPostalCode("14620"));
    assertEquals(Optional.of("14620"), FhirClaims.serviceZip(claim));
  }

  @Test
  void withoutAFacilityTheBillingProvidersOfficeIsWhere() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    Organization group = new Organization();
    group.setId("group");
    group.addAddress().setUse(Address.AddressUse.BILLING).setPostalCode("10001");
    group.addAddress().setType(Address.AddressType.POSTAL).setPostalCode("10002");
    group.addAddress().setUse(Address.AddressUse.OLD).setPostalCode("10003");
    group.addAddress().setUse(Address.AddressUse.WORK).setPostalCode("14620");
    claim.addContained(group);
    claim.setProvider(new Reference("#group"));
    assertEquals(Optional.of("14620"), FhirClaims.serviceZip(claim));

    // An address abroad (a home in Toronto, without a postal code) is not the office: skipped.
    group.addAddress().setUse(Address.AddressUse.HOME).setCity("Toronto").setCountry("CA");
    assertEquals(Optional.of("14620"), FhirClaims.serviceZip(claim));

    // Two offices: which one the services were at is not for cpt4j to guess.
    group.addAddress().setType(Address.AddressType.PHYSICAL).setPostalCode("14621");
    assertEquals(Optional.empty(), FhirClaims.serviceZip(claim));

    // The facility, item 32, wins over the provider's office, item 33.
    atFacility(claim, "10001");
    assertEquals(Optional.of("10001"), FhirClaims.serviceZip(claim));
  }

  @Test
  void aLocationNamedButNotReadableLeavesTheZipCodeUnknown() {
    List<BigDecimal> rochester = eligible(PRICER.price(officeClaim(), in(ROCHESTER)));
    // A facility outside the claim is not followed, and the office does not stand for it.
    org.hl7.fhir.r4.model.Claim claim = withOffice(officeClaim(), "10001");
    claim.setFacility(new Reference("Location/main-street"));
    assertEquals(Optional.empty(), FhirClaims.serviceZip(claim));
    assertEquals(rochester, eligible(BY_ZIP.price(claim, in(ROCHESTER))));

    // Nor does the facility stand for an item whose own location is outside the claim.
    org.hl7.fhir.r4.model.Claim elsewhere = atFacility(officeClaim(), "10001");
    elsewhere.getItem().get(1).setLocation(new Reference("Location/elsewhere"));
    assertEquals(Optional.empty(), FhirClaims.serviceZip(elsewhere));
    assertEquals(rochester, eligible(BY_ZIP.price(elsewhere, in(ROCHESTER))));

    // A contained location without an address, an address without a postal code: the same.
    Location noAddress = new Location();
    noAddress.setId("ward");
    org.hl7.fhir.r4.model.Claim ward = atFacility(officeClaim(), "10001");
    ward.addContained(noAddress);
    ward.getItem().get(1).setLocation(new Reference("#ward"));
    assertEquals(Optional.empty(), FhirClaims.serviceZip(ward));
    org.hl7.fhir.r4.model.Claim noZip = atFacility(officeClaim(), "10001");
    noZip.getItem().get(1).setLocation(new Address().setCity("Rochester"));
    assertEquals(Optional.empty(), FhirClaims.serviceZip(noZip));

    // A facility no item is at is not read, however broken.
    org.hl7.fhir.r4.model.Claim dangling = officeClaim();
    dangling.setFacility(new Reference("#nowhere"));
    dangling.getItem().forEach(item -> item.setLocation(new Address().setPostalCode("14620")));
    assertEquals(Optional.of("14620"), FhirClaims.serviceZip(dangling));
  }

  @Test
  void withoutAFacilityAnItemWithoutALocationIsWhereTheOthersAre() {
    // The first item is coded with a place of service (11) only: it is where the second is, not
    // at the billing provider's office, which is looked for only when no item says where.
    org.hl7.fhir.r4.model.Claim claim = withOffice(officeClaim(), "10001");
    claim.getItem().get(1).setLocation(new Address().setPostalCode("14620"));
    assertEquals(Optional.of("14620"), FhirClaims.serviceZip(claim));
  }

  @Test
  void theOfficeIsWhereOnlyForAClaimAtTheOfficeOrOfNoPlace() {
    // Place of service 11 on both items: the office.
    assertEquals(Optional.of("10001"), FhirClaims.serviceZip(withOffice(officeClaim(), "10001")));
    // No place of service at all: the office too.
    org.hl7.fhir.r4.model.Claim unplaced = withOffice(officeClaim(), "10001");
    unplaced.getItem().forEach(item -> item.setLocation(null));
    assertEquals(Optional.of("10001"), FhirClaims.serviceZip(unplaced));
    // At the patient's home (12), the service location is item 32's, never the office.
    org.hl7.fhir.r4.model.Claim home = withOffice(officeClaim(), "10001");
    home.getItem()
        .forEach(item -> item.getLocationCodeableConcept().getCodingFirstRep().setCode("12"));
    assertEquals(Optional.empty(), FhirClaims.serviceZip(home));
    assertEquals(Optional.of("14620"), FhirClaims.serviceZip(atFacility(home, "14620")));
  }

  @Test
  void theOfficeOfAPractitionerCountsAndARoleSaysNothing() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    Practitioner doctor = new Practitioner();
    doctor.setId("dr");
    doctor.addAddress().setUse(Address.AddressUse.HOME).setPostalCode("14620");
    claim.addContained(doctor);
    claim.setProvider(new Reference("#dr"));
    assertEquals(Optional.of("14620"), FhirClaims.serviceZip(claim));

    PractitionerRole role = new PractitionerRole();
    role.setId("role");
    claim.addContained(role);
    claim.setProvider(new Reference("#role"));
    assertEquals(Optional.empty(), FhirClaims.serviceZip(claim));
  }

  @Test
  void whatIsNotAZipCodeIsRefusedAtItsPath() {
    for (String notAZip : List.of("K1A 0B1", "1462", "14620 ", "14620-123", "14620+1234", "")) {
      org.hl7.fhir.r4.model.Claim claim = atFacility(officeClaim(), notAZip);
      if (notAZip.isEmpty()) {
        // An empty string is no value at all in FHIR: the address says nothing.
        assertEquals(Optional.empty(), FhirClaims.serviceZip(claim));
        continue;
      }
      FhirMappingException e =
          assertThrows(FhirMappingException.class, () -> BY_ZIP.price(claim, in(ROCHESTER)));
      assertEquals("Claim.contained[0].address.postalCode", e.path());
      assertTrue(e.getMessage().contains("'" + notAZip + "'"), e.getMessage());
    }
    // A data-absent reason is not a ZIP code either.
    org.hl7.fhir.r4.model.Claim absent = atFacility(officeClaim(), "10001");
    StringType postalCode = new StringType();
    postalCode.addExtension(
        new Extension(
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
            new org.hl7.fhir.r4.model.CodeType("unknown")));
    ((Location) absent.getContained().get(0)).getAddress().setPostalCodeElement(postalCode);
    assertEquals(
        "Claim.contained[0].address.postalCode",
        assertThrows(FhirMappingException.class, () -> FhirClaims.serviceZip(absent)).path());
  }

  /**
   * A postal code abroad was read as a US ZIP code: Germany's 10115, of five digits, priced a
   * Berlin service in a US locality. An address's country must be absent or the United States' (or
   * a territory's).
   */
  @Test
  void anAddressAbroadIsRefusedAtItsCountry() {
    for (String[] abroad : new String[][] {{"DE", "10115"}, {"CA", "K1A0B1"}}) {
      org.hl7.fhir.r4.model.Claim claim = atFacility(officeClaim(), abroad[1]);
      ((Location) claim.getContained().get(0)).getAddress().setCountry(abroad[0]);
      FhirMappingException e =
          assertThrows(FhirMappingException.class, () -> FhirClaims.serviceZip(claim));
      assertEquals("Claim.contained[0].address.country", e.path());
      assertTrue(e.getMessage().contains("the address is in '" + abroad[0] + "'"), e::getMessage);
    }
    // An item's own address, the same way.
    org.hl7.fhir.r4.model.Claim item = officeClaim();
    item.getItemFirstRep().setLocation(new Address().setPostalCode("10115").setCountry("Germany"));
    assertEquals(
        "Claim.item[0].locationAddress.country",
        assertThrows(FhirMappingException.class, () -> FhirClaims.serviceZip(item)).path());
    // The United States and its territories, in their usual spellings, have ZIP codes.
    for (String us :
        List.of(
            "US",
            "U.S.A.",
            "united states",
            "PR",
            "Guam",
            "American Samoa",
            "Northern Mariana Islands",
            "U.S. Virgin Islands",
            "Virgin Islands, U.S.")) {
      org.hl7.fhir.r4.model.Claim claim = atFacility(officeClaim(), "10001");
      ((Location) claim.getContained().get(0)).getAddress().setCountry(us);
      assertEquals(Optional.of("10001"), FhirClaims.serviceZip(claim), us);
    }
  }

  @Test
  void aLocalReferenceMustNameAContainedLocation() {
    org.hl7.fhir.r4.model.Claim claim = officeClaim();
    claim.setFacility(new Reference("#nowhere"));
    FhirMappingException none =
        assertThrows(FhirMappingException.class, () -> FhirClaims.serviceZip(claim));
    assertEquals("Claim.facility.reference", none.path());

    Patient patient = new Patient();
    patient.setId("pat");
    patient.addAddress().setPostalCode("10001");
    claim.addContained(patient);
    claim.setFacility(new Reference("#pat"));
    FhirMappingException notALocation =
        assertThrows(FhirMappingException.class, () -> FhirClaims.serviceZip(claim));
    assertEquals("Claim.facility.reference", notALocation.path());
    assertTrue(notALocation.getMessage().contains("names a Patient, where a Location is expected"));
  }

  @Test
  void aZipCodeInNoLocalityIsRefusedWithItsDate() {
    assertFalse(BundledData.zipLocalities().find("00000").isPresent());
    org.hl7.fhir.r4.model.Claim claim = atFacility(officeClaim(), "00000");
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> BY_ZIP.price(claim, in(ROCHESTER)));
    assertEquals("Claim.contained[0].address.postalCode", e.path());
    assertTrue(e.getMessage().contains("ZIP code 00000 is in no Medicare payment locality"));
    assertTrue(e.getMessage().contains("in force on 2025-06-02"), e.getMessage());
  }

  @Test
  void eachLinesDateFindsTheZipCodeInItsQuartersTable() {
    ZipLocalityTable spring = ZipLocalityTable.builder().add(14620, ROCHESTER, false).build();
    ZipLocalityTable summer = ZipLocalityTable.builder().add(14620, MANHATTAN, false).build();
    List<LocalDate> asked = new ArrayList<>();
    FhirClaimPricer byQuarter =
        PRICER.withZipLocalities(
            date -> {
              asked.add(date);
              return date.isBefore(LocalDate.of(2025, 7, 1)) ? spring : summer;
            });
    org.hl7.fhir.r4.model.Claim claim = atFacility(officeClaim(), "14620");
    claim.setBillablePeriod(null);
    claim.getItem().forEach(item -> item.setServiced(new DateType("2025-06-02")));
    assertEquals(
        eligible(PRICER.price(claim, in(ROCHESTER))),
        eligible(byQuarter.price(claim, in(MANHATTAN))));
    assertEquals(List.of(JUNE_2), asked);

    // Two dates in one quarter's locality: one claim, each date's table asked once.
    claim.getItem().get(1).setServiced(new DateType("2025-06-03"));
    asked.clear();
    byQuarter.price(claim, in(MANHATTAN));
    assertEquals(List.of(JUNE_2, LocalDate.of(2025, 6, 3)), asked);

    // Dated in two quarters in which CMS placed the ZIP code in two localities: two claims.
    claim.getItem().get(1).setServiced(new DateType("2025-07-01"));
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> byQuarter.price(claim, in(MANHATTAN)));
    assertEquals("Claim.contained[0].address.postalCode", e.path());
    assertTrue(
        e.getMessage().contains("in locality 13282-99 on 2025-06-02 and in 13202-01 on 2025-07-01"),
        e.getMessage());

    // A line without a date of its own is found on the context's date.
    claim.getItem().forEach(item -> item.setServiced(null));
    asked.clear();
    byQuarter.price(
        claim, PricingContext.of(LocalDate.of(2025, 8, 1), ROCHESTER, Setting.NON_FACILITY));
    assertEquals(List.of(LocalDate.of(2025, 8, 1)), asked);
  }

  @Test
  void aTableFunctionThatGivesNoTableIsTheCallersError() {
    FhirClaimPricer broken = PRICER.withZipLocalities(date -> null);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> broken.price(atFacility(officeClaim(), "10001"), in(ROCHESTER)));
    assertTrue(e.getMessage().contains("2025-06-02"), e.getMessage());
    assertThrows(
        NullPointerException.class, () -> PRICER.withZipLocalities((ZipLocalityTable) null));
  }

  @Test
  void theDefaultInsurerAndTheTablesAreKeptTogether() {
    org.hl7.fhir.r4.model.Claim claim = atFacility(officeClaim(), "10001");
    claim.setInsurer(null);
    Reference medicare = new Reference("Organization/medicare");
    List<BigDecimal> manhattan = eligible(PRICER.price(officeClaim(), in(MANHATTAN)));
    assertEquals(
        manhattan, eligible(BY_ZIP.withDefaultInsurer(medicare).price(claim, in(ROCHESTER))));
    assertEquals(
        manhattan,
        eligible(
            PRICER
                .withDefaultInsurer(medicare)
                .withZipLocalities(BundledData.zipLocalities())
                .price(claim, in(ROCHESTER))));
  }
}
