package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.text.WhiteSpace;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Every kind of bad character is rejected with the right error type and index. */
class CodeErrorProperties {

  @Provide
  Arbitrary<ProcedureCode> codes() {
    return CodeArbitraries.procedureCodes();
  }

  /** Characters that are never part of a code and are not white space. */
  @Provide
  Arbitrary<Character> foreign() {
    return Arbitraries.oneOf(
        Arbitraries.chars().range('\u0660', '\u0669'), // Arabic-Indic digits
        Arbitraries.chars().range('\u06f0', '\u06f9'), // extended Arabic-Indic digits
        Arbitraries.chars().range('\u0966', '\u096f'), // Devanagari digits
        Arbitraries.chars().range('\uff10', '\uff19'), // full-width digits
        Arbitraries.chars().range('\uff21', '\uff3a'), // full-width letters
        Arbitraries.chars().range('\ud800', '\udfff'), // surrogates, paired or not
        Arbitraries.chars().range('\u0000', '\u0008'), // control characters
        Arbitraries.chars().range('\u000e', '\u001b'),
        Arbitraries.chars().range('\u007f', '\u0084'),
        Arbitraries.of('-', '.', '/', '_', '\u00b2', '\u00e9'),
        // The printable ASCII characters just past the ranges of digits and letters, where an
        // off-by-one range check would let one in.
        Arbitraries.of(':', ';', '@', '[', '`', '{', '!', '~'));
  }

  @Property
  void foreignCharactersAreIllegalWhereTheyStand(
      @ForAll("codes") ProcedureCode code,
      @ForAll @IntRange(min = 0, max = 4) int index,
      @ForAll("foreign") char c) {
    String text = replace(code.toString(), index, c);
    assertError(text, ErrorType.ILLEGAL_CHARACTER, index);
  }

  /** Every printable ASCII character that is no digit or letter, at every place of a code. */
  @org.junit.jupiter.api.Test
  void asciiPunctuationIsIllegalWhereItStands() {
    for (String code : new String[] {"99213", "0001F", "G0438"}) {
      for (int index = 0; index < 5; index++) {
        for (char c = '!'; c <= '~'; c++) {
          if (!Character.isLetterOrDigit(c)) {
            assertError(replace(code, index, c), ErrorType.ILLEGAL_CHARACTER, index);
          }
        }
      }
    }
  }

  @Property
  void lowerCaseLettersAreRejectedInStrictMode(@ForAll("codes") ProcedureCode code) {
    String text = code.toString();
    int index = code instanceof HcpcsCode ? 0 : 4;
    if (Character.isLetter(text.charAt(index))) {
      assertError(
          replace(text, index, Character.toLowerCase(text.charAt(index))),
          ErrorType.LOWER_CASE,
          index);
    }
  }

  @Provide
  Arbitrary<String> spaces() {
    return Arbitraries.strings()
        .withChars(' ', '\t', '\n', '\u00a0', '\u2003', '\u001f')
        .ofMinLength(1)
        .ofMaxLength(3);
  }

  @Property
  void leadingSpacesAreRejectedAtIndexZero(
      @ForAll("codes") ProcedureCode code, @ForAll("spaces") String spaces) {
    assertError(spaces + code, ErrorType.SURROUNDING_WHITESPACE, 0);
  }

  @Property
  void trailingSpacesAreRejectedWhereTheyStart(
      @ForAll("codes") ProcedureCode code, @ForAll("spaces") String spaces) {
    assertError(code + spaces, ErrorType.SURROUNDING_WHITESPACE, 5);
  }

  /**
   * Text that is too long and then blank is refused for its length, at index 5, before the blanks:
   * the strict parser names the first problem, the one the lenient parser also names once it has
   * trimmed the blanks. (Text too short and then blank is refused at the first blank, where the
   * code should have gone on; see the rows of {@code CptCodeTest}.)
   */
  @Property
  void tooLongThenBlankIsTheLengthErrorOfTheLenientParser(
      @ForAll("codes") ProcedureCode code,
      @ForAll("extra") String extra,
      @ForAll("spaces") String spaces) {
    String text = code + extra + spaces;
    assertError(text, ErrorType.WRONG_LENGTH, 5);
    CodeFormatException lenient =
        assertThrows(CodeFormatException.class, () -> ProcedureCode.parseLenient(text));
    assertEquals(ErrorType.WRONG_LENGTH, lenient.errorType(), lenient::getMessage);
    assertEquals(5, lenient.errorIndex(), lenient::getMessage);
  }

  /** What may follow a whole code without a blank between: digits and upper-case letters. */
  @Provide
  Arbitrary<String> extra() {
    return Arbitraries.strings()
        .withCharRange('0', '9')
        .withCharRange('A', 'Z')
        .ofMinLength(1)
        .ofMaxLength(3);
  }

  /**
   * Whatever stands before trailing blanks, the strict parser reports its first problem: the error
   * of the text without the blanks if that error lies inside it, else the white space where it
   * starts (a valid code, or one cut short at the blank).
   */
  @Property(tries = 2000)
  void trailingBlanksComeAfterAnyEarlierProblem(
      @ForAll("body") String body, @ForAll("spaces") String spaces) {
    String text = body + spaces;
    CodeFormatException e =
        assertThrows(CodeFormatException.class, () -> ProcedureCode.parse(text));
    ErrorType type = ErrorType.SURROUNDING_WHITESPACE;
    int index = body.length();
    try {
      var unused = ProcedureCode.parse(body);
    } catch (CodeFormatException bodyError) {
      if (bodyError.errorIndex() < body.length()) {
        type = bodyError.errorType();
        index = bodyError.errorIndex();
      }
    }
    assertEquals(type, e.errorType(), e::getMessage);
    assertEquals(index, e.errorIndex(), e::getMessage);
  }

  /** Code-like text that neither starts nor ends with white space. */
  @Provide
  Arbitrary<String> body() {
    return Arbitraries.oneOf(
            CodeArbitraries.codeLikeStrings(),
            Arbitraries.strings().withChars("0123456789AFGJTUafg!").ofMaxLength(8))
        .filter(
            s ->
                !s.isEmpty()
                    && !WhiteSpace.isSpace(s.charAt(0))
                    && !WhiteSpace.isSpace(s.charAt(s.length() - 1)));
  }

  @Property
  void wrongLengthsAreRejectedWhereTheCodeShouldEnd(
      @ForAll("codes") ProcedureCode code, @ForAll @IntRange(min = 1, max = 4) int keep) {
    String text = code.toString();
    assertError(text.substring(0, keep), ErrorType.WRONG_LENGTH, keep);
    assertError(text + text.charAt(4), ErrorType.WRONG_LENGTH, 5);
  }

  private static String replace(String text, int index, char c) {
    return text.substring(0, index) + c + text.substring(index + 1);
  }

  static void assertError(String text, ErrorType type, int index) {
    assertFalse(ProcedureCode.isValid(text), text);
    CodeFormatException e =
        assertThrows(CodeFormatException.class, () -> ProcedureCode.parse(text));
    assertEquals(type, e.errorType(), e::getMessage);
    assertEquals(index, e.errorIndex(), e::getMessage);
    assertEquals(text, e.input());
    // The CPT and Level II parsers report the same problem, unless the code is of the other
    // level (then they say WRONG_LEVEL, tested elsewhere).
    CodeFormatException cpt = assertThrows(CodeFormatException.class, () -> CptCode.parse(text));
    if (cpt.errorType() != ErrorType.WRONG_LEVEL) {
      assertEquals(type, cpt.errorType());
      assertEquals(index, cpt.errorIndex());
    }
  }
}
