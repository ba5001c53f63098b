package io.github.cpt4j.text;

/**
 * The blanks the parsers of locality, quarter, place-of-service and ZIP code text allow around it:
 * the space, the tab and the other Unicode space separators (no-break, figure, ideographic...).
 * Narrower than {@link WhiteSpace}, the codes' rule: nothing else is trimmed, as {@code
 * String.strip()} would also drop line breaks and the information separators U+001C-U+001F, and
 * {@code trim()} every control character up to U+0020, NUL and escape included, which these parsers
 * promise to refuse. Public only for the packages of this module and the command line's: the
 * package is exported to that module alone.
 */
public final class Blanks {

  private Blanks() {}

  /** Returns {@code text} without the blanks at either end. */
  public static String strip(CharSequence text) {
    int start = 0;
    int end = text.length();
    while (start < end && isBlank(text.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(text.charAt(end - 1))) {
      end--;
    }
    return text.subSequence(start, end).toString();
  }

  /** Tells whether {@code c} is a blank: a tab or a space separator (Unicode category Zs). */
  public static boolean isBlank(char c) {
    return c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR;
  }
}
