package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.cli.report.SpreadsheetSafe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DEL (U+007F) and the C1 controls (U+0080 to U+009F; U+009B is a terminal's control sequence
 * introducer) are control characters like the C0 ones: spreadsheet-safe CSV drops them before it
 * looks for a formula, and JSON escapes them. They were kept, so {@code \u007f=1+2} reached a
 * spreadsheet as a formula, on the batch's fast path (a plain ASCII line copied whole) and on its
 * general path alike.
 */
class OutputControlCharactersTest {

  private static Cli.Result price(String stdin, String... more) {
    List<String> args =
        new java.util.ArrayList<>(List.of("price", "-i", "-", "-z", "10001", "-d", "2025-06-01"));
    args.addAll(List.of(more));
    return Cli.runWithInput(stdin, args.toArray(String[]::new));
  }

  @Test
  void theSafeCellDropsDelAndC1ControlsBeforeLookingForAFormula() {
    assertEquals("'=1+2", SpreadsheetSafe.cell("\u007f=1+2"));
    assertEquals("'=1+2", SpreadsheetSafe.cell("\u009b=1+2"));
    assertEquals("'+1", SpreadsheetSafe.cell("\u0080\u009f+1"));
    assertEquals("a[31mb", SpreadsheetSafe.cell("a\u009b[31mb\u007f"));
    // The characters either side of the controls are kept.
    assertEquals("~\u00a0", SpreadsheetSafe.cell("~\u00a0"));
  }

  /** A plain ASCII line (no quote, nothing beyond ASCII) is the fast path: it was copied whole. */
  @Test
  void aDelBeforeAFormulaOnThePlainLinePathIsDroppedAndTheFormulaNeutralised() {
    Cli.Result r = price("code,note\n99213,\u007f=1+2\n99213,x\u007f\n99213,ok\n");
    assertEquals(0, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals("99213,'=1+2,101.06,priced,", lines.get(1));
    assertEquals("99213,x,101.06,priced,", lines.get(2));
    assertEquals("99213,ok,101.06,priced,", lines.get(3));
    assertFalse(r.out().contains("\u007f"), r::toString);
  }

  /** A line with a quote takes the general path, which checks each cell for what needs work. */
  @Test
  void aDelBeforeAFormulaOnTheGeneralPathIsDroppedAndTheFormulaNeutralised() {
    Cli.Result r = price("code,note,other\n99213,\u007f=1+2,\"q\"\n99213,a\u007fb,\"q\"\n");
    assertEquals(0, r.status(), r::toString);
    assertEquals("99213,'=1+2,q,101.06,priced,", r.outLines().get(1));
    assertEquals("99213,ab,q,101.06,priced,", r.outLines().get(2));
  }

  /** U+009B is two bytes in UTF-8 (C2 9B), so its line is never plain: the general path. */
  @Test
  void aC1ControlIsDroppedAndTheFormulaAfterItNeutralised() {
    Cli.Result r = price("code,note\n99213,\u009b=1+2\n99213,a\u009b31m\u0085b\n");
    assertEquals(0, r.status(), r::toString);
    assertEquals("99213,'=1+2,101.06,priced,", r.outLines().get(1));
    assertEquals("99213,a31mb,101.06,priced,", r.outLines().get(2));
  }

  @Test
  void verbatimStillWritesTheCellsAsRead() {
    Cli.Result r = price("code,note\n99213,\u007f=1+2\n99213,\u009b=1+2\n", "--verbatim");
    assertEquals(0, r.status(), r::toString);
    assertEquals("99213,\u007f=1+2,101.06,priced,", r.outLines().get(1));
    assertEquals("99213,\u009b=1+2,101.06,priced,", r.outLines().get(2));
  }

  /** JSON keeps every character of the input, and escapes the controls among them. */
  @Test
  void jsonEscapesDelAndC1Controls() {
    Cli.Result r = price("code,note\n99213,\u007f=1\n99213,\u009b=2\n", "--format", "json");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("\"note\":\"\\u007F=1\""), r::toString);
    assertTrue(r.out().contains("\"note\":\"\\u009B=2\""), r::toString);
    assertFalse(r.out().contains("\u007f") || r.out().contains("\u009b"), r::toString);
    assertEquals("\u007f=1", JsonTree.read(r.out()).get(0).get("note").asText());
  }

  @Test
  void scrubDropsDelAndC1ControlsBeforeLookingForAFormula(@TempDir Path dir) throws IOException {
    Path mue =
        Files.writeString(
            dir.resolve("mue.csv"), ScrubCommandTest.MUE, StandardCharsets.ISO_8859_1);
    String csv = "code,note\nJ1100,\u007f=1+2\nJ1100,\u009b@SUM(1)\nJ1100,a\u007f\u009bb\n";
    Cli.Result r =
        Cli.runWithInput(csv, "scrub", "--mue", mue.toString(), "-i", "-", "-d", "2025-06-02");
    assertEquals(0, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals("J1100,'=1+2,", lines.get(1));
    assertEquals("J1100,'@SUM(1),", lines.get(2));
    assertEquals("J1100,ab,", lines.get(3));
  }
}
