package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.csv.FieldLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.modifier.Modifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CMS's published physician fee schedule payment-amount file ({@code PFALL<yy>.txt}, or a
 * revision such as {@code PFREV25C.txt}; layout {@code PF<yy>PC}): quoted, comma-separated records
 * of year, contractor, locality, code, modifier, non-facility and facility amounts, PC/TC, status,
 * multiple surgery indicator, therapy amounts, OPPS indicator and OPPS amounts; then trailer
 * records starting {@code TRL}. All-or-nothing, with file, line and field in every error.
 *
 * <p>The year is four digits; the PC/TC indicator 0-9, the multiple surgery indicator 0-7 or 9 and
 * the OPPS indicator 1 or 9, the values the layout lists; anything else is refused rather than
 * loaded as a damaged indicator. The file has one record per year, locality, code and modifier: a
 * second one for the same is refused, naming the lines of both, since two amounts for one row would
 * leave a comparison against them to pass or fail by the one it meets.
 *
 * <pre>{@code
 * List<PublishedAmount> published = PaymentAmountFile.read(Path.of("PFALL25.txt"));
 * }</pre>
 */
public final class PaymentAmountFile {

  private static final int FIELDS = 16;

  /**
   * The character positions of each field's value in CMS's record layout of the file ({@code
   * PF25PC}, "DATA RECORD"), for the error of a record cut short.
   */
  private static final String[] POSITIONS = {
    "2-5", "9-13", "17-18", "22-26", "30-31", "35-44", "48-57", "61", "65", "69", "73", "77-86",
    "90-99", "103", "107-116", "120-129"
  };

  /** What the file should be, for errors. */
  private static final String KIND = "a CMS payment amount file";

  /** A national payment amount file is tens of megabytes. */
  private static final long MAX_CHARS = 256L << 20;

  private PaymentAmountFile() {}

