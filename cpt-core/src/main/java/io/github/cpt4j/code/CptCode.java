package io.github.cpt4j.code;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.text.WhiteSpace;
import java.util.Optional;

/**
 * A CPT (HCPCS Level I) code in any of its shapes: five digits ({@code 99213}) or four digits and a
 * suffix letter ({@code 0001A}, {@code 0001F}, {@code 0002M}, {@code 0042T}, {@code 0001U}).
 *
 * <p>Immutable and thread-safe. {@link #toString()} gives the canonical form that {@link
 * #parse(CharSequence)} accepts; the order is the one documented on {@link ProcedureCode}.
 *
 * <pre>{@code
 * CptCode code = CptCode.parse("99213");
 * code.category();      // CATEGORY_I
 * code.kind();          // STANDARD
 * code.section();       // EVALUATION_AND_MANAGEMENT
 * code.subsection();    // NONE
 * CptCode.isValid("0042T");                     // true
 * CptCode.parseLenient(" 0001f ");              // 0001F
 * CptCode.tryParse("9921");                     // Optional.empty()
 * }</pre>
 */
public final class CptCode implements ProcedureCode {

  private final int packed;

  private CptCode(int packed) {
    this.packed = packed;
  }

  /**
   * Parses a CPT code in strict canonical form.
   *
   * @param text five characters: five digits, or four digits and the suffix F, T or U
   * @return the code
   * @throws CodeFormatException if {@code text} is not a well-formed CPT code; a well-formed Level
   *     II code fails with {@link ErrorType#WRONG_LEVEL}
   */
  public static CptCode parse(CharSequence text) {
    requireNonNull(text, "text");
    return ofScanned(text, CodeScanner.scan(text, false));
  }

  /**
   * Parses a CPT code as people type it: surrounding white space is ignored and the suffix letter
   * may be lower case ({@code " 0001f"} gives {@code 0001F}).
   *
   * @param text a CPT code as typed
   * @return the code in canonical form
   * @throws CodeFormatException if {@code text} is not a CPT code even so
   */
  public static CptCode parseLenient(CharSequence text) {
    requireNonNull(text, "text");
    return ofScanned(text, CodeScanner.scan(text, true));
  }

  /**
   * Parses a CPT code strictly, returning empty instead of throwing. Never throws, for any input:
   * {@code null} gives empty.
   *
   * @param text the text to parse, or null
   * @return the code, or empty if {@code text} is null or not a CPT code in strict form
   */
  public static Optional<CptCode> tryParse(CharSequence text) {
    int packed = text == null ? -1 : CodeScanner.strictPacked(text);
    return isLevelOne(packed) ? Optional.of(new CptCode(packed)) : Optional.empty();
  }

  /**
   * Tells whether {@code text} is a strict CPT code, without throwing ({@code null} is not valid)
   * or allocating.
   *
   * @param text the text to check, or null
   * @return true if {@link #parse(CharSequence)} would accept {@code text}
   */
  public static boolean isValid(CharSequence text) {
    return text != null && isLevelOne(CodeScanner.strictPacked(text));
  }

  /**
   * Same as {@link #parse(CharSequence)}, under the name frameworks such as Spring look for when
   * they convert a string to a value.
   *
   * @param text a CPT code in strict form
   * @return the code, as {@link #parse(CharSequence)} returns it
   * @throws CodeFormatException if {@code text} is not a well-formed CPT code
   */
  public static CptCode valueOf(String text) {
    return parse(text);
  }

  /**
   * Returns the five-digit code with the given number, such as {@code of(99213)}.
   *
   * @param number the code's number, 0 to 99999 ({@code 790} is {@code 00790})
   * @return the code of kind {@link CptKind#STANDARD}
   * @throws IllegalArgumentException unless {@code 0 <= number <= 99999}
   */
  public static CptCode of(int number) {
    if (number < 0 || number > 99_999) {
      throw new IllegalArgumentException("a five-digit CPT number is 0-99999, not " + number);
    }
    return new CptCode(number);
  }

  /**
   * Returns the code of the given kind and number: {@code of(CptKind.PERFORMANCE_MEASURE, 1)} is
   * {@code 0001F}; for {@link CptKind#STANDARD} this is {@link #of(int)}.
   *
   * @param kind the code's kind, which decides its suffix letter
   * @param number the code's digits: 0 to 99999 for a standard code, 0 to 9999 otherwise
   * @return the code
   * @throws IllegalArgumentException if the number does not fit the kind (four digits for the
   *     suffixed kinds)
   */
  public static CptCode of(CptKind kind, int number) {
    requireNonNull(kind, "kind");
    if (kind == CptKind.STANDARD) {
      return of(number);
    }
    if (number < 0 || number > 9_999) {
      throw new IllegalArgumentException("a " + kind + " code number is 0-9999, not " + number);
    }
    return new CptCode(CodeScanner.SUFFIX_BASE + (kind.ordinal() - 1) * 10_000 + number);
  }

