package io.github.cpt4j.fee.medicare.pfs.claim;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One line while its claim is priced: what the fee schedule said, the factors applied so far, the
 * exact amount, and the steps and warnings to report. Mutable, and confined to one call of {@link
 * MedicareClaimPricer#price}.
 */
final class LineWork {

  // The payment modifiers of the line, decoded once into bits.
  static final int M22 = 1;
  static final int M25 = 1 << 1;
  static final int M50 = 1 << 2;
  static final int M51 = 1 << 3;
  static final int M52 = 1 << 4;
  static final int M54 = 1 << 5;
  static final int M55 = 1 << 6;
  static final int M56 = 1 << 7;
  static final int M62 = 1 << 8;
  static final int M66 = 1 << 9;
  static final int M80 = 1 << 10;
  static final int M81 = 1 << 11;
  static final int M82 = 1 << 12;
  static final int MAS = 1 << 13;
  static final int MLT = 1 << 14;
  static final int MRT = 1 << 15;
  static final int ASSISTANT = M80 | M81 | M82 | MAS;
  static final int SPLIT_CARE = M54 | M55 | M56;

  final int index;
  final BilledLine billed;
  final ClaimLine line;
  final int modifiers;

  /** The row the fee schedule priced; null when it refused the line. */
  RvuEntry entry;

  PaymentIndicators indicators;
  FeeCalculation calculation;

  /** The exact fee schedule amount of one unit. */
  BigDecimal unitFee;

  /** The product of the per-line factors so far: non-participation, split care, surgeon role. */
  BigDecimal scale = Amounts.ONE;

  /** The exact amount so far; null once refused. */
  BigDecimal amount;

  /**
   * The anesthesia schedule's answer for an anesthesia line (null for other lines). A priced
   * anesthesia line is kept out of the surgical rules, which do not apply to it, and gets its
   * amount back before the billed charge is compared.
   */
  FeeResult anesthesia;

  /** The fee schedule's own refusal, with its explanation; null when it priced the line. */
  FeeResult scheduleRefusal;

  UnpricedReason reason;
  String detail;
  ClaimRule refusedBy;

  /** Modifier 22 or 52: ranked like any procedure, then left to the contractor. */
  boolean carrierAdjusted;

  /** Whether the payer pays something for the line, as status T and add-on rules see it. */
  boolean payable;

  Procedure procedure;

  private static final PendingStep[] NO_STEPS = new PendingStep[0];

  ImmutableList<ModifierViolation> violations = ImmutableList.of();

  /**
   * The claim rules' steps, in order, in the first {@code stepCount} slots; their words are written
   * only when read. Grown on demand: most lines record one or two steps.
   */
  PendingStep[] steps = NO_STEPS;

  int stepCount;
  private List<ClaimWarning> warnings;

  LineWork(int index, BilledLine billed) {
    this.index = index;
    this.billed = billed;
    this.line = billed.line();
    this.modifiers = decode(line.modifiers());
  }

  private static int decode(List<Modifier> modifiers) {
    int bits = 0;
    for (int i = 0; i < modifiers.size(); i++) {
      bits |= bit(modifiers.get(i));
    }
    return bits;
  }

  private static int bit(Modifier m) {
    if (m == Modifier.INCREASED_SERVICES) {
      return M22;
    } else if (m == Modifier.SEPARATE_EM) {
      return M25;
    } else if (m == Modifier.BILATERAL) {
      return M50;
    } else if (m == Modifier.MULTIPLE_PROCEDURES) {
      return M51;
    } else if (m == Modifier.REDUCED_SERVICES) {
      return M52;
    } else if (m == Modifier.SURGICAL_CARE_ONLY) {
      return M54;
    } else if (m == Modifier.POSTOPERATIVE_CARE_ONLY) {
      return M55;
    } else if (m == Modifier.PREOPERATIVE_CARE_ONLY) {
      return M56;
    } else if (m == Modifier.CO_SURGEONS) {
      return M62;
    } else if (m == Modifier.TEAM_SURGERY) {
      return M66;
    } else if (m == Modifier.ASSISTANT_SURGEON) {
      return M80;
    } else if (m == Modifier.MINIMUM_ASSISTANT_SURGEON) {
      return M81;
    } else if (m == Modifier.ASSISTANT_SURGEON_NO_RESIDENT) {
      return M82;
    } else if (m == Modifier.NON_PHYSICIAN_ASSISTANT) {
      return MAS;
    } else if (m == Modifier.LEFT_SIDE) {
      return MLT;
    } else if (m == Modifier.RIGHT_SIDE) {
      return MRT;
    }
    return 0;
  }

  boolean has(int modifierBits) {
    return (modifiers & modifierBits) != 0;
  }

  /** Tells whether the line still has an amount (it was priced and not refused since). */
  boolean isPriced() {
    return amount != null;
  }

  /** Tells whether the priced row is an add-on code, global period ZZZ. */
  boolean isAddOn() {
    return indicators != null && indicators.globalPeriod() == GlobalPeriod.ADD_ON;
  }

  /** Returns "line N" with N counted from 1, as explanations name lines. */
  String name() {
    return "line " + (index + 1);
  }

  /** Starts the line from the fee schedule's row and exact amount of one unit. */
  void start(RvuEntry row, FeeCalculation fee) {
    this.entry = row;
    this.indicators = row.indicators();
    this.calculation = fee;
    this.unitFee = fee.exactAmount();
    this.amount = unitFee;
  }

  /** Multiplies the per-line factors by {@code factor} and records the step. */
  void scale(BigDecimal factor, ClaimRule rule, Supplier<String> description) {
    scale = Amounts.times(scale, factor);
    set(Amounts.times(unitFee, scale), rule, description);
  }

  /** Sets the exact amount and records the step that set it. */
  void set(BigDecimal newAmount, ClaimRule rule, Supplier<String> description) {
    amount = newAmount;
    addStep(new PendingStep(rule, newAmount, description));
  }

  /** Records a step that leaves the amount unchanged. */
  void note(ClaimRule rule, Supplier<String> description) {
    addStep(new PendingStep(rule, null, description));
  }

  private void addStep(PendingStep step) {
    if (stepCount == steps.length) {
      steps = stepCount == 0 ? new PendingStep[4] : Arrays.copyOf(steps, stepCount * 2);
    }
    steps[stepCount++] = step;
  }

  /** Records a warning, which the explanation shows too. */
  void warn(ClaimWarning.Kind kind, ClaimRule rule, String message) {
    if (warnings == null) {
      warnings = new ArrayList<>(2);
    }
    warnings.add(ClaimWarning.of(kind, rule, message));
    note(rule, () -> "warning: " + message);
  }

  /** Ends the line without an amount, for {@code reason}, decided by {@code rule}. */
  void refuse(UnpricedReason why, ClaimRule rule, String words) {
    amount = null;
    reason = why;
    refusedBy = rule;
    detail = words;
  }

  ImmutableList<ClaimWarning> warnings() {
    return warnings == null ? ImmutableList.of() : ImmutableList.copyOf(warnings);
  }

  /** Returns the row modifier (26, TC or 53) of the priced row, if any. */
  Optional<Modifier> rowModifier() {
    return entry.modifier();
  }

  /**
   * Orders lines by a key that does not depend on their position unless they are identical: code,
   * then modifiers as billed, then units, then billed charge (none first), then position. Ties in
   * every ranking are broken by this order, so the amounts a claim's lines get do not depend on the
   * order they were billed in.
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
    return Integer.compare(a.index, b.index);
  }
}
