package io.github.cpt4j.index;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

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

  private static final int EMPTY = -1;
  private static final int GOLDEN = 0x9E3779B9;

  private final int[] keys;
  private final int shift;
  private final int size;

  private PackedSlots(int[] keys, int shift, int size) {
    this.keys = keys;
    this.shift = shift;
    this.size = size;
  }

  /**
   * Gives each of {@code keys} its slot.
   *
   * @throws IllegalArgumentException if a key is negative or appears twice (the message names the
   *     key and both positions)
   */
  public static PackedSlots of(int[] keys) {
    requireNonNull(keys, "keys");
    int capacity = Integer.highestOneBit(Math.max(2, keys.length) * 2 - 1) << 1;
    int[] table = new int[capacity];
    int[] positions = new int[capacity]; // for the duplicate-key message only
    Arrays.fill(table, EMPTY);
    int mask = capacity - 1;
    int shift = 32 - Integer.numberOfTrailingZeros(capacity);
    for (int position = 0; position < keys.length; position++) {
      int key = keys[position];
      if (key < 0) {
        throw new IllegalArgumentException("negative key " + key + " at position " + position);
      }
      int slot = (key * GOLDEN) >>> shift;
      while (table[slot] != EMPTY) {
        if (table[slot] == key) {
          throw new IllegalArgumentException(
              "key " + key + " at positions " + positions[slot] + " and " + position);
        }
        slot = (slot + 1) & mask;
      }
      table[slot] = key;
      positions[slot] = position;
    }
    return new PackedSlots(table, shift, keys.length);
  }

  /**
   * Returns the slot of {@code key}, or -1 if it is not in the set. The slots of distinct keys are
   * distinct and below {@link #slotCount()}.
   */
  public int slotOf(int key) {
    int[] t = keys;
    int slot = (key * GOLDEN) >>> shift;
    while (true) {
      int k = t[slot];
      // EMPTY first: it is also the negative key -1, which must find nothing.
      if (k == EMPTY) {
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

  /** Returns the bytes the table occupies, for memory budgets and benchmarks. */
  public long tableBytes() {
    return 16L + 4L * keys.length;
  }
}
