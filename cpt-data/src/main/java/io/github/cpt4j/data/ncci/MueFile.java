package io.github.cpt4j.data.ncci;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.table.Cells;
import io.github.cpt4j.data.table.CsvTable;
import io.github.cpt4j.data.table.Header;
import io.github.cpt4j.data.table.RowMinimum;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.edit.ncci.MueEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.NcciClaimType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CMS's medically unlikely edit (MUE) files as published: {@code
 * MCR_MUE_PractitionerServices_Eff_<date>.csv}, {@code ..._OutpatientHospitalServices_...} and
 * {@code ..._DMESupplierServices_...}, each a table of its own.
 *
 * <pre>{@code
 * MueTable practitioner =
 *     MueFile.read(Path.of("MCR_MUE_PractitionerServices_Eff_07-01-2026.csv"));
 * }</pre>
 *
 * <p>The files are CSV in Latin-1. The first record is a quoted copyright notice spanning several
 * lines; the header follows ({@code HCPCS/CPT Code} with a line break inside the cell, {@code
 * Practitioner Services MUE Values} or its hospital or DME counterpart, {@code MUE Adjudication
 * Indicator}, {@code MUE Rationale}) and is found by those names, not by position. The adjudication
 * indicator is the leading digit of a longer text such as {@code 3 Date of Service Edit: Clinical};
 * words that are not that digit's ({@code 1 Date of Service Edit: Clinical}) are refused.
 *
 * <p>The effective date in the file's name ({@code Eff_07-01-2026}) is the table's {@link
 * MueTable#effective()}: the table is in force to the end of that quarter, and a line of another
 * date is flagged rather than judged. A name without one gives a table for any date.
 *
 * <p>The kind of claims the table is for, its {@link MueTable#claimType()}, is read from the value
 * column's name ({@code Practitioner Services MUE Values}, {@code Outpatient Hospital Services MUE
 * Values}, {@code DME Supplier Services MUE Values}) and from the file's name when it says it
 * ({@code PractitionerServices}, {@code OutpatientHospitalServices}, {@code DMESupplierServices}).
 * The three tables hold different limits for the same codes, so a file whose name and column
 * disagree is refused, and so is one where neither says the kind: a table of unknown kind would be
 * taken for whichever the reader expects.
 *
 * <p>The load is all-or-nothing: a malformed row, a code listed twice, or a control character in
 * the indicator's words or the rationale (CMS's have none; a tab is a blank) fails it with a {@link
 * DataLoadException} naming the file, line, column and column name. A file of fewer than 1,000
 * codes is refused as cut short, unless its first line is the subset marker {@code # cpt4j subset}
 * (a deliberate extract, such as a test's).
 */
public final class MueFile {

  /** What the file is, in errors. */
  private static final String KIND = "a CMS MUE file";

  /**
   * The practitioner table is about 1 MB: a cap that refuses the wrong file early. Read as CMS's
   * other files are, a last line without its line ending (a download cut short) is refused too.
   */
  private static final long MAX_CHARS = 16L << 20;

  /**
   * The fewest codes of a whole MUE file: each of CMS's three tables lists thousands of codes, so
   * fewer is a download cut short at a line ending, which would leave the missing codes unchecked.
   * A file marked {@code # cpt4j subset} on its first line may hold any number.
   */
  static final int MIN_ROWS = 1_000;

  /** CMS's effective date in the file name: {@code Eff_MM-DD-YYYY}. */
  private static final Pattern EFFECTIVE = Pattern.compile("(?i)Eff_(\\d{2})-(\\d{2})-(\\d{4})");

  /**
   * The kind of claims in CMS's file names ({@code MCR_MUE_OutpatientHospitalServices_Eff_...}),
   * with or without separators between the words.
   */
  private static final Pattern NAMED_TYPE =
      Pattern.compile(
          "(?i)(Practitioner|Outpatient[ _-]?Hospital|DME[ _-]?Supplier)[ _-]?Services");

  /** The column names that end in these values' names. */
  private static final String VALUE_COLUMNS =
      "\"Practitioner Services MUE Values\", \"Outpatient Hospital Services MUE Values\" or"
          + " \"DME Supplier Services MUE Values\"";

  private MueFile() {}

  /**
   * Reads the file at {@code path}.
   *
   * @param path the file: CMS's MUE file
   * @return the edits of the file
   * @throws DataLoadException if it is not an MUE file, has a malformed row, or does not say, or
   *     contradicts, which claims it is for
   * @throws IOException if it cannot be read
   */
  public static MueTable read(Path path) throws IOException {
    requireNonNull(path, "path");
    return parse(CsvTable.readCms(path, MAX_CHARS, KIND));
  }

  /**
   * Reads an MUE file from {@code in}, which is not closed, naming it {@code sourceName} in errors;
   * the effective date and the claim type are read from {@code sourceName} as from a file's name.
   *
   * @param in CMS's MUE file, as bytes; not closed
   * @param sourceName the name errors give the source by, such as its file name
   * @return the edits of the file
   * @throws DataLoadException if it is not an MUE file, has a malformed row, or does not say, or
   *     contradicts, which claims it is for
   * @throws IOException if the stream cannot be read
   */
  public static MueTable read(InputStream in, String sourceName) throws IOException {
    return parse(CsvTable.readCms(in, sourceName, MAX_CHARS, KIND));
  }

  private static MueTable parse(CsvTable table) throws DataLoadException {
    String source = table.sourceName();
    List<CsvRecord> records = table.records();
    int headerRow = -1;
    for (int i = 0; i < records.size() && headerRow < 0; i++) {
      CsvRecord record = records.get(i);
      for (int f = 0; f < record.getFieldCount(); f++) {
        if (Header.normalize(record.getField(f)).contains("ADJUDICATION INDICATOR")) {
          headerRow = i;
          break;
        }
      }
    }
    if (headerRow < 0) {
      throw new DataLoadException(
          source,
          0,
          0,
          "no header row with an \"MUE Adjudication Indicator\" column:"
              + " expected a CMS MUE file (CSV)");
    }
    Header header = Header.of(source, records.subList(headerRow, headerRow + 1));
    int code = required(header, n -> n.contains("CODE") || n.startsWith("HCPCS"), "HCPCS/CPT CODE");
    int value =
        required(header, n -> n.endsWith("MUE VALUES") || n.endsWith("MUE VALUE"), "MUE VALUES");
    int mai =
        required(header, n -> n.contains("ADJUDICATION INDICATOR"), "MUE ADJUDICATION INDICATOR");
    int rationale = header.find(n -> n.contains("RATIONALE"), "the rationale");
    NcciClaimType claimType = claimTypeOf(source, header, value);
    Cells cells = new Cells(source, header);
    MueTable.Builder builder = MueTable.builder();
    Map<String, Long> lines = new HashMap<>();
    for (int i = headerRow + 1; i < records.size(); i++) {
      CsvRecord record = records.get(i);
      if (CsvTable.isBlank(record)) {
        continue;
      }
      cells.at(record);
      // Only the notice and the header hold line breaks. One in a code's row is a quote left
      // open, which CSV reading takes to run to the end of the file: every later code would be
      // lost in silence. The same scan finds a control character in the texts kept, the
      // indicator's words and the rationale, which loaded in silence (CMS's have none).
      for (int f = 0; f < record.getFieldCount(); f++) {
        String field = record.getField(f);
        boolean text = f == mai || f == rationale;
        int control = -1;
        for (int at = 0; at < field.length(); at++) {
          char c = field.charAt(at);
          if (c == '\n' || c == '\r') {
            throw new DataLoadException(
                source,
                cells.line(f),
                f + 1,
                "the field runs over several lines: a quote left open? (a code's row is one"
                    + " line)");
          }
          if (text && control < 0 && ControlCharacters.isControl(c)) {
            control = at;
          }
        }
        if (control >= 0) {
          throw new DataLoadException(
              source,
              cells.line(f),
              f + 1,
              header.name(f) + ": " + ControlCharacters.problem(field, control));
        }
      }
      // CMS quotes a field with a comma (its notice is one): unquoted, it splits in two, and the
      // rationale loaded as its first part, the rest in a column not read.
      cells.refuseMoreFieldsThanHeader("a text with a comma must be quoted, \"a, b\"");
      MueEdit edit =
          new MueEdit(
              cells.code(code),
              cells.parse(
                  value, "an MUE value: a whole number from 0 to 999999999", MueFile::units),
              indicator(cells, mai),
              rationale < 0 ? "" : cells.text(rationale));
      Long previous = lines.putIfAbsent(edit.code().toString(), cells.line());
      if (previous != null) {
        // At the code's own line and column; the message gives the lines the two rows start on,
        // kept for every row without scanning its cells.
        throw new DataLoadException(
            source,
            cells.line(code),
            code + 1,
            "code "
                + edit.code()
                + " appears twice, on lines "
                + previous
                + " and "
                + cells.line());
      }
      builder.add(edit);
    }
    if (builder.size() == 0) {
      throw new DataLoadException(source, header.line(), 0, "no rows after the header");
    }
    RowMinimum.check(
        source,
        table.isSubset(),
        builder.size(),
        MIN_ROWS,
        "codes",
        "thousands (one row per code with an MUE)");
    MueTable edits = builder.build().withClaimType(claimType);
    LocalDate effective = effectiveOf(source);
    return effective == null ? edits : edits.withEffective(effective);
  }

  /**
   * The kind of claims of the table: the one the value column's name says, which must be the one
   * the file's name says when it says one; the file name's when the column says none.
   *
   * @throws DataLoadException if the two disagree, or neither says
   */
  private static NcciClaimType claimTypeOf(String source, Header header, int value)
      throws DataLoadException {
    String column = header.name(value);
    NcciClaimType named = claimTypeOfName(source);
    NcciClaimType headed = claimTypeOfColumn(column);
    if (headed == null && named == null) {
      throw new DataLoadException(
          source,
          header.line(value),
          value + 1,
          column
              + ": the column's name does not say which claims the MUEs are for; expected "
              + VALUE_COLUMNS
              + ", which are separate tables");
    }
    if (headed != null && named != null && headed != named) {
      throw new DataLoadException(
          source,
          header.line(value),
          value + 1,
          column
              + ": the column is the "
              + headed.words()
              + " table's, but the file name says "
              + named.words()
              + "; the tables hold different limits: expected the file CMS publishes under that"
              + " name");
    }
    return headed != null ? headed : named;
  }

  /** The kind the value column's normalized name says, or null. */
  private static NcciClaimType claimTypeOfColumn(String column) {
    if (column.contains("PRACTITIONER")) {
      return NcciClaimType.PRACTITIONER;
    }
    if (column.contains("HOSPITAL")) {
      return NcciClaimType.OUTPATIENT_HOSPITAL;
    }
    if (column.contains("DME")) {
      return NcciClaimType.DME_SUPPLIER;
    }
    return null;
  }

  /**
   * The kind CMS writes into the file's name ({@code MCR_MUE_PractitionerServices_...}), or null
   * when it does not say (a renamed copy, a stream).
   *
   * @throws DataLoadException if it names two kinds
   */
  static NcciClaimType claimTypeOfName(String source) throws DataLoadException {
    Matcher named = NAMED_TYPE.matcher(source);
    NcciClaimType found = null;
    while (named.find()) {
      String words = named.group(1).toUpperCase(Locale.ROOT);
      NcciClaimType type =
          words.startsWith("PRACTITIONER")
              ? NcciClaimType.PRACTITIONER
              : words.startsWith("OUTPATIENT")
                  ? NcciClaimType.OUTPATIENT_HOSPITAL
                  : NcciClaimType.DME_SUPPLIER;
      if (found != null && found != type) {
        throw new DataLoadException(
            source,
            0,
            0,
            "the file name says both "
                + found.words()
                + " and "
                + type.words()
                + ": expected one, as in MCR_MUE_PractitionerServices_Eff_07-01-2026.csv");
      }
      found = type;
    }
    return found;
  }

  /**
   * The effective date CMS writes into the file's name ({@code ..._Eff_07-01-2026.csv}): the table
   * is that quarter's. Null when the name does not say (a renamed copy, a stream).
   *
   * @throws DataLoadException if the name says a date that does not exist, or one of year 0000,
   *     which has no quarter
   */
  static LocalDate effectiveOf(String source) throws DataLoadException {
    Matcher eff = EFFECTIVE.matcher(source);
    if (!eff.find()) {
      if (source.toUpperCase(Locale.ROOT).contains("EFF_")) {
        // A date in another form would leave the table undated, judging every date of service.
        throw new DataLoadException(
            source,
            0,
            0,
            "the file name has an effective date not written as CMS writes it: expected"
                + " Eff_MM-DD-YYYY, such as Eff_07-01-2026");
      }
      return null;
    }
    int year = Integer.parseInt(eff.group(3));
    if (year < 1) {
      // LocalDate takes year 0, but the table's quarter (MueTable.withEffective) is of years
      // 1-9999: said here, with the file's name, rather than by the table without it.
      throw new DataLoadException(
          source,
          0,
          0,
          "the file name's effective date "
              + eff.group()
              + " is of year 0000: expected a year from 0001, such as Eff_07-01-2026");
    }
    try {
      return LocalDate.of(year, Integer.parseInt(eff.group(1)), Integer.parseInt(eff.group(2)));
    } catch (DateTimeException e) {
      throw new DataLoadException(
          source, 0, 0, "the file name's effective date " + eff.group() + " is not a date");
    }
  }

  private static int required(Header header, java.util.function.Predicate<String> test, String name)
      throws DataLoadException {
    int index = header.find(test, name);
    if (index < 0) {
      throw header.missing("\"" + name + "\"");
    }
    return index;
  }

  private static int units(String text) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(text);
    }
    return Integer.parseInt(text);
  }

  /**
   * The indicator of the cell at {@code column}: its leading digit, alone or followed by a blank
   * and the words CMS pairs with that digit, in any case and spacing. Words of another digit are
   * refused: {@code 1 Date of Service Edit: Clinical} loaded as MAI 1, a line edit, though its
   * words say 3, and which of the two is the damage the file does not say.
   */
  private static MueAdjudicationIndicator indicator(Cells cells, int column)
      throws DataLoadException {
    MueAdjudicationIndicator indicator =
        cells.parse(
            column,
            "an adjudication indicator: 1, 2 or 3 then its text, such as"
                + " \"3 Date of Service Edit: Clinical\"",
            MueFile::digit);
    String text = cells.text(column);
    // CMS's own text, as published, is the usual cell: compared as is before normalizing.
    if (text.length() > 1
        && !text.equals(cmsText(indicator))
        && !Header.normalize(text).equals(Header.normalize(cmsText(indicator)))) {
      MueAdjudicationIndicator other = null;
      for (MueAdjudicationIndicator candidate : MueAdjudicationIndicator.values()) {
        String words = Header.normalize(cmsText(candidate).substring(1));
        if (Header.normalize(text.substring(1)).equals(words)) {
          other = candidate;
        }
      }
      throw cells.error(
          column,
          "the digit and its words to agree, as in \""
              + cmsText(indicator)
              + "\""
              + (other == null ? "" : " (these words are MAI " + other.digit() + "'s)"));
    }
    return indicator;
  }

  /**
   * The leading digit, alone or followed by a blank and words ({@code 2 Date of Service ...}): a
   * space, a tab or another Unicode space, as the words' own spacing may be.
   */
  private static MueAdjudicationIndicator digit(String text) {
    if (text.isEmpty() || text.length() > 1 && !isBlank(text.charAt(1))) {
      throw new IllegalArgumentException(text);
    }
    return MueAdjudicationIndicator.of(text.charAt(0));
  }

  /** A blank that {@link Header#normalize} folds into the one space between words. */
  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c > '~' && Character.isSpaceChar(c);
  }

  /** The text of the MUE files' indicator column for {@code indicator}, digit and words. */
  private static String cmsText(MueAdjudicationIndicator indicator) {
    return switch (indicator) {
      case LINE -> "1 Line Edit";
      case DATE_OF_SERVICE_POLICY -> "2 Date of Service Edit: Policy";
      case DATE_OF_SERVICE_CLINICAL -> "3 Date of Service Edit: Clinical";
    };
  }
}
