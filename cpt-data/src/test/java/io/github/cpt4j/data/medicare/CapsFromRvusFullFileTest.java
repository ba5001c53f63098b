package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.PaymentStatus;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A schedule over the full 2025 relative value file with no OPPS cap table, which computes every
 * cap from the file's own OPPS columns, prices every row those columns could cap exactly as the
 * schedule with CMS's OPPSCAP file does: in every locality of the GPCI file, in both settings.
 * {@link OppsCapFromRvusFullFileTest} checks the rows the cap file lists; this checks the other way
 * round too, that a computed cap never lowers a row the file leaves uncapped. It is what lets a
 * relative value file given without a cap file ({@code cpt price --rvu}) bring its own caps.
 * Skipped without {@code CPT4J_CMS_DIR}.
 */
class CapsFromRvusFullFileTest {

  @Test
  void withoutTheCapFileEveryRowWithOppsColumnsPricesAsWithIt() {
    MedicareFeeSchedule withFile = CmsFiles.schedule2025();
    MedicareFeeSchedule computed =
        MedicareFeeSchedule.builder()
            .name("medicare-pfs-2025-oct-computed-caps")
            .rvus(withFile.rvus())
            .gpcis(withFile.gpcis())
            .oppsCaps(OppsCapTable.empty())
            .conversionFactors(withFile.conversionFactors())
            .effective(withFile.effectiveFrom(), withFile.effectiveTo())
            .build();
    // A date of the October file's own quarter: on any other both schedules answer
    // DATE_NOT_COVERED, and the comparison would find two empty amounts equal.
    LocalDate date = LocalDate.of(2025, 11, 3);
    List<String> mismatches = new ArrayList<>();
    int rows = 0;
    int compared = 0;
    int priced = 0;
    int listed = 0;
    for (RvuEntry entry : withFile.rvus().all()) {
      if (entry.status() != PaymentStatus.A
          || entry.oppsNonFacilityPeRvu().signum() == 0
              && entry.oppsFacilityPeRvu().signum() == 0
              && entry.oppsMalpracticeRvu().signum() == 0) {
        continue;
      }
      rows++;
      ClaimLine line =
          entry.modifier().isPresent()
              ? ClaimLine.of(entry.code(), entry.modifier().get())
              : ClaimLine.of(entry.code());
      for (Gpci gpci : withFile.gpcis().all()) {
        if (withFile.oppsCaps().find(entry.code(), entry.modifier(), gpci.locality()).isPresent()) {
          listed++;
        }
        for (Setting setting : Setting.values()) {
          PricingContext context = PricingContext.of(date, gpci.locality(), setting);
          FeeResult expected = withFile.price(line, context);
          FeeResult actual = computed.price(line, context);
          compared++;
          if (expected.isPriced()) {
            priced++;
          }
          if (!expected.amount().equals(actual.amount())) {
            mismatches.add(
                line
                    + " "
                    + gpci.locality()
                    + " "
                    + setting
                    + ": "
                    + expected.amount()
                    + " with the cap file, "
                    + actual.amount()
                    + " computed");
          }
        }
      }
    }
    assertTrue(rows > 900, "only " + rows + " rows with OPPS columns");
    // Every row compared is a status A row of the file's quarter: each has an amount to compare.
    assertEquals(compared, priced, "rows and localities priced with the cap file");
    // The rows the cap file lists, in the localities it lists them for, are among those compared.
    assertTrue(listed > 6_000, "only " + listed + " rows and localities with a published cap");
    assertEquals(
        List.of(),
        mismatches.subList(0, Math.min(20, mismatches.size())),
        mismatches.size() + " of " + compared + " amounts differ");
  }
}
