package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.DATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.code.Section;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.pfs.AssistantAtSurgery;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.GlobalPeriod;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: every fast path of claim pricing gives exactly what the general path gives, on random
 * claims of {@link ClaimTables}' codes with visits, the global-surgery modifiers, payment
 * modifiers, units, charges, lines on one date or on several, and of one provider or several.
 */
class ClaimFastPathProperties {

  private static final MedicareFeeSchedule SCHEDULE = ClaimTables.schedule();
  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(SCHEDULE);

  /** The same steps, run by the loop over the list: a step that does nothing is added last. */
  private static final MedicareClaimPricer GENERAL_LOOP =
      PRICER.toBuilder().addStep(new DoNothing()).build();

  /** The same pricer with every fast path of the pricer itself turned off. */
  private static final MedicareClaimPricer GENERAL_PATHS =
      PRICER.toBuilder().generalPathsOnly().build();

  /** The same rows with the facility setting NA on every third, and its two pricers. */
  private static final MedicareFeeSchedule WITH_NA =
      ClaimTables.scheduleBuilder().rvus(RvuTable.of(ClaimTables.rows(true))).build();

  private static final MedicareClaimPricer PRICER_NA = MedicareClaimPricer.of(WITH_NA);
  private static final MedicareClaimPricer GENERAL_PATHS_NA =
      PRICER_NA.toBuilder().generalPathsOnly().build();

  private static final GlobalSurgeryEdit GLOBAL_SURGERY = GlobalSurgeryEdit.of(SCHEDULE);

  private static final List<String> CODES;

  static {
    Set<String> codes = new TreeSet<>();
    for (RvuEntry row : ClaimTables.rows()) {
      codes.add(row.code().toString());
    }
    codes.add("12345"); // not in the schedule
    CODES = List.copyOf(codes);
  }

  private static final List<Modifier> MODIFIERS =
      List.of(
          Modifier.SEPARATE_EM,
          Modifier.parse("57"),
          Modifier.parse("24"),
          Modifier.PROFESSIONAL_COMPONENT,
          Modifier.TECHNICAL_COMPONENT,
          Modifier.BILATERAL,
          Modifier.LEFT_SIDE,
          Modifier.RIGHT_SIDE,
          Modifier.MULTIPLE_PROCEDURES,
          Modifier.CO_SURGEONS,
          Modifier.ASSISTANT_SURGEON,
          Modifier.SURGICAL_CARE_ONLY,
          Modifier.POSTOPERATIVE_CARE_ONLY,
          Modifier.PREOPERATIVE_CARE_ONLY,
          Modifier.INCREASED_SERVICES,
          Modifier.FILM_X_RAY,
          Modifier.COMPUTED_RADIOGRAPHY,
          Modifier.CT_EQUIPMENT_NOT_STANDARD,
          Modifier.PHYSICAL_THERAPY_ASSISTANT);

  private static final class DoNothing implements ClaimStep {
    @Override
    public String name() {
      return "do-nothing";
    }

    @Override
    public void apply(ClaimState claim) {}
  }

