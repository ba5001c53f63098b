package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cpt4j.cli.report.OutputFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path that should be a file, and is a directory or is missing, gets one wording whichever option
 * named it, as {@link DirectoryMessagesTest}'s do: the option, the path, then {@code it is a
 * directory} or {@code no such file}, with status 2 and nothing written. The data options said
 * {@code not a regular file} for a directory, and none named its option.
 */
class FileMessagesTest {

  @TempDir Path dir;

  private Path directory;
  private Path missing;

  @BeforeEach
  void paths() throws IOException {
    directory = Files.createDirectory(dir.resolve("data.csv"));
    missing = dir.resolve("missing.csv");
  }

  /** Runs {@code cpt ARGS} over {@link FakeData}, with {@code stdin}, expecting one error line. */
  private static String error(String stdin, String... args) {
    return Cli.refusal(stdin, args);
  }

  @Test
  void eachDataOptionOfPriceNamesItselfAndSaysItIsADirectory() {
    for (String option : Cli.PRICE_DATA_OPTIONS) {
      // Was "cannot read 'DIR': not a regular file", without the option.
      assertEquals(
          "cpt price: cannot read " + option + " '" + directory + "': it is a directory",
          error("", "price", "99213", "-z", "10001", option, directory.toString()),
          option);
      assertEquals(
          "cpt price: cannot read " + option + " '" + missing + "': no such file",
          error("", "price", "99213", "-z", "10001", option, missing.toString()),
          option);
    }
  }

  @Test
  void aDataOptionOfABatchToo() {
    assertEquals(
        "cpt price: cannot read --gpci '" + directory + "': it is a directory",
        error("code\n99213\n", "price", "-i", "-", "-z", "10001", "--gpci", directory.toString()));
  }

  @Test
  void aDeviceIsNotARegularFile() {
    Path device = Path.of("/dev/null");
    assumeTrue(Files.exists(device) && !Files.isRegularFile(device), "no /dev/null here");
    assertEquals(
        "cpt price: cannot read --rvu '" + device + "': not a regular file",
        error("", "price", "99213", "-z", "10001", "--rvu", device.toString()));
  }

  @Test
  void theEditsOfScrub() {
    for (String option : List.of("--ptp", "--mue")) {
      assertEquals(
          "cpt scrub: cannot read " + option + " '" + directory + "': it is a directory",
          error("code\n99213\n", "scrub", "-i", "-", option, directory.toString()),
          option);
      assertEquals(
          "cpt scrub: cannot read " + option + " '" + missing + "': no such file",
          error("code\n99213\n", "scrub", "-i", "-", option, missing.toString()),
          option);
    }
  }

  @Test
  void theGpciFileOfLocalities() {
    assertEquals(
        "cpt localities: cannot read --gpci '" + directory + "': it is a directory",
        error("", "localities", "--state", "NY", "--gpci", directory.toString()));
  }

  @Test
  void theCodeSetOfValidate() {
    // Was the loader's "cannot read 'DIR': is a directory, not a file".
    assertEquals(
        "cpt validate: cannot read --codes '" + directory + "': it is a directory",
        error("99213\n", "validate", "--rules", "--codes", directory.toString()));
    assertEquals(
        "cpt validate: cannot read --codes '" + missing + "': no such file",
        error("99213\n", "validate", "--rules", "--codes", missing.toString()));
  }

