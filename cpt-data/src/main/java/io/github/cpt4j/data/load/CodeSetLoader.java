package io.github.cpt4j.data.load;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@link CodeSet}s from files: the AMA's licensed CPT descriptor files and plain CSV lists.
 *
 * <p>Immutable and thread-safe; configure it with the {@code with*} methods. Every load is
 * all-or-nothing: it returns a complete set or throws, never a partial set. A problem in the data
 * is a {@link DataLoadException} naming the source, line and column and saying what was expected;
 * a file that cannot be read is a plain {@link IOException}.
 *
 * <h2>Formats</h2>
 *
 * <ul>
 *   <li>{@link #loadTabDelimited(Path) Tab-delimited}: the AMA's {@code LONGULT.txt},
 *       {@code MEDU.txt} and {@code SHORTU.txt} style, one {@code code<TAB>descriptor} per line
 *       (a run of spaces instead of the tab is accepted too).
 *   <li>{@link #loadPipeDelimited(Path) Pipe-delimited}: the AMA's consumer and clinician
 *       descriptor style, {@code concept id|code|descriptor}.
 *   <li>{@link #loadCsv(Path) CSV} with a header row, for lists of your own:
 *       {@code code,description} and optionally {@code long_description}, {@code add_on},
 *       {@code effective_from}, {@code effective_to}, in any order.
 * </ul>
 *
 * <p>In every format blank lines are skipped, lines end in LF, CRLF or CR, codes may have
 * surrounding spaces and lower-case letters, descriptors are trimmed, and no line may be longer
 * than 10,000 characters. The text is decoded strictly with the configured charset (UTF-8 unless
 * told otherwise; a UTF-8 byte-order mark is removed and means UTF-8 whatever the setting). In the
 * tab- and pipe-delimited formats the first line may be a header if it has no digits.
 *
 * <pre>{@code
 * CodeSet licensed = CodeSetLoader.defaults()
 *     .withCharset(StandardCharsets.ISO_8859_1)         // AMA files are often Latin-1
 *     .withEffectiveFrom(LocalDate.of(2025, 1, 1))
 *     .loadTabDelimited(Path.of("SHORTU.txt"), Path.of("LONGULT.txt"));
 * CodeSet merged = BundledData.codeSet().overlaidWith(licensed);
 * }</pre>
 */
public final class CodeSetLoader {

  private static final CodeSetLoader DEFAULTS =
      new CodeSetLoader(StandardCharsets.UTF_8, CodeEntry.BASELINE_DATE);

  private final Charset charset;
  private final LocalDate effectiveFrom;

  private CodeSetLoader(Charset charset, LocalDate effectiveFrom) {
    this.charset = charset;
    this.effectiveFrom = effectiveFrom;
  }

  /**
   * Returns a loader that decodes UTF-8 and dates entries without dates of their own from
   * {@link CodeEntry#BASELINE_DATE}.
   */
  public static CodeSetLoader defaults() {
    return DEFAULTS;
  }

  /** Returns a loader like this one that decodes text with {@code charset}. */
  public CodeSetLoader withCharset(Charset charset) {
    return new CodeSetLoader(requireNonNull(charset, "charset"), effectiveFrom);
  }

  /**
   * Returns a loader like this one that gives {@code date} as the start date to every entry whose
   * source has none (all AMA files, and CSV rows with an empty or no {@code effective_from}).
   */
  public CodeSetLoader withEffectiveFrom(LocalDate date) {
    return new CodeSetLoader(charset, requireNonNull(date, "date"));
  }

  /** Returns the charset text is decoded with (a UTF-8 byte-order mark overrides it). */
  public Charset charset() {
    return charset;
  }

  /** Returns the start date given to entries whose source has none. */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  // ---------------------------------------------------------------- tab-delimited (AMA)

  /**
   * Loads an AMA-style tab-delimited file, one {@code code<TAB>descriptor} per line; the
   * descriptor becomes each entry's short description.
   *
   * @throws DataLoadException if the content is not such a file (the message says where and why)
   * @throws IOException if the file cannot be read
   */
  public CodeSet loadTabDelimited(Path file) throws IOException {
    return loadTabDelimited(read(file), file.toString());
  }

  /**
   * Loads an AMA-style tab-delimited file from a stream, which is read to its end but not
   * closed; {@code sourceName} names it in error messages.
   *
   * @throws DataLoadException if the content is not such a file
   * @throws IOException if the stream cannot be read
   */
  public CodeSet loadTabDelimited(InputStream in, String sourceName) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName");
    return loadTabDelimited(SourceText.read(in, charset, sourceName), sourceName);
  }

  /**
   * Loads a short (or medium) and a long descriptor file of the same release, such as
   * {@code SHORTU.txt} and {@code LONGULT.txt}: each entry gets its short description from the
   * first file and its long description from the second.
   *
   * @throws DataLoadException if either file is malformed, or a code of the long file is missing
   *     from the short one (files of different releases)
   * @throws IOException if a file cannot be read
   */
  public CodeSet loadTabDelimited(Path shortFile, Path longFile) throws IOException {
    String shortName = shortFile.toString();
    String longName = longFile.toString();
    Map<ProcedureCode, Row> shortRows = tabRows(read(shortFile), shortName);
    Map<ProcedureCode, Row> longRows = tabRows(read(longFile), longName);
    for (Map.Entry<ProcedureCode, Row> row : longRows.entrySet()) {
      if (!shortRows.containsKey(row.getKey())) {
        throw new DataLoadException(longName, row.getValue().line, 1, "code " + row.getKey()
            + " is not in " + shortName + "; expected files of the same release");
      }
    }
    EntryCollector entries = new EntryCollector(shortName);
    for (Map.Entry<ProcedureCode, Row> row : shortRows.entrySet()) {
      Row longRow = longRows.get(row.getKey());
      CodeEntry entry = CodeEntry.builder()
          .code(row.getKey())
          .shortDescription(row.getValue().descriptor)
          .longDescription(Optional.ofNullable(longRow).map(r -> r.descriptor))
          .effectiveFrom(effectiveFrom)
          .build();
      entries.add(entry, row.getValue().line, 1);
    }
    return entries.build("lines of the form code<TAB>descriptor");
  }

  private CodeSet loadTabDelimited(String text, String sourceName) throws DataLoadException {
    EntryCollector entries = new EntryCollector(sourceName);
    for (Map.Entry<ProcedureCode, Row> row : tabRows(text, sourceName).entrySet()) {
      entries.add(entry(row.getKey(), row.getValue().descriptor), row.getValue().line, 1);
    }
    return entries.build("lines of the form code<TAB>descriptor");
  }

  /** A code's descriptor and the line it came from. */
  private static final class Row {
    final String descriptor;
    final long line;

    Row(String descriptor, long line) {
      this.descriptor = descriptor;
      this.line = line;
    }
  }

  private static Map<ProcedureCode, Row> tabRows(String text, String sourceName)
      throws DataLoadException {
    EntryCollector checker = new EntryCollector(sourceName);
    Map<ProcedureCode, Row> rows = new java.util.LinkedHashMap<>();
    boolean[] first = {true};
    SourceText.forEachLine(text, (number, line) -> {
      if (line.isBlank()) {
        return;
      }
      boolean mayBeHeader = first[0];
      first[0] = false;
      int tab = line.indexOf('\t');
      int separatorEnd;
      if (tab >= 0) {
        separatorEnd = tab + 1;
        if (line.indexOf('\t', separatorEnd) >= 0) {
          throw new DataLoadException(sourceName, number, 3,
              "expected two tab-separated fields (code, descriptor), found more");
        }
      } else {
        String stripped = line.stripLeading();
        int lead = line.length() - stripped.length();
        tab = lead + Math.min(5, stripped.length());
        if (tab >= line.length() || line.charAt(tab) != ' ') {
          if (mayBeHeader && isHeader(line)) {
            return;
          }
          throw new DataLoadException(sourceName, number, 1,
              "expected a code, a tab and a descriptor, found no tab");
        }
        separatorEnd = tab + 1;
      }
      String codeField = line.substring(0, tab);
      if (mayBeHeader && isHeader(codeField)) {
        return;
      }
      ProcedureCode code = checker.code(codeField, number, 1);
      String descriptor = checker.description(line.substring(separatorEnd), number, 2,
          "a descriptor after the code");
      Row previous = rows.putIfAbsent(code, new Row(descriptor, number));
      if (previous != null) {
        throw new DataLoadException(sourceName, number, 1, "code " + code
            + " is already on line " + previous.line + "; expected each code once");
      }
    });
    if (rows.isEmpty()) {
      throw new DataLoadException(sourceName, 0, 0,
          "found no code rows; expected lines of the form code<TAB>descriptor");
    }
    return rows;
  }

  /** A header names its columns: it has letters but no digits, unlike any code. */
  private static boolean isHeader(String field) {
    boolean letter = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c >= '0' && c <= '9') {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  // ---------------------------------------------------------------- pipe-delimited (AMA)

  /**
   * Loads an AMA-style pipe-delimited file, one {@code concept id|code|descriptor} per line,
   * such as the consumer or clinician descriptor files; the descriptor becomes each entry's
   * short description. The concept id must be a whole number and is not kept.
   *
   * @throws DataLoadException if the content is not such a file
   * @throws IOException if the file cannot be read
   */
  public CodeSet loadPipeDelimited(Path file) throws IOException {
    return loadPipeDelimited(read(file), file.toString());
  }

  /**
   * Loads an AMA-style pipe-delimited file from a stream, which is read to its end but not
   * closed; {@code sourceName} names it in error messages.
   *
   * @throws DataLoadException if the content is not such a file
   * @throws IOException if the stream cannot be read
   */
  public CodeSet loadPipeDelimited(InputStream in, String sourceName) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName");
    return loadPipeDelimited(SourceText.read(in, charset, sourceName), sourceName);
  }

  private CodeSet loadPipeDelimited(String text, String sourceName) throws DataLoadException {
    EntryCollector entries = new EntryCollector(sourceName);
    boolean[] first = {true};
    SourceText.forEachLine(text, (number, line) -> {
      if (line.isBlank()) {
        return;
      }
      boolean mayBeHeader = first[0];
      first[0] = false;
      String[] fields = line.split("\\|", -1);
      if (fields.length != 3) {
        if (mayBeHeader && isHeader(line)) {
          return;
        }
        throw new DataLoadException(sourceName, number, Math.min(fields.length, 4),
            "expected three |-separated fields (concept id, code, descriptor), found "
                + fields.length);
      }
      if (mayBeHeader && isHeader(fields[0] + fields[1])) {
        return;
      }
      String conceptId = fields[0].strip();
      if (conceptId.isEmpty() || !conceptId.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new DataLoadException(sourceName, number, 1,
            "expected a numeric concept id, found \"" + conceptId + "\"");
      }
      ProcedureCode code = entries.code(fields[1], number, 2);
      String descriptor = entries.description(fields[2], number, 3, "a descriptor");
      entries.add(entry(code, descriptor), number, 2);
    });
    return entries.build("lines of the form concept id|code|descriptor");
  }

  // ---------------------------------------------------------------- CSV

  /** The columns a CSV file may have; the names in the header are matched ignoring case. */
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

  /**
   * Loads a CSV file with a header row. {@code code} and {@code description} are required;
   * {@code long_description}, {@code add_on} ({@code Y}/{@code N}, {@code true}/{@code false},
   * {@code yes}/{@code no}, {@code 1}/{@code 0}; empty means no), {@code effective_from} and
   * {@code effective_to} (ISO dates such as {@code 2021-01-01}, both inclusive; empty means the
   * loader's {@link #effectiveFrom()} and no end) are optional. Fields may be quoted as in
   * RFC 4180; lines starting with {@code #} are comments.
   *
   * <pre>
   * code,description,effective_from,effective_to
   * 99213,"Office visit, established patient",,
   * 99201,Retired office visit,,2020-12-31
   * </pre>
   *
   * @throws DataLoadException if the content is not such a file
   * @throws IOException if the file cannot be read
   */
  public CodeSet loadCsv(Path file) throws IOException {
    return loadCsv(read(file), file.toString());
  }

  /**
   * Loads a CSV file from a stream, which is read to its end but not closed; see
   * {@link #loadCsv(Path)}. {@code sourceName} names it in error messages.
   *
   * @throws DataLoadException if the content is not such a file
   * @throws IOException if the stream cannot be read
   */
  public CodeSet loadCsv(InputStream in, String sourceName) throws IOException {
    requireNonNull(in, "in");
    requireNonNull(sourceName, "sourceName");
    return loadCsv(SourceText.read(in, charset, sourceName), sourceName);
  }

  private CodeSet loadCsv(String text, String sourceName) throws IOException {
    EntryCollector entries = new EntryCollector(sourceName);
    CsvReader<CsvRecord> reader = CsvReader.builder()
        .fieldSeparator(',')
        .quoteCharacter('"')
        .commentStrategy(CommentStrategy.SKIP)
        .commentCharacter('#')
        .skipEmptyLines(true)
        .allowExtraFields(true)
        .allowMissingFields(true)
        .ofCsvRecord(text);
    Column[] columns = null;
    long line = 0;
    try (reader) {
      for (CsvRecord record : reader) {
        line = record.getStartingLineNumber();
        if (isBlank(record)) {
          continue;
        }
        if (columns == null) {
          columns = header(record, sourceName);
          continue;
        }
        if (record.getFieldCount() != columns.length) {
          throw new DataLoadException(sourceName, line, 0, "expected " + columns.length
              + " fields as in the header, found " + record.getFieldCount());
        }
        csvRow(record, columns, entries);
      }
    } catch (CsvParseException e) {
      throw new DataLoadException(sourceName, line + 1, 0,
          "expected well-formed CSV: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (columns == null) {
      throw new DataLoadException(sourceName, 0, 0,
          "found no header row; expected one naming the columns, such as code,description");
    }
    return entries.build("rows after the header");
  }

  private static boolean isBlank(CsvRecord record) {
    for (String field : record.getFields()) {
      if (!field.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static Column[] header(CsvRecord record, String sourceName) throws DataLoadException {
    long line = record.getStartingLineNumber();
    Column[] columns = new Column[record.getFieldCount()];
    Map<Column, Integer> seen = new HashMap<>();
    for (int i = 0; i < columns.length; i++) {
      String name = record.getField(i).strip().toLowerCase(Locale.ROOT);
      for (Column column : Column.values()) {
        if (column.header.equals(name)) {
          columns[i] = column;
        }
      }
      if (columns[i] == null) {
        List<String> known = new ArrayList<>();
        for (Column column : Column.values()) {
          known.add(column.header);
        }
        throw new DataLoadException(sourceName, line, i + 1, "expected a column name, one of "
            + String.join(", ", known) + "; found \"" + record.getField(i).strip() + "\"");
      }
      Integer before = seen.put(columns[i], i + 1);
      if (before != null) {
        throw new DataLoadException(sourceName, line, i + 1, "column " + columns[i].header
            + " is already column " + before + "; expected each column once");
      }
    }
    for (Column required : new Column[] {Column.CODE, Column.DESCRIPTION}) {
      if (!seen.containsKey(required)) {
        throw new DataLoadException(sourceName, line, 0, "expected a header with a "
            + required.header + " column");
      }
    }
    return columns;
  }

  private void csvRow(CsvRecord record, Column[] columns, EntryCollector entries)
      throws DataLoadException {
    String sourceName = entries.sourceName();
    long line = record.getStartingLineNumber();
    CodeEntry.Builder builder = CodeEntry.builder();
    ProcedureCode code = null;
    int codeColumn = 0;
    LocalDate from = effectiveFrom;
    LocalDate to = null;
    int toColumn = 0;
    for (int i = 0; i < columns.length; i++) {
      String field = record.getField(i);
      int column = i + 1;
      String label = columns[i].header;
      switch (columns[i]) {
        case CODE:
          code = entries.code(field, line, column);
          codeColumn = column;
          break;
        case DESCRIPTION:
          builder.shortDescription(entries.description(field, line, column, "a description"));
          break;
        case LONG_DESCRIPTION:
          if (!field.isBlank()) {
            builder.longDescription(
                entries.description(field, line, column, "a long description"));
          }
          break;
        case ADD_ON:
          builder.addOn(flag(field, sourceName, line, column));
          break;
        case EFFECTIVE_FROM:
          if (!field.isBlank()) {
            from = date(field, sourceName, line, column, label);
          }
          break;
        case EFFECTIVE_TO:
          if (!field.isBlank()) {
            to = date(field, sourceName, line, column, label);
            toColumn = column;
          }
          break;
        default:
          throw new AssertionError(columns[i]);
      }
    }
    if (to != null && to.isBefore(from)) {
      throw new DataLoadException(sourceName, line, toColumn, "expected effective_to on or after"
          + " effective_from " + from + ", found " + to);
    }
    entries.add(builder.code(code).effectiveFrom(from).effectiveTo(Optional.ofNullable(to))
        .build(), line, codeColumn);
  }

  private static boolean flag(String field, String sourceName, long line, int column)
      throws DataLoadException {
    switch (field.strip().toLowerCase(Locale.ROOT)) {
      case "y": case "yes": case "true": case "1":
        return true;
      case "n": case "no": case "false": case "0": case "":
        return false;
      default:
        throw new DataLoadException(sourceName, line, column,
            "expected add_on to be Y or N (or yes/no, true/false, 1/0), found \""
                + field.strip() + "\"");
    }
  }

  private static LocalDate date(
      String field, String sourceName, long line, int column, String label)
      throws DataLoadException {
    try {
      return LocalDate.parse(field.strip());
    } catch (DateTimeParseException e) {
      throw new DataLoadException(sourceName, line, column, "expected " + label
          + " as a date yyyy-MM-dd, found \"" + field.strip() + "\"");
    }
  }

  // ---------------------------------------------------------------- common

  private CodeEntry entry(ProcedureCode code, String descriptor) {
    return CodeEntry.builder().code(code).shortDescription(descriptor)
        .effectiveFrom(effectiveFrom).build();
  }

  private String read(Path file) throws IOException {
    requireNonNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return SourceText.read(in, charset, file.toString());
    }
  }

  @Override
  public String toString() {
    return "CodeSetLoader[charset=" + charset.name() + ", effectiveFrom=" + effectiveFrom + "]";
  }
}
