package io.github.cpt4j.cli.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * A streaming writer of rows with fixed columns. Cells are {@link String}s, numbers ({@link
 * Integer}, {@link Long}, {@link BigDecimal}), {@link Boolean}s or {@code null} for "no value"
 * (blank in a table and CSV, {@code null} in JSON).
 *
 * <pre>{@code
 * Report report = Report.create(Format.JSON, columns, out, false);
 * report.row(3, "WRONG_LENGTH");
 * report.finish();   // closes the JSON array; does not close out
 * }</pre>
 */
public interface Report extends AutoCloseable {

  /**
   * Writes one row; {@code cells} are in column order and as many as the columns.
   *
   * @throws IllegalArgumentException if the number of cells is not the number of columns
   */
  void row(Object... cells) throws IOException;

  /** Ends the output (the JSON array, for example) and flushes it; does not close the writer. */
  void finish() throws IOException;

  /**
   * Ends a report that was not {@linkplain #finish() finished}, after a failure: writes out the
   * rows so far (a report buffers of its own, so they would otherwise be lost) and, for JSON,
   * closes the array so that the output still parses. Does nothing after {@link #finish()}; never
   * throws, for the failure that got here is the one to report.
   *
   * <pre>{@code
   * try (Report report = Report.create(Format.CSV, columns, out, false)) {
   *   report.row(3, "WRONG_LENGTH");   // may throw: the row above still reaches out
   *   report.finish();
   * }
   * }</pre>
   */
  @Override
  void close();

  /**
   * Returns the width {@code text} takes in a table ({@link Format#TABLE}), in a terminal's
   * columns: each control character written as a six-character escape, a wide character (CJK,
   * fullwidth) two columns, a combining mark none ({@link DisplayWidth}). For sizing a column
   * before its rows are written.
   */
  static int tableWidth(String text) {
    return DisplayWidth.of(VisibleText.of(requireNonNull(text, "text")));
  }

  /**
   * Returns a report in {@code format} writing to {@code out}.
   *
   * @param flushEachRow whether to flush after every row, so that a person at a terminal sees each
   *     result as soon as it exists
   */
  static Report create(Format format, List<Column> columns, Writer out, boolean flushEachRow) {
    requireNonNull(format, "format");
    List<Column> copy = List.copyOf(columns);
    requireNonNull(out, "out");
    switch (format) {
      case TABLE:
        return new TableReport(copy, out, flushEachRow);
      case CSV:
        return new CsvReport(copy, out, flushEachRow);
      case JSON:
        return new JsonReport(copy, out, flushEachRow);
      default:
        throw new AssertionError(format);
    }
  }
}
