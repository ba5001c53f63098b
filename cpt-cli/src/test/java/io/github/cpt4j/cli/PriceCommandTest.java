package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.cli.price.BatchPricing;
import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.price.RowPricer;
import io.github.cpt4j.data.load.DataLoadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The price command's options, modes and errors, over {@link FakeData}. */
class PriceCommandTest {

  @TempDir Path dir;

  private final FakeData data = new FakeData();

  private Cli.Result price(String... args) {
    return Cli.runWith(data, new byte[0], prepend("price", args));
  }

  private Cli.Result priceStdin(String stdin, String... args) {
    return Cli.runWith(data, stdin.getBytes(StandardCharsets.UTF_8), prepend("price", args));
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {"+10000-01-01", "-0001-01-01", "2025-6-1", "2025-02-30", "20250601"})
  void aDateOptionIsYearMonthDayOrRefused(String date) {
    Cli.Result r = Cli.run("price", "99213", "-l", "13202-01", "-d", date);
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("; expected YYYY-MM-DD, such as 2025-06-01"), r::toString);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-13-01 | month 13 at index 5 is not 01 to 12",
        "+2025-01-01 | '+' at index 0 is not a digit 0-9 (a year has four digits, without a sign)",
        "2025-02-30 | day 30 at index 8 is not a day of 2025-02",
        "2025-6-1 | '-' at index 6 is not a digit 0-9",
        "' 2025-06-011 ' | '1' at index 10 follows the day"
      })
  void aRefusedDateOptionSaysWhatIsWrongWhere(String date, String what) {
    // It said only "'2025-13-01' is not a date: expected YYYY-MM-DD, such as 2025-06-01", where
    // a malformed code gets the fault and its index. The index is into the date quoted, which is
    // the value without the blanks around it.
    Cli.Result r = Cli.run("price", "99213", "-l", "13202-01", "--date=" + date);
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        "cpt price: Invalid value for option '--date': '"
            + date.strip()
            + "' is not a date: "
            + what
            + "; expected YYYY-MM-DD, such as 2025-06-01 (see 'cpt price --help')",
        r.err().strip());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-13-01 | month 13 at index 5 is not 01 to 12",
        "+2025-01-01 | '+' at index 0 is not a digit 0-9 (a year has four digits, without a sign)",
        "2025-02-30 | day 30 at index 8 is not a day of 2025-02",
        "' 2025-06-011 ' | '1' at index 10 follows the day"
      })
  void aRefusedDateCellSaysWhatIsWrongWhereAsTheOptionDoes(String date, String what)
      throws IOException {
    // A batch's date cell was told only "is not a date: expected YYYY-MM-DD", where --date gets
    // the fault and its index; the index is into the cell without its blanks, as quoted.
    Cli.Result r = priceStdin("code,date\n99213," + date + "\n", "-i", "-", "-z", "10001");
    assertEquals(1, r.status(), r::toString);
    CsvRecord row = ValidateCommandTest.csv(r.out()).get(1);
    assertEquals("invalid_date", row.getField(3), r::toString);
    assertEquals(
        "date: '"
            + date.strip()
            + "' is not a date: "
            + what
            + "; expected YYYY-MM-DD, such as 2025-06-01",
        row.getField(4));
  }

  @Test
  void linesArePricedAsOneClaimWithATotal() {
    Cli.Result r = price("99213", "71046-26 x2", "--zip", "10001", "--date", "2025-06-01");
    assertEquals(0, r.status(), r::toString);
    List<String> out = r.outLines();
    assertEquals(4, out.size(), r::toString);
    assertTrue(out.get(0).matches("LINE\\s+AMOUNT\\s+RESULT"), out.get(0));
    assertTrue(out.get(1).matches("99213\\s+10\\.00\\s+priced"), out.get(1));
    assertTrue(out.get(2).matches("71046-26 x2\\s+10\\.00\\s+priced"), out.get(2));
    assertTrue(out.get(3).matches("total\\s+20\\.00"), out.get(3));
  }

  @Test
  void explainShowsTheContext() {
    Cli.Result r =
        price(
            "99213",
            "-l",
            "13282-99",
            "-d",
            "2025-06-01",
            "-s",
            "facility",
            "--explain",
            "--non-participating");
    assertEquals(0, r.status(), r::toString);
    assertTrue(
        r.out().contains("fake 99213 of 1 at 13282-99 facility 2025-06-01 non-par"), r::toString);
    assertTrue(r.out().contains("9.50"), r::toString);
  }

  @Test
  void posIsPassedThrough() {
    Cli.Result r = price("99213", "--zip", "10001-2345", "--pos", "22", "-f", "json");
    JsonNode rows = JsonTree.read(r.out());
    assertEquals(2, rows.size()); // the line and the claim's total
    assertTrue(
        rows.get(0).get("explanation").textValue().contains(" at 10001-01 facility "), r::toString);
    assertEquals("10.00", rows.get(0).get("amount").textValue());
  }

  @Test
  void verbatimIsRefusedWithoutAnInputFile() {
    Cli.Result r = price("99213", "--zip", "10001", "-f", "csv", "--verbatim");
    assertEquals(2, r.status(), r::toString);
    assertTrue(
        r.err().contains("--verbatim copies the cells of an --input file: give it with --input"),
        r::toString);
    assertEquals("", r.out(), r::toString);
  }

  /**
   * A batch claim stops at {@link BatchPricing#MAX_CLAIM_LINES} rows (the rest are {@code
   * claim_too_long}), but as many lines given as arguments were all priced as one claim: 1,001
   * arguments are refused, naming the cap, and the cap itself is still one claim.
   */
  @Test
  void moreArgumentsThanOneClaimMayHaveAreRefused() {
    List<String> args = new ArrayList<>();
    for (int i = 0; i < BatchPricing.MAX_CLAIM_LINES; i++) {
      args.add("99213");
    }
    args.addAll(List.of("--zip", "10001", "-f", "csv"));
    Cli.Result atTheCap = price(args.toArray(String[]::new));
    assertEquals(0, atTheCap.status(), atTheCap::toString);
    assertEquals(BatchPricing.MAX_CLAIM_LINES + 2, atTheCap.outLines().size(), "header, total");

    args.add(0, "99213");
    Cli.Result over = price(args.toArray(String[]::new));
    assertEquals(2, over.status(), over::toString);
    assertEquals("", over.out(), over::toString);
    assertEquals(
        List.of(
            "cpt price: 1001 claim lines given, but a claim has at most 1000 lines, as in a batch"
                + " file; price more with --input FILE.csv, a claim value for each claim (see 'cpt"
                + " price --help')"),
        over.errLines(),
        over::toString);
  }

  @Test
  void anInvalidLineIsReportedAndTheOthersArePriced() {
    Cli.Result r = price("99213", "9921", "--zip", "10001", "-f", "csv");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("\n9921,,invalid_line,'9921' has the wrong length"), r::toString);
    assertTrue(r.out().contains("\n99213,10.00,priced,fake 99213 of 1"), r::toString);
  }

  /** A control character in an argument stays on its row of the table, escaped. */
  @Test
  void aLineBreakInAnArgumentDoesNotBreakTheTable() {
    Cli.Result r = price("99213\n=2", "--zip", "10001");
    assertEquals(3, r.outLines().size(), r::toString); // header, the line, the total
    assertTrue(r.outLines().get(1).startsWith("99213\\u000a=2 "), r::toString);
  }

  @Test
  void aTableSaysWhyALineHasNoAmount() {
    // Without --explain the table showed only "invalid_line": now it explains the lines it
    // could not price, as a batch does, and leaves the priced lines' explanation blank.
    Cli.Result r = price("99213", "9921", "--zip", "10001");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.outLines().get(0).matches("LINE\\s+AMOUNT\\s+RESULT\\s+EXPLANATION"), r::toString);
    assertTrue(r.outLines().get(1).matches("99213\\s+10\\.00\\s+priced"), r::toString);
    assertTrue(
        r.outLines().get(2).matches("9921\\s+invalid_line\\s+'9921' has the wrong length .*"),
        r::toString);
    // Every line priced: the three columns of the README's example.
    Cli.Result allPriced = price("99213", "--zip", "10001");
    assertTrue(
        allPriced.outLines().get(0).matches("LINE\\s+AMOUNT\\s+RESULT"), allPriced::toString);
  }

  @Test
  void aTableShowsAPricedLinesWarningsWithoutExplain() {
    // CSV and JSON showed a priced line's warnings without --explain; the table dropped its
    // EXPLANATION column, and with it the only sign that the amount deserves a second look.
    Cli.Result r = price("99213 30min", "99214", "--zip", "10001");
    assertEquals(0, r.status(), r::toString);
    assertEquals(4, r.outLines().size(), r::toString);
    assertTrue(r.outLines().get(0).matches("LINE\\s+AMOUNT\\s+RESULT\\s+EXPLANATION"), r::toString);
    // The warning alone, not the rest of the explanation that --explain adds.
    assertTrue(
        r.outLines()
            .get(1)
            .matches("99213 30min\\s+10\\.00\\s+priced\\s+warning: fake minutes of 99213 not used"),
        r::toString);
    assertTrue(r.outLines().get(2).matches("99214\\s+5\\.00\\s+priced"), r::toString);
    // With --explain, the whole explanation, which starts with the warning.
    Cli.Result explained = price("99213 30min", "--zip", "10001", "--explain");
    assertTrue(
        explained
            .outLines()
            .get(1)
            .contains("warning: fake minutes of 99213 not used; fake 99213 30min of 1 at 10001-01"),
        explained::toString);
  }

  @Test
  void notPayableIsAResultNotAnError() {
    Cli.Result r = price("0001F", "--zip", "10001", "-f", "csv");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("\n0001F,,status_not_payable,"), r::toString);
  }

  /**
   * A lone {@code -} is no claim line: as {@code cpt validate -} reads standard input, a user
   * writing {@code cpt price -} means it, and got a line of {@code invalid_line} with status 1.
   */
  @Test
  void aDashForALineSaysHowToReadStandardInput() {
    Cli.Result r = Cli.runWithInput("code\n99213\n", "price", "-", "--zip", "10001");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt price: '-' is no claim line; give --input - to price the CSV lines of standard"
                + " input (see 'cpt price --help')"),
        r.errLines());
    assertEquals("", r.out(), r::toString);
  }

  @Test
  void usageErrorsAreOneLineWithStatusTwo() {
    String[][] cases = {
      {"99213"}, // no location
      {}, // nothing to price
      {"99213", "--zip", "1000"}, // bad ZIP
      {"99213", "--locality", "13282"}, // bad locality
      {"99213", "--zip", "10001", "--date", "2025-13-01"}, // bad date
      {"99213", "--zip", "10001", "--setting", "home"}, // bad setting
      {"99213", "--zip", "10001", "--pos", "100"}, // bad POS
      {"99213", "--zip", "00000"}, // ZIP in no locality
      {"99213", "--zip", "10001", "--setting", "facility", "--pos", "11"},
      {"99213", "--zip", "10001", "--input", "x.csv"}, // both modes
      {"--input", "x.csv", "--format", "table"},
    };
    for (String[] args : cases) {
      Cli.Result r = price(args);
      assertEquals(2, r.status(), () -> String.join(" ", args) + "\n" + r);
      assertEquals(1, r.errLines().size(), () -> String.join(" ", args) + "\n" + r);
      assertTrue(r.err().startsWith("cpt price: "), r::toString);
      assertEquals("", r.out());
    }
    assertTrue(price("99213", "--zip", "1000").err().contains("expected five digits"));
    assertTrue(
        price("99213", "--zip", "10001", "-d", "June").err().contains("expected YYYY-MM-DD"));
  }

  @Test
  void missingCmsFilesAreTrouble() {
    Cli.Result r = price("99213", "--zip", "10001", "--rvu", "no/such.csv");
    assertEquals(2, r.status());
    assertEquals(List.of("cpt price: cannot read --rvu 'no/such.csv': no such file"), r.errLines());
  }

  @Test
  void aDataOptionSaysWhetherItsFileOrDirectoryIsMissingOrOfTheWrongKind() throws IOException {
    Path file = Files.writeString(dir.resolve("file.csv"), "x\n");
    assertEquals(
        List.of("cpt price: cannot read --gpci '" + dir + "': it is a directory"),
        price("99213", "--zip", "10001", "--gpci", dir.toString()).errLines());
    assertEquals(
        List.of("cpt price: cannot read --cms-dir 'no/such': no such directory"),
        price("99213", "--zip", "10001", "--cms-dir", "no/such").errLines());
    assertEquals(
        List.of("cpt price: cannot read --cms-dir '" + file + "': not a directory"),
        price("99213", "--zip", "10001", "--cms-dir", file.toString()).errLines());
    assertEquals(
        List.of("cpt data: cannot read --cms-dir '" + file + "': not a directory"),
        Cli.run("data", "--cms-dir", file.toString()).errLines());
  }

  @Test
  void cmsFilesReachTheData() throws IOException {
    Path rvu = Files.writeString(dir.resolve("rvu.csv"), "x");
    Path cap = Files.writeString(dir.resolve("cap.csv"), "x");
    Cli.Result r =
        price("99213", "--zip", "10001", "--rvu", rvu.toString(), "--opps-cap", cap.toString());
    assertEquals(0, r.status(), r::toString);
    assertEquals(Optional.of(rvu), data.files.rvu());
    assertEquals(Optional.empty(), data.files.gpci());
    assertEquals(Optional.of(cap), data.files.oppsCap());
  }

  /**
   * --cms-dir prices every line from the directory's files (the bundled rows for a kind it lacks):
   * a single data file beside it would be ignored and the line priced from another table, with
   * status 0, so each is refused as a usage error naming the options given.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "--rvu",
        "--gpci",
        "--opps-cap",
        "--clfs",
        "--dmepos",
        "--dme-rural-zips",
        "--asp"
      })
  void aSingleDataFileIsRefusedBesideTheCmsDirectory(String option) throws IOException {
    Path file = Files.writeString(dir.resolve("file.csv"), "x");
    Path cms = Files.createDirectories(dir.resolve("cms"));
    Cli.Result r = priceOverDirectory(cms, new byte[0], "99213", option, file.toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of("cpt price: give --cms-dir or " + option + ", not both (see 'cpt price --help')"),
        r.errLines());
    assertEquals("", r.out(), r::toString);
  }

  @Test
  void theRefusalNamesEveryDataFileGivenBesideTheCmsDirectory() throws IOException {
    Path file = Files.writeString(dir.resolve("file.csv"), "code\n99213\n");
    Path cms = Files.createDirectories(dir.resolve("cms"));
    Cli.Result r =
        priceOverDirectory(
            cms,
            "code\n99213\n".getBytes(StandardCharsets.UTF_8),
            "--input",
            "-",
            "--asp",
            file.toString(),
            "--clfs",
            file.toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of("cpt price: give --cms-dir or --clfs/--asp, not both (see 'cpt price --help')"),
        r.errLines());
    // Without a single file, the directory is priced from.
    Cli.Result alone = priceOverDirectory(cms, new byte[0], "99213");
    assertEquals(0, alone.status(), alone::toString);
  }

  /** Runs {@code cpt price ARGS --zip 10001 --cms-dir CMS} over {@link #dataReadingDirectories}. */
  private static Cli.Result priceOverDirectory(Path cms, byte[] stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("price"));
    all.addAll(List.of(args));
    all.addAll(List.of("--zip", "10001", "--cms-dir", cms.toString()));
    return Cli.runWith(dataReadingDirectories(), stdin, all.toArray(String[]::new));
  }

  /** {@link FakeData} that prices a directory of CMS files as it prices files. */
  private static FakeData dataReadingDirectories() {
    return new FakeData() {
      @Override
      public RowPricer pricer(Path cmsDirectory, boolean explain) {
        return pricer(CmsFiles.NONE, explain);
      }
    };
  }

  @Test
  void nothingPricedForTheDateTellsToGiveADateOnlyWhenNoneWasGiven() {
    // The hint said "give --date" to a user who had given it, or whose rows had their own dates.
    String today = " (give --date, or data for that date)";
    String given = " (give data for that date, or another date)";
    assertEquals(today, uncoveredHint(new byte[0], "99213", "-z", "10001"));
    assertEquals(given, uncoveredHint(new byte[0], "99213", "-z", "10001", "-d", "2031-02-03"));
    byte[] undated = "code\n99213\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(today, uncoveredHint(undated, "-i", "-", "-z", "10001"));
    assertEquals(given, uncoveredHint(undated, "-i", "-", "-z", "10001", "-d", "2031-02-03"));
    byte[] dated = "code,date\n99213,2031-02-03\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(given, uncoveredHint(dated, "-i", "-", "-z", "10001"));
  }

  /**
   * Runs {@code cpt price ARGS} over data that covers no date, and returns the parenthesis that
   * ends its line on standard error.
   */
  private static String uncoveredHint(byte[] stdin, String... args) {
    FakeData uncovered =
        new FakeData() {
          @Override
          public RowPricer pricer(CmsFiles files, boolean explain) {
            return (lines, participating) ->
                lines.stream()
                    .map(
                        line ->
                            Outcome.notPriced(
                                "date_not_covered",
                                "the data covers 2025-01-01 to 2025-12-31, not " + line.date()))
                    .toList();
          }
        };
    Cli.Result r = Cli.runWith(uncovered, stdin, prepend("price", args));
    assertEquals(1, r.status(), r::toString);
    String last = r.errLines().get(r.errLines().size() - 1);
    assertTrue(
        last.startsWith("cpt price: nothing was priced: the data covers 2025-01-01 to 2025-12-31"),
        r::toString);
    return last.substring(last.indexOf(" ("));
  }

  @Test
  void dataThatRejectsItsFilesIsOneLine() {
    Cli.Result r =
        priceFailingToLoad(
            new UncheckedIOException(new DataLoadException("rvu.csv", 12, 6, "expected a number")));
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err().startsWith("cpt price: rvu.csv, line 12, column 6: expected a number"),
        r::toString);
  }

  @Test
  void aFileThatCannotBeReadWhileLoadingIsOneLine() {
    Cli.Result r =
        priceFailingToLoad(new UncheckedIOException(new AccessDeniedException("rvu.csv")));
    assertEquals(2, r.status());
    // The file, not "the fee schedule": several are loaded together.
    assertEquals(List.of("cpt price: cannot read 'rvu.csv': permission denied"), r.errLines());
  }

  /** Prices one code with data whose loading fails with {@code failure}. */
  private static Cli.Result priceFailingToLoad(RuntimeException failure) {
    FakeData failing =
        new FakeData() {
          @Override
          public RowPricer pricer(CmsFiles files, boolean explain) {
            throw failure;
          }
        };
    return Cli.runWith(failing, new byte[0], "price", "99213", "-z", "10001");
  }

  @Test
  void aBugInThePricerIsAnInternalErrorOnOneLine() {
    FakeData broken =
        new FakeData() {
          @Override
          public RowPricer pricer(CmsFiles files, boolean explain) {
            return (lines, participating) -> {
              throw new IllegalStateException("boom");
            };
          }
        };
    Cli.Result r = Cli.runWith(broken, new byte[0], "price", "99213", "-z", "10001");
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "cpt price: internal error: java.lang.IllegalStateException: boom "
                + "(run again with --debug to see where)"),
        r.errLines());
    Cli.Result debug = Cli.runWith(broken, new byte[0], "price", "99213", "-z", "10001", "--debug");
    assertTrue(debug.err().contains("\tat "), debug::toString);
  }

  @Test
  void aBugInTheBatchPricerNamesTheLineOfTheClaimNotTheHeader() {
    // An IllegalArgumentException from the pricer was reported as the input's, as a bad header
    // is ("cpt price: standard input: boom"), with no line to find the row by.
    FakeData broken =
        new FakeData() {
          @Override
          public RowPricer pricer(CmsFiles files, boolean explain) {
            return (lines, participating) -> {
              if (lines.get(0).line().code().toString().equals("99215")) {
                throw new IllegalArgumentException("boom");
              }
              return List.of(Outcome.priced(BigDecimal.ONE, "one"));
            };
          }
        };
    Cli.Result r =
        Cli.runWith(
            broken,
            "code\n99213\n99215\n99213\n".getBytes(StandardCharsets.UTF_8),
            "price",
            "--input",
            "-",
            "-z",
            "10001");
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "cpt price: cannot price standard input: file line 3: internal error: "
                + "java.lang.IllegalArgumentException: boom"),
        r.errLines(),
        r::toString);
  }

  @Test
  void anUnwritableOutputIsTrouble() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Cli.Result r = price("-i", in.toString(), "-o", dir.toString(), "-z", "10001");
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().startsWith("cpt price: cannot write --output '" + dir + "': "), r::toString);
  }

  @Test
  void aMissingInputIsTrouble() {
    Cli.Result r = price("-i", "no/such.csv", "-z", "10001");
    assertEquals(2, r.status());
    assertEquals(
        List.of("cpt price: cannot read --input 'no/such.csv': no such file"), r.errLines());
  }

  @Test
  void aBrokenQuoteIsOneMalformedRowAndTheRunGoesOn() throws IOException {
    Cli.Result r =
        priceStdin(
            "code,note\n99213,ok\n99213,\"quoted\"junk\n99213,after\n",
            "-i",
            "-",
            "-z",
            "10001",
            "-d",
            "2025-06-01");
    assertEquals(1, r.status(), r::toString);
    assertEquals("", r.err(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(4, rows.size(), r::toString);
    assertEquals("malformed_row", rows.get(2).getField(3));
    assertEquals("file line 3: field 2 has text after its closing quote", rows.get(2).getField(4));
    assertEquals("after", rows.get(3).getField(1));
    assertEquals("priced", rows.get(3).getField(3));
  }

  /** Rows without a date are priced on today's date, which the run then says. */
  @Test
  void rowsWithoutADateArePricedOnTodayAndTheRunSaysSo() throws IOException {
    String today = LocalDate.now(ZoneId.systemDefault()).toString();
    Cli.Result r = priceStdin("code\n99213\n99214\n", "-i", "-", "-z", "10001");
    assertEquals(
        List.of(
            "cpt price: warning: 2 rows have no date of service and no --date was given: priced on"
                + " today's date, "
                + today),
        r.errLines(),
        r::toString);
    // Blank cells of a date column, through the fast path of plain lines and the general parser.
    r =
        priceStdin(
            "code,date,note\n99213,2025-06-01,\n99213,,\n99213,,\"a, b\"\n",
            "-i",
            "-",
            "-z",
            "10001");
    assertTrue(r.err().contains("warning: 2 rows have no date of service"), r::toString);
    assertEquals(
        "", priceStdin("code\n99213\n", "-i", "-", "-z", "10001", "-d", "2025-06-01").err());
    assertEquals("", priceStdin("code,date\n99213,2025-06-01\n", "-i", "-", "-z", "10001").err());
  }

  /**
   * Columns of other names are carried through, by design; one named like a known column was most
   * likely meant as it, and the rows were priced without it, so the run says so once per column.
   */
  @Test
  void aColumnNamedLikeAKnownOneIsCarriedThroughWithAWarning() throws IOException {
    Cli.Result r =
        priceStdin(
            "code,modifier,unit,note,patient_id\n99213,25,3,x,p1\n99213,25,3,y,p2\n",
            "-i",
            "-",
            "-z",
            "10001",
            "-d",
            "2025-06-01");
    assertEquals(0, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt price: warning: column 'modifier' is not read: did you mean 'modifiers'?",
            "cpt price: warning: column 'unit' is not read: did you mean 'units'?"),
        r.errLines(),
        r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("3", rows.get(1).getField(2), r::toString); // carried through
    assertEquals("priced", rows.get(1).getField(6), r::toString);
    r =
        priceStdin(
            "code,qty,dos,zip_code\n99213,2,2025-06-01,10001\n",
            "-i",
            "-",
            "-z",
            "10001",
            "-d",
            "2025-06-01");
    assertEquals(
        List.of(
            "cpt price: warning: column 'qty' is not read: did you mean 'units'?",
            "cpt price: warning: column 'dos' is not read: did you mean 'date'?",
            "cpt price: warning: column 'zip_code' is not read: did you mean 'zip'?"),
        r.errLines(),
        r::toString);
    assertEquals(
        "",
        priceStdin(
                "code,units,unit,note\n99213,1,3,x\n", "-i", "-", "-z", "10001", "-d", "2025-06-01")
            .err());
  }

  /**
   * Claims are runs of adjacent rows: a claim value that comes back after other claims is priced as
   * a separate claim, without the reductions between its runs, so the run says so.
   */
  @Test
  void aClaimThatComesBackAfterOtherClaimsIsReported() throws IOException {
    String[] args = {"-i", "-", "-z", "10001", "-d", "2025-06-01"};
    Cli.Result r = priceStdin("claim,code\nA,99213\nB,99214\nA,99215\n", args);
    assertEquals(0, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt price: warning: claim 'A' comes back at file line 4 after other claims: its rows"
                + " are priced as separate claims; sort the file by claim"),
        r.errLines(),
        r::toString);
    assertEquals(4, r.outLines().size(), r::toString);
    // Plain lines and rows read as CSV fields (a quoted cell) alike; a blank claim ends a claim.
    r =
        priceStdin(
            "claim,code,note\nA,99213,\nA,99214,\" a, b\"\n,99213,\nB,99213,\"x\"\nA,99213,\n"
                + "B,99213,\n",
            args);
    assertEquals(
        List.of(
            "cpt price: warning: claim values come back 2 times after other claims, first 'A' at"
                + " file line 6: their rows are priced as separate claims; sort the file by claim"),
        r.errLines(),
        r::toString);
    // Sorted, blank values and a claim past its 1,000th row are no comeback.
    assertEquals(
        "", priceStdin("claim,code\nA,99213\nA,99214\n,99213\n,99213\nB,99213\n", args).err());
    StringBuilder big = new StringBuilder("claim,code\n");
    for (int i = 0; i < BatchPricing.MAX_CLAIM_LINES + 2; i++) {
      big.append("A,99213\n");
    }
    big.append("B,99213\n");
    r = priceStdin(big.toString(), args);
    assertEquals("", r.err(), r::toString);
  }

  /** In a large file, the line number is what finds the row. */
  @Test
  void aRowWithTheWrongNumberOfFieldsSaysOnWhichLine() throws IOException {
    Cli.Result r =
        priceStdin(
            "code,units,date,locality\n"
                + "99213,1,2025-06-01\n"
                + "99213,1,2025-06-01,13282-99,extra\n"
                + "99213\n",
            "-i",
            "-");
    assertEquals(1, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("malformed_row", rows.get(1).getField(5));
    assertEquals(
        "file line 2: the row has 3 fields where the header has 4", rows.get(1).getField(6));
    assertEquals(
        "file line 3: the row has 5 fields where the header has 4"
            + " (the cells past the header's columns are not written)",
        rows.get(2).getField(6));
    assertEquals(
        "file line 4: the row has 1 field where the header has 4", rows.get(3).getField(6));
  }

  /** A claim refused for its rows' contexts says which part of the context differs. */
  @Test
  void aMixedClaimSaysWhatDiffers() throws IOException {
    Cli.Result r =
        Cli.runWithInput(
            "claim,code,locality,date,practitioner\n"
                + "A,99213,13282-99,2025-06-02,np\n"
                + "A,99212,13282-99,2025-06-02,\n",
            "price",
            "-i",
            "-");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("mixed_claim_context", rows.get(1).getField(6), r::toString);
    assertEquals(
        "the lines of claim 'A' without a rendering provider differ in practitioner (np and"
            + " physician); the lines of one rendering provider have one practitioner",
        rows.get(1).getField(7));
  }

  /**
   * A locality that differs is named with each line's date: a ZIP code can be in two localities in
   * two quarters' ZIP5 files, and the rows then show the same ZIP code.
   */
  @Test
  void aMixedLocalityIsNamedWithEachLinesDate() throws IOException {
    Cli.Result r =
        Cli.runWithInput(
            "claim,code,locality,date\n"
                + "A,99213,13282-99,2025-06-02\n"
                + "A,99212,13202-01,2025-06-03\n",
            "price",
            "-i",
            "-");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("mixed_claim_context", rows.get(1).getField(5), r::toString);
    assertEquals(
        "the lines of claim 'A' differ in locality (13282-99 on 2025-06-02 and 13202-01 on"
            + " 2025-06-03); a claim has one of each",
        rows.get(1).getField(6));
  }

  /** A record that is not CSV stays in its claim: the same-day rules still see the other rows. */
  @Test
  void aBrokenRecordDoesNotCutItsClaimInTwo() throws IOException {
    // The bundled data, as cpt price reads it without options.
    Cli.Result r =
        Cli.runWithInput(
            "claim,code,locality,date,setting\n"
                + "A,12001,13282-99,2025-06-02,facility\n"
                + "A,\"12002\"x,13282-99,2025-06-02,facility\n"
                + "A,12002,13282-99,2025-06-02,facility\n",
            "price",
            "-i",
            "-");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("malformed_row", rows.get(2).getField(6), r::toString);
    // 12002 ranks first (54.36), 12001 second at half its 41.40: one claim, as without the
    // broken record.
    assertEquals("20.70", rows.get(1).getField(5), r::toString);
    assertEquals("54.36", rows.get(3).getField(5), r::toString);
  }

  @Test
  void anUnclosedQuoteSwallowsNoRows() throws IOException {
    Cli.Result r =
        priceStdin(
            "code,note\n99213,a\n99213,\"open\n99213,c\n99213,d\n", "-i", "-", "-z", "10001");
    assertEquals(1, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(5, rows.size(), r::toString);
    assertEquals("malformed_row", rows.get(2).getField(3));
    assertEquals("file line 3: the quote of field 2 is never closed", rows.get(2).getField(4));
    assertEquals("d", rows.get(4).getField(1));
  }

  @Test
  void batchFromStandardInputKeepsEveryInputColumn() throws IOException {
    String csv =
        "Note,CODE,Modifiers,units,ZIP\n"
            + "first,99213,,,10001\n"
            + "second,71046,26,2,\n"
            + "\"third, quoted\",99213,25 59,,60601\n";
    Cli.Result r =
        priceStdin(csv, "--input", "-", "--locality", "13282-99", "--date", "2025-06-01");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(
        List.of("Note", "CODE", "Modifiers", "units", "ZIP", "amount", "result", "explanation"),
        rows.get(0).getFields());
    assertEquals(
        List.of("first", "99213", "", "", "10001", "10.00", "priced"),
        rows.get(1).getFields().subList(0, 7));
    assertEquals(
        "fake 71046-26 x2 of 1 at 13282-99 non-facility 2025-06-01", rows.get(2).getField(7));
    assertEquals("20.00", rows.get(2).getField(5));
    assertEquals("third, quoted", rows.get(3).getField(0));
    // Beside --locality, the ZIP cell is where the patient lives, not the place of service.
    assertTrue(rows.get(3).getField(7).startsWith("fake 99213-25-59 of 1 at 13282-99"));
  }

  @Test
  void batchWithoutACodeColumnIsTrouble() {
    Cli.Result r = priceStdin("cpt,units\n99213,1\n", "--input", "-");
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "cpt price: standard input: file line 1, the header has no 'code' column; it has"
                + " 'cpt', 'units'"),
        r.errLines());
    Cli.Result semicolons = priceStdin("code;units\n99213;1\n", "--input", "-");
    assertEquals(2, semicolons.status());
    assertEquals(
        List.of(
            "cpt price: standard input: file line 1, the header has no 'code' column; it has"
                + " 'code;units'"
                + " (fields separated by semicolons? the input must be comma-separated)"),
        semicolons.errLines());
    Cli.Result empty = priceStdin("", "--input", "-");
    assertEquals(2, empty.status());
    assertTrue(empty.err().contains("the input is empty"), empty::toString);
  }

  /** The header's line is the input file's, said so as a malformed row's: not a claim's line 1. */
  @Test
  void aHeaderThatIsNotCsvNamesItsFileLine() {
    Cli.Result r = priceStdin("\"code,units\n99213,1\n", "--input", "-");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt price: standard input: file line 1, the header: the quote of field 1 is never"
                + " closed"),
        r.errLines());
  }

  /**
   * After blank lines the header is not on line 1: its refusal says which line, as a syntax
   * error's.
   */
  @Test
  void aRefusedHeaderNamesItsFileLine() {
    Cli.Result twice = priceStdin("\n\ncode,code\n99213,99213\n", "--input", "-");
    assertEquals(2, twice.status(), twice::toString);
    assertEquals(
        List.of(
            "cpt price: standard input: file line 3, the header names column 'code' twice"
                + " (columns 1 and 2)"),
        twice.errLines());
    Cli.Result none = priceStdin("\n\ncpt\n99213\n", "--input", "-");
    assertEquals(2, none.status(), none::toString);
    assertEquals(
        List.of(
            "cpt price: standard input: file line 3, the header has no 'code' column; it has"
                + " 'cpt'"),
        none.errLines());
    Cli.Result added = priceStdin("\ncode,amount\n99213,1\n", "-i", "-", "-z", "10001");
    assertEquals(2, added.status(), added::toString);
    assertTrue(added.err().contains("standard input: file line 2, the input has a column named"));
  }

  /**
   * A header name is read without the white space around it as a cell is, no-break spaces included:
   * {@code units\u00a0} was a column of its own, so the row was priced as one unit (9.81, not
   * 19.62) on --date (2026, without GPCIs for the locality) rather than its own.
   */
  @Test
  void aClaimCellEndingInANoBreakSpaceIsTheSameClaim() {
    // Both sides of one knee: a bilateral pair, 150% shared, whether or not a spreadsheet wrote a
    // no-break space after the claim id, or a paste left an invisible format character (a
    // zero-width space, a byte order mark). Before, "A" and "A<NBSP>" were two claims, each side
    // paid alone in full (1197.89 each instead of 898.42).
    for (String after : List.of("\u00a0", "\u200b", "\ufeff")) {
      Cli.Result r =
          Cli.runWithInput(
              "claim,code,modifiers\nA,27447,RT\nA" + after + ",27447,LT\n",
              "price",
              "-i",
              "-",
              "--locality",
              "13282-99",
              "--setting",
              "facility",
              "--date",
              "2025-06-02");
      assertEquals(0, r.status(), r::toString);
      assertTrue(r.outLines().get(1).contains(",898.42,priced"), r::toString);
      assertTrue(r.outLines().get(2).contains(",898.42,priced"), r::toString);
    }
  }

  @Test
  void headerNamesEndingInANoBreakSpaceAreTheKnownColumns() {
    // Over the bundled data, whose 2025 release prices 71046-26 in 13282-99.
    Cli.Result r =
        Cli.runWithInput(
            "code,units\u00a0,date\u00a0,modifiers\n71046,2,2025-03-01,26\n",
            "price",
            "-i",
            "-",
            "--locality",
            "13282-99",
            "--date",
            "2026-01-05");
    assertEquals(0, r.status(), r::toString);
    assertEquals(
        List.of(
            "code,units\u00a0,date\u00a0,modifiers,amount,result,explanation",
            "71046,2,2025-03-01,26,19.62,priced,"),
        r.outLines());
    assertEquals("", r.err());
    Cli.Result code = priceStdin("code\u00a0,units\n71046,2\n", "-i", "-", "-z", "10001");
    assertEquals(0, code.status(), code::toString);
    Cli.Result twice = priceStdin("code,units,code\u00a0\n71046,2,1\n", "-i", "-", "-z", "10001");
    assertEquals(2, twice.status(), twice::toString);
    assertEquals(
        List.of(
            "cpt price: standard input: file line 1, the header names column 'code' twice"
                + " (columns 1 and 3)"),
        twice.errLines());
  }

  @Test
  void batchRejectsAColumnTheOutputAdds() {
    Cli.Result r = priceStdin("code,Amount\n99213,1\n", "-i", "-", "-z", "10001");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("column named 'Amount'"), r::toString);
  }

  @Test
  void aLineBreakInAQuotedModifiersCellSeparatesNothing() throws IOException {
    // Two modifiers on two lines of one quoted cell passed as 25-GT; blanks and hyphens separate.
    String csv =
        "code,modifiers,zip\n"
            + "99213,\"25\nGT\",10001\n"
            + "99213,\"25\r\nGT\",10001\n"
            + "99213,\"25 \t\u00a0GT\",10001\n";
    Cli.Result r = priceStdin(csv, "-i", "-", "-d", "2025-06-01");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(
        List.of("invalid_modifiers", "invalid_modifiers", "priced"),
        rows.stream().skip(1).map(row -> row.getField(4)).toList(),
        r::toString);
  }

  @Test
  void batchReportsEachBadRowAndGoesOn() throws IOException {
    String csv =
        "code,modifiers,units,locality,zip,setting,pos,date,claim\n"
            + "99213,,,,10001,,,,\n" // 1 priced
            + "9921,,,,10001,,,,\n" // 2 invalid_code
            + "99213,2,,,10001,,,,\n" // 3 invalid_modifiers
            + "99213,,0,,10001,,,,\n" // 4 invalid_units
            + "99213,,,1328-99,,,,,\n" // 5 invalid_locality
            + "99213,,,,1000,,,,\n" // 6 invalid_zip
            + "99213,,,,00000,,,,\n" // 6b unknown_zip
            + "99213,,,13282-99,10001,,,,\n" // 7 priced: the zip is the patient's
            + "99213,,,,,,,,\n" // 8 missing_location
            + "99213,,,,10001,home,,,\n" // 9 invalid_setting
            + "99213,,,,10001,,0,,\n" // 10 invalid_pos
            + "99213,,,,10001,facility,11,,\n" // 11 conflicting_setting
            + "99213,,,,10001,,,2025-02-30,\n" // 12 invalid_date
            + "99213,,,,10001\n" // 13 malformed_row
            + "0001F,,,,10001,,,,\n"; // 14 status_not_payable
    Cli.Result r = priceStdin(csv, "-i", "-", "-d", "2025-06-01");
    assertEquals(1, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    List<String> results = rows.stream().skip(1).map(row -> row.getField(10)).toList();
    assertEquals(
        List.of(
            "priced",
            "invalid_code",
            "invalid_modifiers",
            "invalid_units",
            "invalid_locality",
            "invalid_zip",
            "unknown_zip",
            "priced",
            "missing_location",
            "invalid_setting",
            "invalid_pos",
            "conflicting_setting",
            "invalid_date",
            "malformed_row",
            "status_not_payable"),
        results);
    assertTrue(rows.get(2).getField(11).startsWith("code: '9921' has the wrong length"));
    assertEquals(12, rows.get(14).getFieldCount()); // padded to the header's width
  }

  @Test
  void localityIsThePlaceOfServiceAndZipWhereThePatientLives() {
    // The visit in locality 05302-99, crutches for a patient living in ZIP 10001 (NY non-rural
    // 61.45, not CA's 65.94): the two options together, as a batch's two columns.
    Cli.Result r =
        Cli.run(
            "price",
            "99213",
            "E0114-NU",
            "-l",
            "05302-99",
            "-z",
            "10001",
            "-d",
            "2025-03-01",
            "-f",
            "csv");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("\n99213,82.71,priced,"), r::toString);
    assertTrue(r.out().contains("\nE0114-NU,61.45,priced,"), r::toString);
    // --zip alone is both, as before: 94102 is in San Francisco, 01112-05.
    Cli.Result alone =
        Cli.run("price", "99213", "E0114-NU", "-z", "94102", "-d", "2025-03-01", "-f", "csv");
    assertTrue(alone.out().contains("\n99213,109.15,priced,"), alone::toString);
    assertTrue(alone.out().contains("\nE0114-NU,65.94,priced,"), alone::toString);
    // And a batch's rows without cells take both defaults.
    Cli.Result batch =
        Cli.runWithInput(
            "code,modifiers\n99213,\nE0114,NU\n",
            "price",
            "-i",
            "-",
            "-l",
            "05302-99",
            "-z",
            "10001",
            "-d",
            "2025-03-01");
    assertTrue(batch.out().contains("\n99213,,82.71,priced,"), batch::toString);
    assertTrue(batch.out().contains("\nE0114,NU,61.45,priced,"), batch::toString);
  }

  /**
   * The options are the defaults for blank cells: a row's zip cell with a blank locality cell is
   * where its patient lives, and places the row only in place of {@code --zip}, never of {@code
   * --locality}, where the service was performed. It placed the row by the ZIP code anyway: 99213
   * at Manhattan's 101.06 (13202-01) rather than Rochester's 85.86 (13282-99), which {@code
   * --locality 13282-99 --zip 10001} gives.
   */
  @Test
  void aZipCellIsWhereThePatientLivesBesideLocalityButPlacesTheRowBesideZip() throws IOException {
    String cells = "code,modifiers,zip\n99213,,10001\nE0114,NU,10001\n";
    Cli.Result given =
        Cli.runWithInput(
            cells, "price", "-i", "-", "-l", "13282-99", "-d", "2025-03-14", "-f", "csv");
    assertEquals(0, given.status(), given::toString);
    assertTrue(given.out().contains("\n99213,,10001,85.86,priced,"), given::toString);
    // NY non-rural crutches: the cell is still where the patient lives.
    assertTrue(given.out().contains("\nE0114,NU,10001,61.45,priced,"), given::toString);
    // The same as the two options, and as the two options of a claim on the command line.
    Cli.Result options =
        Cli.runWithInput(
            "code,modifiers\n99213,\nE0114,NU\n",
            "price",
            "-i",
            "-",
            "-l",
            "13282-99",
            "-z",
            "10001",
            "-d",
            "2025-03-14");
    assertTrue(options.out().contains("\n99213,,85.86,priced,"), options::toString);
    assertTrue(options.out().contains("\nE0114,NU,61.45,priced,"), options::toString);
    // Beside --zip alone (14620, Rochester), the cell is both, in place of the option.
    Cli.Result zip = Cli.runWithInput(cells, "price", "-i", "-", "-z", "14620", "-d", "2025-03-14");
    assertTrue(zip.out().contains("\n99213,,10001,101.06,priced,"), zip::toString);
    assertTrue(zip.out().contains("\nE0114,NU,10001,61.45,priced,"), zip::toString);
  }

  /**
   * A row's ZIP code that CMS splits by ZIP+4 (35958, Alabama) gets the warning that says to give a
   * locality column or {@code --locality}; with {@code --locality}, the ZIP code no longer places
   * the row, so the warning is gone and the row is priced in the locality given.
   */
  @Test
  void localityTakesASplitZipCellsRowsOutOfItsWarning() throws IOException {
    String cells = "code,zip\n99213,35958\n";
    Cli.Result alone = Cli.runWithInput(cells, "price", "-i", "-", "-d", "2025-03-14");
    assertEquals(
        List.of(
            "cpt price: warning: 1 row has a ZIP code that CMS splits between payment localities"
                + " and prices by its ZIP+4, which cpt4j does not read: priced in the locality of"
                + " its five-digit row; give a locality column (or --locality) for those rows"),
        alone.errLines(),
        alone::toString);
    assertTrue(alone.out().contains("\n99213,35958,81.86,priced,"), alone::toString);
    Cli.Result given =
        Cli.runWithInput(cells, "price", "-i", "-", "-l", "01112-05", "-d", "2025-03-14");
    assertEquals(List.of(), given.errLines(), given::toString);
    // San Francisco's 109.15, not Alabama's 81.86 (10112-00, the ZIP code's five-digit row).
    assertTrue(given.out().contains("\n99213,35958,109.15,priced,"), given::toString);
  }

  /**
   * The split ZIP code warning counts only the rows priced in the ZIP code's locality: not a row on
   * a date the data does not cover (not priced), nor a DMEPOS item, whose fee goes by the
   * beneficiary's ZIP code, not by the locality (the bundled DMEPOS sample is of the first quarter
   * of 2025). All three rows of 35958 were counted before.
   */
  @Test
  void theSplitZipWarningCountsOnlyTheRowsPricedInTheLocality() throws IOException {
    String cells =
        "code,modifiers,zip,date\n99213,,35958,2024-06-02\n99213,,35958,2025-06-02\n"
            + "E0114,NU,35958,2025-02-03\n";
    Cli.Result r = Cli.runWithInput(cells, "price", "-i", "-");
    assertEquals(0, r.status(), r::toString);
    List<String> rows = r.outLines();
    assertTrue(rows.get(1).startsWith("99213,,35958,2024-06-02,,date_not_covered,"), r::toString);
    assertTrue(rows.get(2).startsWith("99213,,35958,2025-06-02,81.86,priced,"), r::toString);
    assertTrue(rows.get(3).startsWith("E0114,NU,35958,2025-02-03,"), r::toString);
    assertTrue(rows.get(3).contains(",priced,"), r::toString);
    assertEquals(
        List.of(
            "cpt price: warning: 1 row has a ZIP code that CMS splits between payment localities"
                + " and prices by its ZIP+4, which cpt4j does not read: priced in the locality of"
                + " its five-digit row; give a locality column (or --locality) for those rows"),
        r.errLines(),
        r::toString);
  }

  @Test
  void aCellOfNoBreakSpacesIsEmptyAndOneAroundAValueIsDropped() throws IOException {
    // A spreadsheet may write U+00A0 into a cell it shows empty. The library's parsers trim it;
    // the batch reads such a cell as empty (the defaults apply), and a value with it around as
    // the value, on every column the library parses: before, the zip cell was refused as not a
    // ZIP code and the date cell as not a date.
    String nbsp = "\u00a0";
    String csv =
        "code,units,locality,zip,date,setting,pos,practitioner,qualifying_apm\n"
            + ("99213,NB,NB,NB,NB,NB,NB,NB,NB\n"
                    + "99213,NB1NB,NB13202-01NB,NB10001NB,NB2025-03-14NB,NBnon-facilityNB,,NBphysicianNB,NBnoNB\n")
                .replace("NB", nbsp);
    Cli.Result r =
        Cli.runWithInput(
            csv, "price", "-i", "-", "-l", "13202-01", "-d", "2025-03-14", "-f", "csv");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(3, rows.size(), r::toString);
    for (CsvRecord row : rows.subList(1, 3)) {
      assertTrue(row.getFields().contains("priced"), r::toString);
      // 99213 in Manhattan (13202-01), out of a facility, on 2025-03-14: the bundled Q1 data.
      assertTrue(row.getFields().contains("101.06"), r::toString);
    }
    assertEquals(
        rows.get(1).getFields().subList(9, rows.get(1).getFieldCount()),
        rows.get(2).getFields().subList(9, rows.get(2).getFieldCount()),
        r::toString);
  }

  @Test
  void eachLineIsPricedByTheSchedulesThatPaysIt() throws IOException {
    // The bundled 2025 Q1 data: the visit from the PFS, the draw and the panel from the CLFS
    // (9.09, 10.56), 8 mg of dexamethasone from ASP (8 x 0.108 = 0.864), crutches from DMEPOS
    // (NY non-rural 61.45) for a patient living in ZIP 10001.
    String csv =
        "claim,code,modifiers,units,locality,zip\n"
            + "A,99213,25,,13202-01,10001\n"
            + "A,36415,,,13202-01,10001\n"
            + "A,80053,,,13202-01,10001\n"
            + "A,J1100,,8,13202-01,10001\n"
            + "A,E0114,NU,,13202-01,10001\n"
            + "B,E0114,NU,,13202-01,\n";
    Cli.Result r = Cli.runWithInput(csv, "price", "-i", "-", "-d", "2025-03-14");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    List<String> amounts =
        rows.stream().skip(1).map(row -> row.getField(6) + " " + row.getField(7)).toList();
    assertEquals(
        List.of(
            "101.06 priced",
            "9.09 priced",
            "10.56 priced",
            "0.86 priced",
            "61.45 priced",
            " no_beneficiary_zip"),
        amounts,
        r::toString);
  }

  @Test
  void lookupNamesTheScheduleThatPays() {
    Cli.Result r = Cli.run("lookup", "80053", "J1100", "E0114", "99213", "--format", "csv");
    assertTrue(r.out().contains("CLINICAL_LABORATORY"), r::toString);
    assertTrue(r.out().contains("DRUGS"), r::toString);
    assertTrue(r.out().contains("DMEPOS"), r::toString);
    assertTrue(r.out().contains("PHYSICIAN_FEE_SCHEDULE"), r::toString);
    assertTrue(
        Cli.run("lookup", "36415").out().contains("paid by     the Clinical Laboratory Fee"),
        () -> Cli.run("lookup", "36415").toString());
  }

  @Test
  void aDrugDoseOfTensOfThousandsOfUnitsIsPriced() throws IOException {
    // J3301 at 0.898 per 10 mg; units of five digits, as drugs billed per IU need, on the fast
    // path (a plain row) and the general one (a quoted cell).
    Cli.Result r =
        Cli.runWithInput(
            "code,units\nJ3301,16000\n\"J3301\",99999\nJ3301,100000\n",
            "price",
            "-i",
            "-",
            "-d",
            "2025-02-03",
            "--zip",
            "10001");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("14368.00", rows.get(1).getField(2), r::toString);
    assertEquals("89799.10", rows.get(2).getField(2), r::toString);
    assertEquals("invalid_units", rows.get(3).getField(3), r::toString);
  }

  @Test
  void anesthesiaLinesCarryTheirMinutes() throws IOException {
    String csv =
        "claim,code,modifiers,minutes,locality\n"
            + "A,00790,AA,95,13282-99\n" // (7 + 6.3) x 19.79 = 263.207
            + "B,00790,QK,95,13282-99\n" // half: 131.6035
            + "B,00790,QX,95,13282-99\n" // half: 131.6035
            + "C,00790,AA,,13282-99\n" // no minutes: no_anesthesia_time
            + "D,00790,AA,ninety,13282-99\n"; // invalid_minutes
    // The bundled data, which prices anesthesia.
    Cli.Result r =
        Cli.runWithInput(csv, "price", "-i", "-", "-d", "2025-06-02", "--setting", "facility");
    assertEquals(1, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(
        List.of("263.21", "131.60", "131.60", "", ""),
        rows.stream().skip(1).map(row -> row.getField(5)).toList());
    assertEquals(
        List.of("priced", "priced", "priced", "no_anesthesia_time", "invalid_minutes"),
        rows.stream().skip(1).map(row -> row.getField(6)).toList());
    // The cell quoted as every other message quotes it: escaped and at most 64 characters.
    Cli.Result odd =
        Cli.runWithInput(
            "code,modifiers,minutes,locality\n00790,AA,3\u00000,13282-99\n00790,AA,"
                + "9".repeat(100)
                + ",13282-99\n",
            "price",
            "-i",
            "-",
            "-d",
            "2025-06-02",
            "--format",
            "json");
    assertTrue(
        odd.out().contains("minutes: '3\\\\u00000' is not a number of minutes"), odd::toString);
    assertTrue(odd.out().contains("minutes: '" + "9".repeat(64) + "...'"), odd::toString);
    Cli.Result one =
        Cli.run("price", "00790-AA 95min", "--locality", "13282-99", "--date", "2025-06-02");
    assertEquals(0, one.status(), one::toString);
    assertTrue(one.out().contains("263.21"), one::toString);
  }

  /**
   * AD (medical supervision) pays 3 base units, 3 x 19.79 = 59.37 in 13282-99, and one time unit
   * more with {@code --present-at-induction}: (3 + 1) x 19.79 = 79.16 (Claims Processing Manual ch.
   * 12 section 50.D), on the line paid for the claim's session; AA is paid by its time either way.
   */
  @Test
  void presentAtInductionGivesTheAdSessionItsTimeUnit() throws IOException {
    String[] session = {
      "price",
      "00790-AD 60min",
      "00840-AD 45min",
      "-l",
      "13282-99",
      "-d",
      "2025-06-02",
      "-s",
      "facility",
      "-f",
      "csv",
      "--explain"
    };
    Cli.Result absent = Cli.run(session);
    assertEquals(0, absent.status(), absent::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(absent.out());
    assertEquals("59.37", rows.get(1).getField(1), absent::toString);
    assertEquals("not_payable_on_claim", rows.get(2).getField(2), absent::toString);
    String[] withFlag = Arrays.copyOf(session, session.length + 1);
    withFlag[session.length] = "--present-at-induction";
    Cli.Result present = Cli.run(withFlag);
    assertEquals(0, present.status(), present::toString);
    rows = ValidateCommandTest.csv(present.out());
    assertEquals("79.16", rows.get(1).getField(1), present::toString);
    assertTrue(
        rows.get(1).getField(3).contains("one for presence at induction"), present::toString);
    assertEquals("not_payable_on_claim", rows.get(2).getField(2), present::toString);
    assertEquals("79.16", rows.get(3).getField(1), present::toString); // the total
    Cli.Result aa =
        Cli.run(
            "price",
            "00790-AA 60min",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "-s",
            "facility",
            "--present-at-induction");
    assertEquals(0, aa.status(), aa::toString);
    assertTrue(aa.out().contains("217.69"), aa::toString); // (7 + 4.0) x 19.79
    // A batch: the option applies to every claim of the file.
    String csv = "claim,code,modifiers,minutes,locality\nA,00790,AD,60,13282-99\n";
    Cli.Result batch =
        Cli.runWithInput(
            csv,
            "price",
            "-i",
            "-",
            "-d",
            "2025-06-02",
            "--setting",
            "facility",
            "--present-at-induction");
    assertEquals(0, batch.status(), batch::toString);
    assertEquals("79.16", ValidateCommandTest.csv(batch.out()).get(1).getField(5), batch::toString);
    Cli.Result batchAbsent =
        Cli.runWithInput(csv, "price", "-i", "-", "-d", "2025-06-02", "--setting", "facility");
    assertEquals(
        "59.37",
        ValidateCommandTest.csv(batchAbsent.out()).get(1).getField(5),
        batchAbsent::toString);
    assertTrue(
        Cli.run("price", "--help").out().contains("--present-at-induction"), "help lists it");
  }

  @Test
  void adjacentRowsOfOneClaimArePricedTogether() throws IOException {
    String csv =
        "claim,code,zip,date\n"
            + "A,99213,10001,\n"
            + "A,27447,10001,\n"
            + "B,99213,10001,\n"
            + ",99213,10001,\n"
            + ",99214,10001,\n"
            + "C,99213,10001,2025-01-01\n"
            + "C,99214,60601,2025-01-01\n"
            + "D,9921,10001,\n"
            + "D,99213,10001,\n";
    Cli.Result r = priceStdin(csv, "-i", "-", "-d", "2025-06-01");
    assertEquals(1, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("10.00", rows.get(1).getField(4));
    assertEquals("5.00", rows.get(2).getField(4));
    assertTrue(rows.get(2).getField(6).contains(" of 2 "));
    assertTrue(rows.get(3).getField(6).contains(" of 1 "));
    assertTrue(rows.get(4).getField(6).contains(" of 1 "));
    assertTrue(rows.get(5).getField(6).contains(" of 1 "));
    assertEquals("mixed_claim_context", rows.get(6).getField(5));
    assertEquals("mixed_claim_context", rows.get(7).getField(5));
    assertEquals("invalid_code", rows.get(8).getField(5));
    assertTrue(rows.get(9).getField(6).contains(" of 1 "), rows.get(9)::toString);
  }

  @Test
  void batchJsonAndOutputFile() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "\uFEFFcode,note\n99213,\"a\nb\"\n");
    Path out = dir.resolve("out.json");
    Cli.Result r = price("-i", in.toString(), "-o", out.toString(), "-f", "json", "-z", "10001");
    assertEquals(0, r.status(), r::toString);
    assertEquals("", r.out());
    JsonNode rows = JsonTree.read(Files.readString(out));
    assertEquals(
        List.of("code", "note", "amount", "result", "explanation"),
        ImmutableList.copyOf(rows.get(0).fieldNames()));
    assertEquals("a\nb", rows.get(0).get("note").textValue());
    assertEquals("10.00", rows.get(0).get("amount").textValue());
  }

  @Test
  void aPersonAtATerminalSeesProgressAndASummaryOnStandardError() throws IOException {
    StringBuilder csv = new StringBuilder("code,zip\n");
    for (int i = 0; i < 50_000; i++) {
      csv.append(i % 1000 == 0 ? "9921" : "99213").append(",10001\n");
    }
    Path in = Files.writeString(dir.resolve("big.csv"), csv);
    Path out = dir.resolve("big-out.csv");
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            new String[] {"price", "-i", in.toString(), "-o", out.toString()},
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            true,
            data);
    assertEquals(1, status, err::toString);
    assertTrue(
        err.toString()
            .endsWith(
                "50,000 rows: 49,950 priced, 50 not priced (50 invalid)" + System.lineSeparator()),
        err::toString);
    assertEquals(50_001, Files.readAllLines(out).size());
  }

  @Test
  void outputMustNotOverwriteTheInput() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n");
    Cli.Result r = price("-i", in.toString(), "-o", in.toString(), "-z", "10001");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("would overwrite"), r::toString);
    assertEquals("code\n99213\n", Files.readString(in));
  }

  @Test
  void jsonNeedsDistinctColumnNames() {
    Cli.Result r = priceStdin("code,x,x\n99213,1,2\n", "-i", "-", "-z", "10001", "-f", "json");
    assertEquals(2, r.status());
    assertEquals(
        List.of(
            "cpt price: standard input: file line 1, the header names column 'x' twice"
                + " (columns 2 and 3)"),
        r.errLines(),
        r::toString);
    assertEquals(0, priceStdin("code,x,x\n99213,1,2\n", "-i", "-", "-z", "10001").status());
  }

  /**
   * JSON keys are the names as read: names that differ only in case are two keys, as CSV output
   * keeps them two columns; a column with a blank name, as a spreadsheet's CSV export names its
   * trailing empty columns, has no key and is left out. Both were refused as a name given twice.
   */
  @Test
  void jsonKeepsNamesDifferingInCaseAndLeavesOutUnnamedColumns() {
    Cli.Result cased = priceStdin("code,x,X\n99213,1,2\n", "-i", "-", "-z", "10001", "-f", "json");
    assertEquals(0, cased.status(), cased::toString);
    JsonNode row = JsonTree.read(cased.out()).get(0);
    assertEquals(
        List.of("code", "x", "X", "amount", "result", "explanation"),
        ImmutableList.copyOf(row.fieldNames()));
    assertEquals("1", row.get("x").textValue());
    assertEquals("2", row.get("X").textValue());

    // 93010 (an ECG's reading), two units of 8.65: a visit would be paid one unit a day.
    String exported = "code,units,, \n93010,2,,\n";
    Cli.Result json =
        Cli.runWithInput(
            exported, "price", "-i", "-", "-z", "10001", "-d", "2025-06-02", "-f", "json");
    assertEquals(0, json.status(), json::toString);
    JsonNode priced = JsonTree.read(json.out()).get(0);
    assertEquals(
        List.of("code", "units", "amount", "result", "explanation"),
        ImmutableList.copyOf(priced.fieldNames()));
    assertEquals("17.30", priced.get("amount").textValue());
    Cli.Result csv =
        Cli.runWithInput(exported, "price", "-i", "-", "-z", "10001", "-d", "2025-06-02");
    assertEquals(0, csv.status(), csv::toString);
    assertTrue(csv.out().startsWith("code,units,, ,amount,"), csv::toString);
    assertTrue(csv.out().contains("\n93010,2,,,17.30,priced,"), csv::toString);
  }

  @Test
  void aGeneratedFileWithInvalidLinesMixedInIsPricedToTheEnd() throws IOException {
    int n = 20_000;
    StringBuilder csv = new StringBuilder("code,modifiers,units,zip\n");
    for (int i = 0; i < n; i++) {
      if (i % 97 == 13) {
        csv.append("99X13,,,10001\n");
      } else if (i % 89 == 5) {
        csv.append("99213,,100000,10001\n");
      } else {
        csv.append(i % 2 == 0 ? "99213" : "71046")
            .append(",")
            .append(i % 3 == 0 ? "26" : "")
            .append(",")
            .append(1 + i % 3)
            .append(",10001\n");
      }
    }
    Path in = Files.writeString(dir.resolve("gen.csv"), csv);
    Path out = dir.resolve("gen-out.csv");
    Cli.Result r = price("--input", in.toString(), "--output", out.toString());
    assertEquals(1, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(Files.readString(out));
    assertEquals(n + 1, rows.size());
    long invalid = 0;
    for (int i = 0; i < n; i++) {
      CsvRecord row = rows.get(i + 1);
      String expected = i % 97 == 13 ? "invalid_code" : i % 89 == 5 ? "invalid_units" : "priced";
      assertEquals(expected, row.getField(5), "row " + (i + 1));
      if (!expected.equals("priced")) {
        invalid++;
        assertEquals("", row.getField(4));
      } else {
        assertEquals(
            new BigDecimal("10.00").multiply(new BigDecimal(1 + i % 3)),
            new BigDecimal(row.getField(4)));
      }
    }
    assertTrue(invalid > 300, "generated " + invalid + " invalid rows");
  }
}
