package io.github.cpt4j.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values written with a type id, as {@code @JsonTypeInfo} on an {@code Object} field and {@code
 * activateDefaultTyping} (caches and session stores) write them, read back equal.
 */
class TypeIdTest {

  private static final PricingContext ROCHESTER =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static final PolymorphicTypeValidator CPT4J =
      BasicPolymorphicTypeValidator.builder()
          .allowIfSubType("io.github.cpt4j.")
          .allowIfSubType("java.util.")
          .build();

  /** A holder whose field says its value's class, as a cache entry does. */
  static final class Holder {
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    public Object value;
  }

  private static List<Object> values() {
    FeeResult fee = BundledData.medicareFeeSchedule().price(ClaimLine.parse("27447-RT"), ROCHESTER);
    return List.of(
        ClaimLine.parse("71046-26 x2"),
        BilledLine.of(ClaimLine.parse("99213-25"), new java.math.BigDecimal("180.00"))
            .withDateOfService(LocalDate.of(2025, 6, 3)),
        BilledLine.parse("27447-80 $600.00 on 2025-06-02 by 1234567893"),
        Claim.builder().add("29880-RT", "2400.00").add("20610-LT", "310.00").build(),
        fee,
        fee.explanation(),
        fee.explanation().steps().get(0),
        EditFinding.flag("modifier-rules", 1, "check the modifier").withLineNumber(4));
  }

  @Test
  void aTypedFieldReadsBackEqual() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(new CptModule());
    for (Object value : values()) {
      Holder holder = new Holder();
      holder.value = value;
      String json = mapper.writeValueAsString(holder);
      assertEquals(value, mapper.readValue(json, Holder.class).value, json);
    }
  }

  /**
   * A type id after the fields makes Jackson buffer them until it knows the type; a number read
   * back from that buffer went through a double, which rounded 0.1249999999999999999 to 0.125 (a
   * cent more) and let a charge of 180.1000000000000000001 pass as 180.10.
   */
  @Test
  void aNumberBeforeTheTypeIdIsReadExactlyFromItsText() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(new CptModule());
    String fee =
        "{\"value\":{\"exactAmount\":0.1249999999999999999,"
            + "\"@class\":\"io.github.cpt4j.fee.FeeResult\"}}";
    FeeResult read = (FeeResult) mapper.readValue(fee, Holder.class).value;
    assertEquals(
        new java.math.BigDecimal("0.1249999999999999999"), read.exactAmount().orElseThrow());
    assertEquals(new java.math.BigDecimal("0.12"), read.amount().orElseThrow());
    String charge =
        "{\"value\":{\"code\":\"99213\",\"charge\":180.1000000000000000001,"
            + "\"@class\":\"io.github.cpt4j.claim.BilledLine\"}}";
    com.fasterxml.jackson.databind.JsonMappingException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            com.fasterxml.jackson.databind.JsonMappingException.class,
            () -> mapper.readValue(charge, Holder.class));
    assertTrue(e.getMessage().contains("whole cents"), e.getMessage());
  }

  @Test
  void defaultTypingReadsBackEqualInEveryInclusion() throws Exception {
    for (JsonTypeInfo.As inclusion :
        List.of(
            JsonTypeInfo.As.PROPERTY,
            JsonTypeInfo.As.WRAPPER_ARRAY,
            JsonTypeInfo.As.WRAPPER_OBJECT)) {
      ObjectMapper mapper =
          new ObjectMapper()
              .registerModule(new CptModule())
              .activateDefaultTyping(CPT4J, ObjectMapper.DefaultTyping.JAVA_LANG_OBJECT, inclusion);
      for (Object value : values()) {
        // Declared as Object, as a cache's values are.
        String json = mapper.writerFor(Object.class).writeValueAsString(value);
        assertEquals(value, mapper.readValue(json, Object.class), inclusion + " " + json);
      }
    }
  }

  @Test
  void aPricedClaimIsWrittenWithItsTypeAndTheSameMembers() throws Exception {
    PricedClaim priced =
        MedicareClaimPricer.of(BundledData.medicareFeeSchedule())
            .price(Claim.builder().add("29880-RT", "2400.00").build(), ROCHESTER);
    ObjectMapper plain = new ObjectMapper().registerModule(new CptModule());
    Holder holder = new Holder();
    holder.value = priced;
    JsonNode typed = plain.valueToTree(holder).get("value");
    assertEquals(PricedClaim.class.getName(), typed.get("@class").asText());
    JsonNode untyped = plain.valueToTree(priced);
    assertTrue(typed.has("total"));
    assertEquals(untyped.get("total"), typed.get("total"));
    assertEquals(untyped.get("lines").size(), typed.get("lines").size());
  }
}
