package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.anesthesia.NationalAnesthesiaFactor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Medicare fee schedule hands its anesthesia schedule the national anesthesia factors of its own
 * dated conversion factors, so that a 2026 qualifying APM participant is paid from the ANES file
 * stating 20.5998, and never from the other providers' file stating 20.4976.
 */
class ScheduleAnesthesiaFactorsTest {

  /** The bundled table's figures: no anesthesia factor known for 9 March to 31 December 2024. */
  private static final ConversionFactors FACTORS =
      ConversionFactors.of(
          List.of(
              cf("2024-01-01", "2024-03-08", "32.7442", "20.4349", ApmProviders.ALL),
              cf("2024-03-09", "2024-12-31", "33.2875", null, ApmProviders.ALL),
              cf("2025-01-01", "2025-12-31", "32.3465", "20.3178", ApmProviders.ALL),
              cf(
                  "2026-01-01",
                  "2026-12-31",
                  "33.4009",
                  "20.4976",
                  ApmProviders.NON_QUALIFYING_APM_PARTICIPANTS),
              cf(
                  "2026-01-01",
                  "2026-12-31",
                  "33.5675",
                  "20.5998",
                  ApmProviders.QUALIFYING_APM_PARTICIPANTS)));

  /** Rest of New York in CMS's ANES2025.csv: 19.79. */
  private static final AnesthesiaConversionFactors ANES2025 =
      table("ANES2025", "19.79").withNationalFactor(new BigDecimal("20.3178"));

  /** Made up: Rest of New York in a 2026 file for providers who are not QPs. */
  private static final AnesthesiaConversionFactors ANES2026 =
      table("ANES2026", "19.97").withNationalFactor(new BigDecimal("20.4976"));

  /** Made up: 19.97 x 20.5998 / 20.4976 = 20.0696, so 20.07. */
  private static final AnesthesiaConversionFactors ANES2026_QPP =
      table("ANES2026_QPP", "20.07").withNationalFactor(new BigDecimal("20.5998"));

  private static ConversionFactor cf(
      String from, String to, String pfs, String anesthesia, ApmProviders whom) {
    ConversionFactor.Builder b =
        ConversionFactor.builder()
            .effectiveFrom(LocalDate.parse(from))
            .effectiveTo(LocalDate.parse(to))
            .amount(new BigDecimal(pfs))
            .appliesTo(whom);
    if (anesthesia != null) {
      b.anesthesiaAmount(new BigDecimal(anesthesia));
    }
    return b.build();
  }

  private static AnesthesiaConversionFactors table(String name, String restOfNewYork) {
    return AnesthesiaConversionFactors.of(
        name, Map.of(Fixtures.REST_OF_NEW_YORK, new BigDecimal(restOfNewYork)));
  }

  private static MedicareFeeSchedule schedule(int year, List<AnesthesiaConversionFactors> tables) {
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = LocalDate.of(year, 12, 31);
    return MedicareFeeSchedule.builder()
        .rvus(RvuTable.of(Fixtures.rvuEntries()))
        .gpcis(Fixtures.gpcis())
        .conversionFactors(FACTORS)
        .effective(from, to)
        .anesthesia(
            AnesthesiaFeeSchedule.builder()
                .baseUnits(AnesthesiaBaseUnits.of("test", Map.of(CptCode.parse("00790"), 7)))
                .conversionFactors(tables)
                .effective(from, to)
                .build())
        .build();
  }

  private static FeeResult price(MedicareFeeSchedule schedule, String date, boolean qp) {
    return schedule.price(
        ClaimLine.parse("00790-AA 95min"),
        PricingContext.of(LocalDate.parse(date), Fixtures.REST_OF_NEW_YORK, Setting.FACILITY)
            .withQualifyingApmParticipant(qp));
  }

  @Test
  void theAnesthesiaFactorsAreThoseOfTheDatedTableWhereKnown() {
    LocalDate jan2026 = LocalDate.of(2026, 1, 1);
    LocalDate dec2026 = LocalDate.of(2026, 12, 31);
    assertEquals(
        List.of(
            NationalAnesthesiaFactor.of(
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 3, 8),
                ApmProviders.ALL,
                new BigDecimal("20.4349")),
            NationalAnesthesiaFactor.of(
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                ApmProviders.ALL,
                new BigDecimal("20.3178")),
            NationalAnesthesiaFactor.of(
                jan2026,
                dec2026,
                ApmProviders.QUALIFYING_APM_PARTICIPANTS,
                new BigDecimal("20.5998")),
            NationalAnesthesiaFactor.of(
                jan2026,
                dec2026,
                ApmProviders.NON_QUALIFYING_APM_PARTICIPANTS,
                new BigDecimal("20.4976"))),
        FACTORS.anesthesiaFactors(),
        "by start date, QPs' first, as the dated table");
    assertEquals(
        Optional.of(FACTORS.anesthesiaFactors()),
        schedule(2025, List.of(ANES2025)).anesthesia().orElseThrow().nationalFactors());
  }

  @Test
  void a2026QualifyingApmParticipantIsPricedOnlyWithTheFileStatingTheirFactor() {
    MedicareFeeSchedule nonQpOnly = schedule(2026, List.of(ANES2026));
    // (7 base + 95 / 15 = 6.3 time units) x 19.97 = 265.601
    assertEquals(
        Optional.of(new BigDecimal("265.60")), price(nonQpOnly, "2026-02-02", false).amount());
    FeeResult refused = price(nonQpOnly, "2026-02-02", true);
    assertEquals(
        Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH),
        refused.reason(),
        refused::toString);
    assertTrue(
        refused.detail().contains("A qualifying APM participant is paid 20.5998 on 2026-02-02"),
        refused::detail);
    MedicareFeeSchedule both = schedule(2026, List.of(ANES2026, ANES2026_QPP));
    assertEquals(Optional.of(new BigDecimal("265.60")), price(both, "2026-02-02", false).amount());
    // 13.3 x 20.07 = 266.931
    assertEquals(Optional.of(new BigDecimal("266.93")), price(both, "2026-02-02", true).amount());
  }

  @Test
  void the2025FileIsNotUsedForA2024DateWhoseFactorIsNotKnown() {
    // As before for 2025: 13.3 x 19.79 = 263.207, QP or not.
    assertEquals(
        Optional.of(new BigDecimal("263.21")),
        price(schedule(2025, List.of(ANES2025)), "2025-06-02", true).amount());
    FeeResult refused = price(schedule(2024, List.of(ANES2025)), "2024-05-01", false);
    assertEquals(
        Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH),
        refused.reason(),
        refused::toString);
    assertTrue(
        refused
            .detail()
            .startsWith(
                "ANES2025 states 20.3178, the national anesthesia factor of every provider from"
                    + " 2025-01-01 to 2025-12-31, not the factor in force on 2024-05-01"),
        refused::detail);
  }
}
