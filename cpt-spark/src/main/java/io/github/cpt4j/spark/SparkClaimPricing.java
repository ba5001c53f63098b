package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.github.cpt4j.cli.price.BatchWarnings;
import io.github.cpt4j.cli.price.ClaimKey;
import io.github.cpt4j.cli.price.RowPricer;
import io.github.cpt4j.fee.medicare.Locality;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Prices a {@code Dataset<Row>} of claim lines on Spark, exactly as {@code cpt price --input}
 * prices a CSV file: the same columns ({@code claim}, {@code code}, {@code modifiers}, {@code
 * units}, {@code locality} or {@code zip}, {@code setting} or {@code pos}, {@code date}, {@code
 * rendering_provider}, {@code charge} and the others of the command line's batch files; names
 * matched ignoring case; other columns carried through), the same defaults, reason codes and
 * amounts. The result has every input column, then {@code amount} ({@code decimal(12,2)}, null when
 * there is none), {@code result} ({@code priced} or a reason code) and {@code explanation}; with
 * {@link PricingOptions#withLimitingCharges}, {@code limiting_charge} after {@code amount}, of its
 * type.
 *
 * <p>The lines of one claim (same non-blank {@code claim}) are priced together with the Medicare
 * claim pricer wherever they stand in the input: the rows are shuffled by claim key and sorted
 * within each partition, then priced claim by claim as a stream. A row without a claim key is
 * priced alone; without a {@code claim} column, nothing is shuffled at all. The fee schedule is
 * broadcast once (the CMS files' bytes) and built once per executor JVM. Output rows come grouped
 * by claim, not in input order.
 *
 * <p>CSV read with Spark's corrupt-record column named {@link #CORRUPT_RECORD} (the reader's {@code
 * columnNameOfCorruptRecord} option, with a schema that has that column): a row where it is set,
 * one with more or fewer cells than the header, is {@code malformed_row}, attached to no claim, as
 * {@code cpt price --input} refuses it; that column is not in the result.
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().master("local[*]").getOrCreate();
 * Dataset<Row> lines = spark.read().option("header", true).csv("lines.csv");
 * SparkClaimPricing pricing = SparkClaimPricing.create(spark, FeeScheduleFiles.bundled(),
 *     PricingOptions.of(LocalDate.of(2025, 6, 2)).withLocality(Locality.parse("13282-99")));
 * Dataset<Row> priced = pricing.price(lines);   // + amount, result, explanation
 * priced.filter("result <> 'priced'").show();
 * }</pre>
 */
public final class SparkClaimPricing implements AutoCloseable {

  /** The type of the {@code amount} column: cents, and up to ten digits of dollars. */
  public static final DecimalType AMOUNT_TYPE = DataTypes.createDecimalType(12, 2);

  /**
   * The start of the names of the working columns {@link #plan} adds and drops: an input column of
   * such a name is refused, since {@code withColumn} would replace it (Spark matches names without
   * case) and the rows would be read at the wrong places.
   */
  private static final String RESERVED = "__cpt4j_";

  private static final String KEY = RESERVED + "claim_key";

  /**
   * The name of the CSV reader's corrupt-record column that the pricing reads ({@code
   * spark.read().option("columnNameOfCorruptRecord", CORRUPT_RECORD)}, with a schema of the
   * header's columns as strings and this one): a row where it is not null is refused as {@code
   * malformed_row}, with the record's text in its explanation, and is attached to no claim, so that
   * it neither splits a claim nor joins two. Spark's lenient reader would otherwise pad a row with
   * too few cells and cut one with too many, and a claim cell out of its place would move the line
   * to another claim. The column is not carried into the result. Its name starts with the prefix
   * the pricing keeps for its own columns, so no input column can be taken for it.
   */
  public static final String CORRUPT_RECORD = RESERVED + "corrupt_record";

  private static final String ROW = RESERVED + "row";

  /** The claim key as the command line reads it: stripped, and null when blank. */
  private static final UserDefinedFunction CLAIM_KEY =
      udf((UDF1<String, String>) SparkClaimPricing::claimKey, DataTypes.StringType);

  /** {@link #CLAIM_KEY}'s function: the cell's {@link ClaimKey}, null when it names no claim. */
  private static String claimKey(String cell) {
    if (cell == null) {
      return null;
    }
    String key = ClaimKey.of(cell);
    return key.isEmpty() ? null : key;
  }

  private final SparkSession spark;
  private final Broadcast<FeeScheduleFiles> files;
  private final PricingOptions options;

  /** Set by {@link #close}: the broadcast is destroyed, and Spark refuses any use of it. */
  private volatile boolean closed;

