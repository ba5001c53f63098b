package io.github.cpt4j.fhir;

import static io.github.cpt4j.fhir.FhirClaims.requireValue;
import static io.github.cpt4j.fhir.FhirClaims.withoutNulls;
import static java.util.Objects.requireNonNull;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The references of one claim's reading, followed: a local one ({@code #id}) to a resource its
 * container contains, any other through the caller's {@link FhirResolver}, each resolved once.
 */
final class References {

  /**
   * A resource a reference names, with its FHIR path for messages ({@code Claim.contained[0]}, or
   * {@code Claim.facility.resolve()}) and the resource whose contained resources its own local
   * references name, with that one's path.
   */
  record Target(Resource resource, String path, DomainResource container, String containerPath) {}

  private final org.hl7.fhir.r4.model.Claim claim;
  private final FhirResolver resolver;

  /** What the resolver gave for each reference element, by identity: asked once each. */
  private final IdentityHashMap<Reference, Optional<Resource>> resolved = new IdentityHashMap<>();

  References(org.hl7.fhir.r4.model.Claim claim, FhirResolver resolver) {
    this.claim = claim;
    this.resolver = resolver;
  }

  /** The references of {@code claim}, followed through {@code resolver}: one reading's. */
  static References of(org.hl7.fhir.r4.model.Claim claim, FhirResolver resolver) {
    return new References(requireNonNull(claim, "claim"), requireNonNull(resolver, "resolver"));
  }

  /**
   * Follows a reference the claim itself makes; see {@link #target(Target, Reference, String,
   * List)}.
   */
  Optional<Target> target(Reference reference, String path, List<String> types) {
    return target(null, reference, path, types);
  }

  /**
   * The resource {@code reference}, at {@code path}, names: one of {@code types}. Empty for a
   * reference that is not local and that the resolver cannot follow.
   *
   * @param from the resource that makes the reference, whose container a local reference looks in;
   *     null for the claim
   * @throws FhirMappingException at the reference when a local one names no contained resource, or
   *     when the resource it names is of another type
   */
  Optional<Target> target(Target from, Reference reference, String path, List<String> types) {
    return follow(from, reference, path, types);
  }

  /**
   * The resource {@code reference}, at {@code path}, names, of any type; empty also for a local
   * reference that names no contained resource, and for a reference element without a value (a
   * data-absent reason). For what is optional detail, such as a qualification: a reference that
   * must name a resource of a type is refused where that is read.
   */
  Optional<Target> lookup(Target from, Reference reference, String path) {
    return follow(from, reference, path, null);
  }

  /** {@link #target}, or {@link #lookup} when {@code types} is null. */
  private Optional<Target> follow(
      Target from, Reference reference, String path, List<String> types) {
    if (types != null) {
      // requireValue passes an absent element: an element with extensions alone is refused.
      // hasReferenceElement first: HAPI's getter alone sets an empty one on the caller's claim.
      requireValue(
          reference.hasReferenceElement() ? reference.getReferenceElement_() : null,
          path + ".reference");
    }
    DomainResource container = from == null ? claim : from.container();
    String containerPath = from == null ? "Claim" : from.containerPath();
    String target = reference.getReference();
    if (target != null && target.startsWith("#")) {
      int c =
          types == null
              ? indexOf(container, containerPath, target.substring(1))
              : contained(
                  container, containerPath, target.substring(1), path + ".reference", types);
      if (c < 0) {
        return Optional.empty();
      }
      String at = containerPath + ".contained[" + c + "]";
      return Optional.of(new Target(container.getContained().get(c), at, container, containerPath));
    }
    // A reference element with extensions alone "has" a reference, of no value: nothing to follow.
    if ((target == null || target.isEmpty()) && !reference.hasIdentifier()) {
      return Optional.empty();
    }
    Optional<Resource> found = resolved.get(reference);
    if (found == null) {
      try {
        found = resolver.resolve(reference);
      } catch (FhirMappingException e) {
        // The resolver's own element (a Bundle's entry) is not the claim's: the claim's reference
        // is what the caller can look at, and the cause says the rest.
        throw new FhirMappingException(
            path + (target != null && !target.isEmpty() ? ".reference" : ".identifier"),
            describe(reference) + " cannot be resolved: " + e.getMessage(),
            e);
      }
      if (found == null) {
        throw new IllegalStateException(
            "the FhirResolver answered null for " + describe(reference) + ", not an Optional");
      }
      resolved.put(reference, found);
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Resource resource = found.get();
    String type = resource.fhirType();
    if (types != null && !types.contains(type)) {
      throw new FhirMappingException(
          path + (target != null && !target.isEmpty() ? ".reference" : ".identifier"),
          describe(reference)
              + " resolves to a "
              + type
              + ", where a "
              + String.join(" or ", types)
              + " is expected");
    }
    String at = path + ".resolve()";
    // A resolved resource's local references name its own contained resources.
    DomainResource own = resource instanceof DomainResource domain ? domain : container;
    return Optional.of(new Target(resource, at, own, own == container ? containerPath : at));
  }

  /**
   * The index among {@code container}'s contained resources of the one of local id {@code id},
   * which must be one of {@code types}.
   *
   * @throws FhirMappingException at {@code path} when none has the id, or the one that has it is of
   *     another type
   */
  static int contained(
      DomainResource container, String containerPath, String id, String path, List<String> types) {
    int c = indexOf(container, containerPath, id);
    if (c < 0) {
      throw new FhirMappingException(
          path,
          "the local reference '#"
              + id
              + "' names no resource "
              + (containerPath.equals("Claim") ? "the claim" : containerPath)
              + " contains");
    }
    String type = container.getContained().get(c).fhirType();
    if (!types.contains(type)) {
      throw new FhirMappingException(
          path,
          "'#"
              + id
              + "' names a "
              + type
              + ", where a "
              + String.join(" or ", types)
              + " is expected");
    }
    return c;
  }

  /**
   * The index of {@code container}'s contained resource of local id {@code id}, or -1; a null among
   * them is refused at its path under {@code containerPath}.
   */
  static int indexOf(DomainResource container, String containerPath, String id) {
    List<Resource> contained = withoutNulls(container.getContained(), containerPath, "contained");
    for (int k = 0; k < contained.size(); k++) {
      if (id.equals(FhirClaimPricer.localId(contained.get(k)))) {
        return k;
      }
    }
    return -1;
  }

  private static String describe(Reference reference) {
    if (reference.hasReference()) {
      return "'" + reference.getReference() + "'";
    }
    String system = reference.getIdentifier().getSystem();
    return "the reference by identifier "
        + (system == null ? "" : system + "|")
        + reference.getIdentifier().getValue();
  }
}
