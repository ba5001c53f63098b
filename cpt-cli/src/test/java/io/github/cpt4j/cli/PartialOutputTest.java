package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that fails partway through its input still gives the rows it wrote before the failure to
 * standard output: CSV and JSON reports buffer of their own, and that buffer was dropped with the
 * failure, so a reader saw nothing but the error. JSON gets its array closed, so it still parses.
 * An output file stays all or nothing.
 */
class PartialOutputTest {

  private static final String NOT_UTF8 =
      "cpt validate: standard input, file line 3, byte 4: 0xE9 is not valid UTF-8; expected UTF-8 text"
          + " (save a Latin-1 or Windows-1252 file as UTF-8)";

  /** Two lines to report, then an é in Latin-1 on line 3, and more lines after it. */
  private static byte[] brokenAtLineThree(String first, String second) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((first + "\n" + second + "\n").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    bytes.writeBytes("99213\n".repeat(100).getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  @Test
  void validateCsvKeepsTheRowsBeforeTheBadByte() {
    Cli.Result r =
        Cli.runWithInput(brokenAtLineThree("99213", "9921"), "validate", "-a", "-f", "csv");
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of(NOT_UTF8), r.errLines());
    List<String> lines = r.outLines();
    assertEquals(3, lines.size(), r::toString);
    assertEquals("line,result,input,canonical,error,index,message", lines.get(0));
    assertTrue(lines.get(1).startsWith("1,valid,99213,99213,"), r::toString);
    assertTrue(lines.get(2).startsWith("2,invalid,9921,,WRONG_LENGTH,"), r::toString);
  }

  @Test
  void validateJsonKeepsTheRowsAndStillParses() {
    Cli.Result r =
        Cli.runWithInput(brokenAtLineThree("9921", "99213"), "validate", "-a", "-f", "json");
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of(NOT_UTF8), r.errLines());
    JsonNode rows = JsonTree.read(r.out());
    assertEquals(2, rows.size(), r::toString);
    assertEquals("invalid", rows.get(0).get("result").asText());
    assertEquals(2, rows.get(1).get("line").asInt());
    assertEquals("valid", rows.get(1).get("result").asText());
  }

