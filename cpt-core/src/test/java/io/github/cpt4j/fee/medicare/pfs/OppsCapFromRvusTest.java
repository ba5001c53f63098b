package io.github.cpt4j.fee.medicare.pfs;

import static io.github.cpt4j.fee.medicare.pfs.Fixtures.DATE_2025;
import static io.github.cpt4j.fee.medicare.pfs.Fixtures.REST_OF_NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.ApmProviders;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The OPPS imaging cap computed from the RVU file's own OPPS columns when no OPPSCAP file is given.
 */
class OppsCapFromRvusTest {

  /** 70496 as the 2025 RVU file has it: fee schedule RVUs and the OPPS PE/MP columns. */
  private static RvuEntry ctAngiography(char status) {
    return RvuEntry.builder()
        .code(ProcedureCode.parse("70496"))
        .workRvu(new BigDecimal("1.75"))
        .nonFacilityPeRvu(new BigDecimal("6.56"))
        .facilityPeRvu(new BigDecimal("6.56"))
        .malpracticeRvu(new BigDecimal("0.11"))
        .oppsNonFacilityPeRvu(new BigDecimal("6.11"))
        .oppsFacilityPeRvu(new BigDecimal("6.11"))
        .oppsMalpracticeRvu(new BigDecimal("0.11"))
        .indicators(
            PaymentIndicators.builder()
                .status(PaymentStatus.of(status))
                .pcTc(PcTcIndicator.of('1'))
                .globalPeriod(GlobalPeriod.of("XXX"))
                .multipleProcedure(MultipleProcedureRule.of('4'))
                .bilateral(BilateralRule.NO_ADJUSTMENT)
                .assistantAtSurgery(AssistantAtSurgery.NEVER_PAID)
                .coSurgeons(SurgeonsPermission.NOT_PERMITTED)
                .teamSurgery(SurgeonsPermission.NOT_PERMITTED)
                .endoscopicBase(Optional.empty())
                .diagnosticImagingFamily(88)
                .pricingIndicator(Optional.empty())
                .build())
        .build();
  }

  private static final Gpci ROCHESTER =
      Fixtures.gpci(REST_OF_NEW_YORK, "NY", "REST OF NEW YORK", "1", "0.949", "0.732");

  private static final ConversionFactor CF_2025 =
      Fixtures.cf("2025-01-01", "2025-12-31", "32.3465", ApmProviders.ALL);

  @Test
  void capIsTheRecordLayoutFormulaRoundedToCents() {
    OppsCap cap = OppsCap.fromRvus(ctAngiography('A'), ROCHESTER, CF_2025).orElseThrow();
    // (1.75 x 1 + 6.11 x 0.949 + 0.11 x 0.732) x 32.3465 = 246.7651...
    assertEquals(new BigDecimal("246.77"), cap.nonFacilityAmount());
    assertEquals(new BigDecimal("246.77"), cap.facilityAmount());
    assertEquals(REST_OF_NEW_YORK, cap.locality());
  }

  @Test
  void noCapWithoutOppsColumnsOrForContractorPricedRows() {
    RvuEntry plain = Fixtures.rvuEntries().get(0);
    assertTrue(OppsCap.fromRvus(plain, ROCHESTER, CF_2025).isEmpty());
    assertTrue(OppsCap.fromRvus(ctAngiography('C'), ROCHESTER, CF_2025).isEmpty());
  }

  @Test
  void scheduleWithoutCapFileCapsFromTheRvus() {
    List<RvuEntry> entries = new ArrayList<>(Fixtures.rvuEntries());
    entries.add(ctAngiography('A'));
    MedicareFeeSchedule.Builder builder =
        MedicareFeeSchedule.builder()
            .name("test-pfs-2025")
            .rvus(RvuTable.of(entries))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .effective(java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2026, 12, 31));
    PricingContext context = PricingContext.of(DATE_2025, REST_OF_NEW_YORK, Setting.NON_FACILITY);
    // Uncapped it would be (1.75 + 6.56 x 0.949 + 0.11 x 0.732) x 32.3465 = 260.58.
    assertEquals(
        Optional.of(new BigDecimal("246.77")),
        builder.build().price(ClaimLine.parse("70496"), context).amount());
  }
}
