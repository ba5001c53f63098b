package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.PaymentEffect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Modifier PD, the 3-day payment window, on the bundled 2025 data in Rest of New York (13282-99,
 * GPCIs 1 / 0.949 / 0.732, conversion factor 32.3465). CMS change request 7502 (Transmittal 2373,
 * MLN Matters MM7502; Claims Processing Manual ch. 12 §90.7): only the professional component of a
 * code with a professional/technical split, the facility rate of any other; the technical portion
 * is paid to the hospital with the inpatient stay (ch. 3 §40.3). PD used to be registered without
 * its effect: 71046-PD was paid the global 31.23, 99213-PD the office 85.86.
 */
class PaymentWindowModifierTest {

  private static final MedicareFeeSchedule MEDICARE = BundledData.medicareFeeSchedule();
  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(MEDICARE);
  private static final Locality REST_OF_NEW_YORK = Locality.parse("13282-99");
  private static final PricingContext OFFICE =
      PricingContext.of(LocalDate.of(2025, 11, 3), REST_OF_NEW_YORK, Setting.NON_FACILITY);
  private static final PricingContext FACILITY = OFFICE.withSetting(Setting.FACILITY);

  private static BigDecimal amount(String line, PricingContext context) {
    return MEDICARE.price(ClaimLine.parse(line), context).amountOrThrow();
  }

  private static PricedLine claimLine(String line) {
    return PRICER.price(Claim.ofLines(ClaimLine.parse(line)), OFFICE).line(0);
  }

  @Test
  void theRegistryGivesPdItsEffect() {
    assertEquals(
        PaymentEffect.PAYMENT_WINDOW,
        ModifierRegistry.standard().paymentEffect(Modifier.parse("PD")));
    assertEquals(Modifier.parse("PD"), Modifier.PAYMENT_WINDOW);
  }

  @Test
  void aSplitTestIsPaidItsProfessionalComponent() {
    // 71046: PC/TC 1. Global (0.22 + 0.77 x 0.949 + 0.02 x 0.732) x 32.3465 = 31.23; its 26 row
    // (0.22 + 0.08 x 0.949 + 0.01 x 0.732) x 32.3465 = 9.81.
    assertEquals(new BigDecimal("31.23"), amount("71046", OFFICE));
    assertEquals(new BigDecimal("9.81"), amount("71046-26", OFFICE));
    assertEquals(new BigDecimal("9.81"), amount("71046-PD", OFFICE));
    assertEquals(new BigDecimal("9.81"), amount("71046-26-PD", OFFICE));
    assertEquals(new BigDecimal("9.81"), amount("71046-PD", FACILITY));
    FeeResult pd = MEDICARE.price(ClaimLine.parse("71046-PD"), OFFICE);
    String step = pd.explanation().find("modifier-PD").orElseThrow().description();
    assertTrue(step.contains("only the professional component of 71046"), step);
    assertTrue(step.contains("change request 7502"), step);
    assertTrue(pd.explanation().toString().contains("71046-26"), pd.explanation().toString());
  }

  @Test
  void anotherCodeIsPaidTheFacilityRateWhateverThePlace() {
    // 99213: PC/TC 0. Office (PE 1.35) 85.86; facility (PE 0.57)
    // (1.30 + 0.57 x 0.949 + 0.10 x 0.732) x 32.3465 = 61.92.
    assertEquals(new BigDecimal("85.86"), amount("99213", OFFICE));
    assertEquals(new BigDecimal("61.92"), amount("99213", FACILITY));
    assertEquals(new BigDecimal("61.92"), amount("99213-PD", OFFICE));
    assertEquals(
        new BigDecimal("61.92"),
        amount("99213-PD", OFFICE.withPlaceOfService(PlaceOfService.parse("11"))));
    FeeResult pd = MEDICARE.price(ClaimLine.parse("99213-PD"), OFFICE);
    assertTrue(
        pd.explanation().find("modifier-PD").orElseThrow().description().contains("facility rate"),
        pd.explanation().toString());
    // 93010, the professional-only reading of an electrocardiogram (PC/TC 2): 7.58 either way.
    assertEquals(new BigDecimal("7.58"), amount("93010-PD", OFFICE));
  }

