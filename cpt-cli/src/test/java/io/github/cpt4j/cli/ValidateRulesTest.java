package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cpt validate --rules} and {@code --column NAME}. */
class ValidateRulesTest {

  private static List<List<String>> csv(Cli.Result r) throws Exception {
    return ValidateCommandTest.csv(r.out()).stream().map(CsvRecord::getFields).toList();
  }

  @Test
  void withoutRulesOnlyTheGrammarIsChecked() {
    Cli.Result r = Cli.runWithInput("99213-25-59\n99213-ZZ\n99499\n", "validate");
    assertEquals(0, r.status(), r::toString);
  }

  /**
   * An unknown modifier given twice is one UNKNOWN_MODIFIER, at its first occurrence, and one
   * DUPLICATE_MODIFIER, at the second: the repeat is what breaks the rule. Each occurrence was
   * reported unknown, both at the first one's index.
   */
  @Test
  void anUnknownModifierGivenTwiceIsReportedOnceAndItsRepeatAsTheDuplicate() throws Exception {
    Cli.Result r =
        Cli.runWithInput(
            "99213-p7-p7\n99213 P7 25 p7 p7\n", "validate", "--rules", "--format", "csv");
    assertEquals(1, r.status(), r::toString);
    List<List<String>> rows = csv(r);
    List<List<String>> found =
        rows.subList(1, rows.size()).stream()
            .map(f -> List.of(f.get(0), f.get(4), f.get(5)))
            .toList();
    assertEquals(
        List.of(
            List.of("1", "DUPLICATE_MODIFIER", "9"),
            List.of("1", "UNKNOWN_MODIFIER", "6"),
            List.of("2", "DUPLICATE_MODIFIER", "12"),
            List.of("2", "UNKNOWN_MODIFIER", "6")),
        found,
        r::toString);
  }

  @Test
  void rulesFlagModifierRulesUnknownModifiersAndCodesOutsideTheCodeSet() throws Exception {
    String input = "99213-25-59\n99213-zz\n99499\n27447-RT\n# comment\n71046-26-TC\n9921\n";
    Cli.Result r = Cli.runWithInput(input, "validate", "--rules", "-f", "csv");
    assertEquals(1, r.status(), r::toString);
    List<List<String>> rows = csv(r);
    assertEquals(
        List.of("line", "result", "input", "canonical", "error", "index", "message"), rows.get(0));
    assertEquals(
        List.of("1", "invalid", "99213-25-59", "99213-25-59", "MUTUALLY_EXCLUSIVE", "6"),
        rows.get(1).subList(0, 6));
    assertEquals(
        List.of("2", "invalid", "99213-zz", "99213-ZZ", "UNKNOWN_MODIFIER", "6"),
        rows.get(2).subList(0, 6));
    assertTrue(rows.get(2).get(6).contains("ZZ"), rows.get(2)::toString);
    assertEquals(
        List.of("3", "invalid", "99499", "99499", "NOT_IN_CODE_SET", "0"),
        rows.get(3).subList(0, 6));
    assertTrue(rows.get(3).get(6).contains("not in the loaded code set"), rows.get(3)::toString);
    assertEquals(
        List.of(
            "6",
            "invalid",
            "71046-26-TC",
            "71046-26-TC",
            "PROFESSIONAL_WITH_TECHNICAL_COMPONENT",
            "6"),
        rows.get(4).subList(0, 6));
    assertEquals(
        List.of("7", "invalid", "9921", "", "WRONG_LENGTH", "4"), rows.get(5).subList(0, 6));
    assertEquals(6, rows.size(), r::toString);
  }

