package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;

/**
 * Non-participating providers are paid 95% of the fee schedule amount (Medicare Claims Processing
 * Manual, chapter 12, section 20.4.3; limiting charge aside). Rule id {@code non-participating}.
 */
final class NonParticipatingStep implements ClaimStep {

  @Override
  public String name() {
    return ClaimRule.NON_PARTICIPATING.id();
  }

  @Override
  public void apply(ClaimState claim) {
    if (claim.context.participating()) {
      return;
    }
    for (LineWork w : claim.lines) {
      if (w.isPriced()) {
        w.scale(
            MedicareFeeSchedule.NON_PARTICIPATING_FACTOR,
            ClaimRule.NON_PARTICIPATING,
            () -> "95% for a non-participating provider");
      }
    }
  }
}
