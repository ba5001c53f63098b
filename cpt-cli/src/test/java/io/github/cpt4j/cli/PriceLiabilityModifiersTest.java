package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cpt price} denies the lines billed with GZ or GY, and {@code cpt validate --rules} flags
 * GA, GY and GZ together and CQ or CO on a code that is not therapy. Before, 99213-GZ and 99213-GY
 * were priced as 99213 with no word, 99213-CQ was paid 85% of it, and the rules passed all of them.
 */
class PriceLiabilityModifiersTest {

  @Test
  void gzAndGyLinesAreBilledAsNotCoveredAndCqOnAVisitTakesNothingOff() {
    Cli.Result r =
        Cli.run(
            "price",
            "99213-GZ",
            "99213-GY",
            // 25 on both visits: two office visits of one day are otherwise paid as one.
            "99213-25-CQ",
            "99213-25",
            "-l",
            "13282-99",
            "-d",
            "2025-06-02",
            "-s",
            "non-facility",
            "-f",
            "json");
    JsonNode rows = JsonTree.read(r.out());
    assertEquals("billed_as_not_covered", rows.get(0).get("result").textValue(), r::toString);
    assertTrue(
        rows.get(0).get("explanation").textValue().contains("change request 7228"), r::toString);
    assertEquals("billed_as_not_covered", rows.get(1).get("result").textValue(), r::toString);
    assertEquals(
        rows.get(3).get("amount").textValue(), rows.get(2).get("amount").textValue(), r::toString);
  }

  @Test
  void theRulesFlagContradictoryLiabilityModifiersAndCqOutsideTherapy() throws Exception {
    Cli.Result r =
        Cli.runWithInput(
            "99214-GY-GZ\n99214-GA-GZ\n99213-CQ\n97110-GP-CQ\n99214-GA\n",
            "validate",
            "--rules",
            "--format",
            "csv");
    assertEquals(1, r.status(), r::toString);
    List<List<String>> rows =
        ValidateCommandTest.csv(r.out()).stream().map(CsvRecord::getFields).toList();
    assertEquals(
        List.of(
            List.of("1", "CONTRADICTORY_LIABILITY_MODIFIERS"),
            List.of("2", "CONTRADICTORY_LIABILITY_MODIFIERS"),
            List.of("3", "THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES")),
        rows.subList(1, rows.size()).stream().map(f -> List.of(f.get(0), f.get(4))).toList(),
        r::toString);
  }
}
