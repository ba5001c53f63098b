package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.function.Supplier;

/**
 * What the multiple-procedure rules rank: the units of one line (each unit a procedure, all of the
 * same amount), a bilateral procedure billed on one line, or an LT and RT pair of lines billed as
 * one bilateral procedure, whose amount is shared half and half.
 */
final class Procedure implements MultipleSurgeryStep.Ranked {

  /** Orders procedures by their first line's stable key. */
  static final Comparator<Procedure> BY_KEY = (a, b) -> LineWork.compareKeys(a.line, b.line);

  /** The line, or the first of a pair by the stable key. */
  final LineWork line;

  /** The second line of an LT and RT pair; null otherwise. */
  final LineWork other;

  /**
   * How many procedures this counts as in a ranking: the units, or 1 when bilateral (an add-on's
   * levels when bilateral: each level done on both sides is one).
   */
  final int slots;

  /**
   * The bilateral factor of one slot (1 for a procedure that is not bilateral): with the line's
   * factors, it takes one unit's fee to one slot ({@link #slotScale()}).
   */
  final BigDecimal bilateralFactor;

  /** The exact amount of one slot before any ranking. */
  final BigDecimal slotAmount;

  /** The exact amount of the whole procedure so far (both lines of a pair). */
  BigDecimal amount;

  /**
   * The ENDO BASE code of an endoscopy (MULT PROC 3 with a base), else null: read once here, since
   * {@link PaymentIndicators#endoscopicBase()} builds a new {@code Optional} per call and the
   * multiple-surgery step asked it for every procedure of every claim (issue 18).
   */
  final ProcedureCode endoscopicBase;

  /**
   * The procedure's first place in the multiple-procedure ranking, and the number of places ranked,
   * once the {@code multiple-surgery} step has ranked it (0 before): read by the words of its rank
   * when the explanation is read. Not final, yet seen by any thread that reads the words: they are
   * written before the step records them on the line, whose result publishes it.
   */
  int rank;

  /** The number of places ranked with {@link #rank}. */
  int rankedOf;

  Procedure(LineWork line, LineWork other, int slots, BigDecimal bilateralFactor) {
    // The line's amount so far is that of one unit (units are counted here): the fee schedule's
    // times the line's factors, or whatever a payer's step set before this one. The same value and
    // scale as unitFee x slotScale() when only factors were applied.
    this(line, other, slots, bilateralFactor, line.amount);
  }

  /**
   * A procedure whose one side is {@code oneSide}, not its first line's amount: the two sides of a
   * modifier 55 pair of different days, both sides managed for the shorter line's days.
   */
  Procedure(
      LineWork line, LineWork other, int slots, BigDecimal bilateralFactor, BigDecimal oneSide) {
    this.line = line;
    this.other = other;
    this.slots = slots;
    this.bilateralFactor = bilateralFactor;
    this.slotAmount = Amounts.times(oneSide, bilateralFactor);
    this.amount = slots == 1 ? slotAmount : slotAmount.multiply(BigDecimal.valueOf(slots));
    this.endoscopicBase =
        line.indicators != null
                && line.indicators.multipleProcedure() == MultipleProcedureRule.ENDOSCOPY_FAMILY
            ? line.indicators.endoscopicBase().orElse(null)
            : null;
    line.procedure = this;
    if (other != null) {
      other.procedure = this;
    }
  }

  /**
   * The factor from one unit's fee to one slot: the line's factors times the bilateral one, for the
   * rules that reduce one part of the fee (the base of an endoscopy family, a component). Computed,
   * not kept: a field more on every procedure of every claim cost 8 bytes a procedure (issue 18),
   * and the product is the line's own factor whenever the procedure is not bilateral.
   */
  BigDecimal slotScale() {
    return Amounts.times(line.scale, bilateralFactor);
  }

  /**
   * The factor from one unit's fee to one slot as the rankings weigh it: the bilateral factor alone
   * when the line carries payment shares ({@link #rankAmount()}), else {@link #slotScale()}.
   */
  BigDecimal rankScale() {
    return isShared() ? bilateralFactor : slotScale();
  }

  /**
   * The amount one slot is ranked by: its fee schedule amount, times the bilateral factor, before
   * the line's payment shares (co-surgeon 62.5%, assistant 16%, split care, a therapy assistant's
   * 85%, non-participation). CMS ranks "by fee schedule amount" (RVU25D record layout, MULT PROC 2)
   * and adjusts for a bilateral procedure before ranking (BILAT SURG 1 and 3); the shares are paid
   * of the amount so ranked, so a co-surgeon's line outranks a cheaper procedure billed alone, as
   * it would on the claim of a surgeon who did both alone. When a payer's step set the amount to
   * something else, the ranking weighs that amount.
   */
  BigDecimal rankAmount() {
    return isShared() ? Amounts.times(line.unitFee, bilateralFactor) : slotAmount;
  }

  /**
   * Whether the slot's amount is the fee times the line's factors, some of them payment shares: the
   * rankings then weigh the fee without them. Worked out from the fields, not kept (see {@link
   * #slotScale()}); only a line with a factor pays for the multiplication.
   */
  private boolean isShared() {
    return line.scale != Amounts.ONE
        && line.unitFee != null
        && slotAmount.compareTo(Amounts.times(line.unitFee, slotScale())) == 0;
  }

  PaymentIndicators indicators() {
    return line.indicators;
  }

  @Override
  public MultipleProcedureRule rule() {
    return line.indicators.multipleProcedure();
  }

  /** Ranks by {@link #rankAmount()}. */
  @Override
  public BigDecimal rankBy() {
    return rankAmount();
  }

