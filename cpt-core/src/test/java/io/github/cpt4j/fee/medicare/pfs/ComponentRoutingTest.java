package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsIndicator;
import io.github.cpt4j.fee.medicare.clfs.ClfsRate;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A laboratory test with PC/TC indicator 6: the CLFS pays the test, the Physician Fee Schedule its
 * interpretation (the 26 row). In the 2025 file, 83020's global row is status X and its 26 row
 * status A; the fixture holds the 26 row with its 2025 relative values.
 */
class ComponentRoutingTest {

  private static final PricingContext FACILITY =
      PricingContext.of(Fixtures.DATE_2025, Fixtures.REST_OF_NEW_YORK, Setting.FACILITY);

  private static final ClfsFeeSchedule CLFS =
      ClfsFeeSchedule.builder(Quarter.of(2025, 2))
          .name("test-clfs")
          .add(
              new ClfsRate(
                  ProcedureCode.parse("83020"),
                  Optional.empty(),
                  Fixtures.DATE_2025.withDayOfMonth(1).withMonth(4),
                  ClfsIndicator.NATIONAL_LIMIT,
                  new BigDecimal("17.19")))
          .build();

  private static final PartBFeeSchedule PART_B =
      PartBFeeSchedule.builder()
          .physicianFeeSchedule(Fixtures.schedule())
          .clinicalLaboratory(CLFS)
          .build();

  @Test
  void theInterpretationGoesToThePhysicianFeeScheduleAndTheTestToTheClfs() {
    assertEquals(PartBPayer.CLINICAL_LABORATORY, PART_B.payerOf(ProcedureCode.parse("83020")));
    assertEquals(PartBPayer.CLINICAL_LABORATORY, PART_B.payerOf(ClaimLine.parse("83020")));
    assertEquals(PartBPayer.PHYSICIAN_FEE_SCHEDULE, PART_B.payerOf(ClaimLine.parse("83020-26")));
    assertEquals(PartBPayer.PHYSICIAN_FEE_SCHEDULE, PART_B.payerOf(ClaimLine.parse("83020-91-26")));
    // No TC row is paid: the CLFS answers for it (and refuses the modifier).
    assertEquals(PartBPayer.CLINICAL_LABORATORY, PART_B.payerOf(ClaimLine.parse("83020-TC")));

    // (0.37 x 1.000 + 0.15 x 0.949 + 0.01 x 0.732) x 32.3465 = 16.8095... -> 16.81
    assertEquals(
        new BigDecimal("16.81"),
        PART_B.price(ClaimLine.parse("83020-26"), FACILITY).amountOrThrow());
    assertEquals(
        new BigDecimal("17.19"), PART_B.price(ClaimLine.parse("83020"), FACILITY).amountOrThrow());
  }

  /** An edit that denies {@code units} units of every line. */
  private static ClaimEdit denyingUnits(String name, int units) {
    return new ClaimEdit() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public List<EditFinding> check(Claim claim, PricingContext context) {
        List<EditFinding> found = new ArrayList<>();
        for (int i = 0; i < claim.size(); i++) {
          found.add(
              EditFinding.builder()
                  .edit(name)
                  .line(i)
                  .action(EditAction.DENY_UNITS)
                  .deniedUnits(units)
                  .reason(UnpricedReason.NCCI_MUE)
                  .message(units + " units over the limit")
                  .build());
        }
        return found;
      }
    };
  }

  @Test
  void twoEditsDenyingUnitsOfALabLineLeaveWhatTheStricterAllows() {
    PartBClaimPricer pricer =
        PartBClaimPricer.of(
            PART_B,
            MedicareClaimPricer.builder(Fixtures.schedule())
                .addEdit(denyingUnits("mue", 1))
                .addEdit(denyingUnits("payer-cap", 2))
                .build());
    PricedClaim priced = pricer.price(Claim.ofLines(ClaimLine.parse("83020 x5")), FACILITY);
    // Each edit counted the 5 units billed: 3 are paid, 3 x 17.19.
    assertEquals(new BigDecimal("51.57"), priced.lines().get(0).result().amountOrThrow());
  }

  @Test
  void aClaimPaysTheTestAndItsInterpretationEachFromItsSchedule() {
    PartBClaimPricer pricer =
        PartBClaimPricer.of(PART_B, MedicareClaimPricer.of(Fixtures.schedule()));
    PricedClaim priced =
        pricer.price(
            Claim.ofLines(ClaimLine.parse("83020"), ClaimLine.parse("83020-26")), FACILITY);
    assertEquals(PartBPayer.CLINICAL_LABORATORY, pricer.payerOf(priced.lines().get(0)));
    assertEquals(PartBPayer.PHYSICIAN_FEE_SCHEDULE, pricer.payerOf(priced.lines().get(1)));
    assertEquals(new BigDecimal("17.19"), priced.lines().get(0).result().amountOrThrow());
    assertEquals(new BigDecimal("16.81"), priced.lines().get(1).result().amountOrThrow());
    assertEquals(
        Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED),
        pricer
            .price(Claim.ofLines(ClaimLine.parse("83020-TC")), FACILITY)
            .lines()
            .get(0)
            .result()
            .reason());
  }
}
