package io.github.cpt4j.fee.medicare.dmepos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.Quarter;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DmeposFeeScheduleTest {

  private static final ImmutableList<String> STATES = ImmutableList.of("NY", "PR");

  // Made-up fees (non-rural NY, rural NY, non-rural PR, rural PR): the rules, not CMS's numbers.
  private static final DmeposZipTable ZIPS =
      DmeposZipTable.builder()
          .state(10_000, 14_999, "NY")
          .rural(12_010, "NY")
          .state(600, 799, "PR")
          .state(96_910, 96_932, "GU")
          .build();

  private static final DmeposFeeSchedule DME =
      DmeposFeeSchedule.builder(Quarter.of(2025, 1))
          .name("test-dmepos")
          .zips(ZIPS)
          .add(
              fee(
                  "E0114",
                  "NU",
                  null,
                  DmeposCategory.INEXPENSIVE_OR_ROUTINELY_PURCHASED,
                  "61.45",
                  "0.00",
                  "80.00",
                  "0.00"))
          .add(
              fee(
                  "E0114",
                  "RR",
                  null,
                  DmeposCategory.INEXPENSIVE_OR_ROUTINELY_PURCHASED,
                  "10.79",
                  "0.00",
                  "12.00",
                  "0.00"))
          .add(
              fee(
                  "E0601",
                  "RR",
                  null,
                  DmeposCategory.CAPPED_RENTAL,
                  "48.72",
                  "94.93",
                  "91.42",
                  "0.00"))
          .add(
              fee(
                  "K0861",
                  "RR",
                  null,
                  DmeposCategory.CAPPED_RENTAL,
                  "100.00",
                  "0.00",
                  "0.00",
                  "0.00"))
          .add(
              fee(
                  "K0861",
                  "RR",
                  "KU",
                  DmeposCategory.CAPPED_RENTAL,
                  "150.00",
                  "0.00",
                  "0.00",
                  "0.00"))
          // 75% of 10.02 is 7.515: half a cent.
          .add(
              fee(
                  "E0250",
                  "RR",
                  null,
                  DmeposCategory.CAPPED_RENTAL,
                  "10.02",
                  "0.00",
                  "0.00",
                  "0.00"))
          .add(fee("E1390", "RR", null, DmeposCategory.OXYGEN, "93.86", "0.00", "0.00", "0.00"))
          .add(
              fee(
                  "L3908",
                  null,
                  null,
                  DmeposCategory.PROSTHETICS_AND_ORTHOTICS,
                  "88.06",
                  "0.00",
                  "0.00",
                  "0.00"))
          .build();

  private static DmeposFee fee(
      String code, String mod, String mod2, DmeposCategory category, String... amounts) {
    List<BigDecimal> values =
        Arrays.stream(amounts).map(BigDecimal::new).collect(Collectors.toList());
    return DmeposFee.builder(ProcedureCode.parse(code))
        .modifiers(
            Optional.ofNullable(mod).map(Modifier::parse),
            Optional.ofNullable(mod2).map(Modifier::parse))
        .jurisdiction(DmeposJurisdiction.DME_MAC)
        .category(category)
        .fees(STATES, List.of(values.get(0), values.get(2)), List.of(values.get(1), values.get(3)))
        .build();
  }

  /** Amounts are dollars and cents: trailing zeros beyond the cents are, a third decimal is not. */
  @Test
  void amountsAreDollarsAndCents() {
    DmeposFee fee =
        fee("E0114", "NU", null, DmeposCategory.CAPPED_RENTAL, "1.000", "2", "3.5", "0");
    assertEquals(100, fee.feeCents(0, false));
    assertEquals(350, fee.feeCents(1, false));
    IllegalArgumentException third =
        assertThrows(
            IllegalArgumentException.class,
            () -> fee("E0114", "NU", null, DmeposCategory.CAPPED_RENTAL, "1", "2", "3.505", "0"));
    assertTrue(
        third.getMessage().contains(STATES.get(1) + " (NR): expected dollars and cents"),
        third.getMessage());
  }

  private static final PricingContext MARCH =
      PricingContext.of(
          LocalDate.of(2025, 3, 14), Locality.parse("13202-01"), Setting.NON_FACILITY);

  private static FeeResult price(String line, String zip) {
    return DME.price(ClaimLine.parse(line), MARCH.withBeneficiaryZip(zip));
  }

  @Test
  void pricesByStateAndRuralZip() {
    assertEquals(new BigDecimal("61.45"), price("E0114-NU", "10001").amountOrThrow());
    // No rural amount of its own (0.00): the non-rural amount applies in a rural ZIP code.
    FeeResult ruralCrutches = price("E0114-NU", "12010");
    assertEquals(new BigDecimal("61.45"), ruralCrutches.amountOrThrow());
    assertTrue(ruralCrutches.toString().contains("no rural amount"), ruralCrutches.toString());
    assertEquals(new BigDecimal("94.93"), price("E0601-RR", "12010").amountOrThrow());
    assertEquals(new BigDecimal("91.42"), price("E0601-RR", "00601").amountOrThrow());
    assertEquals(new BigDecimal("80.00"), price("E0114-NU-KX-LT", "00601-1234").amountOrThrow());
  }

  @Test
  void rentalLinesAreMonths() {
    // 3 months x 10.79 = 32.37
    FeeResult rental = price("E0114-RR x3", "10001");
    assertEquals(new BigDecimal("32.37"), rental.amountOrThrow());
    assertTrue(rental.toString().contains("x 3 rental months"), rental.toString());
    // Capped rental, months 4 to 13: 48.72 x 0.75 = 36.54
    FeeResult later = price("E0601-RR-KJ", "10001");
    assertEquals(new BigDecimal("36.54"), later.amountOrThrow());
    assertTrue(later.explanation().has("capped-rental"));
    // The two-modifier row wins when both its modifiers are on the line.
    assertEquals(new BigDecimal("150.00"), price("K0861-RR-KU", "10001").amountOrThrow());
    assertEquals(new BigDecimal("100.00"), price("K0861-RR", "10001").amountOrThrow());
    // A power wheelchair's later months: 6% of the purchase price against 15%: 100.00 x 0.40.
    FeeResult chair = price("K0861-RR-KJ", "10001");
    assertEquals(new BigDecimal("40.00"), chair.amountOrThrow());
    assertTrue(chair.toString().contains("power wheelchair"), chair.toString());
  }

  /**
   * A row of two modifiers wins over a row of one of them (RR-KU over RR), not over a row whose
   * modifier it lacks: NU, RR and KU on one line select a purchase and a rental.
   */
  @Test
  void modifiersSelectingRowsThatContradictEachOtherAreRefused() {
    DmeposFeeSchedule dme =
        DmeposFeeSchedule.builder(Quarter.of(2025, 1))
            .name("test-dmepos")
            .zips(ZIPS)
            .add(fee("K0861", "NU", null, DmeposCategory.CAPPED_RENTAL, "900.00", "0", "0", "0"))
            .add(fee("K0861", "RR", null, DmeposCategory.CAPPED_RENTAL, "100.00", "0", "0", "0"))
            .add(fee("K0861", "RR", "KU", DmeposCategory.CAPPED_RENTAL, "150.00", "0", "0", "0"))
            .build();
    PricingContext context = MARCH.withBeneficiaryZip("10001");
    assertEquals(
        new BigDecimal("150.00"),
        dme.price(ClaimLine.parse("K0861-RR-KU"), context).amountOrThrow());
    assertEquals(
        new BigDecimal("900.00"), dme.price(ClaimLine.parse("K0861-NU"), context).amountOrThrow());
    FeeResult both = dme.price(ClaimLine.parse("K0861-NU-RR-KU"), context);
    assertEquals(
        UnpricedReason.MODIFIER_NOT_ALLOWED, ((FeeResult.Unpriced) both).why(), both.toString());
  }

  /**
   * The power wheelchair codes older than K0813 that CMS's file still prices as capped rentals
   * (K0010, K0011 and K0012 in DMEPOS_2025_JAN.csv, K0014 beside them) are power-driven wheelchairs
   * too: their later months are 6% of the purchase price against 15% (Social Security Act
   * §1834(a)(7)(A)(i)(III) names no code), 40% of the rental fee, not 75%.
   */
  @Test
  void everyPowerWheelchairCodeGetsTheFortyPercent() {
    DmeposFeeSchedule.Builder builder =
        DmeposFeeSchedule.builder(Quarter.of(2025, 1)).name("test-dmepos").zips(ZIPS);
    for (String code : List.of("K0010", "K0011", "K0012", "K0014", "E1050")) {
      builder.add(
          fee(code, "RR", null, DmeposCategory.CAPPED_RENTAL, "505.91", "0.00", "0.00", "0.00"));
    }
    DmeposFeeSchedule dme = builder.build();
    PricingContext home = MARCH.withBeneficiaryZip("10001");
    for (String code : List.of("K0010", "K0011", "K0012", "K0014")) {
      // 505.91 x 0.40 = 202.364
      FeeResult later = dme.price(ClaimLine.parse(code + "-RR-KJ"), home);
      assertEquals(new BigDecimal("202.36"), later.amountOrThrow(), later.toString());
      assertTrue(later.toString().contains("power wheelchair"), later.toString());
    }
    // A manual wheelchair keeps the 75%: 505.91 x 0.75 = 379.4325
    assertEquals(
        new BigDecimal("379.43"), dme.price(ClaimLine.parse("E1050-RR-KJ"), home).amountOrThrow());
  }

  /**
   * Pins where a capped rental line of several later months is rounded, the library's choice (no
   * CMS text on it was found): the month's 75% is kept exact, the months multiply it, and the line
   * is rounded once, half-up.
   */
  @Test
  void aLaterMonthsLineIsRoundedOnceNotPerMonth() {
    // One month: 10.02 x 0.75 = 7.515, half-up to 7.52.
    FeeResult one = price("E0250-RR-KJ", "10001");
    assertEquals(new BigDecimal("7.52"), one.amountOrThrow());
    // Three months: 7.515 x 3 = 22.545 = 22.55, not 3 x 7.52 = 22.56.
    FeeResult three = price("E0250-RR-KJ x3", "10001");
    assertEquals(new BigDecimal("22.55"), three.amountOrThrow());
    assertTrue(three.explanation().has("capped-rental"), three.toString());
    assertTrue(three.toString().contains("x 3 rental months"), three.toString());
  }

  @Test
  void stationaryOxygenFollowsThePrescribedFlow() {
    // 42 CFR 414.226(e): under 1 LPM 50%, over 4 LPM without portable equipment 150%.
    assertEquals(new BigDecimal("93.86"), price("E1390-RR", "10001").amountOrThrow());
    assertEquals(new BigDecimal("46.93"), price("E1390-RR-QE", "10001").amountOrThrow());
    assertEquals(new BigDecimal("46.93"), price("E1390-RR-QA", "10001").amountOrThrow());
    FeeResult high = price("E1390-RR-QG", "10001");
    assertEquals(new BigDecimal("140.79"), high.amountOrThrow());
    assertTrue(high.explanation().has("oxygen-flow"), high.toString());
    assertEquals(new BigDecimal("140.79"), price("E1390-RR-QR", "10001").amountOrThrow());
    // One line has one prescribed flow: any two of the three kinds are refused.
    for (String mixed : new String[] {"E1390-RR-QE-QG", "E1390-RR-QF-QG", "E1390-RR-QB-QE"}) {
      assertEquals(
          UnpricedReason.MODIFIER_NOT_ALLOWED, price(mixed, "10001").reason().orElseThrow(), mixed);
    }
  }

  @Test
  void refusesWithTypedReasons() {
    assertEquals(Optional.of(UnpricedReason.MODIFIER_REQUIRED), price("E0114", "10001").reason());
    assertTrue(price("E0114", "10001").detail().contains("E0114-NU, E0114-RR"));
    assertEquals(
        Optional.of(UnpricedReason.MODIFIER_NOT_ALLOWED), price("E0114-NU-RR", "10001").reason());
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), price("E0143-NU", "10001").reason());
    assertEquals(Optional.of(UnpricedReason.CARRIER_PRICED), price("L3908", "00601").reason());
    assertEquals(Optional.of(UnpricedReason.NOT_IN_SCHEDULE), price("L3908", "96910").reason());
    assertEquals(Optional.of(UnpricedReason.NO_BENEFICIARY_ZIP), price("L3908", "99999").reason());
    assertEquals(
        Optional.of(UnpricedReason.NO_BENEFICIARY_ZIP),
        DME.price(ClaimLine.parse("L3908"), MARCH).reason());
    assertEquals(
        Optional.of(UnpricedReason.DATE_NOT_COVERED),
        DME.price(
                ClaimLine.parse("L3908"),
                MARCH.withBeneficiaryZip("10001").withDateOfService(LocalDate.of(2024, 12, 31)))
            .reason());
  }

  @Test
  void zipTableAndRowsCheckTheirInput() {
    assertEquals(Optional.of(new DmeposArea("NY", true)), ZIPS.find("12010"));
    assertFalse(ZIPS.find("1201").isPresent());
    assertFalse(ZIPS.find("12010-12").isPresent());
    assertEquals(-1, DmeposZipTable.zipNumber("1201x"));
    assertThrows(IllegalArgumentException.class, () -> DmeposZipTable.builder().state(5, 4, "NY"));
    assertThrows(IllegalArgumentException.class, () -> DmeposZipTable.builder().rural(1, "ny"));
    assertThrows(IllegalArgumentException.class, () -> new DmeposArea("New York", false));
    assertThrows(
        IllegalArgumentException.class,
        () -> fee("E0114", "NU", null, DmeposCategory.SUPPLIES, "1.001", "0", "0", "0"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            DmeposFeeSchedule.builder(Quarter.of(2025, 1))
                .zips(ZIPS)
                .add(fee("L3908", null, null, DmeposCategory.SUPPLIES, "1", "0", "0", "0"))
                .add(fee("L3908", null, null, DmeposCategory.SUPPLIES, "2", "0", "0", "0")));
    // A state fee past what int cents hold is refused with the code and the state, not overflowed.
    IllegalArgumentException tooLarge =
        assertThrows(
            IllegalArgumentException.class,
            () -> fee("E0114", "NU", null, DmeposCategory.SUPPLIES, "21474836.48", "0", "0", "0"));
    assertEquals(
        "E0114 NY (NR): expected at most 21474836.47, not 21474836.48", tooLarge.getMessage());
    assertEquals(
        2_147_483_647L,
        fee("E0114", "NU", null, DmeposCategory.SUPPLIES, "21474836.47", "0", "0", "0")
            .nonRuralFee("NY")
            .map(v -> v.movePointRight(2).longValueExact())
            .orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> DmeposCategory.of("XX"));
    assertEquals(DmeposCategory.CAPPED_RENTAL, DmeposCategory.of("CR"));
    assertEquals(DmeposJurisdiction.LOCAL_PART_B, DmeposJurisdiction.of('L'));
    assertEquals(
        Optional.of(new BigDecimal("94.93")),
        DME.rows(ProcedureCode.parse("E0601")).get(0).ruralFee("NY"));
    assertEquals("test-dmepos (8 rows, 2025-Q1)", DME.toString());
  }

  /**
   * CMS lists the rural ZIP codes each quarter: a list of another quarter than the schedule's (a
   * later list, or an earlier one when the schedule's own is missing) may put a ZIP code in the
   * wrong column, and the explanation says so; a list of the same quarter, or of none said, does
   * not.
   */
  @Test
  void explanationSaysWhenTheRuralZipCodesAreOfAnotherQuarter() {
    PricingContext home = MARCH.withBeneficiaryZip("10001");
    FeeResult july = DME.withZips(ruralZips(Quarter.of(2025, 3))).price(line("E0114-NU"), home);
    assertEquals(new BigDecimal("61.45"), july.amountOrThrow());
    assertTrue(july.explanation().has("rural-zips"), july.toString());
    assertTrue(
        july.toString().contains("2025-Q3") && july.toString().contains("2025-Q1"), july::toString);
    FeeResult earlier = DME.withZips(ruralZips(Quarter.of(2024, 4))).price(line("E0114-NU"), home);
    assertTrue(earlier.explanation().has("rural-zips"), earlier.toString());
    FeeResult same = DME.withZips(ruralZips(Quarter.of(2025, 1))).price(line("E0114-NU"), home);
    assertFalse(same.explanation().has("rural-zips"), same.toString());
    assertFalse(price("E0114-NU", "10001").explanation().has("rural-zips"));
    assertEquals(Optional.of(Quarter.of(2025, 3)), ruralZips(Quarter.of(2025, 3)).ruralQuarter());
    assertEquals(Optional.empty(), ZIPS.ruralQuarter());
    // A table of states alone, to lay another quarter's list over, has no list's quarter.
    assertEquals(
        Optional.empty(),
        DmeposZipTable.builder(ruralZips(Quarter.of(2025, 3))).build().ruralQuarter());
  }

  private static DmeposZipTable ruralZips(Quarter quarter) {
    return DmeposZipTable.builder()
        .state(10_000, 14_999, "NY")
        .rural(12_010, "NY")
        .ruralQuarter(quarter)
        .build();
  }

  private static ClaimLine line(String text) {
    return ClaimLine.parse(text);
  }
}
