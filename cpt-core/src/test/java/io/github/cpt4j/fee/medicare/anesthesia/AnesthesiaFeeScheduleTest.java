package io.github.cpt4j.fee.medicare.anesthesia;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.NullPointerTester;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.CptCode;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.UnpricedReason;
import io.github.cpt4j.fee.medicare.Locality;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Anesthesia lines priced to the cent with the base units of CMS's CY 2022 file and the 2025
 * anesthesia conversion factors of ANES2025.csv (13282-99 Rest of New York 19.79, 13202-01
 * Manhattan 22.76), the arithmetic written out.
 */
class AnesthesiaFeeScheduleTest {

  static final Locality REST_OF_NY = Locality.parse("13282-99");
  static final Locality MANHATTAN = Locality.parse("13202-01");
  static final LocalDate DATE = LocalDate.of(2025, 6, 2);

  static final AnesthesiaBaseUnits UNITS =
      AnesthesiaBaseUnits.of(
          "CY 2022",
          Map.of(
              code("00790"), 7,
              code("00840"), 6,
              code("00811"), 4,
              code("01952"), 5,
              code("01953"), 1,
              code("01967"), 5,
              code("01968"), 2,
              code("01996"), 3,
              code("01999"), 0));

  static final AnesthesiaConversionFactors FACTORS =
      AnesthesiaConversionFactors.of(
          "ANES2025",
          Map.of(REST_OF_NY, new BigDecimal("19.79"), MANHATTAN, new BigDecimal("22.76")));

