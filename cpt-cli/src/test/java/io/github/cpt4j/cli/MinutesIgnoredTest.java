package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Anesthesia minutes on a code not paid by time ({@code 99213 30min}) are a warning, not silence:
 * {@code price --explain} shows it with the amount unchanged, and {@code validate --rules} reports
 * it without making the line invalid.
 */
class MinutesIgnoredTest {

  private static final String WARNING = "warning: 99213 is not paid by time: its 30 minutes";

  private static Cli.Result price(String line, String... more) {
    String[] args = new String[6 + more.length];
    System.arraycopy(
        new String[] {"price", line, "--locality", "13282-99", "--date", "2025-06-01"},
        0,
        args,
        0,
        6);
    System.arraycopy(more, 0, args, 6, more.length);
    return Cli.run(args);
  }

  @Test
  void priceExplainShowsTheWarningAndKeepsTheAmount() throws Exception {
    Cli.Result with = price("99213 30min", "--explain", "-f", "csv");
    Cli.Result without = price("99213", "--explain", "-f", "csv");
    assertEquals(0, with.status(), with::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(with.out());
    List<CsvRecord> plain = ValidateCommandTest.csv(without.out());
    assertEquals(plain.get(1).getField(1), rows.get(1).getField(1), with::toString);
    assertEquals("priced", rows.get(1).getField(2));
    String explanation = rows.get(1).getField(3);
    // Said once, at the head: the edit's step keeps its rule, not the words again.
    assertTrue(explanation.startsWith(WARNING), explanation);
    assertEquals(explanation.indexOf(WARNING), explanation.lastIndexOf(WARNING), explanation);
    assertTrue(explanation.contains("; anesthesia-time: warning"), explanation);
    assertFalse(explanation.contains("anesthesia-time: warning:"), explanation);
    assertTrue(explanation.contains("chapter 12, section 50"), explanation);
    assertFalse(plain.get(1).getField(3).contains("warning"), without::toString);
  }

  @Test
  void priceOfTimedAnesthesiaHasNoWarning() throws Exception {
    Cli.Result r = price("00790-AA 95min", "--explain", "-f", "csv");
    assertEquals(0, r.status(), r::toString);
    assertFalse(
        ValidateCommandTest.csv(r.out()).get(1).getField(3).contains("warning"), r::toString);
  }

  @Test
  void validateRulesReportsAWarningAndExitsZero() {
    Cli.Result r =
        Cli.runWithInput("99213 30min\n00790-AA 95min\n01996-AA 20min\n", "validate", "--rules");
    assertEquals(0, r.status(), r::toString);
    List<String> lines = r.outLines();
    assertTrue(
        lines.get(1).matches("\\s+1\\s+6\\s+MINUTES_IGNORED\\s+" + WARNING + ".*"), r::toString);
    assertTrue(
        lines.get(2).matches("\\s+3\\s+9\\s+MINUTES_IGNORED\\s+warning: 01996 is paid by base .*"),
        r::toString);
    assertEquals("3 lines checked, all valid; 2 valid with warnings", lines.get(3));
    assertEquals(4, lines.size(), r::toString);
  }

  @Test
  void validateRulesGivesTheWarningItsResultInCsvAndLeavesErrorsAsTheyWere() throws Exception {
    Cli.Result r =
        Cli.runWithInput("99213 30min\n99213-25-59 30min\n", "validate", "--rules", "-f", "csv");
    // The second line is invalid for its modifiers, not for its minutes.
    assertEquals(1, r.status(), r::toString);
    List<List<String>> rows =
        ValidateCommandTest.csv(r.out()).stream().map(CsvRecord::getFields).toList();
    assertEquals(
        List.of("1", "warning", "99213 30min", "99213 30min", "MINUTES_IGNORED", "6"),
        rows.get(1).subList(0, 6));
    assertEquals("invalid", rows.get(2).get(1));
    assertEquals("MUTUALLY_EXCLUSIVE", rows.get(2).get(4));
    assertEquals(
        List.of("2", "warning", "MINUTES_IGNORED", "12"),
        List.of(rows.get(3).get(0), rows.get(3).get(1), rows.get(3).get(4), rows.get(3).get(5)));
    assertEquals(4, rows.size(), r::toString);
    // Without --rules only the grammar is checked, and the line is valid without a word.
    assertEquals(0, Cli.runWithInput("99213 30min\n", "validate", "-q").status());
  }
}
