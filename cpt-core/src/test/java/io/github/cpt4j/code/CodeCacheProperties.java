package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The code cache hands out one object per code, equal to a freshly made one. */
class CodeCacheProperties {

  @Property(tries = 3000)
  void aCodeIsMadeOnceAndEqualsItsFreshCopy(@ForAll("codes") ProcedureCode fresh) {
    int packed = fresh.packed();
    ProcedureCode cached = ProcedureCode.ofPacked(packed);
    assertEquals(fresh, cached);
    assertEquals(fresh.getClass(), cached.getClass());
    assertSame(cached, ProcedureCode.ofPacked(packed));
    assertSame(cached, ProcedureCode.parse(fresh.toString()));
    java.util.Optional<ProcedureCode> tried = ProcedureCode.tryParse(fresh.toString());
    assertSame(cached, tried.orElseThrow());
    assertSame(tried, ProcedureCode.tryParse(fresh.toString()));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<ProcedureCode> codes() {
    return CodeArbitraries.procedureCodes();
  }

  @Property(tries = 2000)
  void aPackedValueOfNoCodeIsRefused(
      @ForAll @IntRange(min = -5, max = CodeScanner.PACKED_BOUND + 5) int packed) {
    boolean isCode;
    try {
      if (packed >= 0 && packed < CodeScanner.LEVEL_II_BASE) {
        CptCode.ofPacked(packed);
      } else {
        HcpcsCode.ofPacked(packed);
      }
      isCode = true;
    } catch (IllegalArgumentException e) {
      isCode = false;
    }
    if (isCode) {
      assertEquals(packed, ProcedureCode.ofPacked(packed).packed());
    } else {
      assertThrows(IllegalArgumentException.class, () -> ProcedureCode.ofPacked(packed));
    }
  }

  /**
   * Independently of the levels' own range checks: the packed values that {@link
   * ProcedureCode#ofPacked} accepts are exactly those of the codes that text parses to (every
   * five-character text of four digits and a digit or suffix letter, or a letter and four digits),
   * and each is the code its own text parses to.
   */
  @org.junit.jupiter.api.Test
  void thePackedValuesAcceptedAreExactlyThoseOfParsedCodes() {
    java.util.BitSet parsed = new java.util.BitSet(CodeScanner.PACKED_BOUND);
    char[] text = new char[5];
    for (int n = 0; n < 10_000; n++) {
      text[1] = (char) ('0' + n / 1000);
      text[2] = (char) ('0' + n / 100 % 10);
      text[3] = (char) ('0' + n / 10 % 10);
      text[4] = (char) ('0' + n % 10);
      for (char letter = 'A'; letter <= 'Z'; letter++) {
        text[0] = letter;
        ProcedureCode.tryParse(new String(text)).ifPresent(c -> parsed.set(c.packed()));
      }
      String digits = String.format("%04d", n);
      for (char last = '0'; last <= 'Z'; last++) {
        if (last <= '9' || last >= 'A') {
          ProcedureCode.tryParse(digits + last).ifPresent(c -> parsed.set(c.packed()));
        }
      }
    }
    for (int packed = 0; packed < CodeScanner.PACKED_BOUND; packed++) {
      ProcedureCode code;
      try {
        code = ProcedureCode.ofPacked(packed);
      } catch (IllegalArgumentException e) {
        code = null;
      }
      if (parsed.get(packed) != (code != null)) {
        throw new AssertionError(
            "packed " + packed + (code == null ? " refused, but parsed" : " accepted: " + code));
      }
      if (code != null) {
        assertSame(code, ProcedureCode.parse(code.toString()));
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aValueOutsideBothLevelsIsRefusedAsNoCodeOfEither() {
    for (int packed : new int[] {-1, Integer.MIN_VALUE, CodeScanner.PACKED_BOUND}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ProcedureCode.ofPacked(packed));
      assertEquals("not a packed code of either level: " + packed, e.getMessage());
    }
  }
}
