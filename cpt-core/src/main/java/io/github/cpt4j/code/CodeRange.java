package io.github.cpt4j.code;

import static java.util.Objects.requireNonNull;

/**
 * One row of a {@link SectionTable}: an inclusive range of CPT codes of one shape and the section,
 * or the subsection, it belongs to.
 *
 * <p>A row either marks out a whole section ({@link #subsection()} is {@link Subsection#NONE}) or
 * one subsection inside it. Ranges follow the order of {@link ProcedureCode}, in which the codes of
 * one shape are contiguous: {@code 00100-01999} contains {@code 01234} but never {@code 0100T}.
 *
 * <pre>{@code
 * CodeRange surgery = CodeRange.of(CptCode.of(10004), CptCode.of(69990), Section.SURGERY);
 * surgery.contains(CptCode.parse("27447"));   // true
 * surgery.toString();                          // "10004-69990 Surgery"
 * }</pre>
 */
public final class CodeRange {

  private final CptCode first;
  private final CptCode last;
  private final Section section;
  private final Subsection subsection;

  private CodeRange(CptCode first, CptCode last, Section section, Subsection subsection) {
    this.first = first;
    this.last = last;
    this.section = section;
    this.subsection = subsection;
  }

  /**
   * Returns a row that marks out (part of) a whole section.
   *
   * @param first the row's first code
   * @param last the row's last code, of the same kind as {@code first} and not before it
   * @param section the section the row marks out
   * @return the row
   * @throws IllegalArgumentException if {@code first} and {@code last} are of different {@linkplain
   *     CptCode#kind() kinds}, {@code first} comes after {@code last}, or {@code section} is {@link
   *     Section#UNASSIGNED} (unassigned is what no row says)
   */
  public static CodeRange of(CptCode first, CptCode last, Section section) {
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    requireNonNull(section, "section");
    if (section == Section.UNASSIGNED) {
      throw new IllegalArgumentException("a row names a section; UNASSIGNED is what no row says");
    }
    return checked(first, last, section, Subsection.NONE);
  }

  /**
   * Returns a row that marks out (part of) a subsection; the section is the subsection's.
   *
   * @param first the row's first code
   * @param last the row's last code, of the same kind as {@code first} and not before it
   * @param subsection the subsection the row marks out
   * @return the row
   * @throws IllegalArgumentException if the codes are of different kinds or out of order, or if
   *     {@code subsection} is {@link Subsection#NONE} or {@link Subsection#UNASSIGNED}
   */
  public static CodeRange of(CptCode first, CptCode last, Subsection subsection) {
    requireNonNull(first, "first");
    requireNonNull(last, "last");
    requireNonNull(subsection, "subsection");
    Section section =
        subsection
            .section()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "a subsection row names a real subsection, not " + subsection));
    return checked(first, last, section, subsection);
  }

  private static CodeRange checked(
      CptCode first, CptCode last, Section section, Subsection subsection) {
    if (first.kind() != last.kind()) {
      throw new IllegalArgumentException(
          "a range holds codes of one shape, not " + first + " to " + last);
    }
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("range " + first + "-" + last + " is backwards");
    }
    return new CodeRange(first, last, section, subsection);
  }

  /** {@return the first code of the range} */
  public CptCode first() {
    return first;
  }

  /** {@return the last code of the range (inclusive)} */
  public CptCode last() {
    return last;
  }

  /** {@return the section this row belongs to} */
  public Section section() {
    return section;
  }

  /** {@return the subsection this row marks out, or {@link Subsection#NONE} for a section row} */
  public Subsection subsection() {
    return subsection;
  }

  /**
   * Tells whether this row marks out a subsection rather than a whole section.
   *
   * @return true for a subsection row, false for a section row
   */
  public boolean isSubsectionRow() {
    return subsection != Subsection.NONE;
  }

  /**
   * Tells whether {@code code} lies in this range, both ends included.
   *
   * @param code the code to look for
   * @return true if {@code code} is between the first and last code of the row, both included
   */
  public boolean contains(CptCode code) {
    return containsPacked(requireNonNull(code, "code").packed());
  }

  boolean containsPacked(int packed) {
    return packed >= first.packed() && packed <= last.packed();
  }

  /**
   * Tells whether this range and {@code other} have a code in common.
   *
   * @param other the other range
   * @return true if the two ranges overlap, false if they are disjoint
   */
  public boolean overlaps(CodeRange other) {
    requireNonNull(other, "other");
    return first.packed() <= other.last.packed() && other.first.packed() <= last.packed();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof CodeRange)) {
      return false;
    }
    CodeRange that = (CodeRange) other;
    return first.equals(that.first)
        && last.equals(that.last)
        && section == that.section
        && subsection == that.subsection;
  }

  @Override
  public int hashCode() {
    return ((first.hashCode() * 31 + last.hashCode()) * 31 + section.hashCode()) * 31
        + subsection.hashCode();
  }

  /**
   * Returns the range and what it marks out, such as {@code "20100-29999 Surgery/Musculoskeletal
   * System"}.
   */
  @Override
  public String toString() {
    String name =
        subsection == Subsection.NONE
            ? section.displayName()
            : section.displayName() + "/" + subsection.displayName();
    return first + "-" + last + " " + name;
  }
}
