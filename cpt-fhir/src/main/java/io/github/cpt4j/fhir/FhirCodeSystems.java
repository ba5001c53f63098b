package io.github.cpt4j.fhir;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeLevel;
import io.github.cpt4j.code.ProcedureCode;
import java.util.Locale;
import java.util.Optional;

/**
 * The FHIR code system URIs of procedure codes and places of service, as HL7 Terminology (THO)
 * names them.
 *
 * <ul>
 *   <li>CPT: {@value #CPT} (THO CodeSystem {@code CPT}, OID 2.16.840.1.113883.6.12).
 *   <li>HCPCS Level II: {@value #HCPCS_LEVEL_II}, CMS's HCPCS release page (THO CodeSystem {@code
 *       hcpcs-Level-II}, OID 2.16.840.1.113883.6.285).
 *   <li>Place of service: {@value #PLACE_OF_SERVICE}, CMS's code set page (THO CodeSystem {@code
 *       CMSPlaceofServiceCodes}, OID 2.16.840.1.113883.15.5), which CARIN Blue Button binds a
 *       professional item's {@code locationCodeableConcept} to.
 *   <li>National Provider Identifiers, an identifier system rather than a code system: {@value
 *       #NPI} (OID 2.16.840.1.113883.4.6), read by {@link #isNpi(String)}.
 *   <li>The NUCC Health Care Provider Taxonomy: {@value #PROVIDER_TAXONOMY} (OID
 *       2.16.840.1.113883.6.101), read by {@link #isProviderTaxonomy(String)}.
 * </ul>
 *
 * <p>Data in the wild also uses the {@code https} (or {@code http}) form of each, a trailing slash,
 * and the {@code urn:oid:} form of the OIDs; {@link #levelOf(String)} and {@link
 * #isPlaceOfService(String)} accept all of them. Claims converted from CMS's Blue Button 2.0 API
 * carry its own HCPCS system, {@code https://bluebutton.cms.gov/resources/codesystem/hcpcs}, for
 * codes of both levels and their modifiers alike: {@link #isProcedureSystem(String)} accepts it
 * beside the two above, and a code read under it has the level its shape says. cpt4j writes only
 * the canonical URIs.
 *
 * <pre>{@code
 * FhirCodeSystems.systemOf(ProcedureCode.parse("J1100"));         // HCPCS_LEVEL_II
 * FhirCodeSystems.levelOf("urn:oid:2.16.840.1.113883.6.12");      // Optional[LEVEL_I]
 * FhirCodeSystems.levelOf("https://www.ama-assn.org/go/cpt/");    // Optional[LEVEL_I]
 * }</pre>
 */
public final class FhirCodeSystems {

  /** The code system of CPT (HCPCS Level I) codes. */
  public static final String CPT = "http://www.ama-assn.org/go/cpt";

  /** The code system of HCPCS Level II codes. */
  public static final String HCPCS_LEVEL_II =
      "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

  /** The code system of CMS's two-digit place-of-service codes. */
  public static final String PLACE_OF_SERVICE =
      "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

  /**
   * The identifier system of National Provider Identifiers, as HL7 names it (NamingSystem {@code
   * us-npi}, OID 2.16.840.1.113883.4.6).
   */
  public static final String NPI = "http://hl7.org/fhir/sid/us-npi";

  private static final String NPI_OID = "urn:oid:2.16.840.1.113883.4.6";

  /**
   * The code system of the NUCC Health Care Provider Taxonomy (OID 2.16.840.1.113883.6.101), which
   * US Core and CARIN Blue Button bind a claim's {@code careTeam.qualification} to.
   */
  public static final String PROVIDER_TAXONOMY = "http://nucc.org/provider-taxonomy";

  private static final String PROVIDER_TAXONOMY_OID = "urn:oid:2.16.840.1.113883.6.101";

  private static final String CPT_OID = "urn:oid:2.16.840.1.113883.6.12";
  private static final String HCPCS_OID = "urn:oid:2.16.840.1.113883.6.285";
  private static final String PLACE_OF_SERVICE_OID = "urn:oid:2.16.840.1.113883.15.5";

  /**
   * The code set page as CARIN Blue Button's first ballot (0.1.0) named the system, {@code .html}
   * and all; data written to that draft may still carry it.
   */
  private static final String PLACE_OF_SERVICE_PAGE = PLACE_OF_SERVICE + ".html";

  /**
   * The system of the same codes in CMS's Blue Button 2.0 API, named after the claim line's
   * variable {@code LINE_PLACE_OF_SRVC_CD}: claims converted from its data may carry it.
   */
  private static final String BLUE_BUTTON_PLACE_OF_SERVICE =
      "https://bluebutton.cms.gov/resources/variables/line_place_of_srvc_cd";

  /**
   * The system of HCPCS codes in CMS's Blue Button 2.0 API: CPT and Level II codes alike (its data
   * dictionary's HCPCS_CD, "CPT codes are a subset of HCPCS"), and the modifiers of a line.
   */
  private static final String BLUE_BUTTON_HCPCS =
      "https://bluebutton.cms.gov/resources/codesystem/hcpcs";

  private FhirCodeSystems() {}

  /**
   * {@return the canonical system URI of {@code code}'s level}
   *
   * @param code the CPT or HCPCS Level II code
   */
  public static String systemOf(ProcedureCode code) {
    requireNonNull(code, "code");
    return switch (code.level()) {
      case LEVEL_I -> CPT;
      case LEVEL_II -> HCPCS_LEVEL_II;
    };
  }

