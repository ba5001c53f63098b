package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.ServicePlace;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Place of service 10, telehealth in the patient's home, is paid the non-facility rate from 1
 * January 2024 and was paid the facility rate before, as 02 is (CY 2024 PFS final rule; Claims
 * Processing Manual transmittal 12671, CR 13582).
 */
class TelehealthInHomeSettingTest {

  private static final LocalDate LAST_FACILITY_DAY = LocalDate.of(2023, 12, 31);
  private static final LocalDate FIRST_NON_FACILITY_DAY = LocalDate.of(2024, 1, 1);

  /** 99213 with a smaller facility PE: 100.00 non-facility, 75.00 facility, at 25 per RVU. */
  private static final MedicareFeeSchedule SCHEDULE =
      ClaimTables.scheduleBuilderSince2015()
          .rvus(
              RvuTable.of(
                  List.of(
                      ClaimTables.row("99213", "2.00", "1.60", "0.40").facilityPe("0.60").build())))
          .build();

  private static final ClaimLine VISIT = ClaimLine.parse("99213");

  private static PricingContext at(String place, LocalDate date) {
    return CONTEXT.withDateOfService(date).withPlaceOfService(PlaceOfService.parse(place));
  }

  private static Optional<BigDecimal> amount(String value) {
    return Optional.of(new BigDecimal(value));
  }

  @Test
  void settingOnDependsOnTheDateForPlace10Only() {
    PlaceOfService home = PlaceOfService.TELEHEALTH_IN_HOME;
    assertEquals(Setting.FACILITY, home.settingOn(LocalDate.of(2022, 4, 1)));
    assertEquals(Setting.FACILITY, home.settingOn(LAST_FACILITY_DAY));
    assertEquals(Setting.NON_FACILITY, home.settingOn(FIRST_NON_FACILITY_DAY));
    assertEquals(Setting.NON_FACILITY, home.setting());
    for (LocalDate date : new LocalDate[] {LAST_FACILITY_DAY, FIRST_NON_FACILITY_DAY}) {
      assertEquals(Setting.FACILITY, PlaceOfService.TELEHEALTH_OTHER_THAN_HOME.settingOn(date));
      assertEquals(Setting.NON_FACILITY, PlaceOfService.OFFICE.settingOn(date));
      assertEquals(Setting.FACILITY, PlaceOfService.INPATIENT_HOSPITAL.settingOn(date));
      assertTrue(PlaceOfService.OFFICE.settingChangeOn(date).isEmpty());
    }
    assertTrue(home.settingChangeOn(LAST_FACILITY_DAY).isPresent());
    assertTrue(home.settingChangeOn(FIRST_NON_FACILITY_DAY).isEmpty());
  }

  /**
   * A place of the caller's own whose setting is not Medicare's for its code keeps its setting, on
   * every date, as it did before places were priced by date.
   */
  @Test
  void aPlaceOfTheCallersOwnKeepsItsSetting() {
    ServicePlace officeAtFacilityRate =
        new ServicePlace() {
          @Override
          public int code() {
            return 11;
          }

          @Override
          public Setting setting() {
            return Setting.FACILITY;
          }
        };
    for (LocalDate date : new LocalDate[] {LAST_FACILITY_DAY, FIRST_NON_FACILITY_DAY}) {
      PricingContext context =
          CONTEXT.withDateOfService(date).withPlaceOfService(officeAtFacilityRate);
      assertEquals(amount("75.00"), SCHEDULE.price(VISIT, context).amount(), date::toString);
    }
  }

