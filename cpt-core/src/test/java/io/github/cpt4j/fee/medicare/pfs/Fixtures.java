package io.github.cpt4j.fee.medicare.pfs;

import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.medicare.ApmProviders;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small hand-written tables with the 2025 numbers (public domain) of a few codes and localities,
 * for tests that must not depend on the CMS files.
 */
final class Fixtures {

  static final Locality REST_OF_NEW_YORK = Locality.parse("13282-99");
  static final Locality MANHATTAN = Locality.parse("13202-01");
  static final Locality ALASKA = Locality.parse("02102-01");
  static final LocalDate DATE_2025 = LocalDate.of(2025, 6, 2);

  private Fixtures() {}

  /**
   * code, modifier, status, work, PE non-facility, NA, PE facility, NA, MP, PC/TC, global, mult
   * proc, imaging family: the CMS 2025 numbers, except the made-up codes 99999 and 70450-TC's cap.
   */
  private static final String[] ROWS = {
    "90834,,A,2.45,0.72,,0.31,,0.05,0,XXX,0,99",
    "90837,,A,3.63,1.06,,0.45,,0.08,0,XXX,0,99",
    "90791,,A,3.84,1.22,,0.48,,0.10,0,XXX,0,99",
    "90471,,A,0.17,0.44,,0.44,NA,0.01,5,XXX,0,99",
    "99213,,A,1.30,1.35,,0.57,,0.10,0,XXX,0,99",
    "71046,,A,0.22,0.77,,0.77,NA,0.02,1,XXX,0,99",
    "71046,26,A,0.22,0.08,,0.08,,0.01,1,XXX,0,99",
    "71046,TC,A,0.00,0.69,,0.69,NA,0.01,1,XXX,0,99",
    "45378,,A,3.26,6.44,,1.79,,0.43,0,000,2,99",
    "45378,53,A,1.63,3.22,,0.90,,0.22,0,000,2,99",
    "76145,,A,0.00,29.03,,29.03,NA,0.51,3,XXX,0,99",
    "27447,,A,19.60,15.30,NA,15.30,,3.98,0,090,2,99",
    "70450,,A,0.85,2.35,,2.35,NA,0.05,1,XXX,4,88",
    "70450,TC,A,0.00,2.04,,2.04,NA,0.01,1,XXX,4,88",
    "0633T,TC,C,0.00,0.00,,0.00,NA,0.00,1,XXX,0,99",
    "0633T,,C,0.00,0.00,,0.00,NA,0.00,1,XXX,0,99",
    "83020,26,A,0.37,0.15,,0.15,,0.01,6,XXX,0,99",
    "99999,,B,0.00,0.00,,0.00,,0.00,9,XXX,9,99",
    "11055,,R,0.35,1.72,,0.08,,0.03,0,000,2,99",
    "15824,,R,0.00,0.00,,0.00,,0.00,0,000,2,99",
    "36591,,T,0.00,0.82,,0.82,NA,0.01,3,XXX,0,99",
  };

  static List<RvuEntry> rvuEntries() {
    return rvuEntries(ROWS);
  }

  /** Rows written as {@link #ROWS} are. */
  static List<RvuEntry> rvuEntries(String... rows) {
    return rvuEntries(Optional.empty(), rows);
  }

  /** The rows of {@link #ROWS}, each with the 2026 layout's {@code PRIC IND} value given. */
  static List<RvuEntry> rvuEntriesWithPricingIndicator(Optional<String> pricingIndicator) {
    return rvuEntries(pricingIndicator, ROWS);
  }

