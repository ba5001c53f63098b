package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Physician Fee Schedule in one {@link PricingContext}: the context's inputs (date window,
 * locality, GPCIs, conversion factor) looked up once, then any number of lines evaluated with them.
 * A claim pricer takes one per claim; the schedule keeps the last one it made for its single lines.
 *
 * <p>The gates, in the order they apply (each a {@link LineEvaluation.Refused}): the date of
 * service outside the schedule's period; the code not in the schedule; two row modifiers selecting
 * different rows; the selected row missing (26 or TC the PC/TC indicator does not allow, 53 without
 * a row, a code priced only with a row modifier); a status not priced from RVUs (C, and R without
 * RVUs, are contractor-priced; others are not paid); a practitioner Medicare did not yet pay on the
 * date of service ({@link PractitionerType#coveredFrom()}); no locality; no GPCIs for it; no
 * conversion factor; a conversion factor other than the one the relative value file states.
 *
 * <p>Modifier PD, the 3-day payment window, is applied once the row is found: a split test's 26
 * row, the facility rate, or a refusal of a technical component ({@link #inPaymentWindow}).
 *
 * <p>Why the factor check is here, per line, and not in {@link
 * MedicareFeeSchedule.Builder#build()}: which factor applies depends on the date of service and on
 * whether the provider is a qualifying APM participant, and both come with each claim's context. A
 * schedule over the 2026 file for qualifying participants is right for their claims and wrong for
 * everyone else's, so refusing it at build time would refuse a schedule that prices some claims
 * correctly; refusing the lines it would misprice is both safe and precise.
 *
 * <p>Immutable and thread-safe.
 */
public final class LineEvaluator {

  private final MedicareFeeSchedule schedule;
  private final PricingContext context;

  /**
   * The setting the lines are priced at: the context's, which with a place of service is the
   * place's on the date of service ({@link PlaceOfService#settingOn}).
   */
  private final Setting setting;

  private final boolean dateCovered;

  /** Whether Medicare pays the context's practitioner on its date ({@code isCoveredOn}). */
  private final boolean practitionerCovered;

  private final Locality locality;
  private final Gpci gpci;
  private final ConversionFactor conversionFactor;

  /**
   * The factor the relative value file states when it is not {@link #conversionFactor}; else null.
   */
  private final BigDecimal otherStatedFactor;

  /**
   * Whether every gate that depends on the context alone passes, and no place of service is given:
   * then {@link #quickRowOrNull} and {@link #postedNanoDollars} can price a line.
   */
  private final boolean quick;

  /** The rows the context's lines are priced from: a qualifying APM participant's, or all's. */
  private final RvuTable rvus;

  /** A non-facility setting without a place of service: never a hospital inpatient's. */
  private final boolean nonFacilityWithoutPlace;

  LineEvaluator(MedicareFeeSchedule schedule, PricingContext context) {
    this.schedule = schedule;
    this.context = context;
    this.setting = context.setting();
    this.dateCovered = covers(schedule, context);
    this.practitionerCovered = context.practitioner().isCoveredOn(context.dateOfService());
    this.locality = localityOf(context);
    this.gpci = gpciOf(schedule, locality);
    this.conversionFactor = conversionFactorOf(schedule, context);
    this.rvus = schedule.rvusFor(context);
    this.otherStatedFactor = otherStatedFactor(rvus, conversionFactor);
    this.quick =
        dateCovered
            && gpci != null
            && conversionFactor != null
            && otherStatedFactor == null
            && context.placeOfService().isEmpty()
            && practitionerCovered;
    this.nonFacilityWithoutPlace =
        context.placeOfService().isEmpty() && context.setting() == Setting.NON_FACILITY;
  }

  /**
   * The conversion factor the relative value file states (its CONV FACTOR column) when it differs
   * from the factor in force, or null. The file's payment amounts were computed with its factor;
   * from 2026 CMS publishes a file per factor (qualifying APM participants and everyone else, CY
   * 2026 PFS final rule), so a mismatch means the wrong file for this provider or date.
   */
  private static BigDecimal otherStatedFactor(RvuTable rvus, ConversionFactor inForce) {
    if (inForce == null) {
      return null;
    }
    BigDecimal stated = rvus.conversionFactor().orElse(null);
    return stated == null || stated.compareTo(inForce.amount()) == 0 ? null : stated;
  }

  private static boolean covers(MedicareFeeSchedule schedule, PricingContext context) {
    LocalDate date = context.dateOfService();
    return !date.isBefore(schedule.effectiveFrom()) && !date.isAfter(schedule.effectiveTo());
  }

  /** The context's locality, or null: Locality.in without its Optional, on the hot path. */
  private static Locality localityOf(PricingContext context) {
    return context.area().orElse(null) instanceof Locality locality ? locality : null;
  }

  private static Gpci gpciOf(MedicareFeeSchedule schedule, Locality locality) {
    return locality == null ? null : schedule.gpcis().find(locality).orElse(null);
  }

  private static ConversionFactor conversionFactorOf(
      MedicareFeeSchedule schedule, PricingContext context) {
    return schedule
        .conversionFactors()
        .find(context.dateOfService(), context.qualifyingApmParticipant())
        .orElse(null);
  }

  /** {@return the schedule} */
  public MedicareFeeSchedule schedule() {
    return schedule;
  }

  /** {@return the context} */
  public PricingContext context() {
    return context;
  }

  /**
   * Returns the setting the lines are priced at: the context's ({@link PricingContext#setting()}),
   * which with a place of service is the place's on the date of service.
   */
  Setting setting() {
    return setting;
  }

  /**
   * {@return the schedule's one answer for {@code line}}
   *
   * @param line the line priced
   */
  public LineEvaluation evaluate(ClaimLine line) {
    requireNonNull(line, "line");
    return evaluate(
        schedule,
        context,
        setting,
        rvus,
        dateCovered,
        practitionerCovered,
        locality,
        gpci,
        conversionFactor,
        otherStatedFactor,
        line);
  }

  /**
   * Returns the row {@link #evaluate} prices {@code line} from when it prices the line in the
   * context's own setting; null when the caller must ask {@code evaluate} for the whole answer (it
   * refuses the line, substitutes the other setting for an NA one, or the context has a place of
   * service or fails a gate). The posted fee of one unit is then {@link #postedNanoDollars}.
   *
   * <p>What it buys: a caller that needs only the row and the posted fee, such as a claim pricer,
   * builds no {@link FeeCalculation} per line (issue 18); it can evaluate the line again if it
   * needs the calculation, for an explanation. The gates are those of {@code evaluate}; a property
   * checks that both agree.
   *
   * @param line the line priced
   * @return the row, or null when the caller must ask {@link #evaluate}
   */
  public RvuEntry quickRowOrNull(ClaimLine line) {
    requireNonNull(line, "line");
    RvuEntry entry = quickRowOrNaOrNull(line);
    return entry == null || FeeCalculation.pricedSetting(entry, setting) != setting
        ? null // NA: the result carries a flag, which evaluate sets
        : entry;
  }

  /**
   * Returns the row {@link #evaluate} prices {@code line} from, in the context's own setting or,
   * when the row marks it NA, in the other one; null when the caller must ask {@code evaluate} for
   * the whole answer (it refuses the line, or the context has a place of service or fails a gate).
   * The posted fee of one unit is then {@link #postedNanoDollars}, and the line's setting is not
   * available when {@code FeeCalculation.pricedSetting} of the row differs from the context's.
   *
   * <p>What it buys: the single-line path prices a line whose setting is NA (one line in nine of
   * the benchmark's mix) without the general evaluation and its {@link FeeCalculation} (issue 18).
   * The gates are those of {@code evaluate}; a property checks that both agree.
   */
  RvuEntry quickRowOrNaOrNull(ClaimLine line) {
    if (!quick || inPaymentWindow(line)) {
      return null; // PD changes the row or the setting: evaluate applies it
    }
    RowModifier row = RowModifier.selectedBy(line.modifiers());
    RvuEntry entry = row == null ? null : rvus.get(line.packedCode(), row);
    if (entry == null) {
      return null;
    }
    PaymentStatus status = entry.status();
    if (!status.isPricedFromRvus() || status == PaymentStatus.R && entry.hasNoRvus()) {
      return null;
    }
    if (nonFacilityWithoutPlace
        && entry.indicators().pcTc() == PcTcIndicator.PHYSICIAN_INTERPRETATION) {
      return null; // evaluate refuses it: a non-facility setting is no inpatient stay
    }
    return entry;
  }

  /**
   * {@return the posted amount of one unit of {@code line}, priced from {@code entry}, the row that
   * {@link #quickRowOrNull} returned for it, in 10^-9 dollars (whole cents): the {@link
   * FeeCalculation#postedNanoDollars()} of {@link #evaluate}'s answer}
   *
   * @param line the line priced
   * @param entry the row {@link #quickRowOrNull} returned for {@code line}
   */
  public long postedNanoDollars(ClaimLine line, RvuEntry entry) {
    requireNonNull(line, "line");
    requireNonNull(entry, "entry");
    // The practice expense of the setting the row is priced in: the other one when NA.
    long uncapped =
        FeeCalculation.uncappedNanoDollars(
            entry, gpci, conversionFactor, FeeCalculation.pricedSetting(entry, setting));
    // The line's code and row are the entry's: the cap table is read without waiting for the
    // entry's own code object.
    OppsCap cap =
        schedule.oppsCaps().size() > 0
            ? schedule.oppsCaps().capOrNull(line.packedCode(), entry.rowModifier(), locality)
            : null;
    if (cap == null && entry.hasOppsRvus()) {
      // No cap in the table (or no table) for a row whose OPPS columns say it has one: the cap
      // those columns give, in long arithmetic (an OppsCap object would be a few hundred bytes
      // a line).
      return FeeCalculation.postedNanoDollars(
          FeeCalculation.cappedNanoDollars(
              uncapped, FeeCalculation.oppsCapNanoDollars(entry, gpci, conversionFactor, setting)));
    }
    return FeeCalculation.postedNanoDollars(
        FeeCalculation.cappedNanoDollars(uncapped, cap, setting));
  }

  /** The detail of a conversion factor other than the file's: both factors, and what to do. */
  private static String mismatch(
      MedicareFeeSchedule schedule,
      PricingContext context,
      ConversionFactor conversionFactor,
      BigDecimal otherStatedFactor) {
    return "the relative value file of "
        + schedule.name()
        + " states conversion factor "
        + otherStatedFactor.toPlainString()
        + ", but the factor in force on "
        + context.dateOfService()
        + (context.qualifyingApmParticipant()
            ? " for a qualifying APM participant"
            : " for a provider who is not a qualifying APM participant")
        + " is "
        + conversionFactor.amount().toPlainString()
        + ": load the relative value file published for that factor";
  }

  @SuppressWarnings("TooManyParameters") // the context's inputs, looked up once by the caller
  private static LineEvaluation evaluate(
      MedicareFeeSchedule schedule,
      PricingContext context,
      Setting setting,
      RvuTable rvus,
      boolean dateCovered,
      boolean practitionerCovered,
      Locality locality,
      Gpci gpci,
      ConversionFactor conversionFactor,
      BigDecimal otherStatedFactor,
      ClaimLine line) {
    ProcedureCode code = line.code(); // the null check
    if (!dateCovered) {
      return refuse(UnpricedReason.DATE_NOT_COVERED, notCovered(schedule, context), null);
    }
    RowModifier row = RowModifier.selectedBy(line.modifiers());
    // The row first: when it is there, the code is in the schedule and the modifiers agree, so the
    // common line reads one table instead of two. Only a line without its row goes through the
    // gates in their documented order, to name the first that refuses it.
    RvuEntry entry = row == null ? null : rvus.get(code, row);
    if (entry == null) {
      if (!rvus.contains(code)) {
        // An anesthesia code is priced by the anesthesia schedule, not by a row: say which is
        // missing when the schedule has none.
        String missing =
            schedule.anesthesia().isEmpty() && AnesthesiaFeeSchedule.coversPacked(code.packed())
                ? "; " + withoutAnesthesia(schedule)
                : rvus.isSubset()
                    ? ", which holds a subset of the relative value file's rows: the code may be"
                        + " payable; price it with the whole file"
                    : "";
        return refuse(
            UnpricedReason.NOT_IN_SCHEDULE, code + " is not in " + schedule.name() + missing, null);
      }
      return row == null ? conflictingRows(rvus, line) : missingRow(rvus, code, row);
    }
    Setting priced = setting;
    boolean window = inPaymentWindow(line);
    if (window) {
      if (row == RowModifier.GLOBAL && entry.indicators().pcTc() == PcTcIndicator.DIAGNOSTIC_TEST) {
        entry = rvus.get(code, RowModifier.PROFESSIONAL_COMPONENT);
        if (entry == null) {
          return missingRow(rvus, code, RowModifier.PROFESSIONAL_COMPONENT);
        }
        row = RowModifier.PROFESSIONAL_COMPONENT;
      }
      priced = Setting.FACILITY;
    }
    PaymentStatus status = entry.status();
    if (!status.isPricedFromRvus() || status == PaymentStatus.R && entry.hasNoRvus()) {
      return refuseStatus(schedule, setting, locality, entry);
    }
    if (window) {
      // After the status: a code not valid for Medicare (status I) or carrier priced is that
      // whatever the window, and its answer says what to bill instead.
      LineEvaluation refused = technicalInPaymentWindow(entry);
      if (refused != null) {
        return refused;
      }
    }
    if (!practitionerCovered) {
      return notYetCovered(context, entry);
    }
    if (context.placeOfService().isPresent()) {
      LineEvaluation refused = notPaidInPlace(context, entry);
      if (refused != null) {
        return refused;
      }
    } else if (setting == Setting.NON_FACILITY
        && entry.indicators().pcTc() == PcTcIndicator.PHYSICIAN_INTERPRETATION) {
      // Without a place, a non-facility setting still rules out the inpatient stay (PC/TC 8).
      return smearReadingRefused(entry, "the setting is non-facility");
    }
    if (locality == null) {
      return refuse(
          UnpricedReason.NO_LOCALITY,
          "the Medicare fee schedule varies by locality; the context has none",
          entry);
    }
    if (gpci == null) {
      return refuse(
          UnpricedReason.NO_GPCI_FOR_LOCALITY,
          schedule.name() + " has no GPCIs for locality " + locality,
          entry);
    }
    if (conversionFactor == null) {
      return refuse(
          UnpricedReason.NO_CONVERSION_FACTOR,
          "no conversion factor for "
              + context.dateOfService()
              + (context.qualifyingApmParticipant() ? " (qualifying APM participant)" : ""),
          entry);
    }
    if (otherStatedFactor != null) {
      return refuse(
          UnpricedReason.CONVERSION_FACTOR_MISMATCH,
          mismatch(schedule, context, conversionFactor, otherStatedFactor),
          entry);
    }
    return calculate(
        schedule, priced, locality, gpci, conversionFactor, entry, line.packedCode(), row);
  }

  /**
   * Tells whether {@code line} carries PD: a diagnostic or admission-related service furnished by
   * an entity a hospital wholly owns or operates, to a patient that hospital admits as an inpatient
   * within 3 days (1 day for a hospital outside the inpatient prospective payment system).
   *
   * <p>The one place the payment window is applied ({@link #evaluate}, for single lines, claims and
   * limiting charges alike). CMS change request 7502 (Transmittal 2373, MLN Matters MM7502; Claims
   * Processing Manual ch. 12 §90.7) pays such a line on the physician fee schedule at the
   * professional component only for a code with a professional/technical split (PC/TC 1: its 26
   * row) and at the facility rate for any other code. The technical portion of a diagnostic service
   * in the window is paid to the hospital with the inpatient stay (ch. 3 §40.3), so a technical
   * component billed alone, a technical-only code and a global-only test, whose amount includes its
   * technical-only code's (PC/TC 4, 93000 with 93005's tracing), are not paid here: {@link
   * #technicalInPaymentWindow}. Every 26 row of the 2025 file has the same practice expense in both
   * settings, so the 26 row at the facility rate is the 26 row as billed.
   */
  static boolean inPaymentWindow(ClaimLine line) {
    return line.modifiers().contains(Modifier.PAYMENT_WINDOW);
  }

  /**
   * Refuses the technical portion of a PD line (see {@link #inPaymentWindow}): a TC row, a
   * technical-only code (PC/TC 3) or a global-only test (PC/TC 4); null for any other row.
   */
  private static LineEvaluation technicalInPaymentWindow(RvuEntry entry) {
    if (!hospitalsInTheWindow(entry)) {
      return null;
    }
    boolean globalOnly =
        entry.indicators().pcTc() == PcTcIndicator.GLOBAL_TEST_ONLY
            && entry.rowModifier() == RowModifier.GLOBAL;
    return refuse(
        UnpricedReason.NOT_PAYABLE_IN_PLACE,
        entry.row()
            + "-PD "
            + (globalOnly ? "includes the technical component of a test" : "is technical")
            + ": in the 3-day payment window the hospital is paid for it with the inpatient stay"
            + " (CMS change request 7502; Claims Processing Manual ch. 3 §40.3), not the physician"
            + " fee schedule"
            + (globalOnly ? "; bill the test's professional-only code (PC/TC 2) with PD" : ""),
        entry);
  }

  /**
   * Tells whether {@code entry}, of a PD line, is the hospital's to be paid with the inpatient
   * stay: a TC row, a technical-only code (PC/TC 3) or a global-only test (PC/TC 4), whose amount
   * includes its technical-only code's. A split test's global row (PC/TC 1) is not: PD prices it as
   * its 26 row.
   */
  private static boolean hospitalsInTheWindow(RvuEntry entry) {
    PcTcIndicator pcTc = entry.indicators().pcTc();
    return entry.rowModifier() == RowModifier.TECHNICAL_COMPONENT
        || pcTc == PcTcIndicator.TECHNICAL_COMPONENT_ONLY
        || pcTc == PcTcIndicator.GLOBAL_TEST_ONLY && entry.rowModifier() == RowModifier.GLOBAL;
  }

  /**
   * The explanation of what PD did to {@code line}, priced from {@code entry}; null when the line
   * has no PD or was refused before its row was known.
   */
  static String paymentWindowNote(ClaimLine line, RvuEntry entry) {
    if (entry == null || !inPaymentWindow(line)) {
      return null;
    }
    String window =
        "3-day payment window: a service of an entity the admitting hospital wholly owns or"
            + " operates (CMS change request 7502)";
    if (entry.rowModifier() == RowModifier.PROFESSIONAL_COMPONENT
        && RowModifier.selectedBy(line.modifiers()) == RowModifier.GLOBAL) {
      return window
          + ": only the professional component of "
          + entry.code()
          + " is paid, its 26 row; the hospital is paid the technical component";
    }
    if (hospitalsInTheWindow(entry)) {
      return window + ": the hospital is paid the technical component";
    }
    return window + ": paid at the facility rate, whatever the place of service";
  }

  /**
   * Refuses a line of a practitioner Medicare did not yet pay on its date of service: a marriage
   * and family therapist's or mental health counselor's before 2024, when the Consolidated
   * Appropriations Act, 2023 (division FF, §4121) made them Medicare practitioners. The service is
   * not covered, so it is not payable, as a non-covered status is.
   */
  private static LineEvaluation notYetCovered(PricingContext context, RvuEntry entry) {
    return refuse(
        UnpricedReason.STATUS_NOT_PAYABLE,
        context.practitioner().notCoveredDetail(entry.row(), context.dateOfService()),
        entry);
  }

  /**
   * Refuses a row the place of service excludes; null when the place allows it:
   *
   * <ul>
   *   <li>any row at a code CMS's place-of-service code set leaves unassigned ({@link
   *       PlaceOfService#isAssigned()}), which has no rate to pay it at;
   *   <li>an incident-to service (PC/TC 5) for a hospital inpatient or outpatient, and a therapy
   *       service (PC/TC 7) there by an independently practicing therapist (RVU file documentation,
   *       Attachment A); the hospital places are {@link PlaceOfService#isHospital()}'s, the
   *       inpatient psychiatric (51) and rehabilitation (61) facilities among them;
   *   <li>a physician's interpretation of an abnormal smear (PC/TC 8, 85060) anywhere but for a
   *       hospital inpatient, place 21, 51 or 61 (the same);
   *   <li>the technical component of a diagnostic test for a hospital inpatient or outpatient,
   *       billed alone (a TC row, a technical-only code) or in a global row: the hospital is paid
   *       for it (Claims Processing Manual ch. 13 §20.2, "Carriers may not pay for the technical
   *       component (TC) of radiology services furnished to hospital patients"; 42 CFR 415.120(b)).
   * </ul>
   */
  private static LineEvaluation notPaidInPlace(PricingContext context, RvuEntry entry) {
    PlaceOfService place = PlaceOfService.in(context).orElseThrow();
    if (!place.isAssigned()) {
      // Not the non-facility rate of "every other place": CMS designates a rate per assigned code
      // (ch. 12 §20.4.2; ch. 26 §10.6), so an unassigned one, often a mistyped code, has none.
      return refuse(
          UnpricedReason.NOT_PAYABLE_IN_PLACE,
          "place of service "
              + place
              + " is unassigned in CMS's place-of-service code set (Claims Processing Manual"
              + " ch. 26 §10.5): it has no facility or non-facility rate (ch. 12 §20.4.2), and a"
              + " claim that reports it is returned as unprocessable",
          entry);
    }
    PcTcIndicator pcTc = entry.indicators().pcTc();
    if (pcTc == PcTcIndicator.PHYSICIAN_INTERPRETATION && !place.isHospitalInpatient()) {
      return smearReadingRefused(entry, "the place of service is " + place);
    }
    if (!place.isHospital()) {
      return null;
    }
    PractitionerType practitioner = context.practitioner();
    if (pcTc == PcTcIndicator.INCIDENT_TO) {
      return refuse(
          UnpricedReason.NOT_PAYABLE_IN_PLACE,
          entry.row()
              + " is an incident-to service (PC/TC 5), not paid for a hospital inpatient or"
              + " outpatient: place of service "
              + place,
          entry);
    }
    if (pcTc == PcTcIndicator.PHYSICAL_THERAPY
        && (practitioner == PractitionerType.THERAPIST
            || practitioner == PractitionerType.THERAPY_ASSISTANT)) {
      return refuse(
          UnpricedReason.NOT_PAYABLE_IN_PLACE,
          entry.row()
              + " (PC/TC 7) is not paid to an independently practicing therapist for a hospital"
              + " inpatient or outpatient: place of service "
              + place,
          entry);
    }
    RowModifier row = entry.rowModifier();
    if (row == RowModifier.TECHNICAL_COMPONENT || pcTc == PcTcIndicator.TECHNICAL_COMPONENT_ONLY) {
      return refuse(
          UnpricedReason.NOT_PAYABLE_IN_PLACE,
          entry.row()
              + " is the technical component of a test, paid to the hospital for a hospital"
              + " inpatient or outpatient, not under the physician fee schedule: place of service "
              + place,
          entry);
    }
    if (row == RowModifier.GLOBAL
        && (pcTc == PcTcIndicator.DIAGNOSTIC_TEST || pcTc == PcTcIndicator.GLOBAL_TEST_ONLY)) {
      return refuse(
          UnpricedReason.NOT_PAYABLE_IN_PLACE,
          entry.row()
              + " billed whole includes the technical component, paid to the hospital for a"
              + " hospital inpatient or outpatient: place of service "
              + place
              + "; bill the professional component alone"
              + (pcTc == PcTcIndicator.DIAGNOSTIC_TEST
                  ? " (" + entry.code() + "-26)"
                  : " (its own code)"),
          entry);
    }
    return null;
  }

  /** A PC/TC 8 row (85060) refused where no inpatient stay can be: {@code where} says why. */
  private static LineEvaluation smearReadingRefused(RvuEntry entry, String where) {
    return refuse(
        UnpricedReason.NOT_PAYABLE_IN_PLACE,
        entry.row()
            + " (PC/TC 8) is paid only for a hospital inpatient, place of service 21, 51 or 61,"
            + " and "
            + where
            + "; elsewhere the laboratory test's payment covers it",
        entry);
  }

  /**
   * The detail of a date outside the schedule's period: the period, and the relative value file's
   * year when that is what excludes the date.
   */
  private static String notCovered(MedicareFeeSchedule schedule, PricingContext context) {
    LocalDate date = context.dateOfService();
    String detail =
        schedule.name()
            + " covers "
            + schedule.effectiveFrom()
            + " to "
            + schedule.effectiveTo()
            + ", not "
            + date;
    YearMonth release = schedule.rvus().release().orElse(null);
    // The release's own dates run from its month to the end of its quarter: a date inside them is
    // excluded by the schedule's narrower period alone, which the first sentence says.
    if (release != null
        && release.getYear() == date.getYear()
        && (date.isBefore(release.atDay(1))
            || date.isAfter(
                release.withMonth((release.getMonthValue() - 1) / 3 * 3 + 3).atEndOfMonth()))) {
      return detail
          + ": its relative value file is the "
          + release.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
          + " "
          + release.getYear()
          + " release, in force to the end of its quarter; another quarter is priced with its own"
          + " release";
    }
    Year gpciYear = schedule.gpcis().year().orElse(null);
    if (schedule.rvus().year().isEmpty()
        && gpciYear != null
        && gpciYear.getValue() != date.getYear()) {
      return detail
          + ": its GPCIs are for "
          + gpciYear
          + ", and a year's GPCIs apply only to that year's dates of service";
    }
    return schedule
        .rvus()
        .year()
        .filter(year -> year.getValue() != date.getYear())
        .map(
            year ->
                detail
                    + ": its relative value file is for "
                    + year
                    + ", and "
                    + year
                    + " relative values are paid only on "
                    + year
                    + " dates of service")
        .orElse(detail);
  }

  /**
   * Returns the posted amount of one unit of the row of {@code code} selected by {@code row} (the
   * exact amount rounded half-up to cents, as CMS posts it; see {@link FeeCalculation#amount()}),
   * whatever its status; null when the schedule has no such row or the context cannot be priced.
   * For claim rules that need another row's amount: an endoscopy family's base, an imaging code's
   * components. Those rules reduce the posted fee by the posted amount of the other row, as
   * contractors do.
   *
   * @param code the code of the other row
   * @param row which of the code's rows: global, 26, TC or 53
   * @return the posted amount in dollars, scale 2, or null when there is no such row or the context
   *     cannot be priced
   */
  public BigDecimal unitFee(ProcedureCode code, RowModifier row) {
    FeeCalculation fee = rowCalculation(code, row);
    return fee == null ? null : fee.amount();
  }

  /**
   * Returns {@link #unitFee} before the OPPS imaging cap: the fee schedule amount of one unit of
   * the row, rounded half-up to cents; null as for {@code unitFee}. The same as {@code unitFee} for
   * a row the cap does not lower. For the multiple-procedure reduction of imaging, which CMS ranks
   * by and takes from the fee schedule amount, and only then applies the cap (CY 2007 physician fee
   * schedule rule implementing section 5102 of the Deficit Reduction Act of 2005).
   *
   * @param code the code of the other row
   * @param row which of the code's rows: global, 26, TC or 53
   * @return the fee schedule amount in dollars, scale 2, or null as for {@link #unitFee}
   */
  public BigDecimal uncappedUnitFee(ProcedureCode code, RowModifier row) {
    FeeCalculation fee = rowCalculation(code, row);
    // Posted as the capped fee is: the exact amount rounded once, half-up to cents.
    return fee == null ? null : fee.uncappedAmount().setScale(FeeResult.CENTS, FeeResult.ROUNDING);
  }

  /**
   * Returns {@link #unitFee} in the setting {@code line} is priced in: the facility setting for a
   * line with modifier PD ({@link #inPaymentWindow}), else the context's. For an amount taken off
   * the line's own, such as its endoscopy family's base (MULT PROC 3), which must be of the setting
   * the line's amount is: 45380-PD beside 45385-PD loses the base 45378's facility fee, not its
   * office fee.
   *
   * @param line the line whose setting is taken
   * @param code the code of the other row
   * @param row which of the code's rows: global, 26, TC or 53
   * @return the posted amount in dollars, scale 2, or null as for {@link #unitFee}
   */
  public BigDecimal unitFeeFor(ClaimLine line, ProcedureCode code, RowModifier row) {
    requireNonNull(line, "line");
    FeeCalculation fee =
        rowCalculation(code, row, inPaymentWindow(line) ? Setting.FACILITY : setting);
    return fee == null ? null : fee.amount();
  }

  /** The calculation of one unit of the row of {@code code}, whatever its status; or null. */
  private FeeCalculation rowCalculation(ProcedureCode code, RowModifier row) {
    return rowCalculation(code, row, setting);
  }

  private FeeCalculation rowCalculation(ProcedureCode code, RowModifier row, Setting in) {
    requireNonNull(code, "code");
    requireNonNull(row, "row");
    if (gpci == null || conversionFactor == null || !dateCovered) {
      return null;
    }
    RvuEntry entry = rvus.get(code, row);
    return entry == null
        ? null
        : calculate(schedule, in, locality, gpci, conversionFactor, entry, code.packed(), row);
  }

  /**
   * The calculation of {@code entry}, the row of the code packed as {@code packed} and {@code row}.
   */
  @SuppressWarnings("TooManyParameters") // the context's inputs, looked up once by the caller
  private static FeeCalculation calculate(
      MedicareFeeSchedule schedule,
      Setting setting,
      Locality locality,
      Gpci gpci,
      ConversionFactor conversionFactor,
      RvuEntry entry,
      int packed,
      RowModifier row) {
    // The cap of a row: from the OPPSCAP file when one was given and it has the row and locality,
    // else computed from the RVU file's OPPS columns (OppsCap.fromRvus, in longs here); both agree
    // on every payable 2025 row. A table without the row (a file missing a locality's rows, or the
    // caps of another code set) would otherwise leave a capped row uncapped. The cap table is read
    // by the line's packed code and row, as on the single-line path, rather than through the row's
    // code object and modifier: the same cap, with one dependent read fewer (issue 18).
    OppsCap listed =
        schedule.oppsCaps().size() > 0
            ? schedule.oppsCaps().capOrNull(packed, row, locality)
            : null;
    if (listed != null) {
      return new FeeCalculation(entry, gpci, conversionFactor, setting, Optional.of(listed));
    }
    // As on the single-line path: one field read decides for the rows without OPPS columns.
    return entry.hasOppsRvus()
        ? FeeCalculation.cappedByRowColumns(entry, gpci, conversionFactor, setting)
        : new FeeCalculation(entry, gpci, conversionFactor, setting, Optional.empty());
  }

  private static LineEvaluation.Refused refuse(
      UnpricedReason reason, String detail, RvuEntry entry) {
    return new LineEvaluation.Refused(LineEvaluation.FEE_SCHEDULE, reason, detail, entry);
  }

  /**
   * Refuses a line whose modifiers select different rows. 53 with 26 or TC on a code without a 53
   * row is a discontinued component: the RVU file's record layout (RVU25D, MODIFIER) prices 53 from
   * its own row only for the few codes that have one, and "any other codes billed with modifier -53
   * are subject to carrier medical review and priced by individual consideration", so the
   * contractor prices it, from the component's row. No code of the 2025 file has both a 53 row and
   * 26 or TC rows, so a code with a 53 row keeps the conflict.
   */
  private static LineEvaluation conflictingRows(RvuTable rvus, ClaimLine line) {
    RowModifier component = discontinuedComponent(line.modifiers());
    ProcedureCode code = line.code();
    if (component != null && rvus.get(code, RowModifier.DISCONTINUED) == null) {
      if (rvus.get(code, component) == null) {
        return missingRow(rvus, code, component); // 26 or TC not allowed with the code
      }
      return new LineEvaluation.Refused(
          LineEvaluation.DISCONTINUED,
          UnpricedReason.CARRIER_PRICED,
          code
              + "-53 has no row of its own: the contractor prices a discontinued procedure, here"
              + " from the "
              + component.row(code)
              + " row",
          null);
    }
    Modifier first = null;
    for (Modifier modifier : line.modifiers()) {
      if (RowModifier.selectsRow(modifier)) {
        if (first != null && first != modifier) {
          return new LineEvaluation.Refused(
              LineEvaluation.PC_TC,
              UnpricedReason.MODIFIER_NOT_ALLOWED,
              "modifiers "
                  + first
                  + " and "
                  + modifier
                  + " select different rows of "
                  + line.code(),
              null);
        }
        first = modifier;
      }
    }
    throw new AssertionError("no conflicting row modifiers on " + line);
  }

  /**
   * The component row (26 or TC) of {@code modifiers} when their row modifiers are 53 and that one
   * component, repeats allowed; null otherwise (26 with TC is a conflict of its own).
   */
  private static RowModifier discontinuedComponent(List<Modifier> modifiers) {
    boolean discontinued = false;
    RowModifier component = null;
    for (Modifier modifier : modifiers) {
      RowModifier row = RowModifier.of(modifier);
      if (row == RowModifier.DISCONTINUED) {
        discontinued = true;
      } else if (row != null) {
        if (component != null && component != row) {
          return null;
        }
        component = row;
      }
    }
    return discontinued ? component : null;
  }

  private static LineEvaluation missingRow(RvuTable rvus, ProcedureCode code, RowModifier row) {
    if (row == RowModifier.GLOBAL) {
      StringBuilder rows = new StringBuilder();
      for (RvuEntry e : rvus.rowsOf(code)) {
        rows.append(rows.length() == 0 ? "" : ", ").append(e.row());
      }
      return new LineEvaluation.Refused(
          LineEvaluation.PC_TC,
          UnpricedReason.MODIFIER_REQUIRED,
          code + " is priced only as " + rows,
          null);
    }
    if (row == RowModifier.DISCONTINUED) {
      return new LineEvaluation.Refused(
          LineEvaluation.DISCONTINUED,
          UnpricedReason.CARRIER_PRICED,
          code + "-53 has no row of its own: the contractor prices a discontinued procedure",
          null);
    }
    Modifier modifier = row.modifier().orElseThrow();
    RvuEntry global = rvus.get(code, RowModifier.GLOBAL);
    String pcTc =
        global == null
            ? "no " + modifier + " row"
            : "PC/TC indicator "
                + global.indicators().pcTc().code()
                + " ("
                + global.indicators().pcTc().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ")";
    return new LineEvaluation.Refused(
        LineEvaluation.PC_TC,
        UnpricedReason.MODIFIER_NOT_ALLOWED,
        "modifier " + modifier + " is not allowed with " + code + ": " + pcTc,
        null);
  }

  private static String withoutAnesthesia(MedicareFeeSchedule schedule) {
    return "anesthesia is priced with base units and anesthesia conversion factors, and "
        + schedule.name()
        + " has none"
        + schedule.noAnesthesiaReason().map(why -> ": " + why).orElse("");
  }

  private static LineEvaluation refuseStatus(
      MedicareFeeSchedule schedule, Setting setting, Locality locality, RvuEntry entry) {
    PaymentStatus status = entry.status();
    if (status == PaymentStatus.J
        && schedule.anesthesia().isEmpty()
        && AnesthesiaFeeSchedule.coversPacked(entry.code().packed())) {
      // Its row says only that the anesthesia schedule pays it; "not payable" would be false.
      return refuse(
          UnpricedReason.NOT_IN_SCHEDULE,
          entry.code() + " has status J in " + schedule.name() + ": " + withoutAnesthesia(schedule),
          entry);
    }
    if (status == PaymentStatus.C || status == PaymentStatus.R) {
      String detail = entry.statusRefusal();
      if (locality != null) {
        var cap = schedule.oppsCaps().find(entry.code(), entry.modifier(), locality);
        if (cap.isPresent()) {
          detail +=
              ", at most the OPPS imaging cap of " + cap.get().amount(setting).toPlainString();
        }
      }
      return refuse(UnpricedReason.CARRIER_PRICED, detail, entry);
    }
    return refuse(UnpricedReason.STATUS_NOT_PAYABLE, entry.statusRefusal(), entry);
  }

  @Override
  public String toString() {
    return "LineEvaluator(" + schedule.name() + ", " + context + ")";
  }
}
