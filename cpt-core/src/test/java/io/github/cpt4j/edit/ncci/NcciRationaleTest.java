package io.github.cpt4j.edit.ncci;

import static io.github.cpt4j.edit.ncci.NcciFixtures.code;
import static io.github.cpt4j.edit.ncci.NcciFixtures.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A rationale built in code is held to the rule the NCCI loaders hold a file's to: no control
 * character (C0 but the tab, DEL, C1), which would print into every finding quoting the text.
 */
class NcciRationaleTest {

  /** One control character of each kind refused, at index 4 of the text. */
  private static final List<Character> CONTROLS =
      List.of('\u0000', '\u0007', '\n', '\u001a', '\u001f', '\u007f', '\u0080', '\u0092', '\u009f');

  /** Texts a rationale may be: empty, a tab (a blank of CMS's fields), Latin-1 letters. */
  private static final List<String> GOOD =
      List.of("", "test:\tone per site", "test: caf\u00e9\u00a0visit", "test: \u00a0\u00ff");

  private static PtpEdit ptp(String rationale) {
    return new PtpEdit(
        code("27447"),
        code("20610"),
        false,
        date("2002-01-01"),
        Optional.empty(),
        PtpModifierIndicator.ALLOWED,
        rationale);
  }

  private static MueEdit mue(String rationale) {
    return new MueEdit(
        code("20610"), 2, MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL, rationale);
  }

  @Test
  void aPtpEditRefusesAControlCharacterInItsRationaleNamingItAndWhereItIs() {
    for (char c : CONTROLS) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ptp("test" + c + " text"));
      assertEquals(
          String.format(
              "the rationale of the PTP edit 27447/20610 contains control character U+%04X at"
                  + " index 4",
              (int) c),
          e.getMessage());
    }
    for (String text : GOOD) {
      assertEquals(text, ptp(text).rationale());
    }
  }

  @Test
  void anMueEditRefusesAControlCharacterInItsRationaleNamingItAndWhereItIs() {
    for (char c : CONTROLS) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> mue("test" + c + " text"));
      assertEquals(
          String.format(
              "the rationale of the MUE of 20610 contains control character U+%04X at index 4",
              (int) c),
          e.getMessage());
    }
    for (String text : GOOD) {
      assertEquals(text, mue(text).rationale());
    }
  }

  /**
   * The allocation-free path of loaders refuses the text as {@link PtpEdit} does. It checks a text
   * when it first holds it, so a refused text must not be held: the same text again is refused
   * again, not taken as one seen before.
   */
  @Test
  void addPackedRefusesAControlCharacterInARationaleEachTimeAndHoldsNothingOfIt() {
    int a = code("27447").packed();
    int b = code("20610").packed();
    PtpTable.Builder builder = PtpTable.builder();
    for (char c : CONTROLS) {
      String text = "test" + c + " text";
      for (int attempt = 0; attempt < 2; attempt++) {
        IllegalArgumentException e =
            assertThrows(
                IllegalArgumentException.class,
                () -> builder.addPacked(a, b, false, 10, -1, PtpModifierIndicator.ALLOWED, text));
        assertEquals(
            String.format(
                "the rationale of the PTP edit 27447/20610 contains control character U+%04X at"
                    + " index 4",
                (int) c),
            e.getMessage());
      }
    }
    assertEquals(0, builder.size());
    for (int i = 0; i < GOOD.size(); i++) {
      builder.addPacked(a, b, false, 10 + i, 10 + i, PtpModifierIndicator.ALLOWED, GOOD.get(i));
      // A text held already is added again without a second look.
      builder.addPacked(a, b, false, 20 + i, 20 + i, PtpModifierIndicator.ALLOWED, GOOD.get(i));
    }
    PtpTable table = builder.build();
    assertEquals(2 * GOOD.size(), table.size());
    List<PtpEdit> edits = table.edits(code("27447"), code("20610"));
    // In effective order: the first rows of each text, then the second ones.
    for (int i = 0; i < GOOD.size(); i++) {
      assertEquals(GOOD.get(i), edits.get(i).rationale());
      assertEquals(GOOD.get(i), edits.get(GOOD.size() + i).rationale());
    }
  }
}
