package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M22;

import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import java.math.BigDecimal;

/**
 * The last rules of a line: modifiers 22 and 52 hand the amount to the contractor, and Medicare
 * pays the lower of the billed charge and the adjusted amount.
 *
 * <p>For an LT and RT pair billed as one bilateral procedure with indicator 0, 1 or 2, CMS compares
 * the pair's amount with the total charge for both sides. The pair is then paid the lower of the
 * two, shared so that no side gets more than its own charge: the side with the lower charge (a
 * missing charge counts as unlimited) gets the lower of its charge and half the amount, the other
 * side the rest, at most its charge. With indicator 3 each side is compared with its own charge, as
 * CMS says.
 */
final class FinalRules {

  private FinalRules() {}

  static void apply(LineWork[] lines) {
    for (LineWork w : lines) {
      if (w.isPriced() && w.carrierAdjusted) {
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
    for (LineWork w : lines) {
      if (!w.isPriced()) {
        continue;
      }
      Procedure p = w.procedure;
      if (p.isPair() && p.indicators().bilateral() != BilateralRule.PAY_EACH_SIDE) {
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
      w.set(
          charge,
          ClaimRule.BILLED_CHARGE,
          () -> "the billed charge " + charge.toPlainString() + " is lower");
    } else {
      w.note(
          ClaimRule.BILLED_CHARGE,
          () -> "the billed charge " + charge.toPlainString() + " is not lower");
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
    if (higherPaid.compareTo(half) != 0) {
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
