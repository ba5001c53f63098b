package io.github.cpt4j.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link Cells#plainDecimal} reads a plain decimal exactly as {@code new BigDecimal} reads it (the
 * same digits and scale), and refuses whatever is not digits with at most one point.
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
    } else {
      assertNull(read, text);
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
