package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * A modifier 55 line is paid its exact amount, fee x post-operative share x days / 90, rounded
 * half-up to cents once: the same cent as {@link BigDecimal#divide(BigDecimal, int, RoundingMode)}
 * of the exact quotient gives, however the days divide the global period. (The factor was once cut
 * to 12 decimals, and an amount exactly on a half cent was paid a cent short.)
 */
class SplitCareRoundingProperties {

  private static final BigDecimal NINETY = BigDecimal.valueOf(90);

  @Property(tries = 300)
  void aModifier55LineIsItsExactAmountRoundedOnce(
      @ForAll @BigRange(min = "0.01", max = "400.00") @Scale(2) BigDecimal workRvus,
      @ForAll @IntRange(min = 1, max = 90) int days) {
    // At 25 dollars per RVU and GPCIs of 1.000 the fee is the RVUs x 25, already in cents; the
    // share of a major surgery here is 0.21.
    List<RvuEntry> rows = new ArrayList<>(ClaimTables.rows());
    rows.add(ClaimTables.row("27446", workRvus.toPlainString(), "0.00", "0.00").major().build());
    MedicareClaimPricer pricer =
        MedicareClaimPricer.of(ClaimTables.scheduleBuilder().rvus(RvuTable.of(rows)).build());
    PricedLine line =
        pricer.price(Claim.builder().add("27446-55 x" + days).build(), CONTEXT).line(0);

    BigDecimal fee = workRvus.multiply(BigDecimal.valueOf(25));
    BigDecimal expected =
        fee.multiply(new BigDecimal("0.21"))
            .multiply(BigDecimal.valueOf(days))
            .divide(NINETY, 2, RoundingMode.HALF_UP);
    assertEquals(expected, line.result().amount().orElseThrow(), line::toString);
  }
}
