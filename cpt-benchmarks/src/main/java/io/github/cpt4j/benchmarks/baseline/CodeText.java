package io.github.cpt4j.benchmarks.baseline;

import io.github.cpt4j.code.CptCategory;
import io.github.cpt4j.code.CptKind;
import io.github.cpt4j.code.Section;

/**
 * Classification as a user writes it over code text that has already been validated: look at the
 * first and the fifth character, compare the number with the code book's ranges. Both baselines use
 * it; it returns cpt4j's enums only so that the tests can compare answers.
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

  /**
   * Returns the section of a validated code by an if-chain over its number, as users write it from
   * the code book's section ranges; null for a Level II code. Parses the number in place, without a
   * substring.
   */
  public static Section sectionOfValid(String code) {
    if (code.charAt(0) > '9') {
      return null;
    }
    char last = code.charAt(4);
    if (last > '9') {
      if (Integer.parseInt(code, 0, 4, 10) == 0) {
        return Section.UNASSIGNED;
      }
      switch (last) {
        case 'A':
          return Section.MEDICINE;
        case 'M':
        case 'U':
          return Section.PATHOLOGY_AND_LABORATORY;
        case 'F':
          return Section.CATEGORY_II;
        default:
          return Section.CATEGORY_III;
      }
    }
    int n = Integer.parseInt(code, 0, 5, 10);
    if (n >= 100 && n <= 1999) {
      return Section.ANESTHESIA;
    } else if (n >= 10004 && n <= 69990) {
      return Section.SURGERY;
    } else if (n >= 70010 && n <= 79999) {
      return Section.RADIOLOGY;
    } else if (n >= 80047 && n <= 89398) {
      return Section.PATHOLOGY_AND_LABORATORY;
    } else if (n >= 90281 && n <= 99199) {
      return Section.MEDICINE;
    } else if (n >= 99202 && n <= 99499) {
      return Section.EVALUATION_AND_MANAGEMENT;
    } else if (n >= 99500 && n <= 99607) {
      return Section.MEDICINE;
    }
    return Section.UNASSIGNED;
  }
}
