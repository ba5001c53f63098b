package io.github.cpt4j.fhir;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * {@link FhirResolver#of(Bundle)}: the bundle's entries by full URL, and, for a relative reference
 * made by an entry whose own full URL is no RESTful one, by type and id (cpt4j's choice where R4
 * gives such a reference no meaning).
 */
final class BundleResolver implements FhirResolver {

  private static final String HISTORY = "/_history/";

  private final List<Bundle.BundleEntryComponent> entries;

  /** The entries of each full URL, without a version: several are versions of one resource. */
  private final Map<String, List<Integer>> byFullUrl;

  /** The entries of each {@code Type/id}, for relative references of no RESTful base. */
  private final Map<String, List<Integer>> byTypeAndId;

  /**
   * The RESTful base ({@code https://host/fhir/}) of the entry each reference element is in, by
   * identity; empty for one in an entry whose full URL is a URN or missing.
   */
  private final IdentityHashMap<Reference, String> baseOf;

  /**
   * The bases a relative reference that is no element of the entries is read against: those of the
   * bundle's claims (empty for one at a URN), else, in a bundle of no claim, those of its RESTful
   * entries.
   */
  private final Set<String> bases;

  private BundleResolver(
      List<Bundle.BundleEntryComponent> entries,
      Map<String, List<Integer>> byFullUrl,
      Map<String, List<Integer>> byTypeAndId,
      IdentityHashMap<Reference, String> baseOf,
      Set<String> bases) {
    this.entries = entries;
    this.byFullUrl = byFullUrl;
    this.byTypeAndId = byTypeAndId;
    this.baseOf = baseOf;
    this.bases = bases;
  }

  static BundleResolver of(Bundle bundle) {
    requireNonNull(bundle, "bundle");
    List<Bundle.BundleEntryComponent> entries =
        List.copyOf(FhirClaims.withoutNulls(bundle.getEntry(), "Bundle.entry"));
    Map<String, List<Integer>> byFullUrl = new HashMap<>();
    Map<String, List<Integer>> byTypeAndId = new HashMap<>();
    IdentityHashMap<Reference, String> baseOf = new IdentityHashMap<>();
    Set<String> bases = new HashSet<>();
    Set<String> claimBases = new HashSet<>();
    for (int e = 0; e < entries.size(); e++) {
      Bundle.BundleEntryComponent entry = entries.get(e);
      Resource resource = entry.getResource();
      if (resource == null) {
        continue;
      }
      String base = null;
      if (entry.hasFullUrl()) {
        // One with extensions alone (a data-absent reason) was a NullPointerException.
        FhirClaims.requireValue(entry.getFullUrlElement(), "Bundle.entry[" + e + "].fullUrl");
        String url = unversioned(entry.getFullUrl());
        byFullUrl.computeIfAbsent(url, k -> new ArrayList<>()).add(e);
        base = restfulBase(url, resource);
      }
      // hasIdElement first: HAPI's getter alone sets an empty id on the caller's resource.
      String id = resource.hasIdElement() ? resource.getIdElement().getIdPart() : null;
      if (id != null && !id.isEmpty()) {
        byTypeAndId.computeIfAbsent(resource.fhirType() + "/" + id, k -> new ArrayList<>()).add(e);
      }
      if (base != null) {
        bases.add(base);
      }
      if (resource instanceof org.hl7.fhir.r4.model.Claim) {
        claimBases.add(base == null ? "" : base);
      }
      List<Reference> references = new ArrayList<>();
      FhirClaimPricer.referencesIn(resource, "Bundle.entry[" + e + "].resource", references);
      for (Reference reference : references) {
        baseOf.put(reference, base == null ? "" : base);
      }
    }
    return new BundleResolver(
        entries,
        byFullUrl,
        byTypeAndId,
        baseOf,
        Set.copyOf(claimBases.isEmpty() ? bases : claimBases));
  }

  @Override
  public Optional<Resource> resolve(Reference reference) {
    String target = reference.getReference();
    if (target == null || target.isEmpty()) {
      return Optional.empty();
    }
    int history = target.indexOf(HISTORY);
    String version = history < 0 ? null : target.substring(history + HISTORY.length());
    String key = history < 0 ? target : target.substring(0, history);
    if (key.contains(":")) {
      return one(target, byFullUrl.get(key), version);
    }
    // Relative: against the base of the entry that makes it, when that is a RESTful URL (R4,
    // "Resolving references in Bundles"). Where R4 gives it no meaning (the entry's full URL is a
    // URN), cpt4j's choice: the entry of that type and id, when one resource has them.
    String base = baseOf.get(reference);
    if (base == null) {
      // Not an element of the bundle's entries: a copy of the claim, or a reference made by hand.
      if (bases.size() > 1) {
        throw new FhirMappingException(
            "Bundle.entry",
            "the relative reference "
                + target
                + " is no element of this bundle's entries, whose claims are on "
                + bases.size()
                + " servers: which one it is relative to is not for cpt4j to guess (read the"
                + " bundle's own Claim, not a copy)");
      }
      base = bases.isEmpty() ? "" : bases.iterator().next();
    }
    return base.isEmpty()
        ? one(target, byTypeAndId.get(key), version)
        : one(target, byFullUrl.get(base + key), version);
  }

  /**
   * The one entry among {@code found} of {@code version} (any, when null): empty for none.
   *
   * @throws FhirMappingException when several are, as two versions of one resource, or two servers'
   *     resources of one type and id, would be
   */
  private Optional<Resource> one(String target, List<Integer> found, String version) {
    if (found == null) {
      return Optional.empty();
    }
    Integer chosen = null;
    for (int e : found) {
      Resource resource = entries.get(e).getResource();
      String versionId = resource.hasMeta() ? resource.getMeta().getVersionId() : null;
      if (version != null && !version.equals(versionId)) {
        continue;
      }
      if (chosen != null) {
        throw new FhirMappingException(
            "Bundle.entry[" + e + "]",
            "the reference "
                + target
                + " names both Bundle.entry["
                + chosen
                + "] and this entry: which of them is meant is not for cpt4j to guess");
      }
      chosen = e;
    }
    return chosen == null ? Optional.empty() : Optional.of(entries.get(chosen).getResource());
  }

  /**
   * The base of a RESTful full URL of {@code resource} ({@code https://host/fhir/} of {@code
   * https://host/fhir/Practitioner/7}), or null for a URN or a URL that does not end in the
   * resource's type and id.
   */
  private static String restfulBase(String url, Resource resource) {
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      return null;
    }
    int idSlash = url.lastIndexOf('/');
    int typeSlash = idSlash <= 0 ? -1 : url.lastIndexOf('/', idSlash - 1);
    if (typeSlash < 0 || !url.substring(typeSlash + 1, idSlash).equals(resource.fhirType())) {
      return null;
    }
    return url.substring(0, typeSlash + 1);
  }

  private static String unversioned(String url) {
    int history = url.indexOf(HISTORY);
    return history < 0 ? url : url.substring(0, history);
  }
}