  /**
   * 99201 (deleted at the end of 2020) and 99441 (at the end of 2024) are in the bundled code set
   * with their last dates: --rules reported them valid without a word. They are valid for claims of
   * those years, so a warning, with the date, and the status stays 0.
   */
  @Test
  void aDeletedCodeIsAWarningWithItsLastDate() throws Exception {
    Cli.Result r = Cli.runWithInput("99201\n99441-25\n99213\n", "validate", "--rules", "-f", "csv");
    assertEquals(0, r.status(), r::toString);
    List<List<String>> rows = csv(r);
    assertEquals(
        List.of("1", "warning", "99201", "99201", "DELETED_CODE", "0"), rows.get(1).subList(0, 6));
    assertTrue(rows.get(1).get(6).contains("up to 2020-12-31 only"), rows.get(1)::toString);
    assertEquals(
        List.of("2", "warning", "99441-25", "99441-25", "DELETED_CODE", "0"),
        rows.get(2).subList(0, 6));
    assertTrue(rows.get(2).get(6).contains("up to 2024-12-31 only"), rows.get(2)::toString);
    assertEquals(3, rows.size(), r::toString);
  }

  @Test
  void aCodeWhoseEndDateIsStillToComeIsNotDeleted(@TempDir Path dir) throws Exception {
    // A scheduled end, such as a Category III code's sunset, leaves the code in force today.
    Path codes =
        Files.writeString(
            dir.resolve("ours.csv"),
            "code,add_on,effective_from,effective_to,description\n"
                + "99213,N,2000-01-01,2999-12-31,our own words\n"
                + "99201,N,2000-01-01,2020-12-31,our own words\n");
    Cli.Result r =
        Cli.runWithInput(
            "99213\n99201\n", "validate", "--rules", "-f", "csv", "--codes", codes.toString());
    assertEquals(0, r.status(), r::toString);
    List<List<String>> rows = csv(r);
    assertEquals(
        List.of("2", "warning", "99201", "99201", "DELETED_CODE", "0"), rows.get(1).subList(0, 6));
    assertEquals(2, rows.size(), r::toString);
  }

  @Test
  void aLineWithSeveralFindingsHasARowForEachAndCountsOnce() {
    Cli.Result r = Cli.runWithInput("99499-25-59\n99213\n", "validate", "--rules");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertTrue(lines.get(1).matches("\\s+1\\s+6\\s+MUTUALLY_EXCLUSIVE\\s+.*"), r::toString);
    assertTrue(lines.get(2).matches("\\s+1\\s+0\\s+NOT_IN_CODE_SET\\s+.*"), r::toString);
    assertEquals("1 of 2 lines invalid", lines.get(3));
  }

  @Test
  void columnReadsOneColumnOfACsvFileWithAHeader() throws Exception {
    String input = "claim,Line,units\nA,99213,1\nB,9921,1\n\"C\nD\",27447-RT,2\nE,\"x\"y,1\n";
    Cli.Result r = Cli.runWithInput(input, "validate", "--column", "line", "-f", "csv", "--all");
    assertEquals(1, r.status(), r::toString);
    List<List<String>> rows = csv(r);
    assertEquals(List.of("2", "valid", "99213", "99213"), rows.get(1).subList(0, 4));
    assertEquals(List.of("3", "invalid", "9921", "", "WRONG_LENGTH"), rows.get(2).subList(0, 5));
    assertEquals(List.of("4", "valid", "27447-RT", "27447-RT"), rows.get(3).subList(0, 4));
    assertEquals("6", rows.get(4).get(0));
    assertEquals("MALFORMED_ROW", rows.get(4).get(4));
    assertEquals(5, rows.size(), r::toString);
    // A row of more or fewer cells than the header is malformed, as price --input reads it;
    // a blank line is skipped.
    Cli.Result counts =
        Cli.runWithInput(
            "id,Code\n1,99213\n2,x,y\n\n3\n", "validate", "--column", "code", "-f", "csv");
    assertEquals(1, counts.status(), counts::toString);
    List<List<String>> bad = csv(counts);
    assertEquals(List.of("3", "invalid"), bad.get(1).subList(0, 2));
    assertEquals("MALFORMED_ROW", bad.get(1).get(4));
    assertTrue(
        bad.get(1).get(6).contains("the row has 3 fields where the header has 2"), bad::toString);
    // validate writes no cells: the message of price and scrub about the cells past the header's
    // columns not being written would be untrue here.
    assertFalse(bad.get(1).get(6).contains("written"), bad::toString);
    assertEquals(List.of("5", "invalid"), bad.get(2).subList(0, 2));
    assertEquals(3, bad.size(), counts::toString);
  }

