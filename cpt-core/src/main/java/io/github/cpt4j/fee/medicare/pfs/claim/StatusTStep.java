package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;

/**
 * Status T: a service paid only when no other payable fee-schedule service (priced,
 * contractor-priced or by report) is on the claim; otherwise it is bundled into that service. Other
 * status T services do not count, or two of them would bundle each other away. Rule id {@code
 * status-t}.
 */
final class StatusTStep implements ClaimStep {

  @Override
  public String name() {
    return ClaimRule.STATUS_T.id();
  }

  @Override
  public void apply(ClaimState claim) {
    LineWork[] lines = claim.lines;
    boolean any = false;
    for (LineWork w : lines) {
      any |= isStatusT(w);
    }
    if (!any) {
      return;
    }
    LineWork other = null;
    for (LineWork w : lines) {
      if (!isStatusT(w) && w.isPayable() && (other == null || LineWork.compareKeys(w, other) < 0)) {
        other = w;
      }
    }
    for (LineWork w : lines) {
      if (!isStatusT(w) || !w.isPricedBySchedule()) {
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
      }
    }
  }

  private static boolean isStatusT(LineWork w) {
    return w.entry != null && w.entry.status() == PaymentStatus.T;
  }
}
