package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.data.BundledData;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The price command over the real bundled 2025 data, against amounts CMS published for the rest of
 * New York (locality 13282-99).
 */
class PriceMedicareTest {

  @ParameterizedTest
  @CsvSource({
    "90834, 102.53, 89.95",
    "90837, 151.85, 133.13",
    "90791, 164.03, 141.31",
    "90471, 19.24, 19.24"
  })
  void reproducesPublishedAmounts(String code, String nonFacility, String facility)
      throws IOException {
    Cli.Result office =
        Cli.run("price", code, "--locality", "13282-99", "--date", "2025-06-01", "-f", "csv");
    assertEquals(0, office.status(), office::toString);
    assertEquals(nonFacility, ValidateCommandTest.csv(office.out()).get(1).getField(1));
    Cli.Result hospital =
        Cli.run(
            "price",
            code,
            "--locality",
            "13282-99",
            "--date",
            "2025-06-01",
            // The published facility amount: --setting, not a hospital place of service, where
            // the incident-to 90471 (PC/TC 5) is not paid at all.
            "--setting",
            "facility",
            "-f",
            "csv");
    assertEquals(facility, ValidateCommandTest.csv(hospital.out()).get(1).getField(1));
  }

  @Test
  void theQuickStartCommandPricesInManhattan() {
    Cli.Result r = Cli.run("price", "99213", "--zip", "10001", "--date", "2025-06-01");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.outLines().get(1).matches("99213\\s+\\d+\\.\\d\\d\\s+priced"), r::toString);
    Cli.Result explained =
        Cli.run("price", "99213", "--zip", "10001", "--date", "2025-06-01", "-f", "json");
    JsonNode row = JsonTree.read(explained.out()).get(0);
    assertTrue(row.get("explanation").textValue().contains("13202-01"), explained::toString);
  }

  @Test
  void reasonsComeFromTheSchedule() {
    Cli.Result r =
        Cli.run(
            "price",
            "0001F",
            "99213",
            "--locality",
            "13282-99",
            "--date",
            "2024-06-01",
            "-f",
            "json");
    // Nothing priced, for the date: status 1 (issue 11 item 6).
    assertEquals(1, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("date_not_covered", rows.get(1).get("result").textValue());
    assertTrue(rows.get(1).get("amount").isNull());
    assertTrue(!rows.get(0).get("result").textValue().equals("priced"), r::toString);
  }

  @Test
  void aDateTheDataDoesNotCoverIsSaidInOneLineAndStatusOne() {
    // Issue 11 item 6: the default date is today; a date out of the data never prints a bare 0.00.
    Cli.Result r = Cli.run("price", "99213", "-l", "13282-99", "-d", "2027-01-04");
    assertEquals(1, r.status(), r::toString);
    assertTrue(
        r.outLines().get(1).matches("99213\\s+date_not_covered\\s+the Medicare data covers .*"),
        r::toString);
    assertEquals(
        List.of(
            "cpt price: nothing was priced: the Medicare data covers 2025-01-01 to 2026-12-31"
                + " (releases 2025A, 2025B, 2025C, 2025D, 2026A), not 2027-01-04 (give data for"
                + " that date, or another date)"),
        r.errLines());
  }

  @Test
  void aLocalityTheDatesReleaseLacksIsSaidInOneLineAndStatusOne() {
    // The bundled 2026 release has the GPCIs of Los Angeles only: Manhattan on a 2026 date (the
    // default date, today, as the README's quick start is run without --date) priced nothing and
    // exited 0 with a total of 0.00, every line no_gpci_for_locality.
    Cli.Result r = Cli.run("price", "99213", "--zip", "10001", "--date", "2026-11-30");
    assertEquals(1, r.status(), r::toString);
    assertTrue(
        r.outLines()
            .get(1)
            .matches("99213\\s+no_gpci_for_locality\\s+medicare-pfs-2026A-sample has no GPCIs.*"),
        r::toString);
    assertEquals(
        List.of(
            "cpt price: nothing was priced: medicare-pfs-2026A-sample has no GPCIs for locality"
                + " 13202-01 (give data for that date, or another date)"),
        r.errLines());
    Cli.Result batch =
        Cli.runWithInput("code,date\n99213,2026-11-30\n", "price", "-i", "-", "-z", "10001");
    assertEquals(1, batch.status(), batch::toString);
    assertTrue(batch.err().contains("has no GPCIs for locality 13202-01"), batch::toString);
    // Los Angeles is in the 2026 release: priced, status 0, nothing on standard error.
    Cli.Result la = Cli.run("price", "99213", "-l", "01182-18", "-d", "2026-11-30");
    assertEquals(0, la.status(), la::toString);
    assertEquals("", la.err(), la::toString);
  }

  @Test
  void theHelpsExamplesPriceWithTheBundledData() {
    // The examples of 'cpt price --help' that need no file of the user's: each prices its lines.
    // Two of them gave no --date, so that from 2026 (the default date is today) they priced
    // nothing.
    Cli.Result help = Cli.run("price", "--help");
    String text = help.out();
    String examples = text.substring(text.indexOf("Examples:") + "Examples:".length());
    List<String> commands = new ArrayList<>();
    StringBuilder command = new StringBuilder();
    for (String line : examples.strip().lines().toList()) {
      String part = line.strip();
      boolean continued = part.endsWith("\\");
      command.append(' ').append(continued ? part.substring(0, part.length() - 1) : part);
      if (!continued) {
        commands.add(command.toString().strip());
        command.setLength(0);
      }
    }
    assertTrue(commands.size() >= 4, commands::toString);
    int run = 0;
    for (String example : commands) {
      List<String> args = List.of(example.split("\\s+"));
      assertEquals("cpt", args.get(0), example);
      assertTrue(args.contains("--date"), () -> example + " depends on today's date");
      if (args.contains("--input") || args.contains("--rvu")) {
        continue; // names files of the user's
      }
      Cli.Result r = Cli.run(args.subList(1, args.size()).toArray(String[]::new));
      assertEquals(0, r.status(), r::toString);
      assertTrue(r.outLines().get(1).contains(" priced"), r::toString);
      run++;
    }
    assertEquals(2, run, commands::toString);
  }

  /**
   * A file without a year in its title prices any date, and says conversion_factor_mismatch where
   * its factor is not the date's: data for another date, so a run of nothing else exits 1.
   */
  @Test
  void aRunOfOnlyConversionFactorMismatchesIsStatusOne(@TempDir Path dir) throws IOException {
    String rows;
    try (InputStream in =
        BundledData.class.getResourceAsStream("medicare/pprrvu-2025-oct-sample.csv")) {
      rows = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> lines = new ArrayList<>(rows.lines().toList());
    lines.set(1, lines.get(1).replace("2025", ""));
    Path rvu = Files.write(dir.resolve("rvu.csv"), lines);
    // GPCIs of no year too: the bundled ones are 2025's, and would bound the dates to 2025.
    String gpci = Cli.manhattanGpcisOfNoYear(dir).toString();
    Cli.Result r =
        Cli.run(
            "price",
            "99213",
            "-l",
            "13202-01",
            "-d",
            "2019-06-01",
            "--rvu",
            rvu.toString(),
            "--gpci",
            gpci);
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("conversion_factor_mismatch"), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err()
            .startsWith(
                "cpt price: nothing was priced: the relative value file of medicare-pfs"
                    + " states conversion factor 32.3465, but the factor in force on 2019-06-01"),
        r::toString);
    Cli.Result ok =
        Cli.run(
            "price",
            "99213",
            "-l",
            "13202-01",
            "-d",
            "2025-06-01",
            "--rvu",
            rvu.toString(),
            "--gpci",
            gpci);
    assertEquals(0, ok.status(), ok::toString);
  }

  @Test
  void aRelativeValueFilePricesOnlyItsOwnYear(@TempDir Path dir) throws IOException {
    // The bundled October 2025 rows, given as --rvu: their title names 2025. 99213 in Manhattan
    // is 3.1242 GPCI-adjusted RVUs: x 32.3465 = 101.06 in 2025, never x 2026's 33.4009 = 104.35.
    Path rvu = dir.resolve("PPRRVU2025_Oct.csv");
    try (InputStream in =
        BundledData.class.getResourceAsStream("medicare/pprrvu-2025-oct-sample.csv")) {
      Files.copy(in, rvu);
    }
    Cli.Result in2025 =
        Cli.run("price", "99213", "-l", "13202-01", "-d", "2025-11-30", "--rvu", rvu.toString());
    assertEquals(0, in2025.status(), in2025::toString);
    assertTrue(in2025.outLines().get(1).matches("99213\\s+101\\.06\\s+priced"), in2025::toString);
    Cli.Result in2026 =
        Cli.run(
            "price", "99213", "-l", "13202-01", "-d", "2026-11-30", "--rvu", rvu.toString(), "-e");
    assertEquals(1, in2026.status(), in2026::toString);
    assertTrue(in2026.out().contains("date_not_covered"), in2026::toString);
    assertEquals(
        List.of(
            "cpt price: nothing was priced: medicare-pfs covers 2025-01-01 to 2025-12-31, not"
                + " 2026-11-30: its relative value file is for 2025, and 2025 relative values are"
                + " paid only on 2025 dates of service (give data for that date, or another"
                + " date)"),
        in2026.errLines());
    // A batch: the same line, and the same status, when no row is priced.
    Cli.Result batch =
        Cli.runWithInput(
            "code,date\n99213,2026-11-30\n99214,2026-01-02\n",
            "price",
            "-i",
            "-",
            "-l",
            "13202-01",
            "--rvu",
            rvu.toString());
    assertEquals(1, batch.status(), batch::toString);
    assertEquals(1, batch.errLines().size(), batch::toString);
    assertTrue(batch.err().contains("its relative value file is for 2025"), batch::toString);
    // Every row has its date: no --date to give.
    assertTrue(
        batch.errLines().get(0).endsWith("(give data for that date, or another date)"),
        batch::toString);
    Cli.Result mixed =
        Cli.runWithInput(
            "code,date\n99213,2026-11-30\n99213,2025-01-02\n",
            "price",
            "-i",
            "-",
            "-l",
            "13202-01",
            "--rvu",
            rvu.toString());
    assertEquals(0, mixed.status(), mixed::toString);
    assertEquals("", mixed.err(), mixed::toString);
  }

  @Test
  void aClaimsRowsKeepTheirOwnDates() throws IOException {
    // Issue 11 item 3: a visit on the day of an injection (20610, global 000) is in its package;
    // on the next day it is paid. The rows of one claim may carry different dates.
    String csv =
        "claim,code,modifiers,date\n"
            + "A,20610,,2025-06-02\n"
            + "A,99213,,2025-06-02\n"
            + "B,20610,,2025-06-02\n"
            + "B,99213,,2025-06-03\n"
            + "C,20610,,2025-06-02\n"
            + "C,99213,25,2025-06-02\n";
    Cli.Result r = Cli.runWithInput(csv, "price", "-i", "-", "-l", "13282-99");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(
        List.of("priced", "global_surgery", "priced", "priced", "priced", "priced"),
        rows.stream().skip(1).map(row -> row.getField(5)).toList(),
        r::toString);
    String why = rows.get(2).getField(6);
    String message = "99213 on the day of 20610 (line 1, global period 000)";
    assertTrue(why.startsWith(message), why);
    // The message once, then the step that denied the line, by name.
    assertEquals(why.indexOf(message), why.lastIndexOf(message), why);
    assertTrue(why.endsWith("; global-surgery: denied"), why);
    assertEquals(rows.get(4).getField(4), rows.get(6).getField(4)); // the visit, paid alike
  }

  /**
   * Modifier PD, the 3-day payment window (CMS change request 7502), priced as the library prices
   * it: 71046-PD as 71046-26 (9.81 in 13282-99, not the global 31.23), 99213-PD at the facility
   * rate (61.92, not the office 85.86), 71046-TC-PD not paid, each with its reason.
   */
  @Test
  void modifierPdPaysTheProfessionalComponentOrTheFacilityRate() {
    Cli.Result r =
        Cli.run(
            "price",
            "71046-PD",
            "71046-26",
            "99213-PD",
            "71046-TC-PD",
            "-l",
            "13282-99",
            "-d",
            "2025-11-03",
            "-f",
            "json",
            "--explain");
    assertEquals(0, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("9.81", rows.get(0).get("amount").textValue(), r::toString);
    assertEquals("9.81", rows.get(1).get("amount").textValue(), r::toString);
    assertEquals("61.92", rows.get(2).get("amount").textValue(), r::toString);
    assertTrue(rows.get(0).get("explanation").textValue().contains("modifier-PD"), r::toString);
    assertTrue(rows.get(2).get("explanation").textValue().contains("facility rate"), r::toString);
    assertEquals("not_payable_in_place", rows.get(3).get("result").textValue(), r::toString);
  }

  @Test
  void nonParticipatingIsPaidNinetyFivePercent() {
    BigDecimal par =
        amount(Cli.run("price", "90834", "-l", "13282-99", "-d", "2025-06-01", "-f", "json"));
    BigDecimal nonPar =
        amount(
            Cli.run(
                "price",
                "90834",
                "-l",
                "13282-99",
                "-d",
                "2025-06-01",
                "-f",
                "json",
                "--non-participating"));
    assertEquals(new BigDecimal("102.53"), par);
    // 95% of the posted 102.53 = 97.4035, rounded: 97.40 (the exact 102.5345... would give 97.41)
    assertEquals(new BigDecimal("97.40"), nonPar);
  }

  @Test
  void batchOverTheBundledData() throws IOException {
    String csv =
        "claim,code,modifiers,units,zip,locality,pos\n"
            + "1,90834,,,,13282-99,\n"
            + "2,90834,,,,13282-99,22\n"
            + "3,99213,,2,10001,,\n"
            + "4,71046,26,,10001,,\n"
            + "5,99999,,,10001,,\n"
            + "6,99213,,,00000,,\n";
    Cli.Result r =
        Cli.runWithInput(
            csv.getBytes(StandardCharsets.UTF_8), "price", "-i", "-", "-d", "2025-06-01");
    assertEquals(1, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(List.of("102.53", "priced"), rows.get(1).getFields().subList(7, 9));
    assertEquals(List.of("89.95", "priced"), rows.get(2).getFields().subList(7, 9));
    assertEquals("priced", rows.get(3).getField(8));
    assertEquals("priced", rows.get(4).getField(8));
    assertEquals("not_in_schedule", rows.get(5).getField(8));
    assertEquals("unknown_zip", rows.get(6).getField(8));
  }

  @Test
  void batchExplainsPricedLinesOnlyWhenAsked() throws IOException {
    byte[] csv = "code,locality\n90834,13282-99\n99999,13282-99\n".getBytes(StandardCharsets.UTF_8);
    List<CsvRecord> plain =
        ValidateCommandTest.csv(
            Cli.runWithInput(csv, "price", "-i", "-", "-d", "2025-06-01").out());
    assertEquals("", plain.get(1).getField(4));
    assertTrue(!plain.get(2).getField(4).isEmpty(), plain.get(2)::toString);
    List<CsvRecord> explained =
        ValidateCommandTest.csv(
            Cli.runWithInput(csv, "price", "-i", "-", "-d", "2025-06-01", "--explain").out());
    assertTrue(explained.get(1).getField(4).contains("work 2.45"), explained.get(1)::toString);
  }

  @Test
  void linesArePricedAsOneClaim() {
    // The knee arthroscopy outranks the injection, which is paid 50% (MULT PROC 2).
    Cli.Result r =
        Cli.run(
            "price",
            "29880-RT",
            "20610-LT",
            "99213-25",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "-s",
            "facility",
            "-f",
            "json");
    assertEquals(0, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("21.07", rows.get(1).get("amount").textValue());
    assertTrue(rows.get(1).get("explanation").textValue().contains("rank 2 of 2"), r::toString);
    Cli.Result alone =
        Cli.run(
            "price",
            "20610-LT",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "-s",
            "facility",
            "-f",
            "json");
    assertEquals("42.14", JsonTree.read(alone.out()).get(0).get("amount").textValue());
  }

  @Test
  void batchClaimsArePricedTogether() throws IOException {
    byte[] csv =
        ("claim,code,modifiers\nA,29880,RT\nA,20610,LT\nB,20610,LT\n")
            .getBytes(StandardCharsets.UTF_8);
    List<CsvRecord> rows =
        ValidateCommandTest.csv(
            Cli.runWithInput(
                    csv, "price", "-i", "-", "-l", "13282-99", "-d", "2025-06-02", "-s", "facility")
                .out());
    assertEquals("21.07", rows.get(2).getField(3));
    assertEquals("42.14", rows.get(3).getField(3));
  }

  @Test
  void localitiesListsTheBundledGpcis() {
    Cli.Result r = Cli.run("localities", "-f", "json");
    assertEquals(0, r.status());
    assertEquals(109, JsonTree.read(r.out()).size());
  }

  private static BigDecimal amount(Cli.Result r) {
    return new BigDecimal(JsonTree.read(r.out()).get(0).get("amount").textValue());
  }

  /**
   * A ZIP code that CMS splits between localities (01434, Massachusetts, flagged '+4' in the ZIP5
   * file) is priced in the locality of its five-digit row, and the run says so.
   */
  @Test
  void aZipCodeSplitByPlusFourIsPricedWithAWarning() throws IOException {
    Cli.Result line = Cli.run("price", "99213", "-z", "01434", "-d", "2025-11-03");
    assertEquals(0, line.status(), line::toString);
    assertEquals(
        List.of(
            "cpt price: warning: CMS splits ZIP code 01434 between payment localities and prices"
                + " it by its ZIP+4, which cpt4j does not read: priced in 14212-01, the locality"
                + " of its five-digit row; give --locality if the place is in another"),
        line.errLines(),
        line::toString);
    assertEquals("", Cli.run("price", "99213", "-z", "01432", "-d", "2025-11-03").err());
    Cli.Result localities = Cli.run("localities", "--zip", "01434");
    assertEquals(0, localities.status(), localities::toString);
    assertTrue(localities.out().contains("14212-01"), localities::toString);
    assertTrue(
        localities.err().contains("CMS splits ZIP code 01434 between payment localities"),
        localities::toString);
    assertEquals("", Cli.run("localities", "--zip", "01432").err());

    Cli.Result batch =
        Cli.runWithInput(
            "code,zip,locality\n99213,01434,\n99214,01434,\n99213,01432,\n99213,01434,14212-99\n"
                + "99213,01434-1234,\nXXXXX,01434,\n",
            "price",
            "-i",
            "-",
            "-d",
            "2025-11-03");
    // The fourth row names its locality; the last is invalid: neither is counted.
    assertEquals(
        List.of(
            "cpt price: warning: 3 rows have a ZIP code that CMS splits between payment"
                + " localities and prices by its ZIP+4, which cpt4j does not read: priced in the"
                + " locality of its five-digit row; give a locality column (or --locality) for those rows"),
        batch.errLines(),
        batch::toString);
  }

  /**
   * Claim A's second procedure, after a claim B, is priced as a claim of its own, in full rather
   * than at the 50% of the multiple-procedure rule: the run says so. Sorted by claim, it is not.
   */
  @Test
  void aClaimThatComesBackIsPricedApartWithAWarning() throws IOException {
    String[] args = {"price", "-i", "-", "-l", "13282-99", "-d", "2025-06-02", "-s", "facility"};
    Cli.Result r = Cli.runWithInput("claim,code\nA,27447\nB,99213\nA,29881\n", args);
    assertEquals(0, r.status(), r::toString);
    // The warning's text: PriceCommandTest.
    assertTrue(r.err().contains("claim 'A' comes back at file line 4"), r::toString);
    assertTrue(r.outLines().get(3).startsWith("A,29881,512.64,priced"), r::toString);
    Cli.Result sorted = Cli.runWithInput("claim,code\nA,27447\nA,29881\nB,99213\n", args);
    assertEquals("", sorted.err(), sorted::toString);
    assertTrue(sorted.outLines().get(2).startsWith("A,29881,256.32,priced"), sorted::toString);
  }

  /**
   * A row with fewer or more cells than the header is refused as malformed_row and joins the open
   * claim, as a record that is not valid CSV does. Too short, it was read as a blank claim; too
   * long (a comma left unquoted in a note), its claim was read from a shifted cell ({@code knee},
   * or a blank one): either ended claim A, whose 29881 was priced in full as a claim of its own. A
   * plain line and a quoted one alike; the refusal says what is wrong when the row is too long.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "code,note,claim|99213|file line 3: ",
        "code,note,claim|99213,|file line 3: ",
        "code,note,claim|\"99213\"|file line 3: ",
        "code,claim,note|99213|file line 3: ",
        "code,claim,note|\"99213\"|file line 3: ",
        "code,note,claim|99213,left, knee,A|" + TOO_LONG,
        "code,note,claim|99213,,,|" + TOO_LONG,
        "code,note,claim|\"99213\",left, knee,A|" + TOO_LONG,
        "code,claim,note|99213,,left, knee|" + TOO_LONG,
        "code,claim,note|\"99213\",,left, knee|" + TOO_LONG
      })
  void aRowOfTheWrongWidthDoesNotEndTheClaim(String header, String row, String refusal)
      throws IOException {
    String[] args = {"price", "-i", "-", "-l", "13282-99", "-d", "2025-06-02", "-s", "facility"};
    boolean claimLast = header.endsWith(",claim");
    String file =
        header
            + "\n"
            + (claimLast ? "27447,,A" : "27447,A,")
            + "\n"
            + row
            + "\n"
            + (claimLast ? "29881,,A" : "29881,A,")
            + "\n";
    Cli.Result r = Cli.runWithInput(file, args);
    assertEquals(1, r.status(), r::toString); // a row not priced
    assertEquals("", r.err(), r::toString); // no claim that comes back
    assertTrue(r.outLines().get(2).contains(",malformed_row," + refusal), r::toString);
    assertTrue(
        r.outLines()
            .get(3)
            .startsWith(claimLast ? "29881,,A,256.32,priced" : "29881,A,,256.32,priced"),
        r::toString);
  }

  private static final String TOO_LONG = "file line 3: the row has 4 fields where the header has 3";

  /**
   * A header with a misnamed modifier and units column: the rows are read without them (the global
   * 71046 once, not its professional component three times), and the run names both columns.
   */
  @Test
  void misnamedColumnsAreNamedOnStandardError() throws IOException {
    Cli.Result r =
        Cli.runWithInput(
            "code,modifier,unit,locality,date\n71046,26,3,13282-99,2025-06-02\n",
            "price",
            "-i",
            "-");
    assertEquals(0, r.status(), r::toString);
    // One warning per column (their text: PriceCommandTest); the row is the global code x1.
    assertEquals(2, r.errLines().size(), r::toString);
    assertTrue(
        r.outLines().get(1).startsWith("71046,26,3,13282-99,2025-06-02,31.23,"), r::toString);
  }
}
