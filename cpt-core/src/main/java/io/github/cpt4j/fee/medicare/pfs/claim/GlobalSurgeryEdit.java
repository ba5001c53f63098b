package io.github.cpt4j.fee.medicare.pfs.claim;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.ProviderDay;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.edit.Visits;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.modifier.Modifier;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The global surgical package as a claim edit, named {@value #NAME}: a visit ({@link
 * Visits#isVisit}: a CPT E/M code, 99201 on its dates, or an eye exam, 92002-92014) that the
 * payment of a procedure on the same claim already includes is denied, {@link
 * UnpricedReason#GLOBAL_SURGERY}, with the procedure, its line and its global period in the
 * finding. The global period is the procedure's GLOB DAYS in the fee schedule's relative value row.
 * The rules are the Medicare Claims Processing Manual's, chapter 12:
 *
 * <ul>
 *   <li><b>000 and 010</b> (endoscopies, minor procedures): a visit on the day of the procedure is
 *       included (sections 40.1.B and 40.1.C), unless it carries modifier 25, a significant,
 *       separately identifiable E/M service (section 30.6.6.B).
 *   <li><b>090</b> (major surgery): a visit the day before or the day of the surgery is included
 *       (section 40.1.A, preoperative visits), unless it carries modifier 57, the visit at which
 *       the decision to operate was made (sections 30.6.6.C and 40.2.A.4); on the day of the
 *       surgery 25 also makes it payable (section 30.6.6.B: "a procedure with a global fee
 *       period"), not on the day before.
 *   <li><b>The postoperative days</b> (1-10 after a 010 procedure, 1-90 after a 090 one), for lines
 *       of one claim that carry different dates ({@link BilledLine#dateOfService()}): a visit is
 *       included (section 40.1.A, postoperative visits), unless it carries modifier 24, an E/M
 *       service unrelated to the surgery (section 30.6.6.A).
 *   <li><b>Critical care</b> (99291, 99292) unrelated to the procedure is paid in any of these
 *       days, the day before and the day of included, when it carries modifier FT (CY 2022
 *       physician fee schedule final rule; HCPCS modifier FT, effective 1 January 2022, as CMS and
 *       its contractors describe its use for critical care). Other visits keep 24, 25 and 57.
 * </ul>
 *
 * <p>A package holds only the visits of the surgeon's own rendering provider ({@link
 * BilledLine#renderingProvider()}; lines without one are the provider {@link RenderingProviders}
 * says, the one NPI the other lines name, or a provider of their own): the related services "when
 * furnished by the physician who performs the surgery" (section 40.1.A). Physicians of one group
 * and one specialty are one physician for the package (section 30.6.5): give their lines the same
 * rendering provider, or none.
 *
 * <p>A line of modifier 55 alone (postoperative management by another physician) is not the
 * procedure of the day: it bills days of care after a surgery done elsewhere, so the day before and
 * the day of that surgery are not in its package. It is paid the postoperative share of the
 * package, though (the POST OP percentage of the relative value file), and the package holds the
 * related visits of the postoperative period (section 40.1.A) while the physician who bills 55
 * gives the date of the surgery (section 40.2): its line opens the postoperative days of a 010 or
 * 090 code (1-10, 1-90 after its date) to the visits of its own rendering provider, which 24 makes
 * payable as after the surgeon's line. The window is the whole global period from the line's date,
 * whatever days of care its units bill: a visit unrelated to the surgery carries 24. A line of 56
 * alone (preoperative management only) is the other way round: it is paid the PRE OP share alone,
 * and its physician did not operate, so its package holds the preoperative days only (the day
 * before and the day of a 090 surgery, the day of a 000 or 010 one), not the postoperative days,
 * whose visits the package holds "when furnished by the physician who performs the surgery"
 * (section 40.1.A) and whose share the 55 physician is paid where care is transferred (section
 * 40.2.A). A line of 54 (surgical care only) keeps the whole window: its physician is the surgeon
 * section 40.1.A names, the separate payment of occasional post-discharge services where care is
 * not transferred is for "a physician other than the surgeon" (section 40.2.A), and where it is
 * transferred the postoperative share is the 55 physician's, the sum paid to all the physicians
 * never exceeding the global amount (section 40.1): a visit of the 54 surgeon unrelated to the
 * surgery carries 24, as after any surgery of his. An assistant's line at surgery (80, 81, 82, AS)
 * opens no package: the package holds the related services "when furnished by the physician who
 * performs the surgery" (section 40.1.A) and not the "services of other physicians" (section
 * 40.1.B); the surgeon's line on the same claim still opens it. A return to the operating room for
 * a related procedure (modifier 78) opens no package of its own either: it is paid its
 * intra-operative share because it falls in the postoperative period of the first surgery, and no
 * new postoperative period begins with it (CMS's MLN booklet "Global Surgery", as contractors
 * reproduce it; a staged procedure, 58, and an unrelated one, 79, each begin one). Its visits are
 * the first surgery's, judged by that surgery's line when the claim has it. What this edit cannot
 * see is a surgery on an earlier claim: a visit in the postoperative days of a procedure billed
 * before (modifier 24), and the procedures of those days (58 staged, 78 return to the operating
 * room, 79 unrelated) need the earlier claim's date and global period; it judges one claim.
 *
 * <p>A procedure another edit denies whole opens no package: it is not paid, and the package is
 * part of its payment (section 40.1). The edit judges after the others ({@link
 * #judgesAfterDenials()}), told which lines they denied: an NCCI edit's column two code, or a
 * service included in critical care ({@link CriticalCareEdit}: 43752 and 92953 have a global period
 * of 000, and the critical care beside them is paid, not held as their visit). A procedure denied
 * some of its units is paid the rest, and keeps its package.
 *
 * <p>Immutable and thread-safe; allocation-free on a claim without a visit.
 */
public final class GlobalSurgeryEdit implements ClaimEdit {

  /** The name of the edit and of its findings, {@code "global-surgery"}. */
  public static final String NAME = "global-surgery";

  private static final Modifier UNRELATED_POSTOPERATIVE_VISIT = Modifier.parse("24");
  private static final Modifier DECISION_FOR_SURGERY = Modifier.parse("57");
  private static final Modifier RETURN_TO_OPERATING_ROOM = Modifier.parse("78");
  private static final Modifier UNRELATED_VISIT = Modifier.parse("FT");
  private static final int CRITICAL_CARE_FIRST = CptCode.parse("99291").packed();
  private static final int CRITICAL_CARE_ADDED = CptCode.parse("99292").packed();

  private final MedicareFeeSchedule schedule;

  private GlobalSurgeryEdit(MedicareFeeSchedule schedule) {
    this.schedule = schedule;
  }

  /**
   * {@return the edit reading the global periods of {@code schedule}'s relative value rows}
   *
   * @param schedule the schedule the claim is priced with
   */
  public static GlobalSurgeryEdit of(MedicareFeeSchedule schedule) {
    return new GlobalSurgeryEdit(requireNonNull(schedule, "schedule"));
  }

  /** Returns the schedule whose global periods the edit reads. */
  MedicareFeeSchedule schedule() {
    return schedule;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Judges lines across the dates of one claim: the day before, and the postoperative days. */
  @Override
  public boolean perProviderDay() {
    return false;
  }

  /**
   * Judges the claim after the other edits: a procedure they deny whole (an NCCI edit's column two
   * code, a service bundled into critical care) is not paid, so it opens no global package.
   */
  @Override
  public boolean judgesAfterDenials() {
    return true;
  }

  /**
   * Tells whether {@code code} is a visit that a global package can hold: {@link Visits#isVisit},
   * the definition the NCCI procedure-to-procedure edit reads too (a CPT E/M code, 99201, or an eye
   * exam, 92002-92014).
   *
   * @param code the code billed
   * @return true if {@code code} is a visit as {@link Visits#isVisit} says
   */
  public static boolean isVisit(ProcedureCode code) {
    return Visits.isVisit(code);
  }

  /** Returns the findings on {@code claim} when no other edit denies any of its lines. */
  @Override
  public List<EditFinding> check(Claim claim, PricingContext context) {
    return check(claim, context, GlobalSurgeryEdit::noneDenied);
  }

  /**
   * Returns the findings on {@code claim} when other edits deny whole the lines {@code denied}
   * accepts: such a line opens no package, as a procedure that is not paid has none (an NCCI edit
   * denying 43752 beside 99291 leaves 99291 to be paid, not denied for 43752's package). A denied
   * visit is still judged: its finding says which package holds it too.
   */
  @Override
  public List<EditFinding> check(Claim claim, PricingContext context, IntPredicate denied) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    requireNonNull(denied, "denied");
    return check(claim, context, denied, true, claim.size() > INDEX_FROM_LINES, null);
  }

  /**
   * Returns what {@link #check(Claim, PricingContext, IntPredicate)} returns for a claim whose
   * lines are all one provider's on one date ({@link ProviderDay#single} not null), which the
   * caller has already worked out: the fast exit then needs no pass of its own over the claim.
   */
  List<EditFinding> checkOneDay(Claim claim, PricingContext context, IntPredicate denied) {
    return check(claim, context, denied, true, claim.size() > INDEX_FROM_LINES, Boolean.TRUE);
  }

  /** No line denied: the edit judged alone, as {@link #check(Claim, PricingContext)} does. */
  private static boolean noneDenied(int line) {
    return false;
  }

  /**
   * The findings; {@code fastExit} false runs the general rules on every visit, for the property
   * that checks the fast exit against them.
   */
  List<EditFinding> check(Claim claim, PricingContext context, boolean fastExit) {
    return check(
        claim,
        context,
        GlobalSurgeryEdit::noneDenied,
        fastExit,
        claim.size() > INDEX_FROM_LINES,
        null);
  }

  /**
   * The claims longer than this search the procedures by date: for a claim of a few dozen lines (an
   * 837P holds at most 50) the date index costs more to build, in sorting and allocation, than the
   * at most few hundred comparisons of the search in claim order.
   */
  static final int INDEX_FROM_LINES = 32;

  /**
   * The findings; {@code byDate} false looks for each visit's procedure through every procedure in
   * claim order, the plain search the date index must agree with, for the property that checks it.
   */
  List<EditFinding> check(Claim claim, PricingContext context, boolean fastExit, boolean byDate) {
    return check(claim, context, GlobalSurgeryEdit::noneDenied, fastExit, byDate, null);
  }

  /**
   * The findings, the lines {@code denied} accepts opening no package; {@code singleDate}, when
   * known, whether the claim is one provider's lines of one date (null: worked out if needed).
   */
  @SuppressWarnings("TooManyParameters") // each a switch of the properties or the fast path
  private List<EditFinding> check(
      Claim claim,
      PricingContext context,
      IntPredicate denied,
      boolean fastExit,
      boolean byDate,
      Boolean singleDate) {
    int n = claim.size();
    List<EditFinding> found = null;
    // Both worked out once per claim, when the first visit needs them: asked per visit, each is a
    // pass over the claim, and a claim of many visits took time in the square of its lines (10,000
    // lines of 99213: 0.6 s).
    Procedures procedures = null;
    for (int v = 0; v < n; v++) {
      ClaimLine visit = claim.line(v).line();
      if (!isVisit(visit.code()) || isUnrelatedCriticalCare(visit)) {
        continue;
      }
      // Issue 18, the fast exit: on a claim of one date of service every procedure is on the
      // visit's day, where 25 makes a visit payable whatever the global period (000 and 010: the
      // bypass; 090: section 30.6.6.B, below). Such a visit, the usual one on a claim with a
      // procedure, needs no row of any procedure (a tenth of a five-line claim's time went here).
      if (fastExit && visit.hasModifier(Modifier.SEPARATE_EM)) {
        if (singleDate == null) {
          singleDate = ProviderDay.single(claim, context) != null;
        }
        if (singleDate) {
          continue;
        }
      }
      if (procedures == null) {
        procedures =
            procedures(
                claim, context.dateOfService(), denied, RenderingProviders.of(claim, context));
      }
      if (procedures == Procedures.NONE) {
        // No package to hold any visit (found is still null: every earlier visit went on before
        // procedures were needed); and NONE, shared by every thread, is never indexed.
        break;
      }
      EditFinding finding =
          byDate
              ? includedIn(claim, context, v, procedures)
              : includedInClaimOrder(claim, context, v, procedures);
      if (finding != null) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(finding);
      }
    }
    return found == null ? List.of() : found;
  }

  /**
   * The lines whose global package can hold a visit, in claim order, with their global periods:
   * procedures (no visit, not a return to the operating room, not an assistant's, not denied whole
   * by another edit) whose relative value row gives a period of 000, 010 or 090, or of 010 or 090
   * for a line of modifier 55 alone, whose package holds the postoperative days only.
   */
  private Procedures procedures(
      Claim claim, LocalDate claimDate, IntPredicate denied, RenderingProviders providers) {
    int n = claim.size();
    int count = 0;
    for (int p = 0; p < n; p++) {
      count += periodOrNull(claim, p, denied) != null ? 1 : 0;
    }
    if (count == 0) {
      return Procedures.NONE; // the usual claim of visits alone: nothing to allocate
    }
    int[] lines = new int[count];
    GlobalPeriod[] periods = new GlobalPeriod[count];
    long[] days = new long[count];
    Part[] parts = new Part[count];
    for (int p = 0, i = 0; i < count; p++) {
      ClaimLine line = claim.line(p).line();
      GlobalPeriod period = periodOrNull(claim, p, denied);
      if (period != null) {
        lines[i] = p;
        periods[i] = period;
        days[i] = claim.line(p).dateOfServiceOr(claimDate).toEpochDay();
        parts[i] = Part.of(line);
        i++;
      }
    }
    return new Procedures(claim, providers, lines, periods, days, parts);
  }

  /**
   * The global period of line {@code p} when it is a procedure whose package can hold a visit, else
   * null: a line another edit denies whole opens none, as it is not paid.
   */
  private GlobalPeriod periodOrNull(Claim claim, int p, IntPredicate denied) {
    return denied.test(p) ? null : periodOrNull(claim.line(p).line());
  }

  /**
   * The global period of a procedure whose package can hold a visit, else null: a line of 55 alone
   * only of a period with postoperative days.
   */
  private GlobalPeriod periodOrNull(ClaimLine procedure) {
    if (isVisit(procedure.code())
        || procedure.hasModifier(RETURN_TO_OPERATING_ROOM)
        || isAssistant(procedure)) {
      return null;
    }
    Optional<RvuEntry> row = schedule.rvuEntry(procedure);
    if (row.isEmpty()) {
      return null;
    }
    GlobalPeriod period = row.get().indicators().globalPeriod();
    return (period == GlobalPeriod.DAYS_0 && Part.of(procedure) != Part.POSTOPERATIVE)
            || period == GlobalPeriod.DAYS_10
            || period == GlobalPeriod.DAYS_90
        ? period
        : null;
  }

  /**
   * The procedures of {@link #procedures}: their lines, periods, dates (epoch days, an undated line
   * on the claim's date) and the part of the package each bills, index by index in claim order, and
   * a {@link ByDate} index of each period. A class of arrays rather than a record, whose equality
   * would compare them by identity.
   */
  private static final class Procedures {
    /** A claim without procedures: shared by every call of every thread, so never indexed. */
    static final Procedures NONE =
        new Procedures(
            Claim.of(),
            null, // never asked whose a line is: it has no procedure
            new int[0],
            new GlobalPeriod[0],
            new long[0],
            new Part[0]);

    final Claim claim;

    /** Whose lines the claim's lines are: the visit's provider is the surgeon, or not. */
    final RenderingProviders providers;

    final int[] lines;
    final GlobalPeriod[] periods;
    final long[] days;

    /** The part of the package each line bills: whole, or 55 alone, or 56 alone. */
    final Part[] parts;

    // Built by the first search by date: a short claim searches in claim order and needs none.
    private ByDate sameDay;
    private ByDate minor;
    private ByDate major;

    Procedures(
        Claim claim,
        RenderingProviders providers,
        int[] lines,
        GlobalPeriod[] periods,
        long[] days,
        Part[] parts) {
      this.claim = claim;
      this.providers = providers;
      this.lines = lines;
      this.periods = periods;
      this.days = days;
      this.parts = parts;
    }

    /**
     * Tells whether procedure {@code i} is by the rendering provider of {@code visit}: the package
     * holds the services "furnished by the physician who performs the surgery" (section 40.1.A),
     * not another practitioner's of the group.
     */
    boolean byProviderOf(int i, BilledLine visit) {
      return providers.same(claim.line(lines[i]), visit);
    }

    /**
     * Builds the index of each period, once; an instance serves one call of one thread ({@link
     * #NONE} is never asked).
     */
    void index() {
      if (sameDay == null) {
        sameDay = ByDate.of(periods, days, GlobalPeriod.DAYS_0);
        minor = ByDate.of(periods, days, GlobalPeriod.DAYS_10);
        major = ByDate.of(periods, days, GlobalPeriod.DAYS_90);
      }
    }
  }

  /**
   * The procedures of one global period sorted by date, for the ones dated in a window around a
   * visit: a package holds a visit only from the day before its procedure to 90 days after, so a
   * visit needs a binary search and the few procedures of those days rather than every procedure of
   * the claim. A claim of V visits and P procedures took time in V x P (10,000 lines over 2,500
   * days, a quarter of them procedures: 80 ms to price, now 5 ms); only procedures crowded into the
   * same days as many visits still cost in their product.
   */
  private static final class ByDate {
    static final ByDate EMPTY = new ByDate(new long[0], new int[0]);

    /** The dates, ascending. */
    final long[] days;

    /** The index in {@link Procedures} (claim order) of the procedure of each date. */
    final int[] procedures;

    private ByDate(long[] days, int[] procedures) {
      this.days = days;
      this.procedures = procedures;
    }

    static ByDate of(GlobalPeriod[] periods, long[] days, GlobalPeriod period) {
      int count = 0;
      for (GlobalPeriod p : periods) {
        count += p == period ? 1 : 0;
      }
      if (count == 0) {
        return EMPTY;
      }
      Integer[] order = new Integer[count];
      for (int i = 0, k = 0; k < count; i++) {
        if (periods[i] == period) {
          order[k++] = i;
        }
      }
      Arrays.sort(order, Comparator.comparingLong(i -> days[i]));
      long[] sorted = new long[count];
      int[] procedures = new int[count];
      for (int k = 0; k < count; k++) {
        procedures[k] = order[k];
        sorted[k] = days[order[k]];
      }
      return new ByDate(sorted, procedures);
    }

    /** The first position whose date is {@code day} or later; {@code days.length} when none. */
    int from(long day) {
      int low = 0;
      int high = days.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (days[mid] < day) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }

  /**
   * The finding denying visit line {@code v}, of the first procedure in claim order whose package
   * holds it: the lowest index among the procedures of each period dated where their package can
   * reach the visit (000: its day; 010: up to 10 days before; 090: 90 days before to the day
   * after).
   */
  private static EditFinding includedIn(
      Claim claim, PricingContext context, int v, Procedures procedures) {
    BilledLine visit = claim.line(v);
    long visitDay = visit.dateOfServiceOr(context.dateOfService()).toEpochDay();
    procedures.index();
    int first = Integer.MAX_VALUE;
    first = first(procedures.sameDay, visitDay, 0, 0, visit, procedures, first);
    first = first(procedures.minor, visitDay, 0, 10, visit, procedures, first);
    first = first(procedures.major, visitDay, -1, 90, visit, procedures, first);
    if (first == Integer.MAX_VALUE) {
      return null;
    }
    GlobalPeriod period = procedures.periods[first];
    long days = visitDay - procedures.days[first];
    int p = procedures.lines[first];
    Modifier bypass = bypass(period, procedures.parts[first], days);
    return finding(v, visit, claim.lineNumber(p), claim.line(p).line(), period, days, bypass)
        .withLineNumber(claim.lineNumber(v));
  }

  /**
   * The lowest of {@code first} and the indices of the procedures of {@code index} whose package
   * holds the visit, among those dated {@code fromDays} to {@code toDays} days before {@code
   * visitDay} (-1: the day after).
   */
  @SuppressWarnings("TooManyParameters") // the window and the search so far, each named
  private static int first(
      ByDate index,
      long visitDay,
      int fromDays,
      int toDays,
      BilledLine visit,
      Procedures procedures,
      int first) {
    for (int k = index.from(visitDay - toDays);
        k < index.days.length && index.days[k] <= visitDay - fromDays;
        k++) {
      int i = index.procedures[k];
      if (i < first
          && holds(
              procedures.periods[i], procedures.parts[i], visitDay - index.days[k], visit.line())
          && procedures.byProviderOf(i, visit)) {
        first = i;
      }
    }
    return first;
  }

  /**
   * Tells whether the package of a procedure of {@code period}, {@code days} before {@code visit}
   * (negative: after), holds the visit; of a line of 55 alone or 56 alone, only in the days of its
   * {@code part}: the postoperative days for 55, the preoperative ones for 56.
   */
  private static boolean holds(GlobalPeriod period, Part part, long days, ClaimLine visit) {
    Modifier bypass = bypass(period, part, days);
    if (bypass == null || visit.hasModifier(bypass)) {
      return false;
    }
    // §30.6.6.B: 25 marks a significant, separately identifiable visit on the day of any
    // procedure with a global period, a major one included.
    boolean sameDayMajor = period == GlobalPeriod.DAYS_90 && days == 0;
    return !(sameDayMajor && visit.hasModifier(Modifier.SEPARATE_EM));
  }

  /**
   * {@link #includedIn} by a look at every procedure in claim order: the plain search, in time the
   * product of the claim's visits and procedures, that the property of the date index compares it
   * with. Only tests call it.
   */
  private static EditFinding includedInClaimOrder(
      Claim claim, PricingContext context, int v, Procedures procedures) {
    LocalDate claimDate = context.dateOfService();
    BilledLine visit = claim.line(v);
    LocalDate visitDate = visit.dateOfServiceOr(claimDate);
    for (int i = 0; i < procedures.lines.length; i++) {
      int p = procedures.lines[i];
      GlobalPeriod period = procedures.periods[i];
      long days = ChronoUnit.DAYS.between(claim.line(p).dateOfServiceOr(claimDate), visitDate);
      Modifier bypass = bypass(period, procedures.parts[i], days);
      if (bypass == null
          || visit.line().hasModifier(bypass)
          || !procedures.byProviderOf(i, visit)) {
        continue;
      }
      // §30.6.6.B: 25 marks a significant, separately identifiable visit on the day of any
      // procedure with a global period, a major one included.
      boolean sameDayMajor = period == GlobalPeriod.DAYS_90 && days == 0;
      if (!(sameDayMajor && visit.line().hasModifier(Modifier.SEPARATE_EM))) {
        return finding(v, visit, claim.lineNumber(p), claim.line(p).line(), period, days, bypass)
            .withLineNumber(claim.lineNumber(v));
      }
    }
    return null;
  }

  /**
   * The modifier that makes a visit {@code days} after (negative: before) a procedure of {@code
   * period} separately payable; null when the package does not include the visit. The package of a
   * line of 55 alone holds the postoperative days, not the day before or the day of the surgery,
   * which another physician's line bills; that of a line of 56 alone the day before (090) and the
   * day of the surgery, not the postoperative days.
   */
  private static Modifier bypass(GlobalPeriod period, Part part, long days) {
    if (part == Part.POSTOPERATIVE && days <= 0 || part == Part.PREOPERATIVE && days > 0) {
      return null;
    }
    return switch (period) {
      case DAYS_0 -> days == 0 ? Modifier.SEPARATE_EM : null;
      case DAYS_10 -> days == 0 ? Modifier.SEPARATE_EM : inPostoperativeDays(days, 10);
      case DAYS_90 ->
          days == -1 || days == 0 ? DECISION_FOR_SURGERY : inPostoperativeDays(days, 90);
      case MATERNITY, NOT_APPLICABLE, CONTRACTOR_DETERMINED, ADD_ON -> null;
    };
  }

  private static Modifier inPostoperativeDays(long days, int global) {
    return days >= 1 && days <= global ? UNRELATED_POSTOPERATIVE_VISIT : null;
  }

  /**
   * Tells whether {@code visit} is critical care (99291, 99292) marked unrelated to the procedure
   * by FT, which the package of no procedure holds.
   */
  private static boolean isUnrelatedCriticalCare(ClaimLine visit) {
    return isCriticalCare(visit) && visit.hasModifier(UNRELATED_VISIT);
  }

  private static boolean isCriticalCare(ClaimLine visit) {
    int code = visit.code().packed();
    return code == CRITICAL_CARE_FIRST || code == CRITICAL_CARE_ADDED;
  }

  /**
   * Tells whether {@code line} is an assistant's at surgery (80, 81, 82, AS): the package holds the
   * services "furnished by the physician who performs the surgery" (section 40.1.A) and not the
   * "services of other physicians" (section 40.1.B), and the assistant is paid a share for the
   * assist alone, so the assistant's visits are not in it.
   */
  private static boolean isAssistant(ClaimLine line) {
    return line.hasModifier(Modifier.ASSISTANT_SURGEON)
        || line.hasModifier(Modifier.MINIMUM_ASSISTANT_SURGEON)
        || line.hasModifier(Modifier.ASSISTANT_SURGEON_NO_RESIDENT)
        || line.hasModifier(Modifier.NON_PHYSICIAN_ASSISTANT);
  }

  /**
   * The part of a global package a procedure's line bills, which sets the days its package holds.
   */
  private enum Part {
    /** The surgery, with or without its pre- or postoperative care: every day of the package. */
    WHOLE,
    /** 55 alone: the postoperative days, after a surgery another physician's line bills. */
    POSTOPERATIVE,
    /**
     * 56 alone: the preoperative days (the day before and the day of a 090 surgery, the day of a
     * 000 or 010 one), not the postoperative days. The physician who bills it is paid the PRE OP
     * share alone and did not operate: the package holds the postoperative visits "furnished by the
     * physician who performs the surgery" (ch. 12 §40.1.A), and the postoperative share is the 55
     * physician's where care is transferred (§40.2.A).
     */
    PREOPERATIVE;

    static Part of(ClaimLine line) {
      boolean surgery = line.hasModifier(Modifier.SURGICAL_CARE_ONLY);
      boolean post = line.hasModifier(Modifier.POSTOPERATIVE_CARE_ONLY);
      boolean pre = line.hasModifier(Modifier.PREOPERATIVE_CARE_ONLY);
      return (surgery || post == pre) ? WHOLE : post ? POSTOPERATIVE : PREOPERATIVE;
    }
  }

  @SuppressWarnings("TooManyParameters") // the finding's data, each named in it
  private static EditFinding finding(
      int v,
      BilledLine visit,
      int procedureNumber,
      ClaimLine procedure,
      GlobalPeriod period,
      long days,
      Modifier bypass) {
    String when =
        days == 0
            ? "on the day of"
            : days < 0 ? "the day before" : days + (days == 1 ? " day" : " days") + " after";
    String what =
        bypass.equals(Modifier.SEPARATE_EM)
            ? "add 25 if the visit is significant and separately identifiable"
            : bypass.equals(DECISION_FOR_SURGERY)
                ? days == 0
                    ? "add 57 if the visit is where the decision to operate was made, or 25 if it"
                        + " is significant and separately identifiable"
                    : "add 57 if the visit is where the decision to operate was made"
                : "add 24 if the visit is unrelated to the surgery";
    if (isCriticalCare(visit.line())) {
      what += ", or FT if the critical care is unrelated to the surgery";
    }
    return EditFinding.builder()
        .edit(NAME)
        .line(v)
        .action(EditAction.DENY_LINE)
        .deniedUnits(visit.line().units())
        .reason(UnpricedReason.GLOBAL_SURGERY)
        .message(
            visit.line().code()
                + " "
                + when
                + " "
                + procedure.code()
                + " (line "
                + procedureNumber
                + ", global period "
                + period.code()
                + ") is part of its global surgical package: "
                + what
                + " (Claims Processing Manual ch. 12 §40.1)")
        .putData("procedure", procedure.code().toString())
        .putData("procedureLine", Integer.toString(procedureNumber))
        .putData("globalPeriod", period.code())
        .putData("daysAfterProcedure", Long.toString(days))
        .putData("bypassModifier", bypass.toString())
        .build();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
