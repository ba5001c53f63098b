package io.github.cpt4j.data.ncci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.load.CodeSetLoader;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.edit.ncci.MueEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loaders on files written here in CMS's layouts, well-formed and malformed. */
public class NcciLoadersTest {

  /** CMS's PTP layout: a copyright line, a title, the header wrapped over four rows. */
  public static final String PTP_HEADER =
      "Copyright line of the test file.\t\t\t\t\t\t\n"
          + "Column1/Column2 Edits\t\t\t\t\t\t\n"
          + "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n"
          + "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\n"
          + "\t\t\t\t*=no data\t1=allowed\t\n"
          + "\t\t\t\t\t9=not applicable\t\n";

  /** CMS's MUE layout: a quoted notice over several lines, a line break in the first header. */
  public static final String MUE_HEADER =
      "\"A notice of the test file,\n\nover several lines.\",,,\n"
          + "\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,"
          + "MUE Adjudication Indicator,MUE Rationale\n";

  /**
   * The first line of a file of a few rows: a deliberate subset, which the loaders do not refuse as
   * cut short (a whole CMS file has thousands of rows). Not data: the lines of an error are those
   * of the text without it, as {@link #ptpAsIs} and {@link #mueAsIs} read it.
   */
  public static final String SUBSET = "# cpt4j subset: rows written by the tests\n";

  /** Reads {@code text} as a PTP file marked as a subset. */
  static PtpTable ptp(String text) throws IOException {
    return ptpAsIs(SUBSET + text);
  }

