package io.github.cpt4j.fee.medicare.pfs.claim;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.pfs.LimitingCharge;
import java.util.List;
import java.util.Optional;

/**
 * Turns a claim's lines priced for their limiting charges (participating, no billed charge
 * compared: {@link ClaimState#pricesLimitingCharges()}) into each line's limiting charge, as {@link
 * io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule#limitingCharge} answers for a line alone.
 */
final class LimitingCharges {

  private LimitingCharges() {}

  /**
   * Tells whether a line of {@code lines} is furnished by a practitioner paid only on assignment.
   */
  static boolean anyPaidOnlyOnAssignment(List<PricedLine> lines, PricingContext context) {
    for (PricedLine line : lines) {
      if (practitionerOf(line.billed(), context).mustAcceptAssignment()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the limiting charge of each line of {@code participating}: 109.25% of its amount, or
   * for a line of a practitioner paid only on assignment that {@code approved} (the same lines
   * priced in {@code context} as given; null when no line is such a practitioner's) prices, none,
   * with the approved amount.
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
    PractitionerType practitioner = practitionerOf(line.billed(), context);
    if (practitioner.mustAcceptAssignment()
        && approved != null
        && approved.result() instanceof FeeResult.Priced amount) {
      return PricedLine.of(
          line.index(),
          line.lineNumber(),
          line.billed(),
          LimitingCharge.assignmentRequired(practitioner, amount),
          Optional.of(LimitingCharge.RULE),
          approved.warnings());
    }
    // The line's exact amount after every claim rule, multiplied: rounded once, at the end.
    return PricedLine.of(
        line.index(),
        line.lineNumber(),
        line.billed(),
        LimitingCharge.of(line.result()),
        line.refusedBy(),
        line.warnings());
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
