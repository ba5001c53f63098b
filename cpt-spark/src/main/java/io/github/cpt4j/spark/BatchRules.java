package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.cli.input.CsvRecordReader;
import io.github.cpt4j.cli.price.BatchHeader;
import io.github.cpt4j.cli.price.BatchPricing;
import io.github.cpt4j.cli.price.LineRequest;
import io.github.cpt4j.cli.price.MedicareData;
import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.price.PricingData.CmsFiles;
import io.github.cpt4j.cli.price.PricingDefaults;
import io.github.cpt4j.cli.price.RowParser;
import io.github.cpt4j.cli.price.RowPricer;
import io.github.cpt4j.cli.price.ZipCode;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.Locality;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where cpt-spark meets the rest of cpt4j: the batch rules of {@code cpt price
 * --input} (which columns mean what, how a row is read, the reason codes, how the lines of a claim
 * are priced together) and the Medicare schedule they price with. Everything else in the module
 * deals only in Spark rows, strings and {@link LineResult}s, so that a change in the library's or
 * the command line's API is adapted here alone.
 *
 * <p>Not thread-safe: one instance per task (the row parser remembers the last locality, ZIP code
 * and date it read). The pricer is shared by every task of the JVM.
 */
final class BatchRules {

  /** The columns the output adds after the input's: amount, result, explanation. */
  static final List<String> ADDED = BatchHeader.ADDED;

  /**
   * The columns the output adds with {@link PricingOptions#limitingCharges()}: amount,
   * limiting_charge, result, explanation.
   */
  static final List<String> ADDED_WITH_LIMITING_CHARGE = BatchHeader.ADDED_WITH_LIMITING_CHARGE;

  /** The most lines priced as one claim; later lines of the claim are refused. */
  static final int MAX_CLAIM_LINES = BatchPricing.MAX_CLAIM_LINES;

  /**
   * What one row became.
   *
   * @param limitingCharge the row's limiting charge, when the options ask for it and the row has
   *     one; null otherwise
   * @param undated whether the row was read, valid, with a blank date cell (or no date column), and
   *     so took the options' date: as {@code cpt price} counts the rows that took the default date,
   *     to tell whether the user gave the dates of service
   * @param notInSample whether the row is {@code not_in_schedule} only because the schedule it went
   *     to is a bundled sample: as {@code cpt price} counts such rows, to say so
   * @param splitZip whether the row was priced in the locality of its ZIP code while CMS prices
   *     that ZIP code by its ZIP+4: as {@code cpt price} counts such rows, to say so
   */
  record LineResult(
      BigDecimal amount,
      BigDecimal limitingCharge,
      String result,
      String explanation,
      boolean invalid,
      boolean undated,
      boolean notInSample,
      boolean splitZip) {}

  private final int width;
  private final RowParser parser;
  private final RowPricer pricer;
  private final boolean participating;
  private final List<RowParser.Row> claim = new ArrayList<>();
  private final List<LineRequest> requests = new ArrayList<>();

  /**
   * The NPIs given a type of their own ({@code --practitioner NPI=TYPE}) that a valid row of this
   * task named, noted by the parser as it notes them for {@code cpt price}.
   */
  private final Set<Npi> providersNamed = new HashSet<>();

  /**
   * Creates the rules for rows with {@code columns}, priced with the schedule of {@code files}.
   *
   * @throws IllegalArgumentException if the columns are unusable (no {@code code} column, a column
   *     named like one the output adds) or a file is malformed
   */
  BatchRules(List<String> columns, PricingOptions options, FeeScheduleFiles files) {
    BatchHeader header = header(columns, options.limitingCharges());
    this.width = columns.size();
    this.pricer = pricer(files, options.explainPriced(), options.limitingCharges());
    // As cpt price --input: a well-formed locality the schedule does not know is unknown_locality.
    this.parser =
        new RowParser(header, defaults(options), MEDICARE::localityOf, pricer::knowsLocality);
    // As cpt price --input marks them, by the bundled ZIP code table that places the rows.
    parser.markSplitZips((zip, on) -> MEDICARE.isSplitByPlusFour(zip, on, Optional.empty()));
    parser.noteProvidersInto(providersNamed);
    this.participating = options.participating();
  }

