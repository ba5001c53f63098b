package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * How a pricing run went, counted on the executors with Spark accumulators (nothing is collected on
 * the driver): rows, priced, not priced, and invalid (a subset of not priced: rows whose input is
 * wrong, rather than lines the schedule does not pay). The counts are final once the action that
 * priced the rows (a write, a count) has finished; a task that Spark retries may count its rows
 * twice. A task counts its rows when it has priced its partition to the end, so an action that
 * reads only some rows ({@code show()}, {@code limit(n)}, {@code take(n)}) may leave them at 0.
 *
 * <pre>{@code
 * PricingCounters counters = PricingCounters.register(spark.sparkContext());
 * pricing.price(lines, counters).write().parquet("priced");
 * System.out.println(counters);  // 1,000,000 rows: 987,654 priced, ...
 * }</pre>
 */
public final class PricingCounters implements Serializable {

  private static final long serialVersionUID = 1L;

  private final LongAccumulator rows;
  private final LongAccumulator priced;
  private final LongAccumulator notPriced;
  private final LongAccumulator invalid;
  private final LongAccumulator notCovered;

  private PricingCounters(SparkContext context) {
    this.rows = context.longAccumulator("cpt4j rows");
    this.priced = context.longAccumulator("cpt4j priced");
    this.notPriced = context.longAccumulator("cpt4j not priced");
    this.invalid = context.longAccumulator("cpt4j invalid");
    this.notCovered = context.longAccumulator("cpt4j not covered");
  }

  /** Registers new counters, all zero, with {@code context}. */
  public static PricingCounters register(SparkContext context) {
    return new PricingCounters(requireNonNull(context, "context"));
  }

  void add(long rowCount, long pricedCount, long invalidCount, long notCoveredCount) {
    rows.add(rowCount);
    priced.add(pricedCount);
    notPriced.add(rowCount - pricedCount);
    invalid.add(invalidCount);
    notCovered.add(notCoveredCount);
  }

  /** Returns the number of rows priced or refused. */
  public long rows() {
    return rows.value();
  }

  /** Returns the number of rows that got an amount. */
  public long priced() {
    return priced.value();
  }

  /** Returns the number of rows without an amount. */
  public long notPriced() {
    return notPriced.value();
  }

  /** Returns the number of rows refused for their input: a subset of {@link #notPriced()}. */
  public long invalid() {
    return invalid.value();
  }

  /**
   * Returns the number of rows the loaded data has no release for on their date of service, or no
   * GPCIs for their locality on it ({@code date_not_covered}, {@code no_gpci_for_locality}): a
   * subset of {@link #notPriced()}. When no row is priced and some are not covered, the job, like
   * {@code cpt price}, says so and exits with status 1.
   */
  public long notCovered() {
    return notCovered.value();
  }

  /** Returns the counts as {@code cpt price} prints them. */
  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%,d rows: %,d priced, %,d not priced (%,d invalid)",
        rows(),
        priced(),
        notPriced(),
        invalid());
  }
}
