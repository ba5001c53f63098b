package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.asp.AspLimit;
import io.github.cpt4j.text.OneLine;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads CMS's Part B drug pricing file, {@code ASP_<year>_<MON>.csv} (the "ASP pricing file"), as
 * published: title and note rows ("Effective January 1, 2025 through March 31, 2025"), a header
 * row, then one row per drug.
 *
 * <p>The header row is the first row starting with {@code HCPCS Code}; columns are found by name:
 * {@code HCPCS Code}, {@code HCPCS Code Dosage}, {@code Payment Limit} and {@code Co-insurance
 * Percentage}, which a file of a quarter before April 2023 may lack (CMS added it then; its rows
 * then have no coinsurance, {@link AspLimit#coinsurancePercent()} empty). The {@code Short
 * Description} column is never read (its CPT rows are AMA text), nor are the vaccine, blood,
 * clotting factor and notes columns (a clotting factor's furnishing fee is in its payment limit:
 * see {@link AspFeeSchedule}). A payment limit of {@code N/A} is kept as none: the contractor
 * prices the drug. The quarter is the one of the "Effective ..." row, else of the file name; a file
 * whose "Effective ..." row names another quarter than its name, or than the quarter it is read
 * for, is refused, and so is one whose first day is not the first of its quarter ("Effective
 * February 1, 2025 through March 31, 2025": CMS's ASP files start on the quarter's first day) or
 * whose "through" date is not the last day of the quarter its first day starts ("Effective January
 * 1, 2025 through June 30, 2025"). A file without that row (not CMS's layout) is refused when its
 * name names another quarter than the one it is read for; a name without a quarter cannot be
 * checked. All-or-nothing: any bad field fails the load with file, line, column and column name.
 *
 * <pre>{@code
 * AspFeeSchedule asp = AspFile.read(Path.of("ASP_2025_JAN.csv"));   // 2025-Q1
 * }</pre>
 */
public final class AspFile {

  /**
   * The largest payment limit read, per billing unit: gene therapies are paid a few million dollars
   * a dose (the largest limit of January 2025 is 565,623.836), so this refuses only a corrupted
   * number.
   */
  static final BigDecimal MAX_LIMIT = new BigDecimal("99999999.999");

  /**
   * The first quarter whose file has the {@code Co-insurance Percentage} column: the April 2023
   * file was the first to carry the coinsurance of the Part B rebatable drugs, adjusted from April
   * 1, 2023 under the Inflation Reduction Act of 2022 (section 11101). Earlier files are read
   * without it; a file of this quarter or later without it is refused as damaged.
   */
  static final Quarter FIRST_WITH_COINSURANCE = Quarter.of(2023, 2);

  /** The largest coinsurance percentage. */
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** What the file should be, for errors. */
  private static final String KIND = "a CMS ASP drug pricing file";

  /** An ASP pricing file is well under a megabyte. */
  private static final long MAX_CHARS = 8L << 20;

  /**
   * The fewest rows of a whole file (see {@link CmsSubset}): CMS's ASP pricing file of January 2025
   * has about 880 drug codes. The minimum leaves room for smaller editions and refuses a file cut
   * to a fraction of that.
   */
  static final int MIN_ROWS = 500;

  private AspFile() {}

  /**
   * Reads the file at {@code path}.
   *
   * @param path the file: CMS's ASP pricing file
   * @return the drug payment limits of the file's quarter
   * @throws DataLoadException if the content is not an ASP pricing file
   * @throws IOException if the file cannot be read
   */
  public static AspFeeSchedule read(Path path) throws IOException {
    requireNonNull(path, "path");
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND), Optional.empty());
  }

  /**
   * Reads an ASP pricing file from {@code in}, which is not closed, naming it {@code sourceName}.
   *
   * @param in CMS's ASP pricing file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the drug payment limits of the file's quarter
   * @throws DataLoadException if the content is not an ASP pricing file or names no quarter
   * @throws IOException if the stream cannot be read
   */
  public static AspFeeSchedule read(InputStream in, String sourceName) throws IOException {
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND), Optional.empty());
  }

  /**
   * Reads an ASP pricing file from {@code in}, which is not closed, for {@code quarter}.
   *
   * @param in CMS's ASP pricing file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @param quarter the quarter the file is of, such as 2025-Q1
   * @return the drug payment limits of the file's quarter
   * @throws DataLoadException if the content is not an ASP pricing file, or its "Effective ..." row
   *     names another quarter than {@code quarter} or than {@code sourceName} ({@code
   *     ASP_2025_APR.csv} titled January and read for 2025-Q1 too), or starts or ends on another
   *     day than that quarter's first or last, or, without such a row, {@code sourceName} names
   *     another quarter ({@code ASP_2025_APR.csv} read for 2025-Q1); a name without a quarter
   *     cannot be checked
   * @throws IOException if the stream cannot be read
   */
  public static AspFeeSchedule read(InputStream in, String sourceName, Quarter quarter)
      throws IOException {
    Objects.requireNonNull(quarter, "quarter"); // before the stream is read, not after
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND), Optional.of(quarter));
  }

  private static AspFeeSchedule parse(CsvTable table, Optional<Quarter> given)
      throws DataLoadException {
    String source = table.sourceName();
    List<CsvRecord> records = table.records();
    int headerRow = -1;
    for (int i = 0; i < records.size() && headerRow < 0; i++) {
      String first = Header.normalize(records.get(i).getField(0));
      if (first.equals("HCPCS CODE") || first.equals("HCPCS")) {
        headerRow = i;
      }
    }
    if (headerRow < 0) {
      throw new DataLoadException(
          source,
          0,
          0,
          "no header row starting with HCPCS Code: expected a CMS Part B drug (ASP) pricing file");
    }
    Header header = Header.of(source, records.subList(headerRow, headerRow + 1));
    int code = header.find("HCPCS CODE") >= 0 ? header.find("HCPCS CODE") : header.require("HCPCS");
    int dosage = header.find(n -> n.endsWith("DOSAGE"), "the dosage");
    if (dosage < 0) {
      throw header.missing("\"HCPCS CODE DOSAGE\"");
    }
    int limit = header.require("PAYMENT LIMIT");
    int coinsurance = header.find(n -> n.matches("CO-?INSURANCE( PERCENTAGE)?"), "the coinsurance");
    int titleRows = headerRow;
    Optional<Quarter> found =
        QuarterText.agreeing(
            source, records, titleRows, given, "Effective January 1, 2025 through March 31, 2025");
    if (found.isEmpty()) {
      throw new DataLoadException(
          source,
          header.line(),
          0,
          "no quarter: neither the title rows nor the file name give a month and year such as"
              + " January 1, 2025");
    }
    Quarter quarter = found.get();
    if (coinsurance < 0 && quarter.compareTo(FIRST_WITH_COINSURANCE) >= 0) {
      // Files of earlier quarters have no such column: each row's coinsurance is then none.
      throw header.missing(
          "\"CO-INSURANCE PERCENTAGE\", which CMS's files have since "
              + FIRST_WITH_COINSURANCE
              + ", and this one is of "
              + quarter);
    }
    Cells cells = new Cells(source, header);
    AspFeeSchedule.Builder schedule = AspFeeSchedule.builder(quarter).name("asp-" + quarter);
    Map<String, Long> lines = new HashMap<>();
    for (int i = headerRow + 1; i < records.size(); i++) {
      CsvRecord record = records.get(i);
      if (CsvTable.isBlank(record)) {
        continue;
      }
      cells.at(record);
      // CMS's rows have the header's fields exactly (its last column, unnamed, is empty): a limit
      // written with an unquoted thousands separator (1,000.898) splits in two, the rest of the
      // row shifts into columns not read, and the limit would load as its first digits, the
      // coinsurance as the rest; the field beyond the header is then as empty as the last.
      cells.refuseMoreFieldsThanHeader();
      String text = cells.text(limit);
      Optional<BigDecimal> paymentLimit =
          text.equalsIgnoreCase("N/A")
              ? Optional.empty()
              // No limit is 0.000 (a drug without one is N/A): a zero is damage.
              : Optional.of(cells.positiveDecimal(limit, 3, MAX_LIMIT));
      if (cells.text(dosage).isEmpty()) {
        throw cells.error(dosage, "the dosage one unit stands for, such as 10 MG");
      }
      String dosageText = cells.text(dosage).replaceAll("\\s+", " ");
      // Refused at its cell: AspLimit refuses it too, but an error about the row has no column.
      String dosageProblem = OneLine.problemOf(dosageText);
      if (dosageProblem != null) {
        throw cells.error(
            dosage,
            "the dosage one unit stands for, such as 10 MG, on one line (it "
                + dosageProblem
                + ")");
      }
      AspLimit row;
      try {
        row =
            new AspLimit(
                cells.code(code),
                dosageText,
                paymentLimit,
                // The bound AspLimit checks, here with the column: a percentage.
                coinsurance < 0
                    ? Optional.empty()
                    : Optional.of(cells.decimal(coinsurance, 3, HUNDRED)));
      } catch (IllegalArgumentException e) {
        // Values that disagree with each other: about the row, on the line it starts on.
        throw new DataLoadException(source, cells.line(), 0, e.getMessage());
      }
      Long previous = lines.putIfAbsent(row.code().toString(), cells.line());
      if (previous != null) {
        // At the code's own line and column; the message gives the lines the two rows start on,
        // kept for every row without scanning its cells.
        throw new DataLoadException(
            source,
            cells.line(code),
            code + 1,
            row.code() + " appears twice, on lines " + previous + " and " + cells.line());
      }
      schedule.add(row);
    }
    if (lines.isEmpty()) {
      throw new DataLoadException(source, header.line(), 0, "no rows after the header");
    }
    RowMinimum.check(
        source, table.isSubset(), lines.size(), MIN_ROWS, "rows", "about 880 (January 2025)");
    return schedule.build();
  }
}
