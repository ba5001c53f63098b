package io.github.cpt4j.cli;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.text.WhiteSpace;
import java.util.Locale;

/**
 * A claim line written as text on the command line: the one grammar of {@code cpt price LINE...}
 * and {@code cpt validate}, so that validate accepts exactly what price prices. It is {@link
 * BilledLine#parse}'s: a claim line, then optionally {@code by} and the NPI of its rendering
 * provider ({@code 27447-80 by 1234567893}), so that the lines of a group's practitioners are each
 * judged by the same-day rules of their own. A charge ({@code $...}) or a date of service ({@code
 * on ...}) of that text form is refused: the lines are priced on {@code --date}, at the fee
 * schedule's amount. (validate once read lines with the claim line's grammar alone, and called the
 * {@code by} of a line price took a modifier of the wrong length.)
 *
 * <p>Every refusal is a {@link CodeFormatException} whose index is in the whole text, so that
 * validate reports it as it reports a malformed claim line.
 */
final class LineArgument {

  private LineArgument() {}

  /**
   * Reads {@code text}.
   *
   * @throws CodeFormatException with the type of the problem and its index in {@code text}, if the
   *     line is malformed, its NPI is not one, or it has a charge or a date
   */
  static BilledLine parse(String text) {
    requireNonNull(text, "text");
    int last = lastWordStart(text);
    String end = last < 0 ? "" : text.substring(last, endOfText(text)).strip();
    if (end.equalsIgnoreCase("by") || end.equalsIgnoreCase("on")) {
      // "27447-80 by $NPI" with the variable empty: the library reads the word as a modifier
      // (as "99213 by 25" is 99213-BY-25), which would price the line as another provider's.
      boolean by = end.equalsIgnoreCase("by");
      String modifier = end.toUpperCase(Locale.ROOT);
      throw new CodeFormatException(
          "the line ends with '"
              + end
              + "' and nothing after it: "
              + (by
                  ? "'by' takes the rendering provider's ten-digit NPI"
                  : "'on' takes a date, and lines given here are priced on --date")
              + " (a modifier "
              + modifier
              + " is written with a hyphen: -"
              + modifier
              + ")",
          text,
          by ? endOfText(text) : last,
          by ? ErrorType.WRONG_LENGTH : ErrorType.ILLEGAL_CHARACTER);
    }
    BilledLine line;
    try {
      line = BilledLine.parse(text);
    } catch (CodeFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      // A malformed NPI comes with the CodeFormatException that says what is wrong with it, at an
      // index in the NPI, which ends the text; a malformed charge or date is refused as any
      // charge or date is, rather than asked to be fixed.
      if (e.getCause() instanceof CodeFormatException npi) {
        int start = text.lastIndexOf(npi.input());
        throw new CodeFormatException(
            "a rendering provider is a ten-digit NPI that ends the line (99213 by 1234567893); "
                + npi.detail(),
            text,
            start < 0 ? endOfText(text) : start + npi.errorIndex(),
            npi.errorType());
      }
      throw noChargeOrDate(text);
    }
    if (line.charge().isPresent() || line.dateOfService().isPresent()) {
      throw noChargeOrDate(text);
    }
    return line;
  }

  /** The refusal of a charge or a date, at its {@code $} or its {@code on}. */
  private static CodeFormatException noChargeOrDate(String text) {
    int dollar = text.indexOf('$');
    int on = wordStart(text, "on");
    int index = dollar >= 0 && (on < 0 || dollar < on) ? dollar : on < 0 ? 0 : on;
    return new CodeFormatException(
        "a line given here has no charge ('$') or date ('on'): it is a claim line and optionally"
            + " its rendering provider ('by NPI'), priced on --date; price lines of several dates"
            + " with --input and a date column",
        text,
        index,
        ErrorType.ILLEGAL_CHARACTER);
  }

  /** The index after the last character that is not white space; 0 for blank text. */
  private static int endOfText(String text) {
    int end = text.length();
    while (end > 0 && WhiteSpace.isSpace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** The index of the text's last word after a blank, or -1 for text of one word. */
  private static int lastWordStart(String text) {
    int end = endOfText(text);
    int i = end;
    while (i > 0 && !WhiteSpace.isSpace(text.charAt(i - 1))) {
      i--;
    }
    int first = 0;
    while (first < end && WhiteSpace.isSpace(text.charAt(first))) {
      first++;
    }
    return i <= first ? -1 : i;
  }

  /** The index of the first {@code word} (any case) between blanks, or -1. */
  private static int wordStart(String text, String word) {
    int n = word.length();
    for (int i = 1; i + n < text.length(); i++) {
      if (WhiteSpace.isSpace(text.charAt(i - 1))
          && WhiteSpace.isSpace(text.charAt(i + n))
          && text.regionMatches(true, i, word, 0, n)) {
        return i;
      }
    }
    return -1;
  }
}
