package io.github.cpt4j.cli.price;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.cli.report.JsonText;
import io.github.cpt4j.cli.report.OutputClosedException;
import io.github.cpt4j.cli.report.SpreadsheetSafe;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes batch results: every input column as read, then {@code amount}, {@code result} and {@code
 * explanation}. CSV gets a header row; JSON is an array of objects keyed by the header. CSV text
 * cells are {@linkplain SpreadsheetSafe made safe} for spreadsheets unless asked to keep them
 * verbatim.
 */
abstract class BatchWriter {

  /**
   * Returns a writer of {@code format}, CSV or JSON.
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
   * Throws if the output went away (a closed pipe); checked after each chunk, so that a run piped
   * into {@code head} stops soon.
   *
   * @throws OutputClosedException if the reader went away
   * @throws io.github.cpt4j.cli.report.OutputFailedException if writing failed otherwise
   */
  abstract void checkOpen() throws IOException;

  private static final class Csv extends BatchWriter {
    private final Writer out;
    private final CsvWriter csv;
    private final String[] record;
    private final int width;
    private final boolean verbatim;

    Csv(BatchHeader header, Writer out, boolean verbatim) {
      this.out = out;
      this.verbatim = verbatim;
      this.width = header.size();
      this.record = new String[width + BatchHeader.ADDED.size()];
      this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).bufferSize(1 << 16).build(out);
      for (int i = 0; i < width; i++) {
        record[i] = cell(header.names().get(i));
      }
      for (int i = 0; i < BatchHeader.ADDED.size(); i++) {
        record[width + i] = BatchHeader.ADDED.get(i);
      }
      csv.writeRecord(record);
    }

    @Override
    void write(List<String> fields, Outcome outcome) {
      for (int i = 0; i < width; i++) {
        record[i] = i < fields.size() ? cell(fields.get(i)) : "";
      }
      record[width] = outcome.amount().map(a -> a.toPlainString()).orElse("");
      record[width + 1] = outcome.result();
      record[width + 2] = cell(outcome.explanation()); // it may quote the input
      csv.writeRecord(record);
    }

    private String cell(String text) {
      return verbatim ? text : SpreadsheetSafe.cell(text);
    }

    @Override
    void finish() throws IOException {
      csv.flush();
      checkOpen();
    }

    @Override
    void flush() throws IOException {
      csv.flush();
    }

    @Override
    void checkOpen() throws IOException {
      OutputClosedException.check(out);
    }
  }

  private static final class Json extends BatchWriter {
    private final Writer out;
    private final String[] keys; // each already a quoted JSON string followed by a colon
    private final StringBuilder sb = new StringBuilder(512);
    private boolean first = true;

    Json(BatchHeader header, Writer out) {
      this.out = out;
      List<String> names = header.names();
      this.keys = new String[names.size() + BatchHeader.ADDED.size()];
      try {
        for (int i = 0; i < keys.length; i++) {
          StringBuilder key = new StringBuilder();
          JsonText.appendString(
              key, i < names.size() ? names.get(i) : BatchHeader.ADDED.get(i - names.size()));
          keys[i] = key.append(':').toString();
        }
      } catch (IOException e) {
        throw new AssertionError(e); // a StringBuilder does not fail
      }
    }

    @Override
    void write(List<String> fields, Outcome outcome) throws IOException {
      int width = keys.length - BatchHeader.ADDED.size();
      sb.setLength(0);
      sb.append(first ? "[\n{" : ",\n{");
      first = false;
      for (int i = 0; i < width; i++) {
        sb.append(keys[i]);
        JsonText.appendString(sb, i < fields.size() ? fields.get(i) : "");
        sb.append(',');
      }
      sb.append(keys[width]);
      JsonText.appendValue(sb, outcome.amount().orElse(null));
      sb.append(',').append(keys[width + 1]);
      JsonText.appendString(sb, outcome.result());
      sb.append(',').append(keys[width + 2]);
      JsonText.appendString(sb, outcome.explanation());
      sb.append('}');
      out.append(sb);
    }

    @Override
    void finish() throws IOException {
      out.append(first ? "[]\n" : "\n]\n");
      out.flush();
      checkOpen();
    }

    @Override
    void flush() throws IOException {
      out.flush();
    }

    @Override
    void checkOpen() throws IOException {
      OutputClosedException.check(out);
    }
  }
}
