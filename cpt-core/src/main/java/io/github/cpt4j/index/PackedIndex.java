package io.github.cpt4j.index;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * An immutable map from non-negative {@code int} keys to their positions in the array the index was
 * built from: the lookup structure behind code sets and fee schedules, keyed by {@link
 * io.github.cpt4j.code.ProcedureCode#packed() packed codes} (or a packed code combined with a
 * modifier slot).
 *
 * <p>Open addressing with linear probing over one interleaved {@code int[]} (key, position), at a
 * load factor of at most one half, with Fibonacci hashing. A lookup is a multiply, a shift and
 * usually one or two reads from the same cache line; it never allocates and never boxes.
 */
public final class PackedIndex {

  static final int EMPTY = -1;
  static final int GOLDEN = 0x9E3779B9;

  private final int[] table;
  private final int mask;
  private final int shift;
  private final int size;

  private PackedIndex(int[] table, int mask, int shift, int size) {
    this.table = table;
    this.mask = mask;
    this.shift = shift;
    this.size = size;
  }

  /**
   * Indexes {@code keys}: {@link #positionOf(int) positionOf(keys[i])} will return {@code i}.
   *
   * @throws IllegalArgumentException if a key is negative
   * @throws RepeatedKeyException if a key appears twice (it names the key and both positions)
   */
  public static PackedIndex of(int[] keys) {
    requireNonNull(keys, "keys");
    int capacity = Integer.highestOneBit(Math.max(2, keys.length) * 2 - 1) << 1;
    int[] table = new int[capacity * 2];
    Arrays.fill(table, EMPTY);
    int mask = capacity - 1;
    int shift = 32 - Integer.numberOfTrailingZeros(capacity);
    for (int position = 0; position < keys.length; position++) {
      int key = keys[position];
      if (key < 0) {
        throw new IllegalArgumentException("negative key " + key + " at position " + position);
      }
      int slot = (key * GOLDEN) >>> shift;
      while (table[slot * 2] != EMPTY) {
        if (table[slot * 2] == key) {
          throw new RepeatedKeyException(key, table[slot * 2 + 1], position);
        }
        slot = (slot + 1) & mask;
      }
      table[slot * 2] = key;
      table[slot * 2 + 1] = position;
    }
    return new PackedIndex(table, mask, shift, keys.length);
  }

  /** Returns the position of {@code key} in the array the index was built from, or -1. */
  public int positionOf(int key) {
    int[] t = table;
    int slot = (key * GOLDEN) >>> shift;
    while (true) {
      int k = t[slot << 1];
      if (k == key) {
        return t[(slot << 1) + 1];
      }
      if (k == EMPTY) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The keys by slot, {@link #EMPTY} in empty slots: the table of a {@link PackedSlots}. */
  int[] keysBySlot() {
    int[] keys = new int[mask + 1];
    for (int slot = 0; slot < keys.length; slot++) {
      keys[slot] = table[slot << 1];
    }
    return keys;
  }

  /** The shift of the Fibonacci hash: the slot of a key is {@code (key * GOLDEN) >>> shift}. */
  int shift() {
    return shift;
  }

  /** Returns the number of keys. */
  public int size() {
    return size;
  }

  /** Returns the bytes the table occupies, for memory budgets and benchmarks. */
  public long tableBytes() {
    return 16L + 4L * table.length;
  }
}
