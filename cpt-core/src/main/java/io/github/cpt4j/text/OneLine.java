package io.github.cpt4j.text;

/**
 * The rule for text that must print as one line, a code's or a modifier's description: no control
 * character (C0, the tab included, DEL or C1) and no line or paragraph separator, which break a
 * line as much as a newline does. The C1 controls (U+0080-U+009F) are no text either: in a
 * description they come from a Windows-1252 file read as ISO-8859-1, which has them where it has
 * curly quotes and dashes. The code set loader refuses them in a file first, where it can name the
 * charset that reads them as text; text built by hand or by other readers is refused here.
 */
public final class OneLine {

  private OneLine() {}

  /**
   * Returns what keeps {@code text} from being one line that is not blank, in the words that follow
   * the text's name in a refusal, {@code "is blank"} (blank as {@link WhiteSpace} sees it, a
   * no-break space alone too) or {@code "contains control character U+000A at index 7"}; or null
   * when it is such a line. The one wording of the builders that take such text, a code's
   * description, a modifier's and a fee schedule's name: {@code "the description of modifier P7 is
   * blank"}. Allocates nothing for a good text, so that the name is built only for a refusal.
   */
  public static String problemOf(CharSequence text) {
    if (WhiteSpace.isBlank(text)) {
      return "is blank";
    }
    int lineBreak = firstBreak(text);
    return lineBreak < 0 ? null : describeBreak(text, lineBreak);
  }

  /**
   * Returns {@code text} when it is one line that is not blank ({@link #problemOf}), for the
   * builders that print it into explanations and messages, a fee schedule's name among them.
   *
   * @param subject what the text is, for the refusal: {@code "a fee schedule's name"}
   * @throws IllegalArgumentException saying {@code subject} and the problem: {@code "a fee
   *     schedule's name is blank"}
   */
  public static String checked(String text, String subject) {
    String problem = problemOf(text);
    if (problem != null) {
      throw new IllegalArgumentException(subject + " " + problem);
    }
    return text;
  }

  /**
   * Returns the index of the first character of {@code text} that breaks its line, or -1: a control
   * character (C0, the tab included, DEL, C1) or a line or paragraph separator.
   */
  public static int firstBreak(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // The tab too, which ControlCharacters lets through as a blank of CMS's fields: it is
      // still a C0 control, no character of a printed line.
      if (c == '\t' || ControlCharacters.isControl(c) || c == '\u2028' || c == '\u2029') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns the words of a break at {@code index} of {@code text}: {@code "contains control
   * character U+000A at index 7"}.
   */
  static String describeBreak(CharSequence text, int index) {
    return "contains " + nameOf(text.charAt(index)) + " at index " + index;
  }

  /**
   * Returns the name of a character that breaks a line: {@code "control character U+000A"}, or
   * {@code "line separator U+2028"} (a separator is no control character).
   */
  public static String nameOf(char c) {
    String kind =
        c == '\u2028'
            ? "line separator"
            : c == '\u2029' ? "paragraph separator" : "control character";
    return kind + " U+" + String.format("%04X", (int) c);
  }
}
