package io.github.cpt4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeArbitraries;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.clfs.ClfsIndicator;
import io.github.cpt4j.fee.medicare.dmepos.DmeposCategory;
import io.github.cpt4j.fee.medicare.dmepos.DmeposJurisdiction;
import io.github.cpt4j.fee.medicare.pfs.AssistantAtSurgery;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import io.github.cpt4j.modifier.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Every public parser of a value, on any text (non-ASCII, surrogates, controls, blanks, very long
 * text): it either reads a value that its {@code toString} writes back to the same value, or throws
 * exactly the exception its Javadoc names, with a message that is one short printable line. A
 * {@code NumberFormatException}, a {@code DateTimeParseException} or an index error from inside
 * would be a stack trace the caller did not ask for.
 */
class HostileTextProperties {

  /** The exception a parser documents. */
  private enum Own {
    /** A {@link CodeFormatException}, with its input and an index in it. */
    CODE_FORMAT,
    /** A plain {@link IllegalArgumentException}, no subclass of it. */
    ILLEGAL_ARGUMENT,
    /** Either: a malformed claim line, or a malformed charge or date ({@link BilledLine}). */
    EITHER
  }

  /** A parser under test: reads a text, and reads back what its value writes. */
  private record Parser<T>(String name, Function<String, T> parse, Function<T, String> write) {}

  private static <T> Parser<T> parser(
      String name, Function<String, T> parse, Function<T, String> write) {
    return new Parser<>(name, parse, write);
  }

  /**
   * Short enough for one line of a log, whatever the input: the quote is capped at 64 characters,
   * each at most six when escaped, and the words around it are a sentence.
   */
  private static final int MAX_MESSAGE = 64 * 6 + 300;

  private static <T> void readsOrThrowsItsOwn(String text, Parser<T> parser, Own own) {
    T value;
    try {
      value = parser.parse().apply(text);
    } catch (CodeFormatException e) {
      if (own == Own.ILLEGAL_ARGUMENT) {
        fail(parser.name() + " threw " + e);
      }
      assertTrue(
          e.errorIndex() >= 0 && e.errorIndex() <= text.length(),
          () -> parser.name() + ": index " + e.errorIndex() + " of " + text.length());
      assertEquals(text, e.input(), parser.name());
      assertShortPrintableMessage(parser, e);
      return;
    } catch (IllegalArgumentException e) {
      if (own == Own.CODE_FORMAT || e.getClass() != IllegalArgumentException.class) {
        fail(parser.name() + " threw " + e, e);
      }
      assertShortPrintableMessage(parser, e);
      return;
    } catch (RuntimeException e) {
      fail(parser.name() + " threw " + e, e);
      return;
    }
    assertEquals(value, parser.parse().apply(parser.write().apply(value)), parser.name());
  }

  private static void assertShortPrintableMessage(Parser<?> parser, RuntimeException e) {
    String message = e.getMessage();
    assertTrue(
        message != null && message.length() <= MAX_MESSAGE && message.matches("[\\x20-\\x7e]+"),
        () -> parser.name() + ": " + message);
  }

  // --- codes, modifiers, claim lines: CodeFormatException --------------------------------------

  @Provide
  Arbitrary<String> codeText() {
    return CodeArbitraries.hostileText("99213", "0001F", "0591T", "G0438", " j1100 ", "00100");
  }

  @Property
  void codeParsersThrowOnlyCodeFormatExceptions(@ForAll("codeText") String text) {
    List<Parser<?>> parsers =
        List.of(
            parser("ProcedureCode.parse", ProcedureCode::parse, ProcedureCode::toString),
            parser(
                "ProcedureCode.parseLenient", ProcedureCode::parseLenient, ProcedureCode::toString),
            parser(
                "ProcedureCode.parseLenient(range)",
                s -> ProcedureCode.parseLenient(s, 0, s.length()),
                ProcedureCode::toString),
            parser("CptCode.parse", CptCode::parse, CptCode::toString),
            parser("CptCode.parseLenient", CptCode::parseLenient, CptCode::toString),
            parser("CptCode.valueOf", CptCode::valueOf, CptCode::toString),
            parser("HcpcsCode.parse", HcpcsCode::parse, HcpcsCode::toString),
            parser("HcpcsCode.parseLenient", HcpcsCode::parseLenient, HcpcsCode::toString),
            parser("HcpcsCode.valueOf", HcpcsCode::valueOf, HcpcsCode::toString));
    for (Parser<?> parser : parsers) {
      readsOrThrowsItsOwn(text, parser, Own.CODE_FORMAT);
    }
  }

  @Provide
  Arbitrary<String> modifierText() {
    return CodeArbitraries.hostileText("26", "TC", "59", "X5", "rt", "00", "ZZ");
  }

