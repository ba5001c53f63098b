package io.github.cpt4j.cli.input;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 bytes one line at a time, as {@link LineReader} reads characters, with the same
 * lines, numbers and limit; it only skips the character decoder and the character-at-a-time copy,
 * which cost the batch reader more than cutting its records did. A line is found in the bytes and
 * decoded whole, strictly: a byte that is not UTF-8 fails the read with a {@link
 * MalformedUtf8Exception} naming its line and place. A line longer than the limit comes back empty,
 * with {@link #truncated()} set: its text is never used, and keeping it would keep up to four bytes
 * a character of a line that may be endless.
 */
final class Utf8LineReader implements Lines {

  /** Eight bytes of the buffer as one {@code long}, for {@link #anyNotPlain}. */
  private static final VarHandle EIGHT_BYTES =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final InputStream in;
  private final int maxLength;
  private byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean atStart = true;
  private boolean afterCarriageReturn;
  private boolean eof;
  private boolean truncated;
  private boolean plain;
  private long lineNumber;

  /** The bytes of the line last found: {@code buffer[lineStart, lineEnd)}, empty when cut. */
  private int lineStart;

  private int lineEnd;

  /**
   * Creates a reader of {@code in}.
   *
   * @param maxLength the most characters (UTF-16 units, as {@link String#length()} counts) of one
   *     line that are read whole, at least 1
   */
  Utf8LineReader(InputStream in, int maxLength) {
    this.in = requireNonNull(in, "in");
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be positive, not " + maxLength);
    }
    this.maxLength = maxLength;
  }

  @Override
  public String next() throws IOException {
    if (!advance()) {
      return null;
    }
    return text();
  }

  /**
   * Returns the text of the line {@link #advance()} found last: empty when it was cut, else its
   * bytes decoded strictly.
   *
   * @throws MalformedUtf8Exception at the line's first byte that is not UTF-8
   */
  String text() throws MalformedUtf8Exception {
    if (truncated) {
      return "";
    }
    int n = lineEnd - lineStart;
    if (plain) {
      return new String(buffer, lineStart, n, StandardCharsets.US_ASCII);
    }
    for (int i = lineStart; i < lineEnd; i++) {
      if (buffer[i] < 0) {
        return strict(i);
      }
    }
    return new String(buffer, lineStart, n, StandardCharsets.US_ASCII);
  }

  /**
   * Decodes the line, whose first byte beyond ASCII is at {@code firstHigh}, refusing bytes that
   * are not UTF-8: a lenient decoding would put U+FFFD in their place and read on. The bytes are
   * checked by hand (the well-formed sequences of the Unicode Standard, table 3-7) and then decoded
   * by {@code String}, which a checking decoder took 8% more of a batch's CPU time than on lines
   * that are all beyond ASCII. Only lines with such bytes come here.
   */
  private String strict(int firstHigh) throws MalformedUtf8Exception {
    int i = firstHigh;
    while (i < lineEnd) {
      int b = buffer[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int length = sequenceLength(i, b);
      if (length == 0) {
        throw new MalformedUtf8Exception(lineNumber, i - lineStart + 1L, b);
      }
      i += length;
    }
    return new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
  }

  /** The length of the well-formed sequence led by {@code lead} at {@code i}, or 0 if none. */
  private int sequenceLength(int i, int lead) {
    int length;
    int low = 0x80;
    int high = 0xBF; // the range of the second byte; the others are always 80..BF
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      low = lead == 0xE0 ? 0xA0 : 0x80; // no overlong form
      high = lead == 0xED ? 0x9F : 0xBF; // no surrogate
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      low = lead == 0xF0 ? 0x90 : 0x80; // no overlong form
      high = lead == 0xF4 ? 0x8F : 0xBF; // nothing beyond U+10FFFF
    } else {
      return 0;
    }
    if (lineEnd - i < length) {
      return 0;
    }
    int second = buffer[i + 1] & 0xFF;
    if (second < low || second > high) {
      return 0;
    }
    for (int k = 2; k < length; k++) {
      int next = buffer[i + k] & 0xFF;
      if (next < 0x80 || next > 0xBF) {
        return 0;
      }
    }
    return length;
  }

  /**
   * Finds the next line as {@link #next()} does, without decoding it: its bytes are {@link
   * #bytes()} from {@link #start()} to {@link #end()} until the next call (none when it was cut).
   * The batch reader reads a {@linkplain #plain() plain} line's fields straight from them.
   *
   * @return false at the end of the input
   */
  boolean advance() throws IOException {
    truncated = false;
    plain = true;
    if (afterCarriageReturn) {
      afterCarriageReturn = false;
      if (position == limit) {
        fill(0);
      }
      if (position < limit && buffer[position] == '\n') {
        position++; // the second half of \r\n
      }
    }
    if (atStart) {
      atStart = false;
      while (limit - position < 3 && !eof) {
        fill(limit - position);
      }
      if (limit - position >= 3
          && buffer[position] == (byte) 0xEF
          && buffer[position + 1] == (byte) 0xBB
          && buffer[position + 2] == (byte) 0xBF) {
        position += 3;
      }
    }
    int start = position;
    int i = position;
    // At most four bytes a character: a line of more bytes than that is too long whatever it holds.
    long byteLimit = 4L * maxLength;
    while (true) {
      // Eight plain bytes at a time (printable ASCII but the quote): the most of a batch line.
      // Scanning a byte at a time was the reader thread's largest cost at 10,000,000 lines.
      while (limit - i >= 8 && !anyNotPlain((long) EIGHT_BYTES.get(buffer, i))) {
        i += 8;
      }
      if (i == limit) {
        int kept = i - start;
        if (kept > byteLimit) {
          skipLongLine();
          return true;
        }
        fill(kept);
        start = 0;
        i = kept;
        if (i == limit) { // the end of the input
          if (kept == 0) {
            return false;
          }
          position = limit;
          line(0, kept);
          return true;
        }
      }
      byte b = buffer[i];
      // One comparison for most bytes: line ends, control characters, and (signed) every byte of
      // a character beyond ASCII are below 0x20. DEL is a control too: a plain line is copied to
      // the output whole, so one would pass unremoved and could hide a formula after it.
      if (b < 0x20 || b == '"' || b == 0x7F) {
        if (b == '\n' || b == '\r') {
          position = i + 1;
          afterCarriageReturn = b == '\r';
          line(start, i);
          return true;
        }
        plain = false;
      }
      i++;
    }
  }

  /**
   * Tells whether any of the eight bytes of {@code word} is one the byte loop must look at: below
   * 0x20 (line ends and other controls), 0x7F (DEL, a control too) or above (a character beyond
   * ASCII), or a quote. Exact, with no false negative: a borrow of the subtractions starts only at
   * a byte that is below the subtrahend, and that byte is flagged itself (Bit Twiddling Hacks,
   * "hasless" and "haszero"); adding 1 to each byte's low seven bits carries into its high bit only
   * from 0x7F, never into the next byte.
   */
  static boolean anyNotPlain(long word) {
    long belowSpace = (word - 0x20 * ONES) & ~word;
    long quote = word ^ ('"' * ONES);
    long isQuote = (quote - ONES) & ~quote;
    long delOrAbove = word | ((word & ~HIGH_BITS) + ONES);
    return ((belowSpace | isQuote | delOrAbove) & HIGH_BITS) != 0;
  }

  private void line(int start, int end) {
    lineNumber++;
    int n = end - start;
    if (n > maxLength && units(start, end) > maxLength) {
      truncated = true;
      start = end;
    }
    lineStart = start;
    lineEnd = end;
  }

  /** The buffer holding the line {@link #advance()} found last; changes on the next call. */
  byte[] bytes() {
    return buffer;
  }

  /** Where the line last found starts in {@link #bytes()}. */
  int start() {
    return lineStart;
  }

  /** Where the line last found ends (exclusive, before its terminator) in {@link #bytes()}. */
  int end() {
    return lineEnd;
  }

  /** The characters (UTF-16 units) the bytes decode to, for valid UTF-8. */
  private long units(int start, int end) {
    long units = 0;
    for (int i = start; i < end; i++) {
      int b = buffer[i] & 0xFF;
      if ((b & 0xC0) != 0x80) {
        units += (b & 0xF8) == 0xF0 ? 2 : 1;
      }
    }
    return units;
  }

  /** Skips the rest of a line too long to keep, without keeping it. */
  private void skipLongLine() throws IOException {
    lineNumber++;
    truncated = true;
    lineStart = 0;
    lineEnd = 0;
    position = limit;
    while (true) {
      if (position == limit) {
        fill(0);
        if (position == limit) {
          return;
        }
      }
      byte b = buffer[position++];
      if (b == '\n' || b == '\r') {
        afterCarriageReturn = b == '\r';
        return;
      }
    }
  }

  /**
   * Moves the last {@code keep} bytes before {@link #limit} to the start of the buffer, growing it
   * if they fill it, and reads more after them; sets {@link #position} to 0 (the first kept byte).
   */
  private void fill(int keep) throws IOException {
    if (eof) {
      System.arraycopy(buffer, limit - keep, buffer, 0, keep);
      position = 0;
      limit = keep;
      return;
    }
    if (keep == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    } else {
      System.arraycopy(buffer, limit - keep, buffer, 0, keep);
    }
    position = 0;
    limit = keep;
    int n;
    do {
      n = in.read(buffer, limit, buffer.length - limit);
    } while (n == 0);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  @Override
  public long lineNumber() {
    return lineNumber;
  }

  @Override
  public boolean truncated() {
    return truncated;
  }

  @Override
  public boolean plain() {
    return plain && !truncated;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
