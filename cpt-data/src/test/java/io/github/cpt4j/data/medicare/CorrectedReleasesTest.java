package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.CmsDirectory;
import io.github.cpt4j.data.load.DataLoadException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A directory holding a release and its corrected re-issue (as CMS re-issued 25A on 2025-01-10):
 * the later one replaces the other, whatever the order of their names, and two files nothing orders
 * are refused naming both.
 */
class CorrectedReleasesTest {

  /**
   * Writes a January 2025 relative value file (the test layout's rows, made-up descriptions) whose
   * title block says {@code released} and whose 99213 has {@code work} work RVUs (its totals
   * follow: the loader checks them against the RVUs).
   */
  private static void rvu(Path dir, String relative, String released, String work)
      throws IOException {
    String text =
        LoaderFixtures.rvu2025()
            .replace(
                "Test relative value file in the CY2025 layout",
                "2025 National Physician Fee Schedule Relative Value File January Release")
            .replace("RELEASED 09/11/2025", "RELEASED " + released)
            .replace(
                "99213,,Made-up office visit,A,,1.30,1.35,,0.57,,0.10,2.75,1.97,",
                "99213,,Made-up office visit,A,,"
                    + work
                    + ",1.35,,0.57,,0.10,"
                    + new BigDecimal(work).add(new BigDecimal("1.45"))
                    + ","
                    + new BigDecimal(work).add(new BigDecimal("0.67"))
                    + ",");
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static CmsDirectory load(Path dir) throws IOException {
    Files.writeString(dir.resolve("GPCI2025.csv"), LoaderFixtures.gpci2025());
    return CmsDirectory.load(dir);
  }

  private static BigDecimal work99213(CmsDirectory cms) {
    return cms.releases()
        .releases()
        .get(0)
        .schedule()
        .rvus()
        .find(ProcedureCode.parse("99213"), Optional.empty())
        .orElseThrow()
        .workRvu();
  }

  @Test
  void theLaterReleasedDateInTheTitleRowsReplacesTheEarlier(@TempDir Path dir) throws IOException {
    // Whichever of the two sorts first by name, the one released later is kept.
    for (List<String> folders : List.of(List.of("a", "b"), List.of("b", "a"))) {
      Path root = Files.createDirectory(dir.resolve(String.join("", folders)));
      rvu(root, folders.get(0) + "/PPRRVU25_JAN.csv", "12/23/2024", "1.30");
      rvu(root, folders.get(1) + "/PPRRVU25_JAN.csv", "01/10/2025", "1.31");
      CmsDirectory cms = load(root);
      assertEquals(new BigDecimal("1.31"), work99213(cms));
      assertEquals(1, cms.releases().releases().size());
      CmsDirectory.Replacement r = cms.replacements().get(0);
      assertEquals(root.resolve(folders.get(1) + "/PPRRVU25_JAN.csv"), r.kept().path());
      assertEquals(root.resolve(folders.get(0) + "/PPRRVU25_JAN.csv"), r.replaced().path());
      String described = cms.describe();
      String expected =
          "2025A: "
              + Path.of(folders.get(1), "PPRRVU25_JAN.csv")
              + " replaces "
              + Path.of(folders.get(0), "PPRRVU25_JAN.csv")
              + " (released 2025-01-10, after 2024-12-23 (RELEASED in the title rows))";
      assertTrue(described.contains(expected), described);
      assertTrue(described.contains("PPRRVU25_JAN.csv  (replaced)"), described);
    }
  }

  @Test
  void withTheSameTitleAMarkerInTheNameSaysWhichIsTheCorrection(@TempDir Path dir)
      throws IOException {
    // 25A as re-issued kept its RELEASED 12/23/2024 row: only the download's name tells them apart.
    rvu(dir, "rvu25a/PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    rvu(dir, "rvu25a-updated/PPRRVU25_JAN.csv", "12/23/2024", "1.31");
    CmsDirectory cms = load(dir);
    assertEquals(new BigDecimal("1.31"), work99213(cms));
    assertEquals("its name says updated, the other's does not", cms.replacements().get(0).reason());

    Path ar = Files.createDirectory(dir.resolve("ar"));
    rvu(ar, "RVU25AR/PPRRVU25_JAN.csv", "12/23/2024", "1.32");
    rvu(ar, "RVU25A/PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    assertEquals(new BigDecimal("1.32"), work99213(load(ar)));
    assertEquals(
        "its name says RVU25AR, the other's does not", load(ar).replacements().get(0).reason());

    Path file = Files.createDirectory(dir.resolve("file"));
    rvu(file, "PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    rvu(file, "PPRRVU25_JAN_corrected.csv", "12/23/2024", "1.33");
    assertEquals(new BigDecimal("1.33"), work99213(load(file)));
  }

  @Test
  void datesInTheNamesOrderTwoCorrections(@TempDir Path dir) throws IOException {
    rvu(dir, "rvu25a-updated-01-10-2025/PPRRVU25_JAN.csv", "12/23/2024", "1.31");
    rvu(dir, "rvu25a-updated-01-03-2025/PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    CmsDirectory cms = load(dir);
    assertEquals(new BigDecimal("1.31"), work99213(cms));
    assertEquals(
        "its name is dated 2025-01-10, the other's 2025-01-03", cms.replacements().get(0).reason());

    Path iso = Files.createDirectory(dir.resolve("iso"));
    rvu(iso, "PPRRVU25_JAN_2025-01-10.csv", "12/23/2024", "1.34");
    rvu(iso, "PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    assertEquals(new BigDecimal("1.34"), work99213(load(iso)));
  }

  @Test
  void twoFilesThatCannotBeOrderedAreRefusedNamingBoth(@TempDir Path dir) throws IOException {
    rvu(dir, "x/PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    rvu(dir, "y/PPRRVU25_JAN.csv", "12/23/2024", "1.31");
    DataLoadException e = assertThrows(DataLoadException.class, () -> load(dir));
    assertTrue(e.getMessage().contains("release 2025A cannot be ordered"), e::getMessage);
    assertTrue(e.getMessage().contains(Path.of("x", "PPRRVU25_JAN.csv").toString()), e::getMessage);
    assertTrue(e.getMessage().contains(Path.of("y", "PPRRVU25_JAN.csv").toString()), e::getMessage);
    assertTrue(e.getMessage().contains("RVU25AR"), e::getMessage);

    // Both marked is no better, and the message says so rather than that neither is.
    Path both = Files.createDirectory(dir.resolve("both"));
    rvu(both, "rvu25a-updated/PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    rvu(both, "rvu25a-corrected/PPRRVU25_JAN.csv", "12/23/2024", "1.31");
    DataLoadException bothMarked = assertThrows(DataLoadException.class, () -> load(both));
    assertTrue(
        bothMarked
            .getMessage()
            .contains("both names are marked as corrections (corrected, updated)"),
        bothMarked::getMessage);
  }

  @Test
  void twoCopiesOfTheSameBytesAreOneFile(@TempDir Path dir) throws IOException {
    // The same download unpacked twice: nothing orders them, and nothing needs to.
    rvu(dir, "x/PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    rvu(dir, "y/PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    CmsDirectory cms = load(dir);
    assertEquals(new BigDecimal("1.30"), work99213(cms));
    assertEquals(1, cms.replacements().size());
    assertEquals(
        "the same bytes as the other, so either copy prices alike",
        cms.replacements().get(0).reason());
  }

  @Test
  void onlyThePathsBelowTheFoldersTheyShareAreRead(@TempDir Path dir) throws IOException {
    // A shared "updates/" or dated folder marks neither file; the file's own name still decides.
    rvu(dir, "updates/2025-01-10/PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    rvu(dir, "updates/2025-01-10/PPRRVU25_JAN_revised.csv", "12/23/2024", "1.31");
    CmsDirectory cms = load(dir);
    assertEquals(new BigDecimal("1.31"), work99213(cms));
    assertEquals("its name says revised, the other's does not", cms.replacements().get(0).reason());

    // "updates" is not "updated": two copies in folders that differ only so are refused.
    Path words = Files.createDirectory(dir.resolve("words"));
    rvu(words, "updates/PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    rvu(words, "unrevised/PPRRVU25_JAN.csv", "12/23/2024", "1.31");
    DataLoadException e = assertThrows(DataLoadException.class, () -> load(words));
    assertTrue(e.getMessage().contains("no correction marker"), e::getMessage);
  }

  @Test
  void aReleasedRowThatIsNotADateIsNamed(@TempDir Path dir) throws IOException {
    rvu(dir, "a/PPRRVU25_JAN.csv", "13/45/2024", "1.30");
    rvu(dir, "b/PPRRVU25_JAN.csv", "12/23/2024", "1.31");
    DataLoadException e = assertThrows(DataLoadException.class, () -> load(dir));
    assertTrue(
        e.getMessage()
            .startsWith(
                Path.of("a", "PPRRVU25_JAN.csv")
                    + ", line 6: the title block's 'RELEASED 13/45/2024' is not a date"),
        e::getMessage);
  }

  /**
   * A file's loader and the directory that orders two copies read the same {@code RELEASED} row
   * with one parser, and refuse a date that is none with the same words, each at its own place.
   */
  @ParameterizedTest
  @ValueSource(strings = {"13/45/2024", "02/30/2025", "2/29/2025", "00/10/2025", "12/0/2024"})
  void theLoaderAndTheDirectoryRefuseAReleasedRowAlike(String date, @TempDir Path dir)
      throws IOException {
    rvu(dir, "a/PPRRVU25_JAN.csv", date, "1.30");
    rvu(dir, "b/PPRRVU25_JAN.csv", "12/23/2024", "1.31");
    String problem =
        "the title block's 'RELEASED " + date + "' is not a date: expected RELEASED MM/DD/YYYY";
    Path file = dir.resolve("a/PPRRVU25_JAN.csv");
    DataLoadException loader = assertThrows(DataLoadException.class, () -> RvuFile.read(file));
    assertEquals("PPRRVU25_JAN.csv, line 6, column 3: " + problem, loader.getMessage());
    DataLoadException directory = assertThrows(DataLoadException.class, () -> load(dir));
    assertEquals(Path.of("a", "PPRRVU25_JAN.csv") + ", line 6: " + problem, directory.getMessage());
  }
}
