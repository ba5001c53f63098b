package io.github.cpt4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The control characters an NCCI rationale may not hold, whether built in code or loaded. */
class ControlCharactersTest {

  @Test
  void theC0ControlsButTheTabDelAndTheC1ControlsAreRefused() {
    for (int c = 0; c < 0x100; c++) {
      boolean control = c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F;
      assertEquals(control, ControlCharacters.isControl(c), String.format("U+%04X", c));
    }
    // A line or paragraph separator is no control character: OneLine refuses it in a line.
    assertEquals(false, ControlCharacters.isControl('\u2028'));
  }

  @Test
  void problemOfNamesTheFirstControlCharacterAndItsIndexInOneLinesWords() {
    assertNull(ControlCharacters.problemOf(""));
    assertNull(ControlCharacters.problemOf("a\tb \u00a0\u00e9\u00ff"));
    assertEquals(
        "contains control character U+0007 at index 6",
        ControlCharacters.problemOf("Nature\u0007 of\u0001"));
    assertEquals(
        "contains control character U+0092 at index 7",
        ControlCharacters.problemOf("Patient\u0092s visit"));
    assertEquals(-1, ControlCharacters.first("plain"));
    assertEquals(0, ControlCharacters.first("\u007fx"));
  }
}
