package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The canonical-shape fast path in {@link CodeScanner#scan} and {@link CodeScanner#strictPacked} is
 * an optimisation only: for every input it must give exactly what the full scan gives, packed code
 * or encoded error (or -1 for any error, for the strict checks).
 */
class CodeScannerFastPathTest {

  @Property(tries = 5_000)
  void fastPathAgreesWithFullScan(@ForAll("nearCodes") String text) {
    assertEquals(CodeScanner.scanFully(text, false), CodeScanner.scan(text, false), text);
    assertEquals(CodeScanner.scanFully(text, true), CodeScanner.scan(text, true), text);
    long strict = CodeScanner.scanFully(text, false);
    assertEquals(strict < 0 ? -1 : strict, CodeScanner.strictPacked(text), text);
    assertEquals(strict >= 0, CodeScanner.isCanonical(text), text);
    assertEquals(strict >= 0, ProcedureCode.isValid(text), text);
  }

  @Property(tries = 2_000)
  void aPartOfATextScansAsThatPartAlone(
      @ForAll("nearCodes") String code, @ForAll("nearCodes") String before) {
    String text = before + code + "-26";
    int start = before.length();
    assertEquals(
        ProcedureCode.packedOf(code),
        ProcedureCode.packedOf(text, start, start + code.length()),
        text);
  }

  @Test
  void packedOfAPartChecksItsRange() {
    assertEquals(71046, ProcedureCode.packedOf("71046-26", 0, 5));
    assertEquals(-1, ProcedureCode.packedOf("71046-26", 0, 4));
    assertEquals(-1, ProcedureCode.packedOf("71046-26", 1, 6));
    org.junit.jupiter.api.Assertions.assertThrows(
        IndexOutOfBoundsException.class, () -> ProcedureCode.packedOf("7104", 0, 5));
  }

  @Test
  void theSuffixLetterTestIsTheSwitchForEveryCharacter() {
    // isCanonical tests the suffix letter by a chain of comparisons, the scanners by a switch.
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      assertEquals(
          CodeScanner.suffixIndex((char) c) >= 0, CodeScanner.isSuffixLetter(c), "char " + c);
    }
  }

  @Test
  void everyCanonicalCodeTakesTheSameValue() {
    // Exhaustive over all 420,000 packed values: format, then scan both ways.
    for (int packed = 0; packed < CodeScanner.PACKED_BOUND; packed++) {
      boolean unusedSuffix =
          packed >= CodeScanner.SUFFIX_BASE + 50_000 && packed < CodeScanner.LEVEL_II_BASE;
      boolean unusedLetter =
          packed >= CodeScanner.LEVEL_II_BASE
              && !CodeScanner.isLevelTwoLetter(
                  (char) ('A' + (packed - CodeScanner.LEVEL_II_BASE) / 10_000));
      if (unusedSuffix || unusedLetter) {
        continue;
      }
      String text = CodeScanner.format(packed);
      assertEquals(packed, CodeScanner.scan(text, false), text);
      assertEquals(packed, CodeScanner.scanFully(text, false), text);
      assertEquals(packed, CodeScanner.strictPacked(text), text);
      assertEquals(true, CodeScanner.isCanonical(text), text);
    }
  }

  /** Five-character strings (mostly) over the characters that matter at each position. */
  @Provide
  Arbitrary<String> nearCodes() {
    Arbitrary<Character> chars =
        Arbitraries.oneOf(
            Arbitraries.chars().range('0', '9'),
            Arbitraries.chars().range('A', 'Z'),
            Arbitraries.chars().range('a', 'z'),
            Arbitraries.of(
                ' ', '\u00a0', '\t', '/', ':', '@', '`', '{', '\u0669', '\uff11', '\ud800'));
    return Arbitraries.oneOf(
        chars.list().ofSize(5).map(CodeScannerFastPathTest::join),
        chars.list().ofMinSize(0).ofMaxSize(7).map(CodeScannerFastPathTest::join));
  }

  private static String join(java.util.List<Character> chars) {
    StringBuilder sb = new StringBuilder(chars.size());
    chars.forEach(sb::append);
    return sb.toString();
  }

  /**
   * Every code one character away from a canonical one (any ASCII character, or one of a few
   * others, at any position) scans alike on the fast path and the full scan: the unused letters I
   * and O, too rare in the random texts above, included.
   */
  @Test
  void everyOneCharacterChangeOfACodeScansAlikeBothWays() {
    StringBuilder others = new StringBuilder("\u00a0\u0669\uff11\ud800");
    for (char c = 0; c < 0x80; c++) {
      others.append(c);
    }
    for (String code : new String[] {"99213", "0001F", "G0438", "I1234", "O1234"}) {
      for (int at = 0; at < 5; at++) {
        for (int k = 0; k < others.length(); k++) {
          String text = code.substring(0, at) + others.charAt(k) + code.substring(at + 1);
          assertEquals(CodeScanner.scanFully(text, false), CodeScanner.scan(text, false), text);
          assertEquals(CodeScanner.scanFully(text, true), CodeScanner.scan(text, true), text);
          long strict = CodeScanner.scanFully(text, false);
          assertEquals(strict < 0 ? -1 : strict, CodeScanner.strictPacked(text), text);
        }
      }
    }
  }

  /** A part longer than five characters is not a code, whatever its first five are. */
  @Test
  void packedOfAPartRefusesALongerPart() {
    assertEquals(-1, ProcedureCode.packedOf("71046-26", 0, 6));
    assertEquals(-1, ProcedureCode.packedOf("7104626", 0, 7));
    assertEquals(-1, ProcedureCode.packedOf("x710466", 1, 7));
    assertEquals(71046, ProcedureCode.packedOf("x710466", 1, 6));
  }
}
