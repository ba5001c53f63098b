package io.github.cpt4j.data.medicare;

import static io.github.cpt4j.data.medicare.LoaderFixtures.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A CMS file with implausibly few rows for its kind (a download cut exactly at a line ending) is
 * refused with its count, unless its first line marks it a deliberate subset ({@link CmsSubset}).
 */
class TooFewRowsTest {

  /** A load of a text, which may throw. */
  @FunctionalInterface
  private interface Load {
    void run(String text) throws IOException;
  }

  private static void assertRefusedUnmarked(String marked, String name, String count, Load load)
      throws IOException {
    assertTrue(marked.startsWith(LoaderFixtures.SUBSET), marked);
    load.run(marked); // a deliberate subset loads
    String unmarked = marked.substring(LoaderFixtures.SUBSET.length());
    DataLoadException e = assertThrows(DataLoadException.class, () -> load.run(unmarked));
    assertTrue(e.getMessage().startsWith(name + ": only " + count + " "), e::getMessage);
    assertTrue(e.getMessage().contains("looks cut short"), e::getMessage);
    assertTrue(e.getMessage().contains(CmsSubset.MARKER), e::getMessage);
  }

  @Test
  void everyLoaderRefusesAFewRowsFileThatIsNotMarkedASubset() throws IOException {
    assertRefusedUnmarked(
        LoaderFixtures.rvu2025(), "r.csv", "6", t -> RvuFile.read(stream(t), "r.csv"));
    assertRefusedUnmarked(
        LoaderFixtures.gpci2025(),
        "g.csv",
        "3",
        t -> GpciFile.read(stream(t), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertRefusedUnmarked(
        DamagedFilesTest.OPPS, "c.csv", "2", t -> OppsCapFile.read(stream(t), "c.csv"));
    assertRefusedUnmarked(
        DamagedFilesTest.ZIP5, "z.txt", "2", t -> Zip5File.read(stream(t), "z.txt"));
    assertRefusedUnmarked(
        PartBLoadersTest.CLFS, "lab.csv", "4", t -> ClfsFile.read(stream(t), "lab.csv"));
    assertRefusedUnmarked(
        PartBLoadersTest.dmeposWithEveryState(),
        "fees.csv",
        "1",
        t -> DmeposFile.read(stream(t), "fees.csv", PartBLoadersTest.ZIPS));
    assertRefusedUnmarked(
        PartBLoadersTest.ASP, "drugs.csv", "3", t -> AspFile.read(stream(t), "drugs.csv"));
    DmeposZipTable states = DmeposZipTable.builder().state(10000, 14999, "NY").build();
    assertRefusedUnmarked(
        LoaderFixtures.SUBSET + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\nNY,10985,202501\n",
        "rural.csv",
        "1",
        t -> DmeposRuralZipFile.read(stream(t), "rural.csv", states));
    assertRefusedUnmarked(
        LoaderFixtures.SUBSET
            + "Contractor,Locality,Locality Name,National Anes CF of 20.3178\r\n"
            + "10112 ,00 ,ALABAMA,19.31 \r\n",
        "ANES2025.csv",
        "1",
        t -> AnesthesiaConversionFactorFile.read(stream(t), "ANES2025.csv"));
    // CMS's anesthesia base units: tab-separated, a header of three rows. The marker was read as a
    // header that is none, and an extract of two codes had no way to load.
    assertRefusedUnmarked(
        LoaderFixtures.SUBSET + "CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n00100\t5\r\n00102\t6\r\n",
        "units.txt",
        "2",
        t -> AnesthesiaBaseUnitFile.read(stream(t), "units.txt"));
  }

  /**
   * A marked extract of anesthesia base units loads with its codes, and only them; marked, a file
   * still needs a code, and its marker is only ever its first line.
   */
  @Test
  void anAnesthesiaBaseUnitExtractLoadsWhenMarked() throws IOException {
    String header = "CODE\t2025\r\n\tBASE\r\n\tUNIT\r\n";
    AnesthesiaBaseUnits units =
        AnesthesiaBaseUnitFile.read(
            stream(CmsSubset.MARKER + ": our codes\r\n" + header + "00790\t7\r\n"), "units.txt");
    assertEquals(1, units.size());
    assertEquals("CY 2025", units.edition());
    DataLoadException none =
        assertThrows(
            DataLoadException.class,
            () -> AnesthesiaBaseUnitFile.read(stream(LoaderFixtures.SUBSET + header), "units.txt"));
    assertTrue(
        none.getMessage().startsWith("units.txt: no codes after the header"), none::getMessage);
    DataLoadException second =
        assertThrows(
            DataLoadException.class,
            () ->
                AnesthesiaBaseUnitFile.read(
                    stream("\r\n" + LoaderFixtures.SUBSET + header + "00790\t7\r\n"), "units.txt"));
    assertEquals(2, second.line(), second::getMessage);
  }

  @Test
  void theMarkerCountsOnlyAsTheFirstLine() {
    String late = LoaderFixtures.gpci2025().replace(LoaderFixtures.SUBSET, "");
    String second = "ADDENDUM E,,,,,,\n" + LoaderFixtures.SUBSET + late;
    assertThrows(
        DataLoadException.class,
        () -> GpciFile.read(stream(second), "g.csv", GpciFile.WorkGpci.WITH_FLOOR));
  }

  @Test
  void aRealRelativeValueFileCutAtALineEndingIsRefusedWithItsCount() throws IOException {
    List<String> lines =
        Files.readAllLines(CmsFiles.file("2025/PPRRVU2025_Oct.csv"), StandardCharsets.ISO_8859_1);
    // The first 2,010 lines: the title rows, the header and about 2,000 rows, each line whole.
    String cut = String.join("\n", lines.subList(0, 2_010)) + "\n";
    DataLoadException e =
        assertThrows(
            DataLoadException.class, () -> RvuFile.read(stream(cut), "PPRRVU2025_Oct.csv"));
    assertTrue(e.getMessage().startsWith("PPRRVU2025_Oct.csv: only 2000 rows"), e::getMessage);
    assertEquals(
        2_000, RvuFile.read(stream(CmsSubset.MARKER + "\n" + cut), "mine.csv").size(), "marked");
  }

  @Test
  void aRealGpciFileCutAtALineEndingIsRefused() throws IOException {
    List<String> lines =
        Files.readAllLines(CmsFiles.file("2025/GPCI2025.csv"), StandardCharsets.ISO_8859_1);
    String cut = String.join("\n", lines.subList(0, 60)) + "\n";
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> GpciFile.read(stream(cut), "GPCI2025.csv", GpciFile.WorkGpci.WITH_FLOOR));
    assertTrue(e.getMessage().startsWith("GPCI2025.csv: only 57 localities"), e::getMessage);
  }
}
