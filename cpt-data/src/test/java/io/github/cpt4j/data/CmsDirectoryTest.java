package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.medicare.CmsFiles;
import io.github.cpt4j.data.medicare.CmsSubset;
import io.github.cpt4j.data.medicare.ConversionFactorFile;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory of CMS files as downloaded: every 2025 release (25A updated, 25B, 25C with its bare
 * CRs, 25D) and the 2026 subsets, each date priced by its own release. Figures in 13282-99 (Rest of
 * New York: work GPCI 1.000, PE 0.949, MP 0.732) at the 2025 factor 32.3465.
 */
class CmsDirectoryTest {

  static final Locality ROCHESTER = Locality.parse("13282-99");

  private static CmsDirectory cms;

  static synchronized CmsDirectory cms() throws IOException {
    if (cms == null) {
      cms = CmsDirectory.load(CmsFiles.markedDir());
    }
    return cms;
  }

  static PricingContext on(String date, Setting setting) {
    return PricingContext.of(LocalDate.parse(date), ROCHESTER, setting);
  }

  @Test
  void findsEveryReleaseAndTheDatesItCovers() throws IOException {
    MedicareReleases releases = cms().releases();
    assertEquals(
        "2025A 2025-01-01..2025-03-31, 2025B 2025-04-01..2025-06-30,"
            + " 2025C 2025-07-01..2025-09-30, 2025D 2025-10-01..2025-12-31,"
            + " 2026A 2026-01-01..2026-03-31",
        releases.releases().stream()
            .map(MedicareRelease::toString)
            .collect(Collectors.joining(", ")));
    assertEquals(
        "2025-01-01 to 2026-03-31 (releases 2025A, 2025B, 2025C, 2025D, 2026A)",
        releases.coverage());
    assertEquals(18_865, releases.releases().get(0).schedule().rvus().size());
    assertEquals(19_090, releases.releases().get(3).schedule().rvus().size());
    String described = cms().describe();
    assertTrue(described.contains("2025C  2025-07-01 to 2025-09-30  19029 RVU rows"), described);
    // No OPPSCAP file of April: 25B's caps are its own columns', not January's file.
    assertTrue(
        described
            .lines()
            .anyMatch(l -> l.startsWith("2025B  ") && l.contains("OPPS cap from RVU columns")),
        described);
    assertTrue(described.contains("opps-cap 2025-01  2025/quarterly/OPPSCAP_JAN.csv\n"), described);
    assertTrue(described.contains("rvu 2026-01 nonQPP"), described);
    assertTrue(described.contains("ZIP codes from ZIP5_OCT2025.txt"), described);
    // The lab, equipment and drug files beside them: one quarter each.
    assertEquals(1, cms().clinicalLab().size());
    assertEquals(1, cms().dmepos().size());
    assertEquals(1, cms().drugs().size());
    assertTrue(described.contains("clfs 2025-Q1 V1  clfs/CLFS_2025_Q1V1.csv"), described);
    assertTrue(described.contains("dme-rural-zip 2025-Q1"), described);
    assertTrue(described.contains("Part B: clinical lab "), described);
    // Releases come from relative value files: a July GPCI file with no July relative value file
    // is listed, and said to be unused, rather than silently left out.
    assertTrue(
        described.contains("gpci 2026-07  2026/GPCI2026_Jul-subset.csv  (not used)"), described);
    assertTrue(described.contains("gpci 2026  2026/GPCI2026_Jan-subset.csv\n"), described);
  }

  /** A quarter whose release is missing is refused, never priced with the quarter before's. */
  @Test
  void aMissingQuarterIsNotBridgedByTheReleaseBefore(@TempDir Path dir) throws IOException {
    Path in2025 = Files.createDirectories(dir.resolve("2025"));
    List<Path> links = new ArrayList<>();
    try {
      for (String name :
          List.of("quarterly/PPRRVU25_JAN.csv", "PPRRVU2025_Oct.csv", "GPCI2025.csv")) {
        Path source = CmsFiles.file("2025/" + name);
        links.add(Files.createSymbolicLink(in2025.resolve(source.getFileName()), source));
      }
      MedicareReleases releases = CmsDirectory.load(dir).releases();
      assertEquals(
          "2025A 2025-01-01..2025-03-31, 2025D 2025-10-01..2025-12-31",
          releases.releases().stream()
              .map(MedicareRelease::toString)
              .collect(Collectors.joining(", ")));
      // 0446T's practice expense doubled in April: January's values are not August's.
      FeeResult august =
          releases.price(
              ClaimLine.parse("0446T"),
              PricingContext.of(
                  LocalDate.of(2025, 8, 15), Locality.parse("13202-01"), Setting.NON_FACILITY));
      assertEquals(
          UnpricedReason.DATE_NOT_COVERED, august.reason().orElseThrow(), august::toString);
    } finally {
      // Removed here: JUnit warns at every build of each link that leads out of the temporary
      // directory, though it deletes only the link.
      for (Path link : links) {
        Files.delete(link);
      }
    }
  }

