package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.edit.EditAction;
import io.github.cpt4j.edit.EditFinding;
import io.github.cpt4j.edit.ncci.MueAdjudicationIndicator;
import io.github.cpt4j.edit.ncci.MueClaimEdit;
import io.github.cpt4j.edit.ncci.MueEdit;
import io.github.cpt4j.edit.ncci.MueTable;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.AssistantAtSurgery;
import io.github.cpt4j.fee.medicare.pfs.BilateralRule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.PaymentIndicators;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.SurgeonsPermission;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Anesthesia claims on the bundled data, worked by hand: CMS's CY 2022 base units and the 2025
 * anesthesia conversion factor of 13282-99 (Rest of New York), 19.79.
 */
class AnesthesiaClaimRulesTest {

  private static final MedicareFeeSchedule MEDICARE = BundledData.medicareFeeSchedule();
  private static final MedicareClaimPricer PRICER = MedicareClaimPricer.of(MEDICARE);
  private static final PricingContext HOSPITAL =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(String... lines) {
    List<BilledLine> billed = new ArrayList<>();
    for (String line : lines) {
      billed.add(BilledLine.parse(line));
    }
    return PRICER.price(Claim.of(billed), HOSPITAL);
  }

  /** Each line's amount, or its reason when it has none. */
  private static List<String> outcomes(PricedClaim claim) {
    List<String> outcomes = new ArrayList<>();
    for (PricedLine line : claim.lines()) {
      outcomes.add(
          line.amount()
              .map(BigDecimal::toPlainString)
              .orElse(line.reason().map(Enum::name).orElse("?")));
    }
    return outcomes;
  }

  /**
   * A session is paid on one line with the time of all its lines, so it is capped by what they are
   * billed together (42 CFR 414.46(b): the lesser of the actual charge and the fee schedule
   * amount): 00790 (7 base units) with 60 + 45 minutes, (7 + 7.0) x 19.79 = 277.06, billed 250.00 +
   * 250.00 = 500.00, is paid 277.06, as the same service billed as one line is. It was capped by
   * the paid line's own 250.00.
   */
  @Test
  void aSessionIsCappedByTheChargesOfAllItsLines() {
    assertEquals(List.of("277.06"), outcomes(price("00790-AA 105min $500.00")));
    PricedClaim session = price("00790-AA 60min $250.00", "00840-AA 45min $250.00");
    assertEquals(List.of("277.06", "NOT_PAYABLE_ON_CLAIM"), outcomes(session));
    assertTrue(
        session.line(0).explanation().toString().contains("250.00 (line 1) + 250.00 (line 2)"),
        session::toString);
    // In any order; and capped when the charges together are lower.
    assertEquals(
        List.of("NOT_PAYABLE_ON_CLAIM", "277.06"),
        outcomes(price("00840-AA 45min $250.00", "00790-AA 60min $250.00")));
    assertEquals(
        List.of("200.00", "NOT_PAYABLE_ON_CLAIM"),
        outcomes(price("00790-AA 60min $100.00", "00840-AA 45min $100.00")));
    // A line without a charge leaves the session's charge unknown: nothing caps it, as nothing
    // caps a line billed without one.
    PricedClaim unknown = price("00790-AA 60min $100.00", "00840-AA 45min");
    assertEquals(List.of("277.06", "NOT_PAYABLE_ON_CLAIM"), outcomes(unknown));
    assertTrue(
        unknown.line(0).explanation().toString().contains("line 2 of the session has no billed"),
        unknown::toString);
    // A line refused for its own reason is no member: its charge is not the session's. 00790 is
    // paid alone, (7 + 4.0) x 19.79 = 217.69, capped by its own 200.00.
    assertEquals(
        List.of("200.00", "MODIFIER_NOT_ALLOWED"),
        outcomes(price("00790-AA 60min $200.00", "00840-AA-47 45min $250.00")));
    // The physician's and the nurse anesthetist's lines are two sessions, each capped by its own
    // lines' charges: QK 277.06 x 50% = 138.53 capped by 60.00 + 60.00; QX 138.53, billed 1000.00.
    assertEquals(
        List.of("120.00", "NOT_PAYABLE_ON_CLAIM", "138.53", "NOT_PAYABLE_ON_CLAIM"),
        outcomes(
            price(
                "00790-QK 60min $60.00",
                "00840-QK 45min $60.00",
                "00790-QX 60min $500.00",
                "00840-QX 45min $500.00")));
  }

