package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Throwables;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.Uninterruptibles;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.cli.input.CsvRecordReader;
import io.github.cpt4j.cli.report.Format;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.medicare.Locality;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Prices a CSV file of lines as a stream: one row in, one row out, in the input's order, in memory
 * that does not grow with the file. A row that cannot be priced gets its reason in the output and
 * the run goes on.
 *
 * <h2>Claims</h2>
 *
 * Rows with the same non-blank {@code claim} value in a run of adjacent rows are priced together as
 * one claim, so that one line can change another's amount; sort the file by claim first (a value
 * that comes back after other claims, its rows priced as separate claims, is reported in the {@link
 * Summary}, within the window of {@link ClaimOrder}). A claim's lines must share place and setting
 * ({@code mixed_claim_context} otherwise), and the lines of one rendering provider their
 * practitioner ({@link LineRequest#mixedClaim}); each keeps its own date, and the same-day rules
 * (ranking, bilateral pairs, visits on the day of surgery) apply per date, the global surgery rule
 * across them. A claim has at most {@value #MAX_CLAIM_LINES} lines (the rest get {@code
 * claim_too_long}). An invalid row of a claim is reported and the claim's other lines are priced
 * without it.
 *
 * <h2>Threads</h2>
 *
 * The calling thread reads the CSV records and groups them into claims and claims into chunks,
 * nothing more; as many threads as there are processors each take a whole chunk and parse its rows,
 * price its claims (claims do not depend on one another) and format its output; one thread writes
 * the chunks in input order. On two cores the reader and the writer are light, so pricing has both:
 * with a single pricing thread, that thread was the bottleneck. A bounded number of chunks in
 * flight bounds the memory. The {@link RowPricer} and the ZIP code lookup must therefore be
 * thread-safe. A failure anywhere stops the run, after the rows before it are written (but for
 * those of a claim still being read when reading failed: see {@link Output#claimLeftOut}), and is
 * reported once; a row the pricer throws on, as a {@link RowFailedException} naming its file line.
 * {@code run} returns or throws only once every thread it started has ended. An interrupt of the
 * calling thread stops the run in the same way, with {@code IllegalStateException}, keeping the
 * interrupt.
 *
 * <pre>{@code
 * BatchPricing.Summary summary = new BatchPricing(defaults, true, pricer, zips)
 *     .run(in, writer, Format.CSV, rows -> {});
 * }</pre>
 */
public final class BatchPricing {

  /** The most lines one claim may have; real claims have a few dozen at most. */
  public static final int MAX_CLAIM_LINES = 1_000;

  /** The result of a row past its claim's first {@link #MAX_CLAIM_LINES}. */
  public static final String CLAIM_TOO_LONG = "claim_too_long";

  /**
   * Explains a row past the first {@link #MAX_CLAIM_LINES} of claim {@code key}, the lines that
   * were {@code done} ("priced", "checked"): one wording for every batch that refuses such rows.
   */
  public static String claimTooLong(String key, String done) {
    return "claim "
        + CodeFormatException.quote(key)
        + " has more than "
        + MAX_CLAIM_LINES
        + " lines; only the first "
        + MAX_CLAIM_LINES
        + " were "
        + done;
  }

  /**
   * Says that claim {@code claim}, being read when reading the input failed, is left out: {@code
   * "claim 'A' was not read whole: its 1 row read is left out, not priced"}, where its rows would
   * have been {@code done} ("priced", "checked"); one wording for every batch that leaves out such
   * a claim (see {@link Output#claimLeftOut}).
   */
  public static String claimNotReadWhole(String claim, int rows, String done) {
    return "claim "
        + CodeFormatException.quote(claim)
        + " was not read whole: its "
        + rows
        + (rows == 1 ? " row read is" : " rows read are")
        + " left out, not "
        + done;
  }

  /** How often, in rows, the progress callback is told. */
  static final int PROGRESS_EVERY = 4_096;

  private final PricingDefaults defaults;
  private final boolean participating;
  private final RowPricer pricer;
  private final BiFunction<ZipCode, LocalDate, Optional<Locality>> zips;
  private final Predicate<Locality> knownLocality;
  private final int threads;

  /** Whether CMS prices a ZIP code by its ZIP+4; null when the run does not count such rows. */
  private final BiPredicate<ZipCode, LocalDate> splitZip;

  /**
   * The ZIP code that places the rows without a locality or zip of their own, on each row's date;
   * null when such rows take the default locality.
   */
  private final ZipCode defaultZip;

  /** Whether plain lines take the fast path ({@link PlainRows}); off only to test it. */
  private final boolean plainLines;

  /** Whether the output adds each row's limiting charge: see {@link #withLimitingCharges()}. */
  private final boolean limitingCharges;

  /**
   * How a run went: rows read, priced, not priced, and invalid (a subset of not priced); and the
   * rows not priced because no loaded data covers their date ({@code date_not_covered}, another
   * subset of not priced) with the reason of the first of them, which says the dates the data
   * covers (empty when there is none); the valid rows without a date of their own, which took the
   * default date; the rows priced in the locality of a ZIP code that CMS prices by its ZIP+4 (see
   * {@link #countingSplitZips}); the columns not read whose names look like a known column's (see
   * {@link BatchHeader#lookalikes()}); the claim values that came back after other claims, so that
   * their rows were priced as separate claims (see {@link ClaimOrder}); whether the input has a
   * {@code rendering_provider} column, without which no row is of an NPI {@code --practitioner
   * NPI=TYPE} names; which of those NPIs some valid row named; and the rows not priced because
   * their codes are missing from a bundled sample ({@link SampleCoverage}), a subset of not priced.
   */
  public record Summary(
      long rows,
      long priced,
      long notPriced,
      long invalid,
      long dateNotCovered,
      String coverage,
      long undated,
      long splitZips,
      List<BatchHeader.Lookalike> lookalikes,
      ClaimOrder.Returns claimsBack,
      boolean namesRenderingProviders,
      Set<Npi> providersNamed,
      long notInSample) {

    /** Returns a summary without rows out of the data's dates or without a date. */
    public Summary(long rows, long priced, long notPriced, long invalid) {
      this(
          rows,
          priced,
          notPriced,
          invalid,
          0,
          "",
          0,
          0,
          List.of(),
          ClaimOrder.Returns.NONE,
          false,
          Set.of(),
          0);
    }

    /** Checks that the coverage, the lookalikes and the claims that came back are given. */
    public Summary {
      requireNonNull(coverage, "coverage");
      lookalikes = List.copyOf(lookalikes);
      requireNonNull(claimsBack, "claimsBack");
      providersNamed = Set.copyOf(providersNamed);
    }
  }

  /**
   * Creates a batch pricer that prices on as many threads as there are processors, at most eight:
   * the reader and the writer do little beside them.
   *
   * @param defaults the context for rows that do not give their own
   * @param participating whether the provider participates in Medicare
   * @param pricer prices each claim; thread-safe
   * @param zips the locality of a ZIP code, empty when unknown
   */
  public BatchPricing(
      PricingDefaults defaults,
      boolean participating,
      RowPricer pricer,
      Function<ZipCode, Optional<Locality>> zips) {
    this(defaults, participating, pricer, zips, locality -> true);
  }

  /**
   * Creates a batch pricer like {@link #BatchPricing(PricingDefaults, boolean, RowPricer,
   * Function)} whose rows naming a locality {@code knownLocality} does not know are {@code
   * unknown_locality}, invalid like a ZIP code in no locality.
   */
  public BatchPricing(
      PricingDefaults defaults,
      boolean participating,
      RowPricer pricer,
      Function<ZipCode, Optional<Locality>> zips,
      Predicate<Locality> knownLocality) {
    this(defaults, participating, pricer, undated(zips), knownLocality, defaultThreads());
  }

  /**
   * Creates a batch pricer like {@link #BatchPricing(PricingDefaults, boolean, RowPricer, Function,
   * Predicate)} that places a row by its ZIP code in the table in force on the row's date of
   * service, as CMS's ZIP code file changes from quarter to quarter.
   *
   * @param zips the locality of a ZIP code on a date of service, empty when unknown then
   */
  public BatchPricing(
      PricingDefaults defaults,
      boolean participating,
      RowPricer pricer,
      BiFunction<ZipCode, LocalDate, Optional<Locality>> zips,
      Predicate<Locality> knownLocality) {
    this(defaults, participating, pricer, zips, knownLocality, defaultThreads());
  }

  private static int defaultThreads() {
    return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
  }

  /** A ZIP code table that is the same on every date. */
  static BiFunction<ZipCode, LocalDate, Optional<Locality>> undated(
      Function<ZipCode, Optional<Locality>> zips) {
    requireNonNull(zips, "zips");
    return (zip, dateOfService) -> zips.apply(zip);
  }

  /**
   * Creates a batch pricer that prices on {@code threads} threads.
   *
   * @throws IllegalArgumentException if {@code threads} is not positive
   */
  public BatchPricing(
      PricingDefaults defaults,
      boolean participating,
      RowPricer pricer,
      Function<ZipCode, Optional<Locality>> zips,
      int threads) {
    this(defaults, participating, pricer, undated(zips), locality -> true, threads);
  }

  /**
   * Creates a batch pricer that prices on {@code threads} threads and knows the localities.
   *
   * @throws IllegalArgumentException if {@code threads} is not positive
   */
  public BatchPricing(
      PricingDefaults defaults,
      boolean participating,
      RowPricer pricer,
      Function<ZipCode, Optional<Locality>> zips,
      Predicate<Locality> knownLocality,
      int threads) {
    this(defaults, participating, pricer, undated(zips), knownLocality, threads);
  }

  /**
   * Creates a batch pricer that places rows by the ZIP code table of their date of service, on
   * {@code threads} threads.
   *
   * @throws IllegalArgumentException if {@code threads} is not positive
   */
  public BatchPricing(
      PricingDefaults defaults,
      boolean participating,
      RowPricer pricer,
      BiFunction<ZipCode, LocalDate, Optional<Locality>> zips,
      Predicate<Locality> knownLocality,
      int threads) {
    this.defaults = requireNonNull(defaults, "defaults");
    this.participating = participating;
    this.pricer = requireNonNull(pricer, "pricer");
    this.zips = requireNonNull(zips, "zips");
    this.knownLocality = requireNonNull(knownLocality, "knownLocality");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive, not " + threads);
    }
    this.threads = threads;
    this.plainLines = true;
    this.splitZip = null;
    this.defaultZip = null;
    this.limitingCharges = false;
  }

  private BatchPricing(
      BatchPricing other,
      boolean plainLines,
      BiPredicate<ZipCode, LocalDate> splitZip,
      ZipCode defaultZip) {
    this(other, other.pricer, plainLines, splitZip, defaultZip, other.limitingCharges);
  }

  private BatchPricing(
      BatchPricing other,
      RowPricer pricer,
      boolean plainLines,
      BiPredicate<ZipCode, LocalDate> splitZip,
      ZipCode defaultZip,
      boolean limitingCharges) {
    this.defaults = other.defaults;
    this.participating = other.participating;
    this.pricer = pricer;
    this.limitingCharges = limitingCharges;
    this.zips = other.zips;
    this.knownLocality = other.knownLocality;
    this.threads = other.threads;
    this.plainLines = plainLines;
    this.splitZip = splitZip;
    this.defaultZip = defaultZip;
  }

  /** Returns this batch pricer with every row on the general path, for tests of the fast path. */
  BatchPricing generalPathOnly() {
    return new BatchPricing(this, false, splitZip, defaultZip);
  }

  /**
   * Returns this batch pricer placing the rows without a locality or zip of their own by {@code
   * zip}, looked up on each row's date of service as a zip cell is ({@code cpt price --input
   * --zip}), rather than in the defaults' locality: with CMS's ZIP code files of several quarters,
   * a ZIP code can be in another locality on another date. Such rows are counted as placed by a
   * split ZIP code ({@link #countingSplitZips}) on their own dates, as zip cells are.
   */
  public BatchPricing placingByDefaultZip(ZipCode zip) {
    return new BatchPricing(this, plainLines, splitZip, requireNonNull(zip, "zip"));
  }

  /**
   * Returns this batch pricer counting, in {@link Summary#splitZips()}, the priced rows whose
   * locality comes from a ZIP code that {@code splitZip} says CMS prices by its ZIP+4 on the row's
   * date of service, and whose amount comes from that locality ({@link
   * RowPricer#pricesByLocality}): the five-digit table gives such a ZIP code one of its localities,
   * which may not be the patient's street's.
   */
  public BatchPricing countingSplitZips(BiPredicate<ZipCode, LocalDate> splitZip) {
    return new BatchPricing(this, plainLines, requireNonNull(splitZip, "splitZip"), defaultZip);
  }

  /**
   * Returns this batch pricer adding a {@code limiting_charge} column after {@code amount}: each
   * row's Medicare limiting charge, from the pricer's {@link RowPricer#withLimitingCharges()},
   * blank when it has none (a warning in the explanation says why, for a priced row). Without it
   * the output and the work per row are what they were before the column existed.
   *
   * @throws UnsupportedOperationException if the pricer gives no limiting charges
   */
  public BatchPricing withLimitingCharges() {
    return new BatchPricing(
        this, pricer.withLimitingCharges(), plainLines, splitZip, defaultZip, true);
  }

  /** Opens the output once the input's header is known to be good. */
  @FunctionalInterface
  public interface Output {
    /** Opens the writer the results go to. */
    Writer open() throws IOException;

    /**
     * Opens the output as UTF-8 bytes instead, when it can be written so; null when it cannot. CSV
     * results are then written as the pricing threads encoded them, without a writer decoding and
     * encoding them again (a tenth of a million-line batch's CPU). At most one of the two methods
     * is called.
     */
    default OutputStream openBytes() throws IOException {
      return null;
    }

    /**
     * Told, when reading the input failed partway, that the claim {@code claim} being read then is
     * left out: its first {@code rows} rows were read, and are neither priced (checked, by {@link
     * BatchScrub}) nor written, since the claim without the rows not read could price otherwise
     * (one side of an LT/RT pair alone in full, not at 75% as a side of the pair). The claims
     * before it are written. Not called when no claim was open: a row without a claim value is a
     * claim of its own, whole when read. {@link #claimNotReadWhole} says it.
     */
    default void claimLeftOut(String claim, int rows) {}
  }

  /**
   * Reads UTF-8 CSV with a header row from {@code in} and writes the results to {@code out}, CSV
   * cells made safe for spreadsheets.
   *
   * @see #run(InputStream, Output, Format, boolean, LongConsumer)
   */
  public Summary run(InputStream in, Writer out, Format format, LongConsumer progress)
      throws IOException {
    requireNonNull(out, "out");
    return run(in, () -> out, format, false, progress);
  }

  /**
   * Reads UTF-8 CSV with a header row from {@code in} (a byte order mark is skipped) and writes the
   * results to the writer {@code output} opens, which it opens only once the header is valid. Each
   * input record gives exactly one output row: a record that is not valid CSV (a broken quote, a
   * field longer than {@value CsvRecordReader#MAX_FIELD_LENGTH} characters) is a {@code
   * malformed_row} and reading goes on at its next line; see {@link CsvRecordReader}.
   *
   * @param verbatim whether CSV cells are written exactly as read (see {@link BatchWriter})
   * @param progress told the number of rows read now and then, and at the end
   * @throws IllegalArgumentException if the header is unusable (no {@code code} column...)
   * @throws IOException if reading or writing fails
   */
  public Summary run(
      InputStream in, Output output, Format format, boolean verbatim, LongConsumer progress)
      throws IOException {
    requireNonNull(in, "in");
    requireNonNull(output, "output");
    requireNonNull(format, "format");
    requireNonNull(progress, "progress");
    try (CsvRecordReader records = new CsvRecordReader(in)) {
      BatchHeader header =
          BatchHeader.read(
              records,
              format == Format.JSON,
              limitingCharges ? BatchHeader.ADDED_WITH_LIMITING_CHARGE : BatchHeader.ADDED);
      int claimColumn = header.indexOf("claim");
      Pipeline pipeline =
          new Pipeline(header, BatchWriter.create(format, header, output, verbatim));
      try {
        Claims claims = new Claims(pipeline);
        long read = 0;
        try {
          for (CsvRecordReader.Record record;
              pipeline.isHealthy() && (record = next(records)) != null; ) {
            // The claim key is what RowParser.parse reads as the row's claim; the pricing thread
            // parses the rest.
            if (record == CsvRecordReader.PLAIN_LINE) {
              claims.lineNumber = records.lineNumber();
              claims.addPlain(
                  records.plainBytes(),
                  records.plainStart(),
                  records.plainEnd(),
                  claimColumn,
                  header.size());
            } else if (record.problem().isPresent()) {
              claims.lineNumber = record.line();
              claims.addMalformed(
                  record.fields(),
                  RowParser.malformed(
                      "file line " + record.line() + ": " + record.problem().get()));
            } else if (record.fields().size() != header.size()) {
              // Fewer or more cells than the header, a malformed_row: which cell is the claim's is
              // not known (a comma left unquoted in a note shifts it), and a key read from another
              // cell, or a blank one, would end the open claim.
              claims.lineNumber = record.line();
              claims.addInOpenClaim(
                  record.fields(), null, records.lastRecordIsPlain(), null, null, 0, 0);
            } else {
              List<String> fields = record.fields();
              String key = claimColumn < 0 ? "" : ClaimKey.of(fields.get(claimColumn));
              claims.lineNumber = record.line();
              claims.add(fields, null, key, records.lastRecordIsPlain(), records.lastRecordLine());
            }
            read++;
            if (read % PROGRESS_EVERY == 0) {
              progress.accept(read);
            }
          }
          claims.end();
        } catch (IOException | RuntimeException | Error e) {
          try {
            // The claims read before the failure are still priced and written; the one being
            // read is not whole, and priced without its unread rows its amounts would be wrong.
            String open = claims.openClaim();
            int leftOut = claims.leaveOutOpenClaim();
            claims.end();
            if (leftOut > 0) {
              output.claimLeftOut(open, leftOut);
            }
          } catch (RuntimeException | Error again) {
            // An interrupted reader cannot send: the writer must still be told to end.
            if (again != e) {
              e.addSuppressed(again);
            }
          } finally {
            pipeline.abandon();
          }
          throw e;
        }
        Summary summary = pipeline.finish(claims.order.returns());
        progress.accept(read);
        return summary;
      } finally {
        pipeline.close();
      }
    }
  }

  /** The next record, a plain line's bytes left uncut when the fast path is on. */
  private CsvRecordReader.Record next(CsvRecordReader records) throws IOException {
    return plainLines ? records.nextOrPlain() : records.next();
  }

  /**
   * Rows read and parsed, in whole claims: a claim never spans two chunks, so that chunks can be
   * priced independently.
   */
  private static final class Chunk {
    static final int CAPACITY = 512;

    /** Each row's fields; null for a plain line's until the pricing thread needs them cut. */
    final List<List<String>> fields = new ArrayList<>(CAPACITY + 8);

    /**
     * The plain lines' bytes, one after the other: row {@code i} is {@code raw[rawStart[i],
     * rawEnd[i])}, or has {@code rawStart[i] < 0} when it came as fields.
     */
    byte[] raw = new byte[CAPACITY * 64];

    int rawLength;
    int[] rawStart = new int[CAPACITY + 8];
    int[] rawEnd = new int[CAPACITY + 8];

    /** The parsed rows: the reader sets the malformed ones, the pricing thread the rest. */
    final List<RowParser.Row> rows = new ArrayList<>(CAPACITY + 8);

    /** The end (exclusive) of each claim in the chunk, in order. */
    int[] claimEnds = new int[64];

    int claims;

    /** Rows beyond {@link #MAX_CLAIM_LINES} of their claim, each a claim of its own. */
    boolean[] overLong = new boolean[CAPACITY + 8];

    /** Rows read from one line of printable ASCII without quotes: see {@link CsvRows#row}. */
    boolean[] plain = new boolean[CAPACITY + 8];

    /** The line each row starts on, for the messages of rows found malformed when parsed. */
    long[] lineNumbers = new long[CAPACITY + 8];

    /**
     * The line of each row whose fields a CSV writer may copy whole (see {@link
     * CsvRecordReader#lastRecordLine()}), else null.
     */
    final List<String> lines = new ArrayList<>(CAPACITY + 8);

    /** Filled by the pricing thread. */
    Outcome[] outcomes;

    boolean[] invalid;

    /** The rows formatted as CSV by the pricing thread, or null when the writer formats them. */
    ByteText text;

    int size() {
      return rows.size();
    }

    boolean isRaw(int row) {
      return rawStart[row] >= 0;
    }

    void add(
        List<String> rowFields,
        RowParser.Row row,
        boolean tooLong,
        boolean isPlain,
        String line,
        long lineNumber) {
      add(rowFields, row, tooLong, isPlain, line, -1, -1, lineNumber);
    }

    /** Adds a plain line's row by its bytes, copied. */
    void addRaw(byte[] bytes, int start, int end, boolean tooLong, long lineNumber) {
      int n = end - start;
      if (rawLength + n > raw.length) {
        raw = Arrays.copyOf(raw, Math.max(raw.length * 2, rawLength + n));
      }
      System.arraycopy(bytes, start, raw, rawLength, n);
      add(null, null, tooLong, true, null, rawLength, rawLength + n, lineNumber);
      rawLength += n;
    }

    private void add(
        List<String> rowFields,
        RowParser.Row row,
        boolean tooLong,
        boolean isPlain,
        String line,
        int start,
        int end,
        long lineNumber) {
      if (rows.size() == overLong.length) {
        overLong = Arrays.copyOf(overLong, overLong.length * 2);
        plain = Arrays.copyOf(plain, overLong.length);
        rawStart = Arrays.copyOf(rawStart, overLong.length);
        rawEnd = Arrays.copyOf(rawEnd, overLong.length);
        lineNumbers = Arrays.copyOf(lineNumbers, overLong.length);
      }
      rawStart[rows.size()] = start;
      rawEnd[rows.size()] = end;
      lineNumbers[rows.size()] = lineNumber;
      overLong[rows.size()] = tooLong;
      plain[rows.size()] = isPlain;
      lines.add(line);
      fields.add(rowFields);
      rows.add(row);
    }

    /** Drops the rows from {@code size} on, which no claim end covers. */
    void truncate(int size) {
      for (int i = size; i < rows.size(); i++) {
        if (isRaw(i)) {
          rawLength = rawStart[i]; // raw rows are copied in order: the first dropped one's start
          break;
        }
      }
      rows.subList(size, rows.size()).clear();
      fields.subList(size, fields.size()).clear();
      lines.subList(size, lines.size()).clear();
    }

    void endClaim() {
      if (claims == claimEnds.length) {
        claimEnds = Arrays.copyOf(claimEnds, claims * 2);
      }
      claimEnds[claims++] = rows.size();
    }
  }

  /** Groups adjacent rows of one claim and sends chunks of whole claims down the pipeline. */
  private static final class Claims {
    private final Pipeline pipeline;
    private Chunk chunk = new Chunk();

    /**
     * The open claim's key and the key of a claim cut at {@link #MAX_CLAIM_LINES}, as UTF-8 bytes:
     * a plain line's key is compared where it was read, with no string made for it.
     */
    private final Key claim = new Key();

    private final Key overLongClaim = new Key();

    /** {@link #overLongClaim} kept across a record that is not valid CSV. */
    private final Key overLongKey = new Key();

    private final Key next = new Key();
    private int claimSize;

    /** Remembers the values of the claims that ended, to catch one that comes back. */
    final ClaimOrder order = new ClaimOrder();

    /** The line the next row added starts on. */
    long lineNumber;

    Claims(Pipeline pipeline) {
      this.pipeline = pipeline;
    }

    void add(List<String> fields, RowParser.Row row, String key, boolean plain, String line) {
      byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
      next.set(bytes, 0, bytes.length);
      add(fields, row, plain, line, null, 0, 0);
    }

    /**
     * Adds a record that is not valid CSV. Its claim cannot be read, so it joins the open claim (a
     * row of it, refused) rather than end it: the claim's other rows are still priced together.
     */
    void addMalformed(List<String> fields, RowParser.Row row) {
      addInOpenClaim(fields, row, false, null, null, 0, 0);
    }

    /**
     * Adds a row to the open claim, as {@link #addMalformed} does: a row with fewer or more cells
     * than the header, refused as {@code malformed_row}, has no claim to read either (its claim
     * cell is missing, or may be another cell shifted into its place), so it neither ends the open
     * claim nor starts one.
     */
    void addInOpenClaim(
        List<String> fields,
        RowParser.Row row,
        boolean plain,
        String line,
        byte[] bytes,
        int start,
        int end) {
      if (claimSize > 0) {
        next.set(claim);
      } else {
        next.clear();
      }
      // Nor does it end a claim cut at MAX_CLAIM_LINES: its later rows are still refused, not
      // priced as a claim of their own (which the claim order would also report as come back).
      boolean overLong = !overLongClaim.isEmpty();
      if (overLong) {
        overLongKey.set(overLongClaim);
      }
      add(fields, row, plain, line, bytes, start, end);
      if (overLong) {
        overLongClaim.set(overLongKey);
      }
    }

    /**
     * Adds a plain line by its bytes; its key is the cell of {@code claimColumn} without the blanks
     * around it, as {@link RowParser#parse} reads it (a plain line has no other white space). A
     * line with fewer or more cells than the header's {@code width} joins the open claim (see
     * {@link #addInOpenClaim}). A plain line has no quotes: its cells are its commas and one.
     */
    void addPlain(byte[] bytes, int start, int end, int claimColumn, int width) {
      int from = end;
      int to = end;
      int column = 0;
      int cellStart = start;
      for (int i = start; i <= end; i++) {
        if (i == end || bytes[i] == ',') {
          if (column == claimColumn) {
            from = cellStart;
            to = i;
          }
          column++;
          cellStart = i + 1;
        }
      }
      if (column != width) {
        addInOpenClaim(null, null, true, null, bytes, start, end);
        return;
      }
      while (from < to && bytes[from] == ' ') {
        from++;
      }
      while (to > from && bytes[to - 1] == ' ') {
        to--;
      }
      next.set(bytes, from, to);
      add(null, null, true, null, bytes, start, end);
    }

    /**
     * Adds the row whose key is {@link #next}: by its fields, or by its bytes when they are given.
     */
    private void add(
        List<String> fields,
        RowParser.Row row,
        boolean plain,
        String line,
        byte[] bytes,
        int start,
        int end) {
      boolean sameClaim = claimSize > 0 && next.sameAs(claim);
      if (claimSize > 0 && !sameClaim) {
        endClaim();
      }
      boolean tooLong = !next.isEmpty() && next.sameAs(overLongClaim);
      if (!tooLong) {
        overLongClaim.clear();
        claim.set(next);
        if (!sameClaim && !next.isEmpty()) {
          // A claim with a value starts: one lookup per claim, none per row.
          order.start(next.bytes, next.length, lineNumber);
        }
      }
      if (bytes != null) {
        chunk.addRaw(bytes, start, end, tooLong, lineNumber);
      } else {
        chunk.add(fields, row, tooLong, plain, line, lineNumber);
      }
      claimSize++;
      if (tooLong || next.isEmpty()) {
        endClaim();
      } else if (claimSize == MAX_CLAIM_LINES) {
        endClaim();
        overLongClaim.set(next);
      }
    }

    private void endClaim() {
      chunk.endClaim();
      claimSize = 0;
      if (chunk.size() >= Chunk.CAPACITY) {
        pipeline.send(chunk);
        chunk = new Chunk();
      }
    }

    /** Returns the value of the claim being read, empty when none is. */
    String openClaim() {
      return claimSize == 0 ? "" : new String(claim.bytes, 0, claim.length, StandardCharsets.UTF_8);
    }

    /**
     * Takes the rows of the claim being read out of the chunk, after reading failed: they are not
     * the whole claim. A claim never spans two chunks, so they are the chunk's last rows.
     *
     * @return how many rows were taken out
     */
    int leaveOutOpenClaim() {
      int rows = claimSize;
      if (rows > 0) {
        chunk.truncate(chunk.size() - rows);
        claimSize = 0;
      }
      return rows;
    }

    /** Ends the open claim and sends what is left. */
    void end() {
      if (claimSize > 0) {
        chunk.endClaim();
        claimSize = 0;
      }
      if (chunk.size() > 0) {
        pipeline.send(chunk);
        chunk = new Chunk();
      }
    }
  }

  /** A claim key's UTF-8 bytes, in a buffer reused from row to row. */
  private static final class Key {
    private byte[] bytes = new byte[32];
    private int length;

    void set(byte[] from, int start, int end) {
      int n = end - start;
      if (n > bytes.length) {
        bytes = new byte[Math.max(n, 2 * bytes.length)];
      }
      System.arraycopy(from, start, bytes, 0, n);
      length = n;
    }

    void set(Key other) {
      set(other.bytes, 0, other.length);
    }

    void clear() {
      length = 0;
    }

    boolean isEmpty() {
      return length == 0;
    }

    boolean sameAs(Key other) {
      return Arrays.equals(bytes, 0, length, other.bytes, 0, other.length);
    }
  }

  /**
   * Parses every row of a chunk, prices its claims and formats it; runs on a pricing thread, with
   * that thread's parsers.
   */
  private Chunk price(Chunk chunk, CsvRows format, PlainRows plainRows, LongAdder splitZips) {
    int n = chunk.size();
    RowParser parser = plainRows.general();
    // The plain lines that are copied to the output whole: as many fields as the header, none a
    // formula (see CsvRecordReader#lastRecordLine).
    boolean[] whole = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (chunk.rows.get(i) != null) {
        continue; // malformed
      }
      RowParser.Row row = null;
      if (chunk.isRaw(i)) {
        int start = chunk.rawStart[i];
        int end = chunk.rawEnd[i];
        whole[i] = plainRows.isWhole(chunk.raw, start, end);
        if (whole[i]) {
          row = plainRows.parse(chunk.raw);
        }
        if (row == null || format == null) {
          chunk.fields.set(i, PlainRows.fields(chunk.raw, start, end));
        }
      }
      try {
        chunk.rows.set(
            i, row != null ? row : parser.parse(chunk.fields.get(i), chunk.lineNumbers[i]));
      } catch (RuntimeException e) {
        throw new RowFailedException(chunk.lineNumbers[i], e);
      }
    }
    chunk.outcomes = new Outcome[n];
    chunk.invalid = new boolean[n];
    int start = 0;
    for (int c = 0; c < chunk.claims; c++) {
      if (Thread.currentThread().isInterrupted()) {
        // Cancelled after a failure: the run waits for this thread before it returns, so stop
        // at the next claim rather than price the rest of the chunk for nothing.
        throw new CancellationException("the run failed");
      }
      int end = chunk.claimEnds[c];
      if (chunk.overLong[start]) {
        chunk.outcomes[start] =
            Outcome.notPriced(
                CLAIM_TOO_LONG, claimTooLong(chunk.rows.get(start).claim(), "priced"));
        chunk.invalid[start] = true;
      } else {
        try {
          priceClaim(chunk, start, end);
        } catch (RuntimeException e) {
          // On this thread the claim's line is known; once thrown to the caller it is not.
          throw new RowFailedException(chunk.lineNumbers[start], e);
        }
      }
      start = end;
    }
    countSplitZips(chunk, splitZips);
    if (format != null) {
      ByteText text = new ByteText(chunk.rawLength + n * 24);
      StringBuilder row = new StringBuilder(256);
      for (int i = 0; i < n; i++) {
        if (whole[i]) {
          format.row(chunk.raw, chunk.rawStart[i], chunk.rawEnd[i], chunk.outcomes[i], text);
          continue;
        }
        row.setLength(0);
        String line = chunk.lines.get(i);
        if (line != null) {
          format.row(line, chunk.outcomes[i], row);
        } else {
          format.row(chunk.fields.get(i), chunk.plain[i], chunk.outcomes[i], row);
        }
        text.append(row);
      }
      chunk.text = text;
    }
    return chunk;
  }

  /**
   * Counts in {@code splitZips} (when someone counts) the rows of {@code chunk} placed by a ZIP
   * code that CMS prices by its ZIP+4 and priced in that locality: a row not priced (a date no
   * release covers) or priced by a schedule without localities (DMEPOS by the beneficiary's ZIP
   * code, the national laboratory and drug limits) took nothing from the locality, and the warning
   * would be wrong about it.
   */
  private void countSplitZips(Chunk chunk, LongAdder splitZips) {
    if (splitZips == null) {
      return;
    }
    for (int i = 0; i < chunk.size(); i++) {
      RowParser.Row row = chunk.rows.get(i);
      if (row.placedBySplitZip()
          && chunk.outcomes[i].isPriced()
          && pricer.pricesByLocality(row.request().orElseThrow())) {
        splitZips.increment();
      }
    }
  }

  /**
   * Each valid row's place among the claim's rows, from 1: explanations name lines by it, so that
   * an invalid row left out does not renumber the rows after it. Only needed when a row is invalid:
   * otherwise the places are the positions, which {@link RowPricer#price(List, boolean)} uses.
   */
  private static int[] validRowNumbers(Chunk chunk, int start, int end) {
    int[] numbers = new int[end - start];
    int n = 0;
    for (int i = start; i < end; i++) {
      if (chunk.rows.get(i).problem().isEmpty()) {
        numbers[n++] = i - start + 1;
      }
    }
    return Arrays.copyOf(numbers, n);
  }

  private void priceClaim(Chunk chunk, int start, int end) {
    List<LineRequest> requests = new ArrayList<>(end - start);
    String key = null; // the claim's key, as its valid rows give it
    for (int i = start; i < end; i++) {
      RowParser.Row row = chunk.rows.get(i);
      if (row.problem().isPresent()) {
        chunk.outcomes[i] = row.problem().get();
        chunk.invalid[i] = true;
      } else {
        if (key == null) {
          key = row.claim();
        }
        requests.add(row.request().orElseThrow());
      }
    }
    if (requests.isEmpty()) {
      return;
    }
    // Why the claim's lines cannot be priced together, when they cannot.
    String mixed = LineRequest.mixedClaim(key, requests).orElse(null);
    // With every row valid the rows' places are the positions: the overload without numbers
    // allocates nothing more per claim.
    List<Outcome> outcomes;
    if (mixed != null) {
      outcomes = null;
    } else if (requests.size() == end - start) {
      outcomes = pricer.price(requests, participating);
    } else {
      outcomes = pricer.price(requests, validRowNumbers(chunk, start, end), participating);
    }
    if (outcomes != null && outcomes.size() != requests.size()) {
      throw new IllegalStateException(
          "the pricer returned " + outcomes.size() + " outcomes for " + requests.size() + " lines");
    }
    int next = 0;
    for (int i = start; i < end; i++) {
      if (chunk.outcomes[i] != null) {
        continue;
      }
      if (mixed != null) {
        chunk.outcomes[i] = Outcome.notPriced("mixed_claim_context", mixed);
        chunk.invalid[i] = true;
      } else {
        chunk.outcomes[i] = outcomes.get(next++);
      }
    }
  }

  /**
   * The threads after the reader: pricing threads work on chunks as they come, and one writer takes
   * the results in the order the chunks were sent.
   */
  private final class Pipeline {
    private final Object endOfInput = new Object();
    private final Object abandoned = new Object();
    private final BatchHeader header;
    private final BatchWriter writer;
    private final CsvRows format;
    private final ExecutorService pricing;
    private final BlockingQueue<Object> inOrder;
    private final Thread writerThread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * Each pricing thread's parsers, kept from one chunk to the next: they remember the context and
     * modifier cells they read (so they are not thread-safe), and a chunk of 512 rows started them
     * cold, built anew, 2,000 times a million lines (about 2% of the pricing threads). What they
     * remember is looked up by the cell's text or bytes, so a chunk reads the same whatever came
     * before it.
     */
    private final ThreadLocal<PlainRows> parsers;

    private long rows;
    private long priced;
    private long notPriced;
    private long invalid;
    private long dateNotCovered;
    private String coverage = "";

    /** The rows whose codes a bundled sample lacks ({@link Outcome#notInSample()}). */
    private long notInSample;

    /** The rows that took the default date, counted by every thread's parser. */
    private final LongAdder undated = new LongAdder();

    /**
     * The rows priced in the locality of a ZIP code split by ZIP+4, counted by every pricing
     * thread.
     */
    private final LongAdder splitZips = new LongAdder();

    /** The NPIs of --practitioner NPI=TYPE some valid row named, noted by every thread's parser. */
    private final Set<Npi> providersNamed = ConcurrentHashMap.newKeySet();

    Pipeline(BatchHeader header, BatchWriter writer) {
      this.header = header;
      this.writer = writer;
      this.format = writer.rows();
      this.parsers =
          ThreadLocal.withInitial(
              () -> new PlainRows(header, defaults, countingParser(header), knownLocality));
      this.pricing =
          Executors.newFixedThreadPool(
              threads,
              new ThreadFactoryBuilder().setNameFormat("cpt-price-%d").setDaemon(true).build());
      this.inOrder = new ArrayBlockingQueue<>(2 * threads + 2);
      this.writerThread = new Thread(this::write, "cpt-write");
      writerThread.setDaemon(true);
      writerThread.start();
    }

    private RowParser countingParser(BatchHeader header) {
      RowParser parser = new RowParser(header, defaults, zips, knownLocality);
      parser.undated = undated;
      if (!defaults.providers().isEmpty()) {
        parser.noteProvidersInto(providersNamed);
      }
      if (defaultZip != null) {
        parser.defaultZip(defaultZip);
      }
      if (splitZip != null) {
        parser.markSplitZips(splitZip);
      }
      return parser;
    }

    boolean isHealthy() {
      return failure.get() == null;
    }

    /** Hands a chunk to the pricing threads; blocks while enough chunks are in flight. */
    void send(Chunk chunk) {
      if (!isHealthy()) {
        return;
      }
      LongAdder counted = splitZip == null ? null : splitZips;
      Future<Chunk> priced = pricing.submit(() -> price(chunk, format, parsers.get(), counted));
      try {
        inOrder.put(priced);
      } catch (InterruptedException e) {
        // The caller wants the run stopped: no more chunks, the rows sent before still written.
        priced.cancel(true);
        Thread.currentThread().interrupt();
        IllegalStateException stopped = new IllegalStateException("interrupted while pricing", e);
        failure.compareAndSet(null, stopped);
        throw stopped;
      }
    }

    private void write() {
      // Once the reader's last item is taken, nothing more comes: draining then would wait forever.
      boolean lastTaken = false;
      try {
        while (true) {
          Object item = inOrder.take();
          if (item == endOfInput) {
            lastTaken = true;
            writer.finish();
            return;
          }
          if (item == abandoned) {
            lastTaken = true;
            writer.abandon(); // the rows so far reach the output; JSON's array is closed
            return;
          }
          Chunk chunk = result(item);
          for (int i = 0; i < chunk.size(); i++) {
            Outcome outcome = chunk.outcomes[i];
            rows++;
            if (outcome.isPriced()) {
              priced++;
            } else {
              notPriced++;
              if (DateCoverage.isNotCovered(outcome) && dateNotCovered++ == 0) {
                coverage = DateCoverage.reason(outcome);
              }
              if (outcome.notInSample()) {
                notInSample++;
              }
            }
            if (chunk.invalid[i]) {
              invalid++;
            }
            if (chunk.text == null) {
              writer.write(chunk.fields.get(i), outcome);
            }
          }
          if (chunk.text != null) {
            writer.writeFormatted(chunk.text.bytes(), chunk.text.length());
          }
          writer.checkOpen();
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
        try {
          writer.abandon(); // the rows written before the failure still reach the output
        } catch (Throwable ignored) {
          // The first failure is the one to report.
        }
        if (!lastTaken) {
          drain();
        }
      }
    }

    @SuppressWarnings("unchecked")
    private Chunk result(Object item) throws Throwable {
      try {
        return ((Future<Chunk>) item).get();
      } catch (ExecutionException e) {
        throw e.getCause();
      }
    }

    /** After a failure: keep taking, so that the reader never blocks on a full queue. */
    private void drain() {
      try {
        while (true) {
          Object item = inOrder.take();
          if (item == endOfInput || item == abandoned) {
            return;
          }
          ((Future<?>) item).cancel(true);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /**
     * Ends the input, waits until every row is written and returns the counts, with the claims that
     * came back as the reader saw them.
     */
    Summary finish(ClaimOrder.Returns claimsBack) throws IOException {
      end(endOfInput);
      Throwable t = failure.get();
      if (t != null) {
        throw rethrow(t);
      }
      return new Summary(
          rows,
          priced,
          notPriced,
          invalid,
          dateNotCovered,
          coverage,
          undated.sum(),
          splitZips.sum(),
          header.lookalikes(),
          claimsBack,
          header.indexOf("rendering_provider") >= 0,
          Set.copyOf(providersNamed),
          notInSample);
    }

    /** Ends the input after the reader failed, once the rows sent are written. */
    void abandon() {
      end(abandoned);
    }

    /**
     * Stops the pricing threads and waits until none is left: a chunk being priced when the run
     * failed is cancelled, but a pricer need not look at its interrupt, and it must not still be
     * running (with the caller's pricer and ZIP code lookup) once {@code run} has returned or
     * thrown. At most one chunk per thread is left to finish.
     */
    void close() {
      pricing.shutdownNow();
      Uninterruptibles.awaitTerminationUninterruptibly(pricing);
    }

    /**
     * Sends the writer its last item and waits until it has written everything before it, even when
     * this thread is interrupted (its interrupt is kept): otherwise the writer thread would wait
     * forever for an item that never comes, and the rows sent would never be flushed. The writer
     * takes every item, so the wait is at most the chunks in flight.
     */
    private void end(Object last) {
      Uninterruptibles.putUninterruptibly(inOrder, last);
      Uninterruptibles.joinUninterruptibly(writerThread);
    }

    private IOException rethrow(Throwable t) throws IOException {
      // FastCSV's writer wraps I/O failures; the caller reports the IOException itself.
      if (t instanceof UncheckedIOException unchecked) {
        throw unchecked.getCause();
      }
      Throwables.throwIfInstanceOf(t, IOException.class);
      Throwables.throwIfUnchecked(t);
      throw new IllegalStateException(t);
    }
  }
}
