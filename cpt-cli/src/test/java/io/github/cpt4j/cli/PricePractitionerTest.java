package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cpt price --practitioner} and the batch column {@code practitioner} (issue 11, item 10).
 */
class PricePractitionerTest {

  @Test
  void aNursePractitionerIsPaid85Percent() throws IOException {
    // 99213 in Manhattan, 2025: 85% of the posted 101.06 = 85.901, paid 85.90.
    Cli.Result r = manhattan99213("np");
    assertEquals(0, r.status(), r::toString);
    CsvRecord line = ValidateCommandTest.csv(r.out()).get(1);
    assertEquals("85.90", line.getField(1), r::toString);
    assertTrue(line.getField(3).contains("85% for a nurse practitioner"), r::toString);
  }

  @Test
  void anUnknownTypeIsAUsageError() {
    Cli.Result r = Cli.run("price", "99213", "--locality", "13202-01", "--practitioner", "nurse");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("not a practitioner type: 'nurse'"), r::toString);
  }

  @Test
  void theBatchColumnSetsEachRowsPractitioner() throws IOException {
    String input =
        "code,locality,date,practitioner\n"
            + "90834,13282-99,2025-06-02,csw\n"
            + "90834,13282-99,2025-06-02,\n"
            + "90834,13282-99,2025-06-02,cp\n"
            + "90834,13282-99,2025-06-02,dentist\n";
    Cli.Result r = Cli.runWithInput(input, "price", "--input", "-");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    // 90834 in 13282-99: posted 102.53; a clinical social worker 75% = 76.8975 -> 76.90.
    assertEquals("76.90", rows.get(1).getField(4), r::toString);
    assertEquals("102.53", rows.get(2).getField(4), r::toString);
    assertEquals("102.53", rows.get(3).getField(4), r::toString);
    assertEquals("invalid_practitioner", rows.get(4).getField(5), r::toString);
  }

  @Test
  void aProviderTaxonomyCodeIsReadAsItsPractitionerType() throws IOException {
    String input =
        "code,locality,date,provider_taxonomy\n"
            + "90834,13282-99,2025-06-02,1041C0700X\n"
            + "90834,13282-99,2025-06-02,103TC0700X\n"
            + "90834,13282-99,2025-06-02,163W00000X\n"
            + "90834,13282-99,2025-06-02,1041c0700\n"
            + "90834,13282-99,2025-06-02, 1041c0700x \n"
            + "90834,13282-99,2025-06-02,\"1041C0700X\n\"\n";
    // A taxonomy column is a lookalike of practitioner: read once renamed.
    Cli.Result unread = Cli.runWithInput(input, "price", "--input", "-");
    assertTrue(unread.err().contains("provider_taxonomy"), unread::toString);
    assertTrue(unread.err().contains("practitioner"), unread::toString);

    Cli.Result r =
        Cli.runWithInput(
            input.replace("provider_taxonomy", "practitioner"), "price", "--input", "-");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    // A clinical social worker's 75% of the posted 102.53, a psychologist's 100%.
    assertEquals("76.90", rows.get(1).getField(4), r::toString);
    assertEquals("102.53", rows.get(2).getField(4), r::toString);
    // A registered nurse is paid no share: refused rather than priced as a physician.
    assertEquals("invalid_practitioner", rows.get(3).getField(5), r::toString);
    assertTrue(rows.get(3).getField(6).contains("'163W00000X'"), r::toString);
    assertEquals("invalid_practitioner", rows.get(4).getField(5), r::toString);
    // Either case and blanks around, as the ids; a line break is no blank.
    assertEquals("76.90", rows.get(5).getField(4), r::toString);
    assertEquals("invalid_practitioner", rows.get(6).getField(5), r::toString);

    Cli.Result option = manhattan99213("363LF0000X");
    assertEquals(
        "85.90", ValidateCommandTest.csv(option.out()).get(1).getField(1), option::toString);
    Cli.Result nurse =
        Cli.run("price", "99213", "--locality", "13202-01", "--practitioner", "163W00000X");
    assertEquals(2, nurse.status(), nurse::toString);
    assertTrue(nurse.err().contains("registered nurse"), nurse::toString);
  }

  /**
   * Medicare pays marriage and family therapists and mental health counselors from 2024: a 2023
   * line of theirs, priced from a relative value file of that year (a made-up one-row file, its
   * conversion factor 2023's 33.8872), is not payable and says why; a psychologist's is paid.
   */
  @Test
  void aCounselorsServiceBefore2024IsNotPayable(@TempDir Path dir) throws IOException {
    Path rvu = dir.resolve("PPRRVU23_JAN.csv");
    Files.writeString(
        rvu,
        "# cpt4j subset\n"
            + "HCPCS,MOD,DESCRIPTION,STATUS CODE,NOT USED FOR MEDICARE PAYMENT,WORK RVU,NON-FAC PE"
            + " RVU,NON-FAC NA INDICATOR,FACILITY PE RVU,FACILITY NA INDICATOR,MP RVU,NON-FACILITY"
            + " TOTAL,FACILITY TOTAL,PCTC IND,GLOB DAYS,PRE OP,INTRA OP,POST OP,MULT PROC,BILAT"
            + " SURG,ASST SURG,CO-SURG,TEAM SURG,ENDO BASE,CONV FACTOR,PHYSICIAN SUPERVISION OF"
            + " DIAGNOSTIC PROCEDURES,DIAGNOSTIC IMAGING FAMILY INDICATOR,NON-FACILITY PE USED FOR"
            + " OPPS PAYMENT AMOUNT,FACILITY PE USED FOR OPPS PAYMENT AMOUNT,MP USED FOR OPPS PAYMENT"
            + " AMOUNT\n"
            + "99213,,test row,A,,1.00,1.00,,0.50,,0.10,2.10,1.60,0,XXX,0.00,0.00,0.00,0,0,0,0,0,,"
            + "33.8872,09,99,0.00,0.00,0.00\n",
        StandardCharsets.ISO_8859_1);
    Cli.Result r = price2023(rvu, "mhc");
    assertEquals(0, r.status(), r::toString); // a line not paid is an answer
    CsvRecord line = ValidateCommandTest.csv(r.out()).get(1);
    assertEquals("status_not_payable", line.getField(2), r::toString);
    assertTrue(
        line.getField(3).contains("is not paid to a mental health counselor")
            && line.getField(3).contains("began on 2024-01-01"),
        r::toString);
    // A clinical psychologist, covered throughout, is paid from the same file.
    Cli.Result psychologist = price2023(rvu, "cp");
    CsvRecord paid = ValidateCommandTest.csv(psychologist.out()).get(1);
    assertEquals("priced", paid.getField(2), psychologist::toString);
  }

  private static Cli.Result price2023(Path rvu, String practitioner) throws IOException {
    return Cli.run(
        "price",
        "99213",
        "--locality",
        "13202-01",
        "--date",
        "2023-06-01",
        "--practitioner",
        practitioner,
        "--rvu",
        rvu.toString(),
        // The bundled GPCIs are 2025's, which price 2025 dates only.
        "--gpci",
        Cli.manhattanGpcisOfNoYear(rvu.getParent()).toString(),
        "-f",
        "csv");
  }

  /** 99213 in Manhattan on 2025-06-02, furnished by {@code practitioner}, as CSV. */
  private static Cli.Result manhattan99213(String practitioner) {
    return Cli.run(
        "price",
        "99213",
        "--locality",
        "13202-01",
        "--date",
        "2025-06-02",
        "--practitioner",
        practitioner,
        "-f",
        "csv");
  }

  /** A group's claim on the command line: each NPI's lines at the type given it. */
  @Test
  void npiEqualsTypeSaysItOfOneProvidersLines() throws IOException {
    Cli.Result r =
        Cli.run(
            "price",
            "99213",
            "99213 by 1234567893",
            "99213 by 1000000004",
            "--locality",
            "13202-01",
            "--date",
            "2025-06-02",
            "--practitioner",
            "1234567893=np",
            "--practitioner",
            " 1000000004 = 1041C0700X ",
            "-f",
            "csv");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    // Manhattan's posted 101.06: the line naming no NPI a physician's, the others 85% and 75%.
    assertEquals("101.06", rows.get(1).getField(1), r::toString);
    assertEquals("85.90", rows.get(2).getField(1), r::toString);
    assertEquals("75.80", rows.get(3).getField(1), r::toString);

    // Beside a type for every provider's lines: that one is the default of the others.
    Cli.Result both =
        Cli.run(
            "price",
            "99213",
            "99213 by 1000000004",
            "--locality",
            "13202-01",
            "--date",
            "2025-06-02",
            "--practitioner",
            "np",
            "--practitioner",
            "1000000004=physician",
            "-f",
            "csv");
    List<CsvRecord> lines = ValidateCommandTest.csv(both.out());
    assertEquals("85.90", lines.get(1).getField(1), both::toString);
    assertEquals("101.06", lines.get(2).getField(1), both::toString);
  }

  @Test
  void aBatchRowWithoutAPractitionerTakesItsProvidersType() throws IOException {
    String input =
        "code,locality,date,rendering_provider,practitioner\n"
            + "99213,13202-01,2025-06-02,1234567893,\n"
            + "99213,13202-01,2025-06-02,1000000004,\n"
            + "99213,13202-01,2025-06-02,,\n"
            + "99213,13202-01,2025-06-02,1234567893,csw\n";
    Cli.Result r =
        Cli.runWithInput(input, "price", "--input", "-", "--practitioner", "1234567893=np");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("85.90", rows.get(1).getField(5), r::toString);
    assertEquals("101.06", rows.get(2).getField(5), r::toString);
    assertEquals("101.06", rows.get(3).getField(5), r::toString);
    // A row's own cell says more than the option.
    assertEquals("75.80", rows.get(4).getField(5), r::toString);
  }

  @Test
  void contradictoryPractitionerOptionsAreUsageErrors() {
    for (String[] options :
        new String[][] {
          {"--practitioner", "np", "--practitioner", "pa"},
          {"--practitioner", "1234567893=np", "--practitioner", "1234567893=pa"},
          {"--practitioner", "1234567890=np"},
          {"--practitioner", "1234567893=nurse"},
        }) {
      List<String> args =
          new java.util.ArrayList<>(List.of("price", "99213", "--locality", "13202-01"));
      args.addAll(List.of(options));
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.status(), r::toString);
      assertTrue(r.err().contains("--practitioner"), r::toString);
    }
    Cli.Result badNpi =
        Cli.run("price", "99213", "--locality", "13202-01", "--practitioner", "1234567890=np");
    assertTrue(badNpi.err().contains("before '='"), badNpi::toString);
    assertTrue(badNpi.err().contains("check digit"), badNpi::toString);
    Cli.Result noType =
        Cli.run("price", "99213", "--locality", "13202-01", "--practitioner", "1234567893=");
    assertTrue(
        noType.err().contains("after '=' of '1234567893=': not a practitioner type: ''"),
        noType::toString);
    // Quoted as typed: lower case is no fault, the hyphen is.
    Cli.Result badCode =
        Cli.run("price", "99213", "--locality", "13202-01", "--practitioner", "363l-0000x");
    assertTrue(badCode.err().contains("'363l-0000x'"), badCode::toString);
  }

  /** An NPI=TYPE that no line or row can be of is most likely a mistyped NPI: warned of. */
  @Test
  void anNpiNoLineIsByIsWarnedOf() throws IOException {
    Cli.Result lines =
        Cli.run(
            "price",
            "99213 by 1000000004",
            "--locality",
            "13202-01",
            "--date",
            "2025-06-02",
            "--practitioner",
            "1234567893=np");
    assertEquals(0, lines.status(), lines::toString);
    assertTrue(
        lines
            .err()
            .contains("warning: --practitioner 1234567893=...: no valid line is by 1234567893"),
        lines::toString);

    Cli.Result batch =
        Cli.runWithInput(
            "code,locality,date\n99213,13202-01,2025-06-02\n",
            "price",
            "--input",
            "-",
            "--practitioner",
            "1234567893=np");
    assertTrue(batch.err().contains("the input has no rendering_provider column"), batch::toString);
    Cli.Result named =
        Cli.runWithInput(
            "code,locality,date,rendering_provider\n99213,13202-01,2025-06-02,1234567893\n",
            "price",
            "--input",
            "-",
            "--practitioner",
            "1234567893=np");
    assertFalse(named.err().contains("warning"), named::toString);
    // A batch that names providers, none of them the option's: most likely a mistyped NPI.
    Cli.Result mistyped =
        Cli.runWithInput(
            "code,locality,date,rendering_provider\n99213,13202-01,2025-06-02,1234567893\n"
                + "99213,13202-01,2025-06-02,1000000004\n",
            "price",
            "--input",
            "-",
            "--practitioner",
            "1234567893=np",
            "--practitioner",
            "1234567885=np");
    assertTrue(
        mistyped.err().contains("warning: --practitioner 1234567885=...: no valid row is by"),
        mistyped::toString);
    assertFalse(mistyped.err().contains("1234567893=..."), mistyped::toString);
  }
}
