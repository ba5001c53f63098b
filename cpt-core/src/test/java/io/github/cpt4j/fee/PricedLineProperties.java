package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.BilledLine;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A line of {@link PricedLine#priced}, whose result is made when first read, is the line of {@link
 * PricedLine#of} with that result made at once: every accessor, equality both ways, hash and text.
 */
class PricedLineProperties {

  private static final Explanation WHY =
      Explanation.of(PricingStep.note("table", "a row"), PricingStep.note("rule", "a rule"));

  private static final BilledLine BILLED = BilledLine.parse("29880-RT");

  @Property(tries = 1000)
  void aLineWhoseResultIsMadeLaterIsTheSameLine(
      @ForAll("amounts") BigDecimal exact,
      @ForAll boolean settingNotAvailable,
      @ForAll @IntRange(min = 0, max = 1000) int index,
      @ForAll @IntRange(min = 0, max = 2) int warningCount) {
    List<ClaimWarning> warnings =
        List.of(
                ClaimWarning.of(ClaimWarning.Kind.PRICED_BY_REPORT, "multiple-procedure", "sixth"),
                ClaimWarning.of(ClaimWarning.Kind.DOCUMENTATION_REQUIRED, "co-surgery", "notes"))
            .subList(0, warningCount);
    AtomicInteger calls = new AtomicInteger();
    Supplier<Explanation> source =
        () -> {
          calls.incrementAndGet();
          return WHY;
        };
    int lineNumber = index + 3; // a claim with numbers of its own
    PricedLine expected =
        PricedLine.of(
            index,
            lineNumber,
            BILLED,
            settingNotAvailable
                ? FeeResult.pricedSettingNotAvailable(exact, WHY)
                : FeeResult.priced(exact, WHY),
            Optional.empty(),
            warnings);
    PricedLine later =
        PricedLine.priced(index, lineNumber, BILLED, exact, settingNotAvailable, source, warnings);

    // What the total and a caller of amounts read: no result, no explanation.
    assertEquals(expected.amount(), later.amount());
    assertEquals(expected.amountOrThrow(), later.amountOrThrow());
    assertEquals(expected.amountOrNull(), later.amountOrNull());
    assertEquals(expected.exactAmount(), later.exactAmount());
    assertEquals(expected.isPriced(), later.isPriced());
    assertEquals(expected.reason(), later.reason());
    assertEquals(expected.detail(), later.detail());
    assertEquals(expected.refusedBy(), later.refusedBy());
    assertEquals(expected.warnings(), later.warnings());
    assertEquals(expected.index(), later.index());
    assertEquals(expected.lineNumber(), later.lineNumber());
    assertEquals(expected.hashCode(), later.hashCode());
    assertEquals(0, calls.get(), "the explanation is made only when read");

    // The result, made once, and everything that reads it.
    FeeResult result = later.result();
    assertSame(result, later.result(), "the result is made once");
    assertEquals(expected.result(), result);
    assertEquals(expected.result().settingNotAvailable(), result.settingNotAvailable());
    assertEquals(expected.result().amount(), result.amount());
    assertEquals(expected.result().exactAmount(), result.exactAmount());
    assertEquals(expected.explanation(), later.explanation());
    assertEquals(expected, later);
    assertEquals(later, expected);
    assertEquals(expected.toString(), later.toString());
    assertEquals(expected.explanationWithoutDetail(), later.explanationWithoutDetail());
    assertEquals(
        expected.explanationWithoutDetailOrWarnings(), later.explanationWithoutDetailOrWarnings());
    assertEquals(1, calls.get(), "the explanation is worked out once");
    assertNotEquals(
        later,
        PricedLine.priced(
            index, lineNumber, BILLED, exact, !settingNotAvailable, source, warnings));
  }

  /** The same amounts are refused, with the same words, as by the result's own factory. */
  @Property(tries = 500)
  void aLineRefusesTheAmountsAResultRefuses(@ForAll("anyAmounts") BigDecimal exact) {
    assertEquals(
        refusal(() -> FeeResult.priced(exact, WHY)),
        refusal(() -> PricedLine.priced(0, 1, BILLED, exact, false, () -> WHY, List.of())));
  }

  /** The message of the IllegalArgumentException {@code factory} throws; empty if none. */
  private static Optional<String> refusal(Runnable factory) {
    try {
      factory.run();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Test
  void aLineSaysWhatIsWrongWithItsPlace() {
    BigDecimal fee = new BigDecimal("80.00");
    assertEquals(
        "a line index is zero or more, not -1",
        assertThrows(
                IllegalArgumentException.class,
                () -> PricedLine.priced(-1, 1, BILLED, fee, false, () -> WHY, List.of()))
            .getMessage());
    assertEquals(
        "a line number is 1 or more, not 0 (line index 2)",
        assertThrows(
                IllegalArgumentException.class,
                () -> PricedLine.priced(2, 0, BILLED, fee, false, () -> WHY, List.of()))
            .getMessage());
    new NullPointerTester()
        .setDefault(int.class, 1)
        .setDefault(BilledLine.class, BILLED)
        .setDefault(BigDecimal.class, fee)
        .setDefault(FeeResult.class, FeeResult.priced(fee, WHY))
        .setDefault(Optional.class, Optional.empty())
        .testAllPublicStaticMethods(PricedLine.class);
    // Both factories name the warnings they were not given, as CHANGELOG says of PricedLine.of.
    FeeResult result = FeeResult.priced(fee, WHY);
    assertEquals(
        "warnings",
        assertThrows(
                NullPointerException.class,
                () -> PricedLine.of(0, 1, BILLED, result, Optional.empty(), null))
            .getMessage());
    assertEquals(
        "warnings",
        assertThrows(
                NullPointerException.class,
                () -> PricedLine.priced(0, 1, BILLED, fee, false, () -> WHY, null))
            .getMessage());
  }

  /** Fees of 0 to 9 decimal places and more, up to a billion dollars. */
  @Provide
  Arbitrary<BigDecimal> amounts() {
    return Combinators.combine(
            Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(18)),
            Arbitraries.integers().between(0, 30))
        .as(BigDecimal::new)
        .filter(amount -> amount.compareTo(BigDecimal.TEN.pow(9)) < 0);
  }

  /** Amounts a fee may be and amounts it may not: negative, huge, of too many decimals. */
  @Provide
  Arbitrary<BigDecimal> anyAmounts() {
    BigInteger most = BigInteger.TEN.pow(20);
    return Combinators.combine(
            Arbitraries.bigIntegers().between(most.negate(), most),
            Arbitraries.integers().between(-30, 130))
        .as(BigDecimal::new);
  }
}
