package io.github.cpt4j.fee.medicare.pfs.claim;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluation;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluator;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.RowModifier;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.PaymentEffect;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One line while its claim is priced: what the fee schedule said, the factors applied so far, the
 * exact amount, and the steps and warnings to report. Mutable, and confined to one call of {@link
 * MedicareClaimPricer#price}, through a {@link ClaimState}.
 */
final class LineWork implements Supplier<Explanation> {

  // The payment effects of the line's modifiers, read once from the modifier registry's table.
  static final int M22 = PaymentEffect.INCREASED_SERVICES.bit();
  static final int M25 = PaymentEffect.SEPARATE_VISIT.bit();
  static final int M50 = PaymentEffect.BILATERAL.bit();
  static final int M51 = PaymentEffect.MULTIPLE_PROCEDURES.bit();
  static final int M52 = PaymentEffect.REDUCED_SERVICES.bit();
  static final int M54 = PaymentEffect.SURGICAL_CARE_ONLY.bit();
  static final int M55 = PaymentEffect.POSTOPERATIVE_CARE_ONLY.bit();
  static final int M56 = PaymentEffect.PREOPERATIVE_CARE_ONLY.bit();
  static final int M62 = PaymentEffect.CO_SURGEON.bit();
  static final int M66 = PaymentEffect.TEAM_SURGEON.bit();
  static final int MAS = PaymentEffect.NON_PHYSICIAN_ASSISTANT.bit();
  static final int MLT = PaymentEffect.LEFT_SIDE.bit();
  static final int MRT = PaymentEffect.RIGHT_SIDE.bit();
  static final int ASSISTANT = PaymentEffect.ASSISTANT_SURGEON.bit() | MAS;
  static final int SPLIT_CARE = M54 | M55 | M56;
  static final int M78 = PaymentEffect.RETURN_TO_OPERATING_ROOM.bit();

  /** CQ and CO: a therapy assistant furnished the service, in whole or in part. */
  static final int ASSISTANT_THERAPY = PaymentEffect.THERAPY_ASSISTANT.bit();

  /** The modifiers paid a share of the global package: split care, and a return to the OR. */
  static final int GLOBAL_SHARE = SPLIT_CARE | M78;

  final int index;

  /** The line's number on the claim, by which explanations name it. */
  final int number;

  final BilledLine billed;

  /** The line priced: as billed, or with fewer units when a claim edit denied some. */
  ClaimLine line;

  final int modifiers;

  /** The schedule's answer; null when a claim edit denied the line before it was evaluated. */
  LineEvaluation evaluation;

  /** The row the fee schedule priced; null when it refused the line. */
  RvuEntry entry;

  PaymentIndicators indicators;

  /** The fee schedule amount of one unit as CMS posts it: rounded half-up to cents. */
  BigDecimal unitFee;

  /** The product of the per-line factors so far: non-participation, split care, surgeon role. */
  BigDecimal scale = Amounts.ONE;

  /** The exact amount so far; null once refused. */
  BigDecimal amount;

  /**
   * The anesthesia schedule's answer for an anesthesia line (null for other lines). A priced
   * anesthesia line has the session's amount from the start, so that a payer's step anywhere in the
   * pipeline sees it; this field keeps it out of the surgical rules, which do not apply to it
   * ({@link #isPricedBySchedule()}), and the {@code anesthesia} step takes the lower of its charge.
   */
  FeeResult anesthesia;

  UnpricedReason reason;

  /**
   * Who refused the line and why, when it is refused: one field for both, which keeps a line at 96
   * bytes with its {@link #number} (issue 18).
   */
  Refusal refusal;

  /** The rule or edit that refused a line, and the detail it gave. */
  record Refusal(String rule, String detail) {}

  Procedure procedure;

  /**
   * The claim edits' and rules' steps, in order: the first two in fields of their own, any further
   * ones in {@code moreSteps} (null until a third), {@code stepCount} in all; their words are
   * written only when read. Most lines record one or two steps: two fields cost a line 8 bytes (88
   * to 96), where an array of four cost it 32 (issue 18).
   */
  private PendingStep firstStep;

  private PendingStep secondStep;
  private PendingStep[] moreSteps;
  private int stepCount;
  private List<ClaimWarning> warnings;

  /**
   * The claim's schedule and context, for the explanation: one field for both, which keeps a line
   * at 96 bytes rather than 104 (issue 18).
   */
  private final LineEvaluator inputs;

  LineWork(
      int index, int number, BilledLine billed, ModifierRegistry registry, LineEvaluator inputs) {
    this.inputs = inputs;
    this.index = index;
    this.number = number;
    this.billed = billed;
    this.line = billed.line();
    this.modifiers = registry.paymentEffects(line.modifiers());
  }

  /** Returns the context the claim is priced in. */
  PricingContext context() {
    return inputs.context();
  }

  /** Returns the schedule and context the line is priced in: its provider's, on its date. */
  LineEvaluator inputs() {
    return inputs;
  }

  boolean has(int modifierBits) {
    return (modifiers & modifierBits) != 0;
  }

  /**
   * Returns "modifier M", M the first modifier billed on the line that {@code registry} gives
   * {@code effect}: the words name the modifier the line has, a payer's own (as {@code ZZ} for
   * {@link PaymentEffect#BILATERAL}) as well as the standard one ({@code 50}). Called when words
   * are written, not when the line is priced.
   *
   * @throws IllegalStateException if no modifier on the line has the effect
   */
  String billedModifier(PaymentEffect effect, ModifierRegistry registry) {
    for (Modifier modifier : line.modifiers()) {
      if (registry.paymentEffect(modifier) == effect) {
        return "modifier " + modifier;
      }
    }
    throw new IllegalStateException("no modifier of " + line + " has payment effect " + effect);
  }

  /** Tells whether the line still has an amount (it was priced and not refused since). */
  boolean hasAmount() {
    return amount != null;
  }

  /**
   * Tells whether the line still has an amount the surgical rules apply to: one the fee schedule
   * gave it. A priced anesthesia line has its amount from the start, the session's, so that every
   * step (a payer's too) sees it, but the standard steps before {@code anesthesia} leave it alone:
   * anesthesia is paid by time, not ranked, paired or shared as a procedure (Claims Processing
   * Manual ch. 12 §50). The modifiers of those rules (26, TC, 50, 62, 66, 80, 81, 82, AS) never
   * reach them on such a line: the anesthesia schedule refuses them, each anesthesia code having
   * indicator 9 for them in the relative value file (RVU25D).
   */
  boolean isPricedBySchedule() {
    return amount != null && anesthesia == null;
  }

  /**
   * Tells whether the line is postoperative management only: modifier 55 without 54 or 56. Its
   * units are then the post-operative days managed, not procedures (contractors' billing
   * instructions for modifier 55; see SplitCareStep).
   */
  boolean isPostoperativeDays() {
    return has(M55) && !has(M54 | M56);
  }

  /** Tells whether the priced row is an add-on code, global period ZZZ. */
  boolean isAddOn() {
    return indicators != null && indicators.globalPeriod() == GlobalPeriod.ADD_ON;
  }

  /** Returns "line N", N the line's number on the claim ({@link Claim#lineNumber}). */
  String name() {
    return "line " + number;
  }

  /**
   * Starts an anesthesia line from the anesthesia schedule's answer for the claim's session: a
   * priced line takes its exact amount, which the surgical rules leave alone ({@link
   * #isPricedBySchedule()}).
   */
  void startAnesthesia(FeeResult result) {
    this.anesthesia = result;
    if (result instanceof FeeResult.Priced) {
      this.amount = result.exactAmount().orElseThrow();
    } else if (result instanceof FeeResult.Unpriced unpriced) {
      refuse(
          unpriced.why(),
          unpriced.why() == UnpricedReason.NOT_PAYABLE_ON_CLAIM
              ? ClaimRule.ANESTHESIA
              : ClaimRule.FEE_SCHEDULE,
          unpriced.detail());
    }
  }

  /** Starts the line from the fee schedule's answer: its row and exact unit amount, or why not. */
  void start(LineEvaluation answer) {
    this.evaluation = answer;
    if (answer instanceof FeeCalculation fee) {
      this.entry = fee.rvuEntry();
      this.indicators = entry.indicators();
      // The posted fee, rounded to cents: units and every percentage multiply it, as Medicare
      // pays (see FeeCalculation).
      this.unitFee = fee.amount();
      this.amount = unitFee;
    } else if (answer instanceof LineEvaluation.Refused refused) {
      refuse(refused.reason(), refused.rule(), refused.detail());
    }
  }

  /**
   * Starts the line from the row the schedule prices it from and the posted fee of one unit,
   * without the schedule's calculation object: what {@link #start} does with {@code evaluate}'s
   * answer when that is a calculation from {@code entry} in the context's own setting. The
   * calculation is worked out again only if read ({@link #calculation}, the explanation).
   */
  void startPriced(RvuEntry row, long postedNanoDollars) {
    this.entry = row;
    this.indicators = row.indicators();
    this.unitFee = Amounts.ofNanoDollarCents(postedNanoDollars);
    this.amount = unitFee;
  }

  /** The schedule's answer: the one kept, or worked out again for a line started from its row. */
  private LineEvaluation evaluation() {
    return evaluation == null && entry != null ? inputs.evaluate(line) : evaluation;
  }

  /** The fee schedule's calculation of one unit; null when it refused the line. */
  FeeCalculation calculation() {
    return evaluation() instanceof FeeCalculation fee ? fee : null;
  }

  /**
   * Tells whether the schedule priced the line at the other setting, the context's being NA; never
   * so for a line started from its row, which asks for no calculation.
   */
  boolean settingNotAvailable() {
    return evaluation instanceof FeeCalculation fee && fee.settingNotAvailable();
  }

  /** Multiplies the per-line factors by {@code factor} and records the step. */
  void scale(BigDecimal factor, ClaimRule rule, Supplier<String> description) {
    scale(factor, rule.id(), description);
  }

  void scale(BigDecimal factor, String rule, Supplier<String> description) {
    BigDecimal factored = Amounts.times(unitFee, scale);
    scale = Amounts.times(scale, factor);
    // The amount is the posted fee times the factors unless a step set it to something else (a
    // payer's cap through ClaimState.setAmount): the factor then multiplies what was set, which
    // working the amount out again from the fee would throw away.
    BigDecimal next =
        amount == null || amount.compareTo(readable(factored)) == 0
            ? Amounts.times(unitFee, scale)
            : Amounts.times(amount, factor);
    set(readable(next), rule, description);
  }

  /**
   * The decimals an exact amount keeps when a factor that does not end has made it longer: modifier
   * 55's days over the global period (7/90), rounded up at {@link SplitCareStep#FACTOR_DECIMALS}.
   * Its last digits are that rounding's error, not the amount (16.333333333333333333333333334);
   * kept to 25, the amount reads as what it is, and still rounds to the cent the true amount does:
   * the product lies at most 10^-24 above the true amount, which is on a half cent or at least
   * 10^-23 from one (see {@code FACTOR_DECIMALS}), so rounding half-up at 25 decimals cannot cross
   * one. Amounts of fewer decimals, every other line's, are left as they are.
   */
  static final int EXACT_DECIMALS = 25;

  private static BigDecimal readable(BigDecimal amount) {
    return amount.scale() <= EXACT_DECIMALS
        ? amount
        : amount.setScale(EXACT_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  /** Sets the exact amount and records the step that set it. */
  void set(BigDecimal newAmount, ClaimRule rule, Supplier<String> description) {
    set(newAmount, rule.id(), description);
  }

  void set(BigDecimal newAmount, String rule, Supplier<String> description) {
    BigDecimal bounded = Amounts.bounded(newAmount);
    amount = bounded;
    addStep(new PendingStep(rule, bounded, description));
  }

  /**
   * Sets the exact amount and records the step, its words written from the line when read ({@link
   * PendingStep.LineWords}): no object for the words when they are one for every line.
   */
  void set(BigDecimal newAmount, ClaimRule rule, PendingStep.LineWords words) {
    BigDecimal bounded = Amounts.bounded(newAmount);
    amount = bounded;
    addStep(PendingStep.of(rule.id(), bounded, words));
  }

  /** Records a step that leaves the amount unchanged. */
  void note(ClaimRule rule, Supplier<String> description) {
    note(rule.id(), description);
  }

  void note(String rule, Supplier<String> description) {
    addStep(new PendingStep(rule, null, description));
  }

  /** Records a note shared by every line it is said of ({@link PendingStep#sharedNote}). */
  void note(PendingStep shared) {
    addStep(shared);
  }

  private void addStep(PendingStep step) {
    switch (stepCount) {
      case 0 -> firstStep = step;
      case 1 -> secondStep = step;
      default -> {
        int more = stepCount - 2;
        if (moreSteps == null) {
          moreSteps = new PendingStep[4];
        } else if (more == moreSteps.length) {
          moreSteps = Arrays.copyOf(moreSteps, more * 2);
        }
        moreSteps[more] = step;
      }
    }
    stepCount++;
  }

  private PendingStep step(int i) {
    return switch (i) {
      case 0 -> firstStep;
      case 1 -> secondStep;
      default -> moreSteps[i - 2];
    };
  }

  /** Records a warning, which the explanation shows too. */
  void warn(ClaimWarning.Kind kind, ClaimRule rule, String message) {
    warn(kind, rule.id(), message);
  }

  void warn(ClaimWarning.Kind kind, String rule, String message) {
    addWarning(kind, rule, message);
    note(rule, () -> "warning: " + message);
  }

  /**
   * Records a warning whose words are already a step of the explanation, such as a denial of units:
   * written as a warning step as well, they would be said twice.
   */
  void addWarning(ClaimWarning.Kind kind, String rule, String message) {
    if (warnings == null) {
      warnings = new ArrayList<>(2);
    }
    warnings.add(ClaimWarning.of(kind, rule, message));
  }

  /** Ends the line without an amount, for {@code reason}, decided by {@code rule}. */
  void refuse(UnpricedReason why, ClaimRule rule, String words) {
    refuse(why, rule.id(), words);
  }

  /**
   * Ends the line without an amount and records the refusal as the rule's step, {@code unpriced,
   * REASON: DETAIL}: the line's explanation then says which rule left it unpriced and why, as a
   * denying edit's step does, rather than ending at the amount the line was not paid.
   */
  void refuse(UnpricedReason why, String rule, String words) {
    note(rule, () -> "unpriced, " + why.words() + ": " + words);
    end(why, rule, words);
  }

  /**
   * Ends the line without an amount, the caller having recorded the step that says why (a claim
   * edit's denial, {@code denied: MESSAGE}).
   */
  void end(UnpricedReason why, String rule, String words) {
    amount = null;
    reason = why;
    refusal = new Refusal(rule, words);
  }

  /**
   * Writes the line's explanation when someone first reads it (the priced line's result holds this
   * line as its explanation's supplier, which spares a supplier object per line, and the deferred
   * explanation itself until read): the schedule's explanation of its evaluation, then every step
   * the claim edits and rules recorded. Called only once the claim's pricing is over, when nothing
   * changes the line any more.
   */
  @Override
  public Explanation get() {
    Explanation start;
    if (anesthesia != null) {
      start = anesthesia.explanation();
    } else if (evaluation != null || entry != null) {
      start = inputs.schedule().explain(billed.line(), inputs.context(), evaluation());
    } else {
      start = Explanation.empty();
    }
    List<PricingStep> all = new ArrayList<>(start.steps().size() + stepCount);
    all.addAll(start.steps());
    String name = stepCount == 0 ? null : name();
    for (int i = 0; i < stepCount; i++) {
      all.add(step(i).render(this, name));
    }
    return Explanation.of(all);
  }

  ImmutableList<ClaimWarning> warnings() {
    return warnings == null ? ImmutableList.of() : ImmutableList.copyOf(warnings);
  }

  /** Returns the row modifier of the priced row. */
  RowModifier rowModifier() {
    return entry.rowModifier();
  }

  /**
   * Tells whether the payer pays something for the line, as the status T and add-on rules see it:
   * an amount, or an amount the contractor sets (contractor-priced, by report).
   */
  boolean isPayable() {
    return amount != null
        || reason == UnpricedReason.CARRIER_PRICED
        || reason == UnpricedReason.PRICED_BY_REPORT;
  }

  /**
   * Orders lines by a key that does not depend on their position unless they are identical: code,
   * then modifiers as billed, then units, then billed charge (none first), then minutes (none
   * first: a code not paid by time ignores them, so two lines may differ in nothing else), then
   * rendering provider (none first, then by NPI: the component reductions rank several providers'
   * lines), then position. Ties in every ranking are broken by this order, so the amounts a claim's
   * lines get do not depend on the order they were billed in.
   */
  static int compareKeys(LineWork a, LineWork b) {
    int c = Integer.compare(a.line.code().packed(), b.line.code().packed());
    if (c != 0) {
      return c;
    }
    List<Modifier> ma = a.line.modifiers();
    List<Modifier> mb = b.line.modifiers();
    int n = Math.min(ma.size(), mb.size());
    for (int i = 0; i < n; i++) {
      c = Integer.compare(ma.get(i).ordinal(), mb.get(i).ordinal());
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(ma.size(), mb.size());
    if (c != 0) {
      return c;
    }
    c = Integer.compare(a.line.units(), b.line.units());
    if (c != 0) {
      return c;
    }
    Optional<BigDecimal> ca = a.billed.charge();
    Optional<BigDecimal> cb = b.billed.charge();
    if (ca.isPresent() != cb.isPresent()) {
      return ca.isPresent() ? 1 : -1;
    }
    if (ca.isPresent()) {
      c = ca.get().compareTo(cb.get());
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(minutesKey(a.line), minutesKey(b.line));
    if (c != 0) {
      return c;
    }
    if (!a.billed.sameProvider(b.billed)) {
      Npi pa = a.billed.renderingProvider().orElse(null);
      Npi pb = b.billed.renderingProvider().orElse(null);
      return pa == null ? -1 : pb == null ? 1 : pa.compareTo(pb);
    }
    return Integer.compare(a.index, b.index);
  }

  /** A line's minutes for {@link #compareKeys}: -1 for none, which sorts first. */
  private static int minutesKey(ClaimLine line) {
    return line.hasMinutes() ? line.minutesOrZero() : -1;
  }
}
