package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.cli.price.BatchPricing;
import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.price.PricingDefaults;
import io.github.cpt4j.cli.price.RowPricer;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way the batch pipeline can fail ends the run with the failure, never a hang: a writer that
 * fails at its first, second ... last write or flush (the last flush is the end of the output, the
 * case that once hung), a pricer that fails, input that fails.
 */
class BatchFailureTest {

  private static final PricingDefaults DEFAULTS =
      new PricingDefaults(
          Optional.of(Locality.parse("13282-99")), Setting.NON_FACILITY, LocalDate.of(2025, 6, 1));

  private static final RowPricer PRICER =
      (lines, participating) -> {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          outcomes.add(Outcome.priced(BigDecimal.ONE, "one"));
        }
        return outcomes;
      };

  /** Where the writer fails. */
  enum Stage {
    WRITE,
    FLUSH
  }

  /** Fails at the n-th call of one kind, counting from 1; counts calls when n is 0. */
  private static final class FailingWriter extends Writer {
    private final Stage stage;
    private final int failAt;
    int writes;
    int flushes;

    FailingWriter(Stage stage, int failAt) {
      this.stage = stage;
      this.failAt = failAt;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
      writes++;
      if (stage == Stage.WRITE && writes == failAt) {
        throw new IOException("No space left on device");
      }
    }

    @Override
    public void flush() throws IOException {
      flushes++;
      if (stage == Stage.FLUSH && flushes == failAt) {
        throw new IOException("No space left on device");
      }
    }

    @Override
    public void close() {}
  }

  private static String input(int rows) {
    StringBuilder csv = new StringBuilder("code,claim\n");
    for (int i = 0; i < rows; i++) {
      csv.append("99213,c").append(i / 3).append('\n');
    }
    return csv.toString();
  }

  private static BatchPricing.Summary run(InputStream in, Writer out, Format format)
      throws IOException {
    return new BatchPricing(DEFAULTS, true, PRICER, zip -> Optional.empty(), 2)
        .run(in, out, format, rows -> {});
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void aWriterFailingAtAnyCallEndsTheRunWithItsFailure(Stage stage) throws IOException {
    String csv = input(5_000);
    for (Format format : List.of(Format.CSV, Format.JSON)) {
      FailingWriter counting = new FailingWriter(stage, 0);
      run(bytes(csv), counting, format);
      int calls = stage == Stage.WRITE ? counting.writes : counting.flushes;
      assertTrue(calls >= 1, "the run " + stage + "s at least once");
      // The first calls, some in between, and the last ones, which end the output.
      SortedSet<Integer> stages = new TreeSet<>();
      for (int n = 1; n <= calls; n++) {
        if (n <= 5 || n > calls - 3 || n % Math.max(1, calls / 10) == 0) {
          stages.add(n);
        }
      }
      for (int failAt : stages) {
        IOException e =
            assertThrows(
                IOException.class,
                () ->
                    assertTimeoutPreemptively(
                        Duration.ofSeconds(20),
                        () -> run(bytes(csv), new FailingWriter(stage, failAt), format)),
                () -> format + ", " + stage + " " + failAt + " of " + calls);
        assertEquals("No space left on device", e.getMessage());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aFailingPricerEndsTheRun(Format format) {
    if (format == Format.TABLE) {
      return;
    }
    RowPricer failing =
        (lines, participating) -> {
          throw new IllegalStateException("the pricer broke");
        };
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () ->
                        new BatchPricing(DEFAULTS, true, failing, zip -> Optional.empty(), 2)
                            .run(bytes(input(5_000)), Writer.nullWriter(), format, rows -> {})));
    assertEquals("the pricer broke", e.getCause().getMessage());
    assertEquals(
        "file line 2: internal error: java.lang.IllegalStateException: the pricer broke",
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  @SuppressWarnings("InputStreamSlowMultibyteRead") // a byte at a time is the point
  void failingInputEndsTheRun(Format format) {
    if (format == Format.TABLE) {
      return;
    }
    byte[] csv = input(20_000).getBytes(StandardCharsets.UTF_8);
    InputStream in =
        new InputStream() {
          int position;

          @Override
          public int read() throws IOException {
            if (position == csv.length / 2) {
              throw new IOException("Input/output error");
            }
            return csv[position++];
          }
        };
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(20), () -> run(in, Writer.nullWriter(), format)));
    assertEquals("Input/output error", e.getMessage());
  }
}
