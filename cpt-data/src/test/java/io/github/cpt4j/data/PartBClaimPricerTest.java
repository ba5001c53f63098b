package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.ModifierRulesEdit;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.edit.ncci.MueClaimEdit;
import io.github.cpt4j.edit.ncci.MueEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.PtpClaimEdit;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Part B claim pricer on the bundled 2025 data: the README's Manhattan claim through the
 * library pricer, claim edits that see the lab, equipment and drug lines, and the billed charge on
 * every line.
 */
class PartBClaimPricerTest {

  /** A patient of Manhattan (ZIP 10001) seen in a Manhattan office (locality 13202-01). */
  private static final PricingContext OFFICE =
      PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY)
          .withBeneficiaryZip("10001");

  private static final List<String> README_CLAIM =
      List.of("99213-25", "36415", "80053", "96372", "J1100 x8", "E0114-NU");

  private static PartBClaimPricer pricer(UnaryOperator<MedicareClaimPricer.Builder> pipeline) {
    return PartBClaimPricer.of(
        BundledData.partBFeeSchedule(),
        pipeline.apply(MedicareClaimPricer.builder(BundledData.medicareFeeSchedule())).build());
  }

  /**
   * A payer's edit, {@code payer-units}, that denies {@code units} of line 1, then {@code more}.
   */
  private static ClaimEdit denyingUnitsOfTheFirstLine(
      int units, String message, EditFinding... more) {
    return new ClaimEdit() {
      @Override
      public String name() {
        return "payer-units";
      }

      @Override
      public List<EditFinding> check(Claim claim, PricingContext context) {
        List<EditFinding> findings = new ArrayList<>();
        findings.add(
            EditFinding.builder()
                .edit(name())
                .line(0)
                .action(EditAction.DENY_UNITS)
                .deniedUnits(units)
                .reason(UnpricedReason.EDIT_DENIED)
                .message(message)
                .build());
        findings.addAll(List.of(more));
        return findings;
      }
    };
  }

  private static Claim claim(List<String> lines) {
    Claim.Builder claim = Claim.builder();
    lines.forEach(line -> claim.add(BilledLine.parse(line)));
    return claim.build();
  }

  private static List<String> amounts(PartBClaimPricer pricer, PricedClaim priced) {
    List<String> out = new ArrayList<>();
    for (PricedLine line : priced.lines()) {
      out.add(
          line.amount()
                  .map(BigDecimal::toPlainString)
                  .orElseGet(() -> String.valueOf(line.reason().get()))
              + " "
              + pricer.payerOf(line));
    }
    return out;
  }

  @Test
  void theReadmeClaimIsPricedWholeFromEverySchedule() {
    PartBClaimPricer pricer = pricer(b -> b);
    PricedClaim priced = pricer.price(claim(README_CLAIM), OFFICE);
    // The amounts worked out by hand in PartBClaimFullFilesTest, from CMS's files.
    assertEquals(
        List.of(
            "101.06 PHYSICIAN_FEE_SCHEDULE",
            "9.09 CLINICAL_LABORATORY",
            "10.56 CLINICAL_LABORATORY",
            "15.82 PHYSICIAN_FEE_SCHEDULE",
            "0.86 DRUGS",
            "61.45 DMEPOS"),
        amounts(pricer, priced));
    assertEquals(new BigDecimal("198.84"), priced.total());
    // Each line priced outside the Physician Fee Schedule names its schedule.
    for (int i : new int[] {1, 2, 4, 5}) {
      assertTrue(priced.line(i).explanation().has("part-b"), priced.line(i).toString());
    }
    assertTrue(priced.line(0).explanation().has("rvu"), priced.line(0).toString());
    assertEquals(OFFICE, priced.context());
  }

  /**
   * An anesthesia schedule given to the Part B schedule, beside a Physician Fee Schedule without
   * one, still pays one service per session with the total time (chapter 12, section 50), as the
   * Physician Fee Schedule's own anesthesia schedule does: not every line in full.
   */
  @Test
  void anAnesthesiaScheduleGivenToPartBPaysOneServicePerSession() {
    MedicareFeeSchedule bundled = BundledData.medicareFeeSchedule();
    MedicareFeeSchedule withoutAnesthesia =
        MedicareFeeSchedule.builder()
            .name(bundled.name())
            .rvus(bundled.rvus())
            .gpcis(bundled.gpcis())
            .conversionFactors(bundled.conversionFactors())
            .oppsCaps(bundled.oppsCaps())
            .effective(bundled.effectiveFrom(), bundled.effectiveTo())
            .build();
    PartBClaimPricer pricer =
        PartBClaimPricer.of(
            PartBFeeSchedule.builder()
                .physicianFeeSchedule(withoutAnesthesia)
                .anesthesia(bundled.anesthesia().orElseThrow())
                .build(),
            MedicareClaimPricer.of(withoutAnesthesia));
    PricingContext hospital =
        PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13282-99"), Setting.FACILITY);
    Claim session =
        Claim.of(
            BilledLine.parse("00790-AA 60min"),
            BilledLine.parse("00840-AA 45min"),
            BilledLine.parse("00840-AA 30min on 2025-03-15"),
            BilledLine.parse("85025"));
    PricedClaim priced = pricer.price(session, hospital);
    // 00790: 7 base units, 60 + 45 = 105 minutes = 7.0 time units: 14.0 x 19.79 = 277.06; the
    // next day's 00840 a session of its own: (6 + 2.0) x 19.79 = 158.32.
    assertEquals(
        List.of(
            "277.06 ANESTHESIA",
            "NOT_PAYABLE_ON_CLAIM ANESTHESIA",
            "158.32 ANESTHESIA",
            "NO_SCHEDULE_LOADED CLINICAL_LABORATORY"),
        amounts(pricer, priced));
    // Priced with the Physician Fee Schedule's lines by its claim pricer, the explanation is that
    // pricer's, without the part-b step of the lines priced alone.
    assertFalse(priced.line(0).explanation().has("part-b"), priced.line(0).toString());
    assertTrue(priced.line(0).explanation().has("anesthesia-session"), priced.line(0).toString());
    // The same amounts as with the anesthesia schedule inside the Physician Fee Schedule.
    PartBClaimPricer inside =
        PartBClaimPricer.of(
            PartBFeeSchedule.builder().physicianFeeSchedule(bundled).build(),
            MedicareClaimPricer.of(bundled));
    PricedClaim insideSession = inside.price(session, hospital);
    for (int i = 0; i < 3; i++) {
      assertEquals(
          insideSession.line(i).amount(),
          priced.line(i).amount(),
          insideSession.line(i).toString());
    }
    // The anesthesia service is one of the claim's payable services, priced with the others: a
    // status T line (94760) is not paid beside it, an add-on (11045) has a primary, and a
    // qualifying circumstance (99140) is refused as one, not as status B.
    for (String other : List.of("94760", "11045", "99140")) {
      Claim claim = Claim.of(BilledLine.parse("00790-AA 60min"), BilledLine.parse(other));
      PricedClaim expected = inside.price(claim, hospital);
      PricedClaim actual = pricer.price(claim, hospital);
      for (int i = 0; i < 2; i++) {
        assertEquals(expected.line(i).amount(), actual.line(i).amount(), other);
        assertEquals(expected.line(i).reason(), actual.line(i).reason(), other);
        assertEquals(expected.line(i).detail(), actual.line(i).detail(), other);
        assertEquals(expected.line(i).refusedBy(), actual.line(i).refusedBy(), other);
        assertEquals(expected.line(i).warnings(), actual.line(i).warnings(), other);
      }
    }
    // A session paid at one of two payment modifiers is flagged, as on the other path.
    PricedClaim mixed =
        pricer.price(
            Claim.of(BilledLine.parse("00790-AA 60min"), BilledLine.parse("00840-QK 45min")),
            hospital);
    assertEquals(new BigDecimal("277.06"), mixed.line(0).amountOrThrow());
    assertEquals(
        List.of(ClaimWarning.Kind.ANESTHESIA_ROLES_DIFFER),
        mixed.line(0).warnings().stream().map(ClaimWarning::kind).toList(),
        mixed.line(0).toString());
  }

  /**
   * Every line, priced on the Physician Fee Schedule or alone by another schedule, is named by the
   * claim's own numbers, as its warnings name it.
   */
  @Test
  void everyLineIsNamedByTheClaimsNumbers() {
    PricedClaim priced =
        pricer(b -> b)
            .price(
                claim(List.of("99213", "36415 $10", "36415 $12", "J1100"))
                    .withLineNumbers(2, 4, 5, 9),
                OFFICE);
    assertEquals(
        List.of("0 2", "1 4", "2 5", "3 9"),
        priced.lines().stream().map(l -> l.index() + " " + l.lineNumber()).toList());
    PricedLine lab = priced.line(2);
    assertTrue(lab.toString().startsWith("line 5 36415"), lab::toString);
    assertTrue(
        lab.warnings().stream().anyMatch(w -> w.message().contains("(lines 4, 5)")), lab::toString);
    // The two collections' other charges make the second a suspect duplicate, flagged.
    assertTrue(
        lab.warnings().stream().anyMatch(w -> w.message().contains("of line 4 again")),
        lab::toString);
  }

  @Test
  void moreThanOneSpecimenCollectionOnADateIsFlaggedNotDenied() {
    // Pub. 100-04, ch. 16, §60.1: one collection fee per patient encounter. A line does not say
    // which encounter it was, so each keeps its 9.09 and says what the record must show.
    PartBClaimPricer pricer = pricer(b -> b);
    PricedClaim two = pricer.price(claim(List.of("36415 x2", "80053")), OFFICE);
    assertEquals(new BigDecimal("18.18"), two.line(0).amountOrThrow(), two.toString());
    ClaimWarning warning = two.line(0).warnings().get(0);
    assertEquals(ClaimWarning.Kind.DOCUMENTATION_REQUIRED, warning.kind());
    assertEquals("specimen-collection", warning.rule());
    assertTrue(
        warning.message().startsWith("2 specimen collection fees on 2025-03-14 (line 1)"),
        warning.message());
    assertTrue(two.line(1).warnings().isEmpty(), two.toString());
    // Two lines of other charges (alike in every field, the second would be an exact duplicate,
    // denied): each flagged for the documentation, the second as a suspect duplicate too.
    PricedClaim twoLines = pricer.price(claim(List.of("36415 $10", "80053", "36415 $12")), OFFICE);
    assertEquals(1, twoLines.line(0).warnings().size(), twoLines.toString());
    assertEquals(2, twoLines.line(2).warnings().size(), twoLines.toString());
    assertTrue(
        twoLines.line(2).warnings().stream()
            .anyMatch(
                w ->
                    w.kind() == ClaimWarning.Kind.DOCUMENTATION_REQUIRED
                        && w.message().contains("(lines 1, 3)")),
        twoLines::toString);
    // One collection: nothing to say; and two on two dates are two encounters.
    assertTrue(pricer.price(claim(README_CLAIM), OFFICE).line(1).warnings().isEmpty());
    Claim twoDates =
        Claim.builder()
            .add(
                BilledLine.of(ClaimLine.parse("36415"))
                    .withDateOfService(LocalDate.of(2025, 3, 14)))
            .add(
                BilledLine.of(ClaimLine.parse("36415"))
                    .withDateOfService(LocalDate.of(2025, 3, 15)))
            .build();
    PricedClaim apart = pricer.price(twoDates, OFFICE);
    assertTrue(apart.line(0).warnings().isEmpty() && apart.line(1).warnings().isEmpty());
  }

  /**
   * Pub. 100-04, ch. 16, §60.2: the travel allowance (P9603 per mile, P9604 per trip) is paid only
   * when a specimen collection fee is also payable. A travel line on a date without a paid
   * collection keeps its amount (the collection may be on another claim, as an add-on's primary
   * may) and says what the record must show; beside a paid collection it says nothing.
   */
  @Test
  void aTravelAllowanceWithoutACollectionFeeIsFlagged() {
    PartBFeeSchedule partB =
        PartBFeeSchedule.builder()
            .physicianFeeSchedule(BundledData.medicareFeeSchedule())
            .clinicalLaboratory(
                BundledData.clinicalLabFeeSchedule()
                    .withTravelAllowance(new BigDecimal("1.035"), new BigDecimal("9.55")))
            .build();
    PartBClaimPricer pricer =
        PartBClaimPricer.of(partB, MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    PricedClaim alone = pricer.price(claim(List.of("80053", "P9603 x60")), OFFICE);
    assertEquals(new BigDecimal("62.10"), alone.line(1).amountOrThrow(), alone.toString());
    assertEquals(1, alone.line(1).warnings().size(), alone.toString());
    ClaimWarning warning = alone.line(1).warnings().get(0);
    assertEquals(ClaimWarning.Kind.DOCUMENTATION_REQUIRED, warning.kind());
    assertEquals("specimen-collection", warning.rule());
    assertTrue(
        warning.message().startsWith("P9603 (line 2) on 2025-03-14: no specimen collection fee"),
        warning.message());
    assertTrue(alone.line(0).warnings().isEmpty(), alone.toString());
    // Beside a paid collection of its date: nothing to say.
    PricedClaim collected = pricer.price(claim(List.of("36415", "80053", "P9604 x2")), OFFICE);
    assertEquals(new BigDecimal("19.10"), collected.line(2).amountOrThrow(), collected.toString());
    assertTrue(collected.line(2).warnings().isEmpty(), collected.toString());
    // A collection of another date is not this date's.
    Claim otherDate =
        Claim.builder()
            .add(
                BilledLine.of(ClaimLine.parse("36415"))
                    .withDateOfService(LocalDate.of(2025, 3, 13)))
            .add(BilledLine.parse("P9604 x2"))
            .build();
    PricedClaim apart = pricer.price(otherDate, OFFICE);
    assertEquals(1, apart.line(1).warnings().size(), apart.toString());
  }

  /**
   * Collections that are not paid are no second fee: units an edit denies, a line denied whole, and
   * a line the CLFS refuses (36415-QW) were counted, and the paid collection warned of two.
   */
  @Test
  void onlyPaidCollectionsCountTowardsTheWarning() {
    ClaimEdit oneUnitOfTheFirstLine = denyingUnitsOfTheFirstLine(1, "one collection a day");
    PricedClaim fewer =
        pricer(b -> b.addEdit(oneUnitOfTheFirstLine))
            .price(claim(List.of("36415 x2", "80053")), OFFICE);
    assertEquals(new BigDecimal("9.09"), fewer.line(0).amountOrThrow(), fewer.toString());
    // The denial of a unit is said; no second collection is.
    assertEquals(
        List.of(
            ClaimWarning.of(
                ClaimWarning.Kind.UNITS_DENIED,
                "payer-units",
                "1 of 2 units denied: one collection a day")),
        fewer.line(0).warnings(),
        fewer.toString());
    PricedClaim denied =
        pricer(b -> b.addEdit(oneUnitOfTheFirstLine))
            .price(claim(List.of("36415", "36415")), OFFICE);
    assertTrue(denied.line(0).amount().isEmpty(), denied.toString());
    assertTrue(denied.line(1).warnings().isEmpty(), denied.toString());
    PricedClaim refused = pricer(b -> b).price(claim(List.of("36415", "36415-QW")), OFFICE);
    assertEquals(
        Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED), refused.line(1).result().reason());
    assertTrue(refused.line(0).warnings().isEmpty(), refused.toString());
  }

  @Test
  void anMueOnTheDrugDeniesItsLine() {
    // A hand-written MUE row (the real J1100 value is higher): at most 4 units per line.
    MueTable mue =
        MueTable.builder()
            .add(
                new MueEdit(
                    ProcedureCode.parse("J1100"),
                    4,
                    MueAdjudicationIndicator.of('1'),
                    "test: clinical limit"))
            .build();
    PartBClaimPricer pricer = pricer(b -> b.addEdit(MueClaimEdit.of(mue)));
    PricedClaim priced = pricer.price(claim(README_CLAIM), OFFICE);
    PricedLine drug = priced.line(4);
    assertEquals(Optional.of(UnpricedReason.NCCI_MUE), drug.reason(), drug.toString());
    assertEquals(Optional.of(MueClaimEdit.NAME), drug.refusedBy());
    assertTrue(drug.explanation().has("part-b"), drug.toString());
    assertTrue(drug.explanation().has(MueClaimEdit.NAME), drug.toString());
    // 198.84 - 0.86: the other lines are priced as before.
    assertEquals(new BigDecimal("197.98"), priced.total());
    // J1100 x4 passes.
    assertEquals(
        new BigDecimal("0.43"),
        pricer.price(claim(List.of("J1100 x4")), OFFICE).line(0).amountOrThrow());
  }

  @Test
  void aPtpPairWithALabLineDeniesTheLabLine() {
    PtpTable ptp =
        PtpTable.builder()
            .add(
                new PtpEdit(
                    ProcedureCode.parse("96372"),
                    ProcedureCode.parse("36415"),
                    false,
                    LocalDate.of(2020, 1, 1),
                    Optional.empty(),
                    PtpModifierIndicator.of('0'),
                    "test: not billed together"))
            .build();
    PricedClaim priced =
        pricer(b -> b.addEdit(PtpClaimEdit.of(ptp))).price(claim(README_CLAIM), OFFICE);
    assertEquals(Optional.of(UnpricedReason.NCCI_PTP), priced.line(1).reason());
    assertEquals(new BigDecimal("189.75"), priced.total()); // 198.84 - 9.09
  }

  @Test
  void deniedUnitsAreTakenOffALinePricedAlone() {
    ClaimEdit threeUnits =
        denyingUnitsOfTheFirstLine(
            3, "test: 3 units not covered", EditFinding.flag("payer-units", 0, "test: look again"));
    PricedLine drug =
        pricer(b -> b.addEdit(threeUnits))
            .price(claim(List.of("J1100 x8", "99213")), OFFICE)
            .line(0);
    // 5 x 0.108 = 0.54
    assertEquals(new BigDecimal("0.54"), drug.amountOrThrow(), drug.toString());
    // The denial is a warning too: the amount is lower than billed, and the warnings say why.
    assertEquals(
        List.of(
            ClaimWarning.of(
                ClaimWarning.Kind.UNITS_DENIED,
                "payer-units",
                "3 of 8 units denied: test: 3 units not covered"),
            ClaimWarning.of(ClaimWarning.Kind.EDIT_FLAG, "payer-units", "test: look again")),
        drug.warnings());
    assertTrue(drug.explanation().toString().contains("3 of 8 units denied"), drug.toString());
    assertEquals("J1100 x8", drug.line().toString()); // as billed
  }

  /** One edit's two denials of units of a line priced alone: the stricter stands. */
  @Test
  void oneEditsTwoDenialsOfUnitsOfALinePricedAloneDoNotAddUp() {
    ClaimEdit twice =
        denyingUnitsOfTheFirstLine(
            3,
            "test: 3 units not covered",
            EditFinding.builder()
                .edit("payer-units")
                .line(0)
                .action(EditAction.DENY_UNITS)
                .deniedUnits(2)
                .reason(UnpricedReason.EDIT_DENIED)
                .message("test: 2 units not covered")
                .build());
    PricedLine drug =
        pricer(b -> b.addEdit(twice)).price(claim(List.of("J1100 x8", "99213")), OFFICE).line(0);
    // 8 billed less the 3 the stricter denies: 5 x 0.108 = 0.54, as for the one denial of 3.
    assertEquals(new BigDecimal("0.54"), drug.amountOrThrow(), drug.toString());
    assertEquals(
        List.of(
            "3 of 8 units denied: test: 3 units not covered",
            "2 of 8 units denied, no more than an earlier finding denied: test: 2 units not covered"),
        drug.warnings().stream().map(ClaimWarning::message).toList());
  }

  /** A line priced alone and then denied whole keeps no warning that units were denied. */
  @Test
  void aLineDeniedWholeAfterItsUnitsHasNoUnitsDeniedWarning() {
    ClaimEdit unitsThenLine =
        denyingUnitsOfTheFirstLine(
            2, "test: 2 units not covered", EditFinding.denyLine("payer-units", 0, 8, "test: no"));
    PricedLine drug =
        pricer(b -> b.addEdit(unitsThenLine))
            .price(claim(List.of("J1100 x8", "99213")), OFFICE)
            .line(0);
    assertEquals(Optional.of(UnpricedReason.EDIT_DENIED), drug.reason(), drug.toString());
    assertEquals(List.of(), drug.warnings());
  }

  @Test
  void everyLineIsPaidAtMostItsBilledCharge() {
    Claim claim =
        Claim.builder()
            .add("99213-25", "90.00")
            .add("36415", "20.00")
            .add("80053", "8.00")
            .add("J1100 x8", "0.50")
            .add("E0114-NU", "70.00")
            .build();
    PricedClaim priced = pricer(b -> b).price(claim, OFFICE);
    assertEquals(
        List.of("90.00", "9.09", "8.00", "0.50", "61.45"),
        priced.lines().stream().map(l -> l.amountOrThrow().toPlainString()).toList());
    PricedLine panel = priced.line(2);
    assertEquals(
        "the billed charge 8.00 is lower",
        panel.explanation().find("billed-charge").orElseThrow().description());
    assertTrue(priced.line(1).explanation().has("billed-charge"));
  }

  @Test
  void modifierRulesSeeEveryLine() {
    // 25 and 59 together break a modifier rule: flagged, still priced.
    PricedLine lab = pricer(b -> b).price(claim(List.of("80053-25-59")), OFFICE).line(0);
    assertEquals(new BigDecimal("10.56"), lab.amountOrThrow());
    assertEquals(ClaimWarning.Kind.MODIFIER_RULE_BROKEN, lab.warnings().get(0).kind());
    assertEquals(ModifierRulesEdit.NAME, lab.warnings().get(0).rule());
  }

  /**
   * JW (an amount discarded) beside JZ (none discarded) on one drug line: the drug schedule refuses
   * the line, and the modifier rules, which see every line, flag the pair.
   */
  @Test
  void aDrugLineWithJwAndJzIsRefusedAndFlagged() {
    PricedClaim priced = pricer(b -> b).price(claim(List.of("J1100-JW-JZ x8")), OFFICE);
    PricedLine drug = priced.line(0);
    assertEquals(Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED), drug.reason(), drug::toString);
    assertEquals(PartBPayer.DRUGS, pricer(b -> b).payerOf(drug));
    assertEquals(ClaimWarning.Kind.MODIFIER_RULE_BROKEN, drug.warnings().get(0).kind());
    assertTrue(drug.warnings().get(0).message().contains("MUTUALLY_EXCLUSIVE"), drug::toString);
  }

  @Test
  void aClaimOfTwoReleasesPricesEachPhysicianLineWithItsDatesRelease() {
    MedicareReleases releases = BundledData.medicareReleases();
    // The bundled Part B schedule routes by every release's rows, as this pricer needs.
    PartBClaimPricer pricer = PartBClaimPricer.of(BundledData.partBFeeSchedule(), releases, b -> b);
    // 0446T's non-facility practice expense is 90.47 RVUs in 2025A and 179.53 from 2025B.
    PricingContext april = OFFICE.withDateOfService(LocalDate.of(2025, 5, 5));
    BigDecimal in25a = releases.price(ClaimLine.parse("0446T"), OFFICE).amountOrThrow();
    BigDecimal in25b = releases.price(ClaimLine.parse("0446T"), april).amountOrThrow();
    assertTrue(in25b.compareTo(in25a) > 0, in25b + " " + in25a);
    Claim claim =
        Claim.of(
            BilledLine.parse("0446T"),
            // The bundled lab fees are of the first quarter only.
            BilledLine.parse("80053"),
            BilledLine.parse("0446T on 2025-05-05"),
            BilledLine.parse("19120-LT on 2025-05-05"),
            BilledLine.parse("19120-RT on 2025-05-05"),
            BilledLine.parse("99213 on 2027-01-04"));
    PricedClaim priced = pricer.price(claim, OFFICE);
    assertEquals(in25a, priced.line(0).amountOrThrow());
    assertEquals(PartBPayer.CLINICAL_LABORATORY, pricer.payerOf(priced.line(1)));
    assertTrue(priced.line(1).isPriced(), priced.line(1)::toString);
    assertEquals(in25b, priced.line(2).amountOrThrow());
    String pair = priced.line(4).explanation().toString();
    assertTrue(pair.contains("LT and RT on line 4 and line 5"), pair);
    assertTrue(pair.contains("2025B"), pair);
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), priced.line(5).reason());
    assertTrue(priced.line(5).detail().contains("not 2027-01-04"), priced.line(5)::detail);
  }

  @Test
  void byReleaseThePhysicianLinesTakeTheReleaseOfTheirDate() {
    MedicareReleases releases = BundledData.medicareReleases();
    PartBFeeSchedule partB = BundledData.partBFeeSchedule();
    PartBClaimPricer pricer = PartBClaimPricer.of(partB, releases, b -> b);
    assertEquals(new BigDecimal("198.84"), pricer.price(claim(README_CLAIM), OFFICE).total());
    PricingContext before =
        PricingContext.of(LocalDate.of(2024, 6, 3), Locality.parse("13202-01"), Setting.FACILITY)
            .withBeneficiaryZip("10001");
    PricedClaim old = pricer.price(claim(List.of("99213", "80053")), before);
    PricedLine visit = old.line(0);
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), visit.reason());
    assertTrue(visit.detail().startsWith("the Medicare data covers "), visit.detail());
    assertEquals(Optional.of(UnpricedReason.DATE_NOT_COVERED), old.line(1).reason());
    // A pipeline that gives one release an edit the others lack is refused.
    AtomicInteger calls = new AtomicInteger();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PartBClaimPricer.of(
                partB,
                releases,
                b -> calls.getAndIncrement() == 0 ? b.removeEdit(ModifierRulesEdit.NAME) : b));
  }
}
