package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 7: a relative value file states the conversion factor it is paid with (its CONV
 * FACTOR column), and a line priced with another factor is refused. In 2026 CMS publishes one file
 * for qualifying APM participants (33.5675) and one for everyone else (33.4009). 99213 in Manhattan
 * has 3.1242 GPCI-adjusted RVUs: x 33.5675 = 104.87, x 33.4009 = 104.35.
 */
class RvuConversionFactorTest {

  private static final ClaimLine VISIT = ClaimLine.parse("99213");
  private static final BigDecimal QPP = new BigDecimal("33.5675");
  private static final BigDecimal NON_QPP = new BigDecimal("33.4009");

  private static MedicareFeeSchedule schedule(RvuTable rvus) {
    return MedicareFeeSchedule.builder()
        .name("test-pfs")
        .rvus(rvus)
        .gpcis(Fixtures.gpcis())
        .conversionFactors(Fixtures.conversionFactors())
        .build();
  }

  private static PricingContext context(boolean qualifying) {
    return PricingContext.of(LocalDate.of(2026, 3, 2), Fixtures.MANHATTAN, Setting.NON_FACILITY)
        .withQualifyingApmParticipant(qualifying);
  }

  @Test
  void theQppFilePricesQualifyingParticipantsAndRefusesEveryoneElse() {
    MedicareFeeSchedule qpp =
        schedule(
            RvuTable.of(Fixtures.rvuEntries()).withYear(Year.of(2026)).withConversionFactor(QPP));

    assertEquals(Optional.of(new BigDecimal("104.87")), qpp.price(VISIT, context(true)).amount());
    FeeResult other = qpp.price(VISIT, context(false));
    assertEquals(Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH), other.reason());
    assertEquals(
        "the relative value file of test-pfs states conversion factor 33.5675, but the factor in"
            + " force on 2026-03-02 for a provider who is not a qualifying APM participant is"
            + " 33.4009: load the relative value file published for that factor",
        other.detail());
  }

  @Test
  void theNonQppFilePricesEveryoneElseAndRefusesQualifyingParticipants() {
    MedicareFeeSchedule nonQpp =
        schedule(RvuTable.of(Fixtures.rvuEntries()).withConversionFactor(NON_QPP));

    assertEquals(
        Optional.of(new BigDecimal("104.35")), nonQpp.price(VISIT, context(false)).amount());
    FeeResult qualifying = nonQpp.price(VISIT, context(true));
    assertEquals(Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH), qualifying.reason());
    assertEquals(
        "the relative value file of test-pfs states conversion factor 33.4009, but the factor in"
            + " force on 2026-03-02 for a qualifying APM participant is 33.5675: load the relative"
            + " value file published for that factor",
        qualifying.detail());
  }

  @Test
  void earlierGatesKeepTheirOwnReasons() {
    MedicareFeeSchedule qpp =
        schedule(RvuTable.of(Fixtures.rvuEntries()).withConversionFactor(QPP));

    assertEquals(
        Optional.of(UnpricedReason.STATUS_NOT_PAYABLE),
        qpp.price(ClaimLine.parse("99999"), context(false)).reason());
    assertEquals(
        Optional.of(UnpricedReason.NOT_IN_SCHEDULE),
        qpp.price(ClaimLine.parse("99214"), context(false)).reason());
  }

  @Test
  void equalFactorsMatchWhateverTheirScale() {
    MedicareFeeSchedule y2025 =
        schedule(
            RvuTable.of(Fixtures.rvuEntries()).withConversionFactor(new BigDecimal("32.34650")));

    assertEquals(
        Optional.of(new BigDecimal("101.06")),
        y2025
            .price(
                VISIT,
                PricingContext.of(Fixtures.DATE_2025, Fixtures.MANHATTAN, Setting.NON_FACILITY))
            .amount());
  }

  @Test
  void theTableKeepsItsFactorAndYearIndependently() {
    RvuTable rows = RvuTable.of(Fixtures.rvuEntries());
    assertEquals(Optional.empty(), rows.conversionFactor());
    assertSame(rows, rows.withoutConversionFactor());

    RvuTable stated = rows.withConversionFactor(QPP).withYear(Year.of(2026));
    assertEquals(Optional.of(QPP), stated.conversionFactor());
    assertEquals(Optional.of(Year.of(2026)), stated.year());
    assertEquals(Optional.of(QPP), stated.withoutYear().conversionFactor());
    assertEquals(Optional.of(Year.of(2026)), stated.withoutConversionFactor().year());
    assertEquals(Optional.empty(), stated.withoutConversionFactor().conversionFactor());
    assertEquals(
        "RvuTable(" + rows.size() + " rows, 2026, conversion factor 33.5675)", stated.toString());
    assertThrows(IllegalArgumentException.class, () -> rows.withConversionFactor(BigDecimal.ZERO));
    assertThrows(NullPointerException.class, () -> rows.withConversionFactor(null));
  }
}
