package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScrubCommandTest {

  /** The files are of a few rows: marked as a subset, which a whole file of CMS's is not. */
  static final String SUBSET = "# cpt4j subset: rows written by the tests\n";

  /** Hand-written edit files in CMS's layouts; the rationales are this test's own words. */
  static final String PTP =
      SUBSET
          + "Copyright line of the test file.\t\t\t\t\t\t\n"
          + "Column1/Column2 Edits\t\t\t\t\t\t\n"
          + "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n"
          + "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\n"
          + "\t\t\t\t*=no data\t1=allowed\t\n"
          + "\t\t\t\t\t9=not applicable\t\n"
          + "27447\t20610\t\t20020101\t*\t1\ttest rationale\n";

  static final String PTP_PART_2 =
      PTP.substring(0, PTP.lastIndexOf("27447")) + "29880\t29877\t\t20030101\t*\t0\tother\n";

  static final String MUE =
      SUBSET
          + "\"A notice of the test file,\nover two lines.\",,,\n"
          + "\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,"
          + "MUE Adjudication Indicator,MUE Rationale\n"
          + "J1100,10,2 Date of Service Edit: Policy,test\n";

  @TempDir Path dir;
  private Path ptp;
  private Path ptp2;
  private Path mue;

  @BeforeEach
  void files() throws IOException {
    ptp = Files.writeString(dir.resolve("ptp1.txt"), PTP);
    ptp2 = Files.writeString(dir.resolve("ptp2.txt"), PTP_PART_2);
    mue = Files.writeString(dir.resolve("mue.csv"), MUE, StandardCharsets.ISO_8859_1);
  }

  @Test
  void everyRowIsWrittenWithItsEdits() {
    String input =
        "claim,code,modifiers,units,note\n"
            + "A,27447,RT,,knee\n"
            + "A,20610,,,injection\n"
            + "B,27447,,,\n"
            + "B,20610,59,,distinct\n"
            + "C,J1100,,6,\n"
            + "C,J1100,,5,\n"
            + "D,29880,,,\n"
            + "D,29877,XU,,\n";
    Cli.Result r =
        Cli.runWithInput(
            input,
            "scrub",
            "--input",
            "-",
            "--ptp",
            ptp.toString(),
            "--ptp",
            ptp2.toString(),
            "--mue",
            mue.toString(),
            "--date",
            "2025-06-02");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals(9, lines.size(), r::toString);
    assertEquals("claim,code,modifiers,units,note,edits", lines.get(0));
    // 27447-RT carries an anatomic modifier: the pair is bypassed.
    assertEquals("A,27447,RT,,knee,", lines.get(1));
    assertEquals("A,20610,,,injection,", lines.get(2));
    assertEquals("B,27447,,,,", lines.get(3));
    assertEquals("B,20610,59,,distinct,", lines.get(4));
    assertTrue(lines.get(5).startsWith("C,J1100,,6,,\"ncci_mue: J1100: 11 units"), lines.get(5));
    assertTrue(lines.get(6).startsWith("C,J1100,,5,,\"ncci_mue: J1100: 11 units"), lines.get(6));
    assertTrue(
        lines.get(8).startsWith("D,29877,XU,,,\"ncci_ptp: 29877 (line 2) is column 2 of 29880"),
        lines.get(8));
    assertTrue(lines.get(8).contains("no modifier bypasses this edit (XU does not)"), lines.get(8));
  }

  /** A column named like a known one is carried through unread, with a warning once per run. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-13-01 | month 13 at index 5 is not 01 to 12",
        "+2025-01-01 | '+' at index 0 is not a digit 0-9 (a year has four digits, without a sign)",
        "' 2025-06-011 ' | '1' at index 10 follows the day"
      })
  void aRefusedDateCellSaysWhatIsWrongWhereAsCptPriceDoes(String date, String what)
      throws IOException {
    // It said only "is not a date: expected YYYY-MM-DD": the fault and its index, which cpt
    // price gives a date, were dropped.
    Cli.Result r =
        Cli.runWithInput(
            "code,date\n99213," + date + "\n", "scrub", "-i", "-", "--ptp", ptp.toString());
    assertEquals(1, r.status(), r::toString);
    assertEquals(
        "invalid: date: '"
            + date.strip()
            + "' is not a date: "
            + what
            + "; expected YYYY-MM-DD, such as 2025-06-01",
        ValidateCommandTest.csv(r.out()).get(1).getField(2));
  }

  @Test
  void aColumnNamedLikeAKnownOneIsCarriedThroughWithAWarning() {
    String[] args = {"scrub", "--input", "-", "--ptp", ptp.toString(), "--date", "2025-06-02"};
    Cli.Result r = Cli.runWithInput("claim,code,mod,note\nA,27447,,\nA,20610,59,distinct\n", args);
    assertEquals(1, r.status(), r::toString); // the pair edit, its modifier 59 unread
    assertEquals(
        List.of("cpt scrub: warning: column 'mod' is not read: did you mean 'modifiers'?"),
        r.errLines(),
        r::toString);
    r = Cli.runWithInput("claim,code,modifiers,mod\nA,27447,,\nA,20610,59,x\n", args);
    assertEquals(List.of(), r.errLines(), r::toString);
  }

  /** A claim that comes back after other claims is checked in parts: the pair is not seen. */
  @Test
  void aClaimThatComesBackAfterOtherClaimsIsReported() {
    String[] args = {"scrub", "--input", "-", "--ptp", ptp.toString(), "--date", "2025-06-02"};
    Cli.Result r = Cli.runWithInput("claim,code\nA,27447\nB,99213\nA,20610\n", args);
    assertEquals(0, r.status(), r::toString); // the pair 27447 and 20610 goes unseen
    assertEquals(
        List.of(
            "cpt scrub: warning: claim 'A' comes back at file line 4 after other claims: its rows"
                + " are checked as separate claims; sort the file by claim"),
        r.errLines(),
        r::toString);
    r = Cli.runWithInput("claim,code\nA,27447\nA,20610\nB,99213\n", args);
    assertEquals(List.of(), r.errLines(), r::toString);
  }

  /**
   * A row with fewer or more cells than the header is refused and joins the open claim, as a record
   * that is not valid CSV does. Too short, it was read as a blank claim; too long (a comma left
   * unquoted in a note), its claim was read from a shifted cell: either ended claim A, and the pair
   * 27447 and 20610 went unseen. The refusal says what is wrong when the row is too long.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "99213|file line 3: ",
        "99213,|file line 3: ",
        "\"99213\"|file line 3: ",
        "99213,left, knee,A|file line 3: the row has 4 fields where the header has 3",
        "99213,,,|file line 3: the row has 4 fields where the header has 3",
        "\"99213\",left, knee,A|file line 3: the row has 4 fields where the header has 3"
      })
  void aRowOfTheWrongWidthDoesNotEndTheClaim(String row, String refusal) {
    String[] args = {"scrub", "--input", "-", "--ptp", ptp.toString(), "--date", "2025-06-02"};
    Cli.Result r = Cli.runWithInput("code,note,claim\n27447,,A\n" + row + "\n20610,,A\n", args);
    assertEquals(1, r.status(), r::toString);
    assertEquals(List.of(), r.errLines(), r::toString); // no claim that comes back
    List<String> lines = r.outLines();
    assertTrue(lines.get(2).contains("invalid: malformed_row: " + refusal), r::toString);
    assertTrue(
        lines.get(3).startsWith("20610,,A,\"ncci_ptp: 20610 (line 3) is column 2 of"), r::toString);
  }

  /**
   * The warning counts the rows checked alone: an invalid or malformed row is not checked at all,
   * so beside one valid row it made a warning that "2 rows ... were each checked as a claim of one
   * line", and its count said more rows were checked than were.
   */
  @Test
  void rowsNotCheckedAreNotCountedAsCheckedAlone() {
    String[] args = {"scrub", "--input", "-", "--ptp", ptp.toString(), "--date", "2025-06-02"};
    Cli.Result r = Cli.runWithInput("code,units\n27447,1\n20610,abc\n20610,1,x\n", args);
    assertEquals(1, r.status(), r::toString);
    assertEquals(List.of(), r.errLines(), r::toString);
    r = Cli.runWithInput("code,units\n27447,1\n20610,abc\n20610,1\n99213,1,x\n", args);
    assertEquals(
        List.of(
            "cpt scrub: warning: 2 rows have no claim value and were each checked as a claim of"
                + " one line, so no pair edit or per-date unit limit could join them; give the rows"
                + " of a claim one value in a claim column"),
        r.errLines(),
        r::toString);
  }

  /**
   * Rows without a claim are claims of one line each: a clean result would hide that no pair or
   * per-date limit could be checked, so it says so, and a file of claims does not.
   */
  @Test
  void rowsWithoutAClaimAreCheckedAloneAndTheRunSaysSo() {
    String[] args = {"scrub", "--input", "-", "--ptp", ptp.toString(), "--date", "2025-06-02"};
    Cli.Result r = Cli.runWithInput("code\n27447\n20610\n", args);
    assertEquals(0, r.status(), r::toString);
    assertEquals(List.of("code,edits", "27447,", "20610,"), r.outLines());
    assertEquals(
        List.of(
            "cpt scrub: warning: 2 rows have no claim value and were each checked as a claim of"
                + " one line, so no pair edit or per-date unit limit could join them; give the rows"
                + " of a claim one value in a claim column"),
        r.errLines(),
        r::toString);
    r = Cli.runWithInput("claim,code\n,27447\n,20610\nA,99213\n", args);
    assertTrue(r.err().contains("warning: 2 rows have no claim value"), r::toString);
    r = Cli.runWithInput("claim,code\nA,27447\nA,20610\nB,99213\n", args);
    assertEquals(1, r.status(), r::toString);
    assertEquals(
        "",
        r.err(),
        r::toString); // Without --date and without a date column, today's edits were used: said
    // too.
    r =
        Cli.runWithInput(
            "claim,code\nA,27447\nA,20610\n", "scrub", "-i", "-", "--ptp", ptp.toString());
    assertTrue(
        r.err()
            .startsWith(
                "cpt scrub: warning: 2 rows have no date of service and no --date was given:"
                    + " checked with the edits in force today, "),
        r::toString);
  }

  /**
   * A claim over several dates, as cpt price reads it: each line on its own date, the edits within
   * a date; a record that is not CSV does not cut its claim in two; rows past a claim's 1,000th are
   * refused as price refuses them.
   */
  @Test
  void claimsOfSeveralDatesAreCheckedDateByDate() {
    String input =
        "claim,code,units,date\n"
            + "A,27447,,2025-06-02\n"
            + "A,20610,,2025-06-03\n" // another day: no pair
            + "A,J1100,6,2025-06-03\n"
            + "A,\"20610\"junk,,2025-06-03\n"
            + "A,J1100,5,2025-06-03\n" // 11 units on 06-03, across the broken record
            + "A,27447,,2025-06-03\n"; // the pair is of 06-03
    Cli.Result r =
        Cli.runWithInput(
            input, "scrub", "-i", "-", "--ptp", ptp.toString(), "--mue", mue.toString());
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals("A,27447,,2025-06-02,", lines.get(1));
    assertTrue(
        lines
            .get(2)
            .startsWith(
                // Lines are numbered by their place among the claim's rows, the broken one counted.
                "A,20610,,2025-06-03,\"ncci_ptp: 20610 (line 2) is column 2 of"
                    + " 27447 (line 6) on 2025-06-03"),
        lines.get(2));
    assertTrue(
        lines
            .get(3)
            .startsWith("A,J1100,6,2025-06-03,\"ncci_mue: J1100: 11 units on" + " 2025-06-03"),
        lines.get(3));
    assertTrue(lines.get(4).contains("invalid: malformed_row: file line 5:"), lines.get(4));
    assertTrue(lines.get(5).startsWith("A,J1100,5,2025-06-03,\"ncci_mue"), lines.get(5));
    assertEquals("A,27447,,2025-06-03,", lines.get(6));

    StringBuilder big = new StringBuilder("claim,code,date\n");
    for (int i = 0; i < 1_001; i++) {
      big.append("L,99213,2025-06-02\n");
    }
    big.append("L,20610,2025-06-02\n");
    Cli.Result tooLong =
        Cli.runWithInput(big.toString(), "scrub", "-i", "-", "--ptp", ptp.toString());
    assertEquals(1, tooLong.status(), tooLong::toString);
    List<String> out = tooLong.outLines();
    assertEquals("L,99213,2025-06-02,", out.get(1_000));
    assertTrue(
        out.get(1_001)
            .endsWith(
                "invalid: claim_too_long: claim 'L' has more than 1000 lines; only"
                    + " the first 1000 were checked"),
        out.get(1_001));
    assertTrue(out.get(1_002).contains("claim_too_long"), out.get(1_002));

    // A 1,000th row that is not valid CSV counts, as cpt price counts it: the claim grew past the
    // cap, checked whole, when the cut was only looked for after a readable row.
    StringBuilder broken = new StringBuilder("claim,code,date\n");
    for (int i = 0; i < 999; i++) {
      broken.append("M,99213,2025-06-02\n");
    }
    broken.append("M,\"99213,2025-06-02\n");
    broken.append("M,99213,2025-06-02\n".repeat(3));
    List<String> cut =
        Cli.runWithInput(broken.toString(), "scrub", "-i", "-", "--ptp", ptp.toString()).outLines();
    assertTrue(cut.get(1_000).contains("malformed_row"), cut.get(1_000));
    for (int row = 1_001; row <= 1_003; row++) {
      assertTrue(cut.get(row).contains("claim_too_long"), cut.get(row));
    }
  }

  /**
   * An MUE file is its quarter's: a line of another date is not checked against it. That is a note
   * under the MUE's own label, never a denial, and still a finding for the exit status: the line
   * was not shown to pass.
   */
  @Test
  void aLineOutsideTheMueFilesQuarterIsNotedAsNotCheckedNotDenied() throws IOException {
    Path april =
        Files.writeString(
            dir.resolve("MCR_MUE_PractitionerServices_Eff_04-01-2025.csv"),
            MUE,
            StandardCharsets.ISO_8859_1);
    String input =
        "claim,code,units,date\n"
            + "A,J1100,11,2025-03-31\n" // over the value, but of the quarter before
            + "A,99213,,2025-03-31\n" // no MUE row here, but that quarter's table may have one
            + "B,J1100,2,2025-04-01\n"; // in the quarter and within the value
    Cli.Result r = Cli.runWithInput(input, "scrub", "-i", "-", "--mue", april.toString());
    assertEquals(1, r.status(), r::toString);
    assertEquals(
        List.of(
            "claim,code,units,date,edits",
            "A,J1100,11,2025-03-31,\"ncci_mue: J1100 (line 1) was not checked against its MUE:"
                + " the table is in force from 2025-04-01 to 2025-06-30, not on 2025-03-31; check"
                + " it with the MUE file of that date's quarter\"",
            "A,99213,,2025-03-31,\"ncci_mue: 99213 (line 2) was not checked against its MUE:"
                + " the table is in force from 2025-04-01 to 2025-06-30, not on 2025-03-31; check"
                + " it with the MUE file of that date's quarter\"",
            "B,J1100,2,2025-04-01,"),
        r.outLines());
    assertTrue(!r.out().contains("edit_denied"), r::toString);
    // The same file passes the lines of its quarter with status 0.
    Cli.Result inQuarter =
        Cli.runWithInput(
            "code,units,date\nJ1100,2,2025-06-30\n", "scrub", "-i", "-", "--mue", "" + april);
    assertEquals(0, inQuarter.status(), inQuarter::toString);
    assertEquals(List.of("code,units,date,edits", "J1100,2,2025-06-30,"), inQuarter.outLines());
  }

  @Test
  void aClaimDatedAfterThePtpFilesQuarterIsNotedAndCounts() throws IOException {
    Path march = Files.writeString(dir.resolve("ccipra-v310r0-f1.txt"), PTP);
    String input =
        "claim,code,modifiers,date\n"
            + "A,27447,,2025-03-31\n" // the files' quarter: passes with 59
            + "A,20610,59,2025-03-31\n"
            + "B,27447,,2025-04-01\n" // the next quarter: the same pair, noted
            + "B,20610,59,2025-04-01\n"
            + "C,99213,,2025-04-01\n"; // alone on its claim: no pair to miss
    Cli.Result r = Cli.runWithInput(input, "scrub", "-i", "-", "--ptp", march.toString());
    assertEquals(1, r.status(), r::toString);
    assertEquals(
        List.of(
            "claim,code,modifiers,date,edits",
            "A,27447,,2025-03-31,",
            "A,20610,59,2025-03-31,",
            "B,27447,,2025-04-01,\"ncci_ptp: 27447 (line 1), of 2025-04-01, was checked against"
                + " the PTP table of 2025-Q1, which knows the edits through 2025-03-31: edits CMS"
                + " added after that are not in it; check the line with the PTP files of its"
                + " date's quarter\"",
            "B,20610,59,2025-04-01,\"ncci_ptp: 20610 (line 2), of 2025-04-01, was checked against"
                + " the PTP table of 2025-Q1, which knows the edits through 2025-03-31: edits CMS"
                + " added after that are not in it; check the line with the PTP files of its"
                + " date's quarter\"",
            "C,99213,,2025-04-01,"),
        r.outLines());
  }

  @Test
  void aCleanFileExitsZeroAndInvalidRowsAreSaid() {
    Cli.Result clean =
        Cli.runWithInput(
            "code,date\n27447,2025-06-02\n20610,2025-06-02\n",
            "scrub",
            "-i",
            "-",
            "--ptp",
            ptp.toString());
    assertEquals(0, clean.status(), clean::toString);
    assertEquals(
        List.of("code,date,edits", "27447,2025-06-02,", "20610,2025-06-02,"), clean.outLines());
    Cli.Result invalid =
        Cli.runWithInput("code\n2744\n", "scrub", "-i", "-", "--mue", mue.toString());
    assertEquals(1, invalid.status(), invalid::toString);
    assertTrue(invalid.outLines().get(1).startsWith("2744,invalid: code:"), invalid::toString);
    Cli.Result units =
        Cli.runWithInput("code,units\n99213,x\n", "scrub", "-i", "-", "--mue", mue.toString());
    assertTrue(
        units.outLines().get(1).startsWith("99213,x,invalid: units: 'x' is not a number of units"),
        units::toString);
  }

  @Test
  void tablesOfTwoClaimTypesAreRefusedTogether() throws IOException {
    Path hospitalMue =
        Files.writeString(
            dir.resolve("MCR_MUE_OutpatientHospitalServices_Eff_07-01-2026.csv"),
            MUE.replace("Practitioner Services", "Outpatient Hospital Services"),
            StandardCharsets.ISO_8859_1);
    Path practitionerPtp = Files.writeString(dir.resolve("ccipra-v322r0-f1.txt"), PTP);
    Cli.Result mixed =
        Cli.runWithInput(
            "code\n99213\n",
            "scrub",
            "-i",
            "-",
            "--ptp",
            practitionerPtp.toString(),
            "--mue",
            hospitalMue.toString());
    assertEquals(2, mixed.status(), mixed::toString);
    assertEquals(
        List.of(
            "cpt scrub: --ptp "
                + practitionerPtp
                + " is the practitioner services PTP table but --mue "
                + hospitalMue
                + " the outpatient hospital services MUE table: give the tables of one claim type"
                + " (see 'cpt scrub --help')"),
        mixed.errLines());
    // CMS publishes no PTP table for DME suppliers: their MUEs go alone.
    Path dmeMue =
        Files.writeString(
            dir.resolve("dme.csv"),
            MUE.replace("Practitioner Services", "DME Supplier Services"),
            StandardCharsets.ISO_8859_1);
    Cli.Result dme =
        Cli.runWithInput(
            "code\n99213\n", "scrub", "-i", "-", "--ptp", ptp.toString(), "--mue", "" + dmeMue);
    assertEquals(2, dme.status(), dme::toString);
    assertEquals(
        List.of(
            "cpt scrub: --mue "
                + dmeMue
                + " is the DME supplier services MUE table, and CMS publishes no PTP table for"
                + " them: give --mue alone, or the MUE table of the --ptp files' claim type (see"
                + " 'cpt scrub --help')"),
        dme.errLines());
    Cli.Result dmeAlone =
        Cli.runWithInput("code,units\nJ1100,11\n", "scrub", "-i", "-", "--mue", "" + dmeMue);
    assertEquals(1, dmeAlone.status(), dmeAlone::toString);
    assertTrue(dmeAlone.out().contains("ncci_mue"), dmeAlone::toString);
    // One claim type (scrub takes either), or a PTP file renamed so that it does not say: checked.
    Path hospitalPtp = Files.writeString(dir.resolve("ccioph-v322r0-f1.txt"), PTP);
    for (Path file : List.of(hospitalPtp, ptp)) {
      Cli.Result same =
          Cli.runWithInput(
              "code\n99213\n",
              "scrub",
              "-i",
              "-",
              "-d",
              "2026-07-02",
              "--ptp",
              "" + file,
              "--mue",
              "" + hospitalMue);
      assertEquals(0, same.status(), same::toString);
    }
  }

  /**
   * A renamed PTP file says no claim type: beside the outpatient hospital MUE file it is the
   * hospital's too, and pairs the lines of two physicians as the MUE adds their units.
   */
  @Test
  void aRenamedPtpFileTakesTheMueFilesClaimType() throws IOException {
    Path hospitalMue =
        Files.writeString(
            dir.resolve("MCR_MUE_OutpatientHospitalServices_Eff_04-01-2025.csv"),
            MUE.replace("Practitioner Services", "Outpatient Hospital Services"),
            StandardCharsets.ISO_8859_1);
    String input =
        "claim,code,units,rendering_provider\n"
            + "A,27447,,1234567893\n"
            + "A,20610,,2000000002\n"
            + "A,J1100,6,1234567893\n"
            + "A,J1100,6,2000000002\n";
    Cli.Result r =
        Cli.runWithInput(
            input,
            "scrub",
            "-i",
            "-",
            "--ptp",
            ptp.toString(),
            "--mue",
            hospitalMue.toString(),
            "--date",
            "2025-06-02");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals("A,27447,,1234567893,", lines.get(1));
    assertTrue(lines.get(2).startsWith("A,20610,,2000000002,\"ncci_ptp: "), r::toString);
    assertTrue(lines.get(3).startsWith("A,J1100,6,1234567893,\"ncci_mue: "), r::toString);
    assertTrue(lines.get(4).startsWith("A,J1100,6,2000000002,\"ncci_mue: "), r::toString);
  }

  /**
   * A PTP row of indicator 9 not deleted on its effective date, or pairing a code with itself, is
   * refused as other damaged rows are, by both commands, naming the file, line and column: each
   * loaded as an edit that never applies. With a good part before it, nothing is checked or priced.
   */
  @Test
  void aPtpRowThatCouldNeverApplyIsRefusedAsADamagedRow() throws IOException {
    String row = "27447\t20610\t\t20020101\t*\t1\ttest rationale\n";
    String nine =
        "column 6: MODIFIER 0=NOT ALLOWED 1=ALLOWED 9=NOT APPLICABLE: expected 0 or 1 on an edit"
            + " not deleted on its effective date (9, not applicable, marks an edit withdrawn,"
            + " deleted on the date it took effect; this row has no deletion date), found '9'";
    String self =
        "column 2: COLUMN 2: expected a code other than column 1's (a code paired with itself is"
            + " no edit), found '27447'";
    for (List<String> damage :
        List.of(
            List.of(row.replace("\t1\t", "\t9\t"), nine),
            List.of(row.replace("20610", "27447"), self))) {
      Path bad =
          Files.writeString(dir.resolve("ccipra-v322r0-f2.txt"), PTP.replace(row, damage.get(0)));
      String where = bad.getFileName() + ", line 8, " + damage.get(1);
      Cli.Result scrub =
          Cli.runWithInput(
              "code\n27447\n20610\n",
              "scrub",
              "-i",
              "-",
              "--ptp",
              ptp.toString(),
              "--ptp",
              bad.toString());
      assertEquals(2, scrub.status(), scrub::toString);
      assertEquals(List.of("cpt scrub: " + where), scrub.errLines());
      assertEquals("", scrub.out(), scrub::toString);
      Cli.Result price =
          Cli.run("price", "27447", "20610", "-l", "13282-99", "--ptp", bad.toString());
      assertEquals(2, price.status(), price::toString);
      assertEquals(List.of("cpt price: " + where), price.errLines());
      assertEquals("", price.out(), price::toString);
    }
  }

  @Test
  void badEditFilesAndMissingOptionsAreTrouble() throws IOException {
    Cli.Result none = Cli.runWithInput("code\n99213\n", "scrub", "-i", "-");
    assertEquals(2, none.status(), none::toString);
    assertTrue(none.err().contains("--ptp FILE"), none::toString);
    Path bad = Files.writeString(dir.resolve("bad.txt"), PTP.replace("20020101", "2002"));
    Cli.Result malformed =
        Cli.runWithInput("code\n99213\n", "scrub", "-i", "-", "--ptp", bad.toString());
    assertEquals(2, malformed.status(), malformed::toString);
    assertTrue(
        malformed.err().contains("bad.txt, line 8, column 4: EFFECTIVE DATE: expected a date"),
        malformed::toString);
    Path missing = dir.resolve("ccipra-f2.txt");
    Cli.Result part =
        Cli.runWithInput(
            "code\n99213\n",
            "scrub",
            "-i",
            "-",
            "--ptp",
            ptp.toString(),
            "--ptp",
            missing.toString());
    assertEquals(2, part.status(), part::toString);
    assertEquals(
        List.of("cpt scrub: cannot read --ptp '" + missing + "': no such file"), part.errLines());
  }
}
