package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/**
 * The loaders' checks written by hand give what the regular expressions they replaced gave: the
 * GPCI loader's {@code withoutTrailingAsterisks} (line terminators at the end included) and the
 * anesthesia base unit loader's {@code isOneOrTwoDigits} (Unicode digits are not {@code \d}).
 */
class RegexFreeProperties {

  @Property(tries = 2000)
  void removesAsTheRegularExpression(
      @ForAll
          @StringLength(max = 10)
          @Chars({'a', '*', ' ', '\n', '\r', '\u0085', '\u2028', '\u2029', '\t'})
          String text) {
    assertEquals(text.replaceAll("\\*+$", ""), GpciFile.withoutTrailingAsterisks(text));
  }

  /**
   * Over the digits, their neighbours '/' and ':' (just outside '0'..'9'), and other digits that
   * {@code \d} does not take.
   */
  @Property(tries = 1000)
  void baseUnitsAsTheRegularExpression(
      @ForAll
          @StringLength(max = 4)
          @Chars({'0', '1', '9', '/', ':', 'a', ' ', '-', '\u0663', '\uFF11'})
          String value) {
    assertEquals(value.matches("\\d{1,2}"), AnesthesiaBaseUnitFile.isOneOrTwoDigits(value));
  }
}
