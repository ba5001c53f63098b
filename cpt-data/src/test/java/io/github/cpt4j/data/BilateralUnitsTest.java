package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On the bundled 2025 data (October release), 13282-99 facility (GPCIs 1, 0.949, 0.732; CF
 * 32.3465), worked by hand from the relative value rows: what the units of a line count when it
 * could be both sides of a bilateral procedure (RVU25D record layout, BILAT SURG).
 *
 * <p>One-unit fees, facility: 69210 (0.61 + 0.28 x 0.949 + 0.07 x 0.732) x 32.3465 = 29.98; 20610
 * (0.79 + 0.44 x 0.949 + 0.13 x 0.732) x 32.3465 = 42.14; 27447 1197.89; 64483 (1.90 + 1.27 x 0.949
 * + 0.16 x 0.732) x 32.3465 = 104.23; 64484, an add-on of BILAT SURG 1, (1.00 + 0.43 x 0.949 + 0.08
 * x 0.732) x 32.3465 = 47.44.
 */
class BilateralUnitsTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(BilledLine.parse(line));
    }
    return PRICER.price(claim.build(), CONTEXT);
  }

  private static void assertPaid(PricedClaim claim, String... amounts) {
    for (int i = 0; i < amounts.length; i++) {
      assertEquals(new BigDecimal(amounts[i]), claim.line(i).amountOrThrow(), claim.toString());
    }
  }

  /**
   * A line of 2 units with 59, XE, XS, XP or XU is two services, as the same units on two lines
   * with the modifier on one are: not both sides of one procedure. 69210 (BILAT SURG 2, MULT PROC
   * 2): 29.98 + 50% x 29.98 = 44.97 (was 100% of one side for both, 29.98). 20610 (BILAT SURG 1)
   * beside 27447: two procedures ranked second and third, 21.07 + 21.07 = 42.14 (was 150% x 42.14
   * ranked second, 31.61).
   */
  @Test
  void twoUnitsSayingAnotherServiceAreTwoServices() {
    for (String modifier : List.of("59", "XE", "XS", "XP", "XU")) {
      assertPaid(price("69210-" + modifier + " x2"), "44.97");
      assertPaid(price("27447", "20610-" + modifier + " x2"), "1197.89", "42.14");
      assertPaid(price("27447", "20610", "20610-" + modifier), "1197.89", "21.07", "21.07");
    }
    // Without such a modifier, 2 units are still both sides: 69210 100% of one side, 20610 150%
    // of one side ranked second, 50% x 63.21 = 31.605.
    assertPaid(price("69210 x2"), "29.98");
    assertPaid(price("27447", "20610 x2"), "1197.89", "31.61");
  }

  /**
   * An add-on's units count its levels, on a bilateral line too: 64484 x2 on each side is two
   * levels done on both sides, 2 x 150% x 47.44 = 142.32, however it is billed. With 64483-50 (150%
   * x 104.23 = 156.345, 156.35): {@code 64484-RT x2; 64484-LT x2} was 94.88 + 94.88 = 189.76 (never
   * paired), now 71.16 + 71.16; {@code 64484-50 x2} and {@code 64484-RT-LT x2} were refused
   * (MODIFIER_NOT_ALLOWED), now 142.32; four lines of 1 unit were and are 4 x 35.58.
   */
  @Test
  void anAddOnsLevelsOnBothSidesAreEachOneBilateralProcedure() {
    assertPaid(price("64483-50", "64484-RT x2", "64484-LT x2"), "156.35", "71.16", "71.16");
    assertPaid(price("64483-50", "64484-50 x2"), "156.35", "142.32");
    assertPaid(price("64483-50", "64484-RT-LT x2"), "156.35", "142.32");
    assertPaid(
        // The second pair's charges tell it from the first, or it would be its exact duplicate.
        price("64483-50", "64484-RT", "64484-LT", "64484-RT $300", "64484-LT $300"),
        "156.35",
        "35.58",
        "35.58",
        "35.58",
        "35.58");
    // One side's two levels stay two levels of that side: 2 x 47.44.
    assertPaid(price("64483-RT", "64484-RT x2"), "104.23", "94.88");
  }
}
