package io.github.cpt4j.fhir;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** {@link FhirResolver#of(Bundle)}: the bundle's entries by full URL and by type and id. */
final class BundleResolver implements FhirResolver {

  private static final String HISTORY = "/_history/";

  /** Each entry's index by its {@code fullUrl}, without a version. */
  private final Map<String, Integer> byFullUrl;

  /** Each entry's index by {@code Type/id}; -2 for a key two entries (two servers) share. */
  private final Map<String, Integer> byTypeAndId;

  private final List<Bundle.BundleEntryComponent> entries;

  private BundleResolver(
      List<Bundle.BundleEntryComponent> entries,
      Map<String, Integer> byFullUrl,
      Map<String, Integer> byTypeAndId) {
    this.entries = entries;
    this.byFullUrl = byFullUrl;
    this.byTypeAndId = byTypeAndId;
  }

  static BundleResolver of(Bundle bundle) {
    requireNonNull(bundle, "bundle");
    List<Bundle.BundleEntryComponent> entries = List.copyOf(bundle.getEntry());
    Map<String, Integer> byFullUrl = new HashMap<>();
    Map<String, Integer> byTypeAndId = new HashMap<>();
    for (int e = 0; e < entries.size(); e++) {
      Bundle.BundleEntryComponent entry = entries.get(e);
      Resource resource = entry.getResource();
      if (resource == null) {
        continue;
      }
      if (entry.hasFullUrl()) {
        String url = unversioned(entry.getFullUrl());
        Integer other = byFullUrl.putIfAbsent(url, e);
        if (other != null) {
          throw new FhirMappingException(
              "Bundle.entry[" + e + "].fullUrl",
              "the full URL " + url + " is also Bundle.entry[" + other + "]'s");
        }
      }
      String id = resource.getIdElement().getIdPart();
      if (id != null && !id.isEmpty()) {
        byTypeAndId.merge(resource.fhirType() + "/" + id, e, (a, b) -> -2);
      }
    }
    return new BundleResolver(entries, byFullUrl, byTypeAndId);
  }

  @Override
  public Optional<Resource> resolve(Reference reference) {
    String target = reference.getReference();
    if (target == null || target.isEmpty()) {
      return Optional.empty();
    }
    String key = unversioned(target);
    Integer e = byFullUrl.get(key);
    if (e == null && !key.contains(":")) {
      // Relative: Type/id, from the base of whichever server the bundle's entries share.
      e = byTypeAndId.get(key);
      if (e != null && e == -2) {
        throw new FhirMappingException(
            "Bundle.entry",
            "the relative reference "
                + target
                + " names entries of two servers, whose full URLs both end in it: write it as a"
                + " full URL");
      }
    }
    return e == null ? Optional.empty() : Optional.of(entries.get(e).getResource());
  }

  private static String unversioned(String url) {
    int history = url.indexOf(HISTORY);
    return history < 0 ? url : url.substring(0, history);
  }
}
