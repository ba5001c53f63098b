package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.csv.FieldLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsIndicator;
import io.github.cpt4j.fee.medicare.clfs.ClfsRate;
import io.github.cpt4j.modifier.Modifier;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMS's Clinical Laboratory Fee Schedule file, {@code CLFS_<year>_Q<n>V<v>.csv}, as
 * published: preamble rows (a title, the AMA notice, notes), then a header row and one row per code
 * and modifier.
 *
 * <p>The header row is the first row naming the columns {@code HCPCS} and {@code RATE} (a file with
 * one of them renamed is refused naming the missing column and the line of the header row, the
 * first naming the other); columns are found by name ({@code HCPCS}, {@code MOD}, {@code EFF_DATE},
 * {@code INDICATOR}, {@code RATE}, each also in the spellings of other years: {@code EFF DATE},
 * {@code EFFECTIVE DATE}, {@code IND}...). The descriptor columns ({@code SHORTDESC}, {@code
 * LONGDESC}, {@code EXTENDED LONGDESC}) are AMA text and are never read. The quarter is the one in
 * the file name ({@code _2025_Q1}, or {@code 2025 Q1} as in {@code CLFS 2025 Q1V1.csv}, the name of
 * the CSV file in CMS's download), else the quarter of the latest {@code EFF_DATE}. The {@code
 * YEAR} column, when the file has one, must hold that quarter's year on every row (without a
 * quarter from the caller or the name, the first row's year): a file of another year is refused
 * rather than priced as this one. So is a file whose title, the first preamble cell naming the
 * laboratory fee schedule ("2025 Clinical Diagnostic Laboratory Fee Schedule" in CMS's file), names
 * another year (the first it names) than the quarter the file is read for or named for, else its
 * {@code YEAR} column, else the quarter of its latest {@code EFF_DATE}: another year's file renamed
 * or mislabelled, refused at the title's line and column ({@code the title says '2024 Clinical
 * Diagnostic Laboratory Fee Schedule', year 2024, but the file is named for 2025-Q1}, as {@code
 * DmeposFile} and {@code AspFile} word a title of another quarter). A title without a year, or no
 * title (a file made by hand), is not checked; other preamble cells are not read for a year (the
 * AMA notice's copyright, a note's date). Refused too is a row effective after the last day of the
 * quarter the file is read for or named for (the new codes of a later quarter's file), or before
 * the first day of the file's year: the year of that quarter, else of the {@code YEAR} column, else
 * of the title, else of the latest {@code EFF_DATE} (CMS dates every row of a year's file from that
 * year's first day at the earliest: all of {@code CLFS_2025_Q1V1.csv} from 20250101). A quarter
 * given to {@link #read(InputStream, String, Quarter)} must be the one the name gives, when the
 * name gives one. All-or-nothing: any bad field fails the load with file, line, column and column
 * name.
 *
 * <p>Limit: only the name says which quarter a CLFS file is. Inside it, CMS's title ("2025 Clinical
 * Diagnostic Laboratory Fee Schedule") and {@code YEAR} column give the year alone (checked above),
 * and every code unchanged since January keeps the year's first effective date ({@code 20250101})
 * in each quarter's file. So an earlier quarter's file read for a later quarter of its year, under
 * a name without a quarter ({@code lab.csv}) or renamed to the later quarter's name, loads as that
 * quarter: nothing in it can tell. (The reverse, a later file read for an earlier quarter, is
 * refused when it has a row effective after that quarter.) Keep the name CMS gives the file.
 *
 * <pre>{@code
 * ClfsFeeSchedule clfs = ClfsFile.read(Path.of("CLFS_2025_Q1V1.csv"));   // 2025-Q1
 * }</pre>
 */
public final class ClfsFile {

  /**
   * The largest rate read, ten times what CMS's layout has room for (five digits before the point;
   * the largest 2025 rate is 12,000.00): it refuses a corrupted number, never a real rate.
   */
  static final BigDecimal MAX_RATE = new BigDecimal("999999.99");

  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  /**
   * What makes a preamble cell the title: it names the fee schedule ("2025 Clinical Diagnostic
   * Laboratory Fee Schedule"), as the AMA notice and CMS's notes ("... on May 11, 2023") do not.
   */
  private static final Pattern TITLE =
      Pattern.compile("LAB(ORATORY)?\\s+FEE\\s+SCHEDULE", Pattern.CASE_INSENSITIVE);

  /** A year in the title. */
  private static final Pattern TITLE_YEAR = Pattern.compile("(?<![0-9])(20[0-9]{2})(?![0-9])");

  /** What the file should be, for errors. */
  private static final String KIND = "a CMS Clinical Laboratory Fee Schedule file";

  /** A lab fee schedule file is about half a megabyte. */
  private static final long MAX_CHARS = 16L << 20;

  /**
   * The fewest rows of a whole file (see {@link CmsSubset}): The Clinical Laboratory Fee Schedule
   * of 2025 Q1 has about 2,090 rows. The minimum leaves room for smaller editions and refuses a
   * file cut to a fraction of that.
   */
  static final int MIN_ROWS = 1_500;

  private ClfsFile() {}

  /**
   * Reads the file at {@code path}, for the quarter its name or dates give.
   *
   * @param path the file: CMS's Clinical Laboratory Fee Schedule file
   * @return the lab fee schedule of the file's quarter
   * @throws DataLoadException if the content is not a CLFS file
   * @throws IOException if the file cannot be read
   */
  public static ClfsFeeSchedule read(Path path) throws IOException {
    requireNonNull(path, "path");
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND), Optional.empty());
  }

  /**
   * Reads a CLFS file from {@code in}, which is not closed, naming it {@code sourceName}; the
   * quarter is the one {@code sourceName} names, else that of the latest effective date.
   *
   * @param in CMS's Clinical Laboratory Fee Schedule file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the lab fee schedule of the file's quarter
   * @throws DataLoadException if the content is not a CLFS file
   * @throws IOException if the stream cannot be read
   */
  public static ClfsFeeSchedule read(InputStream in, String sourceName) throws IOException {
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND), Optional.empty());
  }

  /**
   * Reads a CLFS file from {@code in}, which is not closed, for {@code quarter}. A file whose
   * {@code sourceName} gives another quarter ({@code CLFS_2025_Q1V1.csv} read for 2025-Q2) is
   * refused; a name without a quarter cannot be checked (see the class comment).
   *
   * @param in CMS's Clinical Laboratory Fee Schedule file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @param quarter the quarter the file is of, such as 2025-Q1
   * @return the lab fee schedule of the file's quarter
   * @throws DataLoadException if the content is not a CLFS file, or is named for another quarter
   * @throws IOException if the stream cannot be read
   */
  public static ClfsFeeSchedule read(InputStream in, String sourceName, Quarter quarter)
      throws IOException {
    Objects.requireNonNull(quarter, "quarter"); // before the stream is read, not after
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND), Optional.of(quarter));
  }

  private static ClfsFeeSchedule parse(CsvTable table, Optional<Quarter> given)
      throws DataLoadException {
    String source = table.sourceName();
    List<CsvRecord> records = table.records();
    int headerRow = -1;
    for (int i = 0; i < records.size() && headerRow < 0; i++) {
      Header candidate = Header.of(source, records.subList(i, i + 1));
      if (candidate.find("HCPCS") >= 0 && rateColumn(candidate) >= 0) {
        headerRow = i;
      }
    }
    if (headerRow < 0) {
      // No row names both: a row naming one of them is the header with the other renamed or
      // removed, reported on that row with the names it has, as the other loaders report a missing
      // column, rather than as a file without a header.
      for (int i = 0; i < records.size() && headerRow < 0; i++) {
        Header candidate = Header.of(source, records.subList(i, i + 1));
        if (candidate.find("HCPCS") >= 0 || rateColumn(candidate) >= 0) {
          headerRow = i;
        }
      }
    }
    if (headerRow < 0) {
      throw new DataLoadException(
          source,
          0,
          0,
          "no header row naming HCPCS and RATE: expected a CMS Clinical Laboratory Fee Schedule"
              + " file (CLFS)");
    }
    Header header = Header.of(source, records.subList(headerRow, headerRow + 1));
    int hcpcs = header.require("HCPCS");
    int modifier = oneOf(header, "MOD", "MODIFIER");
    int effective = oneOf(header, "EFF_DATE", "EFF DATE", "EFFECTIVE DATE", "EFF_DT");
    int indicator = oneOf(header, "INDICATOR", "IND");
    int rate = rateColumn(header);
    if (rate < 0) {
      throw header.missing("\"RATE\" (or a year's, such as \"RATE2025\")");
    }
    // CMS's files start every row with the fee schedule's year; older layouts may lack it.
    int yearColumn = header.find("YEAR");
    // The name is the only place a CLFS file says its quarter (see the class comment): a file
    // named for one quarter and read for another would price that quarter at other rates.
    Optional<Quarter> fromName =
        QuarterText.nameAgreeing(
            source,
            given,
            "a CLFS file names its quarter only in its name, such as CLFS_2025_Q1V1.csv");
    Optional<Quarter> named = given.or(() -> fromName);
    Optional<Title> title = title(records, headerRow);
    if (title.isPresent() && named.isPresent() && named.get().year() != title.get().year()) {
      // Another year's file renamed, or read for this year's quarter: its rates are that year's.
      int titleYear = title.get().year();
      Optional<Quarter> readFor = given.filter(q -> q.year() != titleYear);
      Optional<Quarter> namedFor = fromName.filter(q -> q.year() != titleYear);
      throw title.get().refused(source, " is " + QuarterText.readOrNamedFor(readFor, namedFor));
    }
    // The year every row must have: the named quarter's, else the first row's (0 until read).
    int year = named.map(Quarter::year).orElse(0);
    Cells cells = new Cells(source, header);
    List<ClfsRate> rates = new ArrayList<>(records.size() - headerRow);
    Map<String, Long> lines = new HashMap<>();
    LocalDate latest = null;
    long latestLine = 0;
    LocalDate earliest = null;
    CsvRecord earliestRecord = null;
    for (int i = headerRow + 1; i < records.size(); i++) {
      CsvRecord record = records.get(i);
      if (CsvTable.isBlank(record)) {
        continue;
      }
      cells.at(record);
      // The descriptions follow the rate, the last often empty: a rate written 12,000.00 without
      // quotes splits in two, and would load as 12 with the rest shifted into a column not read.
      cells.refuseMoreFieldsThanHeader();
      if (yearColumn >= 0) {
        int expected = year;
        year = checkYear(cells, yearColumn, year, named, given.isPresent());
        if (expected == 0 && title.isPresent() && year != title.get().year()) {
          // The first row's year, which every other row must have: the title is of another.
          throw title
              .get()
              .refused(
                  source,
                  "'s "
                      + cells.columnName(yearColumn)
                      + " column says "
                      + year
                      + ", on line "
                      + cells.line(yearColumn));
        }
      }
      ProcedureCode code = cells.code(hcpcs);
      Optional<Modifier> mod =
          cells.text(modifier).isEmpty()
              ? Optional.empty()
              : Optional.of(
                  cells.parse(modifier, "a blank or a modifier such as QW", Modifier::parse));
      LocalDate from =
          cells.parse(
              effective, "a date as YYYYMMDD, such as 20250101", t -> LocalDate.parse(t, YYYYMMDD));
      if (named.isPresent() || yearColumn >= 0) {
        refuseBeforeYear(cells, effective, from, named, given.isPresent(), yearColumn, year);
      } else if (earliest == null || from.isBefore(earliest)) {
        // The file's year is known only from its latest date, at the end: the earliest row is the
        // one to check against it then.
        earliest = from;
        earliestRecord = record;
      }
      if (named.isPresent() && from.isAfter(named.get().lastDay())) {
        // A row that takes effect after the quarter is never priced in it: the file is of a later
        // quarter (a Q2 file lists its new codes from April 1), renamed or read for this one.
        throw cells.error(
            effective,
            "a date no later than "
                + named.get().lastDay()
                + ", the last day of "
                + named.get()
                + quarterSource(given.isPresent()));
      }
      ClfsIndicator ind =
          cells.parse(
              indicator,
              "N (national limit) or L (local)",
              t -> {
                if (t.length() != 1) {
                  throw new IllegalArgumentException(t);
                }
                return ClfsIndicator.of(t.charAt(0));
              });
      // A local row may be 0.00 (CMS lists 45 of them, left to the contractor); a national limit
      // of 0.00 is damage, and would price the test at nothing.
      BigDecimal amount =
          ind == ClfsIndicator.NATIONAL_LIMIT
              ? cells.positiveDecimal(rate, 2, MAX_RATE)
              : cells.decimal(rate, 2, MAX_RATE);
      ClfsRate row = new ClfsRate(code, mod, from, ind, amount);
      Long previous = lines.putIfAbsent(row.row(), cells.line());
      if (previous != null) {
        // At the code's own line and column; the message gives the lines the two rows start on,
        // kept for every row without scanning its cells.
        throw new DataLoadException(
            source,
            cells.line(hcpcs),
            hcpcs + 1,
            "row " + row.row() + " appears twice, on lines " + previous + " and " + cells.line());
      }
      rates.add(row);
      if (latest == null || from.isAfter(latest)) {
        latest = from;
        latestLine = cells.line(effective);
      }
    }
    if (rates.isEmpty()) {
      throw new DataLoadException(source, header.line(), 0, "no rows after the header");
    }
    RowMinimum.check(
        source, table.isSubset(), rates.size(), MIN_ROWS, "rows", "about 2,090 (2025 Q1)");
    Quarter quarter = named.orElse(Quarter.of(Objects.requireNonNull(latest)));
    if (named.isEmpty() && title.isPresent() && title.get().year() != quarter.year()) {
      // The latest date is the file's quarter: a file of another year's rates under this title.
      throw title
          .get()
          .refused(
              source,
              "'s latest "
                  + header.name(effective)
                  + ", "
                  + latest
                  + " on line "
                  + latestLine
                  + ", is of "
                  + quarter);
    }
    if (earliest != null && earliest.getYear() < quarter.year()) {
      throw cells
          .at(earliestRecord)
          .error(
              effective,
              "a date no earlier than "
                  + LocalDate.of(quarter.year(), 1, 1)
                  + ", the first day of "
                  + quarter.year()
                  + (title.isPresent()
                      ? ", the year of the file's title"
                      : ", the year of the file's latest "
                          + header.name(effective)
                          + ", "
                          + latest));
    }
    return ClfsFeeSchedule.builder(quarter).name("clfs-" + quarter).addAll(rates).build();
  }

  /**
   * The title of the file: the first cell before the header row that names the laboratory fee
   * schedule, when it names a year (the first it names); empty for a title without a year, or none
   * (a file made by hand, or cut to its header). Other preamble cells are not read: CMS's AMA
   * notice and notes give other years (the notice's copyright, a note's date).
   */
  private static Optional<Title> title(List<CsvRecord> records, int header) {
    for (int i = 0; i < header; i++) {
      CsvRecord record = records.get(i);
      for (int f = 0; f < record.getFieldCount(); f++) {
        String cell = record.getField(f).strip();
        if (TITLE.matcher(cell).find()) {
          Matcher year = TITLE_YEAR.matcher(cell);
          return year.find()
              ? Optional.of(
                  new Title(Integer.parseInt(year.group(1)), cell, FieldLine.of(record, f), f + 1))
              : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** The year a title names, the title's text, and its cell's line and 1-based column. */
  private record Title(int year, String text, long line, int column) {

    /**
     * The refusal of a file of another year than the title's, at the title's cell, worded as {@code
     * QuarterText} words a title of another quarter; {@code but} follows "but the file".
     */
    DataLoadException refused(String source, String but) {
      return new DataLoadException(
          source,
          line,
          column,
          "the title says "
              + CodeFormatException.quote(text)
              + ", year "
              + year
              + ", but the file"
              + but
              + ": a file of another year is refused, not priced as this one");
    }
  }

  /**
   * Refuses a row effective before the first day of the file's year: the year of {@code named}, the
   * quarter the file is read for ({@code given}) or named for, else {@code year}, the row's in the
   * {@code YEAR} column {@code yearColumn}. CMS's file of a year dates its rows from that year's
   * first day at the earliest (every row of {@code CLFS_2025_Q1V1.csv} is effective 20250101; a
   * code added later in the year, from its quarter's first day), so an earlier date is a row of
   * another year's file, or a damaged one.
   */
  private static void refuseBeforeYear(
      Cells cells,
      int column,
      LocalDate from,
      Optional<Quarter> named,
      boolean given,
      int yearColumn,
      int year)
      throws DataLoadException {
    int fileYear = named.map(Quarter::year).orElse(year);
    if (from.getYear() < fileYear) {
      throw cells.error(
          column,
          "a date no earlier than "
              + LocalDate.of(fileYear, 1, 1)
              + ", the first day of "
              + fileYear
              + ", "
              + named
                  .map(q -> "the year of " + q + quarterSource(given))
                  .orElseGet(
                      () -> "the year of the file's " + cells.columnName(yearColumn) + " column"));
    }
  }

  /**
   * Refuses a row of another year than {@code expected} (0: any): a file of another year, renamed
   * or handed over for the wrong quarter, would otherwise price that quarter's tests at another
   * year's rates. {@code given} tells whether {@code named} is the caller's quarter rather than the
   * name's, for the error. Returns the row's year.
   */
  private static int checkYear(
      Cells cells, int column, int expected, Optional<Quarter> named, boolean given)
      throws DataLoadException {
    int year = cells.parse(column, "a year such as 2025", ClfsFile::year);
    if (expected != 0 && year != expected) {
      throw cells.error(
          column,
          expected
              + ", "
              + named
                  .map(q -> "the year of " + q + quarterSource(given))
                  .orElse("the year of the file's first row"));
    }
    return year;
  }

  /** Where the file's quarter came from, for an error: the caller ({@code given}) or the name. */
  private static String quarterSource(boolean given) {
    return given ? ", the quarter the file is read for" : ", the quarter the file's name gives";
  }

  private static int year(String text) {
    if (text.length() != 4 || !Cells.allDigits(text)) {
      throw new IllegalArgumentException(text);
    }
    return Integer.parseInt(text);
  }

  private static int rateColumn(Header header) throws DataLoadException {
    int exact = header.find("RATE");
    return exact >= 0
        ? exact
        : header.find(
            n -> n.matches("(20[0-9]{2} ?)?RATE( ?20[0-9]{2})?|NATIONAL LIMIT"), "the rate");
  }

  private static int oneOf(Header header, String... names) throws DataLoadException {
    for (String name : names) {
      int column = header.find(name);
      if (column >= 0) {
        return column;
      }
    }
    throw header.missing(String.join(" or ", names));
  }
}
