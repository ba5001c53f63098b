package io.github.cpt4j.fee.medicare.claim;

import io.github.cpt4j.fee.PricingStep;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * A step recorded while a claim is priced, whose words are written only when somebody reads the
 * explanation: pricing stays fast, explaining stays complete.
 */
final class PendingStep {

  private final ClaimRule rule;
  private final BigDecimal amountAfter;
  private final Supplier<String> description;

  PendingStep(ClaimRule rule, BigDecimal amountAfter, Supplier<String> description) {
    this.rule = rule;
    this.amountAfter = amountAfter;
    this.description = description;
  }

  PricingStep render() {
    String words = description.get();
    return amountAfter == null ? PricingStep.note(rule.id(), words)
        : PricingStep.of(rule.id(), words, amountAfter);
  }
}
