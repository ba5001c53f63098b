package io.github.cpt4j.modifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Multiset;
import io.github.cpt4j.code.CodeArbitraries;
import io.github.cpt4j.code.ProcedureCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ModifierRulesProperties {

  private static final ModifierRules RULES = ModifierRules.standard();

  @Provide
  Arbitrary<ProcedureCode> codes() {
    return Arbitraries.oneOf(
        CodeArbitraries.procedureCodes(),
        // Codes near the edges of the rules' ranges.
        Arbitraries.of(
                "00099", "00100", "01999", "02000", "20099", "20100", "69990", "69991", "86700",
                "86701", "86703", "86704", "87389", "0001F", "9999F", "0100T", "92920")
            .map(ProcedureCode::parse));
  }

  /** Lists of up to six modifiers, mostly ones the rules name, sometimes repeated. */
  @Provide
  Arbitrary<List<Modifier>> modifiers() {
    Arbitrary<Modifier> ruled =
        Arbitraries.of(
                "25", "57", "59", "52", "53", "73", "74", "76", "77", "78", "79", "93", "95", "26",
                "TC", "50", "51", "63", "92", "P1", "P6", "1P", "8P", "LT", "RT", "22", "Q9")
            .map(Modifier::parse);
    Arbitrary<Modifier> any =
        Arbitraries.integers().between(0, Modifier.COUNT - 1).map(Modifier::ofOrdinal);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, ruled), net.jqwik.api.Tuple.of(1, any))
        .list()
        .ofMaxSize(6);
  }

  @Property(tries = 2000)
  void everyViolationNamesModifiersOfTheLine(
      @ForAll("codes") ProcedureCode code, @ForAll("modifiers") List<Modifier> modifiers) {
    List<ModifierViolation> violations = RULES.check(code, modifiers);
    assertEquals(violations.isEmpty(), RULES.isValid(code, modifiers));
    int previousRule = -1;
    for (ModifierViolation v : violations) {
      assertEquals(code, v.code());
      assertTrue(modifiers.containsAll(v.modifiers()), v::toString);
      assertTrue(v.rule().ordinal() >= previousRule, "grouped by rule");
      previousRule = v.rule().ordinal();
      assertTrue(v.message().contains(code.toString()), v::toString);
    }
    assertEquals(
        modifiers.size() > ModifierRules.MAX_MODIFIERS,
        violations.stream().anyMatch(v -> v.rule() == ModifierRule.TOO_MANY_MODIFIERS));
    assertEquals(
        ImmutableSet.copyOf(modifiers).size() < modifiers.size(),
        violations.stream().anyMatch(v -> v.rule() == ModifierRule.DUPLICATE_MODIFIER));
  }

  @Property(tries = 1000)
  void billedOrderDoesNotChangeWhichRulesAreBroken(
      @ForAll("codes") ProcedureCode code,
      @ForAll("modifiers") List<Modifier> modifiers,
      @ForAll long seed) {
    List<Modifier> shuffled = new ArrayList<>(modifiers);
    Collections.shuffle(shuffled, new Random(seed));
    assertEquals(brokenRules(code, modifiers), brokenRules(code, shuffled));
  }

  @Property(tries = 1000)
  void addingAModifierNeverRepairsALine(
      @ForAll("codes") ProcedureCode code, @ForAll("modifiers") List<Modifier> modifiers) {
    if (modifiers.isEmpty()) {
      return;
    }
    List<Modifier> fewer = modifiers.subList(0, modifiers.size() - 1);
    Multiset<ModifierRule> before = brokenRules(code, fewer);
    Multiset<ModifierRule> after = brokenRules(code, modifiers);
    for (ModifierRule rule : before.elementSet()) {
      assertFalse(!after.contains(rule), () -> rule + " repaired by adding a modifier");
    }
  }

  private static Multiset<ModifierRule> brokenRules(ProcedureCode code, List<Modifier> mods) {
    Multiset<ModifierRule> rules = HashMultiset.create();
    RULES.check(code, mods).forEach(v -> rules.add(v.rule()));
    return rules;
  }
}
