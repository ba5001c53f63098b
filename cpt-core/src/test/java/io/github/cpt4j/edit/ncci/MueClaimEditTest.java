package io.github.cpt4j.edit.ncci;

import static io.github.cpt4j.edit.ncci.NcciFixtures.claim;
import static io.github.cpt4j.edit.ncci.NcciFixtures.mue;
import static io.github.cpt4j.edit.ncci.NcciFixtures.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.fee.UnpricedReason;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MueClaimEditTest {

  private static final MueClaimEdit EDIT =
      MueClaimEdit.of(
          MueTable.builder()
              .add(mue("97110", 4, '1')) // line edit
              .add(mue("J1100", 10, '2')) // policy, per date
              .add(mue("20610", 2, '3')) // clinical, per date
              .add(mue("0001U", 0, '2')) // none payable
              .build());

  private static final MueClaimEdit SURGERY =
      MueClaimEdit.of(
          MueTable.builder()
              .add(mue("27447", 1, '2')) // one knee replacement a day
              .add(mue("10060", 1, '1')) // a line edit
              .build());

  @Test
  void aPostoperativeCareLineIsOneServiceWhateverItsDays() {
    // Issue 11: the units of a 55 line are the days of postoperative care managed (45 of 90), not
    // 45 procedures; read as units, MAI 2 would deny every 55 line of a major surgery.
    assertSame(List.of(), SURGERY.check(claim("27447-55 x45"), on("2025-06-02")));
    assertSame(List.of(), SURGERY.check(claim("10060-55 x10"), on("2025-06-02")));
    // 54 and 55 on one line, or 55 with 54 on another line of one date, are still procedures.
    assertEquals(List.of(0), lines(SURGERY.check(claim("27447-54-55 x2"), on("2025-06-02"))));
    assertEquals(
        List.of(0, 1), lines(SURGERY.check(claim("27447-54", "27447-55 x45"), on("2025-06-02"))));
    assertEquals(List.of(0), lines(SURGERY.check(claim("10060 x2"), on("2025-06-02"))));
  }

  private static List<Integer> lines(List<EditFinding> found) {
    return found.stream().map(EditFinding::line).toList();
  }

  @Test
  void aDateOfServiceEditCountsEachRenderingProvidersUnitsApart() {
    // "Units of service billed by the same provider for the same beneficiary on the same date":
    // two surgeons of one group each replace a knee within their own MUE of 1.
    Claim twoSurgeons =
        Claim.of(
            BilledLine.parse("27447-RT by 1234567893"), BilledLine.parse("27447-LT by 2000000002"));
    assertSame(List.of(), SURGERY.check(twoSurgeons, on("2025-06-02")));
    Claim oneSurgeon =
        Claim.of(
            BilledLine.parse("27447-RT by 1234567893"),
            BilledLine.parse("27447-LT by 2000000002"),
            BilledLine.parse("27447 by 1234567893"));
    List<EditFinding> found = SURGERY.check(oneSurgeon, on("2025-06-02"));
    assertEquals(List.of(0, 2), lines(found));
    assertEquals("1,3", found.get(0).data().get("lines"));
    assertEquals("2", found.get(0).data().get("units"));
  }

  @Test
  void theUnitsOfALineNamingNoProviderAreTheOneNamedProvidersUnits() {
    // A line without a rendering provider is the billing provider's (CMS-1500 item 24J left
    // blank): beside lines of one NPI, that provider's. 2 units by him and 2 naming none are 4 of
    // his, over the MUE of 2 (MAI 3), denied as the same 4 units naming no one on either line are.
    // They passed, each 2 units of a different provider.
    MueClaimEdit edit = MueClaimEdit.of(MueTable.builder().add(mue("0009U", 2, '3')).build());
    Claim named =
        Claim.of(BilledLine.parse("0009U x2 by 1234567893"), BilledLine.parse("0009U x2"));
    List<EditFinding> found = edit.check(named, on("2025-06-02"));
    assertEquals(List.of(0, 1), lines(found));
    assertEquals("4", found.get(0).data().get("units"));
    assertEquals("1,2", found.get(0).data().get("lines"));
    assertEquals(found, edit.check(named, on("2025-06-02"), true)); // the long claim's tally
    assertEquals(List.of(0, 1), lines(edit.check(claim("0009U x2", "0009U x2"), on("2025-06-02"))));
    // Beside lines of two NPIs, whose the line is cannot be told: its units are counted apart.
    Claim two =
        Claim.of(
            BilledLine.parse("0009U x2 by 1234567893"),
            BilledLine.parse("0009U by 2000000002"),
            BilledLine.parse("0009U x2"));
    assertSame(List.of(), edit.check(two, on("2025-06-02")));
    assertSame(List.of(), edit.check(two, on("2025-06-02"), true));
  }

  @Test
  void onAHospitalClaimEveryLineOfTheDateCountsWhateverPhysicianItNames() {
    // The provider of an outpatient hospital (or DME supplier) claim is the hospital: two
    // physicians' 8 units of J1100 are 16 of the hospital's, over its MUE of 10.
    Claim twoPhysicians =
        Claim.of(
            BilledLine.parse("J1100 x8 by 1234567893"), BilledLine.parse("J1100 x8 by 2000000002"));
    assertSame(List.of(), EDIT.check(twoPhysicians, on("2025-06-02")));
    for (NcciClaimType type :
        List.of(NcciClaimType.OUTPATIENT_HOSPITAL, NcciClaimType.DME_SUPPLIER)) {
      MueClaimEdit hospital = MueClaimEdit.of(EDIT.table().withClaimType(type));
      List<EditFinding> found = hospital.check(twoPhysicians, on("2025-06-02"));
      assertEquals(List.of(0, 1), lines(found), type::toString);
      assertEquals("16", found.get(0).data().get("units"));
      assertEquals("1,2", found.get(0).data().get("lines"));
      // The long claim's one-pass tally agrees.
      assertEquals(found, hospital.check(twoPhysicians, on("2025-06-02"), true));
    }
    MueClaimEdit practitioner =
        MueClaimEdit.of(EDIT.table().withClaimType(NcciClaimType.PRACTITIONER));
    assertSame(List.of(), practitioner.check(twoPhysicians, on("2025-06-02")));
  }

  @Test
  void maiOneJudgesEachLineAlone() {
    assertSame(List.of(), EDIT.check(claim("97110 x4", "97110-59 x4"), on("2025-06-02")));
    List<EditFinding> found = EDIT.check(claim("97110 x5", "97110-59 x4"), on("2025-06-02"));
    assertEquals(List.of(0), lines(found));
    EditFinding finding = found.get(0);
    assertEquals(EditAction.DENY_LINE, finding.action());
    assertEquals(5, finding.deniedUnits());
    assertEquals(UnpricedReason.NCCI_MUE, finding.reason());
    assertEquals("1", finding.data().get("mai"));
    assertEquals("5", finding.data().get("units"));
    assertEquals(
        "97110: 5 units on 2025-06-02 (line 1) exceed the MUE of 4 (MAI 1, line edit; "
            + NcciFixtures.ANATOMY
            + "): the line is denied; if more units were furnished, bill them on separate lines"
            + " with an anatomic modifier, 59 or XE, XS, XP, XU, or 76, 77 or 91 (or appeal)",
        finding.message());
  }

  @Test
  void aLineEditNamesItsLineAndItsDateAsADateOfServiceEditDoes() {
    // A claim of several dates and several lines of the code: "5 units on the line" named
    // neither, where the MAI 2 and 3 findings say "J1100: 12 units on 2026-07-01 (line 3)".
    Claim claim =
        Claim.of(
            BilledLine.parse("97110 x4 on 2025-06-02"),
            BilledLine.parse("99213 on 2025-06-03"),
            BilledLine.parse("97110 x5 on 2025-06-03"));
    for (boolean tally : List.of(false, true)) {
      List<EditFinding> found = EDIT.check(claim, on("2025-06-02"), tally);
      assertEquals(List.of(2), lines(found));
      assertEquals(3, found.get(0).lineNumber());
      String message = found.get(0).message();
      assertTrue(
          message.startsWith(
              "97110: 5 units on 2025-06-03 (line 3) exceed the MUE of 4 (MAI 1, line edit"),
          message);
    }
    // One unit of a line edit (over an MUE of 0) reads in the singular, as a date of service
    // edit's does.
    MueClaimEdit zero = MueClaimEdit.of(MueTable.builder().add(mue("97110", 0, '1')).build());
    String message = zero.check(claim("99213", "97110"), on("2025-06-02")).get(0).message();
    assertTrue(message.startsWith("97110: 1 unit on 2025-06-02 (line 2) exceeds the MUE"), message);
  }

  @Test
  void oneUnitIsSaidInTheSingular() {
    String message = SURGERY.check(claim("27447", "27447"), on("2025-06-02")).get(0).message();
    assertTrue(message.startsWith("27447: 2 units on 2025-06-02"), message);
    message = EDIT.check(claim("0001U"), on("2025-06-02")).get(0).message();
    assertTrue(message.startsWith("0001U: 1 unit on 2025-06-02 (line 1) exceeds the MUE"), message);
    message = SURGERY.check(claim("27447", "27447"), on("2025-06-02")).get(0).message();
    assertTrue(message.contains("(lines 1,2) exceed the MUE"), message);
  }

  @Test
  void maiTwoAddsTheUnitsOfEveryLineOfTheCodeAndDeniesThemAll() {
    assertSame(List.of(), EDIT.check(claim("J1100 x6", "99213", "J1100 x4"), on("2025-06-02")));
    List<EditFinding> found = EDIT.check(claim("J1100 x6", "99213", "J1100 x5"), on("2025-06-02"));
    assertEquals(List.of(0, 2), lines(found));
    assertEquals(6, found.get(0).deniedUnits());
    assertEquals(5, found.get(1).deniedUnits());
    assertEquals("11", found.get(0).data().get("units"));
    assertEquals("1,3", found.get(0).data().get("lines"));
    assertEquals(
        "J1100: 11 units on 2025-06-02 (lines 1,3) exceed the MUE of 10 (MAI 2, date of service"
            + " edit: policy; "
            + NcciFixtures.ANATOMY
            + "): every line of J1100 on the date is denied; units above 10 are not payable by"
            + " policy, and an appeal is not expected to succeed",
        found.get(0).message());
  }

  @Test
  void bothSidesOnTwoLinesAreToldToBillFiftyOnOneLine() {
    // CMS sets the MUE of a procedure that may be done on both sides for its bilateral form
    // billed once, with 50 and 1 unit (MLN Matters SE1422): 27447-RT and 27447-LT are 2 units
    // over an MUE of 1 (MAI 2), denied, and rebilling 27447-50 is what gets the knees paid, not
    // "units above 1 are not payable".
    List<EditFinding> sides = SURGERY.check(claim("27447-RT", "27447-LT"), on("2025-06-02"));
    assertEquals(List.of(0, 1), lines(sides));
    String fix =
        ": every line of 27447 on the date is denied; if it was one procedure on both sides, bill"
            + " it on one line with 50 and 1 unit, the reporting the MUE of a bilateral procedure"
            + " counts on (MLN Matters SE1422); otherwise units above 1 are not payable by"
            + " policy, and an appeal is not expected to succeed";
    assertTrue(sides.get(0).message().endsWith(fix), sides.get(0).message());
    assertEquals(sides.get(0).message(), sides.get(1).message());
    // A 50 line of 2 units is the same mistake.
    List<EditFinding> twoUnits = SURGERY.check(claim("27447-50 x2"), on("2025-06-02"));
    assertTrue(twoUnits.get(0).message().endsWith(fix), twoUnits.get(0).message());
    // The long claim's tally says the same.
    assertEquals(sides, SURGERY.check(claim("27447-RT", "27447-LT"), on("2025-06-02"), true));
    // MAI 1: a 50 line of several units is told so before the separate lines.
    List<EditFinding> line = SURGERY.check(claim("10060-50 x2"), on("2025-06-02"));
    assertTrue(
        line.get(0)
            .message()
            .endsWith(
                ": the line is denied; a bilateral procedure with 50 is 1 unit (MLN Matters"
                    + " SE1422); if more units were furnished, bill them on separate lines with an"
                    + " anatomic modifier, 59 or XE, XS, XP, XU, or 76, 77 or 91 (or appeal)"),
        line.get(0).message());
    // One side twice, or two units without sides, is not both sides: no such advice.
    for (Claim other :
        List.of(claim("27447-RT", "27447-RT"), claim("27447 x2"), claim("27447-50", "27447"))) {
      List<EditFinding> found = SURGERY.check(other, on("2025-06-02"));
      assertEquals(other.size(), found.size(), other::toString);
      assertTrue(!found.get(0).message().contains("50"), found.get(0).message());
    }
    // DME suppliers bill each side of an item on its own line, without 50: no such advice there.
    MueClaimEdit supplier =
        MueClaimEdit.of(SURGERY.table().withClaimType(NcciClaimType.DME_SUPPLIER));
    List<EditFinding> items = supplier.check(claim("27447-RT", "27447-LT"), on("2025-06-02"));
    assertTrue(!items.get(0).message().contains("SE1422"), items.get(0).message());
  }

  @Test
  void maiThreeAddsUpTooAndSaysTheDenialIsAppealable() {
    assertSame(List.of(), EDIT.check(claim("20610-RT", "20610-LT"), on("2025-06-02")));
    List<EditFinding> found =
        EDIT.check(claim("20610-RT", "20610-LT", "20610-59"), on("2025-06-02"));
    assertEquals(List.of(0, 1, 2), lines(found));
    assertTrue(found.get(2).message().contains("appealable"), found.get(2).message());
    assertTrue(MueAdjudicationIndicator.DATE_OF_SERVICE_CLINICAL.appealable());
    // MAI 1 denials are rebilled or appealed (CMS FAQ 11354); MAI 2 cannot be overridden.
    assertTrue(MueAdjudicationIndicator.LINE.appealable());
    assertTrue(!MueAdjudicationIndicator.DATE_OF_SERVICE_POLICY.appealable());
  }

  @Test
  void aTableOfOneQuarterFlagsLinesOfAnotherRatherThanJudgeThem() {
    MueTable april = EDIT.table().withEffective(java.time.LocalDate.of(2025, 4, 1));
    assertEquals(java.util.Optional.of(java.time.LocalDate.of(2025, 6, 30)), april.lastDay());
    assertEquals("MueTable[4 codes, 2025-04-01 to 2025-06-30]", april.toString());
    assertTrue(april.inForceOn(java.time.LocalDate.of(2025, 4, 1)));
    assertTrue(!april.inForceOn(java.time.LocalDate.of(2025, 3, 31)));
    assertTrue(!april.inForceOn(java.time.LocalDate.of(2025, 7, 1)));
    MueClaimEdit edit = MueClaimEdit.of(april);
    // In its quarter: judged as before.
    assertEquals(
        EditAction.DENY_LINE, edit.check(claim("97110 x5"), on("2025-06-30")).get(0).action());
    // In the next quarter: flagged, not denied, whatever the units; 99213 too, which has no row in
    // this quarter's table but may have one in its date's.
    List<EditFinding> july = edit.check(claim("97110 x5", "99213", "97110"), on("2025-07-01"));
    assertEquals(List.of(0, 1, 2), lines(july));
    EditFinding flag = july.get(0);
    assertEquals(EditAction.FLAG, flag.action());
    assertEquals(0, flag.deniedUnits());
    // The MUE edit's reason, not EDIT_DENIED: nothing was denied, and a scrub labels it by reason.
    assertEquals(UnpricedReason.NCCI_MUE, flag.reason());
    assertEquals(
        "97110 (line 1) was not checked against its MUE: the table is in force from 2025-04-01 to"
            + " 2025-06-30, not on 2025-07-01; check it with the MUE file of that date's quarter",
        flag.message());
    // A table without a date judges every date, as before.
    assertTrue(EDIT.table().effective().isEmpty());
    assertTrue(EDIT.table().inForceOn(java.time.LocalDate.of(1999, 1, 1)));
  }

  /**
   * A table that has no row for a code says nothing of another quarter's: CMS gives a new code its
   * MUE in the quarter the code takes effect, so a line of the next quarter's new code passed in
   * silence beside flagged lines, as if checked. Every line outside the quarter is flagged.
   */
  @Test
  void aLineOutsideTheQuarterIsFlaggedThoughTheTableHasNoRowForItsCode() {
    MueClaimEdit april = MueClaimEdit.of(EDIT.table().withEffective(LocalDate.of(2025, 4, 1)));
    List<EditFinding> found = april.check(claim("0591T x9"), on("2025-07-01"));
    assertEquals(1, found.size(), found::toString);
    EditFinding flag = found.get(0);
    assertEquals(EditAction.FLAG, flag.action());
    assertEquals(0, flag.deniedUnits());
    assertEquals(UnpricedReason.NCCI_MUE, flag.reason());
    assertEquals(
        "0591T (line 1) was not checked against its MUE: the table is in force from 2025-04-01 to"
            + " 2025-06-30, not on 2025-07-01; check it with the MUE file of that date's quarter",
        flag.message());
    assertEquals("0591T", flag.data().get("code"));
    // Before the quarter too; in it, a code without a row passes as before.
    assertEquals(List.of(0), lines(april.check(claim("0591T"), on("2025-03-31"))));
    assertSame(List.of(), april.check(claim("0591T x9", "99213"), on("2025-06-30")));
  }

  @Test
  void theUnitsOfACodeOnADateAreAddedWithoutOverflow() {
    // A claim has no limit of lines: 21,476 lines of 99,999 units are 2,147,578,524 units, more
    // than an int holds. Wrapped to a negative sum, they passed any date of service edit.
    ClaimLine line = ClaimLine.of(NcciFixtures.code("J1100"), List.of(), ClaimLine.MAX_UNITS);
    int lines = 21_476;
    Claim.Builder builder = Claim.builder();
    for (int i = 0; i < lines; i++) {
      builder.add(line);
    }
    Claim claim = builder.build();
    LocalDate date = LocalDate.of(2025, 6, 2);
    assertEquals(
        (long) lines * ClaimLine.MAX_UNITS,
        MueClaimEdit.unitsOfCode(
            claim, 0, date, date, RenderingProviders.of(claim, on(date.toString()))));
  }

  @Test
  void aValueOfZeroDeniesAnyUnit() {
    assertEquals(List.of(0), lines(EDIT.check(claim("0001U"), on("2025-06-02"))));
  }

  @Test
  void codesWithoutAnEditPass() {
    assertSame(List.of(), EDIT.check(claim("99213 x9", "71046 x3"), on("2025-06-02")));
  }

  @Test
  void theTableHoldsOneEditPerCode() {
    MueTable table = EDIT.table();
    assertEquals(4, table.size());
    assertEquals(10, table.find(NcciFixtures.code("J1100")).orElseThrow().value());
    assertTrue(table.find(NcciFixtures.code("99213")).isEmpty());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MueTable.builder().add(mue("J1100", 1, '2')).add(mue("J1100", 2, '3')));
    assertTrue(e.getMessage().contains("J1100 is added twice"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> mue("J1100", -1, '2'));
    assertThrows(IllegalArgumentException.class, () -> MueAdjudicationIndicator.of('4'));
  }

  @Test
  void aNullCodeOrDateIsNamedRatherThanAnsweredOrTrippedOverInside() {
    MueTable undated = EDIT.table();
    NullPointerException code = assertThrows(NullPointerException.class, () -> undated.find(null));
    assertEquals("code", code.getMessage());
    // Undated, the table is in force on any date: a null one is still no date.
    NullPointerException date =
        assertThrows(NullPointerException.class, () -> undated.inForceOn(null));
    assertEquals("date", date.getMessage());
    MueTable dated = undated.withEffective(LocalDate.of(2026, 7, 1));
    date = assertThrows(NullPointerException.class, () -> dated.inForceOn(null));
    assertEquals("date", date.getMessage());
  }
}
