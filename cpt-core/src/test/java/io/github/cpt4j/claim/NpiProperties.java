package io.github.cpt4j.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The laws of NPIs: the round trip, the check digit catching any one mistyped digit, totality. */
class NpiProperties {

  /** The check digit of nine digits as CMS's text defines it: Luhn's over 80840 and the nine. */
  static int checkDigit(String nine) {
    String digits = "80840" + nine;
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }

  /** NPIs, individuals' and organisations'. */
  @Provide
  static Arbitrary<String> npis() {
    return Arbitraries.integers()
        .between(0, 99_999_999)
        .flatMap(
            rest ->
                Arbitraries.of('1', '2')
                    .map(
                        first -> {
                          String nine = first + String.format("%08d", rest);
                          return nine + checkDigit(nine);
                        }));
  }

  @Property
  void parseThenToStringGivesTheText(@ForAll("npis") String text) {
    Npi npi = Npi.parse(text);
    assertEquals(text, npi.toString());
    assertEquals(npi, Npi.parse(npi.toString()));
    assertTrue(Npi.isValid(text));
  }

  @Property
  void anyOneMistypedDigitIsCaught(
      @ForAll("npis") String text,
      @ForAll("positions") int position,
      @ForAll("digits") char digit) {
    char[] chars = text.toCharArray();
    if (chars[position] == digit) {
      return;
    }
    chars[position] = digit;
    assertFalse(Npi.isValid(new String(chars)), new String(chars));
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, Npi.LENGTH - 1);
  }

  @Provide
  Arbitrary<Character> digits() {
    return Arbitraries.chars().range('0', '9');
  }

  @Property
  void orderIsTheOrderOfTheNumbers(@ForAll("npis") String a, @ForAll("npis") String b) {
    assertEquals(
        Integer.signum(Long.compare(Long.parseLong(a), Long.parseLong(b))),
        Integer.signum(Npi.parse(a).compareTo(Npi.parse(b))));
  }

  /**
   * Text an NPI parser meets: NPIs, NPIs with one digit changed, dropped or added, and any text.
   * Any text alone was never all digits (none of 1,000 tries), so the wrong check digit, the
   * commonest mistake, was never read.
   */
  @Provide
  Arbitrary<String> npiLikeText() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, Npi.LENGTH);
    return Arbitraries.oneOf(
        npis(),
        Combinators.combine(npis(), at, digits())
            .as(
                (npi, i, digit) -> {
                  int position = i % Npi.LENGTH;
                  return npi.substring(0, position) + digit + npi.substring(position + 1);
                }),
        Combinators.combine(npis(), at)
            .as((npi, i) -> npi.substring(0, i % Npi.LENGTH) + npi.substring(i % Npi.LENGTH + 1)),
        Combinators.combine(npis(), at, digits())
            .as((npi, i, digit) -> npi.substring(0, i) + digit + npi.substring(i)),
        Arbitraries.strings().all().ofMaxLength(12));
  }

  @Property
  void parseThrowsNothingButItsOwnExceptionAndAgreesWithIsValid(
      @ForAll("npiLikeText") String text) {
    boolean valid;
    try {
      Npi.parse(text);
      valid = true;
      Statistics.label("read as").collect("an NPI");
    } catch (CodeFormatException e) {
      valid = false;
      assertTrue(e.errorIndex() >= 0 && e.errorIndex() <= text.length(), e.getMessage());
      Statistics.label("read as").collect(e.errorType());
    }
    assertEquals(valid, Npi.isValid(text));
    assertEquals(valid, Npi.tryParse(text).isPresent());
    Statistics.label("read as")
        .coverage(
            c -> {
              c.check("an NPI").percentage(p -> p > 10);
              c.check(ErrorType.BAD_CHECK_DIGIT).percentage(p -> p > 10);
              c.check(ErrorType.WRONG_LENGTH).percentage(p -> p > 10);
            });
  }
}