  /** Reads {@code text} as a PTP file, unmarked: to be refused for a bad row, or a short file. */
  static PtpTable ptpAsIs(String text) throws IOException {
    return PtpFile.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "test-ptp.txt");
  }

  /** Reads {@code text} as an MUE file marked as a subset. */
  static MueTable mue(String text) throws IOException {
    return mueAsIs(SUBSET + text);
  }

  /** Reads {@code text} as an MUE file, unmarked: to be refused for a bad row, or a short file. */
  static MueTable mueAsIs(String text) throws IOException {
    return MueFile.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "test-mue.csv");
  }

  static ProcedureCode code(String text) {
    return ProcedureCode.parse(text);
  }

  @Test
  void readsEveryFieldOfAPtpRow() throws IOException {
    PtpTable table =
        ptp(
            PTP_HEADER
                + "27447\t20610\t\t20020101\t*\t1\tmy rationale\r\n"
                + "29880\t29877\t*\t19960101\t20231231\t0\tanother one\r\n"
                + "0001A\t90473\t\t20220101\t20220101\t9\tmy rationale\r\n"
                + "\n");
    assertEquals(3, table.size());
    assertEquals(
        List.of(
            new PtpEdit(
                code("29880"),
                code("29877"),
                true,
                LocalDate.of(1996, 1, 1),
                Optional.of(LocalDate.of(2023, 12, 31)),
                PtpModifierIndicator.NOT_ALLOWED,
                "another one")),
        table.edits(code("29880"), code("29877")));
    PtpEdit knee = table.edits(code("27447"), code("20610")).get(0);
    assertEquals(Optional.empty(), knee.deletion());
    assertFalse(knee.inExistencePriorTo1996());
    assertEquals(PtpModifierIndicator.ALLOWED, knee.modifierIndicator());
    assertTrue(table.edits(code("0001A"), code("90473")).get(0).withdrawn());
  }

  @Test
  void findsColumnsByNameNotPosition() throws IOException {
    String header =
        "Column 1\tColumn 2\tModifier\tDeletion\tEffective\t*=in existence\n"
            + "\t\t0=not allowed\tDate\tDate\tprior to 1996\n";
    PtpTable table = ptp(header + "27447\t20610\t0\t*\t20020101\t\n");
    PtpEdit edit = table.edits(code("27447"), code("20610")).get(0);
    assertEquals(LocalDate.of(2002, 1, 1), edit.effective());
    assertEquals(PtpModifierIndicator.NOT_ALLOWED, edit.modifierIndicator());
    assertEquals("", edit.rationale()); // no rationale column in this layout
  }

  /**
   * A file cut short at a line ending passes every check of its rows: a PTP part of fewer than
   * 10,000 rows, or an MUE file of fewer than 1,000 codes, is refused as cut short, as the other
   * CMS loaders refuse theirs, unless its first line marks it as a subset.
   */
  @Test
  void aFileOfTooFewRowsIsRefusedUnlessMarkedAsASubset(@TempDir Path dir) throws IOException {
    String ptpRows =
        PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n" + "29880\t29877\t\t20030101\t*\t0\tr\n";
    DataLoadException ptp = assertThrows(DataLoadException.class, () -> ptpAsIs(ptpRows));
    assertTrue(
        ptp.getMessage().startsWith("test-ptp.txt: only 2 rows, where a whole CMS file has "),
        ptp.getMessage());
    assertTrue(
        ptp.getMessage()
            .endsWith(
                ": the file looks cut short (expected at least 10000; a deliberate subset starts"
                    + " with the line '# cpt4j subset')"),
        ptp.getMessage());
    assertEquals(2, ptp(ptpRows).size());
    // The marker in any case, and after a UTF-8 byte order mark, as the CSV loaders read it.
    assertEquals(2, ptpAsIs("# CPT4J SUBSET\n" + ptpRows).size());
    assertEquals(
        2,
        PtpFile.read(
                new ByteArrayInputStream(
                    ("\ufeff" + SUBSET + ptpRows).getBytes(StandardCharsets.UTF_8)),
                "test-ptp.txt")
            .size());
    // Only on the first line: further down it is a line of the preamble, and marks nothing.
    assertThrows(DataLoadException.class, () -> ptpAsIs("\n" + SUBSET + ptpRows));
    // Each part by itself: a whole part beside a short one does not pass it.
    Path whole = dir.resolve("ccipra-v322r0-f1.txt");
    Path cut = dir.resolve("ccipra-v322r0-f2.txt");
    StringBuilder rows = new StringBuilder(PTP_HEADER);
    for (int row = 0; row < 10_000; row++) {
      rows.append(30_000 + row).append("\t99213\t\t20020101\t*\t1\tr\n");
    }
    Files.writeString(whole, rows);
    Files.writeString(cut, ptpRows);
    assertEquals(10_000, PtpFile.read(whole).size());
    DataLoadException part = assertThrows(DataLoadException.class, () -> PtpFile.read(whole, cut));
    assertTrue(
        part.getMessage().startsWith("ccipra-v322r0-f2.txt: only 2 rows"), part.getMessage());
    Files.writeString(cut, SUBSET + ptpRows);
    assertEquals(10_002, PtpFile.read(whole, cut).size());

    String mueRows =
        MUE_HEADER
            + "20610,2,3 Date of Service Edit: Clinical,r\n"
            + "J1100,10,2 Date of Service Edit: Policy,r\n";
    DataLoadException mue = assertThrows(DataLoadException.class, () -> mueAsIs(mueRows));
    assertTrue(
        mue.getMessage().startsWith("test-mue.csv: only 2 codes, where a whole CMS file has "),
        mue.getMessage());
    assertTrue(
        mue.getMessage()
            .endsWith(
                "(expected at least 1000; a deliberate subset starts with the"
                    + " line '# cpt4j subset')"),
        mue.getMessage());
    assertEquals(2, mue(mueRows).size());
    StringBuilder codes = new StringBuilder(MUE_HEADER);
    for (int code = 0; code < 1_000; code++) {
      codes.append(30_000 + code).append(",1,1 Line Edit,r\n");
    }
    assertEquals(1_000, mueAsIs(codes.toString()).size());
  }

  /**
   * The parts are read from a copy of the list, checked and read alike: a list that another thread
   * changes between the checks and the reads (here: its every pass after the first names a
   * directory) is read as it was when it was checked.
   */
  @Test
  void thePartsAreReadAsChecked(@TempDir Path dir) throws IOException {
    Path one = dir.resolve("part1.txt");
    Files.writeString(one, SUBSET + PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n");
    List<Path> shifting =
        new AbstractList<>() {
          private int passes;

          @Override
          public Iterator<Path> iterator() {
            return List.of(passes++ == 0 ? one : dir).iterator();
          }

          @Override
          public Path get(int index) {
            return iterator().next();
          }

          @Override
          public int size() {
            return 1;
          }
        };
    assertEquals(1, PtpFile.read(shifting).size());
  }

  @Test
  void severalPartsLoadIntoOneTable(@TempDir Path dir) throws IOException {
    Path one = dir.resolve("part1.txt");
    Path two = dir.resolve("part2.txt");
    Files.writeString(one, SUBSET + PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n");
    Files.writeString(two, SUBSET + PTP_HEADER + "29880\t29877\t\t20030101\t*\t0\tr\n");
    PtpTable table = PtpFile.read(one, two);
    assertEquals(2, table.size());
    assertEquals(2, table.column1Codes());
    assertEquals(1, table.edits(code("29880"), code("29877")).size());
    DataLoadException e = assertThrows(DataLoadException.class, () -> PtpFile.read(List.of()));
    assertTrue(e.getMessage().contains("no file given"), e.getMessage());
  }

  @Test
  void aPtpPairTwiceOnOverlappingDatesIsRefusedNamingBothRows(@TempDir Path dir)
      throws IOException {
    String row = "27447\t20610\t\t20020101\t*\t1\tr\n";
    String other = "29880\t29877\t\t20030101\t*\t0\tr\n";
    // The same pair and dates with another modifier indicator used to load, one row winning.
    assertPtpRefused(
        PTP_HEADER + row + other + "\n" + row.replace("\t1\t", "\t0\t"),
        "test-ptp.txt, line 10: the pair 27447, 20610 appears twice with overlapping dates, on lines"
            + " 7 and 10");
    // A plain duplicate, and a row added again while the first is still in force.
    assertPtpRefused(PTP_HEADER + row + row, "test-ptp.txt, line 8: the pair 27447, 20610");
    assertPtpRefused(
        PTP_HEADER + row + "27447\t20610\t\t20240101\t*\t1\tr\n",
        "test-ptp.txt, line 8: the pair 27447, 20610");
    // Out of pair order, and the later row first: still both lines, the earlier file's first.
    Path one = dir.resolve("part1.txt");
    Path two = dir.resolve("part2.txt");
    Files.writeString(one, PTP_HEADER + other + row);
    Files.writeString(two, PTP_HEADER + "\n\n" + other.replace("29880", "29881") + row);
    DataLoadException e = assertThrows(DataLoadException.class, () -> PtpFile.read(one, two));
    assertTrue(
        e.getMessage()
            .startsWith(
                "part2.txt, line 10: the pair 27447, 20610 appears twice with overlapping dates,"
                    + " on line 8 of part1.txt and line 10 of part2.txt"),
        e.getMessage());
    // What CMS's files do hold: a pair deleted and added again later, a withdrawn row beside one
    // in force from the same day (withdrawn rows never apply).
    PtpTable table =
        ptp(
            PTP_HEADER
                + "27447\t20610\t\t20020101\t20231231\t1\tr\n"
                + "27447\t20610\t\t20240101\t*\t0\tr\n"
                + "0001A\t90473\t\t20220101\t20220101\t9\tr\n"
                + "0001A\t90473\t\t20220101\t*\t1\tr\n"
                + "0001A\t96160\t\t20220101\t20220101\t0\tr\n"
                + "0001A\t96160\t\t20220101\t*\t1\tr\n");
    assertEquals(6, table.size());
    assertEquals(2, table.edits(code("27447"), code("20610")).size());
  }

  @Test
  void aWithdrawnPtpRowOverlapsNothingEvenWithTheSameDates() throws IOException {
    // A withdrawn row (indicator 9, or deleted on its effective date) never applies: twice, or
    // beside a row in force of the same dates, it duplicates nothing that the table would answer.
    PtpTable twice =
        ptp(
            PTP_HEADER
                + "0001A\t90473\t\t20220101\t20220101\t9\tr\n"
                + "0001A\t90473\t\t20220101\t20220101\t9\tr\n");
    assertEquals(2, twice.size());
    PtpTable besideOneInForce =
        ptp(
            PTP_HEADER
                + "27447\t20610\t\t20200101\t20200101\t9\tr\n"
                + "27447\t20610\t\t20200101\t20201231\t1\tr\n"
                + "11042\t97597\t\t20200101\t20200101\t1\tr\n"
                + "11042\t97597\t\t20200101\t20200101\t0\tr\n");
    assertEquals(4, besideOneInForce.size());
    assertEquals(
        PtpModifierIndicator.ALLOWED,
        besideOneInForce
            .find(code("27447"), code("20610"), LocalDate.of(2020, 6, 1))
            .orElseThrow()
            .modifierIndicator());
    // Rows in force with the same dates are still a duplicate.
    assertPtpRefused(
        PTP_HEADER
            + "27447\t20610\t\t20200101\t20201231\t1\tr\n"
            + "27447\t20610\t\t20200101\t20201231\t1\tr\n",
        "test-ptp.txt, line 8: the pair 27447, 20610 appears twice with overlapping dates");
  }

  @Test
  void aMalformedPtpFieldIsNamedWithFileLineAndColumn() throws IOException {
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n2744\t20610\t\t20020101\t*\t1\tr\n",
        "test-ptp.txt, line 8, column 1: COLUMN 1: expected a CPT or HCPCS code such as 99213"
            + " or G0105 (a spreadsheet may have dropped a leading zero), found '2744'");
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20021301\t*\t1\tr\n",
        "test-ptp.txt, line 7, column 4: EFFECTIVE DATE: expected a date as yyyymmdd, found"
            + " '20021301'");
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\t\t1\tr\n",
        "test-ptp.txt, line 7, column 5: DELETION DATE *=NO DATA: expected a date as yyyymmdd,"
            + " or * for none, found ''");
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\t*\t2\tr\n",
        "test-ptp.txt, line 7, column 6: MODIFIER 0=NOT ALLOWED 1=ALLOWED 9=NOT APPLICABLE:"
            + " expected a modifier indicator 0, 1 or 9, found '2'");
    assertPtpError(
        PTP_HEADER + "27447\t20610\tx\t20020101\t*\t1\tr\n",
        "test-ptp.txt, line 7, column 3: *=IN EXISTENCE PRIOR TO 1996: expected \"*\" or a blank,"
            + " found 'x'");
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\t20011231\t1\tr\n",
        "test-ptp.txt, line 7, column 5: DELETION DATE *=NO DATA: expected a deletion date on or"
            + " after the effective date, found '20011231'");
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t19600101\t*\t1\tr\n",
        "test-ptp.txt, line 7, column 4: EFFECTIVE DATE: expected a date from 19700101 through"
            + " 21490605, found '19600101'");
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\n",
        "test-ptp.txt, line 7, column 5: expected 7 tab-separated fields as in the header, found"
            + " 4: the row ends before DELETION DATE *=NO DATA");
    // Without its rationale too: CMS's rows keep the field, empty or not, so the row was cut
    // there, and it loaded with no rationale.
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\n",
        "test-ptp.txt, line 7, column 7: expected 7 tab-separated fields as in the header, found"
            + " 6: the row ends before PTP EDIT RATIONALE");
    assertEquals(
        "",
        ptp(PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\t\n")
            .edits(code("27447"), code("20610"))
            .get(0)
            .rationale());
    assertPtpError(
        PTP_HEADER.replace("\tEffective\t", "\tEfective\t") + "27447\t20610\t\t20020101\t*\t1\tr\n",
        "test-ptp.txt, line 3: missing column \"EFFECTIVE DATE\" (renamed or removed?); the header,"
            + " on lines 3-6, has 'COLUMN 1', 'COLUMN 2', '*=IN EXISTENCE PRIOR TO 1996',"
            + " 'EFECTIVE DATE', 'DELETION DATE *=NO DATA', 'MODIFIER 0=NOT ALLOWED 1=ALLOWED 9=NOT"
            + " APPLICABLE', 'PTP EDIT RATIONALE'");
    assertPtpError(PTP_HEADER, "test-ptp.txt, line 6: no rows after the header");
    // The header's last line, not a blank line after it, as a file ending in a DOS mark is told.
    assertPtpError(PTP_HEADER + "\n \t\n", "test-ptp.txt, line 6: no rows after the header");
    assertPtpError(
        "Column 1\tColumn 2\tEffective\n27447\t20610\t20020101\n",
        "test-ptp.txt, line 1: missing column \"*=IN EXISTENCE PRIOR TO 1996\" (renamed or"
            + " removed?); the header has 'COLUMN 1', 'COLUMN 2', 'EFFECTIVE'");
    assertPtpError(
        MUE_HEADER + "27447,1,1 Line Edit,r\n",
        "test-ptp.txt: no header row starting with \"Column 1\", \"Column 2\" in the first 50"
            + " lines: expected a CMS NCCI PTP file (tab-separated text)");
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\t" + "x".repeat(10_001) + "\n",
        "test-ptp.txt, line 7: line longer than 10000 characters");
  }

  /**
   * Indicator 9 on a row not deleted on its effective date is refused at its field: CMS gives 9
   * only to an edit deleted retroactively, on the date it took effect ({@code 0001A 90473 20220101
   * 20220101 9}). Such a row loaded as withdrawn, so an edit still in force never applied. Read
   * with good parts, the load fails whole, naming the file and line.
   */
  @Test
  void aPtpRowOfIndicatorNineNotDeletedOnItsEffectiveDateIsRefused(@TempDir Path dir)
      throws IOException {
    String good = "29880\t29877\t\t20030101\t*\t0\tr\n";
    assertPtpError(
        PTP_HEADER + good + "27447\t20610\t\t20020101\t*\t9\tr\n",
        "test-ptp.txt, line 8, column 6: MODIFIER 0=NOT ALLOWED 1=ALLOWED 9=NOT APPLICABLE:"
            + " expected 0 or 1 on an edit not deleted on its effective date (9, not applicable,"
            + " marks an edit withdrawn, deleted on the date it took effect; this row has no"
            + " deletion date), found '9'");
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\t20231231\t9\tr\n",
        "test-ptp.txt, line 7, column 6: MODIFIER 0=NOT ALLOWED 1=ALLOWED 9=NOT APPLICABLE:"
            + " expected 0 or 1 on an edit not deleted on its effective date (9, not applicable,"
            + " marks an edit withdrawn, deleted on the date it took effect; this row is deleted on"
            + " 20231231), found '9'");
    // Columns found by name: the indicator's own column is named, wherever it is.
    String moved =
        "Column 1\tColumn 2\tModifier\tDeletion\tEffective\t*=in existence\n"
            + "\t\t0=not allowed\tDate\tDate\tprior to 1996\n";
    assertPtpError(
        moved + "27447\t20610\t9\t*\t20020101\t\n",
        "test-ptp.txt, line 3, column 3: MODIFIER 0=NOT ALLOWED: expected 0 or 1 on an edit not"
            + " deleted on its effective date (9, not applicable, marks an edit withdrawn, deleted"
            + " on the date it took effect; this row has no deletion date), found '9'");
    // Several parts: the damaged row in the second fails the whole load.
    Path one = Files.writeString(dir.resolve("part1.txt"), SUBSET + PTP_HEADER + good);
    Path two =
        Files.writeString(
            dir.resolve("part2.txt"), SUBSET + PTP_HEADER + "27447\t20610\t\t20020101\t*\t9\tr\n");
    DataLoadException e = assertThrows(DataLoadException.class, () -> PtpFile.read(one, two));
    assertTrue(e.getMessage().startsWith("part2.txt, line 8, column 6: MODIFIER"), e.getMessage());
    // As CMS gives it, deleted on its effective date, it loads and never applies.
    PtpTable table = ptp(PTP_HEADER + "27447\t20610\t\t20020101\t20020101\t9\tr\n");
    assertEquals(1, table.size());
    assertEquals(
        Optional.empty(), table.find(code("27447"), code("20610"), LocalDate.of(2002, 1, 1)));
  }

  /**
   * A row whose column 2 code is its column 1 code is refused at column 2: a code is never denied
   * as column 2 of itself, so the row could never apply, and it loaded as an edit.
   */
  @Test
  void aPtpRowPairingACodeWithItselfIsRefused(@TempDir Path dir) throws IOException {
    String good = "29880\t29877\t\t20030101\t*\t0\tr\n";
    assertPtpError(
        PTP_HEADER + good + "27447\t27447\t\t20020101\t*\t1\tr\n",
        "test-ptp.txt, line 8, column 2: COLUMN 2: expected a code other than column 1's (a code"
            + " paired with itself is no edit), found '27447'");
    // With blanks about it, as fields are read, the same code.
    assertPtpError(
        PTP_HEADER + "G0105\t G0105 \t\t20020101\t*\t1\tr\n",
        "test-ptp.txt, line 7, column 2: COLUMN 2: expected a code other than column 1's (a code"
            + " paired with itself is no edit), found 'G0105'");
    Path one = Files.writeString(dir.resolve("part1.txt"), SUBSET + PTP_HEADER + good);
    Path two =
        Files.writeString(
            dir.resolve("part2.txt"), SUBSET + PTP_HEADER + "27447\t27447\t\t20020101\t*\t1\tr\n");
    DataLoadException e = assertThrows(DataLoadException.class, () -> PtpFile.read(one, two));
    assertTrue(e.getMessage().startsWith("part2.txt, line 8, column 2: COLUMN 2"), e.getMessage());
  }

  /**
   * A row of more fields than the header is refused at the first value beyond it: with its fields
   * shifted, 0001A/36591 below loaded with modifier indicator 1 and the rationale "0". Empty fields
   * at the end of a row are let through, as they were.
   */
  @Test
  void aPtpRowOfMoreFieldsThanTheHeaderIsRefused() throws IOException {
    assertPtpError(
        PTP_HEADER
            + "27447\t20610\t\t20020101\t*\t0\tr\n"
            + "0001A\t36591\t\t20220101\t20231231\t1\t0\tCPT Manual or CMS manual coding"
            + " instruction\n",
        "test-ptp.txt, line 8, column 8: expected 7 tab-separated fields as in the header, found"
            + " 8, field 8 being 'CPT Manual or CMS manual coding instruction'");
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\t\t\tx\t\n",
        "test-ptp.txt, line 7, column 10: expected 7 tab-separated fields as in the header, found"
            + " 11, field 10 being 'x'");
    // Beyond the fields a row keeps, the same error, found "more than" them.
    assertPtpError(
        PTP_HEADER
            + "27447\t20610\t\t20020101\t*\t1\tr\n"
            + "29880\t29877\t\t20030101\t*\t0\tr"
            + "\tx".repeat(10)
            + "\n",
        "test-ptp.txt, line 8, column 17: expected 7 tab-separated fields as in the header, found"
            + " more than 16");
    // In a layout without a rationale, a value in the column where it would be.
    String noRationale =
        "Column 1\tColumn 2\tModifier\tDeletion\tEffective\t*=in existence\n"
            + "\t\t0=not allowed\tDate\tDate\tprior to 1996\n";
    assertPtpError(
        noRationale + "27447\t20610\t0\t*\t20020101\t\tr\n",
        "test-ptp.txt, line 3, column 7: expected 6 tab-separated fields as in the header, found"
            + " 7, field 7 being 'r'");
    PtpTable table =
        ptp(
            PTP_HEADER
                + "27447\t20610\t\t20020101\t*\t1\tr\t\t \t\n"
                + "29880\t29877\t\t20030101\t*\t0\tr\t\n");
    assertEquals(2, table.size());
    assertEquals("r", table.edits(code("27447"), code("20610")).get(0).rationale());
  }

  /**
   * Fields beyond the 16 a row keeps: empty ones at the end are let through, as beyond the
   * header's, where 30 trailing tabs refused the row; a value there is refused at column 17 in the
   * words of every row, the first data row too, which was refused with no column (split before the
   * header was known). A line before the header is not read, whatever its fields, and a header row
   * of more is refused at column 17.
   */
  @Test
  void fieldsBeyondTheSixteenKeptAreJudgedWhereTheLineIsKnown() throws IOException {
    String good = "27447\t20610\t\t20020101\t*\t1\tr";
    String other = "29880\t29877\t\t20030101\t*\t0\tr";
    String tabs = "\t".repeat(30);
    assertEquals(2, ptp(PTP_HEADER + good + tabs + "\n" + other + tabs + "\n").size());
    String refused =
        "test-ptp.txt, line %d, column 17: expected 7 tab-separated fields as in the header, found"
            + " more than 16";
    assertPtpError(PTP_HEADER + good + tabs + "x\n", refused.formatted(7));
    assertPtpError(PTP_HEADER + good + "\n" + other + tabs + "x\n", refused.formatted(8));
    assertEquals(1, ptp("A notice" + "\tx".repeat(20) + "\n" + PTP_HEADER + good + "\n").size());
    String wide =
        PTP_HEADER.replace(
            "\t\t\t\t\t9=not applicable\t\n",
            "\t\t\t\t\t9=not applicable" + "\tx".repeat(12) + "\n");
    assertPtpError(
        wide + good + "\n",
        "test-ptp.txt, line 6, column 17: expected a header of at most 16 tab-separated columns,"
            + " found more");
  }

  /**
   * Two columns that answer to one name are refused, on the line where the second one's name
   * starts: the first was taken, so a column inserted before the real one was read in its place.
   * Worded as the CMS CSV loaders word it, with the lines of each name's pieces.
   */
  @Test
  void aPtpColumnNamedTwiceIsRefusedOnItsHeaderRow() {
    String header =
        PTP_HEADER
            .replace("\tPTP Edit Rationale\n", "\t\n")
            .replace("\t0=not allowed\t\n", "\t0=not allowed\tEffective as of\n");
    assertPtpError(
        header + "27447\t20610\t\t20020101\t*\t1\t20030101\n",
        "test-ptp.txt, line 4, column 7: two columns are EFFECTIVE DATE: \"EFFECTIVE DATE\" and"
            + " \"EFFECTIVE AS OF\" (column 4, lines 3 and 4, and column 7, line 4)");
  }

  @Test
  void aPtpDateJustPastTheLastStorableDayIsNamedWithItsColumn() {
    // 2149-06-06 is the day the table reserves for "no deletion": refused where its column is
    // known.
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\t21490606\t1\tr\n",
        "test-ptp.txt, line 7, column 5: DELETION DATE *=NO DATA: expected a date from 19700101"
            + " through 21490605, found '21490606'");
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t21490606\t*\t1\tr\n",
        "test-ptp.txt, line 7, column 4: EFFECTIVE DATE: expected a date from 19700101 through"
            + " 21490605, found '21490606'");
  }

  @Test
  void aFirstPtpRowWithoutItsColumnOneCodeIsRefusedOnThatField() {
    // Not read as one more row of the wrapped header, which blamed a "missing column".
    assertPtpError(
        PTP_HEADER + "\t20610\t\t20020101\t*\t1\tr\n27447\t20611\t\t20020101\t*\t1\tr\n",
        "test-ptp.txt, line 7, column 1: COLUMN 1: expected a CPT or HCPCS code such as 99213"
            + " or G0105, found ''");
    assertPtpError(
        PTP_HEADER + "\t20610\t\t20020101\t*\t1\tr\n",
        "test-ptp.txt, line 7, column 1: COLUMN 1: expected a CPT or HCPCS code such as 99213"
            + " or G0105, found ''");
  }

  @Test
  void aFirstPtpRowWithoutBothCodesIsRefusedNotReadAsAHeaderRow() throws IOException {
    // Its dates, * and indicator are data: it was merged into the column names and the file
    // loaded, where the same row a line later is refused.
    String damaged = "\t\t\t20020101\t*\t1\tWhy\n";
    String refused =
        "test-ptp.txt, line %d, column 1: COLUMN 1: expected a CPT or HCPCS code such as 99213"
            + " or G0105, found ''";
    assertPtpError(
        PTP_HEADER + damaged + "27447\t20610\t\t20020101\t*\t1\tr\n", refused.formatted(7));
    assertThrows(
        DataLoadException.class,
        () -> ptp(PTP_HEADER + damaged + "27447\t20610\t\t20020101\t*\t1\tr\n"));
    assertPtpError(
        PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n" + damaged, refused.formatted(8));
    // Any one such field is data: a date alone, a * alone, an indicator alone.
    for (String field : List.of("\t\t\t20020101\t\t\t\n", "\t\t*\t\t\t\t\n", "\t\t\t\t\t9\t\n")) {
      assertPtpError(
          PTP_HEADER + field + "27447\t20610\t\t20020101\t*\t1\tr\n", refused.formatted(7));
    }
    // CMS's own wrapped rows, words beside each *, digit and "Date", are still the header.
    PtpTable table = ptp(PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n");
    assertEquals(1, table.size());
  }

  private static void assertPtpRefused(String text, String start) {
    DataLoadException e = assertThrows(DataLoadException.class, () -> ptpAsIs(text));
    assertTrue(e.getMessage().startsWith(start), e.getMessage());
  }

  private static void assertPtpError(String text, String message) {
    DataLoadException e = assertThrows(DataLoadException.class, () -> ptpAsIs(text));
    assertEquals(message, e.getMessage());
  }

  @Test
  void longFilesAndEveryLineEndingAreRead() throws IOException {
    StringBuilder text = new StringBuilder(PTP_HEADER.replace("\n", "\r"));
    int rows = 0;
    for (int first = 10000; first < 10400; first++) {
      for (int second = 20000; second < 20010; second++) {
        text.append(first).append('\t').append(second).append("\t\t20200101\t*\t1\tsame text");
        text.append(rows % 3 == 0 ? "\n" : rows % 3 == 1 ? "\r\n" : "\r");
        rows++;
      }
    }
    PtpTable table = ptp(text.toString()); // about 200 kB: several buffer refills
    assertEquals(4000, table.size());
    assertEquals(400, table.column1Codes());
    assertTrue(table.find(code("10399"), code("20009"), LocalDate.of(2024, 1, 1)).isPresent());
  }

  @Test
  void readsEveryFieldOfAnMueRow() throws IOException {
    MueTable table =
        mue(
            MUE_HEADER
                + "20610,2,3 Date of Service Edit: Clinical,my rationale\n"
                + "J1100,10,2 Date of Service Edit: Policy,other\n"
                + "97110,4,1 Line Edit,\n"
                + "0001U,0,2,\n");
    assertEquals(4, table.size());
    assertEquals(
        Optional.of(
            new MueEdit(
                code("20610"),
                2,
                MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL,
                "my rationale")),
        table.find(code("20610")));
    assertEquals(
        MueAdjudicationIndicator.LINE, table.find(code("97110")).orElseThrow().indicator());
    assertEquals(0, table.find(code("0001U")).orElseThrow().value());
  }

  @Test
  void theMueHeaderIsFoundByNameForEverySetting() throws IOException {
    MueTable table =
        mue(
            "MUE Rationale,DME Supplier Services MUE Values,\"HCPCS/\nCPT Code\","
                + "MUE Adjudication Indicator\n"
                + "r,1,E0100,1 Line Edit\n");
    assertEquals(1, table.find(code("E0100")).orElseThrow().value());
  }

  @Test
  void theMueFilesNameSaysTheQuarterItIsFor() throws IOException {
    String text = SUBSET + MUE_HEADER + "20610,2,3 Date of Service Edit: Clinical,r\n";
    MueTable july =
        MueFile.read(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
            "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv");
    assertEquals(Optional.of(LocalDate.of(2026, 7, 1)), july.effective());
    assertEquals(Optional.of(LocalDate.of(2026, 9, 30)), july.lastDay());
    MueTable undated =
        MueFile.read(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "mue.csv");
    assertTrue(undated.effective().isEmpty());
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                MueFile.read(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                    "MCR_MUE_PractitionerServices_Eff_13-01-2026.csv"));
    assertTrue(e.getMessage().contains("Eff_13-01-2026 is not a date"), e.getMessage());
    // Year 0000 is a LocalDate but has no quarter: the loader's error, naming the file.
    DataLoadException zero =
        assertThrows(
            DataLoadException.class,
            () ->
                MueFile.read(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                    "MCR_MUE_PractitionerServices_Eff_07-01-0000.csv"));
    assertEquals(
        "MCR_MUE_PractitionerServices_Eff_07-01-0000.csv: the file name's effective date"
            + " Eff_07-01-0000 is of year 0000: expected a year from 0001, such as Eff_07-01-2026",
        zero.getMessage());
    assertEquals(
        Optional.of(LocalDate.of(9999, 12, 31)),
        MueFile.read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                "MCR_MUE_PractitionerServices_Eff_10-01-9999.csv")
            .lastDay());
    // A date in another form is refused rather than read as no date, which judges every date.
    for (String name :
        List.of(
            "MCR_MUE_PractitionerServices_Eff_2026-07-01.csv",
            "MCR_MUE_PractitionerServices_Eff_7-1-2026.csv",
            "mcr_mue_practitionerservices_eff_07-01-26.csv")) {
      DataLoadException other =
          assertThrows(
              DataLoadException.class,
              () ->
                  MueFile.read(
                      new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), name));
      assertTrue(other.getMessage().contains("expected Eff_MM-DD-YYYY"), other::getMessage);
    }
  }

  @Test
  void aPtpFileCutInItsLastLineIsRefused() {
    // Cut in the rationale, the last field: the line keeps its fields, only its ending is gone.
    String cut = PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tmy ration";
    DataLoadException e = assertThrows(DataLoadException.class, () -> ptp(cut));
    assertTrue(e.getMessage().contains("the last line has no line ending"), e::getMessage);
  }

  @Test
  void aPtpFileEndingInADosEndOfFileMarkIsRead() throws IOException {
    // The mark is let through without a line ending (the check for a cut file allows it): it
    // ends the file, as it does in CMS's other files, with or without a line ending of its own.
    String row = "27447\t20610\t\t20020101\t*\t1\tr\n";
    assertEquals(1, ptp(PTP_HEADER + row + "\u001a").size());
    assertEquals(1, ptp(PTP_HEADER + row + "\u001a\r\n\n").size());
    // Rows after it are not at the end of a file: the mark is damage.
    assertPtpError(
        PTP_HEADER + row + "\u001a\n" + row,
        "test-ptp.txt, line 8, column 1: a DOS end-of-file mark (0x1A) with rows after it:"
            + " expected 7 tab-separated fields as in the header");
    // A file whose header is followed by the mark alone has no rows: said so, not "the row ends
    // before COLUMN 2" of a row it does not have.
    // The header's last line is named, as when the file ends without the mark.
    assertPtpError(PTP_HEADER + "\u001a", "test-ptp.txt, line 6: no rows after the header");
    assertPtpError(PTP_HEADER + "\n\u001a\r\n\n", "test-ptp.txt, line 6: no rows after the header");
    assertPtpError(
        PTP_HEADER + "\u001a\n" + row,
        "test-ptp.txt, line 7, column 1: a DOS end-of-file mark (0x1A) with rows after it:"
            + " expected 7 tab-separated fields as in the header");
  }

  /**
   * A DOS end-of-file mark followed by text on a last line without a line ending was refused as
   * "the last line has no line ending", as if the file were cut short: the file goes on after its
   * end. Said so, at the mark's line and column, as a mark before rows is.
   */
  @Test
  void textAfterADosEndOfFileMarkIsNamedSoInAPtpFile() {
    String row = "27447\t20610\t\t20020101\t*\t1\tr\n";
    String after =
        ": text after a DOS end-of-file mark (0x1A), which ends the file: expected the mark after"
            + " the last row only";
    assertPtpError(PTP_HEADER + row + "\u001aabc", "test-ptp.txt, line 8, column 1" + after);
    assertPtpError(
        PTP_HEADER + row + " \u001a\t27447\t20610", "test-ptp.txt, line 8, column 1" + after);
    assertPtpError(PTP_HEADER + row + "\t\u001a abc", "test-ptp.txt, line 8, column 2" + after);
    assertPtpError(
        PTP_HEADER + row + row.replace("\tr\n", "\tr\u001aabc"),
        "test-ptp.txt, line 8, column 7" + after);
    // Right after the header too.
    assertPtpError(PTP_HEADER + "\u001aabc", "test-ptp.txt, line 7, column 1" + after);
    // The mark on a line of its own, then a last line without an ending: a row after the mark,
    // refused at the mark as when that row has its ending.
    String rowsAfter =
        ": a DOS end-of-file mark (0x1A) with rows after it: expected 7 tab-separated fields as in"
            + " the header";
    assertPtpError(
        PTP_HEADER + row + "\u001a\n\n" + row.trim(), "test-ptp.txt, line 8, column 1" + rowsAfter);
    assertPtpError(PTP_HEADER + "\u001a\r\nabc", "test-ptp.txt, line 7, column 1" + rowsAfter);
    // A last line without an ending and no mark is still a file cut short.
    String other = "29880\t29877\t\t20020101\t*\t1\tr";
    DataLoadException e = assertThrows(DataLoadException.class, () -> ptp(PTP_HEADER + other));
    assertTrue(e.getMessage().contains("the last line has no line ending"), e::getMessage);
  }

  /**
   * The mark right after the last row's text, no line break before it, was refused as "the file
   * looks cut short": a download that stopped ends in no mark. The mark ends the file but is no
   * line ending, and every line of CMS's files has one: refused, naming the mark and the fix.
   */
  @Test
  void aDosEndOfFileMarkRightAfterTheLastRowIsNamedInAPtpFile() {
    String other = "29880\t29877\t\t20020101\t*\t1\tr";
    String message =
        "test-ptp.txt, line 8, column 7: the last line has no line ending before the DOS"
            + " end-of-file mark (0x1A) that ends the file: expected a line break after the last"
            + " row, the mark after it (every line of a CMS PTP file ends with one)";
    String row = "27447\t20610\t\t20020101\t*\t1\tr\n";
    assertPtpError(PTP_HEADER + row + other + "\u001a", message);
    assertPtpError(PTP_HEADER + row + other + " \u001a\t\u001a", message);
  }

  /**
   * A line that starts with a DOS end-of-file mark, then text, and ends with a line break was
   * refused as a row cut short ("found 1 field ... the row ends before"), where without its line
   * break it is named as text after the mark: named so either way.
   */
  @Test
  void anEndedLineOfTextAfterADosEndOfFileMarkIsNamedSoInAPtpFile() {
    String row = "27447\t20610\t\t20020101\t*\t1\tr\n";
    String after =
        ": text after a DOS end-of-file mark (0x1A), which ends the file: expected the mark after"
            + " the last row only";
    assertPtpError(PTP_HEADER + row + "\u001aabc\n", "test-ptp.txt, line 8, column 1" + after);
    assertPtpError(PTP_HEADER + row + " \u001aabc\r\n", "test-ptp.txt, line 8, column 1" + after);
    assertPtpError(
        PTP_HEADER + row + "\t\u001a\t27447\r", "test-ptp.txt, line 8, column 2" + after);
    // Rows after it, or right after the header: the same.
    assertPtpError(
        PTP_HEADER + row + "\u001aabc\n" + row, "test-ptp.txt, line 8, column 1" + after);
    assertPtpError(PTP_HEADER + "\u001aabc\n" + row, "test-ptp.txt, line 7, column 1" + after);
  }

  /**
   * A control character in a PTP rationale loaded in silence, and every finding of the edit quoted
   * it: CMS's rationales have none. It is refused at its field, named with where it is; a text is
   * checked once, when first read, so the rows repeating it cost nothing more.
   */
  @Test
  void aControlCharacterInAPtpRationaleIsRefused() throws IOException {
    String row = "27447\t20610\t\t20020101\t*\t1\t";
    String good = "29880\t29877\t*\t19960101\t20231231\t0\tCPT Manual instruction\n";
    assertPtpError(
        PTP_HEADER + good + row + "CPT Manual\u0007 instruction\n",
        "test-ptp.txt, line 8, column 7: PTP EDIT RATIONALE: expected text without control"
            + " characters, found U+0007 at character 11 of 'CPT Manual\\u0007 instruction'");
    // Every C0 control but the tab, which separates the fields, DEL and every C1 control.
    for (char c = 0; c <= 0x9F; c = c == 0x1F ? 0x7F : (char) (c + 1)) {
      if (c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      String text = PTP_HEADER + row + "my" + c + "rationale\n";
      DataLoadException e = assertThrows(DataLoadException.class, () -> ptpAsIs(text));
      assertEquals(7, e.line(), text);
      assertEquals(7, e.column(), text);
      String problem = e.problem();
      assertTrue(
          problem.startsWith(
                  String.format(
                      "PTP EDIT RATIONALE: expected text without control characters, found U+%04X",
                      (int) c))
              && problem.contains(String.format(" at character 3 of 'my\\u%04x", (int) c)),
          e::getMessage);
    }
    // At either end too: only spaces are trimmed.
    assertPtpError(
        PTP_HEADER + row + "\u0000r \n",
        "test-ptp.txt, line 7, column 7: PTP EDIT RATIONALE: expected text without control"
            + " characters, found U+0000 at character 1 of '\\u0000r'");
    // The mark and the bytes a Windows-1252 file has for its quotes and dashes are named so.
    assertPtpError(
        PTP_HEADER + row + "r\u001a\n",
        "test-ptp.txt, line 7, column 7: PTP EDIT RATIONALE: expected text without control"
            + " characters, found U+001A (a DOS end-of-file mark) at character 2 of 'r\\u001a'");
    assertPtpError(
        PTP_HEADER + row + "CMS\u0092s manual\n",
        "test-ptp.txt, line 7, column 7: PTP EDIT RATIONALE: expected text without control"
            + " characters, found U+0092 at character 4 of 'CMS\\u0092s manual'; the file looks"
            + " like Windows-1252, in which byte 0x92 is a printable character such as a curly"
            + " quote or a dash: give the file as CMS publishes it, in Latin-1");
    // Latin-1 letters and signs are text.
    PtpTable table = ptp(PTP_HEADER + row + "Manuel m\u00e9dical \u00a9 \u00ae\n" + good);
    assertEquals(
        "Manuel m\u00e9dical \u00a9 \u00ae",
        table.edits(code("27447"), code("20610")).get(0).rationale());
  }

  /**
   * CMS publishes the PTP files zipped: given unopened, the archive was blamed on a last line "cut
   * short", and a PDF on a header not found. Both are refused at line 1, as the MUE loader does.
   */
  @Test
  void aZippedPtpFileOrAPdfIsNamedSo() throws IOException {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("test-ptp.txt"));
      zip.write(
          (PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n")
              .getBytes(StandardCharsets.ISO_8859_1));
    }
    String zip =
        "test-ptp.zip, line 1, column 1: the file is a ZIP archive (CMS's download, or a"
            + " spreadsheet workbook): expected a CMS NCCI PTP file as text; unzip CMS's download"
            + " and give the file inside, or save the sheet as tab-separated text";
    DataLoadException ptp =
        assertThrows(
            DataLoadException.class,
            () -> PtpFile.read(new ByteArrayInputStream(zipped.toByteArray()), "test-ptp.zip"));
    assertEquals(zip, ptp.getMessage());
    DataLoadException pdf =
        assertThrows(
            DataLoadException.class,
            () ->
                PtpFile.read(
                    new ByteArrayInputStream(
                        "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1)),
                    "ptp.pdf"));
    assertEquals(
        "ptp.pdf, line 1, column 1: the file is a PDF document: expected a CMS NCCI PTP file as"
            + " text (CMS's data, not its layout document)",
        pdf.getMessage());
    // The MUE loader words the same check alike.
    DataLoadException mue =
        assertThrows(
            DataLoadException.class,
            () -> MueFile.read(new ByteArrayInputStream(zipped.toByteArray()), "test-mue.zip"));
    assertTrue(
        mue.getMessage().startsWith("test-mue.zip, line 1, column 1: the file is a ZIP archive"),
        mue::getMessage);
  }

  @Test
  void aPtpFileInUtf16IsSaidToBeUtf16() {
    // Read byte by byte, UTF-16 was blamed on a last line "cut short", or a header not found.
    String text = PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n";
    DataLoadException marked =
        assertThrows(
            DataLoadException.class,
            () ->
                PtpFile.read(
                    new ByteArrayInputStream(("\ufeff" + text).getBytes(StandardCharsets.UTF_16LE)),
                    "test-ptp.txt"));
    assertTrue(
        marked
            .getMessage()
            .startsWith(
                "test-ptp.txt, line 1, column 1: the file is UTF-16 (it starts with a UTF-16LE"
                    + " byte order mark)"));
    // A UTF-32LE mark starts with UTF-16LE's, and a UTF-32BE one with NULs: each named for itself.
    for (String encoding : List.of("UTF-32LE", "UTF-32BE")) {
      DataLoadException utf32 =
          assertThrows(
              DataLoadException.class,
              () ->
                  PtpFile.read(
                      new ByteArrayInputStream(
                          ("\ufeff" + text).getBytes(Charset.forName(encoding))),
                      "test-ptp.txt"));
      assertTrue(
          utf32
              .getMessage()
              .startsWith(
                  "test-ptp.txt, line 1, column 1: the file is UTF-32 (it starts with a "
                      + encoding
                      + " byte order mark)"),
          utf32.getMessage());
    }
    DataLoadException unmarked =
        assertThrows(
            DataLoadException.class,
            () ->
                PtpFile.read(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_16BE)),
                    "test-ptp.txt"));
    assertTrue(
        unmarked
            .getMessage()
            .startsWith("test-ptp.txt, line 1, column 1: the file starts with NUL"));
  }

  /**
   * The PTP parser and the code-set loader read a source's first bytes with the same checks: what
   * the one refuses as wide text the other refuses on line 1 too, and both skip a UTF-8 mark.
   */
  @Test
  void thePtpAndCodeSetLoadersReadTheFirstBytesAlike() throws IOException {
    String ptp = PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n";
    String codes = "99213\tMade up\n";
    for (String mark : List.of("", "\ufeff")) {
      for (String wide : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
        Charset charset = Charset.forName(wide);
        DataLoadException p =
            assertThrows(
                DataLoadException.class,
                () ->
                    PtpFile.read(
                        new ByteArrayInputStream((mark + ptp).getBytes(charset)), "p.txt"));
        DataLoadException c =
            assertThrows(
                DataLoadException.class,
                () ->
                    CodeSetLoader.defaults()
                        .loadTabDelimited(
                            new ByteArrayInputStream((mark + codes).getBytes(charset)), "c.txt"));
        assertEquals(1, p.line(), mark + wide);
        assertEquals(1, c.line(), mark + wide);
      }
    }
    PtpTable table =
        PtpFile.read(
            new ByteArrayInputStream(("\ufeff" + SUBSET + ptp).getBytes(StandardCharsets.UTF_8)),
            "p.txt");
    assertEquals(1, table.size());
    assertEquals(
        1,
        CodeSetLoader.defaults()
            .loadTabDelimited(
                new ByteArrayInputStream(("\ufeff" + codes).getBytes(StandardCharsets.UTF_8)),
                "c.txt")
            .size());
  }

  @Test
  void aUtf8ByteOrderMarkBeforeThePtpHeaderIsSkipped() throws IOException {
    String header = PTP_HEADER.substring(PTP_HEADER.indexOf("Column 1"));
    PtpTable table =
        PtpFile.read(
            new ByteArrayInputStream(
                ("\ufeff" + SUBSET + header + "27447\t20610\t\t20020101\t*\t1\tr\n")
                    .getBytes(StandardCharsets.UTF_8)),
            "test-ptp.txt");
    assertEquals(1, table.size());
  }

  @Test
  void aDirectoryIsNamed(@TempDir Path dir) throws IOException {
    Path part = dir.resolve("ccipra-v322r0-f1.txt");
    Files.writeString(part, PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n");
    Path directory = Files.createDirectory(dir.resolve("ccipra-v322r0-f2.txt"));
    // The JDK's own error is "Is a directory", which does not say which of the parts.
    java.nio.file.FileSystemException e =
        assertThrows(java.nio.file.FileSystemException.class, () -> PtpFile.read(part, directory));
    assertEquals(directory + ": is a directory, not a file", e.getMessage());
    Path mue = Files.createDirectory(dir.resolve("MCR_MUE_PractitionerServices.csv"));
    e = assertThrows(java.nio.file.FileSystemException.class, () -> MueFile.read(mue));
    assertEquals(mue + ": is a directory, not a file", e.getMessage());
  }

  @Test
  void anMueFileCutInItsLastLineIsRefused() throws IOException {
    // Cut in the rationale, the last field, a row still has its four fields: only the missing
    // line ending tells the download was cut short.
    String cut = MUE_HEADER + "20610,2,3 Date of Service Edit: Clin";
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () ->
                MueFile.read(
                    new ByteArrayInputStream(cut.getBytes(StandardCharsets.ISO_8859_1)), "m.csv"));
    assertTrue(e.getMessage().contains("the last line has no line ending"), e::getMessage);
  }

  @Test
  void aMalformedMueFieldIsNamedWithFileLineAndColumn() {
    assertMueError(
        MUE_HEADER + "20610,two,3 Date of Service Edit: Clinical,r\n",
        "test-mue.csv, line 6, column 2: PRACTITIONER SERVICES MUE VALUES: expected an MUE value:"
            + " a whole number from 0 to 999999999, found 'two'");
    assertMueError(
        MUE_HEADER + "20610,99999999999,3 Date of Service Edit: Clinical,r\n",
        "test-mue.csv, line 6, column 2: PRACTITIONER SERVICES MUE VALUES: expected an MUE value:"
            + " a whole number from 0 to 999999999, found '99999999999'");
    assertMueError(
        MUE_HEADER + "20610,2,4 Something,r\n",
        "test-mue.csv, line 6, column 3: MUE ADJUDICATION INDICATOR: expected an adjudication"
            + " indicator: 1, 2 or 3 then its text, such as \"3 Date of Service Edit: Clinical\","
            + " found '4 Something'");
    assertMueError(
        MUE_HEADER + "20610,2,3 Date of Service Edit: Clinical,r\n20610,3,1 Line Edit,r\n",
        "test-mue.csv, line 7, column 1: code 20610 appears twice, on lines 6 and 7");
    assertMueError(
        MUE_HEADER + "2061,2,3,r\n",
        "test-mue.csv, line 6, column 1: HCPCS/ CPT CODE: expected a CPT or HCPCS code such as"
            + " 99213 or G0105 (a spreadsheet may have dropped a leading zero), found '2061'");
    assertMueError(MUE_HEADER, "test-mue.csv, line 4: no rows after the header");
    assertMueError(MUE_HEADER + "\u001a", "test-mue.csv, line 4: no rows after the header");
    // A quote left open would run to the end of the file and take every later code with it.
    assertMueError(
        MUE_HEADER
            + "20610,2,3 Date of Service Edit: Clinical,\"open rationale\n"
            + "27447,1,2 Date of Service Edit: Policy,r\n"
            + "J1100,10,3 Date of Service Edit: Clinical,r\n",
        "test-mue.csv, line 6, column 4: the quote that opens field 4 at character 42 of the line"
            + " is not closed before the end of the file; expected a closing quote after the"
            + " field's value");
    // One closed rows later still takes those rows into one field.
    assertMueError(
        MUE_HEADER
            + "20610,2,3 Date of Service Edit: Clinical,\"open rationale\n"
            + "27447,1,2 Date of Service Edit: Policy,r\"\n"
            + "J1100,10,3 Date of Service Edit: Clinical,r\n",
        "test-mue.csv, line 6, column 4: the field runs over several lines: a quote left open? (a"
            + " code's row is one line)");
    // A PTP file given as the MUE file: tab-separated text where the MUE file has commas.
    assertMueError(
        PTP_HEADER + "27447\t20610\t\t20020101\t*\t1\tr\n",
        "test-mue.csv, line 1: fields separated by tabs, not commas: a CMS MUE file is"
            + " comma-separated (tab-separated text: a spreadsheet's tab-delimited export, or"
            + " another kind of file, such as an NCCI PTP file; give the file as CMS publishes it,"
            + " or save it as CSV with commas)");
  }

  /**
   * A row cut short after a quoted cell over several lines is named on the line it ends on, where
   * its missing field would be, not the line it starts on.
   */
  @Test
  void anMueIndicatorWhoseWordsAreAnotherDigitsIsRefused() throws IOException {
    // Read by its digit alone, this loaded as MAI 1, a line edit, though its words say 3.
    assertMueError(
        MUE_HEADER + "20610,2,1 Date of Service Edit: Clinical,r\n",
        "test-mue.csv, line 6, column 3: MUE ADJUDICATION INDICATOR: expected the digit and its"
            + " words to agree, as in \"1 Line Edit\" (these words are MAI 3's), found '1 Date of"
            + " Service Edit: Clinical'");
    assertMueError(
        MUE_HEADER + "20610,2,3 Date of Service Edit: Policy,r\n",
        "test-mue.csv, line 6, column 3: MUE ADJUDICATION INDICATOR: expected the digit and its"
            + " words to agree, as in \"3 Date of Service Edit: Clinical\" (these words are MAI"
            + " 2's), found '3 Date of Service Edit: Policy'");
    assertMueError(
        MUE_HEADER + "20610,2,2 Line Edit,r\n",
        "test-mue.csv, line 6, column 3: MUE ADJUDICATION INDICATOR: expected the digit and its"
            + " words to agree, as in \"2 Date of Service Edit: Policy\" (these words are MAI"
            + " 1's), found '2 Line Edit'");
    assertMueError(
        MUE_HEADER + "20610,2,1 Something,r\n",
        "test-mue.csv, line 6, column 3: MUE ADJUDICATION INDICATOR: expected the digit and its"
            + " words to agree, as in \"1 Line Edit\", found '1 Something'");
    // Case and spacing aside, a digit's own words load; so does the digit alone.
    MueTable table =
        mue(
            MUE_HEADER
                + "20610,2,3  date of service EDIT:  clinical,r\n"
                + "J1100,10,2 DATE OF SERVICE EDIT: POLICY,r\n"
                + "97110,4,1 line edit,r\n"
                + "27447,1,3,r\n");
    assertEquals(
        List.of(
            MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL,
            MueAdjudicationIndicator.DATE_OF_SERVICE_POLICY,
            MueAdjudicationIndicator.LINE,
            MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL),
        List.of("20610", "J1100", "97110", "27447").stream()
            .map(c -> table.find(code(c)).orElseThrow().indicator())
            .toList());
  }

  /**
   * "In any case and spacing" held between the words but not after the digit: a tab there (a blank,
   * as in every other field) or a no-break space, which the words' own spacing allows, was refused
   * as no indicator at all.
   */
  @Test
  void anMueIndicatorsDigitIsSeparatedFromItsWordsByAnyBlank() throws IOException {
    MueTable table =
        mue(
            MUE_HEADER
                + "20610,2,3\tDate of Service Edit: Clinical,r\n"
                + "J1100,10,2\u00a0Date of Service Edit:\u00a0Policy,r\n"
                + "97110,4,1 \tLine Edit,r\n");
    assertEquals(
        List.of(
            MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL,
            MueAdjudicationIndicator.DATE_OF_SERVICE_POLICY,
            MueAdjudicationIndicator.LINE),
        List.of("20610", "J1100", "97110").stream()
            .map(c -> table.find(code(c)).orElseThrow().indicator())
            .toList());
    // A digit run into its words, or another character after it, is still no indicator.
    assertMueError(
        MUE_HEADER + "20610,2,3Date of Service Edit: Clinical,r\n",
        "test-mue.csv, line 6, column 3: MUE ADJUDICATION INDICATOR: expected an adjudication"
            + " indicator: 1, 2 or 3 then its text, such as \"3 Date of Service Edit: Clinical\","
            + " found '3Date of Service Edit: Clinical'");
  }

  @Test
  void anMueRowCutShortAfterACellOverTwoLinesIsNamedWhereItEnds() {
    assertMueError(
        MUE_HEADER + "20610,\"2\n\"\n",
        "test-mue.csv, line 7, column 3: expected 4 fields as in the header, found 2: the row ends"
            + " before MUE ADJUDICATION INDICATOR");
  }

  /**
   * A row of more fields than the header is refused on its line, at the first field beyond it: a
   * rationale with an unquoted comma loaded as its first part, the rest in a column not read. CMS
   * quotes a field with a comma, as its notice, and that is read whole.
   */
  @Test
  void anMueRowOfMoreFieldsThanTheHeaderIsRefused() throws IOException {
    assertMueError(
        MUE_HEADER
            + "20610,2,3 Date of Service Edit: Clinical,r\n"
            + "0001U,1,2 Date of Service Edit: Policy,Code Descriptor, CPT Instruction,extra\n",
        "test-mue.csv, line 7, column 5: expected 4 fields as in the header, found 6 (a text with"
            + " a comma must be quoted, \"a, b\")");
    // An empty field beyond the header is a comma too many all the same.
    assertMueError(
        MUE_HEADER + "20610,2,3 Date of Service Edit: Clinical,r,\n",
        "test-mue.csv, line 6, column 5: expected 4 fields as in the header, found 5 (a text with"
            + " a comma must be quoted, \"a, b\")");
    MueTable table =
        mue(
            MUE_HEADER
                + "0001U,1,2 Date of Service Edit: Policy,\"Code Descriptor, CPT Instruction\"\n");
    assertEquals(
        "Code Descriptor, CPT Instruction", table.find(code("0001U")).orElseThrow().rationale());
  }

  /**
   * A control character in an MUE rationale loaded in silence, as in a PTP one; so did one in the
   * indicator's words, refused only as words of another digit. Both are refused at their field. A
   * tab is a blank of CMS's fields, and a line break keeps its own error (a quote left open).
   */
  @Test
  void aControlCharacterInAnMueTextIsRefused() throws IOException {
    assertMueError(
        MUE_HEADER + "20610,2,3 Date of Service Edit: Clinical,Nature\u0007 of Analyte\n",
        "test-mue.csv, line 6, column 4: MUE RATIONALE: expected text without control characters,"
            + " found U+0007 at character 7 of 'Nature\\u0007 of Analyte'");
    assertMueError(
        MUE_HEADER + "20610,2,3 Date of Service Edit: Clinical\u0085,r\n",
        "test-mue.csv, line 6, column 3: MUE ADJUDICATION INDICATOR: expected text without"
            + " control characters, found U+0085 at character 33 of '3 Date of Service Edit:"
            + " Clinical\\u0085'; the file looks like Windows-1252, in which byte 0x85 is a"
            + " printable character such as a curly quote or a dash: give the file as CMS"
            + " publishes it, in Latin-1");
    // A quoted field is named as read, without its quotes.
    assertMueError(
        MUE_HEADER + "20610,2,\"3 Date of Service Edit: Clinical\",\"r\u007f\"\n",
        "test-mue.csv, line 6, column 4: MUE RATIONALE: expected text without control characters,"
            + " found U+007F at character 2 of 'r\\u007f'");
    for (char c = 0; c <= 0x9F; c = c == 0x1F ? 0x7F : (char) (c + 1)) {
      if (c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      String text = MUE_HEADER + "20610,2,3 Date of Service Edit: Clinical,my" + c + "r\n";
      DataLoadException e = assertThrows(DataLoadException.class, () -> mueAsIs(text));
      assertEquals(6, e.line(), text);
      assertEquals(4, e.column(), text);
    }
    assertMueError(
        MUE_HEADER + "20610,2,3 Date of Service Edit: Clinical,\"my\u0007\nr\"\n",
        "test-mue.csv, line 6, column 4: the field runs over several lines: a quote left open? (a"
            + " code's row is one line)");
    MueTable table =
        mue(
            MUE_HEADER
                + "20610,2,3 Date of Service Edit: Clinical,Nature\tof Analyte\n"
                + "J1100,1,1 Line Edit,Donn\u00e9es \u00ae\n");
    assertEquals("Nature\tof Analyte", table.find(code("20610")).orElseThrow().rationale());
    assertEquals("Donn\u00e9es \u00ae", table.find(code("J1100")).orElseThrow().rationale());
  }

  /** As in a PTP file, text after a DOS end-of-file mark on a last line without an ending. */
  @Test
  void textAfterADosEndOfFileMarkIsNamedSoInAnMueFile() {
    String row = "20610,2,3 Date of Service Edit: Clinical,r\n";
    String after =
        ": text after a DOS end-of-file mark (0x1A), which ends the file: expected the mark after"
            + " the last row only";
    assertMueError(MUE_HEADER + row + "\u001aabc", "test-mue.csv, line 7, column 1" + after);
    assertMueError(MUE_HEADER + row + "\u001a,,J1100", "test-mue.csv, line 7, column 1" + after);
    assertMueError(
        MUE_HEADER + row.replace(",r\n", ",r\u001a abc"), "test-mue.csv, line 6, column 4" + after);
    assertMueError(
        MUE_HEADER + row + "\u001a\n\nabc",
        "test-mue.csv, line 7, column 1: a DOS end-of-file mark (0x1A) with rows after it, the"
            + " first on line 9: expected the mark after the last row only");
  }

  /** As in a PTP file, the mark right after the last row's text, without a line break. */
  @Test
  void aDosEndOfFileMarkRightAfterTheLastRowIsNamedInAnMueFile() {
    String row = "20610,2,3 Date of Service Edit: Clinical,r\n";
    assertMueError(
        MUE_HEADER + row + row.replace(",r\n", ",r\u001a"),
        "test-mue.csv, line 7, column 4: the last line has no line ending before the DOS"
            + " end-of-file mark (0x1A) that ends the file: expected a line break after the last"
            + " row, the mark after it (every line of a CMS MUE file ends with one)");
  }

  /** As in a PTP file, a line of text after a DOS end-of-file mark that has its line break. */
  @Test
  void anEndedLineOfTextAfterADosEndOfFileMarkIsNamedSoInAnMueFile() {
    String row = "20610,2,3 Date of Service Edit: Clinical,r\n";
    String after =
        ": text after a DOS end-of-file mark (0x1A), which ends the file: expected the mark after"
            + " the last row only";
    assertMueError(MUE_HEADER + row + "\u001aabc\n", "test-mue.csv, line 7, column 1" + after);
    assertMueError(
        MUE_HEADER + row + " \u001a,,J1100\r\n", "test-mue.csv, line 7, column 1" + after);
    assertMueError(
        MUE_HEADER + row + "\u001aabc\n" + row, "test-mue.csv, line 7, column 1" + after);
  }

  private static void assertMueError(String text, String message) {
    DataLoadException e = assertThrows(DataLoadException.class, () -> mueAsIs(text));
    assertEquals(message, e.getMessage());
  }

  @Test
  void thousandsOfDistinctRationalesKeepEachRowsOwn() throws IOException {
    // 6,000 rows over 3,000 texts, each text twice and far apart: every row keeps its own text
    // however many the file has (they are found by a hash of their bytes, with collisions).
    StringBuilder text = new StringBuilder(PTP_HEADER);
    for (int row = 0; row < 6_000; row++) {
      text.append(20_000 + row)
          .append("\t99213\t\t20020101\t*\t1\trationale number ")
          .append((row * 7) % 3_000)
          .append('\n');
    }
    PtpTable table = ptp(text.toString());
    assertEquals(6_000, table.size());
    for (int row = 0; row < 6_000; row++) {
      PtpEdit edit =
          table
              .edits(
                  ProcedureCode.parse(String.valueOf(20_000 + row)), ProcedureCode.parse("99213"))
              .get(0);
      assertEquals("rationale number " + (row * 7) % 3_000, edit.rationale(), "row " + row);
    }
  }

  /**
   * The 8,193rd distinct rationale is refused at its own field, the rationale column, with the
   * limit in words: it was refused "at the line" with no column, in the builder's words.
   */
  @Test
  void aRationaleBeyondTheTablesLimitIsNamedAtItsColumn(@TempDir Path dir) throws IOException {
    String expected =
        "%s, line %d, column 7: PTP EDIT RATIONALE: expected one of the 8,192 distinct rationale"
            + " texts already read, the most a PTP table holds, found 'made-up text 8192'";
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> ptp(PTP_HEADER + madeUpRationales(0, 8_193)));
    assertEquals(expected.formatted("test-ptp.txt", 8_200), e.getMessage());
    assertEquals(7, e.column());
    // Over two parts: a text of the first is one already read in the second, a new one is not.
    Path one =
        Files.writeString(
            dir.resolve("part1.txt"), SUBSET + PTP_HEADER + madeUpRationales(0, 8_192));
    Path two =
        Files.writeString(
            dir.resolve("part2.txt"),
            SUBSET
                + PTP_HEADER
                + "29880\t29877\t\t20030101\t*\t0\tmade-up text 5\n"
                + madeUpRationales(8_192, 8_193));
    e = assertThrows(DataLoadException.class, () -> PtpFile.read(one, two));
    assertEquals(expected.formatted("part2.txt", 9), e.getMessage());
  }

  /** Rows {@code from} to {@code to}, each of its own code and rationale text, made up. */
  private static String madeUpRationales(int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int row = from; row < to; row++) {
      text.append(20_000 + row).append("\t99213\t\t20020101\t*\t1\tmade-up text ").append(row);
      text.append('\n');
    }
    return text.toString();
  }
}
