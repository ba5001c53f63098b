package io.github.cpt4j.fee.medicare.anesthesia;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.LiabilityModifiersEdit;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.text.OneLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Medicare's anesthesia fee schedule (Medicare Claims Processing Manual, chapter 12, section 50):
 * {@code (base units + time units) x the locality's anesthesia conversion factor}, paid at the
 * share the payment modifier gives.
 *
 * <h2>One line: {@link #price}</h2>
 *
 * <ul>
 *   <li><b>Base units</b> of the code from {@link AnesthesiaBaseUnits}. A code whose base units are
 *       0 (01999, the unlisted anesthesia procedure, in CMS's file) has none set nationally: it is
 *       {@link UnpricedReason#CARRIER_PRICED}, outside any session, unless billed AD, which pays it
 *       three base units.
 *   <li><b>Time units</b>: the line's {@link ClaimLine#minutes() minutes} / 15, rounded to one
 *       decimal (section 50.G). A line without minutes is {@link
 *       UnpricedReason#NO_ANESTHESIA_TIME}, never priced as no time. The codes CMS pays without
 *       time units get base units alone, minutes or not: 01995 and 01996 (section 50.G) and the
 *       add-on 01953, whose time is billed and paid on its primary 01952 (Transmittal B-03-017).
 *   <li><b>Payment modifier</b> ({@link AnesthesiaRole}): AA and QZ 100%; QK, QY and QX 50%
 *       (medical direction, section 50.C: the physician's and the nurse anesthetist's lines are
 *       each paid half); AD three base units, or the code's own when it has fewer, and no time,
 *       plus one time unit when the physician was present at induction (medical supervision,
 *       section 50.D; {@link #supervisionBaseUnits}). A line needs exactly one; without one it is
 *       {@link UnpricedReason#MODIFIER_REQUIRED}, with two different ones {@link
 *       UnpricedReason#MODIFIER_NOT_ALLOWED}.
 *   <li><b>Anesthesia by the surgeon</b> (47) belongs on the surgery's line: on an anesthesia code
 *       it is {@link UnpricedReason#MODIFIER_NOT_ALLOWED}.
 *   <li><b>A surgeon's role or a component</b> (80, 81, 82, AS, 62, 66, 26, TC, 50) is no concept
 *       of an anesthesia code: the relative value file gives every one the indicator 9 in ASST
 *       SURG, CO-SURG, TEAM SURG, PC/TC and BILAT SURG (record layout RVU25D), so such a line is
 *       {@link UnpricedReason#MODIFIER_NOT_ALLOWED}, saying which indicator, as on other codes of
 *       9.
 *   <li><b>Other modifiers</b>: G8, G9 and QS (monitored anesthesia care) are informational; the
 *       physical status modifiers P1-P6 add nothing: Medicare does not pay them; GC (teaching
 *       physician) leaves the share to the payment modifier beside it (AA-GC 100%, sections 50.B
 *       and 100.1.4). All are noted.
 *   <li><b>Qualifying circumstances</b> 99100-99140 are not paid by Medicare ({@link
 *       UnpricedReason#STATUS_NOT_PAYABLE}, saying so).
 *   <li><b>A practitioner Medicare does not pay on the date</b> ({@link
 *       PractitionerType#isCoveredOn}: a marriage and family therapist's or mental health
 *       counselor's service before 2024) is {@link UnpricedReason#STATUS_NOT_PAYABLE}, as the
 *       physician fee schedule answers for their other lines.
 *   <li><b>A place of service CMS's code set leaves unassigned</b> ({@link
 *       PlaceOfService#isAssigned()}: 30, 75...) is {@link UnpricedReason#NOT_PAYABLE_IN_PLACE},
 *       naming the place, as the physician fee schedule answers for its lines there: anesthesia has
 *       no setting, but a claim that reports such a place is returned as unprocessable (Claims
 *       Processing Manual ch. 26 §10.5), whatever pays its lines. The line's own faults (a
 *       qualifying circumstance, a modifier, its minutes) are named first, as the physician fee
 *       schedule names a status or a missing row first; a context without a place is not checked.
 *   <li>Units above one count the surgeries the anesthesia covered; the service is paid once. But
 *       01953's units count the further increments of body surface treated, each billed once and
 *       paid its base unit (Transmittal B-03-017), so {@code 01953-AA x3} is paid what three lines
 *       of {@code 01953-AA} are.
 *   <li>A non-participating provider is paid 95% of what a participating one is paid, rounded to
 *       cents ({@link #PAID_ROUNDED}), as the physician fee schedule takes 95% of its posted fee.
 * </ul>
 *
 * <h2>Which anesthesia conversion factors</h2>
 *
 * CMS's {@code ANES<yyyy>.csv} gives each locality's factor and states in its header the national
 * factor they come from ({@link AnesthesiaConversionFactors#nationalFactor()}). The national factor
 * in force depends on the date of service and, from 2026, on whether the provider is a qualifying
 * APM participant (20.4976, and 20.5998 for QPs): the {@linkplain Builder#nationalFactors dated
 * table} of {@link NationalAnesthesiaFactor}s says which. A schedule may hold several tables
 * ({@link Builder#conversionFactors(List)}), each stating its own factor, and a line is priced with
 * the one whose stated factor is the one in force; never with another period's or another kind of
 * provider's. When none states it the line is {@link UnpricedReason#CONVERSION_FACTOR_MISMATCH},
 * naming each table, the factor it states and whose and when that factor is, and the one in force.
 * When the dated table gives no factor for the date and provider (9 March to 31 December 2024,
 * after legislation raised the factors), a table stating a factor the dated table gives another
 * period or other providers, of any year, is refused the same way (a January 2024 file, or the 2025
 * one, is not the one in force then); a table stating a factor the dated table does not give prices
 * those dates, unless another does too. A table stating no factor, alone, prices as it is; without
 * a dated table a single table prices every date of {@link #effectiveFrom()} to {@link
 * #effectiveTo()}. A {@code MedicareFeeSchedule} gives its anesthesia schedule the dated table of
 * its own conversion factors' anesthesia amounts when the schedule has none.
 *
 * <h2>A session: {@link #priceSession}</h2>
 *
 * When several anesthesia services are billed for one session, only the one with the most base
 * units is paid, with the total time of all of them (the multiple-procedure rule of chapter 12,
 * section 50), or billed AD at AD's base units without time (section 50.D); the others are {@link
 * UnpricedReason#NOT_PAYABLE_ON_CLAIM}. The physician's lines (AA, QK, QY, AD) and the nurse
 * anesthetist's (QX, QZ) are separate services, and the add-on codes 01953 (its base unit alone,
 * once for each line and unit), 01968 and 01969 are paid beside their primary. 01968 and 01969 are
 * each one service of the session, as the primary is: two lines of one are paid once, on one line
 * with the time of both, the other {@link UnpricedReason#NOT_PAYABLE_ON_CLAIM}. When the
 * physician's lines of a session (or the nurse anesthetist's) carry different payment modifiers,
 * such as AA on one and QK on another, the session is still paid once, at the paid line's share,
 * and that line's explanation gets a step {@link #MIXED_ROLES} saying so. A line refused for its
 * own reason (47 or another modifier not allowed, no payment modifier or two, no base units) takes
 * no part in the session: it is paid nothing, so another is paid with its own time. Presence at
 * induction is a fact of the session, as its total time is: the session is one anesthesia service,
 * induced once, so presence is said once for it and adds its time unit to the paid line when that
 * line is billed AD (section 50.D), and to no other: not to an AD add-on beside its AD primary, and
 * never to 01953, 01995 or 01996, paid without time units (section 50.G: the contractor "does not
 * recognize time units" for 01995 and 01996).
 *
 * <h2>Presence at induction</h2>
 *
 * The context says it, and only the context: {@link PricingContext#supervisorPresentAtInduction()},
 * as the claim pricer and {@code MedicareFeeSchedule.price} pass it on, so that one fact has one
 * place on every path.
 *
 * <pre>{@code
 * AnesthesiaFeeSchedule anesthesia = AnesthesiaFeeSchedule.builder()
 *     .baseUnits(BundledData.anesthesiaBaseUnits())
 *     .conversionFactors(BundledData.anesthesiaConversionFactors())
 *     .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
 *     .build();
 * anesthesia.price(ClaimLine.parse("00790-AA 95min"), context);
 * // 263.21 | ... 7.0 base + 6.3 time units x 19.79 (13282-99 anesthesia CF) = 263.207 ...
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class AnesthesiaFeeSchedule implements FeeSchedule {

  /**
   * The codes paid by base units alone, without time units: 01995 and 01996 (chapter 12, section
   * 50.G) and the add-on {@link #BASE_UNITS_ADD_ON 01953}.
   */
  public static final ImmutableSet<ProcedureCode> WITHOUT_TIME_UNITS =
      ImmutableSet.of(CptCode.of(1953), CptCode.of(1995), CptCode.of(1996));

  /**
   * 01953, the burn excision add-on to 01952, is paid its base unit alone: "for an add-on code,
   * allow only the base unit of the add-on code. All anesthesia time should be reported with the
   * primary anesthesia code" (CMS Program Memorandum Transmittal B-03-017, CR 2539, 2003). The
   * obstetric add-ons 01968 and 01969 are its exception, paid with their own time.
   */
  static final ProcedureCode BASE_UNITS_ADD_ON = CptCode.of(1953);

  /** 01953's primary code, 01952 (Transmittal B-03-017). */
  private static final ProcedureCode BURN_PRIMARY = CptCode.of(1952);

  /** The primary code of 01968 and 01969, 01967 (Transmittal B-03-017). */
  private static final ProcedureCode OBSTETRIC_PRIMARY = CptCode.of(1967);

  /** Where CMS says the add-on's time is paid, for the explanations. */
  static final String ADD_ON_TIME =
      "its time is billed and paid on the primary code 01952 (CMS Transmittal B-03-017, CR 2539)";

  /** The anesthesia add-on codes, paid beside their primary rather than instead of it. */
  public static final ImmutableSet<ProcedureCode> ADD_ONS =
      ImmutableSet.of(CptCode.of(1953), CptCode.of(1968), CptCode.of(1969));

  /**
   * The add-ons paid with their own time, 01968 and 01969 beside 01967 (Transmittal B-03-017's
   * exception), each one service of its session: reported once for the delivery, as the primary is
   * once for the session, so two lines of one are paid once with their total time, as two lines of
   * 01967 are, the other {@link UnpricedReason#NOT_PAYABLE_ON_CLAIM}. 01953 is not among them: it
   * is billed once per increment of body surface, each paid.
   */
  private static final ImmutableList<ProcedureCode> TIMED_ADD_ONS =
      ImmutableList.of(CptCode.of(1968), CptCode.of(1969));

  /**
   * The rule id of the step {@link #priceSession} adds to a priced add-on (01953, 01968, 01969)
   * when none of the session's lines of the same practitioner (the physician's, or the nurse
   * anesthetist's) is its primary code, priced or merged into a session: CMS has 01953 billed with
   * 01952, and 01968 and 01969 with 01967 (Transmittal B-03-017, CR 2539). The add-on is still
   * priced, as an add-on of global ZZZ without a primary is; claim pricing reports the step as an
   * {@link io.github.cpt4j.fee.ClaimWarning.Kind#ADD_ON_WITHOUT_PRIMARY} warning.
   */
  public static final String ADD_ON_WITHOUT_PRIMARY = "anesthesia-add-on";

  /**
   * The most base units medical supervision (AD) is paid (section 50.D): a code of fewer is paid
   * its own ({@link #supervisionBaseUnits}).
   */
  public static final BigDecimal SUPERVISION_BASE_UNITS = BigDecimal.valueOf(3);

  /**
   * The rule id of the step {@link #priceSession} adds to the paid line of a session whose lines
   * carry different payment modifiers (AA on one, QK on another): the session is paid at the paid
   * line's share for the whole time, which the biller should check. Claim pricing reports it as a
   * {@link io.github.cpt4j.fee.ClaimWarning.Kind#ANESTHESIA_ROLES_DIFFER} warning.
   */
  public static final String MIXED_ROLES = "anesthesia-roles";

  /**
   * The rule id of the step {@link #priceSession} adds to the paid line of a session of several
   * lines, and gives each line paid through it: the same step on each, so that the lines one
   * session merged can be told apart from those refused for their own reasons. The claim pricer
   * caps the session by their charges together (42 CFR 414.46(b): the lesser of the actual charge
   * and the fee schedule amount).
   */
  public static final String SESSION = "anesthesia-session";

  /**
   * The non-participating provider's share: 95% of a participating provider's amount rounded to
   * cents, as the physician fee schedule's ({@code MedicareFeeSchedule.NON_PARTICIPATING_FACTOR}).
   */
  private static final BigDecimal NON_PARTICIPATING = new BigDecimal("0.95");

  /**
   * The rule id of the step that rounds a line's amount of one unit to cents before the 95% of a
   * non-participating provider or 01953's units multiply it.
   */
  public static final String PAID_ROUNDED = "anesthesia-paid";

  private static final int FIRST_QUALIFYING_CIRCUMSTANCE = 99_100;
  private static final int LAST_QUALIFYING_CIRCUMSTANCE = 99_140;

  /**
   * Anesthesia by the surgeon: billed with the surgery, never on an anesthesia code (CPT's
   * definition of the modifier; contractors deny the pair, e.g. Noridian JE Part B).
   */
  private static final Modifier SURGEON_ANESTHESIA = Modifier.parse("47");

  /**
   * The modifiers of a surgeon's role and of a component, which CMS's relative value file gives no
   * payment on an anesthesia code: it gives every anesthesia code (status J) the indicator 9,
   * "concept does not apply", in each of their columns (record layout RVU25D: PC/TC for 26 and TC,
   * BILAT SURG for 50, ASST SURG for 80, 81, 82 and AS, CO-SURG for 62, TEAM SURG for 66), as it
   * does codes such as 99152, where the claim pricer refuses them. Anesthesia is paid by base and
   * time units, not as a procedure: an assistant, a co-surgeon or a team, a component or a second
   * side is no share of that.
   */
  private static final Set<Modifier> NOT_A_CONCEPT =
      Set.of(
          Modifier.parse("26"),
          Modifier.parse("TC"),
          Modifier.parse("50"),
          Modifier.parse("62"),
          Modifier.parse("66"),
          Modifier.parse("80"),
          Modifier.parse("81"),
          Modifier.parse("82"),
          Modifier.parse("AS"));

  private static final Set<Modifier> INFORMATIONAL =
      Set.of(Modifier.parse("G8"), Modifier.parse("G9"), Modifier.parse("QS"));

  /**
   * A teaching physician's service with a resident. A teaching anesthesiologist's resident cases
   * (one, two concurrent, or one beside a medically directed case) are paid at the personally
   * performed rate and billed AA with GC (chapter 12, sections 50.B and 100.1.4): GC itself changes
   * nothing, the payment modifier beside it decides.
   */
  private static final Modifier TEACHING_PHYSICIAN = Modifier.parse("GC");

  private final String name;
  private final AnesthesiaBaseUnits baseUnits;
  private final ImmutableList<AnesthesiaConversionFactors> tables;
  private final ImmutableList<NationalAnesthesiaFactor> national;
  private final LocalDate effectiveFrom;
  private final LocalDate effectiveTo;

  private AnesthesiaFeeSchedule(Builder b) {
    this.name = b.name;
    this.baseUnits = requireNonNull(b.baseUnits, "baseUnits (call Builder.baseUnits)");
    this.tables = requireNonNull(b.tables, "conversionFactors (call Builder.conversionFactors)");
    this.national = b.national;
    this.effectiveFrom = b.effectiveFrom;
    this.effectiveTo = b.effectiveTo;
    if (effectiveTo.isBefore(effectiveFrom)) {
      throw new IllegalArgumentException(
          "the schedule's period ends " + effectiveTo + " before it starts " + effectiveFrom);
    }
  }

  /** {@return a builder; base units and conversion factors are required} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether this schedule answers for {@code code}: the anesthesia codes 00100-01999 and the
   * qualifying circumstances 99100-99140. Never allocates.
   *
   * @param code the code billed
   * @return true for 00100 to 01999 and 99100 to 99140
   */
  public static boolean covers(ProcedureCode code) {
    requireNonNull(code, "code");
    return coversPacked(code.packed());
  }

  /**
   * Tells whether this schedule answers for the code of {@linkplain ProcedureCode#packed() packed
   * form} {@code packed}: {@link #covers(ProcedureCode)} for pricers that have the packed form in
   * hand ({@link io.github.cpt4j.claim.ClaimLine#packedCode()}), without reading the code object.
   *
   * @param packed the packed form of the code billed
   * @return true if {@link #covers(ProcedureCode)} is true of that code
   */
  public static boolean coversPacked(int packed) {
    return packed >= AnesthesiaBaseUnits.FIRST_CODE && packed <= AnesthesiaBaseUnits.LAST_CODE
        || packed >= FIRST_QUALIFYING_CIRCUMSTANCE && packed <= LAST_QUALIFYING_CIRCUMSTANCE;
  }

  /**
   * Prices one anesthesia line as described on this class; an AD line gets the time unit of
   * presence at induction when {@code context} says the physician was present ({@link
   * PricingContext#supervisorPresentAtInduction()}), unless its code is paid without time units
   * ({@link #WITHOUT_TIME_UNITS}).
   */
  @Override
  public FeeResult price(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    return LiabilityModifiersEdit.noteWhenPricedAlone(
        line,
        context.dateOfService(),
        priceWithMinutes(
            line, context, context.supervisorPresentAtInduction(), line.minutesOrZero()));
  }

  /**
   * Prices the lines of one session, in order: the anesthesia lines by the session rule described
   * on this class, every other line as {@link #price} does (refused when it is not anesthesia).
   * Returns one result per line. Presence at induction (AD) is what {@code context} says ({@link
   * PricingContext#supervisorPresentAtInduction()}).
   *
   * @param lines the lines of the session, in billed order
   * @param context the date of service, locality and presence at induction of the session
   * @return the result of each line, in the order of {@code lines}
   */
  public ImmutableList<FeeResult> priceSession(List<ClaimLine> lines, PricingContext context) {
    return priceSession(lines, context, new BitSet());
  }

  /**
   * Prices the lines of one session as {@link #priceSession(List, PricingContext)} does, leaving
   * out of the session the lines whose index is set in {@code denied}: a line a claim edit denied
   * was not paid, so its time adds nothing to the session's and it cannot be the service paid for
   * it. A denied line's own result is the one {@link #price} gives it alone. So it is for a line
   * refused for its own reason (47 or another modifier not allowed, no payment modifier or two, no
   * base units).
   *
   * <pre>{@code
   * BitSet denied = new BitSet();
   * denied.set(1); // an edit denied the second line
   * schedule.priceSession(lines, context, denied);
   * }</pre>
   *
   * <p>Presence at induction (AD) is what {@code context} says ({@link
   * PricingContext#supervisorPresentAtInduction()}).
   *
   * @param lines the lines of the session, in billed order
   * @param context the date of service, locality and presence at induction of the session
   * @param denied the zero-based indexes of the lines a claim edit denied; empty for none
   * @return the result of each line, in the order of {@code lines}
   */
  public ImmutableList<FeeResult> priceSession(
      List<ClaimLine> lines, PricingContext context, BitSet denied) {
    requireNonNull(lines, "lines");
    return priceSession(lines, context, denied, i -> i + 1);
  }

  /** Tells whether {@code line} carries one payment modifier of a role paid by its time. */
  private static boolean isPaidByTime(ClaimLine line) {
    return singleRole(line).map(AnesthesiaRole::isPaidByTime).orElse(false);
  }

  /**
   * Tells whether {@link #price} refuses {@code line}, of the one payment modifier {@code role},
   * for a reason of its own, whatever the context: a code without base units or a qualifying
   * circumstance, 01999 which the contractor prices, 47, or a surgeon's role or a component ({@link
   * #NOT_A_CONCEPT}). Such a line is paid nothing, so it is no member of its session, as a line an
   * edit denied is not: its time adds nothing and it cannot be the line paid. (A line of no payment
   * modifier or two has no {@code role}, and is left out for that.)
   */
  private static boolean refusedAlone(ClaimLine line, int units, AnesthesiaRole role) {
    return units < 0
        || units == 0 && role.isPaidByTime()
        || line.modifiers().contains(SURGEON_ANESTHESIA)
        || notAConcept(line) != null;
  }

  /** The first modifier of {@code line} among {@link #NOT_A_CONCEPT}; null when it has none. */
  private static Modifier notAConcept(ClaimLine line) {
    for (Modifier m : line.modifiers()) {
      if (NOT_A_CONCEPT.contains(m)) {
        return m;
      }
    }
    return null;
  }

  /**
   * Why {@code m}, one of {@link #NOT_A_CONCEPT}, is not allowed on {@code code}: its indicator in
   * the relative value file, as the claim pricer says it of other codes.
   */
  private static String whyNotAllowed(Modifier m, ProcedureCode code) {
    String why =
        switch (m.toString()) {
          case "26", "TC" ->
              "PC/TC 9: professional and technical components are not a concept of "
                  + code
                  + ", so modifier "
                  + m
                  + " is not allowed";
          case "50" ->
              "BILAT SURG 9: the bilateral concept does not apply to "
                  + code
                  + ", so modifier 50 is not allowed";
          case "62" ->
              "CO-SURG 9: co-surgeons are not a concept of "
                  + code
                  + ", so modifier 62 is not allowed";
          case "66" ->
              "TEAM SURG 9: team surgeons are not a concept of "
                  + code
                  + ", so modifier 66 is not allowed";
          default ->
              "ASST SURG 9: assistants at surgery are not a concept of "
                  + code
                  + ", so modifiers 80, 81, 82 and AS are not allowed";
        };
    return why
        + " (the relative value file gives every anesthesia code 9, concept does not apply:"
        + " anesthesia is paid by base and time units, not as a procedure)";
  }

  /**
   * Returns the base units an AD line of a code of {@code units} base units is paid: three, or the
   * code's own when it has fewer. Section 50.D: under medical supervision the contractor "allows
   * only three base units", a limit and not a floor; and for an add-on code CMS allows "only the
   * base unit of the add-on code" (Program Memorandum Transmittal B-03-017, CR 2539), so 01953 (1)
   * and 01968 (2) billed AD are paid their own, not three. A code of 0 base units has none set
   * nationally (01999, the unlisted procedure, in CMS's file), not none at all: AD pays it three.
   *
   * @param units the code's own base units, zero or more
   * @return the base units paid under medical supervision: {@code min(units, 3)}, or 3 for a code
   *     of 0
   * @throws IllegalArgumentException if {@code units} is negative (the code has no base units)
   */
  public static int supervisionBaseUnits(int units) {
    if (units < 0) {
      throw new IllegalArgumentException("base units are never negative: " + units);
    }
    int most = SUPERVISION_BASE_UNITS.intValueExact();
    return units == 0 ? most : Math.min(most, units);
  }

  /** Tells whether {@code line} is paid by its time but carries no minutes. */
  private static boolean lacksMinutes(ClaimLine line) {
    return !line.hasMinutes() && isPaidByTime(line);
  }

  /**
   * Prices the lines of {@code claim} as one session, as {@link #priceSession(List, PricingContext,
   * BitSet)} does, naming the other lines of the session by the claim's numbers ({@link
   * Claim#lineNumber}). Presence at induction (AD) is what {@code context} says ({@link
   * PricingContext#supervisorPresentAtInduction()}).
   *
   * @param claim the claim whose lines are the session
   * @param context the date of service, locality and presence at induction of the session
   * @param denied the zero-based indexes of the lines a claim edit denied; empty for none
   * @return the result of each line, in the order of the claim's lines
   */
  public ImmutableList<FeeResult> priceSession(Claim claim, PricingContext context, BitSet denied) {
    requireNonNull(claim, "claim");
    List<ClaimLine> lines = new ArrayList<>(claim.size());
    for (BilledLine billed : claim.lines()) {
      lines.add(billed.line());
    }
    return priceSession(lines, context, denied, claim::lineNumber);
  }

  private ImmutableList<FeeResult> priceSession(
      List<ClaimLine> lines, PricingContext context, BitSet denied, IntUnaryOperator numberOf) {
    requireNonNull(context, "context");
    requireNonNull(denied, "denied");
    int n = lines.size();
    // The session is induced once: presence at induction is one time unit, on one AD line.
    int inducted = context.supervisorPresentAtInduction() ? inductedLine(lines, denied) : -1;
    FeeResult[] results = new FeeResult[n];
    // The groups of one service each, for the physician and then the nurse anesthetist: the
    // primary services, then each obstetric add-on, which is one service of the session too.
    int groups = 1 + TIMED_ADD_ONS.size();
    for (int group = 0; group < 2 * groups; group++) {
      boolean physician = group < groups;
      ProcedureCode addOn = group % groups == 0 ? null : TIMED_ADD_ONS.get(group % groups - 1);
      // The paid line of the group: the most base units, then the lowest code, then the first by
      // its text (isBetter), whatever the order of the lines.
      int paid = -1;
      int totalMinutes = 0;
      boolean anyWithoutMinutes = false;
      List<Integer> members = new ArrayList<>(2);
      for (int i = 0; i < n; i++) {
        ClaimLine line = lines.get(i);
        Optional<AnesthesiaRole> role = singleRole(line);
        int units = baseUnits.unitsOrMinusOne(line.code());
        if (denied.get(i)
            || role.isEmpty()
            || role.get().isPhysician() != physician
            || refusedAlone(line, units, role.get())
            || (addOn == null
                ? ADD_ONS.contains(line.code()) || WITHOUT_TIME_UNITS.contains(line.code())
                : !line.code().equals(addOn))) {
          continue;
        }
        members.add(i);
        totalMinutes += line.minutesOrZero();
        anyWithoutMinutes |= lacksMinutes(line);
        if (paid < 0 || isBetter(line, units, lines.get(paid))) {
          paid = i;
        }
      }
      if (members.size() < 2) {
        continue;
      }
      ClaimLine chosen = lines.get(paid);
      if (inducted >= 0 && inducted != paid && members.contains(inducted)) {
        inducted = -1; // an AD line paid through an AA or QK line: no line takes the unit
      }
      if (anyWithoutMinutes && isPaidByTime(chosen)) {
        // The session is paid with the total time of its lines: a line without its minutes leaves
        // it without one. That line is refused for its own missing time, and every other line
        // names it, rather than asking a line that has its minutes for them.
        // A joiner, not +=: each += copies the list so far, square in the session's lines.
        StringJoiner missing = new StringJoiner(", ");
        ClaimLine example = null;
        for (int i : members) {
          ClaimLine line = lines.get(i);
          if (lacksMinutes(line)) {
            missing.add("line " + numberOf.applyAsInt(i));
            example = example == null ? line.withMinutes(60) : example;
          }
        }
        String detail =
            (addOn == null
                    ? "one anesthesia service is paid"
                    : "the add-on " + addOn + " is paid once")
                + " per session, with the total time of its lines"
                + " (chapter 12, section 50): "
                + missing
                + " has no anesthesia minutes, such as "
                + example;
        for (int i : members) {
          ClaimLine line = lines.get(i);
          results[i] =
              lacksMinutes(line)
                  ? price(line, context) // refused for its own missing time
                  : FeeResult.unpriced(
                      UnpricedReason.NO_ANESTHESIA_TIME,
                      detail,
                      Explanation.of(header(line, context)));
        }
        continue;
      }
      // The session's total may pass the most one line carries (ClaimLine.MAX_MINUTES): it is paid
      // in full, not cut to that.
      int minutes = anyWithoutMinutes ? 0 : totalMinutes;
      FeeResult result = priceWithMinutes(chosen, context, paid == inducted, minutes);
      if (!result.isPriced()) {
        // Refused for what holds for every line (the date, the place, the locality, its factor):
        // each line gets that refusal alone, none is told it was paid through this one.
        continue;
      }
      StringJoiner others = new StringJoiner(", ");
      for (int i : members) {
        if (i != paid) {
          others.add("line " + numberOf.applyAsInt(i));
        }
      }
      // AD is paid no time units (section 50.D): the session's time pays nothing, so it is not
      // said to.
      boolean supervised =
          singleRole(chosen).orElseThrow() == AnesthesiaRole.SUPERVISING_MORE_THAN_FOUR;
      PricingStep session =
          PricingStep.note(
              SESSION,
              members.size()
                  + (addOn == null
                      ? " anesthesia services in one session: the one with the most base units is"
                      : " lines of the add-on "
                          + addOn
                          + " in one session, one service beside its primary as the primary is"
                          + " one: it is")
                  + (supervised
                      ? " paid once, billed AD: "
                          + supervisionBaseUnits(baseUnits.unitsOrMinusOne(chosen.code()))
                          + " base units and no time units"
                          + (paid == inducted ? ", but one for presence at induction" : "")
                          + " (chapter 12, sections 50 and 50.D); "
                      : " paid with the total time, "
                          + totalMinutes
                          + " minutes (chapter 12, section 50); ")
                  + others
                  + " paid through it");
      results[paid] = result.withStep(session);
      String roles = differentRoles(lines, members, paid, numberOf);
      if (roles != null) {
        results[paid] = results[paid].withStep(PricingStep.note(MIXED_ROLES, roles));
      }
      for (int i : members) {
        if (i != paid) {
          results[i] =
              FeeResult.unpriced(
                  UnpricedReason.NOT_PAYABLE_ON_CLAIM,
                  (addOn == null
                          ? "one anesthesia service is paid per session: line "
                          : "the add-on " + addOn + " is paid once per session: line ")
                      + numberOf.applyAsInt(paid)
                      + " ("
                      + chosen.code()
                      + (baseUnits.unitsOrMinusOne(lines.get(i).code())
                              < baseUnits.unitsOrMinusOne(chosen.code())
                          ? ", more base units"
                          : ", as many base units, first by code and modifiers")
                      + (supervised
                          ? ") is paid once for the session, billed AD: base units without time"
                              + " units (chapter 12, section 50.D)"
                          : ") is paid with this line's time"),
                  Explanation.of(header(lines.get(i), context), session));
        }
      }
    }
    ImmutableList.Builder<FeeResult> out = ImmutableList.builderWithExpectedSize(n);
    for (int i = 0; i < n; i++) {
      FeeResult result =
          results[i] != null
              ? results[i]
              : priceAlone(lines, i, context, denied, inducted, numberOf);
      if (!denied.get(i) && result.isPriced() && ADD_ONS.contains(lines.get(i).code())) {
        result = withoutPrimaryNoted(result, lines, i, denied);
      }
      out.add(result);
    }
    return out.build();
  }

  /**
   * Returns {@code result}, the priced add-on at {@code i}, with an {@link #ADD_ON_WITHOUT_PRIMARY}
   * step when no line of its primary code, of the same practitioner, takes part in the session:
   * denied by an edit or refused for its own reason (47, ...), a primary is none.
   */
  private FeeResult withoutPrimaryNoted(
      FeeResult result, List<ClaimLine> lines, int i, BitSet denied) {
    ClaimLine addOn = lines.get(i);
    ProcedureCode primary = primaryOf(addOn.code());
    boolean physician = singleRole(addOn).orElseThrow().isPhysician();
    for (int j = 0; j < lines.size(); j++) {
      ClaimLine line = lines.get(j);
      Optional<AnesthesiaRole> role = singleRole(line);
      if (!denied.get(j)
          && line.code().equals(primary)
          && role.isPresent()
          && role.get().isPhysician() == physician
          && !refusedAlone(line, baseUnits.unitsOrMinusOne(primary), role.get())) {
        return result;
      }
    }
    return result.withStep(
        PricingStep.note(
            ADD_ON_WITHOUT_PRIMARY,
            "the add-on "
                + addOn.code()
                + " is billed without its primary code "
                + primary
                + " among the "
                + (physician ? "physician's" : "nurse anesthetist's")
                + " lines paid: CMS has it billed with "
                + primary
                + " (Transmittal B-03-017, CR 2539); it is priced all the same, as an add-on"
                + " without a primary is; check the claim"));
  }

  /** The primary code CMS names for an add-on of {@link #ADD_ONS}: 01952, or 01967. */
  private static ProcedureCode primaryOf(ProcedureCode addOn) {
    return addOn.equals(BASE_UNITS_ADD_ON) ? BURN_PRIMARY : OBSTETRIC_PRIMARY;
  }

  /**
   * Returns the line that takes the time unit of presence at induction, or -1 when none does: of
   * the AD lines paid, the one with the most base units as {@link #isBetter} ranks them, a primary
   * before an add-on. The session's paid line is that line when it is billed AD, and an add-on is
   * paid beside its primary, not induced again (chapter 12, section 50.D). 01995 and 01996 take
   * none: no time units are recognized for them (section 50.G), nor for 01953.
   */
  private int inductedLine(List<ClaimLine> lines, BitSet denied) {
    int best = -1;
    for (int i = 0; i < lines.size(); i++) {
      ClaimLine line = lines.get(i);
      int units = baseUnits.unitsOrMinusOne(line.code());
      if (denied.get(i)
          || singleRole(line).orElse(null) != AnesthesiaRole.SUPERVISING_MORE_THAN_FOUR
          || refusedAlone(line, units, AnesthesiaRole.SUPERVISING_MORE_THAN_FOUR)
          || WITHOUT_TIME_UNITS.contains(line.code())) {
        continue;
      }
      if (best < 0) {
        best = i;
        continue;
      }
      boolean addOn = ADD_ONS.contains(line.code());
      boolean bestAddOn = ADD_ONS.contains(lines.get(best).code());
      if (addOn != bestAddOn ? bestAddOn : isBetter(line, units, lines.get(best))) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Prices the line at {@code i}, outside any session of several: with the presence unit when it is
   * the {@code inducted} line; an AD line beside it is told where the unit went. A denied line is
   * priced as {@link #price} prices it.
   */
  private FeeResult priceAlone(
      List<ClaimLine> lines,
      int i,
      PricingContext context,
      BitSet denied,
      int inducted,
      IntUnaryOperator numberOf) {
    ClaimLine line = lines.get(i);
    if (denied.get(i)) {
      return price(line, context);
    }
    // A code paid without time units takes no unit even when told of presence; told, it says why.
    boolean present =
        i == inducted
            || context.supervisorPresentAtInduction() && WITHOUT_TIME_UNITS.contains(line.code());
    FeeResult result = priceWithMinutes(line, context, present, line.minutesOrZero());
    if (inducted >= 0
        && i != inducted
        && result.isPriced()
        && !WITHOUT_TIME_UNITS.contains(line.code())
        && singleRole(line).orElse(null) == AnesthesiaRole.SUPERVISING_MORE_THAN_FOUR) {
      result =
          result.withStep(
              PricingStep.note(
                  "anesthesia-induction",
                  "the session is induced once: its time unit for presence at induction is paid"
                      + " on line "
                      + numberOf.applyAsInt(inducted)
                      + " (chapter 12, section 50.D)"));
    }
    return result;
  }

  /**
   * Says which lines of a session carry which payment modifier when they do not all carry the same:
   * the session is paid once, at the share of the line paid, whatever the others say. Null when
   * every line carries the same.
   */
  private static String differentRoles(
      List<ClaimLine> lines, List<Integer> members, int paid, IntUnaryOperator numberOf) {
    AnesthesiaRole paidRole = singleRole(lines.get(paid)).orElseThrow();
    boolean differ = false;
    for (int i : members) {
      differ |= singleRole(lines.get(i)).orElseThrow() != paidRole;
    }
    if (!differ) {
      return null; // the usual session: no words to write
    }
    StringBuilder each = new StringBuilder();
    for (int i : members) {
      each.append(each.length() == 0 ? "" : ", ")
          .append(singleRole(lines.get(i)).orElseThrow().modifier())
          .append(" on line ")
          .append(numberOf.applyAsInt(i));
    }
    return "the session's lines carry different payment modifiers ("
        + each
        + "): it is paid once, at "
        + paidRole.modifier()
        + ", the modifier of line "
        + numberOf.applyAsInt(paid)
        + ", the line paid; check which role applies to the session";
  }

  private boolean isBetter(ClaimLine candidate, int candidateUnits, ClaimLine current) {
    int currentUnits = baseUnits.unitsOrMinusOne(current.code());
    if (candidateUnits != currentUnits) {
      return candidateUnits > currentUnits;
    }
    if (candidate.code().packed() != current.code().packed()) {
      return candidate.code().packed() < current.code().packed();
    }
    // One code twice with other modifiers (AA on one line, QK on the other): the line first by its
    // text, so that the order the lines are billed in never changes what the session is paid.
    return candidate.toString().compareTo(current.toString()) < 0;
  }

  private static Optional<AnesthesiaRole> singleRole(ClaimLine line) {
    List<AnesthesiaRole> roles = AnesthesiaRole.among(line.modifiers());
    return roles.size() == 1 ? Optional.of(roles.get(0)) : Optional.empty();
  }

  private PricingStep header(ClaimLine line, PricingContext context) {
    return PricingStep.note("anesthesia", name + " prices " + line + " on " + context);
  }

  private FeeResult refuse(Explanation explanation, UnpricedReason reason, String detail) {
    return FeeResult.unpriced(reason, detail, explanation);
  }

  private FeeResult priceWithMinutes(
      ClaimLine line, PricingContext context, boolean presentAtInduction, int minutes) {
    ProcedureCode code = line.code();
    Explanation explanation = Explanation.of(header(line, context));
    LocalDate date = context.dateOfService();
    if (date.isBefore(effectiveFrom) || date.isAfter(effectiveTo)) {
      return refuse(
          explanation,
          UnpricedReason.DATE_NOT_COVERED,
          name + " covers " + effectiveFrom + " to " + effectiveTo + ", not " + date);
    }
    int packed = code.packed();
    if (packed >= FIRST_QUALIFYING_CIRCUMSTANCE && packed <= LAST_QUALIFYING_CIRCUMSTANCE) {
      return refuse(
          explanation,
          UnpricedReason.STATUS_NOT_PAYABLE,
          code
              + " is a qualifying circumstance for anesthesia (99100-99140): Medicare does not"
              + " pay these, the base units already account for the risk");
    }
    int units = baseUnits.unitsOrMinusOne(code);
    if (units < 0) {
      return refuse(
          explanation,
          UnpricedReason.NOT_IN_SCHEDULE,
          code + " has no anesthesia base units in the " + baseUnits.edition() + " edition");
    }
    PractitionerType practitioner = context.practitioner();
    if (!practitioner.isCoveredOn(date)) {
      // As the physician fee schedule refuses the practitioner's other lines of that date: a
      // service Medicare does not cover for them is no anesthesia service it pays either.
      return refuse(
          explanation,
          UnpricedReason.STATUS_NOT_PAYABLE,
          practitioner.notCoveredDetail(code.toString(), date));
    }
    if (line.modifiers().contains(SURGEON_ANESTHESIA)) {
      return refuse(
          explanation,
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          "47 (anesthesia by the surgeon) goes on the surgery's line, not on an anesthesia code:"
              + " the surgeon is paid no anesthesia fee");
    }
    Modifier surgical = notAConcept(line);
    if (surgical != null) {
      return refuse(
          explanation, UnpricedReason.MODIFIER_NOT_ALLOWED, whyNotAllowed(surgical, code));
    }
    List<AnesthesiaRole> roles = AnesthesiaRole.among(line.modifiers());
    if (roles.isEmpty()) {
      return refuse(
          explanation,
          UnpricedReason.MODIFIER_REQUIRED,
          "an anesthesia line needs one payment modifier: AA, QZ (100%), QK, QY, QX (50%) or AD"
              + " (medical supervision)");
    }
    if (roles.size() > 1) {
      return refuse(
          explanation,
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          "payment modifiers "
              + roles.get(0).modifier()
              + " and "
              + roles.get(1).modifier()
              + " contradict each other: "
              + (roles.get(0).isPhysician() != roles.get(1).isPhysician()
                  ? "the physician and the nurse anesthetist bill separate lines"
                  : "a line carries one of them, the one that says how the service was"
                      + " furnished"));
    }
    AnesthesiaRole role = roles.get(0);
    if (units == 0 && role != AnesthesiaRole.SUPERVISING_MORE_THAN_FOUR) {
      // 01999, the unlisted anesthesia procedure, is the one code CMS's file gives 0 base units:
      // not "no units" but none set nationally; the contractor values it from the documentation
      // against a comparable code. Pricing it as time alone would underpay it. AD pays it three
      // base units (section 50.D; supervisionBaseUnits), so it needs none.
      return refuse(
          explanation,
          UnpricedReason.CARRIER_PRICED,
          code
              + " has no national base units (0 in the "
              + baseUnits.edition()
              + " edition, an unlisted procedure): the contractor sets them from the documentation");
    }
    boolean timeCounted =
        !WITHOUT_TIME_UNITS.contains(code) && role != AnesthesiaRole.SUPERVISING_MORE_THAN_FOUR;
    if (timeCounted && minutes == 0) {
      return refuse(
          explanation,
          UnpricedReason.NO_ANESTHESIA_TIME,
          code
              + " is paid by its time: the line needs the anesthesia minutes, such as "
              + line.withMinutes(60));
    }
    Optional<PlaceOfService> place = PlaceOfService.in(context);
    if (place.isPresent() && !place.get().isAssigned()) {
      // Anesthesia has no setting, but the claim is returned as unprocessable whatever pays its
      // lines (ch. 26 §10.5), as the physician fee schedule answers for its own lines: after the
      // line's own faults, before the locality, in the order it checks them.
      return refuse(
          explanation,
          UnpricedReason.NOT_PAYABLE_IN_PLACE,
          "place of service "
              + place.get()
              + " is unassigned in CMS's place-of-service code set (Claims Processing Manual"
              + " ch. 26 §10.5), and a claim that reports it is returned as unprocessable: "
              + code
              + " is not paid there");
    }
    Optional<Locality> locality = Locality.in(context);
    if (locality.isEmpty()) {
      return refuse(
          explanation,
          UnpricedReason.NO_LOCALITY,
          "the anesthesia conversion factor varies by locality; the context has none");
    }
    Choice choice = tableFor(date, context.qualifyingApmParticipant());
    if (choice.table() == null) {
      return refuse(explanation, choice.reason(), choice.detail());
    }
    AnesthesiaConversionFactors factors = choice.table();
    if (choice.note() != null) {
      explanation = explanation.then(PricingStep.note("anesthesia-cf-table", choice.note()));
    }
    Optional<BigDecimal> factor = factors.find(locality.get());
    if (factor.isEmpty()) {
      return refuse(
          explanation,
          UnpricedReason.NO_CONVERSION_FACTOR,
          factors.name() + " has no anesthesia conversion factor for locality " + locality.get());
    }
    BigDecimal base;
    BigDecimal time;
    if (role == AnesthesiaRole.SUPERVISING_MORE_THAN_FOUR) {
      int supervised = supervisionBaseUnits(units);
      base = BigDecimal.valueOf(supervised);
      boolean inductionUnit = presentAtInduction && !WITHOUT_TIME_UNITS.contains(code);
      time = inductionUnit ? BigDecimal.ONE : BigDecimal.ZERO;
      explanation =
          explanation.then(
              PricingStep.note(
                  "base-units",
                  "AD medical supervision: "
                      + supervisedUnits(code, units, supervised)
                      + ", no time units"
                      + (inductionUnit ? " but one for presence at induction" : "")
                      + " (chapter 12, section 50.D)"
                      + (presentAtInduction && !inductionUnit
                          ? "; none for presence at induction either: " + withoutTimeUnits(code)
                          : "")));
    } else {
      base = BigDecimal.valueOf(units);
      explanation =
          explanation.then(
              PricingStep.note(
                  "base-units",
                  code + ": " + units + " base units (" + baseUnits.edition() + " edition)"));
      if (timeCounted) {
        time = AnesthesiaCalculation.timeUnits(minutes);
        explanation =
            explanation.then(
                PricingStep.note(
                    "time-units",
                    minutes
                        + " minutes / 15 = "
                        + time.toPlainString()
                        + " time units, rounded to one decimal (chapter 12, section 50.G)"));
      } else {
        time = BigDecimal.ZERO;
        explanation = explanation.then(PricingStep.note("time-units", withoutTimeUnits(code)));
      }
    }
    AnesthesiaCalculation calculation =
        AnesthesiaCalculation.of(base, time, factor.get(), locality.get(), role);
    explanation =
        explanation.then(
            PricingStep.of("anesthesia-cf", calculation.toString(), calculation.fullAmount()));
    BigDecimal amount = calculation.fullAmount();
    if (role.share().compareTo(BigDecimal.ONE) != 0) {
      amount = calculation.exactAmount();
      explanation =
          explanation.then(
              PricingStep.of(
                  "anesthesia-role",
                  role.modifier() + " " + role.words() + ": 50% (chapter 12, section 50.C)",
                  amount));
    } else {
      explanation =
          explanation.then(
              PricingStep.note("anesthesia-role", role.modifier() + " " + role.words() + ": 100%"));
    }
    for (Modifier m : line.modifiers()) {
      String note = noteOf(m);
      if (note != null) {
        explanation = explanation.then(PricingStep.note("modifier-" + m, note));
      }
    }
    // 01953's units are its increments of body surface, each paid its base unit; any other code's
    // count the surgeries one anesthesia service covered, paid once.
    int paidUnits = paidUnits(line);
    if (line.units() > 1 && paidUnits == 1) {
      explanation =
          explanation.then(
              PricingStep.note(
                  "units",
                  line.units() + " units: the surgeries this anesthesia covered; paid once"));
    }
    if (paidUnits > 1 || !context.participating()) {
      // As the physician fee schedule takes 95% of its posted fee, rounded to cents: a
      // non-participating provider is paid "95 percent of the payment amount for participating
      // physicians" (CMS's payment amount file documentation), the amount a participating one is
      // paid, in cents.
      BigDecimal paid = amount.setScale(FeeResult.CENTS, FeeResult.ROUNDING);
      if (paid.compareTo(amount) != 0) {
        explanation =
            explanation.then(
                PricingStep.of(
                    PAID_ROUNDED, "a participating provider's amount, half-up to cents", paid));
      }
      amount = paid;
    }
    if (!context.participating()) {
      amount = amount.multiply(NON_PARTICIPATING);
      explanation =
          explanation.then(
              PricingStep.of(
                  "non-participating", "95% of the participating provider's amount", amount));
    }
    if (paidUnits > 1) {
      // Each unit is paid what a line of one unit is, to the cent, so that 01953 x3 is paid what
      // three lines of 01953 are, whatever the share.
      BigDecimal each = amount.setScale(FeeResult.CENTS, FeeResult.ROUNDING);
      amount = each.multiply(BigDecimal.valueOf(paidUnits));
      explanation =
          explanation.then(
              PricingStep.of(
                  "units",
                  "x "
                      + paidUnits
                      + " units of "
                      + each.toPlainString()
                      + ": "
                      + code
                      + " is billed once for each further increment of body surface treated, each"
                      + " paid its base unit as a line of one unit is (CMS Transmittal B-03-017,"
                      + " CR 2539)",
                  amount));
    }
    return FeeResult.priced(amount, explanation);
  }

  /**
   * The table a line is priced with, or why none: {@code table} null with the reason and detail;
   * with a table, {@code detail} is the note saying why it was chosen among several, if it was.
   */
  private record Choice(
      AnesthesiaConversionFactors table,
      UnpricedReason reason,
      String detail,
      Supplier<String> note) {
    /** A table chosen, with the note saying why when there were several, built when read. */
    static Choice of(AnesthesiaConversionFactors table, Supplier<String> note) {
      return new Choice(table, null, null, note);
    }

    static Choice refused(UnpricedReason reason, String detail) {
      return new Choice(null, reason, detail, null);
    }
  }

  /**
   * The table whose stated national factor is the one in force on {@code date} for a provider of
   * that QP status, as described on this class. The details are sentences without {@code "; "},
   * which the command line takes as the end of a reason.
   */
  private Choice tableFor(LocalDate date, boolean qp) {
    if (national == null) {
      return tables.size() == 1
          ? Choice.of(tables.get(0), null)
          : Choice.refused(
              UnpricedReason.NO_CONVERSION_FACTOR,
              stated()
                  + ". Without the dated table of national factors, which of them is in force on "
                  + date
                  + " cannot be told");
    }
    NationalAnesthesiaFactor inForce = inForce(date, qp);
    if (inForce != null) {
      BigDecimal wanted = inForce.amount();
      for (AnesthesiaConversionFactors table : tables) {
        if (table.nationalFactor().map(f -> f.compareTo(wanted) == 0).orElse(false)) {
          return Choice.of(
              table,
              tables.size() == 1
                  ? null
                  : () ->
                      table.name()
                          + " states "
                          + wanted.toPlainString()
                          + ", the national anesthesia factor in force on "
                          + date
                          + " for "
                          + inForce.appliesTo().words());
        }
      }
      if (tables.size() == 1 && tables.get(0).nationalFactor().isEmpty()) {
        return Choice.of(tables.get(0), null); // states nothing to check: priced as it is
      }
      return Choice.refused(
          UnpricedReason.CONVERSION_FACTOR_MISMATCH,
          stated()
              + ". "
              + paid(qp, inForce, date)
              + ": give CMS's ANES file for "
              + (inForce.appliesTo() == ApmProviders.ALL ? "that date" : "them"));
    }
    // The factor in force is not known (9 March to 31 December 2024, after legislation raised the
    // factors): a table stating a factor the dated table gives another period or other providers,
    // of any year, is not the one in force; one stating none, or a factor the table does not know,
    // may be.
    List<AnesthesiaConversionFactors> usable = new ArrayList<>();
    for (AnesthesiaConversionFactors table : tables) {
      if (periodOf(table) == null) {
        usable.add(table);
      }
    }
    if (usable.size() == 1) {
      AnesthesiaConversionFactors table = usable.get(0);
      return Choice.of(
          table,
          tables.size() == 1
              ? null
              : () ->
                  table.name()
                      + " prices "
                      + date
                      + ": the dated table gives no national anesthesia factor for it, and the other"
                      + " files state other periods' or providers' factors");
    }
    if (usable.isEmpty()) {
      return Choice.refused(
          UnpricedReason.CONVERSION_FACTOR_MISMATCH,
          stated()
              + (tables.size() == 1 ? ", not" : ". None is")
              + " the factor in force on "
              + date
              + ", which the dated table does not give: give CMS's ANES file for that date");
    }
    StringJoiner names = new StringJoiner(" and ");
    usable.forEach(t -> names.add(t.name()));
    return Choice.refused(
        UnpricedReason.CONVERSION_FACTOR_MISMATCH,
        names
            + " could each state the national anesthesia factor in force on "
            + date
            + ", which the dated table does not give: which one prices it cannot be told");
  }

  /**
   * The dated table's factor in force on {@code date} for a provider of that QP status, or null.
   */
  private NationalAnesthesiaFactor inForce(LocalDate date, boolean qp) {
    for (NationalAnesthesiaFactor f : national) {
      if (f.appliesOn(date, qp)) {
        return f;
      }
    }
    return null;
  }

  /**
   * The first period of the dated table whose national factor is the one {@code table} states, or
   * null when it states none, or one the dated table does not give.
   */
  private NationalAnesthesiaFactor periodOf(AnesthesiaConversionFactors table) {
    if (national == null || table.nationalFactor().isEmpty()) {
      return null;
    }
    BigDecimal stated = table.nationalFactor().get();
    for (NationalAnesthesiaFactor f : national) {
      if (f.amount().compareTo(stated) == 0) {
        return f;
      }
    }
    return null;
  }

  /**
   * Says what each table states, a sentence each: {@code ANES2026 states 20.4976, the national
   * anesthesia factor of providers who are not qualifying APM participants from 2026-01-01 to
   * 2026-12-31}.
   */
  private String stated() {
    StringJoiner each = new StringJoiner(". ");
    for (AnesthesiaConversionFactors table : tables) {
      if (table.nationalFactor().isEmpty()) {
        each.add(table.name() + " states no national anesthesia factor");
        continue;
      }
      NationalAnesthesiaFactor period = periodOf(table);
      each.add(
          table.name()
              + " states "
              + table.nationalFactor().get().toPlainString()
              + (period == null
                  ? ", a national anesthesia factor the dated table gives no period"
                  : ", " + period.whoseAndWhen()));
    }
    return each.toString();
  }

  /**
   * Says that {@code inForce} is paid on {@code date}: to the providers of that QP status, or to
   * everyone. A sentence of its own.
   */
  private static String paid(boolean qp, NationalAnesthesiaFactor inForce, LocalDate date) {
    String factor = inForce.amount().toPlainString();
    if (inForce.appliesTo() == ApmProviders.ALL) {
      return "The national anesthesia factor in force on " + date + " is " + factor;
    }
    return (qp
            ? "A qualifying APM participant is paid "
            : "A provider who is not a qualifying APM participant is paid ")
        + factor
        + " on "
        + date;
  }

  /**
   * Says how many base units an AD line of {@code code}, of {@code units} in the file, is paid:
   * {@code supervised}, from {@link #supervisionBaseUnits}.
   */
  private String supervisedUnits(ProcedureCode code, int units, int supervised) {
    if (units == 0) {
      return supervised
          + " base units, "
          + code
          + " having none set nationally (0 in the "
          + baseUnits.edition()
          + " edition)";
    }
    if (units > supervised) {
      return supervised + " base units instead of " + code + "'s " + units;
    }
    if (units == SUPERVISION_BASE_UNITS.intValueExact()) {
      return units + " base units, " + code + "'s own";
    }
    // Fewer than three: section 50.D's three are a limit; and an add-on is allowed only its own.
    return code
        + "'s own "
        + units
        + (units == 1 ? " base unit" : " base units")
        + ", fewer than the "
        + SUPERVISION_BASE_UNITS
        + " AD allows at most"
        + (ADD_ONS.contains(code)
            ? " (an add-on is allowed only its own base units: CMS Transmittal B-03-017, CR 2539)"
            : "");
  }

  /**
   * Returns how many times {@code line} is paid: the units of 01953, each a further increment of
   * body surface billed once and paid as a line of one unit is (CMS Transmittal B-03-017, CR 2539);
   * 1 for any other code, whose units count the surgeries one anesthesia service covered, paid
   * once. The non-participating 95% and the limiting charge are taken of each unit paid.
   *
   * @param line the anesthesia line billed
   * @return the line's units for 01953, 1 for any other code
   */
  public static int paidUnits(ClaimLine line) {
    return requireNonNull(line, "line").code().equals(BASE_UNITS_ADD_ON) ? line.units() : 1;
  }

  /** Why {@code code}, one of {@link #WITHOUT_TIME_UNITS}, is paid no time units. */
  private static String withoutTimeUnits(ProcedureCode code) {
    return code.equals(BASE_UNITS_ADD_ON)
        ? code + ", an add-on, is paid without time units: " + ADD_ON_TIME
        : code + " is paid without time units (chapter 12, section 50.G)";
  }

  private static String noteOf(Modifier m) {
    if (INFORMATIONAL.contains(m)) {
      return "informational (monitored anesthesia care), no payment effect";
    }
    if (m == TEACHING_PHYSICIAN) {
      return "teaching physician with a resident: paid at the payment modifier's share, AA 100%"
          + " for a teaching anesthesiologist's resident cases (chapter 12, sections 50.B and"
          + " 100.1.4)";
    }
    String text = m.toString();
    if (text.charAt(0) == 'P' && text.charAt(1) >= '1' && text.charAt(1) <= '6') {
      return "physical status: Medicare pays no units for it";
    }
    return null;
  }

  /** {@return the base units} */
  public AnesthesiaBaseUnits baseUnits() {
    return baseUnits;
  }

  /**
   * {@return the conversion factors per locality: the first table when there are several ({@link
   * #conversionFactorTables()})}
   */
  public AnesthesiaConversionFactors conversionFactors() {
    return tables.get(0);
  }

  /** {@return every table of conversion factors per locality, in the order given} */
  public ImmutableList<AnesthesiaConversionFactors> conversionFactorTables() {
    return tables;
  }

  /**
   * {@return the dated table of national anesthesia factors the tables' stated factors are checked
   * against, if set ({@link Builder#nationalFactors}), by start date}
   */
  public Optional<ImmutableList<NationalAnesthesiaFactor>> nationalFactors() {
    return Optional.ofNullable(national);
  }

  /** {@return the first date of service priced} */
  public LocalDate effectiveFrom() {
    return effectiveFrom;
  }

  /** {@return the last date of service priced} */
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
        + baseUnits
        + ", "
        + (tables.size() == 1 ? tables.get(0) : tables)
        + ", "
        + effectiveFrom
        + ".."
        + effectiveTo
        + ")";
  }

  /** Builds an {@link AnesthesiaFeeSchedule}. */
  public static final class Builder {
    private String name = "medicare-anesthesia";
    private AnesthesiaBaseUnits baseUnits;
    private ImmutableList<AnesthesiaConversionFactors> tables;
    private ImmutableList<NationalAnesthesiaFactor> national;
    private LocalDate effectiveFrom = LocalDate.MIN;
    private LocalDate effectiveTo = LocalDate.MAX;

    private Builder() {}

    /**
     * Sets the name used in explanations (default {@code "medicare-anesthesia"}).
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
     * Sets the base units.
     *
     * @param units the base units of each anesthesia code
     * @return this builder
     */
    public Builder baseUnits(AnesthesiaBaseUnits units) {
      this.baseUnits = requireNonNull(units, "units");
      return this;
    }

    /**
     * Sets the conversion factors per locality: one year's, matching the dates below.
     *
     * @param newFactors the conversion factor of each locality
     * @return this builder
     */
    public Builder conversionFactors(AnesthesiaConversionFactors newFactors) {
      this.tables = ImmutableList.of(requireNonNull(newFactors, "newFactors"));
      return this;
    }

    /**
     * Sets several tables of conversion factors per locality, such as a year's file for qualifying
     * APM participants and its file for other providers: each line is priced with the one whose
     * stated national factor is the one in force for its date and provider (see the class).
     *
     * @param newTables the tables of conversion factors, one per national factor
     * @return this builder
     * @throws IllegalArgumentException if {@code newTables} is empty, or holds several tables of
     *     which one states no national factor or two state the same (the message names both)
     */
    public Builder conversionFactors(List<AnesthesiaConversionFactors> newTables) {
      ImmutableList<AnesthesiaConversionFactors> copy =
          ImmutableList.copyOf(requireNonNull(newTables, "newTables"));
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("no anesthesia conversion factor table");
      }
      for (int i = 0; i < copy.size() && copy.size() > 1; i++) {
        AnesthesiaConversionFactors a = copy.get(i);
        if (a.nationalFactor().isEmpty()) {
          throw new IllegalArgumentException(
              a.name()
                  + " states no national anesthesia factor: beside other tables which one prices"
                  + " a date cannot be told");
        }
        for (AnesthesiaConversionFactors b : copy.subList(i + 1, copy.size())) {
          if (b.nationalFactor().isPresent()
              && a.nationalFactor().get().compareTo(b.nationalFactor().get()) == 0) {
            throw new IllegalArgumentException(
                a.name()
                    + " and "
                    + b.name()
                    + " both state the national anesthesia factor "
                    + a.nationalFactor().get().toPlainString()
                    + ": which one prices a date cannot be told");
          }
        }
      }
      this.tables = copy;
      return this;
    }

    /**
     * Sets the dated table of national anesthesia factors (default none): the factor in force for a
     * date of service and QP status chooses the table whose stated factor it is, and a table
     * stating another period's or other providers' is not priced with (see the class). A {@code
     * MedicareFeeSchedule} gives its anesthesia schedule the one of its own conversion factors.
     *
     * @param factors the national anesthesia factors and the dates and providers of each
     * @return this builder
     * @throws IllegalArgumentException if two factors could apply to the same provider on the same
     *     date (the message names both)
     */
    public Builder nationalFactors(List<NationalAnesthesiaFactor> factors) {
      ImmutableList<NationalAnesthesiaFactor> sorted =
          ImmutableList.sortedCopyOf(
              Comparator.comparing(NationalAnesthesiaFactor::effectiveFrom)
                  .thenComparing(NationalAnesthesiaFactor::appliesTo),
              requireNonNull(factors, "factors"));
      for (int i = 0; i < sorted.size(); i++) {
        NationalAnesthesiaFactor a = sorted.get(i);
        for (NationalAnesthesiaFactor b : sorted.subList(i + 1, sorted.size())) {
          boolean datesOverlap = !b.effectiveFrom().isAfter(a.effectiveTo());
          boolean providersOverlap = a.appliesTo().overlaps(b.appliesTo());
          if (datesOverlap && providersOverlap) {
            throw new IllegalArgumentException(
                "national anesthesia factors " + a + " and " + b + " overlap");
          }
        }
      }
      this.national = sorted;
      return this;
    }

    /**
     * Sets the dates of service priced, both inclusive (default every date): set them to the
     * conversion factors' year, so that no date is priced with another year's factor.
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

    /**
     * {@return the schedule}
     *
     * @throws IllegalArgumentException if the dates of service priced end before they start ({@link
     *     #effective})
     * @throws NullPointerException if the base units or the conversion factors were not set
     */
    public AnesthesiaFeeSchedule build() {
      return new AnesthesiaFeeSchedule(this);
    }
  }
}
