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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

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
      @ForAll @IntRange(min = 1, max = 9999) int units,
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
}
