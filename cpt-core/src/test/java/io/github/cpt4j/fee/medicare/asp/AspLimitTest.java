package io.github.cpt4j.fee.medicare.asp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.cpt4j.code.ProcedureCode;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A drug row's dosage prints into every explanation of a line priced with it ({@code payment limit
 * 0.898 per 10 MG}, {@code x 3 dosage units of 10 MG}): it is one line of text, never blank, as a
 * code's description and a fee schedule's name are.
 */
class AspLimitTest {

  private static AspLimit withDosage(String dosage) {
    return new AspLimit(
        ProcedureCode.parse("J3301"),
        dosage,
        Optional.of(new BigDecimal("0.898")),
        new BigDecimal("20"));
  }

  @Test
  void aDosageIsOneLineOfText() {
    assertEquals("10 MG", withDosage("10 MG").dosage());
    assertEquals("1 microCurie", withDosage("1 microCurie").dosage());
    assertEquals(
        "the dosage of J3301 is blank",
        assertThrows(IllegalArgumentException.class, () -> withDosage("")).getMessage());
    assertEquals(
        "the dosage of J3301 is blank",
        assertThrows(IllegalArgumentException.class, () -> withDosage(" \u00a0")).getMessage());
    assertEquals(
        "the dosage of J3301 contains control character U+0007 at index 2",
        assertThrows(IllegalArgumentException.class, () -> withDosage("10\u0007MG")).getMessage());
    assertEquals(
        "the dosage of J3301 contains control character U+000A at index 5",
        assertThrows(IllegalArgumentException.class, () -> withDosage("10 MG\n")).getMessage());
    assertEquals(
        "the dosage of J3301 contains control character U+0092 at index 2",
        assertThrows(IllegalArgumentException.class, () -> withDosage("10\u0092MG")).getMessage());
  }
}
