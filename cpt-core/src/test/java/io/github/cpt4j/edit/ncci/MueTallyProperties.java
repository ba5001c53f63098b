package io.github.cpt4j.edit.ncci;

import static io.github.cpt4j.edit.ncci.NcciFixtures.mue;
import static io.github.cpt4j.edit.ncci.NcciFixtures.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The tally of a long claim's units agrees with the plain search of the claim for them. */
class MueTallyProperties {

  private static final MueClaimEdit EDIT =
      MueClaimEdit.of(
          MueTable.builder()
              .add(mue("97110", 4, '1'))
              .add(mue("J1100", 10, '2'))
              .add(mue("20610", 2, '3'))
              .add(mue("27447", 1, '2'))
              .build());

  private static final String[] CODES = {"97110", "J1100", "20610", "27447", "99213", "27447-55"};
  private static final String[] DAYS = {"", " on 2025-06-02", " on 2025-06-03"};
  private static final String[] PROVIDERS = {"", " by 1234567893", " by 2000000002"};

  @Property(tries = 200)
  void theTallyFindsWhatTheSearchFinds(
      @ForAll @IntRange(min = 0, max = 120) int size, @ForAll Random random) {
    List<BilledLine> lines = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      lines.add(
          BilledLine.parse(
              CODES[random.nextInt(CODES.length)]
                  + " x"
                  + (1 + random.nextInt(6))
                  + DAYS[random.nextInt(DAYS.length)]
                  + PROVIDERS[random.nextInt(PROVIDERS.length)]));
    }
    Claim claim = Claim.of(lines);
    PricingContext context = on("2025-06-02");
    assertEquals(EDIT.check(claim, context, false), EDIT.check(claim, context, true));
    assertEquals(EDIT.check(claim, context, false), EDIT.check(claim, context));
  }

  @Test
  void aFindingOfManyLinesNamesAFewInItsMessageAndAllInItsData() {
    Claim.Builder claim = Claim.builder();
    for (int i = 0; i < 2_000; i++) {
      claim.add(BilledLine.parse("27447 by " + (i % 2 == 0 ? "1234567893" : "2000000002")));
    }
    List<EditFinding> found = EDIT.check(claim.build(), on("2025-06-02"));
    // Every line is over the MUE of 1, each with its provider's 1,000 lines: a message listing
    // them all made 2,000 messages of 1,000 numbers each, memory in the square of the lines.
    assertEquals(2_000, found.size());
    EditFinding first = found.get(0);
    assertTrue(first.message().length() < 400, first.message());
    assertTrue(
        first.message().contains("(lines 1,3,5,7,9,11,13,15,17,19 and 990 more)"), first.message());
    assertEquals(1_000, first.data().get("lines").split(",").length);
    assertTrue(first.data().get("lines").startsWith("1,3,5,"));
    assertTrue(found.get(1).data().get("lines").startsWith("2,4,6,"));
  }
}
