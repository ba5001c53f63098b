package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The visits of one provider's day that Medicare pays only one of (Claims Processing Manual ch. 12
 * §30.6.5, §30.6.7.B, §30.6.9, §30.6.9.1, §30.6.9.1.A, §30.6.9.2), and the new-patient visit of a
 * patient the provider has seen (§30.6.7.A). On {@link ClaimTables} with visit rows of made-up RVUs
 * (GPCIs 1, factor 25): 99212 50.00, 99213 100.00, 99214 120.00, 99203 110.00, 99204 160.00, 99231
 * 50.00, 99232 75.00, 99233 100.00, 99238 80.00, 99284 120.00, 99221 110.00, 99223 160.00, 99309
 * 90.00, 92004 100.00; 20610 (global 000) 100.00.
 */
class SameDayVisitsTest {

  // Two named providers: a line naming none beside one named NPI would be that NPI's.
  private static final String PROVIDER = " by 1234567893";

  private static final String OTHER_PROVIDER = " by 1000000004";

  private static List<RvuEntry> rows(String amount99214) {
    List<RvuEntry> rows = new ArrayList<>(ClaimTables.rows());
    rows.add(ClaimTables.row("99212", "1.20", "0.80", "0.00").build()); // 50.00
    rows.add(ClaimTables.row("99214", amount99214, "2.00", "0.40").build());
    rows.add(ClaimTables.row("99203", "2.40", "1.60", "0.40").build()); // 110.00
    rows.add(ClaimTables.row("99204", "3.60", "2.40", "0.40").build()); // 160.00
    rows.add(ClaimTables.row("99231", "1.20", "0.80", "0.00").build()); // 50.00
    rows.add(ClaimTables.row("99232", "1.60", "1.20", "0.20").build()); // 75.00
    rows.add(ClaimTables.row("99233", "2.00", "1.60", "0.40").build()); // 100.00
    rows.add(ClaimTables.row("99221", "2.40", "1.60", "0.40").build()); // 110.00
    rows.add(ClaimTables.row("99238", "1.60", "1.40", "0.20").build()); // 80.00
    rows.add(ClaimTables.row("99284", "2.80", "1.60", "0.40").build()); // 120.00
    rows.add(ClaimTables.row("99223", "4.00", "2.00", "0.40").build()); // 160.00
    rows.add(ClaimTables.row("99309", "2.00", "1.20", "0.40").build()); // 90.00
    rows.add(ClaimTables.row("92004", "2.00", "1.60", "0.40").build()); // 100.00
    return rows;
  }

  /** The schedule, 99214 at 120.00. */
  private static final MedicareFeeSchedule SCHEDULE =
      ClaimTables.scheduleBuilder().rvus(RvuTable.of(rows("2.40"))).build();

  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(SCHEDULE);

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

  private static void assertDenied(PricedLine visit, String message) {
    assertFalse(visit.isPriced(), visit.toString());
    assertEquals(UnpricedReason.EDIT_DENIED, visit.reason().orElseThrow(), visit.toString());
    assertEquals(SameDayVisitsEdit.NAME, visit.refusedBy().orElseThrow(), visit.toString());
    assertEquals(message, visit.detail());
  }

