package io.github.cpt4j.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The encoding signs of a source's first bytes, shared by the code-set and PTP loaders. */
class TextStartTest {

  private static byte[] bytes(String text, String charset) {
    return text.getBytes(Charset.forName(charset));
  }

  @Test
  void findsAUtf8MarkOnlyWithinTheBytesRead() {
    byte[] marked = "\ufeff99213".getBytes(StandardCharsets.UTF_8);
    assertTrue(TextStart.hasUtf8Mark(marked, marked.length));
    assertTrue(TextStart.hasUtf8Mark(marked, 3));
    assertFalse(TextStart.hasUtf8Mark(marked, 2));
    assertFalse(TextStart.hasUtf8Mark(new byte[] {(byte) 0xEF, (byte) 0xBB, 0x42}, 3));
    assertEquals(3, TextStart.UTF8_MARK_LENGTH);
  }

  @Test
  void namesEachUtf16AndUtf32Mark() {
    for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
      byte[] marked = bytes("\ufeff99213", charset);
      assertEquals(Optional.of(charset), TextStart.byteOrderMark(marked, marked.length), charset);
      assertEquals(Optional.empty(), TextStart.byteOrderMark(marked, 1), charset);
    }
    // Of a UTF-32LE mark only its first two bytes read: UTF-16LE's mark.
    byte[] utf32le = bytes("\ufeff99213", "UTF-32LE");
    assertEquals(Optional.of("UTF-16LE"), TextStart.byteOrderMark(utf32le, 3));
    byte[] latin1 = bytes("\u00ff\u00fe", "ISO-8859-1");
    assertEquals(Optional.of("UTF-16LE"), TextStart.byteOrderMark(latin1, 2)); // the same bytes
    byte[] utf8 = bytes("\ufeff99213", "UTF-8");
    assertEquals(Optional.empty(), TextStart.byteOrderMark(utf8, utf8.length));
  }

  @Test
  void namesWideTextOfAsciiWithoutAMark() {
    for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
      byte[] wide = bytes("99213\t", charset);
      assertEquals(Optional.of(charset), TextStart.wideWithoutMark(wide, wide.length), charset);
      assertEquals(Optional.empty(), TextStart.wideWithoutMark(wide, 3), charset);
      assertTrue(TextStart.hasNulAtStart(wide, wide.length), charset);
    }
    byte[] text = bytes("99213\t", "UTF-8");
    assertEquals(Optional.empty(), TextStart.wideWithoutMark(text, text.length));
    assertFalse(TextStart.hasNulAtStart(text, text.length));
    // Four NULs, or a first character that is no ASCII letter: no text these loaders name.
    assertEquals(Optional.empty(), TextStart.wideWithoutMark(new byte[4], 4));
    assertEquals(
        Optional.empty(), TextStart.wideWithoutMark(new byte[] {(byte) 0xE9, 0, 0x39, 0}, 4));
    assertTrue(TextStart.hasNulAtStart(new byte[4], 4));
  }

  @Test
  void looksOnlyAtTheFirstFourBytesRead() {
    byte[] late = {'9', '9', '2', '1', 0};
    assertFalse(TextStart.hasNulAtStart(late, late.length));
    assertFalse(TextStart.hasNulAtStart(new byte[] {'9', 0}, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> TextStart.hasUtf8Mark(late, 6));
    assertThrows(IndexOutOfBoundsException.class, () -> TextStart.byteOrderMark(late, -1));
  }
}
