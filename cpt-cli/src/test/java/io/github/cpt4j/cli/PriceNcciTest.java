package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cpt price} with the NCCI edits, over the real bundled 2025 data. */
class PriceNcciTest {

  /** The files are of a few rows: marked as a subset, which a whole file of CMS's is not. */
  static final String SUBSET = "# cpt4j subset: rows written by the tests\n";

  /**
   * Hand-written edit files in CMS's layouts. The pair is this test's own, chosen so that the
   * denied column 2 code is the one that would otherwise rank first.
   */
  static final String PTP =
      SUBSET
          + "Copyright line of the test file.\t\t\t\t\t\t\n"
          + "Column1/Column2 Edits\t\t\t\t\t\t\n"
          + "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n"
          + "\t\tprior to 1996\tDate\tDate\t0=not allowed\t\n"
          + "\t\t\t\t*=no data\t1=allowed\t\n"
          + "\t\t\t\t\t9=not applicable\t\n"
          + "20610\t29880\t\t20020101\t*\t0\ttest rationale\n";

  static final String MUE =
      SUBSET
          + "\"A notice of the test file,\nover two lines.\",,,\n"
          + "\"HCPCS/\nCPT Code\",Practitioner Services MUE Values,"
          + "MUE Adjudication Indicator,MUE Rationale\n"
          + "99213,1,2 Date of Service Edit: Policy,test\n";

  @TempDir Path dir;
  private Path ptp;
  private Path mue;

  @BeforeEach
  void files() throws IOException {
    ptp = Files.writeString(dir.resolve("ptp.txt"), PTP);
    mue = Files.writeString(dir.resolve("mue.csv"), MUE, StandardCharsets.ISO_8859_1);
  }

  @Test
  void aColumnTwoLineIsDeniedAndTheOtherPaidInFull() {
    Cli.Result r =
        Cli.run(
            "price",
            "29880-RT",
            "20610-LT",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "-s",
            "facility",
            "-f",
            "json",
            "--ptp",
            ptp.toString());
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("ncci_ptp", rows.get(0).get("result").textValue(), r::toString);
    assertTrue(
        rows.get(0).get("explanation").textValue().contains("column 2 of 20610"), r::toString);
    // Without the denied arthroscopy the injection ranks first: 100%, not the 50% of 21.07.
    assertEquals("42.14", rows.get(1).get("amount").textValue(), r::toString);
  }

