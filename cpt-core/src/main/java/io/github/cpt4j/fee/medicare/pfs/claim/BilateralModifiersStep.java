package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M50;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.MLT;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.MRT;

import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.PaymentEffect;

/**
 * Whether a line's bilateral modifiers are allowed (column BILAT SURG): 50 with LT or RT on one
 * line, 50 on BILAT SURG 9, or a bilateral line of more than 1 unit (other than a modifier 55 line,
 * whose units are days, and an add-on's, whose units are levels done on both sides) is refused,
 * {@link UnpricedReason#MODIFIER_NOT_ALLOWED}. Name {@code bilateral-modifiers}; refusals carry
 * rule id {@code bilateral}. The refusals name the line's bilateral modifier as the pricer's
 * registry knows it: 50, or a payer's own.
 *
 * <p>No {@link LineStep}: a line's words need the claim's registry, which a line step is not given.
 */
final class BilateralModifiersStep implements ClaimStep {

  static final String NAME = "bilateral-modifiers";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void apply(ClaimState claim) {
    for (LineWork w : claim.lines) {
      if (w.isPricedBySchedule()) {
        apply(w, claim.modifiers);
      }
    }
  }

  private static void apply(LineWork w, ModifierRegistry registry) {
    PaymentIndicators ind = w.indicators;
    boolean bothSides = w.has(M50) || w.has(MLT) && w.has(MRT);
    if (w.has(M50) && w.has(MLT | MRT)) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.BILATERAL,
          w.billedModifier(PaymentEffect.BILATERAL, registry)
              + " reports both sides; LT or RT on the same line contradicts it ("
              + w.line
              + ")");
      return;
    }
    if (w.has(M50) && ind.bilateral() == BilateralRule.NOT_APPLICABLE) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.BILATERAL,
          "BILAT SURG 9: the"
              + " bilateral concept does not apply to "
              + w.line.code()
              + ", so "
              + w.billedModifier(PaymentEffect.BILATERAL, registry)
              + " is not allowed");
      return;
    }
    // A modifier 55 line's units are the postoperative days managed, of one procedure (see
    // SplitCareStep): 45 units with 50 are both sides' care for 45 days, not 45 procedures. An
    // add-on's units count its levels: 2 units with 50 are two levels, each on both sides (see
    // BilateralStep).
    if (bothSides
        && w.line.units() > 1
        && !w.isPostoperativeDays()
        && !w.isAddOn()
        && ind.bilateral() != BilateralRule.NOT_APPLICABLE) {
      w.refuse(
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.BILATERAL,
          "a bilateral"
              + " procedure billed with "
              + (w.has(M50) ? w.billedModifier(PaymentEffect.BILATERAL, registry) : "LT and RT")
              + " on one line is 1 unit, not "
              + w.line.units());
      return;
    }
  }
}
