package io.github.cpt4j.edit;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;

/**
 * The one definition of a visit for the same-day and global surgery rules: the codes that modifiers
 * 24, 25 and 57 separate from a procedure, and that a procedure's global surgical package holds.
 * Both the global surgery edit and the NCCI procedure-to-procedure edit read it, so they cannot
 * disagree about what a visit is.
 *
 * <ul>
 *   <li>The CPT Evaluation and Management section, 99202-99499.
 *   <li>99201, the office visit retired at the end of 2020: still a visit on the dates it was
 *       billed, which edit tables and claims of those dates hold.
 *   <li>The general ophthalmological services, 92002-92014 (the eye exams 92002, 92004, 92012,
 *       92014): numbered in Medicine, but visits for these rules. NCCI's edits of July 2013 that
 *       bundle E/M and eye exam codes into procedures with a global period take 24, 25 and 57 on
 *       them as on E/M codes, and 59, as on E/M codes, does not separate them; the global surgery
 *       package holds them as it holds E/M visits (Medicare Claims Processing Manual, ch. 12,
 *       sections 40.1-40.2).
 * </ul>
 *
 * <p>Not G0463, the hospital outpatient clinic visit: it is paid under the outpatient prospective
 * payment system, not the physician fee schedule, and is no part of a surgeon's global package; the
 * procedure-to-procedure edit counts it as a visit on the claims it is billed on.
 */
public final class Visits {

  // Five-digit codes are packed as their number, below every suffixed and Level II code: a range
  // of packed values is that range of five-digit CPT codes. The E/M range is the section's own
  // (the standard section table's row 99202-99499); a range check answers without its lookup, as
  // this is asked of every line of every claim.
  private static final int FIRST_EVALUATION_AND_MANAGEMENT = CptCode.parse("99202").packed();
  private static final int LAST_EVALUATION_AND_MANAGEMENT = CptCode.parse("99499").packed();
  private static final int RETIRED_OFFICE_VISIT = CptCode.parse("99201").packed();
  private static final int FIRST_EYE_EXAM = CptCode.parse("92002").packed();
  private static final int LAST_EYE_EXAM = CptCode.parse("92014").packed();

  private Visits() {}

  /**
   * Tells whether {@code code} is a visit: a CPT E/M code (99202-99499), 99201, or an eye exam
   * (92002-92014). Does not allocate.
   *
   * @param code the code billed
   * @return true if {@code code} is an E/M visit or an eye exam
   */
  public static boolean isVisit(ProcedureCode code) {
    requireNonNull(code, "code"); // not "no visit": instanceof alone would answer false
    if (!(code instanceof CptCode)) {
      return false;
    }
    int packed = code.packed();
    return packed >= FIRST_EVALUATION_AND_MANAGEMENT && packed <= LAST_EVALUATION_AND_MANAGEMENT
        || packed >= FIRST_EYE_EXAM && packed <= LAST_EYE_EXAM
        || packed == RETIRED_OFFICE_VISIT;
  }
}
