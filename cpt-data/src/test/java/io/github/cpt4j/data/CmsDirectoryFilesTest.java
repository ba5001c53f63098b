package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files of a directory are read, and how an error names them: links followed, versions
 * ordered whatever the case of their names, every file of a QPP pair checked, and every error
 * naming its files by their paths in the directory. Built from the bundled samples, so it always
 * runs.
 */
class CmsDirectoryFilesTest {

  private static String resource(String name) throws IOException {
    try (InputStream in = BundledData.class.getResourceAsStream("medicare/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  /** A release of January 2025: its relative values and the 2025 GPCIs, in {@code dir}. */
  private static Path january(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("PPRRVU25_JAN.csv"),
        resource("pprrvu-2025-jan-sample.csv"),
        StandardCharsets.ISO_8859_1);
    Files.writeString(
        dir.resolve("GPCI2025.csv"), resource("gpci-2025.csv"), StandardCharsets.ISO_8859_1);
    return dir;
  }

  @Test
  void aNullDirectoryIsNamed() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> CmsDirectory.scan(null));
    assertEquals("directory", e.getMessage());
  }

  @Test
  void aLinkedDirectoryAndLinkedSubDirectoriesAreRead(@TempDir Path dir) throws IOException {
    Path real = january(dir.resolve("downloads"));
    Path link = Files.createSymbolicLink(dir.resolve("cms"), real);
    assertEquals(1, CmsDirectory.load(link).releases().releases().size());
    Path top = Files.createDirectories(dir.resolve("top"));
    Files.createSymbolicLink(top.resolve("2025"), real);
    assertEquals(1, CmsDirectory.load(top).releases().releases().size());
  }

  @Test
  void aBrokenOrLoopingLinkIsRefusedByItsPath(@TempDir Path dir) throws IOException {
    Path real = january(dir.resolve("cms"));
    Path broken =
        Files.createSymbolicLink(real.resolve("PPRRVU25_APR.csv"), dir.resolve("gone.csv"));
    DataLoadException gone = assertThrows(DataLoadException.class, () -> CmsDirectory.load(real));
    assertEquals("PPRRVU25_APR.csv", gone.sourceName());
    assertTrue(gone.getMessage().contains("which does not exist"), gone::getMessage);
    Files.delete(broken);
    Files.createSymbolicLink(Files.createDirectories(real.resolve("sub")).resolve("up"), real);
    DataLoadException loop = assertThrows(DataLoadException.class, () -> CmsDirectory.load(real));
    assertEquals(Path.of("sub", "up").toString(), loop.sourceName(), loop::getMessage);
  }

