package io.github.cpt4j.fee.medicare.pfs.claim;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The services included in critical care, as a claim edit named {@value #NAME}: a line of one of
 * them ({@link #BUNDLED}) billed by the practitioner who bills critical care (99291, 99292) on the
 * same day is not paid separately. It is denied, {@link UnpricedReason#NOT_PAYABLE_ON_CLAIM} (a
 * service paid only when the claim does not hold another that includes it, as a status T code
 * beside another service is), with a finding that names the critical care line. So is a visit of
 * the day billed without modifier 25, and a 99291 beyond the day's one (below).
 *
 * <p>The list is CMS's: the Medicare Claims Processing Manual, chapter 12, section 30.6.12, lists
 * the services included in critical care when the physician who bills it performs them on the same
 * day (the chest X-rays' professional component, pulse oximetry, gastric intubation, transcutaneous
 * pacing, ventilator management and vascular access), and the CY 2022 physician fee schedule final
 * rule kept them bundled, not separately payable, after the section was withdrawn in 2021, with the
 * codes of today (43753 for the gastric intubation code 91105 retired, 71045 and 71046 for the
 * chest X-rays 71010-71020 retired in 2018). The cardiac output and stored-data services the older
 * list named (93561, 93562, 99090) are no longer in CMS's relative value file. The chest X-rays are
 * included by their professional component: a 26 line, or a global line, whose interpretation is
 * the critical care physician's; a TC line (the equipment and the technician) is not the
 * physician's service and is left alone.
 *
 * <p>A visit of the same day is paid beside critical care only as a visit before it: the CY 2022
 * physician fee schedule final rule pays critical care on the day of an emergency department,
 * hospital inpatient or observation, or office or outpatient visit by the same practitioner when
 * the visit came first, at a time the patient did not need critical care, the two do not duplicate
 * each other, and the claim reports modifier 25 on the critical care (the rule replaced the
 * manual's earlier text, under which an emergency department visit was never paid on the day of
 * critical care). So each such visit ({@link #isVisitBesideCriticalCare}: 99201-99205, 99211-99215,
 * 99221-99223, 99231-99236, 99281-99285) of the day is denied, {@link UnpricedReason#EDIT_DENIED},
 * naming the critical care line, unless a critical care line of the day or the visit itself carries
 * 25. CMS asks for the 25 on the critical care; one on the visit (as CPT places 25, on the visit
 * beside another service) is accepted too. Other visits (nursing facility, home, discharge day
 * management) are left to the other edits. The rule applies on every date, as the list does.
 *
 * <p>99291, the first 30 to 74 minutes of critical care, is billed once a day by one practitioner
 * (physicians of one group and specialty being one), whether the care was continuous or not;
 * further time is 99292 (section 30.6.12, and the CY 2022 final rule kept it). So the units of the
 * day's 99291 line paid beyond one are denied ({@link EditAction#DENY_UNITS}), and another 99291
 * line of the day is denied whole, {@link UnpricedReason#EDIT_DENIED}, naming it. The line paid is
 * the one paid more, whatever the order of the lines: the lines share one fee, so the one whose
 * billed charge per unit is higher (Medicare pays the lower of the charge and the fee; a line
 * without a charge is capped by none), and of two alike the one whose billed form sorts first;
 * {@code 99291 $100.00 + 99291 $600.00} is paid the fee, as the same lines the other way round are.
 * A 99292 of a day whose 99291 lines another edit denies whole (a GZ line) is denied too, {@link
 * UnpricedReason#NOT_PAYABLE_ON_CLAIM}, naming the first 99291: the further time is paid only
 * beside its first hour, as an add-on only beside a primary paid.
 *
 * <p>The edit judges one provider's day ({@link #perProviderDay()}): the services of another
 * practitioner, or of another day, are paid. Modifier FT on the critical care does not change it:
 * FT says the care is unrelated to a surgery, not that the listed services are not part of it. A
 * line this edit denies opens no global surgical package either ({@link
 * GlobalSurgeryEdit#judgesAfterDenials()}): 43752 and 92953 have a global period of 000, and the
 * critical care beside them is paid, not denied as their same-day visit.
 *
 * <p>Immutable and thread-safe; allocation-free on a claim without critical care.
 *
 * <p>For example, on one provider's day, {@code 99291 + 36600 + 99214} denies 36600 (included) and
 * 99214 (a visit without 25); {@code 99291-25 + 99214} pays both; {@code 99291 x2} pays one unit.
 */
public final class CriticalCareEdit implements ClaimEdit {

  /** The name of the edit and of its findings, {@code "critical-care"}. */
  public static final String NAME = "critical-care";

  /**
   * The codes of the services included in critical care (Claims Processing Manual ch. 12 §30.6.12;
   * CY 2022 physician fee schedule final rule): 36000, 36410, 36415, 36591, 36600, 43752, 43753,
   * 71045, 71046, 92953, 94002, 94003, 94004, 94660, 94662, 94760, 94761, 94762.
   */
  public static final ImmutableSet<CptCode> BUNDLED =
      codes(
          "36000", "36410", "36415", "36591", "36600", "43752", "43753", "71045", "71046", "92953",
          "94002", "94003", "94004", "94660", "94662", "94760", "94761", "94762");

  private static final int CRITICAL_CARE_FIRST = CptCode.parse("99291").packed();
  private static final int CRITICAL_CARE_ADDED = CptCode.parse("99292").packed();
  private static final CptCode CHEST_ONE_VIEW = CptCode.parse("71045");
  private static final CptCode CHEST_TWO_VIEWS = CptCode.parse("71046");

  private static final CriticalCareEdit STANDARD = new CriticalCareEdit();

  private CriticalCareEdit() {}

  /** {@return the edit} */
  public static CriticalCareEdit standard() {
    return STANDARD;
  }

  private static ImmutableSet<CptCode> codes(String... codes) {
    ImmutableSet.Builder<CptCode> set = ImmutableSet.builder();
    for (String code : codes) {
      set.add(CptCode.parse(code));
    }
    return set.build();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Tells whether {@code code} is critical care: 99291, or its added time, 99292.
   *
   * @param code the code billed
   * @return true for 99291 and 99292
   */
  public static boolean isCriticalCare(ProcedureCode code) {
    int packed = requireNonNull(code, "code").packed();
    return packed == CRITICAL_CARE_FIRST || packed == CRITICAL_CARE_ADDED;
  }

  /**
   * Tells whether {@code line} bills a service included in critical care: a code of {@link
   * #BUNDLED}, but a chest X-ray's technical component (71045-TC, 71046-TC), which is not the
   * physician's.
   *
   * @param line the line billed
   * @return true if critical care includes the line's service
   */
  public static boolean isIncludedInCriticalCare(ClaimLine line) {
    ProcedureCode code = requireNonNull(line, "line").code();
    if (!(code instanceof CptCode cpt) || !BUNDLED.contains(cpt)) {
      return false;
    }
    boolean chestXRay = cpt.equals(CHEST_ONE_VIEW) || cpt.equals(CHEST_TWO_VIEWS);
    return !(chestXRay && line.hasModifier(Modifier.TECHNICAL_COMPONENT));
  }

  /**
   * Tells whether {@code code} is a visit that the CY 2022 physician fee schedule final rule pays
   * on the day of the same practitioner's critical care only with modifier 25: an office or
   * outpatient visit (99201-99205, 99211-99215), hospital inpatient or observation care
   * (99221-99223, 99231-99236) or an emergency department visit (99281-99285).
   *
   * @param code the code billed
   * @return true if {@code code} is one of the visits listed above
   */
  public static boolean isVisitBesideCriticalCare(ProcedureCode code) {
    VisitKind kind = VisitKind.of(requireNonNull(code, "code"));
    return kind == VisitKind.OFFICE
        || kind == VisitKind.EMERGENCY
        || kind == VisitKind.ADMISSION
        || kind == VisitKind.SUBSEQUENT_HOSPITAL;
  }

  /**
   * Returns a finding denying each line of {@code claim}, one provider's day, that bills a service
   * included in critical care when the day has critical care, and each visit of the day billed
   * without modifier 25 when no critical care line has it either; an empty list otherwise.
   */
  @Override
  public List<EditFinding> check(Claim claim, PricingContext context) {
    return check(claim, context, CriticalCareEdit::noneDenied);
  }

  /**
   * Judges after the edits that deny lines whole (a GZ line, an NCCI edit's column two code): a
   * critical care line they deny is not paid, so it includes no other service of its day.
   */
  @Override
  public boolean judgesAfterDenials() {
    return true;
  }

  /**
   * Returns what {@link #check(Claim, PricingContext)} returns, a critical care line that another
   * edit denies whole ({@code denied}) including nothing, nor a 99292 beside a 99291 so denied (the
   * added time is not paid without its first hour: such a 99292 is denied).
   */
  @Override
  public List<EditFinding> check(Claim claim, PricingContext context, IntPredicate denied) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    requireNonNull(denied, "denied");
    int n = claim.size();
    // The critical care paid, which includes the rest: the day's 99291 not denied that is paid
    // more (paidBefore), whatever the order of the lines. A 99292 is added time, paid only beside
    // a 99291: beside a 99291 denied it is denied too, and includes nothing (the add-on step would
    // pay it beside any line that is no add-on, such as the 36600 it would then include); billed
    // without one, it is the day's critical care (its 99291 may be on another claim).
    int first = -1; // the day's 99291 paid: not denied, and paid more than the others
    int added = -1; // the day's 99292 not denied that a 99291 would be chosen by: named alike
    int anyFirst = -1; // the day's 99291 that paidBefore ranks first, denied or not: named alike
    for (int i = 0; i < n; i++) {
      int packed = claim.line(i).line().code().packed();
      if (packed == CRITICAL_CARE_FIRST) {
        anyFirst = anyFirst < 0 || paidBefore(claim.line(i), claim.line(anyFirst)) ? i : anyFirst;
        if (!denied.test(i) && (first < 0 || paidBefore(claim.line(i), claim.line(first)))) {
          first = i;
        }
      } else if (packed == CRITICAL_CARE_ADDED
          && !denied.test(i)
          && (added < 0 || paidBefore(claim.line(i), claim.line(added)))) {
        added = i;
      }
    }
    if (first < 0 && anyFirst >= 0) {
      return added < 0 ? List.of() : withoutFirstHour(claim, denied, anyFirst);
    }
    int care = first >= 0 ? first : added;
    if (care < 0) {
      return List.of(); // the usual claim: one pass, nothing allocated
    }
    ClaimLine critical = claim.line(care).line();
    boolean separate = false; // 25 on a critical care line: the day's visits came before it
    for (int i = 0; i < n; i++) {
      ClaimLine line = claim.line(i).line();
      if (isCriticalCare(line.code()) && !denied.test(i)) {
        separate |= separates(line);
      }
    }
    List<EditFinding> found = null;
    for (int i = 0; i < n; i++) {
      ClaimLine line = claim.line(i).line();
      EditFinding finding = null;
      if (isIncludedInCriticalCare(line)) {
        finding = included(claim, i, line, care, critical);
      } else if (line.code().packed() == CRITICAL_CARE_FIRST && !denied.test(i)) {
        finding = onceADay(claim, i, line, first);
      } else if (!separate
          && isVisitBesideCriticalCare(line.code())
          && !separates(line)
          && !denied.test(i)) {
        finding = visit(claim, i, line, care, critical);
      }
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
   * The findings denying each 99292 of a day whose 99291 lines are all denied by other edits,
   * naming line {@code firstHour}, the day's first 99291: the further time of critical care is paid
   * only beside its first hour (section 30.6.12), as an add-on only beside a primary paid.
   */
  private static List<EditFinding> withoutFirstHour(
      Claim claim, IntPredicate denied, int firstHour) {
    ClaimLine critical = claim.line(firstHour).line();
    List<EditFinding> found = new ArrayList<>(1);
    for (int i = 0; i < claim.size(); i++) {
      ClaimLine line = claim.line(i).line();
      if (line.code().packed() == CRITICAL_CARE_ADDED && !denied.test(i)) {
        found.add(
            finding(
                claim,
                i,
                line,
                firstHour,
                critical,
                UnpricedReason.NOT_PAYABLE_ON_CLAIM,
                " is not paid: 99292, each further 30 minutes of critical care, is paid only"
                    + " beside the day's first 30 to 74 minutes, 99291, which is not paid (Claims"
                    + " Processing Manual ch. 12 §30.6.12)"));
      }
    }
    return found;
  }

  /**
   * Tells whether 99291 line {@code line} is the day's one paid rather than {@code kept}: the one
   * paid more, so that the order of the lines does not change the amount. The day's 99291 lines
   * share one fee and Medicare pays the lower of the billed charge and the fee (RVU25D's payment
   * rules; step {@code billed-charge}), so that is the line whose charge per unit is higher, a line
   * billed without a charge being capped by none; of two alike, the one whose billed form sorts
   * first, as {@link SameDayVisitsEdit} chooses between two visits. A day of 99292 lines alone, or
   * of 99291 lines all denied, names the one it ranks first the same way, so that no message
   * follows the order either.
   */
  private static boolean paidBefore(BilledLine line, BilledLine kept) {
    BigDecimal charge = chargePerUnit(line);
    BigDecimal keptCharge = chargePerUnit(kept);
    int byCharge =
        charge == null
            ? (keptCharge == null ? 0 : 1)
            : (keptCharge == null ? -1 : charge.compareTo(keptCharge));
    return byCharge > 0 || byCharge == 0 && line.toString().compareTo(kept.toString()) < 0;
  }

  /** The billed charge of a unit of {@code line}; null when the line has no charge. */
  private static BigDecimal chargePerUnit(BilledLine line) {
    if (line.charge().isEmpty()) {
      return null;
    }
    int units = line.line().units();
    BigDecimal charge = line.charge().get();
    return units == 1
        ? charge
        : charge.divide(BigDecimal.valueOf(units), 10, RoundingMode.HALF_EVEN);
  }

  /** Tells whether {@code line} carries 25, a significant, separately identifiable visit. */
  private static boolean separates(ClaimLine line) {
    return line.hasModifier(Modifier.SEPARATE_EM);
  }

  private static boolean noneDenied(int line) {
    return false;
  }

  /** The finding denying {@code service}, line {@code line}, as included in the critical care. */
  private static EditFinding included(
      Claim claim, int line, ClaimLine service, int care, ClaimLine critical) {
    return finding(
        claim,
        line,
        service,
        care,
        critical,
        UnpricedReason.NOT_PAYABLE_ON_CLAIM,
        " is included in the critical care and not paid separately (Claims Processing Manual"
            + " ch. 12 §30.6.12)");
  }

  /**
   * The finding denying what line {@code line}, 99291, bills beyond the day's one unit: the units
   * after the first of line {@code first}, the day's 99291 paid, and any other line whole; null for
   * line {@code first} of one unit.
   */
  private static EditFinding onceADay(Claim claim, int line, ClaimLine service, int first) {
    String because =
        "99291, the first 30 to 74 minutes of critical care, is billed once a day by one"
            + " practitioner, whatever the sessions; each further 30 minutes is 99292 (Claims"
            + " Processing Manual ch. 12 §30.6.12)";
    if (line == first) {
      return service.units() == 1
          ? null
          : EditFinding.builder()
              .edit(NAME)
              .line(line)
              .lineNumber(claim.lineNumber(line))
              .action(EditAction.DENY_UNITS)
              .deniedUnits(service.units() - 1)
              .reason(UnpricedReason.EDIT_DENIED)
              .message(because)
              .build();
    }
    return finding(
        claim,
        line,
        service,
        first,
        claim.line(first).line(),
        UnpricedReason.EDIT_DENIED,
        " is a second 99291 of the day: " + because);
  }

  /** The finding denying {@code visit}, line {@code line}, billed without 25. */
  private static EditFinding visit(
      Claim claim, int line, ClaimLine visit, int care, ClaimLine critical) {
    return finding(
        claim,
        line,
        visit,
        care,
        critical,
        UnpricedReason.EDIT_DENIED,
        " is paid only as a visit before the critical care, when the patient did not need it,"
            + " reported with modifier 25 (CY 2022 physician fee schedule final rule)");
  }

  private static EditFinding finding(
      Claim claim,
      int line,
      ClaimLine service,
      int care,
      ClaimLine critical,
      UnpricedReason reason,
      String because) {
    int careNumber = claim.lineNumber(care);
    return EditFinding.builder()
        .edit(NAME)
        .line(line)
        .lineNumber(claim.lineNumber(line))
        .action(EditAction.DENY_LINE)
        .deniedUnits(service.units())
        .reason(reason)
        .message(
            service.code()
                + " on the day of critical care "
                + critical.code()
                + " (line "
                + careNumber
                + ") by the same practitioner"
                + because)
        .putData("criticalCare", critical.code().toString())
        .putData("criticalCareLine", Integer.toString(careNumber))
        .build();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
