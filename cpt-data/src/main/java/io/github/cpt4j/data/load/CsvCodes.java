package io.github.cpt4j.data.load;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.data.csv.BlankRows;
import io.github.cpt4j.data.csv.CsvSyntax;
import io.github.cpt4j.data.csv.FieldLine;
import io.github.cpt4j.text.WhiteSpace;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CSV parser: a header row naming the columns, then one code per row. Parsing is FastCSV's (RFC
 * 4180 quoting, {@code #} comment lines, blank lines skipped); this class checks the header and
 * every field.
 *
 * <p>White space around a header name or a field, no-break and other Unicode spaces included
 * ({@link WhiteSpace}), is dropped, as a spreadsheet writes U+00A0 into a cell typed into it. Empty
 * columns after the header's last name, as a spreadsheet exports a sheet with an empty column
 * (every line ending in a comma), and empty fields after a row's last column (a row ending in a
 * comma) are let through, as {@code FlatFeeScheduleCsv} lets them through: they hold nothing to
 * lose. A value there is refused, as is a row shorter than the header's names: an unquoted comma in
 * a description splits it, and reading the header's columns alone would load its first part.
 */
final class CsvCodes {

  /**
   * The columns a file may have; header names are matched ignoring case and the white space around
   * them, no-break spaces included ({@code long_description}, not {@code long description}).
   */
  private enum Column {
    CODE("code"),
    DESCRIPTION("description"),
    LONG_DESCRIPTION("long_description"),
    ADD_ON("add_on"),
    EFFECTIVE_FROM("effective_from"),
    EFFECTIVE_TO("effective_to");

    final String header;

    Column(String header) {
      this.header = header;
    }
  }

  private final Fields fields;
  private final LocalDate defaultFrom;
  private final CodeSet.Builder builder = CodeSet.builder();
  private final Map<ProcedureCode, Long> lines = new HashMap<>();

  private CsvCodes(String sourceName, LocalDate defaultFrom) {
    this.fields = new Fields(sourceName);
    this.defaultFrom = defaultFrom;
  }

  static CodeSet parse(String text, String sourceName, LocalDate defaultFrom)
      throws DataLoadException {
    return new CsvCodes(sourceName, defaultFrom).parse(text);
  }

