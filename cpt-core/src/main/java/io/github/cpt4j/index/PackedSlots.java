package io.github.cpt4j.index;

/**
 * An immutable set of non-negative {@code int} keys that gives each key a distinct slot, for
 * callers that keep their values in an array by slot: {@link PackedIndex} without the positions.
 *
 * <p>What leaving out the positions buys: a lookup by slot reads only keys, and an array of keys
 * alone is half the size of {@link PackedIndex}'s interleaved pairs, so twice as many keys share a
 * cache line and the table takes half the memory (256 KiB instead of 512 for the 16,852 codes of a
 * full CMS code set). The same hashing as {@link PackedIndex}: open addressing, linear probing, a
 * load factor of at most one half, Fibonacci hashing.
 */
public final class PackedSlots {

  private final int[] keys;
  private final int shift;
  private final int size;

  private PackedSlots(int[] keys, int shift, int size) {
    this.keys = keys;
    this.shift = shift;
    this.size = size;
  }

  /**
   * Gives each of {@code keys} its slot: the slots of a {@link PackedIndex} of the same keys, built
   * by it (so that both hash alike and check their keys alike), without the positions.
   *
   * @throws IllegalArgumentException if a key is negative or appears twice (the message names the
   *     key and both positions)
   */
  public static PackedSlots of(int[] keys) {
    PackedIndex index = PackedIndex.of(keys);
    return new PackedSlots(index.keysBySlot(), index.shift(), index.size());
  }

  /**
   * Returns the slot of {@code key}, or -1 if it is not in the set. The slots of distinct keys are
   * distinct and below {@link #slotCount()}.
   */
  public int slotOf(int key) {
    int[] t = keys;
    int slot = (key * PackedIndex.GOLDEN) >>> shift;
    while (true) {
      int k = t[slot];
      // EMPTY first: it is also the negative key -1, which must find nothing.
      if (k == PackedIndex.EMPTY) {
        return -1;
      }
      if (k == key) {
        return slot;
      }
      slot = (slot + 1) & (t.length - 1);
    }
  }

  /** Returns the number of slots, an upper bound of {@link #slotOf}. */
  public int slotCount() {
    return keys.length;
  }

  /** Returns the number of keys. */
  public int size() {
    return size;
  }
}
