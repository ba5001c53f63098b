package io.github.cpt4j.data.table;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.data.csv.FieldLine;
import io.github.cpt4j.data.load.DataLoadException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The column names of a CSV file's header, as the CMS and NCCI loaders and the flat fee schedule
 * CSV ({@code FlatFeeScheduleCsv}) read them, composed from a header that may span several rows:
 * the name of a column is the non-blank fragments of the header rows in that column, top to bottom
 * ("NON-FAC" over "PE RVU" is "NON-FAC PE RVU"), normalized to upper case with single spaces and no
 * space after a hyphen ("CO-" over "SURG" is "CO-SURG").
 */
public final class Header {

  private final String sourceName;
  private final long line;
  private final List<String> names;

  /**
   * The rows the names are composed from, top to bottom: one row for most files, several for the
   * relative value file (five in CMS's) and the NCCI PTP file, none for a fixed layout.
   */
  private final List<Row> rows;

  /**
   * A header row: the line it starts on, its cells, and the line each cell is on (below the row's
   * first after a quoted cell over several lines).
   */
  private static final class Row {
    private final long start;
    private final List<String> cells;
    private final long[] lines;

    Row(long start, List<String> cells, long[] lines) {
      this.start = start;
      this.cells = cells;
      this.lines = lines;
    }

    /** Tells whether the row has a non-blank cell in {@code column}: a piece of its name. */
    boolean names(int column) {
      return column < cells.size() && !cells.get(column).isBlank();
    }

    /** The cell of {@code column}. */
    String cell(int column) {
      return cells.get(column);
    }

    /** The line the cell of {@code column} is on. */
    long line(int column) {
      return lines[column];
    }
  }

  private Header(String sourceName, long line, List<String> names, List<Row> rows) {
    this.sourceName = sourceName;
    this.line = line;
    this.names = names;
    this.rows = rows;
  }

  /** Composes the header of {@code rows} (top to bottom, the last being the main header row). */
  public static Header of(String sourceName, List<CsvRecord> rows) {
    List<Row> read = new ArrayList<>(rows.size());
    for (CsvRecord row : rows) {
      read.add(new Row(row.getStartingLineNumber(), row.getFields(), FieldLine.ofEach(row)));
    }
    return of(sourceName, read, rows.get(rows.size() - 1).getFieldCount());
  }

  /**
   * Composes the header of {@code rows} of text, top to bottom, the last being the main header row,
   * each on the line of {@code lines} at its index: for a file whose rows are each one line, such
   * as the NCCI PTP file's tab-separated text, read without a CSV parser.
   */
  public static Header ofLines(String sourceName, List<List<String>> rows, List<Long> lines) {
    if (rows.isEmpty() || rows.size() != lines.size()) {
      throw new IllegalArgumentException(
          rows.size()
              + " header rows and "
              + lines.size()
              + " lines: expected as many, at least 1");
    }
    List<Row> read = new ArrayList<>(rows.size());
    // As wide as the widest row: the last row of a wrapped header may stop before the last name.
    int width = 0;
    for (int r = 0; r < rows.size(); r++) {
      long[] cellLines = new long[rows.get(r).size()];
      Arrays.fill(cellLines, lines.get(r));
      read.add(new Row(lines.get(r), List.copyOf(rows.get(r)), cellLines));
      width = Math.max(width, rows.get(r).size());
    }
    return of(sourceName, read, width);
  }

  /** Composes the header of {@code rows}, of {@code width} columns. */
  private static Header of(String sourceName, List<Row> rows, int width) {
    Row last = rows.get(rows.size() - 1);
    List<String> names = new ArrayList<>(width);
    for (int column = 0; column < width; column++) {
      StringBuilder name = new StringBuilder();
      for (Row row : rows) {
        if (row.names(column)) {
          name.append(' ').append(row.cell(column));
        }
      }
      names.add(normalize(name.toString()));
    }
    return new Header(sourceName, last.start, names, List.copyOf(rows));
  }

