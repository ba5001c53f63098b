package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ConversionFactors#find}, which reuses its last answer while it applies, against the scan
 * of every factor (the general path), over any sequence of look-ups: dates on both sides of every
 * change (9 March 2024, a new year, 2026's two factors) and outside the history.
 */
class ConversionFactorsProperties {

  /** One look-up: a date of service and the provider's QP status. */
  record Query(LocalDate date, boolean qualifyingApm) {}

  @Property(tries = 300)
  void findAnswersAsTheScan(@ForAll("queries") List<Query> queries) {
    ConversionFactors history = Fixtures.conversionFactors();
    for (Query query : queries) {
      assertEquals(
          history.scan(query.date(), query.qualifyingApm()),
          history.find(query.date(), query.qualifyingApm()),
          query::toString);
      assertEquals(
          expectedAmount(query),
          history.find(query.date(), query.qualifyingApm()).map(f -> f.amount().toPlainString()),
          query::toString);
    }
  }

  /**
   * The factor of the fixture's history, written out by hand: both bounds of each period are days
   * it applies on, and 2026 has one factor for qualifying APM participants and one for the others.
   * Without it, a period check that lost its last day (in the rule both paths share) passed, since
   * the two paths then agreed on the wrong answer.
   */
  private static Optional<String> expectedAmount(Query query) {
    LocalDate d = query.date();
    if (d.isBefore(LocalDate.of(2024, 1, 1)) || d.isAfter(LocalDate.of(2026, 12, 31))) {
      return Optional.empty();
    }
    if (d.getYear() == 2026) {
      return Optional.of(query.qualifyingApm() ? "33.5675" : "33.4009");
    }
    if (d.getYear() == 2025) {
      return Optional.of("32.3465");
    }
    return Optional.of(d.isBefore(LocalDate.of(2024, 3, 9)) ? "32.7442" : "33.2875");
  }

  @Provide
  Arbitrary<List<Query>> queries() {
    // Days from mid-2018 to mid-2027, and the days either side of each factor's bounds.
    Arbitrary<LocalDate> anyDay =
        Arbitraries.integers()
            .between(0, 9 * 365)
            .map(days -> LocalDate.of(2018, 7, 1).plusDays(days));
    Arbitrary<LocalDate> edges =
        Arbitraries.of(Fixtures.conversionFactors().all())
            .flatMap(
                f ->
                    Arbitraries.of(
                        f.effectiveFrom().minusDays(1),
                        f.effectiveFrom(),
                        f.effectiveTo(),
                        f.effectiveTo().plusDays(1)));
    Arbitrary<LocalDate> dates = Arbitraries.oneOf(anyDay, edges);
    return Combinators.combine(dates, Arbitraries.of(true, false))
        .as(Query::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(40);
  }
}
