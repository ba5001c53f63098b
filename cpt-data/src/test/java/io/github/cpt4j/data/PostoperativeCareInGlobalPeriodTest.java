package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README, "Visits on the day of surgery": a line of 55 alone is paid the postoperative share of the
 * package, so the related visits of its provider in the postoperative days are in it (Claims
 * Processing Manual ch. 12 §40.1.A, §40.2); on the bundled 2025 data in 13282-99, facility.
 */
class PostoperativeCareInGlobalPeriodTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 10, 1), Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(String... lines) {
    List<BilledLine> billed = new ArrayList<>();
    for (String line : lines) {
      billed.add(BilledLine.parse(line));
    }
    return PRICER.price(Claim.of(billed), CONTEXT);
  }

  @Test
  void theVisitOfThePostoperativePhysicianIsInThePackageUnless24() {
    // 27447-54: 0.79 x 1197.89 = 946.33; 27447-55 x80: 0.21 x 80/90 x 1197.89 = 223.61.
    String surgery = "27447-54 on 2025-10-01 by 1234567893";
    String postoperative = "27447-55 x80 on 2025-10-01 by 1000000004";
    PricedClaim related = price(surgery, postoperative, "99213 on 2025-10-31 by 1000000004");
    assertEquals(new BigDecimal("946.33"), related.line(0).amountOrThrow());
    assertEquals(new BigDecimal("223.61"), related.line(1).amountOrThrow());
    assertEquals(
        UnpricedReason.GLOBAL_SURGERY, related.line(2).reason().orElseThrow(), related::toString);
    assertTrue(
        related
            .line(2)
            .detail()
            .startsWith(
                "99213 30 days after 27447 (line 2, global period 090) is part of its global"
                    + " surgical package: add 24 if"),
        related.line(2)::toString);
    PricedClaim unrelated = price(surgery, postoperative, "99213-24 on 2025-10-31 by 1000000004");
    assertEquals(new BigDecimal("61.92"), unrelated.line(2).amountOrThrow());
    // Lines without NPIs are one provider's.
    PricedClaim oneProvider = price("27447-55 x80 on 2025-10-01", "99213 on 2025-10-31");
    assertEquals(
        UnpricedReason.GLOBAL_SURGERY,
        oneProvider.line(1).reason().orElseThrow(),
        oneProvider::toString);
  }
}
