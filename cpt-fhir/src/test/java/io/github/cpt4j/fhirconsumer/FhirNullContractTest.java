package io.github.cpt4j.fhirconsumer;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.ClaimPricer;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirCodings;
import io.github.cpt4j.fhir.FhirResolver;
import io.github.cpt4j.testing.NullContractSweep;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * The null contract of the public API of cpt-fhir, swept as cpt-core's is: every public method and
 * constructor of every public type of its package (an automatic module, which exports them all)
 * refuses a null reference argument at the call with a {@code NullPointerException} naming it,
 * before it reads the claim: cpt-core's {@link NullContractSweep}, over this module's types. The
 * FHIR samples are HAPI's model objects, made without a FhirContext, which no method here needs.
 */
class FhirNullContractTest extends NullContractSweep {

  @Override
  protected Class<?> anchor() {
    return FhirClaimPricer.class;
  }

  @Override
  protected Map<Class<?>, Supplier<?>> samples() {
    Map<Class<?>, Supplier<?>> samples = new LinkedHashMap<>();
    samples.put(String.class, () -> "x");
    // An empty claim: a method must check its other arguments before it reads the claim.
    samples.put(Claim.class, Claim::new);
    samples.put(Bundle.class, Bundle::new);
    samples.put(Reference.class, () -> new Reference("Organization/1"));
    samples.put(Coding.class, () -> FhirCodings.toCoding(ProcedureCode.parse("99213")));
    samples.put(
        CodeableConcept.class,
        () -> new CodeableConcept(FhirCodings.toCoding(ProcedureCode.parse("99213"))));
    samples.put(ProcedureCode.class, () -> ProcedureCode.parse("99213"));
    samples.put(FhirResolver.class, FhirResolver::none);
    samples.put(Clock.class, () -> Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    samples.put(ZipLocalityTable.class, BundledData::zipLocalities);
    samples.put(ClaimPricer.class, FhirNullContractTest::pricer);
    samples.put(
        PricingContext.class,
        () ->
            PricingContext.of(
                LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY));
    return samples;
  }

  /**
   * A system URI is read from HAPI's getters, which return null for a missing one: these methods
   * take it and say "no such system", as their Javadoc says.
   */
  private static final String NO_SYSTEM = "a missing system, HAPI's null, is none (Javadoc)";

  @Override
  protected Map<String, String> nullAccepted() {
    return Map.of(
        "FhirCodeSystems.levelOf(String)", NO_SYSTEM,
        "FhirCodeSystems.isProcedureSystem(String)", NO_SYSTEM,
        "FhirCodeSystems.isPlaceOfService(String)", NO_SYSTEM,
        "FhirCodeSystems.isNpi(String)", NO_SYSTEM,
        "FhirCodeSystems.isProviderTaxonomy(String)", NO_SYSTEM,
        "FhirCodings.procedureCoding(CodeableConcept)", "empty for a null concept (Javadoc)");
  }

  private static ClaimPricer pricer;

  /** The Medicare claim pricer over the bundled data, made once. */
  private static synchronized ClaimPricer pricer() {
    if (pricer == null) {
      pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
    }
    return pricer;
  }
}