  @Test
  void ofTwoOfficeVisitsOnlyTheOnePaidMoreIsPaid() {
    // Were both paid in full: 100.00 + 120.00.
    PricedClaim claim = price("99213", "99214");
    assertAmounts(claim, "120.00", null, "120.00");
    assertDenied(
        claim.line(0),
        "99213 beside 99214 (line 2) on the same day, the same provider's office visit paid more:"
            + " bill one visit whose level represents both, or add 25 if this visit was for an"
            + " unrelated problem that could not be seen to at the same encounter (Claims"
            + " Processing Manual ch. 12 §30.6.5, §30.6.7.B)");
    // Whichever is billed first.
    assertAmounts(price("99214", "99213"), "120.00", "120.00", null);
    // Three visits: the two paid less are denied, each naming the one paid.
    PricedClaim three = price("99212", "99213", "99214");
    assertAmounts(three, "120.00", null, null, "120.00");
    assertTrue(three.line(0).detail().startsWith("99212 beside 99214 (line 3)"));
    // Paid alike: the same one is paid whatever the order of the lines (its billed text sorts
    // first).
    assertAmounts(price("99213", "99213"), "100.00", "100.00", null);
    assertAmounts(price("99213 $150.00", "99213 $100.00"), "100.00", null, "100.00");
    assertAmounts(price("99213 $100.00", "99213 $150.00"), "100.00", "100.00", null);
    // What a visit is paid is the lower of its fee and its billed charge.
    assertAmounts(price("99214 $90.00", "99213"), "100.00", null, "100.00");
  }

  @Test
  void modifier25MarksAVisitForAnUnrelatedProblem() {
    assertAmounts(price("99213-25", "99214"), "220.00", "100.00", "120.00");
    assertAmounts(price("99214-25", "99213"), "220.00", "120.00", "100.00");
    // Of the visits without 25 only one is paid.
    assertAmounts(price("99212-25", "99213", "99214"), "170.00", "50.00", null, "120.00");
    // 59 and the X modifiers are not used on visits: they do not separate one.
    assertAmounts(price("99213-59", "99214"), "120.00", null, "120.00");
    assertAmounts(price("99213-XU", "99214"), "120.00", null, "120.00");
  }

  @Test
  void aVisitAnotherEditDeniesIsNeitherKeptNorHoldsAnother() {
    // GZ denies 99214 (liability-modifiers): 99213 is the day's paid visit. Once, 99213 was
    // denied beside the 99214 that was not paid either, and the claim paid 0.00.
    assertAmounts(price("99214-GZ", "99213"), "100.00", null, "100.00");
    // An admission that is not paid holds no other visit.
    assertAmounts(price("99223-GZ", "99214"), "120.00", null, "120.00");
  }

  @Test
  void theRulesAreOneProvidersOnOneDay() {
    assertAmounts(
        price("99213" + PROVIDER, "99214" + OTHER_PROVIDER), "220.00", "100.00", "120.00");
    assertAmounts(price("99213", "99214 on 2025-06-03"), "220.00", "100.00", "120.00");
    assertAmounts(price("99232" + PROVIDER, "99238" + OTHER_PROVIDER), "155.00", "75.00", "80.00");
    assertAmounts(price("99284", "99223 on 2025-06-03"), "280.00", "120.00", "160.00");
  }

  @Test
  void aHospitalVisitBesideTheDischargeIsNotPaid() {
    // Were both paid in full: 75.00 + 80.00.
    PricedClaim claim = price("99232", "99238");
    assertAmounts(claim, "80.00", null, "80.00");
    assertDenied(
        claim.line(0),
        "99232 beside 99238 (line 2) on the same day, the same provider's hospital discharge:"
            + " only the discharge is paid (Claims Processing Manual ch. 12 §30.6.9.2)");
    // No modifier passes it.
    assertAmounts(price("99238", "99232-25"), "80.00", "80.00", null);
  }

  @Test
  void ofTwoHospitalVisitsOnlyOneIsPaid() {
    // Were both paid in full: 75.00 + 100.00.
    PricedClaim claim = price("99232", "99233");
    assertAmounts(claim, "100.00", null, "100.00");
    assertDenied(
        claim.line(0),
        "99232 beside 99233 (line 2) on the same day, the same provider's hospital visit paid more:"
            + " hospital care is paid once a day, whatever the problems seen, so bill one visit"
            + " whose level represents the day's care (Claims Processing Manual ch. 12 §30.6.9)");
    // Whichever is billed first, and whatever the modifiers: 25 does not separate hospital care.
    assertAmounts(price("99233", "99232-25"), "100.00", "100.00", null);
    assertAmounts(price("99231", "99232", "99233-25"), "100.00", null, null, "100.00");
    // Paid alike: the one whose billed text sorts first, whatever the order of the lines.
    assertAmounts(price("99232 $90.00", "99232 $80.00"), "75.00", null, "75.00");
    assertAmounts(price("99232 $80.00", "99232 $90.00"), "75.00", "75.00", null);
    // What a visit is paid is the lower of its fee and its billed charge.
    assertAmounts(price("99233 $60.00", "99232"), "75.00", null, "75.00");
  }

