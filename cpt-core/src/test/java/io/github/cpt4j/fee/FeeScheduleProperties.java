package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/** The laws of the general-purpose schedules. */
class FeeScheduleProperties {

  private static final PricingContext CONTEXT =
      PricingContext.withoutArea(LocalDate.of(2025, 5, 1), Setting.NON_FACILITY);

  @Provide
  Arbitrary<ProcedureCode> codes() {
    return Arbitraries.integers()
        .between(10_000, 10_050)
        .map(n -> ProcedureCode.parse(Integer.toString(n)));
  }

  @Provide
  Arbitrary<BigDecimal> amounts() {
    return Arbitraries.longs().between(0, 10_000_000).map(n -> BigDecimal.valueOf(n, 2));
  }

  @Property
  void percentOfAFlatTableIsThatPercentOfEachAmountWithinACent(
      @ForAll @Size(min = 1, max = 20)
          Map<@net.jqwik.api.From("codes") ProcedureCode, @net.jqwik.api.From("amounts") BigDecimal>
              rows,
      @ForAll @IntRange(min = 0, max = 300) int percent,
      @ForAll @IntRange(min = 1, max = 12) int units) {
    FlatFeeSchedule.Builder base = FlatFeeSchedule.builder();
    FlatFeeSchedule.Builder scaled = FlatFeeSchedule.builder();
    rows.forEach(
        (code, amount) -> {
          base.put(code, amount);
          scaled.put(
              code,
              amount
                  .multiply(BigDecimal.valueOf(percent))
                  .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
        });
    FeeSchedule percentOf = FeeSchedule.percentOf(BigDecimal.valueOf(percent), base.build());
    FlatFeeSchedule expected = scaled.build();
    for (ProcedureCode code : rows.keySet()) {
      ClaimLine line = ClaimLine.of(code, List.of(), 1);
      BigDecimal actual = percentOf.price(line, CONTEXT).amountOrThrow();
      BigDecimal table = expected.price(line, CONTEXT).amountOrThrow();
      assertTrue(
          actual.subtract(table).abs().compareTo(new BigDecimal("0.01")) <= 0,
          actual + " vs " + table);
      // With units, the exact percentage is applied once: never more than half a cent off.
      BigDecimal exact =
          rows.get(code).multiply(BigDecimal.valueOf((long) percent * units)).movePointLeft(2);
      assertEquals(
          exact.setScale(2, RoundingMode.HALF_UP),
          percentOf.price(line.withUnits(units), CONTEXT).amountOrThrow());
    }
  }

  @Property
  void resultsAreNeverNegativeAndPricingNeverThrows(
      @ForAll @Size(max = 10)
          Map<@net.jqwik.api.From("codes") ProcedureCode, @net.jqwik.api.From("amounts") BigDecimal>
              rows,
      @ForAll("codes") ProcedureCode asked,
      @ForAll @IntRange(min = 0, max = 1295) int modifier,
      @ForAll @IntRange(min = 1, max = 99_999) int units,
      @ForAll @IntRange(min = 0, max = 500) int percent) {
    FlatFeeSchedule.Builder table = FlatFeeSchedule.builder();
    rows.forEach(table::put);
    FlatFeeSchedule flat = table.build();
    FeeSchedule chain = FeeSchedule.percentOf(BigDecimal.valueOf(percent), flat).orElse(flat);
    ClaimLine line = ClaimLine.of(asked, List.of(Modifier.ofOrdinal(modifier)), units);
    for (FeeSchedule schedule : List.of(flat, chain)) {
      FeeResult result = schedule.price(line, CONTEXT);
      assertEquals(rows.containsKey(asked), result.isPriced(), result.toString());
      result.amount().ifPresent(a -> assertTrue(a.signum() >= 0 && a.scale() == 2));
      assertEquals(result.isPriced(), result.reason().isEmpty());
    }
  }

  /** A schedule that refuses every line for {@code reason}. */
  private static FeeSchedule refusing(UnpricedReason reason) {
    return (line, context) ->
        FeeResult.unpriced(
            reason, "refused: " + reason, Explanation.of(PricingStep.note("refuse", "no")));
  }

  /** A link of a fallback chain: a flat table (rows non-null) or a refusal for a reason. */
  record Link(Map<ProcedureCode, BigDecimal> rows, UnpricedReason reason) {
    FeeSchedule schedule() {
      if (rows == null) {
        return refusing(reason);
      }
      FlatFeeSchedule.Builder table = FlatFeeSchedule.builder();
      rows.forEach(table::put);
      return table.build();
    }
  }

  @Provide
  Arbitrary<List<Link>> chains() {
    Arbitrary<Link> table =
        Arbitraries.maps(codes(), amounts()).ofMaxSize(15).map(rows -> new Link(rows, null));
    Arbitrary<Link> refusal =
        Arbitraries.of(UnpricedReason.class)
            .filter(r -> r != UnpricedReason.NOT_IN_SCHEDULE)
            .map(r -> new Link(null, r));
    return Arbitraries.oneOf(table, refusal).list().ofMinSize(1).ofMaxSize(5);
  }

  /**
   * A fallback chain answers with the first schedule that prices the line, in the order given; when
   * none does, with the first reason that is not "date not covered", if there is one.
   */
  @Property
  void aChainAnswersWithTheFirstScheduleThatPrices(
      @ForAll("chains") List<Link> links, @ForAll("codes") ProcedureCode asked) {
    FeeSchedule chain = FeeSchedule.firstThatPrices(links.stream().map(Link::schedule).toList());
    ClaimLine line = ClaimLine.of(asked, List.of(), 1);
    BigDecimal amount = null;
    UnpricedReason reason = null;
    for (Link link : links) {
      if (link.rows() != null && link.rows().containsKey(asked)) {
        amount = link.rows().get(asked);
        break;
      }
      UnpricedReason refusal = link.rows() == null ? link.reason() : UnpricedReason.NOT_IN_SCHEDULE;
      if (reason == null
          || reason == UnpricedReason.DATE_NOT_COVERED
              && refusal != UnpricedReason.DATE_NOT_COVERED) {
        reason = refusal;
      }
    }
    FeeResult result = chain.price(line, CONTEXT);
    if (amount != null) {
      assertEquals(amount, result.amountOrThrow(), result::toString);
    } else {
      assertEquals(Optional.of(reason), result.reason(), result::toString);
    }
  }

  @Provide
  Arbitrary<Modifier> rowModifiers() {
    return Arbitraries.of("26", "TC", "59", "25", "LT").map(Modifier::parse);
  }

  /**
   * A flat table prices a line at the row of the first of its modifiers that has one, else at the
   * code's row without a modifier; with neither, not at all.
   */
  @Property
  void aFlatTablePricesAtTheRowOfTheFirstModifierThatHasOne(
      @ForAll("codes") ProcedureCode code,
      @ForAll("amounts") BigDecimal global,
      @ForAll boolean hasGlobal,
      @ForAll @Size(max = 3) Map<@From("rowModifiers") Modifier, @From("amounts") BigDecimal> rows,
      @ForAll @Size(max = 3) @UniqueElements List<@From("rowModifiers") Modifier> modifiers) {
    FlatFeeSchedule.Builder table = FlatFeeSchedule.builder();
    if (hasGlobal) {
      table.put(code, global);
    }
    rows.forEach((modifier, amount) -> table.put(code, modifier, amount));
    BigDecimal expected = hasGlobal ? global : null;
    for (Modifier modifier : modifiers) {
      if (rows.containsKey(modifier)) {
        expected = rows.get(modifier);
        break;
      }
    }
    FeeResult result = table.build().price(ClaimLine.of(code, modifiers, 1), CONTEXT);
    assertEquals(Optional.ofNullable(expected), result.amount(), result::toString);
    if (expected != null) {
      assertEquals(0, expected.compareTo(result.exactAmount().orElseThrow()));
    }
  }
}
