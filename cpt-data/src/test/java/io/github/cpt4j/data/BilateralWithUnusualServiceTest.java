package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.ClaimState;
import io.github.cpt4j.fee.medicare.pfs.claim.ClaimStep;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On the bundled 2025 data: a procedure reported with LT and RT is one bilateral procedure, priced
 * by its BILAT SURG indicator before the multiple-procedure rules (RVU25D record layout), whatever
 * else a side carries. Modifier 22 or 52 on one side leaves that side's half to the contractor; it
 * used to part the pair, so that the other side was paid as a procedure of its own (10060-LT the
 * whole single-code fee beside 10060-RT-22, 29880-RT the endoscopy family's remainder beside
 * 29880-LT-22).
 */
class BilateralWithUnusualServiceTest {

  private static final MedicareClaimPricer PRICER =
      MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
  private static final PricingContext CONTEXT =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  private static PricedClaim price(String first, String second) {
    return PRICER.price(Claim.builder().add(first).add(second).build(), CONTEXT);
  }

  @ParameterizedTest
  @CsvSource({
    "10060-LT, 10060-RT, 22", // BILAT SURG 0: the two sides share one single-code fee
    "10060-LT, 10060-RT, 52",
    "69210-LT, 69210-RT, 22", // BILAT SURG 2
    "29880-RT, 29880-LT, 22", // BILAT SURG 1, an endoscopy family's base
    "29880-LT, 29880-RT, 52",
    "27447-LT, 27447-RT, 22"
  })
  void oneSidesModifierLeavesThePairWhole(String plain, String other, String modifier) {
    PricedClaim both = price(plain, other);
    PricedClaim marked = price(plain, other + "-" + modifier);
    // The plain side is paid its half of the pair's amount, to the cent (beside a plain other side
    // the pair's odd cent goes to one of the two).
    BigDecimal half =
        both.line(0)
            .exactAmount()
            .orElseThrow()
            .add(both.line(1).exactAmount().orElseThrow())
            .divide(BigDecimal.valueOf(2))
            .stripTrailingZeros();
    assertEquals(
        Optional.of(half.setScale(2, RoundingMode.HALF_UP)),
        marked.line(0).amount(),
        marked.toString());
    // The marked side is the contractor's, from its half of the bilateral amount.
    assertEquals(Optional.of(UnpricedReason.CARRIER_PRICED), marked.line(1).reason());
    String detail = marked.line(1).detail();
    int at = detail.indexOf("from ") + "from ".length();
    BigDecimal from = new BigDecimal(detail.substring(at, detail.indexOf(' ', at)));
    assertEquals(
        half.setScale(2, RoundingMode.HALF_UP), from.setScale(2, RoundingMode.HALF_UP), detail);
  }

  /**
   * With charges, the side still paid is compared with its own charge; the pair's rule of the lower
   * of the two charges needs both sides' amounts. Pricing such a pair threw a NullPointerException
   * when the marked side was second, and skipped the plain side's charge when it was first.
   */
  @ParameterizedTest
  @CsvSource({
    // 10060 in 13282-99 facility: the pair 100.56, each half 50.28
    "10060-LT, 10060-RT-22, 1.00, 5.00, 1.00",
    "10060-LT, 10060-RT-22, 80.00, 5.00, 50.28",
    "10060-LT, 10060-RT-22, 80.00, , 50.28",
    "10060-LT, 10060-RT-52, 1.00, , 1.00",
  })
  void theSideStillPaidIsComparedWithItsOwnCharge(
      String plain, String marked, String plainCharge, String markedCharge, String paid) {
    for (boolean plainFirst : new boolean[] {true, false}) {
      Claim.Builder claim = Claim.builder();
      if (plainFirst) {
        claim.add(plain, plainCharge);
      }
      if (markedCharge == null) {
        claim.add(marked);
      } else {
        claim.add(marked, markedCharge);
      }
      if (!plainFirst) {
        claim.add(plain, plainCharge);
      }
      PricedClaim priced = PRICER.price(claim.build(), CONTEXT);
      int p = plainFirst ? 0 : 1;
      assertEquals(Optional.of(new BigDecimal(paid)), priced.line(p).amount(), priced.toString());
      assertEquals(
          Optional.of(UnpricedReason.CARRIER_PRICED),
          priced.line(1 - p).reason(),
          priced.toString());
    }
  }

  /**
   * A payer's step that multiplies the side still paid (its half, 31.605 of 20610's pair) sets the
   * procedure's amount to the sum of the sides that have one: it threw a NullPointerException,
   * summing the marked side's missing amount.
   */
  @Test
  void aPayersFactorOnTheSideStillPaidPrices() {
    ClaimStep half =
        new ClaimStep() {
          @Override
          public String name() {
            return "payer-half";
          }

          @Override
          public void apply(ClaimState claim) {
            for (int i = 0; i < claim.size(); i++) {
              if (claim.isPriced(i)) {
                claim.multiply(i, new BigDecimal("0.5"), name(), () -> "the payer pays half");
              }
            }
          }
        };
    MedicareClaimPricer payer =
        MedicareClaimPricer.builder(BundledData.medicareFeeSchedule()).addStep(half).build();
    PricedClaim priced =
        payer.price(Claim.builder().add("20610-LT-22").add("20610-RT").build(), CONTEXT);
    assertEquals(Optional.of(UnpricedReason.CARRIER_PRICED), priced.line(0).reason());
    // 0.5 x 31.605 = 15.8025
    assertEquals(Optional.of(new BigDecimal("15.80")), priced.line(1).amount());
  }
}