  @Test
  void aVisitKeptIsPaidOneUnitAndRankedByOne() {
    // 99213 x2 ranked by its 200.00 and was kept over 99214 (120.00), and 99232 x2 alone was
    // paid 150.00, though hospital care is paid once a day.
    PricedClaim office = price("99213 x2", "99214");
    assertAmounts(office, "120.00", null, "120.00");
    assertAmounts(price("99232 x2"), "75.00", "75.00");
    PricedClaim hospital = price("99232 x2");
    assertTrue(
        hospital.line(0).warnings().stream()
            .anyMatch(
                w ->
                    w.message()
                        .contains(
                            "99232 is paid one unit a day: hospital care is paid once a day,"
                                + " whatever the problems seen (Claims Processing Manual ch. 12"
                                + " §30.6.9)")),
        hospital.toString());
    assertAmounts(price("99238 x2"), "80.00", "80.00");
    assertAmounts(price("99213 x3"), "100.00", "100.00");
    // 25 says the office visits were for unrelated problems: both units paid, as two lines with
    // 25 are; another provider's unit is theirs; the charge is shared among the units.
    assertAmounts(price("99213-25 x2"), "200.00", "200.00");
    assertAmounts(price("99213 x2 $180.00", "99214 $95.00"), "95.00", null, "95.00");
    assertAmounts(price("99213 x2 $240.00", "99214 $95.00"), "100.00", "100.00", null);
  }

  @Test
  void ofTwoDischargesOfTheDayOnlyOneIsPaid() {
    // "Only one hospital discharge day management service is payable per patient per hospital
    // stay" (§30.6.9.2): 99238 + 99239 were both paid, 80.00 + 100.00.
    List<RvuEntry> rows = rows("2.40");
    rows.add(ClaimTables.row("99239", "2.00", "1.60", "0.40").build()); // 100.00
    MedicareClaimPricer pricer =
        MedicareClaimPricer.of(ClaimTables.scheduleBuilder().rvus(RvuTable.of(rows)).build());
    PricedClaim claim = pricer.price(claim("99238", "99239"), CONTEXT);
    assertAmounts(claim, "100.00", null, "100.00");
    assertDenied(
        claim.line(0),
        "99238 beside 99239 (line 2) on the same day, the same provider's hospital discharge paid"
            + " more: one discharge day management is paid a hospital stay (Claims Processing"
            + " Manual ch. 12 §30.6.9.2)");
    // Whichever comes first; and the discharge kept is the one that holds the day's visit.
    assertAmounts(pricer.price(claim("99239", "99238"), CONTEXT), "100.00", "100.00", null);
    PricedClaim three = pricer.price(claim("99238", "99232", "99239"), CONTEXT);
    assertAmounts(three, "100.00", null, null, "100.00");
    assertTrue(three.line(1).detail().startsWith("99232 beside 99239 (line 3)"), three.toString());
    // Another provider's discharge is theirs.
    assertAmounts(
        pricer.price(claim("99238" + PROVIDER, "99239" + OTHER_PROVIDER), CONTEXT),
        "180.00",
        "80.00",
        "100.00");
  }

