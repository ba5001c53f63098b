package io.github.cpt4j.code;

import static java.util.Objects.requireNonNull;

/**
 * Thrown when text is not a well-formed procedure code, modifier, claim line or NPI.
 *
 * <p>Like {@link java.time.format.DateTimeParseException}, it carries the offending input and the
 * index at which parsing failed, plus an {@link ErrorType} saying what kind of mistake it was, so
 * that callers can report "line 12, column 3: lower-case letter" without parsing messages.
 *
 * <pre>{@code
 * try {
 *   CptCode.parse("9921");
 * } catch (CodeFormatException e) {
 *   e.errorType();   // WRONG_LENGTH
 *   e.errorIndex();  // 4
 * }
 * }</pre>
 */
public final class CodeFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** How much of the input the message quotes; longer inputs are cut and marked. */
  static final int MAX_QUOTED_INPUT = 64;

  /** What kind of mistake the input contains. */
  public enum ErrorType {
    /** The input has no characters at all. */
    EMPTY("is empty"),
    /** The input has too few or too many characters for any code shape. */
    WRONG_LENGTH("has the wrong length"),
    /** Leading or trailing white space; the strict parsers do not trim. */
    SURROUNDING_WHITESPACE("has white space around it"),
    /**
     * A lower-case letter where the strict form needs upper case, one that the lenient parsers
     * accept: a lower-case Level II letter not in use ({@code w1234}) is {@link
     * #LETTER_NOT_IN_USE}, a lower-case suffix no CPT code uses ({@code 0001x}) {@link
     * #BAD_SUFFIX}.
     */
    LOWER_CASE("has a lower-case letter"),
    /**
     * A character that can never appear at that position: punctuation, control characters,
     * surrogates, non-ASCII digits (Arabic-Indic, full-width) or a letter where a digit belongs.
     * Only within a code's five characters: any character after five that make a code, a control
     * character too ({@code "99213\0"}), is {@link #WRONG_LENGTH} at index 5, the first problem;
     * trailing white space is {@link #SURROUNDING_WHITESPACE}.
     */
    ILLEGAL_CHARACTER("has an illegal character"),
    /** The fifth character of a CPT code is a letter other than A, F, M, T or U. */
    BAD_SUFFIX("has a suffix letter that no CPT code uses"),
    /**
     * A Level II code starting with a letter that HCPCS does not use (I, O, W to Z), in either
     * case.
     */
    LETTER_NOT_IN_USE("starts with a letter that HCPCS Level II does not use"),
    /** A well-formed code of the other level: a Level II code given to the CPT parser or back. */
    WRONG_LEVEL("is a code of the other HCPCS level"),
    /** A claim line with more than four modifiers (a claim form has four slots). */
    TOO_MANY_MODIFIERS("has more than four modifiers"),
    /** A claim line whose units are not a whole number from 1 to 99999. */
    BAD_UNITS("has bad units"),
    /** A claim line whose anesthesia minutes are not a whole number from 1 to 9999. */
    BAD_MINUTES("has bad anesthesia minutes"),
    /** An NPI whose last digit is not the check digit of the others: a digit is mistyped. */
    BAD_CHECK_DIGIT("has a wrong check digit");

    private final String phrase;

    ErrorType(String phrase) {
      this.phrase = phrase;
    }

    /** {@return a short phrase completing "the input ...", used in messages} */
    public String phrase() {
      return phrase;
    }
  }

  /** What was expected, in a few words: the end of the message. */
  private final String detail;

  /** The text that failed to parse, whole, as it was given. */
  private final String input;

  /** The zero-based index in {@code input} at which the problem was found. */
  private final int errorIndex;

  /** What kind of mistake the input contains. */
  private final ErrorType errorType;

  /**
   * Creates an exception.
   *
   * @param detail what was expected, in a few words, appended to the message
   * @param input the text that failed to parse
   * @param errorIndex the index in {@code input} at which the problem was found
   * @param errorType the kind of problem
   */
  public CodeFormatException(
      String detail, CharSequence input, int errorIndex, ErrorType errorType) {
    super(
        message(
            requireNonNull(detail, "detail"),
            requireNonNull(input, "input"),
            errorIndex,
            requireNonNull(errorType, "errorType")));
    this.detail = detail;
    this.input = input.toString();
    this.errorIndex = errorIndex;
    this.errorType = errorType;
  }

  private static String message(String detail, CharSequence input, int index, ErrorType type) {
    return "'" + quoted(input) + "' " + type.phrase() + " at index " + index + ": " + detail;
  }

  /**
   * Returns {@code input} as every cpt4j message quotes it: in single quotes, at most {@value
   * #MAX_QUOTED_INPUT} characters and then {@code ...}, anything but printable ASCII escaped as
   * {@code \\u} and four lower-case hex digits. A message built with it stays one short line
   * whatever the input (a 1 MB cell, a NUL, a terminal escape).
   *
   * <pre>{@code
   * CodeFormatException.quote("13282-99\0")   // "'13282-99\\u0000'"
   * CodeFormatException.quote("a\033[31m")    // "'a\\u001b[31m'"
   * }</pre>
   *
   * @param input the text to quote, such as a cell or line of a user's file
   * @return the text in single quotes, shortened and escaped as above
   */
  public static String quote(CharSequence input) {
    return "'" + quoted(requireNonNull(input, "input")) + "'";
  }

  /** Quotes at most {@value #MAX_QUOTED_INPUT} characters, escaping anything unprintable. */
  static String quoted(CharSequence input) {
    int n = Math.min(input.length(), MAX_QUOTED_INPUT);
    StringBuilder sb = new StringBuilder(n + 8);
    for (int i = 0; i < n; i++) {
      char c = input.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    if (input.length() > n) {
      sb.append("...");
    }
    return sb.toString();
  }

  /** {@return the complete input that failed to parse} */
  public String input() {
    return input;
  }

  /** {@return the index in {@link #input()} at which the problem was found} */
  public int errorIndex() {
    return errorIndex;
  }

  /** {@return the kind of problem} */
  public ErrorType errorType() {
    return errorType;
  }

  /**
   * {@return what was expected, in a few words: the end of the message ({@code expected exactly
   * five characters}), for a caller that reports the problem in its own words}
   */
  public String detail() {
    return detail;
  }
}
