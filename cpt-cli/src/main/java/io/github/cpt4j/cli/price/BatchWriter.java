package io.github.cpt4j.cli.price;

import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.cli.report.JsonRows;
import io.github.cpt4j.cli.report.OutputClosedException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes batch results: every input column as read, then {@code amount} ({@code limiting_charge}
 * when the header adds it), {@code result} and {@code explanation}. CSV gets a header row; JSON is
 * an array of objects keyed by the header, without the columns whose names are blank, an empty cell
 * {@code null}. CSV text cells are {@linkplain io.github.cpt4j.cli.report.SpreadsheetSafe made
 * safe} for spreadsheets unless asked to keep them verbatim.
 */
abstract class BatchWriter {

  /**
   * Returns a writer of {@code format}, CSV or JSON.
   *
   * @param verbatim whether CSV cells are written exactly as read, formulas and control characters
   *     included
   */
  static BatchWriter create(
      Format format, BatchHeader header, BatchPricing.Output output, boolean verbatim)
      throws IOException {
    if (format == Format.CSV) {
      OutputStream bytes = output.openBytes();
      if (bytes != null) {
        return new CsvBytes(header, bytes, verbatim);
      }
    }
    return create(format, header, output.open(), verbatim);
  }

  /**
   * Returns a writer of {@code format}, CSV or JSON, to {@code out}.
   *
   * @param verbatim whether CSV cells are written exactly as read, formulas and control characters
   *     included
   */
  static BatchWriter create(Format format, BatchHeader header, Writer out, boolean verbatim) {
    return switch (format) {
      case CSV -> new Csv(header, out, verbatim);
      case JSON -> new Json(header, out);
      default -> throw new IllegalArgumentException("batch output is CSV or JSON, not " + format);
    };
  }

  /** Writes one row: the input fields, padded or cut to the header's width, and the outcome. */
  abstract void write(List<String> fields, Outcome outcome) throws IOException;

  /** Ends the output, flushes it and checks that it was written; does not close the writer. */
  abstract void finish() throws IOException;

  /** Flushes what was written so far, without ending the output. */
  abstract void flush() throws IOException;

  /**
   * Ends the output after a failure: flushes the rows written so far and, for JSON, closes their
   * array so that they still parse. Never throws: the failure that got here is the one to report.
   */
  void abandon() {
    try {
      flush();
    } catch (IOException | RuntimeException e) {
      // The first failure is the one to report.
    }
  }

  /**
   * Throws if the output went away (a closed pipe); checked after each chunk, so that a run piped
   * into {@code head} stops soon.
   *
   * @throws OutputClosedException if the reader went away
   * @throws io.github.cpt4j.cli.report.OutputFailedException if writing failed otherwise
   */
  abstract void checkOpen() throws IOException;

  /**
   * Returns the formatter pricing threads format whole chunks with, written here with {@link
   * #writeFormatted}; null when this writer formats each row itself.
   */
  CsvRows rows() {
    return null;
  }

  /** Writes rows formatted by {@link #rows()}. */
  void writeFormatted(CharSequence text) throws IOException {
    throw new UnsupportedOperationException("this writer formats its rows itself");
  }

  /**
   * Writes rows formatted by {@link #rows()} as UTF-8, the first {@code length} of {@code text}.
   */
  void writeFormatted(byte[] text, int length) throws IOException {
    writeFormatted(new String(text, 0, length, StandardCharsets.UTF_8));
  }

  /** The two CSV writers: rows formatted by the pricing threads, or one at a time here. */
  private abstract static class CsvWriter extends BatchWriter {
    final CsvRows rows;

    CsvWriter(BatchHeader header, boolean verbatim) {
      this.rows = CsvRows.of(header, verbatim);
    }

    @Override
    final CsvRows rows() {
      return rows;
    }

    @Override
    final void write(List<String> fields, Outcome outcome) throws IOException {
      StringBuilder row = new StringBuilder(256);
      rows.row(fields, false, outcome, row);
      writeFormatted(row);
    }
  }

  private static final class Csv extends CsvWriter {
    private final Writer out;
    private final StringBuilder header = new StringBuilder(256);
    private boolean headerWritten;

