package io.github.cpt4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.cli.price.PricingDefaults;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The options every task carries: each wither changes its own value only, and all travel. */
class PricingOptionsTest {

  private static final PricingOptions BASE = PricingOptions.of(LocalDate.of(2025, 6, 2));

  @Test
  void theDefaultsAreThoseOfTheCommandLine() {
    assertEquals(Optional.empty(), BASE.locality());
    assertEquals(Setting.NON_FACILITY, BASE.setting());
    assertEquals(Optional.empty(), BASE.placeOfService());
    assertEquals(Optional.empty(), BASE.beneficiaryZip());
    assertEquals(PractitionerType.PHYSICIAN, BASE.practitioner());
    assertEquals(false, BASE.qualifyingApm());
    assertEquals(false, BASE.presentAtInduction());
    assertEquals(true, BASE.participating());
    assertEquals(false, BASE.explainPriced());
    assertEquals(false, BASE.limitingCharges());
  }

  @Test
  void aPlaceOfServiceSetsItsSettingAndASettingClearsThePlace() {
    PricingOptions hospital = BASE.withPlaceOfService(PlaceOfService.INPATIENT_HOSPITAL);
    assertEquals(Setting.FACILITY, hospital.setting());
    assertEquals(Optional.of(PlaceOfService.INPATIENT_HOSPITAL), hospital.placeOfService());
    PricingOptions office = hospital.withSetting(Setting.NON_FACILITY);
    assertEquals(Optional.empty(), office.placeOfService());
    assertEquals(BASE, office);
  }

  @Test
  void aZipCodeIsTheLocalityAndWhereTheBeneficiaryLives() {
    PricingOptions zip = BASE.withZip("10001-2345");
    assertEquals(Optional.of("10001"), zip.beneficiaryZip());
    assertEquals(true, zip.locality().isPresent());
    // A locality given afterwards says nothing of the beneficiary.
    assertEquals(Optional.empty(), zip.withLocality(Locality.parse("13282-99")).beneficiaryZip());
    assertThrows(IllegalArgumentException.class, () -> BASE.withZip("1000"));
  }

  @Test
  void aLocalityWithAZipCodeIsThePlaceAndWhereTheBeneficiaryLives() throws Exception {
    // As cpt price --locality 05302-99 --zip 10001: the service in California, the patient (and
    // so a DMEPOS item's price) from New York.
    PricingOptions both = BASE.withLocality(Locality.parse("05302-99"), "10001-2345");
    assertEquals(Optional.of(Locality.parse("05302-99")), both.locality());
    assertEquals(Optional.of("10001"), both.beneficiaryZip());
    assertEquals(both, roundTrip(both));
    assertThrows(
        IllegalArgumentException.class, () -> BASE.withLocality(Locality.parse("05302-99"), "1"));
  }

  @Test
  void everyWitherChangesEqualityAndNothingElse() throws Exception {
    List<PricingOptions> distinct =
        List.of(
            BASE,
            BASE.withLocality(Locality.parse("13282-99")),
            BASE.withZip("10001"),
            BASE.withLocality(Locality.parse("13282-99"), "10001"),
            BASE.withSetting(Setting.FACILITY),
            BASE.withPlaceOfService(PlaceOfService.OFFICE),
            BASE.withDate(LocalDate.of(2026, 1, 1)),
            BASE.withPractitioner(PractitionerType.NURSE_PRACTITIONER),
            BASE.withPractitioner(Npi.parse("1234567893"), PractitionerType.NURSE_PRACTITIONER),
            BASE.withQualifyingApm(true),
            BASE.withPresentAtInduction(true),
            BASE.withParticipating(false),
            BASE.withExplainPriced(true),
            BASE.withLimitingCharges(true));
    for (int i = 0; i < distinct.size(); i++) {
      PricingOptions options = distinct.get(i);
      PricingOptions back = roundTrip(options);
      assertEquals(options, back, options::toString);
      assertEquals(options.hashCode(), back.hashCode(), options::toString);
      assertEquals(options.toString(), back.toString());
      for (int j = 0; j < i; j++) {
        assertNotEquals(distinct.get(j), options, options::toString);
      }
    }
  }

