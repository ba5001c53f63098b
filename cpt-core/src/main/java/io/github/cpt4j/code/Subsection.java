package io.github.cpt4j.code;

import java.util.Optional;

/**
 * A subsection of a CPT section: the Surgery subsections by body system, the Radiology subsections,
 * and the Category II measure groups.
 *
 * <p>Two constants are not subsections: {@link #NONE} for codes of sections that have no modelled
 * subsections (Evaluation and Management, Anesthesia, Pathology and Laboratory, Medicine, Category
 * III), and {@link #UNASSIGNED} for codes that no subsection range contains, including numbers
 * inside a divided section but between its subsections (such as {@code 10022}).
 *
 * <pre>{@code
 * CptCode.parse("27447").subsection();   // MUSCULOSKELETAL
 * CptCode.parse("3044F").subsection();   // DIAGNOSTIC_OR_SCREENING_PROCESSES_OR_RESULTS
 * CptCode.parse("99213").subsection();   // NONE
 * }</pre>
 *
 * <p>Ranges marked "(check)" in the project's domain notes come from secondary sources; they are
 * pinned by tests so that a correction is a deliberate, visible change.
 */
public enum Subsection {
  /** The code's section is not divided into subsections. */
  NONE(null, "None"),
  /** No subsection range contains the code. */
  UNASSIGNED(null, "Unassigned"),

  /** Surgery: general procedures, 10004-10021. */
  GENERAL(Section.SURGERY, "General"),
  /** Surgery: skin, subcutaneous tissue, nails and breast, 10030-19499. */
  INTEGUMENTARY(Section.SURGERY, "Integumentary System"),
  /** Surgery: bones, joints, muscles, casts and strapping, 20100-29999. */
  MUSCULOSKELETAL(Section.SURGERY, "Musculoskeletal System"),
  /** Surgery: nose, sinuses, larynx, trachea, lungs and pleura, 30000-32999. */
  RESPIRATORY(Section.SURGERY, "Respiratory System"),
  /** Surgery: heart, pericardium, arteries and veins, 33016-37799. */
  CARDIOVASCULAR(Section.SURGERY, "Cardiovascular System"),
  /** Surgery: spleen, bone marrow and lymph nodes, 38100-38999. */
  HEMIC_AND_LYMPHATIC(Section.SURGERY, "Hemic and Lymphatic Systems"),
  /** Surgery: mediastinum and diaphragm, 39000-39599 (check). */
  MEDIASTINUM_AND_DIAPHRAGM(Section.SURGERY, "Mediastinum and Diaphragm"),
  /** Surgery: mouth to anus, liver, pancreas and abdominal wall, 40490-49999. */
  DIGESTIVE(Section.SURGERY, "Digestive System"),
  /** Surgery: kidneys, ureters, bladder and urethra, 50010-53899. */
  URINARY(Section.SURGERY, "Urinary System"),
  /** Surgery: male genital organs, 54000-55899. */
  MALE_GENITAL(Section.SURGERY, "Male Genital System"),
  /** Surgery: reproductive system and intersex procedures, 55920-55980 (check). */
  REPRODUCTIVE_AND_INTERSEX(Section.SURGERY, "Reproductive System and Intersex"),
  /** Surgery: female genital organs, 56405-58999. */
  FEMALE_GENITAL(Section.SURGERY, "Female Genital System"),
  /** Surgery: pregnancy, delivery and postpartum care, 59000-59899 (check). */
  MATERNITY_CARE_AND_DELIVERY(Section.SURGERY, "Maternity Care and Delivery"),
  /** Surgery: thyroid, parathyroid, thymus and adrenal glands, 60000-60699. */
  ENDOCRINE(Section.SURGERY, "Endocrine System"),
  /** Surgery: skull, brain, spine, spinal cord and nerves, 61000-64999. */
  NERVOUS(Section.SURGERY, "Nervous System"),
  /** Surgery: eye, eyelids, lacrimal system and conjunctiva, 65091-68899. */
  EYE_AND_OCULAR_ADNEXA(Section.SURGERY, "Eye and Ocular Adnexa"),
  /** Surgery: external, middle and inner ear, 69000-69979. */
  AUDITORY(Section.SURGERY, "Auditory System"),
  /** Surgery: the add-on code for use of an operating microscope, 69990. */
  OPERATING_MICROSCOPE(Section.SURGERY, "Operating Microscope"),

