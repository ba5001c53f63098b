package io.github.cpt4j.code;

import com.google.common.collect.ImmutableList;

/**
 * The data of {@link SectionTable#standard()}: one row per line, section rows first, then the
 * subsection rows of each divided section.
 *
 * <p>Ranges are the CPT code book's published section and subsection boundaries (numbers only,
 * which are facts). Rows marked "(check)" come from secondary sources; tests pin every row, so a
 * correction is a deliberate change. The suffixed series are numbered from 0001, so {@code 0000A},
 * {@code 0000F}, {@code 0000M}, {@code 0000T} and {@code 0000U} are unassigned.
 */
final class StandardRanges {

  private StandardRanges() {}

  static ImmutableList<CodeRange> rows() {
    return ImmutableList.of(
        // Sections of Category I, five-digit codes.
        row("00100", "01999", Section.ANESTHESIA),
        row("10004", "69990", Section.SURGERY),
        row("70010", "79999", Section.RADIOLOGY),
        row("80047", "89398", Section.PATHOLOGY_AND_LABORATORY),
        // 90281-99199 includes the qualifying circumstances for anesthesia, 99100-99140:
        // numbered and printed in Medicine, so classified there (see Section).
        row("90281", "99199", Section.MEDICINE),
        row("99202", "99499", Section.EVALUATION_AND_MANAGEMENT),
        row("99500", "99607", Section.MEDICINE),
        // Category I, suffixed shapes: the suffix alone decides the section.
        row("0001A", "9999A", Section.MEDICINE),
        row("0001M", "9999M", Section.PATHOLOGY_AND_LABORATORY),
        row("0001U", "9999U", Section.PATHOLOGY_AND_LABORATORY),
        // Categories II and III.
        row("0001F", "9999F", Section.CATEGORY_II),
        row("0001T", "9999T", Section.CATEGORY_III),

        // Surgery subsections.
        row("10004", "10021", Subsection.GENERAL),
        row("10030", "19499", Subsection.INTEGUMENTARY),
        row("20100", "29999", Subsection.MUSCULOSKELETAL),
        row("30000", "32999", Subsection.RESPIRATORY),
        row("33016", "37799", Subsection.CARDIOVASCULAR),
        row("38100", "38999", Subsection.HEMIC_AND_LYMPHATIC),
        row("39000", "39599", Subsection.MEDIASTINUM_AND_DIAPHRAGM), // (check)
        row("40490", "49999", Subsection.DIGESTIVE),
        row("50010", "53899", Subsection.URINARY),
        row("54000", "55899", Subsection.MALE_GENITAL),
        row("55920", "55980", Subsection.REPRODUCTIVE_AND_INTERSEX), // (check)
        row("56405", "58999", Subsection.FEMALE_GENITAL),
        row("59000", "59899", Subsection.MATERNITY_CARE_AND_DELIVERY), // (check)
        row("60000", "60699", Subsection.ENDOCRINE),
        row("61000", "64999", Subsection.NERVOUS),
        row("65091", "68899", Subsection.EYE_AND_OCULAR_ADNEXA),
        row("69000", "69979", Subsection.AUDITORY),
        row("69990", "69990", Subsection.OPERATING_MICROSCOPE),

        // Radiology subsections (check).
        row("70010", "76499", Subsection.DIAGNOSTIC_RADIOLOGY),
        row("76506", "76999", Subsection.DIAGNOSTIC_ULTRASOUND),
        row("77001", "77022", Subsection.RADIOLOGIC_GUIDANCE),
        row("77046", "77067", Subsection.BREAST_MAMMOGRAPHY),
        // 77089-77092 (trabecular bone score, from 2022) follow 77086 in this subsection: the
        // domain notes' 77071-77086 left them, codes of the 2025 relative value file, unassigned.
        row("77071", "77092", Subsection.BONE_JOINT_STUDIES),
        row("77261", "77799", Subsection.RADIATION_ONCOLOGY),
        row("78012", "79999", Subsection.NUCLEAR_MEDICINE),

        // Category II measure groups.
        row("0001F", "0015F", Subsection.COMPOSITE_MEASURES),
        row("0500F", "0584F", Subsection.PATIENT_MANAGEMENT),
        row("1000F", "1505F", Subsection.PATIENT_HISTORY),
        row("2000F", "2060F", Subsection.PHYSICAL_EXAMINATION),
        row("3006F", "3776F", Subsection.DIAGNOSTIC_OR_SCREENING_PROCESSES_OR_RESULTS),
        row("4000F", "4563F", Subsection.THERAPEUTIC_PREVENTIVE_OR_OTHER_INTERVENTIONS),
        row("5005F", "5250F", Subsection.FOLLOW_UP_OR_OTHER_OUTCOMES),
        row("6005F", "6150F", Subsection.PATIENT_SAFETY),
        row("7010F", "7025F", Subsection.STRUCTURAL_MEASURES),
        row("9001F", "9007F", Subsection.NON_MEASURE_CODE_LISTING));
  }

  private static CodeRange row(String first, String last, Section section) {
    return CodeRange.of(CptCode.parse(first), CptCode.parse(last), section);
  }

  private static CodeRange row(String first, String last, Subsection subsection) {
    return CodeRange.of(CptCode.parse(first), CptCode.parse(last), subsection);
  }
}