  static final AnesthesiaFeeSchedule SCHEDULE =
      AnesthesiaFeeSchedule.builder()
          .name("anesthesia-2025")
          .baseUnits(UNITS)
          .conversionFactors(FACTORS)
          .effective(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31))
          .build();

  static ProcedureCode code(String text) {
    return CptCode.parse(text);
  }

  /** {@link #rochester()}, the AD supervisor present at induction. */
  static PricingContext presentAtInduction() {
    return rochester().withSupervisorPresentAtInduction(true);
  }

  /** The amounts of {@code fees}, null where unpriced. */
  private static List<BigDecimal> amounts(List<FeeResult> fees) {
    List<BigDecimal> amounts = new ArrayList<>();
    for (FeeResult fee : fees) {
      amounts.add(fee.amount().orElse(null));
    }
    return amounts;
  }

  static PricingContext rochester() {
    return PricingContext.of(DATE, REST_OF_NY, Setting.FACILITY);
  }

  static FeeResult price(String line) {
    return SCHEDULE.price(ClaimLine.parse(line), rochester());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // minutes | time units: minutes / 15, half-up to one decimal
        "1    | 0.1", // 0.0667
        "2    | 0.1", // 0.1333
        "4    | 0.3", // 0.2667
        "8    | 0.5", // 0.5333
        "15   | 1.0",
        "95   | 6.3", // 6.3333
        "97   | 6.5", // 6.4667
        "100  | 6.7", // 6.6667
        "180  | 12.0",
      })
  void timeUnitsAreMinutesOverFifteenToOneDecimal(int minutes, String units) {
    assertEquals(new BigDecimal(units), AnesthesiaCalculation.timeUnits(minutes));
  }

  @Test
  void personallyPerformedAaPaysBaseAndTimeAtTheLocalityFactor() {
    // (7 base + 95 / 15 = 6.3 time units) x 19.79 = 13.3 x 19.79 = 263.207 -> 263.21
    FeeResult fee = price("00790-AA 95min");
    assertEquals(new BigDecimal("263.21"), fee.amountOrThrow());
    assertEquals(0, new BigDecimal("263.207").compareTo(fee.exactAmount().orElseThrow()));
    assertTrue(
        fee.toString().contains("7.0 base + 6.3 time units x 19.79 (13282-99 anesthesia CF)"),
        fee::toString);
  }

  @Test
  void medicalDirectionQkAndQxPairPaysEachHalf() {
    // Physician QK and nurse anesthetist QX, same case: each (7 + 6.3) x 19.79 x 50%
    // = 263.207 x 0.5 = 131.6035 -> 131.60; together 263.20, the full amount give or take a cent.
    List<FeeResult> fees =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-QK 95min"), ClaimLine.parse("00790-QX 95min")),
            rochester());
    assertEquals(new BigDecimal("131.60"), fees.get(0).amountOrThrow());
    assertEquals(new BigDecimal("131.60"), fees.get(1).amountOrThrow());
    assertTrue(fees.get(0).toString().contains("QK medical direction"), fees.get(0)::toString);
    assertEquals(new BigDecimal("131.60"), price("00790-QY 95min").amountOrThrow());
  }

  @Test
  void crnaWithoutDirectionQzPaysInFull() {
    // 01967 in Manhattan, 180 minutes: (5 + 12.0) x 22.76 = 386.92
    FeeResult fee =
        SCHEDULE.price(
            ClaimLine.parse("01967-QZ 180min"),
            PricingContext.of(DATE, MANHATTAN, Setting.FACILITY));
    assertEquals(new BigDecimal("386.92"), fee.amountOrThrow());
  }

  @Test
  void medicalSupervisionAdPaysThreeBaseUnitsAndOneMoreAtInduction() {
    // AD: 3 base units (00790 has 7), no time units: 3 x 19.79 = 59.37
    assertEquals(new BigDecimal("59.37"), price("00790-AD 95min").amountOrThrow());
    assertEquals(new BigDecimal("59.37"), price("00790-AD").amountOrThrow()); // no minutes needed
    // Present at induction: one time unit more, (3 + 1) x 19.79 = 79.16
    assertEquals(
        new BigDecimal("79.16"),
        SCHEDULE.price(ClaimLine.parse("00790-AD 95min"), presentAtInduction()).amountOrThrow());
  }

  /**
   * Section 50.D's three base units under medical supervision are a limit, and an add-on is allowed
   * only its own base units (CMS Transmittal B-03-017): a code of fewer than three billed AD is
   * paid its own. 01953 (1) was paid 3 x 19.79 = 59.37, three times what 01953-AA is paid.
   */
  @Test
  void adPaysTheCodesOwnBaseUnitsWhenItHasFewerThanThree() {
    // 01952-AA 90 min: (5 + 6.0) x 19.79 = 217.69; 01953-AD: 1 x 19.79 = 19.79, as 01953-AA.
    List<FeeResult> burn =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("01952-AA 90min"), ClaimLine.parse("01953-AD")), rochester());
    assertEquals(new BigDecimal("217.69"), burn.get(0).amountOrThrow());
    assertEquals(new BigDecimal("19.79"), burn.get(1).amountOrThrow(), burn.get(1)::toString);
    assertTrue(
        burn.get(1).toString().contains("01953's own 1 base unit, fewer than the 3 AD allows"),
        burn.get(1)::toString);
    assertEquals(price("01953-AA").amountOrThrow(), price("01953-AD").amountOrThrow());
    // 01968 (2): 2 x 19.79 = 39.58; with presence at induction beside its AD primary, the primary
    // takes the unit, (3 + 1) x 19.79 = 79.16, and the add-on still its own 2 base units.
    assertEquals(new BigDecimal("39.58"), price("01968-AD 60min").amountOrThrow());
    List<FeeResult> labor =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("01967-AD 120min"), ClaimLine.parse("01968-AD 60min")),
            presentAtInduction());
    assertEquals(new BigDecimal("79.16"), labor.get(0).amountOrThrow());
    assertEquals(new BigDecimal("39.58"), labor.get(1).amountOrThrow(), labor.get(1)::toString);
    // Three or more: three. 01996 (3) and 00790 (7): 3 x 19.79 = 59.37.
    assertEquals(new BigDecimal("59.37"), price("01996-AD").amountOrThrow());
    assertTrue(price("01996-AD").toString().contains("3 base units, 01996's own"));
    assertEquals(new BigDecimal("59.37"), price("00790-AD 60min").amountOrThrow());
    // 01999, none set nationally (0), keeps the three.
    FeeResult unlisted = price("01999-AD 60min");
    assertEquals(new BigDecimal("59.37"), unlisted.amountOrThrow());
    assertTrue(
        unlisted.toString().contains("01999 having none set nationally"), unlisted::toString);
    assertEquals(3, AnesthesiaFeeSchedule.supervisionBaseUnits(0));
    assertEquals(1, AnesthesiaFeeSchedule.supervisionBaseUnits(1));
    assertEquals(3, AnesthesiaFeeSchedule.supervisionBaseUnits(30));
    assertThrows(
        IllegalArgumentException.class, () -> AnesthesiaFeeSchedule.supervisionBaseUnits(-1));
  }

  @Test
  void anAdSessionTakesPresenceAtInduction() {
    // 00790-AD 60 min and 00840-AD 45 min, one session: 00790 (7 base units) is the line paid, at
    // AD's 3 base units and no time units: 3 x 19.79 = 59.37.
    List<ClaimLine> lines =
        List.of(ClaimLine.parse("00790-AD 60min"), ClaimLine.parse("00840-AD 45min"));
    List<FeeResult> absent = SCHEDULE.priceSession(lines, rochester()); // absent unless said
    assertEquals(new BigDecimal("59.37"), absent.get(0).amountOrThrow());
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, absent.get(1).reason().orElseThrow());
    // Present at induction: one time unit more, (3 + 1) x 19.79 = 79.16, on the paid line only.
    List<FeeResult> present = SCHEDULE.priceSession(lines, presentAtInduction());
    assertEquals(new BigDecimal("79.16"), present.get(0).amountOrThrow());
    assertTrue(
        present.get(0).toString().contains("one for presence at induction"), present::toString);
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, present.get(1).reason().orElseThrow());
    // The claim's form and the one with denied lines take it the same way.
    Claim claim = Claim.builder().add("00790-AD 60min").add("00840-AD 45min").build();
    assertEquals(
        new BigDecimal("79.16"),
        SCHEDULE.priceSession(claim, presentAtInduction(), new BitSet()).get(0).amountOrThrow());
    assertEquals(
        new BigDecimal("59.37"),
        SCHEDULE.priceSession(claim, rochester(), new BitSet()).get(0).amountOrThrow());
    // An AD line alone on its side of the session (beside the nurse anesthetist's QX line) is
    // priced as one line is: 79.16 present; the QX line (7 + 4.0) x 19.79 x 50% = 108.845 ->
    // 108.85.
    List<FeeResult> team =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-AD 60min"), ClaimLine.parse("00790-QX 60min")),
            presentAtInduction(),
            new BitSet());
    assertEquals(new BigDecimal("79.16"), team.get(0).amountOrThrow());
    assertEquals(new BigDecimal("108.85"), team.get(1).amountOrThrow());
  }

  /**
   * AD is paid no time units (section 50.D): an AD session's explanations say it is paid once at
   * its base units, never that it is paid with the session's time.
   */
  @Test
  void anAdSessionIsNotSaidToBePaidForItsTime() {
    List<ClaimLine> lines =
        List.of(ClaimLine.parse("00790-AD 60min"), ClaimLine.parse("00840-AD 45min"));
    for (PricingContext context : List.of(presentAtInduction(), rochester())) {
      List<FeeResult> fees = SCHEDULE.priceSession(lines, context);
      String paid = fees.get(0).toString();
      String through = fees.get(1).toString();
      assertTrue(paid.contains("paid once, billed AD: 3 base units and no time units"), paid);
      assertEquals(
          context.supervisorPresentAtInduction(),
          paid.contains("no time units, but one for presence at induction (chapter 12, sections"),
          paid);
      assertTrue(through.contains("line 1 (00790, more base units) is paid once"), through);
      for (String words : List.of(paid, through)) {
        assertFalse(words.contains("total time"), words);
        assertFalse(words.contains("105 minutes"), words);
        assertFalse(words.contains("this line's time"), words);
      }
    }
    // An AA session still says it is paid with the total time.
    List<FeeResult> aa =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-AA 60min"), ClaimLine.parse("00840-AA 45min")),
            rochester());
    assertTrue(aa.get(0).toString().contains("total time, 105 minutes"), aa::toString);
    assertTrue(aa.get(1).detail().contains("this line's time"), aa.get(1)::detail);
  }

  /** The context says presence at induction to every form, the line's and the session's. */
  @Test
  void theContextSaysPresenceAtInductionToEveryForm() {
    PricingContext present = presentAtInduction();
    ClaimLine line = ClaimLine.parse("00790-AD 60min");
    // (3 + 1) x 19.79 = 79.16
    assertEquals(new BigDecimal("79.16"), SCHEDULE.price(line, present).amountOrThrow());
    assertEquals(new BigDecimal("59.37"), SCHEDULE.price(line, rochester()).amountOrThrow());
    assertTrue(
        SCHEDULE.price(line, present).toString().contains("one for presence at induction"),
        () -> SCHEDULE.price(line, present).toString());
    List<ClaimLine> lines = List.of(line, ClaimLine.parse("00840-AD 45min"));
    assertEquals(
        new BigDecimal("79.16"), SCHEDULE.priceSession(lines, present).get(0).amountOrThrow());
    assertEquals(
        new BigDecimal("79.16"),
        SCHEDULE.priceSession(lines, present, new BitSet()).get(0).amountOrThrow());
    Claim claim = Claim.builder().add("00790-AD 60min").add("00840-AD 45min").build();
    assertEquals(
        new BigDecimal("79.16"),
        SCHEDULE.priceSession(claim, present, new BitSet()).get(0).amountOrThrow());
    // A denied AD line priced alone takes it too.
    BitSet denied = new BitSet();
    denied.set(0);
    assertEquals(
        new BigDecimal("79.16"),
        SCHEDULE.priceSession(lines, present, denied).get(0).amountOrThrow());
    // Not for the other payment modifiers: each priced as without it.
    for (String other :
        List.of(
            "00790-AA 60min",
            "00790-QK 60min",
            "00790-QX 60min",
            "00790-QY 60min",
            "00790-QZ 60min")) {
      ClaimLine otherLine = ClaimLine.parse(other);
      assertEquals(
          SCHEDULE.price(otherLine, rochester()).amountOrThrow(),
          SCHEDULE.price(otherLine, present).amountOrThrow(),
          other);
    }
  }

  /**
   * The session is induced once: its time unit for presence goes to one AD line, the primary's
   * beside its add-on (79.16 and 3 x 19.79 = 59.37), and never to 01995 or 01996, for which no time
   * units are recognized (section 50.G).
   */
  @Test
  void presenceAtInductionIsOneTimeUnitForTheSession() {
    // 01996-AD: 3 base units, no time unit for presence either: 59.37.
    assertEquals(
        new BigDecimal("59.37"),
        SCHEDULE.price(ClaimLine.parse("01996-AD"), presentAtInduction()).amountOrThrow());
    FeeResult epidural =
        SCHEDULE.priceSession(List.of(ClaimLine.parse("01996-AD")), presentAtInduction()).get(0);
    assertEquals(new BigDecimal("59.37"), epidural.amountOrThrow());
    assertTrue(epidural.toString().contains("none for presence at induction"), epidural::toString);
    List<FeeResult> withEpidural =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-AD 60min"), ClaimLine.parse("01996-AD")),
            presentAtInduction());
    assertEquals(List.of(new BigDecimal("79.16"), new BigDecimal("59.37")), amounts(withEpidural));
    // 01967-AD and its add-on 01968-AD, in either order: the primary takes the unit; the add-on is
    // paid its own 2 base units, 2 x 19.79 = 39.58.
    List<FeeResult> obstetric =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("01968-AD 60min"), ClaimLine.parse("01967-AD 120min")),
            presentAtInduction());
    assertEquals(List.of(new BigDecimal("39.58"), new BigDecimal("79.16")), amounts(obstetric));
    assertTrue(
        obstetric.get(0).toString().contains("presence at induction is paid on line 2"),
        obstetric.get(0)::toString);
    assertEquals(
        List.of(new BigDecimal("79.16"), new BigDecimal("39.58")),
        amounts(
            SCHEDULE.priceSession(
                List.of(ClaimLine.parse("01967-AD 120min"), ClaimLine.parse("01968-AD 60min")),
                presentAtInduction())));
    // An AD line paid through an AA line takes no unit, and no line is told it did.
    List<FeeResult> mixed =
        SCHEDULE.priceSession(
            List.of(
                ClaimLine.parse("00790-AA 60min"),
                ClaimLine.parse("00840-AD 45min"),
                ClaimLine.parse("01968-AD 60min")),
            presentAtInduction());
    assertEquals(new BigDecimal("39.58"), mixed.get(2).amountOrThrow());
    assertFalse(mixed.get(2).explanation().has("anesthesia-induction"), mixed::toString);
    // Alone, the add-on is the session's AD line and takes it: (2 + 1) x 19.79 = 59.37.
    assertEquals(
        List.of(new BigDecimal("59.37")),
        amounts(
            SCHEDULE.priceSession(
                List.of(ClaimLine.parse("01968-AD 60min")), presentAtInduction())));
  }

  @Test
  void presenceAtInductionChangesNothingOutsideAd() {
    // 00840-AA 45 min and 00790-AA 60 min: 00790 paid with 105 minutes = 7.0 time units,
    // (7 + 7.0) x 19.79 = 277.06, present at induction or not.
    List<ClaimLine> lines =
        List.of(ClaimLine.parse("00840-AA 45min"), ClaimLine.parse("00790-AA 60min"));
    List<FeeResult> present = SCHEDULE.priceSession(lines, presentAtInduction());
    assertEquals(new BigDecimal("277.06"), present.get(1).amountOrThrow());
    assertEquals(amounts(SCHEDULE.priceSession(lines, rochester())), amounts(present));
    // Medical direction, QK with QX: each half, 131.60 (as without it).
    List<FeeResult> directed =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-QK 95min"), ClaimLine.parse("00790-QX 95min")),
            presentAtInduction());
    assertEquals(new BigDecimal("131.60"), directed.get(0).amountOrThrow());
    assertEquals(new BigDecimal("131.60"), directed.get(1).amountOrThrow());
  }

  @Test
  void severalAnesthesiaServicesInOneSessionPayTheMostBaseUnitsWithTheTotalTime() {
    // 00840 (6 base) 45 min and 00790 (7 base) 60 min: 00790 paid with 105 minutes = 7.0 units:
    // (7 + 7.0) x 19.79 = 277.06; 00840 is paid through it.
    List<FeeResult> fees =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00840-AA 45min"), ClaimLine.parse("00790-AA 60min")),
            rochester());
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, fees.get(0).reason().orElseThrow());
    assertTrue(fees.get(0).detail().contains("line 2"), fees.get(0)::detail);
    assertEquals(new BigDecimal("277.06"), fees.get(1).amountOrThrow());
    assertTrue(fees.get(1).toString().contains("105 minutes"), fees.get(1)::toString);
    // Lines of a claim are named by its numbers.
    List<FeeResult> numbered =
        SCHEDULE.priceSession(
            Claim.builder()
                .add("00840-AA 45min")
                .add("00790-AA 60min")
                .build()
                .withLineNumbers(4, 7),
            rochester(),
            new BitSet());
    assertTrue(numbered.get(0).detail().contains("line 7"), numbered.get(0)::detail);
    assertTrue(numbered.get(1).toString().contains("line 4"), numbered.get(1)::toString);
    // The order of the lines does not matter.
    List<FeeResult> swapped =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-AA 60min"), ClaimLine.parse("00840-AA 45min")),
            rochester());
    assertEquals(new BigDecimal("277.06"), swapped.get(0).amountOrThrow());
    assertFalse(swapped.get(1).isPriced());
  }

  @Test
  void aSessionWhoseLinesCarryDifferentRolesSaysSoOnThePaidLine() {
    // 00790-AA and 00840-QK: paid once, at AA's 100%, for 105 minutes, as before; the paid line
    // names both modifiers.
    List<FeeResult> fees =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00840-QK 45min"), ClaimLine.parse("00790-AA 60min")),
            rochester());
    assertEquals(new BigDecimal("277.06"), fees.get(1).amountOrThrow());
    assertTrue(fees.get(1).explanation().has(AnesthesiaFeeSchedule.MIXED_ROLES), fees::toString);
    assertTrue(
        fees.get(1)
            .toString()
            .contains(
                "different payment modifiers (QK on line 1, AA on line 2): it is paid once, at AA,"
                    + " the modifier of line 2"),
        fees::toString);
    // One role on every line: no such step.
    List<FeeResult> same =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00840-QK 45min"), ClaimLine.parse("00790-QK 60min")),
            rochester());
    assertFalse(same.get(1).explanation().has(AnesthesiaFeeSchedule.MIXED_ROLES), same::toString);
    // The nurse anesthetist's lines are a session of their own: QX beside QK is the usual pair.
    List<FeeResult> team =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-QK 60min"), ClaimLine.parse("00790-QX 60min")),
            rochester());
    assertFalse(team.get(0).explanation().has(AnesthesiaFeeSchedule.MIXED_ROLES), team::toString);
  }

  @Test
  void aSessionIsPaidItsWholeTimeEvenAboveTheMostOneLineCarries() {
    // 6,000 + 6,000 minutes = 12,000 / 15 = 800.0 time units: (7 + 800.0) x 19.79 = 15970.53,
    // not the 9,999 minutes one line may carry (666.6 units, 13330.54).
    List<FeeResult> fees =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-AA 6000min"), ClaimLine.parse("00840-AA 6000min")),
            rochester());
    assertEquals(new BigDecimal("15970.53"), fees.get(0).amountOrThrow());
  }

  @Test
  void anAddOnIsPaidBesideItsPrimary() {
    // 01967 (5) 120 min: (5 + 8.0) x 19.79 = 257.27; 01968 (2) 60 min: (2 + 4.0) x 19.79 = 118.74
    List<FeeResult> fees =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("01967-AA 120min"), ClaimLine.parse("01968-AA 60min")),
            rochester());
    assertEquals(new BigDecimal("257.27"), fees.get(0).amountOrThrow());
    assertEquals(new BigDecimal("118.74"), fees.get(1).amountOrThrow());
  }

  /**
   * 01968 is one service of its session beside 01967, as 01967 is one: two lines of it are paid
   * once with the time of both, as two lines of 01967 are, the other line {@code
   * NOT_PAYABLE_ON_CLAIM}. Both were paid, (2 + 2.0) x 19.79 = 79.16 each.
   */
  @Test
  void anObstetricAddOnIsPaidOncePerSessionAsItsPrimaryIs() {
    // 01967 (5) 120 min: (5 + 8.0) x 19.79 = 257.27; 01968 (2) 30 + 30 min: (2 + 4.0) x 19.79 =
    // 118.74, as one line of 60 minutes.
    List<ClaimLine> lines =
        List.of(
            ClaimLine.parse("01967-AA 120min"),
            ClaimLine.parse("01968-AA 30min"),
            ClaimLine.parse("01968-AA 30min"));
    List<FeeResult> fees = SCHEDULE.priceSession(lines, rochester());
    assertEquals(
        Arrays.asList(new BigDecimal("257.27"), new BigDecimal("118.74"), null),
        amounts(fees),
        fees::toString);
    assertEquals(UnpricedReason.NOT_PAYABLE_ON_CLAIM, fees.get(2).reason().orElseThrow());
    assertTrue(
        fees.get(2).detail().startsWith("the add-on 01968 is paid once per session: line 2"),
        fees.get(2)::detail);
    assertTrue(fees.get(1).explanation().has(AnesthesiaFeeSchedule.SESSION), fees::toString);
    // As two lines of 01967 are: one paid with the time of both.
    List<FeeResult> primaries =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("01967-AA 60min"), ClaimLine.parse("01967-AA 60min")),
            rochester());
    assertEquals(
        Arrays.asList(new BigDecimal("257.27"), null), amounts(primaries), primaries::toString);
    // The order of the lines changes nothing; AD pays 01968's own 2 base units once, 39.58.
    assertEquals(
        Arrays.asList(new BigDecimal("118.74"), null, new BigDecimal("257.27")),
        amounts(
            SCHEDULE.priceSession(
                List.of(
                    ClaimLine.parse("01968-AA 30min"),
                    ClaimLine.parse("01968-AA 30min"),
                    ClaimLine.parse("01967-AA 120min")),
                rochester())));
    assertEquals(
        Arrays.asList(new BigDecimal("39.58"), null),
        amounts(
            SCHEDULE.priceSession(
                List.of(ClaimLine.parse("01968-AD 30min"), ClaimLine.parse("01968-AD 30min")),
                rochester())));
    // The physician's and the nurse anesthetist's are separate services: each paid.
    assertEquals(
        Arrays.asList(new BigDecimal("59.37"), new BigDecimal("59.37")),
        amounts(
            SCHEDULE.priceSession(
                List.of(ClaimLine.parse("01968-QK 60min"), ClaimLine.parse("01968-QX 60min")),
                rochester())));
  }

  /**
   * 01953, the burn excision add-on, is paid its base unit alone, its time billed on 01952 (CMS
   * Transmittal B-03-017, CR 2539): it needs no minutes, and minutes on it are not paid.
   */
  @Test
  void theBurnAddOnIsPaidItsBaseUnitAloneBesideItsPrimary() {
    // 01952 (5) 90 min: (5 + 6.0) x 19.79 = 217.69; 01953 (1): 1 x 19.79 = 19.79
    List<FeeResult> fees =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("01952-AA 90min"), ClaimLine.parse("01953-AA")), rochester());
    assertEquals(new BigDecimal("217.69"), fees.get(0).amountOrThrow());
    assertEquals(new BigDecimal("19.79"), fees.get(1).amountOrThrow(), fees.get(1)::toString);
    assertTrue(fees.get(1).toString().contains("Transmittal B-03-017"), fees.get(1)::toString);
    // Minutes on the add-on change nothing: they are the primary's to carry.
    assertEquals(new BigDecimal("19.79"), price("01953-AA 30min").amountOrThrow());
    assertTrue(AnesthesiaFeeSchedule.WITHOUT_TIME_UNITS.contains(code("01953")));
    assertTrue(
        AnesthesiaTimeEdit.ignoredMinutes(ClaimLine.parse("01953-AA 30min"))
            .orElseThrow()
            .contains("01952 (CMS Transmittal B-03-017, CR 2539)"));
    // The obstetric add-ons are the transmittal's exception: still paid by their time.
    assertEquals(UnpricedReason.NO_ANESTHESIA_TIME, price("01968-AA").reason().orElseThrow());
  }

  /**
   * 01953 is billed once for each further increment of body surface treated, each paid its base
   * unit (Transmittal B-03-017): its units are those increments, so {@code 01953-AA x3} is paid
   * what three lines of {@code 01953-AA} are. It was paid one base unit, 19.79, while three lines
   * were paid 59.37.
   */
  @Test
  void theBurnAddOnsUnitsArePaidAsSeparateLinesAre() {
    // 01952-AA 90 min: (5 + 6.0) x 19.79 = 217.69; 01953-AA x3: 3 x (1 x 19.79) = 59.37
    List<FeeResult> units =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("01952-AA 90min"), ClaimLine.parse("01953-AA x3")),
            rochester());
    assertEquals(
        List.of(new BigDecimal("217.69"), new BigDecimal("59.37")),
        amounts(units),
        units::toString);
    assertTrue(
        units.get(1).toString().contains("x 3 units of 19.79: 01953"), units.get(1)::toString);
    List<FeeResult> lines =
        SCHEDULE.priceSession(
            List.of(
                ClaimLine.parse("01952-AA 90min"),
                ClaimLine.parse("01953-AA"),
                ClaimLine.parse("01953-AA"),
                ClaimLine.parse("01953-AA")),
            rochester());
    assertEquals(
        new BigDecimal("59.37"),
        lines
            .get(1)
            .amountOrThrow()
            .add(lines.get(2).amountOrThrow())
            .add(lines.get(3).amountOrThrow()));
    // Medically directed, each line 1 x 19.79 x 50% = 9.895 -> 9.90: three lines are 29.70, and
    // so is x3, each unit paid to the cent (not 3 x 9.895 = 29.685 -> 29.69).
    assertEquals(new BigDecimal("9.90"), price("01953-QK").amountOrThrow());
    assertEquals(new BigDecimal("29.70"), price("01953-QK x3").amountOrThrow());
    // AD: 01953's own base unit per unit, 3 x 19.79.
    assertEquals(new BigDecimal("59.37"), price("01953-AD x3").amountOrThrow());
    // Another code's units still count the surgeries one service covered: paid once.
    assertEquals(new BigDecimal("263.21"), price("00790-AA x2 95min").amountOrThrow());
    assertEquals(new BigDecimal("19.79"), price("01953-AA x1").amountOrThrow());
  }

  @Test
  void aLineWithoutMinutesIsNotPricedAsNoTime() {
    FeeResult fee = price("00790-AA");
    assertEquals(UnpricedReason.NO_ANESTHESIA_TIME, fee.reason().orElseThrow());
    assertTrue(fee.detail().contains("00790-AA 60min"), fee::detail);
    // In a session, a line without its time leaves the session without a total.
    List<FeeResult> fees =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-AA"), ClaimLine.parse("00840-AA 45min")), rochester());
    assertEquals(UnpricedReason.NO_ANESTHESIA_TIME, fees.get(0).reason().orElseThrow());
  }

  @Test
  void aSessionWithoutATotalTimeNamesTheLineThatHasNoMinutes() {
    // 00790 (7 base) has its minutes and would be paid; 00840 (6 base) has none, so the session
    // has no total time. The refusal belongs to 00840, and 00790 must not be asked for minutes it
    // has nor 00840 be told it was paid through 00790.
    List<FeeResult> fees =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-AA 60min"), ClaimLine.parse("00840-AA")), rochester());
    assertEquals(UnpricedReason.NO_ANESTHESIA_TIME, fees.get(0).reason().orElseThrow());
    assertTrue(fees.get(0).detail().contains("line 2"), fees.get(0)::detail);
    assertTrue(fees.get(0).detail().contains("00840-AA 60min"), fees.get(0)::detail);
    assertFalse(fees.get(0).detail().contains("00790-AA 60min"), fees.get(0)::detail);
    assertEquals(UnpricedReason.NO_ANESTHESIA_TIME, fees.get(1).reason().orElseThrow());
    assertTrue(fees.get(1).detail().contains("00840-AA 60min"), fees.get(1)::detail);
  }

  @Test
  void twoPaymentModifiersOfOneProviderAreNotBlamedOnTwoProviders() {
    // AA and QK are both the physician's, QZ and QX both the nurse anesthetist's: refused, but not
    // as if a physician and a nurse anesthetist shared the line.
    for (String line : List.of("00790-AA-QK 60min", "00790-QZ-QX 60min")) {
      FeeResult fee = price(line);
      assertEquals(UnpricedReason.MODIFIER_NOT_ALLOWED, fee.reason().orElseThrow());
      assertFalse(fee.detail().contains("nurse anesthetist bill separate"), fee::detail);
    }
    FeeResult mixed = price("00790-QK-QX 60min");
    assertTrue(mixed.detail().contains("nurse anesthetist bill separate lines"), mixed::detail);
  }

  @Test
  void codesWithoutTimeUnitsPayBaseUnitsAlone() {
    // 01996: 3 base units, no time units (section 50.G): 3 x 19.79 = 59.37
    assertEquals(new BigDecimal("59.37"), price("01996-AA").amountOrThrow());
    assertEquals(new BigDecimal("59.37"), price("01996-AA 30min").amountOrThrow());
  }

  @Test
  void physicalStatusAndInformationalModifiersAddNothing() {
    FeeResult fee = price("00790-AA-P3-QS 95min");
    assertEquals(new BigDecimal("263.21"), fee.amountOrThrow());
    String why = fee.toString();
    assertTrue(why.contains("modifier-P3: physical status: Medicare pays no units"), why);
    assertTrue(why.contains("modifier-QS: informational"), why);
  }

  /**
   * A teaching anesthesiologist's resident case is billed AA-GC and paid in full (chapter 12,
   * sections 50.B and 100.1.4); GC is noted and leaves the share to the payment modifier.
   */
  @Test
  void teachingPhysicianGcIsNotedAndTheShareIsThePaymentModifiers() {
    FeeResult teaching = price("00790-AA-GC 95min");
    assertEquals(new BigDecimal("263.21"), teaching.amountOrThrow());
    assertTrue(teaching.explanation().has("modifier-GC"), teaching::toString);
    assertTrue(teaching.toString().contains("AA 100%"), teaching::toString);
    assertEquals(new BigDecimal("131.60"), price("00790-QK-GC 95min").amountOrThrow());
    assertEquals(UnpricedReason.MODIFIER_REQUIRED, price("00790-GC 95min").reason().orElseThrow());
  }

  /**
   * 01999, the unlisted anesthesia procedure, has 0 base units in CMS's file: none set nationally,
   * so the contractor prices it, rather than time alone at the factor ((0 + 4.0) x 19.79 = 79.16
   * would underpay it). AD pays three base units whatever the code: 3 x 19.79 = 59.37. In a session
   * it is left out, and the listed code is paid with its own time: (7 + 4.0) x 19.79.
   */
  @Test
  void theUnlistedProcedureWithoutBaseUnitsIsCarrierPriced() {
    FeeResult unlisted = price("01999-AA 60min");
    assertEquals(
        UnpricedReason.CARRIER_PRICED, unlisted.reason().orElseThrow(), unlisted::toString);
    assertTrue(unlisted.detail().contains("no national base units"), unlisted::detail);
    assertEquals(UnpricedReason.CARRIER_PRICED, price("01999-QX 60min").reason().orElseThrow());
    assertEquals(new BigDecimal("59.37"), price("01999-AD 60min").amountOrThrow());
    List<FeeResult> session =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-AA 60min"), ClaimLine.parse("01999-AA 30min")),
            rochester());
    assertEquals(
        new BigDecimal("217.69"), session.get(0).amountOrThrow(), session.get(0)::toString);
    assertEquals(UnpricedReason.CARRIER_PRICED, session.get(1).reason().orElseThrow());
  }

  @Test
  void qualifyingCircumstancesAreNotPaidByMedicare() {
    FeeResult fee = price("99100");
    assertEquals(UnpricedReason.STATUS_NOT_PAYABLE, fee.reason().orElseThrow());
    assertTrue(fee.detail().contains("Medicare does not pay"), fee::detail);
    assertTrue(AnesthesiaFeeSchedule.covers(code("99140")));
    assertFalse(AnesthesiaFeeSchedule.covers(code("99141")));
    assertFalse(AnesthesiaFeeSchedule.covers(code("02000")));
  }

  @Test
  void coversByPackedCodeAsByCode() {
    // Every five-digit CPT code and the edges of both ranges, both ways.
    for (int number = 0; number <= 99_999; number++) {
      assertEquals(
          AnesthesiaFeeSchedule.covers(CptCode.of(number)),
          AnesthesiaFeeSchedule.coversPacked(number),
          "code " + number);
    }
    assertTrue(AnesthesiaFeeSchedule.coversPacked(100));
    assertTrue(AnesthesiaFeeSchedule.coversPacked(1999));
    assertTrue(AnesthesiaFeeSchedule.coversPacked(99_100));
    assertFalse(AnesthesiaFeeSchedule.coversPacked(99));
    assertFalse(AnesthesiaFeeSchedule.coversPacked(ProcedureCode.parse("G0100").packed()));
  }

  @Test
  void anesthesiaByTheSurgeonIsNotPaidOnAnAnesthesiaCode() {
    FeeResult result = price("00790-AA-47 95min");
    assertEquals(UnpricedReason.MODIFIER_NOT_ALLOWED, result.reason().orElseThrow());
    assertTrue(result.toString().contains("47 (anesthesia by the surgeon)"), result.toString());
    // Without 47 the same line is paid.
    assertTrue(price("00790-AA 95min").amount().isPresent());
  }

  /**
   * A line refused for its own reason is paid nothing, so it is no member of the session: the other
   * line is paid alone with its own time, (6 + 45 / 15 = 3.0) x 19.79 = 178.11, and no explanation
   * says the refused line was paid.
   */
  @ParameterizedTest
  @CsvSource({
    "00790-AA-47 60min, MODIFIER_NOT_ALLOWED", // anesthesia by the surgeon
    "00790-AA-80 60min, MODIFIER_NOT_ALLOWED", // ASST SURG 9: no assistant at surgery
    "00790-AA-62 60min, MODIFIER_NOT_ALLOWED", // CO-SURG 9: no co-surgeon
    "00790-AA-26 60min, MODIFIER_NOT_ALLOWED", // PC/TC 9: no component
    "00790-AA-50 60min, MODIFIER_NOT_ALLOWED", // BILAT SURG 9: no second side
    "00790-AA-QK 60min, MODIFIER_NOT_ALLOWED", // two payment modifiers
    "00790 60min, MODIFIER_REQUIRED",
    "00100-AA 60min, NOT_IN_SCHEDULE", // no base units in this edition
    "01999-AA 60min, CARRIER_PRICED",
    "99100, STATUS_NOT_PAYABLE",
  })
  void aLineRefusedForItsOwnReasonTakesNoPartInTheSession(String refused, UnpricedReason reason) {
    for (List<ClaimLine> lines :
        List.of(
            List.of(ClaimLine.parse(refused), ClaimLine.parse("00840-AA 45min")),
            List.of(ClaimLine.parse("00840-AA 45min"), ClaimLine.parse(refused)))) {
      List<FeeResult> fees = SCHEDULE.priceSession(lines, rochester());
      FeeResult own = fees.get(lines.get(0).toString().equals(refused) ? 0 : 1);
      FeeResult paid = fees.get(lines.get(0).toString().equals(refused) ? 1 : 0);
      assertEquals(reason, own.reason().orElseThrow(), own::toString);
      assertFalse(own.toString().contains("anesthesia-session"), own::toString);
      assertEquals(new BigDecimal("178.11"), paid.amountOrThrow(), paid::toString);
      assertFalse(paid.toString().contains("anesthesia-session"), paid::toString);
    }
  }

  /**
   * A refusal that holds for every line (the date, the locality, its factor) is each line's own:
   * none is told it was paid through another that was not paid.
   */
  @Test
  void aSessionRefusedByItsContextRefusesEachLineAlike() {
    List<ClaimLine> lines =
        List.of(ClaimLine.parse("00790-AA 60min"), ClaimLine.parse("00840-AA 45min"));
    for (PricingContext context :
        List.of(
            PricingContext.withoutArea(DATE, Setting.FACILITY),
            rochester().withArea(Locality.parse("10112-00")),
            rochester().withDateOfService(DATE.plusYears(1)))) {
      List<FeeResult> fees = SCHEDULE.priceSession(lines, context);
      for (int i = 0; i < 2; i++) {
        assertEquals(
            SCHEDULE.price(lines.get(i), context).reason(), fees.get(i).reason(), fees::toString);
        assertFalse(fees.get(i).toString().contains("anesthesia-session"), fees::toString);
      }
    }
  }

  @Test
  void refusalsAreTyped() {
    assertEquals(UnpricedReason.MODIFIER_REQUIRED, price("00790 95min").reason().orElseThrow());
    assertEquals(
        UnpricedReason.MODIFIER_NOT_ALLOWED, price("00790-AA-QK 95min").reason().orElseThrow());
    assertEquals(UnpricedReason.NOT_IN_SCHEDULE, price("00100-AA 30min").reason().orElseThrow());
    assertEquals(
        UnpricedReason.DATE_NOT_COVERED,
        SCHEDULE
            .price(
                ClaimLine.parse("00790-AA 95min"), rochester().withDateOfService(DATE.plusYears(1)))
            .reason()
            .orElseThrow());
    assertEquals(
        UnpricedReason.NO_CONVERSION_FACTOR,
        SCHEDULE
            .price(
                ClaimLine.parse("00790-AA 95min"), rochester().withArea(Locality.parse("10112-00")))
            .reason()
            .orElseThrow());
    assertEquals(
        UnpricedReason.NO_LOCALITY,
        SCHEDULE
            .price(
                ClaimLine.parse("00790-AA 95min"),
                PricingContext.withoutArea(DATE, Setting.FACILITY))
            .reason()
            .orElseThrow());
  }

  @Test
  void nonParticipatingIsPaid95Percent() {
    // 263.207 x 0.95 = 250.04665 -> 250.05
    FeeResult fee =
        SCHEDULE.price(ClaimLine.parse("00790-AA 95min"), rochester().withParticipating(false));
    assertEquals(new BigDecimal("250.05"), fee.amountOrThrow());
  }

  /**
   * 95% of what a participating provider is paid, to the cent, as the physician fee schedule takes
   * 95% of its posted fee: (7 + 4.0) x 19.79 = 217.69, QK 50% = 108.845, paid 108.85; 95% of that
   * is 103.4075 -> 103.41. It was 95% of the unrounded 108.845, 103.40275 -> 103.40.
   */
  @Test
  void nonParticipatingIs95PercentOfTheParticipatingAmountInCents() {
    PricingContext nonPar = rochester().withParticipating(false);
    assertEquals(new BigDecimal("108.85"), price("00790-QK 60min").amountOrThrow());
    FeeResult fee = SCHEDULE.price(ClaimLine.parse("00790-QK 60min"), nonPar);
    assertEquals(new BigDecimal("103.41"), fee.amountOrThrow(), fee::toString);
    assertTrue(fee.explanation().has(AnesthesiaFeeSchedule.PAID_ROUNDED), fee::toString);
    // The same in a session, the path of the claim pricer: 30 + 30 minutes on 00790, 217.69 x 50%.
    List<FeeResult> session =
        SCHEDULE.priceSession(
            List.of(ClaimLine.parse("00790-QK 30min"), ClaimLine.parse("00840-QK 30min")), nonPar);
    assertEquals(new BigDecimal("103.41"), session.get(0).amountOrThrow(), session::toString);
    // 01953-QK non-participating: 9.90 x 95% = 9.405 -> 9.41 a line, and x3 three of them, 28.23
    // (not 95% of 29.70, 28.215 -> 28.22).
    assertEquals(
        new BigDecimal("9.41"),
        SCHEDULE.price(ClaimLine.parse("01953-QK"), nonPar).amountOrThrow());
    assertEquals(
        new BigDecimal("28.23"),
        SCHEDULE.price(ClaimLine.parse("01953-QK x3"), nonPar).amountOrThrow());
  }

  @Test
  void tablesCheckTheirInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AnesthesiaBaseUnits.of("x", Map.of(code("99213"), 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> AnesthesiaBaseUnits.of("x", Map.of(code("00790"), -1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> AnesthesiaConversionFactors.of("x", Map.of(MANHATTAN, BigDecimal.ZERO)));
    assertEquals(7, UNITS.find(code("00790")).getAsInt());
    assertFalse(UNITS.find(code("99213")).isPresent());
    assertEquals(
        "QK QX QY",
        List.of(AnesthesiaRole.values()).stream()
            .filter(r -> r.share().compareTo(BigDecimal.ONE) < 0)
            .map(r -> r.modifier().toString())
            .sorted()
            .collect(Collectors.joining(" ")));
    new NullPointerTester().testAllPublicStaticMethods(AnesthesiaBaseUnits.class);
    new NullPointerTester()
        .setDefault(PricingContext.class, rochester())
        .setDefault(ClaimLine.class, ClaimLine.parse("00790-AA 95min"))
        .setDefault(Claim.class, Claim.builder().add("00790-AA 95min").build())
        .setDefault(Locality.class, REST_OF_NY)
        .testAllPublicInstanceMethods(SCHEDULE);
  }
}
