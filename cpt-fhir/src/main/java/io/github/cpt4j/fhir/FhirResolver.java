package io.github.cpt4j.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Finds the resource a claim's reference names outside the claim: {@code Practitioner/123} in your
 * FHIR store, or the entry of the Bundle the claim came in. cpt4j reads the claim's contained
 * resources ({@code #id}) itself; with a resolver it also follows the references of the care team
 * (for each provider's NPI and taxonomy qualification), of the items' locations, the facility and
 * the billing provider (for the service ZIP code), and, within a resolved resource, those it makes
 * in turn ({@code PractitionerRole.practitioner}), a local one among that resource's own contained
 * resources.
 *
 * <pre>{@code
 * FhirClaimPricer pricer = FhirClaimPricer.of(claimPricer).withResolver(FhirResolver.of(bundle));
 * FhirResolver store = reference -> Optional.ofNullable(myStore.find(reference.getReference()));
 * }</pre>
 *
 * <p>A resolver answers empty for a reference it cannot follow, which then says nothing, as an
 * unresolved reference always has; a resource of a type the reference cannot name ({@code
 * Claim.facility} resolved to a {@code Patient}) is refused at the reference. A resolver is called
 * at most once per reference element of a claim's reading, and only for references cpt4j needs.
 */
@FunctionalInterface
public interface FhirResolver {

  /**
   * Returns the resource {@code reference} names, or empty when this resolver cannot find it. The
   * reference is not local ({@code #id}) and has a {@code reference}, an {@code identifier} or
   * both; cpt4j reads the resource and never changes it.
   */
  Optional<? extends Resource> resolve(Reference reference);

  /** Returns a resolver that finds nothing: only the claim's contained resources are read. */
  static FhirResolver none() {
    return reference -> Optional.empty();
  }

  /**
   * Returns a resolver over the entries of {@code bundle}, as R4 resolves references in a Bundle:
   * an absolute reference ({@code urn:uuid:...}, {@code https://host/fhir/Practitioner/7}) names
   * the entry of that {@code fullUrl}; a relative one ({@code Practitioner/7}) the entry of that
   * {@code fullUrl}, else the entry whose resource is of that type and id. A version ({@code
   * /_history/2}) is ignored on both sides. The bundle is indexed once, now; later changes to it
   * are not seen.
   *
   * @throws FhirMappingException at a second entry of a {@code fullUrl} already seen, and, when a
   *     reference is resolved, for a relative reference that names entries of two servers
   */
  static FhirResolver of(Bundle bundle) {
    return BundleResolver.of(bundle);
  }
}
