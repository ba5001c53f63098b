package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch column {@code charge}: a row's billed charge, which the claim pricer's {@code
 * billed-charge} step pays the lower of with the fee schedule amount, as for a {@code BilledLine}
 * with a charge (42 CFR 414.46(b)).
 */
class PriceChargeColumnTest {

  // In 13282-99, facility, on 2025-06-02: 99213 is 61.92, 29880 531.70 (README, From Java).

  private static Cli.Result batch(String input) {
    return Cli.runWithInput(
        input, "price", "-i", "-", "-l", "13282-99", "-d", "2025-06-02", "--setting=facility");
  }

  @Test
  void aChargeBelowTheFeeIsPaidAndAHigherOneOrABlankCellIsNot() throws IOException {
    // Plain rows (the fast path) and a quoted cell (the general parser) alike.
    Cli.Result r =
        batch("code,charge\n99213,50.00\n99213,\"45.5\"\n29880,2400\n99213,\n99213,  40 \n");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("50.00", rows.get(1).getField(2), r::toString);
    assertEquals("45.50", rows.get(2).getField(2), r::toString);
    assertEquals("531.70", rows.get(3).getField(2), r::toString);
    assertEquals("61.92", rows.get(4).getField(2), r::toString);
    assertEquals("40.00", rows.get(5).getField(2), r::toString);
    assertEquals(0, r.status(), r::toString);
  }

  @Test
  void theExplanationNamesTheBilledChargeStep() throws IOException {
    Cli.Result r =
        Cli.runWithInput(
            "code,charge\n99213,50.00\n",
            "price",
            "-i",
            "-",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "--setting=facility",
            "--explain");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertTrue(
        rows.get(1).getField(4).contains("billed-charge: the billed charge 50.00"), r::toString);
  }

  @Test
  void aCellThatIsNotPlainDollarsIsRefusedNamingItsColumn() throws IOException {
    Cli.Result r =
        batch(
            "code,charge\n99213,$$50.00\n99213,\"1,200.00\"\n99213,-5\n99213,1.234\n99213,1e3\n"
                + "99213,.\n99213,1000000000000\n99213,0\n99213,-$5\n99213,-\n99213,$\n"
                + "99213,$50.00\n");
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    for (int i = 1; i <= 7; i++) {
      assertEquals("invalid_charge", rows.get(i).getField(3), r::toString);
      assertTrue(rows.get(i).getField(4).startsWith("charge: '"), r::toString);
    }
    assertEquals(
        "charge: '$$50.00' is not a charge: '$' at index 1 is not a digit 0-9 or a point;"
            + " expected dollars and cents without commas, such as 2400.00",
        rows.get(1).getField(4),
        r::toString);
    assertEquals(
        "charge: '1,200.00' is not a charge: ',' at index 1 is not a digit 0-9 or a point;"
            + " expected dollars and cents without commas, such as 2400.00",
        rows.get(2).getField(4),
        r::toString);
    assertEquals(
        "charge: '-5' is not a charge: a billed charge is never negative", rows.get(3).getField(4));
    assertEquals(
        "charge: '1.234' is not a charge: it has 3 decimal places, a charge is whole cents",
        rows.get(4).getField(4));
    assertEquals(
        "charge: '1000000000000' is not a charge: a billed charge is less than a trillion dollars",
        rows.get(7).getField(4));
    // A charge of zero is a charge: the line is paid nothing, as the Java API pays it.
    assertEquals("0.00", rows.get(8).getField(2), r::toString);
    assertEquals(
        "charge: '-$5' is not a charge: a billed charge is never negative",
        rows.get(9).getField(4));
    assertEquals(
        "charge: '-' is not a charge: it has no digits; expected dollars and cents, such as"
            + " 2400.00",
        rows.get(10).getField(4));
    assertEquals(
        "charge: '$' is not a charge: it has no digits; expected dollars and cents, such as"
            + " 2400.00",
        rows.get(11).getField(4));
    // The $ that BilledLine's own text form writes before a charge ("99213 $50.00") is read.
    assertEquals("50.00", rows.get(12).getField(2), r::toString);
    assertEquals("priced", rows.get(12).getField(3), r::toString);
    assertEquals(1, r.status(), r::toString);
  }

  @Test
  void rowsThatDifferOnlyByChargeAreASuspectDuplicateNotAnExactOne() throws IOException {
    // Without charges the second row repeats the first exactly and is denied; with two charges
    // the rows are a suspect duplicate, flagged, and paid as 69210 x2, 29.98 (README's claim
    // rules, "Bilateral").
    Cli.Result same = batch("claim,code,charge\nA,69210,\nA,69210,\n");
    List<CsvRecord> sameRows = ValidateCommandTest.csv(same.out());
    assertEquals("edit_denied", sameRows.get(2).getField(4), same::toString);
    Cli.Result differ = batch("claim,code,charge\nA,69210,40\nA,69210,45\n");
    List<CsvRecord> rows = ValidateCommandTest.csv(differ.out());
    assertNotEquals("edit_denied", rows.get(2).getField(4), differ::toString);
    assertEquals(
        new java.math.BigDecimal("29.98"),
        new java.math.BigDecimal(rows.get(1).getField(3))
            .add(new java.math.BigDecimal(rows.get(2).getField(3))),
        differ::toString);
  }

  @Test
  void aClaimExportsChargeColumnIsSaidNotToBeRead() throws IOException {
    // Medicare's carrier claim line field: without the warning every row were paid its whole fee.
    Cli.Result r = batch("code,LINE_SBMTD_CHRG_AMT\n99213,50.00\n");
    assertTrue(
        r.err().contains("column 'LINE_SBMTD_CHRG_AMT' is not read: did you mean 'charge'?"),
        r::toString);
    assertEquals("61.92", ValidateCommandTest.csv(r.out()).get(1).getField(2), r::toString);
  }
}
