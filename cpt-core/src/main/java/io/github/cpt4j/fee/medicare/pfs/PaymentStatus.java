package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.code.CodeFormatException;

/**
 * The status code of a code in the Medicare Physician Fee Schedule (column STATUS CODE of the
 * relative value file): whether the code is in the fee schedule and whether it is paid separately.
 * Only {@link #A}, {@link #R} and {@link #T} are priced from RVUs.
 */
public enum PaymentStatus {
  /** Active: paid separately under the fee schedule, if covered. */
  A,
  /** Bundled: payment is always included in another service; any RVUs shown are not used. */
  B,
  /** Contractor-priced: the Medicare contractor sets the amount case by case. */
  C,
  /** Deleted code. */
  D,
  /** Excluded from the fee schedule by regulation; paid, if at all, under other rules. */
  E,
  /** Deleted or discontinued code, without a grace period. */
  F,
  /** Not valid for Medicare: another code is used (with a grace period). */
  G,
  /** Deleted modifier: the 26 or TC component of this code no longer exists. */
  H,
  /** Not valid for Medicare: another code is used (no grace period). */
  I,
  /** Anesthesia service: paid from base and time units with the anesthesia conversion factor. */
  J,
  /** Measurement code: reported for quality programs, not paid. */
  M,
  /** Non-covered service. */
  N,
  /** Bundled or excluded: no RVUs and no separate payment. */
  P,
  /** Restricted coverage: special coverage instructions; contractor-priced when it has no RVUs. */
  R,
  /**
   * Injection and similar services paid only when no other fee-schedule service is paid that day.
   */
  T,
  /** Statutory exclusion: not a physician service (clinical laboratory, ambulance...). */
  X;

  /**
   * Returns the status of the one-letter code.
   *
   * @param code the file's one-letter STATUS CODE
   * @return the status
   * @throws IllegalArgumentException if {@code code} is not one of the letters above
   */
  public static PaymentStatus of(char code) {
    if (code >= 'A' && code <= 'X') {
      for (PaymentStatus status : values()) {
        if (status.name().charAt(0) == code) {
          return status;
        }
      }
    }
    throw new IllegalArgumentException(
        "not a fee schedule status code: " + CodeFormatException.quote(String.valueOf(code)));
  }

  /** {@return the one-letter code} */
  public char code() {
    return name().charAt(0);
  }

  /**
   * Tells whether CMS prices the code from its RVUs: statuses A, R and T.
   *
   * @return true for A, R and T
   */
  public boolean isPricedFromRvus() {
    return this == A || this == R || this == T;
  }

  /**
   * Tells whether the Physician Fee Schedule pays an amount for a code of this status: A, R and T
   * from RVUs, C as the contractor prices it, J from anesthesia base and time units. The others
   * (bundled, excluded, deleted, not covered...) are paid nothing under it.
   *
   * @return true for A, C, J, R and T
   */
  public boolean isPaid() {
    return isPricedFromRvus() || this == C || this == J;
  }

  /** {@return a few words saying what the status means, for explanations} */
  public String words() {
    switch (this) {
      case A:
        return "active";
      case B:
        return "bundled into other services";
      case C:
        return "contractor-priced";
      case D:
        return "deleted";
      case E:
        return "excluded by regulation";
      case F:
        return "deleted, no grace period";
      case G:
        return "not valid for Medicare, another code is used";
      case H:
        return "deleted component";
      case I:
        return "not valid for Medicare";
      case J:
        return "anesthesia, priced by base and time units";
      case M:
        return "measurement code, not paid";
      case N:
        return "non-covered";
      case P:
        return "bundled or excluded";
      case R:
        return "restricted coverage";
      case T:
        return "paid only when no other fee-schedule service is paid that day";
      default:
        return "statutory exclusion";
    }
  }
}
