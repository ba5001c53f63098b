package io.github.cpt4j.fee.medicare.dmepos;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;

/**
 * The payment category of a DMEPOS item, the {@code CATG} column of CMS's DMEPOS file: it decides
 * how the item is paid (bought, rented, capped rental...), Pub. 100-04, ch. 20, §30.
 */
public enum DmeposCategory {
  /** {@code IN}: inexpensive or routinely purchased items, bought or rented. */
  INEXPENSIVE_OR_ROUTINELY_PURCHASED("IN"),
  /** {@code FS}: items requiring frequent and substantial servicing, rented month by month. */
  FREQUENTLY_SERVICED("FS"),
  /** {@code CR}: capped rental items, rented for at most 13 months. */
  CAPPED_RENTAL("CR"),
  /** {@code OX}: oxygen and oxygen equipment, paid monthly. */
  OXYGEN("OX"),
  /** {@code OS}: ostomy, tracheostomy and urological supplies. */
  OSTOMY_TRACHEOSTOMY_UROLOGICAL("OS"),
  /** {@code SU}: supplies used with durable medical equipment. */
  SUPPLIES("SU"),
  /** {@code SD}: surgical dressings. */
  SURGICAL_DRESSINGS("SD"),
  /** {@code PO}: prosthetics and orthotics. */
  PROSTHETICS_AND_ORTHOTICS("PO"),
  /** {@code SC}: splints and casts. */
  SPLINTS_AND_CASTS("SC"),
  /** {@code TS}: therapeutic shoes for people with diabetes. */
  THERAPEUTIC_SHOES("TS"),
  /** {@code TE}: transcutaneous electrical nerve stimulators. */
  TENS("TE"),
  /** {@code LC}: lymphedema compression treatment items. */
  LYMPHEDEMA_COMPRESSION("LC"),
  /** {@code IL}: intraocular lenses. */
  INTRAOCULAR_LENSES("IL");

  private final String code;

  DmeposCategory(String code) {
    this.code = code;
  }

  /** {@return the category's two letters in the file} */
  public String code() {
    return code;
  }

  /**
   * Returns the category of the two letters {@code code}.
   *
   * @param code the category's two letters in the fee schedule file, such as {@code IN}
   * @return the category
   * @throws IllegalArgumentException if no category has them
   */
  public static DmeposCategory of(String code) {
    requireNonNull(code, "code");
    for (DmeposCategory category : values()) {
      if (category.code.equals(code)) {
        return category;
      }
    }
    throw new IllegalArgumentException(
        "not a DMEPOS payment category: " + CodeFormatException.quote(code));
  }
}
