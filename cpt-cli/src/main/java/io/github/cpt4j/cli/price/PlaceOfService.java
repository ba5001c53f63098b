package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

/**
 * A CMS place-of-service code, two digits such as {@code 11} (office) or {@code 22} (outpatient
 * hospital). The fee schedule decides which payment setting it means.
 *
 * @param code the two digits, {@code 01} to {@code 99}
 */
public record PlaceOfService(String code) implements SettingChoice {

  /** Checks the shape. */
  public PlaceOfService {
    requireNonNull(code, "code");
    if (!isCode(code)) {
      throw new IllegalArgumentException("not a place-of-service code: " + code);
    }
  }

  /**
   * Parses a place-of-service code: one or two digits, {@code 1} to {@code 99}; a single digit
   * gets its leading zero.
   *
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public static PlaceOfService parse(String text) {
    requireNonNull(text, "text");
    String s = text.strip();
    if (s.length() == 1) {
      s = "0" + s;
    }
    if (!isCode(s)) {
      throw new IllegalArgumentException("'" + text + "' is not a place-of-service code: "
          + "expected two digits from 01 to 99, such as 11 for an office");
    }
    return new PlaceOfService(s);
  }

  private static boolean isCode(String s) {
    return s.length() == 2 && isDigit(s.charAt(0)) && isDigit(s.charAt(1)) && !s.equals("00");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Returns the two digits. */
  @Override
  public String toString() {
    return code;
  }
}
