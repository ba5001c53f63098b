package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.CmsDirectory;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A directory holding a release and its corrected re-issue (as CMS re-issued 25A on 2025-01-10):
 * the later one replaces the other, whatever the order of their names, and two files nothing orders
 * are refused naming both. The quarterly lab, equipment and drug files follow the same rules.
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
                    + ", line 6, column 3: the title block's 'RELEASED 13/45/2024' is not a"
                    + " date"),
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
    // At the same column too: the row's third field, as the loader and every other error name it.
    assertEquals(
        Path.of("a", "PPRRVU25_JAN.csv") + ", line 6, column 3: " + problem,
        directory.getMessage());
  }

  /**
   * Writes the test ASP file of 2025-Q1 (CMS's layout) with J1100's payment limit {@code limit}.
   */
  private static void asp(Path dir, String relative, String limit) throws IOException {
    write(
        dir,
        relative,
        PartBLoadersTest.ASP.replace(
            "J1100,not read,1 MG,0.108,", "J1100,not read,1 MG," + limit + ","));
  }

  private static void write(Path dir, String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static final PricingContext FEBRUARY =
      PricingContext.of(LocalDate.of(2025, 2, 3), Locality.parse("13282-99"), Setting.NON_FACILITY);

  /**
   * A revised drug file beside the original replaces it, whatever mark joins "revised" to the name:
   * by character order a '-' sorts before the '.' of the original's extension, so the original was
   * read and the revision listed as not used.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "ASP_2025_JAN-revised.csv",
        "ASP_2025_JAN_revised.csv",
        "ASP_2025_JAN-updated.csv",
        "corrected/ASP_2025_JAN.csv"
      })
  void aRevisedQuarterlyFileReplacesTheOriginalWhateverItsPunctuation(
      String revised, @TempDir Path dir) throws IOException {
    rvu(dir, "PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    asp(dir, "ASP_2025_JAN.csv", "0.108");
    asp(dir, revised, "0.200");
    CmsDirectory cms = load(dir);
    // 8 mg at the revision's 0.200 per mg: 1.60 (the original's 0.108 gives 0.864, 0.86).
    assertEquals(
        new BigDecimal("1.60"),
        cms.drugs().get(0).price(ClaimLine.parse("J1100 x8"), FEBRUARY).amountOrThrow());
    assertEquals(1, cms.replacements().size());
    CmsDirectory.Replacement r = cms.replacements().get(0);
    assertEquals(dir.resolve(revised), r.kept().path());
    assertEquals(dir.resolve("ASP_2025_JAN.csv"), r.replaced().path());
    String described = cms.describe();
    assertTrue(
        described.contains(
            "asp 2025-Q1: "
                + Path.of(revised)
                + " replaces ASP_2025_JAN.csv ("
                + r.reason()
                + ")\n"),
        described);
    assertTrue(described.contains("  ASP_2025_JAN.csv  (replaced)\n"), described);
  }

  @Test
  void twoQuarterlyFilesThatCannotBeOrderedAreRefusedNamingBoth(@TempDir Path dir)
      throws IOException {
    rvu(dir, "PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    asp(dir, "ASP_2025_JAN.csv", "0.108");
    // "v2" is no correction marker: which file is meant cannot be told.
    asp(dir, "ASP_2025_JAN-v2.csv", "0.200");
    DataLoadException e = assertThrows(DataLoadException.class, () -> load(dir));
    assertEquals(
        "ASP_2025_JAN.csv: two ASP files of 2025-Q1 cannot be ordered: ASP_2025_JAN-v2.csv and"
            + " ASP_2025_JAN.csv (no different RELEASED date in their title rows, no different"
            + " date in their names, and no correction marker such as 'updated' or 'revised' in"
            + " one name only); remove the one that was corrected",
        e.getMessage());

    // The same bytes under both names price alike: one is read.
    asp(dir, "ASP_2025_JAN-v2.csv", "0.108");
    assertEquals(
        new BigDecimal("0.86"),
        load(dir).drugs().get(0).price(ClaimLine.parse("J1100 x8"), FEBRUARY).amountOrThrow());
  }

  @Test
  void aCorrectedLabFileReplacesItsVersionAndAHigherVersionComesFirst(@TempDir Path dir)
      throws IOException {
    rvu(dir, "PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    write(dir, "CLFS_2025_Q1V1.csv", PartBLoadersTest.CLFS);
    String corrected =
        PartBLoadersTest.CLFS.replace(
            "2025,80053,,20250101,N,00010.56", "2025,80053,,20250101,N,00010.60");
    write(dir, "CLFS_2025_Q1V1-corrected.csv", corrected);
    CmsDirectory cms = load(dir);
    assertEquals(
        new BigDecimal("10.60"),
        cms.clinicalLab().get(0).price(ClaimLine.parse("80053"), FEBRUARY).amountOrThrow());
    assertEquals(
        "its name says corrected, the other's does not", cms.replacements().get(0).reason());

    // CMS numbers a quarter's versions: V10 is later than a corrected V9.
    Files.move(
        dir.resolve("CLFS_2025_Q1V1-corrected.csv"), dir.resolve("CLFS_2025_Q1V9-corrected.csv"));
    write(dir, "CLFS_2025_Q1V10.csv", PartBLoadersTest.CLFS);
    cms = load(dir);
    assertEquals(
        new BigDecimal("10.56"),
        cms.clinicalLab().get(0).price(ClaimLine.parse("80053"), FEBRUARY).amountOrThrow());
    assertEquals(
        "version V10, after V9", cms.replacements().get(cms.replacements().size() - 1).reason());
  }

  @Test
  void anUpdatedEquipmentOrRuralZipFileReplacesTheOriginal(@TempDir Path dir) throws IOException {
    rvu(dir, "PPRRVU25_JAN.csv", "12/23/2024", "1.30");
    write(dir, "DMEPOS_2025_JAN.csv", PartBLoadersTest.DMEPOS);
    write(
        dir,
        "DMEPOS_2025_JAN-updated.csv",
        PartBLoadersTest.DMEPOS.replace(
            "E0601,RR,,D,CR,0.00,0.00,48.72,94.93,", "E0601,RR,,D,CR,0.00,0.00,50.00,94.93,"));
    String rural =
        LoaderFixtures.SUBSET + "STATE,DMEPOS RURAL ZIP CODE,YEAR/QTR\nNY,10985,202501\n";
    write(dir, "DME_Rural_ZIP_2025_Q1.csv", rural);
    write(dir, "DME_Rural_ZIP_2025_Q1-updated.csv", rural + "NY,12010,202501\n");
    CmsDirectory cms = load(dir);
    // E0601 RR in New York: non-rural 48.72, updated to 50.00; rural 94.93, 12010 rural in the
    // updated list only.
    assertEquals(
        new BigDecimal("50.00"),
        cms.dmepos()
            .get(0)
            .price(ClaimLine.parse("E0601-RR"), FEBRUARY.withBeneficiaryZip("10001"))
            .amountOrThrow());
    assertEquals(
        new BigDecimal("94.93"),
        cms.dmepos()
            .get(0)
            .price(ClaimLine.parse("E0601-RR"), FEBRUARY.withBeneficiaryZip("12010"))
            .amountOrThrow());
    assertEquals(
        List.of("DMEPOS_2025_JAN-updated.csv", "DME_Rural_ZIP_2025_Q1-updated.csv"),
        cms.replacements().stream().map(r -> r.kept().name()).toList());
  }
}
