package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M25;
import static io.github.cpt4j.fee.medicare.pfs.claim.LineWork.M51;

/**
 * Modifiers 25 and 51 change no amount: 25 marks a separately identifiable visit, and 51 is
 * informational because the MULT PROC indicator decides any reduction. The explanation says so, so
 * that nobody wonders whether they were applied. Name {@code informational-modifiers}.
 */
final class InformationalModifiersStep extends LineStep {

  static final String NAME = "informational-modifiers";

  InformationalModifiersStep() {
    super(NAME);
  }

  @Override
  void apply(LineWork w) {
    if (w.has(M25)) {
      w.note(SEPARATE_VISIT);
    }
    if (w.has(M51)) {
      w.note(MULTIPLE_PROCEDURES);
    }
  }

  // Words that are the same on every line: one step for all of them (issue 18).

  private static final PendingStep SEPARATE_VISIT =
      PendingStep.sharedNote(
          ClaimRule.FEE_SCHEDULE,
          w -> "modifier 25: a significant, separately identifiable visit, no adjustment");

  private static final PendingStep MULTIPLE_PROCEDURES =
      PendingStep.sharedNote(
          ClaimRule.MULTIPLE_PROCEDURE,
          w -> "modifier 51 is informational: the MULT PROC indicator decides any reduction");
}
