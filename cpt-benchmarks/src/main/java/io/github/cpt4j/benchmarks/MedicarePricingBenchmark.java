package io.github.cpt4j.benchmarks;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.Locality;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
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
 * The Medicare pricing path: one line priced from the bundled 2025 schedule (row lookup, status,
 * GPCI, conversion factor, exact formula, result with an unprinted explanation), and the ZIP code
 * to locality lookup.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MedicarePricingBenchmark {

  private MedicareFeeSchedule medicare;
  private ZipLocalityTable zips;
  private PricingContext office;
  private ClaimLine visit;
  private ClaimLine imaging;

  /** Loads the bundled data once. */
  @Setup
  public void setUp() {
    medicare = BundledData.medicareFeeSchedule();
    zips = BundledData.zipLocalities();
    office = PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13202-01"),
        Setting.NON_FACILITY);
    visit = ClaimLine.parse("99213");
    imaging = ClaimLine.parse("71046-26");
  }

  /** Prices an office visit. */
  @Benchmark
  public FeeResult priceVisit() {
    return medicare.price(visit, office);
  }

  /** Prices the professional component of a chest x-ray. */
  @Benchmark
  public FeeResult priceProfessionalComponent() {
    return medicare.price(imaging, office);
  }

  /** Finds the locality of a ZIP code. */
  @Benchmark
  public Object zipToLocality() {
    return zips.find("10001");
  }
}
