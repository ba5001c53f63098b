package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the code parsers and of the order. */
class ProcedureCodeProperties {

  @Provide
  Arbitrary<CptCode> fiveDigit() {
    return CodeArbitraries.fiveDigitCodes();
  }

  @Provide
  Arbitrary<CptCode> suffixed() {
    return CodeArbitraries.suffixedCodes();
  }

  @Provide
  Arbitrary<HcpcsCode> levelTwo() {
    return CodeArbitraries.hcpcsCodes();
  }

  @Provide
  Arbitrary<ProcedureCode> codes() {
    return CodeArbitraries.procedureCodes();
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        CodeArbitraries.codeLikeStrings(),
        CodeArbitraries.procedureCodes().map(ProcedureCode::toString));
  }

  // --- round trips, one property per shape -------------------------------------------------

  @Property
  void fiveDigitCodesRoundTrip(@ForAll("fiveDigit") CptCode code) {
    String text = code.toString();
    assertTrue(text.matches("[0-9]{5}"), text);
    assertEquals(String.format("%05d", code.number()), text);
    assertRoundTrip(code);
  }

  @Property
  void suffixedCodesRoundTrip(@ForAll("suffixed") CptCode code) {
    String text = code.toString();
    assertTrue(text.matches("[0-9]{4}[AFMTU]"), text);
    assertEquals(code.kind().suffix(), text.charAt(4));
    assertEquals(String.format("%04d", code.number()), text.substring(0, 4));
    assertRoundTrip(code);
  }

  @Property
  void levelTwoCodesRoundTrip(@ForAll("levelTwo") HcpcsCode code) {
    String text = code.toString();
    assertTrue(text.matches("[A-HJ-NP-V][0-9]{4}"), text);
    assertEquals(code.letter(), text.charAt(0));
    assertEquals(code, HcpcsCode.parse(text));
    assertEquals(code, HcpcsCode.of(code.letter(), code.number()));
    assertRoundTrip(code);
  }

  private static void assertRoundTrip(ProcedureCode code) {
    String text = code.toString();
    assertEquals(code, ProcedureCode.parse(text));
    assertEquals(code, ProcedureCode.ofPacked(code.packed()));
    assertEquals(code.packed(), ProcedureCode.packedOf(text));
    assertTrue(code.packed() >= 0 && code.packed() < ProcedureCode.PACKED_BOUND);
    if (code instanceof CptCode) {
      CptCode cpt = (CptCode) code;
      assertEquals(cpt, CptCode.parse(text));
      assertEquals(cpt, CptCode.of(cpt.kind(), cpt.number()));
      assertEquals(cpt.kind().category(), cpt.category());
    }
  }

  // --- any string: never throws, and the three entry points agree ---------------------------

  @Property(tries = 2000)
  void procedureCodeEntryPointsAgree(@ForAll("anyText") String text) {
    assertAgree(text, ProcedureCode::tryParse, ProcedureCode::isValid, ProcedureCode::parse);
    int packed = ProcedureCode.packedOf(text);
    assertEquals(ProcedureCode.isValid(text), packed >= 0);
  }

  @Property(tries = 2000)
  void cptCodeEntryPointsAgree(@ForAll("anyText") String text) {
    assertAgree(text, CptCode::tryParse, CptCode::isValid, CptCode::parse);
  }

  @Property(tries = 2000)
  void hcpcsCodeEntryPointsAgree(@ForAll("anyText") String text) {
    assertAgree(text, HcpcsCode::tryParse, HcpcsCode::isValid, HcpcsCode::parse);
  }

  @Property(tries = 2000)
  void lenientParsersThrowOnlyTheirOwnException(@ForAll("anyText") String text) {
    for (Function<String, ?> parser :
        java.util.List.<Function<String, ?>>of(
            ProcedureCode::parseLenient, CptCode::parseLenient, HcpcsCode::parseLenient)) {
      try {
        var unused = parser.apply(text);
      } catch (CodeFormatException e) {
        assertTrue(e.errorIndex() >= 0 && e.errorIndex() <= text.length(), e::getMessage);
      }
    }
  }

  static <T> void assertAgree(
      String text,
      Function<String, Optional<T>> tryParse,
      Predicate<String> isValid,
      Function<String, T> parse) {
    Optional<T> tried = tryParse.apply(text);
    assertEquals(tried.isPresent(), isValid.test(text), text);
    try {
      T parsed = parse.apply(text);
      assertEquals(tried, Optional.of(parsed), text);
      assertEquals(text, parsed.toString());
    } catch (CodeFormatException e) {
      assertTrue(tried.isEmpty(), text);
      assertTrue(e.errorIndex() >= 0 && e.errorIndex() <= text.length(), e::getMessage);
      assertEquals(text, e.input());
    } catch (RuntimeException e) {
      fail("'" + text + "' threw " + e);
    }
  }

  // --- lenient parsing ----------------------------------------------------------------------

  @Provide
  Arbitrary<String> blanks() {
    return Arbitraries.strings()
        .withChars(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000')
        .ofMaxLength(3);
  }

  @Property
  void lenientParsingAcceptsSpacesAndLowerCase(
      @ForAll("codes") ProcedureCode code,
      @ForAll("blanks") String before,
      @ForAll("blanks") String after,
      @ForAll boolean lowerCase) {
    String text = before + (lowerCase ? code.toString().toLowerCase(Locale.ROOT) : code) + after;
    assertEquals(code, ProcedureCode.parseLenient(text));
    if (code instanceof CptCode) {
      assertEquals(code, CptCode.parseLenient(text));
    } else {
      assertEquals(code, HcpcsCode.parseLenient(text));
    }
  }

  // --- order --------------------------------------------------------------------------------

  @Property
  void orderIsConsistentWithEqualsAndPacked(
      @ForAll("codes") ProcedureCode a, @ForAll("codes") ProcedureCode b) {
    int ab = Integer.signum(a.compareTo(b));
    assertEquals(-ab, Integer.signum(b.compareTo(a)));
    assertEquals(ab == 0, a.equals(b));
    assertEquals(ab == 0, a.hashCode() == b.hashCode());
    assertEquals(Integer.signum(Integer.compare(a.packed(), b.packed())), ab);
    assertEquals(0, a.compareTo(ProcedureCode.parse(a.toString())));
  }

  @Property
  void orderIsTransitive(
      @ForAll("codes") ProcedureCode a,
      @ForAll("codes") ProcedureCode b,
      @ForAll("codes") ProcedureCode c) {
    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
      assertTrue(a.compareTo(c) <= 0);
    }
  }

  /**
   * The order and the kinds as the documentation of {@link ProcedureCode} states them, computed
   * from the text alone: a packing that stays one-to-one but puts the kinds in another order, or
   * gives a suffix letter the wrong kind, keeps every round trip and still breaks this law.
   */
  @Property
  void orderAndKindAreTheDocumentedOnes(
      @ForAll("codes") ProcedureCode a, @ForAll("codes") ProcedureCode b) {
    assertEquals(
        Integer.signum(documentedKey(a).compareTo(documentedKey(b))),
        Integer.signum(a.compareTo(b)),
        () -> a + " vs " + b);
    String text = a.toString();
    if (a instanceof CptCode cpt) {
      CptKind expected =
          switch (text.charAt(4)) {
            case 'A' -> CptKind.VACCINE_ADMINISTRATION;
            case 'M' -> CptKind.MAAA;
            case 'U' -> CptKind.PLA;
            case 'F' -> CptKind.PERFORMANCE_MEASURE;
            case 'T' -> CptKind.EMERGING_TECHNOLOGY;
            default -> CptKind.STANDARD;
          };
      assertSame(expected, cpt.kind(), text);
      CptCategory category =
          switch (text.charAt(4)) {
            case 'F' -> CptCategory.CATEGORY_II;
            case 'T' -> CptCategory.CATEGORY_III;
            default -> CptCategory.CATEGORY_I;
          };
      assertSame(category, cpt.category(), text);
    }
  }

  /** Five digits, then suffixes in the order A, M, U, F, T, then Level II by letter; by number. */
  private static String documentedKey(ProcedureCode code) {
    String text = code.toString();
    char last = text.charAt(4);
    if (Character.isDigit(text.charAt(0)) && Character.isDigit(last)) {
      return "0" + text;
    }
    if (Character.isDigit(text.charAt(0))) {
      return "1" + "AMUFT".indexOf(last) + text.substring(0, 4);
    }
    return "2" + text;
  }

  @Property
  void fiveDigitOrderIsNumericOrder(
      @ForAll("fiveDigit") CptCode a, @ForAll("fiveDigit") CptCode b) {
    assertEquals(
        Integer.signum(Integer.compare(a.number(), b.number())), Integer.signum(a.compareTo(b)));
  }

  @Property
  void packedFormsAreDenseIntegersInOrder(@ForAll("codes") ProcedureCode code) {
    assertSame(code.level(), code instanceof CptCode ? CodeLevel.LEVEL_I : CodeLevel.LEVEL_II);
    assertEquals(code, ProcedureCode.ofPacked(code.packed()));
  }
}
