package io.github.cpt4j.benchmarks;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What choosing the release costs: a five-line claim priced through the bundled {@code
 * MedicareReleases} (the release of the claim's date, then its claim pricer) against the same claim
 * priced by that release's claim pricer directly, in the same run. The difference is the choice:
 * one array index by day.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@State(Scope.Thread)
public class ReleaseChoiceBenchmark {

  private MedicareReleases releases;
  private MedicareClaimPricer direct;
  private Claim claim;
  private PricingContext context;

  /** Builds the claim. */
  @Setup
  public void setUp() {
    releases = BundledData.medicareReleases();
    LocalDate date = LocalDate.of(2025, 6, 2);
    direct = releases.releaseOn(date).orElseThrow().claimPricer();
    context = PricingContext.of(date, Locality.parse("13282-99"), Setting.FACILITY);
    claim =
        Claim.builder()
            .add("29880-RT", "2400.00")
            .add("20610-LT", "310.00")
            .add("99213-25", "180.00")
            .add("71046-26")
            .add("93000")
            .build();
  }

  /** The claim through the catalog. */
  @Benchmark
  public Object priceClaimThroughReleases() {
    return releases.price(claim, context);
  }

  /** The baseline: the same release's pricer, chosen beforehand. */
  @Benchmark
  public Object priceClaimDirect() {
    return direct.price(claim, context);
  }
}
