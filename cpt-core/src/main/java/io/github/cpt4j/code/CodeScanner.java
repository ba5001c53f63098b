package io.github.cpt4j.code;

import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.text.WhiteSpace;

/**
 * The one scanner behind every code parser and validity check.
 *
 * <p>It returns the packed form of the code (see {@link ProcedureCode#packed()}) or a negative
 * number that encodes the error type and index, so that {@code isValid} and the lookups by text
 * never allocate; only the throwing parsers turn the encoded error into an exception.
 */
final class CodeScanner {

  /** First packed value of the CPT codes with a suffix letter (A, M, U, F, T in that order). */
  static final int SUFFIX_BASE = 100_000;

  /** First packed value of the Level II codes ({@code A0000}). */
  static final int LEVEL_II_BASE = 200_000;

  /** One past the largest packed value ({@code V9999}). */
  static final int PACKED_BOUND = LEVEL_II_BASE + 22 * 10_000;

  private CodeScanner() {}

  /**
   * Scans {@code text} as a code of either level.
   *
   * @param lenient whether to ignore surrounding white space and accept lower-case letters
   * @return the packed code ({@code >= 0}) or an encoded error ({@code < 0})
   */
  static long scan(CharSequence text, boolean lenient) {
    // Almost every input is a canonical code; check that shape first, without the white-space
    // tests, and leave trimming, lower case and error classification to the full scan.
    if (text.length() == 5) {
      int packed = scanCanonical(text);
      if (packed >= 0) {
        return packed;
      }
    }
    return scanFully(text, lenient);
  }

  /**
   * Returns the packed form of a code in strict canonical form, or -1. Strict validity needs no
   * error classification, so this is all that {@code isValid}, {@code packedOf} and {@code
   * tryParse} run: malformed input is rejected as fast as a valid code is accepted.
   */
  static int strictPacked(CharSequence text) {
    return text.length() == 5 ? scanCanonical(text) : -1;
  }

  /** The general scan behind {@link #scan}: trims if lenient, classifies every error. */
  static long scanFully(CharSequence text, boolean lenient) {
    int start = 0;
    int end = text.length();
    if (lenient) {
      while (start < end && WhiteSpace.isSpace(text.charAt(start))) {
        start++;
      }
      while (end > start && WhiteSpace.isSpace(text.charAt(end - 1))) {
        end--;
      }
    }
    if (start == end) {
      return error(ErrorType.EMPTY, 0);
    }
    if (WhiteSpace.isSpace(text.charAt(start))) {
      return error(ErrorType.SURROUNDING_WHITESPACE, start);
    }
    if (WhiteSpace.isSpace(text.charAt(end - 1))) {
      // Point at the first character of the trailing white space, where the problem starts,
      // unless a character before it is wrong already: the error names the first problem. That
      // includes a body too long (WRONG_LENGTH at 5, before the blank, as the lenient parser
      // says), but not one too short, whose length error stands at the blank itself.
      int first = end - 1;
      while (first > start && WhiteSpace.isSpace(text.charAt(first - 1))) {
        first--;
      }
      long before = scanBody(text, start, first, lenient);
      return before < 0 && errorIndex(before) < first
          ? before
          : error(ErrorType.SURROUNDING_WHITESPACE, first);
    }
    return scanBody(text, start, end, lenient);
  }

  /**
   * Scans the non-blank text from {@code start} to {@code end} by the level its first character
   * names.
   */
  private static long scanBody(CharSequence text, int start, int end, boolean lenient) {
    char first = text.charAt(start);
    if (first >= '0' && first <= '9') {
      return scanLevelOne(text, start, end, lenient);
    }
    if (first >= 'A' && first <= 'Z' || lenient && first >= 'a' && first <= 'z') {
      return scanLevelTwo(text, start, end);
    }
    if (first >= 'a' && first <= 'z') {
      // A letter HCPCS does not use in either case (w1234) is refused for the letter, as the
      // lenient parser refuses it, not for its case, which would send the caller to that parser:
      // as 0001x is a bad suffix, not a lower-case one.
      return isLevelTwoLetter((char) (first & ~0x20))
          ? error(ErrorType.LOWER_CASE, start)
          : error(ErrorType.LETTER_NOT_IN_USE, start);
    }
    return error(ErrorType.ILLEGAL_CHARACTER, start);
  }

  /**
   * Returns the packed form of a five-character code in strict canonical form, or -1 for anything
   * else (which the full scan then classifies).
   */
  private static int scanCanonical(CharSequence text) {
    return canonicalAt(text, 0);
  }

