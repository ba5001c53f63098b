package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.style.ValueStyle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The OPPS imaging cap of one imaging service (code, global or TC row) in one locality: the Deficit
 * Reduction Act of 2005 limits the technical part of imaging to what the hospital outpatient system
 * pays. CMS publishes the capped amounts per locality (the OPPSCAP file); the fee schedule pays the
 * lower of its own amount and this one. For contractor-priced codes the figure is the ceiling of
 * the contractor's price.
 */
@ValueStyle
@Value.Immutable
public abstract class OppsCap {

  /** {@return the code} */
  public abstract ProcedureCode code();

  /** {@return the row's modifier: empty for the global service, or {@code TC}} */
  public abstract Optional<Modifier> modifier();

  /** {@return the locality} */
  public abstract Locality locality();

  /** {@return the code's status as the cap file gives it} */
  public abstract PaymentStatus status();

  /** {@return the capped amount in the facility setting, in dollars and cents} */
  public abstract BigDecimal facilityAmount();

  /** {@return the capped amount in the non-facility setting, in dollars and cents} */
  public abstract BigDecimal nonFacilityAmount();

  /**
   * {@return the capped amount of {@code setting}}
   *
   * @param setting the facility or non-facility setting
   */
  public final BigDecimal amount(Setting setting) {
    // A null setting would read as non-facility: a wrong answer rather than an error.
    return requireNonNull(setting, "setting") == Setting.FACILITY
        ? facilityAmount()
        : nonFacilityAmount();
  }

  /** {@return the row as billed, such as {@code 70450-TC}} */
  public final String row() {
    return rowModifier().row(code());
  }

  /** {@return the row modifier as one type: global or TC} */
  @Value.Derived
  @Value.Auxiliary
  public RowModifier rowModifier() {
    return RowModifier.ofRow(modifier());
  }

  // Fixed-point copies for the long arithmetic of FeeCalculation: cents. Derived once here, so
  // that a capped line does not convert the BigDecimal amount every time it is priced.
  @Value.Derived
  @Value.Auxiliary
  long facilityCents() {
    return Fixed.units(facilityAmount(), 2);
  }

  @Value.Derived
  @Value.Auxiliary
  long nonFacilityCents() {
    return Fixed.units(nonFacilityAmount(), 2);
  }

  /** The capped amount of {@code setting} in cents. */
  final long cents(Setting setting) {
    return setting == Setting.FACILITY ? facilityCents() : nonFacilityCents();
  }

  /**
   * Rejects values outside the ranges documented on the accessors.
   *
   * @throws IllegalArgumentException if the modifier is other than TC (a 26 or 53 row), or an
   *     amount is negative or has fractions of a cent
   */
  @Value.Check
  protected void check() {
    // The cap limits the technical component of imaging, alone or as the technical part of a
    // global fee, never the professional one (Social Security Act §1848(b)(4), added by section
    // 5102(b) of the Deficit Reduction Act of 2005); CMS's cap files hold blank and TC rows only.
    // A 26 row taken here would cap the reading wherever its code is priced.
    RowModifier row = RowModifier.ofRow(modifier());
    if (row != RowModifier.GLOBAL && row != RowModifier.TECHNICAL_COMPONENT) {
      throw new IllegalArgumentException(
          row.row(code())
              + " in "
              + locality()
              + ": an OPPS imaging cap is of a global or TC row, not "
              + modifier().get()
              + ": the cap limits the technical component only");
    }
    checkAmount("facilityAmount", facilityAmount());
    checkAmount("nonFacilityAmount", nonFacilityAmount());
  }

  private void checkAmount(String name, BigDecimal amount) {
    // Stripping zeros only beyond two decimals: it costs a division per value loaded.
    if (amount.signum() < 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException(
          row()
              + " in "
              + locality()
              + ": "
              + name
              + " must be dollars and cents, not negative, not "
              + amount);
    }
  }

  /**
   * Computes the cap of {@code entry} in {@code gpci}'s locality from the RVU file's own OPPS
   * columns, as RVU25D's record layout gives the formula: (work RVU x work GPCI + OPPS PE RVU x PE
   * GPCI + OPPS MP RVU x MP GPCI) x conversion factor, rounded half-up to cents like the OPPSCAP
   * file's figures. Only for payable (status A) rows with a non-zero OPPS column: CMS's OPPSCAP
   * figures for contractor-priced rows are not this formula, so those rows get no computed cap.
   *
   * <p>Example: 70496 in Rest of New York (13282-99), 2025: non-facility 246.77 where the fee
   * schedule amount is 260.58.
   *
   * @param entry the row of the RVU file
   * @param gpci the geographic practice cost indices of the locality
   * @param conversionFactor the conversion factor of the date of service
   * @return the cap, or empty when the row has none
   */
  public static Optional<OppsCap> fromRvus(
      RvuEntry entry, Gpci gpci, ConversionFactor conversionFactor) {
    requireNonNull(entry, "entry");
    requireNonNull(gpci, "gpci");
    requireNonNull(conversionFactor, "conversionFactor");
    if (entry.status() != PaymentStatus.A || !entry.hasOppsRvus()) {
      return Optional.empty();
    }
    return Optional.of(
        builder()
            .code(entry.code())
            .modifier(entry.modifier())
            .locality(gpci.locality())
            .status(entry.status())
            .facilityAmount(capped(entry, entry.oppsFacilityPeRvu(), gpci, conversionFactor))
            .nonFacilityAmount(capped(entry, entry.oppsNonFacilityPeRvu(), gpci, conversionFactor))
            .build());
  }

  private static BigDecimal capped(
      RvuEntry entry, BigDecimal pe, Gpci gpci, ConversionFactor conversionFactor) {
    return entry
        .workRvu()
        .multiply(gpci.work())
        .add(pe.multiply(gpci.practiceExpense()))
        .add(entry.oppsMalpracticeRvu().multiply(gpci.malpractice()))
        .multiply(conversionFactor.amount())
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link OppsCap} values. */
  public static final class Builder extends ImmutableOppsCap.Builder {}
}
