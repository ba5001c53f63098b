package io.github.cpt4j.data;

import com.google.common.testing.EqualsTester;
import io.github.cpt4j.data.CmsDirectory.CmsFile;
import io.github.cpt4j.data.CmsDirectory.Kind;
import io.github.cpt4j.data.CmsDirectory.Replacement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The value laws of what a directory reports, {@link CmsFile} and {@link Replacement}: each field
 * tells two apart and equal ones hash alike, so that the files of two scans of one directory
 * compare equal.
 */
class CmsDirectoryValuesTest {

  private static final Path RVU = Path.of("rvu25a", "PPRRVU2025_Jan_nonQPP.csv");

  @Test
  void eachFieldOfAFileTellsFilesApart() {
    new EqualsTester()
        .addEqualityGroup(
            new CmsFile(RVU, Kind.RVU, 2025, 1, "nonQPP"),
            new CmsFile(Path.of("rvu25a/PPRRVU2025_Jan_nonQPP.csv"), Kind.RVU, 2025, 1, "nonQPP"))
        .addEqualityGroup(
            new CmsFile(Path.of("PPRRVU2025_Jan_nonQPP.csv"), Kind.RVU, 2025, 1, "nonQPP"))
        .addEqualityGroup(new CmsFile(RVU, Kind.GPCI, 2025, 1, "nonQPP"))
        .addEqualityGroup(new CmsFile(RVU, Kind.RVU, 2026, 1, "nonQPP"))
        .addEqualityGroup(new CmsFile(RVU, Kind.RVU, 2025, 4, "nonQPP"))
        .addEqualityGroup(new CmsFile(RVU, Kind.RVU, 2025, 1, "QPP"))
        .addEqualityGroup(new CmsFile(RVU, Kind.RVU, 2025, 1, ""))
        .testEquals();
  }

  @Test
  void eachFieldOfAReplacementTellsReplacementsApart() {
    CmsFile kept = new CmsFile(Path.of("rvu25a_v2", "PPRRVU2025_Jan.csv"), Kind.RVU, 2025, 1, "");
    CmsFile replaced = new CmsFile(Path.of("rvu25a", "PPRRVU2025_Jan.csv"), Kind.RVU, 2025, 1, "");
    String reason = "released 2025-01-10, after 2024-12-23";
    new EqualsTester()
        .addEqualityGroup(
            new Replacement(kept, replaced, reason), new Replacement(kept, replaced, reason))
        .addEqualityGroup(new Replacement(replaced, kept, reason))
        .addEqualityGroup(new Replacement(kept, kept, reason))
        .addEqualityGroup(new Replacement(kept, replaced, "a later name"))
        .testEquals();
  }
}
