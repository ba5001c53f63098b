package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.text.WhiteSpace;

/**
 * A five-digit US ZIP code, which CMS's ZIP file maps to a payment locality.
 *
 * @param digits the five digits, such as {@code 10001}
 */
public record ZipCode(String digits) {

  /** Checks the shape. */
  public ZipCode {
    requireNonNull(digits, "digits");
    if (digits.length() != 5 || !allDigits(digits)) {
      throw new IllegalArgumentException("not a five-digit ZIP code: " + digits);
    }
  }

  /**
   * Parses a ZIP code: five digits, or ZIP+4 ({@code 10001-2345} or nine digits), of which the
   * first five count; blanks around the text are ignored.
   *
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public static ZipCode parse(String text) {
    requireNonNull(text, "text");
    String s = WhiteSpace.strip(text);
    String five;
    if (s.length() == 5 || s.length() == 9) {
      five = s.substring(0, 5);
      if (!allDigits(s)) {
        five = null;
      }
    } else if (s.length() == 10
        && s.charAt(5) == '-'
        && allDigits(s.substring(0, 5))
        && allDigits(s.substring(6))) {
      five = s.substring(0, 5);
    } else {
      five = null;
    }
    if (five == null) {
      throw new IllegalArgumentException(
          CodeFormatException.quote(text)
              + " is not a ZIP code: expected five "
              + "digits, such as 10001, or ZIP+4, such as 10001-2345");
    }
    return new ZipCode(five);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Returns the five digits. */
  @Override
  public String toString() {
    return digits;
  }
}
