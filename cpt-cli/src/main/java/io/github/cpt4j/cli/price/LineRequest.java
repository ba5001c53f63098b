package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line to price and the context to price it in, every default applied and every ZIP code and
 * place of service already resolved to a locality and a setting.
 *
 * @param line the code, modifiers and units
 * @param locality the payment locality
 * @param setting facility or non-facility
 * @param date the date of service
 * @param beneficiaryZip the five-digit ZIP code where the patient lives, if known: the DMEPOS fee
 *     schedule prices by it
 */
public record LineRequest(
    ClaimLine line,
    Locality locality,
    Setting setting,
    LocalDate date,
    Optional<String> beneficiaryZip) {

  /** Checks that nothing is missing. */
  public LineRequest {
    requireNonNull(line, "line");
    requireNonNull(locality, "locality");
    requireNonNull(setting, "setting");
    requireNonNull(date, "date");
    requireNonNull(beneficiaryZip, "beneficiaryZip");
  }

  /** A line without the beneficiary's ZIP code. */
  public LineRequest(ClaimLine line, Locality locality, Setting setting, LocalDate date) {
    this(line, locality, setting, date, Optional.empty());
  }

  /**
   * Tells whether {@code other} may be on one claim with this line: the same locality, setting and
   * beneficiary's ZIP code. The dates may differ: each line of a claim carries its own date of
   * service, and the claim pricer applies its same-day rules per date.
   */
  public boolean sameContext(LineRequest other) {
    return locality.equals(other.locality)
        && setting == other.setting
        && beneficiaryZip.equals(other.beneficiaryZip);
  }
}
