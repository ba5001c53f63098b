package io.github.cpt4j.code;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

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

  /** Codes of both levels and every shape. */
  public static Arbitrary<ProcedureCode> procedureCodes() {
    return Arbitraries.oneOf(fiveDigitCodes(), suffixedCodes(), hcpcsCodes());
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
}
