package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.LiabilityModifiersEdit;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.PaymentEffect;
import io.github.cpt4j.text.OneLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
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
 *   <li>Applies modifier PD, the 3-day payment window (CMS change request 7502): a test with a
 *       professional/technical split (PC/TC 1) is paid its 26 row, any other code the facility
 *       rate; a technical component, a technical-only code and a global-only test (93000) are
 *       {@link UnpricedReason#NOT_PAYABLE_IN_PLACE}, paid to the hospital with the inpatient stay.
 *       The explanation says so in a {@code modifier-PD} step.
 *   <li>Checks the status: A, T and R with RVUs are priced; C, and R without RVUs, are
 *       contractor-priced; every other status is {@link UnpricedReason#STATUS_NOT_PAYABLE}.
 *   <li>Computes the amount of one unit with the locality's GPCIs and the conversion factor of the
 *       date of service (and QP status): see {@link FeeCalculation}. An NA setting is priced at the
 *       other setting's amount, as CMS's payment files do, and flagged. For imaging codes in the
 *       OPPS cap table, the lower of that and the cap.
 *   <li>Rounds that amount half-up to cents: the fee CMS posts for one unit ({@link
 *       FeeCalculation#amount()}).
 *   <li>Multiplies the posted fee by the units, for a non-participating provider by 95%, and for a
 *       non-physician practitioner by its share ({@link PractitionerType}: 85% for a nurse
 *       practitioner...), and rounds the product half-up to cents ({@link FeeResult#amount()}).
 * </ol>
 *
 * <p>Anesthesia codes (status J) are priced by the {@linkplain Builder#anesthesia anesthesia
 * schedule} when one is set: base and time units times the locality's anesthesia conversion factor
 * (see {@link AnesthesiaFeeSchedule}); an AD line gets the time unit of presence at induction when
 * the context says so ({@link PricingContext#supervisorPresentAtInduction()}).
 *
 * <p>Other modifiers with a payment effect (50, 51, 62, 66, 78, 80, 81, 82, AS, 54, 55, 56, 22, 52,
 * FX, FY and CT, which reduce the technical component, CQ and CO, a therapy assistant's 85%, and GZ
 * and GY, whose lines claim pricing denies) are applied by {@link
 * io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer}, each by a step a payer can replace:
 * some depend on the other lines of the claim (50, 51), others on the line's own row alone (an
 * assistant's 16% under 80, a co-surgeon's 62.5% under 62, by report under 66), and all of them are
 * applied in that one place. This schedule gives the fee schedule amount those rules start from and
 * notes each such modifier in the explanation, so a line with one of them priced here alone is NOT
 * what the line is paid: price it as a claim of one line for that.
 *
 * <pre>{@code
 * MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
 * Locality locality = BundledData.zipLocalities().find("10001").orElseThrow();   // 13202-01
 * PricingContext office = PricingContext.of(LocalDate.of(2025, 6, 2), locality,
 *     Setting.NON_FACILITY);
 * FeeResult fee = medicare.price(ClaimLine.parse("99213"), office);
 * fee.amountOrThrow();   // 101.06, the published 2025 amount for Manhattan
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

  /** CMS's QPP file's rows, for qualifying APM participants; null when not given. */
  private final RvuTable qualifyingApmRvus;

  private final GpciTable gpcis;
  private final ConversionFactors conversionFactors;
  private final OppsCapTable oppsCaps;
  private final LocalDate effectiveFrom;
  private final LocalDate effectiveTo;
  private final AnesthesiaFeeSchedule anesthesia;

  /** Why there is no anesthesia schedule, said when an anesthesia code is refused; else null. */
  private final String noAnesthesiaReason;

  /**
   * The evaluator of the last context priced, reused while callers price with the same (or an
   * equal) context: its date window, GPCIs and conversion factor are then looked up once, not for
   * every line, which was a quarter of the time of pricing a line. A benign race: an evaluator is
   * immutable (final fields), so a thread sees null or a complete evaluator, and checks its context
   * before using it; a thread pricing another context replaces it.
   */
  private LineEvaluator lastEvaluator;

  private MedicareFeeSchedule(Builder builder) {
    this.name = builder.name;
    this.rvus = requireNonNull(builder.rvus, "rvus (call Builder.rvus)");
    this.qualifyingApmRvus = builder.qualifyingApmRvus;
    if (qualifyingApmRvus != null
        && !(qualifyingApmRvus.year().equals(rvus.year())
            && qualifyingApmRvus.release().equals(rvus.release()))) {
      // Two releases' rows would price one date with two quarters' relative values.
      throw new IllegalArgumentException(
          "the qualifying APM participants' relative value file is of "
              + qualifyingApmRvus.release().map(Object::toString).orElse("no stated release")
              + ", the other of "
              + rvus.release().map(Object::toString).orElse("no stated release"));
    }
    this.gpcis = requireNonNull(builder.gpcis, "gpcis (call Builder.gpcis)");
    this.conversionFactors =
        requireNonNull(
            builder.conversionFactors, "conversionFactors (call Builder.conversionFactors)");
    this.oppsCaps = builder.oppsCaps;
    if (builder.effectiveTo.isBefore(builder.effectiveFrom)) {
      throw new IllegalArgumentException(
          "the schedule's period ends "
              + builder.effectiveTo
              + " before it starts "
              + builder.effectiveFrom);
    }
    Year year = rvus.year().orElse(null);
    Year gpciYear = gpcis.year().orElse(null);
    if (year != null && gpciYear != null && !year.equals(gpciYear)) {
      // Another year's indices price the right services at amounts CMS never paid.
      throw new IllegalArgumentException(
          "the relative value file is for " + year + ", but the GPCIs are for " + gpciYear);
    }
    // The relative values of one year times another year's conversion factor is an amount no one
    // was ever paid: the file's year bounds the dates priced, and its release, when the file names
    // it, bounds them to that release's quarter. Rows that name no year, with GPCIs that do, are
    // bounded by the GPCIs' year: those indices apply to their year's services only.
    Year bound = year != null ? year : gpciYear;
    if (bound == null) {
      this.effectiveFrom = builder.effectiveFrom;
      this.effectiveTo = builder.effectiveTo;
    } else {
      YearMonth release = year == null ? null : rvus.release().orElse(null);
      LocalDate first = release == null ? bound.atDay(1) : release.atDay(1);
      LocalDate last =
          release == null
              ? bound.atMonth(12).atEndOfMonth()
              : Quarter.of(release.atDay(1)).lastDay();
      this.effectiveFrom = builder.effectiveFrom.isAfter(first) ? builder.effectiveFrom : first;
      this.effectiveTo = builder.effectiveTo.isBefore(last) ? builder.effectiveTo : last;
      if (effectiveTo.isBefore(effectiveFrom)) {
        throw new IllegalArgumentException(
            (year == null
                    ? "the GPCIs are for " + gpciYear
                    : "the relative value file is for "
                        + (release == null ? year.toString() : first + " to " + last))
                + ", but the schedule's period is "
                + builder.effectiveFrom
                + " to "
                + builder.effectiveTo);
      }
    }
    this.anesthesia =
        builder.anesthesia == null
            ? null
            : withinPeriod(builder.anesthesia, effectiveFrom, effectiveTo, conversionFactors);
    this.noAnesthesiaReason = anesthesia == null ? builder.noAnesthesiaReason : null;
  }

  /**
   * Returns {@code anesthesia} priced on the dates of {@code from} to {@code to} only: itself when
   * its period is within them, else a copy over the dates both cover. {@link #price} and the claim
   * pricer hand it the anesthesia lines before any date is looked at, so a wider period priced
   * lines the schedule does not cover (its {@link #effectiveFrom()} and {@link #effectiveTo()}),
   * such as a 2026 line with the 2025 anesthesia factors of a schedule of 2025 relative values. A
   * schedule without a dated table of national anesthesia factors gets the one of {@code factors},
   * this schedule's ({@link ConversionFactors#anesthesiaFactors()}), so that its ANES tables are
   * checked against the anesthesia factor in force for each date and QP status ({@link
   * AnesthesiaFeeSchedule}).
   *
   * @throws IllegalArgumentException if the two periods have no date in common
   */
  private static AnesthesiaFeeSchedule withinPeriod(
      AnesthesiaFeeSchedule anesthesia, LocalDate from, LocalDate to, ConversionFactors factors) {
    LocalDate first = anesthesia.effectiveFrom().isAfter(from) ? anesthesia.effectiveFrom() : from;
    LocalDate last = anesthesia.effectiveTo().isBefore(to) ? anesthesia.effectiveTo() : to;
    if (first.equals(anesthesia.effectiveFrom())
        && last.equals(anesthesia.effectiveTo())
        && anesthesia.nationalFactors().isPresent()) {
      return anesthesia;
    }
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "the anesthesia schedule "
              + anesthesia.name()
              + " covers "
              + anesthesia.effectiveFrom()
              + " to "
              + anesthesia.effectiveTo()
              + ", none of the schedule's period "
              + from
              + " to "
              + to);
    }
    return AnesthesiaFeeSchedule.builder()
        .name(anesthesia.name())
        .baseUnits(anesthesia.baseUnits())
        .conversionFactors(anesthesia.conversionFactorTables())
        .nationalFactors(anesthesia.nationalFactors().orElseGet(factors::anesthesiaFactors))
        .effective(first, last)
        .build();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Prices {@code line} in {@code context}, as described on this class. */
  @Override
  public FeeResult price(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    if (anesthesia != null && AnesthesiaFeeSchedule.coversPacked(line.packedCode())) {
      // Anesthesia (status J) is paid by base and time units, not RVUs: chapter 12, section 50.
      return anesthesia.price(line, context);
    }
    LineEvaluator evaluator = evaluatorOf(context);
    // Units and the 95% multiply the posted fee of one unit, rounded to cents: Medicare pays the
    // posted amount per unit (3 x 101.06 = 303.18, where 3 x the exact 101.0569... would be
    // 303.17).
    FeeResult result;
    RvuEntry quickRow = evaluator.quickRowOrNaOrNull(line);
    RvuEntry pricedRow = quickRow; // the row priced, for the practitioner's share below
    if (quickRow != null) {
      // The common line, without a calculation object, NA settings included; the explanation
      // (worked out only when someone reads it: most callers want the amount alone, and the steps
      // cost several times the arithmetic) evaluates the line again.
      boolean settingNotAvailable =
          FeeCalculation.pricedSetting(quickRow, evaluator.setting()) != evaluator.setting();
      result =
          FeeResult.pricedNanoDollars(
              evaluator.postedNanoDollars(line, quickRow),
              settingNotAvailable,
              () -> explainPriced(line, context));
    } else {
      LineEvaluation evaluation = evaluator.evaluate(line);
      if (evaluation instanceof LineEvaluation.Refused refused) {
        RvuEntry row = refused.rowOrNull();
        return FeeResult.unpriced(
            refused.reason(), refused.detail(), () -> header(line, context, row));
      }
      FeeCalculation calculation = (FeeCalculation) evaluation;
      pricedRow = calculation.row().orElse(null);
      result =
          FeeResult.pricedNanoDollars(
              calculation.postedNanoDollars(),
              calculation.settingNotAvailable(),
              () -> explain(line, context, calculation));
    }
    result = noteClaimLevelModifiers(line, result);
    result = LiabilityModifiersEdit.noteWhenPricedAlone(line, context.dateOfService(), result);
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
    PractitionerType practitioner = context.practitioner();
    LocalDate date = context.dateOfService();
    if (practitioner == PractitionerType.THERAPY_ASSISTANT
        && practitioner.isReduced(date)
        && pricedRow != null
        && pricedRow.indicators().multipleProcedure() != MultipleProcedureRule.THERAPY) {
      // The therapy assistant's 85% is of outpatient physical and occupational therapy alone,
      // as on a claim (PractitionerStep).
      result =
          result.withStep(
              PricingStep.note(
                  "practitioner",
                  practitioner.words()
                      + ": no share applied, "
                      + line.code()
                      + " is not a therapy service (MULT PROC "
                      + pricedRow.indicators().multipleProcedure().code()
                      + ", not 5), and the therapy assistant's 85% ("
                      + practitioner.medicareSource()
                      + ") is of outpatient physical or occupational therapy alone"));
    } else if (practitioner.isReduced(date)) {
      // Even on an AS line: the claim pricer's 13.6% for AS is 85% of the assistant's 16% and
      // replaces this share there, but a line priced alone gets neither claim-level share, so it
      // gets the practitioner's (an NP's 27447-AS must not be paid more than the NP's 27447).
      // The share on the date: a nurse-midwife's 65% before 2011.
      result =
          result.multipliedBy(
              practitioner.medicareShare(date), "practitioner", practitioner.describeShare(date));
    } else if (practitioner.isReduced()) {
      // A therapy assistant's service before 2022: not reduced, and the explanation says why.
      result = result.withStep(PricingStep.note("practitioner", practitioner.describeShare(date)));
    }
    return result;
  }

  /**
   * Returns the schedule's one answer for {@code line} in {@code context} from its RVU rows: the
   * exact calculation of one unit of the row, or the reason, rule and detail of a refusal.
   * Anesthesia codes are answered from their rows too (status J, not paid from RVUs); {@link
   * #price} and the claim pricer hand them to the {@linkplain #anesthesia() anesthesia schedule}
   * instead. {@link #price} is this answer with the units and non-participation applied.
   *
   * @param line the claim line: code, modifiers and units
   * @param context the date of service, locality, setting and provider to price in
   * @return a {@link FeeCalculation} of one unit, or a {@link LineEvaluation.Refused}
   */
  public LineEvaluation evaluate(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    return evaluatorOf(context).evaluate(line);
  }

  /**
   * {@return the explanation of {@code evaluation}, this schedule's answer for {@code line} in
   * {@code context}: what is priced, the row with its indicators, then the calculation of one unit
   * (the formula, NA, the OPPS cap) when priced}
   *
   * @param line the claim line: code, modifiers and units
   * @param context the date of service, locality, setting and provider to price in
   * @param evaluation what {@link #evaluate} returned for {@code line} in {@code context}
   */
  public Explanation explain(ClaimLine line, PricingContext context, LineEvaluation evaluation) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    requireNonNull(evaluation, "evaluation");
    if (evaluation instanceof FeeCalculation priced) {
      return header(line, context, priced.rvuEntry()).then(priced.explanation());
    }
    return header(line, context, ((LineEvaluation.Refused) evaluation).rowOrNull());
  }

  /**
   * {@return an evaluator of lines in {@code context}, which looks the context's inputs up once:
   * for pricing the lines of one claim}
   *
   * @param context the date of service, locality, setting and provider to price in
   */
  public LineEvaluator evaluator(PricingContext context) {
    return evaluatorOf(requireNonNull(context, "context"));
  }

  /** The evaluator of {@code context}: the last one when its context is the same or equal. */
  private LineEvaluator evaluatorOf(PricingContext context) {
    LineEvaluator last = lastEvaluator;
    if (last != null && (last.context() == context || last.context().equals(context))) {
      return last;
    }
    LineEvaluator fresh = new LineEvaluator(this, context);
    lastEvaluator = fresh;
    return fresh;
  }

  /**
   * Returns the limiting charge of {@code line}: the most a non-participating provider who does not
   * accept assignment may charge, 109.25% of the participating amount (whatever the context's
   * participation), rounded once at the end like every amount. An anesthesia line's participating
   * amount is first rounded to cents ({@link LimitingCharge#ofAnesthesia}), as the posted fee the
   * 109.25% multiplies for any other line is.
   *
   * <p>A practitioner Medicare pays only on assignment ({@link
   * PractitionerType#mustAcceptAssignment()}: a nurse practitioner, a physician assistant, a
   * clinical social worker...) has no limiting charge: the most such a practitioner collects is
   * Medicare's approved amount ({@link #price}). So has a line whose modifier says such a
   * practitioner furnished it, whatever the context's type ({@link
   * LimitingCharge#paidOnlyOnAssignment}): AS, an assistant at surgery who is not a physician; QZ
   * and QX, a nurse anesthetist's service. A line such a practitioner could be paid for is then
   * unpriced, {@link UnpricedReason#ASSIGNMENT_REQUIRED}, with the approved amount in its detail
   * and that amount's calculation (in the context as given, non-participation included) as its
   * explanation; a line the schedule does not price keeps its own reason.
   *
   * <p>The line alone: its claim-level modifiers (51, 50, 80, 62...) do not reduce it. {@link
   * io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer#limitingCharges} gives the limiting
   * charges of a claim's lines after its payment rules.
   *
   * @param line the claim line: code, modifiers and units
   * @param context the date of service, locality, setting and provider to price in
   * @return the limiting charge of all the line's units, or the participating amount's reason when
   *     the line is not priced
   */
  public FeeResult limitingCharge(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    PractitionerType practitioner = context.practitioner();
    if (LimitingCharge.paidOnlyOnAssignment(line, practitioner)
        && price(line, context) instanceof FeeResult.Priced approved) {
      return LimitingCharge.assignmentRequired(line, practitioner, approved);
    }
    FeeResult participating = price(line, context.withParticipating(true));
    if (anesthesia != null && AnesthesiaFeeSchedule.coversPacked(line.packedCode())) {
      // Of the anesthesia amount in cents, as the PFS's of its posted fee (PF25PC layout).
      // Of each unit of 01953, paid each as a line of one (LimitingCharge.ofAnesthesia).
      return LimitingCharge.ofAnesthesia(line, participating);
    }
    return LimitingCharge.of(participating);
  }

  /**
   * {@return the exact calculation for one unit of the row {@code line} selects, when the line is
   * priced from RVUs; empty when {@link #price} gives a reason instead}
   *
   * @param line the claim line: code, modifiers and units
   * @param context the date of service, locality, setting and provider to price in
   */
  public Optional<FeeCalculation> calculation(ClaimLine line, PricingContext context) {
    return evaluate(line, context) instanceof FeeCalculation priced
        ? Optional.of(priced)
        : Optional.empty();
  }

  /**
   * {@return the RVU row {@code line} selects by its 26, TC or 53 modifier (the global row when it
   * has none), if the schedule has that row; empty when its modifiers select different rows}
   *
   * @param line the claim line whose code and modifiers select the row
   */
  public Optional<RvuEntry> rvuEntry(ClaimLine line) {
    requireNonNull(line, "line");
    RowModifier row = RowModifier.selectedBy(line.modifiers());
    return row == null ? Optional.empty() : rvus.find(line.code(), row);
  }

  /**
   * {@return the row of {@code code} with row modifier {@code modifier}, if present}
   *
   * @param code the procedure code of the row
   * @param modifier 26, TC or 53 for that row, or empty for the global row
   */
  public Optional<RvuEntry> rvuEntry(ProcedureCode code, Optional<Modifier> modifier) {
    return rvus.find(code, modifier);
  }

  /**
   * {@return the GPCIs of {@code locality}, if the schedule has them}
   *
   * @param locality the payment locality, such as {@code 13282-99}
   */
  public Optional<Gpci> gpci(Locality locality) {
    return gpcis.find(locality);
  }

  /**
   * {@return the conversion factor for {@code dateOfService} and QP status, if any}
   *
   * @param dateOfService the date of service
   * @param qualifyingApmParticipant whether the provider is a qualifying APM participant, whose
   *     conversion factor differs from 2026
   */
  public Optional<ConversionFactor> conversionFactor(
      LocalDate dateOfService, boolean qualifyingApmParticipant) {
    return conversionFactors.find(dateOfService, qualifyingApmParticipant);
  }

  /**
   * Returns the OPPS imaging cap the cap table lists for {@code entry}'s row in {@code locality},
   * if any. Pricing also caps a row the table lacks whose OPPS columns are not zero, with the cap
   * computed from them ({@link OppsCap#fromRvus}).
   *
   * @param entry the RVU row
   * @param locality the payment locality
   * @return the cap the table lists, or empty when it lists none
   */
  public Optional<OppsCap> oppsCap(RvuEntry entry, Locality locality) {
    requireNonNull(entry, "entry");
    requireNonNull(locality, "locality");
    return oppsCaps.find(entry.code(), entry.modifier(), locality);
  }

  /** {@return the RVU rows} */
  public RvuTable rvus() {
    return rvus;
  }

  /**
   * {@return the RVU rows of qualifying APM participants, when given ({@link
   * Builder#qualifyingApmRvus}): a context for such a provider ({@link
   * PricingContext#qualifyingApmParticipant()}) is priced from them instead of {@link #rvus()}}
   */
  public Optional<RvuTable> qualifyingApmRvus() {
    return Optional.ofNullable(qualifyingApmRvus);
  }

  /** The rows a line in {@code context} is priced from. */
  RvuTable rvusFor(PricingContext context) {
    return qualifyingApmRvus != null && context.qualifyingApmParticipant()
        ? qualifyingApmRvus
        : rvus;
  }

  /** {@return the GPCIs} */
  public GpciTable gpcis() {
    return gpcis;
  }

  /** {@return the conversion factors} */
  public ConversionFactors conversionFactors() {
    return conversionFactors;
  }

  /** {@return the OPPS imaging caps (possibly none)} */
  public OppsCapTable oppsCaps() {
    return oppsCaps;
  }

  /**
   * {@return the anesthesia schedule that prices the anesthesia codes 00100-01999 and refuses the
   * qualifying circumstances 99100-99140, if one was set: the one given to the builder, narrowed to
   * this schedule's dates when its own period was wider, and given this schedule's dated table of
   * conversion factors when it had none ({@link AnesthesiaFeeSchedule#nationalFactors()})}
   */
  public Optional<AnesthesiaFeeSchedule> anesthesia() {
    return Optional.ofNullable(anesthesia);
  }

  /**
   * Returns why this schedule has no anesthesia schedule, as given to {@link
   * Builder#noAnesthesiaBecause}: the refusal of each anesthesia code says it. Empty when the
   * schedule has one, or none was given.
   *
   * @return the reason given, or empty
   */
  public Optional<String> noAnesthesiaReason() {
    return Optional.ofNullable(noAnesthesiaReason);
  }

  /**
   * Returns this schedule with {@code schedule} as its anesthesia schedule, in place of its own if
   * it has one ({@link Builder#anesthesia}): the same name, tables and period, sharing them. A
   * claim pricer of the result prices the anesthesia codes 00100-01999 by {@code schedule}, one
   * service per session with the total time, as a schedule built with it does.
   *
   * <pre>{@code
   * MedicareClaimPricer.of(pfs.withAnesthesia(anesthesia));
   * }</pre>
   *
   * @param schedule the anesthesia schedule to price 00100-01999 by
   * @return a schedule sharing this one's tables, with {@code schedule} for anesthesia
   */
  public MedicareFeeSchedule withAnesthesia(AnesthesiaFeeSchedule schedule) {
    return copy().anesthesia(requireNonNull(schedule, "schedule")).build();
  }

  /**
   * Returns this schedule with {@code table} as its GPCIs, in place of its own: the same name,
   * relative values, conversion factors, OPPS caps, anesthesia schedule and period, sharing them. A
   * corrected GPCI file of the year, say, priced with a release's rows.
   *
   * <pre>{@code
   * MedicareFeeSchedule corrected = release.withGpcis(GpciFile.read(Path.of("GPCI2025.csv")));
   * }</pre>
   *
   * @param table the GPCIs to price with
   * @return a schedule sharing this one's other tables, with {@code table} for its GPCIs
   * @throws IllegalArgumentException if the relative values and {@code table} both name their year
   *     and the years differ
   */
  public MedicareFeeSchedule withGpcis(GpciTable table) {
    return copy().gpcis(requireNonNull(table, "table")).build();
  }

  /**
   * {@return this schedule with {@code table} as its OPPS imaging caps, in place of its own (an
   * empty table: the caps computed from the relative values' OPPS columns, as {@link
   * Builder#oppsCaps} says): the same name, relative values, GPCIs, conversion factors, anesthesia
   * schedule and period, sharing them}
   *
   * @param table the OPPS imaging caps; empty for the caps computed from the rows
   */
  public MedicareFeeSchedule withOppsCaps(OppsCapTable table) {
    return copy().oppsCaps(requireNonNull(table, "table")).build();
  }

  /**
   * A builder of this schedule's tables and period (the period as this schedule bounded it: the
   * relative value file's year and release bound it the same again).
   */
  private Builder copy() {
    Builder copy =
        builder()
            .name(name)
            .rvus(rvus)
            .gpcis(gpcis)
            .conversionFactors(conversionFactors)
            .oppsCaps(oppsCaps)
            .effective(effectiveFrom, effectiveTo);
    if (qualifyingApmRvus != null) {
      copy.qualifyingApmRvus(qualifyingApmRvus);
    }
    if (noAnesthesiaReason != null) {
      copy.noAnesthesiaBecause(noAnesthesiaReason);
    }
    return anesthesia == null ? copy : copy.anesthesia(anesthesia);
  }

  /**
   * {@return the first date of service the schedule prices: the start of the period given to the
   * builder, or of the relative value file's year when that is later, or, when the file names its
   * release, of the release's month when that is later ({@link Builder#effective})}
   */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /**
   * {@return the last date of service the schedule prices: the end of the period given to the
   * builder, or of the relative value file's year when that is earlier, or, when the file names its
   * release, of the release's quarter when that is earlier ({@link Builder#effective})}
   */
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

  /** The explanation of a priced line: its header, then the calculation's steps. */
  private Explanation explain(ClaimLine line, PricingContext context, FeeCalculation calculation) {
    return header(line, context, calculation.rvuEntry()).then(calculation.explanation());
  }

  /** {@link #explain} of a line priced without keeping its calculation: evaluated again. */
  private Explanation explainPriced(ClaimLine line, PricingContext context) {
    return explain(line, context, (FeeCalculation) new LineEvaluator(this, context).evaluate(line));
  }

  /**
   * The steps before the calculation: what is priced, and when the row is known, the row with its
   * indicators and the status T rule.
   */
  private Explanation header(ClaimLine line, PricingContext context, RvuEntry entry) {
    Explanation header =
        Explanation.of(
            PricingStep.note("medicare", () -> name + " prices " + line + " on " + context));
    // The context names the setting the date's rules pay the place at (facility for POS 10 before
    // 2024): say why when it is not the place's setting of today's rules.
    Optional<String> settingChange =
        PlaceOfService.in(context)
            .filter(p -> p.settingOn(context.dateOfService()) == context.setting())
            .flatMap(p -> p.settingChangeOn(context.dateOfService()));
    if (settingChange.isPresent()) {
      header = header.then(PricingStep.note("setting", settingChange.get()));
    }
    if (entry == null) {
      return header;
    }
    PaymentStatus status = entry.status();
    header = header.then(PricingStep.note("row", entry::describe));
    String paymentWindow = LineEvaluator.paymentWindowNote(line, entry);
    if (paymentWindow != null) {
      header = header.then(PricingStep.note("modifier-PD", paymentWindow));
    }
    if (status == PaymentStatus.T) {
      header =
          header.then(
              PricingStep.note(
                  "status-t", "paid only when no other fee-schedule service is paid the same day"));
    }
    return header;
  }

  private static FeeResult noteClaimLevelModifiers(ClaimLine line, FeeResult result) {
    ImmutableList<Modifier> modifiers = line.modifiers();
    for (int i = 0; i < modifiers.size(); i++) {
      Modifier modifier = modifiers.get(i);
      String effect = claimLevelEffect(ModifierRegistry.standard().paymentEffect(modifier));
      if (effect != null) {
        result =
            result.withStep(
                PricingStep.note(
                    "modifier-" + modifier, "not applied to the fee schedule amount: " + effect));
      }
    }
    return result;
  }

  /** What claim pricing does with a payment effect the single line cannot apply; null if none. */
  private static String claimLevelEffect(PaymentEffect effect) {
    return switch (effect) {
      case BILATERAL -> "bilateral rule of claim pricing";
      case MULTIPLE_PROCEDURES -> "multiple-procedure ranking of claim pricing";
      case CO_SURGEON -> "co-surgeon share of claim pricing";
      case TEAM_SURGEON -> "team surgery is priced by report";
      case ASSISTANT_SURGEON, NON_PHYSICIAN_ASSISTANT ->
          "assistant-at-surgery share of claim pricing";
      case SURGICAL_CARE_ONLY, POSTOPERATIVE_CARE_ONLY, PREOPERATIVE_CARE_ONLY ->
          "split global care share of claim pricing";
      case RETURN_TO_OPERATING_ROOM -> "intra-operative share of claim pricing";
      case INCREASED_SERVICES, REDUCED_SERVICES -> "the contractor adjusts the amount";
      case FILM_X_RAY, COMPUTED_RADIOGRAPHY, CT_EQUIPMENT_NOT_STANDARD ->
          "technical component reduction of claim pricing";
      case THERAPY_ASSISTANT -> "therapy assistant's 85% of claim pricing, on a therapy service";
      // PD is applied to the line itself (LineEvaluator.inPaymentWindow), with its own step; GZ
      // and GY by LiabilityModifiersEdit.noteWhenPricedAlone, on the dates claim pricing denies.
      case NONE,
          SEPARATE_VISIT,
          LEFT_SIDE,
          RIGHT_SIDE,
          PAYMENT_WINDOW,
          NOT_NECESSARY_WITHOUT_NOTICE,
          STATUTORILY_EXCLUDED ->
          null;
    };
  }

  /** Builds a {@link MedicareFeeSchedule}: RVUs, GPCIs and conversion factors are required. */
  public static final class Builder {
    private String name = "medicare-pfs";
    private RvuTable rvus;
    private RvuTable qualifyingApmRvus;
    private GpciTable gpcis;
    private ConversionFactors conversionFactors;
    private OppsCapTable oppsCaps = OppsCapTable.empty();
    private LocalDate effectiveFrom = LocalDate.MIN;
    private LocalDate effectiveTo = LocalDate.MAX;
    private AnesthesiaFeeSchedule anesthesia;
    private String noAnesthesiaReason;

    private Builder() {}

    /**
     * Sets the anesthesia schedule (default none: anesthesia codes are then refused for their
     * status J): {@link #price} hands it the anesthesia codes 00100-01999 and the qualifying
     * circumstances 99100-99140. It prices only the schedule's own dates ({@link #effective}, as
     * bounded by the relative values' year and release): {@link #build()} narrows a wider period to
     * them, and fails if the two periods have no date in common.
     *
     * @param schedule the schedule that prices 00100-01999 and 99100-99140
     * @return this builder
     */
    public Builder anesthesia(AnesthesiaFeeSchedule schedule) {
      this.anesthesia = requireNonNull(schedule, "schedule");
      return this;
    }

    /**
     * Sets why the schedule has no anesthesia schedule (default none), for a schedule built without
     * one: each anesthesia code's refusal ends with it, so that the reader learns what is missing
     * and how to give it ({@code "no anesthesia conversion factors cover 2026: ..."}). Ignored when
     * an {@linkplain #anesthesia anesthesia schedule} is set.
     *
     * @param reason what is missing and how to give it, as the refusals will say it
     * @return this builder
     */
    public Builder noAnesthesiaBecause(String reason) {
      this.noAnesthesiaReason = requireNonNull(reason, "reason");
      return this;
    }

    /**
     * Sets the name used in explanations (default {@code "medicare-pfs"}).
     *
     * @param newName the name explanations show, one line
     * @return this builder
     * @throws IllegalArgumentException if {@code newName} is blank or not one line: an explanation
     *     would read it torn over lines, or say nothing
     */
    public Builder name(String newName) {
      this.name = OneLine.checked(requireNonNull(newName, "newName"), "a fee schedule's name");
      return this;
    }

    /**
     * Sets the RVU rows (a relative value file).
     *
     * @param table the rows of the relative value file (PPRRVU)
     * @return this builder
     */
    public Builder rvus(RvuTable table) {
      this.rvus = requireNonNull(table, "table");
      return this;
    }

    /**
     * Sets the RVU rows of qualifying APM participants (default none: {@link #rvus} prices every
     * provider). From 2026 CMS publishes a relative value file per conversion factor, one for
     * qualifying APM participants (QPP) and one for everyone else (non-QPP), and the two differ
     * beyond their factor: the PE and malpractice RVUs used for the OPPS cap of imaging rows are
     * scaled so that each file's columns times its own factor give about the same cap (71046's are
     * 2.69 in the QPP file and 2.70 in the other). A context of a qualifying participant is priced
     * from this table, as the contractor prices it from CMS's QPP file, so its caps are CMS's to
     * the cent; the conversion factor still comes from {@link #conversionFactors}. Both tables must
     * be of the same release.
     *
     * @param table the rows of the qualifying APM participants' relative value file
     * @return this builder
     * @throws IllegalArgumentException from {@link #build()} if the two tables state different
     *     releases
     */
    public Builder qualifyingApmRvus(RvuTable table) {
      this.qualifyingApmRvus = requireNonNull(table, "table");
      return this;
    }

    /**
     * Sets the GPCIs (a GPCI file).
     *
     * @param table the GPCIs of every locality
     * @return this builder
     */
    public Builder gpcis(GpciTable table) {
      this.gpcis = requireNonNull(table, "table");
      return this;
    }

    /**
     * Sets the conversion factor history.
     *
     * @param history the conversion factors, each with the dates it is in force
     * @return this builder
     */
    public Builder conversionFactors(ConversionFactors history) {
      this.conversionFactors = requireNonNull(history, "history");
      return this;
    }

    /**
     * Sets the OPPS imaging caps of CMS's OPPSCAP file (default none). A payable row the table
     * lacks is still capped, with the cap computed from its own OPPS columns ({@link
     * OppsCap#fromRvus}), so a schedule without a table caps imaging as CMS's file does; only rows
     * without OPPS columns are priced uncapped.
     *
     * @param table the rows of the OPPSCAP file
     * @return this builder
     */
    public Builder oppsCaps(OppsCapTable table) {
      this.oppsCaps = requireNonNull(table, "table");
      return this;
    }

    /**
     * Sets the dates of service the files are in force for, both inclusive (default: every date);
     * other dates are {@link UnpricedReason#DATE_NOT_COVERED}, so that schedules of several
     * releases can be chained with {@link FeeSchedule#firstThatPrices}. When the {@linkplain
     * RvuTable#year() relative values say their year}, the period is also bounded by that year:
     * {@link #build()} fails if the two do not overlap. When they also say their {@linkplain
     * RvuTable#release() release}, it is bounded by that release's dates, from the first day of its
     * month to the end of its quarter: a period of 2025 given to the October release's rows covers
     * 2025-10-01 to 2025-12-31 only. Relative values that name no year, with {@linkplain
     * GpciTable#year() GPCIs that do}, are bounded by the GPCIs' year instead: a year's indices
     * apply to that year's services only.
     *
     * @param from the first date of service priced
     * @param to the last date of service priced
     * @return this builder
     */
    public Builder effective(LocalDate from, LocalDate to) {
      this.effectiveFrom = requireNonNull(from, "from");
      this.effectiveTo = requireNonNull(to, "to");
      return this;
    }

    /** {@return the schedule} */
    public MedicareFeeSchedule build() {
      return new MedicareFeeSchedule(this);
    }
  }
}
