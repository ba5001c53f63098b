package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricerTest.assertAmounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaTimeEdit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Minutes on a code not paid by time (Claims Processing Manual ch. 12 §50) are used by no amount:
 * the line keeps its amount and gets a {@link ClaimWarning.Kind#MINUTES_IGNORED} warning, rather
 * than the minutes vanishing without a word.
 */
class AnesthesiaTimeWarningTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(
          ClaimTables.scheduleBuilder()
              .anesthesia(
                  AnesthesiaFeeSchedule.builder()
                      .baseUnits(
                          AnesthesiaBaseUnits.of(
                              "test", Map.of(CptCode.parse("00790"), 7, CptCode.parse("01996"), 3)))
                      .conversionFactors(
                          AnesthesiaConversionFactors.of(
                              "test", Map.of(ClaimTables.TEST_LOCALITY, new BigDecimal("20.00"))))
                      .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
                      .build())
              .build());

  private static PricedClaim price(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(line);
    }
    return PRICER.price(claim.build(), CONTEXT);
  }

  @Test
  void minutesOnAVisitWarnAndChangeNoAmount() {
    PricedClaim with = assertAmounts(price("99213 30min"), "100.00", "100.00");
    PricedClaim without = assertAmounts(price("99213"), "100.00", "100.00");
    PricedLine line = with.line(0);
    assertEquals(1, line.warnings().size(), with.toString());
    ClaimWarning warning = line.warnings().get(0);
    assertEquals(ClaimWarning.Kind.MINUTES_IGNORED, warning.kind());
    assertEquals(AnesthesiaTimeEdit.NAME, warning.rule());
    assertTrue(warning.message().contains("99213 is not paid by time"), warning.message());
    assertTrue(warning.message().contains("30 minutes are not used"), warning.message());
    assertTrue(warning.message().contains("chapter 12, section 50"), warning.message());
    // The explanation shows it as a warning step, as every claim warning.
    assertTrue(line.explanation().has(AnesthesiaTimeEdit.NAME), line.explanation().toString());
    assertTrue(
        line.explanation().toString().contains("warning: 99213 is not paid by time"),
        line.explanation().toString());
    assertEquals(List.of(), without.line(0).warnings(), without.toString());
    assertFalse(without.line(0).explanation().has(AnesthesiaTimeEdit.NAME));
    // For a report that writes the warning first, its step keeps only the rule's name; the other
    // steps are the explanation's own.
    String steps = line.explanationWithoutDetailOrWarnings();
    assertTrue(steps.contains(AnesthesiaTimeEdit.NAME + ": warning"), steps);
    assertFalse(steps.contains("99213 is not paid by time"), steps);
    assertEquals(
        line.explanationWithoutDetail().replace(": warning: " + warning.message(), ": warning"),
        steps);
    assertEquals(
        without.line(0).explanationWithoutDetail(),
        without.line(0).explanationWithoutDetailOrWarnings());
  }

  @Test
  void minutesPaidAsAnesthesiaTimeDoNotWarn() {
    // (7 + 95 / 15 = 6.3) x 20.00 = 266.00
    PricedClaim claim = assertAmounts(price("00790-AA 95min"), "266.00", "266.00");
    assertEquals(List.of(), claim.line(0).warnings(), claim.toString());
    assertFalse(claim.line(0).explanation().has(AnesthesiaTimeEdit.NAME));
    assertEquals(Optional.empty(), AnesthesiaTimeEdit.ignoredMinutes(ClaimLine.parse("00790-AA")));
    // AD pays no time, but the code is paid by time: its base-units step says so, no warning.
    assertEquals(List.of(), price("00790-AD 60min").line(0).warnings());
  }

  @Test
  void minutesOnACodePaidByBaseUnitsAloneWarn() {
    // 01996: 3 base units x 20.00, with or without minutes.
    PricedClaim with = assertAmounts(price("01996-AA 30min"), "60.00", "60.00");
    assertAmounts(price("01996-AA"), "60.00", "60.00");
    assertEquals(1, with.line(0).warnings().size(), with.toString());
    ClaimWarning warning = with.line(0).warnings().get(0);
    assertEquals(ClaimWarning.Kind.MINUTES_IGNORED, warning.kind());
    assertTrue(warning.message().contains("01996 is paid by base units alone"), warning.message());
    assertTrue(warning.message().contains("section 50.G"), warning.message());
    assertTrue(AnesthesiaTimeEdit.ignoredMinutes(ClaimLine.parse("01995-AA 20min")).isPresent());
  }

  @Test
  void theWarningNamesTheLineBesideOthers() {
    PricedClaim claim =
        assertAmounts(price("00790-AA 95min", "99213 30min"), "366.00", "266.00", "100.00");
    assertEquals(List.of(), claim.line(0).warnings());
    assertEquals(
        ClaimWarning.Kind.MINUTES_IGNORED,
        claim.line(1).warnings().get(0).kind(),
        claim.toString());
    assertEquals(
        List.of(),
        AnesthesiaTimeEdit.standard()
            .check(Claim.builder().add("00790-AA 95min").add("99213").build(), CONTEXT));
    assertEquals(
        2,
        AnesthesiaTimeEdit.standard()
            .check(Claim.builder().add("00790-AA 95min").add("99213 30min").build(), CONTEXT)
            .get(0)
            .lineNumber());
  }
}