    Csv(BatchHeader header, Writer out, boolean verbatim) {
      super(header, verbatim);
      this.out = out;
      rows.header(header, this.header);
    }

    @Override
    void writeFormatted(CharSequence text) throws IOException {
      writeHeader();
      out.append(text);
    }

    /** Writes the header row, with the first rows or at the end: an empty input still has it. */
    private void writeHeader() throws IOException {
      if (!headerWritten) {
        headerWritten = true;
        out.append(header);
      }
    }

    @Override
    void finish() throws IOException {
      writeHeader();
      out.flush();
      checkOpen();
    }

    @Override
    void flush() throws IOException {
      writeHeader();
      out.flush();
    }

    @Override
    void checkOpen() throws IOException {
      OutputClosedException.check(out);
    }
  }

  /** CSV to UTF-8 bytes: the pricing threads' formatted chunks are copied as they are. */
  private static final class CsvBytes extends CsvWriter {
    private final OutputStream out;
    private final byte[] header;
    private boolean headerWritten;

    CsvBytes(BatchHeader header, OutputStream out, boolean verbatim) {
      super(header, verbatim);
      this.out = out;
      StringBuilder text = new StringBuilder(256);
      rows.header(header, text);
      this.header = text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    void writeFormatted(CharSequence text) throws IOException {
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      writeFormatted(bytes, bytes.length);
    }

    @Override
    void writeFormatted(byte[] text, int length) throws IOException {
      writeHeader();
      out.write(text, 0, length);
    }

    private void writeHeader() throws IOException {
      if (!headerWritten) {
        headerWritten = true;
        out.write(header);
      }
    }

    @Override
    void finish() throws IOException {
      writeHeader();
      out.flush();
    }

    @Override
    void flush() throws IOException {
      writeHeader();
      out.flush();
    }

    @Override
    void checkOpen() {
      // A stream reports a failure by throwing: nothing to ask it afterwards.
    }
  }

  private static final class Json extends BatchWriter {
    private final Writer out;
    private final String[] keys;

    /** The input columns written, in order: those with a name, whose keys are {@link #keys}. */
    private final int[] columns;

    private final boolean limitingCharge;
    private final JsonRows json;

    Json(BatchHeader header, Writer out) {
      this.out = out;
      List<String> names = header.names();
      List<String> added = header.added();
      this.limitingCharge = header.addsLimitingCharge();
      // A column with a blank name, such as the empty trailing columns of a spreadsheet's CSV
      // export, has no key: it is left out (its cells are kept in CSV output).
      this.columns =
          IntStream.range(0, names.size())
              .filter(i -> !BatchHeader.isUnnamed(names.get(i)))
              .toArray();
      this.keys = new String[columns.length + added.size()];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = i < columns.length ? names.get(columns[i]) : added.get(i - columns.length);
      }
      try {
        this.json = new JsonRows(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // creating a generator writes nothing
      }
    }

    @Override
    void write(List<String> fields, Outcome outcome) throws IOException {
      json.startRow();
      for (int i = 0; i < columns.length; i++) {
        int column = columns[i];
        json.field(keys[i], column < fields.size() ? blankAsNull(fields.get(column)) : null);
      }
      int key = columns.length;
      json.field(keys[key++], outcome.amount().orElse(null));
      if (limitingCharge) {
        json.field(keys[key++], outcome.limitingCharge().orElse(null));
      }
      json.field(keys[key++], outcome.result());
      json.field(keys[key], blankAsNull(outcome.explanation()));
      json.endRow();
    }

    /**
     * An empty cell as JSON writes a blank one, {@code null}, as every other key of the command
     * line's JSON does: {@code "units":""} beside {@code "amount":null} made a reader test for
     * both. A cell of blanks is text read, and kept as read.
     */
    private static String blankAsNull(String cell) {
      return cell == null || cell.isEmpty() ? null : cell;
    }

    @Override
    void finish() throws IOException {
      json.finish();
      checkOpen();
    }

    @Override
    void flush() throws IOException {
      json.flush();
    }

    @Override
    void abandon() {
      json.abandon();
    }

    @Override
    void checkOpen() throws IOException {
      OutputClosedException.check(out);
    }
  }
}
