package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.fhir.FhirMappingException;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** Laws of reading a claim's service ZIP code from any postal code text. */
class ServiceZipProperties {

  private static final Pattern US_ZIP = Pattern.compile("[0-9]{5}(-?[0-9]{4})?");

  private static Claim claimAt(String postalCode) {
    Claim claim = new Claim();
    claim
        .addItem()
        .setSequence(1)
        .setProductOrService(
            new CodeableConcept(new Coding("http://www.ama-assn.org/go/cpt", "99213", null)))
        .setLocation(new Address().setPostalCode(postalCode));
    return claim;
  }

  /** Any text is read as its first five digits, said to be absent, or refused at its path. */
  @Property(tries = 500)
  void anyPostalCodeIsAZipCodeOrRefusedAtItsPath(@ForAll("postalCodes") String postalCode) {
    Optional<String> zip;
    try {
      zip = FhirClaims.serviceZip(claimAt(postalCode));
    } catch (FhirMappingException e) {
      assertEquals("Claim.item[0].locationAddress.postalCode", e.path());
      assertTrue(!US_ZIP.matcher(postalCode).matches(), postalCode);
      return;
    }
    if (postalCode.isBlank()) {
      // FHIR has no blank values: HAPI reads one as no postal code.
      assertEquals(Optional.empty(), zip);
    } else {
      assertTrue(US_ZIP.matcher(postalCode).matches(), postalCode);
      assertEquals(Optional.of(postalCode.substring(0, 5)), zip);
    }
  }

  @Provide
  Arbitrary<String> postalCodes() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11);
    Arbitrary<String> zipPlusFour =
        Arbitraries.strings()
            .numeric()
            .ofLength(5)
            .flatMap(
                five ->
                    Arbitraries.strings()
                        .withChars("0123456789- +\u0663")
                        .ofMinLength(0)
                        .ofMaxLength(6)
                        .map(tail -> five + tail));
    return Arbitraries.oneOf(digits, zipPlusFour, Arbitraries.strings().ofMaxLength(12));
  }
}
