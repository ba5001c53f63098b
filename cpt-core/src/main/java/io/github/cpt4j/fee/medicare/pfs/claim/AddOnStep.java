package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.ClaimWarning;

/**
 * Add-on codes (global ZZZ) billed without a primary service get an {@link
 * ClaimWarning.Kind#ADD_ON_WITHOUT_PRIMARY} warning and are still priced. The relative value file
 * does not say which codes are an add-on's primaries, so any payable line that is not itself an
 * add-on counts; a warning, not a refusal, because the primary may be on another provider's claim.
 * Rule id {@code add-on}.
 */
final class AddOnStep implements ClaimStep {

  @Override
  public String name() {
    return ClaimRule.ADD_ON.id();
  }

  @Override
  public void apply(ClaimState claim) {
    LineWork[] lines = claim.lines;
    boolean primary = false;
    boolean addOn = false;
    for (LineWork w : lines) {
      if (w.isAddOn()) {
        addOn = true;
      } else if (w.isPayable()) {
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
        w.note(WITH_PRIMARY);
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

  /** The same words on every add-on line: one step for all of them (issue 18). */
  private static final PendingStep WITH_PRIMARY =
      PendingStep.sharedNote(
          ClaimRule.ADD_ON,
          w ->
              "add-on code (global ZZZ): never ranked as a primary"
                  + " procedure, exempt from the multiple-procedure reduction");
}
