package io.github.cpt4j.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * A {@link ClaimLine} as {@code {"code":"71046","modifiers":["26"],"units":2}}. Reading also takes
 * the line's text, {@code "71046-26 x2"}; {@code modifiers} and {@code units} may be left out
 * (none, 1). An anesthesia line adds its {@code "minutes"}, written only when the line has them.
 */
final class ClaimLineJson {

  private ClaimLineJson() {}

  /** Writes the line's fields into the object being written. */
  static void writeFields(ClaimLine line, JsonGenerator gen) throws IOException {
    gen.writeStringField("code", line.code().toString());
    gen.writeArrayFieldStart("modifiers");
    for (Modifier modifier : line.modifiers()) {
      gen.writeString(modifier.toString());
    }
    gen.writeEndArray();
    gen.writeNumberField("units", line.units());
    if (line.hasMinutes()) {
      gen.writeNumberField("minutes", line.minutesOrZero());
    }
  }

  /** The fields of a line, read one at a time, for objects that hold a line's fields flat. */
  static final class Fields {
    /** The names of a line's fields. */
    static final Set<String> NAMES = Set.of("code", "modifiers", "units", "minutes");

    private ProcedureCode code;
    private List<Modifier> modifiers = List.of();
    private int units = 1;
    private Integer minutes; // null when absent: 0 minutes is an error, as in the line's text

    /** Reads {@code name} if it is a line's field and says whether it was. */
    boolean read(String name, JsonParser p, DeserializationContext ctxt, Class<?> owner)
        throws IOException {
      switch (name) {
        case "code" ->
            code = JsonFields.text(p, ctxt, owner, name, ProcedureCode.class, ProcedureCode::parse);
        case "modifiers" -> {
          modifiers =
              JsonFields.array(
                  p,
                  ctxt,
                  owner,
                  name,
                  (q, c) -> JsonFields.parseText(q, c, Modifier.class, Modifier::parse));
          // Checked here, not when the line is built, so that the error names the field.
          if (modifiers.size() > ClaimLine.MAX_MODIFIERS) {
            throw JsonMappingException.wrapWithPath(
                InvalidFormatException.from(
                    p,
                    "a claim line has at most "
                        + ClaimLine.MAX_MODIFIERS
                        + " modifiers, not "
                        + modifiers.size(),
                    modifiers,
                    List.class),
                owner,
                name);
          }
        }
        case "units" -> {
          Integer read = JsonFields.integer(p, ctxt, owner, name, 1, ClaimLine.MAX_UNITS, "units");
          // Null only from a DeserializationProblemHandler: the field's absence, one unit.
          units = read == null ? 1 : read;
        }
        case "minutes" ->
            minutes =
                JsonFields.integer(
                    p, ctxt, owner, name, 1, ClaimLine.MAX_MINUTES, "anesthesia minutes");
        default -> {
          return false;
        }
      }
      return true;
    }

    ClaimLine build(JsonParser p, Class<?> owner) throws IOException {
      ProcedureCode known = JsonFields.required(p, code, owner, "code");
      return JsonFields.build(
          p,
          ClaimLine.class,
          () -> {
            ClaimLine line = ClaimLine.of(known, modifiers, units);
            return minutes == null ? line : line.withMinutes(minutes);
          });
    }
  }

  static final class Serializer extends ShapedSerializer<ClaimLine> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(ClaimLine.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(ClaimLine line, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject(line);
      writeFields(line, gen);
      gen.writeEndObject();
    }
  }

  static final class Deserializer extends StdDeserializer<ClaimLine> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(ClaimLine.class);
    }

    @Override
    public ClaimLine deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING)) {
        return JsonFields.parseText(p, ctxt, ClaimLine.class, ClaimLine::parse);
      }
      if (!JsonFields.atObject(p)) {
        return (ClaimLine)
            JsonFields.unexpected(
                p, ctxt, ClaimLine.class, "expected a ClaimLine as an object or its text");
      }
      Fields fields = new Fields();
      Set<String> seen = JsonFields.names();
      for (String name = JsonFields.firstField(p, ClaimLine.class);
          name != null;
          name = JsonFields.nextField(p, ClaimLine.class)) {
        JsonFields.once(p, seen, ClaimLine.class, name);
        if (JsonFields.nullFor(p, name, Fields.NAMES)) {
          continue;
        }
        if (!fields.read(name, p, ctxt, ClaimLine.class)) {
          JsonFields.unknown(p, ctxt, this, ClaimLine.class, name);
        }
      }
      return fields.build(p, ClaimLine.class);
    }
  }
}
