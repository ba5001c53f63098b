package io.github.cpt4j.cli.price;

import io.github.cpt4j.text.WhiteSpace;

/**
 * The white space around a cell of a batch input: the library's ({@link WhiteSpace#isSpace}), so
 * line breaks and every Unicode space, no-break spaces included. A spreadsheet that writes a
 * no-break space into an empty cell gives an empty cell, and a date or ZIP code with one around it
 * reads as the date or ZIP code, as the library's own parsers of locality and code text read
 * theirs. {@code String.strip()} and {@code isBlank()} would keep the no-break spaces. The claim
 * column keeps {@code String.strip()}: its value is a key the Spark job groups by the same rule.
 */
final class CellText {

  private CellText() {}

  /** Tells whether the cell holds nothing but white space: an empty cell. */
  static boolean isBlank(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      if (!WhiteSpace.isSpace(cell.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns the cell without the white space at either end. */
  static String strip(String cell) {
    int start = 0;
    int end = cell.length();
    while (start < end && WhiteSpace.isSpace(cell.charAt(start))) {
      start++;
    }
    while (end > start && WhiteSpace.isSpace(cell.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == cell.length() ? cell : cell.substring(start, end);
  }
}