  @Test
  void theInputOfPriceAndScrub() throws IOException {
    Path ptp = Files.writeString(dir.resolve("ptp.txt"), ScrubCommandTest.PTP);
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of("price", "-z", "10001", "-i"));
    commands.add(List.of("price", "-z", "10001", "--input"));
    commands.add(List.of("scrub", "--ptp", ptp.toString(), "-i"));
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add(directory.toString());
      // Was "cannot read 'DIR': it is a directory", without the option.
      assertEquals(
          "cpt " + command.get(0) + ": cannot read --input '" + directory + "': it is a directory",
          error("", args.toArray(String[]::new)),
          command::toString);
    }
  }

  /**
   * A missing or directory input is refused before the data and edits are read, as the output is:
   * both commands loaded every data file (a whole PTP table takes seconds) before saying it, and a
   * bad data file was the error instead.
   */
  @Test
  void anInputThatIsNoFileIsRefusedBeforeTheDataLoads() throws IOException {
    // Not a PTP file: read first, it would be the error.
    Path ptp = Files.writeString(dir.resolve("ptp.txt"), "not an edit table\n");
    for (Path input : List.of(missing, directory)) {
      String why = input.equals(missing) ? "no such file" : "it is a directory";
      assertEquals(
          "cpt scrub: cannot read --input '" + input + "': " + why,
          error("", "scrub", "--ptp", ptp.toString(), "-i", input.toString()));
      assertEquals(
          "cpt price: cannot read --input '" + input + "': " + why,
          error("", "price", "-z", "10001", "--ptp", ptp.toString(), "-i", input.toString()));
    }
  }

  /**
   * A name ending in a slash names a directory, as the output's does ({@link
   * DirectoryMessagesTest}): Java's paths drop the slash, so {@code --input a.csv/} read a.csv,
   * where the system and its tools say it is not a directory.
   */
  @Test
  void anInputEndingInASlashIsNoFile() throws IOException {
    Path file = Files.writeString(dir.resolve("lines.csv"), "code\n99213\n");
    assertEquals(
        "cpt price: cannot read --input '" + file + "/': not a directory",
        error("", "price", "-z", "10001", "-i", file + "/"));
    assertEquals(
        "cpt validate: cannot read '" + file + "/': not a directory",
        error("", "validate", file + "/"));
    assertEquals(
        "cpt price: cannot read --input '" + missing + "/': no such file",
        error("", "price", "-z", "10001", "-i", missing + "/"));
    assertEquals(
        "cpt price: cannot read --input '" + directory + "/': it is a directory",
        error("", "price", "-z", "10001", "-i", directory + "/"));
  }

  /**
   * So does the name of a data file, whatever option gives it: picocli makes the value a {@link
   * Path}, which drops the slash, and {@code --gpci GPCI2025.csv/} read GPCI2025.csv.
   */
  @Test
  void aDataFileEndingInASlashIsNoFile() throws IOException {
    Path file = Files.writeString(dir.resolve("GPCI2025.csv"), "not read\n");
    for (String option : Cli.PRICE_DATA_OPTIONS) {
      assertEquals(
          "cpt price: cannot read " + option + " '" + file + "/': not a directory",
          error("", "price", "99213", "-z", "10001", option, file + "/"),
          option);
      assertEquals(
          "cpt price: cannot read " + option + " '" + missing + "/': no such file",
          error("", "price", "99213", "-z", "10001", option, missing + "/"),
          option);
      assertEquals(
          "cpt price: cannot read " + option + " '" + directory + "/': it is a directory",
          error("", "price", "99213", "-z", "10001", option, directory + "/"),
          option);
    }
    // One part of several is named as given, the others read well.
    Path ptp = Files.writeString(dir.resolve("ptp.txt"), ScrubCommandTest.PTP);
    assertEquals(
        "cpt price: cannot read --ptp '" + file + "/': not a directory",
        error("", "price", "99213", "-z", "10001", "--ptp", ptp.toString(), "--ptp", file + "/"));
    for (String option : List.of("--ptp", "--mue")) {
      assertEquals(
          "cpt scrub: cannot read " + option + " '" + file + "/': not a directory",
          error("code\n99213\n", "scrub", "-i", "-", option, file + "/"),
          option);
    }
    assertEquals(
        "cpt localities: cannot read --gpci '" + file + "/': not a directory",
        error("", "localities", "--state", "NY", "--gpci", file + "/"));
    assertEquals(
        "cpt validate: cannot read --codes '" + file + "/': not a directory",
        error("99213\n", "validate", "--rules", "--codes", file + "/"));
  }

  @Test
  void theFileOfValidateIsNoOptionAndNamesNone() {
    assertEquals(
        "cpt validate: cannot read '" + directory + "': it is a directory",
        error("", "validate", directory.toString()));
  }

  @Test
  void theOutputOfPriceAndScrub() throws IOException {
    Path ptp = Files.writeString(dir.resolve("ptp.txt"), ScrubCommandTest.PTP);
    List<List<String>> commands = new ArrayList<>();
    commands.add(List.of("price", "99213", "-z", "10001", "-o"));
    commands.add(List.of("price", "-i", "-", "-z", "10001", "--output"));
    commands.add(List.of("scrub", "-i", "-", "--ptp", ptp.toString(), "-o"));
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add(directory.toString());
      // Was "cannot write 'DIR': it is a directory", without the option.
      assertEquals(
          "cpt "
              + command.get(0)
              + ": cannot write --output '"
              + directory
              + "': it is a directory",
          error("code\n99213\n", args.toArray(String[]::new)),
          command::toString);
    }
  }

  /** A directory as the output is refused before the edits are read, not after. */
  @Test
  void aScrubsOutputThatIsADirectoryIsRefusedBeforeItsEditsLoad() throws IOException {
    // Not a PTP file: read first, it would be the error.
    Path ptp = Files.writeString(dir.resolve("ptp.txt"), "not an edit table\n");
    assertEquals(
        "cpt scrub: cannot write --output '" + directory + "': it is a directory",
        error(
            "code\n99213\n",
            "scrub",
            "-i",
            "-",
            "--ptp",
            ptp.toString(),
            "-o",
            directory.toString()));
  }

  @Test
  void anOutputWhoseDirectoryWentAwayDuringTheRunIsToldAsBeforeIt() throws IOException {
    Path gone = Files.createDirectory(dir.resolve("gone"));
    Path target = gone.resolve("out.csv");
    try (Destination out =
        Destination.of("--output", target.toString(), new PrintWriter(new StringWriter()))) {
      Files.delete(gone);
      // Was "cannot write 'DIR/out.csv': no such directory", without the option or the directory.
      OutputFailedException e = assertThrows(OutputFailedException.class, out::open);
      assertEquals(
          "cannot write --output '" + target + "': '" + gone + "': no such directory",
          e.getMessage());
    }
  }

  @Test
  void anOutputWhoseDirectoryBecameAFileBeforeTheRenameIsToldAsBeforeTheRun() throws IOException {
    Path replaced = Files.createDirectory(dir.resolve("replaced"));
    Path target = replaced.resolve("out.csv");
    try (Destination out =
        Destination.of("--output", target.toString(), new PrintWriter(new StringWriter()))) {
      out.open().write("code\n");
      try (var files = Files.list(replaced)) {
        for (Path temporary : files.toList()) {
          Files.delete(temporary);
        }
      }
      Files.delete(replaced);
      Files.writeString(replaced, "a file now\n");
      // Was the system's words for the rename, without the option or the directory.
      OutputFailedException e = assertThrows(OutputFailedException.class, out::commit);
      assertEquals(
          "cannot write --output '" + target + "': '" + replaced + "': not a directory",
          e.getMessage());
    }
  }
}
