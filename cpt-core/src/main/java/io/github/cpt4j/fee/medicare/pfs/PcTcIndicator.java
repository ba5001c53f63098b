package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.code.CodeFormatException;

/**
 * How a code splits into a professional component (modifier 26, the physician's interpretation) and
 * a technical component (modifier TC, staff and equipment): column PCTC IND of the relative value
 * file.
 */
public enum PcTcIndicator {
  /** 0: a physician service (visit, surgery); 26 and TC not allowed. */
  PHYSICIAN_SERVICE('0'),
  /** 1: a diagnostic test with global, 26 and TC rows; both modifiers allowed. */
  DIAGNOSTIC_TEST('1'),
  /** 2: a stand-alone professional-component code; 26 and TC not allowed. */
  PROFESSIONAL_COMPONENT_ONLY('2'),
  /** 3: a stand-alone technical-component code; 26 and TC not allowed. */
  TECHNICAL_COMPONENT_ONLY('3'),
  /** 4: a stand-alone global test whose components have their own codes; 26 and TC not allowed. */
  GLOBAL_TEST_ONLY('4'),
  /** 5: services incident to a physician's service; 26 and TC not allowed. */
  INCIDENT_TO('5'),
  /** 6: laboratory physician interpretation; only the 26 row exists, TC not allowed. */
  LABORATORY_PHYSICIAN_INTERPRETATION('6'),
  /** 7: physical therapy service with payment restrictions in hospitals. */
  PHYSICAL_THERAPY('7'),
  /** 8: physician interpretation of an abnormal smear for a hospital inpatient. */
  PHYSICIAN_INTERPRETATION('8'),
  /** 9: the concept does not apply. */
  NOT_APPLICABLE('9');

  private final char code;

  PcTcIndicator(char code) {
    this.code = code;
  }

  /**
   * Returns the indicator of the one-digit code.
   *
   * @param code the file's one-digit PCTC IND code
   * @return the indicator
   * @throws IllegalArgumentException if {@code code} is not 0-9
   */
  public static PcTcIndicator of(char code) {
    if (code < '0' || code > '9') {
      throw new IllegalArgumentException(
          "not a PC/TC indicator: " + CodeFormatException.quote(String.valueOf(code)));
    }
    return values()[code - '0'];
  }

  /** {@return the one-digit code} */
  public char code() {
    return code;
  }

  /**
   * Tells whether modifier 26 may be billed with the code (indicators 1 and 6).
   *
   * @return true for indicators 1 and 6
   */
  public boolean allowsProfessionalComponent() {
    return this == DIAGNOSTIC_TEST || this == LABORATORY_PHYSICIAN_INTERPRETATION;
  }

  /**
   * Tells whether modifier TC may be billed with the code (indicator 1).
   *
   * @return true for indicator 1
   */
  public boolean allowsTechnicalComponent() {
    return this == DIAGNOSTIC_TEST;
  }
}
