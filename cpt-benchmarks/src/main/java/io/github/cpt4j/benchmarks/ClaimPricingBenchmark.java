package io.github.cpt4j.benchmarks;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Claim-level Medicare pricing with the 2025 schedule (the bundled sample or the full file): every
 * rule of a line, the multiple-procedure ranking and the billed charges, with explanations recorded
 * but not written. Target: a five-line claim with modifiers in at most 700 ns (issue 18's budget,
 * kept in {@code report.Target}, which the run's summary checks).
 *
 * <p>Every claim benchmark reads the claim's total as well as pricing it: {@link
 * PricedClaim#total()} is summed on first read, so a benchmark that returned the claim alone would
 * leave out part of what a user pays for (about 200 B of the five-line claim's allocation).
 *
 * <p>cpt4j only: no baseline a user would write applies the claim rules, so there is nothing like
 * for like to compare with. {@link #priceLinesAlone} prices the same five lines one by one without
 * any claim rule, for the cost of the rules themselves; {@link PricingBenchmark} has the per-line
 * baselines.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Thread)
public class ClaimPricingBenchmark {

  /** Which schedule: the bundled sample rows or the full 2025 relative value file. */
  @Param({DataSets.SAMPLE, DataSets.CMS_2025})
  public String dataset;

  private MedicareFeeSchedule medicare;
  // Package-private for the test that checks what the benchmarks return.
  MedicareClaimPricer pricer;
  PricingContext outpatient;
  Claim fiveLines;
  Claim endoscopies;
  PricingContext office;
  Claim imaging;
  Claim longClaim;

  /** Loads the schedule and builds the claims. */
  @Setup
  public void setUp() {
    medicare = DataSets.medicare(dataset);
    pricer = MedicareClaimPricer.of(medicare);
    outpatient =
        PricingContext.of(LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.FACILITY);
    fiveLines =
        Claim.builder()
            .add("29880-RT", "2400.00")
            .add("20610-LT", "310.00")
            .add("64483", "900.00")
            .add("64484", "400.00")
            .add("99213-25", "180.00")
            .build();
    endoscopies =
        Claim.builder().add("45385").add("45380").add("45378").add("43239").add("27447-50").build();
    office =
        PricingContext.of(
            LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.NON_FACILITY);
    imaging =
        Claim.builder().add("70553").add("72148").add("73721").add("71250").add("71046").build();
    longClaim = longClaim();
  }

  /**
   * 1,000 lines over 250 days: visits (with and without 25), therapy, an injection and a reading,
   * four lines a day, as a long-stay patient's claim or a year's export priced as one.
   */
  private static Claim longClaim() {
    String[] day = {"99213", "97110-GP", "20610-LT", "99214-25"};
    Claim.Builder claim = Claim.builder();
    LocalDate first = LocalDate.of(2025, 1, 2);
    for (int i = 0; i < 1_000; i++) {
      claim.add(
          BilledLine.parse(day[i % day.length]).withDateOfService(first.plusDays(i / day.length)));
    }
    return claim.build();
  }

  /**
   * A five-line outpatient claim with modifiers: a knee arthroscopy, injections with an add-on, a
   * visit (the 700 ns target), and its total.
   */
  @Benchmark
  public BigDecimal priceClaim(Blackhole blackhole) {
    return totalOf(pricer.price(fiveLines, outpatient), blackhole);
  }

  /**
   * The same five lines priced one by one by the fee schedule, without any claim rule (each line's
   * explanation deferred, unwritten, as well), and their amounts summed, as {@link #priceClaim}
   * sums its total.
   */
  @Benchmark
  public BigDecimal priceLinesAlone(Blackhole blackhole) {
    BigDecimal total = BigDecimal.ZERO;
    for (BilledLine line : fiveLines.lines()) {
      FeeResult result = medicare.price(line.line(), outpatient);
      blackhole.consume(result);
      BigDecimal amount = result.amount().orElse(null);
      if (amount != null) {
        total = total.add(amount);
      }
    }
    return total;
  }

  /** Two endoscopy families, their base, and a bilateral knee replacement, and the total. */
  @Benchmark
  public BigDecimal priceClaimOfEndoscopies(Blackhole blackhole) {
    return totalOf(pricer.price(endoscopies, outpatient), blackhole);
  }

  /**
   * Five imaging studies in an office: every line has OPPS columns (the imaging cap) and the
   * multiple-procedure reduction of imaging applies to four of them. And the total.
   */
  @Benchmark
  public BigDecimal priceImagingClaim(Blackhole blackhole) {
    return totalOf(pricer.price(imaging, office), blackhole);
  }

  /**
   * {@link #longClaim}: the rules that compare lines (the global surgical package, the anesthesia
   * session, the ranking) must cost in proportion to the lines, not their square. And the total.
   * The same pattern over 10,000 lines took 80.6-82.3 ms before the global package indexed a long
   * claim's procedures by date, and 5.2-5.5 ms after (results/global-surgery-index-2026-12-03.md).
   */
  @Benchmark
  public BigDecimal priceLongClaim(Blackhole blackhole) {
    return totalOf(pricer.price(longClaim, office), blackhole);
  }

  /** The five-line claim with every line's explanation written, as an audit log would. */
  @Benchmark
  public String priceClaimAndExplain() {
    // toString() starts with the total, so this reads it too.
    return pricer.price(fiveLines, outpatient).toString();
  }

  /**
   * Hands the priced claim to the blackhole and returns its total, which {@link PricedClaim} sums
   * on first read: the claim and its total, as a user reads them.
   */
  private static BigDecimal totalOf(PricedClaim claim, Blackhole blackhole) {
    blackhole.consume(claim);
    return claim.total();
  }
}
