package io.github.cpt4j.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.FeeResult;
import java.io.IOException;
import java.io.Serializable;

/**
 * Reads the runtime classes of the values the module reads by a public supertype: a {@link
 * FeeResult} is a {@code FeeResult.Priced} or a {@code FeeResult.Unpriced}, an {@link EditFinding}
 * the class its builder makes. Jackson looks a deserializer up by the exact class asked for, so a
 * reader asked for {@code value.getClass()} (a message broker's or a cache's JSON serializer that
 * records the class beside the JSON, a {@code Map<String, FeeResult.Priced>}) fell through to bean
 * deserialization, {@code Cannot construct instance of FeeResult$Priced}, though the module writes
 * those very values. Each is read as its public type is, then checked to be of the class asked for:
 * an unpriced result read as {@code FeeResult.Priced} is refused, saying which it is.
 */
final class SubtypeDeserializers extends Deserializers.Base implements Serializable {

  private static final long serialVersionUID = 1L;

  @Override
  public JsonDeserializer<?> findBeanDeserializer(
      JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
    Class<?> raw = type.getRawClass();
    // The public types themselves have the module's own deserializers, found before this.
    if (raw != FeeResult.class && FeeResult.class.isAssignableFrom(raw)
        || raw != EditFinding.class && EditFinding.class.isAssignableFrom(raw)) {
      return new SubtypeDeserializer<>(raw);
    }
    return null;
  }

  /** Reads {@code kind}, a subclass of {@link FeeResult} or {@link EditFinding}. */
  static final class SubtypeDeserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> kind;

    SubtypeDeserializer(Class<T> kind) {
      super(kind);
      this.kind = kind;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      boolean result = FeeResult.class.isAssignableFrom(kind);
      Object value =
          result ? FeeResultJson.readResult(p, ctxt) : EditFindingJson.readFinding(p, ctxt);
      // Null only from a DeserializationProblemHandler given an unexpected token: its answer.
      if (value == null || kind.isInstance(value)) {
        return kind.cast(value);
      }
      String message;
      if (value instanceof FeeResult fee) {
        boolean wantsPriced = kind == FeeResult.Priced.class;
        message =
            "expected "
                + (wantsPriced ? "a priced" : "an unpriced")
                + " FeeResult (FeeResult."
                + kind.getSimpleName()
                + "), but the result is "
                + (fee.isPriced()
                    ? "priced: it has no 'reason'"
                    : "unpriced: it has the 'reason' " + fee.reason().orElseThrow());
      } else {
        // A class of the caller's own extending EditFinding: the module makes the builder's.
        message =
            "an EditFinding is read as "
                + value.getClass().getName()
                + ", the class EditFinding.builder() makes, not as "
                + kind.getName();
      }
      throw InvalidFormatException.from(p, message, value, kind);
    }
  }
}
