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

  @org.junit.jupiter.api.Test
  void aValueOutsideBothLevelsIsRefusedAsNoCodeOfEither() {
    for (int packed : new int[] {-1, Integer.MIN_VALUE, CodeScanner.PACKED_BOUND}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> ProcedureCode.ofPacked(packed));
      assertEquals("not a packed code of either level: " + packed, e.getMessage());
    }
  }
}
