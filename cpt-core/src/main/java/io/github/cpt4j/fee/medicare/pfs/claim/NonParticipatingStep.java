package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;

/**
 * Non-participating providers are paid 95% of the fee schedule amount (Medicare Claims Processing
 * Manual, chapter 12, section 20.4.1, the participating versus non-participating differential;
 * limiting charge aside). Rule id {@code non-participating}.
 */
final class NonParticipatingStep extends LineStep {

  NonParticipatingStep() {
    super(ClaimRule.NON_PARTICIPATING.id());
  }

  @Override
  public void apply(ClaimState claim) {
    if (!claim.context.participating()) {
      super.apply(claim);
    }
  }

  @Override
  void apply(LineWork w) {
    w.scale(
        MedicareFeeSchedule.NON_PARTICIPATING_FACTOR,
        ClaimRule.NON_PARTICIPATING,
        () -> "95% for a non-participating provider");
  }
}