  private SparkClaimPricing(
      SparkSession spark, Broadcast<FeeScheduleFiles> files, PricingOptions options) {
    this.spark = spark;
    this.files = files;
    this.options = options;
  }

  /**
   * Broadcasts the schedule's files and builds the schedule once on the driver, so that a malformed
   * file fails here, with its name, line and column, rather than in every task.
   *
   * @param spark the session the rows are priced in
   * @param files the fee schedule's files, or the bundled data
   * @param options the defaults of the rows that do not say: date, locality, setting,
   *     practitioner...
   * @return the pricing, open until {@link #close}
   * @throws IllegalArgumentException if a file is malformed, or the options' locality is not one of
   *     the schedule's payment localities
   */
  public static SparkClaimPricing create(
      SparkSession spark, FeeScheduleFiles files, PricingOptions options) {
    requireNonNull(spark, "spark");
    requireNonNull(files, "files");
    requireNonNull(options, "options");
    Broadcast<FeeScheduleFiles> broadcast =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(files);
    try {
      RowPricer pricer =
          BatchRules.pricer(files, options.explainPriced(), options.limitingCharges());
      Optional<Locality> locality = options.locality();
      if (locality.isPresent() && !pricer.knowsLocality(locality.get())) {
        // Refused here, as cpt price refuses --locality, rather than as every row's
        // no_gpci_for_locality.
        throw new IllegalArgumentException(
            "locality "
                + locality.get()
                + " is not a Medicare payment locality; see cpt localities");
      }
    } catch (RuntimeException e) {
      broadcast.destroy();
      throw e;
    }
    return new SparkClaimPricing(spark, broadcast, options);
  }

  /** {@return the options every line is priced with} */
  public PricingOptions options() {
    return options;
  }

  /** {@return the session this pricing belongs to} */
  public SparkSession session() {
    return spark;
  }

  /**
   * Returns the broadcast files, for a query about to use them.
   *
   * @throws IllegalStateException if the pricing is closed: Spark would refuse the broadcast only
   *     when the query runs, deep inside it
   */
  Broadcast<FeeScheduleFiles> files() {
    if (closed) {
      throw new IllegalStateException(
          "this SparkClaimPricing is closed: its schedule was released; create another to price");
    }
    return files;
  }

  /**
   * Returns the schema of {@link #price}'s result for input of schema {@code input}, priced without
   * limiting charges: its fields, then {@code amount}, {@code result} and {@code explanation}.
   *
   * @param input the schema of the rows to price
   * @return the schema of the priced rows
   * @throws IllegalArgumentException if the input's columns are unusable, as {@link #price} says
   */
  public static StructType outputSchema(StructType input) {
    return outputSchema(input, false);
  }

  /**
   * Returns the schema of {@link #price}'s result for input of schema {@code input}, priced with
   * {@code options}: its fields, then {@code amount}, with {@link PricingOptions#limitingCharges()}
   * {@code limiting_charge} (of the amount's type, null when the line has none), then {@code
   * result} and {@code explanation}.
   *
   * @param input the schema of the rows to price
   * @param options the options the rows are priced with
   * @return the schema of the priced rows
   * @throws IllegalArgumentException if the input's columns are unusable, as {@link #price} says
   */
  public static StructType outputSchema(StructType input, PricingOptions options) {
    requireNonNull(input, "input");
    return outputSchema(input, requireNonNull(options, "options").limitingCharges());
  }

  private static StructType outputSchema(StructType input, boolean limitingCharges) {
    StructType batch = batchColumns(requireNonNull(input, "input"));
    BatchRules.header(Arrays.asList(batch.fieldNames()), limitingCharges);
    for (String name : batch.fieldNames()) {
      if (name.regionMatches(true, 0, RESERVED, 0, RESERVED.length())) {
        throw new IllegalArgumentException(
            "column '" + name + "' has a name the pricing keeps for its own columns (__cpt4j_...)");
      }
    }
    StructType out = batch.add(BatchRules.ADDED.get(0), AMOUNT_TYPE, true);
    if (limitingCharges) {
      out = out.add(BatchRules.ADDED_WITH_LIMITING_CHARGE.get(1), AMOUNT_TYPE, true);
    }
    return out.add(BatchRules.ADDED.get(1), DataTypes.StringType, false)
        .add(BatchRules.ADDED.get(2), DataTypes.StringType, false);
  }

  /** The fields of {@code input} but the corrupt-record column, which is not a batch column. */
  private static StructType batchColumns(StructType input) {
    List<StructField> batch = new ArrayList<>(input.size());
    for (StructField field : input.fields()) {
      if (!isCorruptRecord(field.name())) {
        batch.add(field);
      }
    }
    return batch.size() == input.size() ? input : DataTypes.createStructType(batch);
  }

