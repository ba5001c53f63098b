package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.medicare.AspFile;
import io.github.cpt4j.data.medicare.ClfsFile;
import io.github.cpt4j.data.medicare.CmsSubset;
import io.github.cpt4j.data.medicare.DmeposFile;
import io.github.cpt4j.data.medicare.DmeposRuralZipFile;
import io.github.cpt4j.data.medicare.Zip5File;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.asp.AspLimit;
import io.github.cpt4j.fee.medicare.clfs.ClfsRate;
import io.github.cpt4j.fee.medicare.dmepos.DmeposArea;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFee;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundledPartBDataTest {

  private static final PricingContext MARCH =
      PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY)
          .withBeneficiaryZip("10001");

  @Test
  void everyBundledRowIsASampleCode() {
    Set<ProcedureCode> sample = BundledMedicareDataGenerator.sampleCodes();
    Set<ProcedureCode> labs =
        BundledData.clinicalLabFeeSchedule().rates().stream()
            .map(ClfsRate::code)
            .collect(Collectors.toSet());
    Set<ProcedureCode> drugs =
        BundledData.aspFeeSchedule().limits().stream()
            .map(AspLimit::code)
            .collect(Collectors.toSet());
    Set<ProcedureCode> equipment =
        BundledData.dmeposFeeSchedule().fees().stream()
            .map(DmeposFee::code)
            .collect(Collectors.toSet());
    assertTrue(sample.containsAll(labs), "labs " + labs);
    assertTrue(sample.containsAll(drugs), "drugs " + drugs);
    assertTrue(sample.containsAll(equipment), "equipment " + equipment);
    assertTrue(labs.size() >= 40, "labs " + labs.size());
    assertTrue(drugs.size() >= 15, "drugs " + drugs.size());
    assertEquals(6, equipment.size(), "equipment " + equipment);
    assertSame(BundledData.clinicalLabFeeSchedule(), BundledData.clinicalLabFeeSchedule());
    assertEquals(Quarter.of(2025, 1), BundledData.dmeposFeeSchedule().quarter());
  }

  @Test
  void bundledSchedulesPriceTheSampleWithZeroConfiguration() {
    // CLFS_2025_Q1V1.csv: 80053,QW,20250101,N,00010.56
    assertEquals(
        new BigDecimal("10.56"),
        BundledData.clinicalLabFeeSchedule()
            .price(ClaimLine.parse("80053-QW"), MARCH)
            .amountOrThrow());
    // ASP_2025_JAN.csv: J1100, 1 MG, 0.108; 8 mg: 8 x 0.108 = 0.864 -> 0.86
    assertEquals(
        new BigDecimal("0.86"),
        BundledData.aspFeeSchedule().price(ClaimLine.parse("J1100 x8"), MARCH).amountOrThrow());
    // DMEPOS_2025_JAN.csv: E0114,NU,,D,IN,...: NY (NR) 61.45
    assertEquals(
        new BigDecimal("61.45"),
        BundledData.dmeposFeeSchedule().price(ClaimLine.parse("E0114-NU"), MARCH).amountOrThrow());
  }

  @Test
  void zipTablePlacesStatesAndRuralZips() {
    DmeposZipTable zips = BundledData.dmeposZips();
    assertEquals(Optional.of(new DmeposArea("NY", false)), zips.find("10001"));
    // DME_Rural_ZIP_2025_Q1.csv: NY,10985,202501
    assertEquals(Optional.of(new DmeposArea("NY", true)), zips.find("10985-1234"));
    // ZIP5_OCT2025.txt gives 63036 the state EM (eastern Missouri); the rural file says MO.
    assertEquals(Optional.of(new DmeposArea("MO", true)), zips.find("63036"));
    assertEquals(Optional.of(new DmeposArea("KS", false)), zips.find("66044"));
    assertFalse(zips.find("00000").isPresent());
    assertEquals(15_913, zips.ruralCount());
    assertEquals(Optional.of(Quarter.of(2025, 1)), zips.ruralQuarter());
  }

  /**
   * A later quarter's rural ZIP list laid over the bundled table, whose 2025 Q1 list puts 72643 in
   * AR (ZIP5: MO): a ZIP code the later list does not name has its ZIP5 state, as over {@code
   * Zip5File.readStates}. It used to keep the Q1 list's AR, priced with Arkansas's amounts
   * (E0601-RR 50.58 instead of Missouri's 49.37).
   */
  @Test
  void aLaterRuralListOverTheBundledTableGivesZip5States() throws Exception {
    assertEquals(Optional.of(new DmeposArea("AR", true)), BundledData.dmeposZips().find("72643"));
    DmeposZipTable q2 =
        DmeposRuralZipFile.read(
            new ByteArrayInputStream(
                (CmsSubset.MARKER
                        + ": a test fixture\n"
                        + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\n"
                        + "NY,10985,202502\n"
                        + "MO,63036,202502\n")
                    .getBytes(StandardCharsets.US_ASCII)),
            "DME_Rural_ZIP_2025_Q2.csv",
            BundledData.dmeposZips());
    assertEquals(Optional.of(new DmeposArea("MO", false)), q2.find("72643"));
    assertEquals(Optional.of(new DmeposArea("MO", true)), q2.find("63036"));
    assertEquals(Optional.of(new DmeposArea("ME", false)), q2.find("04462"));
    assertEquals(2, q2.ruralCount());
    // DMEPOS_2025_JAN.csv: E0601,RR: AR (NR) 50.58, MO (NR) 49.37.
    assertEquals(
        new BigDecimal("49.37"),
        BundledData.dmeposFeeSchedule()
            .withZips(q2)
            .price(ClaimLine.parse("E0601-RR"), MARCH.withBeneficiaryZip("72643"))
            .amountOrThrow());
  }

  // ---- With the CMS files: the bundled data equal the full files. -------------------------

  private static Path cms() {
    String dir = System.getenv("CPT4J_CMS_DIR");
    assumeTrue(
        dir != null && !dir.isBlank(),
        "CPT4J_CMS_DIR is not set: the bundled Part B data are not compared with the CMS files");
    Path path = Path.of(dir);
    assumeTrue(
        Files.isRegularFile(path.resolve(BundledPartBDataGenerator.CLFS_SOURCE)),
        "CPT4J_CMS_DIR has no " + BundledPartBDataGenerator.CLFS_SOURCE);
    return path;
  }

  @Test
  void regeneratesWhenAsked() throws Exception {
    Path cms = cms();
    assumeTrue(
        "true".equals(System.getenv("CPT4J_REGENERATE_BUNDLED_DATA")),
        "set CPT4J_REGENERATE_BUNDLED_DATA=true to regenerate the bundled Part B data");
    Path out = Path.of("src/main/resources/io/github/cpt4j/data/medicare");
    assumeTrue(Files.isDirectory(out), "run from the cpt-data module directory");
    BundledPartBDataGenerator.generate(cms, out);
  }

  @Test
  void bundledRowsEqualTheFullFilesRows() throws Exception {
    Path cms = cms();
    Set<ProcedureCode> sample = BundledMedicareDataGenerator.sampleCodes();
    List<ClfsRate> labs =
        ClfsFile.read(cms.resolve(BundledPartBDataGenerator.CLFS_SOURCE)).rates().stream()
            .filter(r -> sample.contains(r.code()))
            .collect(Collectors.toList());
    assertEquals(labs, BundledData.clinicalLabFeeSchedule().rates());
    List<AspLimit> drugs =
        AspFile.read(cms.resolve(BundledPartBDataGenerator.ASP_SOURCE)).limits().stream()
            .filter(r -> sample.contains(r.code()))
            .collect(Collectors.toList());
    assertEquals(drugs, BundledData.aspFeeSchedule().limits());
    DmeposFeeSchedule full =
        DmeposFile.read(
            cms.resolve(BundledPartBDataGenerator.DMEPOS_SOURCE), BundledData.dmeposZips());
    List<String> expected =
        full.fees().stream()
            .filter(f -> sample.contains(f.code()))
            .map(BundledPartBDataTest::describe)
            .collect(Collectors.toList());
    assertEquals(
        expected,
        BundledData.dmeposFeeSchedule().fees().stream()
            .map(BundledPartBDataTest::describe)
            .collect(Collectors.toList()));
  }

  private static String describe(DmeposFee fee) {
    StringBuilder sb =
        new StringBuilder(fee.row())
            .append(' ')
            .append(fee.jurisdiction())
            .append(' ')
            .append(fee.category())
            .append(' ')
            .append(fee.ceiling())
            .append(' ')
            .append(fee.floor());
    for (String state : fee.states()) {
      sb.append(' ')
          .append(state)
          .append(fee.nonRuralFee(state).orElseThrow())
          .append('/')
          .append(fee.ruralFee(state).orElseThrow());
    }
    return sb.toString();
  }

  @Test
  void bundledZipTableEqualsTheFullFiles() throws Exception {
    Path cms = cms();
    DmeposZipTable full =
        DmeposRuralZipFile.read(
            cms.resolve(BundledPartBDataGenerator.RURAL_SOURCE),
            Zip5File.readStates(cms.resolve(BundledMedicareDataGenerator.ZIP_SOURCE)));
    DmeposZipTable bundled = BundledData.dmeposZips();
    for (int z = 0; z < 100_000; z++) {
      String fullState = full.stateIndex(z) < 0 ? "-" : full.states().get(full.stateIndex(z));
      String bundledState =
          bundled.stateIndex(z) < 0 ? "-" : bundled.states().get(bundled.stateIndex(z));
      if (!fullState.equals(bundledState) || full.isRural(z) != bundled.isRural(z)) {
        assertEquals(fullState + full.isRural(z), bundledState + bundled.isRural(z), "ZIP " + z);
      }
    }
  }

  /**
   * CMS's 2025 Q1 rural list without its line {@code AR,72643}, as a later quarter's list would be:
   * laid over the bundled table or over the ZIP5 states read from CMS's file, every ZIP code gets
   * the same state and column, and K0813-RR (DMEPOS_2025_JAN.csv) for a beneficiary in 72643 is
   * Missouri's 325.20, not Arkansas's 313.20.
   */
  @Test
  void aRuralListOverTheBundledTableEqualsItOverTheZip5States() throws Exception {
    Path cms = cms();
    String withoutLine =
        Files.readString(
                cms.resolve(BundledPartBDataGenerator.RURAL_SOURCE), StandardCharsets.ISO_8859_1)
            .replace("AR,72643,202501\n", "")
            .replace("AR,72643,202501\r\n", "");
    assertFalse(withoutLine.contains("72643"));
    byte[] later = withoutLine.getBytes(StandardCharsets.ISO_8859_1);
    DmeposZipTable overBundled =
        DmeposRuralZipFile.read(
            new ByteArrayInputStream(later), "rural.csv", BundledData.dmeposZips());
    DmeposZipTable overZip5 =
        DmeposRuralZipFile.read(
            new ByteArrayInputStream(later),
            "rural.csv",
            Zip5File.readStates(cms.resolve(BundledMedicareDataGenerator.ZIP_SOURCE)));
    for (int z = 0; z < 100_000; z++) {
      String a = areaOf(overBundled, z);
      String b = areaOf(overZip5, z);
      if (!a.equals(b)) {
        assertEquals(b, a, "ZIP " + z);
      }
    }
    assertEquals(Optional.of(new DmeposArea("MO", false)), overBundled.find("72643"));
    DmeposFeeSchedule full =
        DmeposFile.read(
            cms.resolve(BundledPartBDataGenerator.DMEPOS_SOURCE), BundledData.dmeposZips());
    PricingContext ozarks = MARCH.withBeneficiaryZip("72643");
    ClaimLine wheelchair = ClaimLine.parse("K0813-RR");
    // With the Q1 list, 72643 is a rural ZIP code of AR: AR (R) 391.07.
    assertEquals(new BigDecimal("391.07"), full.price(wheelchair, ozarks).amountOrThrow());
    assertEquals(
        new BigDecimal("325.20"),
        full.withZips(overBundled).price(wheelchair, ozarks).amountOrThrow());
    assertEquals(
        new BigDecimal("325.20"),
        full.withZips(overZip5).price(wheelchair, ozarks).amountOrThrow());
  }

  private static String areaOf(DmeposZipTable table, int zip) {
    int state = table.stateIndex(zip);
    return (state < 0 ? "-" : table.states().get(state)) + (table.isRural(zip) ? " rural" : "");
  }
}
