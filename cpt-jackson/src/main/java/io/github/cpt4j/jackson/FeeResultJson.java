package io.github.cpt4j.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.UnpricedReason;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A {@link FeeResult}, its {@link Explanation} and {@link PricingStep}s. Amounts are JSON strings
 * of the exact decimal ({@code "101.06"}): no reader turns them into a {@code double}, and the
 * scale survives. A priced result:
 *
 * <pre>{@code
 * {"priced":true,"amount":"101.06","exactAmount":"101.060000000","settingNotAvailable":false,
 *  "explanation":[..., {"rule":"rvu","description":"...","amountAfter":"101.056935300"},
 *  {"rule":"posted-fee","description":"...","amountAfter":"101.06"}]}
 * }</pre>
 *
 * <p>(A Medicare physician fee's exact amount is the posted fee of one unit, already in cents,
 * times the units: see {@link FeeResult}'s rounding.)
 *
 * <p>An unpriced one: {@code {"priced":false,"reason":"NOT_IN_SCHEDULE","detail":"...",
 * "explanation":[...]}}. Reading needs {@code exactAmount} (priced) or {@code reason}, not both; a
 * given {@code amount} must be {@code exactAmount} rounded as {@link FeeResult#amount()} rounds it,
 * and a given {@code priced} must agree with the rest.
 */
final class FeeResultJson {

  private static final Set<String> STEP_FIELDS = Set.of("rule", "description", "amountAfter");

  private static final Set<String> RESULT_FIELDS =
      Set.of(
          "priced",
          "amount",
          "exactAmount",
          "settingNotAvailable",
          "reason",
          "detail",
          "explanation");

  private FeeResultJson() {}

  static void writeStep(PricingStep step, JsonGenerator gen) throws IOException {
    gen.writeStartObject(step);
    gen.writeStringField("rule", step.rule());
    gen.writeStringField("description", step.description());
    if (step.amountAfter().isPresent()) {
      gen.writeStringField("amountAfter", step.amountAfter().get().toPlainString());
    }
    gen.writeEndObject();
  }

  static PricingStep readStep(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!JsonFields.atObject(p)) {
      return (PricingStep)
          JsonFields.unexpected(p, ctxt, PricingStep.class, "expected a PricingStep as an object");
    }
    String rule = null;
    String description = null;
    BigDecimal amountAfter = null;
    Set<String> seen = JsonFields.names();
    for (String name = JsonFields.firstField(p, PricingStep.class);
        name != null;
        name = JsonFields.nextField(p, PricingStep.class)) {
      JsonFields.once(p, seen, PricingStep.class, name);
      if (JsonFields.nullFor(p, name, STEP_FIELDS)) {
        continue;
      }
      switch (name) {
        case "rule" ->
            rule = JsonFields.text(p, ctxt, PricingStep.class, name, String.class, s -> s);
        case "description" ->
            description = JsonFields.text(p, ctxt, PricingStep.class, name, String.class, s -> s);
        case "amountAfter" -> amountAfter = JsonFields.amount(p, ctxt, PricingStep.class, name);
        default -> JsonFields.unknown(p, ctxt, null, PricingStep.class, name);
      }
    }
    String knownRule = JsonFields.required(p, rule, PricingStep.class, "rule");
    String knownDescription = JsonFields.required(p, description, PricingStep.class, "description");
    BigDecimal after = amountAfter;
    // Given a description, only the rule can be refused.
    return JsonFields.build(
        p,
        PricingStep.class,
        PricingStep.class,
        "rule",
        () ->
            after == null
                ? PricingStep.note(knownRule, knownDescription)
                : PricingStep.of(knownRule, knownDescription, after));
  }

  static void writeExplanation(Explanation explanation, JsonGenerator gen) throws IOException {
    gen.writeStartArray(explanation);
    for (PricingStep step : explanation.steps()) {
      writeStep(step, gen);
    }
    gen.writeEndArray();
  }

  static Explanation readExplanation(
      JsonParser p, DeserializationContext ctxt, Class<?> owner, String field) throws IOException {
    return Explanation.of(JsonFields.array(p, ctxt, owner, field, FeeResultJson::readStep));
  }

  static void writeResult(FeeResult result, JsonGenerator gen) throws IOException {
    gen.writeStartObject(result);
    gen.writeBooleanField("priced", result.isPriced());
    if (result instanceof FeeResult.Priced priced) {
      gen.writeStringField("amount", priced.roundedAmount().toPlainString());
      gen.writeStringField("exactAmount", priced.exact().toPlainString());
      gen.writeBooleanField("settingNotAvailable", priced.settingNotAvailable());
    } else if (result instanceof FeeResult.Unpriced unpriced) {
      gen.writeStringField("reason", unpriced.why().name());
      gen.writeStringField("detail", unpriced.detail());
    }
    gen.writeFieldName("explanation");
    writeExplanation(result.explanation(), gen);
    gen.writeEndObject();
  }

  static FeeResult readResult(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!JsonFields.atObject(p)) {
      return (FeeResult)
          JsonFields.unexpected(p, ctxt, FeeResult.class, "expected a FeeResult as an object");
    }
    Boolean priced = null; // implied by the rest; checked against it when given
    BigDecimal amount = null;
    BigDecimal exactAmount = null;
    boolean settingNotAvailable = false;
    UnpricedReason reason = null;
    String detail = "";
    Explanation explanation = Explanation.empty();
    Set<String> seen = JsonFields.names();
    for (String name = JsonFields.firstField(p, FeeResult.class);
        name != null;
        name = JsonFields.nextField(p, FeeResult.class)) {
      JsonFields.once(p, seen, FeeResult.class, name);
      if (JsonFields.nullFor(p, name, RESULT_FIELDS)) {
        continue;
      }
      switch (name) {
        case "priced" -> priced = JsonFields.bool(p, ctxt, FeeResult.class, name);
        case "amount" -> amount = JsonFields.roundedAmount(p, ctxt, FeeResult.class, name);
        case "exactAmount" -> exactAmount = JsonFields.amount(p, ctxt, FeeResult.class, name);
        case "settingNotAvailable" ->
            // Null only from a DeserializationProblemHandler: the field's absence, false.
            settingNotAvailable =
                Boolean.TRUE.equals(JsonFields.bool(p, ctxt, FeeResult.class, name));
        case "reason" ->
            reason =
                JsonFields.text(
                    p,
                    ctxt,
                    FeeResult.class,
                    name,
                    UnpricedReason.class,
                    JsonFields.enumName(UnpricedReason.class));
        case "detail" ->
            detail = JsonFields.text(p, ctxt, FeeResult.class, name, String.class, s -> s);
        case "explanation" -> explanation = readExplanation(p, ctxt, FeeResult.class, name);
        default -> JsonFields.unknown(p, ctxt, null, FeeResult.class, name);
      }
    }
    // The kind of result follows from 'reason'; a 'priced' flag or an amount that says otherwise
    // is a contradiction to report, not a field to drop.
    if (reason != null && exactAmount != null) {
      throw JsonMappingException.wrapWithPath(
          InvalidFormatException.from(
              p,
              "FeeResult has both a 'reason' (unpriced) and an 'exactAmount' (priced)",
              exactAmount,
              FeeResult.class),
          FeeResult.class,
          "exactAmount");
    }
    // The other fields of one kind on a result of the other kind contradict it too.
    String otherKind =
        reason != null && amount != null
            ? "amount"
            : reason != null && settingNotAvailable
                ? "settingNotAvailable"
                : reason == null && !detail.isEmpty() ? "detail" : null;
    if (otherKind != null) {
      throw JsonMappingException.wrapWithPath(
          InvalidFormatException.from(
              p,
              reason != null
                  ? "FeeResult has a 'reason' (unpriced) and a priced result's '" + otherKind + "'"
                  : "FeeResult has no 'reason' (priced) but an unpriced result's 'detail'",
              otherKind,
              FeeResult.class),
          FeeResult.class,
          otherKind);
    }
    if (priced != null && priced != (reason == null)) {
      throw JsonMappingException.wrapWithPath(
          InvalidFormatException.from(
              p,
              "FeeResult field 'priced' is "
                  + priced
                  + ", but the result "
                  + (reason == null ? "has no 'reason'" : "has the 'reason' " + reason),
              priced,
              FeeResult.class),
          FeeResult.class,
          "priced");
    }
    if (reason != null) {
      UnpricedReason knownReason = reason;
      String knownDetail = detail;
      Explanation why = explanation;
      return JsonFields.build(
          p, FeeResult.class, () -> FeeResult.unpriced(knownReason, knownDetail, why));
    }
    BigDecimal exact = JsonFields.required(p, exactAmount, FeeResult.class, "exactAmount");
    Explanation why = explanation;
    FeeResult result =
        JsonFields.build(
            p,
            FeeResult.class,
            FeeResult.class,
            "exactAmount",
            settingNotAvailable
                ? () -> FeeResult.pricedSettingNotAvailable(exact, why)
                : () -> FeeResult.priced(exact, why));
    if (amount != null && amount.compareTo(result.amountOrThrow()) != 0) {
      throw JsonMappingException.wrapWithPath(
          InvalidFormatException.from(
              p,
              "FeeResult field 'amount' is "
                  + amount.toPlainString()
                  + ", but 'exactAmount' "
                  + exact.toPlainString()
                  + " rounds to "
                  + result.amountOrThrow().toPlainString(),
              amount,
              FeeResult.class),
          FeeResult.class,
          "amount");
    }
    return result;
  }

  static final class ResultSerializer extends ShapedSerializer<FeeResult> {
    private static final long serialVersionUID = 1L;

    ResultSerializer() {
      super(FeeResult.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(FeeResult result, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeResult(result, gen);
    }
  }

  static final class ResultDeserializer extends StdDeserializer<FeeResult> {
    private static final long serialVersionUID = 1L;

    ResultDeserializer() {
      super(FeeResult.class);
    }

    @Override
    public FeeResult deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return readResult(p, ctxt);
    }
  }

  static final class ExplanationSerializer extends ShapedSerializer<Explanation> {
    private static final long serialVersionUID = 1L;

    ExplanationSerializer() {
      super(Explanation.class, JsonToken.START_ARRAY);
    }

    @Override
    public void serialize(Explanation explanation, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeExplanation(explanation, gen);
    }
  }

  static final class ExplanationDeserializer extends StdDeserializer<Explanation> {
    private static final long serialVersionUID = 1L;

    ExplanationDeserializer() {
      super(Explanation.class);
    }

    @Override
    public Explanation deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      // A bare array: the path is the index alone, not a field the JSON does not have.
      List<PricingStep> steps = JsonFields.array(p, ctxt, null, "", FeeResultJson::readStep);
      return Explanation.of(steps);
    }
  }

  static final class StepSerializer extends ShapedSerializer<PricingStep> {
    private static final long serialVersionUID = 1L;

    StepSerializer() {
      super(PricingStep.class, JsonToken.START_OBJECT);
    }

    @Override
    public void serialize(PricingStep step, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      writeStep(step, gen);
    }
  }

  static final class StepDeserializer extends StdDeserializer<PricingStep> {
    private static final long serialVersionUID = 1L;

    StepDeserializer() {
      super(PricingStep.class);
    }

    @Override
    public PricingStep deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return readStep(p, ctxt);
    }
  }
}
