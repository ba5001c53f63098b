package io.github.cpt4j.fee.medicare.pfs.claim;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.edit.Visits;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A new-patient visit of a patient the same provider has already seen, as a claim edit named
 * {@value #NAME}: flagged ({@link EditAction#FLAG}, the amount unchanged), naming the earlier
 * visit. A new patient is one who has received no professional service, E/M or other face-to-face
 * service, from the physician or a physician of the same specialty in the same group within the
 * previous 3 years (Medicare Claims Processing Manual, chapter 12, section 30.6.7.A). So a
 * new-patient visit is flagged when the claim holds a visit ({@link Visits#isVisit}: any E/M code
 * or eye exam, new-patient or not) by the same rendering provider on an earlier date at most 3
 * years before (a visit of 2022-06-02 makes a patient of 2025-06-02 established, one of 2022-06-01
 * does not), or on the same date billed before it: two new-patient visits, or an
 * established-patient visit followed by a new-patient one. The codes of a new patient are the
 * office visits 99201-99205, the domiciliary and home visits 99324-99328 and 99341-99345, the
 * preventive visits 99381-99387 and the eye exams 92002 and 92004.
 *
 * <p>A flag, not a denial: the contractor pays the visit at the established patient's level, or the
 * documentation shows another specialty; the biller corrects the code. The procedures of the
 * earlier days (a face-to-face service too) are not looked at: which are face to face, and which an
 * interpretation alone, no file says. Lines without a rendering provider are the provider {@link
 * RenderingProviders} makes them (the claim's one named NPI, else a provider of their own);
 * physicians of one group and one specialty are one physician (section 30.6.5), so give their lines
 * one NPI, or none. An edit of the whole claim ({@link #perProviderDay()} false), as it judges
 * lines across their dates; an undated line is on the context's date.
 *
 * <p>Immutable and thread-safe; allocation-free on a claim without a new-patient visit.
 */
public final class NewPatientVisitEdit implements ClaimEdit {

  /** The name of the edit and of its findings, {@code "new-patient-visit"}. */
  public static final String NAME = "new-patient-visit";

  /** How long a patient seen stays established: 3 years (section 30.6.7.A). */
  private static final int ESTABLISHED_YEARS = 3;

  // First, last pairs of packed codes.
  private static final int[] NEW_PATIENT_VISITS =
      ranges(
          "99201", "99205", "99324", "99328", "99341", "99345", "99381", "99387", "92002", "92002",
          "92004", "92004");

  private static final NewPatientVisitEdit STANDARD = new NewPatientVisitEdit();

  private NewPatientVisitEdit() {}

  /** {@return the edit} */
  public static NewPatientVisitEdit standard() {
    return STANDARD;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Judges lines across dates: a visit of an earlier date makes the patient established. */
  @Override
  public boolean perProviderDay() {
    return false;
  }

  /** Tells whether {@code code} is a new patient's visit. Does not allocate. */
  static boolean isNewPatientVisit(ProcedureCode code) {
    if (!(code instanceof CptCode)) {
      return false;
    }
    int c = code.packed();
    for (int i = 0; i < NEW_PATIENT_VISITS.length; i += 2) {
      if (c >= NEW_PATIENT_VISITS[i] && c <= NEW_PATIENT_VISITS[i + 1]) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<EditFinding> check(Claim claim, PricingContext context) {
    return check(claim, context, NewPatientVisitEdit::noneDenied);
  }

  private static boolean noneDenied(int line) {
    return false;
  }

  /**
   * Judges after the edits that deny lines whole, the same-day visits edit among them: a visit they
   * deny (folded into another visit of its day, in a surgical package) is not paid, and makes no
   * patient established, so that the flag does not depend on the order of one day's lines.
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
    int visits = 0;
    boolean anyNew = false;
    for (int i = 0; i < n; i++) {
      ProcedureCode code = claim.line(i).line().code();
      if (Visits.isVisit(code) && !denied.test(i)) {
        visits++;
        anyNew |= isNewPatientVisit(code);
      }
    }
    if (!anyNew || visits < 2) {
      return List.of();
    }
    LocalDate claimDate = context.dateOfService();
    // Lines naming no provider beside lines of one NPI are that provider's, as for every rule.
    RenderingProviders providers = RenderingProviders.of(claim, context);
    Integer[] order = new Integer[visits];
    for (int i = 0, k = 0; i < n; i++) {
      if (Visits.isVisit(claim.line(i).line().code()) && !denied.test(i)) {
        order[k++] = i;
      }
    }
    // By provider, then date, then billed order: the visit just before a new-patient visit in
    // this order is, when of the same provider, the latest one before it.
    Comparator<Integer> byProviderDateLine =
        Comparator.comparing(
                (Integer i) -> providers.of(claim.line(i)).orElse(null),
                Comparator.nullsFirst(Comparator.<Npi>naturalOrder()))
            .thenComparing(i -> claim.line(i).dateOfServiceOr(claimDate))
            .thenComparingInt(i -> i);
    Arrays.sort(order, byProviderDateLine);
    List<EditFinding> found = null;
    for (int k = 1; k < visits; k++) {
      int v = order[k];
      int before = order[k - 1];
      BilledLine visit = claim.line(v);
      BilledLine earlier = claim.line(before);
      if (!isNewPatientVisit(visit.line().code()) || !providers.same(visit, earlier)) {
        continue;
      }
      LocalDate date = visit.dateOfServiceOr(claimDate);
      LocalDate earlierDate = earlier.dateOfServiceOr(claimDate);
      if (earlierDate.isBefore(date.minusYears(ESTABLISHED_YEARS))) {
        continue;
      }
      if (found == null) {
        found = new ArrayList<>(2);
      }
      found.add(finding(claim, v, before, date, earlierDate));
    }
    if (found == null) {
      return List.of();
    }
    found.sort(Comparator.comparingInt(EditFinding::line));
    return found;
  }

  private static EditFinding finding(
      Claim claim, int v, int before, LocalDate date, LocalDate earlierDate) {
    String code = claim.line(v).line().code().toString();
    String earlierCode = claim.line(before).line().code().toString();
    int earlierNumber = claim.lineNumber(before);
    String when = earlierDate.equals(date) ? "on the same day" : "on " + earlierDate;
    return EditFinding.builder()
        .edit(NAME)
        .line(v)
        .lineNumber(claim.lineNumber(v))
        .action(EditAction.FLAG)
        .deniedUnits(0)
        .reason(UnpricedReason.EDIT_DENIED)
        .message(
            code
                + " is a new patient's visit, but the same provider billed "
                + earlierCode
                + " (line "
                + earlierNumber
                + ") "
                + when
                + ": a patient seen by the physician, or by one of the same specialty in the same"
                + " group, within 3 years is established; bill the established patient's visit"
                + " (Claims Processing Manual ch. 12 §30.6.7.A)")
        .putData("earlierCode", earlierCode)
        .putData("earlierLine", Integer.toString(earlierNumber))
        .putData("earlierDate", earlierDate.toString())
        .putData("section", "ch. 12 §30.6.7.A")
        .build();
  }

  private static int[] ranges(String... firstLastPairs) {
    int[] ranges = new int[firstLastPairs.length];
    for (int i = 0; i < ranges.length; i++) {
      ranges[i] = CptCode.parse(firstLastPairs[i]).packed();
    }
    return ranges;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
