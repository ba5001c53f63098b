package io.github.cpt4j.claim;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import java.util.Optional;

/**
 * A National Provider Identifier: the ten-digit number that names a physician, practitioner or
 * supplier on a Medicare claim, such as the rendering provider of a claim line (CMS-1500 item 24J).
 *
 * <p>An NPI is nine digits and a check digit. CMS issues numbers starting with 1 or 2 (its
 * <i>Requirements for National Provider Identifier (NPI) and NPI Enumeration</i>); the check digit
 * is the Luhn check digit of the nine digits prefixed with the card issuer prefix {@code 80840}, as
 * the same text defines it. {@link #parse} checks both, so a mistyped digit is caught before it
 * splits one physician's lines into two. The number says nothing else: an NPI has no "embedded
 * intelligence" (the NPI final rule, 69 FR 3434), so whether it names a person or an organisation
 * (its entity type) is in the NPI registry's record, not in its digits.
 *
 * <p>Immutable; ordered by number.
 *
 * <pre>{@code
 * Npi npi = Npi.parse("1234567893");
 * npi.toString();                  // "1234567893"
 * Npi.tryParse("1234567890");      // Optional.empty(): the check digit is 3
 * }</pre>
 */
public final class Npi implements Comparable<Npi> {

  /** The number of digits of an NPI. */
  public static final int LENGTH = 10;

  /**
   * What the prefix 80840 adds to the Luhn sum of the nine digits: 8, 4 doubled, 8, 0 and 0 (the
   * constant 24 of CMS's text).
   */
  private static final int PREFIX_SUM = 24;

  private final long number;

  private Npi(long number) {
    this.number = number;
  }

  /**
   * Parses the ten digits of an NPI, without blanks or separators.
   *
   * @param text ten ASCII digits, such as {@code 1234567893}
   * @return the NPI
   * @throws CodeFormatException if {@code text} is not ten ASCII digits ({@code EMPTY}, {@code
   *     WRONG_LENGTH}, {@code ILLEGAL_CHARACTER}), does not start with 1 or 2 ({@code
   *     ILLEGAL_CHARACTER}), or its last digit is not the check digit of the others ({@code
   *     BAD_CHECK_DIGIT}); its error index says where
   */
  public static Npi parse(CharSequence text) {
    requireNonNull(text, "text");
    long number = scan(text);
    if (number >= 0) {
      return new Npi(number);
    }
    int index = (int) -(number + 1);
    if (text.length() == 0) {
      throw new CodeFormatException("an NPI is " + LENGTH + " digits", text, 0, ErrorType.EMPTY);
    }
    if (index == LENGTH - 1 && text.length() == LENGTH && isDigit(text.charAt(index))) {
      throw new CodeFormatException(
          "the check digit of an NPI starting " + text.subSequence(0, index) + " is " + check(text),
          text,
          index,
          ErrorType.BAD_CHECK_DIGIT);
    }
    if (index < text.length() && index < LENGTH) {
      throw new CodeFormatException(
          index == 0 && isDigit(text.charAt(0))
              ? "an NPI starts with 1 or 2"
              : "an NPI is digits only",
          text,
          index,
          ErrorType.ILLEGAL_CHARACTER);
    }
    throw new CodeFormatException(
        "an NPI is " + LENGTH + " digits, not " + text.length(),
        text,
        index,
        ErrorType.WRONG_LENGTH);
  }

  /**
   * Returns the NPI {@code text} is, or empty where {@link #parse} would throw. Never throws, for
   * any input: {@code null} gives empty, as the codes' {@code tryParse} do.
   *
   * @param text the text to parse, or null
   * @return the NPI, or empty
   */
  public static Optional<Npi> tryParse(CharSequence text) {
    long number = text == null ? -1 : scan(text);
    return number >= 0 ? Optional.of(new Npi(number)) : Optional.empty();
  }

  /**
   * {@return whether {@code text} is an NPI, as {@link #parse} reads it ({@code null} is not one)}
   *
   * @param text the text to check, or null
   */
  public static boolean isValid(CharSequence text) {
    return text != null && scan(text) >= 0;
  }

  /**
   * Returns the number {@code text} is, or {@code -(i + 1)} for the index {@code i} of the first
   * thing wrong with it (the length is wrong at index 10, or at the end of a shorter text).
   */
  private static long scan(CharSequence text) {
    int n = Math.min(text.length(), LENGTH);
    long number = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!isDigit(c) || i == 0 && c != '1' && c != '2') {
        return -(i + 1);
      }
      number = number * 10 + (c - '0');
    }
    if (text.length() != LENGTH) {
      return -(n + 1);
    }
    if (text.charAt(LENGTH - 1) - '0' != check(text)) {
      return -LENGTH;
    }
    return number;
  }

  /** Returns the check digit of the first nine digits of {@code text}, all digits. */
  private static int check(CharSequence text) {
    // Luhn from the right of the nine digits: the rightmost is doubled, then every other one.
    int sum = PREFIX_SUM;
    for (int i = 0; i < LENGTH - 1; i++) {
      int digit = text.charAt(LENGTH - 2 - i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (10 - sum % 10) % 10;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public int compareTo(Npi other) {
    return Long.compare(number, other.number);
  }

  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof Npi && ((Npi) other).number == number;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(number);
  }

  /** Returns the ten digits. */
  @Override
  public String toString() {
    return Long.toString(number);
  }
}
