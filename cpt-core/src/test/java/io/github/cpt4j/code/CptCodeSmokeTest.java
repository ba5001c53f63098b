package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.modifier.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class CptCodeSmokeTest {

  @Test
  void parsesEveryShape() {
    for (String s : List.of("99213", "00100", "0001F", "0042T", "0001U", "0002M", "0001A")) {
      assertEquals(s, CptCode.parse(s).toString());
      assertEquals(s, ProcedureCode.ofPacked(ProcedureCode.packedOf(s)).toString());
    }
    assertEquals("G0438", ProcedureCode.parse("G0438").toString());
    assertEquals(CptKind.PERFORMANCE_MEASURE, CptCode.parse("0001F").kind());
  }

  @Test
  void orderKeepsRangesContiguous() {
    assertTrue(CptCode.parse("01999").compareTo(CptCode.parse("0100T")) < 0);
    assertTrue(CptCode.parse("99607").compareTo(CptCode.parse("0001A")) < 0);
    assertTrue(CptCode.parse("0999T").compareTo(HcpcsCode.parse("A0021")) < 0);
  }

  @Test
  void reportsTypeAndIndex() {
    CodeFormatException e = assertThrows(CodeFormatException.class, () -> CptCode.parse("9921"));
    assertEquals(ErrorType.WRONG_LENGTH, e.errorType());
    assertEquals(4, e.errorIndex());
    e = assertThrows(CodeFormatException.class, () -> CptCode.parse("99\uff1213"));
    assertEquals(ErrorType.ILLEGAL_CHARACTER, e.errorType());
    assertEquals(2, e.errorIndex());
    e = assertThrows(CodeFormatException.class, () -> CptCode.parse("J1100"));
    assertEquals(ErrorType.WRONG_LEVEL, e.errorType());
    assertFalse(CptCode.isValid("0001f"));
    assertEquals("0001F", CptCode.parseLenient(" 0001f\u00a0").toString());
  }

  @Test
  void parsesClaimLines() {
    ClaimLine line = ClaimLine.parse("71046-26 x2");
    assertEquals(2, line.units());
    assertEquals(List.of(Modifier.PROFESSIONAL_COMPONENT), line.modifiers());
    assertEquals("71046-26 x2", line.toString());
    assertEquals("99213-25-59", ClaimLine.parse("99213 25 - 59").toString());
    assertEquals("99213-X2", ClaimLine.parse("99213 X2").toString());
    CodeFormatException e =
        assertThrows(CodeFormatException.class, () -> ClaimLine.parse("99213-25-59-76-77-78"));
    assertEquals(ErrorType.TOO_MANY_MODIFIERS, e.errorType());
    assertEquals(18, e.errorIndex());
  }
}
