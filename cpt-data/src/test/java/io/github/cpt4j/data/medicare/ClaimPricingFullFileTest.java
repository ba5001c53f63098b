package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import io.github.cpt4j.fee.medicare.pfs.claim.ClaimRule;
import io.github.cpt4j.fee.medicare.pfs.claim.CriticalCareEdit;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Claim pricing on the full 2025 relative value file (skipped without CPT4J_CMS_DIR): every row
 * priced alone matches the fee schedule, and the bilateral and endoscopy rules hold for every code
 * they apply to, computed independently from the schedule's exact amounts.
 */
class ClaimPricingFullFileTest {

  private static final List<PricingContext> CONTEXTS =
      List.of(
          PricingContext.of(
              LocalDate.of(2025, 10, 1), Locality.parse("13282-99"), Setting.FACILITY),
          PricingContext.of(
              LocalDate.of(2025, 10, 1), Locality.parse("01182-18"), Setting.NON_FACILITY));

  /** The office in 13282-99 on a date of the October release, where the audit worked by hand. */
  private static final PricingContext OFFICE =
      PricingContext.of(
          LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.NON_FACILITY);

  /** The ZZZ add-ons whose primaries CMS names (G2212 is of global XXX), each with one of them. */
  private static final Map<String, String> NAMED_ADD_ONS =
      Map.ofEntries(
          Map.entry("G2211", "99213"),
          Map.entry("G0316", "99223"),
          Map.entry("G0317", "99306"),
          Map.entry("G0318", "99345"),
          Map.entry("G0545", "99221"),
          Map.entry("G0279", "77066"),
          Map.entry("77063", "77067"),
          Map.entry("99439", "99490"),
          Map.entry("99437", "99491"),
          Map.entry("99489", "99487"),
          Map.entry("99425", "99424"),
          Map.entry("99427", "99426"),
          Map.entry("99458", "99457"));

  /** The line a ZZZ add-on's units are priced beside: 99213, or a primary CMS names for it. */
  private static ClaimLine primaryOf(RvuEntry addOn) {
    return ClaimLine.parse(NAMED_ADD_ONS.getOrDefault(addOn.code().toString(), "99213"));
  }

  private static ClaimLine lineOf(RvuEntry row, Modifier... more) {
    List<Modifier> modifiers = new ArrayList<>();
    row.modifier().ifPresent(modifiers::add);
    modifiers.addAll(List.of(more));
    return ClaimLine.of(row.code(), modifiers, 1);
  }

  /** The schedule's amount of a line before its last rounding: the posted fee times its units. */
  private static BigDecimal exact(
      MedicareFeeSchedule schedule, ClaimLine line, PricingContext context) {
    return schedule.price(line, context).exactAmount().orElseThrow();
  }

  private static BigDecimal cents(BigDecimal exact) {
    return exact.setScale(FeeResult.CENTS, FeeResult.ROUNDING);
  }

  private static boolean active(RvuEntry row) {
    return row.status() == PaymentStatus.A && !row.hasNoRvus();
  }