  /**
   * CMS's relative value file gives every anesthesia code (status J) the indicator 9, "concept does
   * not apply", for 26 and TC (PC/TC), 50 (BILAT SURG), 80, 81, 82 and AS (ASST SURG), 62 (CO-SURG)
   * and 66 (TEAM SURG), as it does 99152, where the claim pricer refuses them: on an anesthesia
   * code they were paid in full, 00790-AA-80 60min (7 + 4.0) x 19.79 = 217.69, without a word.
   */
  @ParameterizedTest
  @CsvSource({
    "80, ASST SURG 9",
    "81, ASST SURG 9",
    "82, ASST SURG 9",
    "AS, ASST SURG 9",
    "62, CO-SURG 9",
    "66, TEAM SURG 9",
    "26, PC/TC 9",
    "TC, PC/TC 9",
    "50, BILAT SURG 9",
  })
  void aSurgeonsRoleOrAComponentIsNotAllowedOnAnAnesthesiaCode(String modifier, String indicator) {
    // The same modifier on 99152, of the same indicators, is refused by the claim pricer.
    PricedLine sedation = price("99152-" + modifier).line(0);
    assertEquals(
        UnpricedReason.MODIFIER_NOT_ALLOWED, sedation.reason().orElseThrow(), sedation::toString);
    String anesthesia = "00790-AA-" + modifier + " 60min";
    FeeResult alone = MEDICARE.price(ClaimLine.parse(anesthesia), HOSPITAL);
    assertEquals(
        UnpricedReason.MODIFIER_NOT_ALLOWED, alone.reason().orElseThrow(), alone::toString);
    assertTrue(alone.detail().startsWith(indicator + ": "), alone::detail);
    assertTrue(alone.detail().contains(modifier), alone::detail);
    // On a claim, the line is refused and takes no part in the session: 00840 is paid alone, with
    // its own time, (6 + 3.0) x 19.79 = 178.11.
    PricedClaim claim = price(anesthesia, "00840-AA 45min");
    assertEquals(List.of("MODIFIER_NOT_ALLOWED", "178.11"), outcomes(claim));
    assertEquals(alone.detail(), claim.line(0).detail());
    // Without the modifier the line is paid.
    assertEquals(List.of("217.69"), outcomes(price("00790-AA 60min")));
  }

  /** The reason above is the file's: every anesthesia row of the relative value file says 9. */
  @Test
  void everyAnesthesiaCodeOfTheFileHasIndicator9ForTheseModifiers() {
    int rows = 0;
    for (RvuEntry row : MEDICARE.rvus().all()) {
      if (!AnesthesiaFeeSchedule.covers(row.code()) || row.status() != PaymentStatus.J) {
        continue;
      }
      rows++;
      PaymentIndicators ind = row.indicators();
      assertEquals(PcTcIndicator.NOT_APPLICABLE, ind.pcTc(), row::toString);
      assertEquals(BilateralRule.NOT_APPLICABLE, ind.bilateral(), row::toString);
      assertEquals(AssistantAtSurgery.NOT_APPLICABLE, ind.assistantAtSurgery(), row::toString);
      assertEquals(SurgeonsPermission.NOT_APPLICABLE, ind.coSurgeons(), row::toString);
      assertEquals(SurgeonsPermission.NOT_APPLICABLE, ind.teamSurgery(), row::toString);
    }
    assertFalse(rows == 0, "no anesthesia row in " + MEDICARE.rvus());
  }

  /**
   * AD pays three base units at most (ch. 12 §50.D), and an add-on only its own (CMS Transmittal
   * B-03-017): the codes of the bundled file with fewer than three, 01953 (1) and 01968 (2), are
   * paid their own billed AD; 01999 (0, none set nationally) the three. 01953-AD beside 01952-AA
   * 90min was paid 59.37, three times the 19.79 01953-AA is paid.
   */
  @Test
  void adPaysTheCodesOwnBaseUnitsWhenItHasFewerThanThree() {
    List<String> fewer = new ArrayList<>();
    for (int code = AnesthesiaBaseUnits.FIRST_CODE; code <= AnesthesiaBaseUnits.LAST_CODE; code++) {
      OptionalInt units = BundledData.anesthesiaBaseUnits().find(CptCode.of(code));
      if (units.isPresent() && units.getAsInt() < 3) {
        fewer.add(CptCode.of(code) + " " + units.getAsInt());
      }
    }
    assertEquals(List.of("01953 1", "01968 2", "01999 0"), fewer);
    // 01952 (5) 90 min: (5 + 6.0) x 19.79 = 217.69; 01953-AD 1 x 19.79.
    assertEquals(List.of("217.69", "19.79"), outcomes(price("01952-AA 90min", "01953-AD")));
    assertEquals(List.of("217.69", "19.79"), outcomes(price("01952-AA 90min", "01953-AA")));
    // 01967-AD (5): 3 x 19.79 = 59.37; 01968-AD (2): 2 x 19.79 = 39.58; 01999-AD: 59.37.
    assertEquals(List.of("59.37", "39.58"), outcomes(price("01967-AD 120min", "01968-AD 60min")));
    assertEquals(List.of("59.37"), outcomes(price("01999-AD 60min")));
  }

