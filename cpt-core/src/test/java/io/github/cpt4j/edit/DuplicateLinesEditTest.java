package io.github.cpt4j.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A line that repeats an earlier line of the provider's day exactly is denied as an exact
 * duplicate, one that repeats its code and modifiers with other units or charge is flagged as a
 * suspect duplicate (Claims Processing Manual ch. 1 §120). Before, both were paid: {@code 27447-RT}
 * on two lines paid the right knee twice, 150% of it after the multiple-procedure rule.
 */
class DuplicateLinesEditTest {

  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static List<EditFinding> check(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(BilledLine.parse(line));
    }
    return DuplicateLinesEdit.standard().check(claim.build(), CONTEXT);
  }

  /** The findings as "line action of-line", by the claim's line numbers. */
  private static List<String> summary(List<EditFinding> findings) {
    return findings.stream()
        .map(
            f ->
                f.lineNumber()
                    + " "
                    + f.action()
                    + " of "
                    + f.data()
                        .getOrDefault(
                            "duplicateOf", f.data().getOrDefault("suspectDuplicateOf", "?")))
        .toList();
  }

  @Test
  void aLineAlikeInEveryFieldIsDeniedNamingTheFirst() {
    List<EditFinding> findings = check("27447-RT", "27130", "27447-RT", "27447-RT");
    assertEquals(List.of("3 DENY_LINE of 1", "4 DENY_LINE of 1"), summary(findings));
    EditFinding finding = findings.get(0);
    assertEquals(DuplicateLinesEdit.NAME, finding.edit());
    assertEquals(UnpricedReason.EDIT_DENIED, finding.reason());
    assertEquals(1, finding.deniedUnits());
    assertEquals(Map.of("duplicateOf", "1"), finding.data());
    assertTrue(
        finding
            .message()
            .startsWith(
                "27447-RT repeats line 1 exactly (code, modifiers, units, minutes and charge"),
        finding.message());
    assertTrue(finding.message().endsWith("(Claims Processing Manual ch. 1 §120)"));
    // All its units: a line of 3 units alike is denied whole.
    EditFinding units = check("97110 x3", "97110 x3").get(0);
    assertEquals(EditAction.DENY_LINE, units.action());
    assertEquals(3, units.deniedUnits());
  }

  @Test
  void modifiersAreComparedInAnyOrderAndChargesByValue() {
    assertEquals(List.of("2 DENY_LINE of 1"), summary(check("64484-RT-59", "64484-59-RT")));
    assertEquals(List.of("2 DENY_LINE of 1"), summary(check("99213 $100", "99213 $100.00")));
    assertEquals(List.of("2 DENY_LINE of 1"), summary(check("00790 95min", "00790 95min")));
  }

  @Test
  void otherUnitsMinutesOrChargeMakeASuspectDuplicateFlagged() {
    List<EditFinding> findings =
        check("71046 $50", "71046 $60", "71046 x2 $50", "71046", "71046 $50");
    // Line 5 repeats line 1 exactly; lines 2 to 4 repeat its code and modifiers only.
    assertEquals(
        List.of("2 FLAG of 1", "3 FLAG of 1", "4 FLAG of 1", "5 DENY_LINE of 1"),
        summary(findings));
    EditFinding flag = findings.get(0);
    assertEquals(0, flag.deniedUnits());
    assertTrue(
        flag.message().startsWith("71046 bills the code and modifiers of line 1 again"),
        flag.message());
    assertEquals(List.of("2 FLAG of 1"), summary(check("00790 95min", "00790 60min")));
  }

  @Test
  void linesToldApartByTheirModifiersOrMarkedAsRepeatsAreNeither() {
    // Sides, components, a distinct service: the modifiers by which a line is no duplicate.
    assertEquals(List.of(), check("27447-RT", "27447-LT"));
    assertEquals(List.of(), check("71046-26", "71046-TC", "71046"));
    assertEquals(List.of(), check("97140", "97140-59"));
    // 76, 77 and 91 mark a repeat, on either line.
    assertEquals(List.of(), check("71046", "71046-76"));
    assertEquals(List.of(), check("71046-76", "71046-76"));
    assertEquals(List.of(), check("71046-77", "71046-77"));
    assertEquals(List.of(), check("80053-91", "80053"));
    // Other codes, and a single line.
    assertEquals(List.of(), check("99213", "99214", "36415"));
    assertEquals(List.of(), check("99213"));
  }

  @Test
  void theStandardEditIsOneAndNamedSo() {
    assertSame(DuplicateLinesEdit.standard(), DuplicateLinesEdit.standard());
    assertEquals("duplicate-lines", DuplicateLinesEdit.standard().name());
    assertEquals("duplicate-lines", DuplicateLinesEdit.standard().toString());
    assertEquals(true, DuplicateLinesEdit.standard().perProviderDay());
    assertEquals(false, DuplicateLinesEdit.standard().judgesAfterDenials());
  }

  @Test
  void nullsAreRefusedByName() {
    Claim claim = Claim.builder().add("99213").build();
    assertEquals(
        "claim",
        assertThrows(
                NullPointerException.class,
                () -> DuplicateLinesEdit.standard().check(null, CONTEXT))
            .getMessage());
    assertEquals(
        "context",
        assertThrows(
                NullPointerException.class, () -> DuplicateLinesEdit.standard().check(claim, null))
            .getMessage());
  }
}
