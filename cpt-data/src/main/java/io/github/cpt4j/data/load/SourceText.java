package io.github.cpt4j.data.load;

import io.github.cpt4j.data.csv.TextStart;
import io.github.cpt4j.data.csv.Undecodable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a whole source into checked text: at most {@link #MAX_BYTES}, strictly decoded (a byte that
 * is not valid in the charset is an error, never a silent replacement character), a UTF-8
 * byte-order mark removed, a UTF-16 one named when the charset is not UTF-16, every line at most
 * {@link #MAX_LINE_LENGTH} characters, and no control characters other than tab, carriage return
 * and line feed (a DOS end-of-file mark that ends the source is dropped), the C1 controls U+0080 to
 * U+009F included: text never uses them, and a Windows-1252 file read as ISO-8859-1 has them where
 * it has curly quotes and dashes, so the error says to read it as windows-1252.
 */
final class SourceText {

  /** The longest line accepted: long descriptors stay far below. */
  static final int MAX_LINE_LENGTH = 10_000;

  /** The largest source accepted: the AMA's long descriptor file is a few megabytes. */
  static final int MAX_BYTES = 64 << 20;

  private SourceText() {}

  /** Reads and checks all of {@code in}; does not close it. */
  static String read(InputStream in, Charset charset, String sourceName) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (bytes.size() + n > MAX_BYTES) {
        throw new DataLoadException(
            sourceName,
            0,
            0,
            "the source is larger than "
                + (MAX_BYTES >> 20)
                + " MiB; expected a code file of at most that size");
      }
      bytes.write(buffer, 0, n);
    }
    return decode(bytes.toByteArray(), charset, sourceName);
  }

  /**
   * Decodes {@code bytes}. A leading UTF-8 byte-order mark is removed and makes the text UTF-8,
   * whatever {@code charset} says: the mark is proof of the encoding.
   */
  static String decode(byte[] bytes, Charset charset, String sourceName) throws DataLoadException {
    int offset = 0;
    Charset actual = charset;
    if (TextStart.hasUtf8Mark(bytes, bytes.length)) {
      offset = TextStart.UTF8_MARK_LENGTH;
      actual = StandardCharsets.UTF_8;
    } else {
      Optional<String> mark = TextStart.byteOrderMark(bytes, bytes.length);
      if (mark.isPresent()
          && !charset.name().startsWith("UTF-16")
          && !charset.name().startsWith("UTF-32")) {
        // Decoded as UTF-8 the mark is a byte that is not UTF-8, whose hint says to try Latin-1; in
        // Latin-1, every other character is a NUL. Neither says what the file is. The charset named
        // is the one that reads the mark and either byte order: UTF-16 or UTF-32.
        String family = mark.get().substring(0, "UTF-16".length());
        throw new DataLoadException(
            sourceName,
            1,
            0,
            "the source is "
                + family
                + " (it starts with a "
                + mark.get()
                + " byte order mark), not "
                + charset.name()
                + ": load it with charset "
                + family);
      }
    }
    boolean unicode = actual.name().startsWith("UTF-16") || actual.name().startsWith("UTF-32");
    if (offset == 0 && !unicode) {
      // Read as text, an archive or a PDF failed on its first byte that is no text, or on a
      // descriptor column it lacks: neither says what the file is.
      Optional<String> document = TextStart.notText(bytes, bytes.length, "a code file", "CSV");
      if (document.isPresent()) {
        throw new DataLoadException(sourceName, 1, 0, document.get());
      }

      Optional<String> wide = TextStart.wideWithoutMark(bytes, bytes.length);
      if (wide.isPresent()) {
        // Decoded as UTF-8 the NULs pass and the first non-ASCII byte fails with the hint to try
        // Latin-1; in Latin-1 the first NUL fails. Neither says what the file is.
        throw new DataLoadException(
            sourceName,
            1,
            0,
            "the source looks like "
                + wide.get()
                + " without a byte order mark (a NUL byte beside every ASCII character), not "
                + charset.name()
                + ": load it with charset "
                + wide.get());
      }
    }
    CharsetDecoder decoder =
        actual
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out =
        CharBuffer.allocate(
            (int) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw encodingError(sourceName, actual, bytes, offset);
    }
    if (result.isOverflow()) {
      // Cannot happen with the capacity above; fail loudly rather than lose text.
      throw new IllegalStateException("decoder overflow for " + sourceName);
    }
    out.flip();
    // The decoders of UTF-16LE, UTF-16BE, UTF-32LE and UTF-32BE keep a byte order mark as a
    // character (U+FEFF), which then sat before the first code or column name.
    if (offset == 0 && out.hasRemaining() && out.get(out.position()) == '\uFEFF') {
      out.get();
    }
    String text = withoutDosEnd(out.toString());
    check(text, actual, sourceName);
    return text;
  }

  /** The DOS end-of-file mark (Ctrl-Z), which old editors and exports put after the last line. */
  private static final char DOS_END_OF_FILE = 0x1A;

  /**
   * Removes a DOS end-of-file mark that ends the text, on a line of its own or right after the last
   * line's text, with any line breaks after it: it marks the end, and is no character of the data.
   * The same mark before more text is still a control character, which {@link #check} names.
   */
  private static String withoutDosEnd(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end > 0 && text.charAt(end - 1) == DOS_END_OF_FILE ? text.substring(0, end - 1) : text;
  }

  private static DataLoadException encodingError(
      String sourceName, Charset charset, byte[] bytes, int offset) {
    String hint =
        charset.equals(StandardCharsets.UTF_8)
            ? "; AMA files are often Windows-1252 (Latin-1 with curly quotes and dashes): load them"
                + " with charset "
                + WINDOWS_1252
            : "";
    return Undecodable.find(bytes, offset, bytes.length - offset, charset)
        .map(at -> new DataLoadException(sourceName, at.line(), 0, at.describe(charset) + hint))
        // The decoder failed on these very bytes, so a second pass finds the byte; say so anyway.
        .orElseGet(
            () -> new DataLoadException(sourceName, 0, 0, "not valid " + charset.name() + hint));
  }

  /**
   * The charset to name for an AMA file that is not UTF-8: the Windows superset of Latin-1, which
   * reads every Latin-1 letter alike and the bytes 0x80 to 0x9F as the quotes and dashes Windows
   * editors write there (Latin-1 reads them as C1 controls).
   */
  static final String WINDOWS_1252 = "windows-1252";

  /**
   * Whether byte {@code c} (a character read as ISO-8859-1) of the range 0x80 to 0x9F is a
   * character in Windows-1252: all but the five it leaves undefined, which windows-1252 would
   * refuse too, so that naming it would not help.
   */
  private static boolean printableInWindows1252(char c) {
    return c >= '\u0080'
        && c <= '\u009f'
        && c != 0x81
        && c != 0x8d
        && c != 0x8f
        && c != 0x90
        && c != 0x9d;
  }

  private static void check(String text, Charset charset, String sourceName)
      throws DataLoadException {
    long line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        lineStart = i + 1;
        continue;
      }
      if (i - lineStart >= MAX_LINE_LENGTH) {
        throw new DataLoadException(
            sourceName,
            line,
            0,
            "the line is longer than "
                + MAX_LINE_LENGTH
                + " characters; expected one code per line");
      }
      if (c < ' ' && c != '\t' || c >= '\u007f' && c <= '\u009f') {
        throw new DataLoadException(
            sourceName,
            line,
            0,
            String.format(
                    Locale.ROOT,
                    "control character U+%04X at character %d; expected text",
                    (int) c,
                    i - lineStart + 1)
                + (c == DOS_END_OF_FILE
                    ? " (a DOS end-of-file mark ends the file; here more text follows it)"
                    : "")
                + (charset.equals(StandardCharsets.ISO_8859_1) && printableInWindows1252(c)
                    ? String.format(
                        Locale.ROOT,
                        "; the file looks like Windows-1252, in which byte 0x%02X is a printable"
                            + " character such as a curly quote or a dash: load it with charset "
                            + WINDOWS_1252,
                        (int) c)
                    : ""));
      }
    }
  }

  /** Receives the lines of a text one at a time. */
  interface LineHandler {
    void line(long number, String line) throws DataLoadException;
  }

  /** Calls {@code handler} for every line, numbered from 1; CR, LF and CRLF all end a line. */
  static void forEachLine(String text, LineHandler handler) throws DataLoadException {
    long number = 1;
    int start = 0;
    int length = text.length();
    while (start < length) {
      int end = start;
      while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      handler.line(number++, text.substring(start, end));
      if (end < length
          && text.charAt(end) == '\r'
          && end + 1 < length
          && text.charAt(end + 1) == '\n') {
        end++;
      }
      start = end + 1;
    }
  }
}
