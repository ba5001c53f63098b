package io.github.cpt4j.data.load;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.text.IsoDate;
import io.github.cpt4j.text.OneLine;
import io.github.cpt4j.text.WhiteSpace;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the fields every format shares (codes, descriptions, dates, flags) and phrases the errors,
 * so that each format reports problems the same way: source, line, column, and what was expected.
 */
final class Fields {

  private final String sourceName;

  Fields(String sourceName) {
    this.sourceName = sourceName;
  }

  String sourceName() {
    return sourceName;
  }

  /** Parses a code, accepting surrounding white space and lower-case letters. */
  ProcedureCode code(String field, long line, int column) throws DataLoadException {
    try {
      return ProcedureCode.parseLenient(field);
    } catch (CodeFormatException e) {
      throw new DataLoadException(
          sourceName,
          line,
          column,
          "expected a procedure code such as 99213, 0001F or G0438, but " + e.getMessage());
    }
  }

  /**
   * Returns the trimmed text, which must be one non-empty line of at most the entry limit. Trimmed
   * and judged blank as {@link CodeEntry} judges it: a field of a no-break space alone (byte 0xA0
   * of a Latin-1 file) is empty here, not a blank description for the entry builder to refuse
   * without a line.
   */
  String description(String field, long line, int column, String what) throws DataLoadException {
    String text = WhiteSpace.strip(field);
    if (text.isEmpty()) {
      throw new DataLoadException(
          sourceName, line, column, "expected " + what + ", found an empty field");
    }
    if (text.length() > CodeEntry.MAX_DESCRIPTION_LENGTH) {
      throw new DataLoadException(
          sourceName,
          line,
          column,
          "expected "
              + what
              + " of at most "
              + CodeEntry.MAX_DESCRIPTION_LENGTH
              + " characters, found "
              + text.length());
    }
    // As CodeEntry checks a description: the Unicode line and paragraph separators break it too.
    int lineBreak = OneLine.firstBreak(text);
    if (lineBreak >= 0) {
      throw new DataLoadException(
          sourceName,
          line,
          column,
          "expected " + what + " on one line, found " + OneLine.nameOf(text.charAt(lineBreak)));
    }
    return text;
  }

  /**
   * Parses an ISO date such as {@code 2021-01-01}: four digits of year, as the error says, read as
   * every date of the library is read ({@link IsoDate}). {@code LocalDate.parse} alone also takes
   * ISO's signed and longer years ({@code -2021-01-01}, {@code +12021-01-01}), typing mistakes that
   * would date a code thousands of years off. The white space around it is dropped as around a code
   * or a description, no-break spaces included ({@link WhiteSpace}).
   */
  LocalDate date(String field, long line, int column, String label) throws DataLoadException {
    String text = WhiteSpace.strip(field);
    try {
      return IsoDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new DataLoadException(
          sourceName,
          line,
          column,
          "expected " + label + " as a date yyyy-MM-dd, found " + CodeFormatException.quote(text));
    }
  }

  /**
   * Parses a yes/no flag; an empty field is no. The white space around it is dropped as around a
   * code or a description, no-break spaces included ({@link WhiteSpace}).
   */
  boolean flag(String field, long line, int column, String label) throws DataLoadException {
    String text = WhiteSpace.strip(field);
    switch (text.toLowerCase(Locale.ROOT)) {
      case "y":
      case "yes":
      case "true":
      case "1":
        return true;
      case "n":
      case "no":
      case "false":
      case "0":
      case "":
        return false;
      default:
        throw new DataLoadException(
            sourceName,
            line,
            column,
            "expected "
                + label
                + " to be Y or N (or yes/no, true/false, 1/0), found "
                + CodeFormatException.quote(text));
    }
  }

  DataLoadException duplicate(ProcedureCode code, long line, int column, long previousLine) {
    return new DataLoadException(
        sourceName,
        line,
        column,
        "code " + code + " is already on line " + previousLine + "; expected each code once");
  }

  DataLoadException noRows(String expectedRows) {
    return new DataLoadException(sourceName, 0, 0, "found no code rows; expected " + expectedRows);
  }
}
