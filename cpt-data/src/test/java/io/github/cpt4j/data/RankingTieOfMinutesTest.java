package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two lines of one code alike but for their minutes (which a code not paid by time ignores) tie in
 * the surgical ranking. The tie was broken by their position, so which of them was paid and which
 * was left to the contractor as a sixth procedure depended on the order of the lines (found by
 * {@code ClaimPricingLawsProperties}); the minutes now break it, none first.
 */
class RankingTieOfMinutesTest {

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());

  @Test
  void linesAlikeButTheirMinutesArePaidAlikeInEitherOrder() {
    PricedClaim one = price("31575", "31575 x4", "31575 x4 20min");
    PricedClaim other = price("31575", "31575 x4 20min", "31575 x4");
    assertEquals(outcomes(one), outcomes(other), one + "\n--- in the other order:\n" + other);
    // 31575 in 13282-99, facility: 64.65 a unit. The line without minutes ranks 2-5 (4 x 50%),
    // the other 6-9, by report, in either order.
    assertEquals(Optional.of(new BigDecimal("129.30")), other.line(2).amount(), other.toString());
    assertEquals(
        Optional.of(UnpricedReason.PRICED_BY_REPORT), other.line(1).reason(), other.toString());
  }

  private static PricedClaim price(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(BilledLine.parse(line));
    }
    return PRICER.price(claim.build(), CONTEXT);
  }

  /** Each line's amount or reason, and its ranking, by its billed form. */
  private static Map<String, String> outcomes(PricedClaim claim) {
    Map<String, String> outcomes = new TreeMap<>();
    for (PricedLine line : claim.lines()) {
      outcomes.put(
          line.billed().toString(),
          line.amount().map(BigDecimal::toPlainString).orElse("none")
              + " "
              + line.reason()
              + " "
              + line.explanation().find("multiple-procedure").map(step -> step.description()));
    }
    return outcomes;
  }
}
