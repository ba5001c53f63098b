package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.data.csv.FieldLine;
import io.github.cpt4j.data.csv.ReadFailure;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.data.table.ReleasedDate;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.fee.medicare.pfs.AssistantAtSurgery;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads CMS's national physician fee schedule relative value file, {@code
 * PPRRVU<yyyy>_<release>.csv}, as published: preamble rows, a header spread over several rows, then
 * one row per code and modifier.
 *
 * <p>Columns are found by name, not position (the name of a column is its header fragments top to
 * bottom, such as {@code NON-FAC PE RVU}), so both the 31-column layout of 2025 and the 32-column
 * layout of 2026 (with {@code PRIC IND}) load. The {@code DESCRIPTION} column is never read: the
 * short descriptors are the AMA's copyright. A missing or renamed column is an error that names it.
 * The load is all-or-nothing: any bad field fails it with the file, line, column and column name.
 * Fields that must agree are checked against each other: the {@code NON-FACILITY TOTAL} and {@code
 * FACILITY TOTAL}, when the file has them (a hand-made one may not), must each be the row's work,
 * practice expense and malpractice RVUs added up, and the {@code PRE OP}, {@code INTRA OP} and
 * {@code POST OP} shares of the global package must sum to 1.00, or all be 0.00. The year the title
 * row names is the table's {@linkplain RvuTable#year() year}, which bounds the dates a schedule
 * over it prices. The {@code CONV FACTOR} column, when present, is the table's {@linkplain
 * RvuTable#conversionFactor() conversion factor}: one value for the whole file (blank fields
 * aside), so a file that states two factors is refused, naming the line and column of the second. A
 * schedule over it prices only with that factor (from 2026 CMS publishes a file for qualifying APM
 * participants, 33.5675, and one for everyone else, 33.4009).
 *
 * <pre>{@code
 * RvuTable rvus = RvuFile.read(Path.of("PPRRVU2025_Oct.csv"));
 * }</pre>
 */
public final class RvuFile {

  /** What the file should be, for errors. */
  private static final String KIND = "a CMS relative value file";

  /**
   * The title row: CMS writes {@code 2025 National Physician Fee Schedule Relative Value File ...};
   * the bundled samples {@code CY2025 relative value file}.
   */
  private static final Pattern TITLE =
      Pattern.compile(
          "(?i)\\b(?:CY\\s?)?((?:19|20)\\d\\d)\\s+(?:National Physician Fee Schedule\\s+)?"
              + "Relative Value File");

  /** The release in CMS's title row: {@code ... Relative Value File October Release}. */
  private static final Pattern RELEASE =
      Pattern.compile(
          // Any word where the month goes: a damaged month is refused, not read as no release.
          "(?i)Relative Value File\\s+(\\S+)\\s+Release");

  /**
   * What a STATUS CODE cell should hold, for errors: the codes of CMS's record layout (RVU25D,
   * Attachment A), listed, since they skip letters (no K, L, O, Q, S, U, V or W).
   */
  static final String STATUS_CODES =
      "a status code: one of "
          + Arrays.stream(PaymentStatus.values())
              .map(s -> String.valueOf(s.code()))
              .collect(Collectors.joining(", "));

  /**
   * A relative value file is about 2.5 MB. Six times that leaves room for growth; a file near the
   * old 64 MiB cap took over 512 MB of heap to read before its error could be reported.
   */
  static final long MAX_CHARS = 16L << 20;

  /** The largest relative value a row holds ({@code RvuEntry}'s bound). */
  private static final BigDecimal MAX_RVU = new BigDecimal("99999.99");

  /**
   * The fewest rows of a whole file (see {@link CmsSubset}): CMS's 2025 relative value files have
   * 18,865 (January, 25A as corrected) to 19,090 (October, 25D) rows. The minimum leaves room for
   * smaller editions and refuses a file cut to a fraction of that.
   */
  static final int MIN_ROWS = 15_000;

  private RvuFile() {}

