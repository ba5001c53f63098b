package io.github.cpt4j.data.csv;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * The line a field of a CSV record is on. FastCSV gives only the line a record starts on; a quoted
 * field before the one named can span lines (CMS's MUE notice, a description typed over two lines),
 * and an error at the record's first line would send the reader to the wrong line. The one place
 * that counts it, for the header's errors and the rows' alike.
 *
 * <p>It scans the fields before the one named, so the loaders ask only when they raise an error:
 * the rows of a good file, of millions of fields, never pay for it. A good file pays only for its
 * header rows ({@link #ofEach}, to name where a column's name is) and a cell or two read once per
 * file (the title that names the quarter, the relative value file's first conversion factor).
 */
public final class FieldLine {

  private FieldLine() {}

  /**
   * Returns the line the 0-based field {@code column} of {@code record} starts on: the record's
   * first line plus the line breaks in the fields before it. {@code column} may be the record's
   * field count: the line the record ends on, where a field it lacks would be.
   *
   * @throws IndexOutOfBoundsException if {@code column} is negative or beyond the field count
   */
  public static long of(CsvRecord record, int column) {
    if (column < 0 || column > record.getFieldCount()) {
      throw new IndexOutOfBoundsException(
          "field " + column + " of a record of " + record.getFieldCount() + " fields");
    }
    long line = record.getStartingLineNumber();
    for (int i = 0; i < column; i++) {
      line += lineBreaks(record.getField(i));
    }
    return line;
  }

  /**
   * Returns the line each field of {@code record} starts on, in one pass: for a header, whose every
   * cell's line is kept to name where a column's name is.
   */
  public static long[] ofEach(CsvRecord record) {
    long[] lines = new long[record.getFieldCount()];
    long line = record.getStartingLineNumber();
    for (int i = 0; i < lines.length; i++) {
      lines[i] = line;
      line += lineBreaks(record.getField(i));
    }
    return lines;
  }

  /**
   * The line breaks in a quoted field's text: CR LF, CR or LF, each one, as FastCSV numbers lines.
   */
  private static int lineBreaks(String text) {
    int breaks = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
        breaks++;
      }
    }
    return breaks;
  }
}
