package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.modifier.ModifierRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of every claim rule, from the text of CMS's record layout (Attachment A), on
 * {@link ClaimTables}: every amount is total RVUs x 25 dollars, so the expected amounts can be
 * checked by hand; the comments show the arithmetic.
 */
class MedicareClaimPricerTest {

  static final MedicareFeeSchedule SCHEDULE = ClaimTables.schedule();
  static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(SCHEDULE);

  /** Prices lines written as {@code "27447-LT"} or {@code "27447-LT $200.00"}. */
  static PricedClaim price(PricingContext context, String... lines) {
    List<BilledLine> billed = new ArrayList<>();
    for (String text : lines) {
      int dollar = text.indexOf('$');
      billed.add(
          dollar < 0
              ? BilledLine.of(ClaimLine.parse(text))
              : BilledLine.of(
                  ClaimLine.parse(text.substring(0, dollar)),
                  new BigDecimal(text.substring(dollar + 1))));
    }
    return PRICER.price(Claim.of(billed), context);
  }

  static PricedClaim price(String... lines) {
    return price(CONTEXT, lines);
  }

  /**
   * Prices lines as {@link #price(String...)} does, without the {@code same-day-visits} edit: for
   * the rules that take two visits of one day as two services.
   */
  static PricedClaim withoutSameDayVisits(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(BilledLine.parse(line));
    }
    return PRICER.toBuilder()
        .removeEdit(SameDayVisitsEdit.NAME)
        .build()
        .price(claim.build(), CONTEXT);
  }

  /** Asserts each line's amount ({@code null} for none) and the total. */
  static PricedClaim assertAmounts(PricedClaim claim, String total, String... amounts) {
    for (int i = 0; i < amounts.length; i++) {
      PricedLine line = claim.line(i);
      if (amounts[i] == null) {
        assertFalse(line.isPriced(), line.toString());
      } else {
        assertEquals(new BigDecimal(amounts[i]), line.amount().orElse(null), claim.toString());
      }
    }
    assertEquals(amounts.length, claim.lines().size());
    assertEquals(new BigDecimal(total), claim.total(), claim.toString());
    return claim;
  }

  static void assertRefused(PricedLine line, UnpricedReason reason, ClaimRule rule) {
    assertFalse(line.isPriced(), line.toString());
    assertEquals(reason, line.reason().orElseThrow(), line.toString());
    assertEquals(rule.id(), line.refusedBy().orElseThrow(), line.toString());
  }

  static boolean hasWarning(PricedLine line, ClaimWarning.Kind kind) {
    return line.warnings().stream().anyMatch(w -> w.kind() == kind);
  }

  @Nested
  class FeeScheduleRows {

    @Test
    void anAnesthesiaCodeWithoutAnAnesthesiaScheduleSaysWhatIsMissing() {
      PricedLine line = price("00790-AA 60min").line(0);
      assertRefused(line, UnpricedReason.NOT_IN_SCHEDULE, ClaimRule.FEE_SCHEDULE);
      assertTrue(line.detail().contains("anesthesia conversion factors"), line::toString);
      // Other codes missing from the schedule keep the plain wording.
      assertFalse(price("99999").line(0).detail().contains("anesthesia"));
    }

    @Test
    void aCodeMissingFromASubsetWarnsTheOtherLinesOfItsDate() {
      // 99999 may be payable in the whole file, and would then rank against 27447.
      MedicareFeeSchedule subset =
          ClaimTables.scheduleBuilder()
              .name("test-sample")
              .rvus(RvuTable.of(ClaimTables.rows()).asSubset())
              .build();
      PricedClaim claim =
          MedicareClaimPricer.of(subset)
              .price(Claim.builder().add("27447").add("99998").build(), CONTEXT);
      PricedLine missing = claim.line(1);
      assertRefused(missing, UnpricedReason.NOT_IN_SCHEDULE, ClaimRule.FEE_SCHEDULE);
      assertTrue(
          missing
              .detail()
              .equals(
                  "99998 is not in test-sample, which holds a subset of the relative value"
                      + " file's rows: the code may be payable; price it with the whole file"),
          missing::toString);
      PricedLine knee = claim.line(0);
      assertEquals(price("27447").line(0).amount(), knee.amount());
      assertTrue(hasWarning(knee, ClaimWarning.Kind.INCOMPLETE_DATA), knee::toString);
      assertTrue(
          knee.warnings()
              .get(0)
              .message()
              .startsWith("99998 (line 2) on the same date is not in test-sample"),
          knee::toString);
      // A line refused for its own reason (99080 is bundled) has no amount to be too high.
      PricedClaim withBundled =
          MedicareClaimPricer.of(subset)
              .price(Claim.builder().add("27447").add("99998").add("99080").build(), CONTEXT);
      assertRefused(withBundled.line(2), UnpricedReason.STATUS_NOT_PAYABLE, ClaimRule.FEE_SCHEDULE);
      assertFalse(
          hasWarning(withBundled.line(2), ClaimWarning.Kind.INCOMPLETE_DATA),
          () -> withBundled.line(2).toString());
      assertTrue(hasWarning(withBundled.line(0), ClaimWarning.Kind.INCOMPLETE_DATA));
      // The whole file's table: the code is not payable, and nothing is left to weigh.
      PricedLine alone = price("27447", "99998").line(0);
      assertFalse(hasWarning(alone, ClaimWarning.Kind.INCOMPLETE_DATA), alone::toString);
    }

    /**
     * The warning named the missing lines by code alone ({@code 99998 on the same date}), while
     * every other message names a line by its number, so a biller could not tell which of two lines
     * of the code, or which date's, it was about; it is also repeated on every other line of the
     * date, where {@link PricedClaim#warnings()} loses whose it is. It names each missing line as
     * the edits do, {@code 99998 (line 2)}, by the claim's own numbers.
     */
    @Test
    void theIncompleteDataWarningNamesTheMissingLinesByNumber() {
      MedicareFeeSchedule subset =
          ClaimTables.scheduleBuilder()
              .name("test-sample")
              .rvus(RvuTable.of(ClaimTables.rows()).asSubset())
              .build();
      String tail =
          " on the same date %s not in test-sample, a subset of the relative value file: the claim"
              + " rules could not weigh %s, so this amount may be too high";
      PricedClaim one =
          MedicareClaimPricer.of(subset)
              .price(Claim.builder().add("27447").add("99998").build(), CONTEXT);
      assertEquals(
          "99998 (line 2)" + tail.formatted("is", "it"),
          one.line(0).warnings().get(0).message(),
          one::toString);
      PricedClaim two =
          MedicareClaimPricer.of(subset)
              .price(
                  Claim.builder()
                      .add("99998")
                      .add("27447")
                      .add("99997")
                      .build()
                      .withLineNumbers(4, 7, 9),
                  CONTEXT);
      assertEquals(
          "99998 (line 4), 99997 (line 9)" + tail.formatted("are", "them"),
          two.line(1).warnings().get(0).message(),
          two::toString);
    }

    @Test
    void aSingleLineIsTheFeeScheduleAmount() {
      // 27447: 40 RVUs x 25 = 1000.00
      assertAmounts(price("27447"), "1000.00", "1000.00");
    }

    @Test
    void componentRowsAreUsedWhereThePcTcIndicatorAllowsThem() {
      // 70450-26: 3 RVUs = 75.00; 70450-TC: 5 RVUs = 125.00 (separate radiology claims)
      assertAmounts(price("70450-26"), "75.00", "75.00");
      assertAmounts(price("70450-TC"), "125.00", "125.00");
    }

    @Test
    void aComponentModifierOnAPhysicianServiceIsRefusedByThePcTcRule() {
      // PC/TC 0: modifiers 26 and TC cannot be used.
      PricedClaim claim = price("99213-26", "99213-TC");
      assertRefused(claim.line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.PC_TC);
      assertRefused(claim.line(1), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.PC_TC);
      assertEquals(new BigDecimal("0.00"), claim.total());
    }

    @Test
    void modifier53UsesItsOwnRowOrIsContractorPriced() {
      // 45378-53 has a row: 5 RVUs = 125.00; 27447-53 has none: priced by the contractor.
      assertAmounts(price("45378-53"), "125.00", "125.00");
      assertRefused(
          price("27447-53").line(0), UnpricedReason.CARRIER_PRICED, ClaimRule.DISCONTINUED);
    }

    @Test
    void modifier53WithAComponentIsContractorPricedFromTheComponentsRow() {
      // 70450 has 26 and TC rows and no 53 row: RVU25D prices any other code billed with 53 by
      // individual consideration, so the contractor prices the discontinued component.
      for (String line : new String[] {"70450-26-53", "70450-53-26", "70450-TC-53", "70450-53"}) {
        PricedLine priced = price(line).line(0);
        assertRefused(priced, UnpricedReason.CARRIER_PRICED, ClaimRule.DISCONTINUED);
        assertEquals(
            SCHEDULE.price(ClaimLine.parse(line), CONTEXT).reason(), priced.reason(), line);
      }
      assertEquals(
          "70450-53 has no row of its own: the contractor prices a discontinued procedure, here"
              + " from the 70450-26 row",
          price("70450-26-53").line(0).detail());
      assertTrue(
          price("70450-TC-53").line(0).detail().endsWith("from the 70450-TC row"),
          () -> price("70450-TC-53").toString());
      // A component the code does not have is refused as without 53.
      PricedLine office = price("99213-26-53").line(0);
      assertRefused(office, UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.PC_TC);
      assertEquals(price("99213-26").line(0).detail(), office.detail());
      // 26 with TC still conflict, and so does a component on a code with a 53 row of its own.
      assertRefused(
          price("70450-26-TC-53").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.PC_TC);
      PricedLine colonoscopy = price("45378-26-53").line(0);
      assertRefused(colonoscopy, UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.PC_TC);
      assertEquals("modifiers 26 and 53 select different rows of 45378", colonoscopy.detail());
    }

    @Test
    void statusesThatAreNotPaidKeepTheSchedulesReason() {
      PricedClaim claim = price("99080", "17999", "12345");
      assertRefused(claim.line(0), UnpricedReason.STATUS_NOT_PAYABLE, ClaimRule.FEE_SCHEDULE);
      assertRefused(claim.line(1), UnpricedReason.CARRIER_PRICED, ClaimRule.FEE_SCHEDULE);
      assertRefused(claim.line(2), UnpricedReason.NOT_IN_SCHEDULE, ClaimRule.FEE_SCHEDULE);
    }

    @Test
    void aNonParticipatingProviderIsPaid95PercentBeforeTheRanking() {
      // 27447: 1000 x 95% = 950.00 (rank 1); 27130: 900 x 95% x 50% = 427.50 (rank 2)
      assertAmounts(
          price(CONTEXT.withParticipating(false), "27447", "27130"), "1377.50", "950.00", "427.50");
    }

    @Test
    void aLineIsRoundedOnceAtTheEnd() {
      // 10060-62: 1.00 x 62.5% = 0.625, ranked second: x 50% = 0.3125 -> 0.31.
      // Rounding after each step would give 0.63, then 0.315 -> 0.32.
      PricedClaim claim = assertAmounts(price("22612-62", "10060-62"), "750.31", "750.00", "0.31");
      assertEquals(
          0, new BigDecimal("0.3125").compareTo(claim.line(1).exactAmount().orElseThrow()));
    }
  }

  @Nested
  class Bilateral {

    @Test
    void indicator1PaysOneAndAHalfTimesOneSide() {
      // BILAT SURG 1: 1000 x 150% = 1500.00, by 50, by LT and RT lines, or by 2 units.
      assertAmounts(price("27447-50"), "1500.00", "1500.00");
      assertAmounts(price("27447-LT", "27447-RT"), "1500.00", "750.00", "750.00");
      assertAmounts(price("27447 x2"), "1500.00", "1500.00");
      assertAmounts(price("27447-LT-RT"), "1500.00", "1500.00");
    }

    @Test
    void indicator0PaysOneSideForBoth() {
      // BILAT SURG 0: 100% of 1200 for both sides; 2 units are two procedures, not a pair:
      // 1200 + 1200 x 50% = 1800.
      assertAmounts(price("22612-50"), "1200.00", "1200.00");
      assertAmounts(price("22612-RT", "22612-LT"), "1200.00", "600.00", "600.00");
      assertAmounts(price("22612 x2"), "1800.00", "1800.00");
    }

    @Test
    void indicator2PaysOneSideBecauseTheRvusCoverBoth() {
      // BILAT SURG 2: 150 for both sides.
      assertAmounts(price("93880-50"), "150.00", "150.00");
      assertAmounts(price("93880 x2"), "150.00", "150.00");
    }

    @Test
    void indicator3PaysEachSide() {
      // BILAT SURG 3: 50 for each side.
      assertAmounts(price("73560-50"), "100.00", "100.00");
      assertAmounts(price("73560-LT", "73560-RT"), "100.00", "50.00", "50.00");
    }

    @Test
    void indicator9RefusesModifier50AndTakesSidesAsSeparateServices() {
      assertRefused(
          price("99213-50").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.BILATERAL);
      // Two visits of one day are one visit (SameDayVisitsTest): the bilateral rule alone here.
      assertAmounts(withoutSameDayVisits("99213-LT", "99213-RT"), "200.00", "100.00", "100.00");
    }

    @Test
    void anAddOnsUnitsAreRepetitionsNotSides() {
      // An add-on (global ZZZ) counts further levels or vessels in its units: 2 units are two of
      // them, not both sides of one. 64484 (BILAT SURG 1) x2 = 2 x 100, not 150% of 100;
      // 37186 (BILAT SURG 2) x2 = 2 x 150, not 150 for "both sides". Never reduced.
      assertAmounts(price("64483", "64484 x2"), "450.00", "250.00", "200.00");
      assertAmounts(price("64483", "37186 x2"), "550.00", "250.00", "300.00");
      // Sides stay sides: 50, or LT and RT, on an add-on is one bilateral procedure.
      assertAmounts(price("64483-50", "64484-50"), "525.00", "375.00", "150.00");
      assertAmounts(price("64483", "64484-LT", "64484-RT"), "400.00", "250.00", "75.00", "75.00");
    }

    @Test
    void anAddOnsUnitsOnBothSidesAreThatManyBilateralLevels() {
      // 64484 (BILAT SURG 1, 100 a level) x2 on each side is two levels done on both sides:
      // 2 x 150% x 100 = 300, however billed. It was 200% with LT x2 and RT x2 lines (never
      // paired), and refused with 50 or LT-RT on a line of 2 units. 64483-50: 150% x 250 = 375.
      assertAmounts(price("64483-50", "64484-50 x2"), "675.00", "375.00", "300.00");
      assertAmounts(price("64483-50", "64484-LT-RT x2"), "675.00", "375.00", "300.00");
      PricedClaim sides =
          assertAmounts(
              price("64483-50", "64484-RT x2", "64484-LT x2"),
              "675.00",
              "375.00",
              "150.00",
              "150.00");
      assertTrue(
          sides
              .line(1)
              .explanation()
              .toString()
              .contains("are 2 bilateral procedures, one for each level"),
          sides::toString);
      // As four lines of 1 unit, two LT and RT pairs, always were (told apart by their charges:
      // lines alike in every field are exact duplicates).
      assertAmounts(
          price("64483-50", "64484-RT $200", "64484-LT $200", "64484-RT $210", "64484-LT $210"),
          "675.00",
          "375.00",
          "75.00",
          "75.00",
          "75.00",
          "75.00");
      // 37186 (BILAT SURG 2, 150 a vessel): each vessel's both sides are 100% of one side.
      assertAmounts(price("64483", "37186-50 x2"), "550.00", "250.00", "300.00");
      assertAmounts(
          price("64483", "37186-RT x2", "37186-LT x2"), "550.00", "250.00", "150.00", "150.00");
      // The pair is paid the lower of its total charge: 60 + 70 = 130 < 300.
      assertAmounts(
          price("64483-50", "64484-RT x2 $60", "64484-LT x2 $70"),
          "505.00",
          "375.00",
          "60.00",
          "70.00");
    }

    @Test
    void anAddOnsSidesOfDifferentUnitsPairAsManyLevelsAsBothSidesHave() {
      // 64484 (BILAT SURG 1, 100 a level): RT x3 and LT x2 are 2 levels on both sides, 2 x 150%
      // x 100 = 300, and 1 on the right only, 100: 400 (it was 300 + 200 = 500, no pair). Each
      // line takes half of the bilateral levels, the RT line its single level too: 250 + 150.
      PricedClaim uneven =
          assertAmounts(
              price("64483-50", "64484-RT x3", "64484-LT x2"),
              "775.00",
              "375.00",
              "250.00",
              "150.00");
      assertTrue(
          uneven.line(1).explanation().toString().contains("1 level done on this side only"),
          uneven::toString);
      // RT x2 and LT x1: 150 + 100 = 250 (it was 200 + 100 = 300); whichever line is first.
      assertAmounts(price("64484-RT x2", "64484-LT"), "250.00", "175.00", "75.00");
      assertAmounts(price("64484-LT", "64484-RT x2"), "250.00", "75.00", "175.00");
      // Lines of as many units pair first: RT x2 with LT x2, the RT x1 left a side of its own.
      assertAmounts(
          price("64484-RT x2", "64484-LT x2", "64484-RT"), "400.00", "150.00", "150.00", "100.00");
    }

    @Test
    void twoUnitsOfAnotherSiteOrSessionAreTwoProceduresAsTwoLinesAre() {
      // 59, XE, XS, XP, XU say the second unit is another service, as they do of a second line:
      // 20610 x2 beside 27447 is two procedures ranked second and third, 50 + 50 = 100, not the
      // bilateral pair's 150% x 100 ranked second, 75.
      for (String other : List.of("59", "XE", "XS", "XP", "XU")) {
        PricedClaim units = price("27447", "20610-" + other + " x2");
        assertAmounts(units, "1100.00", "1000.00", "100.00");
        assertEquals(price("27447", "20610", "20610-" + other).total(), units.total(), other);
        assertFalse(units.line(1).explanation().toString().contains("both sides"), units::toString);
      }
      // BILAT SURG 2 (100% of one side for both): 93880-59 x2 is two tests, the second's TC
      // reduced by the cardiovascular 25% (MULT PROC 6): 150 + 150 - 25 = 275, not 150.
      assertAmounts(price("93880-59 x2"), "275.00", "275.00");
      assertEquals(price("93880", "93880-59").total(), price("93880-59 x2").total());
      // Without such a modifier 2 units stay both sides.
      assertAmounts(price("27447", "20610 x2"), "1075.00", "1000.00", "75.00");
    }

    @Test
    void contradictorySidesAreRefused() {
      assertRefused(
          price("27447-50-LT").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.BILATERAL);
      assertRefused(
          price("27447-50 x2").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.BILATERAL);
    }

    @Test
    void aSideBilledBesideModifier50OfTheSameCodeIsRefusedNamingBothLines() {
      // 50 reports both sides (RVU25D, BILAT SURG); another line of the code with RT bills the
      // right side a second time. It was paid 1500.00 + 27447-RT ranked second at 500.00: three
      // knees. The sided line is refused, whichever line is billed first.
      PricedClaim claim = assertAmounts(price("27447-50", "27447-RT"), "1500.00", "1500.00", null);
      PricedLine right = claim.line(1);
      assertRefused(right, UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.BILATERAL);
      assertEquals(
          "27447-RT on line 2 bills the right side again: 27447-50 on line 1 already reports both"
              + " sides of 27447, and a side is paid once (bill another site or session with 59,"
              + " XS or another such modifier)",
          right.detail());
      assertAmounts(price("27447-LT", "27447-50"), "1500.00", null, "1500.00");
      assertRefused(
          price("27447-LT", "27447-50").line(0),
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.BILATERAL);
      // 50 beside an LT and RT pair: both sided lines, not a second bilateral procedure.
      assertAmounts(price("27447-50", "27447-RT", "27447-LT"), "1500.00", "1500.00", null, null);
      PricedLine both = price("27447-50", "27447-LT-RT").line(1);
      assertRefused(both, UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.BILATERAL);
      assertTrue(
          both.detail().startsWith("27447-LT-RT on line 2 bills both sides again"), both::toString);
      // Another site or session (59, XS...) is another service, ranked as such: 150 + 50% x 100.
      assertAmounts(price("20610-50", "20610-RT-XS"), "200.00", "150.00", "50.00");
      assertAmounts(price("20610-50", "20610-RT-59"), "200.00", "150.00", "50.00");
      // Whichever line says it: the 50 line's XS or 59 parts the two as the sided line's does.
      assertAmounts(price("20610-50-XS", "20610-RT"), "200.00", "150.00", "50.00");
      assertAmounts(price("20610-50-59", "20610-RT"), "200.00", "150.00", "50.00");
      // An add-on's lines count what its code adds: another level on the right.
      PricedClaim levels = price("64483", "64484-50", "64484-RT");
      assertTrue(levels.lines().stream().allMatch(PricedLine::isPriced), levels::toString);
      // Another part of the service: an assistant's line for the right side is not the
      // surgeon's side billed again.
      assertTrue(price("27447-50", "27447-80-RT").line(1).isPriced());
    }

    @Test
    void bilateralComesBeforeTheMultipleProcedureRanking() {
      // 27447-50 = 1500 ranks above 27130 = 900: 1500 + 450.
      assertAmounts(price("27130", "27447-50"), "1950.00", "450.00", "1500.00");
      // 27130-50 = 1350 ranks above 27447 = 1000: 1350 + 500.
      assertAmounts(price("27447", "27130-50"), "1850.00", "500.00", "1350.00");
    }

    @Test
    void aPairIsPaidTheLowerOfItsTotalChargeWithoutASideAboveItsOwnCharge() {
      // 1500 for both; charges 200 + 2000 = 2200 are not lower. The left side's 200 is below
      // its half: it gets 200, the right side the rest, 1300, under its 2000.
      assertAmounts(price("27447-LT $200", "27447-RT $2000"), "1500.00", "200.00", "1300.00");
      // Charges 300 + 400 = 700 are lower than 1500: each side its charge.
      assertAmounts(price("27447-RT $400", "27447-LT $300"), "700.00", "400.00", "300.00");
    }

    @Test
    void eachSideOfIndicator3IsComparedWithItsOwnCharge() {
      assertAmounts(price("73560-LT $20", "73560-RT $90"), "70.00", "20.00", "50.00");
    }

    @Test
    void twoPlainLinesOfACodeAreItsTwoSidesAsAnLtRtPairIs() {
      // CMS: the bilateral rule applies when the code "is reported twice on the same day by any
      // other means" than 50 (RVU25D record layout, BILAT SURG 1 to 3). BILAT SURG 1: 150% of
      // 1000, half on each line, not 1000 + 500. The charges tell the lines apart: two lines
      // alike in every field are an exact duplicate, the second denied (duplicate-lines, below).
      PricedClaim knees =
          assertAmounts(price("27447 $3000", "27447 $3100"), "1500.00", "750.00", "750.00");
      assertTrue(
          knees
              .line(0)
              .explanation()
              .toString()
              .contains(
                  "27447 on line 1 and line 2, twice on the same day without 50, LT or RT, is"
                      + " taken as both sides: one bilateral procedure, BILAT SURG 1"),
          knees::toString);
      assertEquals(
          price("27447-LT", "27447-RT").total(),
          price("27447 $3000", "27447 $3100").total(),
          "as LT and RT");
      // Ranked as one procedure, before the multiple-procedure rule: 1500 + 27130's 50% of 900.
      assertAmounts(
          price("27130", "27447 $3000", "27447 $3100"), "1950.00", "450.00", "750.00", "750.00");
      // 20610 pair (150) ranks second beside 27447: 50% of 150 = 75, 37.50 a line, not 50 + 50.
      assertAmounts(
          price("20610 $300", "20610 $310", "27447"), "1075.00", "37.50", "37.50", "1000.00");
      // Alike in every field, the second line is an exact duplicate: denied, one knee paid.
      PricedClaim duplicate = assertAmounts(price("27447", "27447"), "1000.00", "1000.00", null);
      assertEquals(Optional.of("duplicate-lines"), duplicate.line(1).refusedBy());
    }

    @Test
    void twoPlainLinesOfIndicator0StayTwoRankedProcedures() {
      // BILAT SURG 0: 2 units are two procedures, and so are two lines: 1200 + 600.
      assertAmounts(price("22612 $2000", "22612 $2100"), "1800.00", "1200.00", "600.00");
    }

    @Test
    void twoPlainLinesOfIndicators2And3AreBothSides() {
      // BILAT SURG 2: 150 for both sides; BILAT SURG 3: 50 for each side, as for LT and RT.
      assertAmounts(price("93880 $200", "93880 $210"), "150.00", "75.00", "75.00");
      assertAmounts(price("73560 $200", "73560 $210"), "100.00", "50.00", "50.00");
      // Indicator 9 and an add-on's lines stay separate services, as their 2 units do.
      // (Two visits of one day are one visit, SameDayVisitsTest: the bilateral rule alone here.)
      assertAmounts(withoutSameDayVisits("99213 $200", "99213 $210"), "200.00", "100.00", "100.00");
      assertAmounts(
          price("64483", "64484 $200", "64484 $210"), "450.00", "250.00", "100.00", "100.00");
    }

    @Test
    void aThirdPlainLineIsAnotherProcedure() {
      // The first two lines (by code, modifiers, units...) are both sides, 1500; the third is a
      // procedure of its own, ranked second: 50% of 1000.
      assertAmounts(
          price("27447 $3000", "27447 $3100", "27447 $3200"),
          "2000.00",
          "750.00",
          "750.00",
          "500.00");
      // A plain line does not pair with a sided one: LT and RT pair, the plain line is ranked.
      assertAmounts(
          price("27447-LT", "27447", "27447-RT"), "2000.00", "750.00", "500.00", "750.00");
    }

    @Test
    void aPlainPairKeepsTheLtRtPairsModifierRules() {
      // 22 on one line does not part the sides (as for LT and RT); an assistant's line (another
      // factor) is not the other side of the surgeon's.
      assertEquals(
          price("27447-LT-22", "27447-RT").line(1).amount(),
          price("27447-22", "27447").line(1).amount());
      PricedClaim assisted = price("27447", "27447-80");
      assertFalse(
          assisted.line(0).explanation().toString().contains("both sides"), assisted::toString);
      assertEquals(new BigDecimal("1000.00"), assisted.line(0).amountOrThrow(), assisted::toString);
      // Different rows (26 and TC) are not one procedure's sides.
      assertEquals(
          price("73560-26", "73560-TC").total(),
          price("73560-26").total().add(price("73560-TC").total()));
    }

    @Test
    void aLineOfAnotherSiteOrSessionIsNotTheOtherSide() {
      // 59, an X modifier, a repeat (76) or a named digit says the second line is another
      // service, not the other side: two procedures ranked 1000 + 500, not 750 + 750.
      for (String other : List.of("59", "XS", "76", "F1")) {
        PricedClaim two = price("27447", "27447-" + other);
        assertAmounts(two, "1500.00", "1000.00", "500.00");
        assertFalse(two.line(0).explanation().toString().contains("both sides"), two::toString);
      }
    }

    @Test
    void aPlainPairIsPaidTheLowerOfItsTotalChargeAsAnLtRtPairIs() {
      assertAmounts(price("27447 $200", "27447 $2000"), "1500.00", "200.00", "1300.00");
      assertAmounts(price("27447 $400", "27447 $300"), "700.00", "400.00", "300.00");
      assertAmounts(price("73560 $20", "73560 $90"), "70.00", "20.00", "50.00");
    }
  }

  @Nested
  class MultipleProcedures {

    @Test
    void indicator2Pays100ThenHalf() {
      // Ranked by amount: 27447 1000 (100%), 27130 900 (50% = 450), 20610 100 (50% = 50).
      PricedClaim claim =
          assertAmounts(price("20610", "27447", "27130"), "1500.00", "50.00", "1000.00", "450.00");
      assertTrue(claim.line(2).explanation().has("multiple-procedure"));
    }

    @Test
    void everyUnitIsAProcedure() {
      // 20610 x3 (3 units are not bilateral): 100 + 50 + 50.
      assertAmounts(price("20610 x3"), "200.00", "200.00");
    }

    @Test
    void indicator1Pays100Then50Then25() {
      // 12001 200 (100%), 12002 150 (50% = 75), 12004 100 (25% = 25); 20610 ties with 12004
      // at 100 and ranks after it by code: rank 4 of indicator 2, 50% = 50.
      assertAmounts(
          price("20610", "12004", "12002", "12001"), "350.00", "50.00", "25.00", "75.00", "200.00");
    }

    @Test
    void aLineStraddlingRankFiveKeepsItsPercentagesAndIsFlagged() {
      PricedClaim claim = price("20610 x6");
      // 100 + 5 x 50 = 350; the sixth unit is paid by report: flagged, the line still priced.
      assertAmounts(claim, "350.00", "350.00");
      assertTrue(hasWarning(claim.line(0), ClaimWarning.Kind.PRICED_BY_REPORT));
    }

    /**
     * The warning said only {@code ranked ranks 2-7 of 7: ...}: read from {@link
     * PricedClaim#warnings()}, where no line is attached, it did not say which line straddles rank
     * five, as every other kind names its code. It names the procedure as its explanation does.
     */
    @Test
    void theStraddlingLinesWarningNamesTheLine() {
      PricedClaim claim = price("12001", "20610 x6");
      List<String> messages =
          claim.warnings().stream()
              .filter(w -> w.kind() == ClaimWarning.Kind.PRICED_BY_REPORT)
              .map(ClaimWarning::message)
              .toList();
      assertEquals(1, messages.size(), claim::toString);
      assertTrue(
          messages.get(0).startsWith("20610 (line 2), ranks 2-7 of 7: CMS pays the sixth"),
          messages::toString);
    }

    @Test
    void theSixthProcedureIsPricedByReport() {
      // 12001 200 (100%), 12002 150 (50% = 75), 12004 x3 ranks 3-5 (3 x 25% of 100 = 75);
      // 20610 100 ties with 12004 and ranks after it by code: rank 6, by report like 66.
      PricedClaim claim = price("12001", "12002", "12004 x3", "20610");
      assertAmounts(claim, "350.00", "200.00", "75.00", "75.00", null);
      assertRefused(claim.line(3), UnpricedReason.PRICED_BY_REPORT, ClaimRule.MULTIPLE_PROCEDURE);
      assertTrue(claim.line(3).detail().contains("rank 6 of 6"), claim.line(3).detail());
    }

    @Test
    void modifier51IsInformational() {
      assertAmounts(price("27447", "27130-51"), "1450.00", "1000.00", "450.00");
    }

    @Test
    void addOnsAreNeverRankedNorReduced() {
      // 22614 is an add-on with MULT PROC 2: paid 300 in full beside 22612 1200.
      PricedClaim claim = assertAmounts(price("22614", "22612"), "1500.00", "300.00", "1200.00");
      assertTrue(claim.line(0).explanation().has("add-on"));
      assertFalse(hasWarning(claim.line(0), ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY));
      assertAmounts(price("64483", "64484"), "350.00", "250.00", "100.00");
    }

    @Test
    void anAddOnWithoutAPrimaryIsPricedAndFlagged() {
      PricedClaim claim = assertAmounts(price("64484"), "100.00", "100.00");
      assertTrue(hasWarning(claim.line(0), ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY));
      // A primary that is not paid does not count.
      claim = price("64484", "99080");
      assertTrue(hasWarning(claim.line(0), ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY));
    }
  }

  @Nested
  class EndoscopyFamilies {

    @Test
    void theHighestIsPaidInFullAndEachOtherLessTheBase() {
      // Base 45378 = 250. 45385 350 in full; 45380 300 - 250 = 50.
      assertAmounts(price("45380", "45385"), "400.00", "50.00", "350.00");
    }

    @Test
    void theBaseIsNotPaidWithAMemberOfItsFamily() {
      assertAmounts(price("45378", "45380"), "300.00", "0.00", "300.00");
      assertAmounts(price("45378"), "250.00", "250.00");
    }

    @Test
    void aDiscontinuedMemberWithoutA53RowStaysInItsFamily() {
      // 45385 has no 53 row: the contractor prices 45385-53, yet it is a member of the family of
      // 45378 by its fee, 350. The base beside it is not paid (was 50% of 250, 125.00), and
      // 45380 is paid 300 - 250 = 50, as beside 45385-52 (was 50% of 300, 150.00).
      PricedClaim base = price("45378", "45385-53");
      assertEquals(
          Optional.of(UnpricedReason.CARRIER_PRICED), base.line(1).reason(), base::toString);
      assertEquals(new BigDecimal("0.00"), base.line(0).amountOrThrow(), base::toString);
      PricedClaim member = price("45385-53", "45380");
      assertEquals(new BigDecimal("50.00"), member.line(1).amountOrThrow(), member::toString);
      assertEquals(
          price("45385-52", "45380").line(1).amountOrThrow(), member.line(1).amountOrThrow());
      // A member of a higher fee than the discontinued one's is paid in full.
      PricedClaim higher = price("45380-53", "45385");
      assertEquals(new BigDecimal("350.00"), higher.line(1).amountOrThrow(), higher::toString);
    }

    @Test
    void aFamilyRanksAsOneProcedure() {
      // Family of 29870 (400): 29880 600 + 29877 (500 - 400 = 100) = 700, rank 1;
      // 20610 100, rank 2: 50.
      assertAmounts(price("29877", "20610", "29880"), "750.00", "100.00", "50.00", "600.00");
      // 27447 1000 ranks above the family 600 + (550 - 400) = 750: the family gets 50%.
      assertAmounts(price("29881", "29880", "27447"), "1375.00", "75.00", "300.00", "1000.00");
    }

    /**
     * A family of assistant's lines ranks by its total before the 16% (RVU25D: rank "by fee
     * schedule amount"), and its explanation says so: the family paid 96 + 24 = 120 ranks above
     * 64483's 250 by its 600 + (550 - 400) = 750. The words gave only the 120, as if it had
     * outranked 250.
     */
    @Test
    void aFamilyOfSharedLinesNamesTheTotalItRanksBy() {
      PricedClaim claim = price("29880-80", "29881-80", "64483");
      assertAmounts(claim, "245.00", "96.00", "24.00", "125.00");
      String words = claim.line(0).explanation().toString();
      assertTrue(
          words.contains(
              "ranks as one procedure of its total 120.00 (ranked by 750.00, before the lines'"
                  + " payment shares), rank 1 of 2"),
          words);
      // Without shares the total paid is the total ranked, and nothing more is said.
      String plain = price("29880", "29881", "64483").line(0).explanation().toString();
      assertTrue(plain.contains("of its total 750.00, rank 1 of 2"), plain);
    }

    @Test
    void twoFamiliesAreEachPricedThenRankedAgainstEachOther() {
      // Knee 600 + 100 = 700 (rank 1); colon 350 + 50 = 400 (rank 2, 50%): 175 and 25.
      assertAmounts(
          price("45380", "29880", "45385", "29877"),
          "900.00",
          "25.00",
          "600.00",
          "175.00",
          "100.00");
    }

    @Test
    void explanationsNameLinesByTheClaimsNumbers() {
      Claim claim = Claim.builder().add("29880").add("29877").build();
      String plain = PRICER.price(claim, CONTEXT).line(1).explanation().toString();
      assertTrue(plain.contains("29880 (line 1)"), plain);
      // The same lines as rows 2 and 3 of a larger claim, its row 1 left out.
      String numbered =
          PRICER.price(claim.withLineNumbers(2, 3), CONTEXT).line(1).explanation().toString();
      assertTrue(numbered.contains("29880 (line 2)"), numbered);
    }

    /** A priced line's number and toString are the claim's, as its explanation's. */
    @Test
    void aPricedLineIsNamedByTheClaimsNumbers() {
      Claim claim = Claim.builder().add("29880").add("29877").build().withLineNumbers(2, 3);
      PricedLine second = PRICER.price(claim, CONTEXT).line(1);
      assertEquals(1, second.index());
      assertEquals(3, second.lineNumber());
      assertTrue(second.toString().startsWith("line 3 29877"), second::toString);
      assertEquals(
          2,
          PRICER
              .price(Claim.builder().add("29880").add("29877").build(), CONTEXT)
              .line(1)
              .lineNumber());
    }

    @Test
    void aSecondUnitIsAnotherMember() {
      // 45380 x2: 300 + (300 - 250) = 350.
      assertAmounts(price("45380 x2"), "350.00", "350.00");
    }

    @Test
    void aMemberWhoseBaseIsNotInTheScheduleCannotBeReduced() {
      assertAmounts(price("43239"), "200.00", "200.00");
      assertRefused(
          price("43239 x2").line(0), UnpricedReason.NOT_IN_SCHEDULE, ClaimRule.ENDOSCOPY_FAMILY);
    }

    @Test
    void anAddedMemberCanRaiseItsFamilysRankAsCmsRanksFamiliesByTotal() {
      // Alone beside 27130 (900), 29880 (600) ranks second: 300.
      assertAmounts(price("27130", "29880"), "1200.00", "900.00", "300.00");
      // With 29881 twice (2 x (550 - 400)) and 29877 (500 - 400) the family totals 1000 and
      // ranks first: 29880 is paid 600. The second 29881 line's 59 says another service, not the
      // other side, whether the lines name a side or not.
      for (List<String> lines :
          List.of(
              List.of("27130", "29880", "29881-LT", "29881-LT-59", "29877"),
              List.of("27130", "29880", "29881", "29881-59", "29877"))) {
        assertAmounts(
            price(lines.toArray(String[]::new)),
            "1450.00",
            "450.00",
            "600.00",
            "150.00",
            "150.00",
            "100.00");
      }
    }
  }

  @Nested
  class ComponentReductions {

    @Test
    void imagingPaysTheLaterTechnicalComponentsHalfAndProfessionalOnes95Percent() {
      // TC ranking: 71260 250, 70486 200 (-100), 70450 125 (-62.50).
      // PC ranking: 71260 150, 70486 100 (-5), 70450 75 (-3.75).
      // 70450: 200 - 62.50 - 3.75 = 133.75; 70486: 300 - 100 - 5 = 195; 71260: 400.
      assertAmounts(price("70450", "70486", "71260"), "728.75", "133.75", "195.00", "400.00");
    }

    @Test
    void imagingComponentRowsAreRankedByTheirOwnComponent() {
      // Two readings: 150 in full, 75 x 95% = 71.25.
      assertAmounts(price("70450-26", "71260-26"), "221.25", "71.25", "150.00");
      // Two technical components: 200 in full, 125 x 50% = 62.50.
      assertAmounts(price("70450-TC", "70486-TC"), "262.50", "62.50", "200.00");
    }

    @Test
    void cardiovascularTestsLoseAQuarterOfTheLaterTechnicalComponents() {
      // TC 150 (93306) in full; 93880: 150 - 25% x 100 = 125; 93005 (TC only): 50 - 12.50.
      assertAmounts(price("93880", "93306", "93005"), "412.50", "125.00", "250.00", "37.50");
    }

    @Test
    void aGlobalOnlyTestsTechnicalPartIsItsTechnicalOnlyCodes() {
      // 93000 (75) is 93005's tracing (50) and its reading (25): TC 50 ranks after 93306's 150
      // and loses 25%: 75 - 12.50 = 62.50.
      PricedClaim claim = assertAmounts(price("93000", "93306"), "312.50", "62.50", "250.00");
      assertFalse(hasWarning(claim.line(0), ClaimWarning.Kind.COMPONENT_NOT_IDENTIFIED));
      // Without 93005 in the schedule the part is not known: unreduced, and flagged.
      List<RvuEntry> rows = new ArrayList<>(ClaimTables.rows());
      rows.removeIf(r -> r.code().toString().equals("93005"));
      MedicareClaimPricer without =
          MedicareClaimPricer.of(ClaimTables.scheduleBuilder().rvus(RvuTable.of(rows)).build());
      PricedClaim flagged =
          without.price(Claim.builder().add("93000").add("93306").build(), CONTEXT);
      assertAmounts(flagged, "325.00", "75.00", "250.00");
      assertTrue(hasWarning(flagged.line(0), ClaimWarning.Kind.COMPONENT_NOT_IDENTIFIED));
    }

    @Test
    void ophthalmologyTestsLoseAFifthOfTheLaterTechnicalComponents() {
      // 92250 TC 60 in full; 92134: 50 - 20% x 30 = 44.
      assertAmounts(price("92134", "92250"), "144.00", "44.00", "100.00");
    }

    /**
     * MULT PROC 4 reduces a procedure "reported in the same session on the same day" (RVU25D): a
     * line with XE (a separate encounter) or 59 is a session of its own, ranked alone.
     */
    @Test
    void aLineOfASeparateSessionIsRankedAlone() {
      // 70450 after 70486 would lose 62.50 + 3.75 (133.75); with 59 or XE it is paid in full.
      assertAmounts(price("70486", "70450"), "433.75", "300.00", "133.75");
      for (String separate : new String[] {"59", "XE"}) {
        PricedClaim claim =
            assertAmounts(price("70486", "70450-" + separate), "500.00", "300.00", "200.00");
        String explained = claim.line(1).explanation().toString();
        assertTrue(
            explained.contains(
                "TC 125.00 among imaging family 88: paid in full, as modifier "
                    + separate
                    + " puts it in a separate session"),
            explained);
        assertTrue(explained.contains("PC 75.00 among imaging family 88: paid in full"), explained);
        // Nor does it reduce the others: 70486-59 first by amount, 70450 still paid in full.
        assertAmounts(price("70486-" + separate, "70450"), "500.00", "300.00", "200.00");
      }
      // XS (another structure) and XU (an unusual service) are not another session.
      assertAmounts(price("70486", "70450-XS"), "433.75", "300.00", "133.75");
      assertAmounts(price("70486", "70450-XU"), "433.75", "300.00", "133.75");
      // Two lines of separate sessions, each alone; and the rest ranked among themselves.
      assertAmounts(
          price("71260", "70486-59", "70450-XE", "70450"),
          "1033.75",
          "400.00",
          "300.00",
          "200.00",
          "133.75");
      // The readings alone, as the technical components.
      assertAmounts(price("70450-26", "71260-26-59"), "225.00", "75.00", "150.00");
    }

    @Test
    void theUnitsOfASeparateSessionAreRankedWithinIt() {
      // 70450-59 x2 alone in its session: its second unit loses 62.50 + 3.75; 70486 is not reduced.
      PricedClaim claim =
          assertAmounts(price("70486", "70450-59 x2"), "633.75", "300.00", "333.75");
      String explained = claim.line(1).explanation().toString();
      assertTrue(
          explained.contains("ranks 1-2 of 2 among imaging family 88 in a separate session"),
          explained);
    }

    @Test
    void cardiovascularAndOphthalmologyTestsAreReducedByDayWhateverTheModifier() {
      // MULT PROC 6 and 7 name no session: 93880 after 93306 loses 25% of its TC 100 (125.00),
      // 92134 after 92250 20% of its TC 30 (44.00), with XE or 59 as without.
      for (String separate : new String[] {"", "-59", "-XE"}) {
        assertAmounts(price("93306", "93880" + separate), "375.00", "250.00", "125.00");
        assertAmounts(price("93306" + separate, "93880"), "375.00", "250.00", "125.00");
        assertAmounts(price("92250", "92134" + separate), "144.00", "100.00", "44.00");
      }
      String explained = price("93306", "93880-59").line(1).explanation().toString();
      assertFalse(explained.contains("separate session"), explained);
    }

    @Test
    void therapyIsReducedByDayWhateverTheModifier() {
      // 97110 after 97140 loses 50% of its PE 10, with 59 or without.
      assertAmounts(price("97140", "97110-59"), "45.00", "25.00", "20.00");
      assertAmounts(price("97140", "97110-XE"), "45.00", "25.00", "20.00");
    }

    @Test
    void therapyPaysHalfThePracticeExpenseAfterTheHighest() {
      // PE: 97530 20 (in full), 97140 15 (25 - 7.50), 97110 10 x 2 units (2 x (25 - 5)).
      assertAmounts(price("97110 x2", "97140", "97530"), "92.50", "40.00", "17.50", "35.00");
    }
  }

  @Nested
  class Surgeons {

    @Test
    void coSurgeonsArePaid62AndAHalfPercent() {
      // CO-SURG 2: 1200 x 62.5% = 750.
      PricedClaim permitted = assertAmounts(price("22612-62"), "750.00", "750.00");
      assertTrue(permitted.line(0).warnings().isEmpty());
      // CO-SURG 1: the same, with documentation: 1000 x 62.5% = 625.
      PricedClaim documented = assertAmounts(price("27447-62"), "625.00", "625.00");
      assertTrue(hasWarning(documented.line(0), ClaimWarning.Kind.DOCUMENTATION_REQUIRED));
      // With 50: 1000 x 62.5% x 150% = 937.50.
      assertAmounts(price("27447-62-50"), "937.50", "937.50");
    }

    @Test
    void coSurgeonsWhereNotPermittedAreRefused() {
      assertRefused(
          price("20610-62").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.CO_SURGERY);
      assertRefused(
          price("99213-62").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.CO_SURGERY);
    }

    @Test
    void teamSurgeryIsPricedByReport() {
      assertRefused(
          price("22612-66").line(0), UnpricedReason.PRICED_BY_REPORT, ClaimRule.TEAM_SURGERY);
      PricedLine documented = price("27130-66").line(0);
      assertRefused(documented, UnpricedReason.PRICED_BY_REPORT, ClaimRule.TEAM_SURGERY);
      assertTrue(hasWarning(documented, ClaimWarning.Kind.DOCUMENTATION_REQUIRED));
      assertRefused(
          price("27447-66").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.TEAM_SURGERY);
    }

    @Test
    void aTeamSurgeonsLineTakesItsPlaceInTheRankingByItsFee() {
      // 22612-66 is by report but ranks first by its fee, 1200: 27447 is second, 1000 x 50% =
      // 500 (it was paid 1000 as if ranked first), 20610 third, 100 x 50% = 50.
      PricedClaim claim = price("22612-66", "27447", "20610");
      assertAmounts(claim, "550.00", null, "500.00", "50.00");
      assertRefused(claim.line(0), UnpricedReason.PRICED_BY_REPORT, ClaimRule.TEAM_SURGERY);
      String explained = claim.line(0).explanation().toString();
      assertTrue(explained.contains("rank 1 of 3 by its fee schedule amount 1200"), explained);
      assertTrue(claim.line(1).explanation().toString().contains("rank 2 of 3"), claim::toString);
      // Ranked below another procedure, the line changes nothing: 22612 first, 1200 in full.
      assertAmounts(price("22612", "27130-66"), "1200.00", "1200.00", null);
      // Its place is that of its fee, whatever order the claim lists it in: 900 beats 100.
      assertAmounts(price("20610", "27130-66"), "50.00", "50.00", null);
      // Alone, or beside nothing the ranking pays, it is by report as before, with no rank.
      PricedLine alone = price("22612-66").line(0);
      assertFalse(alone.explanation().toString().contains("rank"), alone::toString);
    }

    @Test
    void aDiscontinuedProcedureWithoutItsOwnRowRanksByTheFeeOfItsRow() {
      // 27447-53 has no 53 row: the contractor prices it, but it ranks first by 27447's 1000, so
      // 29880 is second: 600 x 50% = 300 (it was paid 600).
      PricedClaim claim = price("27447-53", "29880");
      assertAmounts(claim, "300.00", null, "300.00");
      assertRefused(claim.line(0), UnpricedReason.CARRIER_PRICED, ClaimRule.DISCONTINUED);
      assertTrue(
          claim.line(0).explanation().toString().contains("by its fee schedule amount 1000"),
          claim::toString);
      // Another physician's postoperative care of the same code (55) is no procedure of the day:
      // 27447-53 still ranks first and 29880 is second. Once, the 55 line took 27447-53 out of
      // the ranking and 29880 rose to 600 (a random claim of the properties found it).
      PricedClaim withPostOp = price("27447-53", "29880", "27447-55");
      assertEquals(new BigDecimal("300.00"), withPostOp.line(1).amount().orElseThrow());
      // A code with its own 53 row is priced from it and ranked by it (125 below 600).
      assertAmounts(price("45378-53", "29880"), "662.50", "62.50", "600.00");
      // 20610-53 ranks by 100, below 29880: 29880 stays first and is paid in full.
      assertAmounts(price("20610-53", "29880"), "600.00", null, "600.00");
    }

    @Test
    void aByReportSideDoesNotReduceItsOwnCodesOtherSide() {
      // 27447-53-RT (no 53 row: by report) and 27447-LT are the two sides of one procedure, not
      // two procedures: the left knee is paid in full, 1000, as 27447-LT alone is. It was ranked
      // second of two behind its own other side and paid 500.
      PricedClaim sides = price("27447-53-RT", "27447-LT");
      assertAmounts(sides, "1000.00", null, "1000.00");
      assertRefused(sides.line(0), UnpricedReason.CARRIER_PRICED, ClaimRule.DISCONTINUED);
      assertTrue(
          sides.line(0).explanation().toString().contains("not ranked: another side or unit"),
          sides::toString);
      assertAmounts(price("27447-LT", "27447-53-RT"), "1000.00", "1000.00", null);
      // Without sides, in either order of the lines or of the modifiers.
      assertAmounts(price("27447-53", "27447"), "1000.00", null, "1000.00");
      assertAmounts(price("27447", "27447-53"), "1000.00", "1000.00", null);
      assertAmounts(price("27447", "27447-RT-53"), "1000.00", "1000.00", null);
      // A team surgeon's line of the code beside its priced line: 27130 stays in full.
      assertAmounts(price("27130-66", "27130"), "900.00", null, "900.00");
      // Another procedure of the day is still ranked below the by-report line's code: 29880 is
      // second to 27447-LT, 300, whichever side is by report.
      assertAmounts(
          price("27447-53-RT", "27447-LT", "29880"), "1300.00", null, "1000.00", "300.00");
      // Another site or session (59) is a procedure of its own, ranked by its 1000 (the tie with
      // 27447 goes to the line without modifiers).
      PricedClaim another = price("27447-53-59", "27447");
      assertTrue(
          another.line(0).explanation().toString().contains("rank 2 of 2"), another::toString);
    }

    @Test
    void aByReportLineNamesTheSameProcedureWhateverTheOrderOfTheLines() {
      // Two priced lines of 12001 (BILAT SURG 0: not two sides of one procedure) tie at 200: the
      // by-report line is part of the one that ranks first, the line without a charge by the
      // stable key, in either order. It named the first of them in claim order (a random claim of
      // the properties found it, 10005 beside 10005 1min and 10005-53).
      PricedClaim before = price("12001-53", "12001 $500", "12001");
      PricedClaim after = price("12001", "12001 $500", "12001-53");
      assertTrue(
          before.line(0).explanation().toString().contains("unit of 12001 on line 3,"),
          before::toString);
      assertTrue(
          after.line(2).explanation().toString().contains("unit of 12001 on line 1,"),
          after::toString);
      assertEquals(before.total(), after.total());
    }

    @Test
    void twoUnitsByReportWithAnotherSessionAreTwoProceduresInTheRanking() {
      // 27130-66-59 x2 (by report, 900 a unit): 59 says the second unit is another service, as
      // for a priced line, so it takes ranks 2 and 3, not one slot as both sides (1350, rank 1).
      // 27447 first in full; 29880 fourth, 300; 64483 fifth, 125; 20610 sixth, by report. It was
      // 27447 second (500), 29880 300, 64483 125 and 20610 fifth (50).
      PricedClaim units = price("27130-66-59 x2", "27447", "29880", "64483", "20610");
      assertAmounts(units, "1425.00", null, "1000.00", "300.00", "125.00", null);
      assertRefused(units.line(4), UnpricedReason.PRICED_BY_REPORT, ClaimRule.MULTIPLE_PROCEDURE);
      // As the two lines are.
      PricedClaim lines = price("27130-66", "27130-66-59", "27447", "29880", "64483", "20610");
      assertEquals(lines.total(), units.total(), lines::toString);
      // Without 59 the 2 units are both sides, one procedure of 1350, first.
      assertAmounts(
          price("27130-66 x2", "27447", "29880", "64483", "20610"),
          "975.00",
          null,
          "500.00",
          "300.00",
          "125.00",
          "50.00");
    }

    @Test
    void aCarrierPricedCodeHasNoFeeToRankBy() {
      // Status C: the file gives no fee schedule amount, so 27447 stays first.
      assertAmounts(price("17999", "27447"), "1000.00", null, "1000.00");
    }

    @Test
    void assistantsArePaid16PercentAndNonPhysicians13Point6() {
      // ASST SURG 2: 1000 x 16% = 160; AS: 1000 x 13.6% = 136.
      assertAmounts(price("27447-80"), "160.00", "160.00");
      assertAmounts(price("27447-82"), "160.00", "160.00");
      assertAmounts(price("27447-AS"), "136.00", "136.00");
      // ASST SURG 0: 600 x 16% = 96, with documentation.
      PricedClaim documented = assertAmounts(price("29880-80"), "96.00", "96.00");
      assertTrue(hasWarning(documented.line(0), ClaimWarning.Kind.DOCUMENTATION_REQUIRED));
      // An assistant's procedures are ranked too: 160 + 144 x 50% = 232.
      assertAmounts(price("27447-80", "27130-80"), "232.00", "160.00", "72.00");
    }

    @Test
    void assistantsWhereNeverPaidAreRefused() {
      assertRefused(
          price("20610-80").line(0),
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.ASSISTANT_AT_SURGERY);
      assertRefused(
          price("27447-62-80").line(0),
          UnpricedReason.MODIFIER_NOT_ALLOWED,
          ClaimRule.ASSISTANT_AT_SURGERY);
    }

    @Test
    void aReturnToTheOperatingRoomPaysTheIntraOperativeShare() {
      // Claims Processing Manual ch. 12 §40.4: 78 pays the intra-operative share, 0.69 x 1000.
      PricedClaim claim = assertAmounts(price("27447-78"), "690.00", "690.00");
      assertTrue(claim.line(0).explanation().toString().contains("modifier 78"), claim::toString);
      // With 51 beside another surgery: the share first, then the ranking on what is left.
      assertAmounts(price("27447-78", "20610-51"), "740.00", "690.00", "50.00");
      // A code without shares (global 000) is paid in full.
      assertAmounts(price("20610-78"), "100.00", "100.00");
      // With split care on the same line: refused.
      assertRefused(
          price("27447-78-54").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.SPLIT_CARE);
    }

    @Test
    void splitCarePaysItsShareOfTheGlobalPackage() {
      // 27447 shares: pre 10%, intra 69%, post 21% (RVU file PRE OP, INTRA OP, POST OP).
      // 54 (surgical care only): pre + intra = 0.10 + 0.69 = 0.79 x 1000.00 = 790.00.
      assertAmounts(price("27447-54"), "790.00", "790.00");
      // 55 alone, 1 unit = 1 post-operative day: 0.21 x 1/90 x 1000.00 = 2.333... = 2.33.
      assertAmounts(price("27447-55"), "2.33", "2.33");
      assertAmounts(price("27447-56"), "100.00", "100.00");
      // 54 and 55 on one line: pre + intra + post = 1.00 x 1000.00.
      assertAmounts(price("27447-54-55"), "1000.00", "1000.00");
      // 54 and 56: pre (56) + intra (54), the pre-operative share counted once.
      assertAmounts(price("27447-54-56"), "790.00", "790.00");
      assertRefused(
          price("99213-54").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.SPLIT_CARE);
      assertRefused(
          price("99213-55").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.SPLIT_CARE);
    }

    @Test
    void splitCareWithAnAssistantAtSurgeryIsRefused() {
      // 54, 55 and 56 split the surgeon's global package (ch. 12 §40.2.A); an assistant is paid
      // a flat share for the operation (§20.4.3). 27447-55-80 x90 was paid 16% of the whole
      // post-operative share, 0.16 x 0.21 x 1000.00 = 33.60; 27447-54-80 0.16 x 0.79 = 126.40.
      for (String line :
          List.of("27447-55-80 x90", "27447-54-80", "27447-56-81", "27447-54-82", "27447-55-AS")) {
        PricedLine refused = price(line).line(0);
        assertRefused(refused, UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.SPLIT_CARE);
        assertTrue(refused.detail().contains("assistant at surgery"), refused::toString);
        assertTrue(
            refused.warnings().stream()
                .anyMatch(w -> w.message().startsWith("SPLIT_CARE_WITH_ASSISTANT")),
            refused::toString);
      }
      // A co-surgeon bills the procedure as his own, and §40.8 says nothing against split care:
      // 62.5% of the share. 56: 0.10 x 0.625 x 1000.00 = 62.50; 54: 0.79 x 0.625 = 493.75.
      assertAmounts(price("27447-56-62"), "62.50", "62.50");
      assertAmounts(price("27447-54-62"), "493.75", "493.75");
    }

    @Test
    void modifier55UnitsAreTheDaysManagedOfOneProcedure() {
      // Contractors' modifier 55 instructions: 45 units = 45 days of the 90-day global period.
      // 0.21 x 45/90 x 1000.00 = 0.105 x 1000.00 = 105.00 (not 45 ranked procedures).
      PricedClaim claim = assertAmounts(price("27447-55 x45"), "105.00", "105.00");
      String explained = claim.line(0).toString();
      assertTrue(explained.contains("split-care"), explained);
      assertTrue(explained.contains("45/90"), explained);
      // 90 days is the whole post-operative share: 0.21 x 90/90 x 1000.00 = 210.00.
      assertAmounts(price("27447-55 x90"), "210.00", "210.00");
      // More days than the global period: refused, never more than the post-operative share.
      assertRefused(
          price("27447-55 x91").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.SPLIT_CARE);
    }

    @Test
    void modifier55sExactAmountIsReadableWhenItsDaysDoNotDivideEvenly() {
      // 0.21 x 7/90 x 1000.00 = 16.333... The factor is rounded up at 30 decimals, for the cents;
      // the exact amount shown is the product to 25 decimals, not its last digits of rounding
      // error (it was 16.333333333333333333333333334, and 19.56553666666666666666666666746526 for
      // 27447-55 x7 in 13282-99 facility, 2025).
      PricedClaim claim = assertAmounts(price("27447-55 x7"), "16.33", "16.33");
      String explained = claim.line(0).toString();
      assertTrue(explained.contains("= 16.3333333333333333333333333;"), explained);
    }

    @Test
    void modifier55WithModifier50CountsItsUnitsAsDaysNotAsProcedures() {
      // A 55 line's units are the days managed, so 50 on it with 45 units is one bilateral
      // procedure's postoperative care, not 45 procedures: BILAT SURG 1 pays 150% of the 55 share,
      // 0.21 x 45/90 x 1000.00 x 1.5 = 157.50. It was refused as "1 unit, not 45", so bilateral
      // postoperative care could only be billed as one day.
      assertAmounts(price("27447-55-50 x45"), "157.50", "157.50");
      assertAmounts(price("27447-55-LT-RT x45"), "157.50", "157.50");
      // The same care on two lines, LT and RT, of the same days: one bilateral procedure too, as
      // 27447-LT and 27447-RT are, not 105.00 on each line (200%).
      assertAmounts(price("27447-55-LT x45", "27447-55-RT x45"), "157.50", "78.75", "78.75");
      // Sides of different days are still the two sides of one bilateral procedure (RVU25D, BILAT
      // SURG 1: a code "reported twice on the same day ... with RT and LT modifiers"): the 30 days
      // both knees were managed are 150%, 1.5 x 0.21 x 30/90 x 1000.00 = 105.00, half on each
      // line, and the 15 days of the left knee alone one side's, 0.21 x 15/90 x 1000.00 = 35.00.
      // They were paid 100% each, 105.00 + 70.00 = 175.00: more than 45 days of both, 157.50.
      PricedClaim uneven = price("27447-55-LT x45", "27447-55-RT x30");
      assertAmounts(uneven, "140.00", "87.50", "52.50");
      String explained = uneven.line(0).toString();
      assertTrue(explained.contains("15 days managed on this side only"), explained);
      // In either order of the lines, and for either side the longer.
      assertAmounts(price("27447-55-RT x30", "27447-55-LT x45"), "140.00", "52.50", "87.50");
      assertAmounts(price("27447-55-LT x30", "27447-55-RT x45"), "140.00", "52.50", "87.50");
      // Fewer days never pay more: one day less on a side pays less than both of 45 days.
      assertAmounts(price("27447-55-LT x45", "27447-55-RT x44"), "156.33", "79.33", "77.00");
      // A procedure billed with 50 is still 1 unit.
      assertRefused(
          price("27447-50 x2").line(0), UnpricedReason.MODIFIER_NOT_ALLOWED, ClaimRule.BILATERAL);
    }

    @Test
    void modifier55DaysThatDoNotDivideEvenlyAreRoundedFromTheExactAmount() {
      // 27446 at 47.40 RVUs x 25 = 1185.00, post-operative share 0.21: one day of 90 is
      // 1185.00 x 0.21 x 1/90 = 2.765 exactly, half-up 2.77. The quotient 1/90 does not end, and
      // cut to 12 decimals it made 2.764999999605, paid 2.76. (In 13282-99 office, 2025, 15650-55
      // x 30 is 505.50 x 0.19 x 30/90 = 32.015, one of 1,336 such code, setting and days there.)
      List<RvuEntry> rows = new ArrayList<>(ClaimTables.rows());
      rows.add(ClaimTables.row("27446", "30.00", "14.40", "3.00").major().mult('2').build());
      MedicareClaimPricer pricer =
          MedicareClaimPricer.of(ClaimTables.scheduleBuilder().rvus(RvuTable.of(rows)).build());
      PricedClaim claim = pricer.price(Claim.builder().add("27446-55").build(), CONTEXT);
      assertAmounts(claim, "2.77", "2.77");
    }

    @Test
    void modifiers54And55OfOneCodeAreSharesOfOnePackageNotRanked() {
      // 27447-54: 0.79 x 1000.00 = 790.00 in full; 27447-55 x45: 105.00; no 50% for either.
      assertAmounts(price("27447-54", "27447-55 x45"), "895.00", "790.00", "105.00");
      // A 55 line is not ranked against another surgery either: 27130 900.00 stays in full.
      assertAmounts(price("27130", "27447-55 x45"), "1005.00", "900.00", "105.00");
      // A 54 line is a procedure, ranked by its fee schedule amount (1000.00), not its share:
      // 27447-54 first, 0.79 x 1000.00 = 790.00 in full; 27130 900.00 x 50% = 450.00.
      assertAmounts(price("27447-54", "27130"), "1240.00", "790.00", "450.00");
    }

    @Test
    void aSurgeonsShareIsPaidOfTheRankNotRankedItself() {
      // CMS ranks "by fee schedule amount" (RVU25D, MULT PROC 2): 27447 (1000.00) outranks 27130
      // (900.00) though the co-surgeon's 62.5% of it, 625.00, is less; the share is then paid of
      // the amount so ranked. Ranking by the share would pay 900.00 + 312.50.
      assertAmounts(price("27447-62", "27130"), "1075.00", "625.00", "450.00");
      // An assistant's 16% likewise: 160.00 in full, 27130 at 50%.
      assertAmounts(price("27447-80", "27130"), "610.00", "160.00", "450.00");
      // Both lines with 62, as a co-surgeon bills them: the order is the same either way.
      assertAmounts(price("27447-62", "27130-62"), "906.25", "625.00", "281.25");
    }

    @Test
    void increasedAndReducedServicesAreRankedThenLeftToTheContractor() {
      PricedClaim claim = price("27447-22", "27130");
      assertRefused(
          claim.line(0), UnpricedReason.CARRIER_PRICED, ClaimRule.INCREASED_OR_REDUCED_SERVICES);
      assertTrue(claim.line(0).detail().contains("1000.00"), claim.line(0).detail());
      // 27130 still ranks second: 450.
      assertAmounts(claim, "450.00", null, "450.00");
      assertRefused(
          price("27447-52").line(0),
          UnpricedReason.CARRIER_PRICED,
          ClaimRule.INCREASED_OR_REDUCED_SERVICES);
    }

    @Test
    void theAmountLeftToTheContractorIsShownInCents() {
      // The detail is read as an amount: half-up to cents, as the line would have been paid
      // (README, Rounding rules), never the exact product of a percentage. Non-participating, 95%
      // of the posted fee has four decimals; ranked second, half of it has five.
      PricingContext nonPar = ClaimTables.ODD_CONTEXT.withParticipating(false);
      PricedClaim alone = price(nonPar, "27447-22");
      BigDecimal posted = price(ClaimTables.ODD_CONTEXT, "27447").line(0).amount().orElseThrow();
      BigDecimal exact = posted.multiply(new BigDecimal("0.95"));
      assertTrue(exact.stripTrailingZeros().scale() > 2, exact.toPlainString());
      assertDetailShows(alone.line(0), exact.setScale(2, RoundingMode.HALF_UP));
      PricedClaim ranked = price(nonPar, "27447", "27130-22");
      BigDecimal second = price(ClaimTables.ODD_CONTEXT, "27130").line(0).amount().orElseThrow();
      assertDetailShows(
          ranked.line(1),
          second.multiply(new BigDecimal("0.475")).setScale(2, RoundingMode.HALF_UP));
    }

    private void assertDetailShows(PricedLine line, BigDecimal cents) {
      assertRefused(line, UnpricedReason.CARRIER_PRICED, ClaimRule.INCREASED_OR_REDUCED_SERVICES);
      assertTrue(
          line.detail().contains("from " + cents.toPlainString() + " after the rules above"),
          line.detail());
    }
  }

  /**
   * A group's claim of several practitioners: the same-day rules judge each rendering provider's
   * lines apart (ch. 12 §40.6, "by the same physician").
   */
  @Nested
  class RenderingProviders {

    static final String SURGEON = " by 1234567893";
    static final String ASSISTANT = " by 1000000004";

    PricedClaim priceBilled(String... lines) {
      List<BilledLine> billed = new ArrayList<>();
      for (String line : lines) {
        billed.add(BilledLine.parse(line));
      }
      return PRICER.price(Claim.of(billed), CONTEXT);
    }

    @Test
    void aSideBilledBesideAnotherProvidersModifier50IsNotRefused() {
      // The repeated side is one provider's day: another practitioner's RT line is his own.
      PricedClaim claim = priceBilled("27447-50" + SURGEON, "27447-RT" + ASSISTANT);
      assertAmounts(claim, "2500.00", "1500.00", "1000.00");
      // The same lines of one provider: the RT line is refused.
      assertAmounts(
          priceBilled("27447-50" + SURGEON, "27447-RT" + SURGEON), "1500.00", "1500.00", null);
    }

    @Test
    void anAssistantsLineIsNotTheSurgeonsSecondProcedure() {
      // Both lines one provider's: 27447 1000.00 first; 27447-80 ranked second, 16% x 50% = 80.00,
      // with a warning that the claim names no providers for what must be two physicians.
      PricedClaim unnamed =
          assertAmounts(priceBilled("27447", "27447-80"), "1080.00", "1000.00", "80.00");
      assertTrue(hasWarning(unnamed.line(1), ClaimWarning.Kind.SURGEON_AND_ASSISTANT_AS_ONE));
      assertTrue(
          unnamed.line(1).warnings().get(0).message().contains("27447 (line 1)"),
          unnamed.line(1).warnings().toString());
      assertFalse(hasWarning(unnamed.line(0), ClaimWarning.Kind.SURGEON_AND_ASSISTANT_AS_ONE));
      // Both lines by one NPI: the same warning, saying whose they are.
      PricedClaim oneNpi = priceBilled("27447" + SURGEON, "27447-80" + SURGEON);
      assertTrue(
          oneNpi
              .line(1)
              .warnings()
              .get(0)
              .message()
              .contains(
                  "27447 (line 1) are both by 1234567893, ranked as one physician's procedures"),
          oneNpi.line(1).warnings().toString());
      // The assistant's lines alone, on his own claim: nothing to warn of.
      assertTrue(priceBilled("27447-80", "27130-80").line(0).warnings().isEmpty());
      // The assistant's own: 16% of 1000.00 in full.
      PricedClaim named =
          assertAmounts(
              priceBilled("27447" + SURGEON, "27447-80" + ASSISTANT),
              "1160.00",
              "1000.00",
              "160.00");
      assertTrue(named.line(1).warnings().isEmpty(), named.line(1).warnings().toString());
      // Each ranks his own procedures: the assistant's 27130-80 is his second, 16% x 900 x 50%.
      assertAmounts(
          priceBilled(
              "27447" + SURGEON, "27130" + SURGEON, "27447-80" + ASSISTANT, "27130-80" + ASSISTANT),
          "1682.00",
          "1000.00",
          "450.00",
          "160.00",
          "72.00");
    }

    @Test
    void coSurgeonsEachGetTheirShareInFull() {
      // Lines without a provider are one provider's: two lines of 27447 are then both sides of
      // one bilateral procedure, 62.5% x 150% x 1000, half on each (their charges differ, or the
      // second would be an exact duplicate of the first).
      assertAmounts(priceBilled("27447-62 $3000", "27447-62 $3100"), "937.50", "468.75", "468.75");
      assertAmounts(
          priceBilled("27447-62" + SURGEON, "27447-62" + ASSISTANT), "1250.00", "625.00", "625.00");
    }

    @Test
    void coSurgeonsLinesOfOneProviderAreWarnedOf() {
      // No surgeon is his own co-surgeon: two 62 lines of one code on one provider's day are two
      // physicians' the claim did not name. The amounts stay: 22612 (BILAT SURG 0) is ranked,
      // 62.5% x 1200.00 = 750.00 and its 50%, 375.00; 27447 (BILAT SURG 1) paired, as above.
      PricedClaim ranked =
          assertAmounts(
              priceBilled("22612-62 $2000", "22612-62 $2100"), "1125.00", "750.00", "375.00");
      for (int i = 0; i < 2; i++) {
        ClaimWarning warning = warning(ranked.line(i), ClaimWarning.Kind.CO_SURGEONS_AS_ONE);
        assertEquals("multiple-procedure", warning.rule());
        assertEquals(
            "22612-62 and 22612-62 (line "
                + (2 - i)
                + ") are one provider's lines, ranked as one physician's procedures, though no"
                + " surgeon is his own co-surgeon: give each surgeon's line his rendering"
                + " provider's NPI",
            warning.message());
      }
      PricedClaim paired =
          assertAmounts(
              priceBilled("27447-62 $3000", "27447-62 $3100"), "937.50", "468.75", "468.75");
      for (int i = 0; i < 2; i++) {
        ClaimWarning warning = warning(paired.line(i), ClaimWarning.Kind.CO_SURGEONS_AS_ONE);
        assertEquals("bilateral", warning.rule());
        assertTrue(
            warning.message().contains("paired as the two sides of one bilateral procedure"),
            warning::message);
      }
      // Each surgeon named: each his own 62.5%, and nothing to warn of.
      PricedClaim named =
          assertAmounts(
              priceBilled("22612-62" + SURGEON, "22612-62" + ASSISTANT),
              "1500.00",
              "750.00",
              "750.00");
      assertFalse(hasWarning(named.line(0), ClaimWarning.Kind.CO_SURGEONS_AS_ONE));
      assertFalse(hasWarning(named.line(1), ClaimWarning.Kind.CO_SURGEONS_AS_ONE));
      // One co-surgeon's line beside another code's, or a surgeon's line of the same code: no
      // warning of this kind.
      PricedClaim other = priceBilled("22612-62", "27130-62");
      assertFalse(hasWarning(other.line(0), ClaimWarning.Kind.CO_SURGEONS_AS_ONE));
      assertFalse(hasWarning(other.line(1), ClaimWarning.Kind.CO_SURGEONS_AS_ONE));
      assertFalse(
          hasWarning(
              priceBilled("22612-62", "22612").line(0), ClaimWarning.Kind.CO_SURGEONS_AS_ONE));
      // One surgeon's two lines that say so are his own: the two sides (paid as 62-50), a second
      // site, or both lines by his NPI. Priced as before, without the warning.
      assertNoCoSurgeonWarning(
          assertAmounts(priceBilled("27447-62-RT", "27447-62-LT"), "937.50", "468.75", "468.75"));
      assertNoCoSurgeonWarning(
          assertAmounts(priceBilled("22612-62", "22612-62-XS"), "1125.00", "750.00", "375.00"));
      assertNoCoSurgeonWarning(
          assertAmounts(priceBilled("22612-62-59", "22612-62"), "1125.00", "375.00", "750.00"));
      assertNoCoSurgeonWarning(
          assertAmounts(
              priceBilled("22612-62 $2000" + SURGEON, "22612-62 $2100" + SURGEON),
              "1125.00",
              "750.00",
              "375.00"));
    }

    @Test
    void aRepeatByAnotherPhysicianIsWarnedOfAsTwoCoSurgeons() {
      // 77 says the line is another physician's, the opposite of 59 or XS: as one provider's line
      // the second is ranked at 50%, and both lines are told to name their surgeons.
      PricedClaim claim =
          assertAmounts(priceBilled("22612-62", "22612-62-77"), "1125.00", "750.00", "375.00");
      for (int i = 0; i < 2; i++) {
        assertTrue(
            hasWarning(claim.line(i), ClaimWarning.Kind.CO_SURGEONS_AS_ONE), claim::toString);
      }
    }

    private void assertNoCoSurgeonWarning(PricedClaim claim) {
      for (int i = 0; i < claim.lines().size(); i++) {
        assertFalse(
            hasWarning(claim.line(i), ClaimWarning.Kind.CO_SURGEONS_AS_ONE), claim::toString);
      }
    }

    private ClaimWarning warning(PricedLine line, ClaimWarning.Kind kind) {
      return line.warnings().stream()
          .filter(w -> w.kind() == kind)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + kind + ": " + line));
    }

    @Test
    void linesWithoutAProviderAreTheOneNamedProvidersLines() {
      // CMS-1500 item 24J left blank: the billing provider's line, beside lines of one NPI that
      // provider's. His 27130 is his second procedure, 50% of 900.00, whichever line names him
      // (it was another provider's first, 900.00); his surgery's package holds the visit naming
      // none; his and a line naming none are two co-surgeons' lines of one provider, warned of.
      for (PricedClaim claim :
          List.of(
              priceBilled("27447", "27130" + SURGEON), priceBilled("27447" + SURGEON, "27130"))) {
        assertAmounts(claim, "1450.00", "1000.00", "450.00");
        for (PricedLine line : claim.lines()) {
          assertFalse(
              hasWarning(line, ClaimWarning.Kind.RENDERING_PROVIDER_UNKNOWN), line::toString);
        }
      }
      PricedClaim visit = priceBilled("27447" + SURGEON, "99213");
      assertEquals(UnpricedReason.GLOBAL_SURGERY, visit.line(1).reason().orElseThrow());
      PricedClaim coSurgeons = priceBilled("22612-62 $2000" + SURGEON, "22612-62 $2100");
      // Equal amounts: the tie is broken by the lines' stable key, which their charges decide
      // here (alike in their charges too, the second would be an exact duplicate).
      assertAmounts(coSurgeons, "1125.00", "750.00", "375.00");
      for (int i = 0; i < 2; i++) {
        assertTrue(
            hasWarning(coSurgeons.line(i), ClaimWarning.Kind.CO_SURGEONS_AS_ONE),
            coSurgeons::toString);
      }
    }

    @Test
    void linesWithoutAProviderBesideSeveralNamedOnesAreApartAndWarnedOf() {
      // Whose they are cannot be told: the lines naming none rank together, each named
      // provider's alone, and each line naming none says so.
      PricedClaim claim =
          assertAmounts(
              priceBilled("27447", "27130", "27130" + SURGEON, "99213" + ASSISTANT),
              "2450.00",
              "1000.00",
              "450.00",
              "900.00",
              "100.00");
      for (int i = 0; i < 2; i++) {
        ClaimWarning warning = warning(claim.line(i), ClaimWarning.Kind.RENDERING_PROVIDER_UNKNOWN);
        assertEquals("rendering-provider", warning.rule());
        assertEquals(
            "lines 1, 2 name no rendering provider beside lines of 1000000004 and 1234567893:"
                + " whose they are cannot be told, so the same-day rules (NCCI pairs and units,"
                + " the surgical ranking, bilateral pairs, add-ons, the global package, same-day"
                + " visits, critical care) judge them as"
                + " another provider's; give each line its rendering provider's NPI",
            warning.message());
      }
      assertFalse(hasWarning(claim.line(2), ClaimWarning.Kind.RENDERING_PROVIDER_UNKNOWN));
      assertFalse(hasWarning(claim.line(3), ClaimWarning.Kind.RENDERING_PROVIDER_UNKNOWN));
      // Its limiting charges say it too.
      assertTrue(
          hasWarning(
              PRICER
                  .limitingCharges(
                      Claim.of(
                          BilledLine.parse("27447" + SURGEON),
                          BilledLine.parse("27130" + ASSISTANT),
                          BilledLine.parse("20610")),
                      CONTEXT)
                  .line(2),
              ClaimWarning.Kind.RENDERING_PROVIDER_UNKNOWN));
    }

    @Test
    void linesWithoutAProviderOfAnotherPractitionerTypeAreTheClaimsOwn() {
      // The context makes the named provider a nurse practitioner and the claim's own
      // practitioner a physician: the line naming none is the physician's, not the nurse
      // practitioner's. Each is the first procedure of his own day, and nothing to warn of.
      PricingContext group =
          CONTEXT.withPractitioner(
              io.github.cpt4j.claim.Npi.parse("1234567893"),
              io.github.cpt4j.fee.PractitionerType.NURSE_PRACTITIONER);
      PricedClaim claim =
          assertAmounts(
              PRICER.price(
                  Claim.of(BilledLine.parse("27447"), BilledLine.parse("27130" + SURGEON)), group),
              "1765.00",
              "1000.00",
              "765.00");
      for (PricedLine line : claim.lines()) {
        assertFalse(hasWarning(line, ClaimWarning.Kind.RENDERING_PROVIDER_UNKNOWN), line::toString);
      }
    }

    @Test
    void aVisitOfAnotherProviderIsNotInTheSurgeonsPackage() {
      PricedClaim same = priceBilled("27447" + SURGEON, "99213" + SURGEON);
      assertEquals(UnpricedReason.GLOBAL_SURGERY, same.line(1).reason().orElseThrow());
      assertEquals(GlobalSurgeryEdit.NAME, same.line(1).refusedBy().orElseThrow());
      assertAmounts(
          priceBilled("27447" + SURGEON, "99213" + ASSISTANT), "1100.00", "1000.00", "100.00");
    }

    @Test
    void eachProviderIsPaidAsThePractitionerTheContextSaysHeIs() {
      PricingContext group =
          CONTEXT.withPractitioner(
              io.github.cpt4j.claim.Npi.parse("1000000004"),
              io.github.cpt4j.fee.PractitionerType.NURSE_PRACTITIONER);
      // The physician's visit 100.00; the nurse practitioner's 85% of it; a line naming no one is
      // the claim's practitioner's, a physician.
      List<BilledLine> lines =
          List.of(
              BilledLine.parse("99213" + SURGEON),
              BilledLine.parse("99213" + ASSISTANT),
              BilledLine.parse("99213"));
      assertAmounts(PRICER.price(Claim.of(lines), group), "285.00", "100.00", "85.00", "100.00");
      // One provider's claim, the path of a single provider's day.
      assertAmounts(
          PRICER.price(Claim.of(BilledLine.parse("99213" + ASSISTANT)), group), "85.00", "85.00");
      assertAmounts(
          PRICER.price(Claim.of(BilledLine.parse("99213" + SURGEON)), group), "100.00", "100.00");
    }

    /**
     * The component reductions are the group's, not one physician's: imaging TC and PC of services
     * "furnished by the same physician or by multiple physicians in the same group practice (same
     * group NPI)" (CY 2012 and 2013 physician fee schedule final rules), the cardiovascular and
     * ophthalmology TC likewise, and the therapy reduction of all the therapy a group furnishes a
     * patient on a day. Each line is paid as on the claim without NPIs.
     */
    @Test
    void componentReductionsRankTheLinesOfEveryProviderOfTheDate() {
      // Imaging: 70486 (TC 200, PC 100) first; 70450 loses 50% of TC 125 and 5% of PC 75: 133.75.
      assertAmounts(price("70486", "70450"), "433.75", "300.00", "133.75");
      assertAmounts(
          priceBilled("70486" + SURGEON, "70450" + ASSISTANT), "433.75", "300.00", "133.75");
      // Therapy: 97140 (PE 15) first; 97110 loses 50% of PE 10: 20.00.
      assertAmounts(priceBilled("97140" + SURGEON, "97110" + ASSISTANT), "45.00", "25.00", "20.00");
      // Cardiovascular: 93306 (TC 150) first; 93880 loses 25% of TC 100: 125.00.
      assertAmounts(
          priceBilled("93306" + SURGEON, "93880" + ASSISTANT), "375.00", "250.00", "125.00");
      // Ophthalmology: 92250 (TC 60) first; 92134 loses 20% of TC 30: 44.00.
      assertAmounts(
          priceBilled("92250" + SURGEON, "92134" + ASSISTANT), "144.00", "100.00", "44.00");
      // A line without an NPI is the group's too.
      PricedClaim mixed =
          assertAmounts(
              priceBilled("70486" + SURGEON, "70450", "97140", "97110" + ASSISTANT),
              "478.75",
              "300.00",
              "133.75",
              "25.00",
              "20.00");
      String explained = mixed.line(1).explanation().toString();
      assertTrue(explained.contains("ranks 2 of 2 among imaging family"), explained);
      // The surgical ranking stays each physician's: the assistant's 27130-80 is his first.
      assertAmounts(
          priceBilled("27447" + SURGEON, "27130-80" + ASSISTANT, "70486" + SURGEON, "70450"),
          "1577.75",
          "1000.00",
          "144.00",
          "300.00",
          "133.75");
    }

    @Test
    void aTieBetweenProvidersIsBrokenByTheirNpisNotTheBilledOrder() {
      // Two 70450 of two providers: the lower NPI's line ranks first, in either order.
      assertAmounts(
          priceBilled("70450" + SURGEON, "70450" + ASSISTANT), "333.75", "133.75", "200.00");
      assertAmounts(
          priceBilled("70450" + ASSISTANT, "70450" + SURGEON), "333.75", "200.00", "133.75");
    }

    /**
     * The equipment reductions after the ranking read what it took off each line's TC, whichever
     * provider's day the line is in: 70450-FX by the assistant, second, keeps TC 125 - 62.50, and
     * FX takes 20% of that, 12.50: 200 - 62.50 - 3.75 - 12.50 = 121.25.
     */
    @Test
    void theEquipmentReductionReadsTheCutOfTheGroupsRanking() {
      assertAmounts(
          priceBilled("70486" + SURGEON, "70450-FX" + ASSISTANT), "421.25", "300.00", "121.25");
      assertAmounts(price("70486", "70450-FX"), "421.25", "300.00", "121.25");
    }

    @Test
    void aPricerWithoutTheComponentStepRunsEveryStepPerProvider() {
      MedicareClaimPricer without =
          PRICER.toBuilder().removeStep(ComponentReductionStep.NAME).build();
      List<BilledLine> lines =
          List.of(BilledLine.parse("70486" + SURGEON), BilledLine.parse("70450" + ASSISTANT));
      assertAmounts(without.price(Claim.of(lines), CONTEXT), "500.00", "300.00", "200.00");
      // A payer's step after the reductions runs on each provider's lines, after the ranking.
      MedicareClaimPricer payer =
          PRICER.toBuilder().addStepAfter(ComponentReductionStep.NAME, new Halve70450()).build();
      assertAmounts(payer.price(Claim.of(lines), CONTEXT), "366.88", "300.00", "66.88");
    }

    @Test
    void theRankIsAmongTheProvidersOwnProcedures() {
      PricedClaim claim = priceBilled("27447" + SURGEON, "27447-80" + ASSISTANT, "27130" + SURGEON);
      assertAmounts(claim, "1610.00", "1000.00", "160.00", "450.00");
      // The surgeon's second of two, not the claim's third of three.
      String explained = claim.line(2).explanation().toString();
      assertTrue(explained.contains("rank 2 of 2"), explained);
    }
  }

  /** A payer's step that halves every 70450 line, whatever its provider. */
  static final class Halve70450 implements ClaimStep {
    @Override
    public String name() {
      return "halve-70450";
    }

    @Override
    public void apply(ClaimState claim) {
      for (int i = 0; i < claim.size(); i++) {
        if (claim.billed(i).line().code().toString().equals("70450") && claim.isPriced(i)) {
          claim.multiply(i, new BigDecimal("0.5"), name(), () -> "half");
        }
      }
    }
  }

  @Nested
  class ClaimWide {

    @Test
    void statusTIsPaidOnlyAlone() {
      assertAmounts(price("36591"), "25.00", "25.00");
      PricedClaim withVisit = assertAmounts(price("36591", "99213"), "100.00", null, "100.00");
      assertRefused(withVisit.line(0), UnpricedReason.NOT_PAYABLE_ON_CLAIM, ClaimRule.STATUS_T);
      // A bundled service is not payable, so it does not bundle the status T one.
      assertAmounts(price("36591", "99080"), "25.00", "25.00", null);
      // A contractor-priced one is.
      assertRefused(
          price("36591", "17999").line(0), UnpricedReason.NOT_PAYABLE_ON_CLAIM, ClaimRule.STATUS_T);
      // Two status T services do not bundle each other.
      assertAmounts(price("36591 $30", "36591 $40"), "50.00", "25.00", "25.00");
    }

    @Test
    void theLowerOfTheChargeAndTheAmountIsPaid() {
      PricedClaim claim =
          assertAmounts(price("99213 $80", "99213-25 $150"), "180.00", "80.00", "100.00");
      assertTrue(claim.line(0).explanation().has("billed-charge"));
      // After the ranking: 27130 is reduced to 450, below its 500 charge.
      assertAmounts(price("27447 $1100", "27130 $500"), "1450.00", "1000.00", "450.00");
    }

    @Test
    void theNotesEveryLineSharesSayWhatThatLineCarries() {
      // The billed-charge, modifier 25 and add-on notes are one step object for every line
      // (issue 18); each line's explanation still states its own charge.
      PricedClaim claim =
          price("64483 $900.00", "64484 $400.00", "99213-25 $180.00", "27130-51 $5000.00");
      assertEquals(
          List.of("the billed charge 900.00 is not lower"),
          wordsOf(claim.line(0), "billed-charge"));
      assertEquals(
          List.of("the billed charge 400.00 is not lower"),
          wordsOf(claim.line(1), "billed-charge"));
      assertEquals(
          List.of(
              "add-on code (global ZZZ): never ranked as a primary procedure, exempt from the"
                  + " multiple-procedure reduction"),
          wordsOf(claim.line(1), "add-on"));
      assertTrue(
          wordsOf(claim.line(2), "fee-schedule")
              .contains("modifier 25: a significant, separately identifiable visit, no adjustment"),
          claim.line(2).explanation().toString());
      assertEquals(
          List.of("the billed charge 180.00 is not lower"),
          wordsOf(claim.line(2), "billed-charge"));
      assertTrue(
          wordsOf(claim.line(3), "multiple-procedure")
              .contains(
                  "modifier 51 is informational: the MULT PROC indicator decides any reduction"),
          claim.line(3).explanation().toString());
      assertEquals(
          List.of("the billed charge 5000.00 is not lower"),
          wordsOf(claim.line(3), "billed-charge"));
    }

    private static List<String> wordsOf(PricedLine line, String rule) {
      return line.explanation().steps().stream()
          .filter(step -> step.rule().equals(rule))
          .map(step -> step.description())
          .toList();
    }

    @Test
    void modifierRuleViolationsAreReportedAndTheLineStillPriced() {
      PricedClaim claim = assertAmounts(price("99213-25-59"), "100.00", "100.00");
      PricedLine line = claim.line(0);
      assertTrue(hasWarning(line, ClaimWarning.Kind.MODIFIER_RULE_BROKEN));
      assertEquals("modifier-rules", line.warnings().get(0).rule());
      assertTrue(
          line.warnings().get(0).message().startsWith(ModifierRule.MUTUALLY_EXCLUSIVE.name()),
          line.warnings().toString());
      assertTrue(line.explanation().has("modifier-rules"));
    }

    @Test
    void anEmptyClaimTotalsZero() {
      assertAmounts(PRICER.price(Claim.of(), CONTEXT), "0.00");
    }

    @Test
    void everyLineIsExplainedOnOneLine() {
      // 99213-62 would be in the knee surgery's global package; 20610's CO-SURG 0 refuses 62.
      PricedClaim claim = price("29880-RT $2400", "20610-LT", "99213-25", "20610-62");
      for (PricedLine line : claim.lines()) {
        String text = line.toString();
        assertFalse(text.contains("\n"), text);
        assertTrue(text.startsWith("line " + (line.index() + 1) + " "), text);
      }
      assertTrue(
          claim.line(3).toString().contains("UNPRICED MODIFIER_NOT_ALLOWED (co-surgery)"),
          claim.line(3).toString());
      assertEquals(claim.lines().size() + 1, claim.toString().split("\n").length);
    }

    @Test
    void aContextTheScheduleCannotPriceRefusesEveryLineWithTheSchedulesReason() {
      PricedClaim claim =
          price(CONTEXT.withDateOfService(java.time.LocalDate.of(2024, 6, 1)), "27447", "27130");
      assertRefused(claim.line(0), UnpricedReason.NO_CONVERSION_FACTOR, ClaimRule.FEE_SCHEDULE);
      assertRefused(claim.line(1), UnpricedReason.NO_CONVERSION_FACTOR, ClaimRule.FEE_SCHEDULE);
    }
  }
}
