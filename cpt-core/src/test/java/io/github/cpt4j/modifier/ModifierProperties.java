package io.github.cpt4j.modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.code.CodeArbitraries;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ModifierProperties {

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(4),
        CodeArbitraries.codeLikeStrings().map(s -> s.length() > 3 ? s.substring(0, 3) : s),
        // The ends of each accepted range and their neighbours: / 0 9 : @ A Z [ ` a z {.
        Arbitraries.strings().withChars("/09:@AZ[`az{ \u00e9\uff21").ofMaxLength(3));
  }

  /**
   * The error of a strict parse, as documented: empty, else the first bad character of the first
   * two (a lower-case letter a-z is LOWER_CASE, anything else ILLEGAL_CHARACTER), else a wrong
   * length at index 2. Without this law, 'z' reported as an illegal character (a range ending one
   * letter early) passed.
   */
  @Property(tries = 2000)
  void theErrorIsTheDocumentedOne(@ForAll("anyText") String text) {
    ErrorType expected = null;
    int index = 0;
    if (text.isEmpty()) {
      expected = ErrorType.EMPTY;
    } else if (isSpace(text.charAt(0))) {
      expected = ErrorType.SURROUNDING_WHITESPACE;
    } else if (isSpace(text.charAt(text.length() - 1))) {
      expected = ErrorType.SURROUNDING_WHITESPACE;
      index = text.length() - 1;
      while (index > 0 && isSpace(text.charAt(index - 1))) {
        index--;
      }
    } else {
      for (int i = 0; i < Math.min(2, text.length()) && expected == null; i++) {
        char c = text.charAt(i);
        if (c >= 'a' && c <= 'z') {
          expected = ErrorType.LOWER_CASE;
          index = i;
        } else if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
          expected = ErrorType.ILLEGAL_CHARACTER;
          index = i;
        }
      }
      if (expected == null && text.length() != 2) {
        expected = ErrorType.WRONG_LENGTH;
        index = Math.min(text.length(), 2);
      }
    }
    if (expected == null) {
      assertEquals(text, Modifier.parse(text).toString());
      return;
    }
    try {
      Modifier.parse(text);
      fail("'" + text + "' parsed");
    } catch (CodeFormatException e) {
      assertEquals(expected, e.errorType(), text);
      assertEquals(index, e.errorIndex(), text);
    }
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  @Property(tries = 2000)
  void entryPointsAgreeAndNeverThrowAnythingElse(@ForAll("anyText") String text) {
    Optional<Modifier> tried = Modifier.tryParse(text);
    assertEquals(tried.isPresent(), Modifier.isValid(text), text);
    try {
      Modifier parsed = Modifier.parse(text);
      assertEquals(Optional.of(parsed), tried);
      assertEquals(text, parsed.toString());
      assertSame(parsed, Modifier.ofOrdinal(parsed.ordinal()));
    } catch (CodeFormatException e) {
      assertTrue(tried.isEmpty());
      assertTrue(e.errorIndex() >= 0 && e.errorIndex() <= text.length(), e::getMessage);
    } catch (RuntimeException e) {
      fail("'" + text + "' threw " + e);
    }
  }
}
