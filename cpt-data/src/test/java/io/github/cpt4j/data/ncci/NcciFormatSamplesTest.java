package io.github.cpt4j.data.ncci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.edit.ncci.MueEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.NcciClaimType;
import io.github.cpt4j.edit.ncci.NcciEdits;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loaders on excerpts of the real CMS files (their exact layouts), found under {@code
 * $CPT4J_CMS_DIR/ncci}; skipped when that is not set. Only numbers are checked: the rationale texts
 * stay in the files. An excerpt is a few rows of a file: read as published it looks cut short, so
 * the tests read copies that start with the subset marker, under the same names.
 */
class NcciFormatSamplesTest {

  @TempDir Path marked;

  /** The excerpts matching {@code glob}, as published. */
  private static List<Path> published(String glob) throws IOException {
    String dir = System.getenv("CPT4J_CMS_DIR");
    assumeTrue(dir != null && !dir.isBlank(), "CPT4J_CMS_DIR is not set: format samples skipped");
    Path ncci = Path.of(dir, "ncci");
    assumeTrue(Files.isDirectory(ncci), "CPT4J_CMS_DIR has no ncci directory");
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(ncci, glob)) {
      files.forEach(found::add);
    }
    assumeTrue(!found.isEmpty(), "no " + glob + " in " + ncci);
    return found;
  }

  /** Copies of the excerpts matching {@code glob}, each after the subset marker line. */
  private List<Path> samples(String glob) throws IOException {
    List<Path> copies = new ArrayList<>();
    for (Path excerpt : published(glob)) {
      Path copy = marked.resolve(excerpt.getFileName().toString());
      if (!Files.exists(copy)) {
        byte[] marker = "# cpt4j subset: an excerpt\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = Files.readAllBytes(excerpt);
        byte[] both = Arrays.copyOf(marker, marker.length + bytes.length);
        System.arraycopy(bytes, 0, both, marker.length, bytes.length);
        Files.write(copy, both);
      }
      copies.add(copy);
    }
    return copies;
  }

  /** An excerpt as published, unmarked, is refused as a file cut short. */
  @Test
  void theExcerptsAsPublishedAreRefusedAsCutShort() throws IOException {
    // Found outside assertThrows: without the files the test is skipped, not failed by the
    // assumption's exception standing in for the one expected.
    List<Path> ptpExcerpts = published("ccipra-*.txt");
    Path mueExcerpt = published("MCR_MUE_*.csv").get(0);
    DataLoadException ptp = assertThrows(DataLoadException.class, () -> PtpFile.read(ptpExcerpts));
    assertTrue(ptp.getMessage().contains(": only 27 rows, "), ptp.getMessage());
    DataLoadException mue = assertThrows(DataLoadException.class, () -> MueFile.read(mueExcerpt));
    assertTrue(mue.getMessage().contains(": only 11 codes, "), mue.getMessage());
  }

  private static ProcedureCode code(String text) {
    return ProcedureCode.parse(text);
  }

  @Test
  void thePractitionerPtpSampleLoads() throws IOException {
    List<Path> files = samples("ccipra-*.txt");
    PtpTable table = PtpFile.read(files);
    assertEquals(27, table.size());
    // CMS's name says the practitioner table: ccipra.
    assertEquals(Optional.of(NcciClaimType.PRACTITIONER), table.claimType());
    PtpEdit withdrawn = table.edits(code("0001A"), code("90473")).get(0);
    assertEquals(PtpModifierIndicator.NOT_APPLICABLE, withdrawn.modifierIndicator());
    assertEquals(Optional.of(withdrawn.effective()), withdrawn.deletion());
    assertTrue(withdrawn.withdrawn());
    PtpEdit open = table.edits(code("0001U"), code("0030U")).get(0);
    assertEquals(LocalDate.of(2018, 7, 1), open.effective());
    assertEquals(Optional.empty(), open.deletion());
    assertEquals(PtpModifierIndicator.ALLOWED, open.modifierIndicator());
    assertFalse(open.rationale().isEmpty());
    assertTrue(table.find(code("0001U"), code("0030U"), LocalDate.of(2026, 7, 1)).isPresent());
    assertEquals(
        PtpModifierIndicator.NOT_ALLOWED,
        table.edits(code("0001A"), code("36591")).get(0).modifierIndicator());
    // The same file twice would be its rows twice: refused.
    DataLoadException twice =
        assertThrows(DataLoadException.class, () -> PtpFile.read(files.get(0), files.get(0)));
    assertEquals(
        "ccipra-v322r0-f1-excerpt.txt: the same file is given twice: its rows would be read twice",
        twice.getMessage());
  }

  /**
   * The sample's rows as claim edits. The release is 2026's third quarter (v322), and its row
   * 0001U/0029U is deleted 20260630: CMS writes the last day an edit applies, the day before the
   * quarter that drops it, so the pair is denied on 2026-06-30 and passes from 2026-07-01. The
   * column 2 line is the one denied, whatever the billed order; indicator 1 yields to 59 on either
   * line, indicator 0 to nothing.
   */
  @Test
  void thePractitionerPtpSampleEditsClaimsByItsDatesAndIndicators() throws IOException {
    NcciEdits edits = NcciEdits.ofPtp(PtpFile.read(samples("ccipra-*.txt")));
    PricingContext lastDay = on(LocalDate.of(2026, 6, 30));
    PricingContext quarter = on(LocalDate.of(2026, 7, 1));
    List<EditFinding> deleted = edits.check(claim("0029U", "0001U"), lastDay);
    assertEquals(1, deleted.size());
    assertEquals(0, deleted.get(0).line()); // 0029U, column 2, billed first
    assertEquals(List.of(), edits.check(claim("0029U", "0001U"), quarter));
    assertEquals(1, edits.check(claim("0001U", "0030U"), quarter).size());
    assertEquals(List.of(), edits.check(claim("0001U-59", "0030U"), quarter));
    assertEquals(List.of(), edits.check(claim("0001U", "0030U-XU"), quarter));
    // 0001A/36591, indicator 0, in force through 20231231: 59 does not pass it.
    PricingContext end2023 = on(LocalDate.of(2023, 12, 31));
    List<EditFinding> zero = edits.check(claim("0001A", "36591-59"), end2023);
    assertEquals(1, zero.size());
    assertEquals("0", zero.get(0).data().get("modifierIndicator"));
    assertEquals(List.of(), edits.check(claim("0001A", "36591"), on(LocalDate.of(2024, 1, 1))));
    // 0001A/90473, withdrawn (20220101 to 20220101, indicator 9): never applies, not even then.
    assertEquals(List.of(), edits.check(claim("0001A", "90473"), on(LocalDate.of(2022, 1, 1))));
  }

  /**
   * The MUE sample's rows as claim edits, in its quarter: MAI 2 and 3 add up the units of every
   * line of the code on the date and, over the value, deny each of those lines; a line of another
   * quarter is flagged, not judged.
   */
  @Test
  void thePractitionerMueSampleEditsClaimsPerDateOfService() throws IOException {
    NcciEdits edits = NcciEdits.ofMue(MueFile.read(samples("MCR_MUE_*.csv").get(0)));
    PricingContext quarter = on(LocalDate.of(2026, 7, 1));
    // 0009U: 2, MAI 3. Two lines of one unit each are within it; 2 + 1 units are over it.
    assertEquals(List.of(), edits.check(claim("0009U", "0009U"), quarter));
    List<EditFinding> clinical = edits.check(claim("0009U x2", "0001U", "0009U"), quarter);
    assertEquals(List.of(0, 2), clinical.stream().map(EditFinding::line).toList());
    assertEquals("3", clinical.get(0).data().get("mai"));
    assertEquals("3", clinical.get(0).data().get("units"));
    // 0001U: 1, MAI 2: two lines of one unit are two units, both denied.
    assertEquals(2, edits.check(claim("0001U", "0001U-91"), quarter).size());
    List<EditFinding> before = edits.check(claim("0001U x3"), on(LocalDate.of(2026, 6, 30)));
    assertEquals(EditAction.FLAG, before.get(0).action());
  }

  /**
   * The names of CMS's files say their quarter: the PTP release {@code v322r0} and the MUE file's
   * {@code Eff_07-01-2026} are both July to September 2026, and combine; the MUE file of the next
   * quarter beside that PTP table is refused, naming both quarters.
   */
  @Test
  void theSamplesOfOneQuarterCombineAndAnotherQuartersMueIsRefused() throws IOException {
    PtpTable ptp = PtpFile.read(samples("ccipra-*.txt"));
    Path mue = samples("MCR_MUE_*.csv").get(0);
    NcciEdits edits = NcciEdits.of(ptp, MueFile.read(mue));
    assertEquals(2, edits.edits().size());
    Path october =
        Files.copy(
            mue, marked.resolve(mue.getFileName().toString().replace("Eff_07-01-", "Eff_10-01-")));
    MueTable next = MueFile.read(october);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NcciEdits.of(ptp, next));
    assertEquals(
        "the PTP table is of 2026-Q3 (effective 2026-07-01) but the MUE table of 2026-Q4"
            + " (effective 2026-10-01): give a PTP table of the MUE table's quarter or a later one",
        e.getMessage());
  }

  private static PricingContext on(LocalDate date) {
    return PricingContext.withoutArea(date, Setting.NON_FACILITY);
  }

  private static Claim claim(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(line);
    }
    return claim.build();
  }

  @Test
  void thePractitionerMueSampleLoads() throws IOException {
    MueTable table = MueFile.read(samples("MCR_MUE_*.csv").get(0));
    assertEquals(11, table.size());
    // The value column and the name both say practitioner services.
    assertEquals(Optional.of(NcciClaimType.PRACTITIONER), table.claimType());
    // The name says its quarter: Eff_07-01-2026, in force to 2026-09-30.
    assertEquals(
        java.util.Optional.of(java.time.LocalDate.of(2026, 9, 30)),
        table.lastDay(),
        table::toString);
    MueEdit clinical = table.find(code("0009U")).orElseThrow();
    assertEquals(2, clinical.value());
    assertEquals(MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL, clinical.indicator());
    MueEdit policy = table.find(code("0001U")).orElseThrow();
    assertEquals(1, policy.value());
    assertEquals(MueAdjudicationIndicator.DATE_OF_SERVICE_POLICY, policy.indicator());
    assertFalse(policy.rationale().isEmpty());
  }
}
