package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.data.fee.FlatFeeScheduleCsv;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.FlatFeeSchedule;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.PricingStep;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's pricing examples, as written there. */
class ReadmeExamplesTest {

  /** Pays a fixed amount per unit for every code of one HCPCS letter, refuses the rest. */
  static final class DmeRental implements FeeSchedule {
    @Override
    public FeeResult price(ClaimLine line, PricingContext context) {
      if (!line.code().toString().startsWith("E")) {
        return FeeResult.unpriced(
            UnpricedReason.NOT_IN_SCHEDULE, "only E codes", Explanation.empty());
      }
      BigDecimal amount = new BigDecimal("25.00").multiply(BigDecimal.valueOf(line.units()));
      return FeeResult.priced(
          amount, Explanation.of(PricingStep.of("dme-rental", "25.00 per unit", amount)));
    }

    @Override
    public String name() {
      return "dme-rental";
    }
  }

  @Test
  void contractsChainATableAndAPercentageOfMedicare(@TempDir Path dir) throws Exception {
    MedicareFeeSchedule medicare = BundledData.medicareFeeSchedule();
    Locality locality = BundledData.zipLocalities().find("10001").orElseThrow();
    PricingContext office =
        PricingContext.of(LocalDate.of(2025, 3, 14), locality, Setting.NON_FACILITY);
    Files.writeString(dir.resolve("acme-2025.csv"), "code,modifier,amount\n99213,,95.00\n");
    FlatFeeSchedule acme = FlatFeeScheduleCsv.read(dir.resolve("acme-2025.csv"));
    FeeSchedule contract =
        FeeSchedule.firstThatPrices(acme, FeeSchedule.percentOf(new BigDecimal("120"), medicare));
    assertEquals(
        new BigDecimal("95.00"), contract.price(ClaimLine.parse("99213"), office).amountOrThrow());
    // 71046-26 in 13202-01: 11.13172451 x 1.2 = 13.358069412 -> 13.36
    assertEquals(
        new BigDecimal("13.36"),
        contract.price(ClaimLine.parse("71046-26"), office).amountOrThrow());
    FeeSchedule dme = new DmeRental();
    assertEquals(
        new BigDecimal("75.00"), dme.price(ClaimLine.parse("E0601 x3"), office).amountOrThrow());
    assertEquals(
        Optional.of(UnpricedReason.NOT_IN_SCHEDULE),
        dme.price(ClaimLine.parse("99213"), office).reason());
  }
}
