package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.cli.input.CsvRecordReader;
import io.github.cpt4j.code.CodeFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of a batch file: which column holds what. Names are matched ignoring case and
 * blanks around them; columns with other names are carried through to the output unchanged.
 */
public final class BatchHeader {

  /** The column every batch file must have. */
  static final String CODE = "code";

  /** The columns a batch file may have, besides {@link #CODE}. */
  static final List<String> OPTIONAL =
      List.of(
          "modifiers",
          "units",
          "minutes",
          "locality",
          "zip",
          "setting",
          "pos",
          "date",
          "claim",
          "practitioner",
          "qualifying_apm");

  /** The columns the output adds after the input's. */
  public static final List<String> ADDED = List.of("amount", "result", "explanation");

  private final List<String> names;
  private final Map<String, Integer> index;

  private BatchHeader(List<String> names, Map<String, Integer> index) {
    this.names = names;
    this.index = index;
  }

  /**
   * Reads the names of a batch file's header row, its first record, for {@code cpt price --input}
   * and {@code cpt scrub}: an empty input and a header that is not valid CSV are refused before any
   * output is opened.
   *
   * @throws IllegalArgumentException if the input is empty or its first record is malformed
   */
  static List<String> readNames(CsvRecordReader records) throws IOException {
    CsvRecordReader.Record first = records.next();
    if (first == null) {
      throw new IllegalArgumentException(
          "the input is empty; it needs a header row with at least a 'code' column");
    }
    if (first.problem().isPresent()) {
      throw new IllegalArgumentException(
          "line " + first.line() + ", the header: " + first.problem().get());
    }
    return first.fields();
  }

  /**
   * Reads a header row.
   *
   * @param names the header fields as read
   * @param uniqueNames whether every column needs a name of its own (JSON keys do)
   * @throws IllegalArgumentException if there is no {@code code} column, if a known column appears
   *     twice, or if a column has the name of one the output adds
   */
  public static BatchHeader of(List<String> names, boolean uniqueNames) {
    List<String> copy = List.copyOf(requireNonNull(names, "names"));
    Map<String, Integer> index = new HashMap<>();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < copy.size(); i++) {
      String key = key(copy.get(i));
      boolean known = key.equals(CODE) || OPTIONAL.contains(key);
      if (ADDED.contains(key)) {
        throw new IllegalArgumentException(
            "the input has a column named "
                + CodeFormatException.quote(copy.get(i))
                + ", which the output adds; rename it");
      }
      if ((known || uniqueNames) && seen.contains(key)) {
        throw new IllegalArgumentException(
            "the header names column "
                + CodeFormatException.quote(key.strip())
                + " twice (columns "
                + (seen.indexOf(key) + 1)
                + " and "
                + (i + 1)
                + ")");
      }
      seen.add(key);
      if (known) {
        index.put(key, i);
      }
    }
    if (!index.containsKey(CODE)) {
      throw new IllegalArgumentException(
          "the header has no 'code' column; it has "
              + (copy.isEmpty() ? "no columns" : names(copy)));
    }
    return new BatchHeader(copy, Map.copyOf(index));
  }

  /** The first few names, each quoted short: a header can be a megabyte of junk. */
  private static String names(List<String> names) {
    StringBuilder sb = new StringBuilder();
    int shown = Math.min(names.size(), 10);
    for (int i = 0; i < shown; i++) {
      sb.append(i == 0 ? "" : ", ").append(CodeFormatException.quote(names.get(i)));
    }
    if (names.size() > shown) {
      sb.append(" and ").append(names.size() - shown).append(" more");
    }
    return sb.toString();
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** Returns the header fields as read, in order. */
  public List<String> names() {
    return names;
  }

  /** Returns the number of columns. */
  public int size() {
    return names.size();
  }

  /** Returns the index of the known column {@code name}, or -1 if the file lacks it. */
  public int indexOf(String name) {
    return index.getOrDefault(name, -1);
  }
}
