package io.github.cpt4j.data.medicare;

import static io.github.cpt4j.data.medicare.LoaderFixtures.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.Quarter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every loader error says what and where, as the CSV loaders do: a fixed-width record cut short
 * names the first field of the layout it lacks, a renamed column is reported on the header row that
 * holds it, and a file without a title is checked against the quarter its name gives. The real
 * files' damaged copies run when {@code CPT4J_CMS_DIR} is set.
 */
class LoaderColumnsTest {

  @TempDir Path dir;

  // ZIP5: a record cut short.

  /** {@code count} ZIP5 records of 80 characters (the October 2025 layout), from ZIP 10001. */
  private static String zip5Records(int count) {
    StringBuilder text = new StringBuilder(LoaderFixtures.SUBSET);
    for (int i = 0; i < count; i++) {
      text.append(String.format("NY%05d1320299 Z9   0 A", 10_001 + i))
          .append(" ".repeat(52))
          .append("20254\r\n");
    }
    return text.toString();
  }

  /** {@code text} with the record on {@code line} (1-based) cut to {@code length} characters. */
  private static String cutRecord(String text, int line, int length) {
    String[] lines = text.split("\n", -1);
    lines[line - 1] = lines[line - 1].substring(0, length) + "\r";
    return String.join("\n", lines);
  }

