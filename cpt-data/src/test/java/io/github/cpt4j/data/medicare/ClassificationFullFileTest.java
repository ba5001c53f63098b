package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.HcpcsGroup;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.code.Subsection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every code of the full 2025 relative value file (its first column only) is classified without an
 * exception: each CPT code into a section and, in a divided section, a subsection; each Level II
 * code into a group of a letter CMS uses (skipped without CPT4J_CMS_DIR).
 */
class ClassificationFullFileTest {

  @Test
  void everyCodeOfThe2025FileHasASectionOrAGroup() throws Exception {
    List<String> lines =
        Files.readAllLines(CmsFiles.file("2025/PPRRVU2025_Oct.csv"), StandardCharsets.ISO_8859_1);
    int header = 0;
    while (!lines.get(header).startsWith("HCPCS,")) {
      header++;
    }
    Set<String> codes = new LinkedHashSet<>();
    for (String line : lines.subList(header + 1, lines.size())) {
      int comma = line.indexOf(',');
      if (comma > 0) {
        codes.add(line.substring(0, comma));
      }
    }
    List<String> problems = new ArrayList<>();
    int cpt = 0;
    for (String text : codes) {
      try {
        ProcedureCode code = ProcedureCode.parse(text);
        if (code instanceof CptCode c) {
          cpt++;
          Section section = c.section();
          Subsection subsection = c.subsection();
          if (section == Section.UNASSIGNED
              || subsection == Subsection.UNASSIGNED
              || subsection.isAssigned() != section.hasSubsections()) {
            problems.add(text + " " + section + "/" + subsection);
          }
        } else if (((HcpcsCode) code).group() == HcpcsGroup.UNASSIGNED) {
          problems.add(text + " " + HcpcsGroup.UNASSIGNED);
        }
      } catch (RuntimeException e) {
        problems.add(text + " " + e);
      }
    }
    assertEquals(List.of(), problems);
    // 16,852 distinct codes in 19,090 rows (26, TC and 53 rows repeat a code), 10,881 of them CPT.
    assertEquals(16_852, codes.size());
    assertEquals(10_881, cpt);
  }
}
