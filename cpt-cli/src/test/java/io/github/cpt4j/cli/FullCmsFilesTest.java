package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.data.medicare.CmsSubset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cpt price} with the full CMS 2025 files, when {@code CPT4J_CMS_DIR} names the directory
 * that holds them ({@code $CPT4J_CMS_DIR/2025/PPRRVU2025_Oct.csv}); skipped otherwise.
 */
class FullCmsFilesTest {

  private static Path dir;

  /**
   * The CMS directory as a user would keep it: the files cut to subsets for this project ({@code
   * *-subset.csv}) start with the subset marker, every other file is a link to the original.
   */
  private static Path root;

  @TempDir static Path mirror;

  /** The links to CMS files that the running test made in its temporary directory. */
  private static final List<Path> links = new ArrayList<>();

  /** A link at {@code at} to the CMS file {@code file}, removed when the test ends. */
  private static Path link(Path at, Path file) throws IOException {
    Path made = Files.createSymbolicLink(at, file);
    links.add(made);
    return made;
  }

  // The links to the CMS files are removed before JUnit deletes the temporary directories: it
  // warns, at every build, of each link that leads outside them, though it deletes only the link.
  @AfterEach
  void removeLinks() throws IOException {
    for (Path made : links) {
      Files.deleteIfExists(made);
    }
    links.clear();
  }

  @AfterAll
  static void removeMirrorLinks() throws IOException {
    try (Stream<Path> walk = Files.walk(mirror)) {
      for (Path made : walk.filter(Files::isSymbolicLink).toList()) {
        Files.delete(made);
      }
    }
  }

