package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;

/**
 * The rules that look at whether anything else on the claim is paid: status T services, and add-on
 * codes billed without a primary service.
 */
final class ClaimWideRules {

  private ClaimWideRules() {}

  /**
   * Tells whether the payer pays something for {@code w}: an amount, or an amount the contractor
   * sets (contractor-priced, by report).
   */
  static boolean isPayable(LineWork w) {
    return w.isPriced()
        || w.reason == UnpricedReason.CARRIER_PRICED
        || w.reason == UnpricedReason.PRICED_BY_REPORT;
  }

  /**
   * Status T: a service paid only when no other payable fee-schedule service is on the claim;
   * otherwise it is bundled into that service. Other status T services do not count, or two of them
   * would bundle each other away.
   */
  static void applyStatusT(LineWork[] lines) {
    boolean any = false;
    for (LineWork w : lines) {
      any |= isStatusT(w);
    }
    if (!any) {
      return;
    }
    LineWork other = null;
    for (LineWork w : lines) {
      if (!isStatusT(w) && w.payable && (other == null || LineWork.compareKeys(w, other) < 0)) {
        other = w;
      }
    }
    for (LineWork w : lines) {
      if (!isStatusT(w) || !w.isPriced()) {
        continue;
      }
      if (other == null) {
        w.note(
            ClaimRule.STATUS_T,
            () -> "status T: no other payable service is on the claim," + " so it is paid");
      } else {
        w.refuse(
            UnpricedReason.NOT_PAYABLE_ON_CLAIM,
            ClaimRule.STATUS_T,
            "status T: paid only"
                + " when no other payable service is on the claim; bundled into "
                + other.line.code()
                + " ("
                + other.name()
                + ")");
        w.payable = false;
      }
    }
  }

  private static boolean isStatusT(LineWork w) {
    return w.entry != null && w.entry.status() == PaymentStatus.T;
  }

  /**
   * Flags add-on codes (global ZZZ) billed without a primary service. The relative value file does
   * not say which codes are an add-on's primaries, so any payable line that is not itself an add-on
   * counts. A warning, not a refusal: the primary may be on another provider's claim.
   */
  static void flagAddOnsWithoutPrimary(LineWork[] lines) {
    boolean primary = false;
    boolean addOn = false;
    for (LineWork w : lines) {
      if (w.isAddOn()) {
        addOn = true;
      } else if (w.payable) {
        primary = true;
      }
    }
    if (!addOn) {
      return;
    }
    for (LineWork w : lines) {
      if (!w.isAddOn()) {
        continue;
      }
      if (primary) {
        w.note(
            ClaimRule.ADD_ON,
            () ->
                "add-on code (global ZZZ): never ranked as a primary"
                    + " procedure, exempt from the multiple-procedure reduction");
      } else {
        w.warn(
            ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY,
            ClaimRule.ADD_ON,
            "add-on code "
                + w.line.code()
                + " (global ZZZ) is billed without a primary service on the claim");
      }
    }
  }
}