  @Test
  void validateTableKeepsTheRowsAndHasNoSummary() {
    Cli.Result r = Cli.runWithInput(brokenAtLineThree("9921", "992"), "validate");
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of(NOT_UTF8), r.errLines());
    List<String> lines = r.outLines();
    assertEquals(3, lines.size(), r::toString); // the header and two rows; no summary line
    assertTrue(lines.get(1).strip().startsWith("1"), r::toString);
    assertTrue(lines.get(2).strip().startsWith("2"), r::toString);
  }

  @Test
  void validateWithTheFailureBeforeAnyRowWritesNothing() {
    Cli.Result r = Cli.runWithInput(brokenAtLineThree("99213", "99214"), "validate", "-f", "json");
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of(NOT_UTF8), r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void scrubKeepsTheClaimsBeforeTheBadByte(@TempDir Path dir) throws IOException {
    Path mue =
        Files.writeString(
            dir.resolve("mue.csv"), ScrubCommandTest.MUE, StandardCharsets.ISO_8859_1);
    Cli.Result r =
        Cli.runWithInput(
            brokenAtLineThree("code,note", "99213,ok"),
            "scrub",
            "--mue",
            mue.toString(),
            "-i",
            "-");
    assertEquals(2, r.status(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(
        r.err().startsWith("cpt scrub: standard input, file line 3, byte 4: 0xE9"), r::toString);
    // The row before the bad byte is a whole claim: line 3 would start the next.
    assertEquals(List.of("code,note,edits", "99213,ok,"), r.outLines());
  }

  private static Cli.Result scrubClaims(Path dir, byte[] input) throws IOException {
    Path mue =
        Files.writeString(
            dir.resolve("mue.csv"), ScrubCommandTest.MUE, StandardCharsets.ISO_8859_1);
    return Cli.runWithInput(input, "scrub", "--mue", mue.toString(), "-i", "-");
  }

  /**
   * scrub left out the rows of the claim it was reading, but its error line did not say so: the
   * rows written looked like the whole of what was read.
   */
  @Test
  void scrubSaysItLeftOutTheClaimItWasReading(@TempDir Path dir) throws IOException {
    Cli.Result r = scrubClaims(dir, claimCutByTheBadByte("", "A,27447,RT,ok\n"));
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of("claim,code,modifiers,note,edits", "Z,99213,,ok,"), r.outLines());
    assertEquals(
        List.of(
            "cpt scrub: standard input, file line 4, byte 15: 0xE9 is not valid UTF-8; expected"
                + " UTF-8 text (save a Latin-1 or Windows-1252 file as UTF-8); claim 'A' was not"
                + " read whole: its 1 row read is left out, not checked"),
        r.errLines());
  }

  @Test
  void scrubCountsEveryRowReadOfTheClaimLeftOut(@TempDir Path dir) throws IOException {
    // A row of too many fields and a record that is not valid CSV join the open claim, A.
    Cli.Result r =
        scrubClaims(
            dir,
            claimCutByTheBadByte(
                "", "A,27447,RT,ok\nA,27447,RT,ok,one too many\nA,\"27447\"x,RT,ok\n"));
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of("claim,code,modifiers,note,edits", "Z,99213,,ok,"), r.outLines());
    assertTrue(
        r.err()
            .endsWith("claim 'A' was not read whole: its 3 rows read are left out, not checked\n"),
        r::toString);
  }

  @Test
  void scrubRowsWithoutAClaimAreEachWhole(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("code,note\nJ1100,ok\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'J', '1', '1', '0', '0', ',', 'c', 'a', 'f', (byte) 0xE9, '\n'});
    Cli.Result r = scrubClaims(dir, bytes.toByteArray());
    assertEquals(2, r.status(), r::toString);
    assertEquals(List.of("code,note,edits", "J1100,ok,"), r.outLines());
    assertFalse(r.err().contains("left out"), r::toString);
  }

  @Test
  void priceJsonStillParsesAfterTheBadByte() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // Many rows first: the batch writes whole chunks, so the failure comes after some were written.
    bytes.writeBytes(
        ("code,zip\n" + "99213,10001\n".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'9', '9', '2', '1', '3', ',', (byte) 0xE9, '\n'});
    Cli.Result r =
        Cli.runWithInput(bytes.toByteArray(), "price", "-i", "-", "-d", "2025-06-01", "-f", "json");
    assertEquals(2, r.status(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("file line 5002, byte 7: 0xE9"), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertTrue(rows.size() > 0 && rows.size() <= 5_000, () -> rows.size() + " rows");
    for (JsonNode row : rows) {
      assertEquals("priced", row.get("result").asText());
    }
  }

  /**
   * Claim Z whole, then claim A's RT row, then its LT row with an é in Latin-1: read whole, A is a
   * bilateral pair at 898.42 a side; its RT row alone would be 1197.89.
   */
  private static byte[] claimCutByTheBadByte(String before, String rowsOfA) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(
        ("claim,code,modifiers,note\n" + before + "Z,99213,,ok\n" + rowsOfA)
            .getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'A', ',', '2', '7', '4', '4', '7', ',', 'L', 'T', ','});
    bytes.writeBytes(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    return bytes.toByteArray();
  }

  private static Cli.Result priceClaims(byte[] input, String format) {
    return Cli.runWithInput(
        input,
        "price",
        "-i",
        "-",
        "--locality",
        "13282-99",
        "--setting",
        "facility",
        "--date",
        "2025-06-02",
        "-f",
        format);
  }

  @Test
  void priceLeavesOutTheClaimItWasReading() {
    Cli.Result r = priceClaims(claimCutByTheBadByte("", "A,27447,RT,ok\n"), "csv");
    assertEquals(2, r.status(), r::toString);
    // Claim A's RT row was priced alone, 1197.89, as if no LT row followed.
    assertEquals(
        List.of("claim,code,modifiers,note,amount,result,explanation", "Z,99213,,ok,61.92,priced,"),
        r.outLines());
    assertEquals(
        List.of(
            "cpt price: standard input, file line 4, byte 15: 0xE9 is not valid UTF-8; expected"
                + " UTF-8 text (save a Latin-1 or Windows-1252 file as UTF-8); claim 'A' was not"
                + " read whole: its 1 row read is left out, not priced"),
        r.errLines());
  }

  @Test
  void priceLeavesOutEveryRowReadOfTheClaimWhateverItsForm() {
    // A quoted row and a row of too many fields are of claim A too, though the reader keeps them
    // apart from the plain lines.
    Cli.Result r =
        priceClaims(
            claimCutByTheBadByte("", "A,\"27447\",RT,\"ok\"\nA,99213,,ok,one too many\n"), "json");
    assertEquals(2, r.status(), r::toString);
    assertTrue(
        r.err()
            .endsWith("claim 'A' was not read whole: its 2 rows read are left out, not priced\n"),
        r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertEquals(1, rows.size(), r::toString);
    assertEquals("Z", rows.get(0).get("claim").asText());
    assertEquals("61.92", rows.get(0).get("amount").asText());
  }

  @Test
  void priceStillWritesTheWholeClaimsOfEarlierChunks() {
    // Enough claims before A that some chunks are written before the failure, and A is cut in
    // a chunk that also holds whole claims, which are still written.
    StringBuilder before = new StringBuilder();
    for (int i = 0; i < 1_500; i++) {
      before.append('C').append(i).append(",99213,,ok\n");
    }
    Cli.Result r = priceClaims(claimCutByTheBadByte(before.toString(), "A,27447,RT,ok\n"), "csv");
    assertEquals(2, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertEquals(1 + 1_500 + 1, lines.size(), r::toString);
    assertEquals("C0,99213,,ok,61.92,priced,", lines.get(1));
    assertEquals("Z,99213,,ok,61.92,priced,", lines.get(lines.size() - 1));
    assertTrue(r.err().endsWith("its 1 row read is left out, not priced\n"), r::toString);
  }

  @Test
  void priceRowsWithoutAClaimAreEachWhole() {
    // Without a claim column each row is a claim of its own, whole once read: nothing is left
    // out, and the RT row is rightly priced alone.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("code,modifiers,note\n27447,RT,ok\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {'2', '7', '4', '4', '7', ',', 'L', 'T', ','});
    bytes.writeBytes(new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    Cli.Result r = priceClaims(bytes.toByteArray(), "csv");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of("code,modifiers,note,amount,result,explanation", "27447,RT,ok,1197.89,priced,"),
        r.outLines());
    assertFalse(r.err().contains("left out"), r::toString);
  }

  @Test
  void anOutputFileIsStillAllOrNothing(@TempDir Path dir) throws IOException {
    Path mue =
        Files.writeString(
            dir.resolve("mue.csv"), ScrubCommandTest.MUE, StandardCharsets.ISO_8859_1);
    Path out = Files.writeString(dir.resolve("out.csv"), "the old results\n");
    Cli.Result r =
        Cli.runWithInput(
            brokenAtLineThree("code,note", "99213,ok"),
            "scrub",
            "--mue",
            mue.toString(),
            "-i",
            "-",
            "-o",
            out.toString());
    assertEquals(2, r.status(), r::toString);
    assertEquals("", r.out());
    assertEquals("the old results\n", Files.readString(out));
    try (var files = Files.list(dir)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")));
    }
  }
}
