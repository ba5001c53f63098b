package io.github.cpt4j.jackson;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.HcpcsCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierViolation;

/**
 * The Jackson 2.x module for cpt4j's values. Register it by hand or let Jackson find it:
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new CptModule());
 * ObjectMapper found = new ObjectMapper().findAndRegisterModules(); // the same, by ServiceLoader
 *
 * String json = mapper.writeValueAsString(ClaimLine.parse("71046-26 x2"));
 * // {"code":"71046","modifiers":["26"],"units":2}
 * ClaimLine line = mapper.readValue(json, ClaimLine.class);
 * CptCode code = mapper.readValue("\"0001F\"", CptCode.class);
 * }</pre>
 *
 * <ul>
 *   <li>{@link ProcedureCode}, {@link CptCode}, {@link HcpcsCode}, {@link Modifier}, {@link
 *       Locality}, {@link Npi}, {@link PlaceOfService} and {@link Quarter} are JSON strings in
 *       their canonical form ({@code "0001F"}, {@code "TC"}, {@code "13282-99"}, {@code
 *       "1234567893"}, {@code "11"}, {@code "2025-Q1"}), read strictly, and work as map keys too.
 *   <li>{@link ClaimLine}: {@code {"code":"71046","modifiers":["26"],"units":2}}; its text {@code
 *       "71046-26 x2"} is read too. {@link BilledLine}: the same plus {@code "charge":"2400.00"},
 *       the line's own {@code "dateOfService":"2025-06-02"} and its {@code
 *       "renderingProvider":"1234567893"} when it has them; {@link Claim}: {@code {"lines":[...]}}.
 *   <li>{@link FeeResult}, {@link Explanation} (an array of {@link PricingStep}s): read and
 *       written. Every amount is a JSON string of the exact decimal, {@code "101.056935300"}, so
 *       that no reader goes through a {@code double}; numbers are accepted on input, read exactly.
 *   <li>{@link EditFinding}, what a claim edit found on a line: read and written, its {@code line}
 *       (from 0) beside its {@code lineNumber} (from 1; {@code line + 1} when absent).
 *   <li>{@link PricedClaim}, {@link PricedLine}, {@link PricingContext}, {@link ClaimWarning} and
 *       {@link ModifierViolation}: written (they are results of the pricer; read a priced claim's
 *       parts back through {@code FeeResult} and {@code BilledLine}). A context's rendering
 *       providers of their own types are {@code
 *       "practitioners":{"1000000004":"NURSE_PRACTITIONER"}}, when it has any.
 *   <li>cpt4j's enums ({@code Setting}, {@code PractitionerType}, {@code UnpricedReason}, ...) as
 *       fields of an application's own objects: read by their names alone; a number, which
 *       Jackson's default read as the constant at that position, is refused.
 *   <li>Any other class of cpt4j's ({@code FeeCalculation}, {@code MedicareFeeSchedule}, {@code
 *       MedicareReleases}, ...) is not written: writing one fails naming the type and what to write
 *       instead, where Jackson's bean defaults wrote it in part or empty. Records ({@code PtpEdit})
 *       are left to Jackson, which writes them whole.
 * </ul>
 *
 * <p>Bad input fails with a {@code JsonMappingException} whose path names the field and whose
 * message carries the parser's, such as a {@code CodeFormatException}'s: {@code not a
 * ProcedureCode: '2744' has the wrong length at index 4: expected exactly five characters ...
 * (through reference chain: io.github.cpt4j.claim.ClaimLine["code"])}.
 *
 * <p>The module needs Jackson 2.15 or later ({@value #MIN_MAJOR}.{@value #MIN_MINOR}), whose parser
 * reads amounts exactly: registering it with an older mapper throws an {@link
 * IllegalStateException} naming the version found.
 *
 * <p>Its serializers and deserializers keep no state between calls, so a mapper with the module
 * registered may be shared by every thread, as Jackson's {@code ObjectMapper} is meant to be.
 */
