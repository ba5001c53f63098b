package io.github.cpt4j.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A value read as its own runtime class, as a message broker's or a cache's JSON serializer does
 * when it records {@code value.getClass()} beside the JSON (Spring Kafka's type header, for one): a
 * {@link FeeResult} is a {@code FeeResult.Priced} or {@code FeeResult.Unpriced}, an {@link
 * EditFinding} the class its builder makes, and each reads back equal by that class, as by the
 * public type the module names.
 */
class RuntimeClassTest {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new CptModule());

  private static final Explanation STEPS =
      Explanation.of(
          List.of(
              PricingStep.of("rvu", "work 0.97", new BigDecimal("61.915406045")),
              PricingStep.note("part-b", "the line goes to the physician fee schedule")));

  /** Every kind of result: priced, priced without its setting, and unpriced for every reason. */
  private static List<FeeResult> everyKindOfResult() {
    List<FeeResult> results = new ArrayList<>();
    results.add(FeeResult.priced(new BigDecimal("61.915406045"), STEPS));
    results.add(FeeResult.pricedSettingNotAvailable(new BigDecimal("18.40"), STEPS));
    for (UnpricedReason reason : UnpricedReason.values()) {
      results.add(FeeResult.unpriced(reason, "detail of " + reason, STEPS));
    }
    return results;
  }

  /** A finding of every action and reason, with data, on a line named by a number of its own. */
  private static List<EditFinding> everyKindOfFinding() {
    List<EditFinding> findings = new ArrayList<>();
    for (EditAction action : EditAction.values()) {
      for (UnpricedReason reason : UnpricedReason.values()) {
        findings.add(
            EditFinding.builder()
                .edit("ncci-mue")
                .line(2)
                .lineNumber(7)
                .action(action)
                .deniedUnits(action == EditAction.FLAG ? 0 : 2)
                .reason(reason)
                .message("2 of 3 units exceed the MUE of 1")
                .putData("code", "20610")
                .putData("mue", "1")
                .build());
      }
    }
    return findings;
  }

  @Test
  void aFeeResultReadsBackAsItsOwnClass() throws Exception {
    for (FeeResult result : everyKindOfResult()) {
      String json = MAPPER.writeValueAsString(result);
      assertNotEquals(FeeResult.class, result.getClass());
      assertEquals(result, MAPPER.readValue(json, result.getClass()), json);
      assertEquals(result, MAPPER.readValue(json, FeeResult.class), json);
    }
  }

  @Test
  void anEditFindingReadsBackAsItsOwnClass() throws Exception {
    for (EditFinding finding : everyKindOfFinding()) {
      String json = MAPPER.writeValueAsString(finding);
      assertNotEquals(EditFinding.class, finding.getClass());
      assertEquals(finding, MAPPER.readValue(json, finding.getClass()), json);
      assertEquals(finding, MAPPER.readValue(json, EditFinding.class), json);
    }
  }

  /** In a collection or map too, whose element type is the runtime class. */
  @Test
  void resultsOfOneKindReadBackInAMap() throws Exception {
    FeeResult priced = everyKindOfResult().get(0);
    Map<String, FeeResult.Priced> map = Map.of("line 1", (FeeResult.Priced) priced);
    Map<String, FeeResult.Priced> back =
        MAPPER.readValue(
            MAPPER.writeValueAsString(map), new TypeReference<Map<String, FeeResult.Priced>>() {});
    assertEquals(map, back);
  }

  /**
   * A result of the other kind is refused, naming the kind asked for and the field that says which
   * it is, rather than read as the other kind or failing in Jackson's bean machinery.
   */
  @Test
  void aResultOfTheOtherKindIsRefusedNamingWhatWasAskedFor() throws Exception {
    String unpriced = "{\"priced\":false,\"reason\":\"NCCI_PTP\",\"detail\":\"d\"}";
    InvalidFormatException asPriced =
        assertThrows(
            InvalidFormatException.class, () -> MAPPER.readValue(unpriced, FeeResult.Priced.class));
    assertTrue(
        asPriced
            .getOriginalMessage()
            .equals(
                "expected a priced FeeResult (FeeResult.Priced), but the result is unpriced:"
                    + " it has the 'reason' NCCI_PTP"),
        asPriced.getMessage());
    String priced = "{\"priced\":true,\"exactAmount\":\"1.50\"}";
    InvalidFormatException asUnpriced =
        assertThrows(
            InvalidFormatException.class, () -> MAPPER.readValue(priced, FeeResult.Unpriced.class));
    assertTrue(
        asUnpriced
            .getOriginalMessage()
            .equals(
                "expected an unpriced FeeResult (FeeResult.Unpriced), but the result is priced:"
                    + " it has no 'reason'"),
        asUnpriced.getMessage());
    // Inside an object, the path names where it is.
    JsonMappingException inMap =
        assertThrows(
            JsonMappingException.class,
            () ->
                MAPPER.readValue(
                    "{\"line 1\":" + unpriced + "}",
                    new TypeReference<Map<String, FeeResult.Priced>>() {}));
    assertEquals("line 1", inMap.getPath().get(0).getFieldName(), inMap.getMessage());
  }
}
