package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CptCommandTest {

  @Test
  void versionIsTheProjectVersion() {
    Cli.Result r = Cli.run("--version");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().matches("cpt \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), r::toString);
    assertEquals("", r.err());
  }

  // Every command, help included, as the README's "Exit status" paragraph promises.
  @ParameterizedTest
  @ValueSource(strings = {"lookup", "validate", "price", "localities", "data", "scrub", "help"})
  void everySubcommandHasHelpAndVersion(String command) {
    Cli.Result help = Cli.run(command, "--help");
    assertEquals(0, help.status(), help::toString);
    assertTrue(help.out().startsWith("Usage: cpt " + command), help::toString);
    assertTrue(help.out().contains("--version"), help::toString);
    assertTrue(help.out().contains("--debug"), help::toString);
    Cli.Result version = Cli.run(command, "-V");
    assertEquals(0, version.status());
    assertEquals(Cli.run("--version").out(), version.out());
  }

  /**
   * A script reads the exit statuses from the help: price's 1 is also a run that priced nothing
   * because the data does not cover its date or the bundled sample lacks its codes (README, "Exit
   * status"), where its help said only "some input was invalid", which those lines are not.
   */
  @Test
  void priceHelpSaysWhenARunThatPricedNothingExitsOne() {
    Cli.Result r = Cli.run("price", "--help");
    assertEquals(0, r.status(), r::toString);
    String statuses = r.out().substring(r.out().indexOf("Exit status:"));
    String one = statuses.substring(statuses.indexOf("  1 "), statuses.indexOf("  2 "));
    assertTrue(one.contains("nothing was priced"), one);
    assertTrue(one.contains("date_not_covered"), one);
    assertTrue(one.contains("not_in_schedule"), one);
  }

  @Test
  void topLevelHelpListsCommandsAndExitStatuses() {
    Cli.Result r = Cli.run("-h");
    assertEquals(0, r.status());
    for (String word :
        new String[] {
          "lookup",
          "validate",
          "price",
          "localities",
          "data",
          "scrub",
          "help",
          "Exit status",
          "trademark"
        }) {
      assertTrue(r.out().contains(word), () -> word + " missing in\n" + r.out());
    }
  }

  @Test
  void noCommandIsAUsageError() {
    Cli.Result r = Cli.run();
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertEquals(java.util.List.of("cpt: missing command (see 'cpt --help')"), r.errLines());
  }

  @Test
  void unknownCommandGetsASuggestionOnOneLine() {
    Cli.Result r = Cli.run("validat", "x");
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("did you mean validate"), r::toString);
  }

  @Test
  void unknownOptionIsAUsageErrorNamingTheSubcommand() {
    Cli.Result r = Cli.run("lookup", "--frmat", "csv", "99213");
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().startsWith("cpt lookup: Unknown option: '--frmat'"), r::toString);
    assertTrue(r.err().contains("(see 'cpt lookup --help')"), r::toString);
  }

  @Test
  void badFormatNamesTheChoicesInLowerCase() {
    Cli.Result r = Cli.run("validate", "--format", "xml");
    assertEquals(2, r.status());
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("expected table, csv or json, not 'xml'"), r::toString);
  }

  @Test
  void formatIsCaseInsensitive() {
    assertEquals(0, Cli.run("lookup", "--format", "JSON", "99213").status());
  }

  @Test
  void failuresAreOneLineWithoutDebugAndAStackTraceWith() {
    Cli.Result plain = Cli.run("validate", "no/such/file.txt");
    assertEquals(2, plain.status());
    assertEquals(
        java.util.List.of("cpt validate: cannot read 'no/such/file.txt': no such file"),
        plain.errLines());

    Cli.Result debug = Cli.run("validate", "--debug", "no/such/file.txt");
    assertEquals(2, debug.status());
    assertTrue(debug.err().contains("CliException"), debug::toString);
    assertTrue(debug.err().contains("\tat "), debug::toString);
    assertTrue(debug.err().contains("NoSuchFileException"), debug::toString);
    assertEquals(plain.errLines().get(0), debug.errLines().get(debug.errLines().size() - 1));
  }

  @Test
  void debugIsAcceptedBeforeTheSubcommandToo() {
    Cli.Result r = Cli.run("--debug", "validate", "no/such/file.txt");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("\tat "), r::toString);
  }

  @Test
  void messagesAreFoldedOntoOneLine() {
    assertEquals("a b c", Main.oneLine(" a\n  b\r\nc\n"));
  }
}
