package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.dmepos.DmeposCategory;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFee;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposJurisdiction;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A supply of status P furnished incident to a physician's service is bundled into it (the RVU
 * record layout's status P), on made-up rows: a dressing of 10.00 from DMEPOS, status P in the
 * relative value file, beside the visit 99213 of 100.00.
 */
class IncidentSuppliesTest {

  private static final PricingContext CONTEXT = ClaimTables.CONTEXT.withBeneficiaryZip("10001");

  private static final MedicareFeeSchedule SCHEDULE;

  static {
    List<RvuEntry> rows = new ArrayList<>(ClaimTables.rows());
    rows.add(row("A6212", "0.00", "0.00", "0.00").status('P').build());
    rows.add(row("A4216", "0.00", "0.00", "0.00").status('X').build());
    // Status P, but not in the DMEPOS file below.
    rows.add(row("A4649", "0.00", "0.00", "0.00").status('P').build());
    SCHEDULE = ClaimTables.scheduleBuilder().rvus(RvuTable.of(rows)).build();
  }

  private static DmeposFee fee(String code, DmeposCategory category, String amount) {
    BigDecimal fee = new BigDecimal(amount);
    return DmeposFee.builder(ProcedureCode.parse(code))
        .modifiers(Optional.empty(), Optional.empty())
        .jurisdiction(DmeposJurisdiction.DME_MAC)
        .category(category)
        .fees(ImmutableList.of("NY"), List.of(fee), List.of(BigDecimal.ZERO))
        .build();
  }

  private static final PartBClaimPricer PRICER =
      PartBClaimPricer.of(
          PartBFeeSchedule.builder()
              .physicianFeeSchedule(SCHEDULE)
              .dmepos(
                  DmeposFeeSchedule.builder(Quarter.of(2025, 2))
                      .name("test-dmepos")
                      .zips(DmeposZipTable.builder().state(10_000, 14_999, "NY").build())
                      .add(fee("A6212", DmeposCategory.SURGICAL_DRESSINGS, "10.00"))
                      .add(fee("A4216", DmeposCategory.OSTOMY_TRACHEOSTOMY_UROLOGICAL, "2.00"))
                      .build())
              .build(),
          MedicareClaimPricer.of(SCHEDULE));

  private static PricedClaim price(String... lines) {
    return price(CONTEXT, lines);
  }

  private static PricedClaim price(PricingContext context, String... lines) {
    List<BilledLine> billed = new ArrayList<>();
    for (String line : lines) {
      billed.add(BilledLine.parse(line));
    }
    return PRICER.price(Claim.of(billed), context);
  }

  @Test
  void aStatusPSupplyBesideTheVisitIsBundledIntoIt() {
    PricedClaim claim = price("99213", "A6212 x2");
    assertEquals(new BigDecimal("100.00"), claim.line(0).amountOrThrow());
    PricedLine supply = claim.line(1);
    assertFalse(supply.isPriced(), claim::toString);
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, supply.reason().orElseThrow());
    assertEquals(Optional.of("status-p"), supply.refusedBy());
    assertEquals(
        "A6212 status P: a supply furnished incident to a physician's service of the same day is"
            + " bundled into that service, here 99213 (line 1); it is paid from DMEPOS only when"
            + " not furnished incident to one",
        supply.detail());
    assertTrue(supply.explanation().has("status-p"), supply::toString);
    assertTrue(supply.explanation().has("part-b"), supply::toString);
    assertEquals(new BigDecimal("100.00"), claim.total());
  }

  @Test
  void itIsPaidFromDmeposWhenNoPhysicianServiceOfItsDayAndProviderIsPaid() {
    assertEquals(new BigDecimal("20.00"), price("A6212 x2").line(0).amountOrThrow());
    assertEquals(
        new BigDecimal("10.00"), price("99213", "A6212 on 2025-06-03").line(1).amountOrThrow());
    assertEquals(
        new BigDecimal("10.00"),
        price("99213 by 1234567893", "A6212 by 1000000004").line(1).amountOrThrow());
    // A bundled code (status B) is no service the supply is incident to; a supply of another
    // status is paid beside the visit.
    assertEquals(new BigDecimal("10.00"), price("99080", "A6212").line(1).amountOrThrow());
    assertEquals(new BigDecimal("2.00"), price("99213", "A4216").line(1).amountOrThrow());
  }

  @Test
  void theLimitingChargesBundleItToo() {
    Claim claim = Claim.of(List.of(BilledLine.parse("99213"), BilledLine.parse("A6212")));
    PricedClaim limits = PRICER.limitingCharges(claim, CONTEXT);
    assertTrue(limits.line(0).isPriced(), limits::toString);
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, limits.line(1).reason().orElseThrow());
    assertEquals(Optional.of("status-p"), limits.line(1).refusedBy());
    // Alone, the supply has no limiting charge (DMEPOS), as before.
    assertEquals(
        UnpricedReason.NO_LIMITING_CHARGE,
        PRICER
            .limitingCharges(Claim.of(List.of(BilledLine.parse("A6212"))), CONTEXT)
            .line(0)
            .reason()
            .orElseThrow());
  }

  /**
   * A status P supply the DMEPOS file does not list is bundled beside the service as a listed one
   * is; alone it stays not in the schedule. Before, it was NOT_IN_SCHEDULE beside the visit too.
   */
  @Test
  void anUnlistedStatusPSupplyBesideTheVisitIsBundledToo() {
    PricedLine supply = price("99213", "A4649").line(1);
    assertEquals(
        UnpricedReason.NOT_PAYABLE_ON_CLAIM, supply.reason().orElseThrow(), supply::toString);
    assertEquals(Optional.of("status-p"), supply.refusedBy());
    assertTrue(
        supply
            .detail()
            .endsWith(
                "here 99213 (line 1); not furnished incident to one, it is paid under another"
                    + " provision, which the DMEPOS file does not price"),
        supply.detail());
    assertEquals(UnpricedReason.NOT_IN_SCHEDULE, price("A4649").line(0).reason().orElseThrow());
    // A code of no status P that DMEPOS lacks is not in the schedule beside the visit too.
    assertEquals(
        UnpricedReason.NOT_IN_SCHEDULE, price("99213", "A4217").line(1).reason().orElseThrow());
  }

  @Test
  void aSupplyAlreadyRefusedKeepsItsReason() {
    PricedLine supply = price("99213", "A6212-GZ").line(1);
    assertEquals(UnpricedReason.BILLED_AS_NOT_COVERED, supply.reason().orElseThrow());
    PricedLine noZip = price(ClaimTables.CONTEXT, "99213", "A6212").line(1);
    assertEquals(UnpricedReason.NO_BENEFICIARY_ZIP, noZip.reason().orElseThrow());
  }
}
