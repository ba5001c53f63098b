package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Part B claim of a visit, a blood draw, a lab panel, an injection with its drug and a DME item,
 * every line priced from the schedule that pays it, with CMS's 2025 files (run when {@code
 * CPT4J_CMS_DIR} is set). Every amount was worked out by hand from the files.
 */
class PartBClaimFullFilesTest {

  /** The Part B schedule of the January 2025 files. */
  private static PartBFeeSchedule partB() throws java.io.IOException {
    return PartBFeeSchedule.builder()
        // The January release: a March date is in its quarter, as the Part B files are.
        .physicianFeeSchedule(
            io.github.cpt4j.data.MedicareFiles.none()
                .withRvu(CmsFiles.file("2025/quarterly/PPRRVU25_JAN.csv"))
                .withGpci(CmsFiles.file("2025/GPCI2025.csv"))
                .schedule())
        .clinicalLaboratory(ClfsFile.read(CmsFiles.file("clfs/CLFS_2025_Q1V1.csv")))
        .drugs(AspFile.read(CmsFiles.file("asp/ASP_2025_JAN.csv")))
        .dmepos(
            DmeposFile.read(
                CmsFiles.file("dmepos/DMEPOS_2025_JAN.csv"),
                DmeposRuralZipFile.read(
                    CmsFiles.file("dmepos/DME_Rural_ZIP_2025_Q1.csv"),
                    Zip5File.readStates(CmsFiles.file("2025/ZIP5_OCT2025.txt")))))
        .build();
  }

  /** A patient of Manhattan (ZIP 10001) seen in a Manhattan office (locality 13202-01). */
  private static final PricingContext OFFICE =
      PricingContext.of(LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY)
          .withBeneficiaryZip("10001");

