package io.github.cpt4j.data.ncci;

import io.github.cpt4j.code.CodeFormatException;
import java.util.Locale;

/**
 * The rule of the NCCI loaders for the text they keep, a PTP or MUE rationale and an MUE
 * indicator's words: no control character, the C0 controls U+0000 to U+001F but the tab, DEL
 * (U+007F) and the C1 controls U+0080 to U+009F. CMS's files have none; read as Latin-1, as the
 * loaders read them, a damaged file's control bytes loaded in silence into every finding quoting
 * the text. The tab is a blank of CMS's fields (and separates a PTP file's, so never in one).
 *
 * <p>The loaders ask only of text they are reading anyway: the PTP parser of a rationale the first
 * time it reads its bytes (the rows repeating it are compared with it, so cost nothing more), the
 * MUE loader in its scan of a row's fields for line breaks. Nothing is allocated but the error.
 */
final class ControlCharacters {

  /**
   * The DOS end-of-file mark (Ctrl-Z), named in the error: it ends a file, on a line of its own.
   */
  private static final int DOS_END_OF_FILE = 0x1A;

  private ControlCharacters() {}

  /**
   * Whether {@code c}, a character or a byte read as Latin-1 (0 to 255), is refused in text: the
   * rule {@code PtpEdit} and {@code MueEdit} hold text built in code to, so that a table loaded and
   * one built by hand take the same texts.
   */
  static boolean isControl(int c) {
    return io.github.cpt4j.text.ControlCharacters.isControl(c);
  }

  /** The index of the first control character of {@code bytes[from, to)}, or -1. */
  static int first(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (isControl(bytes[i] & 0xFF)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The problem of a control character at the 0-based {@code index} of {@code text}, the field as
   * the error quotes it, after the column's name: {@code expected text without control characters,
   * found U+0007 at character 7 of 'Nature\\u0007 of Analyte'}.
   */
  static String problem(String text, int index) {
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
