package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * The last rule of a line: Medicare pays the lower of the billed charge and the adjusted amount
 * (the RVU file's record layout, RVU25D: its payment rules base the payment on the lower of the
 * actual charge and the fee schedule amount). Rule id {@code billed-charge}.
 *
 * <p>For an LT and RT pair billed as one bilateral procedure with indicator 0, 1 or 2, CMS compares
 * the pair's amount with the total charge for both sides. The pair is then paid the lower of the
 * two, shared so that no side gets more than its own charge: the side with the lower charge (a
 * missing charge counts as unlimited) gets the lower of its charge and half the amount, the other
 * side the rest, at most its charge. With indicator 3 each side is compared with its own charge, as
 * CMS says. So is the one side a pair still pays when the other is left to the contractor (22 or 52
 * on it): that side's half against its own charge.
 *
 * <p>Nothing is compared when the claim is priced for its limiting charges ({@link
 * ClaimState#pricesLimitingCharges()}).
 */
final class BilledChargeStep implements ClaimStep {

  @Override
  public String name() {
    return ClaimRule.BILLED_CHARGE.id();
  }

  @Override
  public void apply(ClaimState claim) {
    if (claim.limitingCharges) {
      return; // the limiting charge caps what is billed: the charge does not cap it
    }
    LineWork[] lines = claim.lines;
    claim.procedures();
    for (LineWork w : lines) {
      if (!w.isPricedBySchedule()) {
        continue;
      }
      Procedure p = w.procedure;
      if (p != null
          && p.isPair()
          && p.indicators().bilateral() != BilateralRule.PAY_EACH_SIDE
          && p.line.isPricedBySchedule()
          && p.other.isPricedBySchedule()) {
        if (w == p.line) {
          lowerOfPairCharges(p);
        }
      } else if (w.billed.charge().isPresent()) {
        lowerOfCharge(w, w.billed.charge().get());
      }
    }
  }

  private static void lowerOfCharge(LineWork w, BigDecimal charge) {
    if (charge.compareTo(w.amount) < 0) {
      w.set(charge, ClaimRule.BILLED_CHARGE, new ChargeIsLower(charge));
    } else {
      w.note(CHARGE_IS_NOT_LOWER);
    }
  }

  /** The words are written from the line's own charge: one object for every line (issue 18). */
  private static final PendingStep CHARGE_IS_NOT_LOWER =
      PendingStep.sharedNote(
          ClaimRule.BILLED_CHARGE,
          w ->
              "the billed charge "
                  + w.billed.charge().orElseThrow().toPlainString()
                  + " is not lower");

  // The words of a lower charge as a small class rather than a lambda (issue 18): a lambda is
  // allocated through a method-handle chain that the JIT does not always inline into the large
  // compiled claim pipeline; then each allocation became a call. Alternating builds in one
  // session, a five-line claim took 656 instead of 684 ns of CPU. The words of a charge that is
  // not lower, nearly every line's, are one shared note.

  private record ChargeIsLower(BigDecimal charge) implements Supplier<String> {
    @Override
    public String get() {
      return "the billed charge " + charge.toPlainString() + " is lower";
    }
  }

  private static void lowerOfPairCharges(Procedure p) {
    BigDecimal first = p.line.billed.charge().orElse(null);
    BigDecimal second = p.other.billed.charge().orElse(null);
    if (first == null && second == null) {
      return;
    }
    boolean firstIsLower = second == null || first != null && first.compareTo(second) <= 0;
    LineWork lower = firstIsLower ? p.line : p.other;
    LineWork higher = firstIsLower ? p.other : p.line;
    BigDecimal lowerCharge = firstIsLower ? first : second;
    BigDecimal higherCharge = firstIsLower ? second : first;
    BigDecimal pair = p.amount;
    BigDecimal half = lower.amount;
    BigDecimal lowerPaid = Amounts.min(half, lowerCharge);
    BigDecimal rest = pair.subtract(lowerPaid);
    BigDecimal higherPaid = higherCharge == null ? rest : Amounts.min(rest, higherCharge);
    String charges =
        (first == null ? "no charge" : first.toPlainString())
            + " and "
            + (second == null ? "no charge" : second.toPlainString());
    if (lowerPaid.compareTo(half) < 0) {
      lower.set(
          lowerPaid,
          ClaimRule.BILLED_CHARGE,
          () ->
              "the bilateral pair is billed "
                  + charges
                  + "; this side's charge "
                  + lowerCharge.toPlainString()
                  + " is lower than its half");
    } else {
      lower.note(
          ClaimRule.BILLED_CHARGE,
          () ->
              "the bilateral pair is billed "
                  + charges
                  + "; this side's charge is not lower than its half");
    }
    if (higherPaid.compareTo(higher.amount) != 0) {
      higher.set(
          higherPaid,
          ClaimRule.BILLED_CHARGE,
          () ->
              "the bilateral pair is paid the"
                  + " lower of its charges ("
                  + charges
                  + ") and its amount "
                  + Amounts.plain(pair)
                  + ": this side gets what the other side's charge leaves, at most its own charge");
    } else {
      higher.note(
          ClaimRule.BILLED_CHARGE,
          () ->
              "the bilateral pair is billed "
                  + charges
                  + "; this side's charge is not lower than its half");
    }
  }
}
