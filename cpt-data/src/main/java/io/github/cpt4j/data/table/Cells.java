package io.github.cpt4j.data.table;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.csv.FieldLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of one record, each error naming the source, line, 1-based column and column
 * name, and quoting what was found.
 */
public final class Cells {

  private final String sourceName;
  private final Header header;

  /** Whether no-break and other Unicode spaces are blanks too ({@link #withUnicodeSpaces}). */
  private final boolean unicodeSpaces;

  private CsvRecord record;

  /** Creates a reader of the fields of records of {@code sourceName} with {@code header}. */
  public Cells(String sourceName, Header header) {
    this(sourceName, header, false);
  }

  private Cells(String sourceName, Header header, boolean unicodeSpaces) {
    this.sourceName = sourceName;
    this.header = header;
    this.unicodeSpaces = unicodeSpaces;
  }

  /**
   * Creates a reader of the fields of a table people write, such as a fee schedule kept in a
   * spreadsheet, where a no-break space (U+00A0, which a spreadsheet writes into a cell typed into
   * it) or another Unicode space around a value is a blank too, as in a header name ({@link
   * Header#normalize}): dropped at a field's ends, and a field of nothing else is empty. Control
   * characters there are still refused. CMS's files have none of these spaces: {@link
   * #Cells(String, Header)} reads their blanks, spaces and tabs, alone.
   */
  public static Cells withUnicodeSpaces(String sourceName, Header header) {
    return new Cells(sourceName, header, true);
  }

  /**
   * Moves to {@code next}; rows shorter than the header are an error, at the first missing field (a
   * row cut short: the column tells where), on the line the row ends on.
   */
  public Cells at(CsvRecord next) throws DataLoadException {
    this.record = next;
    int found = next.getFieldCount();
    if (found < header.size()) {
      throw new DataLoadException(
          sourceName,
          FieldLine.of(next, found),
          found + 1,
          "expected "
              + header.size()
              + " fields as in the header, found "
              + found
              + ": the row ends before "
              + header.describe(found));
    }
    return this;
  }

  /**
   * Refuses the current record when it is {@code table}'s last, its line has no line ending and it
   * ends in the number of {@code column}, named {@code name} as the file's format spells it: a
   * hand-written file may well lack its last line break, and a cut elsewhere in the line leaves a
   * date, a code or a row too short to read, but a number cut short is a number, a smaller {@code
   * what} ({@code 12.50} cut to {@code 1}).
   */
  public void refuseCutLastNumber(CsvTable table, int column, String name, String what)
      throws DataLoadException {
    if (endsUnendedLastLine(table, column)) {
      throw new DataLoadException(
          sourceName,
          line(column),
          column + 1,
          "the last line has no line ending and ends in its "
              + name
              + ": the file looks cut short, and "
              + what
              + " cut there loads as a smaller one; end the line with a line break");
    }
  }

  /**
   * Refuses the current record when it is {@code table}'s last, its line has no line ending and it
   * ends in the field of {@code column}, named {@code name} as the file's format spells it, holding
   * fewer than {@code length} characters (blanks at its ends aside): {@link #refuseCutLastNumber}
   * for an optional field of that many characters, such as a modifier. Cut to nothing, it loads as
   * {@code withoutIt}, a row without it ({@code 71046,12.50,26} cut to {@code 71046,12.50,} loads
   * 71046's global fee); cut to fewer characters, its parser would refuse it without saying why.
   */
  public void refuseCutLastField(
      CsvTable table, int column, String name, int length, String withoutIt)
      throws DataLoadException {
    if (!endsUnendedLastLine(table, column)) {
      return;
    }
    String text = text(column);
    if (text.length() < length) {
      throw new DataLoadException(
          sourceName,
          line(column),
          column + 1,
          "the last line has no line ending and ends in its "
              + name
              + (text.isEmpty()
                  ? ", empty: the file looks cut short, and a "
                      + name
                      + " cut there loads as "
                      + withoutIt
                  : text.indexOf(EndOfFileMark.MARK) >= 0
                      ? " "
                          + CodeFormatException.quote(record.getField(column))
                          + ", a DOS end-of-file mark (Ctrl-Z) inside the field: put the mark on"
                          + " a line of its own"
                      : " "
                          + CodeFormatException.quote(record.getField(column))
                          + ", shorter than "
                          + length
                          + " characters: the file looks cut short")
              + "; end the line with a line break");
    }
  }

