package io.github.cpt4j.fee.medicare.claim;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.FeeCalculation;
import io.github.cpt4j.fee.medicare.PaymentIndicators;
import io.github.cpt4j.fee.medicare.RvuEntry;
import io.github.cpt4j.modifier.ModifierViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one line of a claim priced by {@link MedicareClaimPricer}: its amount — or the
 * typed reason why there is none and the rule that decided it — its warnings, and a
 * {@link FeeResult} whose explanation lists the fee schedule's inputs and then every claim rule
 * applied, in order, with the exact amount after it.
 *
 * <p>The amount is the exact amount rounded once, half-up to cents, at the very end; nothing is
 * rounded before. Immutable and thread-safe; the explanation is written on first use.
 *
 * <pre>{@code
 * PricedLine knee = pricing.line(0);
 * knee.amount();                         // Optional[1139.36]
 * knee.result().explanation().has("multiple-procedure");
 * log.info(knee.toString());             // one line: amount, then every step
 * }</pre>
 */
public final class PricedLine {

  private final int index;
  private final BilledLine billed;
  private final BigDecimal exactAmount;
  private final BigDecimal amount;
  private final UnpricedReason reason;
  private final String detail;
  private final ClaimRule refusedBy;
  private final ImmutableList<ClaimWarning> warnings;
  private final ImmutableList<ModifierViolation> violations;
  private final RvuEntry row;
  private final FeeCalculation calculation;
  private final FeeResult scheduleRefusal;
  /** The claim rules' steps, in the first {@code stepCount} slots (the line's own array). */
  private final PendingStep[] steps;
  private final int stepCount;
  /** Written on first use; a race writes equal values, and FeeResult is immutable. */
  private FeeResult result;

  PricedLine(LineWork w) {
    this.index = w.index;
    this.billed = w.billed;
    this.exactAmount = w.amount;
    this.amount = w.amount == null ? null : w.amount.setScale(FeeResult.CENTS, FeeResult.ROUNDING);
    this.reason = w.reason;
    this.detail = w.detail == null ? "" : w.detail;
    this.refusedBy = w.refusedBy;
    this.warnings = w.warnings();
    this.violations = w.violations;
    this.row = w.entry;
    this.calculation = w.calculation;
    this.scheduleRefusal = w.scheduleRefusal;
    this.steps = w.steps;
    this.stepCount = w.stepCount;
  }

  /** Returns the position of the line in the claim, from 0. */
  public int index() {
    return index;
  }

  /** Returns the line as billed, with its charge. */
  public BilledLine billed() {
    return billed;
  }

  /** Returns the service billed. */
  public ClaimLine line() {
    return billed.line();
  }

  /** Tells whether the line has an amount. */
  public boolean isPriced() {
    return amount != null;
  }

  /** Returns the amount, rounded once half-up to cents (scale 2), if priced. */
  public Optional<BigDecimal> amount() {
    return Optional.ofNullable(amount);
  }

  /** Returns the rounded amount, or null when not priced: for the claim's total. */
  BigDecimal amountOrNull() {
    return amount;
  }

  /**
   * Returns the amount rounded half-up to cents.
   *
   * @throws IllegalStateException if the line is not priced; the message gives the reason
   */
  public BigDecimal amountOrThrow() {
    if (amount == null) {
      throw new IllegalStateException("line " + (index + 1) + " " + billed + " is not priced: "
          + reason.words() + ": " + detail);
    }
    return amount;
  }

  /** Returns the exact amount before the final rounding, if priced. */
  public Optional<BigDecimal> exactAmount() {
    return Optional.ofNullable(exactAmount);
  }

  /** Returns why the line has no amount; empty when priced. */
  public Optional<UnpricedReason> reason() {
    return Optional.ofNullable(reason);
  }

  /** Returns the reason in words, naming the indicator or modifier; empty text when priced. */
  public String detail() {
    return detail;
  }

