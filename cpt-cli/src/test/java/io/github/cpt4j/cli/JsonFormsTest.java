package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forms of the command line's JSON that the README sets beside cpt-jackson's, for a program
 * that reads both: every key written, blank as null; a batch's cells as read; a line's canonical
 * text; reasons in lower case; one line of explanation with the step amounts of its text form.
 */
class JsonFormsTest {

  @TempDir Path dir;

  @Test
  void priceRowsKeepEveryKeyAndWriteABlankCellAsNull() {
    Cli.Result r =
        Cli.run(
            "price",
            " 27447-rt  x1",
            "99999",
            "--zip",
            "10001",
            "--date",
            "2025-06-01",
            "-f",
            "json");
    JsonNode rows = JsonTree.read(r.out());
    // The canonical text of the line, as BilledLine writes it, not the text given.
    assertEquals("27447-RT", rows.get(0).get("line").textValue(), r::toString);
    JsonNode unpriced = rows.get(1);
    // cpt-jackson leaves an absent field out; a row of the CSV output has the key, null.
    assertTrue(unpriced.has("amount"), r::toString);
    assertTrue(unpriced.get("amount").isNull(), r::toString);
    // The reason in lower case, where a FeeResult's JSON has the constant's name.
    assertEquals("not_in_schedule", unpriced.get("result").textValue(), r::toString);
  }

  @Test
  void theExplanationIsOneLineWithTheStepAmountsOfItsTextForm() {
    Cli.Result r =
        Cli.run(
            "price",
            "29880-RT",
            "--locality",
            "13282-99",
            "--setting",
            "facility",
            "--date",
            "2025-06-02",
            "-f",
            "json");
    String explanation = JsonTree.read(r.out()).get(0).get("explanation").textValue();
    // PricingStep.toString drops the zeros after the cents: amountAfter is "531.700122260".
    assertTrue(explanation.contains("= 531.70012226; posted-fee: "), explanation);
  }

  @Test
  void aBatchRowCarriesItsCellsAsRead() throws IOException {
    Path in =
        Files.writeString(
            dir.resolve("in.csv"), "claim,code,modifiers,units,charge\nA,99213,25 59,2,50.5\n");
    Cli.Result r =
        Cli.run(
            "price",
            "--input",
            in.toString(),
            "--locality",
            "13282-99",
            "--setting",
            "facility",
            "--date",
            "2025-06-02",
            "-f",
            "json");
    JsonNode row = JsonTree.read(r.out()).get(0);
    assertEquals("2", row.get("units").textValue(), r::toString);
    assertEquals("25 59", row.get("modifiers").textValue(), r::toString);
    assertEquals("50.5", row.get("charge").textValue(), r::toString);
    assertTrue(
        row.get("explanation").textValue().startsWith("warning: MUTUALLY_EXCLUSIVE: "),
        r::toString);
  }

  /**
   * A batch row's blank cells are null, as the README says of every key: an empty input cell, the
   * cells a malformed row lacks, and the explanation of a row priced without a warning. A script
   * that asks {@code .units == null} or {@code .explanation // "none"} must not meet "".
   */
  @Test
  void aBatchRowWritesABlankCellAsNull() throws IOException {
    Path in =
        Files.writeString(dir.resolve("in.csv"), "claim,code,units,note\nA,99213,,\nB,99213,1\n");
    Cli.Result r =
        Cli.run(
            "price",
            "--input",
            in.toString(),
            "--locality",
            "13282-99",
            "--setting",
            "facility",
            "--date",
            "2025-06-02",
            "-f",
            "json");
    JsonNode priced = JsonTree.read(r.out()).get(0);
    assertEquals("priced", priced.get("result").textValue(), r::toString);
    assertEquals("A", priced.get("claim").textValue(), r::toString);
    assertTrue(priced.get("units").isNull(), r::toString);
    assertTrue(priced.get("note").isNull(), r::toString);
    assertTrue(priced.get("explanation").isNull(), r::toString);
    // A row with fewer cells than the header: what it lacks was never read.
    JsonNode malformed = JsonTree.read(r.out()).get(1);
    assertEquals("malformed_row", malformed.get("result").textValue(), r::toString);
    assertTrue(malformed.get("note").isNull(), r::toString);
  }
}
