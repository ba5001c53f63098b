package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Suppliers;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.text.WhiteSpace;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One step of an {@link Explanation}: an input used, a row chosen or an adjustment applied, with
 * the exact (unrounded) amount after it when the step changes or establishes the amount.
 *
 * <p>The {@link #rule()} is a short stable identifier that programs can test for, such as {@code
 * "rvu"}, {@code "na"}, {@code "opps-cap"} or {@code "non-participating"}; the {@link
 * #description()} is for people. Immutable.
 */
public final class PricingStep {

  private final String rule;
  // The words as given, or null when written on first read by the memoized describer.
  private final String description;
  private final Supplier<String> describer;
  private final Optional<BigDecimal> amountAfter;

  private PricingStep(
      String rule, String description, Supplier<String> describer, Optional<BigDecimal> amount) {
    this.rule = rule;
    this.description = description;
    this.describer = describer;
    this.amountAfter = amount;
  }

  private static String given(String description) {
    return requireNonNull(description, "description");
  }

  /**
   * Writes the words once, on first read, thread-safely; a null from the describer is a bug, read
   * only when the explanation is, long after the step was made: the message names the rule.
   */
  private static Supplier<String> once(String rule, Supplier<String> describer) {
    requireNonNull(describer, "describer");
    return Suppliers.memoize(
        () ->
            requireNonNull(
                describer.get(),
                () -> "the describer of step '" + rule + "' returned null, not its words"));
  }

  /**
   * {@return a step that records an input or a decision without changing the amount}
   *
   * @param rule the rule id, such as {@code locality}
   * @param description what was read or decided, in words
   * @throws IllegalArgumentException if {@code rule} is not a valid rule id (see {@link
   *     #checkRule})
   */
  public static PricingStep note(String rule, String description) {
    String words = given(description);
    return new PricingStep(checkRule(rule), words, null, Optional.empty());
  }

  /**
   * Returns a note whose description is written only when someone reads it: for schedules that
   * price millions of lines and print few explanations. {@code describer} must be pure and never
   * return null: a null is found only when the words are read ({@link #description()}, {@link
   * #toString()}), and the {@link NullPointerException} then names the rule.
   *
   * @param rule the rule id, such as {@code locality}
   * @param describer writes what was read or decided, in words, when first read
   * @return the note
   * @throws IllegalArgumentException if {@code rule} is not a valid rule id (see {@link
   *     #checkRule})
   */
  public static PricingStep note(String rule, Supplier<String> describer) {
    Supplier<String> words = once(rule, describer);
    return new PricingStep(checkRule(rule), null, words, Optional.empty());
  }

  /**
   * Returns a step after which the exact amount is {@code amountAfter}: an amount {@link
   * FeeResult#priced} takes, so that the step could set a result's amount, and so that it reads
   * back wherever it is written.
   *
   * @param rule the rule id, such as {@code gpci}
   * @param description what the step did, in words
   * @param amountAfter the exact amount after the step, in dollars
   * @return the step
   * @throws IllegalArgumentException if the rule id is not valid (see {@link #checkRule}), or the
   *     amount is negative, a quadrillion dollars or more, or of more than {@value
   *     FeeResult#MAX_SCALE} decimal places
   */
  public static PricingStep of(String rule, String description, BigDecimal amountAfter) {
    String words = given(description);
    requireNonNull(amountAfter, "amountAfter");
    String id = checkRule(rule);
    return new PricingStep(id, words, null, Optional.of(checkAmount(id, amountAfter)));
  }

  /**
   * Returns a step after which the exact amount is {@code amountAfter}, whose description is
   * written only when someone reads it. {@code describer} must be pure and never return null, as
   * for {@link #note(String, Supplier)}. The amount is bounded as for {@link #of(String, String,
   * BigDecimal)}.
   *
   * @param rule the rule id, such as {@code gpci}
   * @param describer writes what the step did, in words, when first read
   * @param amountAfter the exact amount after the step, in dollars
   * @return the step
   * @throws IllegalArgumentException if the rule id is not valid (see {@link #checkRule}), or the
   *     amount is negative, a quadrillion dollars or more, or of more than {@value
   *     FeeResult#MAX_SCALE} decimal places
   */
  public static PricingStep of(String rule, Supplier<String> describer, BigDecimal amountAfter) {
    Supplier<String> words = once(rule, describer);
    requireNonNull(amountAfter, "amountAfter");
    String id = checkRule(rule);
    return new PricingStep(id, null, words, Optional.of(checkAmount(id, amountAfter)));
  }

  /**
   * Returns {@code amountAfter} if a step of {@code rule} may carry it, as {@link #of(String,
   * String, BigDecimal)} checks it: an amount {@link FeeResult#priced} takes, never negative, less
   * than a quadrillion dollars and of at most {@value FeeResult#MAX_SCALE} decimal places. For code
   * that records an amount now and makes its step later, so that the step cannot fail then. (A
   * negative step, one of a quadrillion dollars, or one of 101 decimal places was once made,
   * written, and then refused when read back.)
   *
   * @param rule the rule id of the step to be, named in the message
   * @param amountAfter the exact amount after the step, in dollars
   * @return {@code amountAfter} itself
   * @throws IllegalArgumentException if it is not, naming the rule and the amount
   */
  public static BigDecimal checkAmount(String rule, BigDecimal amountAfter) {
    requireNonNull(rule, "rule");
    requireNonNull(amountAfter, "amountAfter");
    String problem = FeeResult.amountProblem(amountAfter);
    if (problem != null) {
      // Quoted: the rule is not checked here, and may be a line break or a megabyte.
      throw new IllegalArgumentException(
          "step " + CodeFormatException.quote(rule) + ": " + problem);
    }
    return amountAfter;
  }

  /**
   * Returns {@code rule} if it is a valid rule id: non-empty, without white space (Unicode spaces
   * such as the no-break space included), control characters, {@code ';'} or {@code ':'}.
   *
   * @param rule the rule id to check
   * @return {@code rule} itself
   * @throws IllegalArgumentException if it is not
   */
  public static String checkRule(String rule) {
    requireNonNull(rule, "rule");
    // A plain loop: every priced line creates several steps, and a stream here showed up in
    // claim-pricing profiles.
    boolean ok = !rule.isEmpty();
    for (int i = 0; ok && i < rule.length(); i++) {
      char c = rule.charAt(i);
      // Beyond ASCII, Unicode spaces (a no-break space prints as a space) and C1 controls too.
      ok =
          c > ' '
              && c != ';'
              && c != ':'
              && (c < 0x7F || !(WhiteSpace.isSpace(c) || Character.isISOControl(c)));
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "a rule is a non-empty word without spaces, ';' or ':', not "
              + CodeFormatException.quote(rule));
    }
    return rule;
  }

  /** {@return the rule's stable identifier, such as {@code "opps-cap"}} */
  public String rule() {
    return rule;
  }

  /** {@return what was used or done, in words and numbers} */
  public String description() {
    return description != null ? description : describer.get();
  }

  /** {@return the exact amount after this step, if the step sets or changes the amount} */
  public Optional<BigDecimal> amountAfter() {
    return amountAfter;
  }

  /**
   * Equal steps have the same rule, words and amount; amounts are compared by value, so {@code 1.0}
   * equals {@code 1.00}, as in {@link FeeResult} (and as {@link #toString()} shows them): two equal
   * results stay equal after the same adjustment.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof PricingStep that
        && rule.equals(that.rule)
        && description().equals(that.description())
        && amountAfter.isPresent() == that.amountAfter.isPresent()
        && (amountAfter.isEmpty() || amountAfter.get().compareTo(that.amountAfter.get()) == 0);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, description(), amountAfter.map(BigDecimal::stripTrailingZeros));
  }

  /** Returns {@code rule: description}, followed by {@code = amount} when there is one. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(rule.length() + description().length() + 24);
    appendTo(sb);
    return sb.toString();
  }

  void appendTo(StringBuilder sb) {
    sb.append(rule).append(": ").append(description());
    amountAfter.ifPresent(a -> sb.append(" = ").append(plain(a)));
  }

  /** Writes an exact amount without trailing zeros beyond the cents: 60.00, 102.53452342. */
  static String plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
  }
}
