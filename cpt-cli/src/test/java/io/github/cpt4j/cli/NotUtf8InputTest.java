package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch input that is not UTF-8 (a file saved as Latin-1) is refused at its first bad byte, naming
 * the input, line and byte, with status 2 as for input that cannot be read: it was read with U+FFFD
 * in place of the bytes, which then showed in the output as if they were the user's.
 */
class NotUtf8InputTest {

  private static final String WHY =
      " is not valid UTF-8; expected UTF-8 text (save a Latin-1 or Windows-1252 file as UTF-8)";

  /** A batch with an é in Latin-1 on line 3, after many good lines, so past the first buffer. */
  private static byte[] latin1Batch() {
    return ("code,zip,note\n"
            + "99213,10001,ok\n"
            + "99213,10001,caf\u00e9\n"
            + "99213,10001,ok\n".repeat(10_000))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void priceRefusesABatchThatIsNotUtf8() {
    Cli.Result r = Cli.runWithInput(latin1Batch(), "price", "-i", "-", "-d", "2025-06-01");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of("cpt price: standard input, file line 3, byte 16: 0xE9" + WHY), r.errLines());
    assertFalse(r.out().contains("\uFFFD"), r::toString);
  }

  @Test
  void priceNamesTheFile(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("lines.csv"), latin1Batch());
    Cli.Result r = Cli.run("price", "-i", file.toString(), "-d", "2025-06-01");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of("cpt price: '" + file + "', file line 3, byte 16: 0xE9" + WHY), r.errLines());
  }

  @Test
  void goodUtf8BeyondAsciiIsPricedAsBefore() {
    Cli.Result r =
        Cli.runWithInput(
            "code,zip,note\n99213,10001,caf\u00e9 \u20ac\n",
            "price",
            "-i",
            "-",
            "-d",
            "2025-06-01");
    assertEquals(0, r.status(), r::toString);
    assertEquals("99213,10001,caf\u00e9 \u20ac,101.06,priced,", r.outLines().get(1));
  }

  @Test
  void scrubRefusesABatchThatIsNotUtf8(@TempDir Path dir) throws IOException {
    Path mue =
        Files.writeString(
            dir.resolve("mue.csv"), ScrubCommandTest.MUE, StandardCharsets.ISO_8859_1);
    Cli.Result r =
        Cli.runWithInput(
            latin1Batch(), "scrub", "--mue", mue.toString(), "-i", "-", "-d", "2025-06-02");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of("cpt scrub: standard input, file line 3, byte 16: 0xE9" + WHY), r.errLines());
  }
}
