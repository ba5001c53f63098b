package io.github.cpt4j.jackson;

import com.fasterxml.jackson.annotation.JacksonAnnotation;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.AnnotationMap;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.impl.UnknownSerializer;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.LineEvaluation;
import java.io.IOException;
import java.lang.annotation.Annotation;

/**
 * cpt4j's types that the module does not write ({@code FeeCalculation}, {@code
 * MedicareFeeSchedule}, {@code MedicareReleases}, a table's row...): refused with a mapping error
 * that names the type and what to write instead. Their accessors are no bean getters ({@code
 * amount()}, not {@code getAmount()}), so Jackson's bean defaults wrote them as {@code {}} or a
 * boolean or two ({@code {"oppsCapped":false}}), and an endpoint returning one lost its data
 * without an error. Records (a {@code PtpEdit}, a {@code ClfsRate}) are left to Jackson, which
 * writes every component, and so is a type an application has configured itself (a mix-in's
 * annotations).
 */
final class UnwrittenJson {

  private UnwrittenJson() {}

  /** The package of cpt4j's types. */
  private static final String PACKAGE = "io.github.cpt4j.";

  /** Replaces Jackson's bean defaults for a cpt4j type by a {@link Refusal}. */
  static final class Modifier extends BeanSerializerModifier {

    private static final long serialVersionUID = 1L;

    @Override
    public JsonSerializer<?> modifySerializer(
        SerializationConfig config, BeanDescription beanDesc, JsonSerializer<?> serializer) {
      Class<?> type = beanDesc.getBeanClass();
      boolean beanDefaults =
          serializer instanceof BeanSerializerBase || serializer instanceof UnknownSerializer;
      if (!beanDefaults
          || !type.getName().startsWith(PACKAGE)
          || type.isRecord()
          || Throwable.class.isAssignableFrom(type)
          || configured(beanDesc)) {
        return serializer;
      }
      return new Refusal(type);
    }

    /** Tells whether the application gave the type Jackson annotations, as by a mix-in. */
    private static boolean configured(BeanDescription beanDesc) {
      if (beanDesc.getClassAnnotations() instanceof AnnotationMap annotations) {
        for (Annotation annotation : annotations.annotations()) {
          if (annotation.annotationType().isAnnotationPresent(JacksonAnnotation.class)) {
            return true;
          }
        }
      }
      for (BeanPropertyDefinition property : beanDesc.findProperties()) {
        if (property.isExplicitlyIncluded()) {
          return true;
        }
      }
      return false;
    }
  }

  /** Refuses to write a cpt4j type the module does not write, saying what to write instead. */
  static final class Refusal extends StdSerializer<Object> {

    private static final long serialVersionUID = 1L;

    private final String message;

    Refusal(Class<?> type) {
      super(Object.class);
      this.message = message(type);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      throw JsonMappingException.from(gen, message);
    }

    @Override
    public void serializeWithType(
        Object value, JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
        throws IOException {
      throw JsonMappingException.from(gen, message);
    }

    private static String message(Class<?> type) {
      String name = publicName(type);
      String instead;
      if (FeeSchedule.class.isAssignableFrom(type)) {
        instead = "it is a data set, not a result: write the FeeResult or PricedClaim it prices";
      } else if (FeeCalculation.class.isAssignableFrom(type)) {
        instead =
            "write the FeeResult of the line (MedicareFeeSchedule.price), whose explanation"
                + " carries the calculation's steps, or the calculation's explanation()";
      } else if (LineEvaluation.class.isAssignableFrom(type)) {
        instead = "write the FeeResult of the line (MedicareFeeSchedule.price)";
      } else {
        instead =
            "write the results cpt-jackson writes (a FeeResult, a PricedClaim, an EditFinding,"
                + " a Claim, the codes), or the values needed as fields of an object of your own";
      }
      return "cpt-jackson does not write "
          + JsonFields.named(type).replace(type.getSimpleName(), name)
          + ", and Jackson's defaults would write it in part or empty: "
          + instead;
    }

    /**
     * The name of the public type a value is known by: {@code RvuEntry} for the generated {@code
     * ImmutableRvuEntry}, {@code LineEvaluation.Refused} for a nested class.
     */
    private static String publicName(Class<?> type) {
      Class<?> known = type;
      if (type.getSimpleName().startsWith("Immutable")) {
        String plain = type.getSimpleName().substring("Immutable".length());
        Class<?> parent = type.getSuperclass();
        if (parent != null && parent.getSimpleName().equals(plain)) {
          known = parent;
        }
        for (Class<?> face : type.getInterfaces()) {
          if (face.getSimpleName().equals(plain)) {
            known = face;
          }
        }
      }
      return known.getEnclosingClass() == null
          ? known.getSimpleName()
          : known.getEnclosingClass().getSimpleName() + "." + known.getSimpleName();
    }
  }
}
