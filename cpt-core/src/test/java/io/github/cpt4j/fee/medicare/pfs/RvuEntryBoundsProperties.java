package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every RVU column of a row takes 0 to 99999.99 and refuses anything else with the documented
 * {@code IllegalArgumentException} naming the column, whatever the value: a builder or a loader
 * must never see an {@code ArithmeticException} from the fixed-point copies made for pricing.
 */
class RvuEntryBoundsProperties {

  private static final BigDecimal MAX = new BigDecimal("99999.99");

  private static final RvuEntry BASE = Fixtures.rvuEntries().get(0);

  /** The seven RVU columns, by the name the check reports. */
  private static final String[] COLUMNS = {
    "workRvu",
    "nonFacilityPeRvu",
    "facilityPeRvu",
    "malpracticeRvu",
    "oppsNonFacilityPeRvu",
    "oppsFacilityPeRvu",
    "oppsMalpracticeRvu",
  };

  private static RvuEntry with(String column, BigDecimal value) {
    // The builder is strict: each column is set once, to the row's value or to the one tried.
    return RvuEntry.builder()
        .code(BASE.code())
        .modifier(BASE.modifier())
        .indicators(BASE.indicators())
        .workRvu(column.equals("workRvu") ? value : BASE.workRvu())
        .nonFacilityPeRvu(column.equals("nonFacilityPeRvu") ? value : BASE.nonFacilityPeRvu())
        .facilityPeRvu(column.equals("facilityPeRvu") ? value : BASE.facilityPeRvu())
        .malpracticeRvu(column.equals("malpracticeRvu") ? value : BASE.malpracticeRvu())
        .oppsNonFacilityPeRvu(
            column.equals("oppsNonFacilityPeRvu") ? value : BASE.oppsNonFacilityPeRvu())
        .oppsFacilityPeRvu(column.equals("oppsFacilityPeRvu") ? value : BASE.oppsFacilityPeRvu())
        .oppsMalpracticeRvu(column.equals("oppsMalpracticeRvu") ? value : BASE.oppsMalpracticeRvu())
        .build();
  }

  @Property(tries = 300)
  void anyValueBuildsOrIsRefusedNamingItsColumn(
      @ForAll("columns") String column, @ForAll("values") BigDecimal value) {
    boolean inRange =
        value.signum() >= 0 && value.compareTo(MAX) <= 0 && value.stripTrailingZeros().scale() <= 2;
    if (inRange) {
      with(column, value); // builds
      return;
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> with(column, value));
    assertTrue(e.getMessage().contains(column), e::getMessage);
  }

  @Property(tries = 50)
  void anOppsColumnBeyondAnIntOfHundredthsIsRefusedLikeAnyOther(
      @ForAll("oppsColumns") String column) {
    // 21474836.48 RVUs is 2^31 hundredths: the largest value an int copy cannot hold.
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> with(column, new BigDecimal("21474836.48")));
    assertEquals(
        "90834: " + column + " must be 0 to 99999.99 with at most two decimals, not 21474836.48",
        e.getMessage());
  }

  @Provide
  Arbitrary<String> columns() {
    return Arbitraries.of(COLUMNS);
  }

  @Provide
  Arbitrary<String> oppsColumns() {
    return Arbitraries.of(COLUMNS[4], COLUMNS[5], COLUMNS[6]);
  }

  @Provide
  Arbitrary<BigDecimal> values() {
    return Arbitraries.oneOf(
        Arbitraries.bigDecimals().between(BigDecimal.ZERO, MAX).ofScale(2),
        Arbitraries.bigDecimals()
            .between(new BigDecimal("-1E+30"), new BigDecimal("1E+30"))
            .ofScale(4),
        Arbitraries.integers().between(-40, 40).map(e -> BigDecimal.ONE.scaleByPowerOfTen(e)),
        Arbitraries.of(
            new BigDecimal("21474836.47"),
            new BigDecimal("21474836.48"),
            new BigDecimal("1E+999999"),
            new BigDecimal("-0.00"),
            new BigDecimal("100000.00")));
  }
}
