package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.code.CodeFormatException;

/**
 * Whether an assistant at surgery is paid for a code (column ASST SURG, modifiers 80, 81, 82 and
 * AS).
 */
public enum AssistantAtSurgery {
  /** 0: paid only when documentation establishes medical necessity. */
  WITH_DOCUMENTATION('0'),
  /** 1: never paid (statutory restriction). */
  NEVER_PAID('1'),
  /** 2: may be paid. */
  PAYABLE('2'),
  /** 9: the concept does not apply. */
  NOT_APPLICABLE('9');

  private final char code;

  AssistantAtSurgery(char code) {
    this.code = code;
  }

  /**
   * Returns the value of the one-digit code.
   *
   * @param code the file's one-digit ASST SURG code
   * @return the value
   * @throws IllegalArgumentException if {@code code} is not 0-2 or 9
   */
  public static AssistantAtSurgery of(char code) {
    for (AssistantAtSurgery value : values()) {
      if (value.code == code) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "not an assistant at surgery indicator: "
            + CodeFormatException.quote(String.valueOf(code)));
  }

  /** {@return the one-digit code} */
  public char code() {
    return code;
  }
}
