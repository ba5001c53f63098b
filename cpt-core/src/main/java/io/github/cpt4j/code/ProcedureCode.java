package io.github.cpt4j.code;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;

/**
 * A HCPCS procedure code of either level: a {@link CptCode} (Level I) or a {@link HcpcsCode} (Level
 * II). Fee schedules and code sets accept both.
 *
 * <p>This is the one obvious entry point when the level is not known in advance:
 *
 * <pre>{@code
 * ProcedureCode visit = ProcedureCode.parse("99213");   // a CptCode
 * ProcedureCode drug  = ProcedureCode.parse("J1100");   // a HcpcsCode
 * boolean ok = ProcedureCode.isValid("0001F");          // true, no allocation
 * }</pre>
 *
 * <h2>Order</h2>
 *
 * Codes are ordered by their {@linkplain #packed() packed form}, a total order consistent with
 * {@code equals} in which every numeric range is contiguous:
 *
 * <ol>
 *   <li>five-digit CPT codes in numeric order ({@code 00100} ... {@code 99607});
 *   <li>then the CPT codes with a suffix letter, grouped by kind in the order A (vaccine
 *       administration), M (MAAA), U (PLA), F (Category II), T (Category III), each group in
 *       numeric order ({@code 0001A} ... {@code 9999A}, {@code 0001M} ...);
 *   <li>then Level II codes by letter, then number ({@code A0021} ... {@code V5364}).
 * </ol>
 *
 * <p>Plain string order is deliberately not used: it sorts {@code 0100T} between {@code 00100} and
 * {@code 01999}, which breaks every range query.
 */
public sealed interface ProcedureCode extends Comparable<ProcedureCode> permits CptCode, HcpcsCode {

  /** Every packed code lies in {@code [0, PACKED_BOUND)}; useful to size direct-address tables. */
  int PACKED_BOUND = CodeScanner.PACKED_BOUND;

  /**
   * Parses a code of either level in its strict canonical form: five characters, upper case, no
   * surrounding white space.
   *
   * @param text a CPT code such as {@code 99213} or a HCPCS Level II code such as {@code J1100}
   * @return the code: a {@link CptCode} or a {@link HcpcsCode}
   * @throws CodeFormatException if {@code text} is not a well-formed code
   */
  static ProcedureCode parse(CharSequence text) {
    requireNonNull(text, "text");
    long scanned = CodeScanner.scan(text, false);
    if (scanned < 0) {
      throw CodeScanner.exception(text, scanned);
    }
    return ofPacked((int) scanned);
  }

  /**
   * Parses a code as people type it: surrounding white space (including no-break spaces) is ignored
   * and letters may be lower case. Inner characters are still checked strictly.
   *
   * @param text a code as typed, such as {@code " j1100 "}
   * @return the code in canonical form
   * @throws CodeFormatException if {@code text} is not a code even so
   */
  static ProcedureCode parseLenient(CharSequence text) {
    requireNonNull(text, "text");
    long scanned = CodeScanner.scan(text, true);
    if (scanned < 0) {
      throw CodeScanner.exception(text, scanned);
    }
    return ofPacked((int) scanned);
  }

  /**
   * Parses the part of {@code text} from {@code start} (inclusive) to {@code end} (exclusive) as
   * {@link #parseLenient(CharSequence)} parses a whole text, without copying it out: for parsers of
   * longer text, such as a claim line. The error index of an exception is an index in {@code text}.
   *
   * <pre>{@code
   * ProcedureCode.parseLenient("71046-26", 0, 5);   // 71046
   * }</pre>
   *
   * @param text the longer text that holds the code
   * @param start the index of the code's first character in {@code text}
   * @param end the index just past the code's last character
   * @return the code in canonical form
   * @throws IndexOutOfBoundsException if the range is not within {@code text}
   * @throws CodeFormatException if that part of {@code text} is not a code even so
   */
  static ProcedureCode parseLenient(CharSequence text, int start, int end) {
    requireNonNull(text, "text");
    Objects.checkFromToIndex(start, end, text.length());
    // Nearly every code in a claim line is canonical: scan it in place, with no substring.
    if (end - start == 5) {
      int packed = CodeScanner.canonicalAt(text, start);
      if (packed >= 0) {
        return ofPacked(packed);
      }
    }
    CharSequence code = text.subSequence(start, end);
    long scanned = CodeScanner.scan(code, true);
    if (scanned < 0) {
      throw CodeScanner.exception(text, scanned, start);
    }
    return ofPacked((int) scanned);
  }

