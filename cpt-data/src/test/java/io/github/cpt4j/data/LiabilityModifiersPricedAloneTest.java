package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.edit.LiabilityModifiersEdit;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A line billed with GZ or GY is denied by claim pricing ({@code liability-modifiers}); priced
 * alone it keeps its schedule's amount and its explanation says that claim pricing denies it, as
 * the README says of every such line. Lab tests, DMEPOS items, drugs and anesthesia lines priced
 * alone used to be paid without a word: E0114-NU-GY 61.45, J1100-GZ 0.11, 80053-GY 10.56 and
 * 00790-AA-GZ 60min 250.36 in Manhattan on 2025-03-14, their explanations silent.
 */
class LiabilityModifiersPricedAloneTest {

  private static final PricingContext MANHATTAN =
      PricingContext.of(
              LocalDate.of(2025, 3, 14),
              BundledData.zipLocalities().find("10001").map(Locality.class::cast).orElseThrow(),
              Setting.NON_FACILITY)
          .withBeneficiaryZip("10001");

  private static final String DENIED = "claim pricing denies the line (edit liability-modifiers)";

  private static void assertNoted(FeeSchedule schedule, String line, String modifier) {
    FeeResult alone = schedule.price(ClaimLine.parse(line), MANHATTAN);
    String explanation = alone.explanation().toString();
    assertTrue(alone.isPriced(), line + ": " + explanation);
    assertTrue(explanation.contains("modifier-" + modifier + ": "), line + ": " + explanation);
    assertTrue(explanation.contains(DENIED), line + ": " + explanation);
  }

  @Test
  void partBLinesPricedAloneSayClaimPricingDeniesThem() {
    // Each schedule alone, and through the Part B schedule that routes to it.
    assertNoted(BundledData.dmeposFeeSchedule(), "E0114-NU-GY", "GY");
    assertNoted(BundledData.clinicalLabFeeSchedule(), "80053-GY", "GY");
    assertNoted(BundledData.aspFeeSchedule(), "J1100-GZ", "GZ");
    assertNoted(BundledData.partBFeeSchedule(), "E0114-NU-GZ", "GZ");
    assertNoted(BundledData.partBFeeSchedule(), "80053-GZ", "GZ");
    assertNoted(BundledData.partBFeeSchedule(), "J1100-GY", "GY");
  }

  @Test
  void anesthesiaLinesPricedAloneSayClaimPricingDeniesThem() {
    assertNoted(BundledData.medicareFeeSchedule(), "00790-AA-GZ 60min", "GZ");
    assertNoted(BundledData.medicareReleases(), "00790-AA-GY 60min", "GY");
    assertNoted(BundledData.partBFeeSchedule(), "00790-AA-GZ 60min", "GZ");
  }

  /** The amounts alone are unchanged, and lines without GZ or GY get no note. */
  @Test
  void theAmountIsTheSchedulesAndOtherLinesAreNotNoted() {
    FeeSchedule partB = BundledData.partBFeeSchedule();
    for (String[] pair :
        new String[][] {
          {"E0114-NU-GY", "E0114-NU"},
          {"80053-GY", "80053"},
          {"J1100-GZ", "J1100"},
          {"00790-AA-GZ 60min", "00790-AA 60min"},
          {"E0114-NU-GA", "E0114-NU"}
        }) {
      FeeResult billed = partB.price(ClaimLine.parse(pair[0]), MANHATTAN);
      FeeResult plain = partB.price(ClaimLine.parse(pair[1]), MANHATTAN);
      assertEquals(plain.amount(), billed.amount(), pair[0]);
      assertFalse(plain.explanation().toString().contains(DENIED), pair[1]);
    }
    assertFalse(
        partB
            .price(ClaimLine.parse("E0114-NU-GA"), MANHATTAN)
            .explanation()
            .toString()
            .contains(DENIED));
  }

  /** On a claim the lines are denied, as before, and the note is not in their explanations. */
  @Test
  void onAClaimTheLinesAreDenied() {
    PartBClaimPricer pricer =
        PartBClaimPricer.of(
            BundledData.partBFeeSchedule(),
            MedicareClaimPricer.of(BundledData.medicareFeeSchedule()));
    PricedClaim claim =
        pricer.price(
            Claim.ofLines(
                ClaimLine.parse("E0114-NU-GY"),
                ClaimLine.parse("80053-GY"),
                ClaimLine.parse("J1100-GZ"),
                ClaimLine.parse("00790-AA-GZ 60min")),
            MANHATTAN);
    for (int i = 0; i < claim.lines().size(); i++) {
      assertEquals(
          Optional.of(UnpricedReason.BILLED_AS_NOT_COVERED),
          claim.line(i).reason(),
          claim::toString);
      assertEquals(
          Optional.of(LiabilityModifiersEdit.NAME), claim.line(i).refusedBy(), claim::toString);
    }
  }
}
