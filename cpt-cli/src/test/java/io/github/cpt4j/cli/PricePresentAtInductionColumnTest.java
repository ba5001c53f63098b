package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch column {@code present_at_induction}: whether the physician supervising an AD session
 * was present at its induction, claim by claim (Claims Processing Manual ch. 12 section 50.D).
 */
class PricePresentAtInductionColumnTest {

  // 00790-AD 60 min in 13282-99, facility, 2025: 3 base units x 19.79 = 59.37 without presence at
  // induction, (3 + 1) x 19.79 = 79.16 with it.

  private static final String HEADER = "claim,code,modifiers,minutes,present_at_induction\n";

  private static Cli.Result batch(String rows, String... options) {
    String[] args = new String[8 + options.length];
    String[] fixed = {
      "price", "-i", "-", "-l", "13282-99", "-d", "2025-06-02", "--setting=facility"
    };
    System.arraycopy(fixed, 0, args, 0, fixed.length);
    System.arraycopy(options, 0, args, fixed.length, options.length);
    return Cli.runWithInput(HEADER + rows, args);
  }

  @Test
  void eachClaimSaysItsOwnPresence() throws IOException {
    Cli.Result r = batch("A,00790,AD,60,Y\nB,00790,AD,60,\nC,00790,AD,60,true\n");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("79.16", rows.get(1).getField(5), r::toString);
    assertEquals("59.37", rows.get(2).getField(5), r::toString);
    assertEquals("79.16", rows.get(3).getField(5), r::toString);
  }

  @Test
  void aBlankCellTakesTheOptionAndAnotherOverridesIt() throws IOException {
    Cli.Result r =
        batch("A,00790,AD,60,\nB,00790,AD,60,n\nC,00790,AD,60,No\n", "--present-at-induction");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("79.16", rows.get(1).getField(5), r::toString);
    assertEquals("59.37", rows.get(2).getField(5), r::toString);
    assertEquals("59.37", rows.get(3).getField(5), r::toString);
  }

  @Test
  void aCellThatIsNotYesOrNoIsRefusedNamingItsColumn() throws IOException {
    // A quoted cell too, which the general parser reads rather than the fast path.
    Cli.Result r = batch("A,00790,AD,60,maybe\nB,00790,AD,60,\"yes please\"\nC,00790,AD,60,1\n");
    assertEquals(1, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("invalid_present_at_induction", rows.get(1).getField(6), r::toString);
    assertEquals(
        "present_at_induction: 'maybe' is not yes or no: expected true, false, yes, no, y, n, 1 "
            + "or 0",
        rows.get(1).getField(7),
        r::toString);
    assertEquals("invalid_present_at_induction", rows.get(2).getField(6), r::toString);
    assertEquals("79.16", rows.get(3).getField(5), r::toString);
  }

  @Test
  void aClaimHasPresenceWhenAnyOfItsRowsSaysSo() throws IOException {
    // One session, induced once: the biller marks the AD line and leaves the others blank. Rows
    // that differ are no mixed context, as they would be for a place or a setting.
    Cli.Result r = batch("A,99100,,,\nA,00790,AD,60,y\nB,00790,AD,60,\nB,00840,AD,45,n\n");
    assertEquals(0, r.status(), r::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(r.out());
    assertEquals("79.16", rows.get(2).getField(5), r::toString);
    assertEquals("59.37", rows.get(3).getField(5), r::toString);
    for (int i = 1; i <= 4; i++) {
      assertNotEquals("mixed_claim_context", rows.get(i).getField(6), r::toString);
    }
  }
}
