package io.github.cpt4j.data.load;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.text.WhiteSpace;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsers of the AMA's distribution files: tab-delimited {@code code<TAB>descriptor} ({@code
 * LONGULT.txt}, {@code MEDU.txt}, {@code SHORTU.txt}) and pipe-delimited {@code concept
 * id|code|descriptor} (consumer and clinician descriptors). Both give the rows of a file in file
 * order, keyed by code; the first line may be a header ({@link #isHeader}).
 */
final class AmaFiles {

  /** A code's descriptor and the line it came from. */
  static final class Row {
    final String descriptor;
    final long line;

    Row(String descriptor, long line) {
      this.descriptor = descriptor;
      this.line = line;
    }
  }

  static final String TAB_ROWS = "lines of the form code<TAB>descriptor";
  static final String PIPE_ROWS = "lines of the form concept id|code|descriptor";

  private AmaFiles() {}

  /**
   * Parses a tab-delimited file; in a line without a tab, the first run of spaces after the code
   * (and after any blanks before it) stands for the tab.
   */
  static Map<ProcedureCode, Row> tabRows(String text, String sourceName) throws DataLoadException {
    Rows rows = new Rows(sourceName);
    SourceText.forEachLine(
        text,
        (number, line) -> {
          // Blank as the CSV loader and CodeEntry judge it: a line of no-break spaces alone (byte
          // 0xA0 of a Latin-1 file) too, which String.isBlank does not call blank.
          if (WhiteSpace.isBlank(line)) {
            return;
          }
          boolean mayBeHeader = rows.firstLine();
          int tab = line.indexOf('\t');
          if (tab >= 0) {
            if (line.indexOf('\t', tab + 1) >= 0) {
              throw new DataLoadException(
                  sourceName,
                  number,
                  3,
                  "expected two tab-separated fields (code, descriptor), found more");
            }
          } else {
            // Spaces stand for the tab: split at the first one after the code's leading blanks,
            // whatever the code's length, so that a code cut short or run on gets the code error
            // it gets before a tab, not "found no tab".
            int lead = line.length() - line.stripLeading().length();
            tab = line.indexOf(' ', lead);
            if (tab < 0) {
              if (mayBeHeader && isHeader(line, "")) { // a one-word header: "CODES"
                return;
              }
              throw new DataLoadException(
                  sourceName, number, 1, "expected a code, a tab and a descriptor, found no tab");
            }
          }
          String codeField = line.substring(0, tab);
          if (mayBeHeader && isHeader(codeField, line.substring(tab + 1))) {
            return;
          }
          rows.add(number, codeField, 1, line.substring(tab + 1), 2);
        });
    return rows.done(TAB_ROWS);
  }

  /**
   * Parses a pipe-delimited file: {@code concept id|code|descriptor} (consumer descriptors) or
   * {@code concept id|code|descriptor id|descriptor} (clinician descriptors, which may give a code
   * several descriptors: the first in file order is kept). The first row fixes the shape; the ids
   * must be whole numbers and are not kept.
   */
  static Map<ProcedureCode, Row> pipeRows(String text, String sourceName) throws DataLoadException {
    Rows rows = new Rows(sourceName);
    int[] shape = {0};
    SourceText.forEachLine(
        text,
        (number, line) -> {
          if (WhiteSpace.isBlank(line)) { // no-break spaces too, as in a tab-delimited file
            return;
          }
          boolean mayBeHeader = rows.firstLine();
          String[] fields = line.split("\\|", -1);
          // A header's code column has no digit either: "Made up|99213|..." is a row.
          if (mayBeHeader
              && (fields.length < 2 || !hasDigit(fields[1]))
              && isHeader(fields[0], line.substring(fields[0].length()))) {
            return;
          }
          if (shape[0] == 0 && (fields.length == 3 || fields.length == 4)) {
            shape[0] = fields.length;
          }
          if (fields.length != shape[0]) {
            // Too many: the first field too many; too few: the last one there is.
            int widest = shape[0] == 0 ? 4 : shape[0];
            throw new DataLoadException(
                sourceName,
                number,
                Math.min(fields.length, widest + 1),
                "expected "
                    + (shape[0] == 0 ? "3 or 4" : String.valueOf(shape[0]))
                    + " |-separated fields (concept id|code|descriptor, or concept id|code|"
                    + "descriptor id|descriptor), found "
                    + fields.length);
          }
          wholeNumber(fields[0], "concept id", sourceName, number, 1);
          if (shape[0] == 3) {
            rows.add(number, fields[1], 2, fields[2], 3);
          } else {
            wholeNumber(fields[2], "descriptor id", sourceName, number, 3);
            rows.addUnlessPresent(number, fields[1], 2, fields[3], 4);
          }
        });
    return rows.done(PIPE_ROWS);
  }

  private static void wholeNumber(
      String field, String what, String sourceName, long line, int column)
      throws DataLoadException {
    String id = field.strip();
    if (id.isEmpty() || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new DataLoadException(
          sourceName,
          line,
          column,
          "expected a numeric " + what + ", found " + CodeFormatException.quote(id));
    }
  }

  /**
   * The starts of the words that name a column of a header, matched in lower case: {@code code},
   * {@code CPT}, {@code HCPCS}, {@code concept} ({@code ConceptId}), {@code desc} (descriptor,
   * description), {@code proc} (procedure, {@code PROC_CD}).
   */
  private static final List<String> COLUMN_WORD_STARTS =
      List.of("code", "cpt", "hcpc", "concept", "desc", "proc");

  /**
   * The words that name a column only whole (a plural too), not as a start: "id" starts
   * "idiopathic", "term" starts "terminal".
   */
  private static final List<String> WHOLE_COLUMN_WORDS =
      List.of("id", "ids", "key", "keys", "term", "terms");

  /** The length of a code, as in {@code 99213}: a digit-free first field of it may be a typo. */
  private static final int CODE_LENGTH = 5;

  /**
   * Whether the first line is a header, from its first field (the code of a tab-delimited file, or
   * its first word when spaces stand for the tab; the concept id of a pipe-delimited one) and the
   * rest of the line. The first field has no digit, as every code and id has one, and either it
   * names a column ({@link #COLUMN_WORD_STARTS}, {@link #WHOLE_COLUMN_WORDS}: {@code HCPCS}, {@code
   * PROC_CD}, {@code Key}), or it is not of a code's length ({@code Item}, {@code Long
   * Description}), or, being five characters like a mistyped code ({@code ABCDE}), the rest of the
   * line is column names alone: each of its words names a column or is a number, such as a year
   * ({@code Short Descriptor}, {@code SHORT DESCRIPTOR 2025}). So a header may name its release
   * year, and a first row whose code is five letters is read as a row, with a row's error, even
   * when its descriptor holds a column word ({@code ABCDE<TAB>Made-up procedure}); a header never
   * fails unless it looks like that row.
   */
  private static boolean isHeader(String firstField, String rest) {
    String field = firstField.strip().toLowerCase(Locale.ROOT);
    if (hasDigit(field)) {
      return false;
    }
    if (namesColumn(field) || field.length() != CODE_LENGTH) {
      return true;
    }
    List<String> words =
        Arrays.stream(rest.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+", -1))
            .filter(word -> !word.isEmpty())
            .toList();
    return !words.isEmpty()
        && words.stream().allMatch(word -> namesColumn(word) || !hasLetter(word));
  }

  private static boolean namesColumn(String lowerCaseText) {
    // A word starting with one (PROC_CD, ConceptId, Descriptor), not holding one: "kidney" holds
    // "id", "thyroid" too, and a first row's five-letter code before such a descriptor is a row.
    return WHOLE_COLUMN_WORDS.contains(lowerCaseText)
        || COLUMN_WORD_STARTS.stream().anyMatch(lowerCaseText::startsWith);
  }

  private static boolean hasDigit(String text) {
    return text.chars().anyMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean hasLetter(String text) {
    return text.chars().anyMatch(Character::isLetter);
  }

  /** Collects rows, rejecting a code seen before with the line it was on. */
  private static final class Rows {
    private final Fields fields;
    private final Map<ProcedureCode, Row> rows = new LinkedHashMap<>();
    private boolean seenLine;

    Rows(String sourceName) {
      this.fields = new Fields(sourceName);
    }

    /** Returns whether this is the first non-blank line, the only one that may be a header. */
    boolean firstLine() {
      boolean first = !seenLine;
      seenLine = true;
      return first;
    }

    void add(long line, String codeField, int codeColumn, String descriptor, int column)
        throws DataLoadException {
      ProcedureCode code = fields.code(codeField, line, codeColumn);
      String text = fields.description(descriptor, line, column, "a descriptor");
      Row previous = rows.putIfAbsent(code, new Row(text, line));
      if (previous != null) {
        throw fields.duplicate(code, line, codeColumn, previous.line);
      }
    }

    /** Adds a row unless its code was seen before (a further clinician descriptor). */
    void addUnlessPresent(
        long line, String codeField, int codeColumn, String descriptor, int column)
        throws DataLoadException {
      ProcedureCode code = fields.code(codeField, line, codeColumn);
      String text = fields.description(descriptor, line, column, "a descriptor");
      rows.putIfAbsent(code, new Row(text, line));
    }

    Map<ProcedureCode, Row> done(String expectedRows) throws DataLoadException {
      if (rows.isEmpty()) {
        throw fields.noRows(expectedRows);
      }
      return rows;
    }
  }
}
