package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.data.CmsDirectory;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory with the ZIP5 files of several quarters, as CMS publishes one each quarter: a date of
 * service is placed by the file in force on it, not by the newest. The files are made up (marked as
 * extracts): 10001 moves from Manhattan to the rest of New York in October, and 14604 first appears
 * then.
 */
class ZipFilesByDateTest {

  private static final Locality MANHATTAN = Locality.parse("13202-01");
  private static final Locality REST_OF_NEW_YORK = Locality.parse("13282-99");

  /** A ZIP5 record: state, ZIP code, contractor and locality, the +4 flag, the year and quarter. */
  private static String record(String zip, Locality locality, String yearQuarter) {
    return "NY"
        + zip
        + locality.mac()
        + locality.number()
        + " Z9   0 A"
        + " ".repeat(52)
        + yearQuarter
        + "\r\n";
  }

  private static void write(Path file, String... records) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, LoaderFixtures.SUBSET + String.join("", records), StandardCharsets.ISO_8859_1);
  }

  /** A directory with a relative value file and GPCIs, which every directory needs. */
  private static Path directory(Path dir) throws IOException {
    return LoaderFixtures.januaryRelease2025(dir);
  }

  @Test
  void aDateTakesTheFileOfItsQuarterElseTheLatestBeforeItElseTheEarliest(@TempDir Path dir)
      throws IOException {
    directory(dir);
    write(dir.resolve("zip/ZIP5_APR2025.txt"), record("10001", MANHATTAN, "20252"));
    write(
        dir.resolve("zip/ZIP5_OCT2025.txt"),
        record("10001", REST_OF_NEW_YORK, "20254"),
        record("14604", REST_OF_NEW_YORK, "20254"));
    CmsDirectory cms = CmsDirectory.load(dir);

    // Before every file (January, whose relative values are here): the earliest file.
    assertEquals(Optional.of(MANHATTAN), on(cms, "2025-01-15").find("10001"));
    assertEquals(Optional.of(MANHATTAN), on(cms, "2025-04-01").find("10001"));
    // July has no file of its own: April's is still in force.
    assertEquals(Optional.of(MANHATTAN), on(cms, "2025-09-30").find("10001"));
    assertEquals(Optional.empty(), on(cms, "2025-09-30").find("14604"));
    assertEquals(Optional.of(REST_OF_NEW_YORK), on(cms, "2025-10-01").find("10001"));
    assertEquals(Optional.of(REST_OF_NEW_YORK), on(cms, "2025-10-01").find("14604"));
    assertEquals(Optional.of(REST_OF_NEW_YORK), on(cms, "2026-06-30").find("10001"));
    assertSame(on(cms, "2026-06-30"), cms.zipLocalities());
    // Every quarter's table, oldest first.
    assertEquals(List.of(on(cms, "2025-04-01"), on(cms, "2025-10-01")), cms.zipLocalityTables());

    String described = cms.describe();
    assertTrue(
        described.contains(
            "ZIP codes from ZIP5_APR2025.txt (to 2025-09-30), ZIP5_OCT2025.txt (2025-10-01 on)\n"),
        described);
    assertTrue(described.contains("zip5 2025-Q2  zip/ZIP5_APR2025.txt\n"), described);
  }

  @Test
  void threeFilesSayWhichDatesEachServes(@TempDir Path dir) throws IOException {
    directory(dir);
    String[][] quarters = {{"JAN", "20251"}, {"JUL", "20253"}, {"OCT", "20254"}};
    for (String[] quarter : quarters) {
      write(dir.resolve("ZIP5_" + quarter[0] + "2025.txt"), record("10001", MANHATTAN, quarter[1]));
    }
    assertTrue(
        CmsDirectory.load(dir)
            .describe()
            .contains(
                "ZIP codes from ZIP5_JAN2025.txt (to 2025-06-30),"
                    + " ZIP5_JUL2025.txt (2025-07-01 to 2025-09-30),"
                    + " ZIP5_OCT2025.txt (2025-10-01 on)\n"));
  }

  @Test
  void withoutAZipFileEveryDateTakesTheBundledTable(@TempDir Path dir) throws IOException {
    CmsDirectory cms = CmsDirectory.load(directory(dir));
    assertSame(cms.zipLocalities(), on(cms, "2025-01-01"));
    assertSame(cms.zipLocalities(), on(cms, "1999-01-01"));
    assertEquals(List.of(cms.zipLocalities()), cms.zipLocalityTables());
    assertEquals(Optional.of(MANHATTAN), cms.zipLocalities().find("10001"));
    assertTrue(cms.describe().contains("ZIP codes from the bundled ZIP table\n"));
  }

  /** An older quarter is read like the newest: two different files of one quarter are refused. */
  @Test
  void twoDifferentFilesOfAnOlderQuarterAreRefused(@TempDir Path dir) throws IOException {
    directory(dir);
    write(dir.resolve("a/ZIP5_APR2025.txt"), record("10001", MANHATTAN, "20252"));
    write(dir.resolve("b/ZIP5_APR2025.txt"), record("10001", REST_OF_NEW_YORK, "20252"));
    write(dir.resolve("ZIP5_OCT2025.txt"), record("10001", REST_OF_NEW_YORK, "20254"));
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertTrue(e.getMessage().contains("a/ZIP5_APR2025.txt"), e::getMessage);
    assertTrue(e.getMessage().contains("b/ZIP5_APR2025.txt"), e::getMessage);
  }

  /**
   * A file renamed to another quarter would place that quarter's services by the wrong file: the
   * quarter its records say (columns 76-80) must be the one its name says.
   */
  @Test
  void aFileWhoseRecordsAreOfAnotherQuarterThanItsNameIsRefused(@TempDir Path dir)
      throws IOException {
    directory(dir);
    write(dir.resolve("ZIP5_APR2025.txt"), record("10001", REST_OF_NEW_YORK, "20254"));
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertTrue(
        e.getMessage()
            .contains("the name says 2025-Q2 but the file holds 2025-Q4 (its records' columns"),
        e::getMessage);
    assertTrue(e.getMessage().startsWith("ZIP5_APR2025.txt"), e::getMessage);
  }

  private static ZipLocalityTable on(CmsDirectory cms, String date) {
    return cms.zipLocalities(LocalDate.parse(date));
  }
}
