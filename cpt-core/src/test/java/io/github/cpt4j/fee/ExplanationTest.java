package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExplanationTest {

  private static final PricingStep ROW = PricingStep.note("row", "99213 status A");
  private static final PricingStep RVU = PricingStep.of("rvu", "formula", new BigDecimal("91.23"));
  private static final PricingStep UNITS = PricingStep.note("units", "x 2 units");

  /** A rule id is one word as it prints: no Unicode space that looks like a space, no control. */
  @Test
  void ruleIdsRefuseEverySpaceAndControl() {
    for (String bad :
        List.of(
            "opps cap", "opps\u00a0cap", "opps\u3000cap", "a\u2028b", "a\u0085b", "a\u007fb", "")) {
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> PricingStep.checkRule(bad), bad);
    }
    for (String good : List.of("opps-cap", "medicare.pfs", "r\u00e9gle", "\u6599\u91d1")) {
      assertEquals(good, PricingStep.checkRule(good));
    }
  }

  /**
   * A step's amount is one {@link FeeResult#priced} accepts, so that every step written reads back:
   * a negative amount or one of a quadrillion dollars was once accepted, written, and refused when
   * read.
   */
  @Test
  void aStepsAmountIsOneAFeeCanBe() {
    for (String bad : List.of("-1.00", "-1E-30", "1E+15", "1E+20", "1E+2147483647")) {
      BigDecimal amount = new BigDecimal(bad);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> PricingStep.of("cap", "x", amount), bad);
      assertThrows(
          IllegalArgumentException.class, () -> PricingStep.of("cap", () -> "x", amount), bad);
      assertTrue(e.getMessage().startsWith("step 'cap': a fee is "), e.getMessage());
      assertTrue(e.getMessage().endsWith(": " + bad), e.getMessage());
      assertEquals(
          e.getMessage(),
          assertThrows(IllegalArgumentException.class, () -> PricingStep.checkAmount("cap", amount))
              .getMessage());
    }
    assertEquals(
        "step 'cap': a fee is never negative: -1.00",
        assertThrows(
                IllegalArgumentException.class,
                () -> PricingStep.of("cap", "x", new BigDecimal("-1.00")))
            .getMessage());
    assertEquals(
        "step 'cap': a fee is less than a quadrillion dollars: 1E+20",
        assertThrows(
                IllegalArgumentException.class,
                () -> PricingStep.of("cap", () -> "x", new BigDecimal("1E+20")))
            .getMessage());
    // The rule is checked first: the message names a rule that is one.
    String badRule =
        assertThrows(
                IllegalArgumentException.class,
                () -> PricingStep.of("two words", "x", new BigDecimal("-1")))
            .getMessage();
    assertTrue(badRule.startsWith("a rule is a non-empty word"), badRule);
    for (String good : List.of("0", "0.00", "0E+999999999", "999999999999999.999999", "1E-30")) {
      BigDecimal amount = new BigDecimal(good);
      assertEquals(Optional.of(amount), PricingStep.of("cap", "x", amount).amountAfter(), good);
      assertSame(amount, PricingStep.checkAmount("cap", amount), good);
    }
  }

  @Test
  void aDescriberThatReturnsNullIsNamedByItsRule() {
    PricingStep note = PricingStep.note("payer-silent", () -> null);
    NullPointerException e = assertThrows(NullPointerException.class, note::description);
    assertEquals(
        "the describer of step 'payer-silent' returned null, not its words", e.getMessage());
    PricingStep step = PricingStep.of("payer-silent", () -> null, BigDecimal.ONE);
    assertThrows(NullPointerException.class, step::toString);
  }

  @Test
  void deferredIsWorkedOutOnceWhenFirstRead() {
    AtomicInteger calls = new AtomicInteger();
    Explanation deferred =
        Explanation.deferred(
            () -> {
              calls.incrementAndGet();
              return Explanation.of(ROW, RVU);
            });
    Explanation longer = deferred.then(UNITS);
    assertEquals(0, calls.get(), "nothing is worked out before it is read");
    assertEquals(List.of(ROW, RVU, UNITS), longer.steps());
    assertEquals(List.of(ROW, RVU), deferred.steps());
    assertSame(deferred.steps(), deferred.steps());
    assertEquals(1, calls.get());
  }

  @Test
  void deferredEqualsTheSameStepsBuiltEagerly() {
    Explanation eager = Explanation.of(ROW, RVU);
    Explanation deferred = Explanation.deferred(() -> Explanation.of(ROW, RVU));
    new EqualsTester()
        .addEqualityGroup(eager, deferred, Explanation.deferred(() -> eager))
        .addEqualityGroup(
            eager.then(UNITS),
            deferred.then(UNITS),
            Explanation.of(ROW).then(Explanation.deferred(() -> Explanation.of(RVU, UNITS))))
        .addEqualityGroup(Explanation.empty(), Explanation.deferred(Explanation::empty))
        .testEquals();
    assertEquals(eager.toString(), deferred.toString());
    assertTrue(deferred.has("rvu"));
    assertEquals(eager.find("rvu"), deferred.find("rvu"));
  }

  /** Amounts compare by value, as in FeeResult: equal results stay equal when adjusted alike. */
  @Test
  void stepsCompareAmountsByValueNotScale() {
    new EqualsTester()
        .addEqualityGroup(
            PricingStep.of("rvu", "formula", new BigDecimal("91.2")),
            PricingStep.of("rvu", "formula", new BigDecimal("91.200")),
            PricingStep.of("rvu", () -> "formula", new BigDecimal("91.20")))
        .addEqualityGroup(RVU)
        .addEqualityGroup(PricingStep.note("rvu", "formula"))
        .addEqualityGroup(
            PricingStep.of("rvu", "formula", BigDecimal.ZERO),
            PricingStep.of("rvu", "formula", new BigDecimal("0.00")))
        .testEquals();
    FeeResult one = FeeResult.priced(new BigDecimal("1.0"), Explanation.empty());
    FeeResult same = FeeResult.priced(new BigDecimal("1.00"), Explanation.empty());
    assertEquals(one, same);
    assertEquals(
        one.multipliedBy(BigDecimal.ONE, "x", "y"), same.multipliedBy(BigDecimal.ONE, "x", "y"));
  }

  @Test
  void concurrentReadersSeeOneResolution() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Explanation deferred =
        Explanation.deferred(
            () -> {
              calls.incrementAndGet();
              return Explanation.of(ROW, RVU, UNITS);
            });
    List<Thread> threads = new ArrayList<>();
    List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      Thread thread = new Thread(() -> seen.add(deferred.steps()));
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(1, calls.get());
    assertEquals(8, seen.size());
    seen.forEach(steps -> assertSame(seen.get(0), steps));
  }
}
