package io.github.cpt4j.fee.medicare.pfs.claim;

/**
 * A standard step that judges each priced line on its own, without looking at the claim's other
 * lines: the modifier checks and the line-level payment shares. The loop over the claim lives here
 * once; a subclass says what happens to one line. Lines already refused (by the fee schedule, an
 * edit or an earlier step) are skipped.
 */
abstract class LineStep implements ClaimStep {

  private final String name;

  LineStep(String name) {
    this.name = name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public void apply(ClaimState claim) {
    for (LineWork w : claim.lines) {
      if (w.isPricedBySchedule()) {
        apply(w);
      }
    }
  }

  /** Applies the rule to one priced line. */
  abstract void apply(LineWork line);
}