  @Test
  void everyLineFromTheRightSchedule() throws Exception {
    PartBFeeSchedule partB = partB();
    PricingContext office = OFFICE;
    Map<String, String> expected = new LinkedHashMap<>();
    // PPRRVU25_JAN.csv 99213: work 1.30, non-facility PE 1.35, MP 0.10; GPCI2025.csv 13202-01:
    // 1.065, 1.166, 1.656; CF 32.3465. (1.3845 + 1.5741 + 0.1656) x 32.3465 = 101.0569353
    expected.put("99213-25", "101.06 PHYSICIAN_FEE_SCHEDULE");
    // CLFS_2025_Q1V1.csv: 2025,36415,,20250101,N,00009.09
    expected.put("36415", "9.09 CLINICAL_LABORATORY");
    // CLFS_2025_Q1V1.csv: 2025,80053,,20250101,N,00010.56
    expected.put("80053", "10.56 CLINICAL_LABORATORY");
    // PPRRVU25_JAN.csv 96372: work 0.17, non-facility PE 0.25, MP 0.01.
    // (0.18105 + 0.2915 + 0.01656) x 32.3465 = 15.820996615
    expected.put("96372", "15.82 PHYSICIAN_FEE_SCHEDULE");
    // ASP_2025_JAN.csv: J1100, 1 MG, 0.108. 8 mg = 8 units: 8 x 0.108 = 0.864
    expected.put("J1100 x8", "0.86 DRUGS");
    // DMEPOS_2025_JAN.csv: E0114,NU,,D,IN, NY (NR) 61.45; ZIP 10001 is not a rural ZIP code
    expected.put("E0114-NU", "61.45 DMEPOS");
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      ClaimLine line = ClaimLine.parse(e.getKey());
      FeeResult result = partB.price(line, office);
      assertEquals(
          e.getValue(),
          result.amountOrThrow() + " " + partB.payerOf(line.code()),
          result.toString());
      assertTrue(result.explanation().has("part-b"), result.toString());
      total = total.add(result.amountOrThrow());
    }
    // 101.06 + 9.09 + 10.56 + 15.82 + 0.86 + 61.45
    assertEquals(new BigDecimal("198.84"), total);
    assertEquals(
        PartBPayer.DMEPOS, partB.payerOf(io.github.cpt4j.code.ProcedureCode.parse("A4253")));
  }

  /**
   * A surgical dressing (A6212, status P in PPRRVU25_JAN.csv; DMEPOS_2025_JAN.csv NY (NR) 13.57)
   * applied at a debridement (97597) is bundled into it; billed alone, or by another provider, it
   * is paid from DMEPOS (CMS's relative value file, status P). Both were paid before.
   */
  @Test
  void aDressingAppliedAtTheProcedureIsBundledIntoIt() throws Exception {
    PartBFeeSchedule partB = partB();
    PartBClaimPricer pricer =
        PartBClaimPricer.of(
            partB,
            MedicareClaimPricer.of(
                (io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule)
                    partB.schedule(PartBPayer.PHYSICIAN_FEE_SCHEDULE).orElseThrow()));
    PricedClaim claim = pricer.price(Claim.of(List.of(line("97597"), line("A6212"))), OFFICE);
    assertTrue(claim.line(0).isPriced(), claim.toString());
    PricedLine dressing = claim.line(1);
    assertEquals(
        UnpricedReason.NOT_PAYABLE_ON_CLAIM, dressing.reason().orElseThrow(), claim::toString);
    assertEquals(Optional.of("status-p"), dressing.refusedBy(), claim::toString);
    assertTrue(
        dressing.detail().contains("bundled into that service, here 97597 (line 1)"),
        dressing::toString);
    // Alone, on another date, or by another provider: paid from DMEPOS.
    assertEquals(
        new BigDecimal("13.57"),
        pricer.price(Claim.of(List.of(line("A6212"))), OFFICE).line(0).amountOrThrow());
    assertEquals(
        new BigDecimal("13.57"),
        pricer
            .price(Claim.of(List.of(line("97597"), line("A6212 on 2025-03-15"))), OFFICE)
            .line(1)
            .amountOrThrow());
    assertEquals(
        new BigDecimal("13.57"),
        pricer
            .price(
                Claim.of(List.of(line("97597 by 1234567893"), line("A6212 by 1000000004"))), OFFICE)
            .line(1)
            .amountOrThrow());
    // A supply of another status (E0114, crutches, absent from the relative value file) is paid.
    assertTrue(
        pricer
            .price(Claim.of(List.of(line("97597"), line("E0114-NU"))), OFFICE)
            .line(1)
            .isPriced());
    // A status P supply the DMEPOS file does not list (A4649) is bundled beside the service too
    // (it was not_in_schedule there); alone it stays not in the schedule.
    PricedLine unlisted =
        pricer.price(Claim.of(List.of(line("97597"), line("A4649"))), OFFICE).line(1);
    assertEquals(
        UnpricedReason.NOT_PAYABLE_ON_CLAIM, unlisted.reason().orElseThrow(), unlisted::toString);
    assertEquals(
        UnpricedReason.NOT_IN_SCHEDULE,
        pricer.price(Claim.of(List.of(line("A4649"))), OFFICE).line(0).reason().orElseThrow());
  }

  /**
   * A claim of two dates on a quarter boundary, priced from the CMS directory (each anesthesia line
   * with the release in force on its date; the laboratory, drug and equipment files are of the
   * first quarter only): a medically directed anesthesia session of two lines, a later case, a
   * blood draw on each date, a drug in units above its charge and a capped rental's later months.
   * Every amount worked out by hand from the files.
   */
  @Test
  void aClaimAcrossTheQuarterBoundaryMixesEveryPartBSchedule() throws Exception {
    io.github.cpt4j.data.CmsDirectory cms =
        io.github.cpt4j.data.CmsDirectory.load(CmsFiles.markedDir());
    PartBFeeSchedule partB =
        PartBFeeSchedule.builder()
            .physicianFeeSchedule(cms.releases())
            .clinicalLaboratory(cms.clinicalLab().get(0))
            .dmepos(cms.dmepos().get(0))
            .drugs(cms.drugs().get(0))
            .build();
    PartBClaimPricer pricer = PartBClaimPricer.of(partB, cms.releases(), b -> b);
    // Rochester (13282-99), in a hospital; the patient lives in ZIP 14604, not a rural ZIP code
    // of DME_Rural_ZIP_2025_Q1.csv.
    PricingContext rochester =
        PricingContext.of(LocalDate.of(2025, 3, 31), Locality.parse("13282-99"), Setting.FACILITY)
            .withBeneficiaryZip("14604");
    PricedClaim claim =
        pricer.price(
            Claim.of(
                List.of(
                    line("00790-QK 60min on 2025-03-31"),
                    line("00840-QK 45min on 2025-03-31"),
                    line("00790-QK 30min on 2025-04-01"),
                    line("36415 on 2025-03-31"),
                    line("36415 on 2025-04-01"),
                    line("J1100 x8 $0.50 on 2025-03-31"),
                    line("E0601-RR-KJ x2 on 2025-03-31"))),
            rochester);
    // One anesthesia service per session, paid with the time of both lines (Pub. 100-04, ch. 12,
    // §50): CY2022_Anesthesia_Base_Units.txt 00790 7, 00840 6; ANES2025.csv 13282-99 19.79;
    // 60 + 45 = 105 minutes / 15 = 7.0 time units (§50.G); QK, medical direction, 50% (§50.C):
    // (7 + 7.0) x 19.79 = 277.06 x 0.5 = 138.53; 00840 is the session's other line.
    assertEquals(new BigDecimal("138.53"), claim.line(0).amountOrThrow(), claim::toString);
    assertEquals(
        UnpricedReason.NOT_PAYABLE_ON_CLAIM, claim.line(1).reason().orElseThrow(), claim::toString);
    // 1 April, the April release (same ANES2025.csv): 30 / 15 = 2.0 time units;
    // (7 + 2.0) x 19.79 = 178.11 x 0.5 = 89.055, half-up 89.06.
    assertEquals(new BigDecimal("89.06"), claim.line(2).amountOrThrow(), claim::toString);
    // CLFS_2025_Q1V1.csv 36415 00009.09 (Pub. 100-04, ch. 16, §60.1); the file prices the first
    // quarter only, so 1 April is not covered, never 0.00.
    assertEquals(new BigDecimal("9.09"), claim.line(3).amountOrThrow(), claim::toString);
    assertEquals(
        UnpricedReason.DATE_NOT_COVERED, claim.line(4).reason().orElseThrow(), claim::toString);
    // ASP_2025_JAN.csv J1100 0.108 per 1 MG (Pub. 100-04, ch. 17): 8 x 0.108 = 0.864, billed
    // 0.50, paid the lower (42 CFR 414.904(a)).
    assertEquals(new BigDecimal("0.50"), claim.line(5).amountOrThrow(), claim::toString);
    // DMEPOS_2025_JAN.csv E0601,RR CR, NY (NR) 48.72; KJ, months 4 to 13 of a capped rental,
    // 75% (Pub. 100-04, ch. 20, §30.5.1): 48.72 x 0.75 x 2 months = 73.08.
    assertEquals(new BigDecimal("73.08"), claim.line(6).amountOrThrow(), claim::toString);
    // 138.53 + 89.06 + 9.09 + 0.50 + 73.08
    assertEquals(new BigDecimal("310.26"), claim.total(), claim::toString);
  }

  private static BilledLine line(String text) {
    return BilledLine.parse(text);
  }
}
