package io.github.cpt4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.codeset.CodeEntry;
import io.github.cpt4j.codeset.CodeSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every lookup implementation returns the very same entry for every key the benchmark uses. */
class CodeLookupAgreementTest {

  private static void assertAgreement(String dataset) {
    CodeSet set = DataSets.codeSet(dataset);
    List<String> keys = new ArrayList<>(DataSets.codeTexts(set));
    keys.addAll(CodeSamples.COMMON);
    keys.addAll(CodeSamples.rare(500, 3));
    keys.addAll(CodeSamples.INVALID);
    CodeLookup cpt4j = CodeLookup.of(Implementation.CPT4J, set);
    for (String impl : List.of(Implementation.REGEX_HASHMAP, Implementation.GUAVA_IMMUTABLEMAP)) {
      CodeLookup baseline = CodeLookup.of(impl, set);
      for (String key : keys) {
        CodeEntry expected = cpt4j.byText(key);
        assertSame(expected, baseline.byText(key), impl + " on '" + key + "'");
        if (expected != null) {
          assertSame(expected, baseline.byCode(baseline.toCode(key)), impl + " on " + key);
          assertSame(expected, cpt4j.byCode(cpt4j.toCode(key)), key);
        }
      }
    }
  }

  @Test
  void sampleDataSet() {
    assertAgreement(DataSets.SAMPLE);
  }

  @Test
  void fullCmsDataSet() {
    Assumptions.assumeTrue(CmsFiles.hasRvu2025(), CmsFiles.ENV + " is not set");
    assertAgreement(DataSets.CMS_2025);
    assertEquals(16_852, DataSets.codeSet(DataSets.CMS_2025).size());
  }

  @Test
  void keyPopulationsComeFromTheDataSet() {
    CodeSet set = DataSets.codeSet(DataSets.SAMPLE);
    List<String> common = DataSets.commonIn(set);
    assertFalse(common.isEmpty());
    assertTrue(common.stream().allMatch(c -> set.find(c).isPresent()));
    List<String> rare = DataSets.rareIn(set);
    assertEquals(set.size(), common.size() + rare.size());
    assertNull(CodeLookup.of(Implementation.CPT4J, set).byText("99213 "));
  }

  @Test
  void unknownDataSetIsRejectedByName() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DataSets.codeSet("everything"));
    assertTrue(e.getMessage().contains("everything"), e.getMessage());
  }
}
