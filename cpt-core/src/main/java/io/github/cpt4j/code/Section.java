package io.github.cpt4j.code;

/**
 * The section of the CPT code book a code belongs to: the six Category I sections in book order,
 * then Category II and Category III, and {@link #UNASSIGNED} for well-formed numbers that no
 * section claims.
 *
 * <pre>{@code
 * CptCode.parse("27447").section();   // SURGERY
 * CptCode.parse("0001U").section();   // PATHOLOGY_AND_LABORATORY (PLA codes)
 * CptCode.parse("02500").section();   // UNASSIGNED: inside no range, never guessed
 * }</pre>
 *
 * <p>The ranges live in one table, {@link SectionTable#standard()}. Two choices worth knowing:
 *
 * <ul>
 *   <li>The qualifying circumstances for anesthesia, {@code 99100}-{@code 99140}, are reported
 *       together with anesthesia services but are numbered, and printed, in Medicine. They are
 *       classified as {@link #MEDICINE}, so that {@link #ANESTHESIA} is exactly {@code
 *       00100}-{@code 01999}, the range on which the physical status modifiers P1-P6 are allowed.
 *   <li>Vaccine administration codes ({@code dddd}A) are {@link #MEDICINE}; MAAA ({@code dddd}M)
 *       and PLA ({@code dddd}U) codes are {@link #PATHOLOGY_AND_LABORATORY}.
 * </ul>
 */
public enum Section {
  /** Office visits, hospital care, consultations and other E/M services, 99202-99499. */
  EVALUATION_AND_MANAGEMENT("Evaluation and Management"),
  /** Anesthesia services, 00100-01999. */
  ANESTHESIA("Anesthesia"),
  /** Surgical procedures, 10004-69990, divided into subsections by body system. */
  SURGERY("Surgery"),
  /** Imaging, ultrasound, radiation oncology and nuclear medicine, 70010-79999. */
  RADIOLOGY("Radiology"),
  /** Laboratory tests, 80047-89398, plus every MAAA (M) and PLA (U) code. */
  PATHOLOGY_AND_LABORATORY("Pathology and Laboratory"),
  /**
   * Other medical services, 90281-99199 and 99500-99607, plus every vaccine administration (A)
   * code; includes the qualifying circumstances for anesthesia 99100-99140.
   */
  MEDICINE("Medicine"),
  /** Category II performance-measure codes ({@code dddd}F), divided into measure groups. */
  CATEGORY_II("Category II"),
  /** Category III emerging-technology codes ({@code dddd}T). */
  CATEGORY_III("Category III"),
  /** A well-formed number that no section range contains. */
  UNASSIGNED("Unassigned");

  private final String displayName;

  Section(String displayName) {
    this.displayName = displayName;
  }

  /** {@return the section's name in plain words, such as {@code "Pathology and Laboratory"}} */
  public String displayName() {
    return displayName;
  }

  /**
   * Tells whether the code book divides this section into subsections that the library models
   * (Surgery, Radiology and Category II). Codes of other sections have subsection {@link
   * Subsection#NONE}.
   *
   * @return true for Surgery, Radiology and Category II
   */
  public boolean hasSubsections() {
    return this == SURGERY || this == RADIOLOGY || this == CATEGORY_II;
  }
}
