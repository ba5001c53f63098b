package io.github.cpt4j.fee;

/**
 * Where a service is furnished, as fee schedules price it: in a facility (a hospital, an ambulatory
 * surgical center, a skilled nursing facility...) or anywhere else (an office, a home).
 *
 * <p>Medicare pays less in the facility setting for most services, because the facility is paid
 * separately for its staff and equipment; the practice expense RVUs differ by setting.
 */
public enum Setting {
  /** Hospitals, ambulatory surgical centers, skilled nursing facilities and similar places. */
  FACILITY,
  /** Offices and every other place; the default for a physician's own practice. */
  NON_FACILITY;

  /** {@return the other setting: {@code FACILITY} for {@code NON_FACILITY} and vice versa} */
  public Setting other() {
    return this == FACILITY ? NON_FACILITY : FACILITY;
  }

  /** {@return the lower-case words, {@code "facility"} or {@code "non-facility"}, for messages} */
  public String words() {
    return this == FACILITY ? "facility" : "non-facility";
  }
}
