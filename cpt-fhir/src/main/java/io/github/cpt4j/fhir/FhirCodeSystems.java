package io.github.cpt4j.fhir;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeLevel;
import io.github.cpt4j.code.ProcedureCode;
import java.util.Locale;
import java.util.Optional;

/**
 * The FHIR code system URIs of procedure codes, as HL7 Terminology (THO) names them.
 *
 * <ul>
 *   <li>CPT: {@value #CPT} (THO CodeSystem {@code CPT}, OID 2.16.840.1.113883.6.12).
 *   <li>HCPCS Level II: {@value #HCPCS_LEVEL_II}, CMS's HCPCS release page (THO CodeSystem {@code
 *       hcpcs-Level-II}, OID 2.16.840.1.113883.6.285).
 * </ul>
 *
 * <p>Data in the wild also uses the {@code https} form of both, a trailing slash, and the {@code
 * urn:oid:} form of the OIDs; {@link #levelOf(String)} accepts all of them. cpt4j writes only the
 * canonical URIs.
 */
public final class FhirCodeSystems {

  /** The code system of CPT (HCPCS Level I) codes. */
  public static final String CPT = "http://www.ama-assn.org/go/cpt";

  /** The code system of HCPCS Level II codes. */
  public static final String HCPCS_LEVEL_II =
      "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

  private static final String CPT_OID = "urn:oid:2.16.840.1.113883.6.12";
  private static final String HCPCS_OID = "urn:oid:2.16.840.1.113883.6.285";

  private FhirCodeSystems() {}

  /** Returns the canonical system URI of {@code code}'s level. */
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
   * OIDs.
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
