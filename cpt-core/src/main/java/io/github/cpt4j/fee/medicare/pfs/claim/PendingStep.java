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
 *
 * <p>Immutable: a note whose words are the same on every line, or are written from the line they
 * are said of ({@link LineWords}), is one object that every line records ({@link #sharedNote}).
 */
final class PendingStep {

  /** Words written from the line they are said of, when the explanation is read. */
  @FunctionalInterface
  interface LineWords {
    String of(LineWork line);
  }

  private final String rule;
  private final BigDecimal amountAfter;

  /**
   * A {@code Supplier<String>}, or {@link LineWords}: one field for both keeps a step at 24 bytes.
   */
  private final Object description;

  PendingStep(String rule, BigDecimal amountAfter, Supplier<String> description) {
    this.rule = rule;
    this.amountAfter = amountAfter;
    this.description = description;
  }

  private PendingStep(String rule, BigDecimal amountAfter, LineWords description) {
    this.rule = rule;
    this.amountAfter = amountAfter;
    this.description = description;
  }

  /**
   * Returns a step of {@code rule} that set the amount to {@code amountAfter}, written by {@code
   * words} from the line it is recorded on.
   */
  static PendingStep of(String rule, BigDecimal amountAfter, LineWords words) {
    return new PendingStep(rule, amountAfter, requireNonNull(words, "words"));
  }

  /**
   * Returns a note of {@code rule} that leaves the amount unchanged, written by {@code words} from
   * the line it is recorded on: one object for every line and claim. What it buys (issue 18): the
   * notes nearly every line gets (the billed charge is not lower, modifier 25, an add-on) cost no
   * allocation, where a step and its words were two objects a line.
   */
  static PendingStep sharedNote(ClaimRule rule, LineWords words) {
    return new PendingStep(rule.id(), null, requireNonNull(words, "words"));
  }

  /**
   * Returns the step of {@code line}, named {@code name} ("line 2"). A describer that returns null
   * (a bug in the step that recorded it, a payer's perhaps) is found only when the words are read,
   * long after pricing: the error then names the rule and the line.
   */
  PricingStep render(LineWork line, String name) {
    Supplier<String> words =
        () ->
            requireNonNull(
                describe(line),
                () -> "the describer of step '" + rule + "' on " + name + " returned null");
    return amountAfter == null
        ? PricingStep.note(rule, words)
        : PricingStep.of(rule, words, amountAfter);
  }

  @SuppressWarnings("unchecked") // the one other type the constructors take
  private String describe(LineWork line) {
    return description instanceof LineWords words
        ? words.of(line)
        : ((Supplier<String>) description).get();
  }
}