  /**
   * Reads the file at {@code path}.
   *
   * @param path the file: CMS's physician fee schedule payment amount file
   * @return the rows of the file, in file order
   * @throws DataLoadException if a record is malformed, two are for the same year, locality, code
   *     and modifier, or the file has none
   * @throws IOException if the file cannot be read
   */
  public static List<PublishedAmount> read(Path path) throws IOException {
    requireNonNull(path, "path");
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND));
  }

  /**
   * Reads a payment-amount file from {@code in}, which is not closed, naming it {@code sourceName}.
   *
   * @param in CMS's physician fee schedule payment amount file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the rows of the file, in file order
   * @throws DataLoadException if a record is malformed, two are for the same year, locality, code
   *     and modifier, or the stream has none
   * @throws IOException if the stream cannot be read
   */
  public static List<PublishedAmount> read(InputStream in, String sourceName) throws IOException {
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND));
  }

  private static List<PublishedAmount> parse(CsvTable table) throws DataLoadException {
    String source = table.sourceName();
    List<PublishedAmount> amounts = new ArrayList<>(table.records().size());
    Header header =
        Header.ofNames(
            source,
            List.of(
                "YEAR",
                "CARRIER",
                "LOCALITY",
                "HCPCS",
                "MODIFIER",
                "NON-FACILITY FEE",
                "FACILITY FEE",
                "FILLER",
                "PCTC",
                "STATUS",
                "MULTIPLE SURGERY",
                "THERAPY NON-FACILITY",
                "THERAPY FACILITY",
                "OPPS INDICATOR",
                "OPPS NON-FACILITY FEE",
                "OPPS FACILITY FEE"));
    Cells cells = new Cells(source, header);
    // The line each record read so far starts on, by what identifies it.
    Map<Key, Long> lines = new HashMap<>();
    for (CsvRecord record : table.records()) {
      if (CsvTable.isBlank(record) || record.getField(0).startsWith("TRL")) {
        continue;
      }
      int found = record.getFieldCount();
      if (found < FIELDS) {
        // A record cut short: named at the first field it lacks, as Cells names a CSV row's.
        throw new DataLoadException(
            source,
            FieldLine.of(record, found),
            found + 1,
            "expected "
                + FIELDS
                + " quoted fields (layout PF25PC), found "
                + found
                + ": the record ends before "
                + header.name(found)
                + (POSITIONS[found].contains("-") ? " (positions " : " (position ")
                + POSITIONS[found]
                + " of the layout)");
      }
      if (found > FIELDS) {
        throw new DataLoadException(
            source,
            FieldLine.of(record, FIELDS),
            FIELDS + 1,
            "expected "
                + FIELDS
                + " quoted fields (layout PF25PC), found "
                + found
                + ": the record goes on after "
                + header.name(FIELDS - 1));
      }
      cells.at(record);
      // In the layout's order, so that a record damaged twice is refused at its first damage.
      // Exactly four digits, never padded: a "25" is a damaged year, not 0025.
      int year =
          Integer.parseInt(cells.exactDigits(0, 4, "a calendar year of 4 digits, such as 2025"));
      Locality locality = Locality.of(cells.contractor(1), cells.localityNumber(2));
      ProcedureCode code = cells.code(3);
      String modifierText = cells.text(4);
      Optional<Modifier> modifier =
          modifierText.isEmpty()
              ? Optional.empty()
              : Optional.of(cells.parse(4, "a two-character modifier or blanks", Modifier::parse));
      PublishedAmount amount =
          new PublishedAmount(
              year,
              locality,
              code,
              modifier,
              cells.decimal(5, 2),
              cells.decimal(6, 2),
              // The indicators' values as the layout's Attachment B lists them, as RvuFile reads
              // the same indicators of the RVU file.
              cells.parse(8, "a PC/TC indicator 0-9", t -> PcTcIndicator.of(single(t)).code()),
              cells.parse(9, RvuFile.STATUS_CODES, t -> PaymentStatus.of(single(t))),
              cells.parse(
                  10,
                  "a multiple surgery indicator 0-7 or 9",
                  t -> MultipleProcedureRule.of(single(t)).code()),
              oppsIndicator(cells),
              cells.decimal(14, 2),
              cells.decimal(15, 2));
      Long previous = lines.putIfAbsent(new Key(year, locality, code, modifier), cells.line());
      if (previous != null) {
        // Two amounts for one row would leave a comparison against CMS's amounts to pass or fail
        // by which one it meets. At the code's own line and column, as the other loaders name a
        // row given twice; the message gives the lines the two records start on.
        throw new DataLoadException(
            source,
            cells.line(3),
            4,
            "record "
                + year
                + " "
                + locality
                + " "
                + amount.row()
                + " appears twice, on lines "
                + previous
                + " and "
                + cells.line()
                + ": expected one record per year, locality, code and modifier");
      }
      amounts.add(amount);
    }
    if (amounts.isEmpty()) {
      // Every other loader refuses a file without rows: an empty list would pass a comparison
      // against CMS's amounts having compared nothing.
      throw new DataLoadException(
          source,
          0,
          0,
          "no payment amount records: expected CMS's quoted records of layout PF25PC, one per"
              + " locality, code and modifier");
    }
    return List.copyOf(amounts);
  }

  /**
   * Reads the OPPS indicator: 1 when the amounts are subject to the OPPS payment cap determination,
   * 9 when not, the layout's only two values.
   */
  private static char oppsIndicator(Cells cells) throws DataLoadException {
    String text = cells.text(13);
    if (!text.equals("1") && !text.equals("9")) {
      throw cells.error(
          13, "an OPPS indicator 1 (subject to the OPPS payment cap) or 9 (not subject to it)");
    }
    return text.charAt(0);
  }

  private static char single(String text) {
    if (text.length() != 1) {
      throw new IllegalArgumentException(text);
    }
    return text.charAt(0);
  }

  /**
   * What identifies a record: the layout has one record per carrier, locality, code and modifier,
   * all of one year.
   */
  private record Key(
      int year, Locality locality, ProcedureCode code, Optional<Modifier> modifier) {}
}
