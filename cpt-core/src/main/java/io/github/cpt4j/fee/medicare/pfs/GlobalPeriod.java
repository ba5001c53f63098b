package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import java.util.OptionalInt;

/**
 * The global surgery period of a code (column GLOB DAYS): which related care before and after the
 * procedure its payment already includes.
 */
public enum GlobalPeriod {
  /** 000: the day of the procedure only (endoscopies, minor procedures). */
  DAYS_0("000"),
  /** 010: the day of the procedure and 10 days after. */
  DAYS_10("010"),
  /** 090: the day before, the day of the procedure and 90 days after (major surgery). */
  DAYS_90("090"),
  /** MMM: maternity codes; the usual global concept does not apply. */
  MATERNITY("MMM"),
  /** XXX: the global concept does not apply (visits, tests). */
  NOT_APPLICABLE("XXX"),
  /** YYY: the contractor decides whether a global period applies and how long it is. */
  CONTRACTOR_DETERMINED("YYY"),
  /** ZZZ: an add-on code, always inside the global period of its primary procedure. */
  ADD_ON("ZZZ");

  private final String code;

  GlobalPeriod(String code) {
    this.code = code;
  }

  /**
   * Returns the period of the three-character code, such as {@code "090"} or {@code "ZZZ"}.
   *
   * @param code the file's GLOB DAYS value, such as {@code 090}
   * @return the period
   * @throws IllegalArgumentException if {@code code} is none of them
   */
  public static GlobalPeriod of(String code) {
    requireNonNull(code, "code");
    for (GlobalPeriod period : values()) {
      if (period.code.equals(code)) {
        return period;
      }
    }
    throw new IllegalArgumentException(
        "not a global surgery period: " + CodeFormatException.quote(code));
  }

  /** {@return the three-character code} */
  public String code() {
    return code;
  }

  /** {@return the postoperative days (0, 10 or 90) for the numeric periods} */
  public OptionalInt postoperativeDays() {
    switch (this) {
      case DAYS_0:
        return OptionalInt.of(0);
      case DAYS_10:
        return OptionalInt.of(10);
      case DAYS_90:
        return OptionalInt.of(90);
      default:
        return OptionalInt.empty();
    }
  }
}
