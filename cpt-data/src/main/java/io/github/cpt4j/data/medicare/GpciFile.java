package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads CMS's GPCI file, {@code GPCI<yyyy>.csv} (Addendum E of the final rule), as published: a
 * title, a header row with the contractor, state, locality number and name and the three indices,
 * then one row per locality and footnotes.
 *
 * <p>Some releases carry two work GPCI columns, with and without the 1.0 floor that Congress
 * extends from time to time; {@link WorkGpci} chooses explicitly which one to use (Alaska's 1.5
 * floor is in both). Locality names lose the footnote asterisks CMS appends. All-or-nothing, with
 * file, line and column in every error.
 *
 * <pre>{@code
 * GpciTable gpcis = GpciFile.read(Path.of("GPCI2026.csv"), GpciFile.WorkGpci.WITHOUT_FLOOR);
 * }</pre>
 */
public final class GpciFile {

  /** Which work GPCI column to use when a file has both. */
  public enum WorkGpci {
    /** The work GPCI with the 1.0 floor: the one in force while the floor is extended. */
    WITH_FLOOR,
    /** The work GPCI without the 1.0 floor. */
    WITHOUT_FLOOR
  }

  /** What the file should be, for errors. */
  private static final String KIND = "a CMS GPCI file";

  /** A GPCI file is a few kilobytes: a megabyte is surely something else. */
  private static final long MAX_CHARS = 1L << 20;

  /**
   * The fewest rows of a whole file (see {@link CmsSubset}): Addendum E of the CY 2025 final rule
   * lists 109 payment localities. The minimum leaves room for smaller editions and refuses a file
   * cut to a fraction of that.
   */
  static final int MIN_ROWS = 100;

  /** The largest index the {@code Gpci} type holds. */
  private static final BigDecimal MAX_GPCI = new BigDecimal("9.999");

  private GpciFile() {}

  /**
   * Reads the file at {@code path} with the work GPCI {@link WorkGpci#WITH_FLOOR with the floor}.
   *
   * @param path the file: CMS's GPCI file
   * @return the GPCIs of every locality in the file
   * @throws DataLoadException if the content is not a GPCI file
   * @throws IOException if the file cannot be read
   */
  public static GpciTable read(Path path) throws IOException {
    requireNonNull(path, "path");
    return read(path, WorkGpci.WITH_FLOOR);
  }

