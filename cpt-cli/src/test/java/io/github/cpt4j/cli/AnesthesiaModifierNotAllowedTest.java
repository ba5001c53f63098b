package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A surgeon's role or a component on an anesthesia code (00790-AA-80) is refused, saying which
 * indicator of the relative value file does not allow it (ASST SURG 9), in the table, CSV and JSON
 * of {@code price}; it was paid in full, 217.69 in 13282-99, without a word.
 */
class AnesthesiaModifierNotAllowedTest {

  private static Cli.Result price(String... more) {
    String[] args = new String[9 + more.length];
    System.arraycopy(
        new String[] {
          "price",
          "00790-AA-80 60min",
          "00840-AA 45min",
          "--locality",
          "13282-99",
          "--date",
          "2025-06-02",
          "--setting",
          "facility"
        },
        0,
        args,
        0,
        9);
    System.arraycopy(more, 0, args, 9, more.length);
    return Cli.run(args);
  }

  @Test
  void priceShowsTheRefusalAndItsIndicator() throws Exception {
    Cli.Result csv = price("-f", "csv");
    assertEquals(0, csv.status(), csv::toString);
    List<CsvRecord> rows = ValidateCommandTest.csv(csv.out());
    assertEquals("modifier_not_allowed", rows.get(1).getField(2), csv::toString);
    assertTrue(rows.get(1).getField(3).contains("ASST SURG 9"), csv::toString);
    // 00840 is paid alone with its own time: (6 + 3.0) x 19.79 = 178.11.
    assertEquals("178.11", rows.get(2).getField(1), csv::toString);
    Cli.Result json = price("-f", "json");
    assertEquals(0, json.status(), json::toString);
    assertTrue(json.out().contains("modifier_not_allowed"), json::toString);
    assertTrue(json.out().contains("ASST SURG 9"), json::toString);
    Cli.Result table = price();
    assertEquals(0, table.status(), table::toString);
    assertTrue(table.out().contains("ASST SURG 9"), table::toString);
  }
}
