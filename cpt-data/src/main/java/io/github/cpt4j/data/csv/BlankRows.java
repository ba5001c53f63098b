package io.github.cpt4j.data.csv;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.text.WhiteSpace;

/**
 * Tells a blank row of a hand-made CSV file (the code-set CSV, the flat fee schedule CSV) from a
 * short one. Those loaders drop no-break (U+00A0, as a spreadsheet writes into a cell typed into)
 * and other Unicode spaces around a cell, so a row of such spaces alone is a blank row, skipped,
 * not a row refused for lacking its fields. CMS's files are read with ASCII blanks alone ({@code
 * CsvTable.isBlank}).
 */
public final class BlankRows {

  private BlankRows() {}

  /** Tells whether every field of {@code record} is blank, Unicode spaces included. */
  public static boolean isBlank(CsvRecord record) {
    for (int i = 0; i < record.getFieldCount(); i++) {
      if (!WhiteSpace.isBlank(record.getField(i))) {
        return false;
      }
    }
    return true;
  }
}
