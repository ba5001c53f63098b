package io.github.cpt4j.code;

import java.util.Optional;

/**
 * One code object per packed value, made on first use, so that parsing a code seen before allocates
 * nothing ({@link ProcedureCode#parse}, {@code tryParse}, {@code ofPacked}, and the claim-line
 * parser through them): text-to-code paths then cost no garbage, like a parser that returns the
 * text itself.
 *
 * <p>What the layout buys: a flat array indexed by the packed code, so that a cached code is one
 * array read with no page to find first. Pages of 64 or 1,024 codes (an array of pages, each made
 * on first use) cost the parsers 1.8 ns more per code than this, a quarter of parsing a code,
 * because of the dependent read of the page and its checks. The price is a fixed 1.6 MiB (one
 * reference for each of the 420,000 possible codes, compressed references) once anything is parsed,
 * plus 16 bytes per distinct code parsed; the {@code Optional}s of {@code tryParse} take as much
 * again, made on the first {@code tryParse} only.
 *
 * <p>Thread-safe without locks: threads racing on a new code may each make one; they are equal, and
 * nothing relies on identity. A code is published through its final field, an array slot that is
 * not yet set reads as null, which only sends a reader to make the code again. The same holds for
 * the {@code Optional}s, whose value is a final field.
 */
final class CodeCache {

  private static final ProcedureCode[] CODES = new ProcedureCode[CodeScanner.PACKED_BOUND];

  private CodeCache() {}

  /**
   * Returns the code of {@code packed}.
   *
   * @throws IllegalArgumentException if {@code packed} is not the packed form of any code
   */
  static ProcedureCode of(int packed) {
    if (packed >= 0 && packed < CodeScanner.PACKED_BOUND) {
      ProcedureCode code = CODES[packed];
      if (code != null) {
        return code;
      }
    }
    return make(packed);
  }

  /**
   * Returns {@code Optional.of} the code of {@code packed}, one object per code.
   *
   * @throws IllegalArgumentException if {@code packed} is not the packed form of any code
   */
  @SuppressWarnings("unchecked") // only Optional<ProcedureCode> values are stored
  static Optional<ProcedureCode> present(int packed) {
    Optional<?>[] present = Present.OPTIONALS;
    if (packed >= 0 && packed < CodeScanner.PACKED_BOUND) {
      Optional<?> cached = present[packed];
      if (cached != null) {
        return (Optional<ProcedureCode>) cached;
      }
    }
    Optional<ProcedureCode> made = Optional.of(of(packed)); // throws for a value that is no code
    present[packed] = made;
    return made;
  }

  private static ProcedureCode make(int packed) {
    if (packed < 0 || packed >= CodeScanner.PACKED_BOUND) {
      // Outside both levels' ranges: say so, rather than let one level's check speak for both.
      throw new IllegalArgumentException("not a packed code of either level: " + packed);
    }
    ProcedureCode code =
        packed < CodeScanner.LEVEL_II_BASE
            ? CptCode.ofPacked(packed)
            : HcpcsCode.ofPacked(packed); // both reject values in their range that are no code
    CODES[packed] = code;
    return code;
  }

  /**
   * {@code Optional.of(code)} per code, for {@link ProcedureCode#tryParse}: JDK 17's escape
   * analysis cannot remove an {@code Optional} that meets {@code Optional.empty()} in one return,
   * so a fresh one was 16 bytes per call. In a holder class, so that the array is made on the first
   * {@code tryParse}, not with the codes.
   */
  private static final class Present {
    static final Optional<?>[] OPTIONALS = new Optional<?>[CodeScanner.PACKED_BOUND];
  }
}
