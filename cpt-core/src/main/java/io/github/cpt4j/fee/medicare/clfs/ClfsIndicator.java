package io.github.cpt4j.fee.medicare.clfs;

import io.github.cpt4j.code.CodeFormatException;

/**
 * The {@code INDICATOR} column of CMS's CLFS file: whether a test has a national payment rate (42
 * CFR 414.507; the constant's name keeps the older term, national limit) or is priced locally by
 * the Medicare Administrative Contractor (new codes not yet priced nationally, which the file lists
 * with a rate of 0).
 */
public enum ClfsIndicator {
  /**
   * {@code N}: the rate is the national payment rate (42 CFR 414.507; Pub. 100-04, ch. 16, §20).
   */
  NATIONAL_LIMIT('N'),
  /** {@code L}: priced locally by the contractor; the file's rate (0) is not an amount. */
  LOCAL('L');

  private final char code;

  ClfsIndicator(char code) {
    this.code = code;
  }

  /** {@return the indicator's letter in the file} */
  public char code() {
    return code;
  }

  /**
   * Returns the indicator of letter {@code code}.
   *
   * @param code the indicator's letter in the fee schedule file
   * @return the indicator
   * @throws IllegalArgumentException if it is neither N nor L
   */
  public static ClfsIndicator of(char code) {
    return switch (code) {
      case 'N' -> NATIONAL_LIMIT;
      case 'L' -> LOCAL;
      default ->
          throw new IllegalArgumentException(
              "a CLFS indicator is N (national limit) or L (local), not "
                  + CodeFormatException.quote(String.valueOf(code)));
    };
  }
}
