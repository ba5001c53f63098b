package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.code.CodeFormatException;

/** The bilateral surgery payment rule of a code (column BILAT SURG, modifier 50 or RT and LT). */
public enum BilateralRule {
  /** 0: no 150% adjustment: both sides together are paid at most 100% of one fee. */
  NO_ADJUSTMENT('0'),
  /** 1: both sides are paid 150% of the fee for one side. */
  PAY_150_PERCENT('1'),
  /** 2: the RVUs already cover both sides: both sides are paid 100% of the fee. */
  ALREADY_BILATERAL('2'),
  /** 3: each side is paid 100% of the fee (radiology and other diagnostic tests). */
  PAY_EACH_SIDE('3'),
  /** 9: the concept does not apply. */
  NOT_APPLICABLE('9');

  private final char code;

  BilateralRule(char code) {
    this.code = code;
  }

  /**
   * Returns the rule of the one-digit code.
   *
   * @param code the file's one-digit BILAT SURG code
   * @return the rule
   * @throws IllegalArgumentException if {@code code} is not 0-3 or 9
   */
  public static BilateralRule of(char code) {
    for (BilateralRule rule : values()) {
      if (rule.code == code) {
        return rule;
      }
    }
    throw new IllegalArgumentException(
        "not a bilateral surgery indicator: " + CodeFormatException.quote(String.valueOf(code)));
  }

  /** {@return the one-digit code} */
  public char code() {
    return code;
  }
}
