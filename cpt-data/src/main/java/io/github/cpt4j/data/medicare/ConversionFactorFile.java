package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.text.IsoDate;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a conversion factor history: a CSV file with a header row naming at least the columns
 * {@code effective_from} and {@code effective_to} (ISO dates, both inclusive), {@code pfs_cf}
 * (dollars per RVU, four decimals) and {@code applies_to} ({@code all}, {@code qualifying APM
 * participants} or {@code non-qualifying APM participants}); an optional column {@code
 * anesthesia_cf} gives the national anesthesia conversion factor of the same period and providers
 * (at most four decimals; blank where it is not known: {@link
 * ConversionFactor#anesthesiaAmount()}); other columns are ignored. The history cpt4j bundles is in
 * this format ({@code BundledData.conversionFactors()}). The file's last line may lack its line
 * break, unless {@code pfs_cf} or {@code anesthesia_cf} ends it: a file cut inside that number
 * would load a smaller factor, so such a line is refused as cut short.
 *
 * <pre>{@code
 * ConversionFactors history = ConversionFactorFile.read(Path.of("conversion-factors.csv"));
 * }</pre>
 */
public final class ConversionFactorFile {

  /**
   * The largest factor, as {@code ConversionFactor} documents its amount: above 0, at most this.
   */
  private static final BigDecimal MAX_FACTOR = new BigDecimal("999.9999");

  private ConversionFactorFile() {}

  /**
   * Reads the file at {@code path}.
   *
   * @param path the file: the conversion factor file
   * @return the conversion factors of the file, each with the dates it is in force
   * @throws DataLoadException if a row is malformed or two factors overlap
   * @throws IOException if the file cannot be read
   */
  public static ConversionFactors read(Path path) throws IOException {
    requireNonNull(path, "path");
    return parse(CsvTable.read(path));
  }

  /**
   * Reads a history from {@code in}, which is not closed, naming it {@code sourceName}.
   *
   * @param in the conversion factor file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the conversion factors of the file, each with the dates it is in force
   * @throws DataLoadException if a row is malformed or two factors overlap
   * @throws IOException if the stream cannot be read
   */
  public static ConversionFactors read(InputStream in, String sourceName) throws IOException {
    return parse(CsvTable.read(in, sourceName));
  }

  private static ConversionFactors parse(CsvTable table) throws DataLoadException {
    String source = table.sourceName();
    if (table.records().isEmpty()) {
      throw new DataLoadException(
          source,
          0,
          0,
          "empty: expected a header row effective_from,effective_to,pfs_cf,applies_to");
    }
    Header header = Header.of(source, table.records().subList(0, 1));
    int from = header.require("effective_from");
    int to = header.require("effective_to");
    int amount = header.require("pfs_cf");
    int appliesTo = header.require("applies_to");
    int anesthesia = header.find("anesthesia_cf");
    Cells cells = new Cells(source, header);
    List<ConversionFactor> factors = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    for (CsvRecord record : table.records().subList(1, table.records().size())) {
      if (CsvTable.isBlank(record)) {
        continue;
      }
      cells.at(record);
      // 32,3465 for 32.3465, unquoted, splits in two: the factor loaded as 32 and the rest, a field
      // beyond the header, was ignored.
      cells.refuseFieldsBeyondHeader();
      cells.refuseCutLastNumber(table, amount, "pfs_cf", "a factor");
      if (anesthesia >= 0) {
        cells.refuseCutLastNumber(table, anesthesia, "anesthesia_cf", "a factor");
      }
      LocalDate start = cells.parse(from, "a date such as 2025-01-01", IsoDate::parse);
      LocalDate end = cells.parse(to, "a date such as 2025-12-31", IsoDate::parse);
      // The bounds ConversionFactor checks, here with the column and its name.
      if (end.isBefore(start)) {
        throw cells.error(to, "a date on or after effective_from " + start);
      }
      ConversionFactor.Builder factor =
          ConversionFactor.builder()
              .effectiveFrom(start)
              .effectiveTo(end)
              .amount(cells.positiveDecimal(amount, 4, MAX_FACTOR))
              .appliesTo(
                  cells.parse(
                      appliesTo,
                      "all, qualifying APM participants or" + " non-qualifying APM participants",
                      ConversionFactorFile::providers));
      if (anesthesia >= 0 && !cells.text(anesthesia).isEmpty()) {
        factor.anesthesiaAmount(cells.positiveDecimal(anesthesia, 4, MAX_FACTOR));
      }
      try {
        factors.add(factor.build());
        lines.add(cells.line());
      } catch (IllegalArgumentException e) {
        // Values that disagree with each other: about the row, on the line it starts on.
        throw new DataLoadException(source, cells.line(), 0, e.getMessage());
      }
    }
    if (factors.isEmpty()) {
      throw new DataLoadException(
          source,
          header.line(),
          0,
          "no rows after the header: expected a conversion factor per period");
    }
    try {
      return ConversionFactors.of(factors);
    } catch (IllegalArgumentException e) {
      // Which row: the first whose addition makes the rows disagree (rows are few; this runs
      // only for a bad file).
      long line = 0;
      for (int k = 2; k <= factors.size() && line == 0; k++) {
        try {
          ConversionFactors.of(factors.subList(0, k));
        } catch (IllegalArgumentException conflict) {
          line = lines.get(k - 1);
        }
      }
      throw new DataLoadException(source, line, 0, e.getMessage());
    }
  }

  private static ApmProviders providers(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "all":
        return ApmProviders.ALL;
      case "qualifying apm participants":
        return ApmProviders.QUALIFYING_APM_PARTICIPANTS;
      case "non-qualifying apm participants":
        return ApmProviders.NON_QUALIFYING_APM_PARTICIPANTS;
      default:
        throw new IllegalArgumentException(text);
    }
  }
}
