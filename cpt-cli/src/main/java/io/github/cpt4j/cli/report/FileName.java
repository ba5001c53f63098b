package io.github.cpt4j.cli.report;

import java.util.Locale;

/**
 * A file name as error messages show it: quoted, on one line, and short enough to read. Control
 * characters (a newline, an escape that would recolour the terminal), invisible format characters
 * (a right-to-left override that would reorder what follows) and line separators are written as
 * {@code \}{@code uXXXX}; other characters, accented letters included, as they are. A name over
 * {@value #MAX_LENGTH} characters keeps its start and its end, which tells files apart in a long
 * path, around {@code ...}.
 */
public final class FileName {

  /** The longest name shown whole. */
  static final int MAX_LENGTH = 160;

  private static final int HEAD = 60;

  private FileName() {}

  /** Returns {@code name} quoted for a message: {@code 'claims.csv'}. */
  public static String quoted(String name) {
    return "'" + shown(name) + "'";
  }

  /** Returns {@code name} as a message shows it, unquoted, for the start of a line. */
  public static String shown(String name) {
    int n = name.length();
    StringBuilder sb = new StringBuilder(Math.min(n, MAX_LENGTH) + 8);
    if (n <= MAX_LENGTH) {
      append(sb, name, 0, n);
    } else {
      append(sb, name, 0, HEAD);
      sb.append("...");
      append(sb, name, n - (MAX_LENGTH - HEAD - 3), n);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = name.charAt(i);
      if (isHidden(c)) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
  }

  /** Tells whether {@code c} would act on the terminal or the text rather than show. */
  private static boolean isHidden(char c) {
    if (c >= 0x20 && c < 0x7F) {
      return false;
    }
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
