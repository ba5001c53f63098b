package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path that should be a directory, and is a file or is missing, gets one wording whichever option
 * named it: the option, the path, then {@code no such directory} or {@code not a directory}, with
 * status 2 and nothing written.
 */
class DirectoryMessagesTest {

  @TempDir Path dir;

  private Path file;
  private Path missing;

  @BeforeEach
  void paths() throws IOException {
    file = Files.writeString(dir.resolve("file.csv"), "code\n99213\n");
    missing = dir.resolve("missing");
  }

  /** Runs {@code cpt ARGS} over {@link FakeData}, with {@code stdin}, expecting one error line. */
  private static String error(String stdin, String... args) {
    return Cli.refusal(stdin, args);
  }

  @Test
  void priceCmsDir() {
    assertEquals(
        "cpt price: cannot read --cms-dir '" + missing + "': no such directory",
        error("", "price", "99213", "-z", "10001", "--cms-dir", missing.toString()));
    assertEquals(
        "cpt price: cannot read --cms-dir '" + file + "': not a directory",
        error("", "price", "99213", "-z", "10001", "--cms-dir", file.toString()));
  }

  @Test
  void dataCmsDir() {
    assertEquals(
        "cpt data: cannot read --cms-dir '" + missing + "': no such directory",
        error("", "data", "--cms-dir", missing.toString()));
    assertEquals(
        "cpt data: cannot read --cms-dir '" + file + "': not a directory",
        error("", "data", "--cms-dir", file.toString()));
  }

  /**
   * A directory without a relative value file is refused as the option's other problems are, by the
   * option and the name given: it was {@code cpt data: /abs/path/empty: no relative value file
   * ...}, naming neither.
   */
  @Test
  void aCmsDirWithoutRelativeValuesNamesTheOption() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    String why =
        "no relative value file (PPRRVU25_JAN.csv, PPRRVU2025_Oct.csv...) in the directory or its"
            + " sub-directories up to 8 levels down";
    Cli.Result data = Cli.run("data", "--cms-dir", empty.toString());
    assertEquals(2, data.status(), data::toString);
    assertEquals(
        List.of("cpt data: cannot read --cms-dir '" + empty + "': " + why), data.errLines());
    Cli.Result price = Cli.run("price", "99213", "-z", "10001", "--cms-dir", empty.toString());
    assertEquals(2, price.status(), price::toString);
    assertEquals(
        List.of("cpt price: cannot read --cms-dir '" + empty + "': " + why), price.errLines());
  }

  @Test
  void priceOutputOfLines() {
    // Was "cannot write '.../out.csv': no such directory" without the option, and the system's
    // "Not a directory" for a file, once the lines were priced.
    assertEquals(
        "cpt price: cannot write --output '"
            + missing.resolve("out.csv")
            + "': '"
            + missing
            + "': no such directory",
        error("", "price", "99213", "-z", "10001", "-o", missing.resolve("out.csv").toString()));
    assertEquals(
        "cpt price: cannot write --output '"
            + file.resolve("out.csv")
            + "': '"
            + file
            + "': not a directory",
        error("", "price", "99213", "-z", "10001", "-o", file.resolve("out.csv").toString()));
  }

  /**
   * A name ending in a slash names a directory. Java's paths drop the slash: {@code -o out/}, out
   * missing, wrote the file {@code out}, and {@code -o file.csv/} replaced file.csv, with status 0.
   */
  @Test
  void anOutputEndingInASlashNamesADirectory() throws IOException {
    assertEquals(
        "cpt price: cannot write --output '" + missing + "/': '" + missing + "': no such directory",
        error("code\n99213\n", "price", "-i", "-", "-z", "10001", "-o", missing + "/"));
    assertEquals(
        "cpt price: cannot write --output '" + file + "/': '" + file + "': not a directory",
        error("", "price", "99213", "-z", "10001", "-o", file + "/"));
    assertEquals(false, Files.exists(missing));
    assertEquals("code\n99213\n", Files.readString(file));
  }

  @Test
  void priceOutputOfABatch() {
    assertEquals(
        "cpt price: cannot write --output '"
            + missing.resolve("out.csv")
            + "': '"
            + missing
            + "': no such directory",
        error(
            "code\n99213\n",
            "price",
            "-i",
            "-",
            "-z",
            "10001",
            "-o",
            missing.resolve("out.csv").toString()));
    assertEquals(
        "cpt price: cannot write --output '"
            + file.resolve("out.csv")
            + "': '"
            + file
            + "': not a directory",
        error(
            "code\n99213\n",
            "price",
            "-i",
            "-",
            "-z",
            "10001",
            "-o",
            file.resolve("out.csv").toString()));
  }

  @Test
  void scrubOutput() {
    // Refused before the edits are loaded: the file given as --ptp is never read.
    assertEquals(
        "cpt scrub: cannot write --output '"
            + missing.resolve("out.csv")
            + "': '"
            + missing
            + "': no such directory",
        error(
            "code\n99213\n",
            "scrub",
            "-i",
            "-",
            "--ptp",
            file.toString(),
            "-o",
            missing.resolve("out.csv").toString()));
    assertEquals(
        "cpt scrub: cannot write --output '"
            + file.resolve("out.csv")
            + "': '"
            + file
            + "': not a directory",
        error(
            "code\n99213\n",
            "scrub",
            "-i",
            "-",
            "--ptp",
            file.toString(),
            "-o",
            file.resolve("out.csv").toString()));
  }

  @Test
  void anOutputInTheCurrentDirectoryOrOnStandardOutputHasNoDirectoryToCheck() {
    Destination.checkDirectory("--output", null);
    Destination.checkDirectory("--output", "-");
    Destination.checkDirectory("--output", "out.csv");
  }
}
