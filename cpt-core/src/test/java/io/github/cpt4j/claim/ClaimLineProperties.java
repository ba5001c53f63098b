package io.github.cpt4j.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.code.CodeArbitraries;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class ClaimLineProperties {

  @Provide
  Arbitrary<ClaimLine> lines() {
    Arbitrary<ProcedureCode> codes = CodeArbitraries.procedureCodes();
    Arbitrary<List<Modifier>> modifiers =
        Arbitraries.integers()
            .between(0, Modifier.COUNT - 1)
            .map(Modifier::ofOrdinal)
            .list()
            .ofMaxSize(ClaimLine.MAX_MODIFIERS);
    Arbitrary<Integer> units =
        Arbitraries.oneOf(
            Arbitraries.just(1), Arbitraries.integers().between(1, ClaimLine.MAX_UNITS));
    // Anesthesia minutes on about a third of the lines, 0 meaning none.
    Arbitrary<Integer> minutes =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(0)),
            Tuple.of(1, Arbitraries.integers().between(1, ClaimLine.MAX_MINUTES)));
    return Combinators.combine(codes, modifiers, units, minutes)
        .as(
            (c, m, u, min) -> {
              ClaimLine line = ClaimLine.of(c, m, u);
              return min == 0 ? line : line.withMinutes(min);
            });
  }

  @Property
  void toStringThenParseGivesTheSameLine(@ForAll("lines") ClaimLine line) {
    String text = line.toString();
    assertEquals(line, ClaimLine.parse(text));
    assertEquals(text, ClaimLine.parse(text).toString());
  }

  @Property
  void spacedAndLowerCaseFormsParseToo(@ForAll("lines") ClaimLine line) {
    // "99213 25 59 x2": modifiers separated by spaces instead of hyphens. Lower-case letters
    // are accepted, except that a lower-case "x" and digits at the end are always the units.
    StringBuilder sb = new StringBuilder(line.code().toString().toLowerCase(Locale.ROOT));
    for (Modifier m : line.modifiers()) {
      sb.append("  ").append(m);
    }
    if (line.units() > 1) {
      sb.append(" x").append(line.units());
    }
    if (line.hasMinutes()) {
      sb.append("  ").append(line.minutesOrZero()).append("MIN");
    }
    assertEquals(line, ClaimLine.parse("\t" + sb + " "));
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20),
        CodeArbitraries.codeLikeStrings().list().ofMaxSize(4).map(parts -> String.join("-", parts)),
        lines().map(ClaimLine::toString).map(s -> s.substring(0, s.length() / 2)));
  }

  @Property(tries = 3000)
  void parseThrowsOnlyItsOwnExceptionWithAnIndexInTheInput(@ForAll("anyText") String text) {
    try {
      ClaimLine line = ClaimLine.parse(text);
      assertEquals(line, ClaimLine.parse(line.toString()));
    } catch (CodeFormatException e) {
      assertTrue(e.errorIndex() >= 0 && e.errorIndex() <= text.length(), e::getMessage);
      assertEquals(text, e.input());
    } catch (RuntimeException e) {
      fail("'" + text + "' threw " + e);
    }
  }

  /**
   * The common shapes ({@code 99213}, {@code 71046-26}) take a fast path; a leading space sends the
   * same line through the general grammar, which must give the same line, or the same error one
   * character later.
   */
  @Property(tries = 3000)
  void theFastPathReadsLinesAsTheGeneralGrammarDoes(@ForAll("commonShapes") String text) {
    ClaimLine fast;
    try {
      fast = ClaimLine.parse(text);
    } catch (CodeFormatException e) {
      CodeFormatException general = assertThrowsFormat(" " + text);
      assertEquals(e.errorType(), general.errorType(), text);
      // A line of blanks has nothing to point at: both say "empty" at its start.
      boolean blank =
          text.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
      int shift = blank ? 0 : 1;
      assertEquals(e.errorIndex() + shift, general.errorIndex(), text);
      return;
    }
    ClaimLine general = ClaimLine.parse(" " + text);
    assertEquals(general, fast, text);
    // The fast parse leaves the code object out until code() is read: it must be the same code,
    // read the same way by everything built on it.
    assertEquals(general.code(), fast.code(), text);
    assertEquals(general.toString(), fast.toString(), text);
    assertEquals(general.hashCode(), fast.hashCode(), text);
    assertEquals(fast.code().packed(), fast.packedCode(), text);
    assertEquals(fast.code().packed(), ClaimLine.parse(" " + text).packedCode(), text);
  }

  @Provide
  Arbitrary<String> commonShapes() {
    Arbitrary<String> codes =
        Arbitraries.oneOf(
            CodeArbitraries.procedureCodes().map(ProcedureCode::toString),
            CodeArbitraries.codeLikeStrings().filter(s -> s.length() == 5));
    Arbitrary<String> modifiers =
        Arbitraries.oneOf(
            Arbitraries.of("26", "TC", "53", "25", "59", "LT", "RT", "tc", "XU", "GA", "Q5"),
            Arbitraries.strings()
                .withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz -\t\u00a0\u2003")
                .ofLength(2));
    return Arbitraries.oneOf(
        codes, Combinators.combine(codes, modifiers).as((c, m) -> c + "-" + m));
  }

  /** The case the property above found (seed 6725723293948351026): a line of blanks. */
  @Example
  void aBlankLineIsEmptyAtItsStartWithOrWithoutALeadingSpace() {
    for (String blank : List.of("     ", " \t  ", "      ")) {
      CodeFormatException e = assertThrowsFormat(blank);
      assertEquals(ErrorType.EMPTY, e.errorType(), blank);
      assertEquals(0, e.errorIndex(), blank);
    }
  }

  private static CodeFormatException assertThrowsFormat(String text) {
    try {
      ClaimLine.parse(text);
    } catch (CodeFormatException e) {
      return e;
    }
    throw new AssertionError("'" + text + "' parsed");
  }
}
