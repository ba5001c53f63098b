package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PractitionerType;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MultipleProcedureRule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.modifier.ModifierRule;
import io.github.cpt4j.modifier.ModifierRules;
import io.github.cpt4j.modifier.ModifierViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Payment modifiers that apply to some services only, on the full 2025 relative value file (skipped
 * without CPT4J_CMS_DIR), in 13282-99 office on 2025-11-03.
 */
class PaymentModifiersFullFileTest {

  private static final PricingContext OFFICE =
      PricingContext.of(
          LocalDate.of(2025, 11, 3), Locality.parse("13282-99"), Setting.NON_FACILITY);

  private static PricedClaim price(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(line);
    }
    return MedicareClaimPricer.of(CmsFiles.schedule2025()).price(claim.build(), OFFICE);
  }

  private static boolean flagged(PricedClaim claim, int line, ModifierRule rule) {
    for (ClaimWarning warning : claim.line(line).warnings()) {
      if (warning.kind() == ClaimWarning.Kind.MODIFIER_RULE_BROKEN
          && warning.message().startsWith(rule.name())) {
        return true;
      }
    }
    return false;
  }

  /**
   * CQ and CO reduce outpatient physical and occupational therapy only (Social Security Act
   * §1834(v)): on a visit or an X-ray they take nothing off and are flagged. Before, 99213-CQ was
   * paid 72.98 rather than 85.86 and 71046-CO 26.55 rather than 31.23, with no word; 97110-GP-CQ
   * keeps its 85% x 27.99 = 23.79.
   */
  @Test
  void therapyAssistantModifiersReduceTherapyAlone() {
    PricedClaim claim = price("99213-CQ", "71046-CO", "97110-GP-CQ");
    assertEquals(new BigDecimal("85.86"), claim.line(0).amountOrThrow(), claim.toString());
    assertEquals(new BigDecimal("31.23"), claim.line(1).amountOrThrow(), claim.toString());
    assertEquals(new BigDecimal("23.79"), claim.line(2).amountOrThrow(), claim.toString());
    assertTrue(flagged(claim, 0, ModifierRule.THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES), "99213");
    assertTrue(flagged(claim, 1, ModifierRule.THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES), "71046");
    assertTrue(claim.line(2).warnings().isEmpty(), claim.toString());
  }

  /**
   * A claim priced for a therapy assistant takes the 85% off its therapy lines alone, as CQ and CO
   * do: 99213 was paid 72.98 for a therapy assistant, now 85.86, on a claim and priced alone;
   * 97110-GP keeps 85% x 27.99 = 23.79.
   */
  @Test
  void aTherapyAssistantsShareIsOfTherapyAlone() {
    PricingContext assistant = OFFICE.withPractitioner(PractitionerType.THERAPY_ASSISTANT);
    Claim.Builder lines = Claim.builder().add("99213").add("97110-GP");
    PricedClaim claim =
        MedicareClaimPricer.of(CmsFiles.schedule2025()).price(lines.build(), assistant);
    assertEquals(new BigDecimal("85.86"), claim.line(0).amountOrThrow(), claim.toString());
    assertEquals(new BigDecimal("23.79"), claim.line(1).amountOrThrow(), claim.toString());
    assertEquals(
        new BigDecimal("85.86"),
        CmsFiles.schedule2025().price(ClaimLine.parse("99213"), assistant).amountOrThrow());
  }

  /**
   * Lines billed with GZ (no advance beneficiary notice signed for a service expected to be denied
   * as not necessary: denied automatically from July 2011, change request 7228) or GY (excluded by
   * law or not a Medicare benefit) are denied; a GA line is paid. Before, 99214-GZ, 99214-GY,
   * 99214-GY-GZ and 99214-GA-GZ were each paid 120.91 and 99213-GZ 85.86, with no note, and the
   * contradictory pairs broke no modifier rule.
   */
  @Test
  void gzAndGyLinesAreDeniedAndGaLinesPaid() {
    PricedClaim claim =
        price("99214-GZ", "99214-GY", "99214-GY-GZ", "99214-GA-GZ", "99213-GZ", "99214-GA");
    for (int i = 0; i < 5; i++) {
      assertEquals(
          Optional.of(UnpricedReason.BILLED_AS_NOT_COVERED),
          claim.line(i).reason(),
          claim.toString());
    }
    assertEquals(new BigDecimal("120.91"), claim.line(5).amountOrThrow(), claim.toString());
    assertEquals(new BigDecimal("120.91"), claim.total(), claim.toString());
    assertTrue(flagged(claim, 2, ModifierRule.CONTRADICTORY_LIABILITY_MODIFIERS), "GY-GZ");
    assertTrue(flagged(claim, 3, ModifierRule.CONTRADICTORY_LIABILITY_MODIFIERS), "GA-GZ");
    assertTrue(claim.line(5).warnings().isEmpty(), claim.toString());
  }

  /**
   * The modifier rule's therapy codes are the file's: CQ is flagged on a code exactly when no row
   * of the code is MULT PROC 5, the therapy services claim pricing reduces.
   */
  @Test
  void theTherapyCodesOfTheModifierRuleAreTheFilesMultProc5() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    Map<String, Boolean> therapy = new HashMap<>();
    for (RvuEntry row : schedule.rvus().all()) {
      therapy.merge(
          row.code().toString(),
          row.indicators().multipleProcedure() == MultipleProcedureRule.THERAPY,
          Boolean::logicalOr);
    }
    int therapyCodes = 0;
    for (Map.Entry<String, Boolean> code : therapy.entrySet()) {
      List<ModifierViolation> violations =
          ModifierRules.standard()
              .check(
                  ProcedureCode.parse(code.getKey()), List.of(Modifier.PHYSICAL_THERAPY_ASSISTANT));
      boolean flagged =
          violations.stream()
              .anyMatch(v -> v.rule() == ModifierRule.THERAPY_ASSISTANT_OUTSIDE_THERAPY_CODES);
      assertEquals(!code.getValue(), flagged, code.getKey());
      therapyCodes += code.getValue() ? 1 : 0;
    }
    assertEquals(52, therapyCodes);
  }
}
