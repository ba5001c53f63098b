package io.github.cpt4j.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierViolation;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link PricedClaim}, written for reports and APIs: the context, the total, and each {@link
 * PricedLine} with its billed line, its {@code FeeResult}, the rule or claim edit that refused it
 * (its id, such as {@code "co-surgery"}) and its warnings (a broken modifier rule among them).
 * Amounts are exact decimal strings, as everywhere in this module.
 *
 * <pre>{@code
 * {"context":{"dateOfService":"2025-06-02","area":"13282-99","setting":"FACILITY",
 *             "participating":true,"qualifyingApmParticipant":false,"practitioner":"PHYSICIAN"},
 *  "total":"614.69","fullyPriced":true,
 *  "lines":[{"index":0,"lineNumber":1,
 *            "billed":{"code":"29880","modifiers":["RT"],"units":1,"charge":"2400.00"},
 *            "result":{"priced":true,"amount":"531.70",...},"warnings":[]}, ...],
 *  "warnings":[]}
 * }</pre>
 *
 * <p>A group's context that gives rendering providers types of their own ({@code
 * PricingContext.practitioners()}) writes them after its {@code practitioner}, by NPI: {@code
 * "practitioners":{"1000000004":"NURSE_PRACTITIONER"}}; a context that gives none has no such
 * field.
 *
 * <p>The context's {@code supervisorPresentAtInduction} is written, {@code true}, only when the
 * context says it ({@code PricingContext.supervisorPresentAtInduction()}: the time unit of an AD
 * anesthesia line).
 *
 * <p>A claim of limiting charges ({@code PricedClaim.isLimitingCharges()}, what {@code
 * limitingCharges} of a Medicare claim pricer returns) says so, {@code "limitingCharges":true},
 * after its context; its {@code total} is the sum of the lines that have a limiting charge, and is
 * left out when no line has one (a claim of laboratory tests and DMEPOS items only), rather than
 * written {@code "0.00"}.
 *
 * <p>A line's {@code index} is its position from 0 ({@link PricedLine#index()}); {@code lineNumber}
 * is the number its explanation and warnings name it by, from 1 ({@link PricedLine#lineNumber()}):
 * {@code index + 1}, unless the claim had line numbers of its own.
 *
 * <p>The claim's {@code warnings} are its lines' warnings, in line order, each with the {@code
 * lineNumber} of the line that raised it, {@code {"lineNumber":3,"kind":...}}; a line's own {@code
 * warnings}, and a warning written alone, have no such field.
 */
final class PricedClaimJson {

  private PricedClaimJson() {}

  static void writeContext(PricingContext context, JsonGenerator gen) throws IOException {
    gen.writeStartObject(context);
    gen.writeStringField("dateOfService", context.dateOfService().toString());
    if (context.area().isPresent()) {
      gen.writeStringField("area", context.area().get().id());
    }
    gen.writeStringField("setting", context.setting().name());
    gen.writeBooleanField("participating", context.participating());
    gen.writeBooleanField("qualifyingApmParticipant", context.qualifyingApmParticipant());
    // The rest also change amounts (a practitioner's share, the facility rate of a place, DMEPOS
    // by the patient's ZIP code): a report must be able to explain its own figures.
    gen.writeStringField("practitioner", context.practitioner().name());
    if (!context.practitioners().isEmpty()) {
      // Only when given: a group's claim prices each of these NPIs' lines as its own type, and a
      // context without them is written as before. By NPI, not in the order given: equal
      // contexts (the map's equality ignores order) are written alike.
      gen.writeObjectFieldStart("practitioners");
      for (Map.Entry<Npi, PractitionerType> entry :
          new TreeMap<>(context.practitioners()).entrySet()) {
        gen.writeStringField(entry.getKey().toString(), entry.getValue().name());
      }
      gen.writeEndObject();
    }
    if (context.placeOfService().isPresent()) {
      gen.writeStringField(
          "placeOfService",
          String.format(Locale.ROOT, "%02d", context.placeOfService().get().code()));
    }
    if (context.beneficiaryZip().isPresent()) {
      gen.writeStringField("beneficiaryZip", context.beneficiaryZip().get());
    }
    if (context.supervisorPresentAtInduction()) {
      // Only when said: it changes the amount of an AD anesthesia line alone, and is rarely set.
      gen.writeBooleanField("supervisorPresentAtInduction", true);
    }
    gen.writeEndObject();
  }

  static void writeWarning(ClaimWarning warning, JsonGenerator gen) throws IOException {
    gen.writeStartObject(warning);
    writeWarningFields(warning, gen);
    gen.writeEndObject();
  }

  private static void writeWarningFields(ClaimWarning warning, JsonGenerator gen)
      throws IOException {
    gen.writeStringField("kind", warning.kind().name());
    gen.writeStringField("rule", warning.rule());
    gen.writeStringField("message", warning.message());
  }

  static void writeViolation(ModifierViolation violation, JsonGenerator gen) throws IOException {
    gen.writeStartObject(violation);
    gen.writeStringField("rule", violation.rule().name());
    gen.writeStringField("code", violation.code().toString());
    gen.writeArrayFieldStart("modifiers");
    for (Modifier modifier : violation.modifiers()) {
      gen.writeString(modifier.toString());
    }
    gen.writeEndArray();
    gen.writeStringField("message", violation.message());
    gen.writeEndObject();
  }

  static void writeLine(PricedLine line, JsonGenerator gen) throws IOException {
    gen.writeStartObject(line);
    gen.writeNumberField("index", line.index());
    // index is from 0; explanations and warnings say "line N" by the claim's numbers, from 1:
    // the number too, so that a reader can match them without knowing the claim's numbering.
    gen.writeNumberField("lineNumber", line.lineNumber());
    gen.writeFieldName("billed");
    ClaimJson.writeBilledLine(line.billed(), gen);
    gen.writeFieldName("result");
    FeeResultJson.writeResult(line.result(), gen);
    if (line.refusedBy().isPresent()) {
      gen.writeStringField("refusedBy", line.refusedBy().get());
    }
    gen.writeArrayFieldStart("warnings");
    for (ClaimWarning warning : line.warnings()) {
      writeWarning(warning, gen);
    }
    gen.writeEndArray();
    gen.writeEndObject();
  }

  static final class ClaimSerializer extends ShapedSerializer<PricedClaim> {
    private static final long serialVersionUID = 1L;

    ClaimSerializer() {
      super(PricedClaim.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(PricedClaim claim, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject(claim);
      gen.writeFieldName("context");
      writeContext(claim.context(), gen);
      // A claim of limiting charges without one has no total: 0.00 would read as a cap of nothing.
      if (claim.isLimitingCharges()) {
        gen.writeBooleanField("limitingCharges", true);
        Optional<BigDecimal> total = claim.pricedTotal();
        if (total.isPresent()) {
          gen.writeStringField("total", total.get().toPlainString());
        }
      } else {
        gen.writeStringField("total", claim.total().toPlainString());
      }
      gen.writeBooleanField("fullyPriced", claim.isFullyPriced());
      gen.writeArrayFieldStart("lines");
      for (PricedLine line : claim.lines()) {
        writeLine(line, gen);
      }
      gen.writeEndArray();
      // The claim's warnings are its lines' (PricedClaim.warnings()), in line order; a warning
      // does not know its line, so each is written from its line, with the line's number.
      gen.writeArrayFieldStart("warnings");
      for (PricedLine line : claim.lines()) {
        for (ClaimWarning warning : line.warnings()) {
          gen.writeStartObject(warning);
          gen.writeNumberField("lineNumber", line.lineNumber());
          writeWarningFields(warning, gen);
          gen.writeEndObject();
        }
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
  }

  static final class LineSerializer extends ShapedSerializer<PricedLine> {
    private static final long serialVersionUID = 1L;

    LineSerializer() {
      super(PricedLine.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(PricedLine line, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeLine(line, gen);
    }
  }

  static final class ContextSerializer extends ShapedSerializer<PricingContext> {
    private static final long serialVersionUID = 1L;

    ContextSerializer() {
      super(PricingContext.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(PricingContext context, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeContext(context, gen);
    }
  }

  static final class WarningSerializer extends ShapedSerializer<ClaimWarning> {
    private static final long serialVersionUID = 1L;

    WarningSerializer() {
      super(ClaimWarning.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(ClaimWarning warning, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeWarning(warning, gen);
    }
  }

  static final class ViolationSerializer extends ShapedSerializer<ModifierViolation> {
    private static final long serialVersionUID = 1L;

    ViolationSerializer() {
      super(ModifierViolation.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(
        ModifierViolation violation, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeViolation(violation, gen);
    }
  }
}
