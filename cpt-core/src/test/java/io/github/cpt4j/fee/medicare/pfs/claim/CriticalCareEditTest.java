package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.ClaimScrubber;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The services included in critical care (Claims Processing Manual ch. 12 §30.6.12) and the visits
 * of its day paid only with 25 (CY 2022 physician fee schedule final rule).
 */
class CriticalCareEditTest {

  /** A payer's edit that denies the claim's first line, as a GZ on it would. */
  private static final ClaimEdit FIRST_LINE_DENIED =
      new ClaimEdit() {
        @Override
        public String name() {
          return "payer-gz";
        }

        @Override
        public List<EditFinding> check(Claim claim, PricingContext context) {
          return List.of(EditFinding.denyLine("payer-gz", 0, 1, "not paid"));
        }
      };

  private static List<EditFinding> scrub(String... lines) {
    List<BilledLine> billed = new ArrayList<>();
    for (String line : lines) {
      billed.add(BilledLine.parse(line));
    }
    return ClaimScrubber.of(CriticalCareEdit.standard()).scrub(Claim.of(billed), CONTEXT);
  }

  private static List<String> found(String... lines) {
    return scrub(lines).stream().map(EditFinding::toString).toList();
  }

  @Test
  void eachListedServiceOfTheCriticalCareDayIsDeniedNamingTheCriticalCareLine() {
    List<EditFinding> found = scrub("36415", "99291", "43752", "99292", "94002");
    assertEquals(3, found.size(), found.toString());
    EditFinding draw = found.get(0);
    assertEquals(0, draw.line());
    assertEquals(EditAction.DENY_LINE, draw.action());
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, draw.reason());
    assertEquals(CriticalCareEdit.NAME, draw.edit());
    assertEquals(Map.of("criticalCare", "99291", "criticalCareLine", "2"), draw.data());
    assertEquals(
        "critical-care line 1 DENY_LINE: 36415 on the day of critical care 99291 (line 2) by the"
            + " same practitioner is included in the critical care and not paid separately"
            + " (Claims Processing Manual ch. 12 §30.6.12)",
        draw.toString());
    assertEquals(List.of(2, 4), List.of(found.get(1).line(), found.get(2).line()));
    // 99292 alone is critical care too, and FT on it changes nothing.
    assertEquals(1, scrub("99292-FT", "92953 x2").size());
    assertEquals(2, scrub("99292-FT", "92953 x2").get(0).deniedUnits());
  }

  @Test
  void otherServicesOtherDaysAndOtherPractitionersAreLeftAlone() {
    assertEquals(List.of(), found("43752", "99213"));
    assertEquals(List.of(), found("99291", "31500", "36556", "93010", "99213-25"));
    assertEquals(List.of(), found("99291 on 2025-06-02", "43752 on 2025-06-03"));
    assertEquals(List.of(), found("99291 by 1234567893", "43752 by 1000000004"));
    assertEquals(1, found("99291 by 1234567893", "43752 by 1234567893").size());
  }

  @Test
  void aCriticalCareLineAnotherEditDeniesIncludesNothing() {
    // Once, 99291-GZ (denied) still denied its day's 36600: the claim paid 0.00.
    ClaimEdit gz = FIRST_LINE_DENIED;
    Claim claim = Claim.of(List.of(BilledLine.parse("99291"), BilledLine.parse("36600")));
    List<EditFinding> found =
        ClaimScrubber.of(gz, CriticalCareEdit.standard()).scrub(claim, CONTEXT);
    assertEquals(List.of("payer-gz"), found.stream().map(EditFinding::edit).toList());
    assertEquals(1, ClaimScrubber.of(CriticalCareEdit.standard()).scrub(claim, CONTEXT).size());
  }

  @Test
  void aCriticalCareTimeAddedToADeniedFirstHourIncludesNothing() {
    // 99291-GZ + 99292 + 36600 denied 36600 as included in the 99292, whose 99291 was denied, so
    // neither was paid: the claim paid nothing.
    Claim claim =
        Claim.of(
            List.of(
                BilledLine.parse("99291"),
                BilledLine.parse("99292"),
                BilledLine.parse("36600"),
                BilledLine.parse("99214")));
    List<EditFinding> found =
        ClaimScrubber.of(FIRST_LINE_DENIED, CriticalCareEdit.standard()).scrub(claim, CONTEXT);
    // The 99292 is denied itself: beside 36600 and 99214, lines that are no add-ons, the add-on
    // step paid it without its first hour, and it then included nothing.
    assertEquals(
        List.of("payer-gz", "critical-care"), found.stream().map(EditFinding::edit).toList());
    EditFinding added = found.get(1);
    assertEquals(1, added.line());
    assertEquals(EditAction.DENY_LINE, added.action());
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, added.reason());
    assertEquals(Map.of("criticalCare", "99291", "criticalCareLine", "1"), added.data());
    assertEquals(
        "critical-care line 2 DENY_LINE: 99292 on the day of critical care 99291 (line 1) by the"
            + " same practitioner is not paid: 99292, each further 30 minutes of critical care, is"
            + " paid only beside the day's first 30 to 74 minutes, 99291, which is not paid"
            + " (Claims Processing Manual ch. 12 §30.6.12)",
        added.toString());
    // Beside a 99291 that is paid, or without any 99291 (its first hour on another claim), a
    // 99292 stands.
    assertEquals(List.of(), found("99291", "99292"));
    assertEquals(List.of(), found("99292", "99214-25"));
    // Not denied, the 99291 includes the 36600, and is named as the critical care, not the 99292
    // before it.
    assertEquals(
        List.of("2", "2"),
        scrub("99292", "99291", "36600", "99214").stream()
            .map(f -> f.data().get("criticalCareLine"))
            .toList());
  }

  @Test
  void aVisitOfTheCriticalCareDayWithout25IsDeniedNamingTheCriticalCareLine() {
    List<EditFinding> found = scrub("99214", "99291", "36600");
    assertEquals(2, found.size(), found.toString());
    EditFinding visit = found.get(0);
    assertEquals(0, visit.line());
    assertEquals(EditAction.DENY_LINE, visit.action());
    assertEquals(UnpricedReason.EDIT_DENIED, visit.reason());
    assertEquals(CriticalCareEdit.NAME, visit.edit());
    assertEquals(Map.of("criticalCare", "99291", "criticalCareLine", "2"), visit.data());
    assertEquals(
        "critical-care line 1 DENY_LINE: 99214 on the day of critical care 99291 (line 2) by the"
            + " same practitioner is paid only as a visit before the critical care, when the"
            + " patient did not need it, reported with modifier 25 (CY 2022 physician fee schedule"
            + " final rule)",
        visit.toString());
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, found.get(1).reason()); // 36600, included
    // The emergency department, hospital and office visits alike, beside 99292 alone too.
    for (String code : List.of("99285", "99281", "99223", "99233", "99236", "99202", "99211")) {
      assertEquals(1, scrub("99292", code + " x1").size(), code);
    }
  }

  @Test
  void aVisitIsPaidWhenTheCriticalCareOrTheVisitCarries25() {
    assertEquals(List.of(), found("99291-25", "99285"));
    assertEquals(List.of(), found("99291", "99292-25", "99214", "99233"));
    assertEquals(List.of(), found("99285-25", "99291"));
    // 25 on one visit lets that visit be paid, not the others.
    List<EditFinding> found = scrub("99291", "99285-25", "99223");
    assertEquals(List.of(2), found.stream().map(EditFinding::line).toList());
    // Another practitioner's visit, another day's, and visits of other kinds are left alone.
    assertEquals(List.of(), found("99291 by 1234567893", "99214 by 1000000004"));
    assertEquals(List.of(), found("99291 on 2025-06-02", "99214 on 2025-06-03"));
    assertEquals(List.of(), found("99291", "99238", "99309", "99350", "99497", "G0438"));
  }

  @Test
  void aVisitAnotherEditDeniesIsNotDeniedAgainNorDoesADenied25Count() {
    ClaimEdit gz = FIRST_LINE_DENIED;
    Claim visitDenied = Claim.of(List.of(BilledLine.parse("99214"), BilledLine.parse("99291")));
    assertEquals(
        List.of("payer-gz"),
        ClaimScrubber.of(gz, CriticalCareEdit.standard()).scrub(visitDenied, CONTEXT).stream()
            .map(EditFinding::edit)
            .toList());
    // The 25 of a critical care line that is not paid says nothing of the paid one's day.
    Claim careDenied =
        Claim.of(
            List.of(
                BilledLine.parse("99292-25"),
                BilledLine.parse("99291"),
                BilledLine.parse("99214")));
    List<EditFinding> found =
        ClaimScrubber.of(gz, CriticalCareEdit.standard()).scrub(careDenied, CONTEXT);
    assertEquals(
        List.of("payer-gz", "critical-care"), found.stream().map(EditFinding::edit).toList());
    assertEquals(2, found.get(1).line());
    // Nor is a denied 99291 the day's one: the next is paid.
    Claim firstDenied = Claim.of(List.of(BilledLine.parse("99291"), BilledLine.parse("99291 x2")));
    List<EditFinding> units =
        ClaimScrubber.of(gz, CriticalCareEdit.standard()).scrub(firstDenied, CONTEXT);
    assertEquals(
        List.of("payer-gz", "critical-care"), units.stream().map(EditFinding::edit).toList());
    assertEquals(EditAction.DENY_UNITS, units.get(1).action());
    assertEquals(1, units.get(1).deniedUnits());
  }

  /**
   * Which 99291 of the day is paid does not depend on the order of the lines: the day's 99291 lines
   * share one fee, and Medicare pays the lower of the charge and the fee, so the one kept is the
   * one whose charge per unit is higher (a line without a charge is not capped); of two alike, the
   * one whose billed form sorts first. It was the first line billed, so that {@code 99291 $100.00}
   * + {@code 99291 $600.00} paid 100.00 and the same lines the other way round the whole fee.
   */
  @Test
  void theDays99291PaidIsTheOnePaidMoreWhateverTheOrderOfTheLines() {
    for (List<String> lines :
        List.of(
            List.of("99291 $100.00", "99291 $600.00"), List.of("99291 $600.00", "99291 $100.00"))) {
      List<EditFinding> found = scrub(lines.toArray(new String[0]));
      assertEquals(1, found.size(), found::toString);
      assertEquals(lines.indexOf("99291 $100.00"), found.get(0).line(), lines::toString);
      assertEquals(EditAction.DENY_LINE, found.get(0).action());
      assertEquals(
          Integer.toString(lines.indexOf("99291 $600.00") + 1),
          found.get(0).data().get("criticalCareLine"));
    }
    // A line without a charge is not capped; per unit, 99291 x2 $600.00 is billed 300.00 a unit.
    assertEquals(0, scrub("99291 $900.00", "99291").get(0).line());
    assertEquals(0, scrub("99291 x2 $600.00", "99291 $400.00").get(0).line());
    assertEquals(1, scrub("99291 $400.00", "99291 x2 $600.00").get(0).line());
    // Alike: the billed form that sorts first is kept, whichever line comes first.
    assertEquals(0, scrub("99291-25", "99291").get(0).line());
    assertEquals(1, scrub("99291", "99291-25").get(0).line());
  }

  @Test
  void the99291OfADayIsPaidOnceItsFurtherTimeIs99292() {
    List<EditFinding> units = scrub("99291 x3", "99292 x2");
    assertEquals(1, units.size(), units.toString());
    assertEquals(EditAction.DENY_UNITS, units.get(0).action());
    assertEquals(2, units.get(0).deniedUnits());
    assertEquals(UnpricedReason.EDIT_DENIED, units.get(0).reason());
    assertEquals(
        "critical-care line 1 DENY_UNITS: 99291, the first 30 to 74 minutes of critical care, is"
            + " billed once a day by one practitioner, whatever the sessions; each further 30"
            + " minutes is 99292 (Claims Processing Manual ch. 12 §30.6.12)",
        units.get(0).toString());
    // A second line is denied whole, naming the first; its 25 still says the visit came first.
    List<EditFinding> lines = scrub("99292", "99291", "99291-25", "99285");
    assertEquals(1, lines.size(), lines.toString());
    assertEquals(2, lines.get(0).line());
    assertEquals(EditAction.DENY_LINE, lines.get(0).action());
    assertEquals(Map.of("criticalCare", "99291", "criticalCareLine", "2"), lines.get(0).data());
    assertTrue(lines.get(0).message().contains(" is a second 99291 of the day: "), lines::toString);
    // Two practitioners, or two days, each bill their own.
    assertEquals(List.of(), found("99291 by 1234567893", "99291 by 1000000004"));
    assertEquals(List.of(), found("99291 on 2025-06-02", "99291 on 2025-06-03"));
  }

  @Test
  void theVisitsPaidBesideCriticalCareOnlyWith25() {
    for (String code :
        List.of(
            "99201", "99202", "99205", "99211", "99215", "99221", "99223", "99231", "99233",
            "99234", "99236", "99281", "99285")) {
      assertTrue(CriticalCareEdit.isVisitBesideCriticalCare(ProcedureCode.parse(code)), code);
    }
    for (String code :
        List.of(
            "99200", "99206", "99210", "99216", "99224", "99230", "99237", "99238", "99239",
            "99280", "99286", "99291", "99304", "99310", "99341", "G0438", "G2211")) {
      assertFalse(CriticalCareEdit.isVisitBesideCriticalCare(ProcedureCode.parse(code)), code);
    }
  }

  @Test
  void aChestXRayIsIncludedByItsInterpretation() {
    assertTrue(CriticalCareEdit.isIncludedInCriticalCare(ClaimLine.parse("71046-26")));
    assertTrue(CriticalCareEdit.isIncludedInCriticalCare(ClaimLine.parse("71045")));
    assertFalse(CriticalCareEdit.isIncludedInCriticalCare(ClaimLine.parse("71046-TC")));
    assertFalse(CriticalCareEdit.isIncludedInCriticalCare(ClaimLine.parse("92950")));
    assertTrue(CriticalCareEdit.isCriticalCare(ProcedureCode.parse("99292")));
    assertFalse(CriticalCareEdit.isCriticalCare(ProcedureCode.parse("99213")));
    assertEquals(18, CriticalCareEdit.BUNDLED.size());
  }

  @Test
  void aVisitBesideTwo99292LinesNamesTheSameOneInAnyOrder() {
    // Without a 99291, the 99292 named was the first billed, so the message followed the order.
    // It is the one the day's 99291 would be chosen by: a higher charge per unit, none highest.
    List<EditFinding> one = scrub("99292 $1.00", "99204", "99292");
    List<EditFinding> other = scrub("99292", "99204", "99292 $1.00");
    assertEquals("3", one.get(0).data().get("criticalCareLine"), one.toString());
    assertEquals("1", other.get(0).data().get("criticalCareLine"), other.toString());
  }

  /** A payer's edit that denies every 99291 line, as a GZ on each would. */
  private static final ClaimEdit EVERY_FIRST_HOUR_DENIED =
      new ClaimEdit() {
        @Override
        public String name() {
          return "payer-gz";
        }

        @Override
        public List<EditFinding> check(Claim claim, PricingContext context) {
          List<EditFinding> found = new ArrayList<>();
          for (int i = 0; i < claim.size(); i++) {
            if (claim.line(i).line().code().toString().equals("99291")) {
              found.add(EditFinding.denyLine("payer-gz", i, 1, "not paid"));
            }
          }
          return found;
        }
      };

  @Test
  void a99292BesideSeveralDenied99291LinesNamesTheSameOneInAnyOrder() {
    // The 99291 named was the first billed, so the message followed the order of the lines.
    ClaimScrubber scrubber = ClaimScrubber.of(EVERY_FIRST_HOUR_DENIED, CriticalCareEdit.standard());
    List<EditFinding> one =
        scrubber.scrub(
            Claim.of(
                List.of(
                    BilledLine.parse("99291 $1.00"),
                    BilledLine.parse("99292"),
                    BilledLine.parse("99291"))),
            CONTEXT);
    List<EditFinding> other =
        scrubber.scrub(
            Claim.of(
                List.of(
                    BilledLine.parse("99291"),
                    BilledLine.parse("99292"),
                    BilledLine.parse("99291 $1.00"))),
            CONTEXT);
    EditFinding added =
        one.stream()
            .filter(f -> f.line() == 1 && f.edit().equals(CriticalCareEdit.NAME))
            .findFirst()
            .orElseThrow();
    EditFinding added2 =
        other.stream()
            .filter(f -> f.line() == 1 && f.edit().equals(CriticalCareEdit.NAME))
            .findFirst()
            .orElseThrow();
    assertEquals("3", added.data().get("criticalCareLine"), one.toString());
    assertEquals("1", added2.data().get("criticalCareLine"), other.toString());
  }

  @Test
  void aClaimWithoutCriticalCareAllocatesNoFindings() {
    Claim claim = Claim.of(List.of(BilledLine.parse("43752"), BilledLine.parse("99213")));
    assertSame(List.of(), CriticalCareEdit.standard().check(claim, CONTEXT));
  }
}