  /**
   * Reads the file at {@code path}.
   *
   * @param path the file: CMS's relative value file (PPRRVU)
   * @return the rows of the file
   * @throws DataLoadException if the content is not a relative value file (with file, line, column)
   * @throws IOException if the file cannot be read
   */
  public static RvuTable read(Path path) throws IOException {
    requireNonNull(path, "path");
    String name = ReadFailure.fileName(path);
    if (Files.isRegularFile(path) && Files.size(path) <= MAX_CHARS) {
      byte[] bytes = ReadFailure.readAllBytes(path);
      return read(bytes, name);
    }
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND));
  }

  /**
   * Reads a relative value file from {@code in}, which is not closed, naming it {@code sourceName}
   * in errors.
   *
   * @param in CMS's relative value file (PPRRVU), as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the rows of the file
   * @throws DataLoadException if the content is not a relative value file
   * @throws IOException if the stream cannot be read
   */
  public static RvuTable read(InputStream in, String sourceName) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName"); // before the stream is read, not after
    byte[] bytes = in.readNBytes((int) MAX_CHARS + 1);
    if (bytes.length > MAX_CHARS) {
      // Too large: the general reader says so, having read no more than its limit.
      return parse(
          CsvTable.readCms(
              new SequenceInputStream(new ByteArrayInputStream(bytes), in),
              sourceName,
              MAX_CHARS,
              KIND));
    }
    return read(bytes, sourceName);
  }

  /**
   * Reads the whole file in {@code bytes}: by {@link RvuScan}, the fast path for a file as CMS
   * publishes it, or when it declines, by the general reader, which accepts or refuses any file
   * with its error naming line and column.
   */
  private static RvuTable read(byte[] bytes, String sourceName) throws IOException {
    RvuTable fast = RvuScan.scan(bytes, sourceName);
    return fast != null ? fast : readGeneral(bytes, sourceName);
  }

  /** Reads the file in {@code bytes} the general way, never by the fast path; for tests. */
  static RvuTable readGeneral(byte[] bytes, String sourceName) throws IOException {
    return parse(CsvTable.readCms(bytes, sourceName, MAX_CHARS, KIND));
  }

  private static RvuTable parse(CsvTable table) throws DataLoadException {
    String source = table.sourceName();
    List<CsvRecord> records = table.records();
    Layout layout = Layout.of(records, source);
    Header header = layout.header;
    Columns c = layout.columns;
    int headerRow = layout.headerRow;
    Cells cells = new Cells(source, header);
    List<RvuEntry> entries = new ArrayList<>(records.size() - headerRow);
    Map<String, Long> lines = new HashMap<>();
    Canonical canonical = new Canonical();
    StatedFactor factor = new StatedFactor(c.conversionFactor, source, header, records);
    for (int i = headerRow + 1; i < records.size(); i++) {
      CsvRecord record = records.get(i);
      if (CsvTable.isBlank(record)) {
        continue;
      }
      cells.at(record);
      // The OPPS amounts end the row: one written with a comma (1,234.56) splits in two, and its
      // first digits would load, the fields after it each in its neighbour's column.
      cells.refuseFieldsBeyondHeader();
      RvuEntry entry = entry(cells, c, source, canonical);
      factor.check(cells, i);
      Long previous = lines.putIfAbsent(entry.row(), cells.line());
      if (previous != null) {
        // About the row as a whole: on the line it starts on, as are the lines the message gives.
        throw new DataLoadException(
            source,
            cells.line(),
            0,
            "row " + entry.row() + " appears twice, on lines " + previous + " and " + cells.line());
      }
      entries.add(entry);
    }
    if (entries.isEmpty()) {
      throw new DataLoadException(source, header.line(), 0, "no rows after the header");
    }
    RowMinimum.check(source, table.isSubset(), entries.size(), MIN_ROWS, "rows", WHOLE);
    return table(entries, layout.year, layout.release, factor.value, table.isSubset());
  }

  /** What a whole file has, for the error of {@link RowMinimum#check}. */
  static final String WHOLE = "about 19,000 (18,865 in January 2025, 19,090 in October)";

  /**
   * The table of {@code entries}, dated by the title's year and release, with the file's factor, if
   * any, and marked as a subset when the file is one.
   */
  static RvuTable table(
      List<RvuEntry> entries,
      Year year,
      YearMonth release,
      BigDecimal conversionFactor,
      boolean subset) {
    RvuTable all = RvuTable.of(entries);
    // A file marked as a subset (CmsSubset) may lack codes that are payable: the table says so.
    RvuTable rows = subset ? all.asSubset() : all;
    RvuTable dated =
        release != null ? rows.withRelease(release) : year == null ? rows : rows.withYear(year);
    return conversionFactor == null ? dated : dated.withConversionFactor(conversionFactor);
  }

  /** What comes before the rows: the header row, its columns, and the year the title names. */
  static final class Layout {
    /** The index of the main header row (HCPCS, MOD, ...) in the records. */
    final int headerRow;

    final Header header;
    final Columns columns;

    /** The year of the title row; null when none says. */
    final Year year;

    /** The release the title row names, in its year; null when none says. */
    final YearMonth release;

    private Layout(
        int headerRow, Header header, Columns columns, List<CsvRecord> preamble, String source)
        throws DataLoadException {
      this.headerRow = headerRow;
      this.header = header;
      this.columns = columns;
      this.year = titleYear(preamble);
      checkReleased(preamble, source);
      Month month = year == null ? null : titleRelease(preamble, source);
      this.release = month == null ? null : year.atMonth(month);
    }

    /** Finds the header in {@code records}, which may be all of the file or its first lines. */
    static Layout of(List<CsvRecord> records, String source) throws DataLoadException {
      int headerRow = -1;
      for (int i = 0; i < records.size(); i++) {
        if (records.get(i).getField(0).trim().toUpperCase(Locale.ROOT).equals("HCPCS")) {
          headerRow = i;
          break;
        }
      }
      if (headerRow < 0) {
        throw new DataLoadException(
            source,
            0,
            0,
            "no header row starting with HCPCS, MOD:"
                + " expected a CMS relative value file (PPRRVU)");
      }
      int top = headerRow;
      while (top > 0 && hasFieldBeyondDescription(records.get(top - 1))) {
        top--;
      }
      Header header = Header.of(source, records.subList(top, headerRow + 1));
      return new Layout(headerRow, header, new Columns(header), records.subList(0, top), source);
    }
  }

  /**
   * The one conversion factor the CONV FACTOR column states. CMS's record layout of the file
   * (RVU25D, field "Conversion Factor", positions 133-140) says that since 2002 there is a single
   * conversion factor for all services; two values in one file mean a damaged or spliced file,
   * whose factor no check could trust.
   *
   * <p>The error names the odd value, not just the row where the two values meet: once two rows
   * agree, a third that differs is the odd one; when the second row to state a factor differs from
   * the first, the next row that states one decides between them (read only then, and only up to
   * that row), and when none does, the error gives both values with their lines.
   */
  private static final class StatedFactor {
    private final int column;
    private final String source;
    private final Header header;
    private final List<CsvRecord> records;
    private BigDecimal value;
    private String firstText;
    private long line;
    private boolean confirmed;

    StatedFactor(int column, String source, Header header, List<CsvRecord> records) {
      this.column = column;
      this.source = source;
      this.header = header;
      this.records = records;
    }

    /** Checks the factor of the current row of {@code cells}, {@code records}' {@code index}. */
    void check(Cells cells, int index) throws DataLoadException {
      if (column < 0 || cells.text(column).isEmpty()) {
        return;
      }
      BigDecimal found = cells.decimal(column, 4);
      if (found.signum() == 0) {
        throw cells.error(column, "a conversion factor greater than 0");
      }
      if (value == null) {
        value = found;
        firstText = cells.raw(column);
        line = cells.line(column); // once a file: the scan of the cells before it costs nothing
        return;
      }
      if (found.compareTo(value) == 0) {
        confirmed = true;
        return;
      }
      if (confirmed) {
        throw cells.error(
            column,
            "the conversion factor of the rest of the file, "
                + value.toPlainString()
                + " (first stated on line "
                + line
                + "): a relative value file has one");
      }
      // The first two rows to state a factor disagree: the next one to state it says which is odd.
      long here = cells.line(column);
      Cells ahead = new Cells(source, header);
      for (int i = index + 1; i < records.size(); i++) {
        CsvRecord record = records.get(i);
        if (CsvTable.isBlank(record) || record.getFieldCount() < header.size()) {
          continue; // a row too short is refused when it is read; it decides nothing
        }
        ahead.at(record);
        if (ahead.text(column).isEmpty()) {
          continue;
        }
        BigDecimal third;
        try {
          third = ahead.decimal(column, 4);
        } catch (DataLoadException notANumber) {
          break; // refused when its row is read
        }
        long thirdLine = ahead.line(column);
        if (third.compareTo(value) == 0) {
          throw cells.error(
              column,
              "the conversion factor of the rest of the file, "
                  + value.toPlainString()
                  + " (stated on lines "
                  + line
                  + " and "
                  + thirdLine
                  + "): a relative value file has one");
        }
        if (third.compareTo(found) == 0) {
          // The first row is the odd one: named at its own line and column.
          throw new DataLoadException(
              source,
              line,
              column + 1,
              header.name(column)
                  + ": expected the conversion factor of the rest of the file, "
                  + found.toPlainString()
                  + " (stated on lines "
                  + here
                  + " and "
                  + thirdLine
                  + "): a relative value file has one, found "
                  + CodeFormatException.quote(firstText));
        }
        break; // a third value: no majority
      }
      throw new DataLoadException(
          source,
          here,
          column + 1,
          header.name(column)
              + ": two conversion factors, "
              + value.toPlainString()
              + " on line "
              + line
              + " and "
              + found.toPlainString()
              + " on line "
              + here
              + ", and no third row that agrees with either: a relative value file has one");
    }
  }

  /**
   * The year the title row names, such as {@code 2025 National Physician Fee Schedule Relative
   * Value File October Release}; null when no row above the header says.
   */
  private static Year titleYear(List<CsvRecord> preamble) {
    for (CsvRecord record : preamble) {
      for (int i = 0; i < record.getFieldCount(); i++) {
        Matcher title = TITLE.matcher(record.getField(i));
        if (title.find()) {
          return Year.of(Integer.parseInt(title.group(1)));
        }
      }
    }
    return null;
  }

  /**
   * Refuses a title block whose {@code RELEASED} date is no date ({@code 02/30/2025}): it would
   * load alone, and fail only when a second copy of the release has to be ordered by it.
   */
  private static void checkReleased(List<CsvRecord> preamble, String source)
      throws DataLoadException {
    for (CsvRecord record : preamble) {
      for (int i = 0; i < record.getFieldCount(); i++) {
        int column = i + 1;
        ReleasedDate.find(
            record.getField(i),
            (offset, message) ->
                new DataLoadException(source, FieldLine.of(record, column - 1), column, message));
      }
    }
  }

  /**
   * The month of the release the title row names, as CMS titles it ({@code ... Relative Value File
   * October Release}); null when none says.
   */
  private static Month titleRelease(List<CsvRecord> preamble, String source)
      throws DataLoadException {
    for (CsvRecord record : preamble) {
      for (int i = 0; i < record.getFieldCount(); i++) {
        Matcher release = RELEASE.matcher(record.getField(i));
        if (release.find()) {
          String word = release.group(1);
          for (Month month : Month.values()) {
            if (month.name().equalsIgnoreCase(word)) {
              return month;
            }
          }
          // Read as "no release", the file would price the whole year with one quarter's rows.
          throw new DataLoadException(
              source,
              FieldLine.of(record, i),
              i + 1,
              "the title names the release "
                  + CodeFormatException.quote(word)
                  + ", not a month: expected such as 'Relative Value File October Release'");
        }
      }
    }
    return null;
  }

  private static boolean hasFieldBeyondDescription(CsvRecord record) {
    for (int i = 3; i < record.getFieldCount(); i++) {
      if (!record.getField(i).isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static RvuEntry entry(Cells cells, Columns c, String source, Canonical canonical)
      throws DataLoadException {
    PaymentStatus status = cells.parse(c.status, STATUS_CODES, t -> PaymentStatus.of(single(t)));
    PaymentIndicators.Builder indicators =
        PaymentIndicators.builder()
            .status(status)
            .pcTc(cells.parse(c.pcTc, "a PC/TC indicator 0-9", t -> PcTcIndicator.of(single(t))))
            .globalPeriod(globalPeriod(cells, c.globalDays));
    BigDecimal preOp = share(cells, c.preOp);
    BigDecimal intraOp = share(cells, c.intraOp);
    BigDecimal postOp = share(cells, c.postOp);
    if (!sharesMakeThePackage(preOp, intraOp, postOp)) {
      throw sharesError(cells, c, source, preOp, intraOp, postOp);
    }
    indicators =
        indicators
            .preOperativeShare(canonical.of(preOp))
            .intraOperativeShare(canonical.of(intraOp))
            .postOperativeShare(canonical.of(postOp))
            .multipleProcedure(
                cells.parse(
                    c.multProc,
                    "a multiple procedure indicator 0-7 or 9",
                    t -> MultipleProcedureRule.of(single(t))))
            .bilateral(
                cells.parse(
                    c.bilateral,
                    "a bilateral surgery indicator 0-3 or 9",
                    t -> BilateralRule.of(single(t))))
            .assistantAtSurgery(
                cells.parse(
                    c.assistant,
                    "an assistant at surgery indicator 0-2 or 9",
                    t -> AssistantAtSurgery.of(single(t))))
            .coSurgeons(
                cells.parse(
                    c.coSurgeons,
                    "a co-surgeon indicator 0-2 or 9",
                    t -> SurgeonsPermission.of(single(t))))
            .teamSurgery(
                cells.parse(
                    c.teamSurgery,
                    "a team surgery indicator 0-2 or 9",
                    t -> SurgeonsPermission.of(single(t))))
            .endoscopicBase(cells.optionalCode(c.endoBase).map(canonical::of))
            .diagnosticImagingFamily(Integer.parseInt(cells.digits(c.imagingFamily, 2)))
            .physicianSupervision(canonical.of(supervision(cells, c.supervision)))
            .pricingIndicator(
                c.pricingIndicator < 0 || cells.text(c.pricingIndicator).isEmpty()
                    ? Optional.empty()
                    : Optional.of(canonical.of(cells.text(c.pricingIndicator))));
    RvuEntry.Builder entry =
        RvuEntry.builder()
            .code(canonical.of(cells.code(c.hcpcs)))
            .modifier(cells.rowModifier(c.modifier))
            .notUsedForMedicarePayment(cells.flag(c.notUsed, "+"))
            .workRvu(canonical.decimal(cells, c.work, 2))
            .nonFacilityPeRvu(canonical.decimal(cells, c.peNonFacility, 2))
            .nonFacilityNa(cells.flag(c.naNonFacility, "NA"))
            .facilityPeRvu(canonical.decimal(cells, c.peFacility, 2))
            .facilityNa(cells.flag(c.naFacility, "NA"))
            .malpracticeRvu(canonical.decimal(cells, c.malpractice, 2))
            // CMS fills the OPPS columns on every row (0.00 where no cap applies): a blank one is
            // damage, and read as zero it would make an imaging cap that underpays.
            .oppsNonFacilityPeRvu(canonical.decimal(cells, c.oppsPeNonFacility, 2))
            .oppsFacilityPeRvu(canonical.decimal(cells, c.oppsPeFacility, 2))
            .oppsMalpracticeRvu(canonical.decimal(cells, c.oppsMalpractice, 2));
    RvuEntry built;
    try {
      built = entry.indicators(canonical.of(indicators.build())).build();
    } catch (IllegalArgumentException e) {
      // Values that disagree with each other: about the row, on the line it starts on.
      throw new DataLoadException(source, cells.line(), 0, e.getMessage());
    }
    if (isPayableWithoutRvus(built)) {
      throw cells.error(
          c.work,
          "relative value units on a row of status "
              + built.status().code()
              + " (work, practice expense and malpractice are all 0.00; CMS gives such a code"
              + " status C or R, priced by the contractor)");
    }
    checkTotal(cells, c.totalNonFacility, source, built, built.nonFacilityPeRvu(), "non-facility");
    checkTotal(cells, c.totalFacility, source, built, built.facilityPeRvu(), "facility");
    return built;
  }

  /**
   * Refuses a row whose total of one setting, in the 0-based {@code column} (-1: the file has no
   * such column, as a hand-made one may not), is not its work, practice expense and malpractice
   * RVUs added up. CMS's record layout (RVU25D) defines each total as that sum, and every row of
   * the 2025 and 2026 files keeps it, rows flagged NA too (the file still writes their practice
   * expense, and counts it in the total: 27447's non-facility 19.60 + 15.30 + 3.98 = 38.88). One
   * that does not was damaged in one of the four, and a damaged RVU is priced as it reads.
   */
  private static void checkTotal(
      Cells cells, int column, String source, RvuEntry row, BigDecimal pe, String setting)
      throws DataLoadException {
    if (column < 0) {
      return;
    }
    BigDecimal total = cells.decimal(column, 2);
    if (!addsUpTo(row, pe, total)) {
      BigDecimal sum = row.workRvu().add(pe).add(row.malpracticeRvu());
      throw new DataLoadException(
          source,
          cells.line(column),
          column + 1,
          cells.columnName(column)
              + ": work "
              + row.workRvu().toPlainString()
              + " + "
              + setting
              + " practice expense "
              + pe.toPlainString()
              + " + malpractice "
              + row.malpracticeRvu().toPlainString()
              + " = "
              + sum.toPlainString()
              + ", but the row's "
              + setting
              + " total is "
              + total.toPlainString()
              + " (a total is the sum of the three: one of the four figures is damaged)");
    }
  }

  private static boolean addsUpTo(RvuEntry row, BigDecimal pe, BigDecimal total) {
    return row.workRvu().add(pe).add(row.malpracticeRvu()).compareTo(total) == 0;
  }

  /**
   * Tells whether the pre-, intra- and post-operative shares make a whole global package, 1.00, or
   * are all 0.00 (a code with no package to split: every global period but 010 and 090, and 12 of
   * the 3,767 090 rows of 2025). CMS's record layout (RVU25D) gives each as the percentage of the
   * global package for its part; every row of the 2025 and 2026 files sums to one or the other.
   * Shares that sum to more overpay a split (27447-54 at 0.10 + 0.96 paid more than the whole
   * procedure), to less underpay it.
   */
  static boolean sharesMakeThePackage(BigDecimal preOp, BigDecimal intraOp, BigDecimal postOp) {
    BigDecimal sum = preOp.add(intraOp).add(postOp);
    return sum.signum() == 0 || sum.compareTo(BigDecimal.ONE) == 0;
  }

  private static DataLoadException sharesError(
      Cells cells, Columns c, String source, BigDecimal pre, BigDecimal intra, BigDecimal post) {
    BigDecimal sum = pre.add(intra).add(post);
    // At the first of the three: which of them is damaged, the row does not tell.
    return new DataLoadException(
        source,
        cells.line(c.preOp),
        c.preOp + 1,
        cells.columnName(c.preOp)
            + ": the shares of the global package, "
            + cells.columnName(c.preOp)
            + " "
            + pre.toPlainString()
            + " + "
            + cells.columnName(c.intraOp)
            + " "
            + intra.toPlainString()
            + " + "
            + cells.columnName(c.postOp)
            + " "
            + post.toPlainString()
            + ", sum to "
            + sum.toPlainString()
            + ": expected 1.00 (each is a portion of the package), or all three 0.00");
  }

  /**
   * Tells whether {@code entry} is paid from its relative values (status A or T) but has none: no
   * CMS file has such a row (the 2025 releases' all-zero rows are B, C, E, I, J, M, N, P, R or X),
   * so it is damage that would price at 0.00.
   */
  static boolean isPayableWithoutRvus(RvuEntry entry) {
    PaymentStatus status = entry.status();
    return (status == PaymentStatus.A || status == PaymentStatus.T) && entry.hasNoRvus();
  }

  private static char single(String text) {
    if (text.length() != 1) {
      throw new IllegalArgumentException(text);
    }
    return text.charAt(0);
  }

  private static BigDecimal share(Cells cells, int column) throws DataLoadException {
    BigDecimal share = cells.decimal(column, 2);
    if (share.compareTo(BigDecimal.ONE) > 0) {
      throw cells.error(column, "a share of the global package from 0.00 to 1.00");
    }
    return share;
  }

  private static String supervision(Cells cells, int column) throws DataLoadException {
    String text = cells.text(column);
    if (!isSupervisionLevel(text)) {
      throw cells.error(
          column,
          "a supervision level of two digits or capitals, such as 01, 09 or 6A"
              // Of the field as written: "9 " is a level cut short, not a zero dropped.
              + Cells.droppedZeros(cells.raw(column), 2));
    }
    return text;
  }

  private static GlobalPeriod globalPeriod(Cells cells, int column) throws DataLoadException {
    String text = cells.text(column);
    try {
      return GlobalPeriod.of(text);
    } catch (IllegalArgumentException e) {
      // A spreadsheet writes 090 as 90: the hint says so.
      throw cells.error(
          column, "000, 010, 090, MMM, XXX, YYY or ZZZ" + Cells.droppedZeros(cells.raw(column), 3));
    }
  }

  /**
   * Tells whether {@code text} is written as CMS's supervision levels are (RVU25D record layout,
   * "Physician Supervision of Diagnostic Procedures", X(2): 01-06, 21, 22, 66, 6A, 77, 7A, 09): two
   * digits or capital letters. The list itself is not checked, so that a level CMS adds still
   * loads; a sign, a point or a blank ({@code -1}, {@code .5}, {@code 9 }) is damage.
   */
  static boolean isSupervisionLevel(String text) {
    return text.length() == 2
        && isDigitOrCapital(text.charAt(0))
        && isDigitOrCapital(text.charAt(1));
  }

  private static boolean isDigitOrCapital(char c) {
    return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
  }

  /**
   * One instance of each distinct value of one load. The file repeats a few thousand RVU values, a
   * few hundred combinations of payment indicators and a handful of strings over 19,090 rows;
   * sharing them (all immutable, equal by value) keeps the loaded 2025 table at 2.8 MiB instead of
   * the 12.3 MiB of a fresh object per field. Each distinct decimal text is also parsed and checked
   * only once, which pays for most of the hashing.
   */
  private static final class Canonical {
    // Single-threaded and dropped after the load: a strong interner, no weak references needed.
    private final Interner<Object> values = Interners.newStrongInterner();

    private final Map<String, BigDecimal> decimals = new HashMap<>();

    @SuppressWarnings("unchecked") // a value is only ever mapped to an equal value of its class
    <T> T of(T value) {
      return (T) values.intern(value);
    }

    /**
     * Reads an RVU, parsing and checking each distinct text once; one beyond what a row holds is
     * refused here, naming its column, rather than by the row's builder.
     */
    BigDecimal decimal(Cells cells, int column, int scale) throws DataLoadException {
      String text = cells.text(column);
      BigDecimal known = decimals.get(text);
      if (known == null) {
        known = of(cells.decimal(column, scale, MAX_RVU));
        decimals.put(text, known);
      }
      return known;
    }
  }

  /** The positions of the columns the loader reads, found by name. */
  static final class Columns {
    final int hcpcs;
    final int modifier;
    final int status;
    final int notUsed;
    final int work;
    final int peNonFacility;
    final int naNonFacility;
    final int peFacility;
    final int naFacility;
    final int malpractice;

    /** The NON-FACILITY TOTAL column, or -1 when the file has none. */
    final int totalNonFacility;

    /** The FACILITY TOTAL column, or -1 when the file has none. */
    final int totalFacility;

    final int pcTc;
    final int globalDays;
    final int preOp;
    final int intraOp;
    final int postOp;
    final int multProc;
    final int bilateral;
    final int assistant;
    final int coSurgeons;
    final int teamSurgery;
    final int pricingIndicator;
    final int endoBase;
    final int conversionFactor;
    final int supervision;
    final int imagingFamily;
    final int oppsPeNonFacility;
    final int oppsPeFacility;
    final int oppsMalpractice;

    Columns(Header h) throws DataLoadException {
      hcpcs = h.require("HCPCS");
      modifier = h.require("MOD");
      status = h.require("STATUS CODE");
      notUsed = h.require("NOT USED FOR MEDICARE PAYMENT");
      work = h.require("WORK RVU");
      peNonFacility = h.require("NON-FAC PE RVU");
      naNonFacility = h.require("NON-FAC NA INDICATOR");
      peFacility = h.require("FACILITY PE RVU");
      naFacility = h.require("FACILITY NA INDICATOR");
      malpractice = h.require("MP RVU");
      // Optional, as before they were read: a hand-made file may leave the totals out. CMS's
      // files have both, and each row's is checked against its RVUs.
      totalNonFacility = h.find("NON-FACILITY TOTAL");
      totalFacility = h.find("FACILITY TOTAL");
      pcTc = h.require("PCTC IND");
      globalDays = h.require("GLOB DAYS");
      preOp = h.require("PRE OP");
      intraOp = h.require("INTRA OP");
      postOp = h.require("POST OP");
      multProc = h.require("MULT PROC");
      bilateral = h.require("BILAT SURG");
      assistant = h.require("ASST SURG");
      coSurgeons = h.require("CO-SURG");
      teamSurgery = h.require("TEAM SURG");
      pricingIndicator = h.find("PRIC IND");
      endoBase = h.require("ENDO BASE");
      // Optional: a hand-made file without it states no factor.
      conversionFactor = h.find("CONV FACTOR");
      supervision = h.require("PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES");
      imagingFamily = h.require("DIAGNOSTIC IMAGING FAMILY INDICATOR");
      oppsPeNonFacility = h.require("NON-FACILITY PE USED FOR OPPS PAYMENT AMOUNT");
      oppsPeFacility = h.require("FACILITY PE USED FOR OPPS PAYMENT AMOUNT");
      oppsMalpractice = h.require("MP USED FOR OPPS PAYMENT AMOUNT");
    }
  }
}
