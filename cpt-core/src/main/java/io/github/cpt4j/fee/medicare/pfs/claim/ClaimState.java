package io.github.cpt4j.fee.medicare.pfs.claim;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluator;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.modifier.ModifierRegistry;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one per-claim state every {@link ClaimStep} works on while {@link MedicareClaimPricer} prices
 * a claim: for each line, by index from 0, its exact amount so far (or why it has none), the row
 * the fee schedule priced it from, and the steps and warnings to report. Every change a step makes
 * records a step in the line's explanation under the rule id it gives, so that the explanation
 * names each rule that changed the amount.
 *
 * <p>A line without an amount (refused by the fee schedule, denied by a claim edit, refused by a
 * rule) stays so: the other rules skip it. Before the {@code bilateral} step a line's amount is
 * that of one unit, and what a step sets then is what the bilateral and multiple-procedure rules
 * start from; from the {@code bilateral} step on it is the line's whole amount. A payer's step that
 * changes amounts belongs before {@code bilateral} (it changes what is ranked) or after {@code
 * component-reduction} (it changes the result); between them, the rankings use the amounts they
 * started from.
 *
 * <p>An anesthesia line the anesthesia schedule priced (with the session's other lines: Claims
 * Processing Manual ch. 12 §50) has its whole amount from the first step on, wherever a payer's
 * step runs: {@link #isPriced} is true and {@link #exactAmount} is the session's amount. The
 * surgical rules (the standard steps before {@code anesthesia}) leave it alone; the {@code
 * anesthesia} step pays the lower of its amount, as the steps before it left it, and its charge.
 *
 * <p>The words of a step ({@code description}) are written only when someone reads the explanation:
 * a description must be pure and never return null (the {@link NullPointerException}, thrown when
 * the explanation is read, names the rule and the line).
 *
 * <p>Mutable, confined to one call of {@link MedicareClaimPricer#price}; a step must not keep it.
 */
public final class ClaimState {

  final PricingContext context;
  final LineEvaluator evaluator;
  final LineWork[] lines;

  /** Whether the claim is priced for its limiting charges: see {@link #pricesLimitingCharges()}. */
  final boolean limitingCharges;

  /** The pricer's modifier registry, by which the steps' words name the modifiers billed. */
  final ModifierRegistry modifiers;

  /** The procedures the ranking rules work on; grouped by the bilateral rule, or on first use. */
  private List<Procedure> procedures;

  /**
   * What the multiple-procedure reductions took off each procedure's technical component (both
   * lines of a pair), for the equipment reductions after them; made only for a claim that has such
   * a line, so that a procedure carries no field for it (issue 18: 8 bytes a procedure).
   */
  private Map<Procedure, BigDecimal> technicalCuts;

  ClaimState(
      PricingContext context,
      LineEvaluator evaluator,
      LineWork[] lines,
      boolean limitingCharges,
      ModifierRegistry modifiers) {
    this.context = context;
    this.evaluator = evaluator;
    this.lines = lines;
    this.limitingCharges = limitingCharges;
    this.modifiers = modifiers;
  }

  /** {@return the context the claim is priced in} */
  public PricingContext context() {
    return context;
  }

  /**
   * Tells whether the claim is priced for its limiting charges ({@link
   * MedicareClaimPricer#limitingCharges}): in a participating context, for the amounts the limiting
   * charge is 109.25% of. No amount is then compared with the billed charge: the limiting charge is
   * the most that may be billed, not what is paid, so the standard {@code billed-charge} step, and
   * the {@code anesthesia} step's comparison, leave the charge aside; a payer's step that compares
   * amounts with the charge should too.
   *
   * @return true if the claim's amounts are those the limiting charge is taken of
   */
  public boolean pricesLimitingCharges() {
    return limitingCharges;
  }

  /** {@return the number of lines} */
  public int size() {
    return lines.length;
  }

  /**
   * {@return line {@code i} as billed}
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   */
  public BilledLine billed(int i) {
    return lines[i].billed;
  }

  /**
   * {@return line {@code i} as priced: as billed, or with fewer units if an edit denied some}
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   */
  public ClaimLine line(int i) {
    return lines[i].line;
  }

  /**
   * Tells whether line {@code i} still has an amount.
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   * @return true if no rule or edit has refused the line
   */
  public boolean isPriced(int i) {
    return lines[i].hasAmount();
  }

  /**
   * Returns the exact amount of line {@code i} so far.
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   * @return the line's exact amount in dollars, not rounded
   * @throws IllegalStateException if the line has no amount (the message names the line and its
   *     {@link #reason})
   */
  public BigDecimal exactAmount(int i) {
    BigDecimal amount = lines[i].amount;
    if (amount == null) {
      throw new IllegalStateException(
          lines[i].name() + " has no amount: it is unpriced, " + lines[i].reason);
    }
    return amount;
  }

  /**
   * {@return why line {@code i} has no amount; empty while it has one}
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   */
  public Optional<UnpricedReason> reason(int i) {
    return Optional.ofNullable(lines[i].reason);
  }

  /**
   * {@return the relative value row line {@code i} was priced from, when the schedule priced it}
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   */
  public Optional<RvuEntry> row(int i) {
    return Optional.ofNullable(lines[i].entry);
  }

  /**
   * Sets the exact amount of priced line {@code i} and records the step, under {@code rule}, whose
   * words {@code description} writes when someone reads the explanation. A factor step after this
   * one (non-participation, a surgeon's role) multiplies the amount set; on one line of an LT and
   * RT pair, the pair's amount becomes the sum of its two lines'.
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   * @param amount the line's new exact amount, in dollars
   * @param rule the rule id of the step, such as {@code bilateral}
   * @param description writes the step's words when the explanation is read
   * @throws IllegalArgumentException if the amount is negative, a quadrillion dollars or more, or
   *     of more than {@value io.github.cpt4j.fee.FeeResult#MAX_SCALE} decimal places, as no fee is,
   *     or the rule id is not valid
   * @throws IllegalStateException if the line has no amount
   */
  public void setAmount(int i, BigDecimal amount, String rule, Supplier<String> description) {
    requireNonNull(amount, "amount");
    requireNonNull(description, "description");
    String id = PricingStep.checkRule(rule);
    PricingStep.checkAmount(id, amount);
    exactAmount(i);
    LineWork w = lines[i];
    if (w.procedure == null) {
      w.set(amount, id, description);
    } else {
      // The procedure's amount follows its lines', as the steps after this one (the billed charge
      // of an LT and RT pair) read it.
      w.procedure.setLine(w, amount, id, description);
    }
  }

  /**
   * Multiplies the exact amount of priced line {@code i} by {@code factor} and records the step.
   *
   * <p>A product of more than {@value io.github.cpt4j.fee.FeeResult#MAX_SCALE} decimal places is
   * rounded half-up to them, as {@link io.github.cpt4j.fee.FeeResult#multipliedBy} rounds it;
   * before the procedures are formed, where the factor is one of the line's own factors, a product
   * of more than 25 places is rounded half-up to 25, as a modifier 55 share of a global period is.
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   * @param factor the factor, such as 0.5 for half the amount
   * @param rule the rule id of the step, such as {@code multiple-procedure}
   * @param description writes the step's words when the explanation is read
   * @throws IllegalArgumentException if the factor is refused by {@link
   *     io.github.cpt4j.fee.FeeResult#checkFactor} (negative, or of more than {@value
   *     io.github.cpt4j.fee.FeeResult#MAX_SCALE} decimal places), the amount it gives is a
   *     quadrillion dollars or more or cannot be computed ({@code 1E+2147483647} times an amount of
   *     two decimal places), or the rule id is not valid
   * @throws IllegalStateException if the line has no amount
   */
  public void multiply(int i, BigDecimal factor, String rule, Supplier<String> description) {
    FeeResult.checkFactor(factor);
    requireNonNull(description, "description");
    LineWork w = lines[i];
    BigDecimal before = exactAmount(i);
    try {
      multiply(w, i, factor, rule, description);
    } catch (ArithmeticException e) {
      // A factor such as 1E+2147483647: the product's scale is out of int's range.
      throw new IllegalArgumentException(
          "a fee of " + before + " cannot be multiplied by " + factor, e);
    }
  }

  private void multiply(
      LineWork w, int i, BigDecimal factor, String rule, Supplier<String> description) {
    if (w.procedure == null && w.unitFee != null) {
      // Before the procedures are formed, a factor is one of the line's own factors, which the
      // rules that reduce a part of the fee (endoscopy base, components) apply as well.
      String id = PricingStep.checkRule(rule);
      w.scale(factor, id, description);
      // Checked now, as setAmount checks: the step is made only when the explanation is read,
      // long after pricing. The standard steps' own amounts need no check (they are the
      // schedule's fees times factors of at most a few), so LineWork does not repeat it.
      PricingStep.checkAmount(id, w.amount);
    } else {
      // A procedure's line, or an anesthesia line: no fee of one unit that the factor is kept for.
      setAmount(i, Amounts.bounded(w.amount.multiply(factor)), rule, description);
    }
  }

  /**
   * Records a step on line {@code i} that leaves its amount unchanged.
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   * @param rule the rule id of the step
   * @param description writes the step's words when the explanation is read
   * @throws IllegalArgumentException if the rule id is not valid
   */
  public void note(int i, String rule, Supplier<String> description) {
    lines[i].note(PricingStep.checkRule(rule), requireNonNull(description, "description"));
  }

  /**
   * Ends line {@code i} without an amount, for {@code reason}, decided by {@code rule}, and records
   * the step that says so in its explanation, {@code RULE: unpriced, REASON: DETAIL}; the other
   * rules skip it from then on.
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   * @param reason why the line has no amount
   * @param rule the rule id of the rule or edit that refuses it
   * @param detail what is wrong with the line, in words for the user
   * @throws IllegalArgumentException if the rule id is not valid
   */
  public void refuse(int i, UnpricedReason reason, String rule, String detail) {
    requireNonNull(reason, "reason");
    requireNonNull(detail, "detail");
    lines[i].refuse(reason, PricingStep.checkRule(rule), detail);
  }

  /**
   * Records a warning on line {@code i}, which its explanation shows too.
   *
   * @param i the zero-based index of the line, less than {@link #size()}
   * @param kind what the warning is about
   * @param rule the rule id of the rule or edit that warns
   * @param message the warning, in words for the user
   * @throws IllegalArgumentException if the rule id is not valid
   */
  public void warn(int i, ClaimWarning.Kind kind, String rule, String message) {
    requireNonNull(kind, "kind");
    requireNonNull(message, "message");
    lines[i].warn(kind, PricingStep.checkRule(rule), message);
  }

  /**
   * Returns the procedures of the priced lines, grouping them (each line its own procedure of its
   * units) when the bilateral rule has not.
   */
  List<Procedure> procedures() {
    if (procedures == null) {
      procedures = BilateralStep.group(lines, false, modifiers);
    }
    return procedures;
  }

  /** Returns the technical cuts of the procedures, made on first use. */
  Map<Procedure, BigDecimal> technicalCuts() {
    if (technicalCuts == null) {
      technicalCuts = new HashMap<>(); // a Procedure is equal only to itself
    }
    return technicalCuts;
  }

  /**
   * Shares {@code cuts} with the other states of one date, whose procedures were ranked with this
   * state's ({@link ComponentReductionStep#apply(ClaimState[])}).
   */
  void technicalCuts(Map<Procedure, BigDecimal> cuts) {
    this.technicalCuts = cuts;
  }

  /** Returns what the multiple-procedure reductions took off {@code p}'s technical component. */
  BigDecimal technicalCut(Procedure p) {
    BigDecimal cut = technicalCuts == null ? null : technicalCuts.get(p);
    return cut == null ? Amounts.ZERO : cut;
  }

  /** Tells whether the lines are grouped into procedures already. */
  boolean isGrouped() {
    return procedures != null;
  }

  void procedures(List<Procedure> grouped) {
    this.procedures = grouped;
  }

  @Override
  public String toString() {
    return "ClaimState(" + lines.length + " lines, " + context + ")";
  }
}
