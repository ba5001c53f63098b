package io.github.cpt4j.cli.report;

/**
 * Makes a CSV cell safe to open in a spreadsheet, by OWASP's rule against CSV injection: a cell
 * that starts with {@code =}, {@code +}, {@code -} or {@code @} would run as a formula (a {@code
 * =HYPERLINK(...)} that leaks data, a {@code +cmd|...} that starts a program), so it gets a leading
 * apostrophe, which spreadsheets read as "text". C0 control characters (NUL, ESC, tab, line breaks
 * and the rest) are removed first, so that a leading tab or carriage return cannot hide a formula
 * either, and no terminal escape reaches whoever prints the file.
 *
 * <pre>{@code
 * SpreadsheetSafe.cell("=1+2")   // "'=1+2"
 * SpreadsheetSafe.cell("99213")  // "99213", the same instance
 * }</pre>
 */
public final class SpreadsheetSafe {

  private SpreadsheetSafe() {}

  /** Returns {@code cell} with control characters removed and a formula neutralised. */
  public static String cell(String cell) {
    String text = cell;
    for (int i = 0; i < cell.length(); i++) {
      if (cell.charAt(i) < 0x20) {
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

  private static String withoutControls(String cell) {
    StringBuilder sb = new StringBuilder(cell.length());
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c >= 0x20) {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
