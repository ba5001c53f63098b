package io.github.cpt4j.data.csv;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;

/**
 * What the first bytes of a source say about its encoding, before any of it is decoded: a UTF-8,
 * UTF-16 or UTF-32 byte order mark, the NUL bytes of UTF-16 or UTF-32 text without one, or the
 * signature of a ZIP archive or a PDF. The one place the loaders look, so that all recognise the
 * same files; each still decides what to accept and (but for a ZIP archive or a PDF, refused alike
 * everywhere) words its own error.
 */
public final class TextStart {

  /** The bytes of a UTF-8 byte order mark, to skip when the source has one. */
  public static final int UTF8_MARK_LENGTH = 3;

  /** A ZIP archive's first four bytes, one a character: {@code PK\3\4}. */
  private static final String ZIP = "PK\u0003\u0004";

  /** A PDF document's first four bytes. */
  private static final String PDF = "%PDF";

  /** How many first bytes tell a ZIP archive or a PDF. */
  public static final int SIGNATURE_LENGTH = 4;

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

  /**
   * Returns why a source whose first characters are {@code head} is a document and not text: a ZIP
   * archive ({@code PK\3\4}: CMS's downloads are zipped, and a spreadsheet workbook is an archive
   * too) or a PDF ({@code %PDF}, CMS's layout documents); else empty. Read as text, either one's
   * bytes were blamed on a malformed line, a missing header or a last line cut short. {@code head}
   * is the text decoded one byte a character (ISO-8859-1), or any decoding that keeps ASCII; the
   * message says {@code kind} was expected and to save a sheet as {@code saveAs} ({@code CSV}).
   */
  public static Optional<String> notText(CharSequence head, String kind, String saveAs) {
    requireNonNull(kind, "kind");
    requireNonNull(saveAs, "saveAs");
    if (startsWith(head, ZIP)) {
      return Optional.of(
          "the file is a ZIP archive (CMS's download, or a spreadsheet workbook): expected "
              + kind
              + " as text; unzip CMS's download and give the file inside, or save the sheet as "
              + saveAs);
    }
    if (startsWith(head, PDF)) {
      return Optional.of(
          "the file is a PDF document: expected "
              + kind
              + " as text (CMS's data, not its layout document)");
    }
    return Optional.empty();
  }

  /** {@link #notText(CharSequence, String, String)} of the first {@code length} bytes. */
  public static Optional<String> notText(byte[] bytes, int length, String kind, String saveAs) {
    checkLength(bytes, length);
    int n = Math.min(length, SIGNATURE_LENGTH);
    char[] head = new char[n];
    for (int i = 0; i < n; i++) {
      head[i] = (char) (bytes[i] & 0xFF);
    }
    return notText(new String(head), kind, saveAs);
  }

  private static boolean startsWith(CharSequence head, String signature) {
    if (head.length() < signature.length()) {
      return false;
    }
    for (int i = 0; i < signature.length(); i++) {
      if (head.charAt(i) != signature.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static void checkLength(byte[] bytes, int length) {
    Objects.checkIndex(length, requireNonNull(bytes, "bytes").length + 1);
  }
}
