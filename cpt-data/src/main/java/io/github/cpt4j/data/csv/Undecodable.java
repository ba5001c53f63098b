package io.github.cpt4j.data.csv;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a source stops being text in its charset: the first byte that does not decode, its line,
 * and its character in that line. The JDK's decoders say only "Input length = 1"; the loaders'
 * errors name this place instead, found by decoding the source again from its start.
 *
 * <p>Lines end at a line feed, a carriage return, or both together, as the CSV parser counts them.
 *
 * @param line the line of the byte, from 1
 * @param character the byte's character in its line, from 1: where the character it starts would be
 * @param badByte the byte, from 0 to 255
 */
public record Undecodable(long line, long character, int badByte) {

  private static final int BUFFER = 64 * 1024;

  /**
   * Says what is wrong, without the line, which an error names in its own place: {@code byte 0xED
   * at character 12 is not valid UTF-8}.
   */
  public String describe(Charset charset) {
    return String.format(
        Locale.ROOT,
        "byte 0x%02X at character %d is not valid %s",
        badByte,
        character,
        charset.name());
  }

  /**
   * Finds the first byte of {@code length} bytes of {@code bytes} from {@code offset} that does not
   * decode in {@code charset}; empty if they all do.
   */
  public static Optional<Undecodable> find(byte[] bytes, int offset, int length, Charset charset) {
    try {
      return find(new ByteArrayInputStream(bytes, offset, length), charset);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayInputStream never throws
    }
  }

  /**
   * Finds the first byte of {@code in} that does not decode in {@code charset}, reading at most up
   * to it; empty if every byte decodes (a file that changed since it failed). Does not close {@code
   * in}.
   */
  public static Optional<Undecodable> find(InputStream in, Charset charset) throws IOException {
    requireNonNull(in, "in");
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    CharBuffer chars = CharBuffer.allocate(BUFFER);
    long line = 1;
    long character = 1;
    boolean afterReturn = false;
    for (; ; ) {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      boolean last = n < 0;
      if (n > 0) {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
      CoderResult result;
      do {
        result = decoder.decode(bytes, chars, last);
        chars.flip();
        while (chars.hasRemaining()) {
          char c = chars.get();
          if (c == '\n' && afterReturn) {
            afterReturn = false; // the second half of a CR LF line break
          } else if (c == '\n' || c == '\r') {
            line++;
            character = 1;
            afterReturn = c == '\r';
          } else {
            character++;
            afterReturn = false;
          }
        }
        chars.clear();
      } while (result.isOverflow());
      if (result.isError()) {
        return Optional.of(new Undecodable(line, character, bytes.get(bytes.position()) & 0xFF));
      }
      if (last) {
        return Optional.empty();
      }
      bytes.compact();
    }
  }
}