  /**
   * Tells whether the current record is {@code table}'s last, its line has no line ending, and its
   * last field is that of {@code column}, not closed by a quote: where a cut file's last value
   * would be cut unseen ({@code "26"} or {@code ""} was closed, so whole).
   */
  private boolean endsUnendedLastLine(CsvTable table, int column) {
    List<CsvRecord> records = table.records();
    return record == records.get(records.size() - 1)
        && !table.lastLineEnded()
        && !table.lastFieldQuoted()
        && record.getFieldCount() == column + 1;
  }

  /**
   * Refuses a value in a field of the current record beyond the header's: a number written {@code
   * 4,614.30} without quotes splits into {@code 4} and {@code 614.30}, and reading the header's
   * columns alone would load 4.00, or shift the fields after it into the wrong columns. Empty
   * fields there hold nothing and are let through (a trailing comma).
   */
  public void refuseFieldsBeyondHeader() throws DataLoadException {
    int columns = header.size();
    for (int i = columns; i < record.getFieldCount(); i++) {
      if (holdsValue(i)) {
        throw new DataLoadException(
            sourceName,
            FieldLine.of(record, i),
            i + 1,
            "expected "
                + columns
                + " fields as in the header, found "
                + record.getFieldCount()
                + ", field "
                + (i + 1)
                + " being "
                + CodeFormatException.quote(record.getField(i))
                + " ("
                + SPLIT_NUMBER
                + ")");
      }
    }
  }

  /**
   * Refuses a value in a field of the current record that the header gives no name: under a column
   * whose header cell is empty, or {@linkplain #refuseFieldsBeyondHeader beyond the header's
   * columns}, whichever comes first in the row. For a table people write, whose columns that are
   * not read are ignored by their names: an unnamed column has nothing to read, and a value there
   * is most likely part of a row shifted by an unquoted comma ({@code 1,234.56} under {@code
   * code,amount,,note} would load 1.00). Empty fields there are let through.
   */
  public void refuseValuesWithoutName() throws DataLoadException {
    int columns = Math.min(header.size(), record.getFieldCount());
    for (int i = 0; i < columns; i++) {
      if (header.name(i).isEmpty() && holdsValue(i)) {
        throw new DataLoadException(
            sourceName,
            FieldLine.of(record, i),
            i + 1,
            "expected an empty field under the header's unnamed column "
                + (i + 1)
                + ", found "
                + CodeFormatException.quote(record.getField(i))
                + " ("
                + SPLIT_NUMBER
                + ")");
      }
    }
    refuseFieldsBeyondHeader();
  }

  /** Tells whether the field of the 0-based {@code column} holds more than blanks. */
  private boolean holdsValue(int column) {
    return !record.getField(column).isBlank() && !text(column).isEmpty();
  }

  /**
   * What splits a number into two fields, for the errors about a field the header does not name.
   */
  private static final String SPLIT_NUMBER =
      "a number with a thousands separator must be quoted, \"1,234.56\", or written 1234.56";

  /**
   * Refuses a current record of more fields than the header, empty or not: {@link
   * #refuseFieldsBeyondHeader()} for a file whose last column may be empty (a description), where a
   * number split by an unquoted comma shifts an empty field beyond the header, which that check
   * lets through as a trailing comma. CMS's rows have the header's fields exactly.
   */
  public void refuseMoreFieldsThanHeader() throws DataLoadException {
    refuseMoreFieldsThanHeader(SPLIT_NUMBER);
  }

  /**
   * {@link #refuseMoreFieldsThanHeader()} with its own {@code hint}, in parentheses after the
   * count: what splits a field of that file, such as a text with an unquoted comma.
   */
  public void refuseMoreFieldsThanHeader(String hint) throws DataLoadException {
    int columns = header.size();
    if (record.getFieldCount() > columns) {
      throw new DataLoadException(
          sourceName,
          FieldLine.of(record, columns),
          columns + 1,
          "expected "
              + columns
              + " fields as in the header, found "
              + record.getFieldCount()
              + " ("
              + hint
              + ")");
    }
  }

  /**
   * Returns the line the current record starts on: where an error about the row as a whole points
   * (a row given twice, values that disagree with each other). An error about one field points at
   * {@link #line(int) its own line}, which is further down when a quoted cell before it spans
   * lines.
   */
  public long line() {
    return record.getStartingLineNumber();
  }

  /**
   * Returns the line the field of the 0-based {@code column} of the current record is on: the
   * record's first line plus the line breaks of the quoted cells before it. It scans those cells,
   * so ask it when raising an error, not for every row.
   */
  public long line(int column) {
    return FieldLine.of(record, column);
  }

