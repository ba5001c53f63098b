package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.text.WhiteSpace;

/** Reads a {@link Setting} as the command line writes it. */
public final class Settings {

  private Settings() {}

  /**
   * Parses {@code facility} or {@code non-facility} (also {@code nonfacility}), in any case,
   * ignoring blanks around it.
   *
   * @throws IllegalArgumentException with a message naming both choices
   */
  public static Setting parse(String text) {
    requireNonNull(text, "text");
    String s = WhiteSpace.strip(text);
    for (Setting setting : Setting.values()) {
      if (setting.words().equalsIgnoreCase(s)
          || setting.words().replace("-", "").equalsIgnoreCase(s)) {
        return setting;
      }
    }
    throw new IllegalArgumentException(
        CodeFormatException.quote(text) + " is not a setting: expected facility or non-facility");
  }
}
