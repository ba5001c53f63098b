package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of section tables: overlaps are rejected and lookups agree with the rows. */
class SectionTableProperties {

  @Provide
  Arbitrary<CptCode> cpt() {
    return CodeArbitraries.cptCodes();
  }

  @Property
  void twoSectionRowsBuildIfAndOnlyIfTheyAreDisjoint(
      @ForAll @IntRange(max = 99_999) int a,
      @ForAll @IntRange(max = 99_999) int b,
      @ForAll @IntRange(max = 99_999) int c,
      @ForAll @IntRange(max = 99_999) int d,
      @ForAll @IntRange(max = 99_999) int probe) {
    CodeRange first =
        CodeRange.of(CptCode.of(Math.min(a, b)), CptCode.of(Math.max(a, b)), Section.SURGERY);
    CodeRange second =
        CodeRange.of(CptCode.of(Math.min(c, d)), CptCode.of(Math.max(c, d)), Section.MEDICINE);
    boolean overlap = Math.min(a, b) <= Math.max(c, d) && Math.min(c, d) <= Math.max(a, b);
    assertEquals(overlap, first.overlaps(second));
    if (overlap) {
      assertThrows(IllegalArgumentException.class, () -> SectionTable.of(List.of(first, second)));
    } else {
      SectionTable table = SectionTable.of(List.of(second, first));
      CptCode code = CptCode.of(probe);
      Section expected =
          first.contains(code)
              ? Section.SURGERY
              : second.contains(code) ? Section.MEDICINE : Section.UNASSIGNED;
      assertEquals(expected, table.section(code));
    }
  }

  @Property
  void aRowOverlappingAStandardRowCannotBeAdded(@ForAll("cpt") CptCode code) {
    List<CodeRange> rows = new java.util.ArrayList<>(SectionTable.standard().rows());
    CodeRange extra = CodeRange.of(code, code, Section.EVALUATION_AND_MANAGEMENT);
    rows.add(extra);
    boolean overlaps = code.section() != Section.UNASSIGNED;
    if (overlaps) {
      assertThrows(IllegalArgumentException.class, () -> SectionTable.of(rows));
    } else {
      assertEquals(Section.EVALUATION_AND_MANAGEMENT, SectionTable.of(rows).section(code));
    }
  }

  @Property
  void everyRowHoldsCodesOfOneShapeOnly(@ForAll("cpt") CptCode code) {
    // Ranges follow the code order, so whatever the order puts between the ends of a row has
    // the row's shape: 0100T never falls inside 00100-01999.
    for (CodeRange row : SectionTable.standard().rows()) {
      boolean between = row.first().compareTo(code) <= 0 && code.compareTo(row.last()) <= 0;
      assertEquals(between, row.contains(code));
      if (between) {
        assertEquals(row.first().kind(), code.kind(), () -> row + " holds " + code);
        assertEquals(row.section(), code.section());
        if (row.isSubsectionRow()) {
          assertEquals(row.subsection(), code.subsection());
        }
      }
    }
  }

  @Property
  void classificationIsTotal(@ForAll("cpt") CptCode code) {
    Section section = code.section();
    Subsection subsection = code.subsection();
    assertTrue(section != null && subsection != null);
    if (section == Section.UNASSIGNED) {
      assertEquals(Subsection.UNASSIGNED, subsection);
    } else if (!section.hasSubsections()) {
      assertEquals(Subsection.NONE, subsection);
    } else {
      assertTrue(
          subsection == Subsection.UNASSIGNED || subsection.section().orElseThrow() == section);
    }
  }

  /** A subsection row builds only inside a section row of its section, its last code included. */
  @Property(tries = 200)
  void aSubsectionRowMustEndInsideItsSectionRow(
      @ForAll @IntRange(min = 0, max = 99) int from, @ForAll @IntRange(min = 0, max = 199) int to) {
    Subsection subsection =
        Arrays.stream(Subsection.values())
            .filter(s -> s.section().isPresent())
            .findFirst()
            .orElseThrow();
    CodeRange section =
        CodeRange.of(CptCode.of(10_000), CptCode.of(10_099), subsection.section().get());
    int last = Math.max(from, to);
    CodeRange sub = CodeRange.of(CptCode.of(10_000 + from), CptCode.of(10_000 + last), subsection);
    if (last <= 99) {
      assertEquals(
          subsection, SectionTable.of(List.of(section, sub)).subsection(CptCode.of(10_000 + last)));
    } else {
      assertThrows(IllegalArgumentException.class, () -> SectionTable.of(List.of(section, sub)));
    }
  }
}
