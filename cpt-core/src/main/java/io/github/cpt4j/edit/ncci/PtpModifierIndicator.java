package io.github.cpt4j.edit.ncci;

import io.github.cpt4j.code.CodeFormatException;

/**
 * The modifier indicator of a procedure-to-procedure edit: whether an NCCI-associated modifier on
 * either line of the pair lets both codes be paid.
 *
 * <p>The values are those of the PTP file header ({@code Modifier 0=not allowed 1=allowed 9=not
 * applicable}) and of the NCCI Policy Manual for Medicare Services, Chapter I, Section E (Modifiers
 * and Modifier Indicators).
 */
public enum PtpModifierIndicator {
  /** {@code 0}: no modifier bypasses the edit; the column 2 code is never paid with column 1. */
  NOT_ALLOWED('0'),
  /**
   * {@code 1}: an NCCI-associated modifier ({@link NcciModifiers}) on either line bypasses the edit
   * when the services were distinct.
   */
  ALLOWED('1'),
  /**
   * {@code 9}: not applicable. CMS gives it only to edits deleted on the date they took effect
   * (withdrawn, deleted retroactively), so the edit never applies; {@link PtpEdit} refuses it on an
   * edit of other dates.
   */
  NOT_APPLICABLE('9');

  private final char digit;

  PtpModifierIndicator(char digit) {
    this.digit = digit;
  }

  /** {@return the digit of the file, {@code '0'}, {@code '1'} or {@code '9'}} */
  public char digit() {
    return digit;
  }

  /**
   * Returns the indicator written {@code digit} in the PTP file.
   *
   * @param digit the indicator's digit in the PTP file, {@code 0}, {@code 1} or {@code 9}
   * @return the indicator
   * @throws IllegalArgumentException if {@code digit} is not 0, 1 or 9
   */
  public static PtpModifierIndicator of(char digit) {
    return switch (digit) {
      case '0' -> NOT_ALLOWED;
      case '1' -> ALLOWED;
      case '9' -> NOT_APPLICABLE;
      default ->
          throw new IllegalArgumentException(
              "a PTP modifier indicator is 0, 1 or 9, not "
                  + CodeFormatException.quote(String.valueOf(digit)));
    };
  }
}
