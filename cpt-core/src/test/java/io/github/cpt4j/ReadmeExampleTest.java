package io.github.cpt4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeFormatException.ErrorType;
import io.github.cpt4j.code.CptCategory;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.HcpcsGroup;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.code.Subsection;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierInfo;
import io.github.cpt4j.modifier.ModifierKind;
import io.github.cpt4j.modifier.ModifierRule;
import io.github.cpt4j.modifier.ModifierRules;
import io.github.cpt4j.modifier.ModifierViolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: the code-model example in README.md is exactly the block between the
 * markers below, which this test compiles and runs.
 */
class ReadmeExampleTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path SELF =
      Path.of("src", "test", "java", "io", "github", "cpt4j", "ReadmeExampleTest.java");

  @Test
  void codeModelExampleRunsAsTheReadmeSays() {
    // README:begin
    // Parse: strict, lenient, or without exceptions.
    CptCode knee = CptCode.parse("27447");
    ProcedureCode drug = ProcedureCode.parse("J1100"); // a HcpcsCode
    CptCode typed = CptCode.parseLenient(" 0001f "); // 0001F
    Optional<CptCode> none = CptCode.tryParse("2744"); // empty; never throws
    boolean valid = ProcedureCode.isValid("0042T"); // true, without allocating

    // Validate: an error says what is wrong and where.
    ErrorType type = null;
    int index = -1;
    try {
      CptCode.parse("99\uFF1213"); // a full-width digit
    } catch (CodeFormatException e) {
      type = e.errorType(); // ILLEGAL_CHARACTER
      index = e.errorIndex(); // 2
    }

    // Classify: category, section and subsection from one range table.
    CptCategory category = knee.category(); // CATEGORY_I
    Section section = knee.section(); // SURGERY
    Subsection subsection = knee.subsection(); // MUSCULOSKELETAL
    Section lab = CptCode.parse("0001U").section(); // PATHOLOGY_AND_LABORATORY
    Section gap = CptCode.parse("02000").section(); // UNASSIGNED: never guessed
    HcpcsGroup group = ((HcpcsCode) drug).group(); // DRUGS

    // Modifiers: the known ones have a kind and a description; others are still valid.
    Modifier tc = Modifier.parse("TC");
    Optional<ModifierKind> kind = tc.info().map(ModifierInfo::kind); // HCPCS_LEVEL_II
    boolean known = Modifier.parse("P7").isKnown(); // false

    // Claim lines, and the modifier rules: every violation, not just the first.
    ClaimLine line = ClaimLine.parse("71046-26-TC x2");
    List<ModifierViolation> problems = ModifierRules.standard().check(line);
    ModifierRule rule = problems.get(0).rule(); // PROFESSIONAL_WITH_TECHNICAL_COMPONENT
    // README:end

    assertEquals("27447", knee.toString());
    assertTrue(drug instanceof HcpcsCode);
    assertEquals("0001F", typed.toString());
    assertEquals(Optional.empty(), none);
    assertTrue(valid);
    assertEquals(ErrorType.ILLEGAL_CHARACTER, type);
    assertEquals(2, index);
    assertEquals(CptCategory.CATEGORY_I, category);
    assertEquals(Section.SURGERY, section);
    assertEquals(Subsection.MUSCULOSKELETAL, subsection);
    assertEquals(Section.PATHOLOGY_AND_LABORATORY, lab);
    assertEquals(Section.UNASSIGNED, gap);
    assertEquals(HcpcsGroup.DRUGS, group);
    assertEquals(Optional.of(ModifierKind.HCPCS_LEVEL_II), kind);
    assertFalse(known);
    assertEquals(1, problems.size());
    assertEquals(ModifierRule.PROFESSIONAL_WITH_TECHNICAL_COMPONENT, rule);
  }

  @Test
  void readmeShowsExactlyTheCodeThatRuns() throws IOException {
    List<String> source = Files.readAllLines(SELF);
    int begin = indexOf(source, "// README:begin");
    int end = indexOf(source, "// README:end");
    List<String> expected = dedent(source.subList(begin + 1, end));

    List<String> readme = Files.readAllLines(README);
    int heading = indexOf(readme, "## Code model");
    int open = heading + indexOf(readme.subList(heading, readme.size()), "```java");
    int close = open + 1 + indexOf(readme.subList(open + 1, readme.size()), "```");
    // The README shows the imports first (ReadmeSnippetsTest compiles them); the code follows.
    int code = open + 1;
    while (code < close && readme.get(code).startsWith("import ")) {
      code++;
    }
    if (code > open + 1 && code < close && readme.get(code).isEmpty()) {
      code++;
    }
    assertEquals(
        expected,
        readme.subList(code, close),
        "the README's code-model example differs from ReadmeExampleTest; copy one to the other");
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("marker not found: " + marker);
  }

  /** The lines without their common indentation, as the README shows them. */
  private static List<String> dedent(List<String> lines) {
    return String.join("\n", lines).stripIndent().lines().toList();
  }
}