  @BeforeAll
  static void locateFiles() throws IOException {
    String env = System.getenv("CPT4J_CMS_DIR");
    assumeTrue(env != null && !env.isBlank(), "CPT4J_CMS_DIR is not set");
    dir = Path.of(env, "2025");
    assumeTrue(
        Files.isRegularFile(dir.resolve("PPRRVU2025_Oct.csv")), "no PPRRVU2025_Oct.csv in " + dir);
    Path source = dir.getParent();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(source)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      Path copy = mirror.resolve(source.relativize(file).toString());
      Files.createDirectories(copy.getParent());
      if (file.getFileName().toString().contains("-subset")) {
        Files.writeString(
            copy,
            CmsSubset.MARKER + "\n" + Files.readString(file, StandardCharsets.ISO_8859_1),
            StandardCharsets.ISO_8859_1);
      } else {
        Files.createSymbolicLink(copy, file.toAbsolutePath());
      }
    }
    root = mirror;
  }

  private static String file(String name) {
    return dir.resolve(name).toString();
  }

  @Test
  void pricesACodeOutsideTheSampleAsCmsPublishesIt() throws IOException {
    // PFREV25C.txt: 76145 in 01112-05 is 1339.81 in both settings.
    assertEquals("1339.81", amountWithFiles("76145", "01112-05", true));
  }

  @Test
  void aRelativeValueFileWithoutACapFileCapsImagingFromItsOwnOppsColumns() throws IOException {
    // OPPSCAP_Oct.csv: 70496 in 13282-99 is capped at 246.77 in both settings (260.58 uncapped).
    // Without --opps-cap the caps come from the relative value file's OPPS columns, which give
    // the same figure; the bundled cap sample, which holds only the sample codes' caps, used to
    // stand in for the file and left 70496 uncapped.
    assertEquals("246.77", amountWithFiles("70496", "13282-99", false));
    assertEquals("246.77", amountWithFiles("70496", "13282-99", true));
  }

  /**
   * Prices {@code code} in {@code locality} on 2025-11-03 (in the October release's quarter) with
   * the full relative value and GPCI files, and the OPPS cap file if {@code capFile}; returns the
   * amount, checking status 0.
   */
  private static String amountWithFiles(String code, String locality, boolean capFile)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "price",
                code,
                "-l",
                locality,
                "-d",
                "2025-11-03",
                "-f",
                "csv",
                "--rvu",
                file("PPRRVU2025_Oct.csv"),
                "--gpci",
                file("GPCI2025.csv")));
    if (capFile) {
      args.addAll(List.of("--opps-cap", file("OPPSCAP_Oct.csv")));
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.status(), r::toString);
    return ValidateCommandTest.csv(r.out()).get(1).getField(1);
  }

  @Test
  void aRelativeValueFilePricesOnlyItsReleasesQuarter() throws IOException {
    // 0446T, Manhattan: January's release pays 3455.73, October's 6814.71; the October file alone
    // cannot say what February paid.
    Cli.Result r =
        Cli.run(
            "price",
            "0446T",
            "-l",
            "13202-01",
            "-d",
            "2025-02-01",
            "--rvu",
            file("PPRRVU2025_Oct.csv"),
            "--gpci",
            file("GPCI2025.csv"));
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().contains("date_not_covered"), r::toString);
    assertTrue(r.out().contains("the October 2025 release"), r::toString);
    assertEquals("6814.71", amountWithFiles("0446T", "13202-01", false));
  }

  /**
   * CMS's January 2025 file given with --rvu prices anesthesia as the bundled data and --cms-dir
   * do: (7 base + 4.0 time units) x 19.79 (13282-99 in ANES2025.csv). It was refused,
   * not_in_schedule, "00790 has status J in medicare-pfs ... medicare-pfs has none".
   */
  @Test
  void aRelativeValueFilePricesAnesthesiaAsTheDirectoryDoes() throws IOException {
    List<String> line =
        List.of(
            "price",
            "00790-AA 60min",
            "-l",
            "13282-99",
            "-s",
            "facility",
            "-d",
            "2025-02-01",
            "-f",
            "csv");
    List<List<String>> sources =
        List.of(
            List.of("--rvu", file("quarterly/PPRRVU25_JAN.csv"), "--gpci", file("GPCI2025.csv")),
            List.of("--cms-dir", root.toString()),
            List.of());
    for (List<String> source : sources) {
      List<String> args = new ArrayList<>(line);
      args.addAll(source);
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertEquals(0, r.status(), r::toString);
      assertEquals(
          "217.69", ValidateCommandTest.csv(r.out()).get(1).getField(1), () -> source + ": " + r);
    }
  }

  @Test
  void theBundledSampleDoesNotHaveIt() {
    Cli.Result r = Cli.run("price", "76145", "-l", "01112-05", "-d", "2025-06-01", "-f", "csv");
    assertTrue(r.out().contains(",not_in_schedule,"), r::toString);
  }

  @Test
  void aClaimFileSpanningThe2025ReleasesIsPricedByEachDatesRelease() throws IOException {
    // 0446T in 13282-99, non-facility: 25A PE 90.47 gives 2815.91, 25B on PE 179.53 gives 5549.77;
    // 61715 is priced in 25A, contractor-priced from 25B; anesthesia from ANES2025.csv.
    String csv =
        "claim,code,modifiers,minutes,date\n"
            + "1,0446T,,,2025-03-31\n"
            + "2,0446T,,,2025-04-01\n"
            + "3,0446T,,,2025-12-31\n"
            + "4,61715,,,2025-02-14\n"
            + "5,61715,,,2025-05-14\n"
            + "6,00790,AA,95,2025-08-01\n"
            + "7,99213,,,2027-01-04\n";
    Cli.Result r =
        Cli.runWithInput(csv, "price", "-i", "-", "-l", "13282-99", "--cms-dir", root.toString());
    assertEquals(0, r.status(), r::toString); // a line not paid is an answer, not bad input
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(
        List.of("2815.91", "5549.77", "5549.77", "1097.85", "", "263.21", ""),
        rows.stream().skip(1).map(row -> row.getField(5)).toList(),
        r::toString);
    assertEquals("date_not_covered", rows.get(7).getField(6));
    assertTrue(
        rows.get(7).getField(7).contains("covers 2025-01-01 to 2026-03-31"), rows.get(7)::toString);
  }

  @Test
  void aLocalityIsKnownByTheGpciFileOfTheDirectoryPricedWith(@TempDir Path tmp) throws IOException {
    // The directory's GPCI file without Rest of New York (13282-99), which the bundled table has:
    // the check must ask the tables the run prices with, as a year with new localities needs.
    Path cms = Files.createDirectories(tmp.resolve("cms"));
    Files.copy(dir.resolve("quarterly/PPRRVU25_JAN.csv"), cms.resolve("PPRRVU25_JAN.csv"));
    List<String> gpcis =
        Files.readAllLines(dir.resolve("GPCI2025.csv"), StandardCharsets.ISO_8859_1).stream()
            .filter(line -> !line.startsWith("13282,NY,99"))
            .toList();
    Files.write(cms.resolve("GPCI2025.csv"), gpcis, StandardCharsets.ISO_8859_1);
    String[] args = {"price", "99213", "-d", "2025-02-03", "--cms-dir", cms.toString(), "-l"};

    Cli.Result removed = Cli.run(concat(args, "13282-99"));
    assertEquals(2, removed.status(), removed::toString);
    assertTrue(
        removed.err().contains("locality 13282-99 is not a Medicare payment locality"),
        removed::toString);
    Cli.Result kept = Cli.run(concat(args, "13202-01"));
    assertEquals(0, kept.status(), kept::toString);
  }

  @Test
  void aZipCodeIsPlacedByTheZipFileOfItsDateOfService(@TempDir Path tmp) throws IOException {
    Path cms = twoQuarters(tmp, "0");
    String csv =
        "code,zip,locality,date\n"
            + "99213,10001,,2025-05-01\n"
            + "99213,,13202-01,2025-05-01\n"
            + "99213,10001,,2025-11-03\n"
            + "99213,,13282-99,2025-11-03\n"
            + "99213,14604,,2025-05-01\n"
            + "99213,14604,,2025-11-03\n";
    Cli.Result r = Cli.runWithInput(csv, "price", "-i", "-", "--cms-dir", cms.toString());
    assertEquals(1, r.status(), r::toString); // the unknown ZIP code is bad input
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    List<String> amounts = rows.stream().skip(1).map(row -> row.getField(4)).toList();
    assertEquals(amounts.get(1), amounts.get(0), r::toString);
    assertEquals(amounts.get(3), amounts.get(2), r::toString);
    assertFalse(amounts.get(0).equals(amounts.get(2)), r::toString);
    assertEquals("unknown_zip", rows.get(5).getField(5), r::toString);
    assertTrue(rows.get(5).getField(6).endsWith(" on 2025-05-01"), r::toString);
    assertEquals(amounts.get(3), amounts.get(5), r::toString);

    // A batch with --zip: each row without a zip of its own is placed by the ZIP code file of its
    // date too, on the fast path of plain rows (the first two) and the general one (with pos).
    Cli.Result byDefaultZip =
        Cli.runWithInput(
            "code,date,pos\n"
                + "99213,2025-05-01,\n"
                + "99213,2025-11-03,\n"
                + "99213,2025-05-01,11\n"
                + "99213,2025-11-03,11\n",
            "price",
            "-i",
            "-",
            "-z",
            "10001",
            "--cms-dir",
            cms.toString());
    assertEquals(0, byDefaultZip.status(), byDefaultZip::toString);
    List<String> defaultZipAmounts =
        ValidateCommandTest.csv(byDefaultZip.out()).stream()
            .skip(1)
            .map(row -> row.getField(3))
            .toList();
    assertEquals(
        List.of(amounts.get(0), amounts.get(2), amounts.get(0), amounts.get(2)),
        defaultZipAmounts,
        byDefaultZip::toString);
    // --zip 14604 is in no locality in May: those rows say so, the November ones are priced.
    Cli.Result newZip =
        Cli.runWithInput(
            "code,date\n99213,2025-05-01\n99213,2025-11-03\n",
            "price",
            "-i",
            "-",
            "-z",
            "14604",
            "-d",
            "2025-11-03",
            "--cms-dir",
            cms.toString());
    List<CsvRecord> newZipRows = ValidateCommandTest.csv(newZip.out());
    assertEquals("unknown_zip", newZipRows.get(1).getField(3), newZip::toString);
    assertTrue(
        newZipRows
            .get(1)
            .getField(4)
            .equals("ZIP code 14604 of --zip is in no Medicare payment locality on 2025-05-01"),
        newZip::toString);
    assertEquals(amounts.get(2), newZipRows.get(2).getField(2), newZip::toString);

    // In a batch, --date (May, whose file lacks 14604) does not stop the rows of other dates: --zip
    // is refused up front only when no ZIP code file of the directory knows it.
    Cli.Result batchOnMay =
        Cli.runWithInput(
            "code,date\n99213,2025-05-01\n99213,2025-11-03\n",
            "price",
            "-i",
            "-",
            "-z",
            "14604",
            "-d",
            "2025-05-01",
            "--cms-dir",
            cms.toString());
    assertEquals(newZip.out(), batchOnMay.out(), batchOnMay::toString);
    Cli.Result batchUnknown =
        Cli.runWithInput(
            "code,date\n99213,2025-11-03\n",
            "price",
            "-i",
            "-",
            "-z",
            "00000",
            "--cms-dir",
            cms.toString());
    assertEquals(2, batchUnknown.status(), batchUnknown::toString);
    assertTrue(
        batchUnknown
            .err()
            .contains(
                "ZIP code 00000 is in no Medicare payment locality on any date of the ZIP code"
                    + " files of "
                    + cms),
        batchUnknown::toString);

    // A --zip the file of --date lacks is refused up front, saying which date was looked up.
    Cli.Result refused =
        Cli.run("price", "99213", "-z", "14604", "-d", "2025-05-01", "--cms-dir", cms.toString());
    assertEquals(2, refused.status(), refused::toString);
    assertTrue(
        refused
            .err()
            .contains("ZIP code 14604 is in no Medicare payment locality on 2025-05-01 (--date)"),
        refused::toString);

    // One claim: --zip is looked up on --date.
    for (String[] dateAndLocality :
        List.of(new String[] {"2025-05-01", "13202-01"}, new String[] {"2025-11-03", "13282-99"})) {
      String[] claim = {"price", "99213", "-d", dateAndLocality[0], "--cms-dir", cms.toString()};
      Cli.Result byZip = Cli.run(concat(concat(claim, "-z"), "10001"));
      Cli.Result byLocality = Cli.run(concat(concat(claim, "-l"), dateAndLocality[1]));
      assertEquals(0, byZip.status(), byZip::toString);
      assertEquals(byLocality.out(), byZip.out());
    }
    Cli.Result data = Cli.run("data", "--cms-dir", cms.toString());
    assertTrue(
        data.out()
            .contains(
                "ZIP codes from ZIP5_APR2025.txt (to 2025-09-30),"
                    + " ZIP5_OCT2025.txt (2025-10-01 on)\n"),
        data::toString);
  }

  /**
   * A batch's --zip is looked up on each row's date, so whether CMS splits it by ZIP+4 is too: the
   * file of --date (April, which lacks 14604) cannot say, and the rows of October, whose file
   * splits 14604, are counted in the warning, on the fast path of plain rows and the general one.
   */
  @Test
  void aSplitZipOfABatchIsCountedOnEachRowsDate(@TempDir Path tmp) throws IOException {
    Path cms = twoQuarters(tmp, "1");
    Cli.Result r =
        Cli.runWithInput(
            "code,date,pos\n99213,2025-11-03,\n99214,2025-11-03,\n99213,2025-11-03,11\n",
            "price",
            "-i",
            "-",
            "-z",
            "14604",
            "-d",
            "2025-05-01",
            "--cms-dir",
            cms.toString());
    assertEquals(0, r.status(), r::toString);
    assertEquals(
        List.of(
            "cpt price: warning: 3 rows have a ZIP code that CMS splits between payment"
                + " localities and prices by its ZIP+4, which cpt4j does not read: priced in the"
                + " locality of its five-digit row; give a locality column (or --locality) for"
                + " those rows"),
        r.errLines(),
        r::toString);
  }

  /**
   * A directory of the April and October 2025 relative value files, the 2025 GPCIs and made-up
   * extracts of two quarters' ZIP5 files: 10001 is in Manhattan (13202-01) by April's and in the
   * rest of New York (13282-99) by October's, where 14604 first appears, with {@code plusFour} as
   * its ZIP+4 flag.
   */
  private static Path twoQuarters(Path tmp, String plusFour) throws IOException {
    Path cms = Files.createDirectories(tmp.resolve("cms"));
    for (String name :
        List.of("quarterly/PPRRVU25_APR.csv", "PPRRVU2025_Oct.csv", "GPCI2025.csv")) {
      Path file = dir.resolve(name).toAbsolutePath();
      link(cms.resolve(file.getFileName()), file);
    }
    Files.writeString(
        cms.resolve("ZIP5_APR2025.txt"),
        CmsSubset.MARKER + "\n" + zip5("10001", "1320201", "20252"),
        StandardCharsets.ISO_8859_1);
    Files.writeString(
        cms.resolve("ZIP5_OCT2025.txt"),
        CmsSubset.MARKER
            + "\n"
            + zip5("10001", "1328299", "20254")
            + zip5("14604", "1328299", "20254").replace(" Z9   0 ", " Z9   " + plusFour + " "),
        StandardCharsets.ISO_8859_1);
    return cms;
  }

  /** A ZIP5 record: state, ZIP code, contractor and locality number, +4 flag, year and quarter. */
  private static String zip5(String zip, String macAndLocality, String yearQuarter) {
    return "NY" + zip + macAndLocality + " Z9   0 A" + " ".repeat(52) + yearQuarter + "\r\n";
  }

  private static String[] concat(String[] head, String last) {
    String[] all = Arrays.copyOf(head, head.length + 1);
    all[head.length] = last;
    return all;
  }

  @Test
  void dataSaysWhichCorrectedReleaseReplacedWhich(@TempDir Path tmp) throws IOException {
    // 25A as first published and as "RVU25A updated 01/10/2025", unzipped side by side: both keep
    // the title row's RELEASED 12/23/2024, so the download's name says which is the correction.
    Path original = Files.createDirectories(tmp.resolve("cms/rvu25a"));
    Path updated = Files.createDirectories(tmp.resolve("cms/rvu25a-updated-01-10-2025"));
    Path january = dir.resolve("quarterly/PPRRVU25_JAN.csv");
    Files.copy(january, original.resolve("PPRRVU25_JAN.csv"));
    Files.copy(january, updated.resolve("PPRRVU25_JAN.csv"));
    Files.copy(dir.resolve("GPCI2025.csv"), tmp.resolve("cms/GPCI2025.csv"));
    Cli.Result r = Cli.run("data", "--cms-dir", tmp.resolve("cms").toString());
    assertEquals(0, r.status(), r::toString);
    assertTrue(
        r.out()
            .contains(
                "2025A: "
                    + Path.of("rvu25a-updated-01-10-2025", "PPRRVU25_JAN.csv")
                    + " replaces "
                    + Path.of("rvu25a", "PPRRVU25_JAN.csv")
                    + " (its name says updated, the other's does not)"),
        r::toString);

    // The same bytes twice are one file; two copies that differ and that nothing tells apart are
    // refused, naming both (here the twin's first line ends in CRLF, the original's in LF).
    Path twin = Files.createDirectories(tmp.resolve("cms/copy"));
    Files.copy(january, twin.resolve("PPRRVU25_JAN.csv"));
    Files.delete(updated.resolve("PPRRVU25_JAN.csv"));
    Cli.Result same = Cli.run("data", "--cms-dir", tmp.resolve("cms").toString());
    assertEquals(0, same.status(), same::toString);
    assertTrue(same.out().contains("the same bytes as the other"), same::toString);
    String text = Files.readString(january, StandardCharsets.ISO_8859_1);
    Files.writeString(
        twin.resolve("PPRRVU25_JAN.csv"),
        text.replaceFirst("\n", "\r\n"),
        StandardCharsets.ISO_8859_1);
    Cli.Result ambiguous = Cli.run("data", "--cms-dir", tmp.resolve("cms").toString());
    assertEquals(2, ambiguous.status(), ambiguous::toString);
    assertTrue(ambiguous.err().contains("cannot be ordered"), ambiguous::toString);
    assertTrue(
        ambiguous.err().contains(Path.of("copy", "PPRRVU25_JAN.csv").toString()),
        ambiguous::toString);
    assertTrue(
        ambiguous.err().contains(Path.of("rvu25a", "PPRRVU25_JAN.csv").toString()),
        ambiguous::toString);
  }

  @Test
  void dataListsTheReleasesFound() {
    Cli.Result r = Cli.run("data", "--cms-dir", root.toString());
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("2025B  2025-04-01 to 2025-06-30  18923 RVU rows"), r::toString);
    assertTrue(
        r.out().contains("covers 2025-01-01 to 2026-03-31 (releases 2025A, 2025B, 2025C, 2025D,"),
        r::toString);
    Cli.Result none = Cli.run("data", "--cms-dir", dir.resolve("no-such-dir").toString());
    assertEquals(2, none.status(), none::toString);
  }

  @Test
  void theCmsDirectoryPricesEveryPartBLineFromItsOwnFiles() throws IOException {
    // The README's claim over the whole directory: the lab, DMEPOS and drug lines from
    // CLFS_2025_Q1V1.csv (36415 9.09, 80053 10.56), ASP_2025_JAN.csv (J1100 0.108 x 8 = 0.864) and
    // DMEPOS_2025_JAN.csv (E0114 NU, NY non-rural 61.45), the visit from release 2025A.
    Cli.Result r =
        Cli.run(
            "price",
            "99213-25",
            "36415",
            "80053",
            "J1100 x8",
            "E0114-NU",
            "--zip",
            "10001",
            "-d",
            "2025-03-14",
            "-f",
            "csv",
            "--cms-dir",
            root.toString());
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals(
        // and the total: 101.06 from 2025A + 9.09 + 10.56 + 0.86 + 61.45
        List.of("9.09", "10.56", "0.86", "61.45", "183.02"),
        rows.stream().skip(2).map(row -> row.getField(1)).toList(),
        r::toString);
    Cli.Result data = Cli.run("data", "--cms-dir", root.toString());
    assertTrue(data.out().contains("clfs 2025-Q1 V1"), data::toString);
    assertTrue(data.out().contains("Part B: clinical lab "), data::toString);
  }

  @Test
  void zipCodesComeFromTheDirectorysZip5File(@TempDir Path own) throws IOException {
    // A directory of the 2025 relative values and GPCIs, and a ZIP5 file of its own that puts
    // 10001 in Alaska (02102-01), which the bundled table does not.
    link(own.resolve("PPRRVU2025_Oct.csv"), dir.resolve("PPRRVU2025_Oct.csv"));
    link(own.resolve("GPCI2025.csv"), dir.resolve("GPCI2025.csv"));
    String alaska = Files.readAllLines(dir.resolve("ZIP5_OCT2025.txt")).get(0);
    Files.writeString(
        own.resolve("ZIP5_OCT2025.txt"), // its record says 2025 Q4, as the name must
        CmsSubset.MARKER + ": one ZIP code\r\nNY100010210201" + alaska.substring(14) + "\r\n");
    Cli.Result r =
        Cli.run(
            "price",
            "99213",
            "--zip",
            "10001",
            "-d",
            "2025-11-03",
            "-f",
            "csv",
            "--cms-dir",
            own.toString());
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("02102-01"), r::toString);
    Cli.Result bundled =
        Cli.run("price", "99213", "--zip", "10001", "-d", "2025-11-03", "-f", "csv");
    assertTrue(bundled.out().contains("13202-01"), bundled::toString);
  }

  @Test
  void dataNamesTheBundledRowsThatStandInForMissingPartBFiles(@TempDir Path own)
      throws IOException {
    // No lab, equipment or drug file: pricing takes the bundled samples, and data says so.
    link(own.resolve("PPRRVU2025_Oct.csv"), dir.resolve("PPRRVU2025_Oct.csv"));
    link(own.resolve("GPCI2025.csv"), dir.resolve("GPCI2025.csv"));
    Cli.Result data = Cli.run("data", "--cms-dir", own.toString());
    assertEquals(0, data.status(), data::toString);
    assertTrue(
        data.out()
            .contains(
                "bundled sample rows price the kinds without a file: clinical lab"
                    + " clfs-2025-Q1-sample, DMEPOS "),
        data::toString);
    // With all three in the directory, nothing is said.
    assertFalse(
        Cli.run("data", "--cms-dir", root.toString()).out().contains("bundled sample rows"));
  }

  @Test
  void dataListsABrowsersCopyAsNotUsedAndADirectoryInAFilesPlaceIsRefused(@TempDir Path own)
      throws IOException {
    link(own.resolve("PPRRVU2025_Oct.csv"), dir.resolve("PPRRVU2025_Oct.csv"));
    link(own.resolve("GPCI2025.csv"), dir.resolve("GPCI2025.csv"));
    String[] claim = {
      "price", "99213", "-z", "10001", "-d", "2025-10-15", "-f", "csv", "--cms-dir", own.toString()
    };
    String priced = Cli.run(claim).out();
    // A second download, as a browser names it: it was not listed at all.
    Files.copy(dir.resolve("PPRRVU2025_Oct.csv"), own.resolve("PPRRVU2025_Oct (1).csv"));
    Cli.Result data = Cli.run("data", "--cms-dir", own.toString());
    assertEquals(0, data.status(), data::toString);
    assertTrue(
        data.out().contains("\n  copy  PPRRVU2025_Oct (1).csv  (not used)\n"), data::toString);
    Cli.Result again = Cli.run(claim);
    assertEquals(0, again.status(), again::toString);
    assertEquals(priced, again.out());
    // A directory in the ZIP5 file's place: the bundled table placed ZIP codes, without a word.
    Files.createDirectory(own.resolve("ZIP5_OCT2025.txt"));
    Cli.Result refused = Cli.run(claim);
    assertEquals(2, refused.status(), refused::toString);
    assertEquals(List.of("cpt price: ZIP5_OCT2025.txt: not a regular file"), refused.errLines());
  }

  @Test
  void localitiesFromTheFullGpciFile() {
    Cli.Result r = Cli.run("localities", "--gpci", file("GPCI2025.csv"), "--state", "AK");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("02102-01  AK     ALASKA"), r::toString);
  }
}
