package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/** The two Medicare payment settings, named as on the command line. */
public enum Setting implements SettingChoice {
  /** Hospitals, ambulatory surgical centres, skilled nursing facilities and the like. */
  FACILITY,
  /** Offices and every other setting: the default. */
  NON_FACILITY;

  /**
   * Parses {@code facility} or {@code non-facility}, in any case, ignoring blanks around it.
   *
   * @throws IllegalArgumentException with a message naming both choices
   */
  public static Setting parse(String text) {
    requireNonNull(text, "text");
    String s = text.strip();
    for (Setting setting : values()) {
      if (setting.toString().equalsIgnoreCase(s)) {
        return setting;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a setting: expected facility or non-facility");
  }

  /** Returns {@code facility} or {@code non-facility}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
