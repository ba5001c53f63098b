package io.github.cpt4j.cli.price;

import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.medicare.pfs.LimitingCharge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
        Optional<PricingStep> step = limit.explanation().find(LimitingCharge.RULE);
        if (step.isPresent()) {
          // The amount is 109.25% of the participating amount: without --non-participating, the
          // line's own, whose explanation this ends.
          explanation += (explanation.isEmpty() ? "" : "; ") + step.get();
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
}