  @Property
  void modifierParsersThrowOnlyCodeFormatExceptions(@ForAll("modifierText") String text) {
    for (Parser<?> parser :
        List.<Parser<?>>of(
            parser("Modifier.parse", Modifier::parse, Modifier::toString),
            parser("Modifier.valueOf", Modifier::valueOf, Modifier::toString),
            parser(
                "Modifier.parseLenient",
                s -> Modifier.parseLenient(s, 0, s.length()),
                Modifier::toString))) {
      readsOrThrowsItsOwn(text, parser, Own.CODE_FORMAT);
    }
  }

  @Provide
  Arbitrary<String> claimLineText() {
    return CodeArbitraries.hostileText(
        "99213-25-59 x2", "71046 tc", "00100 x1 45min", "g0438", "27447-RT-LT-59-XU x0003");
  }

  @Property
  void claimLineParsersThrowOnlyCodeFormatExceptions(@ForAll("claimLineText") String text) {
    readsOrThrowsItsOwn(
        text, parser("ClaimLine.parse", ClaimLine::parse, ClaimLine::toString), Own.CODE_FORMAT);
    readsOrThrowsItsOwn(
        text,
        parser("ClaimLine.valueOf", ClaimLine::valueOf, ClaimLine::toString),
        Own.CODE_FORMAT);
  }

  @Provide
  Arbitrary<String> billedLineText() {
    return CodeArbitraries.hostileText(
        "99213-25 $180.00 on 2025-06-02",
        "29880-RT $2400",
        "20610 x2 on 2024-02-29",
        "99213 on 25",
        "71046-26 $0.5",
        "99213 $1E+3 on +10000-01-01");
  }

  @Property
  void billedLineParserThrowsOnlyItsOwnExceptions(@ForAll("billedLineText") String text) {
    readsOrThrowsItsOwn(
        text, parser("BilledLine.parse", BilledLine::parse, BilledLine::toString), Own.EITHER);
  }

  @Provide
  Arbitrary<String> npiText() {
    // Valid NPIs, and near misses that are ten digits still: a wrong check digit, a wrong first
    // digit. Random near misses of a valid one are almost never all digits.
    return CodeArbitraries.hostileText(
        "1234567893", "2000000002", "1999999992", "1234567890", "2876543211", "3234567893");
  }

  @Property
  void npiParserThrowsOnlyCodeFormatExceptions(@ForAll("npiText") String text) {
    readsOrThrowsItsOwn(text, parser("Npi.parse", Npi::parse, Npi::toString), Own.CODE_FORMAT);
  }

  // --- Medicare values: IllegalArgumentException -------------------------------------------

  @Provide
  Arbitrary<String> localityText() {
    return CodeArbitraries.hostileText("13282-99", "1328299", "01112 05", "00000-00");
  }

  @Property
  void localityParsersThrowOnlyIllegalArgumentExceptions(@ForAll("localityText") String text) {
    readsOrThrowsItsOwn(
        text, parser("Locality.parse", Locality::parse, Locality::toString), Own.ILLEGAL_ARGUMENT);
    readsOrThrowsItsOwn(
        text,
        parser("Locality.valueOf", Locality::valueOf, Locality::toString),
        Own.ILLEGAL_ARGUMENT);
  }

  @Provide
  Arbitrary<String> quarterText() {
    return CodeArbitraries.hostileText("2025-Q1", "2025q4", "0001-Q1", "9999-Q4");
  }

  @Property
  void quarterParserThrowsOnlyIllegalArgumentExceptions(@ForAll("quarterText") String text) {
    readsOrThrowsItsOwn(
        text, parser("Quarter.parse", Quarter::parse, Quarter::toString), Own.ILLEGAL_ARGUMENT);
  }

  @Provide
  Arbitrary<String> placeText() {
    return CodeArbitraries.hostileText("11", "02", "7", "99");
  }

  @Property
  void placeOfServiceParserThrowsOnlyIllegalArgumentExceptions(@ForAll("placeText") String text) {
    readsOrThrowsItsOwn(
        text,
        parser("PlaceOfService.parse", PlaceOfService::parse, PlaceOfService::toString),
        Own.ILLEGAL_ARGUMENT);
  }

  @Provide
  Arbitrary<String> practitionerText() {
    return CodeArbitraries.hostileText(
        Stream.of(PractitionerType.values())
            .flatMap(t -> Stream.of(t.id(), t.name(), t.id().toUpperCase(Locale.ROOT)))
            .toArray(String[]::new));
  }

  @Property
  void practitionerTypeParserThrowsOnlyIllegalArgumentExceptions(
      @ForAll("practitionerText") String text) {
    readsOrThrowsItsOwn(
        text,
        parser("PractitionerType.parse", PractitionerType::parse, PractitionerType::id),
        Own.ILLEGAL_ARGUMENT);
  }

