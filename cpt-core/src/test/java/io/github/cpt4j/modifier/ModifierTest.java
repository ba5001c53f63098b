package io.github.cpt4j.modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModifierTest {

  @Test
  void everyModifierRoundTripsAndIsInterned() {
    for (int i = 0; i < Modifier.COUNT; i++) {
      Modifier modifier = Modifier.ofOrdinal(i);
      String text = modifier.toString();
      assertTrue(text.matches("[0-9A-Z]{2}"), text);
      assertSame(modifier, Modifier.parse(text));
      assertSame(modifier, Modifier.parseLenient(text.toLowerCase(Locale.ROOT), 0, 2));
      assertEquals(i, modifier.ordinal());
      if (i > 0) {
        assertTrue(Modifier.ofOrdinal(i - 1).toString().compareTo(text) < 0);
        assertTrue(Modifier.ofOrdinal(i - 1).compareTo(modifier) < 0);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''    | EMPTY             | 0",
        "2     | WRONG_LENGTH      | 1",
        "265   | WRONG_LENGTH      | 2",
        "rt    | LOWER_CASE        | 0",
        "Rt    | LOWER_CASE        | 1",
        "2-    | ILLEGAL_CHARACTER | 1",
        // Blanks around a modifier are that, as the code parsers say, not a wrong length.
        "' 2'  | SURROUNDING_WHITESPACE | 0",
        "' 26' | SURROUNDING_WHITESPACE | 0",
        "'26 ' | SURROUNDING_WHITESPACE | 2",
        "'26  ' | SURROUNDING_WHITESPACE | 2",
        "'26\u00a0' | SURROUNDING_WHITESPACE | 2",
        // Trailing blanks after what is no modifier: its own first error, which comes before them.
        "'!6 ' | ILLEGAL_CHARACTER | 0",
        "'\u00e96 ' | ILLEGAL_CHARACTER | 0",
        "'r6\t' | LOWER_CASE | 0",
        "'2 '  | WRONG_LENGTH | 1",
        "'265 ' | WRONG_LENGTH | 2",
        "'2-\u00a0' | ILLEGAL_CHARACTER | 1",
        "\u0662\u0666 | ILLEGAL_CHARACTER | 0",
        "2\uff16 | ILLEGAL_CHARACTER | 1",
      })
  void rejectsWithTypeAndIndex(String text, ErrorType type, int index) {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> Modifier.parse(text));
    assertEquals(type, e.errorType(), e::getMessage);
    assertEquals(index, e.errorIndex(), e::getMessage);
    assertFalse(Modifier.isValid(text));
    assertEquals(Optional.empty(), Modifier.tryParse(text));
  }

  @ParameterizedTest
  @CsvSource({
    "25, CPT",
    "26, CPT",
    "59, CPT",
    "63, CPT",
    "92, CPT",
    "99, CPT",
    "P1, ANESTHESIA_PHYSICAL_STATUS",
    "P6, ANESTHESIA_PHYSICAL_STATUS",
    "1P, CATEGORY_II",
    "8P, CATEGORY_II",
    "TC, HCPCS_LEVEL_II",
    "RT, HCPCS_LEVEL_II",
    "XS, HCPCS_LEVEL_II",
    "FA, HCPCS_LEVEL_II",
    "T9, HCPCS_LEVEL_II",
    "E4, HCPCS_LEVEL_II",
    "RI, HCPCS_LEVEL_II",
    "JZ, HCPCS_LEVEL_II",
    "QZ, HCPCS_LEVEL_II",
  })
  void knowsTheKindOfKnownModifiers(String text, ModifierKind kind) {
    Modifier modifier = Modifier.parse(text);
    assertTrue(modifier.isKnown());
    ModifierInfo info = modifier.info().orElseThrow();
    assertSame(modifier, info.modifier());
    assertEquals(kind, info.kind());
    assertFalse(info.description().isBlank());
  }

  @Test
  void unknownButWellFormedModifiersAreAllowed() {
    for (String text : List.of("00", "ZZ", "P7", "P9", "4P")) {
      Modifier modifier = Modifier.parse(text);
      assertFalse(modifier.isKnown(), text);
      assertEquals(Optional.empty(), modifier.info());
    }
  }

  @Test
  void standardRegistryHoldsEveryDocumentedModifier() {
    ModifierRegistry registry = ModifierRegistry.standard();
    assertEquals(
        codes(
            "22 23 24 25 26 27 32 33 47 50 51 52 53 54 55 56 57 58 59 62 63 66 73 74 76 "
                + "77 78 79 80 81 82 90 91 92 93 95 96 97 99"),
        kinds(registry, ModifierKind.CPT));
    assertEquals(
        codes("P1 P2 P3 P4 P5 P6"), kinds(registry, ModifierKind.ANESTHESIA_PHYSICAL_STATUS));
    assertEquals(codes("1P 2P 3P 8P"), kinds(registry, ModifierKind.CATEGORY_II));
    assertEquals(
        codes(
            "LT RT TC XE XS XP XU AS FX FY CT CQ CO FT FS GT GA GY GZ KX AA AD QK QX QY QZ QS G8 G9 "
                + "F1 F2 F3 F4 F5 F6 F7 F8 F9 FA T1 T2 T3 T4 T5 T6 T7 T8 T9 TA E1 E2 E3 E4 "
                + "LC LD LM RC RI JW JZ JG TB GX AI CR PT Q0 Q1 GC GE Q5 Q6 GV GW Q7 Q8 Q9 GP GO GN QW "
                + "NU UE RR KH KI KJ KE KU KC KF KM KN AU AV AW QE QA QG QR QF QB "
                + "SA SB AQ AT FQ FR ET SC CS PD PI PS UN UP UQ UR US PO PN ER KS RA RB EA EB EC "
                + "X1 X2 X3 X4 X5"),
        kinds(registry, ModifierKind.HCPCS_LEVEL_II));
    assertEquals(39 + 6 + 4 + 133, registry.all().size());
    assertEquals("ModifierRegistry[182 modifiers]", registry.toString());
    // In modifier order, each description distinct (none copied from another by mistake).
    assertTrue(
        registry.all().stream()
            .map(ModifierInfo::modifier)
            .collect(ImmutableList.toImmutableList())
            .equals(
                registry.all().stream()
                    .map(ModifierInfo::modifier)
                    .sorted()
                    .collect(ImmutableList.toImmutableList())));
    assertEquals(
        registry.all().size(),
        registry.all().stream().map(ModifierInfo::description).distinct().count());
  }

  /**
   * Modifiers common on professional and supplier claims that {@code cpt validate --rules} once
   * called unknown: portable X-ray transport (UN-US), off-campus hospital departments (PO, PN, ER),
   * who furnished the service (SA, SB, AQ, AT), audio-only and virtual supervision (FQ, FR),
   * coverage (ET, SC, CS), PET (PI, PS), supplies (KS, RA, RB), anemia drugs (EA-EC) and the class
   * findings of routine foot care (Q7, Q8, Q9: Benefit Policy Manual ch. 15 §290). None changes the
   * fee schedule amount in this library (PD, the 3-day payment window, does: {@code
   * PaymentEffect.PAYMENT_WINDOW}).
   */
  @ParameterizedTest
  @CsvSource({
    "UN", "UP", "UQ", "UR", "US", "PO", "PN", "ER", "SA", "SB", "AQ", "AT", "FQ", "FR", "ET", "SC",
    "CS", "PI", "PS", "KS", "RA", "RB", "EA", "EB", "EC", "Q7", "Q8", "Q9"
  })
  void commonClaimModifiersAreKnownWithoutAPaymentEffect(String text) {
    Modifier modifier = Modifier.parse(text);
    assertTrue(modifier.isKnown(), text);
    ModifierInfo info = modifier.info().orElseThrow();
    assertEquals(ModifierKind.HCPCS_LEVEL_II, info.kind(), text);
    assertEquals(PaymentEffect.NONE, info.paymentEffect(), text);
    assertEquals(PaymentEffect.NONE, ModifierRegistry.standard().paymentEffect(modifier), text);
  }

  @Test
  void portableXRayModifiersCountTwoToSixOrMorePatients() {
    List<String> patients = List.of("two", "three", "four", "five", "six or more");
    List<String> modifiers = List.of("UN", "UP", "UQ", "UR", "US");
    for (int i = 0; i < modifiers.size(); i++) {
      String description = Modifier.parse(modifiers.get(i)).info().orElseThrow().description();
      assertTrue(description.contains(" " + patients.get(i) + " patients "), description);
    }
  }

  /**
   * The descriptions are the project's own plain words, never the AMA's CPT descriptors or CMS's
   * descriptor text (which the project may not ship, not even in a test, so the test cannot hold
   * them): none carries a copyright notice or a trademark sign, none is written in the upper case
   * the code and modifier files use, each is one short line in sentence case.
   */
  @Test
  void descriptionsAreThePlainWordsOfThisProject() {
    for (ModifierInfo info : ModifierRegistry.standard().all()) {
      String d = info.description();
      String where = info.modifier() + ": " + d;
      assertFalse(
          d.matches("(?is).*\\b(ama|american medical association|copyright|rights reserved)\\b.*"),
          where);
      assertFalse(d.matches(".*[\u00a9\u00ae\u2122].*"), where);
      assertFalse(d.equals(d.toUpperCase(Locale.ROOT)), where);
      assertTrue(d.length() <= 110, where);
      assertFalse(d.contains("\n") || d.contains("\t") || d.contains("  "), where);
      assertTrue(Character.isUpperCase(d.charAt(0)) || Character.isDigit(d.charAt(0)), where);
      assertFalse(d.endsWith(".") || d.endsWith(" "), where);
    }
  }

  /**
   * The anatomical modifiers (fingers, toes, eyelids, coronary arteries) are named in this
   * project's words, not in the shape of CMS's descriptors: a side and a hand or foot then the
   * digit, a position then the eyelid, a vessel then "coronary artery". The patterns are short keys
   * of that shape, not descriptor text.
   */
  @Test
  void anatomicalModifiersAreNotNamedInTheShapeOfCmsDescriptors() {
    List<Pattern> cmsShapes =
        List.of(
            Pattern.compile("(?i)^(left|right) (hand|foot)\\b"),
            Pattern.compile("(?i)\\b(second|third|fourth|fifth) digit\\b"),
            Pattern.compile("(?i)^(upper|lower),? (left|right)\\b"),
            Pattern.compile("(?i)\\bcoronary artery$"));
    Set<String> anatomical =
        codes(
            "F1 F2 F3 F4 F5 F6 F7 F8 F9 FA T1 T2 T3 T4 T5 T6 T7 T8 T9 TA E1 E2 E3 E4 "
                + "LC LD LM RC RI");
    List<String> cmsShaped = new ArrayList<>();
    for (String m : anatomical) {
      String description = Modifier.parse(m).info().orElseThrow().description();
      if (cmsShapes.stream().anyMatch(p -> p.matcher(description).find())) {
        cmsShaped.add(m + ": " + description);
      }
    }
    assertEquals(29, anatomical.size());
    assertEquals(List.of(), cmsShaped);
  }

  @Test
  void monitoredAnesthesiaCareModifiersTheAnesthesiaScheduleNotesAreKnown() {
    // The anesthesia schedule notes QS, G8 and G9 as informational: the registry knows them, so
    // that a rule check does not call a correct anesthesia line's modifier unknown.
    for (String m : List.of("QS", "G8", "G9")) {
      assertTrue(Modifier.parse(m).isKnown(), m);
      assertEquals(
          PaymentEffect.NONE, ModifierRegistry.standard().paymentEffect(Modifier.parse(m)), m);
    }
  }

  @Test
  void everyModifierThePricersReadOrTheDmeposFileKeysIsKnown() {
    // A line the Part B pricers price by its modifier must not be told its modifier is unknown
    // by the rule check (cpt validate --rules, the claim pricer's warnings).
    List<Modifier> read =
        List.of(
            DmeposFeeSchedule.RENTAL,
            DmeposFeeSchedule.CAPPED_RENTAL_LATER_MONTHS,
            ClfsFeeSchedule.WAIVED_TEST,
            ClfsFeeSchedule.REFERENCE_LABORATORY,
            ClfsFeeSchedule.REPEAT_TEST,
            AspFeeSchedule.DISCARDED,
            AspFeeSchedule.NONE_DISCARDED);
    for (Modifier m : read) {
      assertTrue(m.isKnown(), m.toString());
    }
    // The anesthesia schedule's teaching physician, the DMEPOS pricer's oxygen flow rates, and
    // every Mod and Mod2 of CMS's January 2025 DMEPOS fee schedule file.
    for (String m : codes("GC QE QA QG QR QF QB RR NU UE KU KE KF KM KN AW KC AU AV TB GP GO GN")) {
      assertTrue(Modifier.parse(m).isKnown(), m);
    }
  }

  private static Set<String> codes(String spaceSeparated) {
    return new HashSet<>(List.of(spaceSeparated.split(" ")));
  }

  private static Set<String> kinds(ModifierRegistry registry, ModifierKind kind) {
    return registry.ofKind(kind).stream()
        .map(info -> info.modifier().toString())
        .collect(Collectors.toSet());
  }

  @Test
  void customRegistryRejectsDuplicates() {
    ModifierInfo payer =
        ModifierInfo.of(
            Modifier.parse("P7"), ModifierKind.HCPCS_LEVEL_II, "Made-up payer modifier");
    ModifierRegistry registry = ModifierRegistry.of(List.of(payer));
    assertEquals(Optional.of(payer), registry.lookup(Modifier.parse("P7")));
    assertFalse(registry.isKnown(Modifier.SEPARATE_EM));
    assertThrows(IllegalArgumentException.class, () -> ModifierRegistry.of(List.of(payer, payer)));
    // Where: the indexes of both, as a null info is named by its index.
    List<ModifierInfo> standardPlusPayer = new ArrayList<>(ModifierRegistry.standard().all());
    standardPlusPayer.add(payer);
    standardPlusPayer.add(Modifier.PROFESSIONAL_COMPONENT.info().orElseThrow());
    int first =
        ModifierRegistry.standard().all().indexOf(Modifier.PROFESSIONAL_COMPONENT.info().get());
    IllegalArgumentException twice =
        assertThrows(IllegalArgumentException.class, () -> ModifierRegistry.of(standardPlusPayer));
    assertEquals(
        "modifier 26 is described twice: info at index "
            + first
            + " and info at index "
            + (standardPlusPayer.size() - 1),
        twice.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ModifierInfo.of(Modifier.parse("P7"), ModifierKind.CPT, " "));
  }

  /**
   * A description is one line of words, as a code's is: blank to the parsers (a no-break space
   * alone) or broken over lines, it would print as an empty or torn row of {@code cpt modifiers}.
   */
  @Test
  void aDescriptionIsOneLineThatIsNotBlank() {
    Modifier p7 = Modifier.parse("P7");
    IllegalArgumentException noBreakSpace =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModifierInfo.of(p7, ModifierKind.HCPCS_LEVEL_II, "\u00a0"));
    // Worded as a code's description and a fee schedule's name are (OneLine.problemOf).
    assertEquals("the description of modifier P7 is blank", noBreakSpace.getMessage());
    IllegalArgumentException twoLines =
        assertThrows(
            IllegalArgumentException.class,
            () -> ModifierInfo.of(p7, ModifierKind.HCPCS_LEVEL_II, "Made-up\nmodifier"));
    assertEquals(
        "the description of modifier P7 contains control character U+000A at index 7",
        twoLines.getMessage());
    assertEquals(
        "the description of modifier P7 contains line separator U+2028 at index 7",
        assertThrows(
                IllegalArgumentException.class,
                () -> ModifierInfo.of(p7, ModifierKind.HCPCS_LEVEL_II, "Made-up\u2028modifier"))
            .getMessage());
    assertEquals(
        "Made-up payer modifier, ninety-nine % paid",
        ModifierInfo.of(
                p7, ModifierKind.HCPCS_LEVEL_II, "Made-up payer modifier, ninety-nine % paid")
            .description());
  }

  @Test
  void constantsAreTheModifiersTheySayTheyAre() {
    assertEquals("26", Modifier.PROFESSIONAL_COMPONENT.toString());
    assertEquals("TC", Modifier.TECHNICAL_COMPONENT.toString());
    assertEquals("59", Modifier.DISTINCT_SERVICE.toString());
    assertEquals("AS", Modifier.NON_PHYSICIAN_ASSISTANT.toString());
  }

  @Test
  void equalsAndHashCode() {
    new EqualsTester()
        .addEqualityGroup(
            Modifier.parse("26"),
            Modifier.PROFESSIONAL_COMPONENT,
            Modifier.tryParse("26").orElseThrow(),
            Modifier.parseLenient("x26", 1, 3))
        .addEqualityGroup(Modifier.parse("TC"), Modifier.parseLenient("tc", 0, 2))
        .addEqualityGroup(Modifier.parse("00"), Modifier.ofOrdinal(0))
        .addEqualityGroup(Modifier.parse("ZZ"), Modifier.ofOrdinal(Modifier.COUNT - 1))
        .testEquals();
    ModifierInfo info = Modifier.parse("26").info().orElseThrow();
    new EqualsTester()
        .addEqualityGroup(info, ModifierInfo.of(info.modifier(), info.kind(), info.description()))
        .addEqualityGroup(ModifierInfo.of(info.modifier(), ModifierKind.HCPCS_LEVEL_II, "x"))
        .addEqualityGroup(ModifierInfo.of(info.modifier(), info.kind(), "x"))
        .addEqualityGroup(ModifierInfo.of(Modifier.parse("27"), info.kind(), "x"))
        .addEqualityGroup(
            info.withPaymentEffect(PaymentEffect.BILATERAL),
            ModifierInfo.of(info.modifier(), info.kind(), info.description())
                .withPaymentEffect(PaymentEffect.BILATERAL))
        .testEquals();
  }

  /**
   * Infos that differ only in their payment effect are unequal, so their text tells them apart: a
   * payer's registry that gives a modifier another effect than the standard one printed the same.
   */
  @Test
  void toStringNamesThePaymentEffectThatEqualsCompares() {
    ModifierInfo plain = ModifierInfo.of(Modifier.parse("P7"), ModifierKind.CPT, "Made up");
    ModifierInfo bilateral = plain.withPaymentEffect(PaymentEffect.BILATERAL);
    assertNotEquals(plain, bilateral);
    assertEquals("P7 (CPT): Made up", plain.toString());
    assertEquals("P7 (CPT, BILATERAL): Made up", bilateral.toString());
    assertEquals(plain.toString(), bilateral.withPaymentEffect(PaymentEffect.NONE).toString());
    assertTrue(
        Modifier.BILATERAL.info().orElseThrow().toString().startsWith("50 (CPT, BILATERAL): "));
  }

  @Test
  void theNeverThrowingMethodsTakeNullAndValueOfParsesStrictly() {
    assertFalse(Modifier.isValid(null));
    assertEquals(Optional.empty(), Modifier.tryParse(null));
    assertEquals(Modifier.TECHNICAL_COMPONENT, Modifier.valueOf("TC"));
    assertThrows(CodeFormatException.class, () -> Modifier.valueOf("tc"));
  }

  @Test
  void nullsAreRejected() throws NoSuchMethodException {
    NullPointerTester tester =
        new NullPointerTester()
            // Documented to never throw: null is simply not a modifier.
            .ignore(Modifier.class.getMethod("tryParse", CharSequence.class))
            .ignore(Modifier.class.getMethod("isValid", CharSequence.class))
            .setDefault(Modifier.class, Modifier.SEPARATE_EM)
            .setDefault(ModifierInfo.class, Modifier.SEPARATE_EM.info().orElseThrow());
    tester.testAllPublicStaticMethods(Modifier.class);
    tester.testAllPublicInstanceMethods(Modifier.SEPARATE_EM);
    tester.testAllPublicStaticMethods(ModifierInfo.class);
    tester.testAllPublicInstanceMethods(Modifier.SEPARATE_EM.info().orElseThrow());
    tester.testAllPublicStaticMethods(ModifierRegistry.class);
    tester.testAllPublicInstanceMethods(ModifierRegistry.standard());
  }

  @Test
  void parseLenientChecksItsSlice() {
    assertThrows(IndexOutOfBoundsException.class, () -> Modifier.parseLenient("26", 1, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> Modifier.parseLenient("26", 2, 1));
    CodeFormatException e =
        assertThrows(CodeFormatException.class, () -> Modifier.parseLenient("99213-2!", 6, 8));
    assertEquals(ErrorType.ILLEGAL_CHARACTER, e.errorType());
    assertEquals(7, e.errorIndex());
  }

  /** Lower case is allowed here, so it is never the error: the error is what is wrong. */
  @Test
  void parseLenientPointsPastLowerCaseAtTheRealProblem() {
    CodeFormatException bad =
        assertThrows(CodeFormatException.class, () -> Modifier.parseLenient("99213-r!", 6, 8));
    assertEquals(ErrorType.ILLEGAL_CHARACTER, bad.errorType());
    assertEquals(7, bad.errorIndex());
    CodeFormatException tooLong =
        assertThrows(CodeFormatException.class, () -> Modifier.parseLenient("rtx", 0, 3));
    assertEquals(ErrorType.WRONG_LENGTH, tooLong.errorType());
    assertEquals(2, tooLong.errorIndex());
    CodeFormatException strict =
        assertThrows(CodeFormatException.class, () -> Modifier.parse("r!"));
    assertEquals(ErrorType.LOWER_CASE, strict.errorType());
    assertEquals(0, strict.errorIndex());
  }
}
