package io.github.cpt4j.data.table;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.data.load.DataLoadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The column names of a CMS CSV file, composed from a header that may span several rows: the name
 * of a column is the non-blank fragments of the header rows in that column, top to bottom
 * ("NON-FAC" over "PE RVU" is "NON-FAC PE RVU"), normalized to upper case with single spaces and no
 * space after a hyphen ("CO-" over "SURG" is "CO-SURG").
 */
public final class Header {

  private final String sourceName;
  private final long line;
  private final List<String> names;

  private Header(String sourceName, long line, List<String> names) {
    this.sourceName = sourceName;
    this.line = line;
    this.names = names;
  }

  /** Composes the header of {@code rows} (top to bottom, the last being the main header row). */
  public static Header of(String sourceName, List<CsvRecord> rows) {
    CsvRecord last = rows.get(rows.size() - 1);
    List<String> names = new ArrayList<>(last.getFieldCount());
    for (int column = 0; column < last.getFieldCount(); column++) {
      StringBuilder name = new StringBuilder();
      for (CsvRecord row : rows) {
        if (column < row.getFieldCount() && !row.getField(column).isBlank()) {
          name.append(' ').append(row.getField(column));
        }
      }
      names.add(normalize(name.toString()));
    }
    return new Header(sourceName, last.getStartingLineNumber(), names);
  }

  /** Returns the names of the fields of a file without a header row, such as a fixed layout. */
  public static Header ofNames(String sourceName, List<String> names) {
    List<String> normalized = new ArrayList<>(names.size());
    for (String name : names) {
      normalized.add(normalize(name));
    }
    return new Header(sourceName, 0, normalized);
  }

  /** Normalizes a column name: upper case, single spaces, no space after a hyphen. */
  public static String normalize(String name) {
    // What name.trim().replaceAll("\\s+", " ") did, by hand: the regular expression was compiled
    // anew at every call, for every column of every table loaded (and every column looked up), a
    // few hundred times at the start of cpt price with the bundled tables. \s is one of these six.
    String trimmed = name.trim();
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

  /** Returns the number of columns. */
  public int size() {
    return names.size();
  }

  /** Returns the name of the 0-based column. */
  public String name(int column) {
    return names.get(column);
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
      throw new DataLoadException(
          sourceName,
          line,
          last + 1,
          "two columns are named \""
              + wanted
              + "\" (columns "
              + (first + 1)
              + " and "
              + (last + 1)
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
          throw new DataLoadException(
              sourceName,
              line,
              i + 1,
              "two columns are "
                  + description
                  + ": \""
                  + names.get(found)
                  + "\" and \""
                  + names.get(i)
                  + "\"");
        }
        found = i;
      }
    }
    return found;
  }

  /**
   * Returns the 0-based index of the column named {@code name}.
   *
   * @throws DataLoadException naming the column and listing the header's names if missing
   */
  public int require(String name) throws DataLoadException {
    int index = find(name);
    if (index < 0) {
      throw missing("\"" + normalize(name) + "\"");
    }
    return index;
  }

  /** Returns the error for a missing column, listing the names the header has. */
  public DataLoadException missing(String what) {
    return new DataLoadException(
        sourceName,
        line,
        0,
        "missing column " + what + " (renamed or removed?); the header has " + shown(names));
  }

  /** The most names listed in an error. */
  private static final int MAX_SHOWN = 40;

  /** The first names, each quoted short: a header can be a megabyte of junk in one cell. */
  static String shown(List<String> names) {
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
