package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMS's anesthesia conversion factor file, {@code ANES<yyyy>.csv}, as published: a header row
 * {@code Contractor,Locality,Locality Name,National Anes CF of 20.3178}, then one row per locality
 * with its factor (two decimals), then blank rows. The factors are named after the file ({@code
 * ANES2025}), and state the national factor the header gives ({@link
 * AnesthesiaConversionFactors#nationalFactor()}, 20.3178 here: of the figures after "Anes CF",
 * years, percentages and a figure after "from" aside, the last with a decimal point, whatever words
 * surround it). A header without a figure there states none; one whose figure cannot be a factor (a
 * sign, a comma, more than four decimals) is refused, and so is one left with two figures that
 * differ (see {@link #read(Path)} for the rule).
 *
 * <p>All-or-nothing, with file, line and column in every error.
 *
 * <pre>{@code
 * AnesthesiaConversionFactors cf = AnesthesiaConversionFactorFile.read(Path.of("ANES2025.csv"));
 * }</pre>
 */
public final class AnesthesiaConversionFactorFile {

  /** What the file should be, for errors. */
  private static final String KIND = "a CMS anesthesia conversion factor file";

  /** An ANES file is a few kilobytes: a megabyte is surely something else. */
  private static final long MAX_CHARS = 1L << 20;

  /**
   * The fewest rows of a whole file (see {@link CmsSubset}): CMS's ANES2025 file lists the
   * anesthesia conversion factor of 109 localities. The minimum leaves room for smaller editions
   * and refuses a file cut to a fraction of that.
   */
  static final int MIN_ROWS = 100;

  /**
   * The largest factor read: the bound of the PFS conversion factor (999.9999) at the file's two
   * decimals. CMS's factors are dollars per anesthesia unit (CY2025's from about 19 to 28): a
   * factor above it is a corrupted number, refused rather than priced with.
   */
  static final BigDecimal MAX_FACTOR = new BigDecimal("999.99");

  /** Where the factor column's name begins to state the national factor: after "Anes CF". */
  private static final Pattern NATIONAL = Pattern.compile("ANES CF");

  /**
   * A figure in the factor column's name, with a sign or a comma kept so that it can be refused
   * rather than read in part ({@code -20.5998}, {@code 20,5998}).
   */
  private static final Pattern FIGURE = Pattern.compile("[-+]?\\d+(?:[.,]\\d+)*");

  /**
   * What follows a percentage, a change and never the factor ({@code up 2.5%}, {@code 2.5
   * percent}): the name is normalized to upper case.
   */
  private static final Pattern PERCENT = Pattern.compile(" *(?:%|PERCENT)");

  /** A year in the name ({@code for CY 2026}), which is no factor. */
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");

  /** A national factor as the dated table holds one: at most 999.9999. */
  private static final Pattern FACTOR = Pattern.compile("\\d{1,3}(?:\\.\\d{1,4})?");

  private AnesthesiaConversionFactorFile() {}

  /**
   * Reads the file at {@code path}.
   *
   * <p>The national factor the file states is read from the factor column's name, whose words CMS
   * chooses: of the figures after "Anes CF",
   *
   * <ul>
   *   <li>a year ({@code for CY 2026}, {@code above 2024}) is no factor;
   *   <li>a percentage, a figure followed by {@code %} or the word {@code percent}, spaces between
   *       or not, is a change, never the factor ({@code of 20.3178, up 2.5%}, {@code of $20.3178
   *       (-0.58%)}), whatever its sign or decimal comma;
   *   <li>a figure after the word {@code from} ({@code $} and spaces between or not) is the factor
   *       changed from, never the one stated ({@code up from 20.0000 to 20.3178}, {@code of
   *       20.3178, down from 20.4349});
   *   <li>of the others, those with a decimal point (CMS writes the factor with four decimals), or
   *       else all of them, must be one figure ({@code 20.3178} and {@code 20.31780} are one), and
   *       it is the factor stated. Two that differ ({@code of 20.3178 (was 20.4349)}, {@code of
   *       20.4349 to 20.3178}) are refused: which one the localities' factors come from, the name
   *       does not say, and read as either, a file could state the factor of another year or other
   *       providers and be chosen to price their dates.
   * </ul>
   *
   * <p>None left: the file states no factor ({@code National Anes CF}, {@code of TBD}, {@code up
   * 2.5%}).
   *
   * @param path the file: CMS's anesthesia conversion factor file (ANES)
   * @return the conversion factor of every locality in the file
   * @throws DataLoadException if the content is not an anesthesia conversion factor file, or its
   *     header states a national factor that cannot be one, or two
   * @throws IOException if the file cannot be read
   */
  public static AnesthesiaConversionFactors read(Path path) throws IOException {
    requireNonNull(path, "path");
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND));
  }

  /**
   * Reads the file from {@code in}, which is not closed, naming it {@code sourceName} in errors;
   * the national factor is read as {@link #read(Path)} reads it.
   *
   * @param in CMS's anesthesia conversion factor file (ANES), as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the conversion factor of every locality in the file
   * @throws DataLoadException if the content is not an anesthesia conversion factor file, or its
   *     header states a national factor that cannot be one, or two
   * @throws IOException if the stream cannot be read
   */
  public static AnesthesiaConversionFactors read(InputStream in, String sourceName)
      throws IOException {
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND));
  }

  private static AnesthesiaConversionFactors parse(CsvTable table) throws DataLoadException {
    String source = table.sourceName();
    List<CsvRecord> records = table.records();
    int headerRow = -1;
    for (int i = 0; i < records.size() && i < 10 && headerRow < 0; i++) {
      if (Header.normalize(records.get(i).getField(0)).equals("CONTRACTOR")) {
        headerRow = i;
      }
    }
    if (headerRow < 0) {
      throw new DataLoadException(
          source, 0, 0, "no header row starting with Contractor: expected CMS's ANES file");
    }
    Header header = Header.of(source, records.subList(headerRow, headerRow + 1));
    int mac = header.require("CONTRACTOR");
    int number = header.require("LOCALITY");
    int factor = header.find(n -> n.contains("ANES CF"), "the anesthesia conversion factor");
    if (factor < 0) {
      throw header.missing("\"National Anes CF of ...\"");
    }
    Cells cells = new Cells(source, header);
    Map<Locality, BigDecimal> factors = new LinkedHashMap<>();
    Map<Locality, Long> lines = new LinkedHashMap<>();
    for (int i = headerRow + 1; i < records.size(); i++) {
      CsvRecord record = records.get(i);
      if (CsvTable.isBlank(record)) {
        continue;
      }
      cells.at(record);
      // The factor is the last column: written with a comma (1,931 or 19,31) it splits in two,
      // and its first digits would load.
      cells.refuseFieldsBeyondHeader();
      Locality locality = Locality.of(cells.contractor(mac), cells.localityNumber(number));
      BigDecimal value = cells.decimal(factor, 2);
      if (value.signum() <= 0 || value.compareTo(MAX_FACTOR) > 0) {
        throw cells.error(
            factor,
            "a conversion factor above 0 and at most "
                + MAX_FACTOR.toPlainString()
                + " with at most 2 decimals");
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
      factors.put(locality, value);
    }
    if (factors.isEmpty()) {
      throw new DataLoadException(source, header.line(), 0, "no localities after the header");
    }
    RowMinimum.check(
        source, table.isSubset(), factors.size(), MIN_ROWS, "localities", "109 (ANES2025)");
    String name = source.replaceFirst("(?i)\\.csv$", "");
    AnesthesiaConversionFactors read = AnesthesiaConversionFactors.of(name, factors);
    // The national factor the localities' come from: it tells a year's files apart (QPs' and other
    // providers' from 2026) and is checked against the dated table's when pricing.
    String figure = statedFigure(source, header, factor);
    if (figure != null) {
      // Zeros after the last decimal change no figure (20.31780 is 20.3178), as a locality's
      // factor is read.
      String significant = significant(figure);
      if (!FACTOR.matcher(significant).matches() || new BigDecimal(significant).signum() <= 0) {
        throw new DataLoadException(
            source,
            header.line(),
            factor + 1,
            header.name(factor)
                + ": the national anesthesia factor the header states, "
                + figure
                + ", is not above 0 with at most three digits before the point and four after");
      }
      read = read.withNationalFactor(new BigDecimal(significant));
    }
    return read;
  }

  /**
   * The figure the factor column's name states as the national factor, or null: of the figures
   * after "Anes CF", years, percentages and figures after "from" aside, the one with a decimal
   * point, else the one without, written once or more (the rule is {@link #read(Path)}'s). CMS
   * words the name as it likes ({@code of $20.5998 (QP)}); a name that states none ({@code of TBD})
   * states none.
   *
   * @throws DataLoadException if two of the figures that could be the factor differ
   */
  private static String statedFigure(String source, Header header, int factor)
      throws DataLoadException {
    String name = header.name(factor);
    Matcher start = NATIONAL.matcher(name);
    if (!start.find()) {
      return null;
    }
    Matcher figures = FIGURE.matcher(name);
    figures.region(start.end(), name.length());
    List<String> whole = new ArrayList<>();
    List<String> decimal = new ArrayList<>();
    while (figures.find()) {
      String figure = figures.group();
      if (YEAR.matcher(figure).matches()
          || PERCENT.matcher(name).region(figures.end(), name.length()).lookingAt()
          || isAfterFrom(name, figures.start())) {
        continue;
      }
      whole.add(figure);
      if (figure.indexOf('.') >= 0) {
        decimal.add(figure);
      }
    }
    List<String> stated = decimal.isEmpty() ? whole : decimal;
    if (stated.isEmpty()) {
      return null;
    }
    // One figure, however many times written: 20.3178 and 20.31780 are one.
    Map<String, String> distinct = new LinkedHashMap<>();
    for (String figure : stated) {
      distinct.putIfAbsent(significant(figure), figure);
    }
    if (distinct.size() > 1) {
      List<String> each = new ArrayList<>(distinct.values());
      throw new DataLoadException(
          source,
          header.line(),
          factor + 1,
          name
              + ": the header states more than one figure that could be the national anesthesia"
              + " factor, "
              + String.join(", ", each.subList(0, each.size() - 1))
              + " and "
              + each.get(each.size() - 1)
              + ": expected one (a percentage, a year, and a figure after \"from\", the factor"
              + " changed from, are left aside)");
    }
    return stated.get(stated.size() - 1);
  }

  /**
   * Whether the figure starting at {@code index} of {@code name} follows the word {@code FROM},
   * with a dollar sign and spaces between or not: the factor changed from.
   */
  private static boolean isAfterFrom(String name, int index) {
    int i = index;
    while (i > 0 && (name.charAt(i - 1) == ' ' || name.charAt(i - 1) == '$')) {
      i--;
    }
    int word = i - "FROM".length();
    return word >= 0
        && name.startsWith("FROM", word)
        && (word == 0 || !Character.isLetterOrDigit(name.charAt(word - 1)));
  }

  /** {@code figure} without the zeros after its last decimal, nor the point they leave alone. */
  private static String significant(String figure) {
    return figure.indexOf('.') < 0 ? figure : figure.replaceFirst("\\.?0+$", "");
  }
}