  /**
   * Returns the code level a system URI stands for, or empty for any other system. Accepts the
   * canonical URIs, their {@code https} forms, a trailing slash, either case of the host, and the
   * OIDs. A null {@code system}, HAPI's value of a missing one, is no system: empty.
   *
   * @param system the system URI, or null
   * @return the level, or empty for any other system and for null
   */
  public static Optional<CodeLevel> levelOf(String system) {
    if (system == null) {
      return Optional.empty();
    }
    String s = system.trim();
    if (s.equals(CPT_OID)) {
      return Optional.of(CodeLevel.LEVEL_I);
    }
    if (s.equals(HCPCS_OID)) {
      return Optional.of(CodeLevel.LEVEL_II);
    }
    String normal = withoutScheme(s);
    if (normal.equals(withoutScheme(CPT))) {
      return Optional.of(CodeLevel.LEVEL_I);
    }
    if (normal.equals(withoutScheme(HCPCS_LEVEL_II))) {
      return Optional.of(CodeLevel.LEVEL_II);
    }
    return Optional.empty();
  }

  /**
   * Tells whether procedure codes are read under a system URI: CPT or HCPCS Level II in any form
   * {@link #levelOf(String)} accepts, or the HCPCS system of CMS's Blue Button 2.0 API ({@code
   * https://bluebutton.cms.gov/resources/codesystem/hcpcs}, either scheme, a trailing slash), which
   * holds codes of both levels: there, a code's level is the one its shape says. A null {@code
   * system}, HAPI's value of a missing one, is none of these: false.
   *
   * @param system the system URI, or null
   * @return true if procedure codes are read under {@code system}
   */
  public static boolean isProcedureSystem(String system) {
    if (levelOf(system).isPresent()) {
      return true;
    }
    String normal = system == null ? "" : withoutScheme(system.trim());
    return !normal.isEmpty() && normal.equals(withoutScheme(BLUE_BUTTON_HCPCS));
  }

  /**
   * Tells whether a system URI is CMS's place-of-service code set. Accepts the canonical URI, its
   * {@code http} form, a trailing slash, either case of the host, the OID, the {@code .html} page
   * an early CARIN Blue Button ballot named, and the system of the same codes in CMS's Blue Button
   * 2.0 API. Not HL7's {@code http://terminology.hl7.org/CodeSystem/ex-serviceplace}, R4's example
   * binding: it copies a few of CMS's codes, but it is an example set, not the code set a claim is
   * billed in. A null {@code system}, HAPI's value of a missing one, is not it: false.
   *
   * @param system the system URI, or null
   * @return true if {@code system} is CMS's place-of-service code set in a form listed above
   */
  public static boolean isPlaceOfService(String system) {
    if (system == null) {
      return false;
    }
    String s = system.trim();
    if (s.equals(PLACE_OF_SERVICE_OID)) {
      return true;
    }
    String normal = withoutScheme(s);
    return !normal.isEmpty()
        && (normal.equals(withoutScheme(PLACE_OF_SERVICE))
            || normal.equals(withoutScheme(PLACE_OF_SERVICE_PAGE))
            || normal.equals(withoutScheme(BLUE_BUTTON_PLACE_OF_SERVICE)));
  }

  /**
   * Tells whether an identifier system URI is that of National Provider Identifiers: {@value #NPI}
   * in the forms the code systems are read in ({@code https}, a trailing slash, either case of the
   * host) or its OID, {@code urn:oid:2.16.840.1.113883.4.6}. A null {@code system}, HAPI's value of
   * a missing one, is not it: false.
   *
   * @param system the identifier system URI, or null
   * @return true if {@code system} is the NPI system in a form listed above
   */
  public static boolean isNpi(String system) {
    return system != null && (system.trim().equals(NPI_OID) || sameSystem(system, NPI));
  }

  /**
   * Tells whether a system URI is the NUCC Health Care Provider Taxonomy: {@value
   * #PROVIDER_TAXONOMY} in the forms the code systems are read in ({@code https}, a trailing slash,
   * either case of the host) or its OID, {@code urn:oid:2.16.840.1.113883.6.101}. A null {@code
   * system}, HAPI's value of a missing one, is not it: false.
   *
   * @param system the system URI, or null
   * @return true if {@code system} is the NUCC taxonomy in a form listed above
   */
  public static boolean isProviderTaxonomy(String system) {
    return system != null
        && (system.trim().equals(PROVIDER_TAXONOMY_OID) || sameSystem(system, PROVIDER_TAXONOMY));
  }

  /**
   * Tells whether {@code system} is {@code uri} in one of the forms seen: either scheme, a trailing
   * slash, either case of the host.
   */
  static boolean sameSystem(String system, String uri) {
    String normal = system == null ? "" : withoutScheme(system.trim());
    return !normal.isEmpty() && normal.equals(withoutScheme(uri));
  }

  /** {@code www.ama-assn.org/go/cpt} from any of the forms seen: scheme, host case, slash. */
  private static String withoutScheme(String uri) {
    String rest;
    if (uri.startsWith("http://")) {
      rest = uri.substring("http://".length());
    } else if (uri.startsWith("https://")) {
      rest = uri.substring("https://".length());
    } else {
      return "";
    }
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    return host.toLowerCase(Locale.ROOT) + (slash < 0 ? "" : rest.substring(slash));
  }
}
