package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.text.NullElements;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How an amount was reached (or why there is none): the inputs used and every adjustment, in the
 * order applied. {@link #toString()} prints it on one line for audit logs, steps separated by
 * {@code "; "}.
 *
 * <p>Immutable: {@link #then(PricingStep)} returns a longer copy, so a claim-level pricer can
 * append its own rules to the explanation a fee schedule returned. An explanation may also be
 * {@linkplain #deferred deferred}: worked out when first read, so that pricing a line costs no more
 * than the amount when nobody reads why.
 *
 * <pre>{@code
 * result.explanation().toString();
 * // medicare: medicare-pfs-2025-sample prices 99213 on 2025-03-14 13282-99 non-facility;
 * // row: 99213 status A (active), PC/TC 0, ...; rvu: ...; posted-fee: ...
 * result.toString();
 * // 85.86 | medicare: ...; posted-fee: ...; round: half-up to cents = 85.86
 * }</pre>
 */
public final class Explanation {

  private static final Explanation EMPTY = new Explanation(ImmutableList.of());

  /**
   * The steps ({@code ImmutableList<PricingStep>}) of an explanation built step by step, or what
   * works out a deferred one ({@code Supplier<Explanation>}). Final, so that an explanation handed
   * to another thread without synchronization is seen whole: a non-final field set in the
   * constructor could be seen as null there.
   */
  private final Object origin;

  /**
   * A deferred explanation's steps once first read; null until then. Read without a lock, which is
   * safe: it only ever changes from null to an ImmutableList, published by its final fields.
   */
  private ImmutableList<PricingStep> resolved;

  private Explanation(ImmutableList<PricingStep> steps) {
    this.origin = steps;
  }

  private Explanation(Supplier<Explanation> source) {
    this.origin = source;
  }

  /** The steps when known without working them out, else null. */
  @SuppressWarnings("unchecked") // origin is one of the two types the constructors take
  private ImmutableList<PricingStep> known() {
    return origin instanceof ImmutableList<?> list ? (ImmutableList<PricingStep>) list : resolved;
  }

  /**
   * Returns an explanation that {@code source} works out when it is first read (its steps, {@code
   * equals}, {@code toString}...), once; thread-safe. {@code source} must give the same explanation
   * whenever it is called, and should capture only immutable values.
   *
   * @param source works the explanation out, the same one on every call
   * @return the deferred explanation
   */
  public static Explanation deferred(Supplier<Explanation> source) {
    return new Explanation(requireNonNull(source, "source"));
  }

  /** {@return the explanation with no steps} */
  public static Explanation empty() {
    return EMPTY;
  }

  /**
   * {@return an explanation of the given steps, in order}
   *
   * @param steps the steps, in the order they were applied
   */
  public static Explanation of(PricingStep... steps) {
    return of(Arrays.asList(requireNonNull(steps, "steps"))); // copied, nulls named, by of(List)
  }

  /**
   * {@return an explanation of the given steps, in order}
   *
   * @param steps the steps, in the order they were applied
   */
  public static Explanation of(List<PricingStep> steps) {
    return new Explanation(NullElements.copyOf(requireNonNull(steps, "steps"), "step"));
  }

  /**
   * {@return a copy with {@code step} appended (deferred if this explanation is)}
   *
   * @param step the step to append
   */
  public Explanation then(PricingStep step) {
    requireNonNull(step, "step");
    ImmutableList<PricingStep> known = known();
    if (known == null) {
      return new Explanation(() -> new Explanation(append(steps(), step)));
    }
    return new Explanation(append(known, step));
  }

  /**
   * {@return a copy with the steps of {@code more} appended (deferred if either is)}
   *
   * @param more the explanation whose steps come after this one's
   */
  public Explanation then(Explanation more) {
    requireNonNull(more, "more");
    ImmutableList<PricingStep> known = known();
    ImmutableList<PricingStep> moreKnown = more.known();
    if (known == null || moreKnown == null) {
      return new Explanation(() -> new Explanation(concat(steps(), more.steps())));
    }
    return new Explanation(concat(known, moreKnown));
  }

  private static ImmutableList<PricingStep> append(
      ImmutableList<PricingStep> steps, PricingStep step) {
    return ImmutableList.<PricingStep>builderWithExpectedSize(steps.size() + 1)
        .addAll(steps)
        .add(step)
        .build();
  }

  private static ImmutableList<PricingStep> concat(
      ImmutableList<PricingStep> first, ImmutableList<PricingStep> second) {
    return ImmutableList.<PricingStep>builderWithExpectedSize(first.size() + second.size())
        .addAll(first)
        .addAll(second)
        .build();
  }

  /** {@return the steps in the order they were applied} */
  public ImmutableList<PricingStep> steps() {
    ImmutableList<PricingStep> known = known();
    return known != null ? known : resolve();
  }

  @SuppressWarnings("unchecked") // only a deferred explanation is resolved
  private synchronized ImmutableList<PricingStep> resolve() {
    if (resolved == null) {
      Supplier<Explanation> source = (Supplier<Explanation>) origin;
      resolved = requireNonNull(source.get(), "a deferred explanation gave null").steps();
    }
    return resolved;
  }

  /**
   * {@return the first step of {@code rule}, if any}
   *
   * @param rule the rule id, such as {@code gpci}
   */
  public Optional<PricingStep> find(String rule) {
    requireNonNull(rule, "rule");
    for (PricingStep step : steps()) {
      if (step.rule().equals(rule)) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether a step of {@code rule} was applied.
   *
   * @param rule the rule id, such as {@code gpci}
   * @return true if the explanation has a step of {@code rule}
   */
  public boolean has(String rule) {
    return find(rule).isPresent();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Explanation && ((Explanation) other).steps().equals(steps());
  }

  @Override
  public int hashCode() {
    return steps().hashCode();
  }

  /** Returns the steps on one line, separated by {@code "; "}. */
  @Override
  public String toString() {
    ImmutableList<PricingStep> all = steps();
    StringBuilder sb = new StringBuilder(64 * Math.max(1, all.size()));
    for (int i = 0; i < all.size(); i++) {
      if (i > 0) {
        sb.append("; ");
      }
      all.get(i).appendTo(sb);
    }
    return sb.toString();
  }
}
