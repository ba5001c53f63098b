package io.github.cpt4j.fee.medicare.pfs.claim;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Anesthesia lines (Medicare Claims Processing Manual, chapter 12, section 50) are priced by the
 * schedule's anesthesia schedule as one session and take no part in the surgical rules; this step
 * gives each priced anesthesia line its amount back, then the lower of the billed charge. Rule id
 * {@code anesthesia}; the charge comparison carries {@code billed-charge}.
 */
final class AnesthesiaStep implements ClaimStep {

  @Override
  public String name() {
    return ClaimRule.ANESTHESIA.id();
  }

  @Override
  public void apply(ClaimState claim) {
    for (LineWork w : claim.lines) {
      if (w.anesthesia == null || w.reason != null || !w.anesthesia.isPriced()) {
        continue;
      }
      w.amount = w.anesthesia.exactAmount().orElseThrow();
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
}
