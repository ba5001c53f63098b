package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.CodeFormatException;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeeResultTest {

  private static final Explanation BASE =
      Explanation.of(PricingStep.of("table", "acme: row 99213", new BigDecimal("100.005")));

  @Test
  void roundsOnceHalfUpAtTheEnd() {
    FeeResult result = FeeResult.priced(new BigDecimal("100.005"), BASE);
    assertEquals(new BigDecimal("100.01"), result.amountOrThrow());
    // 95% of the exact 100.005 is 95.00475 -> 95.00; rounding 100.01 first would give 95.01.
    FeeResult nonPar = result.multipliedBy(new BigDecimal("0.95"), "non-participating", "95%");
    assertEquals(new BigDecimal("95.00"), nonPar.amountOrThrow());
    assertEquals(0, new BigDecimal("95.00475").compareTo(nonPar.exactAmount().orElseThrow()));
    assertEquals(2, nonPar.explanation().steps().size());
    assertTrue(nonPar.explanation().has("non-participating"));
  }

  @Test
  void unpricedResultsHaveAReasonAndNoAmount() {
    FeeResult result =
        FeeResult.unpriced(UnpricedReason.CARRIER_PRICED, "status C", Explanation.empty());
    assertFalse(result.isPriced());
    assertEquals(Optional.empty(), result.amount());
    assertEquals(Optional.of(UnpricedReason.CARRIER_PRICED), result.reason());
    IllegalStateException e = assertThrows(IllegalStateException.class, result::amountOrThrow);
    assertEquals("not priced: carrier priced: status C", e.getMessage());
    assertSame(result, result.multipliedBy(BigDecimal.TEN, "x", "ten"));
    assertEquals("UNPRICED CARRIER_PRICED: status C | ", result.toString());
  }

  @Test
  void neverNegative() {
    assertThrows(
        IllegalArgumentException.class, () -> FeeResult.priced(new BigDecimal("-0.01"), BASE));
    FeeResult result = FeeResult.priced(BigDecimal.ONE, BASE);
    assertThrows(
        IllegalArgumentException.class, () -> result.multipliedBy(new BigDecimal("-1"), "x", "y"));
    assertThrows(
        IllegalArgumentException.class,
        () -> result.withExactAmount(PricingStep.of("charge", "lower", new BigDecimal("-1"))));
  }

  /**
   * A product is one priced() takes, never a priced result that priced() would refuse: beyond a
   * quadrillion refused, beyond 100 decimal places rounded; a factor of more than 100 places (which
   * would take seconds to round away, 1E-10000000) refused as an amount of them is.
   */
  @Test
  void aProductIsBoundedAsAPricedAmountIs() {
    FeeResult result = FeeResult.priced(new BigDecimal("95.50"), BASE);
    IllegalArgumentException huge =
        assertThrows(
            IllegalArgumentException.class,
            () -> result.multipliedBy(new BigDecimal("1E+20"), "x", "y"));
    assertTrue(huge.getMessage().contains("quadrillion"), huge.getMessage());
    for (String factor : new String[] {"1E-2147483647", "1E-10000000", "1E-101"}) {
      IllegalArgumentException scale =
          assertThrows(
              IllegalArgumentException.class,
              () -> result.multipliedBy(new BigDecimal(factor), "x", "y"));
      assertEquals(
          "a fee factor has at most 100 decimal places: " + factor, scale.getMessage(), factor);
    }
    IllegalArgumentException overflow =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FeeResult.priced(new BigDecimal("1E+14"), BASE)
                    .multipliedBy(new BigDecimal("0E+2147483647"), "x", "y"));
    assertTrue(overflow.getMessage().contains("cannot be multiplied"), overflow.getMessage());
    assertEquals(
        new BigDecimal("0.00"),
        result.multipliedBy(new BigDecimal("1E-30"), "x", "y").amountOrThrow());
  }

  @Test
  void nanoDollarsNearTheLongLimitRoundLikeTheirDecimal() {
    // The rounding once added half a cent before dividing, which overflowed to a negative amount.
    for (long nanos :
        new long[] {
          Long.MAX_VALUE,
          Long.MAX_VALUE - 1_000_000,
          Long.MAX_VALUE - 4_999_999,
          9_223_372_036_845_000_000L
        }) {
      FeeResult fast = FeeResult.pricedNanoDollars(nanos, false, BASE);
      FeeResult exact = FeeResult.priced(BigDecimal.valueOf(nanos, 9), BASE);
      assertEquals(exact.amountOrThrow(), fast.amountOrThrow(), () -> "nanos " + nanos);
      assertEquals(exact, fast);
    }
    assertEquals(
        new BigDecimal("9223372036.85"),
        FeeResult.pricedNanoDollars(Long.MAX_VALUE, false, BASE).amountOrThrow());
    assertEquals(
        new BigDecimal("9223372036.85"),
        FeeResult.pricedNanoDollars(9_223_372_036_845_000_000L, false, () -> BASE).amountOrThrow());
  }

  @Test
  void withExactAmountReplacesTheAmountAndRecordsTheStep() {
    FeeResult result =
        FeeResult.priced(new BigDecimal("100.005"), BASE)
            .withExactAmount(
                PricingStep.of("charge", "billed charge is lower", new BigDecimal("80")));
    assertEquals(new BigDecimal("80.00"), result.amountOrThrow());
    assertThrows(
        IllegalArgumentException.class,
        () -> result.withExactAmount(PricingStep.note("x", "no amount")));
  }

  @Test
  void printsOneLineForAuditLogs() {
    FeeResult result =
        FeeResult.pricedSettingNotAvailable(
            new BigDecimal("19.24228592"),
            Explanation.of(
                PricingStep.note("na", "facility is NA"),
                PricingStep.of("rvu", "formula", new BigDecimal("19.242285920"))));
    assertEquals(
        "19.24 (NA setting) | na: facility is NA; rvu: formula = 19.24228592;"
            + " round: half-up to cents = 19.24",
        result.toString());
    assertFalse(result.toString().contains("\n"));
  }

  @Test
  void equalsByValue() {
    new EqualsTester()
        .addEqualityGroup(
            FeeResult.priced(new BigDecimal("1.50"), BASE),
            FeeResult.priced(new BigDecimal("1.5"), BASE))
        .addEqualityGroup(FeeResult.priced(new BigDecimal("1.51"), BASE))
        .addEqualityGroup(FeeResult.pricedSettingNotAvailable(new BigDecimal("1.5"), BASE))
        .addEqualityGroup(FeeResult.unpriced(UnpricedReason.NOT_IN_SCHEDULE, "x", BASE))
        .testEquals();
  }

  @Test
  void rejectsNulls() {
    new NullPointerTester()
        .setDefault(Explanation.class, BASE)
        .setDefault(PricingStep.class, PricingStep.note("a", "b"))
        .testAllPublicStaticMethods(FeeResult.class);
    new NullPointerTester()
        .setDefault(PricingStep.class, PricingStep.note("a", "b"))
        .testAllPublicInstanceMethods(FeeResult.priced(BigDecimal.ONE, BASE));
    new NullPointerTester().testAllPublicStaticMethods(PricingStep.class);
    new NullPointerTester().testAllPublicStaticMethods(Explanation.class);
  }

  @Test
  void stepRulesAreSingleWords() {
    assertThrows(IllegalArgumentException.class, () -> PricingStep.note("two words", "x"));
    assertThrows(IllegalArgumentException.class, () -> PricingStep.note("", "x"));
    assertEquals(
        "opps-cap: cap = 60.00",
        PricingStep.of("opps-cap", "cap", new BigDecimal("60.000000000")).toString());
  }

  @Test
  void anAmountBeyondRoundingIsRefusedOrRoundsToZero() {
    // Rounding 1E+2147483647 to cents once threw ArithmeticException out of setScale.
    IllegalArgumentException huge =
        assertThrows(
            IllegalArgumentException.class,
            () -> FeeResult.priced(new BigDecimal("1E+2147483647"), Explanation.empty()));
    assertEquals("a fee is less than a quadrillion dollars: 1E+2147483647", huge.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> FeeResult.pricedSettingNotAvailable(new BigDecimal("1E+15"), Explanation.empty()));
    assertEquals(
        new BigDecimal("999999999999999.99"),
        FeeResult.priced(new BigDecimal("999999999999999.99"), Explanation.empty())
            .amountOrThrow());
    // Zero is zero whatever its positive exponent: it is written as 0.
    for (String zero : new String[] {"0E+2147483647", "0E+999999999", "0E-100"}) {
      assertEquals(
          new BigDecimal("0.00"),
          FeeResult.priced(new BigDecimal(zero), Explanation.empty()).amountOrThrow());
    }
    // A positive amount too small to be a cent is 0.00.
    FeeResult tiny = FeeResult.priced(new BigDecimal("1E-100"), Explanation.empty());
    assertEquals(new BigDecimal("0.00"), tiny.amountOrThrow());
    assertEquals(
        new BigDecimal("0.01"),
        FeeResult.priced(new BigDecimal("0.005"), Explanation.empty()).amountOrThrow());
  }

  /**
   * An amount of more than 100 decimal places is refused, whatever its value: 1E-101 was accepted
   * and then refused when read back from JSON, and 0E-999999999 was written as a gigabyte of zeros.
   * A negative scale is bounded by the value: 1E+5 is 100000, and zero is written as 0.
   */
  @Test
  void anAmountOfMoreThanAHundredDecimalPlacesIsRefused() {
    for (String bad :
        new String[] {
          "1E-101",
          "0E-101",
          "0E-999999999",
          "0E-2147483647",
          "1E-2147483647",
          "1." + "0".repeat(101)
        }) {
      BigDecimal amount = new BigDecimal(bad);
      String expected = "a fee has at most 100 decimal places: " + amount;
      assertEquals(
          expected,
          assertThrows(
                  IllegalArgumentException.class,
                  () -> FeeResult.priced(amount, Explanation.empty()),
                  bad)
              .getMessage());
      assertEquals(
          expected,
          assertThrows(
                  IllegalArgumentException.class,
                  () -> FeeResult.pricedSettingNotAvailable(amount, Explanation.empty()),
                  bad)
              .getMessage());
      assertEquals(
          "step 'cap': " + expected,
          assertThrows(IllegalArgumentException.class, () -> PricingStep.of("cap", "x", amount))
              .getMessage());
      assertEquals(
          "step 'cap': " + expected,
          assertThrows(IllegalArgumentException.class, () -> PricingStep.checkAmount("cap", amount))
              .getMessage());
    }
    // checkAmount takes any rule, unchecked: a line break or a megabyte of it is quoted.
    String rule = "cap\n" + "x".repeat(1_000_000);
    String message =
        assertThrows(
                IllegalArgumentException.class,
                () -> PricingStep.checkAmount(rule, new BigDecimal("-1")))
            .getMessage();
    assertTrue(
        message.startsWith("step " + CodeFormatException.quote(rule) + ": "),
        () -> message.substring(0, 80));
    assertEquals(FeeResult.MAX_SCALE, 100);
    // The bound itself, and negative scales within a quadrillion dollars.
    for (String good : new String[] {"1E-100", "0E-100", "1.5" + "0".repeat(99), "1E+5", "1E+14"}) {
      BigDecimal amount = new BigDecimal(good);
      assertEquals(
          Optional.of(amount), FeeResult.priced(amount, Explanation.empty()).exactAmount(), good);
      assertSame(amount, PricingStep.checkAmount("cap", amount), good);
    }
    assertEquals(
        new BigDecimal("100000.00"),
        FeeResult.priced(new BigDecimal("1E+5"), Explanation.empty()).amountOrThrow());
    // A product is bounded too: the places of the amount and of the factor add up, and a product
    // of more than 100 is rounded half-up to 100, in its amount and in its step.
    FeeResult nine = FeeResult.priced(new BigDecimal("101.056935300"), Explanation.empty());
    FeeResult ninety = nine.multipliedBy(new BigDecimal("0.5" + "0".repeat(90)), "half", "x 0.5");
    assertEquals(new BigDecimal("50.53"), ninety.amountOrThrow());
    assertEquals(100, ninety.exactAmount().orElseThrow().scale());
    FeeResult more = nine.multipliedBy(new BigDecimal("0.5" + "0".repeat(91)), "half", "x 0.5");
    BigDecimal rounded = new BigDecimal("50.5284676500" + "0".repeat(90));
    assertEquals(Optional.of(rounded), more.exactAmount());
    assertEquals(Optional.of(rounded), more.explanation().find("half").orElseThrow().amountAfter());
    // Half-up at the 100th place: 1E-100 x 0.5 is 5E-101, which rounds up to 1E-100.
    assertEquals(
        Optional.of(new BigDecimal("1E-100")),
        FeeResult.priced(new BigDecimal("1E-100"), Explanation.empty())
            .multipliedBy(new BigDecimal("0.5"), "half", "x 0.5")
            .exactAmount());
  }

  /**
   * Immutable and thread-safe even when handed to another thread without synchronization: every
   * field the constructors set is final, so that no thread sees it unset. The only others are the
   * caches filled on first read, from null to an immutable value equal whichever thread fills them.
   */
  @Test
  void everyFieldTheConstructorsSetIsFinal() {
    java.util.Set<String> caches = java.util.Set.of("deferred", "resolved", "fromNanos");
    for (Class<?> type :
        new Class<?>[] {
          FeeResult.class, FeeResult.Priced.class, FeeResult.Unpriced.class, Explanation.class
        }) {
      for (java.lang.reflect.Field field : type.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (java.lang.reflect.Modifier.isStatic(modifiers) || caches.contains(field.getName())) {
          continue;
        }
        assertTrue(
            java.lang.reflect.Modifier.isFinal(modifiers),
            type.getSimpleName() + "." + field.getName() + " is not final");
      }
    }
  }
}
