package io.github.cpt4j.data.medicare;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Claims that combine the payment rules, on the full October 2025 relative value file (skipped
 * without CPT4J_CMS_DIR), each amount worked by hand from the file's RVUs, the 2025 GPCIs of
 * 13282-99 (work 1.000, PE 0.949, MP 0.732) and the conversion factor 32.3465: every posted fee is
 * the formula rounded once to cents, every rule a percentage of it, each line rounded once (RVU25D
 * record layout; Claims Processing Manual ch. 12). The posted fees used, facility unless said:
 * 27447 1197.89, 27130 1199.35, 22612 1466.58, 63047 1030.26, 20610 42.14, 28285 369.74, 29888
 * 913.05, 29870 393.16, 29880 531.70, 29881 512.64, 31231 59.94, 31254 226.24, 31267 246.44, 64721
 * 415.35; office: 74177 284.26 (26 81.50, TC 202.77), 72148 180.47 (26 66.11, TC 114.36), 97110
 * 27.99 (a later unit 21.39), 97140 26.42 (20.29), 97530 33.50.
 */
class ClaimRuleCombinationsFullFileTest {

  private static final LocalDate DATE = LocalDate.of(2025, 11, 3);
  private static final Locality ROCHESTER = Locality.parse("13282-99");
  private static final PricingContext FACILITY =
      PricingContext.of(DATE, ROCHESTER, Setting.FACILITY);
  private static final PricingContext OFFICE =
      PricingContext.of(DATE, ROCHESTER, Setting.NON_FACILITY);

  private static PricedClaim assertPaid(PricedClaim claim, String total, String... amounts) {
    for (int i = 0; i < amounts.length; i++) {
      assertEquals(new BigDecimal(amounts[i]), claim.line(i).amountOrThrow(), claim::toString);
    }
    assertEquals(new BigDecimal(total), claim.total(), claim::toString);
    return claim;
  }

  /**
   * BILAT SURG 1 before the ranking (RVU25D; ch. 12 §40.7, §40.6): 27447-50 is 1.5 x 1197.89 =
   * 1796.835 and ranks first; 20610 is paid 50% of 42.14. 28285-50, 1.5 x 369.74 = 554.61, still
   * ranks below 29888 and is paid 50% of it, 277.305. An LT and RT pair of 20610 beside 29881 is
   * one bilateral procedure ranked second: 50% x 1.5 x 42.14 = 31.605, rounded once to 31.61 and
   * split 15.81 + 15.80.
   */
  @Test
  void bilateralThenMultipleSurgery() {
    assertPaid(
        CmsFiles.priceClaim(FACILITY, "27447-50 $5000", "20610 $300"),
        "1817.91",
        "1796.84",
        "21.07");
    assertPaid(
        CmsFiles.priceClaim(FACILITY, "28285-50 $3000", "29888 $3000"),
        "1190.36",
        "277.31",
        "913.05");
    assertPaid(
        CmsFiles.priceClaim(FACILITY, "20610-LT $150", "20610-RT $150", "29881-RT $3000"),
        "544.25",
        "15.81",
        "15.80",
        "512.64");
  }

  /**
   * The assistant at surgery is paid 16% (ch. 12 §20.4.3) of the amount the multiple-surgery rule
   * leaves (§40.6), his own lines ranked: 22612-80 16% x 1466.58 = 234.6528, 63047-80 16% x 50% x
   * 1030.26 = 82.4208, with or without 51 on it. Beside the surgeon's lines, each physician's are
   * ranked apart: the surgeon's 63047 is paid 50%, 515.13.
   */
  @Test
  void anAssistantOnTheSecondRankedProcedure() {
    assertPaid(
        CmsFiles.priceClaim(FACILITY, "22612-80 $2000", "63047-80-51 $1000"),
        "317.07",
        "234.65",
        "82.42");
    assertPaid(
        CmsFiles.priceClaim(
            FACILITY,
            "22612 $9000 by 1234567893",
            "63047 $6000 by 1234567893",
            "22612-80 $2000 by 1000000004",
            "63047-80 $1000 by 1000000004"),
        "2298.78",
        "1466.58",
        "515.13",
        "234.65",
        "82.42");
  }

  /**
   * Co-surgeons are paid 62.5% each (ch. 12 §40.8) of the ranked amount: 22612-62 0.625 x 1466.58 =
   * 916.6125, 63047-62-51 0.625 x 50% x 1030.26 = 321.95625. With 50: 27447-62-50 0.625 x 1.5 x
   * 1197.89 = 1123.021875 ranks first, 27130-62 0.625 x 50% x 1199.35 = 374.796875.
   */
  @Test
  void coSurgeonsWithMultipleAndBilateralSurgery() {
    assertPaid(
        CmsFiles.priceClaim(FACILITY, "22612-62 $9000", "63047-62-51 $6000"),
        "1238.57",
        "916.61",
        "321.96");
    assertPaid(
        CmsFiles.priceClaim(FACILITY, "27447-62-50 $9000", "27130-62 $6000"),
        "1497.82",
        "1123.02",
        "374.80");
  }