  @Test
  void aColumnNameEndingInANoBreakSpaceIsTheColumn() throws Exception {
    // A spreadsheet may write a no-break space after a name; price --input reads "code\u00A0" as
    // its code column, and --column code found no such column.
    Cli.Result r =
        Cli.runWithInput(
            "id,code\u00A0\n1,99213\n", "validate", "--column", "code", "-f", "csv", "--all");
    assertEquals(0, r.status(), r::toString);
    assertEquals(List.of("2", "valid"), csv(r).get(1).subList(0, 2), r::toString);
  }

  @Test
  void theCodeColumnIsCheckedAsPriceReadsItAndNoCellIsSkipped() throws Exception {
    // price --input refuses every one of these cells (invalid_code); validate said "all valid",
    // skipping the blank and # cells as if they were blank and comment lines.
    String input = "claim,code\nA,99213\nB,\nC,#99214\nD, \nE,27447-RT\nF,99213 x2\n\nG,g0438\n";
    Cli.Result r = Cli.runWithInput(input, "validate", "--column", "code", "-f", "csv", "--all");
    assertEquals(1, r.status(), r::toString);
    List<List<String>> rows = csv(r);
    assertEquals(List.of("2", "valid", "99213", "99213"), rows.get(1).subList(0, 4));
    for (int i = 2; i <= 6; i++) {
      assertEquals(Integer.toString(i + 1), rows.get(i).get(0), rows::toString);
      assertEquals("invalid", rows.get(i).get(1), rows::toString);
    }
    assertEquals("EMPTY", rows.get(2).get(4));
    assertEquals(List.of("9", "valid", "g0438", "G0438"), rows.get(7).subList(0, 4));
    assertEquals(8, rows.size(), r::toString);
    Cli.Result table = Cli.runWithInput(input, "validate", "--column", "code");
    assertEquals(
        "5 of 7 lines invalid", table.outLines().get(table.outLines().size() - 1), table::toString);
  }

