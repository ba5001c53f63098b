package io.github.cpt4j.data.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UndecodableTest {

  @Test
  void describesTheByteAndItsCharacterInTheLoadersWords() {
    assertEquals(
        "byte 0x0A at character 12 is not valid US-ASCII",
        new Undecodable(3, 12, 0x0A).describe(US_ASCII));
  }

  @Test
  void countsLinesAtLineFeedsReturnsAndBothTogether() {
    Undecodable at = only(bytes("a\r\nb\rc\nd\r\n\nxy", 0xFF), UTF_8);
    assertEquals(6, at.line());
    assertEquals(3, at.character());
    assertEquals(0xFF, at.badByte());
  }

  @Test
  void countsCharactersNotBytes() {
    // "é" is two bytes in UTF-8 and one character: the bad byte is the fourth character.
    Undecodable at = only(bytes("\u00e9\u00e9x", 0xC3, 0x28), UTF_8);
    assertEquals(1, at.line());
    assertEquals(4, at.character());
    assertEquals(0xC3, at.badByte());
  }

  @Test
  void findsABytePastTheFirstBuffer() {
    String longLine = "9".repeat(70_000);
    Undecodable at = only(bytes("head\n" + longLine, 0x80), US_ASCII);
    assertEquals(2, at.line());
    assertEquals(70_001, at.character());
  }

  @Test
  void findsASequenceCutOffAtTheEnd() {
    Undecodable at = only(bytes("ok\n", 0xE2, 0x82), UTF_8);
    assertEquals(2, at.line());
    assertEquals(1, at.character());
    assertEquals(0xE2, at.badByte());
  }

  @Test
  void findsNothingInTextThatDecodes() {
    byte[] latin1 = bytes("caf", 0xE9);
    assertTrue(Undecodable.find(latin1, 0, latin1.length, ISO_8859_1).isEmpty());
    byte[] utf8 = "d\u00e9j\u00e0 vu\r\n".getBytes(UTF_8);
    assertTrue(Undecodable.find(utf8, 0, utf8.length, UTF_8).isEmpty());
  }

  @Test
  void startsAtTheOffset() {
    byte[] bytes = bytes("", 0xFF, 'a', 'b', 0xFF);
    Undecodable at = Undecodable.find(bytes, 1, 3, UTF_8).orElseThrow();
    assertEquals(3, at.character());
  }

  private static Undecodable only(byte[] bytes, Charset charset) {
    Optional<Undecodable> found = Undecodable.find(bytes, 0, bytes.length, charset);
    assertTrue(found.isPresent(), "a byte that does not decode");
    return found.get();
  }

  private static byte[] bytes(String text, int... more) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.getBytes(UTF_8));
    for (int b : more) {
      out.write(b);
    }
    return out.toByteArray();
  }
}
