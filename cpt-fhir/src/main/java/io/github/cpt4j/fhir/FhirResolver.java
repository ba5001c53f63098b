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
 * the billing provider (for the service ZIP code) and of the patient (for the beneficiary's ZIP
 * code), and, within a resolved resource, those it makes in turn ({@code
 * PractitionerRole.practitioner}), a local one among that resource's own contained resources.
 *
 * <pre>{@code
 * FhirClaimPricer pricer = FhirClaimPricer.of(claimPricer).withResolver(FhirResolver.of(bundle));
 * FhirResolver store = reference -> Optional.ofNullable(myStore.find(reference.getReference()));
 * }</pre>
 *
 * <p>A resolver answers empty for a reference it cannot follow, which then says nothing, as an
 * unresolved reference always has; a resource of a type the reference cannot name ({@code
 * Claim.facility} resolved to a {@code Patient}) is refused at the reference. A {@link
 * FhirMappingException} the resolver throws is refused at the reference, with the resolver's as its
 * cause; any other exception (a store that is down) reaches the caller as it is. A resolver is
 * called at most once per reference element of a claim's pricing, and only for references cpt4j
 * needs. A {@link FhirClaimPricer} shared between threads calls its resolver from each: it must be
 * thread-safe. cpt4j reads the resources it gets and changes none of their values; HAPI's getters
 * may still create an empty list or element on first read, so resources that several threads read
 * at once should not be written by any.
 */
@FunctionalInterface
public interface FhirResolver {

  /**
   * Returns the resource {@code reference} names, or empty when this resolver cannot find it. The
   * reference is not local ({@code #id}) and has a {@code reference}, an {@code identifier} or
   * both.
   *
   * @param reference a reference outside the claim
   * @return the resource, or empty when this resolver cannot find it
   */
  Optional<Resource> resolve(Reference reference);

  /** {@return a resolver that finds nothing: only the claim's contained resources are read} */
  static FhirResolver none() {
    return reference -> Optional.empty();
  }

  /**
   * Returns a resolver over the entries of {@code bundle}, as R4 resolves references in a Bundle
   * ("Resolving references in Bundles"): an absolute reference ({@code urn:uuid:...}, {@code
   * https://host/fhir/Practitioner/7}) names the entry of that {@code fullUrl}; a relative one
   * ({@code Practitioner/7}) made by an entry whose {@code fullUrl} is a RESTful URL names the
   * entry of that URL's base and the reference ({@code https://host/fhir/} and {@code
   * Practitioner/7}), so that another server's practitioner of the same id is never taken for it. A
   * reference to a version ({@code /_history/2}) names the entry of that {@code meta.versionId};
   * one without names the entry of that URL, and two entries of one URL (two versions) make it
   * refused with a {@link FhirMappingException} when it is resolved. A reference by identifier
   * alone resolves to nothing.
   *
   * <p>Beyond R4, which gives them no meaning, cpt4j resolves a relative reference made by an entry
   * of no RESTful {@code fullUrl} (a {@code urn:uuid:}) to the entry whose resource is of that type
   * and id, refusing it when two are (two servers'); and a relative reference that is no element of
   * the bundle's entries (a copy of the claim, or one made by hand) as one of the bundle's claim
   * would be read (against its server, or by type and id for a claim at a URN), refusing it when
   * the bundle's claims are on several servers (in a bundle of no claim, the servers of its RESTful
   * entries count). So price the claim object of the bundle's entry, not a copy. The bundle is
   * indexed once, now, with the reference elements of each entry's resource; later changes to it
   * are not seen.
   *
   * @param bundle the bundle whose entries references are resolved to
   * @return the resolver
   * @throws FhirMappingException at a null entry ({@code Bundle.entry[2]}) or a null in a list of
   *     an entry's resource ({@code Bundle.entry[0].resource.identifier[1]}), which a bundle built
   *     in code can hold; at a {@code fullUrl} of extensions but no value (a data-absent reason)
   */
  static FhirResolver of(Bundle bundle) {
    return BundleResolver.of(bundle);
  }
}
