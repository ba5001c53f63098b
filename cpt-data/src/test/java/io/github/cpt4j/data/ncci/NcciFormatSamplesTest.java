package io.github.cpt4j.data.ncci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.edit.ncci.MueEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.NcciClaimType;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The loaders on excerpts of the real CMS files (their exact layouts), found under {@code
 * $CPT4J_CMS_DIR/ncci}; skipped when that is not set. Only numbers are checked: the rationale texts
 * stay in the files.
 */
class NcciFormatSamplesTest {

  private static List<Path> samples(String glob) throws IOException {
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
