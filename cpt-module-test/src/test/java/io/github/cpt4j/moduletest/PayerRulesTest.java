package io.github.cpt4j.moduletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.ClaimPricer;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A payer's own claim edit and claim step, added from outside the library's modules. */
class PayerRulesTest {

  private static final PricingContext CONTEXT =
      PricingContext.of(
          LocalDate.of(2025, 6, 2),
          BundledData.zipLocalities().find("14620").orElseThrow(),
          Setting.FACILITY);

  private static final Claim CLAIM =
      Claim.builder().add("27447-RT").add("20610-LT").add("99213-25").build();

  @Test
  void thePayersEditDeniesALineThatThenLeavesTheRanking() {
    ClaimPricer payer = PayerRules.pricer("27447", new BigDecimal("100000"));
    PricedClaim standard = PayerRules.standard().price(CLAIM, CONTEXT);
    PricedClaim priced = payer.price(CLAIM, CONTEXT);
    PricedLine knee = priced.line(0);
    assertFalse(knee.isPriced());
    assertEquals(UnpricedReason.EDIT_DENIED, knee.reason().orElseThrow());
    assertEquals("payer-not-covered", knee.refusedBy().orElseThrow());
    // 20610 was the second procedure (50%) beside the knee; alone it is paid in full.
    BigDecimal reduced = standard.line(1).amountOrThrow();
    BigDecimal full = priced.line(1).amountOrThrow();
    assertTrue(full.compareTo(reduced) > 0, priced.toString());
    assertTrue(standard.line(1).explanation().has("multiple-procedure"));
    assertFalse(priced.line(1).explanation().has("multiple-procedure"), priced.toString());
  }

  @Test
  void thePayersStepCapsEveryLineAfterTheMedicareRules() {
    BigDecimal cap = new BigDecimal("20.00");
    PricedClaim priced = PayerRules.pricer("00000", cap).price(CLAIM, CONTEXT);
    for (PricedLine line : priced.lines()) {
      assertEquals(cap, line.amountOrThrow(), priced.toString());
      assertTrue(line.explanation().has("payer-line-cap"), line.toString());
    }
    assertEquals(new BigDecimal("60.00"), priced.total());
  }
}
