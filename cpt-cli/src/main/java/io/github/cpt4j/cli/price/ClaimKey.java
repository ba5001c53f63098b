package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.text.WhiteSpace;

/**
 * The key a batch row's claim cell groups it by: the cell without the white space around it ({@link
 * WhiteSpace}, no-break spaces included) and without the invisible format characters a spreadsheet
 * or a paste may leave at its ends (a zero-width space, a byte order mark). {@code A} and {@code A}
 * followed by either are one claim, on the command line and in the Spark job's grouping: two keys
 * would split a claim, and a bilateral pair across them would be paid as two sides alone.
 */
public final class ClaimKey {

  private ClaimKey() {}

  /** Returns the key of the claim cell {@code cell}; empty when the cell names no claim. */
  public static String of(String cell) {
    requireNonNull(cell, "cell");
    int start = 0;
    int end = cell.length();
    while (start < end && isIgnored(cell.charAt(start))) {
      start++;
    }
    while (end > start && isIgnored(cell.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == cell.length() ? cell : cell.substring(start, end);
  }

  private static boolean isIgnored(char c) {
    return WhiteSpace.isSpace(c) || Character.getType(c) == Character.FORMAT;
  }
}
