package io.github.cpt4j.benchmarks;

import java.util.function.LongUnaryOperator;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One build's {@link ClaimPricingBenchmark#priceClaim}, for {@link InterleavedBuilds}: that class
 * defines this one anew in each build's class loader, so that the same loop runs each build's
 * benchmark and library. Only a JDK type ({@link LongUnaryOperator}) crosses the loaders.
 */
public final class ClaimWorkload implements LongUnaryOperator {

  private final ClaimPricingBenchmark claims = new ClaimPricingBenchmark();

  // The benchmark hands the priced claim to a black hole; JMH asks whoever makes a Blackhole
  // outside a benchmark to say this.
  private final Blackhole blackhole =
      new Blackhole(
          "Today's password is swordfish. I understand instantiating"
              + " Blackholes directly is dangerous.");

  /** Builds the benchmark's claim and pricer over {@code dataset} (see {@link DataSets}). */
  public ClaimWorkload(String dataset) {
    claims.dataset = dataset;
    claims.setUp();
  }

  /**
   * Prices the benchmark's five-line claim {@code claims} times and returns a sum of the totals'
   * hash codes, which keeps every claim's work live.
   */
  @Override
  public long applyAsLong(long claims) {
    long hashes = 0;
    for (long i = 0; i < claims; i++) {
      hashes += this.claims.priceClaim(blackhole).hashCode();
    }
    return hashes;
  }
}
