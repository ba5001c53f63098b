package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.asp.AspLimit;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsRate;
import io.github.cpt4j.fee.medicare.dmepos.DmeposArea;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFee;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Part B loaders and schedules on CMS's files as published (run when {@code CPT4J_CMS_DIR} is
 * set). Every expected amount was read by hand from the file named in its comment.
 */
class PartBFullFilesTest {

  private static final PricingContext MARCH =
      PricingContext.of(
          LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY);

  /** The last day of the files' quarter. */
  private static final PricingContext END_OF_MARCH =
      PricingContext.of(
          LocalDate.of(2025, 3, 31), Locality.parse("13202-01"), Setting.NON_FACILITY);

  private static BigDecimal price(FeeSchedule schedule, String line, PricingContext context) {
    FeeResult result = schedule.price(ClaimLine.parse(line), context);
    return result.amountOrThrow();
  }

  @Test
  void clinicalLaboratoryFeeSchedule() throws Exception {
    ClfsFeeSchedule clfs = ClfsFile.read(CmsFiles.file("clfs/CLFS_2025_Q1V1.csv"));
    assertEquals(Quarter.of(2025, 1), clfs.quarter());
    assertEquals(2087, clfs.rates().size());
    // 2025,36415,,20250101,N,00009.09
    assertEquals(new BigDecimal("9.09"), price(clfs, "36415", MARCH));
    // 2025,80053,QW,20250101,N,00010.56
    assertEquals(new BigDecimal("10.56"), price(clfs, "80053-QW", MARCH));
    // 2025,85025,,20250101,N,00007.77; twice with 91: 2 x 7.77 = 15.54
    assertEquals(new BigDecimal("15.54"), price(clfs, "85025-91 x2", MARCH));
    // 2025,G0471,,20250101,N,11.09
    assertEquals(new BigDecimal("11.09"), price(clfs, "G0471", MARCH));
    // 2025,0020M,,20250101,L,00000.00: priced by the contractor
    assertEquals(
        Optional.of(UnpricedReason.CARRIER_PRICED),
        clfs.price(ClaimLine.parse("0020M"), MARCH).reason());
    // QW prices the tests the file lists with a QW row, and the nine CMS waives without one: the
    // file lists neither 81025 nor 87086 with QW, and only 81025 is one of the nine.
    for (String code : List.of("81025", "87086")) {
      assertEquals(
          Optional.empty(),
          clfs.find(
              io.github.cpt4j.code.ProcedureCode.parse(code),
              Optional.of(io.github.cpt4j.modifier.Modifier.parse("QW"))));
    }
    // 2025,81025,,20250101,N,00008.61
    assertEquals(new BigDecimal("8.61"), price(clfs, "81025-QW", MARCH));
    assertEquals(
        Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED),
        clfs.price(ClaimLine.parse("87086-QW"), MARCH).reason());
  }

  @Test
  void partBDrugs() throws Exception {
    AspFeeSchedule asp = AspFile.read(CmsFiles.file("asp/ASP_2025_JAN.csv"));
    assertEquals(Quarter.of(2025, 1), asp.quarter());
    assertEquals(877, asp.limits().size());
    // J1100,...,1 MG,0.108: 8 mg = 8 units, 8 x 0.108 = 0.864 -> 0.86
    assertEquals(new BigDecimal("0.86"), price(asp, "J1100 x8", MARCH));
    // J9035,...,10 MG,73.190: 400 mg = 40 units, 40 x 73.190 = 2927.60
    assertEquals(new BigDecimal("2927.60"), price(asp, "J9035 x40", MARCH));
    // J3301,...,10 MG,0.898: 40 mg = 4 units, 4 x 0.898 = 3.592 -> 3.59
    assertEquals(new BigDecimal("3.59"), price(asp, "J3301 x4", MARCH));
    // A9606,...,1 microCurie,N/A
    assertEquals(
        Optional.of(UnpricedReason.CARRIER_PRICED),
        asp.price(ClaimLine.parse("A9606"), MARCH).reason());
  }

  /**
   * A clotting factor is priced at the file's payment limit x units and nothing more: CMS includes
   * the clotting factor furnishing fee in the published limit of the clotting factor codes (Pub.
   * 100-04, ch. 17, §80.4.1), which the file marks with a 1 in its {@code Clotting Factor} column;
   * the contractor adds the fee only for a clotting factor the ASP and NOC files do not price.
   * Adding it again would pay it twice.
   */
  @Test
  void aClottingFactorIsPricedAtItsLimitWhichIncludesTheFurnishingFee() throws Exception {
    List<List<String>> drugs = after(fields("asp/ASP_2025_JAN.csv"), "HCPCS Code");
    int clottingFactor = drugs.get(0).indexOf("Clotting Factor");
    List<String> j7180 =
        drugs.stream().filter(r -> r.get(0).equals("J7180")).findFirst().orElseThrow();
    // J7180,...,1 IU,10.473,20.000,,,,,1,,: a clotting factor billing code, per IU.
    assertEquals("1", j7180.get(clottingFactor));
    assertEquals("1 IU", j7180.get(2));
    assertEquals("10.473", j7180.get(3));
    AspFeeSchedule asp = AspFile.read(CmsFiles.file("asp/ASP_2025_JAN.csv"));
    // 1,250 IU = 1,250 units x 10.473 = 13091.250, exactly: no furnishing fee on top.
    FeeResult factor = asp.price(ClaimLine.parse("J7180 x1250"), MARCH);
    assertEquals(Optional.of(new BigDecimal("13091.250")), factor.exactAmount());
    assertEquals(new BigDecimal("13091.25"), factor.amountOrThrow());
    // J7189, factor VIIa, per mcg: 2.549 x 90 = 229.41.
    assertEquals(new BigDecimal("229.41"), price(asp, "J7189 x90", MARCH));
  }

  /**
   * The ASP file's title gives its quarter's first and last day; a copy with either edited (the
   * last to another quarter's, the first to a day within the quarter) is refused at the title's
   * cell, read by name or for the quarter, and the file as published loads as 2025-Q1.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "March 31|June 30|the title says 'January 1, 2025 through June 30, 2025', but quarter"
            + " 2025-Q1 ends on 2025-03-31",
        "January 1|February 1|the title says 'February 1, 2025 through March 31, 2025', but quarter"
            + " 2025-Q1 starts on 2025-01-01"
      })
  void aspTitleEditedToAnotherPeriodIsRefused(String day, String editedDay, String message)
      throws Exception {
    String asp =
        new String(
            Files.readAllBytes(CmsFiles.file("asp/ASP_2025_JAN.csv")), StandardCharsets.ISO_8859_1);
    String title = "\"Effective January 1, 2025 through March 31, 2025\"";
    assertTrue(asp.contains(title), "the title of CMS's file");
    String edited = asp.replace(title, title.replace(day, editedDay));
    DataLoadException byName =
        assertThrows(
            DataLoadException.class,
            () -> AspFile.read(LoaderFixtures.stream(edited), "ASP_2025_JAN.csv"));
    assertEquals(3, byName.line());
    assertEquals(1, byName.column());
    assertTrue(byName.getMessage().contains(message), byName.getMessage());
    assertThrows(
        DataLoadException.class,
        () -> AspFile.read(LoaderFixtures.stream(edited), "drugs.csv", Quarter.of(2025, 1)));
    AspFeeSchedule published = AspFile.read(LoaderFixtures.stream(asp), "drugs.csv");
    assertEquals(Quarter.of(2025, 1), published.quarter());
    assertEquals(877, published.limits().size());
  }

  /**
   * CMS's CLFS file gives its quarter only in its name; read for another quarter than the name's,
   * it is refused.
   */
  @Test
  void clfsReadForAnotherQuarterThanItsNameIsRefused() throws Exception {
    String clfs =
        new String(
            Files.readAllBytes(CmsFiles.file("clfs/CLFS_2025_Q1V1.csv")),
            StandardCharsets.ISO_8859_1);
    DataLoadException later =
        assertThrows(
            DataLoadException.class,
            () ->
                ClfsFile.read(
                    LoaderFixtures.stream(clfs), "CLFS_2025_Q1V1.csv", Quarter.of(2025, 2)));
    assertTrue(
        later
            .getMessage()
            .contains("the file's name says 2025-Q1 but the file is read for 2025-Q2"),
        later.getMessage());
  }

  private static DmeposZipTable zips() throws Exception {
    return DmeposRuralZipFile.read(
        CmsFiles.file("dmepos/DME_Rural_ZIP_2025_Q1.csv"),
        Zip5File.readStates(CmsFiles.file("2025/ZIP5_OCT2025.txt")));
  }

  @Test
  void dmepos() throws Exception {
    DmeposZipTable zips = zips();
    assertEquals(15_913, zips.ruralCount());
    DmeposFeeSchedule dme = DmeposFile.read(CmsFiles.file("dmepos/DMEPOS_2025_JAN.csv"), zips);
    assertEquals(Quarter.of(2025, 1), dme.quarter());
    assertEquals(3487, dme.fees().size());
    PricingContext manhattan = MARCH.withBeneficiaryZip("10001");
    // DME_Rural_ZIP_2025_Q1.csv: NY,10985,202501
    PricingContext ruralNewYork = MARCH.withBeneficiaryZip("10985");
    // E0114,NU,,D,IN: NY (NR) 61.45, NY (R) 0.00 (no rural amount), AK (NR) 66.58
    assertEquals(new BigDecimal("61.45"), price(dme, "E0114-NU", manhattan));
    assertEquals(new BigDecimal("61.45"), price(dme, "E0114-NU", ruralNewYork));
    assertEquals(
        new BigDecimal("66.58"), price(dme, "E0114-NU", MARCH.withBeneficiaryZip("99501")));
    // E0114,RR: NY (NR) 10.79 a month; three months: 3 x 10.79 = 32.37
    assertEquals(new BigDecimal("32.37"), price(dme, "E0114-RR x3", manhattan));
    // E0143,NU,,D,IN: NY (NR) 55.53, NY (R) 103.95
    assertEquals(new BigDecimal("55.53"), price(dme, "E0143-NU", manhattan));
    assertEquals(new BigDecimal("103.95"), price(dme, "E0143-NU", ruralNewYork));
    // E0601,RR,,D,CR: NY (NR) 48.72; month 4 to 13 (KJ): 48.72 x 0.75 = 36.54
    assertEquals(new BigDecimal("36.54"), price(dme, "E0601-RR-KJ", manhattan));
    // E1390,RR,QF,D,OX: NY (R) 173.32
    assertEquals(new BigDecimal("173.32"), price(dme, "E1390-RR-QF", ruralNewYork));
    // E1390,RR,,D,OX: NY (NR) 93.86; under 1 LPM half, over 4 LPM without portable 150%
    // (42 CFR 414.226(e)), as the outside audit computed.
    assertEquals(new BigDecimal("46.93"), price(dme, "E1390-RR-QE", manhattan));
    assertEquals(new BigDecimal("140.79"), price(dme, "E1390-RR-QG", manhattan));
    // K0823,RR,,D,CR: NY (NR) 319.47; a power wheelchair's months 4 to 13: 6% against 15% of
    // the purchase price, 319.47 x 0.40 = 127.788
    assertEquals(new BigDecimal("127.79"), price(dme, "K0823-RR-KJ", manhattan));
    // K0011,RR,,D,CR: NY (NR) 715.72, a power wheelchair coded before K0813: 715.72 x 0.40 =
    // 286.288, not 715.72 x 0.75 = 536.79
    assertEquals(new BigDecimal("286.29"), price(dme, "K0011-RR-KJ", manhattan));
    assertEquals(
        Optional.of(UnpricedReason.MODIFIER_REQUIRED),
        dme.price(ClaimLine.parse("E0114"), manhattan).reason());
  }

  /**
   * The example of the most specific row that README and {@code DmeposFeeSchedule} give: its code
   * has both rows in CMS's file, and the line with both modifiers is priced from the row with both
   * (NY non-rural, January 2025: E0950,RR,KU 10.66; E0950,RR 8.60). K0861, the example before, has
   * an RR row alone, so K0861-RR-KU was priced as K0861-RR.
   */
  @Test
  void theReadmeExampleOfTheMostSpecificRowHasBothRows() throws Exception {
    DmeposFeeSchedule dme = DmeposFile.read(CmsFiles.file("dmepos/DMEPOS_2025_JAN.csv"), zips());
    String code = "E0950";
    assertEquals(
        List.of(code + "-RR", code + "-RR-KU"),
        dme.rows(io.github.cpt4j.code.ProcedureCode.parse(code)).stream()
            .map(DmeposFee::row)
            .filter(row -> row.startsWith(code + "-RR") && !row.endsWith("-KE"))
            .toList());
    PricingContext manhattan = MARCH.withBeneficiaryZip("10001");
    assertEquals(new BigDecimal("10.66"), price(dme, code + "-RR-KU", manhattan));
    assertEquals(new BigDecimal("8.60"), price(dme, code + "-RR", manhattan));
  }

  /**
   * A code no loaded schedule lists is routed by its shape: every code of CMS's 2025 files must be
   * routed so to the schedule whose file lists it, else a quarter or a sample without it sends it
   * elsewhere (G0471 to the PFS as status X, COVID-19 vaccines and albumin away from ASP).
   */
  @Test
  void everyCodeOfTheFilesIsRoutedByShapeToItsFilesSchedule() throws Exception {
    PartBFeeSchedule nothingLoaded = PartBFeeSchedule.builder().build();
    Map<String, PartBPayer> wrong = new java.util.TreeMap<>();
    ClfsFile.read(CmsFiles.file("clfs/CLFS_2025_Q1V1.csv")).rates().stream()
        .map(ClfsRate::code)
        .filter(code -> nothingLoaded.payerOf(code) != PartBPayer.CLINICAL_LABORATORY)
        .forEach(code -> wrong.put(code + " (CLFS)", nothingLoaded.payerOf(code)));
    DmeposFile.read(CmsFiles.file("dmepos/DMEPOS_2025_JAN.csv"), zips()).fees().stream()
        .map(DmeposFee::code)
        .filter(code -> nothingLoaded.payerOf(code) != PartBPayer.DMEPOS)
        .forEach(code -> wrong.put(code + " (DMEPOS)", nothingLoaded.payerOf(code)));
    AspFile.read(CmsFiles.file("asp/ASP_2025_JAN.csv")).limits().stream()
        .map(AspLimit::code)
        .filter(code -> nothingLoaded.payerOf(code) != PartBPayer.DRUGS)
        .forEach(code -> wrong.put(code + " (ASP)", nothingLoaded.payerOf(code)));
    assertEquals(Map.of(), wrong);
  }

  @Test
  void continentalStateAmountsLieBetweenFloorAndCeiling() throws Exception {
    DmeposFeeSchedule dme = DmeposFile.read(CmsFiles.file("dmepos/DMEPOS_2025_JAN.csv"), zips());
    Set<String> nonContinental = Set.of("AK", "HI", "PR", "VI");
    List<String> outside = new ArrayList<>();
    int checked = 0;
    for (DmeposFee fee : dme.fees()) {
      if (fee.ceiling().signum() == 0) {
        continue;
      }
      for (String state : fee.states()) {
        BigDecimal amount = fee.nonRuralFee(state).orElseThrow();
        if (nonContinental.contains(state) || amount.signum() == 0) {
          continue;
        }
        checked++;
        if (amount.compareTo(fee.floor()) < 0 || amount.compareTo(fee.ceiling()) > 0) {
          outside.add(fee.row() + " " + state + " " + amount);
        }
      }
    }
    assertEquals(List.of(), outside);
    assertTrue(checked > 50_000, "checked " + checked);
  }

  /** Every field of the CMS file at {@code path}, row by row, read apart from the loaders. */
  private static List<List<String>> fields(String path) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .ofCsvRecord(
                Files.newBufferedReader(CmsFiles.file(path), StandardCharsets.ISO_8859_1))) {
      reader.forEach(r -> rows.add(r.getFields()));
    }
    return rows;
  }

  /** The rows after the one whose first field is {@code header}, blank rows left out. */
  private static List<List<String>> after(List<List<String>> rows, String header) {
    int h = 0;
    while (!rows.get(h).get(0).equals(header)) {
      h++;
    }
    return rows.subList(h, rows.size()).stream().filter(r -> !r.get(0).isEmpty()).toList();
  }

  /** The file's figure x units to the cent, or the reason a 0.00 or N/A row is not priced. */
  private static String expected(BigDecimal perUnit, int units) {
    return perUnit == null || perUnit.signum() == 0
        ? "CARRIER_PRICED"
        : perUnit
            .multiply(BigDecimal.valueOf(units))
            .setScale(2, RoundingMode.HALF_UP)
            .toPlainString();
  }

  private static String priced(FeeResult result) {
    return result.isPriced()
        ? result.amountOrThrow().toPlainString()
        : result.reason().orElseThrow().toString();
  }

  /**
   * Every row of the three files, priced through the public API, gives the file's own figure to the
   * cent, once and for several units: each CLFS row (its modifier on the line; L rows by the
   * contractor), each ASP row (N/A by the contractor) and each DMEPOS row in every state, in a
   * rural and a non-rural ZIP code of it (a rural 0.00 falling back to the non-rural amount, a
   * non-rural 0.00 by the contractor). The expected figures are read from the files here, apart
   * from the loaders; rural ZIP codes are checked against the rural file, state by state.
   */
  @Test
  void everyRowPricesAsTheFileSays() throws Exception {
    List<String> wrong = new ArrayList<>();
    ClfsFeeSchedule clfs = ClfsFile.read(CmsFiles.file("clfs/CLFS_2025_Q1V1.csv"));
    List<List<String>> lab = after(fields("clfs/CLFS_2025_Q1V1.csv"), "YEAR");
    for (List<String> r : lab.subList(1, lab.size())) {
      String line = r.get(1) + (r.get(2).isEmpty() ? "" : "-" + r.get(2));
      BigDecimal rate = r.get(4).equals("L") ? null : new BigDecimal(r.get(5));
      for (int units : new int[] {1, 3, 999}) {
        String got = priced(clfs.price(ClaimLine.parse(line + " x" + units), END_OF_MARCH));
        if (!got.equals(expected(rate, units))) {
          wrong.add(line + " x" + units + ": " + got + ", file " + expected(rate, units));
        }
      }
    }
    AspFeeSchedule asp = AspFile.read(CmsFiles.file("asp/ASP_2025_JAN.csv"));
    List<List<String>> drugs = after(fields("asp/ASP_2025_JAN.csv"), "HCPCS Code");
    for (List<String> r : drugs.subList(1, drugs.size())) {
      BigDecimal limit = r.get(3).equals("N/A") ? null : new BigDecimal(r.get(3));
      for (int units : new int[] {1, 7, 1000}) {
        String got = priced(asp.price(ClaimLine.parse(r.get(0) + " x" + units), END_OF_MARCH));
        if (!got.equals(expected(limit, units))) {
          wrong.add(r.get(0) + " x" + units + ": " + got + ", file " + expected(limit, units));
        }
      }
    }
    DmeposZipTable zips = zips();
    Map<String, String> ruralFile = new HashMap<>();
    List<List<String>> rural = fields("dmepos/DME_Rural_ZIP_2025_Q1.csv");
    rural.subList(1, rural.size()).forEach(r -> ruralFile.put(r.get(1), r.get(0)));
    // A ZIP code of each state and kind ("NY (R)"), checking each against the rural file.
    Map<String, String> zipOf = new HashMap<>();
    for (int z = 0; z < 100_000; z++) {
      String zip = String.format("%05d", z);
      Optional<DmeposArea> area = zips.find(zip);
      String state = ruralFile.get(zip);
      if (area.isEmpty()
          ? state != null
          : area.get().rural() != (state != null)
              || state != null && !state.equals(area.get().state())) {
        wrong.add("ZIP " + zip + ": " + area + ", rural file " + state);
      }
      area.ifPresent(a -> zipOf.putIfAbsent(a.state() + (a.rural() ? " (R)" : " (NR)"), zip));
    }
    DmeposFeeSchedule dme = DmeposFile.read(CmsFiles.file("dmepos/DMEPOS_2025_JAN.csv"), zips);
    List<List<String>> equipment = after(fields("dmepos/DMEPOS_2025_JAN.csv"), "HCPCS");
    List<String> header = equipment.get(0);
    int checked = 0;
    for (List<String> r : equipment.subList(1, equipment.size())) {
      String line =
          r.get(0)
              + (r.get(1).isEmpty() ? "" : "-" + r.get(1))
              + (r.get(2).isEmpty() ? "" : "-" + r.get(2));
      for (int c = 7; c + 1 < header.size() && header.get(c).endsWith("(NR)"); c += 2) {
        String state = header.get(c).substring(0, 2);
        BigDecimal nonRural = new BigDecimal(r.get(c));
        BigDecimal ruralFee = new BigDecimal(r.get(c + 1));
        for (boolean isRural : new boolean[] {false, true}) {
          String zip = zipOf.get(state + (isRural ? " (R)" : " (NR)"));
          if (zip == null) {
            continue; // DC, NJ, RI, HI... have no rural ZIP code
          }
          BigDecimal fee = isRural && ruralFee.signum() != 0 ? ruralFee : nonRural;
          for (int units : new int[] {1, 3}) {
            checked++;
            String got =
                priced(
                    dme.price(
                        ClaimLine.parse(line + " x" + units),
                        END_OF_MARCH.withBeneficiaryZip(zip)));
            if (!got.equals(expected(fee, units))) {
              wrong.add(
                  line
                      + " x"
                      + units
                      + " in "
                      + zip
                      + ": "
                      + got
                      + ", file "
                      + expected(fee, units));
            }
          }
        }
      }
    }
    assertEquals(List.of(), wrong.subList(0, Math.min(wrong.size(), 50)));
    assertEquals(2088, lab.size()); // the header and 2,087 rows
    assertEquals(878, drugs.size());
    assertTrue(checked > 600_000, "checked " + checked);
  }
}
