package io.github.cpt4j.fee.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The round trips and orders of the Medicare value types, each order checked against one worked out
 * without the type's own packing: the calendar for quarters, the fixed-width text for localities,
 * the number for places of service.
 */
class MedicareValueProperties {

  // --- quarters -----------------------------------------------------------------------------

  @Provide
  Arbitrary<Quarter> quarters() {
    Arbitrary<Integer> years =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, 9999),
            Arbitraries.integers().between(2020, 2030),
            Arbitraries.of(1, 9, 10, 99, 100, 999, 1000, 9999));
    return Combinators.combine(years, Arbitraries.integers().between(1, 4)).as(Quarter::of);
  }

  /** Every quarter of years 1 to 9999 in each form {@link Quarter#parse} documents. */
  @Property
  void aQuarterRoundTripsInEveryForm(@ForAll("quarters") Quarter q) {
    String text = q.toString();
    assertTrue(text.matches("[0-9]{4}-Q[1-4]"), text);
    assertEquals(q, Quarter.parse(text));
    assertEquals(q, Quarter.parse(text.replace("-", "")));
    assertEquals(q, Quarter.parse(" " + text.toLowerCase(Locale.ROOT) + "\t"));
    assertEquals(q, Quarter.of(q.year(), q.quarter()));
    assertEquals(q, Quarter.of(q.firstDay()));
    assertEquals(q, Quarter.of(q.lastDay()));
  }

  /** Quarters are ordered as their first days are, and equal exactly when they compare equal. */
  @Property
  void quartersAreOrderedAsTheCalendar(
      @ForAll("quarters") Quarter a, @ForAll("quarters") Quarter b) {
    int order = Integer.signum(a.compareTo(b));
    assertEquals(Integer.signum(a.firstDay().compareTo(b.firstDay())), order, a + " vs " + b);
    assertEquals(-order, Integer.signum(b.compareTo(a)));
    assertEquals(order == 0, a.equals(b));
    assertEquals(order == 0, a.hashCode() == b.hashCode(), a + " vs " + b);
    assertEquals(order == 0, a.toString().equals(b.toString()));
  }

  // --- localities ---------------------------------------------------------------------------

  @Provide
  Arbitrary<Locality> localities() {
    Arbitrary<String> mac = Arbitraries.strings().numeric().ofLength(5);
    Arbitrary<String> number = Arbitraries.strings().numeric().ofLength(2);
    return Arbitraries.oneOf(
        Combinators.combine(mac, number).as(Locality::of),
        Combinators.combine(Arbitraries.of("13282", "01112", "10112", "00000", "99999"), number)
            .as(Locality::of));
  }

  /** Each of the three written forms reads back; the parts are the digits written. */
  @Property
  void aLocalityRoundTripsInEveryForm(@ForAll("localities") Locality l) {
    String text = l.toString();
    assertTrue(text.matches("[0-9]{5}-[0-9]{2}"), text);
    assertEquals(text, l.mac() + "-" + l.number());
    assertEquals(l, Locality.parse(text));
    assertEquals(l, Locality.parse(l.mac() + " " + l.number()));
    assertEquals(l, Locality.parse("\u00a0" + l.mac() + l.number() + " "));
    assertEquals(l, Locality.valueOf(text));
    assertEquals(l, Locality.of(l.mac(), l.number()));
    assertEquals(l, Locality.ofPacked(l.packed()));
    assertEquals(text, l.id());
  }

  /**
   * Localities are ordered by contractor, then number: as their fixed-width texts are, which no
   * packing is involved in; equal exactly when they compare equal.
   */
  @Property
  void localitiesAreOrderedByContractorThenNumber(
      @ForAll("localities") Locality a, @ForAll("localities") Locality b) {
    int order = Integer.signum(a.compareTo(b));
    assertEquals(Integer.signum(a.toString().compareTo(b.toString())), order, a + " vs " + b);
    assertEquals(-order, Integer.signum(b.compareTo(a)));
    assertEquals(order == 0, a.equals(b));
    assertEquals(order == 0, a.hashCode() == b.hashCode(), a + " vs " + b);
  }

  // --- places of service --------------------------------------------------------------------

  /** All 99 places: each reads back from its two digits and from one digit, as the same object. */
  @Test
  void everyPlaceOfServiceRoundTripsAndIsOrderedByNumber() {
    for (int code = 1; code <= 99; code++) {
      PlaceOfService place = PlaceOfService.of(code);
      String text = place.toString();
      assertEquals(String.format("%02d", code), text);
      assertEquals(code, place.code());
      assertSame(place, PlaceOfService.parse(text));
      assertSame(place, PlaceOfService.parse("\t" + code + "\u3000"));
      if (code > 1) {
        PlaceOfService before = PlaceOfService.of(code - 1);
        assertTrue(before.compareTo(place) < 0 && place.compareTo(before) > 0, text);
        assertTrue(before.toString().compareTo(text) < 0, text);
      }
      assertEquals(0, place.compareTo(PlaceOfService.parse(text)));
    }
  }

  @Test
  void placesOfServiceAreValues() {
    new EqualsTester()
        .addEqualityGroup(PlaceOfService.OFFICE, PlaceOfService.of(11), PlaceOfService.parse("11"))
        .addEqualityGroup(PlaceOfService.parse("02"), PlaceOfService.parse("2"))
        .addEqualityGroup(PlaceOfService.of(99))
        .testEquals();
    new NullPointerTester().testAllPublicInstanceMethods(PlaceOfService.OFFICE);
    new NullPointerTester().testAllPublicInstanceMethods(Locality.parse("13282-99"));
  }
}
