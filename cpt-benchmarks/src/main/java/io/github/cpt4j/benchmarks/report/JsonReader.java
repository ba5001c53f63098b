package io.github.cpt4j.benchmarks.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that JMH writes ({@code -rf json}) with Jackson's streaming parser into plain
 * collections: objects become {@link LinkedHashMap}s, arrays {@link ArrayList}s, numbers {@link
 * Double}s; JMH writes NaN as the string {@code "NaN"}, which stays a string.
 */
final class JsonReader {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonReader() {}

  /**
   * Parses one JSON document.
   *
   * @throws IllegalArgumentException with the offset of the first malformed character
   */
  static Object parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      Object value = value(parser, parser.nextToken());
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException(
            "malformed JSON at offset "
                + parser.currentTokenLocation().getCharOffset()
                + ": expected the end of input");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "malformed JSON at offset "
              + e.getLocation().getCharOffset()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String does not fail to read
    }
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      throw new JsonParseEndException(parser);
    }
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          map.put(name, value(parser, parser.nextToken()));
        }
        yield map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          list.add(value(parser, t));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new JsonParseEndException(parser);
    };
  }

  /** The input ended, or held something other than a value, where a value was due. */
  private static final class JsonParseEndException extends JsonProcessingException {
    private static final long serialVersionUID = 1L;

    JsonParseEndException(JsonParser parser) {
      super("expected a value", parser.currentLocation());
    }
  }
}
