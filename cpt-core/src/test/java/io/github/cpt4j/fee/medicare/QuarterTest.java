package io.github.cpt4j.fee.medicare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.testing.EqualsTester;
import com.google.common.testing.NullPointerTester;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class QuarterTest {

  @Test
  void firstAndLastDays() {
    Quarter q1 = Quarter.parse("2025-Q1");
    assertEquals(LocalDate.of(2025, 1, 1), q1.firstDay());
    assertEquals(LocalDate.of(2025, 3, 31), q1.lastDay());
    assertEquals(LocalDate.of(2024, 12, 31), Quarter.of(2024, 4).lastDay());
    assertTrue(q1.contains(LocalDate.of(2025, 3, 31)));
    assertFalse(q1.contains(LocalDate.of(2025, 4, 1)));
    assertFalse(q1.contains(LocalDate.of(2024, 1, 1)));
    assertEquals(Quarter.of(2025, 2), Quarter.of(LocalDate.of(2025, 5, 20)));
    assertEquals(q1, Quarter.parse("2025q1"));
    assertEquals("2025-Q1", q1.toString());
    assertTrue(q1.compareTo(Quarter.of(2025, 2)) < 0);
    assertTrue(Quarter.of(2026, 1).compareTo(Quarter.of(2025, 4)) > 0);
  }

  @Test
  void rejectsMalformedQuarters() {
    for (String bad :
        new String[] {"", "2025", "2025-Q5", "2025-Q0", "25-Q1", "2025/Q1", "0000-Q1"}) {
      assertThrows(IllegalArgumentException.class, () -> Quarter.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Quarter.of(2025, 0));
    assertThrows(IllegalArgumentException.class, () -> Quarter.of(0, 1));
  }

  @Test
  void valueSemantics() {
    new EqualsTester()
        .addEqualityGroup(Quarter.of(2025, 1), Quarter.parse("2025-Q1"))
        .addEqualityGroup(Quarter.of(2025, 2))
        .addEqualityGroup(Quarter.of(2024, 1))
        .testEquals();
    new NullPointerTester().testAllPublicStaticMethods(Quarter.class);
    new NullPointerTester().testAllPublicInstanceMethods(Quarter.of(2025, 1));
  }

  @Property
  void everyDayIsInTheQuarterItNames(@ForAll @IntRange(min = 0, max = 2_932_000) int epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    Quarter quarter = Quarter.of(date);
    assertTrue(quarter.contains(date));
    assertFalse(date.isBefore(quarter.firstDay()) || date.isAfter(quarter.lastDay()));
    assertEquals(quarter, Quarter.parse(quarter.toString()));
  }

  /** The documented bounds: quarters 1 to 4 of years 1 to 9999, nothing beyond either end. */
  @Test
  void rejectsQuartersAndYearsJustBeyondTheRange() {
    assertThrows(IllegalArgumentException.class, () -> Quarter.of(2025, 5));
    assertThrows(IllegalArgumentException.class, () -> Quarter.of(10_000, 1));
    assertEquals(LocalDate.of(9999, 12, 31), Quarter.of(9999, 4).lastDay());
    assertEquals(LocalDate.of(1, 1, 1), Quarter.of(1, 1).firstDay());
  }

  /** Every one of the four year characters must be a digit, the last as much as the first. */
  @Test
  void rejectsANonDigitAnywhereInTheYear() {
    for (String bad :
        new String[] {"x025-Q1", "2x25-Q1", "20x5-Q1", "202x-Q1", "202xQ1", "202 Q1"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Quarter.parse(bad), bad);
      assertEquals("expected a quarter such as 2025-Q1, not '" + bad + "'", e.getMessage(), bad);
    }
  }

  /** Blanks around the text (tabs, no-break and other Unicode spaces) are not part of it. */
  @Test
  void parsesWithBlanksAround() {
    Quarter q1 = Quarter.of(2025, 1);
    assertEquals(q1, Quarter.parse(" 2025-Q1\t"));
    assertEquals(q1, Quarter.parse("\u00a02025q1\u3000"));
    assertThrows(IllegalArgumentException.class, () -> Quarter.parse("2025-Q1\n"));
  }

  /** The detail of a date outside the quarter names the whole quarter, first day to last. */
  @Test
  void notCoveringNamesBothEndsOfTheQuarter() {
    assertEquals(
        "ASP covers 2025-01-01 to 2025-03-31, not 2025-04-01",
        Quarter.of(2025, 1).notCovering("ASP", LocalDate.of(2025, 4, 1)));
  }
}
