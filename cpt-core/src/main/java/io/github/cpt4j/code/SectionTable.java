package io.github.cpt4j.code;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.text.NullElements;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The table that classifies CPT codes into {@linkplain Section sections} and {@linkplain Subsection
 * subsections}: a list of {@link CodeRange} rows, checked when it is built and compiled into a
 * small sorted array for lookups.
 *
 * <p>{@link #standard()} is the table behind {@link CptCode#section()} and {@link
 * CptCode#subsection()}. A table is immutable and thread-safe; a lookup is a read of a block table
 * and usually one comparison, and never allocates.
 *
 * <p>The rules a table obeys, enforced by {@link #of(Iterable)}:
 *
 * <ul>
 *   <li>section rows do not overlap one another;
 *   <li>subsection rows do not overlap one another;
 *   <li>each subsection row lies inside a single section row of its own section.
 * </ul>
 *
 * <p>A code in no section row is {@link Section#UNASSIGNED}, and its subsection is {@link
 * Subsection#UNASSIGNED} too. A code in a section that has subsections but in none of its
 * subsection rows has subsection {@link Subsection#UNASSIGNED}; in a section without subsections,
 * {@link Subsection#NONE}. Nothing is ever guessed.
 *
 * <pre>{@code
 * SectionTable table = SectionTable.standard();
 * table.section(CptCode.parse("71046"));      // RADIOLOGY
 * table.subsection(CptCode.parse("71046"));   // DIAGNOSTIC_RADIOLOGY
 * table.rows();                               // the rows, for display or export
 * }</pre>
 */
public final class SectionTable {

  /** One past the largest packed CPT code: lookups cover {@code [0, CPT_BOUND)}. */
  private static final int CPT_BOUND = CodeScanner.LEVEL_II_BASE;

  private static final Comparator<CodeRange> BY_FIRST =
      Comparator.comparingInt(r -> r.first().packed());

  private static final SectionTable STANDARD = of(StandardRanges.rows());

  private final ImmutableList<CodeRange> rows;
  // Segments of the packed CPT space with one classification each: segment i covers
  // [starts[i], starts[i + 1]). starts[0] is 0.
  private final int[] starts;
  private final Section[] sections;
  private final Subsection[] subsections;

  /**
   * The segment of the first code of every block of {@code 1 << BLOCK_BITS} packed codes: a lookup
   * starts there and steps forward past the few segments that begin inside the block (usually
   * none), instead of a binary search over every segment. What it buys: one table read and one
   * predictable comparison instead of about seven unpredictable ones (6 KiB).
   */
  private final int[] blockSegments;

  private static final int BLOCK_BITS = 7;

  private SectionTable(
      ImmutableList<CodeRange> rows, int[] starts, Section[] sections, Subsection[] subsections) {
    this.rows = rows;
    this.starts = starts;
    this.sections = sections;
    this.subsections = subsections;
    int[] blocks = new int[(CPT_BOUND >>> BLOCK_BITS) + 1];
    int segment = 0;
    for (int block = 0; block < blocks.length; block++) {
      int first = block << BLOCK_BITS;
      while (segment + 1 < starts.length && starts[segment + 1] <= first) {
        segment++;
      }
      blocks[block] = segment;
    }
    this.blockSegments = blocks;
  }

  /**
   * {@return the table of the CPT code book's sections, Surgery and Radiology subsections and
   * Category II groups, with every suffixed code shape placed as {@link Section} documents}
   */
  public static SectionTable standard() {
    return STANDARD;
  }

  /**
   * Builds a table from {@code rows}, in any order.
   *
   * @param rows the section and subsection rows of the table
   * @return the table
   * @throws IllegalArgumentException if two section rows or two subsection rows overlap, or a
   *     subsection row is not inside a section row of its section; the message names the rows
   * @throws NullPointerException if {@code rows} or one of them is null (the message names its
   *     index)
   */
  public static SectionTable of(Iterable<CodeRange> rows) {
    requireNonNull(rows, "rows");
    List<CodeRange> sectionRows = new ArrayList<>();
    List<CodeRange> subsectionRows = new ArrayList<>();
    int i = 0;
    for (CodeRange row : rows) {
      if (row == null) {
        throw new NullPointerException(NullElements.at("row", i));
      }
      (row.isSubsectionRow() ? subsectionRows : sectionRows).add(row);
      i++;
    }
    sectionRows.sort(BY_FIRST);
    subsectionRows.sort(BY_FIRST);
    rejectOverlaps(sectionRows, "section");
    rejectOverlaps(subsectionRows, "subsection");
    for (CodeRange sub : subsectionRows) {
      CodeRange parent = containing(sectionRows, sub.first().packed());
      if (parent == null
          || parent.section() != sub.section()
          || parent.last().packed() < sub.last().packed()) {
        throw new IllegalArgumentException(
            "subsection row "
                + sub
                + " is not inside a single "
                + sub.section().displayName()
                + " section row");
      }
    }

    TreeSet<Integer> boundaries = new TreeSet<>();
    boundaries.add(0);
    for (CodeRange row : sectionRows) {
      boundaries.add(row.first().packed());
      boundaries.add(row.last().packed() + 1);
    }
    for (CodeRange row : subsectionRows) {
      boundaries.add(row.first().packed());
      boundaries.add(row.last().packed() + 1);
    }
    boundaries.remove(CPT_BOUND);
    int[] starts = new int[boundaries.size()];
    Section[] sections = new Section[starts.length];
    Subsection[] subsections = new Subsection[starts.length];
    int count = 0;
    for (int start : boundaries) {
      Section section = classify(sectionRows, start);
      Subsection subsection = subclassify(subsectionRows, section, start);
      // Neighbours with the same classification share one segment.
      if (count > 0 && sections[count - 1] == section && subsections[count - 1] == subsection) {
        continue;
      }
      starts[count] = start;
      sections[count] = section;
      subsections[count] = subsection;
      count++;
    }
    List<CodeRange> all = new ArrayList<>(sectionRows);
    all.addAll(subsectionRows);
    all.sort(BY_FIRST.thenComparing(CodeRange::isSubsectionRow));
    return new SectionTable(
        ImmutableList.copyOf(all),
        Arrays.copyOf(starts, count),
        Arrays.copyOf(sections, count),
        Arrays.copyOf(subsections, count));
  }

  private static void rejectOverlaps(List<CodeRange> sorted, String level) {
    for (int i = 1; i < sorted.size(); i++) {
      CodeRange previous = sorted.get(i - 1);
      CodeRange row = sorted.get(i);
      if (previous.overlaps(row)) {
        throw new IllegalArgumentException(level + " rows overlap: " + previous + " and " + row);
      }
    }
  }

  private static CodeRange containing(List<CodeRange> rows, int packed) {
    for (CodeRange row : rows) {
      if (row.containsPacked(packed)) {
        return row;
      }
    }
    return null;
  }

  private static Section classify(List<CodeRange> sectionRows, int packed) {
    CodeRange row = containing(sectionRows, packed);
    return row == null ? Section.UNASSIGNED : row.section();
  }

  private static Subsection subclassify(
      List<CodeRange> subsectionRows, Section section, int packed) {
    CodeRange row = containing(subsectionRows, packed);
    if (row != null) {
      return row.subsection();
    }
    return section.hasSubsections() || section == Section.UNASSIGNED
        ? Subsection.UNASSIGNED
        : Subsection.NONE;
  }

  /**
   * {@return every row, section rows and subsection rows together, ordered by first code (a section
   * row before the subsection rows that start with it)}
   */
  public ImmutableList<CodeRange> rows() {
    return rows;
  }

  /**
   * {@return the section of {@code code}, {@link Section#UNASSIGNED} if no row contains it}
   *
   * @param code the code to classify
   */
  public Section section(CptCode code) {
    return sections[segment(requireNonNull(code, "code").packed())];
  }

  /**
   * {@return the subsection of {@code code}: the subsection row containing it, else {@link
   * Subsection#NONE} if it is in a section that has no subsections, else {@link
   * Subsection#UNASSIGNED} (a code in no section, such as 02000, included)}
   *
   * @param code the code to classify
   */
  public Subsection subsection(CptCode code) {
    return subsections[segment(requireNonNull(code, "code").packed())];
  }

  Section sectionOfPacked(int packed) {
    return sections[segment(packed)];
  }

  Subsection subsectionOfPacked(int packed) {
    return subsections[segment(packed)];
  }

  /** Returns the index of the last segment starting at or before {@code packed}. */
  private int segment(int packed) {
    int[] s = starts;
    int segment = blockSegments[packed >>> BLOCK_BITS];
    while (segment + 1 < s.length && s[segment + 1] <= packed) {
      segment++;
    }
    return segment;
  }

  /**
   * Returns a short summary for diagnostics: the rows, and the segments of one section and
   * subsection they cut the code space into (unassigned gaps included), {@code SectionTable[47
   * rows, 86 segments]} for the {@linkplain #standard() standard table}.
   */
  @Override
  public String toString() {
    return "SectionTable[" + rows.size() + " rows, " + starts.length + " segments]";
  }
}
