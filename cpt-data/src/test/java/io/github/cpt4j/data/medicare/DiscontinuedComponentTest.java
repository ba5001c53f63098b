package io.github.cpt4j.data.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * On CMS's full October 2025 files (skipped without CPT4J_CMS_DIR), in 13282-99: 53 with 26 or TC
 * on a code without a 53 row is priced by the contractor, as 53 alone is. The RVU file's record
 * layout (RVU25D, MODIFIER) has 53 rows only for 44388, 45378, G0105 and G0121; "any other codes
 * billed with modifier -53 are subject to carrier medical review and priced by individual
 * consideration".
 */
class DiscontinuedComponentTest {

  private static final LocalDate DATE = LocalDate.of(2025, 11, 3);
  private static final Locality LOCALITY = Locality.parse("13282-99");

  private static FeeResult price(String line, Setting setting) {
    MedicareFeeSchedule medicare = CmsFiles.schedule2025();
    return medicare.price(ClaimLine.parse(line), PricingContext.of(DATE, LOCALITY, setting));
  }

  @Test
  void aDiscontinuedComponentIsContractorPriced() {
    Optional<UnpricedReason> carrier = Optional.of(UnpricedReason.CARRIER_PRICED);
    assertEquals(carrier, price("93452-53", Setting.FACILITY).reason());
    FeeResult catheter = price("93452-26-53", Setting.FACILITY);
    assertEquals(carrier, catheter.reason(), catheter.toString());
    assertEquals(
        "93452-53 has no row of its own: the contractor prices a discontinued procedure, here from"
            + " the 93452-26 row",
        catheter.detail());
    assertEquals(carrier, price("71046-TC-53", Setting.NON_FACILITY).reason());
    assertEquals(carrier, price("74177-26-53", Setting.FACILITY).reason());
  }

  @Test
  void aComponentOnACodeWithA53RowStillConflicts() {
    FeeResult colonoscopy = price("45378-26-53", Setting.FACILITY);
    assertEquals(Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED), colonoscopy.reason());
    assertEquals("modifiers 26 and 53 select different rows of 45378", colonoscopy.detail());
  }
}
