package io.github.cpt4j.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/** Reads a value written as one JSON string, such as a code, a modifier or a locality. */
final class TextValueDeserializer<T> extends StdScalarDeserializer<T> {

  private static final long serialVersionUID = 1L;

  private final TextParser<T> parse;

  private final Class<T> type;

  TextValueDeserializer(Class<T> type, TextParser<T> parse) {
    super(type);
    this.type = type;
    this.parse = parse;
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    return JsonFields.parseText(p, ctxt, type, parse);
  }
}
