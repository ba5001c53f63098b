package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output of {@code cpt scrub} has the guarantees of {@code cpt price}'s: a file is replaced
 * whole or not at all, no input is overwritten, write errors are named, and cells a spreadsheet
 * would run as formulas are neutralised unless {@code --verbatim} is given.
 */
class ScrubOutputTest {

  @TempDir Path dir;
  private Path mue;

  @BeforeEach
  void editFiles() throws IOException {
    mue =
        Files.writeString(
            dir.resolve("mue.csv"), ScrubCommandTest.MUE, StandardCharsets.ISO_8859_1);
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  private Cli.Result scrub(String stdin, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "scrub";
    all[1] = "--mue";
    all[2] = mue.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.runWithInput(stdin, all);
  }

  @Test
  void aGoodRunReplacesTheOutputAndLeavesNoTemporaryFile() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code,units\nJ1100,2\n");
    Path out = Files.writeString(dir.resolve("out.csv"), "old\n");
    Cli.Result r = scrub("", "-i", in.toString(), "-o", out.toString(), "-d", "2025-06-02");
    assertEquals(0, r.status(), r::toString);
    assertEquals("code,units,edits\nJ1100,2,\n", Files.readString(out));
    assertEquals(List.of(in, mue, out), listing());
  }

  @Test
  void aBadHeaderLeavesTheOldOutputAloneAndCreatesNothing() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "cod,units\nJ1100,2\n");
    Path out = Files.writeString(dir.resolve("out.csv"), "old\n");
    Cli.Result r = scrub("", "-i", in.toString(), "-o", out.toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals("old\n", Files.readString(out));
    Cli.Result fresh = scrub("", "-i", in.toString(), "-o", dir.resolve("new.csv").toString());
    assertEquals(2, fresh.status(), fresh::toString);
    assertEquals(List.of(in, mue, out), listing());
  }

  @Test
  void theOutputMustNotBeAnyInput() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code\nJ1100\n");
    Path ptp = Files.writeString(dir.resolve("ptp.txt"), ScrubCommandTest.PTP);
    for (Path target : List.of(in, mue, ptp)) {
      Cli.Result r =
          scrub(
              "",
              "-i",
              in.toString(),
              "--ptp",
              ptp.toString(),
              "-o",
              dir.resolve(".").resolve(target.getFileName()).toString());
      assertEquals(2, r.status(), r::toString);
      assertTrue(r.err().contains("--output must not be the file of"), r::toString);
    }
    assertEquals("code\nJ1100\n", Files.readString(in));
    assertEquals(ScrubCommandTest.PTP, Files.readString(ptp));
  }

  @Test
  void aFullDiskIsTroubleNamingTheOutput() throws IOException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "a system with /dev/full");
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n" + "J1100\n".repeat(3));
    Cli.Result r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> scrub("", "-i", in.toString(), "-o", full.toString()));
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of("cpt scrub: cannot write --output '/dev/full': No space left on device"),
        r.errLines(),
        r::toString);
  }

  @Test
  void aCellThatASpreadsheetWouldRunIsNeutralised() {
    String csv =
        "code,note\nJ1100,=HYPERLINK(\"x\")\nJ1100,+cmd|' /C calc'!A0\nJ1100,@SUM(1)\n"
            + "J1100,a\u0000b\u001b[31m\n=1+2,x\n";
    Cli.Result r = scrub(csv, "-i", "-", "-d", "2025-06-02");
    List<String> lines = r.outLines();
    assertEquals(6, lines.size(), r::toString);
    assertEquals("J1100,\"'=HYPERLINK(\"\"x\"\")\",", lines.get(1));
    assertEquals("J1100,'+cmd|' /C calc'!A0,", lines.get(2));
    assertEquals("J1100,'@SUM(1),", lines.get(3));
    assertEquals("J1100,ab[31m,", lines.get(4));
    assertTrue(lines.get(5).startsWith("'=1+2,x,\"invalid: code:"), lines.get(5));
    Cli.Result verbatim = scrub(csv, "-i", "-", "-d", "2025-06-02", "--verbatim");
    assertEquals("J1100,\"=HYPERLINK(\"\"x\"\")\",", verbatim.outLines().get(1));
    assertTrue(verbatim.outLines().get(5).startsWith("=1+2,x,"), verbatim::toString);
  }
}
