package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.PcTcIndicator;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Computes every payable row of the full 2025 relative value file in every locality and checks the
 * formula's invariants (skipped without CPT4J_CMS_DIR).
 */
class FullFileInvariantsTest {

  private static final LocalDate DATE = LocalDate.of(2025, 10, 1);

  private static boolean payable(RvuEntry entry) {
    return entry.status().isPricedFromRvus() && !entry.hasNoRvus();
  }

  /**
   * Facility above non-facility happens only where the file's facility PE RVUs exceed its
   * non-facility ones, neither being NA: eight codes in the October 2025 file.
   */
  @Test
  void facilityIsNeverAboveNonFacilityExceptWhereThePracticeExpenseIs() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    ConversionFactor cf = schedule.conversionFactor(DATE, false).orElseThrow();
    Set<String> exceptions = new TreeSet<>();
    long checked = 0;
    for (RvuEntry entry : schedule.rvus().all()) {
      if (!payable(entry)) {
        continue;
      }
      for (Gpci gpci : schedule.gpcis().all()) {
        Optional<io.github.cpt4j.fee.medicare.pfs.OppsCap> cap =
            schedule.oppsCap(entry, gpci.locality());
        FeeCalculation f = FeeCalculation.of(entry, gpci, cf, Setting.FACILITY, cap);
        FeeCalculation nf = FeeCalculation.of(entry, gpci, cf, Setting.NON_FACILITY, cap);
        checked++;
        assertTrue(f.exactAmount().signum() >= 0 && nf.exactAmount().signum() >= 0);
        if (entry.facilityNa() || entry.nonFacilityNa()) {
          assertEquals(nf.amount(), f.amount(), entry.row() + " NA in " + gpci.locality());
        }
        if (f.amount().compareTo(nf.amount()) > 0) {
          exceptions.add(entry.row());
          assertTrue(entry.facilityPeRvu().compareTo(entry.nonFacilityPeRvu()) > 0, entry.row());
        }
      }
    }
    assertEquals(
        Set.of("15851", "23500", "23570", "26750", "27200", "27767", "65205", "67820"), exceptions);
    assertTrue(checked > 900_000, "checked " + checked);
  }

  /**
   * For PC/TC indicator 1, the professional and technical rows add up to the global row: in the
   * 2025 file their RVUs do exactly, component by component, so the amounts (before the OPPS cap)
   * differ only by the rounding of two amounts instead of one: at most a cent.
   */
  @Test
  void professionalPlusTechnicalIsTheGlobalAmount() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    ConversionFactor cf = schedule.conversionFactor(DATE, false).orElseThrow();
    BigDecimal worst = BigDecimal.ZERO;
    String worstRow = "";
    int codes = 0;
    for (RvuEntry global : schedule.rvus().all()) {
      if (global.modifier().isPresent()
          || global.indicators().pcTc() != PcTcIndicator.DIAGNOSTIC_TEST
          || !payable(global)) {
        continue;
      }
      Optional<RvuEntry> pc =
          schedule.rvuEntry(global.code(), Optional.of(Modifier.PROFESSIONAL_COMPONENT));
      Optional<RvuEntry> tc =
          schedule.rvuEntry(global.code(), Optional.of(Modifier.TECHNICAL_COMPONENT));
      if (pc.isEmpty() || tc.isEmpty() || !payable(pc.get()) || !payable(tc.get())) {
        continue;
      }
      codes++;
      assertEquals(0, global.workRvu().compareTo(pc.get().workRvu().add(tc.get().workRvu())));
      assertEquals(
          0,
          global
              .nonFacilityPeRvu()
              .compareTo(pc.get().nonFacilityPeRvu().add(tc.get().nonFacilityPeRvu())),
          global.row());
      assertEquals(
          0,
          global
              .malpracticeRvu()
              .compareTo(pc.get().malpracticeRvu().add(tc.get().malpracticeRvu())),
          global.row());
      for (Gpci gpci : schedule.gpcis().all()) {
        for (Setting setting : Setting.values()) {
          BigDecimal g = FeeCalculation.of(global, gpci, cf, setting, Optional.empty()).amount();
          BigDecimal p = FeeCalculation.of(pc.get(), gpci, cf, setting, Optional.empty()).amount();
          BigDecimal t = FeeCalculation.of(tc.get(), gpci, cf, setting, Optional.empty()).amount();
          BigDecimal difference = g.subtract(p.add(t)).abs();
          if (difference.compareTo(worst) > 0) {
            worst = difference;
            worstRow = global.row() + " " + gpci.locality() + " " + setting;
          }
        }
      }
    }
    assertTrue(codes > 800, "codes " + codes);
    assertTrue(worst.compareTo(new BigDecimal("0.01")) <= 0, worst + " at " + worstRow);
  }

  @Test
  void everyRowIsPricedOrRefusedForItsStatus() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    PricingContext context =
        PricingContext.of(DATE, schedule.gpcis().all().get(0).locality(), Setting.NON_FACILITY);
    for (RvuEntry entry : schedule.rvus().all()) {
      ClaimLine line =
          ClaimLine.of(entry.code(), entry.modifier().map(List::of).orElse(List.of()), 1);
      FeeResult result = schedule.price(line, context);
      if (entry.indicators().pcTc() == PcTcIndicator.PHYSICIAN_INTERPRETATION) {
        // PC/TC 8 (85060) is paid for a hospital inpatient only, never in a non-facility setting.
        assertEquals(
            Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), result.reason(), result.toString());
        continue;
      }
      assertEquals(payable(entry), result.isPriced(), result.toString());
      if (!result.isPriced()) {
        UnpricedReason reason = result.reason().orElseThrow();
        switch (entry.status()) {
          case C:
          case R:
            assertEquals(UnpricedReason.CARRIER_PRICED, reason, result.toString());
            break;
          case J:
            // Anesthesia: the schedule has no anesthesia data, and says so.
            assertEquals(UnpricedReason.NOT_IN_SCHEDULE, reason, result.toString());
            break;
          default:
            assertEquals(UnpricedReason.STATUS_NOT_PAYABLE, reason, result.toString());
        }
      }
    }
    assertEquals(
        Optional.of(UnpricedReason.NOT_IN_SCHEDULE),
        schedule.price(ClaimLine.of(ProcedureCode.parse("99999")), context).reason());
  }
}
