package io.github.cpt4j.data.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first place where a text stops being comma-separated values as the loaders read them
 * (RFC 4180 quoting, as FastCSV parses it), to say in the project's own words where and what, after
 * the parser has refused the text with its own message. It runs only on that failure path, over the
 * text read again, so that loading a good file pays nothing for it.
 *
 * <p>What it finds: a character other than a comma or a line break after a field's closing quote; a
 * quote that opens a field and is never closed; a record of more fields, or a field of more
 * characters, than the parser accepts. Lines are numbered as the parser numbers them: CR, LF and CR
 * LF each end one, inside quotes too.
 */
public final class CsvSyntax {

  /** The most fields of one record FastCSV accepts (its default). */
  static final int MAX_FIELDS = 16_384;

  /** The most characters of one field FastCSV accepts (its default buffer). */
  static final int MAX_FIELD_CHARS = 16 * 1024 * 1024;

  /**
   * How FastCSV's message names the line the refused record started on: "record starting at line 3"
   * since 4.4, "started in line 3" before.
   */
  private static final Pattern STARTED_IN_LINE =
      Pattern.compile("(?:starting at|started in) line (\\d+)");

  private CsvSyntax() {}

  /**
   * Returns the line on which the record that FastCSV refused started, as its message names it, or
   * {@code fallback} when the message names none: where to point when {@link #firstProblem} finds
   * nothing to say in the project's own words.
   */
  public static long refusedRecordLine(CsvParseException refused, long fallback) {
    Matcher started = STARTED_IN_LINE.matcher(String.valueOf(refused.getMessage()));
    return started.find() ? Long.parseLong(started.group(1)) : fallback;
  }

  /**
   * Where a text stops being CSV, and what was expected there.
   *
   * @param line the 1-based line
   * @param field the 1-based field of the record, or 0 for the whole record
   * @param message what is wrong and what was expected, without the place's line and field
   */
  public record Problem(long line, int field, String message) {}

  /**
   * Returns the first syntax problem of {@code text} (read to its end, not closed): its line, its
   * field and what was expected; empty when there is none.
   *
   * @param commentStart the character that makes a line a comment when it starts it, or {@code 0}
   *     for none
   */
  public static Optional<Problem> firstProblem(Reader text, char commentStart) throws IOException {
    char[] buffer = new char[8192];
    long line = 1;
    long column = 0; // of the last character read, 1-based within its line
    int field = 1;
    long fieldChars = 0;
    boolean atFieldStart = true;
    boolean atLineStart = true;
    boolean inComment = false;
    boolean quoted = false;
    boolean afterClosingQuote = false;
    long quoteLine = 0;
    long quoteColumn = 0;
    int quoteField = 0;
    boolean pendingCr = false;
    int n;
    while ((n = text.read(buffer)) > 0) {
      for (int i = 0; i < n; i++) {
        char c = buffer[i];
        if (pendingCr) {
          pendingCr = false;
          if (c == '\n') {
            continue; // CR LF is one line break
          }
        }
        if (c == '\r' || c == '\n') {
          pendingCr = c == '\r';
          line++;
          column = 0;
          if (quoted) {
            fieldChars++;
            continue; // a line break inside quotes belongs to the field
          }
          afterClosingQuote = false;
          inComment = false;
          atLineStart = true;
          atFieldStart = true;
          field = 1;
          fieldChars = 0;
          continue;
        }
        column++;
        if (inComment) {
          continue;
        }
        if (atLineStart && commentStart != 0 && c == commentStart && !quoted) {
          inComment = true;
          atLineStart = false;
          continue;
        }
        atLineStart = false;
        if (quoted) {
          if (c == '"') {
            quoted = false;
            afterClosingQuote = true;
          } else if (++fieldChars > MAX_FIELD_CHARS) {
            return Optional.of(
                neverClosed(
                    quoteLine,
                    quoteField,
                    quoteColumn,
                    "within " + MAX_FIELD_CHARS + " characters"));
          }
          continue;
        }
        if (afterClosingQuote) {
          if (c == '"') {
            // A doubled quote inside a quoted field stands for one quote.
            quoted = true;
            afterClosingQuote = false;
            fieldChars++;
            continue;
          }
          if (c != ',') {
            return Optional.of(
                new Problem(
                    line,
                    field,
                    "expected a comma or the end of the line after the closing quote of field "
                        + field
                        + ", found "
                        + describe(c)
                        + " at character "
                        + column
                        + " of the line"
                        // A field opened on an earlier line: the fault is as likely a closing
                        // quote missing there (a cut or edited row), and this line's own field
                        // numbers are not the record's.
                        + (quoteLine == line
                            ? ""
                            : "; the quoted field opened on line "
                                + quoteLine
                                + ", at character "
                                + quoteColumn
                                + " (a closing quote missing there?)")));
          }
        }
        if (c == ',') {
          afterClosingQuote = false;
          atFieldStart = true;
          fieldChars = 0;
          if (++field > MAX_FIELDS) {
            return Optional.of(
                new Problem(
                    line,
                    0,
                    "more than "
                        + MAX_FIELDS
                        + " fields in one record; expected a data file's few dozen columns"));
          }
          continue;
        }
        if (atFieldStart && c == '"') {
          quoted = true;
          quoteLine = line;
          quoteColumn = column;
          quoteField = field;
          fieldChars = 0;
        } else if (++fieldChars > MAX_FIELD_CHARS) {
          return Optional.of(tooLong(line, field));
        }
        atFieldStart = false;
      }
    }
    if (quoted) {
      return Optional.of(
          neverClosed(quoteLine, quoteField, quoteColumn, "before the end of the file"));
    }
    return Optional.empty();
  }

  private static Problem neverClosed(long line, int field, long column, String where) {
    return new Problem(
        line,
        field,
        "the quote that opens field "
            + field
            + " at character "
            + column
            + " of the line is not closed "
            + where
            + "; expected a closing quote after the field's value");
  }

  private static Problem tooLong(long line, int field) {
    return new Problem(
        line,
        field,
        "field "
            + field
            + " is longer than "
            + MAX_FIELD_CHARS
            + " characters; expected a value of a data file, a few dozen at most (a quote"
            + " left open?)");
  }

  /** Names a character so that any character, a control or a blank, can be seen in the message. */
  private static String describe(char c) {
    String code = String.format(Locale.ROOT, "U+%04X", (int) c);
    return c >= 0x20 && c != 0x7F && !Character.isISOControl(c) && !Character.isWhitespace(c)
        ? "'" + c + "' (" + code + ")"
        : code;
  }
}
