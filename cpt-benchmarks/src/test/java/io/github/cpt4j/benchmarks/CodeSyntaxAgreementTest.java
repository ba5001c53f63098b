package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.benchmarks.baseline.CodeText;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.CptKind;
import io.github.cpt4j.code.ProcedureCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ratio means something only if the implementations compute the same thing: on every key the
 * benchmarks use, the baselines must agree with cpt4j.
 */
class CodeSyntaxAgreementTest {

  private static final List<CodeSyntax> IMPLEMENTATIONS =
      List.of(
          CodeSyntax.of(Implementation.CPT4J),
          CodeSyntax.of(Implementation.REGEX_HASHMAP),
          CodeSyntax.of(Implementation.GUAVA_IMMUTABLEMAP));

  private static List<String> everyKey() {
    List<String> keys = new ArrayList<>(CodeSamples.COMMON);
    keys.addAll(CodeSamples.rare(2_000, 11));
    keys.addAll(CodeSamples.INVALID);
    return keys;
  }

  @Test
  void validityAgrees() {
    for (String key : everyKey()) {
      boolean expected = ProcedureCode.isValid(key);
      for (CodeSyntax syntax : IMPLEMENTATIONS) {
        assertEquals(expected, syntax.isValid(key), syntax + " on '" + key + "'");
        assertEquals(expected, syntax.tryParse(key) != null, syntax + " on '" + key + "'");
      }
    }
  }

  /**
   * The same contract, not only the same answers on the benchmark keys: every first and last
   * character from the ASCII controls to the end of Latin-1, around middles of digits and of other
   * characters. This failed while the baselines took {@code I1234} and {@code O1234} as codes.
   */
  @Test
  void validityAgreesOnEveryFirstAndLastCharacter() {
    for (String middle : List.of("123", "1A3", "\u0661\u0662\u0663")) {
      for (char first = 0; first < 0x100; first++) {
        for (char last = 0; last < 0x100; last++) {
          String key = first + middle + last;
          boolean expected = ProcedureCode.isValid(key);
          for (CodeSyntax syntax : IMPLEMENTATIONS) {
            if (syntax.isValid(key) != expected) {
              assertEquals(expected, syntax.isValid(key), syntax + " on '" + key + "'");
            }
          }
        }
      }
    }
  }

  @Test
  void classificationAgrees() {
    CodeSyntax cpt4j = IMPLEMENTATIONS.get(0);
    for (String key : everyKey()) {
      if (!ProcedureCode.isValid(key)) {
        continue;
      }
      for (CodeSyntax syntax : IMPLEMENTATIONS) {
        assertEquals(cpt4j.kindOf(key), syntax.kindOf(key), syntax + " on " + key);
        assertEquals(cpt4j.categoryOf(key), syntax.categoryOf(key), syntax + " on " + key);
        assertEquals(
            cpt4j.categoryOf(key), syntax.categoryOfCode(syntax.parse(key)), syntax + " on " + key);
        assertEquals(cpt4j.sectionOf(key), syntax.sectionOf(key), syntax + " on " + key);
        assertEquals(
            cpt4j.sectionOf(key), syntax.sectionOfCode(syntax.parse(key)), syntax + " on " + key);
        assertEquals(key, syntax.parse(key).toString());
      }
    }
  }

  @Test
  void sectionBaselineAgreesOnEveryCptCode() {
    for (CptKind kind : CptKind.values()) {
      int last = kind == CptKind.STANDARD ? 99_999 : 9_999;
      for (int n = 0; n <= last; n++) {
        CptCode code = CptCode.of(kind, n);
        assertEquals(code.section(), CodeText.sectionOfValid(code.toString()), code.toString());
      }
    }
  }

  @Test
  void everyImplementationRejectsMalformedInputWhenParsing() {
    for (String key : CodeSamples.INVALID) {
      for (CodeSyntax syntax : IMPLEMENTATIONS) {
        assertThrows(IllegalArgumentException.class, () -> syntax.parse(key), key);
      }
    }
  }

  @Test
  void samplesAreWhatTheySayTheyAre() {
    assertTrue(CodeSamples.COMMON.stream().allMatch(ProcedureCode::isValid));
    assertFalse(CodeSamples.INVALID.stream().anyMatch(ProcedureCode::isValid));
    assertEquals(CodeSamples.COMMON.size(), CodeSamples.COMMON.stream().distinct().count());
    List<String> rare = CodeSamples.rare(500, 7);
    assertEquals(500, rare.size());
    assertEquals(rare, CodeSamples.rare(500, 7));
    assertTrue(rare.stream().allMatch(ProcedureCode::isValid));
    assertTrue(rare.stream().noneMatch(CodeSamples.COMMON::contains));
  }

  @Test
  void unknownImplementationIsRejectedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CodeSyntax.of("treemap"));
    assertTrue(e.getMessage().contains("treemap"), e.getMessage());
  }
}
