package io.github.cpt4j.fee.medicare.pfs.claim;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.ClaimScrubber;
import io.github.cpt4j.edit.DuplicateLinesEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.LiabilityModifiersEdit;
import io.github.cpt4j.edit.ModifierRulesEdit;
import io.github.cpt4j.edit.Visits;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaTimeEdit;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.PaymentEffect;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * The standard claim edits of {@link MedicareClaimPricer} called directly, for a claim whose lines
 * are one rendering provider's on one date (issue 18): what {@link ClaimScrubber#scrub} finds,
 * without the scrubber.
 *
 * <p>What it buys: the scrubber calls each edit's {@code check} and {@code perProviderDay} at call
 * sites that see seven classes (megamorphic interface calls, nothing inlined), works out the
 * claim's day again ({@code ProviderDay.single}, a pass over the lines) and checks each finding as
 * it would a payer's edit's. Called here through fields of each edit's own class, every call can be
 * inlined, the day comes from the pricer, which needs it too, and the global surgery edit's fast
 * exit is told that the claim is one day's. An edit that nothing on the claim can give a finding is
 * not called: one pass over the lines says whether any has modifiers, a GZ or GY, minutes or
 * critical care, whether a code comes twice, and how many are visits. Through the scrubber the
 * claim was about 130 ns of its 800 ns slower with the three standard edits of the morning of
 * 2026-12-05 ({@code cpt-benchmarks/results/claim-jit-2026-12-05.md}), and about 250 ns with the
 * seven of that evening ({@code cpt-benchmarks/results/claim-edits-direct-2026-12-05.md}).
 *
 * <p>The findings are the scrubber's, in its order: by line, then in the order of the edits in
 * {@link MedicareClaimPricer.Builder}'s list, then as each edit returned them. The edits that judge
 * after denials ({@link ClaimEdit#judgesAfterDenials()}) run after the others, in list order, each
 * told the lines denied whole so far. The pricer takes this path only when its edits are exactly
 * the standard list ({@link #of}) and its fast paths are on; a property checks the findings against
 * the scrubber's on random claims.
 */
final class StandardEdits {

  // The places of the edits in the standard list, which orders the findings of one line.
  private static final int DUPLICATE_LINES = 0;
  private static final int MODIFIER_RULES = 1;
  private static final int ANESTHESIA_TIME = 2;
  private static final int CRITICAL_CARE = 3;
  private static final int LIABILITY_MODIFIERS = 4;
  private static final int GLOBAL_SURGERY = 5;
  private static final int SAME_DAY_VISITS = 6;
  private static final int NEW_PATIENT_VISIT = 7;
  private static final int EDITS = 8;

  /** The payment effects of GZ and GY, the only modifiers the liability edit denies for. */
  private static final int LIABILITY =
      PaymentEffect.NOT_NECESSARY_WITHOUT_NOTICE.bit() | PaymentEffect.STATUTORILY_EXCLUDED.bit();

  private static final Comparator<EditFinding> BY_LINE = Comparator.comparingInt(EditFinding::line);

  private final DuplicateLinesEdit duplicateLines = DuplicateLinesEdit.standard();
  private final ModifierRulesEdit modifierRules = ModifierRulesEdit.standard();
  private final AnesthesiaTimeEdit anesthesiaTime = AnesthesiaTimeEdit.standard();
  private final CriticalCareEdit criticalCare = CriticalCareEdit.standard();
  private final LiabilityModifiersEdit liabilityModifiers = LiabilityModifiersEdit.standard();
  private final GlobalSurgeryEdit globalSurgery;
  private final SameDayVisitsEdit sameDayVisits;
  private final NewPatientVisitEdit newPatientVisit = NewPatientVisitEdit.standard();

  private StandardEdits(GlobalSurgeryEdit globalSurgery, SameDayVisitsEdit sameDayVisits) {
    this.globalSurgery = globalSurgery;
    this.sameDayVisits = sameDayVisits;
  }

  /**
   * The direct edits of a pricer whose edits are {@code edits}, or null when they are not the
   * standard list in its order: the standard objects, and a global surgery and same-day visits edit
   * of any schedule (each reads its own).
   */
  static StandardEdits of(List<ClaimEdit> edits) {
    if (edits.size() != EDITS
        || edits.get(DUPLICATE_LINES) != DuplicateLinesEdit.standard()
        || edits.get(MODIFIER_RULES) != ModifierRulesEdit.standard()
        || edits.get(ANESTHESIA_TIME) != AnesthesiaTimeEdit.standard()
        || edits.get(CRITICAL_CARE) != CriticalCareEdit.standard()
        || edits.get(LIABILITY_MODIFIERS) != LiabilityModifiersEdit.standard()
        || !(edits.get(GLOBAL_SURGERY) instanceof GlobalSurgeryEdit global)
        || !(edits.get(SAME_DAY_VISITS) instanceof SameDayVisitsEdit visits)
        || edits.get(NEW_PATIENT_VISIT) != NewPatientVisitEdit.standard()) {
      return null;
    }
    return new StandardEdits(global, visits);
  }

  /**
   * Returns the findings of the standard edits on {@code claim}, whose lines are all one provider's
   * on one date: {@code context} as the claim was given, {@code oneDay} that day's context ({@code
   * ProviderDay.singleContext}), which the edits of one provider's day see.
   */
  ImmutableList<EditFinding> scrub(Claim claim, PricingContext context, PricingContext oneDay) {
    // What the lines can give each edit to judge, from one pass over them: an edit with nothing
    // to judge would only walk the lines and find nothing (most claims have no minutes, no
    // critical care and at most one visit).
    int visits = 0;
    boolean anyModifier = false;
    int effects = 0;
    boolean anyMinutes = false;
    boolean anyCriticalCare = false;
    long codesSeen = 0; // a bit per code, by a hash: two lines of one code set one bit twice
    boolean codeAgain = false;
    for (int i = 0; i < claim.size(); i++) {
      ClaimLine line = claim.line(i).line();
      long bit = 1L << ((line.packedCode() * 0x9E3779B9) >>> 26);
      if ((codesSeen & bit) != 0 && !codeAgain) {
        // Two codes of five share a bit about one claim in seven: the earlier lines say whether
        // the code itself comes again, so that such a claim does not pay for the duplicate scan.
        codeAgain = codeBefore(claim, i, line.packedCode());
      }
      codesSeen |= bit;
      // By units: a visit of two units is two of one day for the same-day visits edit.
      visits += Visits.isVisit(line.code()) ? line.units() : 0;
      if (!line.modifiers().isEmpty()) {
        anyModifier = true;
        // The liability edit reads the standard registry's effects, whatever the pricer's.
        effects |= ModifierRegistry.standard().paymentEffects(line.modifiers());
      }
      anyMinutes |= line.hasMinutes();
      anyCriticalCare |= CriticalCareEdit.isCriticalCare(line.code());
    }
    // Each edit's findings, by its place in the list; the array made with the first finding.
    List<EditFinding>[] byEdit = null;
    if (codeAgain) { // a duplicate repeats a code
      byEdit = keep(byEdit, DUPLICATE_LINES, duplicateLines.check(claim, oneDay));
    }
    if (anyModifier) { // the modifier rules judge modifiers
      byEdit = keep(byEdit, MODIFIER_RULES, modifierRules.check(claim, oneDay));
    }
    if (anyMinutes) { // anesthesia time judges the minutes of any code
      byEdit = keep(byEdit, ANESTHESIA_TIME, anesthesiaTime.check(claim, oneDay));
    }
    if ((effects & LIABILITY) != 0) { // GZ or GY
      byEdit = keep(byEdit, LIABILITY_MODIFIERS, liabilityModifiers.check(claim, oneDay));
    }
    // The edits that judge after denials, in list order: critical care when the claim has it, the
    // global package when a visit could be in one, and the two that compare one day's visits with
    // one another when there are two.
    int[] after = AFTER_DENIALS[anyCriticalCare ? 1 : 0][Math.min(visits, 2)];
    for (int edit : after) {
      byEdit = keep(byEdit, edit, judge(edit, claim, context, oneDay, denied(claim, byEdit, -1)));
    }
    // Again, each told every other's denials, until none changes its findings: as the scrubber.
    for (int round = 1;
        round < AFTER_DENIALS_ROUNDS && unseenDenials(claim, byEdit, after);
        round++) {
      boolean changed = false;
      for (int edit : after) {
        List<EditFinding> before = byEdit[edit];
        byEdit[edit] = null;
        byEdit =
            keep(byEdit, edit, judge(edit, claim, context, oneDay, denied(claim, byEdit, edit)));
        changed |= !Objects.equals(before, byEdit[edit]);
      }
      if (!changed) {
        break;
      }
    }
    return byEdit == null ? ImmutableList.of() : ordered(claim, byEdit);
  }

  /**
   * The edits judging after denials that a claim calls, by whether it has critical care, then by
   * its number of visits (0, 1, 2 or more), in list order: those that can give a finding on it.
   */
  private static final int[][][] AFTER_DENIALS = {
    {{}, {GLOBAL_SURGERY}, {GLOBAL_SURGERY, SAME_DAY_VISITS, NEW_PATIENT_VISIT}},
    {
      {CRITICAL_CARE},
      {CRITICAL_CARE, GLOBAL_SURGERY},
      {CRITICAL_CARE, GLOBAL_SURGERY, SAME_DAY_VISITS, NEW_PATIENT_VISIT}
    },
  };

  /** The scrubber's most times the edits judging after denials judge a claim, its last standing. */
  private static final int AFTER_DENIALS_ROUNDS = 4;

  /** What the after-denials edit at {@code edit} finds, told the lines {@code denied}. */
  private List<EditFinding> judge(
      int edit, Claim claim, PricingContext context, PricingContext oneDay, IntPredicate denied) {
    return switch (edit) {
      case CRITICAL_CARE -> criticalCare.check(claim, oneDay, denied);
      case GLOBAL_SURGERY -> globalSurgery.checkOneDay(claim, context, denied);
      case SAME_DAY_VISITS -> sameDayVisits.check(claim, oneDay, denied);
      case NEW_PATIENT_VISIT -> newPatientVisit.check(claim, context, denied);
      default -> throw new IllegalArgumentException("not an edit judging after denials: " + edit);
    };
  }

  /** Tells whether one of {@code after}, in order, judged before another denied a line whole. */
  private static boolean unseenDenials(Claim claim, List<EditFinding>[] byEdit, int[] after) {
    if (byEdit == null) {
      return false;
    }
    for (int k = 1; k < after.length; k++) {
      List<EditFinding> found = byEdit[after[k]];
      for (int f = 0; found != null && f < found.size(); f++) {
        EditFinding finding = found.get(f);
        if (finding.deniesWholeLine(claim.line(finding.line()).line().units())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Tells whether a line before line {@code i} of {@code claim} bills the code {@code packed}. */
  private static boolean codeBefore(Claim claim, int i, int packed) {
    for (int j = 0; j < i; j++) {
      if (claim.line(j).line().packedCode() == packed) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // an array of lists, made once with a finding
  private static List<EditFinding>[] keep(
      List<EditFinding>[] byEdit, int edit, List<EditFinding> found) {
    if (found.isEmpty()) {
      return byEdit;
    }
    List<EditFinding>[] kept = byEdit == null ? new List[EDITS] : byEdit;
    kept[edit] = found;
    return kept;
  }

  /**
   * The lines denied whole by the findings so far, but those of the edit at {@code except} (none
   * when negative), as the scrubber tells the edits that judge after denials.
   */
  private static IntPredicate denied(Claim claim, List<EditFinding>[] byEdit, int except) {
    if (byEdit == null) {
      return StandardEdits::noLineDenied;
    }
    BitSet denied = new BitSet();
    for (int e = 0; e < byEdit.length; e++) {
      List<EditFinding> found = e == except ? null : byEdit[e];
      for (int f = 0; found != null && f < found.size(); f++) {
        EditFinding finding = found.get(f);
        if (finding.deniesWholeLine(claim.line(finding.line()).line().units())) {
          denied.set(finding.line());
        }
      }
    }
    return denied::get;
  }

  private static boolean noLineDenied(int line) {
    return false;
  }

  /**
   * The findings by line, then by edit, each named by its line's number on the claim, as the
   * scrubber names them.
   */
  private static ImmutableList<EditFinding> ordered(Claim claim, List<EditFinding>[] byEdit) {
    List<EditFinding> all = new ArrayList<>();
    for (List<EditFinding> found : byEdit) {
      for (int f = 0; found != null && f < found.size(); f++) {
        EditFinding finding = found.get(f);
        all.add(finding.withLineNumber(claim.lineNumber(finding.line())));
      }
    }
    all.sort(BY_LINE); // stable: edit order, then each edit's order, within a line
    return ImmutableList.copyOf(all);
  }
}