  @Test
  void aDirectoryOrNamedPipeWithAFilesNameIsRefusedByItsPath(@TempDir Path dir)
      throws IOException, InterruptedException {
    // In place of the GPCI file the release was refused for a missing one; of the ZIP5 file the
    // bundled table placed ZIP codes, without a word.
    Path cms = january(dir.resolve("cms").resolve("25a"));
    for (String name : new String[] {"GPCI2025.csv", "ZIP5_JAN2025.txt", "PPRRVU25_JAN.csv"}) {
      Path moved = dir.resolve("moved");
      if (Files.exists(cms.resolve(name))) {
        Files.move(cms.resolve(name), moved);
      }
      Files.createDirectory(cms.resolve(name));
      DataLoadException e =
          assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir.resolve("cms")));
      assertEquals(Path.of("25a", name) + ": not a regular file", e.getMessage());
      Files.delete(cms.resolve(name));
      if (Files.exists(moved)) {
        Files.move(moved, cms.resolve(name));
      }
    }
    Path fifo = cms.resolve("ZIP5_APR2025.txt");
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (IOException noMkfifo) {
      made = false;
    }
    assumeTrue(made, "mkfifo is not available to make a named pipe");
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> CmsDirectory.scan(dir.resolve("cms")));
    assertEquals(Path.of("25a", "ZIP5_APR2025.txt") + ": not a regular file", e.getMessage());
  }

  @Test
  void aCopyOfAFileIsListedAsNotUsedAndNeverRead(@TempDir Path dir) throws IOException {
    // A browser saves a second download as "PPRRVU25_JAN (1).csv": it was not listed at all, and
    // "_QPP (1)" was read as text after the name, turning a QPP file into a plain one.
    Path cms = january(dir.resolve("cms"));
    List<String> copies =
        List.of(
            "PPRRVU25_JAN (1).csv",
            "GPCI2025 - Copy.csv",
            "GPCI2025 - Copy (2).csv",
            "gpci2025 copy 2.csv",
            "PPRRVU2026_Jan_QPP (1).csv",
            "GPCI2025 (1) (1).csv");
    for (String name : copies) {
      // Damaged: read, it would be refused.
      Files.writeString(cms.resolve(name), "x\n");
    }
    Files.writeString(cms.resolve("notes (1).csv"), "x\n");
    CmsDirectory loaded = CmsDirectory.load(cms);
    assertEquals(1, loaded.releases().releases().size());
    assertEquals(
        copies.stream().map(cms::resolve).sorted().toList(), loaded.copies(), loaded::describe);
    String described = loaded.describe();
    for (String name : copies) {
      assertTrue(described.contains("\n  copy  " + name + "  (not used)\n"), described);
    }
    assertFalse(described.contains("notes"), described);
    assertEquals(2, CmsDirectory.scan(cms).size());
  }

  @Test
  void aFileOrDirectoryThatCannotBeReadIsNamedByItsPath(@TempDir Path dir) throws IOException {
    // Permission denied named the file by the path opened, so that the command line said "cannot
    // read the fee schedule", or blamed the directory given.
    Path cms = dir.resolve("cms");
    Path gpci = january(cms.resolve("25a")).resolve("GPCI2025.csv");
    Set<PosixFilePermission> readable = Files.getPosixFilePermissions(gpci);
    Files.setPosixFilePermissions(gpci, Set.of());
    try {
      assumeFalse(Files.isReadable(gpci), "a file without permissions is readable (root)");
      AccessDeniedException e =
          assertThrows(AccessDeniedException.class, () -> CmsDirectory.load(cms));
      assertEquals(Path.of("25a", "GPCI2025.csv").toString(), e.getFile());
    } finally {
      Files.setPosixFilePermissions(gpci, readable);
    }
    Path title = cms.resolve("25a").resolve("PPRRVU25_JAN.csv");
    Files.setPosixFilePermissions(title, Set.of());
    try {
      AccessDeniedException e =
          assertThrows(AccessDeniedException.class, () -> CmsDirectory.scan(cms));
      assertEquals(Path.of("25a", "PPRRVU25_JAN.csv").toString(), e.getFile());
    } finally {
      Files.setPosixFilePermissions(title, readable);
    }
    Set<PosixFilePermission> open = Files.getPosixFilePermissions(cms.resolve("25a"));
    Files.setPosixFilePermissions(cms.resolve("25a"), Set.of());
    try {
      AccessDeniedException e =
          assertThrows(AccessDeniedException.class, () -> CmsDirectory.load(cms));
      assertEquals("25a", e.getFile());
    } finally {
      Files.setPosixFilePermissions(cms.resolve("25a"), open);
    }
  }

  @Test
  void aLaterVersionWinsWhateverTheCaseOfTheNames(@TempDir Path dir) throws IOException {
    Path real = january(dir.resolve("cms"));
    String lab = resource("clfs-2025-q1-sample.csv");
    Files.writeString(real.resolve("clfs_2025_q1v1.csv"), lab, StandardCharsets.ISO_8859_1);
    Files.writeString(real.resolve("CLFS_2025_Q1V2.csv"), lab, StandardCharsets.ISO_8859_1);
    String described = CmsDirectory.load(real).describe();
    // By character, 'c' sorts after 'C': the V1 file in lower case was taken for the later one.
    assertTrue(described.contains("clfs_2025_q1v1.csv  (replaced)\n"), described);
    assertFalse(described.contains("CLFS_2025_Q1V2.csv  ("), described);
    assertTrue(
        described.contains(
            "clfs 2025-Q1: CLFS_2025_Q1V2.csv replaces clfs_2025_q1v1.csv (version V2, after V1)"),
        described);
  }

  @Test
  void filesThatDisagreeAreNamedByTheirPaths(@TempDir Path dir) throws IOException {
    Path real = january(dir.resolve("cms").resolve("25a"));
    Files.writeString(
        real.resolve("GPCI2025.csv"),
        resource("gpci-2026-jan-subset.csv"),
        StandardCharsets.ISO_8859_1);
    DataLoadException e =
        assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir.resolve("cms")));
    assertEquals(Path.of("25a", "PPRRVU25_JAN.csv").toString(), e.sourceName(), e::getMessage);
    assertTrue(e.getMessage().contains("2026"), e::getMessage);
    assertTrue(
        e.getMessage().contains("(with " + Path.of("25a", "GPCI2025.csv") + ")"), e::getMessage);
  }

  /**
   * A GPCI file of the release's year but of a later month (CMS issues one mid-year when the work
   * floor changes) is not the release's: the refusal said the directory had no GPCI file of that
   * year, with one of it there, and now names the file and the date it is in force from.
   */
  @Test
  void aGpciFileOfALaterMonthIsNamedWhenTheReleaseHasNone(@TempDir Path dir) throws IOException {
    Path cms = january(dir.resolve("cms"));
    Files.move(cms.resolve("GPCI2025.csv"), cms.resolve("GPCI2025_Jul.csv"));
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(cms));
    assertEquals("PPRRVU25_JAN.csv", e.sourceName(), e::getMessage);
    assertEquals(
        "PPRRVU25_JAN.csv: release 2025A has no GPCI file in force on 2025-01-01 (GPCI2025.csv)"
            + " in the directory: GPCI2025_Jul.csv is in force from 2025-07-01 only",
        e.getMessage());
  }

  @Test
  void aDamagedCopyOfANameInSeveralPlacesIsNamedByItsPath(@TempDir Path dir) throws IOException {
    // Each quarterly release ships its own GPCI2025.csv: the error named "GPCI2025.csv" alone.
    Path cms = dir.resolve("cms");
    january(cms.resolve("25a"));
    Path april = january(cms.resolve("25b"));
    Files.move(april.resolve("PPRRVU25_JAN.csv"), april.resolve("PPRRVU25_APR.csv"));
    Files.writeString(
        april.resolve("PPRRVU25_APR.csv"),
        resource("pprrvu-2025-apr-sample.csv"),
        StandardCharsets.ISO_8859_1);
    String gpci = resource("gpci-2025.csv");
    Files.writeString(
        april.resolve("GPCI2025.csv"),
        gpci.substring(0, gpci.length() - 3),
        StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(cms));
    assertEquals(Path.of("25b", "GPCI2025.csv").toString(), e.sourceName(), e::getMessage);
  }

  @Test
  void theQppFileOfAPairIsReadAndCheckedToo(@TempDir Path dir) throws IOException {
    // The non-QPP file serves both kinds of provider; the QPP file, listed as in use, was never
    // read, so a copy cut short went unnoticed.
    Path cms = Files.createDirectories(dir.resolve("cms"));
    String rvus = resource("pprrvu-2026-jan-sample.csv");
    // The QPP file states the factor of qualifying APM participants, as CMS's does.
    String qpp = rvus.replace("33.4009", "33.5675");
    Files.writeString(cms.resolve("PPRRVU2026_Jan_nonQPP.csv"), rvus, StandardCharsets.ISO_8859_1);
    Files.writeString(cms.resolve("PPRRVU2026_Jan_QPP.csv"), qpp, StandardCharsets.ISO_8859_1);
    Files.writeString(
        cms.resolve("GPCI2026.csv"),
        resource("gpci-2026-jan-subset.csv"),
        StandardCharsets.ISO_8859_1);
    assertEquals(1, CmsDirectory.load(cms).releases().releases().size());
    Files.writeString(
        cms.resolve("PPRRVU2026_Jan_QPP.csv"),
        qpp.substring(0, qpp.length() - 3),
        StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(cms));
    assertEquals("PPRRVU2026_Jan_QPP.csv", e.sourceName(), e::getMessage);
  }

  /**
   * CMS's January 2024 file states the factor of its release, 32.7442; from 9 March 2024 the factor
   * was 33.2875 by legislation, and CMS re-issued the file with it (RVU24AR). Either file alone
   * covers the whole quarter, and its relative values are the year's: the dated table's factor
   * prices each date, as a release's factors do, rather than refusing the dates on one side of the
   * change.
   */
  @Test
  void aFactorChangedWithinTheQuarterPricesEachDateWithItsOwn(@TempDir Path dir)
      throws IOException {
    String rows =
        resource("pprrvu-2025-jan-sample.csv")
            .replaceFirst(
                ",,\"cpt4j: [^\n]*",
                ",,2024 National Physician Fee Schedule Relative Value File January Release,,");
    String gpcis = resource("gpci-2025.csv").replace("2025", "2024");
    Files.writeString(dir.resolve("GPCI2024.csv"), gpcis, StandardCharsets.ISO_8859_1);
    for (String stated : new String[] {"32.7442", "33.2875"}) {
      Files.writeString(
          dir.resolve("PPRRVU24_JAN.csv"),
          rows.replace(",32.3465,", "," + stated + ","),
          StandardCharsets.ISO_8859_1);
      MedicareReleases releases = CmsDirectory.load(dir).releases();
      // 99213 in 13282-99: 1.30 x 1.000 + 1.35 x 0.949 + 0.10 x 0.732 = 2.65435 RVUs.
      for (String[] dateAndAmount :
          new String[][] {{"2024-03-08", "86.91"}, {"2024-03-09", "88.36"}}) {
        FeeResult fee =
            releases.price(
                ClaimLine.parse("99213"),
                PricingContext.of(
                    LocalDate.parse(dateAndAmount[0]),
                    Locality.parse("13282-99"),
                    Setting.NON_FACILITY));
        assertEquals(
            Optional.of(new BigDecimal(dateAndAmount[1])),
            fee.amount(),
            () -> "file stating " + stated + ": " + fee);
      }
    }
  }

  /**
   * A January 2024 ANES file states CMS's national anesthesia factor of its release, 20.4349; from
   * 9 March 2024 legislation raised the factors, and the dated table does not know the anesthesia
   * one. The January file prices 8 March and is refused from 9 March (it predates the change); a
   * file re-issued for the change prices from 9 March. Both files are made up from ANES2025's
   * localities; the re-issued one's factor (20.7000) and Rest of New York's figure (20.10) are
   * invented. CMS's 2025 file given as 2024's is refused on every 2024 date: its factor, 20.3178,
   * is 2025's.
   */
  @Test
  void aJanuary2024AnesthesiaFileIsNotUsedAfterThe9MarchChange(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("PPRRVU24_JAN.csv"),
        resource("pprrvu-2025-jan-sample.csv")
            .replaceFirst(
                ",,\"cpt4j: [^\n]*",
                ",,2024 National Physician Fee Schedule Relative Value File January Release,,")
            .replace(",32.3465,", ",32.7442,"),
        StandardCharsets.ISO_8859_1);
    Files.writeString(
        dir.resolve("GPCI2024.csv"),
        resource("gpci-2025.csv").replace("2025", "2024"),
        StandardCharsets.ISO_8859_1);
    String anes2025 = resource("ANES2025.csv");
    Files.writeString(
        dir.resolve("ANES2024.csv"),
        anes2025.replace("CF of 20.3178", "CF of 20.4349"),
        StandardCharsets.ISO_8859_1);
    ClaimLine line = ClaimLine.parse("00790-AA 95min");
    // (7 base + 95 / 15 = 6.3 time units) x 19.79 = 263.207
    MedicareReleases january = CmsDirectory.load(dir).releases();
    assertEquals(
        Optional.of(new BigDecimal("263.21")),
        january.price(line, rochester("2024-03-08")).amount());
    FeeResult after = january.price(line, rochester("2024-03-09"));
    assertEquals(
        Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH), after.reason(), after::toString);
    assertEquals(
        "ANES2024 states 20.4349, the national anesthesia factor of every provider from 2024-01-01"
            + " to 2024-03-08, not the factor in force on 2024-03-09, which the dated table does"
            + " not give: give CMS's ANES file for that date",
        after.detail());
    Files.writeString(
        dir.resolve("ANES2024_updated.csv"),
        anes2025
            .replace("CF of 20.3178", "CF of 20.7000")
            .replace("13282 ,99 ,REST OF NEW YORK,19.79", "13282 ,99 ,REST OF NEW YORK,20.10"),
        StandardCharsets.ISO_8859_1);
    MedicareReleases both = CmsDirectory.load(dir).releases();
    assertEquals(
        Optional.of(new BigDecimal("263.21")), both.price(line, rochester("2024-03-08")).amount());
    // 13.3 x 20.10 = 267.33
    assertEquals(
        Optional.of(new BigDecimal("267.33")), both.price(line, rochester("2024-03-09")).amount());
    // CMS's 2025 file given as 2024's states 2025's factor: refused on every 2024 date, also
    // where the dated table does not know the factor in force.
    Files.delete(dir.resolve("ANES2024_updated.csv"));
    Files.writeString(dir.resolve("ANES2024.csv"), anes2025, StandardCharsets.ISO_8859_1);
    MedicareReleases misnamed = CmsDirectory.load(dir).releases();
    for (String date : new String[] {"2024-03-08", "2024-03-09", "2024-03-31"}) {
      FeeResult refused = misnamed.price(line, rochester(date));
      assertEquals(
          Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH),
          refused.reason(),
          refused::toString);
      assertTrue(
          refused
              .detail()
              .startsWith(
                  "ANES2024 states 20.3178, the national anesthesia factor of every provider"
                      + " from 2025-01-01 to 2025-12-31"),
          refused::detail);
    }
  }

  private static PricingContext rochester(String date) {
    return PricingContext.of(
        LocalDate.parse(date), Locality.parse("13282-99"), Setting.NON_FACILITY);
  }

  /**
   * For 2026 CMS set two national anesthesia factors, 20.4976 and 20.5998 for qualifying APM
   * participants. With only the file of the first a qualifying APM participant is refused rather
   * than paid the other providers' factor; with both each provider is paid from the file stating
   * theirs. The files are made up, with Los Angeles alone: 21.22 (ANES2025's) in the first, and
   * 21.22 x 20.5998 / 20.4976 = 21.3258, so 21.33, in the second.
   */
  @Test
  void a2026QualifyingApmParticipantIsPricedWithTheirOwnAnesthesiaFile(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("PPRRVU2026_Jan_nonQPP.csv"),
        resource("pprrvu-2026-jan-sample.csv"),
        StandardCharsets.ISO_8859_1);
    Files.writeString(
        dir.resolve("PPRRVU2026_Jan_QPP.csv"),
        resource("pprrvu-2026-jan-qpp-sample.csv"),
        StandardCharsets.ISO_8859_1);
    Files.writeString(
        dir.resolve("GPCI2026.csv"),
        resource("gpci-2026-jan-subset.csv"),
        StandardCharsets.ISO_8859_1);
    String anes =
        "# cpt4j subset: made up\r\n"
            + "Contractor,Locality,Locality Name,National Anes CF of 20.4976\r\n"
            + "01182 ,18 ,LOS ANGELES,21.22 \r\n";
    Files.writeString(dir.resolve("ANES2026.csv"), anes, StandardCharsets.ISO_8859_1);
    ClaimLine line = ClaimLine.parse("00100-AA 60min");
    PricingContext other =
        PricingContext.of(
            LocalDate.parse("2026-02-02"), Locality.parse("01182-18"), Setting.FACILITY);
    PricingContext qp = other.withQualifyingApmParticipant(true);
    MedicareReleases nonQpOnly = CmsDirectory.load(dir).releases();
    // (5 base + 60 / 15 = 4.0 time units) x 21.22 = 190.98
    assertEquals(Optional.of(new BigDecimal("190.98")), nonQpOnly.price(line, other).amount());
    FeeResult refused = nonQpOnly.price(line, qp);
    assertEquals(
        Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH),
        refused.reason(),
        refused::toString);
    assertEquals(
        "ANES2026 states 20.4976, the national anesthesia factor of providers who are not"
            + " qualifying APM participants from 2026-01-01 to 2026-12-31. A qualifying APM"
            + " participant is paid 20.5998 on 2026-02-02: give CMS's ANES file for them",
        refused.detail());
    Files.writeString(
        dir.resolve("ANES2026_QPP.csv"),
        anes.replace("20.4976", "20.5998").replace("21.22", "21.33"),
        StandardCharsets.ISO_8859_1);
    MedicareReleases both = CmsDirectory.load(dir).releases();
    assertEquals(Optional.of(new BigDecimal("190.98")), both.price(line, other).amount());
    // 9.0 units x 21.33 = 191.97
    assertEquals(Optional.of(new BigDecimal("191.97")), both.price(line, qp).amount());
    // A third file stating a factor another states cannot be told apart from it.
    Files.writeString(
        dir.resolve("ANES2026_nonQPP.csv"),
        anes.replace("21.22", "21.23"),
        StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertTrue(
        e.getMessage().contains("ANES2026.csv") && e.getMessage().contains("ANES2026_nonQPP.csv"),
        e::getMessage);
  }

  /**
   * A release without an OPPS cap file of its own (25B) takes its caps from its own relative value
   * file's OPPS columns, not from the cap file of the release before it. Here January's file caps
   * 74177-TC in 13282-99 at 150.00 and April's columns give 153.96; the fee schedule amount of both
   * is 202.77 (6.59 PE RVUs).
   */
  @Test
  void aReleaseWithoutItsOwnCapFileIsCappedByItsOwnColumns(@TempDir Path dir) throws IOException {
    january(dir);
    Files.writeString(
        dir.resolve("OPPSCAP_JAN.csv"),
        resource("oppscap-2025-jan-sample.csv") + "74177,TC,A,13282,99,150.00,150.00\n",
        StandardCharsets.ISO_8859_1);
    // April's OPPS PE 5.00 and MP 0.02: (5.00 x 0.949 + 0.02 x 0.732) x 32.3465 = 153.957.
    String april =
        resource("pprrvu-2025-apr-sample.csv")
            .lines()
            .map(
                l ->
                    l.startsWith("74177,TC,")
                        ? l.replaceFirst(",[^,]*,[^,]*,[^,]*$", ",5.00,5.00,0.02")
                        : l)
            .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(dir.resolve("PPRRVU25_APR.csv"), april, StandardCharsets.ISO_8859_1);
    CmsDirectory cms = CmsDirectory.load(dir);
    MedicareReleases releases = cms.releases();
    for (String[] dateAndAmount :
        new String[][] {{"2025-03-31", "150.00"}, {"2025-04-01", "153.96"}}) {
      FeeResult fee =
          releases.price(
              ClaimLine.parse("74177-TC"),
              PricingContext.of(
                  LocalDate.parse(dateAndAmount[0]),
                  Locality.parse("13282-99"),
                  Setting.NON_FACILITY));
      assertEquals(Optional.of(new BigDecimal(dateAndAmount[1])), fee.amount(), fee::toString);
    }
    // CMS's caps of contractor-priced rows cannot be computed: April states none of January's.
    FeeResult carrierPriced =
        releases.price(
            ClaimLine.parse("78815"),
            PricingContext.of(
                LocalDate.parse("2025-04-01"), Locality.parse("13282-99"), Setting.NON_FACILITY));
    assertFalse(carrierPriced.toString().contains("OPPS imaging cap"), carrierPriced::toString);
    String described = cms.describe();
    assertTrue(described.contains("2025A  2025-01-01 to 2025-03-31"), described);
    assertTrue(
        described.lines().anyMatch(l -> l.startsWith("2025A  ") && l.contains(", OPPS cap,")),
        described);
    assertTrue(
        described
            .lines()
            .anyMatch(l -> l.startsWith("2025B  ") && l.contains(", OPPS cap from RVU columns,")),
        described);
  }
}
