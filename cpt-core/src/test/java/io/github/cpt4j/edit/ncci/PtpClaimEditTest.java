package io.github.cpt4j.edit.ncci;

import static io.github.cpt4j.edit.ncci.NcciFixtures.claim;
import static io.github.cpt4j.edit.ncci.NcciFixtures.on;
import static io.github.cpt4j.edit.ncci.NcciFixtures.ptp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.modifier.Modifier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PtpClaimEditTest {

  /** 27447 over 20610, indicator 1; 29880 over 29877, indicator 0; withdrawn and deleted rows. */
  private static final PtpClaimEdit EDIT =
      PtpClaimEdit.of(
          PtpTable.builder()
              .add(ptp("27447", "20610", "2002-01-01", null, '1'))
              .add(ptp("29880", "29877", "2003-01-01", null, '0'))
              .add(ptp("0001A", "90473", "2022-01-01", "2022-01-01", '9'))
              .add(ptp("11042", "97597", "2020-01-01", "2020-01-01", '1')) // withdrawn
              .add(ptp("99213", "36415", "2015-04-01", "2023-12-31", '1')) // deleted
              .add(ptp("64483", "64484", "2024-07-01", null, '0'))
              .add(ptp("20610", "99213", "2010-01-01", null, '1'))
              .build());

  @Test
  void onAHospitalClaimTheLinesOfADateArePairedWhateverPhysicianEachNames() {
    Claim twoPhysicians =
        Claim.of(BilledLine.parse("27447 by 1234567893"), BilledLine.parse("20610 by 2000000002"));
    // A practitioner's edits pair one physician's lines only.
    assertSame(List.of(), EDIT.check(twoPhysicians, on("2025-06-02")));
    PtpClaimEdit hospital =
        PtpClaimEdit.of(EDIT.table().withClaimType(NcciClaimType.OUTPATIENT_HOSPITAL));
    List<EditFinding> found = hospital.check(twoPhysicians, on("2025-06-02"));
    assertEquals(1, found.size());
    assertEquals(1, found.get(0).line());
    // Lines of another date are still apart.
    Claim twoDates =
        Claim.of(
            BilledLine.parse("27447 on 2025-06-02 by 1234567893"),
            BilledLine.parse("20610 on 2025-06-03 by 2000000002"));
    assertSame(List.of(), hospital.check(twoDates, on("2025-06-02")));
  }

  @Test
  void aHospitalClinicVisitAndARetiredOfficeVisitAreVisitsThat25Separates() {
    PtpClaimEdit edit =
        PtpClaimEdit.of(
            PtpTable.builder()
                .add(ptp("11042", "G0463", "2014-01-01", null, '1'))
                .add(ptp("20610", "99201", "2010-01-01", null, '1'))
                .build()
                .withClaimType(NcciClaimType.OUTPATIENT_HOSPITAL));
    assertSame(List.of(), edit.check(claim("11042", "G0463-25"), on("2025-06-02")));
    List<EditFinding> without = edit.check(claim("11042", "G0463"), on("2025-06-02"));
    assertEquals(1, without.size());
    assertTrue(without.get(0).message().contains("25"), without.get(0).message());
    // 59 does not separate a visit.
    assertEquals(1, edit.check(claim("11042", "G0463-59"), on("2025-06-02")).size());
    assertSame(List.of(), edit.check(claim("20610", "99201-25"), on("2020-06-02")));
  }

  @Test
  void anEyeExamIsAVisitThat24And25And57SeparateAnd59DoesNot() {
    // NCCI's edits of July 2013 bundle the eye exams 92002-92014 into procedures and take 24, 25
    // and 57 on them as on E/M codes; 59 does not separate a visit.
    PtpClaimEdit edit =
        PtpClaimEdit.of(
            PtpTable.builder()
                .add(ptp("67028", "92014", "2013-07-01", null, '1'))
                .add(ptp("66984", "92012", "2013-07-01", null, '1'))
                .build());
    assertSame(List.of(), edit.check(claim("67028", "92014-25"), on("2025-06-02")));
    assertSame(List.of(), edit.check(claim("66984", "92012-57"), on("2025-06-02")));
    assertSame(List.of(), edit.check(claim("67028", "92014-24"), on("2025-06-02")));
    List<EditFinding> fiftyNine = edit.check(claim("67028", "92014-59"), on("2025-06-02"));
    assertEquals(1, fiftyNine.size());
    assertEquals(EditAction.DENY_LINE, fiftyNine.get(0).action());
    assertTrue(
        fiftyNine.get(0).message().contains(": add 25 to 92014 if the visit was a significant")
            && fiftyNine.get(0).message().endsWith("; 59 does not separate a visit"),
        fiftyNine.get(0).message());
    // 25 on the procedure is not the visit's modifier.
    assertEquals(1, edit.check(claim("67028-25", "92014"), on("2025-06-02")).size());
    // Passed by the procedure's RT alone: paid and flagged, as 99213 beside 20610-RT.
    List<EditFinding> passed = edit.check(claim("67028-RT", "92014"), on("2025-06-02"));
    assertEquals(1, passed.size());
    assertEquals(EditAction.FLAG, passed.get(0).action());
    assertEquals(1, passed.get(0).line());
    assertTrue(
        passed
            .get(0)
            .message()
            .contains(
                "92014 (line 2) passed the edit with 67028-RT (line 1) only by RT on line 1: a"
                    + " visit on the day of a procedure is separately payable with 25 on the visit"),
        passed.get(0).message());
  }

  @Test
  void indicatorZeroDeniesTheColumnTwoLineWhateverTheModifiers() {
    List<EditFinding> found = EDIT.check(claim("29880-RT", "29877-59-XU-RT"), on("2025-06-02"));
    assertEquals(1, found.size());
    EditFinding finding = found.get(0);
    assertEquals(1, finding.line());
    assertEquals(EditAction.DENY_LINE, finding.action());
    assertEquals(UnpricedReason.NCCI_PTP, finding.reason());
    assertEquals(PtpClaimEdit.NAME, finding.edit());
    assertEquals("0", finding.data().get("modifierIndicator"));
    assertTrue(
        finding.message().contains("no modifier bypasses this edit (59 does not)"),
        finding.message());
  }

  @Test
  void indicatorOneDeniesWithoutAModifierAndSaysWhatWouldFixIt() {
    List<EditFinding> found = EDIT.check(claim("27447", "20610 x2"), on("2025-06-02"));
    assertEquals(1, found.size());
    EditFinding finding = found.get(0);
    assertEquals(1, finding.line());
    assertEquals(2, finding.deniedUnits());
    assertEquals(
        Map.of(
            "kind", "PTP",
            "column1", "27447",
            "column2", "20610",
            "column1Line", "1",
            "modifierIndicator", "1",
            "effective", "2002-01-01",
            "deletion", "*",
            "rationale", NcciFixtures.DISTINCT),
        finding.data());
    assertEquals(
        "20610 (line 2) is column 2 of 27447 (line 1) on 2025-06-02, modifier indicator 1 ("
            + NcciFixtures.DISTINCT
            + "): add 59 or XU to 20610 if the services were distinct (or XE, XS, XP, an anatomic"
            + " modifier where it fits)",
        finding.message());
  }

  @Test
  void aProcedureDeniedWith25IsToldThat25DoesNotSeparateAProcedure() {
    // 25 is an E/M modifier: on a procedure it passes no edit (NCCI Policy Manual ch. I §E), as
    // 59 passes none on a visit; the visit's denial says so of 59, the procedure's said nothing.
    List<EditFinding> found = EDIT.check(claim("27447", "20610-25"), on("2025-06-02"));
    assertEquals(1, found.size(), found::toString);
    assertEquals(EditAction.DENY_LINE, found.get(0).action());
    assertEquals(
        "20610 (line 2) is column 2 of 27447 (line 1) on 2025-06-02, modifier indicator 1 ("
            + NcciFixtures.DISTINCT
            + "): add 59 or XU to 20610 if the services were distinct (or XE, XS, XP, an anatomic"
            + " modifier where it fits); 25 does not separate a procedure (it is an E/M modifier)",
        found.get(0).message());
    // Whatever else the line carries that passes nothing.
    String message = EDIT.check(claim("27447", "20610-GA-25"), on("2025-06-02")).get(0).message();
    assertTrue(
        message.endsWith("; 25 does not separate a procedure (it is an E/M modifier)"), message);
    // Only that case: without 25 the advice is as it was.
    message = EDIT.check(claim("27447", "20610-GA"), on("2025-06-02")).get(0).message();
    assertTrue(message.endsWith("an anatomic modifier where it fits)"), message);
  }

  @Test
  void linesOfTwoRenderingProvidersAreNoPair() {
    // NCCI pairs the codes one provider reports for one beneficiary on one date: a surgeon's knee
    // replacement does not bundle the injection another practitioner of the group gives.
    Claim twoProviders =
        Claim.of(BilledLine.parse("27447 by 1234567893"), BilledLine.parse("20610 by 2000000002"));
    assertSame(List.of(), EDIT.check(twoProviders, on("2025-06-02")));
    Claim oneProvider =
        Claim.of(
            BilledLine.parse("27447 by 1234567893"),
            BilledLine.parse("20610 by 2000000002"),
            BilledLine.parse("20610 by 1234567893"));
    List<EditFinding> found = EDIT.check(oneProvider, on("2025-06-02"));
    assertEquals(1, found.size(), found.toString());
    assertEquals(2, found.get(0).line());
  }

  @Test
  void aLineNamingNoProviderIsTheOneNamedProvidersLine() {
    // A line without a rendering provider is the billing provider's (CMS-1500 item 24J left
    // blank): beside lines of one NPI, that provider's, so his 27447 bundles the 20610 naming
    // none, as it does when neither line names one. It was a pair of no one.
    Claim named = Claim.of(BilledLine.parse("27447 by 1234567893"), BilledLine.parse("20610"));
    List<EditFinding> found = EDIT.check(named, on("2025-06-02"));
    assertEquals(1, found.size(), found::toString);
    assertEquals(1, found.get(0).line());
    assertEquals(EditAction.DENY_LINE, found.get(0).action());
    assertEquals(found, EDIT.check(claim("27447", "20610"), on("2025-06-02")));
    // Whichever line names him.
    assertEquals(
        1,
        EDIT.check(
                Claim.of(BilledLine.parse("27447"), BilledLine.parse("20610 by 1234567893")),
                on("2025-06-02"))
            .size());
    // Beside lines of two NPIs, whose the line is cannot be told: it is paired with neither.
    Claim two =
        Claim.of(
            BilledLine.parse("27447 by 1234567893"),
            BilledLine.parse("99213 by 2000000002"),
            BilledLine.parse("20610"));
    assertSame(List.of(), EDIT.check(two, on("2025-06-02")));
    // Nor when the context makes the named provider another kind of practitioner than the
    // claim's own: the line naming none is then another practitioner's.
    PricingContext np =
        on("2025-06-02")
            .withPractitioner(Npi.parse("1234567893"), PractitionerType.NURSE_PRACTITIONER);
    assertSame(List.of(), EDIT.check(named, np));
  }

  @Test
  void theSameAnatomicModifierOnBothLinesPassesButIsFlagged() {
    // RT on both: one knee, not two sites. Paid (presence bypasses), flagged for a look.
    List<EditFinding> found = EDIT.check(claim("27447-RT", "20610-RT"), on("2025-06-02"));
    assertEquals(1, found.size(), found::toString);
    EditFinding flag = found.get(0);
    assertEquals(1, flag.line());
    assertEquals(EditAction.FLAG, flag.action());
    assertEquals(0, flag.deniedUnits());
    assertEquals(
        "20610-RT (line 2) passed the edit with 27447-RT (line 1) only by an anatomic modifier"
            + " both lines carry: one site is not two distinct ones, and NCCI does not pay column"
            + " 2 with column 1 on one site; paid here: check the documentation",
        flag.message());
    // Another side, one side only, or another NCCI modifier: no flag.
    assertSame(List.of(), EDIT.check(claim("27447-RT", "20610-LT"), on("2025-06-02")));
    assertSame(List.of(), EDIT.check(claim("27447", "20610-RT"), on("2025-06-02")));
    assertSame(List.of(), EDIT.check(claim("27447-RT", "20610-RT-XS"), on("2025-06-02")));
  }

  /**
   * An E/M modifier on a procedure's line passes no edit there: with RT on both lines, RT alone
   * passed the pair, one knee, and the line went unflagged as if 25 or 57 had made two sites.
   */
  @Test
  void aModifierThatPassesNoEditOnItsLineDoesNotHideTheSameSite() {
    for (String[] lines :
        List.of(
            new String[] {"27447-RT", "20610-RT-25"},
            new String[] {"27447-RT-57", "20610-RT"},
            new String[] {"27447-RT-24", "20610-RT-27"})) {
      List<EditFinding> found = EDIT.check(claim(lines), on("2025-06-02"));
      assertEquals(1, found.size(), () -> List.of(lines) + ": " + found);
      assertEquals(1, found.get(0).line());
      assertEquals(EditAction.FLAG, found.get(0).action());
      assertTrue(found.get(0).message().contains("only by an anatomic modifier both lines carry"));
    }
    // A modifier that passes the edit on its line still makes the sites two.
    assertSame(List.of(), EDIT.check(claim("27447-RT-58", "20610-RT"), on("2025-06-02")));
  }

  @Test
  void aLineIsFlaggedOncePerPairWhateverTheColumnOneLines() {
    // Two lines of 27447-RT (one a unit each) over one 20610-RT: one pair on one line, one flag.
    List<EditFinding> found =
        EDIT.check(claim("27447-RT", "27447-RT", "20610-RT"), on("2025-06-02"));
    assertEquals(1, found.size(), found::toString);
    assertEquals(2, found.get(0).line());
    assertEquals(EditAction.FLAG, found.get(0).action());
    assertEquals("1", found.get(0).data().get("column1Line"));
    // Another column 1 code is another pair: flagged once each.
    PtpClaimEdit twoPairs =
        PtpClaimEdit.of(
            PtpTable.builder()
                .add(ptp("27447", "20610", "2002-01-01", null, '1'))
                .add(ptp("27486", "20610", "2002-01-01", null, '1'))
                .build());
    List<EditFinding> two =
        twoPairs.check(
            claim("27447-RT", "27486-RT", "27447-RT", "20610-RT", "27486-RT"), on("2025-06-02"));
    assertEquals(
        List.of("27447", "27486"),
        two.stream().map(f -> f.data().get("column1")).toList(),
        two::toString);
    assertEquals(List.of(3, 3), two.stream().map(EditFinding::line).toList());
  }

  @Test
  void aFlagOnALineDoesNotStopItsDenialByAnotherPair() {
    // Past the first 64 lines the edit looks up denials in its findings: a flag is not one.
    Claim.Builder claim = Claim.builder();
    for (int i = 0; i < 64; i++) {
      claim.add("99213");
    }
    claim.add("27447-RT").add("20610-RT").add("29880");
    PtpClaimEdit edit =
        PtpClaimEdit.of(
            PtpTable.builder()
                .add(ptp("27447", "20610", "2002-01-01", null, '1'))
                .add(ptp("29880", "20610", "2002-01-01", null, '0'))
                .build());
    List<EditFinding> found = edit.check(claim.build(), on("2025-06-02"));
    // 20610-RT (line 66): flagged beside 27447-RT, then denied by 29880, which no modifier passes.
    assertEquals(
        List.of(EditAction.FLAG, EditAction.DENY_LINE),
        found.stream().map(EditFinding::action).toList(),
        found::toString);
    assertEquals(List.of(65, 65), found.stream().map(EditFinding::line).toList());
  }

  @Test
  void aLineDeniedByTwoEditsCitesTheOneNoModifierBypasses() {
    // 20610 is column 2 of 27447 (indicator 1) and of 29880 (indicator 0). Advising 59 after
    // 27447 would not help: 20610-59 is still denied beside 29880.
    PtpClaimEdit edit =
        PtpClaimEdit.of(
            PtpTable.builder()
                .add(ptp("27447", "20610", "2002-01-01", null, '1'))
                .add(ptp("29880", "20610", "2002-01-01", null, '0'))
                .build());
    for (List<String> billed :
        List.of(List.of("27447", "29880", "20610"), List.of("29880", "27447", "20610"))) {
      List<EditFinding> found = edit.check(claim(billed.toArray(String[]::new)), on("2025-06-02"));
      assertEquals(1, found.size(), found::toString);
      EditFinding finding = found.get(0);
      assertEquals(2, finding.line());
      assertEquals(EditAction.DENY_LINE, finding.action());
      assertEquals("29880", finding.data().get("column1"));
      assertEquals(
          Integer.toString(billed.indexOf("29880") + 1), finding.data().get("column1Line"));
      assertEquals("0", finding.data().get("modifierIndicator"));
      assertTrue(
          finding
              .message()
              .endsWith(
                  ": no modifier bypasses this edit; 20610 is not paid with 29880 on the same"
                      + " date"),
          finding.message());
    }
    // With 59 the indicator 1 edit passes; the indicator 0 one still denies, and says 59 does not.
    List<EditFinding> with59 = edit.check(claim("27447", "29880", "20610-59"), on("2025-06-02"));
    assertEquals(1, with59.size(), with59::toString);
    assertEquals("29880", with59.get(0).data().get("column1"));
    assertTrue(
        with59.get(0).message().contains("no modifier bypasses this edit (59 does not)"),
        with59.get(0).message());
    // A column 1 line of another provider is no pair: the indicator 1 edit is the finding.
    Claim twoProviders =
        Claim.of(
            BilledLine.parse("27447 by 1234567893"),
            BilledLine.parse("29880 by 2000000002"),
            BilledLine.parse("20610 by 1234567893"));
    List<EditFinding> apart = edit.check(twoProviders, on("2025-06-02"));
    assertEquals(1, apart.size(), apart::toString);
    assertEquals("27447", apart.get(0).data().get("column1"));
    assertEquals("1", apart.get(0).data().get("modifierIndicator"));
  }

  @Test
  void aVisitDeniedBesideAProcedureIsToldToUse25Not59() {
    // 59 and its X subsets are for services other than E/M (CMS MLN1783722).
    List<EditFinding> found = EDIT.check(claim("20610", "99213"), on("2025-06-02"));
    assertEquals(List.of(1), found.stream().map(EditFinding::line).toList());
    String message = found.get(0).message();
    assertTrue(
        message.endsWith(
            ": add 25 to 99213 if the visit was a significant, separately"
                + " identifiable service (57 if it was the decision for surgery)"),
        message);
    assertTrue(!message.contains("59"), message);
    assertSame(List.of(), EDIT.check(claim("20610", "99213-25"), on("2025-06-02")));
  }

  @Test
  void onAVisitOnly24And25And57BypassAndThoseOnlyThere() {
    // NCCI Policy Manual ch. I §E: 59 and its X subsets are not used with E/M services, and 25
    // goes on the visit, not on the procedure beside it.
    for (String visit : List.of("24", "25", "57")) {
      assertSame(List.of(), EDIT.check(claim("20610", "99213-" + visit), on("2025-06-02")));
      assertEquals(1, EDIT.check(claim("20610-" + visit, "99213"), on("2025-06-02")).size(), visit);
    }
    for (String other : List.of("59", "XU", "XE", "RT", "91")) {
      List<EditFinding> found = EDIT.check(claim("20610", "99213-" + other), on("2025-06-02"));
      assertEquals(1, found.size(), other);
      assertTrue(
          found.get(0).message().endsWith("; " + other + " does not separate a visit"),
          found.get(0).message());
    }
    // On the procedure, the modifiers of procedures still count (CR 11168: either line), so the
    // visit is paid; but a visit is separated by 25 on it, so the pass is flagged, never denied.
    for (String procedure : List.of("59", "RT")) {
      List<EditFinding> passed = EDIT.check(claim("20610-" + procedure, "99213"), on("2025-06-02"));
      assertEquals(1, passed.size(), procedure);
      assertEquals(EditAction.FLAG, passed.get(0).action());
      assertEquals(1, passed.get(0).line());
      assertTrue(
          passed
              .get(0)
              .message()
              .contains(
                  "passed the edit with 20610-"
                      + procedure
                      + " (line 1) only by "
                      + procedure
                      + " on line 1: a visit on the day of a procedure is separately payable with"
                      + " 25 on the visit"),
          passed.get(0).message());
    }
    // RT on both: the visit's own RT does not count, and the flag says what does.
    List<EditFinding> bothRight = EDIT.check(claim("20610-RT", "99213-RT"), on("2025-06-02"));
    assertEquals(1, bothRight.size());
    assertTrue(
        bothRight.get(0).message().contains("separately payable with 25"),
        bothRight.get(0).message());
    assertSame(List.of(), EDIT.check(claim("20610-59", "99213-25"), on("2025-06-02")));
  }

  @Test
  void modifier27BypassesOnAVisitAndNotOnAProcedure() {
    // 27, multiple outpatient hospital E/M encounters on the same date, is an E/M modifier: it
    // separates a visit, as 25 does, and passes nothing on a procedure's line.
    assertSame(List.of(), EDIT.check(claim("20610", "99213-27"), on("2025-06-02")));
    assertSame(List.of(), EDIT.check(claim("99213-27", "20610"), on("2025-06-02")));
    assertEquals(1, EDIT.check(claim("20610-27", "99213"), on("2025-06-02")).size());
    List<EditFinding> onProcedure = EDIT.check(claim("27447-27", "20610"), on("2025-06-02"));
    assertEquals(List.of(1), onProcedure.stream().map(EditFinding::line).toList());
    assertEquals(1, EDIT.check(claim("27447", "20610-27"), on("2025-06-02")).size());
  }

  @Test
  void modifier27PassesNothingOnAPractitionersClaim() {
    // 27 marks a hospital's several outpatient E/M encounters of one day: it is reported on
    // outpatient hospital claims, never by a practitioner, so the practitioner table's edits
    // do not take it. A table of unstated type may be either, and still takes it.
    PtpClaimEdit practitioner =
        PtpClaimEdit.of(EDIT.table().withClaimType(NcciClaimType.PRACTITIONER));
    List<EditFinding> denied = practitioner.check(claim("20610", "99213-27"), on("2025-06-02"));
    assertEquals(List.of(1), denied.stream().map(EditFinding::line).toList());
    assertEquals(EditAction.DENY_LINE, denied.get(0).action());
    assertTrue(
        denied
            .get(0)
            .message()
            .endsWith(
                "add 25 to 99213 if the visit was a significant, separately identifiable service"
                    + " (57 if it was the decision for surgery); 27 is for outpatient hospital"
                    + " claims, not a practitioner's"),
        denied.get(0).message());
    assertEquals(1, practitioner.check(claim("99213-27", "20610"), on("2025-06-02")).size());
    // 25 beside 27 still separates the visit, and without a flag.
    assertSame(List.of(), practitioner.check(claim("20610", "99213-25-27"), on("2025-06-02")));
    // A procedure's 59 passes the pair, with the flag that names 25, not 27, as the visit's.
    List<EditFinding> flagged = practitioner.check(claim("20610-59", "99213-27"), on("2025-06-02"));
    assertEquals(List.of(EditAction.FLAG), flagged.stream().map(EditFinding::action).toList());
    PtpClaimEdit hospital =
        PtpClaimEdit.of(EDIT.table().withClaimType(NcciClaimType.OUTPATIENT_HOSPITAL));
    assertSame(List.of(), hospital.check(claim("20610", "99213-27"), on("2025-06-02")));
    assertSame(List.of(), EDIT.check(claim("20610", "99213-27"), on("2025-06-02")));
  }

  static Stream<String> bypassModifiers() {
    return NcciModifiers.all().stream()
        .map(Modifier::toString)
        .filter(m -> !List.of("24", "25", "27", "57").contains(m));
  }

  @ParameterizedTest
  @MethodSource("bypassModifiers")
  void everyNcciAssociatedModifierOnEitherLineBypassesIndicatorOne(String modifier) {
    assertEquals(List.of(), EDIT.check(claim("27447", "20610-" + modifier), on("2025-06-02")));
    assertEquals(List.of(), EDIT.check(claim("27447-" + modifier, "20610"), on("2025-06-02")));
    // ... but never indicator 0.
    assertEquals(
        1, EDIT.check(claim("29880-" + modifier, "29877-" + modifier), on("2025-06-02")).size());
  }

  @Test
  void theBypassListIsTheManualsFamilies() {
    assertEquals(44, NcciModifiers.all().size());
    for (String family :
        List.of("E1", "E4", "FA", "F9", "TA", "T9", "LT", "RT", "LC", "LD", "LM", "RC", "RI")) {
      assertTrue(NcciModifiers.bypasses(Modifier.parse(family)), family); // anatomic
    }
    for (String global : List.of("24", "25", "57", "58", "78", "79")) {
      assertTrue(NcciModifiers.bypasses(Modifier.parse(global)), global);
    }
    for (String other : List.of("27", "59", "91", "XE", "XS", "XP", "XU")) {
      assertTrue(NcciModifiers.bypasses(Modifier.parse(other)), other);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"26", "TC", "50", "51", "76", "77", "E5", "F0", "T0", "GA", "22"})
  void otherModifiersDoNotBypass(String modifier) {
    assertTrue(!NcciModifiers.bypasses(Modifier.parse(modifier)));
    assertEquals(1, EDIT.check(claim("27447-" + modifier, "20610"), on("2025-06-02")).size());
  }

  @Test
  void indicatorNineAndWithdrawnEditsNeverApply() {
    assertEquals(List.of(), EDIT.check(claim("0001A", "90473"), on("2022-01-01")));
    assertEquals(List.of(), EDIT.check(claim("11042", "97597"), on("2020-01-01")));
    assertEquals(List.of(), EDIT.check(claim("11042", "97597"), on("2024-01-01")));
  }

  @Test
  void anEditAppliesFromItsEffectiveDateThroughItsDeletionDate() {
    Claim visit = claim("99213", "36415");
    assertEquals(List.of(), EDIT.check(visit, on("2015-03-31")));
    assertEquals(1, EDIT.check(visit, on("2015-04-01")).size());
    assertEquals(1, EDIT.check(visit, on("2023-12-31")).size());
    assertEquals(List.of(), EDIT.check(visit, on("2024-01-01")));
    assertEquals("2023-12-31", EDIT.check(visit, on("2020-01-01")).get(0).data().get("deletion"));
    // No deletion date: in force for ever after.
    assertEquals(1, EDIT.check(claim("64483", "64484"), on("2099-12-31")).size());
    assertEquals(List.of(), EDIT.check(claim("64483", "64484"), on("2024-06-30")));
  }

  @Test
  void billedOrderDoesNotMatterAndOnlyTheColumnTwoLineIsDenied() {
    List<EditFinding> found = EDIT.check(claim("20610", "99214", "27447"), on("2025-06-02"));
    assertEquals(1, found.size());
    assertEquals(0, found.get(0).line());
    assertEquals("3", found.get(0).data().get("column1Line"));
  }

  /** The claim's lines a PTP edit denies, by their index. */
  private static List<Integer> denied(PtpClaimEdit edit, Claim claim, String date) {
    return edit.check(claim, on(date)).stream()
        .filter(finding -> finding.action() == EditAction.DENY_LINE)
        .map(EditFinding::line)
        .toList();
  }

  @Test
  void aPairInBothOrdersDeniesOneLineNeverBoth() {
    // The column 2 code is not paid with the column 1 code (NCCI Policy Manual, ch. I): the column
    // 1 line is paid. With the pair in both orders, only the row that applies denies its column 2.
    // Rows of one date and indicator: the line billed first is column 1.
    PtpClaimEdit tied =
        PtpClaimEdit.of(
            PtpTable.builder()
                .add(ptp("64483", "64490", "2020-01-01", null, '0'))
                .add(ptp("64490", "64483", "2020-01-01", null, '0'))
                .build());
    assertEquals(List.of(1), denied(tied, claim("64483", "64490"), "2025-06-02"));
    assertEquals(List.of(1), denied(tied, claim("64490", "64483"), "2025-06-02"));
    List<EditFinding> found = tied.check(claim("64490", "64483"), on("2025-06-02"));
    assertEquals(1, found.size(), found::toString);
    assertEquals("64490", found.get(0).data().get("column1"));
    // The code billed first is column 1 for every pair of their lines: its second line is paid too.
    assertEquals(List.of(1), denied(tied, claim("64483", "64490", "64483"), "2025-06-02"));
    assertEquals(List.of(1), denied(tied, claim("64490", "64483", "64490"), "2025-06-02"));
    // Only the lines paired with each other count: a 64490 of another day or provider billed first
    // leaves 64483 column 1 on 2025-06-02.
    for (String before : List.of("64490 on 2025-06-01", "64490 on 2025-06-02 by 2000000002")) {
      Claim claim =
          Claim.of(
              BilledLine.parse(before),
              BilledLine.parse("64483 on 2025-06-02 by 1234567893"),
              BilledLine.parse("64490 on 2025-06-02 by 1234567893"));
      assertEquals(List.of(2), denied(tied, claim, "2025-06-02"), before);
    }
    // Both in force, one newer: CMS's later row is the edit of the pair, whatever the order billed.
    PtpClaimEdit reversed =
        PtpClaimEdit.of(
            PtpTable.builder()
                .add(ptp("64483", "64490", "2015-01-01", null, '0'))
                .add(ptp("64490", "64483", "2021-01-01", null, '1'))
                .build());
    for (Claim claim : List.of(claim("64483", "64490"), claim("64490", "64483"))) {
      List<Integer> lines = denied(reversed, claim, "2025-06-02");
      assertEquals(1, lines.size(), lines::toString);
      assertEquals("64483", claim.line(lines.get(0)).line().code().toString());
      // Before the newer row, the older one alone applies.
      List<Integer> before = denied(reversed, claim, "2020-06-02");
      assertEquals(1, before.size(), before::toString);
      assertEquals("64490", claim.line(before.get(0)).line().code().toString());
    }
    // The newer row passed by its modifier leaves both lines paid: the older row does not apply.
    assertEquals(List.of(), denied(reversed, claim("64483-59", "64490"), "2025-06-02"));
    // Of one date, the row no modifier bypasses is the pair's edit, whatever the order billed.
    PtpClaimEdit strict =
        PtpClaimEdit.of(
            PtpTable.builder()
                .add(ptp("64483", "64490", "2020-01-01", null, '1'))
                .add(ptp("64490", "64483", "2020-01-01", null, '0'))
                .build());
    assertEquals(List.of(0), denied(strict, claim("64483", "64490-59"), "2025-06-02"));
    assertEquals(List.of(1), denied(strict, claim("64490", "64483"), "2025-06-02"));
    // A third line denied by one of them is still denied, once.
    PtpClaimEdit three =
        PtpClaimEdit.of(
            PtpTable.builder()
                .add(ptp("64483", "64490", "2020-01-01", null, '0'))
                .add(ptp("64490", "64483", "2020-01-01", null, '0'))
                .add(ptp("64490", "20610", "2020-01-01", null, '0'))
                .build());
    assertEquals(List.of(1, 2), denied(three, claim("64483", "64490", "20610"), "2025-06-02"));
  }

  @Test
  void everyLineOfTheColumnTwoCodeIsDeniedOnce() {
    List<EditFinding> found =
        EDIT.check(claim("20610-RT", "27447", "27447-59", "20610"), on("2025-06-02"));
    // 20610-RT carries an anatomic modifier: bypassed. 20610 plain is denied by 27447 (line 2),
    // even though 27447-59 on line 3 would bypass it: one unbypassed pair denies.
    assertEquals(1, found.size());
    assertEquals(3, found.get(0).line());
    assertEquals("2", found.get(0).data().get("column1Line"));
    List<EditFinding> both = EDIT.check(claim("27447", "20610", "20610"), on("2025-06-02"));
    assertEquals(List.of(1, 2), both.stream().map(EditFinding::line).toList());
  }

  @Test
  void aCodeBilledTwiceIsNoPairAndAShortClaimIsClean() {
    assertSame(List.of(), EDIT.check(claim("27447", "27447"), on("2025-06-02")));
    assertSame(List.of(), EDIT.check(claim("27447"), on("2025-06-02")));
    assertSame(List.of(), EDIT.check(Claim.of(), on("2025-06-02")));
    assertSame(List.of(), EDIT.check(claim("99213", "99214", "71046"), on("2025-06-02")));
  }

  @Test
  void claimsOfMoreThanSixtyFourLinesDenyEachLineOnce() {
    String[] lines = new String[80];
    lines[0] = "27447";
    lines[1] = "27447";
    for (int i = 2; i < lines.length; i++) {
      lines[i] = "20610";
    }
    List<EditFinding> found = EDIT.check(claim(lines), on("2025-06-02"));
    assertEquals(78, found.size());
    for (int i = 0; i < found.size(); i++) {
      assertEquals(i + 2, found.get(i).line());
      assertEquals("1", found.get(i).data().get("column1Line"));
    }
  }

  @Test
  void aTableOfAQuarterFlagsTheLinesOfLaterDatesOnceEachAndStillJudgesThem() {
    PtpTable january = EDIT.table().withEffective(LocalDate.of(2025, 1, 1));
    assertEquals(Optional.of(LocalDate.of(2025, 1, 1)), january.effective());
    assertEquals(Optional.of(LocalDate.of(2025, 3, 31)), january.lastDay());
    assertEquals(
        "PtpTable[7 rows, 7 column 1 codes, edits through 2025-03-31]", january.toString());
    // Earlier quarters are known from the rows' own dates; a later date is not.
    assertTrue(january.knowsEditsOn(LocalDate.of(2025, 3, 31)));
    assertTrue(january.knowsEditsOn(LocalDate.of(2019, 6, 2)));
    assertFalse(january.knowsEditsOn(LocalDate.of(2025, 4, 1)));
    PtpClaimEdit edit = PtpClaimEdit.of(january);
    // Within the quarter, or before it: judged as by a table without a quarter, no flag.
    assertEquals(
        EDIT.check(claim("27447", "20610"), on("2025-03-31")),
        edit.check(claim("27447", "20610"), on("2025-03-31")));
    assertEquals(
        EDIT.check(claim("99213", "36415"), on("2023-06-02")),
        edit.check(claim("99213", "36415"), on("2023-06-02")));
    // After it: still judged by the rows, and every line with a line to pair is flagged once,
    // after its other findings, however many pairs it is in.
    List<EditFinding> april = edit.check(claim("27447", "20610", "99214"), on("2025-04-01"));
    assertEquals(
        List.of("0 FLAG", "1 DENY_LINE", "1 FLAG", "2 FLAG"),
        april.stream().map(f -> f.line() + " " + f.action()).toList(),
        april::toString);
    EditFinding flag = april.get(0);
    assertEquals(0, flag.deniedUnits());
    assertEquals(UnpricedReason.NCCI_PTP, flag.reason());
    assertEquals(
        "27447 (line 1), of 2025-04-01, was checked against the PTP table of 2025-Q1, which knows"
            + " the edits through 2025-03-31: edits CMS added after that are not in it; check the"
            + " line with the PTP files of its date's quarter",
        flag.message());
    assertEquals(
        Map.of("kind", "PTP", "code", "27447", "effective", "2025-01-01", "lastDay", "2025-03-31"),
        flag.data());
    // A clean claim is no pass after the quarter: its lines are flagged all the same.
    assertEquals(
        List.of(0, 1),
        edit.check(claim("99214", "71046"), on("2025-07-01")).stream()
            .map(EditFinding::line)
            .toList());
  }

  @Test
  void onlyTheLinesAfterTheQuarterThatHaveALineToPairWithAreFlagged() {
    PtpClaimEdit edit = PtpClaimEdit.of(EDIT.table().withEffective(LocalDate.of(2025, 1, 1)));
    // One line, or one code twice: no pair was looked up, nothing was missed.
    assertSame(List.of(), edit.check(claim("27447"), on("2025-04-01")));
    assertSame(List.of(), edit.check(claim("27447", "27447"), on("2025-04-01")));
    // Lines of other dates, or of other providers, are not paired.
    Claim twoDates =
        Claim.of(BilledLine.parse("27447 on 2025-04-01"), BilledLine.parse("20610 on 2025-04-02"));
    assertSame(List.of(), edit.check(twoDates, on("2025-04-01")));
    Claim twoProviders =
        Claim.of(BilledLine.parse("27447 by 1234567893"), BilledLine.parse("20610 by 2000000002"));
    assertSame(List.of(), edit.check(twoProviders, on("2025-04-01")));
    // A claim over the quarter's end: the lines of the later date alone.
    Claim acrossTheEnd =
        Claim.of(
            BilledLine.parse("99214 on 2025-03-31"),
            BilledLine.parse("71046 on 2025-03-31"),
            BilledLine.parse("99214 on 2025-04-01"),
            BilledLine.parse("71046 on 2025-04-01"));
    assertEquals(
        List.of(2, 3),
        edit.check(acrossTheEnd, on("2025-03-31")).stream().map(EditFinding::line).toList());
  }

  @Test
  void aQuarterAndAClaimTypeAreKeptByEachOther() {
    PtpTable table =
        EDIT.table()
            .withEffective(LocalDate.of(2026, 7, 1))
            .withClaimType(NcciClaimType.OUTPATIENT_HOSPITAL);
    assertEquals(Optional.of(LocalDate.of(2026, 7, 1)), table.effective());
    assertEquals(
        Optional.of(NcciClaimType.OUTPATIENT_HOSPITAL),
        table.withEffective(LocalDate.of(2026, 10, 1)).claimType());
    assertEquals(
        Optional.of(LocalDate.of(2026, 12, 31)),
        table.withEffective(LocalDate.of(2026, 10, 1)).lastDay());
    // A table without a quarter knows every date, as before.
    assertTrue(EDIT.table().effective().isEmpty());
    assertTrue(EDIT.table().knowsEditsOn(LocalDate.MAX));
    assertThrows(
        IllegalArgumentException.class, () -> EDIT.table().withEffective(LocalDate.of(0, 1, 1)));
    NullPointerException date =
        assertThrows(NullPointerException.class, () -> EDIT.table().knowsEditsOn(null));
    assertEquals("date", date.getMessage());
  }
}
