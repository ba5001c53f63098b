package io.github.cpt4j.fee.medicare.partb;

import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.LimitingCharge;

/**
 * The limiting charge of a Part B line the Physician Fee Schedule does not pay: there is none. The
 * limiting charge of Social Security Act §1848(g)(2) is of the services that schedule pays; the
 * others are paid only on assignment, or have no limit on what a supplier bills.
 */
final class NoLimitingCharge {

  private NoLimitingCharge() {}

  /**
   * Returns the answer for the limiting charge of a line {@code payer} (the laboratory, DMEPOS or
   * drug schedule) pays {@code approved}: unpriced, with that approved amount in its detail and
   * explanation.
   */
  static FeeResult of(PartBPayer payer, FeeResult.Priced approved) {
    return switch (payer) {
      // Payment "may be made only on the basis of an assignment": §1833(h)(5)(C).
      case CLINICAL_LABORATORY ->
          LimitingCharge.assignmentRequired(
              "a clinical laboratory test", "Social Security Act §1833(h)(5)(C)", approved);
      // Drugs and biologicals paid by ASP "only on an assignment-related basis": §1842(o)(3).
      case DRUGS ->
          LimitingCharge.assignmentRequired(
              "a Part B drug", "Social Security Act §1842(o)(3)", approved);
      // A supplier who declines assignment bills what it will: no law caps it.
      case DMEPOS ->
          FeeResult.unpriced(
              UnpricedReason.NO_LIMITING_CHARGE,
              "DMEPOS has no limiting charge: the law limits what non-participating"
                  + " physicians charge for services paid under the Physician Fee Schedule"
                  + " (Social Security Act §1848(g)), not what a supplier charges for an item"
                  + " paid under §1834; the approved amount is "
                  + approved.roundedAmount().toPlainString(),
              approved::explanation);
      case PHYSICIAN_FEE_SCHEDULE, ANESTHESIA ->
          throw new IllegalArgumentException(payer.words() + " has a limiting charge: " + approved);
    };
  }
}
