package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first and last code of every range of the project's domain notes, and the codes one below and
 * one above, classified against those notes written out again here, independently of {@link
 * StandardRanges}: a range that drifts from the notes by one code fails.
 */
class SectionBoundariesTest {

  /** A range of the domain notes: its ends, its section and its subsection (null: none). */
  private record Range(String first, String last, Section section, Subsection subsection) {}

  private static final List<Range> SECTIONS =
      List.of(
          new Range("99202", "99499", Section.EVALUATION_AND_MANAGEMENT, null),
          new Range("00100", "01999", Section.ANESTHESIA, null),
          new Range("10004", "69990", Section.SURGERY, null),
          new Range("70010", "79999", Section.RADIOLOGY, null),
          new Range("80047", "89398", Section.PATHOLOGY_AND_LABORATORY, null),
          new Range("90281", "99199", Section.MEDICINE, null),
          new Range("99500", "99607", Section.MEDICINE, null),
          new Range("0001A", "9999A", Section.MEDICINE, null),
          new Range("0001M", "9999M", Section.PATHOLOGY_AND_LABORATORY, null),
          new Range("0001U", "9999U", Section.PATHOLOGY_AND_LABORATORY, null),
          new Range("0001F", "9999F", Section.CATEGORY_II, null),
          new Range("0001T", "9999T", Section.CATEGORY_III, null));

  private static final List<Range> SUBSECTIONS =
      List.of(
          sub("10004", "10021", Subsection.GENERAL),
          sub("10030", "19499", Subsection.INTEGUMENTARY),
          sub("20100", "29999", Subsection.MUSCULOSKELETAL),
          sub("30000", "32999", Subsection.RESPIRATORY),
          sub("33016", "37799", Subsection.CARDIOVASCULAR),
          sub("38100", "38999", Subsection.HEMIC_AND_LYMPHATIC),
          sub("39000", "39599", Subsection.MEDIASTINUM_AND_DIAPHRAGM),
          sub("40490", "49999", Subsection.DIGESTIVE),
          sub("50010", "53899", Subsection.URINARY),
          sub("54000", "55899", Subsection.MALE_GENITAL),
          sub("55920", "55980", Subsection.REPRODUCTIVE_AND_INTERSEX),
          sub("56405", "58999", Subsection.FEMALE_GENITAL),
          sub("59000", "59899", Subsection.MATERNITY_CARE_AND_DELIVERY),
          sub("60000", "60699", Subsection.ENDOCRINE),
          sub("61000", "64999", Subsection.NERVOUS),
          sub("65091", "68899", Subsection.EYE_AND_OCULAR_ADNEXA),
          sub("69000", "69979", Subsection.AUDITORY),
          sub("69990", "69990", Subsection.OPERATING_MICROSCOPE),
          sub("70010", "76499", Subsection.DIAGNOSTIC_RADIOLOGY),
          sub("76506", "76999", Subsection.DIAGNOSTIC_ULTRASOUND),
          sub("77001", "77022", Subsection.RADIOLOGIC_GUIDANCE),
          sub("77046", "77067", Subsection.BREAST_MAMMOGRAPHY),
          // The notes say 77071-77086; the 2025 relative value file has 77089-77092 (trabecular
          // bone score), which the code book prints in this subsection.
          sub("77071", "77092", Subsection.BONE_JOINT_STUDIES),
          sub("77261", "77799", Subsection.RADIATION_ONCOLOGY),
          sub("78012", "79999", Subsection.NUCLEAR_MEDICINE),
          sub("0001F", "0015F", Subsection.COMPOSITE_MEASURES),
          sub("0500F", "0584F", Subsection.PATIENT_MANAGEMENT),
          sub("1000F", "1505F", Subsection.PATIENT_HISTORY),
          sub("2000F", "2060F", Subsection.PHYSICAL_EXAMINATION),
          sub("3006F", "3776F", Subsection.DIAGNOSTIC_OR_SCREENING_PROCESSES_OR_RESULTS),
          sub("4000F", "4563F", Subsection.THERAPEUTIC_PREVENTIVE_OR_OTHER_INTERVENTIONS),
          sub("5005F", "5250F", Subsection.FOLLOW_UP_OR_OTHER_OUTCOMES),
          sub("6005F", "6150F", Subsection.PATIENT_SAFETY),
          sub("7010F", "7025F", Subsection.STRUCTURAL_MEASURES),
          sub("9001F", "9007F", Subsection.NON_MEASURE_CODE_LISTING));

  private static Range sub(String first, String last, Subsection subsection) {
    return new Range(first, last, subsection.section().orElseThrow(), subsection);
  }

  /** The section of {@code code} by the notes: a linear scan, no table. */
  private static Section expectedSection(CptCode code) {
    for (Range range : SECTIONS) {
      if (contains(range, code)) {
        return range.section();
      }
    }
    return Section.UNASSIGNED;
  }

  private static Subsection expectedSubsection(CptCode code) {
    for (Range range : SUBSECTIONS) {
      if (contains(range, code)) {
        return range.subsection();
      }
    }
    Section section = expectedSection(code);
    return section == Section.UNASSIGNED || section.hasSubsections()
        ? Subsection.UNASSIGNED
        : Subsection.NONE;
  }

  private static boolean contains(Range range, CptCode code) {
    CptCode first = CptCode.parse(range.first());
    return first.kind() == code.kind()
        && code.number() >= first.number()
        && code.number() <= CptCode.parse(range.last()).number();
  }

  /** First, last, one below the first and one above the last of every range, in their shape. */
  static List<String> boundaryCodes() {
    List<String> codes = new ArrayList<>();
    List<Range> all = new ArrayList<>(SECTIONS);
    all.addAll(SUBSECTIONS);
    for (Range range : all) {
      CptCode first = CptCode.parse(range.first());
      CptCode last = CptCode.parse(range.last());
      int max = first.kind() == CptKind.STANDARD ? 99_999 : 9_999;
      codes.add(first.toString());
      codes.add(last.toString());
      if (first.number() > 0) {
        codes.add(CptCode.of(first.kind(), first.number() - 1).toString());
      }
      if (last.number() < max) {
        codes.add(CptCode.of(last.kind(), last.number() + 1).toString());
      }
    }
    return codes;
  }

  @ParameterizedTest
  @MethodSource("boundaryCodes")
  void everyRangeEndAndItsNeighboursAreClassifiedAsTheNotesSay(String text) {
    CptCode code = CptCode.parse(text);
    assertEquals(expectedSection(code), code.section(), text);
    assertEquals(expectedSubsection(code), code.subsection(), text);
  }

  @ParameterizedTest
  @CsvSource({
    "77086, BONE_JOINT_STUDIES",
    "77089, BONE_JOINT_STUDIES",
    "77092, BONE_JOINT_STUDIES",
    "77093, UNASSIGNED",
    "77260, UNASSIGNED",
  })
  void trabecularBoneScoreCodesAreBoneJointStudies(String text, Subsection subsection) {
    CptCode code = CptCode.parse(text);
    assertEquals(Section.RADIOLOGY, code.section());
    assertEquals(subsection, code.subsection());
  }
}
