package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.ncci.PtpClaimEdit;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirClaims;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.ClaimResponse.AdjudicationComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.junit.jupiter.api.Test;

/**
 * A professional claim as a FHIR claims gateway sends it (several items, modifiers, units, a place
 * of service, anesthesia minutes, codes of both levels, a {@code billablePeriod} instead of item
 * dates), priced into a {@code ClaimResponse} that must be valid R4; and hostile claims, each
 * refused at its FHIR path.
 */
class FhirGatewayTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final MedicareClaimPricer MEDICARE =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());

  private static final PricingContext OFFICE =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY);

  private static String resource(String name) {
    try (InputStream in = FhirGatewayTest.class.getResourceAsStream("/fhir/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static org.hl7.fhir.r4.model.Claim claim(String json) {
    return FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Claim.class, json);
  }

  /**
   * Every required element of an R4 ClaimResponse, item sequences matching the claim's, HL7's
   * adjudication categories, amounts in USD to the cent, coded reasons, totals that are the sums of
   * the items, and a parser round trip that gives the response back. A clock with milliseconds:
   * they stayed in {@code created} but not in its JSON, so the response read back was another.
   */
  @Test
  void aProfessionalClaimBecomesAValidClaimResponse() {
    FhirClaimPricer pricer =
        FhirClaimPricer.of(
            MEDICARE, Clock.fixed(Instant.parse("2025-06-04T10:15:30.250Z"), ZoneOffset.UTC));
    org.hl7.fhir.r4.model.Claim fhirClaim = claim(resource("claim-professional.json"));
    ClaimResponse response = pricer.price(fhirClaim, OFFICE);

    IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    ClaimResponse back =
        strict.parseResource(ClaimResponse.class, strict.encodeResourceToString(response));
    assertTrue(response.equalsDeep(back), "the response read back is the one sent");

    assertEquals(ClaimResponse.ClaimResponseStatus.ACTIVE, response.getStatus());
    assertEquals("professional", response.getType().getCodingFirstRep().getCode());
    assertEquals(ClaimResponse.Use.CLAIM, response.getUse());
    assertEquals("Patient/p7", response.getPatient().getReference());
    assertEquals(Instant.parse("2025-06-04T10:15:30Z"), response.getCreated().toInstant());
    assertEquals("Organization/medicare", response.getInsurer().getReference());
    assertEquals("Claim/office-7", response.getRequest().getReference());
    // Items 6 (not in the sample) and 7 (status E) have no amount.
    assertEquals(ClaimResponse.RemittanceOutcome.PARTIAL, response.getOutcome());
    assertEquals(
        IntStream.rangeClosed(1, 7).boxed().toList(),
        response.getItem().stream().map(ClaimResponse.ItemComponent::getItemSequence).toList());

    // The items have no dates: they are on the claim's billablePeriod, one day.
    Claim lines = FhirClaims.toClaim(fhirClaim);
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(Optional.of(LocalDate.of(2025, 6, 2)), lines.line(i).dateOfService());
    }
    PricedClaim expected = MEDICARE.price(lines, OFFICE);
    BigDecimal submitted = BigDecimal.ZERO;
    BigDecimal eligible = BigDecimal.ZERO;
    for (int i = 0; i < 7; i++) {
      ClaimResponse.ItemComponent item = response.getItem().get(i);
      for (AdjudicationComponent a : item.getAdjudication()) {
        assertEquals(FhirClaimPricer.ADJUDICATION, a.getCategory().getCodingFirstRep().getSystem());
        assertTrue(
            List.of("submitted", "eligible")
                .contains(a.getCategory().getCodingFirstRep().getCode()));
        if (a.hasAmount()) {
          assertDollars(a.getAmount());
        }
      }
      submitted = submitted.add(amount(item, "submitted").getValue());
      AdjudicationComponent allowed = FhirTest.adjudication(item, "eligible");
      if (expected.line(i).isPriced()) {
        assertEquals(expected.line(i).amountOrThrow(), allowed.getAmount().getValue());
        eligible = eligible.add(allowed.getAmount().getValue());
      } else {
        assertFalse(allowed.hasAmount(), "no amount, never a zero");
        assertEquals(
            FhirClaimPricer.UNPRICED_REASON, allowed.getReason().getCodingFirstRep().getSystem());
        assertEquals(
            expected.line(i).result().reason().orElseThrow().name(),
            allowed.getReason().getCodingFirstRep().getCode());
      }
    }
    assertEquals(List.of(6, 7), unpriced(response));
    Map<String, Money> totals =
        Map.of("submitted", total(response, "submitted"), "eligible", total(response, "eligible"));
    totals.values().forEach(FhirGatewayTest::assertDollars);
    assertEquals(submitted, totals.get("submitted").getValue());
    assertEquals(eligible, totals.get("eligible").getValue());
    assertEquals(expected.total(), totals.get("eligible").getValue());

    // 99999 is not in the bundled sample, so every priced line warns that its amount may be too
    // high: one note, the same text, numbered by items 1 to 5; the unpriced items have none.
    ClaimWarning incomplete = expected.line(0).warnings().get(0);
    assertEquals(ClaimWarning.Kind.INCOMPLETE_DATA, incomplete.kind());
    assertEquals(List.of(incomplete.message()), texts(response));
    assertEquals(
        List.of(List.of(1), List.of(1), List.of(1), List.of(1), List.of(1), List.of(), List.of()),
        noteNumbers(response));

    // Without the unpriced items: complete, and a claim without warnings has no notes.
    fhirClaim.getItem().removeIf(item -> item.getSequence() >= 6);
    ClaimResponse clean = pricer.price(fhirClaim, OFFICE);
    assertEquals(ClaimResponse.RemittanceOutcome.COMPLETE, clean.getOutcome());
    assertFalse(clean.hasProcessNote());
    assertEquals(
        List.of(List.of(), List.of(), List.of(), List.of(), List.of()), noteNumbers(clean));
  }

  /**
   * The lines' warnings were lost: an item priced by report for a team surgeon (modifier 66, TEAM
   * SURG 1, which pays only with documentation) or with anesthesia minutes no amount uses reached
   * the response with its adjudications and no word of the warning that the command line shows.
   * Each distinct text is a {@code processNote} of type {@code display}, numbered in order of first
   * appearance, and each item names its notes in {@code noteNumber}.
   */
  @Test
  void warningsBecomeProcessNotesTheItemsName() {
    org.hl7.fhir.r4.model.Claim fhirClaim = claim(twoKindsOfWarnings());
    ClaimResponse response = FhirClaimPricer.of(MEDICARE).price(fhirClaim, OFFICE);
    PricedClaim expected = MEDICARE.price(FhirClaims.toClaim(fhirClaim), OFFICE);
    ClaimWarning minutes = expected.line(0).warnings().get(0);
    ClaimWarning documentation = expected.line(1).warnings().get(0);
    assertEquals(ClaimWarning.Kind.MINUTES_IGNORED, minutes.kind());
    assertEquals(ClaimWarning.Kind.DOCUMENTATION_REQUIRED, documentation.kind());
    assertEquals(List.of(), expected.line(2).warnings(), expected::toString);

    assertEquals(List.of(minutes.message(), documentation.message()), texts(response));
    for (int i = 0; i < 2; i++) {
      ClaimResponse.NoteComponent note = response.getProcessNote().get(i);
      assertEquals(i + 1, note.getNumber());
      assertEquals(Enumerations.NoteType.DISPLAY, note.getType());
      assertEquals("http://hl7.org/fhir/note-type", note.getTypeElement().getSystem());
    }
    // Items 2 and 4 share the team surgery note; 99213, refused without a warning, names none.
    assertEquals(List.of(List.of(1), List.of(2), List.of(), List.of(2)), noteNumbers(response));
    // The warnings change no adjudication: item 1 keeps its amount, the others their reasons.
    assertEquals(
        expected.line(0).amountOrThrow(),
        FhirTest.adjudication(response.getItem().get(0), "eligible").getAmount().getValue());
    assertEquals(List.of(2, 3, 4), unpriced(response));
    assertEquals(ClaimResponse.RemittanceOutcome.PARTIAL, response.getOutcome());

    IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    String sent = strict.encodeResourceToString(response);
    assertTrue(sent.contains("\"type\":\"display\""), sent);
    ClaimResponse back = strict.parseResource(ClaimResponse.class, sent);
    assertTrue(response.equalsDeep(back), "the response read back is the one sent");
  }

  /**
   * A claim of four items: 01996 with minutes no amount uses ({@code MINUTES_IGNORED}), 33361 with
   * modifier 66 twice ({@code DOCUMENTATION_REQUIRED}, TEAM SURG 1; the second with 59 too) and
   * 99213 between them.
   */
  private static String twoKindsOfWarnings() {
    String team = ",\"modifier\":[{\"coding\":[{\"code\":\"66\"}]}]";
    String team59 =
        ",\"modifier\":[{\"coding\":[{\"code\":\"66\"}]},{\"coding\":[{\"code\":\"59\"}]}]";
    return HEAD
        + "\"id\":\"w\","
        + "\"type\":{\"coding\":[{\"system\":"
        + "\"http://terminology.hl7.org/CodeSystem/claim-type\",\"code\":\"professional\"}]},"
        + "\"patient\":{\"reference\":\"Patient/p7\"},"
        + "\"insurer\":{\"reference\":\"Organization/medicare\"},"
        + "\"item\":["
        + item(
            1,
            "01996",
            ",\"modifier\":[{\"coding\":[{\"code\":\"AA\"}]}],\"quantity\":"
                + "{\"value\":30,\"system\":\"http://unitsofmeasure.org\",\"code\":\"min\"}")
        + ","
        + item(2, "33361", team)
        + ","
        + item(3, "99213", "")
        + ","
        // 59 tells it from item 2, which it would otherwise repeat exactly (an exact duplicate,
        // denied by duplicate-lines before the team surgery rule could warn of it).
        + item(4, "33361", team59)
        + "]}";
  }

  /**
   * A note had only text: a program reading the response could not tell a {@code
   * DOCUMENTATION_REQUIRED} from a {@code MINUTES_IGNORED} without parsing English. Each note now
   * carries its warning's kind as a coding in an extension, kept by HAPI's parser both ways.
   */
  @Test
  void eachNoteCarriesItsWarningsKindAsACode() {
    org.hl7.fhir.r4.model.Claim fhirClaim = claim(twoKindsOfWarnings());
    ClaimResponse response = FhirClaimPricer.of(MEDICARE).price(fhirClaim, OFFICE);
    List<String> kinds = List.of("MINUTES_IGNORED", "DOCUMENTATION_REQUIRED");
    assertEquals(kinds, kinds(response));
    // Nothing else moves: the same notes, named by the same items.
    assertEquals(List.of(List.of(1), List.of(2), List.of(), List.of(2)), noteNumbers(response));

    IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    String sent = strict.encodeResourceToString(response);
    assertTrue(sent.contains("\"url\":\"" + FhirClaimPricer.WARNING_KIND_EXTENSION + "\""), sent);
    ClaimResponse back = strict.parseResource(ClaimResponse.class, sent);
    assertEquals(kinds, kinds(back));
    assertEquals(texts(response), texts(back));
    assertTrue(response.equalsDeep(back), "the response read back is the one sent");
  }

  /**
   * The README's examples of the setting NA note by place of service: 71046, which has no facility
   * rate, is priced at its non-facility amount with the note at 24 (an ambulatory surgical center),
   * but at 21 its technical component is the hospital's, so the line is denied and no note comes.
   */
  @Test
  void theSettingNaNoteComesWhere71046IsPaidNotWhereItIsDenied() {
    String pos =
        ",\"locationCodeableConcept\":{\"coding\":[{\"system\":\"https://www.cms.gov/Medicare/"
            + "Coding/place-of-service-codes/Place_of_Service_Code_Set\",\"code\":\"%s\"}]}";
    String json =
        HEAD
            + "\"id\":\"na-pos\","
            + "\"type\":{\"coding\":[{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/claim-type\",\"code\":\"professional\"}]},"
            + "\"patient\":{\"reference\":\"Patient/p7\"},"
            + "\"insurer\":{\"reference\":\"Organization/medicare\"},"
            + "\"item\":[%s]}";
    ClaimResponse asc =
        FhirClaimPricer.of(MEDICARE)
            .price(claim(String.format(json, item(1, "71046", String.format(pos, "24")))), OFFICE);
    assertEquals(List.of("SETTING_NOT_AVAILABLE"), kinds(asc));
    assertEquals(
        new BigDecimal("31.23"),
        FhirTest.adjudication(asc.getItem().get(0), "eligible").getAmount().getValue());
    ClaimResponse hospital =
        FhirClaimPricer.of(MEDICARE)
            .price(claim(String.format(json, item(1, "71046", String.format(pos, "21")))), OFFICE);
    assertEquals(List.of(), kinds(hospital));
    assertEquals(
        "NOT_PAYABLE_IN_PLACE",
        FhirTest.adjudication(hospital.getItem().get(0), "eligible")
            .getReason()
            .getCodingFirstRep()
            .getCode());
  }

  /**
   * An item priced at the other setting's amount, because CMS marks the claim's setting NA for its
   * code, said so nowhere in the response, where the command line says {@code setting NA} and
   * cpt-jackson {@code "settingNotAvailable":true}. In the bundled sample 19301 and 22551 have no
   * non-facility rate and 71046 no facility one: each such item names one note, of the command
   * line's words and the code {@code SETTING_NOT_AVAILABLE}, and no amount or outcome moves.
   */
  @Test
  void anItemPricedAtTheOtherSettingSaysSo() {
    String note = "setting NA: priced at the other setting's amount, as CMS publishes it";
    String json =
        HEAD
            + "\"id\":\"na\","
            + "\"type\":{\"coding\":[{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/claim-type\",\"code\":\"professional\"}]},"
            + "\"patient\":{\"reference\":\"Patient/p7\"},"
            + "\"insurer\":{\"reference\":\"Organization/medicare\"},"
            + "\"item\":["
            + item(1, "19301", "")
            + ","
            + item(2, "71046", "")
            + ","
            + item(3, "22551", "")
            + "]}";
    org.hl7.fhir.r4.model.Claim fhirClaim = claim(json);
    PricingContext facility = OFFICE.withSetting(Setting.FACILITY);
    Map<PricingContext, List<List<Integer>>> numbers =
        Map.of(
            OFFICE, List.of(List.of(1), List.of(), List.of(1)),
            facility, List.of(List.of(), List.of(1), List.of()));
    for (PricingContext context : List.of(OFFICE, facility)) {
      ClaimResponse response = FhirClaimPricer.of(MEDICARE).price(fhirClaim, context);
      PricedClaim expected = MEDICARE.price(FhirClaims.toClaim(fhirClaim), context);
      for (int i = 0; i < 3; i++) {
        assertEquals(List.of(), expected.line(i).warnings(), expected::toString);
        assertEquals(
            numbers.get(context).get(i).equals(List.of(1)),
            expected.line(i).result().settingNotAvailable(),
            expected::toString);
        // The note changes no adjudication: each item keeps its amount.
        assertEquals(
            expected.line(i).amountOrThrow(),
            FhirTest.adjudication(response.getItem().get(i), "eligible").getAmount().getValue());
      }
      assertEquals(List.of(note), texts(response));
      assertEquals(List.of("SETTING_NOT_AVAILABLE"), kinds(response));
      assertEquals("SETTING_NOT_AVAILABLE", FhirClaimPricer.SETTING_NOT_AVAILABLE);
      assertEquals(Enumerations.NoteType.DISPLAY, response.getProcessNoteFirstRep().getType());
      assertEquals(numbers.get(context), noteNumbers(response));
      assertEquals(ClaimResponse.RemittanceOutcome.COMPLETE, response.getOutcome());
      assertEquals(expected.total(), total(response, "eligible").getValue());

      IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
      ClaimResponse back =
          strict.parseResource(ClaimResponse.class, strict.encodeResourceToString(response));
      assertTrue(response.equalsDeep(back), "the response read back is the one sent");
    }
  }

  /**
   * Notes were merged by text alone, and a payer's edit words its flags as it likes: a flag worded
   * as the minutes warning of the same line became one note, and the kind of either was lost. Two
   * kinds are two notes, even of one text, both named by the item.
   */
  @Test
  void warningsOfTwoKindsWithOneTextAreTwoNotes() {
    org.hl7.fhir.r4.model.Claim fhirClaim = claim(twoKindsOfWarnings());
    String minutes =
        MEDICARE.price(FhirClaims.toClaim(fhirClaim), OFFICE).line(0).warnings().get(0).message();
    ClaimEdit echo =
        new ClaimEdit() {
          @Override
          public String name() {
            return "payer-echo";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            return List.of(EditFinding.flag("payer-echo", 0, minutes));
          }
        };
    MedicareClaimPricer flagging =
        MedicareClaimPricer.builder(BundledData.medicareFeeSchedule()).addEdit(echo).build();
    ClaimResponse response = FhirClaimPricer.of(flagging).price(fhirClaim, OFFICE);

    assertEquals(3, response.getProcessNote().size(), () -> texts(response).toString());
    assertEquals(List.of(minutes, minutes), texts(response).subList(0, 2));
    assertEquals(Set.of("MINUTES_IGNORED", "EDIT_FLAG"), Set.copyOf(kinds(response).subList(0, 2)));
    assertEquals("DOCUMENTATION_REQUIRED", kinds(response).get(2));
    assertEquals(List.of(List.of(1, 2), List.of(3), List.of(), List.of(3)), noteNumbers(response));
  }

  /** A payer's edit that denies {@code denied} units of every 97110 line, for EDIT_DENIED. */
  private static ClaimEdit unitsCap(String name, int denied) {
    return new ClaimEdit() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<EditFinding> check(Claim claim, PricingContext context) {
        return IntStream.range(0, claim.size())
            .filter(i -> claim.line(i).line().code().toString().equals("97110"))
            .mapToObj(
                i ->
                    EditFinding.builder()
                        .edit(name)
                        .line(i)
                        .action(EditAction.DENY_UNITS)
                        .deniedUnits(denied)
                        .reason(UnpricedReason.EDIT_DENIED)
                        .message("the plan pays one unit of 97110 a day")
                        .build())
            .toList();
      }
    };
  }

  /**
   * An edit that denies some of a line's units lowers its allowed amount: the response showed the
   * lower {@code eligible} (27.99 for the 70.77 of three units) with no reason, note or error, so
   * that nothing said why. The adjudication has the reason {@code UNITS_DENIED} (the line is paid,
   * so no reason of an unpriced line) with the edit's words, and the item a note of them; the claim
   * is still {@code complete}, as for a denied line.
   */
  @Test
  void unitsAnEditDeniedAreTheAdjudicationsReasonAndANote() {
    org.hl7.fhir.r4.model.Claim fhirClaim =
        claim(
            HEAD
                + "\"id\":\"u\","
                + "\"type\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/claim-type\",\"code\":\"professional\"}]},"
                + "\"patient\":{\"reference\":\"Patient/p7\"},"
                + "\"insurer\":{\"reference\":\"Organization/medicare\"},"
                + "\"item\":["
                + item(1, "97110", ",\"quantity\":{\"value\":3},\"net\":{\"value\":300.00}")
                + ","
                + item(2, "99213", "")
                + "]}");
    ClaimResponse plain = FhirClaimPricer.of(MEDICARE).price(fhirClaim, OFFICE);
    assertEquals(new BigDecimal("70.77"), amount(plain.getItem().get(0), "eligible").getValue());
    assertFalse(FhirTest.adjudication(plain.getItem().get(0), "eligible").hasReason());

    MedicareClaimPricer capped =
        MedicareClaimPricer.builder(BundledData.medicareFeeSchedule())
            .addEdit(unitsCap("payer-cap", 2))
            .build();
    ClaimResponse response = FhirClaimPricer.of(capped).price(fhirClaim, OFFICE);
    String words = "2 of 3 units denied: the plan pays one unit of 97110 a day";
    AdjudicationComponent eligible = FhirTest.adjudication(response.getItem().get(0), "eligible");
    assertEquals(new BigDecimal("27.99"), eligible.getAmount().getValue());
    Coding reason = eligible.getReason().getCodingFirstRep();
    assertEquals(FhirClaimPricer.WARNING_KIND, reason.getSystem());
    assertEquals("UNITS_DENIED", reason.getCode());
    assertEquals(words, eligible.getReason().getText());
    assertEquals(List.of(words), texts(response));
    assertEquals(List.of("UNITS_DENIED"), kinds(response));
    assertEquals(List.of(List.of(1), List.of()), noteNumbers(response));
    // The visit beside it is untouched.
    assertFalse(FhirTest.adjudication(response.getItem().get(1), "eligible").hasReason());
    // A denial is an adjudication: complete, and no error for the submitter to correct.
    assertEquals(ClaimResponse.RemittanceOutcome.COMPLETE, response.getOutcome());
    assertFalse(response.hasError());

    IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    ClaimResponse back =
        strict.parseResource(ClaimResponse.class, strict.encodeResourceToString(response));
    assertTrue(response.equalsDeep(back), "the response read back is the one sent");

    // Two edits denying units: the stricter one prices the line, and the reason's text says both.
    MedicareClaimPricer twice =
        MedicareClaimPricer.builder(BundledData.medicareFeeSchedule())
            .addEdit(unitsCap("payer-cap", 2))
            .addEdit(unitsCap("payer-cap-2", 1))
            .build();
    ClaimResponse both = FhirClaimPricer.of(twice).price(fhirClaim, OFFICE);
    AdjudicationComponent bothEligible = FhirTest.adjudication(both.getItem().get(0), "eligible");
    assertEquals(new BigDecimal("27.99"), bothEligible.getAmount().getValue());
    assertEquals("UNITS_DENIED", bothEligible.getReason().getCodingFirstRep().getCode());
    String second =
        "1 of 3 units denied, no more than an earlier finding denied: the plan pays one unit of 97110"
            + " a day";
    assertEquals(words + "; " + second, bothEligible.getReason().getText());
    assertEquals(List.of(words, second), texts(both));
    assertEquals(List.of(List.of(1, 2), List.of()), noteNumbers(both));
  }

  /** The code of each note's warning-kind extension, checking its URL, type and system. */
  private static List<String> kinds(ClaimResponse response) {
    return response.getProcessNote().stream()
        .map(
            note -> {
              assertEquals(1, note.getExtension().size(), "one kind per note");
              Extension kind = note.getExtensionByUrl(FhirClaimPricer.WARNING_KIND_EXTENSION);
              assertTrue(kind != null && kind.getValue() instanceof Coding, () -> "" + kind);
              Coding coding = (Coding) kind.getValue();
              assertEquals(FhirClaimPricer.WARNING_KIND, coding.getSystem());
              return coding.getCode();
            })
        .toList();
  }

  /**
   * Items without dates were priced on the caller's date whatever the claim's {@code
   * billablePeriod} said: a claim for services of 2024-03-05 was paid at the 2025 rates.
   */
  @Test
  void undatedItemsAreOnTheClaimsBillablePeriod() {
    String json = resource("claim-professional.json");
    ClaimResponse lastYear =
        FhirClaimPricer.of(MEDICARE).price(claim(json.replace("2025-06-02", "2024-03-05")), OFFICE);
    for (ClaimResponse.ItemComponent item : lastYear.getItem()) {
      AdjudicationComponent allowed = FhirTest.adjudication(item, "eligible");
      assertFalse(allowed.hasAmount());
      assertEquals("DATE_NOT_COVERED", allowed.getReason().getCodingFirstRep().getCode());
    }

    String week = json.replace("\"end\": \"2025-06-02\"", "\"end\": \"2025-06-06\"");
    FhirMappingException undated =
        assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim(week)));
    assertEquals("Claim.item[0]", undated.path());
    assertTrue(undated.getMessage().contains("runs from 2025-06-02 to 2025-06-06"));
    // A period without an end is ongoing (R4's Period), not one day: undated items of it were
    // priced on its start.
    String ongoing = json.replace(", \"end\": \"2025-06-02\"", "");
    FhirMappingException open =
        assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim(ongoing)));
    assertEquals("Claim.item[0]", open.path());
    assertTrue(
        open.getMessage().contains("billablePeriod starts on 2025-06-02 without an end"),
        open::getMessage);
    // Items with their own dates need nothing of the period.
    String dated =
        week.replace(
            "\"productOrService\"", "\"servicedDate\": \"2025-06-03\", \"productOrService\"");
    assertEquals(
        Optional.of(LocalDate.of(2025, 6, 3)),
        FhirClaims.toClaim(claim(dated)).line(0).dateOfService());
  }

  /**
   * An item dated outside the claim's {@code billablePeriod} was priced on its own date without a
   * word, though R4 says line item dates of service should fall within the billing period when one
   * is given: one of the two dates is wrong, and which is not for cpt4j to guess. A period without
   * an end is ongoing, one without a start open before its end, and a bound of a month or a year
   * holds every day of it.
   */
  @Test
  void anItemDatedOutsideTheBillablePeriodIsRefused() {
    String json = resource("claim-professional.json");
    String outside =
        json.replace("\"sequence\": 2,", "\"sequence\": 2, \"servicedDate\": \"2025-06-03\",");
    FhirMappingException late =
        assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim(outside)));
    assertEquals("Claim.item[1].servicedDate", late.path());
    assertEquals(
        "Claim.item[1].servicedDate: the item's date of service, 2025-06-03, is outside the"
            + " claim's billablePeriod, which runs from 2025-06-02 to 2025-06-02: one of the two"
            + " dates is wrong",
        late.getMessage());
    String early =
        json.replace(
            "\"sequence\": 3,",
            "\"sequence\": 3, \"servicedPeriod\": {\"start\": \"2025-06-01T09:00:00-04:00\","
                + " \"end\": \"2025-06-01T10:00:00-04:00\"},");
    FhirMappingException before =
        assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim(early)));
    assertEquals("Claim.item[2].servicedPeriod", before.path());
    assertTrue(before.getMessage().contains(" 2025-06-01, is outside "), before::getMessage);

    // Of an ongoing period, the dated items alone: an undated one needs a period of one day.
    org.hl7.fhir.r4.model.Claim ongoing = claim(outside.replace(", \"end\": \"2025-06-02\"", ""));
    ongoing.getItem().removeIf(item -> item.getSequence() != 2);
    assertEquals(
        Optional.of(LocalDate.of(2025, 6, 3)), FhirClaims.toClaim(ongoing).line(0).dateOfService());
    org.hl7.fhir.r4.model.Claim earlyOngoing =
        claim(early.replace(", \"end\": \"2025-06-02\"", ""));
    earlyOngoing.getItem().removeIf(item -> item.getSequence() != 3);
    FhirMappingException beforeOngoing =
        assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(earlyOngoing));
    assertTrue(
        beforeOngoing
            .getMessage()
            .endsWith("runs from 2025-06-02, without an end: one of the two" + " dates is wrong"),
        beforeOngoing::getMessage);
    // The dated item alone: an undated one needs a period of one full day.
    org.hl7.fhir.r4.model.Claim june =
        claim(
            outside.replace(
                "{\"start\": \"2025-06-02\", \"end\": \"2025-06-02\"}",
                "{\"start\": \"2025-06\", \"end\": \"2025-06\"}"));
    june.getItem().removeIf(item -> item.getSequence() != 2);
    assertEquals(
        Optional.of(LocalDate.of(2025, 6, 3)), FhirClaims.toClaim(june).line(0).dateOfService());
    june.getItemFirstRep().setServiced(new DateType("2025-07-01"));
    FhirMappingException july =
        assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(june));
    assertTrue(
        july.getMessage()
            .contains(
                "2025-07-01, is outside the claim's billablePeriod, which runs"
                    + " from 2025-06 to 2025-06:"),
        july::getMessage);
  }

  /**
   * A claim none of whose items has an amount was answered with an {@code eligible} total of 0.00,
   * which reads as a claim allowed nothing: the total is left out, as the items' amounts are.
   */
  @Test
  void aClaimWithNoAmountHasNoEligibleTotal() {
    org.hl7.fhir.r4.model.Claim fhirClaim = claim(resource("claim-professional.json"));
    fhirClaim.getItem().removeIf(item -> item.getSequence() < 6);
    ClaimResponse response = FhirClaimPricer.of(MEDICARE).price(fhirClaim, OFFICE);
    assertEquals(List.of(6, 7), unpriced(response));
    assertEquals(ClaimResponse.RemittanceOutcome.PARTIAL, response.getOutcome());
    assertEquals(
        List.of("submitted"),
        response.getTotal().stream()
            .map(total -> total.getCategory().getCodingFirstRep().getCode())
            .toList());
    assertEquals(new BigDecimal("80.00"), total(response, "submitted").getValue());
  }

  /**
   * R4's {@code remittance-outcome} says {@code complete} for "processing has completed without
   * errors" and {@code partial} for "some of the adjudication has been performed": a claim whose
   * lines were all adjudicated, some denied by a payment rule (a column 2 code of an NCCI pair, an
   * E/M visit bundled into the day's procedure), was answered {@code partial}, as if cpt4j had left
   * those lines undecided. The denials keep their adjudications: no amount, the reason.
   */
  @Test
  void aClaimWhoseLinesARuleDeniedIsComplete() {
    ClaimResponse response = ncciPricer().price(claim(outcomeClaim()), OFFICE);
    assertEquals(List.of(2, 3), unpriced(response));
    assertEquals(List.of("NCCI_PTP", "GLOBAL_SURGERY"), reasons(response));
    assertEquals(ClaimResponse.RemittanceOutcome.COMPLETE, response.getOutcome());
    assertFalse(response.hasError());
    // The items have no charges: an eligible total, no submitted one.
    assertEquals(
        List.of("eligible"),
        response.getTotal().stream()
            .map(total -> total.getCategory().getCodingFirstRep().getCode())
            .toList());
  }

  /**
   * A line the schedule leaves to the contractor (20610 with modifier 22: {@code CARRIER_PRICED})
   * is not adjudicated: the claim is {@code partial} for it, and without it {@code complete} again,
   * the denied lines being no part of that.
   */
  @Test
  void aLineLeftToTheContractorMakesTheClaimPartial() {
    String json = outcomeClaim(item(5, "20610", modifiers("22")));
    ClaimResponse response = ncciPricer().price(claim(json), OFFICE);
    assertEquals(List.of(2, 3, 5), unpriced(response));
    assertEquals(List.of("NCCI_PTP", "GLOBAL_SURGERY", "CARRIER_PRICED"), reasons(response));
    assertEquals(ClaimResponse.RemittanceOutcome.PARTIAL, response.getOutcome());
    // Not adjudicated is no error in the claim.
    assertFalse(response.hasError());

    ClaimResponse without = ncciPricer().price(claim(outcomeClaim()), OFFICE);
    assertEquals(ClaimResponse.RemittanceOutcome.COMPLETE, without.getOutcome());
  }

  /**
   * A line that cannot be priced as billed (26 on 20610, whose PC/TC indicator forbids it; an
   * anesthesia service paid by time without minutes) is an error in the claim: R4's {@code error}
   * outcome ("one or more errors have been detected in the Claim"), whatever the other lines are,
   * and an {@code error} entry per such line, by its sequence, with the reason its adjudication
   * has. Before, the claim was {@code partial} and had no {@code error}.
   */
  @Test
  void aLineThatCannotBePricedAsBilledIsAnError() {
    // Listed before the others and out of order: the error names its item by the item's sequence.
    String json =
        outcomeClaim(item(5, "20610", modifiers("22")))
            .replace("\"item\":[", "\"item\":[" + item(6, "20610", modifiers("26")) + ",");
    ClaimResponse response = ncciPricer().price(claim(json), OFFICE);
    assertEquals(List.of(2, 3, 5, 6), unpriced(response));
    assertEquals(
        List.of("NCCI_PTP", "GLOBAL_SURGERY", "CARRIER_PRICED", "MODIFIER_NOT_ALLOWED"),
        reasons(response));
    assertEquals(ClaimResponse.RemittanceOutcome.ERROR, response.getOutcome());
    assertErrors(response, List.of(6), List.of("MODIFIER_NOT_ALLOWED"));

    // The anesthesia line without its minutes, and no line left to the contractor: an error too.
    ClaimResponse untimed = ncciPricer().price(claim(outcomeClaim().replace(MINUTES, "")), OFFICE);
    assertEquals(List.of(2, 3, 4), unpriced(untimed));
    assertEquals(ClaimResponse.RemittanceOutcome.ERROR, untimed.getOutcome());
    assertErrors(untimed, List.of(4), List.of("NO_ANESTHESIA_TIME"));
  }

  /**
   * The response's errors are those of the items {@code sequences}, with reasons {@code codes},
   * each as the item's adjudication says it (code and detail), and read back as sent.
   */
  private static void assertErrors(
      ClaimResponse response, List<Integer> sequences, List<String> codes) {
    assertEquals(
        sequences,
        response.getError().stream().map(ClaimResponse.ErrorComponent::getItemSequence).toList());
    assertEquals(
        codes,
        response.getError().stream()
            .map(error -> error.getCode().getCodingFirstRep().getCode())
            .toList());
    for (ClaimResponse.ErrorComponent error : response.getError()) {
      ClaimResponse.ItemComponent item =
          response.getItem().stream()
              .filter(i -> i.getItemSequence() == error.getItemSequence())
              .findFirst()
              .orElseThrow();
      CodeableConcept reason = FhirTest.adjudication(item, "eligible").getReason();
      assertTrue(reason.equalsDeep(error.getCode()), () -> error.getCode().getText());
      assertEquals(
          FhirClaimPricer.UNPRICED_REASON, error.getCode().getCodingFirstRep().getSystem());
      assertFalse(error.getCode().getText().isBlank());
      assertFalse(error.hasDetailSequence());
    }
    IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    ClaimResponse back =
        strict.parseResource(ClaimResponse.class, strict.encodeResourceToString(response));
    assertTrue(response.equalsDeep(back), "the response read back is the one sent");
  }

  /** 95 anesthesia minutes, as an item's quantity. */
  private static final String MINUTES =
      ",\"quantity\":{\"value\":95,\"system\":\"http://unitsofmeasure.org\",\"code\":\"min\"}";

  /**
   * A claim of four items on one day: 20610, a priced procedure; 97110, the column 2 code of a PTP
   * pair with it (denied, {@code NCCI_PTP}, by {@link #ncciPricer}); 99214 without modifier 25, in
   * the procedure's global package ({@code GLOBAL_SURGERY}); and 00790-AA for {@link #MINUTES},
   * priced. {@code more} items follow.
   */
  private static String outcomeClaim(String... more) {
    StringBuilder items = new StringBuilder();
    for (String item : more) {
      items.append(',').append(item);
    }
    return HEAD
        + "\"id\":\"o\","
        + "\"type\":{\"coding\":[{\"system\":"
        + "\"http://terminology.hl7.org/CodeSystem/claim-type\",\"code\":\"professional\"}]},"
        + "\"patient\":{\"reference\":\"Patient/p7\"},"
        + "\"insurer\":{\"reference\":\"Organization/medicare\"},"
        + "\"item\":["
        + item(1, "20610", "")
        + ","
        + item(2, "97110", modifiers("GP"))
        + ","
        + item(3, "99214", "")
        + ","
        + item(4, "00790", modifiers("AA") + MINUTES)
        + items
        + "]}";
  }

  private static String modifiers(String... codes) {
    StringBuilder out = new StringBuilder(",\"modifier\":[");
    for (int i = 0; i < codes.length; i++) {
      out.append(i == 0 ? "" : ",")
          .append("{\"coding\":[{\"code\":\"")
          .append(codes[i])
          .append("\"}]}");
    }
    return out.append(']').toString();
  }

  /** The bundled schedule's claim pricer with one NCCI pair: 97110 is column 2 of 20610. */
  private static FhirClaimPricer ncciPricer() {
    PtpTable ptp =
        PtpTable.builder()
            .add(
                new PtpEdit(
                    ProcedureCode.parse("20610"),
                    ProcedureCode.parse("97110"),
                    false,
                    LocalDate.of(2020, 1, 1),
                    Optional.empty(),
                    PtpModifierIndicator.of('0'),
                    "test: not billed together"))
            .build();
    return FhirClaimPricer.of(
        MedicareClaimPricer.builder(BundledData.medicareFeeSchedule())
            .addEdit(PtpClaimEdit.of(ptp))
            .build());
  }

  /** The reason codes of the unpriced items, in item order. */
  private static List<String> reasons(ClaimResponse response) {
    return response.getItem().stream()
        .map(item -> FhirTest.adjudication(item, "eligible"))
        .filter(eligible -> !eligible.hasAmount())
        .map(eligible -> eligible.getReason().getCodingFirstRep().getCode())
        .toList();
  }

  private static final String HEAD =
      "{\"resourceType\":\"Claim\",\"status\":\"active\",\"use\":\"claim\",";
  private static final String CPT =
      "\"productOrService\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":";

  private static String item(int sequence, String code, String extra) {
    return "{\"sequence\":" + sequence + "," + CPT + "\"" + code + "\"}]}" + extra + "}";
  }

  /**
   * Each hostile claim is refused at the FHIR path of what is wrong. A modifier extension (one that
   * changes what its element means, such as "not billed") was ignored and the claim priced.
   */
  @Test
  void hostileClaimsAreRefusedAtTheirPath() {
    String ok = item(1, "99213", "");
    Map<String, String> paths =
        Map.ofEntries(
            Map.entry(HEAD + "\"id\":\"a\"}", "Claim.item"),
            Map.entry(
                HEAD + "\"item\":[" + ok + ",{\"sequence\":2}]}", "Claim.item[1].productOrService"),
            Map.entry(
                HEAD + "\"item\":[" + ok + "," + item(0, "99213", "") + "]}",
                "Claim.item[1].sequence"),
            Map.entry(
                HEAD + "\"item\":[" + ok + "," + item(-2, "99213", "") + "]}",
                "Claim.item[1].sequence"),
            Map.entry(HEAD + "\"item\":[" + ok + "," + ok + "]}", "Claim.item[1].sequence"),
            Map.entry(
                HEAD
                    + "\"item\":["
                    + ok
                    + ","
                    + item(2, "97110", ",\"quantity\":{\"value\":0}")
                    + "]}",
                "Claim.item[1].quantity.value"),
            Map.entry(
                HEAD + "\"item\":[" + item(1, "97110", ",\"quantity\":{\"value\":1.5}") + "]}",
                "Claim.item[0].quantity.value"),
            Map.entry(
                HEAD + "\"item\":[" + item(1, "97110", ",\"quantity\":{\"value\":-3}") + "]}",
                "Claim.item[0].quantity.value"),
            Map.entry(
                HEAD
                    + "\"item\":["
                    + item(1, "99213", ",\"net\":{\"value\":90,\"currency\":\"EUR\"}")
                    + "]}",
                "Claim.item[0].net.currency"),
            Map.entry(
                HEAD
                    + "\"item\":[{\"sequence\":1,\"productOrService\":{\"coding\":[{\"system\":"
                    + "\"http://hl7.org/fhir/sid/ndc\",\"code\":\"0002-8215-01\"}]}}]}",
                "Claim.item[0].productOrService"),
            Map.entry(
                HEAD
                    + "\"modifierExtension\":[{\"url\":\"http://example.org/void\",\"valueBoolean\":true}],"
                    + "\"item\":["
                    + ok
                    + "]}",
                "Claim.modifierExtension[0]"),
            Map.entry(
                HEAD
                    + "\"item\":["
                    + ok
                    + ","
                    + item(
                        2,
                        "20610",
                        ",\"modifierExtension\":[{\"url\":\"http://example.org/not-billed\","
                            + "\"valueBoolean\":true}]")
                    + "]}",
                "Claim.item[1].modifierExtension[0]"));
    paths.forEach(
        (json, path) -> {
          FhirMappingException e =
              assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim(json)), json);
          assertEquals(path, e.path(), json);
          assertTrue(e.getMessage().startsWith(path + ": "), e.getMessage());
        });
  }

  /** A modifier extension without a url was quoted as one whose url is 'null'. */
  @Test
  void aModifierExtensionWithoutAUrlIsSaidToHaveNone() {
    org.hl7.fhir.r4.model.Claim claim = claim(HEAD + "\"item\":[" + item(1, "99213", "") + "]}");
    claim.getItemFirstRep().addModifierExtension().setValue(new BooleanType(true));
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim));
    assertEquals(
        "Claim.item[0].modifierExtension[0]: cpt4j does not know the modifier extension without a"
            + " url, which changes what Claim.item[0] means: it cannot be priced as if it were"
            + " absent",
        e.getMessage());
  }

  /** One whose url is the empty string was quoted as {@code ''}: it has no url either. */
  @Test
  void aModifierExtensionOfAnEmptyUrlIsSaidToHaveNone() {
    org.hl7.fhir.r4.model.Claim claim = claim(HEAD + "\"item\":[" + item(1, "99213", "") + "]}");
    claim.getItemFirstRep().addModifierExtension().setUrl("").setValue(new BooleanType(true));
    FhirMappingException e =
        assertThrows(FhirMappingException.class, () -> FhirClaims.toClaim(claim));
    assertEquals(
        "Claim.item[0].modifierExtension[0]: cpt4j does not know the modifier extension without a"
            + " url, which changes what Claim.item[0] means: it cannot be priced as if it were"
            + " absent",
        e.getMessage());
  }

  private static void assertDollars(Money money) {
    assertEquals("USD", money.getCurrency());
    assertEquals(2, money.getValue().scale(), money.getValue().toPlainString());
  }

  private static List<Integer> unpriced(ClaimResponse response) {
    return response.getItem().stream()
        .filter(item -> !FhirTest.adjudication(item, "eligible").hasAmount())
        .map(ClaimResponse.ItemComponent::getItemSequence)
        .toList();
  }

  /**
   * A payer's edit may flag a line without words: its note had no {@code text}, which R4 requires
   * (HAPI writes an empty string as none). The note names the warning's kind and the edit instead.
   */
  @Test
  void aWarningWithoutWordsIsNotedByItsKindAndEdit() {
    ClaimEdit silent =
        new ClaimEdit() {
          @Override
          public String name() {
            return "payer-flag";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            return List.of(
                EditFinding.flag("payer-flag", 0, ""), EditFinding.flag("payer-flag", 1, " "));
          }
        };
    MedicareClaimPricer flagging =
        MedicareClaimPricer.builder(BundledData.medicareFeeSchedule()).addEdit(silent).build();
    org.hl7.fhir.r4.model.Claim fhirClaim = claim(resource("claim-professional.json"));
    fhirClaim.getItem().removeIf(item -> item.getSequence() > 2);
    ClaimResponse response = FhirClaimPricer.of(flagging).price(fhirClaim, OFFICE);
    assertEquals(List.of("EDIT_FLAG (payer-flag)"), texts(response));
    assertEquals(List.of(List.of(1), List.of(1)), noteNumbers(response));
    IParser strict = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    ClaimResponse back =
        strict.parseResource(ClaimResponse.class, strict.encodeResourceToString(response));
    assertTrue(response.equalsDeep(back), "the response read back is the one sent");
    assertEquals("EDIT_FLAG (payer-flag)", back.getProcessNoteFirstRep().getText());
    assertEquals(List.of("EDIT_FLAG"), kinds(back));
  }

  private static List<String> texts(ClaimResponse response) {
    return response.getProcessNote().stream().map(ClaimResponse.NoteComponent::getText).toList();
  }

  private static List<List<Integer>> noteNumbers(ClaimResponse response) {
    return response.getItem().stream()
        .map(item -> item.getNoteNumber().stream().map(PositiveIntType::getValue).toList())
        .toList();
  }

  private static Money amount(ClaimResponse.ItemComponent item, String category) {
    return FhirTest.adjudication(item, category).getAmount();
  }

  private static Money total(ClaimResponse response, String category) {
    return response.getTotal().stream()
        .filter(t -> t.getCategory().getCodingFirstRep().getCode().equals(category))
        .findFirst()
        .orElseThrow()
        .getAmount();
  }
}
