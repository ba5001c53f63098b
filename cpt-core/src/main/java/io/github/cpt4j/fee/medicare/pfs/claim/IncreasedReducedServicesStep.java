package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M22;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M52;

import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.UnpricedReason;

/**
 * Modifiers 22 and 52: the line is ranked like any other, then {@link
 * UnpricedReason#CARRIER_PRICED}: the contractor adjusts the amount, which the detail shows in
 * cents, rounded half-up as the line would have been paid (Medicare Claims Processing Manual,
 * chapter 12, section 20.4.6, payment for unusual circumstances, modifiers 22 and 52). Rule id
 * {@code increased-reduced-services}.
 */
final class IncreasedReducedServicesStep implements ClaimStep {

  @Override
  public String name() {
    return ClaimRule.INCREASED_OR_REDUCED_SERVICES.id();
  }

  @Override
  public void apply(ClaimState claim) {
    LineWork[] lines = claim.lines;
    for (LineWork w : lines) {
      if (w.isPricedBySchedule() && w.has(M22 | M52)) {
        String which =
            w.has(M22) ? "modifier 22 (increased services)" : "modifier 52 (reduced services)";
        w.refuse(
            UnpricedReason.CARRIER_PRICED,
            ClaimRule.INCREASED_OR_REDUCED_SERVICES,
            which
                + ": the contractor adjusts the amount, from "
                // In cents, as the line would have been paid: 95% of 1197.89, 1137.9955, is
                // no amount a contractor starts from.
                + w.amount.setScale(FeeResult.CENTS, FeeResult.ROUNDING).toPlainString()
                + " after the rules above, case by case");
      }
    }
  }
}
