package io.github.cpt4j.data.table;

import io.github.cpt4j.code.CodeFormatException;
import java.util.Locale;

/**
 * How the loaders word a control character in text they keep (an NCCI rationale, a GPCI locality's
 * name): the rule is {@link io.github.cpt4j.text.ControlCharacters}'s, C0 but the tab, DEL and C1.
 * CMS's files have none; read as Latin-1, as the loaders read them, a file saved again on Windows
 * has its curly quotes and dashes there (byte 0x92 is U+0092), and a damaged file its control
 * bytes, which would load in silence into every message quoting the text. One wording for every
 * loader, so that a Windows-1252 file is named as such wherever it is refused.
 */
public final class ControlText {

  /**
   * The DOS end-of-file mark (Ctrl-Z), named in the error: it ends a file, on a line of its own.
   */
  private static final int DOS_END_OF_FILE = 0x1A;

  private ControlText() {}

  /**
   * The problem of a control character at the 0-based {@code index} of {@code text}, the field as
   * the error quotes it, after the column's name: {@code expected text without control characters,
   * found U+0007 at character 7 of 'Nature\\u0007 of Analyte'}, with a hint that the file is
   * Windows-1252 when the character is one of its printable ones.
   */
  public static String problem(String text, int index) {
    char c = text.charAt(index);
    return String.format(
            Locale.ROOT,
            "expected text without control characters, found U+%04X%s at character %d of ",
            (int) c,
            c == DOS_END_OF_FILE ? " (a DOS end-of-file mark)" : "",
            index + 1)
        + CodeFormatException.quote(text)
        + (printableInWindows1252(c)
            ? String.format(
                Locale.ROOT,
                "; the file looks like Windows-1252, in which byte 0x%02X is a printable character"
                    + " such as a curly quote or a dash: give the file as CMS publishes it, in"
                    + " Latin-1",
                (int) c)
            : "");
  }

  /**
   * Whether {@code c} of the range 0x80 to 0x9F is a character in Windows-1252 (all but the five it
   * leaves undefined): a Windows editor's quote or dash, read as Latin-1.
   */
  private static boolean printableInWindows1252(char c) {
    return c >= 0x80 && c <= 0x9F && c != 0x81 && c != 0x8D && c != 0x8F && c != 0x90 && c != 0x9D;
  }
}
