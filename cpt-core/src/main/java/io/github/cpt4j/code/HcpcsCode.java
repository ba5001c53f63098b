package io.github.cpt4j.code;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException.ErrorType;
import java.util.Optional;

/**
 * A HCPCS Level II code: a letter {@code A}-{@code V} (other than {@code I} and {@code O}) and four
 * digits, such as {@code G0438} or {@code J1100}. Level II codes are maintained by CMS and appear
 * in the Medicare fee schedule beside CPT codes. ({@code D} codes are the ADA's dental codes.)
 *
 * <p>Immutable and thread-safe, with the same entry points as {@link CptCode}.
 *
 * <pre>{@code
 * HcpcsCode code = HcpcsCode.parse("G0438");
 * code.letter();   // 'G'
 * code.number();   // 438
 * code.group();    // TEMPORARY_PROCEDURES
 * }</pre>
 */
public final class HcpcsCode implements ProcedureCode {

  private final int packed;

  private HcpcsCode(int packed) {
    this.packed = packed;
  }

  /**
   * Parses a Level II code in strict canonical form.
   *
   * @param text a letter and four digits, such as {@code J1100}
   * @return the code
   * @throws CodeFormatException if {@code text} is not a well-formed Level II code; a well-formed
   *     CPT code fails with {@link ErrorType#WRONG_LEVEL}
   */
  public static HcpcsCode parse(CharSequence text) {
    requireNonNull(text, "text");
    return ofScanned(text, CodeScanner.scan(text, false));
  }

  /**
   * Parses a Level II code as people type it: surrounding white space is ignored and the letter may
   * be lower case.
   *
   * @param text a Level II code as typed, such as {@code " j1100"}
   * @return the code in canonical form
   * @throws CodeFormatException if {@code text} is not a Level II code even so
   */
  public static HcpcsCode parseLenient(CharSequence text) {
    requireNonNull(text, "text");
    return ofScanned(text, CodeScanner.scan(text, true));
  }

  /**
   * Parses a Level II code strictly, returning empty instead of throwing. Never throws, for any
   * input: {@code null} gives empty.
   *
   * @param text the text to parse, or null
   * @return the code, or empty if {@code text} is null or not a Level II code in strict form
   */
  public static Optional<HcpcsCode> tryParse(CharSequence text) {
    int packed = text == null ? -1 : CodeScanner.strictPacked(text);
    return packed >= CodeScanner.LEVEL_II_BASE
        ? Optional.of(new HcpcsCode(packed))
        : Optional.empty();
  }

  /**
   * Tells whether {@code text} is a strict Level II code, without throwing ({@code null} is not
   * valid) or allocating.
   *
   * @param text the text to check, or null
   * @return true if {@link #parse(CharSequence)} would accept {@code text}
   */
  public static boolean isValid(CharSequence text) {
    return text != null && CodeScanner.strictPacked(text) >= CodeScanner.LEVEL_II_BASE;
  }

  /**
   * Same as {@link #parse(CharSequence)}, under the name frameworks such as Spring look for when
   * they convert a string to a value.
   *
   * @param text a Level II code in strict form
   * @return the code, as {@link #parse(CharSequence)} returns it
   * @throws CodeFormatException if {@code text} is not a well-formed Level II code
   */
  public static HcpcsCode valueOf(String text) {
    return parse(text);
  }

  /**
   * Returns the code with the given letter and number: {@code of('G', 438)} is {@code G0438}.
   *
   * @param letter the code's letter, upper case, such as {@code 'G'}
   * @param number the code's four digits as a number, 0 to 9999
   * @return the code
   * @throws IllegalArgumentException if the letter is not an upper-case letter in use (the message
   *     tells a lower-case one, {@code 'g'}, from one not in use) or the number is not 0-9999
   */
  public static HcpcsCode of(char letter, int number) {
    if (!CodeScanner.isLevelTwoLetter(letter)) {
      throw new IllegalArgumentException(CodeScanner.letterProblem(letter));
    }
    if (number < 0 || number > 9_999) {
      throw new IllegalArgumentException("a Level II code number is 0-9999, not " + number);
    }
    return new HcpcsCode(CodeScanner.LEVEL_II_BASE + (letter - 'A') * 10_000 + number);
  }

  /**
   * Returns the Level II code with the given {@linkplain #packed() packed form}.
   *
   * @param packed a value {@link #packed()} returned for a Level II code
   * @return the code whose {@link #packed()} is {@code packed}
   * @throws IllegalArgumentException if {@code packed} is not the packed form of a Level II code
   */
  public static HcpcsCode ofPacked(int packed) {
    if (packed < CodeScanner.LEVEL_II_BASE
        || packed >= CodeScanner.PACKED_BOUND
        || !CodeScanner.isLevelTwoLetter(
            (char) ('A' + (packed - CodeScanner.LEVEL_II_BASE) / 10_000))) {
      throw new IllegalArgumentException("not a packed Level II code: " + packed);
    }
    return new HcpcsCode(packed);
  }

  private static HcpcsCode ofScanned(CharSequence text, long scanned) {
    if (scanned < 0) {
      throw CodeScanner.exception(text, scanned);
    }
    if (scanned < CodeScanner.LEVEL_II_BASE) {
      throw new CodeFormatException(
          "a Level II code starts with a letter; this looks like a CPT code",
          text,
          CptCode.firstNonSpace(text),
          ErrorType.WRONG_LEVEL);
    }
    return new HcpcsCode((int) scanned);
  }

  @Override
  public int packed() {
    return packed;
  }

  @Override
  public CodeLevel level() {
    return CodeLevel.LEVEL_II;
  }

  /** {@return the leading letter, {@code 'A'} to {@code 'V'}} */
  public char letter() {
    return (char) ('A' + (packed - CodeScanner.LEVEL_II_BASE) / 10_000);
  }

  /** {@return what the code is about, told by its letter; never allocates} */
  public HcpcsGroup group() {
    return HcpcsGroup.ofLetter(letter());
  }

  /** {@return the four-digit number after the letter ({@code 438} for {@code G0438})} */
  public int number() {
    return (packed - CodeScanner.LEVEL_II_BASE) % 10_000;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HcpcsCode && ((HcpcsCode) other).packed == packed;
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
