package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names in error lines are escaped and kept short, as every other value a message quotes: a
 * name is given by whoever wrote the command, and reached the terminal raw.
 */
class FileNameMessagesTest {

  @Test
  void controlCharactersOfANameAreEscaped() {
    String name = "no\nsuch\u001b[31mfile\u202e.csv";
    for (String command : List.of("validate", "price")) {
      Cli.Result r =
          command.equals("validate")
              ? Cli.run("validate", name)
              : Cli.run("price", "--input", name, "--date", "2025-06-02");
      assertEquals(2, r.status(), r::toString);
      assertEquals(
          List.of(
              "cpt "
                  + command
                  + (command.equals("validate") ? ": cannot read '" : ": cannot read --input '")
                  + "no\\u000asuch\\u001b[31mfile\\u202e.csv': no such file"),
          r.errLines());
    }
  }

  @Test
  void printableNonAsciiOfANameStaysReadable(@TempDir Path dir) throws Exception {
    // Only what acts on the terminal is escaped: an accented or CJK name is shown as it is.
    Cli.Result missing = Cli.run("validate", "caf\u00e9-\u8a3a\u7642.txt");
    assertEquals(
        List.of("cpt validate: cannot read 'caf\u00e9-\u8a3a\u7642.txt': no such file"),
        missing.errLines());
    Path file = Files.writeString(dir.resolve("caf\u00e9\u001b.csv"), "not a CMS file\n");
    Cli.Result junk = Cli.run("localities", "--gpci", file.toString());
    assertEquals(2, junk.status(), junk::toString);
    assertTrue(junk.err().contains("caf\u00e9\\u001b.csv"), junk::toString);
  }

  @Test
  void aDataFileTheLibraryRefusesIsNamedEscapedToo(@TempDir Path dir) throws Exception {
    // The loaders' own messages (DataLoadException: "FILE, line 3, column 5: ...") named the file
    // raw, so an escape sequence in its name reached the terminal and acted there.
    Path file = Files.writeString(dir.resolve("gpci\u001b[31m\u202e.csv"), "not a CMS file\n");
    List<List<String>> runs =
        List.of(
            List.of("localities", "--gpci", file.toString()),
            List.of("price", "99213", "-z", "10001", "--gpci", file.toString()),
            List.of("price", "99213", "-z", "10001", "--rvu", file.toString()));
    for (List<String> args : runs) {
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.status(), r::toString);
      assertEquals(1, r.errLines().size(), r::toString);
      String line = r.errLines().get(0);
      assertTrue(line.contains("gpci\\u001b[31m\\u202e.csv"), line);
      assertTrue(line.chars().noneMatch(c -> c == 0x1b || c == 0x202e), line);
    }
  }

  @Test
  void cptDataListsTheFilesOfADirectoryEscaped(@TempDir Path dir) throws Exception {
    // The list of the files found printed their paths raw: a sub-directory whose name holds an
    // escape sequence acted on the terminal.
    Path sub = Files.createDirectories(dir.resolve("cms").resolve("d\u001b[31m\u202e"));
    Cli.copyBundled("pprrvu-2025-oct-sample.csv", sub.resolve("PPRRVU2025_Oct.csv"));
    Cli.copyBundled("gpci-2025.csv", sub.resolve("GPCI2025.csv"));
    Cli.Result r = Cli.run("data", "--cms-dir", dir.resolve("cms").toString());
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("  rvu 2025-10  d\\u001b[31m\\u202e"), r.out());
    assertTrue(r.out().chars().noneMatch(c -> c == 0x1b || c == 0x202e), r.out());
  }

  @Test
  void aLongNameKeepsItsStartAndEndAndIsShownOnce() {
    String name = "a".repeat(150) + "-claims-" + "z".repeat(150) + ".csv";
    Cli.Result r = Cli.run("validate", name);
    assertEquals(2, r.status(), r::toString);
    String line = r.errLines().get(0);
    assertTrue(line.length() < 220, line);
    assertTrue(line.startsWith("cpt validate: cannot read 'aaaa"), line);
    assertTrue(line.contains("a...z"), line);
    assertTrue(line.contains("zzz.csv': "), line);
    // The operating system's reason, without the name it repeats.
    assertEquals(line.indexOf("zzz.csv"), line.lastIndexOf("zzz.csv"), line);
  }

  @Test
  void anOutputDirectoryIsNamedOnce(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectory(dir.resolve("out"));
    Cli.Result r =
        Cli.runWithInput(
            "code\n99213\n",
            "price",
            "--input",
            "-",
            "--date",
            "2025-06-02",
            "--locality",
            "13282-99",
            "--output",
            out.toString());
    assertEquals(2, r.status(), r::toString);
    String line = r.errLines().get(0);
    assertEquals(1, line.split(out.toString(), -1).length - 1, line);
  }
}