  /** A line outside the MUE file's quarter is priced, with a warning that it was not checked. */
  @Test
  void aLineOutsideTheMueFilesQuarterIsPricedWithAWarning() throws IOException {
    Path april =
        Files.writeString(
            dir.resolve("MCR_MUE_PractitionerServices_Eff_04-01-2025.csv"),
            MUE,
            StandardCharsets.ISO_8859_1);
    Cli.Result r =
        Cli.run(
            "price",
            "99213 x2",
            "-l",
            "13282-99",
            "-d",
            "2025-03-31",
            "-f",
            "json",
            "--mue",
            april.toString());
    assertEquals(0, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("priced", rows.get(0).get("result").textValue(), r::toString);
    assertTrue(
        rows.get(0)
            .get("explanation")
            .textValue()
            .contains("warning: 99213 (line 1) was not checked against its MUE"),
        r::toString);
  }

  /**
   * Lines dated after the PTP files' quarter are still judged by their rows, with a warning that
   * the edits CMS added since are not in them.
   */
  @Test
  void linesAfterThePtpFilesQuarterAreJudgedWithAWarning() throws IOException {
    Path january = Files.writeString(dir.resolve("ccipra-v310r0-f1.txt"), PTP);
    Cli.Result r =
        Cli.run(
            "price",
            "29880-RT",
            "20610-LT",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "-s",
            "facility",
            "-f",
            "json",
            "--ptp",
            january.toString());
    assertEquals(0, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("ncci_ptp", rows.get(0).get("result").textValue(), r::toString);
    assertEquals("priced", rows.get(1).get("result").textValue(), r::toString);
    assertTrue(
        rows.get(1)
            .get("explanation")
            .textValue()
            .contains(
                "warning: 20610 (line 2), of 2025-06-02, was checked against the PTP table of"
                    + " 2025-Q1, which knows the edits through 2025-03-31"),
        r::toString);
  }

  /**
   * A line's warnings start its explanation, and the library records each as a step too, {@code
   * ncci-ptp: warning: MESSAGE}: every explanation said the message twice, in each format and in a
   * batch. The step stays, as {@code ncci-ptp: warning}.
   */
  @Test
  void aWarningIsSaidOnceInEachExplanation() throws IOException {
    String january = Files.writeString(dir.resolve("ccipra-v310r0-f1.txt"), PTP).toString();
    String[] claim = {"-l", "13282-99", "-d", "2025-06-02", "-s", "facility", "--ptp", january};
    byte[] csv = "claim,code,modifiers\nA,29880,RT\nA,20610,LT\n".getBytes(StandardCharsets.UTF_8);
    List<Cli.Result> runs =
        List.of(
            Cli.run(with(claim, "price", "29880-RT", "20610-LT")),
            Cli.run(with(claim, "price", "29880-RT", "20610-LT", "--explain")),
            Cli.run(with(claim, "price", "29880-RT", "20610-LT", "-f", "csv")),
            Cli.run(with(claim, "price", "29880-RT", "20610-LT", "-f", "json")),
            Cli.runWithInput(csv, with(claim, "price", "-i", "-")),
            Cli.runWithInput(csv, with(claim, "price", "-i", "-", "-f", "json")),
            Cli.runWithInput(csv, with(claim, "price", "-i", "-", "--explain")));
    String warning = "was checked against the PTP table of 2025-Q1";
    for (Cli.Result r : runs) {
      assertEquals(0, r.status(), r::toString);
      int steps = 0;
      for (String line : r.outLines()) {
        assertTrue(line.indexOf(warning) == line.lastIndexOf(warning), r::toString);
        assertFalse(line.contains("ncci-ptp: warning:"), r::toString);
        steps += line.contains("; ncci-ptp: warning") ? 1 : 0;
      }
      // Each line of the claim has the warning; the denied one's steps are always written.
      assertEquals(2, r.out().split(warning, -1).length - 1, r::toString);
      assertTrue(steps >= 1, r::toString);
    }
    // The denied line: its detail, its warning, its steps, the warning's step without it.
    JsonNode denied = JsonTree.read(runs.get(3).out()).get(0);
    assertEquals("ncci_ptp", denied.get("result").textValue());
    String explanation = denied.get("explanation").textValue();
    assertTrue(
        explanation.startsWith(
            "29880 (line 1) is column 2 of 20610 (line 2) on 2025-06-02, modifier indicator 0"),
        explanation);
    assertTrue(
        explanation.contains("; warning: 29880 (line 1), of 2025-06-02, " + warning), explanation);
    assertTrue(explanation.endsWith("; ncci-ptp: denied; ncci-ptp: warning"), explanation);
  }

  private static String[] with(String[] options, String... args) {
    String[] all = Arrays.copyOf(args, args.length + options.length);
    System.arraycopy(options, 0, all, args.length, options.length);
    return all;
  }

  @Test
  void withoutTheEditsBothLinesArePriced() {
    Cli.Result r =
        Cli.run(
            "price",
            "29880-RT",
            "20610-LT",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "-s",
            "facility",
            "-f",
            "json");
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("priced", rows.get(0).get("result").textValue(), r::toString);
    assertEquals("21.07", rows.get(1).get("amount").textValue(), r::toString);
  }

  @Test
  void aBatchGetsBothEdits() throws IOException {
    byte[] csv =
        // 25 on the visit: without it, the injection's global package would deny it first.
        ("claim,code,modifiers,units\nA,29880,RT,\nA,20610,LT,\nB,99213,25,2\nB,20610,LT,\n")
            .getBytes(StandardCharsets.UTF_8);
    Cli.Result r =
        Cli.runWithInput(
            csv,
            "price",
            "-i",
            "-",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "-s",
            "facility",
            "--ptp",
            ptp.toString(),
            "--mue",
            mue.toString());
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    int result = rows.get(0).getFields().indexOf("result");
    int amount = rows.get(0).getFields().indexOf("amount");
    int explanation = rows.get(0).getFields().indexOf("explanation");
    assertEquals("ncci_ptp", rows.get(1).getField(result), r::toString);
    assertEquals("42.14", rows.get(2).getField(amount), r::toString);
    assertEquals("ncci_mue", rows.get(3).getField(result), r::toString);
    assertTrue(rows.get(3).getField(explanation).contains("99213"), r::toString);
    assertEquals("42.14", rows.get(4).getField(amount), r::toString);
  }

  /**
   * Lines given as arguments, some invalid: the edits' findings name each line by the argument it
   * was (the user's 2nd, 4th and 5th), not by its place among the valid lines.
   */
  @Test
  void findingsOnArgumentsNameTheLinesAsGivenAfterAnInvalidOne() {
    Cli.Result r =
        Cli.run(
            "price",
            "9921",
            "29880-RT",
            "9999",
            "20610-LT",
            "99213-25 x2",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "-s",
            "facility",
            "-f",
            "json",
            "--ptp",
            ptp.toString(),
            "--mue",
            mue.toString());
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("invalid_line", rows.get(0).get("result").textValue(), r::toString);
    assertEquals("ncci_ptp", rows.get(1).get("result").textValue(), r::toString);
    assertTrue(
        rows.get(1)
            .get("explanation")
            .textValue()
            .startsWith("29880 (line 2) is column 2 of 20610 (line 4) on 2025-06-02"),
        r::toString);
    assertEquals("ncci_mue", rows.get(4).get("result").textValue(), r::toString);
    assertTrue(
        rows.get(4)
            .get("explanation")
            .textValue()
            .startsWith("99213: 2 units on 2025-06-02 (line 5) exceed the MUE of 1"),
        r::toString);
  }

  @Test
  void aBatchNamesLinesByTheirPlaceAmongTheClaimsRows() throws IOException {
    // The claim's first two rows are invalid (a bad code; too many fields, which joins the open
    // claim): the others are still its rows 3 and 4, in the messages of price and scrub alike
    // (they were lines 1 and 2 of the valid rows).
    byte[] csv =
        "claim,code,modifiers\nA,2988,\nA,99213,,\nA,20610,LT\nA,29880,RT\n"
            .getBytes(StandardCharsets.UTF_8);
    String expected = "29880 (line 4) is column 2 of 20610 (line 3)";
    Cli.Result priced =
        Cli.runWithInput(
            csv, "price", "-i", "-", "-l", "13282-99", "-d", "2025-06-02", "--ptp", ptp.toString());
    assertTrue(priced.out().contains(expected), priced::toString);
    // The malformed row names the line of the file, which is not the claim's "line 3" (20610).
    String malformed = "file line 3: the row has 4 fields where the header has 3";
    assertTrue(priced.out().contains(malformed), priced::toString);
    Cli.Result scrubbed =
        Cli.runWithInput(
            csv,
            "scrub",
            "-i",
            "-",
            "-d",
            "2025-06-02",
            "--ptp",
            ptp.toString(),
            "--mue",
            mue.toString());
    assertTrue(scrubbed.out().contains(expected), scrubbed::toString);
    assertTrue(scrubbed.out().contains("malformed_row: " + malformed), scrubbed::toString);
  }

  @Test
  void anMueOnADrugLineIsAppliedToo() throws IOException {
    // A hand-written MUE row (the real J1100 value is higher): at most 4 units of J1100.
    Path drugMue =
        Files.writeString(
            dir.resolve("drug-mue.csv"),
            MUE.replace("99213,1,2 Date of Service Edit: Policy,test", "J1100,4,1 Line Edit,test"),
            StandardCharsets.ISO_8859_1);
    Cli.Result r =
        Cli.run(
            "price",
            "99213-25",
            "J1100 x8",
            "J1100 x4",
            "--zip",
            "10001",
            "-d",
            "2025-03-14",
            "-f",
            "json",
            "--mue",
            drugMue.toString());
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("101.06", rows.get(0).get("amount").textValue(), r::toString);
    assertEquals("ncci_mue", rows.get(1).get("result").textValue(), r::toString);
    assertTrue(rows.get(1).get("explanation").textValue().contains("J1100"), r::toString);
    // 4 x 0.108 = 0.432
    assertEquals("0.43", rows.get(2).get("amount").textValue(), r::toString);
  }

  @Test
  void theMueTableOfAnotherClaimTypeIsRefused() throws IOException {
    // The outpatient hospital and DME supplier tables hold other unit limits than the
    // practitioner one cpt price needs: priced with them, lines were denied or passed wrongly.
    for (List<String> kind :
        List.of(
            List.of("Outpatient Hospital", "outpatient hospital"),
            List.of("DME Supplier", "DME supplier"))) {
      Path other =
          Files.writeString(
              dir.resolve("other-mue.csv"),
              MUE.replace("Practitioner Services", kind.get(0) + " Services"),
              StandardCharsets.ISO_8859_1);
      Cli.Result r =
          Cli.run("price", "99213 x2", "-l", "13282-99", "-d", "2025-06-02", "--mue", "" + other);
      assertEquals(ExitStatus.TROUBLE, r.status(), r::toString);
      assertEquals(
          List.of(
              "cpt price: --mue "
                  + other
                  + " is the "
                  + kind.get(1)
                  + " services MUE table; cpt price needs the practitioner services one"
                  + " (see 'cpt price --help')"),
          r.errLines());
      assertEquals("", r.out(), r::toString);
    }
  }

  @Test
  void theOutpatientHospitalPtpTableIsRefused() throws IOException {
    Path hospital = Files.writeString(dir.resolve("ccioph-v322r0-f1.txt"), PTP);
    Cli.Result r =
        Cli.run("price", "29880-RT", "20610-LT", "-l", "13282-99", "--ptp", hospital.toString());
    assertEquals(ExitStatus.TROUBLE, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt price: --ptp "
                + hospital
                + " is the outpatient hospital services PTP table; cpt price needs the"
                + " practitioner services one (see 'cpt price --help')"),
        r.errLines());
    // Refused by its name, before the seconds a whole table takes to read: here, unreadable.
    Path unread = Files.writeString(dir.resolve("ccioph-v322r0-f2.txt"), "not a PTP table\n");
    Cli.Result early = Cli.run("price", "29880-RT", "-l", "13282-99", "--ptp", unread.toString());
    assertEquals(ExitStatus.TROUBLE, early.status(), early::toString);
    assertTrue(
        early.err().contains("is the outpatient hospital services PTP table"), early::toString);
    // CMS's practitioner names, and a renamed copy that does not say, are priced with.
    Path practitioner = Files.writeString(dir.resolve("ccipra-v322r0-f1.txt"), PTP);
    Path named = Files.writeString(dir.resolve("MCR_MUE_PractitionerServices.csv"), MUE);
    for (Path file : List.of(practitioner, ptp)) {
      Cli.Result ok =
          Cli.run(
              "price",
              "29880-RT",
              "20610-LT",
              "-l",
              "13282-99",
              "-d",
              "2025-06-02",
              "-f",
              "json",
              "--ptp",
              file.toString(),
              "--mue",
              named.toString());
      assertEquals(ExitStatus.OK, ok.status(), ok::toString);
      assertEquals(
          "ncci_ptp", JsonTree.read(ok.out()).get(0).get("result").textValue(), ok::toString);
    }
  }

  /**
   * A PTP file of a quarter before the MUE file's, as their names say, is refused naming both: no
   * date would be checked against both.
   */
  @Test
  void ptpAndMueFilesOfDifferentQuartersAreRefused() throws IOException {
    Path july = Files.writeString(dir.resolve("ccipra-v322r0-f1.txt"), PTP);
    Path october =
        Files.writeString(
            dir.resolve("MCR_MUE_PractitionerServices_Eff_10-01-2026.csv"),
            MUE,
            StandardCharsets.ISO_8859_1);
    Cli.Result r =
        Cli.run(
            "price",
            "29880-RT",
            "20610-LT",
            "-l",
            "13282-99",
            "-d",
            "2026-07-01",
            "--ptp",
            july.toString(),
            "--mue",
            october.toString());
    assertEquals(ExitStatus.TROUBLE, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt price: --ptp "
                + july
                + ", --mue "
                + october
                + ": the PTP table is of 2026-Q3 (effective 2026-07-01) but the MUE table of"
                + " 2026-Q4 (effective 2026-10-01): give a PTP table of the MUE table's quarter or"
                + " a later one (see 'cpt price --help')"),
        r.errLines());
    assertEquals("", r.out(), r::toString);
  }

  @Test
  void aMalformedEditFileIsAClearError() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.txt"), PTP.replace("20020101", "2002"));
    Cli.Result r = Cli.run("price", "99213", "-l", "13282-99", "--ptp", bad.toString());
    assertEquals(ExitStatus.TROUBLE, r.status(), r::toString);
    assertTrue(r.err().contains("bad.txt"), r::toString);
  }
}