  /** Whether a column is {@link #CORRUPT_RECORD}, as Spark resolves names: ignoring case. */
  private static boolean isCorruptRecord(String name) {
    return name.equalsIgnoreCase(CORRUPT_RECORD);
  }

  /**
   * Returns a warning for each column of {@code input} that is not read but is named like a known
   * column the input lacks, in the columns' order, worded as {@code cpt price --input} words it:
   * {@code column 'unit' is not read: did you mean 'units'?}. Other columns are carried through by
   * design, so such a column would otherwise leave every row priced with the default (one unit, no
   * modifiers) without a word; show these before or after pricing. The rule is the command line's:
   * a few synonyms ({@code qty}, {@code dos}), or one or two edits from a known name.
   *
   * @param input the schema of the rows to price
   * @return the warnings, empty when every column is read or plainly unrelated ({@code note})
   * @throws IllegalArgumentException if the input's columns are unusable, as {@link #price} says
   */
  public static List<String> columnWarnings(StructType input) {
    requireNonNull(input, "input");
    return BatchRules.lookalikes(Arrays.asList(batchColumns(input).fieldNames()));
  }

  /**
   * Returns the warning {@code cpt price --zip} gives when CMS splits the ZIP code of {@link
   * PricingOptions#withZip} between payment localities and prices it by its ZIP+4, which cpt4j does
   * not read, worded as the command line words it: {@code CMS splits ZIP code 01434 between payment
   * localities and prices it by its ZIP+4, ...: priced in 14212-01, the locality of its five-digit
   * row; give --locality if the place is in another}. The rows without a place of their own then
   * take one of its localities, maybe not the one the service was performed in; show it before or
   * after pricing. Said for the options' date, by the bundled ZIP code table that placed them.
   *
   * @param options the options the rows are priced with
   * @return the warning, empty when the options' locality is not that of a ZIP code CMS splits
   */
  public static Optional<String> zipWarning(PricingOptions options) {
    requireNonNull(options, "options");
    if (!options.localityFromZip()
        || !BatchRules.isSplitZip(options.beneficiaryZip().orElseThrow(), options.date())) {
      return Optional.empty();
    }
    return Optional.of(
        BatchWarnings.splitZipOption(
            options.beneficiaryZip().orElseThrow(), options.locality().orElseThrow()));
  }

  /**
   * Prices every row of {@code lines}, lazily: nothing runs before an action (a write, a count).
   * Typed columns are read as their text: a number as its digits, an array as its elements
   * separated by blanks, a {@code DATE} as its day, and a {@code TIMESTAMP} as its day in the
   * session time zone ({@code spark.sql.session.timeZone}) at this call, as {@code CAST(date AS
   * DATE)} reads it.
   *
   * @param lines the rows to price, one claim line each, with a {@code code} column
   * @return the rows with {@code amount}, {@code result} and {@code explanation} columns added
   * @throws IllegalArgumentException if there is no {@code code} column, a known column appears
   *     twice, or a column is named {@code amount}, {@code result} or {@code explanation} (or
   *     {@code limiting_charge}, with {@link PricingOptions#limitingCharges()}) or starts with
   *     {@code __cpt4j_} (the pricing's working columns); or if {@code spark.sql.session.timeZone}
   *     names no time zone
   * @throws IllegalStateException if this pricing is {@linkplain #close closed}
   * @see #columnWarnings
   */
  public Dataset<Row> price(Dataset<Row> lines) {
    return price(lines, 0);
  }

  /**
   * Prices every row of {@code lines} into {@code partitions} partitions, without counting.
   *
   * @param partitions the number of partitions the rows are priced in (shuffled into by claim, or
   *     spread evenly without a {@code claim} column), or 0 to let Spark choose ({@code
   *     spark.sql.shuffle.partitions}, adapted at run time; without a {@code claim} column, the
   *     input's partitions, nothing shuffled)
   * @param lines the rows to price, one claim line each, with a {@code code} column
   * @return the rows with {@code amount}, {@code result} and {@code explanation} columns added
   * @throws IllegalArgumentException as {@link #price(Dataset)}, or if {@code partitions} is
   *     negative
   * @throws IllegalStateException if this pricing is {@linkplain #close closed}
   */
  public Dataset<Row> price(Dataset<Row> lines, int partitions) {
    return plan(lines, partitions, pricer -> pricer);
  }

