package io.github.cpt4j.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CptModuleTest {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new CptModule());

  private static final PricingContext ROCHESTER =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static <T> T roundTrip(T value, Class<T> type) throws Exception {
    return MAPPER.readValue(MAPPER.writeValueAsString(value), type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99213", "0001F", "0042T", "0001U", "0003M", "0001A", "J1100"})
  void codesAreTheirCanonicalStrings(String text) throws Exception {
    ProcedureCode code = ProcedureCode.parse(text);
    assertEquals('"' + text + '"', MAPPER.writeValueAsString(code));
    assertEquals(code, MAPPER.readValue('"' + text + '"', ProcedureCode.class));
    assertEquals(code, roundTrip(code, ProcedureCode.class));
  }

  @Test
  void eachCodeTypeReadsItsOwnLevel() throws Exception {
    assertEquals(CptCode.parse("0001F"), MAPPER.readValue("\"0001F\"", CptCode.class));
    assertEquals(HcpcsCode.parse("G0438"), MAPPER.readValue("\"G0438\"", HcpcsCode.class));
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class, () -> MAPPER.readValue("\"G0438\"", CptCode.class));
    assertTrue(e.getMessage().startsWith("not a CptCode: "), e.getMessage());
  }

  @Test
  void modifiersAndLocalitiesAreStrings() throws Exception {
    assertEquals("\"TC\"", MAPPER.writeValueAsString(Modifier.TECHNICAL_COMPONENT));
    assertEquals(Modifier.TECHNICAL_COMPONENT, MAPPER.readValue("\"TC\"", Modifier.class));
    assertEquals("\"13282-99\"", MAPPER.writeValueAsString(Locality.parse("13282-99")));
    assertEquals(Locality.parse("13282-99"), MAPPER.readValue("\"13282-99\"", Locality.class));
  }

  @Test
  void localitiesAreReadInTheirCanonicalFormOnly() {
    // Locality.parse takes what a person types; JSON is read strictly, as codes and modifiers are.
    for (String lenient : new String[] {"1328299", "13282 99", " 13282-99", "13282-99\\t"}) {
      JsonMappingException value =
          assertThrows(
              JsonMappingException.class,
              () -> MAPPER.readValue('"' + lenient + '"', Locality.class),
              lenient);
      assertTrue(value.getMessage().contains("expected a locality as 13282-99"), value::getMessage);
      assertThrows(
          JsonMappingException.class,
          () ->
              MAPPER.readValue(
                  "{\"" + lenient + "\":1}", new TypeReference<Map<Locality, Integer>>() {}),
          lenient);
    }
  }

  @Test
  void codesWorkAsMapKeys() throws Exception {
    Map<CptCode, Integer> counts = new TreeMap<>();
    counts.put(CptCode.parse("99213"), 3);
    counts.put(CptCode.parse("0001F"), 1);
    String json = MAPPER.writeValueAsString(counts);
    assertEquals("{\"99213\":3,\"0001F\":1}", json);
    Map<CptCode, Integer> back =
        MAPPER.readValue(json, new TypeReference<Map<CptCode, Integer>>() {});
    assertEquals(counts, back);
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("{\"9921\":1}", new TypeReference<Map<CptCode, Integer>>() {}));
    assertTrue(e.getMessage().contains("wrong length"), e.getMessage());
  }

  @Test
  void claimLinesAreObjectsAndTheirTextIsReadToo() throws Exception {
    ClaimLine line = ClaimLine.parse("71046-26 x2");
    String json = MAPPER.writeValueAsString(line);
    assertEquals("{\"code\":\"71046\",\"modifiers\":[\"26\"],\"units\":2}", json);
    assertEquals(line, MAPPER.readValue(json, ClaimLine.class));
    assertEquals(line, MAPPER.readValue("\"71046-26 x2\"", ClaimLine.class));
    assertEquals(
        ClaimLine.parse("99213"), MAPPER.readValue("{\"code\":\"99213\"}", ClaimLine.class));
    ClaimLine anesthesia = ClaimLine.parse("00790-AA 95min");
    String withMinutes = MAPPER.writeValueAsString(anesthesia);
    assertEquals(
        "{\"code\":\"00790\",\"modifiers\":[\"AA\"],\"units\":1,\"minutes\":95}", withMinutes);
    assertEquals(anesthesia, MAPPER.readValue(withMinutes, ClaimLine.class));
    assertEquals(anesthesia, MAPPER.readValue("\"00790-AA 95min\"", ClaimLine.class));
  }

  @Test
  void aBadCodeInALineNamesTheFieldAndCarriesTheParsersMessage() {
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("{\"code\":\"2744\",\"units\":1}", ClaimLine.class));
    assertTrue(
        e.getMessage().contains("not a ProcedureCode: '2744' has the wrong length"),
        e.getMessage());
    assertEquals("code", e.getPath().get(e.getPath().size() - 1).getFieldName());

    JsonMappingException modifier =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "{\"code\":\"99213\",\"modifiers\":[\"25\",\"2\"]}", ClaimLine.class));
    assertTrue(modifier.getMessage().contains("modifiers"), modifier.getMessage());
    assertTrue(modifier.getMessage().contains("[1]"), modifier.getMessage());

    JsonMappingException units =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("{\"code\":\"99213\",\"units\":0}", ClaimLine.class));
    assertTrue(units.getMessage().contains("units must be 1 to 99999"), units.getMessage());

    JsonMappingException missing =
        assertThrows(JsonMappingException.class, () -> MAPPER.readValue("{}", ClaimLine.class));
    assertTrue(missing.getMessage().contains("'code'"), missing.getMessage());
  }

  /** A bean of the user's: Jackson adds its own field to the path. */
  record Visit(String patient, CptCode code) {}

  @Test
  void inAUsersBeanThePathNamesTheBeansField() {
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("{\"patient\":\"p1\",\"code\":\"99 13\"}", Visit.class));
    assertTrue(e.getMessage().contains("Visit[\"code\"]"), e.getMessage());
    assertTrue(e.getMessage().contains("not a CptCode"), e.getMessage());
  }

  @Test
  void claimsAndBilledLinesKeepTheirChargesExactly() throws Exception {
    Claim claim =
        Claim.builder()
            .add("29880-RT", "2400.00")
            .add("20610-LT", "310.5")
            .add("99213-25", "180")
            .build();
    String json = MAPPER.writeValueAsString(claim);
    assertTrue(json.contains("\"charge\":\"2400.00\""), json);
    assertEquals(claim, roundTrip(claim, Claim.class));
    BilledLine noCharge = BilledLine.of(ClaimLine.parse("99213"));
    assertEquals(noCharge, roundTrip(noCharge, BilledLine.class));
    assertEquals(
        BilledLine.of(ClaimLine.parse("99213"), new BigDecimal("180.10")),
        MAPPER.readValue("{\"code\":\"99213\",\"charge\":180.10}", BilledLine.class));
  }

  @Test
  void aClaimsOwnLineNumbersSurviveTheRoundTrip() throws Exception {
    Claim claim = Claim.builder().add("27447").add("20610").build();
    assertFalse(MAPPER.writeValueAsString(claim).contains("lineNumbers"));
    Claim numbered = claim.withLineNumbers(2, 3);
    String json = MAPPER.writeValueAsString(numbered);
    assertTrue(json.contains("\"lineNumbers\":[2,3]"), json);
    assertEquals(numbered, roundTrip(numbered, Claim.class));
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue(json.replace("[2,3]", "[3,2]"), Claim.class));
    assertTrue(e.getMessage().contains("increasing"), e.getMessage());
  }

  @Test
  void aLinesOwnDateOfServiceSurvivesTheRoundTrip() throws Exception {
    BilledLine dated = BilledLine.parse("99213-25 $180.00 on 2025-06-02");
    String json = MAPPER.writeValueAsString(dated);
    assertTrue(json.contains("\"dateOfService\":\"2025-06-02\""), json);
    assertEquals(dated, roundTrip(dated, BilledLine.class));
    Claim twoDays =
        Claim.of(
            List.of(
                BilledLine.parse("99213 $100 on 2025-06-02"),
                BilledLine.parse("99213 $100 on 2025-06-03")));
    assertEquals(twoDays, roundTrip(twoDays, Claim.class));
    BilledLine undated = BilledLine.parse("99213 $100");
    assertFalse(MAPPER.writeValueAsString(undated).contains("dateOfService"));

    JsonMappingException bad =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "{\"code\":\"99213\",\"dateOfService\":\"2025-13-01\"}", BilledLine.class));
    assertTrue(bad.getMessage().contains("'2025-13-01' is not a date"), bad.getMessage());
    assertEquals("dateOfService", bad.getPath().get(bad.getPath().size() - 1).getFieldName());
  }

  /**
   * A date of service has a four-digit year, as the command line, the line's text form and the data
   * loaders read it: {@code LocalDate.parse} took "-2025-06-02" as the year -2025 and
   * "+12025-06-02" as 12025, and the module wrote them back so.
   */
  @Test
  void aDateOfServiceWithASignedOrLongerYearIsRefusedNamingTheField() {
    String sign = " (a year has four digits, without a sign)";
    for (String[] refused :
        new String[][] {
          {"-2025-06-02", "'-' at index 0 is not a digit 0-9" + sign},
          {"+12025-06-02", "'+' at index 0 is not a digit 0-9" + sign},
          {"12025-06-02", "'5' at index 4 is not '-'" + sign},
        }) {
      String date = refused[0];
      JsonMappingException e =
          assertThrows(
              JsonMappingException.class,
              () ->
                  MAPPER.readValue(
                      "{\"lines\":[{\"code\":\"99213\"},{\"code\":\"99213\",\"dateOfService\":\""
                          + date
                          + "\"}]}",
                      Claim.class));
      assertTrue(
          e.getOriginalMessage()
              .endsWith("'" + date + "' is not a date such as 2025-06-02: " + refused[1]),
          e::getMessage);
      assertEquals(
          "io.github.cpt4j.claim.Claim[\"lines\"]->java.util.List[1]"
              + "->io.github.cpt4j.claim.BilledLine[\"dateOfService\"]",
          e.getPathReference());
      // The line's text form, which BilledLine.parse reads, refuses it too.
      JsonMappingException text =
          assertThrows(
              JsonMappingException.class,
              () -> MAPPER.readValue("\"99213 on " + date + "\"", BilledLine.class));
      assertTrue(
          text.getOriginalMessage()
              .contains(
                  "a date of service is YYYY-MM-DD, such as 2025-06-02, not '" + date + "': "),
          text::getMessage);
    }
  }

  @Test
  void anNpiIsTheStringOfItsTenDigitsAndAMapKeyToo() throws Exception {
    Npi npi = Npi.parse("1234567893");
    assertEquals("\"1234567893\"", MAPPER.writeValueAsString(npi));
    assertEquals(npi, MAPPER.readValue("\"1234567893\"", Npi.class));
    Map<Npi, Integer> lines = Map.of(npi, 2);
    assertEquals(
        lines,
        MAPPER.readValue(
            MAPPER.writeValueAsString(lines), new TypeReference<Map<Npi, Integer>>() {}));
    // Read strictly, as codes are: a number, blanks or a wrong check digit are refused.
    JsonMappingException number =
        assertThrows(JsonMappingException.class, () -> MAPPER.readValue("1234567893", Npi.class));
    assertTrue(
        number.getMessage().startsWith("expected an NPI as a string, not the number 1234567893"),
        number.getMessage());
    for (String bad : List.of(" 1234567893", "1234567890", "123456789", "", "3234567893")) {
      JsonMappingException e =
          assertThrows(
              JsonMappingException.class, () -> MAPPER.readValue('"' + bad + '"', Npi.class), bad);
      assertTrue(e.getMessage().startsWith("not an NPI: '" + bad + "'"), e.getMessage());
      // As a map key too, named as the value's message names it (once "not a Npi").
      JsonMappingException key =
          assertThrows(
              JsonMappingException.class,
              () ->
                  MAPPER.readValue(
                      "{\"" + bad + "\":1}", new TypeReference<Map<Npi, Integer>>() {}),
              bad);
      assertTrue(key.getMessage().contains("not an NPI: '" + bad + "'"), key.getMessage());
    }
  }

  @Test
  void placesOfServiceAndQuartersAreTheirCanonicalStrings() throws Exception {
    assertEquals("\"11\"", MAPPER.writeValueAsString(PlaceOfService.OFFICE));
    assertEquals("\"02\"", MAPPER.writeValueAsString(PlaceOfService.of(2)));
    assertEquals(PlaceOfService.of(2), MAPPER.readValue("\"02\"", PlaceOfService.class));
    assertEquals("\"2025-Q1\"", MAPPER.writeValueAsString(Quarter.of(2025, 1)));
    assertEquals(Quarter.of(2025, 4), MAPPER.readValue("\"2025-Q4\"", Quarter.class));
    Map<Quarter, PlaceOfService> byQuarter = Map.of(Quarter.of(2025, 2), PlaceOfService.OFFICE);
    assertEquals(
        byQuarter,
        MAPPER.readValue(
            MAPPER.writeValueAsString(byQuarter),
            new TypeReference<Map<Quarter, PlaceOfService>>() {}));
    // Read strictly, as the codes are: the forms a person types are refused.
    for (String lenient : List.of("2", " 11", "00", "100")) {
      JsonMappingException e =
          assertThrows(
              JsonMappingException.class,
              () -> MAPPER.readValue('"' + lenient + '"', PlaceOfService.class),
              lenient);
      assertTrue(e.getMessage().startsWith("not a PlaceOfService: "), e.getMessage());
    }
    assertThrows(JsonMappingException.class, () -> MAPPER.readValue("11", PlaceOfService.class));
    for (String lenient : List.of("2025q1", "2025Q1", " 2025-Q1", "2025-Q5")) {
      JsonMappingException e =
          assertThrows(
              JsonMappingException.class,
              () -> MAPPER.readValue('"' + lenient + '"', Quarter.class),
              lenient);
      assertTrue(e.getMessage().startsWith("not a Quarter: "), e.getMessage());
    }
  }

  /**
   * A JSON null is the field's absence, as Jackson reads it for a bean: an optional field takes its
   * default, a required one is missing and named; a field the type lacks is still unknown.
   */
  @Test
  void nullIsAbsence() throws Exception {
    assertEquals(
        ClaimLine.parse("99213"),
        MAPPER.readValue(
            "{\"code\":\"99213\",\"modifiers\":null,\"units\":null,\"minutes\":null}",
            ClaimLine.class));
    assertEquals(
        BilledLine.of(ClaimLine.parse("99213")),
        MAPPER.readValue(
            "{\"code\":\"99213\",\"charge\":null,\"dateOfService\":null,"
                + "\"renderingProvider\":null}",
            BilledLine.class));
    assertEquals(
        Claim.ofLines(ClaimLine.parse("99213")),
        MAPPER.readValue("{\"lines\":[\"99213\"],\"lineNumbers\":null}", Claim.class));
    FeeResult unpriced =
        FeeResult.unpriced(UnpricedReason.NOT_IN_SCHEDULE, "not listed", Explanation.empty());
    assertEquals(
        unpriced,
        MAPPER.readValue(
            "{\"priced\":false,\"amount\":null,\"exactAmount\":null,\"reason\":"
                + "\"NOT_IN_SCHEDULE\",\"detail\":\"not listed\",\"explanation\":null}",
            FeeResult.class));
    JsonMappingException missing =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("{\"code\":null,\"units\":2}", ClaimLine.class));
    assertTrue(
        missing.getMessage().startsWith("ClaimLine needs the field 'code'"), missing.getMessage());
    assertThrows(
        JsonMappingException.class,
        () -> MAPPER.readValue("{\"code\":\"99213\",\"cost\":null}", ClaimLine.class));
  }

  @Test
  void aBilledLinesTextIsReadToo() throws Exception {
    BilledLine assist = BilledLine.parse("27447-80 $600.00 on 2025-06-02 by 1234567893");
    assertEquals(assist, MAPPER.readValue('"' + assist.toString() + '"', BilledLine.class));
    Claim claim =
        MAPPER.readValue("{\"lines\":[\"99213-25 $180.00\",{\"code\":\"20610\"}]}", Claim.class);
    assertEquals(
        Claim.of(
            List.of(BilledLine.parse("99213-25 $180.00"), BilledLine.of(ClaimLine.parse("20610")))),
        claim);
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("\"99213 $-5.00\"", BilledLine.class));
    assertTrue(e.getMessage().startsWith("not a BilledLine: "), e.getMessage());
  }

  @Test
  void aLinesRenderingProviderSurvivesTheRoundTrip() throws Exception {
    BilledLine assist = BilledLine.parse("27447-80 $600.00 on 2025-06-02 by 1234567893");
    String json = MAPPER.writeValueAsString(assist);
    assertEquals(
        "{\"code\":\"27447\",\"modifiers\":[\"80\"],\"units\":1,\"charge\":\"600.00\","
            + "\"dateOfService\":\"2025-06-02\",\"renderingProvider\":\"1234567893\"}",
        json);
    assertEquals(assist, roundTrip(assist, BilledLine.class));
    BilledLine undated = BilledLine.parse("27447 $1000.00 by 1000000004");
    assertEquals(undated, roundTrip(undated, BilledLine.class));
    Claim twoSurgeons =
        Claim.of(List.of(BilledLine.parse("27447 $1000.00 by 1000000004"), assist))
            .withLineNumbers(2, 5);
    assertEquals(twoSurgeons, roundTrip(twoSurgeons, Claim.class));
    BilledLine nobody = BilledLine.parse("27447 $1000.00 on 2025-06-02");
    assertFalse(MAPPER.writeValueAsString(nobody).contains("renderingProvider"));
    assertEquals(
        nobody,
        MAPPER.readValue(
            "{\"code\":\"27447\",\"charge\":\"1000.00\",\"dateOfService\":\"2025-06-02\"}",
            BilledLine.class));
  }

  @Test
  void aBadRenderingProviderIsRefusedNamingTheFieldAndTheDigit() {
    JsonMappingException check =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "{\"code\":\"27447\",\"renderingProvider\":\"1234567890\"}", BilledLine.class));
    assertTrue(
        check
            .getMessage()
            .startsWith("not an NPI: '1234567890' has a wrong check digit at index 9"),
        check.getMessage());
    assertTrue(check.getMessage().contains("is 3"), check.getMessage());
    assertEquals("renderingProvider", lastField(check), check.getMessage());
    assertTrue(
        check.getMessage().contains("BilledLine[\"renderingProvider\"]"), check.getMessage());

    // In a claim, the path names the line's index too.
    JsonMappingException inClaim =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "{\"lines\":[{\"code\":\"27447\"},"
                        + "{\"code\":\"27447\",\"renderingProvider\":1234567893}]}",
                    Claim.class));
    assertTrue(
        inClaim
            .getMessage()
            .contains(
                "Claim[\"lines\"]->java.util.List[1]->io.github.cpt4j.claim.BilledLine"
                    + "[\"renderingProvider\"]"),
        inClaim.getMessage());
    // (null is no provider: see nullIsAbsence)
    for (String bad : List.of("\"\"", "\"123456789\"", "\"12345678x3\"", "[]")) {
      JsonMappingException e =
          assertThrows(
              JsonMappingException.class,
              () ->
                  MAPPER.readValue(
                      "{\"code\":\"27447\",\"renderingProvider\":" + bad + "}", BilledLine.class),
              bad);
      assertEquals("renderingProvider", lastField(e), e.getMessage());
    }
    JsonMappingException twice =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "{\"code\":\"27447\",\"renderingProvider\":\"1234567893\","
                        + "\"renderingProvider\":\"1000000004\"}",
                    BilledLine.class));
    assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
  }

  @Test
  void zeroMinutesAndNumbersBeyondAnIntAreRejectedNamingTheField() {
    JsonMappingException zero =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("{\"code\":\"00790\",\"minutes\":0}", ClaimLine.class));
    assertTrue(zero.getMessage().contains("minutes must be 1 to"), zero.getMessage());

    JsonMappingException huge =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("{\"code\":\"00790\",\"units\":5000000000}", ClaimLine.class));
    assertTrue(
        huge.getMessage().startsWith("units must be 1 to 99999, not 5000000000"),
        huge.getMessage());
    assertEquals("units", huge.getPath().get(huge.getPath().size() - 1).getFieldName());
  }

  @Test
  void smallWholeNumbersAreReadWhateverTheirJavaType() throws Exception {
    // convertValue from a Map of Longs (JDBC, YAML) and trees built with put(name, 2L) hold 2 as a
    // LONG or BIG_INTEGER token; both were refused as beyond an int.
    ClaimLine twice = ClaimLine.parse("99213 x2");
    assertEquals(twice, MAPPER.convertValue(Map.of("code", "99213", "units", 2L), ClaimLine.class));
    assertEquals(
        twice,
        MAPPER.treeToValue(
            MAPPER.createObjectNode().put("code", "99213").put("units", 2L), ClaimLine.class));
    assertEquals(
        twice,
        MAPPER.treeToValue(
            MAPPER.createObjectNode().put("code", "99213").put("units", java.math.BigInteger.TWO),
            ClaimLine.class));
    assertEquals(
        ClaimLine.parse("00790").withMinutes(45),
        MAPPER.convertValue(Map.of("code", "00790", "minutes", 45L), ClaimLine.class));
    Claim numbered =
        MAPPER.convertValue(
            Map.of("lines", List.of(Map.of("code", "99213")), "lineNumbers", List.of(3L)),
            Claim.class);
    assertEquals(3, numbered.lineNumber(0));

    // Out of range, the message says so truly, whatever the token's type.
    IllegalArgumentException tooMany =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MAPPER.convertValue(
                    Map.of("code", "99213", "units", 10_000_000_000L), ClaimLine.class));
    assertTrue(
        tooMany.getMessage().startsWith("units must be 1 to 99999, not 10000000000"),
        tooMany.getMessage());
    JsonMappingException negative =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "{\"lines\":[{\"code\":\"99213\"}],\"lineNumbers\":[-3000000000]}",
                    Claim.class));
    assertTrue(
        negative.getMessage().startsWith("a line number must be 1 to 2147483647, not -3000000000"),
        negative.getMessage());
    assertTrue(
        negative.getMessage().contains("Claim[\"lineNumbers\"]->java.util.List[0])"),
        negative.getMessage());
  }

  @Test
  void aPricedFlagThatContradictsTheResultIsRejected() {
    JsonMappingException saysUnpriced =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("{\"priced\":false,\"exactAmount\":\"1.00\"}", FeeResult.class));
    assertTrue(saysUnpriced.getMessage().contains("'priced' is false"), saysUnpriced.getMessage());
    JsonMappingException saysPriced =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "{\"priced\":true,\"reason\":\"NOT_IN_SCHEDULE\"}", FeeResult.class));
    assertTrue(saysPriced.getMessage().contains("'priced' is true"), saysPriced.getMessage());
    JsonMappingException both =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "{\"reason\":\"NOT_IN_SCHEDULE\",\"exactAmount\":\"1.00\"}", FeeResult.class));
    assertTrue(both.getMessage().contains("both a 'reason'"), both.getMessage());
    // The other fields of one kind, on a result of the other kind, are contradictions too.
    for (String json :
        List.of(
            "{\"reason\":\"NOT_IN_SCHEDULE\",\"amount\":\"5.00\"}",
            "{\"reason\":\"NOT_IN_SCHEDULE\",\"settingNotAvailable\":true}",
            "{\"exactAmount\":\"5.00\",\"detail\":\"not in the schedule\"}")) {
      JsonMappingException other =
          assertThrows(JsonMappingException.class, () -> MAPPER.readValue(json, FeeResult.class));
      assertTrue(other.getMessage().contains("result's '"), other.getMessage());
    }
  }

  @Test
  void pricedResultsRoundTripWithExactAmounts() throws Exception {
    FeeResult fee = BundledData.medicareFeeSchedule().price(ClaimLine.parse("99213"), ROCHESTER);
    JsonNode tree = MAPPER.valueToTree(fee);
    assertEquals("61.92", tree.get("amount").asText());
    assertEquals(fee.exactAmount().orElseThrow().toPlainString(), tree.get("exactAmount").asText());
    FeeResult back = roundTrip(fee, FeeResult.class);
    assertEquals(fee, back);
    assertEquals(fee.toString(), back.toString());
  }

  @Test
  void unpricedResultsRoundTripWithTheirReason() throws Exception {
    FeeResult fee =
        FeeResult.unpriced(
            UnpricedReason.NOT_IN_SCHEDULE,
            "no row for 0001F",
            Explanation.of(PricingStep.note("lookup", "no row")));
    String json = MAPPER.writeValueAsString(fee);
    assertTrue(json.contains("\"reason\":\"NOT_IN_SCHEDULE\""), json);
    assertEquals(fee, roundTrip(fee, FeeResult.class));
  }

  @Test
  void anAmountThatDoesNotMatchTheExactAmountIsRejected() {
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "{\"priced\":true,\"amount\":\"61.91\",\"exactAmount\":\"61.915406045\"}",
                    FeeResult.class));
    assertTrue(e.getMessage().contains("'amount' is 61.91"), e.getMessage());
    JsonMappingException notANumber =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("{\"exactAmount\":\"12,50\"}", FeeResult.class));
    assertTrue(notANumber.getMessage().contains("exactAmount"), notANumber.getMessage());
  }

  /** The last field of the exception's path. */
  private static String lastField(JsonMappingException e) {
    return e.getPath().get(e.getPath().size() - 1).getFieldName();
  }

  /** The error of reading {@code json} as {@code type} by a byte parser, or else a text one. */
  private static JsonMappingException refusedBy(String json, Class<?> type, boolean bytes) {
    return assertThrows(
        JsonMappingException.class,
        () -> {
          if (bytes) {
            MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8), type);
          } else {
            MAPPER.readValue(json, type);
          }
        });
  }

  private static JsonMappingException refused(String json, Class<?> type) {
    return assertThrows(JsonMappingException.class, () -> MAPPER.readValue(json, type));
  }

  @Test
  void amountsBeyondAnyFeeAreRefusedAtOnceNamingTheirField() throws Exception {
    // Each was accepted after a minute of CPU, or failed with a bare ArithmeticException.
    for (String bad :
        List.of(
            // Numbers: a string has no exponent (see amountsInStringsFollowTheTextOfACharge).
            "1E+9999999", "1E+999999999", "1E-999999999", "\"1000000000000000\"", "\"-1\"")) {
      JsonMappingException e = refused("{\"exactAmount\":" + bad + "}", FeeResult.class);
      assertEquals("exactAmount", lastField(e), e.getMessage());
      assertTrue(e.getMessage().startsWith("an amount "), e.getMessage());
      assertTrue(e.getMessage().length() < 400, e.getMessage());
    }
    JsonMappingException rounded =
        refused("{\"amount\":1E+999999999,\"exactAmount\":\"1\"}", FeeResult.class);
    assertEquals("amount", lastField(rounded));

    JsonMappingException step =
        refused(
            "{\"rule\":\"a\",\"description\":\"x\",\"amountAfter\":1E+20000000}",
            PricingStep.class);
    assertEquals("amountAfter", lastField(step));
    assertTrue(step.getMessage().contains("less than a quadrillion dollars"), step.getMessage());
    // Every fee FeeResult.priced accepts reads back: five trillion dollars is below its bound.
    FeeResult large = FeeResult.priced(new BigDecimal("5000000000000.00"), Explanation.empty());
    assertEquals(large, MAPPER.readValue(MAPPER.writeValueAsString(large), FeeResult.class));
    // Up to the bound: the largest fee rounds up into a sixteenth digit, and was written but
    // refused on reading as a quadrillion dollars.
    FeeResult largest =
        FeeResult.priced(new BigDecimal("999999999999999.995"), Explanation.empty());
    String written = MAPPER.writeValueAsString(largest);
    assertTrue(written.contains("\"amount\":\"1000000000000000.00\""), written);
    assertEquals(largest, MAPPER.readValue(written, FeeResult.class));
    // A sixteen-digit amount is read, and must still be the exact amount rounded.
    JsonMappingException notRounded =
        refused(
            "{\"amount\":\"1000000000000000.00\",\"exactAmount\":\"999999999999999.99\"}",
            FeeResult.class);
    assertEquals("amount", lastField(notRounded));
    assertTrue(notRounded.getMessage().contains("rounds to"), notRounded.getMessage());
    // Past sixteen digits, the amount is refused before anything computes with it.
    JsonMappingException tooLarge =
        refused("{\"amount\":\"10000000000000000.00\",\"exactAmount\":\"1\"}", FeeResult.class);
    assertEquals("amount", lastField(tooLarge));
    assertTrue(tooLarge.getMessage().contains("at most 16 digits"), tooLarge.getMessage());
    JsonMappingException negativeStep =
        refused("{\"rule\":\"a\",\"description\":\"x\",\"amountAfter\":-5}", PricingStep.class);
    assertTrue(negativeStep.getMessage().contains("never negative"), negativeStep.getMessage());
    JsonMappingException nested =
        refused(
            "{\"exactAmount\":\"1\",\"explanation\":"
                + "[{\"rule\":\"a\",\"description\":\"x\",\"amountAfter\":1E+999999999}]}",
            FeeResult.class);
    assertTrue(
        nested.getMessage().contains("FeeResult[\"explanation\"]->java.util.List[0]"),
        nested.getMessage());
    assertEquals("amountAfter", lastField(nested));

    // A string of a million digits would be parsed in seconds: refused by its length.
    JsonMappingException longText =
        refused(
            "{\"code\":\"99213\",\"charge\":\"" + "1".repeat(1_000_000) + "\"}", BilledLine.class);
    assertEquals("charge", lastField(longText));
    assertTrue(longText.getMessage().length() < 400, longText.getMessage());
  }

  /**
   * An amount in a string is read as the text form reads a charge ({@code "99213 $+10"} is
   * refused): "+10", "1.8E2" and "1e3" were read as 10.00, 180.00 and 1000.00. A number token keeps
   * JSON's grammar, exponent included.
   */
  @Test
  void amountsInStringsFollowTheTextOfACharge() throws Exception {
    for (String[] bad :
        List.of(
            new String[] {"+10", "'+' at index 0 is not a digit 0-9 or a point"},
            new String[] {"1.8E2", "'E' at index 3 is not a digit 0-9 or a point"},
            new String[] {"1e3", "'e' at index 1 is not a digit 0-9 or a point"},
            new String[] {"1.2.3", "'.' at index 3 is a second decimal point"},
            new String[] {" 10", "' ' at index 0 is not a digit 0-9 or a point"},
            new String[] {".", "it has no digits"})) {
      JsonMappingException e =
          refused("{\"code\":\"99213\",\"charge\":\"" + bad[0] + "\"}", BilledLine.class);
      assertEquals("charge", lastField(e), e.getMessage());
      assertTrue(e.getMessage().contains(bad[1]), e.getMessage());
      JsonMappingException fee = refused("{\"exactAmount\":\"" + bad[0] + "\"}", FeeResult.class);
      assertEquals("exactAmount", lastField(fee), fee.getMessage());
    }
    assertEquals(
        new BigDecimal("1000.00"),
        MAPPER
            .readValue("{\"code\":\"99213\",\"charge\":1e3}", BilledLine.class)
            .charge()
            .orElseThrow());
    assertEquals(
        new BigDecimal(".50"),
        MAPPER
            .readValue("{\"code\":\"99213\",\"charge\":\".50\"}", BilledLine.class)
            .charge()
            .orElseThrow());
    // A minus sign is read, for the charge's own check to refuse with its message.
    JsonMappingException negative =
        refused("{\"code\":\"99213\",\"charge\":\"-10\"}", BilledLine.class);
    assertTrue(negative.getMessage().contains("never negative"), negative.getMessage());
  }

  /**
   * A number longer than the parser's StreamReadConstraints allow failed with Jackson's
   * StreamConstraintsException, which is no JsonMappingException and named no field.
   */
  @Test
  void aNumberBeyondTheParsersConstraintsIsRefusedAtItsField() throws Exception {
    String digits = "1".repeat(1500);
    for (String[] json :
        List.of(
            new String[] {"{\"code\":\"99213\",\"charge\":" + digits + "}", "charge"},
            new String[] {"{\"charge\":" + digits + ",\"code\":\"99213\"}", "charge"},
            new String[] {"{\"code\":\"99213\",\"units\":" + digits + "}", "units"},
            new String[] {"{\"code\":\"99213\",\"charge\":1." + digits + "}", "charge"})) {
      for (boolean bytes : new boolean[] {false, true}) {
        // A text and a byte parser: each reads a value with its field's name.
        JsonMappingException e = refusedBy(json[0], BilledLine.class, bytes);
        assertEquals(json[1], lastField(e), e.getMessage());
        assertTrue(e.getMessage().contains("BilledLine[\"" + json[1] + "\"]"), e.getMessage());
      }
    }
    JsonMappingException number =
        refused("{\"lines\":[{\"code\":\"99213\"}],\"lineNumbers\":[" + digits + "]}", Claim.class);
    assertTrue(
        number.getMessage().contains("Claim[\"lineNumbers\"]->java.util.List[0]"),
        number.getMessage());
    JsonMappingException data =
        refused(
            "{\"edit\":\"ncci-ptp\",\"line\":0,\"action\":\"DENY_LINE\",\"reason\":\"EDIT_DENIED\","
                + "\"message\":\"m\",\"data\":{\"column1\":"
                + digits
                + "}}",
            EditFinding.class);
    assertTrue(
        data.getMessage().contains("EditFinding[\"data\"]->java.util.Map[\"column1\"]"),
        data.getMessage());
  }

  /**
   * A string longer than the parser's StreamReadConstraints allow (20,000,000 characters by
   * default; 20 here) failed with Jackson's bare StreamConstraintsException, which is no
   * JsonMappingException and named no field: the parser reads a string's text only when asked for
   * it, after the field's name, where the numbers' check did not look.
   */
  @Test
  void aStringBeyondTheParsersConstraintsIsRefusedAtItsField() throws Exception {
    ObjectMapper mapper =
        JsonMapper.builder(
                com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(
                        com.fasterxml.jackson.core.StreamReadConstraints.builder()
                            .maxStringLength(20)
                            .build())
                    .build())
            .addModule(new CptModule())
            .build();
    String x = "\"" + "x".repeat(50) + "\"";
    String finding =
        "{\"edit\":\"e\",\"line\":0,\"action\":\"FLAG\",\"deniedUnits\":0,"
            + "\"reason\":\"NCCI_PTP\",";
    for (Object[] c :
        List.of(
            new Object[] {"{\"code\":" + x + "}", ClaimLine.class, "ClaimLine[\"code\"]"},
            new Object[] {
              "{\"code\":\"99213\",\"units\":" + x + "}", ClaimLine.class, "ClaimLine[\"units\"]"
            },
            new Object[] {
              "{\"code\":\"99213\",\"charge\":" + x + "}",
              BilledLine.class,
              "BilledLine[\"charge\"]"
            },
            new Object[] {
              "{\"code\":\"99213\",\"dateOfService\":" + x + "}",
              BilledLine.class,
              "BilledLine[\"dateOfService\"]"
            },
            new Object[] {
              "{\"rule\":\"r\",\"description\":" + x + "}",
              PricingStep.class,
              "PricingStep[\"description\"]"
            },
            new Object[] {
              "{\"exactAmount\":\"1\",\"priced\":" + x + "}",
              FeeResult.class,
              "FeeResult[\"priced\"]"
            },
            new Object[] {
              "{\"reason\":\"NOT_IN_SCHEDULE\",\"detail\":" + x + "}",
              FeeResult.class,
              "FeeResult[\"detail\"]"
            },
            new Object[] {
              "{\"exactAmount\":\"1\",\"explanation\":" + x + "}",
              FeeResult.class,
              "FeeResult[\"explanation\"]"
            },
            new Object[] {finding + "\"message\":" + x + "}", EditFinding.class, "[\"message\"]"},
            new Object[] {
              finding + "\"message\":\"m\",\"data\":{\"k\":" + x + "}}",
              EditFinding.class,
              "EditFinding[\"data\"]->java.util.Map[\"k\"]"
            },
            new Object[] {
              finding + "\"message\":\"m\",\"data\":" + x + "}",
              EditFinding.class,
              "EditFinding[\"data\"]"
            },
            new Object[] {
              "{\"lines\":[" + x + "]}", Claim.class, "Claim[\"lines\"]->java.util.List[0]"
            },
            new Object[] {x, CptCode.class, ""})) {
      for (boolean bytes : new boolean[] {false, true}) {
        String json = (String) c[0];
        Class<?> type = (Class<?>) c[1];
        JsonMappingException e =
            assertThrows(
                JsonMappingException.class,
                () -> {
                  if (bytes) {
                    mapper.readValue(json.getBytes(StandardCharsets.UTF_8), type);
                  } else {
                    mapper.readValue(json, type);
                  }
                },
                json);
        assertTrue(e.getMessage().contains((String) c[2]), e.getMessage());
        assertTrue(e.getMessage().contains("String value length"), e.getMessage());
      }
    }
  }

  /**
   * A field name longer than the parser's {@code StreamReadConstraints} allow (50,000 characters)
   * is no field's fault: the error was put on the field before it, {@code ClaimLine["code"]}, which
   * was fine, as if its value had been refused.
   */
  @Test
  void aNameBeyondTheParsersConstraintsIsNotBlamedOnTheFieldBeforeIt() {
    String name = "n".repeat(60_000);
    for (String json :
        List.of(
            "{\"code\":\"99213\",\"" + name + "\":1}",
            "{\"code\":\"99213\",\"units\":2,\"" + name + "\":1}")) {
      for (boolean bytes : new boolean[] {false, true}) {
        JsonMappingException e = refusedBy(json, ClaimLine.class, bytes);
        assertTrue(e.getMessage().startsWith("Name length"), e.getMessage());
        assertFalse(e.getMessage().contains("ClaimLine[\""), e.getMessage());
      }
    }
    JsonMappingException data =
        refused(
            "{\"edit\":\"ncci-ptp\",\"line\":0,\"action\":\"FLAG\",\"deniedUnits\":0,"
                + "\"reason\":\"EDIT_DENIED\",\"message\":\"m\",\"data\":{\"column1\":\"27447\",\""
                + name
                + "\":\"x\"}}",
            EditFinding.class);
    assertTrue(data.getMessage().startsWith("Name length"), data.getMessage());
    assertFalse(data.getMessage().contains("column1"), data.getMessage());
  }

  @Test
  void amountsInStringsHaveAsciiDigitsOnly() throws Exception {
    // BigDecimal read Arabic-Indic and full-width digits as 12.50: an amount is ASCII, as a JSON
    // number is.
    for (String charge : List.of("\u0661\u0662.50", "\uff11\uff12.50", "12.5\u0660")) {
      JsonMappingException e =
          refused("{\"code\":\"99213\",\"charge\":\"" + charge + "\"}", BilledLine.class);
      assertEquals("charge", lastField(e));
      assertTrue(e.getMessage().contains("is not ASCII"), e.getMessage());
    }
    assertEquals(
        new BigDecimal("12.50"),
        MAPPER
            .readValue("{\"code\":\"99213\",\"charge\":\"12.50\"}", BilledLine.class)
            .charge()
            .orElseThrow());
  }

  @Test
  void valueChecksNameTheFieldTheyRefuse() {
    // These were refused with an empty path, or one that stopped at the enclosing object.
    assertEquals("units", lastField(refused("{\"code\":\"99213\",\"units\":0}", ClaimLine.class)));
    assertEquals(
        "units", lastField(refused("{\"code\":\"99213\",\"units\":100000}", ClaimLine.class)));
    JsonMappingException five =
        refused(
            "{\"code\":\"99213\",\"modifiers\":[\"25\",\"59\",\"76\",\"77\",\"RT\"]}",
            ClaimLine.class);
    assertEquals("modifiers", lastField(five));
    assertTrue(five.getMessage().contains("at most 4 modifiers, not 5"), five.getMessage());
    for (String charge : List.of("-1", "0.001", "1000000000000")) {
      JsonMappingException e =
          refused("{\"lines\":[{\"code\":\"99213\",\"charge\":" + charge + "}]}", Claim.class);
      assertTrue(
          e.getMessage()
              .contains(
                  "Claim[\"lines\"]->java.util.List[0]->io.github.cpt4j.claim.BilledLine[\"charge\"]"),
          e.getMessage());
    }
    assertEquals(
        "lineNumbers",
        lastField(
            refused("{\"lines\":[{\"code\":\"99213\"}],\"lineNumbers\":[1,2]}", Claim.class)));
    assertEquals(
        "amount",
        lastField(refused("{\"amount\":\"1.00\",\"exactAmount\":\"2\"}", FeeResult.class)));
    assertEquals(
        "priced", lastField(refused("{\"priced\":false,\"exactAmount\":\"2\"}", FeeResult.class)));
    assertEquals(
        "rule", lastField(refused("{\"rule\":\"a b\",\"description\":\"x\"}", PricingStep.class)));
    // An explanation is a bare array: its path is the index, with no made-up field.
    JsonMappingException step =
        refused(
            "[{\"rule\":\"a\",\"description\":\"x\",\"amountAfter\":\"x\"}]", Explanation.class);
    assertFalse(step.getMessage().contains("steps"), step.getMessage());
    assertTrue(
        step.getMessage().contains("(through reference chain: java.util.List[0]->"),
        step.getMessage());
  }

  @Test
  void amountsWithinTheBoundsAreReadExactly() throws Exception {
    FeeResult large =
        MAPPER.readValue(
            "{\"exactAmount\":\"999999999999.99\"," + "\"explanation\":[]}", FeeResult.class);
    assertEquals(new BigDecimal("999999999999.99"), large.exactAmount().orElseThrow());
    String fine = "0." + "0".repeat(99) + "1";
    assertEquals(
        new BigDecimal(fine),
        MAPPER
            .readValue("{\"exactAmount\":\"" + fine + "\"}", FeeResult.class)
            .exactAmount()
            .orElseThrow());
    // Zero is zero whatever its exponent, and written short.
    FeeResult zero = MAPPER.readValue("{\"exactAmount\":0E+999999999}", FeeResult.class);
    assertTrue(MAPPER.writeValueAsString(zero).length() < 200);
  }

  @Test
  void anAmountThatATreeKeptAsADoubleIsReadOnlyWhenNoDigitCanBeLost() throws Exception {
    // A tree read without USE_BIG_DECIMAL_FOR_FLOATS holds fractions as doubles: 61.92 survives
    // one, but 61.9154060451234567891 came back as 61.915406045123454 without a word.
    String cents = "{\"exactAmount\":61.92,\"explanation\":[]}";
    assertEquals(
        new BigDecimal("61.92"),
        MAPPER.treeToValue(MAPPER.readTree(cents), FeeResult.class).exactAmount().orElseThrow());
    String long19 = "{\"exactAmount\":61.9154060451234567891,\"explanation\":[]}";
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.treeToValue(MAPPER.readTree(long19), FeeResult.class));
    assertTrue(e.getMessage().contains("may have lost digits"), e.getMessage());
    assertTrue(e.getMessage().contains("exactAmount"), e.getMessage());
    // Read from the text, or from a tree of BigDecimals, the same number is exact.
    BigDecimal exact = new BigDecimal("61.9154060451234567891");
    assertEquals(exact, MAPPER.readValue(long19, FeeResult.class).exactAmount().orElseThrow());
    ObjectMapper decimals = MAPPER.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    assertEquals(
        exact,
        decimals
            .treeToValue(decimals.readTree(long19), FeeResult.class)
            .exactAmount()
            .orElseThrow());
  }

  /**
   * A {@code float} (a tree's {@code FloatNode}, a {@code Map} of Floats given to {@code
   * convertValue}, a binary format's 32-bit number) is read by its own shortest form when a float
   * keeps every digit of it (six significant digits), as a double is by its own: 180.1f, whose
   * double is 180.10000610351562, was refused as a double that may have lost digits, where the
   * double 180.1 was read.
   */
  @Test
  void anAmountHeldAsAFloatIsReadByItsOwnShortestForm() throws Exception {
    Map<String, Object> line = new java.util.LinkedHashMap<>();
    line.put("code", "99213");
    line.put("charge", 180.1f);
    BilledLine billed = MAPPER.convertValue(line, BilledLine.class);
    assertEquals(new BigDecimal("180.10"), billed.charge().orElseThrow());
    assertEquals(billed, MAPPER.treeToValue(MAPPER.valueToTree(line), BilledLine.class));
    // Seven digits a float does not keep every time: refused as it may have lost some.
    line.put("charge", 12345.67f);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> MAPPER.convertValue(line, BilledLine.class));
    assertTrue(e.getMessage().contains("read as a float, which may have lost"), e.getMessage());
    assertTrue(e.getMessage().contains("BilledLine[\"charge\"]"), e.getMessage());
  }

  /**
   * A field given twice was read as its last value, the first dropped without a word: {@code 71046}
   * billed as 99213, an exact amount replaced.
   */
  @Test
  void aFieldGivenTwiceIsRefusedNamingIt() {
    record Case(String json, Class<?> type, String field) {}
    String finding =
        "{\"edit\":\"payer\",\"line\":0,\"action\":\"FLAG\",\"deniedUnits\":0,"
            + "\"reason\":\"EDIT_DENIED\",\"message\":\"m\",";
    for (Case c :
        List.of(
            new Case("{\"code\":\"71046\",\"code\":\"99213\"}", ClaimLine.class, "code"),
            new Case(
                "{\"code\":\"71046\",\"charge\":\"10.00\",\"charge\":\"1.00\"}",
                BilledLine.class,
                "charge"),
            new Case("{\"lines\":[],\"lines\":[]}", Claim.class, "lines"),
            new Case(
                "{\"exactAmount\":\"61.92\",\"exactAmount\":\"1.00\"}",
                FeeResult.class,
                "exactAmount"),
            new Case(finding + "\"message\":\"n\"}", EditFinding.class, "message"))) {
      JsonMappingException e =
          assertThrows(JsonMappingException.class, () -> MAPPER.readValue(c.json(), c.type()));
      assertTrue(e.getMessage().contains("twice"), e.getMessage());
      assertEquals(c.field(), e.getPath().get(0).getFieldName(), e.getMessage());
    }
    JsonMappingException step =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "[{\"rule\":\"rvu\",\"rule\":\"gpci\",\"description\":\"d\"}]",
                    Explanation.class));
    assertEquals("rule", step.getPath().get(1).getFieldName());
    JsonMappingException data =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    finding + "\"data\":{\"column1\":\"27447\",\"column1\":\"20610\"}}",
                    EditFinding.class));
    assertEquals("data", data.getPath().get(0).getFieldName());
    assertEquals("column1", data.getPath().get(1).getFieldName());
  }

  /**
   * The path of an error, as the fields and indexes of its references: {@code lines/0/units}. The
   * root's references (a type the caller named) have neither and are left out.
   */
  private static String pathOf(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      String step =
          ref.getFieldName() != null
              ? ref.getFieldName()
              : ref.getIndex() >= 0 ? String.valueOf(ref.getIndex()) : null;
      if (step != null) {
        path.append(path.length() == 0 ? "" : "/").append(step);
      }
    }
    return path.toString();
  }

  /**
   * Malformed JSON inside a value the module reads (a bad token, a stray comma, a bad escape, the
   * input cut short) is a {@code JsonMappingException} naming the field and index where it is, as
   * Jackson names them for its own beans: the parser's bare {@code JsonParseException} said only
   * line and column, in a claim of a thousand lines no help to find which line is broken.
   */
  @Test
  void malformedJsonIsRefusedNamingThePathWhereItIs() throws Exception {
    record Case(String json, Class<?> type, String path, String message) {}
    String finding =
        "{\"edit\":\"payer\",\"line\":0,\"action\":\"FLAG\",\"deniedUnits\":0,"
            + "\"reason\":\"EDIT_DENIED\",\"message\":\"m\",";
    ObjectMapper lenient =
        new ObjectMapper()
            .registerModule(new CptModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    for (Case c :
        List.of(
            new Case(
                "{\"lines\":[\"99213\",{\"code\":\"99213\",\"units\":tru}]}",
                Claim.class,
                "lines/1/units",
                "Unrecognized token 'tru'"),
            new Case(
                "{\"lines\":[{\"code\":\"99213\",}]}",
                Claim.class,
                "lines/0",
                "was expecting double-quote"),
            new Case("{\"lines\":[{\"code\":\"99213\"", Claim.class, "lines/0", "end-of-input"),
            new Case(
                "{\"lines\":[\"99213\"],\"lineNumbers\":[1,]}",
                Claim.class,
                "lineNumbers/1",
                "expected a valid value"),
            new Case("{\"code\":\"99\\q13\"}", ClaimLine.class, "code", "character escape"),
            new Case(
                "{\"code\":\"99213\",\"charge\":\"1\\q\"}",
                BilledLine.class,
                "charge",
                "character escape"),
            new Case(
                "{\"code\":\"99213\",\"modifiers\":[\"26\",]}",
                ClaimLine.class,
                "modifiers/1",
                "expected a valid value"),
            new Case(
                "{\"exactAmount\":\"1\",\"explanation\":[{\"rule\":\"a\",\"amountAfter\":01}]}",
                FeeResult.class,
                "explanation/0/amountAfter",
                "Leading zeroes"),
            new Case(
                finding + "\"data\":{\"a\":\"b\",}}", EditFinding.class, "data", "double-quote"),
            new Case(finding + "\"message\":nul}", EditFinding.class, "message", "'nul'"))) {
      JsonMappingException e =
          assertThrows(
              JsonMappingException.class, () -> MAPPER.readValue(c.json(), c.type()), c.json());
      assertEquals(c.path(), pathOf(e), e.getMessage());
      assertTrue(e.getMessage().contains(c.message()), e.getMessage());
      // Where in the text, too: the parser's line and column are kept.
      assertEquals(1, e.getLocation().getLineNr(), e.getMessage());
    }
    // A field the mapper skips as unknown is read to its end: malformed JSON in it is its own.
    JsonMappingException skipped =
        assertThrows(
            JsonMappingException.class,
            () ->
                lenient.readValue(
                    "{\"lines\":[{\"code\":\"99213\",\"note\":{\"a\":[tru]}}]}", Claim.class));
    assertEquals("lines/0/note", pathOf(skipped), skipped.getMessage());
  }

  /**
   * A JSON number whose exponent no BigDecimal scale holds: valid JSON, which Jackson's own
   * conversion refused with a bare NumberFormatException, no field named and no IOException.
   */
  @Test
  void anAmountWhoseExponentNoDecimalHoldsIsRefusedNamingItsField() {
    for (String number : List.of("1e-2147483649", "1e2147483648", "-2.5E+2147483650")) {
      JsonMappingException charge =
          assertThrows(
              JsonMappingException.class,
              () ->
                  MAPPER.readValue(
                      "{\"code\":\"99213\",\"charge\":" + number + "}", BilledLine.class),
              number);
      assertEquals("charge", charge.getPath().get(0).getFieldName(), number);
      assertTrue(charge.getMessage().contains("'" + number + "'"), charge.getMessage());
      JsonMappingException exact =
          assertThrows(
              JsonMappingException.class,
              () -> MAPPER.readValue("{\"exactAmount\":" + number + "}", FeeResult.class),
              number);
      assertEquals("exactAmount", exact.getPath().get(0).getFieldName(), number);
    }
  }

  /**
   * A number that is no decimal: 1e400 in a tree read without USE_BIG_DECIMAL_FOR_FLOATS is a
   * double's Infinity, and a parser that allows NaN gives NaN. Both escaped as a bare
   * NumberFormatException, without the field.
   */
  @Test
  void anAmountThatIsNotFiniteIsRefusedNamingItsField() throws Exception {
    JsonMappingException infinite =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.treeToValue(
                    MAPPER.readTree("{\"exactAmount\":1e400,\"explanation\":[]}"),
                    FeeResult.class));
    assertTrue(infinite.getMessage().contains("Infinity"), infinite.getMessage());
    assertEquals("exactAmount", infinite.getPath().get(0).getFieldName());
    ObjectMapper lenient =
        JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .addModule(new CptModule())
            .build();
    for (String number : List.of("NaN", "Infinity", "-Infinity")) {
      JsonMappingException charge =
          assertThrows(
              JsonMappingException.class,
              () ->
                  lenient.readValue(
                      "{\"code\":\"71046\",\"charge\":" + number + "}", BilledLine.class));
      assertEquals("charge", charge.getPath().get(0).getFieldName());
      JsonMappingException step =
          assertThrows(
              JsonMappingException.class,
              () ->
                  lenient.readValue(
                      "[{\"rule\":\"rvu\",\"description\":\"d\",\"amountAfter\":" + number + "}]",
                      Explanation.class));
      assertEquals("amountAfter", step.getPath().get(1).getFieldName());
    }
  }

  @Test
  void pricedClaimsAreWrittenWithEveryLineAndTheirPartsReadBack() throws Exception {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    Claim claim =
        Claim.builder()
            .add("29880-RT", "2400.00")
            .add("20610-LT", "310.00")
            .add("99213-25", "180.00")
            .add("99999", "1.00")
            .build();
    PricedClaim priced = pricer.price(claim, ROCHESTER);
    JsonNode tree = MAPPER.valueToTree(priced);
    assertEquals(priced.total().toPlainString(), tree.get("total").asText());
    assertEquals("13282-99", tree.get("context").get("area").asText());
    assertEquals("PHYSICIAN", tree.get("context").get("practitioner").asText());
    assertFalse(tree.get("context").has("placeOfService"));
    JsonNode hospital =
        MAPPER
            .valueToTree(
                pricer.price(
                    claim,
                    ROCHESTER
                        .withPlaceOfService(PlaceOfService.of(22))
                        .withBeneficiaryZip("14604")))
            .get("context");
    assertEquals("22", hospital.get("placeOfService").asText());
    assertEquals("14604", hospital.get("beneficiaryZip").asText());
    assertFalse(tree.get("fullyPriced").asBoolean());
    List<PricedLine> lines = priced.lines();
    assertEquals(lines.size(), tree.get("lines").size());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = tree.get("lines").get(i);
      assertEquals(lines.get(i).billed(), MAPPER.treeToValue(line.get("billed"), BilledLine.class));
      assertEquals(lines.get(i).result(), MAPPER.treeToValue(line.get("result"), FeeResult.class));
    }
    assertEquals("NOT_IN_SCHEDULE", tree.get("lines").get(3).get("result").get("reason").asText());
  }

  /**
   * Modifier PD (the 3-day payment window, CMS change request 7502) is written as the claim pricer
   * prices it: 71046-PD at its 26 row, 9.81 in 13282-99 (not the global 31.23), 99213-PD at the
   * facility rate, 61.92 even in an office, each with its {@code modifier-PD} step, reading back
   * equal.
   */
  @Test
  void aPaymentWindowLineIsWrittenWithItsAmountAndStep() throws Exception {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    PricedClaim priced =
        pricer.price(
            Claim.ofLines(ClaimLine.parse("71046-PD"), ClaimLine.parse("99213-PD")),
            ROCHESTER.withSetting(Setting.NON_FACILITY));
    JsonNode lines = MAPPER.valueToTree(priced).get("lines");
    String[] amounts = {"9.81", "61.92"};
    for (int i = 0; i < amounts.length; i++) {
      JsonNode result = lines.get(i).get("result");
      assertEquals(amounts[i], result.get("amount").asText(), result::toString);
      boolean step = false;
      for (JsonNode s : result.get("explanation")) {
        step |= "modifier-PD".equals(s.get("rule").asText());
      }
      assertTrue(step, result::toString);
      assertEquals(priced.line(i).result(), MAPPER.treeToValue(result, FeeResult.class));
    }
  }

  /** A priced line's billed line names its rendering provider, as its date, and reads back. */
  @Test
  void aPricedLineWritesItsRenderingProvider() throws Exception {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    Claim claim =
        Claim.of(
            List.of(
                BilledLine.parse("29880-RT $2400.00 on 2025-06-02 by 1000000004"),
                BilledLine.parse("29880-80 $400.00 on 2025-06-02 by 1234567893"),
                BilledLine.parse("99213 $100.00")));
    PricedClaim priced = pricer.price(claim, ROCHESTER);
    JsonNode lines = MAPPER.valueToTree(priced).get("lines");
    assertEquals("1000000004", lines.get(0).get("billed").get("renderingProvider").asText());
    assertEquals("1234567893", lines.get(1).get("billed").get("renderingProvider").asText());
    assertFalse(lines.get(2).get("billed").has("renderingProvider"), lines::toString);
    for (int i = 0; i < 3; i++) {
      assertEquals(
          claim.lines().get(i), MAPPER.treeToValue(lines.get(i).get("billed"), BilledLine.class));
    }
  }

  /**
   * A context that says the AD supervisor was present at induction is written with {@code
   * "supervisorPresentAtInduction":true}, which a report needs to explain the time unit of its AD
   * line; without it, the field is left out. The line's result reads back with its amount.
   */
  @Test
  void presenceAtInductionIsWrittenOnlyWhenTheContextSaysIt() throws Exception {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    Claim claim = Claim.builder().add("00790-AD 60min").build();
    JsonNode absent = MAPPER.valueToTree(pricer.price(claim, ROCHESTER));
    assertFalse(absent.get("context").has("supervisorPresentAtInduction"), absent::toString);
    PricedClaim priced = pricer.price(claim, ROCHESTER.withSupervisorPresentAtInduction(true));
    JsonNode tree = MAPPER.valueToTree(priced);
    assertTrue(tree.get("context").get("supervisorPresentAtInduction").asBoolean(), tree::toString);
    // (3 + 1) x 19.79 = 79.16
    FeeResult result = MAPPER.treeToValue(tree.get("lines").get(0).get("result"), FeeResult.class);
    assertEquals(priced.line(0).result(), result);
    assertEquals(new BigDecimal("79.16"), result.amountOrThrow());
    assertEquals(
        tree.get("context"),
        MAPPER.readTree(
            MAPPER.writeValueAsString(ROCHESTER.withSupervisorPresentAtInduction(true))));
  }

  /**
   * A group's context writes the practitioner type of each rendering provider it names as {@code
   * "practitioners"}, after the context's own {@code "practitioner"}, by NPI in ascending order
   * whatever order they were given in: a report must explain a nurse practitioner's 85% beside the
   * physician's full fee. A context naming none is written exactly as before the map existed.
   */
  @Test
  void aContextWritesThePractitionerTypeOfEachRenderingProvider() throws Exception {
    String plain =
        "{\"dateOfService\":\"2025-06-02\",\"area\":\"13282-99\",\"setting\":\"FACILITY\","
            + "\"participating\":true,\"qualifyingApmParticipant\":false,"
            + "\"practitioner\":\"PHYSICIAN\"";
    assertEquals(plain + "}", MAPPER.writeValueAsString(ROCHESTER));
    PricingContext one =
        ROCHESTER.withPractitioner(Npi.parse("1000000004"), PractitionerType.NURSE_PRACTITIONER);
    assertEquals(
        plain + ",\"practitioners\":{\"1000000004\":\"NURSE_PRACTITIONER\"}}",
        MAPPER.writeValueAsString(one));
    PricingContext two =
        ROCHESTER
            .withPlaceOfService(PlaceOfService.of(22))
            .withPractitioner(Npi.parse("2000000002"), PractitionerType.PHYSICIAN_ASSISTANT)
            .withPractitioner(Npi.parse("1000000004"), PractitionerType.NURSE_PRACTITIONER);
    PricingContext reversed =
        ROCHESTER
            .withPlaceOfService(PlaceOfService.of(22))
            .withPractitioner(Npi.parse("1000000004"), PractitionerType.NURSE_PRACTITIONER)
            .withPractitioner(Npi.parse("2000000002"), PractitionerType.PHYSICIAN_ASSISTANT);
    String both =
        plain
            + ",\"practitioners\":{\"1000000004\":\"NURSE_PRACTITIONER\","
            + "\"2000000002\":\"PHYSICIAN_ASSISTANT\"},\"placeOfService\":\"22\"}";
    assertEquals(both, MAPPER.writeValueAsString(two));
    assertEquals(two, reversed);
    assertEquals(both, MAPPER.writeValueAsString(reversed));

    // In a priced claim too: the nurse practitioner's line is paid 85% of the physician's.
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    Claim claim =
        Claim.of(
            List.of(
                BilledLine.parse("99213 $180.00 on 2025-06-02 by 1234567893"),
                BilledLine.parse("99213 $180.00 on 2025-06-02 by 1000000004")));
    JsonNode tree = MAPPER.valueToTree(pricer.price(claim, one));
    assertEquals(
        "NURSE_PRACTITIONER",
        tree.get("context").get("practitioners").get("1000000004").asText(),
        tree::toString);
    assertEquals(MAPPER.readTree(MAPPER.writeValueAsString(one)), tree.get("context"));
    BigDecimal physician =
        MAPPER.treeToValue(tree.get("lines").get(0).get("result"), FeeResult.class).amountOrThrow();
    BigDecimal nurse =
        MAPPER.treeToValue(tree.get("lines").get(1).get("result"), FeeResult.class).amountOrThrow();
    assertTrue(nurse.compareTo(physician) < 0, tree::toString);
  }

  /**
   * Each line's {@code index} is its position from 0; {@code lineNumber} is the number its
   * explanation names it by, which on a claim with numbers of its own is not {@code index + 1}.
   */
  @Test
  void aPricedLineHasItsIndexFromZeroAndTheNumberItsExplanationUses() throws Exception {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    // The biller's lines 1 and 3: line 2 was left out before pricing.
    Claim claim = Claim.builder().add("29880-RT").add("29880-LT").build().withLineNumbers(1, 3);
    JsonNode lines = MAPPER.valueToTree(pricer.price(claim, ROCHESTER)).get("lines");
    assertEquals(0, lines.get(0).get("index").intValue());
    assertEquals(1, lines.get(0).get("lineNumber").intValue());
    assertEquals(1, lines.get(1).get("index").intValue());
    assertEquals(3, lines.get(1).get("lineNumber").intValue());
    String steps = lines.get(1).get("result").get("explanation").toString();
    assertTrue(steps.contains("LT and RT on line 3 and line 1"), steps);
    JsonNode plain =
        MAPPER.valueToTree(pricer.price(Claim.builder().add("99213").build(), ROCHESTER));
    assertEquals(1, plain.get("lines").get(0).get("lineNumber").intValue());
  }

  /**
   * A Part B claim with numbers of its own, anesthesia time and roles, a lab test, drugs, equipment
   * and two specimen collections: each line's JSON has the claim's number for it, and its billed
   * line and result, explanation and amounts included, read back equal.
   */
  @Test
  void partBAndAnesthesiaLinesOfANumberedClaimReadBackEqual() throws Exception {
    PartBClaimPricer pricer =
        PartBClaimPricer.of(
            BundledData.partBFeeSchedule(),
            MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    Claim claim =
        Claim.builder()
            .add("00840-QK 60min", "900.00")
            .add("00790-AA 95min")
            .add("36415", "10.00")
            .add("36415")
            .add("80053")
            .add("J1100 x8")
            .add("E0114-NU")
            .add("99999")
            .build()
            .withLineNumbers(2, 3, 5, 6, 7, 9, 10, 12);
    PricingContext office =
        PricingContext.of(
                LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY)
            .withBeneficiaryZip("10001");
    PricedClaim priced = pricer.price(claim, office);
    JsonNode lines = MAPPER.valueToTree(priced).get("lines");
    assertEquals(claim.size(), lines.size());
    for (int i = 0; i < claim.size(); i++) {
      PricedLine line = priced.line(i);
      JsonNode json = lines.get(i);
      assertEquals(i, json.get("index").intValue());
      assertEquals(claim.lineNumber(i), json.get("lineNumber").intValue());
      assertEquals(line.billed(), MAPPER.treeToValue(json.get("billed"), BilledLine.class));
      FeeResult result = MAPPER.treeToValue(json.get("result"), FeeResult.class);
      assertEquals(line.result(), result);
      assertEquals(line.result().toString(), result.toString());
    }
    // The warnings and steps name the lines by the claim's numbers, which the JSON carries.
    String text = lines.toString();
    assertTrue(text.contains("(lines 5, 6)"), text);
    assertTrue(text.contains("(QK on line 2, AA on line 3)"), text);
    assertEquals(claim, roundTrip(claim, Claim.class));
  }

  /**
   * The claim's warnings gather the lines' warnings; each says the number of the line that raised
   * it, as the claim numbers its lines, so a reader of the claim's list need not search the lines.
   */
  @Test
  void aClaimsWarningNamesTheLineThatRaisedIt() throws Exception {
    Claim claim = Claim.builder().add("99213").add("99214 30min").build().withLineNumbers(2, 5);
    PricedClaim priced =
        MedicareClaimPricer.of(BundledData.medicareFeeSchedule()).price(claim, ROCHESTER);
    assertEquals(1, priced.warnings().size(), priced::toString);
    JsonNode json = MAPPER.valueToTree(priced);
    JsonNode warnings = json.get("warnings");
    assertEquals(1, warnings.size(), json::toString);
    JsonNode warning = warnings.get(0);
    assertEquals(5, warning.get("lineNumber").intValue(), json::toString);
    assertEquals("MINUTES_IGNORED", warning.get("kind").asText(), json::toString);
    // Under its line, the warning is as before: the line already says its number.
    JsonNode underLine = json.get("lines").get(1).get("warnings").get(0);
    assertEquals(null, underLine.get("lineNumber"), json::toString);
    assertEquals(warning.get("message"), underLine.get("message"));
  }

  /**
   * Telehealth in the patient's home, POS 10, is priced at the facility rate before 2024: the
   * context's {@code setting} says FACILITY then, as the amount and the explanation do, where it
   * said NON_FACILITY, today's setting of the place; from 2024 it says NON_FACILITY.
   */
  @Test
  void aContextWritesTheSettingItsPlaceIsPaidAtOnItsDate() throws Exception {
    PricingContext home2023 =
        PricingContext.of(
                LocalDate.of(2023, 6, 1), Locality.parse("13282-99"), Setting.NON_FACILITY)
            .withPlaceOfService(PlaceOfService.TELEHEALTH_IN_HOME);
    JsonNode context = MAPPER.valueToTree(home2023);
    assertEquals("FACILITY", context.get("setting").asText(), context::toString);
    assertEquals("10", context.get("placeOfService").asText(), context::toString);
    JsonNode claim =
        MAPPER.valueToTree(
            MedicareClaimPricer.of(BundledData.medicareFeeSchedule())
                .price(Claim.builder().add("99213").build(), home2023));
    assertEquals("FACILITY", claim.get("context").get("setting").asText(), claim::toString);
    JsonNode from2024 = MAPPER.valueToTree(home2023.withDateOfService(LocalDate.of(2024, 1, 1)));
    assertEquals("NON_FACILITY", from2024.get("setting").asText(), from2024::toString);
  }

  /**
   * A claim of limiting charges says so; its total is the sum of the lines that have one, and a
   * claim of laboratory tests and DMEPOS items only, which have none, has no total where it had
   * {@code "0.00"}. A claim's payment total is written as before, 0.00 included.
   */
  @Test
  void aClaimOfLimitingChargesWithoutOneHasNoTotal() throws Exception {
    PartBClaimPricer pricer =
        PartBClaimPricer.of(
            BundledData.partBFeeSchedule(),
            MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    PricingContext office =
        PricingContext.of(
                LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY)
            .withBeneficiaryZip("10001");
    Claim labAndDme = Claim.builder().add("36415").add("80053").add("E0114-NU").build();
    JsonNode none = MAPPER.valueToTree(pricer.limitingCharges(labAndDme, office));
    assertTrue(none.get("limitingCharges").asBoolean(), none::toString);
    assertFalse(none.has("total"), none::toString);
    JsonNode paid = MAPPER.valueToTree(pricer.price(labAndDme, office));
    assertFalse(paid.has("limitingCharges"), paid::toString);
    assertTrue(paid.has("total"), paid::toString);
    // 99213-25 and 96372: 110.41 + 17.28 (1.0925 x 101.06 and x 15.82); the lab test adds nothing.
    Claim mixed = Claim.builder().add("99213-25").add("96372").add("36415").build();
    JsonNode some = MAPPER.valueToTree(pricer.limitingCharges(mixed, office));
    assertEquals("127.69", some.get("total").asText(), some::toString);
  }

  /** A finding of an edit on a claim of its own numbers: its line and its number both survive. */
  @Test
  void editFindingsRoundTripWithTheirLineNumber() throws Exception {
    EditFinding finding =
        EditFinding.builder()
            .edit("ncci-ptp")
            .line(1)
            .lineNumber(3)
            .action(EditAction.DENY_LINE)
            .deniedUnits(1)
            .reason(UnpricedReason.NCCI_PTP)
            .message("20610 is a component of 27447 on line 1")
            .putData("column1", "27447")
            .putData("column2", "20610")
            .putData("modifierIndicator", "1")
            .build();
    JsonNode tree = MAPPER.valueToTree(finding);
    assertEquals(1, tree.get("line").intValue());
    assertEquals(3, tree.get("lineNumber").intValue());
    assertEquals("27447", tree.get("data").get("column1").asText());
    EditFinding back = roundTrip(finding, EditFinding.class);
    assertEquals(finding, back);
    assertEquals(List.copyOf(finding.data().keySet()), List.copyOf(back.data().keySet()));
    EditFinding flag = EditFinding.flag("modifier-rules", 0, "check the modifier");
    assertEquals(flag, roundTrip(flag, EditFinding.class));
  }

  /** JSON written before findings had a number of their own: the number is the position. */
  @Test
  void anEditFindingWithoutALineNumberIsNumberedByItsPosition() throws Exception {
    EditFinding old =
        MAPPER.readValue(
            "{\"edit\":\"ncci-mue\",\"line\":4,\"action\":\"DENY_UNITS\",\"deniedUnits\":2,"
                + "\"reason\":\"NCCI_MUE\",\"message\":\"more than 2 units\"}",
            EditFinding.class);
    assertEquals(4, old.line());
    assertEquals(5, old.lineNumber());
    assertTrue(old.data().isEmpty());
  }

  /**
   * A finding of the last index an int holds, with a number of its own, is one {@code EditFinding}
   * builds: it was written, and refused when read as {@code a line must be 0 to 2147483646}, a
   * bound only a finding without a number needs ({@code line + 1} would wrap around).
   */
  @Test
  void aFindingOfTheLastIndexReadsBackWithItsNumber() throws Exception {
    EditFinding last =
        EditFinding.builder()
            .edit("ncci-mue")
            .line(Integer.MAX_VALUE)
            .lineNumber(Integer.MAX_VALUE)
            .action(EditAction.FLAG)
            .deniedUnits(0)
            .reason(UnpricedReason.NCCI_MUE)
            .message("m")
            .build();
    assertEquals(last, roundTrip(last, EditFinding.class));
    JsonMappingException unnumbered =
        refused(
            "{\"edit\":\"ncci-mue\",\"line\":2147483647,\"action\":\"FLAG\",\"deniedUnits\":0,"
                + "\"reason\":\"NCCI_MUE\",\"message\":\"m\"}",
            EditFinding.class);
    assertEquals("lineNumber", lastField(unnumbered), unnumbered.getMessage());
    assertTrue(
        unnumbered.getMessage().contains("on line 2147483647 needs its 'lineNumber'"),
        unnumbered.getMessage());
  }

  @Test
  void aBadEditFindingNamesItsField() {
    String good =
        "{\"edit\":\"ncci-ptp\",\"line\":0,\"action\":\"DENY_LINE\",\"deniedUnits\":1,"
            + "\"reason\":\"EDIT_DENIED\",\"message\":\"m\",\"data\":{\"column1\":\"27447\"}}";
    Map<String, String> fieldOf =
        Map.of(
            good.replace("\"DENY_LINE\"", "\"DENY\""), "action",
            good.replace("\"deniedUnits\":1", "\"deniedUnits\":0"), "deniedUnits",
            good.replace("\"line\":0", "\"line\":-1"), "line",
            good.replace("\"line\":0", "\"line\":0,\"lineNumber\":0"), "lineNumber",
            good.replace("\"EDIT_DENIED\"", "\"DENIED\""), "reason",
            good.replace("\"ncci-ptp\"", "\"\""), "edit",
            good.replace("\"ncci-ptp\"", "\"ncci ptp\""), "edit",
            good.replace("\"27447\"", "27447"), "column1");
    fieldOf.forEach(
        (json, field) -> {
          JsonMappingException e = refused(json, EditFinding.class);
          assertEquals(field, lastField(e), e.getMessage());
          assertTrue(e.getMessage().contains("EditFinding[\""), e.getMessage());
        });
    // A name that is none of the enum's says which are, not Java's "No enum constant" and class.
    JsonMappingException action =
        refused(good.replace("\"DENY_LINE\"", "\"deny_line\""), EditFinding.class);
    assertTrue(
        action.getMessage().contains("'deny_line' is none of DENY_LINE, DENY_UNITS, FLAG"),
        action.getMessage());
    JsonMappingException reason = refused("{\"reason\":\"not_in_schedule\"}", FeeResult.class);
    assertTrue(reason.getMessage().contains("'not_in_schedule' is none of "), reason.getMessage());
    assertTrue(reason.getMessage().contains("NOT_IN_SCHEDULE"), reason.getMessage());
    assertFalse(reason.getMessage().contains("No enum constant"), reason.getMessage());
    JsonMappingException missing =
        refused(good.replace("\"message\":\"m\",", ""), EditFinding.class);
    assertTrue(missing.getMessage().contains("needs the field 'message'"), missing.getMessage());
  }

  /**
   * A value of the wrong kind is shown in the message, not only named by Jackson's token constant:
   * {@code "units":1.5} said {@code expected a whole number, not VALUE_NUMBER_FLOAT}, which did not
   * say which value of a large request was refused.
   */
  @Test
  void aValueOfTheWrongKindIsShownInTheMessage() {
    Map<String, String> messageOf =
        Map.of(
            "{\"code\":\"99213\",\"units\":1.5}",
            "expected a whole number, not the decimal number 1.5",
            "{\"code\":\"99213\",\"units\":\"2\"}",
            "expected a whole number, not the string '2'",
            "{\"code\":\"99213\",\"units\":{\"n\":2}}",
            "expected a whole number, not an object",
            "{\"code\":\"99213\",\"minutes\":true}",
            "expected a whole number, not true",
            "{\"code\":\"99213\",\"modifiers\":\"26\"}",
            "expected an array, not the string '26'");
    messageOf.forEach(
        (json, message) -> {
          JsonMappingException e = refused(json, ClaimLine.class);
          assertTrue(e.getMessage().startsWith(message), e.getMessage());
        });
    // A decimal is refused as one, whatever its text: a BigDecimal 2 has the text "2".
    IllegalArgumentException decimal =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MAPPER.convertValue(
                    Map.of("code", "99213", "units", new BigDecimal("2")), ClaimLine.class));
    assertTrue(
        decimal.getMessage().startsWith("expected a whole number, not the decimal number 2"),
        decimal.getMessage());
    // The other types' fields alike: the JSON, the type read, the message's start and its path.
    Object[][] others = {
      {
        "{\"lines\":[\"99213\"],\"lineNumbers\":[\"3\"]}",
        Claim.class,
        "expected a whole number, not the string '3'",
        "Claim[\"lineNumbers\"]->java.util.List[0])"
      },
      {
        "{\"exactAmount\":\"1\",\"priced\":\"yes\"}",
        FeeResult.class,
        "expected true or false, not the string 'yes'",
        "[\"priced\"]"
      },
      {
        "{\"edit\":\"ncci-ptp\",\"line\":0,\"action\":\"FLAG\",\"deniedUnits\":0,"
            + "\"reason\":\"EDIT_DENIED\",\"message\":\"m\",\"data\":[\"27447\"]}",
        EditFinding.class,
        "expected an object of strings, not an array",
        "[\"data\"]"
      },
    };
    for (Object[] other : others) {
      JsonMappingException e = refused((String) other[0], (Class<?>) other[1]);
      assertTrue(e.getMessage().startsWith((String) other[2]), e.getMessage());
      assertTrue(e.getMessage().contains((String) other[3]), e.getMessage());
    }
    // A long value is cut, as cpt4j quotes any input: the message stays one short line.
    JsonMappingException longText =
        refused("{\"code\":\"99213\",\"units\":\"" + "9".repeat(5000) + "\"}", ClaimLine.class);
    assertTrue(longText.getMessage().contains("9...'"), longText.getMessage());
    assertTrue(longText.getMessage().length() < 1000, longText.getMessage());
  }

  /**
   * Where a string or an object is expected, a value of another kind is shown too, as where a
   * number is: {@code "code":99213} (a code exported as a number) said {@code Cannot deserialize
   * value of type `io.github.cpt4j.code.ProcedureCode` from Integer value (token
   * `JsonToken.VALUE_NUMBER_INT`)}, which did not say which value of a large request it was.
   */
  @Test
  void aValueOfTheWrongKindWhereAStringOrAnObjectIsExpectedIsShown() {
    Object[][] cases = {
      {
        "{\"code\":99213}",
        ClaimLine.class,
        "expected a ProcedureCode as a string, not the number 99213",
        "ClaimLine[\"code\"]"
      },
      {
        "{\"code\":\"99213\",\"modifiers\":[26]}",
        ClaimLine.class,
        "expected a Modifier as a string, not the number 26",
        "ClaimLine[\"modifiers\"]->java.util.List[0]"
      },
      {
        "{\"code\":\"99213\",\"modifiers\":[null]}",
        ClaimLine.class,
        "expected a Modifier as a string, not null",
        "ClaimLine[\"modifiers\"]->java.util.List[0]"
      },
      {
        "{\"code\":\"99213\",\"renderingProvider\":1234567893}",
        BilledLine.class,
        "expected an NPI as a string, not the number 1234567893",
        "BilledLine[\"renderingProvider\"]"
      },
      {
        "{\"code\":\"99213\",\"dateOfService\":20250602}",
        BilledLine.class,
        "expected a LocalDate as a string, not the number 20250602",
        "BilledLine[\"dateOfService\"]"
      },
      {
        "{\"lines\":[\"99213\",true]}",
        Claim.class,
        "expected a BilledLine as an object or its text, not true",
        "Claim[\"lines\"]->java.util.List[1]"
      },
      {
        "{\"reason\":5}",
        FeeResult.class,
        "expected an UnpricedReason as a string, not the number 5",
        "FeeResult[\"reason\"]"
      },
      {
        "{\"exactAmount\":\"1\",\"explanation\":[{\"rule\":7,\"description\":\"d\"}]}",
        FeeResult.class,
        "expected a string, not the number 7",
        "FeeResult[\"explanation\"]->java.util.List[0]->io.github.cpt4j.fee.PricingStep[\"rule\"]"
      },
      {
        "{\"exactAmount\":\"1\",\"explanation\":[null]}",
        FeeResult.class,
        "expected a PricingStep as an object, not null",
        "FeeResult[\"explanation\"]->java.util.List[0]"
      },
      {
        "{\"edit\":\"ncci-ptp\",\"line\":0,\"action\":\"FLAG\",\"deniedUnits\":0,"
            + "\"reason\":\"EDIT_DENIED\",\"message\":[\"m\"]}",
        EditFinding.class,
        "expected a string, not an array",
        "EditFinding[\"message\"]"
      },
      {
        "{\"edit\":\"ncci-ptp\",\"line\":0,\"action\":\"FLAG\",\"deniedUnits\":0,"
            + "\"reason\":\"EDIT_DENIED\",\"message\":\"m\",\"data\":{\"mue\":1}}",
        EditFinding.class,
        "expected a string, not the number 1",
        "EditFinding[\"data\"]->java.util.Map[\"mue\"]"
      },
      {
        "{\"code\":\"99213\",\"charge\":true}",
        BilledLine.class,
        "expected a decimal number such as \"2400.00\", not true",
        "BilledLine[\"charge\"]"
      },
      {"5", FeeResult.class, "expected a FeeResult as an object, not the number 5", ""},
      {"[]", Claim.class, "expected a Claim as an object, not an array", ""},
      {"true", EditFinding.class, "expected an EditFinding as an object, not true", ""},
      {"2", ClaimLine.class, "expected a ClaimLine as an object or its text, not the number 2", ""},
      {"99213", CptCode.class, "expected a CptCode as a string, not the number 99213", ""},
    };
    for (Object[] c : cases) {
      JsonMappingException e = refused((String) c[0], (Class<?>) c[1]);
      assertEquals(c[2], e.getOriginalMessage(), e.getMessage());
      assertTrue(e.getMessage().contains((String) c[3]), e.getMessage());
    }
  }

  /**
   * A {@code DeserializationProblemHandler} may give the value of a token a type cannot be read
   * from, as Jackson lets it for its own types: the value it gave was cast to a field name, and
   * reading failed with a bare {@code ClassCastException}.
   */
  @Test
  void aProblemHandlersValueForAnUnexpectedTokenIsTheValueRead() throws Exception {
    Map<Class<?>, Object> given =
        Map.of(
            ClaimLine.class, ClaimLine.parse("99213"),
            BilledLine.class, BilledLine.parse("99213 $1.00"),
            Claim.class, Claim.ofLines(ClaimLine.parse("99213")),
            FeeResult.class,
                FeeResult.unpriced(UnpricedReason.NOT_IN_SCHEDULE, "none", Explanation.empty()),
            PricingStep.class, PricingStep.note("row", "a row"),
            EditFinding.class, EditFinding.flag("modifier-rules", 0, "m"));
    ObjectMapper lenient =
        new ObjectMapper()
            .registerModule(new CptModule())
            .addHandler(
                new com.fasterxml.jackson.databind.deser.DeserializationProblemHandler() {
                  @Override
                  public Object handleUnexpectedToken(
                      com.fasterxml.jackson.databind.DeserializationContext ctxt,
                      com.fasterxml.jackson.databind.JavaType type,
                      com.fasterxml.jackson.core.JsonToken token,
                      com.fasterxml.jackson.core.JsonParser p,
                      String message) {
                    return given.getOrDefault(type.getRawClass(), NOT_HANDLED);
                  }
                });
    for (Map.Entry<Class<?>, Object> entry : given.entrySet()) {
      assertEquals(
          entry.getValue(), lenient.readValue("5", entry.getKey()), entry.getKey()::getName);
    }
    assertEquals(
        Claim.of(BilledLine.parse("99213 $1.00")),
        lenient.readValue("{\"lines\":[true]}", Claim.class));
  }

  /**
   * A {@code DeserializationProblemHandler} may answer null for a token a type cannot be read from,
   * as lenient handlers do: for a field, null is its absence, as JSON null is; where no null can be
   * (a claim's line, a modifier, a step, a value of a finding's data) it is refused naming that
   * place. Each was a bare {@code NullPointerException} from deep inside cpt-core, {@code line at
   * index 0}, or for an amount from the module's own bounds check.
   */
  @Test
  void aProblemHandlersNullIsAbsenceForAFieldAndRefusedWhereNoNullCanBe() throws Exception {
    ObjectMapper nulling =
        new ObjectMapper()
            .registerModule(new CptModule())
            .addHandler(
                new com.fasterxml.jackson.databind.deser.DeserializationProblemHandler() {
                  @Override
                  public Object handleUnexpectedToken(
                      com.fasterxml.jackson.databind.DeserializationContext ctxt,
                      com.fasterxml.jackson.databind.JavaType type,
                      com.fasterxml.jackson.core.JsonToken token,
                      com.fasterxml.jackson.core.JsonParser p,
                      String message) {
                    return null;
                  }
                });
    String finding =
        "{\"edit\":\"e\",\"line\":0,\"action\":\"FLAG\",\"deniedUnits\":0,"
            + "\"reason\":\"NCCI_PTP\",\"message\":\"m\",\"data\":{\"kind\":\"PTP\",\"a\":true}}";
    Map<String, Object[]> refusedAt =
        Map.of(
            "lines/1", new Object[] {"{\"lines\":[\"99213\",true]}", Claim.class},
            "modifiers/0",
                new Object[] {"{\"code\":\"99213\",\"modifiers\":[true]}", ClaimLine.class},
            "explanation/0",
                new Object[] {"{\"exactAmount\":\"1\",\"explanation\":[true]}", FeeResult.class},
            "0", new Object[] {"[true]", Explanation.class},
            "data/a", new Object[] {finding, EditFinding.class});
    for (Map.Entry<String, Object[]> c : refusedAt.entrySet()) {
      JsonMappingException e =
          assertThrows(
              JsonMappingException.class,
              () -> nulling.readValue((String) c.getValue()[0], (Class<?>) c.getValue()[1]),
              c::getKey);
      assertEquals(c.getKey(), pathOf(e), e::getMessage);
      assertTrue(e.getOriginalMessage().contains("null"), e::getMessage);
    }
    // A field's null is its absence: a missing exact amount, a priced result without 'amount', a
    // note without an amount after it.
    JsonMappingException missing =
        assertThrows(
            JsonMappingException.class,
            () -> nulling.readValue("{\"exactAmount\":true}", FeeResult.class));
    assertTrue(missing.getMessage().contains("needs the field 'exactAmount'"), missing::getMessage);
    assertEquals(
        FeeResult.priced(BigDecimal.ONE, Explanation.empty()),
        nulling.readValue("{\"exactAmount\":\"1\",\"amount\":true}", FeeResult.class));
    assertEquals(
        Explanation.of(PricingStep.note("r", "d")),
        nulling.readValue(
            "[{\"rule\":\"r\",\"description\":\"d\",\"amountAfter\":true}]", Explanation.class));
  }

  /**
   * A whole number (units, minutes, a line or line number, denied units) or a boolean ({@code
   * priced}, {@code settingNotAvailable}) of the wrong kind went to no {@code
   * DeserializationProblemHandler}, unlike every other field: a handler that reads {@code "2"} as 2
   * was refused with {@code expected a whole number, not the string '2'}, and one answering null
   * did not make the field absent. Its answer is now the value read, within the field's bounds.
   */
  @Test
  void aProblemHandlersAnswerIsReadForWholeNumbersAndBooleansToo() throws Exception {
    ObjectMapper lenient =
        new ObjectMapper()
            .registerModule(new CptModule())
            .addHandler(
                new com.fasterxml.jackson.databind.deser.DeserializationProblemHandler() {
                  @Override
                  public Object handleUnexpectedToken(
                      com.fasterxml.jackson.databind.DeserializationContext ctxt,
                      com.fasterxml.jackson.databind.JavaType type,
                      com.fasterxml.jackson.core.JsonToken token,
                      com.fasterxml.jackson.core.JsonParser p,
                      String message)
                      throws java.io.IOException {
                    if (token != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                      return null;
                    }
                    String text = p.getText();
                    return type.getRawClass() == Boolean.class
                        ? Boolean.valueOf(text)
                        : Integer.valueOf(text);
                  }
                });
    assertEquals(
        ClaimLine.parse("99213 x2"),
        lenient.readValue("{\"code\":\"99213\",\"units\":\"2\"}", ClaimLine.class));
    assertEquals(
        ClaimLine.parse("00790-AA 95min"),
        lenient.readValue(
            "{\"code\":\"00790\",\"modifiers\":[\"AA\"],\"minutes\":\"95\"}", ClaimLine.class));
    // Null is the field's absence: one unit, as without the field.
    assertEquals(
        ClaimLine.parse("99213"),
        lenient.readValue("{\"code\":\"99213\",\"units\":1.5}", ClaimLine.class));
    assertEquals(
        Claim.ofLines(ClaimLine.parse("99213")).withLineNumbers(3),
        lenient.readValue(
            "{\"lines\":[{\"code\":\"99213\"}],\"lineNumbers\":[\"3\"]}", Claim.class));
    assertEquals(
        EditFinding.flag("e", 1, "m"),
        lenient.readValue(
            "{\"edit\":\"e\",\"line\":\"1\",\"action\":\"FLAG\",\"deniedUnits\":\"0\","
                + "\"reason\":\"EDIT_DENIED\",\"message\":\"m\"}",
            EditFinding.class));
    FeeResult one = FeeResult.priced(BigDecimal.ONE, Explanation.empty());
    assertEquals(
        one,
        lenient.readValue(
            "{\"exactAmount\":\"1\",\"priced\":\"true\",\"settingNotAvailable\":1}",
            FeeResult.class));
    // The answer is held to the field's bounds, and named at the field.
    JsonMappingException zero =
        assertThrows(
            JsonMappingException.class,
            () -> lenient.readValue("{\"code\":\"99213\",\"units\":\"0\"}", ClaimLine.class));
    assertTrue(zero.getOriginalMessage().startsWith("units must be 1 to "), zero::getMessage);
    assertEquals("units", pathOf(zero), zero::getMessage);
    JsonMappingException contradicts =
        assertThrows(
            JsonMappingException.class,
            () ->
                lenient.readValue("{\"exactAmount\":\"1\",\"priced\":\"false\"}", FeeResult.class));
    assertEquals("priced", pathOf(contradicts), contradicts::getMessage);
  }

  @Test
  void findAndRegisterModulesFindsTheModule() throws Exception {
    ObjectMapper found = new ObjectMapper().findAndRegisterModules();
    assertTrue(found.getRegisteredModuleIds().contains(CptModule.class.getName()));
    assertEquals(CptCode.parse("0001F"), found.readValue("\"0001F\"", CptCode.class));
  }

  /** A mapper that says it is another Jackson, as an older jackson-databind on the class path. */
  private static final class MapperOf extends ObjectMapper {
    private static final long serialVersionUID = 1L;
    private final Version version;

    MapperOf(Version version) {
      this.version = version;
    }

    @Override
    public Version version() {
      return version;
    }
  }

  private static Version databind(int major, int minor, int patch) {
    return new Version(major, minor, patch, null, "com.fasterxml.jackson.core", "jackson-databind");
  }

  /**
   * Registering the module with a Jackson older than 2.15 fails at once, naming both versions: it
   * registered, and the first amount read failed with a NoSuchMethodError on a 2.15 method.
   */
  @Test
  void aJacksonOlderThan215IsRefusedWhenTheModuleIsRegistered() {
    ObjectMapper old = new MapperOf(databind(2, 14, 3));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> old.registerModule(new CptModule()));
    assertTrue(e.getMessage().contains("jackson-databind 2.14.3"), e::getMessage);
    assertTrue(e.getMessage().contains("Jackson 2.15 or later"), e::getMessage);
    new MapperOf(databind(2, 15, 0)).registerModule(new CptModule());
  }

  /** The numbers decide, not Version.compareTo's group and artifact ids first. */
  @Test
  void theVersionCheckComparesMajorAndMinor() {
    for (Version older :
        List.of(
            databind(2, 14, 3),
            databind(2, 0, 0),
            databind(1, 99, 0),
            new Version(2, 14, 99, "SNAPSHOT", "zzz", "zzz"))) {
      assertThrows(
          IllegalStateException.class, () -> CptModule.requireJackson(older), older::toString);
    }
    for (Version enough :
        List.of(
            databind(2, 15, 0),
            databind(2, 22, 3),
            databind(3, 0, 0),
            new Version(2, 15, 0, "SNAPSHOT", "aaa", "aaa"),
            Version.unknownVersion())) {
      CptModule.requireJackson(enough);
    }
  }
}
