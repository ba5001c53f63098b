package io.github.cpt4j.text;

/**
 * The white space the code, modifier and claim-line parsers see around a code: what {@link
 * Character#isWhitespace} or {@link Character#isSpaceChar} accepts, so the ASCII blanks, line
 * breaks and information separators and every Unicode space (no-break spaces included), as people
 * paste them. Public only for the packages of this module and the command line's: the package is
 * exported to that module alone.
 */
public final class WhiteSpace {

  private WhiteSpace() {}

  /**
   * Tells whether {@code c} is white space. Small enough to inline: the code parser calls it for
   * nearly every character it reads.
   */
  public static boolean isSpace(char c) {
    // Printable ASCII (! to ~) is never white space: one range test for nearly every character
    // read, instead of two Unicode table lookups (they were a fifth of pricing a line from text).
    if (c > ' ' && c < 0x7F) {
      return false;
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Tells whether {@code text} holds nothing but white space (or nothing). */
  public static boolean isBlank(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code text} without the white space at either end ({@code text} itself if none). */
  public static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }
}