  /**
   * {@link #scanCanonical} of the five characters of {@code text} from {@code at}: the fast path of
   * every parser, validity check and lookup by text.
   *
   * <p>What makes it fast (it was 1.6x slower than a Guava {@code CharMatcher} check, which does
   * not even compute a number): one branch on the first character, as the code's level decides the
   * shape of the rest; each digit test is one unsigned comparison ({@link #isDigit}); and the
   * packed value is a sum of the characters times fixed weights, with the {@code '0'} and {@code
   * 'A'} offsets folded into one constant, instead of converting each character to its digit first.
   * Branches that almost always go the same way beat a branch-free check here: the CPU predicts
   * them, and the work for a valid code is shortest.
   *
   * <p>The order matters too. All five characters are read before any test, and the middle three
   * are tested first. Two other orders were measured with {@code TextCpuTime}:
   *
   * <ul>
   *   <li>reading each character only after the one before it passed, as a {@code CharMatcher}
   *       check does;
   *   <li>testing the first character first.
   * </ul>
   *
   * <p>Each was 0.4-1.6 ns slower per call on {@code tryParse}, on classification through {@code
   * parse} and on lookups by text. So were per-character tables and a branch-free test ({@code
   * results/text-profile-2026-11-30.md} in the benchmarks module).
   */
  static int canonicalAt(CharSequence text, int at) {
    int c0 = text.charAt(at);
    int c1 = text.charAt(at + 1);
    int c2 = text.charAt(at + 2);
    int c3 = text.charAt(at + 3);
    int c4 = text.charAt(at + 4);
    if (!(isDigit(c1) && isDigit(c2) && isDigit(c3))) {
      return -1;
    }
    if (isDigit(c0)) {
      if (isDigit(c4)) {
        return c0 * 10_000 + c1 * 1_000 + c2 * 100 + c3 * 10 + c4 - '0' * 11_111;
      }
      int suffix = suffixIndex((char) c4);
      return suffix < 0
          ? -1
          : SUFFIX_BASE + suffix * 10_000 + c0 * 1_000 + c1 * 100 + c2 * 10 + c3 - '0' * 1_111;
    }
    if (isDigit(c4) && isLevelTwoLetter((char) c0)) {
      return LEVEL_II_BASE
          - 'A' * 10_000
          - '0' * 1_111
          + c0 * 10_000
          + c1 * 1_000
          + c2 * 100
          + c3 * 10
          + c4;
    }
    return -1;
  }

  /**
   * Tells whether {@code text} is a code in strict canonical form, as {@code strictPacked(text) >=
   * 0} does, but without computing the packed value: validity checks need only the answer, and
   * skipping the arithmetic makes them as fast as a Guava {@code CharMatcher} check of the shape
   * alone (which accepts more: the unused letters {@code I} and {@code O}).
   */
  static boolean isCanonical(CharSequence text) {
    if (text.length() != 5) {
      return false;
    }
    int c0 = text.charAt(0);
    if (isDigit(c0)) {
      int c4 = text.charAt(4);
      return isDigit(text.charAt(1))
          && isDigit(text.charAt(2))
          && isDigit(text.charAt(3))
          && (isDigit(c4) || isSuffixLetter(c4));
    }
    return isLevelTwoLetter((char) c0)
        && isDigit(text.charAt(1))
        && isDigit(text.charAt(2))
        && isDigit(text.charAt(3))
        && isDigit(text.charAt(4));
  }

  /**
   * One of the suffix letters A, F, M, T and U: {@code suffixIndex(c) >= 0}, written as a chain of
   * comparisons in the order a code list has them most (F, T, U, A, M) rather than as a switch.
   *
   * <p>Why: C2 lowers a switch from its profile, and how much of that profile existed when {@code
   * isValid} was compiled decided between two compilations of the validity check. In the second,
   * the loop around it ran out of registers and moved four values through vector registers on every
   * call: {@code validateValid} took 3.4 or 4.7 ns of CPU per call from one JMH fork to the next
   * ({@code results/text-jit-2026-11-30-c.md} in the benchmarks module). A chain of comparisons
   * compiles the same way whatever its profile.
   */
  static boolean isSuffixLetter(int c) {
    return c == 'F' || c == 'T' || c == 'U' || c == 'A' || c == 'M';
  }

  /** An ASCII digit: one unsigned comparison, since {@code c - '0'} wraps below zero. */
  private static boolean isDigit(int c) {
    return (char) (c - '0') <= 9;
  }

