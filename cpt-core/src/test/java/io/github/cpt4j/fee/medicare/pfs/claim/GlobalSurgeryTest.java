package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.ClaimScrubber;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 3: the global surgical package (Claims Processing Manual ch. 12 §40.1, §30.6.6),
 * and lines of one claim on several dates. On {@link ClaimTables} (GPCIs 1, factor 25): 99213 is
 * 100.00, 20610 (global 000) 100.00, 10060 (010) 1.00, 27447 (090) 1000.00, 12001 and 12002 (010,
 * MULT PROC 1) 200.00 and 150.00. The claim's date is 2025-06-02.
 */
class GlobalSurgeryTest {

  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(ClaimTables.schedule());

  /** Prices lines in {@link BilledLine#parse}'s form, such as {@code 99213-25 on 2025-06-03}. */
  private static PricedClaim price(String... lines) {
    return PRICER.price(claim(lines), CONTEXT);
  }

  private static Claim claim(String... lines) {
    List<BilledLine> billed = new ArrayList<>();
    for (String line : lines) {
      billed.add(BilledLine.parse(line));
    }
    return Claim.of(billed);
  }

  private static void assertAmounts(PricedClaim claim, String total, String... amounts) {
    MedicareClaimPricerTest.assertAmounts(claim, total, amounts);
  }

  private static void assertInPackage(PricedLine visit, String procedure) {
    assertFalse(visit.isPriced(), visit.toString());
    assertEquals(UnpricedReason.GLOBAL_SURGERY, visit.reason().orElseThrow(), visit.toString());
    assertEquals(GlobalSurgeryEdit.NAME, visit.refusedBy().orElseThrow());
    assertTrue(visit.detail().contains(procedure), visit.detail());
    assertTrue(visit.explanation().toString().contains("global-surgery"), visit.toString());
  }

  @Test
  void aVisitOnTheDayOfAMinorProcedureIsInItsPackageUnlessModifier25() {
    // 20610 is 000: the visit adds nothing (100.00 in all); with 25, 100.00 + 100.00.
    PricedClaim same = price("20610", "99213");
    assertAmounts(same, "100.00", "100.00", null);
    assertInPackage(same.line(1), "20610");
    assertEquals(
        "99213 on the day of 20610 (line 1, global period 000) is part of its global surgical"
            + " package: add 25 if the visit is significant and separately identifiable (Claims"
            + " Processing Manual ch. 12 §40.1)",
        same.line(1).detail());
    assertAmounts(price("20610", "99213-25"), "200.00", "100.00", "100.00");
    // 10060 is 010: the same on its day.
    assertInPackage(price("99213", "10060").line(0), "10060");
    assertAmounts(price("99213-25", "10060"), "101.00", "100.00", "1.00");
  }

  /** A payer's edit denying every line of {@code code} whole, or {@code units} of its units. */
  private static ClaimEdit denying(String code, int units) {
    return new ClaimEdit() {
      @Override
      public String name() {
        return "payer-deny";
      }

      @Override
      public List<EditFinding> check(Claim claim, PricingContext context) {
        List<EditFinding> found = new ArrayList<>();
        for (int i = 0; i < claim.size(); i++) {
          if (claim.line(i).line().code().toString().equals(code)) {
            found.add(
                EditFinding.builder()
                    .edit(name())
                    .line(i)
                    .action(
                        units == 0
                            ? io.github.cpt4j.edit.EditAction.DENY_LINE
                            : io.github.cpt4j.edit.EditAction.DENY_UNITS)
                    .deniedUnits(units == 0 ? claim.line(i).line().units() : units)
                    .reason(UnpricedReason.EDIT_DENIED)
                    .message(code + " is not covered")
                    .build());
          }
        }
        return found;
      }
    };
  }

  @Test
  void aProcedureAnotherEditDeniesOpensNoPackage() {
    // Once, the denied 20610 still held the visit: the claim paid 0.00.
    MedicareClaimPricer payer =
        MedicareClaimPricer.builder(ClaimTables.schedule()).addEdit(denying("20610", 0)).build();
    PricedClaim claim = payer.price(claim("20610", "99213"), CONTEXT);
    assertEquals(UnpricedReason.EDIT_DENIED, claim.line(0).reason().orElseThrow());
    assertAmounts(claim, "100.00", null, "100.00");
    // A later procedure of the day that is paid still holds the visit.
    PricedLine visit = payer.price(claim("20610", "99213", "10060"), CONTEXT).line(1);
    assertInPackage(visit, "10060 (line 3");
    // The days after a denied major surgery are not its postoperative days either.
    MedicareClaimPricer knee =
        MedicareClaimPricer.builder(ClaimTables.schedule()).addEdit(denying("27447", 0)).build();
    assertAmounts(
        knee.price(claim("27447", "99213 on 2025-06-20"), CONTEXT), "100.00", null, "100.00");
    // Denying some of its units leaves a procedure paid, and its package whole.
    MedicareClaimPricer units =
        MedicareClaimPricer.builder(ClaimTables.schedule()).addEdit(denying("20610", 1)).build();
    assertInPackage(units.price(claim("20610 x2", "99213"), CONTEXT).line(1), "20610");
  }

