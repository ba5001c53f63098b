package io.github.cpt4j.fee.medicare.asp;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Medicare Part B drugs of one quarter, priced at CMS's ASP payment limit: the limit per HCPCS
 * dosage unit times the line's units, which are dosage units ({@code J1100} is 1 mg of
 * dexamethasone, so 8 mg is 8 units). The limit is the same in every locality (Pub. 100-04, ch. 17,
 * §20.1) and is taken as CMS publishes it: for most drugs 106% of the average sales price, the
 * add-on included; for the vaccines and blood products the file gives an AWP percentage (95 for the
 * influenza, pneumococcal, hepatitis B and COVID-19 vaccines, the COVID-19 antibodies and albumin),
 * that percentage of the average wholesale price. Explanations call it CMS's payment limit, not ASP
 * with an add-on.
 *
 * <p><b>Clotting factors.</b> The codes the file marks with a 1 in its {@code Clotting Factor}
 * column (most of J7170-J7214, such as J7180, factor XIII, 10.473 per IU in January 2025; the file
 * leaves J7171 and J7197, antithrombin III, unmarked) are priced the same way, limit x units, with
 * nothing added. Medicare pays a furnishing fee per unit of clotting factor (Social Security Act
 * §1842(o)(5)(C); Pub. 100-04, ch. 17, §80.4.1; its amount updated each year by a Recurring Update
 * Notification), but CMS includes that fee in the nationally published payment limit of the
 * clotting factor billing codes: the contractor adds it separately only for a clotting factor
 * without a limit on the ASP or NOC pricing file, which this schedule does not price (a code the
 * file lacks is {@link UnpricedReason#NOT_IN_SCHEDULE}, an {@code N/A} limit {@link
 * UnpricedReason#CARRIER_PRICED}). Adding the fee to the file's limit would pay it twice, so no fee
 * is modelled.
 *
 * <h2>What {@link #price} does</h2>
 *
 * <ol>
 *   <li>Refuses dates of service outside the schedule's {@linkplain #quarter() quarter}.
 *   <li>Finds the drug's limit; a code without one is {@link UnpricedReason#NOT_IN_SCHEDULE}, a
 *       limit CMS publishes as {@code N/A}, or a limit of 0 (which CMS never publishes), is {@link
 *       UnpricedReason#CARRIER_PRICED}: never a payment of 0.00.
 *   <li>Multiplies the limit by the units (a clotting factor's too: its furnishing fee is in the
 *       limit). {@code JW} (the amount discarded from a single-dose container) and {@code JZ} (none
 *       discarded) change nothing: a discarded amount is billed on a {@code JW} line of its own and
 *       paid like the amount given. Both on one line contradict each other (Pub. 100-04, ch. 17,
 *       §40): {@link UnpricedReason#MODIFIER_NOT_ALLOWED}. So is {@code 26} or {@code TC}: a drug
 *       has no professional or technical component (the relative value file gives every drug code
 *       PC/TC indicator 9, "concept does not apply"), as a lab test has none in the CLFS.
 *   <li>The participation flag is ignored: Part B drugs are paid only on assignment.
 *   <li>Rounds once, half-up to cents ({@link FeeResult#amount()}).
 * </ol>
 *
 * <pre>{@code
 * AspFeeSchedule asp = AspFile.read(Path.of("ASP_2025_JAN.csv"));
 * // A date of the file's quarter, 2025-Q1; the locality does not change a drug's limit.
 * PricingContext context = PricingContext.of(LocalDate.of(2025, 2, 3),
 *     Locality.parse("13282-99"), Setting.NON_FACILITY);
 * FeeResult dexamethasone = asp.price(ClaimLine.parse("J1100 x8"), context);  // 8 x 0.108 = 0.86
 * }</pre>
 *
 * <p>Immutable and thread-safe; quarters chain with {@link FeeSchedule#firstThatPrices}.
 */
public final class AspFeeSchedule implements FeeSchedule {

  /** {@code JW}: the amount of a single-dose container discarded, billed on its own line. */
  public static final Modifier DISCARDED = Modifier.parse("JW");

  /** {@code JZ}: nothing of a single-dose container was discarded. */
  public static final Modifier NONE_DISCARDED = Modifier.parse("JZ");

  private final String name;
  private final Quarter quarter;
  private final QuarterlyRefusals refusals;
  private final ImmutableList<AspLimit> limits;
  private final PackedIndex codes;

  private AspFeeSchedule(Builder builder) {
    this.name = builder.name != null ? builder.name : "asp-" + builder.quarter;
    this.quarter = builder.quarter;
    this.refusals = QuarterlyRefusals.of(name, quarter, this::header);
    this.limits = ImmutableList.copyOf(builder.limits);
    this.codes = PackedIndex.of(limits.stream().mapToInt(l -> l.code().packed()).toArray());
  }

  /**
   * {@return a builder of a schedule for {@code quarter}}
   *
   * @param quarter the quarter of the payment limit file
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
    int row = codes.positionOf(code.packed());
    if (row < 0) {
      return refusals.notListed(line, context);
    }
    for (Modifier modifier : line.modifiers()) {
      if (modifier == Modifier.PROFESSIONAL_COMPONENT || modifier == Modifier.TECHNICAL_COMPONENT) {
        // CMS's relative value file gives every drug code PC/TC indicator 9: the concept of a
        // professional or technical component does not apply (RVU file, Attachment A).
        return refusals.refuse(
            line,
            context,
            UnpricedReason.MODIFIER_NOT_ALLOWED,
            modifier
                + " on "
                + code
                + ": a drug has no professional or technical component (PC/TC indicator 9 in the"
                + " relative value file): its payment limit pays the dosage units");
      }
    }
    if (line.hasModifier(DISCARDED) && line.hasModifier(NONE_DISCARDED)) {
      // JW bills an amount discarded, JZ says none was (Pub. 100-04, ch. 17, §40): the line says
      // both, and which amount it bills cannot be told.
      return refusals.refuse(
          line,
          context,
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          "JW (an amount discarded) and JZ (none discarded) on one line of "
              + code
              + ": bill the amount given with JZ, or the amount given and the amount discarded"
              + " on lines of their own, the discarded one with JW");
    }
    AspLimit limit = limits.get(row);
    if (limit.paymentLimit().isEmpty()) {
      return refusals.refuse(
          line,
          context,
          UnpricedReason.CARRIER_PRICED,
          code + " has no payment limit in " + name + " (N/A): the contractor prices it");
    }
    BigDecimal perUnit = limit.paymentLimit().get();
    if (perUnit.signum() == 0) {
      // CMS publishes no limit of 0 (a drug without one is N/A): a 0 is no limit, never a payment
      // of nothing.
      return refusals.refuse(
          line,
          context,
          UnpricedReason.CARRIER_PRICED,
          code
              + " has a payment limit of 0 in "
              + name
              + ", which is no limit: the contractor prices it");
    }
    int units = line.units();
    BigDecimal amount = units == 1 ? perUnit : perUnit.multiply(BigDecimal.valueOf(units));
    return FeeResult.priced(
        amount, Explanation.deferred(() -> explainPriced(line, context, limit, amount)));
  }

  private Explanation header(ClaimLine line, PricingContext context) {
    return Explanation.of(
        PricingStep.note(
            "asp", name + " prices " + line + " on " + context.dateOfService() + " (national)"));
  }

  private Explanation explainPriced(
      ClaimLine line, PricingContext context, AspLimit limit, BigDecimal amount) {
    BigDecimal perUnit = limit.paymentLimit().orElseThrow();
    Explanation explanation =
        header(line, context)
            .then(
                PricingStep.of(
                    "asp-limit",
                    limit.code()
                        + " payment limit "
                        + perUnit.toPlainString()
                        + " per "
                        + limit.dosage()
                        // Not "ASP with its add-on": the file gives some vaccines' and blood
                        // products' limits as 95% of the average wholesale price.
                        + " (CMS's payment limit)",
                    perUnit));
    if (line.hasModifier(DISCARDED)) {
      explanation =
          explanation.then(PricingStep.note("modifier-jw", "JW: the discarded amount, paid"));
    }
    if (line.units() > 1) {
      explanation =
          explanation.then(
              PricingStep.of(
                  "units", "x " + line.units() + " dosage units of " + limit.dosage(), amount));
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
  public AspFeeSchedule withName(String newName) {
    return builder(quarter).name(newName).addAll(limits).build();
  }

  /**
   * {@return the row of {@code code}, if any}
   *
   * @param code the drug's code
   */
  public Optional<AspLimit> find(ProcedureCode code) {
    int row = codes.positionOf(requireNonNull(code, "code").packed());
    return row < 0 ? Optional.empty() : Optional.of(limits.get(row));
  }

  /**
   * Tells whether the schedule has a row of {@code code}.
   *
   * @param code the drug's code
   * @return true if the schedule has a row of {@code code}
   */
  public boolean contains(ProcedureCode code) {
    requireNonNull(code, "code");
    return codes.positionOf(code.packed()) >= 0;
  }

  /** {@return every row, in the order given to the builder} */
  public ImmutableList<AspLimit> limits() {
    return limits;
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
    return name + " (" + limits.size() + " drugs, " + quarter + ")";
  }

  /** Builds an {@link AspFeeSchedule}; each code may be given once. */
  public static final class Builder {
    private final Quarter quarter;
    private String name;
    private final List<AspLimit> limits = new ArrayList<>();
    private final Set<ProcedureCode> seen = new HashSet<>();

    private Builder(Quarter quarter) {
      this.quarter = quarter;
    }

    /**
     * Sets the name used in explanations (default {@code asp-2025-Q1}).
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
     * Adds a drug's row.
     *
     * @param limit the drug's row
     * @return this builder
     * @throws IllegalArgumentException if the code was given before
     */
    public Builder add(AspLimit limit) {
      requireNonNull(limit, "limit");
      if (!seen.add(limit.code())) {
        throw new IllegalArgumentException(limit.code() + " given twice");
      }
      limits.add(limit);
      return this;
    }

    /**
     * Adds every row of {@code more}.
     *
     * @param more the rows, each added as {@link #add} does
     * @return this builder
     * @throws IllegalArgumentException as {@link #add} does
     */
    public Builder addAll(Iterable<AspLimit> more) {
      requireNonNull(more, "more");
      more.forEach(this::add);
      return this;
    }

    /** {@return the schedule} */
    public AspFeeSchedule build() {
      return new AspFeeSchedule(this);
    }
  }
}