  /**
   * Returns the name of the 0-based {@code column} as the header gives it: what an error about its
   * field starts with, as {@link #error} does.
   */
  public String columnName(int column) {
    return header.name(column);
  }

  /** Returns the field of the 0-based {@code column} as is. */
  public String raw(int column) {
    return record.getField(column);
  }

  /**
   * Returns the field of the 0-based {@code column} without the blanks at its ends (Unicode spaces
   * too, read {@linkplain #withUnicodeSpaces with them}).
   */
  public String text(int column) {
    String field = record.getField(column);
    return unicodeSpaces ? withoutUnicodeSpaces(field) : withoutBlanks(field);
  }

  /**
   * Returns the field of the 0-based {@code column} as {@link #text} does, for text a loader keeps
   * (a GPCI locality's name): a control character in it but a line break, such as a Windows-1252
   * curly quote read as Latin-1, is refused at its cell ({@link ControlText#problem}), not loaded
   * into every message that prints the text.
   *
   * @throws DataLoadException if the field holds a control character
   */
  public String plainText(int column) throws DataLoadException {
    String text = text(column);
    int control = firstControlButLineBreak(text);
    if (control >= 0) {
      throw new DataLoadException(
          sourceName,
          line(column),
          column + 1,
          header.name(column) + ": " + ControlText.problem(text, control));
    }
    return text;
  }

  /**
   * The index of the first control character of {@code text} other than a line break, or -1: a
   * quoted cell over several lines is CSV, read as before; the other controls are damage.
   */
  private static int firstControlButLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\r' && io.github.cpt4j.text.ControlCharacters.isControl(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns {@code text} without the blanks and the Unicode spaces beyond ASCII ({@link
   * Character#isSpaceChar}: U+00A0, U+2007, U+202F...) at its ends, as a header name is read.
   */
  private static String withoutUnicodeSpaces(String text) {
    return stripped(text, true);
  }

  /**
   * Returns {@code text} without the spaces and tabs at its ends: the padding CMS's files put
   * around a value. Nothing else is removed: {@code String.trim()} would also drop NUL, escape and
   * every other control character up to U+0020, so that a damaged {@code "\u000099213"} would load
   * as 99213; kept, it reaches the field's parser, which refuses it with the line and column.
   */
  public static String withoutBlanks(String text) {
    return stripped(text, false);
  }

  /**
   * Returns {@code text} without the blanks at its ends, and without the Unicode spaces beyond
   * ASCII too when {@code unicodeSpaces}: the one loop of both readings, the flag a constant where
   * each is called.
   */
  private static String stripped(String text, boolean unicodeSpaces) {
    int start = 0;
    int end = text.length();
    while (start < end && isBlank(text.charAt(start), unicodeSpaces)) {
      start++;
    }
    while (end > start && isBlank(text.charAt(end - 1), unicodeSpaces)) {
      end--;
    }
    return start == 0 && end == text.length() ? text : text.substring(start, end);
  }

  /** Tells whether {@code c} is a blank, or a Unicode space beyond ASCII when {@code unicode}. */
  private static boolean isBlank(char c, boolean unicode) {
    return isBlank(c) || unicode && c > '~' && Character.isSpaceChar(c);
  }

  /** Tells whether {@code c} is a blank of a CMS field: a space or a tab. */
  public static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  /**
   * Returns the error for the field of {@code column}, on the line that field is on: what was
   * expected, what was found.
   */
  public DataLoadException error(int column, String expected) {
    String found = record.getField(column);
    return new DataLoadException(
        sourceName,
        line(column),
        column + 1,
        header.name(column)
            + ": expected "
            + expected
            + ", found "
            + CodeFormatException.quote(found));
  }

  /** Reads a CPT or HCPCS code. */
  public ProcedureCode code(int column) throws DataLoadException {
    String text = text(column);
    Optional<ProcedureCode> code = ProcedureCode.tryParse(text);
    if (code.isEmpty()) {
      throw error(column, "a CPT or HCPCS code such as 99213 or G0105" + droppedZeros(text, 5));
    }
    return code.get();
  }

  /** The hint of {@link #droppedZeros}, also part of a contractor or locality number's error. */
  private static final String DROPPED_ZERO = " (a spreadsheet may have dropped a leading zero)";

