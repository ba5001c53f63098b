package io.github.cpt4j.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mapper with the module registered survives Java serialization, as one captured in a Spark or
 * Flink closure must, and reads as before once restored.
 */
class SerializableMapperTest {

  @Test
  void aMapperWithTheModuleIsSerializable() throws Exception {
    ObjectMapper mapper = new ObjectMapper().registerModule(new CptModule());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(mapper);
    }
    ObjectMapper restored;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      restored = (ObjectMapper) in.readObject();
    }
    assertEquals(
        ClaimLine.parse("71046-26 x2"), restored.readValue("\"71046-26 x2\"", ClaimLine.class));
    assertEquals(CptCode.parse("99213"), restored.readValue("\"99213\"", CptCode.class));
    Map<CptCode, Integer> keyed =
        restored.readValue("{\"99213\":1}", new TypeReference<Map<CptCode, Integer>>() {});
    assertEquals(Map.of(CptCode.parse("99213"), 1), keyed);
  }
}
