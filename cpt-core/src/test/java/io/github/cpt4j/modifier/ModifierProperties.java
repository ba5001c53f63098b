package io.github.cpt4j.modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.code.CodeArbitraries;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
   * The error of a strict parse, as documented: empty; else blanks at the start; else, before
   * trailing blanks, blanks if the rest is a modifier and the rest's own error if not; else the
   * first bad character of the first two (a lower-case letter a-z is LOWER_CASE, anything else
   * ILLEGAL_CHARACTER), else a wrong length at index 2. Without this law, 'z' reported as an
   * illegal character (a range ending one letter early) passed.
   */
  @Property(tries = 2000)
  void theErrorIsTheDocumentedOne(@ForAll("anyText") String text) {
    ErrorType expected = null;
    int index = 0;
    int trailing = text.length();
    while (trailing > 0 && isSpace(text.charAt(trailing - 1))) {
      trailing--;
    }
    if (text.isEmpty()) {
      expected = ErrorType.EMPTY;
    } else if (isSpace(text.charAt(0))) {
      expected = ErrorType.SURROUNDING_WHITESPACE;
    } else {
      // The characters before any trailing blanks, judged on their own.
      String inner = text.substring(0, trailing);
      for (int i = 0; i < Math.min(2, inner.length()) && expected == null; i++) {
        char c = inner.charAt(i);
        if (c >= 'a' && c <= 'z') {
          expected = ErrorType.LOWER_CASE;
          index = i;
        } else if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
          expected = ErrorType.ILLEGAL_CHARACTER;
          index = i;
        }
      }
      if (expected == null && inner.length() != 2) {
        expected = ErrorType.WRONG_LENGTH;
        index = Math.min(inner.length(), 2);
      }
      if (expected == null && trailing < text.length()) {
        expected = ErrorType.SURROUNDING_WHITESPACE;
        index = trailing;
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

  /**
   * Short text and the same text followed by blanks, as pasted: "!6 ", "26" and a no-break space.
   */
  @Provide
  Arbitrary<String> textAndBlanks() {
    return Arbitraries.oneOf(
        anyText(),
        Combinators.combine(
                anyText(),
                Arbitraries.strings().withChars(" \t\u00a0\u2003\n").ofMinLength(1).ofMaxLength(3))
            .as(String::concat));
  }

  /**
   * Every prefix of every modifier: the texts that can still become one as characters are added.
   */
  private static final Set<String> PREFIXES = modifierPrefixes();

  private static Set<String> modifierPrefixes() {
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < Modifier.COUNT; i++) {
      String m = Modifier.ofOrdinal(i).toString();
      for (int n = 0; n <= m.length(); n++) {
        prefixes.add(m.substring(0, n));
      }
    }
    return prefixes;
  }

  /**
   * The reported index is the first position at which the text can no longer be a modifier: the
   * length of its longest start that some modifier also starts with. "!6 " was once reported at its
   * blank, 2, after the '!' at 0.
   */
  @Property(tries = 2000)
  void theIndexIsWhereTheTextStopsBeingAModifier(@ForAll("textAndBlanks") String text) {
    int expected = 0;
    while (expected < text.length() && PREFIXES.contains(text.substring(0, expected + 1))) {
      expected++;
    }
    try {
      Modifier parsed = Modifier.parse(text);
      assertEquals(text, parsed.toString());
    } catch (CodeFormatException e) {
      assertEquals(expected, e.errorIndex(), e::getMessage);
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
