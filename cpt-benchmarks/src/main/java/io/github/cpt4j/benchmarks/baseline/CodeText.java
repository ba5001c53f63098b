package io.github.cpt4j.benchmarks.baseline;

import io.github.cpt4j.code.CptCategory;
import io.github.cpt4j.code.CptKind;

/**
 * Classification as a user writes it over code text that has already been validated: look at
 * the first and the fifth character. Both baselines use it; it returns cpt4j's enums only so
 * that the tests can compare answers.
 */
public final class CodeText {

  private CodeText() {}

  /** Returns the kind of a validated code, or null for a Level II code. */
  public static CptKind kindOfValid(String code) {
    if (code.charAt(0) > '9') {
      return null;
    }
    switch (code.charAt(4)) {
      case 'A':
        return CptKind.VACCINE_ADMINISTRATION;
      case 'M':
        return CptKind.MAAA;
      case 'U':
        return CptKind.PLA;
      case 'F':
        return CptKind.PERFORMANCE_MEASURE;
      case 'T':
        return CptKind.EMERGING_TECHNOLOGY;
      default:
        return CptKind.STANDARD;
    }
  }

  /** Returns the category of a validated code, or null for a Level II code. */
  public static CptCategory categoryOfValid(String code) {
    if (code.charAt(0) > '9') {
      return null;
    }
    switch (code.charAt(4)) {
      case 'F':
        return CptCategory.CATEGORY_II;
      case 'T':
        return CptCategory.CATEGORY_III;
      default:
        return CptCategory.CATEGORY_I;
    }
  }
}
