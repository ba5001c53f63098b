package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The command line's JSON writes decimals as cpt-jackson writes money: strings of the exact decimal
 * ({@code "101.06"}, {@code "1.000"}), which no JSON reader turns into a {@code double}; counts
 * (line numbers, indexes) stay numbers. It wrote them as JSON numbers.
 */
class JsonDecimalsTest {

  private static void assertDecimalText(String expected, JsonNode node) {
    assertTrue(node.isTextual(), () -> "not a string: " + node);
    assertEquals(expected, node.textValue());
  }

  @Test
  void priceAmountsAndTheTotalAreStrings() {
    Cli.Result r = Cli.run("price", "99213", "-z", "10001", "-d", "2025-06-01", "-f", "json");
    assertEquals(0, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertDecimalText("101.06", rows.get(0).get("amount"));
    assertDecimalText("101.06", rows.get(1).get("amount"));
  }

  @Test
  void batchAmountsAreStrings() {
    Cli.Result r =
        Cli.runWithInput(
            "code,zip\n99213,10001\n9921,10001\n",
            "price",
            "-i",
            "-",
            "-d",
            "2025-06-01",
            "-f",
            "json");
    assertEquals(1, r.status(), r::toString);
    JsonNode rows = JsonTree.read(r.out());
    assertDecimalText("101.06", rows.get(0).get("amount"));
    assertTrue(rows.get(1).get("amount").isNull(), r::toString);
  }

  @Test
  void relativeValuesAndGpcisAreStringsWithTheirScale() {
    JsonNode lookup = JsonTree.read(Cli.run("lookup", "99213", "-f", "json").out());
    assertDecimalText("1.30", lookup.get(0).get("work_rvu"));
    JsonNode localities = JsonTree.read(Cli.run("localities", "--state", "AL", "-f", "json").out());
    assertDecimalText("1.000", localities.get(0).get("work_gpci"));
  }

  @Test
  void countsStayNumbers() {
    JsonNode rows = JsonTree.read(Cli.runWithInput("9921\n", "validate", "-f", "json").out());
    assertTrue(rows.get(0).get("line").isIntegralNumber(), rows::toString);
    assertTrue(rows.get(0).get("index").isIntegralNumber(), rows::toString);
  }
}
