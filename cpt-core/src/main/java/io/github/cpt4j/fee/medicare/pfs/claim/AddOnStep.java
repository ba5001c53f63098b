package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * Add-on codes (global ZZZ), and the add-ons whose primaries CMS names ({@link NamedAddOns}: the
 * visit add-ons G2211, G2212, G0316-G0318 and G0545, the breast tomosynthesis add-ons G0279 and
 * 77063, and the further time of chronic and principal care management), beside their primary
 * services: the lines of one provider's day, as the pricer gives each step. Rule id {@code add-on}.
 *
 * <p>An add-on is paid only with its primary service: CMS's page on the NCCI add-on code edits
 * makes an add-on eligible for payment only when one of its primary codes is also eligible for
 * payment to the same practitioner, for the same patient, on the same date of service. The relative
 * value file does not say which codes are an add-on's primaries, so for a ZZZ code any line that is
 * not itself an add-on counts: a payable one, and the add-on is paid; none at all, and it is priced
 * with an {@link ClaimWarning.Kind#ADD_ON_WITHOUT_PRIMARY} warning, since the primary may be on
 * another provider's claim. When the lines that could be its primary are all denied by a claim edit
 * (a visit inside a global surgical package, an NCCI pair), the add-on goes with them: {@link
 * UnpricedReason#NOT_PAYABLE_ON_CLAIM}, naming them, as a status T line bundled away is. A line the
 * fee schedule itself refuses (a status B code, a code it does not list) is no primary, denied or
 * not: the warning stays.
 *
 * <p>The named add-ons add only to the services CMS names, so their primaries are those codes
 * alone: with none of them on the provider's day, beside other lines, the add-on is refused; with
 * all of them unpaid, whatever refused them, likewise. G2211 is refused beside a visit of modifier
 * 25 unless the 25 is for a same-day preventive service (from 2025), and paid once a day: its units
 * beyond one are denied, and a second G2211 line is refused.
 */
final class AddOnStep implements ClaimStep {

  @Override
  public String name() {
    return ClaimRule.ADD_ON.id();
  }

  @Override
  public void apply(ClaimState claim) {
    LineWork[] lines = claim.lines;
    boolean primary = false;
    boolean addOn = false;
    boolean namedAddOn = false;
    for (LineWork w : lines) {
      if (NamedAddOns.isNamedAddOn(w.line.packedCode())) {
        namedAddOn = true;
      } else if (w.isAddOn()) {
        addOn = true;
      } else if (w.isPayable()) {
        primary = true;
      }
    }
    if (namedAddOn) {
      applyNamedAddOns(claim, lines);
    }
    if (!addOn) {
      return;
    }
    List<LineWork> denied = primary ? List.of() : deniedPrimaries(claim, lines);
    for (LineWork w : lines) {
      if (!w.isAddOn() || NamedAddOns.isNamedAddOn(w.line.packedCode())) {
        continue;
      }
      if (primary) {
        w.note(WITH_PRIMARY);
      } else if (denied.isEmpty()) {
        w.warn(
            ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY,
            ClaimRule.ADD_ON,
            "add-on code "
                + w.line.code()
                + " (global ZZZ) is billed without a primary service of the same provider and"
                + " date");
      } else if (w.isPayable()) {
        w.refuse(
            UnpricedReason.NOT_PAYABLE_ON_CLAIM,
            ClaimRule.ADD_ON,
            "add-on code "
                + w.line.code()
                + " (global ZZZ) is paid only with its primary service, and "
                + notPaid(denied));
      }
    }
  }

  /**
   * The lines a claim edit denied (never evaluated) that are not add-ons themselves, by the row of
   * their code: the services an add-on on their day could be adding to.
   */
  private static List<LineWork> deniedPrimaries(ClaimState claim, LineWork[] lines) {
    List<LineWork> denied = new ArrayList<>(2);
    for (LineWork w : lines) {
      if (isDeniedByEdit(w)
          && !NamedAddOns.isNamedAddOn(w.line.packedCode())
          && claim
              .evaluator
              .schedule()
              .rvuEntry(w.line)
              .filter(row -> row.indicators().globalPeriod() != GlobalPeriod.ADD_ON)
              .isPresent()) {
        denied.add(w);
      }
    }
    denied.sort(LineWork::compareKeys);
    return denied;
  }

  /** Tells whether a claim edit denied the line before the fee schedule saw it. */
  private static boolean isDeniedByEdit(LineWork w) {
    return w.reason != null && w.evaluation == null && w.entry == null && w.anesthesia == null;
  }

  /**
   * Tells whether the line is a service a visit's modifier 25 may be for: one the fee schedule
   * evaluated without refusing it, or one a claim edit denied. A line the schedule refuses (a
   * laboratory test, a drug, a vaccine product: paid, if at all, under another schedule) is not.
   */
  private static boolean isFeeScheduleService(LineWork w) {
    return !(w.evaluation instanceof LineEvaluation.Refused);
  }

  /** "99213 (line 2) is not paid (global surgery)", or "none of ... is paid" for several. */
  private static String notPaid(List<LineWork> lines) {
    if (lines.size() == 1) {
      LineWork w = lines.get(0);
      return w.line.code() + " (" + w.name() + ") is not paid (" + why(w) + ")";
    }
    StringBuilder s = new StringBuilder("none of ");
    for (int i = 0; i < lines.size(); i++) {
      LineWork w = lines.get(i);
      s.append(i == 0 ? "" : ", ").append(w.line.code());
      s.append(" (").append(w.name()).append(", ").append(why(w)).append(')');
    }
    return s.append(" is paid").toString();
  }

  private static String why(LineWork w) {
    return w.reason == null ? "no amount" : w.reason.words();
  }

  /** The named add-ons beside the services CMS names as their primaries. */
  private static void applyNamedAddOns(ClaimState claim, LineWork[] lines) {
    List<LineWork> complexity = new ArrayList<>(1);
    for (LineWork w : lines) {
      int code = w.line.packedCode();
      if (!NamedAddOns.isNamedAddOn(code) || !w.isPayable()) {
        continue;
      }
      String refusal = refusal(claim, lines, w, code);
      if (refusal != null) {
        w.refuse(UnpricedReason.NOT_PAYABLE_ON_CLAIM, ClaimRule.ADD_ON, refusal);
      } else if (code == NamedAddOns.COMPLEXITY) {
        complexity.add(w);
      }
    }
    if (complexity.isEmpty()) {
      return;
    }
    // Once per visit, and one office visit a day is paid: the first line by the stable order keeps
    // one unit, so that the amounts do not depend on the order the lines were billed in.
    complexity.sort(LineWork::compareKeys);
    LineWork kept = complexity.get(0);
    int billed = kept.line.units();
    if (billed > 1) {
      kept.line = kept.line.withUnits(1);
      String words =
          (billed - 1)
              + " of "
              + billed
              + " units denied: G2211 is paid once per visit (CY 2024 physician fee schedule"
              + " final rule)";
      kept.note(ClaimRule.ADD_ON, () -> words);
      kept.addWarning(ClaimWarning.Kind.UNITS_DENIED, ClaimRule.ADD_ON.id(), words);
    }
    for (int i = 1; i < complexity.size(); i++) {
      complexity
          .get(i)
          .refuse(
              UnpricedReason.NOT_PAYABLE_ON_CLAIM,
              ClaimRule.ADD_ON,
              "G2211 is paid once per visit (CY 2024 physician fee schedule final rule), and "
                  + kept.name()
                  + " bills it already");
    }
  }

  /**
   * Why named add-on {@code w} (packed code {@code code}) is not paid on its day, or null when it
   * is, after noting or warning on it.
   */
  private static String refusal(ClaimState claim, LineWork[] lines, LineWork w, int code) {
    String name = w.line.code().toString();
    List<LineWork> bases = new ArrayList<>(1);
    boolean others = false;
    for (LineWork other : lines) {
      int otherCode = other.line.packedCode();
      if (NamedAddOns.isPrimaryOf(code, otherCode)) {
        bases.add(other);
      }
      others |= !NamedAddOns.isNamedAddOn(otherCode);
    }
    if (bases.isEmpty()) {
      if (!others) {
        // Alone, as a ZZZ code alone: its visit may be on another claim.
        w.warn(
            ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY,
            ClaimRule.ADD_ON,
            "add-on code "
                + name
                + " is billed without a primary service of the same provider and date: it adds to "
                + NamedAddOns.primaries(code));
        return null;
      }
      return name
          + " adds only to "
          + NamedAddOns.primaries(code)
          + " of the same practitioner and day, and none is billed with it";
    }
    bases.sort(LineWork::compareKeys);
    List<LineWork> paid = new ArrayList<>(bases.size());
    for (LineWork base : bases) {
      if (base.isPayable()) {
        paid.add(base);
      }
    }
    if (paid.isEmpty()) {
      return "add-on code "
          + name
          + " is paid only with its primary service, and "
          + notPaid(bases);
    }
    LineWork visit = paid.get(0);
    if (code == NamedAddOns.COMPLEXITY) {
      LineWork without25 = null;
      for (LineWork base : paid) {
        if (!base.has(LineWork.M25)) {
          without25 = base;
          break;
        }
      }
      if (without25 == null) {
        return separateVisit(claim, lines, w, visit);
      }
      visit = without25;
    }
    LineWork primary = visit;
    notePaid(w);
    w.note(
        ClaimRule.ADD_ON,
        () -> name + ": an add-on to " + primary.line.code() + " (" + primary.name() + ")");
    return null;
  }

  /**
   * G2211 beside a visit of modifier 25 alone: refused (CY 2024 physician fee schedule final rule),
   * unless from 2025 the 25 is for a same-day preventive service, with no other service it could be
   * for (CY 2025 final rule; Transmittal 13015); returns null, after a note, then.
   */
  private static String separateVisit(
      ClaimState claim, LineWork[] lines, LineWork w, LineWork visit) {
    String named = visit.line.code() + "-25 (" + visit.name() + ")";
    LineWork preventive = null;
    LineWork other = null;
    for (LineWork line : lines) {
      int code = line.line.packedCode();
      if (NamedAddOns.isSameDayPreventive(code)) {
        preventive = preventive == null ? line : preventive;
      } else if (!NamedAddOns.isOfficeVisit(code)
          && !NamedAddOns.isNamedAddOn(code)
          && !line.isAddOn()
          && isFeeScheduleService(line)
          && (other == null || LineWork.compareKeys(line, other) < 0)) {
        other = line;
      }
    }
    String rule =
        "G2211 is not paid with an office or outpatient visit billed with modifier 25 (CY 2024"
            + " physician fee schedule final rule): "
            + named;
    if (claim.context.dateOfService().isBefore(NamedAddOns.PREVENTIVE_25_FROM)) {
      return rule;
    }
    String exception =
        "; from 2025 it is, when the 25 is for a same-day annual wellness visit, vaccine"
            + " administration or Part B preventive service (CY 2025 final rule, Transmittal"
            + " 13015)";
    if (other != null) {
      return rule
          + exception
          + ", but "
          + other.line.code()
          + " ("
          + other.name()
          + ") is a service the 25 may be for";
    }
    if (preventive == null) {
      return rule + exception + ", and none is billed with it";
    }
    LineWork service = preventive;
    notePaid(w);
    w.note(
        ClaimRule.ADD_ON,
        () ->
            "G2211: an add-on to "
                + named
                + ", whose 25 is for the preventive service "
                + service.line.code()
                + " ("
                + service.name()
                + "), so it is paid (CY 2025 physician fee schedule final rule, Transmittal"
                + " 13015)");
    return null;
  }

  /** Notes on a paid G2211 what every paid ZZZ line is noted (G2212 is of global XXX). */
  private static void notePaid(LineWork w) {
    if (w.isAddOn()) {
      w.note(WITH_PRIMARY);
    }
  }

  /** The same words on every add-on line: one step for all of them (issue 18). */
  private static final PendingStep WITH_PRIMARY =
      PendingStep.sharedNote(
          ClaimRule.ADD_ON,
          w ->
              "add-on code (global ZZZ): never ranked as a primary"
                  + " procedure, exempt from the multiple-procedure reduction");
}
