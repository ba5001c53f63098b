package io.github.cpt4j.fee.medicare.pfs.claim;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The services included in critical care, as a claim edit named {@value #NAME}: a line of one of
 * them ({@link #BUNDLED}) billed by the practitioner who bills critical care (99291, 99292) on the
 * same day is not paid separately. It is denied, {@link UnpricedReason#NOT_PAYABLE_ON_CLAIM} (a
 * service paid only when the claim does not hold another that includes it, as a status T code
 * beside another service is), with a finding that names the critical care line.
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
 * <p>The edit judges one provider's day ({@link #perProviderDay()}): the services of another
 * practitioner, or of another day, are paid. Modifier FT on the critical care does not change it:
 * FT says the care is unrelated to a surgery, not that the listed services are not part of it. A
 * line this edit denies opens no global surgical package either ({@link
 * GlobalSurgeryEdit#judgesAfterDenials()}): 43752 and 92953 have a global period of 000, and the
 * critical care beside them is paid, not denied as their same-day visit.
 *
 * <p>Immutable and thread-safe; allocation-free on a claim without critical care.
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

  /** Returns the edit. */
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

  /** Tells whether {@code code} is critical care: 99291, or its added time, 99292. */
  public static boolean isCriticalCare(ProcedureCode code) {
    int packed = requireNonNull(code, "code").packed();
    return packed == CRITICAL_CARE_FIRST || packed == CRITICAL_CARE_ADDED;
  }

  /**
   * Tells whether {@code line} bills a service included in critical care: a code of {@link
   * #BUNDLED}, but a chest X-ray's technical component (71045-TC, 71046-TC), which is not the
   * physician's.
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
   * Returns a finding denying each line of {@code claim}, one provider's day, that bills a service
   * included in critical care when the day has critical care; an empty list otherwise.
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
   * edit denies whole ({@code denied}) including nothing.
   */
  @Override
  public List<EditFinding> check(Claim claim, PricingContext context, IntPredicate denied) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    requireNonNull(denied, "denied");
    int n = claim.size();
    int care = -1;
    for (int i = 0; i < n && care < 0; i++) {
      if (isCriticalCare(claim.line(i).line().code()) && !denied.test(i)) {
        care = i;
      }
    }
    if (care < 0) {
      return List.of(); // the usual claim: one pass, nothing allocated
    }
    ClaimLine critical = claim.line(care).line();
    List<EditFinding> found = null;
    for (int i = 0; i < n; i++) {
      ClaimLine line = claim.line(i).line();
      if (isIncludedInCriticalCare(line)) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(finding(claim, i, line, care, critical));
      }
    }
    return found == null ? List.of() : found;
  }

  private static boolean noneDenied(int line) {
    return false;
  }

  private static EditFinding finding(
      Claim claim, int line, ClaimLine service, int care, ClaimLine critical) {
    int careNumber = claim.lineNumber(care);
    return EditFinding.builder()
        .edit(NAME)
        .line(line)
        .lineNumber(claim.lineNumber(line))
        .action(EditAction.DENY_LINE)
        .deniedUnits(service.units())
        .reason(UnpricedReason.NOT_PAYABLE_ON_CLAIM)
        .message(
            service.code()
                + " on the day of critical care "
                + critical.code()
                + " (line "
                + careNumber
                + ") by the same practitioner is included in the critical care and not paid"
                + " separately (Claims Processing Manual ch. 12 §30.6.12)")
        .putData("criticalCare", critical.code().toString())
        .putData("criticalCareLine", Integer.toString(careNumber))
        .build();
  }

  @Override
  public String toString() {
    return NAME;
  }
}
