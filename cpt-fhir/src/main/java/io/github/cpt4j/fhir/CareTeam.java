package io.github.cpt4j.fhir;

import static io.github.cpt4j.fhir.FhirClaims.requireValue;
import static io.github.cpt4j.fhir.FhirClaims.withoutNulls;

import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fhir.FhirClaims.OwnProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The claim's {@code careTeam}, read for the items' rendering providers: each entry's NPI, read
 * once, from its provider reference's {@code identifier} or from the resource that the reference
 * names: contained ({@code #id}), or found by the reading's {@link FhirResolver}.
 */
final class CareTeam {

  /** The code system of R4's care team roles, whose {@code primary} is the rendering provider. */
  private static final String CARE_TEAM_ROLE =
      "http://terminology.hl7.org/CodeSystem/claimcareteamrole";

  /** The types a care team entry's {@code provider} may name (R4). */
  private static final List<String> PROVIDER_TYPES =
      List.of("Practitioner", "PractitionerRole", "Organization");

  private final org.hl7.fhir.r4.model.Claim claim;
  private final References references;

  /**
   * The index of the entry of each sequence, read when an item first names the care team: the
   * qualifications are read without it, from claims whose items name no entry.
   */
  private Map<Integer, Integer> entryOf;

  /** Each entry's NPI, when read; empty for an entry without one. */
  private final Map<Integer, Optional<Npi>> npis = new HashMap<>();

  CareTeam(org.hl7.fhir.r4.model.Claim claim, References references) {
    this.claim = claim;
    this.references = references;
  }

  /** Whether the care team's entries were checked for a null, as they are once. */
  private boolean entriesChecked;

  /** The care team's entries; a null one is refused at its path. */
  private List<org.hl7.fhir.r4.model.Claim.CareTeamComponent> entries() {
    if (!entriesChecked) {
      withoutNulls(claim.getCareTeam(), "Claim.careTeam");
      entriesChecked = true;
    }
    return claim.getCareTeam();
  }

  /** The index of the entry of each sequence; two entries of one sequence are refused. */
  private Map<Integer, Integer> entryOf() {
    if (entryOf != null) {
      return entryOf;
    }
    Map<Integer, Integer> found = new HashMap<>();
    List<org.hl7.fhir.r4.model.Claim.CareTeamComponent> entries = entries();
    for (int j = 0; j < entries.size(); j++) {
      var entry = entries.get(j);
      if (!entry.hasSequenceElement()) {
        continue; // No item can name it.
      }
      String path = "Claim.careTeam[" + j + "].sequence";
      requireValue(entry.getSequenceElement(), path);
      Integer other = found.putIfAbsent(entry.getSequence(), j);
      if (other != null) {
        throw new FhirMappingException(
            path,
            "sequence "
                + entry.getSequence()
                + " is also Claim.careTeam["
                + other
                + "]'s: an item's careTeamSequence would name either");
      }
    }
    entryOf = found;
    return found;
  }

  /**
   * The rendering provider of {@code item}: when the entries its {@code careTeamSequence} names
   * include some whose role says they furnished the service ({@code primary} of R4's care team
   * roles, or {@code rendering} or {@code performing} in any system), the one NPI of those, empty
   * when one of them has none (as {@link #ownNpi} reads them); else the one NPI of the entries it
   * names, empty when none of them has one.
   */
  Optional<Npi> renderingProvider(org.hl7.fhir.r4.model.Claim.ItemComponent item, String path) {
    List<Integer> named = new ArrayList<>();
    Map<Integer, Integer> entryOf = entryOf();
    List<org.hl7.fhir.r4.model.PositiveIntType> sequences =
        withoutNulls(item.getCareTeamSequence(), path, "careTeamSequence");
    for (int k = 0; k < sequences.size(); k++) {
      String at = path + ".careTeamSequence[" + k + "]";
      requireValue(sequences.get(k), at);
      Integer j =
          sequences.get(k).getValue() == null ? null : entryOf.get(sequences.get(k).getValue());
      if (j == null) {
        throw new FhirMappingException(
            at,
            "the care team sequence "
                + sequences.get(k).getValueAsString()
                + " names no entry of Claim.careTeam"
                + (entryOf.isEmpty()
                    ? ", which has none"
                    : ", whose sequences are " + new TreeSet<>(entryOf.keySet())));
      }
      // Every named entry's NPI is read, so that one that is no NPI is refused at its path.
      npi(j);
      if (!named.contains(j)) {
        named.add(j);
      }
    }
    // The entries in a role that furnishes the service are the line's provider: one of them whose
    // NPI cannot be seen (Practitioner/7, unresolved) is not stood in for by another entry's NPI,
    // which made the surgeon's line the assistant's (ranked with his lines, paid at his type).
    List<Integer> rendering = new ArrayList<>();
    for (int j : named) {
      if (rendering(entries().get(j), j)) {
        rendering.add(j);
      }
    }
    List<Integer> candidates = new ArrayList<>();
    for (int j : rendering.isEmpty() ? named : rendering) {
      if (npi(j).isPresent()) {
        candidates.add(j);
      }
    }
    Optional<Npi> chosen = onlyNpi(candidates);
    if (chosen != null) {
      // A furnishing entry without an NPI beside one with: the two may be two providers.
      return candidates.size() < rendering.size() ? Optional.empty() : chosen;
    }
    StringBuilder entries = new StringBuilder();
    for (int j : candidates) {
      entries
          .append(entries.length() == 0 ? "" : ", ")
          .append(npi(j).orElseThrow())
          .append(" (Claim.careTeam[")
          .append(j)
          .append("])");
    }
    throw new FhirMappingException(
        path + ".careTeamSequence",
        "the item names care team entries of several NPIs, "
            + entries
            + (rendering.isEmpty()
                ? ", none of them in the role primary ("
                    + CARE_TEAM_ROLE
                    + "), rendering or performing"
                : ", each in the role primary, rendering or performing")
            + ": which of them furnished the line is not for cpt4j to guess, and the same-day"
            + " rules judge each provider's lines apart");
  }

  /** The NPI the entries share, empty for none, or null when they have several. */
  private Optional<Npi> onlyNpi(List<Integer> entries) {
    Npi found = null;
    for (int j : entries) {
      Npi npi = npi(j).orElseThrow();
      if (found != null && !found.equals(npi)) {
        return null;
      }
      found = npi;
    }
    return Optional.ofNullable(found);
  }

  /**
   * The type of each NPI of an entry whose qualification is a taxonomy code giving one (see {@link
   * FhirClaims#practitioners}), in NPI order. An entry whose NPI cannot be read and that no item
   * names qualifies no NPI ({@link #readableNpi}).
   */
  SortedMap<Npi, PractitionerType> practitioners() {
    SortedMap<Npi, PractitionerType> types = new TreeMap<>();
    Map<Npi, Qualified> givenBy = new HashMap<>();
    for (int j = 0; j < entries().size(); j++) {
      Optional<Qualified> qualified = qualification(j);
      // The NPI is read only now: it matters only when the qualification names a type.
      Optional<Npi> npi = qualified.isPresent() ? readableNpi(j) : Optional.empty();
      if (npi.isEmpty()) {
        continue;
      }
      Qualified earlier = givenBy.putIfAbsent(npi.get(), qualified.get());
      if (earlier != null && earlier.type() != qualified.get().type()) {
        throw twoTypes(qualified.get(), earlier, "the NPI " + npi.get());
      }
      types.put(npi.get(), qualified.get().type());
    }
    return Collections.unmodifiableSortedMap(types);
  }

  /**
   * The claim's own provider (see {@link FhirClaims#practitioner}): the type the qualifications of
   * the entries in a role that furnishes the service give, else of the care team's only entry when
   * it has no role; with the one NPI among those entries, if exactly one has an NPI (entries of
   * that type without one are taken for the same provider, whose type a context naming the NPI then
   * gives). An entry whose NPI cannot be read and that no item names gives its type without an NPI
   * ({@link #readableNpi}).
   */
  Optional<OwnProvider> ownProvider() {
    PractitionerType type = null;
    Set<Npi> npis = new HashSet<>();
    for (int j : furnishing()) {
      Optional<Qualified> qualified = qualification(j);
      if (qualified.isEmpty()) {
        continue;
      }
      if (type != null && type != qualified.get().type()) {
        return Optional.empty();
      }
      type = qualified.get().type();
      readableNpi(j).ifPresent(npis::add);
    }
    if (type == null) {
      return Optional.empty();
    }
    // Entries without an NPI beside one with: that NPI is the provider the caller may name.
    Optional<Npi> npi = npis.size() == 1 ? Optional.of(npis.iterator().next()) : Optional.empty();
    return Optional.of(new OwnProvider(type, npi));
  }

  /**
   * The NPI of the claim's own provider, the rendering provider of the items that name no care team
   * entry: the one NPI of the entries {@link #ownProvider} reads (in a role that furnishes the
   * service, else the only entry when it has no role), when each of them has that NPI. Empty when
   * they have none, several, or some have none: which provider furnished those items is then not
   * for cpt4j to guess, and their lines stay without an NPI, as before. An entry whose NPI cannot
   * be read (a reference with a data-absent reason, an NPI of a wrong check digit) has none here:
   * the care team is optional detail to items that do not name it, and is refused only where an
   * item names the entry, as before.
   */
  Optional<Npi> ownNpi() {
    Npi found = null;
    for (int j : furnishing()) {
      Optional<Npi> npi;
      try {
        npi = npi(j);
      } catch (FhirMappingException e) {
        return Optional.empty();
      }
      if (npi.isEmpty() || (found != null && !found.equals(npi.get()))) {
        return Optional.empty();
      }
      found = npi.get();
    }
    return Optional.ofNullable(found);
  }

  /**
   * The NPI of entry {@code j}, as {@link #npi} reads it, for the qualifications; one that cannot
   * be read is none when no item names the entry, as in {@link #ownNpi}: the care team is optional
   * detail to items that do not name it, and the entry's type still applies to the claim's own
   * lines, which need no NPI. An item that names the entry has its NPI refused here too.
   */
  private Optional<Npi> readableNpi(int j) {
    try {
      return npi(j);
    } catch (FhirMappingException e) {
      if (namedByAnItem(j)) {
        throw e;
      }
      return Optional.empty();
    }
  }

  /**
   * Whether an item's {@code careTeamSequence} names entry {@code j}: read from the values alone,
   * so that what no item names (two entries of one sequence) is not refused for it.
   */
  private boolean namedByAnItem(int j) {
    var entry = entries().get(j);
    // hasSequenceElement first: HAPI's getter alone sets an empty sequence on the caller's claim.
    Integer sequence = entry.hasSequenceElement() ? entry.getSequenceElement().getValue() : null;
    if (sequence == null) {
      return false;
    }
    List<org.hl7.fhir.r4.model.Claim.ItemComponent> items =
        withoutNulls(claim.getItem(), "Claim.item");
    for (int i = 0; i < items.size(); i++) {
      String path = "Claim.item[" + i + "].careTeamSequence";
      for (var named : withoutNulls(items.get(i).getCareTeamSequence(), path)) {
        if (sequence.equals(named.getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The entries that furnish the claim's own services: those in the role {@code primary}, {@code
   * rendering} or {@code performing}, else the care team's only entry when it has no role. An only
   * entry in another role (an assistant, a supervisor) is not the claim's own provider.
   */
  private List<Integer> furnishing() {
    List<org.hl7.fhir.r4.model.Claim.CareTeamComponent> entries = entries();
    List<Integer> furnishing = new ArrayList<>();
    for (int j = 0; j < entries.size(); j++) {
      if (rendering(entries.get(j), j)) {
        furnishing.add(j);
      }
    }
    if (furnishing.isEmpty() && entries.size() == 1 && !entries.get(0).hasRole()) {
      furnishing.add(0);
    }
    return furnishing;
  }

  /** A practitioner type a taxonomy code gives, and where the code is, for messages. */
  private record Qualified(PractitionerType type, String code, String at) {}

  /**
   * The type the taxonomy codings of entry {@code j}'s qualification give, empty for none. An entry
   * whose qualification has no taxonomy code (none at all, text alone, codes of other systems) has
   * that of the resource its provider reference names (contained, or resolved): a {@code
   * PractitionerRole}'s {@code specialty} (else its {@code practitioner}'s), a {@code
   * Practitioner}'s {@code qualification.code}s. Two types in the entry's qualification are refused
   * at the second's code; two in a resource it names, whose qualifications may be of other years,
   * say nothing. A coding without a code (a display alone) says nothing.
   */
  private Optional<Qualified> qualification(int j) {
    var entry = entries().get(j);
    String path = "Claim.careTeam[" + j + "].qualification";
    // hasQualification first: HAPI's getter alone sets an empty one on the caller's claim.
    if (entry.hasQualification() && hasTaxonomyCode(entry.getQualification(), path)) {
      return typeOf(List.of(Map.entry(entry.getQualification(), path)), true);
    }
    Optional<References.Target> provider =
        references.lookup(null, entry.getProvider(), "Claim.careTeam[" + j + "].provider");
    return provider.isPresent() ? qualificationOf(provider.get(), false) : Optional.empty();
  }

  /** Whether {@code concept} has a taxonomy coding with a code (of a type or not). */
  private static boolean hasTaxonomyCode(CodeableConcept concept, String path) {
    List<Coding> codings = withoutNulls(concept.getCoding(), path, "coding");
    for (int c = 0; c < codings.size(); c++) {
      Coding coding = codings.get(c);
      if (FhirCodeSystems.isProviderTaxonomy(coding.getSystem())) {
        requireValue(coding.getCodeElement(), path + ".coding[" + c + "].code");
        if (coding.hasCode()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The type the {@code PractitionerRole} (unless {@code practitionerOnly}) or {@code Practitioner}
   * a reference names ({@code target}) is qualified as; empty for any other resource and for two
   * types. A role's practitioner that cannot be followed says nothing here: a dangling reference is
   * refused where its NPI is read.
   */
  private Optional<Qualified> qualificationOf(References.Target target, boolean practitionerOnly) {
    org.hl7.fhir.r4.model.Resource resource = target.resource();
    String at = target.path();
    List<Map.Entry<CodeableConcept, String>> concepts = new ArrayList<>();
    if (!practitionerOnly && resource instanceof org.hl7.fhir.r4.model.PractitionerRole role) {
      List<CodeableConcept> specialties = withoutNulls(role.getSpecialty(), at, "specialty");
      for (int k = 0; k < specialties.size(); k++) {
        concepts.add(Map.entry(specialties.get(k), at + ".specialty[" + k + "]"));
      }
      Optional<Qualified> own = typeOf(concepts, false);
      if (own.isPresent() || !role.hasPractitioner()) {
        return own;
      }
      Optional<References.Target> practitioner =
          references.lookup(target, role.getPractitioner(), at + ".practitioner");
      return practitioner.isPresent() ? qualificationOf(practitioner.get(), true) : own;
    }
    if (resource instanceof org.hl7.fhir.r4.model.Practitioner practitioner) {
      var qualifications = withoutNulls(practitioner.getQualification(), at, "qualification");
      for (int k = 0; k < qualifications.size(); k++) {
        concepts.add(
            Map.entry(qualifications.get(k).getCode(), at + ".qualification[" + k + "].code"));
      }
      return typeOf(concepts, false);
    }
    return Optional.empty();
  }

  /**
   * The type the taxonomy codings of {@code concepts} (each with its path) give, empty for none.
   * Two types are refused at the second's code when {@code strict}, else say nothing.
   */
  private static Optional<Qualified> typeOf(
      List<Map.Entry<CodeableConcept, String>> concepts, boolean strict) {
    Qualified found = null;
    // Not strict: two types say nothing, but every code is still read and a malformed one
    // refused.
    boolean twoTypes = false;
    for (Map.Entry<CodeableConcept, String> concept : concepts) {
      List<Coding> codings =
          withoutNulls(concept.getKey().getCoding(), concept.getValue(), "coding");
      for (int c = 0; c < codings.size(); c++) {
        Coding coding = codings.get(c);
        if (!FhirCodeSystems.isProviderTaxonomy(coding.getSystem())) {
          continue;
        }
        String at = concept.getValue() + ".coding[" + c + "].code";
        requireValue(coding.getCodeElement(), at);
        if (!coding.hasCode()) {
          continue;
        }
        Optional<PractitionerType> type;
        try {
          type = PractitionerType.fromTaxonomy(coding.getCode());
        } catch (IllegalArgumentException e) {
          throw new FhirMappingException(at, e.getMessage(), e);
        }
        if (type.isEmpty()) {
          continue;
        }
        Qualified qualified = new Qualified(type.get(), coding.getCode(), at);
        if (found != null && found.type() != qualified.type()) {
          if (strict) {
            throw twoTypes(qualified, found, "the provider");
          }
          twoTypes = true;
        }
        if (found == null) {
          found = qualified;
        }
      }
    }
    return twoTypes ? Optional.empty() : Optional.ofNullable(found);
  }

  /** Refuses a second type for {@code whom}, at the second code. */
  private static FhirMappingException twoTypes(Qualified second, Qualified first, String whom) {
    return new FhirMappingException(
        second.at(),
        "the taxonomy code "
            + second.code()
            + " makes "
            + whom
            + " a "
            + second.type().words()
            + ", and the code "
            + first.code()
            + " at "
            + first.at()
            + " a "
            + first.type().words()
            + ": which of the two it is is not for cpt4j to guess");
  }

  /**
   * Whether entry {@code j} is in a role that furnishes the service ({@link #renders}); an entry
   * without a role is not. Its role is read only when it has one: HAPI's getter alone sets an empty
   * role on the caller's claim.
   */
  private static boolean rendering(org.hl7.fhir.r4.model.Claim.CareTeamComponent entry, int j) {
    return entry.hasRole() && renders(entry.getRole(), "Claim.careTeam[" + j + "].role");
  }

  /** Whether a role, at {@code path}, says its entry furnished the service. */
  private static boolean renders(CodeableConcept role, String path) {
    for (Coding coding : withoutNulls(role.getCoding(), path, "coding")) {
      String code = coding.getCode();
      if (code == null) {
        continue;
      }
      if ((code.equals("primary") && FhirCodeSystems.sameSystem(coding.getSystem(), CARE_TEAM_ROLE))
          || code.equalsIgnoreCase("rendering")
          || code.equalsIgnoreCase("performing")) {
        return true;
      }
    }
    return false;
  }

  /** The NPI of the entry at index {@code j}, read once. */
  private Optional<Npi> npi(int j) {
    Optional<Npi> known = npis.get(j);
    if (known == null) {
      known =
          referenceNpi(
              null,
              entries().get(j).getProvider(),
              "Claim.careTeam[" + j + "].provider",
              PROVIDER_TYPES);
      npis.put(j, known);
    }
    return known;
  }

  /**
   * The NPI of a reference: its {@code identifier}'s, and that of the resource it names (contained,
   * or resolved), which must agree; empty when neither has one. A {@code PractitionerRole} without
   * an NPI of its own has its {@code practitioner}'s.
   */
  private Optional<Npi> referenceNpi(
      References.Target from,
      org.hl7.fhir.r4.model.Reference reference,
      String path,
      List<String> types) {
    Npi onReference = null;
    if (reference.hasIdentifier() && FhirCodeSystems.isNpi(reference.getIdentifier().getSystem())) {
      onReference = parseNpi(reference.getIdentifier(), path + ".identifier");
    }
    Optional<References.Target> target = references.target(from, reference, path, types);
    Npi named = target.isPresent() ? targetNpi(target.get()).orElse(null) : null;
    if (onReference != null && named != null && !onReference.equals(named)) {
      throw new FhirMappingException(
          path,
          "the reference's identifier is the NPI "
              + onReference
              + ", and the resource it names, "
              + target.get().path()
              + ", has the NPI "
              + named
              + ": one of the two is wrong");
    }
    return Optional.ofNullable(onReference != null ? onReference : named);
  }

  /** The NPI of a Practitioner, Organization or PractitionerRole a reference names. */
  private Optional<Npi> targetNpi(References.Target target) {
    org.hl7.fhir.r4.model.Resource resource = target.resource();
    String at = target.path();
    if (resource instanceof org.hl7.fhir.r4.model.Practitioner practitioner) {
      return identifiersNpi(practitioner.getIdentifier(), at);
    }
    if (resource instanceof org.hl7.fhir.r4.model.Organization organization) {
      return identifiersNpi(organization.getIdentifier(), at);
    }
    var role = (org.hl7.fhir.r4.model.PractitionerRole) resource;
    Optional<Npi> own = identifiersNpi(role.getIdentifier(), at);
    if (own.isPresent() || !role.hasPractitioner()) {
      return own;
    }
    return referenceNpi(
        target, role.getPractitioner(), at + ".practitioner", List.of("Practitioner"));
  }

  /** The NPI among {@code identifiers}, of the resource at {@code path}; two are refused. */
  private static Optional<Npi> identifiersNpi(
      List<org.hl7.fhir.r4.model.Identifier> identifiers, String path) {
    Npi found = null;
    withoutNulls(identifiers, path, "identifier");
    for (int k = 0; k < identifiers.size(); k++) {
      org.hl7.fhir.r4.model.Identifier identifier = identifiers.get(k);
      if (!FhirCodeSystems.isNpi(identifier.getSystem())) {
        continue;
      }
      Npi npi = parseNpi(identifier, path + ".identifier[" + k + "]");
      if (found != null && !found.equals(npi)) {
        throw new FhirMappingException(
            path + ".identifier[" + k + "]",
            "a second NPI, "
                + npi
                + ", beside "
                + found
                + ": which one is meant is not for"
                + " cpt4j to guess");
      }
      found = npi;
    }
    return Optional.ofNullable(found);
  }

  /** The NPI an identifier of the NPI system gives; one without a valid value is refused. */
  private static Npi parseNpi(org.hl7.fhir.r4.model.Identifier identifier, String path) {
    String at = path + ".value";
    requireValue(identifier.getValueElement(), at);
    if (!identifier.hasValue()) {
      throw new FhirMappingException(at, "the NPI identifier has no value");
    }
    try {
      return Npi.parse(identifier.getValue());
    } catch (CodeFormatException e) {
      throw new FhirMappingException(at, "not an NPI: " + e.getMessage(), e);
    }
  }
}
