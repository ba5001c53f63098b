package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CodeLevel;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.fhir.FhirCodeSystems;
import io.github.cpt4j.fhir.FhirCodings;
import io.github.cpt4j.fhir.FhirMappingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ClaimResponse.AdjudicationComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The FHIR mappings as an application on the class path uses them (this package is not the
 * library's, so only its public API is visible), with HAPI's own JSON parser on hand-written
 * resources.
 */
class FhirTest {

  /** Returns what reading {@code claim} is refused with. */
  private static FhirMappingException refused(org.hl7.fhir.r4.model.Claim claim) {
    return assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim));
  }

  /** One context for every test: building it is the slow part of HAPI FHIR. */
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final PricingContext ROCHESTER =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static org.hl7.fhir.r4.model.Claim claim(String json) {
    return FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Claim.class, json);
  }

  /** The text of the test resource {@code /fhir/NAME}. */
  static String resource(String name) {
    try (InputStream in = FhirTest.class.getResourceAsStream("/fhir/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first two items of {@code claim-professional.json}, the visit and the injection, at place
   * of service 11.
   */
  static org.hl7.fhir.r4.model.Claim officeVisitAndInjection() {
    org.hl7.fhir.r4.model.Claim office = claim(resource("claim-professional.json"));
    office.getItem().removeIf(item -> item.getSequence() > 2);
    return office;
  }

  private static String item(String productOrService, String extra) {
    return "{\"resourceType\":\"Claim\",\"item\":[{\"sequence\":1,\"productOrService\":"
        + productOrService
        + extra
        + "}]}";
  }

  @ParameterizedTest
  @CsvSource({
    "http://www.ama-assn.org/go/cpt, LEVEL_I",
    "https://www.ama-assn.org/go/cpt, LEVEL_I",
    "http://WWW.AMA-ASSN.ORG/go/cpt/, LEVEL_I",
    "urn:oid:2.16.840.1.113883.6.12, LEVEL_I",
    "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets, LEVEL_II",
    "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets, LEVEL_II",
    "urn:oid:2.16.840.1.113883.6.285, LEVEL_II",
  })
  void systemsAreRecognisedInTheFormsSeen(String system, CodeLevel level) {
    assertEquals(Optional.of(level), FhirCodeSystems.levelOf(system));
  }

  @ParameterizedTest
  @CsvSource({
    "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set, true",
    "http://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set, true",
    "https://WWW.CMS.GOV/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set/, true",
    "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set.html,"
        + " true",
    "urn:oid:2.16.840.1.113883.15.5, true",
    "https://bluebutton.cms.gov/resources/variables/line_place_of_srvc_cd, true",
    "http://terminology.hl7.org/CodeSystem/ex-serviceplace, false",
    "https://www.cms.gov/Medicare/Coding/place-of-service-codes, false",
    "www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set, false",
  })
  void thePlaceOfServiceSystemIsRecognisedInTheFormsSeen(String system, boolean recognised) {
    assertEquals(recognised, FhirCodeSystems.isPlaceOfService(system));
  }

  @Test
  void otherSystemsAreNot() {
    assertEquals(Optional.empty(), FhirCodeSystems.levelOf("http://snomed.info/sct"));
    assertEquals(Optional.empty(), FhirCodeSystems.levelOf("http://www.ama-assn.org/go/cpt/x"));
    assertEquals(Optional.empty(), FhirCodeSystems.levelOf(null));
  }

  /**
   * CMS's Blue Button 2.0 API writes a claim line's codes of both levels, and its modifiers, in one
   * HCPCS system of its own: claims converted from its data are read, each code at its own level.
   */
  @Test
  void blueButtonsHcpcsSystemHoldsCodesOfBothLevels() {
    String blueButton = "https://bluebutton.cms.gov/resources/codesystem/hcpcs";
    for (String system :
        List.of(blueButton, blueButton.replace("https:", "http:"), blueButton + "/")) {
      assertTrue(FhirCodeSystems.isProcedureSystem(system), system);
    }
    assertEquals(Optional.empty(), FhirCodeSystems.levelOf(blueButton));
    assertFalse(FhirCodeSystems.isProcedureSystem(blueButton + "/x"));
    assertFalse(FhirCodeSystems.isProcedureSystem("http://snomed.info/sct"));
    assertFalse(FhirCodeSystems.isProcedureSystem(null));
    assertTrue(FhirCodeSystems.isProcedureSystem("urn:oid:2.16.840.1.113883.6.12"));
    for (String text : List.of("99204", "45384", "0001F", "E0424", "J1100")) {
      assertEquals(
          ProcedureCode.parse(text),
          FhirCodings.fromCoding(new Coding(blueButton, text, null), "c"),
          text);
    }
    Claim lines =
        FhirClaims.toClaim(
            claim(
                item(
                    "{\"coding\":[{\"system\":\""
                        + blueButton
                        + "\",\"version\":\"7\",\"code\":\"71046\"}]}",
                    ",\"modifier\":[{\"coding\":[{\"system\":\"urn:local\",\"code\":\"X\"},"
                        + "{\"system\":\""
                        + blueButton
                        + "\",\"code\":\"26\"}]}]")));
    assertEquals(ClaimLine.parse("71046-26"), lines.line(0).line());
  }

  @Test
  void codesBecomeCodingsAndBack() {
    for (String text : List.of("99213", "0001F", "0042T", "J1100", "G0438")) {
      ProcedureCode code = ProcedureCode.parse(text);
      Coding coding = FhirCodings.toCoding(code);
      assertEquals(text, coding.getCode());
      assertFalse(coding.hasDisplay(), "no AMA descriptor text");
      assertEquals(code, FhirCodings.fromCoding(coding, "x"));
    }
    assertEquals(
        FhirCodeSystems.CPT, FhirCodings.toCoding(ProcedureCode.parse("0001F")).getSystem());
    assertEquals(
        FhirCodeSystems.HCPCS_LEVEL_II,
        FhirCodings.toCoding(ProcedureCode.parse("J1100")).getSystem());
  }

  @Test
  void badCodingsSayWhereAndWhy() {
    FhirMappingException malformed =
        assertThrows(
            FhirMappingException.class,
            () -> FhirCodings.fromCoding(new Coding(FhirCodeSystems.CPT, "9921", null), "c"));
    assertEquals(
        "c: '9921' has the wrong length at index 4: expected exactly five characters",
        malformed.getMessage());
    FhirMappingException level =
        assertThrows(
            FhirMappingException.class,
            () -> FhirCodings.fromCoding(new Coding(FhirCodeSystems.CPT, "J1100", null), "c"));
    assertTrue(level.getMessage().contains("J1100 is a HCPCS Level II code"), level.getMessage());
    FhirMappingException system =
        assertThrows(
            FhirMappingException.class,
            () -> FhirCodings.fromCoding(new Coding("http://loinc.org", "1234-5", null), "c"));
    assertTrue(system.getMessage().contains("neither CPT"), system.getMessage());
  }

  @Test
  void aCodingWithoutASystemSaysSoRatherThanNull() {
    FhirMappingException none =
        assertThrows(
            FhirMappingException.class,
            () -> FhirCodings.fromCoding(new Coding(null, "99213", null), "c"));
    assertEquals("c", none.path());
    assertEquals(
        "c: the coding has no system: a procedure code is read under CPT ("
            + FhirCodeSystems.CPT
            + ") or HCPCS Level II ("
            + FhirCodeSystems.HCPCS_LEVEL_II
            + ")",
        none.getMessage());
    // A system with a data-absent reason alone has no value either: named at the system.
    Coding absent = new Coding(null, "99213", null);
    absent
        .getSystemElement()
        .addExtension(
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
            new org.hl7.fhir.r4.model.CodeType("unknown"));
    FhirMappingException noValue =
        assertThrows(FhirMappingException.class, () -> FhirCodings.fromCoding(absent, "c"));
    assertEquals("c.system", noValue.path());
  }

  /**
   * An unknown system and a currency other than USD are quoted as all other text is: they were
   * written raw, a long one whole and a line break as it was, so that one could forge log lines.
   */
  @Test
  void anUnknownSystemAndCurrencyAreQuotedShortAndEscaped() {
    String longSystem = "http://example.org/" + "x".repeat(100);
    FhirMappingException system =
        assertThrows(
            FhirMappingException.class,
            () -> FhirCodings.fromCoding(new Coding(longSystem, "99213", null), "c"));
    assertEquals(
        "c: system '"
            + longSystem.substring(0, 64)
            + "...' is neither CPT ("
            + FhirCodeSystems.CPT
            + ") nor HCPCS Level II ("
            + FhirCodeSystems.HCPCS_LEVEL_II
            + ")",
        system.getMessage());
    FhirMappingException broken =
        assertThrows(
            FhirMappingException.class,
            () -> FhirCodings.fromCoding(new Coding("http://loinc.org\nx", "99213", null), "c"));
    assertTrue(
        broken.getMessage().startsWith("c: system 'http://loinc.org\\u000ax' is neither"),
        broken.getMessage());

    org.hl7.fhir.r4.model.Claim euros = claim(resource("claim-knee.json"));
    euros.getItemFirstRep().getNet().setCurrency("EUR" + "R".repeat(100));
    FhirMappingException currency = refused(euros);
    assertEquals("Claim.item[0].net.currency", currency.path());
    assertEquals(
        "Claim.item[0].net.currency: amounts are US dollars (USD), not 'EUR"
            + "R".repeat(61)
            + "...'",
        currency.getMessage());
    euros.getItemFirstRep().getNet().setCurrency("USD\nUSD");
    assertEquals(
        "Claim.item[0].net.currency: amounts are US dollars (USD), not 'USD\\u000aUSD'",
        refused(euros).getMessage());
  }

  @Test
  void itemsBecomeBilledLinesWithModifiersUnitsAndCharges() {
    Claim lines = FhirClaims.toClaim(claim(resource("claim-knee.json")));
    assertEquals(
        List.of(
            BilledLine.parse("29880-RT $2400.00 on 2025-06-02"),
            BilledLine.parse("20610-LT $310.00 on 2025-06-02"),
            BilledLine.parse("99213-25 $180.00 on 2025-06-02"),
            BilledLine.parse("99999 $50.00 on 2025-06-02")),
        lines.lines());
    Claim units =
        FhirClaims.toClaim(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
                    ",\"quantity\":{\"value\":3},\"unitPrice\":{\"value\":40.5}")));
    assertEquals(
        BilledLine.of(ClaimLine.parse("97110 x3"), new BigDecimal("121.5")), units.line(0));
  }

  /** The first item of {@code json}'s claim, read as a line. */
  private static BilledLine line(String json) {
    return FhirClaims.toClaim(claim(json)).line(0);
  }

  /**
   * A quantity in minutes (UCUM min) is an anesthesia line's time: it was read as that many units,
   * with no time, and every anesthesia claim went unpriced. Units are a quantity without a unit or
   * in UCUM's unity; any other unit is refused.
   */
  @Test
  void aQuantityInMinutesIsTheAnesthesiaTime() {
    String anesthesia =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"00790\"}]}";
    String aa = ",\"modifier\":[{\"coding\":[{\"code\":\"AA\"}]}]";
    String minutes =
        ",\"quantity\":{\"value\":95,\"system\":\"http://unitsofmeasure.org\",\"code\":\"min\","
            + "\"unit\":\"min\"}";
    assertEquals(ClaimLine.parse("00790-AA 95min"), line(item(anesthesia, aa + minutes)).line());
    org.hl7.fhir.r4.model.Claim timed = claim(resource("claim-knee.json"));
    timed.getItem().clear();
    timed.getItem().addAll(claim(item(anesthesia, aa + minutes)).getItem());
    assertTrue(
        adjudication(pricer().price(timed, ROCHESTER).getItemFirstRep(), "eligible").hasAmount());
    // R4's net is quantity x unitPrice x factor, whatever the quantity counts.
    assertEquals(
        BilledLine.of(ClaimLine.parse("00790-AA 95min"), new BigDecimal("950")),
        line(item(anesthesia, aa + minutes + ",\"unitPrice\":{\"value\":10}")));

    String therapy =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}";
    for (String unity :
        List.of(
            "\"system\":\"http://unitsofmeasure.org\",\"code\":\"1\"",
            "\"system\":\"http://unitsofmeasure.org\",\"code\":\"{unit}\",\"unit\":\"units\"",
            "\"unit\":\"{visit}\"")) {
      assertEquals(
          ClaimLine.parse("97110 x3"),
          line(item(therapy, ",\"quantity\":{\"value\":3," + unity + "}")).line(),
          unity);
    }
    for (String[] bad :
        List.of(
            new String[] {"\"system\":\"http://unitsofmeasure.org\",\"code\":\"h\"", "code"},
            new String[] {"\"system\":\"http://snomed.info/sct\",\"code\":\"258701004\"", "system"},
            new String[] {"\"unit\":\"minutes\"", "unit"},
            // Minutes are anesthesia time: a timed therapy is billed in its units.
            new String[] {"\"code\":\"min\"", "code"})) {
      FhirMappingException e =
          refused(claim(item(therapy, ",\"quantity\":{\"value\":45," + bad[0] + "}")));
      assertEquals("Claim.item[0].quantity." + bad[1], e.path(), e::getMessage);
    }
    FhirMappingException tooLong = refused(claim(item(anesthesia, minutes.replace("95", "10000"))));
    assertEquals("Claim.item[0].quantity.value", tooLong.path());
  }

  /**
   * R4's {@code Quantity.unit} is the text of its {@code code}: a quantity whose two say different
   * units contradicts itself, and the code alone read 30 minutes of 97110 as 30 units (648.30).
   */
  @Test
  void aUnitTextThatSaysAnotherUnitThanTheCodeIsRefused() {
    String therapy =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}";
    String anesthesia =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"00790\"}]"
            + "},\"modifier\":[{\"coding\":[{\"code\":\"AA\"}]}]";
    String ucum = "\"system\":\"http://unitsofmeasure.org\",";
    for (String[] bad :
        List.of(
            new String[] {therapy, "\"code\":\"1\",\"unit\":\"min\"", "'1'", "'min'"},
            new String[] {
              therapy, "\"code\":\"{unit}\",\"unit\":\"minutes\"", "'{unit}'", "'minutes'"
            },
            new String[] {anesthesia, "\"code\":\"1\",\"unit\":\"Minutes\"", "'1'", "'Minutes'"},
            new String[] {anesthesia, "\"code\":\"min\",\"unit\":\"hours\"", "'min'", "'hours'"},
            new String[] {anesthesia, "\"code\":\"min\",\"unit\":\"1\"", "'min'", "'1'"},
            new String[] {anesthesia, "\"code\":\"min\",\"unit\":\"{unit}\"", "'min'", "'{unit}'"},
            new String[] {therapy, "\"code\":\"min\",\"unit\":\"units\"", "'min'", "'units'"},
            new String[] {therapy, "\"code\":\"1\",\"unit\":\"h\"", "'1'", "'h'"})) {
      FhirMappingException e =
          refused(
              claim(
                  item(
                      bad[0],
                      ",\"quantity\":{\"value\":30,"
                          + ucum
                          + bad[1]
                          + "},\"net\":{\"value\":900}")));
      assertEquals("Claim.item[0].quantity.unit", e.path(), bad[1]);
      assertTrue(e.getMessage().contains(bad[2]) && e.getMessage().contains(bad[3]), e::getMessage);
    }
    // A text that spells the code's unit agrees with it: minutes in words, a unit of service named.
    for (String minutes : List.of("min", "Min", "minutes", "minute", "mins")) {
      assertEquals(
          ClaimLine.parse("00790-AA 30min"),
          line(item(
                  anesthesia,
                  ",\"quantity\":{\"value\":30,"
                      + ucum
                      + "\"code\":\"min\",\"unit\":\""
                      + minutes
                      + "\"}"))
              .line(),
          minutes);
    }
    for (String units :
        List.of(
            "\"1\",\"unit\":\"1\"",
            "\"1\",\"unit\":\"units\"",
            "\"{visit}\",\"unit\":\"visit\"",
            "\"1\",\"unit\":\"{unit}\"")) {
      assertEquals(
          ClaimLine.parse("97110 x2"),
          line(item(therapy, ",\"quantity\":{\"value\":2," + ucum + "\"code\":" + units + "}"))
              .line(),
          units);
    }
  }

  /**
   * A quantity of UCUM's unity whose text is a dose, {@code 100} of code {@code 1} and unit {@code
   * mg}, was read as 100 units of service: a drug whose HCPCS code is billed per 10 mg was paid ten
   * times over. R4's unit is the code's text, so the two say different units, and are refused as a
   * unit of time beside unity is; a unit of service named in words is still unity's text.
   */
  @Test
  void aUnitTextOfADoseBesideUnityIsRefused() {
    String drug =
        "{\"coding\":[{\"system\":\"http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets\","
            + "\"code\":\"J9035\"}]}";
    for (String dose : List.of("mg", "MG", "mcg", "mL", "milligrams", "IU", "[iU]", "cc")) {
      for (String code : List.of("1", "{unit}")) {
        FhirMappingException e =
            refused(
                claim(
                    item(
                        drug,
                        ",\"quantity\":{\"value\":100,\"system\":\"http://unitsofmeasure.org\","
                            + "\"code\":\""
                            + code
                            + "\",\"unit\":\""
                            + dose
                            + "\"}")));
        assertEquals("Claim.item[0].quantity.unit", e.path(), dose);
        assertTrue(e.getMessage().contains("'" + dose + "'"), e::getMessage);
      }
    }
    // A unit of service named in words is still the text of unity.
    for (String units : List.of("units", "unit", "vial", "dose")) {
      assertEquals(
          ClaimLine.parse("J9035 x3"),
          line(item(drug, ",\"quantity\":{\"value\":3,\"code\":\"1\",\"unit\":\"" + units + "\"}"))
              .line(),
          units);
    }
  }

  /**
   * Minutes for a code that is no anesthesia are refused at the element that said minutes: the unit
   * text of a quantity without a code was refused at {@code quantity.code}, which it lacks.
   */
  @Test
  void minutesOfAServiceThatIsNoAnesthesiaAreRefusedWhereTheQuantitySaysThem() {
    String visit =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"99213\"}]}";
    for (String[] minutes :
        List.of(
            new String[] {"\"unit\":\"min\"", "unit"},
            new String[] {"\"system\":\"http://unitsofmeasure.org\",\"code\":\"min\"", "code"},
            // The code decides when both are given, and is where the minutes are.
            new String[] {"\"code\":\"min\",\"unit\":\"min\"", "code"})) {
      FhirMappingException e =
          refused(claim(item(visit, ",\"quantity\":{\"value\":30," + minutes[0] + "}")));
      assertEquals("Claim.item[0].quantity." + minutes[1], e.path(), e::getMessage);
      assertTrue(e.getMessage().contains("anesthesia time"), e::getMessage);
    }
  }

  /** R4: net = quantity * unitPrice * factor; the factor was ignored, overstating the charge. */
  @Test
  void aChargeFromTheUnitPriceAppliesTheFactor() {
    String scope =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"29880\"}]}";
    assertEquals(
        BilledLine.of(ClaimLine.parse("29880"), new BigDecimal("200.00")),
        FhirClaims.toClaim(claim(item(scope, ",\"unitPrice\":{\"value\":400.00},\"factor\":0.5")))
            .line(0));
    String therapy =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}";
    assertEquals(
        BilledLine.of(ClaimLine.parse("97110 x2"), new BigDecimal("89.10")),
        FhirClaims.toClaim(
                claim(
                    item(
                        therapy,
                        ",\"quantity\":{\"value\":2},\"unitPrice\":{\"value\":40.50},\"factor\":1.1")))
            .line(0));
    // A net that agrees with the product, rounded to cents as a submitter writes it, is the charge.
    assertEquals(
        BilledLine.of(ClaimLine.parse("97110"), new BigDecimal("33.33")),
        FhirClaims.toClaim(
                claim(
                    item(
                        therapy,
                        ",\"unitPrice\":{\"value\":100},\"factor\":0.33333,\"net\":{\"value\":33.33}")))
            .line(0));
    // One that does not is a contradiction: which element is wrong is not cpt4j's to guess.
    FhirMappingException contradiction =
        refused(
            claim(
                item(
                    scope,
                    ",\"unitPrice\":{\"value\":400.00},\"factor\":0.5,\"net\":{\"value\":400.00}")));
    assertEquals("Claim.item[0].net", contradiction.path());
    assertTrue(
        contradiction.getMessage().contains("net 400.00 is not quantity x unitPrice x factor"),
        contradiction.getMessage());
    // Set through the API: HAPI's own parser writes such a number out in full.
    org.hl7.fhir.r4.model.Claim extreme = claim(item(scope, ",\"net\":{\"value\":1}"));
    extreme.getItemFirstRep().getUnitPrice().setValue(new BigDecimal("1E+999999999"));
    FhirMappingException huge = refused(extreme);
    assertEquals("Claim.item[0].net", huge.path());
  }

  /**
   * Without {@code net}, the product of quantity, unitPrice and factor is the charge rounded
   * half-up to cents, as a {@code net} is checked against it: a product of a fraction of a cent
   * (10.01 x 0.5 = 5.005) was refused as not whole cents, though the same item with its net of 5.01
   * was read.
   */
  @Test
  void aChargeFromTheUnitPriceIsRoundedToCents() {
    String scope =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"29880\"}]}";
    assertEquals(
        BilledLine.of(ClaimLine.parse("29880"), new BigDecimal("5.01")),
        FhirClaims.toClaim(claim(item(scope, ",\"unitPrice\":{\"value\":10.01},\"factor\":0.5")))
            .line(0));
    assertEquals(
        FhirClaims.toClaim(
                claim(
                    item(
                        scope,
                        ",\"unitPrice\":{\"value\":10.01},\"factor\":0.5,\"net\":{\"value\":5.01}")))
            .line(0),
        FhirClaims.toClaim(claim(item(scope, ",\"unitPrice\":{\"value\":10.01},\"factor\":0.5")))
            .line(0));
    String visit =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"99213\"}]}";
    assertEquals(
        BilledLine.of(ClaimLine.parse("99213"), new BigDecimal("50.01")),
        FhirClaims.toClaim(claim(item(visit, ",\"unitPrice\":{\"value\":100.01},\"factor\":0.5")))
            .line(0));
    assertEquals(
        BilledLine.of(ClaimLine.parse("99213 x3"), new BigDecimal("0.37")),
        FhirClaims.toClaim(
                claim(item(visit, ",\"quantity\":{\"value\":3},\"unitPrice\":{\"value\":0.1249}")))
            .line(0));
    // What no rounding makes a charge is still refused at the unit price, naming the product.
    FhirMappingException negative =
        refused(claim(item(visit, ",\"unitPrice\":{\"value\":-10.01},\"factor\":0.5")));
    assertEquals("Claim.item[0].unitPrice", negative.path());
    assertTrue(
        negative.getMessage().contains("(quantity x unitPrice x factor)"), negative.getMessage());
    // A negative factor is the element at fault, not the unit price it multiplies.
    FhirMappingException negativeFactor =
        refused(
            claim(
                item(
                    visit,
                    ",\"quantity\":{\"value\":2},\"unitPrice\":{\"value\":100},\"factor\":-1")));
    assertEquals("Claim.item[0].factor", negativeFactor.path(), negativeFactor::getMessage);
    assertTrue(negativeFactor.getMessage().contains("'-200'"), negativeFactor::getMessage);
    // A negative unit price times a negative factor is no charge of 200, with or without net.
    for (String net : List.of("", ",\"net\":{\"value\":200}")) {
      FhirMappingException both =
          refused(
              claim(
                  item(
                      visit,
                      ",\"quantity\":{\"value\":2},\"unitPrice\":{\"value\":-100},\"factor\":-1"
                          + net)));
      assertEquals("Claim.item[0].unitPrice", both.path(), both::getMessage);
      assertTrue(both.getMessage().contains("'-100'"), both::getMessage);
    }
    // Nor does it make a charge of a negative product that rounds to 0.00, with or without net.
    for (String negativeUnder : List.of("-0.004", "-0.00001")) {
      FhirMappingException small =
          refused(claim(item(visit, ",\"unitPrice\":{\"value\":" + negativeUnder + "}")));
      assertEquals("Claim.item[0].unitPrice", small.path(), small.getMessage());
      FhirMappingException withNet =
          refused(
              claim(
                  item(
                      visit,
                      ",\"unitPrice\":{\"value\":"
                          + negativeUnder
                          + "},\"net\":{\"value\":0.00}")));
      assertEquals("Claim.item[0].net", withNet.path(), withNet.getMessage());
    }
    org.hl7.fhir.r4.model.Claim huge = claim(item(visit, ",\"unitPrice\":{\"value\":1}"));
    huge.getItemFirstRep().getUnitPrice().setValue(new BigDecimal("1E+999999999"));
    assertEquals("Claim.item[0].unitPrice", refused(huge).path());
    org.hl7.fhir.r4.model.Claim tiny = claim(item(visit, ",\"unitPrice\":{\"value\":1}"));
    tiny.getItemFirstRep().getUnitPrice().setValue(new BigDecimal("1E-999999999"));
    assertEquals("Claim.item[0].unitPrice", refused(tiny).path());
  }

  @Test
  void itemSequencesNumberTheLines() {
    String cpt = "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":";
    String json =
        "{\"resourceType\":\"Claim\",\"item\":["
            + "{\"sequence\":2,\"productOrService\":"
            + cpt
            + "\"27447\"}]}},"
            + "{\"sequence\":4,\"productOrService\":"
            + cpt
            + "\"20610\"}]}}]}";
    Claim numbered = FhirClaims.toClaim(claim(json));
    assertEquals(2, numbered.lineNumber(0));
    assertEquals(4, numbered.lineNumber(1));
  }

  /**
   * Items out of sequence order become lines in sequence order, numbered by their sequences, as
   * {@link FhirClaimPricer} prices them: they were numbered by position, so that a finding about
   * the item of sequence 3 named it "line 1".
   */
  @Test
  void itemsOutOfSequenceOrderAreLinesInSequenceOrder() {
    String cpt = "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":";
    String json =
        "{\"resourceType\":\"Claim\",\"item\":["
            + "{\"sequence\":3,\"productOrService\":"
            + cpt
            + "\"27447\"}]}},"
            + "{\"sequence\":1,\"productOrService\":"
            + cpt
            + "\"20610\"}]}},"
            + "{\"sequence\":2,\"productOrService\":"
            + cpt
            + "\"99213\"}]}}]}";
    Claim lines = FhirClaims.toClaim(claim(json));
    assertEquals(
        List.of("20610", "99213", "27447"),
        lines.lines().stream().map(line -> line.line().code().toString()).toList());
    assertEquals(
        List.of(1, 2, 3), List.of(lines.lineNumber(0), lines.lineNumber(1), lines.lineNumber(2)));

    // An item without a sequence is numbered by its position, as the pricer numbers it: the
    // second item (27447) is line 2, between sequences 1 and 5.
    String mixed =
        json.replace("\"sequence\":3,", "\"sequence\":5,").replace("\"sequence\":1,", "");
    mixed = mixed.replace("\"sequence\":2,", "\"sequence\":1,");
    Claim partly = FhirClaims.toClaim(claim(mixed));
    assertEquals(
        List.of("99213", "20610", "27447"),
        partly.lines().stream().map(line -> line.line().code().toString()).toList());
    assertEquals(
        List.of(1, 2, 5),
        List.of(partly.lineNumber(0), partly.lineNumber(1), partly.lineNumber(2)));
  }

  /**
   * A claim read with {@code toClaim} and priced by the caller names the items by their sequences,
   * as the pricer's response does: the items were lines 1 and 2 by position, so the reason on the
   * timed item of sequence 2 named the item without minutes, of sequence 1, "line 2".
   */
  @Test
  void aClaimReadOutOfSequenceOrderNamesItemsBySequenceWhenPriced() {
    String anesthesia = "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":";
    String aa = ",\"modifier\":[{\"coding\":[{\"code\":\"AA\"}]}],\"servicedDate\":\"2025-06-02\"";
    String json =
        "{\"resourceType\":\"Claim\",\"item\":["
            + "{\"sequence\":2,\"productOrService\":"
            + anesthesia
            + "\"00790\"}]}"
            + aa
            + ",\"quantity\":{\"value\":95,\"system\":\"http://unitsofmeasure.org\",\"code\":\"min\"}},"
            + "{\"sequence\":1,\"productOrService\":"
            + anesthesia
            + "\"00840\"}]}"
            + aa
            + "}]}";
    PricedClaim priced =
        MedicareClaimPricer.of(BundledData.medicareFeeSchedule())
            .price(FhirClaims.toClaim(claim(json)), ROCHESTER);
    var timed =
        priced.lines().stream().filter(line -> line.lineNumber() == 2).findFirst().orElseThrow();
    assertEquals("00790", timed.billed().line().code().toString());
    assertTrue(timed.detail().contains("line 1 has no anesthesia minutes"), timed.detail());
  }

  @Test
  void badItemsNameTheirPath() {
    FhirMappingException code =
        refused(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"2744\"}]}",
                    "")));
    assertEquals("Claim.item[0].productOrService.coding[0]", code.path());
    FhirMappingException none = refused(claim(item("{\"text\":\"knee scope\"}", "")));
    assertEquals("Claim.item[0].productOrService", none.path());
    FhirMappingException units =
        refused(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
                    ",\"quantity\":{\"value\":1.5}")));
    assertEquals("Claim.item[0].quantity.value", units.path());
    // A quantity of many digits is quoted as all input is, not written out whole.
    FhirMappingException many =
        refused(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
                    ",\"quantity\":{\"value\":1" + "0".repeat(900) + "}")));
    assertEquals("Claim.item[0].quantity.value", many.path());
    assertTrue(
        many.getMessage().contains("units are a whole number from 1 to 99999, not '1000"),
        many::getMessage);
    assertTrue(many.getMessage().length() < 300, many::getMessage);
    FhirMappingException modifier =
        refused(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
                    ",\"modifier\":[{\"coding\":[{\"code\":\"G\"}]}]")));
    assertEquals("Claim.item[0].modifier[0].coding[0]", modifier.path());
    // A fifth modifier is named, not the whole item.
    String four =
        ",\"modifier\":["
            + String.join(
                ",",
                List.of("59", "GP", "KX", "76", "77").stream()
                    .map(m -> "{\"coding\":[{\"code\":\"" + m + "\"}]}")
                    .toList())
            + "]";
    FhirMappingException fifth =
        refused(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
                    four)));
    assertEquals("Claim.item[0].modifier[4]", fifth.path());
    assertTrue(fifth.getMessage().contains("at most 4 modifiers"), fifth::getMessage);
    // A local coding placed before the CPT one is another system's code: the CPT coding is read.
    String knee =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"27447\"}]}";
    String local =
        ",\"modifier\":[{\"coding\":[{\"system\":\"urn:example:local\",\"code\":\"R\"},"
            + "{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"RT\"}]}]";
    assertEquals(
        ClaimLine.parse("27447-RT"), FhirClaims.toClaim(claim(item(knee, local))).line(0).line());
    FhirMappingException second = refused(claim(item(knee, local.replace("\"RT\"", "\"R\""))));
    assertEquals("Claim.item[0].modifier[0].coding[1]", second.path());
    FhirMappingException month =
        refused(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
                    ",\"servicedDate\":\"2025-06\"")));
    assertEquals("Claim.item[0].servicedDate", month.path());
    FhirMappingException negative =
        refused(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
                    ",\"unitPrice\":{\"value\":-40}")));
    assertEquals("Claim.item[0].unitPrice", negative.path());
    FhirMappingException days =
        refused(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
                    ",\"servicedPeriod\":{\"start\":\"2025-06-02\",\"end\":\"2025-06-05\"}")));
    assertEquals("Claim.item[0].servicedPeriod", days.path());
    assertTrue(days.getMessage().contains("runs from 2025-06-02 to 2025-06-05"), days.getMessage());
  }

  /**
   * The CPT and HCPCS codings of a productOrService are one code: a second, different one (a
   * modifier put there, or another service) was dropped, and the first priced.
   */
  @Test
  void productOrServiceCodingsOfDifferentCodesAreRefused() {
    String cpt = "{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":";
    for (String second : List.of("\"26\"", "\"71047\"")) {
      FhirMappingException e =
          refused(claim(item("{\"coding\":[" + cpt + "\"71046\"}," + cpt + second + "}]}", "")));
      assertEquals("Claim.item[0].productOrService", e.path());
      assertTrue(e.getMessage().contains("coding[0] is 71046 but coding[1] is"), e::getMessage);
    }
    // One code in two systems is one code; under the other level's system, still refused.
    String blueButton = "{\"system\":\"https://bluebutton.cms.gov/resources/codesystem/hcpcs\",";
    assertEquals(
        ClaimLine.parse("71046"),
        line(item("{\"coding\":[" + cpt + "\"71046\"}," + blueButton + "\"code\":\"71046\"}]}", ""))
            .line());
    String hcpcs = "{\"system\":\"" + FhirCodeSystems.HCPCS_LEVEL_II + "\",\"code\":";
    assertEquals(
        "Claim.item[0].productOrService.coding[1]",
        refused(claim(item("{\"coding\":[" + cpt + "\"71046\"}," + hcpcs + "\"71046\"}]}", "")))
            .path());
  }

  /**
   * A modifier is coded in CPT or HCPCS, or without a system: one coded only in ICD-10-CM was read
   * as a modifier because its code had a modifier's shape.
   */
  @Test
  void aModifierCodedOnlyInAnotherSystemIsRefused() {
    String chest =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"71046\"}]}";
    String icd = "{\"system\":\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"26\"}";
    FhirMappingException e =
        refused(claim(item(chest, ",\"modifier\":[{\"coding\":[" + icd + "]}]")));
    assertEquals("Claim.item[0].modifier[0].coding[0].system", e.path());
    // Beside a coding without a system, that coding is the modifier.
    assertEquals(
        ClaimLine.parse("71046-26"),
        line(item(chest, ",\"modifier\":[{\"coding\":[" + icd + ",{\"code\":\"26\"}]}]")).line());
    // Two CPT or HCPCS modifiers in one concept contradict each other; the same one twice does not.
    String cpt26 = "{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"26\"}";
    String cptTc = "{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"TC\"}";
    FhirMappingException two =
        refused(claim(item(chest, ",\"modifier\":[{\"coding\":[" + cpt26 + "," + cptTc + "]}]")));
    assertEquals("Claim.item[0].modifier[0].coding[1].code", two.path());
    assertEquals(
        ClaimLine.parse("71046-26"),
        line(item(chest, ",\"modifier\":[{\"coding\":[" + cpt26 + "," + cpt26 + "]}]")).line());
    // So do two codings without a system, when they are the modifier: TC was dropped, 26 priced.
    FhirMappingException bare =
        refused(
            claim(
                item(chest, ",\"modifier\":[{\"coding\":[{\"code\":\"26\"},{\"code\":\"TC\"}]}]")));
    assertEquals("Claim.item[0].modifier[0].coding[1].code", bare.path());
    assertEquals(
        ClaimLine.parse("71046-26"),
        line(item(chest, ",\"modifier\":[{\"coding\":[{\"code\":\"26\"},{\"code\":\"26\"}]}]"))
            .line());
    // Beside a CPT coding, a coding without a system is not read, whatever its code.
    assertEquals(
        ClaimLine.parse("71046-26"),
        line(item(chest, ",\"modifier\":[{\"coding\":[{\"code\":\"TC\"}," + cpt26 + "]}]")).line());
    // A CPT coding without a code before a Blue Button coding with one is the coding read:
    // refused at its code, naming its system, not as a concept with no code anywhere.
    FhirMappingException noCode =
        refused(
            claim(
                item(
                    chest,
                    ",\"modifier\":[{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\"},"
                        + "{\"system\":\"https://bluebutton.cms.gov/resources/codesystem/hcpcs\","
                        + "\"code\":\"26\"}]}]")));
    assertEquals("Claim.item[0].modifier[0].coding[0].code", noCode.path());
    assertTrue(
        noCode
            .getMessage()
            .contains("the modifier's coding in http://www.ama-assn.org/go/cpt has no code"),
        noCode.getMessage());
    FhirMappingException noCoding =
        refused(claim(item(chest, ",\"modifier\":[{\"text\":\"26\"}]")));
    assertEquals("Claim.item[0].modifier[0]", noCoding.path());
    assertTrue(noCoding.getMessage().contains("the modifier has no coding"), noCoding.getMessage());
  }

  /**
   * An element with a data-absent reason and no value: HAPI says it is there and gives null for its
   * value, which reached the reader as a NullPointerException (or, for net, as no charge at all).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"quantity\":{\"_value\":DAR}' | Claim.item[0].quantity.value",
        "'\"unitPrice\":{\"_value\":DAR}' | Claim.item[0].unitPrice.value",
        "'\"unitPrice\":{\"value\":10},\"_factor\":DAR' | Claim.item[0].factor",
        "'\"net\":{\"_value\":DAR}' | Claim.item[0].net.value",
        "'\"net\":{\"value\":10,\"_currency\":DAR}' | Claim.item[0].net.currency",
        "'\"_servicedDate\":DAR' | Claim.item[0].servicedDate",
        "'\"servicedPeriod\":{\"_start\":DAR}' | Claim.item[0].servicedPeriod.start",
        "'\"servicedPeriod\":{\"start\":\"2025-06-02\",\"_end\":DAR}'"
            + " | Claim.item[0].servicedPeriod.end",
        "'\"modifier\":[{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\","
            + "\"_code\":DAR}]}]' | Claim.item[0].modifier[0].coding[0].code",
        "'\"_sequence\":DAR' | Claim.item[0].sequence",
        // A comparator of no value was refused as "not null one".
        "'\"quantity\":{\"value\":2,\"_comparator\":DAR}' | Claim.item[0].quantity.comparator",
        // A second coding's code, compared with the first's: a NullPointerException.
        "'\"modifier\":[{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\","
            + "\"code\":\"59\"},{\"system\":\"http://www.ama-assn.org/go/cpt\",\"_code\":DAR}]}]'"
            + " | Claim.item[0].modifier[0].coding[1].code",
        "'\"modifier\":[{\"coding\":[{\"code\":\"59\"},{\"_code\":DAR}]}]'"
            + " | Claim.item[0].modifier[0].coding[1].code",
      })
  void anElementWithADataAbsentReasonIsRefusedAtItsPath(String extra, String path) {
    String dar =
        "{\"extension\":[{\"url\":"
            + "\"http://hl7.org/fhir/StructureDefinition/data-absent-reason\","
            + "\"valueCode\":\"unknown\"}]}";
    String json =
        "{\"resourceType\":\"Claim\",\"item\":[{\"productOrService\":"
            + "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]},"
            + extra.replace("DAR", dar)
            + "}]}";
    FhirMappingException e = refused(claim(json));
    assertEquals(path, e.path(), e::getMessage);
    assertTrue(e.getMessage().contains("extensions but no value"), e::getMessage);
    // The code itself, and a place of service, the same way.
    String absentCode =
        "{\"resourceType\":\"Claim\",\"item\":[{\"sequence\":1,\"productOrService\":"
            + "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"_code\":"
            + dar
            + "}]}}]}";
    assertEquals(
        "Claim.item[0].productOrService.coding[0].code", refused(claim(absentCode)).path());
    // Beside a code, as a second coding: a NullPointerException.
    String absentSecond =
        "{\"resourceType\":\"Claim\",\"item\":[{\"sequence\":1,\"productOrService\":"
            + "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"},"
            + "{\"system\":\"http://www.ama-assn.org/go/cpt\",\"_code\":"
            + dar
            + "}]}}]}";
    FhirMappingException second = refused(claim(absentSecond));
    assertEquals("Claim.item[0].productOrService.coding[1].code", second.path());
    assertTrue(second.getMessage().contains("extensions but no value"), second::getMessage);
    String absentPlace =
        item(
            "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
            ",\"locationCodeableConcept\":{\"coding\":[{\"system\":"
                + "\"https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set\","
                + "\"_code\":"
                + dar
                + "}]}");
    FhirMappingException place =
        assertThrows(
            FhirMappingException.class, () -> FhirClaims.placeOfService(claim(absentPlace)));
    assertEquals("Claim.item[0].locationCodeableConcept.coding[0].code", place.path());
  }

  /** Sequences identify items; the response named two items by one sequence. */
  @Test
  void twoItemsOfOneSequenceAreRefused() {
    String cpt = "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":";
    String twice =
        "{\"resourceType\":\"Claim\",\"item\":["
            + "{\"sequence\":1,\"productOrService\":"
            + cpt
            + "\"99213\"}]}},"
            + "{\"sequence\":1,\"productOrService\":"
            + cpt
            + "\"99214\"}]}}]}";
    FhirMappingException same = refused(claim(twice));
    assertEquals("Claim.item[1].sequence", same.path());
    assertTrue(same.getMessage().contains("sequence 1 is also Claim.item[0]'s"), same::getMessage);
    // An item without a sequence would be answered as its position: 1, the next item's.
    FhirMappingException position = refused(claim(twice.replaceFirst("\"sequence\":1,", "")));
    assertEquals("Claim.item[1].sequence", position.path());
    // Without any sequence, items are numbered by position, as before.
    assertEquals(2, FhirClaims.toClaim(claim(twice.replace("\"sequence\":1,", ""))).size());
    // A comparator makes no number of units.
    org.hl7.fhir.r4.model.Claim more = claim(twice.replace("\"sequence\":1,", ""));
    more.getItem()
        .get(0)
        .setQuantity(
            new org.hl7.fhir.r4.model.Quantity()
                .setValue(new BigDecimal("2"))
                .setComparator(org.hl7.fhir.r4.model.Quantity.QuantityComparator.GREATER_THAN));
    assertEquals("Claim.item[0].quantity.comparator", refused(more).path());
    // Exponents beyond a BigDecimal's, from a claim built in code: refused, not an arithmetic
    // error.
    org.hl7.fhir.r4.model.Claim tiny = claim(twice.replace("\"sequence\":1,", ""));
    tiny.getItem()
        .get(0)
        .setUnitPrice(new org.hl7.fhir.r4.model.Money().setValue(new BigDecimal("1E-2147483000")))
        .setFactor(new BigDecimal("1E-1000000"));
    assertEquals("Claim.item[0].factor", refused(tiny).path());
  }

  /**
   * A claim without items was answered complete with a total of 0.00, as if paid nothing; an item's
   * details were dropped from the pricing and the totals.
   */
  @Test
  void aClaimWithoutItemsAndAnItemWithDetailsAreRefused() {
    org.hl7.fhir.r4.model.Claim empty = claim(resource("claim-knee.json"));
    empty.getItem().clear();
    FhirMappingException nothing =
        assertThrows(FhirMappingException.class, () -> pricer().price(empty, ROCHESTER));
    assertEquals("Claim.item", nothing.path());
    String cpt = "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":";
    FhirMappingException detail =
        refused(
            claim(
                item(
                    cpt + "\"99213\"}]}",
                    ",\"net\":{\"value\":100},\"detail\":[{\"sequence\":1,\"productOrService\":"
                        + cpt
                        + "\"36415\"}]},\"net\":{\"value\":20}}]")));
    assertEquals("Claim.item[0].detail", detail.path());
    assertTrue(detail.getMessage().contains("not their details"), detail::getMessage);
  }

  /**
   * A period of one day is that day; before, any period was dropped without a word. A period
   * without an end, which R4 defines as ongoing, was read as its start's day: it is refused at its
   * end.
   */
  @Test
  void aServicedPeriodOfOneDayIsTheLinesDate() {
    Claim oneDay =
        FhirClaims.toClaim(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
                    ",\"servicedPeriod\":{\"start\":\"2025-06-02T09:00:00-04:00\","
                        + "\"end\":\"2025-06-02T10:00:00-04:00\"}")));
    assertEquals(BilledLine.parse("97110 on 2025-06-02"), oneDay.line(0));
    FhirMappingException open =
        refused(
            claim(
                item(
                    "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}",
                    ",\"servicedPeriod\":{\"start\":\"2025-06-03\"}")));
    assertEquals("Claim.item[0].servicedPeriod.end", open.path());
    assertTrue(open.getMessage().contains("starts on 2025-06-03 and has no end"), open::getMessage);
  }

  /**
   * An anesthesia of 23:00 to 23:35 in New York, its end written in UTC (04:35Z the next day), was
   * refused as a period of two dates: each bound's day was read as written, in its own offset. The
   * end's day is now read in the start's offset, as the service's day is the start's; a period that
   * runs past midnight there is still two dates, and one day as written may not be one.
   */
  @Test
  void aPeriodsEndInAnotherOffsetIsReadOnTheStartsClock() {
    String anesthesia =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"00790\"}]},"
            + "\"modifier\":[{\"coding\":[{\"code\":\"AA\"}]}],\"quantity\":{\"value\":35,"
            + "\"system\":\"http://unitsofmeasure.org\",\"code\":\"min\"}";
    String period = ",\"servicedPeriod\":{\"start\":\"%s\",\"end\":\"%s\"}";
    assertEquals(
        BilledLine.parse("00790-AA 35min on 2025-06-02"),
        line(
            item(
                anesthesia,
                period.formatted("2025-06-02T23:00:00-05:00", "2025-06-03T04:35:00Z"))));
    // Past midnight on the start's clock: two dates for an item other than a timed anesthesia,
    // which is one service of its start's day (FhirAnesthesiaPeriodTest).
    String therapy =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}";
    for (String[] twoDays :
        List.of(
            new String[] {"2025-06-02T23:00:00-05:00", "2025-06-03T05:35:00Z"},
            new String[] {"2025-06-02T20:00:00Z", "2025-06-02T23:00:00-05:00"})) {
      FhirMappingException e =
          refused(claim(item(therapy, period.formatted(twoDays[0], twoDays[1]))));
      assertEquals("Claim.item[0].servicedPeriod", e.path(), twoDays[1]);
    }
    // The claim's billablePeriod, which dates the items without a date of their own, alike.
    org.hl7.fhir.r4.model.Claim undated =
        claim(
            item(anesthesia, "")
                .replace(
                    "\"item\"",
                    "\"billablePeriod\":"
                        + period
                            .formatted("2025-06-02T23:00:00-05:00", "2025-06-03T04:35:00Z")
                            .substring(",\"servicedPeriod\":".length())
                        + ",\"item\""));
    assertEquals(
        Optional.of(LocalDate.of(2025, 6, 2)), FhirClaims.toClaim(undated).line(0).dateOfService());
  }

  /**
   * R4 defines {@code Claim.total} as the total value of all the claim's items, and it was not
   * read: a claim totalled in euros had its items' amounts, which name no currency, priced as US
   * dollars, and a total of 150.00 over items charged 100.00 went unremarked where an item's net
   * that is not its quantity times its unit price is refused. A total in another currency is
   * refused at its currency; one that is not the sum of the items' charges at {@code Claim.total},
   * naming both, unless an item has no charge (there is no sum to compare).
   */
  @Test
  void theClaimsTotalIsInDollarsAndTheSumOfItsItems() {
    String cpt =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}";
    String charged = item(cpt, ",\"net\":{\"value\":100}");
    FhirMappingException euros =
        refused(
            claim(
                charged.replace(
                    "\"item\"", "\"total\":{\"value\":100,\"currency\":\"EUR\"},\"item\"")));
    assertEquals("Claim.total.currency", euros.path());
    assertTrue(euros.getMessage().contains("not 'EUR'"), euros::getMessage);
    FhirMappingException more =
        refused(
            claim(
                charged.replace(
                    "\"item\"", "\"total\":{\"value\":150,\"currency\":\"USD\"},\"item\"")));
    assertEquals("Claim.total", more.path());
    assertTrue(
        more.getMessage().contains("'150' is not the sum of the items' charges, 100.00"),
        more::getMessage);
    // The sum, however written, and a total beside an item without a charge, are read.
    Claim same =
        FhirClaims.toClaim(
            claim(charged.replace("\"item\"", "\"total\":{\"value\":100.0},\"item\"")));
    assertEquals(Optional.of(new BigDecimal("100.00")), same.line(0).charge());
    Claim uncharged =
        FhirClaims.toClaim(
            claim(item(cpt, "").replace("\"item\"", "\"total\":{\"value\":50},\"item\"")));
    assertEquals(Optional.empty(), uncharged.line(0).charge());
  }

  /**
   * An item's {@code net} or {@code unitPrice} in another currency than US dollars was read only
   * when it had a value: a net of euros without one was skipped and the charge taken from the unit
   * price, as dollars, where the claim's {@code total} in euros is refused. Each is refused at its
   * currency, value or not; in dollars, an amount without a value still says nothing.
   */
  @Test
  void anItemsAmountInAnotherCurrencyIsRefusedEvenWithoutAValue() {
    String cpt =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}";
    for (String[] bad :
        List.of(
            new String[] {",\"net\":{\"currency\":\"EUR\"},\"unitPrice\":{\"value\":10}", "net"},
            new String[] {
              ",\"unitPrice\":{\"currency\":\"EUR\"},\"net\":{\"value\":10}", "unitPrice"
            },
            new String[] {",\"unitPrice\":{\"currency\":\"EUR\"}", "unitPrice"})) {
      FhirMappingException e = refused(claim(item(cpt, bad[0])));
      assertEquals("Claim.item[0]." + bad[1] + ".currency", e.path(), bad[0]);
      assertTrue(e.getMessage().contains("not 'EUR'"), e::getMessage);
    }
    assertEquals(Optional.empty(), line(item(cpt, ",\"net\":{\"currency\":\"USD\"}")).charge());
  }

  /**
   * One item whose location concept codes two places of CMS's set was refused as two items at
   * different places, told to price "the items of each place as separate claims": splitting the
   * claim cannot help an item that contradicts itself. The codings of a concept translate one
   * another (R4's CodeableConcept), so the second place is refused as the item's contradiction.
   */
  @Test
  void anItemOfTwoPlacesOfServiceIsRefusedAsItsOwnContradiction() {
    String pos = FhirCodeSystems.PLACE_OF_SERVICE;
    String json =
        item(
            "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"99213\"}]}",
            ",\"locationCodeableConcept\":{\"coding\":[{\"system\":\""
                + pos
                + "\",\"code\":\"11\"},{\"system\":\""
                + pos
                + "\",\"code\":\"22\"}]}");
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> FhirClaims.placeOfService(claim(json)));
    assertEquals("Claim.item[0].locationCodeableConcept.coding[1].code", e.path());
    assertTrue(e.getMessage().contains("the item's location names two places"), e::getMessage);
    assertFalse(e.getMessage().contains("separate claims"), e::getMessage);
  }

  /**
   * A period that ends before it starts breaks R4's Period invariant per-1 (start &lt;= end). A
   * servicedPeriod of 10:00 to 09:00 was priced on its day, and one of 10:00-04:00 to 13:00Z (an
   * hour before its start); one of 2025-06-03 to 2025-06-02 was refused as two dates, asking for
   * one item per date; a billablePeriod of 06-05 to 06-01 called a date inside neither bound
   * "outside" it, and an undated item of it was told to give its date. Each is refused at the
   * period's end, naming both bounds. Times are compared as instants, a date with a time at the day
   * they share, as FHIRPath compares them.
   */
  @Test
  void aPeriodThatEndsBeforeItStartsIsRefusedAtItsEnd() {
    String cpt =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}";
    String[][] reversed = {
      {"2025-06-02T10:00:00Z", "2025-06-02T09:00:00Z"},
      {"2025-06-02T10:00:00-04:00", "2025-06-02T13:00:00Z"},
      {"2025-06-03", "2025-06-02"},
      {"2025-06-03", "2025-06-02T23:00:00Z"},
    };
    for (String[] bounds : reversed) {
      String period = "{\"start\":\"" + bounds[0] + "\",\"end\":\"" + bounds[1] + "\"}";
      FhirMappingException e = refused(claim(item(cpt, ",\"servicedPeriod\":" + period)));
      assertEquals("Claim.item[0].servicedPeriod.end", e.path(), period);
      assertTrue(
          e.getMessage().contains("ends at " + bounds[1] + ", before it starts at " + bounds[0]),
          e::getMessage);
      assertTrue(e.getMessage().contains("per-1"), e::getMessage);
    }
    for (String[] billable :
        new String[][] {
          {"2025-06-05", "2025-06-01", ",\"servicedDate\":\"2025-06-02\""},
          {"2025-06-05", "2025-06-01", ""},
          {"2025-07", "2025-06-30", ",\"servicedDate\":\"2025-06-30\""},
        }) {
      String json =
          item(cpt, billable[2])
              .replace(
                  "\"item\"",
                  "\"billablePeriod\":{\"start\":\""
                      + billable[0]
                      + "\",\"end\":\""
                      + billable[1]
                      + "\"},\"item\"");
      FhirMappingException e = refused(claim(json));
      assertEquals("Claim.billablePeriod.end", e.path(), json);
      assertTrue(
          e.getMessage()
              .contains("ends at " + billable[1] + ", before it starts at " + billable[0]),
          e::getMessage);
    }
    // The same instant, or a later one written in another offset, is no reversal.
    Claim later =
        FhirClaims.toClaim(
            claim(
                item(
                    cpt,
                    ",\"servicedPeriod\":{\"start\":\"2025-06-02T10:00:00-04:00\","
                        + "\"end\":\"2025-06-02T14:30:00Z\"}")));
    assertEquals(BilledLine.parse("97110 on 2025-06-02"), later.line(0));
    Claim sameDay =
        FhirClaims.toClaim(
            claim(
                item(
                    cpt,
                    ",\"servicedPeriod\":{\"start\":\"2025-06-02T10:00:00Z\","
                        + "\"end\":\"2025-06-02\"}")));
    assertEquals(BilledLine.parse("97110 on 2025-06-02"), sameDay.line(0));
  }

  /**
   * A date HAPI cannot read ({@code +2025-06-02}: a sign) is refused by its parser by default; one
   * told not to keeps the text without a value, which was refused as a data-absent reason. It is
   * refused at its path, quoted, whether it is an item's date or a bound of the billablePeriod.
   */
  @Test
  void aDateHapiCouldNotReadIsRefusedAtItsPath() {
    IParser lenient =
        FHIR.newJsonParser()
            .setParserErrorHandler(
                new ca.uhn.fhir.parser.LenientErrorHandler(false).setErrorOnInvalidValue(false));
    String cpt =
        "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}";
    for (String[] at :
        new String[][] {
          {",\"servicedDate\":\"+2025-06-02\"", "Claim.item[0].servicedDate"},
          {",\"servicedPeriod\":{\"start\":\"+2025-06-02\"}", "Claim.item[0].servicedPeriod.start"},
          {
            ",\"servicedPeriod\":{\"start\":\"2025-06-02\",\"end\":\"+2025-06-02\"}",
            "Claim.item[0].servicedPeriod.end"
          },
        }) {
      org.hl7.fhir.r4.model.Claim bad =
          lenient.parseResource(org.hl7.fhir.r4.model.Claim.class, item(cpt, at[0]));
      FhirMappingException e = refused(bad);
      assertEquals(at[1], e.path());
      assertTrue(e.getMessage().contains("'+2025-06-02' is not a valid FHIR "), e::getMessage);
    }
    // A bound of the billablePeriod, compared with an item's own date.
    org.hl7.fhir.r4.model.Claim billable =
        lenient.parseResource(
            org.hl7.fhir.r4.model.Claim.class,
            item(cpt, ",\"servicedDate\":\"2025-06-02\"")
                .replace("\"item\"", "\"billablePeriod\":{\"start\":\"2025-6-1\"},\"item\""));
    FhirMappingException e = refused(billable);
    assertEquals("Claim.billablePeriod.start", e.path());
    assertTrue(e.getMessage().contains("'2025-6-1' is not a valid FHIR dateTime"), e::getMessage);
  }

  @Test
  void aClaimIsPricedIntoAClaimResponse() {
    MedicareClaimPricer medicare = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    FhirClaimPricer pricer =
        FhirClaimPricer.of(
            medicare, Clock.fixed(Instant.parse("2025-06-04T00:00:00Z"), ZoneOffset.UTC));
    org.hl7.fhir.r4.model.Claim fhirClaim = claim(resource("claim-knee.json"));

    ClaimResponse response = pricer.price(fhirClaim, ROCHESTER);
    // Through HAPI's JSON parser and back, as a server would send it.
    IParser parser = FHIR.newJsonParser();
    response = parser.parseResource(ClaimResponse.class, parser.encodeResourceToString(response));

    PricedClaim expected = medicare.price(FhirClaims.toClaim(fhirClaim), ROCHESTER);
    assertEquals("Claim/knee-1", response.getRequest().getReference());
    assertEquals(ClaimResponse.RemittanceOutcome.PARTIAL, response.getOutcome());
    assertEquals("professional", response.getType().getCodingFirstRep().getCode());
    assertEquals(4, response.getItem().size());
    for (int i = 0; i < 3; i++) {
      ClaimResponse.ItemComponent item = response.getItem().get(i);
      assertEquals(i + 1, item.getItemSequence());
      BigDecimal amount = expected.line(i).amountOrThrow();
      assertEquals(expected.line(i).billed().charge().orElseThrow(), amountOf(item, "submitted"));
      assertEquals(amount, amountOf(item, "eligible"));
      // What Medicare pays depends on the deductible left and the coinsurance: not reported.
      assertFalse(
          item.getAdjudication().stream()
              .anyMatch(a -> a.getCategory().getCodingFirstRep().getCode().equals("benefit")));
    }
    assertEquals(new BigDecimal("531.70"), amountOf(response.getItem().get(0), "eligible"));

    AdjudicationComponent unpriced = adjudication(response.getItem().get(3), "eligible");
    assertFalse(unpriced.hasAmount(), "no amount, never a zero");
    assertEquals(
        FhirClaimPricer.UNPRICED_REASON, unpriced.getReason().getCodingFirstRep().getSystem());
    assertEquals("NOT_IN_SCHEDULE", unpriced.getReason().getCodingFirstRep().getCode());
    assertEquals(expected.line(3).detail(), unpriced.getReason().getText());

    assertEquals(new BigDecimal("2940.00"), total(response, "submitted"));
    assertEquals(expected.total(), total(response, "eligible"));
    assertFalse(
        response.getTotal().stream()
            .anyMatch(t -> t.getCategory().getCodingFirstRep().getCode().equals("benefit")));
    assertEquals("USD", response.getTotalFirstRep().getAmount().getCurrency());
  }

  private static final PricingContext ROCHESTER_OFFICE =
      ROCHESTER.withSetting(Setting.NON_FACILITY);

  /** The knee claim with item {@code sequence} at {@code code} of {@code system}. */
  private static String located(String json, int sequence, String system, String code) {
    // The item's "sequence" ends its line; the insurance's is followed by "focal" on the same one.
    String item = "\"sequence\": " + sequence + ",\n";
    assertTrue(json.contains(item), item);
    return json.replace(
        item,
        item
            + "\"locationCodeableConcept\": {\"coding\": [{\"system\": \""
            + system
            + "\", \"code\": \""
            + code
            + "\"}]},\n");
  }

  /** The eligible amounts of a response, item by item; null for an unpriced item. */
  private static List<BigDecimal> eligible(ClaimResponse response) {
    return response.getItem().stream()
        .map(item -> adjudication(item, "eligible"))
        .map(a -> a.hasAmount() ? a.getAmount().getValue() : null)
        .toList();
  }

  /** The amounts the core pricer gives the knee claim's lines in {@code context}. */
  private static List<BigDecimal> eligible(PricingContext context) {
    PricedClaim priced =
        MedicareClaimPricer.of(BundledData.medicareFeeSchedule())
            .price(FhirClaims.toClaim(claim(resource("claim-knee.json"))), context);
    return priced.lines().stream()
        .map(line -> line.isPriced() ? line.amountOrThrow() : null)
        .toList();
  }

  /**
   * An item billed at inpatient hospital (21) is paid the facility rate, whatever setting the
   * caller's context has: it was priced at the context's non-facility rate without a word.
   */
  @Test
  void theItemsPlaceOfServiceDecidesTheSetting() {
    List<BigDecimal> office = eligible(ROCHESTER_OFFICE);
    List<BigDecimal> hospital =
        eligible(ROCHESTER_OFFICE.withPlaceOfService(PlaceOfService.INPATIENT_HOSPITAL));
    assertNotEquals(office, hospital, "the knee claim's amounts depend on the setting");

    String json = resource("claim-knee.json");
    String everyItem = json;
    for (int sequence = 1; sequence <= 4; sequence++) {
      everyItem = located(everyItem, sequence, FhirCodeSystems.PLACE_OF_SERVICE, "21");
    }
    assertEquals(hospital, eligible(pricer().price(claim(everyItem), ROCHESTER_OFFICE)));
    // Items without a place of service are where the others are, in any accepted system form.
    String firstItem = located(json, 1, "urn:oid:2.16.840.1.113883.15.5", "21");
    assertEquals(
        Optional.of(PlaceOfService.INPATIENT_HOSPITAL),
        FhirClaims.placeOfService(claim(firstItem)));
    assertEquals(hospital, eligible(pricer().price(claim(firstItem), ROCHESTER_OFFICE)));
    // The office (11) in a facility context: the claim's place wins both ways.
    assertEquals(
        office,
        eligible(
            pricer()
                .price(
                    claim(located(json, 2, FhirCodeSystems.PLACE_OF_SERVICE, "11")), ROCHESTER)));
  }

  /**
   * A claim at a code CMS leaves unassigned (30, a mistype of 31) is returned as unprocessable
   * (Claims Processing Manual ch. 26 §10.5): the submitter must correct it, so the response is an
   * {@code error}, each refused item an error of it, not a {@code complete} denial.
   */
  @Test
  void aClaimAtAnUnassignedPlaceIsAnErrorToCorrect() {
    String json = located(resource("claim-knee.json"), 1, FhirCodeSystems.PLACE_OF_SERVICE, "30");
    ClaimResponse response = pricer().price(claim(json), ROCHESTER_OFFICE);
    assertEquals(ClaimResponse.RemittanceOutcome.ERROR, response.getOutcome());
    // The item's adjudications: the submitted charge, then the eligible amount with its reason.
    ClaimResponse.AdjudicationComponent first =
        response.getItem().get(0).getAdjudication().stream()
            .filter(a -> a.getCategory().getCodingFirstRep().getCode().equals("eligible"))
            .findFirst()
            .orElseThrow();
    assertEquals("NOT_PAYABLE_IN_PLACE", first.getReason().getCodingFirstRep().getCode());
    assertTrue(
        first.getReason().getText().startsWith("place of service 30 is unassigned"),
        first.getReason().getText());
    assertFalse(response.getError().isEmpty());
    assertEquals(1, response.getErrorFirstRep().getItemSequence());
    assertEquals(
        "NOT_PAYABLE_IN_PLACE",
        response.getErrorFirstRep().getCode().getCodingFirstRep().getCode());
  }

  @Test
  void itemsAtDifferentPlacesAreRefusedAtTheSecondPlace() {
    String json =
        located(
            located(resource("claim-knee.json"), 1, FhirCodeSystems.PLACE_OF_SERVICE, "21"),
            3,
            FhirCodeSystems.PLACE_OF_SERVICE,
            "11");
    FhirMappingException mixed =
        assertThrows(
            FhirMappingException.class, () -> pricer().price(claim(json), ROCHESTER_OFFICE));
    assertEquals("Claim.item[2].locationCodeableConcept.coding[0].code", mixed.path());
    assertTrue(mixed.getMessage().contains("separate claims"), mixed.getMessage());
    assertTrue(
        mixed.getMessage().contains("Claim.item[0].locationCodeableConcept.coding[0].code"),
        mixed.getMessage());
  }

  @Test
  void aPlaceOfServiceOutsideCmssCodeSetIsRefusedAtItsCode() {
    // HAPI trims a code's blanks as it parses; Arabic-Indic digits are digits, but not CMS's.
    for (String code : List.of("1", "00", "2A", "021", "\u0662\u0661", "")) {
      String json = located(resource("claim-knee.json"), 2, FhirCodeSystems.PLACE_OF_SERVICE, code);
      FhirMappingException bad =
          assertThrows(
              FhirMappingException.class, () -> pricer().price(claim(json), ROCHESTER_OFFICE));
      assertEquals(
          code.isEmpty()
              ? "Claim.item[1].locationCodeableConcept.coding[0]"
              : "Claim.item[1].locationCodeableConcept.coding[0].code",
          bad.path(),
          code);
    }
  }

  /**
   * A location in another system, a room code or HL7's example set, says nothing of the setting.
   */
  @Test
  void aLocationInAnotherSystemIsIgnored() {
    String json = resource("claim-knee.json");
    String example =
        located(json, 1, "http://terminology.hl7.org/CodeSystem/ex-serviceplace", "21");
    assertEquals(Optional.empty(), FhirClaims.placeOfService(claim(example)));
    assertEquals(
        eligible(ROCHESTER_OFFICE), eligible(pricer().price(claim(example), ROCHESTER_OFFICE)));
    // Past another system's coding, the place-of-service one is found and named by its index.
    String second =
        json.replace(
            "\"sequence\": 4,\n",
            "\"sequence\": 4,\n\"locationCodeableConcept\": {\"coding\": ["
                + "{\"system\": \"http://example.org/rooms\", \"code\": \"OR-2\"},"
                + " {\"system\": \""
                + FhirCodeSystems.PLACE_OF_SERVICE
                + "\", \"code\": \"2\"}]},\n");
    assertEquals(
        "Claim.item[3].locationCodeableConcept.coding[1].code",
        assertThrows(FhirMappingException.class, () -> FhirClaims.placeOfService(claim(second)))
            .path());
  }

  /**
   * A FHIR claim has no element saying the AD supervisor was present at induction; the context the
   * caller prices it in does, and keeps saying it when the claim's place of service replaces the
   * setting: 00790-AD 60 min in 13282-99, (3 + 1) x 19.79 = 79.16 rather than 3 x 19.79 = 59.37
   * (Claims Processing Manual ch. 12 section 50.D).
   */
  @Test
  void theContextSaysPresenceAtInductionForAFhirClaim() {
    String json =
        "{\"resourceType\":\"Claim\",\"status\":\"active\","
            + "\"type\":{\"coding\":[{\"system\":\""
            + FhirClaimPricer.CLAIM_TYPE
            + "\",\"code\":\"professional\"}]},"
            + "\"patient\":{\"reference\":\"Patient/p1\"},"
            + "\"insurer\":{\"reference\":\"Organization/medicare\"},"
            + "\"item\":[{\"sequence\":1,\"productOrService\":{\"coding\":[{\"system\":"
            + "\"http://www.ama-assn.org/go/cpt\",\"code\":\"00790\"}]},"
            + "\"modifier\":[{\"coding\":[{\"code\":\"AD\"}]}],"
            + "\"servicedDate\":\"2025-06-02\","
            + "\"locationCodeableConcept\":{\"coding\":[{\"system\":\""
            + FhirCodeSystems.PLACE_OF_SERVICE
            + "\",\"code\":\"22\"}]},"
            + "\"quantity\":{\"value\":60,\"system\":\"http://unitsofmeasure.org\","
            + "\"code\":\"min\"}}]}";
    assertEquals(
        new BigDecimal("59.37"),
        amountOf(pricer().price(claim(json), ROCHESTER).getItem().get(0), "eligible"));
    assertEquals(
        new BigDecimal("79.16"),
        amountOf(
            pricer()
                .price(claim(json), ROCHESTER.withSupervisorPresentAtInduction(true))
                .getItem()
                .get(0),
            "eligible"));
  }

  private static FhirClaimPricer pricer() {
    return FhirClaimPricer.of(
        MedicareClaimPricer.of(BundledData.medicareFeeSchedule()),
        Clock.fixed(Instant.parse("2025-06-04T00:00:00Z"), ZoneOffset.UTC));
  }

  /** The response as a server sends it, re-read by HAPI's strict parser. */
  private static ClaimResponse strictly(ClaimResponse response) {
    String json = FHIR.newJsonParser().encodeResourceToString(response);
    return FHIR.newJsonParser()
        .setParserErrorHandler(new StrictErrorHandler())
        .parseResource(ClaimResponse.class, json);
  }

  /** A local reference was copied without the resource it names: HAPI refused the response. */
  @Test
  void aContainedPatientComesAlongWithTheReferenceToIt() {
    String json =
        resource("claim-knee.json")
            .replace(
                "\"patient\": {\"reference\": \"Patient/p1\"}",
                "\"contained\": [{\"resourceType\": \"Patient\", \"id\": \"pat\","
                    + " \"managingOrganization\": {\"reference\": \"#org\"}},"
                    + " {\"resourceType\": \"Organization\", \"id\": \"org\"},"
                    + " {\"resourceType\": \"Practitioner\", \"id\": \"dr\"}],"
                    + " \"patient\": {\"reference\": \"#pat\"}")
            .replace("\"Practitioner/dr1\"", "\"#dr\"");
    ClaimResponse response = strictly(pricer().price(claim(json), ROCHESTER));
    assertEquals("#pat", response.getPatient().getReference());
    // The patient, and the organization it refers to; not the claim's provider.
    assertEquals(
        List.of("Patient", "Organization"),
        response.getContained().stream().map(r -> r.fhirType()).toList());

    FhirMappingException dangling =
        assertThrows(
            FhirMappingException.class,
            () -> pricer().price(claim(json.replace("\"#pat\"", "\"#nobody\"")), ROCHESTER));
    assertEquals("Claim.patient", dangling.path());
  }

  @Test
  void theResponseSharesNoElementWithTheClaim() {
    org.hl7.fhir.r4.model.Claim fhirClaim = claim(resource("claim-knee.json"));
    ClaimResponse response = pricer().price(fhirClaim, ROCHESTER);
    response.getType().getCodingFirstRep().setCode("institutional");
    response.getPatient().setReference("Patient/other");
    response.getInsurer().setReference("Organization/other");
    assertEquals("professional", fhirClaim.getType().getCodingFirstRep().getCode());
    assertEquals("Patient/p1", fhirClaim.getPatient().getReference());
    assertEquals("Organization/medicare", fhirClaim.getInsurer().getReference());
  }

  @Test
  void theRequestIsAValidReferenceWhateverTheClaimsId() {
    String json = resource("claim-knee.json");
    // A Bundle entry's fullUrl: HAPI makes it the id, and Claim/urn:uuid:... is no reference.
    String urn = "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    Bundle bundle =
        FHIR.newJsonParser()
            .parseResource(
                Bundle.class,
                "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"fullUrl\":\""
                    + urn
                    + "\",\"resource\":"
                    + json.replace("\"id\": \"knee-1\",", "")
                    + "}]}");
    org.hl7.fhir.r4.model.Claim entry =
        (org.hl7.fhir.r4.model.Claim) bundle.getEntryFirstRep().getResource();
    assertEquals(urn, strictly(pricer().price(entry, ROCHESTER)).getRequest().getReference());

    // An absolute id names its server; the version is dropped, as for a relative one.
    org.hl7.fhir.r4.model.Claim remote = claim(json);
    remote.setId("http://example.org/fhir/Claim/knee-1/_history/3");
    assertEquals(
        "http://example.org/fhir/Claim/knee-1",
        pricer().price(remote, ROCHESTER).getRequest().getReference());

    // Without an id, the claim's identifier.
    org.hl7.fhir.r4.model.Claim anonymous = claim(json.replace("\"id\": \"knee-1\",", ""));
    anonymous.addIdentifier().setSystem("http://example.org/claims").setValue("C-17");
    Reference byIdentifier = strictly(pricer().price(anonymous, ROCHESTER)).getRequest();
    assertFalse(byIdentifier.hasReference());
    assertEquals("C-17", byIdentifier.getIdentifier().getValue());
  }

  /** R4: ClaimResponse.use mirrors the claim's; a pre-authorization was answered as a claim. */
  @ParameterizedTest
  @CsvSource({
    "claim, CLAIM",
    "preauthorization, PREAUTHORIZATION",
    "predetermination, PREDETERMINATION"
  })
  void theResponsesUseIsTheClaims(String use, ClaimResponse.Use expected) {
    String json =
        resource("claim-knee.json").replace("\"use\": \"claim\"", "\"use\": \"" + use + "\"");
    assertEquals(expected, strictly(pricer().price(claim(json), ROCHESTER)).getUse());
  }

  /**
   * Only an active claim is priced: a withdrawn, draft or status-less one was priced and answered
   * as an active response. A predetermination is an active claim of its own use.
   */
  @Test
  void aClaimThatIsNotActiveIsRefusedAtItsStatus() {
    String json = resource("claim-knee.json");
    for (String status : List.of("entered-in-error", "cancelled", "draft")) {
      String withdrawn =
          json.replace("\"status\": \"active\"", "\"status\": \"" + status + "\"")
              .replace("\"use\": \"claim\"", "\"use\": \"predetermination\"");
      FhirMappingException refused =
          assertThrows(
              FhirMappingException.class, () -> pricer().price(claim(withdrawn), ROCHESTER));
      assertEquals("Claim.status", refused.path());
      assertTrue(refused.getMessage().contains("the claim is " + status), refused::getMessage);
    }
    String none = json.replace("\"status\": \"active\",", "");
    FhirMappingException missing =
        assertThrows(FhirMappingException.class, () -> pricer().price(claim(none), ROCHESTER));
    assertEquals("Claim.status", missing.path());
  }

  /**
   * Only a professional claim is priced: an institutional or oral one was priced at Physician Fee
   * Schedule rates (531.70, 21.07, 61.92, total 614.69) and answered as adjudicated.
   */
  @Test
  void aClaimThatIsNotProfessionalIsRefusedAtItsType() {
    String json = resource("claim-knee.json");
    for (String type : List.of("institutional", "oral")) {
      org.hl7.fhir.r4.model.Claim other =
          claim(json.replace("\"code\": \"professional\"", "\"code\": \"" + type + "\""));
      FhirMappingException refused =
          assertThrows(FhirMappingException.class, () -> pricer().price(other, ROCHESTER));
      assertEquals("Claim.type", refused.path());
      assertTrue(
          refused
              .getMessage()
              .contains(
                  "the claim's type is "
                      + type
                      + " (http://terminology.hl7.org/CodeSystem/claim-type): only a professional"
                      + " claim"),
          refused::getMessage);
      // Reading the items alone is not pricing: as for the status, the type is the pricer's.
      assertEquals(4, FhirClaims.toClaim(other).size());
    }
    // A type of text alone, or of another system's code, is no professional claim either.
    org.hl7.fhir.r4.model.Claim text = claim(json);
    text.getType().setCoding(new java.util.ArrayList<>()).setText("Professional");
    FhirMappingException untyped =
        assertThrows(FhirMappingException.class, () -> pricer().price(text, ROCHESTER));
    assertEquals("Claim.type", untyped.path());
    assertTrue(
        untyped.getMessage().contains("has no code, only the text 'Professional'"),
        untyped::getMessage);
    org.hl7.fhir.r4.model.Claim local = claim(json);
    local.getType().getCodingFirstRep().setSystem("urn:local:claim-type");
    assertEquals(
        "Claim.type",
        assertThrows(FhirMappingException.class, () -> pricer().price(local, ROCHESTER)).path());
    // The https form of the system, and a professional coding beside another, are priced.
    org.hl7.fhir.r4.model.Claim https = claim(json);
    https
        .getType()
        .getCodingFirstRep()
        .setSystem("https://terminology.hl7.org/CodeSystem/claim-type");
    https.getType().addCoding(new Coding("urn:local:claim-type", "PRO", null));
    assertEquals(
        new BigDecimal("614.69"), total(strictly(pricer().price(https, ROCHESTER)), "eligible"));
    // A professional coding without a system was priced: a code means what its system says, as a
    // procedure code without CPT's system is none. Beside the coding of the system, it is harmless.
    org.hl7.fhir.r4.model.Claim bare = claim(json);
    bare.getType().getCodingFirstRep().setSystem(null);
    FhirMappingException noSystem =
        assertThrows(FhirMappingException.class, () -> pricer().price(bare, ROCHESTER));
    assertEquals("Claim.type.coding[0]", noSystem.path());
    assertTrue(
        noSystem.getMessage().contains("the code professional without a system"),
        noSystem::getMessage);
    bare.getType().addCoding(new Coding(FhirClaimPricer.CLAIM_TYPE, "professional", null));
    assertEquals(new BigDecimal("614.69"), total(pricer().price(bare, ROCHESTER), "eligible"));
    // A system of no value (a data-absent reason) is named as such, where it was quoted as a
    // system named 'null'.
    org.hl7.fhir.r4.model.Claim absent = claim(json);
    absent.getType().getCodingFirstRep().setSystem(null);
    absent
        .getType()
        .getCodingFirstRep()
        .getSystemElement()
        .addExtension(
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
            new org.hl7.fhir.r4.model.CodeType("unknown"));
    FhirMappingException noValue =
        assertThrows(FhirMappingException.class, () -> pricer().price(absent, ROCHESTER));
    assertEquals("Claim.type.coding[0].system", noValue.path());
    assertTrue(noValue.getMessage().contains("extensions but no value"), noValue::getMessage);
  }

  /**
   * R4's ClaimResponse.insurer is 1..1 while Claim.insurer is 0..1: a claim without one is refused,
   * or answered with the caller's default; it was answered with an invalid response.
   */
  @Test
  void aClaimWithoutAnInsurerNeedsTheCallersDefault() {
    String json =
        resource("claim-knee.json")
            .replace("\"insurer\": {\"reference\": \"Organization/medicare\"},", "");
    FhirMappingException refused =
        assertThrows(FhirMappingException.class, () -> pricer().price(claim(json), ROCHESTER));
    assertEquals("Claim.insurer", refused.path());
    assertTrue(refused.getMessage().contains("withDefaultInsurer"), refused.getMessage());

    Reference medicare = new Reference("Organization/cms");
    FhirClaimPricer withDefault = pricer().withDefaultInsurer(medicare);
    ClaimResponse response = strictly(withDefault.price(claim(json), ROCHESTER));
    assertEquals("Organization/cms", response.getInsurer().getReference());
    // The claim's own insurer wins over the default.
    assertEquals(
        "Organization/medicare",
        withDefault
            .price(claim(resource("claim-knee.json")), ROCHESTER)
            .getInsurer()
            .getReference());
    assertThrows(
        IllegalArgumentException.class, () -> pricer().withDefaultInsurer(new Reference("#org")));

    FhirMappingException noPatient =
        assertThrows(
            FhirMappingException.class,
            () ->
                pricer()
                    .price(
                        claim(
                            resource("claim-knee.json")
                                .replace("\"patient\": {\"reference\": \"Patient/p1\"},", "")),
                        ROCHESTER));
    assertEquals("Claim.patient", noPatient.path());
  }

  /**
   * A default insurer names its target, as the response's references do: one holding only a linked
   * resource object was taken, and each response shared the caller's object (the claim's own
   * references are copied with their links cleared), and one whose {@code reference} had a
   * data-absent reason alone was taken though it names no insurer.
   */
  @Test
  void aDefaultInsurerNamesItsTargetAndKeepsNoLink() {
    Organization medicare = new Organization();
    medicare.setName("Medicare");
    IllegalArgumentException linked =
        assertThrows(
            IllegalArgumentException.class,
            () -> pricer().withDefaultInsurer(new Reference(medicare)));
    assertEquals(
        "the default insurer holds only a linked resource object, which no response keeps (they"
            + " copy references without their links): a default insurer must name its target by"
            + " reference, identifier or display",
        linked.getMessage());
    String json =
        resource("claim-knee.json")
            .replace("\"insurer\": {\"reference\": \"Organization/medicare\"},", "");
    Reference both = new Reference(medicare).setReference("Organization/cms");
    ClaimResponse response = pricer().withDefaultInsurer(both).price(claim(json), ROCHESTER);
    assertEquals("Organization/cms", response.getInsurer().getReference());
    assertNull(response.getInsurer().getResource(), "the caller's object is not the response's");

    Reference absent = new Reference();
    absent
        .getReferenceElement_()
        .addExtension(
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
            new org.hl7.fhir.r4.model.CodeType("unknown"));
    FhirMappingException noValue =
        assertThrows(FhirMappingException.class, () -> pricer().withDefaultInsurer(absent));
    assertEquals(
        "insurer.reference: the element has extensions but no value (such as a data-absent"
            + " reason), and the reference names its target no other way: a default insurer must"
            + " name its target by reference, identifier or display",
        noValue.getMessage());
    IllegalArgumentException typeAlone =
        assertThrows(
            IllegalArgumentException.class,
            () -> pricer().withDefaultInsurer(new Reference().setType("Organization")));
    assertTrue(typeAlone.getMessage().contains("names no target"), typeAlone::getMessage);
    // The message names every way the default is taken: a display alone, R4's text alternative.
    assertTrue(
        typeAlone.getMessage().endsWith("by reference, identifier or display"),
        typeAlone::getMessage);
    assertEquals(
        "Medicare Part B",
        pricer()
            .withDefaultInsurer(new Reference().setDisplay("Medicare Part B"))
            .price(claim(json), ROCHESTER)
            .getInsurer()
            .getDisplay());
    // An identifier beside it names the insurer.
    absent.getIdentifier().setSystem("http://example.org/payers").setValue("medicare");
    assertEquals(
        "medicare",
        pricer()
            .withDefaultInsurer(absent)
            .price(claim(json), ROCHESTER)
            .getInsurer()
            .getIdentifier()
            .getValue());
  }

  /**
   * A claim's own insurer names its target, as a default insurer must: one holding only a linked
   * resource object, or whose {@code reference} has a data-absent reason alone, counts as present,
   * and was answered with an empty insurer, as the response copies references without their links.
   * It is refused, default or not, rather than answered as the default's claim: the claim says it
   * has an insurer, which the default may not be.
   */
  @Test
  void aClaimsOwnInsurerNamesItsTarget() {
    Organization medicare = new Organization();
    medicare.setName("Medicare");
    org.hl7.fhir.r4.model.Claim linked = claim(resource("claim-knee.json"));
    linked.setInsurer(new Reference(medicare));
    FhirClaimPricer withDefault = pricer().withDefaultInsurer(new Reference("Organization/cms"));
    for (FhirClaimPricer pricer : List.of(pricer(), withDefault)) {
      FhirMappingException refused =
          assertThrows(FhirMappingException.class, () -> pricer.price(linked, ROCHESTER));
      assertEquals(
          "Claim.insurer: the insurer holds only a linked resource object, which the response does"
              + " not keep (it copies references without their links): the claim's insurer must"
              + " name its target by reference, identifier or display",
          refused.getMessage());
    }

    org.hl7.fhir.r4.model.Claim absent = claim(resource("claim-knee.json"));
    absent
        .getInsurer()
        .setReference(null)
        .getReferenceElement_()
        .addExtension(
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
            new org.hl7.fhir.r4.model.CodeType("unknown"));
    FhirMappingException noValue =
        assertThrows(FhirMappingException.class, () -> withDefault.price(absent, ROCHESTER));
    assertEquals(
        "Claim.insurer.reference: the element has extensions but no value (such as a data-absent"
            + " reason), and the reference names its target no other way: the claim's insurer must"
            + " name its target by reference, identifier or display",
        noValue.getMessage());
    // A display alone, R4's text alternative, names it.
    absent.getInsurer().setDisplay("Medicare");
    assertEquals(
        "Medicare", strictly(withDefault.price(absent, ROCHESTER)).getInsurer().getDisplay());
  }

  /**
   * A claim's patient names its target, as its insurer must: R4 requires the response's patient
   * (1..1), and one holding only a linked resource object, only a type, or a {@code reference} of a
   * data-absent reason alone counts as present but was answered with an empty patient, which HAPI
   * writes as none, as the response copies references without their links.
   */
  @Test
  void aClaimsPatientNamesItsTarget() {
    org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
    patient.addName().setFamily("Doe");
    org.hl7.fhir.r4.model.Claim linked = claim(resource("claim-knee.json"));
    linked.setPatient(new Reference(patient));
    FhirMappingException refused =
        assertThrows(FhirMappingException.class, () -> pricer().price(linked, ROCHESTER));
    assertEquals(
        "Claim.patient: the patient holds only a linked resource object, which the response does"
            + " not keep (it copies references without their links): the claim's patient must"
            + " name its target by reference, identifier or display",
        refused.getMessage());

    org.hl7.fhir.r4.model.Claim typed = claim(resource("claim-knee.json"));
    typed.setPatient(new Reference().setType("Patient"));
    assertEquals(
        "Claim.patient: the patient names no target, having only a type or extensions: the"
            + " claim's patient must name its target by reference, identifier or display",
        assertThrows(FhirMappingException.class, () -> pricer().price(typed, ROCHESTER))
            .getMessage());

    org.hl7.fhir.r4.model.Claim absent = claim(resource("claim-knee.json"));
    absent
        .getPatient()
        .setReference(null)
        .getReferenceElement_()
        .addExtension(
            "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
            new org.hl7.fhir.r4.model.CodeType("unknown"));
    assertEquals(
        "Claim.patient.reference: the element has extensions but no value (such as a data-absent"
            + " reason), and the reference names its target no other way: the claim's patient must"
            + " name its target by reference, identifier or display",
        assertThrows(FhirMappingException.class, () -> pricer().price(absent, ROCHESTER))
            .getMessage());
    // A display alone, R4's text alternative, names it.
    absent.getPatient().setDisplay("Jane Doe");
    assertEquals("Jane Doe", strictly(pricer().price(absent, ROCHESTER)).getPatient().getDisplay());
  }

  /**
   * What the response says about an item names the others by their {@code sequence}, the numbers
   * its reader knows them by, even when the items are not in sequence order (R4 asks sequences to
   * be unique, not increasing): such a claim was priced with its items numbered by position, and
   * the timed item of sequence 2 was refused for the missing minutes of "line 2", itself.
   */
  @Test
  void whatTheResponseSaysNamesItemsByTheirSequence() {
    String anesthesia = "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":";
    String aa = ",\"modifier\":[{\"coding\":[{\"code\":\"AA\"}]}],\"servicedDate\":\"2025-06-02\"";
    String timed =
        "{\"sequence\":2,\"productOrService\":"
            + anesthesia
            + "\"00790\"}]}"
            + aa
            + ",\"quantity\":{\"value\":95,\"system\":\"http://unitsofmeasure.org\",\"code\":\"min\"}}";
    String untimed =
        "{\"sequence\":1,\"productOrService\":" + anesthesia + "\"00840\"}]}" + aa + "}";
    String knee = resource("claim-knee.json");
    String json =
        knee.substring(0, knee.indexOf("\"item\": ["))
            + "\"item\": ["
            + timed
            + ","
            + untimed
            + "]}";

    ClaimResponse response = strictly(pricer().price(claim(json), ROCHESTER));
    ClaimResponse.ItemComponent second =
        response.getItem().stream()
            .filter(item -> item.getItemSequence() == 2)
            .findFirst()
            .orElseThrow();
    AdjudicationComponent refused = adjudication(second, "eligible");
    assertEquals("NO_ANESTHESIA_TIME", refused.getReason().getCodingFirstRep().getCode());
    String detail = refused.getReason().getText();
    assertTrue(detail.contains("line 1 has no anesthesia minutes"), detail);
  }

  /** The item's adjudication of {@code category}; fails the test when there is none. */
  static AdjudicationComponent adjudication(ClaimResponse.ItemComponent item, String category) {
    return item.getAdjudication().stream()
        .filter(a -> a.getCategory().getCodingFirstRep().getCode().equals(category))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + category + " adjudication"));
  }

  private static BigDecimal amountOf(ClaimResponse.ItemComponent item, String category) {
    return adjudication(item, category).getAmount().getValue();
  }

  private static BigDecimal total(ClaimResponse response, String category) {
    return response.getTotal().stream()
        .filter(t -> t.getCategory().getCodingFirstRep().getCode().equals(category))
        .findFirst()
        .orElseThrow()
        .getAmount()
        .getValue();
  }
}
