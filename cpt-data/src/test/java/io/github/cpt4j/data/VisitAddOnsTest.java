package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * README, "Add-ons and visit add-ons": an add-on whose primary a claim edit denied is not paid, and
 * G2211 and G2212 are paid only beside the visits CMS names (G2211 not beside a visit of modifier
 * 25 but for a same-day preventive service, and once a visit); on the bundled 2025 data (October
 * release) in 13282-99, office, where 99213 is 85.86, G2211 15.14 and G2212 30.19.
 */
class VisitAddOnsTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final PricingContext OFFICE =
      PricingContext.of(
          LocalDate.of(2025, 10, 20), Locality.parse("13282-99"), Setting.NON_FACILITY);

  private static PricedClaim price(String... lines) {
    return PRICER.price(claim(lines), OFFICE);
  }

  private static Claim claim(String... lines) {
    List<BilledLine> billed = new ArrayList<>();
    for (String line : lines) {
      billed.add(BilledLine.parse(line));
    }
    return Claim.of(billed);
  }

  private static void assertRefusedByAddOn(PricedClaim claim, int line, String detail) {
    PricedLine priced = claim.line(line);
    assertEquals(
        Optional.of(UnpricedReason.NOT_PAYABLE_ON_CLAIM), priced.reason(), claim::toString);
    assertEquals(Optional.of("add-on"), priced.refusedBy(), claim::toString);
    assertTrue(priced.detail().contains(detail), priced::toString);
    assertFalse(
        priced.warnings().stream()
            .anyMatch(w -> w.kind() == ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY),
        priced::toString);
  }

  @Test
  void anAddOnOfAVisitInAGlobalPackageIsDeniedWithIt() {
    // Was: 99213 denied, G2211 paid 15.14 with no warning.
    PricedClaim claim = price("20610", "99213", "G2211");
    assertEquals(UnpricedReason.GLOBAL_SURGERY, claim.line(1).reason().orElseThrow());
    assertRefusedByAddOn(claim, 2, "99213 (line 2) is not paid (global surgery)");
    assertEquals(new BigDecimal("60.56"), claim.total(), claim::toString);
    // Was: G2212 paid 30.19.
    PricedClaim prolonged = price("20610", "99215", "G2212");
    assertRefusedByAddOn(prolonged, 2, "99215 (line 2) is not paid (global surgery)");
  }

  @Test
  void anAddOnOfAVisitInThePostoperativeDaysIsDeniedWithIt() {
    // Was: G2211 paid 15.14, warned of "no primary service on the claim".
    PricedClaim claim = price("27447 on 2025-10-01", "99213 on 2025-10-20", "G2211 on 2025-10-20");
    assertEquals(UnpricedReason.GLOBAL_SURGERY, claim.line(1).reason().orElseThrow());
    assertRefusedByAddOn(claim, 2, "99213 (line 2) is not paid (global surgery)");
  }

  @Test
  void g2211IsNotPaidBesideAVisitOfModifier25ButForAPreventiveService() {
    // Was: all paid, 161.56.
    PricedClaim claim = price("20610", "99213-25", "G2211");
    assertRefusedByAddOn(claim, 2, "20610 (line 1) is a service the 25 may be for");
    assertEquals(new BigDecimal("146.42"), claim.total(), claim::toString);
    assertRefusedByAddOn(price("99213-25", "G2211"), 1, "none is billed with it");
    PricedClaim wellness = price("G0439", "99213-25", "G2211");
    assertEquals(new BigDecimal("15.14"), wellness.line(2).amountOrThrow(), wellness::toString);
    PricedClaim vaccine = price("G0008", "99213-25", "G2211");
    assertEquals(new BigDecimal("15.14"), vaccine.line(2).amountOrThrow(), vaccine::toString);
    // A procedure beside the wellness visit: the 25 may be for it.
    assertRefusedByAddOn(price("G0439", "20610", "99213-25", "G2211"), 3, "20610 (line 2)");
  }

  @Test
  void g2211IsPaidBesideAVisitOfModifier25ForAnyPartBPreventiveService() {
    // Was: refused, "G0444 (line 1) is a service the 25 may be for". Screenings and counseling
    // the Social Security Act names Part B preventive services (§1861(ddd)(3)).
    for (String preventive : List.of("G0444", "G0442", "99406", "77067", "G0101", "G0105")) {
      PricedClaim claim = price(preventive, "99213-25", "G2211");
      assertEquals(new BigDecimal("15.14"), claim.line(2).amountOrThrow(), claim::toString);
      assertTrue(
          claim.line(2).explanation().toString().contains("preventive service " + preventive),
          claim::toString);
    }
    // A procedure beside the screening: the 25 may be for it.
    assertRefusedByAddOn(price("G0444", "20610", "99213-25", "G2211"), 3, "20610 (line 2)");
  }

  @Test
  void g2211AddsOnlyToAnOfficeVisitOncePerVisit() {
    // Was: paid 15.14 beside a hospital visit.
    assertRefusedByAddOn(price("99232", "G2211"), 1, "none is billed with it");
    // Was: 30.28.
    PricedClaim twice = price("99213", "G2211 x2");
    assertEquals(new BigDecimal("15.14"), twice.line(1).amountOrThrow(), twice::toString);
    assertTrue(
        twice.line(1).warnings().stream().anyMatch(w -> w.kind() == ClaimWarning.Kind.UNITS_DENIED),
        twice::toString);
    // Other charges: alike in every field, the second G2211 is an exact duplicate instead.
    PricedClaim twoLines = price("G2211 $20", "99213", "G2211 $25");
    assertEquals(new BigDecimal("15.14"), twoLines.line(0).amountOrThrow(), twoLines::toString);
    assertRefusedByAddOn(twoLines, 2, "line 1 bills it already");
    assertEquals(new BigDecimal("15.14"), price("99213", "G2211").line(1).amountOrThrow());
  }

  @Test
  void g2212AddsOnlyToTheVisitsOfTheHighestLevel() {
    // Was: 85.86 + 30.19.
    PricedClaim claim = price("99213", "G2212");
    assertRefusedByAddOn(claim, 1, "adds only to 99205, 99215 or 99483");
    assertEquals(new BigDecimal("85.86"), claim.total(), claim::toString);
    assertEquals(new BigDecimal("30.19"), price("99215", "G2212").line(1).amountOrThrow());
    assertEquals(new BigDecimal("60.38"), price("99215", "G2212 x2").line(1).amountOrThrow());
    assertTrue(price("99483", "G2212").line(1).isPriced());
  }

  @Test
  void theProlongedTimeAddOnsAddOnlyToTheVisitsOfTheHighestLevelOfTheirFamily() {
    PricingContext hospital = OFFICE.withSetting(Setting.FACILITY);
    // Was: 74.15 + 28.66, G0316 paid beside a hospital visit of a lower level.
    PricedClaim lower = PRICER.price(claim("99232", "G0316"), hospital);
    assertRefusedByAddOn(lower, 1, "adds only to hospital inpatient or observation care");
    assertEquals(new BigDecimal("74.15"), lower.total(), lower::toString);
    PricedClaim highest = PRICER.price(claim("99223", "G0316"), hospital);
    assertEquals(new BigDecimal("28.66"), highest.line(1).amountOrThrow(), highest::toString);
    assertTrue(PRICER.price(claim("99233", "G0316"), hospital).line(1).isPriced());
    assertTrue(PRICER.price(claim("99236", "G0316 x2"), hospital).line(1).isPriced());
    // Was: G0316 paid beside a knee replacement, as any ZZZ code beside a procedure.
    assertRefusedByAddOn(
        PRICER.price(claim("27447", "G0316"), hospital), 1, "and none is billed with it");
    // Was: 85.86 + 29.27.
    assertRefusedByAddOn(price("99213", "G0318"), 1, "a home or residence visit");
    assertTrue(price("99350", "G0318").line(1).isPriced());
    assertTrue(price("99345", "G0318").line(1).isPriced());
    assertRefusedByAddOn(price("99345", "G0317"), 1, "a nursing facility visit");
    assertTrue(price("99306", "G0317").line(1).isPriced());
    assertTrue(price("99310", "G0317").line(1).isPriced());
    // Alone, priced and warned of, its primaries named.
    PricedClaim alone = price("G0317");
    assertTrue(alone.line(0).isPriced(), alone::toString);
    assertTrue(
        alone.line(0).warnings().stream()
            .anyMatch(
                w ->
                    w.kind() == ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY
                        && w.message().contains("99306 or 99310")),
        alone::toString);
  }

  @Test
  void screeningTomosynthesisAddsOnlyToTheScreeningMammogram() {
    PricedClaim screening = price("77067", "77063");
    assertEquals(new BigDecimal("168.06"), screening.total(), screening::toString);
    // Was: 147.04 + 48.97, the screening add-on paid beside a diagnostic mammogram.
    PricedClaim diagnostic = price("77066", "77063");
    assertRefusedByAddOn(diagnostic, 1, "adds only to a screening mammogram (77067)");
    assertEquals(new BigDecimal("147.04"), diagnostic.total(), diagnostic::toString);
    // The radiologist's components: 34.13 + 26.87.
    PricedClaim professional = price("77067-26", "77063-26");
    assertEquals(new BigDecimal("61.00"), professional.total(), professional::toString);
    assertRefusedByAddOn(price("77066-26", "77063-26"), 1, "a screening mammogram");
  }

  @Test
  void chronicCareManagementsFurtherTimeAddsOnlyToItsFirstTime() {
    PricedClaim month = price("99490", "99439");
    assertEquals(new BigDecimal("103.09"), month.total(), month::toString);
    // Was: 85.86 + 44.46, the further 20 minutes paid beside an office visit alone.
    PricedClaim visit = price("99213", "99439");
    assertRefusedByAddOn(visit, 1, "chronic care management's first 20 minutes of staff time");
    assertEquals(new BigDecimal("85.86"), visit.total(), visit::toString);
    // Beside the visit and its first 20 minutes, paid.
    assertEquals(new BigDecimal("188.95"), price("99213", "99490", "99439").total());
  }

  @Test
  void remoteMonitoringsFurtherTimeAddsOnlyToItsFirstTime() {
    assertEquals(new BigDecimal("83.41"), price("99457", "99458").total());
    // Was: 85.86 + 37.25.
    PricedClaim visit = price("99213", "99458");
    assertRefusedByAddOn(visit, 1, "remote physiologic monitoring's first 20 minutes (99457)");
    assertEquals(new BigDecimal("85.86"), visit.total(), visit::toString);
  }

  @Test
  void anAddOnAloneIsPricedAndWarnedOf() {
    PricedClaim claim = price("G2211");
    assertEquals(new BigDecimal("15.14"), claim.line(0).amountOrThrow());
    assertTrue(
        claim.line(0).warnings().stream()
            .anyMatch(w -> w.kind() == ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY));
  }
}
