package io.github.cpt4j.fee.medicare.pfs;

import static io.github.cpt4j.fee.medicare.pfs.Fixtures.REST_OF_NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 2026 files' {@code PRIC IND} column is read but left out of pricing on purpose: in CMS's
 * January 2026 files it follows the file (1 on every row of the QPP file, 9 on every row of the
 * non-QPP file), not the code, and CMS's definition of it was not found.
 */
class PricingIndicatorTest {

  private static final LocalDate FEBRUARY_2026 = LocalDate.of(2026, 2, 2);

  private static MedicareFeeSchedule scheduleWith(Optional<String> pricingIndicator) {
    return MedicareFeeSchedule.builder()
        .name("test-pfs-2026")
        .rvus(RvuTable.of(Fixtures.rvuEntriesWithPricingIndicator(pricingIndicator)))
        .gpcis(Fixtures.gpcis())
        .conversionFactors(Fixtures.conversionFactors())
        .build();
  }

  @Test
  void pricingIgnoresThePricingIndicator() {
    MedicareFeeSchedule none = scheduleWith(Optional.empty());
    List<String> lines =
        List.of("99213", "99213 x3", "71046-26", "71046", "27447", "45378-53", "15824", "99999");
    for (boolean qualifying : new boolean[] {false, true}) {
      for (Setting setting : Setting.values()) {
        PricingContext context =
            PricingContext.of(FEBRUARY_2026, REST_OF_NEW_YORK, setting)
                .withQualifyingApmParticipant(qualifying);
        for (String value : List.of("1", "9")) {
          MedicareFeeSchedule marked = scheduleWith(Optional.of(value));
          assertEquals(
              Optional.of(value),
              marked
                  .rvuEntry(ProcedureCode.parse("99213"), Optional.empty())
                  .orElseThrow()
                  .indicators()
                  .pricingIndicator());
          for (String line : lines) {
            FeeResult expected = none.price(ClaimLine.parse(line), context);
            FeeResult actual = marked.price(ClaimLine.parse(line), context);
            String where = line + ", PRIC IND " + value + ", " + setting + ", QP " + qualifying;
            assertEquals(expected.amount(), actual.amount(), where);
            assertEquals(expected.reason(), actual.reason(), where);
            assertEquals(expected.toString(), actual.toString(), where);
          }
        }
      }
    }
  }
}
