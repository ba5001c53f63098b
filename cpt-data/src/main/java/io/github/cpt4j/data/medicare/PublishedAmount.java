package io.github.cpt4j.data.medicare;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of CMS's published payment-amount file ({@code PFALL<yy>.txt} or a revision {@code
 * PFREV<yy><r>.txt}): the amounts CMS itself computed for a code and modifier in one locality. The
 * oracle a fee schedule implementation is checked against. Immutable.
 */
public final class PublishedAmount {

  private final int year;
  private final Locality locality;
  private final ProcedureCode code;
  private final Optional<Modifier> modifier;
  private final BigDecimal nonFacilityAmount;
  private final BigDecimal facilityAmount;
  private final char pcTc;
  private final PaymentStatus status;
  private final char multipleProcedure;
  private final char oppsIndicator;
  private final BigDecimal oppsNonFacilityAmount;
  private final BigDecimal oppsFacilityAmount;

  PublishedAmount(
      int year,
      Locality locality,
      ProcedureCode code,
      Optional<Modifier> modifier,
      BigDecimal nonFacilityAmount,
      BigDecimal facilityAmount,
      char pcTc,
      PaymentStatus status,
      char multipleProcedure,
      char oppsIndicator,
      BigDecimal oppsNonFacilityAmount,
      BigDecimal oppsFacilityAmount) {
    this.year = year;
    this.locality = locality;
    this.code = code;
    this.modifier = modifier;
    this.nonFacilityAmount = nonFacilityAmount;
    this.facilityAmount = facilityAmount;
    this.pcTc = pcTc;
    this.status = status;
    this.multipleProcedure = multipleProcedure;
    this.oppsIndicator = oppsIndicator;
    this.oppsNonFacilityAmount = oppsNonFacilityAmount;
    this.oppsFacilityAmount = oppsFacilityAmount;
  }

  /** {@return the calendar year of the amounts} */
  public int year() {
    return year;
  }

  /** {@return the locality} */
  public Locality locality() {
    return locality;
  }

  /** {@return the code} */
  public ProcedureCode code() {
    return code;
  }

  /** {@return the modifier of the row (blank for the global service), if any} */
  public Optional<Modifier> modifier() {
    return modifier;
  }

  /** {@return the non-facility amount, after the OPPS cap where it applies} */
  public BigDecimal nonFacilityAmount() {
    return nonFacilityAmount;
  }

  /** {@return the facility amount, after the OPPS cap where it applies} */
  public BigDecimal facilityAmount() {
    return facilityAmount;
  }

  /**
   * {@return the amount of {@code setting}}
   *
   * @param setting facility or non-facility
   */
  public BigDecimal amount(Setting setting) {
    // A null setting would read as non-facility: a wrong answer rather than an error.
    return requireNonNull(setting, "setting") == Setting.FACILITY
        ? facilityAmount
        : nonFacilityAmount;
  }

  /** {@return the PC/TC indicator digit} */
  public char pcTc() {
    return pcTc;
  }

  /** {@return the status} */
  public PaymentStatus status() {
    return status;
  }

  /** {@return the multiple surgery indicator digit} */
  public char multipleProcedure() {
    return multipleProcedure;
  }

  /** {@return the OPPS indicator: 1 when subject to the OPPS cap determination, else 9} */
  public char oppsIndicator() {
    return oppsIndicator;
  }

  /** {@return the OPPS non-facility amount (zero when none)} */
  public BigDecimal oppsNonFacilityAmount() {
    return oppsNonFacilityAmount;
  }

  /** {@return the OPPS facility amount (zero when none)} */
  public BigDecimal oppsFacilityAmount() {
    return oppsFacilityAmount;
  }

  /** {@return the row as billed, such as {@code 76145} or {@code 71046-26}} */
  public String row() {
    return modifier.map(m -> code + "-" + m).orElseGet(code::toString);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof PublishedAmount)) {
      return false;
    }
    PublishedAmount that = (PublishedAmount) other;
    return year == that.year
        && locality.equals(that.locality)
        && code.equals(that.code)
        && modifier.equals(that.modifier)
        && nonFacilityAmount.equals(that.nonFacilityAmount)
        && facilityAmount.equals(that.facilityAmount)
        && pcTc == that.pcTc
        && status == that.status
        && multipleProcedure == that.multipleProcedure
        && oppsIndicator == that.oppsIndicator
        && oppsNonFacilityAmount.equals(that.oppsNonFacilityAmount)
        && oppsFacilityAmount.equals(that.oppsFacilityAmount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(year, locality, code, modifier, nonFacilityAmount, facilityAmount);
  }

  /** Returns {@code 2025 01112-05 76145 non-facility 1339.81 facility 1339.81}. */
  @Override
  public String toString() {
    return year
        + " "
        + locality
        + " "
        + row()
        + " non-facility "
        + nonFacilityAmount
        + " facility "
        + facilityAmount;
  }
}
