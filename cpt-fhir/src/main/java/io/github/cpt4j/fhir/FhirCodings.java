package io.github.cpt4j.fhir;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.CodeLevel;
import io.github.cpt4j.code.ProcedureCode;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Procedure codes as FHIR {@link Coding}s, in both directions.
 *
 * <pre>{@code
 * Coding coding = FhirCodings.toCoding(ProcedureCode.parse("99213"));
 * // system http://www.ama-assn.org/go/cpt, code 99213
 * ProcedureCode code = FhirCodings.fromCoding(coding, "Claim.item[0].productOrService");
 * }</pre>
 *
 * <p>Reading is strict about the code (canonical form, as {@link ProcedureCode#parse} reads it) and
 * lenient about the system URI (see {@link FhirCodeSystems#isProcedureSystem}); a code of the other
 * level than its system's, such as {@code J1100} under CPT, is refused. Under Blue Button 2.0's
 * HCPCS system, which holds both levels, a code has the level its shape says.
 */
public final class FhirCodings {

  private FhirCodings() {}

  /**
   * {@return a coding of {@code code} under its level's canonical system, with no display}
   *
   * @param code the CPT or HCPCS Level II code
   */
  public static Coding toCoding(ProcedureCode code) {
    requireNonNull(code, "code");
    // No display: CPT descriptors are the AMA's; users with a licence add their own.
    return new Coding().setSystem(FhirCodeSystems.systemOf(code)).setCode(code.toString());
  }

  /**
   * Tells whether {@code coding}'s system is one procedure codes are read under: CPT, HCPCS Level
   * II, or Blue Button 2.0's HCPCS system, in any accepted form ({@link
   * FhirCodeSystems#isProcedureSystem}).
   *
   * @param coding the coding, such as one of a claim item's {@code productOrService}
   * @return true if the coding's system is one of those listed
   */
  public static boolean isProcedureCoding(Coding coding) {
    // A null coding is refused everywhere else (a list built in code): not "no procedure coding".
    requireNonNull(coding, "coding");
    return FhirCodeSystems.isProcedureSystem(coding.getSystem());
  }

  /**
   * Reads a CPT or HCPCS Level II coding.
   *
   * @param coding the coding to read
   * @param path the FHIR path of the coding, for messages
   * @return the code
   * @throws FhirMappingException if the system is missing or none of these, the code is missing or
   *     malformed, or the code is of the other level than its system's; at {@code path.system} when
   *     the system has extensions but no value
   */
  public static ProcedureCode fromCoding(Coding coding, String path) {
    requireNonNull(coding, "coding");
    requireNonNull(path, "path");
    FhirClaims.requireValue(coding.getSystemElement(), path + ".system");
    if (coding.getSystem() == null) {
      // Said as such: quoted, the missing system read as a system named 'null'.
      throw new FhirMappingException(
          path,
          "the coding has no system: a procedure code is read under CPT ("
              + FhirCodeSystems.CPT
              + ") or HCPCS Level II ("
              + FhirCodeSystems.HCPCS_LEVEL_II
              + ")");
    }
    if (!FhirCodeSystems.isProcedureSystem(coding.getSystem())) {
      // Quoted as all text is: it was written whole and raw, line breaks and all.
      throw new FhirMappingException(
          path,
          "system "
              + CodeFormatException.quote(coding.getSystem())
              + " is neither CPT ("
              + FhirCodeSystems.CPT
              + ") nor HCPCS Level II ("
              + FhirCodeSystems.HCPCS_LEVEL_II
              + ")");
    }
    // Empty under Blue Button 2.0's HCPCS system, which holds both levels.
    Optional<CodeLevel> level = FhirCodeSystems.levelOf(coding.getSystem());
    if (!coding.hasCode()) {
      throw new FhirMappingException(path, "the coding has no code");
    }
    FhirClaims.requireValue(coding.getCodeElement(), path + ".code");
    ProcedureCode code;
    try {
      code = ProcedureCode.parse(coding.getCode());
    } catch (CodeFormatException e) {
      throw new FhirMappingException(path, e.getMessage(), e);
    }
    if (level.isPresent() && code.level() != level.get()) {
      throw new FhirMappingException(
          path,
          code
              + " is a "
              + (code.level() == CodeLevel.LEVEL_I ? "CPT" : "HCPCS Level II")
              + " code, but the system is "
              + coding.getSystem());
    }
    return code;
  }

  /**
   * Returns the first coding of {@code concept} in a procedure code system (CPT, HCPCS Level II or
   * Blue Button 2.0's HCPCS), if any; empty for a null concept.
   *
   * @param concept the concept, or null
   * @return the first procedure coding, or empty when there is none or {@code concept} is null
   * @throws FhirMappingException at a null coding, which a concept built in code can hold (HAPI's
   *     parser never leaves one), as {@link #fromConcept} and the mapping refuse it; this method
   *     takes no path, so the path starts from the argument's name, {@code concept.coding[0]}
   */
  public static Optional<Coding> procedureCoding(CodeableConcept concept) {
    if (concept == null) {
      return Optional.empty();
    }
    // A null coding was skipped as no procedure coding, and a later one answered.
    List<Coding> codings = FhirClaims.withoutNulls(concept.getCoding(), "concept.coding");
    return codings.stream().filter(FhirCodings::isProcedureCoding).findFirst();
  }

  /**
   * Reads the procedure code of a concept, such as a claim item's {@code productOrService}: its CPT
   * or HCPCS Level II codings, which must all carry one code. The codings of a concept translate
   * one another, so two different codes (99213 and 99215, or 71046 and a modifier 26 put there) are
   * a contradiction, not a choice: reading the first silently changed the price.
   *
   * @param concept the concept, such as a claim item's {@code productOrService}
   * @param path the FHIR path of the concept, for messages, such as {@code
   *     Claim.item[0].productOrService}
   * @return the code
   * @throws FhirMappingException at {@code path} if it has no such coding or two of different
   *     codes; at the coding if one is not a valid code, or is null (a list built in code)
   */
  public static ProcedureCode fromConcept(CodeableConcept concept, String path) {
    requireNonNull(concept, "concept");
    requireNonNull(path, "path");
    ProcedureCode code = null;
    int first = -1;
    // A null coding was skipped as no procedure coding: refused, as a null is everywhere.
    List<Coding> codings = FhirClaims.withoutNulls(concept.getCoding(), path, "coding");
    for (int c = 0; c < codings.size(); c++) {
      Coding coding = codings.get(c);
      if (!isProcedureCoding(coding)) {
        continue;
      }
      String codingPath = path + ".coding[" + c + "]";
      if (code == null) {
        code = fromCoding(coding, codingPath);
        first = c;
        continue;
      }
      // A code with extensions alone has no value to compare: refused where it is, as the first
      // coding's is by fromCoding (it was a NullPointerException).
      if (coding.hasCode()) {
        FhirClaims.requireValue(coding.getCodeElement(), codingPath + ".code");
      }
      // Compared as written, before reading: "26" is no procedure code, but a modifier misplaced.
      if (coding.hasCode() && !code.toString().equals(coding.getCode())) {
        throw new FhirMappingException(
            path,
            "coding["
                + first
                + "] is "
                + code
                + " but coding["
                + c
                + "] is "
                + CodeFormatException.quote(coding.getCode())
                + ": the codings of a concept are one code in several systems, so bill each"
                + " service as its own item and its modifiers in item.modifier");
      }
      fromCoding(coding, codingPath);
    }
    if (code == null) {
      throw new FhirMappingException(path, "no CPT or HCPCS Level II coding");
    }
    return code;
  }
}
