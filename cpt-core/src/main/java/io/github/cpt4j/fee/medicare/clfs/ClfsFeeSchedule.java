package io.github.cpt4j.fee.medicare.clfs;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.HcpcsCode;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Medicare Clinical Laboratory Fee Schedule of one quarter: the national payment rate of each
 * laboratory test, PLA and MAAA code, and of the specimen-collection codes, as CMS publishes them
 * in its quarterly CLFS file. Part B pays a laboratory test the lower of the charge and this rate,
 * the same in every locality (Medicare Claims Processing Manual, Pub. 100-04, chapter 16, §20 and
 * §30). Since 2018 the rate is the payment rate of 42 CFR 414.507(a), "equal to the weighted
 * median" of private payors' rates, "not subject to any adjustment, such as geographic"
 * (414.507(c)); the national limitation amount it replaced was the rule until 2017, which is why
 * explanations say "payment rate". The chapter 16 section numbers cited here were not re-checked
 * against the manual's text (the project's {@code docs/manual-citations.md} says what each is based
 * on).
 *
 * <h2>What {@link #price} does</h2>
 *
 * <ol>
 *   <li>Refuses dates of service outside the schedule's {@linkplain #quarter() quarter} ({@link
 *       UnpricedReason#DATE_NOT_COVERED}), and dates before the row's own effective date.
 *   <li>Chooses the row: the row of the first modifier on the line that has one (CMS lists a {@code
 *       QW} row for every CLIA-waived test), else the code's main row. {@code QW} on a test without
 *       a {@code QW} row is {@link UnpricedReason#MODIFIER_NOT_ALLOWED} (the test is not waived),
 *       except on the nine tests CMS recognizes as waived without it (81002, 81025, 82270, 82272,
 *       82962, 83026, 84830, 85013, 85651), priced at their rate with a note; so are {@code 26} and
 *       {@code TC}: the CLFS pays the whole test, not a component of it (the interpretation of the
 *       few tests whose professional component Medicare pays is priced by the Physician Fee
 *       Schedule, which {@code PartBFeeSchedule} routes such a line to).
 *   <li>A locally priced row ({@link ClfsIndicator#LOCAL}) is {@link
 *       UnpricedReason#CARRIER_PRICED}, and so is a national rate of 0 (CMS's files list 0 only on
 *       local rows): never a payment of 0.00.
 *   <li>Multiplies the rate by the units (each unit one test; with {@code 91}, each a repeat of the
 *       test on the same day, paid in full). {@code 90} (an outside, reference laboratory did the
 *       test) changes nothing: the billing laboratory is paid the same amount.
 *   <li>The participation flag is ignored: laboratory tests are paid only on assignment, at the
 *       full amount (ch. 16, §30.1).
 *   <li>Rounds once, half-up to cents ({@link FeeResult#amount()}).
 * </ol>
 *
 * <p>The travel allowance for specimen collection ({@code P9603} per mile, the line's units being
 * miles; {@code P9604} per trip) is not in CMS's file: contractors compute it each year from the
 * IRS mileage rate (ch. 16, §60.2). It is priced when given to {@link Builder#travelAllowance};
 * otherwise it is {@link UnpricedReason#CARRIER_PRICED}, and so is an allowance given as 0.
 * Medicare pays it only when a collection fee is also payable (§60.2): a line priced alone cannot
 * tell, so {@link io.github.cpt4j.fee.medicare.partb.PartBClaimPricer} flags a travel line of a
 * date without a paid collection on the claim.
 *
 * <pre>{@code
 * ClfsFeeSchedule clfs = ClfsFile.read(Path.of("CLFS_2025_Q1V1.csv"));
 * // A date of the file's quarter, 2025-Q1; the lab fee schedule is national.
 * PricingContext context = PricingContext.of(LocalDate.of(2025, 2, 3),
 *     Locality.parse("13282-99"), Setting.NON_FACILITY);
 * FeeResult panel = clfs.price(ClaimLine.parse("80053-QW"), context);   // 10.56
 * }</pre>
 *
 * <p>Immutable and thread-safe; quarters chain with {@link FeeSchedule#firstThatPrices}.
 */
public final class ClfsFeeSchedule implements FeeSchedule {

  /** {@code QW}: a CLIA-waived test, which CMS lists as a row of its own. */
  public static final Modifier WAIVED_TEST = Modifier.parse("QW");

  /** {@code 90}: the test was done by an outside (reference) laboratory. */
  public static final Modifier REFERENCE_LABORATORY = Modifier.parse("90");

  /** {@code 91}: a repeat of the same test on the same day, to obtain another result. */
  public static final Modifier REPEAT_TEST = Modifier.parse("91");

  /** {@code P9603}: the specimen-collection travel allowance per mile. */
  public static final ProcedureCode TRAVEL_PER_MILE = HcpcsCode.parse("P9603");

  /** {@code P9604}: the specimen-collection travel allowance per trip (flat rate). */
  public static final ProcedureCode TRAVEL_PER_TRIP = HcpcsCode.parse("P9604");

  /** The specimen-collection codes of Pub. 100-04, ch. 16, §60.1, named in explanations. */
  private static final ImmutableList<ProcedureCode> SPECIMEN_COLLECTION =
      ImmutableList.of(
          ProcedureCode.parse("36415"),
          HcpcsCode.parse("G0471"),
          HcpcsCode.parse("P9612"),
          HcpcsCode.parse("P9615"));

  /**
   * Tells whether {@code code} is a specimen collection fee (36415, G0471, P9612, P9615; Pub.
   * 100-04, ch. 16, §60.1), of which Medicare pays one per patient encounter.
   *
   * @param code the code billed
   * @return true for 36415, G0471, P9612 and P9615
   */
  public static boolean isSpecimenCollection(ProcedureCode code) {
    return SPECIMEN_COLLECTION.contains(requireNonNull(code, "code"));
  }

  /**
   * The tests CMS recognizes as waived without {@code QW}: its lists of CLIA-waived tests (the
   * quarterly change requests that update them) say these codes "do not require a QW modifier to be
   * recognized as a waived test", and its CLFS files list no {@code QW} row for them. {@code QW} on
   * one is not needed, but not wrong: the line is priced at the code's rate, with a note.
   */
  private static final ImmutableList<ProcedureCode> WAIVED_WITHOUT_QW =
      ImmutableList.of(
          ProcedureCode.parse("81002"),
          ProcedureCode.parse("81025"),
          ProcedureCode.parse("82270"),
          ProcedureCode.parse("82272"),
          ProcedureCode.parse("82962"),
          ProcedureCode.parse("83026"),
          ProcedureCode.parse("84830"),
          ProcedureCode.parse("85013"),
          ProcedureCode.parse("85651"));

  /** Slots per code: one without a modifier, then one per modifier ordinal. */
  private static final int SLOTS = Modifier.COUNT + 1;

  private final String name;
  private final Quarter quarter;
  private final QuarterlyRefusals refusals;
  private final ImmutableList<ClfsRate> rates;
  private final PackedIndex rows;
  private final PackedIndex codes;
  private final BigDecimal travelPerMile;
  private final BigDecimal travelPerTrip;

  private ClfsFeeSchedule(Builder builder) {
    this.name = builder.name != null ? builder.name : "clfs-" + builder.quarter;
    this.quarter = builder.quarter;
    this.refusals = QuarterlyRefusals.of(name, quarter, this::header);
    this.rates = ImmutableList.copyOf(builder.rates);
    int[] keys = new int[rates.size()];
    List<Integer> codeKeys = new ArrayList<>();
    Map<Integer, Integer> firstOfCode = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      ClfsRate rate = rates.get(i);
      keys[i] = key(rate.code(), rate.modifier().orElse(null));
      if (firstOfCode.putIfAbsent(rate.code().packed(), i) == null) {
        codeKeys.add(rate.code().packed());
      }
    }
    this.rows = PackedIndex.of(keys);
    this.codes = PackedIndex.of(codeKeys.stream().mapToInt(Integer::intValue).toArray());
    this.travelPerMile = builder.travelPerMile;
    this.travelPerTrip = builder.travelPerTrip;
  }

  private static int key(ProcedureCode code, Modifier modifier) {
    return code.packed() * SLOTS + (modifier == null ? 0 : modifier.ordinal() + 1);
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
    if (codes.positionOf(code.packed()) < 0) {
      if (code.equals(TRAVEL_PER_MILE) || code.equals(TRAVEL_PER_TRIP)) {
        return travel(line, context);
      }
      return refusals.notListed(line, context);
    }
    int row = -1;
    boolean waived = false;
    ImmutableList<Modifier> modifiers = line.modifiers();
    for (int i = 0; i < modifiers.size(); i++) {
      Modifier modifier = modifiers.get(i);
      if (modifier == Modifier.PROFESSIONAL_COMPONENT || modifier == Modifier.TECHNICAL_COMPONENT) {
        return refusals.refuse(
            line,
            context,
            UnpricedReason.MODIFIER_NOT_ALLOWED,
            modifier
                + " on "
                + code
                + ": the CLFS pays the whole test, not a professional or technical component"
                + " (a test's interpretation, where Medicare pays one, is priced by the"
                + " Physician Fee Schedule)");
      }
      waived |= modifier == WAIVED_TEST;
      if (row < 0) {
        row = rows.positionOf(key(code, modifier));
      }
    }
    if (row < 0) {
      if (waived && !WAIVED_WITHOUT_QW.contains(code)) {
        return refusals.refuse(
            line,
            context,
            UnpricedReason.MODIFIER_NOT_ALLOWED,
            code
                + " has no QW row in "
                + name
                + ": bill it without QW (CMS lists no waived row for it: it is not a waived"
                + " test)");
      }
      row = rows.positionOf(key(code, null));
      if (row < 0) {
        return refusals.refuse(
            line,
            context,
            UnpricedReason.MODIFIER_REQUIRED,
            code + " is in " + name + " only with modifier " + modifiersOf(code));
      }
    }
    ClfsRate rate = rates.get(row);
    LocalDate date = context.dateOfService();
    if (date.isBefore(rate.effectiveFrom())) {
      return refusals.refuse(
          line,
          context,
          UnpricedReason.DATE_NOT_COVERED,
          rate.row() + " is priced from " + rate.effectiveFrom() + ", not " + date);
    }
    if (rate.indicator() == ClfsIndicator.LOCAL) {
      return refusals.refuse(
          line,
          context,
          UnpricedReason.CARRIER_PRICED,
          rate.row() + " has no national limit in " + name + ": the contractor prices it");
    }
    if (rate.rate().signum() == 0) {
      // CMS's files list 0.00 only on locally priced rows: a national rate of 0 is no rate, never
      // a payment of nothing.
      return refusals.refuse(
          line,
          context,
          UnpricedReason.CARRIER_PRICED,
          rate.row()
              + " has a national rate of 0 in "
              + name
              + ", which is no rate: the contractor prices it");
    }
    int units = line.units();
    BigDecimal amount = units == 1 ? rate.rate() : rate.rate().multiply(BigDecimal.valueOf(units));
    // Worked out only when read: pricing a claim of lab tests should cost the arithmetic alone.
    return FeeResult.priced(
        amount, Explanation.deferred(() -> explainPriced(line, context, rate, amount)));
  }

  private FeeResult travel(ClaimLine line, PricingContext context) {
    boolean perMile = line.code().equals(TRAVEL_PER_MILE);
    BigDecimal unit = perMile ? travelPerMile : travelPerTrip;
    if (unit == null) {
      return refusals.refuse(
          line,
          context,
          UnpricedReason.CARRIER_PRICED,
          line.code()
              + ": the travel allowance is set by the contractor each year (Pub. 100-04, ch. 16,"
              + " §60.2); give it to the schedule's builder to price it");
    }
    if (unit.signum() == 0) {
      // Both allowances are given together: a 0 is one the contractor does not pay that way (or
      // was not given), never a payment of nothing.
      return refusals.refuse(
          line,
          context,
          UnpricedReason.CARRIER_PRICED,
          line.code()
              + ": the travel allowance given is 0, which is no allowance: the contractor prices"
              + " it");
    }
    int units = line.units();
    BigDecimal amount = unit.multiply(BigDecimal.valueOf(units));
    return FeeResult.priced(
        amount,
        Explanation.deferred(
            () ->
                header(line, context)
                    .then(
                        PricingStep.of(
                            "travel-allowance",
                            line.code()
                                + " "
                                + unit.toPlainString()
                                + (perMile ? " per mile x " + units + " miles" : " per trip")
                                + (perMile || units == 1 ? "" : " x " + units),
                            amount))));
  }

  private String modifiersOf(ProcedureCode code) {
    return rates.stream()
        .filter(r -> r.code().equals(code) && r.modifier().isPresent())
        .map(r -> r.modifier().get().toString())
        .collect(Collectors.joining(" or "));
  }

  private Explanation header(ClaimLine line, PricingContext context) {
    return Explanation.of(
        PricingStep.note(
            "clfs", name + " prices " + line + " on " + context.dateOfService() + " (national)"));
  }

  private Explanation explainPriced(
      ClaimLine line, PricingContext context, ClfsRate rate, BigDecimal amount) {
    Explanation explanation =
        header(line, context)
            .then(
                PricingStep.of(
                    "clfs-rate",
                    rate.row()
                        // 42 CFR 414.507(a): since 2018 a "payment rate", not a limitation amount.
                        + " payment rate "
                        + rate.rate().toPlainString()
                        + " (national, 42 CFR 414.507), effective "
                        + rate.effectiveFrom(),
                    rate.rate()));
    if (SPECIMEN_COLLECTION.contains(rate.code())) {
      explanation =
          explanation.then(
              PricingStep.note(
                  "specimen-collection", "a specimen collection fee (Pub. 100-04, ch. 16, §60.1)"));
    }
    if (rate.modifier().isEmpty() && line.hasModifier(WAIVED_TEST)) {
      explanation =
          explanation.then(
              PricingStep.note(
                  "modifier-qw",
                  rate.code()
                      + " is recognized as a waived test without QW, which it does not need:"
                      + " priced at its rate"));
    }
    if (line.hasModifier(REFERENCE_LABORATORY)) {
      explanation =
          explanation.then(
              PricingStep.note(
                  "modifier-90", "done by a reference laboratory: the same amount is paid"));
    }
    if (line.hasModifier(REPEAT_TEST)) {
      explanation =
          explanation.then(
              PricingStep.note("modifier-91", "a repeat test the same day: each paid in full"));
    }
    if (line.units() > 1) {
      explanation =
          explanation.then(
              PricingStep.of(
                  "units",
                  "x "
                      + line.units()
                      + (SPECIMEN_COLLECTION.contains(rate.code()) ? " collections" : " tests"),
                  amount));
    }
    if (!context.participating()) {
      explanation =
          explanation.then(
              PricingStep.note(
                  "assignment", "laboratory tests are paid on assignment only: no 95% reduction"));
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
  public ClfsFeeSchedule withName(String newName) {
    Builder builder = builder(quarter).name(newName).addAll(rates);
    if (travelPerMile != null) {
      builder.travelAllowance(travelPerMile, travelPerTrip);
    }
    return builder.build();
  }

  /**
   * {@return a copy that prices the travel allowance ({@link Builder#travelAllowance})}
   *
   * @param perMile the allowance per mile for {@code P9603}, in dollars, zero or more
   * @param perTrip the allowance per trip for {@code P9604}, in dollars, zero or more
   * @throws IllegalArgumentException if either is negative
   */
  public ClfsFeeSchedule withTravelAllowance(BigDecimal perMile, BigDecimal perTrip) {
    return builder(quarter).name(name).addAll(rates).travelAllowance(perMile, perTrip).build();
  }

  /**
   * {@return the row of {@code code} with {@code modifier} (empty: the main row), if any}
   *
   * @param code the code billed
   * @param modifier the row's modifier ({@code QW}); empty for the main row
   */
  public Optional<ClfsRate> find(ProcedureCode code, Optional<Modifier> modifier) {
    int row =
        rows.positionOf(
            key(requireNonNull(code, "code"), requireNonNull(modifier, "modifier").orElse(null)));
    return row < 0 ? Optional.empty() : Optional.of(rates.get(row));
  }

  /**
   * Tells whether the schedule has a row of {@code code}.
   *
   * @param code the code billed
   * @return true if the schedule has a row of {@code code}, whatever its modifier
   */
  public boolean contains(ProcedureCode code) {
    requireNonNull(code, "code");
    return codes.positionOf(code.packed()) >= 0;
  }

  /** {@return every row, in the order given to the builder (the file's order)} */
  public ImmutableList<ClfsRate> rates() {
    return rates;
  }

  /** {@return the quarter whose dates of service the schedule prices} */
  public Quarter quarter() {
    return quarter;
  }

  /** {@return the travel allowance per mile ({@code P9603}), if given} */
  public Optional<BigDecimal> travelAllowancePerMile() {
    return Optional.ofNullable(travelPerMile);
  }

  /** {@return the travel allowance per trip ({@code P9604}), if given} */
  public Optional<BigDecimal> travelAllowancePerTrip() {
    return Optional.ofNullable(travelPerTrip);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name + " (" + rates.size() + " rows, " + quarter + ")";
  }

  /** Builds a {@link ClfsFeeSchedule}; each code and modifier may be given once. */
  public static final class Builder {
    private final Quarter quarter;
    private String name;
    private final List<ClfsRate> rates = new ArrayList<>();
    private final Map<Integer, ClfsRate> seen = new HashMap<>();
    private BigDecimal travelPerMile;
    private BigDecimal travelPerTrip;

    private Builder(Quarter quarter) {
      this.quarter = quarter;
    }

    /**
     * Sets the name used in explanations (default {@code clfs-2025-Q1}).
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
     * Adds a row.
     *
     * @param rate the row
     * @return this builder
     * @throws IllegalArgumentException if the schedule already has a row of that code and modifier
     */
    public Builder add(ClfsRate rate) {
      requireNonNull(rate, "rate");
      ClfsRate previous = seen.putIfAbsent(key(rate.code(), rate.modifier().orElse(null)), rate);
      if (previous != null) {
        throw new IllegalArgumentException("row " + rate.row() + " given twice");
      }
      rates.add(rate);
      return this;
    }

    /**
     * Adds every row of {@code more}.
     *
     * @param more the rows, each added as {@link #add} does
     * @return this builder
     * @throws IllegalArgumentException as {@link #add} does
     */
    public Builder addAll(Iterable<ClfsRate> more) {
      requireNonNull(more, "more");
      more.forEach(this::add);
      return this;
    }

    /**
     * Sets the specimen-collection travel allowance: {@code perMile} for {@code P9603}, {@code
     * perTrip} for {@code P9604}, as the contractor publishes them.
     *
     * @param perMile the allowance per mile, in dollars, zero or more
     * @param perTrip the allowance per trip, in dollars, zero or more
     * @return this builder
     * @throws IllegalArgumentException if either is negative
     */
    public Builder travelAllowance(BigDecimal perMile, BigDecimal perTrip) {
      requireNonNull(perMile, "perMile");
      requireNonNull(perTrip, "perTrip");
      if (perMile.signum() < 0 || perTrip.signum() < 0) {
        throw new IllegalArgumentException(
            "a travel allowance is never negative: " + perMile + ", " + perTrip);
      }
      this.travelPerMile = perMile;
      this.travelPerTrip = perTrip;
      return this;
    }

    /** {@return the schedule} */
    public ClfsFeeSchedule build() {
      return new ClfsFeeSchedule(this);
    }
  }
}
