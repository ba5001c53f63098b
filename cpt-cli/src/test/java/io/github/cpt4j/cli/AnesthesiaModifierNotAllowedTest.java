package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A surgeon's role or a component on an anesthesia code (00790-AA-80) is refused, saying which
 * indicator of the relative value file does not allow it (ASST SURG 9), in the table, CSV and JSON
 * of {@code price}; it was paid in full, 217.69 in 13282-99, without a word. {@code validate
 * --rules} finds the same lines invalid, as it does 47; it called them valid.
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

  @Test
  void validateRulesFindsWhatPriceRefuses() throws Exception {
    Cli.Result r =
        Cli.runWithInput(
            "00790-AA-80 60min\n00790-80\n01968-QZ-26\n00790-47\n00790-AA-P3-G8 60min\n",
            "validate",
            "--rules",
            "-f",
            "csv");
    assertEquals(1, r.status(), r::toString);
    List<List<String>> rows =
        ValidateCommandTest.csv(r.out()).stream().map(CsvRecord::getFields).toList();
    assertEquals(
        List.of(
            "1",
            "invalid",
            "00790-AA-80 60min",
            "00790-AA-80 60min",
            "PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE",
            "9"),
        rows.get(1).subList(0, 6));
    assertTrue(rows.get(1).get(6).contains("ASST SURG 9"), rows.get(1)::toString);
    assertEquals(
        List.of(
            "2", "invalid", "00790-80", "00790-80", "PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE", "6"),
        rows.get(2).subList(0, 6));
    assertEquals(
        List.of(
            "3",
            "invalid",
            "01968-QZ-26",
            "01968-QZ-26",
            "PROCEDURE_MODIFIER_ON_ANESTHESIA_CODE",
            "9"),
        rows.get(3).subList(0, 6));
    assertTrue(rows.get(3).get(6).contains("PC/TC 9"), rows.get(3)::toString);
    assertEquals(
        List.of(
            "4", "invalid", "00790-47", "00790-47", "SURGEON_ANESTHESIA_ON_ANESTHESIA_CODE", "6"),
        rows.get(4).subList(0, 6));
    // 00790-AA-P3-G8, modifiers an anesthesia line carries, is valid: no row.
    assertEquals(5, rows.size(), r::toString);
  }

  @Test
  void validateRulesFindsTwoPaymentModifiersThatPriceRefuses() throws Exception {
    // price refuses 00790-AA-QK as MODIFIER_NOT_ALLOWED (a line carries one payment modifier);
    // validate --rules called it valid.
    Cli.Result r =
        Cli.runWithInput(
            "00790-AA-QK 60min\n00790-QK-QS 60min\n", "validate", "--rules", "-f", "csv");
    assertEquals(1, r.status(), r::toString);
    List<List<String>> rows =
        ValidateCommandTest.csv(r.out()).stream().map(CsvRecord::getFields).toList();
    assertEquals(
        List.of(
            "1", "invalid", "00790-AA-QK 60min", "00790-AA-QK 60min", "MUTUALLY_EXCLUSIVE", "6"),
        rows.get(1).subList(0, 6));
    assertTrue(rows.get(1).get(6).startsWith("modifiers AA, QK on 00790: "), rows.get(1)::toString);
    assertEquals(2, rows.size(), r::toString);
  }
}
