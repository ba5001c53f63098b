package io.github.cpt4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayWidthTest {

  @Test
  void wideAndFullwidthCharactersTakeTwoColumns() {
    assertEquals(10, DisplayWidth.of("\uff19\uff19\uff12\uff11\uff13")); // fullwidth 99213
    assertEquals(4, DisplayWidth.of("\u65e5\u672c")); // CJK ideographs
    assertEquals(2, DisplayWidth.of("\ud55c")); // a Hangul syllable
    assertEquals(2, DisplayWidth.of("\u3000")); // the ideographic space
    assertEquals(2, DisplayWidth.of("\ud83d\ude00")); // U+1F600, an emoji: one code point
    assertEquals(2, DisplayWidth.of("\ud840\udc00")); // U+20000, CJK Extension B
    assertEquals(2, DisplayWidth.of("\u23f0")); // a range of one code point
  }

  @Test
  void marksAndFormatCharactersTakeNone() {
    assertEquals(1, DisplayWidth.of("e\u0301")); // e and a combining acute accent
    assertEquals(2, DisplayWidth.of("a\u200db")); // the zero-width joiner
    assertEquals(2, DisplayWidth.of("\u1100\u1161")); // a leading consonant and its vowel
    assertEquals(2, DisplayWidth.of("\u65e5\ufe0f")); // a variation selector
  }

  @Test
  void everythingElseTakesOne() {
    assertEquals(5, DisplayWidth.of("99213"));
    assertEquals(1, DisplayWidth.of("\u00e9"));
    assertEquals(1, DisplayWidth.of("\uff71")); // halfwidth katakana
    assertEquals(1, DisplayWidth.of("\u2328")); // just before a wide range
    assertEquals(1, DisplayWidth.of("\u232b")); // after it
    assertEquals(1, DisplayWidth.of("\u0416")); // Cyrillic
    assertEquals(0, DisplayWidth.of(""));
  }
}
