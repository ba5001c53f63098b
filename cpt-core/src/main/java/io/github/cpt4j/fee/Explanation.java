package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * How an amount was reached (or why there is none): the inputs used and every adjustment, in the
 * order applied. {@link #toString()} prints it on one line for audit logs, steps separated by
 * {@code "; "}.
 *
 * <p>Immutable: {@link #then(PricingStep)} returns a longer copy, so a claim-level pricer can
 * append its own rules to the explanation a fee schedule returned.
 *
 * <pre>{@code
 * result.explanation().toString();
 * // medicare: 99213 2025-03-14 13282-99 non-facility; row: 99213 status A; rvu: ...; round: ...
 * }</pre>
 */
public final class Explanation {

  private static final Explanation EMPTY = new Explanation(ImmutableList.of());

  private final ImmutableList<PricingStep> steps;

  private Explanation(ImmutableList<PricingStep> steps) {
    this.steps = steps;
  }

  /** Returns the explanation with no steps. */
  public static Explanation empty() {
    return EMPTY;
  }

  /** Returns an explanation of the given steps, in order. */
  public static Explanation of(PricingStep... steps) {
    return of(List.of(steps));
  }

  /** Returns an explanation of the given steps, in order. */
  public static Explanation of(List<PricingStep> steps) {
    return new Explanation(ImmutableList.copyOf(requireNonNull(steps, "steps")));
  }

  /** Returns a copy with {@code step} appended. */
  public Explanation then(PricingStep step) {
    requireNonNull(step, "step");
    return new Explanation(
        ImmutableList.<PricingStep>builderWithExpectedSize(steps.size() + 1)
            .addAll(steps).add(step).build());
  }

  /** Returns a copy with the steps of {@code more} appended. */
  public Explanation then(Explanation more) {
    requireNonNull(more, "more");
    return new Explanation(ImmutableList.<PricingStep>builder()
        .addAll(steps).addAll(more.steps).build());
  }

  /** Returns the steps in the order they were applied. */
  public ImmutableList<PricingStep> steps() {
    return steps;
  }

  /** Returns the first step of {@code rule}, if any. */
  public Optional<PricingStep> find(String rule) {
    requireNonNull(rule, "rule");
    for (PricingStep step : steps) {
      if (step.rule().equals(rule)) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  /** Tells whether a step of {@code rule} was applied. */
  public boolean has(String rule) {
    return find(rule).isPresent();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Explanation && ((Explanation) other).steps.equals(steps);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }

  /** Returns the steps on one line, separated by {@code "; "}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(64 * Math.max(1, steps.size()));
    for (int i = 0; i < steps.size(); i++) {
      if (i > 0) {
        sb.append("; ");
      }
      steps.get(i).appendTo(sb);
    }
    return sb.toString();
  }
}
