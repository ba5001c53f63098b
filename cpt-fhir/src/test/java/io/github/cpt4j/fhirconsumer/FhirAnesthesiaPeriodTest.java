package io.github.cpt4j.fhirconsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.Setting;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fhir.FhirClaimPricer;
import io.github.cpt4j.fhir.FhirClaims;
import io.github.cpt4j.fhir.FhirMappingException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.junit.jupiter.api.Test;

/**
 * The anesthesia time of an item's timed {@code servicedPeriod}: before, an anesthesia item whose
 * time was given only so was mapped without minutes, and priced {@code NO_ANESTHESIA_TIME}, and one
 * that ran past midnight was refused as a period of two dates.
 */
class FhirAnesthesiaPeriodTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final PricingContext ROCHESTER =
      PricingContext.of(LocalDate.of(2025, 6, 2), Locality.parse("13282-99"), Setting.FACILITY);

  static final String ANESTHESIA =
      "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"00790\"}]},"
          + "\"modifier\":[{\"coding\":[{\"code\":\"AA\"}]}]";

  private static final String THERAPY =
      "{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"97110\"}]}";

  private static final String MINUTES =
      ",\"quantity\":{\"value\":%d,\"system\":\"http://unitsofmeasure.org\",\"code\":\"min\"}";

  static Claim claim(String product, String extra) {
    return FHIR.newJsonParser()
        .parseResource(
            Claim.class,
            "{\"resourceType\":\"Claim\",\"item\":[{\"sequence\":1,\"productOrService\":"
                + product
                + extra
                + "}]}");
  }

  static String period(String start, String end) {
    return ",\"servicedPeriod\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}";
  }

  private static BilledLine line(String product, String extra) {
    return FhirClaims.toClaim(claim(product, extra)).line(0);
  }

  private static FhirMappingException refused(String product, String extra) {
    return assertThrows(
        FhirMappingException.class, () -> FhirClaims.toClaim(claim(product, extra)));
  }

  /** Whole minutes elapsed, to the minute or the second, in one offset or two. */
  @Test
  void aTimedPeriodIsTheAnesthesiaTime() {
    for (String[] timed :
        List.of(
            new String[] {"2025-06-02T10:00:00-04:00", "2025-06-02T11:35:00-04:00", "95"},
            new String[] {"2025-06-02T10:00-04:00", "2025-06-02T11:35-04:00", "95"},
            new String[] {"2025-06-02T10:00:00-04:00", "2025-06-02T15:35:00Z", "95"},
            // A minute begun is no minute elapsed.
            new String[] {"2025-06-02T10:00:00-04:00", "2025-06-02T11:35:59.999-04:00", "95"},
            new String[] {"2025-06-02T10:00:30-04:00", "2025-06-02T11:35:29-04:00", "94"},
            new String[] {"2025-06-02T10:00:00Z", "2025-06-02T10:01:00Z", "1"})) {
      assertEquals(
          BilledLine.parse("00790-AA " + timed[2] + "min on 2025-06-02"),
          line(ANESTHESIA, period(timed[0], timed[1])),
          timed[0] + " to " + timed[1]);
    }
    // R4's net is quantity x unitPrice x factor: without a quantity, the unit price is the item's.
    assertEquals(
        BilledLine.parse("00790-AA 95min $800 on 2025-06-02"),
        line(
            ANESTHESIA,
            period("2025-06-02T10:00:00-04:00", "2025-06-02T11:35:00-04:00")
                + ",\"unitPrice\":{\"value\":800}"));
  }

  /**
   * One anesthesia service from 23:10 to 01:05 is 115 minutes on the day it started; other items
   * still need one day, and a period of days says no time.
   */
  @Test
  void aTimedAnesthesiaPastMidnightIsOneServiceOfItsStartsDay() {
    String pastMidnight = period("2025-06-02T23:10:00-05:00", "2025-06-03T01:05:00-05:00");
    assertEquals(BilledLine.parse("00790-AA 115min on 2025-06-02"), line(ANESTHESIA, pastMidnight));
    assertEquals(
        BilledLine.parse("00790-AA 115min on 2025-06-02"),
        line(ANESTHESIA, pastMidnight + MINUTES.formatted(115)));
    // Dated by its start as written: 23:10 in Chicago is 04:10Z of the next day.
    assertEquals(
        BilledLine.parse("00790-AA 115min on 2025-06-02"),
        line(ANESTHESIA, period("2025-06-02T23:10:00-05:00", "2025-06-03T06:05:00Z")));
    // The claim's billablePeriod of that one day holds it.
    Claim billed = claim(ANESTHESIA, pastMidnight);
    billed
        .getBillablePeriod()
        .setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2025-06-02"));
    billed.getBillablePeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2025-06-02"));
    assertEquals(
        BilledLine.parse("00790-AA 115min on 2025-06-02"), FhirClaims.toClaim(billed).line(0));

    assertEquals("Claim.item[0].servicedPeriod", refused(THERAPY, pastMidnight).path());
    assertEquals(
        "Claim.item[0].servicedPeriod",
        refused(ANESTHESIA, period("2025-06-02", "2025-06-03")).path());
  }

  /** A period of days, or with a time at one bound only, gives no time, as before. */
  @Test
  void aPeriodWithoutTwoTimesGivesNoTime() {
    for (String[] untimed :
        List.of(
            new String[] {"2025-06-02", "2025-06-02"},
            new String[] {"2025-06-02T10:00:00-04:00", "2025-06-02"},
            new String[] {"2025-06-02", "2025-06-02T11:35:00-04:00"})) {
      assertEquals(
          BilledLine.parse("00790-AA on 2025-06-02"),
          line(ANESTHESIA, period(untimed[0], untimed[1])),
          untimed[0] + " to " + untimed[1]);
    }
    // Non-anesthesia items read a timed period as its day, as before.
    assertEquals(
        BilledLine.parse("97110 on 2025-06-02"),
        line(THERAPY, period("2025-06-02T10:00:00-04:00", "2025-06-02T11:35:00-04:00")));
  }

  /**
   * A quantity in minutes and a timed period are two records of one time: equal, the line has it;
   * different, one of them is wrong, and the item is refused at the quantity, naming both.
   */
  @Test
  void aQuantityOfOtherMinutesThanThePeriodIsRefused() {
    String timed = period("2025-06-02T10:00:00-04:00", "2025-06-02T11:35:40-04:00");
    assertEquals(
        BilledLine.parse("00790-AA 95min on 2025-06-02"),
        line(ANESTHESIA, timed + MINUTES.formatted(95)));
    FhirMappingException e = refused(ANESTHESIA, timed + MINUTES.formatted(96));
    assertEquals("Claim.item[0].quantity.value", e.path());
    assertTrue(
        e.getMessage().contains("96 anesthesia minutes")
            && e.getMessage().contains("Claim.item[0].servicedPeriod")
            && e.getMessage().contains(") 95:"),
        e::getMessage);
  }

  /**
   * A timed period that cannot be anesthesia time is refused at its path: without an offset (R4
   * requires one with a time), reversed, of no whole minute, or longer than a line's most minutes.
   */
  @Test
  void aTimedPeriodThatIsNoAnesthesiaTimeIsRefused() {
    for (String[] bad :
        List.of(
            new String[] {"2025-06-02T10:00:00", "2025-06-02T11:35:00-04:00", ".start"},
            new String[] {"2025-06-02T10:00:00-04:00", "2025-06-02T11:35:00", ".end"},
            new String[] {"2025-06-02T11:35:00-04:00", "2025-06-02T10:00:00-04:00", ".end"},
            new String[] {"2025-06-02T10:00:00-04:00", "2025-06-02T10:00:59-04:00", ""},
            new String[] {"2025-06-02T10:00:00Z", "2025-06-09T08:40:00Z", ""})) {
      FhirMappingException e = refused(ANESTHESIA, period(bad[0], bad[1]));
      assertEquals("Claim.item[0].servicedPeriod" + bad[2], e.path(), bad[0] + " to " + bad[1]);
    }
    // Beside a quantity of minutes, a period without offsets is read for its day, as before.
    assertEquals(
        BilledLine.parse("00790-AA 30min on 2025-06-02"),
        line(
            ANESTHESIA,
            period("2025-06-02T10:00:00", "2025-06-02T11:35:00") + MINUTES.formatted(30)));
    // 9,999 minutes, the most a line carries, over nearly seven days: one service.
    assertEquals(
        BilledLine.parse("00790-AA 9999min on 2025-06-02"),
        line(ANESTHESIA, period("2025-06-02T10:00:00Z", "2025-06-09T08:39:59Z")));
  }

  /**
   * The response to an item timed by its period is the one to the same item with a quantity of the
   * same minutes: the same adjudications, amounts, reasons and notes.
   */
  @Test
  void theResponseIsTheOneToTheSameMinutesAsAQuantity() {
    String timed = period("2025-06-02T23:10:00-05:00", "2025-06-03T01:05:00-05:00");
    ClaimResponse byPeriod = pricer().price(knee(ANESTHESIA + timed), ROCHESTER);
    ClaimResponse byQuantity =
        pricer()
            .price(
                knee(ANESTHESIA + MINUTES.formatted(115) + ",\"servicedDate\":\"2025-06-02\""),
                ROCHESTER);
    assertTrue(
        FhirTest.adjudication(byPeriod.getItemFirstRep(), "eligible").hasAmount(),
        () -> FHIR.newJsonParser().encodeResourceToString(byPeriod));
    assertEquals(json(byQuantity), json(byPeriod));
  }

  /** {@code claim-knee.json} with one item, of {@code item}'s text after its product. */
  private static Claim knee(String item) {
    Claim knee =
        FHIR.newJsonParser().parseResource(Claim.class, FhirTest.resource("claim-knee.json"));
    knee.getItem().clear();
    knee.getItem().addAll(claim(item, "").getItem());
    return knee;
  }

  /** The response's items, notes and totals, as JSON. */
  private static String json(ClaimResponse response) {
    ClaimResponse parts = new ClaimResponse();
    parts.setItem(response.getItem());
    parts.setProcessNote(response.getProcessNote());
    parts.setTotal(response.getTotal());
    parts.setPayment(response.getPayment());
    parts.setOutcome(response.getOutcome());
    parts.setDisposition(response.getDisposition());
    return FHIR.newJsonParser().setPrettyPrint(true).encodeResourceToString(parts);
  }

  private static FhirClaimPricer pricer() {
    return FhirClaimPricer.of(
        MedicareClaimPricer.of(BundledData.medicareFeeSchedule()),
        Clock.fixed(Instant.parse("2025-06-04T00:00:00Z"), ZoneOffset.UTC));
  }
}