  @Test
  void everyRowAloneIsPricedAsTheScheduleAlonePricesIt() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    long checked = 0;
    for (RvuEntry row : schedule.rvus().all()) {
      ClaimLine line = lineOf(row);
      for (PricingContext context : CONTEXTS) {
        FeeResult alone = schedule.price(line, context);
        PricedClaim claim = pricer.price(Claim.ofLines(line), context);
        assertEquals(alone.amount(), claim.line(0).amount(), claim.toString());
        assertEquals(alone.reason(), claim.line(0).reason(), claim.toString());
        checked++;
      }
    }
    assertTrue(checked > 38_000, "checked " + checked);
  }

  /**
   * Split global care on the 2025 file, 27447 in 13282-99, facility: PRE OP 0.10, INTRA OP 0.69,
   * POST OP 0.21, global 090 (RVU25D record layout); Claims Processing Manual, chapter 12, section
   * 40.2. The one-unit global fee is 1197.889875290 exactly, posted 1197.89; the shares multiply
   * the posted fee.
   */
  @Test
  void modifiers54And55PayTheirSharesOfTheGlobalFee() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    PricingContext context = CONTEXTS.get(0);
    assertEquals(
        new BigDecimal("1197.889875290"),
        schedule.calculation(ClaimLine.parse("27447"), context).orElseThrow().exactAmount());
    assertEquals(
        0, new BigDecimal("1197.89").compareTo(exact(schedule, ClaimLine.parse("27447"), context)));
    // 54: (0.10 + 0.69) x 1197.89 = 946.3331 = 946.33 (was 0.69 alone: 826.54).
    // 55, 45 units = 45 days: 0.21 x 45/90 x 1197.89 = 125.77845 = 125.78, one procedure,
    // not ranked against the 54 line (was 45 ranked procedures: 5,785.81).
    PricedClaim claim =
        pricer.price(
            Claim.ofLines(ClaimLine.parse("27447-54"), ClaimLine.parse("27447-55 x45")), context);
    assertEquals(new BigDecimal("946.33"), claim.line(0).amount().orElseThrow(), claim.toString());
    assertEquals(new BigDecimal("125.78"), claim.line(1).amount().orElseThrow(), claim.toString());
  }

  /**
   * Modifier 66 on every active row of the 2025 file, by its TEAM SURG indicator (RVU25D record
   * layout: 0 = not permitted; 1 = with documentation of medical necessity, pay by report; 2 =
   * permitted, pay by report; 9 = concept does not apply; Claims Processing Manual ch. 12 §40.8.B:
   * team surgeons' claims are priced by report): 1 and 2 are {@code PRICED_BY_REPORT}, 1 with a
   * documentation warning; 0 and 9 are {@code MODIFIER_NOT_ALLOWED}.
   */
  @Test
  void modifier66IsPricedByReportOnlyWhereTeamSurgeonsMayBePaid() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    PricingContext context = CONTEXTS.get(0);
    Map<SurgeonsPermission, Integer> counts = new TreeMap<>();
    for (RvuEntry row : schedule.rvus().all()) {
      if (!active(row) || row.modifier().isPresent()) {
        continue;
      }
      SurgeonsPermission team = row.indicators().teamSurgery();
      PricedLine line =
          pricer.price(Claim.ofLines(lineOf(row, Modifier.parse("66"))), context).line(0);
      boolean byReport =
          team == SurgeonsPermission.WITH_DOCUMENTATION || team == SurgeonsPermission.PERMITTED;
      assertEquals(
          Optional.of(
              byReport ? UnpricedReason.PRICED_BY_REPORT : UnpricedReason.MODIFIER_NOT_ALLOWED),
          line.reason(),
          line::toString);
      assertEquals(Optional.of(ClaimRule.TEAM_SURGERY.id()), line.refusedBy(), line::toString);
      assertEquals(
          team == SurgeonsPermission.WITH_DOCUMENTATION,
          line.warnings().stream()
              .anyMatch(w -> w.kind() == ClaimWarning.Kind.DOCUMENTATION_REQUIRED),
          line::toString);
      counts.merge(team, 1, Integer::sum);
    }
    // 2025 October: about 8,900 rows of 0, and a few dozen each of 1, 2 and 9.
    assertTrue(
        counts.size() == 4 && counts.values().stream().allMatch(n -> n >= 20), counts.toString());
  }

  @Test
  void modifier50PaysEachBilateralIndicatorsShareOfOneSide() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    PricingContext context = CONTEXTS.get(0);
    Map<BilateralRule, Integer> counts = new TreeMap<>();
    for (RvuEntry row : schedule.rvus().all()) {
      BilateralRule rule = row.indicators().bilateral();
      if (!active(row) || rule == BilateralRule.NOT_APPLICABLE || bySide(row)) {
        // Imaging paid for each side ranks its two sides: see bilateralImagingRanksEachSide.
        continue;
      }
      BigDecimal factor =
          rule == BilateralRule.PAY_150_PERCENT
              ? new BigDecimal("1.5")
              : rule == BilateralRule.PAY_EACH_SIDE ? new BigDecimal("2") : BigDecimal.ONE;
      PricedClaim claim = pricer.price(Claim.ofLines(lineOf(row, Modifier.BILATERAL)), context);
      assertEquals(
          cents(exact(schedule, lineOf(row), context).multiply(factor)),
          claim.line(0).amount().orElseThrow(),
          claim.toString());
      counts.merge(rule, 1, Integer::sum);
    }
    assertTrue(
        counts.size() == 4 && counts.values().stream().allMatch(n -> n > 50), counts.toString());
  }

  /**
   * Every active add-on row (global ZZZ) that the bilateral rule applies to, billed with 2 units
   * beside a primary: 2 units are two of what the add-on adds, paid twice its posted fee and never
   * reduced, not one bilateral procedure (RVU25D's "2 in the units field" is a code reported twice,
   * which an add-on's units are not). 13282-99 facility, 2025: 64484 (BILAT SURG 1) x2 beside 64483
   * is 2 x 47.44 = 94.88 (was 150%, 71.16); 37186 (BILAT SURG 2) x2 beside 37184 is 2 x 220.75 =
   * 441.50 (was 100%, 220.75).
   */
  @Test
  void anAddOnsTwoUnitsArePaidTwiceNotAsBothSides() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    PricingContext context = CONTEXTS.get(0);
    Map<BilateralRule, Integer> counts = new TreeMap<>();
    for (RvuEntry row : schedule.rvus().all()) {
      BilateralRule rule = row.indicators().bilateral();
      if (!active(row)
          || row.indicators().globalPeriod() != io.github.cpt4j.fee.medicare.pfs.GlobalPeriod.ADD_ON
          || rule == BilateralRule.NOT_APPLICABLE
          || rule == BilateralRule.NO_ADJUSTMENT
          || row.code().toString().equals("G2211")) { // paid once a visit, whatever its units
        continue;
      }
      ClaimLine twice = lineOf(row).withUnits(2);
      PricedClaim claim = pricer.price(Claim.ofLines(primaryOf(row), twice), context);
      assertEquals(
          cents(exact(schedule, lineOf(row), context).multiply(new BigDecimal("2"))),
          claim.line(1).amountOrThrow(),
          claim.toString());
      counts.merge(rule, 1, Integer::sum);
    }
    // 2025 October: 47 active add-ons of BILAT SURG 1, 9 of 2 and 9 of 3 (rows).
    assertTrue(
        counts.getOrDefault(BilateralRule.PAY_150_PERCENT, 0) >= 40
            && counts.getOrDefault(BilateralRule.ALREADY_BILATERAL, 0) >= 5
            && counts.getOrDefault(BilateralRule.PAY_EACH_SIDE, 0) >= 5,
        counts.toString());
    PricingContext facility =
        PricingContext.of(LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.FACILITY);
    PricedClaim levels =
        pricer.price(Claim.builder().add("64483").add("64484 x2").build(), facility);
    assertEquals(new BigDecimal("104.23"), levels.line(0).amountOrThrow(), levels.toString());
    assertEquals(new BigDecimal("94.88"), levels.line(1).amountOrThrow(), levels.toString());
    PricedClaim vessels =
        pricer.price(Claim.builder().add("37184").add("37186 x2").build(), facility);
    assertEquals(new BigDecimal("390.60"), vessels.line(0).amountOrThrow(), vessels.toString());
    assertEquals(new BigDecimal("441.50"), vessels.line(1).amountOrThrow(), vessels.toString());
  }

  /**
   * Every active row the same-day bilateral reading applies to (BILAT SURG 1, 2, 3; no add-on) and
   * the surgical ranking ranks (MULT PROC 0, 1, 2), billed as one line of 2 units with a modifier
   * that says another service: paid as the same two services on two lines, the modifier on the
   * second, are; not as both sides of one procedure. 13282-99 facility, 2025-11-03, by hand: 11010
   * (4.19 + 3.40 x 0.949 + 0.74 x 0.732) x 32.3465 = 257.42; 11010-59 x2 is 257.42 + 50% = 386.13
   * (was 100% of one side for both, BILAT SURG 2: 257.42).
   */
  @Test
  void twoUnitsSayingAnotherServiceArePaidAsTwoLines() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    PricingContext facility =
        PricingContext.of(LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.FACILITY);
    PricedClaim units = pricer.price(Claim.builder().add("11010-59 x2").build(), facility);
    assertEquals(new BigDecimal("386.13"), units.line(0).amountOrThrow(), units.toString());
    PricedClaim lines =
        pricer.price(Claim.builder().add("11010").add("11010-59").build(), facility);
    assertEquals(new BigDecimal("386.13"), lines.total(), lines.toString());
    PricedClaim sides = pricer.price(Claim.builder().add("11010 x2").build(), facility);
    assertEquals(new BigDecimal("257.42"), sides.line(0).amountOrThrow(), sides.toString());
    Modifier distinct = Modifier.parse("59");
    Map<BilateralRule, Integer> counts = new TreeMap<>();
    for (RvuEntry row : schedule.rvus().all()) {
      BilateralRule rule = row.indicators().bilateral();
      MultipleProcedureRule mult = row.indicators().multipleProcedure();
      if (!active(row)
          || row.indicators().globalPeriod() == io.github.cpt4j.fee.medicare.pfs.GlobalPeriod.ADD_ON
          || rule == BilateralRule.NOT_APPLICABLE
          || rule == BilateralRule.NO_ADJUSTMENT
          || !(mult == MultipleProcedureRule.NONE
              || mult == MultipleProcedureRule.STANDARD_100_50_25
              || mult == MultipleProcedureRule.STANDARD_100_50)) {
        continue;
      }
      PricedClaim twice =
          pricer.price(Claim.ofLines(lineOf(row, distinct).withUnits(2)), CONTEXTS.get(0));
      PricedClaim two =
          pricer.price(Claim.ofLines(lineOf(row), lineOf(row, distinct)), CONTEXTS.get(0));
      assertEquals(two.total(), twice.total(), twice + " / " + two);
      counts.merge(rule, 1, Integer::sum);
    }
    assertTrue(
        counts.size() == 3 && counts.values().stream().allMatch(n -> n > 50), counts.toString());
  }

  /**
   * Every active add-on row (global ZZZ) of BILAT SURG 0 to 3 billed for two levels on both sides:
   * {@code -50 x2}, and {@code -RT x2} beside {@code -LT x2}, are two bilateral procedures, each
   * the BILAT SURG factor times the posted fee (both lines of the pair rounded once). 13282-99
   * facility, 2025-11-03, by hand: 64484 (BILAT SURG 1) (1.00 + 0.43 x 0.949 + 0.08 x 0.732) x
   * 32.3465 = 47.44; 2 x 150% x 47.44 = 142.32 (was 189.76 as RT x2 and LT x2 lines, refused as 50
   * x2).
   */
  @Test
  void anAddOnsLevelsOnBothSidesAreEachOneBilateralProcedure() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    PricingContext context = CONTEXTS.get(0);
    ClaimLine primary = ClaimLine.parse("99213");
    Modifier m50 = Modifier.parse("50");
    Modifier rt = Modifier.parse("RT");
    Modifier lt = Modifier.parse("LT");
    Map<BilateralRule, Integer> counts = new TreeMap<>();
    for (RvuEntry row : schedule.rvus().all()) {
      BilateralRule rule = row.indicators().bilateral();
      if (!active(row)
          || row.indicators().globalPeriod() != io.github.cpt4j.fee.medicare.pfs.GlobalPeriod.ADD_ON
          || rule == BilateralRule.NOT_APPLICABLE
          || NAMED_ADD_ONS.containsKey(row.code().toString())
          || CriticalCareEdit.isCriticalCare(row.code())) {
        // G2211 is paid once a visit, whatever its units, and the other named add-ons add only to
        // the services CMS names, not to 99213 (the add-on rule); beside critical care (99292) the
        // visit without 25 is denied (the critical care edit), so it is no primary.
        continue;
      }
      BigDecimal factor =
          switch (rule) {
            case PAY_150_PERCENT -> new BigDecimal("1.5");
            case PAY_EACH_SIDE -> new BigDecimal("2");
            default -> BigDecimal.ONE;
          };
      BigDecimal expected =
          cents(
              exact(schedule, lineOf(row), context)
                  .multiply(factor)
                  .multiply(BigDecimal.valueOf(2)));
      PricedClaim fifty =
          pricer.price(Claim.ofLines(primary, lineOf(row, m50).withUnits(2)), context);
      assertEquals(expected, fifty.line(1).amountOrThrow(), fifty.toString());
      PricedClaim sides =
          pricer.price(
              Claim.ofLines(primary, lineOf(row, rt).withUnits(2), lineOf(row, lt).withUnits(2)),
              context);
      assertEquals(
          expected,
          sides.line(1).amountOrThrow().add(sides.line(2).amountOrThrow()),
          sides.toString());
      counts.merge(rule, 1, Integer::sum);
    }
    assertTrue(counts.getOrDefault(BilateralRule.PAY_150_PERCENT, 0) >= 40, counts.toString());
    PricingContext facility =
        PricingContext.of(LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.FACILITY);
    PricedClaim levels =
        pricer.price(
            Claim.builder().add("64483-50").add("64484-RT x2").add("64484-LT x2").build(),
            facility);
    assertEquals(new BigDecimal("71.16"), levels.line(1).amountOrThrow(), levels.toString());
    assertEquals(new BigDecimal("71.16"), levels.line(2).amountOrThrow(), levels.toString());
    PricedClaim fifty =
        pricer.price(Claim.builder().add("64483-50").add("64484-50 x2").build(), facility);
    assertEquals(new BigDecimal("142.32"), fifty.line(1).amountOrThrow(), fifty.toString());
    // Sides of different units: 2 levels on both sides, 2 x 1.5 x 47.44 = 142.32, and 1 on the
    // right only, 47.44: 189.76 (it was 142.32 + 94.88 = 237.20), 118.60 on RT and 71.16 on LT.
    PricedClaim uneven =
        pricer.price(
            Claim.builder().add("64483-50").add("64484-RT x3").add("64484-LT x2").build(),
            facility);
    assertEquals(new BigDecimal("118.60"), uneven.line(1).amountOrThrow(), uneven.toString());
    assertEquals(new BigDecimal("71.16"), uneven.line(2).amountOrThrow(), uneven.toString());
    // RT x2 and LT: 71.16 + 47.44 = 118.60 (it was 142.32).
    PricedClaim twoAndOne =
        pricer.price(
            Claim.builder().add("64483-50").add("64484-RT x2").add("64484-LT").build(), facility);
    assertEquals(
        new BigDecimal("118.60"),
        twoAndOne.line(1).amountOrThrow().add(twoAndOne.line(2).amountOrThrow()),
        twoAndOne.toString());
  }

  /** A code paid 100% for each side whose technical part a multiple-procedure rule reduces. */
  private static boolean bySide(RvuEntry row) {
    MultipleProcedureRule mult = row.indicators().multipleProcedure();
    return row.indicators().bilateral() == BilateralRule.PAY_EACH_SIDE
        && (mult == MultipleProcedureRule.DIAGNOSTIC_IMAGING
            || mult == MultipleProcedureRule.DIAGNOSTIC_CARDIOVASCULAR
            || mult == MultipleProcedureRule.DIAGNOSTIC_OPHTHALMOLOGY);
  }

  /**
   * A diagnostic imaging code paid 100% for each side (BILAT SURG 3) and reduced as imaging (MULT
   * PROC 4), billed for both sides in 13282-99 office, worked by hand from the October 2025 files
   * (CF 32.3465; GPCIs 1, 0.949, 0.732). Each side is a service of the imaging ranking, so the
   * second side loses half its TC and 5% of its PC (RVU25D, BILAT SURG 3: "100% of the fee schedule
   * amount for each side", before "any multiple procedure rules"; MULT PROC 4: "50% for each
   * subsequent procedure"; CMS Recovery Audit topic 0164: "100% of the Medicare allowed amount for
   * each side less any applicable multiple procedure pricing rules").
   *
   * <p>73721: global 191.61, TC 131.17, PC 60.44; the second side 191.61 - 65.585 - 3.022 =
   * 123.003, both 314.613 (was 200%, 383.22). 73221: 191.92, TC 131.48, PC 60.44. 73700: 122.55, TC
   * 78.21, PC 44.34. 73706 (TC under the OPPS cap, 168.62 of its 219.82; global capped at 252.71,
   * PC 84.09): the second side's TC is the lower of half the fee schedule TC, 109.91, and the cap:
   * 252.71 - 58.71 - 4.2045 = 189.7955, both 442.5055 (was 505.42).
   */
  @Test
  void bilateralImagingRanksEachSide() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(CmsFiles.schedule2025());
    for (String[] bilateral :
        List.of(
            new String[] {"73721-50"},
            new String[] {"73721-LT", "73721-RT"},
            new String[] {"73721 x2"})) {
      Claim.Builder builder = Claim.builder();
      for (String line : bilateral) {
        builder.add(line);
      }
      PricedClaim claim = pricer.price(builder.build(), OFFICE);
      assertEquals(new BigDecimal("314.61"), claim.total(), claim.toString());
    }
    PricedClaim pair =
        pricer.price(Claim.builder().add("73721-LT").add("73721-RT").build(), OFFICE);
    assertEquals(new BigDecimal("157.31"), pair.line(0).amountOrThrow(), pair.toString());
    assertEquals(new BigDecimal("157.30"), pair.line(1).amountOrThrow(), pair.toString());
    // Beside 73221, whose TC (131.48) outranks each side's (131.17): 73221 in full, both sides
    // reduced, 2 x 123.003 = 246.006 (was 73721-50 383.22 in full and 73221 reduced, 123.16).
    PricedClaim beside = pricer.price(Claim.builder().add("73721-50").add("73221").build(), OFFICE);
    assertEquals(new BigDecimal("246.01"), beside.line(0).amountOrThrow(), beside.toString());
    assertEquals(new BigDecimal("191.92"), beside.line(1).amountOrThrow(), beside.toString());
    // Beside the cheaper 73700: the first side in full, the second reduced, 314.61; 73700 third,
    // 122.55 - 39.105 - 2.217 = 81.228.
    PricedClaim cheaper =
        pricer.price(Claim.builder().add("73721-50").add("73700").build(), OFFICE);
    assertEquals(new BigDecimal("314.61"), cheaper.line(0).amountOrThrow(), cheaper.toString());
    assertEquals(new BigDecimal("81.23"), cheaper.line(1).amountOrThrow(), cheaper.toString());
    PricedClaim capped = pricer.price(Claim.builder().add("73706-50").build(), OFFICE);
    assertEquals(new BigDecimal("442.51"), capped.total(), capped.toString());
    // 59 on a line of 2 units makes the line one other session, its units reduced between
    // themselves (MULT PROC 4: "in the same session"); 59 on a second line makes two sessions.
    PricedClaim units = pricer.price(Claim.builder().add("70336-59 x2").build(), OFFICE);
    assertEquals(new BigDecimal("399.06"), units.total(), units.toString());
    PricedClaim sessions =
        pricer.price(Claim.builder().add("70336").add("70336-59").build(), OFFICE);
    assertEquals(new BigDecimal("492.78"), sessions.total(), sessions.toString());
  }

  /**
   * Every active row paid 100% for each side with a component rule (MULT PROC 4 or 7 in 2025), with
   * modifier 50 in 13282-99 office: one side in full and the second side less the rule's share of
   * its TC (taken from the fee schedule TC, then the lower of that and the OPPS cap) and, for
   * imaging, 5% of its PC, computed from the schedule's posted fees.
   */
  @Test
  void everyImagingCodePaidForEachSideReducesItsSecondSide() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    Map<MultipleProcedureRule, Integer> counts = new TreeMap<>();
    for (RvuEntry row : schedule.rvus().all()) {
      if (!active(row) || !bySide(row)) {
        continue;
      }
      MultipleProcedureRule mult = row.indicators().multipleProcedure();
      BigDecimal tcCut =
          mult == MultipleProcedureRule.DIAGNOSTIC_IMAGING
              ? new BigDecimal("0.5")
              : mult == MultipleProcedureRule.DIAGNOSTIC_CARDIOVASCULAR
                  ? new BigDecimal("0.25")
                  : new BigDecimal("0.2");
      BigDecimal pcCut =
          mult == MultipleProcedureRule.DIAGNOSTIC_IMAGING
              ? new BigDecimal("0.05")
              : BigDecimal.ZERO;
      String modifier = row.modifier().map(Modifier::toString).orElse("");
      ClaimLine tcLine = ClaimLine.of(row.code(), List.of(Modifier.TECHNICAL_COMPONENT), 1);
      BigDecimal tc = modifier.equals("26") ? BigDecimal.ZERO : exact(schedule, tcLine, OFFICE);
      BigDecimal tcFeeSchedule =
          modifier.equals("26")
              ? BigDecimal.ZERO
              : cents(schedule.calculation(tcLine, OFFICE).orElseThrow().uncappedAmount());
      BigDecimal pc =
          modifier.equals("TC")
              ? BigDecimal.ZERO
              : exact(
                  schedule,
                  ClaimLine.of(row.code(), List.of(Modifier.PROFESSIONAL_COMPONENT), 1),
                  OFFICE);
      BigDecimal side = exact(schedule, lineOf(row), OFFICE);
      BigDecimal tcOff = tc.subtract(tcFeeSchedule.subtract(tcFeeSchedule.multiply(tcCut)).min(tc));
      BigDecimal second = side.subtract(tcOff).subtract(pc.multiply(pcCut));
      PricedClaim claim = pricer.price(Claim.ofLines(lineOf(row, Modifier.BILATERAL)), OFFICE);
      assertEquals(cents(side.add(second)), claim.line(0).amountOrThrow(), claim.toString());
      counts.merge(mult, 1, Integer::sum);
    }
    // 2025 October: 21 imaging codes (three rows each) and 4 ophthalmic ultrasound codes.
    assertTrue(
        counts.getOrDefault(MultipleProcedureRule.DIAGNOSTIC_IMAGING, 0) >= 60
            && counts.getOrDefault(MultipleProcedureRule.DIAGNOSTIC_OPHTHALMOLOGY, 0) >= 4,
        counts.toString());
  }

  /**
   * For every endoscopy family of the file: a member billed with its base is paid in full and the
   * base nothing; two members are paid the higher in full and the other its amount minus the
   * base's, never below zero (when both outrank nothing else on the claim).
   */
  @Test
  void endoscopyFamiliesPayTheHighestInFullAndTheOthersLessTheBase() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    PricingContext context = CONTEXTS.get(0);
    Map<ProcedureCode, List<RvuEntry>> families = new TreeMap<>();
    for (RvuEntry row : schedule.rvus().all()) {
      if (active(row)
          && row.modifier().isEmpty()
          && row.indicators().multipleProcedure() == MultipleProcedureRule.ENDOSCOPY_FAMILY
          && row.indicators().endoscopicBase().isPresent()
          && row.indicators().globalPeriod()
              != io.github.cpt4j.fee.medicare.pfs.GlobalPeriod.ADD_ON) {
        families
            .computeIfAbsent(row.indicators().endoscopicBase().get(), b -> new ArrayList<>())
            .add(row);
      }
    }
    int pairs = 0;
    for (Map.Entry<ProcedureCode, List<RvuEntry>> family : families.entrySet()) {
      Optional<RvuEntry> base = schedule.rvuEntry(family.getKey(), Optional.empty());
      if (base.isEmpty() || !active(base.get())) {
        continue;
      }
      ClaimLine baseLine = lineOf(base.get());
      BigDecimal baseFee = exact(schedule, baseLine, context);
      List<RvuEntry> members = family.getValue();
      for (RvuEntry member : members) {
        PricedClaim withBase = pricer.price(Claim.ofLines(lineOf(member), baseLine), context);
        assertEquals(
            cents(exact(schedule, lineOf(member), context)),
            withBase.line(0).amount().orElseThrow(),
            withBase.toString());
        assertEquals(
            new BigDecimal("0.00"), withBase.line(1).amount().orElseThrow(), withBase.toString());
      }
      for (int i = 0; i + 1 < members.size(); i++) {
        ClaimLine a = lineOf(members.get(i));
        ClaimLine b = lineOf(members.get(i + 1));
        BigDecimal feeA = exact(schedule, a, context);
        BigDecimal feeB = exact(schedule, b, context);
        boolean aFirst = feeA.compareTo(feeB) >= 0;
        BigDecimal other = (aFirst ? feeB : feeA).subtract(baseFee).max(BigDecimal.ZERO);
        PricedClaim claim = pricer.price(Claim.ofLines(a, b), context);
        assertEquals(
            cents(aFirst ? feeA : other), claim.line(0).amount().orElseThrow(), claim.toString());
        assertEquals(
            cents(aFirst ? other : feeB), claim.line(1).amount().orElseThrow(), claim.toString());
        pairs++;
      }
    }
    assertTrue(families.size() > 20 && pairs > 100, families.size() + " families, " + pairs);
  }

  /**
   * The imaging cut before the OPPS cap, as the outside audit computed it by hand from the October
   * files, in 13282-99, non-facility: 70496's TC 182.74 (cap 168.93) and PC 77.84; 74177's TC
   * 202.77; 72191's TC 206.69.
   */
  @Test
  void imagingIsCutBeforeTheOppsCap() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(CmsFiles.schedule2025());
    // 91.37 (half the TC, under the cap) + 95% of 77.84 = 165.318.
    PricedClaim second = pricer.price(Claim.builder().add("74177").add("70496").build(), OFFICE);
    assertEquals(new BigDecimal("165.32"), second.line(1).amountOrThrow(), second.toString());
    // 72191 ranks first by its fee schedule TC (206.69 against 182.74), though its capped TC is
    // the lower: paid its capped global 248.64, and 70496 165.32.
    PricedClaim order = pricer.price(Claim.builder().add("72191").add("70496").build(), OFFICE);
    assertEquals(new BigDecimal("248.64"), order.line(0).amountOrThrow(), order.toString());
    assertEquals(new BigDecimal("165.32"), order.line(1).amountOrThrow(), order.toString());
  }

  /**
   * Therapy (MULT PROC 5): a later unit is paid the reduced fee CMS posts, the formula with half
   * the practice expense rounded once, for every therapy code of the file. The outside audit's
   * example, 97140 after 97530 and 97110 in 13282-99 office: (0.43 + 0.5 x 0.40 x 0.949 + 0.01 x
   * 0.732) x 32.3465 = 20.2852, paid 20.29 (the posted 26.42 less half the exact PE gave 20.28).
   */
  @Test
  void laterTherapyUnitsArePaidTheReducedFeeCmsPosts() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    PricedClaim three =
        pricer.price(Claim.builder().add("97110").add("97140").add("97530").build(), OFFICE);
    assertEquals(new BigDecimal("20.29"), three.line(1).amountOrThrow(), three.toString());
    int codes = 0;
    for (RvuEntry row : schedule.rvus().all()) {
      if (!active(row)
          || row.modifier().isPresent()
          || row.indicators().multipleProcedure() != MultipleProcedureRule.THERAPY) {
        continue;
      }
      ClaimLine two = ClaimLine.of(row.code(), List.of(), 2);
      var fee = (FeeCalculation) schedule.evaluator(OFFICE).evaluate(lineOf(row));
      BigDecimal reduced =
          fee.exactAmount()
              .subtract(fee.practiceExpenseAmount().multiply(new BigDecimal("0.5")))
              .setScale(2, FeeResult.ROUNDING);
      PricedClaim claim = pricer.price(Claim.ofLines(two), OFFICE);
      assertEquals(fee.amount().add(reduced), claim.line(0).amountOrThrow(), claim.toString());
      codes++;
    }
    assertTrue(codes > 40, "therapy codes: " + codes);
  }

  /**
   * A payment share (a co-surgeon's 62.5%, a therapy assistant's 85%) is paid of the ranked amount
   * and does not change the ranking, which is by fee schedule amount (RVU25D, MULT PROC 2 and 5),
   * as an outside audit computed in 13282-99. 22612 (1466.58) outranks 63047 (1030.26) though its
   * co-surgeon's share, 916.61, is less: 916.61 + 50% x 1030.26 = 515.13, not 1030.26 + 458.31.
   * 97110's practice expense (13.20 RVUs) outranks 97140's (12.28) though 85% of it does not:
   * 97110-CQ is 85% x 27.99 = 23.79 in full, and 97140 its reduced posted fee, 20.29. The
   * explanation names the practice expense the ranking weighs: it said only that 97110-CQ's 11.22
   * ranked above 97140's 12.28.
   */
  @Test
  void paymentSharesArePaidOfTheRankingAndDoNotChangeIt() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(CmsFiles.schedule2025());
    PricingContext facility =
        PricingContext.of(LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.FACILITY);
    PricedClaim surgery =
        pricer.price(Claim.builder().add("22612-62").add("63047").build(), facility);
    assertEquals(new BigDecimal("916.61"), surgery.line(0).amountOrThrow(), surgery.toString());
    assertEquals(new BigDecimal("515.13"), surgery.line(1).amountOrThrow(), surgery.toString());
    PricedClaim therapy =
        pricer.price(Claim.builder().add("97110-GP-CQ").add("97140-GP").build(), OFFICE);
    assertEquals(new BigDecimal("23.79"), therapy.line(0).amountOrThrow(), therapy.toString());
    assertEquals(new BigDecimal("20.29"), therapy.line(1).amountOrThrow(), therapy.toString());
    String words = therapy.line(0).explanation().toString();
    assertTrue(
        words.contains(
            "practice expense 11.21969081675 (ranked by 13.199636255, before the line's payment"
                + " shares) ranks 1 of 2 among therapy services: paid in full"),
        words);
  }

  /**
   * A global-only cardiovascular test's technical part is its technical-only code's fee: 93000
   * beside 93306 in 13282-99 office loses a quarter of 93005's 5.76, as the outside audit computed:
   * 13.34 - 1.44 = 11.90.
   */
  @Test
  void aGlobalOnlyTestLosesAQuarterOfItsTracing() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(CmsFiles.schedule2025());
    PricedClaim claim = pricer.price(Claim.builder().add("93306").add("93000").build(), OFFICE);
    assertEquals(new BigDecimal("11.90"), claim.line(1).amountOrThrow(), claim.toString());
  }

  /**
   * Modifier FX on every split test of the file (PC/TC 1) in 13282-99 office: the global row loses
   * a fifth of its TC row's posted fee (under the OPPS cap), the TC row a fifth of itself, the 26
   * row nothing (change request 9727). README's example: 71046-FX, 31.23 - 20% x 21.42 = 26.95.
   */
  @Test
  void filmTakesAFifthOfEveryTechnicalComponent() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    PricedClaim chest = pricer.price(Claim.builder().add("71046-FX").build(), OFFICE);
    assertEquals(new BigDecimal("26.95"), chest.line(0).amountOrThrow(), chest.toString());
    // README's therapy assistant: 97110-GP-CQ, 85% x 27.99 = 23.7915, paid 23.79.
    PricedClaim therapy = pricer.price(Claim.builder().add("97110-GP-CQ").build(), OFFICE);
    assertEquals(new BigDecimal("23.79"), therapy.line(0).amountOrThrow(), therapy.toString());
    BigDecimal fifth = new BigDecimal("0.2");
    int codes = 0;
    for (RvuEntry row : schedule.rvus().all()) {
      if (!active(row)
          || row.modifier().isPresent()
          || row.indicators().pcTc() != PcTcIndicator.DIAGNOSTIC_TEST
          // Three lines of one ranked code would be ranked against each other.
          || row.indicators().multipleProcedure() != MultipleProcedureRule.NONE) {
        continue;
      }
      FeeResult tc =
          schedule.price(
              ClaimLine.of(row.code(), List.of(Modifier.TECHNICAL_COMPONENT), 1), OFFICE);
      FeeResult pc =
          schedule.price(
              ClaimLine.of(row.code(), List.of(Modifier.PROFESSIONAL_COMPONENT), 1), OFFICE);
      FeeResult global = schedule.price(ClaimLine.of(row.code(), List.of(), 1), OFFICE);
      if (!tc.isPriced() || !pc.isPriced() || !global.isPriced()) {
        continue;
      }
      BigDecimal tcFee = tc.exactAmount().orElseThrow();
      PricedClaim claim =
          pricer.price(
              Claim.ofLines(
                  ClaimLine.of(row.code(), List.of(Modifier.FILM_X_RAY), 1),
                  ClaimLine.of(
                      row.code(), List.of(Modifier.TECHNICAL_COMPONENT, Modifier.FILM_X_RAY), 1),
                  ClaimLine.of(
                      row.code(),
                      List.of(Modifier.PROFESSIONAL_COMPONENT, Modifier.FILM_X_RAY),
                      1)),
              OFFICE);
      assertEquals(
          cents(global.exactAmount().orElseThrow().subtract(tcFee.multiply(fifth))),
          claim.line(0).amountOrThrow(),
          claim.toString());
      assertEquals(
          cents(tcFee.subtract(tcFee.multiply(fifth))),
          claim.line(1).amountOrThrow(),
          claim.toString());
      assertEquals(pc.amountOrThrow(), claim.line(2).amountOrThrow(), claim.toString());
      codes++;
    }
    assertTrue(codes > 300, "split tests: " + codes);
  }

  /**
   * The claim rules as an independent audit computed them by hand from the October 2025 files, in
   * 13282-99, facility, on 2025-11-03 (fees: 22818 1998.97, 22612 1466.58, 27447 1197.89, 63047
   * 1030.26, 29880 531.70, 11042 56.62, 20610 42.14, 45378 170.58, 45380 185.53, 45385 234.14,
   * 43235 113.60, 43239 127.76, 43251 180.75, 99213 61.92), each claim against the text it checks:
   * the RVU25D record layout's indicators (MULT PROC, BILAT SURG, CO-SURG, TEAM SURG, ASST SURG,
   * GLOB DAYS, PRE/INTRA/POST OP) and the Claims Processing Manual, chapter 12, section 40. An
   * entry is an amount, or the reason of a line left without one.
   */
  @Test
  void theClaimRulesAuditHandFiguresHold() {
    MedicareClaimPricer pricer = MedicareClaimPricer.of(CmsFiles.schedule2025());
    PricingContext facility =
        PricingContext.of(LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.FACILITY);
    String[][][] audit = {
      // MULT PROC 2: ranked by fee, 100% then 50%; modifier 51 changes nothing.
      {{"27447", "63047", "20610"}, {"1197.89", "515.13", "21.07"}},
      {{"27447", "63047-51", "20610-51"}, {"1197.89", "515.13", "21.07"}},
      // BILAT SURG 1 before the ranking: 20610-50 is 1.5 x 42.14 = 63.21 and outranks 11042.
      {{"20610-50", "11042"}, {"63.21", "28.31"}},
      {{"27447-50", "63047"}, {"1796.84", "515.13"}},
      // The sixth procedure is paid by report.
      {
        {"22612", "27447", "63047", "29880", "20610", "11042"},
        {"1466.58", "598.95", "515.13", "265.85", "PRICED_BY_REPORT", "28.31"}
      },
      // MULT PROC 3: 45380 less base 45378 (185.53 - 170.58); the base alone is paid in full.
      {{"45385", "45380"}, {"234.14", "14.95"}},
      {{"45378", "45380"}, {"0.00", "185.53"}},
      {{"45378"}, {"170.58"}},
      // Two families, each ranked as one procedure: 249.09 in full, 194.91 at 50%.
      {{"45385", "45380", "43251", "43239"}, {"234.14", "14.95", "90.38", "7.08"}},
      // BILAT SURG 0 (22612), 1 (27447), 2 (63047): 50, LT and RT, 2 units.
      {{"22612-50"}, {"1466.58"}},
      {{"22612-LT", "22612-RT"}, {"733.29", "733.29"}},
      {{"27447-LT", "27447-RT"}, {"898.42", "898.42"}},
      {{"27447 x2"}, {"1796.84"}},
      {{"63047-LT", "63047-RT"}, {"515.13", "515.13"}},
      {{"63047 x2"}, {"1030.26"}},
      // CO-SURG 2, 1, 0; TEAM SURG 2, 1, 0; ASST SURG 2 (80, 81, 82, AS), 0, 1.
      {{"22612-62"}, {"916.61"}},
      {{"27447-62"}, {"748.68"}},
      {{"20610-62"}, {"MODIFIER_NOT_ALLOWED"}},
      {{"22818-66"}, {"PRICED_BY_REPORT"}},
      // A line by report ranks by its fee: 22818-66 (1998.97) first, so 27447 is second at 50%
      // (it was paid 1197.89), 20610 third; 27447-53 (1197.89) outranks 29880 (531.70).
      {{"22818-66", "27447", "20610"}, {"PRICED_BY_REPORT", "598.95", "21.07"}},
      {{"27447-53", "29880"}, {null, "265.85"}},
      // A by-report side is one procedure with its code's other side, not ranked against it:
      // 27447-LT in full (it was paid 598.95, ranked second behind 27447-53-RT).
      {{"27447-53-RT", "27447-LT"}, {null, "1197.89"}},
      {{"27447-53", "27447"}, {null, "1197.89"}},
      {{"22836-66"}, {"PRICED_BY_REPORT"}},
      {{"27447-66"}, {"MODIFIER_NOT_ALLOWED"}},
      {{"22612-80"}, {"234.65"}},
      {{"22612-81"}, {"234.65"}},
      {{"22612-82"}, {"234.65"}},
      {{"22612-AS"}, {"199.45"}},
      {{"29880-80"}, {"85.07"}},
      {{"20610-80"}, {"MODIFIER_NOT_ALLOWED"}},
      // 54 pre + intra (0.79), 56 pre (0.10), 55 post x days / 90, 78 intra (0.69).
      {{"27447-54"}, {"946.33"}},
      {{"27447-56"}, {"119.79"}},
      {{"27447-55 x45"}, {"125.78"}},
      {{"27447-78"}, {"826.54"}},
      {{"20610-54"}, {"MODIFIER_NOT_ALLOWED"}},
      // Split care is the surgeon's package, not an assistant's (ch. 12 §40.2.A, §20.4.3): was
      // 0.16 x 0.21 x 1197.89 = 40.25 and 0.16 x 0.79 x 1197.89 = 151.41. A co-surgeon's is his
      // own package's share (§40.8): 0.625 x 0.10 x 1197.89 = 74.87.
      {{"27447-55-80 x90"}, {"MODIFIER_NOT_ALLOWED"}},
      {{"27447-54-80"}, {"MODIFIER_NOT_ALLOWED"}},
      {{"27447-56-62"}, {"74.87"}},
      // 50 reports both knees; RT beside it bills the right one again (was 598.95 more).
      {{"27447-50", "27447-RT"}, {"1796.84", "MODIFIER_NOT_ALLOWED"}},
      {
        {"27447-RT", "27447-50", "27447-LT"},
        {"MODIFIER_NOT_ALLOWED", "1796.84", "MODIFIER_NOT_ALLOWED"}
      },
      // 22, 52 and 53 without a row of its own: the contractor's; 45378-53 has its row.
      {{"27447-22"}, {null}},
      {{"27447-52"}, {null}},
      {{"27447-53"}, {null}},
      {{"45378-53"}, {"85.56"}},
      // Visits in the global package: 000 on the day (25), 090 the day before (57) and the
      // postoperative days (24); 79 marks a procedure, not a visit.
      {{"20610", "99213"}, {"42.14", "GLOBAL_SURGERY"}},
      {{"20610", "99213-25"}, {"42.14", "61.92"}},
      {{"20610", "99213-57"}, {"42.14", "GLOBAL_SURGERY"}},
      {{"27447", "99213-57"}, {"1197.89", "61.92"}},
      {{"27447", "99213-57 on 2025-11-02"}, {"1197.89", "61.92"}},
      {{"27447", "99213-25 on 2025-11-02"}, {"1197.89", "GLOBAL_SURGERY"}},
      {{"27447", "99213-24 on 2025-11-10"}, {"1197.89", "61.92"}},
      {{"27447", "99213-79 on 2025-11-10"}, {"1197.89", "GLOBAL_SURGERY"}},
      {{"27447", "20610-79 on 2025-11-10"}, {"1197.89", "42.14"}},
      // An assistant's line (80, AS) opens no package: "services of other physicians" are not
      // in it (§40.1.B). 16% x 1197.89 = 191.66; 13.6% = 162.91.
      {{"27447-80", "99213"}, {"191.66", "61.92"}},
      {{"27447-AS", "99213 on 2025-11-10"}, {"162.91", "61.92"}},
      {{"27447", "99213 on 2025-11-10", "27447-80"}, {"1197.89", "GLOBAL_SURGERY"}},
      // 56 alone, preoperative care only: the day before is in the package, the postoperative
      // days are not (it was denied 17 days after); 54 keeps its surgeon's package.
      {{"27447-56", "99213 on 2025-11-20"}, {"119.79", "61.92"}},
      {{"27447-56", "99213 on 2025-11-02"}, {"119.79", "GLOBAL_SURGERY"}},
      {{"27447-54", "99213 on 2025-11-25"}, {"946.33", "GLOBAL_SURGERY"}},
    };
    for (String[][] entry : audit) {
      Claim.Builder claim = Claim.builder();
      for (String line : entry[0]) {
        claim.add(BilledLine.parse(line));
      }
      PricedClaim priced = pricer.price(claim.build(), facility);
      for (int i = 0; i < entry[1].length; i++) {
        String expected = entry[1][i];
        PricedLine line = priced.line(i);
        if (expected == null) {
          assertEquals(
              Optional.of(UnpricedReason.CARRIER_PRICED), line.reason(), priced.toString());
        } else if (Character.isDigit(expected.charAt(0))) {
          assertEquals(new BigDecimal(expected), line.amountOrThrow(), priced.toString());
        } else {
          assertEquals(
              Optional.of(UnpricedReason.valueOf(expected)), line.reason(), priced.toString());
        }
      }
    }
  }
}
