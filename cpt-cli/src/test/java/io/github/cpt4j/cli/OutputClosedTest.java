package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A command whose output goes away (piped into head) stops soon and says nothing. */
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

  @Test
  void validateStopsWithoutAMessage() {
    String input = "9921\n".repeat(200_000);
    ClosingWriter out = new ClosingWriter(10_000);
    StringWriter err = new StringWriter();
    assertEquals(2, run(input, out, err, "validate", "-f", "csv"));
    assertEquals("", err.toString());
  }

  @Test
  void batchPricingStopsWithoutAMessage() {
    String input = "code,zip\n" + "99213,10001\n".repeat(200_000);
    ClosingWriter out = new ClosingWriter(100_000);
    StringWriter err = new StringWriter();
    assertEquals(2, run(input, out, err, "price", "-i", "-"));
    assertEquals("", err.toString());
    assertTrue(out.written <= 100_000);
  }

  @Test
  void debugStillTellsWhatHappened() {
    ClosingWriter out = new ClosingWriter(100);
    StringWriter err = new StringWriter();
    assertEquals(2, run("9921\n".repeat(10_000), out, err, "validate", "--debug"));
    assertTrue(err.toString().contains("the output was closed"), err::toString);
  }
}
