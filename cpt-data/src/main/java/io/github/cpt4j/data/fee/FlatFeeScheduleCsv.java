package io.github.cpt4j.data.fee;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.csv.BlankRows;
import io.github.cpt4j.data.csv.ReadFailure;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.fee.FlatFeeSchedule;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.text.WhiteSpace;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@link FlatFeeSchedule} from CSV: a header row naming the columns {@code code} (or {@code
 * hcpcs}), {@code amount} and, optionally, {@code modifier} (or {@code mod}), in any order and any
 * case, then one row per code or code and modifier, at least one. {@code hcpcs} and {@code mod} are
 * how CMS's own files head the code and its modifier. Amounts are dollars, at least 0 and less than
 * a quadrillion, with at most four decimals; quoted, they may group thousands with commas ({@code
 * "1,234.56"}). UTF-8; blank lines are skipped, before the header as after it. Blanks around a name
 * or a value are dropped, no-break (U+00A0, as a spreadsheet writes into a cell typed into it) and
 * other Unicode spaces included, as the code set CSV drops them; a modifier of such a space alone
 * is empty, and a line of them alone is a blank line. Empty fields after the header's columns (a
 * line ending in a comma, as a spreadsheet exports an empty last column) are let through, and a
 * header ending in commas names no column there, so that a row may leave those fields out, as the
 * code set CSV reads them.
 *
 * <pre>
 * code,modifier,amount
 * 99213,,95.00
 * 71046,26,12.50
 * </pre>
 *
 * <p>Other columns are ignored, unless a column's whole name, in lower case without blanks, {@code
 * _}, {@code -}, {@code .} and {@code /}, is plainly the code, amount or modifier column's: {@code
 * modifiers}, {@code Modif}, {@code mod1}, {@code MOD_1ST}, {@code Modifier 2}, {@code
 * HCPCS_1ST_MDFR_CD}, {@code modifer}, {@code fee}, {@code price}, {@code Allowed Amount}, {@code
 * Non-Facility Price}, {@code cpt}, {@code CPT Code}. Such a column is refused, at line 1 and its
 * column: ignored, a modifier column would price {@code 71046,26,12.50} as 71046 without a
 * modifier, and a second amount column leaves which amount is meant unsaid. A row holds one
 * modifier, so a second modifier column is refused too, and so are two columns that are both read
 * as one ({@code modifier} and {@code mod}). A name that merely holds such a word ({@code Fee
 * Schedule ID}, {@code Price List}, {@code Allowed Units}, {@code CPT_Modified_Date}, {@code
 * Modifier Required}, {@code Modifier Text}, {@code CPT Description}) or is too short to tell
 * ({@code M1}) is ignored as any other.
 *
 * <p>All-or-nothing: a malformed field, a value in a field the header does not name, beyond its
 * columns or under one it leaves unnamed (an amount written {@code 1,234.56} without quotes is two
 * fields), or a row given twice fails the load with the file, line and column. So does a last line
 * without a line ending that ends in its amount, or in its modifier when that is empty or one
 * character: the file looks cut short, and the amount or modifier cut there would load as a smaller
 * amount or a row without one. The error of a field under a named column names that column ({@code
 * AMOUNT: expected a number ...}); one beyond the header, which names no column there, gives the
 * header's and the row's field counts, one under an unnamed column that column's number, and that
 * of a row given twice the lines of both.
 *
 * <pre>{@code
 * FlatFeeSchedule contract = FlatFeeScheduleCsv.read(Path.of("acme-2025.csv"));
 * }</pre>
 */
public final class FlatFeeScheduleCsv {

  /**
   * The largest amount a row may have: four decimals below a quadrillion dollars, the bound of
   * every fee ({@link io.github.cpt4j.fee.FeeResult}), checked where the cell is read so that the
   * error names it.
   */
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.9999");

  private FlatFeeScheduleCsv() {}

  /**
   * Reads the file at {@code path}; the schedule is named after the file, without extension (a name
   * that is all extension, {@code .acme}, whole).
   *
   * @param path the file: a flat fee schedule's CSV file
   * @return the schedule
   * @throws DataLoadException if the content is malformed
   * @throws IOException if the file cannot be read: a {@link java.nio.file.FileSystemException}
   *     naming {@code path} for a directory or a path that names no file, a root ({@code /: is a
   *     root, not a file})
   */
  public static FlatFeeSchedule read(Path path) throws IOException {
    requireNonNull(path, "path");
    String fileName = ReadFailure.fileName(path);
    String stem = fileName.replaceFirst("\\.[^.]*$", "");
    // Blank as the schedule's name rule sees it (a no-break space too), so that the stem it would
    // refuse is never given to it.
    return parse(
        CsvTable.read(path, StandardCharsets.UTF_8), WhiteSpace.isBlank(stem) ? fileName : stem);
  }

