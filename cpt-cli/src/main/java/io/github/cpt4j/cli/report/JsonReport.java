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
  private final StringBuilder buffer = new StringBuilder(256);
  private boolean first = true;

  JsonReport(List<Column> columns, Writer out, boolean flushEachRow) {
    this.columns = columns;
    this.out = out;
    this.flushEachRow = flushEachRow;
  }

  @Override
  public void row(Object... cells) throws IOException {
    Cells.checkWidth(columns, cells);
    StringBuilder sb = buffer;
    sb.setLength(0);
    sb.append(first ? "[\n{" : ",\n{");
    first = false;
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      JsonText.appendString(sb, columns.get(i).name());
      sb.append(':');
      JsonText.appendValue(sb, cells[i]);
    }
    sb.append('}');
    out.append(sb);
    if (flushEachRow) {
      out.flush();
    }
  }

  @Override
  public void finish() throws IOException {
    out.append(first ? "[]\n" : "\n]\n");
    first = true;
    out.flush();
  }
}