  /** {@code name} with each Unicode space beyond ASCII as a blank; itself when it has none. */
  private static String unicodeSpacesAsBlanks(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c > '~' && Character.isSpaceChar(c)) {
        char[] chars = name.toCharArray();
        for (int j = i; j < chars.length; j++) {
          if (chars[j] > '~' && Character.isSpaceChar(chars[j])) {
            chars[j] = ' ';
          }
        }
        return new String(chars);
      }
    }
    return name;
  }

  /**
   * Returns this header without the unnamed columns after its last named one: for a table people
   * write, whose header ends in a comma when a spreadsheet exports an empty last column, and whose
   * rows may then leave that field out. Its rows are then {@linkplain Cells#at short} only of a
   * named column, and a value under the columns left out is {@linkplain
   * Cells#refuseFieldsBeyondHeader beyond the header}, as the code set CSV reads such a header.
   * CMS's headers are read whole: the unnamed last column of the ASP file's is one of its fields,
   * which every row has.
   */
  public Header withoutUnnamedEnd() {
    int named = names.size();
    while (named > 0 && names.get(named - 1).isEmpty()) {
      named--;
    }
    return named == names.size()
        ? this
        : new Header(sourceName, line, List.copyOf(names.subList(0, named)), rows);
  }

  /** Returns the names of the fields of a file without a header row, such as a fixed layout. */
  public static Header ofNames(String sourceName, List<String> names) {
    List<String> normalized = new ArrayList<>(names.size());
    for (String name : names) {
      normalized.add(normalize(name));
    }
    return new Header(sourceName, 0, normalized, List.of());
  }

  /**
   * Normalizes a column name: upper case, single spaces, no space after a hyphen. A no-break or
   * other Unicode space (a spreadsheet writes U+00A0 into a header it was typed into) is a space.
   */
  public static String normalize(String name) {
    // What name.trim().replaceAll("\\s+", " ") did, by hand: the regular expression was compiled
    // anew at every call, for every column of every table loaded (and every column looked up), a
    // few hundred times at the start of cpt price with the bundled tables.
    String trimmed = unicodeSpacesAsBlanks(name).trim();
    StringBuilder single = new StringBuilder(trimmed.length());
    boolean inSpace = false;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        inSpace = true;
        continue;
      }
      if (inSpace) {
        single.append(' ');
        inSpace = false;
      }
      single.append(c);
    }
    return single.toString().replace("- ", "-").toUpperCase(Locale.ROOT);
  }

  /** Returns the line of the main header row. */
  public long line() {
    return line;
  }

  /**
   * Returns the line the name of the 0-based {@code column} starts on: that of its top piece in a
   * header of several rows, and in a header row with a quoted cell over several lines before it,
   * the line its cell is on. The {@linkplain #line() main header row's line} when no row names it.
   */
  public long line(int column) {
    List<Long> lines = linesOf(column);
    return lines.isEmpty() ? line : lines.get(0);
  }

  /** Returns the number of columns. */
  public int size() {
    return names.size();
  }

  /** Returns the name of the 0-based column. */
  public String name(int column) {
    return names.get(column);
  }

  /**
   * Returns the 0-based {@code column} as a message names it: its name, or, when the header leaves
   * it unnamed, {@code its unnamed column 12} (CMS's ASP header ends in a comma, so that its 12th
   * column has no name, and a row cut short there would end "before" nothing).
   */
  public String describe(int column) {
    String name = names.get(column);
    return name.isEmpty() ? "its unnamed column " + (column + 1) : name;
  }

  /**
   * Returns the 0-based index of the column named {@code name}, or -1.
   *
   * @throws DataLoadException if two columns have that name: taking the first would read a column
   *     inserted before the real one as if it were it
   */
  public int find(String name) throws DataLoadException {
    String wanted = normalize(name);
    int first = names.indexOf(wanted);
    int last = first < 0 ? -1 : names.lastIndexOf(wanted);
    if (last != first) {
      throw twice(
          last,
          "two columns are named \""
              + wanted
              + "\" ("
              + where(first, last)
              + "): which one holds the values is not known");
    }
    return first;
  }

  /** Returns the index of the only column whose name passes {@code test}, or -1 if none. */
  public int find(Predicate<String> test, String description) throws DataLoadException {
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (test.test(names.get(i))) {
        if (found >= 0) {
          throw repeated(found, i, description);
        }
        found = i;
      }
    }
    return found;
  }

  /**
   * Returns the error for two columns, the 0-based {@code first} and {@code second}, that are both
   * {@code description} (such as {@code "NY (NR)"}), at the second one's line and column, naming
   * both: taking either would read the other's values unseen.
   */
  public DataLoadException repeated(int first, int second, String description) {
    return twice(
        second,
        "two columns are "
            + description
            + ": \""
            + names.get(first)
            + "\" and \""
            + names.get(second)
            + "\" ("
            + where(first, second)
            + ")");
  }

  /**
   * The error for two columns that answer to one name, at the second one's line and column. In a
   * header of several rows the line is that of the top piece of the second column's name, where the
   * repeated name starts, not the header's last row: the cell to fix may be rows above it.
   */
  private DataLoadException twice(int second, String problem) {
    return new DataLoadException(sourceName, line(second), second + 1, problem);
  }

  /**
   * Where two columns are, for the error: {@code columns 7 and 9} in a header of one line, with the
   * lines of each name's pieces when the names are pieced together from several lines.
   */
  private String where(int first, int second) {
    List<Long> firstLines = linesOf(first);
    List<Long> secondLines = linesOf(second);
    if (firstLines.size() <= 1
        && secondLines.size() <= 1
        && firstLines.equals(secondLines)
        && rows.size() <= 1) {
      return "columns " + (first + 1) + " and " + (second + 1);
    }
    return "column "
        + (first + 1)
        + ", "
        + lineList(firstLines)
        + ", and column "
        + (second + 1)
        + ", "
        + lineList(secondLines);
  }

  /** {@code line 9}, {@code lines 8 and 9}, {@code lines 6, 8 and 9}. */
  private static String lineList(List<Long> lines) {
    if (lines.isEmpty()) {
      return "no line";
    }
    StringBuilder text = new StringBuilder(lines.size() == 1 ? "line " : "lines ");
    for (int i = 0; i < lines.size(); i++) {
      text.append(i == 0 ? "" : i == lines.size() - 1 ? " and " : ", ").append(lines.get(i));
    }
    return text.toString();
  }

  /**
   * The lines that hold a piece of the name of {@code column}, top to bottom: one per header row
   * with a non-blank cell there, each the line the cell starts on (a quoted cell before it may span
   * lines, as the first header cell of CMS's MUE files does). Empty for a fixed layout.
   */
  private List<Long> linesOf(int column) {
    List<Long> lines = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (row.names(column)) {
        lines.add(row.line(column));
      }
    }
    return lines;
  }

  /**
   * Returns the 0-based index of the column named {@code name}.
   *
   * @throws DataLoadException naming the column and listing the header's names if missing
   */
  public int require(String name) throws DataLoadException {
    int index = find(name);
    if (index < 0) {
      String wanted = normalize(name);
      throw missing("\"" + wanted + "\"", renamedAt(wanted));
    }
    return index;
  }

  /**
   * Returns the error for a missing column, listing the names the header has. A header of several
   * rows is reported at its first row, and the message gives the lines of all of them: the name of
   * a column is pieced together from those rows, and any of them may hold the renamed piece.
   */
  public DataLoadException missing(String what) {
    return missing(what, 0);
  }

  /**
   * The error for a missing column; {@code at} is the line of the header row that looks renamed, or
   * 0 when none does.
   */
  private DataLoadException missing(String what, long at) {
    if (rows.size() <= 1) {
      return new DataLoadException(
          sourceName,
          line,
          0,
          "missing column "
              + what
              + " (renamed or removed?); the header has "
              + shown(names)
              + tabsHint());
    }
    long first = rows.get(0).start;
    return new DataLoadException(
        sourceName,
        at > 0 ? at : first,
        0,
        "missing column "
            + what
            + " (renamed or removed?); the header, on lines "
            + first
            + "-"
            + line
            + ", has "
            + shown(names));
  }

  /**
   * The end of a missing column's error for a header of one field holding tabs, a spreadsheet's
   * tab-delimited export read as CSV: the names it shows, tabs as blanks ('CODE MODIFIER AMOUNT'),
   * would read as if the column were there. Empty for any other header.
   */
  private String tabsHint() {
    if (rows.size() != 1) {
      return "";
    }
    List<String> cells = rows.get(0).cells;
    int named = 0;
    boolean tabs = false;
    for (String cell : cells) {
      if (!cell.isBlank()) {
        named++;
        tabs |= cell.strip().indexOf('\t') >= 0;
      }
    }
    return named == 1 && tabs
        ? ", one field holding tabs: expected columns separated by commas (a spreadsheet's"
            + " tab-delimited text export? save the file as CSV)"
        : "";
  }

  /**
   * Finds, in a header of several rows, the row that looks like it holds the renamed piece of the
   * column named {@code wanted}: the row of a piece of a column whose other pieces are the
   * beginning and end of {@code wanted} ("WORKS" over "RVU" for {@code WORK RVU}), so that the
   * error names that row rather than the header's last. Returns its line, or 0 when no row, or more
   * than one, looks so: the error then names the header's first row. The column is not named: a
   * column that is not the renamed one can look so too ("MP" over "RVU").
   */
  private long renamedAt(String wanted) {
    if (rows.size() <= 1) {
      return 0;
    }
    long found = 0;
    for (int column = 0; column < names.size(); column++) {
      List<Row> pieces = new ArrayList<>(rows.size());
      for (Row row : rows) {
        if (row.names(column)) {
          pieces.add(row);
        }
      }
      for (int i = 0; pieces.size() > 1 && i < pieces.size(); i++) {
        String before = joined(pieces.subList(0, i), column);
        String after = joined(pieces.subList(i + 1, pieces.size()), column);
        if (surrounds(wanted, before, after)) {
          long at = pieces.get(i).line(column);
          if (found != 0 && found != at) {
            return 0;
          }
          found = at;
        }
      }
    }
    return found;
  }

  /** The name the pieces of {@code column} in {@code pieces} make, as {@link #of} composes it. */
  private static String joined(List<Row> pieces, int column) {
    StringBuilder name = new StringBuilder();
    for (Row row : pieces) {
      name.append(' ').append(row.cell(column));
    }
    return normalize(name.toString());
  }

  /**
   * Tells whether {@code wanted} is {@code before}, then another word or more, then {@code after},
   * each part whole (separated by a space, or following a hyphen as in {@code CO-SURG}).
   */
  private static boolean surrounds(String wanted, String before, String after) {
    int start = before.length();
    int end = wanted.length() - after.length();
    if (end <= start || !wanted.startsWith(before) || !wanted.endsWith(after)) {
      return false;
    }
    boolean whole = start == 0 || wanted.charAt(start) == ' ' || wanted.charAt(start - 1) == '-';
    whole &= after.isEmpty() || wanted.charAt(end - 1) == ' ' || wanted.charAt(end - 1) == '-';
    return whole && !wanted.substring(start, end).isBlank();
  }

  /** The most names listed in an error. */
  private static final int MAX_SHOWN = 40;

  /**
   * Returns the first names, each quoted short, for an error listing a header's names: a header can
   * be a megabyte of junk in one cell.
   */
  public static String shown(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(names.size(), MAX_SHOWN); i++) {
      text.append(i == 0 ? "" : ", ").append(CodeFormatException.quote(names.get(i)));
    }
    if (names.size() > MAX_SHOWN) {
      text.append(" and ").append(names.size() - MAX_SHOWN).append(" more");
    }
    return names.isEmpty() ? "no names" : text.toString();
  }
}
