package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.OppsCap;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.modifier.Modifier;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CMS's OPPS imaging cap file, {@code OPPSCAP_<release>.csv}: one row per imaging code,
 * modifier (blank or TC; any other, 26 included, is refused), contractor and locality, with the
 * capped facility and non-facility amounts. Columns are found by name ({@code HCPCS, MOD, PROCSTAT,
 * CARRIER, LOCALITY, FACILITY PRICE, NON-FACILITY PRICE}, the last also in CMS's spelling {@code
 * NON-FACILTY PRICE}); blank rows are skipped. All-or-nothing, with file, line and column in every
 * error.
 *
 * <pre>{@code
 * OppsCapTable caps = OppsCapFile.read(Path.of("OPPSCAP_Oct.csv"));
 * }</pre>
 */
public final class OppsCapFile {

  /** What the file should be, for errors. */
  private static final String KIND = "a CMS OPPS cap file";

  /** An OPPS cap file is about half a megabyte. */
  private static final long MAX_CHARS = 16L << 20;

  /**
   * The fewest rows of a whole file (see {@link CmsSubset}): CMS's OPPS cap files of January, July
   * and October 2025 have 16,100 rows each (a capped code per locality). The minimum leaves room
   * for smaller editions and refuses a file cut to a fraction of that.
   */
  static final int MIN_ROWS = 5_000;

  /** A plausibility bound on a cap: the largest in CMS's 2025 files is a few thousand dollars. */
  private static final BigDecimal MAX_CAP = new BigDecimal("999999.99");

  private OppsCapFile() {}

  /**
   * Reads the file at {@code path}.
   *
   * @param path the file: CMS's OPPS imaging cap file (OPPSCAP)
   * @return the imaging caps of the file
   * @throws DataLoadException if the content is not an OPPS cap file
   * @throws IOException if the file cannot be read
   */
  public static OppsCapTable read(Path path) throws IOException {
    requireNonNull(path, "path");
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND));
  }

  /**
   * Reads an OPPS cap file from {@code in}, which is not closed, naming it {@code sourceName}.
   *
   * @param in CMS's OPPS imaging cap file (OPPSCAP), as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the imaging caps of the file
   * @throws DataLoadException if the content is not an OPPS cap file
   * @throws IOException if the stream cannot be read
   */
  public static OppsCapTable read(InputStream in, String sourceName) throws IOException {
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND));
  }

  private static OppsCapTable parse(CsvTable table) throws DataLoadException {
    String source = table.sourceName();
    List<CsvRecord> records = table.records();
    if (records.isEmpty()) {
      throw new DataLoadException(source, 0, 0, "empty: expected a header row HCPCS,MOD,...");
    }
    Header header = Header.of(source, records.subList(0, 1));
    int hcpcs = header.require("HCPCS");
    int modifier = header.require("MOD");
    int status = header.require("PROCSTAT");
    int carrier = header.require("CARRIER");
    int locality = header.require("LOCALITY");
    int facility = header.require("FACILITY PRICE");
    int nonFacility =
        header.find("NON-FACILITY PRICE") >= 0
            ? header.find("NON-FACILITY PRICE")
            : header.require("NON-FACILTY PRICE");
    Cells cells = new Cells(source, header);
    List<OppsCap> caps = new ArrayList<>();
    // The line of each row (code, modifier, locality) read so far, by a number made of the three:
    // the row's text, built for every row only to find duplicates, was a tenth of a load.
    Map<Long, Long> lines = new HashMap<>();
    for (CsvRecord record : records.subList(1, records.size())) {
      if (CsvTable.isBlank(record)) {
        continue;
      }
      cells.at(record);
      // CMS's prices reach the thousands (4,614.30 in October 2025): one written with an unquoted
      // separator makes a field more than the header, and would load as its first digits.
      cells.refuseFieldsBeyondHeader();
      OppsCap.Builder builder =
          OppsCap.builder()
              .code(cells.code(hcpcs))
              .modifier(technicalOrGlobal(cells, modifier))
              .status(
                  cells.parse(
                      status,
                      RvuFile.STATUS_CODES,
                      t -> {
                        if (t.length() != 1) {
                          throw new IllegalArgumentException(t);
                        }
                        return PaymentStatus.of(t.charAt(0));
                      }))
              .locality(Locality.of(cells.contractor(carrier), cells.localityNumber(locality)))
              // Every cap CMS publishes is above zero: a 0.00 is damage, and would cap the
              // technical component at nothing.
              .facilityAmount(cells.positiveDecimal(facility, 2, MAX_CAP))
              .nonFacilityAmount(cells.positiveDecimal(nonFacility, 2, MAX_CAP));
      OppsCap cap;
      try {
        cap = builder.build();
      } catch (IllegalArgumentException e) {
        // Values that disagree with each other: about the row, on the line it starts on.
        throw new DataLoadException(source, cells.line(), 0, e.getMessage());
      }
      long key =
          (long) cap.code().packed() << 32
              | (long) cap.rowModifier().ordinal() << 24
              | cap.locality().packed();
      Long previous = lines.putIfAbsent(key, cells.line());
      if (previous != null) {
        // About the row as a whole: on the line it starts on, as are the lines the message gives.
        throw new DataLoadException(
            source,
            cells.line(),
            0,
            cap.row()
                + " "
                + cap.locality()
                + " appears twice, on lines "
                + previous
                + " and "
                + cells.line());
      }
      caps.add(cap);
    }
    if (caps.isEmpty()) {
      // A header alone would price every imaging code uncapped.
      throw new DataLoadException(
          source,
          header.line(),
          0,
          "0 rows after the header; expected a CMS OPPS cap file, which has thousands");
    }
    RowMinimum.check(
        source, table.isSubset(), caps.size(), MIN_ROWS, "rows", "about 16,100 (2025)");
    return OppsCapTable.of(caps);
  }

  /**
   * Reads the row's modifier, blank (the global service) or TC: the cap, Social Security Act
   * §1848(b)(4) as section 5102(b) of the Deficit Reduction Act of 2005 added it, limits the
   * technical component of imaging, alone or as the technical part of a global fee, never the
   * professional one, and CMS's files hold no other rows. Core's {@code OppsCap} refuses any other
   * row too; refused here first, the error names the file, line and column.
   */
  private static Optional<Modifier> technicalOrGlobal(Cells cells, int column)
      throws DataLoadException {
    String text = cells.text(column);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Modifier> modifier = Modifier.tryParse(text);
    if (modifier.isEmpty() || modifier.get() != Modifier.TECHNICAL_COMPONENT) {
      throw cells.error(
          column,
          "a blank modifier (the global service) or TC: the OPPS imaging cap limits the technical"
              + " component only");
    }
    return modifier;
  }
}
