package io.github.cpt4j.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectionTableTest {

  private static final SectionTable TABLE = SectionTable.standard();

  @ParameterizedTest
  @CsvSource({
    "99213, EVALUATION_AND_MANAGEMENT, NONE",
    "99202, EVALUATION_AND_MANAGEMENT, NONE",
    "99499, EVALUATION_AND_MANAGEMENT, NONE",
    "00100, ANESTHESIA, NONE",
    "01999, ANESTHESIA, NONE",
    "10004, SURGERY, GENERAL",
    "11042, SURGERY, INTEGUMENTARY",
    "27447, SURGERY, MUSCULOSKELETAL",
    "31500, SURGERY, RESPIRATORY",
    "33016, SURGERY, CARDIOVASCULAR",
    "38100, SURGERY, HEMIC_AND_LYMPHATIC",
    "39599, SURGERY, MEDIASTINUM_AND_DIAPHRAGM",
    "43239, SURGERY, DIGESTIVE",
    "52000, SURGERY, URINARY",
    "55700, SURGERY, MALE_GENITAL",
    "55970, SURGERY, REPRODUCTIVE_AND_INTERSEX",
    "58150, SURGERY, FEMALE_GENITAL",
    "59400, SURGERY, MATERNITY_CARE_AND_DELIVERY",
    "60500, SURGERY, ENDOCRINE",
    "63030, SURGERY, NERVOUS",
    "66984, SURGERY, EYE_AND_OCULAR_ADNEXA",
    "69436, SURGERY, AUDITORY",
    "69990, SURGERY, OPERATING_MICROSCOPE",
    "71046, RADIOLOGY, DIAGNOSTIC_RADIOLOGY",
    "76700, RADIOLOGY, DIAGNOSTIC_ULTRASOUND",
    "77002, RADIOLOGY, RADIOLOGIC_GUIDANCE",
    "77067, RADIOLOGY, BREAST_MAMMOGRAPHY",
    "77080, RADIOLOGY, BONE_JOINT_STUDIES",
    "77385, RADIOLOGY, RADIATION_ONCOLOGY",
    "78452, RADIOLOGY, NUCLEAR_MEDICINE",
    "80053, PATHOLOGY_AND_LABORATORY, NONE",
    "89398, PATHOLOGY_AND_LABORATORY, NONE",
    "90281, MEDICINE, NONE",
    "93000, MEDICINE, NONE",
    "99199, MEDICINE, NONE",
    "99500, MEDICINE, NONE",
    "99607, MEDICINE, NONE",
    "0001A, MEDICINE, NONE",
    "0002M, PATHOLOGY_AND_LABORATORY, NONE",
    "0001U, PATHOLOGY_AND_LABORATORY, NONE",
    "0042T, CATEGORY_III, NONE",
    "0001F, CATEGORY_II, COMPOSITE_MEASURES",
    "0500F, CATEGORY_II, PATIENT_MANAGEMENT",
    "1036F, CATEGORY_II, PATIENT_HISTORY",
    "2060F, CATEGORY_II, PHYSICAL_EXAMINATION",
    "3044F, CATEGORY_II, DIAGNOSTIC_OR_SCREENING_PROCESSES_OR_RESULTS",
    "4563F, CATEGORY_II, THERAPEUTIC_PREVENTIVE_OR_OTHER_INTERVENTIONS",
    "5005F, CATEGORY_II, FOLLOW_UP_OR_OTHER_OUTCOMES",
    "6150F, CATEGORY_II, PATIENT_SAFETY",
    "7025F, CATEGORY_II, STRUCTURAL_MEASURES",
    "9001F, CATEGORY_II, NON_MEASURE_CODE_LISTING",
    // Inside a divided section but between subsections: the subsection is not guessed.
    "10022, SURGERY, UNASSIGNED",
    "33010, SURGERY, UNASSIGNED",
    "76500, RADIOLOGY, UNASSIGNED",
    "0016F, CATEGORY_II, UNASSIGNED",
    "8000F, CATEGORY_II, UNASSIGNED",
    // In no section at all.
    "00000, UNASSIGNED, UNASSIGNED",
    "00099, UNASSIGNED, UNASSIGNED",
    "02000, UNASSIGNED, UNASSIGNED",
    "10003, UNASSIGNED, UNASSIGNED",
    "89399, UNASSIGNED, UNASSIGNED",
    "90280, UNASSIGNED, UNASSIGNED",
    "99200, UNASSIGNED, UNASSIGNED",
    "99201, UNASSIGNED, UNASSIGNED",
    "99608, UNASSIGNED, UNASSIGNED",
    "99999, UNASSIGNED, UNASSIGNED",
    "0000A, UNASSIGNED, UNASSIGNED",
    "0000F, UNASSIGNED, UNASSIGNED",
    "0000T, UNASSIGNED, UNASSIGNED",
  })
  void classifiesExamples(String code, Section section, Subsection subsection) {
    CptCode cpt = CptCode.parse(code);
    assertEquals(section, cpt.section());
    assertEquals(subsection, cpt.subsection());
    assertEquals(section, TABLE.section(cpt));
    assertEquals(subsection, TABLE.subsection(cpt));
  }

  @Test
  void aNullRowIsNamedByItsIndex() {
    List<CodeRange> rows = new ArrayList<>(TABLE.rows());
    rows.add(3, null);
    NullPointerException e = assertThrows(NullPointerException.class, () -> SectionTable.of(rows));
    assertEquals("row at index 3", e.getMessage());
  }

  @Test
  void qualifyingCircumstancesForAnesthesiaLiveInMedicine() {
    // 99100-99140 are reported with anesthesia but numbered in Medicine; the library keeps them
    // there so that ANESTHESIA is exactly 00100-01999, where P1-P6 are allowed.
    for (String code : List.of("99100", "99116", "99135", "99140")) {
      assertEquals(Section.MEDICINE, CptCode.parse(code).section(), code);
    }
  }

  @Test
  void everyCptCodeIsClassifiedExactlyAsTheRowsSay() {
    // Exhaustive over the whole five-digit space and every suffix space: 150,000 codes.
    List<CodeRange> rows = TABLE.rows();
    for (int packed = 0; packed < 150_000; packed++) {
      CptCode code = CptCode.ofPacked(packed);
      Section expectedSection = Section.UNASSIGNED;
      Subsection expectedSubsection = null;
      int sectionRows = 0;
      int subsectionRows = 0;
      for (CodeRange row : rows) {
        if (row.contains(code)) {
          if (row.isSubsectionRow()) {
            subsectionRows++;
            expectedSubsection = row.subsection();
          } else {
            sectionRows++;
            expectedSection = row.section();
          }
        }
      }
      assertTrue(sectionRows <= 1 && subsectionRows <= 1, () -> code + " is in two rows");
      if (expectedSubsection == null) {
        expectedSubsection =
            expectedSection.hasSubsections() || expectedSection == Section.UNASSIGNED
                ? Subsection.UNASSIGNED
                : Subsection.NONE;
      }
      Section section = code.section();
      Subsection subsection = code.subsection();
      if (section != expectedSection || subsection != expectedSubsection) {
        throw new AssertionError(
            code
                + ": "
                + section
                + "/"
                + subsection
                + ", expected "
                + expectedSection
                + "/"
                + expectedSubsection);
      }
      if (subsection.isAssigned()) {
        assertEquals(Optional.of(section), subsection.section());
      }
    }
  }

  @Test
  void suffixDecidesTheSectionOfSuffixedCodes() {
    for (int n = 1; n <= 9_999; n++) {
      assertEquals(Section.MEDICINE, CptCode.of(CptKind.VACCINE_ADMINISTRATION, n).section());
      assertEquals(Section.PATHOLOGY_AND_LABORATORY, CptCode.of(CptKind.MAAA, n).section());
      assertEquals(Section.PATHOLOGY_AND_LABORATORY, CptCode.of(CptKind.PLA, n).section());
      assertEquals(Section.CATEGORY_II, CptCode.of(CptKind.PERFORMANCE_MEASURE, n).section());
      assertEquals(Section.CATEGORY_III, CptCode.of(CptKind.EMERGING_TECHNOLOGY, n).section());
    }
  }

  @Test
  void standardRowsArePinned() {
    // Every row, so that a change to the table is a visible, deliberate change to this test.
    List<String> expected =
        List.of(
            "00100-01999 Anesthesia",
            "10004-69990 Surgery",
            "10004-10021 Surgery/General",
            "10030-19499 Surgery/Integumentary System",
            "20100-29999 Surgery/Musculoskeletal System",
            "30000-32999 Surgery/Respiratory System",
            "33016-37799 Surgery/Cardiovascular System",
            "38100-38999 Surgery/Hemic and Lymphatic Systems",
            "39000-39599 Surgery/Mediastinum and Diaphragm",
            "40490-49999 Surgery/Digestive System",
            "50010-53899 Surgery/Urinary System",
            "54000-55899 Surgery/Male Genital System",
            "55920-55980 Surgery/Reproductive System and Intersex",
            "56405-58999 Surgery/Female Genital System",
            "59000-59899 Surgery/Maternity Care and Delivery",
            "60000-60699 Surgery/Endocrine System",
            "61000-64999 Surgery/Nervous System",
            "65091-68899 Surgery/Eye and Ocular Adnexa",
            "69000-69979 Surgery/Auditory System",
            "69990-69990 Surgery/Operating Microscope",
            "70010-79999 Radiology",
            "70010-76499 Radiology/Diagnostic Radiology",
            "76506-76999 Radiology/Diagnostic Ultrasound",
            "77001-77022 Radiology/Radiologic Guidance",
            "77046-77067 Radiology/Breast, Mammography",
            "77071-77092 Radiology/Bone/Joint Studies",
            "77261-77799 Radiology/Radiation Oncology",
            "78012-79999 Radiology/Nuclear Medicine",
            "80047-89398 Pathology and Laboratory",
            "90281-99199 Medicine",
            "99202-99499 Evaluation and Management",
            "99500-99607 Medicine",
            "0001A-9999A Medicine",
            "0001M-9999M Pathology and Laboratory",
            "0001U-9999U Pathology and Laboratory",
            "0001F-9999F Category II",
            "0001F-0015F Category II/Composite Measures",
            "0500F-0584F Category II/Patient Management",
            "1000F-1505F Category II/Patient History",
            "2000F-2060F Category II/Physical Examination",
            "3006F-3776F Category II/Diagnostic/Screening Processes or Results",
            "4000F-4563F Category II/Therapeutic, Preventive or Other Interventions",
            "5005F-5250F Category II/Follow-up or Other Outcomes",
            "6005F-6150F Category II/Patient Safety",
            "7010F-7025F Category II/Structural Measures",
            "9001F-9007F Category II/Non-Measure Code Listing",
            "0001T-9999T Category III");
    List<String> actual = new ArrayList<>();
    TABLE.rows().forEach(row -> actual.add(row.toString()));
    assertEquals(expected, actual);
  }

  @Test
  void standardTableSummaryIsTheOneItsToStringDocuments() {
    // 47 rows, and 86 segments: the gaps between rows are segments too.
    assertEquals("SectionTable[47 rows, 86 segments]", TABLE.toString());
  }

  @Test
  void standardRowsDoNotOverlap() {
    List<CodeRange> rows = TABLE.rows();
    for (int i = 0; i < rows.size(); i++) {
      for (int j = i + 1; j < rows.size(); j++) {
        CodeRange a = rows.get(i);
        CodeRange b = rows.get(j);
        if (a.isSubsectionRow() == b.isSubsectionRow()) {
          assertFalse(a.overlaps(b), a + " overlaps " + b);
        }
      }
    }
  }

  @Test
  void everySubsectionHasARowAndEverySectionToo() {
    for (Subsection subsection : Subsection.values()) {
      if (subsection.isAssigned()) {
        assertTrue(
            TABLE.rows().stream().anyMatch(r -> r.subsection() == subsection), subsection::name);
      }
    }
    for (Section section : Section.values()) {
      if (section != Section.UNASSIGNED) {
        assertTrue(TABLE.rows().stream().anyMatch(r -> r.section() == section), section::name);
      }
      assertEquals(
          section.hasSubsections(),
          java.util.Arrays.stream(Subsection.values())
              .anyMatch(s -> s.section().equals(Optional.of(section))),
          section::name);
    }
  }

  @Test
  void rangesFollowTheCodeOrderNotStringOrder() {
    CodeRange anesthesia = CodeRange.of(CptCode.of(100), CptCode.of(1999), Section.ANESTHESIA);
    // As strings, "00100" < "0100T" < "01999"; as codes, 0100T is a Category III code.
    assertTrue("00100".compareTo("0100T") < 0 && "0100T".compareTo("01999") < 0);
    assertFalse(anesthesia.contains(CptCode.parse("0100T")));
    assertTrue(anesthesia.contains(CptCode.parse("01234")));
    assertEquals(Section.CATEGORY_III, CptCode.parse("0100T").section());
  }

  @Test
  void buildingOverlappingSectionRowsFails() {
    List<CodeRange> rows =
        List.of(
            CodeRange.of(CptCode.of(100), CptCode.of(1999), Section.ANESTHESIA),
            CodeRange.of(CptCode.of(1999), CptCode.of(69990), Section.SURGERY));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SectionTable.of(rows));
    assertTrue(e.getMessage().contains("00100-01999 Anesthesia"), e.getMessage());
    assertTrue(e.getMessage().contains("01999-69990 Surgery"), e.getMessage());
  }

  @Test
  void buildingOverlappingSubsectionRowsFails() {
    List<CodeRange> rows =
        List.of(
            CodeRange.of(CptCode.of(10004), CptCode.of(69990), Section.SURGERY),
            CodeRange.of(CptCode.of(20100), CptCode.of(29999), Subsection.MUSCULOSKELETAL),
            CodeRange.of(CptCode.of(29000), CptCode.of(32999), Subsection.RESPIRATORY));
    assertThrows(IllegalArgumentException.class, () -> SectionTable.of(rows));
  }

  @Test
  void buildingASubsectionOutsideItsSectionFails() {
    CodeRange surgery = CodeRange.of(CptCode.of(10004), CptCode.of(69990), Section.SURGERY);
    CodeRange radiology = CodeRange.of(CptCode.of(70010), CptCode.of(79999), Section.RADIOLOGY);
    // Sticks out of the section.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SectionTable.of(
                List.of(
                    surgery,
                    CodeRange.of(CptCode.of(69000), CptCode.of(70000), Subsection.AUDITORY))));
    // Inside another section.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SectionTable.of(
                List.of(
                    surgery,
                    radiology,
                    CodeRange.of(CptCode.of(71000), CptCode.of(71999), Subsection.AUDITORY))));
    // Inside no section.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SectionTable.of(
                List.of(CodeRange.of(CptCode.of(69000), CptCode.of(69979), Subsection.AUDITORY))));
  }

  @Test
  void aSmallTableClassifiesAsItsRowsSay() {
    SectionTable table =
        SectionTable.of(
            List.of(
                CodeRange.of(CptCode.of(10004), CptCode.of(69990), Section.SURGERY),
                CodeRange.of(CptCode.of(20100), CptCode.of(29999), Subsection.MUSCULOSKELETAL)));
    assertEquals(Section.SURGERY, table.section(CptCode.of(27447)));
    assertEquals(Subsection.MUSCULOSKELETAL, table.subsection(CptCode.of(27447)));
    assertEquals(Subsection.UNASSIGNED, table.subsection(CptCode.of(11042)));
    assertEquals(Section.UNASSIGNED, table.section(CptCode.of(99213)));
    assertEquals(Section.UNASSIGNED, table.section(CptCode.parse("0001F")));
    assertEquals(Section.UNASSIGNED, SectionTable.of(List.of()).section(CptCode.of(27447)));
  }

  @Test
  void codeRangeRejectsBadRows() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CodeRange.of(CptCode.of(200), CptCode.of(100), Section.ANESTHESIA));
    assertThrows(
        IllegalArgumentException.class,
        () -> CodeRange.of(CptCode.of(100), CptCode.parse("0100T"), Section.ANESTHESIA));
    assertThrows(
        IllegalArgumentException.class,
        () -> CodeRange.of(CptCode.of(100), CptCode.of(200), Section.UNASSIGNED));
    assertThrows(
        IllegalArgumentException.class,
        () -> CodeRange.of(CptCode.of(100), CptCode.of(200), Subsection.NONE));
    assertThrows(
        IllegalArgumentException.class,
        () -> CodeRange.of(CptCode.of(100), CptCode.of(200), Subsection.UNASSIGNED));
  }

  @Test
  void codeRangeEqualsAndNulls() {
    new EqualsTester()
        .addEqualityGroup(
            CodeRange.of(CptCode.of(100), CptCode.of(1999), Section.ANESTHESIA),
            CodeRange.of(CptCode.parse("00100"), CptCode.parse("01999"), Section.ANESTHESIA))
        .addEqualityGroup(CodeRange.of(CptCode.of(100), CptCode.of(1998), Section.ANESTHESIA))
        .addEqualityGroup(CodeRange.of(CptCode.of(101), CptCode.of(1999), Section.ANESTHESIA))
        .addEqualityGroup(CodeRange.of(CptCode.of(100), CptCode.of(1999), Section.MEDICINE))
        .addEqualityGroup(CodeRange.of(CptCode.of(20100), CptCode.of(29999), Section.SURGERY))
        .addEqualityGroup(
            CodeRange.of(CptCode.of(20100), CptCode.of(29999), Subsection.MUSCULOSKELETAL))
        .testEquals();
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(CptCode.class, CptCode.of(100))
            .setDefault(CodeRange.class, TABLE.rows().get(0))
            .setDefault(Iterable.class, ImmutableList.of());
    tester.testAllPublicStaticMethods(CodeRange.class);
    tester.testAllPublicInstanceMethods(TABLE.rows().get(0));
    tester.testAllPublicStaticMethods(SectionTable.class);
    tester.testAllPublicInstanceMethods(TABLE);
  }

  @Test
  @SuppressWarnings("DoNotCall") // the point: the list must refuse changes
  void tableIsImmutable() {
    List<CodeRange> rows = TABLE.rows();
    assertThrows(UnsupportedOperationException.class, () -> rows.add(rows.get(0)));
  }
}
