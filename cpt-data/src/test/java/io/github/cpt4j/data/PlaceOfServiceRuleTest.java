package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 4: the place of service decides the setting, and an incident-to service (PC/TC
 * indicator 5, such as the injection 96372) is not paid for a hospital inpatient or outpatient (RVU
 * file documentation, PC/TC indicator 5).
 */
class PlaceOfServiceRuleTest {

  private static final MedicareFeeSchedule MEDICARE = BundledData.medicareFeeSchedule();
  private static final PricingContext MANHATTAN =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13202-01"), Setting.NON_FACILITY);

  /** The hospital places: outpatient, inpatient, ER, inpatient psychiatric and rehabilitation. */
  private static final String[] HOSPITALS = {"19", "21", "22", "23", "51", "61"};

  @Test
  void anIncidentToServiceIsNotPaidInAHospital() {
    ClaimLine injection = ClaimLine.parse("96372");
    // An inpatient psychiatric facility (51) and an inpatient rehabilitation facility (61) are
    // hospitals too (Social Security Act §1861(e) and (f)).
    for (String hospital : HOSPITALS) {
      PricingContext context = MANHATTAN.withPlaceOfService(PlaceOfService.parse(hospital));
      assertEquals(Setting.FACILITY, context.setting());
      FeeResult result = MEDICARE.price(injection, context);
      assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), result.reason(), hospital);
      assertTrue(result.detail().contains("incident-to service (PC/TC 5)"), result.detail());
      PricedClaim claim = MedicareClaimPricer.of(MEDICARE).price(Claim.ofLines(injection), context);
      assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), claim.line(0).reason());
    }
    // In the office, and in a skilled nursing facility (a facility, but not a hospital), it is
    // paid.
    assertTrue(
        MEDICARE.price(injection, MANHATTAN.withPlaceOfService(PlaceOfService.OFFICE)).isPriced());
    assertTrue(
        MEDICARE
            .price(injection, MANHATTAN.withPlaceOfService(PlaceOfService.SKILLED_NURSING_FACILITY))
            .isPriced());
    // A context with a setting and no place of service prices it as before.
    assertTrue(MEDICARE.price(injection, MANHATTAN.withSetting(Setting.FACILITY)).isPriced());
  }

  @Test
  void anIndependentTherapistsServiceIsNotPaidInAHospital() {
    // 97110, PC/TC 7: not paid to an independently practicing therapist for a hospital patient.
    ClaimLine exercise = ClaimLine.parse("97110");
    PricingContext hospital = MANHATTAN.withPlaceOfService(PlaceOfService.parse("22"));
    assertEquals(
        Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE),
        MEDICARE.price(exercise, hospital.withPractitioner(PractitionerType.THERAPIST)).reason());
    assertTrue(MEDICARE.price(exercise, hospital).isPriced());
    assertTrue(
        MEDICARE
            .price(
                exercise,
                MANHATTAN
                    .withPlaceOfService(PlaceOfService.OFFICE)
                    .withPractitioner(PractitionerType.THERAPIST))
            .isPriced());
  }

  /**
   * An inpatient psychiatric facility (51) and an inpatient rehabilitation facility (61) are
   * hospitals, their patients' tests the facility's (42 CFR 411.15(m), 415.120(b)): in Rochester
   * the office pays 71046 31.23 and 96372 13.41, at 51 and 61 neither is paid, as at 21. Partial
   * hospitalization (52) and a community mental health center (53) are not hospital places.
   */
  @Test
  void inpatientPsychiatricAndRehabilitationFacilitiesAreHospitals() {
    PricingContext rochester =
        PricingContext.of(
            LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY);
    MedicareClaimPricer pricer = MedicareClaimPricer.of(MEDICARE);
    PricedClaim office =
        pricer.price(
            Claim.builder().add("71046").add("96372").build(),
            rochester.withPlaceOfService(PlaceOfService.OFFICE));
    assertEquals(Optional.of(new BigDecimal("31.23")), office.line(0).amount());
    assertEquals(Optional.of(new BigDecimal("13.41")), office.line(1).amount());
    for (String inpatient : new String[] {"21", "51", "61"}) {
      PricedClaim claim =
          pricer.price(
              Claim.builder().add("71046").add("96372").add("71046-26").build(),
              rochester.withPlaceOfService(PlaceOfService.parse(inpatient)));
      assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), claim.line(0).reason());
      assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), claim.line(1).reason());
      assertTrue(claim.line(2).isPriced(), inpatient + ": the reading is the physician's");
    }
    for (String notHospital : new String[] {"52", "53"}) {
      PricingContext context = rochester.withPlaceOfService(PlaceOfService.parse(notHospital));
      assertTrue(MEDICARE.price(ClaimLine.parse("71046"), context).isPriced(), notHospital);
      assertTrue(MEDICARE.price(ClaimLine.parse("96372"), context).isPriced(), notHospital);
    }
  }

  @Test
  void aPhysicianServiceIsPaidInTheHospitalAtTheFacilityRate() {
    ClaimLine visit = ClaimLine.parse("99213");
    FeeResult atPos22 =
        MEDICARE.price(visit, MANHATTAN.withPlaceOfService(PlaceOfService.parse("22")));
    assertEquals(
        MEDICARE.price(visit, MANHATTAN.withSetting(Setting.FACILITY)).amount(), atPos22.amount());
  }

  @Test
  void theTechnicalComponentOfATestIsPaidToTheHospitalNotUnderTheSchedule() {
    // Claims Processing Manual ch. 13 §20.2: the hospital is paid for the TC of its patients'
    // tests.
    for (String hospital : HOSPITALS) {
      PricingContext context = MANHATTAN.withPlaceOfService(PlaceOfService.parse(hospital));
      for (String line : new String[] {"71046-TC", "93005", "71046", "93000"}) {
        FeeResult result = MEDICARE.price(ClaimLine.parse(line), context);
        assertEquals(
            Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE),
            result.reason(),
            line + " " + hospital);
        assertTrue(result.detail().contains("technical component"), result.detail());
      }
      // The reading is the physician's, paid at the facility rate.
      assertTrue(MEDICARE.price(ClaimLine.parse("71046-26"), context).isPriced(), hospital);
      assertTrue(MEDICARE.price(ClaimLine.parse("93010"), context).isPriced(), hospital);
    }
    PricingContext outpatient = MANHATTAN.withPlaceOfService(PlaceOfService.parse("22"));
    assertTrue(
        MEDICARE.price(ClaimLine.parse("71046"), outpatient).detail().contains("(71046-26)"),
        "the global line says what to bill");
    PricedClaim claim =
        MedicareClaimPricer.of(MEDICARE).price(Claim.builder().add("71046-TC").build(), outpatient);
    assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), claim.line(0).reason());
    // In the office, or with a setting and no place, all of it is paid as before.
    for (String line : new String[] {"71046-TC", "93005", "71046", "93000"}) {
      assertTrue(
          MEDICARE
              .price(ClaimLine.parse(line), MANHATTAN.withPlaceOfService(PlaceOfService.OFFICE))
              .isPriced(),
          line);
      assertTrue(
          MEDICARE.price(ClaimLine.parse(line), MANHATTAN.withSetting(Setting.FACILITY)).isPriced(),
          line);
    }
  }

  /**
   * A code CMS leaves unassigned has no rate (Claims Processing Manual ch. 26 §10.5): 99213 at POS
   * 30, a mistype of the skilled nursing facility's 31, was paid the office's 85.86 in Rochester;
   * at 31 it is the facility's 61.92.
   */
  @Test
  void aPlaceCmsLeavesUnassignedIsNotPaidTheOfficeRate() {
    PricingContext rochester =
        PricingContext.of(
            LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.NON_FACILITY);
    ClaimLine visit = ClaimLine.parse("99213");
    FeeResult mistyped = MEDICARE.price(visit, rochester.withPlaceOfService(PlaceOfService.of(30)));
    assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), mistyped.reason());
    assertTrue(
        mistyped
            .detail()
            .startsWith("place of service 30 is unassigned in CMS's place-of-service code set"),
        mistyped.detail());
    PricedClaim claim =
        MedicareClaimPricer.of(MEDICARE)
            .price(Claim.ofLines(visit), rochester.withPlaceOfService(PlaceOfService.of(30)));
    assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), claim.line(0).reason());
    assertEquals(
        Optional.of(new BigDecimal("61.92")),
        MEDICARE
            .price(visit, rochester.withPlaceOfService(PlaceOfService.SKILLED_NURSING_FACILITY))
            .amount());
    assertEquals(
        Optional.of(new BigDecimal("85.86")),
        MEDICARE.price(visit, rochester.withPlaceOfService(PlaceOfService.OFFICE)).amount());
  }
}
