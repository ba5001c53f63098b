package io.github.cpt4j.cli.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as CSV (RFC 4180, CRLF-free: one {@code \n} per record) with a header row. Text cells
 * are {@linkplain SpreadsheetSafe made safe} for spreadsheets.
 */
final class CsvReport implements Report {

  private final CsvWriter csv;
  private final List<Column> columns;
  private final boolean flushEachRow;
  private final String[] fields;
  private boolean headerWritten;
  private boolean finished;

  CsvReport(List<Column> columns, Writer out, boolean flushEachRow) {
    this.columns = columns;
    this.flushEachRow = flushEachRow;
    this.fields = new String[columns.size()];
    this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out);
  }

  @Override
  public void row(Object... cells) throws IOException {
    Cells.checkWidth(columns, cells);
    if (!headerWritten) {
      writeHeader();
    }
    for (int i = 0; i < cells.length; i++) {
      // Numbers are ours; text may echo input, so it is made safe for spreadsheets.
      fields[i] =
          cells[i] instanceof String text ? SpreadsheetSafe.cell(text) : Cells.text(cells[i]);
    }
    csv.writeRecord(fields);
    if (flushEachRow) {
      csv.flush();
    }
  }

  private void writeHeader() {
    headerWritten = true;
    for (int i = 0; i < fields.length; i++) {
      fields[i] = columns.get(i).name();
    }
    csv.writeRecord(fields);
  }

  @Override
  public void finish() throws IOException {
    if (!headerWritten) {
      writeHeader(); // an empty result is still a well-formed CSV file
    }
    csv.flush();
    finished = true;
  }

  @Override
  public void close() {
    if (!finished) {
      finished = true;
      try {
        csv.flush(); // the CSV writer buffers of its own
      } catch (IOException | RuntimeException e) {
        // The failure that got here is the one to report.
      }
    }
  }
}
