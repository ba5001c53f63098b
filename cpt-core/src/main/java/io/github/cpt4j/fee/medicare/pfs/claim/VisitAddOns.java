package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.code.ProcedureCode;
import java.time.LocalDate;

/**
 * The two visit add-ons whose primary services CMS names, and G2211's rule on modifier 25: the one
 * place their code lists live. The relative value file marks an add-on (GLOB DAYS ZZZ) but never
 * says which codes it adds to; for these two CMS does.
 *
 * <ul>
 *   <li><b>G2211</b>, the complexity inherent in an office or outpatient visit of ongoing care
 *       (paid from 2024): an add-on to the office or outpatient E/M visits 99202-99205 and
 *       99211-99215 only, once per visit, and not paid when that visit carries modifier 25 (CY 2024
 *       physician fee schedule final rule, CMS-1784-F, 88 FR 78818). From 1 January 2025 it is paid
 *       when the 25 is for an annual wellness visit, a vaccine administration or a Medicare Part B
 *       preventive service furnished in the office or outpatient setting on the same day (CY 2025
 *       final rule, CMS-1807-F, 89 FR 97710; CMS Transmittal 13015, December 2024, whose Attachment
 *       A lists the preventive services).
 *   <li><b>G2212</b>, prolonged office or outpatient visit time (paid from 2021; GLOB DAYS XXX in
 *       the file, yet reported only beside its visit): an add-on to 99205 and 99215, the visits of
 *       the highest level, and to 99483 (CY 2021 final rule, CMS-1734-F, 85 FR 84472, and CMS's
 *       later list). The minutes each unit needs beyond the visit's time are not checked: a line
 *       carries no visit time.
 * </ul>
 *
 * <p>{@link #isSameDayPreventive} is a short list: the wellness visits (IPPE G0402, AWV G0438 and
 * G0439) and the vaccine administrations (G0008, G0009, G0010, 90471-90474, 90480). Attachment A
 * names more Part B preventive services (screenings, counseling); a 25 visit beside one of them
 * alone is judged as beside any other service, and its G2211 is refused.
 */
final class VisitAddOns {

  static final int COMPLEXITY = packed("G2211");
  static final int PROLONGED = packed("G2212");

  /** The first day the 25 of a same-day preventive service leaves G2211 payable (CY 2025 rule). */
  static final LocalDate PREVENTIVE_25_FROM = LocalDate.of(2025, 1, 1);

  /** G2211's primaries in words, for explanations. */
  static final String COMPLEXITY_PRIMARIES =
      "an office or outpatient visit (99202-99205, 99211-99215)";

  /** G2212's primaries in words, for explanations. */
  static final String PROLONGED_PRIMARIES = "99205, 99215 or 99483";

  private static final int NEW_FIRST = packed("99202");
  private static final int NEW_LAST = packed("99205");
  private static final int ESTABLISHED_FIRST = packed("99211");
  private static final int ESTABLISHED_LAST = packed("99215");
  private static final int[] PROLONGED_BASES = {packed("99205"), packed("99215"), packed("99483")};
  private static final int[] PREVENTIVE = {
    packed("G0402"), // initial preventive physical examination
    packed("G0438"), // annual wellness visit, first
    packed("G0439"), // annual wellness visit, later
    packed("G0008"), // vaccine administration: influenza
    packed("G0009"), // pneumococcal
    packed("G0010"), // hepatitis B
    packed("90471"), // immunization administration codes
    packed("90472"),
    packed("90473"),
    packed("90474"),
    packed("90480"), // COVID-19 vaccine administration
  };

  private VisitAddOns() {}

  private static int packed(String code) {
    return ProcedureCode.parse(code).packed();
  }

  /** Tells whether the packed code is G2211 or G2212. */
  static boolean isVisitAddOn(int code) {
    return code == COMPLEXITY || code == PROLONGED;
  }

  /** Tells whether the packed code is an office or outpatient E/M visit, G2211's primary. */
  static boolean isOfficeVisit(int code) {
    return code >= NEW_FIRST && code <= NEW_LAST
        || code >= ESTABLISHED_FIRST && code <= ESTABLISHED_LAST;
  }

  /** Tells whether the packed code {@code primary} is one the packed visit add-on adds to. */
  static boolean isPrimaryOf(int addOn, int primary) {
    if (addOn == COMPLEXITY) {
      return isOfficeVisit(primary);
    }
    for (int base : PROLONGED_BASES) {
      if (primary == base) {
        return true;
      }
    }
    return false;
  }

  /** The primaries of the packed visit add-on, in words. */
  static String primaries(int addOn) {
    return addOn == COMPLEXITY ? COMPLEXITY_PRIMARIES : PROLONGED_PRIMARIES;
  }

  /**
   * Tells whether the packed code is a same-day preventive service whose modifier 25 on the visit
   * leaves G2211 payable from {@link #PREVENTIVE_25_FROM}.
   */
  static boolean isSameDayPreventive(int code) {
    for (int preventive : PREVENTIVE) {
      if (code == preventive) {
        return true;
      }
    }
    return false;
  }
}
