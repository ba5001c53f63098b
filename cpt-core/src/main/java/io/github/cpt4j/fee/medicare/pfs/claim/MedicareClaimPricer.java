package io.github.cpt4j.fee.medicare.pfs.claim;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRules;
import io.github.cpt4j.modifier.ModifierViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices a whole {@link Claim} — the lines one provider billed for one patient on one date of
 * service — under the Medicare Physician Fee Schedule, applying the payment rules that depend on
 * the other lines and on payment modifiers, as CMS's relative value file (Attachment A of its
 * record layout) describes them. Each line's explanation lists every rule applied, in order, with
 * the exact amount after it.
 *
 * <pre>{@code
 * MedicareClaimPricer pricer = MedicareClaimPricer.of(medicare);
 * Claim claim = Claim.builder()
 *     .add("29880-RT", "2400.00")
 *     .add("20610-LT", "310.00")
 *     .add("99213-25", "180.00")
 *     .build();
 * PricedClaim pricing = pricer.price(claim, PricingContext.of(LocalDate.of(2025, 6, 2),
 *     Locality.parse("13282-99"), Setting.FACILITY));
 * pricing.total();
 * pricing.lines().forEach(line -> log.info(line.toString()));
 * }</pre>
 *
 * <h2>The rules, in the order they apply</h2>
 *
 * <ol>
 *   <li><b>Modifier rules.</b> {@link ModifierRules#standard()} checks every line first; its
 *       violations are reported on the line ({@link PricedLine#modifierViolations()} and a warning)
 *       and do not by themselves stop pricing: the rules below refuse the combinations that change
 *       the payment.
 *   <li><b>Fee schedule.</b> The amount of one unit of the row the line selects: the 26, TC or 53
 *       row, or the global one (PC/TC indicator; 53 without a row of its own is contractor-priced).
 *       The schedule's refusals (not in the schedule, status not paid, modifier not allowed by
 *       PC/TC...) come back unchanged. A non-participating provider is paid 95%.
 *   <li><b>Validity and shares of the line's own modifiers.</b> 50 on BILAT SURG 9, or with LT or
 *       RT, or with more than 1 unit: refused. 54/55/56: the sum of the pre-, intra- and
 *       post-operative shares (refused when the code has none). 62: 62.5% (CO-SURG 2; 1 also, with
 *       a documentation warning; 0 and 9 refused). 66: priced by report (TEAM SURG 1 and 2; 0 and 9
 *       refused). 80/81/82: 16%, AS: 13.6% (ASST SURG 2; 0 also, with a documentation warning; 1
 *       and 9 refused). Two surgeon roles on one line are refused.
 *   <li><b>Status T</b> lines are paid only when no other payable line (priced, contractor-priced
 *       or by report; other status T lines do not count) is on the claim.
 *   <li><b>Add-on codes</b> (global ZZZ) billed without any payable non-add-on line get an {@link
 *       ClaimWarning.Kind#ADD_ON_WITHOUT_PRIMARY} warning and are still priced: the file does not
 *       say which codes are an add-on's primaries.
 *   <li><b>Bilateral</b> (BILAT SURG): 50, LT and RT on one line, LT and RT on two lines of the
 *       same code and row, or 2 units (indicators 1, 2, 3) make one bilateral procedure: 150% of
 *       one side (1), 100% (0 and 2), 200% (3). A pair of lines shares it half and half.
 *   <li><b>Endoscopy families</b> (MULT PROC 3): the endoscopies sharing an ENDO BASE, with that
 *       base when billed. The highest is paid in full, each other its amount minus the base's (not
 *       below zero), the base nothing. A missing base row refuses the members it would reduce.
 *   <li><b>Multiple surgery</b> (MULT PROC 1, 2, 3, modifier 51 or not): the procedures ranked by
 *       amount, every unit one procedure and each endoscopy family ONE procedure of its total; 100%
 *       for the highest, then 50% (2, 3, families) or 50% then 25% (1). Add-ons are never ranked
 *       nor reduced. CMS pays the sixth and later by report: a line ranked wholly sixth or later is
 *       not priced ({@code PRICED_BY_REPORT}, as 66); a multi-unit line straddling rank five keeps
 *       its percentages with a {@link ClaimWarning.Kind#PRICED_BY_REPORT} warning.
 *   <li><b>Component reductions</b> (MULT PROC 4, 5, 6, 7): imaging TC 50% and PC 5%, therapy
 *       practice expense 50%, cardiovascular TC 25%, ophthalmology TC 20%, for every unit after the
 *       highest of its group (ranked by that part). A claim is taken to be one session. A
 *       global-only test (PC/TC 4) does not say which part is technical: it is not reduced, and
 *       gets a {@link ClaimWarning.Kind#COMPONENT_NOT_IDENTIFIED} warning.
 *   <li><b>Modifiers 22 and 52</b>: the line is ranked like any other, then {@link
 *       UnpricedReason#CARRIER_PRICED}: the contractor adjusts the amount shown in the detail.
 *   <li><b>The lower of the billed charge</b> and the amount, when a charge is given (for an LT and
 *       RT pair with BILAT SURG 0, 1 or 2, of the pair's total charge).
 * </ol>
 *
 * <h2>Exact amounts, one rounding</h2>
 *
 * Every amount is exact ({@code BigDecimal}, no rounding) from the fee schedule's formula through
 * the last rule. Each line is then rounded once, half-up to cents; the total is the sum of the
 * rounded line amounts, so the lines always add up to the total.
 *
 * <h2>Order of the lines</h2>
 *
 * Pricing is deterministic, and the amount each line gets does not depend on the order the lines
 * are billed in: every ranking is by amount, and equal amounts are ordered by code, then the
 * modifiers as billed, then units, then billed charge, then — only for lines identical in all of
 * these — position. Explanations name lines by position ("line 2").
 *
 * <p>Adding a line never raises another line's amount, with two exceptions that CMS's rules create:
 * a line joining an endoscopy family changes the family's total and so its rank against the other
 * procedures (a family ranks as one procedure of its total; and its base, never paid beside a
 * member, may be worth more than a member), and completing an LT and RT pair can give one side more
 * than it had alone when the other side's charge is low (the pair is compared with its total
 * charge).
 *
 * <p>Immutable and thread-safe.
 */
public final class MedicareClaimPricer {

  private final MedicareFeeSchedule schedule;
  private final ModifierRules modifierRules;

  private MedicareClaimPricer(MedicareFeeSchedule schedule, ModifierRules modifierRules) {
    this.schedule = schedule;
    this.modifierRules = modifierRules;
  }

  /** Returns a pricer of claims under {@code schedule}. */
  public static MedicareClaimPricer of(MedicareFeeSchedule schedule) {
    return new MedicareClaimPricer(requireNonNull(schedule, "schedule"), ModifierRules.standard());
  }

  /** Returns the fee schedule the lines are priced from. */
  public MedicareFeeSchedule schedule() {
    return schedule;
  }

  /**
   * Prices every line of {@code claim} in {@code context}. Never throws for data: a line that
   * cannot be priced has a reason, the rule that decided it and a detail.
   */
  public PricedClaim price(Claim claim, PricingContext context) {
    requireNonNull(claim, "claim");
    requireNonNull(context, "context");
    PricingInputs inputs = new PricingInputs(schedule, context);
    int n = claim.size();
    LineWork[] lines = new LineWork[n];
    List<FeeResult> anesthesia = anesthesiaResults(claim, context);
    for (int i = 0; i < n; i++) {
      LineWork w = new LineWork(i, claim.line(i));
      lines[i] = w;
      checkModifierRules(w);
      if (anesthesia != null && AnesthesiaFeeSchedule.covers(w.line.code())) {
        startAnesthesia(w, anesthesia.get(i));
        continue;
      }
      start(w, inputs);
      if (w.isPriced()) {
        LineRules.apply(w, context.participating());
      }
      w.payable = ClaimWideRules.isPayable(w);
    }
    ClaimWideRules.applyStatusT(lines);
    ClaimWideRules.flagAddOnsWithoutPrimary(lines);
    List<Procedure> procedures = BilateralRules.group(lines);
    SurgicalRanking.apply(procedures, inputs);
    ComponentRanking.apply(procedures, inputs);
    FinalRules.apply(lines);
    if (anesthesia != null) {
      finishAnesthesia(lines);
    }
    ImmutableList.Builder<PricedLine> priced = ImmutableList.builderWithExpectedSize(n);
    for (LineWork w : lines) {
      priced.add(new PricedLine(w));
    }
    return new PricedClaim(context, priced.build());
  }

  /**
   * Prices the claim's anesthesia lines as one session with the schedule's anesthesia schedule;
   * null when there is none or no line is anesthesia, so that other claims pay nothing for it.
   */
  private List<FeeResult> anesthesiaResults(Claim claim, PricingContext context) {
    Optional<AnesthesiaFeeSchedule> anesthesia = schedule.anesthesia();
    if (anesthesia.isEmpty()) {
      return null;
    }
    int n = claim.size();
    boolean any = false;
    for (int i = 0; i < n && !any; i++) {
      any = AnesthesiaFeeSchedule.covers(claim.line(i).line().code());
    }
    if (!any) {
      return null;
    }
    List<ClaimLine> lines = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lines.add(claim.line(i).line());
    }
    return anesthesia.get().priceSession(lines, context);
  }

  /**
   * Starts an anesthesia line from the anesthesia schedule's answer. A priced line stays without an
   * amount while the surgical rules run, which do not apply to anesthesia, but counts as payable.
   */
  private static void startAnesthesia(LineWork w, FeeResult result) {
    w.anesthesia = result;
    if (result.isPriced()) {
      w.payable = true;
      return;
    }
    UnpricedReason reason = result.reason().orElseThrow();
    w.scheduleRefusal = result;
    w.refuse(
        reason,
        reason == UnpricedReason.NOT_PAYABLE_ON_CLAIM
            ? ClaimRule.ANESTHESIA
            : ClaimRule.FEE_SCHEDULE,
        result.detail());
  }

  /** Gives the priced anesthesia lines their amount, then the lower of the billed charge. */
  private static void finishAnesthesia(LineWork[] lines) {
    for (LineWork w : lines) {
      if (w.anesthesia == null || !w.anesthesia.isPriced()) {
        continue;
      }
      w.amount = w.anesthesia.exactAmount().orElseThrow();
      Optional<BigDecimal> charge = w.billed.charge();
      if (charge.isPresent() && charge.get().compareTo(w.amount) < 0) {
        BigDecimal lower = charge.get();
        w.set(
            lower,
            ClaimRule.BILLED_CHARGE,
            () -> "the billed charge " + lower.toPlainString() + " is lower");
      } else if (charge.isPresent()) {
        w.note(
            ClaimRule.BILLED_CHARGE,
            () -> "the billed charge " + charge.get().toPlainString() + " is not lower");
      }
    }
  }

  /** Runs the modifier rules; a clean line costs no allocation. */
  private void checkModifierRules(LineWork w) {
    List<ModifierViolation> violations = modifierRules.check(w.line);
    if (violations.isEmpty()) {
      return;
    }
    w.violations = ImmutableList.copyOf(violations);
    for (ModifierViolation v : violations) {
      w.warn(
          ClaimWarning.Kind.MODIFIER_RULE_BROKEN,
          ClaimRule.MODIFIER_RULES,
          v.rule().name() + ": " + v.message());
    }
  }

  /** Starts the line from the fee schedule: its row and exact unit amount, or its refusal. */
  private void start(LineWork w, PricingInputs inputs) {
    RvuEntry row = inputs.pricedRow(w.line);
    if (row != null) {
      w.start(row, inputs.calculate(row));
      return;
    }
    FeeResult answer = schedule.price(w.line, inputs.context);
    if (answer.isPriced()) {
      // The schedule prices what the shortcut above did not expect: take its own calculation.
      Optional<FeeCalculation> calculation = schedule.calculation(w.line, inputs.context);
      Optional<RvuEntry> entry = schedule.rvuEntry(w.line);
      if (calculation.isPresent() && entry.isPresent()) {
        w.start(entry.get(), calculation.get());
        return;
      }
      throw new IllegalStateException(
          schedule.name() + " priced " + w.line + " without a calculation from RVUs");
    }
    UnpricedReason reason = answer.reason().orElseThrow();
    w.scheduleRefusal = answer;
    w.refuse(reason, ruleOf(w.line, reason), answer.detail());
  }

  private ClaimRule ruleOf(ClaimLine line, UnpricedReason reason) {
    if (reason == UnpricedReason.MODIFIER_NOT_ALLOWED
        || reason == UnpricedReason.MODIFIER_REQUIRED) {
      return ClaimRule.PC_TC;
    }
    if (reason == UnpricedReason.CARRIER_PRICED
        && line.hasModifier(Modifier.DISCONTINUED)
        && schedule.rvuEntry(line).isEmpty()) {
      return ClaimRule.DISCONTINUED;
    }
    return ClaimRule.FEE_SCHEDULE;
  }

  @Override
  public String toString() {
    return "MedicareClaimPricer(" + schedule.name() + ")";
  }
}
