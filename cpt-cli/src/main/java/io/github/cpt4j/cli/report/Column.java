package io.github.cpt4j.cli.report;

import static java.util.Objects.requireNonNull;

/**
 * One column of a report: its name (the CSV header and the JSON key, in snake case), the width the
 * table format pads it to, and whether it holds numbers (right-aligned in tables).
 *
 * @param name the CSV header and JSON key, such as {@code error_index}
 * @param width the column width in the table format; longer values overflow it
 * @param numeric whether the values are numbers
 */
public record Column(String name, int width, boolean numeric) {

  /** Checks the name and width. */
  public Column {
    requireNonNull(name, "name");
    if (name.isEmpty() || width < 0) {
      throw new IllegalArgumentException("bad column: '" + name + "' of width " + width);
    }
  }

  /** Returns a text column. */
  public static Column text(String name, int width) {
    return new Column(name, width, false);
  }

  /** Returns a numeric column. */
  public static Column number(String name, int width) {
    return new Column(name, width, true);
  }
}
