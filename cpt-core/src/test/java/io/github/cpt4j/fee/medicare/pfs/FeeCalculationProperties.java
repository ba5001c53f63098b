package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The laws of the exact Medicare formula. */
class FeeCalculationProperties {

  private static final Locality LOCALITY = Locality.parse("01112-05");

  @Provide
  Arbitrary<RvuEntry> entries() {
    // Small and round values often: with them the exact amount lands on half a cent, where the
    // rounding direction shows.
    Arbitrary<BigDecimal> rvu =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 40_000)),
                Tuple.of(1, Arbitraries.integers().between(0, 10)),
                Tuple.of(1, Arbitraries.of(0, 1, 5, 25, 50, 100, 125, 250, 40_000)))
            .map(n -> BigDecimal.valueOf(n, 2));
    Arbitrary<Integer> na = Arbitraries.integers().between(0, 2);
    return Combinators.combine(rvu, rvu, rvu, rvu, na)
        .as(
            (work, peNf, peF, mp, flag) ->
                RvuEntry.builder()
                    .code(ProcedureCode.parse("99213"))
                    .modifier(Optional.empty())
                    .workRvu(work)
                    .nonFacilityPeRvu(peNf)
                    .facilityPeRvu(peF)
                    .malpracticeRvu(mp)
                    .nonFacilityNa(flag == 1)
                    .facilityNa(flag == 2)
                    .indicators(Fixtures.rvuEntries().get(0).indicators())
                    .build());
  }

  @Provide
  Arbitrary<Gpci> gpcis() {
    Arbitrary<BigDecimal> index =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 2_500)),
                Tuple.of(1, Arbitraries.of(0, 500, 1_000, 1_500, 2_000, 2_500)))
            .map(n -> BigDecimal.valueOf(n, 3));
    return Combinators.combine(index, index, index)
        .as(
            (w, pe, mp) ->
                Fixtures.gpci(
                    LOCALITY,
                    "CA",
                    "TEST",
                    w.toPlainString(),
                    pe.toPlainString(),
                    mp.toPlainString()));
  }

  @Provide
  Arbitrary<ConversionFactor> factors() {
    return Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(1, 999_999)),
            Tuple.of(1, Arbitraries.of(1, 5_000, 10_000, 25_000, 125_000, 250_000, 999_999)))
        .map(
            n ->
                ConversionFactor.builder()
                    .effectiveFrom(LocalDate.of(2025, 1, 1))
                    .effectiveTo(LocalDate.of(2025, 12, 31))
                    .amount(BigDecimal.valueOf(n, 4))
                    .build());
  }

  /** The straightforward BigDecimal reading of CMS's formula, NA substitution included. */
  private static BigDecimal formula(RvuEntry rvu, Gpci gpci, ConversionFactor cf, Setting setting) {
    Setting priced = rvu.isNotAvailable(setting) ? setting.other() : setting;
    return rvu.workRvu()
        .multiply(gpci.work())
        .add(rvu.peRvu(priced).multiply(gpci.practiceExpense()))
        .add(rvu.malpracticeRvu().multiply(gpci.malpractice()))
        .multiply(cf.amount());
  }

  @Property
  void longArithmeticEqualsTheBigDecimalFormula(
      @ForAll("entries") RvuEntry rvu,
      @ForAll("gpcis") Gpci gpci,
      @ForAll("factors") ConversionFactor cf,
      @ForAll Setting setting) {
    FeeCalculation calculation = FeeCalculation.of(rvu, gpci, cf, setting, Optional.empty());
    BigDecimal expected = formula(rvu, gpci, cf, setting);
    assertEquals(0, expected.compareTo(calculation.exactAmount()));
    assertEquals(expected.setScale(2, RoundingMode.HALF_UP), calculation.amount());
    assertEquals(
        calculation.amount().movePointRight(9).longValueExact(), calculation.postedNanoDollars());
    assertEquals(
        0,
        calculation
            .workAmount()
            .add(calculation.practiceExpenseAmount())
            .add(calculation.malpracticeAmount())
            .compareTo(calculation.uncappedAmount()));
  }

  @Property
  void theAmountScalesWithTheConversionFactor(
      @ForAll("entries") RvuEntry rvu,
      @ForAll("gpcis") Gpci gpci,
      @ForAll("factors") ConversionFactor cf,
      @ForAll @IntRange(min = 1, max = 9) int multiple,
      @ForAll Setting setting) {
    ConversionFactor larger =
        ConversionFactor.builder()
            .effectiveFrom(cf.effectiveFrom())
            .effectiveTo(cf.effectiveTo())
            .amount(
                cf.amount().multiply(BigDecimal.valueOf(multiple)).min(new BigDecimal("999.9999")))
            .build();
    BigDecimal base = FeeCalculation.of(rvu, gpci, cf, setting, Optional.empty()).exactAmount();
    BigDecimal scaled =
        FeeCalculation.of(rvu, gpci, larger, setting, Optional.empty()).exactAmount();
    // amount(cf) / cf is the same for every conversion factor: exact cross-multiplication.
    assertEquals(0, base.multiply(larger.amount()).compareTo(scaled.multiply(cf.amount())));
  }

  @Property
  void facilityIsNeverAboveNonFacilityWhenItsPracticeExpenseIsNot(
      @ForAll("entries") RvuEntry rvu,
      @ForAll("gpcis") Gpci gpci,
      @ForAll("factors") ConversionFactor cf) {
    BigDecimal facility =
        FeeCalculation.of(rvu, gpci, cf, Setting.FACILITY, Optional.empty()).exactAmount();
    BigDecimal nonFacility =
        FeeCalculation.of(rvu, gpci, cf, Setting.NON_FACILITY, Optional.empty()).exactAmount();
    if (rvu.facilityPeRvu().compareTo(rvu.nonFacilityPeRvu()) <= 0
        || rvu.facilityNa()
        || rvu.nonFacilityNa()) {
      assertTrue(
          facility.compareTo(nonFacility) <= 0 || rvu.facilityNa() || rvu.nonFacilityNa(),
          facility + " > " + nonFacility);
    }
    if (rvu.facilityNa() || rvu.nonFacilityNa()) {
      assertEquals(0, facility.compareTo(nonFacility), "an NA setting is priced as the other");
    }
  }

  /**
   * The cap of the priced setting applies, not the other one's: the two caps are drawn apart (the
   * same amount for both settings let a cap read from the wrong setting pass).
   */
  @Property
  void theOppsCapOnlyLowersAndIsExact(
      @ForAll("entries") RvuEntry rvu,
      @ForAll("gpcis") Gpci gpci,
      @ForAll("factors") ConversionFactor cf,
      @ForAll @IntRange(min = 0, max = 500_000) int facilityCents,
      @ForAll @IntRange(min = 0, max = 500_000) int nonFacilityCents,
      @ForAll Setting setting) {
    OppsCap cap =
        OppsCap.builder()
            .code(rvu.code())
            .modifier(rvu.modifier())
            .locality(LOCALITY)
            .status(PaymentStatus.A)
            .facilityAmount(BigDecimal.valueOf(facilityCents, 2))
            .nonFacilityAmount(BigDecimal.valueOf(nonFacilityCents, 2))
            .build();
    BigDecimal capAmount =
        BigDecimal.valueOf(setting == Setting.FACILITY ? facilityCents : nonFacilityCents, 2);
    FeeCalculation capped = FeeCalculation.of(rvu, gpci, cf, setting, Optional.of(cap));
    BigDecimal uncapped = formula(rvu, gpci, cf, setting);
    assertEquals(0, uncapped.min(capAmount).compareTo(capped.exactAmount()));
    assertEquals(uncapped.setScale(2, RoundingMode.HALF_UP).min(capAmount), capped.amount());
    assertEquals(uncapped.compareTo(capAmount) > 0, capped.isOppsCapped());
    assertTrue(capped.amount().signum() >= 0);
  }

  /**
   * The cap the single-line path computes from a row's OPPS columns in long arithmetic is {@link
   * OppsCap#fromRvus}'s, to the cent, and -1 exactly when that has none (status other than A, or
   * every OPPS column zero).
   */
  @Property
  void theOppsCapFromTheRowsColumnsInLongsIsTheBigDecimalOne(
      @ForAll("entries") RvuEntry base,
      @ForAll("gpcis") Gpci gpci,
      @ForAll("factors") ConversionFactor cf,
      @ForAll @IntRange(min = 0, max = 4_000) int oppsNonFacility,
      @ForAll @IntRange(min = 0, max = 4_000) int oppsFacility,
      @ForAll @IntRange(min = 0, max = 400) int oppsMalpractice,
      @ForAll @IntRange(min = 0, max = 20) int indicatorRow,
      @ForAll Setting setting) {
    List<RvuEntry> rows = Fixtures.rvuEntries();
    RvuEntry rvu =
        RvuEntry.builder()
            .code(base.code())
            .modifier(base.modifier())
            .workRvu(base.workRvu())
            .nonFacilityPeRvu(base.nonFacilityPeRvu())
            .facilityPeRvu(base.facilityPeRvu())
            .malpracticeRvu(base.malpracticeRvu())
            .nonFacilityNa(base.nonFacilityNa())
            .facilityNa(base.facilityNa())
            .indicators(rows.get(indicatorRow % rows.size()).indicators())
            .oppsNonFacilityPeRvu(BigDecimal.valueOf(oppsNonFacility, 2))
            .oppsFacilityPeRvu(BigDecimal.valueOf(oppsFacility, 2))
            .oppsMalpracticeRvu(BigDecimal.valueOf(oppsMalpractice, 2))
            .build();
    long inLongs = FeeCalculation.oppsCapNanoDollars(rvu, gpci, cf, setting);
    Optional<OppsCap> cap = OppsCap.fromRvus(rvu, gpci, cf);
    if (cap.isEmpty()) {
      assertEquals(-1, inLongs, rvu::toString);
    } else {
      assertEquals(cap.get().amount(setting).movePointRight(9).longValueExact(), inLongs);
    }
    // The claim path's calculation, which makes the cap object only when read, is the one built
    // with fromRvus's cap: the same amounts, cap and explanation, whichever is read first.
    FeeCalculation eager = FeeCalculation.of(rvu, gpci, cf, setting, cap);
    FeeCalculation lazy = FeeCalculation.cappedByRowColumns(rvu, gpci, cf, setting);
    assertEquals(eager.exactNanoDollars(), lazy.exactNanoDollars(), rvu::toString);
    assertEquals(eager.isOppsCapped(), lazy.isOppsCapped());
    assertEquals(eager.explanation().toString(), lazy.explanation().toString());
    assertEquals(cap, lazy.oppsCap());
    assertEquals(
        cap, FeeCalculation.cappedByRowColumns(rvu, gpci, cf, setting).oppsCap(), "read first");
    // A calculation given no cap has none, whatever the row's OPPS columns say.
    assertEquals(
        Optional.empty(), FeeCalculation.of(rvu, gpci, cf, setting, Optional.empty()).oppsCap());
  }
}