  @Test
  void aDischargeOnTheDayOfTheAdmissionIsNotPaid() {
    // Were both paid in full: 160.00 + 80.00.
    PricedClaim claim = price("99238", "99223");
    assertAmounts(claim, "160.00", null, "160.00");
    assertDenied(
        claim.line(0),
        "99238 beside 99223 (line 2) on the same day, the same provider's initial hospital care: a"
            + " patient admitted and discharged on one date is billed the initial hospital care"
            + " alone (a stay under 8 hours) or a same-day admission and discharge code"
            + " (99234-99236), not a discharge beside it (Claims Processing Manual ch. 12"
            + " §30.6.9.1)");
    assertAmounts(price("99223", "99238-25"), "160.00", "160.00", null);
    // The admission, not the denied discharge, holds the day's subsequent visit.
    PricedClaim three = price("99223", "99238", "99232");
    assertAmounts(three, "160.00", "160.00", null, null);
    assertTrue(three.line(2).detail().startsWith("99232 beside 99223 (line 1)"), three.toString());
    assertTrue(three.line(2).detail().endsWith("§30.6.9)"), three.toString());
    // A discharge the schedule does not price (99239 has no row here) keeps its own refusal; one
    // on a later date is paid.
    assertEquals(UnpricedReason.NOT_IN_SCHEDULE, price("99223", "99239").line(1).reason().get());
    assertAmounts(price("99223", "99238 on 2025-06-03"), "240.00", "160.00", "80.00");
    // An admission another edit denies (GZ) holds no discharge.
    assertAmounts(price("99223-GZ", "99238"), "80.00", null, "80.00");
  }

  @Test
  void theInitialHospitalCareHoldsTheDaysOtherHospitalVisits() {
    // Were both paid in full: 160.00 + 100.00.
    PricedClaim claim = price("99233", "99223");
    assertAmounts(claim, "160.00", null, "160.00");
    assertDenied(
        claim.line(0),
        "99233 beside 99223 (line 2) on the same day, the same provider's initial hospital care:"
            + " hospital care is paid once a day, whatever the problems seen, and the admission's"
            + " level represents the day's care (Claims Processing Manual ch. 12 §30.6.9)");
    assertAmounts(price("99221", "99233-25", "99232"), "110.00", "110.00", null, null);
    // The admission is kept even where a subsequent visit is paid more (99221 billed at 90.00,
    // under its fee, beside 99233 at 100.00).
    PricedClaim cheaperAdmission = price("99221 $90.00", "99233");
    assertTrue(cheaperAdmission.line(0).isPriced(), cheaperAdmission.toString());
    assertFalse(cheaperAdmission.line(1).isPriced(), cheaperAdmission.toString());
    // Of two admissions, the one paid more is the day's, and the office visit is part of it.
    PricedClaim two = price("99221", "99213", "99223");
    assertAmounts(two, "160.00", null, null, "160.00");
    assertTrue(two.line(0).detail().startsWith("99221 beside 99223 (line 3)"), two.toString());
    assertTrue(two.line(1).detail().startsWith("99213 beside 99223 (line 3)"), two.toString());
    // An admission the schedule does not price (99222) holds nothing; one another edit denies
    // (GZ) neither.
    assertAmounts(price("99222", "99232"), "75.00", null, "75.00");
    assertEquals(UnpricedReason.NOT_IN_SCHEDULE, price("99222", "99232").line(0).reason().get());
    assertAmounts(price("99223-GZ", "99232"), "75.00", null, "75.00");
    // Beside a discharge, every subsequent visit of its day is the discharge's to deny.
    PricedClaim discharge = price("99232", "99238", "99233");
    assertAmounts(discharge, "80.00", null, "80.00", null);
    assertTrue(discharge.line(2).detail().contains("§30.6.9.2"), discharge.toString());
    // Another provider's or another day's hospital visits are their own.
    assertAmounts(price("99232" + PROVIDER, "99233" + OTHER_PROVIDER), "175.00", "75.00", "100.00");
    assertAmounts(price("99232", "99233 on 2025-06-03"), "175.00", "75.00", "100.00");
    assertAmounts(price("99223", "99232 on 2025-06-03"), "235.00", "160.00", "75.00");
  }

