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
  }
}
