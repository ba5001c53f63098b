package io.github.cpt4j.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one reading of a date written {@code yyyy-MM-dd}, such as {@code 2025-06-02}: four ASCII
 * digits of year, a hyphen, two of month, a hyphen, two of day, and nothing else. {@link
 * LocalDate#parse} also takes ISO 8601's signed and longer years ({@code -2025-06-02}, {@code
 * +12025-06-02}): typing mistakes that date a line thousands of years off, which a line's text form
 * and JSON then write back as given. The claim-line text form, the JSON module, the command line
 * and the data loaders all read dates with this, so that what one refuses the others refuse. It
 * does without {@link java.time.format.DateTimeFormatter}'s general machinery, which costs more
 * than pricing a line read from text. Public only for the modules the package is exported to.
 */
public final class IsoDate {

  /** The length of {@code yyyy-MM-dd}. */
  private static final int LENGTH = 10;

  /** What a signed or five-digit year is told. */
  private static final String FOUR_DIGITS = " (a year has four digits, without a sign)";

  private IsoDate() {}

  /**
   * Reads {@code text}, without white space around it, as {@code yyyy-MM-dd}.
   *
   * @throws DateTimeParseException if it is not such a date, or names no day ({@code 2025-02-30});
   *     its message says what is wrong and where, by the index in {@code text} that {@link
   *     DateTimeParseException#getErrorIndex()} also gives: {@code '-' at index 0 is not a digit
   *     0-9 (a year has four digits, without a sign)}
   */
  public static LocalDate parse(String text) {
    int n = text.length();
    for (int i = 0; i < LENGTH; i++) {
      if (i == n) {
        throw error(
            text,
            i,
            i == 0 ? "it is empty" : "it ends at index " + i + ", before the 10 characters");
      }
      char c = text.charAt(i);
      if (i == 4 || i == 7) {
        if (c != '-') {
          throw error(
              text,
              i,
              quote(c)
                  + " at index "
                  + i
                  + " is not '-'"
                  + (i == 4 && isDigit(c) ? FOUR_DIGITS : ""));
        }
      } else if (!isDigit(c)) {
        throw error(
            text,
            i,
            quote(c)
                + " at index "
                + i
                + " is not a digit 0-9"
                + (i == 0 && (c == '-' || c == '+') ? FOUR_DIGITS : ""));
      }
    }
    if (n > LENGTH) {
      throw error(text, LENGTH, quote(text.charAt(LENGTH)) + " at index 10 follows the day");
    }
    int month = number(text, 5, 7);
    if (month < 1 || month > 12) {
      throw error(text, 5, "month " + text.substring(5, 7) + " at index 5 is not 01 to 12");
    }
    try {
      return LocalDate.of(number(text, 0, 4), month, number(text, 8, 10));
    } catch (DateTimeException e) {
      throw error(
          text,
          8,
          "day " + text.substring(8, 10) + " at index 8 is not a day of " + text.substring(0, 7));
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The number the ASCII digits of {@code text} from {@code start} to {@code end} write. */
  private static int number(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + text.charAt(i) - '0';
    }
    return value;
  }

  /** Quotes {@code c} as the parsers quote input: anything unprintable as {@code \\u} and hex. */
  private static String quote(char c) {
    return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format(Locale.ROOT, "'\\u%04x'", (int) c);
  }

  private static DateTimeParseException error(String text, int index, String message) {
    return new DateTimeParseException(message, text, index);
  }
}
