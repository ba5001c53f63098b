package io.github.cpt4j.data.medicare;

import static io.github.cpt4j.data.medicare.LoaderFixtures.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.asp.AspLimit;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsIndicator;
import io.github.cpt4j.fee.medicare.clfs.ClfsRate;
import io.github.cpt4j.fee.medicare.dmepos.DmeposArea;
import io.github.cpt4j.fee.medicare.dmepos.DmeposCategory;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFee;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Part B loaders on hand-written files in CMS's layouts; codes are real, numbers and the
 * description cells are made up (the descriptor columns are present, as in CMS's files, and must
 * never be read).
 */
class PartBLoadersTest {

  static final String CLFS =
      LoaderFixtures.SUBSET
          + "2025 Clinical Diagnostic Laboratory Fee Schedule ,,,,,,,,\n"
          + "\"A notice, with commas, as CMS writes it\",,,,,,,,\n"
          + ",,,,,,,,\n"
          + "YEAR,HCPCS,MOD,EFF_DATE,INDICATOR,RATE,SHORTDESC,LONGDESC,EXTENDED LONGDESC\n"
          + "2025,80053,,20250101,N,00010.56,not read,not read,not read\n"
          + "2025,80053,QW,20250101,N,00010.56,not read,not read,\"not, read\"\n"
          + "2025,0420U,,20250101,L,00000.00,not read,not read,not read\n"
          + "2025,G0471,,20250201,N,11.09,not read,not read,not read\n";

  private static ClfsFeeSchedule clfs(String text, String name) throws Exception {
    return ClfsFile.read(stream(text), name);
  }

  @Test
  void readsTheClfsLayout() throws Exception {
    ClfsFeeSchedule clfs = clfs(CLFS, "CLFS_2025_Q1V1.csv");
    assertEquals(Quarter.of(2025, 1), clfs.quarter());
    assertEquals(4, clfs.rates().size());
    ClfsRate waived =
        clfs.find(ProcedureCode.parse("80053"), Optional.of(Modifier.parse("QW"))).orElseThrow();
    assertEquals(new BigDecimal("10.56"), waived.rate().stripTrailingZeros());
    assertEquals(LocalDate.of(2025, 1, 1), waived.effectiveFrom());
    assertEquals(
        ClfsIndicator.LOCAL,
        clfs.find(ProcedureCode.parse("0420U"), Optional.empty()).orElseThrow().indicator());
    assertEquals("clfs-2025-Q1", clfs.name());
  }

  /**
   * A descriptor cell quoted over a bare CR (a file saved on an old Mac) at the end of a row is
   * that row's: FastCSV 4.1 dropped the cell and read the next line into its place, so the next
   * code (here 0420U) was silently missing from the schedule.
   */
  @Test
  void aBareCarriageReturnInTheLastQuotedCellLosesNoRow() throws Exception {
    String carriageReturn =
        CLFS.replace(
            "2025,80053,QW,20250101,N,00010.56,not read,not read,\"not, read\"\n",
            "2025,80053,QW,20250101,N,00010.56,not read,not read,\"not,\rread\"\n");
    assertTrue(carriageReturn.contains("\r"));
    ClfsFeeSchedule clfs = clfs(carriageReturn, "CLFS_2025_Q1V1.csv");
    assertEquals(4, clfs.rates().size());
    assertTrue(clfs.find(ProcedureCode.parse("0420U"), Optional.empty()).isPresent());
  }

  @Test
  void clfsQuarterFromTheLatestDateWhenTheNameHasNone() throws Exception {
    assertEquals(Quarter.of(2025, 1), clfs(CLFS, "lab.csv").quarter());
    assertEquals(
        Quarter.of(2025, 3), ClfsFile.read(stream(CLFS), "lab.csv", Quarter.of(2025, 3)).quarter());
  }

  @Test
  void clfsRowsOfAnotherYearThanTheQuarterAreRefused() throws Exception {
    String lastYear = CLFS.replace("\n2025,", "\n2024,");
    DataLoadException named =
        assertThrows(DataLoadException.class, () -> clfs(lastYear, "CLFS_2025_Q1V1.csv"));
    assertEquals(6, named.line());
    assertEquals(1, named.column());
    // The quarter came from the name, not from the caller: the error says which.
    assertTrue(
        named
            .getMessage()
            .contains(
                "YEAR: expected 2025, the year of 2025-Q1, the quarter the file's name gives,"
                    + " found '2024'"),
        named.getMessage());
    // Without a title, which says its year first (clfsTitleOfAnotherYearIsRefused).
    String untitled = CLFS.replace("2025 Clinical Diagnostic Laboratory Fee Schedule ", "");
    DataLoadException readFor =
        assertThrows(
            DataLoadException.class,
            () -> ClfsFile.read(stream(untitled), "lab.csv", Quarter.of(2026, 1)));
    assertTrue(
        readFor
            .getMessage()
            .contains("YEAR: expected 2026, the year of 2026-Q1, the quarter the file is read for"),
        readFor.getMessage());
    DataLoadException mixed =
        assertThrows(
            DataLoadException.class,
            () -> clfs(CLFS.replace("2025,G0471", "2024,G0471"), "lab.csv"));
    assertEquals(9, mixed.line());
    assertTrue(mixed.getMessage().contains("the file's first row"), mixed.getMessage());
    DataLoadException notAYear =
        assertThrows(
            DataLoadException.class, () -> clfs(CLFS.replace("2025,0420U", "25,0420U"), "lab.csv"));
    assertEquals(1, notAYear.column());
    // The year of a file read for its own year's quarter, or without a year column, is no issue.
    String lastYearDated =
        lastYear.replace(",2025", ",2024").replace("2025 Clinical", "2024 Clinical");
    assertEquals(
        Quarter.of(2024, 4),
        ClfsFile.read(stream(lastYearDated), "lab.csv", Quarter.of(2024, 4)).quarter());
  }

  @Test
  void clfsHeaderOfOtherYearsAndAByteOrderMark() throws Exception {
    String other =
        "\u00EF\u00BB\u00BF"
            + LoaderFixtures.SUBSET
            + "HCPCS,MODIFIER,EFFECTIVE DATE,IND,RATE2019,SHORTDESC\n"
            + "80053,,20190101,N,14.39,not read\n";
    ClfsFeeSchedule clfs = clfs(other, "CLFS_2019_Q1.csv");
    assertEquals(Quarter.of(2019, 1), clfs.quarter());
    assertEquals(new BigDecimal("14.39"), clfs.rates().get(0).rate());
  }

  /**
   * A rate written with an unquoted thousands separator splits in two, and the shifted row's last
   * description is as empty as CMS often leaves it: the row has one field more than the header.
   */
  @Test
  void aClfsRateSplitByAnUnquotedCommaIsRefused() throws Exception {
    String split =
        CLFS.replace(
            "2025,G0471,,20250201,N,11.09,not read,not read,not read\n",
            "2025,G0471,,20250201,N,12,000.00,not read,not read,\n");
    DataLoadException e = assertThrows(DataLoadException.class, () -> clfs(split, "c.csv"));
    assertEquals(9, e.line());
    assertEquals(10, e.column());
    assertTrue(
        e.getMessage().contains("expected 9 fields as in the header, found 10"), e.getMessage());
    // Quoted, it is the amount it says.
    ClfsFeeSchedule quoted = clfs(split.replace("12,000.00", "\"12,000.00\""), "c.csv");
    assertEquals(
        new java.math.BigDecimal("12000.00"),
        quoted.find(ProcedureCode.parse("G0471"), Optional.empty()).orElseThrow().rate());
  }

