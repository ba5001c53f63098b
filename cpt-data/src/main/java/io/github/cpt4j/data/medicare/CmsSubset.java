package io.github.cpt4j.data.medicare;

import io.github.cpt4j.data.table.CsvTable;

/**
 * How a file says that it holds a deliberate subset of a CMS file's rows, so that the loaders do
 * not refuse it for having fewer rows than a whole file.
 *
 * <p>Every loader of a CMS file refuses a table with implausibly few rows for its kind (a relative
 * value file of 2,000 rows, a GPCI file of 57 localities): that is a download cut short at a line
 * ending, which the check of the last line's ending cannot see, and would price every missing code
 * or locality as not in the schedule. Each loader states its minimum, well below the row count of
 * every CMS file of its kind seen so far ({@link io.github.cpt4j.data.table.RowMinimum} refuses
 * it). A file whose first line starts with {@value #MARKER} is a subset on purpose (the bundled
 * samples, a practice's own extract) and is loaded with any number of rows above zero; that line is
 * not data. To mark an extract:
 *
 * <pre>{@code
 * { echo '# cpt4j subset: our codes'; cat rows.csv; } > PPRRVU2025_Oct-ours.csv
 * }</pre>
 */
public final class CmsSubset {

  /** The start of the first line of a subset, matched ignoring case. */
  public static final String MARKER = CsvTable.SUBSET_MARKER;

  private CmsSubset() {}
}
