package io.github.cpt4j.cli.input;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text one line at a time in constant memory, whatever the input. Unlike {@link
 * java.io.BufferedReader#readLine()}, a line longer than the limit is not kept whole: its first
 * {@code maxLength} characters are returned and the rest is skipped, and {@link #truncated()} says
 * so. Lines end at {@code \n}, {@code \r\n} or {@code \r}; a byte order mark at the very start is
 * dropped.
 *
 * <pre>{@code
 * LineReader lines = new LineReader(reader, 1024);
 * for (String line; (line = lines.next()) != null; ) {
 *   long number = lines.lineNumber();   // 1-based
 * }
 * }</pre>
 */
public final class LineReader implements Lines {

  private final Reader in;
  private final int maxLength;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder(128);
  private int position;
  private int limit;
  private boolean atStart = true;
  private boolean afterCarriageReturn;
  private boolean truncated;
  private long length;
  private long lineNumber;

  /**
   * Creates a reader of {@code in}.
   *
   * @param maxLength the most characters of one line that are kept, at least 1
   */
  public LineReader(Reader in, int maxLength) {
    this.in = requireNonNull(in, "in");
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be positive, not " + maxLength);
    }
    this.maxLength = maxLength;
  }

  /**
   * Returns the next line without its terminator, or {@code null} at the end of the input.
   *
   * @throws IOException if the underlying reader fails
   */
  @Override
  public String next() throws IOException {
    line.setLength(0);
    truncated = false;
    length = 0;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!any) {
          return null;
        }
        break;
      }
      char c = buffer[position++];
      if (afterCarriageReturn) {
        afterCarriageReturn = false;
        if (c == '\n') {
          continue; // the second half of \r\n
        }
      }
      if (atStart) {
        atStart = false;
        if (c == '\uFEFF') {
          continue;
        }
      }
      any = true;
      if (c == '\n') {
        break;
      }
      if (c == '\r') {
        afterCarriageReturn = true;
        break;
      }
      length++;
      if (line.length() < maxLength) {
        line.append(c);
      } else {
        truncated = true;
      }
    }
    lineNumber++;
    return line.toString();
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /** Returns the 1-based number of the line last returned by {@link #next()}, 0 before. */
  @Override
  public long lineNumber() {
    return lineNumber;
  }

  /** Tells whether the line last returned was longer than the limit and so was cut. */
  @Override
  public boolean truncated() {
    return truncated;
  }

  /** Returns the full length of the line last returned, before any cut. */
  public long length() {
    return length;
  }

  /** Returns the most characters of a line that {@link #next()} keeps. */
  public int maxLength() {
    return maxLength;
  }

  /** Closes the underlying reader. */
  @Override
  public void close() throws IOException {
    in.close();
  }
}
