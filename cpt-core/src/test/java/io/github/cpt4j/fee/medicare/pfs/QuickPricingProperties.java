package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The single-line fast path ({@link LineEvaluator#quickRowOrNull}, then {@link
 * LineEvaluator#postedNanoDollars}) prices exactly the lines the full evaluation prices with an
 * available setting, at the same posted amount, and the schedule's answer through it is the one the
 * full evaluation gives.
 */
class QuickPricingProperties {

  /**
   * The test schedule, and two made-up rows NA in one setting whose practice expense differs
   * between the settings (in the test rows from CMS the NA setting's column repeats the other's, so
   * pricing an NA line at the wrong setting would not show), and a made-up PC/TC 8 row (the smear
   * reading, refused in a non-facility setting: a gate the fast path must apply too).
   */
  private static final MedicareFeeSchedule SCHEDULE =
      schedule(
          RvuTable.of(
              ImmutableList.<RvuEntry>builder()
                  .addAll(Fixtures.rvuEntries())
                  .addAll(
                      Fixtures.rvuEntries(
                          "99998,,A,1.00,1.50,,0.50,NA,0.05,0,XXX,0,99",
                          "99997,,A,1.00,1.50,NA,0.50,,0.05,0,XXX,0,99",
                          "85060,,A,0.45,0.20,,0.20,,0.02,8,XXX,0,99"))
                  .build()));

  /**
   * The same rows stating the 2026 non-QPP conversion factor, as a CMS file does: every other
   * factor in force (2025, 2026 for a qualifying APM participant) is a mismatch the full evaluation
   * refuses, and so must the fast path.
   */
  private static final MedicareFeeSchedule STATED_FACTOR =
      schedule(SCHEDULE.rvus().withConversionFactor(new BigDecimal("33.4009")));

  private static MedicareFeeSchedule schedule(RvuTable rvus) {
    return MedicareFeeSchedule.builder()
        .name("test-pfs-2025-na")
        .rvus(rvus)
        .gpcis(Fixtures.gpcis())
        .conversionFactors(Fixtures.conversionFactors())
        .oppsCaps(Fixtures.oppsCaps())
        .effective(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))
        .build();
  }

  private static MedicareFeeSchedule schedule(boolean statedFactor) {
    return statedFactor ? STATED_FACTOR : SCHEDULE;
  }

  @Property(tries = 2_000)
  void theFastPathAgreesWithTheFullEvaluation(
      @ForAll("lines") ClaimLine line,
      @ForAll("contexts") PricingContext context,
      @ForAll boolean statedFactor) {
    LineEvaluator evaluator = new LineEvaluator(schedule(statedFactor), context);
    RvuEntry row = evaluator.quickRowOrNull(line);
    long posted = row == null ? -1 : evaluator.postedNanoDollars(line, row);
    LineEvaluation full = evaluator.evaluate(line);
    boolean pricedAvailable =
        full instanceof FeeCalculation calculation && !calculation.settingNotAvailable();
    if (context.placeOfService().isEmpty()) {
      assertEquals(pricedAvailable, posted >= 0, () -> line + " in " + context);
    }
    if (posted >= 0) {
      assertTrue(pricedAvailable, () -> line + " in " + context);
      assertEquals(((FeeCalculation) full).postedNanoDollars(), posted, () -> line + " " + context);
    }
  }

  /**
   * The single-line path's gate ({@link LineEvaluator#quickRowOrNaOrNull}) takes NA settings too:
   * exactly the lines the full evaluation prices, from the same row, at the same posted amount,
   * with the same NA flag.
   */
  @Property(tries = 2_000)
  void theFastPathWithNaSettingsAgreesWithTheFullEvaluation(
      @ForAll("lines") ClaimLine line,
      @ForAll("contexts") PricingContext context,
      @ForAll boolean statedFactor) {
    LineEvaluator evaluator = new LineEvaluator(schedule(statedFactor), context);
    RvuEntry row = evaluator.quickRowOrNaOrNull(line);
    LineEvaluation full = evaluator.evaluate(line);
    if (context.placeOfService().isEmpty()) {
      assertEquals(full instanceof FeeCalculation, row != null, () -> line + " in " + context);
    }
    if (row != null) {
      FeeCalculation calculation = (FeeCalculation) full;
      assertSame(calculation.rvuEntry(), row, () -> line + " in " + context);
      assertEquals(
          calculation.postedNanoDollars(),
          evaluator.postedNanoDollars(line, row),
          () -> line + " in " + context);
      assertEquals(
          calculation.settingNotAvailable(),
          FeeCalculation.pricedSetting(row, context.setting()) != context.setting(),
          () -> line + " in " + context);
    }
  }

  @Property(tries = 500)
  void theScheduleExplainsAFastLineAsTheFullEvaluationDoes(
      @ForAll("lines") ClaimLine line, @ForAll("contexts") PricingContext context) {
    FeeResult result = SCHEDULE.price(line, context);
    LineEvaluation full = new LineEvaluator(SCHEDULE, context).evaluate(line);
    if (full instanceof FeeCalculation calculation) {
      assertEquals(calculation.settingNotAvailable(), result.settingNotAvailable());
      if (line.units() == 1 && context.participating()) {
        assertEquals(calculation.amount(), result.amountOrThrow(), () -> line + " in " + context);
      }
      assertTrue(
          result.explanation().toString().contains(calculation.explanation().toString()),
          () -> result.explanation() + " / " + calculation.explanation());
    }
  }

  @Provide
  Arbitrary<ClaimLine> lines() {
    List<RvuEntry> rows = SCHEDULE.rvus().all();
    // Half the lines are a row's own code and modifier, so that every row, a rare one such as a
    // 26 row or the PC/TC 8 row included, is priced in every setting and date.
    Arbitrary<ClaimLine> ownRow =
        Combinators.combine(Arbitraries.of(rows), Arbitraries.of("", "", " x2"))
            .as(
                (row, u) ->
                    ClaimLine.parse(row.code() + row.modifier().map(m -> "-" + m).orElse("") + u));
    return Arbitraries.oneOf(ownRow, anyLine(rows));
  }

  private static Arbitrary<ClaimLine> anyLine(List<RvuEntry> rows) {
    Arbitrary<String> codes =
        Arbitraries.oneOf(
            Arbitraries.of(rows).map(row -> row.code().toString()),
            Arbitraries.of("99999", "G9999", "0001F"));
    Arbitrary<String> modifiers =
        Arbitraries.of("", "-26", "-TC", "-53", "-25", "-26-TC", "-LT", "-TC-59", "-80");
    Arbitrary<String> units = Arbitraries.of("", "", " x2");
    return Combinators.combine(codes, modifiers, units).as((c, m, u) -> ClaimLine.parse(c + m + u));
  }

  @Provide
  Arbitrary<PricingContext> contexts() {
    Arbitrary<LocalDate> dates =
        Arbitraries.of(Fixtures.DATE_2025, LocalDate.of(2023, 6, 1), LocalDate.of(2026, 3, 1));
    Arbitrary<Locality> localities =
        Arbitraries.of(
            Fixtures.MANHATTAN,
            Fixtures.REST_OF_NEW_YORK,
            Fixtures.ALASKA,
            Locality.parse("99999-99"));
    Arbitrary<Setting> settings = Arbitraries.of(Setting.class);
    Arbitrary<Boolean> participating = Arbitraries.of(true, true, false);
    Arbitrary<Boolean> qualifyingApm = Arbitraries.of(false, false, true);
    Arbitrary<String> places = Arbitraries.of("", "", "", "11", "22");
    return Combinators.combine(dates, localities, settings, participating, qualifyingApm, places)
        .as(
            (d, l, s, p, apm, pos) -> {
              PricingContext context =
                  PricingContext.of(d, l, s).withParticipating(p).withQualifyingApmParticipant(apm);
              return pos.isEmpty()
                  ? context
                  : context.withPlaceOfService(PlaceOfService.parse(pos));
            });
  }
}