  @Test
  void anEmergencyOrOfficeVisitOnTheDayOfTheAdmissionIsPartOfIt() {
    // Were both paid in full: 120.00 + 160.00.
    PricedClaim claim = price("99284", "99223");
    assertAmounts(claim, "160.00", null, "160.00");
    assertDenied(
        claim.line(0),
        "99284 beside 99223 (line 2) on the same day, the same provider's initial hospital"
            + " care, is part of it: the admission is paid, and the work of the other site counts"
            + " toward its level (Claims Processing Manual ch. 12 §30.6.9.1.A)");
    assertAmounts(price("99223", "99213-25"), "160.00", "160.00", null);
    // A nursing facility visit too (the patient admitted from the nursing facility), but not
    // beside a subsequent hospital visit.
    PricedClaim fromNursingFacility = price("99309", "99223");
    assertAmounts(fromNursingFacility, "160.00", null, "160.00");
    assertTrue(
        fromNursingFacility.line(0).detail().startsWith("99309 beside 99223 (line 2)"),
        fromNursingFacility.toString());
    assertAmounts(price("99309", "99232"), "165.00", "90.00", "75.00");
    // An admission the schedule does not price (99222 has no row here) holds nothing.
    assertAmounts(price("99284", "99222"), "120.00", "120.00", null);
    assertEquals(UnpricedReason.NOT_IN_SCHEDULE, price("99284", "99222").line(1).reason().get());
    // Office visits the admission holds are not also ranked against each other.
    PricedClaim two = price("99213", "99214", "99223");
    assertAmounts(two, "160.00", null, null, "160.00");
    assertTrue(two.line(0).detail().startsWith("99213 beside 99223 (line 3)"), two.toString());
    assertTrue(two.line(1).detail().startsWith("99214 beside 99223 (line 3)"), two.toString());
  }

  @Test
  void scrubbingGivesTheOtherLineAndTheSection() {
    List<EditFinding> findings = PRICER.scrub(claim("99213", "99214"), CONTEXT);
    assertEquals(1, findings.size(), findings.toString());
    EditFinding finding = findings.get(0);
    assertEquals(SameDayVisitsEdit.NAME, finding.edit());
    assertEquals(0, finding.line());
    assertEquals(EditAction.DENY_LINE, finding.action());
    assertEquals(
        Map.of("otherCode", "99214", "otherLine", "2", "section", "ch. 12 §30.6.5, §30.6.7.B"),
        finding.data());
    assertEquals(List.of(), SameDayVisitsEdit.of(SCHEDULE).check(claim("99213"), CONTEXT));
    assertEquals(List.of(), SameDayVisitsEdit.of(SCHEDULE).check(claim("99213", "20610"), CONTEXT));
  }

  @Test
  void theEditCanBeRemovedAndFollowsTheSchedule() {
    MedicareClaimPricer without = PRICER.toBuilder().removeEdit(SameDayVisitsEdit.NAME).build();
    assertAmounts(without.price(claim("99213", "99214"), CONTEXT), "220.00", "100.00", "120.00");
    // Another schedule, where 99214 is paid 60.00, less than 99213: its amounts rank the visits.
    MedicareFeeSchedule cheaper =
        ClaimTables.scheduleBuilder().rvus(RvuTable.of(rows("0.00"))).build();
    MedicareClaimPricer replaced = PRICER.toBuilder().schedule(cheaper).build();
    assertAmounts(replaced.price(claim("99213", "99214"), CONTEXT), "100.00", "100.00", null);
    ClaimEdit edit =
        replaced.edits().stream()
            .filter(e -> e.name().equals(SameDayVisitsEdit.NAME))
            .findFirst()
            .orElseThrow();
    assertEquals(cheaper, ((SameDayVisitsEdit) edit).schedule());
  }

