package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.dmepos.DmeposCategory;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFee;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposJurisdiction;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.modifier.Modifier;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMS's DMEPOS fee schedule file, {@code DMEPOS_<year>_<MON>.csv}, as published: preamble
 * rows (the title, "January 2025 Fee Schedule", the note that the non-continental areas are not
 * subject to the ceiling and floor), a header row, then one row per code and modifier pair.
 *
 * <p>The header row is the first row starting with {@code HCPCS}; columns are found by name: {@code
 * HCPCS, Mod, Mod2, JURIS, CATG, Ceiling, Floor}, then two columns per state, {@code NY (NR)}
 * (non-rural) and {@code NY (R)} (rural), in any order. The {@code Description} column is never
 * read. The quarter is the month in the preamble's title, else in the file name; a file whose title
 * names another quarter than its name, or than the quarter it is read for, is refused, and so is a
 * file without a title (not CMS's layout) whose name names another quarter than the one it is read
 * for; a name without a quarter cannot be checked. All-or-nothing: any bad field fails the load
 * with file, line, column and column name, and so does a row whose {@code Mod2} repeats its {@code
 * Mod} or whose two modifiers are another row's in the other order.
 *
 * <pre>{@code
 * DmeposFeeSchedule dme =
 *     DmeposFile.read(Path.of("DMEPOS_2025_JAN.csv"), BundledData.dmeposZips());   // 2025-Q1
 * }</pre>
 */
public final class DmeposFile {

  private static final Pattern STATE_COLUMN = Pattern.compile("([A-Z]{2}) \\((NR|R)\\)");

  /** What the file should be, for errors. */
  private static final String KIND = "a CMS DMEPOS fee schedule file";

  /**
   * The largest amount read (a state's fee, a ceiling, a floor), as the lab loader bounds its
   * rates: about nine times CMS's largest (K1007's ceiling, 111,860.00 in January 2025; the largest
   * state fee is 99,999.97), well within what a row stores (21,474,836.47), so a corrupted number
   * is refused with its column, never a real amount.
   */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("999999.99");

  /** A DMEPOS fee schedule file is a few megabytes. */
  private static final long MAX_CHARS = 32L << 20;

  /**
   * The fewest rows of a whole file (see {@link CmsSubset}): The DMEPOS fee schedule of January
   * 2025 has about 3,490 rows. The minimum leaves room for smaller editions and refuses a file cut
   * to a fraction of that.
   */
  static final int MIN_ROWS = 2_000;

  /** The states and territories of CMS's file, each with a non-rural and a rural column. */
  private static final ImmutableSet<String> STATES =
      ImmutableSet.<String>builder().addAll(StateCodes.STATES_AND_DC).add("PR", "VI").build();

  /** The non-continental areas, which the file's title says are not subject to them. */
  private static final ImmutableSet<String> NOT_SUBJECT_TO_CEILING_AND_FLOOR =
      ImmutableSet.of("AK", "HI", "PR", "VI");

  private DmeposFile() {}

  /**
   * Reads the file at {@code path}; beneficiaries' ZIP codes are placed with {@code zips}.
   *
   * @param path the file: CMS's DMEPOS fee schedule file
   * @param zips the state and rural status of each ZIP code, which place a beneficiary
   * @return the DMEPOS fee schedule of the file's quarter
   * @throws DataLoadException if the content is not a DMEPOS fee schedule file
   * @throws IOException if the file cannot be read
   */
  public static DmeposFeeSchedule read(Path path, DmeposZipTable zips) throws IOException {
    requireNonNull(path, "path");
    Objects.requireNonNull(zips, "zips"); // before the file is read, not after
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND), zips, Optional.empty());
  }

  /**
   * Reads a DMEPOS file from {@code in}, which is not closed, naming it {@code sourceName}.
   *
   * @param in CMS's DMEPOS fee schedule file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @param zips the state and rural status of each ZIP code, which place a beneficiary
   * @return the DMEPOS fee schedule of the file's quarter
   * @throws DataLoadException if the content is not a DMEPOS fee schedule file or names no quarter
   * @throws IOException if the stream cannot be read
   */
  public static DmeposFeeSchedule read(InputStream in, String sourceName, DmeposZipTable zips)
      throws IOException {
    Objects.requireNonNull(zips, "zips"); // before the stream is read, not after
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND), zips, Optional.empty());
  }

  /**
   * Reads a DMEPOS file from {@code in}, which is not closed, for {@code quarter}.
   *
   * @param in CMS's DMEPOS fee schedule file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @param zips the state and rural status of each ZIP code, which place a beneficiary
   * @param quarter the quarter the file is of, such as 2025-Q1
   * @return the DMEPOS fee schedule of the file's quarter
   * @throws DataLoadException if the content is not a DMEPOS fee schedule file, or its title names
   *     another quarter than {@code quarter} or than {@code sourceName} ({@code
   *     DMEPOS_2025_APR.csv} titled January and read for 2025-Q1 too), or, without a title, {@code
   *     sourceName} names another quarter ({@code DMEPOS_2025_APR.csv} read for 2025-Q1); a name
   *     without a quarter cannot be checked
   * @throws IOException if the stream cannot be read
   */
  public static DmeposFeeSchedule read(
      InputStream in, String sourceName, DmeposZipTable zips, Quarter quarter) throws IOException {
    Objects.requireNonNull(zips, "zips"); // before the stream is read, not after
    Objects.requireNonNull(quarter, "quarter");
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND), zips, Optional.of(quarter));
  }

  private static DmeposFeeSchedule parse(
      CsvTable table, DmeposZipTable zips, Optional<Quarter> given) throws DataLoadException {
    Objects.requireNonNull(zips, "zips");
    String source = table.sourceName();
    List<CsvRecord> records = table.records();
    int headerRow = -1;
    for (int i = 0; i < records.size() && headerRow < 0; i++) {
      if (Header.normalize(records.get(i).getField(0)).equals("HCPCS")) {
        headerRow = i;
      }
    }
    if (headerRow < 0) {
      throw new DataLoadException(
          source,
          0,
          0,
          "no header row starting with HCPCS: expected a CMS DMEPOS fee schedule file");
    }
    Header header = Header.of(source, records.subList(headerRow, headerRow + 1));
    int hcpcs = header.require("HCPCS");
    int mod = header.require("MOD");
    int mod2 = header.require("MOD2");
    int juris = header.require("JURIS");
    int catg = header.require("CATG");
    int ceiling = header.require("CEILING");
    int floor = header.require("FLOOR");
    Map<String, int[]> stateColumns = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      Matcher m = STATE_COLUMN.matcher(header.name(c));
      if (m.matches()) {
        if (!StateCodes.OF_ZIP_CODES.contains(m.group(1))) {
          // An invented or damaged code (QQ) would load as a state no beneficiary lives in.
          throw new DataLoadException(
              source,
              header.line(c),
              c + 1,
              header.name(c)
                  + ": expected "
                  + StateCodes.OF_ZIP_CODES_TEXT
                  + " before the ("
                  + m.group(2)
                  + ")");
        }
        int[] pair = stateColumns.computeIfAbsent(m.group(1), s -> new int[] {-1, -1});
        int side = m.group(2).equals("NR") ? 0 : 1;
        if (pair[side] >= 0) {
          // The later column was taken in silence: one inserted after the real one priced the
          // state with its amounts.
          throw header.repeated(pair[side], c, header.name(c));
        }
        pair[side] = c;
      }
    }
    if (stateColumns.isEmpty()) {
      throw header.missing("of state amounts such as \"NY (NR)\" and \"NY (R)\"");
    }
    for (Map.Entry<String, int[]> e : stateColumns.entrySet()) {
      if (e.getValue()[0] < 0 || e.getValue()[1] < 0) {
        throw header.missing("\"" + e.getKey() + (e.getValue()[0] < 0 ? " (NR)\"" : " (R)\""));
      }
    }
    if (!table.isSubset() && !stateColumns.keySet().containsAll(STATES)) {
      // A whole state's columns gone would answer every line there not_in_schedule: a partial load.
      List<String> missing = new ArrayList<>(STATES);
      missing.removeAll(stateColumns.keySet());
      throw header.missing(
          "pairs of "
              + String.join(", ", missing)
              + " (CMS's file has the 50 states, DC, PR and VI; a deliberate subset starts with"
              + " the line '"
              + CmsSubset.MARKER
              + "')");
    }
    int titleRows = headerRow;
    Optional<Quarter> found =
        QuarterText.agreeing(source, records, titleRows, given, "January 2025 Fee Schedule");
    if (found.isEmpty()) {
      throw new DataLoadException(
          source,
          header.line(),
          0,
          "no quarter: neither the title rows nor the file name give a month and year such as"
              + " January 2025");
    }
    Quarter quarter = found.get();
    ImmutableList<String> states = ImmutableList.copyOf(stateColumns.keySet());
    Cells cells = new Cells(source, header);
    DmeposFeeSchedule.Builder schedule =
        DmeposFeeSchedule.builder(quarter).name("dmepos-" + quarter).zips(zips);
    // Each state's two columns and whether the ceiling and floor bound them, worked out once rather
    // than for each of a row's 114 amounts.
    int stateCount = states.size();
    int[][] columnsOfState = stateColumns.values().toArray(new int[stateCount][]);
    boolean[] bounded = new boolean[stateCount];
    for (int s = 0; s < stateCount; s++) {
      bounded[s] = !NOT_SUBJECT_TO_CEILING_AND_FLOOR.contains(states.get(s));
    }
    Map<String, Long> lines = new HashMap<>();
    // The rows of two modifiers, by their code and modifiers in either order: the line of each.
    Map<String, Long> pairs = new HashMap<>();
    for (int i = headerRow + 1; i < records.size(); i++) {
      CsvRecord record = records.get(i);
      if (CsvTable.isBlank(record)) {
        continue;
      }
      cells.at(record);
      // An amount written with an unquoted thousands separator (CMS's reach the thousands) shifts
      // every amount after it one column right, and the description beyond the header.
      cells.refuseFieldsBeyondHeader();
      BigDecimal rowCeiling = cells.decimal(ceiling, 2, MAX_AMOUNT);
      BigDecimal rowFloor = cells.decimal(floor, 2, MAX_AMOUNT);
      if (rowCeiling.signum() > 0 && rowFloor.compareTo(rowCeiling) > 0) {
        // The two cells swapped, or one damaged: refused at the floor, not at the first state's
        // amount, which the check of each amount would otherwise name although it lies between.
        throw cells.error(
            floor, "an amount no higher than the row's ceiling " + rowCeiling.toPlainString());
      }
      boolean rowBounded = rowCeiling.signum() > 0 || rowFloor.signum() > 0;
      List<BigDecimal> nonRural = new ArrayList<>(stateCount);
      List<BigDecimal> rural = new ArrayList<>(stateCount);
      for (int s = 0; s < stateCount; s++) {
        for (int half = 0; half < 2; half++) {
          int column = columnsOfState[s][half];
          BigDecimal amount = cells.decimal(column, 2, MAX_AMOUNT);
          if (bounded[s] && amount.signum() > 0) {
            checkWithin(cells, column, amount, rowCeiling, rowFloor);
          } else if (bounded[s] && half == 0 && rowBounded) {
            throw unpricedWithinBounds(cells, column, rowCeiling, rowFloor);
          }
          (half == 0 ? nonRural : rural).add(amount);
        }
      }
      ProcedureCode code = cells.code(hcpcs);
      Optional<Modifier> first = modifier(cells, mod);
      Optional<Modifier> second = modifier(cells, mod2);
      if (second.isPresent() && first.isEmpty()) {
        // The row's builder refuses it too, but only with the row's line: here with the column.
        throw cells.error(
            mod,
            "a modifier, since the row's "
                + header.name(mod2)
                + " has one, "
                + second.get()
                + " (CMS's file never has a second modifier without a first)");
      }
      if (second.isPresent() && second.equals(first)) {
        // E0114,RR,RR would be E0114-RR's "more specific" row, and price it instead of E0114,RR,.
        throw cells.error(
            mod2,
            "a blank or a modifier other than the row's "
                + header.name(mod)
                + ", "
                + first.get()
                + " (CMS's file never repeats a modifier on a row)");
      }
      DmeposFee fee;
      try {
        fee =
            DmeposFee.builder(code)
                .modifiers(first, second)
                .jurisdiction(
                    cells.parse(
                        juris,
                        "D, J or L",
                        t -> {
                          if (t.length() != 1) {
                            throw new IllegalArgumentException(t);
                          }
                          return DmeposJurisdiction.of(t.charAt(0));
                        }))
                .category(
                    cells.parse(
                        catg, "a payment category such as IN, CR, OX or PO", DmeposCategory::of))
                .ceilingAndFloor(rowCeiling, rowFloor)
                .fees(states, nonRural, rural)
                .build();
      } catch (IllegalArgumentException e) {
        // Values that disagree with each other: about the row, on the line it starts on.
        throw new DataLoadException(source, cells.line(), 0, e.getMessage());
      }
      Long previous = lines.putIfAbsent(fee.row(), cells.line());
      if (previous != null) {
        // At the code's own line and column; the message gives the lines the two rows start on,
        // kept for every row without scanning its cells.
        throw new DataLoadException(
            source,
            cells.line(hcpcs),
            hcpcs + 1,
            "row " + fee.row() + " appears twice, on lines " + previous + " and " + cells.line());
      }
      if (second.isPresent()) {
        checkOrder(cells, source, mod, pairs, code, first.get(), second.get());
      }
      schedule.add(fee);
    }
    if (lines.isEmpty()) {
      throw new DataLoadException(source, header.line(), 0, "no rows after the header");
    }
    RowMinimum.check(
        source, table.isSubset(), lines.size(), MIN_ROWS, "rows", "about 3,490 (January 2025)");
    return schedule.build();
  }

  /**
   * Refuses a continental state's amount outside the row's ceiling and floor (each 0.00 when the
   * row has none): CMS's amounts are within them (checked on every row of January 2025), so one
   * outside is a damaged cell, and would be paid as it reads.
   */
  private static void checkWithin(
      Cells cells, int column, BigDecimal amount, BigDecimal ceiling, BigDecimal floor)
      throws DataLoadException {
    boolean over = ceiling.signum() > 0 && amount.compareTo(ceiling) > 0;
    boolean under = floor.signum() > 0 && amount.compareTo(floor) < 0;
    if (over || under) {
      throw cells.error(
          column,
          "an amount within the row's floor "
              + floor.toPlainString()
              + " and ceiling "
              + ceiling.toPlainString());
    }
  }

  /**
   * Refuses a continental state's non-rural 0.00 (no amount, the contractor's to price) on a row
   * with a ceiling and floor. In CMS's file of January 2025 every such row has an amount for each
   * continental state, within them; only the rural columns (where 0.00 means the non-rural amount
   * applies), AK, HI, PR and VI, and rows without a ceiling and floor have 0.00. One here is a
   * damaged cell, and would leave the item unpriced in that state.
   */
  private static DataLoadException unpricedWithinBounds(
      Cells cells, int column, BigDecimal ceiling, BigDecimal floor) {
    return cells.error(
        column,
        "an amount within the row's floor "
            + floor.toPlainString()
            + " and ceiling "
            + ceiling.toPlainString()
            + " (0.00 is never a continental state's non-rural amount on a row with a ceiling and"
            + " floor)");
  }

  /**
   * Refuses a row whose two modifiers are another row's in the other order ({@code E0705,KU,RR}
   * beside {@code E0705,RR,KU}): a claim line's modifiers select a row whatever their order, so
   * E0705-RR-KU would match both and be refused as ambiguous. CMS's file has one row per pair (each
   * of January 2025's two-modifier rows is the only one of its pair); {@code pairs} holds the line
   * of each pair read so far.
   */
  private static void checkOrder(
      Cells cells,
      String source,
      int column,
      Map<String, Long> pairs,
      ProcedureCode code,
      Modifier first,
      Modifier second)
      throws DataLoadException {
    String a = first.toString();
    String b = second.toString();
    String key = code + (a.compareTo(b) < 0 ? "-" + a + "-" + b : "-" + b + "-" + a);
    Long other = pairs.putIfAbsent(key, cells.line());
    if (other != null) {
      throw new DataLoadException(
          source,
          cells.line(column),
          column + 1,
          cells.columnName(column)
              + ": row "
              + code
              + "-"
              + a
              + "-"
              + b
              + " has the modifiers of row "
              + code
              + "-"
              + b
              + "-"
              + a
              + " (line "
              + other
              + ") in the other order: expected each pair of modifiers on one row (a claim"
              + " line's modifiers select a row whatever their order)");
    }
  }

  private static Optional<Modifier> modifier(Cells cells, int column) throws DataLoadException {
    return cells.text(column).isEmpty()
        ? Optional.empty()
        : Optional.of(cells.parse(column, "a blank or a modifier such as RR", Modifier::parse));
  }
}