  @Test
  void noOptionIsNull() {
    assertThrows(NullPointerException.class, () -> PricingOptions.of(null));
    assertThrows(NullPointerException.class, () -> BASE.withLocality(null));
    assertThrows(NullPointerException.class, () -> BASE.withZip(null));
    assertThrows(NullPointerException.class, () -> BASE.withSetting(null));
    assertThrows(NullPointerException.class, () -> BASE.withPlaceOfService(null));
    assertThrows(NullPointerException.class, () -> BASE.withDate(null));
    assertThrows(NullPointerException.class, () -> BASE.withPractitioner(null));
    assertThrows(
        NullPointerException.class,
        () -> BASE.withPractitioner(null, PractitionerType.NURSE_PRACTITIONER));
    assertThrows(
        NullPointerException.class, () -> BASE.withPractitioner(Npi.parse("1234567893"), null));
  }

  /** A group's rendering providers, each of a type of its own, as --practitioner NPI=TYPE. */
  @Test
  void eachRenderingProviderMayHaveItsOwnType() {
    Npi np = Npi.parse("1234567893");
    Npi csw = Npi.parse("1000000004");
    PricingOptions group =
        BASE.withPractitioner(np, PractitionerType.PHYSICIAN_ASSISTANT)
            .withPractitioner(csw, PractitionerType.CLINICAL_SOCIAL_WORKER)
            .withPractitioner(np, PractitionerType.NURSE_PRACTITIONER);
    assertEquals(List.of(csw, np), List.copyOf(group.practitioners().keySet()), group::toString);
    assertEquals(PractitionerType.NURSE_PRACTITIONER, group.practitioners().get(np));
    assertTrue(group.toString().contains("practitioners={1000000004=CLINICAL_SOCIAL_WORKER"));
    // The defaults of blank cells the command line's parser reads.
    PricingDefaults defaults = BatchRules.defaults(group);
    assertEquals(
        PractitionerType.CLINICAL_SOCIAL_WORKER, defaults.practitionerOf(Optional.of(csw)));
    assertEquals(PractitionerType.PHYSICIAN, defaults.practitionerOf(Optional.empty()));
    assertEquals(Map.of(), BASE.practitioners());
  }

  /**
   * As {@code cpt price --input}: a row's ZIP code places the row in place of {@link
   * PricingOptions#withZip}'s locality, and beside a locality given as such is only where the
   * patient lives. 99213 on 2025-03-14 in ZIP 10001 is Manhattan's 101.06 (13202-01); in Rochester
   * (13282-99) it is 85.86.
   */
  @Test
  void aRowsZipCodePlacesTheRowOnlyInPlaceOfTheOptionsZipCode() {
    PricingOptions options = PricingOptions.of(LocalDate.of(2025, 3, 14));
    Locality rochester = Locality.parse("13282-99");
    assertEquals("85.86", amountOfAVisitInZip10001(options.withLocality(rochester)));
    assertEquals("85.86", amountOfAVisitInZip10001(options.withLocality(rochester, "14620")));
    assertEquals("101.06", amountOfAVisitInZip10001(options.withZip("14620")));
    assertEquals(true, BatchRules.defaults(options.withZip("14620")).localityFromZip());
    assertEquals(
        false,
        BatchRules.defaults(options.withZip("14620").withLocality(rochester)).localityFromZip());
    assertTrue(
        options.withZip("14620").toString().contains("locality=13282-99 (of the ZIP code),"),
        options::toString);
  }

  private static String amountOfAVisitInZip10001(PricingOptions options) {
    BatchRules rules = new BatchRules(List.of("code", "zip"), options, FeeScheduleFiles.bundled());
    BatchRules.LineResult result =
        rules.priceClaim(List.<String[]>of(new String[] {"99213", "10001"})).get(0);
    assertEquals("priced", result.result(), result::toString);
    return result.amount().toPlainString();
  }

  private static PricingOptions roundTrip(PricingOptions options)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(options);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (PricingOptions) in.readObject();
    }
  }
}
