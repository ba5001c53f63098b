package io.github.cpt4j.benchmarks;

import io.github.cpt4j.benchmarks.baseline.NaiveMedicarePricer;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One implementation's way to price a claim line given as text ({@code "99213"}, {@code
 * "71046-26"}) in one office in one locality on one date: parse, find the RVU row, the GPCIs and
 * the conversion factor, apply the formula.
 */
public interface LinePricer {

  /** The date of service of every benchmark line: in the quarter of the October 2025 release. */
  LocalDate DATE = LocalDate.of(2025, 11, 3);

  /** Manhattan, the locality of ZIP code 10001. */
  Locality LOCALITY = Locality.parse("13202-01");

  /** An office: non-facility. */
  Setting SETTING = Setting.NON_FACILITY;

  /** Returns the amount of one unit of {@code line}, or null when there is none. */
  BigDecimal price(String line);

  /** Returns the implementation named by a benchmark's {@code impl} parameter. */
  static LinePricer of(String impl, MedicareFeeSchedule schedule) {
    switch (Implementation.check(impl)) {
      case Implementation.CPT4J:
        return new Cpt4j(schedule);
      case Implementation.REGEX_HASHMAP:
        return new Naive(NaiveMedicarePricer.withHashMaps(schedule));
      default:
        return new Naive(NaiveMedicarePricer.withImmutableMaps(schedule));
    }
  }

  /** cpt4j: {@code ClaimLine.parse}, then {@link MedicareFeeSchedule#price}. */
  final class Cpt4j implements LinePricer {
    private final MedicareFeeSchedule schedule;
    private final PricingContext context = PricingContext.of(DATE, LOCALITY, SETTING);

    Cpt4j(MedicareFeeSchedule schedule) {
      this.schedule = schedule;
    }

    @Override
    public BigDecimal price(String line) {
      return schedule.price(ClaimLine.parse(line), context).amount().orElse(null);
    }
  }

  /** The baselines: {@link BigDecimal} arithmetic over maps keyed by text. */
  final class Naive implements LinePricer {
    private final NaiveMedicarePricer pricer;
    private final String locality = LOCALITY.toString();

    Naive(NaiveMedicarePricer pricer) {
      this.pricer = pricer;
    }

    @Override
    public BigDecimal price(String line) {
      return pricer.price(line, locality, DATE, SETTING);
    }
  }
}