  @Test
  void aQppFileAloneRefusesProvidersItIsNotFor(@TempDir Path dir) throws IOException {
    // Issue 11 item 7. 99213 in 01182-18, 2026: 3.14024 RVUs x 33.5675 = 105.41 for a qualifying
    // APM participant; for anyone else the QPP file's factor is the wrong one.
    Path in2026 = Files.createDirectories(dir.resolve("2026"));
    for (String name : List.of("PPRRVU2026_Jan_QPP-subset.csv", "GPCI2026_Jan-subset.csv")) {
      Files.copy(CmsFiles.file("2026/" + name), in2026.resolve(name));
    }
    PricingContext plain =
        PricingContext.of(
            LocalDate.of(2026, 2, 2), Locality.parse("01182-18"), Setting.NON_FACILITY);
    CmsDirectory qppOnly = CmsDirectory.load(dir);
    assertEquals(
        Optional.of(new BigDecimal("105.41")),
        qppOnly
            .releases()
            .price(ClaimLine.parse("99213"), plain.withQualifyingApmParticipant(true))
            .amount());
    assertEquals(
        Optional.of(UnpricedReason.CONVERSION_FACTOR_MISMATCH),
        qppOnly.releases().price(ClaimLine.parse("99213"), plain).reason());
    // With its non-QPP sibling, the non-QPP file serves both, checked against the dated table.
    Files.copy(
        CmsFiles.file("2026/PPRRVU2026_Jan_nonQPP-subset.csv"),
        in2026.resolve("PPRRVU2026_Jan_nonQPP-subset.csv"));
    CmsDirectory pair = CmsDirectory.load(dir);
    assertEquals(
        Optional.of(new BigDecimal("104.89")),
        pair.releases().price(ClaimLine.parse("99213"), plain).amount());
    assertEquals(
        Optional.of(new BigDecimal("105.41")),
        pair.releases()
            .price(ClaimLine.parse("99213"), plain.withQualifyingApmParticipant(true))
            .amount());
  }

  /**
   * Of a QPP pair the non-QPP file's rows serve qualifying APM participants too, at the dated
   * table's factor for them; the QPP file states that factor, and is checked against the table as
   * the non-QPP file is. A table that gives qualifying participants another factor (one written
   * before 2026, with one factor for all) priced them at it, 104.89 for 99213 in 01182-18 where the
   * QPP file's 33.5675 gives 105.41, without a word; the QPP file alone refuses such a line.
   */
  @Test
  void theQppFileOfAPairIsCheckedAgainstTheFactorsForQualifyingParticipants(@TempDir Path dir)
      throws IOException {
    Path in2026 = Files.createDirectories(dir.resolve("2026"));
    for (String name :
        List.of(
            "PPRRVU2026_Jan_QPP-subset.csv",
            "PPRRVU2026_Jan_nonQPP-subset.csv",
            "GPCI2026_Jan-subset.csv")) {
      Files.copy(CmsFiles.file("2026/" + name), in2026.resolve(name));
    }
    Path oneFactor = dir.resolve("factors.txt");
    Files.writeString(
        oneFactor,
        "effective_from,effective_to,pfs_cf,applies_to\n2026-01-01,2026-12-31,33.4009,all\n");
    DataLoadException e =
        assertThrows(
            DataLoadException.class,
            () -> CmsDirectory.load(dir, ConversionFactorFile.read(oneFactor)));
    assertEquals(
        "2026/PPRRVU2026_Jan_QPP-subset.csv: the file states conversion factor 33.5675, but the"
            + " conversion factors give 33.4009 on 2026-01-01 for qualifying APM participants",
        e.getMessage());
    // With the bundled table the pair loads, and each kind of provider gets its own factor.
    CmsDirectory pair = CmsDirectory.load(dir);
    PricingContext plain =
        PricingContext.of(
            LocalDate.of(2026, 2, 2), Locality.parse("01182-18"), Setting.NON_FACILITY);
    assertEquals(
        Optional.of(new BigDecimal("105.41")),
        pair.releases()
            .price(ClaimLine.parse("99213"), plain.withQualifyingApmParticipant(true))
            .amount());
  }

  @Test
  void aQuartersLaterVersionIsTheHigherNumberNotTheLaterString() {
    // Plain string order puts V10 before V2; a quarter's tenth version is its latest.
    assertTrue(CmsFileNames.compareVersions("V10", "V2") > 0);
    assertTrue(CmsFileNames.compareVersions("V2", "V1") > 0);
    assertTrue(CmsFileNames.compareVersions("V02", "V2") == 0);
    assertTrue(CmsFileNames.compareVersions("V1", "V1") == 0);
    assertTrue(CmsFileNames.compareVersions("A9", "A10") < 0);
    assertTrue(CmsFileNames.compareVersions("B", "A10") > 0);
  }

  @Test
  void partBFilesAreRecognisedByName(@TempDir Path dir) throws IOException {
    for (String name :
        List.of(
            "CLFS_2025_Q1V1.csv",
            "CLFS_2025_Q2V2.csv",
            // The name of the CSV file in CMS's download, with spaces.
            "CLFS 2025 Q3V1.csv",
            "DMEPOS_2025_APR.csv",
            "DME_Rural_ZIP_2025_Q3.csv",
            "ASP_2025_OCT.csv",
            "ASP_notes.csv")) {
      Files.writeString(dir.resolve(name), "");
    }
    assertEquals(
        List.of(
            "CLFS 2025-1 V1",
            "CLFS 2025-4 V2",
            "CLFS 2025-7 V1",
            "DMEPOS 2025-4 ",
            "DME_RURAL_ZIP 2025-7 ",
            "ASP 2025-10 "),
        CmsDirectory.scan(dir).stream()
            .map(f -> f.kind() + " " + f.year() + "-" + f.month() + " " + f.variant())
            .toList());
  }

