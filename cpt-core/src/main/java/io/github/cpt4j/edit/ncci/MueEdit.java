package io.github.cpt4j.edit.ncci;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.text.ControlCharacters;

/**
 * One row of a medically unlikely edit (MUE) table: the most units of {@code code} one provider
 * reports for one patient on one date of service, and how that limit is applied ({@link
 * MueAdjudicationIndicator}). NCCI Policy Manual for Medicare Services, Chapter I, Section V.
 *
 * <pre>{@code
 * MueEdit edit = new MueEdit(CptCode.parse("20610"), 2,
 *     MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL, "Anatomic consideration");
 * edit.exceededBy(3);   // true
 * }</pre>
 *
 * @param code the procedure code
 * @param value the MUE value: the units allowed, zero or more (0 means none is payable)
 * @param indicator the MUE adjudication indicator (MAI)
 * @param rationale why the value is what it is, as the file states it (may be empty), without
 *     control characters ({@link ControlCharacters}: C0 but the tab, DEL, C1)
 */
public record MueEdit(
    ProcedureCode code, int value, MueAdjudicationIndicator indicator, String rationale) {

  /**
   * Checks the fields.
   *
   * @param code the code the edit limits
   * @param value the units allowed, zero or more
   * @param indicator the MUE adjudication indicator
   * @param rationale why the value is what it is, without control characters
   * @throws IllegalArgumentException if {@code value} is negative, or the rationale holds a control
   *     character, which would print into every finding quoting it
   */
  public MueEdit {
    requireNonNull(code, "code");
    requireNonNull(indicator, "indicator");
    requireNonNull(rationale, "rationale");
    if (value < 0) {
      throw new IllegalArgumentException(
          "an MUE value is zero or more, not " + value + " (" + code + ")");
    }
    String problem = ControlCharacters.problemOf(rationale);
    if (problem != null) {
      throw new IllegalArgumentException("the rationale of the MUE of " + code + " " + problem);
    }
  }

  /**
   * Tells whether {@code units} (of a line, or of a date for MAI 2 and 3) exceed the value.
   *
   * @param units the units of a line, or of every line of the code on a date for MAI 2 and 3
   * @return true if {@code units} is greater than the value
   */
  public boolean exceededBy(int units) {
    return units > value;
  }

  /** Returns the row as {@code 20610 MUE 2 MAI 3}. */
  @Override
  public String toString() {
    return code + " MUE " + value + " MAI " + indicator.digit();
  }
}
