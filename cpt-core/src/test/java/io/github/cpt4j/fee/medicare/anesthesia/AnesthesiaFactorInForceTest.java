package io.github.cpt4j.fee.medicare.anesthesia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An ANES table is priced with only on the dates and for the providers whose national anesthesia
 * factor it states: the dated table's, 20.4349 for 1 January to 8 March 2024 (unknown after), and
 * for 2026 20.4976, or 20.5998 for qualifying APM participants.
 */
class AnesthesiaFactorInForceTest {

  static final Locality LOS_ANGELES = Locality.parse("01182-18");

  static final ConversionFactors DATED =
      ConversionFactors.of(
          List.of(
              factor("2024-01-01", "2024-03-08", "32.7442", "20.4349", all()),
              factor("2024-03-09", "2024-12-31", "33.2875", null, all()),
              factor("2025-01-01", "2025-12-31", "32.3465", "20.3178", all()),
              factor(
                  "2026-01-01",
                  "2026-12-31",
                  "33.4009",
                  "20.4976",
                  ConversionFactor.Providers.NON_QUALIFYING_APM_PARTICIPANTS),
              factor(
                  "2026-01-01",
                  "2026-12-31",
                  "33.5675",
                  "20.5998",
                  ConversionFactor.Providers.QUALIFYING_APM_PARTICIPANTS)));

  /** Los Angeles in CMS's 2026 non-QP file: 21.22 (as in 2025). */
  static final AnesthesiaConversionFactors NON_QP_2026 =
      table("ANES2026", "21.22").withNationalFactor(new BigDecimal("20.4976"));

  /** Made up: the non-QP figure scaled by 20.5998 / 20.4976, 21.3258, to two decimals. */
  static final AnesthesiaConversionFactors QP_2026 =
      table("ANES2026_QPP", "21.33").withNationalFactor(new BigDecimal("20.5998"));

  private static ConversionFactor.Providers all() {
    return ConversionFactor.Providers.ALL;
  }

  private static ConversionFactor factor(
      String from, String to, String pfs, String anesthesia, ConversionFactor.Providers whom) {
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

  private static AnesthesiaConversionFactors table(String name, String losAngeles) {
    return AnesthesiaConversionFactors.of(name, Map.of(LOS_ANGELES, new BigDecimal(losAngeles)));
  }

  private static AnesthesiaFeeSchedule schedule(
      int year, List<AnesthesiaConversionFactors> tables) {
    return AnesthesiaFeeSchedule.builder()
        .baseUnits(
            AnesthesiaBaseUnits.of("CY 2022", Map.of(AnesthesiaFeeScheduleTest.code("00100"), 5)))
        .conversionFactors(tables)
        .nationalFactors(DATED)
        .effective(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
        .build();
  }

  private static FeeResult price(AnesthesiaFeeSchedule schedule, String date, boolean qp) {
    return schedule.price(
        ClaimLine.parse("00100-AA 60min"),
        PricingContext.of(LocalDate.parse(date), LOS_ANGELES, Setting.FACILITY)
            .withQualifyingApmParticipant(qp));
  }

  @Test
  void aQualifyingApmParticipantIsNotPricedWithTheOtherProvidersFile() {
    AnesthesiaFeeSchedule schedule = schedule(2026, List.of(NON_QP_2026));
    // (5 base + 60 / 15 = 4.0 time units) x 21.22 = 190.98
    assertEquals(
        Optional.of(new BigDecimal("190.98")), price(schedule, "2026-02-02", false).amount());
    FeeResult qp = price(schedule, "2026-02-02", true);
    assertEquals(Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH), qp.reason(), qp::toString);
    assertEquals(
        "ANES2026 states 20.4976, the factor of providers who are not qualifying APM participants"
            + " from 2026-01-01 to 2026-12-31; a qualifying APM participant is paid 20.5998 on"
            + " 2026-02-02: give CMS's ANES file for them",
        qp.detail());
  }

  @Test
  void eachProviderIsPricedWithTheFileStatingItsFactor() {
    AnesthesiaFeeSchedule schedule = schedule(2026, List.of(QP_2026, NON_QP_2026));
    assertEquals(
        Optional.of(new BigDecimal("190.98")), price(schedule, "2026-02-02", false).amount());
    // 9.0 units x 21.33 = 191.97
    FeeResult qp = price(schedule, "2026-02-02", true);
    assertEquals(Optional.of(new BigDecimal("191.97")), qp.amount(), qp::toString);
    assertTrue(qp.toString().contains("ANES2026_QPP states 20.5998"), qp::toString);
    // The QP file alone refuses the other providers.
    FeeResult other = price(schedule(2026, List.of(QP_2026)), "2026-02-02", false);
    assertEquals(Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH), other.reason());
    assertTrue(
        other
            .detail()
            .contains("a provider who is not a qualifying APM participant is paid 20.4976"),
        other::detail);
  }

  @Test
  void aFileOfJanuary2024PricesUntilTheFactorChangedOn9March() {
    // Made up: one locality's figure, stating CMS's national factor of January 2024.
    AnesthesiaConversionFactors january =
        table("ANES2024", "21.50").withNationalFactor(new BigDecimal("20.4349"));
    AnesthesiaFeeSchedule schedule = schedule(2024, List.of(january));
    assertEquals(
        Optional.of(new BigDecimal("193.50")), price(schedule, "2024-03-08", false).amount());
    FeeResult after = price(schedule, "2024-03-09", false);
    assertEquals(
        Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH), after.reason(), after::toString);
    assertEquals(
        "ANES2024 states 20.4349, the factor of every provider from 2024-01-01 to 2024-03-08; the"
            + " factors changed on 2024-03-09 and the one in force on 2024-03-09 is not in the"
            + " dated table: the file predates the change; give CMS's ANES file for that date",
        after.detail());
    // Made up too: a file re-issued for the change, stating a factor the table does not know.
    AnesthesiaConversionFactors march =
        table("ANES2024_updated", "21.90").withNationalFactor(new BigDecimal("20.7000"));
    AnesthesiaFeeSchedule both = schedule(2024, List.of(january, march));
    assertEquals(Optional.of(new BigDecimal("193.50")), price(both, "2024-03-08", false).amount());
    assertEquals(Optional.of(new BigDecimal("197.10")), price(both, "2024-03-09", false).amount());
    // The re-issued file alone is refused before the change: it states no January factor.
    assertEquals(
        Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH),
        price(schedule(2024, List.of(march)), "2024-03-08", false).reason());
  }

  @Test
  void aTableStatingNoFactorPricesAsBefore() {
    AnesthesiaFeeSchedule schedule = schedule(2026, List.of(table("ANES2026", "21.22")));
    assertEquals(
        Optional.of(new BigDecimal("190.98")), price(schedule, "2026-02-02", true).amount());
  }

  @Test
  void tablesThatCannotBeToldApartAreRefused() {
    AnesthesiaConversionFactors copy =
        table("ANES2026_copy", "21.30").withNationalFactor(new BigDecimal("20.49760"));
    IllegalArgumentException same =
        assertThrows(
            IllegalArgumentException.class,
            () -> AnesthesiaFeeSchedule.builder().conversionFactors(List.of(NON_QP_2026, copy)));
    assertTrue(same.getMessage().contains("ANES2026 and ANES2026_copy"), same::getMessage);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AnesthesiaFeeSchedule.builder()
                .conversionFactors(List.of(NON_QP_2026, table("ANES2026_other", "21.30"))));
  }
}
