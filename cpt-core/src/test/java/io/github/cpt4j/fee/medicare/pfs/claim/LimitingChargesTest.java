package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.claim.Npi;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.LimitingCharge;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The limiting charges of a claim: 109.25% of each line's participating amount after the claim's
 * rules, the billed charge left aside. The table's amounts are round: every GPCI is 1 and the
 * conversion factor 25, so 27447 is 1000.00 and 27130 900.00 (both MULT PROC 2).
 */
class LimitingChargesTest {

  private static final MedicareFeeSchedule SCHEDULE = ClaimTables.schedule();
  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(SCHEDULE);
  private static final Npi NP = Npi.parse("1234567893");

  private static List<String> amounts(PricedClaim claim) {
    List<String> amounts = new ArrayList<>();
    for (PricedLine line : claim.lines()) {
      amounts.add(
          line.amount()
              .map(BigDecimal::toPlainString)
              .orElse(line.reason().map(Enum::name).orElse("?")));
    }
    return amounts;
  }

  @Test
  void aSecondProcedureHasTheLimitingChargeOfItsReducedAmount() {
    Claim claim = Claim.builder().add("27447").add("27130").build();
    // Paid 1000.00 and 50% x 900.00 = 450.00.
    assertEquals(List.of("1000.00", "450.00"), amounts(PRICER.price(claim, CONTEXT)));
    PricedClaim limits = PRICER.limitingCharges(claim, CONTEXT);
    // 1.0925 x 1000.00 = 1092.50; 1.0925 x 450.00 = 491.625, rounded once: 491.63.
    assertEquals(List.of("1092.50", "491.63"), amounts(limits));
    assertEquals(new BigDecimal("1584.13"), limits.total());
    PricedLine second = limits.line(1);
    assertTrue(second.explanation().has("multiple-procedure"), second::toString);
    assertEquals(
        LimitingCharge.RULE,
        second.explanation().steps().get(second.explanation().steps().size() - 1).rule());
    // Alone, 27130's limiting charge is of its whole 900.00: 983.25.
    assertEquals(
        new BigDecimal("983.25"),
        SCHEDULE.limitingCharge(ClaimLine.parse("27130"), CONTEXT).amountOrThrow());
  }

  /**
   * A claim none of whose lines has a limiting charge (a nurse practitioner's, paid only on
   * assignment) has no limiting-charge total, where it had one of 0.00; a claim with some has the
   * sum of those lines. A claim's payment keeps its total of 0.00 when nothing is paid.
   */
  @Test
  void aClaimWithoutALimitingChargeHasNoTotal() {
    Claim claim = Claim.builder().add("27447").add("27130").build();
    PricedClaim none =
        PRICER.limitingCharges(
            claim, CONTEXT.withPractitioner(PractitionerType.NURSE_PRACTITIONER));
    assertEquals(List.of("ASSIGNMENT_REQUIRED", "ASSIGNMENT_REQUIRED"), amounts(none));
    assertTrue(none.isLimitingCharges());
    assertEquals(Optional.empty(), none.pricedTotal());
    assertTrue(none.toString().contains(" limiting charges: none"), none::toString);
    PricedClaim some = PRICER.limitingCharges(claim, CONTEXT);
    assertEquals(Optional.of(new BigDecimal("1584.13")), some.pricedTotal());
    assertTrue(some.toString().contains(" limiting charges: total 1584.13"), some::toString);
    // One line denied (the visit in 27447's global period): the other's alone, 1092.50.
    PricedClaim oneDenied =
        PRICER.limitingCharges(Claim.builder().add("27447").add("99213").build(), CONTEXT);
    assertEquals(Optional.of(new BigDecimal("1092.50")), oneDenied.pricedTotal());
    PricedClaim paid = PRICER.price(claim, CONTEXT);
    assertFalse(paid.isLimitingCharges());
    assertFalse(paid.equals(PricedClaim.ofLimitingCharges(paid.context(), paid.lines())));
    PricedClaim nothingPaid = PricedClaim.of(CONTEXT, List.of());
    assertEquals(new BigDecimal("0.00"), nothingPaid.total());
    assertEquals(Optional.empty(), nothingPaid.pricedTotal());
  }

  @Test
  void theLimitingChargeIsOfTheParticipatingAmountWhateverTheContext() {
    Claim claim = Claim.builder().add("27447").add("27130").build();
    PricingContext nonPar = CONTEXT.withParticipating(false);
    assertEquals(List.of("950.00", "427.50"), amounts(PRICER.price(claim, nonPar)));
    assertEquals(List.of("1092.50", "491.63"), amounts(PRICER.limitingCharges(claim, nonPar)));
    assertEquals(nonPar, PRICER.limitingCharges(claim, nonPar).context());
  }

