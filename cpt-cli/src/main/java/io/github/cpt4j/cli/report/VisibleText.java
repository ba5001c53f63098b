package io.github.cpt4j.cli.report;

import java.util.Locale;

/**
 * Text as the terminal shows it, not acts on it: every {@linkplain SpreadsheetSafe#isControl
 * control character} (a line break, U+2028 too; an escape sequence, C1's U+009B included; a
 * bidirectional override, U+202E) written as a Unicode escape, a backslash, {@code u} and four
 * hexadecimal digits, as the messages quote input. The table's cells and the error lines are
 * written through it.
 */
public final class VisibleText {

  private VisibleText() {}

  /**
   * Returns {@code text} with its control characters escaped; {@code text} itself if it has none.
   */
  public static String of(String text) {
    StringBuilder escaped = null; // made at the first control character, if any
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = SpreadsheetSafe.isControl(c);
      if (control && escaped == null) {
        escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (escaped != null) {
        if (control) {
          escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          escaped.append(c);
        }
      }
    }
    return escaped == null ? text : escaped.toString();
  }
}
