package io.github.cpt4j.moduletest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An application that exchanges cpt4j's values as JSON, with the Jackson module found the way
 * applications find modules: {@code findAndRegisterModules()}.
 */
public final class OutsideJsonUser {

  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

  private OutsideJsonUser() {}

  /** Returns the mapper, with whatever modules it found. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Writes a code, reads it back, checks it is equal and returns the JSON. */
  public static String roundTripCode(String text) throws IOException {
    ProcedureCode code = ProcedureCode.parse(text);
    String json = MAPPER.writeValueAsString(code);
    check(code.equals(MAPPER.readValue(json, ProcedureCode.class)), json);
    return json;
  }

  /** Writes a claim line, reads it back, checks it is equal and returns the JSON. */
  public static String roundTripLine(String text) throws IOException {
    ClaimLine line = ClaimLine.parse(text);
    String json = MAPPER.writeValueAsString(line);
    check(line.equals(MAPPER.readValue(json, ClaimLine.class)), json);
    return json;
  }

  /**
   * Prices the README's knee claim, writes it, reads every line's billed line and result back, and
   * returns the total as written.
   */
  public static String priceAndReadBackTotal() throws IOException {
    Claim claim =
        MAPPER.readValue(
            "{\"lines\":[{\"code\":\"29880\",\"modifiers\":[\"RT\"],\"charge\":\"2400.00\"},"
                + "{\"code\":\"20610\",\"modifiers\":[\"LT\"],\"charge\":\"310.00\"},"
                + "{\"code\":\"99213\",\"modifiers\":[\"25\"],\"charge\":\"180.00\"}]}",
            Claim.class);
    PricingContext context =
        PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);
    PricedClaim priced =
        MedicareClaimPricer.of(BundledData.medicareFeeSchedule()).price(claim, context);
    JsonNode tree = MAPPER.readTree(MAPPER.writeValueAsString(priced));
    for (int i = 0; i < priced.lines().size(); i++) {
      JsonNode line = tree.get("lines").get(i);
      check(
          priced.line(i).billed().equals(MAPPER.treeToValue(line.get("billed"), BilledLine.class)),
          line.toString());
      check(
          priced.line(i).result().equals(MAPPER.treeToValue(line.get("result"), FeeResult.class)),
          line.toString());
    }
    String total = tree.get("total").asText();
    check(new BigDecimal(total).compareTo(priced.total()) == 0, total);
    return total;
  }

  private static void check(boolean ok, String json) {
    if (!ok) {
      throw new IllegalStateException("did not read back: " + json);
    }
  }
}
