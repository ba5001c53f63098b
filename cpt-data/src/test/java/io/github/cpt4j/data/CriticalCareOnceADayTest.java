package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README, "99291 once a day": of two 99291 lines of one practitioner's day, the one paid more is
 * kept whatever the order of the lines, on the bundled 2025 data in 13282-99, facility.
 */
class CriticalCareOnceADayTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  @Test
  void theLinePaidMoreIsKeptInEitherOrder() {
    BilledLine low = BilledLine.parse("99291 $100.00");
    BilledLine high = BilledLine.parse("99291 $600.00");
    for (List<BilledLine> lines : List.of(List.of(low, high), List.of(high, low))) {
      PricedClaim claim = PRICER.price(Claim.of(lines), CONTEXT);
      // 99291 in 13282-99, facility, 2025: 199.57, under the 600.00 billed; the 100.00 line,
      // once paid when billed first, is the day's second 99291.
      assertEquals(new BigDecimal("199.57"), claim.total(), claim::toString);
      int kept = lines.indexOf(high);
      assertEquals(new BigDecimal("199.57"), claim.line(kept).amountOrThrow(), claim::toString);
      assertEquals(
          UnpricedReason.EDIT_DENIED, claim.line(1 - kept).reason().orElseThrow(), claim::toString);
      assertEquals("critical-care", claim.line(1 - kept).refusedBy().orElseThrow());
    }
  }
}
