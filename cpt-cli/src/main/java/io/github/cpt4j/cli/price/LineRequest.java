package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import java.time.LocalDate;

/**
 * One line to price and the context to price it in, every default already applied.
 *
 * @param line the code, modifiers and units
 * @param location where the service was performed
 * @param setting the payment setting or the place of service
 * @param date the date of service
 */
public record LineRequest(ClaimLine line, Location location, SettingChoice setting,
    LocalDate date) {

  /** Checks that nothing is missing. */
  public LineRequest {
    requireNonNull(line, "line");
    requireNonNull(location, "location");
    requireNonNull(setting, "setting");
    requireNonNull(date, "date");
  }

  /** Tells whether {@code other} is priced in the same context: place, setting and date. */
  public boolean sameContext(LineRequest other) {
    return location.equals(other.location) && setting.equals(other.setting)
        && date.equals(other.date);
  }
}