  /**
   * Parses a code strictly, returning empty instead of throwing. Never throws, for any input:
   * {@code null} gives empty.
   *
   * @param text the text to parse, or null
   * @return the code, or empty if {@code text} is null or not a code in strict form
   */
  static Optional<ProcedureCode> tryParse(CharSequence text) {
    int packed = text == null ? -1 : CodeScanner.strictPacked(text);
    return packed < 0 ? Optional.empty() : CodeCache.present(packed);
  }

  /**
   * Tells whether {@code text} is a code of either level in strict form. Never throws ({@code null}
   * is not valid) and does not allocate.
   *
   * @param text the text to check, or null
   * @return true if {@link #parse(CharSequence)} would accept {@code text}
   */
  static boolean isValid(CharSequence text) {
    return text != null && CodeScanner.isCanonical(text);
  }

  /**
   * Same as {@link #parse(CharSequence)}, under the name frameworks look for when they convert a
   * string to a value: Spring binds a request parameter or a property to a {@code ProcedureCode}
   * through it, and Jackson reads a JSON string with it.
   *
   * @param text a code in strict form
   * @return the code, as {@link #parse(CharSequence)} returns it
   * @throws CodeFormatException if {@code text} is not a well-formed code
   */
  static ProcedureCode valueOf(String text) {
    return parse(text);
  }

  /**
   * Returns the packed form of the strict code in {@code text}, or {@code -1} if it is not one.
   * This is the allocation-free key that code sets and fee schedules index by.
   *
   * @param text the text that may be a code in strict form
   * @return the packed form, or {@code -1}
   */
  static int packedOf(CharSequence text) {
    return CodeScanner.strictPacked(requireNonNull(text, "text"));
  }

  /**
   * Returns the packed form of the strict code in the part of {@code text} from {@code start}
   * (inclusive) to {@code end} (exclusive), or {@code -1} if that part is not one: {@link
   * #packedOf(CharSequence)} without copying the part out, for parsers of longer text.
   *
   * <pre>{@code
   * ProcedureCode.packedOf("71046-26", 0, 5);   // 71046
   * }</pre>
   *
   * @param text the longer text that holds the code
   * @param start the index of the code's first character in {@code text}
   * @param end the index just past the code's last character
   * @return the packed form, or {@code -1}
   * @throws IndexOutOfBoundsException if the range is not within {@code text}
   */
  static int packedOf(CharSequence text, int start, int end) {
    requireNonNull(text, "text");
    Objects.checkFromToIndex(start, end, text.length());
    return end - start == 5 ? CodeScanner.canonicalAt(text, start) : -1;
  }

  /**
   * Returns the code with the given packed form.
   *
   * @param packed a value {@link #packed()} returned
   * @return the code whose {@link #packed()} is {@code packed}
   * @throws IllegalArgumentException if {@code packed} is not the packed form of any code
   */
  static ProcedureCode ofPacked(int packed) {
    return CodeCache.of(packed);
  }

  /**
   * Returns this code as a small non-negative integer, unique across both levels and ordered as
   * described in the type's documentation. Stable within a major version of the library.
   *
   * @return the packed form, at least 0
   */
  int packed();

  /** {@return whether this is a CPT (Level I) or a Level II code} */
  CodeLevel level();

  /** Returns the canonical five-character form, such as {@code 99213} or {@code G0438}. */
  @Override
  String toString();

  /** Compares by the documented order of {@link #packed()}. */
  @Override
  default int compareTo(ProcedureCode other) {
    return Integer.compare(packed(), other.packed());
  }
}