  private static long scanLevelOne(CharSequence text, int start, int end, boolean lenient) {
    int limit = Math.min(end, start + 5);
    int number = 0;
    int suffixIndex = -1;
    for (int i = start; i < limit; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        number = number * 10 + (c - '0');
      } else if (i == start + 4 && isAsciiLetter(c)) {
        char upper = (char) (c & ~0x20);
        suffixIndex = suffixIndex(upper);
        if (suffixIndex < 0) {
          return error(ErrorType.BAD_SUFFIX, i);
        }
        if (c != upper && !lenient) {
          return error(ErrorType.LOWER_CASE, i);
        }
      } else {
        return error(ErrorType.ILLEGAL_CHARACTER, i);
      }
    }
    long length = checkLength(start, end);
    if (length < 0) {
      return length;
    }
    return suffixIndex < 0 ? number : SUFFIX_BASE + suffixIndex * 10_000 + number;
  }

  private static long scanLevelTwo(CharSequence text, int start, int end) {
    char letter = (char) (text.charAt(start) & ~0x20);
    if (!isLevelTwoLetter(letter)) {
      return error(ErrorType.LETTER_NOT_IN_USE, start);
    }
    int limit = Math.min(end, start + 5);
    int number = 0;
    for (int i = start + 1; i < limit; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return error(ErrorType.ILLEGAL_CHARACTER, i);
      }
      number = number * 10 + (c - '0');
    }
    long length = checkLength(start, end);
    if (length < 0) {
      return length;
    }
    return LEVEL_II_BASE + (letter - 'A') * 10_000L + number; // at most about 220,000
  }

  private static long checkLength(int start, int end) {
    int length = end - start;
    if (length < 5) {
      return error(ErrorType.WRONG_LENGTH, end);
    }
    if (length > 5) {
      return error(ErrorType.WRONG_LENGTH, start + 5);
    }
    return 0;
  }

  /** The order of the suffix letters in the packed form and in {@link CptKind}. */
  static int suffixIndex(char upper) {
    switch (upper) {
      case 'A':
        return 0;
      case 'M':
        return 1;
      case 'U':
        return 2;
      case 'F':
        return 3;
      case 'T':
        return 4;
      default:
        return -1;
    }
  }

  /**
   * The message of a factory given {@code letter}, which is no Level II letter in use: a lower-case
   * letter in use is named as such ({@code 'g'}), as the parsers say {@code LOWER_CASE} for it.
   */
  static String letterProblem(char letter) {
    char upper = (char) (letter - 32);
    if (letter >= 'a' && letter <= 'z' && isLevelTwoLetter(upper)) {
      return "a Level II letter is upper case: '" + upper + "', not '" + letter + "'";
    }
    return "not a Level II letter in use: " + CodeFormatException.quote(String.valueOf(letter));
  }

  static boolean isLevelTwoLetter(char upper) {
    return upper >= 'A' && upper <= 'V' && upper != 'I' && upper != 'O';
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  static long error(ErrorType type, int index) {
    return -1L - ((long) type.ordinal() << 32 | index);
  }

  static ErrorType errorType(long encoded) {
    return ErrorType.values()[(int) ((-1L - encoded) >>> 32)];
  }

  static int errorIndex(long encoded) {
    return (int) (-1L - encoded);
  }

  static CodeFormatException exception(CharSequence text, long encoded) {
    ErrorType type = errorType(encoded);
    return new CodeFormatException(expectation(type), text, errorIndex(encoded), type);
  }

  /** The exception of a part of {@code text} scanned from {@code offset}. */
  static CodeFormatException exception(CharSequence text, long encoded, int offset) {
    ErrorType type = errorType(encoded);
    return new CodeFormatException(expectation(type), text, offset + errorIndex(encoded), type);
  }

  private static String expectation(ErrorType type) {
    switch (type) {
      case EMPTY:
        return "expected a code such as 99213, 0001F or G0438";
      case WRONG_LENGTH:
        return "expected exactly five characters";
      case SURROUNDING_WHITESPACE:
        return "expected no white space (use the lenient parser to trim it)";
      case LOWER_CASE:
        return "expected an upper-case letter (use the lenient parser to accept lower case)";
      case ILLEGAL_CHARACTER:
        return "expected an ASCII digit 0-9, or a letter where the code shape allows one";
      case BAD_SUFFIX:
        return "expected a digit or one of the CPT suffixes A, F, M, T, U";
      case LETTER_NOT_IN_USE:
        return "expected a Level II letter A-V other than I and O";
      case WRONG_LEVEL:
        return "expected a code of the other level";
      default:
        return "expected a well-formed code";
    }
  }

  /** Formats a packed code in its canonical five-character form. */
  static String format(int packed) {
    char[] chars = new char[5];
    if (packed < SUFFIX_BASE) {
      writeDigits(chars, 0, 5, packed);
    } else if (packed < LEVEL_II_BASE) {
      int rel = packed - SUFFIX_BASE;
      writeDigits(chars, 0, 4, rel % 10_000);
      chars[4] = CptKind.values()[rel / 10_000 + 1].suffix();
    } else {
      int rel = packed - LEVEL_II_BASE;
      chars[0] = (char) ('A' + rel / 10_000);
      writeDigits(chars, 1, 4, rel % 10_000);
    }
    return new String(chars);
  }

  private static void writeDigits(char[] chars, int offset, int count, int value) {
    for (int i = offset + count - 1; i >= offset; i--) {
      chars[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
