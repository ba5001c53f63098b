package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricerTest.assertAmounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.ncci.MueClaimEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.edit.ncci.NcciEdits;
import io.github.cpt4j.edit.ncci.PtpClaimEdit;
import io.github.cpt4j.edit.ncci.PtpEdit;
import io.github.cpt4j.edit.ncci.PtpModifierIndicator;
import io.github.cpt4j.edit.ncci.PtpTable;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The NCCI procedure-to-procedure edit run by the claim pricer, with the test schedule. */
class NcciPipelineTest {

  /** A hand-written pair: 27447 (the higher-valued surgery) is column 2 of 27130. */
  private static final PtpClaimEdit PTP =
      PtpClaimEdit.of(
          PtpTable.builder()
              .add(
                  new PtpEdit(
                      ProcedureCode.parse("27130"),
                      ProcedureCode.parse("27447"),
                      false,
                      LocalDate.of(2020, 1, 1),
                      Optional.empty(),
                      PtpModifierIndicator.of('0'),
                      "test: not done together"))
              .build());

  private static PricedClaim price(MedicareClaimPricer pricer, String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(line);
    }
    return pricer.price(claim.build(), CONTEXT);
  }

  @Test
  void aColumnTwoLineDeniedLeavesTheMultipleProcedureRanking() {
    MedicareClaimPricer plain = MedicareClaimPricer.of(ClaimTables.schedule());
    // Without the edit 27447 ranks first and 27130 is paid 50%.
    assertAmounts(price(plain, "27447", "27130"), "1450.00", "1000.00", "450.00");
    MedicareClaimPricer edited =
        MedicareClaimPricer.builder(ClaimTables.schedule()).addEdit(PTP).build();
    // With 27447 denied, 27130 is the only procedure: paid 100%.
    PricedClaim claim = assertAmounts(price(edited, "27447", "27130"), "900.00", null, "900.00");
    PricedLine denied = claim.line(0);
    assertEquals(UnpricedReason.NCCI_PTP, denied.reason().orElseThrow());
    assertEquals(PtpClaimEdit.NAME, denied.refusedBy().orElseThrow());
    assertTrue(denied.detail().contains("27130"), denied.toString());
    assertFalse(claim.line(1).explanation().has("multiple-procedure"), claim.toString());
  }

  /** A payer's own rule: 27447 is not covered by its plan. */
  private static final ClaimEdit PAYER =
      new ClaimEdit() {
        @Override
        public String name() {
          return "payer-not-covered";
        }

        @Override
        public List<EditFinding> check(Claim claim, PricingContext context) {
          List<EditFinding> found = new ArrayList<>();
          for (int i = 0; i < claim.size(); i++) {
            if (claim.line(i).line().code().toString().equals("27447")) {
              found.add(EditFinding.denyLine(name(), i, 1, "27447 is not covered by the plan"));
            }
          }
          return found;
        }
      };

  @Test
  void aPayersEditAddedBeforeNcciDeniesTheLineInsteadOfIt() {
    MedicareClaimPricer payerFirst =
        MedicareClaimPricer.builder(ClaimTables.schedule())
            .addEdit(PTP)
            .addEditBefore(PtpClaimEdit.NAME, PAYER)
            .build();
    Claim claim = Claim.builder().add("27447").add("27130").build();
    // Both edits deny 27447 (line 1); the payer's runs first and its denial stands.
    List<EditFinding> findings = payerFirst.scrub(claim, CONTEXT);
    assertEquals(
        List.of("payer-not-covered", PtpClaimEdit.NAME),
        findings.stream().map(EditFinding::edit).toList(),
        findings::toString);
    PricedLine denied = payerFirst.price(claim, CONTEXT).line(0);
    assertEquals(Optional.of(UnpricedReason.EDIT_DENIED), denied.reason());
    assertEquals(Optional.of("payer-not-covered"), denied.refusedBy());
    assertFalse(denied.explanation().has(PtpClaimEdit.NAME), denied.toString());
    // Added after NCCI (addEdit), NCCI's denial stands.
    MedicareClaimPricer ncciFirst =
        MedicareClaimPricer.builder(ClaimTables.schedule()).addEdit(PTP).addEdit(PAYER).build();
    PricedLine byNcci = ncciFirst.price(claim, CONTEXT).line(0);
    assertEquals(Optional.of(UnpricedReason.NCCI_PTP), byNcci.reason());
    assertEquals(Optional.of(PtpClaimEdit.NAME), byNcci.refusedBy());
  }

  @Test
  void twoEditsWhoseFindingsShareANameAreRefusedWhenThePricerIsBuilt() {
    // NCCI's combined edit gives its findings the names of its parts, ncci-ptp and ncci-mue:
    // beside it, the PTP edit alone (named ncci-ptp) denied 27447 twice, and refusedBy() could
    // not say which edit a denial was, as with two edits of one name.
    MedicareClaimPricer.Builder builder =
        MedicareClaimPricer.builder(ClaimTables.schedule())
            .addEdit(NcciEdits.ofPtp(PTP.table()))
            .addEdit(PTP);
    String message = assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    assertEquals(
        "two claim edits give findings named 'ncci-ptp', 'ncci' (its findings carry [ncci-ptp])"
            + " and 'ncci-ptp'; the edits are [duplicate-lines, modifier-rules, anesthesia-time,"
            + " critical-care, liability-modifiers, global-surgery, same-day-visits,"
            + " new-patient-visit, ncci, ncci-ptp]",
        message);
    // Names that differ pass: the PTP part in the combined edit, the MUE edit alone.
    MedicareClaimPricer pricer =
        MedicareClaimPricer.builder(ClaimTables.schedule())
            .addEdit(NcciEdits.ofPtp(PTP.table()))
            .addEdit(MueClaimEdit.of(MueTable.builder().build()))
            .build();
    assertEquals(
        Optional.of(PtpClaimEdit.NAME), price(pricer, "27447", "27130").line(0).refusedBy());
  }

  @Test
  void findingsGivenFromALargerClaimAreAppliedWithoutRunningTheEdits() {
    MedicareClaimPricer edited =
        MedicareClaimPricer.builder(ClaimTables.schedule()).addEdit(PTP).build();
    Claim whole = Claim.builder().add("99999").add("27447").add("27130").build();
    // The edit ran over a claim with one more line in front: its finding is on line 1 there.
    EditFinding found = edited.scrub(whole, CONTEXT).get(0);
    assertEquals(1, found.line());
    Claim part = Claim.builder().add("27447").add("27130").build();
    PricedClaim priced = edited.price(part, CONTEXT, List.of(found.onLine(0)));
    assertEquals(Optional.of(UnpricedReason.NCCI_PTP), priced.line(0).reason());
    assertEquals("900.00", priced.total().toPlainString());
    // Without findings, nothing is denied: the edits are not run again.
    assertEquals(Optional.empty(), edited.price(part, CONTEXT, List.of()).line(0).reason());
    assertThrows(
        IllegalArgumentException.class,
        () -> edited.price(part, CONTEXT, List.of(found.onLine(2))));
    assertEquals(found, found.onLine(1));
    assertEquals(found.data(), found.onLine(0).data());
  }
}
