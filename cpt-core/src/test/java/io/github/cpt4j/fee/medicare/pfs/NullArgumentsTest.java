package io.github.cpt4j.fee.medicare.pfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ModifierRulesEdit;
import io.github.cpt4j.edit.ProviderDay;
import io.github.cpt4j.edit.RenderingProviders;
import io.github.cpt4j.edit.Visits;
import io.github.cpt4j.edit.ncci.MueClaimEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.PtpClaimEdit;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.QuarterlyRefusals;
import io.github.cpt4j.fee.medicare.pfs.claim.CriticalCareEdit;
import io.github.cpt4j.fee.medicare.pfs.claim.GlobalSurgeryEdit;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Public methods that took a null argument in silence: a null setting read as non-facility, a null
 * context passed an edit's claim, and a null line or context of a quarterly refusal surfaced only
 * when the deferred explanation was read, far from the call. Each now throws a {@code
 * NullPointerException} naming the argument, at the call.
 */
class NullArgumentsTest {

  private static final PricingContext CONTEXT =
      PricingContext.of(Fixtures.DATE_2025, Fixtures.REST_OF_NEW_YORK, Setting.NON_FACILITY);

  private static NullPointerTester tester() {
    return new NullPointerTester()
        .setDefault(ClaimLine.class, ClaimLine.parse("99213"))
        .setDefault(Claim.class, Claim.ofLines(ClaimLine.parse("99213")))
        .setDefault(ProcedureCode.class, ProcedureCode.parse("99213"))
        .setDefault(PricingContext.class, CONTEXT);
  }

  @Test
  void rowsAndCapsRefuseANullSetting() {
    RvuEntry row = Fixtures.rvuEntries().get(0);
    NullPointerException e = assertThrows(NullPointerException.class, () -> row.peRvu(null));
    assertEquals("setting", e.getMessage());
    tester().testAllPublicInstanceMethods(row);
    tester().testAllPublicInstanceMethods(Fixtures.oppsCaps().all().get(0));
  }

  @Test
  void limitingChargeAnswersRefuseNulls() {
    tester()
        .setDefault(ClaimLine.class, ClaimLine.parse("27447-AS"))
        .setDefault(PractitionerType.class, PractitionerType.NURSE_PRACTITIONER)
        .setDefault(
            FeeResult.Priced.class,
            (FeeResult.Priced) FeeResult.priced(new BigDecimal("100"), Explanation.empty()))
        .setDefault(FeeResult.class, FeeResult.priced(new BigDecimal("100"), Explanation.empty()))
        .testAllPublicStaticMethods(LimitingCharge.class);
  }

  @Test
  void quarterlyRefusalsRefuseANullLineOrContextAtTheCall() {
    QuarterlyRefusals refusals =
        QuarterlyRefusals.of("clfs-2025-Q1", Quarter.of(2025, 1), (line, context) -> null);
    tester().testAllPublicInstanceMethods(refusals);
  }

  @Test
  void claimEditsRefuseANullClaimOrContext() {
    NullPointerTester tester = tester();
    tester.testAllPublicInstanceMethods(ModifierRulesEdit.standard());
    tester.testAllPublicInstanceMethods(PtpClaimEdit.of(PtpTable.builder().build()));
    tester.testAllPublicInstanceMethods(MueClaimEdit.of(MueTable.builder().build()));
    tester.testAllPublicInstanceMethods(GlobalSurgeryEdit.of(Fixtures.schedule()));
    tester.testAllPublicInstanceMethods(CriticalCareEdit.standard());
    tester.testAllPublicStaticMethods(CriticalCareEdit.class);
    Claim claim = Claim.of(BilledLine.parse("27447 by 1234567893"), BilledLine.parse("20610"));
    PricingContext context = PricingContext.withoutArea(LocalDate.of(2025, 6, 2), Setting.FACILITY);
    RenderingProviders providers = RenderingProviders.of(claim, context);
    tester.setDefault(RenderingProviders.class, providers);
    tester.setDefault(BilledLine.class, claim.line(0));
    tester.testAllPublicStaticMethods(ProviderDay.class);
    tester.testAllPublicStaticMethods(RenderingProviders.class);
    tester.testAllPublicInstanceMethods(providers);
    tester.testAllPublicStaticMethods(Visits.class);
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> ModifierRulesEdit.standard().check(Claim.ofLines(), null));
    assertEquals("context", e.getMessage());
  }

  /**
   * Two answers that a null got silently: {@code ALL.overlaps(null)} said true, and {@code
   * postedNanoDollars(null, row)} priced the row when the schedule had no OPPS caps to look up.
   */
  @Test
  void silentAnswersToANullNowRefuseIt() {
    assertEquals(
        "other",
        assertThrows(NullPointerException.class, () -> ApmProviders.ALL.overlaps(null))
            .getMessage());
    MedicareFeeSchedule noCaps =
        MedicareFeeSchedule.builder()
            .name("no-caps")
            .rvus(RvuTable.of(Fixtures.rvuEntries()))
            .gpcis(Fixtures.gpcis())
            .conversionFactors(Fixtures.conversionFactors())
            .effective(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))
            .build();
    LineEvaluator evaluator = noCaps.evaluator(CONTEXT);
    RvuEntry row = evaluator.quickRowOrNull(ClaimLine.parse("99213"));
    assertEquals(
        "line",
        assertThrows(NullPointerException.class, () -> evaluator.postedNanoDollars(null, row))
            .getMessage());
  }
}
