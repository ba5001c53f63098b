package io.github.cpt4j.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimLineTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "27447-RT             | 27447-RT",
        "99213-25-59          | 99213-25-59",
        "99213 25             | 99213-25",
        "71046-26 x2          | 71046-26 x2",
        "71046 26 x2          | 71046-26 x2",
        "' 99213 - 25 - 59 '  | 99213-25-59",
        "g0438-33             | G0438-33",
        "0001f-1p             | 0001F-1P",
        "99213 x1             | 99213",
        "J1100 x9999          | J1100 x9999",
        "99213 X2             | 99213-X2",
        "99213-x2             | 99213-X2",
        "99213 X5 x3          | 99213-X5 x3",
        // After a hyphen any two characters are a modifier, as toString writes them.
        "J1100-X8             | J1100-X8",
        "J1100 - x8           | J1100-X8",
        "J1100-8x             | J1100-8X",
        "27447-rt-22-51-AS    | 27447-RT-22-51-AS",
        "00790-AA 95min       | 00790-AA 95min",
        "00790 aa 95MIN       | 00790-AA 95min",
        "01967-QK-P2 x1 180min| 01967-QK-P2 180min",
        "00790-QX x2 5min     | 00790-QX x2 5min",
        "00790 9999min        | 00790 9999min",
      })
  void parsesTheFormsPeopleType(String text, String canonical) {
    ClaimLine line = ClaimLine.parse(text);
    assertEquals(canonical, line.toString());
    assertEquals(line, ClaimLine.parse(canonical));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                    | EMPTY              | 0",
        "'   '                 | EMPTY              | 0",
        "9921-25               | WRONG_LENGTH       | 4",
        "99213-2               | WRONG_LENGTH       | 7",
        "99213-256             | WRONG_LENGTH       | 8",
        // A modifier of no characters: the line is not empty.
        "99213--25             | WRONG_LENGTH       | 6",
        "99213-                | WRONG_LENGTH       | 6",
        "-99213                | WRONG_LENGTH       | 0",
        "99213-2!              | ILLEGAL_CHARACTER  | 7",
        "99213-r!              | ILLEGAL_CHARACTER  | 7",
        "99213-25-r5x          | WRONG_LENGTH       | 11",
        "99\u066213-25         | ILLEGAL_CHARACTER  | 2",
        "99213-25-59-76-77-78  | TOO_MANY_MODIFIERS | 18",
        "99213 x0              | BAD_UNITS          | 7",
        "99213 x100000         | BAD_UNITS          | 7",
        // A lone x is units without their number, not a one-character modifier.
        "99213 x-1             | BAD_UNITS          | 7",
        "99213 x               | BAD_UNITS          | 6",
        "99213-25 x -2         | BAD_UNITS          | 10",
        "99213-x               | WRONG_LENGTH       | 7",
        "00790-AA 0min         | BAD_MINUTES        | 9",
        "00790-AA 10000min     | BAD_MINUTES        | 9",
        "00790 95min x2        | BAD_MINUTES        | 11",
        "00790 95min 30min     | BAD_MINUTES        | 11",
        // Minutes written wrong are the minutes, not 'a modifier of the wrong length': the sign,
        // the point, the hyphen or the space is named.
        "00790-AA -5min        | BAD_MINUTES        | 9",
        "00790-AA - 5min       | BAD_MINUTES        | 9",
        "00790-AA 7.5min       | BAD_MINUTES        | 10",
        "00790-AA 7,5min       | BAD_MINUTES        | 10",
        "00790-AA-60min        | BAD_MINUTES        | 8",
        "00790-AA 60 min       | BAD_MINUTES        | 11",
        "00790 x2 60 min       | BAD_MINUTES        | 11",
        // An upper-case X and digits after a space is units written wrong, not a modifier: the
        // modifiers of an X and a digit are X1-X5. J1100 X8 priced one unit as the modifier X8.
        "J1100 X8              | BAD_UNITS          | 6",
        "99213 X9              | BAD_UNITS          | 6",
        "99213 X0              | BAD_UNITS          | 6",
        "99213-25 X12          | BAD_UNITS          | 9",
        "99213 X6 30min        | BAD_UNITS          | 6",
        // Units are whole: the point, not 'a modifier of the wrong length'.
        "J1100 x0.5            | BAD_UNITS          | 8",
        "99213 x1.5            | BAD_UNITS          | 8",
        "99213 X1.5            | BAD_UNITS          | 8",
        "J1100 x1,000          | BAD_UNITS          | 8",
        // A number and then an x after a space is units written the wrong way round, not the
        // modifier 8X: J1100 8x priced one unit.
        "J1100 8x              | BAD_UNITS          | 6",
        "99213-25 2X           | BAD_UNITS          | 9",
        "J1100 10x             | BAD_UNITS          | 6",
        "99213 0x 30min        | BAD_UNITS          | 6",
        // x and digits after a space are the units wherever they stand: 99213 x2 25 was
        // 99213-X2-25, one unit.
        "99213 x2 25           | BAD_MINUTES        | 9",
        "71046 x2 26 x3        | BAD_MINUTES        | 9",
        "I1234-25              | LETTER_NOT_IN_USE  | 0",
        "0001b                 | BAD_SUFFIX         | 4",
      })
  void rejectsWithTypeAndIndex(String text, ErrorType type, int index) {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> ClaimLine.parse(text));
    assertEquals(type, e.errorType(), e::getMessage);
    assertEquals(index, e.errorIndex(), e::getMessage);
    assertEquals(text, e.input());
  }

  @Test
  void minutesWrittenWrongAreToldHowToWriteThem() {
    assertEquals(
        "'00790-AA -5min' has bad anesthesia minutes at index 9: anesthesia minutes are 1 to"
            + " 9999, never negative",
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("00790-AA -5min"))
            .getMessage());
    assertEquals(
        "'00790-AA 7.5min' has bad anesthesia minutes at index 10: anesthesia minutes are a"
            + " whole number from 1 to 9999, such as 95min, never a fraction",
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("00790-AA 7.5min"))
            .getMessage());
    assertEquals(
        "'00790-AA-60min' has bad anesthesia minutes at index 8: the anesthesia minutes follow a"
            + " space, not a hyphen, such as 00790-AA 60min",
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("00790-AA-60min"))
            .getMessage());
    assertEquals(
        "'00790-AA 60 min' has bad anesthesia minutes at index 11: the anesthesia minutes are"
            + " written without a space before min, such as 60min",
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("00790-AA 60 min"))
            .getMessage());
  }

  @Test
  void aMissingCodeOrModifierIsNotAnEmptyLine() {
    assertEquals(
        "'99213--25' has the wrong length at index 6: a modifier is exactly two characters",
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("99213--25")).getMessage());
    assertEquals(
        "'-99213' has the wrong length at index 0: the code before the modifiers is missing"
            + " (expected a code such as 99213, 0001F or G0438)",
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("-99213")).getMessage());
    // A modifier alone, empty, is still an empty input.
    assertEquals(
        ErrorType.EMPTY,
        assertThrows(CodeFormatException.class, () -> Modifier.parse("")).errorType());
  }

  @Test
  void unitsWrittenWrongAreToldHowToWriteThem() {
    CodeFormatException upper =
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("J1100 X8"));
    assertEquals(
        "'J1100 X8' has bad units at index 6: units are written with a lower-case x, such as x8;"
            + " X8 is no modifier (the modifiers of an X and a digit are X1 to X5)",
        upper.getMessage());
    // X0 is neither units nor a modifier: the example is units that are.
    CodeFormatException zero =
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("99213 X0"));
    assertEquals(
        "'99213 X0' has bad units at index 6: units are written with a lower-case x, such as x2;"
            + " X0 is no modifier (the modifiers of an X and a digit are X1 to X5)",
        zero.getMessage());
    // A modifier written after the units is told where it goes; other words are not.
    CodeFormatException late =
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("99213 x2 25"));
    assertEquals(
        "'99213 x2 25' has bad anesthesia minutes at index 9: only the anesthesia minutes, such as"
            + " 95min, may follow the units; modifiers go before them: 99213-25 x2, not 99213 x2 25",
        late.getMessage());
    assertEquals(
        "'99213 x2 abc' has bad anesthesia minutes at index 9: only the anesthesia minutes, such as"
            + " 95min, may follow the units",
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("99213 x2 abc"))
            .getMessage());
    CodeFormatException reversed =
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("J1100 8x"));
    assertEquals(
        "'J1100 8x' has bad units at index 6: units are written after a lower-case x, such as x8;"
            + " 8x is no modifier",
        reversed.getMessage());
    assertEquals(
        "'99213 0x' has bad units at index 6: units are written after a lower-case x, such as x2;"
            + " 0x is no modifier",
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("99213 0x")).getMessage());
    CodeFormatException fraction =
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("J1100 x0.5"));
    assertEquals(
        "'J1100 x0.5' has bad units at index 8: units are a whole number from 1 to 99999, such"
            + " as x2, never a fraction",
        fraction.getMessage());
  }

  @Test
  void unitsWrittenWrongWithALongNumberKeepTheMessageShort() {
    // Every message quotes at most 64 characters of its input: the X's digits, all 10,000 of them,
    // were written out after the quote.
    String text = "99213 X" + "1".repeat(10_000);
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> ClaimLine.parse(text));
    assertEquals(
        CodeFormatException.quote(text)
            + " has bad units at index 6: units are written with a lower-case x, such as x2; an X"
            + " and 10000 digits is no modifier (the modifiers of an X and a digit are X1 to X5)",
        e.getMessage());
    assertEquals(ErrorType.BAD_UNITS, e.errorType());
    // Five digits, as many as units have, are still named.
    assertTrue(
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("J1100 X12345"))
            .getMessage()
            .endsWith(
                "such as x12345; X12345 is no modifier (the modifiers of an X and a digit are"
                    + " X1 to X5)"));
  }

  @Test
  void theModifiersX1ToX5AreReadInUpperCaseAfterASpace() {
    for (int digit = 1; digit <= 5; digit++) {
      ClaimLine line = ClaimLine.parse("99213 X" + digit);
      assertEquals(List.of(Modifier.parse("X" + digit)), line.modifiers());
      assertEquals(1, line.units());
    }
  }

  @Test
  void aBadCodeIsCalledTheCodeBeforeTheModifiersOnlyWhenSomethingFollows() {
    CodeFormatException alone =
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("9921"));
    assertTrue(
        alone
            .getMessage()
            .endsWith(": the code has the wrong length (expected exactly five characters)"),
        alone.getMessage());
    CodeFormatException before =
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("9921-25"));
    assertTrue(
        before
            .getMessage()
            .endsWith(
                ": the code before the modifiers has the wrong length (expected exactly five"
                    + " characters)"),
        before.getMessage());
  }

  @Test
  void carriesAnesthesiaMinutes() {
    ClaimLine line = ClaimLine.parse("00790-AA 95min");
    assertEquals(95, line.minutes().getAsInt());
    assertTrue(line.hasMinutes());
    assertEquals(95, line.minutesOrZero());
    assertEquals("00790-AA x2 95min", line.withUnits(2).toString());
    assertEquals("00790-QK 95min", line.withModifiers(List.of(Modifier.parse("QK"))).toString());
    assertEquals("00790-AA", line.withoutMinutes().toString());
    assertFalse(line.withoutMinutes().minutes().isPresent());
    assertEquals("00790-AA 30min", line.withMinutes(30).toString());
    assertThrows(IllegalArgumentException.class, () -> line.withMinutes(0));
    assertThrows(IllegalArgumentException.class, () -> line.withMinutes(10_000));
    assertFalse(ClaimLine.parse("99213").hasMinutes());
  }

  @Test
  void aDrugBilledByTheInternationalUnitTakesFiveDigitsOfUnits() {
    // A clotting factor is billed per IU: a dose of 16,000 IU is one line of 16,000 units, which
    // four digits refused.
    assertEquals(16_000, ClaimLine.parse("J7198 x16000").units());
    assertEquals(99_999, ClaimLine.parse("j7192 x99999").units());
    assertEquals("J7198 x16000", ClaimLine.parse("J7198 x16000").toString());
    assertEquals(99_999, ClaimLine.MAX_UNITS);
  }

  @Test
  @SuppressWarnings("DoNotCall") // the point: the list must refuse changes
  void factoriesCheckTheirArguments() {
    ProcedureCode code = CptCode.parse("99213");
    ClaimLine line = ClaimLine.of(code, Modifier.SEPARATE_EM);
    assertEquals(1, line.units());
    assertTrue(line.hasModifier(Modifier.SEPARATE_EM));
    assertFalse(line.hasModifier(Modifier.DISTINCT_SERVICE));
    assertEquals("99213-25 x3", line.withUnits(3).toString());
    assertEquals("99213-59", line.withModifiers(List.of(Modifier.DISTINCT_SERVICE)).toString());
    assertThrows(IllegalArgumentException.class, () -> line.withUnits(0));
    assertThrows(IllegalArgumentException.class, () -> line.withUnits(ClaimLine.MAX_UNITS + 1));
    Modifier m = Modifier.SEPARATE_EM;
    assertThrows(IllegalArgumentException.class, () -> ClaimLine.of(code, m, m, m, m, m));
    List<Modifier> modifiers = line.modifiers();
    assertThrows(UnsupportedOperationException.class, () -> modifiers.add(m));
  }

  @Test
  void equalsAndHashCode() {
    ProcedureCode code = CptCode.parse("71046");
    new EqualsTester()
        .addEqualityGroup(
            ClaimLine.parse("71046-26 x2"),
            ClaimLine.of(code, List.of(Modifier.PROFESSIONAL_COMPONENT), 2),
            ClaimLine.parse(" 71046 26 x2"))
        .addEqualityGroup(
            ClaimLine.parse("71046-26 x2 30min"),
            ClaimLine.of(code, List.of(Modifier.PROFESSIONAL_COMPONENT), 2).withMinutes(30))
        .addEqualityGroup(
            ClaimLine.parse("71046-26"), ClaimLine.of(code, Modifier.PROFESSIONAL_COMPONENT))
        .addEqualityGroup(ClaimLine.parse("71046-TC x2"))
        .addEqualityGroup(ClaimLine.parse("71046 x2"))
        .addEqualityGroup(ClaimLine.parse("71047-26 x2"))
        .addEqualityGroup(ClaimLine.parse("27447-LT-RT"))
        .addEqualityGroup(ClaimLine.parse("27447-RT-LT"))
        .addEqualityGroup(ClaimLine.of(HcpcsCode.parse("G0438")))
        .testEquals();
  }

  @Test
  void tryParseNeverThrowsAndValueOfParses() {
    assertEquals(Optional.of(ClaimLine.parse("71046-26 x2")), ClaimLine.tryParse("71046-26 x2"));
    assertEquals(Optional.empty(), ClaimLine.tryParse(null));
    assertEquals(Optional.empty(), ClaimLine.tryParse(""));
    assertEquals(Optional.empty(), ClaimLine.tryParse("99213-25-59-76-77-91"));
    assertEquals(Optional.empty(), ClaimLine.tryParse("99213 x0"));
    assertEquals(ClaimLine.parse("27447-RT"), ClaimLine.valueOf("27447-RT"));
    assertThrows(CodeFormatException.class, () -> ClaimLine.valueOf("2744-RT"));
  }

  @Test
  void nullsAreRejected() throws NoSuchMethodException {
    NullPointerTester tester =
        new NullPointerTester()
            // Documented to never throw: null is simply not a line.
            .ignore(ClaimLine.class.getMethod("tryParse", CharSequence.class))
            .setDefault(ProcedureCode.class, CptCode.parse("99213"))
            .setDefault(Modifier.class, Modifier.SEPARATE_EM);
    tester.testAllPublicStaticMethods(ClaimLine.class);
    tester.testAllPublicInstanceMethods(ClaimLine.parse("99213-25 x2"));
    NullPointerException second =
        assertThrows(
            NullPointerException.class,
            () -> ClaimLine.of(CptCode.parse("99213"), Modifier.SEPARATE_EM, null));
    assertTrue(second.getMessage().contains("index 1"), second.getMessage());
  }
}
