package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Parsing a part of a text in place agrees with parsing that part copied out. */
class ProcedureCodeRangeProperties {

  /** A code-like string inside other text: "prefix|code|suffix" and the range of the middle. */
  record Embedded(String text, int start, int end) {}

  @Provide
  Arbitrary<Embedded> embedded() {
    Arbitrary<String> around = Arbitraries.strings().withChars("-x 9A\u00a0").ofMaxLength(3);
    return Combinators.combine(around, CodeArbitraries.codeLikeStrings(), around)
        .as((a, code, b) -> new Embedded(a + code + b, a.length(), a.length() + code.length()));
  }

  @Property(tries = 3000)
  void aRangeParsesAsItsCopy(@ForAll("embedded") Embedded e) {
    String part = e.text().substring(e.start(), e.end());
    ProcedureCode expected;
    try {
      expected = ProcedureCode.parseLenient(part);
    } catch (CodeFormatException copied) {
      CodeFormatException inPlace =
          assertThrows(
              CodeFormatException.class,
              () -> ProcedureCode.parseLenient(e.text(), e.start(), e.end()));
      assertEquals(copied.errorType(), inPlace.errorType(), e.text());
      assertEquals(e.start() + copied.errorIndex(), inPlace.errorIndex(), e.text());
      return;
    }
    assertEquals(expected, ProcedureCode.parseLenient(e.text(), e.start(), e.end()), e.text());
  }

  @Property(tries = 200)
  void aRangeOutsideTheTextIsRefused(@ForAll("embedded") Embedded e) {
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> ProcedureCode.parseLenient(e.text(), e.start(), e.text().length() + 1));
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> ProcedureCode.parseLenient(e.text(), e.end(), e.start() - 1));
    // A view shorter than the text behind it, as a caller's window over a buffer is: its length,
    // not what its charAt can still read, bounds the range.
    Window window = new Window(e.text(), e.end() - 1);
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> ProcedureCode.parseLenient(window, e.start(), e.end()));
  }

  /** The first {@code length} characters of {@code text}, reading past them without a check. */
  record Window(String text, int length) implements CharSequence {
    @Override
    public char charAt(int index) {
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text.substring(0, Math.max(0, length));
    }
  }
}
