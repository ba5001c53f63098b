package io.github.cpt4j.data.ncci;

import io.github.cpt4j.data.table.ControlText;

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
   * the error quotes it, after the column's name, in the wording of every loader ({@link
   * ControlText#problem}).
   */
  static String problem(String text, int index) {
    return ControlText.problem(text, index);
  }
}
