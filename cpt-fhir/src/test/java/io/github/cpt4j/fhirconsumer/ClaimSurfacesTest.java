package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.edit.ncci.PtpClaimEdit;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.jackson.CptModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.junit.jupiter.api.Test;

/**
 * One claim priced in Java, written as JSON and answered as a FHIR ClaimResponse: every figure (the
 * total, each line's amount, the lines not priced, the warnings) is the same in each.
 */
class ClaimSurfacesTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new CptModule());
  private static final PricingContext ROCHESTER =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  /** The bundled schedule's pricer with one NCCI pair: 97110 is column 2 of 20610. */
  private static MedicareClaimPricer pricer() {
    PtpTable ptp =
        PtpTable.builder()
            .add(
                new PtpEdit(
                    ProcedureCode.parse("20610"),
                    ProcedureCode.parse("97110"),
                    false,
                    LocalDate.of(2020, 1, 1),
                    Optional.empty(),
                    PtpModifierIndicator.of('0'),
                    "test: not billed together"))
            .build();
    return MedicareClaimPricer.builder(BundledData.medicareFeeSchedule())
        .addEdit(PtpClaimEdit.of(ptp))
        .build();
  }

  private static String item(int sequence, String code, String... modifiers) {
    StringBuilder out =
        new StringBuilder("{\"sequence\":")
            .append(sequence)
            .append(",\"productOrService\":{\"coding\":[{\"system\":")
            .append("\"http://www.ama-assn.org/go/cpt\",\"code\":\"")
            .append(code)
            .append("\"}]}");
    if (modifiers.length > 0) {
      out.append(",\"modifier\":[");
      for (int i = 0; i < modifiers.length; i++) {
        out.append(i == 0 ? "" : ",")
            .append("{\"coding\":[{\"code\":\"")
            .append(modifiers[i])
            .append("\"}]}");
      }
      out.append(']');
    }
    return out.append('}').toString();
  }

  private static org.hl7.fhir.r4.model.Claim fhirClaim(String... items) {
    String json =
        "{\"resourceType\":\"Claim\",\"status\":\"active\",\"use\":\"claim\","
            + "\"type\":{\"coding\":[{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/claim-type\",\"code\":\"professional\"}]},"
            + "\"patient\":{\"reference\":\"Patient/p1\"},\"created\":\"2025-06-03\","
            + "\"insurer\":{\"reference\":\"Organization/medicare\"},"
            + "\"provider\":{\"reference\":\"Practitioner/dr1\"},\"item\":["
            + String.join(",", items)
            + "]}";
    return FHIR.newJsonParser().parseResource(org.hl7.fhir.r4.model.Claim.class, json);
  }

  private static Optional<BigDecimal> eligibleTotal(ClaimResponse response) {
    return response.getTotal().stream()
        .filter(t -> t.getCategory().getCodingFirstRep().getCode().equals("eligible"))
        .map(t -> t.getAmount().getValue())
        .findFirst();
  }

  private static Optional<BigDecimal> eligible(ClaimResponse.ItemComponent item) {
    ClaimResponse.AdjudicationComponent eligible = FhirTest.adjudication(item, "eligible");
    return eligible.hasAmount() ? Optional.of(eligible.getAmount().getValue()) : Optional.empty();
  }

  /**
   * A visit with 25, a procedure with 51 beside another, a bilateral 50, a code in no schedule and
   * a line an NCCI pair denies: each surface gives every line the same amount or none, the same
   * total and the same warnings.
   */
  @Test
  void aRealisticClaimHasTheSameFiguresInJavaJsonAndFhir() throws Exception {
    org.hl7.fhir.r4.model.Claim fhir =
        fhirClaim(
            item(1, "99213", "25"),
            item(2, "29880", "RT"),
            item(3, "20610", "51"),
            item(4, "20605", "50"),
            item(5, "99999"),
            item(6, "97110"));
    Claim claim = FhirClaims.toClaim(fhir);
    PricedClaim priced = pricer().price(claim, ROCHESTER);
    JsonNode json = MAPPER.valueToTree(priced);
    ClaimResponse response = FhirClaimPricer.of(pricer()).price(fhir, ROCHESTER);

    assertFalse(priced.isFullyPriced(), priced::toString);
    assertEquals(priced.total().toPlainString(), json.get("total").asText());
    assertEquals("640.44", json.get("total").asText());
    assertEquals(Optional.of(priced.total()), eligibleTotal(response));
    int warnings = 0;
    for (int i = 0; i < claim.size(); i++) {
      PricedLine line = priced.line(i);
      JsonNode result = json.get("lines").get(i).get("result");
      Optional<BigDecimal> amount = line.result().amount();
      assertEquals(amount.isPresent(), result.get("priced").booleanValue(), json::toString);
      assertEquals(
          amount.map(BigDecimal::toPlainString),
          Optional.ofNullable(result.get("amount")).map(JsonNode::asText),
          json::toString);
      assertEquals(
          amount.map(BigDecimal::stripTrailingZeros),
          eligible(response.getItem().get(i)).map(BigDecimal::stripTrailingZeros),
          "item " + (i + 1));
      assertEquals(
          line.warnings().stream().map(w -> w.message()).distinct().count(),
          response.getItem().get(i).getNoteNumber().size(),
          "item " + (i + 1));
      for (int k = 0; k < line.warnings().size(); k++) {
        JsonNode warning = json.get("warnings").get(warnings + k);
        assertEquals(line.lineNumber(), warning.get("lineNumber").intValue(), json::toString);
        assertEquals(line.warnings().get(k).message(), warning.get("message").asText());
      }
      warnings += line.warnings().size();
    }
    assertEquals(warnings, json.get("warnings").size());
  }

  /**
   * A claim none of whose lines is priced: Java's {@code total()} and the JSON's {@code total} are
   * 0.00, what the claim is paid, beside {@code fullyPriced} false; Java's {@code pricedTotal()} is
   * empty and the FHIR response has no {@code eligible} total, as R4's totals are optional and an
   * adjudicated 0.00 would read as a claim allowed nothing. The README says both.
   */
  @Test
  void aClaimWithNoLinePricedHasAZeroTotalInJavaAndJsonAndNoneInFhir() throws Exception {
    org.hl7.fhir.r4.model.Claim fhir = fhirClaim(item(1, "99999"));
    PricedClaim priced = pricer().price(FhirClaims.toClaim(fhir), ROCHESTER);
    JsonNode json = MAPPER.valueToTree(priced);
    ClaimResponse response = FhirClaimPricer.of(pricer()).price(fhir, ROCHESTER);
    assertEquals("0.00", priced.total().toPlainString());
    assertEquals(Optional.empty(), priced.pricedTotal());
    assertEquals("0.00", json.get("total").asText(), json::toString);
    assertFalse(json.get("fullyPriced").booleanValue(), json::toString);
    assertEquals(Optional.empty(), eligibleTotal(response));
    assertTrue(response.getItemFirstRep().getAdjudicationFirstRep().hasReason());
  }
}
