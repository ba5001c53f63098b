package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.data.medicare.RvuFile;
import io.github.cpt4j.data.medicare.Zip5File;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCap;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundledMedicareDataTest {

  private static final LocalDate DATE = LocalDate.of(2025, 3, 14);

  @Test
  void pricesA99213InZip10001WithZeroConfiguration() {
    MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
    Locality locality = BundledData.zipLocalities().find("10001").orElseThrow();
    PricingContext context = PricingContext.of(DATE, locality, Setting.NON_FACILITY);
    FeeResult fee = medicare.price(ClaimLine.parse("99213"), context);
    // Manhattan 13202-01: (1.30 x 1.065 + 1.35 x 1.166 + 0.10 x 1.656) x 32.3465
    //   = 3.1242 x 32.3465 = 101.05693... -> 101.06
    assertEquals(Locality.parse("13202-01"), locality);
    assertEquals(new BigDecimal("101.06"), fee.amountOrThrow(), fee.toString());
    assertSame(medicare, BundledData.medicareFeeSchedule());
  }

  /**
   * The Gpci class example shows the scale the bundled data keeps, as the file writes it (it once
   * showed 1.000, which the value never is).
   */
  @Test
  void theGpciExampleShowsTheBundledIndexAsTheFileWritesIt() throws Exception {
    Gpci restOfNewYork =
        BundledData.medicareFeeSchedule().gpci(Locality.parse("13282-99")).orElseThrow();
    assertEquals(new BigDecimal("1"), restOfNewYork.work());
    List<String> source =
        Files.readAllLines(
            Path.of("..", "cpt-core/src/main/java/io/github/cpt4j/fee/medicare/pfs/Gpci.java"));
    String example =
        source.stream().filter(l -> l.contains("restOfNewYork.work();")).findFirst().orElseThrow();
    String comment = example.substring(example.indexOf("// ") + 3);
    int space = comment.indexOf(' ');
    String shown = space < 0 ? comment : comment.substring(0, space);
    assertEquals(restOfNewYork.work().toString(), shown, example);
  }

  @Test
  void everySampleCodeInTheRelativeValueFileHasItsRows() {
    MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
    Set<ProcedureCode> bundled =
        medicare.rvus().all().stream().map(RvuEntry::code).collect(Collectors.toSet());
    Set<ProcedureCode> sample = BundledMedicareDataGenerator.sampleCodes();
    assertTrue(sample.containsAll(bundled), "only sample codes are bundled");
    assertTrue(bundled.size() > 600, "bundled " + bundled.size());
    assertTrue(
        medicare
            .rvuEntry(
                ProcedureCode.parse("71046"),
                Optional.of(io.github.cpt4j.modifier.Modifier.PROFESSIONAL_COMPONENT))
            .isPresent());
    assertEquals(109, medicare.gpcis().size());
  }

  @Test
  void refusesDatesOutsideTwentyTwentyFive() {
    FeeResult fee =
        BundledData.medicareFeeSchedule()
            .price(
                ClaimLine.parse("99213"),
                PricingContext.of(
                    LocalDate.of(2026, 1, 2), Locality.parse("13202-01"), Setting.NON_FACILITY));
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), fee.reason());
  }

  @Test
  void conversionFactorsFollowTheDateAndTheQpFlag() {
    var history = BundledData.conversionFactors();
    assertEquals(
        new BigDecimal("32.7442"),
        history.find(LocalDate.of(2024, 3, 8), false).orElseThrow().amount());
    assertEquals(
        new BigDecimal("33.2875"),
        history.find(LocalDate.of(2024, 3, 9), false).orElseThrow().amount());
    assertEquals(
        new BigDecimal("33.4009"),
        history.find(LocalDate.of(2026, 5, 1), false).orElseThrow().amount());
    assertEquals(
        new BigDecimal("33.5675"),
        history.find(LocalDate.of(2026, 5, 1), true).orElseThrow().amount());
    assertFalse(history.find(LocalDate.of(2018, 12, 31), false).isPresent());
  }

  @Test
  void zipTableIsCompactAndExact() {
    ZipLocalityTable zips = BundledData.zipLocalities();
    assertEquals(Optional.of(Locality.parse("02102-01")), zips.find("99501"));
    assertEquals(Optional.of(Locality.parse("13202-01")), zips.find("10001-1234"));
    assertFalse(zips.find("00000").isPresent());
    assertFalse(zips.find("1000").isPresent());
    assertTrue(zips.size() > 40_000);
  }

  // ---- With the CMS files: the bundled data equal the full files. -------------------------

  private static Path cms() {
    String dir = System.getenv("CPT4J_CMS_DIR");
    assumeTrue(
        dir != null && !dir.isBlank(),
        "CPT4J_CMS_DIR is not set: the bundled data are not compared with the full CMS files");
    return Path.of(dir);
  }

  @Test
  void regeneratesWhenAsked() throws Exception {
    Path cms = cms();
    assumeTrue(
        "true".equals(System.getenv("CPT4J_REGENERATE_BUNDLED_DATA")),
        "set CPT4J_REGENERATE_BUNDLED_DATA=true to regenerate the bundled Medicare data");
    Path out = Path.of("src/main/resources/io/github/cpt4j/data/medicare");
    assumeTrue(Files.isDirectory(out), "run from the cpt-data module directory");
    BundledMedicareDataGenerator.generate(cms, out);
  }

  @Test
  void bundledRowsEqualTheFullFilesRows() throws Exception {
    Path cms = cms();
    RvuTable full = RvuFile.read(cms.resolve(BundledMedicareDataGenerator.RVU_SOURCE));
    RvuTable bundled = BundledData.medicareFeeSchedule().rvus();
    Set<ProcedureCode> sample = BundledMedicareDataGenerator.sampleCodes();
    List<RvuEntry> expected =
        full.all().stream().filter(e -> sample.contains(e.code())).collect(Collectors.toList());
    assertEquals(expected, bundled.all());
  }

  @Test
  void bundledGpcisOppsCapsAndZipsEqualTheFullFiles() throws Exception {
    Path cms = cms();
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    assertEquals(
        GpciFile.read(cms.resolve(BundledMedicareDataGenerator.GPCI_SOURCE)).all(),
        bundled.gpcis().all());
    Set<ProcedureCode> sample = BundledMedicareDataGenerator.sampleCodes();
    List<OppsCap> caps =
        OppsCapFile.read(cms.resolve(BundledMedicareDataGenerator.OPPS_CAP_SOURCE)).all().stream()
            .filter(c -> sample.contains(c.code()))
            .collect(Collectors.toList());
    assertEquals(caps, bundled.oppsCaps().all());
    ZipLocalityTable full = Zip5File.read(cms.resolve(BundledMedicareDataGenerator.ZIP_SOURCE));
    ZipLocalityTable zips = BundledData.zipLocalities();
    assertEquals(full.rangeCount(), zips.rangeCount());
    for (int i = 0; i < full.rangeCount(); i++) {
      assertEquals(full.rangeStart(i), zips.rangeStart(i));
      assertEquals(full.rangeEnd(i), zips.rangeEnd(i));
      assertEquals(full.rangeLocality(i), zips.rangeLocality(i));
      assertEquals(full.rangeSplitByPlusFour(i), zips.rangeSplitByPlusFour(i));
    }
  }
}
