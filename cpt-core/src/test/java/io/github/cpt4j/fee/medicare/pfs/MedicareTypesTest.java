package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MedicareTypesTest {

  @Test
  void placeOfServiceMapsToTheSettingMedicarePays() {
    for (String facility :
        new String[] {
          "02", "19", "21", "22", "23", "24", "26", "31", "34", "41", "42", "51", "52", "53", "56",
          "61"
        }) {
      assertEquals(Setting.FACILITY, PlaceOfService.parse(facility).setting(), facility);
    }
    for (String office : new String[] {"10", "11", "12", "20", "32", "49", "81", "99", "1"}) {
      assertEquals(Setting.NON_FACILITY, PlaceOfService.parse(office).setting(), office);
    }
    assertSame(PlaceOfService.OFFICE, PlaceOfService.parse("11"));
    assertEquals("02", PlaceOfService.TELEHEALTH_OTHER_THAN_HOME.toString());
    for (String bad : new String[] {"", "00", "100", "1a", " "}) {
      assertThrows(IllegalArgumentException.class, () -> PlaceOfService.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> PlaceOfService.of(0));
  }

  @Test
  void indicatorsReadTheirCodes() {
    for (PaymentStatus status : PaymentStatus.values()) {
      assertSame(status, PaymentStatus.of(status.code()));
    }
    assertThrows(IllegalArgumentException.class, () -> PaymentStatus.of('K'));
    assertTrue(PaymentStatus.R.isPricedFromRvus());
    assertFalse(PaymentStatus.C.isPricedFromRvus());
    assertEquals(
        "ACJRT",
        java.util.Arrays.stream(PaymentStatus.values())
            .filter(PaymentStatus::isPaid)
            .map(s -> String.valueOf(s.code()))
            .collect(java.util.stream.Collectors.joining()));
    for (PcTcIndicator indicator : PcTcIndicator.values()) {
      assertSame(indicator, PcTcIndicator.of(indicator.code()));
    }
    assertTrue(PcTcIndicator.LABORATORY_PHYSICIAN_INTERPRETATION.allowsProfessionalComponent());
    assertFalse(PcTcIndicator.LABORATORY_PHYSICIAN_INTERPRETATION.allowsTechnicalComponent());
    for (GlobalPeriod period : GlobalPeriod.values()) {
      assertSame(period, GlobalPeriod.of(period.code()));
    }
    assertEquals(90, GlobalPeriod.DAYS_90.postoperativeDays().getAsInt());
    for (MultipleProcedureRule rule : MultipleProcedureRule.values()) {
      assertSame(rule, MultipleProcedureRule.of(rule.code()));
    }
    assertThrows(IllegalArgumentException.class, () -> MultipleProcedureRule.of('8'));
    for (BilateralRule rule : BilateralRule.values()) {
      assertSame(rule, BilateralRule.of(rule.code()));
    }
    for (AssistantAtSurgery value : AssistantAtSurgery.values()) {
      assertSame(value, AssistantAtSurgery.of(value.code()));
    }
    for (SurgeonsPermission value : SurgeonsPermission.values()) {
      assertSame(value, SurgeonsPermission.of(value.code()));
    }
  }

  @Test
  void conversionFactorsMustNotOverlapForTheSameProviders() {
    ConversionFactor all2025 = Fixtures.cf("2025-01-01", "2025-12-31", "32.3465", ApmProviders.ALL);
    ConversionFactor qp2025 =
        Fixtures.cf("2025-06-01", "2025-12-31", "33", ApmProviders.QUALIFYING_APM_PARTICIPANTS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ConversionFactors.of(List.of(all2025, qp2025)));
    assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixtures.cf("2025-01-02", "2025-01-01", "1", ApmProviders.ALL));
    assertThrows(
        IllegalArgumentException.class,
        () -> Fixtures.cf("2025-01-01", "2025-01-02", "1.00001", ApmProviders.ALL));
    assertEquals("32.3465 (2025-01-01..2025-12-31)", all2025.toString());
    ConversionFactors history = Fixtures.conversionFactors();
    assertEquals(Optional.empty(), history.find(LocalDate.of(2023, 12, 31), false));
  }

  @Test
  void tablesRejectDuplicates() {
    List<RvuEntry> entries = new ArrayList<>(Fixtures.rvuEntries());
    entries.add(entries.get(0));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RvuTable.of(entries));
    assertEquals("RVU row 90834 appears twice", e.getMessage());
    // Each table names what repeats in the domain's words, not its internal key.
    Gpci gpci = Fixtures.gpcis().all().get(0);
    IllegalArgumentException gpciTwice =
        assertThrows(IllegalArgumentException.class, () -> GpciTable.of(List.of(gpci, gpci)));
    assertEquals(
        "locality " + gpci.locality() + " appears twice in the GPCI table, at positions 0 and 1",
        gpciTwice.getMessage());
    OppsCap cap = Fixtures.oppsCaps().all().get(0);
    OppsCap other = Fixtures.oppsCaps().all().get(1);
    IllegalArgumentException capTwice =
        assertThrows(
            IllegalArgumentException.class, () -> OppsCapTable.of(List.of(cap, other, cap)));
    assertEquals(
        "OPPS cap row "
            + cap.row()
            + " in "
            + cap.locality()
            + " appears twice, at positions 0 and 2",
        capTwice.getMessage());
  }

  /**
   * The OPPS imaging cap limits the technical component only, so a cap of a professional (26) or
   * discontinued (53) row is refused where it is made, not applied to the reading of its code.
   */
  @Test
  void anOppsCapIsOfAGlobalOrTechnicalRow() {
    assertEquals(
        "70450-TC", Fixtures.cap("70450", "TC", "A", Fixtures.REST_OF_NEW_YORK, "60.00").row());
    assertEquals("70450", Fixtures.cap("70450", "", "A", Fixtures.REST_OF_NEW_YORK, "60.00").row());
    IllegalArgumentException professional =
        assertThrows(
            IllegalArgumentException.class,
            () -> Fixtures.cap("70450", "26", "A", Fixtures.REST_OF_NEW_YORK, "60.00"));
    assertEquals(
        "70450-26 in 13282-99: an OPPS imaging cap is of a global or TC row, not 26: the cap limits"
            + " the technical component only",
        professional.getMessage());
    IllegalArgumentException discontinued =
        assertThrows(
            IllegalArgumentException.class,
            () -> Fixtures.cap("70450", "53", "A", Fixtures.REST_OF_NEW_YORK, "60.00"));
    assertTrue(discontinued.getMessage().startsWith("70450-53 in 13282-99:"));
  }

  /**
   * A professional (26) or discontinued (53) row has no OPPS imaging cap columns: taken, they would
   * cap the reading through the single-line path, or make {@link OppsCap#fromRvus} a cap it must
   * refuse. Global and TC rows keep theirs.
   */
  @Test
  void onlyGlobalAndTechnicalRowsHaveOppsColumns() {
    assertEquals(new BigDecimal("2.68"), chestRow("TC", "2.68", "0").oppsNonFacilityPeRvu());
    assertEquals(new BigDecimal("2.68"), chestRow("", "2.68", "0").oppsNonFacilityPeRvu());
    IllegalArgumentException professional =
        assertThrows(IllegalArgumentException.class, () -> chestRow("26", "2.68", "0"));
    assertEquals(
        "71046-26: a 26 row has no OPPS imaging cap columns (the cap limits the technical component"
            + " only), not 2.68, 0 and 0",
        professional.getMessage());
    assertThrows(IllegalArgumentException.class, () -> chestRow("53", "0", "0.04"));
    assertEquals(BigDecimal.ZERO, chestRow("26", "0", "0").oppsMalpracticeRvu());
  }

  /** 71046's row of {@code modifier} with the OPPS non-facility PE and malpractice RVUs given. */
  private static RvuEntry chestRow(String modifier, String oppsPe, String oppsMalpractice) {
    RvuEntry tc = Fixtures.rvuEntries("71046,TC,A,0.00,0.69,,0.69,NA,0.01,1,XXX,0,99").get(0);
    return RvuEntry.builder()
        .code(tc.code())
        .modifier(
            modifier.isEmpty()
                ? Optional.empty()
                : Optional.of(io.github.cpt4j.modifier.Modifier.parse(modifier)))
        .workRvu(tc.workRvu())
        .nonFacilityPeRvu(tc.nonFacilityPeRvu())
        .facilityPeRvu(tc.facilityPeRvu())
        .malpracticeRvu(tc.malpracticeRvu())
        .indicators(tc.indicators())
        .oppsNonFacilityPeRvu(new BigDecimal(oppsPe))
        .oppsMalpracticeRvu(new BigDecimal(oppsMalpractice))
        .build();
  }

  @Test
  void rvuTableFindsRowsByCodeAndModifier() {
    RvuTable table = RvuTable.of(Fixtures.rvuEntries());
    ProcedureCode chest = ProcedureCode.parse("71046");
    assertEquals(
        List.of("71046", "71046-26", "71046-TC"),
        table.rowsOf(chest).stream()
            .map(RvuEntry::row)
            .collect(java.util.stream.Collectors.toList()));
    assertTrue(table.contains(chest));
    assertFalse(table.contains(ProcedureCode.parse("71045")));
    assertEquals(
        Optional.empty(),
        table.find(chest, Optional.of(io.github.cpt4j.modifier.Modifier.BILATERAL)));
    assertEquals(List.of(), table.rowsOf(ProcedureCode.parse("71045")));
  }

  @Test
  void rvuEntriesCheckTheirValues() {
    RvuEntry entry = Fixtures.rvuEntries().get(0);
    assertThrows(IllegalArgumentException.class, () -> rebuilt(entry, "1.234"));
    assertThrows(IllegalArgumentException.class, () -> rebuilt(entry, "-1"));
    assertEquals(new BigDecimal("3.22"), entry.totalRvu(Setting.NON_FACILITY));
  }

  /**
   * The documented scale rule of the value types: values keep the scale given, and equality is by
   * value and scale, as BigDecimal's; the same factor prices the same either way.
   */
  @Test
  void valuesKeepTheScaleTheyAreGivenAndEqualityComparesIt() {
    Gpci one = Fixtures.gpci(Fixtures.REST_OF_NEW_YORK, "NY", "X", "1", "0.949", "0.732");
    Gpci oneThousandths =
        Fixtures.gpci(Fixtures.REST_OF_NEW_YORK, "NY", "X", "1.000", "0.949", "0.732");
    assertEquals("1", one.work().toString());
    assertFalse(one.equals(oneThousandths));
    assertEquals(0, one.work().compareTo(oneThousandths.work()));
    ConversionFactor cf = Fixtures.cf("2025-01-01", "2025-12-31", "32.3465", ApmProviders.ALL);
    ConversionFactor cfLonger =
        Fixtures.cf("2025-01-01", "2025-12-31", "32.34650", ApmProviders.ALL);
    assertFalse(cf.equals(cfLonger));
    assertEquals(0, cf.amount().compareTo(cfLonger.amount()));
    RvuEntry entry = Fixtures.rvuEntries().get(0);
    RvuEntry tenths = rebuilt(entry, "0.2");
    RvuEntry hundredths = rebuilt(entry, "0.20");
    assertFalse(tenths.equals(hundredths));
    assertEquals(
        0, tenths.totalRvu(Setting.FACILITY).compareTo(hundredths.totalRvu(Setting.FACILITY)));
  }

  private static RvuEntry rebuilt(RvuEntry entry, String work) {
    return RvuEntry.builder()
        .code(entry.code())
        .modifier(entry.modifier())
        .workRvu(new BigDecimal(work))
        .nonFacilityPeRvu(entry.nonFacilityPeRvu())
        .facilityPeRvu(entry.facilityPeRvu())
        .malpracticeRvu(entry.malpracticeRvu())
        .indicators(entry.indicators())
        .build();
  }

  @Property
  void zipTableAnswersLikeAMap(
      @ForAll @IntRange(min = 0, max = 99_999) int probe,
      @ForAll @IntRange(min = 0, max = 99_900) int start,
      @ForAll @IntRange(min = 0, max = 50) int length) {
    Locality a = Locality.parse("01112-05");
    Locality b = Locality.parse("13202-01");
    ZipLocalityTable table =
        ZipLocalityTable.builder()
            .addRange(start, start + length, a, false)
            .add(start + length + 2, b, true)
            .build();
    String zip = String.format("%05d", probe);
    Optional<Locality> expected =
        probe >= start && probe <= start + length
            ? Optional.of(a)
            : probe == start + length + 2 ? Optional.of(b) : Optional.empty();
    assertEquals(expected, table.find(zip));
    assertEquals(probe == start + length + 2, table.isSplitByPlusFour(zip));
    assertEquals(length + 2, table.size());
    assertEquals(2, table.rangeCount());
  }

  @Test
  void zipTableRejectsDuplicatesAndMalformedZips() {
    Locality a = Locality.parse("01112-05");
    assertThrows(
        IllegalArgumentException.class,
        () -> ZipLocalityTable.builder().add(10001, a, false).add(10001, a, false).build());
    ZipLocalityTable table = ZipLocalityTable.builder().add(10001, a, false).build();
    assertEquals(Optional.empty(), table.find("1000"));
    assertEquals(Optional.empty(), table.find("10001-"));
    assertEquals(Optional.empty(), table.find("1000a"));
    assertEquals(Optional.of(a), table.find("10001-0001"));
  }

  @Test
  void aBackwardsZipRangeIsCalledEmptyNotOutOfBounds() {
    Locality a = Locality.parse("01112-05");
    IllegalArgumentException backwards =
        assertThrows(
            IllegalArgumentException.class,
            () -> ZipLocalityTable.builder().addRange(5, 4, a, false));
    assertEquals(
        "ZIP code range 5-4 is empty: its last code is before its first", backwards.getMessage());
    IllegalArgumentException outside =
        assertThrows(
            IllegalArgumentException.class,
            () -> ZipLocalityTable.builder().addRange(99_990, 100_000, a, false));
    assertEquals("ZIP code range 99990-100000 is not within 00000-99999", outside.getMessage());
  }

  @Test
  void zipTableErrorsWriteAsciiDigitsWhateverTheDefaultLocale() {
    // The message names the ZIP code as written in the files: Arabic-Indic digits would not be
    // found in them.
    Locality a = Locality.parse("01112-05");
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG"));
    try {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ZipLocalityTable.builder().add(10001, a, false).add(10001, a, false).build());
      assertEquals("ZIP code 10001 is given twice", e.getMessage());
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
  }

  @Test
  void publicMethodsRejectNulls() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(Locality.class, Fixtures.REST_OF_NEW_YORK)
            .setDefault(RvuEntry.class, Fixtures.rvuEntries().get(0))
            .setDefault(Gpci.class, Fixtures.gpcis().all().get(0))
            .setDefault(ProcedureCode.class, ProcedureCode.parse("99213"))
            .setDefault(
                io.github.cpt4j.fee.PricingContext.class,
                io.github.cpt4j.fee.PricingContext.of(
                    Fixtures.DATE_2025, Fixtures.REST_OF_NEW_YORK, Setting.FACILITY))
            .setDefault(
                io.github.cpt4j.claim.ClaimLine.class,
                io.github.cpt4j.claim.ClaimLine.parse("99213"))
            .setDefault(RowModifier.class, RowModifier.GLOBAL)
            .setDefault(
                LineEvaluation.class,
                Fixtures.schedule()
                    .evaluate(
                        io.github.cpt4j.claim.ClaimLine.parse("99213"),
                        io.github.cpt4j.fee.PricingContext.of(
                            Fixtures.DATE_2025, Fixtures.REST_OF_NEW_YORK, Setting.FACILITY)));
    tester.testAllPublicInstanceMethods(Fixtures.schedule());
    tester.testAllPublicStaticMethods(RowModifier.class);
    tester.testAllPublicStaticMethods(PlaceOfService.class);
    tester.testAllPublicInstanceMethods(RvuTable.of(Fixtures.rvuEntries()));
    tester.testAllPublicInstanceMethods(Fixtures.gpcis());
    tester.testAllPublicInstanceMethods(Fixtures.oppsCaps());
    tester.testAllPublicInstanceMethods(Fixtures.conversionFactors());
  }

  /** Codes beyond 99 are refused as codes below 1 are, with the same exception. */
  @Test
  void placeOfServiceOfRefusesCodesBeyondTheRange() {
    for (int bad : new int[] {0, -1, 100, 101}) {
      assertThrows(IllegalArgumentException.class, () -> PlaceOfService.of(bad), "" + bad);
    }
    assertEquals("99", PlaceOfService.of(99).toString());
  }

  /**
   * The hospital places are exactly the off- and on-campus outpatient, inpatient and ER ones, and
   * the inpatient psychiatric (51) and rehabilitation (61) facilities, which are hospitals too
   * (Social Security Act §1861(e) and (f)); the inpatient ones are 21, 51 and 61. Partial
   * hospitalization (52) and a community mental health center (53) are neither.
   */
  @Test
  void hospitalPlacesAreExactlyTheHospitalCodes() {
    for (int code = 1; code <= 99; code++) {
      boolean inpatient = code == 21 || code == 51 || code == 61;
      boolean hospital = inpatient || code == 19 || code == 22 || code == 23;
      assertEquals(hospital, PlaceOfService.of(code).isHospital(), "" + code);
      assertEquals(inpatient, PlaceOfService.of(code).isHospitalInpatient(), "" + code);
    }
  }

  /**
   * ZIP+4 written as nine digits, as claims carry it (and as {@code PricingContext} and the DMEPOS
   * table take it), finds the five-digit ZIP code's locality and plus-four flag.
   */
  @Test
  void zipTableFindsNineDigitZipPlusFour() {
    Locality a = Locality.parse("01112-05");
    ZipLocalityTable table =
        ZipLocalityTable.builder().add(10001, a, false).add(90265, a, true).build();
    assertEquals(Optional.of(a), table.find("100010001"));
    assertEquals(Optional.of(a), table.find("902651234"));
    assertTrue(table.isSplitByPlusFour("902651234"));
    assertFalse(table.isSplitByPlusFour("100010001"));
    assertEquals(Optional.empty(), table.find("10001000a"));
    assertEquals(Optional.empty(), table.find("1000100011"));
  }

  /** A ZIP+4 is five digits, a hyphen and four digits: any other sixth or later character fails. */
  @Test
  void zipTableFindsOnlyWellFormedZipPlusFour() {
    Locality a = Locality.parse("01112-05");
    ZipLocalityTable table = ZipLocalityTable.builder().add(10001, a, false).build();
    for (String bad : new String[] {"10001x0001", "10001 0001", "10001-000a", "10001-a001"}) {
      assertEquals(Optional.empty(), table.find(bad), bad);
      assertFalse(table.isSplitByPlusFour(bad), bad);
    }
  }
}
