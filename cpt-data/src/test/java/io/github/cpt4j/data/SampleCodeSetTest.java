package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.github.cpt4j.code.CodeLevel;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.CptKind;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.HcpcsGroup;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.code.Subsection;
import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import io.github.cpt4j.modifier.ModifierInfo;
import io.github.cpt4j.modifier.ModifierRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Consistency of the shipped sample, and (when the CMS files are available) its provenance. */
class SampleCodeSetTest {

  private static final LocalDate START_OF_2025 = LocalDate.of(2025, 1, 1);
  private static final CodeSet SAMPLE = BundledData.codeSet();

  private static List<ProcedureCode> codes(String... codes) {
    List<ProcedureCode> list = new ArrayList<>();
    for (String code : codes) {
      list.add(ProcedureCode.parse(code));
    }
    return list;
  }

  private static List<ProcedureCode> range(int first, int last) {
    List<ProcedureCode> list = new ArrayList<>();
    for (int n = first; n <= last; n++) {
      list.add(CptCode.of(n));
    }
    return list;
  }

  @Test
  void everyRowOfTheResourceIsOneEntry() throws IOException {
    long rows;
    try (InputStream in = BundledData.class.getResourceAsStream(BundledData.SAMPLE_CODES)) {
      rows =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
                  .lines()
                  .filter(line -> !line.isBlank() && !line.startsWith("#"))
                  .count()
              - 1;
    }
    assertEquals(rows, SAMPLE.size(), "a row was lost or merged");
  }

  @Test
  void hasEnoughCodesOfEveryLevelAndKind() {
    Map<Object, Long> counts =
        SAMPLE.stream()
            .collect(
                Collectors.groupingBy(
                    e ->
                        e.code() instanceof CptCode
                            ? ((CptCode) e.code()).kind()
                            : CodeLevel.LEVEL_II,
                    Collectors.counting()));
    long cpt = SAMPLE.stream().filter(e -> e.level() == CodeLevel.LEVEL_I).count();
    long levelTwoIn2025 =
        SAMPLE.stream()
            .filter(e -> e.level() == CodeLevel.LEVEL_II && e.isEffectiveOn(START_OF_2025))
            .count();
    assertTrue(cpt >= 400, "CPT codes: " + cpt);
    assertTrue(levelTwoIn2025 >= 60, "Level II codes valid in 2025: " + levelTwoIn2025);
    for (CptKind kind : CptKind.values()) {
      assertTrue(counts.getOrDefault(kind, 0L) >= 3, kind + ": " + counts.get(kind));
    }
    Set<Character> letters =
        SAMPLE.stream()
            .filter(e -> e.level() == CodeLevel.LEVEL_II)
            .map(e -> e.code().toString().charAt(0))
            .collect(Collectors.toSet());
    assertTrue(letters.containsAll(Set.of('A', 'G', 'J', 'Q')), letters.toString());
  }

  @Test
  void coversEverySectionAndSubsection() {
    for (Section section : Section.values()) {
      if (section != Section.UNASSIGNED) {
        assertTrue(
            SAMPLE.inSection(section).size() >= 10,
            section + ": " + SAMPLE.inSection(section).size());
      }
    }
    for (Subsection subsection : Subsection.values()) {
      if (subsection.isAssigned()) {
        assertFalse(SAMPLE.inSubsection(subsection).isEmpty(), subsection.toString());
      }
    }
    for (CodeEntry entry : SAMPLE.inSection(Section.UNASSIGNED)) {
      assertFalse(
          entry.isEffectiveOn(START_OF_2025), entry.code() + " is in no section but valid in 2025");
    }
  }

  @Test
  void holdsTheWholeEvaluationAndManagementFamilies() {
    List<ProcedureCode> families = new ArrayList<>();
    families.addAll(range(99202, 99205));
    families.addAll(range(99211, 99215));
    families.addAll(range(99221, 99223));
    families.addAll(range(99231, 99236));
    families.addAll(range(99238, 99239));
    families.addAll(range(99242, 99245));
    families.addAll(range(99252, 99255));
    families.addAll(range(99281, 99285));
    families.addAll(range(99291, 99292));
    families.addAll(range(99304, 99310));
    for (ProcedureCode code : families) {
      assertTrue(SAMPLE.find(code, START_OF_2025).isPresent(), code + " in 2025");
    }
  }

