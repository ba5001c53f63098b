package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.cli.price.MedicareData;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is there and cannot be read or written (an I/O error, a full disk) is named by its
 * option, as a missing one is ({@link FileMessagesTest}): {@code cannot read --gpci 'FILE':
 * reason}, a file of {@code --cms-dir} after the directory, {@code cannot write --output 'FILE':
 * reason}. Those failures said {@code cannot read 'FILE': reason}, or {@code cannot read the fee
 * schedule}, {@code cannot price 'FILE'}, {@code cannot write 'FILE'}, without the option.
 *
 * <p>The read failures are real ones: reading {@code /proc/self/mem} from its start fails with an
 * I/O error, even as root (who reads any file whatever its permissions), though it is a regular
 * file that every check before the read lets through.
 */
class ReadWriteFailureMessagesTest {

  private static final String FAILS = "/proc/self/mem";

  @TempDir Path dir;

  /** Skips the test where reading {@link #FAILS} does not fail as on Linux. */
  private static void assumeReadingFails() {
    Path file = Path.of(FAILS);
    assumeTrue(Files.isRegularFile(file), "no " + FAILS + " here");
    boolean fails;
    try (InputStream in = Files.newInputStream(file)) {
      in.read();
      fails = false;
    } catch (IOException e) {
      fails = "Input/output error".equals(e.getMessage());
    }
    assumeTrue(fails, "reading " + FAILS + " does not fail with an I/O error here");
  }