  @Override
  public LineWork key() {
    return line;
  }

  @Override
  public int slots() {
    return slots;
  }

  boolean isPair() {
    return other != null;
  }

  /** Tells whether every line of the procedure still has an amount. */
  boolean isPriced() {
    return line.isPricedBySchedule() && (other == null || other.isPricedBySchedule());
  }

  /**
   * Writes {@code figure}, an amount of the whole procedure, in the words of a step that sets the
   * procedure's amount with {@link #set}: as it is for a single line; for an LT and RT pair, whose
   * lines {@code set} gives half each, with the half the line takes ("1.44 for the pair, 0.72 on
   * this line"), as each line's explanation states what that line lost.
   */
  String perLine(BigDecimal figure) {
    return other == null
        ? Amounts.plain(figure)
        : Amounts.plain(figure)
            + " for the pair, "
            + Amounts.plain(figure.multiply(Amounts.HALF))
            + " on this line";
  }

  /**
   * Sets the procedure's exact amount; each line of a pair gets half. A figure of the procedure the
   * words state is the pair's: write it with {@link #perLine}.
   */
  void set(BigDecimal newAmount, ClaimRule rule, Supplier<String> description) {
    amount = newAmount;
    if (other == null) {
      line.set(newAmount, rule, description);
    } else {
      BigDecimal half = newAmount.multiply(Amounts.HALF);
      line.set(half, rule, description);
      other.set(half, rule, description);
    }
  }

  /** {@link #set(BigDecimal, ClaimRule, Supplier)} with words written from each line. */
  void set(BigDecimal newAmount, ClaimRule rule, PendingStep.LineWords words) {
    amount = newAmount;
    if (other == null) {
      line.set(newAmount, rule, words);
    } else {
      BigDecimal half = newAmount.multiply(Amounts.HALF);
      line.set(half, rule, words);
      other.set(half, rule, words);
    }
  }

  /**
   * Sets the exact amount of {@code w}, one of the procedure's lines, and the procedure's to the
   * sum of its lines' that have one: for a rule that reduces each line by what that line carries.
   * One side of an LT and RT pair may have none (22 or 52 on it leaves it to the contractor).
   */
  void setLine(LineWork w, BigDecimal newAmount, ClaimRule rule, Supplier<String> description) {
    setLine(w, newAmount, rule.id(), description);
  }

  void setLine(LineWork w, BigDecimal newAmount, String rule, Supplier<String> description) {
    w.set(newAmount, rule, description);
    amount =
        other == null || other.amount == null
            ? line.amount
            : line.amount == null ? other.amount : line.amount.add(other.amount);
  }

  /**
   * Rounds an LT and RT pair once, as one bilateral procedure, and splits the rounded amount so
   * that its two lines add up to it exactly: when both halves are equal, the first line (by the
   * stable key) gets half of the rounded amount rounded half-up and the other line the rest (48.69
   * is 24.35 and 24.34); when the billed charges made the sides differ, the first line is rounded
   * and the other gets the rest. Does nothing for a single line, or a pair a rule refused. The
   * amounts are the pair's limiting charges when {@code limitingCharges}, and its step says so.
   */
  void roundPair(boolean limitingCharges) {
    if (other == null || !isPriced()) {
      return;
    }
    BigDecimal exact = line.amount.add(other.amount);
    BigDecimal total = exact.setScale(FeeResult.CENTS, FeeResult.ROUNDING);
    BigDecimal first =
        line.amount.compareTo(other.amount) == 0
            ? total.multiply(Amounts.HALF).setScale(FeeResult.CENTS, FeeResult.ROUNDING)
            : line.amount.setScale(FeeResult.CENTS, FeeResult.ROUNDING);
    BigDecimal second = total.subtract(first);
    if (first.compareTo(line.amount) == 0 && second.compareTo(other.amount) == 0) {
      return; // already in cents: nothing to round
    }
    Supplier<String> words =
        () ->
            (limitingCharges
                    ? "the bilateral pair's limiting charge is "
                    : "the bilateral pair is paid ")
                + Amounts.plain(exact)
                + (exact.compareTo(total) == 0 ? "" : ", rounded once to " + total.toPlainString())
                + ", split "
                + first.toPlainString()
                + " on "
                + line.name()
                + " + "
                + second.toPlainString()
                + " on "
                + other.name();
    line.set(first, ClaimRule.BILATERAL, words);
    other.set(second, ClaimRule.BILATERAL, words);
  }

  /** Records a step that leaves the amount unchanged on every line of the procedure. */
  void note(ClaimRule rule, Supplier<String> description) {
    line.note(rule, description);
    if (other != null) {
      other.note(rule, description);
    }
  }

  /** Records a shared note ({@link PendingStep#sharedNote}) on every line of the procedure. */
  void note(PendingStep shared) {
    line.note(shared);
    if (other != null) {
      other.note(shared);
    }
  }

  /** Ends every line of the procedure without an amount. */
  void refuse(UnpricedReason reason, ClaimRule rule, String detail) {
    line.refuse(reason, rule, detail);
    if (other != null) {
      other.refuse(reason, rule, detail);
    }
  }

  /** Records a warning on every line of the procedure. */
  void warn(ClaimWarning.Kind kind, ClaimRule rule, String message) {
    line.warn(kind, rule, message);
    if (other != null) {
      other.warn(kind, rule, message);
    }
  }

  /** Returns the code, and the lines it is billed on, for explanations: "29880 (line 2)". */
  String describe() {
    return line.line.code()
        + (other == null
            ? " (" + line.name() + ")"
            : " (" + line.name() + " and " + other.name() + ")");
  }
}