  /**
   * Returns the rule that left the line without an amount: {@link ClaimRule#FEE_SCHEDULE} (not in
   * the schedule, a status not paid...), {@link ClaimRule#PC_TC}, {@link ClaimRule#CO_SURGERY}
   * and so on; empty when priced.
   */
  public Optional<ClaimRule> refusedBy() {
    return Optional.ofNullable(refusedBy);
  }

  /** Returns the warnings raised on the line, in the order raised. */
  public ImmutableList<ClaimWarning> warnings() {
    return warnings;
  }

  /**
   * Returns the modifier rules the line breaks ({@link io.github.cpt4j.modifier.ModifierRules});
   * each is also a {@link ClaimWarning.Kind#MODIFIER_RULE_BROKEN} warning.
   */
  public ImmutableList<ModifierViolation> modifierViolations() {
    return violations;
  }

  /** Returns the relative value row the line was priced from, if the schedule priced it. */
  public Optional<RvuEntry> row() {
    return Optional.ofNullable(row);
  }

  /**
   * Returns the line's {@link FeeResult}: the same amount (or reason and detail), and the
   * explanation — the fee schedule's steps (row, formula, NA, OPPS cap) followed by each claim
   * rule's step.
   */
  public FeeResult result() {
    FeeResult r = result;
    if (r == null) {
      r = buildResult();
      result = r;
    }
    return r;
  }

  /** Returns the steps that led to the amount, {@code result().explanation()}. */
  public Explanation explanation() {
    return result().explanation();
  }

  private FeeResult buildResult() {
    List<PricingStep> all = new ArrayList<>(stepCount + 4);
    if (scheduleRefusal != null) {
      all.addAll(scheduleRefusal.explanation().steps());
    } else {
      all.add(PricingStep.note("row", () -> describe(row)));
      all.addAll(calculation.explanation().steps());
    }
    for (int i = 0; i < stepCount; i++) {
      all.add(steps[i].render());
    }
    Explanation explanation = Explanation.of(all);
    if (exactAmount == null) {
      return FeeResult.unpriced(reason, detail, explanation);
    }
    return calculation.settingNotAvailable()
        ? FeeResult.pricedSettingNotAvailable(exactAmount, explanation)
        : FeeResult.priced(exactAmount, explanation);
  }

  private static String describe(RvuEntry row) {
    PaymentIndicators i = row.indicators();
    StringBuilder sb = new StringBuilder(128).append(row.row())
        .append(" status ").append(i.status().code())
        .append(", PC/TC ").append(i.pcTc().code())
        .append(", global ").append(i.globalPeriod().code())
        .append(", MULT PROC ").append(i.multipleProcedure().code());
    i.endoscopicBase().ifPresent(base -> sb.append(" (endoscopic base ").append(base).append(')'));
    if (i.diagnosticImagingFamily() != 99) {
      sb.append(", imaging family ").append(i.diagnosticImagingFamily());
    }
    return sb.append(", BILAT SURG ").append(i.bilateral().code())
        .append(", ASST SURG ").append(i.assistantAtSurgery().code())
        .append(", CO-SURG ").append(i.coSurgeons().code())
        .append(", TEAM SURG ").append(i.teamSurgery().code())
        .toString();
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof PricedLine)) {
      return false;
    }
    PricedLine that = (PricedLine) other;
    return index == that.index && billed.equals(that.billed) && result().equals(that.result())
        && Objects.equals(refusedBy, that.refusedBy) && warnings.equals(that.warnings)
        && violations.equals(that.violations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, billed, amount, reason, refusedBy);
  }

  /**
   * Returns one line for audit logs: {@code line N}, the billed line, then the amount and every
   * step — or {@code UNPRICED}, the reason, the rule and the detail, then the steps.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(256).append("line ").append(index + 1).append(' ')
        .append(billed).append(": ");
    if (amount != null) {
      sb.append(result());
    } else {
      sb.append("UNPRICED ").append(reason).append(" (").append(refusedBy.id()).append("): ")
          .append(detail).append(" | ").append(explanation());
    }
    return sb.toString();
  }
}
