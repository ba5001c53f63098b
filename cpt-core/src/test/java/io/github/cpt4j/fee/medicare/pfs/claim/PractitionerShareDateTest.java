package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.TEST_LOCALITY;
import static io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricerTest.assertAmounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A practitioner's share is the one in force on the date of service, on a claim and for a line
 * priced alone, worked by hand on {@link ClaimTables} (GPCIs 1, CF 25 from 2010): 97110 is 25.00,
 * 99213 100.00. A therapy assistant's 85% began in 2022 (Social Security Act §1834(v)); a certified
 * nurse-midwife was paid 65% before 2011 (Claims Processing Manual ch. 12 §130.1, before Change
 * Request 7005).
 */
class PractitionerShareDateTest {

  private static final MedicareFeeSchedule SCHEDULE =
      ClaimTables.scheduleBuilder()
          .conversionFactors(
              ClaimTables.factorOf25(LocalDate.of(2010, 1, 1), LocalDate.of(2025, 12, 31)))
          .build();

  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(SCHEDULE);

  private static PricingContext on(LocalDate date, PractitionerType type) {
    return PricingContext.of(date, TEST_LOCALITY, Setting.NON_FACILITY).withPractitioner(type);
  }

  @Test
  void aTherapyAssistantsServiceBefore2022IsPaidInFull() {
    PricingContext context = on(LocalDate.of(2021, 6, 1), PractitionerType.THERAPY_ASSISTANT);
    PricedClaim claim = PRICER.price(ClaimTables.claimOf("97110-GP"), context);
    assertAmounts(claim, "25.00", "25.00");
    String explained = claim.line(0).explanation().toString();
    assertTrue(
        explained.contains("100% for a therapy assistant before 2022-01-01, when the 85% share"),
        explained);
    assertFalse(explained.contains("85% for a therapy assistant"), explained);

    FeeResult alone = SCHEDULE.price(ClaimLine.parse("97110-GP"), context);
    assertEquals("25.00", alone.amountOrThrow().toPlainString());
    assertTrue(alone.explanation().toString().contains("before 2022-01-01"), alone.toString());
    assertFalse(alone.explanation().toString().contains("85% for a"), alone.toString());
    // 109.25% x 25.00 = 27.3125, where the 85% gave 23.22.
    assertEquals(
        "27.31",
        SCHEDULE
            .limitingCharge(ClaimLine.parse("97110-GP"), context)
            .amountOrThrow()
            .toPlainString());
    assertEquals(
        "27.31",
        PRICER
            .limitingCharges(ClaimTables.claimOf("97110-GP"), context)
            .line(0)
            .result()
            .amountOrThrow()
            .toPlainString());
  }

  @Test
  void fromTwentyTwentyTwoTheAssistantsShareApplies() {
    PricingContext context = on(LocalDate.of(2022, 1, 1), PractitionerType.THERAPY_ASSISTANT);
    assertAmounts(PRICER.price(ClaimTables.claimOf("97110-GP"), context), "21.25", "21.25");
    assertEquals(
        "21.25",
        SCHEDULE.price(ClaimLine.parse("97110-GP"), context).amountOrThrow().toPlainString());
  }

  @Test
  void aNurseMidwifesServiceBefore2011IsPaid65Percent() {
    PricingContext before = on(LocalDate.of(2010, 6, 1), PractitionerType.CERTIFIED_NURSE_MIDWIFE);
    PricedClaim claim = PRICER.price(ClaimTables.claimOf("99213"), before);
    assertAmounts(claim, "65.00", "65.00");
    String explained = claim.line(0).explanation().toString();
    assertTrue(
        explained.contains("65% for a certified nurse-midwife before 2011-01-01"), explained);
    FeeResult alone = SCHEDULE.price(ClaimLine.parse("99213"), before);
    assertEquals("65.00", alone.amountOrThrow().toPlainString());
    assertTrue(alone.explanation().toString().contains("ch. 12 §130.1"), alone.toString());

    PricingContext from = on(LocalDate.of(2011, 1, 1), PractitionerType.CERTIFIED_NURSE_MIDWIFE);
    assertAmounts(PRICER.price(ClaimTables.claimOf("99213"), from), "100.00", "100.00");
    assertEquals(
        "100.00", SCHEDULE.price(ClaimLine.parse("99213"), from).amountOrThrow().toPlainString());
  }
}
