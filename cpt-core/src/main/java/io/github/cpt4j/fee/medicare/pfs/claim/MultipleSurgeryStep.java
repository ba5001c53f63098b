package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluation;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluator;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.RowModifier;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The multiple-procedure rules for surgery (MULT PROC 1, 2 and 3, modifier 51).
 *
 * <ol>
 *   <li>Endoscopy families first (indicator 3): the endoscopies sharing an ENDO BASE code, and that
 *       base code when billed with them. The highest-paid endoscopy is paid in full; each other one
 *       is paid its amount minus the base's amount (never below zero); the base itself is not paid
 *       with a member of its family. A second unit of an endoscopy counts as another member, and so
 *       does a discontinued endoscopy without a 53 row (priced by report), by the fee of its row
 *       without 53: RVU25D (MULT PROC 3) pays no base beside "an endoscopic procedure" reported
 *       with it, and the 22 or 52 the contractor also prices does not leave the family.
 *   <li>Then the ranking: the procedures with indicator 1, 2 or 3, each endoscopy family as ONE
 *       procedure of its total, by amount, highest first (ties by the lines' stable key). Each unit
 *       is a procedure. The highest is paid 100%; the others 50% (indicators 2 and 3, and
 *       families), or 50% for the second and 25% from the third on (indicator 1).
 * </ol>
 *
 * <p>Add-on codes (global ZZZ) are never ranked, nor are modifier 55 lines (postoperative
 * management only: a share of a global package whose units are days, not procedures; see
 * SplitCareStep).
 *
 * <p>A line the contractor prices by report still takes its place in the ranking, by its fee
 * schedule amount, while its own amount stays by report: a team surgeon's line (66, priced by
 * report: RVU25D, TEAM SURG 1 and 2; Claims Processing Manual ch. 12 §40.8) and a discontinued
 * procedure whose code has no 53 row (RVU25D, MODIFIER: "priced by individual consideration"),
 * ranked by the fee of the row it would be priced from without 53. MULT PROC 2 ranks the procedures
 * "reported on the same day" with indicator 1, 2 or 3 by fee schedule amount (RVU25D), and ch. 12
 * §40.6.A counts the procedures a surgical team takes part in among one physician's multiple
 * surgeries; a line of 22 or 52, which the contractor also adjusts (ch. 12 §20.4.6), is ranked the
 * same way ({@link IncreasedReducedServicesStep}). Dropping such a line from the ranking paid the
 * day's next procedure in full: 22818-66 beside 27447 left 27447 at 100%. A carrier-priced code
 * (status C) is not ranked: the relative value file gives it no fee schedule amount to rank by.
 * Such lines are ranked only beside a procedure the ranking pays, and not against a priced line of
 * their own code and row whose other side or unit they are: both sides of a code are one procedure.
 *
 * <p>CMS pays the sixth and later procedures by report (RVU25D record layout, MULT PROC 1 and 2:
 * "100%, 50%, 50%, 50%, 50% and by report"): a line (or an endoscopy family) ranked wholly sixth or
 * later is not priced, {@link UnpricedReason#PRICED_BY_REPORT}, as modifier 66 is; a multi-unit
 * line whose units straddle rank five keeps its percentages with a {@link
 * ClaimWarning.Kind#PRICED_BY_REPORT} warning (its first units are paid by the rule). Name {@code
 * multiple-surgery}; its steps carry the rule ids {@code endoscopy-family} and {@code
 * multiple-procedure}.
 */
final class MultipleSurgeryStep implements ClaimStep {

  static final String NAME = "multiple-surgery";

  private static final int LAST_RANK_PAID_BY_RULE = 5;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(ClaimState claim) {
    warnOfSurgeonAndAssistantAsOne(claim.lines);
    warnOfCoSurgeonsAsOne(claim.lines, claim.procedures());
    apply(claim.procedures(), claim.evaluator, claim.lines);
  }

  /**
   * Warns on each assistant at surgery's line (80, 81, 82, AS) of a code the multiple procedure
   * rules rank (MULT PROC 2 or 3) that a surgeon's line of the same provider's day also bills: no
   * one assists at his own surgery, so the lines are two physicians', which the claim did not name
   * (a group's claim names each line's NPI, CMS-1500 item 24J). Ranked as one physician's, the tie
   * between the two lines' equal amounts may even put the assistant's line first and halve the
   * surgeon's. A code no rule ranks (MULT PROC 0, such as an unlisted procedure) is priced alike
   * whoever the lines are by, so there is nothing to warn of: and this step does not even run for a
   * claim of such codes ({@link StandardSteps#needed}).
   */
  private static void warnOfSurgeonAndAssistantAsOne(LineWork[] lines) {
    for (LineWork assistant : lines) {
      if (!assistant.has(LineWork.ASSISTANT) || !assistant.isPayable() || !isRanked(assistant)) {
        continue;
      }
      // The surgeon's line the claim rules rank first, not the first billed: the warning names
      // the same line in any order of the lines.
      LineWork surgeon = null;
      for (LineWork candidate : lines) {
        if (!candidate.has(LineWork.ASSISTANT)
            && candidate.isPayable()
            && candidate.line.code().equals(assistant.line.code())
            && (surgeon == null || LineWork.compareKeys(candidate, surgeon) < 0)) {
          surgeon = candidate;
        }
      }
      if (surgeon == null) {
        continue;
      }
      // Lines of one day and provider name the same NPI, or none (the day's NPI).
      String whose =
          assistant
              .billed
              .renderingProvider()
              .map(npi -> "are both by " + npi)
              .orElse("are one provider's lines");
      assistant.warn(
          ClaimWarning.Kind.SURGEON_AND_ASSISTANT_AS_ONE,
          ClaimRule.MULTIPLE_PROCEDURE,
          assistant.line
              + " and "
              + surgeon.line
              + " (line "
              + surgeon.number
              + ") "
              + whose
              + ", ranked as one physician's procedures, though no one assists at his own"
              + " surgery: give each line its rendering provider's NPI");
    }
  }

  /**
   * Warns on each co-surgeon's line (62) of a code the multiple procedure rules rank that another
   * co-surgeon's line of the same code and the same provider's day also bills: co-surgeons are two
   * surgeons, each billing the procedure with 62 (Claims Processing Manual ch. 12 §40.8), and no
   * surgeon is his own co-surgeon, so the lines are two physicians', which the claim did not name.
   * As one physician's lines they are ranked (the second at 50%) or, for a code of BILAT SURG 1, 2
   * or 3, paired as the two sides of one bilateral procedure, where each surgeon's line is paid its
   * 62.5% in full. The amounts stay as priced; the warning, on each of the lines, says why they may
   * be low. A code no rule ranks is left alone, as for an assistant's line.
   *
   * <p>Only a pair of which a line names no rendering provider is warned of (the lines naming none
   * are the provider {@link io.github.cpt4j.edit.RenderingProviders} says, maybe the other line's):
   * two lines that name one NPI are that surgeon's own. Nor are one surgeon's two lines that say
   * so: the two sides of a bilateral procedure (62-RT and 62-LT, which RVU25D's BILAT SURG text
   * takes as 62-50 and this pricer pays alike) or a second site or session of his (59, the X
   * modifiers and the others of {@link BilateralStep#saysAnotherSiteOrSession}, but 77, another
   * physician's repeat).
   */
  private static void warnOfCoSurgeonsAsOne(LineWork[] lines, List<Procedure> procedures) {
    for (LineWork coSurgeon : lines) {
      if (!coSurgeon.has(LineWork.M62)
          || !coSurgeon.isPayable()
          || !isRanked(coSurgeon)
          || saysOwnSecondService(coSurgeon)) {
        continue;
      }
      // The line paired with this one as the other side of a bilateral procedure, else the one
      // the claim rules rank first, not the first billed: the same line in any order of the lines.
      LineWork other = null;
      boolean paired = false;
      for (LineWork candidate : lines) {
        if (candidate != coSurgeon
            && candidate.has(LineWork.M62)
            && candidate.isPayable()
            && candidate.line.code().equals(coSurgeon.line.code())
            && (coSurgeon.billed.renderingProvider().isEmpty()
                || candidate.billed.renderingProvider().isEmpty())
            && !saysOwnSecondService(candidate)
            && !areOppositeSides(coSurgeon, candidate)
            && !paired) {
          if (pairedAsBilateral(coSurgeon, candidate, procedures)) {
            other = candidate;
            paired = true;
          } else if (other == null || LineWork.compareKeys(candidate, other) < 0) {
            other = candidate;
          }
        }
      }
      if (other == null) {
        continue;
      }
      coSurgeon.warn(
          ClaimWarning.Kind.CO_SURGEONS_AS_ONE,
          paired ? ClaimRule.BILATERAL : ClaimRule.MULTIPLE_PROCEDURE,
          coSurgeon.line
              + " and "
              + other.line
              + " (line "
              + other.number
              + ") are one provider's lines, "
              + (paired
                  ? "paired as the two sides of one bilateral procedure"
                  : "ranked as one physician's procedures")
              + ", though no surgeon is his own co-surgeon: give each surgeon's line his"
              + " rendering provider's NPI");
    }
  }

  /**
   * Whether the line says it is a second service of the same surgeon: a modifier of {@link
   * BilateralStep#saysAnotherSiteOrSession} but 77, the repeat by another physician, which says the
   * opposite.
   */
  private static boolean saysOwnSecondService(LineWork line) {
    return BilateralStep.saysAnotherSiteOrSession(line)
        && !line.line.modifiers().contains(REPEAT_BY_ANOTHER_PHYSICIAN);
  }

  private static final Modifier REPEAT_BY_ANOTHER_PHYSICIAN = Modifier.parse("77");

  /** Whether one of the lines says the left side and the other the right. */
  private static boolean areOppositeSides(LineWork a, LineWork b) {
    return a.has(LineWork.MLT) && b.has(LineWork.MRT) || a.has(LineWork.MRT) && b.has(LineWork.MLT);
  }

  /** Whether lines {@code a} and {@code b} are the two sides of one procedure of {@code all}. */
  private static boolean pairedAsBilateral(LineWork a, LineWork b, List<Procedure> all) {
    for (int i = 0; i < all.size(); i++) {
      Procedure p = all.get(i);
      if (p.line == a && p.other == b || p.line == b && p.other == a) {
        return true;
      }
    }
    return false;
  }

  /** Whether the line's row has a multiple procedure rule that ranks it among the day's others. */
  private static boolean isRanked(LineWork line) {
    if (line.entry == null) {
      return false;
    }
    MultipleProcedureRule rule = line.indicators.multipleProcedure();
    return rule == MultipleProcedureRule.STANDARD_100_50
        || rule == MultipleProcedureRule.STANDARD_100_50_25
        || rule == MultipleProcedureRule.ENDOSCOPY_FAMILY;
  }

  /**
   * What the ranking orders: a procedure, an endoscopy family ranked as one procedure, or a line
   * priced by report, which takes its place by its fee schedule amount and is paid nothing by the
   * ranking. A procedure is ranked as itself, with no object of its own for its place (issue 18: an
   * entry a ranked procedure cost 48 bytes); see {@link Procedure#rank}.
   */
  interface Ranked {
    /** The amount it is ranked by, highest first. */
    BigDecimal rankBy();

    /** The line whose stable key breaks a tie of amounts. */
    LineWork key();

    /** How many places of the ranking it takes. */
    int slots();

    /** The rule it is ranked under. */
    MultipleProcedureRule rule();
  }

  /** Orders by amount, highest first, ties by the stable key of the lines. */
  private static int compareRanks(Ranked a, Ranked b) {
    int c = b.rankBy().compareTo(a.rankBy());
    return c != 0 ? c : LineWork.compareKeys(a.key(), b.key());
  }

  /** The endoscopies of one base code on the claim. */
  private static final class Family implements Ranked {
    final ProcedureCode base;
    final List<Procedure> members = new ArrayList<>(3);
    final List<Procedure> bases = new ArrayList<>(1);

    /** Its discontinued members priced by report (no 53 row): they count, unpaid by the rule. */
    final List<ByReport> byReport = new ArrayList<>(0);

    BigDecimal total;

    /** The total the family ranks by: its members' {@link Procedure#rankAmount()}s, as paid. */
    BigDecimal rankTotal;

    Family(ProcedureCode base) {
      this.base = base;
    }

    int memberSlots() {
      int slots = 0;
      for (Procedure p : members) {
        slots += p.slots;
      }
      return slots;
    }

    boolean applies() {
      int slots = memberSlots();
      for (ByReport b : byReport) {
        slots += b.slots;
      }
      return slots > 0 && (!bases.isEmpty() || slots > 1);
    }

    /** A family ranks as one procedure of its total. */
    @Override
    public BigDecimal rankBy() {
      return rankTotal;
    }

    @Override
    public LineWork key() {
      return members.isEmpty() ? byReport.get(0).line : members.get(0).line;
    }

    @Override
    public int slots() {
      return 1;
    }

    @Override
    public MultipleProcedureRule rule() {
      return MultipleProcedureRule.ENDOSCOPY_FAMILY;
    }
  }

  /**
   * A line priced by report that the ranking weighs: its rule, the fee schedule amount of one of
   * its slots (its units, or both sides of a bilateral procedure billed on it) and its slots.
   */
  private record ByReport(
      LineWork line,
      MultipleProcedureRule rule,
      RowModifier row,
      BigDecimal rankBy,
      int slots,
      ProcedureCode endoscopicBase)
      implements Ranked {

    @Override
    public LineWork key() {
      return line;
    }

    /**
     * The line as the ranking weighs it, or null when the line is not priced by report, or no rule
     * ranks it: a team surgeon's line (66) by its row's fee, a discontinued procedure without a 53
     * row by the fee of the row it selects without 53 (its global row, or its 26 or TC row).
     */
    static ByReport of(LineWork w) {
      if (w.amount != null || w.anesthesia != null || w.refusal == null) {
        return null;
      }
      PaymentIndicators indicators;
      RowModifier row;
      BigDecimal fee;
      if (w.reason == UnpricedReason.PRICED_BY_REPORT
          && w.refusal.rule().equals(ClaimRule.TEAM_SURGERY.id())
          && w.unitFee != null
          && w.entry != null) {
        indicators = w.indicators;
        row = w.rowModifier();
        fee = w.unitFee;
      } else if (w.reason == UnpricedReason.CARRIER_PRICED
          && w.refusal.rule().equals(LineEvaluation.DISCONTINUED)) {
        List<Modifier> others = new ArrayList<>(w.line.modifiers());
        others.removeIf(Modifier.DISCONTINUED::equals);
        // Evaluated as any line is (date, status, setting, PD): only a row priced from its RVUs
        // has a fee schedule amount to rank by.
        if (!(w.inputs().evaluate(w.line.withModifiers(others)) instanceof FeeCalculation priced)) {
          return null;
        }
        indicators = priced.rvuEntry().indicators();
        row = priced.rvuEntry().rowModifier();
        fee = priced.amount();
      } else {
        return null;
      }
      MultipleProcedureRule rule = indicators.multipleProcedure();
      if (rule != MultipleProcedureRule.STANDARD_100_50
              && rule != MultipleProcedureRule.STANDARD_100_50_25
              && rule != MultipleProcedureRule.ENDOSCOPY_FAMILY
          || indicators.globalPeriod() == GlobalPeriod.ADD_ON
          || w.isPostoperativeDays()) {
        return null;
      }
      // Both sides on the line count as one procedure, as the bilateral step makes them: 2 units
      // are both sides only when the line does not say another site or session (59, XE, XS...),
      // as BilateralStep reads a priced line, so 61580-66-59 x2 counts as 61580-66 beside
      // 61580-66-59 does, two procedures.
      BilateralRule bilateral = indicators.bilateral();
      int units = w.line.units();
      boolean bothSides =
          bilateral != BilateralRule.NOT_APPLICABLE
              && (w.has(LineWork.M50)
                  || w.has(LineWork.MLT) && w.has(LineWork.MRT)
                  || bilateral != BilateralRule.NO_ADJUSTMENT
                      && units == 2
                      && !w.has(LineWork.MLT | LineWork.MRT)
                      && !BilateralStep.saysAnotherSiteOrSession(w));
      // A discontinued endoscopy is still a member of its family: its base is not paid beside it
      // (RVU25D, MULT PROC 3), and the family's other members are reduced by the base.
      ProcedureCode base =
          rule == MultipleProcedureRule.ENDOSCOPY_FAMILY
              ? indicators.endoscopicBase().orElse(null)
              : null;
      return bothSides
          ? new ByReport(w, rule, row, Amounts.times(fee, BilateralStep.factor(bilateral)), 1, base)
          : new ByReport(w, rule, row, fee, units, base);
    }

    /**
     * Whether the line is the other side, or another unit, of a priced procedure of the same code
     * and row: one procedure with it, as both sides of a code are one bilateral procedure (RVU25D,
     * BILAT SURG; ch. 12 §40.7), not a procedure of its own ranked against it. {@code 27447-53-RT}
     * ranked as a procedure of its own halved {@code 27447-LT}, its own other side, 1197.89 paid
     * 598.95 in 13282-99 facility, 2025. Not when either line says another site or session ({@link
     * BilateralStep#saysAnotherSiteOrSession}): the two are then two procedures, ranked as two
     * priced lines would be; nor of a line of postoperative days alone (55), which is not a
     * procedure of the day; nor of a line of more than one slot ({@code 27130-66 x3}), which is
     * more than the other side or unit of one procedure: it is ranked as its procedures, as it was
     * before the priced line joined (a random claim found adding {@code 27130} raising {@code
     * 12001} beside it from 25% to 50%, the three team surgeries no longer ranked). Notes on the
     * line which procedure it is part of.
     */
    boolean isPartOf(List<Procedure> procedures) {
      if (slots > 1 || BilateralStep.saysAnotherSiteOrSession(line)) {
        return false;
      }
      // Of several such procedures (10005 beside 10005 1min), the one that ranks first, ties by
      // the lines' stable key: the line named does not depend on the order the lines were billed.
      Procedure part = null;
      LineWork partLine = null;
      for (int i = 0; i < procedures.size(); i++) {
        Procedure p = procedures.get(i);
        LineWork same =
            isSameService(p.line)
                ? p.line
                : p.other != null && isSameService(p.other) ? p.other : null;
        // A line of postoperative days alone (55) is no procedure of the day: it holds no side.
        if (same != null
            && p.isPriced()
            && !same.isPostoperativeDays()
            && (part == null || ranksBefore(p, same, part, partLine))) {
          part = p;
          partLine = same;
        }
      }
      if (part == null) {
        return false;
      }
      LineWork same = partLine;
      line.note(
          ClaimRule.MULTIPLE_PROCEDURE,
          () ->
              "not ranked: another side or unit of "
                  + same.line
                  + " on "
                  + same.name()
                  + ", one procedure with it, not a procedure of its own ranked against it;"
                  + " its own amount stays by report");
      return true;
    }

    /** Whether {@code p}, through its line {@code w}, ranks before {@code q}, through {@code v}. */
    private static boolean ranksBefore(Procedure p, LineWork w, Procedure q, LineWork v) {
      int c = p.rankAmount().compareTo(q.rankAmount());
      return c > 0 || c == 0 && LineWork.compareKeys(w, v) < 0;
    }

    private boolean isSameService(LineWork other) {
      return other.entry != null
          && other.line.code().equals(line.line.code())
          && other.rowModifier() == row
          && !BilateralStep.saysAnotherSiteOrSession(other);
    }
  }

  static void apply(List<Procedure> procedures, LineEvaluator inputs, LineWork[] lines) {
    List<ByReport> byReport = null;
    for (LineWork w : lines) {
      ByReport b = ByReport.of(w);
      if (b != null && !b.isPartOf(procedures)) {
        if (byReport == null) {
          byReport = new ArrayList<>(2);
        }
        byReport.add(b);
      }
    }
    List<Family> families = families(procedures, byReport);
    for (int i = 0; i < families.size(); i++) {
      priceFamily(families.get(i), inputs);
    }
    int n = procedures.size();
    Ranked[] ranked = new Ranked[n + families.size()];
    int count = 0;
    int slots = 0;
    for (int i = 0; i < n; i++) {
      Procedure p = procedures.get(i);
      // A modifier 55 line is the postoperative share of a global package, not another
      // procedure: never ranked (a 54 line of the same code is the same package's other share).
      if (!p.isPriced()
          || p.line.isAddOn()
          || p.line.isPostoperativeDays()
          || !families.isEmpty() && familyOf(p, families) != null) {
        continue;
      }
      MultipleProcedureRule rule = p.rule();
      if (rule == MultipleProcedureRule.STANDARD_100_50
          || rule == MultipleProcedureRule.STANDARD_100_50_25
          || rule == MultipleProcedureRule.ENDOSCOPY_FAMILY) {
        ranked[count++] = p;
        slots += p.slots;
      }
    }
    for (int i = 0; i < families.size(); i++) {
      ranked[count++] = families.get(i);
      slots += 1;
    }
    if (count == 0) {
      return; // no procedure the ranking pays: nothing for a line by report to weigh against
    }
    for (int i = 0; byReport != null && i < byReport.size(); i++) {
      ByReport b = byReport.get(i);
      if (!families.isEmpty() && familyOf(b, families) != null) {
        continue;
      }
      if (count == ranked.length) {
        ranked = Arrays.copyOf(ranked, count + lines.length);
      }
      ranked[count++] = b;
      slots += b.slots;
    }
    if (slots < 2) {
      return;
    }
    Arrays.sort(ranked, 0, count, MultipleSurgeryStep::compareRanks);
    int rank = 1;
    for (int i = 0; i < count; i++) {
      Ranked r = ranked[i];
      applyRank(r, rank, slots);
      rank += r.slots();
    }
  }

  /**
   * Groups the endoscopies by base code, with the base procedures billed beside them; returns only
   * the families the rule applies to (a member beside its base or another member), by base code.
   */
  private static List<Family> families(List<Procedure> procedures, List<ByReport> byReport) {
    int n = procedures.size();
    if (!anyFamilyCanApply(procedures) && !anyByReportMember(byReport)) {
      return List.of();
    }
    List<Family> families = null;
    for (int i = 0; i < n; i++) {
      Procedure p = procedures.get(i);
      // Indicator 3 without a base code is no member: it is ranked like indicator 2.
      if (!isFamilyMember(p)) {
        continue;
      }
      if (families == null) {
        families = new ArrayList<>(2);
      }
      familyOf(p.endoscopicBase, families).members.add(p);
    }
    for (int i = 0; byReport != null && i < byReport.size(); i++) {
      ByReport b = byReport.get(i);
      if (b.endoscopicBase == null) {
        continue;
      }
      if (families == null) {
        families = new ArrayList<>(2);
      }
      familyOf(b.endoscopicBase, families).byReport.add(b);
    }
    if (families == null) {
      return List.of();
    }
    for (int i = 0; i < n; i++) {
      Procedure p = procedures.get(i);
      if (!p.isPriced() || p.line.isAddOn() || p.line.isPostoperativeDays() || isFamilyMember(p)) {
        continue;
      }
      for (Family f : families) {
        if (f.base.equals(p.line.line.code())) {
          f.bases.add(p);
        }
      }
    }
    families.removeIf(f -> !f.applies());
    if (families.isEmpty()) {
      return List.of();
    }
    families.sort((a, b) -> Integer.compare(a.base.packed(), b.base.packed()));
    return families;
  }

  /**
   * Tells cheaply, without building families, whether one could apply: it takes two member slots,
   * or a member and its base. A claim with one endoscopy, or none, is the common case.
   */
  private static boolean anyFamilyCanApply(List<Procedure> procedures) {
    Procedure member = null;
    for (int i = 0; i < procedures.size(); i++) {
      Procedure p = procedures.get(i);
      if (isFamilyMember(p)) {
        if (member != null || p.slots > 1) {
          return true;
        }
        member = p;
      }
    }
    if (member == null) {
      return false;
    }
    ProcedureCode base = member.endoscopicBase;
    for (int i = 0; i < procedures.size(); i++) {
      Procedure p = procedures.get(i);
      if (p != member
          && p.line.line.code().equals(base)
          && p.isPriced()
          && !p.line.isAddOn()
          && !p.line.isPostoperativeDays()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A priced, ranked endoscopy: indicator 3 with a base code (only such a procedure has {@code
   * endoscopicBase}); package-private for the property that checks it against the indicators.
   */
  static boolean isFamilyMember(Procedure p) {
    return p.endoscopicBase != null
        && p.isPriced()
        && !p.line.isAddOn()
        && !p.line.isPostoperativeDays();
  }

  /** The family of {@code base} in {@code families}, added to them when it is not there yet. */
  private static Family familyOf(ProcedureCode base, List<Family> families) {
    for (Family f : families) {
      if (f.base.equals(base)) {
        return f;
      }
    }
    Family family = new Family(base);
    families.add(family);
    return family;
  }

  /** Whether a discontinued endoscopy priced by report could make a family with the lines. */
  private static boolean anyByReportMember(List<ByReport> byReport) {
    if (byReport == null) {
      return false;
    }
    for (ByReport b : byReport) {
      if (b.endoscopicBase != null) {
        return true;
      }
    }
    return false;
  }

  private static Family familyOf(ByReport b, List<Family> families) {
    for (Family f : families) {
      if (f.byReport.contains(b)) {
        return f;
      }
    }
    return null;
  }

  private static Family familyOf(Procedure p, List<Family> families) {
    for (Family f : families) {
      if (f.members.contains(p) || f.bases.contains(p)) {
        return f;
      }
    }
    return null;
  }

  private static void priceFamily(Family family, LineEvaluator inputs) {
    family.members.sort(
        (a, b) -> {
          int c = b.rankAmount().compareTo(a.rankAmount());
          return c != 0 ? c : Procedure.BY_KEY.compare(a, b);
        });
    // The highest of the family may be a discontinued member priced by report: the members paid
    // by the rule are then each reduced by the base.
    ByReport topByReport = null;
    for (ByReport b : family.byReport) {
      int c = topByReport == null ? 1 : b.rankBy.compareTo(topByReport.rankBy);
      if (c > 0 || c == 0 && LineWork.compareKeys(b.line, topByReport.line) < 0) {
        topByReport = b;
      }
    }
    Procedure top =
        family.members.isEmpty()
                || topByReport != null
                    && topByReport.rankBy.compareTo(family.members.get(0).rankAmount()) > 0
            ? null
            : family.members.get(0);
    String topWords =
        top != null
            ? top.describe()
            : topByReport.line.line.code() + " (" + topByReport.line.name() + ")";
    ProcedureCode base = family.base;
    BigDecimal baseFee = inputs.unitFee(base, RowModifier.GLOBAL);
    BigDecimal total = Amounts.ZERO;
    // The total the family ranks by differs from what it is paid only when a member carries a
    // payment share: worked out only then, as it costs a few numbers per member.
    boolean shared = false;
    for (Procedure m : family.members) {
      shared |= m.line.scale != Amounts.ONE;
    }
    BigDecimal rankTotal = Amounts.ZERO;
    for (Procedure m : family.members) {
      int full = m == top ? 1 : 0;
      int reduced = m.slots - full;
      if (reduced == 0) {
        if (shared) {
          rankTotal = rankTotal.add(m.rankAmount());
        }
        m.note(
            ClaimRule.ENDOSCOPY_FAMILY,
            () ->
                "the highest-paid endoscopy of the family of" + " base " + base + ": paid in full");
        total = total.add(m.amount);
        continue;
      }
      // A PD line is priced at the facility rate: its base comes off at the same rate.
      BigDecimal memberBase =
          m.line.line.hasModifier(Modifier.PAYMENT_WINDOW)
              ? inputs.unitFeeFor(m.line.line, base, RowModifier.GLOBAL)
              : baseFee;
      if (memberBase == null) {
        m.refuse(
            UnpricedReason.NOT_IN_SCHEDULE,
            ClaimRule.ENDOSCOPY_FAMILY,
            "the endoscopy"
                + " family's base "
                + base
                + " is not in the schedule, so the amount of "
                + m.line.line.code()
                + " beside "
                + topWords
                + " cannot be set");
        continue;
      }
      BigDecimal deduction = memberBase.multiply(m.slotScale());
      BigDecimal reducedSlot = Amounts.atLeastZero(m.slotAmount.subtract(deduction));
      BigDecimal amount = reducedSlot.multiply(BigDecimal.valueOf(reduced));
      if (full == 1) {
        amount = amount.add(m.slotAmount);
      }
      boolean extraUnits = full == 1;
      m.set(
          amount,
          ClaimRule.ENDOSCOPY_FAMILY,
          () ->
              (extraUnits
                      ? "the highest-paid endoscopy of the family of base "
                          + base
                          + "; its units after the"
                          + " first are each paid"
                      : "in the family of base "
                          + base
                          + " beside "
                          + topWords
                          + (reduced > 1 ? ", each of its " + reduced + " units paid" : ", paid"))
                  + " its amount minus the base's "
                  + m.perLine(deduction)
                  + (reducedSlot.signum() == 0 ? ", not below zero" : ""));
      total = total.add(amount);
      if (shared) {
        BigDecimal rankSlot =
            Amounts.atLeastZero(m.rankAmount().subtract(memberBase.multiply(m.rankScale())));
        rankTotal = rankTotal.add(rankSlot.multiply(BigDecimal.valueOf(reduced)));
        if (full == 1) {
          rankTotal = rankTotal.add(m.rankAmount());
        }
      }
    }
    for (Procedure b : family.bases) {
      b.set(
          Amounts.ZERO,
          ClaimRule.ENDOSCOPY_FAMILY,
          () ->
              "the base endoscopy "
                  + base
                  + " is not paid with a member of its family: it is included in "
                  + topWords);
    }
    for (ByReport b : family.byReport) {
      // Weighed as a priced member would be: its first slot in full when it is the highest, every
      // other slot its fee less the base's.
      BigDecimal reducedSlot =
          Amounts.atLeastZero(b.rankBy.subtract(baseFee == null ? Amounts.ZERO : baseFee));
      int full = b == topByReport && top == null ? 1 : 0;
      BigDecimal weight =
          reducedSlot
              .multiply(BigDecimal.valueOf(b.slots - full))
              .add(full == 1 ? b.rankBy : Amounts.ZERO);
      rankTotal = rankTotal.add(weight);
      total = total.add(weight);
      b.line.note(
          ClaimRule.ENDOSCOPY_FAMILY,
          () ->
              "a member of the endoscopy family of base "
                  + base
                  + ", which it ranks in by its fee schedule amount "
                  + Amounts.plain(b.rankBy)
                  + "; its own amount stays by report");
    }
    family.total = total;
    family.rankTotal = shared ? rankTotal : total;
  }

  /**
   * The total {@code family} is ranked by, in words, when it is not the total it is paid: a family
   * of lines paid shares (62, 80, non-participation) ranks by its total before them, and without
   * these words a total below another procedure's amount would read as ranked above it by mistake.
   */
  private static String rankedBy(Family family) {
    return family.rankTotal.compareTo(family.total) == 0
        ? ""
        : " (ranked by " + Amounts.plain(family.rankTotal) + ", before the lines' payment shares)";
  }

  private static void applyRank(Ranked r, int rank, int of) {
    if (r instanceof ByReport byReport) {
      rankByReport(byReport, rank, of);
      return;
    }
    if (rank > LAST_RANK_PAID_BY_RULE) {
      byReport(r, rank, of);
      return;
    }
    int slots = r.slots();
    int full = full(rank);
    int fifty = fifty(r.rule(), rank, slots);
    int quarter = slots - full - fifty;
    // full x 100% + fifty x 50% + quarter x 25%, in hundredths: at scale 2, as the sum of
    // 1, 0.5 x fifty and 0.25 x quarter always was.
    int hundredths = 100 * full + 50 * fifty + 25 * quarter;
    if (r instanceof Procedure p) {
      p.rank = rank;
      p.rankedOf = of;
      if (hundredths == 100 * slots) {
        p.note(PAID_IN_FULL);
      } else {
        p.set(
            p.slotAmount.multiply(Amounts.hundredths(hundredths)),
            ClaimRule.MULTIPLE_PROCEDURE,
            RANK_WORDS);
      }
    } else {
      Family family = (Family) r;
      BigDecimal total = family.total;
      for (Procedure m : family.members) {
        if (!m.isPriced()) {
          continue;
        }
        Supplier<String> words =
            () ->
                "the endoscopy family of base "
                    + family.base
                    + " ranks as one procedure of its total "
                    + Amounts.plain(total)
                    + rankedBy(family)
                    + ", "
                    + ranks(rank, 1, of)
                    + " by amount: "
                    + shares(full, fifty, quarter);
        if (full == 1) {
          m.note(ClaimRule.MULTIPLE_PROCEDURE, words);
        } else {
          m.set(
              m.amount.multiply(Amounts.hundredths(hundredths)),
              ClaimRule.MULTIPLE_PROCEDURE,
              words);
        }
      }
    }
    if (rank + slots - 1 > LAST_RANK_PAID_BY_RULE) {
      // Each names its procedure, "20610 (line 2), ranks 2-7 of 7": read from the claim's
      // warnings, where no line is attached, the ranks alone did not say which line it was.
      String message =
          ", "
              + ranks(rank, slots, of)
              + ": CMS pays the sixth and later"
              + " procedures by report, so the contractor may set another amount";
      if (r instanceof Procedure p) {
        p.warn(
            ClaimWarning.Kind.PRICED_BY_REPORT,
            ClaimRule.MULTIPLE_PROCEDURE,
            p.describe() + message);
      } else {
        for (Procedure m : ((Family) r).members) {
          m.warn(
              ClaimWarning.Kind.PRICED_BY_REPORT,
              ClaimRule.MULTIPLE_PROCEDURE,
              m.describe() + message);
        }
      }
    }
  }

  /**
   * The words of a procedure's place in the ranking, written from the line they are recorded on
   * when the explanation is read: one object for every procedure of every claim (issue 18), where
   * each ranked procedure had words of its own. The line's procedure holds its place ({@link
   * Procedure#rank}).
   */
  private static final PendingStep.LineWords RANK_WORDS =
      line -> {
        Procedure p = line.procedure;
        int full = full(p.rank);
        int fifty = fifty(p.rule(), p.rank, p.slots);
        return "MULT PROC "
            + p.rule().code()
            + ", "
            + ranks(p.rank, p.slots, p.rankedOf)
            + " by amount: "
            + shares(full, fifty, p.slots - full - fifty);
      };

  /** The step of a procedure the ranking pays in full: the first of one slot. */
  private static final PendingStep PAID_IN_FULL =
      PendingStep.sharedNote(ClaimRule.MULTIPLE_PROCEDURE, RANK_WORDS);

  /** How many of the slots from {@code rank} on are paid in full: the first procedure's. */
  private static int full(int rank) {
    return rank == 1 ? 1 : 0;
  }

  /**
   * How many of the {@code slots} from {@code rank} on are paid 50%: under MULT PROC 1 the second
   * procedure only (the third and later 25%), under the other ranked rules every one after the
   * first.
   */
  private static int fifty(MultipleProcedureRule rule, int rank, int slots) {
    if (rule == MultipleProcedureRule.STANDARD_100_50_25) {
      int last = rank + slots - 1;
      return rank <= 2 && last >= 2 ? 1 : 0;
    }
    return slots - full(rank);
  }

  /** Notes a line priced by report where it ranks: its amount stays the contractor's. */
  private static void rankByReport(ByReport e, int rank, int of) {
    e.line.note(
        ClaimRule.MULTIPLE_PROCEDURE,
        () ->
            "MULT PROC "
                + e.rule.code()
                + ", "
                + ranks(rank, e.slots, of)
                + " by its fee schedule amount "
                + Amounts.plain(e.rankBy)
                + ": ranked with the day's procedures, its own amount stays by report");
  }

  /** The sixth and later procedures: not priced, the contractor sets the amount by report. */
  private static void byReport(Ranked r, int rank, int of) {
    String detail =
        "MULT PROC "
            + r.rule().code()
            + ", "
            + ranks(rank, r.slots(), of)
            + " by amount: CMS pays the sixth and later procedures by report; the contractor"
            + " sets the amount";
    if (r instanceof Procedure p) {
      p.refuse(UnpricedReason.PRICED_BY_REPORT, ClaimRule.MULTIPLE_PROCEDURE, detail);
    } else {
      for (Procedure m : ((Family) r).members) {
        if (m.isPriced()) {
          m.refuse(UnpricedReason.PRICED_BY_REPORT, ClaimRule.MULTIPLE_PROCEDURE, detail);
        }
      }
    }
  }

  private static String ranks(int rank, int slots, int of) {
    return slots == 1
        ? "rank " + rank + " of " + of
        : "ranks " + rank + "-" + (rank + slots - 1) + " of " + of;
  }

  private static String shares(int full, int fifty, int quarter) {
    StringBuilder sb = new StringBuilder(32);
    append(sb, full, "100%");
    append(sb, fifty, "50%");
    append(sb, quarter, "25%");
    return sb.toString();
  }

  private static void append(StringBuilder sb, int count, String share) {
    if (count == 0) {
      return;
    }
    if (sb.length() > 0) {
      sb.append(", ");
    }
    sb.append(count == 1 ? share : count + " x " + share);
  }
}
