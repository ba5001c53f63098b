package io.github.cpt4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one reading of a date: {@code yyyy-MM-dd} with a four-digit year, where {@code
 * LocalDate.parse} also takes ISO's signed and longer years, each refusal saying what and where.
 */
class IsoDateTest {

  private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-2025-06-02  | 0  | '-' at index 0 is not a digit 0-9 (a year has four digits, without a"
            + " sign)",
        "+12025-06-02 | 0  | '+' at index 0 is not a digit 0-9 (a year has four digits, without a"
            + " sign)",
        "12025-06-02  | 4  | '5' at index 4 is not '-' (a year has four digits, without a sign)",
        "2025-6-02    | 6  | '-' at index 6 is not a digit 0-9",
        "2025-06-021  | 10 | '1' at index 10 follows the day",
        "2025-06-0    | 9  | it ends at index 9, before the 10 characters",
        "2025-13-01   | 5  | month 13 at index 5 is not 01 to 12",
        "2025-02-29   | 8  | day 29 at index 8 is not a day of 2025-02",
        "2025-06-00   | 8  | day 00 at index 8 is not a day of 2025-06",
        "2025/06/02   | 4  | '/' at index 4 is not '-'",
      })
  void refusesWhatIsNotYyyyMmDdSayingWhatAndWhere(String text, int index, String message) {
    DateTimeParseException e =
        assertThrows(DateTimeParseException.class, () -> IsoDate.parse(text));
    assertEquals(message, e.getMessage());
    assertEquals(index, e.getErrorIndex());
    assertEquals(text, e.getParsedString());
  }

  @Test
  void readsTheDaysOfFourDigitYearsOnly() {
    assertEquals(LocalDate.of(2025, 6, 2), IsoDate.parse("2025-06-02"));
    assertEquals(LocalDate.of(2024, 2, 29), IsoDate.parse("2024-02-29"));
    assertEquals(LocalDate.of(0, 1, 1), IsoDate.parse("0000-01-01"));
    assertEquals(LocalDate.of(9999, 12, 31), IsoDate.parse("9999-12-31"));
    assertEquals(
        "it is empty",
        assertThrows(DateTimeParseException.class, () -> IsoDate.parse("")).getMessage());
    // Only ASCII digits, as LocalDate.parse: a full-width 2 is no digit, and is quoted as escaped.
    assertEquals(
        "'\\uff12' at index 0 is not a digit 0-9",
        assertThrows(DateTimeParseException.class, () -> IsoDate.parse("\uff12025-06-02"))
            .getMessage());
  }

  /**
   * It takes exactly the texts {@code LocalDate.parse} takes that have a four-digit year, and reads
   * them alike.
   */
  @Property
  void agreesWithLocalDateParseOnFourDigitYears(@ForAll("dateLike") String text) {
    LocalDate iso;
    try {
      iso = LocalDate.parse(text);
    } catch (DateTimeException e) {
      iso = null;
    }
    LocalDate strict;
    try {
      strict = IsoDate.parse(text);
    } catch (DateTimeParseException e) {
      strict = null;
    }
    assertEquals(iso != null && FOUR_DIGIT_YEAR.matcher(text).matches() ? iso : null, strict, text);
  }

  @Property
  void readsBackEveryDateOfAFourDigitYear(@ForAll("fourDigitYears") LocalDate date) {
    assertEquals(date, IsoDate.parse(date.toString()));
  }

  @Provide
  Arbitrary<String> dateLike() {
    // Written dates of every year, and their characters shuffled, cut or signed.
    Arbitrary<String> written =
        Arbitraries.longs()
            .between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
            .map(d -> LocalDate.ofEpochDay(d).toString());
    Arbitrary<String> typed =
        Arbitraries.strings().withChars("0123456789-+/ ").ofMinLength(0).ofMaxLength(13);
    return Arbitraries.oneOf(written, typed, fourDigitYears().map(LocalDate::toString));
  }

  @Provide
  Arbitrary<LocalDate> fourDigitYears() {
    return Arbitraries.longs()
        .between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }
}