  @Test
  void theBilledChargeDoesNotCapTheLimitingCharge() {
    Claim claim = Claim.builder().add("27447", "500.00").add("20610-LT", "10.00").build();
    assertEquals(List.of("500.00", "10.00"), amounts(PRICER.price(claim, CONTEXT)));
    // 20610 ranks second: 50% x 100.00 = 50.00, x 1.0925 = 54.625, 54.63.
    PricedClaim limits = PRICER.limitingCharges(claim, CONTEXT);
    assertEquals(List.of("1092.50", "54.63"), amounts(limits));
    assertFalse(limits.line(0).explanation().has("billed-charge"), limits::toString);
    // The line keeps the charge it was billed with.
    assertEquals(Optional.of(new BigDecimal("500.00")), limits.line(0).billed().charge());
  }

  @Test
  void anAssistantAtSurgeryHasTheLimitingChargeOfItsShare() {
    // 16% x 1000.00 = 160.00; x 1.0925 = 174.80.
    PricedClaim limits = PRICER.limitingCharges(Claim.builder().add("27447-80").build(), CONTEXT);
    assertEquals(List.of("174.80"), amounts(limits));
  }

  @Test
  void aDeniedLineKeepsItsDenial() {
    // A visit on the day of a major surgery without 57 is part of its global package.
    Claim claim = Claim.builder().add("27447").add("99213").build();
    PricedLine visit = PRICER.limitingCharges(claim, CONTEXT).line(1);
    assertEquals(Optional.of(UnpricedReason.GLOBAL_SURGERY), visit.reason(), visit::toString);
    assertEquals(PRICER.price(claim, CONTEXT).line(1).refusedBy(), visit.refusedBy());
  }

  @Test
  void aPractitionerPaidOnlyOnAssignmentHasNoneAndIsToldTheApprovedAmount() {
    Claim claim = Claim.builder().add("27447").add("27130").build();
    PricingContext np = CONTEXT.withPractitioner(PractitionerType.NURSE_PRACTITIONER);
    PricedClaim approved = PRICER.price(claim, np);
    // 85% of 1000.00 and of 450.00.
    assertEquals(List.of("850.00", "382.50"), amounts(approved));
    PricedClaim limits = PRICER.limitingCharges(claim, np);
    for (int i = 0; i < 2; i++) {
      PricedLine line = limits.line(i);
      assertEquals(Optional.of(UnpricedReason.ASSIGNMENT_REQUIRED), line.reason());
      assertEquals(Optional.of(LimitingCharge.RULE), line.refusedBy());
      assertTrue(
          line.detail()
              .endsWith(
                  "the most collected is the approved amount, " + approved.line(i).amountOrThrow()),
          line::toString);
      assertEquals(approved.line(i).explanation(), line.explanation());
    }
    // No line has a limiting charge: the claim has no total of them, rather than one of 0.00.
    assertEquals(Optional.empty(), limits.pricedTotal());
  }

  @Test
  void eachRenderingProviderIsJudgedByHisOwnType() {
    // The NP's line is his own day's only procedure: 85% x 900.00 = 765.00 approved.
    Claim claim = Claim.of(List.of(billed("27447"), billed("27130").withRenderingProvider(NP)));
    PricingContext group = CONTEXT.withPractitioner(NP, PractitionerType.NURSE_PRACTITIONER);
    PricedClaim limits = PRICER.limitingCharges(claim, group);
    assertEquals(new BigDecimal("1092.50"), limits.line(0).amountOrThrow());
    assertEquals(Optional.of(UnpricedReason.ASSIGNMENT_REQUIRED), limits.line(1).reason());
    assertTrue(limits.line(1).detail().endsWith(", 765.00"), limits.line(1)::toString);
  }

