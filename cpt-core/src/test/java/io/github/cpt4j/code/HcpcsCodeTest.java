package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HcpcsCodeTest {

  /** Tells whether a packed value at or above the Level II base has a letter the parsers accept. */
  static boolean isUsedLetterBlock(int packed) {
    if (packed < 200_000) {
      return false;
    }
    char letter = (char) ('A' + (packed - 200_000) / 10_000);
    return CodeArbitraries.LEVEL_II_LETTERS.contains(letter);
  }

  @ParameterizedTest
  @CsvSource({
    "A0425, TRANSPORT_SUPPLIES_AND_MISCELLANEOUS",
    "B4035, ENTERAL_AND_PARENTERAL_THERAPY",
    "C1713, HOSPITAL_OUTPATIENT",
    "D0120, DENTAL",
    "E0601, DURABLE_MEDICAL_EQUIPMENT",
    "G0438, TEMPORARY_PROCEDURES",
    "H0001, BEHAVIORAL_HEALTH",
    "J1100, DRUGS",
    "K0001, TEMPORARY_DURABLE_MEDICAL_EQUIPMENT",
    "L3000, ORTHOTICS_AND_PROSTHETICS",
    "M0075, OTHER_MEDICAL_SERVICES",
    "P3000, PATHOLOGY_AND_LABORATORY",
    "Q4101, TEMPORARY_MISCELLANEOUS",
    "R0070, DIAGNOSTIC_RADIOLOGY",
    "S0020, PRIVATE_PAYER_TEMPORARY",
    "T1015, STATE_MEDICAID",
    "U0003, CORONAVIRUS_LABORATORY_TESTS",
    "V2020, VISION_HEARING_AND_SPEECH",
    "F1234, UNASSIGNED",
    "N0001, UNASSIGNED",
  })
  void groupsByLetter(String text, HcpcsGroup group) {
    HcpcsCode code = HcpcsCode.parse(text);
    assertEquals(group, code.group());
    assertEquals(text.charAt(0), code.letter());
    assertEquals(Integer.parseInt(text.substring(1)), code.number());
    assertEquals(CodeLevel.LEVEL_II, code.level());
  }

  @Test
  void everyAcceptedLetterHasAGroupAndEveryGroupOneLetter() {
    for (char letter : CodeArbitraries.LEVEL_II_LETTERS) {
      HcpcsGroup group = HcpcsGroup.ofLetter(letter);
      if (group != HcpcsGroup.UNASSIGNED) {
        assertEquals(letter, group.letter());
      }
    }
    for (HcpcsGroup group : HcpcsGroup.values()) {
      if (group != HcpcsGroup.UNASSIGNED) {
        assertEquals(group, HcpcsGroup.ofLetter(group.letter()));
      }
    }
    assertThrows(IllegalArgumentException.class, () -> HcpcsGroup.ofLetter('I'));
    assertThrows(IllegalArgumentException.class, () -> HcpcsGroup.ofLetter('W'));
    assertThrows(IllegalArgumentException.class, () -> HcpcsGroup.ofLetter('g'));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "g0438    | LOWER_CASE        | 0",
        "O1234    | LETTER_NOT_IN_USE | 0",
        "Z1234    | LETTER_NOT_IN_USE | 0",
        "w1234    | LETTER_NOT_IN_USE | 0",
        "o1234    | LETTER_NOT_IN_USE | 0",
        "G04      | WRONG_LENGTH      | 3",
        "'G04381\t' | WRONG_LENGTH    | 5",
        "'G0438 ' | SURROUNDING_WHITESPACE | 5",
        "'G043 '  | SURROUNDING_WHITESPACE | 4",
        "G0A38    | ILLEGAL_CHARACTER | 2",
        "99213    | WRONG_LEVEL       | 0",
      })
  void rejectsWithTypeAndIndex(String text, ErrorType type, int index) {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> HcpcsCode.parse(text));
    assertEquals(type, e.errorType(), e::getMessage);
    assertEquals(index, e.errorIndex(), e::getMessage);
  }

  /**
   * A lower-case letter that HCPCS does not use in either case ({@code w1234}, {@code i0001}) is
   * refused for the letter, as the lenient parser refuses it: a lower-case error would send the
   * caller to the lenient parser, which fails too. A lower-case letter in use is still {@code
   * LOWER_CASE}, as a lower-case suffix that no CPT code uses is {@code BAD_SUFFIX} ({@code
   * 0001x}).
   */
  @Test
  void aLowerCaseLetterNotInUseIsRefusedForTheLetter() {
    for (char c = 'a'; c <= 'z'; c++) {
      String text = c + "1234";
      char upper = Character.toUpperCase(c);
      ErrorType expected =
          CodeArbitraries.LEVEL_II_LETTERS.contains(upper)
              ? ErrorType.LOWER_CASE
              : ErrorType.LETTER_NOT_IN_USE;
      for (CodeFormatException e :
          new CodeFormatException[] {
            assertThrows(CodeFormatException.class, () -> ProcedureCode.parse(text)),
            assertThrows(CodeFormatException.class, () -> HcpcsCode.parse(text)),
            assertThrows(CodeFormatException.class, () -> CptCode.parse(text)),
            assertThrows(CodeFormatException.class, () -> HcpcsCode.parse(text + " ")),
          }) {
        assertEquals(expected, e.errorType(), e::getMessage);
        assertEquals(0, e.errorIndex(), e::getMessage);
      }
      if (expected == ErrorType.LETTER_NOT_IN_USE) {
        CodeFormatException lenient =
            assertThrows(CodeFormatException.class, () -> ProcedureCode.parseLenient(text));
        assertEquals(ErrorType.LETTER_NOT_IN_USE, lenient.errorType(), lenient::getMessage);
      }
    }
  }

  /**
   * The factories taking a letter say what is wrong with it: {@code 'g'} is {@code G} in the wrong
   * case, not a letter out of use, as the parsers tell {@code LOWER_CASE} from {@code
   * LETTER_NOT_IN_USE}.
   */
  @Test
  void theLetterFactoriesTellLowerCaseFromALetterNotInUse() {
    for (char c = 'a'; c <= 'z'; c++) {
      char letter = c;
      char upper = Character.toUpperCase(c);
      String expected =
          CodeArbitraries.LEVEL_II_LETTERS.contains(upper)
              ? "a Level II letter is upper case: '" + upper + "', not '" + c + "'"
              : "not a Level II letter in use: '" + c + "'";
      assertEquals(
          expected,
          assertThrows(IllegalArgumentException.class, () -> HcpcsCode.of(letter, 1)).getMessage());
      assertEquals(
          expected,
          assertThrows(IllegalArgumentException.class, () -> HcpcsGroup.ofLetter(letter))
              .getMessage());
    }
    assertEquals(
        "not a Level II letter in use: 'I'",
        assertThrows(IllegalArgumentException.class, () -> HcpcsCode.of('I', 1)).getMessage());
  }

  @Test
  void wrongLevelPointsAtTheCodeAfterLeadingSpace() {
    CodeFormatException e =
        assertThrows(CodeFormatException.class, () -> HcpcsCode.parseLenient("  0001F"));
    assertEquals(ErrorType.WRONG_LEVEL, e.errorType());
    assertEquals(2, e.errorIndex());
  }

  @Test
  void factoriesCheckTheirArguments() {
    assertEquals(HcpcsCode.parse("G0438"), HcpcsCode.of('G', 438));
    assertThrows(IllegalArgumentException.class, () -> HcpcsCode.of('I', 1));
    assertThrows(IllegalArgumentException.class, () -> HcpcsCode.of('g', 1));
    assertThrows(IllegalArgumentException.class, () -> HcpcsCode.of('G', 10_000));
    assertThrows(IllegalArgumentException.class, () -> HcpcsCode.ofPacked(99_213));
    assertThrows(
        IllegalArgumentException.class, () -> HcpcsCode.ofPacked(ProcedureCode.PACKED_BOUND));
    assertThrows(
        IllegalArgumentException.class, () -> HcpcsCode.ofPacked(200_000 + ('I' - 'A') * 10_000));
  }

  @Test
  void equalsAndHashCode() {
    new EqualsTester()
        .addEqualityGroup(
            HcpcsCode.parse("G0438"),
            HcpcsCode.of('G', 438),
            HcpcsCode.parseLenient("g0438 "),
            ProcedureCode.parse("G0438"))
        .addEqualityGroup(HcpcsCode.parse("G0439"))
        .addEqualityGroup(HcpcsCode.parse("J0438"))
        .addEqualityGroup(CptCode.parse("00438"))
        .testEquals();
  }

  @Test
  void theNeverThrowingMethodsTakeNullAndValueOfParsesStrictly() {
    assertFalse(HcpcsCode.isValid(null));
    assertEquals(Optional.empty(), HcpcsCode.tryParse(null));
    assertEquals(HcpcsCode.parse("G0438"), HcpcsCode.valueOf("G0438"));
    assertThrows(CodeFormatException.class, () -> HcpcsCode.valueOf("g0438"));
  }

  @Test
  void nullsAreRejected() throws NoSuchMethodException {
    NullPointerTester tester =
        new NullPointerTester()
            // Documented to never throw: null is simply not a code.
            .ignore(HcpcsCode.class.getMethod("tryParse", CharSequence.class))
            .ignore(HcpcsCode.class.getMethod("isValid", CharSequence.class))
            .ignore(ProcedureCode.class.getMethod("tryParse", CharSequence.class))
            .ignore(ProcedureCode.class.getMethod("isValid", CharSequence.class));
    tester.testAllPublicStaticMethods(HcpcsCode.class);
    tester.testAllPublicStaticMethods(HcpcsGroup.class);
    tester.testAllPublicInstanceMethods(HcpcsCode.parse("G0438"));
  }
}
