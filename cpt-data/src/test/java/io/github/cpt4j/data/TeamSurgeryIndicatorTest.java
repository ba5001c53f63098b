package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import io.github.cpt4j.fee.medicare.pfs.claim.ClaimRule;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Modifier 66 by the code's TEAM SURG indicator, on the bundled 2025 data: CMS's relative value
 * file layout (RVU25D) says 0 = team surgeons not permitted, 1 = paid with documentation of the
 * team's medical necessity, by report, 2 = permitted, by report, 9 = the concept does not apply;
 * Claims Processing Manual ch. 12 §40.8.B: every team surgeon's claim is priced by report. So only
 * 1 and 2 are {@code PRICED_BY_REPORT}; 0 and 9 are refused. The README used to say that 66 makes a
 * line {@code PRICED_BY_REPORT} whatever the indicator. The bundled sample has no TEAM SURG 2 row;
 * {@code ClaimPricingFullFileTest} checks every indicator over the full file.
 */
class TeamSurgeryIndicatorTest {

  private static final MedicareFeeSchedule MEDICARE = BundledData.medicareFeeSchedule();
  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(MEDICARE);
  private static final PricingContext HOSPITAL =
      PricingContext.of(LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.FACILITY);

  /** Prices {@code code} with modifier 66, after checking the row's status and indicator. */
  private static PricedLine team(String code, SurgeonsPermission indicator) {
    RvuEntry row = MEDICARE.rvus().find(ProcedureCode.parse(code), Optional.empty()).orElseThrow();
    assertEquals(PaymentStatus.A, row.status(), code);
    assertEquals(indicator, row.indicators().teamSurgery(), code);
    // Without 66 the line is paid: a refusal below is the modifier's.
    assertTrue(
        PRICER.price(Claim.ofLines(ClaimLine.parse(code)), HOSPITAL).line(0).amount().isPresent(),
        code);
    return PRICER.price(Claim.ofLines(ClaimLine.parse(code + "-66")), HOSPITAL).line(0);
  }

  private static boolean documentationRequired(PricedLine line) {
    return line.warnings().stream()
        .anyMatch(w -> w.kind() == ClaimWarning.Kind.DOCUMENTATION_REQUIRED);
  }

  @Test
  void indicator0RefusesTheModifier() {
    PricedLine line = team("27447", SurgeonsPermission.NOT_PERMITTED);
    assertEquals(Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED), line.reason(), line::toString);
    assertEquals(Optional.of(ClaimRule.TEAM_SURGERY.id()), line.refusedBy());
    assertTrue(line.detail().startsWith("TEAM SURG 0: team surgeons are not permitted for 27447"));
  }

  @Test
  void indicator1IsPricedByReportWithADocumentationWarning() {
    PricedLine line = team("33361", SurgeonsPermission.WITH_DOCUMENTATION);
    assertEquals(Optional.of(UnpricedReason.PRICED_BY_REPORT), line.reason(), line::toString);
    assertEquals(Optional.of(ClaimRule.TEAM_SURGERY.id()), line.refusedBy());
    assertTrue(documentationRequired(line), line::toString);
  }

  @Test
  void indicator9RefusesTheModifier() {
    PricedLine line = team("77427", SurgeonsPermission.NOT_APPLICABLE);
    assertEquals(Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED), line.reason(), line::toString);
    assertEquals(Optional.of(ClaimRule.TEAM_SURGERY.id()), line.refusedBy());
    assertTrue(line.detail().startsWith("TEAM SURG 9: team surgeons are not a concept of 77427"));
    assertFalse(documentationRequired(line), line::toString);
  }
}
