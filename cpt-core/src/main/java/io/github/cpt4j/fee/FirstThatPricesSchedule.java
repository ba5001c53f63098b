package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.text.NullElements;
import java.util.List;
import java.util.stream.Collectors;

/** A fallback chain; see {@link FeeSchedule#firstThatPrices(List)}. */
final class FirstThatPricesSchedule implements FeeSchedule {

  private final ImmutableList<FeeSchedule> schedules;

  FirstThatPricesSchedule(List<? extends FeeSchedule> schedules) {
    requireNonNull(schedules, "schedules");
    this.schedules = NullElements.copyOf(schedules, "schedule");
    if (this.schedules.isEmpty()) {
      throw new IllegalArgumentException("a fallback chain needs at least one schedule");
    }
  }

  @Override
  public FeeResult price(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    FeeResult first = null;
    Explanation refusals = Explanation.empty();
    // When every schedule is only "outside my dates" (quarters before and after the date), the
    // answer names what each covers, not the first one's dates alone.
    StringBuilder coverage = new StringBuilder();
    for (FeeSchedule schedule : schedules) {
      FeeResult result = askOf(schedule, line, context);
      if (result.isPriced()) {
        return refusals.steps().isEmpty() ? result : result.afterSteps(refusals);
      }
      // The most telling refusal: the first one that is not merely "outside my dates".
      if (first == null
          || first.reason().orElseThrow() == UnpricedReason.DATE_NOT_COVERED
              && result.reason().orElseThrow() != UnpricedReason.DATE_NOT_COVERED) {
        first = result;
      }
      if (result.reason().orElseThrow() == UnpricedReason.DATE_NOT_COVERED) {
        coverage.append(coverage.length() == 0 ? "" : ", and ").append(result.detail());
      }
      refusals =
          refusals.then(
              PricingStep.note(
                  "fallback",
                  schedule.name()
                      + " did not price it ("
                      + result.reason().orElseThrow().words()
                      + ")"));
    }
    boolean onlyDates = first.reason().orElseThrow() == UnpricedReason.DATE_NOT_COVERED;
    return FeeResult.unpriced(
        first.reason().orElseThrow(),
        onlyDates ? coverage.toString() : first.detail(),
        refusals.then(first.explanation()));
  }

  /**
   * Returns what {@code schedule} answers for {@code line}: a combinator's call of a schedule it
   * was given, perhaps the caller's own, whose null (against {@link FeeSchedule#price}'s contract)
   * is named here rather than met as a NullPointerException inside the combinator.
   *
   * @throws IllegalArgumentException if {@code schedule} returns null, or throws a {@code
   *     RuntimeException} (the cause), naming it and the line
   */
  static FeeResult askOf(FeeSchedule schedule, ClaimLine line, PricingContext context) {
    if (schedule instanceof FirstThatPricesSchedule || schedule instanceof PercentOfSchedule) {
      // A combinator asks its own schedules here, which name the one that failed: named once,
      // not again by each combinator around it.
      return schedule.price(line, context);
    }
    FeeResult result;
    try {
      result = schedule.price(line, context);
    } catch (RuntimeException e) {
      // A bug of the schedule's, as a null is: without its name and the line, a chain's caller
      // cannot tell which of its schedules failed, nor on what.
      throw new IllegalArgumentException(
          "fee schedule "
              + schedule.name()
              + " ("
              + schedule.getClass().getName()
              + ") threw "
              + e
              + ", for "
              + line
              + "; a schedule never throws for data, and answers FeeResult.unpriced for what it"
              + " does not price",
          e);
    }
    if (result == null) {
      throw new IllegalArgumentException(
          "fee schedule "
              + schedule.name()
              + " ("
              + schedule.getClass().getName()
              + ") returned null for "
              + line
              + "; a schedule answers FeeResult.unpriced for what it does not price");
    }
    return result;
  }

  @Override
  public String name() {
    return schedules.stream()
        .map(FeeSchedule::name)
        .collect(Collectors.joining(", then ", "first of ", ""));
  }

  @Override
  public String toString() {
    return name();
  }
}