  /**
   * Reads a table from {@code in} (UTF-8, at most 64 MiB, not closed), naming the schedule and the
   * source {@code name}. A byte that is not UTF-8 is an error naming its line, not a replacement
   * character.
   *
   * @param in a flat fee schedule's CSV file, as bytes; not closed
   * @param name the name of the schedule and of the source, in errors
   * @return the schedule
   * @throws DataLoadException if the content is malformed
   * @throws IOException if the stream cannot be read
   * @throws IllegalArgumentException if {@code name} is blank or not one line ({@link
   *     FlatFeeSchedule.Builder#name})
   */
  public static FlatFeeSchedule read(InputStream in, String name) throws IOException {
    requireNonNull(in, "in");
    // Before the stream is read, not after.
    FlatFeeSchedule.builder().name(requireNonNull(name, "name"));
    // Held in memory so that a byte that does not decode can be found again and named.
    byte[] bytes = in.readNBytes((int) CsvTable.MAX_CHARS + 1);
    if (bytes.length > CsvTable.MAX_CHARS) {
      throw new DataLoadException(
          name,
          0,
          0,
          "larger than "
              + (CsvTable.MAX_CHARS >> 20)
              + " MiB; expected a fee schedule of at most that size");
    }
    return parse(CsvTable.read(bytes, StandardCharsets.UTF_8, name), name);
  }

  private static FlatFeeSchedule parse(CsvTable table, String name) throws DataLoadException {
    String source = table.sourceName();
    List<CsvRecord> records = table.records();
    // The reader drops empty lines only: a line of spaces before the header, ASCII or Unicode,
    // is blank as one after it is, not a header of no names.
    int first = 0;
    while (first < records.size() && BlankRows.isBlank(records.get(first))) {
      first++;
    }
    if (first == records.size()) {
      throw new DataLoadException(
          source, 0, 0, "empty: expected a header row code,amount (and optionally modifier)");
    }
    // A header ending in a comma (a spreadsheet's empty last column) names no column there, so
    // that a row may leave that field out, as the code set CSV reads it.
    Header header = Header.of(source, records.subList(first, first + 1)).withoutUnnamedEnd();
    FeeScheduleColumns columns = FeeScheduleColumns.of(source, header);
    int code = columns.code();
    int amount = columns.amount();
    int modifier = columns.modifier();
    Cells cells = Cells.withUnicodeSpaces(source, header);
    FlatFeeSchedule.Builder schedule = FlatFeeSchedule.builder().name(name);
    Map<String, Long> lines = new HashMap<>();
    for (CsvRecord record : records.subList(first + 1, records.size())) {
      if (BlankRows.isBlank(record)) {
        continue;
      }
      cells.at(record);
      // An amount written 1,234.56 without quotes splits in two, and 1.00 would load: the other
      // half lands beyond the header or under an unnamed column, which no name says to ignore.
      cells.refuseValuesWithoutName();
      cells.refuseCutLastNumber(table, amount, "amount", "an amount");
      if (modifier >= 0) {
        // Last, a modifier cut to nothing loads the row as the global service's.
        cells.refuseCutLastField(table, modifier, "modifier", 2, "a row without one");
      }
      ProcedureCode procedure = cells.code(code);
      Optional<Modifier> mod =
          modifier < 0 || cells.text(modifier).isEmpty()
              ? Optional.empty()
              : Optional.of(
                  cells.parse(
                      modifier,
                      "a two-character modifier in upper case, such as 26 or TC",
                      Modifier::parse));
      BigDecimal dollars = cells.decimal(amount, 4, MAX_AMOUNT);
      String row = mod.map(m -> procedure + "-" + m).orElseGet(procedure::toString);
      Long previous = lines.putIfAbsent(row, cells.line());
      if (previous != null) {
        // Named at the code's line and column, as the code set loaders name a code given twice;
        // the message gives the lines the two rows start on, kept for every row without scanning
        // its cells.
        throw new DataLoadException(
            source,
            cells.line(code),
            code + 1,
            "row " + row + " appears twice, on lines " + previous + " and " + cells.line());
      }
      schedule.put(procedure, mod, dollars);
    }
    if (lines.isEmpty()) {
      // A file cut after its header would otherwise price nothing, and a fallback schedule
      // behind it would price every line in its place without a word.
      throw new DataLoadException(
          source, header.line(), 0, "no rows after the header: expected one row per code");
    }
    return schedule.build();
  }
}