  /**
   * Reads the file at {@code path} with the chosen work GPCI column.
   *
   * @param path the file: CMS's GPCI file
   * @param workGpci which work GPCI column to read: with or without the floor
   * @return the GPCIs of every locality in the file
   * @throws DataLoadException if the content is not a GPCI file, or lacks the chosen column
   * @throws IOException if the file cannot be read
   */
  public static GpciTable read(Path path, WorkGpci workGpci) throws IOException {
    requireNonNull(path, "path");
    Objects.requireNonNull(workGpci, "workGpci"); // before the file is read, not after
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND), workGpci, null, null);
  }

  /**
   * Reads the file at {@code path}, with the work GPCI with the floor, to price the relative values
   * of {@code year} read from {@code relativeValues}: a file whose column headers name another year
   * is refused naming both files and the header's line (a schedule given the two tables could only
   * say that their years differ).
   *
   * @param relativeValues the relative values, for the error, such as {@code the relative value
   *     file PPRRVU2025_Oct.csv}
   * @param path the file: CMS's GPCI file
   * @param year the year of the relative values the GPCIs will price
   * @return the GPCIs of every locality in the file
   * @throws DataLoadException if the content is not a GPCI file, or is of another year
   * @throws IOException if the file cannot be read
   */
  public static GpciTable read(Path path, Year year, String relativeValues) throws IOException {
    requireNonNull(path, "path");
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(relativeValues, "relativeValues");
    return parse(
        CsvTable.readCms(path, MAX_CHARS, KIND), WorkGpci.WITH_FLOOR, year, relativeValues);
  }

  /**
   * Reads a GPCI file from {@code in}, which is not closed, naming it {@code sourceName} in errors.
   *
   * @param in CMS's GPCI file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @param workGpci which work GPCI column to read: with or without the floor
   * @return the GPCIs of every locality in the file
   * @throws DataLoadException if the content is not a GPCI file, or lacks the chosen column
   * @throws IOException if the stream cannot be read
   */
  public static GpciTable read(InputStream in, String sourceName, WorkGpci workGpci)
      throws IOException {
    Objects.requireNonNull(workGpci, "workGpci"); // before the stream is read, not after
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND), workGpci, null, null);
  }

  /**
   * Parses {@code table}; when {@code expected} is not null, its column headers must name that year
   * or none, the year of the relative values read from {@code expectedFrom}.
   */
  private static GpciTable parse(
      CsvTable table, WorkGpci workGpci, Year expected, String expectedFrom)
      throws DataLoadException {
    String source = table.sourceName();
    List<CsvRecord> records = table.records();
    int headerRow = -1;
    for (int i = 0; i < records.size() && headerRow < 0; i++) {
      for (String field : records.get(i).getFields()) {
        if (Header.normalize(field).equals("LOCALITY NUMBER")) {
          headerRow = i;
          break;
        }
      }
    }
    if (headerRow < 0) {
      throw new DataLoadException(
          source,
          0,
          0,
          "no header row with a \"Locality Number\" column: expected a CMS GPCI file");
    }
    Header header = Header.of(source, records.subList(headerRow, headerRow + 1));
    int mac =
        header.find(
            n ->
                n.startsWith("MEDICARE ADMINISTRATIVE CONTRACTOR")
                    || n.equals("MAC")
                    || n.equals("CARRIER"),
            "the contractor (MAC)");
    if (mac < 0) {
      throw header.missing("\"MEDICARE ADMINISTRATIVE CONTRACTOR (MAC)\"");
    }
    int state = header.require("STATE");
    int number = header.require("LOCALITY NUMBER");
    int name = header.require("LOCALITY NAME");
    int work = workColumn(header, workGpci);
    int pe = header.find(n -> n.contains("PE GPCI"), "a PE GPCI");
    if (pe < 0) {
      throw header.missing("\"PE GPCI\"");
    }
    int mp = header.find(n -> n.contains("MP GPCI"), "an MP GPCI");
    if (mp < 0) {
      throw header.missing("\"MP GPCI\"");
    }
    // A column with the floor holds no index below 1.000 (Alaska's floor is 1.500).
    boolean floored = header.name(work).contains("WITH 1.0 FLOOR");
    Cells cells = new Cells(source, header);
    List<Gpci> gpcis = new ArrayList<>();
    Map<Locality, Long> lines = new HashMap<>();
    for (int i = headerRow + 1; i < records.size(); i++) {
      CsvRecord record = records.get(i);
      if (!looksLikeData(record, header.size(), mac)) {
        continue;
      }
      cells.at(record);
      // An index in the last column written with a decimal or thousands comma (0,732) splits in
      // two, and its first digits would load.
      cells.refuseFieldsBeyondHeader();
      // In CMS's column order (contractor, state, locality number), so that a damaged row is
      // refused at its first bad column.
      String contractor = cells.contractor(mac);
      String stateCode = cells.text(state);
      if (!Zip5File.isStateCode(stateCode)) {
        // Upper case, as every lookup by state is: 'al' would load and never be found.
        throw cells.error(state, "a two-letter state code in capitals, such as NY");
      }
      Locality locality = Locality.of(contractor, cells.localityNumber(number));
      String localityName = Cells.withoutBlanks(withoutTrailingAsterisks(cells.plainText(name)));
      if (localityName.isEmpty()) {
        throw cells.error(name, "the locality's name");
      }
      Gpci.Builder builder =
          Gpci.builder()
              .locality(locality)
              .state(stateCode)
              .name(localityName)
              .work(workGpci(cells, work, floored))
              .practiceExpense(cells.positiveDecimal(pe, 3, MAX_GPCI))
              .malpractice(cells.positiveDecimal(mp, 3, MAX_GPCI));
      Gpci gpci;
      try {
        gpci = builder.build();
      } catch (IllegalArgumentException e) {
        // Values that disagree with each other: about the row, on the line it starts on.
        throw new DataLoadException(source, cells.line(), 0, e.getMessage());
      }
      Long previous = lines.putIfAbsent(locality, cells.line());
      if (previous != null) {
        // About the row as a whole: on the line it starts on, as are the lines the message gives.
        throw new DataLoadException(
            source,
            cells.line(),
            0,
            "locality "
                + locality
                + " appears twice, on lines "
                + previous
                + " and "
                + cells.line());
      }
      gpcis.add(gpci);
    }
    if (gpcis.isEmpty()) {
      throw new DataLoadException(source, header.line(), 0, "no localities after the header");
    }
    RowMinimum.check(
        source, table.isSubset(), gpcis.size(), MIN_ROWS, "localities", "109 (Addendum E, 2025)");
    GpciTable read = GpciTable.of(gpcis);
    Year year = columnsYear(header, source, work, pe, mp);
    if (expected != null && year != null && !year.equals(expected)) {
      // Another year's indices price the right services at amounts CMS never paid.
      throw new DataLoadException(
          source,
          header.line(work),
          work + 1,
          "the GPCIs are for "
              + year
              + " (column "
              + CodeFormatException.quote(header.name(work))
              + "), but "
              + expectedFrom
              + " is for "
              + expected
              + ": expected the GPCI file of "
              + expected);
    }
    return year == null ? read : read.withYear(year);
  }

  /**
   * The year CMS's column headers name ({@code 2025 PW GPCI}, {@code 2025 PE GPCI}...), so that a
   * schedule refuses another year's relative values; null when they name none.
   *
   * @throws DataLoadException if the columns name different years
   */
  private static Year columnsYear(Header header, String source, int... columns)
      throws DataLoadException {
    Year found = null;
    for (int column : columns) {
      String name = header.name(column);
      if (name.length() < 5
          || name.charAt(4) != ' '
          || !Cells.allDigits(name.substring(0, 4))
          || !(name.startsWith("19") || name.startsWith("20"))) {
        continue;
      }
      Year year = Year.of(Integer.parseInt(name.substring(0, 4)));
      if (found != null && !found.equals(year)) {
        throw new DataLoadException(
            source,
            header.line(column),
            column + 1,
            "the GPCI columns name different years, " + found + " and " + year);
      }
      found = year;
    }
    return found;
  }

  /**
   * Reads a work GPCI: above zero, as every index CMS publishes (a zero is damage, and would price
   * the work at nothing), and at least 1.000 in a column with the floor.
   */
  private static BigDecimal workGpci(Cells cells, int column, boolean floored)
      throws DataLoadException {
    BigDecimal value = cells.positiveDecimal(column, 3, MAX_GPCI);
    if (floored && value.compareTo(BigDecimal.ONE) < 0) {
      throw cells.error(
          column, "a work GPCI of at least 1.000, as the column has the 1.0 floor, up to 9.999");
    }
    return value;
  }

  /**
   * Tells whether a row after the header is a locality's, which must parse, rather than a title,
   * note or blank row, which is skipped. CMS's notes ({@code MAC Assignments as of November 22,
   * 2023}, {@code *Work GPCI reflects a 1.5 floor in Alaska...} in {@code GPCI2025.csv}) have text
   * in the first column only, the contractor's, and none of them is a number. So a row is data when
   * any other column of the header has text, or the contractor's column holds digits: a row damaged
   * down to its contractor number ({@code 10112,,,,,,}) is a locality lost, not a note, and a
   * mistyped contractor number beside a locality's other columns is an error, not a row dropped.
   */
  private static boolean looksLikeData(CsvRecord record, int headerColumns, int contractor) {
    int columns = Math.min(headerColumns, record.getFieldCount());
    for (int column = 0; column < columns; column++) {
      String field = record.getField(column);
      if (column != contractor ? !field.isBlank() : isNumber(Cells.withoutBlanks(field))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNumber(String text) {
    return !text.isEmpty() && Cells.allDigits(text);
  }

  private static int workColumn(Header header, WorkGpci workGpci) throws DataLoadException {
    int withFloor =
        header.find(
            n -> n.contains("PW GPCI") && n.contains("WITH 1.0 FLOOR"),
            "a work GPCI with the floor");
    int withoutFloor =
        header.find(
            n -> n.contains("PW GPCI") && n.contains("WITHOUT 1.0 FLOOR"),
            "a work GPCI without the floor");
    int plain = header.find(n -> n.contains("PW GPCI") && !n.contains("1.0 FLOOR"), "a work GPCI");
    int chosen = workGpci == WorkGpci.WITH_FLOOR ? withFloor : withoutFloor;
    if (chosen >= 0) {
      return chosen;
    }
    if (plain >= 0 && withFloor < 0 && withoutFloor < 0) {
      return plain;
    }
    throw header.missing(
        workGpci == WorkGpci.WITH_FLOOR
            ? "\"PW GPCI (WITH 1.0 FLOOR)\""
            : "\"PW GPCI (WITHOUT 1.0 FLOOR)\"");
  }

  /**
   * Returns {@code text} without the asterisks it ends with (CMS marks some locality names so), as
   * {@code replaceAll("\\*+$", "")} did without compiling a regular expression per row.
   */
  static String withoutTrailingAsterisks(String text) {
    // $ matches at the end, and before a line terminator that ends the text.
    int tail = text.length();
    if (text.endsWith("\r\n")) {
      tail -= 2;
    } else if (tail > 0 && "\n\r\u0085\u2028\u2029".indexOf(text.charAt(tail - 1)) >= 0) {
      tail--;
    }
    int end = tail;
    while (end > 0 && text.charAt(end - 1) == '*') {
      end--;
    }
    return end == tail ? text : text.substring(0, end) + text.substring(tail);
  }
}
