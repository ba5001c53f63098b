package io.github.cpt4j.fee.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.CodeFormatException;
import org.junit.jupiter.api.Test;

/** The Medicare-wide parsers refuse control characters and quote their input short and escaped. */
class HostileTextTest {

  @Test
  void aControlCharacterIsNoLocality() {
    for (String text :
        new String[] {"13282-99\0", "\u001b13282-99", "13282\u000099", "13282-99\u007f"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Locality.parse(text), text);
      assertTrue(e.getMessage().matches("[\\x20-\\x7e]+"), e.getMessage());
    }
    assertEquals(Locality.parse("13282-99"), Locality.parse(" 13282-99\t"));
  }

  @Test
  void aControlCharacterIsNoPlaceOfService() {
    assertThrows(IllegalArgumentException.class, () -> PlaceOfService.parse("11\0"));
    assertThrows(IllegalArgumentException.class, () -> PlaceOfService.parse("\u001b11"));
    assertEquals(PlaceOfService.parse("11"), PlaceOfService.parse(" 11 "));
  }

  @Test
  void onlyBlanksAreStrippedNotTheControlCharactersStripWouldDrop() {
    // String.strip() once dropped line breaks and U+001C-U+001F around the text, and trim() NUL
    // and escape around a quarter: control characters the Javadoc refuses.
    for (String control :
        new String[] {"\n", "\r", "\u000b", "\f", "\u001c", "\u001f", "\0", "\u001b", "\u2028"}) {
      for (String text : new String[] {"13282-99" + control, control + "13282-99"}) {
        assertThrows(IllegalArgumentException.class, () -> Locality.parse(text), text);
      }
      for (String text : new String[] {"11" + control, control + "11"}) {
        assertThrows(IllegalArgumentException.class, () -> PlaceOfService.parse(text), text);
      }
      for (String text : new String[] {"2025-Q1" + control, control + "2025-Q1"}) {
        assertThrows(IllegalArgumentException.class, () -> Quarter.parse(text), text);
      }
    }
    // Blanks: space, tab, and the Unicode spaces (no-break, ideographic).
    assertEquals(Locality.parse("13282-99"), Locality.parse("\u00a0\t13282-99 \u3000"));
    assertEquals(PlaceOfService.OFFICE, PlaceOfService.parse("\t11\u00a0"));
    assertEquals(Quarter.parse("2025-Q1"), Quarter.parse(" 2025-Q1\t\u202f"));
  }

  @Test
  void aHugeInputIsQuotedShort() {
    String huge = "9".repeat(1_000_000) + "\0";
    String locality =
        assertThrows(IllegalArgumentException.class, () -> Locality.parse(huge)).getMessage();
    String pos =
        assertThrows(IllegalArgumentException.class, () -> PlaceOfService.parse(huge)).getMessage();
    for (String message : new String[] {locality, pos}) {
      assertTrue(message.length() < 200, message);
      assertTrue(message.endsWith("'" + "9".repeat(64) + "...'"), message);
    }
    assertEquals("'a\\u0000\\u001b'", CodeFormatException.quote("a\0\u001b"));
    // Lower-case hex, as the README and the Javadoc of quote say, and as file names are escaped.
    assertEquals("'99\\uff1213'", CodeFormatException.quote("99\uff1213"));
  }
}
