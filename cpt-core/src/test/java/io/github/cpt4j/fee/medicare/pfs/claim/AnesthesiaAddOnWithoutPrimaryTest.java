package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An anesthesia add-on is billed with its primary code, which CMS names: 01953 with 01952, 01968
 * and 01969 with 01967 (Transmittal B-03-017, CR 2539). Billed without it, the add-on is still
 * priced, as a ZZZ add-on without a primary is, but warned of ({@code ADD_ON_WITHOUT_PRIMARY}): it
 * paid its base units, and 01968's and 01969's own time, beside any other code, without a word.
 */
class AnesthesiaAddOnWithoutPrimaryTest {

  private static final AnesthesiaFeeSchedule ANESTHESIA =
      AnesthesiaFeeSchedule.builder()
          .name("anesthesia-test")
          .baseUnits(
              AnesthesiaBaseUnits.of(
                  "test",
                  Map.of(
                      CptCode.parse("00790"), 7,
                      CptCode.parse("01952"), 5,
                      CptCode.parse("01953"), 1,
                      CptCode.parse("01967"), 5,
                      CptCode.parse("01968"), 2,
                      CptCode.parse("01969"), 5)))
          .conversionFactors(
              AnesthesiaConversionFactors.of(
                  "test", Map.of(ClaimTables.TEST_LOCALITY, new BigDecimal("20.00"))))
          .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
          .build();

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(ClaimTables.scheduleBuilder().anesthesia(ANESTHESIA).build());

  private static PricedClaim price(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(BilledLine.parse(line));
    }
    return PRICER.price(claim.build(), CONTEXT);
  }

  private static List<ClaimWarning.Kind> kinds(PricedLine line) {
    return line.warnings().stream().map(ClaimWarning::kind).toList();
  }

  @Test
  void anObstetricAddOnBesideAnotherCodeIsWarnedOf() {
    PricedClaim claim = price("00790-AA 60min", "01968-AA 60min");
    // Both still priced: (7 + 4.0) x 20.00 = 220.00 and (2 + 4.0) x 20.00 = 120.00.
    assertEquals(new BigDecimal("220.00"), claim.line(0).amount().orElseThrow(), claim::toString);
    assertEquals(new BigDecimal("120.00"), claim.line(1).amount().orElseThrow(), claim::toString);
    assertEquals(List.of(), kinds(claim.line(0)), claim::toString);
    assertEquals(List.of(ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY), kinds(claim.line(1)));
    ClaimWarning warning = claim.line(1).warnings().get(0);
    assertEquals("anesthesia", warning.rule());
    assertTrue(
        warning.message().contains("01968 is billed without its primary code 01967"),
        warning.message());
    assertTrue(warning.message().contains("Transmittal B-03-017"), warning.message());
  }

  @Test
  void eachAddOnAloneIsWarnedOfWithItsOwnPrimary() {
    PricedClaim burn = price("01953-AA");
    assertEquals(new BigDecimal("20.00"), burn.line(0).amount().orElseThrow(), burn::toString);
    assertEquals(List.of(ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY), kinds(burn.line(0)));
    assertTrue(burn.line(0).warnings().get(0).message().contains("primary code 01952"));
    PricedClaim obstetric = price("01969-QZ 30min");
    assertEquals(List.of(ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY), kinds(obstetric.line(0)));
  }

  @Test
  void aPrimaryRefusedForItsOwnReasonIsNoPrimary() {
    // 47 on 01967 refuses it: the add-on is still priced, but alone.
    PricedClaim claim = price("01967-AA-47 120min", "01968-AA 60min");
    assertEquals(List.of(ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY), kinds(claim.line(1)));
  }

  @Test
  void aPrimaryOfTheOtherPractitionerIsNotTheAddOnsPrimary() {
    // The physician's and the nurse anesthetist's lines are counted apart, as their sessions are.
    PricedClaim claim = price("01967-QK 120min", "01968-QX 60min");
    assertEquals(List.of(ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY), kinds(claim.line(1)));
  }

  @Test
  void anAddOnWithItsPrimaryIsNotWarnedOf() {
    for (List<String> lines :
        List.of(
            List.of("01967-AA 120min", "01968-AA 60min"),
            List.of("01968-AA 60min", "01967-AA 120min"),
            List.of("01967-QK 120min", "01969-QK 60min", "01967-QX 120min", "01969-QX 60min"),
            List.of("01952-AA 90min", "01953-AA x3"),
            List.of("01967-AA 120min", "01968-AA 20min", "01968-AA 40min"))) {
      PricedClaim claim = price(lines.toArray(String[]::new));
      for (PricedLine line : claim.lines()) {
        // The two lines of 01968 are a suspect duplicate (EDIT_FLAG): only this warning counts.
        assertTrue(
            !kinds(line).contains(ClaimWarning.Kind.ADD_ON_WITHOUT_PRIMARY), claim::toString);
      }
    }
  }

  @Test
  void theScheduleAloneSaysItInTheAddOnsStep() {
    List<FeeResult> results =
        ANESTHESIA.priceSession(
            List.of(ClaimLine.parse("00790-AA 60min"), ClaimLine.parse("01968-AA 60min")), CONTEXT);
    assertTrue(
        results.get(1).explanation().has(AnesthesiaFeeSchedule.ADD_ON_WITHOUT_PRIMARY),
        results.get(1)::toString);
    assertEquals(new BigDecimal("120.00"), results.get(1).amountOrThrow());
    List<FeeResult> paired =
        ANESTHESIA.priceSession(
            List.of(ClaimLine.parse("01967-AA 120min"), ClaimLine.parse("01968-AA 60min")),
            CONTEXT);
    assertTrue(!paired.get(1).explanation().has(AnesthesiaFeeSchedule.ADD_ON_WITHOUT_PRIMARY));
  }
}
