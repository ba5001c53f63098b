package io.github.cpt4j.fee.medicare.dmepos;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.LiabilityModifiersEdit;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.QuarterlyRefusals;
import io.github.cpt4j.index.PackedIndex;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.text.OneLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Medicare DMEPOS fee schedule of one quarter: durable medical equipment, prosthetics,
 * orthotics and supplies, priced by the state the beneficiary lives in and whether the ZIP code is
 * rural, as CMS publishes the fees in its quarterly DMEPOS file (Pub. 100-04, chapter 20; 42 CFR
 * 414 subpart D).
 *
 * <h2>What {@link #price} does</h2>
 *
 * <ol>
 *   <li>Refuses dates of service outside the schedule's {@linkplain #quarter() quarter}.
 *   <li>Chooses the row by the line's modifiers: the row whose modifiers are all on the line, the
 *       one with the most modifiers ({@code E0950-RR-KU} before {@code E0950-RR}), other modifiers
 *       ({@code KX}, {@code LT}...) being ignored. A code listed only with modifiers, billed with
 *       none of them, is {@link UnpricedReason#MODIFIER_REQUIRED} (the detail lists them); two rows
 *       equally selected ({@code NU} and {@code RR} together) is {@link
 *       UnpricedReason#MODIFIER_NOT_ALLOWED}.
 *   <li>Places the beneficiary with {@link PricingContext#beneficiaryZip()} in the {@link
 *       DmeposZipTable}: the state's column, rural or non-rural. No ZIP code, or one the table
 *       cannot place, is {@link UnpricedReason#NO_BENEFICIARY_ZIP}.
 *   <li>Takes the fee: the rural amount in a rural ZIP code when the row has one, else the
 *       non-rural amount (see {@link DmeposFee}). 0.00 is {@link UnpricedReason#CARRIER_PRICED}.
 *       When the ZIP table's rural ZIP codes are CMS's list of another quarter ({@link
 *       DmeposZipTable#ruralQuarter()}), the explanation's {@code rural-zips} step says so.
 *   <li>A capped rental item in its fourth to thirteenth month ({@code RR} with {@code KJ}) is paid
 *       75% of the rental fee of the first three months (42 CFR 414.229; Pub. 100-04, ch. 20,
 *       §30.5.1: 7.5% of the purchase price a month instead of 10%); a power-driven wheelchair
 *       (K0813-K0891, and the older K0010, K0011, K0012 and K0014) 40% (6% of the purchase price a
 *       month instead of 15%: Social Security Act §1834(a)(7)(A), as amended by the Affordable Care
 *       Act §3136, for chairs from 2011).
 *   <li>A stationary oxygen system's rental ({@code E0424}, {@code E0439}, {@code E1390}, {@code
 *       E1391}, {@code E1405}, {@code E1406}) is paid 50% for a prescribed flow under one liter per
 *       minute ({@code QE}, or {@code QA} for an average) and 150% over four liters without
 *       portable equipment ({@code QG}, or {@code QR}) (42 CFR 414.226(e); Pub. 100-04, ch. 20,
 *       §30.6.1); the file's {@code QF} and {@code QB} rows already hold the case with portable
 *       equipment. Both kinds on one line are {@link UnpricedReason#MODIFIER_NOT_ALLOWED}.
 *   <li>Multiplies by the units: items bought, or months of rental ({@code RR}: one unit is one
 *       month).
 *   <li>The participation flag is ignored: DMEPOS fee schedule amounts are the same for
 *       participating and non-participating suppliers.
 *   <li>Rounds once, half-up to cents ({@link FeeResult#amount()}). A percentage is kept exact
 *       until then: a {@code KJ} line of three months over a fee of 10.02 is 10.02 x 0.75 x 3 =
 *       22.545, paid 22.55, not three months of 7.52 (22.56). Where the rounding falls on such a
 *       line is the library's choice: 42 CFR 414.229 and Pub. 100-04, ch. 20, §30.5.1 give the
 *       percentage, and no CMS text saying whether the month's 75% is rounded to the cent before
 *       the months multiply it was found.
 * </ol>
 *
 * <pre>{@code
 * DmeposFeeSchedule dme = DmeposFile.read(Path.of("DMEPOS_2025_JAN.csv"), BundledData.dmeposZips());
 * // A date of the file's quarter, 2025-Q1; the fee is that of the beneficiary's state.
 * PricingContext context = PricingContext.of(LocalDate.of(2025, 2, 3),
 *     Locality.parse("13282-99"), Setting.NON_FACILITY);
 * PricingContext home = context.withBeneficiaryZip("10001");
 * FeeResult crutches = dme.price(ClaimLine.parse("E0114-NU"), home);   // NY non-rural: 61.45
 * }</pre>
 *
 * <p>Immutable and thread-safe; quarters chain with {@link FeeSchedule#firstThatPrices}.
 */
public final class DmeposFeeSchedule implements FeeSchedule {

  /** {@code RR}: rental, one unit per month. */
  public static final Modifier RENTAL = Modifier.parse("RR");

  /** {@code KJ}: a capped rental item in its fourth to thirteenth month, paid 75%. */
  public static final Modifier CAPPED_RENTAL_LATER_MONTHS = Modifier.parse("KJ");

  /**
   * 75%: a capped rental's fee from the fourth month (42 CFR 414.229; Pub. 100-04, ch. 20,
   * §30.5.1).
   */
  public static final BigDecimal CAPPED_RENTAL_LATER_MONTHS_FACTOR = new BigDecimal("0.75");

  /** 40%: a power-driven wheelchair's rental fee from the fourth month, 6% against 15%. */
  private static final BigDecimal POWER_WHEELCHAIR_LATER_MONTHS_FACTOR = new BigDecimal("0.40");

  private static final ImmutableSet<ProcedureCode> STATIONARY_OXYGEN =
      ImmutableSet.of(
          ProcedureCode.parse("E0424"),
          ProcedureCode.parse("E0439"),
          ProcedureCode.parse("E1390"),
          ProcedureCode.parse("E1391"),
          ProcedureCode.parse("E1405"),
          ProcedureCode.parse("E1406"));

  private static final ImmutableSet<Modifier> LOW_FLOW =
      ImmutableSet.of(Modifier.parse("QE"), Modifier.parse("QA"));
  private static final ImmutableSet<Modifier> HIGH_FLOW =
      ImmutableSet.of(Modifier.parse("QG"), Modifier.parse("QR"));

  /** Over four liters a minute with portable equipment: the file's own rows. */
  private static final ImmutableSet<Modifier> HIGH_FLOW_PORTABLE =
      ImmutableSet.of(Modifier.parse("QF"), Modifier.parse("QB"));

  private static final int POWER_WHEELCHAIRS_FROM = ProcedureCode.parse("K0813").packed();
  private static final int POWER_WHEELCHAIRS_TO = ProcedureCode.parse("K0891").packed();

  /**
   * The power wheelchair bases coded before K0813 (K0010 standard weight, K0011 with programmable
   * controls, K0012 lightweight portable, K0014 other), which CMS's file still prices as capped
   * rentals: the statute's 15% and 6% are for power-driven wheelchairs, whatever their code.
   */
  private static final ImmutableSet<ProcedureCode> OLDER_POWER_WHEELCHAIRS =
      ImmutableSet.of(
          ProcedureCode.parse("K0010"),
          ProcedureCode.parse("K0011"),
          ProcedureCode.parse("K0012"),
          ProcedureCode.parse("K0014"));

  private static final BigDecimal LOW_FLOW_FACTOR = new BigDecimal("0.5");
  private static final BigDecimal HIGH_FLOW_FACTOR = new BigDecimal("1.5");

  /** A percentage of the fee the line's modifiers call for: its step's rule, and why. */
  private record Adjustment(String rule, BigDecimal factor, String why) {}

  private final String name;
  private final Quarter quarter;
  private final QuarterlyRefusals refusals;
  private final ImmutableList<DmeposFee> fees;
  private final DmeposZipTable zips;
  private final PackedIndex codes;
  private final int[] firstRow;
  private final int[] rowCount;

  /** The fee column of each state of the ZIP table, or -1. */
  private final int[] columnOfZipState;

  private DmeposFeeSchedule(Builder builder) {
    this.name = builder.name != null ? builder.name : "dmepos-" + builder.quarter;
    this.quarter = builder.quarter;
    this.refusals = QuarterlyRefusals.of(name, quarter, this::header);
    this.zips = requireNonNull(builder.zips, "zips (call Builder.zips)");
    // The rows of one code side by side, in the order given.
    Map<ProcedureCode, List<DmeposFee>> byCode = new LinkedHashMap<>();
    for (DmeposFee fee : builder.fees) {
      byCode.computeIfAbsent(fee.code(), c -> new ArrayList<>()).add(fee);
    }
    ImmutableList.Builder<DmeposFee> ordered = ImmutableList.builder();
    int[] keys = new int[byCode.size()];
    this.firstRow = new int[byCode.size()];
    this.rowCount = new int[byCode.size()];
    int i = 0;
    int row = 0;
    for (Map.Entry<ProcedureCode, List<DmeposFee>> e : byCode.entrySet()) {
      keys[i] = e.getKey().packed();
      firstRow[i] = row;
      rowCount[i] = e.getValue().size();
      ordered.addAll(e.getValue());
      row += e.getValue().size();
      i++;
    }
    this.fees = ordered.build();
    this.codes = PackedIndex.of(keys);
    ImmutableList<String> states = fees.isEmpty() ? ImmutableList.of() : fees.get(0).states();
    for (DmeposFee fee : fees) {
      if (!fee.states().equals(states)) {
        throw new IllegalArgumentException(
            "every row must have the same states; " + fee.row() + " has " + fee.states());
      }
    }
    this.columnOfZipState = new int[zips.states().size()];
    for (int s = 0; s < columnOfZipState.length; s++) {
      columnOfZipState[s] = states.indexOf(zips.states().get(s));
    }
  }

  /** Tells whether {@code line} carries every modifier of {@code fee}'s row. */
  private static boolean selectedBy(DmeposFee fee, ClaimLine line) {
    return (fee.modifier().isEmpty() || line.hasModifier(fee.modifier().get()))
        && (fee.secondModifier().isEmpty() || line.hasModifier(fee.secondModifier().get()));
  }

  /** Tells whether every modifier of {@code fee}'s row is one of {@code other}'s. */
  private static boolean within(DmeposFee fee, DmeposFee other) {
    return (fee.modifier().isEmpty() || isModifierOf(fee.modifier().get(), other))
        && (fee.secondModifier().isEmpty() || isModifierOf(fee.secondModifier().get(), other));
  }

  private static boolean isModifierOf(Modifier modifier, DmeposFee fee) {
    return fee.modifier().equals(Optional.of(modifier))
        || fee.secondModifier().equals(Optional.of(modifier));
  }

  /**
   * {@return a builder of a schedule for {@code quarter}}
   *
   * @param quarter the quarter of the fee schedule file
   */
  public static Builder builder(Quarter quarter) {
    return new Builder(requireNonNull(quarter, "quarter"));
  }

  @Override
  public FeeResult price(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    // A GZ or GY line alone keeps its amount, and says that claim pricing denies it.
    return LiabilityModifiersEdit.noteWhenPricedAlone(
        line, context.dateOfService(), priceLine(line, context));
  }

  private FeeResult priceLine(ClaimLine line, PricingContext context) {
    FeeResult outside = refusals.outsideQuarter(line, context);
    if (outside != null) {
      return outside;
    }
    ProcedureCode code = line.code();
    int c = codes.positionOf(code.packed());
    if (c < 0) {
      return refusals.notListed(line, context);
    }
    int best = -1;
    boolean tie = false;
    int bestCount = -1;
    for (int r = firstRow[c]; r < firstRow[c] + rowCount[c]; r++) {
      DmeposFee fee = fees.get(r);
      if (!selectedBy(fee, line)) {
        continue;
      }
      int count = fee.modifierCount();
      if (count > bestCount) {
        best = r;
        bestCount = count;
        tie = false;
      } else if (count == bestCount) {
        tie = true;
      }
    }
    if (best < 0) {
      return refusals.refuse(
          line,
          context,
          UnpricedReason.MODIFIER_REQUIRED,
          code + " is in " + name + " only as " + rowsOf(c));
    }
    if (!tie) {
      // A row with more modifiers wins over those whose modifiers it holds (RR-KU over RR), but
      // not over one it does not: NU, RR and KU on one line select the NU row and the RR-KU row,
      // a purchase and a rental, and the line says two things.
      DmeposFee chosen = fees.get(best);
      for (int r = firstRow[c]; r < firstRow[c] + rowCount[c] && !tie; r++) {
        DmeposFee fee = fees.get(r);
        tie = r != best && selectedBy(fee, line) && !within(fee, chosen);
      }
    }
    if (tie) {
      return refusals.refuse(
          line,
          context,
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          "the modifiers of " + line + " select more than one of " + rowsOf(c));
    }
    DmeposFee fee = fees.get(best);
    Optional<String> zip = context.beneficiaryZip();
    if (zip.isEmpty()) {
      return refusals.refuse(
          line,
          context,
          UnpricedReason.NO_BENEFICIARY_ZIP,
          fee.row()
              + " is priced by the beneficiary's state and rural ZIP code:"
              + " the context has no beneficiary ZIP code");
    }
    int z = DmeposZipTable.zipNumber(zip.get());
    int zipState = zips.stateIndex(z);
    if (zipState < 0) {
      return refusals.refuse(
          line,
          context,
          UnpricedReason.NO_BENEFICIARY_ZIP,
          "ZIP code " + zip.get() + " is in no state of the DMEPOS ZIP table");
    }
    int column = columnOfZipState[zipState];
    String state = zips.states().get(zipState);
    if (column < 0) {
      return refusals.refuse(
          line, context, UnpricedReason.NOT_IN_SCHEDULE, name + " has no amounts for " + state);
    }
    boolean rural = zips.isRural(z);
    long cents = fee.feeCents(column, rural);
    if (cents == 0) {
      return refusals.refuse(
          line,
          context,
          UnpricedReason.CARRIER_PRICED,
          fee.row()
              + " has no fee schedule amount in "
              + new DmeposArea(state, rural)
              + ": the contractor prices it");
    }
    BigDecimal unit = BigDecimal.valueOf(cents, 2);
    // The flow modifiers matter for stationary oxygen alone: other lines skip the scans.
    boolean stationaryOxygen = STATIONARY_OXYGEN.contains(line.code()) && line.hasModifier(RENTAL);
    boolean lowFlow = stationaryOxygen && hasAny(line, LOW_FLOW);
    boolean highFlow = stationaryOxygen && hasAny(line, HIGH_FLOW);
    boolean portable = stationaryOxygen && hasAny(line, HIGH_FLOW_PORTABLE);
    if ((lowFlow ? 1 : 0) + (highFlow ? 1 : 0) + (portable ? 1 : 0) > 1) {
      // One line has one prescribed flow (42 CFR 414.226(e)).
      return refusals.refuse(
          line,
          context,
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          "more than one prescribed flow on one line: under one liter a minute (QE, QA), over"
              + " four (QG, QR), over four with portable equipment (QF, QB)");
    }
    Adjustment adjustment = adjustment(line, fee, lowFlow, highFlow);
    BigDecimal perUnit = adjustment != null ? unit.multiply(adjustment.factor()) : unit;
    int units = line.units();
    BigDecimal amount = units == 1 ? perUnit : perUnit.multiply(BigDecimal.valueOf(units));
    DmeposArea area = new DmeposArea(state, rural);
    boolean ruralAmount = fee.ruralAmountApplies(column, rural);
    return FeeResult.priced(
        amount,
        Explanation.deferred(
            () ->
                explainPriced(
                    line, context, fee, area, ruralAmount, unit, adjustment, perUnit, amount)));
  }

  private static boolean hasAny(ClaimLine line, ImmutableSet<Modifier> modifiers) {
    for (Modifier m : line.modifiers()) {
      if (modifiers.contains(m)) {
        return true;
      }
    }
    return false;
  }

  /** The percentage the line's modifiers call for, or null for the fee as it is. */
  private static Adjustment adjustment(
      ClaimLine line, DmeposFee fee, boolean lowFlow, boolean highFlow) {
    if (lowFlow) {
      return new Adjustment(
          "oxygen-flow",
          LOW_FLOW_FACTOR,
          "QE/QA: a prescribed flow under one liter a minute is paid 50% (42 CFR 414.226(e))");
    }
    if (highFlow) {
      return new Adjustment(
          "oxygen-flow",
          HIGH_FLOW_FACTOR,
          "QG/QR: a prescribed flow over four liters a minute, without portable equipment, is"
              + " paid 150% (42 CFR 414.226(e))");
    }
    if (fee.category() == DmeposCategory.CAPPED_RENTAL
        && line.hasModifier(RENTAL)
        && line.hasModifier(CAPPED_RENTAL_LATER_MONTHS)) {
      return isPowerWheelchair(line.code())
          ? new Adjustment(
              "capped-rental",
              POWER_WHEELCHAIR_LATER_MONTHS_FACTOR,
              "KJ: a power wheelchair's rental months 4 to 13 are paid 6% of the purchase price,"
                  + " 40% of the first months' 15% (42 CFR 414.229; SSA §1834(a)(7)(A))")
          : new Adjustment(
              "capped-rental",
              CAPPED_RENTAL_LATER_MONTHS_FACTOR,
              "KJ: rental months 4 to 13 are paid 75% (42 CFR 414.229)");
    }
    return null;
  }

  /**
   * Tells whether {@code code} is a power-driven wheelchair (K0813-K0891, and the older K0010,
   * K0011, K0012, K0014). Scooters (K0800-K0812) are not: CMS's file lists them as routinely
   * purchased items, not capped rentals.
   */
  private static boolean isPowerWheelchair(ProcedureCode code) {
    int packed = code.packed();
    return packed >= POWER_WHEELCHAIRS_FROM && packed <= POWER_WHEELCHAIRS_TO
        || OLDER_POWER_WHEELCHAIRS.contains(code);
  }

  private String rowsOf(int c) {
    return fees.subList(firstRow[c], firstRow[c] + rowCount[c]).stream()
        .map(DmeposFee::row)
        .collect(Collectors.joining(", "));
  }

  private Explanation header(ClaimLine line, PricingContext context) {
    return Explanation.of(
        PricingStep.note(
            "dmepos",
            name
                + " prices "
                + line
                + " on "
                + context.dateOfService()
                + context.beneficiaryZip().map(z -> " for a beneficiary in ZIP " + z).orElse("")));
  }

  private Explanation explainPriced(
      ClaimLine line,
      PricingContext context,
      DmeposFee fee,
      DmeposArea area,
      boolean ruralAmount,
      BigDecimal unit,
      Adjustment adjustment,
      BigDecimal perUnit,
      BigDecimal amount) {
    String column =
        area.rural() && !ruralAmount ? area.state() + " (NR), no rural amount" : area + " amount";
    Explanation explanation =
        header(line, context)
            .then(
                PricingStep.of(
                    "dmepos-fee",
                    fee.row()
                        + " "
                        + fee.category().code()
                        + " in "
                        + area
                        + ": "
                        + column
                        + " "
                        + unit.toPlainString(),
                    unit));
    Quarter listed = zips.ruralQuarter().orElse(quarter);
    if (!listed.equals(quarter)) {
      // CMS lists the rural ZIP codes each quarter; a directory without the quarter's own list
      // prices with another's (CmsDirectory), and a caller may pair any two files. A ZIP code that
      // joined or left the list between the two quarters is in the wrong column: said, not
      // refused, since the directory's fallback to another quarter's list is deliberate.
      explanation =
          explanation.then(
              PricingStep.note(
                  "rural-zips",
                  "warning: the rural ZIP codes are CMS's list of "
                      + listed
                      + ", not of "
                      + quarter
                      + ": a ZIP code added to or taken off the list between them is priced in"
                      + " the wrong column"));
    }
    if (adjustment != null) {
      explanation = explanation.then(PricingStep.of(adjustment.rule(), adjustment.why(), perUnit));
    }
    if (line.units() > 1) {
      String what = line.hasModifier(RENTAL) ? " rental months" : " units";
      explanation = explanation.then(PricingStep.of("units", "x " + line.units() + what, amount));
    }
    return explanation;
  }

  /**
   * Returns a copy named {@code newName} in explanations.
   *
   * @param newName the name, one line, not blank
   * @return the copy
   * @throws IllegalArgumentException if {@code newName} is blank or not one line
   */
  public DmeposFeeSchedule withName(String newName) {
    return builder(quarter).name(newName).zips(zips).addAll(fees).build();
  }

  /**
   * {@return a copy that places beneficiaries' ZIP codes with {@code table}}
   *
   * @param table the table of the states and rural ZIP codes
   */
  public DmeposFeeSchedule withZips(DmeposZipTable table) {
    return builder(quarter).name(name).zips(table).addAll(fees).build();
  }

  /**
   * {@return the rows of {@code code}, in the order given to the builder}
   *
   * @param code the code billed
   */
  public ImmutableList<DmeposFee> rows(ProcedureCode code) {
    int c = codes.positionOf(requireNonNull(code, "code").packed());
    return c < 0 ? ImmutableList.of() : fees.subList(firstRow[c], firstRow[c] + rowCount[c]);
  }

  /**
   * Tells whether the schedule has a row of {@code code}.
   *
   * @param code the code billed
   * @return true if a row has {@code code}, whatever its modifiers
   */
  public boolean contains(ProcedureCode code) {
    requireNonNull(code, "code");
    return codes.positionOf(code.packed()) >= 0;
  }

  /** {@return every row, the rows of each code together} */
  public ImmutableList<DmeposFee> fees() {
    return fees;
  }

  /** {@return the table that places a beneficiary's ZIP code} */
  public DmeposZipTable zips() {
    return zips;
  }

  /** {@return the quarter whose dates of service the schedule prices} */
  public Quarter quarter() {
    return quarter;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name + " (" + fees.size() + " rows, " + quarter + ")";
  }

  /** Builds a {@link DmeposFeeSchedule}; rows of one code and modifiers may be given once. */
  public static final class Builder {
    private final Quarter quarter;
    private String name;
    private DmeposZipTable zips;
    private final List<DmeposFee> fees = new ArrayList<>();
    private final Map<String, DmeposFee> seen = new LinkedHashMap<>();

    private Builder(Quarter quarter) {
      this.quarter = quarter;
    }

    /**
     * Sets the name used in explanations (default {@code dmepos-2025-Q1}).
     *
     * @param newName the name, one line, not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code newName} is blank or not one line: an explanation
     *     would read it torn over lines, or say nothing
     */
    public Builder name(String newName) {
      this.name = OneLine.checked(requireNonNull(newName, "newName"), "a fee schedule's name");
      return this;
    }

    /**
     * Sets the table that places the beneficiary's ZIP code (required).
     *
     * @param table the table of the states and rural ZIP codes
     * @return this builder
     */
    public Builder zips(DmeposZipTable table) {
      this.zips = requireNonNull(table, "table");
      return this;
    }

    /**
     * Adds a row.
     *
     * @param fee the row
     * @return this builder
     * @throws IllegalArgumentException if a row of the same code and modifiers was given
     */
    public Builder add(DmeposFee fee) {
      requireNonNull(fee, "fee");
      if (seen.putIfAbsent(fee.row(), fee) != null) {
        throw new IllegalArgumentException("row " + fee.row() + " given twice");
      }
      fees.add(fee);
      return this;
    }

    /**
     * Adds every row of {@code more}.
     *
     * @param more the rows, each added as {@link #add} does
     * @return this builder
     * @throws IllegalArgumentException as {@link #add} does
     */
    public Builder addAll(Iterable<DmeposFee> more) {
      requireNonNull(more, "more");
      more.forEach(this::add);
      return this;
    }

    /**
     * Returns the schedule.
     *
     * @return the schedule
     * @throws IllegalArgumentException if the rows do not all have the same states
     */
    public DmeposFeeSchedule build() {
      return new DmeposFeeSchedule(this);
    }
  }
}