  @Test
  void datesDeletedCodesWithTheirRealEndDates() {
    assertEquals(
        Optional.of(LocalDate.of(2020, 12, 31)), SAMPLE.find("99201").orElseThrow().effectiveTo());
    assertTrue(SAMPLE.find("99201", LocalDate.of(2020, 12, 31)).isPresent());
    assertFalse(SAMPLE.find("99201", LocalDate.of(2021, 1, 1)).isPresent());
    for (ProcedureCode code :
        codes("99217", "99218", "99219", "99220", "99224", "99225", "99226", "99241", "99251")) {
      CodeEntry entry = SAMPLE.find(code).orElseThrow();
      assertEquals(Optional.of(LocalDate.of(2022, 12, 31)), entry.effectiveTo(), code.toString());
    }
    for (ProcedureCode code : codes("99441", "99442", "99443", "G2012")) {
      assertFalse(SAMPLE.find(code, START_OF_2025).isPresent(), code.toString());
      assertTrue(SAMPLE.find(code, LocalDate.of(2024, 12, 31)).isPresent(), code.toString());
    }
    assertFalse(SAMPLE.find("71046", LocalDate.of(2017, 12, 31)).isPresent());
    assertTrue(SAMPLE.find("71046", LocalDate.of(2018, 1, 1)).isPresent());
  }

  @Test
  void datesRecentHcpcsCodesFromTheirFirstDayOfService() {
    // G3002 (chronic pain management, first month): created by the CY 2023 Physician Fee Schedule
    // final rule (87 FR 69404; chronic pain management bundles at 69524) for dates of service from
    // 1 January 2023.
    assertFirstDay("G3002", LocalDate.of(2023, 1, 1));
    // G0011 (HIV PrEP counselling by a physician or practitioner): in CMS's annual HCPCS update of
    // 1 January 2024, before Medicare covered the service (NCD 210.15, Pub. 100-03, for dates of
    // service from 30 September 2024): the code is valid from its introduction, as effective_from
    // says, whatever Medicare paid before its coverage began.
    assertFirstDay("G0011", LocalDate.of(2024, 1, 1));
  }

  private static void assertFirstDay(String code, LocalDate first) {
    assertEquals(first, SAMPLE.find(code).orElseThrow().effectiveFrom(), code);
    assertTrue(SAMPLE.find(code, first).isPresent(), code + " on " + first);
    assertFalse(SAMPLE.find(code, first.minusDays(1)).isPresent(), code + " before " + first);
  }

  @Test
  void marksAddOnCodes() {
    for (String code : List.of("99292", "99417", "11045", "22552", "64484", "69990", "G2211")) {
      assertTrue(SAMPLE.find(code).orElseThrow().addOn(), code);
    }
    for (String code : List.of("99291", "99213", "27447", "G0438")) {
      assertFalse(SAMPLE.find(code).orElseThrow().addOn(), code);
    }
  }

  @Test
  void descriptionsAreOurOwnShortOneLineSummaries() {
    for (CodeEntry entry : SAMPLE) {
      String text = entry.shortDescription();
      assertEquals(text.strip(), text, entry.code().toString());
      assertTrue(text.length() >= 10 && text.length() <= 100, entry.code() + ": " + text);
      assertFalse(text.equals(text.toUpperCase(Locale.ROOT)), "shouted: " + entry.code());
      assertEquals(Optional.empty(), entry.longDescription(), entry.code().toString());
      assertTrue(entry.effectiveFrom().isAfter(LocalDate.of(1965, 12, 31)));
    }
  }

  // ------------------------------------------------------------ against the real CMS file

  /** A row of the CMS relative value file: only what these checks need. */
  private static final class RvuRow {
    final String modifier;
    final String description;
    final String pcTc;
    final String global;
    final String bilateral;

    RvuRow(CsvRecord record) {
      modifier = record.getField(1);
      description = record.getField(2);
      pcTc = record.getField(13);
      global = record.getField(14);
      bilateral = record.getField(19);
    }
  }

