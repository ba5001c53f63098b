package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim of the batch whose lines fall in different releases of the bundled data: each line is
 * priced by the release of its own date (issue 13).
 */
class PriceLineReleaseTest {

  @Test
  void eachLineOfAClaimIsPricedByTheReleaseOfItsDate() throws IOException {
    // 0446T's non-facility practice expense is 90.47 RVUs in 2025A and 179.53 from 2025B.
    String input =
        "claim,code,locality,date\n"
            + "A,0446T,13202-01,2025-03-03\n"
            + "A,0446T,13202-01,2025-05-05\n"
            + "B,0446T,13202-01,2025-05-05\n";
    Cli.Result r = Cli.runWithInput(input, "price", "--input", "-");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    int result = rows.get(0).getFields().indexOf("result");
    int amount = rows.get(0).getFields().indexOf("amount");
    // Manhattan, non-facility: (1.14 x 1.065 + 90.47 x 1.166 + 0.08 x 1.656) x 32.3465 in 2025A,
    // 179.53 for the practice expense from 2025B.
    assertEquals("priced", rows.get(1).getField(result), r::toString);
    assertEquals("3455.73", rows.get(1).getField(amount), r::toString);
    assertEquals("priced", rows.get(2).getField(result), r::toString);
    assertEquals("6814.71", rows.get(2).getField(amount), r::toString);
    // The April line of claim A is priced as the April line alone (claim B).
    assertEquals("6814.71", rows.get(3).getField(amount), r::toString);
  }

  /**
   * A date column under an export's name (CMS-1500 item 24A's "From" date, here {@code DOS_FROM})
   * is not read, so the row is priced on {@code --date}: 0446T at 2025B's 6,814.71, not 2025A's
   * 3,455.73 of its own date. The run said nothing of it; it warns as for {@code dos}.
   */
  @Test
  void aDateColumnUnderAnExportsNameGetsTheWarning() throws IOException {
    String input = "code,locality,DOS_FROM,paid_date\n0446T,13202-01,2025-03-03,2025-04-01\n";
    Cli.Result r = Cli.runWithInput(input, "price", "--input", "-", "--date", "2025-05-05");
    assertEquals(0, r.status(), r::toString);
    assertEquals(
        List.of("cpt price: warning: column 'DOS_FROM' is not read: did you mean 'date'?"),
        r.errLines(),
        r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    int amount = rows.get(0).getFields().indexOf("amount");
    assertEquals("6814.71", rows.get(1).getField(amount), r::toString);
    r =
        Cli.runWithInput(
            input.replace("DOS_FROM", "date"), "price", "--input", "-", "-d", "2025-05-05");
    assertEquals(List.of(), r.errLines(), r::toString);
    rows = ValidateCommandTest.csv(r.out());
    assertEquals("3455.73", rows.get(1).getField(amount), r::toString);
  }

  /**
   * A date column whose name starts with "doss" or holds the letters "sedate" across two words was
   * taken for a dossier or a sedation date, and priced on {@code --date} without a word: 0446T at
   * 2025B's 5,549.77 in Rochester, not 2025A's 2,815.91 of its January date.
   */
  @Test
  void aDateColumnNamedDosStartOrExpenseDateGetsTheWarning() throws IOException {
    for (String name : List.of("DOS_START", "Line 1st Expense Date")) {
      String input = "code," + name + "\n0446T,2025-01-15\n";
      Cli.Result r =
          Cli.runWithInput(
              input, "price", "--input", "-", "-l", "13282-99", "--date", "2025-06-02");
      assertEquals(0, r.status(), r::toString);
      assertEquals(
          List.of("cpt price: warning: column '" + name + "' is not read: did you mean 'date'?"),
          r.errLines(),
          r::toString);
      List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
      int amount = rows.get(0).getFields().indexOf("amount");
      assertEquals("5549.77", rows.get(1).getField(amount), r::toString);
    }
    Cli.Result dated =
        Cli.runWithInput(
            "code,date\n0446T,2025-01-15\n",
            "price",
            "--input",
            "-",
            "-l",
            "13282-99",
            "--date",
            "2025-06-02");
    assertEquals(List.of(), dated.errLines(), dated::toString);
    assertTrue(dated.out().contains("\n0446T,2025-01-15,2815.91,priced,"), dated::toString);
  }

  /**
   * On a date the bundled releases do not cover, a visit on the day of a surgery is not covered, as
   * the surgery is: it was {@code global_surgery}, judged by the first release's global period.
   */
  @Test
  void aVisitOnADateNoReleaseCoversIsNotCoveredRatherThanDenied() throws IOException {
    Cli.Result r =
        Cli.run("price", "99213", "27447", "-l", "01182-18", "-d", "2024-12-02", "-f", "csv");
    assertEquals(1, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    int result = rows.get(0).getFields().indexOf("result");
    assertEquals("date_not_covered", rows.get(1).getField(result), r::toString);
    assertEquals("date_not_covered", rows.get(2).getField(result), r::toString);
  }

  @Test
  void aLabEquipmentOrDrugFileKeepsEachDatesRelease(@TempDir Path dir) throws IOException {
    // A drug file alone, with no Physician Fee Schedule file: the physician's lines are still
    // priced by the bundled release of their date, not by the October rows for the whole year.
    Path asp = dir.resolve("ASP_2025_JAN.csv");
    Files.writeString(
        asp,
        "# cpt4j subset\n"
            + "HCPCS Code,HCPCS Code Dosage,Payment Limit,Co-insurance Percentage\n"
            + "J1100,1 MG,0.111,20.000\n",
        StandardCharsets.UTF_8);
    String[] args = {
      "price", "0446T", "J1100 x4", "-l", "13202-01", "-f", "csv", "--asp", asp.toString(), "-d"
    };
    List<CsvRecord> february = priced(args, "2025-02-03");
    assertEquals("3455.73", february.get(1).getField(1), february::toString);
    // 4 x 0.111 is 0.444: the file's drug line is priced from the file.
    assertEquals("0.44", february.get(2).getField(1), february::toString);
    assertEquals("6814.71", priced(args, "2025-11-03").get(1).getField(1));
  }

  private static List<CsvRecord> priced(String[] args, String date) throws IOException {
    String[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = date;
    Cli.Result r = Cli.run(all);
    assertEquals(0, r.status(), r::toString);
    return ValidateCommandTest.csv(r.out());
  }
}
