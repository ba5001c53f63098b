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
}
