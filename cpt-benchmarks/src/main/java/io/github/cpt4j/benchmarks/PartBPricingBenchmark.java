package io.github.cpt4j.benchmarks;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
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
 * What routing costs: a parsed line priced by the Physician Fee Schedule directly, and the same
 * lines, laboratory lines and drug lines priced through {@link PartBFeeSchedule}, over the bundled
 * 2025 data, in one run. The targets: a routed PFS line costs at most one array read more than a
 * direct one, and a lab or drug line no more than a PFS line.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class PartBPricingBenchmark {

  private static final int MASK = 7;

  private MedicareFeeSchedule pfs;
  private PartBFeeSchedule partB;
  private PricingContext context;
  private ClaimLine[] pfsLines;
  private ClaimLine[] labLines;
  private ClaimLine[] drugLines;
  private int cursor;

  /** Loads the bundled schedules and parses eight lines of each kind. */
  @Setup
  public void setUp() {
    pfs = BundledData.medicareFeeSchedule();
    partB = BundledData.partBFeeSchedule();
    context =
        PricingContext.of(
                LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY)
            .withBeneficiaryZip("10001");
    pfsLines = parse("99213", "99214", "99203", "96372", "71046-26", "20610", "93000", "36556");
    labLines = parse("80053", "85025", "80061", "36415", "83036", "84443", "81003", "87086");
    drugLines =
        parse("J1100 x8", "J3301 x4", "J0696", "J1885", "J9035 x40", "J2405 x4", "J3420", "J0585");
  }

  private static ClaimLine[] parse(String... lines) {
    ClaimLine[] parsed = new ClaimLine[lines.length];
    for (int i = 0; i < lines.length; i++) {
      parsed[i] = ClaimLine.parse(lines[i]);
    }
    return parsed;
  }

  /** A PFS line priced by the Physician Fee Schedule itself: the baseline. */
  @Benchmark
  public Object pfsLineDirect() {
    return pfs.price(pfsLines[cursor++ & MASK], context);
  }

  /** The same PFS lines through the router. */
  @Benchmark
  public Object pfsLineRouted() {
    return partB.price(pfsLines[cursor++ & MASK], context);
  }

  /** Laboratory lines through the router, priced by the CLFS. */
  @Benchmark
  public Object labLineRouted() {
    return partB.price(labLines[cursor++ & MASK], context);
  }

  /** Drug lines through the router, priced by the ASP limits. */
  @Benchmark
  public Object drugLineRouted() {
    return partB.price(drugLines[cursor++ & MASK], context);
  }
}
