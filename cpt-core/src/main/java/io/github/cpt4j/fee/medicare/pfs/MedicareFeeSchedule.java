package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The Medicare Physician Fee Schedule: RVUs, GPCIs, conversion factors and OPPS imaging caps,
 * priced as CMS prices them, to the cent.
 *
 * <h2>What {@link #price} does</h2>
 *
 * <ol>
 *   <li>Chooses the RVU row: the global row, or the {@code 26}, {@code TC} or {@code 53} row when
 *       the line carries that modifier. 26 or TC on a code whose PC/TC indicator does not allow it
 *       is {@link UnpricedReason#MODIFIER_NOT_ALLOWED}; 53 without a row of its own is {@link
 *       UnpricedReason#CARRIER_PRICED}.
 *   <li>Checks the status: A, T and R with RVUs are priced; C, and R without RVUs, are
 *       contractor-priced; every other status is {@link UnpricedReason#STATUS_NOT_PAYABLE}.
 *   <li>Computes the amount of one unit with the locality's GPCIs and the conversion factor of the
 *       date of service (and QP status): see {@link FeeCalculation}. An NA setting is priced at the
 *       other setting's amount, as CMS's payment files do, and flagged. For imaging codes in the
 *       OPPS cap table, the lower of that and the cap.
 *   <li>Multiplies by the units and, for a non-participating provider, by 95%.
 *   <li>Rounds once, half-up to cents ({@link FeeResult#amount()}).
 * </ol>
 *
 * <p>Anesthesia codes (status J) are priced by the {@linkplain Builder#anesthesia anesthesia
 * schedule} when one is set: base and time units times the locality's anesthesia conversion factor
 * (see {@link AnesthesiaFeeSchedule}).
 *
 * <p>Other modifiers with a payment effect (50, 51, 62, 66, 80, 81, 82, AS, 54, 55, 56, 22, 52)
 * depend on the other lines of the claim or on claim-level rules; this schedule gives the fee
 * schedule amount those rules start from and notes each such modifier in the explanation.
 *
 * <pre>{@code
 * MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
 * Locality locality = BundledData.localityOfZip("10001").orElseThrow();
 * PricingContext office = PricingContext.of(LocalDate.of(2025, 6, 2), locality,
 *     Setting.NON_FACILITY);
 * FeeResult fee = medicare.price(ClaimLine.parse("99213"), office);
 * fee.amountOrThrow();   // the published 2025 amount for Manhattan
 * }</pre>
 *
 * <p>Immutable and thread-safe. Build one from CMS files with the loaders of {@code cpt-data}.
 */
public final class MedicareFeeSchedule implements FeeSchedule {

  /** The non-participating provider's share of the amount: 95%. */
  public static final BigDecimal NON_PARTICIPATING_FACTOR = new BigDecimal("0.95");

  /** The limiting charge as a share of the participating amount: 115% of 95%, 109.25%. */
  public static final BigDecimal LIMITING_CHARGE_FACTOR = new BigDecimal("1.0925");

  private final String name;
  private final RvuTable rvus;
  private final GpciTable gpcis;
  private final ConversionFactors conversionFactors;
  private final OppsCapTable oppsCaps;
  private final LocalDate effectiveFrom;
  private final LocalDate effectiveTo;
  private final AnesthesiaFeeSchedule anesthesia;

  private MedicareFeeSchedule(Builder builder) {
    this.name = builder.name;
    this.rvus = requireNonNull(builder.rvus, "rvus (call Builder.rvus)");
    this.gpcis = requireNonNull(builder.gpcis, "gpcis (call Builder.gpcis)");
    this.conversionFactors =
        requireNonNull(
            builder.conversionFactors, "conversionFactors (call Builder.conversionFactors)");
    this.oppsCaps = builder.oppsCaps;
    this.effectiveFrom = builder.effectiveFrom;
    this.effectiveTo = builder.effectiveTo;
    this.anesthesia = builder.anesthesia;
    if (effectiveTo.isBefore(effectiveFrom)) {
      throw new IllegalArgumentException(
          "the schedule's period ends " + effectiveTo + " before it starts " + effectiveFrom);
    }
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Prices {@code line} in {@code context}, as described on this class. */
  @Override
  public FeeResult price(ClaimLine line, PricingContext context) {
    if (anesthesia != null && AnesthesiaFeeSchedule.covers(line.code())) {
      // Anesthesia (status J) is paid by base and time units, not RVUs: chapter 12, section 50.
      return anesthesia.price(line, context);
    }
    Outcome outcome = evaluate(line, context);
    if (outcome.refusal != null) {
      return outcome.refusal;
    }
    FeeCalculation calculation = outcome.calculation;
    // Worked out only when someone reads it: most callers want the amount alone, and the steps
    // cost several times the arithmetic.
    Explanation explanation =
        Explanation.deferred(
            () -> header(line, context, calculation.rvuEntry()).then(calculation.explanation()));
    BigDecimal exact = calculation.exactAmount();
    FeeResult result =
        calculation.settingNotAvailable()
            ? FeeResult.pricedSettingNotAvailable(exact, explanation)
            : FeeResult.priced(exact, explanation);
    result = noteClaimLevelModifiers(line, result);
    if (line.units() > 1) {
      result =
          result.multipliedBy(
              BigDecimal.valueOf(line.units()), "units", "x " + line.units() + " units");
    }
    if (!context.participating()) {
      result =
          result.multipliedBy(
              NON_PARTICIPATING_FACTOR,
              "non-participating",
              "95% for a non-participating provider");
    }
    return result;
  }

  /**
   * Returns the limiting charge of {@code line}: the most a non-participating provider who does not
   * accept assignment may charge, 109.25% of the participating amount (whatever the context's
   * participation), rounded once at the end like every amount.
   */
  public FeeResult limitingCharge(ClaimLine line, PricingContext context) {
    return price(line, context.withParticipating(true))
        .multipliedBy(
            LIMITING_CHARGE_FACTOR,
            "limiting-charge",
            "115% of the non-participating 95%: 109.25%");
  }

  /**
   * Returns the exact calculation for one unit of the row {@code line} selects, when the line is
   * priced from RVUs; empty when {@link #price} gives a reason instead. For claim-level pricing,
   * which needs the parts (the therapy reduction applies to the practice expense only).
   */
  public Optional<FeeCalculation> calculation(ClaimLine line, PricingContext context) {
    return Optional.ofNullable(evaluate(line, context).calculation);
  }

  /**
   * Returns the RVU row {@code line} selects by its 26, TC or 53 modifier (the global row when it
   * has none), if the schedule has that row.
   */
  public Optional<RvuEntry> rvuEntry(ClaimLine line) {
    requireNonNull(line, "line");
    Modifier rowModifier = null;
    ImmutableList<Modifier> modifiers = line.modifiers();
    for (int i = 0; i < modifiers.size(); i++) {
      Modifier modifier = modifiers.get(i);
      if (RowKey.slotOrMinusOne(modifier) >= 0) {
        if (rowModifier != null && rowModifier != modifier) {
          return Optional.empty();
        }
        rowModifier = modifier;
      }
    }
    return rvus.find(line.code(), Optional.ofNullable(rowModifier));
  }

  /** Returns the row of {@code code} with row modifier {@code modifier}, if present. */
  public Optional<RvuEntry> rvuEntry(ProcedureCode code, Optional<Modifier> modifier) {
    return rvus.find(code, modifier);
  }

  /** Returns the GPCIs of {@code locality}, if the schedule has them. */
  public Optional<Gpci> gpci(Locality locality) {
    return gpcis.find(locality);
  }

  /** Returns the conversion factor for {@code dateOfService} and QP status, if any. */
  public Optional<ConversionFactor> conversionFactor(
      LocalDate dateOfService, boolean qualifyingApmParticipant) {
    return conversionFactors.find(dateOfService, qualifyingApmParticipant);
  }

  /** Returns the OPPS imaging cap of {@code entry}'s row in {@code locality}, if any. */
  public Optional<OppsCap> oppsCap(RvuEntry entry, Locality locality) {
    return oppsCaps.find(entry.code(), entry.modifier(), locality);
  }

  /** Returns the RVU rows. */
  public RvuTable rvus() {
    return rvus;
  }

  /** Returns the GPCIs. */
  public GpciTable gpcis() {
    return gpcis;
  }

  /** Returns the conversion factors. */
  public ConversionFactors conversionFactors() {
    return conversionFactors;
  }

  /** Returns the OPPS imaging caps (possibly none). */
  public OppsCapTable oppsCaps() {
    return oppsCaps;
  }

  /**
   * Returns the anesthesia schedule that prices the anesthesia codes 00100-01999 and refuses the
   * qualifying circumstances 99100-99140, if one was set.
   */
  public Optional<AnesthesiaFeeSchedule> anesthesia() {
    return Optional.ofNullable(anesthesia);
  }

  /** Returns the first date of service the schedule prices. */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /** Returns the last date of service the schedule prices. */
  public LocalDate effectiveTo() {
    return effectiveTo;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name
        + " ("
        + rvus.size()
        + " RVU rows, "
        + gpcis.size()
        + " localities, "
        + effectiveFrom
        + ".."
        + effectiveTo
        + ")";
  }

  /** The calculation, or the refusal with the steps that led there. */
  private static final class Outcome {
    final FeeCalculation calculation;
    final FeeResult refusal;

    Outcome(FeeCalculation calculation, FeeResult refusal) {
      this.calculation = calculation;
      this.refusal = refusal;
    }
  }

  private static Outcome refuse(Explanation header, UnpricedReason reason, String detail) {
    return new Outcome(null, FeeResult.unpriced(reason, detail, header));
  }

  /** {@link #header}, worked out only if someone reads the explanation of a refusal. */
  private Explanation deferredHeader(ClaimLine line, PricingContext context, RvuEntry entry) {
    return Explanation.deferred(() -> header(line, context, entry));
  }

  /**
   * The steps before the calculation: what is priced, and when the row is known, the row with its
   * indicators and the status T rule.
   */
  private Explanation header(ClaimLine line, PricingContext context, RvuEntry entry) {
    Explanation header =
        Explanation.of(
            PricingStep.note("medicare", () -> name + " prices " + line + " on " + context));
    if (entry == null) {
      return header;
    }
    PaymentIndicators indicators = entry.indicators();
    PaymentStatus status = indicators.status();
    header =
        header.then(
            PricingStep.note(
                "row",
                () ->
                    entry.row()
                        + " status "
                        + status.code()
                        + " ("
                        + status.words()
                        + "), PC/TC "
                        + indicators.pcTc().code()
                        + ", global "
                        + indicators.globalPeriod().code()));
    if (status == PaymentStatus.T) {
      header =
          header.then(
              PricingStep.note(
                  "status-t", "paid only when no other fee-schedule service is paid the same day"));
    }
    return header;
  }

  private Outcome evaluate(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    ProcedureCode code = line.code();
    LocalDate date = context.dateOfService();
    if (date.isBefore(effectiveFrom) || date.isAfter(effectiveTo)) {
      return refuse(
          deferredHeader(line, context, null),
          UnpricedReason.DATE_NOT_COVERED,
          name + " covers " + effectiveFrom + " to " + effectiveTo + ", not " + date);
    }
    if (!rvus.contains(code)) {
      return refuse(
          deferredHeader(line, context, null),
          UnpricedReason.NOT_IN_SCHEDULE,
          code + " is not in " + name);
    }
    Modifier rowModifier = null;
    ImmutableList<Modifier> modifiers = line.modifiers();
    for (int i = 0; i < modifiers.size(); i++) {
      Modifier modifier = modifiers.get(i);
      if (RowKey.slotOrMinusOne(modifier) >= 0) {
        if (rowModifier != null && rowModifier != modifier) {
          return refuse(
              deferredHeader(line, context, null),
              UnpricedReason.MODIFIER_NOT_ALLOWED,
              "modifiers "
                  + rowModifier
                  + " and "
                  + modifier
                  + " select different rows of "
                  + code);
        }
        rowModifier = modifier;
      }
    }
    Optional<RvuEntry> found = rvus.find(code, Optional.ofNullable(rowModifier));
    if (found.isEmpty()) {
      return missingRow(deferredHeader(line, context, null), code, rowModifier);
    }
    RvuEntry entry = found.get();
    PaymentStatus status = entry.status();
    if (!status.isPricedFromRvus() || status == PaymentStatus.R && entry.hasNoRvus()) {
      return refuseStatus(deferredHeader(line, context, entry), entry, context);
    }
    if (Locality.in(context).isEmpty()) {
      return refuse(
          deferredHeader(line, context, entry),
          UnpricedReason.NO_LOCALITY,
          "the Medicare fee schedule varies by locality; the context has none");
    }
    Locality locality = Locality.in(context).get();
    Optional<Gpci> gpci = gpcis.find(locality);
    if (gpci.isEmpty()) {
      return refuse(
          deferredHeader(line, context, entry),
          UnpricedReason.NO_GPCI_FOR_LOCALITY,
          name + " has no GPCIs for locality " + locality);
    }
    Optional<ConversionFactor> factor =
        conversionFactors.find(date, context.qualifyingApmParticipant());
    if (factor.isEmpty()) {
      return refuse(
          deferredHeader(line, context, entry),
          UnpricedReason.NO_CONVERSION_FACTOR,
          "no conversion factor for "
              + date
              + (context.qualifyingApmParticipant() ? " (qualifying APM participant)" : ""));
    }
    FeeCalculation calculation =
        new FeeCalculation(
            entry,
            gpci.get(),
            factor.get(),
            context.setting(),
            oppsCapOf(entry, locality, gpci.get(), factor.get()));
    return new Outcome(calculation, null);
  }

  /**
   * The cap of a row: from the OPPSCAP file when one was given, else computed from the RVU file's
   * OPPS columns ({@link OppsCap#fromRvus}); both agree on every payable 2025 row.
   */
  private Optional<OppsCap> oppsCapOf(
      RvuEntry entry, Locality locality, Gpci gpci, ConversionFactor factor) {
    return oppsCaps.size() > 0
        ? oppsCaps.find(entry.code(), entry.modifier(), locality)
        : OppsCap.fromRvus(entry, gpci, factor);
  }

  private Outcome missingRow(Explanation header, ProcedureCode code, Modifier rowModifier) {
    Optional<RvuEntry> global = rvus.find(code, Optional.empty());
    if (rowModifier == null) {
      String rows =
          rvus.rowsOf(code).stream().map(RvuEntry::row).reduce((a, b) -> a + ", " + b).orElse("");
      return refuse(header, UnpricedReason.MODIFIER_REQUIRED, code + " is priced only as " + rows);
    }
    if (rowModifier == Modifier.DISCONTINUED) {
      return refuse(
          header,
          UnpricedReason.CARRIER_PRICED,
          code + "-53 has no row of its own: the contractor prices a discontinued procedure");
    }
    String pcTc =
        global
            .map(
                e ->
                    "PC/TC indicator "
                        + e.indicators().pcTc().code()
                        + " ("
                        + e.indicators()
                            .pcTc()
                            .name()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' ')
                        + ")")
            .orElse("no " + rowModifier + " row");
    return refuse(
        header,
        UnpricedReason.MODIFIER_NOT_ALLOWED,
        "modifier " + rowModifier + " is not allowed with " + code + ": " + pcTc);
  }

  private Outcome refuseStatus(Explanation header, RvuEntry entry, PricingContext context) {
    PaymentStatus status = entry.status();
    if (status == PaymentStatus.C || status == PaymentStatus.R) {
      String detail =
          entry.row() + " status " + status.code() + ": the contractor sets the" + " amount";
      if (Locality.in(context).isPresent()) {
        Optional<OppsCap> cap =
            oppsCaps.find(entry.code(), entry.modifier(), Locality.in(context).get());
        if (cap.isPresent()) {
          detail +=
              ", at most the OPPS imaging cap of "
                  + cap.get().amount(context.setting()).toPlainString();
        }
      }
      return refuse(header, UnpricedReason.CARRIER_PRICED, detail);
    }
    return refuse(
        header,
        UnpricedReason.STATUS_NOT_PAYABLE,
        entry.row() + " status " + status.code() + ": " + status.words());
  }

  private static FeeResult noteClaimLevelModifiers(ClaimLine line, FeeResult result) {
    ImmutableList<Modifier> modifiers = line.modifiers();
    for (int i = 0; i < modifiers.size(); i++) {
      Modifier modifier = modifiers.get(i);
      String effect = claimLevelEffect(modifier);
      if (effect != null) {
        result =
            result.withStep(
                PricingStep.note(
                    "modifier-" + modifier, "not applied to the fee schedule amount: " + effect));
      }
    }
    return result;
  }

  private static String claimLevelEffect(Modifier m) {
    if (m == Modifier.BILATERAL) {
      return "bilateral rule of claim pricing";
    } else if (m == Modifier.MULTIPLE_PROCEDURES) {
      return "multiple-procedure ranking of claim pricing";
    } else if (m == Modifier.CO_SURGEONS) {
      return "co-surgeon share of claim pricing";
    } else if (m == Modifier.TEAM_SURGERY) {
      return "team surgery is priced by report";
    } else if (m == Modifier.ASSISTANT_SURGEON
        || m == Modifier.MINIMUM_ASSISTANT_SURGEON
        || m == Modifier.ASSISTANT_SURGEON_NO_RESIDENT
        || m == Modifier.NON_PHYSICIAN_ASSISTANT) {
      return "assistant-at-surgery share of claim pricing";
    } else if (m == Modifier.SURGICAL_CARE_ONLY
        || m == Modifier.POSTOPERATIVE_CARE_ONLY
        || m == Modifier.PREOPERATIVE_CARE_ONLY) {
      return "split global care share of claim pricing";
    } else if (m == Modifier.INCREASED_SERVICES || m == Modifier.REDUCED_SERVICES) {
      return "the contractor adjusts the amount";
    }
    return null;
  }

  /** Builds a {@link MedicareFeeSchedule}: RVUs, GPCIs and conversion factors are required. */
  public static final class Builder {
    private String name = "medicare-pfs";
    private RvuTable rvus;
    private GpciTable gpcis;
    private ConversionFactors conversionFactors;
    private OppsCapTable oppsCaps = OppsCapTable.empty();
    private LocalDate effectiveFrom = LocalDate.MIN;
    private LocalDate effectiveTo = LocalDate.MAX;
    private AnesthesiaFeeSchedule anesthesia;

    private Builder() {}

    /**
     * Sets the anesthesia schedule (default none: anesthesia codes are then refused for their
     * status J): {@link #price} hands it the anesthesia codes 00100-01999 and the qualifying
     * circumstances 99100-99140.
     */
    public Builder anesthesia(AnesthesiaFeeSchedule schedule) {
      this.anesthesia = requireNonNull(schedule, "schedule");
      return this;
    }

    /** Sets the name used in explanations (default {@code "medicare-pfs"}). */
    public Builder name(String newName) {
      this.name = requireNonNull(newName, "newName");
      return this;
    }

    /** Sets the RVU rows (a relative value file). */
    public Builder rvus(RvuTable table) {
      this.rvus = requireNonNull(table, "table");
      return this;
    }

    /** Sets the GPCIs (a GPCI file). */
    public Builder gpcis(GpciTable table) {
      this.gpcis = requireNonNull(table, "table");
      return this;
    }

    /** Sets the conversion factor history. */
    public Builder conversionFactors(ConversionFactors history) {
      this.conversionFactors = requireNonNull(history, "history");
      return this;
    }

    /** Sets the OPPS imaging caps (default none: imaging is then priced uncapped). */
    public Builder oppsCaps(OppsCapTable table) {
      this.oppsCaps = requireNonNull(table, "table");
      return this;
    }

    /**
     * Sets the dates of service the files are in force for, both inclusive (default: every date);
     * other dates are {@link UnpricedReason#DATE_NOT_COVERED}, so that schedules of several
     * releases can be chained with {@link FeeSchedule#firstThatPrices}.
     */
    public Builder effective(LocalDate from, LocalDate to) {
      this.effectiveFrom = requireNonNull(from, "from");
      this.effectiveTo = requireNonNull(to, "to");
      return this;
    }

    /** Returns the schedule. */
    public MedicareFeeSchedule build() {
      return new MedicareFeeSchedule(this);
    }
  }
}
