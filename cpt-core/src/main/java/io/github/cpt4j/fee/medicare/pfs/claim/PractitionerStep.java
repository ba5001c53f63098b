package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A non-physician practitioner is paid a share of the fee schedule amount: 85% for a nurse
 * practitioner, clinical nurse specialist or physician assistant, 75% for a clinical social worker,
 * and so on ({@link PractitionerType#medicareShare(LocalDate)}, each with its section of the Claims
 * Processing Manual), the share on the line's date of service: a certified nurse-midwife's service
 * before 2011 is paid 65%, and a therapy assistant's before 2022 is not reduced, which a note says.
 * The share multiplies the posted fee like every other percentage; the line is rounded once at the
 * end. A line with modifier AS (a non-physician assistant at surgery) is left alone: its 13.6% is
 * already 85% of the assistant's 16%. Rule id {@code practitioner}.
 *
 * <p>A line with modifier CQ or CO, a therapy service furnished in whole or in part by a physical
 * or occupational therapy assistant, is paid 85% of the amount otherwise paid from 1 January 2022
 * (Social Security Act section 1834(v)(1); the modifiers were reported from 2020 without a
 * reduction): the share of {@link PractitionerType#THERAPY_ASSISTANT}, line by line, whoever bills
 * the claim. A claim priced for a therapy assistant already has that share on every line, and CQ or
 * CO does not take it twice. The reduction is of outpatient physical and occupational therapy
 * (CMS's definitions of CQ and CO, Claims Processing Manual ch. 5 §20.1): CQ or CO on a code whose
 * row is not a therapy service (MULT PROC 5, the therapy reduction's indicator) takes nothing off,
 * and the explanation says so; the modifier rules flag it ({@code
 * THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES}). As FX or FY on a code without a technical component,
 * the line is paid, not refused: the service was furnished, only the modifier is misplaced. A claim
 * priced for a therapy assistant is likewise reduced on its therapy lines alone; its other lines (a
 * visit, an X-ray) are paid in full, the explanation saying why.
 */
final class PractitionerStep extends LineStep {

  PractitionerStep() {
    super(ClaimRule.PRACTITIONER.id());
  }

  @Override
  public void apply(ClaimState claim) {
    PractitionerType type = claim.context.practitioner();
    // The current share too: a therapy assistant's line before 2022 gets a note saying why it is
    // not reduced.
    if (type.isReduced()
        || type.isReduced(claim.context.dateOfService())
        || anyAssistantLine(claim.lines)) {
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
    LocalDate date = w.context().dateOfService();
    if (type.isReduced(date)) {
      share(w, type, date);
    } else if (type.isReduced()) {
      // Not yet reduced on this date (a therapy assistant's service before 2022).
      w.note(ClaimRule.PRACTITIONER, () -> type.describeShare(date));
    }
    if (w.has(LineWork.ASSISTANT_THERAPY)) {
      assistant(w, type);
    }
  }

  /** The practitioner's share of the context. */
  private static void share(LineWork w, PractitionerType type, LocalDate date) {
    if (type == PractitionerType.THERAPY_ASSISTANT
        && w.indicators.multipleProcedure() != MultipleProcedureRule.THERAPY) {
      // As CQ or CO on such a code: the 85% is of outpatient therapy alone.
      w.note(ClaimRule.PRACTITIONER, () -> type.words() + ": no share applied, " + notTherapy(w));
      return;
    }
    if (w.has(LineWork.MAS)) {
      w.note(
          ClaimRule.PRACTITIONER,
          () ->
              type.words()
                  + ": no share applied, modifier AS already pays a non-physician 85% of the"
                  + " assistant's 16%");
    } else {
      w.scale(type.medicareShare(date), ClaimRule.PRACTITIONER, () -> type.describeShare(date));
    }
  }

  /**
   * Why a therapy assistant's 85% is not taken off {@code w}, a line whose row is no therapy
   * service: the words of CQ or CO on it and of a claim priced for a therapy assistant.
   */
  private static String notTherapy(LineWork w) {
    return w.line.code()
        + " is not a therapy service (MULT PROC "
        + w.indicators.multipleProcedure().code()
        + ", not 5), and the therapy assistant's 85% ("
        + PractitionerType.THERAPY_ASSISTANT.medicareSource()
        + ") is of outpatient physical or occupational therapy alone";
  }

  /** The therapy assistant's share of a line with CQ or CO. */
  private static void assistant(LineWork w, PractitionerType type) {
    String modifier =
        w.line.modifiers().contains(Modifier.PHYSICAL_THERAPY_ASSISTANT) ? "CQ" : "CO";
    MultipleProcedureRule rule = w.indicators.multipleProcedure();
    if (rule != MultipleProcedureRule.THERAPY) {
      w.note(
          ClaimRule.PRACTITIONER,
          () -> "modifier " + modifier + " takes nothing off: " + notTherapy(w));
      return;
    }
    LocalDate date = w.context().dateOfService();
    if (!PractitionerType.THERAPY_ASSISTANT.isReduced(date)) {
      w.note(
          ClaimRule.PRACTITIONER,
          () ->
              "modifier "
                  + modifier
                  + " takes nothing off a service before "
                  + PractitionerType.THERAPY_ASSISTANT.medicareShareFrom().orElseThrow()
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