  /** Returns the defaults for blank cells that {@code cpt price --input} would use with options. */
  static PricingDefaults defaults(PricingOptions options) {
    return new PricingDefaults(
        options.locality(),
        options.setting(),
        options.date(),
        options.beneficiaryZip(),
        options.practitioner(),
        options.qualifyingApm(),
        options.placeOfService(),
        options.presentAtInduction(),
        options.practitioners(),
        options.localityFromZip());
  }

  /**
   * Checks the columns of a batch, as {@code cpt price --input} checks a header row.
   *
   * @throws IllegalArgumentException if there is no {@code code} column, a known column appears
   *     twice, or a column has the name of one the output adds
   */
  static BatchHeader header(List<String> columns) {
    return header(columns, false);
  }

  /**
   * Checks the columns of a batch, as {@code cpt price --input} checks a header row, with {@code
   * --limiting-charge} or without: with it, a column named {@code limiting_charge} is refused too,
   * since the output adds it; without, such a column is carried through.
   *
   * @throws IllegalArgumentException as {@link #header(List)}
   */
  static BatchHeader header(List<String> columns, boolean limitingCharges) {
    return BatchHeader.of(columns, false, limitingCharges ? ADDED_WITH_LIMITING_CHARGE : ADDED);
  }

  /**
   * Returns the warnings that {@code cpt price --input} gives for {@code columns}, one per column
   * that is not read but is named like a known column the batch lacks ({@code column 'unit' is not
   * read: did you mean 'units'?}), in the columns' order. The command line's own rule decides, so
   * that both warn of the same names.
   *
   * @throws IllegalArgumentException as {@link #header}
   */
  static List<String> lookalikes(List<String> columns) {
    return header(columns).lookalikes().stream().map(BatchHeader.Lookalike::message).toList();
  }

  /** Returns the index of the claim column in {@code columns}, or -1. */
  static int claimColumn(List<String> columns) {
    return header(columns).indexOf("claim");
  }

  /**
   * Each valid row's place among the claim's rows, from 1, as cpt price numbers them: explanations
   * name lines by it.
   */
  private int[] validRowNumbers() {
    int[] numbers = new int[claim.size()];
    int n = 0;
    for (int i = 0; i < claim.size(); i++) {
      if (claim.get(i).request().isPresent()) {
        numbers[n++] = i + 1;
      }
    }
    return Arrays.copyOf(numbers, n);
  }

  /**
   * Prices the rows of one claim (or one row without a claim) given as their fields, all columns of
   * the batch in order, and returns one result per row, in order. Rows past {@link
   * #MAX_CLAIM_LINES} are refused as {@code cpt price} refuses them.
   */
  List<LineResult> priceClaim(List<String[]> rows) {
    List<LineResult> results = new ArrayList<>(rows.size());
    claim.clear();
    requests.clear();
    String claimKey = null; // the claim column's value, for what is said of a mixed claim
    int n = Math.min(rows.size(), MAX_CLAIM_LINES);
    boolean[] undated = new boolean[n];
    for (int i = 0; i < n; i++) {
      List<String> fields = Arrays.asList(rows.get(i));
      RowParser.Row row = parser.parse(fields);
      claim.add(row);
      Optional<LineRequest> request = row.request();
      if (request.isPresent()) {
        undated[i] = parser.isUndated(fields);
        if (claimKey == null) {
          claimKey = row.claim();
        }
        requests.add(request.get());
      }
    }
    // As cpt price --input judges a claim: one context, but each rendering provider's rows may
    // have a practitioner type of their own.
    String mixed =
        requests.isEmpty() ? null : LineRequest.mixedClaim(claimKey, requests).orElse(null);
    // With every row valid the rows' places are the positions: no numbers to allocate.
    List<Outcome> outcomes;
    if (requests.isEmpty() || mixed != null) {
      outcomes = List.of();
    } else if (requests.size() == n) {
      outcomes = pricer.price(requests, participating);
    } else {
      outcomes = pricer.price(requests, validRowNumbers(), participating);
    }
    int next = 0;
    for (int i = 0; i < n; i++) {
      Optional<Outcome> problem = claim.get(i).problem();
      if (problem.isPresent()) {
        results.add(result(problem.get(), true, false, false));
      } else if (mixed != null) {
        results.add(
            new LineResult(
                null, null, "mixed_claim_context", mixed, true, undated[i], false, false));
      } else {
        Outcome outcome = outcomes.get(next++);
        // As cpt price counts them: a row not priced, or priced by a schedule without
        // localities, took nothing from its ZIP code's locality.
        boolean splitZip =
            claim.get(i).placedBySplitZip()
                && outcome.isPriced()
                && pricer.pricesByLocality(claim.get(i).request().orElseThrow());
        results.add(result(outcome, false, undated[i], splitZip));
      }
    }
    for (int i = n; i < rows.size(); i++) {
      results.add(tooLong(rows.get(i)));
    }
    return results;
  }

