package io.github.cpt4j.cli.report;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes JSON values by hand (RFC 8259), without a JSON library. Strings are escaped so that the
 * output is valid JSON and valid UTF-8 for any input, including control characters and unpaired
 * surrogates read from malformed files.
 */
public final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /**
   * Appends a cell as a JSON value: {@code null}, a number, {@code true}/{@code false}, or a string
   * for anything else.
   */
  public static void appendValue(Appendable out, Object value) throws IOException {
    if (value == null) {
      out.append("null");
    } else if (value instanceof BigDecimal) {
      out.append(((BigDecimal) value).toPlainString());
    } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      out.append(value.toString());
    } else {
      appendString(out, value.toString());
    }
  }

  /**
   * Appends {@code text} as a quoted JSON string. Escapes the quote, the backslash, every control
   * character, U+2028 and U+2029 (not allowed raw in JavaScript strings) and unpaired surrogates
   * (which no encoder can write as UTF-8); everything else is written as it is.
   */
  public static void appendString(Appendable out, CharSequence text) throws IOException {
    out.append('"');
    int n = text.length();
    int run = 0; // start of the pending run of characters that need no escape
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      String escape = null;
      boolean unicode = false;
      if (c == '"') {
        escape = "\\\"";
      } else if (c == '\\') {
        escape = "\\\\";
      } else if (c < 0x20) {
        switch (c) {
          case '\n':
            escape = "\\n";
            break;
          case '\r':
            escape = "\\r";
            break;
          case '\t':
            escape = "\\t";
            break;
          case '\b':
            escape = "\\b";
            break;
          case '\f':
            escape = "\\f";
            break;
          default:
            unicode = true;
        }
      } else if (c == '\u2028' || c == '\u2029') {
        unicode = true;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++; // a valid pair is written as it is
          continue;
        }
        unicode = true;
      } else if (Character.isLowSurrogate(c)) {
        unicode = true; // a low surrogate not preceded by a high one
      }
      if (escape == null && !unicode) {
        continue;
      }
      out.append(text, run, i);
      if (escape != null) {
        out.append(escape);
      } else {
        out.append("\\u")
            .append(HEX[c >> 12])
            .append(HEX[(c >> 8) & 0xf])
            .append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
      run = i + 1;
    }
    out.append(text, run, n);
    out.append('"');
  }
}