  private static List<RvuEntry> rvuEntries(Optional<String> pricingIndicator, String... rows) {
    List<RvuEntry> entries = new ArrayList<>();
    for (String row : rows) {
      String[] f = row.split(",", -1);
      entries.add(
          RvuEntry.builder()
              .code(ProcedureCode.parse(f[0]))
              .modifier(f[1].isEmpty() ? Optional.empty() : Optional.of(Modifier.parse(f[1])))
              .workRvu(new BigDecimal(f[3]))
              .nonFacilityPeRvu(new BigDecimal(f[4]))
              .nonFacilityNa(f[5].equals("NA"))
              .facilityPeRvu(new BigDecimal(f[6]))
              .facilityNa(f[7].equals("NA"))
              .malpracticeRvu(new BigDecimal(f[8]))
              .indicators(
                  PaymentIndicators.builder()
                      .status(PaymentStatus.of(f[2].charAt(0)))
                      .pcTc(PcTcIndicator.of(f[9].charAt(0)))
                      .globalPeriod(GlobalPeriod.of(f[10]))
                      .multipleProcedure(MultipleProcedureRule.of(f[11].charAt(0)))
                      .bilateral(BilateralRule.NO_ADJUSTMENT)
                      .assistantAtSurgery(AssistantAtSurgery.NEVER_PAID)
                      .coSurgeons(SurgeonsPermission.NOT_PERMITTED)
                      .teamSurgery(SurgeonsPermission.NOT_PERMITTED)
                      .endoscopicBase(Optional.empty())
                      .diagnosticImagingFamily(Integer.parseInt(f[12]))
                      .pricingIndicator(pricingIndicator)
                      .build())
              .build());
    }
    return entries;
  }

  static GpciTable gpcis() {
    return GpciTable.of(
        List.of(
            gpci(REST_OF_NEW_YORK, "NY", "REST OF NEW YORK", "1", "0.949", "0.732"),
            gpci(MANHATTAN, "NY", "MANHATTAN", "1.065", "1.166", "1.656"),
            gpci(ALASKA, "AK", "ALASKA", "1.5", "1.081", "0.592")));
  }

  static Gpci gpci(
      Locality locality, String state, String name, String work, String pe, String mp) {
    return Gpci.builder()
        .locality(locality)
        .state(state)
        .name(name)
        .work(new BigDecimal(work))
        .practiceExpense(new BigDecimal(pe))
        .malpractice(new BigDecimal(mp))
        .build();
  }

  static ConversionFactors conversionFactors() {
    return ConversionFactors.of(
        List.of(
            cf("2024-01-01", "2024-03-08", "32.7442", ApmProviders.ALL),
            cf("2024-03-09", "2024-12-31", "33.2875", ApmProviders.ALL),
            cf("2025-01-01", "2025-12-31", "32.3465", ApmProviders.ALL),
            cf("2026-01-01", "2026-12-31", "33.4009", ApmProviders.NON_QUALIFYING_APM_PARTICIPANTS),
            cf("2026-01-01", "2026-12-31", "33.5675", ApmProviders.QUALIFYING_APM_PARTICIPANTS)));
  }

  static ConversionFactor cf(String from, String to, String amount, ApmProviders providers) {
    return ConversionFactor.builder()
        .effectiveFrom(LocalDate.parse(from))
        .effectiveTo(LocalDate.parse(to))
        .amount(new BigDecimal(amount))
        .appliesTo(providers)
        .build();
  }

  static OppsCapTable oppsCaps() {
    return OppsCapTable.of(
        List.of(
            cap("70450", "TC", "A", REST_OF_NEW_YORK, "60.00"),
            cap("0633T", "TC", "C", REST_OF_NEW_YORK, "100.92")));
  }

  static OppsCap cap(
      String code, String modifier, String status, Locality locality, String amount) {
    return OppsCap.builder()
        .code(ProcedureCode.parse(code))
        .modifier(modifier.isEmpty() ? Optional.empty() : Optional.of(Modifier.parse(modifier)))
        .locality(locality)
        .status(PaymentStatus.of(status.charAt(0)))
        .facilityAmount(new BigDecimal(amount))
        .nonFacilityAmount(new BigDecimal(amount))
        .build();
  }

  static MedicareFeeSchedule schedule() {
    return MedicareFeeSchedule.builder()
        .name("test-pfs-2025")
        .rvus(RvuTable.of(rvuEntries()))
        .gpcis(gpcis())
        .conversionFactors(conversionFactors())
        .oppsCaps(oppsCaps())
        .effective(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))
        .build();
  }
}
