package io.github.cpt4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.cpt4j.cli.report.JsonRows;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The JSON the command line writes: one object per line, escaped for any input. */
class JsonRowsTest {

  @Test
  void writesOneObjectPerLine() throws IOException {
    StringWriter out = new StringWriter();
    JsonRows rows = new JsonRows(out);
    rows.startRow();
    rows.field("a", 1);
    rows.field("b", "x");
    rows.endRow();
    rows.startRow();
    rows.field("a", 2);
    rows.field("b", null);
    rows.endRow();
    rows.finish();
    assertEquals("[\n{\"a\":1,\"b\":\"x\"},\n{\"a\":2,\"b\":null}\n]\n", out.toString());
    StringWriter empty = new StringWriter();
    new JsonRows(empty).finish();
    assertEquals("[]\n", empty.toString());
  }

  @Test
  void escapesWhatJsonRequires() throws IOException {
    assertEquals(
        "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001F\"", json("a\"b\\c\n\r\t\b\f\u0001\u001f"));
    assertEquals("\"\\u2028\\u2029\"", json("\u2028\u2029"));
    // DEL and the C1 controls too, as the CSV and the table treat them: controls, never raw.
    assertEquals(
        "\"~\\u007F\\u0080\\u009B\\u009F\u00a0\"", json("~\u007f\u0080\u009b\u009f\u00a0"));
    assertEquals("\"/é\\uD83D\\uDE00\"", json("/é😀"));
  }

  @Test
  void escapesUnpairedSurrogates() throws IOException {
    assertEquals("\"\\uD800x\\uDC00\"", json("\ud800x\udc00"));
    assertEquals("\"\\uDBFF\"", json("\udbff"));
  }

  @Test
  void writesTypedValues() throws IOException {
    StringWriter out = new StringWriter();
    JsonRows rows = new JsonRows(out);
    rows.startRow();
    rows.field("n", null);
    rows.field("i", 42);
    rows.field("l", 7L);
    rows.field("d", new BigDecimal("1E+2"));
    rows.field("b", true);
    rows.endRow();
    rows.finish();
    // A decimal is a string of its exact plain value, as cpt-jackson writes money.
    assertEquals("[\n{\"n\":null,\"i\":42,\"l\":7,\"d\":\"100\",\"b\":true}\n]\n", out.toString());
  }

  @Test
  void theReaderOfTheTestsIsStrictAndKeepsTheScale() {
    assertThrows(IllegalArgumentException.class, () -> JsonTree.read("{\"a\":1,\"a\":2}"));
    assertThrows(IllegalArgumentException.class, () -> JsonTree.read("[] []"));
    assertEquals(new BigDecimal("10.00"), JsonTree.read("[10.00]").get(0).decimalValue());
  }

  @Property
  void anyStringRoundTripsThroughAStrictParser(@ForAll String text) throws IOException {
    JsonNode parsed = JsonTree.read(json(text));
    // Unpaired surrogates survive as \\u escapes, so the round trip is exact for every string.
    assertEquals(text, parsed.textValue());
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

  /** {@code text} as written in a row, the quoted string alone. */
  private static String json(String text) throws IOException {
    StringWriter out = new StringWriter();
    JsonRows rows = new JsonRows(out);
    rows.startRow();
    rows.field("k", text);
    rows.endRow();
    rows.finish();
    String written = out.toString();
    JsonNode parsed = JsonTree.read(written);
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    assertEquals(nodes.arrayNode().add(nodes.objectNode().put("k", text)), parsed);
    return written.substring("[\n{\"k\":".length(), written.length() - "}\n]\n".length());
  }

  /**
   * Abandoning closes the array of whole rows as finish does; a half-written row, or no row at all,
   * is flushed as it stands rather than closed dishonestly.
   */
  @Test
  void abandonClosesOnlyWhatItHonestlyCan() throws IOException {
    StringWriter whole = new StringWriter();
    JsonRows rows = new JsonRows(whole);
    rows.startRow();
    rows.field("a", 1);
    rows.endRow();
    rows.abandon();
    assertEquals("[\n{\"a\":1}\n]\n", whole.toString());

    StringWriter half = new StringWriter();
    JsonRows halfRows = new JsonRows(half);
    halfRows.startRow();
    halfRows.field("a", 1);
    halfRows.abandon();
    assertEquals("[\n{\"a\":1", half.toString());

    StringWriter none = new StringWriter();
    new JsonRows(none).abandon();
    assertEquals("", none.toString());

    StringWriter finished = new StringWriter();
    JsonRows done = new JsonRows(finished);
    done.finish();
    done.abandon();
    assertEquals("[]\n", finished.toString());
  }
}
