package io.github.cpt4j.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PackedIndexTest {

  @Property
  void agreesWithAHashMap(
      @ForAll @Size(max = 300) Set<@IntRange(min = 0, max = 419_999) Integer> keySet,
      @ForAll @IntRange(min = -5, max = 420_005) int probe) {
    int[] keys = keySet.stream().mapToInt(Integer::intValue).toArray();
    Map<Integer, Integer> model = new HashMap<>();
    for (int i = 0; i < keys.length; i++) {
      model.put(keys[i], i);
    }
    PackedIndex index = PackedIndex.of(keys);
    assertEquals(keys.length, index.size());
    for (int i = 0; i < keys.length; i++) {
      assertEquals(i, index.positionOf(keys[i]));
    }
    assertEquals(model.getOrDefault(probe, -1), index.positionOf(probe));
  }

  @Test
  void rejectsDuplicateAndNegativeKeys() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PackedIndex.of(new int[] {5, 7, 5}));
    assertEquals("key 5 at positions 0 and 2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PackedIndex.of(new int[] {-3}));
  }

  @Test
  void emptyIndexFindsNothing() {
    assertEquals(-1, PackedIndex.of(new int[0]).positionOf(99213));
  }

  /** -1 marks an empty slot inside the table, so it is refused as a key like any negative key. */
  @Test
  void rejectsMinusOneTheEmptyMarker() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PackedIndex.of(new int[] {4, -1}));
    assertEquals("negative key -1 at position 1", e.getMessage());
  }

  /**
   * The table is one int pair a slot, at a load factor of at most one half: three keys take eight
   * slots of two ints each, behind the array's 16-byte header.
   */
  @Test
  void tableBytesCountsTheInterleavedPairs() {
    assertEquals(16 + 4 * 2 * 8, PackedIndex.of(new int[] {1, 2, 3}).tableBytes());
    assertEquals(16 + 4 * 2 * 4, PackedIndex.of(new int[0]).tableBytes());
  }
}
