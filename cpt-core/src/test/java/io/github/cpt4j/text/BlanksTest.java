package io.github.cpt4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.Quarter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one blank predicate of the locality, quarter, place-of-service and ZIP code parsers, and
 * those parsers agreeing with it over every {@code char}: {@code PricingContext} once had a copy of
 * its own.
 */
class BlanksTest {

  /** The tab and the Unicode space separators (category Zs), and nothing else. */
  private static final Set<Character> BLANKS =
      Set.of(
          '\t', ' ', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
          '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000');

  @Test
  void isTheTabAndTheSpaceSeparatorsForEveryChar() {
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      assertEquals(BLANKS.contains(c), Blanks.isBlank(c), () -> String.format("U+%04X", (int) c));
    }
  }

  /** Line breaks, the information separators and other controls are white space but no blank. */
  @Test
  void everyBlankIsWhiteSpaceButNotTheOtherWayRound() {
    for (char c : BLANKS) {
      assertTrue(WhiteSpace.isSpace(c), () -> String.format("U+%04X", (int) c));
    }
    for (char c : new char[] {'\n', '\r', '\u000B', '\f', '\u001C', '\u001F', '\u2028'}) {
      assertTrue(
          WhiteSpace.isSpace(c) && !Blanks.isBlank(c), () -> String.format("U+%04X", (int) c));
    }
  }

  @Test
  void stripsBlanksOnlyAtEitherEnd() {
    assertEquals("13282-99", Blanks.strip("\t\u00A0 13282-99\u3000 "));
    assertEquals("a \tb", Blanks.strip(" a \tb "));
    assertEquals("\n10001\u0000", Blanks.strip(" \n10001\u0000\t"));
    assertEquals("", Blanks.strip(" \t "));
  }

  /**
   * The locality, quarter, place-of-service and ZIP code parsers each accept a character around
   * their text exactly when it is a blank: every character that could be read as one, and a spread
   * of the others (every one would throw about 260,000 exceptions).
   */
  @Test
  void theParsersStripTheSameCharacters() {
    PricingContext context =
        PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY);
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      if (!BlankCandidates.worthChecking(c)) {
        continue;
      }
      boolean blank = Blanks.isBlank(c);
      String s = String.valueOf(c);
      boolean locality = parses(() -> Locality.parse(s + "13282-99" + s));
      boolean quarter = parses(() -> Quarter.parse(s + "2025-Q1" + s));
      boolean place = parses(() -> PlaceOfService.parse(s + "11" + s));
      boolean zip = parses(() -> context.withBeneficiaryZip(s + "10001" + s));
      if (locality != blank || quarter != blank || place != blank || zip != blank) {
        disagreements.add(String.format("U+%04X", i));
      }
    }
    assertEquals(List.of(), disagreements);
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