  /**
   * What the Javadoc of {@link PractitionerType#parse} promises, worked out from the text alone: an
   * id or a constant name, in either case of its ASCII letters, with blanks (the tab and the
   * Unicode space separators, as every other parser of this library strips) around it and nothing
   * else. A line break or a control character around a name, or a non-ASCII letter whose lower case
   * is an ASCII one (the Kelvin sign is a 'k'), is no name.
   */
  @Property
  void practitionerTypesAreTheirNamesInAnyAsciiCase(@ForAll("practitionerText") String text) {
    String key = Blanks.strip(text);
    PractitionerType expected = null;
    for (PractitionerType type : PractitionerType.values()) {
      if (asciiEqualsIgnoreCase(key, type.id()) || asciiEqualsIgnoreCase(key, type.name())) {
        expected = type;
      }
    }
    PractitionerType parsed;
    try {
      parsed = PractitionerType.parse(text);
    } catch (IllegalArgumentException e) {
      parsed = null;
    }
    assertSame(expected, parsed, () -> CodeFormatException.quote(text));
  }

  private static boolean asciiEqualsIgnoreCase(String text, String name) {
    if (text.length() != name.length()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      char n = name.charAt(i);
      if (lower != (n >= 'A' && n <= 'Z' ? (char) (n + 32) : n)) {
        return false;
      }
    }
    return true;
  }

  @Provide
  Arbitrary<String> periodOrCategoryText() {
    List<String> codes = new ArrayList<>();
    Arrays.stream(GlobalPeriod.values()).map(GlobalPeriod::code).forEach(codes::add);
    Arrays.stream(DmeposCategory.values()).map(DmeposCategory::code).forEach(codes::add);
    return CodeArbitraries.hostileText(codes.toArray(String[]::new));
  }

  @Property
  void codedEnumParsersThrowOnlyIllegalArgumentExceptions(
      @ForAll("periodOrCategoryText") String text) {
    readsOrThrowsItsOwn(
        text,
        parser("GlobalPeriod.of", GlobalPeriod::of, GlobalPeriod::code),
        Own.ILLEGAL_ARGUMENT);
    readsOrThrowsItsOwn(
        text,
        parser("DmeposCategory.of", DmeposCategory::of, DmeposCategory::code),
        Own.ILLEGAL_ARGUMENT);
  }

  /**
   * The indicators read from one character of a CMS file: {@code of(c)} is the constant whose code
   * is {@code c}, or a plain {@link IllegalArgumentException} naming the character printably. Every
   * ASCII character, and the non-ASCII digits and letters a lenient check would take for {@code 1},
   * {@code A} or {@code k}: the whole behaviour, in fewer calls than random characters would need.
   */
  @Test
  void indicatorsOfOneCharacterReadTheirCodeOrThrowTheirOwn() {
    StringBuilder chars = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      chars.append(c);
    }
    chars.append("\u00b9\u0661\u0663\u06f1\u0967\uff11\uff21\uff41\u212a\u0130\ud83d\ude00\uffff");
    for (int i = 0; i < chars.length(); i++) {
      indicatorsOf(chars.charAt(i));
    }
  }

  private static void indicatorsOf(char c) {
    String text = String.valueOf(c);
    List<Parser<?>> parsers =
        List.of(
            parser(
                "PtpModifierIndicator.of",
                s -> PtpModifierIndicator.of(s.charAt(0)),
                i -> "" + i.digit()),
            parser(
                "MueAdjudicationIndicator.of",
                s -> MueAdjudicationIndicator.of(s.charAt(0)),
                i -> "" + i.digit()),
            parser("BilateralRule.of", s -> BilateralRule.of(s.charAt(0)), i -> "" + i.code()),
            parser(
                "SurgeonsPermission.of",
                s -> SurgeonsPermission.of(s.charAt(0)),
                i -> "" + i.code()),
            parser(
                "MultipleProcedureRule.of",
                s -> MultipleProcedureRule.of(s.charAt(0)),
                i -> "" + i.code()),
            parser(
                "AssistantAtSurgery.of",
                s -> AssistantAtSurgery.of(s.charAt(0)),
                i -> "" + i.code()),
            parser("PaymentStatus.of", s -> PaymentStatus.of(s.charAt(0)), i -> "" + i.code()),
            parser("PcTcIndicator.of", s -> PcTcIndicator.of(s.charAt(0)), i -> "" + i.code()),
            parser("ClfsIndicator.of", s -> ClfsIndicator.of(s.charAt(0)), i -> "" + i.code()),
            parser(
                "DmeposJurisdiction.of",
                s -> DmeposJurisdiction.of(s.charAt(0)),
                i -> "" + i.code()));
    for (Parser<?> parser : parsers) {
      readsOrThrowsItsOwn(text, parser, Own.ILLEGAL_ARGUMENT);
    }
  }
}
