package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.fee.Locality;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Prices a CSV file of lines as a stream: one row in, one row out, in the input's order, in
 * memory that does not grow with the file. The calling thread reads and parses while a second
 * thread prices and writes. A row that cannot be priced gets its reason in the
 * output and the run goes on.
 *
 * <h2>Claims</h2>
 *
 * Rows with the same non-blank {@code claim} value in a run of adjacent rows are priced together
 * as one claim, so that one line can change another's amount; sort the file by claim first. A
 * claim's lines must share place, setting and date ({@code mixed_claim_context} otherwise), and a
 * claim has at most {@value #MAX_CLAIM_LINES} lines (the rest get {@code claim_too_long}). An
 * invalid row of a claim is reported and the claim's other lines are priced without it.
 *
 * <pre>{@code
 * BatchPricing.Summary summary = new BatchPricing(defaults, true, pricer, zips)
 *     .run(reader, writer, Format.CSV, rows -> {});
 * }</pre>
 */
public final class BatchPricing {

  /** The most lines one claim may have; real claims have a few dozen at most. */
  public static final int MAX_CLAIM_LINES = 1_000;
  /** How often, in rows, the progress callback is told. */
  static final int PROGRESS_EVERY = 4_096;

  private final PricingDefaults defaults;
  private final boolean participating;
  private final ClaimPricer pricer;
  private final Function<ZipCode, Optional<Locality>> zips;

  /** How a run went: rows read, priced, not priced, and invalid (a subset of not priced). */
  public record Summary(long rows, long priced, long notPriced, long invalid) {}

  /**
   * Creates a batch pricer.
   *
   * @param defaults the context for rows that do not give their own
   * @param participating whether the provider participates in Medicare
   * @param pricer prices each claim
   * @param zips the locality of a ZIP code, empty when unknown
   */
  public BatchPricing(PricingDefaults defaults, boolean participating, ClaimPricer pricer,
      Function<ZipCode, Optional<Locality>> zips) {
    this.defaults = requireNonNull(defaults, "defaults");
    this.participating = participating;
    this.pricer = requireNonNull(pricer, "pricer");
    this.zips = requireNonNull(zips, "zips");
  }

  /**
   * Reads UTF-8 CSV with a header row from {@code in} (a byte order mark is skipped) and writes the results to {@code out}.
   *
   * @param progress told the number of rows read now and then, and at the end
   * @throws IllegalArgumentException if the header is unusable (no {@code code} column...)
   * @throws IOException if reading or writing fails, or the CSV cannot be parsed
   */
  public Summary run(InputStream in, Writer out, Format format, LongConsumer progress)
      throws IOException {
    Run run = new Run(out, format);
    Pipeline pipeline = null;
    Chunk chunk = new Chunk();
    long read = 0;
    try (CsvReader<CsvRecord> reader = CsvReader.builder()
            .allowMissingFields(true)
            .allowExtraFields(true)
            .detectBomHeader(true)
            .ofCsvRecord(in, StandardCharsets.UTF_8);
        CloseableIterator<CsvRecord> records = reader.iterator()) {
      if (!records.hasNext()) {
        throw new IllegalArgumentException("the input is empty; it needs a header row with "
            + "at least a 'code' column");
      }
      run.start(records.next().getFields(), format == Format.JSON);
      pipeline = new Pipeline(run);
      while (records.hasNext() && pipeline.isHealthy()) {
        List<String> fields = records.next().getFields();
        chunk.add(fields, run.parser.parse(fields));
        read++;
        if (chunk.size == Chunk.CAPACITY) {
          pipeline.send(chunk);
          chunk = new Chunk();
        }
        if (read % PROGRESS_EVERY == 0) {
          progress.accept(read);
        }
      }
      pipeline.send(chunk);
      chunk = new Chunk();  // sent: nothing left to send if finishing fails
      pipeline.finish();
    } catch (CsvParseException e) {
      stop(pipeline, chunk, run);
      // FastCSV says where in the outer exception and what in its cause.
      String what = e.getCause() == null || e.getCause().getMessage() == null
          ? "" : ": " + e.getCause().getMessage();
      throw new IOException(e.getMessage() + what, e);
    } catch (UncheckedIOException e) {
      stop(pipeline, chunk, run);
      throw e.getCause();
    } catch (RuntimeException | Error e) {
      stop(pipeline, chunk, run);
      throw e;
    }
    progress.accept(read);
    return new Summary(run.rows, run.priced, run.notPriced, run.invalid);
  }

  /**
   * After a failure while reading: the rows read before it are still priced and written, so that
   * the output ends where the input broke.
   */
  private static void stop(Pipeline pipeline, Chunk unsent, Run run) {
    if (pipeline != null) {
      pipeline.send(unsent);
      if (pipeline.abandon()) {
        try {
          run.flushClaim();
        } catch (IOException | RuntimeException e) {
          // The reader's failure is the one to report.
        }
      }
    }
    run.flushWritten();
  }

  /** Rows read and parsed, handed over to the pricing thread in one piece. */
  private static final class Chunk {
    static final int CAPACITY = 512;
    @SuppressWarnings("unchecked")
    final List<String>[] fields = new List[CAPACITY];
    final RowParser.Row[] rows = new RowParser.Row[CAPACITY];
    int size;

    void add(List<String> rowFields, RowParser.Row row) {
      fields[size] = rowFields;
      rows[size] = row;
      size++;
    }
  }

  /**
   * Two threads, so that reading and parsing the CSV overlap with pricing and writing: this
   * thread reads, a second one prices and writes, in input order. A few chunks in flight bound
   * the memory; a failure on either side stops both and is reported once.
   */
  private static final class Pipeline {
    private static final Object END = new Object();
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
    private final Run run;
    private final Thread worker;
    private volatile Throwable failure;

    Pipeline(Run run) {
      this.run = run;
      this.worker = new Thread(this::work, "cpt-price");
      worker.setDaemon(true);
      worker.start();
    }

    private void work() {
      try {
        while (true) {
          Object item = queue.take();
          if (item == END) {
            return;
          }
          if (failure == null) {
            Chunk chunk = (Chunk) item;
            for (int i = 0; i < chunk.size; i++) {
              run.accept(chunk.fields[i], chunk.rows[i]);
            }
          }
        }
      } catch (Throwable t) {
        failure = t;
        // Keep taking, so that the reader never blocks on a full queue.
        drain();
      }
    }

    private void drain() {
      try {
        while (queue.take() != END) {
          // discard
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    boolean isHealthy() {
      return failure == null;
    }

    void send(Chunk chunk) {
      if (chunk.size > 0) {
        put(chunk);
      }
    }

    /** Ends the input, waits for the pricing thread and finishes the output. */
    void finish() throws IOException {
      put(END);
      join();
      rethrow();
      run.flushClaim();
      run.writer.finish();
    }

    /**
     * Ends the input after a failure of the reader and waits for what was sent to be priced;
     * tells whether the pricing thread is still healthy.
     */
    boolean abandon() {
      put(END);
      join();
      return failure == null;
    }

    private void put(Object item) {
      try {
        queue.put(item);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while pricing", e);
      }
    }

    private void join() {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while pricing", e);
      }
    }

    private void rethrow() throws IOException {
      Throwable t = failure;
      if (t == null) {
        return;
      }
      run.flushWritten();
      if (t instanceof IOException) {
        throw (IOException) t;
      }
      if (t instanceof UncheckedIOException) {
        throw ((UncheckedIOException) t).getCause();
      }
      if (t instanceof RuntimeException) {
        throw (RuntimeException) t;
      }
      throw (Error) t;
    }
  }

  /** The state of one run: the open claim and the counts. */
  private final class Run {
    private final Writer out;
    private final Format format;
    private BatchWriter writer;
    private RowParser parser;
    private final List<List<String>> claimFields = new ArrayList<>();
    private final List<RowParser.Row> claimRows = new ArrayList<>();
    private String claim = "";
    private String overflowClaim = "";
    private long rows;
    private long priced;
    private long notPriced;
    private long invalid;

    Run(Writer out, Format format) {
      this.out = out;
      this.format = format;
    }

    void start(List<String> headerFields, boolean uniqueNames) {
      BatchHeader header = BatchHeader.of(headerFields, uniqueNames);
      parser = new RowParser(header, defaults, zips);
      writer = BatchWriter.create(format, header, out);
    }

    /** After a failure: the rows written so far still reach the output. */
    void flushWritten() {
      if (writer != null) {
        try {
          writer.flush();
        } catch (IOException | UncheckedIOException e) {
          // The original failure is the one to report.
        }
      }
    }

    void accept(List<String> fields, RowParser.Row row) throws IOException {
      rows++;
      String key = row.claim();
      if (!claimRows.isEmpty() && !key.equals(claim)) {
        flushClaim();
      }
      if (!key.isEmpty() && key.equals(overflowClaim)) {
        invalid++;
        write(fields, Outcome.notPriced("claim_too_long", "claim '" + key + "' has more than "
            + MAX_CLAIM_LINES + " lines; only the first " + MAX_CLAIM_LINES + " were priced"));
        return;
      }
      overflowClaim = "";
      claim = key;
      claimFields.add(fields);
      claimRows.add(row);
      if (key.isEmpty()) {
        flushClaim();
      } else if (claimRows.size() == MAX_CLAIM_LINES) {
        flushClaim();
        overflowClaim = key;
      }
    }

    void flushClaim() throws IOException {
      if (claimRows.isEmpty()) {
        return;
      }
      List<LineRequest> requests = new ArrayList<>(claimRows.size());
      for (RowParser.Row row : claimRows) {
        row.request().ifPresent(requests::add);
      }
      boolean mixed = !sameContext(requests);
      List<Outcome> outcomes = requests.isEmpty() || mixed ? List.of() : priceClaim(requests);
      int next = 0;
      for (int i = 0; i < claimRows.size(); i++) {
        RowParser.Row row = claimRows.get(i);
        Outcome outcome;
        if (row.problem().isPresent()) {
          outcome = row.problem().get();
          invalid++;
        } else if (mixed) {
          outcome = Outcome.notPriced("mixed_claim_context", "the lines of claim '" + claim
              + "' differ in locality, setting or date; a claim has one of each");
          invalid++;
        } else {
          outcome = outcomes.get(next++);
        }
        write(claimFields.get(i), outcome);
      }
      claimRows.clear();
      claimFields.clear();
    }

    private boolean sameContext(List<LineRequest> requests) {
      for (int i = 1; i < requests.size(); i++) {
        if (!requests.get(i).sameContext(requests.get(0))) {
          return false;
        }
      }
      return true;
    }

    private List<Outcome> priceClaim(List<LineRequest> requests) {
      List<Outcome> outcomes = pricer.price(requests, participating);
      if (outcomes.size() != requests.size()) {
        throw new IllegalStateException("the pricer returned " + outcomes.size()
            + " outcomes for " + requests.size() + " lines");
      }
      return outcomes;
    }

    private void write(List<String> fields, Outcome outcome) throws IOException {
      if (outcome.isPriced()) {
        priced++;
      } else {
        notPriced++;
      }
      writer.write(fields, outcome);
    }
  }
}