  @Test
  void aColumnNamedTwiceIsTroubleNamingBoth() {
    // The first of the two was checked, silently; price --input refuses the header.
    Cli.Result r =
        Cli.runWithInput("code,claim,Code\n99213,A,9921\n", "validate", "--column", "code");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt validate: standard input: file line 1, the header names column 'code' twice"
                + " (columns 1 and 3)"),
        r.errLines());
  }

  @Test
  void aMissingColumnIsTroubleNamingTheColumns() {
    Cli.Result r = Cli.runWithInput("claim,cpt\nA,99213\n", "validate", "--column", "code");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt validate: standard input: file line 1, no column 'code' in the header; the"
                + " columns are 'claim', 'cpt'"),
        r.errLines());
  }

  /**
   * A refused header says its file line, blank lines before it counted, as {@code price --input}
   * says it: validate named no line, and after blank lines the header is not line 1.
   */
  @Test
  void aRefusedHeaderNamesItsFileLine() {
    Cli.Result twice =
        Cli.runWithInput("\n\ncode,CODE\n99213,99213\n", "validate", "--column", "code");
    assertEquals(2, twice.status(), twice::toString);
    assertEquals(
        List.of(
            "cpt validate: standard input: file line 3, the header names column 'code' twice"
                + " (columns 1 and 2)"),
        twice.errLines());
    Cli.Result missing =
        Cli.runWithInput("\n\nclaim,cpt\nA,99213\n", "validate", "--column", "code");
    assertEquals(2, missing.status(), missing::toString);
    assertEquals(
        List.of(
            "cpt validate: standard input: file line 3, no column 'code' in the header; the"
                + " columns are 'claim', 'cpt'"),
        missing.errLines());
    // The wording of price --input's broken header, "the header: ...", with the same line.
    Cli.Result broken =
        Cli.runWithInput("\n\"code,note\n99213,a\n", "validate", "--column", "code");
    assertEquals(2, broken.status(), broken::toString);
    assertEquals(
        List.of(
            "cpt validate: standard input: file line 2, the header: the quote of field 1 is"
                + " never closed"),
        broken.errLines());
    Cli.Result price =
        Cli.runWithInput("\n\"code,note\n99213,a\n", "price", "-i", "-", "-z", "10001");
    assertEquals(
        broken.errLines().get(0).replace("cpt validate", "cpt price"),
        price.errLines().get(0),
        price::toString);
    // An empty input, blank lines alone, has no header line to name.
    Cli.Result empty = Cli.runWithInput("\n\n", "validate", "--column", "code");
    assertEquals(2, empty.status(), empty::toString);
    assertEquals(
        List.of("cpt validate: standard input: the input is empty; --column needs a header row"),
        empty.errLines());
  }

  /**
   * A tab- or semicolon-separated file read with {@code --column} was told only that its one
   * column, the whole header line, was not the one named; {@code price --input} says what separator
   * it expects.
   */
  @Test
  void aMissingColumnOfATabSeparatedFileSaysWhatSeparatorIsExpected() {
    Cli.Result tabs = Cli.runWithInput("claim\tcode\nA\t99213\n", "validate", "--column", "code");
    assertEquals(2, tabs.status(), tabs::toString);
    assertEquals(
        List.of(
            "cpt validate: standard input: file line 1, no column 'code' in the header; the"
                + " columns are 'claim\\u0009code' (fields separated by tabs? the input must be"
                + " comma-separated)"),
        tabs.errLines());
    Cli.Result semicolons =
        Cli.runWithInput("claim;code\nA;99213\n", "validate", "--column", "code");
    assertTrue(
        semicolons
            .err()
            .endsWith("(fields separated by semicolons? the input must be" + " comma-separated)\n"),
        semicolons::toString);
  }

  @Test
  void codesNamesTheCodeSetTheRulesCheckAgainst(@TempDir Path dir) throws Exception {
    Path codes =
        Files.writeString(dir.resolve("ours.csv"), "code,description\n99499,our own words\n");
    Cli.Result bundled = Cli.runWithInput("99499\n99213\n", "validate", "--rules");
    assertEquals(1, bundled.status(), bundled::toString);
    Cli.Result ours =
        Cli.runWithInput("99499\n99213\n", "validate", "--rules", "--codes", codes.toString());
    assertEquals(0, ours.status(), ours::toString);
    Path bad = Files.writeString(dir.resolve("bad.csv"), "code,description\n9949,short\n");
    Cli.Result broken =
        Cli.runWithInput("99499\n", "validate", "--rules", "--codes", bad.toString());
    assertEquals(2, broken.status(), broken::toString);
    assertEquals(1, broken.errLines().size(), broken::toString);
    assertTrue(broken.err().contains("bad.csv"), broken::toString);
    Cli.Result withoutRules = Cli.runWithInput("99499\n", "validate", "--codes", codes.toString());
    assertEquals(2, withoutRules.status(), withoutRules::toString);
    assertTrue(withoutRules.err().contains("--codes needs --rules"), withoutRules::toString);
  }

  /**
   * A {@code .tsv} file is tab-separated, the AMA style {@code --codes} reads from a {@code .txt}
   * file; it was read as CSV and refused as a header without known columns.
   */
  @Test
  void aTsvCodesFileIsReadAsTabDelimited(@TempDir Path dir) throws Exception {
    Path plain = Files.writeString(dir.resolve("ours.tsv"), "99499\tour own words\n");
    Path headed =
        Files.writeString(dir.resolve("headed.TSV"), "code\tdescription\n99499\tour own words\n");
    for (Path codes : List.of(plain, headed)) {
      Cli.Result r =
          Cli.runWithInput("99499\n99213\n", "validate", "--rules", "--codes", codes.toString());
      assertEquals(0, r.status(), r::toString);
    }
    Path bad = Files.writeString(dir.resolve("bad.tsv"), "9949\tshort\n");
    Cli.Result broken =
        Cli.runWithInput("99499\n", "validate", "--rules", "--codes", bad.toString());
    assertEquals(2, broken.status(), broken::toString);
    assertTrue(
        broken
            .err()
            .startsWith("cpt validate: " + bad + ", line 1, column 1: expected a procedure"),
        broken::toString);
  }

  /** A code set read through a pipe, as the shell's {@code <(...)} gives one, still loads. */
  @Test
  void codesMayBeANamedPipe(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("codes.csv");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here: " + e.getMessage());
      return;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    Thread writer =
        new Thread(
            () -> {
              try {
                Files.writeString(fifo, "code,description\n99499,our own words\n");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    writer.setDaemon(true); // blocked for good if nothing opens the pipe to read it
    writer.start();
    Cli.Result r =
        Cli.runWithInput("99499\n99213\n", "validate", "--rules", "--codes", fifo.toString());
    writer.join(10_000);
    assertEquals(0, r.status(), r::toString);
  }

  /** A UTF-16 file: the hint names the option, not the library's charset. */
  @Test
  void aUtf16CodesFileGetsTheOptionToGive(@TempDir Path dir) throws Exception {
    byte[] text = "99499,our own words\n".getBytes(StandardCharsets.UTF_16);
    Path utf16 = Files.write(dir.resolve("codes.csv"), text);
    Cli.Result r = Cli.runWithInput("99499\n", "validate", "--rules", "--codes", utf16.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("give --codes-charset UTF-16"), r::toString);
    assertFalse(r.err().contains("load it with charset"), r::toString);
  }

  /**
   * AMA files are often Windows-1252: the command says how to read one, read as UTF-8 or as Latin-1
   * (whose C1 controls stand where its curly quotes are), and then reads it.
   */
  @Test
  void aWindows1252CodesFileIsReadWithItsCharset(@TempDir Path dir) throws Exception {
    Path latin1 =
        Files.write(
            dir.resolve("ama.txt"),
            "99499\tour own words, caf\u00e9\u2019s\n".getBytes(Charset.forName("windows-1252")));
    Cli.Result utf8 =
        Cli.runWithInput("99499\n", "validate", "--rules", "--codes", latin1.toString());
    assertEquals(2, utf8.status(), utf8::toString);
    assertTrue(utf8.err().contains("give --codes-charset windows-1252"), utf8::toString);
    assertFalse(utf8.err().contains("load them with charset"), "one hint, in the command's terms");
    Cli.Result asLatin1 =
        Cli.runWithInput(
            "99499\n",
            "validate",
            "--rules",
            "--codes",
            latin1.toString(),
            "--codes-charset",
            "ISO-8859-1");
    assertEquals(2, asLatin1.status(), asLatin1::toString);
    assertTrue(asLatin1.err().contains("control character U+0092"), asLatin1::toString);
    assertTrue(asLatin1.err().contains("give --codes-charset windows-1252"), asLatin1::toString);
    assertFalse(asLatin1.err().contains("load it with charset"), asLatin1::toString);
    Cli.Result read =
        Cli.runWithInput(
            "99499\n",
            "validate",
            "--rules",
            "--codes",
            latin1.toString(),
            "--codes-charset",
            "windows-1252");
    assertEquals(0, read.status(), read::toString);
    Cli.Result unknown =
        Cli.runWithInput(
            "99499\n",
            "validate",
            "--rules",
            "--codes",
            latin1.toString(),
            "--codes-charset",
            "x?");
    assertEquals(2, unknown.status(), unknown::toString);
    assertTrue(unknown.err().contains("no character set named 'x?'"), unknown::toString);
    Cli.Result alone = Cli.runWithInput("99499\n", "validate", "--codes-charset", "UTF-8");
    assertEquals(2, alone.status(), alone::toString);
    assertTrue(alone.err().contains("--codes-charset needs --codes"), alone::toString);
  }
}
