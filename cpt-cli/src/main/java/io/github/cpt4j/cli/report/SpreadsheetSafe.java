package io.github.cpt4j.cli.report;

/**
 * Makes a CSV cell safe to open in a spreadsheet, by OWASP's rule against CSV injection: a cell
 * that starts with {@code =}, {@code +}, {@code -} or {@code @} would run as a formula (a {@code
 * =HYPERLINK(...)} that leaks data, a {@code +cmd|...} that starts a program), so it gets a leading
 * apostrophe, which spreadsheets read as "text". {@linkplain #isControl Control characters} (NUL,
 * ESC, tab, line breaks and the rest of C0; DEL; C1, such as U+009B, a terminal's control sequence
 * introducer; the line and paragraph separators and the bidirectional controls) are removed first,
 * so that a leading tab or DEL cannot hide a formula either, and no terminal escape or reordering
 * reaches whoever prints the file.
 *
 * <pre>{@code
 * SpreadsheetSafe.cell("=1+2")   // "'=1+2"
 * SpreadsheetSafe.cell("\u007f=1+2")  // "'=1+2"
 * SpreadsheetSafe.cell("99213")  // "99213", the same instance
 * }</pre>
 */
public final class SpreadsheetSafe {

  private SpreadsheetSafe() {}

  /** Returns {@code cell} with control characters removed and a formula neutralised. */
  public static String cell(String cell) {
    String text = cell;
    for (int i = 0; i < cell.length(); i++) {
      if (isControl(cell.charAt(i))) {
        text = withoutControls(cell);
        break;
      }
    }
    if (!text.isEmpty()) {
      char first = text.charAt(0);
      if (first == '=' || first == '+' || first == '-' || first == '@') {
        return "'" + text;
      }
    }
    return text;
  }

  /**
   * Tells whether {@code c} is a control character: U+0000 to U+001F, DEL (U+007F) or U+0080 to
   * U+009F, as {@link Character#isISOControl(char)} says; or one of the characters that act on the
   * text around them as those do: the line and paragraph separators U+2028 and U+2029, which break
   * a line as a line feed does, and the bidirectional embeddings and overrides U+202A to U+202E and
   * isolates U+2066 to U+2069, which reorder the rest of a line (a right-to-left override makes
   * {@code 99213} show as {@code 31299}, and a table's row after it read backwards). Every writer
   * of the command line that drops, escapes or looks past control characters asks this, so that
   * they all agree: the table once escaped only the ISO controls, and printed these raw.
   */
  public static boolean isControl(char c) {
    return Character.isISOControl(c)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static String withoutControls(String cell) {
    StringBuilder sb = new StringBuilder(cell.length());
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (!isControl(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
