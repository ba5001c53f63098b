package io.github.cpt4j.data.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * A data file that cannot be loaded because of what it contains: the message names the source, the
 * line and the column, and says what was expected there, for example {@code LONGULT.txt, line 12,
 * column 1: expected a procedure code ...}.
 *
 * <p>It is an {@link IOException}, so one {@code catch (IOException e)} handles both a file that
 * cannot be read and a file that cannot be understood. Loads are all-or-nothing: when this is
 * thrown, nothing was built.
 */
public final class DataLoadException extends IOException {

  private static final long serialVersionUID = 1L;

  /** The file or resource the data came from. */
  private final String sourceName;

  /** The 1-based line, or 0 for the whole source. */
  private final long line;

  /** The 1-based column (field), or 0 for the whole line or source. */
  private final int column;

  /** What is wrong, without the location. */
  private final String problem;

  /**
   * Creates an exception.
   *
   * @param sourceName the file name or resource the data came from
   * @param line the 1-based line number, or 0 when the problem concerns the whole source
   * @param column the 1-based column (field) of a delimited record, or 0 when the problem concerns
   *     the whole line or source
   * @param problem what is wrong and what was expected, such as {@code expected a date as
   *     yyyy-MM-dd, found "2020-13-01"}
   */
  public DataLoadException(String sourceName, long line, int column, String problem) {
    super(
        message(
            requireNonNull(sourceName, "sourceName"),
            line,
            column,
            requireNonNull(problem, "problem")));
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException(
          "line " + line + " and column " + column + " must not be negative");
    }
    this.sourceName = sourceName;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  private static String message(String sourceName, long line, int column, String problem) {
    StringBuilder sb = new StringBuilder(sourceName);
    if (line > 0) {
      sb.append(", line ").append(line);
      if (column > 0) {
        sb.append(", column ").append(column);
      }
    }
    return sb.append(": ").append(problem).toString();
  }

  /** {@return the name of the file or resource the data came from} */
  public String sourceName() {
    return sourceName;
  }

  /** {@return the 1-based line number, or 0 when the problem concerns the whole source} */
  public long line() {
    return line;
  }

  /**
   * {@return the 1-based column (field) of a delimited record, or 0 when the problem concerns the
   * whole line or source}
   */
  public int column() {
    return column;
  }

  /** {@return what is wrong, without the location} */
  public String problem() {
    return problem;
  }
}
