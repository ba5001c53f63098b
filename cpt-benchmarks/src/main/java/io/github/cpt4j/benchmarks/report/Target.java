package io.github.cpt4j.benchmarks.report;

import java.util.Map;
import java.util.Optional;

/**
 * A speed target from the project's performance budget, keyed by benchmark method name: a time
 * limit, a zero-allocation requirement, or a minimum speed-up against the regex baseline.
 */
final class Target {

  /** Allocation below this many bytes per operation counts as none (JMH's own noise). */
  static final double ZERO_BYTES = 0.5;

  /** The size of the NCCI table that the NCCI budgets are for (the benchmarks' own default). */
  static final String BUDGET_ROWS = "2000000";

  private static final Map<String, Target> BY_METHOD =
      Map.of(
          "validateValid", new Target(10, true, 0),
          "parseValid", new Target(10, false, 0),
          "lookupByCode", new Target(5, true, 0),
          "lookupByText", new Target(Double.NaN, false, 3),
          "priceLine", new Target(50, false, 0),
          "priceClaim", new Target(700, false, 0),
          "loadRvuFile", new Target(250_000_000, false, 0),
          "loadPtpFile", new Target(1_500_000_000, false, 0, BUDGET_ROWS),
          "checkCleanClaim", new Target(2_000, true, 0, BUDGET_ROWS));

  private final double maxNanos;
  private final boolean zeroAllocation;
  private final double minRatio;
  private final String rows;

  private Target(double maxNanos, boolean zeroAllocation, double minRatio) {
    this(maxNanos, zeroAllocation, minRatio, null);
  }

  private Target(double maxNanos, boolean zeroAllocation, double minRatio, String rows) {
    this.maxNanos = maxNanos;
    this.zeroAllocation = zeroAllocation;
    this.minRatio = minRatio;
    this.rows = rows;
  }

  /** Returns the target of a benchmark method, if the budget names one. */
  static Optional<Target> of(String method) {
    return Optional.ofNullable(BY_METHOD.get(method));
  }

  /**
   * Returns the target of a benchmark method measured with the {@code rows} parameter given (null
   * when it has none), if the budget names one for that size: the NCCI budgets are for a full-size
   * table, and a run over a smaller one says nothing about them.
   */
  static Optional<Target> of(String method, String rows) {
    return of(method).filter(t -> t.rows == null || t.rows.equals(rows));
  }

  /**
   * Says whether cpt4j is at least as fast as every baseline measured beside it (issue 18: no cpt4j
   * row slower than a baseline in the same run), for example {@code ">= 1.00x baselines: MISSED"};
   * empty when no baseline was measured.
   *
   * @param ratios each baseline's time divided by cpt4j's, NaN where not measured
   */
  static String aheadOfBaselines(double... ratios) {
    boolean any = false;
    boolean met = true;
    for (double r : ratios) {
      if (!Double.isNaN(r)) {
        any = true;
        met &= r >= 1.0;
      }
    }
    return any ? ">= 1.00x baselines: " + (met ? "met" : "MISSED") : "";
  }

  /**
   * Says whether cpt4j's measurement meets this target, for example {@code "<= 10 ns, 0 B: met"}. A
   * part that this run did not measure (no {@code -prof gc}, no regex baseline beside cpt4j) makes
   * the verdict "not measured" rather than "MISSED", unless another part is missed.
   *
   * @param nanos cpt4j's time per operation in nanoseconds
   * @param bytes cpt4j's allocation per operation, NaN if not measured
   * @param ratio the regex baseline's time divided by cpt4j's, NaN if not measured
   */
  String verdict(double nanos, double bytes, double ratio) {
    StringBuilder goal = new StringBuilder();
    boolean met = true;
    boolean measured = true;
    if (!Double.isNaN(maxNanos)) {
      goal.append("<= ").append(Format.nanos(maxNanos));
      met &= nanos <= maxNanos;
    }
    if (zeroAllocation) {
      goal.append(goal.length() > 0 ? ", " : "").append("0 B");
      measured &= !Double.isNaN(bytes);
      met &= Double.isNaN(bytes) || bytes < ZERO_BYTES;
    }
    if (minRatio > 0) {
      goal.append(goal.length() > 0 ? ", " : "")
          .append(">= ")
          .append(Format.ratio(minRatio))
          .append(" regex");
      measured &= !Double.isNaN(ratio);
      met &= Double.isNaN(ratio) || ratio >= minRatio;
    }
    return goal + (!met ? ": MISSED" : measured ? ": met" : ": not measured");
  }
}
