package io.github.cpt4j.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes rows as one JSON array of flat objects, one object per line, keys in column order:
 * readable by any JSON parser, and by line-oriented tools once the brackets are dropped.
 */
final class JsonReport implements Report {

  private final List<Column> columns;
  private final Writer out;
  private final boolean flushEachRow;
  private JsonRows json;
  private boolean finished;

  JsonReport(List<Column> columns, Writer out, boolean flushEachRow) {
    this.columns = columns;
    this.out = out;
    this.flushEachRow = flushEachRow;
  }

  private JsonRows json() throws IOException {
    if (json == null) {
      json = new JsonRows(out);
    }
    return json;
  }

  @Override
  public void row(Object... cells) throws IOException {
    Cells.checkWidth(columns, cells);
    JsonRows rows = json();
    rows.startRow();
    for (int i = 0; i < cells.length; i++) {
      rows.field(columns.get(i).name(), cells[i]);
    }
    rows.endRow();
    if (flushEachRow) {
      rows.flush();
    }
  }

  @Override
  public void finish() throws IOException {
    json().finish();
    json = null;
    finished = true;
  }

  @Override
  public void close() {
    if (!finished && json != null) {
      json.abandon(); // rows were written: close their array; none: write nothing
    }
    finished = true;
  }
}
