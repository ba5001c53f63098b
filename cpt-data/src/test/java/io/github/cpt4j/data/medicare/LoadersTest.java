package io.github.cpt4j.data.medicare;

import static io.github.cpt4j.data.medicare.LoaderFixtures.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactors;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadersTest {

  private static RvuTable rvus(String text) throws Exception {
    return RvuFile.read(stream(text), "test.csv");
  }

  @Test
  void readsThe2025RelativeValueLayout() throws Exception {
    RvuTable table = rvus(LoaderFixtures.rvu2025());
    assertEquals(6, table.size());
    RvuEntry scope = table.find(ProcedureCode.parse("29881"), Optional.empty()).orElseThrow();
    assertEquals(new BigDecimal("7.03"), scope.workRvu());
    assertTrue(scope.nonFacilityNa());
    assertFalse(scope.facilityNa());
    assertEquals(GlobalPeriod.DAYS_90, scope.indicators().globalPeriod());
    assertEquals(MultipleProcedureRule.ENDOSCOPY_FAMILY, scope.indicators().multipleProcedure());
    assertEquals(BilateralRule.PAY_150_PERCENT, scope.indicators().bilateral());
    assertEquals(Optional.of(ProcedureCode.parse("29870")), scope.indicators().endoscopicBase());
    assertEquals(new BigDecimal("0.69"), scope.indicators().intraOperativeShare());
    assertEquals(Optional.empty(), scope.indicators().pricingIndicator());
    RvuEntry tc =
        table
            .find(ProcedureCode.parse("71046"), Optional.of(Modifier.TECHNICAL_COMPONENT))
            .orElseThrow();
    assertEquals("01", tc.indicators().physicianSupervision());
    assertEquals(new BigDecimal("2.68"), tc.oppsNonFacilityPeRvu());
    RvuEntry measure = table.find(ProcedureCode.parse("0001F"), Optional.empty()).orElseThrow();
    assertEquals(PaymentStatus.I, measure.status());
    assertTrue(measure.notUsedForMedicarePayment());
  }

  @Test
  void theTitleRowGivesTheYear() throws Exception {
    // Issue 11 item 6: the year bounds the dates a schedule over the rows prices.
    assertEquals(Optional.empty(), rvus(LoaderFixtures.rvu2025()).year());
    String titled =
        LoaderFixtures.rvu2025()
            .replace(
                "Test relative value file in the CY2025 layout",
                "2025 National Physician Fee Schedule Relative Value File October Release");
    assertEquals(Optional.of(Year.of(2025)), rvus(titled).year());
    String bundledTitle =
        LoaderFixtures.rvu2025()
            .replace(
                "Test relative value file in the CY2025 layout",
                "\"rows from CMS's PPRRVU26.csv (CY2026 relative value file, January release)\"");
    assertEquals(Optional.of(Year.of(2026)), rvus(bundledTitle).year());
    // A damaged month is refused: read as no release, the file would price its whole year.
    String damaged = titled.replace("October Release", "Octember Release");
    DataLoadException e = assertThrows(DataLoadException.class, () -> rvus(damaged));
    assertTrue(
        e.getMessage()
            .startsWith(
                "test.csv, line 2, column 3: the title names the release 'Octember', not a"),
        e::getMessage);
  }

  @Test
  void aScheduleRefusesGpcisOfAnotherYearThanItsRelativeValues() throws Exception {
    // The 2026 indices with the 2025 relative values priced 99213 in Los Angeles at 97.58 for
    // 2025 dates, where CMS paid 98.19.
    GpciTable gpcis2026 =
        GpciFile.read(
            stream(LoaderFixtures.gpci2026()), "GPCI2025.csv", GpciFile.WorkGpci.WITH_FLOOR);
    assertEquals(Optional.of(Year.of(2026)), gpcis2026.year());
    RvuTable rvus2025 =
        rvus(
            LoaderFixtures.rvu2025()
                .replace(
                    "Test relative value file in the CY2025 layout",
                    "2025 National Physician Fee Schedule Relative Value File October Release"));
    MedicareFeeSchedule.Builder schedule =
        MedicareFeeSchedule.builder()
            .name("mixed")
            .rvus(rvus2025)
            .gpcis(gpcis2026)
            .conversionFactors(BundledData.conversionFactors());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, schedule::build);
    assertEquals("the relative value file is for 2025, but the GPCIs are for 2026", e.getMessage());
    // A table that does not say its year (a hand-made one) is taken at its word.
    schedule.gpcis(GpciTable.of(gpcis2026.all())).build();
  }

  @Test
  void sharesEqualValuesAcrossTheRowsOfOneLoad() throws Exception {
    // One instance per distinct value is what keeps the full 2025 file near 3 MB in memory.
    RvuTable table = rvus(LoaderFixtures.rvu2025());
    ProcedureCode chest = ProcedureCode.parse("71046");
    RvuEntry global = table.find(chest, Optional.empty()).orElseThrow();
    RvuEntry professional =
        table.find(chest, Optional.of(Modifier.PROFESSIONAL_COMPONENT)).orElseThrow();
    assertEquals(global.indicators(), professional.indicators());
    assertSame(global.indicators(), professional.indicators());
    assertSame(global.workRvu(), professional.workRvu());
    assertSame(global.code(), professional.code());
  }

  @Test
  void readsThe2026LayoutWithItsPricingIndicator() throws Exception {
    RvuTable table = rvus(LoaderFixtures.rvu2026());
    RvuEntry scope = table.find(ProcedureCode.parse("29881"), Optional.empty()).orElseThrow();
    assertEquals(new BigDecimal("6.85"), scope.workRvu());
    assertEquals(Optional.of(ProcedureCode.parse("29870")), scope.indicators().endoscopicBase());
    assertEquals(Optional.of("1"), scope.indicators().pricingIndicator());
  }

  @Test
  void theConvFactorColumnIsTheTablesConversionFactor() throws Exception {
    assertEquals(
        Optional.of(new BigDecimal("32.3465")), rvus(LoaderFixtures.rvu2025()).conversionFactor());
    assertEquals(
        Optional.of(new BigDecimal("33.5675")), rvus(LoaderFixtures.rvu2026()).conversionFactor());
    // Blank everywhere: the file states no factor.
    assertEquals(
        Optional.empty(),
        rvus(LoaderFixtures.rvu2025().replace(",32.3465,", ",,")).conversionFactor());
  }

  @Test
  void refusesAFileThatStatesTwoConversionFactors() {
    String mixed =
        LoaderFixtures.RVU_2025_HEADER
            + "\n"
            + String.join(
                "\n",
                LoaderFixtures.RVU_2025_ROWS.get(0),
                LoaderFixtures.RVU_2025_ROWS.get(1),
                LoaderFixtures.RVU_2025_ROWS.get(4).replace("32.3465", "33.4009"))
            + "\n";
    DataLoadException e = assertThrows(DataLoadException.class, () -> rvus(mixed));
    assertEquals(13, e.line(), e.getMessage());
    assertEquals(25, e.column(), e.getMessage());
    assertTrue(
        e.problem()
            .startsWith(
                "CONV FACTOR: expected the conversion factor of the rest of the file, 32.3465"
                    + " (first stated on line 11)"),
        e.getMessage());
    assertTrue(e.problem().contains("found '33.4009'"), e.getMessage());
    String zero = LoaderFixtures.rvu2025().replace(",32.3465,", ",0.0000,");
    assertTrue(
        assertThrows(DataLoadException.class, () -> rvus(zero))
            .problem()
            .startsWith("CONV FACTOR: expected a conversion factor greater than 0"));
  }

  /**
   * When the first two rows to state a conversion factor disagree, the next one decides which is
   * odd: the first row's own value was blamed on the second row, at the wrong line.
   */
  @Test
  void aConversionFactorThatDiffersIsNamedAtItsOwnRow() {
    List<String> rows = LoaderFixtures.RVU_2025_ROWS;
    String firstOdd =
        String.join(
            "\n",
            LoaderFixtures.RVU_2025_HEADER,
            rows.get(0).replace("32.3465", "32.3456"),
            rows.get(1),
            rows.get(4));
    DataLoadException first = assertThrows(DataLoadException.class, () -> rvus(firstOdd + "\n"));
    assertEquals(
        "test.csv, line 11, column 25: CONV FACTOR: expected the conversion factor of the rest of"
            + " the file, 32.3465 (stated on lines 12 and 13): a relative value file has one,"
            + " found '32.3456'",
        first.getMessage());
    String secondOdd =
        String.join(
            "\n",
            LoaderFixtures.RVU_2025_HEADER,
            rows.get(0),
            rows.get(1).replace("32.3465", "32.3456"),
            // A row without a factor decides nothing; the next one with a factor does.
            rows.get(2).replace("32.3465", ""),
            rows.get(4));
    DataLoadException second = assertThrows(DataLoadException.class, () -> rvus(secondOdd + "\n"));
    assertEquals(
        "test.csv, line 12, column 25: CONV FACTOR: expected the conversion factor of the rest of"
            + " the file, 32.3465 (stated on lines 11 and 14): a relative value file has one,"
            + " found '32.3456'",
        second.getMessage());
    // With no third row to decide, both values are given with their lines.
    String two =
        String.join(
            "\n",
            LoaderFixtures.RVU_2025_HEADER,
            rows.get(0).replace("32.3465", "32.3456"),
            rows.get(1));
    DataLoadException both = assertThrows(DataLoadException.class, () -> rvus(two + "\n"));
    assertEquals(
        "test.csv, line 12, column 25: CONV FACTOR: two conversion factors, 32.3456 on line 11"
            + " and 32.3465 on line 12, and no third row that agrees with either: a relative value"
            + " file has one",
        both.getMessage());
  }

  @Test
  void namesAMissingOrRenamedColumn() {
    String renamed = LoaderFixtures.rvu2025().replace("WORK,NON-FAC", "WORKS,NON-FAC");
    DataLoadException e = assertThrows(DataLoadException.class, () -> rvus(renamed));
    // The row of "WORKS", not the header's last row (11): the name is pieced from lines 7-11.
    assertEquals(10, e.line());
    assertTrue(
        e.getMessage().startsWith("test.csv, line 10: missing column \"WORK RVU\""),
        e.getMessage());
    assertTrue(e.getMessage().contains("WORKS RVU"), e.getMessage());
    DataLoadException none = assertThrows(DataLoadException.class, () -> rvus("a,b,c\n1,2,3\n"));
    assertTrue(none.getMessage().contains("no header row starting with HCPCS"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "7.03,9.34   | 7.0x,9.34   | 6  | WORK RVU: expected a number",
        ",A,,7.03    | ,Q,,7.03    | 4  | STATUS CODE: expected a status code",
        "9.34,NA,9.34| 9.34,N/A,9.34| 8 | NON-FAC NA INDICATOR: expected \"NA\" or a blank",
        "0,090,0.10  | 0,091,0.10  | 15 | GLOB DAYS: expected 000, 010",
        "0.10,0.69   | 0.10,1.69   | 17 | INTRA OP: expected a share",
        "29870       | 2987        | 24 | ENDO BASE: expected a CPT or HCPCS code",
      })
  void reportsTheLineAndColumnOfABadField(String good, String bad, int column, String message) {
    String text =
        LoaderFixtures.rvu2025()
            .replaceFirst(java.util.regex.Pattern.quote(good.trim()), bad.trim());
    DataLoadException e = assertThrows(DataLoadException.class, () -> rvus(text));
    assertEquals(12, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.problem().startsWith(message.trim()), e.getMessage());
  }

  @Test
  void rejectsDuplicateRowsAndOtherModifiers() {
    String duplicated = LoaderFixtures.rvu2025() + LoaderFixtures.RVU_2025_ROWS.get(4) + "\n";
    DataLoadException e = assertThrows(DataLoadException.class, () -> rvus(duplicated));
    assertEquals("test.csv, line 18: row 99213 appears twice, on lines 16 and 18", e.getMessage());
    String modifier = LoaderFixtures.rvu2025().replace("71046,26,", "71046,50,");
    DataLoadException m = assertThrows(DataLoadException.class, () -> rvus(modifier));
    assertEquals(2, m.column());
    String shortRow = LoaderFixtures.rvu2025() + "99214,,x,A\n";
    assertThrows(DataLoadException.class, () -> rvus(shortRow));
  }

  @Test
  void readsGpcisWithTheChosenWorkColumn() throws Exception {
    GpciTable table =
        GpciFile.read(stream(LoaderFixtures.gpci2025()), "g.csv", GpciFile.WorkGpci.WITH_FLOOR);
    assertEquals(3, table.size());
    var alaska = table.find(Locality.parse("02102-01")).orElseThrow();
    assertEquals("ALASKA", alaska.name());
    assertEquals(new BigDecimal("1.5"), alaska.work());
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                GpciFile.read(
                    stream(LoaderFixtures.gpci2025()), "g.csv", GpciFile.WorkGpci.WITHOUT_FLOOR));
    assertTrue(
        e.getMessage().contains("missing column \"PW GPCI (WITHOUT 1.0 FLOOR)\""), e.getMessage());
    GpciTable with =
        GpciFile.read(stream(LoaderFixtures.gpci2026()), "g.csv", GpciFile.WorkGpci.WITH_FLOOR);
    GpciTable without =
        GpciFile.read(stream(LoaderFixtures.gpci2026()), "g.csv", GpciFile.WorkGpci.WITHOUT_FLOOR);
    Locality alabama = Locality.parse("10112-00");
    assertEquals(new BigDecimal("1"), with.find(alabama).orElseThrow().work());
    assertEquals(new BigDecimal("0.996"), without.find(alabama).orElseThrow().work());
    String bad = LoaderFixtures.gpci2025().replace("0.949", "0.9491");
    DataLoadException b =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(bad), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertEquals(
        "g.csv, line 7, column 6: 2025 PE GPCI: expected a number of at least 0 with at"
            + " most 3 decimals, found '0.9491'",
        b.getMessage());
    for (String state : new String[] {"al", "A1", "ALA"}) {
      String lower = LoaderFixtures.gpci2025().replace("10112,AL,", "10112," + state + ",");
      DataLoadException s =
          assertThrows(
              DataLoadException.class,
              () -> GpciFile.read(stream(lower), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
      assertTrue(
          s.getMessage()
              .startsWith("g.csv, line 5, column 2: STATE: expected a two-letter state code in"),
          s.getMessage());
    }
  }

  @Test
  void readsOppsCapsInCmsSpelling() throws Exception {
    String text =
        LoaderFixtures.SUBSET
            + "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE\n"
            + "70450,TC,A,13282,99,60.00,60.00\n,,,,,,\n";
    OppsCapTable caps = OppsCapFile.read(stream(text), "c.csv");
    assertEquals(1, caps.size());
    assertEquals(
        new BigDecimal("60.00"),
        caps.find(
                ProcedureCode.parse("70450"),
                Optional.of(Modifier.TECHNICAL_COMPONENT),
                Locality.parse("13282-99"))
            .orElseThrow()
            .nonFacilityAmount());
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                OppsCapFile.read(
                    stream(text.replace("FACILITY PRICE,NON", "FAC PRICE,NON")), "c.csv"));
    assertTrue(e.getMessage().contains("missing column \"FACILITY PRICE\""), e.getMessage());
  }

  /**
   * The OPPS imaging cap limits the technical component, alone or inside a global fee: a row of
   * another modifier is refused at its line and column. A 26 row loaded, and capped the
   * professional component (93888-26 was explained as "OPPS imaging cap 150.38 is not lower").
   */
  @ParameterizedTest
  @CsvSource({"26", "53", "TC26"})
  void refusesOppsCapRowsOfAnotherModifierThanTc(String modifier) {
    String text =
        LoaderFixtures.SUBSET
            + "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE\n"
            + "70450,TC,A,13282,99,60.00,60.00\n"
            + "70450,,A,13282,99,90.00,90.00\n"
            + "93888,"
            + modifier
            + ",A,13282,99,150.38,150.38\n";
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> OppsCapFile.read(stream(text), "c.csv"));
    assertEquals(5, e.line(), e::getMessage);
    assertEquals(2, e.column(), e::getMessage);
    assertEquals(
        "c.csv, line 5, column 2: MOD: expected a blank modifier (the global service) or TC: the"
            + " OPPS imaging cap limits the technical component only, found '"
            + modifier
            + "'",
        e.getMessage());
  }

  @Test
  void readsZip5Records() throws Exception {
    String record = "NY100011320201 Z9   0 A" + " ".repeat(52) + "20254\r\n";
    String split = "NY100021320202 Z9   1 A" + " ".repeat(52) + "20254\r\n";
    ZipLocalityTable zips = Zip5File.read(stream(LoaderFixtures.SUBSET + record + split), "z.txt");
    assertEquals(Optional.of(Locality.parse("13202-01")), zips.find("10001"));
    assertTrue(zips.isSplitByPlusFour("10002"));
    // A file holds one quarter (columns 76-80): a record of another is files pasted together.
    DataLoadException pasted =
        assertThrows(
            DataLoadException.class,
            () ->
                Zip5File.read(
                    stream(LoaderFixtures.SUBSET + record + split.replace("20254", "20253")),
                    "z.txt"));
    assertEquals(3, pasted.line(), pasted::getMessage);
    assertEquals(76, pasted.column(), pasted::getMessage);
    assertTrue(pasted.getMessage().contains("'20253' where line 2 has 20254"), pasted::getMessage);
    DataLoadException noQuarter =
        assertThrows(
            DataLoadException.class,
            () ->
                Zip5File.read(
                    stream(LoaderFixtures.SUBSET + record.replace("20254", "20255")), "z.txt"));
    assertTrue(noQuarter.getMessage().contains("expected the year and quarter as YYYYQ"));
    DataLoadException yearZero =
        assertThrows(
            DataLoadException.class,
            () ->
                Zip5File.read(
                    stream(LoaderFixtures.SUBSET + record.replace("20254", "00004")), "z.txt"));
    assertEquals(76, yearZero.column(), yearZero::getMessage);
    // Every record long enough to say the quarter says the same, whichever comes first.
    String blank = record.replace("20254", "     ").replace("10001", "10003");
    for (String text : List.of(blank + record, record + blank)) {
      DataLoadException mixed =
          assertThrows(
              DataLoadException.class,
              () -> Zip5File.read(stream(LoaderFixtures.SUBSET + text), "z.txt"));
      assertEquals(3, mixed.line(), mixed::getMessage);
    }
    // Records too short to carry it are read as before.
    assertEquals(
        Optional.of(Locality.parse("13202-01")),
        Zip5File.read(stream(LoaderFixtures.SUBSET + record.substring(0, 23) + "\n"), "z.txt")
            .find("10001"));
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> Zip5File.read(stream(record + record), "z.txt"));
    assertEquals(
        "z.txt, line 2, column 3: ZIP code 10001 appears twice, on lines 1 and 2", e.getMessage());
    // The same in ASCII digits whatever the default locale: the ZIP code and lines as in the file.
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag("ar-EG"));
    try {
      assertEquals(
          e.getMessage(),
          assertThrows(
                  DataLoadException.class, () -> Zip5File.read(stream(record + record), "z.txt"))
              .getMessage());
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
    DataLoadException bad =
        assertThrows(
            DataLoadException.class,
            () -> Zip5File.read(stream(record.replace("13202", "1320X")), "z.txt"));
    assertEquals(8, bad.column());
    DataLoadException state =
        assertThrows(
            DataLoadException.class,
            () -> Zip5File.read(stream(record.replace("NY1000", "n11000")), "z.txt"));
    assertEquals(
        "z.txt, line 1, column 1: columns 1-2: expected " + ZIP5_STATES + ", found 'n1'",
        state.getMessage());
  }

  private static final String ZIP5_STATES =
      "a USPS state code such as NY (the 50 states, DC, PR, VI, GU, AS, MP, FM, MH or PW), or EM,"
          + " WM, EK or WK (CMS's halves of Missouri and Kansas)";

  /**
   * A ZIP5 record's state must be one of CMS's ZIP code files, as a DMEPOS file's is: {@code QQ}
   * has the shape of a state and was loaded as one, by the reader of localities and by the reader
   * of states, which the DMEPOS schedules price from.
   */
  @Test
  void refusesAZip5StateThatIsNone(@TempDir Path dir) throws Exception {
    String record = "NY100011320201 Z9   0 A" + " ".repeat(52) + "20254\r\n";
    String other = "QQ100021320202 Z9   1 A" + " ".repeat(52) + "20254\r\n";
    String text = LoaderFixtures.SUBSET + record + other;
    String expected =
        "ZIP5_OCT2025.txt, line 3, column 1: columns 1-2: expected " + ZIP5_STATES + ", found 'QQ'";
    Path file = dir.resolve("ZIP5_OCT2025.txt");
    Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    List<Executable> reads =
        List.of(
            () -> Zip5File.read(file),
            () -> Zip5File.readDated(file),
            () -> Zip5File.readStates(file),
            () -> Zip5File.readDatedWithStates(file),
            () -> Zip5File.read(stream(text), "ZIP5_OCT2025.txt"));
    for (Executable read : reads) {
      assertEquals(expected, assertThrows(DataLoadException.class, read).getMessage());
    }
    // CMS's halves of Missouri and Kansas are states, and the territories it lists too.
    for (String state : List.of("EM", "WM", "EK", "WK", "PR", "GU", "PW")) {
      Files.writeString(
          file,
          LoaderFixtures.SUBSET + record + other.replace("QQ", state),
          StandardCharsets.ISO_8859_1);
      assertEquals(2, Zip5File.read(file).size(), state);
      assertEquals(
          Zip5File.state(state), Zip5File.readStates(file).find("10002").orElseThrow().state());
    }
  }

  @Test
  void readsConversionFactorHistories() throws Exception {
    String text =
        "effective_from,effective_to,pfs_cf,anesthesia_cf,applies_to\n"
            + "2026-01-01,2026-12-31,33.4009,20.4976,non-qualifying APM participants\n"
            + "2026-01-01,2026-12-31,33.5675,20.5998,qualifying APM participants\n";
    ConversionFactors history = ConversionFactorFile.read(stream(text), "cf.csv");
    assertEquals(
        new BigDecimal("33.5675"),
        history.find(LocalDate.of(2026, 7, 1), true).orElseThrow().amount());
    // The national anesthesia factor beside it, when given; blank is unknown, not zero.
    assertEquals(
        Optional.of(new BigDecimal("20.5998")),
        history.find(LocalDate.of(2026, 7, 1), true).orElseThrow().anesthesiaAmount());
    assertEquals(
        Optional.empty(),
        ConversionFactorFile.read(stream(text.replace(",20.4976,", ",,")), "cf.csv")
            .find(LocalDate.of(2026, 7, 1), false)
            .orElseThrow()
            .anesthesiaAmount());
    DataLoadException anesthesia =
        assertThrows(
            DataLoadException.class,
            () -> ConversionFactorFile.read(stream(text.replace("20.5998", "20.59981")), "cf.csv"));
    assertEquals(
        "cf.csv, line 3, column 4: ANESTHESIA_CF: expected a number of at least 0 with at most 4"
            + " decimals, found '20.59981'",
        anesthesia.getMessage());
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                ConversionFactorFile.read(
                    stream(text.replace("non-qualifying APM participants", "all")), "cf.csv"));
    assertTrue(e.getMessage().contains("overlap"), e.getMessage());
    assertEquals(3, e.line(), "the row that overlaps an earlier one");
    DataLoadException headerOnly =
        assertThrows(
            DataLoadException.class,
            () ->
                ConversionFactorFile.read(
                    stream("effective_from,effective_to,pfs_cf,applies_to\n"), "cf.csv"));
    assertEquals(
        "cf.csv, line 1: no rows after the header: expected a conversion factor per period",
        headerOnly.getMessage());
    // The header's own line, not line 1, when blank lines come before it.
    DataLoadException laterHeader =
        assertThrows(
            DataLoadException.class,
            () ->
                ConversionFactorFile.read(
                    stream("\n\neffective_from,effective_to,pfs_cf,applies_to\n"), "cf.csv"));
    assertEquals(3, laterHeader.line(), laterHeader::getMessage);
    DataLoadException date =
        assertThrows(
            DataLoadException.class,
            () ->
                ConversionFactorFile.read(
                    stream(text.replace("2026-12-31,33.4", "2026-13-31,33.4")), "cf.csv"));
    assertEquals(2, date.column());
    // A five-digit year would stretch the period over every later date: refused as every loader
    // of the library refuses it, at its column.
    DataLoadException longYear =
        assertThrows(
            DataLoadException.class,
            () ->
                ConversionFactorFile.read(
                    stream(text.replace("2026-12-31,33.4", "+12026-12-31,33.4")), "cf.csv"));
    assertEquals(2, longYear.column(), longYear::getMessage);
    assertTrue(longYear.getMessage().contains("found '+12026-12-31'"), longYear::getMessage);
  }

  @Test
  void readsPublishedPaymentAmounts() throws Exception {
    String text =
        "\"2025\",\"13282\",\"99\",\"90471\",\"  \",\"0000019.24\",\"0000019.24\",\" \","
            + "\"5\",\"A\",\"0\",\"0000000.00\",\"0000000.00\",\"9\",\"0000000.00\",\"0000000.00\"\n"
            + "\"TRL- A TRAILER RECORD\"\n";
    List<PublishedAmount> amounts = PaymentAmountFile.read(stream(text), "pf.txt");
    assertEquals(1, amounts.size());
    PublishedAmount amount = amounts.get(0);
    assertEquals(Locality.parse("13282-99"), amount.locality());
    assertEquals(new BigDecimal("19.24"), amount.facilityAmount());
    assertEquals(Optional.empty(), amount.modifier());
    assertEquals("2025 13282-99 90471 non-facility 19.24 facility 19.24", amount.toString());
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                PaymentAmountFile.read(
                    stream(text.replace("0000019.24\",\" \"", "00000x9.24\",\" \"")), "pf.txt"));
    assertEquals(
        "pf.txt, line 1, column 7: FACILITY FEE: expected a number of at least 0 with"
            + " at most 2 decimals, found '00000x9.24'",
        e.getMessage());
  }

  /**
   * A payment amount file without a data record (empty, or its trailer alone) is refused, as every
   * other loader refuses a file without rows: it was read as no amounts at all, and a comparison
   * against it passed having compared nothing.
   */
  @Test
  void aPaymentAmountFileWithoutRecordsIsRefused() {
    for (String text : new String[] {"", "\r\n", "\"TRL- A TRAILER RECORD\"\r\n"}) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class, () -> PaymentAmountFile.read(stream(text), "pf.txt"));
      assertTrue(e.getMessage().startsWith("pf.txt"), e::getMessage);
      assertTrue(e.getMessage().contains("no payment amount records"), e::getMessage);
    }
  }

  /** One record of CMS's payment amount file (PFREV25C), line 1 of that file. */
  private static final String PF_76145 =
      "\"2025\",\"01112\",\"05\",\"76145\",\"  \",\"0001339.81\",\"0001339.81\",\" \","
          + "\"3\",\"A\",\"0\",\"0000000.00\",\"0000000.00\",\"9\",\"0000000.00\",\"0000000.00\"";

  /**
   * Two records for one year, locality, code and modifier are refused, naming both lines: both were
   * loaded, with amounts that disagree, and a comparison against the file passed or failed by the
   * one it met.
   */
  @Test
  void aPaymentAmountRecordGivenTwiceIsRefused() throws Exception {
    String twice =
        PF_76145
            + "\r\n"
            + PF_76145.replace("\"0001339.81\",\"0001339.81\"", "\"0000001.00\",\"0000001.00\"")
            + "\r\n\"TRL- A TRAILER RECORD\"\r\n";
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> PaymentAmountFile.read(stream(twice), "pf.txt"));
    assertEquals(
        "pf.txt, line 2, column 4: record 2025 01112-05 76145 appears twice, on lines 1 and 2:"
            + " expected one record per year, locality, code and modifier",
        e.getMessage());
    // The same record twice, amounts and all, is refused as well.
    assertThrows(
        DataLoadException.class,
        () -> PaymentAmountFile.read(stream(PF_76145 + "\n" + PF_76145 + "\n"), "pf.txt"));
    // Another modifier, locality or year is another record.
    String others =
        PF_76145
            + "\n"
            + PF_76145.replace("\"  \"", "\"26\"")
            + "\n"
            + PF_76145.replace("\"05\"", "\"09\"")
            + "\n"
            + PF_76145.replace("\"2025\"", "\"2026\"")
            + "\n";
    assertEquals(4, PaymentAmountFile.read(stream(others), "pf.txt").size());
  }

  /**
   * A year of fewer than four digits, and a PC/TC, multiple surgery or OPPS indicator the layout
   * does not list, are refused at their line and column: the year was padded ({@code 25} loaded as
   * year 25) and any one character loaded as an indicator.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"2025\",\"01112\" | \"25\",\"01112\" | 1 | YEAR: expected a calendar year of 4 digits,"
            + " such as 2025, found '25'",
        "\"2025\",\"01112\" | \"20251\",\"01112\" | 1 | YEAR: expected a calendar year of 4"
            + " digits, such as 2025, found '20251'",
        "\" \",\"3\",\"A\" | \" \",\"\u0000\",\"A\" | 9 | PCTC: expected a PC/TC indicator 0-9,"
            + " found '\\u0000'",
        "\" \",\"3\",\"A\" | \" \",\"P\",\"A\" | 9 | PCTC: expected a PC/TC indicator 0-9,"
            + " found 'P'",
        "\"A\",\"0\" | \"A\",\"x\" | 11 | MULTIPLE SURGERY: expected a multiple surgery indicator"
            + " 0-7 or 9, found 'x'",
        "\"A\",\"0\" | \"A\",\"8\" | 11 | MULTIPLE SURGERY: expected a multiple surgery indicator"
            + " 0-7 or 9, found '8'",
        "\"A\",\"0\" | \"A\",\"00\" | 11 | MULTIPLE SURGERY: expected a multiple surgery indicator"
            + " 0-7 or 9, found '00'",
        "\"9\",\"0000000.00\",\"0000000.00\" | \"2\",\"0000000.00\",\"0000000.00\" | 14 |"
            + " OPPS INDICATOR: expected an OPPS indicator 1 (subject to the OPPS payment cap) or 9"
            + " (not subject to it), found '2'",
        "\"9\",\"0000000.00\",\"0000000.00\" | \"\",\"0000000.00\",\"0000000.00\" | 14 |"
            + " OPPS INDICATOR: expected an OPPS indicator 1 (subject to the OPPS payment cap) or 9"
            + " (not subject to it), found ''",
      })
  void aPaymentAmountFieldOutsideTheLayoutIsRefused(
      String field, String damaged, int column, String message) throws Exception {
    String record = PF_76145 + "\r\n";
    assertTrue(record.contains(field), field);
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> PaymentAmountFile.read(stream(record.replace(field, damaged)), "pf.txt"));
    assertEquals("pf.txt, line 1, column " + column + ": " + message, e.getMessage());
  }

  /**
   * A record damaged in several fields is refused at the first of them, in the layout's order: a
   * record of a year cut short and a bad modifier was refused at the modifier, column 5.
   */
  @Test
  void aRecordDamagedTwiceIsRefusedAtItsFirstDamagedField() {
    String damaged =
        PF_76145.replace("\"2025\"", "\"25\"").replace("\"76145\",\"  \"", "\"76145\",\"2!\"");
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> PaymentAmountFile.read(stream(damaged + "\r\n"), "pf.txt"));
    assertTrue(e.getMessage().startsWith("pf.txt, line 1, column 1: YEAR:"), e::getMessage);
    String codeAndModifier = PF_76145.replace("\"76145\",\"  \"", "\"7614\",\"2!\"");
    DataLoadException code =
        assertThrows(
            DataLoadException.class,
            () -> PaymentAmountFile.read(stream(codeAndModifier + "\r\n"), "pf.txt"));
    assertTrue(code.getMessage().startsWith("pf.txt, line 1, column 4:"), code::getMessage);
  }

  /** Each indicator value the layout lists loads, as it is in the file. */
  @Test
  void readsEveryPaymentAmountIndicatorTheLayoutLists() throws Exception {
    for (char pcTc = '0'; pcTc <= '9'; pcTc++) {
      String text = PF_76145.replace("\" \",\"3\",\"A\"", "\" \",\"" + pcTc + "\",\"A\"");
      assertEquals(pcTc, PaymentAmountFile.read(stream(text + "\r\n"), "pf.txt").get(0).pcTc());
    }
    for (char rule : "012345679".toCharArray()) {
      String text = PF_76145.replace("\"A\",\"0\"", "\"A\",\"" + rule + "\"");
      assertEquals(
          rule, PaymentAmountFile.read(stream(text + "\r\n"), "pf.txt").get(0).multipleProcedure());
    }
    for (char opps : "19".toCharArray()) {
      String text =
          PF_76145.replace(
              "\"9\",\"0000000.00\",\"0000000.00\"",
              "\"" + opps + "\",\"0000000.00\",\"0000000.00\"");
      PublishedAmount amount = PaymentAmountFile.read(stream(text + "\r\n"), "pf.txt").get(0);
      assertEquals(opps, amount.oppsIndicator());
      assertEquals(2025, amount.year());
    }
  }
}