  @Test
  void clfsErrorsNameFileLineAndColumn() {
    DataLoadException bad =
        assertThrows(
            DataLoadException.class,
            () -> clfs(CLFS.replace("00010.56,not read,not read,not", "ten,x,x,not"), "c.csv"));
    assertEquals(6, bad.line());
    assertEquals(6, bad.column());
    assertTrue(bad.getMessage().contains("RATE"), bad.getMessage());
    DataLoadException twice =
        assertThrows(
            DataLoadException.class,
            () -> clfs(CLFS + "2025,80053,,20250101,N,1,a,b,c\n", "c.csv"));
    assertTrue(
        twice.getMessage().contains("80053 appears twice, on lines 6 and 10"), twice.getMessage());
    assertEquals(2, twice.column()); // HCPCS: the cell that repeats the row
    DataLoadException indicator =
        assertThrows(DataLoadException.class, () -> clfs(CLFS.replace(",L,", ",X,"), "c.csv"));
    assertEquals(5, indicator.column());
    DataLoadException date =
        assertThrows(
            DataLoadException.class, () -> clfs(CLFS.replace("20250201", "2025-02-01"), "c.csv"));
    assertEquals(4, date.column());
    DataLoadException header =
        assertThrows(DataLoadException.class, () -> clfs("a,b\n1,2\n", "c.csv"));
    assertTrue(header.getMessage().contains("no header row"), header.getMessage());
    DataLoadException missing =
        assertThrows(DataLoadException.class, () -> clfs("HCPCS,MOD,RATE\n80053,,1.00\n", "c.csv"));
    assertTrue(missing.getMessage().contains("EFF_DATE"), missing.getMessage());
  }

  static final String DMEPOS =
      LoaderFixtures.SUBSET
          + "\"Durable Medical Equipment,\",,,,,,,,,,,*** Non-continental areas ***,\n"
          + "January 2025 Fee Schedule,,,,,,,,,,,,\n"
          + ",,,,,,,,,,,,\n"
          + "HCPCS,Mod,Mod2,JURIS,CATG,Ceiling,Floor,NY (NR),NY (R),PR (NR),PR (R),Description\n"
          + "E0114,NU,,D,IN,65.94,56.05,61.45,0.00,86.99,0.00,not read\n"
          + "E0114,RR,,D,IN,11.97,10.17,10.79,0.00,14.00,0.00,not read\n"
          + "E0601,RR,,D,CR,0.00,0.00,48.72,94.93,91.42,0.00,\"not, read\"\n";

  /** A marked DMEPOS file with the pair of columns of every state CMS's file has, and one row. */
  static String dmeposWithEveryState() {
    List<String> states =
        List.of(
            "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "IA", "ID", "IL", "IN",
            "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE",
            "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX",
            "UT", "VA", "VT", "WA", "WI", "WV", "WY", "AK", "HI", "PR", "VI");
    StringBuilder header = new StringBuilder("HCPCS,Mod,Mod2,JURIS,CATG,Ceiling,Floor");
    StringBuilder row = new StringBuilder("E0114,NU,,D,IN,65.94,56.05");
    for (String state : states) {
      header.append(',').append(state).append(" (NR),").append(state).append(" (R)");
      row.append(",61.45,0.00");
    }
    return LoaderFixtures.SUBSET
        + "January 2025 Fee Schedule\n"
        + header
        + ",Description\n"
        + row
        + ",not read\n";
  }

  static final DmeposZipTable ZIPS =
      DmeposZipTable.builder().state(10000, 14999, "NY").rural(12010, "NY").build();

  @Test
  void readsTheDmeposLayout() throws Exception {
    DmeposFeeSchedule dme = DmeposFile.read(stream(DMEPOS), "fees.csv", ZIPS);
    assertEquals(Quarter.of(2025, 1), dme.quarter());
    assertEquals(3, dme.fees().size());
    DmeposFee cpap = dme.rows(ProcedureCode.parse("E0601")).get(0);
    assertEquals(DmeposCategory.CAPPED_RENTAL, cpap.category());
    assertEquals(Optional.of(new BigDecimal("94.93")), cpap.ruralFee("NY"));
    assertEquals(Optional.of(new BigDecimal("91.42")), cpap.nonRuralFee("PR"));
    assertEquals(new BigDecimal("65.94"), dme.rows(ProcedureCode.parse("E0114")).get(0).ceiling());
  }

