package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An anesthesia schedule given to the Part B schedule, beside a Physician Fee Schedule without one,
 * prices the anesthesia lines as the Physician Fee Schedule's own anesthesia schedule does: one
 * service per session with the total time (chapter 12, section 50), by the same claim pricer.
 */
class PartBAnesthesiaTest {

  private static final AnesthesiaFeeSchedule ANESTHESIA = anesthesia("20.00");

  private static AnesthesiaFeeSchedule anesthesia(String conversionFactor) {
    return AnesthesiaFeeSchedule.builder()
        .baseUnits(
            AnesthesiaBaseUnits.of(
                "test",
                Map.of(
                    CptCode.parse("00790"), 7,
                    CptCode.parse("00840"), 6,
                    CptCode.parse("01967"), 5,
                    CptCode.parse("01968"), 2)))
        .conversionFactors(
            AnesthesiaConversionFactors.of(
                "test", Map.of(ClaimTables.TEST_LOCALITY, new BigDecimal(conversionFactor))))
        .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
        .build();
  }

  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2025, 12, 31);

  private static final MedicareFeeSchedule WITHOUT =
      ClaimTables.scheduleBuilder().effective(FIRST, LAST).build();

  private static final MedicareFeeSchedule WITH =
      ClaimTables.scheduleBuilder().effective(FIRST, LAST).anesthesia(ANESTHESIA).build();

  /** Denies every line of 77 minutes: an edit that takes a line out of its session. */
  private static final ClaimEdit DENY_77 =
      new ClaimEdit() {
        @Override
        public String name() {
          return "deny-77";
        }

        @Override
        public List<EditFinding> check(Claim claim, PricingContext context) {
          List<EditFinding> found = new ArrayList<>();
          for (int i = 0; i < claim.size(); i++) {
            if (claim.line(i).line().minutesOrZero() == 77) {
              found.add(
                  EditFinding.denyLine("deny-77", i, claim.line(i).line().units(), "77 minutes"));
            }
          }
          return found;
        }
      };

  private static final List<List<String>> CLAIMS =
      List.of(
          List.of("00790-AA 60min", "00840-AA 45min"),
          List.of("00790-AA 60min", "00840-QK 45min"),
          List.of("00790-AA 60min $100.00", "00840-AA 45min $900.00"),
          List.of("00790-AA 60min $900.00"),
          List.of("00790-QK 60min", "00790-QX 60min", "00840-QX 30min"),
          List.of("00790-AA", "00840-AA 45min"),
          List.of("01967-AA 60min", "01968-AA 30min"),
          List.of("01967-AA 60min", "01968-AA 30min", "01968-AA 15min"),
          List.of("00790-AA 77min", "00840-AA 45min"),
          List.of("00790-AA 60min on 2025-06-03", "00840-AA 30min", "00840-AA 15min on 2025-06-03"),
          List.of("00790-AA 60min", "99213"),
          // The anesthesia service is a payable service of the claim: the status T line is not
          // paid beside it, and the add-on has a primary.
          List.of("00790-AA 60min", "36591"),
          List.of("00790-AA 60min", "22614"),
          // A qualifying circumstance is the anesthesia schedule's to refuse, not the relative
          // value file's (the test table has no row of it).
          List.of("00790-AA 60min", "99140"));

  private static Claim claim(List<String> lines) {
    return Claim.of(lines.stream().map(BilledLine::parse).toList());
  }

  /** What a line was paid and why, and what it was warned of. */
  private static String outcome(PricedLine line) {
    return line.exactAmount().map(BigDecimal::toPlainString).orElse("-")
        + " "
        + line.reason().map(String::valueOf).orElse("")
        + " by "
        + line.refusedBy().orElse("")
        + " "
        + line.warnings();
  }

  @Test
  void anAnesthesiaScheduleGivenToPartBPricesAsTheOneOfThePhysicianFeeSchedule() {
    PartBClaimPricer inside =
        PartBClaimPricer.of(
            PartBFeeSchedule.builder().physicianFeeSchedule(WITH).build(),
            MedicareClaimPricer.builder(WITH).addEdit(DENY_77).build());
    PartBFeeSchedule alone =
        PartBFeeSchedule.builder().physicianFeeSchedule(WITHOUT).anesthesia(ANESTHESIA).build();
    List<PartBClaimPricer> given =
        List.of(
            PartBClaimPricer.of(
                alone, MedicareClaimPricer.builder(WITHOUT).addEdit(DENY_77).build()),
            PartBClaimPricer.of(
                alone,
                MedicareReleases.of(List.of(MedicareRelease.of("2025A", WITHOUT))),
                b -> b.addEdit(DENY_77)));
    for (List<String> lines : CLAIMS) {
      PricedClaim expected = inside.price(claim(lines), CONTEXT);
      for (PartBClaimPricer pricer : given) {
        PricedClaim priced = pricer.price(claim(lines), CONTEXT);
        for (int i = 0; i < lines.size(); i++) {
          assertEquals(
              outcome(expected.line(i)),
              outcome(priced.line(i)),
              lines + " line " + (i + 1) + " by " + pricer + ": " + priced.line(i));
          // Priced with the Physician Fee Schedule's lines, by its claim pricer: the same steps,
          // and no part-b step, as no line that pricer prices has one.
          assertEquals(
              expected.line(i).explanation().toString(),
              priced.line(i).explanation().toString(),
              lines + " line " + (i + 1) + " by " + pricer);
          assertFalse(priced.line(i).explanation().has("part-b"), priced.line(i).toString());
        }
        assertEquals(expected.total(), priced.total(), lines.toString());
      }
    }
  }

  /**
   * 01968 twice on a claim is one add-on service, as 01967 twice is one service: paid once with the
   * time of both lines, capped by both lines' charges, the other line not payable by the {@code
   * anesthesia} rule. Both lines were paid, (2 + 2.0) x 20.00 = 80.00 each.
   */
  @Test
  void anObstetricAddOnTwiceIsPaidOnceWithTheTimeOfBoth() {
    PricedClaim priced =
        MedicareClaimPricer.of(WITH)
            .price(
                claim(
                    List.of(
                        "01967-AA 60min $500.00",
                        "01968-AA 30min $90.00",
                        "01968-AA 30min $95.00")),
                CONTEXT);
    // 01967: (5 + 4.0) x 20.00 = 180.00; 01968 with 60 minutes: (2 + 4.0) x 20.00 = 120.00, below
    // the 185.00 both lines are billed. (Alike in their charges too, the second line would be an
    // exact duplicate, denied by duplicate-lines.)
    assertEquals("180.00", priced.line(0).result().amountOrThrow().toPlainString());
    assertEquals(
        "120.00", priced.line(1).result().amountOrThrow().toPlainString(), priced.toString());
    assertEquals(
        Optional.of(UnpricedReason.NOT_PAYABLE_ON_CLAIM),
        priced.line(2).reason(),
        priced.toString());
    assertEquals(Optional.of("anesthesia"), priced.line(2).refusedBy());
    assertTrue(
        priced.line(2).result().detail().contains("the add-on 01968 is paid once per session"),
        priced.line(2).result().detail());
    assertEquals(new BigDecimal("300.00"), priced.total());
  }

  @Test
  void aReleaseOutsideTheAnesthesiaSchedulesPeriodKeepsItsPricerAndRefusesTheDate() {
    // 2025 anesthesia factors beside a 2025 and a 2026 release, neither with anesthesia of its
    // own (a CMS directory with ANES2025 only): the pricer failed to be built, as the 2026
    // release's schedule cannot take factors that cover none of its dates.
    LocalDate first2026 = LocalDate.of(2026, 1, 1);
    LocalDate last2026 = LocalDate.of(2026, 12, 31);
    MedicareFeeSchedule of2026 =
        ClaimTables.scheduleBuilder()
            .conversionFactors(ClaimTables.factorOf25(first2026, last2026))
            .effective(first2026, last2026)
            .build();
    PartBFeeSchedule partB =
        PartBFeeSchedule.builder().physicianFeeSchedule(WITHOUT).anesthesia(ANESTHESIA).build();
    PartBClaimPricer pricer =
        PartBClaimPricer.of(
            partB,
            MedicareReleases.of(
                List.of(MedicareRelease.of("2025A", WITHOUT), MedicareRelease.of("2026A", of2026))),
            b -> b);
    Claim claim =
        claim(List.of("00790-AA 60min on 2025-06-02", "00790-AA 60min on 2026-06-02", "99213"));
    PricedClaim priced = pricer.price(claim, CONTEXT.withDateOfService(first2026));
    assertEquals(
        PartBClaimPricer.of(partB, MedicareClaimPricer.of(WITHOUT))
            .price(claim(List.of("00790-AA 60min")), CONTEXT)
            .line(0)
            .exactAmount(),
        priced.line(0).exactAmount(),
        priced.line(0).toString());
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED), priced.line(1).reason(), priced.toString());
    assertTrue(priced.line(2).isPriced(), priced.line(2).toString());
    // The same for one pricer of the 2026 schedule.
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED),
        PartBClaimPricer.of(partB, MedicareClaimPricer.of(of2026))
            .price(claim(List.of("00790-AA 60min")), CONTEXT.withDateOfService(first2026))
            .line(0)
            .reason());
  }

  @Test
  void withAnesthesiaGivesTheScheduleAnAnesthesiaScheduleAndKeepsTheRest() {
    MedicareFeeSchedule given = WITHOUT.withAnesthesia(ANESTHESIA);
    // The same tables and period, checked against the schedule's own dated table of factors.
    AnesthesiaFeeSchedule held = given.anesthesia().orElseThrow();
    assertSame(ANESTHESIA.conversionFactors(), held.conversionFactors());
    assertSame(ANESTHESIA.baseUnits(), held.baseUnits());
    assertEquals(ANESTHESIA.toString(), held.toString());
    assertEquals(
        Optional.of(WITHOUT.conversionFactors().anesthesiaFactors()), held.nationalFactors());
    assertEquals(Optional.empty(), WITHOUT.anesthesia(), "the schedule itself is unchanged");
    assertEquals(WITHOUT.name(), given.name());
    assertSame(WITHOUT.rvus(), given.rvus());
    assertSame(WITHOUT.gpcis(), given.gpcis());
    assertSame(WITHOUT.conversionFactors(), given.conversionFactors());
    assertSame(WITHOUT.oppsCaps(), given.oppsCaps());
    assertEquals(WITHOUT.effectiveFrom(), given.effectiveFrom());
    assertEquals(WITHOUT.effectiveTo(), given.effectiveTo());
    // (7 base + 95 / 15 = 6.3 time units) x 20.00 = 266.00, as the schedule built with it; the
    // schedule without one refuses the status J code.
    ClaimLine line = ClaimLine.parse("00790-AA 95min");
    assertEquals(new BigDecimal("266.00"), given.price(line, CONTEXT).amountOrThrow());
    assertEquals(WITH.price(line, CONTEXT).amount(), given.price(line, CONTEXT).amount());
    assertFalse(WITHOUT.price(line, CONTEXT).isPriced());
    assertEquals(
        new BigDecimal("266.00"),
        MedicareClaimPricer.of(given)
            .price(Claim.of(BilledLine.parse("00790-AA 95min")), CONTEXT)
            .line(0)
            .amountOrThrow());
    // One it had is replaced: 13.3 units x 10.00.
    assertEquals(
        new BigDecimal("133.00"),
        WITH.withAnesthesia(anesthesia("10.00")).price(line, CONTEXT).amountOrThrow());
    assertThrows(NullPointerException.class, () -> WITHOUT.withAnesthesia(null));
  }

  /**
   * An anesthesia line of another kind of anesthesia schedule is priced alone, and so is its
   * limiting charge: none for a nurse anesthetist's QZ or QX, paid only on assignment, with the
   * approved amount; 109.25% for the physician's AA. The QZ line had 1.0925 x 100.00 = 109.25.
   */
  @Test
  void aNurseAnesthetistsLinePricedAloneHasNoLimitingCharge() {
    PartBFeeSchedule partB =
        PartBFeeSchedule.builder()
            .physicianFeeSchedule(WITHOUT)
            .anesthesia(
                (line, context) -> FeeResult.priced(new BigDecimal("100.00"), Explanation.empty()))
            .build();
    PartBClaimPricer pricer = PartBClaimPricer.of(partB, MedicareClaimPricer.of(WITHOUT));
    PricedClaim limits =
        pricer.limitingCharges(
            claim(List.of("00790-QZ 60min", "00790-QX 60min", "00790-AA 60min")), CONTEXT);
    for (int i = 0; i < 2; i++) {
      PricedLine line = limits.line(i);
      assertEquals(Optional.of(UnpricedReason.ASSIGNMENT_REQUIRED), line.reason(), line::toString);
      assertTrue(line.detail().contains("(modifier Q"), line::toString);
      assertTrue(line.detail().endsWith(", 100.00"), line::toString);
    }
    assertEquals(new BigDecimal("109.25"), limits.line(2).amountOrThrow(), limits::toString);
  }

  /**
   * Priced alone too, an anesthesia line's limiting charge is of its amount in cents: 108.845, paid
   * 108.85, is limited to 1.0925 x 108.85 = 118.918625, 118.92, 115% of the non-participating
   * 103.41. It was 1.0925 x 108.845 = 118.91.
   */
  @Test
  void anAnesthesiaLinePricedAloneHasTheLimitingChargeOfItsAmountInCents() {
    PartBFeeSchedule partB =
        PartBFeeSchedule.builder()
            .physicianFeeSchedule(WITHOUT)
            .anesthesia(
                (line, context) -> FeeResult.priced(new BigDecimal("108.845"), Explanation.empty()))
            .build();
    PartBClaimPricer pricer = PartBClaimPricer.of(partB, MedicareClaimPricer.of(WITHOUT));
    PricedClaim limits = pricer.limitingCharges(claim(List.of("00790-QK 60min")), CONTEXT);
    assertEquals(new BigDecimal("118.92"), limits.line(0).amountOrThrow(), limits::toString);
  }

  @Test
  void aPipelineReturningNullIsNamed() {
    // It failed inside: "Cannot invoke ...Builder.build() because the return value of
    // UnaryOperator.apply(Object) is null".
    PartBFeeSchedule partB = PartBFeeSchedule.builder().physicianFeeSchedule(WITHOUT).build();
    MedicareReleases releases = MedicareReleases.of(List.of(MedicareRelease.of("2025A", WITHOUT)));
    NullPointerException e =
        assertThrows(
            NullPointerException.class, () -> PartBClaimPricer.of(partB, releases, b -> null));
    assertEquals("pipeline returned null for the builder of release 2025A", e.getMessage());
  }
}