  private static Map<String, List<RvuRow>> rvuFile() throws IOException {
    String dir = System.getenv("CPT4J_CMS_DIR");
    assumeTrue(
        dir != null && !dir.isBlank(),
        "CPT4J_CMS_DIR is not set: skipping the checks against the CMS 2025 RVU file");
    Path file = Path.of(dir, "2025", "PPRRVU2025_Oct.csv");
    assumeTrue(Files.isRegularFile(file), "no " + file);
    Map<String, List<RvuRow>> rows = new HashMap<>();
    boolean header = false;
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .ofCsvRecord(file, StandardCharsets.ISO_8859_1)) {
      for (CsvRecord record : reader) {
        if (!header) {
          header = record.getField(0).equals("HCPCS");
          continue;
        }
        if (!record.getField(0).isBlank()) {
          rows.computeIfAbsent(record.getField(0), k -> new ArrayList<>()).add(new RvuRow(record));
        }
      }
    }
    assertTrue(rows.size() > 15_000, "rows: " + rows.size());
    return rows;
  }

  /**
   * PLA, MAAA and vaccine administration codes, and DMEPOS items (HCPCS E, K and L), are paid from
   * other schedules, and CMS's relative value file does not list them.
   */
  private static boolean onTheFeeSchedule(CodeEntry entry) {
    if (entry.code() instanceof HcpcsCode hcpcs) {
      HcpcsGroup group = hcpcs.group();
      return group != HcpcsGroup.DURABLE_MEDICAL_EQUIPMENT
          && group != HcpcsGroup.TEMPORARY_DURABLE_MEDICAL_EQUIPMENT
          && group != HcpcsGroup.ORTHOTICS_AND_PROSTHETICS;
    }
    CptKind kind = ((CptCode) entry.code()).kind();
    return kind != CptKind.PLA && kind != CptKind.MAAA && kind != CptKind.VACCINE_ADMINISTRATION;
  }

  @Test
  void everyCodeValidIn2025IsInThe2025RelativeValueFile() throws IOException {
    Map<String, List<RvuRow>> rvu = rvuFile();
    List<String> missing = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    for (CodeEntry entry : SAMPLE) {
      if (!onTheFeeSchedule(entry)) {
        continue;
      }
      boolean listed = rvu.containsKey(entry.code().toString());
      if (entry.isEffectiveOn(START_OF_2025) && !listed) {
        missing.add(entry.code().toString());
      }
      if (entry.effectiveTo().isPresent()
          && entry.effectiveTo().get().isBefore(START_OF_2025)
          && listed) {
        stale.add(entry.code().toString());
      }
    }
    assertEquals(List.of(), missing, "valid in 2025 but not in the 2025 RVU file");
    assertEquals(List.of(), stale, "ended before 2025 but still in the 2025 RVU file");
  }

  @Test
  void addOnFlagsAgreeWithTheGlobalPeriodZzz() throws IOException {
    Map<String, List<RvuRow>> rvu = rvuFile();
    for (CodeEntry entry : SAMPLE) {
      List<RvuRow> rows = rvu.get(entry.code().toString());
      if (rows != null) {
        boolean zzz = rows.stream().anyMatch(r -> r.modifier.isEmpty() && r.global.equals("ZZZ"));
        assertEquals(zzz, entry.addOn(), entry.code().toString());
      }
    }
  }

  @Test
  void coversTheFeeScheduleCasesThatPricingNeeds() throws IOException {
    Map<String, List<RvuRow>> rvu = rvuFile();
    Set<String> splits = new HashSet<>();
    Set<String> bilateral = new HashSet<>();
    for (CodeEntry entry : SAMPLE) {
      for (RvuRow row : rvu.getOrDefault(entry.code().toString(), List.of())) {
        if (row.pcTc.equals("1") && (row.modifier.equals("26") || row.modifier.equals("TC"))) {
          splits.add(entry.code() + "-" + row.modifier);
        }
        if (row.bilateral.equals("1")) {
          bilateral.add(entry.code().toString());
        }
      }
    }
    assertTrue(
        splits.containsAll(Set.of("71046-26", "71046-TC", "70450-26", "93306-TC")),
        splits.toString());
    assertTrue(splits.size() >= 60, "26/TC rows: " + splits.size());
    assertTrue(bilateral.containsAll(Set.of("27447", "29881", "64483")), bilateral.toString());
  }

  @Test
  void noDescriptionEqualsOrContainsACmsDescription() throws IOException {
    Set<String> cms = cmsDescriptions();
    List<String> copied = new ArrayList<>();
    for (CodeEntry entry : SAMPLE) {
      if (containsOneOf(cms, entry.shortDescription())) {
        copied.add(entry.code() + " \"" + entry.shortDescription() + "\"");
      }
    }
    assertEquals(List.of(), copied, "descriptions that contain a CMS (AMA) descriptor");
  }

  /** The modifier registry's descriptions are held to the sample's standard. */
  @Test
  void noModifierDescriptionEqualsOrContainsACmsDescription() throws IOException {
    Set<String> cms = cmsDescriptions();
    List<String> copied = new ArrayList<>();
    for (ModifierInfo info : ModifierRegistry.standard().all()) {
      if (containsOneOf(cms, info.description())) {
        copied.add(info.toString());
      }
    }
    assertEquals(List.of(), copied, "modifier descriptions that contain a CMS (AMA) descriptor");
  }

  /** The DESCRIPTION column of CMS's relative value file, each as {@link #words}. */
  private static Set<String> cmsDescriptions() throws IOException {
    Set<String> cms = new HashSet<>();
    for (List<RvuRow> rows : rvuFile().values()) {
      for (RvuRow row : rows) {
        String words = words(row.description);
        if (!words.isBlank()) {
          cms.add(words);
        }
      }
    }
    return cms;
  }

  /** Whether a run of consecutive words of {@code ours} is a whole description of {@code cms}. */
  private static boolean containsOneOf(Set<String> cms, String ours) {
    String[] tokens = words(ours).strip().split(" ", -1);
    for (int i = 0; i < tokens.length; i++) {
      StringBuilder run = new StringBuilder(" ");
      for (int j = i; j < tokens.length; j++) {
        run.append(tokens[j]).append(' ');
        if (cms.contains(run.toString())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Lower case, letters and digits only, single spaces, padded: whole-word comparisons. */
  private static String words(String text) {
    return " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip() + " ";
  }
}
