package io.github.cpt4j.code;

/**
 * The shape of a CPT code, which fixes its {@link CptCategory}.
 *
 * <p>Category I has four kinds; Categories II and III have one each.
 */
public enum CptKind {
  /** Five digits, such as {@code 99213}. Category I. */
  STANDARD(CptCategory.CATEGORY_I, '\0'),
  /** Vaccine administration, {@code dddd} + {@code A}. Category I, Medicine. */
  VACCINE_ADMINISTRATION(CptCategory.CATEGORY_I, 'A'),
  /** Multianalyte assays with algorithmic analyses, {@code dddd} + {@code M}. Category I. */
  MAAA(CptCategory.CATEGORY_I, 'M'),
  /** Proprietary laboratory analyses, {@code dddd} + {@code U}. Category I. */
  PLA(CptCategory.CATEGORY_I, 'U'),
  /** Performance measures, {@code dddd} + {@code F}. Category II. */
  PERFORMANCE_MEASURE(CptCategory.CATEGORY_II, 'F'),
  /** Emerging technology, {@code dddd} + {@code T}. Category III. */
  EMERGING_TECHNOLOGY(CptCategory.CATEGORY_III, 'T');

  private final CptCategory category;
  private final char suffix;

  CptKind(CptCategory category, char suffix) {
    this.category = category;
    this.suffix = suffix;
  }

  /** {@return the category every code of this kind belongs to} */
  public CptCategory category() {
    return category;
  }

  /**
   * {@return the suffix letter of this kind, or {@code '\0'} for {@link #STANDARD}, whose fifth
   * character is a digit}
   */
  public char suffix() {
    return suffix;
  }
}