  /**
   * Modifier 50 inside an endoscopy family (RVU25D, MULT PROC 3 and BILAT SURG 1: the bilateral
   * adjustment first): 31267-50, 1.5 x 246.44 = 369.66, is paid in full; 31254-50, 1.5 x 226.24 =
   * 339.36, less the base of both sides, 1.5 x 59.94 = 89.91: 249.45. Beside 31267 on one side
   * 31254-50 is the highest and 31267 is paid 246.44 - 59.94 = 186.50; 29881 beside 29880-50 (1.5 x
   * 531.70 = 797.55) 512.64 - 393.16 = 119.48. The family then ranks as one procedure of its total,
   * 619.11, above 64721, paid 50% of 415.35 = 207.675.
   */
  @Test
  void modifier50InsideAnEndoscopyFamily() {
    assertPaid(
        CmsFiles.priceClaim(FACILITY, "31254-50 $2000", "31267-50 $2000"),
        "619.11",
        "249.45",
        "369.66");
    assertPaid(
        CmsFiles.priceClaim(FACILITY, "31254-50 $2000", "31267 $2000"),
        "525.86",
        "339.36",
        "186.50");
    assertPaid(
        CmsFiles.priceClaim(FACILITY, "29880-50 $2000", "29881 $2000"),
        "917.03",
        "797.55",
        "119.48");
    assertPaid(
        CmsFiles.priceClaim(FACILITY, "31254-50 $2000", "31267-50 $2000", "64721 $2000"),
        "826.79",
        "249.45",
        "369.66",
        "207.68");
  }

  /**
   * The imaging reduction with 26 and TC (RVU25D, MULT PROC 4: TC 50%, PC 5% off the later ones
   * from 2017): 72148-26 beside 74177-26 is 95% x 66.11 = 62.8045; 72148-TC beside 74177-TC 50% x
   * 114.36 = 57.18; a global 72148 beside 74177-26 keeps its TC, the only one billed, and loses 5%
   * of its PC, below 74177's: 180.47 - 3.3055 = 177.1645.
   */
  @Test
  void theImagingReductionWithProfessionalAndTechnicalComponents() {
    assertPaid(
        CmsFiles.priceClaim(OFFICE, "74177-26 $500", "72148-26 $500"), "144.30", "81.50", "62.80");
    assertPaid(
        CmsFiles.priceClaim(OFFICE, "74177-TC $500", "72148-TC $500"), "259.95", "202.77", "57.18");
    assertPaid(
        CmsFiles.priceClaim(OFFICE, "74177-26 $500", "72148 $500"), "258.66", "81.50", "177.16");
  }

  /**
   * The therapy reduction (RVU25D, MULT PROC 5) ranks the services of each date apart: on the first
   * date 97110 (PE 0.43) ranks above 97140 (0.40), so 97110 x2 is 27.99 + 21.39 and 97140 20.29; on
   * the second 97530 (PE 0.62) is paid in full and 97110 21.39.
   */
  @Test
  void theTherapyReductionOverLinesOfTwoDates() {
    assertPaid(
        CmsFiles.priceClaim(
            OFFICE,
            "97110-GP x2 $100 on 2025-11-03",
            "97140-GP $50 on 2025-11-03",
            "97110-GP $50 on 2025-11-04",
            "97530-GP $50 on 2025-11-04"),
        "124.56",
        "49.38",
        "20.29",
        "21.39",
        "33.50");
  }

  /**
   * A non-participating provider is paid 95% (ch. 12 §20.4.1) of the reduced amount: 29881 0.95 x
   * 512.64 = 487.008, 20610 0.95 x 50% x 42.14 = 20.0165; 27447-50 0.95 x 1796.835 = 1706.99325.
   * The limiting charge is 109.25% of the participating amount after the rules: 27447-50 1.0925 x
   * 1796.835 = 1963.0422375, 20610 ranked second 1.0925 x 21.07 = 23.018975.
   */
  @Test
  void aNonParticipatingProviderWithAReducedLine() {
    PricingContext nonParticipating = FACILITY.withParticipating(false);
    assertPaid(
        CmsFiles.priceClaim(nonParticipating, "29881 $3000", "20610 $300"),
        "507.03",
        "487.01",
        "20.02");
    assertPaid(
        CmsFiles.priceClaim(nonParticipating, "27447-50 $5000", "20610 $300"),
        "1727.01",
        "1706.99",
        "20.02");
    List<BilledLine> lines = new ArrayList<>();
    lines.add(BilledLine.parse("27447-50 $5000"));
    lines.add(BilledLine.parse("20610 $300"));
    assertPaid(
        MedicareClaimPricer.of(CmsFiles.schedule2025())
            .limitingCharges(Claim.of(lines), nonParticipating),
        "1986.06",
        "1963.04",
        "23.02");
  }
}
