package io.github.cpt4j.spark;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.Npi;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.SparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * How a pricing run went, counted on the executors with Spark accumulators (nothing is collected on
 * the driver): rows, priced, not priced, and invalid (a subset of not priced: rows whose input is
 * wrong, rather than lines the schedule does not pay).
 *
 * <p>When the counts are exact. Spark merges a task's counts into the values read here only when
 * the task succeeds, and drops those of a failed attempt, so a task that fails and is retried
 * counts its rows once. A task adds its counts when it has priced its partition to the end; adding
 * them row by row would show nothing sooner, since the driver sees no task's counts before the task
 * ends. Hence:
 *
 * <ul>
 *   <li>After an action whose last stage prices the rows (a write or a collect of the priced rows,
 *       as the job's write), the counts are exact: Spark applies each partition's counts once, even
 *       when a task is retried or run speculatively.
 *   <li>When a later stage reads the priced rows through a shuffle ({@code count()}, a {@code
 *       groupBy}, a join), Spark may run a pricing task that had succeeded again (after losing an
 *       executor or a shuffle file, or speculatively) and counts its rows again: rely on counts of
 *       the output for such plans.
 *   <li>Each action that computes the priced rows counts them again, as does a cached partition
 *       that Spark evicts and computes again: register new counters for each action.
 *   <li>An action that reads only some rows ({@code show()}, {@code limit(n)}, {@code take(n)})
 *       leaves unfinished partitions uncounted, possibly all of them.
 * </ul>
 *
 * <pre>{@code
 * PricingCounters counters = PricingCounters.register(spark.sparkContext());
 * pricing.price(lines, counters, 0).write().parquet("priced");
 * System.out.println(counters);  // 1,000,000 rows: 987,654 priced, ...
 * }</pre>
 */
public final class PricingCounters implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Rows priced or refused. */
  private final LongAccumulator rows;

  /** Rows that got an amount. */
  private final LongAccumulator priced;

  /** Rows without an amount. */
  private final LongAccumulator notPriced;

  /** Rows refused for their input, among those not priced. */
  private final LongAccumulator invalid;

  /** Rows with no release for their date or no GPCIs for their locality, among those not priced. */
  private final LongAccumulator notCovered;

  /** Valid rows without a date of their own, priced on the options' date. */
  private final LongAccumulator undated;

  /** Rows not in a bundled sample of the data, among those not priced. */
  private final LongAccumulator notInSample;

  /** Rows priced in the locality of a ZIP code that CMS prices by its ZIP+4. */
  private final LongAccumulator splitZips;

  /**
   * The NPIs given a type of their own that some valid row named, as text: each task adds each of
   * its own once, so that the driver collects at most a few per task.
   */
  private final CollectionAccumulator<String> providersNamed;

  private PricingCounters(SparkContext context) {
    this.rows = context.longAccumulator("cpt4j rows");
    this.priced = context.longAccumulator("cpt4j priced");
    this.notPriced = context.longAccumulator("cpt4j not priced");
    this.invalid = context.longAccumulator("cpt4j invalid");
    this.notCovered = context.longAccumulator("cpt4j not covered");
    this.undated = context.longAccumulator("cpt4j undated");
    this.notInSample = context.longAccumulator("cpt4j not in sample");
    this.splitZips = context.longAccumulator("cpt4j split ZIP codes");
    this.providersNamed = context.collectionAccumulator("cpt4j providers named");
  }

  /**
   * Registers new counters, all zero, with {@code context}.
   *
   * @param context the Spark context the counters are accumulators of
   * @return the counters
   */
  public static PricingCounters register(SparkContext context) {
    return new PricingCounters(requireNonNull(context, "context"));
  }

  void add(
      long rowCount,
      long pricedCount,
      long invalidCount,
      long notCoveredCount,
      long undatedCount,
      long notInSampleCount,
      long splitZipCount,
      Collection<Npi> named) {
    rows.add(rowCount);
    priced.add(pricedCount);
    notPriced.add(rowCount - pricedCount);
    invalid.add(invalidCount);
    notCovered.add(notCoveredCount);
    undated.add(undatedCount);
    notInSample.add(notInSampleCount);
    splitZips.add(splitZipCount);
    for (Npi npi : named) {
      providersNamed.add(npi.toString());
    }
  }

  /** {@return the number of rows priced or refused} */
  public long rows() {
    return rows.value();
  }

  /** {@return the number of rows that got an amount} */
  public long priced() {
    return priced.value();
  }

  /** {@return the number of rows without an amount} */
  public long notPriced() {
    return notPriced.value();
  }

  /** {@return the number of rows refused for their input: a subset of {@link #notPriced()}} */
  public long invalid() {
    return invalid.value();
  }

  /**
   * Returns the number of rows the loaded data has no release for on their date of service, or no
   * GPCIs for their locality on it ({@code date_not_covered}, {@code no_gpci_for_locality}): a
   * subset of {@link #notPriced()}. When no row is priced and some are not covered, the job, like
   * {@code cpt price}, says so and exits with status 1.
   *
   * @return the number of rows not covered, zero or more
   */
  public long notCovered() {
    return notCovered.value();
  }

  /**
   * Returns the number of valid rows without a date of their own (a blank date cell, or no date
   * column), priced on the date of the {@link PricingOptions}. Zero means every valid row carried
   * its date of service: the job, like {@code cpt price}, then takes the dates as the user's, and a
   * run that priced nothing for them is not told to give {@code --date}.
   *
   * @return the number of valid rows priced on the options' date, zero or more
   */
  public long undated() {
    return undated.value();
  }

  /**
   * Returns the number of rows {@code not_in_schedule} only because the schedule they went to is a
   * bundled sample of CMS's files, which lacks most codes, while their codes are of a kind Medicare
   * pays: CMS's whole file may price them. A subset of {@link #notPriced()}. The job, like {@code
   * cpt price}, warns of them, and exits with status 1 when no row is priced.
   *
   * @return the number of such rows, zero or more
   */
  public long notInSample() {
    return notInSample.value();
  }

  /**
   * Returns the number of rows priced in the locality of a ZIP code (their zip cell) that CMS
   * splits between payment localities and prices by its ZIP+4, which cpt4j does not read: the ZIP
   * code's five-digit row gives one of its localities. A row not priced, or priced by a schedule
   * without localities (DMEPOS, the national laboratory and drug limits), is not counted: it took
   * nothing from the locality. The job, like {@code cpt price}, warns of them.
   *
   * @return the number of such rows, zero or more
   */
  public long splitZips() {
    return splitZips.value();
  }

  /**
   * Returns the NPIs given a practitioner type of their own ({@link
   * PricingOptions#withPractitioner(Npi, io.github.cpt4j.fee.PractitionerType)}) that some valid
   * row named as its rendering provider, in NPI order. The job, like {@code cpt price}, warns of
   * each NPI given that no valid row named: most likely a mistyped one.
   *
   * @return the NPIs named, in NPI order; empty when no valid row named one
   */
  public Set<Npi> providersNamed() {
    Set<Npi> named = new TreeSet<>();
    for (String npi : providersNamed.value()) {
      named.add(Npi.parse(npi));
    }
    return Collections.unmodifiableSet(named);
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
