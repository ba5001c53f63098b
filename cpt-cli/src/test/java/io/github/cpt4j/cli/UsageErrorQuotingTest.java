package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Picocli's usage errors quote the arguments they could not match as given: a terminal escape
 * reached standard error raw, and a 100,000-character argument made a 100,000-character "line".
 * They are quoted as every other message quotes input: escaped, and at most 64 characters.
 */
class UsageErrorQuotingTest {

  @Test
  void anUnknownOptionWithATerminalEscapeIsQuotedEscaped() {
    Cli.Result r = Cli.run("price", "--x\u001b[31m");
    assertEquals(2, r.status(), r::toString);
    assertEquals(
        "cpt price: Unknown option: '--x\\u001b[31m' (see 'cpt price --help')\n",
        r.err().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void aStrayArgumentWithALineBreakStaysOnOneLine() {
    Cli.Result r = Cli.run("localities", "a\nb");
    assertEquals(2, r.status(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().contains("'a\\u000ab'"), r::toString);
  }

  @Test
  void aVeryLongStrayArgumentIsCutShort() {
    Cli.Result r = Cli.run("x".repeat(100_000));
    assertEquals(2, r.status(), r::toString);
    assertEquals(1, r.errLines().size(), r::toString);
    assertTrue(r.err().length() < 200, () -> r.err().length() + " characters");
    assertTrue(r.err().contains("'" + "x".repeat(64) + "...'"), r::toString);
  }
}