  @Test
  void aTechnicalComponentIsNotPaid() {
    // The TC of a split test, a technical-only code (93005, PC/TC 3) and a global-only test whose
    // amount includes its tracing (93000, PC/TC 4, 13.34 without PD): the hospital is paid for
    // them.
    for (String line : new String[] {"71046-TC-PD", "93005-PD", "93000-PD"}) {
      FeeResult result = MEDICARE.price(ClaimLine.parse(line), OFFICE);
      assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), result.reason(), line);
      assertTrue(result.detail().contains("3-day payment window"), result.detail());
    }
    assertEquals(new BigDecimal("13.34"), amount("93000", OFFICE));
    assertTrue(
        MEDICARE.price(ClaimLine.parse("93000-PD"), OFFICE).detail().contains("PC/TC 2"),
        "93000-PD points to the professional-only code");
  }

  @Test
  void claimPricingAndLimitingChargesAgree() {
    assertEquals(Optional.of(new BigDecimal("9.81")), claimLine("71046-PD").amount());
    assertEquals(Optional.of(new BigDecimal("61.92")), claimLine("99213-PD").amount());
    PricedLine tc = claimLine("71046-TC-PD");
    assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), tc.reason(), tc::toString);
    // FX reduces the technical component, which a PD line is not paid: the 26 row stays whole.
    assertEquals(Optional.of(new BigDecimal("9.81")), claimLine("71046-FX-PD").amount());
    PricedClaim claim =
        PRICER.price(
            Claim.ofLines(ClaimLine.parse("71046-PD"), ClaimLine.parse("99213-PD")), OFFICE);
    assertEquals(new BigDecimal("71.73"), claim.total());
    assertTrue(
        claim.line(0).explanation().toString().contains("modifier-PD"),
        claim.line(0).explanation().toString());
    // 109.25% of the participating amount: 9.81 x 1.0925 = 10.72 (the exact amount, rounded once).
    assertEquals(
        MEDICARE.limitingCharge(ClaimLine.parse("71046-26"), OFFICE).amount(),
        MEDICARE.limitingCharge(ClaimLine.parse("71046-PD"), OFFICE).amount());
    assertEquals(
        Optional.of(new BigDecimal("10.72")),
        MEDICARE.limitingCharge(ClaimLine.parse("71046-PD"), OFFICE).amount());
    assertFalse(MEDICARE.price(ClaimLine.parse("71046-PD"), OFFICE).settingNotAvailable());
  }

  @Test
  void anEndoscopyFamilysBaseComesOffAtTheFacilityRateToo() {
    // MULT PROC 3: 45380 beside 45385 is paid its amount minus the base 45378's. With PD both are
    // facility amounts: 185.53 - 170.58 = 14.95, as the same claim at the facility without PD;
    // the base's office fee, 313.32, took the whole of it.
    PricedClaim pd =
        PRICER.price(
            Claim.ofLines(ClaimLine.parse("45385-PD"), ClaimLine.parse("45380-PD")), OFFICE);
    PricedClaim facility =
        PRICER.price(Claim.ofLines(ClaimLine.parse("45385"), ClaimLine.parse("45380")), FACILITY);
    assertEquals(new BigDecimal("14.95"), pd.line(1).result().amountOrThrow());
    assertEquals(facility.line(1).result().amountOrThrow(), pd.line(1).result().amountOrThrow());
    assertEquals(facility.total(), pd.total());
    assertEquals(new BigDecimal("249.09"), pd.total());
  }

  @Test
  void aCodeNotValidForMedicareSaysSoWithPdToo() {
    // 77385 is status I (not valid for Medicare) and technical only: its status answers first.
    FeeResult plain = MEDICARE.price(ClaimLine.parse("77385"), OFFICE);
    FeeResult pd = MEDICARE.price(ClaimLine.parse("77385-PD"), OFFICE);
    assertEquals(UnpricedReason.STATUS_NOT_PAYABLE, plain.reason().orElseThrow());
    assertEquals(plain.reason(), pd.reason());
  }
}
