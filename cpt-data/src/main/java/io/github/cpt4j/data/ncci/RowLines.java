package io.github.cpt4j.data.ncci;

import java.util.Arrays;

/**
 * Where the rows one {@link PtpParser} added to a builder came from: the file, and the line of each
 * row. Kept as the few places where rows and lines stop running in step (the header, a blank line),
 * not as a line per row: a quarter's table has two million rows, and the lines are needed only to
 * name a bad pair.
 */
final class RowLines {

  private final String source;

  /** The positions in the builder where a run of rows on consecutive lines starts. */
  private int[] runRows = new int[8];

  /** The line of each run's first row. */
  private long[] runLines = new long[8];

  private int runs;
  private int firstRow = -1;
  private int endRow = -1;
  private long lastLine = -2;

  RowLines(String source) {
    this.source = source;
  }

  /**
   * Records that the builder's row {@code row}, the next after the last recorded, is on {@code
   * line}.
   */
  void added(int row, long line) {
    if (line != lastLine + 1) {
      if (runs == runRows.length) {
        runRows = Arrays.copyOf(runRows, runs * 2);
        runLines = Arrays.copyOf(runLines, runs * 2);
      }
      runRows[runs] = row;
      runLines[runs] = line;
      runs++;
    }
    if (firstRow < 0) {
      firstRow = row;
    }
    lastLine = line;
    endRow = row + 1;
  }

  /** The file's name. */
  String source() {
    return source;
  }

  /** Tells whether the builder's row {@code row} came from this file. */
  boolean holds(int row) {
    return firstRow >= 0 && row >= firstRow && row < endRow;
  }

  /** The line of the builder's row {@code row}, one this file holds. */
  long line(int row) {
    int run = Arrays.binarySearch(runRows, 0, runs, row);
    if (run < 0) {
      run = -run - 2; // the run that starts before it
    }
    return runLines[run] + (row - runRows[run]);
  }
}
