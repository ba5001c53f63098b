package io.github.cpt4j.data.medicare;

import static io.github.cpt4j.data.medicare.LoaderFixtures.stream;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.dmepos.DmeposArea;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.fee.medicare.pfs.OppsCap;
import io.github.cpt4j.modifier.Modifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Damaged CMS files are refused with the file and line, never loaded with a wrong number. */
class DamagedFilesTest {

  static final String OPPS =
      LoaderFixtures.SUBSET
          + "HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE\n"
          + "70450,TC,A,13282,99,60.00,60.00\n"
          + "71046,TC,A,13282,99,97.07,97.07\n";

  static final String ZIP5 =
      LoaderFixtures.SUBSET
          + "NY100011320201 Z9   0 A"
          + " ".repeat(52)
          + "20254\r\n"
          + "NY100021320202 Z9   1 A"
          + " ".repeat(52)
          + "20254\r\n";

  /** Cuts {@code text} inside the last field of its last data line, dropping the line break. */
  private static String cutInLastField(String text, String lastDataLine) {
    int end = text.lastIndexOf(lastDataLine) + lastDataLine.length();
    return text.substring(0, end - 1);
  }

  @Test
  void aGpciFileCutInItsLastFieldIsRefused() {
    String text = LoaderFixtures.gpci2026();
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                GpciFile.read(
                    stream(cutInLastField(text, "0.664")), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertTrue(
        e.getMessage().startsWith("g.csv, line 6: the last line has no line ending"),
        e::getMessage);
  }

  @Test
  void aRelativeValueFileCutInItsLastFieldIsRefused() {
    String text = LoaderFixtures.rvu2025();
    String cut = text.substring(0, text.length() - 2); // "0.00\n" becomes "0.0"
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(cut), "r.csv"));
    assertTrue(e.getMessage().contains("the last line has no line ending"), e::getMessage);
  }

  @Test
  void aBlankOppsCellOfTheRelativeValueFileIsRefused() throws Exception {
    // 71046's non-facility OPPS PE is 2.76; blank, it was read as 0.00 and the imaging cap computed
    // from the row's OPPS columns underpaid. CMS fills these columns on every row.
    String good = LoaderFixtures.rvu2025();
    String blank = good.replace(",2.76,2.76,0.05", ",,2.76,0.05");
    assertEquals(6, RvuFile.read(stream(good), "r.csv").size());
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(blank), "r.csv"));
    assertTrue(
        e.getMessage().startsWith("r.csv, line 13, column 29: NON-FACILITY PE USED FOR OPPS"),
        e::getMessage);
  }

  /**
   * OPPS columns on a 26 row would cap the reading: CMS fills them on global and TC rows alone, so
   * a file that has them there is damaged, refused on its line.
   */
  @Test
  void oppsColumnsOnAProfessionalRowAreRefused() {
    String good = LoaderFixtures.rvu2025();
    String professional =
        good.replace(
            ",0,0,,32.3465,09,0,99,0.00,0.00,0.00\n71046,TC",
            ",0,0,,32.3465,09,0,99,2.68,2.68,0.04\n71046,TC");
    assertNotEquals(good, professional, "no 71046-26 row to change");
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(professional), "r.csv"));
    assertEquals(
        "r.csv, line 14: 71046-26: a 26 row has no OPPS imaging cap columns (the cap limits the"
            + " technical component only), not 2.68, 2.68 and 0.04",
        e.getMessage());
  }

  /**
   * A zero where CMS never publishes one is damage that would price at 0.00: refused with its line
   * and column, in each loader that reads such a rate or index.
   */
  @Test
  void aZeroRateOrIndexIsRefused() throws Exception {
    String gpci = LoaderFixtures.gpci2026();
    GpciFile.WorkGpci floor = GpciFile.WorkGpci.WITH_FLOOR;
    GpciFile.WorkGpci noFloor = GpciFile.WorkGpci.WITHOUT_FLOOR;
    GpciFile.read(stream(gpci), "g.csv", floor);
    String zeroPe = gpci.replace("1.041,1.183,", "1.041,0.000,");
    assertRefused("g.csv, line 6, column 7: ", () -> GpciFile.read(stream(zeroPe), "g.csv", floor));
    String belowFloor = gpci.replace("0.996,1,", "0.996,0.996,");
    assertRefused(
        "g.csv, line 5, column 6: 2026 PW GPCI (WITH 1.0 FLOOR): expected a work GPCI of at least"
            + " 1.000",
        () -> GpciFile.read(stream(belowFloor), "g.csv", floor));
    // Without the floor, 0.996 is Alabama's index, but 0 is nobody's.
    GpciFile.read(stream(gpci), "g.csv", noFloor);
    String zeroWork = gpci.replace("0.996,1,", "0,1,");
    assertRefused(
        "g.csv, line 5, column 5: ", () -> GpciFile.read(stream(zeroWork), "g.csv", noFloor));
    assertRefused(
        "c.csv, line 3, column 7: ",
        () -> OppsCapFile.read(stream(OPPS.replace("60.00,60.00", "60.00,0.00")), "c.csv"));
    String clfs = PartBLoadersTest.CLFS;
    assertRefused(
        "c.csv, line 9, column 6: ",
        () -> ClfsFile.read(stream(clfs.replace("N,11.09", "N,0.00")), "c.csv"));
    ClfsFile.read(stream(clfs), "c.csv"); // with its local row of 0.00
    String asp = PartBLoadersTest.ASP;
    assertRefused(
        "drugs.csv, line 7, column 4: ",
        () -> AspFile.read(stream(asp.replace("1 MG,0.108", "1 MG,0.000")), "drugs.csv"));
  }

  /**
   * A CMS file saved by a spreadsheet whose locale writes decimal commas: semicolons between the
   * fields, commas in the numbers.
   */
  private static String semicolonSeparated(String text) {
    return text.replace(",", ";").replace(".", ",");
  }

  @Test
  void aFileSavedWithSemicolonsIsNamedSo() {
    String gpci = semicolonSeparated(LoaderFixtures.gpci2026());
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(gpci), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertTrue(e.getMessage().contains("separated by semicolons, not commas"), e::getMessage);
    String clfs = semicolonSeparated(PartBLoadersTest.CLFS);
    assertRefused(
        "c.csv, line 2: fields separated by semicolons",
        () -> ClfsFile.read(stream(clfs), "c.csv"));
    assertRefused(
        "r.csv, line ",
        () -> RvuFile.read(stream(semicolonSeparated(LoaderFixtures.rvu2025())), "r.csv"));
    // A few semicolons in a descriptor, as in one row of CMS's 2025 lab file, are no issue.
    String oneRow =
        PartBLoadersTest.CLFS.replace("not read,not read,not read\n", "a;b;c;d,not read,x\n");
    assertEquals(
        4, assertDoesNotThrow(() -> ClfsFile.read(stream(oneRow), "c.csv")).rates().size());
    // Nor semicolons in every row's description: the general reader refused what the byte-level
    // reader of the relative value file loads, so the same bytes loaded or not by their size.
    StringBuilder described = new StringBuilder(LoaderFixtures.rvu2025());
    String row = LoaderFixtures.RVU_2025_ROWS.get(0).replace("Made-up knee scope", "a; b; c; d");
    for (int code = 10_000; code < 10_100; code++) {
      described.append(row.replaceFirst("^29881", String.valueOf(code))).append('\n');
    }
    byte[] bytes = described.toString().getBytes(StandardCharsets.UTF_8);
    assertEquals(
        assertDoesNotThrow(() -> RvuFile.read(new ByteArrayInputStream(bytes), "r.csv")).size(),
        assertDoesNotThrow(() -> RvuFile.readGeneral(bytes, "r.csv")).size());
  }

  /**
   * A file of three columns, CMS's DMEPOS rural ZIP file, saved with semicolons: two a line, fewer
   * than the three that tell any file, so it used to be blamed on a missing header (`missing column
   * "STATE" (renamed or removed?)`). Its count of columns tells it, quoted fields or not; a file of
   * commas with two semicolons in a line still loads.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "STATE;DMEPOS RURAL ZIP CODE;YEAR/QTR\nNY;10985;202501\nNY;12010;202501\n",
        "\"STATE\";\"DMEPOS RURAL ZIP CODE\";\"YEAR/QTR\"\n\"NY\";\"10985\";\"202501\"\n",
        "STATE;DMEPOS RURAL ZIP CODE;YEAR/QTR\r\nNY;10985;202501\r\n"
      })
  void aRuralZipFileSavedWithSemicolonsIsNamedSo(String rows) {
    DmeposZipTable states = DmeposZipTable.builder().state(10000, 14999, "NY").build();
    assertRefused(
        "DME_Rural_ZIP_2025_Q1.csv, line 2: fields separated by semicolons, not commas: a CMS"
            + " DMEPOS rural ZIP code file is comma-separated",
        () ->
            DmeposRuralZipFile.read(
                stream(LoaderFixtures.SUBSET + rows), "DME_Rural_ZIP_2025_Q1.csv", states));
    String commas = "STATE,DMEPOS RURAL ZIP;CODE;X,YEAR/QTR\nNY,10985,202501\n";
    assertEquals(
        1,
        assertDoesNotThrow(
                () ->
                    DmeposRuralZipFile.read(
                        stream(LoaderFixtures.SUBSET + commas), "r.csv", states))
            .ruralCount());
  }

  private static void assertRefused(String start, ThrowingLoad load) {
    DataLoadException e = assertThrows(DataLoadException.class, load::run);
    assertTrue(e.getMessage().startsWith(start), e::getMessage);
  }

  @Test
  void aPayableRowWithoutRelativeValuesIsRefused() throws Exception {
    // Status A with every RVU 0.00 would be priced at 0.00; the same row of status R is the
    // contractor's to price, as CMS's 954 such rows are.
    String zero =
        LoaderFixtures.rvu2025()
            .replace(
                "Made-up office visit,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,",
                "X,A,,0.00,0.00,,0.00,,0.00,0.00,0.00,");
    assertRefused(
        "r.csv, line 16, column 6: WORK RVU: expected relative value units on a row of status A",
        () -> RvuFile.read(stream(zero), "r.csv"));
    assertEquals(6, RvuFile.read(stream(zero.replace("X,A,,", "X,R,,")), "r.csv").size());
  }

  /**
   * Refuses {@code text} by both readers of the relative value file with the same message, which
   * starts with {@code start}: the fast path declines it, and the general reader names it.
   */
  private static void assertRvuRefused(String text, String start) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(null, RvuScan.scan(bytes, "r.csv"), "the fast path read a file to refuse");
    DataLoadException general =
        assertThrows(DataLoadException.class, () -> RvuFile.readGeneral(bytes, "r.csv"));
    DataLoadException read =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(text), "r.csv"));
    assertEquals(general.getMessage(), read.getMessage());
    assertTrue(general.getMessage().startsWith(start), general::getMessage);
  }

  /**
   * A total that is not the row's work, practice expense and malpractice RVUs added up, as CMS's
   * record layout defines it and every row of its 2025 and 2026 files has it: one of the four was
   * damaged. Refused at the total, naming both figures; 99213's work RVU 1.30 read as 1.03 used to
   * load and price 83.75 instead of 92.64 in 01112-54.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.03,1.35,,0.57,,0.10,2.75,1.97 | 12 | NON-FACILITY TOTAL: work 1.03 + non-facility"
            + " practice expense 1.35 + malpractice 0.10 = 2.48, but the row's non-facility total"
            + " is 2.75",
        "1.30,1.35,,0.75,,0.10,2.75,1.97 | 13 | FACILITY TOTAL: work 1.30 + facility practice"
            + " expense 0.75 + malpractice 0.10 = 2.15, but the row's facility total is 1.97",
        "1.30,1.35,,0.57,,0.01,2.75,1.97 | 12 | NON-FACILITY TOTAL: work 1.30 + non-facility"
            + " practice expense 1.35 + malpractice 0.01 = 2.66, but the row's non-facility total"
            + " is 2.75",
        "1.30,1.35,,0.57,,0.10,2.57,1.97 | 12 | NON-FACILITY TOTAL: work 1.30 + non-facility"
            + " practice expense 1.35 + malpractice 0.10 = 2.75, but the row's non-facility total"
            + " is 2.57",
        // A setting flagged NA keeps its practice expense in its total, as CMS's files do.
        "1.30,1.35,NA,0.57,,0.10,1.40,1.97 | 12 | NON-FACILITY TOTAL: work 1.30 + non-facility"
            + " practice expense 1.35 + malpractice 0.10 = 2.75, but the row's non-facility total"
            + " is 1.40"
      })
  void aTotalThatIsNotTheRowsRvusAddedUpIsRefused(String figures, int column, String message)
      throws Exception {
    String damaged =
        LoaderFixtures.rvu2025()
            .replace(
                "Made-up office visit,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,",
                "Made-up office visit,A,," + figures + ",");
    assertRvuRefused(damaged, "r.csv, line 16, column " + column + ": " + message + " (");
  }

  /**
   * Totals written otherwise but equal to the sum load (CMS writes two decimals; the loader reads
   * the value), and so does a row flagged NA, whose total counts its practice expense.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.3,1.35,,0.57,,0.10,2.750,1.97",
        "1.30,1.35,NA,0.57,NA,0.10,2.75,1.97",
        "1.30,0.00,NA,0.57,,0.10,1.40,1.97"
      })
  void totalsThatAreTheRowsRvusAddedUpLoad(String figures) throws Exception {
    String text =
        LoaderFixtures.rvu2025()
            .replace(
                "Made-up office visit,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,",
                "Made-up office visit,A,," + figures + ",");
    assertEquals(6, RvuFile.read(stream(text), "r.csv").size());
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    assertNotNull(RvuScan.scan(bytes, "r.csv"));
  }

  /**
   * The total columns are optional, as they were before the loader read them: a hand-made file
   * without them loads, by both readers, with nothing to check its RVUs against.
   */
  @Test
  void aFileWithoutTotalsLoads() throws Exception {
    String text = LoaderFixtures.withoutTotals(LoaderFixtures.rvu2025());
    assertTrue(
        !text.contains("TOTAL") && text.contains("99213,,Made-up office visit,A,,1.30,1.35,"));
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(6, RvuFile.readGeneral(bytes, "r.csv").size());
    assertEquals(RvuFile.readGeneral(bytes, "r.csv").all(), RvuScan.scan(bytes, "r.csv").all());
    String damaged = text.replace(",A,,1.30,1.35,", ",A,,1.03,1.35,");
    assertEquals(6, RvuFile.read(stream(damaged), "r.csv").size());
  }

  /**
   * Shares of the global package that do not make the whole package, 1.00: CMS's record layout
   * gives each as a portion of it, and every row of its 2025 and 2026 files sums to 1.00 or has
   * none. 27447's INTRA OP 0.69 read as 0.96 used to load, and 27447-54 paid 1347.18, more than the
   * whole procedure, 1270.92.
   */
  @ParameterizedTest
  @CsvSource({
    "0.10,0.96,0.21, 1.27",
    "0.10,0.69,0.11, 0.90",
    "0.00,0.00,0.01, 0.01",
    "0.10,0.69,0.20, 0.99"
  })
  void sharesOfTheGlobalPackageThatDoNotMakeItAreRefused(
      String pre, String intra, String post, String sum) throws Exception {
    String damaged =
        LoaderFixtures.rvu2025()
            .replace(",090,0.10,0.69,0.21,", ",090," + pre + "," + intra + "," + post + ",");
    assertRvuRefused(
        damaged,
        "r.csv, line 12, column 16: PRE OP: the shares of the global package, PRE OP "
            + pre
            + " + INTRA OP "
            + intra
            + " + POST OP "
            + post
            + ", sum to "
            + sum
            + ": expected 1.00 (each is a portion of the package), or all three 0.00");
  }

  /** Shares that make 1.00 however written, or all 0.00 (no package to split), load. */
  @ParameterizedTest
  @ValueSource(strings = {"0.00,0.00,0.00", "0,0,0", "0,1,0", "0.1,0.690,0.21", "1.00,0.00,0.00"})
  void sharesThatMakeThePackageOrNoneLoad(String shares) throws Exception {
    String text = LoaderFixtures.rvu2025().replace(",090,0.10,0.69,0.21,", ",090," + shares + ",");
    assertEquals(6, RvuFile.read(stream(text), "r.csv").size());
    assertNotNull(RvuScan.scan(text.getBytes(StandardCharsets.ISO_8859_1), "r.csv"));
  }

  @Test
  void aDmeposAmountOutsideItsRowsCeilingAndFloorIsRefused() throws Exception {
    String dmepos = PartBLoadersTest.DMEPOS;
    // E0114-NU: ceiling 65.94, floor 56.05, New York 61.45. Puerto Rico's 86.99 is above the
    // ceiling, as a non-continental area may be.
    assertRefused(
        "fees.csv, line 6, column 8: NY (NR): expected an amount within the row's floor 56.05 and"
            + " ceiling 65.94, found '9999.99'",
        () ->
            DmeposFile.read(
                stream(dmepos.replace("61.45", "9999.99")), "fees.csv", PartBLoadersTest.ZIPS));
    assertRefused(
        "fees.csv, line 6, column 8: ",
        () ->
            DmeposFile.read(
                stream(dmepos.replace("61.45", "6.14")), "fees.csv", PartBLoadersTest.ZIPS));
    // Without the subset mark, a file must have every state's pair of columns.
    String unmarked = dmepos.substring(LoaderFixtures.SUBSET.length());
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> DmeposFile.read(stream(unmarked), "fees.csv", PartBLoadersTest.ZIPS));
    assertTrue(e.getMessage().contains("missing column pairs of AL, AR, AZ"), e::getMessage);
  }

  /** A state column of a code that is no state's is refused: QQ loaded as a state of its own. */
  @Test
  void aDmeposStateColumnOfNoStateIsRefused() {
    for (String state : new String[] {"QQ", "XX", "AA"}) {
      String invented =
          PartBLoadersTest.DMEPOS.replace(
              ",PR (NR),PR (R),", "," + state + " (NR)," + state + " (R),");
      assertRefused(
          "fees.csv, line 5, column 10: "
              + state
              + " (NR): expected a USPS state code such as NY (the 50 states, DC, PR, VI, GU, AS,"
              + " MP, FM, MH or PW) before the (NR)",
          () -> DmeposFile.read(stream(invented), "fees.csv", PartBLoadersTest.ZIPS));
    }
    // The rural column of a state is named as itself.
    assertRefused(
        "fees.csv, line 5, column 11: QQ (R): expected a USPS state code such as NY (the 50 states,"
            + " DC, PR, VI, GU, AS, MP, FM, MH or PW) before the (R)",
        () ->
            DmeposFile.read(
                stream(PartBLoadersTest.DMEPOS.replace(",PR (R),", ",QQ (R),")),
                "fees.csv",
                PartBLoadersTest.ZIPS));
  }

  /** A state's column given twice is refused: the second was read in place of the first. */
  @Test
  void aDmeposStateColumnGivenTwiceIsRefused() {
    String twice =
        PartBLoadersTest.DMEPOS
            .replace(",PR (R),Description\n", ",PR (R),NY (NR),Description\n")
            .replace(",86.99,0.00,not read\n", ",86.99,0.00,60.00,not read\n")
            .replace(",14.00,0.00,not read\n", ",14.00,0.00,11.00,not read\n")
            .replace(",91.42,0.00,\"not, read\"\n", ",91.42,0.00,48.72,\"not, read\"\n");
    assertRefused(
        "fees.csv, line 5, column 12: two columns are NY (NR): \"NY (NR)\" and \"NY (NR)\""
            + " (columns 8 and 12)",
        () -> DmeposFile.read(stream(twice), "fees.csv", PartBLoadersTest.ZIPS));
  }

  @Test
  void aDmeposNonRuralZeroOnARowWithACeilingAndFloorIsRefused() throws Exception {
    String dmepos = PartBLoadersTest.DMEPOS;
    // E0114-NU's New York amount 0.00 used to load, leaving the item unpriced in New York, where
    // 10.00 was refused as below the floor. CMS's file has no such 0.00 on a row with a ceiling.
    assertRefused(
        "fees.csv, line 6, column 8: NY (NR): expected an amount within the row's floor 56.05 and"
            + " ceiling 65.94 (0.00 is never",
        () ->
            DmeposFile.read(
                stream(dmepos.replace(",61.45,", ",0.00,")), "fees.csv", PartBLoadersTest.ZIPS));
    // Where CMS's file does have 0.00: a rural column (the non-rural amount applies), Puerto Rico
    // (not subject to the ceiling and floor), and a row without a ceiling and floor.
    assertDoesNotThrow(
        () ->
            DmeposFile.read(
                stream(
                    dmepos
                        .replace(",61.45,0.00,86.99,", ",61.45,0.00,0.00,")
                        .replace(",0.00,0.00,48.72,", ",0.00,0.00,0.00,")),
                "fees.csv",
                PartBLoadersTest.ZIPS));
  }

  @Test
  void aDmeposRuralZipCodeOfFewerThanFiveDigitsIsRefused() throws Exception {
    String rural =
        LoaderFixtures.SUBSET
            + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\nNY,10985,202501\nMA,01223,202501\n";
    DmeposZipTable states = DmeposZipTable.builder().state(10000, 14999, "NY").build();
    DmeposRuralZipFile.read(stream(rural), "rural.csv", states);
    // These loaded as ZIP codes 00000, 00001 and 00123; CMS writes every one with five digits.
    for (String zip : new String[] {"0", "1", "123", "1223", "109850"}) {
      assertRefused(
          "r.csv, line 3, column 2: DMEPOS RURAL ZIP CODE: expected 5 digits",
          () ->
              DmeposRuralZipFile.read(
                  stream(rural.replace("NY,10985,", "NY," + zip + ",")), "r.csv", states));
    }
  }

  /**
   * A contractor number of four digits used to be padded: 1320 for 13202 loaded as locality
   * 01320-01. Every loader of a contractor column wants five digits, as CMS writes them.
   */
  @Test
  void aContractorNumberOfFourDigitsIsRefused() throws Exception {
    String mac =
        ": expected a contractor (MAC) number of 5 digits, such as 01112 (a spreadsheet may";
    String gpci = LoaderFixtures.gpci2025();
    GpciFile.WorkGpci floor = GpciFile.WorkGpci.WITH_FLOOR;
    GpciFile.read(stream(gpci), "g.csv", floor);
    assertRefused(
        "g.csv, line 7, column 1: MEDICARE ADMINISTRATIVE CONTRACTOR (MAC)" + mac,
        () -> GpciFile.read(stream(gpci.replace("13282,NY", "1328,NY")), "g.csv", floor));
    // A dropped leading zero is refused too, rather than guessed back.
    assertRefused(
        "g.csv, line 6, column 1: ",
        () -> GpciFile.read(stream(gpci.replace("02102,AK", "2102,AK")), "g.csv", floor));
    // CMS's ANES file pads its cells with blanks ("10112 "): those still load.
    String anes =
        LoaderFixtures.SUBSET
            + "Contractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
            + "10112 ,00 ,ALABAMA,19.31 \r\n"
            + "01112 ,05 ,SAN FRANCISCO,21.45 \r\n";
    assertEquals(2, AnesthesiaConversionFactorFile.read(stream(anes), "a.csv").size());
    assertRefused(
        "a.csv, line 3, column 1: CONTRACTOR" + mac,
        () ->
            AnesthesiaConversionFactorFile.read(
                stream(anes.replace("10112 ,", "1011 ,")), "a.csv"));
    assertRefused(
        "c.csv, line 3, column 4: CARRIER" + mac,
        () -> OppsCapFile.read(stream(OPPS.replace("A,13282,99,60", "A,1328,99,60")), "c.csv"));
    // The ZIP5 file is fixed-width: its contractor is always columns 8-12, five digits.
    assertRefused(
        "z.txt, line 2, column 8: columns 8-12: expected a five-digit contractor number, found"
            + " ' 3202'",
        () -> Zip5File.read(stream(ZIP5.replace("NY100011320201", "NY10001 320201")), "z.txt"));
  }

  @Test
  void aLocalityNumberOfOneDigitIsRefused() throws Exception {
    // It loaded padded: "9" as 99's neighbour 09, a locality of another place, or of none.
    String number = ": expected a locality number of 2 digits, such as 01 (a spreadsheet may";
    String gpci = LoaderFixtures.gpci2025();
    GpciFile.WorkGpci floor = GpciFile.WorkGpci.WITH_FLOOR;
    assertRefused(
        "g.csv, line 7, column 3: LOCALITY NUMBER" + number,
        () -> GpciFile.read(stream(gpci.replace("13282,NY,99,", "13282,NY,9,")), "g.csv", floor));
    String anes =
        LoaderFixtures.SUBSET
            + "Contractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
            + "10112 ,00 ,ALABAMA,19.31 \r\n";
    assertEquals(1, AnesthesiaConversionFactorFile.read(stream(anes), "a.csv").size());
    assertRefused(
        "a.csv, line 3, column 2: LOCALITY" + number,
        () ->
            AnesthesiaConversionFactorFile.read(
                stream(anes.replace("10112 ,00 ,", "10112 ,0 ,")), "a.csv"));
    assertRefused(
        "c.csv, line 3, column 5: LOCALITY" + number,
        () -> OppsCapFile.read(stream(OPPS.replace("A,13282,99,60", "A,13282,9,60")), "c.csv"));
  }

  /**
   * A file opened in a spreadsheet and saved again loses the leading zeros of every column of
   * digits, not only of contractor and locality numbers: code 00100 becomes 100, global days 090
   * become 90, supervision level 09 becomes 9. Each is refused, naming the likely cause as a
   * contractor number's error does; the errors used to say only what was expected.
   */
  @Test
  void aValueShortOfItsLeadingZerosNamesTheSpreadsheet() throws Exception {
    String zeros = " (a spreadsheet may have dropped a leading zero), found ";
    String rvu = LoaderFixtures.rvu2025();
    RvuFile.read(stream(rvu), "r.csv");
    assertRefused(
        "r.csv, line 16, column 1: HCPCS: expected a CPT or HCPCS code such as 99213 or G0105"
            + zeros
            + "'213'",
        () -> RvuFile.read(stream(rvu.replace("99213,,", "213,,")), "r.csv"));
    assertRefused(
        "r.csv, line 12, column 15: GLOB DAYS: expected 000, 010, 090, MMM, XXX, YYY or ZZZ"
            + zeros
            + "'90'",
        () -> RvuFile.read(stream(rvu.replace(",0,090,", ",0,90,")), "r.csv"));
    assertRefused(
        "r.csv, line 12, column 26: PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES: expected a"
            + " supervision level of two digits or capitals, such as 01, 09 or 6A"
            + zeros
            + "'9'",
        () -> RvuFile.read(stream(rvu.replace(",32.3465,09,", ",32.3465,9,")), "r.csv"));
    // The other loaders read codes the same way.
    assertRefused(
        "c.csv, line 3, column 1: HCPCS: expected a CPT or HCPCS code such as 99213 or G0105"
            + zeros
            + "'450'",
        () -> OppsCapFile.read(stream(OPPS.replace("70450,TC", "450,TC")), "c.csv"));
    String units = LoaderFixtures.SUBSET + "CODE\t2022\n\tBASE\n\tUNIT\n00100\t5\n00102\t6\n";
    assertEquals(2, AnesthesiaBaseUnitFile.read(stream(units), "u.txt").size());
    assertRefused(
        "u.txt, line 5, column 1: expected an anesthesia code such as 00790 (a spreadsheet may"
            + " have dropped a leading zero), found '100'",
        () -> AnesthesiaBaseUnitFile.read(stream(units.replace("00100\t", "100\t")), "u.txt"));
    // A value that is no shorter keeps its error as it was.
    DataLoadException letters =
        assertThrows(
            DataLoadException.class,
            () -> RvuFile.read(stream(rvu.replace(",0,090,", ",0,09X,")), "r.csv"));
    assertTrue(!letters.getMessage().contains("spreadsheet"), letters::getMessage);
  }

  /**
   * A directory given as a file is named as every loader names it, {@code <path>: is a directory,
   * not a file}: the ZIP5 and anesthesia base unit loaders passed on the JDK's "Is a directory".
   */
  @Test
  void aDirectoryIsNamedAlikeByEveryLoader(@TempDir Path dir) throws Exception {
    Path zip5 = Files.createDirectory(dir.resolve("ZIP5_OCT2025.txt"));
    Path units = Files.createDirectory(dir.resolve("CY2022_Anesthesia_Base_Units.txt"));
    Path gpci = Files.createDirectory(dir.resolve("GPCI2025.csv"));
    List<ThrowingLoad> loads =
        List.of(
            () -> Zip5File.read(zip5),
            () -> Zip5File.readStates(zip5),
            () -> Zip5File.readDated(zip5),
            () -> Zip5File.readDatedWithStates(zip5),
            () -> AnesthesiaBaseUnitFile.read(units),
            () -> GpciFile.read(gpci));
    List<Path> paths = List.of(zip5, zip5, zip5, zip5, units, gpci);
    for (int i = 0; i < loads.size(); i++) {
      FileSystemException e = assertThrows(FileSystemException.class, loads.get(i)::run);
      assertEquals(paths.get(i) + ": is a directory, not a file", e.getMessage());
    }
  }

  @Test
  void anImpossibleReleasedDateIsRefusedOnEveryLoad(@TempDir Path dir) throws Exception {
    // It used to load, and be refused (without a line) only when a second copy of the release
    // had to be ordered by it.
    String text = LoaderFixtures.rvu2025().replace("RELEASED 09/11/2025", "RELEASED 02/30/2025");
    String expected =
        ", line 6, column 3: the title block's 'RELEASED 02/30/2025' is not a date: expected"
            + " RELEASED MM/DD/YYYY";
    assertRefused("r.csv" + expected, () -> RvuFile.read(stream(text), "r.csv"));
    Path file =
        Files.write(dir.resolve("PPRRVU2025_Oct.csv"), text.getBytes(StandardCharsets.ISO_8859_1));
    assertRefused("PPRRVU2025_Oct.csv" + expected, () -> RvuFile.read(file));
  }

  @Test
  void anUnknownStatusCodeIsRefusedListingTheCodes() {
    // "expected a status code A-X, found 'Q'" contradicted itself: Q lies between A and X.
    String codes = "expected a status code: one of A, B, C, D, E, F, G, H, I, J, M, N, P, R, T, X,";
    String rvu =
        LoaderFixtures.rvu2025()
            .replace("Made-up office visit,A,,1.30,", "Made-up office visit,Q,,1.30,");
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(rvu), "r.csv"));
    assertTrue(e.getMessage().contains(codes + " found 'Q'"), e::getMessage);
    e =
        assertThrows(
            DataLoadException.class,
            () -> OppsCapFile.read(stream(OPPS.replace("TC,A,13282", "TC,Q,13282")), "c.csv"));
    assertTrue(
        e.getMessage().startsWith("c.csv, line 3, column 3: PROCSTAT: " + codes), e::getMessage);
  }

  @Test
  void aRelativeValueFileBeyondItsCapIsRefusedBeforeItIsParsed() {
    // The real file is about 2.5 MB; 17 MiB of rows is refused by size, naming the cap.
    StringBuilder text = new StringBuilder(LoaderFixtures.rvu2025());
    String row = LoaderFixtures.RVU_2025_ROWS.get(4) + "\n";
    while (text.length() <= RvuFile.MAX_CHARS) {
      text.append(row);
    }
    byte[] big = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> RvuFile.read(new java.io.ByteArrayInputStream(big), "big.csv"));
    assertTrue(e.getMessage().startsWith("big.csv: larger than 16777216"), e::getMessage);
  }

  @Test
  void anRvuBeyondWhatARowHoldsIsNamedByItsColumn() {
    String huge =
        LoaderFixtures.rvu2025()
            .replace("Made-up office visit,A,,1.30,", "Made-up office visit,A,,100000,");
    assertRefused(
        "r.csv, line 16, column 6: WORK RVU: expected a number from 0 to 99999.99",
        () -> RvuFile.read(stream(huge), "r.csv"));
  }

  @Test
  void aZipArchiveOrAPdfIsNamedSo(@TempDir Path dir) throws Exception {
    // CMS's downloads are ZIP archives; given unopened, their bytes were blamed on a bad line.
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("PPRRVU2025_Oct.csv"));
      zip.write(LoaderFixtures.rvu2025().getBytes(StandardCharsets.ISO_8859_1));
    }
    Path rvu = Files.write(dir.resolve("RVU25D.zip"), zipped.toByteArray());
    assertRefused(
        "RVU25D.zip, line 1, column 1: the file is a ZIP archive", () -> RvuFile.read(rvu));
    assertRefused(
        "g.csv, line 1, column 1: the file is a ZIP archive",
        () ->
            GpciFile.read(
                new java.io.ByteArrayInputStream(zipped.toByteArray()),
                "g.csv",
                GpciFile.WorkGpci.WITH_FLOOR));
    Path zip5 = Files.write(dir.resolve("ZIP5_OCT2025.txt"), zipped.toByteArray());
    assertRefused(
        "ZIP5_OCT2025.txt, line 1, column 1: the file is a ZIP archive", () -> Zip5File.read(zip5));
    Path pdf = Files.writeString(dir.resolve("layout.pdf"), "%PDF-1.7\n%\u00e2\u00e3\n");
    assertRefused(
        "layout.pdf, line 1, column 1: the file is a PDF document", () -> RvuFile.read(pdf));
    // NUL bytes at the start: UTF-16 without its mark, or a download's reserved space.
    Path nuls = Files.write(dir.resolve("GPCI2025.csv"), new byte[4096]);
    assertRefused(
        "GPCI2025.csv, line 1, column 1: the file starts with NUL bytes",
        () -> GpciFile.read(nuls, GpciFile.WorkGpci.WITH_FLOOR));
    byte[] noMark = LoaderFixtures.rvu2025().getBytes(StandardCharsets.UTF_16LE);
    assertRefused(
        "r.csv, line 1, column 1: the file starts with NUL bytes",
        () -> RvuFile.read(new java.io.ByteArrayInputStream(noMark), "r.csv"));
    // A file that starts with a byte order mark keeps the character after it.
    assertEquals(
        6, RvuFile.read(stream("\u00EF\u00BB\u00BF" + LoaderFixtures.rvu2025()), "r.csv").size());
  }

  @Test
  void aUtf16FileIsNamedSo() {
    // Saved as "Unicode text", a CMS file was blamed on a cut or a bad line far from the cause.
    byte[] utf16 = LoaderFixtures.rvu2025().getBytes(StandardCharsets.UTF_16);
    assertRefused(
        "r.csv, line 1, column 1: the file is UTF-16",
        () -> RvuFile.read(new java.io.ByteArrayInputStream(utf16), "r.csv"));
    byte[] littleEndian =
        ("\uFEFF" + LoaderFixtures.gpci2026()).getBytes(StandardCharsets.UTF_16LE);
    assertRefused(
        "g.csv, line 1, column 1: the file is UTF-16",
        () ->
            GpciFile.read(
                new java.io.ByteArrayInputStream(littleEndian),
                "g.csv",
                GpciFile.WorkGpci.WITH_FLOOR));
    // Semicolons too: the encoding is what to fix first, and what the error names.
    byte[] both =
        ("\uFEFF" + semicolonSeparated(LoaderFixtures.gpci2026()))
            .getBytes(StandardCharsets.UTF_16LE);
    assertRefused(
        "g.csv, line 1, column 1: the file is UTF-16",
        () ->
            GpciFile.read(
                new java.io.ByteArrayInputStream(both), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
  }

  @Test
  void aColumnNamedTwiceIsRefused() {
    // A WORK RVU column inserted before the real one would have been read in its place.
    String text =
        LoaderFixtures.rvu2025()
            .replace(",NON-FAC,NA,FACILITY,NA,MP,", ",NON-FAC,NA,FACILITY,NA,MP,WORK,")
            .replace(",RVU,TOTAL,TOTAL,", ",RVU,RVU,TOTAL,TOTAL,")
            .replace(",0.00,0.00,0.00\n", ",0.00,0.00,0.00,\n");
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(text), "r.csv"));
    assertTrue(e.getMessage().contains("two columns are named \"WORK RVU\""), e::getMessage);
  }

  /**
   * A name repeated in a header of several rows is reported where the second column's name starts,
   * not on the header's last row: here FACILITY above PE RVU renamed NON-FAC, two rows up.
   */
  @Test
  void aColumnNamedTwiceInTheMultiRowHeaderIsReportedOnItsRow() throws Exception {
    String header = ",,,STATUS,MEDICARE ,WORK,NON-FAC,NA,FACILITY,NA,MP,";
    String text =
        LoaderFixtures.rvu2025().replace(header, header.replace(",FACILITY,NA,", ",NON-FAC,NA,"));
    String expected =
        "r.csv, line 10, column 9: two columns are named \"NON-FAC PE RVU\" (column 7, lines 10"
            + " and 11, and column 9, lines 10 and 11): which one holds the values is not known";
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    DataLoadException fast =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(text), "r.csv"));
    assertEquals(expected, fast.getMessage());
    DataLoadException general =
        assertThrows(DataLoadException.class, () -> RvuFile.readGeneral(bytes, "r.csv"));
    assertEquals(expected, general.getMessage());
  }

  @Test
  void anOppsCapFileCutOrEmptyIsRefused() throws Exception {
    assertEquals(2, OppsCapFile.read(stream(OPPS), "c.csv").size());
    DataLoadException cut =
        assertThrows(
            DataLoadException.class,
            () -> OppsCapFile.read(stream(OPPS.substring(0, OPPS.length() - 2)), "c.csv"));
    assertTrue(
        cut.getMessage().contains("line 4: the last line has no line ending"), cut::getMessage);
    String headerOnly = OPPS.substring(0, OPPS.indexOf("70450")) + ",,,,,,\n";
    DataLoadException empty =
        assertThrows(DataLoadException.class, () -> OppsCapFile.read(stream(headerOnly), "c.csv"));
    assertTrue(empty.getMessage().contains("0 rows after the header"), empty::getMessage);
  }

  /** A row is its code, modifier and locality: one given twice is refused with both lines. */
  @Test
  void anOppsCapRowGivenTwiceIsRefused() throws Exception {
    // The same code and modifier in another locality, or without the modifier, is another row.
    String others = OPPS + "70450,TC,A,13202,01,61.00,61.00\n70450,,A,13282,99,90.00,90.00\n";
    assertEquals(4, OppsCapFile.read(stream(others), "c.csv").size());
    DataLoadException twice =
        assertThrows(
            DataLoadException.class,
            () -> OppsCapFile.read(stream(others + "70450,TC,A,13282,99,60.00,60.00\n"), "c.csv"));
    assertEquals(
        "c.csv, line 7: 70450-TC 13282-99 appears twice, on lines 3 and 7", twice.getMessage());
  }

  /**
   * A price quoted with its thousands separator, as the error for an unquoted one says to write it
   * and as a spreadsheet writes it, loads as its value: it was refused too. A comma that is no
   * thousands grouping is refused, with what a comma may be; 4,614 without decimals too, since it
   * may be 4.614 written with a decimal comma.
   */
  @Test
  void anOppsCapQuotedWithAThousandsSeparatorLoads() throws Exception {
    String quoted =
        OPPS.replace("71046,TC,A,13282,99,97.07,97.07", "71046,TC,A,13282,99,97.07,\"4,614.30\"");
    OppsCap cap =
        OppsCapFile.read(stream(quoted), "c.csv")
            .find(
                ProcedureCode.parse("71046"),
                Optional.of(Modifier.TECHNICAL_COMPONENT),
                Locality.parse("13282-99"))
            .orElseThrow();
    assertEquals(new BigDecimal("4614.30"), cap.nonFacilityAmount());
    for (String bad : new String[] {"4,614", "4,61.43", "46,14.30", ",614.30", "4,,614.30"}) {
      String text =
          OPPS.replace(
              "71046,TC,A,13282,99,97.07,97.07", "71046,TC,A,13282,99,97.07,\"" + bad + "\"");
      DataLoadException e =
          assertThrows(DataLoadException.class, () -> OppsCapFile.read(stream(text), "c.csv"));
      assertEquals(
          "c.csv, line 4, column 7: NON-FACILTY PRICE: expected a number of at least 0 with at"
              + " most 2 decimals (a comma only as a thousands separator, every three digits"
              + " before a decimal point, as in 1,234.56; 1,234 could be 1.234 written with a"
              + " decimal comma, so write 1234 or 1,234.00), found '"
              + bad
              + "'",
          e.getMessage());
    }
  }

  /**
   * A price written with a thousands separator and no quotes splits in two: the row had a field
   * more than the header, which was ignored, and the cap loaded as 4.00 (or, in the facility price,
   * shifted the non-facility price into its place). CMS's caps reach 4,614.30 (October 2025); no
   * row of its file has a value beyond the header's seven columns.
   */
  @Test
  void anOppsCapWithAnUnquotedThousandsSeparatorIsRefused() {
    String last =
        OPPS.replace("71046,TC,A,13282,99,97.07,97.07", "71046,TC,A,13282,99,97.07,4,614.30");
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> OppsCapFile.read(stream(last), "c.csv"));
    assertEquals(
        "c.csv, line 4, column 8: expected 7 fields as in the header, found 8, field 8 being"
            + " '614.30' (a number with a thousands separator must be quoted, \"1,234.56\", or"
            + " written 1234.56)",
        e.getMessage());
    String first =
        OPPS.replace("71046,TC,A,13282,99,97.07,97.07", "71046,TC,A,13282,99,4,614.30,4614.30");
    DataLoadException shifted =
        assertThrows(DataLoadException.class, () -> OppsCapFile.read(stream(first), "c.csv"));
    assertEquals(8, shifted.column(), shifted::getMessage);
    // An empty field beyond the header holds nothing, and loads.
    assertDoesNotThrow(
        () ->
            OppsCapFile.read(
                stream(
                    OPPS.replace(
                        "71046,TC,A,13282,99,97.07,97.07", "71046,TC,A,13282,99,97.07,97.07,")),
                "c.csv"));
  }

  /**
   * The same split in the other loaders with a number in their last column, the relative value file
   * (both readers), a GPCI and an anesthesia conversion factor: each loaded the number's first
   * digits.
   */
  @Test
  void anUnquotedThousandsSeparatorInALastColumnIsRefused() throws Exception {
    String split = "fields as in the header, found ";
    String rvu = LoaderFixtures.rvu2025().replace(",2.76,2.76,0.05", ",2.76,2.76,1,234.56");
    byte[] rvuBytes = rvu.getBytes(StandardCharsets.ISO_8859_1);
    String rvuError =
        "r.csv, line 13, column 32: expected 31 " + split + "32, field 32 being '234.56'";
    DataLoadException fast =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(rvu), "r.csv"));
    assertTrue(fast.getMessage().startsWith(rvuError), fast::getMessage);
    DataLoadException general =
        assertThrows(DataLoadException.class, () -> RvuFile.readGeneral(rvuBytes, "r.csv"));
    assertEquals(fast.getMessage(), general.getMessage());
    // An empty field after the last column still loads, by either reader.
    String trailing = LoaderFixtures.rvu2025().replace(",2.76,2.76,0.05", ",2.76,2.76,0.05,");
    assertEquals(6, RvuFile.read(stream(trailing), "r.csv").size());
    assertEquals(
        6, RvuFile.readGeneral(trailing.getBytes(StandardCharsets.ISO_8859_1), "r.csv").size());
    String gpci =
        LoaderFixtures.gpci2025()
            .replace(
                "13282,NY,99,REST OF NEW YORK,1,0.949,0.732",
                "13282,NY,99,REST OF NEW YORK,1,0.949,1,732");
    DataLoadException index =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(gpci), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertTrue(
        index.getMessage().startsWith("g.csv, line 7, column 8: expected 7 " + split),
        index::getMessage);
    String anes =
        LoaderFixtures.SUBSET
            + "Contractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
            + "10112 ,00 ,A LOCALITY,1,931 \r\n";
    DataLoadException factor =
        assertThrows(
            DataLoadException.class,
            () -> AnesthesiaConversionFactorFile.read(stream(anes), "ANES2025.csv"));
    assertTrue(
        factor.getMessage().startsWith("ANES2025.csv, line 3, column 5: expected 4 " + split),
        factor::getMessage);
  }

  /**
   * A conversion factor written with a decimal comma and no quotes splits in two: the factor loaded
   * as 32 and the field beyond the header was ignored, as was a stray value after a whole row.
   */
  @Test
  void aConversionFactorSplitByAnUnquotedCommaIsRefused() throws Exception {
    String header = "effective_from,effective_to,applies_to,pfs_cf\n";
    String good = header + "2025-01-01,2025-12-31,all,32.3465\n";
    assertEquals(
        new BigDecimal("32.3465"),
        ConversionFactorFile.read(stream(good), "cf.csv")
            .find(LocalDate.of(2025, 6, 1), false)
            .orElseThrow()
            .amount());
    DataLoadException split =
        assertThrows(
            DataLoadException.class,
            () ->
                ConversionFactorFile.read(
                    stream(header + "2025-01-01,2025-12-31,all,32,3465\n"), "cf.csv"));
    assertEquals(
        "cf.csv, line 2, column 5: expected 4 fields as in the header, found 5, field 5 being"
            + " '3465' (a number with a thousands separator must be quoted, \"1,234.56\", or"
            + " written 1234.56)",
        split.getMessage());
    DataLoadException stray =
        assertThrows(
            DataLoadException.class,
            () ->
                ConversionFactorFile.read(
                    stream(header + "2025-01-01,2025-12-31,all,32.3465,x\n"), "cf.csv"));
    assertEquals(5, stray.column(), stray::getMessage);
    // An empty field beyond the header holds nothing, and loads.
    assertDoesNotThrow(
        () ->
            ConversionFactorFile.read(
                stream(header + "2025-01-01,2025-12-31,all,32.3465,\n"), "cf.csv"));
  }

  /**
   * A value outside the range the row's type allows was refused by that type, about the row as a
   * whole (column 0, no column name); each is now named by its column before the row is built.
   */
  @Test
  void aValueOutsideItsRangeIsNamedByItsColumn() {
    String asp =
        PartBLoadersTest.ASP.replace(
            "J1100,not read,1 MG,0.108,20.000,", "J1100,not read,1 MG,0.108,150.000,");
    assertRefused(
        "asp.csv, line 7, column 5: CO-INSURANCE PERCENTAGE: expected a number from 0 to 100 with"
            + " at most 3 decimals, found '150.000'",
        () -> AspFile.read(stream(asp), "asp.csv"));
    // Puerto Rico's amounts have no ceiling and floor to catch it.
    String dmepos =
        PartBLoadersTest.DMEPOS.replace(
            "E0114,NU,,D,IN,65.94,56.05,61.45,0.00,86.99,",
            "E0114,NU,,D,IN,65.94,56.05,61.45,0.00,30000000.00,");
    assertRefused(
        "d.csv, line 6, column 10: PR (NR): expected a number from 0 to 999999.99 with at most 2"
            + " decimals, found '30000000.00'",
        () -> DmeposFile.read(stream(dmepos), "d.csv", PartBLoadersTest.ZIPS));
    String header = "effective_from,effective_to,applies_to,pfs_cf\n";
    assertRefused(
        "cf.csv, line 2, column 4: PFS_CF: expected a number above 0 and at most 999.9999 with at"
            + " most 4 decimals, found '1000.0000'",
        () ->
            ConversionFactorFile.read(
                stream(header + "2025-01-01,2025-12-31,all,1000.0000\n"), "cf.csv"));
    assertRefused(
        "cf.csv, line 2, column 4: PFS_CF: expected a number above 0",
        () ->
            ConversionFactorFile.read(stream(header + "2025-01-01,2025-12-31,all,0\n"), "cf.csv"));
    assertRefused(
        "cf.csv, line 2, column 2: EFFECTIVE_TO: expected a date on or after effective_from"
            + " 2025-01-01, found '2024-12-31'",
        () ->
            ConversionFactorFile.read(
                stream(header + "2025-01-01,2024-12-31,all,32.3465\n"), "cf.csv"));
  }

  /**
   * A state that is no USPS code loaded as a state of its own, whose rural ZIP codes no DMEPOS fee
   * schedule prices. A ZIP code under another state than its usual one still loads: CMS's 2025 Q1
   * file lists 72643 under AR, which ZIP5 places in MO. DC, the territories and the freely
   * associated states of CMS's ZIP code files load too.
   */
  @Test
  void aDmeposRuralZipStateThatIsNoStateIsRefused() throws Exception {
    String rural =
        LoaderFixtures.SUBSET
            + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\nNY,10985,202501\nMA,01223,202501\n";
    DmeposZipTable states =
        DmeposZipTable.builder().state(10000, 14999, "NY").state(72600, 72699, "MO").build();
    for (String state : new String[] {"QQ", "XX", "ZZ", "AA", "EU"}) {
      assertRefused(
          "r.csv, line 4, column 1: STATE: expected a USPS state code such as NY (the 50 states,"
              + " DC, PR, VI, GU, AS, MP, FM, MH or PW), found '"
              + state
              + "'",
          () ->
              DmeposRuralZipFile.read(
                  stream(rural.replace("MA,01223,", state + ",01223,")), "r.csv", states));
    }
    DmeposZipTable cross =
        DmeposRuralZipFile.read(stream(rural.replace("MA,01223,", "AR,72643,")), "r.csv", states);
    assertEquals(Optional.of(new DmeposArea("AR", true)), cross.find("72643"));
    assertEquals(Optional.of(new DmeposArea("MO", false)), cross.find("72644"));
    for (String state : new String[] {"DC", "PR", "VI", "GU", "AS", "MP", "FM", "MH", "PW"}) {
      assertEquals(
          Optional.of(new DmeposArea(state, true)),
          DmeposRuralZipFile.read(
                  stream(rural.replace("MA,01223,", state + ",01223,")), "r.csv", states)
              .find("01223"));
    }
  }

  /** A rural ZIP row with a field beyond the header's three is damaged: it used to load. */
  @Test
  void aDmeposRuralZipRowWithAFieldBeyondTheHeaderIsRefused() throws Exception {
    String rural =
        LoaderFixtures.SUBSET
            + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\nNY,10985,202501\nMA,01223,202501\n";
    DmeposZipTable states = DmeposZipTable.builder().state(10000, 14999, "NY").build();
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                DmeposRuralZipFile.read(
                    stream(rural.replace("MA,01223,202501", "MA,01223,202501,01224")),
                    "r.csv",
                    states));
    assertTrue(
        e.getMessage()
            .startsWith(
                "r.csv, line 4, column 4: expected 3 fields as in the header, found 4, field 4"
                    + " being '01224'"),
        e::getMessage);
  }

  /**
   * A DMEPOS amount written with an unquoted thousands separator split in two and shifted every
   * amount after it one column right, the description beyond the header: on a row without a ceiling
   * and floor (50 rows of CMS's January 2025 file have such amounts of 1,000 or more), NY's
   * non-rural 1,048.72 loaded as 1.00, its rural amount as 48.72, Puerto Rico's as NY's.
   */
  @Test
  void aDmeposAmountWithAnUnquotedThousandsSeparatorIsRefused() throws Exception {
    String good = PartBLoadersTest.DMEPOS;
    assertEquals(3, DmeposFile.read(stream(good), "d.csv", PartBLoadersTest.ZIPS).fees().size());
    String split =
        good.replace("E0601,RR,,D,CR,0.00,0.00,48.72,", "E0601,RR,,D,CR,0.00,0.00,1,048.72,");
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> DmeposFile.read(stream(split), "d.csv", PartBLoadersTest.ZIPS));
    assertTrue(
        e.getMessage()
            .startsWith(
                "d.csv, line 8, column 13: expected 12 fields as in the header, found 13, field 13"
                    + " being 'not, read'"),
        e::getMessage);
  }

  /**
   * An ASP payment limit written with an unquoted thousands separator split in two: the limit
   * loaded as its first digits and the coinsurance as the rest (1,000.898 as a limit of 1 with
   * 0.898% coinsurance), the rest of the row shifted into columns not read, the last of them empty.
   * CMS's rows have exactly the header's twelve fields (its last column is unnamed and empty), so a
   * row with more is refused, whatever the field beyond holds.
   */
  @Test
  void anAspLimitWithAnUnquotedThousandsSeparatorIsRefused() throws Exception {
    String good = PartBLoadersTest.ASP;
    assertEquals(3, AspFile.read(stream(good), "asp.csv").limits().size());
    String split = good.replace("J3301,not read,10 MG,0.898,", "J3301,not read,10 MG,1,000.898,");
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> AspFile.read(stream(split), "asp.csv"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "asp.csv, line 10, column 13: expected 12 fields as in the header, found 13"),
        e::getMessage);
  }

  /**
   * The physician supervision level is two characters of CMS's list (01-06, 21, 22, 66, 6A, 77, 7A,
   * 09; RVU25D record layout): any two characters loaded, a sign, a point or a blank among them.
   */
  @ParameterizedTest
  @ValueSource(strings = {"-1", "+1", ".5", "1.", "0 ", "9*"})
  void aDamagedSupervisionLevelIsRefusedByBothReaders(String level) throws Exception {
    String good = LoaderFixtures.rvu2025();
    String bad = good.replaceFirst(",32.3465,09,", ",32.3465," + level + ",");
    String expected =
        "r.csv, line 12, column 26: PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES: expected a"
            + " supervision level of two digits or capitals, such as 01, 09 or 6A, found '"
            + level
            + "'";
    DataLoadException fast =
        assertThrows(DataLoadException.class, () -> RvuFile.read(stream(bad), "r.csv"));
    assertEquals(expected, fast.getMessage());
    DataLoadException general =
        assertThrows(
            DataLoadException.class,
            () -> RvuFile.readGeneral(bad.getBytes(StandardCharsets.ISO_8859_1), "r.csv"));
    assertEquals(expected, general.getMessage());
    String letters = good.replaceFirst(",32.3465,09,", ",32.3465,6A,");
    assertEquals(6, RvuFile.read(stream(letters), "r.csv").size());
  }

  @Test
  void aZip5FileCutIsRefused() {
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> Zip5File.read(stream(ZIP5.substring(0, ZIP5.length() - 2)), "z.txt"));
    assertTrue(e.getMessage().contains("line 3: the last line has no line ending"), e::getMessage);
  }

  @Test
  void aZip5FileReadForItsStatesHasTheSameGuards(@TempDir Path dir) throws Exception {
    String bom =
        new String(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.ISO_8859_1);
    Path whole =
        Files.writeString(dir.resolve("ZIP5.txt"), bom + ZIP5, StandardCharsets.ISO_8859_1);
    assertEquals("NY", Zip5File.readStates(whole).find("10001").orElseThrow().state());
    Path cut =
        Files.writeString(
            dir.resolve("ZIP5cut.txt"),
            ZIP5.substring(0, ZIP5.length() - 2),
            StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> Zip5File.readStates(cut));
    assertTrue(e.getMessage().contains("line 3: the last line has no line ending"), e::getMessage);
    Path few =
        Files.writeString(
            dir.resolve("ZIP5few.txt"), ZIP5.substring(LoaderFixtures.SUBSET.length()));
    DataLoadException rows = assertThrows(DataLoadException.class, () -> Zip5File.readStates(few));
    assertTrue(rows.getMessage().contains("only 2 ZIP codes"), rows::getMessage);
  }

  /**
   * A record the reader of localities refuses is refused by the reader of states too, with the same
   * error: it used to read the state and ZIP code alone, and took a record whose contractor,
   * locality, plus-four flag or quarter was damaged, or whose state was damaged where the ZIP code
   * was too (then refused at the ZIP code, not at the state, columns 1-2, as the other reader
   * does).
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // A letter in the contractor, then in the locality.
        "NY100011320201|NY1000113202O1",
        "NY100011320201|NY100011320x01",
        // A plus-four flag other than 0 or 1, blank too (CMS's layout defines 0 and 1 alone).
        "'NY100011320201 Z9   0'|'NY100011320201 Z9   x'",
        "'NY100011320201 Z9   0'|'NY100011320201 Z9    '",
        // A second record of another quarter.
        "'20254\r\nNY10002'|'20253\r\nNY10002'",
        // A state in lower case where the ZIP code is damaged too.
        "NY10001|ny1000x",
      })
  void aRecordTheReaderOfLocalitiesRefusesIsRefusedByTheReaderOfStates(
      String good, String damage, @TempDir Path dir) throws Exception {
    assertTrue(ZIP5.contains(good), good);
    String damaged = ZIP5.replaceFirst(Pattern.quote(good), damage);
    DataLoadException localities =
        assertThrows(DataLoadException.class, () -> Zip5File.read(stream(damaged), "z.txt"));
    DataLoadException general =
        assertThrows(
            DataLoadException.class,
            () ->
                Zip5File.readStatesGeneral(damaged.getBytes(StandardCharsets.ISO_8859_1), "z.txt"));
    assertEquals(localities.getMessage(), general.getMessage());
    Path file = Files.writeString(dir.resolve("z.txt"), damaged, StandardCharsets.ISO_8859_1);
    DataLoadException states =
        assertThrows(DataLoadException.class, () -> Zip5File.readStates(file));
    assertEquals(localities.getMessage(), states.getMessage());
  }

  /**
   * A ZIP code given twice is refused by the reader of states as by the reader of localities, as
   * {@code Zip5File.readStates} documents: it was read, the later record's state replacing the
   * earlier one's in silence.
   */
  @Test
  void aZipCodeTwiceIsRefusedByTheReaderOfStates(@TempDir Path dir) throws Exception {
    String twice = ZIP5 + "NJ100011320201 Z9   0 A" + " ".repeat(52) + "20254\r\n";
    String expected = "z.txt, line 4, column 3: ZIP code 10001 appears twice, on lines 2 and 4";
    DataLoadException localities =
        assertThrows(DataLoadException.class, () -> Zip5File.read(stream(twice), "z.txt"));
    assertEquals(expected, localities.getMessage());
    DataLoadException general =
        assertThrows(
            DataLoadException.class,
            () -> Zip5File.readStatesGeneral(twice.getBytes(StandardCharsets.ISO_8859_1), "z.txt"));
    assertEquals(expected, general.getMessage());
    Path file = Files.writeString(dir.resolve("z.txt"), twice, StandardCharsets.ISO_8859_1);
    DataLoadException states =
        assertThrows(DataLoadException.class, () -> Zip5File.readStates(file));
    assertEquals(expected, states.getMessage());
  }

  @Test
  void aHugeBadFieldIsQuotedShortAndEscaped() {
    String text = LoaderFixtures.gpci2025().replace("0.949", "\u001b[31m" + "9".repeat(200_000));
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(text), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertTrue(e.getMessage().length() < 300, () -> "too long: " + e.getMessage().length());
    assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), e::getMessage);
  }

  @Test
  void aMistypedContractorNumberIsAnErrorNotADroppedLocality() {
    String text = LoaderFixtures.gpci2025().replace("02102,AK", "O2102,AK");
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(text), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertTrue(e.getMessage().startsWith("g.csv, line 6, column 1:"), e::getMessage);
  }

  /**
   * A locality's row damaged down to its contractor number, or its contractor and name, is refused
   * at its line and first bad column: it used to be skipped as a footnote (only the state, locality
   * number and index columns made a row data), so the file loaded without Alabama and its services
   * went unpriced, NO_GPCI_FOR_LOCALITY.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10112,,,,,,|2|STATE",
        "10112,,,ALABAMA,,,|2|STATE",
        "' 10112 ,,,,,,'|2|STATE",
        "10112,AL,,,,,|3|LOCALITY NUMBER",
        ",,,ALABAMA,,,|1|MEDICARE ADMINISTRATIVE CONTRACTOR (MAC)",
        "1011,,,,,,|1|MEDICARE ADMINISTRATIVE CONTRACTOR (MAC)",
      })
  void aRowWithOnlyItsContractorIsRefusedNotSkipped(String row, int column, String name) {
    String text = LoaderFixtures.gpci2025().replace("10112,AL,00,ALABAMA,1,0.869,0.575", row);
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(text), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertTrue(
        e.getMessage().startsWith("g.csv, line 5, column " + column + ": " + name + ": expected"),
        e::getMessage);
  }

  /** CMS's notes, in the contractor's column alone and no number, are still skipped. */
  @Test
  void notesInTheContractorColumnAreSkipped() throws Exception {
    String notes =
        LoaderFixtures.gpci2025()
            + String.join(
                "\n",
                "\"MAC Assignments as of November 22, 2023\",,,,,,",
                "**PE GPCI reflects a 1.0 floor for frontier states.,,,,,,",
                "10112 (see note),,,,,,",
                "\t,,,,,,",
                "")
            + "\n";
    assertEquals(
        3, GpciFile.read(stream(notes), "g.csv", GpciFile.WorkGpci.WITH_FLOOR).all().size());
  }

  @Test
  void aByteOrderMarkIsDroppedEverywhere() throws Exception {
    String bom =
        new String(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.ISO_8859_1);
    assertEquals(2, OppsCapFile.read(stream(bom + OPPS), "c.csv").size());
    assertEquals(
        java.util.Optional.of(Locality.parse("13202-01")),
        Zip5File.read(stream(bom + ZIP5), "z.txt").find("10001"));
    assertEquals(
        3,
        GpciFile.read(
                stream(bom + LoaderFixtures.gpci2025()), "g.csv", GpciFile.WorkGpci.WITH_FLOOR)
            .size());
    assertEquals(6, RvuFile.read(stream(bom + LoaderFixtures.rvu2025()), "r.csv").size());
  }

  /** Endless junk, counted as it is read. */
  private static final class Junk extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        b[off + i] = (byte) (++served % 64 == 0 ? '\n' : 'x');
      }
      return len;
    }
  }

  @Test
  void junkFailsFastAfterAFewMegabytesAtMost() {
    Junk junk = new Junk();
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(junk, "movie.mp4", GpciFile.WorkGpci.WITH_FLOOR));
    assertTrue(
        e.getMessage().startsWith("movie.mp4: larger than 1048576 characters"), e::getMessage);
    assertTrue(junk.served < 4 << 20, () -> junk.served + " bytes read");
    Junk more = new Junk();
    assertThrows(DataLoadException.class, () -> OppsCapFile.read(more, "movie.mp4"));
    assertTrue(more.served < 20 << 20, () -> more.served + " bytes read");
    Junk zip = new Junk();
    assertThrows(DataLoadException.class, () -> Zip5File.read(zip, "movie.mp4"));
    assertTrue(zip.served < 40 << 20, () -> zip.served + " bytes read");
  }

  @Test
  void controlCharactersAtAFieldsEdgeAreRefusedNotTrimmed() throws Exception {
    // Spaces and tabs are padding; a NUL, an escape or a form feed is damage. trim() dropped them,
    // and "\u000099213" loaded as 99213.
    String rvu = LoaderFixtures.rvu2025();
    assertEquals(
        6, RvuFile.read(stream(rvu.replace("\n99213,", "\n \t99213\t ,")), "r.csv").size());
    for (String damage : new String[] {"\u0000", "\u001b", "\f", "\u000b", "\u001f"}) {
      DataLoadException code =
          assertThrows(
              DataLoadException.class,
              () ->
                  RvuFile.read(stream(rvu.replace("\n99213,", "\n" + damage + "99213,")), "r.csv"));
      assertTrue(code.getMessage().startsWith("r.csv, line 16, column 1: HCPCS"), code::getMessage);
      DataLoadException rvus =
          assertThrows(
              DataLoadException.class,
              () ->
                  RvuFile.read(
                      stream(rvu.replace(",A,,1.30,", ",A,,1.30" + damage + ",")), "r.csv"));
      assertTrue(rvus.getMessage().startsWith("r.csv, line 16, column 6: WORK"), rvus::getMessage);
      DataLoadException gpci =
          assertThrows(
              DataLoadException.class,
              () ->
                  GpciFile.read(
                      stream(LoaderFixtures.gpci2025().replace(",0.869,", "," + damage + "0.869,")),
                      "g.csv",
                      GpciFile.WorkGpci.WITH_FLOOR));
      assertTrue(gpci.getMessage().startsWith("g.csv, line 5, column 6"), gpci::getMessage);
    }
  }

  /** Cuts {@code text} just after {@code kept}, its last occurrence: a download that stopped. */
  private static String cutAfter(String text, String kept) {
    return text.substring(0, text.lastIndexOf(kept) + kept.length());
  }

  private static void assertCut(String expectedLine, ThrowingLoad load) {
    DataLoadException e = assertThrows(DataLoadException.class, load::run);
    assertTrue(
        e.getMessage().contains(expectedLine + ": the last line has no line ending"),
        e::getMessage);
  }

  /** A load that may throw. */
  @FunctionalInterface
  private interface ThrowingLoad {
    void run() throws Exception;
  }

  // Each file below loads whole, and is refused when cut inside a number of its last line.

  @Test
  void aClfsFileCutShortIsRefused() throws Exception {
    String clfs = PartBLoadersTest.CLFS;
    ClfsFile.read(stream(clfs), "CLFS_2025_Q1V1.csv");
    assertCut(
        "line 9", () -> ClfsFile.read(stream(cutAfter(clfs, "G0471,,20250201,N,11.0")), "c.csv"));
  }

  @Test
  void aDmeposFileCutShortIsRefused() throws Exception {
    String dmepos = PartBLoadersTest.DMEPOS;
    DmeposFile.read(stream(dmepos), "fees.csv", PartBLoadersTest.ZIPS);
    assertCut(
        "line 8",
        () ->
            DmeposFile.read(
                stream(cutAfter(dmepos, "48.72,94.9")), "fees.csv", PartBLoadersTest.ZIPS));
  }

  @Test
  void aDmeposRuralZipFileCutShortIsRefused() throws Exception {
    String rural =
        LoaderFixtures.SUBSET
            + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\nNY,10985,202501\nMO,63036,202501\n";
    DmeposZipTable states = DmeposZipTable.builder().state(10000, 14999, "NY").build();
    DmeposRuralZipFile.read(stream(rural), "rural.csv", states);
    assertCut(
        "line 4",
        () -> DmeposRuralZipFile.read(stream(cutAfter(rural, "63036,2025")), "r.csv", states));
  }

  @Test
  void anAspFileCutShortIsRefused() throws Exception {
    String asp = PartBLoadersTest.ASP;
    AspFile.read(stream(asp), "drugs.csv");
    assertCut("line 10", () -> AspFile.read(stream(cutAfter(asp, "10 MG,0.89")), "drugs.csv"));
  }

  @Test
  void anAnesFileCutShortIsRefused() throws Exception {
    String anes =
        LoaderFixtures.SUBSET
            + "Contractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
            + "10112 ,00 ,ALABAMA,19.31 \r\n"
            + "01112 ,05 ,SAN FRANCISCO,21.45 \r\n";
    assertEquals(2, AnesthesiaConversionFactorFile.read(stream(anes), "ANES2025.csv").size());
    assertCut(
        "line 4",
        () -> AnesthesiaConversionFactorFile.read(stream(cutAfter(anes, "21.4")), "ANES2025.csv"));
  }

  @Test
  void anAnesthesiaBaseUnitFileCutShortIsRefused() throws Exception {
    StringBuilder units = new StringBuilder("CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n");
    for (int n = 100; n < 300; n++) {
      units.append(String.format("%05d\t5\r\n", n));
    }
    units.append("00300\t15\r\n");
    AnesthesiaBaseUnitFile.read(stream(units.toString()), "units.txt");
    assertCut(
        "line 204",
        () -> AnesthesiaBaseUnitFile.read(stream(cutAfter(units.toString(), "00300\t1")), "u.txt"));
  }

  /**
   * A conversion factor history is written by hand, and editors often leave its last line without a
   * line ending, so that alone is no damage. But a file cut inside its last line's {@code pfs_cf},
   * when that column ends the line, loaded the cut number (32.3465 as 32.34), which multiplies
   * every fee of its dates; a cut anywhere else in the line leaves a date, a text or a row too
   * short to read, and is refused by them.
   */
  @Test
  void aConversionFactorFileCutInItsLastFactorIsRefused() throws Exception {
    String factorLast = "effective_from,effective_to,applies_to,pfs_cf\n2025-01-01,2025-12-31,all,";
    assertEquals(
        1, ConversionFactorFile.read(stream(factorLast + "32.3465\n"), "cf.csv").all().size());
    for (String cut : new String[] {"32.34", "32.3465"}) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () -> ConversionFactorFile.read(stream(factorLast + cut), "cf.csv"));
      assertEquals(
          "cf.csv, line 2, column 4: the last line has no line ending and ends in its pfs_cf: the"
              + " file looks cut short, and a factor cut there loads as a smaller one; end the"
              + " line with a line break",
          e.getMessage());
    }
    // A DOS end-of-file mark ends the last line.
    assertEquals(
        1,
        ConversionFactorFile.read(stream(factorLast + "32.3465\r\n\u001a"), "cf.csv").all().size());
    // In the documented order, a last line without its ending loads, and a cut is refused.
    String documented =
        "effective_from,effective_to,pfs_cf,applies_to\n2025-01-01,2025-12-31,32.3465,all";
    assertEquals(1, ConversionFactorFile.read(stream(documented), "cf.csv").all().size());
    for (String kept : new String[] {"al", "32.3465,", "32.3465", "2025-12-3"}) {
      assertThrows(
          DataLoadException.class,
          () -> ConversionFactorFile.read(stream(cutAfter(documented, kept)), "cf.csv"),
          kept);
    }
  }

  /**
   * A DOS end-of-file mark (Ctrl-Z) after the last line ends a CMS file, with or without a line
   * break after it, and with blank lines after it: CMS's files of releases A to C of 2025 end with
   * one. Without a line break after it, the CSV loaders blamed the line before it as cut short,
   * although that line ends, and the ZIP5 loader took the mark for a record.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"\u001a", "\u001a\r\n", "\u001a,,,", "\u001a,,,\n", "\u001a\r\n\r\n,,,\r\n"})
  void aFinalEndOfFileMarkEndsACsvFile(String end) throws Exception {
    GpciFile.WorkGpci floor = GpciFile.WorkGpci.WITH_FLOOR;
    // The 2026 GPCIs end with a row of data; the 2025 ones with a footnote.
    assertEquals(
        GpciFile.read(stream(LoaderFixtures.gpci2026()), "g.csv", floor).size(),
        GpciFile.read(stream(LoaderFixtures.gpci2026() + end), "g.csv", floor).size());
    assertEquals(
        GpciFile.read(stream(LoaderFixtures.gpci2025()), "g.csv", floor).size(),
        GpciFile.read(stream(LoaderFixtures.gpci2025() + end), "g.csv", floor).size());
    String rvu = LoaderFixtures.rvu2025() + end;
    assertEquals(6, RvuFile.read(stream(rvu), "r.csv").size());
    assertEquals(6, RvuFile.readGeneral(rvu.getBytes(StandardCharsets.ISO_8859_1), "r.csv").size());
    assertEquals(2, OppsCapFile.read(stream(OPPS + end), "c.csv").size());
    assertEquals(
        3,
        DmeposFile.read(stream(PartBLoadersTest.DMEPOS + end), "d.csv", PartBLoadersTest.ZIPS)
            .fees()
            .size());
    assertEquals(3, AspFile.read(stream(PartBLoadersTest.ASP + end), "asp.csv").limits().size());
    assertEquals(
        ClfsFile.read(stream(PartBLoadersTest.CLFS), "CLFS_2025_Q1V1.csv").rates().size(),
        ClfsFile.read(stream(PartBLoadersTest.CLFS + end), "CLFS_2025_Q1V1.csv").rates().size());
  }

  /** A final end-of-file mark ends a ZIP5 file too, whichever of its readers reads it. */
  @ParameterizedTest
  @ValueSource(strings = {"\u001a", "\u001a\r\n", "\u001a \r\n\r\n"})
  void aFinalEndOfFileMarkEndsAZip5File(String end, @TempDir Path dir) throws Exception {
    String marked = ZIP5 + end;
    byte[] bytes = marked.getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(2, Zip5File.read(stream(marked), "z.txt").size());
    assertEquals(2, Zip5File.readGeneral(bytes, "z.txt").table().size());
    assertEquals(
        "NY", Zip5File.readStatesGeneral(bytes, "z.txt").find("10002").orElseThrow().state());
    Path file = Files.write(dir.resolve("ZIP5.txt"), bytes);
    assertEquals("NY", Zip5File.readStates(file).find("10002").orElseThrow().state());
  }

  /**
   * A DOS end-of-file mark with rows after it is refused at the mark, naming the first row after
   * it: those rows were never meant to be read (files pasted together, or damage).
   */
  @Test
  void anEndOfFileMarkBeforeARowIsRefused() {
    String gpci = LoaderFixtures.gpci2026().replace("01182,CA", "\u001a,,,\n01182,CA");
    DataLoadException csv =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(gpci), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertEquals(
        "g.csv, line 6, column 1: a DOS end-of-file mark (0x1A) with rows after it, the first on"
            + " line 7: expected the mark after the last row only",
        csv.getMessage());
    String zip5 = ZIP5.replace("\r\nNY10002", "\r\n\u001a\r\n\r\nNY10002");
    String expected =
        "z.txt, line 3, column 1: a DOS end-of-file mark (0x1A) with rows after it, the first on"
            + " line 5: expected the mark after the last row only";
    byte[] bytes = zip5.getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(
        expected,
        assertThrows(DataLoadException.class, () -> Zip5File.read(stream(zip5), "z.txt"))
            .getMessage());
    assertEquals(
        expected,
        assertThrows(DataLoadException.class, () -> Zip5File.readStatesGeneral(bytes, "z.txt"))
            .getMessage());
  }

  /** A loader of a stream, counting what it loaded. */
  @FunctionalInterface
  private interface RowCount {
    int read(InputStream in, String sourceName) throws IOException;
  }

  static Stream<Arguments> realFiles() {
    return Stream.of(
        Arguments.of(
            "2025/GPCI2025.csv",
            (RowCount) (in, name) -> GpciFile.read(in, name, GpciFile.WorkGpci.WITH_FLOOR).size()),
        Arguments.of(
            "2025/PPRRVU2025_Oct.csv", (RowCount) (in, name) -> RvuFile.read(in, name).size()),
        Arguments.of(
            "2025/ZIP5_OCT2025.txt", (RowCount) (in, name) -> Zip5File.read(in, name).size()),
        Arguments.of(
            "dmepos/DMEPOS_2025_JAN.csv",
            (RowCount)
                (in, name) -> DmeposFile.read(in, name, PartBLoadersTest.ZIPS).fees().size()),
        Arguments.of(
            "anesthesia/CY2022_Anesthesia_Base_Units.txt",
            (RowCount) (in, name) -> AnesthesiaBaseUnitFile.read(in, name).size()));
  }

  /**
   * The real files, each with a mark after its last line and no line break after the mark (skipped
   * without CPT4J_CMS_DIR): each was refused, as cut short or for a record that was the mark.
   */
  @ParameterizedTest
  @MethodSource("realFiles")
  void aFinalEndOfFileMarkEndsEachRealFile(String name, RowCount loader) throws Exception {
    byte[] plain = Files.readAllBytes(CmsFiles.file(name));
    byte[] marked = Arrays.copyOf(plain, plain.length + 1);
    marked[plain.length] = 0x1a;
    assertEquals(
        loader.read(new ByteArrayInputStream(plain), name),
        loader.read(new ByteArrayInputStream(marked), name));
  }

  /** The fast paths read such a file themselves, rather than leave it to the general readers. */
  @Test
  void theFastPathsReadARealFileEndingInAMark() throws Exception {
    for (String name : new String[] {"2025/PPRRVU2025_Oct.csv", "2025/ZIP5_OCT2025.txt"}) {
      byte[] plain = Files.readAllBytes(CmsFiles.file(name));
      byte[] marked = Arrays.copyOf(plain, plain.length + 1);
      marked[plain.length] = 0x1a;
      assertNotNull(
          name.endsWith(".csv")
              ? RvuScan.scan(marked, name)
              : Zip5Scan.localities(marked, Zip5File.MIN_ROWS),
          name);
    }
  }
}
