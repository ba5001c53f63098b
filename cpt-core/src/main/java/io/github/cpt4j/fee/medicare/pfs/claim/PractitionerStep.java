package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.PractitionerType;

/**
 * A non-physician practitioner is paid a share of the fee schedule amount: 85% for a nurse
 * practitioner, clinical nurse specialist or physician assistant, 75% for a clinical social worker,
 * and so on ({@link PractitionerType#medicareShare()}, each with its section of the Claims
 * Processing Manual). The share multiplies the posted fee like every other percentage; the line is
 * rounded once at the end. A line with modifier AS (a non-physician assistant at surgery) is left
 * alone: its 13.6% is already 85% of the assistant's 16%. Rule id {@code practitioner}.
 */
final class PractitionerStep extends LineStep {

  PractitionerStep() {
    super(ClaimRule.PRACTITIONER.id());
  }

  @Override
  public void apply(ClaimState claim) {
    if (claim.context.practitioner().isReduced()) {
      super.apply(claim);
    }
  }

  @Override
  void apply(LineWork w) {
    PractitionerType type = w.context().practitioner();
    if (w.has(LineWork.MAS)) {
      w.note(
          ClaimRule.PRACTITIONER,
          () ->
              type.words()
                  + ": no share applied, modifier AS already pays a non-physician 85% of the"
                  + " assistant's 16%");
    } else {
      w.scale(
          type.medicareShare(),
          ClaimRule.PRACTITIONER,
          () ->
              Amounts.percent(type.medicareShare())
                  + " for a "
                  + type.words()
                  + " ("
                  + type.medicareSource()
                  + ")");
    }
  }
}
