package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Anesthesia lines (Medicare Claims Processing Manual, chapter 12, section 50) are priced by the
 * schedule's anesthesia schedule as one session and take no part in the surgical rules: each priced
 * line has the session's amount from the start of the claim steps (so that a payer's step anywhere
 * sees it), and this step pays the lower of that amount, as the steps before it left it, and the
 * billed charge. Rule id {@code anesthesia}; the charge comparison carries {@code billed-charge},
 * and is left out when the claim is priced for its limiting charges ({@link
 * ClaimState#pricesLimitingCharges()}).
 */
final class AnesthesiaStep implements ClaimStep {

  @Override
  public String name() {
    return ClaimRule.ANESTHESIA.id();
  }

  @Override
  public void apply(ClaimState claim) {
    warnOfMixedRoles(claim.lines);
    if (claim.limitingCharges) {
      return; // the limiting charge caps what is billed: the charge does not cap it
    }
    for (LineWork w : claim.lines) {
      if (w.anesthesia == null || !w.hasAmount()) {
        continue;
      }
      Optional<BigDecimal> charge = w.billed.charge();
      if (charge.isPresent() && charge.get().compareTo(w.amount) < 0) {
        BigDecimal lower = charge.get();
        w.set(
            lower,
            ClaimRule.BILLED_CHARGE,
            () -> "the billed charge " + lower.toPlainString() + " is lower");
      } else if (charge.isPresent()) {
        w.note(
            ClaimRule.BILLED_CHARGE,
            () -> "the billed charge " + charge.get().toPlainString() + " is not lower");
      }
    }
  }

  /**
   * Turns the schedule's {@link AnesthesiaFeeSchedule#MIXED_ROLES} step into a warning on the paid
   * line. Only a session of several lines can have one, and only then are the paid lines'
   * explanations read: the words of a lone line's are written only if someone asks.
   */
  private static void warnOfMixedRoles(LineWork[] lines) {
    boolean merged = false;
    for (LineWork w : lines) {
      merged |= w.anesthesia != null && w.reason == UnpricedReason.NOT_PAYABLE_ON_CLAIM;
    }
    if (!merged) {
      return;
    }
    for (LineWork w : lines) {
      if (w.anesthesia == null || w.reason != null || !w.anesthesia.isPriced()) {
        continue;
      }
      for (PricingStep step : w.anesthesia.explanation().steps()) {
        if (step.rule().equals(AnesthesiaFeeSchedule.MIXED_ROLES)) {
          w.warn(
              ClaimWarning.Kind.ANESTHESIA_ROLES_DIFFER, ClaimRule.ANESTHESIA, step.description());
        }
      }
    }
  }
}
