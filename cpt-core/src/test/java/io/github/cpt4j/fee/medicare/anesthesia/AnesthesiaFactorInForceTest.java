package io.github.cpt4j.fee.medicare.anesthesia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.Locality;
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

  /**
   * The national anesthesia factors as cpt4j bundles them: none known for 9 March to 31 December
   * 2024, after legislation raised the factors.
   */
  static final List<NationalAnesthesiaFactor> DATED =
      List.of(
          factor("2023-01-01", "2023-12-31", "21.1249", all()),
          factor("2024-01-01", "2024-03-08", "20.4349", all()),
          factor("2025-01-01", "2025-12-31", "20.3178", all()),
          factor(
              "2026-01-01", "2026-12-31", "20.4976", ApmProviders.NON_QUALIFYING_APM_PARTICIPANTS),
          factor("2026-01-01", "2026-12-31", "20.5998", ApmProviders.QUALIFYING_APM_PARTICIPANTS));

  /** Los Angeles in CMS's 2026 non-QP file: 21.22 (as in 2025). */
  static final AnesthesiaConversionFactors NON_QP_2026 =
      table("ANES2026", "21.22").withNationalFactor(new BigDecimal("20.4976"));

  /** Made up: the non-QP figure scaled by 20.5998 / 20.4976, 21.3258, to two decimals. */
  static final AnesthesiaConversionFactors QP_2026 =
      table("ANES2026_QPP", "21.33").withNationalFactor(new BigDecimal("20.5998"));

  private static ApmProviders all() {
    return ApmProviders.ALL;
  }

  private static NationalAnesthesiaFactor factor(
      String from, String to, String amount, ApmProviders whom) {
    return NationalAnesthesiaFactor.of(
        LocalDate.parse(from), LocalDate.parse(to), whom, new BigDecimal(amount));
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
        "ANES2026 states 20.4976, the national anesthesia factor of providers who are not"
            + " qualifying APM participants from 2026-01-01 to 2026-12-31. A qualifying APM"
            + " participant is paid 20.5998 on 2026-02-02: give CMS's ANES file for them",
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
            .contains("A provider who is not a qualifying APM participant is paid 20.4976"),
        other::detail);
  }

  /**
   * The factor a file states is held to what a dated national factor may be, which it is checked
   * against: above 0, at most 999.9999, at most four decimals.
   */
  @Test
  void theStatedNationalFactorIsOneTheDatedTableCouldHold() {
    AnesthesiaConversionFactors file = table("ANES2025", "19.79");
    for (String bad : List.of("1000", "0", "-20.3178", "20.31785")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> file.withNationalFactor(new BigDecimal(bad)),
              bad);
      assertEquals(
          "a national anesthesia conversion factor is above 0 and at most 999.9999 with at most"
              + " four decimals, not "
              + bad
              + " (ANES2025)",
          e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> factor("2025-01-01", "2025-12-31", bad, all()),
          "the dated table takes " + bad);
    }
    assertEquals(
        Optional.of(new BigDecimal("999.9999")),
        file.withNationalFactor(new BigDecimal("999.9999")).nationalFactor());
  }

  /**
   * A locality's factor is the national factor adjusted by the locality's GPCIs, so it is held to
   * the national factor's bound: a factor of thousands, or of five decimals, is a slip.
   */
  @Test
  void aLocalityFactorIsOneTheNationalFactorsBoundAllows() {
    for (String bad : List.of("1000", "0", "-19.79", "19.79001")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> table("ANES2025", bad), bad);
      assertEquals(
          "an anesthesia conversion factor is above 0 and at most 999.9999 with at most four"
              + " decimals, not "
              + bad
              + " in 01182-18 (ANES2025)",
          e.getMessage());
    }
    assertEquals(
        Optional.of(new BigDecimal("999.9999")), table("ANES2025", "999.9999").find(LOS_ANGELES));
    assertEquals(
        Optional.of(new BigDecimal("19.7900")), table("ANES2025", "19.7900").find(LOS_ANGELES));
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
        "ANES2024 states 20.4349, the national anesthesia factor of every provider from 2024-01-01"
            + " to 2024-03-08, not the factor in force on 2024-03-09, which the dated table does"
            + " not give: give CMS's ANES file for that date",
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

  /**
   * The dated table gives no factor for 9 March to 31 December 2024; a file stating the factor of
   * another period of another year is not the one in force then either: the 2025 file (20.3178) or
   * the 2023 one (21.1249) given for a 2024 date is refused, naming the file, its factor and whose
   * and when that factor is.
   */
  @Test
  void aFileStatingAnotherYearsFactorIsRefusedWhenTheFactorInForceIsNotKnown() {
    AnesthesiaConversionFactors anes2025 =
        table("ANES2025", "21.22").withNationalFactor(new BigDecimal("20.3178"));
    FeeResult later = price(schedule(2024, List.of(anes2025)), "2024-05-01", false);
    assertEquals(
        Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH), later.reason(), later::toString);
    assertEquals(
        "ANES2025 states 20.3178, the national anesthesia factor of every provider from 2025-01-01"
            + " to 2025-12-31, not the factor in force on 2024-05-01, which the dated table does"
            + " not give: give CMS's ANES file for that date",
        later.detail());
    AnesthesiaConversionFactors anes2023 =
        table("ANES2023", "22.10").withNationalFactor(new BigDecimal("21.1249"));
    FeeResult earlier = price(schedule(2024, List.of(anes2023)), "2024-12-31", true);
    assertEquals(Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH), earlier.reason());
    assertTrue(
        earlier
            .detail()
            .startsWith(
                "ANES2023 states 21.1249, the national anesthesia factor of"
                    + " every provider from 2023-01-01 to 2023-12-31"),
        earlier::detail);
    // Beside them, a file stating a factor the dated table does not give prices those dates.
    AnesthesiaConversionFactors march =
        table("ANES2024_updated", "21.90").withNationalFactor(new BigDecimal("20.7000"));
    FeeResult priced =
        price(schedule(2024, List.of(anes2023, anes2025, march)), "2024-05-01", false);
    assertEquals(Optional.of(new BigDecimal("197.10")), priced.amount(), priced::toString);
    assertTrue(priced.toString().contains("ANES2024_updated prices 2024-05-01"), priced::toString);
    // Without it, every file is named, each in a sentence of its own.
    FeeResult none = price(schedule(2024, List.of(anes2023, anes2025)), "2024-05-01", false);
    assertEquals(
        "ANES2023 states 21.1249, the national anesthesia factor of every provider from 2023-01-01"
            + " to 2023-12-31. ANES2025 states 20.3178, the national anesthesia factor of every"
            + " provider from 2025-01-01 to 2025-12-31. None is the factor in force on 2024-05-01,"
            + " which the dated table does not give: give CMS's ANES file for that date",
        none.detail());
  }

  /**
   * The command line takes a reason up to its first {@code "; "}: no detail of a refused line has
   * one, so the files it names are all said.
   */
  @Test
  void noDetailHasASemicolonBreak() {
    AnesthesiaConversionFactors anes2024 =
        table("ANES2024", "21.50").withNationalFactor(new BigDecimal("20.4349"));
    AnesthesiaConversionFactors anes2025 =
        table("ANES2025", "21.22").withNationalFactor(new BigDecimal("20.3178"));
    AnesthesiaFeeSchedule undated =
        AnesthesiaFeeSchedule.builder()
            .baseUnits(
                AnesthesiaBaseUnits.of(
                    "CY 2022", Map.of(AnesthesiaFeeScheduleTest.code("00100"), 5)))
            .conversionFactors(List.of(QP_2026, NON_QP_2026))
            .build();
    for (FeeResult refused :
        List.of(
            price(schedule(2026, List.of(NON_QP_2026, anes2025)), "2026-02-02", true),
            price(schedule(2024, List.of(anes2024, anes2025)), "2024-05-01", false),
            price(undated, "2026-02-02", true))) {
      assertTrue(refused.reason().isPresent(), refused::toString);
      assertTrue(!refused.detail().contains("; "), refused::detail);
    }
  }

  @Test
  void aNationalFactorIsCheckedAndTheDatedTableHasNoOverlap() {
    LocalDate jan = LocalDate.of(2026, 1, 1);
    LocalDate dec = LocalDate.of(2026, 12, 31);
    for (String amount : new String[] {"0", "-20.4976", "20.49761", "1000"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  NationalAnesthesiaFactor.of(jan, dec, ApmProviders.ALL, new BigDecimal(amount)));
      assertTrue(e.getMessage().contains(amount), e::getMessage);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> NationalAnesthesiaFactor.of(dec, jan, ApmProviders.ALL, new BigDecimal("20.4976")));
    assertEquals(
        factor("2026-01-01", "2026-12-31", "20.4976", all()),
        factor("2026-01-01", "2026-12-31", "20.49760", all()));
    assertEquals(
        "20.5998 (2026-01-01..2026-12-31, qualifying apm participants)", DATED.get(4).toString());
    IllegalArgumentException overlap =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AnesthesiaFeeSchedule.builder()
                    .nationalFactors(
                        List.of(DATED.get(3), factor("2026-07-01", "2026-12-31", "20.6", all()))));
    assertEquals(
        "national anesthesia factors 20.4976 (2026-01-01..2026-12-31, non qualifying apm"
            + " participants) and 20.6 (2026-07-01..2026-12-31) overlap",
        overlap.getMessage());
    // The QP and the other providers' factors of one year do not overlap.
    AnesthesiaFeeSchedule.builder().nationalFactors(DATED);
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
