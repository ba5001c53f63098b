package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The Medicare fee schedule amount of one unit of one RVU row in one locality, setting and
 * conversion factor, computed exactly:
 *
 * <pre>
 * amount = (work RVU x work GPCI + PE RVU x PE GPCI + MP RVU x MP GPCI) x CF
 * </pre>
 *
 * <p>with the practice expense (PE) of the setting — or of the other setting when the row marks
 * this one NA, as CMS's payment files price it — and then the lower of that and the OPPS imaging
 * cap when the row has one in the locality.
 *
 * <h2>Arithmetic and rounding</h2>
 *
 * RVUs have two decimals, GPCIs three and the conversion factor four, so the formula is exact in
 * {@code long}: each RVU x GPCI product in units of 10^-5, their sum, times the conversion factor
 * in units of 10^-9 dollars. {@link #exactAmount()} is that exact value; {@link #amount()} rounds
 * it once, half-up to cents: the fee schedule amount CMS posts for the code in its payment files
 * (RVU file documentation, the formula; the payment-file layout gives every amount in dollars and
 * cents). Medicare pays from the posted amount: units and every percentage adjustment multiply it
 * (Medicare Claims Processing Manual, chapter 12, section 20.4: each adjustment is a percentage of
 * the fee schedule amount), and the adjusted amount is rounded once more, half-up to cents. The
 * explanation ends with that posted amount (rule id {@code posted-fee}).
 *
 * <p>A priced {@link LineEvaluation}: the schedule's answer for a line it prices. Immutable. Built
 * by {@link MedicareFeeSchedule#evaluate} or, from its inputs, by {@link #of}.
 */
public final class FeeCalculation implements LineEvaluation {

  private static final int SCALE = 9;

  /** 10^7: from cents (10^-2) to units of 10^-9. */
  private static final long CENTS_TO_NANOS = 10_000_000L;

  private final RvuEntry rvu;
  private final Gpci gpci;
  private final ConversionFactor conversionFactor;
  private final Setting setting;
  private final Setting pricedSetting;

  /**
   * The cap the calculation was given; unused when {@link #capFromRowColumns}. Final, like the
   * flag, so that a calculation shared between threads never shows another cap than it applied.
   */
  private final Optional<OppsCap> givenCap;

  /**
   * Whether the cap is the row's own OPPS columns' ({@link #cappedByRowColumns}): its object is
   * made each time it is read, from the immutable inputs, rather than kept in a field every
   * calculation would carry (it is read only for an explanation).
   */
  private final boolean capFromRowColumns;

  private final long uncapped;
  private final long exact;

  FeeCalculation(
      RvuEntry rvu,
      Gpci gpci,
      ConversionFactor conversionFactor,
      Setting setting,
      Optional<OppsCap> oppsCap) {
    this(
        rvu,
        gpci,
        conversionFactor,
        setting,
        oppsCap,
        false,
        oppsCap.isPresent() ? oppsCap.get().cents(setting) * CENTS_TO_NANOS : -1);
  }

  /**
   * A calculation capped at {@code capNanoDollarsOrNegative} (-1: none) whose cap object is {@code
   * givenCap}, or, when {@code capFromRowColumns}, made from the row's OPPS columns when read.
   */
  @SuppressWarnings("TooManyParameters") // the inputs of the formula, and where the cap came from
  private FeeCalculation(
      RvuEntry rvu,
      Gpci gpci,
      ConversionFactor conversionFactor,
      Setting setting,
      Optional<OppsCap> givenCap,
      boolean capFromRowColumns,
      long capNanoDollarsOrNegative) {
    this.givenCap = givenCap;
    this.capFromRowColumns = capFromRowColumns;
    this.rvu = rvu;
    this.gpci = gpci;
    this.conversionFactor = conversionFactor;
    this.setting = setting;
    this.pricedSetting = pricedSetting(rvu, setting);
    this.uncapped = uncappedNanoDollars(rvu, gpci, conversionFactor, pricedSetting);
    this.exact = cappedNanoDollars(uncapped, capNanoDollarsOrNegative);
  }

  /**
   * The calculation of a row whose OPPS cap, if any, comes from its own OPPS columns ({@link
   * OppsCap#fromRvus}), as for a row the schedule's cap table lacks: the cap is computed in exact
   * long arithmetic, and its {@link OppsCap} is made only when {@link #oppsCap()} or the
   * explanation reads it, so that pricing such a line in a claim allocates nothing for the cap
   * (issue 18; the single-line path does the same without a calculation object).
   */
  static FeeCalculation cappedByRowColumns(
      RvuEntry rvu, Gpci gpci, ConversionFactor conversionFactor, Setting setting) {
    return new FeeCalculation(
        rvu,
        gpci,
        conversionFactor,
        setting,
        Optional.empty(),
        true,
        oppsCapNanoDollars(rvu, gpci, conversionFactor, setting));
  }

  // The arithmetic, in one place for this class and the single-line path of LineEvaluator, which
  // prices without building a calculation (see LineEvaluator#postedNanoDollars).

  /** The setting whose PE prices the row: the other one when {@code setting} is NA. */
  static Setting pricedSetting(RvuEntry rvu, Setting setting) {
    // NA: priced at the other setting, unless that is NA as well (only contractor-priced rows).
    return rvu.isNotAvailable(setting) && !rvu.isNotAvailable(setting.other())
        ? setting.other()
        : setting;
  }

  /** The formula in units of 10^-9 dollars: exact, no rounding. */
  static long uncappedNanoDollars(
      RvuEntry rvu, Gpci gpci, ConversionFactor conversionFactor, Setting pricedSetting) {
    long cf = conversionFactor.tenThousandths();
    long pe =
        pricedSetting == Setting.FACILITY
            ? rvu.facilityPeHundredths()
            : rvu.nonFacilityPeHundredths();
    return formula(rvu.workHundredths(), pe, rvu.malpracticeHundredths(), gpci, cf);
  }

  /** The lower of the formula and the cap of {@code setting} (null: none). */
  static long cappedNanoDollars(long uncapped, OppsCap capOrNull, Setting setting) {
    return capOrNull == null
        ? uncapped
        : Math.min(uncapped, capOrNull.cents(setting) * CENTS_TO_NANOS);
  }

  /**
   * The OPPS cap of {@code setting} that {@link OppsCap#fromRvus} computes from the row's own OPPS
   * columns, in 10^-9 dollars (whole cents), or -1 when the row has none: the same formula and
   * rounding in exact long arithmetic, so that a line whose cap is not in a cap table allocates
   * nothing for it (issue 18).
   */
  static long oppsCapNanoDollars(
      RvuEntry rvu, Gpci gpci, ConversionFactor conversionFactor, Setting setting) {
    if (rvu.status() != PaymentStatus.A || !rvu.hasOppsRvus()) {
      return -1;
    }
    long cf = conversionFactor.tenThousandths();
    long pe =
        setting == Setting.FACILITY
            ? rvu.oppsFacilityPeHundredths()
            : rvu.oppsNonFacilityPeHundredths();
    return postedNanoDollars(
        formula(rvu.workHundredths(), pe, rvu.oppsMalpracticeHundredths(), gpci, cf));
  }

  /** The lower of the formula and a cap in 10^-9 dollars (-1: none). */
  static long cappedNanoDollars(long uncapped, long capNanoDollarsOrNegative) {
    return capNanoDollarsOrNegative < 0 ? uncapped : Math.min(uncapped, capNanoDollarsOrNegative);
  }

  /**
   * CMS's formula in 10^-9 dollars, exact: (work x work GPCI + PE x PE GPCI + MP x MP GPCI) x CF,
   * from RVU hundredths and the conversion factor's ten-thousandths.
   */
  private static long formula(long work, long pe, long malpractice, Gpci gpci, long cf) {
    return Math.addExact(
        Math.addExact(
            part(work, gpci.workThousandths(), cf),
            part(pe, gpci.practiceExpenseThousandths(), cf)),
        part(malpractice, gpci.malpracticeThousandths(), cf));
  }

  /** RVU x GPCI in units of 10^-5, then 10^-9 dollars (x CF): exact. */
  private static long part(long rvuHundredths, long gpciThousandths, long cf) {
    return Math.multiplyExact(Math.multiplyExact(rvuHundredths, gpciThousandths), cf);
  }

  /**
   * Computes the amount of one unit of {@code rvu} with these inputs; the row's status is not
   * checked (that is the schedule's job).
   *
   * @param rvu the row of the code and modifier billed
   * @param gpci the geographic practice cost indices of the locality
   * @param conversionFactor the conversion factor in force on the date of service
   * @param setting the facility or non-facility setting priced
   * @param oppsCap the row's OPPS cap in the GPCI's locality, if any
   * @return the calculation of one unit
   * @throws IllegalArgumentException if the cap is for another code or locality
   */
  public static FeeCalculation of(
      RvuEntry rvu,
      Gpci gpci,
      ConversionFactor conversionFactor,
      Setting setting,
      Optional<OppsCap> oppsCap) {
    requireNonNull(rvu, "rvu");
    requireNonNull(gpci, "gpci");
    requireNonNull(conversionFactor, "conversionFactor");
    requireNonNull(setting, "setting");
    requireNonNull(oppsCap, "oppsCap");
    // Not ifPresent(lambda): a capturing lambda is an allocation on every line priced.
    if (oppsCap.isPresent()) {
      OppsCap cap = oppsCap.get();
      if (!cap.code().equals(rvu.code())
          || !cap.modifier().equals(rvu.modifier())
          || !cap.locality().equals(gpci.locality())) {
        throw new IllegalArgumentException(
            "OPPS cap "
                + cap.row()
                + " in "
                + cap.locality()
                + " does not belong to "
                + rvu.row()
                + " in "
                + gpci.locality());
      }
    }
    return new FeeCalculation(rvu, gpci, conversionFactor, setting, oppsCap);
  }

  /** {@return the RVU row used} */
  public RvuEntry rvuEntry() {
    return rvu;
  }

  /** Returns the RVU row used, never empty. */
  @Override
  public Optional<RvuEntry> row() {
    return Optional.of(rvu);
  }

  /** {@return the locality's GPCIs used} */
  public Gpci gpci() {
    return gpci;
  }

  /** {@return the conversion factor used} */
  public ConversionFactor conversionFactor() {
    return conversionFactor;
  }

  /** {@return the setting asked for} */
  public Setting setting() {
    return setting;
  }

  /**
   * {@return the setting whose practice expense was used: the one asked for, or the other one when
   * the row marks it NA}
   */
  public Setting pricedSetting() {
    return pricedSetting;
  }

  /**
   * Tells whether the row marks the setting asked for as NA.
   *
   * @return true if the row marks the setting asked for as NA
   */
  public boolean settingNotAvailable() {
    return pricedSetting != setting;
  }

  /** {@return the work part, work RVU x work GPCI x CF, exactly} */
  public BigDecimal workAmount() {
    return Fixed.decimal(
        part(rvu.workHundredths(), gpci.workThousandths(), conversionFactor.tenThousandths()),
        SCALE);
  }

  /** {@return the practice expense part, PE RVU x PE GPCI x CF, exactly} */
  public BigDecimal practiceExpenseAmount() {
    long pe =
        pricedSetting == Setting.FACILITY
            ? rvu.facilityPeHundredths()
            : rvu.nonFacilityPeHundredths();
    return Fixed.decimal(
        part(pe, gpci.practiceExpenseThousandths(), conversionFactor.tenThousandths()), SCALE);
  }

  /** {@return the malpractice part, MP RVU x MP GPCI x CF, exactly} */
  public BigDecimal malpracticeAmount() {
    return Fixed.decimal(
        part(
            rvu.malpracticeHundredths(),
            gpci.malpracticeThousandths(),
            conversionFactor.tenThousandths()),
        SCALE);
  }

  /** {@return the sum of the three parts, before the OPPS cap, exactly} */
  public BigDecimal uncappedAmount() {
    return Fixed.decimal(uncapped, SCALE);
  }

  /** {@return the OPPS imaging cap of the row in the locality, if it has one} */
  public Optional<OppsCap> oppsCap() {
    return capFromRowColumns ? OppsCap.fromRvus(rvu, gpci, conversionFactor) : givenCap;
  }

  /**
   * Tells whether the OPPS cap is lower than the fee schedule amount and so replaced it.
   *
   * @return true if the OPPS cap replaced the fee schedule amount
   */
  public boolean isOppsCapped() {
    return exact < uncapped;
  }

  /** {@return the exact amount of one unit: the lower of the formula and the OPPS cap} */
  public BigDecimal exactAmount() {
    return Fixed.decimal(exact, SCALE);
  }

  /**
   * {@return the exact amount in units of 10^-9 dollars, for callers doing their own fixed-point
   * arithmetic}
   */
  public long exactNanoDollars() {
    return exact;
  }

  /**
   * {@return {@link #amount()}, the posted fee of one unit, in units of 10^-9 dollars: a whole
   * number of cents}
   */
  public long postedNanoDollars() {
    return postedNanoDollars(exact);
  }

  /** {@code exact} rounded half-up to whole cents, still in units of 10^-9 dollars. */
  static long postedNanoDollars(long exact) {
    return (exact + CENTS_TO_NANOS / 2) / CENTS_TO_NANOS * CENTS_TO_NANOS;
  }

  /**
   * {@return the amount of one unit rounded half-up to cents, as CMS publishes it: the posted fee,
   * which units and payment adjustments multiply}
   */
  public BigDecimal amount() {
    // Half-up on a non-negative value: add half a cent, truncate to cents.
    return BigDecimal.valueOf((exact + CENTS_TO_NANOS / 2) / CENTS_TO_NANOS, 2);
  }

  /**
   * {@return the steps of this calculation: the NA substitution when it applies, the formula with
   * every input, and the OPPS cap when the row has one}
   */
  public Explanation explanation() {
    Explanation steps = Explanation.empty();
    if (settingNotAvailable()) {
      steps =
          steps.then(
              PricingStep.note(
                  "na",
                  () ->
                      setting.words()
                          + " is NA for "
                          + rvu.row()
                          + ": priced with the "
                          + pricedSetting.words()
                          + " practice expense, as CMS publishes"
                          + " it"));
    }
    steps = steps.then(PricingStep.of("rvu", this::formula, uncappedAmount()));
    Optional<OppsCap> rowCap = oppsCap();
    if (rowCap.isPresent()) {
      BigDecimal cap = rowCap.get().amount(setting);
      if (isOppsCapped()) {
        steps =
            steps.then(
                PricingStep.of(
                    "opps-cap",
                    () -> "OPPS imaging cap " + cap.toPlainString() + " is lower",
                    exactAmount()));
      } else {
        steps =
            steps.then(
                PricingStep.note(
                    "opps-cap", () -> "OPPS imaging cap " + cap.toPlainString() + " is not lower"));
      }
    }
    return steps.then(PricingStep.of(POSTED_FEE, POSTED_FEE_WORDS, amount()));
  }

  /** The rule id of the last step: the amount of one unit rounded to cents, as CMS posts it. */
  public static final String POSTED_FEE = "posted-fee";

  private static final String POSTED_FEE_WORDS = "the fee of one unit, half-up to cents, as posted";

  // One presized builder: the audit line is long, and + would grow a builder several times.
  @SuppressWarnings("UnnecessaryStringBuilder")
  private String formula() {
    StringBuilder formula =
        new StringBuilder(128)
            .append(rvu.row())
            .append(" (work ")
            .append(rvu.workRvu().toPlainString())
            .append(" x ")
            .append(gpci.work().setScale(3).toPlainString())
            .append(" + ")
            .append(pricedSetting.words())
            .append(" PE ")
            .append(rvu.peRvu(pricedSetting).toPlainString())
            .append(" x ")
            .append(gpci.practiceExpense().setScale(3).toPlainString())
            .append(" + MP ")
            .append(rvu.malpracticeRvu().toPlainString())
            .append(" x ")
            .append(gpci.malpractice().setScale(3).toPlainString())
            .append(") x CF ")
            .append(conversionFactor.amount().toPlainString())
            .append(" in ")
            .append(gpci.locality());
    return formula.toString();
  }

  /** Returns the formula and its result on one line, ending with the posted amount. */
  @Override
  public String toString() {
    return explanation().toString();
  }
}
