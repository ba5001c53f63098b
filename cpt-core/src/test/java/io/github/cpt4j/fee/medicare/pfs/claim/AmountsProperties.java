package io.github.cpt4j.fee.medicare.pfs.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The shortcuts of the claim arithmetic give exactly what {@link BigDecimal} would: the same value
 * and the same scale, so that explanations and exact amounts do not change.
 */
class AmountsProperties {

  @Property
  void timesIsMultiplyValueAndScale(
      @ForAll("amounts") BigDecimal a, @ForAll("amounts") BigDecimal b) {
    // equals, not compareTo: the scale must match too.
    assertEquals(a.multiply(b), Amounts.times(a, b));
  }

  @Property
  void multipleProcedureFactorIsTheSumOfItsShares(
      @ForAll("counts") int full, @ForAll("counts") int fifty, @ForAll("counts") int quarter) {
    // The ranking builds its factor in hundredths; it must equal the sum it replaced.
    BigDecimal sum =
        BigDecimal.valueOf(full)
            .add(Amounts.HALF.multiply(BigDecimal.valueOf(fifty)))
            .add(new BigDecimal("0.25").multiply(BigDecimal.valueOf(quarter)));
    assertEquals(sum, BigDecimal.valueOf(100L * full + 50L * fifty + 25L * quarter, 2));
  }

  @Property
  void hundredthsIsValueOfAtScaleTwo(@ForAll @IntRange(min = -50, max = 2_000) int hundredths) {
    // equals, not compareTo: a cached share of another scale would change the explanations.
    assertEquals(BigDecimal.valueOf(hundredths, 2), Amounts.hundredths(hundredths));
  }

  @Provide
  Arbitrary<BigDecimal> amounts() {
    Arbitrary<BigDecimal> any =
        Arbitraries.bigDecimals()
            .between(new BigDecimal("-100000"), new BigDecimal("100000"))
            .ofScale(9);
    Arbitrary<BigDecimal> factors =
        Arbitraries.of(
            new BigDecimal("0.95"),
            new BigDecimal("0.625"),
            new BigDecimal("0.16"),
            new BigDecimal("0.136"),
            new BigDecimal("1.5"),
            new BigDecimal("2"),
            Amounts.HALF,
            new BigDecimal("0.10"));
    return Arbitraries.oneOf(
        any,
        factors,
        Arbitraries.just(Amounts.ONE),
        Arbitraries.just(BigDecimal.ZERO),
        any.map(BigDecimal::stripTrailingZeros));
  }

  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.integers().between(0, 9999);
  }
}