  /**
   * A finding that denies units of a line leaves the anesthesia session the units left, as it does
   * the fee schedule's lines: 01953, paid for each of its units, billed x3 with two denied is paid
   * one, 1 x 19.79. It was paid the three billed, 59.37, while its explanation said two were
   * denied. The charge cap reads the charge billed, as for a line of the fee schedule: 50.00 is not
   * lower than 19.79, 15.00 is.
   */
  @Test
  void unitsDeniedOfAnAnesthesiaLineAreNotPaid() {
    Claim claim = claim("01952-AA 90min", "01953-AA x3 $50.00");
    PricedClaim priced = PRICER.price(claim, HOSPITAL, List.of(denyUnits(1, 2)));
    assertEquals(List.of("217.69", "19.79"), outcomes(priced));
    assertTrue(
        priced.line(1).explanation().toString().contains("2 of 3 units denied"), priced::toString);
    assertEquals(
        List.of("217.69", "15.00"),
        outcomes(
            PRICER.price(
                claim("01952-AA 90min", "01953-AA x3 $15.00"),
                HOSPITAL,
                List.of(denyUnits(1, 2)))));
    // As 99213 x3 with two denied is paid one unit; with every unit denied, the line is denied.
    assertEquals(
        outcomes(PRICER.price(claim("99213"), HOSPITAL)),
        outcomes(PRICER.price(claim("99213 x3"), HOSPITAL, List.of(denyUnits(0, 2)))));
    assertEquals(
        List.of("217.69", "NCCI_MUE"),
        outcomes(PRICER.price(claim, HOSPITAL, List.of(denyUnits(1, 3)))));
    // Its limiting charge is of the one unit left too.
    PricingContext nonParticipating = HOSPITAL.withParticipating(false);
    BitSet both = new BitSet();
    both.set(0, 2);
    assertEquals(
        outcomes(PRICER.limitingCharges(claim("01952-AA 90min", "01953-AA"), nonParticipating)),
        outcomes(
            PricedClaim.ofLimitingCharges(
                nonParticipating,
                PRICER.limitingChargeLines(
                    claim, both, nonParticipating, List.of(denyUnits(1, 2))))));
  }

  /**
   * The NCCI MUE edit denies a line over its value whole (MAI 1): the session pays the primary
   * alone, and nothing for 01953. A hand-written row; CMS's value for 01953 may differ.
   */
  @Test
  void anMueOverTheAddOnDeniesItsLine() {
    MueTable table =
        MueTable.builder()
            .add(
                new MueEdit(
                    ProcedureCode.parse("01953"),
                    1,
                    MueAdjudicationIndicator.of('1'),
                    "test: one increment"))
            .build();
    MedicareClaimPricer pricer =
        MedicareClaimPricer.builder(MEDICARE).addEdit(MueClaimEdit.of(table)).build();
    PricedClaim priced = pricer.price(claim("01952-AA 90min", "01953-AA x3"), HOSPITAL);
    assertEquals(List.of("217.69", "NCCI_MUE"), outcomes(priced));
    assertEquals(
        List.of("217.69", "19.79"),
        outcomes(pricer.price(claim("01952-AA 90min", "01953-AA"), HOSPITAL)));
  }

  private static Claim claim(String... lines) {
    Claim.Builder claim = Claim.builder();
    for (String line : lines) {
      claim.add(BilledLine.parse(line));
    }
    return claim.build();
  }

  /** A finding that denies {@code units} of the line at {@code index}, as an MUE would. */
  private static EditFinding denyUnits(int index, int units) {
    return EditFinding.builder()
        .edit("mue")
        .line(index)
        .action(EditAction.DENY_UNITS)
        .deniedUnits(units)
        .reason(UnpricedReason.NCCI_MUE)
        .message("MUE 1")
        .build();
  }
}
