package io.github.cpt4j.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;

/**
 * A serializer of a type written as one JSON object or array, that also writes it with a type id,
 * as {@code @JsonTypeInfo} on an {@code Object} field and {@code
 * ObjectMapper.activateDefaultTyping} (the way many caches and session stores keep values) ask.
 * Jackson refuses a serializer without {@link #serializeWithType}; this one writes the value into a
 * buffer as usual and copies its members between the type id's prefix and suffix, so that each type
 * keeps one way of writing itself.
 */
abstract class ShapedSerializer<T> extends StdSerializer<T> {
  private static final long serialVersionUID = 1L;

  /** {@link JsonToken#START_OBJECT} or {@link JsonToken#START_ARRAY}: how the value is written. */
  private final JsonToken shape;

  ShapedSerializer(Class<T> type, JsonToken shape) {
    super(type);
    this.shape = shape;
  }

  @Override
  public final void serializeWithType(
      T value, JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
      throws IOException {
    TokenBuffer buffer = new TokenBuffer(gen.getCodec(), false);
    serialize(value, buffer, provider);
    // The id names the type this serializer is registered for, not an implementation class of
    // it (FeeResult's priced and unpriced kinds), so that the module's deserializer reads it.
    WritableTypeId typeId =
        typeSer.writeTypePrefix(gen, typeSer.typeId(value, handledType(), shape));
    try (JsonParser members = buffer.asParser(gen.getCodec())) {
      members.nextToken(); // the value's own start
      JsonToken end = shape == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
      for (JsonToken token = members.nextToken(); token != end; token = members.nextToken()) {
        gen.copyCurrentStructure(members); // a field's name and value, or an element
      }
    }
    typeSer.writeTypeSuffix(gen, typeId);
  }
}
