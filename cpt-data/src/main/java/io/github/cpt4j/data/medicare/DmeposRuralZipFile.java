package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads CMS's DMEPOS rural ZIP code file, {@code DME_Rural_ZIP_<year>_Q<n>.csv}: a header row
 * ({@code STATE, DMEPOS RURAL ZIP CODE, YEAR/QTR}, found by name: the ZIP column is the one whose
 * name contains {@code ZIP}), then one row per rural ZIP code with its state. A beneficiary living
 * in one of these ZIP codes is paid the DMEPOS fee schedule's rural amounts. The {@code YEAR/QTR}
 * column, when the file has one ({@code 202501}: 2025, first quarter), must name the same quarter
 * on every row, and the quarter of the file's name ({@code _2025_Q1}) when it has one: a file of
 * another quarter is refused rather than used as this one. A state must be a USPS code of CMS's ZIP
 * code files (the 50 states, DC, the territories and the freely associated states); a ZIP code may
 * be listed under another state than its usual one, as CMS's file lists one. All-or-nothing, with
 * file, line and column in every error.
 *
 * <p>The file lists rural ZIP codes only; the states of the other ZIP codes come from a table such
 * as {@code BundledData.dmeposZips()} or {@link Zip5File#readStates}.
 *
 * <pre>{@code
 * DmeposZipTable zips =
 *     DmeposRuralZipFile.read(Path.of("DME_Rural_ZIP_2025_Q1.csv"), BundledData.dmeposZips());
 * }</pre>
 */
public final class DmeposRuralZipFile {

  /** What the file should be, for errors. */
  private static final String KIND = "a CMS DMEPOS rural ZIP code file";

  /**
   * CMS's columns: STATE, DMEPOS RURAL ZIP CODE, YEAR/QTR. Few enough that a file saved with
   * semicolons is known by this count (see {@link CsvTable#readCms(Path, long, String, int)}).
   */
  private static final int COLUMNS = 3;

  /** A rural ZIP code file is about a quarter of a megabyte. */
  private static final long MAX_CHARS = 8L << 20;

  /**
   * The fewest rows of a whole file (see {@link CmsSubset}): CMS's DMEPOS rural ZIP code file of
   * 2025 Q1 lists 15,913 ZIP codes. The minimum leaves room for smaller editions and refuses a file
   * cut to a fraction of that.
   */
  static final int MIN_ROWS = 10_000;

  private DmeposRuralZipFile() {}

  /**
   * Reads the file at {@code path}: the ZIP5 states of {@code states}, with the file's rural ZIP
   * codes and their states. The rural ZIP codes of {@code states} are dropped, and with them the
   * states their list gave (see {@link DmeposZipTable#builder(DmeposZipTable)}): a ZIP code this
   * file does not name has its ZIP5 state, over {@code BundledData.dmeposZips()} as over {@link
   * Zip5File#readStates}.
   *
   * @param path the file: CMS's DMEPOS rural ZIP code file
   * @param states the state of every ZIP code, as {@link Zip5File#readStates} reads it
   * @return the state of every ZIP code, and whether it is rural, as of the file's quarter
   * @throws DataLoadException if the content is not a DMEPOS rural ZIP code file
   * @throws IOException if the file cannot be read
   */
  public static DmeposZipTable read(Path path, DmeposZipTable states) throws IOException {
    requireNonNull(path, "path");
    Objects.requireNonNull(states, "states"); // before the file is read, not after
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND, COLUMNS), states);
  }

  /**
   * Reads a rural ZIP code file from {@code in}, which is not closed, naming it {@code sourceName};
   * as {@link #read(Path, DmeposZipTable)}.
   *
   * @param in CMS's DMEPOS rural ZIP code file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @param states the state of every ZIP code, as {@link Zip5File#readStates} reads it
   * @return the state of every ZIP code, and whether it is rural, as of the file's quarter
   * @throws DataLoadException if the content is not a DMEPOS rural ZIP code file
   * @throws IOException if the stream cannot be read
   */
  public static DmeposZipTable read(InputStream in, String sourceName, DmeposZipTable states)
      throws IOException {
    Objects.requireNonNull(states, "states"); // before the stream is read, not after
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND, COLUMNS), states);
  }

  private static DmeposZipTable parse(CsvTable table, DmeposZipTable states)
      throws DataLoadException {
    Objects.requireNonNull(states, "states");
    String source = table.sourceName();
    List<CsvRecord> records = table.records();
    if (records.isEmpty()) {
      throw new DataLoadException(source, 0, 0, "empty: expected a header row STATE,...ZIP...");
    }
    Header header = Header.of(source, records.subList(0, 1));
    int state = header.require("STATE");
    int zip = header.find(n -> n.contains("ZIP"), "the ZIP code");
    if (zip < 0) {
      throw header.missing("\"DMEPOS RURAL ZIP CODE\"");
    }
    // CMS's "YEAR/QTR"; older or hand-made files may have none.
    int period = header.find(n -> n.contains("QTR") || n.contains("QUARTER"), "the quarter");
    Optional<Quarter> named = QuarterText.fromFileName(source);
    Quarter expected = named.orElse(null);
    Cells cells = new Cells(source, header);
    DmeposZipTable.Builder builder = DmeposZipTable.builder(states);
    Map<String, Long> lines = new HashMap<>();
    for (CsvRecord record : records.subList(1, records.size())) {
      if (CsvTable.isBlank(record)) {
        continue;
      }
      cells.at(record);
      // CMS's rows have the header's three fields: one more is a row damaged in editing (a ZIP
      // code typed into a cell of its own), not data to pass over.
      cells.refuseFieldsBeyondHeader();
      if (period >= 0) {
        Quarter quarter =
            cells.parse(
                period, "a year and quarter such as 202501", DmeposRuralZipFile::yearQuarter);
        if (expected == null) {
          expected = quarter;
        } else if (!quarter.equals(expected)) {
          // Worded as ClfsFile words a YEAR of another year than the name's or the first row's.
          throw cells.error(
              period,
              yearQuarter(expected)
                  + ", "
                  + expected
                  + (named.isPresent()
                      ? ", the quarter the file's name gives"
                      : ", the quarter of the file's first row"));
        }
      }
      // Five digits as CMS writes them: "123" is not ZIP code 00123 but a damaged cell.
      String z =
          cells.exactDigits(
              zip, 5, "5 digits, such as 01223 (a spreadsheet may have dropped a leading zero)");
      String s = cells.text(state);
      Long previous = lines.putIfAbsent(z, cells.line());
      if (previous != null) {
        // At the ZIP code's own line and column; the message gives the lines the two rows start on,
        // kept for every row without scanning its cells.
        throw new DataLoadException(
            source,
            cells.line(zip),
            zip + 1,
            "ZIP code " + z + " appears twice, on lines " + previous + " and " + cells.line());
      }
      // A code that is no state's (QQ) would load as a state of its own, whose rural ZIP codes no
      // DMEPOS fee schedule prices. A ZIP code under another state than ZIP5's is let through:
      // CMS's 2025 Q1 file lists 72643 under AR, which ZIP5 places in MO (where the table puts it
      // back when a newer list is laid over this one and no longer names it).
      String rural = Zip5File.state(s);
      if (!StateCodes.OF_ZIP_CODES.contains(rural)) {
        throw cells.error(state, StateCodes.OF_ZIP_CODES_TEXT);
      }
      try {
        builder.rural(Integer.parseInt(z), rural);
      } catch (IllegalArgumentException e) {
        // The table holds at most 127 states: only one built from a file of invented ones is full.
        throw cells.error(state, "a state the table has room for (" + e.getMessage() + ")");
      }
    }
    if (lines.isEmpty()) {
      throw new DataLoadException(source, header.line(), 0, "no rural ZIP codes after the header");
    }
    if (expected != null) {
      // Kept for the DMEPOS schedule, which says when it prices another quarter with this list.
      builder.ruralQuarter(expected);
    }
    RowMinimum.check(
        source,
        table.isSubset(),
        lines.size(),
        MIN_ROWS,
        "rural ZIP codes",
        "about 15,900 (2025 Q1)");
    return builder.build();
  }

  /** Reads CMS's {@code YYYYQQ} ({@code 202501}), or {@code YYYYQ} as the ZIP5 file writes it. */
  private static Quarter yearQuarter(String text) {
    if (!Cells.allDigits(text) || text.length() != 5 && text.length() != 6) {
      throw new IllegalArgumentException(text);
    }
    // Quarter.of refuses a quarter outside 1-4 (202505) and a year 0000.
    return Quarter.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4)));
  }

  private static String yearQuarter(Quarter quarter) {
    return quarter.year() + "0" + quarter.quarter();
  }
}
