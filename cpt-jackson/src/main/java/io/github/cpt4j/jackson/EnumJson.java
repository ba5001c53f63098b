package io.github.cpt4j.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.github.cpt4j.code.CodeFormatException;
import java.io.IOException;

/**
 * cpt4j's enums ({@code PractitionerType}, {@code Setting}, {@code UnpricedReason}, ...) as fields
 * of an application's own objects: read by their names alone. Jackson's own enum deserializer read
 * a JSON number, and a string of digits, as the constant at that position unless the mapper enables
 * {@code FAIL_ON_NUMBERS_FOR_ENUMS}: {@code "practitioner":1} was {@code NURSE_PRACTITIONER}
 * without a word, and a constant added before it would silently change what the number means. Names
 * are still read by Jackson's deserializer, with the mapper's own settings for them (such as {@code
 * ACCEPT_CASE_INSENSITIVE_ENUMS}).
 */
final class EnumJson {

  private EnumJson() {}

  /** The package of cpt4j's types, whose enums are read by their names alone. */
  private static final String PACKAGE = "io.github.cpt4j.";

  /** Wraps Jackson's deserializer of each of cpt4j's enums in a {@link NameDeserializer}. */
  static final class Modifier extends BeanDeserializerModifier {

    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(
        DeserializationConfig config,
        JavaType type,
        BeanDescription beanDesc,
        JsonDeserializer<?> deserializer) {
      return type.getRawClass().getName().startsWith(PACKAGE)
          ? new NameDeserializer(deserializer, type.getRawClass())
          : deserializer;
    }
  }

  /**
   * Reads an enum's constant from its name through Jackson's own deserializer, and refuses a number
   * (a JSON number, or a string of digits) and any other token, such as an array that {@code
   * UNWRAP_SINGLE_VALUE_ARRAYS} would have opened to read a number inside it.
   */
  static final class NameDeserializer extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    private final Class<?> type;

    NameDeserializer(JsonDeserializer<?> names, Class<?> type) {
      super(names);
      this.type = type;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> names) {
      return new NameDeserializer(names, type);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        String text = p.getText();
        if (isNumber(text)) {
          throw InvalidFormatException.from(
              p, expected() + ", not the string " + CodeFormatException.quote(text), text, type);
        }
        return _delegatee.deserialize(p, ctxt);
      }
      if (p.hasToken(JsonToken.VALUE_EMBEDDED_OBJECT) && type.isInstance(p.getEmbeddedObject())) {
        return p.getEmbeddedObject(); // a constant itself, as a TokenBuffer may hold it
      }
      return JsonFields.unexpected(p, ctxt, type, expected());
    }

    /** The start of the message of a refused value: the type and the names it is read by. */
    private String expected() {
      StringBuilder names = new StringBuilder();
      for (Object constant : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ").append(((Enum<?>) constant).name());
      }
      return "expected " + JsonFields.named(type) + " as its name, one of " + names;
    }

    /**
     * Tells whether a string is read by Jackson as a constant's position: digits, blanks around
     * them and a sign allowed. No constant's name is one, as a Java name starts with a letter.
     */
    private static boolean isNumber(String text) {
      String trimmed = text.strip();
      int start = trimmed.startsWith("-") || trimmed.startsWith("+") ? 1 : 0;
      if (trimmed.length() <= start) {
        return false;
      }
      for (int i = start; i < trimmed.length(); i++) {
        if (trimmed.charAt(i) < '0' || trimmed.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }
  }
}
