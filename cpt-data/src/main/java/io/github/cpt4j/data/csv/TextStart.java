package io.github.cpt4j.data.csv;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;

/**
 * What the first bytes of a source say about its encoding, before any of it is decoded: a UTF-8,
 * UTF-16 or UTF-32 byte order mark, or the NUL bytes of UTF-16 or UTF-32 text without one. The one
 * place the code-set loader and the NCCI PTP parser look, so that both recognise the same files;
 * each still decides what to accept and words its own error.
 */
public final class TextStart {

  /** The bytes of a UTF-8 byte order mark, to skip when the source has one. */
  public static final int UTF8_MARK_LENGTH = 3;

  /** How many bytes hold the first character of UTF-32 text: where wide text shows its NULs. */
  private static final int WIDEST_CHARACTER = 4;

  private TextStart() {}

  /** Tells whether the first {@code length} bytes of {@code bytes} start with EF BB BF. */
  public static boolean hasUtf8Mark(byte[] bytes, int length) {
    checkLength(bytes, length);
    return length >= UTF8_MARK_LENGTH
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF;
  }

  /**
   * Returns the encoding whose byte order mark the first {@code length} bytes of {@code bytes}
   * start with: {@code UTF-32LE} (FF FE 00 00), {@code UTF-32BE} (00 00 FE FF), {@code UTF-16LE}
   * (FF FE) or {@code UTF-16BE} (FE FF); else empty. UTF-32LE is tested first, since its mark
   * starts with UTF-16LE's; a UTF-16LE file whose first character is NUL has UTF-32LE's mark, but
   * no text file these loaders read starts with NUL.
   */
  public static Optional<String> byteOrderMark(byte[] bytes, int length) {
    checkLength(bytes, length);
    if (length >= 4
        && bytes[0] == (byte) 0xFF
        && bytes[1] == (byte) 0xFE
        && bytes[2] == 0
        && bytes[3] == 0) {
      return Optional.of("UTF-32LE");
    }
    if (length >= 4
        && bytes[0] == 0
        && bytes[1] == 0
        && bytes[2] == (byte) 0xFE
        && bytes[3] == (byte) 0xFF) {
      return Optional.of("UTF-32BE");
    }
    if (length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
      return Optional.of("UTF-16LE");
    }
    if (length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
      return Optional.of("UTF-16BE");
    }
    return Optional.empty();
  }

  /**
   * Returns the name of the encoding the first {@code length} bytes of {@code bytes} look like when
   * they start as UTF-16 or UTF-32 text of ASCII characters without a byte order mark (UTF-16LE,
   * UTF-16BE, UTF-32LE or UTF-32BE), or empty: the first character is ASCII and not NUL (every code
   * file starts so), with the NUL bytes of its wide encoding beside it.
   */
  public static Optional<String> wideWithoutMark(byte[] bytes, int length) {
    checkLength(bytes, length);
    if (length < WIDEST_CHARACTER) {
      return Optional.empty();
    }
    boolean[] zero = new boolean[WIDEST_CHARACTER];
    for (int i = 0; i < WIDEST_CHARACTER; i++) {
      zero[i] = bytes[i] == 0;
    }
    if (!zero[0] && zero[1] && zero[2] && zero[3]) {
      return Optional.of("UTF-32LE");
    }
    if (zero[0] && zero[1] && zero[2] && !zero[3]) {
      return Optional.of("UTF-32BE");
    }
    if (!zero[0] && zero[1] && bytes[0] > 0) {
      return Optional.of("UTF-16LE");
    }
    if (zero[0] && !zero[1] && bytes[1] > 0) {
      return Optional.of("UTF-16BE");
    }
    return Optional.empty();
  }

  /**
   * Tells whether a NUL byte is among the first four of the first {@code length} bytes of {@code
   * bytes}: no text in a one-byte encoding starts so, and any UTF-16 or UTF-32 text does whose
   * first character is ASCII, with or without a mark.
   */
  public static boolean hasNulAtStart(byte[] bytes, int length) {
    checkLength(bytes, length);
    for (int i = 0; i < Math.min(length, WIDEST_CHARACTER); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static void checkLength(byte[] bytes, int length) {
    Objects.checkIndex(length, requireNonNull(bytes, "bytes").length + 1);
  }
}
