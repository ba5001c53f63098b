package io.github.cpt4j.fee.medicare.pfs.claim;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.LimitingCharge;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The limiting charges of a claim's lines priced for them (participating, no billed charge
 * compared: {@link ClaimState#pricesLimitingCharges()}): each line's exact amount multiplied once
 * the claim steps are done ({@link #multiply}), then the answer for a practitioner paid only on
 * assignment ({@link #of}), as {@link MedicareFeeSchedule#limitingCharge} answers for a line alone.
 */
final class LimitingCharges {

  private LimitingCharges() {}

  /**
   * Multiplies the exact amount of every priced line of {@code state}, priced for its limiting
   * charges, by {@link MedicareFeeSchedule#LIMITING_CHARGE_FACTOR}, with the step {@link
   * LimitingCharge#of} records for a line alone: after every claim step, before an LT and RT pair
   * is rounded, so that the pair's limiting charge is rounded once, as its payment is. An
   * anesthesia line's amount is rounded to cents first, as {@link LimitingCharge#ofAnesthesia}
   * does.
   */
  static void multiply(ClaimState state) {
    state.procedures(); // formed, so that each line of one knows it
    for (LineWork w : state.lines) {
      if (!w.hasAmount()) {
        continue;
      }
      if (w.anesthesia != null) {
        // An anesthesia line's fee schedule amount is in cents, as the PFS's posted fee is: its
        // limiting charge is 115% of 95% of that (LimitingCharge.ofAnesthesia).
        BigDecimal cents = w.amount.setScale(FeeResult.CENTS, FeeResult.ROUNDING);
        if (cents.compareTo(w.amount) != 0) {
          w.set(
              cents, AnesthesiaFeeSchedule.PAID_ROUNDED, () -> LimitingCharge.ANESTHESIA_IN_CENTS);
        }
        // 01953's units are each paid as a line of one, and each limited as one is; w.line has
        // the units an edit left.
        Optional<PricingStep> each = LimitingCharge.ofEachUnit(w.line, w.amount);
        if (each.isPresent() && w.procedure == null) {
          PricingStep step = each.get();
          w.set(step.amountAfter().orElseThrow(), LimitingCharge.RULE, step::description);
          continue;
        }
      }
      BigDecimal limit = Amounts.times(w.amount, MedicareFeeSchedule.LIMITING_CHARGE_FACTOR);
      if (w.procedure == null) {
        w.set(limit, LimitingCharge.RULE, () -> LimitingCharge.DESCRIPTION); // anesthesia
      } else {
        // The procedure's amount follows its lines', as the pair's rounding reads it.
        w.procedure.setLine(w, limit, LimitingCharge.RULE, () -> LimitingCharge.DESCRIPTION);
      }
    }
  }

  /**
   * Tells whether a line of {@code lines} is furnished by a practitioner paid only on assignment:
   * of such a type in {@code context}, or whose line's modifier (AS, QZ, QX) says so ({@link
   * LimitingCharge#paidOnlyOnAssignment}).
   */
  static boolean anyPaidOnlyOnAssignment(List<PricedLine> lines, PricingContext context) {
    for (PricedLine line : lines) {
      BilledLine billed = line.billed();
      if (LimitingCharge.paidOnlyOnAssignment(billed.line(), practitionerOf(billed, context))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the limiting charge of each line of {@code participating}, the lines as priced for
   * their limiting charges (already 109.25%: {@link #multiply}): the line itself, or for a line of
   * a practitioner paid only on assignment (by type or by modifier: {@link
   * LimitingCharge#paidOnlyOnAssignment}) that {@code approved} (the same lines priced in {@code
   * context} as given; null when no line is such a practitioner's) prices, none, with the approved
   * amount.
   */
  static ImmutableList<PricedLine> of(
      List<PricedLine> participating, List<PricedLine> approved, PricingContext context) {
    ImmutableList.Builder<PricedLine> lines =
        ImmutableList.builderWithExpectedSize(participating.size());
    for (int i = 0; i < participating.size(); i++) {
      lines.add(of(participating.get(i), approved == null ? null : approved.get(i), context));
    }
    return lines.build();
  }

  private static PricedLine of(PricedLine line, PricedLine approved, PricingContext context) {
    BilledLine billed = line.billed();
    PractitionerType practitioner = practitionerOf(billed, context);
    if (LimitingCharge.paidOnlyOnAssignment(billed.line(), practitioner)
        && approved != null
        && approved.result() instanceof FeeResult.Priced amount) {
      return PricedLine.of(
          line.index(),
          line.lineNumber(),
          billed,
          LimitingCharge.assignmentRequired(billed.line(), practitioner, amount),
          Optional.of(LimitingCharge.RULE),
          approved.warnings());
    }
    // Already the limiting charge: the line's exact amount after every claim rule, multiplied
    // (multiply), then rounded once, at the end, or once for an LT and RT pair.
    return line;
  }

  /**
   * Who furnished {@code line}: its rendering provider's type in {@code context}, or the claim's.
   */
  private static PractitionerType practitionerOf(BilledLine line, PricingContext context) {
    return line.renderingProvider()
        .map(context::forRenderingProvider)
        .orElse(context)
        .practitioner();
  }
}
