package io.github.cpt4j.fee.medicare.pfs.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

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

  /**
   * The ranking builds its factor in hundredths and reads it through {@link Amounts#hundredths}; it
   * must equal the sum it replaced, value and scale. (Compared with {@code BigDecimal.valueOf} of
   * the hundredths, as this once was, it compared BigDecimal with itself and could not fail.)
   */
  @Property
  void multipleProcedureFactorIsTheSumOfItsShares(
      @ForAll @IntRange(min = 0, max = 1) int full,
      @ForAll("counts") int fifty,
      @ForAll("counts") int quarter) {
    BigDecimal sum =
        BigDecimal.valueOf(full)
            .add(Amounts.HALF.multiply(BigDecimal.valueOf(fifty)))
            .add(new BigDecimal("0.25").multiply(BigDecimal.valueOf(quarter)));
    assertEquals(sum, Amounts.hundredths(100 * full + 50 * fifty + 25 * quarter));
  }

  @Property
  void hundredthsIsValueOfAtScaleTwo(@ForAll @IntRange(min = -50, max = 2_000) int hundredths) {
    // equals, not compareTo: a cached share of another scale would change the explanations.
    assertEquals(BigDecimal.valueOf(hundredths, 2), Amounts.hundredths(hundredths));
  }

  /** Written with at least two decimals and no trailing zero beyond them, the same number. */
  @Property
  void plainWritesTheNumberWithAtLeastTwoDecimals(@ForAll("amounts") BigDecimal a) {
    String text = Amounts.plain(a);
    assertEquals(0, new BigDecimal(text).compareTo(a), text);
    int point = text.indexOf('.');
    assertTrue(point > 0, text);
    int decimals = text.length() - point - 1;
    assertTrue(decimals >= 2, text);
    assertTrue(decimals == 2 || !text.endsWith("0"), text);
  }

  /** A factor as a percentage: the factor times 100, with no trailing zero after a point. */
  @Property
  void percentWritesTheFactorTimesAHundred(@ForAll("amounts") BigDecimal factor) {
    String text = Amounts.percent(factor);
    assertTrue(text.endsWith("%"), text);
    String number = text.substring(0, text.length() - 1);
    assertEquals(0, new BigDecimal(number).compareTo(factor.movePointRight(2)), text);
    assertTrue(!number.contains(".") || !number.endsWith("0") && !number.endsWith("."), text);
  }

  /** The lower of two amounts, the first when they are equal (its scale is kept). */
  @Property
  void minIsTheLowerAndTheFirstWhenEqual(
      @ForAll("amounts") BigDecimal a,
      @ForAll("amounts") BigDecimal b,
      @ForAll @IntRange(min = 0, max = 3) int moreDecimals) {
    BigDecimal min = Amounts.min(a, b);
    assertEquals(a.compareTo(b) <= 0 ? a : b, min);
    BigDecimal same = a.setScale(a.scale() + moreDecimals);
    assertSame(a, Amounts.min(a, same));
    assertSame(same, Amounts.min(same, a));
  }

  @Property
  void atLeastZeroIsTheLargerOfTheAmountAndZero(@ForAll("amounts") BigDecimal a) {
    BigDecimal result = Amounts.atLeastZero(a);
    assertEquals(0, result.compareTo(a.max(BigDecimal.ZERO)));
    if (a.signum() >= 0) {
      assertSame(a, result);
    }
  }

  /** Whole cents in 10^-9 dollars are that many cents, at scale 2. */
  @Property
  void nanoDollarCentsAreCentsAtScaleTwo(
      @ForAll @LongRange(min = 0, max = 900_000_000_000L) long cents) {
    assertEquals(BigDecimal.valueOf(cents, 2), Amounts.ofNanoDollarCents(cents * 10_000_000L));
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

  /** Units of a line (one slot each), the few of a claim more often than the many. */
  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 9999));
  }
}
