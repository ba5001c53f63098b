package io.github.cpt4j.fee.medicare.pfs.claim;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.fee.PricingStep;
import java.math.BigDecimal;
import java.util.function.Supplier;

/**
 * A step recorded while a claim is priced. It becomes a {@link PricingStep} only when somebody
 * reads the explanation, and its words are written only then: pricing stays fast, explaining stays
 * complete. (Rule ids are checked when recorded, and the amounts a payer's step sets, by {@link
 * ClaimState}.)
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

  /**
   * Returns the step of {@code line} ("line 2"). A describer that returns null (a bug in the step
   * that recorded it, a payer's perhaps) is found only when the words are read, long after pricing:
   * the error then names the rule and the line.
   */
  PricingStep render(String line) {
    Supplier<String> words =
        () ->
            requireNonNull(
                description.get(),
                () -> "the describer of step '" + rule + "' on " + line + " returned null");
    return amountAfter == null
        ? PricingStep.note(rule, words)
        : PricingStep.of(rule, words, amountAfter);
  }
}