  private static void assertFlagged(PricedLine visit, String message) {
    assertTrue(visit.isPriced(), visit.toString());
    assertEquals(
        List.of(ClaimWarning.of(ClaimWarning.Kind.EDIT_FLAG, NewPatientVisitEdit.NAME, message)),
        visit.warnings(),
        visit.toString());
  }

  @Test
  void aNewPatientVisitAfterAnotherVisitOfTheProviderIsFlagged() {
    // The amounts are unchanged (both were paid without a word).
    PricedClaim claim = price("99213", "99203 on 2025-06-09");
    assertAmounts(claim, "210.00", "100.00", "110.00");
    assertFlagged(
        claim.line(1),
        "99203 is a new patient's visit, but the same provider billed 99213 (line 1) on"
            + " 2025-06-02: a patient seen by the physician, or by one of the same specialty in"
            + " the same group, within 3 years is established; bill the established patient's"
            + " visit (Claims Processing Manual ch. 12 §30.6.7.A)");
    // Two new-patient visits of one day, both paid (25): the second is flagged.
    PricedClaim twoNew = price("99203-25", "99204");
    assertAmounts(twoNew, "270.00", "110.00", "160.00");
    assertTrue(
        twoNew
            .line(1)
            .warnings()
            .get(0)
            .message()
            .startsWith(
                "99204 is a new patient's visit, but the same provider billed 99203 (line 1) on the"
                    + " same day"),
        twoNew.toString());
    // Without 25 the visit paid less is denied, and a denied visit makes no patient established:
    // once, 99204 was flagged when billed after 99203 and not when billed before it.
    for (PricedClaim oneVisit : List.of(price("99203", "99204"), price("99204", "99203"))) {
      assertAmounts(
          oneVisit,
          "160.00",
          oneVisit.line(0).isPriced() ? "160.00" : null,
          oneVisit.line(1).isPriced() ? "160.00" : null);
      for (int i = 0; i < 2; i++) {
        assertTrue(
            oneVisit.line(i).warnings().stream()
                .noneMatch(w -> w.message().contains("new patient's visit")),
            oneVisit.toString());
      }
    }
    // Any visit makes the patient established: a hospital visit, an eye exam before 92004.
    assertEquals(
        1, price("99232 on 2025-06-01", "99203").line(1).warnings().size(), "hospital visit");
    assertEquals(1, price("92004", "92004 on 2025-06-05").line(1).warnings().size());
  }

  @Test
  void aNewPatientVisitFirstOrOfAnotherProviderIsNotFlagged() {
    assertTrue(price("99203", "99213 on 2025-06-09").line(0).warnings().isEmpty());
    assertTrue(
        price("99213" + PROVIDER, "99203 on 2025-06-09" + OTHER_PROVIDER)
            .line(1)
            .warnings()
            .isEmpty());
    // Claim order on different dates is not the order of the visits.
    PricedClaim reversed = price("99213 on 2025-06-09", "99203");
    assertTrue(reversed.line(1).warnings().isEmpty(), reversed.toString());
    // 3 years make the patient new again; the scrub needs no conversion factor of those dates.
    assertEquals(
        List.of(),
        NewPatientVisitEdit.standard()
            .check(claim("99213 on 2022-06-01", "99203 on 2025-06-02"), CONTEXT));
    List<EditFinding> within =
        NewPatientVisitEdit.standard()
            .check(claim("99203 on 2025-06-02", "99213 on 2022-06-02"), CONTEXT);
    assertEquals(1, within.size(), within.toString());
    assertEquals(0, within.get(0).line());
    assertEquals(EditAction.FLAG, within.get(0).action());
    assertEquals(
        Map.of(
            "earlierCode", "99213",
            "earlierLine", "2",
            "earlierDate", "2022-06-02",
            "section", "ch. 12 §30.6.7.A"),
        within.get(0).data());
  }
}
