package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.cli.price.BatchPricing;
import io.github.cpt4j.cli.price.ClaimOrder;
import io.github.cpt4j.cli.price.LineRequest;
import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.price.PricingDefaults;
import io.github.cpt4j.cli.price.RowPricer;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The batch engine's claims, chunks and threads, over pricers made for the purpose. */
class BatchPricingTest {

  private static final PricingDefaults DEFAULTS =
      new PricingDefaults(
          Optional.of(Locality.parse("13282-99")), Setting.NON_FACILITY, LocalDate.of(2025, 6, 1));

  /** Each line's amount is the size of its claim, and pricing takes a random short while. */
  private static final RowPricer CLAIM_SIZE =
      (lines, participating) -> {
        if (ThreadLocalRandom.current().nextInt(50) == 0) {
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          outcomes.add(
              Outcome.priced(BigDecimal.valueOf(lines.size()), lines.get(i).line().toString()));
        }
        return outcomes;
      };

  private static List<CsvRecord> run(String csv, RowPricer pricer) throws IOException {
    StringWriter out = new StringWriter();
    // Four pricing threads whatever the machine, so that chunks really finish out of order.
    new BatchPricing(DEFAULTS, true, pricer, zip -> Optional.empty(), 4)
        .run(
            new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
            out,
            Format.CSV,
            rows -> {});
    return ValidateCommandTest.csv(out.toString());
  }

  @Test
  void keepsTheInputOrderAcrossManyChunksAndThreads() throws IOException {
    StringBuilder csv = new StringBuilder("n,claim,code,units\n");
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      // Claims of 1 to 7 lines, and standalone lines between them.
      String claim = i % 11 == 0 ? "" : "c" + (i / 7);
      csv.append(i).append(',').append(claim).append(",99213,").append(1 + i % 5).append('\n');
    }
    List<CsvRecord> rows = run(csv.toString(), CLAIM_SIZE);
    assertEquals(n + 1, rows.size());
    for (int i = 0; i < n; i++) {
      CsvRecord row = rows.get(i + 1);
      assertEquals(String.valueOf(i), row.getField(0));
      assertEquals("priced", row.getField(5));
      assertEquals("99213" + (1 + i % 5 > 1 ? " x" + (1 + i % 5) : ""), row.getField(6));
    }
  }

  @Test
  void aClaimIsNeverSplitAcrossChunks() throws IOException {
    StringBuilder csv = new StringBuilder("claim,code\n");
    for (int i = 0; i < 500; i++) {
      csv.append(",99213\n"); // 500 standalone lines, then a claim across the 512 boundary
    }
    for (int i = 0; i < 600; i++) {
      csv.append("big,99213\n");
    }
    List<CsvRecord> rows = run(csv.toString(), CLAIM_SIZE);
    assertEquals("1", rows.get(500).getField(2));
    for (int i = 501; i <= 1100; i++) {
      assertEquals("600", rows.get(i).getField(2), "row " + i);
    }
  }

  @Test
  void linesBeyondTheLimitOfAClaimAreReported() throws IOException {
    StringBuilder csv = new StringBuilder("claim,code\n");
    for (int i = 0; i < BatchPricing.MAX_CLAIM_LINES + 5; i++) {
      csv.append("huge,99213\n");
    }
    csv.append("next,99213\n");
    List<CsvRecord> rows = run(csv.toString(), CLAIM_SIZE);
    assertEquals(String.valueOf(BatchPricing.MAX_CLAIM_LINES), rows.get(1).getField(2));
    assertEquals("claim_too_long", rows.get(BatchPricing.MAX_CLAIM_LINES + 1).getField(3));
    assertEquals("claim_too_long", rows.get(BatchPricing.MAX_CLAIM_LINES + 5).getField(3));
    assertEquals("1", rows.get(BatchPricing.MAX_CLAIM_LINES + 6).getField(2));
  }

  @Test
  void aPricerFailureStopsTheRunAndIsReportedOnce() {
    AtomicLong calls = new AtomicLong();
    RowPricer failing =
        (lines, participating) -> {
          if (calls.incrementAndGet() == 3_000) {
            throw new IllegalStateException("boom");
          }
          return CLAIM_SIZE.price(lines, participating);
        };
    StringBuilder csv = new StringBuilder("code\n");
    for (int i = 0; i < 100_000; i++) {
      csv.append("99213\n");
    }
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> run(csv.toString(), failing));
    assertEquals("boom", e.getCause().getMessage()); // named by its line: see BatchThreadsTest
    assertTrue(calls.get() < 100_000, "the run went on after the failure: " + calls.get());
  }

  @Test
  void countsPricedNotPricedAndInvalid() throws IOException {
    StringWriter out = new StringWriter();
    String csv = "claim,code,date\n,99213,\n,9921,\nA,99213,2025-01-01\nA,99213,2025-01-02\n";
    BatchPricing.Summary summary =
        new BatchPricing(DEFAULTS, true, CLAIM_SIZE, zip -> Optional.empty())
            .run(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                out,
                Format.CSV,
                rows -> {});
    // Claim A's rows are on two dates, each priced on its own: only 9921 is invalid.
    // The first row's blank date took the default date.
    assertEquals(
        new BatchPricing.Summary(
            4, 3, 1, 1, 0, "", 1, 0, List.of(), ClaimOrder.Returns.NONE, false, Set.of(), 0),
        summary);
  }

  /**
   * The rows of a claim reach the pricer numbered by their positions when every row is valid, and
   * with their places among the claim's rows otherwise; never with a null for "the positions".
   */
  @Test
  void theRowsOfAClaimAreNumberedByPositionUnlessARowIsLeftOut() throws IOException {
    RowPricer numbering =
        new RowPricer() {
          @Override
          public List<Outcome> price(List<LineRequest> lines, boolean participating) {
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
              outcomes.add(Outcome.priced(BigDecimal.ONE, "position " + (i + 1)));
            }
            return outcomes;
          }

          @Override
          public List<Outcome> price(
              List<LineRequest> lines, int[] lineNumbers, boolean participating) {
            assertNotNull(lineNumbers, "null line numbers");
            List<Outcome> outcomes = new ArrayList<>();
            for (int number : lineNumbers) {
              outcomes.add(Outcome.priced(BigDecimal.ONE, "row " + number));
            }
            return outcomes;
          }
        };
    List<CsvRecord> rows =
        run("claim,code\nA,99213\nA,99214\nB,99213\nB,9921\nB,99214\n", numbering);
    assertEquals("position 1", rows.get(1).getField(4));
    assertEquals("position 2", rows.get(2).getField(4));
    assertEquals("row 1", rows.get(3).getField(4));
    assertEquals("invalid_code", rows.get(4).getField(3));
    assertEquals("row 3", rows.get(5).getField(4));
  }
}
