package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCap;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reproduces CMS's published 2025 amounts from the full files (skipped without CPT4J_CMS_DIR). */
class FullCmsFilesTest {

  /** A date in the quarter of the October release, which {@link CmsFiles#schedule2025} is. */
  private static final LocalDate DATE = LocalDate.of(2025, 10, 1);

  private static FeeResult price(
      MedicareFeeSchedule schedule,
      String code,
      java.util.Optional<Modifier> modifier,
      Locality locality,
      Setting setting) {
    ClaimLine line =
        modifier
            .map(m -> ClaimLine.of(io.github.cpt4j.code.ProcedureCode.parse(code), m))
            .orElseGet(() -> ClaimLine.parse(code));
    return schedule.price(line, PricingContext.of(DATE, locality, setting));
  }

  @Test
  void reproducesEveryRowOfThePublishedPaymentFile() throws Exception {
    // PFREV25C is the July release's payment file: priced with the July release, on a July date.
    MedicareFeeSchedule schedule =
        MedicareFeeSchedule.builder()
            .name("medicare-pfs-2025-jul")
            .rvus(RvuFile.read(CmsFiles.file("2025/quarterly/PPRRVU2025_Jul.csv")))
            .gpcis(GpciFile.read(CmsFiles.file("2025/GPCI2025.csv")))
            .oppsCaps(OppsCapFile.read(CmsFiles.file("2025/quarterly/OPPSCAP_JUL.csv")))
            .conversionFactors(ConversionFactorFile.read(CmsFiles.file("conversion-factors.csv")))
            .build();
    LocalDate july = LocalDate.of(2025, 7, 1);
    List<PublishedAmount> published = PaymentAmountFile.read(CmsFiles.file("2025/PFREV25C.txt"));
    List<String> mismatches = new ArrayList<>();
    for (PublishedAmount row : published) {
      for (Setting setting : Setting.values()) {
        FeeResult result =
            schedule.price(
                ClaimLine.of(row.code(), row.modifier().map(List::of).orElse(List.of()), 1),
                PricingContext.of(july, row.locality(), setting));
        if (!result.amount().equals(java.util.Optional.of(row.amount(setting)))) {
          mismatches.add(row + " " + setting + ": " + result);
        }
      }
    }
    assertEquals(List.of(), mismatches);
    assertEquals(109, published.size());
  }

