package io.github.cpt4j.code;

/** The three categories of CPT codes. */
public enum CptCategory {
  /** Established services and procedures (five digits, and the A, M and U shapes). */
  CATEGORY_I,
  /** Performance-measure tracking codes ({@code dddd} + {@code F}); never paid. */
  CATEGORY_II,
  /** Temporary codes for emerging technology ({@code dddd} + {@code T}). */
  CATEGORY_III
}
