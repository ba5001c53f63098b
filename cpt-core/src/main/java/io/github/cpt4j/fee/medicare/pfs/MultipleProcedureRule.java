package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.code.CodeFormatException;

/**
 * The multiple-procedure payment rule of a code (column MULT PROC, modifier 51): how its amount is
 * reduced when other procedures are billed on the same day.
 */
public enum MultipleProcedureRule {
  /** 0: no reduction; each procedure at the lower of its charge and its fee. */
  NONE('0'),
  /** 1: the rule before 1996: ranked by fee, 100%, 50%, 25%, 25%, 25%, then by report. */
  STANDARD_100_50_25('1'),
  /** 2: the standard rule: ranked by fee, 100% for the highest, 50% for each other. */
  STANDARD_100_50('2'),
  /** 3: endoscopies of one family (same endoscopic base code) are priced together first. */
  ENDOSCOPY_FAMILY('3'),
  /** 4: diagnostic imaging: TC of the second and later 50% off, PC 5% off, same session. */
  DIAGNOSTIC_IMAGING('4'),
  /** 5: therapy: 50% of the practice expense for the second and later units and services. */
  THERAPY('5'),
  /** 6: diagnostic cardiovascular: TC of the second and later 25% off. */
  DIAGNOSTIC_CARDIOVASCULAR('6'),
  /** 7: diagnostic ophthalmology: TC of the second and later 20% off. */
  DIAGNOSTIC_OPHTHALMOLOGY('7'),
  /** 9: the concept does not apply. */
  NOT_APPLICABLE('9');

  private final char code;

  MultipleProcedureRule(char code) {
    this.code = code;
  }

  /**
   * Returns the rule of the one-digit code.
   *
   * @param code the file's one-digit MULT PROC code
   * @return the rule
   * @throws IllegalArgumentException if {@code code} is not 0-7 or 9
   */
  public static MultipleProcedureRule of(char code) {
    for (MultipleProcedureRule rule : values()) {
      if (rule.code == code) {
        return rule;
      }
    }
    throw new IllegalArgumentException(
        "not a multiple procedure indicator: " + CodeFormatException.quote(String.valueOf(code)));
  }

  /** {@return the one-digit code} */
  public char code() {
    return code;
  }
}
