package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CptCodeTest {

  @ParameterizedTest
  @CsvSource({
    "99213, STANDARD, CATEGORY_I, 99213",
    "00100, STANDARD, CATEGORY_I, 100",
    "0001A, VACCINE_ADMINISTRATION, CATEGORY_I, 1",
    "0002M, MAAA, CATEGORY_I, 2",
    "0001U, PLA, CATEGORY_I, 1",
    "0001F, PERFORMANCE_MEASURE, CATEGORY_II, 1",
    "0042T, EMERGING_TECHNOLOGY, CATEGORY_III, 42",
  })
  void knowsKindCategoryAndNumber(String text, CptKind kind, CptCategory category, int number) {
    CptCode code = CptCode.parse(text);
    assertEquals(kind, code.kind());
    assertEquals(category, code.category());
    assertEquals(number, code.number());
    assertEquals(text, code.toString());
    assertEquals(CodeLevel.LEVEL_I, code.level());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''       | EMPTY                  | 0",
        "9921     | WRONG_LENGTH           | 4",
        "992134   | WRONG_LENGTH           | 5",
        "' 99213' | SURROUNDING_WHITESPACE | 0",
        "'99213 ' | SURROUNDING_WHITESPACE | 5",
        "'9921! ' | ILLEGAL_CHARACTER      | 4",
        "'0001b ' | BAD_SUFFIX             | 4",
        "'9921 '  | SURROUNDING_WHITESPACE | 4",
        "'992131 ' | WRONG_LENGTH          | 5",
        "'0001FF ' | WRONG_LENGTH          | 5",
        "'992131\t\t' | WRONG_LENGTH       | 5",
        "0001f    | LOWER_CASE             | 4",
        "0001B    | BAD_SUFFIX             | 4",
        "0001b    | BAD_SUFFIX             | 4",
        "99-13    | ILLEGAL_CHARACTER      | 2",
        "9921O    | BAD_SUFFIX             | 4",
        "I1234    | LETTER_NOT_IN_USE      | 0",
        "W1234    | LETTER_NOT_IN_USE      | 0",
        "J1100    | WRONG_LEVEL            | 0",
      })
  void rejectsWithTypeAndIndex(String text, ErrorType type, int index) {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> CptCode.parse(text));
    assertEquals(type, e.errorType(), e::getMessage);
    assertEquals(index, e.errorIndex(), e::getMessage);
    assertFalse(CptCode.isValid(text));
    assertEquals(Optional.empty(), CptCode.tryParse(text));
  }

  @Test
  void categoryByPackedRangeIsTheKindsCategoryForEveryCode() {
    // category() reads the packed range instead of kind().category(): exhaustive over all codes.
    for (CptKind kind : CptKind.values()) {
      int last = kind == CptKind.STANDARD ? 99_999 : 9_999;
      for (int n = 0; n <= last; n++) {
        CptCode code = CptCode.of(kind, n);
        if (code.category() != kind.category()) {
          assertEquals(kind.category(), code.category(), code.toString());
        }
      }
    }
  }

  @Test
  void rejectsLookalikeDigits() {
    // Character.isDigit accepts these; a code does not.
    assertIllegalAt("\u0669\u0669213", 0); // Arabic-Indic nine
    assertIllegalAt("99\uff1213", 2); // full-width two
    assertIllegalAt("992\u06f313", 3); // extended Arabic-Indic three
    assertIllegalAt("9921\ud83d", 4); // lone high surrogate
    assertIllegalAt("99\u000013", 2); // NUL
  }

  @Test
  void aControlCharacterAfterACompleteCodeMakesItTooLong() {
    // Inside the five characters a control character is illegal where it stands; after them, the
    // first problem is the length, as for any sixth character (white space aside).
    for (String text : List.of("99213\u0000", "99213\u001b", "99213\u0085", "G0438\u0000")) {
      CodeFormatException e =
          assertThrows(CodeFormatException.class, () -> ProcedureCode.parse(text));
      assertEquals(ErrorType.WRONG_LENGTH, e.errorType(), text);
      assertEquals(5, e.errorIndex(), text);
    }
  }

  private static void assertIllegalAt(String text, int index) {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> CptCode.parse(text));
    assertEquals(ErrorType.ILLEGAL_CHARACTER, e.errorType());
    assertEquals(index, e.errorIndex());
    assertFalse(e.getMessage().contains("\u0000"), "unprintables are escaped in the message");
  }

  @Test
  void messageQuotesAtMost64Characters() {
    String text = "9".repeat(100);
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> CptCode.parse(text));
    assertTrue(e.getMessage().contains("9".repeat(64) + "..."), e.getMessage());
    assertFalse(e.getMessage().contains("9".repeat(65)), e.getMessage());
    assertEquals(text, e.input());
  }

  @Test
  void lenientParserTrimsAndUpperCases() {
    assertEquals(CptCode.parse("0001F"), CptCode.parseLenient("\t0001f\u00a0"));
    assertEquals(CptCode.parse("99213"), CptCode.parseLenient(" 99213 "));
    CodeFormatException e =
        assertThrows(CodeFormatException.class, () -> CptCode.parseLenient(" 99 13 "));
    assertEquals(ErrorType.ILLEGAL_CHARACTER, e.errorType());
    assertEquals(3, e.errorIndex());
  }

  @Test
  void factoriesCheckTheirArguments() {
    assertEquals(CptCode.parse("00100"), CptCode.of(100));
    assertEquals(CptCode.parse("0042T"), CptCode.of(CptKind.EMERGING_TECHNOLOGY, 42));
    assertEquals(CptCode.of(99213), CptCode.of(CptKind.STANDARD, 99213));
    assertThrows(IllegalArgumentException.class, () -> CptCode.of(-1));
    assertThrows(IllegalArgumentException.class, () -> CptCode.of(100_000));
    assertThrows(IllegalArgumentException.class, () -> CptCode.of(CptKind.PLA, 10_000));
    assertThrows(IllegalArgumentException.class, () -> CptCode.ofPacked(150_000));
    assertThrows(IllegalArgumentException.class, () -> CptCode.ofPacked(-1));
    assertThrows(
        IllegalArgumentException.class, () -> CptCode.ofPacked(HcpcsCode.parse("G0438").packed()));
  }

  @Test
  void shapesAreContiguousInTheOrder() {
    // Walk the whole packed space: each shape is one unbroken run, in the documented order.
    String previous = null;
    java.util.List<String> runs = new java.util.ArrayList<>();
    for (int packed = 0; packed < ProcedureCode.PACKED_BOUND; packed++) {
      int p = packed;
      Optional<ProcedureCode> code =
          Optional.of(p)
              .filter(x -> x < 150_000 || HcpcsCodeTest.isUsedLetterBlock(x))
              .map(ProcedureCode::ofPacked);
      if (code.isEmpty()) {
        continue;
      }
      String shape =
          code.get() instanceof CptCode ? ((CptCode) code.get()).kind().name() : "LEVEL_II";
      if (!shape.equals(previous)) {
        runs.add(shape);
        previous = shape;
      }
    }
    assertEquals(
        java.util.List.of(
            "STANDARD",
            "VACCINE_ADMINISTRATION",
            "MAAA",
            "PLA",
            "PERFORMANCE_MEASURE",
            "EMERGING_TECHNOLOGY",
            "LEVEL_II"),
        runs);
  }

  @Test
  void equalsAndHashCode() {
    new EqualsTester()
        .addEqualityGroup(
            CptCode.parse("99213"),
            CptCode.of(99213),
            CptCode.parseLenient(" 99213"),
            ProcedureCode.parse("99213"),
            CptCode.ofPacked(99213))
        .addEqualityGroup(CptCode.parse("00100"), CptCode.of(100))
        .addEqualityGroup(CptCode.parse("0100T"))
        .addEqualityGroup(CptCode.parse("0001F"), CptCode.of(CptKind.PERFORMANCE_MEASURE, 1))
        .addEqualityGroup(CptCode.parse("0001A"))
        .addEqualityGroup(CptCode.parse("0001M"))
        .addEqualityGroup(CptCode.parse("0001U"))
        .addEqualityGroup(CptCode.of(1))
        .testEquals();
  }

  @Test
  void theNeverThrowingMethodsTakeNull() {
    assertFalse(CptCode.isValid(null));
    assertEquals(Optional.empty(), CptCode.tryParse(null));
    assertFalse(ProcedureCode.isValid(null));
    assertEquals(Optional.empty(), ProcedureCode.tryParse(null));
  }

  @Test
  void valueOfIsTheStrictParseFrameworksLookFor() {
    assertEquals(CptCode.parse("0001F"), CptCode.valueOf("0001F"));
    assertEquals(HcpcsCode.parse("J1100"), ProcedureCode.valueOf("J1100"));
    assertThrows(CodeFormatException.class, () -> CptCode.valueOf("0001f"));
    assertThrows(CodeFormatException.class, () -> ProcedureCode.valueOf(" 99213"));
  }

  @Test
  void nullsAreRejected() throws NoSuchMethodException {
    NullPointerTester tester =
        new NullPointerTester()
            // Documented to never throw: null is simply not a code.
            .ignore(CptCode.class.getMethod("tryParse", CharSequence.class))
            .ignore(CptCode.class.getMethod("isValid", CharSequence.class))
            .ignore(ProcedureCode.class.getMethod("tryParse", CharSequence.class))
            .ignore(ProcedureCode.class.getMethod("isValid", CharSequence.class));
    tester.testAllPublicStaticMethods(CptCode.class);
    tester.testAllPublicStaticMethods(ProcedureCode.class);
    tester.testAllPublicInstanceMethods(CptCode.parse("99213"));
    tester.testAllPublicStaticMethods(CodeFormatException.class);
    tester.testAllPublicConstructors(CodeFormatException.class);
  }
}
