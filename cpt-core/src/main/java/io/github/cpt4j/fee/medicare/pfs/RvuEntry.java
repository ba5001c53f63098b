package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.style.ValueStyle;
import java.math.BigDecimal;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One row of the Medicare relative value file: a code with no modifier (the global service) or with
 * {@code 26}, {@code TC} or {@code 53}; its relative value units (RVUs) for physician work,
 * practice expense in each setting and malpractice; the NA flags; and its {@link
 * PaymentIndicators}. RVUs have at most two decimals and are never negative; each keeps the scale
 * it was given, as the file writes it, and equality compares them as {@link BigDecimal#equals}
 * does, by value and scale ({@code 0.2} and {@code 0.20} make unequal rows). Compare RVUs with
 * {@link BigDecimal#compareTo} to ignore the scale.
 *
 * <p>An NA flag marks a setting where the service is rarely or never furnished; the practice
 * expense shown for it is then a copy of the other setting's, and CMS prices that setting at the
 * other setting's amount.
 *
 * <pre>{@code
 * RvuEntry pc = schedule.rvuEntry(ProcedureCode.parse("71046"),
 *     Optional.of(Modifier.PROFESSIONAL_COMPONENT)).orElseThrow();
 * pc.workRvu();                 // 0.22
 * pc.indicators().pcTc();       // DIAGNOSTIC_TEST
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class RvuEntry {

  /** {@return the code} */
  public abstract ProcedureCode code();

  /** {@return the modifier of the row: empty (global), {@code 26}, {@code TC} or {@code 53}} */
  public abstract Optional<Modifier> modifier();

  /** {@return the physician work RVUs} */
  public abstract BigDecimal workRvu();

  /** {@return the practice expense RVUs in the non-facility setting} */
  public abstract BigDecimal nonFacilityPeRvu();

  /** {@return the practice expense RVUs in the facility setting} */
  public abstract BigDecimal facilityPeRvu();

  /** {@return the malpractice (professional liability) RVUs} */
  public abstract BigDecimal malpracticeRvu();

  /**
   * Tells whether the non-facility setting is marked NA.
   *
   * @return true if the row's non-facility practice expense is NA
   */
  @Value.Default
  public boolean nonFacilityNa() {
    return false;
  }

  /**
   * Tells whether the facility setting is marked NA.
   *
   * @return true if the row's facility practice expense is NA
   */
  @Value.Default
  public boolean facilityNa() {
    return false;
  }

  /** {@return the payment policy indicators} */
  public abstract PaymentIndicators indicators();

  /**
   * {@return the non-facility practice expense RVUs used for the OPPS imaging cap (0 if none, and
   * always 0 on a 26 or 53 row)}
   */
  @Value.Default
  public BigDecimal oppsNonFacilityPeRvu() {
    return BigDecimal.ZERO;
  }

  /**
   * {@return the facility practice expense RVUs used for the OPPS imaging cap (0 if none, and
   * always 0 on a 26 or 53 row)}
   */
  @Value.Default
  public BigDecimal oppsFacilityPeRvu() {
    return BigDecimal.ZERO;
  }

  /**
   * {@return the malpractice RVUs used for the OPPS imaging cap (0 if none, and always 0 on a 26 or
   * 53 row)}
   */
  @Value.Default
  public BigDecimal oppsMalpracticeRvu() {
    return BigDecimal.ZERO;
  }

  /**
   * Tells whether CMS flags the RVUs as not used for Medicare payment (column NOT USED FOR MEDICARE
   * PAYMENT): values published for other payers' use.
   *
   * @return true if the file flags the row as not used for Medicare payment
   */
  @Value.Default
  public boolean notUsedForMedicarePayment() {
    return false;
  }

  /** {@return the status, {@code indicators().status()}} */
  public final PaymentStatus status() {
    return rowStatus();
  }

  /**
   * The status kept in the row itself: pricing reads it for every line, and reading it through
   * {@link #indicators()} cost one more dependent memory read per line.
   */
  @Value.Derived
  @Value.Auxiliary
  PaymentStatus rowStatus() {
    return indicators().status();
  }

  /**
   * {@return the practice expense RVUs of {@code setting}, as the file shows them}
   *
   * @param setting the facility or non-facility setting
   */
  public final BigDecimal peRvu(Setting setting) {
    // A null setting would read as non-facility: a wrong answer rather than an error.
    return requireNonNull(setting, "setting") == Setting.FACILITY
        ? facilityPeRvu()
        : nonFacilityPeRvu();
  }

  /**
   * Tells whether {@code setting} is marked NA. (A few contractor-priced rows mark both settings.)
   *
   * @param setting the facility or non-facility setting
   * @return true if the row marks {@code setting} NA
   */
  public final boolean isNotAvailable(Setting setting) {
    return requireNonNull(setting, "setting") == Setting.FACILITY ? facilityNa() : nonFacilityNa();
  }

  /**
   * {@return work + practice expense of {@code setting} + malpractice RVUs}
   *
   * @param setting the facility or non-facility setting
   */
  public final BigDecimal totalRvu(Setting setting) {
    return workRvu().add(peRvu(setting)).add(malpracticeRvu());
  }

  /**
   * Tells whether all RVUs are zero (such codes with status R are contractor-priced).
   *
   * @return true if the work, both practice expense and malpractice RVUs are all zero
   */
  public final boolean hasNoRvus() {
    return workRvu().signum() == 0
        && nonFacilityPeRvu().signum() == 0
        && facilityPeRvu().signum() == 0
        && malpracticeRvu().signum() == 0;
  }

  /** {@return the row as billed, such as {@code 71046-26} or {@code 99213}} */
  public final String row() {
    return rowModifier().row(code());
  }

  /** {@return the row modifier as one type: global, 26, TC or 53} */
  @Value.Derived
  @Value.Auxiliary
  public RowModifier rowModifier() {
    return RowModifier.ofRow(modifier());
  }

  /**
   * {@return the row and its indicators in one line, as explanations show it: {@code 29881 status A
   * (active code), PC/TC 0, global 090, MULT PROC 3 (endoscopic base 29870), BILAT SURG 1, ASST
   * SURG 1, CO-SURG 0, TEAM SURG 0}}
   */
  public final String describe() {
    PaymentIndicators i = indicators();
    StringBuilder sb =
        new StringBuilder(160)
            .append(row())
            .append(" status ")
            .append(i.status().code())
            .append(" (")
            .append(i.status().words())
            .append("), PC/TC ")
            .append(i.pcTc().code())
            .append(", global ")
            .append(i.globalPeriod().code())
            .append(", MULT PROC ")
            .append(i.multipleProcedure().code());
    i.endoscopicBase().ifPresent(base -> sb.append(" (endoscopic base ").append(base).append(')'));
    if (i.diagnosticImagingFamily() != 99) {
      sb.append(", imaging family ").append(i.diagnosticImagingFamily());
    }
    return sb.append(", BILAT SURG ")
        .append(i.bilateral().code())
        .append(", ASST SURG ")
        .append(i.assistantAtSurgery().code())
        .append(", CO-SURG ")
        .append(i.coSurgeons().code())
        .append(", TEAM SURG ")
        .append(i.teamSurgery().code())
        .toString();
  }

  /**
   * The detail of the schedule's refusal of this row for its status ("... status B: ..."), worked
   * out once per row: a row not priced from RVUs is refused on every line that bills it, and
   * building these words was a quarter of the time of pricing lines from the sample mix.
   */
  @Value.Lazy
  String statusRefusal() {
    PaymentStatus status = status();
    return status == PaymentStatus.C || status == PaymentStatus.R
        ? row() + " status " + status.code() + ": the contractor sets the amount"
        : row() + " status " + status.code() + ": " + status.words() + notUsedForPayment();
  }

  /**
   * G9037 and G9038 in 2025 D: status I with RVUs, which CMS's payment-amount files turn into
   * amounts; the relative value file says only the RVUs of status A, R and T are used for payment,
   * and its status is the one that decides (README, "Which source wins").
   */
  private String notUsedForPayment() {
    return notUsedForMedicarePayment()
        ? "; its RVUs are shown but not used for Medicare payment (only those of status A, R and T"
            + " are), whatever amount a payment file lists for it"
        : "";
  }

  /**
   * Whether any of the OPPS columns is not zero: the row may have an OPPS cap ({@link
   * OppsCap#fromRvus}). Kept in the row, as pricing asks for every line and reading the three
   * decimals cost three more memory reads a line for the 1 in 100 lines that have them.
   */
  @Value.Derived
  @Value.Auxiliary
  boolean hasOppsRvus() {
    return oppsNonFacilityPeRvu().signum() != 0
        || oppsFacilityPeRvu().signum() != 0
        || oppsMalpracticeRvu().signum() != 0;
  }

  // Fixed-point copies for the exact long arithmetic of FeeCalculation: hundredths of an RVU.
  @Value.Derived
  @Value.Auxiliary
  long workHundredths() {
    return Fixed.units(workRvu(), 2);
  }

  @Value.Derived
  @Value.Auxiliary
  long nonFacilityPeHundredths() {
    return Fixed.units(nonFacilityPeRvu(), 2);
  }

  @Value.Derived
  @Value.Auxiliary
  long facilityPeHundredths() {
    return Fixed.units(facilityPeRvu(), 2);
  }

  @Value.Derived
  @Value.Auxiliary
  long malpracticeHundredths() {
    return Fixed.units(malpracticeRvu(), 2);
  }

  // The OPPS columns in hundredths, for a cap computed from them without a BigDecimal on the
  // single-line path (FeeCalculation.oppsCapNanoDollars). Ints: an RVU is at most 99999.99, and
  // the three cost 12 bytes a row rather than 24. A zero, as in all but a few hundred rows of a
  // CMS file, is read without converting it: loading stays as cheap as before.
  @Value.Derived
  @Value.Auxiliary
  int oppsNonFacilityPeHundredths() {
    return hundredths(oppsNonFacilityPeRvu());
  }

  @Value.Derived
  @Value.Auxiliary
  int oppsFacilityPeHundredths() {
    return hundredths(oppsFacilityPeRvu());
  }

  @Value.Derived
  @Value.Auxiliary
  int oppsMalpracticeHundredths() {
    return hundredths(oppsMalpracticeRvu());
  }

  private static int hundredths(BigDecimal rvu) {
    if (rvu.signum() == 0) {
      return 0;
    }
    // Derived attributes are computed before check() runs: a value beyond an int of hundredths
    // (the check refuses it, as it refuses anything above 99999.99) must yield -1 as Fixed.units
    // does, not an ArithmeticException that the check's IllegalArgumentException never replaces.
    long units = Fixed.units(rvu, 2);
    return units > Integer.MAX_VALUE ? -1 : (int) units;
  }

  /**
   * Rejects values outside the ranges documented on the accessors.
   *
   * @throws IllegalArgumentException if the modifier is not a row's, an RVU is negative, above
   *     99999.99 or has more than two decimals, or a 26 or 53 row has OPPS imaging cap columns
   */
  @Value.Check
  protected void check() {
    RowModifier row = RowModifier.ofRow(modifier());
    checkRvu("workRvu", workRvu());
    checkRvu("nonFacilityPeRvu", nonFacilityPeRvu());
    checkRvu("facilityPeRvu", facilityPeRvu());
    checkRvu("malpracticeRvu", malpracticeRvu());
    checkRvu("oppsNonFacilityPeRvu", oppsNonFacilityPeRvu());
    checkRvu("oppsFacilityPeRvu", oppsFacilityPeRvu());
    checkRvu("oppsMalpracticeRvu", oppsMalpracticeRvu());
    // The OPPS imaging cap limits the technical component only (Social Security Act
    // §1848(b)(4)): CMS fills the OPPS columns of global and TC rows alone (none of the 1,127 26
    // rows and 4 53 rows of the 2025 file). Taken on a 26 row, they would cap the reading.
    if ((row == RowModifier.PROFESSIONAL_COMPONENT || row == RowModifier.DISCONTINUED)
        && hasOppsRvus()) {
      throw new IllegalArgumentException(
          row()
              + ": a "
              + modifier().get()
              + " row has no OPPS imaging cap columns (the cap limits the technical component"
              + " only), not "
              + oppsNonFacilityPeRvu()
              + ", "
              + oppsFacilityPeRvu()
              + " and "
              + oppsMalpracticeRvu());
    }
  }

  private void checkRvu(String name, BigDecimal rvu) {
    // Stripping zeros only beyond two decimals: it costs a division per value loaded.
    if (rvu.signum() < 0
        || rvu.scale() > 2 && rvu.stripTrailingZeros().scale() > 2
        || rvu.compareTo(MAX_RVU) > 0) {
      throw new IllegalArgumentException(
          row() + ": " + name + " must be 0 to 99999.99 with at most two decimals, not " + rvu);
    }
  }

  private static final BigDecimal MAX_RVU = new BigDecimal("99999.99");

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link RvuEntry} values. */
  public static final class Builder extends ImmutableRvuEntry.Builder {}
}