  /**
   * Prices every row of {@code lines}, counting in {@code counters} as the rows are priced (see
   * {@link PricingCounters} for when the counts are exact). To price without counting, use {@link
   * #price(Dataset, int)}.
   *
   * @param partitions the number of partitions the rows are priced in (shuffled into by claim, or
   *     spread evenly without a {@code claim} column), or 0 to let Spark choose ({@code
   *     spark.sql.shuffle.partitions}, adapted at run time; without a {@code claim} column, the
   *     input's partitions, nothing shuffled)
   * @param lines the rows to price, one claim line each, with a {@code code} column
   * @param counters the counters the rows are counted in, registered with {@link
   *     PricingCounters#register}
   * @return the rows with {@code amount}, {@code result} and {@code explanation} columns added
   * @throws IllegalArgumentException as {@link #price(Dataset, int)}
   * @throws IllegalStateException if this pricing is {@linkplain #close closed}
   */
  public Dataset<Row> price(Dataset<Row> lines, PricingCounters counters, int partitions) {
    requireNonNull(counters, "counters");
    return plan(lines, partitions, pricer -> pricer.counting(counters));
  }

  /**
   * The priced rows, each partition priced by a {@link PartitionPricer} that {@code counting} makes
   * count, or leaves as it is.
   */
  private Dataset<Row> plan(
      Dataset<Row> lines, int partitions, UnaryOperator<PartitionPricer> counting) {
    requireNonNull(lines, "lines");
    Broadcast<FeeScheduleFiles> files = files();
    if (partitions < 0) {
      throw new IllegalArgumentException("partitions must not be negative: " + partitions);
    }
    StructType out = outputSchema(lines.schema(), options);
    List<String> columns = Arrays.asList(batchColumns(lines.schema()).fieldNames());
    // The corrupt-record column, when there is one, moves after the batch's columns: its text, null
    // for a row read whole.
    int corrupt = columns.size() < lines.columns().length ? columns.size() : -1;
    if (corrupt >= 0) {
      List<Column> reordered = new ArrayList<>(columns.size() + 1);
      for (String name : columns) {
        reordered.add(col(quoted(name)));
      }
      reordered.add(col(quoted(CORRUPT_RECORD)).cast(DataTypes.StringType).as(CORRUPT_RECORD));
      lines = lines.select(reordered.toArray(Column[]::new));
    }
    // Read now, as Spark fixes the zone of a Dataset's casts when it is built; and from the
    // session that built the lines, whose CAST(date AS DATE) the README promises: a notebook's
    // second session (newSession()) may have another zone than the one this pricing was made on.
    ZoneId timeZone = SessionTimeZone.of(lines.sparkSession());
    int claim = BatchRules.claimColumn(columns);
    if (claim < 0) {
      MapPartitionsFunction<Row, Row> alone =
          counting.apply(new PartitionPricer(files, options, columns, corrupt, -1, timeZone));
      // Rows priced alone need no shuffle, but partitions asked for are given: one large file
      // read as one partition (a gzip file) is then spread over the cores.
      Dataset<Row> spread = partitions == 0 ? lines : lines.repartition(partitions);
      return spread.mapPartitions(alone, Encoders.row(out));
    }
    Column claimColumn = col(quoted(columns.get(claim)));
    Column key = CLAIM_KEY.apply(claimColumn.cast(DataTypes.StringType));
    if (corrupt >= 0) {
      // A malformed row's claim cell may hold another cell's text (a cell too few or too many
      // before it): it names no claim, and the row is priced alone.
      key = when(col(quoted(CORRUPT_RECORD)).isNull(), key);
    }
    Dataset<Row> keyed = lines.withColumn(KEY, key).withColumn(ROW, monotonically_increasing_id());
    // Rows without a key are spread by their row number, not piled into one partition.
    Column spread = coalesce(col(KEY), col(ROW).cast(DataTypes.StringType));
    Dataset<Row> grouped =
        (partitions == 0 ? keyed.repartition(spread) : keyed.repartition(partitions, spread))
            .sortWithinPartitions(col(KEY).asc_nulls_first(), col(ROW).asc())
            .drop(ROW);
    MapPartitionsFunction<Row, Row> byClaim =
        counting.apply(
            new PartitionPricer(
                files, options, columns, corrupt, lines.columns().length, timeZone));
    return grouped.mapPartitions(byClaim, Encoders.row(out));
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * Releases the broadcast schedule on the executors. The pricing is then done with: the Datasets
   * {@link #price} returned and the SQL functions {@link CptFunctions#register} added with it use
   * the released schedule, and Spark refuses to run them ("Task not serializable", a broadcast used
   * after it was destroyed). Run every query that prices before closing, or register the functions
   * again with an open pricing. {@link #price} and {@link CptFunctions#register} then throw an
   * {@link IllegalStateException}. Closing again does nothing.
   */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      files.destroy();
    }
  }
}