  /**
   * A line of modifier AS is a physician assistant's, nurse practitioner's or clinical nurse
   * specialist's, paid only on assignment whatever type the context gives its rendering provider (a
   * physician here): no limiting charge, the approved 13.6% x 1000.00 = 136.00 in its detail. It
   * had 1.0925 x 136.00 = 148.58. The surgeon's line keeps its own.
   */
  @Test
  void anAssistantAtSurgeryWhoIsNotAPhysicianHasNone() {
    Npi assistant = Npi.parse("1234567893");
    // The surgeon named too: a line naming none beside the assistant's alone would be his.
    Claim claim =
        Claim.of(
            List.of(
                billed("27447").withRenderingProvider(Npi.parse("1000000004")),
                billed("27447-AS").withRenderingProvider(assistant)));
    for (PricingContext context :
        List.of(CONTEXT, CONTEXT.withPractitioner(assistant, PractitionerType.PHYSICIAN))) {
      assertEquals(List.of("1000.00", "136.00"), amounts(PRICER.price(claim, context)));
      PricedClaim limits = PRICER.limitingCharges(claim, context);
      assertEquals(List.of("1092.50", "ASSIGNMENT_REQUIRED"), amounts(limits));
      PricedLine line = limits.line(1);
      assertEquals(Optional.of(LimitingCharge.RULE), line.refusedBy());
      assertTrue(
          line.detail().startsWith("an assistant at surgery who is not a physician (modifier AS)"),
          line::toString);
      assertTrue(line.detail().contains("§1842(b)(18)(C)"), line::toString);
      assertTrue(line.detail().endsWith(", 136.00"), line::toString);
      assertEquals(new BigDecimal("1092.50"), limits.total());
      // The selected lines' method answers the same.
      BitSet both = new BitSet();
      both.set(0, 2);
      assertEquals(
          limits.lines(),
          PRICER.limitingChargeLines(claim, both, context, PRICER.scrub(claim, context)));
    }
  }

  /**
   * QZ and QX are a nurse anesthetist's lines, paid only on assignment: none. The physician's QK
   * keeps its limiting charge. 00790 at 60 minutes, base 7 + 4 time units at 20.00: QZ 220.00; QX
   * and QK 50%, 110.00, QK limited to 1.0925 x 110.00 = 120.175, 120.18. QX had 120.18 too.
   */
  @Test
  void aNurseAnesthetistsLineHasNone() {
    MedicareClaimPricer pricer =
        MedicareClaimPricer.of(
            ClaimTables.scheduleBuilder()
                .anesthesia(
                    AnesthesiaFeeSchedule.builder()
                        .baseUnits(
                            AnesthesiaBaseUnits.of("test", Map.of(CptCode.parse("00790"), 7)))
                        .conversionFactors(
                            AnesthesiaConversionFactors.of(
                                "test", Map.of(ClaimTables.TEST_LOCALITY, new BigDecimal("20.00"))))
                        .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                        .build())
                .build());
    PricedClaim alone =
        pricer.limitingCharges(Claim.builder().add("00790-QZ 60min").build(), CONTEXT);
    assertEquals(List.of("ASSIGNMENT_REQUIRED"), amounts(alone));
    assertTrue(
        alone
            .line(0)
            .detail()
            .startsWith("a nurse anesthetist without medical direction (modifier QZ)"),
        alone::toString);
    assertTrue(alone.line(0).detail().endsWith(", 220.00"), alone::toString);
    Claim directed =
        Claim.of(
            List.of(
                billed("00790-QX 60min"),
                billed("00790-QK 60min").withRenderingProvider(Npi.parse("1234567893"))));
    PricedClaim limits = pricer.limitingCharges(directed, CONTEXT);
    assertEquals(List.of("ASSIGNMENT_REQUIRED", "120.18"), amounts(limits));
    assertTrue(limits.line(0).detail().contains("(modifier QX)"), limits::toString);
    assertTrue(limits.line(0).detail().endsWith(", 110.00"), limits::toString);
  }

  /**
   * A claim's anesthesia line has the limiting charge of its amount in cents, as a line alone has:
   * 00790 at 19.79, QK 60min (7 + 4) x 19.79 x 50% = 108.845, paid 108.85, limited to 1.0925 x
   * 108.85 = 118.918625, 118.92, 115% of the non-participating 103.41; AA 95min 263.207, paid
   * 263.21, limited to 287.56. They were 118.91 and 287.55, 109.25% of the unrounded amounts.
   */
  @Test
  void anAnesthesiaLinesLimitingChargeIsOfItsAmountInCents() {
    MedicareFeeSchedule schedule =
        ClaimTables.scheduleBuilder()
            .anesthesia(
                AnesthesiaFeeSchedule.builder()
                    .baseUnits(AnesthesiaBaseUnits.of("test", Map.of(CptCode.parse("00790"), 7)))
                    .conversionFactors(
                        AnesthesiaConversionFactors.of(
                            "test", Map.of(ClaimTables.TEST_LOCALITY, new BigDecimal("19.79"))))
                    .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                    .build())
            .build();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    for (String[] row :
        new String[][] {{"00790-QK 60min", "118.92"}, {"00790-AA 95min", "287.56"}}) {
      Claim claim = Claim.builder().add(row[0]).build();
      PricedClaim limits = pricer.limitingCharges(claim, CONTEXT);
      assertEquals(List.of(row[1]), amounts(limits), limits::toString);
      assertTrue(
          limits.line(0).explanation().has(AnesthesiaFeeSchedule.PAID_ROUNDED), limits::toString);
      assertEquals(
          schedule.limitingCharge(ClaimLine.parse(row[0]), CONTEXT).amountOrThrow(),
          limits.line(0).amountOrThrow());
    }
  }

