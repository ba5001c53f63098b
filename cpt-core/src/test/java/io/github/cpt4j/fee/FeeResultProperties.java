package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class FeeResultProperties {

  private static final Explanation WHY = Explanation.of(PricingStep.note("table", "a row"));

  /** The fixed-point factory rounds in long arithmetic; it must agree with BigDecimal's half-up. */
  @Property(tries = 3000)
  void nanoDollarsAreTheSameResultAsTheirDecimal(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long nanoDollars,
      @ForAll boolean settingNotAvailable) {
    BigDecimal exact = BigDecimal.valueOf(nanoDollars, 9);
    FeeResult expected =
        settingNotAvailable
            ? FeeResult.pricedSettingNotAvailable(exact, WHY)
            : FeeResult.priced(exact, WHY);
    FeeResult fast = FeeResult.pricedNanoDollars(nanoDollars, settingNotAvailable, WHY);
    assertEquals(expected, fast);
    assertEquals(expected.amountOrThrow(), fast.amountOrThrow());
    assertEquals(expected.exactAmount(), fast.exactAmount());
    assertEquals(expected.settingNotAvailable(), fast.settingNotAvailable());
    // With the explanation's supplier instead of the explanation: the same result, and the same
    // after the steps a schedule or a claim pricer appends.
    AtomicInteger calls = new AtomicInteger();
    FeeResult later =
        FeeResult.pricedNanoDollars(
            nanoDollars,
            settingNotAvailable,
            () -> {
              calls.incrementAndGet();
              return WHY;
            });
    assertEquals(0, calls.get(), "the explanation is made only when read");
    assertSamePricedResult(expected, later);
    assertEquals(1, calls.get(), "the explanation is worked out once");
  }

  /**
   * Asserts that {@code later}, made with an explanation's supplier, is {@code expected}, made with
   * the explanation: amounts, flag, equality, hash and text, and after the steps a schedule or a
   * claim pricer appends.
   */
  private static void assertSamePricedResult(FeeResult expected, FeeResult later) {
    assertEquals(expected.amountOrThrow(), later.amountOrThrow());
    assertEquals(expected.exactAmount(), later.exactAmount());
    assertEquals(expected.settingNotAvailable(), later.settingNotAvailable());
    assertEquals(expected, later);
    assertEquals(expected.hashCode(), later.hashCode());
    assertEquals(expected.toString(), later.toString());
    PricingStep step = PricingStep.note("more", "a note");
    assertEquals(expected.withStep(step), later.withStep(step));
    // Halved, as a reduction does: a product never out of a fee's bounds, whatever the amount.
    BigDecimal half = new BigDecimal("0.5");
    assertEquals(
        expected.multipliedBy(half, "reduction", "50%"),
        later.multipliedBy(half, "reduction", "50%"));
  }

  /**
   * An unpriced result made with its explanation's supplier is the same as with the explanation.
   */
  @Property(tries = 200)
  void anUnpricedResultWithASupplierIsTheSameResult(
      @ForAll UnpricedReason reason, @ForAll("details") String detail) {
    FeeResult expected = FeeResult.unpriced(reason, detail, WHY);
    AtomicInteger calls = new AtomicInteger();
    FeeResult later =
        FeeResult.unpriced(
            reason,
            detail,
            () -> {
              calls.incrementAndGet();
              return WHY;
            });
    assertEquals(0, calls.get(), "the explanation is made only when read");
    assertEquals(expected.reason(), later.reason());
    assertEquals(expected.detail(), later.detail());
    assertEquals(expected, later);
    assertEquals(expected.hashCode(), later.hashCode());
    assertEquals(expected.toString(), later.toString());
    PricingStep step = PricingStep.note("more", "a note");
    assertEquals(expected.withStep(step), later.withStep(step));
    assertEquals(1, calls.get(), "the explanation is worked out once");
  }

  /**
   * A priced result made from a decimal amount and its explanation's supplier is the same as with
   * the explanation, NA or not, and refuses the same amounts with the same words.
   */
  @Property(tries = 1000)
  void aDecimalResultWithASupplierIsTheSameResult(
      @ForAll("anyScales") BigDecimal amount, @ForAll boolean settingNotAvailable) {
    AtomicInteger calls = new AtomicInteger();
    Supplier<Explanation> source =
        () -> {
          calls.incrementAndGet();
          return WHY;
        };
    FeeResult expected;
    try {
      expected = result(amount, settingNotAvailable);
    } catch (IllegalArgumentException refused) {
      IllegalArgumentException also =
          assertThrows(
              IllegalArgumentException.class,
              () -> resultLater(amount, settingNotAvailable, source));
      assertEquals(refused.getMessage(), also.getMessage());
      return;
    }
    FeeResult later = resultLater(amount, settingNotAvailable, source);
    assertEquals(0, calls.get(), "the explanation is made only when read");
    assertSamePricedResult(expected, later);
    assertEquals(WHY, later.explanation());
    assertEquals(1, calls.get(), "the explanation is worked out once");
  }

  private static FeeResult resultLater(
      BigDecimal exact, boolean settingNotAvailable, Supplier<Explanation> source) {
    return settingNotAvailable
        ? FeeResult.pricedSettingNotAvailable(exact, source)
        : FeeResult.priced(exact, source);
  }

  @Provide
  Arbitrary<String> details() {
    return Arbitraries.strings().alpha().ofMaxLength(20);
  }

  /** The half-cent boundary on both sides, where a wrong rounding would show. */
  @Property(tries = 500)
  void halfACentRoundsUp(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long cents) {
    long half = cents * 10_000_000L + 5_000_000L;
    assertEquals(
        BigDecimal.valueOf(cents + 1, 2),
        FeeResult.pricedNanoDollars(half, false, WHY).amountOrThrow());
    assertEquals(
        BigDecimal.valueOf(cents, 2),
        FeeResult.pricedNanoDollars(half - 1, false, WHY).amountOrThrow());
    // The same through the decimal factories, NA or not.
    for (boolean na : new boolean[] {false, true}) {
      assertEquals(BigDecimal.valueOf(cents + 1, 2), decimal(BigDecimal.valueOf(half, 9), na));
      assertEquals(BigDecimal.valueOf(cents, 2), decimal(BigDecimal.valueOf(half - 1, 9), na));
      assertEquals(
          BigDecimal.valueOf(cents + 1, 2), decimal(BigDecimal.valueOf(cents * 10 + 5, 3), na));
    }
  }

  private static BigDecimal decimal(BigDecimal exact, boolean settingNotAvailable) {
    return (settingNotAvailable
            ? FeeResult.pricedSettingNotAvailable(exact, WHY)
            : FeeResult.priced(exact, WHY))
        .amountOrThrow();
  }

  /**
   * A result's amount is a number, not a scale: the same amount written with more or fewer decimals
   * is the same result with the same hash; the NA flag makes a different result.
   */
  @Property(tries = 500)
  void equalAmountsAreEqualResultsAndTheFlagTellsThemApart(
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long nanoDollars,
      @ForAll @IntRange(min = 0, max = 6) int moreDecimals,
      @ForAll boolean settingNotAvailable) {
    BigDecimal exact = BigDecimal.valueOf(nanoDollars, 9);
    FeeResult result = result(exact, settingNotAvailable);
    for (BigDecimal same :
        List.of(
            exact.setScale(9 + moreDecimals),
            exact.stripTrailingZeros(),
            exact.setScale(Math.max(0, exact.stripTrailingZeros().scale())))) {
      FeeResult other = result(same, settingNotAvailable);
      assertEquals(result, other, same::toPlainString);
      assertEquals(result.hashCode(), other.hashCode(), same::toPlainString);
    }
    assertEquals(result, FeeResult.pricedNanoDollars(nanoDollars, settingNotAvailable, WHY));
    assertNotEquals(result, result(exact, !settingNotAvailable));
    assertNotEquals(result, FeeResult.pricedNanoDollars(nanoDollars, !settingNotAvailable, WHY));
  }

  private static FeeResult result(BigDecimal exact, boolean settingNotAvailable) {
    return settingNotAvailable
        ? FeeResult.pricedSettingNotAvailable(exact, WHY)
        : FeeResult.priced(exact, WHY);
  }

  /**
   * An amount is accepted exactly when it is a fee (never negative, below a quadrillion dollars) of
   * at most {@link FeeResult#MAX_SCALE} decimal places, whatever its scale: and then, written out
   * in full as cpt4j's JSON writes it, it is short and reads back as the same amount within the
   * same bounds. 1E-101 was accepted and refused when read back, and 0E-999999999 written as a
   * gigabyte of zeros.
   */
  @Property(tries = 1000)
  void anAmountAcceptedIsWrittenAndReadBackInFull(@ForAll("anyScales") BigDecimal amount) {
    boolean fee =
        amount.signum() >= 0
            && (amount.signum() == 0 || amount.precision() - (long) amount.scale() <= 15)
            && amount.scale() <= FeeResult.MAX_SCALE;
    FeeResult result;
    try {
      result = FeeResult.priced(amount, WHY);
    } catch (IllegalArgumentException refused) {
      assertFalse(fee, refused::getMessage);
      assertTrue(refused.getMessage().endsWith(": " + amount), refused::getMessage);
      assertThrows(IllegalArgumentException.class, () -> PricingStep.checkAmount("cap", amount));
      return;
    }
    assertTrue(fee, amount::toString);
    assertSame(amount, PricingStep.checkAmount("cap", amount));
    String written = result.exactAmount().orElseThrow().toPlainString();
    assertTrue(written.length() <= 15 + 1 + FeeResult.MAX_SCALE, written);
    BigDecimal read = new BigDecimal(written);
    assertEquals(0, read.compareTo(amount), written);
    assertTrue(read.scale() >= 0 && read.scale() <= FeeResult.MAX_SCALE, written);
    assertEquals(result, FeeResult.priced(read, WHY));
  }

  /**
   * Any decimal of up to 20 digits, of any sign, of a scale from -1000 to 1000 (beyond which only
   * the same refusals lie), and zero of any scale.
   */
  @Provide
  Arbitrary<BigDecimal> anyScales() {
    BigInteger most = BigInteger.TEN.pow(20);
    Arbitrary<BigDecimal> any =
        Combinators.combine(
                Arbitraries.bigIntegers().between(most.negate(), most),
                Arbitraries.integers().between(-1000, 1000))
            .as(BigDecimal::new);
    Arbitrary<BigDecimal> zero =
        Arbitraries.integers()
            .between(Integer.MIN_VALUE, Integer.MAX_VALUE)
            .map(scale -> new BigDecimal(BigInteger.ZERO, scale));
    return Arbitraries.frequencyOf(Tuple.of(8, any), Tuple.of(2, zero));
  }

  @Property(tries = 100)
  void aNegativeAmountIsRefused(@ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long n) {
    assertThrows(IllegalArgumentException.class, () -> FeeResult.pricedNanoDollars(n, false, WHY));
  }
}
