package io.github.cpt4j.code;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of codes of every shape, shared by the property tests of all packages. */
public final class CodeArbitraries {

  /** The Level II letters the parsers accept. */
  public static final List<Character> LEVEL_II_LETTERS =
      List.of(
          'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R', 'S', 'T',
          'U', 'V');

  private CodeArbitraries() {}

  /** Five-digit CPT codes, 00000-99999. */
  public static Arbitrary<CptCode> fiveDigitCodes() {
    return Arbitraries.integers().between(0, 99_999).map(CptCode::of);
  }

  /** CPT codes with a suffix letter, of every suffixed kind. */
  public static Arbitrary<CptCode> suffixedCodes() {
    return Arbitraries.of(
            CptKind.VACCINE_ADMINISTRATION,
            CptKind.MAAA,
            CptKind.PLA,
            CptKind.PERFORMANCE_MEASURE,
            CptKind.EMERGING_TECHNOLOGY)
        .flatMap(kind -> Arbitraries.integers().between(0, 9_999).map(n -> CptCode.of(kind, n)));
  }

  /** CPT codes of every shape. */
  public static Arbitrary<CptCode> cptCodes() {
    return Arbitraries.oneOf(fiveDigitCodes(), suffixedCodes());
  }

  /** Level II codes of every accepted letter. */
  public static Arbitrary<HcpcsCode> hcpcsCodes() {
    return Arbitraries.of(LEVEL_II_LETTERS)
        .flatMap(
            letter -> Arbitraries.integers().between(0, 9_999).map(n -> HcpcsCode.of(letter, n)));
  }

  /**
   * Real code numbers of every shape and level: anesthesia codes with leading zeros, the ends of
   * the Category I range, each suffix letter (A, F, M, T, U) and each Level II letter. Numbers
   * only: what the codes mean is not needed to test how they are read and written.
   */
  public static final List<String> REAL_CODES =
      List.of(
          "00100", "01999", "10004", "27447", "71046", "76145", "80047", "90460", "99213", "99499",
          "0001A", "0124A", "0001F", "1036F", "9001F", "0002M", "0018M", "0042T", "0591T", "0001U",
          "0355U", "A0021", "B4034", "C1713", "D0120", "E0100", "G0008", "G2211", "H0001", "J0120",
          "J3490", "K0001", "L0112", "M0001", "P2028", "Q0035", "R0070", "S0012", "T1000", "U0001",
          "V2020");

  /** {@link #REAL_CODES}, parsed. */
  public static Arbitrary<ProcedureCode> realCodes() {
    return Arbitraries.of(REAL_CODES).map(ProcedureCode::parse);
  }

  /**
   * Codes of both levels and every shape: mostly drawn at random over the whole code space, with a
   * quarter of real codes, so that a bug for one real shape (a suffix letter, a Level II letter,
   * leading zeros) shows up in every run rather than in one run of many.
   */
  public static Arbitrary<ProcedureCode> procedureCodes() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, fiveDigitCodes()),
        Tuple.of(1, suffixedCodes()),
        Tuple.of(1, hcpcsCodes()),
        Tuple.of(1, realCodes()));
  }

  /**
   * Short strings over an alphabet that makes near-misses likely: ASCII digits and letters of both
   * cases, white space, hyphens, non-ASCII digits and letters, controls and surrogates.
   */
  public static Arbitrary<String> codeLikeStrings() {
    return Arbitraries.strings()
        .withChars("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZafmtux -\t\u00a0")
        .withChars(
            '\u0663', '\u06f3', '\uff13', '\uff21', '\u0000', '\u001f', '\u007f', '\ud83d',
            '\ude00', '\u2003')
        .ofMinLength(0)
        .ofMaxLength(8);
  }

  /**
   * Text a parser must refuse or read without any exception but its own, built around the good
   * forms {@code valid}: any characters (surrogates, paired or not, controls and noncharacters
   * included), near misses of a good form (a character changed, inserted or cut off), a good form
   * in blanks and other white space, and very long text (a good form after or before thousands of
   * digits, blanks, hyphens or surrogates, or thousands of any characters).
   */
  public static Arbitrary<String> hostileText(String... valid) {
    Arbitrary<String> good = Arbitraries.of(valid);
    Arbitrary<Character> anyChar =
        Arbitraries.oneOf(
            Arbitraries.chars().all(),
            Arbitraries.of(
                '\u0000', '\n', '\r', '\u001b', '\u001c', '\u0085', '\u00a0', '\u2028', '\u3000',
                '\ud83d', '\ude00', '\ufeff', '\uffff', '\u0663', '\uff11', '\u212a', '\u0130'));
    Arbitrary<String> space =
        Arbitraries.strings()
            .withChars(" \t\n\r\u000b\f\u001c\u001f\u0085\u00a0\u2003\u2028\u200b\u3000\ufeff")
            .ofMaxLength(3);
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 40);
    Arbitrary<String> repeated =
        Arbitraries.of("9", "0", " ", "\u00a0", "-", "\ud83d\ude00", "\ud83d", "$", "x", "Q");
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(16),
        codeLikeStrings(),
        good,
        Combinators.combine(space, good, space).as((a, g, b) -> a + g + b),
        Combinators.combine(good, at, anyChar)
            .as(
                (g, i, c) ->
                    g.substring(0, i % (g.length() + 1)) + c + g.substring(i % (g.length() + 1))),
        Combinators.combine(good, at, anyChar)
            .as(
                (g, i, c) ->
                    g.isEmpty()
                        ? String.valueOf(c)
                        : g.substring(0, i % g.length()) + c + g.substring(i % g.length() + 1)),
        Combinators.combine(good, at).as((g, i) -> g.substring(0, i % (g.length() + 1))),
        Combinators.combine(
                repeated,
                Arbitraries.integers().between(1_000, 10_000),
                good,
                Arbitraries.of(true, false))
            .as((r, n, g, before) -> before ? r.repeat(n) + g : g + r.repeat(n)),
        // Thousands of any characters, as a short random run repeated: a string drawn character by
        // character that long costs more to generate than every parser costs to read it.
        Combinators.combine(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8),
                Arbitraries.integers().between(200, 2_000))
            .as(String::repeat));
  }
}
