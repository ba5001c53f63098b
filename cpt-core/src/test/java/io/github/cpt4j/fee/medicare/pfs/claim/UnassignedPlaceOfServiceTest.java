package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A place-of-service code CMS's code set leaves unassigned (28-30, 35-40, 43-48, 59, 63, 64, 67-70,
 * 73-80, 82-98: "Unassigned", N/A, Claims Processing Manual ch. 26 §10.5) has neither a facility
 * nor a non-facility rate (ch. 12 §20.4.2 and ch. 26 §10.6 pay each place at the rate designated
 * for it). It was priced at the non-facility rate, so that a typing error, 30 for the skilled
 * nursing facility's 31, was paid the office amount without a word.
 */
class UnassignedPlaceOfServiceTest {

  private static final MedicareFeeSchedule SCHEDULE = ClaimTables.schedule();
  private static final ClaimLine VISIT = ClaimLine.parse("99213");
  private static final int[] UNASSIGNED = {
    28, 29, 30, 35, 36, 37, 38, 39, 40, 43, 44, 45, 46, 47, 48, 59, 63, 64, 67, 68, 69, 70, 73, 74,
    75, 76, 77, 78, 79, 80, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98
  };

  @Test
  void aLineAtAnUnassignedPlaceIsNotPriced() {
    for (int code : UNASSIGNED) {
      PlaceOfService place = PlaceOfService.of(code);
      assertFalse(place.isAssigned(), place.toString());
      FeeResult result = SCHEDULE.price(VISIT, CONTEXT.withPlaceOfService(place));
      assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), result.reason(), "" + code);
      assertTrue(
          result
              .detail()
              .startsWith(
                  "place of service "
                      + place
                      + " is unassigned in CMS's place-of-service code set (Claims Processing"
                      + " Manual ch. 26 §10.5): it has no facility or non-facility rate (ch. 12"
                      + " §20.4.2), and a claim that reports it is returned as unprocessable"),
          result.detail());
      PricedClaim claim =
          MedicareClaimPricer.of(SCHEDULE)
              .price(Claim.ofLines(VISIT), CONTEXT.withPlaceOfService(place));
      assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), claim.line(0).reason());
    }
  }

  @Test
  void everyAssignedPlaceIsPriced() {
    for (int code = 1; code <= 99; code++) {
      PlaceOfService place = PlaceOfService.of(code);
      boolean unassigned = false;
      for (int u : UNASSIGNED) {
        unassigned |= u == code;
      }
      assertEquals(!unassigned, place.isAssigned(), place.toString());
      if (!unassigned) {
        FeeResult result = SCHEDULE.price(VISIT, CONTEXT.withPlaceOfService(place));
        assertTrue(result.isPriced(), place + " " + result);
      }
    }
    // The other place (99) and a skilled nursing facility (31) keep their rates.
    assertEquals(
        Optional.of(new BigDecimal("100.00")),
        SCHEDULE.price(VISIT, CONTEXT.withPlaceOfService(PlaceOfService.of(99))).amount());
    assertTrue(
        SCHEDULE
            .price(VISIT, CONTEXT.withPlaceOfService(PlaceOfService.SKILLED_NURSING_FACILITY))
            .isPriced());
  }
}
