package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;

/**
 * The families of E/M visit that the same-day rules of the claim edits tell apart ({@link
 * SameDayVisitsEdit}, {@link CriticalCareEdit}), by CPT code range; {@link #of} is null for any
 * other code.
 */
enum VisitKind {
  /** Office or other outpatient visits: 99201 (retired in 2021), 99202-99205, 99211-99215. */
  OFFICE,
  /** Emergency department visits: 99281-99285. */
  EMERGENCY,
  /** Initial and subsequent nursing facility care: 99304-99310 (not the discharge, 99315-99316). */
  NURSING_FACILITY,
  /** Initial hospital inpatient or observation care: 99221-99223, and 99234-99236 (same date). */
  ADMISSION,
  /** Subsequent hospital inpatient or observation care: 99231-99233. */
  SUBSEQUENT_HOSPITAL,
  /** Hospital discharge day management: 99238-99239. */
  DISCHARGE;

  private static final int RETIRED_OFFICE_VISIT = packed("99201");
  private static final int FIRST_NEW_OFFICE_VISIT = packed("99202");
  private static final int LAST_NEW_OFFICE_VISIT = packed("99205");
  private static final int FIRST_ESTABLISHED_OFFICE_VISIT = packed("99211");
  private static final int LAST_ESTABLISHED_OFFICE_VISIT = packed("99215");
  private static final int FIRST_INITIAL_HOSPITAL_CARE = packed("99221");
  private static final int LAST_INITIAL_HOSPITAL_CARE = packed("99223");
  private static final int FIRST_SUBSEQUENT_HOSPITAL_VISIT = packed("99231");
  private static final int LAST_SUBSEQUENT_HOSPITAL_VISIT = packed("99233");
  private static final int FIRST_SAME_DAY_ADMISSION = packed("99234");
  private static final int LAST_SAME_DAY_ADMISSION = packed("99236");
  private static final int FIRST_DISCHARGE = packed("99238");
  private static final int LAST_DISCHARGE = packed("99239");
  private static final int FIRST_NURSING_FACILITY_VISIT = packed("99304");
  private static final int LAST_NURSING_FACILITY_VISIT = packed("99310");
  private static final int FIRST_EMERGENCY_VISIT = packed("99281");
  private static final int LAST_EMERGENCY_VISIT = packed("99285");

  /** The family of visit {@code code} is, or null when it is none of these. */
  static VisitKind of(ProcedureCode code) {
    if (!(code instanceof CptCode)) {
      return null;
    }
    int c = code.packed();
    if (c == RETIRED_OFFICE_VISIT
        || within(c, FIRST_NEW_OFFICE_VISIT, LAST_NEW_OFFICE_VISIT)
        || within(c, FIRST_ESTABLISHED_OFFICE_VISIT, LAST_ESTABLISHED_OFFICE_VISIT)) {
      return OFFICE;
    }
    if (within(c, FIRST_EMERGENCY_VISIT, LAST_EMERGENCY_VISIT)) {
      return EMERGENCY;
    }
    if (within(c, FIRST_NURSING_FACILITY_VISIT, LAST_NURSING_FACILITY_VISIT)) {
      return NURSING_FACILITY;
    }
    if (within(c, FIRST_INITIAL_HOSPITAL_CARE, LAST_INITIAL_HOSPITAL_CARE)
        || within(c, FIRST_SAME_DAY_ADMISSION, LAST_SAME_DAY_ADMISSION)) {
      return ADMISSION;
    }
    if (within(c, FIRST_SUBSEQUENT_HOSPITAL_VISIT, LAST_SUBSEQUENT_HOSPITAL_VISIT)) {
      return SUBSEQUENT_HOSPITAL;
    }
    if (within(c, FIRST_DISCHARGE, LAST_DISCHARGE)) {
      return DISCHARGE;
    }
    return null;
  }

  private static boolean within(int packed, int first, int last) {
    return packed >= first && packed <= last;
  }

  private static int packed(String code) {
    return CptCode.parse(code).packed();
  }
}
