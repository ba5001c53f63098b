package io.github.cpt4j.fee.medicare.pfs.claim;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.modifier.ModifierViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one line of a claim priced by {@link MedicareClaimPricer}: its amount — or the
 * typed reason why there is none and the rule that decided it — its warnings, and a {@link
 * FeeResult} whose explanation lists the fee schedule's inputs and then every claim rule applied,
 * in order, with the exact amount after it.
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

  /**
   * The line's finished work, read only from here on: its pricing call is over and nothing else
   * holds it. Reading it in place spares copying a dozen fields per line.
   */
  private final LineWork work;

  private final BigDecimal amount;
  private final ImmutableList<ClaimWarning> warnings;

  /** Written on first use; a race writes equal values, and FeeResult is immutable. */
  private FeeResult result;

  PricedLine(LineWork w) {
    this.work = w;
    this.amount = w.amount == null ? null : w.amount.setScale(FeeResult.CENTS, FeeResult.ROUNDING);
    this.warnings = w.warnings();
  }

  /** Returns the position of the line in the claim, from 0. */
  public int index() {
    return work.index;
  }

  /** Returns the line as billed, with its charge. */
  public BilledLine billed() {
    return work.billed;
  }

  /** Returns the service billed. */
  public ClaimLine line() {
    return work.billed.line();
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
      throw new IllegalStateException(
          "line "
              + (work.index + 1)
              + " "
              + work.billed
              + " is not priced: "
              + work.reason.words()
              + ": "
              + detailOrEmpty());
    }
    return amount;
  }

  /** Returns the exact amount before the final rounding, if priced. */
  public Optional<BigDecimal> exactAmount() {
    return Optional.ofNullable(work.amount);
  }

  /** Returns why the line has no amount; empty when priced. */
  public Optional<UnpricedReason> reason() {
    return Optional.ofNullable(work.reason);
  }

  /** Returns the reason in words, naming the indicator or modifier; empty text when priced. */
  public String detail() {
    return detailOrEmpty();
  }

  /**
   * Returns the rule that left the line without an amount: {@link ClaimRule#FEE_SCHEDULE} (not in
   * the schedule, a status not paid...), {@link ClaimRule#PC_TC}, {@link ClaimRule#CO_SURGERY} and
   * so on; empty when priced.
   */
  public Optional<ClaimRule> refusedBy() {
    return Optional.ofNullable(work.refusedBy);
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
    return work.violations;
  }

  /** Returns the relative value row the line was priced from, if the schedule priced it. */
  public Optional<RvuEntry> row() {
    return Optional.ofNullable(work.entry);
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
    List<PricingStep> all = new ArrayList<>(work.stepCount + 4);
    if (work.scheduleRefusal != null) {
      all.addAll(work.scheduleRefusal.explanation().steps());
    } else if (work.anesthesia != null) {
      all.addAll(work.anesthesia.explanation().steps());
    } else {
      all.add(PricingStep.note("row", () -> describe(work.entry)));
      all.addAll(work.calculation.explanation().steps());
    }
    for (int i = 0; i < work.stepCount; i++) {
      all.add(work.steps[i].render());
    }
    Explanation explanation = Explanation.of(all);
    if (work.amount == null) {
      return FeeResult.unpriced(work.reason, detailOrEmpty(), explanation);
    }
    return work.calculation != null && work.calculation.settingNotAvailable()
        ? FeeResult.pricedSettingNotAvailable(work.amount, explanation)
        : FeeResult.priced(work.amount, explanation);
  }

  private String detailOrEmpty() {
    return work.detail == null ? "" : work.detail;
  }

  private static String describe(RvuEntry row) {
    PaymentIndicators i = row.indicators();
    StringBuilder sb =
        new StringBuilder(128)
            .append(row.row())
            .append(" status ")
            .append(i.status().code())
            .append(", PC/TC ")
            .append(i.pcTc().code())
            .append(", global ")
            .append(i.globalPeriod().code())
            .append(", MULT PROC ")
            .append(i.multipleProcedure().code());
    i.endoscopicBase().ifPresent(base -> sb.append(" (endoscopic base ").append(base).append(')'));
    if (i.diagnosticImagingFamily() != 99) {
      sb.append(", imaging family ").append(i.diagnosticImagingFamily());
    }
    return sb.append(", BILAT SURG ")
        .append(i.bilateral().code())
        .append(", ASST SURG ")
        .append(i.assistantAtSurgery().code())
        .append(", CO-SURG ")
        .append(i.coSurgeons().code())
        .append(", TEAM SURG ")
        .append(i.teamSurgery().code())
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
    return work.index == that.work.index
        && work.billed.equals(that.work.billed)
        && result().equals(that.result())
        && Objects.equals(work.refusedBy, that.work.refusedBy)
        && warnings.equals(that.warnings)
        && work.violations.equals(that.work.violations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(work.index, work.billed, amount, work.reason, work.refusedBy);
  }

  /**
   * Returns one line for audit logs: {@code line N}, the billed line, then the amount and every
   * step — or {@code UNPRICED}, the reason, the rule and the detail, then the steps.
   */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(256)
            .append("line ")
            .append(work.index + 1)
            .append(' ')
            .append(work.billed)
            .append(": ");
    if (amount != null) {
      sb.append(result());
    } else {
      sb.append("UNPRICED ")
          .append(work.reason)
          .append(" (")
          .append(work.refusedBy.id())
          .append("): ")
          .append(detailOrEmpty())
          .append(" | ")
          .append(explanation());
    }
    return sb.toString();
  }
}
