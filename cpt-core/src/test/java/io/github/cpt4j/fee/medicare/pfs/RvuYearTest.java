package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 6: a relative value file is for one year, and its values are paid only with that
 * year's conversion factor. 99213 in Manhattan has 3.1242 GPCI-adjusted RVUs (1.30 x 1.065 + 1.35 x
 * 1.166 + 0.10 x 1.656): with the 2025 factor 32.3465 that is 101.06, what CMS paid; with the 2026
 * factor 33.4009 it would be 104.35, an amount no one was ever paid.
 */
class RvuYearTest {

  private static final ClaimLine VISIT = ClaimLine.parse("99213");

  private static MedicareFeeSchedule schedule(RvuTable rvus) {
    return MedicareFeeSchedule.builder()
        .name("test-pfs")
        .rvus(rvus)
        .gpcis(Fixtures.gpcis())
        .conversionFactors(Fixtures.conversionFactors())
        .build();
  }

  private static FeeResult price(MedicareFeeSchedule schedule, LocalDate date) {
    return schedule.price(VISIT, PricingContext.of(date, Fixtures.MANHATTAN, Setting.NON_FACILITY));
  }

  @Test
  void rowsOfAYearPriceOnlyThatYearsDates() {
    MedicareFeeSchedule y2025 =
        schedule(RvuTable.of(Fixtures.rvuEntries()).withYear(Year.of(2025)));

    assertEquals(
        Optional.of(new BigDecimal("101.06")), price(y2025, LocalDate.of(2025, 12, 31)).amount());
    FeeResult in2026 = price(y2025, LocalDate.of(2026, 11, 30));
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), in2026.reason());
    assertEquals(
        "test-pfs covers 2025-01-01 to 2025-12-31, not 2026-11-30: its relative value file is"
            + " for 2025, and 2025 relative values are paid only on 2025 dates of service",
        in2026.detail());
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED),
        price(y2025, LocalDate.of(2024, 12, 31)).reason());
    assertEquals(LocalDate.of(2025, 1, 1), y2025.effectiveFrom());
    assertEquals(LocalDate.of(2025, 12, 31), y2025.effectiveTo());
  }

  /**
   * Rows that name no year (built by hand, or a file with its title row cut) priced with GPCIs of a
   * known year: those indices apply to that year's services only ({@link GpciTable#year()}), so a
   * 2026 date was priced with 2025's GPCIs and 2026's factor, 104.35 for 99213 in Manhattan, an
   * amount no one was ever paid, without a word. The GPCIs' year now bounds the dates.
   */
  @Test
  void gpcisOfAYearPriceOnlyThatYearsDatesWhenTheRowsNameNone() {
    MedicareFeeSchedule rowsWithoutYear =
        MedicareFeeSchedule.builder()
            .name("test-pfs")
            .rvus(RvuTable.of(Fixtures.rvuEntries()))
            .gpcis(Fixtures.gpcis().withYear(Year.of(2025)))
            .conversionFactors(Fixtures.conversionFactors())
            .build();
    assertEquals(LocalDate.of(2025, 1, 1), rowsWithoutYear.effectiveFrom());
    assertEquals(LocalDate.of(2025, 12, 31), rowsWithoutYear.effectiveTo());
    assertEquals(
        Optional.of(new BigDecimal("101.06")),
        price(rowsWithoutYear, LocalDate.of(2025, 12, 31)).amount());
    FeeResult in2026 = price(rowsWithoutYear, LocalDate.of(2026, 1, 1));
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), in2026.reason(), in2026::toString);
    assertEquals(
        "test-pfs covers 2025-01-01 to 2025-12-31, not 2026-01-01: its GPCIs are for 2025, and"
            + " a year's GPCIs apply only to that year's dates of service",
        in2026.detail());
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED),
        price(rowsWithoutYear, LocalDate.of(2024, 12, 31)).reason());
    // A period outside the GPCIs' year is refused when the schedule is built, as for rows.
    IllegalArgumentException outside =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MedicareFeeSchedule.builder()
                    .rvus(RvuTable.of(Fixtures.rvuEntries()))
                    .gpcis(Fixtures.gpcis().withYear(Year.of(2025)))
                    .conversionFactors(Fixtures.conversionFactors())
                    .effective(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))
                    .build());
    assertEquals(
        "the GPCIs are for 2025, but the schedule's period is 2026-01-01 to 2026-03-31",
        outside.getMessage());
  }

  @Test
  void rowsOfAReleasePriceOnlyTheDatesOfItsQuarter() {
    // CMS issues the file each quarter, and values change between releases.
    RvuTable rows = RvuTable.of(Fixtures.rvuEntries());
    MedicareFeeSchedule april = schedule(rows.withRelease(YearMonth.of(2025, 4)));
    assertEquals(LocalDate.of(2025, 4, 1), april.effectiveFrom());
    assertEquals(LocalDate.of(2025, 6, 30), april.effectiveTo());
    assertEquals(
        Optional.of(new BigDecimal("101.06")), price(april, LocalDate.of(2025, 6, 30)).amount());
    FeeResult july = price(april, LocalDate.of(2025, 7, 1));
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), july.reason());
    assertEquals(
        "test-pfs covers 2025-04-01 to 2025-06-30, not 2025-07-01: its relative value file is the"
            + " April 2025 release, in force to the end of its quarter; another quarter is priced"
            + " with its own release",
        july.detail());
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED),
        price(april, LocalDate.of(2025, 3, 31)).reason());
    // A period narrower than the release's quarter excludes a date of that quarter by itself: the
    // detail says so, without blaming the release.
    MedicareFeeSchedule aprilOnly =
        MedicareFeeSchedule.builder()
            .name("april-only")
            .rvus(rows.withRelease(YearMonth.of(2025, 4)))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .effective(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30))
            .build();
    assertEquals(
        "april-only covers 2025-04-01 to 2025-04-30, not 2025-05-15",
        price(aprilOnly, LocalDate.of(2025, 5, 15)).detail());
    assertTrue(
        price(aprilOnly, LocalDate.of(2025, 7, 1)).detail().contains("April 2025 release"),
        "a date outside the release's quarter still names the release");
    // A correction issued in another month of the quarter still ends with the quarter.
    assertEquals(
        LocalDate.of(2025, 3, 31), schedule(rows.withRelease(YearMonth.of(2025, 2))).effectiveTo());
    assertEquals(
        LocalDate.of(2025, 12, 31),
        schedule(rows.withRelease(YearMonth.of(2025, 10))).effectiveTo());
    // The release carries its year; clearing it keeps the year.
    assertEquals(Optional.of(Year.of(2025)), rows.withRelease(YearMonth.of(2025, 4)).year());
    RvuTable yearOnly = rows.withRelease(YearMonth.of(2025, 4)).withoutRelease();
    assertEquals(Optional.of(Year.of(2025)), yearOnly.year());
    assertTrue(yearOnly.release().isEmpty());
    assertTrue(rows.withRelease(YearMonth.of(2025, 4)).withYear(Year.of(2026)).release().isEmpty());
    assertThrows(
        IllegalArgumentException.class,
        () -> rows.withYear(Year.of(2026)).withRelease(YearMonth.of(2025, 4)));
  }

  @Test
  void rowsWithoutAYearPriceEveryDateWithAFactor() {
    // What a hand-built table without a year does, and what every file did before: 2026's factor.
    MedicareFeeSchedule any = schedule(RvuTable.of(Fixtures.rvuEntries()));

    assertEquals(
        Optional.of(new BigDecimal("104.35")), price(any, LocalDate.of(2026, 11, 30)).amount());
    assertTrue(any.rvus().year().isEmpty());
  }

  @Test
  void theYearNarrowsTheBuildersPeriod() {
    MedicareFeeSchedule october =
        MedicareFeeSchedule.builder()
            .rvus(RvuTable.of(Fixtures.rvuEntries()).withYear(Year.of(2025)))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .effective(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 3, 31))
            .build();

    assertEquals(LocalDate.of(2025, 10, 1), october.effectiveFrom());
    assertEquals(LocalDate.of(2025, 12, 31), october.effectiveTo());
  }

  @Test
  void aPeriodOutsideTheFilesYearIsRefusedWhenBuilt() {
    MedicareFeeSchedule.Builder builder =
        MedicareFeeSchedule.builder()
            .rvus(RvuTable.of(Fixtures.rvuEntries()).withYear(Year.of(2025)))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .effective(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals(
        "the relative value file is for 2025, but the schedule's period is 2026-01-01 to"
            + " 2026-12-31",
        e.getMessage());
  }

  /** An anesthesia schedule for every date (the builder's default): 5 base units, CF 20.00. */
  private static AnesthesiaFeeSchedule anesthesiaOfEveryDate() {
    return AnesthesiaFeeSchedule.builder()
        .name("test-anesthesia")
        .baseUnits(AnesthesiaBaseUnits.of("test", Map.of(CptCode.parse("00100"), 5)))
        .conversionFactors(
            AnesthesiaConversionFactors.of(
                "test", Map.of(Fixtures.MANHATTAN, new BigDecimal("20.00"))))
        .build();
  }

  private static final ClaimLine ANESTHESIA = ClaimLine.parse("00100-AA 60min");

  @Test
  void anesthesiaIsPricedOnlyOnTheSchedulesDates() {
    // The schedule prices 2025 only (its relative values are 2025's), and says so; its anesthesia
    // lines were priced on any date the anesthesia schedule covered: a 2026 line with 2025's
    // anesthesia factor, beside a visit of the same claim refused for its date.
    MedicareFeeSchedule y2025 =
        MedicareFeeSchedule.builder()
            .name("test-pfs")
            .rvus(RvuTable.of(Fixtures.rvuEntries()).withYear(Year.of(2025)))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .anesthesia(anesthesiaOfEveryDate())
            .build();
    PricingContext in2025 =
        PricingContext.of(LocalDate.of(2025, 12, 31), Fixtures.MANHATTAN, Setting.NON_FACILITY);
    PricingContext in2026 = in2025.withDateOfService(LocalDate.of(2026, 1, 1));

    // (5 + 60 / 15) x 20.00
    assertEquals(Optional.of(new BigDecimal("180.00")), y2025.price(ANESTHESIA, in2025).amount());
    FeeResult refused = y2025.price(ANESTHESIA, in2026);
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED), refused.reason(), refused.toString());
    assertEquals(
        "test-anesthesia covers 2025-01-01 to 2025-12-31, not 2026-01-01", refused.detail());
    assertEquals(LocalDate.of(2025, 1, 1), y2025.anesthesia().orElseThrow().effectiveFrom());
    assertEquals(LocalDate.of(2025, 12, 31), y2025.anesthesia().orElseThrow().effectiveTo());

    // The claim pricer's sessions too.
    PricedClaim claim =
        MedicareClaimPricer.of(y2025).price(Claim.of(List.of(BilledLine.of(ANESTHESIA))), in2026);
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED), claim.line(0).reason(), claim.toString());

    // A release's quarter bounds them as it bounds the rows: April's schedule, July's line.
    MedicareFeeSchedule april =
        MedicareFeeSchedule.builder()
            .rvus(RvuTable.of(Fixtures.rvuEntries()).withRelease(YearMonth.of(2025, 4)))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .anesthesia(anesthesiaOfEveryDate())
            .build();
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED),
        april.price(ANESTHESIA, in2025.withDateOfService(LocalDate.of(2025, 7, 1))).reason());
    assertEquals(
        Optional.of(new BigDecimal("180.00")),
        april.price(ANESTHESIA, in2025.withDateOfService(LocalDate.of(2025, 6, 30))).amount());
  }

  @Test
  void anAnesthesiaScheduleWithinThePeriodIsKeptAsGiven() {
    AnesthesiaFeeSchedule anesthesia = anesthesiaOfEveryDate();
    ConversionFactors factors = Fixtures.conversionFactors();
    MedicareFeeSchedule.Builder builder =
        MedicareFeeSchedule.builder()
            .rvus(RvuTable.of(Fixtures.rvuEntries()))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(factors);
    // Without a dated table of its own it gets the schedule's, so its ANES table is checked.
    AnesthesiaFeeSchedule given = builder.anesthesia(anesthesia).build().anesthesia().orElseThrow();
    assertSame(anesthesia.conversionFactors(), given.conversionFactors());
    assertEquals(anesthesia.toString(), given.toString());
    assertEquals(factors.anesthesiaFactors(), given.nationalFactors().orElseThrow());
    // With one, it is kept as given.
    assertSame(given, builder.anesthesia(given).build().anesthesia().orElseThrow());
  }

  @Test
  void anAnesthesiaScheduleOutsideThePeriodIsRefusedWhenBuilt() {
    MedicareFeeSchedule.Builder builder =
        MedicareFeeSchedule.builder()
            .rvus(RvuTable.of(Fixtures.rvuEntries()).withYear(Year.of(2025)))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .anesthesia(
                AnesthesiaFeeSchedule.builder()
                    .name("test-anesthesia")
                    .baseUnits(anesthesiaOfEveryDate().baseUnits())
                    .conversionFactors(anesthesiaOfEveryDate().conversionFactors())
                    .effective(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))
                    .build());

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals(
        "the anesthesia schedule test-anesthesia covers 2026-01-01 to 2026-12-31, none of the"
            + " schedule's period 2025-01-01 to 2025-12-31",
        e.getMessage());
  }

  @Test
  void withoutYearForgetsIt() {
    RvuTable rows = RvuTable.of(Fixtures.rvuEntries());
    assertTrue(rows.withYear(Year.of(2025)).withoutYear().year().isEmpty());
    assertSame(rows.all(), rows.withYear(Year.of(2025)).all());
    assertEquals("RvuTable(21 rows, 2025)", rows.withYear(Year.of(2025)).toString());
  }
}
