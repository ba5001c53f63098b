package io.github.cpt4j.fee.medicare.partb;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.ModifierRulesEdit;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaTimeEdit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A line of a Part B claim priced alone by its own schedule (lab, equipment, drug): the claim
 * edits' findings on it applied as {@code MedicareClaimPricer} applies them to its lines, then the
 * lower of the fee and the billed charge.
 */
final class LineAlone {

  /** The rule id of a refusal by the line's own schedule, as the claim pricer names it. */
  static final String FEE_SCHEDULE = "fee-schedule";

  /** The rule id of the lower of the fee and the billed charge, as the claim pricer names it. */
  static final String BILLED_CHARGE = "billed-charge";

  private LineAlone() {}

  /**
   * Prices line {@code index} of {@code claim} with {@code schedule}: the findings on it applied in
   * order (the first denial stands; denied units are taken off the line priced, each denial a
   * {@code UNITS_DENIED} warning; flags are warnings), the schedule's answer, then the billed
   * charge when lower. {@code route}, when given, is the step naming the schedule and ends the
   * schedule's part of the explanation of a denied line too.
   */
  static PricedLine price(
      Claim claim,
      int index,
      List<EditFinding> findings,
      Function<ClaimLine, FeeResult> schedule,
      PricingStep route) {
    return price(claim, index, findings, schedule, route, true);
  }

  /**
   * Prices line {@code index} of {@code claim} as {@link #price(Claim, int, List, Function,
   * PricingStep)} does, comparing its billed charge only when {@code compareCharge}: not for a
   * limiting charge, which caps the charge.
   */
  static PricedLine price(
      Claim claim,
      int index,
      List<EditFinding> findings,
      Function<ClaimLine, FeeResult> schedule,
      PricingStep route,
      boolean compareCharge) {
    BilledLine billed = claim.line(index);
    // Named as the claim names the line, as its explanation and the edits' messages name it.
    int number = claim.lineNumber(index);
    ClaimLine line = billed.line();
    List<PricingStep> steps = new ArrayList<>(2);
    List<ClaimWarning> warnings = new ArrayList<>(2);
    EditFinding denial = null;
    for (EditFinding finding : findings) {
      if (finding.line() != index) {
        continue;
      }
      String edit = finding.edit();
      String message = finding.message();
      switch (finding.action()) {
        case FLAG -> {
          warnings.add(
              ClaimWarning.of(
                  edit.equals(ModifierRulesEdit.NAME)
                      ? ClaimWarning.Kind.MODIFIER_RULE_BROKEN
                      : edit.equals(SpecimenCollections.RULE)
                          ? ClaimWarning.Kind.DOCUMENTATION_REQUIRED
                          : edit.equals(AnesthesiaTimeEdit.NAME)
                              ? ClaimWarning.Kind.MINUTES_IGNORED
                              : ClaimWarning.Kind.EDIT_FLAG,
                  edit,
                  message));
          steps.add(PricingStep.note(edit, "warning: " + message));
        }
        case DENY_LINE -> {
          if (denial == null) {
            denial = finding;
            steps.add(PricingStep.note(edit, "denied: " + message));
          }
        }
        case DENY_UNITS -> {
          if (denial == null) {
            // Of the units billed, as each edit counted them: two denials, of one edit or of two,
            // leave what the stricter allows (see EditAction.DENY_UNITS).
            int units = billed.line().units();
            int left = units - finding.deniedUnits();
            if (left <= 0) {
              denial = finding;
              steps.add(PricingStep.note(edit, "denied: " + message));
            } else {
              boolean fewer = left < line.units();
              line = fewer ? line.withUnits(left) : line;
              String words =
                  finding.deniedUnits()
                      + " of "
                      + units
                      + " units denied"
                      + (fewer ? "" : ", no more than an earlier finding denied")
                      + ": "
                      + message;
              steps.add(PricingStep.note(edit, words));
              // The amount is lower than billed: a warning, as the Physician Fee Schedule's lines
              // get (MedicareClaimPricer's applyFindings).
              warnings.add(ClaimWarning.of(ClaimWarning.Kind.UNITS_DENIED, edit, words));
            }
          }
        }
      }
    }
    if (denial != null) {
      List<PricingStep> all = new ArrayList<>(steps.size() + 1);
      if (route != null) {
        all.add(route);
      }
      all.addAll(steps);
      FeeResult denied = FeeResult.unpriced(denial.reason(), denial.message(), Explanation.of(all));
      return PricedLine.of(
          index, number, billed, denied, Optional.of(denial.edit()), withoutUnitsDenied(warnings));
    }
    FeeResult result = schedule.apply(line);
    for (PricingStep step : steps) {
      result = result.withStep(step);
    }
    if (compareCharge && result.isPriced() && billed.charge().isPresent()) {
      result = lowerOfCharge(result, billed.charge().get());
    }
    return PricedLine.of(
        index,
        number,
        billed,
        result,
        result.isPriced() ? Optional.empty() : Optional.of(FEE_SCHEDULE),
        result.isPriced() ? warnings : withoutUnitsDenied(warnings));
  }

  /**
   * Returns {@code warnings} but those of units denied, which say the line is priced for the units
   * left: of a line left unpriced, the reason says why (as {@code MedicareClaimPricer} leaves them
   * off its unpriced lines).
   */
  private static List<ClaimWarning> withoutUnitsDenied(List<ClaimWarning> warnings) {
    return warnings.stream().filter(w -> w.kind() != ClaimWarning.Kind.UNITS_DENIED).toList();
  }

  /**
   * Returns the lower of the fee and the charge: Medicare pays the lower of the billed charge and
   * the fee schedule amount on lab, equipment and drug lines as on the Physician Fee Schedule's.
   */
  private static FeeResult lowerOfCharge(FeeResult result, BigDecimal charge) {
    BigDecimal fee = result.exactAmount().orElseThrow();
    if (charge.compareTo(fee) < 0) {
      return result.withExactAmount(
          PricingStep.of(
              BILLED_CHARGE, "the billed charge " + charge.toPlainString() + " is lower", charge));
    }
    return result.withStep(
        PricingStep.note(
            BILLED_CHARGE, "the billed charge " + charge.toPlainString() + " is not lower"));
  }
}
