package io.github.cpt4j.cli.input;

import java.io.IOException;
import java.util.Locale;

/**
 * Input that is not UTF-8: thrown at the first byte that does not decode, naming its line and its
 * place in the line, so that a Latin-1 or Windows file is refused where it goes wrong instead of
 * being read with replacement characters (U+FFFD) in place of its letters. The message says "file
 * line", as every message of the command line about a line of its input does: in a batch, "line"
 * alone names a claim's line.
 */
public final class MalformedUtf8Exception extends IOException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final long byteInLine;
  private final int value;

  /**
   * Creates the exception.
   *
   * @param line the 1-based line of the byte
   * @param byteInLine the 1-based place of the byte in its line, counted in bytes
   * @param value the byte, 0 to 255
   */
  public MalformedUtf8Exception(long line, long byteInLine, int value) {
    super(
        String.format(
            Locale.ROOT,
            "file line %d, byte %d: 0x%02X is not valid UTF-8; expected UTF-8 text (save a Latin-1 or"
                + " Windows-1252 file as UTF-8)",
            line,
            byteInLine,
            value));
    this.line = line;
    this.byteInLine = byteInLine;
    this.value = value;
  }

  /** Returns the 1-based line of the first byte that does not decode. */
  public long line() {
    return line;
  }

  /** Returns the 1-based place of that byte in its line, in bytes. */
  public long byteInLine() {
    return byteInLine;
  }

  /** Returns the byte, 0 to 255. */
  public int value() {
    return value;
  }
}
