package io.github.cpt4j.fee.medicare.dmepos;

import io.github.cpt4j.code.CodeFormatException;

/**
 * Which Medicare contractor processes claims for a DMEPOS item, the {@code JURIS} column of CMS's
 * DMEPOS file.
 */
public enum DmeposJurisdiction {
  /** {@code D}: the DME Medicare Administrative Contractor. */
  DME_MAC('D'),
  /** {@code J}: the DME MAC or the local Part B contractor, depending on who furnished it. */
  JOINT('J'),
  /** {@code L}: the local Part B contractor. */
  LOCAL_PART_B('L');

  private final char code;

  DmeposJurisdiction(char code) {
    this.code = code;
  }

  /** {@return the jurisdiction's letter in the file} */
  public char code() {
    return code;
  }

  /**
   * Returns the jurisdiction of letter {@code code}.
   *
   * @param code the jurisdiction's letter in the fee schedule file
   * @return the jurisdiction
   * @throws IllegalArgumentException if it is not D, J or L
   */
  public static DmeposJurisdiction of(char code) {
    return switch (code) {
      case 'D' -> DME_MAC;
      case 'J' -> JOINT;
      case 'L' -> LOCAL_PART_B;
      default ->
          throw new IllegalArgumentException(
              "a DMEPOS jurisdiction is D, J or L, not "
                  + CodeFormatException.quote(String.valueOf(code)));
    };
  }
}