  /**
   * A row whose Mod2 repeats its Mod: CMS's file never has one, and E0114,RR,RR beside E0114,RR,
   * used to load, its amount then pricing E0114-RR as the "more specific" row (11.97 instead of
   * 10.79 in New York).
   */
  @Test
  void aDmeposRowRepeatingItsModifierIsRefused() throws Exception {
    String repeated =
        DMEPOS.replace(
            "E0114,RR,,D,IN,11.97,10.17,10.79,0.00,14.00,0.00,not read\n",
            "E0114,RR,,D,IN,11.97,10.17,10.79,0.00,14.00,0.00,not read\n"
                + "E0114,RR,RR,D,IN,11.97,10.17,11.97,0.00,14.00,0.00,not read\n");
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> DmeposFile.read(stream(repeated), "fees.csv", ZIPS));
    assertEquals(
        "fees.csv, line 8, column 3: MOD2: expected a blank or a modifier other than the row's"
            + " MOD, RR (CMS's file never repeats a modifier on a row), found 'RR'",
        e.getMessage());
  }

  /**
   * A row whose floor is above its ceiling (the two cells swapped): CMS's file has none, and the
   * error named the first state's amount, which lies between the two, rather than the floor.
   */
  @Test
  void aDmeposFloorAboveItsCeilingIsRefusedAtTheFloor() {
    String swapped = DMEPOS.replace("E0114,NU,,D,IN,65.94,56.05,", "E0114,NU,,D,IN,56.05,65.94,");
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> DmeposFile.read(stream(swapped), "fees.csv", ZIPS));
    assertEquals(
        "fees.csv, line 6, column 7: FLOOR: expected an amount no higher than the row's ceiling"
            + " 56.05, found '65.94'",
        e.getMessage());
  }

  /** A row with a Mod2 but no Mod is refused at the empty Mod's column, not only its line. */
  @Test
  void aDmeposRowWithASecondModifierOnlyNamesItsColumn() {
    String shifted = DMEPOS.replace("E0601,RR,,D,CR,", "E0601,,RR,D,CR,");
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> DmeposFile.read(stream(shifted), "fees.csv", ZIPS));
    assertEquals(
        "fees.csv, line 8, column 2: MOD: expected a modifier, since the row's MOD2 has one, RR"
            + " (CMS's file never has a second modifier without a first), found ''",
        e.getMessage());
  }

  /**
   * A row whose two modifiers are another row's in the other order: a line's modifiers select a row
   * whatever their order, so E0601-RR-KU would match both and be refused as ambiguous. The load
   * refuses the second row instead, naming the first; two different pairs load.
   */
  @Test
  void aDmeposPairOfModifiersInTheOtherOrderIsRefused() throws Exception {
    String pairs =
        DMEPOS
            + "E0601,RR,KU,D,CR,0.00,0.00,70.00,0.00,0.00,0.00,x\n"
            + "E0601,KU,RR,D,CR,0.00,0.00,71.00,0.00,0.00,0.00,x\n";
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> DmeposFile.read(stream(pairs), "fees.csv", ZIPS));
    assertEquals(
        "fees.csv, line 10, column 2: MOD: row E0601-KU-RR has the modifiers of row E0601-RR-KU"
            + " (line 9) in the other order: expected each pair of modifiers on one row (a claim"
            + " line's modifiers select a row whatever their order)",
        e.getMessage());
    String different = pairs.replace("E0601,KU,RR,", "E0601,RR,KJ,");
    assertEquals(5, DmeposFile.read(stream(different), "fees.csv", ZIPS).fees().size());
  }

  @Test
  void dmeposErrorsNameFileLineAndColumn() {
    DataLoadException category =
        assertThrows(
            DataLoadException.class,
            () -> DmeposFile.read(stream(DMEPOS.replace(",CR,", ",ZZ,")), "fees.csv", ZIPS));
    assertEquals(8, category.line());
    assertEquals(5, category.column());
    DataLoadException amount =
        assertThrows(
            DataLoadException.class,
            () -> DmeposFile.read(stream(DMEPOS.replace("61.45", "61.456")), "fees.csv", ZIPS));
    assertEquals(8, amount.column());
    assertTrue(amount.getMessage().contains("NY (NR)"), amount.getMessage());
    DataLoadException rural =
        assertThrows(
            DataLoadException.class,
            () -> DmeposFile.read(stream(DMEPOS.replace("PR (R)", "PR (X)")), "fees.csv", ZIPS));
    assertTrue(rural.getMessage().contains("PR (R)"), rural.getMessage());
    DataLoadException quarter =
        assertThrows(
            DataLoadException.class,
            () ->
                DmeposFile.read(
                    stream(DMEPOS.replace("January 2025 Fee Schedule", "")), "fees.csv", ZIPS));
    assertTrue(quarter.getMessage().contains("no quarter"), quarter.getMessage());
  }

  @Test
  void readsRuralZipCodesOverStates() throws Exception {
    DmeposZipTable states = DmeposZipTable.builder().state(10000, 14999, "NY").build();
    DmeposZipTable zips =
        DmeposRuralZipFile.read(
            stream(
                LoaderFixtures.SUBSET
                    + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\nNY,10985,202501\nMO,63036,202501\n"),
            "rural.csv",
            states);
    assertEquals(Optional.of(new DmeposArea("NY", true)), zips.find("10985"));
    assertEquals(Optional.of(new DmeposArea("NY", false)), zips.find("10001"));
    assertEquals(Optional.of(new DmeposArea("MO", true)), zips.find("63036"));
    assertFalse(zips.find("63037").isPresent());
    DataLoadException twice =
        assertThrows(
            DataLoadException.class,
            () ->
                DmeposRuralZipFile.read(
                    stream("STATE,DMEPOS RURAL ZIP CODE\nNY,10985\nNY,10985\n"), "r.csv", states));
    assertTrue(twice.getMessage().contains("lines 2 and 3"), twice.getMessage());
    DataLoadException zip =
        assertThrows(
            DataLoadException.class,
            () -> DmeposRuralZipFile.read(stream("STATE,ZIP\nNY,1098x\n"), "r.csv", states));
    assertEquals(2, zip.column());
  }

  static final String ASP =
      LoaderFixtures.SUBSET
          + "Payment Allowance Limits for Medicare Part B Drugs,,,,,,,,,,,\n"
          + ",,,,,,,,,,,\n"
          + "\"Effective January 1, 2025 through March 31, 2025\",,,,,,,,,,,\n"
          + "Note 1: a note.,,,,,,,,,,,\n"
          + "HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit,Co-insurance Percentage,"
          + "Vaccine AWP%,Vaccine Limit,Blood AWP%,Blood limit,Clotting Factor,Notes,\n"
          + "J1100,not read,1 MG,0.108,20.000,,,,,,,\n"
          + "A9606,not read,1 microCurie,N/A,20.00,,,,,,\"two\nlines\",\n"
          + "J3301,not read,10 MG,0.898,20.000,,,,,,,\n";

  @Test
  void readsTheAspLayout() throws Exception {
    AspFeeSchedule asp = AspFile.read(stream(ASP), "drugs.csv");
    assertEquals(Quarter.of(2025, 1), asp.quarter());
    assertEquals(3, asp.limits().size());
    assertEquals(
        Optional.of(new BigDecimal("0.108")),
        asp.find(ProcedureCode.parse("J1100")).orElseThrow().paymentLimit());
    assertEquals("1 MG", asp.find(ProcedureCode.parse("J1100")).orElseThrow().dosage());
    assertEquals(
        Optional.empty(), asp.find(ProcedureCode.parse("A9606")).orElseThrow().paymentLimit());
    assertEquals(
        Quarter.of(2025, 2),
        AspFile.read(
                stream(
                    ASP.replace(
                        "January 1, 2025 through March 31, 2025",
                        "April 1, 2025 through June 30, 2025")),
                "x.csv")
            .quarter());
    assertEquals(
        Quarter.of(2025, 3),
        AspFile.read(
                stream(ASP.replace("Effective January 1, 2025 through March 31, 2025", "")),
                "ASP_2025_JUL.csv")
            .quarter());
  }

  /** The layout of CMS's files before April 2023: no coinsurance column. */
  static final String ASP_2022 =
      LoaderFixtures.SUBSET
          + "Payment Allowance Limits for Medicare Part B Drugs,,,,,,,,,\n"
          + ",,,,,,,,,\n"
          + "\"Effective January 1, 2022 through March 31, 2022\",,,,,,,,,\n"
          + "HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit,Vaccine AWP%,"
          + "Vaccine Limit,Blood AWP%,Blood limit,Clotting Factor,Notes\n"
          + "J1100,not read,1 MG,0.101,,,,,,\n"
          + "A9606,not read,1 microCurie,N/A,,,,,,\n"
          + "J3301,not read,10 MG,0.912,,,,,,\n";

  /**
   * A file of a quarter before April 2023, the first whose file gives each drug's coinsurance (the
   * Inflation Reduction Act's adjustment), loads without one; a file of that quarter or later
   * without the column is refused as damaged, saying since when CMS's files have it.
   */
  @Test
  void aspFilesBeforeApril2023HaveNoCoinsurance() throws Exception {
    AspFeeSchedule asp = AspFile.read(stream(ASP_2022), "drugs.csv");
    assertEquals(Quarter.of(2022, 1), asp.quarter());
    AspLimit j1100 = asp.find(ProcedureCode.parse("J1100")).orElseThrow();
    assertEquals(Optional.of(new BigDecimal("0.101")), j1100.paymentLimit());
    assertEquals(Optional.empty(), j1100.coinsurancePercent());
    assertEquals(
        Optional.empty(), asp.find(ProcedureCode.parse("A9606")).orElseThrow().paymentLimit());
    assertEquals(
        Quarter.of(2023, 1),
        AspFile.read(
                stream(
                    ASP_2022.replace(
                        "January 1, 2022 through March 31, 2022",
                        "January 1, 2023 through March 31, 2023")),
                "drugs.csv")
            .quarter());
    for (String effective :
        new String[] {
          "April 1, 2023 through June 30, 2023", "January 1, 2025 through March 31, 2025"
        }) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () ->
                  AspFile.read(
                      stream(ASP_2022.replace("January 1, 2022 through March 31, 2022", effective)),
                      "drugs.csv"));
      assertEquals(5, e.line(), e::getMessage);
      assertTrue(
          e.getMessage()
              .contains(
                  "missing column \"CO-INSURANCE PERCENTAGE\", which CMS's files have since"
                      + " 2023-Q2, and this one is of "),
          e::getMessage);
    }
    // The 2025 layout's rows keep the coinsurance they give.
    assertEquals(
        Optional.of(new BigDecimal("20.000")),
        AspFile.read(stream(ASP), "drugs.csv")
            .find(ProcedureCode.parse("J1100"))
            .orElseThrow()
            .coinsurancePercent());
  }

  /**
   * A dosage prints into every explanation of a drug priced with it: a control character there is a
   * damaged file, refused at its line and column as a damaged number is, not loaded in silence.
   */
  @Test
  void aDosageWithAControlCharacterIsRefusedAtItsCell() {
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> AspFile.read(stream(ASP.replace("10 MG", "10\u0007MG")), "drugs.csv"));
    assertEquals("drugs.csv", e.sourceName());
    // Line 10: the notes cell of line 8 spans two lines.
    assertEquals(10, e.line());
    assertEquals(3, e.column());
    assertTrue(
        e.getMessage().contains("contains control character U+0007 at index 2"), e.getMessage());
  }

  @Test
  void aspErrorsNameFileLineAndColumn() {
    DataLoadException limit =
        assertThrows(
            DataLoadException.class,
            () -> AspFile.read(stream(ASP.replace("0.898", "0.8981")), "drugs.csv"));
    // Line 10: the notes cell of line 8 spans two lines.
    assertEquals(10, limit.line());
    assertEquals(4, limit.column());
    DataLoadException code =
        assertThrows(
            DataLoadException.class,
            () -> AspFile.read(stream(ASP.replace("J3301", "J33")), "drugs.csv"));
    assertEquals(1, code.column());
    DataLoadException missing =
        assertThrows(
            DataLoadException.class,
            () -> AspFile.read(stream(ASP.replace("Payment Limit", "Limit")), "drugs.csv"));
    assertTrue(missing.getMessage().contains("PAYMENT LIMIT"), missing.getMessage());
    DataLoadException huge =
        assertThrows(
            DataLoadException.class,
            () -> AspFile.read(stream(ASP.replace("0.898", "100000000")), "drugs.csv"));
    assertTrue(
        huge.getMessage().contains("expected a number above 0 and at most 99999999.999"),
        huge.getMessage());
  }

  /**
   * A row effective after the quarter's last day is never priced in it: the file is a later
   * quarter's (a Q2 file lists its new codes from April 1), renamed or read for this quarter.
   */
  @Test
  void clfsRowEffectiveAfterTheQuarterIsRefused() throws Exception {
    String secondQuarter = CLFS.replace("G0471,,20250201", "G0471,,20250401");
    DataLoadException named =
        assertThrows(DataLoadException.class, () -> clfs(secondQuarter, "CLFS_2025_Q1V1.csv"));
    assertEquals(9, named.line());
    assertEquals(4, named.column());
    assertTrue(
        named
            .getMessage()
            .contains(
                "EFF_DATE: expected a date no later than 2025-03-31, the last day of 2025-Q1,"
                    + " the quarter the file's name gives, found '20250401'"),
        named.getMessage());
    DataLoadException given =
        assertThrows(
            DataLoadException.class,
            () -> ClfsFile.read(stream(secondQuarter), "lab.csv", Quarter.of(2025, 1)));
    assertTrue(given.getMessage().contains("the quarter the file is read for"), given.getMessage());
    // Its own quarter, by name or by its latest date, reads it.
    assertEquals(Quarter.of(2025, 2), clfs(secondQuarter, "CLFS_2025_Q2V1.csv").quarter());
    assertEquals(Quarter.of(2025, 2), clfs(secondQuarter, "lab.csv").quarter());
  }

  /**
   * A row effective before the first day of its file's year is refused at its date: CMS's file of a
   * year dates every row from that year's first day at the earliest (all 2,087 rows of {@code
   * CLFS_2025_Q1V1.csv} are effective 20250101), so an earlier date is another year's row, or a
   * damaged one. The file's year is the quarter's the file is read for or named for, else its
   * {@code YEAR} column's, else its latest effective date's; the error says which.
   */
  @Test
  void clfsRowEffectiveBeforeItsFilesYearIsRefused() throws Exception {
    String lastYear = CLFS.replace("G0471,,20250201", "G0471,,20241231");
    DataLoadException named =
        assertThrows(DataLoadException.class, () -> clfs(lastYear, "CLFS_2025_Q1V1.csv"));
    assertEquals("CLFS_2025_Q1V1.csv", named.sourceName());
    assertEquals(9, named.line());
    assertEquals(4, named.column());
    assertTrue(
        named
            .getMessage()
            .contains(
                "EFF_DATE: expected a date no earlier than 2025-01-01, the first day of 2025, the"
                    + " year of 2025-Q1, the quarter the file's name gives, found '20241231'"),
        named.getMessage());
    DataLoadException readFor =
        assertThrows(
            DataLoadException.class,
            () -> ClfsFile.read(stream(lastYear), "lab.csv", Quarter.of(2025, 3)));
    assertEquals(9, readFor.line());
    assertEquals(4, readFor.column());
    assertTrue(
        readFor
            .getMessage()
            .contains(
                "expected a date no earlier than 2025-01-01, the first day of 2025, the year of"
                    + " 2025-Q3, the quarter the file is read for, found '20241231'"),
        readFor.getMessage());
    // Without a quarter, the YEAR column gives the year.
    DataLoadException byYear =
        assertThrows(DataLoadException.class, () -> clfs(lastYear, "lab.csv"));
    assertEquals(9, byYear.line());
    assertEquals(4, byYear.column());
    assertTrue(
        byYear
            .getMessage()
            .contains(
                "expected a date no earlier than 2025-01-01, the first day of 2025, the year of"
                    + " the file's YEAR column, found '20241231'"),
        byYear.getMessage());
    // Without a quarter or a YEAR column, the latest effective date gives it; the earliest row is
    // named, wherever it stands.
    String noYear =
        LoaderFixtures.SUBSET
            + "HCPCS,MOD,EFF_DATE,INDICATOR,RATE,SHORTDESC\n"
            + "80053,,20250101,N,10.56,not read\n"
            + "82947,,20241001,N,3.93,not read\n"
            + "85025,,20240101,N,7.77,not read\n"
            + "G0471,,20250201,N,11.09,not read\n";
    DataLoadException byLatest =
        assertThrows(DataLoadException.class, () -> clfs(noYear, "lab.csv"));
    assertEquals(5, byLatest.line());
    assertEquals(3, byLatest.column());
    assertTrue(
        byLatest
            .getMessage()
            .contains(
                "EFF_DATE: expected a date no earlier than 2025-01-01, the first day of 2025, the"
                    + " year of the file's latest EFF_DATE, 2025-02-01, found '20240101'"),
        byLatest.getMessage());
    // The year's first day is the earliest date read; rows of the same year, or all of an earlier
    // year read for it, load.
    assertEquals(
        Quarter.of(2025, 1),
        clfs(CLFS.replace("G0471,,20250201", "G0471,,20250101"), "CLFS_2025_Q1V1.csv").quarter());
    assertEquals(Quarter.of(2025, 4), clfs(noYear.replace(",2024", ",2025"), "lab.csv").quarter());
    assertEquals(
        Quarter.of(2024, 4),
        ClfsFile.read(stream(noYear.replace(",2025", ",2024")), "lab.csv", Quarter.of(2024, 4))
            .quarter());
  }

  /**
   * CMS's title row of a CLFS file names its year ("2025 Clinical Diagnostic Laboratory Fee
   * Schedule"): a title of another year than the quarter the file is read for or named for, its
   * {@code YEAR} column or the quarter of its latest date is another year's file renamed or
   * mislabelled, refused at the title's cell, where it loaded as the quarter asked for.
   */
  @Test
  void clfsTitleOfAnotherYearIsRefused() throws Exception {
    String lastYearTitle = CLFS.replace("2025 Clinical", "2024 Clinical");
    String says =
        "line 2, column 1: the title says '2024 Clinical Diagnostic Laboratory Fee Schedule',"
            + " year 2024, but the file";
    String refused = ": a file of another year is refused, not priced as this one";
    assertEquals(
        "CLFS_2025_Q1V1.csv, " + says + " is named for 2025-Q1" + refused,
        assertThrows(DataLoadException.class, () -> clfs(lastYearTitle, "CLFS_2025_Q1V1.csv"))
            .getMessage());
    assertEquals(
        "lab.csv, " + says + " is read for 2025-Q1" + refused,
        assertThrows(
                DataLoadException.class,
                () -> ClfsFile.read(stream(lastYearTitle), "lab.csv", Quarter.of(2025, 1)))
            .getMessage());
    assertEquals(
        "CLFS_2025_Q1V1.csv, " + says + " is read for 2025-Q1 and named for 2025-Q1" + refused,
        assertThrows(
                DataLoadException.class,
                () ->
                    ClfsFile.read(stream(lastYearTitle), "CLFS_2025_Q1V1.csv", Quarter.of(2025, 1)))
            .getMessage());
    // Without a quarter, the YEAR column's year, at its first row.
    assertEquals(
        "lab.csv, " + says + "'s YEAR column says 2025, on line 6" + refused,
        assertThrows(DataLoadException.class, () -> clfs(lastYearTitle, "lab.csv")).getMessage());
    // Without a YEAR column either, the quarter of the latest date.
    String noYear =
        LoaderFixtures.SUBSET
            + "2024 Clinical Diagnostic Laboratory Fee Schedule ,,,,,\n"
            + "HCPCS,MOD,EFF_DATE,INDICATOR,RATE,SHORTDESC\n"
            + "80053,,20250101,N,10.56,not read\n"
            + "G0471,,20250201,N,11.09,not read\n";
    assertEquals(
        "lab.csv, " + says + "'s latest EFF_DATE, 2025-02-01 on line 5, is of 2025-Q1" + refused,
        assertThrows(DataLoadException.class, () -> clfs(noYear, "lab.csv")).getMessage());
    // A file of one year read as such loads.
    assertEquals(Quarter.of(2025, 1), clfs(CLFS, "CLFS_2025_Q1V1.csv").quarter());
    assertEquals(
        Quarter.of(2024, 1),
        clfs(noYear.replace(",2025", ",2024"), "CLFS_2024_Q1V1.csv").quarter());
  }

  /**
   * Without a quarter or a {@code YEAR} column, the title's year is the file's: a row dated before
   * it is refused, saying so, and a file of last year's rows alone under it, which loaded as last
   * year's, is refused at the title.
   */
  @Test
  void clfsTitleGivesTheYearWhenNothingElseDoes() throws Exception {
    String title = "2025 Clinical Diagnostic Laboratory Fee Schedule ,,,,,\n";
    String titled =
        LoaderFixtures.SUBSET
            + title
            + "HCPCS,MOD,EFF_DATE,INDICATOR,RATE,SHORTDESC\n"
            + "80053,,20250101,N,10.56,not read\n"
            + "85025,,20240101,N,7.77,not read\n";
    assertEquals(
        "lab.csv, line 5, column 3: EFF_DATE: expected a date no earlier than 2025-01-01, the"
            + " first day of 2025, the year of the file's title, found '20240101'",
        assertThrows(DataLoadException.class, () -> clfs(titled, "lab.csv")).getMessage());
    DataLoadException lastYear =
        assertThrows(
            DataLoadException.class, () -> clfs(titled.replace("20250101", "20240401"), "lab.csv"));
    assertEquals(2, lastYear.line());
    assertEquals(1, lastYear.column());
    assertTrue(
        lastYear
            .getMessage()
            .contains(
                "the title says '2025 Clinical Diagnostic Laboratory Fee Schedule', year 2025, but"
                    + " the file's latest EFF_DATE, 2024-04-01 on line 4, is of 2024-Q2"),
        lastYear.getMessage());
    // A title after a notice is the title; a title without a year, a year in another preamble row
    // (a notice, a note) or no title at all is no source and no error.
    for (String preamble :
        List.of(
            "\"A notice, copyright 2023\",,,,,\n" + title,
            "Clinical Diagnostic Laboratory Fee Schedule ,,,,,\n",
            "Clinical Laboratory Fee Schedule,,,,,\n\"A note of May 11, 2023\",,,,,\n",
            "\"A notice, copyright 2023\",,,,,\n",
            "")) {
      String text = titled.replace(title, preamble).replace("20240101", "20250101");
      assertEquals(Quarter.of(2025, 1), clfs(text, "lab.csv").quarter(), preamble);
      assertEquals(Quarter.of(2025, 1), clfs(text, "CLFS_2025_Q1V1.csv").quarter(), preamble);
      assertEquals(
          Quarter.of(2025, 3),
          ClfsFile.read(stream(text), "lab.csv", Quarter.of(2025, 3)).quarter(),
          preamble);
    }
    // A title without a year does not stop a later quarter's file being read for its own.
    String noYearTitle = titled.replace(title, "Clinical Laboratory Fee Schedule,,,,,\n");
    assertEquals(
        Quarter.of(2026, 1),
        clfs(noYearTitle.replace(",2025", ",2026").replace(",2024", ",2026"), "lab.csv").quarter());
  }

  /** The title of a DMEPOS or ASP file names its quarter: another name or caller is refused. */
  @Test
  void dmeposAndAspFilesOfAnotherQuarterAreRefused() throws Exception {
    DataLoadException renamed =
        assertThrows(
            DataLoadException.class,
            () -> DmeposFile.read(stream(DMEPOS), "DMEPOS_2025_APR.csv", ZIPS));
    assertEquals(3, renamed.line());
    assertEquals(1, renamed.column());
    assertTrue(
        renamed
            .getMessage()
            .contains(
                "the title says 'January 2025', quarter 2025-Q1, but the file is named for"
                    + " 2025-Q2"),
        renamed.getMessage());
    DataLoadException readFor =
        assertThrows(
            DataLoadException.class,
            () -> DmeposFile.read(stream(DMEPOS), "fees.csv", ZIPS, Quarter.of(2025, 2)));
    assertTrue(readFor.getMessage().contains("read for 2025-Q2"), readFor.getMessage());
    assertEquals(
        Quarter.of(2025, 1),
        DmeposFile.read(stream(DMEPOS), "DMEPOS_2025_JAN.csv", ZIPS, Quarter.of(2025, 1))
            .quarter());
    DataLoadException lastYear =
        assertThrows(DataLoadException.class, () -> AspFile.read(stream(ASP), "ASP_2024_JAN.csv"));
    assertEquals(4, lastYear.line());
    assertEquals(1, lastYear.column());
    assertTrue(lastYear.getMessage().contains("named for 2024-Q1"), lastYear.getMessage());
    assertThrows(
        DataLoadException.class, () -> AspFile.read(stream(ASP), "drugs.csv", Quarter.of(2025, 2)));
    assertEquals(Quarter.of(2025, 1), AspFile.read(stream(ASP), "ASP_2025_JAN.csv").quarter());
  }

  /** Reads a DMEPOS or an ASP file, for {@code given} when there is one, to its quarter. */
  private interface QuarterlyLoader {
    Quarter read(String text, String name, Optional<Quarter> given) throws Exception;
  }

  private static final QuarterlyLoader DMEPOS_LOADER =
      (text, name, given) ->
          (given.isPresent()
                  ? DmeposFile.read(stream(text), name, ZIPS, given.get())
                  : DmeposFile.read(stream(text), name, ZIPS))
              .quarter();

  private static final QuarterlyLoader ASP_LOADER =
      (text, name, given) ->
          (given.isPresent()
                  ? AspFile.read(stream(text), name, given.get())
                  : AspFile.read(stream(text), name))
              .quarter();

  /**
   * A DMEPOS or ASP file can say its quarter in three places: the quarter it is read for, its name
   * and its title. Every two of them that are there must agree, and the error names the two that do
   * not (the title, when it is one of them, at its cell). With a quarter given, the name used to be
   * compared with nothing when the file had a title: {@code ASP_2025_APR.csv} titled January and
   * read for January loaded as January's.
   */
  @Test
  void dmeposAndAspQuarterOfNameTitleAndCallerMustAllAgree() throws Exception {
    Quarter q1 = Quarter.of(2025, 1);
    Quarter q2 = Quarter.of(2025, 2);
    Quarter q3 = Quarter.of(2025, 3);
    record Kind(
        QuarterlyLoader loader,
        String titled,
        String title,
        int titleLine,
        String january,
        String april,
        String july,
        String unnamed) {
      String untitled() {
        return titled.replace(title, "");
      }
    }
    List<Kind> kinds =
        List.of(
            new Kind(
                DMEPOS_LOADER,
                DMEPOS,
                "January 2025",
                3,
                "DMEPOS_2025_JAN.csv",
                "DMEPOS_2025_APR.csv",
                "DMEPOS_2025_JUL.csv",
                "fees.csv"),
            new Kind(
                ASP_LOADER,
                ASP,
                "January 1, 2025 through March 31, 2025",
                4,
                "ASP_2025_JAN.csv",
                "ASP_2025_APR.csv",
                "ASP_2025_JUL.csv",
                "drugs.csv"));
    for (Kind k : kinds) {
      String titleSays = "the title says '" + k.title() + "', quarter 2025-Q1, but the file is ";
      // The caller and the name, without a title.
      DataLoadException nameAndCaller =
          refused(k.loader(), k.untitled(), k.april(), Optional.of(q1), 0, 0);
      assertTrue(
          nameAndCaller
              .getMessage()
              .contains("the file's name says 2025-Q2 but the file is read for 2025-Q1"),
          nameAndCaller.getMessage());
      // The caller and the title, under a name without a quarter.
      DataLoadException titleAndCaller =
          refused(k.loader(), k.titled(), k.unnamed(), Optional.of(q2), k.titleLine(), 1);
      assertTrue(
          titleAndCaller.getMessage().contains(titleSays + "read for 2025-Q2: "),
          titleAndCaller.getMessage());
      // The name and the title, without a quarter given.
      DataLoadException titleAndName =
          refused(k.loader(), k.titled(), k.april(), Optional.empty(), k.titleLine(), 1);
      assertTrue(
          titleAndName.getMessage().contains(titleSays + "named for 2025-Q2: "),
          titleAndName.getMessage());
      // All three: the name disagrees with the title and the caller, which agree.
      DataLoadException onlyTheName =
          refused(k.loader(), k.titled(), k.april(), Optional.of(q1), k.titleLine(), 1);
      assertTrue(
          onlyTheName.getMessage().contains(titleSays + "named for 2025-Q2: "),
          onlyTheName.getMessage());
      // The caller disagrees with the title and the name, which agree.
      DataLoadException onlyTheCaller =
          refused(k.loader(), k.titled(), k.january(), Optional.of(q2), k.titleLine(), 1);
      assertTrue(
          onlyTheCaller.getMessage().contains(titleSays + "read for 2025-Q2: "),
          onlyTheCaller.getMessage());
      // The title disagrees with the caller and the name, which agree; and all three differ.
      DataLoadException onlyTheTitle =
          refused(k.loader(), k.titled(), k.april(), Optional.of(q2), k.titleLine(), 1);
      assertTrue(
          onlyTheTitle
              .getMessage()
              .contains(titleSays + "read for 2025-Q2 and named for 2025-Q2: "),
          onlyTheTitle.getMessage());
      DataLoadException allDiffer =
          refused(k.loader(), k.titled(), k.april(), Optional.of(q3), k.titleLine(), 1);
      assertTrue(
          allDiffer.getMessage().contains(titleSays + "read for 2025-Q3 and named for 2025-Q2: "),
          allDiffer.getMessage());
      // Whatever sources agree load, as that quarter.
      assertEquals(q1, k.loader().read(k.titled(), k.january(), Optional.of(q1)));
      assertEquals(q1, k.loader().read(k.titled(), k.january(), Optional.empty()));
      assertEquals(q1, k.loader().read(k.titled(), k.unnamed(), Optional.of(q1)));
      assertEquals(q1, k.loader().read(k.titled(), k.unnamed(), Optional.empty()));
      assertEquals(q3, k.loader().read(k.untitled(), k.july(), Optional.of(q3)));
      assertEquals(q3, k.loader().read(k.untitled(), k.july(), Optional.empty()));
      assertEquals(q2, k.loader().read(k.untitled(), k.unnamed(), Optional.of(q2)));
    }
  }

  /** The refusal of the file, at {@code line} and {@code column} (0: none). */
  private static DataLoadException refused(
      QuarterlyLoader loader,
      String text,
      String name,
      Optional<Quarter> given,
      long line,
      int column) {
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> loader.read(text, name, given));
    assertEquals(name, e.sourceName());
    assertEquals(line, e.line(), e::getMessage);
    assertEquals(column, e.column(), e::getMessage);
    assertTrue(
        e.getMessage().contains("a file of another quarter is refused, not priced as this one"),
        e::getMessage);
    return e;
  }

  /**
   * The title of an ASP file gives the first and the last day of its quarter ("Effective January 1,
   * 2025 through March 31, 2025"): a last day that is not the end of the quarter the first day
   * starts is a title for another period, or an edited one, and is refused at its cell.
   */
  @Test
  void aspTitleEndingOutsideItsQuarterIsRefused() throws Exception {
    for (String through :
        List.of("June 30, 2025", "March 31, 2026", "March 30, 2025", "December 31, 2024")) {
      String edited = ASP.replace("through March 31, 2025", "through " + through);
      for (String name : List.of("ASP_2025_JAN.csv", "drugs.csv")) {
        DataLoadException wrong =
            assertThrows(DataLoadException.class, () -> AspFile.read(stream(edited), name));
        assertEquals(4, wrong.line());
        assertEquals(1, wrong.column());
        assertTrue(
            wrong
                .getMessage()
                .contains(
                    "the title says 'January 1, 2025 through "
                        + through
                        + "', but quarter 2025-Q1 ends on 2025-03-31: a title for another period"
                        + " is refused, not priced as this quarter"),
            wrong.getMessage());
      }
      assertThrows(
          DataLoadException.class,
          () -> AspFile.read(stream(edited), "drugs.csv", Quarter.of(2025, 1)));
    }
    DataLoadException notADate =
        assertThrows(
            DataLoadException.class,
            () ->
                AspFile.read(
                    stream(ASP.replace("March 31, 2025", "February 30, 2025")), "drugs.csv"));
    assertEquals(4, notADate.line());
    assertEquals(1, notADate.column());
    assertTrue(
        notADate.getMessage().contains("'February 30, 2025' is not a date"), notADate.getMessage());
    // A title that ends its own quarter, in words or abbreviated, or gives no last day, is read.
    String april = ASP.replace("January 1, 2025 through March 31, 2025", "April 1, 2025");
    assertEquals(Quarter.of(2025, 2), AspFile.read(stream(april), "x.csv").quarter());
    assertEquals(
        Quarter.of(2025, 2),
        AspFile.read(
                stream(
                    ASP.replace(
                        "January 1, 2025 through March 31, 2025",
                        "April 1, 2025 through Jun 30, 2025")),
                "x.csv")
            .quarter());
    assertEquals(
        Quarter.of(2025, 4),
        AspFile.read(
                stream(
                    ASP.replace(
                        "January 1, 2025 through March 31, 2025",
                        "October 1, 2025 through December 31, 2025")),
                "ASP_2025_OCT.csv",
                Quarter.of(2025, 4))
            .quarter());
  }

  /**
   * The title of an ASP file starts its period on the quarter's first day ("Effective January 1,
   * 2025"), as every ASP file of CMS does: a title starting on another day of the quarter (a
   * mid-quarter start, which CMS publishes on other pages, not as an ASP file) is refused at its
   * cell, read by name or for its quarter, rather than priced from the quarter's first day.
   */
  @Test
  void aspTitleStartingAfterItsQuartersFirstDayIsRefused() throws Exception {
    for (String from : List.of("February 1, 2025", "January 2, 2025", "March 31, 2025")) {
      String edited = ASP.replace("January 1, 2025 through", from + " through");
      for (String name : List.of("ASP_2025_JAN.csv", "drugs.csv")) {
        DataLoadException wrong =
            assertThrows(DataLoadException.class, () -> AspFile.read(stream(edited), name));
        assertEquals(4, wrong.line());
        assertEquals(1, wrong.column());
        assertTrue(
            wrong
                .getMessage()
                .contains(
                    "the title says '"
                        + from
                        + " through March 31, 2025', but quarter 2025-Q1 starts on 2025-01-01:"
                        + " CMS's quarterly files start on the quarter's first day, so a title"
                        + " starting on another is refused, not priced as this quarter"),
            wrong.getMessage());
      }
      DataLoadException given =
          assertThrows(
              DataLoadException.class,
              () -> AspFile.read(stream(edited), "drugs.csv", Quarter.of(2025, 1)));
      assertTrue(given.getMessage().contains("starts on 2025-01-01"), given.getMessage());
    }
    // Without a "through" date too, and another quarter's mid-quarter start.
    assertThrows(
        DataLoadException.class,
        () ->
            AspFile.read(
                stream(ASP.replace("January 1, 2025 through March 31, 2025", "May 15, 2025")),
                "x.csv"));
    assertThrows(
        DataLoadException.class,
        () ->
            AspFile.read(
                stream(
                    ASP.replace(
                        "January 1, 2025 through March 31, 2025",
                        "August 1, 2025 through September 30, 2025")),
                "x.csv"));
    DataLoadException notADate =
        assertThrows(
            DataLoadException.class,
            () ->
                AspFile.read(
                    stream(ASP.replace("January 1, 2025", "February 30, 2025")), "drugs.csv"));
    assertEquals(4, notADate.line());
    assertEquals(1, notADate.column());
    assertTrue(
        notADate
            .getMessage()
            .contains(
                "the title says 'February 30, 2025 through March 31, 2025', but its first day is"
                    + " not a date: expected the first day of 2025-Q1, 2025-01-01"),
        notADate.getMessage());
    // The first day of each quarter, with a day written as 01, and a title without a day, are read.
    assertEquals(
        Quarter.of(2025, 3),
        AspFile.read(
                stream(
                    ASP.replace(
                        "January 1, 2025 through March 31, 2025",
                        "July 01, 2025 through September 30, 2025")),
                "x.csv")
            .quarter());
    assertEquals(
        Quarter.of(2025, 1),
        AspFile.read(
                stream(ASP.replace("January 1, 2025 through March 31, 2025", "January 2025")),
                "x.csv")
            .quarter());
  }

  /**
   * A CLFS file says its quarter only in the name CMS gives it ({@code CLFS_2025_Q1V1.csv}): the
   * title and the YEAR column give the year, and an unchanged code keeps the year's first effective
   * date in every quarter. A file whose name gives another quarter than the one it is read for is
   * refused.
   */
  @Test
  void clfsNamedForAnotherQuarterThanItIsReadForIsRefused() throws Exception {
    DataLoadException later =
        assertThrows(
            DataLoadException.class,
            () -> ClfsFile.read(stream(CLFS), "CLFS_2025_Q1V1.csv", Quarter.of(2025, 2)));
    assertEquals("CLFS_2025_Q1V1.csv", later.sourceName());
    assertEquals(0, later.line());
    assertTrue(
        later
            .getMessage()
            .contains(
                "the file's name says 2025-Q1 but the file is read for 2025-Q2: a file of another"
                    + " quarter is refused, not priced as this one"),
        later.getMessage());
    assertThrows(
        DataLoadException.class,
        () -> ClfsFile.read(stream(CLFS), "CLFS_2025_Q2V1.csv", Quarter.of(2025, 1)));
    // Its own quarter reads it; a name without a quarter cannot be checked (see ClfsFile).
    assertEquals(
        Quarter.of(2025, 1),
        ClfsFile.read(stream(CLFS), "CLFS_2025_Q1V2.csv", Quarter.of(2025, 1)).quarter());
    assertEquals(
        Quarter.of(2025, 2), ClfsFile.read(stream(CLFS), "lab.csv", Quarter.of(2025, 2)).quarter());
  }

  /**
   * CMS names the CSV file of its CLFS download with spaces, {@code CLFS 2025 Q2V1.csv}: that name
   * gives the quarter as the one with underscores does. Read as a name without a quarter, a first
   * quarter's file was read for the second without a word, and a second quarter's file whose rows
   * all keep January's effective date loaded as the first quarter.
   */
  @Test
  void clfsNamedWithSpacesAsCmsNamesItGivesItsQuarter() throws Exception {
    DataLoadException later =
        assertThrows(
            DataLoadException.class,
            () -> ClfsFile.read(stream(CLFS), "CLFS 2025 Q1V1.csv", Quarter.of(2025, 2)));
    assertTrue(
        later
            .getMessage()
            .contains("the file's name says 2025-Q1 but the file is read for 2025-Q2"),
        later.getMessage());
    assertEquals(Quarter.of(2025, 2), clfs(CLFS, "CLFS 2025 Q2V1.csv").quarter());
    assertEquals(Quarter.of(2025, 1), clfs(CLFS, "CLFS 2025 Q1V1.csv").quarter());
  }

  /**
   * The YEAR/QTR column of a rural ZIP file names its quarter, the same on every row; another is
   * refused in the words the lab file's YEAR column is ({@link
   * #clfsRowsOfAnotherYearThanTheQuarterAreRefused}).
   */
  @Test
  void ruralZipCodesOfAnotherQuarterAreRefused() throws Exception {
    DmeposZipTable states = DmeposZipTable.builder().state(10000, 14999, "NY").build();
    String rural =
        LoaderFixtures.SUBSET
            + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\nNY,10985,202501\nNY,12010,202501\n";
    assertEquals(
        2,
        DmeposRuralZipFile.read(stream(rural), "DME_Rural_ZIP_2025_Q1.csv", states).ruralCount());
    // The list's quarter is kept, for the DMEPOS schedule to say when it prices another quarter.
    assertEquals(
        Optional.of(Quarter.of(2025, 1)),
        DmeposRuralZipFile.read(stream(rural), "rural.csv", states).ruralQuarter());
    assertEquals(
        Optional.of(Quarter.of(2025, 1)),
        DmeposRuralZipFile.read(
                stream(LoaderFixtures.SUBSET + "STATE,DMEPOS RURAL ZIP CODE\nNY,10985\n"),
                "DME_Rural_ZIP_2025_Q1.csv",
                states)
            .ruralQuarter());
    DataLoadException renamed =
        assertThrows(
            DataLoadException.class,
            () -> DmeposRuralZipFile.read(stream(rural), "DME_Rural_ZIP_2025_Q2.csv", states));
    assertEquals(3, renamed.line());
    assertEquals(3, renamed.column());
    assertTrue(
        renamed
            .getMessage()
            .contains(
                "line 3, column 3: YEAR/QTR: expected 202502, 2025-Q2, the quarter the file's"
                    + " name gives, found '202501'"),
        renamed.getMessage());
    DataLoadException mixed =
        assertThrows(
            DataLoadException.class,
            () ->
                DmeposRuralZipFile.read(
                    stream(rural.replace("12010,202501", "12010,202404")), "rural.csv", states));
    assertEquals(4, mixed.line());
    assertTrue(
        mixed
            .getMessage()
            .contains(
                "YEAR/QTR: expected 202501, 2025-Q1, the quarter of the file's first row, found"
                    + " '202404'"),
        mixed.getMessage());
    DataLoadException notAQuarter =
        assertThrows(
            DataLoadException.class,
            () ->
                DmeposRuralZipFile.read(
                    stream(rural.replace("10985,202501", "10985,202505")), "rural.csv", states));
    assertEquals(3, notAQuarter.column());
  }

  /** A row cut short is refused at its first missing field, named. */
  @Test
  void aTruncatedRowNamesItsFirstMissingColumn() {
    DataLoadException lab =
        assertThrows(
            DataLoadException.class,
            () ->
                clfs(
                    CLFS.replace("2025,0420U,,20250101,L,00000.00,not read", "2025,0420U,,2025"),
                    "c.csv"));
    assertEquals(8, lab.line());
    assertEquals(7, lab.column());
    assertTrue(
        lab.getMessage()
            .contains("expected 9 fields as in the header, found 6: the row ends before SHORTDESC"),
        lab.getMessage());
    DataLoadException drug =
        assertThrows(
            DataLoadException.class,
            () ->
                AspFile.read(
                    stream(ASP.replace("J3301,not read,10 MG,0.898,20.000,,,,,,,\n", "J3301\n")),
                    "d.csv"));
    assertEquals(2, drug.column());
    assertTrue(drug.getMessage().contains("ends before SHORT DESCRIPTION"), drug.getMessage());
  }

  /**
   * CMS's ASP header ends in a comma, so its 12th column has no name: a row cut short before it
   * (its trailing comma lost) is named by the column's place, where the message used to end in "the
   * row ends before " and nothing.
   */
  @Test
  void aRowCutBeforeAnUnnamedColumnNamesItsPlace() {
    DataLoadException drug =
        assertThrows(
            DataLoadException.class,
            () ->
                AspFile.read(
                    stream(
                        ASP.replace(
                            "J3301,not read,10 MG,0.898,20.000,,,,,,,\n",
                            "J3301,not read,10 MG,0.898,20.000,,,,,,\n")),
                    "ASP_2025_JAN.csv"));
    assertEquals(
        "ASP_2025_JAN.csv, line 10, column 12: expected 12 fields as in the header, found 11: the"
            + " row ends before its unnamed column 12",
        drug.getMessage());
  }

  /** A corrupted rate is refused, not priced: the largest real 2025 rate is 12,000.00. */
  @Test
  void aClfsRateBeyondAnyRealOneIsRefused() {
    DataLoadException huge =
        assertThrows(
            DataLoadException.class,
            () ->
                clfs(
                    CLFS.replace(
                        "00010.56,not read,not read,not read", "99999999999999999999999,x,x,x"),
                    "lab.csv"));
    assertEquals(6, huge.line());
    assertEquals(6, huge.column());
    assertTrue(
        huge.getMessage().contains("expected a number above 0 and at most 999999.99"),
        huge.getMessage());
  }
}