  /**
   * Returns the CPT code with the given {@linkplain #packed() packed form}.
   *
   * @param packed a value {@link #packed()} returned for a CPT code
   * @return the code whose {@link #packed()} is {@code packed}
   * @throws IllegalArgumentException if {@code packed} is not the packed form of a CPT code
   */
  public static CptCode ofPacked(int packed) {
    if (packed < 0
        || packed >= CodeScanner.LEVEL_II_BASE
        || packed >= CodeScanner.SUFFIX_BASE + 50_000 && packed < CodeScanner.LEVEL_II_BASE) {
      throw new IllegalArgumentException("not a packed CPT code: " + packed);
    }
    return new CptCode(packed);
  }

  private static CptCode ofScanned(CharSequence text, long scanned) {
    if (scanned < 0) {
      throw CodeScanner.exception(text, scanned);
    }
    if (!isLevelOne(scanned)) {
      throw new CodeFormatException(
          "a CPT code starts with four digits; this looks like a HCPCS Level II code",
          text,
          firstNonSpace(text),
          ErrorType.WRONG_LEVEL);
    }
    return new CptCode((int) scanned);
  }

  private static boolean isLevelOne(long scanned) {
    return scanned >= 0 && scanned < CodeScanner.LEVEL_II_BASE;
  }

  static int firstNonSpace(CharSequence text) {
    int i = 0;
    while (i < text.length() && WhiteSpace.isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  @Override
  public int packed() {
    return packed;
  }

  @Override
  public CodeLevel level() {
    return CodeLevel.LEVEL_I;
  }

  /** {@return the shape of this code, which fixes its category} */
  public CptKind kind() {
    // By the packed order (five digits, then the suffixes A, M, U, F and T, 10,000 values each):
    // predicted branches that end in constants, like category(), instead of an index into the
    // kinds (a division and an array read after the code's field). Classifying text by kind takes
    // 6.25 ns of thread CPU instead of 6.36 (TextCpuTime, results/text-kind-2026-12-01.md).
    if (packed < CodeScanner.SUFFIX_BASE) {
      return CptKind.STANDARD;
    }
    if (packed < CodeScanner.SUFFIX_BASE + 30_000) {
      if (packed < CodeScanner.SUFFIX_BASE + 10_000) {
        return CptKind.VACCINE_ADMINISTRATION;
      }
      return packed < CodeScanner.SUFFIX_BASE + 20_000 ? CptKind.MAAA : CptKind.PLA;
    }
    return packed < CodeScanner.SUFFIX_BASE + 40_000
        ? CptKind.PERFORMANCE_MEASURE
        : CptKind.EMERGING_TECHNOLOGY;
  }

  /** {@return Category I, II or III} */
  public CptCategory category() {
    // The same as kind().category(), by the packed order (five digits, then the A, M and U kinds,
    // all Category I, then F, then T): a predicted branch and a constant, without reading the
    // kind's field after the code's. Classifying text through parse() took 5.5 ns instead of
    // 5.9-7.0 ns of thread CPU time (TextCpuTime, results/text-category-2026-11-30.md).
    if (packed < CodeScanner.SUFFIX_BASE + 30_000) {
      return CptCategory.CATEGORY_I;
    }
    return packed < CodeScanner.SUFFIX_BASE + 40_000
        ? CptCategory.CATEGORY_II
        : CptCategory.CATEGORY_III;
  }

  /**
   * Returns the section of the code book this code belongs to, or {@link Section#UNASSIGNED} if its
   * number lies in no section range; see {@link Section} for where the suffixed shapes and {@code
   * 99100}-{@code 99140} go. Classified by {@link SectionTable#standard()}: a read of its table per
   * 128 codes and usually one comparison, without allocation.
   *
   * @return the section, never null
   */
  public Section section() {
    return SectionTable.standard().sectionOfPacked(packed);
  }

  /**
   * Returns the Surgery or Radiology subsection or the Category II group of this code; {@link
   * Subsection#NONE} if its section has no subsections, {@link Subsection#UNASSIGNED} if no range
   * contains it. Without allocation, like {@link #section()}.
   *
   * @return the subsection, never null
   */
  public Subsection subsection() {
    return SectionTable.standard().subsectionOfPacked(packed);
  }

  /**
   * {@return the numeric part: all five digits of a standard code ({@code 99213}), the four digits
   * of a suffixed one ({@code 1} for {@code 0001F})}
   */
  public int number() {
    return packed < CodeScanner.SUFFIX_BASE ? packed : (packed - CodeScanner.SUFFIX_BASE) % 10_000;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CptCode && ((CptCode) other).packed == packed;
  }

  @Override
  public int hashCode() {
    return packed;
  }

  @Override
  public String toString() {
    return CodeScanner.format(packed);
  }
}
