package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.cli.report.JsonText;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void escapesWhatJsonRequires() throws IOException {
    assertEquals(
        "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\"", json("a\"b\\c\n\r\t\b\f\u0001\u001f"));
    assertEquals("\"\\u2028\\u2029\"", json("\u2028\u2029"));
    assertEquals("\"/é😀\"", json("/é😀"));
  }

  @Test
  void escapesUnpairedSurrogates() throws IOException {
    assertEquals("\"\\ud800x\\udc00\"", json("\ud800x\udc00"));
    assertEquals("\"\\udbff\"", json("\udbff"));
  }

  @Test
  void writesTypedValues() throws IOException {
    StringBuilder sb = new StringBuilder();
    JsonText.appendValue(sb, null);
    sb.append(' ');
    JsonText.appendValue(sb, 42);
    sb.append(' ');
    JsonText.appendValue(sb, 7L);
    sb.append(' ');
    JsonText.appendValue(sb, new BigDecimal("1E+2"));
    sb.append(' ');
    JsonText.appendValue(sb, true);
    assertEquals("null 42 7 100 true", sb.toString());
  }

  @Property
  void anyStringRoundTripsThroughAStrictParser(@ForAll String text) throws IOException {
    String json = json(text);
    Object parsed = MiniJson.parse(json);
    // Unpaired surrogates survive as \\u escapes, so the round trip is exact for every string.
    assertEquals(text, parsed);
  }

  @Property
  void outputIsAlwaysEncodableAsUtf8(@ForAll String text) throws IOException {
    String json = json(text);
    try {
      StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(json));
    } catch (CharacterCodingException e) {
      throw new AssertionError("not encodable: " + json, e);
    }
  }

  private static String json(String text) throws IOException {
    StringBuilder sb = new StringBuilder();
    JsonText.appendString(sb, text);
    return sb.toString();
  }
}
