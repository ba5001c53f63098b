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
      w.note(
          ClaimRule.FEE_SCHEDULE,
          () -> "modifier 25: a significant, separately identifiable visit, no adjustment");
    }
    if (w.has(M51)) {
      w.note(
          ClaimRule.MULTIPLE_PROCEDURE,
          () -> "modifier 51 is informational: the MULT PROC indicator decides any reduction");
    }
  }
}
