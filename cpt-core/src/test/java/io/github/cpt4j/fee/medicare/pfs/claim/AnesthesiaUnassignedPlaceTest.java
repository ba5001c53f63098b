package io.github.cpt4j.fee.medicare.pfs.claim;

import static io.github.cpt4j.fee.medicare.pfs.claim.ClaimTables.CONTEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.PlaceOfService;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaBaseUnits;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaConversionFactors;
import io.github.cpt4j.fee.medicare.anesthesia.AnesthesiaFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An anesthesia line at a place-of-service code CMS's code set leaves unassigned (30, 75...) is
 * refused {@code NOT_PAYABLE_IN_PLACE}, as the Physician Fee Schedule's lines there are: a claim
 * that reports such a place is returned as unprocessable (Claims Processing Manual ch. 26 §10.5),
 * whatever pays the line. {@code 00790-AA 60min} at 30 was paid, while {@code 99213} beside it was
 * refused.
 */
class AnesthesiaUnassignedPlaceTest {

  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2025, 12, 31);

  private static final AnesthesiaFeeSchedule ANESTHESIA =
      AnesthesiaFeeSchedule.builder()
          .baseUnits(
              AnesthesiaBaseUnits.of(
                  "test",
                  Map.of(
                      CptCode.parse("00790"), 7,
                      CptCode.parse("00840"), 6,
                      CptCode.parse("01996"), 3)))
          .conversionFactors(
              AnesthesiaConversionFactors.of(
                  "test", Map.of(ClaimTables.TEST_LOCALITY, new BigDecimal("20.00"))))
          .effective(FIRST, LAST)
          .build();

  private static final MedicareFeeSchedule WITHOUT =
      ClaimTables.scheduleBuilder().effective(FIRST, LAST).build();

  private static final MedicareFeeSchedule WITH =
      ClaimTables.scheduleBuilder().effective(FIRST, LAST).anesthesia(ANESTHESIA).build();

  private static final PricingContext AT_30 = CONTEXT.withPlaceOfService(PlaceOfService.of(30));

  private static final ClaimLine LINE = ClaimLine.parse("00790-AA 60min");

  private static void assertRefusedAt(PlaceOfService place, FeeResult fee, String what) {
    assertEquals(Optional.of(UnpricedReason.NOT_PAYABLE_IN_PLACE), fee.reason(), what + ": " + fee);
    assertTrue(
        fee.detail().contains("place of service " + place + " is unassigned"), what + ": " + fee);
    assertTrue(fee.detail().contains("ch. 26 §10.5"), what + ": " + fee);
  }

  /** The anesthesia schedule alone refuses it, as the Physician Fee Schedule alone does. */
  @Test
  void theAnesthesiaScheduleAloneRefusesALineAtAnUnassignedPlace() {
    for (int code : new int[] {30, 75, 98}) {
      PlaceOfService place = PlaceOfService.of(code);
      PricingContext there = CONTEXT.withPlaceOfService(place);
      assertRefusedAt(place, ANESTHESIA.price(LINE, there), "anesthesia " + code);
      assertRefusedAt(place, WITH.price(LINE, there), "fee schedule " + code);
      for (FeeResult fee : ANESTHESIA.priceSession(List.of(LINE), there)) {
        assertRefusedAt(place, fee, "session " + code);
      }
    }
    // A line's own fault is named first, as the physician fee schedule names a status first.
    assertEquals(
        Optional.of(UnpricedReason.MODIFIER_REQUIRED),
        ANESTHESIA.price(ClaimLine.parse("00790 60min"), AT_30).reason());
    assertEquals(
        Optional.of(UnpricedReason.NO_ANESTHESIA_TIME),
        ANESTHESIA.price(ClaimLine.parse("00790-AA"), AT_30).reason());
    assertEquals(
        Optional.of(UnpricedReason.STATUS_NOT_PAYABLE),
        ANESTHESIA.price(ClaimLine.parse("99100"), AT_30).reason());
    // (7 + 4.0) x 20.00 at an assigned place (a skilled nursing facility, 31) and without a place.
    BigDecimal paid = new BigDecimal("220.00");
    assertEquals(
        paid,
        ANESTHESIA
            .price(LINE, CONTEXT.withPlaceOfService(PlaceOfService.SKILLED_NURSING_FACILITY))
            .amountOrThrow());
    assertEquals(paid, ANESTHESIA.price(LINE, CONTEXT).amountOrThrow());
  }

  /**
   * Through the claim pricer, every anesthesia line of the session is refused for the place,
   * whatever its payment modifier (medical direction, AD, a code paid without time): none is paid
   * through another. A qualifying circumstance stays {@code STATUS_NOT_PAYABLE}, as a status the
   * Physician Fee Schedule does not pay is named before the place.
   */
  @Test
  void theClaimPricerRefusesEveryAnesthesiaLineOfTheSession() {
    Claim claim =
        Claim.of(
            List.of(
                    "00790-QK 60min",
                    "00840-QK 45min",
                    "00790-QX 60min",
                    "01996-AD",
                    "00840-AD 30min",
                    "99140",
                    "99213")
                .stream()
                .map(BilledLine::parse)
                .toList());
    PlaceOfService place = PlaceOfService.of(30);
    PricedClaim priced = MedicareClaimPricer.of(WITH).price(claim, AT_30);
    for (int i = 0; i < claim.size(); i++) {
      FeeResult fee = priced.line(i).result();
      if (i == 5) {
        assertEquals(Optional.of(UnpricedReason.STATUS_NOT_PAYABLE), fee.reason(), fee.toString());
      } else {
        assertRefusedAt(place, fee, claim.line(i).toString());
      }
    }
    assertEquals(0, priced.total().signum(), priced.toString());
  }

  /**
   * The Part B schedule's anesthesia route, and its claim pricer, refuse it too: an anesthesia
   * schedule given to the Part B schedule, beside a Physician Fee Schedule without one.
   */
  @Test
  void partBRefusesItThroughItsAnesthesiaRoute() {
    PartBFeeSchedule partB =
        PartBFeeSchedule.builder().physicianFeeSchedule(WITHOUT).anesthesia(ANESTHESIA).build();
    PlaceOfService place = PlaceOfService.of(30);
    assertRefusedAt(place, partB.price(LINE, AT_30), "part B");
    PricedClaim priced =
        PartBClaimPricer.of(partB, MedicareClaimPricer.of(WITHOUT))
            .price(Claim.of(List.of(BilledLine.parse("00790-AA 60min"))), AT_30);
    assertRefusedAt(place, priced.line(0).result(), "part B claim");
    assertEquals(0, priced.total().signum(), priced.toString());
  }
}
