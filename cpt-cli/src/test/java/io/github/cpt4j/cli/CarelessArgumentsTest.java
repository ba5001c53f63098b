package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a careless script passes: {@code --help} added to options with a bad value, an empty file
 * name from an unset variable, a directory as the output, a tab-separated file.
 */
class CarelessArgumentsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "price --zip 1 --help",
        "price --help --date 2025-13-01",
        "price -i x.csv --format xml -h",
        "localities --state 1 --help",
        "validate --format xml --help",
        "scrub --date 06/01/2025 --help"
      })
  void helpIsShownWhateverTheOtherOptionsSay(String line) {
    // README: --help works on every command. Picocli converted --zip's value first, and the run
    // was a usage error about --zip, status 2, instead of the help.
    String[] args = line.split(" ");
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.status(), r::toString);
    assertEquals("", r.err(), r::toString);
    assertEquals(Cli.run(args[0], "--help").out(), r.out());
  }

  /**
   * A value read from a file with Windows line ends in a shell loop ends in a carriage return:
   * {@code --zip} and {@code --date} took it, while {@code --locality}, {@code --pos} and {@code
   * --practitioner} refused it ("not '13282-99\\u000d'", status 2). Every option value is now read
   * without the white space at its ends, line breaks and no-break spaces included.
   */
  @ParameterizedTest
  @ValueSource(strings = {"\r", "\r\n", " ", "\u00a0", "\t"})
  void everyOptionValueIsReadWithoutTheWhiteSpaceAtItsEnds(String space) {
    List<List<String>> options =
        List.of(
            List.of("price", "99213", "--zip", "10001", "--date", "2025-06-01"),
            List.of("price", "99213", "--locality", "13282-99", "--date", "2025-06-01"),
            List.of("price", "99213", "-z", "10001", "-d", "2025-06-01", "--pos", "22"),
            List.of("price", "99213", "-z", "10001", "-d", "2025-06-01", "--setting", "facility"),
            List.of("price", "99213", "-z", "10001", "-d", "2025-06-01", "--practitioner", "np"),
            List.of(
                "price",
                "99213",
                "-z",
                "10001",
                "-d",
                "2025-06-01",
                "--practitioner",
                "1234567893=np"),
            List.of("price", "99213", "-z", "10001", "-d", "2025-06-01", "-f", "csv"),
            List.of("localities", "--state", "NY"),
            List.of("localities", "--zip", "10001"),
            List.of("lookup", "99213", "-f", "json"));
    for (List<String> args : options) {
      Cli.Result clean = Cli.run(args.toArray(String[]::new));
      assertEquals(0, clean.status(), clean::toString);
      // The value of each option, one at a time, with the white space after it, then around it.
      for (int i = 2; i < args.size(); i++) {
        if (!args.get(i - 1).startsWith("-")) {
          continue; // a code or an option's name
        }
        for (String value : List.of(args.get(i) + space, space + args.get(i) + space)) {
          String[] spaced = args.toArray(String[]::new);
          spaced[i] = value;
          Cli.Result r = Cli.run(spaced);
          assertEquals(clean.toString(), r.toString(), () -> String.join(" ", spaced));
        }
      }
    }
  }

  @Test
  void versionIsShownWhateverTheOtherOptionsSay() {
    Cli.Result r = Cli.run("price", "--zip", "1", "--version");
    assertEquals(0, r.status(), r::toString);
    assertEquals(Cli.run("--version").out(), r.out());
  }

  @Test
  void helpAfterTheEndOfOptionsIsALineNotAnOption() {
    Cli.Result r = Cli.run("price", "--zip", "1", "--", "--help");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("'--zip'"), r::toString);
  }

  static List<List<String>> emptyFileNames() {
    List<List<String>> cases = new ArrayList<>();
    cases.addAll(
        List.of(
            List.of("--input", "price", "--input", "", "--date", "2025-06-01"),
            List.of("--output", "price", "99213", "--zip", "10001", "--output", ""),
            List.of("--cms-dir", "price", "99213", "--zip", "10001", "--cms-dir", ""),
            List.of("--cms-dir", "data", "--cms-dir", ""),
            List.of("--gpci", "localities", "--gpci", ""),
            List.of("--input", "scrub", "--input", "", "--ptp", "x.txt"),
            List.of("--output", "scrub", "--input", "x.csv", "--output", ""),
            List.of("--ptp", "scrub", "--input", "x.csv", "--ptp", ""),
            List.of("--mue", "scrub", "--input", "x.csv", "--mue", ""),
            List.of("--codes", "validate", "--rules", "--codes", ""),
            List.of("(FILE)", "validate", "")));
    for (String option : Cli.PRICE_DATA_OPTIONS) {
      cases.add(List.of(option, "price", "99213", "--zip", "10001", option, ""));
    }
    return cases;
  }

  @ParameterizedTest
  @MethodSource("emptyFileNames")
  void anEmptyFileNameIsAUsageErrorNamingTheOption(List<String> optionAndArgs) {
    // --input "$IN" with IN unset: the empty name was the current directory, so the run said
    // "cannot read '': it is a directory", and --cms-dir "" read the current directory's files.
    String option = optionAndArgs.get(0);
    Cli.Result r = Cli.run(optionAndArgs.subList(1, optionAndArgs.size()).toArray(String[]::new));
    assertEquals(2, r.status(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains(option), r::toString);
    // What the option takes: every option but --cms-dir names a file, never a directory, and was
    // told to expect "a file or directory name" when read as a path.
    String expected = option.equals("--cms-dir") ? "a directory name" : "a file name";
    assertTrue(
        r.err().contains("the value is empty: expected " + expected + " (see "), r::toString);
    assertEquals("", r.out(), r::toString);
  }

  /**
   * Every option and parameter whose value names a file or a directory says, when empty, which of
   * them it takes: a directory for those labelled {@code DIR}, a file for the others, so that a new
   * option cannot take the wrong words unseen.
   */
  @Test
  void everyPathOptionSaysWhetherItTakesAFileOrADirectory() {
    CommandLine cpt =
        Main.commandLine(
            new CptCommand(InputStream.nullInputStream(), false), new FakeData(), new String[0]);
    int checked = 0;
    for (CommandLine command : cpt.getSubcommands().values()) {
      for (ArgSpec arg : command.getCommandSpec().args()) {
        boolean path = arg.type() == Path.class || arg.auxiliaryTypes()[0] == Path.class;
        boolean fileName =
            arg.converters().length > 0 && arg.converters()[0] instanceof FileNameConverter;
        if (!path && !fileName) {
          continue;
        }
        String name = command.getCommandName();
        Cli.Result r =
            arg instanceof OptionSpec option
                ? Cli.run(name, option.longestName(), "")
                : Cli.run(name, "");
        String expected = arg.paramLabel().equals("DIR") ? "a directory name" : "a file name";
        assertEquals(2, r.status(), r::toString);
        assertTrue(
            r.err().contains("the value is empty: expected " + expected + " (see "),
            () -> name + " " + arg.paramLabel() + ": " + r);
        checked++;
      }
    }
    // price's input, output, nine data files and --cms-dir; localities' --gpci; data's
    // --cms-dir; validate's FILE and --codes; scrub's input, output, --ptp and --mue.
    assertEquals(20, checked);
  }

  @Test
  void anOutputThatIsADirectoryIsSaidSoInOurWords() throws IOException {
    Path input = dir.resolve("in.csv");
    Files.writeString(input, "code,zip\n99213,10001\n", StandardCharsets.UTF_8);
    Cli.Result r =
        Cli.run(
            "price",
            "--input",
            input.toString(),
            "--output",
            dir.toString(),
            "--date",
            "2025-06-01");
    assertEquals(2, r.status(), r::toString);
    // Was the system's "Is a directory", after the results were written to a temporary file.
    assertEquals("cpt price: cannot write --output '" + dir + "': it is a directory\n", r.err());
  }

  @Test
  void aTabSeparatedFileIsToldWhatSeparatorIsExpected() {
    Cli.Result r = Cli.runWithInput("code\tzip\n99213\t10001\n", "price", "--input", "-");
    assertEquals(2, r.status(), r::toString);
    assertTrue(
        r.err().endsWith("(fields separated by tabs? the input must be comma-separated)\n"),
        r::toString);
  }
}