  @Test
  void anAuditLineSaysTheEditsMessageOnce() {
    PricedLine visit = price("20610", "99213").line(1);
    String line = visit.toString();
    String detail = visit.detail();
    assertEquals(line.indexOf(detail), line.lastIndexOf(detail), line);
    assertTrue(line.endsWith(" | global-surgery: denied"), line);
    assertTrue(visit.explanationWithoutDetail().endsWith("global-surgery: denied"), line);
    assertFalse(visit.explanationWithoutDetail().contains(detail), line);
    // A priced line has no detail: its explanation is written whole.
    PricedLine procedure = price("20610", "99213").line(0);
    assertEquals(
        procedure.explanation().toString(),
        procedure.explanationWithoutDetail(),
        procedure::toString);
  }

  @Test
  void aVisitTheDayBeforeOrOfAMajorSurgeryNeedsModifier57() {
    // 27447 is 090: 57 (decision for surgery) makes the visit payable, and on the day itself 25
    // (a significant, separately identifiable visit, §30.6.6.B) too.
    PricedClaim plain = price("27447", "99213");
    assertInPackage(plain.line(1), "27447");
    assertTrue(plain.line(1).detail().contains("add 57"), plain.line(1).detail());
    assertAmounts(price("27447", "99213-57"), "1100.00", "1000.00", "100.00");
    assertAmounts(price("27447", "99213-25"), "1100.00", "1000.00", "100.00");
    // The day before: the surgery on 06-03, the visit on the claim's date 06-02; 25 is for the
    // same day only.
    PricedClaim dayBefore = price("27447 on 2025-06-03", "99213-25");
    assertAmounts(dayBefore, "1000.00", "1000.00", null);
    assertTrue(dayBefore.line(1).detail().startsWith("99213 the day before 27447"));
    assertAmounts(price("27447 on 2025-06-03", "99213-57"), "1100.00", "1000.00", "100.00");
    // Two days before is outside the package.
    assertAmounts(price("27447 on 2025-06-04", "99213"), "1100.00", "1000.00", "100.00");
    // A minor procedure has no day before.
    assertAmounts(price("20610 on 2025-06-03", "99213"), "200.00", "100.00", "100.00");
  }

  @Test
  void aVisitInThePostoperativeDaysOfTheClaimNeedsModifier24() {
    // 10060 on 06-02 has 10 postoperative days: a visit on 06-07 (day 5) is in them, 06-13 (11)
    // is not.
    PricedClaim day5 = price("10060", "99213 on 2025-06-07");
    assertAmounts(day5, "1.00", "1.00", null);
    assertTrue(day5.line(1).detail().startsWith("99213 5 days after 10060"), day5.toString());
    assertTrue(day5.line(1).detail().contains("add 24"));
    assertAmounts(price("10060", "99213-24 on 2025-06-07"), "101.00", "1.00", "100.00");
    assertAmounts(price("10060", "99213 on 2025-06-13"), "101.00", "1.00", "100.00");
    // 90 days after a major surgery is still in; 91 is not.
    assertAmounts(price("27447", "99213 on 2025-08-31"), "1000.00", "1000.00", null);
    assertAmounts(price("27447", "99213 on 2025-09-01"), "1100.00", "1000.00", "100.00");
  }