  /** Every way a ZIP5 file is read, fast path or general, localities or states, gives one error. */
  private DataLoadException zip5Error(String text, String name) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve(name), bytes);
    DataLoadException first = assertThrows(DataLoadException.class, () -> Zip5File.read(file));
    List<Executable> others =
        List.of(
            () -> Zip5File.readStates(file),
            () -> Zip5File.readDated(file),
            () -> Zip5File.readDatedWithStates(file),
            () -> Zip5File.read(new ByteArrayInputStream(bytes), name),
            () -> Zip5File.readGeneral(bytes, name),
            () -> Zip5File.readStatesGeneral(bytes, name));
    for (Executable other : others) {
      assertEquals(
          first.getMessage(), assertThrows(DataLoadException.class, other).getMessage(), name);
    }
    return first;
  }

  @Test
  void zip5RecordCutShortNamesTheFirstFieldItLacks() throws IOException {
    String good = zip5Records(20);
    DataLoadException beforeFlag = zip5Error(cutRecord(good, 4, 17), "ZIP5_OCT2025.txt");
    assertEquals(4, beforeFlag.line());
    assertEquals(21, beforeFlag.column());
    assertEquals(
        "ZIP5_OCT2025.txt, line 4, column 21: expected a fixed-width record of at least 21"
            + " characters, found 17: the record ends before the Plus Four Flag (column 21) of"
            + " CMS's ZIP5 record layout",
        beforeFlag.getMessage());
    DataLoadException inCarrier = zip5Error(cutRecord(good, 7, 10), "ZIP5_OCT2025.txt");
    assertEquals(7, inCarrier.line());
    assertEquals(8, inCarrier.column());
    assertTrue(
        inCarrier
            .problem()
            .endsWith(
                "found 10: the record ends inside the Carrier (columns 8-12) of CMS's ZIP5"
                    + " record layout"),
        inCarrier.getMessage());
    DataLoadException afterState = zip5Error(cutRecord(good, 2, 2), "ZIP5_OCT2025.txt");
    assertEquals(3, afterState.column());
    assertTrue(
        afterState.problem().contains("ends before the Zip Code (columns 3-7)"),
        afterState.getMessage());
  }

  @Test
  void realZip5FileWithARecordCutShort() throws IOException {
    String text =
        Files.readString(CmsFiles.file("2025/ZIP5_OCT2025.txt"), StandardCharsets.ISO_8859_1);
    DataLoadException e = zip5Error(cutRecord(text, 1000, 14), "ZIP5_OCT2025.txt");
    assertEquals(1000, e.line());
    assertEquals(21, e.column());
    assertTrue(
        e.problem().contains("found 14: the record ends before the Plus Four Flag (column 21)"),
        e.getMessage());
  }

  // Payment amounts (PFREV / PFALL): a record cut short.

  private static final String PAYMENT =
      "\"2025\",\"13282\",\"99\",\"90471\",\"  \",\"0000019.24\",\"0000019.24\",\" \","
          + "\"5\",\"A\",\"0\",\"0000000.00\",\"0000000.00\",\"9\",\"0000000.00\",\"0000000.00\"\n";

  @Test
  void paymentAmountRecordCutShortNamesTheFirstFieldItLacks() {
    String cut = PAYMENT + PAYMENT.substring(0, PAYMENT.indexOf(",\"0000019.24\",\" \"")) + "\n";
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> PaymentAmountFile.read(stream(cut), "pf.txt"));
    assertEquals(
        "pf.txt, line 2, column 7: expected 16 quoted fields (layout PF25PC), found 6: the record"
            + " ends before FACILITY FEE (positions 48-57 of the layout)",
        e.getMessage());
    String longer = PAYMENT.replace("\n", ",\"1\"\n");
    DataLoadException extra =
        assertThrows(
            DataLoadException.class, () -> PaymentAmountFile.read(stream(longer), "pf.txt"));
    assertEquals(1, extra.line());
    assertEquals(17, extra.column());
    assertTrue(extra.problem().endsWith("the record goes on after OPPS FACILITY FEE"));
  }

  @Test
  void realPaymentAmountFileWithARecordCutShort() throws IOException {
    Path real = CmsFiles.file("2025/PFREV25C.txt");
    String text = Files.readString(real, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n", -1);
    // The third record, cut after its PC/TC indicator (field 9).
    int at = 0;
    for (int field = 0; field < 9; field++) {
      at = lines[2].indexOf("\",\"", at) + 1;
    }
    lines[2] = lines[2].substring(0, at);
    Path file =
        Files.writeString(
            dir.resolve("PFREV25C.txt"), String.join("\r\n", lines), StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> PaymentAmountFile.read(file));
    assertEquals(3, e.line());
    assertEquals(10, e.column());
    assertTrue(
        e.problem().endsWith("found 9: the record ends before STATUS (position 69 of the layout)"),
        e.getMessage());
  }

  // CLFS: a renamed RATE or HCPCS header.

  @Test
  void clfsRenamedRateIsAMissingColumnOnTheHeaderRow() {
    String renamed = PartBLoadersTest.CLFS.replace(",RATE,", ",PRICE,");
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> ClfsFile.read(stream(renamed), "CLFS_2025_Q1V1.csv"));
    assertEquals(5, e.line());
    assertTrue(
        e.getMessage()
            .startsWith(
                "CLFS_2025_Q1V1.csv, line 5: missing column \"RATE\" (or a year's, such as"
                    + " \"RATE2025\") (renamed or removed?); the header has"),
        e.getMessage());
    assertTrue(e.getMessage().contains("'PRICE'"), e.getMessage());
    String otherYear =
        LoaderFixtures.SUBSET
            + "HCPCS,MODIFIER,EFFECTIVE DATE,IND,PRICE,SHORTDESC\n"
            + "80053,,20190101,N,14.39,not read\n";
    assertEquals(
        2,
        assertThrows(
                DataLoadException.class, () -> ClfsFile.read(stream(otherYear), "CLFS_2019_Q1.csv"))
            .line());
    String noCode = PartBLoadersTest.CLFS.replace(",HCPCS,", ",CODE,");
    DataLoadException code =
        assertThrows(
            DataLoadException.class, () -> ClfsFile.read(stream(noCode), "CLFS_2025_Q1V1.csv"));
    assertEquals(5, code.line());
    assertTrue(code.problem().startsWith("missing column \"HCPCS\""), code.getMessage());
  }

  @Test
  void realClfsFileWithRateRenamed() throws IOException {
    Path real = CmsFiles.file("clfs/CLFS_2025_Q1V1.csv");
    String text = Files.readString(real, StandardCharsets.ISO_8859_1);
    Path file =
        Files.writeString(
            dir.resolve("CLFS_2025_Q1V1.csv"),
            text.replace(",INDICATOR,RATE,", ",INDICATOR,PRICE,"),
            StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> ClfsFile.read(file));
    assertEquals(5, e.line());
    assertTrue(e.problem().startsWith("missing column \"RATE\""), e.getMessage());
  }

  // Relative values: a renamed column on the header row that holds it.

  private static DataLoadException rvuError(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    DataLoadException fast =
        assertThrows(
            DataLoadException.class,
            () -> RvuFile.read(new ByteArrayInputStream(bytes), "test.csv"));
    DataLoadException general =
        assertThrows(DataLoadException.class, () -> RvuFile.readGeneral(bytes, "test.csv"));
    assertEquals(general.getMessage(), fast.getMessage());
    return general;
  }

  @Test
  void rvuRenamedColumnIsReportedOnItsHeaderRow() {
    // The fixture's header is on lines 7-11 (after the subset marker and five title rows).
    String upper = LoaderFixtures.rvu2025().replace("WORK,NON-FAC", "LABOR,NON-FAC");
    DataLoadException work = rvuError(upper);
    assertEquals(10, work.line(), work.getMessage());
    assertTrue(
        work.problem()
            .startsWith(
                "missing column \"WORK RVU\" (renamed or removed?); the header, on lines 7-11,"
                    + " has"),
        work.getMessage());
    assertTrue(work.problem().contains("'LABOR RVU'"), work.getMessage());
    DataLoadException top = rvuError(LoaderFixtures.rvu2025().replace(",NOT USED,", ",UNUSED,"));
    assertEquals(8, top.line(), top.getMessage());
    assertTrue(top.problem().startsWith("missing column \"NOT USED FOR MEDICARE PAYMENT\""));
    DataLoadException last = rvuError(LoaderFixtures.rvu2025().replace(",PROC,", ",PROCS,"));
    assertEquals(11, last.line(), last.getMessage());
    assertTrue(last.problem().startsWith("missing column \"MULT PROC\""));
  }

  @Test
  void realRvuFileWithAColumnRenamed() throws IOException {
    Path real = CmsFiles.file("2025/PPRRVU2025_Oct.csv");
    String text = Files.readString(real, StandardCharsets.ISO_8859_1);
    // "WORK" over "RVU": the upper piece is on line 9 of CMS's file, the header on lines 6-10.
    String renamed = text.replaceFirst(",MEDICARE ,WORK,", ",MEDICARE ,LABOR,");
    Path file =
        Files.writeString(dir.resolve("PPRRVU2025_Oct.csv"), renamed, StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> RvuFile.read(file));
    assertEquals(9, e.line(), e.getMessage());
    assertTrue(
        e.problem()
            .startsWith(
                "missing column \"WORK RVU\" (renamed or removed?); the header, on"
                    + " lines 6-10, has"),
        e.getMessage());
  }

  // ASP and DMEPOS without a title: the name's quarter against the caller's.

  private static final String ASP_UNTITLED =
      PartBLoadersTest.ASP.replace("\"Effective January 1, 2025 through March 31, 2025\"", "");

  private static final String DMEPOS_UNTITLED =
      PartBLoadersTest.DMEPOS.replace("January 2025 Fee Schedule", "");

  @Test
  void aspWithoutATitleIsCheckedAgainstItsName() throws IOException {
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> AspFile.read(stream(ASP_UNTITLED), "ASP_2025_APR.csv", Quarter.of(2025, 1)));
    assertEquals(
        "ASP_2025_APR.csv: the file's name says 2025-Q2 but the file is read for 2025-Q1: a file"
            + " of another quarter is refused, not priced as this one (the file has no title row"
            + " naming its quarter, such as 'Effective January 1, 2025 through March 31, 2025', to"
            + " say which it is)",
        e.getMessage());
    assertThrows(
        DataLoadException.class,
        () -> AspFile.read(stream(ASP_UNTITLED), "ASP_2025_Q2.csv", Quarter.of(2025, 1)));
    // Agreeing, or a name that gives no quarter: nothing to check.
    assertEquals(
        Quarter.of(2025, 2),
        AspFile.read(stream(ASP_UNTITLED), "ASP_2025_APR.csv", Quarter.of(2025, 2)).quarter());
    assertEquals(
        Quarter.of(2025, 1),
        AspFile.read(stream(ASP_UNTITLED), "drugs.csv", Quarter.of(2025, 1)).quarter());
    assertEquals(
        Quarter.of(2025, 2), AspFile.read(stream(ASP_UNTITLED), "ASP_2025_APR.csv").quarter());
  }

  @Test
  void dmeposWithoutATitleIsCheckedAgainstItsName() throws IOException {
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                DmeposFile.read(
                    stream(DMEPOS_UNTITLED),
                    "DMEPOS_2025_JUL.csv",
                    PartBLoadersTest.ZIPS,
                    Quarter.of(2025, 1)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "DMEPOS_2025_JUL.csv: the file's name says 2025-Q3 but the file is read for"
                    + " 2025-Q1"),
        e.getMessage());
    assertTrue(e.getMessage().contains("'January 2025 Fee Schedule'"), e.getMessage());
    assertEquals(
        Quarter.of(2025, 1),
        DmeposFile.read(
                stream(DMEPOS_UNTITLED), "fees.csv", PartBLoadersTest.ZIPS, Quarter.of(2025, 1))
            .quarter());
  }

  @Test
  void realAspAndDmeposFilesWithoutTheirTitles() throws IOException {
    Path asp = CmsFiles.file("asp/ASP_2025_JAN.csv");
    String aspText =
        Files.readString(asp, StandardCharsets.ISO_8859_1)
            .replace("\"Effective January 1, 2025 through March 31, 2025\"", "");
    Path renamedAsp =
        Files.writeString(dir.resolve("ASP_2025_OCT.csv"), aspText, StandardCharsets.ISO_8859_1);
    try (var in = Files.newInputStream(renamedAsp)) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () -> AspFile.read(in, "ASP_2025_OCT.csv", Quarter.of(2025, 1)));
      assertTrue(
          e.getMessage().startsWith("ASP_2025_OCT.csv: the file's name says 2025-Q4"),
          e.getMessage());
    }
    Path dme = CmsFiles.file("dmepos/DMEPOS_2025_JAN.csv");
    String dmeText =
        Files.readString(dme, StandardCharsets.ISO_8859_1).replace("January 2025 Fee Schedule", "");
    Path renamedDme =
        Files.writeString(dir.resolve("DMEPOS_2025_APR.csv"), dmeText, StandardCharsets.ISO_8859_1);
    try (var in = Files.newInputStream(renamedDme)) {
      DataLoadException e =
          assertThrows(
              DataLoadException.class,
              () ->
                  DmeposFile.read(
                      in, "DMEPOS_2025_APR.csv", PartBLoadersTest.ZIPS, Quarter.of(2025, 1)));
      assertTrue(
          e.getMessage().startsWith("DMEPOS_2025_APR.csv: the file's name says 2025-Q2"),
          e.getMessage());
    }
  }
}