  @Provide
  Arbitrary<BilledLine> lines() {
    // A visit in one line of three: the global-surgery edit has something to judge.
    Arbitrary<ProcedureCode> codes =
        Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("99213")), Tuple.of(2, Arbitraries.of(CODES)))
            .map(ProcedureCode::parse);
    Arbitrary<List<Modifier>> modifiers =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.just(List.<Modifier>of())),
            Tuple.of(
                3, Arbitraries.of(MODIFIERS).list().ofMinSize(1).ofMaxSize(2).uniqueElements()));
    Arbitrary<Integer> units =
        Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1)), Tuple.of(2, Arbitraries.just(2)));
    Arbitrary<Optional<BigDecimal>> charges =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(Optional.<BigDecimal>empty())),
            Tuple.of(
                1,
                Arbitraries.bigDecimals()
                    .between(BigDecimal.ONE, new BigDecimal("900"))
                    .ofScale(2)
                    .map(Optional::of)));
    // Most lines on the claim's date; some on their own, around a procedure's global days.
    Arbitrary<Optional<Integer>> days =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(Optional.<Integer>empty())),
            Tuple.of(1, Arbitraries.just(Optional.of(0))),
            Tuple.of(1, Arbitraries.integers().between(-2, 12).map(Optional::of)));
    // Most lines of the claim's one provider; some of two others, whose days are priced apart
    // but for the component reductions, which rank every provider's lines of a date together.
    Arbitrary<Optional<Npi>> providers =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.just(Optional.<Npi>empty())),
            Tuple.of(
                1,
                Arbitraries.of(
                    Optional.of(Npi.parse("1234567893")), Optional.of(Npi.parse("2000000002")))));
    return Combinators.combine(codes, modifiers, units, charges, days, providers)
        .as(
            (code, mods, n, charge, day, provider) -> {
              ClaimLine line = ClaimLine.of(code, mods, n);
              BilledLine billed =
                  charge.isPresent() ? BilledLine.of(line, charge.get()) : BilledLine.of(line);
              billed = provider.map(billed::withRenderingProvider).orElse(billed);
              return day.isPresent() ? billed.withDateOfService(DATE.plusDays(day.get())) : billed;
            });
  }

  @Provide
  Arbitrary<Claim> claims() {
    return lines().list().ofMinSize(1).ofMaxSize(7).map(Claim::of);
  }

  /** The global-surgery edit's exit for a visit with 25 on a claim of one date. */
  @Property(tries = 2000)
  void globalSurgeryFastExitFindsWhatTheGeneralRulesFind(@ForAll("claims") Claim claim) {
    List<EditFinding> fast = GLOBAL_SURGERY.check(claim, CONTEXT, true);
    List<EditFinding> general = GLOBAL_SURGERY.check(claim, CONTEXT, false);
    assertEquals(general, fast, claim.toString());
  }

  /**
   * The visit test's range checks, on every CPT code: the section table's E/M section, with 99201
   * and the eye exams 92002-92014.
   */
  @Test
  void isVisitAgreesWithTheSectionTableOnEveryCptCode() {
    int visits = 0;
    for (int n = 0; n < 100_000; n++) {
      String digits = String.format("%05d", n);
      check(digits);
      visits += GlobalSurgeryEdit.isVisit(CptCode.parse(digits)) ? 1 : 0;
      if (n < 10_000) {
        check(digits.substring(1) + "F");
        check(digits.substring(1) + "T");
      }
    }
    assertEquals(99499 - 99202 + 1 + 1 + 92014 - 92002 + 1, visits);
  }

  private static void check(String text) {
    CptCode code = CptCode.parse(text);
    boolean eyeExamOrRetired =
        text.equals("99201")
            || Character.isDigit(text.charAt(4))
                && text.compareTo("92002") >= 0
                && text.compareTo("92014") <= 0;
    assertEquals(
        code.section() == Section.EVALUATION_AND_MANAGEMENT || eyeExamOrRetired,
        GlobalSurgeryEdit.isVisit(code),
        text);
  }

  /**
   * The endoscopy test through the base code a procedure reads once ({@link
   * Procedure#endoscopicBase}) against the indicators' own {@code Optional}, for every kind of
   * ranking rule, with and without a base code, priced or not, add-on or not, with and without 55.
   */
  @Property(tries = 1000)
  void familyMemberTestAgreesWithTheIndicators(
      @ForAll("indicators") PaymentIndicators indicators,
      @ForAll boolean priced,
      @ForAll boolean postoperativeOnly) {
    ClaimLine line =
        ClaimLine.of(
            ProcedureCode.parse("29880"),
            postoperativeOnly ? List.of(Modifier.POSTOPERATIVE_CARE_ONLY) : List.of(),
            1);
    LineWork w = new LineWork(0, 1, BilledLine.of(line), ModifierRegistry.standard(), null);
    w.indicators = indicators;
    w.amount = BigDecimal.TEN;
    Procedure p = new Procedure(w, null, 1, Amounts.ONE);
    if (!priced) {
      w.amount = null;
    }
    boolean general =
        p.rule() == MultipleProcedureRule.ENDOSCOPY_FAMILY
            && p.isPriced()
            && !p.line.isAddOn()
            && !p.line.isPostoperativeDays()
            && p.indicators().endoscopicBase().isPresent();
    assertEquals(general, MultipleSurgeryStep.isFamilyMember(p), indicators.toString());
    assertEquals(
        p.rule() == MultipleProcedureRule.ENDOSCOPY_FAMILY
            ? indicators.endoscopicBase().orElse(null)
            : null,
        p.endoscopicBase);
  }

  @Provide
  Arbitrary<PaymentIndicators> indicators() {
    Arbitrary<MultipleProcedureRule> rules = Arbitraries.of(MultipleProcedureRule.class);
    Arbitrary<Optional<ProcedureCode>> bases =
        Arbitraries.of(Optional.empty(), Optional.of(ProcedureCode.parse("29870")));
    Arbitrary<GlobalPeriod> globals = Arbitraries.of(GlobalPeriod.class);
    return Combinators.combine(rules, bases, globals)
        .as(
            (rule, base, global) ->
                PaymentIndicators.builder()
                    .status(PaymentStatus.of('A'))
                    .pcTc(PcTcIndicator.of('0'))
                    .globalPeriod(global)
                    .multipleProcedure(rule)
                    .bilateral(BilateralRule.of('1'))
                    .assistantAtSurgery(AssistantAtSurgery.of('1'))
                    .coSurgeons(SurgeonsPermission.of('0'))
                    .teamSurgery(SurgeonsPermission.of('0'))
                    .endoscopicBase(base)
                    .pricingIndicator(Optional.empty())
                    .build());
  }

  /**
   * Found by the property below: an assistant's line beside the surgeon's of a code no multiple
   * procedure rule ranks (17999, MULT PROC 0) was warned of by the loop over the steps, which calls
   * the multiple-surgery step, and not by the pricer, which skips that step for a claim of no
   * ranked code. Such lines are priced alike whoever they are by: neither warns.
   */
  @Example
  void anAssistantBesideTheSurgeonOfAnUnrankedCodeIsNoWarning() {
    Claim claim = Claim.builder().add("17999").add("17999-80").build();
    PricedClaim fast = PRICER.price(claim, CONTEXT);
    assertEquals(GENERAL_LOOP.price(claim, CONTEXT), fast);
    assertEquals(List.of(), fast.line(1).warnings());
  }

  /** The standard steps called one by one ({@link StandardSteps}) against the loop over them. */
  @Property(tries = 1000)
  void standardStepsPriceAsTheLoopOverTheList(@ForAll("claims") Claim claim) {
    PricedClaim fast = PRICER.price(claim, CONTEXT);
    PricedClaim general = GENERAL_LOOP.price(claim, CONTEXT);
    assertEquals(general, fast, claim.toString());
    assertEquals(general.toString(), fast.toString());
  }

  @Provide
  Arbitrary<PricingContext> contexts() {
    // Facility and non-facility (NA rows are priced at the other setting, off the fast path), a
    // locality without GPCIs, and a place of service (the context gates of the fast path).
    return Arbitraries.of(
        CONTEXT,
        CONTEXT.withSetting(Setting.NON_FACILITY),
        ClaimTables.ODD_CONTEXT,
        CONTEXT.withPlaceOfService(PlaceOfService.parse("22")));
  }

  /**
   * The pricer's fast paths against the general path: lines started from their row and posted fee
   * without a calculation, every amount, refusal, warning and explanation step the same.
   */
  @Property(tries = 1000)
  void fastPathsPriceAsTheGeneralPath(
      @ForAll("claims") Claim claim,
      @ForAll("contexts") PricingContext context,
      @ForAll boolean someNa) {
    PricedClaim fast = (someNa ? PRICER_NA : PRICER).price(claim, context);
    PricedClaim general = (someNa ? GENERAL_PATHS_NA : GENERAL_PATHS).price(claim, context);
    assertEquals(general, fast, claim.toString());
    for (int i = 0; i < claim.size(); i++) {
      assertEquals(
          general.line(i).explanation().steps(),
          fast.line(i).explanation().steps(),
          claim + " line " + (i + 1));
      assertEquals(general.line(i).warnings(), fast.line(i).warnings());
    }
    assertEquals(general.toString(), fast.toString());
  }
}
