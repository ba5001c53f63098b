package io.github.cpt4j.fee.medicare.pfs;

import static io.github.cpt4j.fee.medicare.pfs.Fixtures.DATE_2025;
import static io.github.cpt4j.fee.medicare.pfs.Fixtures.REST_OF_NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MedicareFeeScheduleTest {

  private static final MedicareFeeSchedule SCHEDULE = Fixtures.schedule();

  private static FeeResult price(String line, Setting setting) {
    return SCHEDULE.price(
        ClaimLine.parse(line), PricingContext.of(DATE_2025, REST_OF_NEW_YORK, setting));
  }

  @Test
  void anAnesthesiaRowWithoutAnAnesthesiaScheduleSaysWhatIsMissing() {
    // A status J row says the anesthesia schedule pays the code, not that Medicare does not.
    MedicareFeeSchedule schedule =
        MedicareFeeSchedule.builder()
            .name("test-pfs-2026")
            .rvus(RvuTable.of(Fixtures.rvuEntries("00790,,J,0.00,0.00,,0.00,,0.00,9,XXX,9,99")))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .build();
    FeeResult result =
        schedule.price(
            ClaimLine.parse("00790-AA 60min"),
            PricingContext.of(DATE_2025, REST_OF_NEW_YORK, Setting.FACILITY));
    assertEquals(UnpricedReason.NOT_IN_SCHEDULE, result.reason().orElseThrow(), result::toString);
    assertTrue(
        result
            .toString()
            .contains(
                "00790 has status J in test-pfs-2026: anesthesia is priced with base units and"
                    + " anesthesia conversion factors, and test-pfs-2026 has none"),
        result::toString);
  }

  @Test
  void theReasonGivenForNoAnesthesiaScheduleEndsTheRefusalAndSurvivesACopy() {
    MedicareFeeSchedule schedule =
        MedicareFeeSchedule.builder()
            .name("test-pfs-2026")
            .rvus(RvuTable.of(Fixtures.rvuEntries("00790,,J,0.00,0.00,,0.00,,0.00,9,XXX,9,99")))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .noAnesthesiaBecause("no anesthesia conversion factors cover 2026")
            .build();
    PricingContext context = PricingContext.of(DATE_2025, REST_OF_NEW_YORK, Setting.FACILITY);
    // On the status J row, and for a code the rows lack; a copy with other GPCIs keeps it.
    for (MedicareFeeSchedule s :
        new MedicareFeeSchedule[] {schedule, schedule.withGpcis(Fixtures.gpcis())}) {
      assertEquals(
          "00790 has status J in test-pfs-2026: anesthesia is priced with base units and"
              + " anesthesia conversion factors, and test-pfs-2026 has none: no anesthesia"
              + " conversion factors cover 2026",
          s.price(ClaimLine.parse("00790-AA 60min"), context).detail());
      assertEquals(
          "00840 is not in test-pfs-2026; anesthesia is priced with base units and anesthesia"
              + " conversion factors, and test-pfs-2026 has none: no anesthesia conversion"
              + " factors cover 2026",
          s.price(ClaimLine.parse("00840-AA 60min"), context).detail());
    }
    assertEquals(
        Optional.of("no anesthesia conversion factors cover 2026"), schedule.noAnesthesiaReason());
  }

  /** The published 2025 amounts for locality 13282-99 (rest of New York). */
  @ParameterizedTest
  @CsvSource({
    "90834, 102.53, 89.95, false",
    "90837, 151.85, 133.13, false",
    "90791, 164.03, 141.31, false",
    "90471, 19.24, 19.24, true",
  })
  void reproducesPublishedAmounts(
      String code, String nonFacility, String facility, boolean facilityNa) {
    FeeResult nf = price(code, Setting.NON_FACILITY);
    FeeResult f = price(code, Setting.FACILITY);
    assertEquals(new BigDecimal(nonFacility), nf.amountOrThrow(), nf.toString());
    assertEquals(new BigDecimal(facility), f.amountOrThrow(), f.toString());
    assertFalse(nf.settingNotAvailable());
    assertEquals(facilityNa, f.settingNotAvailable());
  }

  @ParameterizedTest
  @CsvSource({
    "99999, STATUS_NOT_PAYABLE",
    "15824, CARRIER_PRICED",
    "0633T-TC, CARRIER_PRICED",
    "0633T, CARRIER_PRICED",
    "99213-26, MODIFIER_NOT_ALLOWED",
    "71046-26-TC, MODIFIER_NOT_ALLOWED",
    "99213-53, CARRIER_PRICED",
    "83020, MODIFIER_REQUIRED",
    "12345, NOT_IN_SCHEDULE",
  })
  void refusesWithAReason(String line, UnpricedReason reason) {
    FeeResult result = price(line, Setting.NON_FACILITY);
    assertFalse(result.isPriced(), result.toString());
    assertEquals(reason, result.reason().orElseThrow(), result.toString());
  }

  @ParameterizedTest
  @CsvSource({"71046-26", "71046-TC", "71046", "45378-53", "11055", "36591", "83020-26"})
  void pricesRows(String line) {
    FeeResult result = price(line, Setting.FACILITY);
    assertTrue(result.isPriced(), result.toString());
  }

  @org.junit.jupiter.api.Test
  void oppsCapLowersImaging() {
    FeeResult result = price("70450-TC", Setting.NON_FACILITY);
    assertEquals(new BigDecimal("60.00"), result.amountOrThrow(), result.toString());
    assertTrue(result.explanation().has("opps-cap"));
  }

  @org.junit.jupiter.api.Test
  void participationUnitsAndTheLimitingCharge() {
    PricingContext office = PricingContext.of(DATE_2025, REST_OF_NEW_YORK, Setting.NON_FACILITY);
    ClaimLine line = ClaimLine.parse("90834");
    // exact 102.53452342, posted 102.53: the percentages multiply the posted fee (the payment
    // file layout: "multiply the full fee schedule amount by a factor of 1.0925").
    // x 0.95 = 97.4035 -> 97.40 (not 97.41 from the exact amount); x 1.0925 = 112.014025 -> 112.01
    assertEquals(
        new BigDecimal("97.40"),
        SCHEDULE.price(line, office.withParticipating(false)).amountOrThrow());
    assertEquals(new BigDecimal("112.01"), SCHEDULE.limitingCharge(line, office).amountOrThrow());
    assertEquals(
        new BigDecimal("112.01"),
        SCHEDULE.limitingCharge(line, office.withParticipating(false)).amountOrThrow());
    // 3 units: 3 x the posted 102.53 = 307.59 (not 307.60 from 3 x the exact 102.53452342)
    assertEquals(
        new BigDecimal("307.59"), SCHEDULE.price(line.withUnits(3), office).amountOrThrow());
    assertEquals(
        new BigDecimal("102.53452342"),
        SCHEDULE.calculation(line, office).orElseThrow().exactAmount().stripTrailingZeros());
  }

  @org.junit.jupiter.api.Test
  void conversionFactorFollowsTheDateAndTheQpFlag() {
    PricingContext office =
        PricingContext.of(
            java.time.LocalDate.of(2024, 3, 8), REST_OF_NEW_YORK, Setting.NON_FACILITY);
    ClaimLine line = ClaimLine.parse("90834");
    BigDecimal before = SCHEDULE.calculation(line, office).orElseThrow().exactAmount();
    BigDecimal after =
        SCHEDULE
            .calculation(line, office.withDateOfService(java.time.LocalDate.of(2024, 3, 9)))
            .orElseThrow()
            .exactAmount();
    // (2.45 x 1 + 0.72 x 0.949 + 0.05 x 0.732) = 3.16988, x 32.7442 until 8 March 2024
    assertEquals(0, new BigDecimal("103.795184696").compareTo(before));
    assertEquals(
        0,
        before
            .multiply(new BigDecimal("33.2875"))
            .compareTo(after.multiply(new BigDecimal("32.7442"))));
    PricingContext in2026 = office.withDateOfService(java.time.LocalDate.of(2026, 2, 1));
    assertEquals(
        new BigDecimal("33.4009"),
        SCHEDULE.calculation(line, in2026).orElseThrow().conversionFactor().amount());
    assertEquals(
        new BigDecimal("33.5675"),
        SCHEDULE
            .calculation(line, in2026.withQualifyingApmParticipant(true))
            .orElseThrow()
            .conversionFactor()
            .amount());
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED),
        SCHEDULE
            .price(line, office.withDateOfService(java.time.LocalDate.of(2027, 1, 1)))
            .reason());
  }

  @org.junit.jupiter.api.Test
  void refusesWithoutLocalityOrGpcis() {
    ClaimLine line = ClaimLine.parse("90834");
    assertEquals(
        Optional.of(UnpricedReason.NO_LOCALITY),
        SCHEDULE.price(line, PricingContext.withoutArea(DATE_2025, Setting.FACILITY)).reason());
    assertEquals(
        Optional.of(UnpricedReason.NO_GPCI_FOR_LOCALITY),
        SCHEDULE
            .price(
                line,
                PricingContext.of(
                    DATE_2025,
                    io.github.cpt4j.fee.medicare.Locality.parse("99999-99"),
                    Setting.FACILITY))
            .reason());
    MedicareFeeSchedule noFactors =
        MedicareFeeSchedule.builder()
            .rvus(SCHEDULE.rvus())
            .gpcis(SCHEDULE.gpcis())
            .conversionFactors(ConversionFactors.of(java.util.List.of()))
            .build();
    assertEquals(
        Optional.of(UnpricedReason.NO_CONVERSION_FACTOR),
        noFactors
            .price(line, PricingContext.of(DATE_2025, REST_OF_NEW_YORK, Setting.FACILITY))
            .reason());
  }

  @org.junit.jupiter.api.Test
  void choosesRowsByModifier() {
    FeeResult discontinued = price("45378-53", Setting.FACILITY);
    assertTrue(
        discontinued.explanation().toString().contains("row: 45378-53 status A"),
        discontinued.toString());
    assertEquals("45378-53", SCHEDULE.rvuEntry(ClaimLine.parse("45378-53")).orElseThrow().row());
    assertEquals("71046-26", SCHEDULE.rvuEntry(ClaimLine.parse("71046-59-26")).orElseThrow().row());
    assertEquals(java.util.Optional.empty(), SCHEDULE.rvuEntry(ClaimLine.parse("71046-26-TC")));
    FeeResult global = price("71046", Setting.NON_FACILITY);
    FeeResult pc = price("71046-26", Setting.NON_FACILITY);
    FeeResult tc = price("71046-TC", Setting.NON_FACILITY);
    // The 26 and TC rows sum to the global row's RVUs here, so the amounts agree within a cent.
    assertTrue(
        global
                .amountOrThrow()
                .subtract(pc.amountOrThrow().add(tc.amountOrThrow()))
                .abs()
                .compareTo(new BigDecimal("0.01"))
            <= 0);
    FeeResult notAllowed = price("99213-TC", Setting.NON_FACILITY);
    assertEquals(
        "modifier TC is not allowed with 99213: PC/TC indicator 0 (physician service)",
        notAllowed.detail());
  }

  @org.junit.jupiter.api.Test
  void notesModifiersWhoseEffectIsClaimLevel() {
    FeeResult result = price("27447-50-80", Setting.FACILITY);
    assertTrue(result.settingNotAvailable() == false && result.isPriced());
    assertTrue(result.explanation().has("modifier-50"));
    assertTrue(result.explanation().has("modifier-80"));
    assertEquals(price("27447", Setting.FACILITY).amountOrThrow(), result.amountOrThrow());
    assertTrue(price("36591", Setting.NON_FACILITY).explanation().has("status-t"));
  }

  @org.junit.jupiter.api.Test
  void calculationExposesTheParts() {
    FeeCalculation calculation =
        SCHEDULE
            .calculation(
                ClaimLine.parse("90471"),
                PricingContext.of(DATE_2025, REST_OF_NEW_YORK, Setting.FACILITY))
            .orElseThrow();
    assertTrue(calculation.settingNotAvailable());
    assertEquals(Setting.NON_FACILITY, calculation.pricedSetting());
    // 0.17 x 1 x 32.3465, 0.44 x 0.949 x 32.3465, 0.01 x 0.732 x 32.3465
    assertEquals(0, new BigDecimal("5.498905").compareTo(calculation.workAmount()));
    assertEquals(0, new BigDecimal("13.50660454").compareTo(calculation.practiceExpenseAmount()));
    assertEquals(0, new BigDecimal("0.23677638").compareTo(calculation.malpracticeAmount()));
    assertEquals(new BigDecimal("19.24"), calculation.amount());
    assertEquals(
        java.util.Optional.empty(),
        SCHEDULE.calculation(
            ClaimLine.parse("15824"),
            PricingContext.of(DATE_2025, REST_OF_NEW_YORK, Setting.FACILITY)));
  }
}
