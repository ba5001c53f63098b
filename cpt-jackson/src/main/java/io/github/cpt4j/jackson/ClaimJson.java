package io.github.cpt4j.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.Npi;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@link BilledLine} (read from its text as well, {@code "99213-25 $180.00 on 2025-06-02"}, as
 * {@link BilledLine#parse} reads it) as a claim line's fields plus {@code "charge":"2400.00"} when
 * the charge is known, {@code "dateOfService":"2025-06-02"} when the line has its own date (a line
 * without one is priced on the claim's date) and {@code "renderingProvider":"1234567893"} when it
 * names the practitioner who furnished it (a line without one is the claim's one provider's), and a
 * {@link Claim} as {@code {"lines":[...]}}, with {@code "lineNumbers":[2,3]} when its lines have
 * numbers of their own ({@link Claim#withLineNumbers}).
 */
final class ClaimJson {

  /** The names of a billed line's fields: a claim line's, and its charge, date and provider. */
  private static final Set<String> BILLED_LINE_FIELDS =
      Stream.concat(
              ClaimLineJson.Fields.NAMES.stream(),
              Stream.of("charge", "dateOfService", "renderingProvider"))
          .collect(Collectors.toUnmodifiableSet());

  private static final Set<String> CLAIM_FIELDS = Set.of("lines", "lineNumbers");

  private ClaimJson() {}

  static void writeBilledLine(BilledLine billed, JsonGenerator gen) throws IOException {
    gen.writeStartObject(billed);
    ClaimLineJson.writeFields(billed.line(), gen);
    if (billed.charge().isPresent()) {
      gen.writeStringField("charge", billed.charge().get().toPlainString());
    }
    if (billed.dateOfService().isPresent()) {
      gen.writeStringField("dateOfService", billed.dateOfService().get().toString());
    }
    if (billed.renderingProvider().isPresent()) {
      gen.writeStringField("renderingProvider", billed.renderingProvider().get().toString());
    }
    gen.writeEndObject();
  }

  static BilledLine readBilledLine(JsonParser p, DeserializationContext ctxt) throws IOException {
    // The text toString() writes, as a claim line's text is read: "99213-25 $180.00 on 2025-06-02".
    if (p.hasToken(JsonToken.VALUE_STRING)) {
      return JsonFields.parseText(p, ctxt, BilledLine.class, BilledLine::parse);
    }
    if (!JsonFields.atObject(p)) {
      return (BilledLine)
          JsonFields.unexpected(
              p, ctxt, BilledLine.class, "expected a BilledLine as an object or its text");
    }
    ClaimLineJson.Fields line = new ClaimLineJson.Fields();
    BigDecimal charge = null;
    LocalDate date = null;
    Npi provider = null;
    Set<String> seen = JsonFields.names();
    for (String name = JsonFields.firstField(p, BilledLine.class);
        name != null;
        name = JsonFields.nextField(p, BilledLine.class)) {
      JsonFields.once(p, seen, BilledLine.class, name);
      if (JsonFields.nullFor(p, name, BILLED_LINE_FIELDS)) {
        continue;
      }
      if (name.equals("charge")) {
        charge = JsonFields.decimal(p, ctxt, BilledLine.class, name);
      } else if (name.equals("dateOfService")) {
        date = JsonFields.text(p, ctxt, BilledLine.class, name, LocalDate.class, JsonFields::date);
      } else if (name.equals("renderingProvider")) {
        provider = JsonFields.text(p, ctxt, BilledLine.class, name, Npi.class, Npi::parse);
      } else if (!line.read(name, p, ctxt, BilledLine.class)) {
        JsonFields.unknown(p, ctxt, null, BilledLine.class, name);
      }
    }
    var claimLine = line.build(p, BilledLine.class);
    BigDecimal knownCharge = charge;
    // Given a valid line, only the charge can be refused.
    BilledLine billed =
        JsonFields.build(
            p,
            BilledLine.class,
            BilledLine.class,
            "charge",
            () ->
                knownCharge == null
                    ? BilledLine.of(claimLine)
                    : BilledLine.of(claimLine, knownCharge));
    billed = date == null ? billed : billed.withDateOfService(date);
    return provider == null ? billed : billed.withRenderingProvider(provider);
  }

  static final class BilledLineSerializer extends ShapedSerializer<BilledLine> {
    private static final long serialVersionUID = 1L;

    BilledLineSerializer() {
      super(BilledLine.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(BilledLine billed, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeBilledLine(billed, gen);
    }
  }

  static final class BilledLineDeserializer extends StdDeserializer<BilledLine> {
    private static final long serialVersionUID = 1L;

    BilledLineDeserializer() {
      super(BilledLine.class);
    }

    @Override
    public BilledLine deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return readBilledLine(p, ctxt);
    }
  }

  static final class ClaimSerializer extends ShapedSerializer<Claim> {
    private static final long serialVersionUID = 1L;

    ClaimSerializer() {
      super(Claim.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(Claim claim, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject(claim);
      gen.writeArrayFieldStart("lines");
      for (BilledLine line : claim.lines()) {
        writeBilledLine(line, gen);
      }
      gen.writeEndArray();
      if (hasOwnNumbers(claim)) {
        gen.writeArrayFieldStart("lineNumbers");
        for (int i = 0; i < claim.size(); i++) {
          gen.writeNumber(claim.lineNumber(i));
        }
        gen.writeEndArray();
      }
      gen.writeEndObject();
    }
  }

  /** Whether some line's number is not its position: the numbers are then written. */
  private static boolean hasOwnNumbers(Claim claim) {
    for (int i = 0; i < claim.size(); i++) {
      if (claim.lineNumber(i) != i + 1) {
        return true;
      }
    }
    return false;
  }

  static final class ClaimDeserializer extends StdDeserializer<Claim> {
    private static final long serialVersionUID = 1L;

    ClaimDeserializer() {
      super(Claim.class);
    }

    @Override
    public Claim deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!JsonFields.atObject(p)) {
        return (Claim) JsonFields.unexpected(p, ctxt, Claim.class, "expected a Claim as an object");
      }
      List<BilledLine> lines = null;
      List<Integer> numbers = null;
      Set<String> seen = JsonFields.names();
      for (String name = JsonFields.firstField(p, Claim.class);
          name != null;
          name = JsonFields.nextField(p, Claim.class)) {
        JsonFields.once(p, seen, Claim.class, name);
        if (JsonFields.nullFor(p, name, CLAIM_FIELDS)) {
          continue;
        }
        if (name.equals("lines")) {
          lines = JsonFields.array(p, ctxt, Claim.class, name, ClaimJson::readBilledLine);
        } else if (name.equals("lineNumbers")) {
          numbers =
              JsonFields.array(
                  p,
                  ctxt,
                  Claim.class,
                  name,
                  // No owner: array() names the field and the element's index.
                  (q, c) ->
                      JsonFields.integer(
                          q, c, null, "lineNumbers", 1, Integer.MAX_VALUE, "a line number"));
        } else {
          JsonFields.unknown(p, ctxt, this, Claim.class, name);
        }
      }
      List<BilledLine> known = JsonFields.required(p, lines, Claim.class, "lines");
      List<Integer> numbered = numbers;
      // Claim.of takes any lines: only the line numbers can be refused.
      return JsonFields.build(
          p,
          Claim.class,
          Claim.class,
          "lineNumbers",
          () ->
              numbered == null
                  ? Claim.of(known)
                  : Claim.of(known)
                      .withLineNumbers(numbered.stream().mapToInt(Integer::intValue).toArray()));
    }
  }
}
