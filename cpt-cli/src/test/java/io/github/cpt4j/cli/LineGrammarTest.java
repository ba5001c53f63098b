package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The claim line grammar as the command line reads it: {@code cpt price LINE...} and {@code cpt
 * validate} read one grammar, and units are never silently taken for a modifier.
 */
class LineGrammarTest {

  private static final String[] CONTEXT = {"--zip", "10001", "--date", "2025-03-14"};

  private static List<List<String>> price(String... lines) {
    List<String> args = new ArrayList<>(List.of("price"));
    args.addAll(List.of(lines));
    args.addAll(List.of(CONTEXT));
    args.addAll(List.of("-f", "csv"));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals("", r.err(), r::toString);
    return records(r.out());
  }

  private static List<List<String>> records(String csv) {
    try {
      return ValidateCommandTest.csv(csv).stream().map(r -> r.getFields()).toList();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * "J1100 X8" was priced as the modifier X8, one unit, 0.11 against 0.86 for eight units, with
   * exit status 0; "99213 X9" 101.06 against 909.54. An X and a digit other than X1-X5 after a
   * space is now refused, saying how units are written.
   */
  @Test
  void anUpperCaseXAndDigitsIsRefusedNotPricedAsAModifier() {
    List<String> args = new ArrayList<>(List.of("price", "J1100 X8", "99213 X9", "J1100 x8"));
    args.addAll(List.of(CONTEXT));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(1, r.status(), r::toString);
    List<List<String>> out = price("J1100 X8", "99213 X9", "J1100 x8");
    assertEquals(List.of("J1100 X8", "", "invalid_line"), out.get(1).subList(0, 3));
    assertEquals(
        "'J1100 X8' has bad units at index 6: units are written with a lower-case x, such as x8;"
            + " X8 is no modifier (the modifiers of an X and a digit are X1 to X5)",
        out.get(1).get(3));
    assertEquals(List.of("99213 X9", "", "invalid_line"), out.get(2).subList(0, 3));
    assertEquals(List.of("J1100 x8", "0.86", "priced"), out.get(3).subList(0, 3));
  }

  /** Units are whole: a decimal point is said to be one, in both commands. */
  @Test
  void decimalUnitsAreCalledFractionsByBothCommands() {
    List<List<String>> out = price("J1100 x0.5", "99213 x1.5");
    for (int i = 1; i <= 2; i++) {
      assertEquals("invalid_line", out.get(i).get(2), out::toString);
      assertTrue(
          out.get(i)
              .get(3)
              .endsWith(
                  "has bad units at index 8: units are a whole number from 1"
                      + " to 99999, such as x2, never a fraction"),
          out::toString);
    }
    Cli.Result r = Cli.runWithInput("J1100 x0.5\n99213 x1.5\n", "validate", "-f", "csv");
    assertEquals(1, r.status(), r::toString);
    List<List<String>> rows = records(r.out());
    for (int i = 1; i <= 2; i++) {
      assertEquals(List.of("BAD_UNITS", "8"), rows.get(i).subList(4, 6), r::toString);
      assertTrue(rows.get(i).get(6).endsWith("never a fraction"), r::toString);
    }
  }

  /**
   * validate read lines with the claim line's grammar alone: "99213 by 1234567893", which price
   * prices, was WRONG_LENGTH at index 11. Each of these lines is valid to validate exactly when
   * price reads it (priced or not, but not an invalid line).
   */
  @Test
  void validateAcceptsExactlyTheLinesPriceReads() {
    List<String> lines =
        List.of(
            "99213 by 1234567893",
            "27447-80 BY 1234567893",
            "00790-AA 95min by 1234567893",
            "99213 by 25",
            "99213-25 x2",
            "71046 26 x2",
            "J1100 x8",
            "J1100-X8",
            "99213 X2",
            "99213 by 1234567890",
            "99213 by 123",
            "99213 by",
            "99213 $5.00",
            "99213 on 2025-03-14",
            "J1100 X8",
            "J1100 x0.5",
            "99213 x2 25",
            "9921");
    List<List<String>> priced = price(lines.toArray(String[]::new));
    Cli.Result r =
        Cli.runWithInput(String.join("\n", lines) + "\n", "validate", "--all", "-f", "csv");
    List<List<String>> validated = records(r.out());
    assertEquals(lines.size() + 2, priced.size(), priced::toString); // header and total
    assertEquals(lines.size() + 1, validated.size(), r::toString);
    for (int i = 0; i < lines.size(); i++) {
      boolean read = !priced.get(i + 1).get(2).equals("invalid_line");
      boolean valid = validated.get(i + 1).get(1).equals("valid");
      assertEquals(read, valid, lines.get(i) + ": " + priced.get(i + 1) + validated.get(i + 1));
      if (read) {
        // The same canonical form, which price shows as the line.
        assertEquals(priced.get(i + 1).get(0), validated.get(i + 1).get(3), lines.get(i));
      } else if (!ValidateCommand.isSingleToken(lines.get(i))) {
        // And the same words (a single token is read by the code parser, whose words speak of a
        // code).
        assertEquals(priced.get(i + 1).get(3), validated.get(i + 1).get(6), lines.get(i));
      }
    }
    assertEquals("99213 by 1234567893", validated.get(1).get(3));
  }

  /** With --rules, a line with its rendering provider is checked as the claim line it carries. */
  @Test
  void validateRulesReadsTheClaimLineOfALineWithItsProvider() {
    Cli.Result r =
        Cli.runWithInput(
            "71046-26-TC by 1234567893\n99213 30min by 1234567893\n",
            "validate",
            "--rules",
            "-f",
            "csv");
    List<List<String>> rows = records(r.out());
    assertEquals(
        List.of("PROFESSIONAL_WITH_TECHNICAL_COMPONENT", "6"),
        rows.get(1).subList(4, 6),
        r::toString);
    // The minutes are where they stand, not at the NPI that ends the line.
    assertEquals(List.of("MINUTES_IGNORED", "6"), rows.get(2).subList(4, 6), r::toString);
  }

  /**
   * The table escaped the ISO controls in every cell but printed U+2028 and the bidirectional
   * overrides raw in the LINE column, while the explanation quoted them escaped: a line separator
   * broke the row, an override showed it reversed.
   */
  @Test
  void theTableEscapesLineSeparatorsAndBidiControlsInEveryCell() {
    List<String> args =
        new ArrayList<>(
            List.of(
                "price",
                "99213\u2028x",
                "\u202e99213",
                "\u2066J1100 x8",
                "99213\u2029",
                "\u202a99213"));
    args.addAll(List.of(CONTEXT));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    List<String> out = r.outLines();
    assertTrue(out.get(1).startsWith("99213\\u2028x "), r::toString);
    assertTrue(out.get(2).startsWith("\\u202e99213 "), r::toString);
    assertTrue(out.get(3).startsWith("\\u2066J1100 x8 "), r::toString);
    for (char c :
        "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069".toCharArray()) {
      assertFalse(r.out().indexOf(c) >= 0, () -> Integer.toHexString(c) + " in " + r);
    }
    assertEquals(7, out.size(), r::toString); // header, five lines, total: no row broken
  }

  /** CSV drops them as it drops the other controls; JSON escapes them, keeping every character. */
  @Test
  void csvDropsAndJsonEscapesThem() {
    List<String> args = new ArrayList<>(List.of("price", "99213\u2028x", "\u202e99213"));
    args.addAll(List.of(CONTEXT));
    List<String> csv = new ArrayList<>(args);
    csv.addAll(List.of("-f", "csv"));
    Cli.Result r = Cli.run(csv.toArray(String[]::new));
    assertFalse(r.out().contains("\u2028") || r.out().contains("\u202e"), r::toString);
    assertTrue(r.out().contains("\n99213x,"), r::toString);
    List<String> json = new ArrayList<>(args);
    json.addAll(List.of("-f", "json"));
    Cli.Result j = Cli.run(json.toArray(String[]::new));
    assertFalse(j.out().contains("\u2028") || j.out().contains("\u202e"), j::toString);
    assertEquals("\u202e99213", JsonTree.read(j.out()).get(1).get("line").asText());
  }
}
