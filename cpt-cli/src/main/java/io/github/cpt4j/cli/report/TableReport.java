package io.github.cpt4j.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes rows as aligned columns under an upper-case header, numbers (and their headers) aligned
 * right. The widths are fixed in advance, not measured, so that the table streams: a longer value
 * overflows its column. The last column is never padded. Widths are in a terminal's columns ({@link
 * DisplayWidth}), not chars.
 */
final class TableReport implements Report {

  private static final String GAP = "  ";

  private final List<Column> columns;
  private final Writer out;
  private final boolean flushEachRow;
  private final StringBuilder buffer = new StringBuilder(256);
  private boolean headerWritten;

  TableReport(List<Column> columns, Writer out, boolean flushEachRow) {
    this.columns = columns;
    this.out = out;
    this.flushEachRow = flushEachRow;
  }

  @Override
  public void row(Object... cells) throws IOException {
    Cells.checkWidth(columns, cells);
    if (!headerWritten) {
      headerWritten = true;
      Object[] names = new Object[columns.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = columns.get(i).name().toUpperCase(Locale.ROOT).replace('_', ' ');
      }
      write(names);
    }
    write(cells);
    if (flushEachRow) {
      out.flush();
    }
  }

  private void write(Object[] cells) throws IOException {
    StringBuilder sb = buffer;
    sb.setLength(0);
    int last = cells.length - 1;
    for (int i = 0; i <= last; i++) {
      Column column = columns.get(i);
      // Every cell escaped: a line break, an escape sequence or a bidirectional override in a
      // line given as an argument would break the table's row, act on the terminal or show the
      // row reordered.
      String text = VisibleText.of(Cells.text(cells[i]));
      // Columns of the terminal, not chars: a fullwidth or CJK character takes two, a mark none.
      int pad =
          Math.max(0, Math.max(column.width(), column.name().length()) - DisplayWidth.of(text));
      if (column.numeric()) {
        sb.append(" ".repeat(pad)).append(text);
      } else {
        sb.append(text);
        if (i < last) {
          sb.append(" ".repeat(pad));
        }
      }
      if (i < last) {
        sb.append(GAP);
      }
    }
    // Trailing blanks from empty last cells serve nobody.
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
    sb.append(System.lineSeparator());
    out.append(sb);
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  @Override
  public void close() {
    try {
      out.flush(); // each row went to out whole; its buffer is out's own
    } catch (IOException | RuntimeException e) {
      // The failure that got here is the one to report.
    }
  }
}
