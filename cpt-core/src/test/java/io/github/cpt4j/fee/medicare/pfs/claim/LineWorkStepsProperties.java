package io.github.cpt4j.fee.medicare.pfs.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.modifier.ModifierRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A line's steps, kept in two fields and then in an array grown on demand, come back in the order
 * they were recorded, each with its words and amount, whatever their number.
 */
class LineWorkStepsProperties {

  @Property(tries = 300)
  void everyStepComesBackInOrder(
      // A negative number is a note, any other an amount in cents: the two kinds about evenly.
      @ForAll @Size(max = 24) List<@IntRange(min = -99_999, max = 99_999) Integer> steps) {
    LineWork w =
        new LineWork(
            0, 1, BilledLine.of(ClaimLine.parse("99213")), ModifierRegistry.standard(), null);
    List<PricingStep> expected = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      int cents = steps.get(i);
      String words = "step " + i;
      if (cents < 0) {
        w.note(ClaimRule.MULTIPLE_PROCEDURE, () -> words);
        expected.add(PricingStep.note(ClaimRule.MULTIPLE_PROCEDURE.id(), words));
      } else {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        w.set(amount, ClaimRule.BILATERAL, () -> words);
        expected.add(PricingStep.of(ClaimRule.BILATERAL.id(), words, amount));
      }
    }
    List<PricingStep> explained = w.get().steps();
    assertEquals(expected.size(), explained.size());
    for (int i = 0; i < expected.size(); i++) {
      PricingStep want = expected.get(i);
      PricingStep got = explained.get(i);
      assertEquals(want.rule(), got.rule(), "step " + i);
      assertEquals(want.description(), got.description(), "step " + i);
      assertEquals(
          want.amountAfter().map(BigDecimal::toPlainString),
          got.amountAfter().map(BigDecimal::toPlainString),
          "step " + i);
    }
  }
}