  /**
   * A return to the operating room (78) begins no postoperative period of its own: its visits are
   * the first surgery's. An unrelated procedure (79) begins one.
   */
  @Test
  void aReturnToTheOperatingRoomBeginsNoPostoperativePeriod() {
    // 27447 on 06-02, its return (78) on 08-21, day 80 of the first 90: 0.69 x 1000.00 = 690.00.
    // A visit on 09-10 is day 100 of the first surgery, outside its period: paid, though 20 days
    // after the return.
    assertAmounts(
        price("27447", "27447-78 on 2025-08-21", "99213 on 2025-09-10"),
        "1790.00",
        "1000.00",
        "690.00",
        "100.00");
    // Day 84 of the first surgery is in its period: denied by the first surgery's line.
    PricedClaim day84 = price("27447", "27447-78 on 2025-08-21", "99213 on 2025-08-25");
    assertInPackage(day84.line(2), "27447 (line 1");
    // The return alone opens no package, not even on its own day.
    assertAmounts(price("27447-78", "99213"), "790.00", "690.00", "100.00");
    // 79, an unrelated procedure on 08-21, begins its own 90 days: the visit of 09-10 is in them.
    PricedClaim unrelated = price("27447", "27447-79 on 2025-08-21", "99213 on 2025-09-10");
    assertInPackage(unrelated.line(2), "27447 (line 2");
  }

  @Test
  void postoperativeCareAloneIsNotTheProcedureOfTheDay() {
    // 27447-55 x45: 0.21 x 45/90 x 1000.00 = 105.00; the visit of its physician is paid.
    assertAmounts(price("27447-55 x45", "99213"), "205.00", "105.00", "100.00");
    // 54 (surgery and preoperative care) is the procedure: 0.79 x 1000.00 = 790.00.
    assertAmounts(price("27447-54", "99213"), "790.00", "790.00", null);
  }

  /**
   * A line of 55 alone is paid the postoperative share of the package (RVU file POST OP), and the
   * package holds the related visits of the postoperative period (Claims Processing Manual ch. 12
   * §40.1.A); the 55 physician bills with the date of surgery (§40.2). So its line opens the
   * postoperative days to its own provider's visits, not the day before or the day of the surgery.
   */
  @Test
  void postoperativeCareAloneHoldsItsProvidersVisitsOfThePostoperativeDays() {
    // 27447-54 by the surgeon: 790.00; 27447-55 x80 by another: 0.21 x 80/90 x 1000.00 = 186.67.
    String surgeon = " on 2025-10-01 by 1234567893";
    String postoperative = " on 2025-10-01 by 1000000004";
    PricedClaim day30 =
        price(
            "27447-54" + surgeon,
            "27447-55 x80" + postoperative,
            "99213 on 2025-10-31 by 1000000004");
    assertAmounts(day30, "976.67", "790.00", "186.67", null);
    assertInPackage(day30.line(2), "27447 (line 2");
    assertTrue(
        day30.line(2).detail().startsWith("99213 30 days after 27447"), day30.line(2).detail());
    assertTrue(day30.line(2).detail().contains("add 24"), day30.line(2).detail());
    assertAmounts(
        price(
            "27447-54" + surgeon,
            "27447-55 x80" + postoperative,
            "99213-24 on 2025-10-31 by 1000000004"),
        "1076.67",
        "790.00",
        "186.67",
        "100.00");
    // Another provider's visit (here the surgeon's, who billed 54 only) is not in this package.
    assertAmounts(
        price("27447-55 x80" + postoperative, "99213 on 2025-10-31 by 1234567893"),
        "286.67",
        "186.67",
        "100.00");
    // Lines without NPIs are one provider's: the same, and day 90 is in, day 91 is not.
    assertInPackage(price("27447-55 x80", "99213 on 2025-07-02").line(1), "27447 (line 1");
    assertInPackage(price("27447-55 x80", "99213 on 2025-08-31").line(1), "27447 (line 1");
    assertAmounts(price("27447-55 x80", "99213 on 2025-09-01"), "286.67", "186.67", "100.00");
    // Not the day of the surgery, nor the day before: the surgeon's line bills those.
    assertAmounts(price("27447-55 x80", "99213"), "286.67", "186.67", "100.00");
    assertAmounts(price("27447-55 x80 on 2025-06-03", "99213"), "286.67", "186.67", "100.00");
    // 010: the days 1-10 from the line's date.
    assertInPackage(price("10060-55 x10", "99213 on 2025-06-12").line(1), "10060 (line 1");
    PricedLine day11 = price("10060-55 x10", "99213 on 2025-06-13").line(1);
    assertTrue(day11.isPriced(), day11::toString);
  }

