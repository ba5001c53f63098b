package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The context options of {@code cpt price}, which apply to every line that does not say
 * otherwise: the location ({@code --zip} or {@code --locality}), the setting ({@code --setting}
 * or {@code --pos}) and the date of service ({@code --date}).
 *
 * @param location where services were performed, if given
 * @param setting the setting or place of service; non-facility unless given
 * @param date the date of service
 */
public record PricingDefaults(Optional<Location> location, SettingChoice setting,
    LocalDate date) {

  /** Checks that nothing is null. */
  public PricingDefaults {
    requireNonNull(location, "location");
    requireNonNull(setting, "setting");
    requireNonNull(date, "date");
  }
}
