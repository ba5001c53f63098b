package io.github.cpt4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;

/**
 * Assertions that two ZIP code tables are the same entry for entry, for the tests of the loaders'
 * fast paths against their general readers.
 */
public final class SameTables {

  private SameTables() {}

  /** Same size, and the same ranges with the same localities and plus-four flags. */
  public static void assertSameZips(ZipLocalityTable expected, ZipLocalityTable actual) {
    assertEquals(expected.toString(), actual.toString());
    assertEquals(expected.size(), actual.size());
    assertEquals(expected.rangeCount(), actual.rangeCount());
    for (int i = 0; i < expected.rangeCount(); i++) {
      assertEquals(expected.rangeStart(i), actual.rangeStart(i));
      assertEquals(expected.rangeEnd(i), actual.rangeEnd(i));
      assertEquals(expected.rangeLocality(i), actual.rangeLocality(i));
      assertEquals(expected.rangeSplitByPlusFour(i), actual.rangeSplitByPlusFour(i));
    }
  }

  /** The same states, and the same state and rural flag for each ZIP code below {@code zips}. */
  public static void assertSameStates(DmeposZipTable expected, DmeposZipTable actual, int zips) {
    assertEquals(expected.toString(), actual.toString());
    assertEquals(expected.states(), actual.states());
    assertEquals(expected.ruralCount(), actual.ruralCount());
    assertArrayEquals(areas(expected, zips), areas(actual, zips));
  }

  /** Each ZIP code's state index, negated when the ZIP code is rural: one array to compare. */
  private static int[] areas(DmeposZipTable table, int zips) {
    int[] areas = new int[zips];
    for (int zip = 0; zip < zips; zip++) {
      areas[zip] = table.isRural(zip) ? -1 - table.stateIndex(zip) : table.stateIndex(zip);
    }
    return areas;
  }
}