  /** Radiology: X-ray, CT, MRI and angiography, 70010-76499 (check). */
  DIAGNOSTIC_RADIOLOGY(Section.RADIOLOGY, "Diagnostic Radiology"),
  /** Radiology: ultrasound, 76506-76999 (check). */
  DIAGNOSTIC_ULTRASOUND(Section.RADIOLOGY, "Diagnostic Ultrasound"),
  /** Radiology: imaging guidance for procedures, 77001-77022 (check). */
  RADIOLOGIC_GUIDANCE(Section.RADIOLOGY, "Radiologic Guidance"),
  /** Radiology: mammography, 77046-77067 (check). */
  BREAST_MAMMOGRAPHY(Section.RADIOLOGY, "Breast, Mammography"),
  /**
   * Radiology: bone and joint studies, including bone density and trabecular bone score,
   * 77071-77092 (check).
   */
  BONE_JOINT_STUDIES(Section.RADIOLOGY, "Bone/Joint Studies"),
  /** Radiology: radiation treatment planning and delivery, 77261-77799 (check). */
  RADIATION_ONCOLOGY(Section.RADIOLOGY, "Radiation Oncology"),
  /** Radiology: nuclear medicine, 78012-79999 (check). */
  NUCLEAR_MEDICINE(Section.RADIOLOGY, "Nuclear Medicine"),

  /** Category II: composite measures, 0001F-0015F. */
  COMPOSITE_MEASURES(Section.CATEGORY_II, "Composite Measures"),
  /** Category II: patient management, 0500F-0584F. */
  PATIENT_MANAGEMENT(Section.CATEGORY_II, "Patient Management"),
  /** Category II: patient history, 1000F-1505F. */
  PATIENT_HISTORY(Section.CATEGORY_II, "Patient History"),
  /** Category II: physical examination, 2000F-2060F. */
  PHYSICAL_EXAMINATION(Section.CATEGORY_II, "Physical Examination"),
  /** Category II: diagnostic or screening processes or results, 3006F-3776F. */
  DIAGNOSTIC_OR_SCREENING_PROCESSES_OR_RESULTS(
      Section.CATEGORY_II, "Diagnostic/Screening Processes or Results"),
  /** Category II: therapeutic, preventive or other interventions, 4000F-4563F. */
  THERAPEUTIC_PREVENTIVE_OR_OTHER_INTERVENTIONS(
      Section.CATEGORY_II, "Therapeutic, Preventive or Other Interventions"),
  /** Category II: follow-up or other outcomes, 5005F-5250F. */
  FOLLOW_UP_OR_OTHER_OUTCOMES(Section.CATEGORY_II, "Follow-up or Other Outcomes"),
  /** Category II: patient safety, 6005F-6150F. */
  PATIENT_SAFETY(Section.CATEGORY_II, "Patient Safety"),
  /** Category II: structural measures, 7010F-7025F. */
  STRUCTURAL_MEASURES(Section.CATEGORY_II, "Structural Measures"),
  /** Category II: codes listed for reporting that belong to no measure, 9001F-9007F. */
  NON_MEASURE_CODE_LISTING(Section.CATEGORY_II, "Non-Measure Code Listing");

  private final Optional<Section> section;
  private final String displayName;

  Subsection(Section section, String displayName) {
    this.section = Optional.ofNullable(section);
    this.displayName = displayName;
  }

  /**
   * {@return the section this subsection divides, or empty for {@link #NONE} and {@link
   * #UNASSIGNED}}
   */
  public Optional<Section> section() {
    return section;
  }

  /**
   * Tells whether this is a real subsection rather than {@link #NONE} or {@link #UNASSIGNED}.
   *
   * @return false for {@link #NONE} and {@link #UNASSIGNED}, true for every other subsection
   */
  public boolean isAssigned() {
    return section.isPresent();
  }

  /** {@return the subsection's name in plain words, such as {@code "Musculoskeletal System"}} */
  public String displayName() {
    return displayName;
  }
}