  /**
   * Runs {@code cpt ARGS} over the real data, expecting status 2 and one line, which it returns.
   */
  private static String error(String stdin, String... args) {
    Cli.Result r = Cli.runWithInput(stdin, args);
    assertEquals(2, r.status(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    return r.errLines().get(0);
  }

  @Test
  void eachDataOptionOfPriceNamesItself() {
    assumeReadingFails();
    for (String option : Cli.PRICE_DATA_OPTIONS) {
      // Was "cannot read the fee schedule: ..." (or "the NCCI edits"), naming neither.
      assertEquals(
          "cpt price: cannot read " + option + " '" + FAILS + "': Input/output error",
          error("", "price", "99213", "-z", "10001", "--date", "2025-10-15", option, FAILS),
          option);
    }
  }

  @Test
  void aDataFileAmongOthersIsNamedByItsOption() throws IOException {
    assumeReadingFails();
    Path gpci = Cli.copyBundled("gpci-2025.csv", dir.resolve("GPCI2025.csv"));
    assertEquals(
        "cpt price: cannot read --clfs '" + FAILS + "': Input/output error",
        error(
            "",
            "price",
            "99213",
            "-z",
            "10001",
            "--date",
            "2025-10-15",
            "--gpci",
            gpci.toString(),
            "--clfs",
            FAILS));
  }

  @Test
  void theFailingOneOfTheFilesOfTheFeeSchedule() throws IOException {
    assumeReadingFails();
    Path rvu = Cli.copyBundled("pprrvu-2025-oct-sample.csv", dir.resolve("PPRRVU2025_Oct.csv"));
    // Read together by the library: was "cannot read the fee schedule: ...", naming neither.
    assertEquals(
        "cpt price: cannot read --gpci '" + FAILS + "': Input/output error",
        error(
            "",
            "price",
            "99213",
            "-z",
            "10001",
            "--date",
            "2025-10-15",
            "--rvu",
            rvu.toString(),
            "--gpci",
            FAILS));
  }

  @Test
  void theFailingPartOfThePtpTable() throws IOException {
    assumeReadingFails();
    Path first = Files.writeString(dir.resolve("ccipra-v322r0-f1.txt"), ScrubCommandTest.PTP);
    Path second = Files.createSymbolicLink(dir.resolve("ccipra-v322r0-f2.txt"), Path.of(FAILS));
    // Read together by the library: was "cannot read the NCCI edits: ...", naming neither part.
    assertEquals(
        "cpt scrub: cannot read --ptp '" + second + "': Input/output error",
        error(
            "code\n99213\n",
            "scrub",
            "-i",
            "-",
            "--ptp",
            first.toString(),
            "--ptp",
            second.toString()));
  }

  @Test
  void theEditsOfScrub() throws IOException {
    assumeReadingFails();
    Path ptp = Files.writeString(dir.resolve("ptp.txt"), ScrubCommandTest.PTP);
    for (String option : List.of("--ptp", "--mue")) {
      assertEquals(
          "cpt scrub: cannot read " + option + " '" + FAILS + "': Input/output error",
          error("code\n99213\n", "scrub", "-i", "-", option, FAILS),
          option);
    }
    // One table of two: that table is named, not "the NCCI edits".
    assertEquals(
        "cpt scrub: cannot read --mue '" + FAILS + "': Input/output error",
        error("code\n99213\n", "scrub", "-i", "-", "--ptp", ptp.toString(), "--mue", FAILS));
  }

  @Test
  void theGpciFileOfLocalities() {
    assumeReadingFails();
    assertEquals(
        "cpt localities: cannot read --gpci '" + FAILS + "': Input/output error",
        error("", "localities", "--state", "NY", "--gpci", FAILS));
  }

  @Test
  void theCodeSetOfValidate() {
    assumeReadingFails();
    // Was "cannot read 'FILE': ...", without the option.
    assertEquals(
        "cpt validate: cannot read --codes '" + FAILS + "': Input/output error",
        error("99213\n", "validate", "--rules", "--codes", FAILS));
  }

  @Test
  void theInputOfPriceAndScrub() throws IOException {
    assumeReadingFails();
    Path ptp = Files.writeString(dir.resolve("ptp.txt"), ScrubCommandTest.PTP);
    // Was "cannot read 'FILE': ...", without the option.
    assertEquals(
        "cpt price: cannot read --input '" + FAILS + "': Input/output error",
        error("", "price", "-z", "10001", "-i", FAILS));
    assertEquals(
        "cpt scrub: cannot read --input '" + FAILS + "': Input/output error",
        error("", "scrub", "--ptp", ptp.toString(), "-i", FAILS));
  }

  @Test
  void anInputThatFailsHalfwayIsReadNotPricedOrScrubbed() throws IOException {
    Path ptp = Files.writeString(dir.resolve("ptp.txt"), ScrubCommandTest.PTP);
    List<String[]> commands = new ArrayList<>();
    commands.add(new String[] {"price", "-i", "-", "-z", "10001", "--date", "2025-10-15"});
    commands.add(new String[] {"scrub", "-i", "-", "--ptp", ptp.toString()});
    for (String[] args : commands) {
      StringWriter err = new StringWriter();
      int status =
          Main.run(
              args,
              Cli.failingAfter("code\n" + "99213\n".repeat(5_000)),
              new PrintWriter(new StringWriter()),
              new PrintWriter(err),
              false,
              new MedicareData());
      assertEquals(2, status, err::toString);
      // Was "cannot price standard input: ..." ("cannot scrub"): the failure was the read's.
      assertEquals(
          "cpt " + args[0] + ": cannot read standard input: Input/output error",
          err.toString().strip());
    }
  }

  @Test
  void aFileOfTheCmsDirectoryIsNamedAfterTheDirectory() throws IOException {
    assumeReadingFails();
    Path root = dir.resolve("cms");
    Path cms = Files.createDirectories(root.resolve("25d"));
    Cli.copyBundled("pprrvu-2025-oct-sample.csv", cms.resolve("PPRRVU2025_Oct.csv"));
    Files.createSymbolicLink(cms.resolve("GPCI2025.csv"), Path.of(FAILS));
    String expected =
        ": cannot read --cms-dir '"
            + root
            + "': "
            + Path.of("25d", "GPCI2025.csv")
            + ": Input/output error";
    // Was "cannot read '25d/GPCI2025.csv': ...", without the option or the directory.
    assertEquals(
        "cpt price" + expected,
        error("", "price", "99213", "-z", "10001", "--date", "2025-10-15", "--cms-dir", "" + root));
    assertEquals("cpt data" + expected, error("", "data", "--cms-dir", root.toString()));
  }

  @Test
  void aFailedOpenNamesTheOption() throws IOException {
    // Under a file, no directory: not a failure the check before the run tells.
    Path under = Files.writeString(dir.resolve("file.csv"), "code\n").resolve("x.csv");
    CliException e =
        assertThrows(
            CliException.class,
            () -> Inputs.open("--input", under.toString(), InputStream.nullInputStream()));
    assertEquals("cannot read --input '" + under + "': Not a directory", e.getMessage());
  }

  @Test
  void aSyncThatFailsIsNamedByTheOutputOption() throws IOException {
    Path in = Files.writeString(dir.resolve("in.csv"), "code\n99213\n99214\n");
    Path out = Files.writeString(dir.resolve("out.csv"), "old\n");
    CptCommand top =
        new CptCommand(
            InputStream.nullInputStream(),
            false,
            // A step of one byte: the first write starts a sync, and it fails as a disk does.
            sync ->
                new WriteBehind(
                    1,
                    () -> {
                      throw new IOException("Input/output error");
                    }));
    StringWriter stderr = new StringWriter();
    String[] args = {
      "price", "-i", in.toString(), "-o", out.toString(), "-z", "10001", "--date", "2025-10-15"
    };
    int status =
        Main.run(
            args,
            top,
            new PrintWriter(new StringWriter()),
            new PrintWriter(stderr),
            new FakeData());
    assertEquals(2, status, stderr::toString);
    // Was "cannot write 'out.csv': ...", without the option.
    assertEquals(
        "cpt price: cannot write --output '" + out + "': Input/output error",
        stderr.toString().strip());
    assertEquals("old\n", Files.readString(out));
  }

  @Test
  void aWriteThatFailsIsNamedByTheOutputOption() throws IOException {
    Path full = Path.of("/dev/full");
    assumeTrue(Files.exists(full), "a system with /dev/full");
    try (Destination out =
        Destination.of("--output", full.toString(), new PrintWriter(new StringWriter()))) {
      out.open().write("code\n");
      IOException e = assertThrows(IOException.class, out::commit);
      // Was "cannot write '/dev/full': ...", without the option.
      assertEquals("cannot write --output '/dev/full': No space left on device", e.getMessage());
    }
  }
}
