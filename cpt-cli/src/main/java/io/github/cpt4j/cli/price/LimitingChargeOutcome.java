package io.github.cpt4j.cli.price;

import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.medicare.pfs.LimitingCharge;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line's outcome with its Medicare limiting charge ({@code cpt price --limiting-charge}): the
 * amount, result and explanation of the line as priced, and beside them the limiting charge. A
 * priced line without one (a practitioner or a service paid only on assignment, a DMEPOS item) gets
 * a warning saying why, so that every format shows it; with {@code --explain} the explanation ends
 * with the step that makes the limiting charge of the participating amount.
 */
final class LimitingChargeOutcome {

  private LimitingChargeOutcome() {}

  /**
   * Returns the outcome of {@code line}, as priced, with the limiting charge {@code limit} the
   * library gives the same line.
   */
  static Outcome of(PricedLine line, PricedLine limit, boolean explainPriced) {
    if (limit.isPriced()) {
      Outcome outcome = MedicareData.outcome(line, explainPriced);
      String explanation = outcome.explanation();
      if (explainPriced) {
        for (PricingStep step : limitingSteps(line, limit)) {
          explanation += (explanation.isEmpty() ? "" : "; ") + step;
        }
      }
      return new Outcome(
          outcome.amount(), outcome.result(), explanation, outcome.warnings(), limit.amount());
    }
    if (!line.isPriced()) {
      return MedicareData.outcome(line, explainPriced); // its reason says why there is neither
    }
    List<String> warnings = new ArrayList<>(MedicareData.messages(line.warnings()));
    warnings.add(
        "no limiting charge ("
            + limit.reason().orElseThrow().name().toLowerCase(Locale.ROOT)
            + "): "
            + limit.detail());
    return MedicareData.outcome(line, explainPriced, warnings);
  }

  /**
   * The steps that make {@code limit}'s amount, to end the explanation of {@code line}: 109.25% of
   * the participating amount, then what follows it (an LT and RT pair's limiting charge rounded
   * once and split). The participating amount is the line's own unless the line is priced otherwise
   * (with {@code --non-participating}, 95% of it; a side of a pair, its rounded half); the step
   * then names the amount it multiplies, so that the explanation does not seem to multiply the
   * amount before it. A step of 01953's units, which names each unit's amount, is kept as it is.
   */
  private static List<PricingStep> limitingSteps(PricedLine line, PricedLine limit) {
    List<PricingStep> steps = limit.explanation().steps();
    BigDecimal participating = null;
    for (int i = 0; i < steps.size(); i++) {
      PricingStep step = steps.get(i);
      if (step.rule().equals(LimitingCharge.RULE)) {
        List<PricingStep> limiting = new ArrayList<>(steps.subList(i, steps.size()));
        // Only the plain 109.25% step multiplies the amount before it: a step of 01953's units
        // (LimitingCharge.ofEachUnit) already says what it multiplies, unit by unit.
        if (participating != null
            && step.description().equals(LimitingCharge.DESCRIPTION)
            && line.result() instanceof FeeResult.Priced paid
            && paid.exact().compareTo(participating) != 0) {
          limiting.set(
              0,
              PricingStep.of(
                  step.rule(),
                  "109.25% of the participating amount, "
                      + plain(participating)
                      + " (115% of the non-participating 95%)",
                  step.amountAfter().orElseThrow()));
        }
        return limiting;
      }
      participating = step.amountAfter().orElse(participating);
    }
    return List.of();
  }

  /** Writes an exact amount as the explanations do: at least two decimals, no trailing zeros. */
  private static String plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return (stripped.scale() < 2 ? stripped.setScale(2, RoundingMode.UNNECESSARY) : stripped)
        .toPlainString();
  }
}
