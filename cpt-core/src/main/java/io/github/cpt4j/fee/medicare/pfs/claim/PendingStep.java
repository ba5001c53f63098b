package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.PricingStep;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * A step recorded while a claim is priced. It becomes a {@link PricingStep} only when somebody
 * reads the explanation, and its words are written only then: pricing stays fast, explaining stays
 * complete. (Rule ids are checked when recorded.)
 */
final class PendingStep {

  private final String rule;
  private final BigDecimal amountAfter;
  private final Supplier<String> description;

  PendingStep(String rule, BigDecimal amountAfter, Supplier<String> description) {
    this.rule = rule;
    this.amountAfter = amountAfter;
    this.description = description;
  }

  PricingStep render() {
    return amountAfter == null
        ? PricingStep.note(rule, description)
        : PricingStep.of(rule, description, amountAfter);
  }
}