  /**
   * On a claim too, each unit of 01953 has the limiting charge of a line of one, as it is paid:
   * 01953-QK at 19.79 is 9.90 a unit, limited to 10.82 a unit, so 01953-QK x3 is limited to 32.46,
   * what three lines of 01953-QK are (told apart by their charges), not 1.0925 x 29.70 = 32.45.
   */
  @Test
  void eachUnitOf01953HasTheLimitingChargeOfALineOfOne() {
    MedicareFeeSchedule schedule =
        ClaimTables.scheduleBuilder()
            .anesthesia(
                AnesthesiaFeeSchedule.builder()
                    .baseUnits(AnesthesiaBaseUnits.of("test", Map.of(CptCode.parse("01953"), 1)))
                    .conversionFactors(
                        AnesthesiaConversionFactors.of(
                            "test", Map.of(ClaimTables.TEST_LOCALITY, new BigDecimal("19.79"))))
                    .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                    .build())
            .build();
    MedicareClaimPricer pricer = MedicareClaimPricer.of(schedule);
    PricedClaim three = pricer.limitingCharges(Claim.builder().add("01953-QK x3").build(), CONTEXT);
    assertEquals(List.of("32.46"), amounts(three), three::toString);
    PricedClaim lines =
        pricer.limitingCharges(
            Claim.builder()
                .add("01953-QK", "1.00")
                .add("01953-QK", "2.00")
                .add("01953-QK", "3.00")
                .build(),
            CONTEXT);
    assertEquals(List.of("10.82", "10.82", "10.82"), amounts(lines), lines::toString);
    assertEquals(three.pricedTotal(), lines.pricedTotal());
    assertEquals(
        schedule.limitingCharge(ClaimLine.parse("01953-QK x3"), CONTEXT).amountOrThrow(),
        three.line(0).amountOrThrow());
  }

  @Test
  void theSelectedLinesOfAClaimAreThoseOfTheWholeClaim() {
    Claim claim = Claim.builder().add("27447").add("27130").build();
    BitSet both = new BitSet();
    both.set(0, 2);
    assertEquals(
        PRICER.limitingCharges(claim, CONTEXT).lines(),
        PRICER.limitingChargeLines(claim, both, CONTEXT, PRICER.scrub(claim, CONTEXT)));
  }

  private static BilledLine billed(String line) {
    return BilledLine.of(ClaimLine.parse(line));
  }

  @Provide
  Arbitrary<ClaimLine> lines() {
    List<ClaimLine> lines = new ArrayList<>();
    for (RvuEntry row : ClaimTables.rows()) {
      lines.add(
          ClaimLine.of(row.code(), row.modifier().map(List::<Modifier>of).orElse(List.of()), 1));
    }
    lines.add(ClaimLine.parse("12345")); // not in the schedule
    return Arbitraries.of(lines);
  }

  /**
   * A claim of one line without a charge or a payment modifier has the limiting charge the schedule
   * gives the line alone, in a locality whose amounts have five decimals: the same amount, or the
   * same reason and detail.
   */
  @Property
  void aLoneLineHasTheLimitingChargeOfTheLineAlone(
      @ForAll("lines") ClaimLine line,
      @ForAll PractitionerType practitioner,
      @ForAll boolean participating) {
    PricingContext context =
        ClaimTables.ODD_CONTEXT.withPractitioner(practitioner).withParticipating(participating);
    PricedLine claimed = PRICER.limitingCharges(Claim.ofLines(line), context).line(0);
    FeeResult alone = SCHEDULE.limitingCharge(line, context);
    assertEquals(alone.amount(), claimed.amount(), claimed + "\n" + alone);
    assertEquals(alone.reason(), claimed.reason(), claimed + "\n" + alone);
    assertEquals(alone.detail(), claimed.detail(), claimed + "\n" + alone);
  }
}
