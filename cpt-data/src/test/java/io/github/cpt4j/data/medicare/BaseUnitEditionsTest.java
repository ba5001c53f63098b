package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.data.CmsDirectory;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory with several editions of CMS's anesthesia base units, one a calendar year: a release
 * takes the edition of its year, else the latest before it, else the earliest, not the newest. The
 * editions are made up: 00100 to 00299, 5 units each, but 00790 differs by year.
 */
class BaseUnitEditionsTest {

  /** An edition whose first line says {@code year}, with {@code units790} units for 00790. */
  private static void edition(Path dir, String name, int year, int units790) throws IOException {
    StringBuilder text = new StringBuilder("CODE\t" + year + "\r\n\tBASE\r\n\tUNIT\r\n");
    for (int n = 100; n < 300; n++) {
      text.append(String.format("%05d\t5\r\n", n));
    }
    text.append("00790\t").append(units790).append("\r\n");
    Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
  }

  /** A January 2025 release with GPCIs and anesthesia conversion factors. */
  private static Path directory(Path dir) throws IOException {
    LoaderFixtures.januaryRelease2025(dir);
    Files.writeString(
        dir.resolve("ANES2025.csv"),
        LoaderFixtures.SUBSET
            + "Contractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
            + "13282 ,99 ,REST OF NEW YORK,19.79 \r\n");
    return dir;
  }

  private static String editionOf(CmsDirectory cms) {
    MedicareRelease release = cms.releases().releases().get(0);
    return release.schedule().anesthesia().orElseThrow().baseUnits().edition();
  }

  @Test
  void aReleaseTakesTheEditionOfItsYearElseTheLatestBefore(@TempDir Path dir) throws IOException {
    directory(dir);
    edition(dir, "CY2024_Anesthesia_Base_Units.txt", 2024, 7);
    edition(dir, "CY2026_Anesthesia_Base_Units.txt", 2026, 8);
    CmsDirectory cms = CmsDirectory.load(dir);
    assertEquals("CY 2024", editionOf(cms));
    String described = cms.describe();
    assertTrue(described.contains("CY2026_Anesthesia_Base_Units.txt  (not used)"), described);

    edition(dir, "CY2025_Anesthesia_Base_Units.txt", 2025, 9);
    assertEquals("CY 2025", editionOf(CmsDirectory.load(dir)));
  }

  @Test
  void aReleaseOlderThanEveryEditionTakesTheEarliest(@TempDir Path dir) throws IOException {
    directory(dir);
    edition(dir, "CY2026_Anesthesia_Base_Units.txt", 2026, 8);
    edition(dir, "CY2027_Anesthesia_Base_Units.txt", 2027, 9);
    assertEquals("CY 2026", editionOf(CmsDirectory.load(dir)));
  }

  @Test
  void anEditionRenamedToAnotherYearIsRefused(@TempDir Path dir) throws IOException {
    directory(dir);
    edition(dir, "CY2025_Anesthesia_Base_Units.txt", 2024, 7);
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertTrue(
        e.getMessage().contains("the name says CY 2025 but the file holds the CY 2024 edition"),
        e::getMessage);
    assertEquals(1, e.line(), e::getMessage);
    assertEquals(2, e.column(), e::getMessage);
  }

  @Test
  void aRenamedEditionIsRefusedAtItsHeaderBelowTheSubsetLine(@TempDir Path dir) throws IOException {
    // The year is on the line of CODE, here the third: the subset marker, a blank line, then the
    // header. The error named line 1, the marker, and called the header the file's first line.
    directory(dir);
    Path file = dir.resolve("CY2025_Anesthesia_Base_Units.txt");
    edition(dir, file.getFileName().toString(), 2024, 7);
    Files.writeString(
        file,
        LoaderFixtures.SUBSET + "\r\n" + Files.readString(file, StandardCharsets.ISO_8859_1),
        StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertEquals(3, e.line(), e::getMessage);
    assertEquals(2, e.column(), e::getMessage);
    assertTrue(e.getMessage().contains("the CY 2024 edition (the year after CODE"), e::getMessage);
  }
}
