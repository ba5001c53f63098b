package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.benchmarks.baseline.NaiveMedicarePricer;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The baselines price every benchmark line to the cent as cpt4j does, except where cpt4j applies
 * the OPPS imaging cap or refuses a PC/TC 8 reading outside an inpatient stay (85060), which the
 * baselines leave out on purpose.
 */
class LinePricerAgreementTest {

  private static void assertAgreement(String dataset) {
    MedicareFeeSchedule schedule = DataSets.medicare(dataset);
    PricingContext context =
        PricingContext.of(LinePricer.DATE, LinePricer.LOCALITY, LinePricer.SETTING);
    Set<String> lines = new LinkedHashSet<>(Arrays.asList(PricingBenchmark.lines(schedule, 31)));
    schedule.rvus().all().forEach(row -> lines.add(row.row()));
    LinePricer cpt4j = LinePricer.of(Implementation.CPT4J, schedule);
    int priced = 0;
    int capped = 0;
    for (String impl : List.of(Implementation.REGEX_HASHMAP, Implementation.GUAVA_IMMUTABLEMAP)) {
      LinePricer baseline = LinePricer.of(impl, schedule);
      for (String line : lines) {
        BigDecimal expected = cpt4j.price(line);
        boolean isCapped =
            schedule
                .calculation(ClaimLine.parse(line), context)
                .map(FeeCalculation::isOppsCapped)
                .orElse(false);
        if (isCapped) {
          capped++;
          continue;
        }
        if (isSmearReading(schedule, line)) {
          continue; // PC/TC 8 outside an inpatient stay: a rule the baselines leave out too
        }
        assertEquals(expected, baseline.price(line), impl + " on " + line);
        priced += expected == null ? 0 : 1;
      }
    }
    assertTrue(priced > lines.size() / 2, priced + " of " + lines.size() + " lines priced");
    assertTrue(capped < lines.size() / 10, capped + " lines capped");
  }

  private static boolean isSmearReading(MedicareFeeSchedule schedule, String line) {
    return schedule
        .rvuEntry(ClaimLine.parse(line))
        .map(e -> e.indicators().pcTc() == PcTcIndicator.PHYSICIAN_INTERPRETATION)
        .orElse(false);
  }

  @Test
  void sampleSchedule() {
    assertAgreement(DataSets.SAMPLE);
  }

  @Test
  void fullCmsSchedule() {
    Assumptions.assumeTrue(CmsFiles.hasRvu2025(), CmsFiles.ENV + " is not set");
    assertAgreement(DataSets.CMS_2025);
  }

  @Test
  void everyImplementationReproducesAPublishedAmount() {
    // CMS's published 2025 amount of 90834 in locality 13282-99 (rest of New York), non-facility.
    MedicareFeeSchedule schedule = DataSets.medicare(DataSets.SAMPLE);
    Locality restOfNewYork = Locality.parse("13282-99");
    BigDecimal published = new BigDecimal("102.53");
    assertEquals(
        published,
        schedule
            .price(
                ClaimLine.parse("90834"),
                PricingContext.of(LinePricer.DATE, restOfNewYork, Setting.NON_FACILITY))
            .amountOrThrow());
    assertEquals(
        published,
        NaiveMedicarePricer.withHashMaps(schedule)
            .price("90834", "13282-99", LinePricer.DATE, Setting.NON_FACILITY));
    assertEquals(
        published,
        NaiveMedicarePricer.withImmutableMaps(schedule)
            .price("90834", "13282-99", LinePricer.DATE, Setting.NON_FACILITY));
  }
}
