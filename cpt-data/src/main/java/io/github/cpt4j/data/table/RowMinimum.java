package io.github.cpt4j.data.table;

import io.github.cpt4j.data.load.DataLoadException;

/**
 * The refusal of a CMS file with implausibly few rows for its kind, shared by the loaders of every
 * package: a download cut short at a line ending passes every check of its rows, and would load in
 * part. A file that starts with the {@linkplain CsvTable#SUBSET_MARKER subset marker} holds a
 * subset on purpose and is loaded with any number of rows.
 */
public final class RowMinimum {

  private RowMinimum() {}

  /**
   * Refuses {@code rows} below {@code minimum} unless the file is a marked subset.
   *
   * @param unit what is counted, plural ("rows", "localities")
   * @param whole what a whole file of the kind has, for the message ("19,090 in October 2025")
   * @throws DataLoadException naming {@code source} when the file looks cut short
   */
  public static void check(
      String source, boolean subset, long rows, long minimum, String unit, String whole)
      throws DataLoadException {
    if (subset || rows >= minimum) {
      return;
    }
    throw new DataLoadException(
        source,
        0,
        0,
        "only "
            + rows
            + " "
            + (rows == 1 ? singular(unit) : unit)
            + ", where a whole CMS file has "
            + whole
            + ": the file looks cut short (expected at least "
            + minimum
            + "; a deliberate subset starts with the line '"
            + CsvTable.SUBSET_MARKER
            + "')");
  }

  /** The unit of one: "locality" for "localities", "row" for "rows", "ZIP code" for "ZIP codes". */
  private static String singular(String unit) {
    if (unit.endsWith("ies")) {
      return unit.substring(0, unit.length() - 3) + "y";
    }
    return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
  }
}
