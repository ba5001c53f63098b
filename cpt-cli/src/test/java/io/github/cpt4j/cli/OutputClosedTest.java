package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command whose output goes away (piped into head) stops soon, with status 2 and one line naming
 * the output: a pipeline that lost its reader must not pass for a finished one.
 */
class OutputClosedTest {

  /** Accepts some characters, then fails like a closed pipe. */
  private static final class ClosingWriter extends Writer {
    private final int limit;
    long written;

    ClosingWriter(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      if (written + length > limit) {
        throw new IOException("Broken pipe");
      }
      written += length;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static int run(String input, ClosingWriter out, StringWriter err, String... args) {
    return Main.run(
        args,
        new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out),
        new PrintWriter(err),
        false,
        new FakeData());
  }

  static final String CLOSED = "standard output was closed before all results were written";

  @Test
  void validateStopsWithOneLineNamingTheOutput() {
    String input = "9921\n".repeat(200_000);
    ClosingWriter out = new ClosingWriter(10_000);
    StringWriter err = new StringWriter();
    assertEquals(2, run(input, out, err, "validate", "-f", "csv"));
    assertEquals("cpt validate: " + CLOSED, err.toString().strip());
  }

  @Test
  void batchPricingStopsWithOneLineNamingTheOutput() {
    String input = "code,zip\n" + "99213,10001\n".repeat(200_000);
    ClosingWriter out = new ClosingWriter(100_000);
    StringWriter err = new StringWriter();
    assertEquals(2, run(input, out, err, "price", "-i", "-"));
    assertEquals("cpt price: " + CLOSED, err.toString().strip());
    assertTrue(out.written <= 100_000);
  }

  @Test
  void scrubStopsWithOneLineNamingTheOutput(@TempDir Path dir) throws IOException {
    // It checked the output only once every row was read: scrub piped into head read and checked
    // the whole file, however long, before it said the output was gone.
    Path mue = dir.resolve("mue.csv");
    Files.writeString(mue, ScrubCommandTest.MUE, StandardCharsets.ISO_8859_1);
    byte[] input =
        ("claim,code,units\n" + "A,J1100,1\nB,J1100,2\n".repeat(100_000))
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayInputStream in = new ByteArrayInputStream(input);
    ClosingWriter out = new ClosingWriter(10_000);
    StringWriter err = new StringWriter();
    int status =
        Main.run(
            new String[] {"scrub", "-i", "-", "--mue", mue.toString(), "--date", "2025-06-02"},
            in,
            new PrintWriter(out),
            new PrintWriter(err),
            false,
            new FakeData());
    assertEquals(2, status, err::toString);
    assertEquals("cpt scrub: " + CLOSED, err.toString().strip());
    assertTrue(
        in.available() > input.length / 2,
        () -> "read " + (input.length - in.available()) + " of " + input.length + " bytes");
  }

  @Test
  void aCommandThatWritesWithoutLookingIsCaughtAtTheEnd() {
    ClosingWriter out = new ClosingWriter(10);
    StringWriter err = new StringWriter();
    assertEquals(2, run("", out, err, "lookup", "99213", "27447", "-f", "csv"));
    // Named by its command, as price and validate say it.
    assertEquals("cpt lookup: " + CLOSED, err.toString().strip());
  }

  @Test
  void debugStillTellsWhatHappened() {
    ClosingWriter out = new ClosingWriter(100);
    StringWriter err = new StringWriter();
    assertEquals(2, run("9921\n".repeat(10_000), out, err, "validate", "--debug"));
    assertTrue(err.toString().contains(CLOSED), err::toString);
    assertTrue(err.toString().contains("OutputClosedException"), err::toString);
  }
}