  /**
   * The context of a POS 10 line before 2024 names the setting it is priced at, facility, as do its
   * explanation's first step and the claim's line; it named today's non-facility setting, and
   * contradicted the amount and the explanation's own {@code setting} step.
   */
  @Test
  void theContextNamesTheSettingTheDatePricesAt() {
    PricingContext before = at("10", LAST_FACILITY_DAY);
    assertEquals(Setting.FACILITY, before.setting());
    assertEquals(Setting.NON_FACILITY, at("10", FIRST_NON_FACILITY_DAY).setting());
    // The date moves the setting with it, both ways, and the place is kept.
    assertEquals(Setting.NON_FACILITY, before.withDateOfService(FIRST_NON_FACILITY_DAY).setting());
    assertEquals(
        Setting.FACILITY,
        at("10", FIRST_NON_FACILITY_DAY).withDateOfService(LAST_FACILITY_DAY).setting());
    assertEquals(
        Optional.of(PlaceOfService.TELEHEALTH_IN_HOME),
        PlaceOfService.in(before.withSetting(Setting.FACILITY)));
    assertTrue(PlaceOfService.in(before.withSetting(Setting.NON_FACILITY)).isEmpty());
    String first = SCHEDULE.price(VISIT, before).explanation().steps().get(0).toString();
    assertTrue(first.contains(" facility POS 10"), first);
    assertFalse(first.contains("non-facility"), first);
    Claim claim =
        Claim.of(
            BilledLine.of(VISIT).withDateOfService(LAST_FACILITY_DAY),
            BilledLine.of(VISIT).withDateOfService(FIRST_NON_FACILITY_DAY));
    PricedClaim priced = MedicareClaimPricer.of(SCHEDULE).price(claim, before);
    assertEquals(Setting.FACILITY, priced.context().setting());
    String line0 = priced.line(0).explanation().toString();
    String line1 = priced.line(1).explanation().toString();
    assertTrue(line0.contains("2023-12-31 ") && line0.contains(" facility POS 10"), line0);
    assertFalse(line0.contains("non-facility POS 10"), line0);
    assertTrue(line1.contains("2024-01-01 ") && line1.contains(" non-facility POS 10"), line1);
  }

  /** A place of the caller's own names its own setting in the context, on every date. */
  @Test
  void aPlaceOfTheCallersOwnNamesItsOwnSetting() {
    ServicePlace homeOfItsOwn =
        new ServicePlace() {
          @Override
          public int code() {
            return 10;
          }

          @Override
          public Setting setting() {
            return Setting.NON_FACILITY;
          }
        };
    PricingContext context =
        CONTEXT.withDateOfService(LAST_FACILITY_DAY).withPlaceOfService(homeOfItsOwn);
    assertEquals(Setting.NON_FACILITY, context.setting());
    FeeResult result = SCHEDULE.price(VISIT, context);
    assertEquals(amount("100.00"), result.amount());
    // No step claims the facility rate was used when it was not.
    assertFalse(result.explanation().toString().contains("transmittal 12671"));
  }

  @Test
  void place10IsPaidTheFacilityRateBefore2024() {
    assertEquals(amount("75.00"), SCHEDULE.price(VISIT, at("10", LAST_FACILITY_DAY)).amount());
    // The same as telehealth outside the home and a facility setting that day.
    assertEquals(amount("75.00"), SCHEDULE.price(VISIT, at("02", LAST_FACILITY_DAY)).amount());
    assertEquals(
        amount("75.00"),
        SCHEDULE
            .price(
                VISIT, CONTEXT.withDateOfService(LAST_FACILITY_DAY).withSetting(Setting.FACILITY))
            .amount());
    // The office is non-facility whatever the date.
    assertEquals(amount("100.00"), SCHEDULE.price(VISIT, at("11", LAST_FACILITY_DAY)).amount());
  }

  @Test
  void place10IsPaidTheNonFacilityRateFrom2024() {
    assertEquals(
        amount("100.00"), SCHEDULE.price(VISIT, at("10", FIRST_NON_FACILITY_DAY)).amount());
    assertEquals(amount("75.00"), SCHEDULE.price(VISIT, at("02", FIRST_NON_FACILITY_DAY)).amount());
  }

  @Test
  void theExplanationSaysWhyTheFacilityRateWasUsed() {
    FeeResult result = SCHEDULE.price(VISIT, at("10", LAST_FACILITY_DAY));
    String explanation = result.explanation().toString();
    assertTrue(
        explanation.contains(
            "place of service 10 (telehealth in the patient's home) is paid the facility rate on"
                + " dates of service before 2024-01-01"),
        explanation);
    assertTrue(explanation.contains("transmittal 12671"), explanation);
    String from2024 =
        SCHEDULE.price(VISIT, at("10", FIRST_NON_FACILITY_DAY)).explanation().toString();
    assertFalse(from2024.contains("transmittal 12671"), from2024);
  }

  @Test
  void aClaimAcrossNewYearPricesEachLineAtItsDatesSetting() {
    Claim claim =
        Claim.of(
            BilledLine.of(VISIT).withDateOfService(LAST_FACILITY_DAY),
            BilledLine.of(VISIT).withDateOfService(FIRST_NON_FACILITY_DAY));
    PricedClaim priced =
        MedicareClaimPricer.of(SCHEDULE).price(claim, at("10", FIRST_NON_FACILITY_DAY));
    assertEquals(amount("75.00"), priced.line(0).amount(), priced.toString());
    assertEquals(amount("100.00"), priced.line(1).amount(), priced.toString());
    assertTrue(
        priced.line(0).explanation().toString().contains("transmittal 12671"),
        priced.line(0).explanation().toString());
  }
}
