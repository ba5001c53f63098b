package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M22;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M52;

import io.github.cpt4j.fee.UnpricedReason;

/**
 * Modifiers 22 and 52: the line is ranked like any other, then {@link
 * UnpricedReason#CARRIER_PRICED}: the contractor adjusts the amount, which the detail shows
 * (Medicare Claims Processing Manual, chapter 12, section 20.4.6, payment for unusual
 * circumstances, modifiers 22 and 52). Rule id {@code increased-reduced-services}.
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
                + Amounts.plain(w.amount)
                + " after the rules above, case by case");
      }
    }
  }
}
