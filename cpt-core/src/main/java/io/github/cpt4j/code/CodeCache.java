package io.github.cpt4j.code;

import java.util.Optional;

/**
 * One code object per packed value, made on first use, so that parsing a code seen before allocates
 * nothing ({@link ProcedureCode#parse}, {@code tryParse}, {@code ofPacked}, and the claim-line
 * parser through them): text-to-code paths then cost no garbage, like a parser that returns the
 * text itself.
 *
 * <p>Pages of 64 codes, each made when a code of its own is first asked for: the cache holds only
 * the neighbourhoods of the codes in use (about 0.7 MiB once each of the 16,852 codes of the 2025
 * fee schedule has been parsed; up to twice that once {@code tryParse} has returned them all),
 * never the 420,000 possible codes.
 *
 * <p>Thread-safe without locks: threads racing on a new code may each make one; they are equal, and
 * nothing relies on identity. A code is published through its final field, a page as an array whose
 * unset slots read as null, which only sends a reader to make the code again. The same holds for
 * the {@code Optional}s, whose value is a final field.
 */
final class CodeCache {

  private static final int PAGE_BITS = 6;
  private static final int PAGE_MASK = (1 << PAGE_BITS) - 1;

  private static final ProcedureCode[][] PAGES =
      new ProcedureCode[(CodeScanner.PACKED_BOUND >>> PAGE_BITS) + 1][];

  /**
   * The same for {@code Optional.of(code)}, for {@link ProcedureCode#tryParse}: JDK 17's escape
   * analysis cannot remove an {@code Optional} that meets {@code Optional.empty()} in one return,
   * so a fresh one was 16 bytes per call. Pages made only when {@code tryParse} is used.
   */
  private static final Optional<?>[][] PRESENT_PAGES =
      new Optional<?>[(CodeScanner.PACKED_BOUND >>> PAGE_BITS) + 1][];

  private CodeCache() {}

  /**
   * Returns the code of {@code packed}.
   *
   * @throws IllegalArgumentException if {@code packed} is not the packed form of any code
   */
  static ProcedureCode of(int packed) {
    if (packed >= 0 && packed < CodeScanner.PACKED_BOUND) {
      ProcedureCode[] page = PAGES[packed >>> PAGE_BITS];
      if (page != null) {
        ProcedureCode code = page[packed & PAGE_MASK];
        if (code != null) {
          return code;
        }
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
    if (packed >= 0 && packed < CodeScanner.PACKED_BOUND) {
      Optional<?>[] page = PRESENT_PAGES[packed >>> PAGE_BITS];
      if (page != null) {
        Optional<?> present = page[packed & PAGE_MASK];
        if (present != null) {
          return (Optional<ProcedureCode>) present;
        }
      }
    }
    Optional<ProcedureCode> present = Optional.of(of(packed));
    Optional<?>[] page = PRESENT_PAGES[packed >>> PAGE_BITS];
    if (page == null) {
      page = new Optional<?>[1 << PAGE_BITS];
      PRESENT_PAGES[packed >>> PAGE_BITS] = page;
    }
    page[packed & PAGE_MASK] = present;
    return present;
  }

  private static ProcedureCode make(int packed) {
    ProcedureCode code =
        packed >= 0 && packed < CodeScanner.LEVEL_II_BASE
            ? CptCode.ofPacked(packed)
            : HcpcsCode.ofPacked(packed); // both reject values that are no code
    ProcedureCode[] page = PAGES[packed >>> PAGE_BITS];
    if (page == null) {
      page = new ProcedureCode[1 << PAGE_BITS];
      PAGES[packed >>> PAGE_BITS] = page;
    }
    page[packed & PAGE_MASK] = code;
    return code;
  }
}
