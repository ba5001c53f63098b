package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.code.CodeFormatException;

/**
 * Whether two surgeons (column CO-SURG, modifier 62) or a team of surgeons (column TEAM SURG,
 * modifier 66) may be paid for a code.
 */
public enum SurgeonsPermission {
  /** 0: not permitted for this procedure. */
  NOT_PERMITTED('0'),
  /** 1: may be paid with documentation of medical necessity. */
  WITH_DOCUMENTATION('1'),
  /** 2: permitted (for co-surgeons, when the two-specialty requirement is met). */
  PERMITTED('2'),
  /** 9: the concept does not apply. */
  NOT_APPLICABLE('9');

  private final char code;

  SurgeonsPermission(char code) {
    this.code = code;
  }

  /**
   * Returns the value of the one-digit code.
   *
   * @param code the file's one-digit code (CO SURG or TEAM SURG)
   * @return the value
   * @throws IllegalArgumentException if {@code code} is not 0-2 or 9
   */
  public static SurgeonsPermission of(char code) {
    for (SurgeonsPermission value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "not a co-surgeon or team surgery indicator: "
            + CodeFormatException.quote(String.valueOf(code)));
  }

  /** {@return the one-digit code} */
  public char code() {
    return code;
  }
}
