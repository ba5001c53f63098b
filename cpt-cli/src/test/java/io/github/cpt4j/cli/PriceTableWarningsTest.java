package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.cpt4j.cli.price.Outcome;
import io.github.cpt4j.cli.report.Format;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A priced line's warnings show in {@code cpt price}'s table without {@code --explain}, as they do
 * in CSV and JSON: the table gets its EXPLANATION column for them, holding only the warnings, and
 * keeps its three columns when no line has any.
 */
class PriceTableWarningsTest {

  private static final String WARNING = "warning: 99213 is not paid by time: its 30 minutes";

  private static Cli.Result price(String... lines) {
    String[] args = new String[lines.length + 5];
    args[0] = "price";
    System.arraycopy(lines, 0, args, 1, lines.length);
    System.arraycopy(
        new String[] {"--locality", "13282-99", "--date", "2025-06-01"},
        0,
        args,
        lines.length + 1,
        4);
    return Cli.run(args);
  }

  @Test
  void aWarningGetsTheExplanationColumnWithTheWarningAlone() throws Exception {
    // 25 on the second visit: of two office visits of a day without it only one is paid.
    Cli.Result r = price("99213 30min", "99214-25");
    assertEquals(0, r.status(), r::toString);
    List<String> out = r.outLines();
    assertEquals(4, out.size(), r::toString);
    assertTrue(out.get(0).matches("LINE\\s+AMOUNT\\s+RESULT\\s+EXPLANATION"), r::toString);
    assertTrue(
        out.get(1).matches("99213 30min\\s+85\\.86\\s+priced\\s+" + WARNING + ".*"), r::toString);
    // Only the warning: how the amount was found is for --explain.
    assertFalse(out.get(1).contains("medicare:"), r::toString);
    assertFalse(out.get(1).contains("rvu:"), r::toString);
    // A line without warnings leaves its cell empty; the total has none.
    assertTrue(out.get(2).matches("99214-25\\s+120\\.91\\s+priced"), r::toString);
    assertTrue(out.get(3).matches("total\\s+206\\.77"), r::toString);
    // The very text a batch writes for the line without --explain.
    Cli.Result batch =
        Cli.runWithInput(
            "code,minutes\n99213,30\n",
            "price",
            "-i",
            "-",
            "--locality",
            "13282-99",
            "--date",
            "2025-06-01");
    List<CsvRecord> rows = ValidateCommandTest.csv(batch.out());
    String cell = out.get(1).substring(out.get(1).indexOf("warning: "));
    assertEquals(rows.get(1).getField(4), cell, batch::toString);
  }

  @Test
  void withoutWarningsTheTableKeepsItsThreeColumns() {
    Cli.Result r = price("99213", "99214-25");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.outLines().get(0).matches("LINE\\s+AMOUNT\\s+RESULT"), r::toString);
    assertTrue(r.outLines().get(1).matches("99213\\s+85\\.86\\s+priced"), r::toString);
  }

  @Test
  void aWarningBesideALineNotPricedShowsBoth() {
    Cli.Result r = price("99213 30min", "9921");
    assertEquals(1, r.status(), r::toString);
    assertTrue(
        r.outLines().get(1).matches("99213 30min\\s+85\\.86\\s+priced\\s+" + WARNING + ".*"));
    assertTrue(
        r.outLines().get(2).matches("9921\\s+invalid_line\\s+'9921' has the wrong length.*"),
        r::toString);
  }

  @Test
  void explainStillShowsTheWholeExplanation() {
    Cli.Result r = price("99213 30min", "--explain");
    assertEquals(0, r.status(), r::toString);
    String line = r.outLines().get(1);
    assertTrue(line.matches("99213 30min\\s+85\\.86\\s+priced\\s+" + WARNING + ".*"), r::toString);
    assertTrue(line.contains("rvu: 99213"), r::toString);
  }

  @Test
  void theColumnIsChosenByFormatExplainAndTheLinesWarnings() {
    Outcome plain = Outcome.priced(new BigDecimal("1.00"), "how");
    Outcome warned =
        Outcome.priced(new BigDecimal("1.00"), "warning: a; warning: b; how", List.of("a", "b"));
    Outcome refused = Outcome.notPriced("not_in_schedule", "why; warning: a", List.of("a"));
    List<Outcome> none = List.of(plain);
    List<Outcome> some = List.of(plain, warned);
    assertEquals(ExplanationColumn.NONE, ExplanationColumn.of(none, Format.TABLE, false));
    assertEquals(ExplanationColumn.NOTES, ExplanationColumn.of(some, Format.TABLE, false));
    assertEquals(
        ExplanationColumn.NOTES,
        ExplanationColumn.of(List.of(plain, refused), Format.TABLE, false));
    assertEquals(ExplanationColumn.ALL, ExplanationColumn.of(some, Format.TABLE, true));
    assertEquals(ExplanationColumn.ALL, ExplanationColumn.of(none, Format.CSV, false));
    assertEquals(ExplanationColumn.ALL, ExplanationColumn.of(none, Format.JSON, false));
    assertEquals("", ExplanationColumn.NOTES.cell(plain));
    assertEquals("warning: a; warning: b", ExplanationColumn.NOTES.cell(warned));
    assertEquals("why; warning: a", ExplanationColumn.NOTES.cell(refused));
    assertEquals("warning: a; warning: b; how", ExplanationColumn.ALL.cell(warned));
    assertFalse(ExplanationColumn.NONE.shown());
    assertThrows(IllegalStateException.class, () -> ExplanationColumn.NONE.cell(plain));
  }

  @Test
  void anOutcomeWithoutWarningsSharesTheEmptyList() {
    // The batch's hot path builds an outcome per line: no list of its own when there is nothing.
    assertSame(List.of(), Outcome.priced(BigDecimal.ONE, "").warnings());
    assertEquals("", Outcome.priced(BigDecimal.ONE, "").warningText());
  }
}