  /**
   * A line of 56 alone is paid the preoperative share (RVU file PRE OP) of a surgery its physician
   * did not perform: its package holds the day before and the day of the surgery, not the
   * postoperative days, whose visits are the surgeon's package's (ch. 12 §40.1.A) and whose share
   * is the 55 physician's (§40.2.A).
   */
  @Test
  void preoperativeCareAloneHoldsOnlyThePreoperativeDays() {
    // 27447-56: 0.10 x 1000.00 = 100.00. Its physician's visit 17 days after is paid (it was
    // denied as part of the package).
    assertAmounts(price("27447-56", "99213 on 2025-06-19"), "200.00", "100.00", "100.00");
    assertAmounts(price("27447-56", "99213 on 2025-08-31"), "200.00", "100.00", "100.00");
    // The day before and the day of stay in the package, 57 as for the surgeon.
    PricedLine dayBefore = price("27447-56", "99213 on 2025-06-01").line(1);
    assertInPackage(dayBefore, "27447 (line 1");
    assertTrue(dayBefore.detail().contains("add 57"), dayBefore.detail());
    assertInPackage(price("27447-56", "99213").line(1), "27447 (line 1");
    assertAmounts(price("27447-56", "99213-57 on 2025-06-01"), "200.00", "100.00", "100.00");
    // With 55 as well the line bills the care around the surgery on both sides: every day.
    assertInPackage(price("27447-55-56", "99213 on 2025-06-19").line(1), "27447 (line 1");
    // 54 is the surgeon's: 22 days after, the visit stays in the package (24 if unrelated).
    assertInPackage(price("27447-54", "99213 on 2025-06-24").line(1), "27447 (line 1");
    assertAmounts(price("27447-54", "99213-24 on 2025-06-24"), "890.00", "790.00", "100.00");
  }

  /**
   * The package holds the related services "when furnished by the physician who performs the
   * surgery", and leaves out the "services of other physicians" (Claims Processing Manual ch. 12
   * §40.1.A, §40.1.B): an assistant at surgery (80, 81, 82, AS) is paid 16% (13.6%) for the assist,
   * not the package, so the assistant's line opens none; the surgeon's line does.
   */
  @Test
  void anAssistantAtSurgeryOpensNoPackage() {
    // 27447-80: 16% x 1000.00 = 160.00; AS 13.6% = 136.00. The assistant's visits are paid.
    assertAmounts(price("27447-80", "99213"), "260.00", "160.00", "100.00");
    assertAmounts(price("27447-82", "99213 on 2025-06-10"), "260.00", "160.00", "100.00");
    assertAmounts(price("27447-AS", "99213 on 2025-06-01"), "236.00", "136.00", "100.00");
    assertAmounts(price("27447-81", "99213 on 2025-08-31"), "260.00", "160.00", "100.00");
    // The surgeon's line on the same claim (a group billing both) still holds the visit.
    PricedClaim group = price("27447-80", "27447", "99213 on 2025-06-10");
    assertInPackage(group.line(2), "27447 (line 2");
  }

  @Test
  void theScrubberReportsTheFindingWithItsData() {
    List<EditFinding> found = PRICER.scrub(claim("20610", "99213"), CONTEXT);
    assertEquals(1, found.size(), found::toString);
    EditFinding finding = found.get(0);
    assertEquals(1, finding.line());
    assertEquals(UnpricedReason.GLOBAL_SURGERY, finding.reason());
    assertEquals(
        Map.of(
            "procedure", "20610",
            "procedureLine", "1",
            "globalPeriod", "000",
            "daysAfterProcedure", "0",
            "bypassModifier", "25"),
        finding.data());
    assertSame(
        List.of(), GlobalSurgeryEdit.of(ClaimTables.schedule()).check(claim("20610"), CONTEXT));
  }

  @Test
  void anEyeExamAndTheRetiredOfficeVisitAreVisitsThePackageHolds() {
    // The eye exams 92002-92014 are visits for the global package (ch. 12 §40.1-40.2), with 24,
    // 25 and 57 as on E/M codes; 99201 was an office visit until the end of 2020.
    ClaimEdit edit = GlobalSurgeryEdit.of(ClaimTables.schedule());
    for (String visit : List.of("92002", "92004", "92012", "92014", "99201")) {
      List<EditFinding> found = edit.check(claim("20610", visit), CONTEXT);
      assertEquals(1, found.size(), visit);
      assertEquals(1, found.get(0).line());
      assertTrue(
          found
              .get(0)
              .message()
              .startsWith(visit + " on the day of 20610 (line 1, global period 000)"),
          found.get(0).message());
      assertSame(List.of(), edit.check(claim("20610", visit + "-25"), CONTEXT), visit);
    }
    // The day before a 090 surgery: 57, and 24 in its postoperative days.
    assertEquals(1, edit.check(claim("27447", "92012 on 2025-06-01"), CONTEXT).size());
    assertSame(List.of(), edit.check(claim("27447", "92012-57 on 2025-06-01"), CONTEXT));
    assertEquals(1, edit.check(claim("27447", "92014 on 2025-06-12"), CONTEXT).size());
    assertSame(List.of(), edit.check(claim("27447", "92014-24 on 2025-06-12"), CONTEXT));
    // 92015 (refraction) and 92018 are past the eye exams; 99500 is Medicine, not E/M.
    for (String other : List.of("92015", "92018", "92001", "99500")) {
      assertSame(List.of(), edit.check(claim("20610", other), CONTEXT), other);
    }
  }

