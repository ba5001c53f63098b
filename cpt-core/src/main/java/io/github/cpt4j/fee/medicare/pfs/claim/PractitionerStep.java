package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A non-physician practitioner is paid a share of the fee schedule amount: 85% for a nurse
 * practitioner, clinical nurse specialist or physician assistant, 75% for a clinical social worker,
 * and so on ({@link PractitionerType#medicareShare()}, each with its section of the Claims
 * Processing Manual). The share multiplies the posted fee like every other percentage; the line is
 * rounded once at the end. A line with modifier AS (a non-physician assistant at surgery) is left
 * alone: its 13.6% is already 85% of the assistant's 16%. Rule id {@code practitioner}.
 *
 * <p>A line with modifier CQ or CO, a therapy service furnished in whole or in part by a physical
 * or occupational therapy assistant, is paid 85% of the amount otherwise paid from 1 January 2022
 * (Social Security Act section 1834(v)(1); the modifiers were reported from 2020 without a
 * reduction): the share of {@link PractitionerType#THERAPY_ASSISTANT}, line by line, whoever bills
 * the claim. A claim priced for a therapy assistant already has that share on every line, and CQ or
 * CO does not take it twice.
 */
final class PractitionerStep extends LineStep {

  /** The first day of service the therapy assistant's share applies to. */
  static final LocalDate ASSISTANT_SHARE_FROM = LocalDate.of(2022, 1, 1);

  PractitionerStep() {
    super(ClaimRule.PRACTITIONER.id());
  }

  @Override
  public void apply(ClaimState claim) {
    if (claim.context.practitioner().isReduced() || anyAssistantLine(claim.lines)) {
      super.apply(claim);
    }
  }

  private static boolean anyAssistantLine(LineWork[] lines) {
    for (LineWork w : lines) {
      if (w.has(LineWork.ASSISTANT_THERAPY)) {
        return true;
      }
    }
    return false;
  }

  @Override
  void apply(LineWork w) {
    PractitionerType type = w.context().practitioner();
    if (type.isReduced()) {
      share(w, type);
    }
    if (w.has(LineWork.ASSISTANT_THERAPY)) {
      assistant(w, type);
    }
  }

  /** The practitioner's share of the context. */
  private static void share(LineWork w, PractitionerType type) {
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

  /** The therapy assistant's share of a line with CQ or CO. */
  private static void assistant(LineWork w, PractitionerType type) {
    String modifier =
        w.line.modifiers().contains(Modifier.PHYSICAL_THERAPY_ASSISTANT) ? "CQ" : "CO";
    if (w.context().dateOfService().isBefore(ASSISTANT_SHARE_FROM)) {
      w.note(
          ClaimRule.PRACTITIONER,
          () ->
              "modifier "
                  + modifier
                  + " takes nothing off a service before "
                  + ASSISTANT_SHARE_FROM
                  + ", when the therapy assistant's share began");
      return;
    }
    if (type == PractitionerType.THERAPY_ASSISTANT) {
      w.note(
          ClaimRule.PRACTITIONER,
          () -> "modifier " + modifier + ": the therapy assistant's share is applied above");
      return;
    }
    BigDecimal share = PractitionerType.THERAPY_ASSISTANT.medicareShare();
    w.scale(
        share,
        ClaimRule.PRACTITIONER,
        () ->
            "modifier "
                + modifier
                + ": "
                + Amounts.percent(share)
                + ", furnished in whole or in part by a therapy assistant ("
                + PractitionerType.THERAPY_ASSISTANT.medicareSource()
                + ")");
  }
}