  /**
   * A lab file under the name CMS's download gives it, with spaces, is loaded for the quarter that
   * name says, even when every row keeps January's effective date (as unchanged codes do in each
   * quarter's file): it was left out of the directory without a word.
   */
  @Test
  void aClfsFileNamedAsCmsNamesItIsLoadedForItsQuarter(@TempDir Path dir) throws IOException {
    januaryRelease(dir);
    Files.writeString(
        dir.resolve("CLFS 2025 Q2V1.csv"),
        CmsSubset.MARKER
            + ": a test fixture\n"
            + "YEAR,HCPCS,MOD,EFF_DATE,INDICATOR,RATE,SHORTDESC,LONGDESC,EXTENDED LONGDESC\n"
            + "2025,80053,,20250101,N,00010.56,made up,made up,made up\n",
        StandardCharsets.ISO_8859_1);
    CmsDirectory cms = CmsDirectory.load(dir);
    assertEquals(1, cms.clinicalLab().size());
    assertEquals(Quarter.of(2025, 2), cms.clinicalLab().get(0).quarter());
  }

  @Test
  void eachDateGetsItsReleasesFigures() throws IOException {
    MedicareReleases releases = cms().releases();
    ClaimLine line = ClaimLine.parse("0446T");
    // 25A: (1.14 x 1.000 + non-facility PE 90.47 x 0.949 + 0.08 x 0.732) x 32.3465 = 2815.9113
    assertEquals(
        new BigDecimal("2815.91"),
        releases.price(line, on("2025-03-31", Setting.NON_FACILITY)).amountOrThrow());
    // 25B on: PE 179.53: (1.14 + 179.53 x 0.949 + 0.08 x 0.732) x 32.3465 = 5549.7708
    assertEquals(
        new BigDecimal("5549.77"),
        releases.price(line, on("2025-04-01", Setting.NON_FACILITY)).amountOrThrow());
    assertEquals(
        new BigDecimal("5549.77"),
        releases.price(line, on("2025-12-31", Setting.NON_FACILITY)).amountOrThrow());
    // 61715: priced in 25A, (18.95 + 9.98 x 0.949 + 7.54 x 0.732) x 32.3465 = 1097.8499; then C.
    ClaimLine surgery = ClaimLine.parse("61715");
    assertEquals(
        new BigDecimal("1097.85"),
        releases.price(surgery, on("2025-02-14", Setting.FACILITY)).amountOrThrow());
    assertEquals(
        UnpricedReason.CARRIER_PRICED,
        releases.price(surgery, on("2025-05-14", Setting.FACILITY)).reason().orElseThrow());
    // G9037: status A until 25B, I (not valid for Medicare) from 25C.
    ClaimLine g9037 = ClaimLine.parse("G9037");
    assertEquals(
        new BigDecimal("38.72"),
        releases.price(g9037, on("2025-06-30", Setting.FACILITY)).amountOrThrow());
    FeeResult july = releases.price(g9037, on("2025-07-01", Setting.FACILITY));
    assertEquals(UnpricedReason.STATUS_NOT_PAYABLE, july.reason().orElseThrow());
    assertTrue(july.toString().contains("medicare-pfs-2025C"), july::toString);
  }

  @Test
  void aClaimIsPricedByTheReleaseOfItsDate() throws IOException {
    Claim claim = Claim.builder().add("0446T").add("00790-AA 95min").build();
    var february = cms().releases().price(claim, on("2025-02-03", Setting.NON_FACILITY));
    var may = cms().releases().price(claim, on("2025-05-05", Setting.NON_FACILITY));
    assertEquals(new BigDecimal("2815.91"), february.orElseThrow().line(0).amountOrThrow());
    assertEquals(new BigDecimal("5549.77"), may.orElseThrow().line(0).amountOrThrow());
    // Anesthesia from ANES2025.csv in every 2025 release: (7 + 6.3) x 19.79 = 263.207
    assertEquals(new BigDecimal("263.21"), may.orElseThrow().line(1).amountOrThrow());
    assertFalse(cms().releases().price(claim, on("2027-01-04", Setting.FACILITY)).isPresent());
  }

  @Test
  void the2026RowsUseThe2026FactorAndDatesBeyondTheDataSaySo() throws IOException {
    MedicareReleases releases = cms().releases();
    // The 2026 subsets hold Los Angeles alone; its 2026 GPCIs, never 2025's.
    FeeResult visit =
        releases.price(
            ClaimLine.parse("99213"),
            PricingContext.of(
                LocalDate.of(2026, 3, 2), Locality.parse("01182-18"), Setting.NON_FACILITY));
    assertTrue(visit.toString().contains("CF 33.4009"), visit::toString);
    assertTrue(visit.toString().contains("x 1.041"), visit::toString);
    assertEquals(
        UnpricedReason.NO_GPCI_FOR_LOCALITY,
        releases
            .price(ClaimLine.parse("99213"), on("2026-03-02", Setting.NON_FACILITY))
            .reason()
            .orElseThrow());
    // The January release ends with its quarter: April's values are not January's.
    FeeResult later =
        releases.price(ClaimLine.parse("99213"), on("2026-04-01", Setting.NON_FACILITY));
    assertEquals(UnpricedReason.DATE_NOT_COVERED, later.reason().orElseThrow());
    assertTrue(later.detail().contains("covers 2025-01-01 to 2026-03-31"), later::detail);
  }