  private CodeSet parse(String text) throws DataLoadException {
    String sourceName = fields.sourceName();
    Column[] columns = null;
    long line = 0;
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .fieldSeparator(',')
            .quoteCharacter('"')
            .commentStrategy(CommentStrategy.SKIP)
            .commentCharacter('#')
            .skipEmptyLines(true)
            // Field counts are checked here, with a clearer message.
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .ofCsvRecord(text)) {
      for (CsvRecord record : reader) {
        line = record.getStartingLineNumber();
        if (BlankRows.isBlank(record)) {
          continue;
        }
        if (columns == null) {
          columns = header(record);
          continue;
        }
        // As the pipe-delimited loader does: too many, the first value beyond the header (empty
        // fields there, a trailing comma, are let through); too few, the last field there is; on
        // that field's own line. A row that is not blank has a field, so 0 says the row fits.
        int column =
            record.getFieldCount() < columns.length
                ? record.getFieldCount()
                : valueBeyond(record, columns.length);
        if (column > 0) {
          throw new DataLoadException(
              sourceName,
              FieldLine.of(record, column - 1),
              column,
              "expected "
                  + columns.length
                  + " fields as in the header, found "
                  + record.getFieldCount());
        }
        row(record, columns);
      }
    } catch (DataLoadException e) {
      // A quote left open makes a row of every later line, which fails as a row; the open quote,
      // if it comes first, is what to fix.
      Optional<DataLoadException> open = quoteLeftOpen(text, sourceName);
      if (open.isPresent() && open.get().line() <= e.line()) {
        throw open.get();
      }
      throw e;
    } catch (CsvParseException e) {
      // FastCSV's own words are not for the user: the text is read again to say where and what.
      Optional<CsvSyntax.Problem> found;
      try {
        found = CsvSyntax.firstProblem(new StringReader(text), '#');
      } catch (java.io.IOException notFromAString) {
        found = Optional.empty();
      }
      if (found.isPresent()) {
        CsvSyntax.Problem problem = found.get();
        throw new DataLoadException(sourceName, problem.line(), problem.field(), problem.message());
      }
      // FastCSV's message says on which line the record started; without one, the record after
      // the last good one is meant.
      throw new DataLoadException(
          sourceName,
          CsvSyntax.refusedRecordLine(e, line + 1),
          0,
          "not comma-separated values from this line on: expected fields separated by commas,"
              + " each quoted field closed by a quote followed by a comma or the end of the line");
    } catch (java.io.IOException e) {
      // Reading from a String cannot fail; keep the contract all the same.
      throw new DataLoadException(sourceName, line, 0, "cannot read: " + e.getMessage());
    }
    Optional<DataLoadException> open = quoteLeftOpen(text, sourceName);
    if (open.isPresent()) {
      throw open.get();
    }
    if (columns == null) {
      throw new DataLoadException(
          sourceName,
          0,
          0,
          "found no header row; expected one naming the columns, such as code,description");
    }
    if (lines.isEmpty()) {
      throw fields.noRows("rows after the header");
    }
    return builder.build();
  }

  /**
   * The error for a quote left open, which the parser takes to run to the end of the text in
   * silence: a file cut inside its last quoted description would load the cut text. Any text with a
   * quote goes to the exact check. Counting quotes is no shortcut: a quote inside an unquoted field
   * ({@code 5" wide}) or in a comment is no quote of the syntax, and one of those beside an open
   * quote makes the count even.
   */
  private static Optional<DataLoadException> quoteLeftOpen(String text, String sourceName) {
    if (text.indexOf('"') < 0) {
      return Optional.empty();
    }
    try {
      return CsvSyntax.firstProblem(new StringReader(text), '#')
          .map(p -> new DataLoadException(sourceName, p.line(), p.field(), p.message()));
    } catch (java.io.IOException notFromAString) {
      return Optional.empty();
    }
  }

  /**
   * Returns the 1-based column of the first field of {@code record} after its first {@code columns}
   * that is not blank (no-break spaces are blank, as around a code), or 0 if there is none: empty
   * fields after the last column, a row ending in a comma, hold nothing.
   */
  private static int valueBeyond(CsvRecord record, int columns) {
    for (int i = columns; i < record.getFieldCount(); i++) {
      if (!WhiteSpace.isBlank(record.getField(i))) {
        return i + 1;
      }
    }
    return 0;
  }

  private Column[] header(CsvRecord record) throws DataLoadException {
    String sourceName = fields.sourceName();
    // The line the header starts on, for an error about the header as a whole; one about a name
    // is on that name's own line.
    long line = record.getStartingLineNumber();
    // Blank names after the last are no columns: a spreadsheet exports an empty column after the
    // last as a comma ending every line, the header's too.
    int named = record.getFieldCount();
    while (named > 0 && WhiteSpace.isBlank(record.getField(named - 1))) {
      named--;
    }
    Column[] columns = new Column[named];
    Map<Column, Integer> seen = new EnumMap<>(Column.class);
    for (int i = 0; i < columns.length; i++) {
      String name = WhiteSpace.strip(record.getField(i));
      for (Column column : Column.values()) {
        if (column.header.equals(name.toLowerCase(Locale.ROOT))) {
          columns[i] = column;
        }
      }
      if (columns[i] == null) {
        List<String> known = new ArrayList<>();
        for (Column column : Column.values()) {
          known.add(column.header);
        }
        throw new DataLoadException(
            sourceName,
            FieldLine.of(record, i),
            i + 1,
            "expected a column name, one of "
                + String.join(", ", known)
                + "; found "
                + CodeFormatException.quote(name));
      }
      Integer before = seen.put(columns[i], i + 1);
      if (before != null) {
        throw new DataLoadException(
            sourceName,
            FieldLine.of(record, i),
            i + 1,
            "column "
                + columns[i].header
                + " is already column "
                + before
                + "; expected each column once");
      }
    }
    for (Column required : List.of(Column.CODE, Column.DESCRIPTION)) {
      if (!seen.containsKey(required)) {
        throw new DataLoadException(
            sourceName, line, 0, "expected a header with a " + required.header + " column");
      }
    }
    return columns;
  }

  private void row(CsvRecord record, Column[] columns) throws DataLoadException {
    // The line the row starts on: Fields words its errors there, and they are moved to the
    // field's own line only when raised, so that a good row's cells are not scanned for breaks.
    long line = record.getStartingLineNumber();
    CodeEntry.Builder entry = CodeEntry.builder();
    ProcedureCode code = null;
    int codeColumn = 0;
    LocalDate from = defaultFrom;
    int fromColumn = 0;
    LocalDate to = null;
    int toColumn = 0;
    for (int i = 0; i < columns.length; i++) {
      String field = record.getField(i);
      int column = i + 1;
      try {
        switch (columns[i]) {
          case CODE:
            code = fields.code(field, line, column);
            codeColumn = column;
            break;
          case DESCRIPTION:
            entry.shortDescription(fields.description(field, line, column, "a description"));
            break;
          case LONG_DESCRIPTION:
            // Blank as CodeEntry judges it: a no-break space alone is no long description.
            if (!WhiteSpace.isBlank(field)) {
              entry.longDescription(fields.description(field, line, column, "a long description"));
            }
            break;
          case ADD_ON:
            entry.addOn(fields.flag(field, line, column, "add_on"));
            break;
          case EFFECTIVE_FROM:
            // Blank as around a code: a no-break space alone is no date.
            if (!WhiteSpace.isBlank(field)) {
              from = fields.date(field, line, column, "effective_from");
              fromColumn = column;
            }
            break;
          case EFFECTIVE_TO:
            if (!WhiteSpace.isBlank(field)) {
              to = fields.date(field, line, column, "effective_to");
              toColumn = column;
            }
            break;
          default:
            throw new AssertionError(columns[i]);
        }
      } catch (DataLoadException e) {
        throw onFieldLine(e, record, i);
      }
    }
    if (to != null && to.isBefore(from)) {
      throw new DataLoadException(
          fields.sourceName(),
          FieldLine.of(record, toColumn - 1),
          toColumn,
          "expected effective_to on or after "
              + (fromColumn > 0
                  ? "effective_from " + from
                  : from
                      + ", the start date the loader gives a row without effective_from (set"
                      + " one in the row, or another with withEffectiveFrom)")
              + ", found "
              + to);
    }
    Long previous = lines.putIfAbsent(code, line);
    if (previous != null) {
      // At the code's own line and column; the message gives the line the first row starts on.
      throw fields.duplicate(code, FieldLine.of(record, codeColumn - 1), codeColumn, previous);
    }
    try {
      builder.add(
          entry.code(code).effectiveFrom(from).effectiveTo(Optional.ofNullable(to)).build());
    } catch (IllegalArgumentException e) {
      // The fields are checked above as CodeEntry checks them, so this is not reached; should the
      // two drift apart, the error still names the file and the row.
      throw new DataLoadException(fields.sourceName(), line, 0, e.getMessage());
    }
  }

  /**
   * The error {@code e}, which {@link Fields} words at the row's first line, moved to the line the
   * 0-based field {@code index} of {@code record} is on: below that first line when a quoted cell
   * before the field spans lines.
   */
  private static DataLoadException onFieldLine(DataLoadException e, CsvRecord record, int index) {
    long line = FieldLine.of(record, index);
    return line == e.line()
        ? e
        : new DataLoadException(e.sourceName(), line, e.column(), e.problem());
  }
}
