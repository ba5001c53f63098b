package io.github.cpt4j.fee.medicare.partb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.asp.AspLimit;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsIndicator;
import io.github.cpt4j.fee.medicare.clfs.ClfsRate;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PartBFeeScheduleTest {

  private static final PricingContext MARCH =
      PricingContext.of(
          LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY);

  private static final ClfsFeeSchedule CLFS =
      ClfsFeeSchedule.builder(Quarter.of(2025, 1))
          .name("test-clfs")
          .add(
              new ClfsRate(
                  ProcedureCode.parse("80053"),
                  Optional.empty(),
                  LocalDate.of(2025, 1, 1),
                  ClfsIndicator.NATIONAL_LIMIT,
                  new BigDecimal("10.56")))
          .add(
              new ClfsRate(
                  ProcedureCode.parse("G0471"),
                  Optional.empty(),
                  LocalDate.of(2025, 1, 1),
                  ClfsIndicator.NATIONAL_LIMIT,
                  new BigDecimal("11.09")))
          .build();

  private static final AspFeeSchedule ASP =
      AspFeeSchedule.builder(Quarter.of(2025, 1))
          .name("test-asp")
          .add(
              new AspLimit(
                  ProcedureCode.parse("J1100"),
                  "1 MG",
                  Optional.of(new BigDecimal("0.108")),
                  new BigDecimal("20")))
          .build();

  /** A DMEPOS schedule without rows: only the route to it matters here. */
  private static final DmeposFeeSchedule NO_ROWS =
      DmeposFeeSchedule.builder(Quarter.of(2025, 1))
          .name("test-dmepos")
          .zips(DmeposZipTable.builder().state(10_000, 14_999, "NY").build())
          .build();

  @Test
  void routesByListedCodeThenByShape() {
    PartBFeeSchedule partB = PartBFeeSchedule.builder().clinicalLaboratory(CLFS).drugs(ASP).build();
    assertEquals(PartBPayer.CLINICAL_LABORATORY, partB.payerOf(ProcedureCode.parse("80053")));
    // A G code is the Physician Fee Schedule's by shape, but the CLFS lists G0471.
    assertEquals(PartBPayer.CLINICAL_LABORATORY, partB.payerOf(ProcedureCode.parse("G0471")));
    assertEquals(PartBPayer.PHYSICIAN_FEE_SCHEDULE, partB.payerOf(ProcedureCode.parse("G0008")));
    assertEquals(PartBPayer.CLINICAL_LABORATORY, partB.payerOf(ProcedureCode.parse("0001U")));
    assertEquals(PartBPayer.CLINICAL_LABORATORY, partB.payerOf(ProcedureCode.parse("85025")));
    assertEquals(PartBPayer.DRUGS, partB.payerOf(ProcedureCode.parse("J9035")));
    assertEquals(PartBPayer.DRUGS, partB.payerOf(ProcedureCode.parse("90686")));
    assertEquals(PartBPayer.DRUGS, partB.payerOf(ProcedureCode.parse("Q4101")));
    assertEquals(PartBPayer.DMEPOS, partB.payerOf(ProcedureCode.parse("E0601")));
    assertEquals(PartBPayer.DMEPOS, partB.payerOf(ProcedureCode.parse("L3908")));
    assertEquals(PartBPayer.DMEPOS, partB.payerOf(ProcedureCode.parse("A4253")));
    // Equipment supplies at the end of the A range were sent to the drug schedule, the monitor
    // supplies of A927x to the Physician Fee Schedule; radiopharmaceuticals stay drugs.
    assertEquals(PartBPayer.DMEPOS, partB.payerOf(ProcedureCode.parse("A9999")));
    assertEquals(PartBPayer.DMEPOS, partB.payerOf(ProcedureCode.parse("A9900")));
    assertEquals(PartBPayer.DMEPOS, partB.payerOf(ProcedureCode.parse("A9276")));
    assertEquals(PartBPayer.DRUGS, partB.payerOf(ProcedureCode.parse("A9552")));
    assertEquals(PartBPayer.DMEPOS, partB.payerOf(ProcedureCode.parse("Q4010")));
    assertEquals(PartBPayer.PHYSICIAN_FEE_SCHEDULE, partB.payerOf(ProcedureCode.parse("99213")));
    // Anesthesia goes to the Physician Fee Schedule unless an anesthesia schedule is loaded.
    assertEquals(PartBPayer.PHYSICIAN_FEE_SCHEDULE, partB.payerOf(ProcedureCode.parse("00790")));
    PartBFeeSchedule withAnesthesia =
        PartBFeeSchedule.builder().anesthesia((line, context) -> unpricedByReport()).build();
    assertEquals(PartBPayer.ANESTHESIA, withAnesthesia.payerOf(ProcedureCode.parse("00790")));
  }

  private static FeeResult unpricedByReport() {
    return FeeResult.unpriced(UnpricedReason.PRICED_BY_REPORT, "test", Explanation.empty());
  }

  @Test
  void answersWithTheScheduleThatPaysAndNamesIt() {
    PartBFeeSchedule partB =
        PartBFeeSchedule.builder().name("test-part-b").clinicalLaboratory(CLFS).drugs(ASP).build();
    FeeResult panel = partB.price(ClaimLine.parse("80053"), MARCH);
    assertEquals(new BigDecimal("10.56"), panel.amountOrThrow());
    assertEquals(
        Optional.of(
            PricingStep.note(
                "part-b", "the line goes to the Clinical Laboratory Fee Schedule (test-clfs)")),
        panel.explanation().find("part-b"));
    // 8 x 0.108 = 0.864 -> 0.86
    assertEquals(
        new BigDecimal("0.86"), partB.price(ClaimLine.parse("J1100 x8"), MARCH).amountOrThrow());
    // A lab test the CLFS lacks: the CLFS's reason, not the Physician Fee Schedule's.
    FeeResult missing = partB.price(ClaimLine.parse("85025"), MARCH);
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), missing.reason());
    assertTrue(missing.detail().contains("test-clfs"), missing.detail());
    // No DMEPOS and no Physician Fee Schedule loaded.
    FeeResult crutches = partB.price(ClaimLine.parse("E0114-NU"), MARCH);
    assertEquals(Optional.of(UnpricedReason.NO_SCHEDULE_LOADED), crutches.reason());
    assertTrue(crutches.detail().contains("the DMEPOS fee schedule"), crutches.detail());
    assertEquals(
        Optional.of(UnpricedReason.NO_SCHEDULE_LOADED),
        partB.price(ClaimLine.parse("99213"), MARCH).reason());
    assertEquals("test-part-b (test-clfs, test-asp)", partB.toString());
    assertEquals(PartBFeeSchedule.builder().build().loaded(), java.util.List.of());
  }

  /**
   * A place of service CMS's code set leaves unassigned (30) makes the claim unprocessable (Pub.
   * 100-04, ch. 26, §10.5) whatever schedule pays the line: the Physician Fee Schedule refused its
   * lines there while a lab test and a drug on the same claim were paid.
   */
  @Test
  void refusesLabAndDrugLinesAtAnUnassignedPlaceOfService() {
    PartBFeeSchedule partB = PartBFeeSchedule.builder().clinicalLaboratory(CLFS).drugs(ASP).build();
    PricingContext unassigned = MARCH.withPlaceOfService(PlaceOfService.of(30));
    for (String text : List.of("80053", "J1100 x8")) {
      FeeResult fee = partB.price(ClaimLine.parse(text), unassigned);
      assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), fee.reason(), text);
      assertTrue(fee.detail().contains("place of service 30 is unassigned"), fee.detail());
      assertTrue(fee.detail().contains("ch. 26 §10.5"), fee.detail());
      assertTrue(fee.explanation().find("part-b").isPresent(), text);
    }
    // An assigned place (the home, 12) still pays them.
    PricingContext home = MARCH.withPlaceOfService(PlaceOfService.HOME);
    assertEquals(
        new BigDecimal("10.56"), partB.price(ClaimLine.parse("80053"), home).amountOrThrow());
  }

  /**
   * A hospital's inpatient or outpatient (places 19, 21, 22, 23, 51, 61) has its lab tests and
   * drugs from the hospital, which alone is paid for them (Social Security Act §1862(a)(14); 42 CFR
   * 410.42(a)): the injection itself was refused there as incident-to while its drug was paid.
   */
  @Test
  void refusesLabAndDrugLinesForAHospitalPatient() {
    PartBFeeSchedule partB =
        PartBFeeSchedule.builder().clinicalLaboratory(CLFS).drugs(ASP).dmepos(NO_ROWS).build();
    for (int code : new int[] {19, 21, 22, 23, 51, 61}) {
      PricingContext hospital = MARCH.withPlaceOfService(PlaceOfService.of(code));
      for (String text : List.of("80053", "G0471", "J1100 x8")) {
        FeeResult fee = partB.price(ClaimLine.parse(text), hospital);
        assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), fee.reason(), text);
        assertTrue(fee.detail().contains("place of service " + code), fee.detail());
        assertTrue(fee.detail().contains("§1862(a)(14)"), fee.detail());
        assertTrue(fee.explanation().find("part-b").isPresent(), text);
      }
    }
    // Equipment for an inpatient: a hospital is no home (§1861(n)).
    for (int code : new int[] {21, 51, 61}) {
      FeeResult fee =
          partB.price(
              ClaimLine.parse("E0114-NU"), MARCH.withPlaceOfService(PlaceOfService.of(code)));
      assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), fee.reason(), fee.detail());
      assertTrue(fee.detail().contains("§1861(n)"), fee.detail());
    }
    for (PlaceOfService place : List.of(PlaceOfService.OFFICE, PlaceOfService.HOME)) {
      PricingContext context = MARCH.withPlaceOfService(place);
      assertEquals(
          new BigDecimal("10.56"), partB.price(ClaimLine.parse("80053"), context).amountOrThrow());
      assertEquals(
          new BigDecimal("0.86"),
          partB.price(ClaimLine.parse("J1100 x8"), context).amountOrThrow());
    }
  }
}
