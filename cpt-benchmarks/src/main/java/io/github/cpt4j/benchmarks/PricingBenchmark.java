package io.github.cpt4j.benchmarks;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pricing one claim line with the 2025 Medicare Physician Fee Schedule, from text to an amount:
 * parse, RVU row, GPCI, conversion factor, formula, rounding. Target: at most 50 ns (issue 18's
 * budget, kept in {@code report.Target}, which the run's summary checks).
 *
 * <p>The lines are the data set's rows: the common codes (and their 26 and TC rows where they have
 * them) with the skewed distribution of {@link KeyMix}, and the other rows, rare, uniformly. About
 * a quarter of the lines are not paid from RVUs (lab tests, drugs, vaccines: 1,055 of the 4,096
 * over the sample, 1,205 over the full file) and price to nothing, early, in every implementation.
 * All lines are well-formed (malformed text is the business of {@link CodeSyntaxBenchmark}). cpt4j
 * returns its full result with a lazy explanation; the baselines only a {@code BigDecimal}, and
 * skip the OPPS imaging cap.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class PricingBenchmark {

  /** Which implementation this fork measures. */
  @Param({Implementation.CPT4J, Implementation.REGEX_HASHMAP, Implementation.GUAVA_IMMUTABLEMAP})
  public String impl;

  /** Which schedule: the bundled sample rows or the full 2025 relative value file. */
  @Param({DataSets.SAMPLE, DataSets.CMS_2025})
  public String dataset;

  private LinePricer pricer;
  private String[] lines;
  private int cursor;

  /** Loads the schedule, builds the implementation's tables and draws the lines. */
  @Setup
  public void setUp() {
    MedicareFeeSchedule schedule = DataSets.medicare(dataset);
    pricer = LinePricer.of(impl, schedule);
    lines = lines(schedule, 31);
  }

  /** Text to amount for one line (the 50 ns target). */
  @Benchmark
  public Object priceLine() {
    return pricer.price(lines[cursor++ & KeyMix.MASK]);
  }

  /**
   * Draws the benchmark lines of a schedule: common codes and their 26 and TC rows by rank, the
   * other rows rare.
   */
  static String[] lines(MedicareFeeSchedule schedule, long seed) {
    List<String> common = new ArrayList<>();
    for (String code : CodeSamples.COMMON) {
      for (RvuEntry row : schedule.rvus().rowsOf(ProcedureCode.parse(code))) {
        common.add(row.row());
      }
    }
    Set<String> commonRows = Set.copyOf(common);
    List<String> rare = new ArrayList<>();
    for (RvuEntry row : schedule.rvus().all()) {
      if (!commonRows.contains(row.row())) {
        rare.add(row.row());
      }
    }
    return KeyMix.valid(common, rare, seed);
  }
}
