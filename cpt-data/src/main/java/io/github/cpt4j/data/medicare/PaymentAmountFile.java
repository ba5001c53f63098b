package io.github.cpt4j.data.medicare;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.csv.FieldLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.modifier.Modifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads CMS's published physician fee schedule payment-amount file ({@code PFALL<yy>.txt}, or a
 * revision such as {@code PFREV25C.txt}; layout {@code PF<yy>PC}): quoted, comma-separated records
 * of year, contractor, locality, code, modifier, non-facility and facility amounts, PC/TC, status,
 * multiple surgery indicator, therapy amounts, OPPS indicator and OPPS amounts; then trailer
 * records starting {@code TRL}. All-or-nothing, with file, line and field in every error.
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
   * @throws DataLoadException if a record is malformed, or the file has none
   * @throws IOException if the file cannot be read
   */
  public static List<PublishedAmount> read(Path path) throws IOException {
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND));
  }

  /**
   * Reads a payment-amount file from {@code in}, which is not closed, naming it {@code sourceName}.
   *
   * @throws DataLoadException if a record is malformed, or the stream has none
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
      String modifierText = cells.text(4);
      Optional<Modifier> modifier =
          modifierText.isEmpty()
              ? Optional.empty()
              : Optional.of(cells.parse(4, "a two-character modifier or blanks", Modifier::parse));
      String year = cells.digits(0, 4);
      ProcedureCode code = cells.code(3);
      amounts.add(
          new PublishedAmount(
              Integer.parseInt(year),
              Locality.of(cells.contractor(1), cells.localityNumber(2)),
              code,
              modifier,
              cells.decimal(5, 2),
              cells.decimal(6, 2),
              cells.character(8),
              cells.parse(
                  9,
                  RvuFile.STATUS_CODES,
                  t -> {
                    if (t.length() != 1) {
                      throw new IllegalArgumentException(t);
                    }
                    return PaymentStatus.of(t.charAt(0));
                  }),
              cells.character(10),
              cells.character(13),
              cells.decimal(14, 2),
              cells.decimal(15, 2)));
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
}
