package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.fhir.FhirCodeSystems;
import io.github.cpt4j.fhir.FhirCodings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Keeps this module's Javadoc examples honest: each runs here, and the result the Javadoc states in
 * the comment after it is what the code gives.
 */
class JavadocExamplesTest {

  private static final Path SOURCES =
      Path.of("src", "main", "java", "io", "github", "cpt4j", "fhir");

  @Test
  void codeSystemsNameTheLevelOfEachForm() throws IOException {
    assertEquals(
        FhirCodeSystems.HCPCS_LEVEL_II, FhirCodeSystems.systemOf(ProcedureCode.parse("J1100")));
    String oid = "urn:oid:2.16.840.1.113883.6.12";
    assertStated("FhirCodeSystems.java", "levelOf(\"" + oid + "\");", FhirCodeSystems.levelOf(oid));
    String https = "https://www.ama-assn.org/go/cpt/";
    assertStated(
        "FhirCodeSystems.java", "levelOf(\"" + https + "\");", FhirCodeSystems.levelOf(https));
  }

  @Test
  void aCodingIsWrittenUnderTheCptSystemAndReadBack() {
    Coding coding = FhirCodings.toCoding(ProcedureCode.parse("99213"));
    assertEquals("http://www.ama-assn.org/go/cpt", coding.getSystem());
    assertEquals("99213", coding.getCode());
    assertEquals(
        ProcedureCode.parse("99213"),
        FhirCodings.fromCoding(coding, "Claim.item[0].productOrService"));
  }

  @Test
  void zipCodesOfTheFacilityAndOfThePatientsHome() throws IOException {
    Claim claim = new Claim();
    Location facility = new Location();
    facility.setId("fac");
    facility.setAddress(new Address().setPostalCode("14620-1234"));
    Patient patient = new Patient();
    patient.setId("pat");
    patient.addAddress().setUse(Address.AddressUse.HOME).setPostalCode("10001");
    claim.addContained(facility);
    claim.addContained(patient);
    claim.setFacility(new Reference("#fac"));
    claim.setPatient(new Reference("#pat"));
    claim
        .addItem()
        .setSequence(1)
        .setProductOrService(
            new CodeableConcept(FhirCodings.toCoding(ProcedureCode.parse("99213"))));
    assertStated("FhirClaims.java", "serviceZip(fhirClaim);", FhirClaims.serviceZip(claim));
    assertStated(
        "FhirClaims.java",
        "beneficiaryZip(fhirClaim, date);",
        FhirClaims.beneficiaryZip(claim, LocalDate.of(2025, 6, 2)));
  }

  /**
   * Checks that a Javadoc line of {@code file} holds {@code code} and that its comment states
   * {@code actual}, exactly or followed by an explanation after a comma, colon or space.
   */
  private static void assertStated(String file, String code, Object actual) throws IOException {
    String want = String.valueOf(actual);
    String line =
        Files.readAllLines(SOURCES.resolve(file)).stream()
            .filter(l -> l.strip().startsWith("*") && l.contains(code) && l.contains("// "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(file + ": no example line with " + code));
    String stated = line.substring(line.indexOf("// ", line.indexOf(code)) + 3).strip();
    assertTrue(
        stated.equals(want)
            || (stated.startsWith(want) && ",: ".indexOf(stated.charAt(want.length())) >= 0),
        () -> file + ": the example '" + code + "' states " + stated + ", not " + want);
  }
}
