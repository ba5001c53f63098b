package io.github.cpt4j.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RankIndexTest {

  @Property
  void agreesWithABinarySearch(
      @ForAll @Size(max = 300) Set<@IntRange(min = 0, max = 4_999) Integer> keySet,
      @ForAll @IntRange(min = -5, max = 5_005) int probe) {
    int[] keys = keySet.stream().mapToInt(Integer::intValue).sorted().toArray();
    RankIndex index = RankIndex.of(keys, 5_000);
    assertEquals(keys.length, index.size());
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i, index.positionOf(keys[i]));
    }
    int found = Arrays.binarySearch(keys, probe);
    assertEquals(found >= 0 ? found : -1, index.positionOf(probe));
  }

  @Test
  void findsKeysAtWordEdgesAndTheBound() {
    int[] keys = {0, 1, 63, 64, 127, 128, 419_999};
    RankIndex index = RankIndex.of(keys, 420_000);
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i, index.positionOf(keys[i]));
    }
    assertEquals(-1, index.positionOf(2));
    assertEquals(-1, index.positionOf(420_000));
    assertEquals(-1, index.positionOf(Integer.MAX_VALUE));
    assertEquals(-1, index.positionOf(-1));
    assertEquals(-1, index.positionOf(Integer.MIN_VALUE));
  }

  @Test
  void rejectsUnsortedDuplicateAndOutOfRangeKeys() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RankIndex.of(new int[] {5, 7, 7}, 10));
    assertEquals("key 7 at position 2 does not follow 7", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RankIndex.of(new int[] {7, 5}, 10));
    assertThrows(IllegalArgumentException.class, () -> RankIndex.of(new int[] {-3}, 10));
    assertThrows(IllegalArgumentException.class, () -> RankIndex.of(new int[] {10}, 10));
  }

  @Test
  void emptyIndexFindsNothing() {
    assertEquals(-1, RankIndex.of(new int[0], 420_000).positionOf(99213));
  }

  @Test
  void worthwhileOnlyWhenDenseEnough() {
    assertTrue(RankIndex.isWorthwhile(16_852, 420_000));
    assertFalse(RankIndex.isWorthwhile(741, 420_000));
  }
}