public final class CptModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /**
   * The oldest Jackson the module runs on, 2.15: amounts are read with {@code
   * JsonParser.getNumberValueDeferred()} and bounded by {@code JsonParser.streamReadConstraints()},
   * both new in 2.15. With an older Jackson the first amount read failed with a {@code
   * NoSuchMethodError}, far from the version that caused it.
   */
  static final int MIN_MAJOR = 2;

  /** The minor version of {@link #MIN_MAJOR}'s oldest release the module runs on. */
  static final int MIN_MINOR = 15;

  /** Creates the module, ready to register with an {@code ObjectMapper}. */
  public CptModule() {
    super(CptModule.class.getName());
    text(ProcedureCode.class, ProcedureCode::parse);
    text(CptCode.class, CptCode::parse);
    text(HcpcsCode.class, HcpcsCode::parse);
    text(Modifier.class, Modifier::parse);
    text(Locality.class, CptModule::canonicalLocality);
    text(Npi.class, Npi::parse);
    text(PlaceOfService.class, CptModule::canonicalPlace);
    text(Quarter.class, CptModule::canonicalQuarter);

    addSerializer(ClaimLine.class, new ClaimLineJson.Serializer());
    addDeserializer(ClaimLine.class, new ClaimLineJson.Deserializer());
    addSerializer(BilledLine.class, new ClaimJson.BilledLineSerializer());
    addDeserializer(BilledLine.class, new ClaimJson.BilledLineDeserializer());
    addSerializer(Claim.class, new ClaimJson.ClaimSerializer());
    addDeserializer(Claim.class, new ClaimJson.ClaimDeserializer());

    addSerializer(FeeResult.class, new FeeResultJson.ResultSerializer());
    addDeserializer(FeeResult.class, new FeeResultJson.ResultDeserializer());
    addSerializer(Explanation.class, new FeeResultJson.ExplanationSerializer());
    addDeserializer(Explanation.class, new FeeResultJson.ExplanationDeserializer());
    addSerializer(PricingStep.class, new FeeResultJson.StepSerializer());
    addDeserializer(PricingStep.class, new FeeResultJson.StepDeserializer());

    addSerializer(EditFinding.class, new EditFindingJson.Serializer());
    addDeserializer(EditFinding.class, new EditFindingJson.Deserializer());

    addSerializer(PricedClaim.class, new PricedClaimJson.ClaimSerializer());
    addSerializer(PricedLine.class, new PricedClaimJson.LineSerializer());
    addSerializer(PricingContext.class, new PricedClaimJson.ContextSerializer());
    addSerializer(ClaimWarning.class, new PricedClaimJson.WarningSerializer());
    addSerializer(ModifierViolation.class, new PricedClaimJson.ViolationSerializer());
  }

  /**
   * Registers the module, after checking that the mapper's Jackson ({@code jackson-databind}) and
   * the parser's ({@code jackson-core}) are 2.15 or later. A {@link FeeResult} and an {@link
   * EditFinding} are also read as their runtime classes ({@code FeeResult.Priced}, {@code
   * FeeResult.Unpriced}, the finding builder's class), as a reader given {@code value.getClass()}
   * asks for them; a result of the other kind is refused.
   *
   * @throws IllegalStateException naming the version found, when either is older
   */
  @Override
  public void setupModule(SetupContext context) {
    // Jackson never passes null; a caller registering the module by hand is told which argument.
    requireNonNull(context, "context");
    requireJackson(context.getMapperVersion());
    requireJackson(com.fasterxml.jackson.core.json.PackageVersion.VERSION);
    super.setupModule(context);
    // The runtime classes of FeeResult and EditFinding, which the serializers above write.
    context.addDeserializers(new SubtypeDeserializers());
    // cpt4j's enums in an application's own objects: by name, never a number read as a position.
    context.addBeanDeserializerModifier(new EnumJson.Modifier());
    // cpt4j's other types: refused, where Jackson's bean defaults wrote them in part or empty.
    context.addBeanSerializerModifier(new UnwrittenJson.Modifier());
  }

  /**
   * Refuses a Jackson version older than 2.15, the oldest the module runs on. An unknown version (a
   * repackaged Jackson that does not say) is let through: nothing tells that it is older.
   *
   * @throws IllegalStateException naming {@code found} and the minimum, when it is older
   */
  static void requireJackson(Version found) {
    if (found.isUnknownVersion()) {
      return;
    }
    // Version.compareTo compares the group and artifact ids first: compare the numbers alone.
    boolean older =
        found.getMajorVersion() < MIN_MAJOR
            || (found.getMajorVersion() == MIN_MAJOR && found.getMinorVersion() < MIN_MINOR);
    if (older) {
      throw new IllegalStateException(
          "cpt-jackson needs Jackson "
              + MIN_MAJOR
              + "."
              + MIN_MINOR
              + " or later, and found "
              + (found.getArtifactId().isEmpty() ? "Jackson" : found.getArtifactId())
              + " "
              + found
              + ": declare jackson-databind "
              + MIN_MAJOR
              + "."
              + MIN_MINOR
              + " or later (the jackson-bom keeps jackson-core at the same version)");
    }
  }

  /**
   * Reads a locality in its canonical form alone, {@code 13282-99}, as the codes and modifiers are
   * read: {@link Locality#parse} also takes {@code 1328299}, {@code 13282 99} and blanks around
   * them, forms a person types but no writer of JSON produces.
   */
  private static Locality canonicalLocality(String text) {
    Locality locality = Locality.parse(text);
    if (!locality.toString().equals(text)) {
      throw new IllegalArgumentException(
          "expected a locality as 13282-99 (MAC, hyphen, locality number), not "
              + CodeFormatException.quote(text));
    }
    return locality;
  }

  /**
   * Reads a place of service as its two digits, {@code "11"}, as it is written: {@link
   * PlaceOfService#parse} also takes {@code "1"} and blanks around the code.
   */
  private static PlaceOfService canonicalPlace(String text) {
    PlaceOfService place = PlaceOfService.parse(text);
    if (!place.toString().equals(text)) {
      throw new IllegalArgumentException(
          "expected a place of service as two digits, 01 to 99, not "
              + CodeFormatException.quote(text));
    }
    return place;
  }

  /**
   * Reads a quarter as it is written, {@code "2025-Q1"}: {@link Quarter#parse} also takes {@code
   * 2025q1} and blanks around it.
   */
  private static Quarter canonicalQuarter(String text) {
    Quarter quarter = Quarter.parse(text);
    if (!quarter.toString().equals(text)) {
      throw new IllegalArgumentException(
          "expected a quarter as 2025-Q1 (year, hyphen, Q and 1 to 4), not "
              + CodeFormatException.quote(text));
    }
    return quarter;
  }

  private <T> void text(Class<T> type, TextParser<T> parse) {
    addSerializer(type, ToStringSerializer.instance);
    // Map keys need no serializer of their own: Jackson writes unknown key types by toString().
    addDeserializer(type, new TextValueDeserializer<>(type, parse));
    addKeyDeserializer(type, new TextKeyDeserializer(type, parse));
  }
}
