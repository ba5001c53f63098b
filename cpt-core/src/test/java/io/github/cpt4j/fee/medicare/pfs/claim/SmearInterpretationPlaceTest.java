package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.RvuEntry;
import io.github.cpt4j.fee.medicare.pfs.RvuTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * PC/TC indicator 8 (85060, a physician's reading of an abnormal smear): "separate payment may be
 * made only if the physician interprets an abnormal smear for hospital inpatient", and none for
 * hospital outpatients or non-hospital patients (RVU file documentation, Attachment A).
 */
class SmearInterpretationPlaceTest {

  private static final MedicareFeeSchedule SCHEDULE = schedule();

  private static MedicareFeeSchedule schedule() {
    List<RvuEntry> rows = new ArrayList<>(ClaimTables.rows());
    rows.add(ClaimTables.row("85060", "0.45", "0.20", "0.03").pcTc('8').build()); // 17.00
    return ClaimTables.scheduleBuilder().rvus(RvuTable.of(rows)).build();
  }

  @Test
  void paidForAHospitalInpatientOnly() {
    ClaimLine smear = ClaimLine.parse("85060");
    // An inpatient psychiatric facility (51) and an inpatient rehabilitation facility (61) are
    // hospitals, their patients hospital inpatients (Social Security Act §1861(e) and (f)).
    for (String inpatientPlace : new String[] {"21", "51", "61"}) {
      FeeResult inpatient =
          SCHEDULE.price(smear, CONTEXT.withPlaceOfService(PlaceOfService.parse(inpatientPlace)));
      assertEquals(
          Optional.of(new BigDecimal("17.00")), inpatient.amount(), inpatientPlace + inpatient);
    }
    for (String elsewhere : new String[] {"11", "19", "22", "23", "31", "52", "53"}) {
      FeeResult result =
          SCHEDULE.price(smear, CONTEXT.withPlaceOfService(PlaceOfService.parse(elsewhere)));
      assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), result.reason(), elsewhere);
      assertTrue(result.detail().contains("PC/TC 8"), result.detail());
      // The place is the reason, not a second place where the reading is paid.
      assertTrue(
          result
              .detail()
              .contains(
                  "is paid only for a hospital inpatient, place of service 21, 51 or 61, and the"
                      + " place of service is "
                      + elsewhere
                      + ";"),
          result.detail());
    }
    // A facility setting without a place of service may be the inpatient's: priced. A
    // non-facility one is not, whatever the place.
    assertTrue(SCHEDULE.price(smear, CONTEXT).isPriced());
    FeeResult office = SCHEDULE.price(smear, CONTEXT.withSetting(Setting.NON_FACILITY));
    assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), office.reason());
    assertTrue(office.detail().contains("non-facility"), office.detail());
    PricedClaim claim =
        MedicareClaimPricer.of(SCHEDULE)
            .price(Claim.ofLines(smear), CONTEXT.withSetting(Setting.NON_FACILITY));
    assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), claim.line(0).reason());
  }
}
