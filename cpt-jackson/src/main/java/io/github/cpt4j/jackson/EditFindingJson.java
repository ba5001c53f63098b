package io.github.cpt4j.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An {@link EditFinding}, what a claim edit or scrubber found on one line:
 *
 * <pre>{@code
 * {"edit":"ncci-ptp","line":1,"lineNumber":3,"action":"DENY_LINE","deniedUnits":1,
 *  "reason":"NCCI_PTP","message":"...",
 *  "data":{"kind":"PTP","column1":"27447","column2":"20610",...}}
 * }</pre>
 *
 * <p>{@code line} is the line's index from 0, {@code lineNumber} the number the claim and the
 * message name it by, from 1. On reading, {@code lineNumber} may be absent (JSON written before it
 * existed): it is then {@code line + 1}, as {@link EditFinding#lineNumber()} defaults it, and
 * {@code data} may be absent (none). A count of units that does not fit the action is refused at
 * {@code deniedUnits}.
 */
final class EditFindingJson {

  private static final Set<String> FIELDS =
      Set.of("edit", "line", "lineNumber", "action", "deniedUnits", "reason", "message", "data");

  private EditFindingJson() {}

  static void writeFinding(EditFinding finding, JsonGenerator gen) throws IOException {
    gen.writeStartObject(finding);
    gen.writeStringField("edit", finding.edit());
    gen.writeNumberField("line", finding.line());
    gen.writeNumberField("lineNumber", finding.lineNumber());
    gen.writeStringField("action", finding.action().name());
    gen.writeNumberField("deniedUnits", finding.deniedUnits());
    gen.writeStringField("reason", finding.reason().name());
    gen.writeStringField("message", finding.message());
    gen.writeObjectFieldStart("data");
    for (Map.Entry<String, String> entry : finding.data().entrySet()) {
      gen.writeStringField(entry.getKey(), entry.getValue());
    }
    gen.writeEndObject();
    gen.writeEndObject();
  }

  static EditFinding readFinding(JsonParser p, DeserializationContext ctxt) throws IOException {
    Class<EditFinding> type = EditFinding.class;
    if (!JsonFields.atObject(p)) {
      return (EditFinding)
          JsonFields.unexpected(p, ctxt, type, "expected an EditFinding as an object");
    }
    String edit = null;
    Integer line = null;
    Integer lineNumber = null;
    EditAction action = null;
    Integer deniedUnits = null;
    UnpricedReason reason = null;
    String message = null;
    Map<String, String> data = Map.of();
    Set<String> seen = JsonFields.names();
    for (String name = JsonFields.firstField(p, type);
        name != null;
        name = JsonFields.nextField(p, type)) {
      JsonFields.once(p, seen, type, name);
      if (JsonFields.nullFor(p, name, FIELDS)) {
        continue;
      }
      switch (name) {
        case "edit" -> edit = JsonFields.text(p, ctxt, type, name, String.class, s -> s);
        case "line" ->
            line = JsonFields.integer(p, ctxt, type, name, 0, Integer.MAX_VALUE, "a line");
        case "lineNumber" ->
            lineNumber =
                JsonFields.integer(p, ctxt, type, name, 1, Integer.MAX_VALUE, "a line number");
        case "action" ->
            action =
                JsonFields.text(
                    p, ctxt, type, name, EditAction.class, JsonFields.enumName(EditAction.class));
        case "deniedUnits" ->
            deniedUnits =
                JsonFields.integer(p, ctxt, type, name, 0, Integer.MAX_VALUE, "deniedUnits");
        case "reason" ->
            reason =
                JsonFields.text(
                    p,
                    ctxt,
                    type,
                    name,
                    UnpricedReason.class,
                    JsonFields.enumName(UnpricedReason.class));
        case "message" -> message = JsonFields.text(p, ctxt, type, name, String.class, s -> s);
        case "data" -> data = readData(p, ctxt);
        default -> JsonFields.unknown(p, ctxt, null, type, name);
      }
    }
    String knownEdit = JsonFields.required(p, edit, type, "edit");
    int knownLine = JsonFields.required(p, line, type, "line");
    EditAction knownAction = JsonFields.required(p, action, type, "action");
    int units = JsonFields.required(p, deniedUnits, type, "deniedUnits");
    UnpricedReason knownReason = JsonFields.required(p, reason, type, "reason");
    String knownMessage = JsonFields.required(p, message, type, "message");
    // Before lineNumber was written, a finding's number was its position; the last index an int
    // holds has none after it, so only its own number, which EditFinding takes, can name it.
    if (lineNumber == null && knownLine == Integer.MAX_VALUE) {
      throw JsonMappingException.wrapWithPath(
          InvalidFormatException.from(
              p,
              "an edit finding on line "
                  + knownLine
                  + " needs its 'lineNumber': line + 1 is no int",
              null,
              type),
          type,
          "lineNumber");
    }
    int number = lineNumber == null ? knownLine + 1 : lineNumber;
    Map<String, String> knownData = data;
    if (knownEdit.isEmpty()) {
      throw JsonMappingException.wrapWithPath(
          InvalidFormatException.from(p, "an edit finding needs the edit's name", "", type),
          type,
          "edit");
    }
    try {
      // The name is a rule id (ClaimEdit.name()): refused at its own field, not at deniedUnits.
      PricingStep.checkRule(knownEdit);
    } catch (IllegalArgumentException e) {
      throw JsonMappingException.wrapWithPath(
          InvalidFormatException.from(p, e.getMessage(), knownEdit, type), type, "edit");
    }
    // The fields each read well: only the units can disagree with the action.
    return JsonFields.build(
        p,
        type,
        type,
        "deniedUnits",
        () ->
            EditFinding.builder()
                .edit(knownEdit)
                .line(knownLine)
                .lineNumber(number)
                .action(knownAction)
                .deniedUnits(units)
                .reason(knownReason)
                .message(knownMessage)
                .putAllData(knownData)
                .build());
  }

  /** Reads {@code data}, an object of strings, in its order (the order the edit gave it). */
  private static Map<String, String> readData(JsonParser p, DeserializationContext ctxt)
      throws IOException {
    if (!p.hasToken(JsonToken.START_OBJECT)) {
      throw JsonMappingException.wrapWithPath(
          JsonFields.wrongKind(p, "expected an object of strings", Map.class),
          EditFinding.class,
          "data");
    }
    Map<String, String> data = new LinkedHashMap<>();
    try {
      for (String key = JsonFields.nextField(p, Map.class);
          key != null;
          key = JsonFields.nextField(p, Map.class)) {
        try {
          if (data.containsKey(key)) {
            // Which of two values the edit meant is not for cpt4j to guess: the first was dropped.
            throw InvalidFormatException.from(
                p,
                "the data has the key " + CodeFormatException.quote(key) + " twice",
                key,
                Map.class);
          }
          String value = JsonFields.parseText(p, ctxt, String.class, s -> s);
          if (value == null) {
            // A DeserializationProblemHandler's answer: the data holds no null.
            throw InvalidFormatException.from(p, JsonFields.HANDLER_NULL, null, String.class);
          }
          data.put(key, value);
        } catch (JsonMappingException e) {
          throw JsonMappingException.wrapWithPath(e, Map.class, key);
        }
      }
    } catch (JsonMappingException e) {
      throw JsonMappingException.wrapWithPath(e, EditFinding.class, "data");
    }
    return data;
  }

  static final class Serializer extends ShapedSerializer<EditFinding> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(EditFinding.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(EditFinding finding, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeFinding(finding, gen);
    }
  }

  static final class Deserializer extends StdDeserializer<EditFinding> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(EditFinding.class);
    }

    @Override
    public EditFinding deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return readFinding(p, ctxt);
    }
  }
}
