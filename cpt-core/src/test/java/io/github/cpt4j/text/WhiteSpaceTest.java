package io.github.cpt4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one white-space predicate, and the parsers that use it agreeing over every {@code char}: the
 * code, modifier and claim-line parsers each had a copy of it, free to drift apart.
 */
class WhiteSpaceTest {

  @Test
  void isJavasOrUnicodesSpaceForEveryChar() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      assertEquals(
          Character.isWhitespace(c) || Character.isSpaceChar(c),
          WhiteSpace.isSpace(c),
          () -> String.format("U+%04X", (int) c));
    }
  }

  @Test
  void stripAndIsBlankUseTheSameCharacters() {
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      String around = c + "99213" + c;
      assertEquals(WhiteSpace.isSpace(c) ? "99213" : around, WhiteSpace.strip(around));
      assertEquals(WhiteSpace.isSpace(c), WhiteSpace.isBlank(c + "" + c), around);
    }
    assertTrue(WhiteSpace.isBlank(""));
    assertEquals("", WhiteSpace.strip("\u00a0\n\t"));
    assertEquals("a \u00a0b", WhiteSpace.strip("\u2007a \u00a0b\r\n"));
  }

  @Test
  void coversThePastedBlanksAndNoControlOrInvisibleCharacter() {
    for (char c : new char[] {' ', '\t', '\n', '\r', '\u000B', '\f', '\u001C', '\u001F'}) {
      assertTrue(WhiteSpace.isSpace(c), () -> String.format("U+%04X", (int) c));
    }
    // No-break, figure, narrow no-break, ideographic and line separator.
    for (char c : new char[] {'\u00A0', '\u2007', '\u202F', '\u3000', '\u2028'}) {
      assertTrue(WhiteSpace.isSpace(c), () -> String.format("U+%04X", (int) c));
    }
    // NUL, escape, delete, zero-width space, byte order mark: refused, never trimmed.
    for (char c : new char[] {'\u0000', '\u001B', '\u007F', '\u200B', '\uFEFF', '-', 'A', '9'}) {
      assertFalse(WhiteSpace.isSpace(c), () -> String.format("U+%04X", (int) c));
    }
  }

  /**
   * The parsers agree with the predicate on every character that could be read as a blank, and on a
   * spread of the others. Every character would throw about 330,000 exceptions (12 s); the
   * predicate itself is checked over every character above.
   */
  @Test
  void codesModifiersAndClaimLinesTrimTheSameCharacters() {
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      if (!BlankCandidates.worthChecking(c)) {
        continue;
      }
      boolean space = WhiteSpace.isSpace(c);
      String s = String.valueOf(c);
      boolean code = parses(() -> ProcedureCode.parseLenient(s + "99213" + s));
      boolean strictCode = errorType(() -> ProcedureCode.parse(s + "99213"));
      boolean strictModifier = errorType(() -> Modifier.parse("26" + s));
      boolean line = ClaimLine.tryParse(s + "99213-26" + s).isPresent();
      boolean separator = ClaimLine.tryParse("99213" + s + "26").isPresent();
      if (code != space
          || strictCode != space
          || strictModifier != space
          || line != space
          || separator != (space || c == '-')) {
        disagreements.add(String.format("U+%04X", i));
      }
    }
    assertEquals(List.of(), disagreements);
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (CodeFormatException e) {
      return false;
    }
  }

  /** Whether the parse fails for white space around the text. */
  private static boolean errorType(Runnable parse) {
    CodeFormatException e = assertThrows(CodeFormatException.class, parse::run);
    return e.errorType() == ErrorType.SURROUNDING_WHITESPACE;
  }
}
