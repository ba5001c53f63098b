package io.github.cpt4j.fee.medicare.pfs.claim;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The visits of one provider's day that Medicare pays only one of, as a claim edit named {@value
 * #NAME}: the visit CMS does not pay is denied ({@link UnpricedReason#EDIT_DENIED}), with a message
 * naming the line that is paid and the section of the Medicare Claims Processing Manual, chapter
 * 12, and the data {@code otherLine}, {@code otherCode} and {@code section}. The rules:
 *
 * <ul>
 *   <li><b>An emergency department, office or nursing facility visit on the day of the same
 *       provider's initial hospital care</b> (99221-99223, or 99234-99236, admission and discharge
 *       on one date): the initial hospital care is paid, and the visit is denied. A patient
 *       admitted from another site of service (the emergency department, the physician's office, a
 *       nursing facility) is seen there as part of the admission: the services of that date are
 *       "part of the initial hospital care", and an emergency department visit by the same
 *       physician on that date is not paid (section 30.6.9.1.A). The physician counts that work
 *       toward the admission's level. The nursing facility visits are the initial and subsequent
 *       ones (99304-99310); the nursing facility discharge (99315, 99316) is left alone.
 *   <li><b>The hospital discharge day management (99238, 99239) on the day of the same provider's
 *       initial hospital care</b>: the initial hospital care is paid, and the discharge denied. A
 *       patient admitted and discharged on one date is billed the initial hospital care alone when
 *       the stay is under 8 hours, and a same-day admission and discharge code (99234-99236, which
 *       includes the discharge) from 8 hours; the discharge codes are for a discharge on a later
 *       date than the admission (section 30.6.9.1).
 *   <li><b>A subsequent hospital visit (99231-99233) on the day of the same provider's hospital
 *       discharge day management (99238, 99239)</b>: only the discharge is paid; a physician does
 *       not bill both a hospital visit and the discharge for one date (section 30.6.9.2). On the
 *       day of an admission, the admission holds the visit instead (the next rule). Of two
 *       discharges of the day, the one paid more is kept and the other denied: "only one hospital
 *       discharge day management service is payable per patient per hospital stay" (the same
 *       section).
 *   <li><b>Two hospital visits</b> (initial hospital care, 99221-99223 or 99234-99236, and
 *       subsequent hospital visits, 99231-99233): both kinds are per day, paid once a day to one
 *       physician, whether the problems seen at the encounters are related or not (section 30.6.9);
 *       the physician bills one code whose level represents the day's care. The initial hospital
 *       care is kept over subsequent visits, as it holds the day's services, and of two of one kind
 *       the one paid more, chosen as for office visits below.
 *   <li><b>Two office or outpatient visits</b> (99201-99205, 99211-99215): one physician, or
 *       physicians of one specialty in one group, who see a patient more than once on a day bill
 *       one visit whose level represents the visits together, unless the visits were for unrelated
 *       problems that could not be seen to at one encounter (sections 30.6.5 and 30.6.7.B). The
 *       visit paid more (its fee, or its billed charge when lower) is kept and the other denied; of
 *       two paid alike, the one whose billed form sorts first, so that the order of the lines does
 *       not matter. A visit the schedule does not price keeps its own refusal and is not compared.
 *       A visit billed with modifier 25 says it is a significant, separately identifiable visit: it
 *       is paid beside the others, and so is the best paid of the visits without it. CPT's 25 marks
 *       a visit beside another service of the same day, and the NCCI edits take 25 on a visit where
 *       they take 59 or an X modifier on a procedure; 59 and the X modifiers are not used on
 *       visits, so they do not separate one (nor does 27, which outpatient hospitals, not
 *       physicians, put on a second encounter).
 *   <li><b>A visit of two or more units</b> that is kept: hospital care and the discharge are per
 *       day, and office visits of one day one visit unless one was for an unrelated problem, so the
 *       units beyond one are denied ({@link EditAction#DENY_UNITS}), but an office visit's with 25,
 *       which says the visits were separate. Visits compete by what one unit is paid (its share of
 *       the billed charge when lower than the fee): {@code 99213 x2} does not outrank {@code
 *       99214}.
 * </ul>
 *
 * <p>Modifiers do not pass the first four rules: the manual names none, and the codes (initial
 * hospital care, subsequent hospital visits, discharge) are per day. An admission or discharge the
 * schedule does not price holds no other visit. The same provider is the lines' rendering provider
 * ({@link io.github.cpt4j.claim.BilledLine#renderingProvider()}; lines without one are the provider
 * {@link io.github.cpt4j.edit.RenderingProviders} makes them, the claim's one named NPI or their
 * own): physicians of one group and one specialty are one physician for these rules (section
 * 30.6.5), so give their lines one NPI, or none. An edit of one provider's day ({@link
 * ClaimEdit#perProviderDay()}). A visit that another rule of this edit denies does not count
 * against the others: an office visit included in the admission is not also the office visit kept.
 *
 * <p>Immutable and thread-safe; allocation-free on a day of fewer than two of these visits.
 */
public final class SameDayVisitsEdit implements ClaimEdit {

  /** The name of the edit and of its findings, {@code "same-day-visits"}. */
  public static final String NAME = "same-day-visits";

  private static final String ADMISSION_SECTION = "§30.6.9.1.A";
  private static final String DISCHARGE_SECTION = "§30.6.9.2";
  private static final String HOSPITAL_DAY_SECTION = "§30.6.9";
  private static final String ADMISSION_AND_DISCHARGE_SECTION = "§30.6.9.1";
  private static final String OFFICE_SECTION = "§30.6.5, §30.6.7.B";

  private final MedicareFeeSchedule schedule;

  private SameDayVisitsEdit(MedicareFeeSchedule schedule) {
    this.schedule = schedule;
  }

  /**
   * {@return the edit comparing two office visits by their amounts in {@code schedule}, the one the
   * claim is priced with}
   *
   * @param schedule the schedule the claim is priced with
   */
  public static SameDayVisitsEdit of(MedicareFeeSchedule schedule) {
    return new SameDayVisitsEdit(requireNonNull(schedule, "schedule"));
  }

  /** Returns the schedule whose amounts rank two office visits. */
  MedicareFeeSchedule schedule() {
    return schedule;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Tells whether a visit of {@code kind} is one of another site of service, which the day's
   * initial hospital care holds.
   */
  private static boolean isOtherSite(VisitKind kind) {
    return kind == VisitKind.EMERGENCY
        || kind == VisitKind.OFFICE
        || kind == VisitKind.NURSING_FACILITY;
  }

  private static boolean noneDenied(int line) {
    return false;
  }

  @Override
  public List<EditFinding> check(Claim claim, PricingContext context) {
    return check(claim, context, SameDayVisitsEdit::noneDenied);
  }

  /**
   * Judges after the edits that deny lines whole, the global surgery edit among them: a visit they
   * deny (in a surgical package, billed with GZ) is not paid, so it is neither the visit kept nor
   * one that holds another.
   */
  @Override
  public boolean judgesAfterDenials() {
    return true;
  }

  /**
   * Returns what {@link #check(Claim, PricingContext)} returns, the visits another edit denies
   * whole ({@code denied}) left out as if not billed.
   */
  @Override
  public List<EditFinding> check(Claim claim, PricingContext context, IntPredicate denied) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    requireNonNull(denied, "denied");
    int n = claim.size();
    // The usual day has at most one of these visits, of one unit: counted first, without
    // allocating.
    int visits = 0;
    for (int i = 0; i < n && visits < 2; i++) {
      if (VisitKind.of(claim.line(i).line().code()) != null && !denied.test(i)) {
        visits += claim.line(i).line().units();
      }
    }
    if (visits < 2) {
      return List.of();
    }
    VisitKind[] kinds = new VisitKind[n];
    int admission = -1;
    BigDecimal admissionPaid = null;
    int discharge = -1;
    BigDecimal dischargePaid = null;
    for (int i = 0; i < n; i++) {
      kinds[i] = denied.test(i) ? null : VisitKind.of(claim.line(i).line().code());
      // Only a paid admission or discharge holds the day's other visits: one the schedule does
      // not price leaves them theirs. Of two admissions, or two discharges, the one paid more is
      // the day's.
      if (kinds[i] == VisitKind.ADMISSION) {
        BigDecimal paid = paid(claim.line(i), context);
        if (paid != null && (admission < 0 || paysMore(claim, i, paid, admission, admissionPaid))) {
          admission = i;
          admissionPaid = paid;
        }
      } else if (kinds[i] == VisitKind.DISCHARGE) {
        BigDecimal paid = paid(claim.line(i), context);
        if (paid != null && (discharge < 0 || paysMore(claim, i, paid, discharge, dischargePaid))) {
          discharge = i;
          dischargePaid = paid;
        }
      }
    }
    boolean[] deniedHere = new boolean[n];
    List<EditFinding> found = new ArrayList<>(2);
    for (int i = 0; i < n; i++) {
      if (admission >= 0 && kinds[i] == VisitKind.DISCHARGE && priced(claim, i, context)) {
        // Admitted and discharged on one date: the discharge is not billed beside the admission,
        // so it holds no subsequent visit either; the admission does.
        deniedHere[i] = true;
        found.add(
            finding(
                claim,
                i,
                admission,
                ADMISSION_AND_DISCHARGE_SECTION,
                ", the same provider's initial hospital care: a patient admitted and discharged on"
                    + " one date is billed the initial hospital care alone (a stay under 8 hours)"
                    + " or a same-day admission and discharge code (99234-99236), not a discharge"
                    + " beside it"));
      } else if (admission >= 0 && isOtherSite(kinds[i])) {
        deniedHere[i] = true;
        found.add(
            finding(
                claim,
                i,
                admission,
                ADMISSION_SECTION,
                ", the same provider's initial hospital care, is part of it: the admission is paid,"
                    + " and the work of the other site counts toward its level"));
      } else if (admission < 0
          && discharge >= 0
          && (kinds[i] == VisitKind.SUBSEQUENT_HOSPITAL
              || kinds[i] == VisitKind.DISCHARGE && i != discharge && priced(claim, i, context))) {
        // The day's discharge holds its hospital visit, and a second discharge.
        deniedHere[i] = true;
        found.add(
            finding(
                claim,
                i,
                discharge,
                DISCHARGE_SECTION,
                kinds[i] == VisitKind.DISCHARGE
                    ? ", the same provider's hospital discharge paid more: one discharge day"
                        + " management is paid a hospital stay"
                    : ", the same provider's hospital discharge: only the discharge is paid"));
      }
    }
    denyOtherHospitalVisits(claim, context, kinds, deniedHere, admission, found);
    denySecondOfficeVisits(claim, context, kinds, deniedHere, found);
    denyUnitsBeyondOne(claim, kinds, deniedHere, found);
    if (found.isEmpty()) {
      return List.of();
    }
    found.sort(Comparator.comparingInt(EditFinding::line));
    return found;
  }

  /**
   * Adds the denials of the hospital visits (initial and subsequent) beside the one paid (section
   * 30.6.9), of those not {@code denied} already: the {@code admission} when there is one (a paid
   * initial hospital care, the best paid if two), otherwise the best paid subsequent visit.
   */
  private void denyOtherHospitalVisits(
      Claim claim,
      PricingContext context,
      VisitKind[] kinds,
      boolean[] denied,
      int admission,
      List<EditFinding> found) {
    BigDecimal[] amounts =
        paidAmounts(
            claim,
            context,
            i ->
                (kinds[i] == VisitKind.ADMISSION || kinds[i] == VisitKind.SUBSEQUENT_HOSPITAL)
                    && i != admission
                    && !denied[i]);
    if (count(amounts) + (admission < 0 ? 0 : 1) < 2) {
      return;
    }
    int kept = admission >= 0 ? admission : bestPaid(claim, amounts);
    String because =
        kinds[kept] == VisitKind.ADMISSION
            ? ", the same provider's initial hospital care: hospital care is paid once a day,"
                + " whatever the problems seen, and the admission's level represents the day's"
                + " care"
            : ", the same provider's hospital visit paid more: hospital care is paid once a day,"
                + " whatever the problems seen, so bill one visit whose level represents the"
                + " day's care";
    for (int i = 0; i < amounts.length; i++) {
      if (i != kept && amounts[i] != null) {
        denied[i] = true;
        found.add(finding(claim, i, kept, HOSPITAL_DAY_SECTION, because));
      }
    }
  }

  /**
   * Adds the denials of the office visits without 25 beside the best paid of them (sections 30.6.5
   * and 30.6.7.B), of those not {@code denied} already.
   */
  private void denySecondOfficeVisits(
      Claim claim,
      PricingContext context,
      VisitKind[] kinds,
      boolean[] denied,
      List<EditFinding> found) {
    BigDecimal[] amounts =
        paidAmounts(
            claim,
            context,
            i -> kinds[i] == VisitKind.OFFICE && !denied[i] && !separate(claim.line(i).line()));
    if (count(amounts) < 2) {
      return;
    }
    int kept = bestPaid(claim, amounts);
    for (int i = 0; i < amounts.length; i++) {
      if (i != kept && amounts[i] != null) {
        denied[i] = true;
        found.add(
            finding(
                claim,
                i,
                kept,
                OFFICE_SECTION,
                ", the same provider's office visit paid more: bill one visit whose level"
                    + " represents both, or add 25 if this visit was for an unrelated problem that"
                    + " could not be seen to at the same encounter"));
      }
    }
  }

  /**
   * Adds the denials of the units beyond one of each visit kept ({@link EditAction#DENY_UNITS}):
   * hospital care and the discharge are per day, and two office visits billed as units of one line
   * are one visit whose level represents both, as on two lines, unless the line carries 25.
   */
  private static void denyUnitsBeyondOne(
      Claim claim, VisitKind[] kinds, boolean[] denied, List<EditFinding> found) {
    for (int i = 0; i < kinds.length; i++) {
      ClaimLine visit = claim.line(i).line();
      if (kinds[i] == null || denied[i] || visit.units() == 1) {
        continue;
      }
      String why = whyOneUnit(kinds[i], visit);
      if (why == null) {
        continue;
      }
      String section = sectionOf(kinds[i]);
      found.add(
          EditFinding.builder()
              .edit(NAME)
              .line(i)
              .lineNumber(claim.lineNumber(i))
              .action(EditAction.DENY_UNITS)
              .deniedUnits(visit.units() - 1)
              .reason(UnpricedReason.EDIT_DENIED)
              .message(
                  visit.code()
                      + " is paid one unit a day: "
                      + why
                      + " (Claims Processing Manual ch. 12 "
                      + section
                      + ")")
              .putData("section", "ch. 12 " + section)
              .build());
    }
  }

  /** Why a visit of {@code kind} is paid one unit, or null when its units stand. */
  private static String whyOneUnit(VisitKind kind, ClaimLine visit) {
    return switch (kind) {
      case ADMISSION, SUBSEQUENT_HOSPITAL ->
          "hospital care is paid once a day, whatever the problems seen";
      case DISCHARGE -> "the discharge day management is paid once a hospital stay";
      case OFFICE ->
          separate(visit)
              ? null
              : "the same provider's office visits of one day are one visit whose level"
                  + " represents them, unless one was for an unrelated problem, billed with 25";
      default -> null;
    };
  }

  /** The section of the Claims Processing Manual, chapter 12, that pays a visit of a kind once. */
  private static String sectionOf(VisitKind kind) {
    return switch (kind) {
      case DISCHARGE -> DISCHARGE_SECTION;
      case OFFICE -> OFFICE_SECTION;
      default -> HOSPITAL_DAY_SECTION;
    };
  }

  /**
   * What each line of {@code claim} that {@code competes} is paid alone ({@link #paid}), by line;
   * null for the other lines, and for a line the schedule does not price, which keeps its own
   * refusal rather than this edit's. Null when no line has an amount.
   */
  private BigDecimal[] paidAmounts(Claim claim, PricingContext context, IntPredicate competes) {
    BigDecimal[] amounts = null;
    for (int i = 0; i < claim.size(); i++) {
      BigDecimal amount = competes.test(i) ? paid(claim.line(i), context) : null;
      if (amount != null) {
        if (amounts == null) {
          amounts = new BigDecimal[claim.size()];
        }
        amounts[i] = amount;
      }
    }
    return amounts;
  }

  /** The number of lines {@code amounts} gives an amount (none when null). */
  private static int count(BigDecimal[] amounts) {
    int count = 0;
    for (int i = 0; amounts != null && i < amounts.length; i++) {
      count += amounts[i] == null ? 0 : 1;
    }
    return count;
  }

  /**
   * The line of {@code amounts} (at least one) that is kept: the one paid more ({@link #paysMore}).
   */
  private static int bestPaid(Claim claim, BigDecimal[] amounts) {
    int kept = -1;
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] != null && (kept < 0 || paysMore(claim, i, amounts[i], kept, amounts[kept]))) {
        kept = i;
      }
    }
    return kept;
  }

  /** Tells whether the schedule prices line {@code i} of {@code claim} in {@code context}. */
  private boolean priced(Claim claim, int i, PricingContext context) {
    return schedule.price(claim.line(i).line(), context).isPriced();
  }

  /**
   * What a unit of {@code visit} is paid alone in {@code context}: its fee, or its billed charge
   * when lower (Medicare pays the lower of the two), the charge shared among the units; null when
   * the schedule does not price it. A unit, since a visit kept is paid one ({@link
   * #denyUnitsBeyondOne}): {@code 99213 x2} does not outrank {@code 99214}.
   */
  private BigDecimal paid(BilledLine visit, PricingContext context) {
    ClaimLine line = visit.line();
    int units = line.units();
    BigDecimal fee =
        schedule.price(units == 1 ? line : line.withUnits(1), context).exactAmount().orElse(null);
    if (fee == null || visit.charge().isEmpty()) {
      return fee;
    }
    BigDecimal charge = visit.charge().get();
    return fee.min(
        units == 1 ? charge : charge.divide(BigDecimal.valueOf(units), 10, RoundingMode.HALF_EVEN));
  }

  /**
   * Tells whether line {@code i}, paid {@code amount}, is kept rather than line {@code kept}, paid
   * {@code keptAmount}: the one paid more; of two paid alike, the one whose billed form sorts
   * first, so that the choice does not depend on the order of the lines.
   */
  private static boolean paysMore(
      Claim claim, int i, BigDecimal amount, int kept, BigDecimal keptAmount) {
    int byAmount = amount.compareTo(keptAmount);
    return byAmount > 0
        || byAmount == 0 && claim.line(i).toString().compareTo(claim.line(kept).toString()) < 0;
  }

  /** Tells whether {@code visit} says it is a significant, separately identifiable visit (25). */
  private static boolean separate(ClaimLine visit) {
    return visit.hasModifier(Modifier.SEPARATE_EM);
  }

  /** The finding denying line {@code v} beside line {@code other}, by {@code section}. */
  private static EditFinding finding(
      Claim claim, int v, int other, String section, String because) {
    ClaimLine visit = claim.line(v).line();
    ClaimLine paid = claim.line(other).line();
    int otherNumber = claim.lineNumber(other);
    return EditFinding.builder()
        .edit(NAME)
        .line(v)
        .lineNumber(claim.lineNumber(v))
        .action(EditAction.DENY_LINE)
        .deniedUnits(visit.units())
        .reason(UnpricedReason.EDIT_DENIED)
        .message(
            visit.code()
                + " beside "
                + paid.code()
                + " (line "
                + otherNumber
                + ") on the same day"
                + because
                + " (Claims Processing Manual ch. 12 "
                + section
                + ")")
        .putData("otherCode", paid.code().toString())
        .putData("otherLine", Integer.toString(otherNumber))
        .putData("section", "ch. 12 " + section)
        .build();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