  /**
   * Returns the hint that a spreadsheet may have dropped a leading zero when {@code text}, a value
   * CMS writes with {@code width} characters, is fewer digits, else an empty string: a file opened
   * in a spreadsheet and saved again turns every column of digits into numbers, code 00100 into
   * 100, global days 090 into 90, supervision level 09 into 9. Put after what was expected.
   */
  public static String droppedZeros(String text, int width) {
    return !text.isEmpty() && text.length() < width && allDigits(text) ? DROPPED_ZERO : "";
  }

  /** Reads a code, a blank field being none. */
  public Optional<ProcedureCode> optionalCode(int column) throws DataLoadException {
    return text(column).isEmpty() ? Optional.empty() : Optional.of(code(column));
  }

  /** Reads a blank (global), 26, TC or 53 row modifier. */
  public Optional<Modifier> rowModifier(int column) throws DataLoadException {
    String text = text(column);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Modifier> modifier = Modifier.tryParse(text);
    if (modifier.isEmpty()
        || modifier.get() != Modifier.PROFESSIONAL_COMPONENT
            && modifier.get() != Modifier.TECHNICAL_COMPONENT
            && modifier.get() != Modifier.DISCONTINUED) {
      throw error(column, "a blank modifier, 26, TC or 53");
    }
    return modifier;
  }

  /** Reads a non-negative decimal with at most {@code scale} decimals. */
  public BigDecimal decimal(int column, int scale) throws DataLoadException {
    String text = text(column);
    BigDecimal value = plainDecimal(text);
    // Stripping zeros only beyond the scale: it costs a division per value read.
    if (value != null && (value.scale() <= scale || value.stripTrailingZeros().scale() <= scale)) {
      return value;
    }
    throw error(
        column,
        "a number of at least 0 with at most "
            + scale
            + " decimals"
            + (text.length() > MAX_DECIMAL_LENGTH
                ? " and " + MAX_DECIMAL_LENGTH + " characters"
                : "")
            + (value == null && text.indexOf(',') >= 0 ? GROUPING : ""));
  }

  /**
   * The hint for a number with a comma that is no thousands grouping: the error for a number split
   * by an unquoted comma says to quote it, so a quoted comma is most likely meant as one.
   */
  private static final String GROUPING =
      " (a comma only as a thousands separator, every three digits before a decimal point, as in"
          + " 1,234.56; 1,234 could be 1.234 written with a decimal comma, so write 1234 or"
          + " 1,234.00)";

  /** The longest decimal read: longer is damage, not an amount, whatever its digits. */
  static final int MAX_DECIMAL_LENGTH = 24;

  /**
   * Reads a decimal as {@link #decimal(int, int)} that is at most {@code max}: for amounts with no
   * natural bound, a plausibility check that refuses a corrupted number rather than price with it.
   */
  public BigDecimal decimal(int column, int scale, BigDecimal max) throws DataLoadException {
    BigDecimal value = decimal(column, scale);
    if (value.compareTo(max) > 0) {
      throw error(
          column,
          "a number from 0 to " + max.toPlainString() + " with at most " + scale + " decimals");
    }
    return value;
  }

