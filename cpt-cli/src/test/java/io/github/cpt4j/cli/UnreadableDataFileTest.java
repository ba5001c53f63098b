package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data file that cannot be read (permission denied) is named, with its option, as {@code --input}
 * is: "cannot read the fee schedule" or "the NCCI edits" said which of several files loaded
 * together only by option, and a file of {@code --cms-dir} was blamed on the readable directory; a
 * file of the directory is named after it, by its path in it. The tests that take a file's
 * permissions away are skipped where that does not stop reading it (as root).
 */
class UnreadableDataFileTest {

  @TempDir Path dir;

  @Test
  void aLoadFailureNamesTheFileItIsAboutAndItsOption() {
    List<Map.Entry<String, Path>> files =
        List.of(
            Map.entry("--rvu", Path.of("PPRRVU2025_Oct.csv")),
            Map.entry("--gpci", Path.of("GPCI2025.csv")));
    CliException named =
        Inputs.loadFailure(
            new UncheckedIOException(new AccessDeniedException("GPCI2025.csv")),
            files,
            "the fee schedule");
    assertEquals("cannot read --gpci 'GPCI2025.csv': permission denied", named.getMessage());
    // A file no option named keeps its name alone.
    CliException other =
        Inputs.loadFailure(
            new UncheckedIOException(new AccessDeniedException("other.csv")),
            files,
            "the fee schedule");
    assertEquals("cannot read 'other.csv': permission denied", other.getMessage());
    // Without a file to name, what was being read.
    CliException unnamed =
        Inputs.loadFailure(
            new UncheckedIOException(new IOException("Input/output error")),
            files,
            "the fee schedule");
    assertEquals("cannot read the fee schedule: Input/output error", unnamed.getMessage());
  }

  @Test
  void aLoadFailureOfADirectoryNamesItsOptionThenTheFile() {
    Path cms = Path.of("cms");
    String shown = Path.of("25d", "GPCI2025.csv").toString();
    assertEquals(
        "cannot read --cms-dir 'cms': " + shown + ": permission denied",
        Inputs.loadFailure(
                new UncheckedIOException(new AccessDeniedException(shown)), "--cms-dir", cms)
            .getMessage());
    // The directory itself, as the data names it (absolute), or a failure naming no file.
    assertEquals(
        "cannot read --cms-dir 'cms': permission denied",
        Inputs.loadFailure(
                new UncheckedIOException(
                    new AccessDeniedException(cms.toAbsolutePath().toString())),
                "--cms-dir",
                cms)
            .getMessage());
    assertEquals(
        "cannot read --cms-dir 'cms': Input/output error",
        Inputs.loadFailure(
                new UncheckedIOException(new IOException("Input/output error")), "--cms-dir", cms)
            .getMessage());
  }

  @Test
  void everyDataOptionNamesItsUnreadableFile() throws IOException {
    Path file = unreadable(Files.writeString(dir.resolve("X.csv"), "x\n"));
    String x = file.toString();
    List<List<String>> commands = new ArrayList<>();
    for (String option : Cli.PRICE_DATA_OPTIONS) {
      commands.add(List.of("price", "99213", "--zip", "10001", "--date", "2025-10-15", option, x));
    }
    for (String option : List.of("--ptp", "--mue")) {
      commands.add(List.of("scrub", "--input", "-", option, x));
    }
    for (List<String> command : commands) {
      Cli.Result r = Cli.runWithInput("code\n99213\n", command.toArray(String[]::new));
      assertEquals(2, r.status(), () -> command + "\n" + r);
      assertEquals(
          List.of(
              "cpt "
                  + command.get(0)
                  + ": cannot read "
                  + command.get(command.size() - 2)
                  + " '"
                  + x
                  + "': permission denied"),
          r.errLines(),
          command::toString);
    }
  }

  @Test
  void aFileOfTheCmsDirectoryIsNamedByItsPathInIt() throws IOException {
    Path cms = Files.createDirectories(dir.resolve("cms").resolve("25d"));
    Cli.copyBundled("pprrvu-2025-oct-sample.csv", cms.resolve("PPRRVU2025_Oct.csv"));
    unreadable(Cli.copyBundled("gpci-2025.csv", cms.resolve("GPCI2025.csv")));
    String shown = Path.of("25d", "GPCI2025.csv").toString();
    String root = dir.resolve("cms").toString();
    String expected = "cannot read --cms-dir '" + root + "': " + shown + ": permission denied";
    Cli.Result data = Cli.run("data", "--cms-dir", root);
    assertEquals(2, data.status(), data::toString);
    assertEquals(List.of("cpt data: " + expected), data.errLines());
    Cli.Result price =
        Cli.run("price", "99213", "--zip", "10001", "--date", "2025-10-15", "--cms-dir", root);
    assertEquals(2, price.status(), price::toString);
    assertEquals(List.of("cpt price: " + expected), price.errLines());
  }

  @Test
  void aDirectoryInPlaceOfACmsFileIsRefusedByItsPath() throws IOException {
    // The release was refused for a missing GPCI file, far from the cause.
    Path cms = Files.createDirectories(dir.resolve("cms").resolve("25d"));
    Cli.copyBundled("pprrvu-2025-oct-sample.csv", cms.resolve("PPRRVU2025_Oct.csv"));
    Files.createDirectory(cms.resolve("GPCI2025.csv"));
    String root = dir.resolve("cms").toString();
    String refused = Path.of("25d", "GPCI2025.csv") + ": not a regular file";
    Cli.Result price =
        Cli.run("price", "99213", "--zip", "10001", "--date", "2025-10-15", "--cms-dir", root);
    assertEquals(2, price.status(), price::toString);
    assertEquals(List.of("cpt price: " + refused), price.errLines());
    Cli.Result data = Cli.run("data", "--cms-dir", root);
    assertEquals(2, data.status(), data::toString);
    assertEquals(List.of("cpt data: " + refused), data.errLines());
  }

  /**
   * {@code cpt data} without {@code --cms-dir} reads the bundled data: a failure to read it names
   * no option and no directory, and was an internal error (the missing directory's null, named in
   * the message) instead of the one line that says what could not be read.
   */
  @Test
  void theBundledDataOfDataIsNamedWithoutADirectory() {
    FakeData failing =
        new FakeData() {
          @Override
          public String describe(Optional<Path> cmsDirectory) {
            throw new UncheckedIOException(new IOException("Input/output error"));
          }
        };
    Cli.Result r = Cli.runWith(failing, new byte[0], "data");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        List.of("cpt data: cannot read the bundled data: Input/output error"), r.errLines());
  }

  /** Takes {@code file}'s permissions away; skips the test where it can still be read. */
  private static Path unreadable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, Set.<PosixFilePermission>of());
    assumeFalse(Files.isReadable(file), "a file without permissions is readable here (root)");
    return file;
  }
}
