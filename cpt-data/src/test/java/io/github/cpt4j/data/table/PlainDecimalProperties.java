package io.github.cpt4j.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Cells#plainDecimal} reads a plain decimal exactly as {@code new BigDecimal} reads it (the
 * same digits and scale), and refuses whatever is not digits with at most one point, but for
 * thousands separators in their places before decimals, read without them.
 */
class PlainDecimalProperties {

  @Provide
  Arbitrary<String> plainDecimals() {
    Arbitrary<String> digits =
        Arbitraries.strings().withCharRange('0', '9').ofMinLength(0).ofMaxLength(14);
    return Arbitraries.oneOf(
        digits.filter(d -> !d.isEmpty()),
        Combinators.combine(digits, digits)
            .as((a, b) -> a + "." + b)
            .filter(t -> t.length() > 1 && t.length() <= 24));
  }

  @Property(tries = 2_000)
  void readsAsBigDecimalReads(@ForAll("plainDecimals") String text) {
    BigDecimal expected = new BigDecimal(text);
    BigDecimal read = Cells.plainDecimal(text);
    assertEquals(expected, read, text);
    assertEquals(expected.scale(), read.scale(), text);
  }

  /**
   * Digits grouped by thousands, then decimals: what a spreadsheet writes in a quoted field. The
   * first group is one to three digits, not starting with 0.
   */
  private static final Pattern GROUPED = Pattern.compile("[1-9][0-9]{0,2}(,[0-9]{3})+\\.[0-9]+");

  @Property(tries = 2_000)
  void anyTextIsReadAsBigDecimalReadsItOrRefused(@ForAll("almostDecimals") String text) {
    BigDecimal read = Cells.plainDecimal(text);
    boolean plain =
        !text.isEmpty()
            && text.length() <= 24
            && text.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')
            && text.chars().filter(c -> c == '.').count() <= 1
            && text.chars().anyMatch(c -> c >= '0' && c <= '9');
    if (plain) {
      assertEquals(new BigDecimal(text), read, text);
    } else if (text.length() <= 24 && GROUPED.matcher(text).matches()) {
      assertEquals(new BigDecimal(text.replace(",", "")), read, text);
    } else {
      assertNull(read, text);
    }
  }

  @Provide
  Arbitrary<String> groupedDecimals() {
    // At most 15 characters before the point and 7 from it: within the 24 characters read.
    return Combinators.combine(
            Arbitraries.longs().between(1_000, 999_999_999_999L),
            Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(6))
        .as((whole, decimals) -> String.format(Locale.ROOT, "%,d", whole) + "." + decimals);
  }

  /** Grouped digits read as the same digits without their commas, scale and all. */
  @Property(tries = 1_000)
  void readsThousandsGroupedAsTheDigitsWithoutCommas(@ForAll("groupedDecimals") String text) {
    BigDecimal expected = new BigDecimal(text.replace(",", ""));
    BigDecimal read = Cells.plainDecimal(text);
    assertEquals(expected, read, text);
    assertEquals(expected.scale(), read.scale(), text);
  }

  @Test
  void thousandsSeparatorsOnlyWhereTheyGroupThousandsBeforeDecimals() {
    assertEquals(new BigDecimal("1234.56"), Cells.plainDecimal("1,234.56"));
    assertEquals(new BigDecimal("12345678.90"), Cells.plainDecimal("12,345,678.90"));
    assertEquals(new BigDecimal("999999.9"), Cells.plainDecimal("999,999.9"));
    // 20 digits: past the fast sum, read by the general parser without the comma.
    assertEquals(
        new BigDecimal("1234.5678901234567890"), Cells.plainDecimal("1,234.5678901234567890"));
    for (String text :
        new String[] {
          "1,23.4", ",123", ",123.00", "1,,234", "1,,234.00", "12345,678", "12345,678.00",
          "1,234", "1,234.", "0,732", "0,123.45", "1,2345.6", "1,234,5.6", "1.234,56",
          "1,234.5,6", "1,234.56,", "1234,567.00", "1,234.5.6"
        }) {
      assertNull(Cells.plainDecimal(text), text);
    }
  }

  @Provide
  Arbitrary<String> almostDecimals() {
    return Arbitraries.strings().withChars("0123456789.-+eE ,x").ofMaxLength(30);
  }

  @Test
  void edges() {
    for (String text :
        new String[] {
          "0",
          "000",
          "0.00",
          "5.",
          ".5",
          "0012.50",
          "999999999999999999",
          "1000000000000000000",
          "123456789012345678901234",
          "12345678901234567.89"
        }) {
      BigDecimal expected = new BigDecimal(text);
      assertEquals(expected, Cells.plainDecimal(text), text);
      assertEquals(expected.scale(), Cells.plainDecimal(text).scale(), text);
    }
    for (String text : new String[] {"", ".", "..", "1.2.3", "-1", "+1", "1e5", " 1", "1,000"}) {
      assertNull(Cells.plainDecimal(text), text);
    }
    assertNull(Cells.plainDecimal("1234567890123456789012345"));
  }
}
