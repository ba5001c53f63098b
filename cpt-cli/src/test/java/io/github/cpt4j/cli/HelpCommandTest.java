package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code cpt help COMMAND} prints what {@code cpt COMMAND --help} prints. */
class HelpCommandTest {

  @ParameterizedTest
  @ValueSource(strings = {"lookup", "validate", "price", "localities", "data", "scrub"})
  void helpCommandIsTheCommandsHelp(String command) {
    Cli.Result help = Cli.run("help", command);
    assertEquals(0, help.status(), help::toString);
    assertEquals("", help.err());
    assertTrue(help.out().startsWith("Usage: cpt " + command), help::toString);
    assertEquals(Cli.run(command, "--help").out(), help.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lookup", "validate", "price", "localities", "data", "scrub"})
  void examplesAreNotWrappedSoThatTheyCanBePasted(String command) {
    // The help is 80 columns wide: a longer example line was wrapped at a blank, so that scrub's
    // example, pasted into a shell, ran without its second --ptp file.
    String help = Cli.run(command, "--help").out();
    int examples = help.indexOf("\nExamples:\n");
    assertTrue(examples >= 0, help);
    for (String line : help.substring(examples + 11).stripTrailing().lines().toList()) {
      assertTrue(line.startsWith("  "), line); // a wrapped line starts at column 0
    }
  }

  @Test
  void helpAloneIsTheTopLevelHelpAndIsListed() {
    Cli.Result help = Cli.run("help");
    assertEquals(0, help.status(), help::toString);
    assertEquals(Cli.run("--help").out(), help.out());
    assertTrue(help.out().contains("  help "), help::toString);
  }

  @Test
  void helpOfAnUnknownCommandIsAUsageErrorOnOneLine() {
    Cli.Result r = Cli.run("help", "pricee");
    assertEquals(2, r.status(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().startsWith("cpt: Unmatched argument at index 1: 'pricee'"), r::toString);
  }

  @Test
  void helpOfAnUnknownCommandIsToldAsTheUnknownCommandItself() {
    // It said "cpt: Unknown subcommand 'pricee'. (see 'cpt --help')": other words, a full stop
    // before the hint, no index and no guess at the command meant.
    assertEquals(
        "cpt: Unmatched argument at index 1: 'pricee'; did you mean price? (see 'cpt --help')",
        Cli.run("help", "pricee").err().strip());
    assertEquals(
        Cli.run("pricee").err().replace("index 0", "index 1"), Cli.run("help", "pricee").err());
    // The index is the word's among all the arguments, as picocli counts: after --debug, after --.
    List<String> debug = Cli.run("--debug", "help", "--", "bogus").errLines();
    assertEquals(
        "cpt: Unmatched argument at index 3: 'bogus' (see 'cpt --help')",
        debug.get(debug.size() - 1));
  }

  @Test
  void aSecondCommandOrAnUnknownOptionIsAUsageError() {
    // picocli's own help command showed lookup's help for both words, and cpt's for -x.
    Cli.Result two = Cli.run("help", "lookup", "price");
    assertEquals(2, two.status(), two::toString);
    assertEquals("", two.out(), two::toString);
    assertEquals(1, two.errLines().size(), two::toString);
    assertTrue(two.err().contains("'price'"), two::toString);
    Cli.Result option = Cli.run("help", "-x");
    assertEquals(2, option.status(), option::toString);
    assertEquals("", option.out(), option::toString);
    assertTrue(option.err().contains("-x"), option::toString);
  }

  @Test
  void helpHasHelpOfItsOwn() {
    Cli.Result r = Cli.run("help", "--help");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("Usage: cpt help"), r::toString);
  }
}