  /**
   * Each side of a release boundary gets the figures of its own files, worked out from them by the
   * formula rather than by the library. Los Angeles (01182-18): 2025 GPCIs 1.042, 1.194, 0.690 at
   * 32.3465; 2026 GPCIs 1.041, 1.183, 0.664 at 33.4009 (33.5675 for qualifying APM participants).
   */
  @Test
  void eachSideOfAReleaseOrYearBoundaryGetsItsOwnFilesFigures() throws IOException {
    MedicareReleases releases = cms().releases();
    Locality la = Locality.parse("01182-18");
    // 0448T, non-facility PE 84.86 in 25A, 167.79 from 25B: (1.91 x 1.042 + PE x 1.194 + 0.12 x
    // 0.690) x 32.3465 = 3344.4942, then 6547.3935.
    assertEquals(
        Optional.of(new BigDecimal("3344.49")),
        releases.price(ClaimLine.parse("0448T"), at("2025-03-31", la)).amount());
    assertEquals(
        Optional.of(new BigDecimal("6547.39")),
        releases.price(ClaimLine.parse("0448T"), at("2025-04-01", la)).amount());
    // 99213: (1.30 x 1.042 + 1.35 x 1.194 + 0.10 x 0.690) x 32.3465 = 98.1878 on the last day of
    // 2025; the next day the 2026 RVUs (1.30, 1.46, 0.09), GPCIs and factor: 104.8868, or 105.4100
    // for a qualifying APM participant.
    assertEquals(
        Optional.of(new BigDecimal("98.19")),
        releases.price(ClaimLine.parse("99213"), at("2025-12-31", la)).amount());
    assertEquals(
        Optional.of(new BigDecimal("98.19")),
        releases
            .price(
                ClaimLine.parse("99213"), at("2025-12-31", la).withQualifyingApmParticipant(true))
            .amount());
    assertEquals(
        Optional.of(new BigDecimal("104.89")),
        releases.price(ClaimLine.parse("99213"), at("2026-01-01", la)).amount());
    assertEquals(
        Optional.of(new BigDecimal("105.41")),
        releases
            .price(
                ClaimLine.parse("99213"), at("2026-01-01", la).withQualifyingApmParticipant(true))
            .amount());
    // Before the first release: refused, naming what the data covers, never 2025's figures.
    FeeResult before = releases.price(ClaimLine.parse("99213"), at("2024-12-31", la));
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), before.reason());
    assertTrue(before.detail().contains("covers 2025-01-01 to 2026-03-31"), before::detail);
  }

  private static PricingContext at(String date, Locality locality) {
    return PricingContext.of(LocalDate.parse(date), locality, Setting.NON_FACILITY);
  }

  @Test
  void filesAreRecognisedByNameAndTitle(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "not a CMS file");
    DataLoadException none = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertTrue(none.getMessage().contains("no relative value file"), none::getMessage);
    Files.write(
        dir.resolve("PPRRVU25_APR.csv"),
        ",,2025 National Physician Fee Schedule Relative Value File January Release,,\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    DataLoadException title = assertThrows(DataLoadException.class, () -> CmsDirectory.scan(dir));
    assertTrue(title.getMessage().contains("the title row says"), title::getMessage);
    // A month that starts no quarter (a mid-quarter correction's) is compared too: it was read by
    // the loader alone, as a release of February that covered no January date.
    Files.write(
        dir.resolve("PPRRVU25_APR.csv"),
        ",,2025 National Physician Fee Schedule Relative Value File February Release,,\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    DataLoadException february =
        assertThrows(DataLoadException.class, () -> CmsDirectory.scan(dir));
    assertTrue(
        february
            .getMessage()
            .contains(
                "the name says the 2025 release of month 4, the title row says '2025 National"
                    + " Physician Fee Schedule Relative Value File Februar"),
        february::getMessage);
  }

  @Test
  void aTitleThatDisagreesWithTheNameIsNamedOnItsOwnLine(@TempDir Path dir) throws IOException {
    // Below the subset marker and a blank line, the title row is line 3: the error said line 1.
    Files.write(
        dir.resolve("PPRRVU25_APR.csv"),
        (CmsSubset.MARKER
                + "\r\n\r\n,,2025 National Physician Fee Schedule Relative Value File January"
                + " Release,,\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    DataLoadException title = assertThrows(DataLoadException.class, () -> CmsDirectory.scan(dir));
    assertTrue(title.getMessage().contains("the title row says"), title::getMessage);
    assertEquals(3, title.line(), title::getMessage);
    // The title is the row's third field: the error names its column, as the loader's would.
    assertEquals(3, title.column(), title::getMessage);
  }

  @Test
  void aBadFileIsNamedByItsPathInTheDirectory(@TempDir Path dir) throws IOException {
    // The loaders name the file alone; in a directory as downloaded the same name may stand in
    // several sub-directories, so the error names the path below the directory.
    Path in2025 = Files.createDirectories(dir.resolve("rvu25d"));
    try (InputStream rows =
        BundledData.class.getResourceAsStream("medicare/pprrvu-2025-oct-sample.csv")) {
      Files.copy(rows, in2025.resolve("PPRRVU2025_Oct.csv"));
    }
    String gpci;
    try (InputStream all = BundledData.class.getResourceAsStream("medicare/gpci-2025.csv")) {
      gpci = new String(all.readAllBytes(), StandardCharsets.UTF_8);
    }
    // The title, blank and header rows and one locality: a download cut short.
    String cut = String.join("\n", gpci.lines().limit(4).toList()) + "\n";
    Files.writeString(in2025.resolve("GPCI2025.csv"), cut);
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    String expected = Path.of("rvu25d", "GPCI2025.csv").toString();
    assertEquals(expected, e.sourceName(), e::getMessage);
    assertTrue(e.getMessage().startsWith(expected + ": only 1 locality, where"), e::getMessage);
  }

  /**
   * An ANES file without a row for a locality of the GPCI file is damage: it loaded, and every
   * anesthesia line of that locality was unpriced for want of a conversion factor.
   */
  @Test
  void anAnesthesiaFileWithoutALocalityOfTheGpcisIsRefused(@TempDir Path dir) throws IOException {
    try (InputStream rows =
        BundledData.class.getResourceAsStream("medicare/pprrvu-2025-oct-sample.csv")) {
      Files.copy(rows, dir.resolve("PPRRVU2025_Oct.csv"));
    }
    try (InputStream all = BundledData.class.getResourceAsStream("medicare/gpci-2025.csv")) {
      Files.copy(all, dir.resolve("GPCI2025.csv"));
    }
    String anes;
    try (InputStream all = BundledData.class.getResourceAsStream("medicare/ANES2025.csv")) {
      anes = new String(all.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    Files.writeString(dir.resolve("ANES2025.csv"), anes, StandardCharsets.ISO_8859_1);
    assertEquals(1, CmsDirectory.load(dir).releases().releases().size());
    String without =
        String.join("\r\n", anes.lines().filter(l -> !l.startsWith("13202 ,01 ,")).toList())
            + "\r\n";
    Files.writeString(dir.resolve("ANES2025.csv"), without, StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertEquals("ANES2025.csv", e.sourceName(), e::getMessage);
    assertTrue(
        e.getMessage()
            .contains(
                "no anesthesia conversion factor for locality 13202-01, which"
                    + " GPCI2025.csv has"),
        e::getMessage);
    // A deliberate subset may leave localities out.
    Files.writeString(
        dir.resolve("ANES2025.csv"),
        CmsSubset.MARKER + ": ours\n" + without,
        StandardCharsets.ISO_8859_1);
    assertEquals(1, CmsDirectory.load(dir).releases().releases().size());
  }

  /** Writes the bundled 2025 GPCIs (the whole CMS file) into {@code dir} without Alabama's row. */
  private static void gpcisWithoutAlabama(Path dir) throws IOException {
    String gpci;
    try (InputStream all = BundledData.class.getResourceAsStream("medicare/gpci-2025.csv")) {
      gpci = new String(all.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    String without = gpci.replace("10112,AL,00,ALABAMA,1,0.869,0.575\r\n", "");
    assertNotEquals(gpci, without);
    Files.writeString(dir.resolve("GPCI2025.csv"), without, StandardCharsets.ISO_8859_1);
  }

  private static void octoberRelease(Path dir) throws IOException {
    try (InputStream rows =
        BundledData.class.getResourceAsStream("medicare/pprrvu-2025-oct-sample.csv")) {
      Files.copy(rows, dir.resolve("PPRRVU2025_Oct.csv"));
    }
  }

  /**
   * An ANES file with a row for a locality the GPCI file lacks is refused, naming both files and
   * the locality: CMS's two files list the same 109 localities, and a GPCI file that lost a row
   * (108 localities, Alabama missing) loaded beside the whole ANES file, Alabama's services other
   * than anesthesia then unpriced.
   */
  @Test
  void anAnesthesiaFileWithALocalityTheGpcisLackIsRefused(@TempDir Path dir) throws IOException {
    octoberRelease(dir);
    gpcisWithoutAlabama(dir);
    try (InputStream all = BundledData.class.getResourceAsStream("medicare/ANES2025.csv")) {
      Files.copy(all, dir.resolve("ANES2025.csv"));
    }
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertEquals("ANES2025.csv", e.sourceName(), e::getMessage);
    assertTrue(
        e.getMessage()
            .startsWith(
                "ANES2025.csv: locality 10112-00 has no GPCIs in GPCI2025.csv, the GPCI file of"
                    + " release 2025D: "),
        e::getMessage);
  }

  /**
   * A ZIP5 file that places ZIP codes in a locality the GPCI file of a release it serves lacks is
   * refused, naming both files, the locality and its first ZIP code: the directory loaded, and
   * 99213 in ZIP 35004 was unpriced, NO_GPCI_FOR_LOCALITY. A deliberate subset of the GPCIs may
   * leave localities out.
   */
  @Test
  void aZip5FileWithALocalityTheGpcisLackIsRefused(@TempDir Path dir) throws IOException {
    octoberRelease(dir);
    gpcisWithoutAlabama(dir);
    String tail = " Z9   0 A" + " ".repeat(52) + "20254\r\n";
    String zip5 =
        CmsSubset.MARKER
            + ": ours\n"
            + "AL350041011200"
            + tail
            + "AL350051011200"
            + tail
            + "AK995010210201"
            + tail
            + "NY100011320201"
            + tail;
    Files.writeString(dir.resolve("ZIP5_OCT2025.txt"), zip5, StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertEquals("ZIP5_OCT2025.txt", e.sourceName(), e::getMessage);
    assertTrue(
        e.getMessage()
            .startsWith(
                "ZIP5_OCT2025.txt: locality 10112-00 (ZIP code 35004 first) has no GPCIs in"
                    + " GPCI2025.csv, the GPCI file of release 2025D: "),
        e::getMessage);
    // Without the ZIP codes of Alabama, the file loads.
    Files.writeString(
        dir.resolve("ZIP5_OCT2025.txt"),
        zip5.replaceAll("AL3500[45]1011200[^\n]*\n", ""),
        StandardCharsets.ISO_8859_1);
    assertEquals(1, CmsDirectory.load(dir).releases().releases().size());
    // A deliberate subset of the GPCIs leaves localities out on purpose.
    Files.writeString(dir.resolve("ZIP5_OCT2025.txt"), zip5, StandardCharsets.ISO_8859_1);
    Files.writeString(
        dir.resolve("GPCI2025.csv"),
        CmsSubset.MARKER
            + ": ours\n"
            + Files.readString(dir.resolve("GPCI2025.csv"), StandardCharsets.ISO_8859_1),
        StandardCharsets.ISO_8859_1);
    assertEquals(1, CmsDirectory.load(dir).releases().releases().size());
  }

  /**
   * A whole ZIP5 file (no subset mark) that places no ZIP code in a locality of the GPCI file is
   * refused, naming both files and the localities: CMS's file lists its ZIP codes state by state,
   * so one cut at a line ending loses the last localities whole, passes the row minimum, and
   * loaded, each ZIP code it lost in no locality. Generated here: 36,300 ZIP codes in blocks, one
   * block per locality of the bundled 2025 GPCI file (CMS's, 109 localities), in its order.
   */
  @Test
  void aWholeZip5FileWithoutALocalityOfTheGpcisIsRefused(@TempDir Path dir) throws IOException {
    octoberRelease(dir);
    try (InputStream all = BundledData.class.getResourceAsStream("medicare/gpci-2025.csv")) {
      Files.copy(all, dir.resolve("GPCI2025.csv"));
    }
    List<Locality> localities =
        io.github.cpt4j.data.medicare.GpciFile.read(dir.resolve("GPCI2025.csv")).all().stream()
            .map(g -> g.locality())
            .toList();
    assertEquals(109, localities.size());
    int records = 36_300;
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      Locality locality = localities.get(i * localities.size() / records);
      lines.add(
          "NY"
              + (10_000 + i)
              + locality.toString().replace("-", "")
              + " Z9   0 A"
              + " ".repeat(52)
              + "20254\r\n");
    }
    Path zip5 = dir.resolve("ZIP5_OCT2025.txt");
    Files.writeString(zip5, String.join("", lines), StandardCharsets.ISO_8859_1);
    assertEquals(1, CmsDirectory.load(dir).releases().releases().size());
    // Cut at a line ending after 35,300 records, above the minimum of 35,000: the blocks of the
    // last 3 localities (from ZIP code 45302 on) are gone whole.
    Files.writeString(zip5, String.join("", lines.subList(0, 35_300)), StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertEquals("ZIP5_OCT2025.txt", e.sourceName(), e::getMessage);
    assertEquals(
        "ZIP5_OCT2025.txt: no ZIP code in 3 localities, "
            + localities.get(106)
            + ", "
            + localities.get(107)
            + ", "
            + localities.get(108)
            + " of GPCI2025.csv, the GPCI file of release 2025D: CMS's ZIP5 file places ZIP codes"
            + " in every payment locality, so this one looks cut short, and the ZIP codes it lost"
            + " would be in no locality (a file cut at a line ending, or of another year?)",
        e.getMessage());
    // Marked as a subset, it may leave localities out.
    Files.writeString(
        zip5,
        CmsSubset.MARKER + ": ours\n" + String.join("", lines.subList(0, 35_300)),
        StandardCharsets.ISO_8859_1);
    assertEquals(1, CmsDirectory.load(dir).releases().releases().size());
  }

  /**
   * CMS's ZIP5 file of October 2025 cut at a line ending after 38,000 of its 42,956 records loaded
   * beside the whole GPCI file, 9 of the 109 localities without a ZIP code: ZIP code 82001, 88.11
   * for 99213 with the whole file, was in no locality. Runs when the CMS files are given.
   */
  @Test
  void cmsZip5FileCutAtALineEndingIsRefused(@TempDir Path dir) throws IOException {
    Path zip5 = CmsFiles.file("2025/ZIP5_OCT2025.txt");
    Files.createSymbolicLink(
        dir.resolve("PPRRVU2025_Oct.csv"), CmsFiles.file("2025/PPRRVU2025_Oct.csv"));
    Files.createSymbolicLink(dir.resolve("GPCI2025.csv"), CmsFiles.file("2025/GPCI2025.csv"));
    List<String> records = Files.readAllLines(zip5, StandardCharsets.ISO_8859_1);
    assertEquals(42_956, records.size());
    Files.write(
        dir.resolve("ZIP5_OCT2025.txt"), records.subList(0, 38_000), StandardCharsets.ISO_8859_1);
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertTrue(
        e.getMessage()
            .startsWith(
                "ZIP5_OCT2025.txt: no ZIP code in 9 localities, 03502-09, 14512-50, 11302-00 and"
                    + " 6 more, of GPCI2025.csv, the GPCI file of release 2025D: "),
        e::getMessage);
  }

  /**
   * Each quarterly release CMS ships has its own GPCI2025.csv: copies of one file, or a release's
   * own beside its relative value file, are fine; two that differ with nothing to tell them apart
   * are refused, never chosen by the order of their paths.
   */
  @Test
  void twoGpciFilesOfOnePeriodAreChosenByPlaceOrRefusedNeverByPathOrder(@TempDir Path dir)
      throws IOException {
    String gpci;
    try (InputStream all = BundledData.class.getResourceAsStream("medicare/gpci-2025.csv")) {
      gpci = new String(all.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed = gpci.replace("REST OF NEW YORK,1,0.949,", "REST OF NEW YORK,1,1.300,");
    assertFalse(changed.equals(gpci), "the fixture has Rest of New York's row");
    Path release = Files.createDirectories(dir.resolve("rvu25d"));
    try (InputStream rows =
        BundledData.class.getResourceAsStream("medicare/pprrvu-2025-oct-sample.csv")) {
      Files.copy(rows, release.resolve("PPRRVU2025_Oct.csv"));
    }
    Files.writeString(release.resolve("GPCI2025.csv"), gpci);
    Path backup = Files.createDirectories(dir.resolve("zz-backup"));
    Files.writeString(backup.resolve("GPCI2025.csv"), gpci);
    ClaimLine visit = ClaimLine.parse("99213");
    PricingContext october = on("2025-10-06", Setting.NON_FACILITY);
    BigDecimal expected = BundledData.medicareFeeSchedule().price(visit, october).amountOrThrow();
    // Identical copies: either will do.
    assertEquals(expected, CmsDirectory.load(dir).releases().price(visit, october).amountOrThrow());
    assertTrue(
        CmsDirectory.load(dir).describe().contains("zz-backup/GPCI2025.csv  (not used)"),
        "of two identical copies, the one beside the relative value file is read");
    // A different one elsewhere: the release's own, beside its relative value file, wins...
    Files.writeString(backup.resolve("GPCI2025.csv"), changed);
    assertEquals(expected, CmsDirectory.load(dir).releases().price(visit, october).amountOrThrow());
    // (and it would have mattered: the other file prices the visit differently)
    Files.move(release.resolve("GPCI2025.csv"), dir.resolve("GPCI2025.csv.orig"));
    assertNotEquals(
        0,
        expected.compareTo(
            CmsDirectory.load(dir).releases().price(visit, october).amountOrThrow()));
    Files.move(dir.resolve("GPCI2025.csv.orig"), release.resolve("GPCI2025.csv"));
    // ...but two that differ, neither beside it, cannot be told apart.
    Files.move(
        release.resolve("GPCI2025.csv"),
        Files.createDirectory(dir.resolve("aa")).resolve("GPCI2025.csv"));
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertTrue(
        e.getMessage().contains("two GPCI files of the same period differ: "), e::getMessage);
    assertTrue(e.getMessage().contains(Path.of("aa", "GPCI2025.csv").toString()), e::getMessage);
    assertTrue(
        e.getMessage().contains(Path.of("zz-backup", "GPCI2025.csv").toString()), e::getMessage);
  }

  /** Removes the first element of {@code list}: for a list a caller must not be able to change. */
  private static void removeFirst(List<?> list) {
    list.remove(0);
  }

  @Test
  void filesAreFoundUpToTheDepthLimitAndTheErrorSaysWhereItLooked(@TempDir Path dir)
      throws IOException {
    Path deep = dir;
    for (int level = 1; level < CmsDirectory.MAX_DEPTH; level++) {
      deep = deep.resolve("d" + level);
    }
    Files.createDirectories(deep);
    Files.writeString(deep.resolve("GPCI2025.csv"), "x\n");
    List<CmsDirectory.CmsFile> found = CmsDirectory.scan(dir);
    assertEquals(1, found.size());
    // Immutable, as every list of the API is: it was an ArrayList the caller could change.
    assertThrows(UnsupportedOperationException.class, () -> removeFirst(found));
    Path tooDeep = Files.createDirectories(deep.resolve("d" + CmsDirectory.MAX_DEPTH));
    Files.move(deep.resolve("GPCI2025.csv"), tooDeep.resolve("GPCI2025.csv"));
    assertEquals(0, CmsDirectory.scan(dir).size());
    DataLoadException none = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    assertTrue(none.getMessage().contains("up to 8 levels down"), none::getMessage);
  }

  /** Writes release 25A under {@code dir}: the bundled sample rows and GPCIs. */
  private static void januaryRelease(Path dir) throws IOException {
    Path release = Files.createDirectories(dir.resolve("rvu25a"));
    try (InputStream rows =
        BundledData.class.getResourceAsStream("medicare/pprrvu-2025-jan-sample.csv")) {
      Files.copy(rows, release.resolve("PPRRVU25_JAN.csv"));
    }
    try (InputStream gpci = BundledData.class.getResourceAsStream("medicare/gpci-2025.csv")) {
      Files.copy(gpci, release.resolve("GPCI2025.csv"));
    }
  }

  /**
   * Writes release 25A (the bundled sample rows and GPCIs) and CMS's January 2025 DMEPOS file under
   * {@code dir}; returns the DMEPOS file's folder, for the rural ZIP code lists.
   */
  private static Path januaryWithDmepos(Path dir) throws IOException {
    januaryRelease(dir);
    Path dme = Files.createDirectories(dir.resolve("dme"));
    Files.copy(CmsFiles.file("dmepos/DMEPOS_2025_JAN.csv"), dme.resolve("DMEPOS_2025_JAN.csv"));
    return dme;
  }

  /** Writes the first quarter's rural ZIP code list as the second's, without 12010 (New York). */
  private static void writeSecondQuarterWithout12010(Path q1, Path dme) throws IOException {
    List<String> q2 =
        Files.readAllLines(q1, StandardCharsets.ISO_8859_1).stream()
            .filter(line -> !line.contains(",12010,"))
            .map(line -> line.replace(",202501", ",202502"))
            .toList();
    Files.write(dme.resolve("DME_Rural_ZIP_2025_Q2.csv"), q2, StandardCharsets.ISO_8859_1);
  }

  /**
   * CMS lists rural ZIP codes each quarter: a quarter's DMEPOS fees take that quarter's list (not
   * the newest one). And a quarterly file must hold the quarter its name says.
   */
  @Test
  void eachDmeposQuarterTakesItsOwnRuralZipListAndNamesMustMatchContents(@TempDir Path dir)
      throws IOException {
    Path dme = januaryWithDmepos(dir);
    Path q1 = CmsFiles.file("dmepos/DME_Rural_ZIP_2025_Q1.csv");
    Files.copy(q1, dme.resolve("DME_Rural_ZIP_2025_Q1.csv"));
    // A second quarter's list without 12010 (rural in Q1, in New York).
    writeSecondQuarterWithout12010(q1, dme);

    CmsDirectory cms = CmsDirectory.load(dir);
    PricingContext march = on("2025-03-14", Setting.NON_FACILITY).withBeneficiaryZip("12010");
    // DMEPOS_2025_JAN.csv, E0601 RR, NY (R): 94.93; NY (NR) is 48.72.
    assertEquals(
        new BigDecimal("94.93"),
        cms.dmepos().get(0).price(ClaimLine.parse("E0601-RR"), march).amountOrThrow());
    assertFalse(cms.describe().contains("DME_Rural_ZIP_2025_Q1.csv  (not used)"), cms.describe());

    Files.move(dme.resolve("DMEPOS_2025_JAN.csv"), dme.resolve("DMEPOS_2025_APR.csv"));
    DataLoadException renamed = assertThrows(DataLoadException.class, () -> CmsDirectory.load(dir));
    // The loader itself refuses it, at the title's cell.
    assertTrue(
        renamed
            .getMessage()
            .contains(
                "the title says 'January 2025', quarter 2025-Q1, but the file is named for"
                    + " 2025-Q2"),
        renamed::getMessage);
  }

  /**
   * A DMEPOS quarter older than every rural ZIP code list in the directory takes the earliest list
   * there is, the user's own, not the bundled one, and its lines say whose quarter it is.
   */
  @Test
  void aDmeposQuarterOlderThanEveryRuralListTakesTheEarliest(@TempDir Path dir) throws IOException {
    Path dme = januaryWithDmepos(dir);
    // Only a second quarter's list, without 12010 (rural in the bundled Q1 list, in New York).
    writeSecondQuarterWithout12010(CmsFiles.file("dmepos/DME_Rural_ZIP_2025_Q1.csv"), dme);

    CmsDirectory cms = CmsDirectory.load(dir);
    PricingContext march = on("2025-03-14", Setting.NON_FACILITY).withBeneficiaryZip("12010");
    // DMEPOS_2025_JAN.csv, E0601 RR: NY (NR) 48.72, where the bundled Q1 list would give 94.93.
    FeeResult line = cms.dmepos().get(0).price(ClaimLine.parse("E0601-RR"), march);
    assertEquals(new BigDecimal("48.72"), line.amountOrThrow());
    assertTrue(line.explanation().has("rural-zips"), line::toString);
    assertTrue(line.toString().contains("list of 2025-Q2, not of 2025-Q1"), line::toString);
  }

  @Test
  void anOppsCapFileNeedsItsYearBesideIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("OPPSCAP_JAN.csv"), "HCPCS,MOD\n");
    DataLoadException e = assertThrows(DataLoadException.class, () -> CmsDirectory.scan(dir));
    assertTrue(e.getMessage().contains("names no year"), e::getMessage);
    List<CmsDirectory.CmsFile> none = CmsDirectory.scan(Files.createDirectory(dir.resolve("x")));
    assertTrue(none.isEmpty());
  }
}
