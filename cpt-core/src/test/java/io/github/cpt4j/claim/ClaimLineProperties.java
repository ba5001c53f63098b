package io.github.cpt4j.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.cpt4j.code.CodeArbitraries;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.util.ArrayList;
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
    Arbitrary<List<Modifier>> modifiers = modifiers().list().ofMaxSize(ClaimLine.MAX_MODIFIERS);
    Arbitrary<Integer> units =
        Arbitraries.oneOf(
            Arbitraries.just(1),
            Arbitraries.of(2, 9, 10, 99, 100, 999, 1000, ClaimLine.MAX_UNITS),
            Arbitraries.integers().between(1, ClaimLine.MAX_UNITS));
    // Anesthesia minutes on about a third of the lines, 0 meaning none.
    Arbitrary<Integer> minutes =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(0)),
            Tuple.of(1, Arbitraries.of(1, 9, 10, 99, 100, 999, 1000, ClaimLine.MAX_MINUTES)),
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

  /**
   * Any modifier, with the named ones (26, TC, 59...), the X modifiers (which a lower-case x would
   * make units) and both ends of the alphabet drawn often.
   */
  static Arbitrary<Modifier> modifiers() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.integers().between(0, Modifier.COUNT - 1).map(Modifier::ofOrdinal)),
        Tuple.of(1, Arbitraries.of(NAMED_MODIFIERS)),
        Tuple.of(
            1,
            Arbitraries.of("X1", "X5", "XU", "XS", "00", "09", "0A", "A0", "ZZ", "Z9", "9Z")
                .map(Modifier::parse)));
  }

  private static final List<Modifier> NAMED_MODIFIERS =
      List.of(
          Modifier.INCREASED_SERVICES,
          Modifier.SEPARATE_EM,
          Modifier.PROFESSIONAL_COMPONENT,
          Modifier.BILATERAL,
          Modifier.MULTIPLE_PROCEDURES,
          Modifier.REDUCED_SERVICES,
          Modifier.DISCONTINUED,
          Modifier.SURGICAL_CARE_ONLY,
          Modifier.POSTOPERATIVE_CARE_ONLY,
          Modifier.PREOPERATIVE_CARE_ONLY,
          Modifier.DISTINCT_SERVICE,
          Modifier.CO_SURGEONS,
          Modifier.TEAM_SURGERY,
          Modifier.ASSISTANT_SURGEON,
          Modifier.MINIMUM_ASSISTANT_SURGEON,
          Modifier.ASSISTANT_SURGEON_NO_RESIDENT,
          Modifier.NON_PHYSICIAN_ASSISTANT,
          Modifier.LEFT_SIDE,
          Modifier.RIGHT_SIDE,
          Modifier.TECHNICAL_COMPONENT);

  /**
   * The forms people type for a line: "99213 25 59 x2", "71046 - tc", modifiers separated by
   * hyphens or any white space (tabs, no-break and em spaces too), letters of either case, units
   * with leading zeros, "MIN" in any case. The forms left out are a lower-case X modifier (x1),
   * which the grammar reads as units after a space, and an X and a digit other than X1-X5 or a
   * digit and an X after a space, which it refuses as units written wrong.
   */
  @Property
  void typedFormsParseToTheLine(@ForAll("typedLines") Tuple.Tuple2<ClaimLine, String> typed) {
    assertEquals(typed.get1(), ClaimLine.parse(typed.get2()), typed.get2());
  }

  @Provide
  Arbitrary<Tuple.Tuple2<ClaimLine, String>> typedLines() {
    return lines().flatMap(line -> typed(line).map(text -> Tuple.of(line, text)));
  }

  private static Arbitrary<String> typed(ClaimLine line) {
    Arbitrary<String> blank = Arbitraries.of("", " ", "\t", " \t ", "\u00a0", "\u2003 ");
    Arbitrary<String> space = Arbitraries.of(" ", "  ", "\t", "\u00a0", "\u2003", " \t");
    Arbitrary<String> separator =
        Arbitraries.oneOf(space, Arbitraries.of("-", " -", "- ", " - ", "\t-\u00a0"));
    String code = line.code().toString();
    List<Arbitrary<String>> parts = new ArrayList<>();
    parts.add(blank);
    parts.add(Arbitraries.of(code, code.toLowerCase(Locale.ROOT)));
    for (Modifier m : line.modifiers()) {
      String text = m.toString();
      boolean xDigit = text.charAt(0) == 'X' && Character.isDigit(text.charAt(1));
      Arbitrary<String> cased =
          xDigit ? Arbitraries.just(text) : Arbitraries.of(text, text.toLowerCase(Locale.ROOT));
      // X and a digit other than X1-X5, or a digit and X (8X), reads as units written wrong
      // after a space: a hyphen.
      boolean digitX = Character.isDigit(text.charAt(0)) && text.charAt(1) == 'X';
      boolean hyphenOnly = xDigit && (text.charAt(1) < '1' || text.charAt(1) > '5') || digitX;
      parts.add(
          Combinators.combine(hyphenOnly ? Arbitraries.of("-", " - ") : separator, cased)
              .as(String::concat));
    }
    if (line.units() > 1 || line.hasMinutes()) {
      String units = Integer.toString(line.units());
      Arbitrary<String> digits =
          units.length() < 4
              ? Arbitraries.of(units, "0".repeat(4 - units.length()) + units)
              : Arbitraries.just(units);
      Arbitrary<String> written = Combinators.combine(space, digits).as((s, d) -> s + "x" + d);
      // One unit may be written out, or left out.
      parts.add(line.units() > 1 ? written : Arbitraries.oneOf(Arbitraries.just(""), written));
    }
    if (line.hasMinutes()) {
      String minutes = Integer.toString(line.minutesOrZero());
      parts.add(
          Combinators.combine(space, Arbitraries.of("min", "MIN", "Min", "mIN"))
              .as((s, unit) -> s + minutes + unit));
    }
    parts.add(blank);
    return Combinators.combine(parts).as(strings -> String.join("", strings));
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