  @Test
  void linesOfSeveralDatesAreRankedPerDate() {
    // MULT PROC 1 on one date: 200.00 + 50% of 150.00 = 275.00. On two dates, each is the only
    // procedure of its day: 200.00 + 150.00 = 350.00.
    assertAmounts(price("12001", "12002"), "275.00", "200.00", "75.00");
    PricedClaim twoDays = price("12001", "12002 on 2025-06-03");
    assertAmounts(twoDays, "350.00", "200.00", "150.00");
    assertTrue(
        twoDays.line(1).explanation().toString().contains("on 2025-06-03"),
        twoDays.line(1).explanation()::toString);
    // Back on one date in any order, and a claim all on another date than the context's.
    assertAmounts(price("12002 on 2025-06-03", "12001 on 2025-06-03"), "275.00", "75.00", "200.00");
    // A bilateral pair needs one date: LT and RT on two days are two procedures.
    assertAmounts(price("20610-LT", "20610-RT"), "150.00", "75.00", "75.00");
    assertAmounts(price("20610-LT", "20610-RT on 2025-06-03"), "200.00", "100.00", "100.00");
  }

  @Test
  void editsOfOneDateSeeEachDateApart() {
    List<Integer> sizes = new ArrayList<>();
    List<LocalDate> dates = new ArrayList<>();
    ClaimEdit recorder =
        new ClaimEdit() {
          @Override
          public String name() {
            return "recorder";
          }

          @Override
          public List<EditFinding> check(Claim claim, PricingContext context) {
            sizes.add(claim.size());
            dates.add(context.dateOfService());
            return List.of(EditFinding.flag(name(), claim.size() - 1, "last of its date"));
          }
        };
    List<EditFinding> found =
        ClaimScrubber.of(recorder).scrub(claim("12001", "12002 on 2025-06-03", "20610"), CONTEXT);
    assertEquals(List.of(2, 1), sizes);
    assertEquals(List.of(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 3)), dates);
    // The findings are on the lines of the whole claim: the last of 06-02 is line 3.
    assertEquals(List.of(1, 2), found.stream().map(EditFinding::line).toList());
  }

  @Test
  void aBilledLineWritesAndReadsItsDate() {
    BilledLine visit = BilledLine.parse(" 99213-25 $180.00 on 2025-06-02 ");
    assertEquals(ClaimLine.parse("99213-25"), visit.line());
    assertEquals(new BigDecimal("180.00"), visit.charge().orElseThrow());
    assertEquals(LocalDate.of(2025, 6, 2), visit.dateOfService().orElseThrow());
    assertEquals("99213-25 $180.00 on 2025-06-02", visit.toString());
    for (String text : List.of("27447-RT x2", "27447 on 2025-06-03", "99213 $10.50", "J1100 x8")) {
      assertEquals(text, BilledLine.parse(text).toString());
      assertEquals(BilledLine.parse(text), BilledLine.parse(BilledLine.parse(text).toString()));
    }
    assertEquals(
        LocalDate.of(2025, 6, 9),
        BilledLine.parse("99213").dateOfServiceOr(LocalDate.of(2025, 6, 9)));
    assertThrows(IllegalArgumentException.class, () -> BilledLine.parse("99213 on June 2"));
    assertThrows(IllegalArgumentException.class, () -> BilledLine.parse("99213 $ten"));
    BilledLine plain = BilledLine.parse("99213");
    new EqualsTester()
        .addEqualityGroup(plain, BilledLine.of(ClaimLine.parse("99213")))
        .addEqualityGroup(
            plain.withDateOfService(LocalDate.of(2025, 6, 2)),
            BilledLine.parse("99213 on 2025-06-02"))
        .addEqualityGroup(plain.withDateOfService(LocalDate.of(2025, 6, 3)))
        .testEquals();
    assertSame(plain, plain.withoutDateOfService());
  }
}
