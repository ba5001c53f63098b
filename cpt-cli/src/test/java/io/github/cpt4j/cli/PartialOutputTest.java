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
