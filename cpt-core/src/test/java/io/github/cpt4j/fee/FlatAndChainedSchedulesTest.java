package io.github.cpt4j.fee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlatAndChainedSchedulesTest {

  private static final PricingContext CONTEXT =
      PricingContext.withoutArea(LocalDate.of(2025, 5, 1), Setting.NON_FACILITY);
  private static final FlatFeeSchedule ACME =
      FlatFeeSchedule.builder()
          .name("acme-2025")
          .put(ProcedureCode.parse("99213"), new BigDecimal("95.00"))
          .put(ProcedureCode.parse("71046"), new BigDecimal("40.00"))
          .put(
              ProcedureCode.parse("71046"), Modifier.PROFESSIONAL_COMPONENT, new BigDecimal("12.5"))
          .build();

  private static FeeResult price(FeeSchedule schedule, String line) {
    return schedule.price(ClaimLine.parse(line), CONTEXT);
  }

  /** A name is what explanations say a line was priced from: never blank, never two lines. */
  @Test
  void aScheduleNameIsOneLineThatIsNotBlank() {
    FlatFeeSchedule.Builder table = FlatFeeSchedule.builder();
    assertEquals(
        "a fee schedule's name is blank",
        assertThrows(IllegalArgumentException.class, () -> table.name("\u00a0")).getMessage());
    assertEquals(
        "a fee schedule's name contains control character U+000A at index 4",
        assertThrows(IllegalArgumentException.class, () -> table.name("acme\n2025")).getMessage());
    assertEquals("acme 2025", table.name("acme 2025").build().name());
  }

  @Test
  void flatTableUsesTheModifierRowThenTheCodeRow() {
    assertEquals(new BigDecimal("12.50"), price(ACME, "71046-26").amountOrThrow());
    assertEquals(new BigDecimal("12.50"), price(ACME, "71046-59-26").amountOrThrow());
    assertEquals(new BigDecimal("40.00"), price(ACME, "71046-TC").amountOrThrow());
    assertEquals(new BigDecimal("190.00"), price(ACME, "99213 x2").amountOrThrow());
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), price(ACME, "99214").reason());
    assertEquals(3, ACME.size());
    assertEquals(
        Optional.of(new BigDecimal("12.5")),
        ACME.amount(ProcedureCode.parse("71046"), Optional.of(Modifier.PROFESSIONAL_COMPONENT)));
    assertEquals(
        "table: acme-2025: row 99213 = 95.00; units: x 2 = 190.00",
        price(ACME, "99213 x2").explanation().toString());
  }

  /**
   * A code the table lists only with modifiers, billed with none of them, is in the table: the line
   * is MODIFIER_REQUIRED with the rows it could have used, as the Medicare schedules answer, not
   * NOT_IN_SCHEDULE with "71046 is not in ..." (which sent the user looking for a row that is
   * there).
   */
  @Test
  void aCodeListedOnlyWithModifiersNeedsOneOfThem() {
    FlatFeeSchedule split =
        FlatFeeSchedule.builder()
            .name("acme-split")
            .put(ProcedureCode.parse("71046"), Modifier.TECHNICAL_COMPONENT, new BigDecimal("30"))
            .put(ProcedureCode.parse("71046"), Modifier.PROFESSIONAL_COMPONENT, BigDecimal.TEN)
            .build();
    for (String line : List.of("71046", "71046-59", "71046-LT-RT")) {
      FeeResult result = price(split, line);
      assertEquals(Optional.of(UnpricedReason.MODIFIER_REQUIRED), result.reason(), line);
      assertEquals("71046 is in acme-split only as 71046-TC, 71046-26", result.detail(), line);
      assertEquals(
          "table: acme-split: no row for " + line + "; 71046 has rows 71046-TC, 71046-26",
          result.explanation().toString(),
          line);
    }
    assertEquals(new BigDecimal("10.00"), price(split, "71046-59-26").amountOrThrow());
    // A code without any row is still not in the table.
    FeeResult absent = price(split, "99213");
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), absent.reason());
    assertEquals("99213 is not in acme-split", absent.detail());
  }

  @Test
  void flatTableRejectsDuplicatesAndNegatives() {
    FlatFeeSchedule.Builder builder =
        FlatFeeSchedule.builder().put(ProcedureCode.parse("99213"), BigDecimal.ONE);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.put(ProcedureCode.parse("99213"), BigDecimal.TEN));
    assertEquals("row 99213 given twice (rows 1 and 2)", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> FlatFeeSchedule.builder().put(ProcedureCode.parse("99213"), new BigDecimal("-1")));
    // Refused when put, not when the row prices a line: no fee can be of 101 decimal places.
    IllegalArgumentException places =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FlatFeeSchedule.builder()
                    .put(ProcedureCode.parse("99213"), new BigDecimal("0E-999999999")));
    assertEquals(
        "row 99213: a fee has at most 100 decimal places: 0E-999999999", places.getMessage());
  }

  /**
   * A valid row times the line's units, or a percentage of a valid fee, may be a quadrillion
   * dollars or more, which no fee is: the line is unpriced with a reason, as price never throws for
   * data, and a fallback behind it is asked.
   */
  @Test
  void anAmountBeyondAnyFeeIsUnpricedNotThrown() {
    FlatFeeSchedule huge =
        FlatFeeSchedule.builder()
            .name("huge")
            .put(ProcedureCode.parse("99213"), new BigDecimal("999999999999999.99"))
            .put(ProcedureCode.parse("J9999"), new BigDecimal("20000000000.00"))
            .build();
    FeeResult twice = price(huge, "99213 x2");
    assertEquals(Optional.of(UnpricedReason.AMOUNT_OUT_OF_RANGE), twice.reason());
    assertEquals(
        "99213 at 999999999999999.99 x 2 units is 1999999999999999.98, a quadrillion dollars or"
            + " more",
        twice.detail());
    assertEquals(
        "table: huge: row 99213 = 999999999999999.99; units: x 2: a quadrillion dollars or more",
        twice.explanation().toString());
    assertEquals(
        Optional.of(UnpricedReason.AMOUNT_OUT_OF_RANGE), price(huge, "J9999 x99999").reason());
    // 20000000000.00 x 49999 is 999980000000000.00: still a fee.
    assertEquals(new BigDecimal("999980000000000.00"), price(huge, "J9999 x49999").amountOrThrow());
    FeeResult percent = price(FeeSchedule.percentOf(new BigDecimal("120"), huge), "99213");
    assertEquals(Optional.of(UnpricedReason.AMOUNT_OUT_OF_RANGE), percent.reason());
    assertEquals(
        "120% of huge at 999999999999999.99 is 1199999999999999.9880, a quadrillion dollars or"
            + " more",
        percent.detail());
    assertEquals(
        "table: huge: row 99213 = 999999999999999.99; percent-of: 120% of huge: a quadrillion"
            + " dollars or more",
        percent.explanation().toString());
    // A percentage that keeps it a fee is priced.
    assertEquals(
        new BigDecimal("99999999999999.9990"),
        price(FeeSchedule.percentOf(BigDecimal.TEN, huge), "99213").exactAmount().orElseThrow());
    // A fallback prices the line the first schedule could not.
    assertEquals(
        new BigDecimal("190.00"),
        price(FeeSchedule.firstThatPrices(huge, ACME), "99213 x2").amountOrThrow());
  }

  @Test
  void percentOfKeepsTheBaseExact() {
    FeeSchedule contract = FeeSchedule.percentOf(new BigDecimal("120"), ACME);
    FeeResult result = price(contract, "71046-26");
    assertEquals(new BigDecimal("15.00"), result.amountOrThrow());
    assertEquals("120% of acme-2025", contract.name());
    assertTrue(result.explanation().has("percent-of"));
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), price(contract, "99214").reason());
    assertThrows(
        IllegalArgumentException.class, () -> FeeSchedule.percentOf(new BigDecimal("-1"), ACME));
    // Refused when made, not when a line is priced: percent / 100 of the first overflowed
    // BigDecimal's scale with an ArithmeticException, and the others priced fees FeeResult.priced
    // refuses. 99 places: its factor, percent / 100, would have 101, more than a fee factor's 100.
    for (String bad : List.of("1E+2147483647", "1E-2147483646", "1E+20", "1000000", "1E-99")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> FeeSchedule.percentOf(new BigDecimal(bad), ACME),
          bad);
    }
    assertEquals(
        new BigDecimal("0.00"),
        price(FeeSchedule.percentOf(new BigDecimal("1E-98"), ACME), "71046-26").amountOrThrow());
  }

  /**
   * A percentage of a percentage, or of a flat row of many places, prices: its product of more than
   * 100 decimal places is rounded half-up to 100, where a fee's are bounded, rather than refused
   * when a line is priced (120% of 120% of 95.00 at 70 places each had 146).
   */
  @Test
  void percentagesOfManyPlacesOverAnyBasePrice() {
    BigDecimal longPercent = new BigDecimal("120").setScale(70);
    FeeSchedule nested =
        FeeSchedule.percentOf(longPercent, FeeSchedule.percentOf(longPercent, ACME));
    FeeResult twice = price(nested, "71046-26");
    assertEquals(new BigDecimal("18.00"), twice.amountOrThrow()); // 12.50 x 1.2 x 1.2
    assertTrue(twice.exactAmount().orElseThrow().scale() <= FeeResult.MAX_SCALE);
    FlatFeeSchedule longRow =
        FlatFeeSchedule.builder()
            .name("long-row")
            .put(ProcedureCode.parse("99213"), new BigDecimal("95.5").setScale(99))
            .build();
    FeeResult ofRow = price(FeeSchedule.percentOf(new BigDecimal("100"), longRow), "99213");
    assertEquals(new BigDecimal("95.50"), ofRow.amountOrThrow());
    BigDecimal third = new BigDecimal("100").divide(new BigDecimal("3"), 40, RoundingMode.HALF_UP);
    FeeSchedule thirds =
        FeeSchedule.percentOf(
            third, FeeSchedule.percentOf(third, FeeSchedule.percentOf(third, ACME)));
    assertEquals(new BigDecimal("0.46"), price(thirds, "71046-26").amountOrThrow());
  }

  @Test
  void chainsAnswerWithTheFirstThatPrices() {
    FlatFeeSchedule fallback =
        FlatFeeSchedule.builder()
            .name("fallback")
            .put(ProcedureCode.parse("99214"), new BigDecimal("130"))
            .build();
    FeeSchedule chain = FeeSchedule.firstThatPrices(ACME, fallback);
    assertEquals(new BigDecimal("95.00"), price(chain, "99213").amountOrThrow());
    FeeResult second = price(chain, "99214");
    assertEquals(new BigDecimal("130.00"), second.amountOrThrow());
    assertEquals(
        "fallback: acme-2025 did not price it (not in schedule); table: fallback: row"
            + " 99214 = 130.00",
        second.explanation().toString());
    FeeResult none = price(chain, "99215");
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), none.reason());
    assertEquals(
        2, none.explanation().steps().stream().filter(s -> s.rule().equals("fallback")).count());
    assertEquals("first of acme-2025, then fallback", chain.name());
    assertThrows(IllegalArgumentException.class, () -> FeeSchedule.firstThatPrices(List.of()));
  }

  @Test
  void userWrittenSchedulesAreLambdas() {
    FeeSchedule free =
        (line, context) ->
            FeeResult.priced(
                BigDecimal.ZERO, Explanation.of(PricingStep.note("free", "a charity clinic")));
    assertEquals("custom", free.name());
    assertEquals(new BigDecimal("0.00"), price(free, "99213").amountOrThrow());
  }

  @Test
  void chainsPreferAReasonOtherThanTheDate() {
    FeeSchedule outOfDate =
        (line, context) ->
            FeeResult.unpriced(UnpricedReason.DATE_NOT_COVERED, "2024 only", Explanation.empty());
    FeeResult result = price(FeeSchedule.firstThatPrices(outOfDate, ACME), "99215");
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), result.reason());
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED),
        price(FeeSchedule.firstThatPrices(outOfDate, outOfDate), "99215").reason());
    // Every schedule outside its dates: the answer names what each covers, not the first alone.
    FeeSchedule later =
        (line, context) ->
            FeeResult.unpriced(UnpricedReason.DATE_NOT_COVERED, "2026 only", Explanation.empty());
    assertEquals(
        "2024 only, and 2026 only",
        price(FeeSchedule.firstThatPrices(outOfDate, later), "99215").detail());
  }

  @Test
  void aScheduleReturningNullIsNamedByTheCombinatorThatAskedIt() {
    // FeeSchedule.price never returns null; a caller's own schedule that does used to end in a
    // NullPointerException on a variable inside the combinator, naming no schedule.
    FeeSchedule broken =
        new FeeSchedule() {
          @Override
          public FeeResult price(ClaimLine line, PricingContext context) {
            return null;
          }

          @Override
          public String name() {
            return "payer-broken";
          }
        };
    for (FeeSchedule combined :
        List.of(
            FeeSchedule.firstThatPrices(broken, ACME),
            FeeSchedule.percentOf(new BigDecimal("120"), broken))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> price(combined, "99213-25"));
      assertTrue(
          e.getMessage().startsWith("fee schedule payer-broken (")
              && e.getMessage().contains(") returned null for 99213-25;"),
          e.getMessage());
      // A null argument is named at the call, before any schedule is asked.
      assertEquals(
          "line",
          assertThrows(NullPointerException.class, () -> combined.price(null, CONTEXT))
              .getMessage());
      assertEquals(
          "context",
          assertThrows(
                  NullPointerException.class, () -> combined.price(ClaimLine.parse("99213"), null))
              .getMessage());
    }
  }

  @Test
  void aScheduleThatThrowsIsNamedWithTheLineOnceWhateverTheNesting() {
    // 99215 is not in ACME's table: every combinator asks the broken schedule.
    // FeeSchedule.price never throws for data; a caller's schedule that did (its database down)
    // threw out of the chain naming neither the schedule nor the line.
    IllegalStateException down = new IllegalStateException("connection refused");
    FeeSchedule broken =
        new FeeSchedule() {
          @Override
          public FeeResult price(ClaimLine line, PricingContext context) {
            throw down;
          }

          @Override
          public String name() {
            return "payer-db";
          }
        };
    String expected =
        ") threw java.lang.IllegalStateException: connection refused, for 99215-25; a schedule"
            + " never throws for data, and answers FeeResult.unpriced for what it does not price";
    for (FeeSchedule combined :
        List.of(
            FeeSchedule.firstThatPrices(broken, ACME),
            FeeSchedule.firstThatPrices(ACME.orElse(broken)),
            FeeSchedule.percentOf(new BigDecimal("120"), broken),
            // The culprit is named once, not again by each combinator around it.
            FeeSchedule.percentOf(
                new BigDecimal("80"),
                FeeSchedule.firstThatPrices(
                    ACME, FeeSchedule.percentOf(new BigDecimal("120"), broken))))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> price(combined, "99215-25"));
      assertTrue(
          e.getMessage().startsWith("fee schedule payer-db (") && e.getMessage().endsWith(expected),
          e.getMessage());
      assertSame(down, e.getCause(), combined.name());
    }
  }
}
