package io.github.cpt4j.cli.report;

import java.math.BigDecimal;
import java.util.List;

/** What the report formats share about cells. */
final class Cells {

  private Cells() {}

  /** Returns the text of a cell in the table and CSV formats: blank for null. */
  static String text(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof BigDecimal) {
      return ((BigDecimal) cell).toPlainString();
    }
    return cell.toString();
  }

  /** Checks that a row has one cell per column. */
  static void checkWidth(List<Column> columns, Object[] cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "a row of " + cells.length + " cells for " + columns.size() + " columns");
    }
  }
}
