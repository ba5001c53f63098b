package io.github.cpt4j.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * cpt4j's enums as fields of an application's own objects: read by their names alone. Jackson's
 * default read a number as the constant at that position, {@code 1} as the second one, so that a
 * client's index, or a constant added to the enum, silently changed which one was meant.
 */
class EnumJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new CptModule());

  /** An application's own object with cpt4j's enums as its fields. */
  record Dto(PractitionerType practitioner, Setting setting, UnpricedReason reason) {}

  @Test
  void namesRead() throws Exception {
    Dto dto =
        MAPPER.readValue(
            "{\"practitioner\":\"NURSE_PRACTITIONER\",\"setting\":\"FACILITY\","
                + "\"reason\":\"NCCI_PTP\"}",
            Dto.class);
    assertEquals(
        new Dto(PractitionerType.NURSE_PRACTITIONER, Setting.FACILITY, UnpricedReason.NCCI_PTP),
        dto);
    assertEquals(dto, MAPPER.readValue(MAPPER.writeValueAsString(dto), Dto.class));
  }

  @Test
  void aNumberIsRefusedNamingThePathAndTheNames() {
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class, () -> MAPPER.readValue("{\"practitioner\":1}", Dto.class));
    assertTrue(e.getMessage().contains("not the number 1"), e.getMessage());
    assertTrue(e.getMessage().contains("NURSE_PRACTITIONER"), e.getMessage());
    assertTrue(e.getMessage().contains("Dto[\"practitioner\"]"), e.getMessage());
  }

  @Test
  void aNumberIsRefusedForEveryEnumAndForm() {
    for (String json :
        List.of(
            "{\"setting\":0}",
            "{\"setting\":\"0\"}",
            "{\"setting\":\" 1 \"}",
            "{\"setting\":1.0}",
            "{\"setting\":[1]}",
            "{\"reason\":2}")) {
      JsonMappingException e =
          assertThrows(JsonMappingException.class, () -> MAPPER.readValue(json, Dto.class), json);
      assertTrue(e.getMessage().contains("Dto[\""), json + ": " + e.getMessage());
    }
    assertThrows(
        JsonMappingException.class, () -> MAPPER.readValue("0", MueAdjudicationIndicator.class));
  }

  @Test
  void aNumberIsRefusedWhateverTheMappersEnumSettings() throws Exception {
    ObjectMapper lenient =
        JsonMapper.builder()
            .addModule(new CptModule())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
            .build();
    for (String json : List.of("{\"setting\":1}", "{\"setting\":\"1\"}", "{\"setting\":[1]}")) {
      assertThrows(JsonMappingException.class, () -> lenient.readValue(json, Dto.class), json);
    }
    // The mapper's own leniency for names is its own to choose.
    assertEquals(
        Setting.FACILITY, lenient.readValue("{\"setting\":\"facility\"}", Dto.class).setting());
  }

  @Test
  void aNumberIsRefusedAsAMapKey() {
    JsonMappingException e =
        assertThrows(
            JsonMappingException.class,
            () -> MAPPER.readValue("{\"1\":\"x\"}", new TypeReference<Map<Setting, String>>() {}));
    assertTrue(e.getMessage().contains("FACILITY"), e.getMessage());
  }
}
