package io.github.cpt4j.fee.medicare.pfs.claim;

import io.github.cpt4j.code.ProcedureCode;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The add-ons whose primary services CMS names (visit, breast tomosynthesis and care management
 * add-ons), and G2211's rule on modifier 25: the one place their code lists live. The relative
 * value file marks an add-on (GLOB DAYS ZZZ) but never says which codes it adds to; for these CMS
 * does, in its rules or in the descriptor of its own (Level II) code, or a contractor's billing
 * page does.
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
 *   <li><b>G0316, G0317 and G0318</b>, prolonged time beyond the highest level visit of a family
 *       (paid from 2023, GLOB DAYS ZZZ): G0316 adds to hospital inpatient or observation care of
 *       the highest level, 99223, 99233 and 99236; G0317 to the nursing facility visits 99306 and
 *       99310; G0318 to the home or residence visits 99345 and 99350 (CY 2023 physician fee
 *       schedule final rule, CMS-1770-F, 87 FR 69404, which made them Medicare's codes for the
 *       prolonged time of those visits in place of CPT's 99418, status I in the file). Their
 *       minutes are not checked either.
 *   <li><b>G0545</b>, the complexity inherent in hospital inpatient or observation care of a
 *       confirmed or suspected infectious disease by an infectious diseases specialist (paid from
 *       2025, GLOB DAYS ZZZ): an add-on to the hospital inpatient or observation visits, initial
 *       (99221-99223), subsequent (99231-99233), of admission and discharge on one day
 *       (99234-99236) and of discharge (99238, 99239) (CY 2025 physician fee schedule final rule,
 *       CMS-1807-F, 89 FR 97710). The practitioner's specialty is not checked: a claim line does
 *       not carry it.
 *   <li><b>G0279</b>, diagnostic digital breast tomosynthesis (GLOB DAYS ZZZ): an add-on to the
 *       diagnostic mammograms 77065 and 77066, as its descriptor says (CMS's code since 2015, its
 *       primaries renamed with the mammography codes of 2017). A component line adds to either
 *       component of its primary: the code is compared, not the modifiers.
 *   <li><b>77063</b>, screening digital breast tomosynthesis (GLOB DAYS ZZZ; a CPT code): an add-on
 *       to the screening mammogram 77067 only. CMS pays three-dimensional mammography by add-on
 *       codes reported in addition to the two-dimensional mammogram's (CY 2015 physician fee
 *       schedule final rule, CMS-1612-FC), the screening one then in addition to G0202, which CMS
 *       replaced with 77067 from 2018 (Transmittal 3844, CR 10181); a contractor's guide says 77067
 *       in as many words (NGS Medicare, Preventive Services Guide, screening mammography). A
 *       diagnostic mammogram is no primary of it: G0279 is the diagnostic one's tomosynthesis.
 *   <li><b>99439, 99437 and 99489</b>, the further time of chronic care management in a calendar
 *       month (GLOB DAYS ZZZ): 99439 adds to 99490 (clinical staff's first 20 minutes), 99437 to
 *       99491 (the practitioner's own first 30 minutes) and 99489 to 99487 (complex chronic care
 *       management's first 60 minutes), each once its primary's time is spent (not checked: a line
 *       carries no minutes). A contractor's page lists each under its primary (NGS Medicare, Care
 *       Management, chronic care management billing codes).
 *   <li><b>99425 and 99427</b>, the further time of principal care management (GLOB DAYS ZZZ, from
 *       2022, when these codes took the place of CMS's G2064 and G2065): 99425 adds to 99424 (the
 *       practitioner's own first 30 minutes), 99427 to 99426 (clinical staff's first 30 minutes).
 *   <li><b>99458</b>, the further 20 minutes of remote physiologic monitoring's treatment
 *       management in a month (GLOB DAYS ZZZ): an add-on to 99457, its first 20 minutes. CMS treats
 *       the two as one service of 20-minute parts (CY 2021 physician fee schedule final rule, as
 *       corrected in January 2021: the 20 minutes "associated with CPT codes 99457 and 99458");
 *       billing guides say 99458 goes only with 99457.
 * </ul>
 *
 * <p>{@link #isSameDayPreventive} lists the wellness visits (IPPE G0402, AWV G0438 and G0439), the
 * vaccine administrations (G0008, G0009, G0010, 90471-90474, 90480) and the codes of the Medicare
 * Part B preventive services that the Social Security Act defines (§1861(ddd)(3): the screening and
 * preventive services of §1861(ww)(2), and the additional preventive services CMS covers by
 * national coverage determination, NCD Manual ch. 1 part 4 §210) and a practitioner bills on the
 * fee schedule: screening mammography, the screening pelvic exam and Pap smear collection, the
 * prostate screening rectal exam, screening sigmoidoscopy and colonoscopy, diabetes self-management
 * training, bone mass measurement, glaucoma screening, medical nutrition therapy, the aortic
 * aneurysm ultrasound, alcohol misuse, depression, cardiovascular, obesity, sexually transmitted
 * infection and tobacco use screening or counseling, lung cancer screening, and HIV pre-exposure
 * prophylaxis. The list is the project's reading of those texts, not Transmittal 13015's Attachment
 * A, which was not at hand. Laboratory tests are not on it: a visit needs no 25 beside one, and its
 * code does not tell a screening from a diagnostic test.
 */
final class NamedAddOns {

  static final int COMPLEXITY = packed("G2211");

  /** The first day the 25 of a same-day preventive service leaves G2211 payable (CY 2025 rule). */
  static final LocalDate PREVENTIVE_25_FROM = LocalDate.of(2025, 1, 1);

  /** G2211's primaries in words, for explanations. */
  private static final String COMPLEXITY_PRIMARIES =
      "an office or outpatient visit (99202-99205, 99211-99215)";

  private static final int NEW_FIRST = packed("99202");
  private static final int NEW_LAST = packed("99205");
  private static final int ESTABLISHED_FIRST = packed("99211");
  private static final int ESTABLISHED_LAST = packed("99215");

  /** A named add-on whose primaries are a list of codes, and those primaries in words. */
  private static final class Listed {
    final int code;
    final int[] primaries;
    final String words;

    Listed(String code, String primaries, String words) {
      this.code = packed(code);
      this.primaries = Arrays.stream(primaries.split(" ")).mapToInt(NamedAddOns::packed).toArray();
      this.words = words;
    }
  }

  // The named add-ons but G2211 (whose primaries are a range, and whose rule on 25 is its own).
  private static final Listed[] LISTED = {
    new Listed("G2212", "99205 99215 99483", "99205, 99215 or 99483"),
    new Listed(
        "G0316",
        "99223 99233 99236",
        "hospital inpatient or observation care of the highest level (99223, 99233 or 99236)"),
    new Listed(
        "G0317", "99306 99310", "a nursing facility visit of the highest level (99306 or 99310)"),
    new Listed(
        "G0318", "99345 99350", "a home or residence visit of the highest level (99345 or 99350)"),
    new Listed(
        "G0545",
        "99221 99222 99223 99231 99232 99233 99234 99235 99236 99238 99239",
        "hospital inpatient or observation care (99221-99223, 99231-99236, 99238 or 99239)"),
    new Listed("G0279", "77065 77066", "a diagnostic mammogram (77065 or 77066)"),
    new Listed("77063", "77067", "a screening mammogram (77067)"),
    new Listed(
        "99439", "99490", "chronic care management's first 20 minutes of staff time (99490)"),
    new Listed(
        "99437",
        "99491",
        "chronic care management's first 30 minutes of the practitioner's own time (99491)"),
    new Listed("99489", "99487", "complex chronic care management's first 60 minutes (99487)"),
    new Listed(
        "99425",
        "99424",
        "principal care management's first 30 minutes of the practitioner's own time (99424)"),
    new Listed(
        "99427", "99426", "principal care management's first 30 minutes of staff time (99426)"),
    new Listed("99458", "99457", "remote physiologic monitoring's first 20 minutes (99457)"),
  };

  // The table sorted by code, and its codes in that order, for a binary search: every line of a
  // claim asks whether it is a named add-on.
  static {
    Arrays.sort(LISTED, (a, b) -> Integer.compare(a.code, b.code));
  }

  private static final int[] LISTED_CODES =
      Arrays.stream(LISTED).mapToInt(addOn -> addOn.code).toArray();

  // The same-day services whose 25 leaves G2211 payable (each group's codes in one text), sorted
  // for a binary search: the wellness visits, the vaccine administrations, and the Part B
  // preventive services of the Social Security Act §1861(ddd)(3) that a practitioner bills on the
  // fee schedule (laboratory tests are left out: a visit needs no 25 beside one, and its code does
  // not tell a screening from a diagnostic test).
  private static final int[] PREVENTIVE =
      sorted(
          // Wellness visits: the initial preventive physical examination, the annual wellness
          // visit (first and later).
          "G0402 G0438 G0439",
          // Vaccine administration (§1861(ww)(2)(A)): influenza, pneumococcal, hepatitis B, the
          // immunization administration codes, COVID-19.
          "G0008 G0009 G0010 90471 90472 90473 90474 90480",
          // Screening mammography (B), screening pelvic exam and Pap smear collection (C), the
          // prostate cancer screening rectal exam (D), colorectal cancer screening by
          // sigmoidoscopy or colonoscopy (E).
          "77063 77067 G0101 Q0091 G0102 G0104 G0105 G0121",
          // Diabetes self-management training (F), bone mass measurement (G), glaucoma
          // screening (H).
          "G0108 G0109 76977 77078 77080 77081 77085 G0130 G0117 G0118",
          // Medical nutrition therapy (I), the aortic aneurysm ultrasound (L).
          "97802 97803 97804 G0270 G0271 76706",
          // Additional preventive services covered by national coverage determination (NCD
          // Manual ch. 1 part 4 §210): alcohol misuse screening and counseling, depression
          // screening, behavioral therapy for cardiovascular disease and for obesity, sexually
          // transmitted infection counseling, tobacco use counseling, lung cancer screening
          // (the counseling visit and the scan), HIV pre-exposure prophylaxis (counseling and
          // injection).
          "G0442 G0443 G0444 G0446 G0447 G0473 G0445 99406 99407 G0296 71271 G0011 G0012 G0013");

  private NamedAddOns() {}

  private static int packed(String code) {
    return ProcedureCode.parse(code).packed();
  }

  /** Tells whether the packed code is G2211 or an add-on of the table above. */
  static boolean isNamedAddOn(int code) {
    return code == COMPLEXITY || Arrays.binarySearch(LISTED_CODES, code) >= 0;
  }

  /** The listed add-on of the packed code, or null. */
  private static Listed listed(int code) {
    int index = Arrays.binarySearch(LISTED_CODES, code);
    return index >= 0 ? LISTED[index] : null;
  }

  /** Tells whether the packed code is an office or outpatient E/M visit, G2211's primary. */
  static boolean isOfficeVisit(int code) {
    return code >= NEW_FIRST && code <= NEW_LAST
        || code >= ESTABLISHED_FIRST && code <= ESTABLISHED_LAST;
  }

  /** Tells whether the packed code {@code primary} is one the packed named add-on adds to. */
  static boolean isPrimaryOf(int addOn, int primary) {
    if (addOn == COMPLEXITY) {
      return isOfficeVisit(primary);
    }
    for (int base : listed(addOn).primaries) {
      if (primary == base) {
        return true;
      }
    }
    return false;
  }

  /** The primaries of the packed named add-on, in words. */
  static String primaries(int addOn) {
    return addOn == COMPLEXITY ? COMPLEXITY_PRIMARIES : listed(addOn).words;
  }

  /**
   * Tells whether the packed code is a same-day preventive service whose modifier 25 on the visit
   * leaves G2211 payable from {@link #PREVENTIVE_25_FROM}.
   */
  static boolean isSameDayPreventive(int code) {
    return Arrays.binarySearch(PREVENTIVE, code) >= 0;
  }

  /** The packed codes of the groups of space-separated codes, sorted. */
  private static int[] sorted(String... groups) {
    return Arrays.stream(groups)
        .flatMap(group -> Arrays.stream(group.split(" ")))
        .mapToInt(NamedAddOns::packed)
        .sorted()
        .toArray();
  }
}
