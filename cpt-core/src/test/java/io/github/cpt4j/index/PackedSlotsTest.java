package io.github.cpt4j.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PackedSlotsTest {

  /** Every key has a slot of its own below the slot count; any other value has none. */
  @Property
  void givesEachKeyItsOwnSlot(
      @ForAll @Size(max = 300) Set<@IntRange(min = 0, max = 419_999) Integer> keySet,
      @ForAll @IntRange(min = -5, max = 420_005) int probe) {
    int[] keys = keySet.stream().mapToInt(Integer::intValue).toArray();
    PackedSlots slots = PackedSlots.of(keys);
    assertEquals(keys.length, slots.size());
    assertTrue(slots.slotCount() >= 2 * keys.length, "load factor at most one half");
    Set<Integer> seen = new HashSet<>();
    for (int key : keys) {
      int slot = slots.slotOf(key);
      assertTrue(slot >= 0 && slot < slots.slotCount(), "slot " + slot);
      assertTrue(seen.add(slot), "slot " + slot + " given twice");
    }
    if (!keySet.contains(probe)) {
      assertEquals(-1, slots.slotOf(probe));
    }
  }

  /** Keys that share a home slot (multiples of the table size) probe on to free slots. */
  @Test
  void collidingKeysGetDistinctSlots() {
    PackedSlots slots = PackedSlots.of(new int[] {0, 1 << 16, 2 << 16, 3 << 16});
    assertEquals(8, slots.slotCount());
    int first = slots.slotOf(0);
    assertNotEquals(first, slots.slotOf(1 << 16));
    assertNotEquals(slots.slotOf(2 << 16), slots.slotOf(3 << 16));
    assertEquals(-1, slots.slotOf(4 << 16));
  }

  @Test
  void rejectsDuplicateAndNegativeKeys() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PackedSlots.of(new int[] {5, 7, 5}));
    assertEquals("key 5 at positions 0 and 2", e.getMessage());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> PackedSlots.of(new int[] {4, -3}));
    assertEquals("negative key -3 at position 1", negative.getMessage());
  }

  @Test
  void emptySetFindsNothing() {
    PackedSlots empty = PackedSlots.of(new int[0]);
    assertEquals(-1, empty.slotOf(99213));
    assertEquals(0, empty.size());
  }
}
