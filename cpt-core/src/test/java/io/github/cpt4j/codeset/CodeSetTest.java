package io.github.cpt4j.codeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.code.CodeLevel;
import io.github.cpt4j.code.CptCategory;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.CptKind;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.code.Subsection;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRegistry;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CodeSetTest {

  private static final LocalDate START = LocalDate.of(2000, 1, 1);

  static CodeEntry entry(String code, String description) {
    return CodeEntry.builder()
        .code(ProcedureCode.parse(code))
        .shortDescription(description)
        .effectiveFrom(START)
        .build();
  }

  static CodeEntry entry(String code, String description, LocalDate from, LocalDate to) {
    return CodeEntry.builder()
        .code(ProcedureCode.parse(code))
        .shortDescription(description)
        .effectiveFrom(from)
        .effectiveTo(Optional.ofNullable(to))
        .build();
  }

  private final CodeSet set =
      CodeSet.of(
          entry("G0438", "Yearly wellness visit, first"),
          entry("0001F", "Made-up measure group"),
          entry("99213", "Made-up office visit"),
          entry("00100", "Made-up anesthesia"),
          entry("0042T", "Made-up emerging technology"),
          entry("99201", "Made-up retired visit", START, LocalDate.of(2020, 12, 31)),
          entry("0001A", "Made-up vaccine administration"));

  @Test
  void iteratesInCodeOrderNotStringOrder() {
    assertEquals(
        List.of("00100", "99201", "99213", "0001A", "0001F", "0042T", "G0438"),
        set.stream().map(e -> e.code().toString()).collect(Collectors.toList()));
    assertEquals(7, set.size());
    assertFalse(set.isEmpty());
  }

  @Test
  void findsByCodeAndByText() {
    assertEquals(
        "Made-up office visit", set.find(CptCode.of(99213)).orElseThrow().shortDescription());
    assertSame(set.find(CptCode.of(99213)), set.find("99213"), "pre-built Optional");
    assertEquals(Optional.empty(), set.find(CptCode.of(99214)));
    assertEquals(Optional.empty(), set.find("9921"));
    assertEquals(Optional.empty(), set.find(" 99213"));
    assertEquals(Optional.empty(), set.find(""));
    assertTrue(set.contains(HcpcsCode.of('G', 438)));
    assertFalse(set.contains(CptCode.of(CptKind.PLA, 1)));
  }

  /**
   * A set dense at the start of the packed order keeps those codes in a table indexed by the code
   * itself and the rest by hash: both must answer every hit and every miss, at the table's edges
   * too.
   */
  @Test
  void findsCodesInTheDenseRunAndPastIt() {
    CodeSet.Builder builder = CodeSet.builder();
    for (int n = 100; n < 300; n += 2) {
      builder.add(entry(CptCode.of(n).toString(), "Made-up dense " + n));
    }
    builder.add(entry("99213", "Made-up visit")).add(entry("G0438", "Made-up wellness visit"));
    CodeSet dense = builder.build();
    for (int n = 0; n < 400; n++) {
      assertEquals(n >= 100 && n < 300 && n % 2 == 0, dense.contains(CptCode.of(n)), "code " + n);
    }
    assertEquals("Made-up dense 298", dense.find("00298").orElseThrow().shortDescription());
    assertEquals("Made-up visit", dense.find(CptCode.of(99213)).orElseThrow().shortDescription());
    assertEquals("Made-up wellness visit", dense.find("G0438").orElseThrow().shortDescription());
    assertFalse(dense.contains(CptCode.of(99214)));
    assertFalse(dense.find("G0439").isPresent());
    assertFalse(dense.find("0010").isPresent());
    assertSame(dense.find("00100"), dense.find(CptCode.of(100)));
  }

  @Test
  void findOnADateHonoursBothEnds() {
    ProcedureCode retired = CptCode.of(99201);
    assertTrue(set.find(retired, LocalDate.of(2020, 12, 31)).isPresent());
    assertTrue(set.find(retired, START).isPresent());
    assertFalse(set.find(retired, LocalDate.of(2021, 1, 1)).isPresent());
    assertFalse(set.find(retired, LocalDate.of(1999, 12, 31)).isPresent());
    assertTrue(set.find("99201", LocalDate.of(2015, 6, 1)).isPresent());
    assertFalse(set.find("99201", LocalDate.of(2021, 6, 1)).isPresent());
    assertTrue(set.find(CptCode.of(99213), LocalDate.of(2099, 1, 1)).isPresent());
  }

  @Test
  void betweenIsInclusiveAndFollowsCodeOrder() {
    assertEquals(
        List.of("99201", "99213", "0001A", "0001F"),
        set.between(CptCode.of(99200), CptCode.of(CptKind.PERFORMANCE_MEASURE, 1)).stream()
            .map(e -> e.code().toString())
            .collect(Collectors.toList()));
    assertEquals(List.of(), set.between(CptCode.of(99214), CptCode.of(99999)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> set.between(CptCode.of(99215), CptCode.of(99202)));
    assertEquals("range 99215 to 99202 is backwards", e.getMessage());
  }

  @Test
  void sectionQueriesFollowTheSectionTable() {
    CodeSet codes =
        CodeSet.of(
            entry("27447", "Made-up knee"), entry("43239", "Made-up scope"),
            entry("88305", "Made-up pathology"), entry("0001U", "Made-up lab"),
            entry("0002M", "Made-up assay"), entry("99213", "Made-up visit"),
            entry("02000", "Made-up number in no range"), entry("J1100", "Made-up drug"));
    assertEquals(
        List.of("88305", "0002M", "0001U"),
        codes.inSection(Section.PATHOLOGY_AND_LABORATORY).stream()
            .map(e -> e.code().toString())
            .collect(Collectors.toList()));
    assertEquals(
        List.of("27447", "43239"),
        codes.inSection(Section.SURGERY).stream()
            .map(e -> e.code().toString())
            .collect(Collectors.toList()));
    assertEquals(
        List.of("43239"),
        codes.inSubsection(Subsection.DIGESTIVE).stream()
            .map(e -> e.code().toString())
            .collect(Collectors.toList()));
    assertEquals(
        List.of("02000"),
        codes.inSection(Section.UNASSIGNED).stream()
            .map(e -> e.code().toString())
            .collect(Collectors.toList()));
    assertEquals(List.of(), codes.inSection(Section.CATEGORY_III));
    CodeEntry knee = codes.find("27447").orElseThrow();
    assertEquals(Optional.of(Section.SURGERY), knee.section());
    assertEquals(Optional.of(Subsection.MUSCULOSKELETAL), knee.subsection());
    assertEquals(Optional.empty(), codes.find("J1100").orElseThrow().section());
    assertEquals(Optional.empty(), codes.find("J1100").orElseThrow().subsection());
  }

  @Test
  void builderRejectsDuplicatesNamingTheCode() {
    CodeSet.Builder builder = CodeSet.builder().add(entry("99213", "First"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.add(entry("99213", "Second")));
    assertEquals("duplicate code 99213: 'First' and 'Second'", e.getMessage());
    assertEquals(1, builder.size());
  }

  @Test
  void duplicateMessagesQuoteLongDescriptionsShort() {
    // Descriptions may run to 4,000 characters; the message quotes 64 of each, as every message
    // quotes text, so that it stays one readable line.
    String first = "Made-up long description, first entry: ".repeat(110).substring(0, 4_000);
    String second = "Made-up long description, second entry: ".repeat(110).substring(0, 4_000);
    CodeSet.Builder builder = CodeSet.builder().add(entry("99213", first));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.add(entry("99213", second)));
    assertEquals(
        "duplicate code 99213: 'Made-up long description, first entry: Made-up long description,"
            + "...' and 'Made-up long description, second entry: Made-up long description...'",
        e.getMessage());
    IllegalArgumentException inBatch =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addAll(List.of(entry("99214", "Made-up"), entry("99213", second))));
    assertTrue(
        inBatch.getMessage().startsWith("entry at index 1: duplicate code 99213: 'Made-up long"),
        inBatch::getMessage);
    assertTrue(inBatch.getMessage().length() < 200, inBatch::getMessage);
  }

  @Test
  void builderAddsAllOrNoneNamingTheIndexOfARefusedEntry() {
    CodeSet.Builder builder = CodeSet.builder().add(entry("99213", "First"));
    IllegalArgumentException duplicate =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                builder.addAll(
                    List.of(
                        entry("99214", "Made-up"),
                        entry("99215", "Made-up"),
                        entry("99213", "Second"))));
    assertEquals(
        "entry at index 2: duplicate code 99213: 'First' and 'Second'", duplicate.getMessage());
    // Nothing of the refused batch stays, and the entry held before it does.
    assertEquals(1, builder.size());
    assertEquals("First", builder.build().find("99213").orElseThrow().shortDescription());

    IllegalArgumentException twiceInOneBatch =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.addAll(List.of(entry("99214", "One"), entry("99214", "Two"))));
    assertEquals(
        "entry at index 1: duplicate code 99214: 'One' and 'Two'", twiceInOneBatch.getMessage());
    assertEquals(1, builder.size());

    NullPointerException nullEntry =
        assertThrows(
            NullPointerException.class,
            () -> builder.addAll(Arrays.asList(entry("99214", "Made-up"), null)));
    assertEquals("entry at index 1", nullEntry.getMessage());
    assertEquals(1, builder.size());
    // The batch can be added once mended.
    assertEquals(2, builder.addAll(List.of(entry("99214", "Made-up"))).size());
  }

  @Test
  void entryRejectsInconsistentDatesAndBadDescriptions() {
    IllegalArgumentException dates =
        assertThrows(
            IllegalArgumentException.class,
            () -> entry("99201", "Made up", LocalDate.of(2021, 1, 1), LocalDate.of(2020, 12, 31)));
    assertEquals(
        "code 99201 ends on 2020-12-31, before it starts on 2021-01-01", dates.getMessage());
    IllegalArgumentException blank =
        assertThrows(IllegalArgumentException.class, () -> entry("99213", "  "));
    assertEquals("the short description of code 99213 is blank", blank.getMessage());
    // Blank as the parsers see it: no-break and figure spaces too, which String.isBlank keeps.
    for (String spaces : new String[] {"\u00a0", "\u2007\u202f"}) {
      IllegalArgumentException unicode =
          assertThrows(IllegalArgumentException.class, () -> entry("99213", spaces));
      assertEquals("the short description of code 99213 is blank", unicode.getMessage());
    }
    IllegalArgumentException control =
        assertThrows(IllegalArgumentException.class, () -> entry("99213", "Two\nlines"));
    assertEquals(
        "the short description of code 99213 contains control character U+000A" + " at index 3",
        control.getMessage());
    IllegalArgumentException separator =
        assertThrows(IllegalArgumentException.class, () -> entry("99213", "Two\u2028lines"));
    assertTrue(separator.getMessage().contains("U+2028 at index 3"), separator.getMessage());
    // A Windows-1252 quote read as ISO-8859-1 is a C1 control: no text of a description.
    IllegalArgumentException c1 =
        assertThrows(IllegalArgumentException.class, () -> entry("99213", "Patient\u0092s visit"));
    assertEquals(
        "the short description of code 99213 contains control character U+0092 at index 7",
        c1.getMessage());
    assertThrows(
        IllegalStateException.class,
        () ->
            CodeEntry.builder().code(CptCode.of(99213)).shortDescription("No start date").build());
  }

  @Test
  void entryDerivesLevelAndCategoryFromTheCode() {
    CodeEntry measure = entry("0001F", "Made-up measure");
    assertEquals(CodeLevel.LEVEL_I, measure.level());
    assertEquals(Optional.of(CptCategory.CATEGORY_II), measure.category());
    CodeEntry levelTwo = entry("J1100", "Made-up drug");
    assertEquals(CodeLevel.LEVEL_II, levelTwo.level());
    assertEquals(Optional.empty(), levelTwo.category());
    assertFalse(levelTwo.addOn());
  }

  @Test
  void overlayLetsTheTopWinWithoutCopying() {
    CodeSet top =
        CodeSet.of(
            entry("99213", "Licensed text for the office visit"),
            entry("99214", "Licensed text for a code the sample lacks"));
    CodeSet merged = set.overlaidWith(top);
    assertEquals(8, merged.size());
    assertEquals(
        "Licensed text for the office visit",
        merged.find("99213").orElseThrow().shortDescription());
    assertEquals("Made-up anesthesia", merged.find("00100").orElseThrow().shortDescription());
    assertSame(top.find("99214"), merged.find("99214"));
    assertEquals(
        List.of("99201", "99213", "99214"),
        merged.between(CptCode.of(99201), CptCode.of(99215)).stream()
            .map(e -> e.code().toString())
            .collect(Collectors.toList()));
    assertEquals(
        List.of("00100", "99201", "99213", "99214", "0001A", "0001F", "0042T", "G0438"),
        merged.stream().map(e -> e.code().toString()).collect(Collectors.toList()));
    assertSame(set, set.overlaidWith(CodeSet.empty()));
    assertSame(top, CodeSet.empty().overlaidWith(top));
  }

  @Test
  void overlayIsEqualToTheFlatSetWithTheSameEntries() {
    CodeSet top = CodeSet.of(entry("99213", "Licensed"));
    CodeSet flat = CodeSet.copyOf(set.overlaidWith(top).stream().collect(Collectors.toList()));
    new EqualsTester()
        .addEqualityGroup(
            set,
            CodeSet.copyOf(set.stream().collect(Collectors.toList())),
            set.overlaidWith(CodeSet.of(entry("99213", "Made-up office visit"))))
        .addEqualityGroup(set.overlaidWith(top), flat)
        .addEqualityGroup(CodeSet.empty(), CodeSet.of())
        .testEquals();
  }

  @Test
  void entriesAreValues() {
    new EqualsTester()
        .addEqualityGroup(entry("99213", "Visit"), entry("99213", "Visit"))
        .addEqualityGroup(entry("99214", "Visit"))
        .addEqualityGroup(entry("99213", "Other"))
        .addEqualityGroup(entry("99213", "Visit", START, LocalDate.of(2020, 1, 1)))
        .addEqualityGroup(
            CodeEntry.builder()
                .code(CptCode.of(99213))
                .shortDescription("Visit")
                .effectiveFrom(START)
                .addOn(true)
                .build())
        .addEqualityGroup(
            CodeEntry.builder()
                .code(CptCode.of(99213))
                .shortDescription("Visit")
                .effectiveFrom(START)
                .longDescription("A longer made-up text")
                .build())
        .testEquals();
  }

  @Test
  void toStringSummarises() {
    assertEquals("CodeSet[7 codes, 00100..G0438]", set.toString());
    assertEquals("CodeSet[0 codes]", CodeSet.empty().toString());
  }

  @Test
  void nullsAreRejected() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(ProcedureCode.class, CptCode.of(99213))
            .setDefault(CodeEntry.class, entry("99213", "Visit"))
            .setDefault(CodeSet.class, set)
            .setDefault(LocalDate.class, START)
            .setDefault(Section.class, Section.SURGERY)
            .setDefault(Subsection.class, Subsection.DIGESTIVE);
    tester.testAllPublicStaticMethods(CodeSet.class);
    tester.testAllPublicInstanceMethods(set);
    tester.testAllPublicInstanceMethods(set.overlaidWith(CodeSet.of(entry("99214", "Visit"))));
    tester.testAllPublicInstanceMethods(CodeSet.builder());
    tester.testAllPublicInstanceMethods(entry("99213", "Visit"));
  }

  /** A null says which argument it was, as the JDK's own value types do. */
  @Test
  void aNullArgumentIsNamed() {
    CptCode visit = CptCode.of(99213);
    assertEquals(
        "code",
        assertThrows(NullPointerException.class, () -> set.find((ProcedureCode) null))
            .getMessage());
    assertEquals(
        "code",
        assertThrows(NullPointerException.class, () -> set.find((ProcedureCode) null, START))
            .getMessage());
    // The text lookups said "text", the name of an argument of ProcedureCode.packedOf.
    assertEquals(
        "code",
        assertThrows(NullPointerException.class, () -> set.find((CharSequence) null)).getMessage());
    assertEquals(
        "code",
        assertThrows(NullPointerException.class, () -> set.find((CharSequence) null, START))
            .getMessage());
    assertEquals(
        "code", assertThrows(NullPointerException.class, () -> set.contains(null)).getMessage());
    assertEquals(
        "first",
        assertThrows(NullPointerException.class, () -> set.between(null, visit)).getMessage());
    assertEquals(
        "last",
        assertThrows(NullPointerException.class, () -> set.between(visit, null)).getMessage());
    // A null among the entries, and a null action: List.of and Iterable said nothing.
    CodeEntry one = entry("99213", "Visit");
    assertEquals(
        "entry at index 1",
        assertThrows(NullPointerException.class, () -> CodeSet.of(one, null)).getMessage());
    assertEquals(
        "action", assertThrows(NullPointerException.class, () -> set.forEach(null)).getMessage());
    // copyOf said "more", the name of the builder's addAll argument it hands the entries to.
    assertEquals(
        "entries",
        assertThrows(NullPointerException.class, () -> CodeSet.copyOf(null)).getMessage());
    assertEquals(
        "modifier",
        assertThrows(
                NullPointerException.class,
                () ->
                    ModifierRegistry.standard()
                        .paymentEffects(Arrays.asList(Modifier.parse("26"), null)))
            .getMessage());
  }
}
