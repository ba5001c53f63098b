package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes the explanation of a priced line when someone first reads it: the fee schedule's
 * explanation of its evaluation, then every step the claim edits and rules recorded. Captures the
 * finished line's evaluation and steps, which nothing changes once the claim's pricing is over.
 */
final class LineExplanation implements Supplier<Explanation> {

  private final MedicareFeeSchedule schedule;
  private final PricingContext context;
  private final LineWork work;

  LineExplanation(MedicareFeeSchedule schedule, PricingContext context, LineWork work) {
    this.schedule = schedule;
    this.context = context;
    this.work = work;
  }

  @Override
  public Explanation get() {
    Explanation start =
        work.evaluation == null
            ? Explanation.empty()
            : schedule.explain(work.billed.line(), context, work.evaluation);
    List<PricingStep> all = new ArrayList<>(start.steps().size() + work.stepCount);
    all.addAll(start.steps());
    for (int i = 0; i < work.stepCount; i++) {
      all.add(work.steps[i].render());
    }
    return Explanation.of(all);
  }
}
