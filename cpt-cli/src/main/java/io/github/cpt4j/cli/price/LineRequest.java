package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.time.LocalDate;

/**
 * One line to price and the context to price it in, every default applied and every ZIP code and
 * place of service already resolved to a locality and a setting.
 *
 * @param line the code, modifiers and units
 * @param locality the payment locality
 * @param setting facility or non-facility
 * @param date the date of service
 */
public record LineRequest(ClaimLine line, Locality locality, Setting setting, LocalDate date) {

  /** Checks that nothing is missing. */
  public LineRequest {
    requireNonNull(line, "line");
    requireNonNull(locality, "locality");
    requireNonNull(setting, "setting");
    requireNonNull(date, "date");
  }

  /** Tells whether {@code other} is priced in the same context: locality, setting and date. */
  public boolean sameContext(LineRequest other) {
    return locality.equals(other.locality) && setting == other.setting && date.equals(other.date);
  }
}
