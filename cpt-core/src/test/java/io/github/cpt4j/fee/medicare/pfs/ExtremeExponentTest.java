package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.fee.medicare.ApmProviders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A value whose exponent is near the ends of an int ("1E+2147483647") is refused by the value
 * types' own checks with an {@code IllegalArgumentException}, not an {@code ArithmeticException}
 * from the fixed-point copies made for pricing.
 */
class ExtremeExponentTest {

  @ParameterizedTest
  @ValueSource(strings = {"1E+2147483647", "1E+2147483000", "9E+19", "1E-2147483647"})
  void aConversionFactorRefusesIt(String amount) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Fixtures.cf("2025-01-01", "2025-12-31", amount, ApmProviders.ALL));
    assertEquals(IllegalArgumentException.class, e.getClass());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1E+2147483647", "1E+2147483000", "9E+19", "1E-2147483647"})
  void aGpciRefusesIt(String index) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Fixtures.gpci(Fixtures.MANHATTAN, "NY", "TEST", index, "1", "1"));
    assertEquals(IllegalArgumentException.class, e.getClass());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0E+2147483647", "0E-2147483647", "0E+999999999"})
  void zeroWhateverItsExponentIsZero(String zero) {
    Gpci gpci = Fixtures.gpci(Fixtures.MANHATTAN, "NY", "TEST", zero, "1", "1");
    assertEquals(0, gpci.work().signum());
  }
}
