package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The claim benchmarks measure what a user pays for: the priced claim and its total, which {@code
 * PricedClaim} sums only when first read. A benchmark that returned the claim alone measured less.
 */
class ClaimPricingBenchmarkTest {

  private ClaimPricingBenchmark benchmark;
  private Blackhole blackhole;

  @BeforeEach
  void setUp() {
    benchmark = new ClaimPricingBenchmark();
    benchmark.dataset = DataSets.SAMPLE;
    benchmark.setUp();
    // JMH asks whoever makes a Blackhole outside a benchmark to say this.
    blackhole =
        new Blackhole(
            "Today's password is swordfish. I understand instantiating"
                + " Blackholes directly is dangerous.");
  }

  @Test
  void theClaimBenchmarksReturnTheClaimsTotals() {
    assertEquals(
        benchmark.pricer.price(benchmark.fiveLines, benchmark.outpatient).total(),
        benchmark.priceClaim(blackhole));
    assertEquals(
        benchmark.pricer.price(benchmark.endoscopies, benchmark.outpatient).total(),
        benchmark.priceClaimOfEndoscopies(blackhole));
    assertEquals(
        benchmark.pricer.price(benchmark.imaging, benchmark.office).total(),
        benchmark.priceImagingClaim(blackhole));
    assertEquals(
        benchmark.pricer.price(benchmark.longClaim, benchmark.office).total(),
        benchmark.priceLongClaim(blackhole));
  }

  @Test
  void theLinesAloneAreSummedLikeTheClaim() {
    MedicareFeeSchedule medicare = DataSets.medicare(DataSets.SAMPLE);
    BigDecimal sum = BigDecimal.ZERO;
    for (BilledLine line : benchmark.fiveLines.lines()) {
      sum = sum.add(medicare.price(line.line(), benchmark.outpatient).amount().orElseThrow());
    }
    BigDecimal alone = benchmark.priceLinesAlone(blackhole);
    assertEquals(sum, alone);
    // The claim's rules (multiple surgery, add-on, the visit's 25) pay less than the lines alone.
    assertTrue(alone.compareTo(benchmark.priceClaim(blackhole)) > 0, alone.toPlainString());
  }
}
