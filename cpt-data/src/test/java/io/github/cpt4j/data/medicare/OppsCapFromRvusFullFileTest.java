package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.pfs.ConversionFactor;
import io.github.cpt4j.fee.medicare.pfs.FeeCalculation;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCap;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The OPPS cap computed from the RVU file's OPPS columns agrees with CMS's OPPSCAP file on every
 * payable row: the file publishes the lower of the fee schedule amount and the cap, so that lower
 * amount, computed, equals the file's figure in both settings. Skipped without {@code
 * CPT4J_CMS_DIR}.
 */
class OppsCapFromRvusFullFileTest {

  @Test
  void computedCapsReproduceEveryPayableRowOfTheCapFile() {
    MedicareFeeSchedule schedule = CmsFiles.schedule2025();
    ConversionFactor factor =
        schedule.conversionFactor(LocalDate.of(2025, 6, 2), false).orElseThrow();
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (OppsCap published : schedule.oppsCaps().all()) {
      if (published.status() != PaymentStatus.A) {
        continue;
      }
      Optional<Gpci> gpci = schedule.gpci(published.locality());
      if (gpci.isEmpty()) {
        // The OPPSCAP file still lists some localities the GPCI file no longer has.
        continue;
      }
      RvuEntry entry = schedule.rvuEntry(published.code(), published.modifier()).orElseThrow();
      Optional<OppsCap> computed = OppsCap.fromRvus(entry, gpci.get(), factor);
      assertTrue(computed.isPresent(), published.row() + " has no OPPS columns");
      for (Setting setting : Setting.values()) {
        BigDecimal fee =
            FeeCalculation.of(entry, gpci.get(), factor, setting, Optional.empty()).amount();
        BigDecimal expected = fee.min(computed.get().amount(setting));
        checked++;
        if (expected.compareTo(published.amount(setting)) != 0) {
          mismatches.add(
              published.row() + " " + published.locality() + " " + setting + ": " + expected);
        }
      }
    }
    assertTrue(checked > 10_000, "only " + checked + " amounts checked");
    assertEquals(List.of(), mismatches);
  }
}