  /**
   * Refuses a record that Spark's CSV reader could not fit to the header, given as its text (the
   * corrupt-record column's), as {@code cpt price --input} refuses it: {@code malformed_row},
   * saying what is wrong as the command line says it, with the record where the command line names
   * its line, which Spark does not tell: {@code record '2,29881': the row has 2 fields where the
   * header has 4}.
   */
  LineResult malformed(String record) {
    String problem;
    try (CsvRecordReader reader = new CsvRecordReader(new StringReader(record))) {
      CsvRecordReader.Record read = reader.next();
      int fields = read == null ? 0 : read.fields().size();
      if (read != null && read.problem().isPresent()) {
        problem = read.problem().get();
      } else if (fields != width) {
        problem = RowParser.wrongFieldCount(fields, width);
      } else {
        // Read otherwise by Spark than by the command line's reader, which finds the header's
        // number of fields: said without a count that would contradict itself.
        problem = "Spark's CSV reader cannot read it as the header's " + width + " fields";
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
    Outcome outcome =
        RowParser.malformed("record " + CodeFormatException.quote(record) + ": " + problem)
            .problem()
            .orElseThrow();
    return result(outcome, true, false, false);
  }

  /** Refuses a row past its claim's first {@link #MAX_CLAIM_LINES}, as {@code cpt price} does. */
  LineResult tooLong(String[] row) {
    String key = parser.parse(Arrays.asList(row)).claim();
    return new LineResult(
        null,
        null,
        BatchPricing.CLAIM_TOO_LONG,
        BatchPricing.claimTooLong(key, "priced"),
        true,
        false,
        false,
        false);
  }

  /**
   * Returns the NPIs given a type of their own that a valid row priced by these rules named: as
   * {@code cpt price} notes them, to warn of an NPI no row is by.
   */
  Set<Npi> providersNamed() {
    return Collections.unmodifiableSet(providersNamed);
  }

  /**
   * Tells whether CMS splits the ZIP code {@code zip} (five digits or ZIP+4) between payment
   * localities and prices it by its ZIP+4 on {@code date}, in the bundled ZIP code table that
   * places the rows, as {@code cpt price --zip} tells it.
   *
   * @throws IllegalArgumentException if the text is not a ZIP code
   */
  static boolean isSplitZip(String zip, LocalDate date) {
    return MEDICARE.isSplitByPlusFour(ZipCode.parse(zip), date, Optional.empty());
  }

  private static LineResult result(
      Outcome outcome, boolean invalid, boolean undated, boolean splitZip) {
    return new LineResult(
        outcome.amount().map(a -> a.setScale(2, RoundingMode.UNNECESSARY)).orElse(null),
        outcome.limitingCharge().map(a -> a.setScale(2, RoundingMode.UNNECESSARY)).orElse(null),
        outcome.result(),
        outcome.explanation(),
        invalid,
        undated,
        outcome.notInSample(),
        splitZip);
  }

  /**
   * Returns the payment locality of a ZIP code from the bundled table, as {@code cpt price --zip}
   * finds it: five digits or ZIP+4.
   *
   * @throws IllegalArgumentException if the text is not a ZIP code
   */
  static Optional<Locality> localityOfZip(String zip) {
    return MEDICARE.localityOf(ZipCode.parse(zip));
  }

  /**
   * Returns the five digits of a ZIP code given as five digits or ZIP+4.
   *
   * @throws IllegalArgumentException if the text is not a ZIP code
   */
  static String zipDigits(String zip) {
    return ZipCode.parse(zip).digits();
  }

  // --- The schedule, once per JVM -----------------------------------------------------------

  private static final MedicareData MEDICARE = new MedicareData();

  /**
   * The last few pricers built in this JVM, by the files' identity, explanation choice and limiting
   * charges. A session rarely prices with more than one or two schedules; four are kept, the least
   * recently used evicted first. Each is built outside the cache's lock, so that a task building
   * one (of another session's files, say) holds up only the tasks that wait for that same schedule.
   */
  private static final ScheduleCache<RowPricer> PRICERS = new ScheduleCache<>(4);

  /**
   * Returns the pricer of {@code files}, built the first time a task of this JVM asks for it: the
   * CMS files are read once per executor, never per task or row. Tasks that ask while it is being
   * built wait for that build; a build that fails is reported to each of them and not kept, so the
   * next task builds again. The files' identity, not a broadcast's id, is the key: a later Spark
   * context in the same JVM numbers its broadcasts from 0 again, and must not be handed the
   * schedule of another context's files. A pricer giving limiting charges is kept under a key of
   * its own, made from the plain pricer of the same files (also kept), so that the schedule is read
   * once for both.
   */
  static RowPricer pricer(FeeScheduleFiles files, boolean explainPriced, boolean limitingCharges) {
    String key =
        files.identity()
            + (explainPriced ? "+explain" : "")
            + (limitingCharges ? "+limiting-charge" : "");
    return PRICERS.get(
        key,
        () ->
            limitingCharges
                ? pricer(files, explainPriced, false).withLimitingCharges()
                : build(files, explainPriced));
  }

  /**
   * Builds the pricer exactly as {@code cpt price} does from the same files. The command line reads
   * files from paths, so the shipped bytes are written to a temporary directory first, read, and
   * deleted.
   */
  private static RowPricer build(FeeScheduleFiles files, boolean explainPriced) {
    requireNonNull(files, "files");
    if (files.isBundled()) {
      return MEDICARE.pricer(CmsFiles.NONE, explainPriced);
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("cpt4j-cms");
      CmsFiles cms =
          new CmsFiles(
              write(dir, "rvu", files.rvu()),
              write(dir, "gpci", files.gpci()),
              write(dir, "opps-cap", files.oppsCap()));
      try {
        return MEDICARE.pricer(cms, explainPriced);
      } catch (UncheckedIOException e) {
        IOException cause = e.getCause();
        throw new IllegalArgumentException(
            cause instanceof DataLoadException
                ? cause.getMessage()
                : "cannot read the fee schedule: " + cause,
            e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the fee schedule's files to a temporary directory", e);
    } finally {
      delete(dir);
    }
  }

  private static Optional<Path> write(
      Path dir, String kind, Optional<FeeScheduleFiles.NamedBytes> file) throws IOException {
    if (file.isEmpty()) {
      return Optional.empty();
    }
    // A subdirectory per kind keeps the original file name, which load errors quote.
    Path sub = Files.createDirectory(dir.resolve(kind));
    return Optional.of(Files.write(sub.resolve(file.get().name()), file.get().bytes()));
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(BatchRules::deleteQuietly);
    } catch (IOException e) {
      // Only temporary files are left behind.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Only a temporary file is left behind.
    }
  }
}
