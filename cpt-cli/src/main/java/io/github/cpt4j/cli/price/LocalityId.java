package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

/**
 * A Medicare payment locality written {@code MAC-LOC}: the five-digit Medicare Administrative
 * Contractor number and the two-digit locality number within it, as in CMS's GPCI file. For
 * example {@code 13282-99} is "Rest of New York" and {@code 01112-54} is Bakersfield.
 *
 * @param mac the five-digit contractor number, such as {@code 13282}
 * @param number the two-digit locality number, such as {@code 99}
 */
public record LocalityId(String mac, String number) implements Location {

  /** Checks the shapes of both parts. */
  public LocalityId {
    requireNonNull(mac, "mac");
    requireNonNull(number, "number");
    if (!digits(mac, 5) || !digits(number, 2)) {
      throw new IllegalArgumentException("not a MAC-LOC pair: " + mac + "-" + number);
    }
  }

  /**
   * Parses {@code MAC-LOC}, such as {@code 13282-99}; a one-digit locality number gets its
   * leading zero ({@code 10112-0} is {@code 10112-00}), and blanks around the text are ignored.
   *
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public static LocalityId parse(String text) {
    requireNonNull(text, "text");
    String s = text.strip();
    int dash = s.indexOf('-');
    if (dash != 5 || !digits(s.substring(0, 5), 5)) {
      throw new IllegalArgumentException("'" + text + "' is not a locality: expected the "
          + "five-digit MAC, a hyphen and the locality number, such as 13282-99");
    }
    String number = s.substring(6);
    if (number.length() == 1) {
      number = "0" + number;
    }
    if (!digits(number, 2)) {
      throw new IllegalArgumentException("'" + text + "' is not a locality: the locality "
          + "number after the hyphen has one or two digits, such as 13282-99");
    }
    return new LocalityId(s.substring(0, 5), number);
  }

  private static boolean digits(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code MAC-LOC}, such as {@code 13282-99}. */
  @Override
  public String toString() {
    return mac + "-" + number;
  }
}
