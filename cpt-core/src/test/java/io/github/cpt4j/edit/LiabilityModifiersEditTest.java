package io.github.cpt4j.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * GZ and GY deny their lines: CMS denies every line billed with GZ from 1 July 2011 (change request
 * 7228), and GY says the service is excluded or no Medicare benefit. Before, both were priced as if
 * the modifier were absent.
 */
class LiabilityModifiersEditTest {

  private static final LocalDate DATE = LocalDate.of(2025, 11, 3);

  private static final PricingContext CONTEXT =
      PricingContext.of(DATE, Locality.parse("13282-99"), Setting.NON_FACILITY);

  private static List<EditFinding> check(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(line);
    }
    return LiabilityModifiersEdit.standard().check(claim.build(), CONTEXT);
  }

  @Test
  void gzAndGyLinesAreDeniedAndGaLinesAreNot() {
    List<EditFinding> findings = check("99214-GZ", "99214-GY", "99214-GA", "99214", "71046-GX-GY");
    assertEquals(List.of(0, 1, 4), findings.stream().map(EditFinding::line).toList());
    for (EditFinding finding : findings) {
      assertEquals(LiabilityModifiersEdit.NAME, finding.edit());
      assertEquals(EditAction.DENY_LINE, finding.action());
      assertEquals(UnpricedReason.BILLED_AS_NOT_COVERED, finding.reason());
      assertEquals(1, finding.deniedUnits());
    }
    String gz = findings.get(0).message();
    assertTrue(gz.startsWith("modifier GZ: "), gz);
    assertTrue(gz.contains("no advance beneficiary notice (ABN) signed"), gz);
    assertTrue(gz.contains("change request 7228"), gz);
    assertTrue(gz.contains("ch. 23 §20.9.1.1"), gz);
    String gy = findings.get(1).message();
    assertTrue(gy.startsWith("modifier GY: 99214 is billed as excluded by law"), gy);
    assertTrue(gy.contains("section 1862(a)"), gy);
  }

  @Test
  void aLineWithGzAndGyIsDeniedOnceForGz() {
    List<EditFinding> findings = check("99214-GY-GZ x2");
    assertEquals(1, findings.size(), findings::toString);
    assertTrue(findings.get(0).message().startsWith("modifier GZ"), findings::toString);
    assertEquals(2, findings.get(0).deniedUnits());
  }

  @Test
  void gzDeniesAutomaticallyFromJulyTwentyEleven() {
    ClaimLine line = ClaimLine.parse("99213-GZ");
    assertEquals(Optional.empty(), LiabilityModifiersEdit.denial(line, LocalDate.of(2011, 6, 30)));
    assertTrue(LiabilityModifiersEdit.denial(line, LocalDate.of(2011, 7, 1)).isPresent());
    // GY owes nothing to that date.
    assertTrue(
        LiabilityModifiersEdit.denial(ClaimLine.parse("99213-GY-GZ"), LocalDate.of(2011, 6, 30))
            .orElseThrow()
            .startsWith("modifier GY"));
    // A line's own date of service rules, not the context's.
    Claim claim =
        Claim.builder()
            .add(BilledLine.of(line).withDateOfService(LocalDate.of(2011, 6, 30)))
            .build();
    assertEquals(List.of(), LiabilityModifiersEdit.standard().check(claim, CONTEXT));
  }

  @Test
  void badInputIsRefusedByName() {
    assertEquals(
        "line",
        assertThrows(NullPointerException.class, () -> LiabilityModifiersEdit.denial(null, DATE))
            .getMessage());
    assertEquals(
        "dateOfService",
        assertThrows(
                NullPointerException.class,
                () -> LiabilityModifiersEdit.denial(ClaimLine.parse("99213"), null))
            .getMessage());
  }
}
