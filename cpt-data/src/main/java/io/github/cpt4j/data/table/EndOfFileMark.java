package io.github.cpt4j.data.table;

import io.github.cpt4j.data.load.DataLoadException;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * The DOS end-of-file mark (Ctrl-Z, 0x1A), which old editors and exports put after a text file's
 * last line, as CMS's files of releases A to C of 2025 end: the end of the data, not a row. Only
 * blank lines may follow it. A row after it is refused: rows after the mark were never meant to be
 * read (files pasted together, or damage), and read as data, the mark itself would be a row.
 */
public final class EndOfFileMark {

  /** The mark: Ctrl-Z. */
  public static final char MARK = 0x1A;

  private EndOfFileMark() {}

  /** Tells whether {@code line} is the mark alone, spaces and tabs aside. */
  public static boolean isMarkLine(String line) {
    String text = Cells.withoutBlanks(line);
    return text.length() == 1 && text.charAt(0) == MARK;
  }

  /**
   * Reads the lines after the mark on line {@code markLine}, to the end of {@code lines}: blank
   * lines and further marks only. Returns the number of the last line read.
   *
   * @throws DataLoadException for a row after the mark, on the mark's line
   */
  public static long skipRest(BufferedReader lines, String sourceName, long markLine)
      throws IOException {
    long number = markLine;
    String line;
    while ((line = lines.readLine()) != null) {
      number++;
      if (!line.isBlank() && !isMarkLine(line)) {
        throw rowAfter(sourceName, markLine, number);
      }
    }
    return number;
  }

  /**
   * The error for the mark followed by text on its own line, the last of the file, which has no
   * line ending: named at the mark's line and 1-based {@code column} (field). It was refused as a
   * last line without its ending, a file cut short, where the file goes on after its end.
   */
  public static DataLoadException textAfter(String sourceName, long line, int column) {
    return new DataLoadException(
        sourceName,
        line,
        column,
        "text after a DOS end-of-file mark (0x1A), which ends the file: expected the mark after the"
            + " last row only");
  }

  /**
   * The error for the mark right after the last row's text, on line {@code line} in 1-based {@code
   * column} (field), with no line break before it, in a file whose every line ends with one ({@code
   * kind}: "a CMS PTP file"). The mark ends the file but is no line ending; the file is not cut
   * short either (a download that stopped ends in no mark), so the error says what to change.
   */
  public static DataLoadException unendedBefore(
      String sourceName, long line, int column, String kind) {
    return new DataLoadException(
        sourceName,
        line,
        column,
        "the last line has no line ending before the DOS end-of-file mark (0x1A) that ends the"
            + " file: expected a line break after the last row, the mark after it (every line of "
            + kind
            + " ends with one)");
  }

  /**
   * The error for the mark on line {@code markLine} followed by a row, the first on {@code
   * rowLine}: named at the mark, the line to remove if the rows after it are wanted.
   */
  public static DataLoadException rowAfter(String sourceName, long markLine, long rowLine) {
    return new DataLoadException(
        sourceName,
        markLine,
        1,
        "a DOS end-of-file mark (0x1A) with rows after it, the first on line "
            + rowLine
            + ": expected the mark after the last row only");
  }
}
