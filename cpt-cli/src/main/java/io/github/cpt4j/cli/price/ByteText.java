package io.github.cpt4j.cli.price;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * UTF-8 text built as bytes: a pricing thread formats its chunk's output here, so that a plain
 * line's bytes are copied as they were read, never decoded to characters and encoded back.
 */
final class ByteText {

  private byte[] bytes;
  private int length;

  ByteText(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** The bytes; only the first {@link #length()} are the text. */
  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  void append(byte b) {
    if (length == bytes.length) {
      grow(1);
    }
    bytes[length++] = b;
  }

  void append(byte[] from, int start, int end) {
    int n = end - start;
    if (length + n > bytes.length) {
      grow(n);
    }
    System.arraycopy(from, start, bytes, length, n);
    length += n;
  }

  /** Appends {@code text} encoded as UTF-8. */
  void append(CharSequence text) {
    int n = text.length();
    if (length + n > bytes.length) {
      grow(n);
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        // Beyond ASCII (rare: a message quoting the input): the encoder, from this character on.
        byte[] rest = text.subSequence(i, n).toString().getBytes(StandardCharsets.UTF_8);
        append(rest, 0, rest.length);
        return;
      }
      bytes[length++] = (byte) c;
    }
  }

  /**
   * Appends the plain decimal {@code unscaled} x 10^-{@code scale}, as {@code
   * BigDecimal.toPlainString()} writes it: at least one digit before the point, {@code scale}
   * digits after it. The digits go straight into the buffer, last first.
   *
   * @param unscaled at most 18 digits, so that its magnitude is a {@code long}
   * @param scale zero or more
   */
  void appendDecimal(long unscaled, int scale) {
    long magnitude = Math.abs(unscaled);
    int digits = 1;
    for (long rest = magnitude / 10; rest != 0; rest /= 10) {
      digits++;
    }
    digits = Math.max(digits, scale + 1); // 0.05: three digits
    int n = digits + (scale > 0 ? 1 : 0) + (unscaled < 0 ? 1 : 0);
    if (length + n > bytes.length) {
      grow(n);
    }
    int at = length + n;
    for (int d = 0; d < digits; d++) {
      if (d == scale && scale > 0) {
        bytes[--at] = '.';
      }
      bytes[--at] = (byte) ('0' + magnitude % 10);
      magnitude /= 10;
    }
    if (unscaled < 0) {
      bytes[--at] = '-';
    }
    length += n;
  }

  private void grow(int more) {
    bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
  }
}
