package io.github.cpt4j.jackson;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import java.io.IOException;
import java.io.Serializable;

/** Reads a map key written as a value's text, such as the codes of {@code Map<CptCode, ...>}. */
final class TextKeyDeserializer extends KeyDeserializer implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Class<?> type;
  private final TextParser<?> parse;

  TextKeyDeserializer(Class<?> type, TextParser<?> parse) {
    this.type = type;
    this.parse = parse;
  }

  @Override
  public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
    try {
      return parse.apply(key);
    } catch (IllegalArgumentException e) { // CodeFormatException is one
      return ctxt.handleWeirdKey(type, key, "not %s: %s", JsonFields.named(type), e.getMessage());
    }
  }
}
