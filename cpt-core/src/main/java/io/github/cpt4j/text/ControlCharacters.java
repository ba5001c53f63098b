package io.github.cpt4j.text;

/**
 * The rule for text kept as it was given that may hold a tab, an NCCI rationale: no control
 * character, the C0 controls U+0000 to U+001F but the tab, DEL (U+007F) and the C1 controls U+0080
 * to U+009F. Text never uses them: a damaged file's control bytes, or a Windows-1252 file read as
 * ISO-8859-1 (its curly quotes and dashes are C1 controls there), would print into every message
 * quoting the text. The tab is a blank of CMS's fields. The one definition of the NCCI value types
 * and the NCCI loaders, and of the control characters {@link OneLine} refuses.
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** Tells whether {@code c}, a character or a byte read as Latin-1 (0 to 255), is refused. */
  public static boolean isControl(int c) {
    return c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F;
  }

  /** Returns the index of the first control character of {@code text}, or -1. */
  public static int first(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (isControl(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns what is wrong with {@code text}, in the words that follow its name in a refusal, in
   * {@link OneLine}'s wording: {@code "contains control character U+0007 at index 6"}; or null when
   * it holds no control character. Allocates nothing for a good text.
   */
  public static String problemOf(CharSequence text) {
    int control = first(text);
    return control < 0 ? null : OneLine.describeBreak(text, control);
  }
}
