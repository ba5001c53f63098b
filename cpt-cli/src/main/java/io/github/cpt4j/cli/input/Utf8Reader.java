package io.github.cpt4j.cli.input;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly: the first byte that is not UTF-8 fails the read with a {@link
 * MalformedUtf8Exception} naming its line and its byte in the line, where an {@code
 * InputStreamReader} puts a U+FFFD in its place and reads on. Lines are counted as {@link
 * LineReader} counts them ({@code \n}, {@code \r\n} or {@code \r}); a byte order mark at the start
 * is not counted as bytes of the first line.
 *
 * <pre>{@code
 * LineReader lines = new LineReader(new Utf8Reader(in), 1024);
 * }</pre>
 */
public final class Utf8Reader extends Reader {

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  private boolean eof;
  private boolean flushed;
  private MalformedUtf8Exception malformed;

  // Where the next byte to decode is: its line and how many bytes of that line came before it.
  private long line = 1;
  private long byteInLine;
  private boolean afterCarriageReturn;
  private boolean atStart = true;

  /** Creates a reader of the UTF-8 bytes {@code in}. */
  public Utf8Reader(InputStream in) {
    this.in = requireNonNull(in, "in");
    bytes.flip(); // empty, ready to be read from
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (malformed != null) {
      throw malformed;
    }
    CharBuffer out = CharBuffer.wrap(buffer, offset, length);
    while (out.position() == offset) {
      if (!bytes.hasRemaining() && eof) {
        if (!flushed) {
          flushed = true;
          decoder.decode(bytes, out, true);
          decoder.flush(out);
        }
        return out.position() == offset ? -1 : out.position() - offset;
      }
      int before = bytes.position();
      CoderResult result = decoder.decode(bytes, out, eof);
      count(before, bytes.position());
      if (result.isError()) {
        malformed =
            new MalformedUtf8Exception(line, byteInLine + 1, bytes.get(bytes.position()) & 0xFF);
        if (out.position() > offset) {
          break; // the text before the bad byte is read first, then the next read fails
        }
        throw malformed;
      }
      if (result.isUnderflow() && !eof) {
        fill();
      }
    }
    return out.position() - offset;
  }

  /** Reads more bytes after those not yet decoded (an incomplete character, say). */
  private void fill() throws IOException {
    bytes.compact();
    int n;
    do {
      n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    } while (n == 0);
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  /** Moves the line and byte counts over the bytes {@code [from, to)} just decoded. */
  private void count(int from, int to) {
    byte[] array = bytes.array();
    int i = from;
    if (atStart && to - from >= 3) {
      atStart = false;
      if (array[i] == (byte) 0xEF && array[i + 1] == (byte) 0xBB && array[i + 2] == (byte) 0xBF) {
        i += 3; // the byte order mark, which the line readers drop
      }
    } else if (atStart && to > from) {
      atStart = false;
    }
    for (; i < to; i++) {
      byte b = array[i];
      if (b == '\n') {
        if (!afterCarriageReturn) {
          line++;
        }
        afterCarriageReturn = false;
        byteInLine = 0;
      } else if (b == '\r') {
        line++;
        afterCarriageReturn = true;
        byteInLine = 0;
      } else {
        afterCarriageReturn = false;
        byteInLine++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
