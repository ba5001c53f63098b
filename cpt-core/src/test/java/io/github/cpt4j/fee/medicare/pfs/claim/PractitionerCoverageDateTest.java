package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.TEST_LOCALITY;
import static io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricerTest.assertAmounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Medicare pays marriage and family therapists and mental health counselors for services from 1
 * January 2024 (Consolidated Appropriations Act, 2023, division FF, §4121): an earlier line of
 * theirs is not payable, on a claim and alone. {@link ClaimTables} (GPCIs 1, CF 25): 99213 is
 * 100.00, 75.00 at their 75%.
 */
class PractitionerCoverageDateTest {

  private static final MedicareFeeSchedule SCHEDULE =
      ClaimTables.scheduleBuilderSince2015().build();

  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(SCHEDULE);

  private static PricingContext on(LocalDate date, PractitionerType type) {
    return PricingContext.of(date, TEST_LOCALITY, Setting.NON_FACILITY).withPractitioner(type);
  }

  @Test
  void beforeTwentyTwentyFourTheirLinesAreNotPayable() {
    for (PractitionerType type :
        new PractitionerType[] {
          PractitionerType.MARRIAGE_AND_FAMILY_THERAPIST, PractitionerType.MENTAL_HEALTH_COUNSELOR
        }) {
      PricingContext before = on(LocalDate.of(2023, 6, 1), type);
      FeeResult alone = SCHEDULE.price(ClaimLine.parse("99213"), before);
      assertEquals(
          Optional.of(UnpricedReason.STATUS_NOT_PAYABLE), alone.reason(), alone.toString());
      assertTrue(
          alone.detail().contains("is not paid to a " + type.words())
              && alone.detail().contains("began on 2024-01-01"),
          alone.detail());
      PricedClaim claim = PRICER.price(ClaimTables.claimOf("99213"), before);
      assertEquals(
          Optional.of(UnpricedReason.STATUS_NOT_PAYABLE),
          claim.line(0).result().reason(),
          claim.toString());
      assertEquals(alone.detail(), claim.line(0).result().detail());
      // No limiting charge either: the line keeps its reason.
      assertEquals(
          Optional.of(UnpricedReason.STATUS_NOT_PAYABLE),
          SCHEDULE.limitingCharge(ClaimLine.parse("99213"), before).reason());

      PricingContext from = on(LocalDate.of(2024, 1, 1), type);
      assertAmounts(PRICER.price(ClaimTables.claimOf("99213"), from), "75.00", "75.00");
      assertEquals(
          "75.00", SCHEDULE.price(ClaimLine.parse("99213"), from).amountOrThrow().toPlainString());
    }
  }

  @Test
  void aRenderingProviderOfTheirsIsRefusedOnAPhysiciansClaim() {
    // A group's claim: the physician's 99213 is paid, the counselor's is not; a clinical social
    // worker, covered throughout, is paid 75% on the same date.
    PricingContext group =
        on(LocalDate.of(2023, 6, 1), PractitionerType.PHYSICIAN)
            .withPractitioner(Npi.parse("1000000004"), PractitionerType.MENTAL_HEALTH_COUNSELOR)
            .withPractitioner(Npi.parse("1234567893"), PractitionerType.CLINICAL_SOCIAL_WORKER);
    PricedClaim claim =
        PRICER.price(
            Claim.of(
                List.of(
                    BilledLine.parse("99213"),
                    BilledLine.parse("99213 by 1000000004"),
                    BilledLine.parse("99213 by 1234567893"))),
            group);
    assertEquals("100.00", claim.line(0).result().amountOrThrow().toPlainString());
    assertEquals(
        Optional.of(UnpricedReason.STATUS_NOT_PAYABLE),
        claim.line(1).result().reason(),
        claim.toString());
    assertEquals("75.00", claim.line(2).result().amountOrThrow().toPlainString());
  }

  /**
   * The anesthesia schedule answers as the relative value file's rows do: before 2024 a counselor's
   * anesthesia line is not payable either, alone, on a claim and in its limiting charge. It was
   * priced, (7 + 4.0) x 20.00 = 220.00, whatever the date.
   */
  @Test
  void beforeTwentyTwentyFourTheirAnesthesiaLinesAreNotPayableEither() {
    AnesthesiaFeeSchedule anesthesia =
        AnesthesiaFeeSchedule.builder()
            .baseUnits(AnesthesiaBaseUnits.of("test", Map.of(CptCode.parse("00790"), 7)))
            .conversionFactors(
                AnesthesiaConversionFactors.of(
                    "test", Map.of(TEST_LOCALITY, new BigDecimal("20.00"))))
            .build();
    MedicareFeeSchedule schedule =
        ClaimTables.scheduleBuilderSince2015().anesthesia(anesthesia).build();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    ClaimLine line = ClaimLine.parse("00790-AA 60min");
    PricingContext before = on(LocalDate.of(2023, 6, 1), PractitionerType.MENTAL_HEALTH_COUNSELOR);
    for (FeeResult refused :
        List.of(
            anesthesia.price(line, before),
            schedule.price(line, before),
            pricer.price(ClaimTables.claimOf("00790-AA 60min"), before).line(0).result(),
            schedule.limitingCharge(line, before))) {
      assertEquals(
          Optional.of(UnpricedReason.STATUS_NOT_PAYABLE), refused.reason(), refused.toString());
      assertEquals(
          "00790 on 2023-06-01 is not paid to a mental health counselor: Medicare's benefit for"
              + " them began on 2024-01-01 (Consolidated Appropriations Act, 2023, division FF,"
              + " §4121)",
          refused.detail());
    }
    // A session of two lines: neither is paid, each says why.
    PricedClaim session =
        pricer.price(ClaimTables.claimOf("00790-AA 60min", "00790-AA 30min"), before);
    for (int i = 0; i < 2; i++) {
      assertEquals(
          Optional.of(UnpricedReason.STATUS_NOT_PAYABLE),
          session.line(i).result().reason(),
          session.toString());
    }
    // Covered from 2024, and a physician before.
    assertEquals(
        "220.00",
        anesthesia
            .price(line, on(LocalDate.of(2024, 1, 1), PractitionerType.MENTAL_HEALTH_COUNSELOR))
            .amountOrThrow()
            .toPlainString());
    assertEquals(
        "220.00",
        anesthesia
            .price(line, on(LocalDate.of(2023, 6, 1), PractitionerType.PHYSICIAN))
            .amountOrThrow()
            .toPlainString());
  }
}