  /**
   * The value of {@code text} when it is digits with at most one point (no sign, no exponent, at
   * least one digit, at most 24 characters), else null. In one pass, as {@code new
   * BigDecimal(text)} would read it: the same digits and scale. The speed trick, in one place: up
   * to 18 digits, the usual case, are summed in a {@code long} and made a {@code BigDecimal} from
   * it, without the copy of the text into a char array and the general parser of {@code new
   * BigDecimal(String)}, which was a quarter of a DMEPOS file's load (400,000 amounts).
   *
   * <p>The digits before the point may be grouped by thousands separators, as a spreadsheet writes
   * an amount in a quoted CSV field ({@code "1,234.56"}, {@code "12,345,678.90"}; unquoted, the
   * comma splits the field, which the loaders refuse): a comma every three digits from the point,
   * the first group one to three digits, not starting with 0. Anything else with a comma is null:
   * {@code 1,23.4} or {@code 12345,678} is no such grouping, and {@code 1,234} without a point, or
   * {@code 0,732}, may be 1.234 or 0.732 written with a decimal comma.
   */
  static BigDecimal plainDecimal(String text) {
    int length = text.length();
    if (length == 0 || length > MAX_DECIMAL_LENGTH) {
      return null;
    }
    long unscaled = 0;
    int digits = 0;
    int point = -1;
    int commas = 0;
    int lastComma = -1;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        unscaled = unscaled * 10 + (c - '0');
        digits++;
      } else if (c == '.' && point < 0) {
        if (commas > 0 && i - lastComma != 4) {
          return null; // the last group before the point is not three digits
        }
        point = i;
      } else if (c == ','
          && point < 0
          && (commas == 0 ? i >= 1 && i <= 3 && text.charAt(0) != '0' : i - lastComma == 4)) {
        commas++;
        lastComma = i;
      } else {
        return null;
      }
    }
    if (digits == 0 || commas > 0 && (point < 0 || point == length - 1)) {
      // Grouped digits need decimals after a point: without them, a comma may be a decimal one.
      return null;
    }
    int decimals = point < 0 ? 0 : length - point - 1;
    // More than 18 digits may not fit: the general parser reads those.
    if (digits > 18) {
      return new BigDecimal(commas == 0 ? text : text.replace(",", ""));
    }
    return BigDecimal.valueOf(unscaled, decimals);
  }

  /**
   * Reads a decimal as {@link #decimal(int, int, BigDecimal)} that is above zero: for a rate or an
   * index CMS never publishes as zero, where a zero is damage that would price at 0.00.
   */
  public BigDecimal positiveDecimal(int column, int scale, BigDecimal max)
      throws DataLoadException {
    BigDecimal value = decimal(column, scale);
    if (value.signum() == 0 || value.compareTo(max) > 0) {
      throw error(
          column,
          "a number above 0 and at most "
              + max.toPlainString()
              + " with at most "
              + scale
              + " decimals");
    }
    return value;
  }

  /** Reads a field that is {@code flag} or blank. */
  public boolean flag(int column, String flag) throws DataLoadException {
    String text = text(column);
    if (text.isEmpty()) {
      return false;
    }
    if (text.equals(flag)) {
      return true;
    }
    throw error(column, "\"" + flag + "\" or a blank");
  }

  /** Reads a one-character field. */
  public char character(int column) throws DataLoadException {
    String text = text(column);
    if (text.length() != 1) {
      throw error(column, "one character");
    }
    return text.charAt(0);
  }

  /** Reads a field of exactly {@code digits} digits, or fewer, padded with leading zeros. */
  public String digits(int column, int digits) throws DataLoadException {
    String text = text(column);
    if (text.isEmpty() || text.length() > digits || !allDigits(text)) {
      throw error(column, digits + " digits");
    }
    return "0".repeat(digits - text.length()) + text;
  }

  /**
   * Reads a field of exactly {@code digits} digits, never padded: for numbers whose leading zeros
   * are part of them (ZIP codes, contractor numbers), where a short one is a typo or a
   * spreadsheet's damage, not a number to pad. {@code expected} says what the field holds, for the
   * error.
   */
  public String exactDigits(int column, int digits, String expected) throws DataLoadException {
    String text = text(column);
    if (text.length() != digits || !allDigits(text)) {
      throw error(column, expected);
    }
    return text;
  }

  /**
   * Reads a Medicare contractor (MAC) number: exactly five digits, such as 01112. A number of four
   * digits is not padded: {@code 1320} may be 01320 with its zero dropped by a spreadsheet, or
   * 13202 mistyped, and either guess could price the wrong locality.
   */
  public String contractor(int column) throws DataLoadException {
    return exactDigits(
        column, 5, "a contractor (MAC) number of 5 digits, such as 01112" + DROPPED_ZERO);
  }

  /**
   * Reads a locality number: exactly two digits, such as 01 or 99, as CMS writes it. A single digit
   * is not padded, for the same reason as a contractor number: {@code 1} may be 01 with its zero
   * dropped by a spreadsheet, or 10 or 18 mistyped.
   */
  public String localityNumber(int column) throws DataLoadException {
    return exactDigits(column, 2, "a locality number of 2 digits, such as 01" + DROPPED_ZERO);
  }

  /**
   * Tells whether every character of {@code text} is an ASCII digit. A loop rather than a stream:
   * this runs per cell of the bundled tables at start-up, where a stream pipeline is cold code.
   */
  public static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a value with {@code parser}, turning its IllegalArgumentException or DateTimeException
   * into an error.
   */
  public <T> T parse(int column, String expected, Parser<T> parser) throws DataLoadException {
    try {
      return parser.parse(text(column));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw error(column, expected);
    }
  }

  /** A parser of a field's text without its blanks. */
  public interface Parser<T> {
    /** Parses {@code text}, throwing IllegalArgumentException when it is malformed. */
    T parse(String text);
  }
}
