/**
 * HL7 FHIR R4 for cpt4j, over HAPI FHIR's structures: {@link io.github.cpt4j.fhir.FhirCodings} maps
 * a {@code Coding} to a {@code ProcedureCode} and back, {@link io.github.cpt4j.fhir.FhirClaims}
 * reads a professional {@code Claim}'s items as claim lines and their place of service, and {@link
 * io.github.cpt4j.fhir.FhirClaimPricer} prices a {@code Claim} into a {@code ClaimResponse}.
 */
package io.github.cpt4j.fhir;