  @Test
  void reproducesTheOppsCappedAmounts() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    int checked = 0;
    List<String> mismatches = new ArrayList<>();
    for (OppsCap cap : schedule.oppsCaps().all()) {
      if (cap.status() != PaymentStatus.A || schedule.gpci(cap.locality()).isEmpty()) {
        continue;
      }
      for (Setting setting : Setting.values()) {
        FeeResult result =
            price(schedule, cap.code().toString(), cap.modifier(), cap.locality(), setting);
        checked++;
        if (!result.amount().equals(java.util.Optional.of(cap.amount(setting)))) {
          mismatches.add(cap.row() + " " + cap.locality() + " " + setting + ": " + result);
        }
      }
    }
    assertEquals(List.of(), mismatches.subList(0, Math.min(20, mismatches.size())));
    assertTrue(checked > 10_000, "checked " + checked);
  }

  @Test
  void aCapTableWithoutALocalitysRowStillCapsByTheRowsOppsColumns() {
    // 70496 in 13282-99, non-facility: 260.58 uncapped, 246.77 capped. A cap file missing that
    // locality's row priced it uncapped; the row's own OPPS columns give the same cap.
    MedicareFeeSchedule full = CmsFiles.schedule2025();
    Locality restOfNewYork = Locality.parse("13282-99");
    List<OppsCap> others = new ArrayList<>();
    for (OppsCap cap : full.oppsCaps().all()) {
      if (!(cap.code().toString().equals("70496") && cap.locality().equals(restOfNewYork))) {
        others.add(cap);
      }
    }
    MedicareFeeSchedule missingOne =
        MedicareFeeSchedule.builder()
            .name("cap-file-missing-a-row")
            .rvus(full.rvus())
            .gpcis(full.gpcis())
            .oppsCaps(OppsCapTable.of(others))
            .conversionFactors(full.conversionFactors())
            .build();
    for (MedicareFeeSchedule schedule : List.of(full, missingOne)) {
      FeeResult result =
          price(schedule, "70496", java.util.Optional.empty(), restOfNewYork, Setting.NON_FACILITY);
      assertEquals(java.util.Optional.of(new java.math.BigDecimal("246.77")), result.amount());
    }
  }

  @Test
  void reproducesTheOraclesOfTheDomainNotes() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    Locality restOfNewYork = Locality.parse("13282-99");
    String[][] oracles = {
      {"90834", "102.53", "89.95"}, {"90837", "151.85", "133.13"},
      {"90791", "164.03", "141.31"}, {"90471", "19.24", "19.24"}
    };
    for (String[] oracle : oracles) {
      assertEquals(
          new BigDecimal(oracle[1]),
          price(
                  schedule,
                  oracle[0],
                  java.util.Optional.empty(),
                  restOfNewYork,
                  Setting.NON_FACILITY)
              .amountOrThrow());
      assertEquals(
          new BigDecimal(oracle[2]),
          price(schedule, oracle[0], java.util.Optional.empty(), restOfNewYork, Setting.FACILITY)
              .amountOrThrow());
    }
    assertTrue(
        price(schedule, "90471", java.util.Optional.empty(), restOfNewYork, Setting.FACILITY)
            .settingNotAvailable());
  }

  @Test
  void readsThe2026SubsetsAndPricesWithTheQpFactor() throws Exception {
    RvuTable qpp = RvuFile.read(CmsFiles.file("2026/PPRRVU2026_Jan_QPP-subset.csv"));
    RvuTable nonQpp = RvuFile.read(CmsFiles.file("2026/PPRRVU2026_Jan_nonQPP-subset.csv"));
    io.github.cpt4j.code.ProcedureCode visit = io.github.cpt4j.code.ProcedureCode.parse("99213");
    assertEquals(
        qpp.find(visit, java.util.Optional.empty()).orElseThrow().workRvu(),
        nonQpp.find(visit, java.util.Optional.empty()).orElseThrow().workRvu());
    GpciTable january =
        GpciFile.read(
            CmsFiles.file("2026/GPCI2026_Jan-subset.csv"), GpciFile.WorkGpci.WITHOUT_FLOOR);
    GpciTable july = GpciFile.read(CmsFiles.file("2026/GPCI2026_Jul-subset.csv"));
    Locality losAngeles = Locality.parse("01182-18");
    assertEquals(
        january.find(losAngeles).orElseThrow().work(), july.find(losAngeles).orElseThrow().work());
    ConversionFactors factors = ConversionFactorFile.read(CmsFiles.file("conversion-factors.csv"));
    MedicareFeeSchedule pfs2026 = schedule2026(nonQpp, january, factors);
    MedicareFeeSchedule qp2026 = schedule2026(qpp, january, factors);
    PricingContext context =
        PricingContext.of(LocalDate.of(2026, 2, 2), losAngeles, Setting.NON_FACILITY);
    PricingContext qualifying = context.withQualifyingApmParticipant(true);
    // (1.30 x 1.041 + 1.46 x 1.183 + 0.09 x 0.664) = 3.14024; x 33.4009 = 104.8868..., x 33.5675 =
    // 105.4100...
    assertEquals(
        new BigDecimal("104.89"), pfs2026.price(ClaimLine.parse("99213"), context).amountOrThrow());
    assertEquals(
        new BigDecimal("105.41"),
        qp2026.price(ClaimLine.parse("99213"), qualifying).amountOrThrow());
  }

  /**
   * {@code PRIC IND} in the 2026 January files follows the file, not the code: 1 on each of the QPP
   * file's 49 rows, 9 on each of the non-QPP file's 22 (its counts in these extracts). Pricing
   * ignores it: a qualifying participant's line is paid the same from the QPP rows (1) as from the
   * non-QPP rows (9) at the dated table's factor, as {@code CmsDirectory} prices it.
   */
  @Test
  void the2026PricingIndicatorFollowsTheFileAndPricingIgnoresIt() throws Exception {
    RvuTable qpp = RvuFile.read(CmsFiles.file("2026/PPRRVU2026_Jan_QPP-subset.csv"));
    RvuTable nonQpp = RvuFile.read(CmsFiles.file("2026/PPRRVU2026_Jan_nonQPP-subset.csv"));
    assertEquals(Map.of(Optional.of("1"), 49L), pricingIndicatorCounts(qpp));
    assertEquals(Map.of(Optional.of("9"), 22L), pricingIndicatorCounts(nonQpp));
    GpciTable january =
        GpciFile.read(
            CmsFiles.file("2026/GPCI2026_Jan-subset.csv"), GpciFile.WorkGpci.WITHOUT_FLOOR);
    ConversionFactors factors = ConversionFactorFile.read(CmsFiles.file("conversion-factors.csv"));
    MedicareFeeSchedule fromQpp = schedule2026(qpp, january, factors);
    MedicareFeeSchedule fromNonQpp =
        schedule2026(nonQpp.withoutConversionFactor(), january, factors);
    int compared = 0;
    for (RvuEntry row : nonQpp.all()) {
      if (qpp.find(row.code(), row.modifier()).isEmpty()
          || row.indicators().status() != PaymentStatus.A) {
        continue;
      }
      for (Setting setting : Setting.values()) {
        PricingContext qualifying =
            PricingContext.of(LocalDate.of(2026, 2, 2), Locality.parse("01182-18"), setting)
                .withQualifyingApmParticipant(true);
        ClaimLine line = ClaimLine.of(row.code(), row.modifier().stream().toList(), 1);
        assertEquals(
            fromQpp.price(line, qualifying).amountOrThrow(),
            fromNonQpp.price(line, qualifying).amountOrThrow(),
            line + " " + setting);
        compared++;
      }
    }
    assertEquals(42, compared);
  }

  private static Map<Optional<String>, Long> pricingIndicatorCounts(RvuTable table) {
    return table.all().stream()
        .collect(
            Collectors.groupingBy(e -> e.indicators().pricingIndicator(), Collectors.counting()));
  }

  @Test
  void eachOf2026sRelativeValueFilesPricesOnlyWithTheFactorItStates() throws Exception {
    // Issue 11 item 7: the CONV FACTOR column is 33.5675 in the QPP file and 33.4009 in the
    // non-QPP file; a file priced with the other factor is refused, naming both.
    RvuTable qpp = RvuFile.read(CmsFiles.file("2026/PPRRVU2026_Jan_QPP-subset.csv"));
    RvuTable nonQpp = RvuFile.read(CmsFiles.file("2026/PPRRVU2026_Jan_nonQPP-subset.csv"));
    assertEquals(java.util.Optional.of(new BigDecimal("33.5675")), qpp.conversionFactor());
    assertEquals(java.util.Optional.of(new BigDecimal("33.4009")), nonQpp.conversionFactor());
    assertEquals(
        java.util.Optional.of(new BigDecimal("32.3465")),
        RvuFile.read(CmsFiles.file("2025/quarterly/PPRRVU25_JAN.csv")).conversionFactor());
    GpciTable january =
        GpciFile.read(
            CmsFiles.file("2026/GPCI2026_Jan-subset.csv"), GpciFile.WorkGpci.WITHOUT_FLOOR);
    ConversionFactors factors = ConversionFactorFile.read(CmsFiles.file("conversion-factors.csv"));
    PricingContext plain =
        PricingContext.of(
            LocalDate.of(2026, 2, 2), Locality.parse("01182-18"), Setting.NON_FACILITY);
    PricingContext qualifying = plain.withQualifyingApmParticipant(true);
    FeeResult qppForPlain =
        schedule2026(qpp, january, factors).price(ClaimLine.parse("99213"), plain);
    assertEquals(
        java.util.Optional.of(io.github.cpt4j.fee.UnpricedReason.CONVERSION_FACTOR_MISMATCH),
        qppForPlain.reason());
    assertTrue(
        qppForPlain.detail().contains("states conversion factor 33.5675")
            && qppForPlain.detail().contains("not a qualifying APM participant is 33.4009"),
        qppForPlain.detail());
    FeeResult nonQppForQualifying =
        schedule2026(nonQpp, january, factors).price(ClaimLine.parse("99213"), qualifying);
    assertEquals(
        java.util.Optional.of(io.github.cpt4j.fee.UnpricedReason.CONVERSION_FACTOR_MISMATCH),
        nonQppForQualifying.reason());
    assertTrue(
        nonQppForQualifying.detail().contains("states conversion factor 33.4009")
            && nonQppForQualifying.detail().contains("qualifying APM participant is 33.5675"),
        nonQppForQualifying.detail());
  }

  private static MedicareFeeSchedule schedule2026(
      RvuTable rvus, GpciTable gpcis, ConversionFactors factors) {
    return MedicareFeeSchedule.builder()
        .rvus(rvus)
        .gpcis(gpcis)
        .conversionFactors(factors)
        .effective(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))
        .build();
  }

  /** The schedule a user builds from the October relative value file and the GPCI file. */
  private static MedicareFeeSchedule octoberFiles() throws java.io.IOException {
    return io.github.cpt4j.data.MedicareFiles.none()
        .withRvu(CmsFiles.file("2025/PPRRVU2025_Oct.csv"))
        .withGpci(CmsFiles.file("2025/GPCI2025.csv"))
        .schedule();
  }

  @Test
  void aRelativeValueFilePricesOnlyTheYearItsTitleNames() throws Exception {
    // Issue 11 item 6. 99213 in Manhattan: 3.1242 GPCI-adjusted RVUs x 32.3465 = 101.06 in 2025;
    // the 2025 file times 2026's 33.4009 would be 104.35, which no one was ever paid.
    RvuTable october = RvuFile.read(CmsFiles.file("2025/PPRRVU2025_Oct.csv"));
    assertEquals(java.util.Optional.of(java.time.Year.of(2025)), october.year());
    assertEquals(
        java.util.Optional.of(java.time.Year.of(2026)),
        RvuFile.read(CmsFiles.file("2026/PPRRVU2026_Jan_nonQPP-subset.csv")).year());
    MedicareFeeSchedule schedule = octoberFiles();
    Locality manhattan = Locality.parse("13202-01");
    PricingContext in2025 =
        PricingContext.of(LocalDate.of(2025, 11, 3), manhattan, Setting.NON_FACILITY);
    assertEquals(
        new BigDecimal("101.06"), schedule.price(ClaimLine.parse("99213"), in2025).amountOrThrow());
    for (LocalDate date : List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2024, 6, 1))) {
      FeeResult result = schedule.price(ClaimLine.parse("99213"), in2025.withDateOfService(date));
      assertEquals(
          java.util.Optional.of(io.github.cpt4j.fee.UnpricedReason.DATE_NOT_COVERED),
          result.reason());
      assertTrue(result.detail().contains("its relative value file is for 2025"), result.detail());
    }
  }

  /**
   * CMS's October file with the conversion factor of its first row alone changed: the error named
   * line 12, whose factor is right, instead of line 11.
   */
  @Test
  void aChangedFactorInTheFirstRowIsNamedThere() throws Exception {
    String text =
        new String(
            java.nio.file.Files.readAllBytes(CmsFiles.file("2025/PPRRVU2025_Oct.csv")),
            java.nio.charset.StandardCharsets.ISO_8859_1);
    int line11 = 0;
    for (int i = 1; i < 11; i++) {
      line11 = text.indexOf('\n', line11) + 1;
    }
    int at = text.indexOf(",32.3465,", line11);
    assertTrue(at > 0 && at < text.indexOf('\n', line11), "line 11 states 32.3465");
    String changed = text.substring(0, at) + ",32.3456," + text.substring(at + 9);
    io.github.cpt4j.data.load.DataLoadException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.github.cpt4j.data.load.DataLoadException.class,
            () ->
                RvuFile.read(
                    new java.io.ByteArrayInputStream(
                        changed.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                    "PPRRVU2025_Oct.csv"));
    assertEquals(11, e.line(), e::getMessage);
    assertTrue(e.problem().contains("(stated on lines 12 and 13)"), e::getMessage);
    assertTrue(e.problem().endsWith("found '32.3456'"), e::getMessage);
  }

  @Test
  void aRelativeValueFilePricesOnlyTheQuarterOfTheReleaseItsTitleNames() throws Exception {
    // 0446T's non-facility practice expense doubled from the January to the April release (90.47
    // to 179.53): the October file's values are not January's, so it prices its own quarter only.
    RvuTable october = RvuFile.read(CmsFiles.file("2025/PPRRVU2025_Oct.csv"));
    assertEquals(java.util.Optional.of(java.time.YearMonth.of(2025, 10)), october.release());
    assertEquals(
        java.util.Optional.of(java.time.YearMonth.of(2025, 1)),
        RvuFile.read(CmsFiles.file("2025/quarterly/PPRRVU25_JAN.csv")).release());
    MedicareFeeSchedule schedule = octoberFiles();
    assertEquals(LocalDate.of(2025, 10, 1), schedule.effectiveFrom());
    assertEquals(LocalDate.of(2025, 12, 31), schedule.effectiveTo());
    PricingContext february =
        PricingContext.of(
            LocalDate.of(2025, 2, 1), Locality.parse("13202-01"), Setting.NON_FACILITY);
    FeeResult result = schedule.price(ClaimLine.parse("0446T"), february);
    assertEquals(
        java.util.Optional.of(io.github.cpt4j.fee.UnpricedReason.DATE_NOT_COVERED),
        result.reason());
    assertTrue(
        result.detail().contains("its relative value file is the October 2025 release"),
        result.detail());
    // (1.14 x 1.065 + 179.53 x 1.166 + 0.08 x 1.656) x 32.3465 = 6814.7140
    assertEquals(
        new BigDecimal("6814.71"),
        schedule
            .price(ClaimLine.parse("0446T"), february.withDateOfService(LocalDate.of(2025, 11, 3)))
            .amountOrThrow());
  }

  @Test
  void g9037IsPaidWhileItsStatusIsAAndRefusedOnceItIsI() throws Exception {
    // Issue 11: G9037 is status A in 25A and 25B, status I with the NOT USED FOR MEDICARE PAYMENT
    // flag in 25D. The relative value file's status decides. In 13282-99, non-facility, 25B:
    // (0.57 x 1.000 + 0.63 x 0.949 + 0.04 x 0.732) x 32.3465 = 1.19715 x 32.3465 = 38.72.
    Locality restOfNewYork = Locality.parse("13282-99");
    PricingContext april =
        PricingContext.of(LocalDate.of(2025, 5, 1), restOfNewYork, Setting.NON_FACILITY);
    MedicareFeeSchedule release25b =
        MedicareFeeSchedule.builder()
            .rvus(RvuFile.read(CmsFiles.file("2025/quarterly/PPRRVU25_APR.csv")))
            .gpcis(GpciFile.read(CmsFiles.file("2025/GPCI2025.csv")))
            .conversionFactors(ConversionFactorFile.read(CmsFiles.file("conversion-factors.csv")))
            .build();
    assertEquals(
        new BigDecimal("38.72"), release25b.price(ClaimLine.parse("G9037"), april).amountOrThrow());
    FeeResult october =
        CmsFiles.schedule2025()
            .price(ClaimLine.parse("G9037"), april.withDateOfService(LocalDate.of(2025, 11, 3)));
    assertEquals(
        java.util.Optional.of(io.github.cpt4j.fee.UnpricedReason.STATUS_NOT_PAYABLE),
        october.reason());
    assertEquals(
        "G9037 status I: not valid for Medicare; its RVUs are shown but not used for Medicare"
            + " payment (only those of status A, R and T are), whatever amount a payment file"
            + " lists for it",
        october.detail());
  }

  @Test
  void readsTheFullZip5File() throws Exception {
    ZipLocalityTable zips = Zip5File.read(CmsFiles.file("2025/ZIP5_OCT2025.txt"));
    assertEquals(42_956, zips.size());
    assertEquals(java.util.Optional.of(Locality.parse("13202-01")), zips.find("10001"));
  }
}
