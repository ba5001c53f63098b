package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.cli.input.CsvRecordReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cpt scrub} reads its input with the guarantees of {@code cpt price --input}: a record that
 * is not valid CSV is one {@code malformed_row} and reading goes on at the next line, so the output
 * has one row per input record, always.
 */
class ScrubInputTest {

  @TempDir Path dir;
  private Path mue;

  @BeforeEach
  void editFiles() throws IOException {
    mue =
        Files.writeString(
            dir.resolve("mue.csv"), ScrubCommandTest.MUE, StandardCharsets.ISO_8859_1);
  }

  private Cli.Result scrub(String stdin) {
    return Cli.runWithInput(
        stdin, "scrub", "--mue", mue.toString(), "-i", "-", "-d", "2025-06-02", "--verbatim");
  }

  /**
   * Scrub adds one column, {@code edits}: a file with price's columns ({@code amount}, {@code
   * result}, {@code explanation}), such as {@code cpt price}'s own output, is scrubbed with them
   * carried through. Before, it was refused, "which the output adds", though scrub adds none of
   * them.
   */
  @Test
  void theColumnsThatPriceAddsAreCarriedThrough() {
    Cli.Result r = scrub("code,amount,result,Explanation\nJ1100,1.00,priced,x\n");
    assertEquals(0, r.status(), r::toString);
    assertEquals(
        List.of("code,amount,result,Explanation,edits", "J1100,1.00,priced,x,"), r.outLines());
    Cli.Result edits = scrub("code, Edits\nJ1100,x\n");
    assertEquals(2, edits.status(), edits::toString);
    assertEquals(
        List.of(
            "cpt scrub: standard input: file line 1, the input has a column named ' Edits',"
                + " which the output adds; rename it"),
        edits.errLines(),
        edits::toString);
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsSaysOnWhichLine() {
    Cli.Result r = scrub("code,note\nJ1100,a\nJ1100\n");
    assertEquals(1, r.status(), r::toString);
    assertTrue(
        r.outLines()
            .get(2)
            .endsWith(
                "invalid: malformed_row: file line 3: the row has 1 field where the header has 2"),
        r::toString);
  }

  @Test
  void textAfterAClosingQuoteIsOneMalformedRowAndTheRunGoesOn() {
    Cli.Result r = scrub("code,note\nJ1100,a\n\"J1100\"b,x\nJ1100,c\n");
    assertEquals(1, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals(4, lines.size(), r::toString);
    assertEquals("J1100,a,", lines.get(1));
    assertEquals(
        ",,invalid: malformed_row: file line 3: field 1 has text after its closing quote",
        lines.get(2));
    assertEquals("J1100,c,", lines.get(3));
  }

  @Test
  void anUnclosedQuoteCostsOneRowNotTheRestOfTheFile() {
    Cli.Result r = scrub("code,note\nJ1100,a\nJ1100,\"open\nJ1100,b\nJ1100,c\n");
    List<String> lines = r.outLines();
    assertEquals(5, lines.size(), r::toString);
    assertEquals(
        ",,invalid: malformed_row: file line 3: the quote of field 2 is never closed",
        lines.get(2));
    assertEquals("J1100,b,", lines.get(3));
    assertEquals("J1100,c,", lines.get(4));
  }

  @Test
  void aFieldOverTheCapIsMalformedNotHeld() {
    String big = "y".repeat(CsvRecordReader.MAX_FIELD_LENGTH + 1);
    Cli.Result r = scrub("code,note\nJ1100,\"" + big + "\"\nJ1100,b\n");
    List<String> lines = r.outLines();
    assertEquals(3, lines.size(), r::toString);
    assertTrue(
        lines.get(1).contains("malformed_row: file line 2: field 2 is longer than"),
        () -> lines.get(1).substring(0, Math.min(200, lines.get(1).length())));
    assertEquals("J1100,b,", lines.get(2));
  }

  @Test
  void outputRowsEqualInputRecordsWhateverTheQuotes() {
    String[] rows = {"J1100,a", "\"", "a\"b,\"c", "\"x\"\"", "J1100,\"q\"\"r\"", "\"\"\"", ",,,"};
    StringBuilder csv = new StringBuilder("code,note\n");
    for (String row : rows) {
      csv.append(row).append('\n');
    }
    Cli.Result r = scrub(csv.toString());
    assertEquals(rows.length + 1, r.outLines().size(), r::toString);
  }

  /** A refused header says its file line, blank lines before it counted, as a broken one does. */
  @Test
  void aRefusedHeaderNamesItsFileLine() {
    Cli.Result twice = scrub("\n\ncode,CODE\nJ1100,J1100\n");
    assertEquals(2, twice.status(), twice::toString);
    assertEquals(
        "cpt scrub: standard input: file line 3, the header names column 'code' twice"
            + " (columns 1 and 2)",
        twice.errLines().get(0),
        twice::toString);
  }

  /** Header names are read without the no-break spaces around them, as cells are. */
  @Test
  void noBreakSpacesAreNotPartOfHeaderNames() {
    Cli.Result twice = scrub("code,note,code\u00a0\nJ1100,a,J1100\n");
    assertEquals(2, twice.status(), twice::toString);
    assertEquals(
        "cpt scrub: standard input: file line 1, the header names column 'code' twice"
            + " (columns 1 and 3)",
        twice.errLines().get(0),
        twice::toString);
    Cli.Result spaced = scrub("\u00a0code\u00a0,note\nJ1100,a\n");
    assertEquals(0, spaced.status(), spaced::toString);
    assertEquals(List.of("\u00a0code\u00a0,note,edits", "J1100,a,"), spaced.outLines());
  }

  @Test
  void aBrokenHeaderIsRefusedWithItsLine() {
    Cli.Result r = scrub("\"code,note\nJ1100,a\n");
    assertEquals(2, r.status(), r::toString);
    // The input file's line, as a malformed row's "file line": not a claim's "line 1".
    assertEquals(
        "cpt scrub: standard input: file line 1, the header: "
            + "the quote of field 1 is never closed",
        r.errLines().get(0),
        r::toString);
  }
}
