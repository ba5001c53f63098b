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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
        // Codes on and next to the edges of the rules' ranges, and the listed codes with their
        // neighbours.
        Arbitraries.of(
                "00099", "00100", "00101", "01998", "01999", "02000", "20099", "20100", "20101",
                "69989", "69990", "69991", "86700", "86701", "86702", "86703", "86704", "87388",
                "87389", "87390", "0000F", "0001F", "9998F", "9999F", "0100T", "0001U", "0001M",
                "0001A", "G0008", "99200", "99201", "99213", "99499", "99500", "92001", "92002",
                "92014", "92015", "G0401", "G0402", "G0403", "G0437", "G0438", "G0439", "G0440",
                "G0462", "G0463", "G0464")
            .map(ProcedureCode::parse),
        Arbitraries.of(StandardModifierRules.INFANT_MEDICINE_CODES)
            .flatMap(c -> Arbitraries.of(-1, 0, 0, 1).map(d -> Integer.parseInt(c) + d))
            .map(n -> ProcedureCode.parse(String.format(Locale.ROOT, "%05d", n))),
        // The CT ranges' edges and their neighbours.
        Arbitraries.of(
                70_450, 70_498, 71_250, 71_275, 72_125, 72_133, 72_191, 72_194, 73_200, 73_206,
                73_700, 73_706, 74_150, 74_178, 74_261, 74_263, 75_571, 75_574)
            .flatMap(n -> Arbitraries.of(-1, 0, 0, 1).map(d -> n + d))
            .map(n -> ProcedureCode.parse(String.format(Locale.ROOT, "%05d", n))),
        // The therapy codes of CQ and CO, with the numeric ones' neighbours.
        Arbitraries.of(StandardModifierRules.THERAPY_CODES)
            .flatMap(
                c ->
                    c.chars().allMatch(Character::isDigit)
                        ? Arbitraries.of(-1, 0, 0, 1)
                            .map(d -> String.format(Locale.ROOT, "%05d", Integer.parseInt(c) + d))
                        : Arbitraries.just(c))
            .map(ProcedureCode::parse));
  }

  /** Lists of up to six modifiers, mostly ones the rules name, sometimes repeated. */
  @Provide
  Arbitrary<List<Modifier>> modifiers() {
    Arbitrary<Modifier> ruled =
        Arbitraries.of(
                "25", "57", "59", "52", "53", "73", "74", "76", "77", "78", "79", "93", "95", "26",
                "TC", "50", "51", "63", "92", "P1", "P2", "P3", "P4", "P5", "P6", "1P", "2P", "3P",
                "8P", "LT", "RT", "22", "P9", "P7", "P0", "4P", "47", "CT", "CQ", "CO", "XE", "XS",
                "XP", "XU", "JW", "JZ", "62", "66", "80", "81", "82", "AS", "AA", "QK", "QZ", "GC",
                "54", "55", "56", "GA", "GX", "GY", "GZ", "AD", "QX", "QY")
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
    int previousPlace = -1;
    for (ModifierViolation v : violations) {
      assertEquals(code, v.code());
      assertTrue(modifiers.containsAll(v.modifiers()), v::toString);
      assertTrue(v.rule().ordinal() >= previousRule, "grouped by rule");
      // Within a rule, in billed order of each violation's first modifier.
      int place = modifiers.indexOf(v.modifiers().get(0));
      assertTrue(
          v.rule().ordinal() > previousRule || place >= previousPlace,
          () -> "billed order within " + v.rule() + ": " + violations);
      previousRule = v.rule().ordinal();
      previousPlace = place;
      assertTrue(v.message().contains(code.toString()), v::toString);
    }
    assertEquals(
        modifiers.size() > ModifierRules.MAX_MODIFIERS,
        violations.stream().anyMatch(v -> v.rule() == ModifierRule.TOO_MANY_MODIFIERS));
    assertEquals(
        ImmutableSet.copyOf(modifiers).size() < modifiers.size(),
        violations.stream().anyMatch(v -> v.rule() == ModifierRule.DUPLICATE_MODIFIER));
  }

  /**
   * The rules as their documentation states them, written out independently of the rule tables: a
   * wrong range bound (an exclusive first code, 69989 for 69990) or a modifier missing from a group
   * breaks this law on the edge codes drawn above.
   */
  @Property(tries = 2000)
  void brokenRulesAreTheDocumentedOnes(
      @ForAll("codes") ProcedureCode code, @ForAll("modifiers") List<Modifier> modifiers) {
    assertEquals(
        expectedRules(code, modifiers),
        RULES.check(code, modifiers).stream()
            .map(ModifierViolation::rule)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ModifierRule.class))),
        () -> code + " " + modifiers);
  }

  private static EnumSet<ModifierRule> expectedRules(ProcedureCode code, List<Modifier> mods) {
    String c = code.toString();
    boolean fiveDigits = c.chars().allMatch(Character::isDigit);
    int number = fiveDigits ? Integer.parseInt(c) : -1;
    boolean categoryII = c.charAt(4) == 'F';
    Set<String> names = mods.stream().map(Modifier::toString).collect(Collectors.toSet());
    EnumSet<ModifierRule> rules = EnumSet.noneOf(ModifierRule.class);
    if (mods.size() > 4) {
      rules.add(ModifierRule.TOO_MANY_MODIFIERS);
    }
    if (names.size() < mods.size()) {
      rules.add(ModifierRule.DUPLICATE_MODIFIER);
    }
    if (!categoryII && anyOf(names, "1P", "2P", "3P", "8P")) {
      rules.add(ModifierRule.CATEGORY_II_MODIFIER_ON_OTHER_CODE);
    }
    if (categoryII && anyOf(names, "50", "51")) {
      rules.add(ModifierRule.NOT_ON_CATEGORY_II);
    }
    if (!(number >= 100 && number <= 1999) && anyOf(names, "P1", "P2", "P3", "P4", "P5", "P6")) {
      rules.add(ModifierRule.PHYSICAL_STATUS_OUTSIDE_ANESTHESIA);
    }
    if (number >= 100 && number <= 1999 && names.contains("47")) {
      rules.add(ModifierRule.SURGEON_ANESTHESIA_ON_ANESTHESIA_CODE);
    }
    if (number >= 100
        && number <= 1999
        && anyOf(names, "26", "TC", "50", "62", "66", "80", "81", "82", "AS")) {
      rules.add(ModifierRule.PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE);
    }
    boolean infantAllowed =
        (number >= 20_100 && number <= 69_990)
            || StandardModifierRules.INFANT_MEDICINE_CODES.contains(c);
    if (!infantAllowed && names.contains("63")) {
      rules.add(ModifierRule.INFANT_MODIFIER_OUTSIDE_ALLOWED_CODES);
    }
    boolean hivTest = (number >= 86_701 && number <= 86_703) || number == 87_389;
    if (!hivTest && names.contains("92")) {
      rules.add(ModifierRule.ALTERNATIVE_PLATFORM_OUTSIDE_HIV_TESTS);
    }
    int[][] ctRanges = {
      {70_450, 70_498},
      {71_250, 71_275},
      {72_125, 72_133},
      {72_191, 72_194},
      {73_200, 73_206},
      {73_700, 73_706},
      {74_150, 74_178},
      {74_261, 74_263},
      {75_571, 75_574}
    };
    boolean ctCode = false;
    for (int[] range : ctRanges) {
      ctCode |= number >= range[0] && number <= range[1];
    }
    if (!ctCode && names.contains("CT")) {
      rules.add(ModifierRule.CT_MODIFIER_OUTSIDE_CT_CODES);
    }
    if (!StandardModifierRules.THERAPY_CODES.contains(c) && anyOf(names, "CQ", "CO")) {
      rules.add(ModifierRule.THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES);
    }
    for (List<String> group :
        List.of(
            List.of("22", "52"),
            List.of("25", "57", "59"),
            List.of("52", "53", "73", "74"),
            List.of("76", "77", "78", "79"),
            List.of("93", "95"),
            List.of("CQ", "CO"),
            List.of("JW", "JZ"),
            List.of("AA", "AD", "QK", "QX", "QY", "QZ"))) {
      if (group.stream().filter(names::contains).count() > 1) {
        rules.add(ModifierRule.MUTUALLY_EXCLUSIVE);
      }
    }
    if (names.contains("26") && names.contains("TC")) {
      rules.add(ModifierRule.PROFESSIONAL_WITH_TECHNICAL_COMPONENT);
    }
    if (names.contains("50") && anyOf(names, "LT", "RT")) {
      rules.add(ModifierRule.BILATERAL_WITH_SIDE);
    }
    if (names.contains("59") && anyOf(names, "XE", "XS", "XP", "XU")) {
      rules.add(ModifierRule.DISTINCT_SERVICE_WITH_X_MODIFIER);
    }
    if (anyOf(names, "54", "55", "56") && anyOf(names, "80", "81", "82", "AS")) {
      rules.add(ModifierRule.SPLIT_CARE_WITH_ASSISTANT);
    }
    if (names.contains("78") && anyOf(names, "54", "55", "56")) {
      rules.add(ModifierRule.RETURN_TO_OPERATING_ROOM_WITH_SPLIT_CARE);
    }
    boolean visit =
        (number >= 99_201 && number <= 99_499)
            || (number >= 92_002 && number <= 92_014)
            || List.of("G0402", "G0438", "G0439", "G0463").contains(c);
    if (!visit && anyOf(names, "25", "57")) {
      rules.add(ModifierRule.EVALUATION_AND_MANAGEMENT_MODIFIER_ON_OTHER_CODE);
    }
    long liability = Stream.of("GA", "GY", "GZ").filter(names::contains).count();
    if (liability > 1 || names.contains("GX") && anyOf(names, "GA", "GZ")) {
      rules.add(ModifierRule.CONTRADICTORY_LIABILITY_MODIFIERS);
    }
    return rules;
  }

  private static boolean anyOf(Set<String> names, String... wanted) {
    for (String w : wanted) {
      if (names.contains(w)) {
        return true;
      }
    }
    return false;
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
