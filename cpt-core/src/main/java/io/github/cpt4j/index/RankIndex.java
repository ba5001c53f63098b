package io.github.cpt4j.index;

import static java.util.Objects.requireNonNull;

/**
 * An immutable map from the keys of a strictly increasing {@code int} array to their positions in
 * it, for keys below a bound: a bitmap with one bit per possible key, and beside every 64-bit word
 * of it the number of keys before that word. The position of a present key is its rank: the count
 * before its word plus the set bits below it in the word ({@link Long#bitCount}, one instruction on
 * current CPUs).
 *
 * <p>What it buys over {@link PackedIndex}: for a key space that the keys fill densely enough, such
 * as the 16,852 codes of a full CMS file among the 420,000 packed codes, the whole structure is 16
 * bytes per 64 possible keys (105 KiB here, against 512 KiB for the hash table), so it stays in the
 * L2 cache, and a lookup is one read of one 16-byte pair (word and count side by side in one cache
 * line) with no probing and no key comparison. {@link #isWorthwhile} says when it is the smaller
 * structure.
 */
public final class RankIndex {

  /** Bitmap words at even indices, the count of keys before each word at the odd index after it. */
  private final long[] table;

  private final int bound;
  private final int size;

  private RankIndex(long[] table, int bound, int size) {
    this.table = table;
    this.bound = bound;
    this.size = size;
  }

  /**
   * Tells whether a rank index over keys below {@code bound} is smaller than a {@link PackedIndex}
   * of {@code keyCount} keys, whose table takes 16 to 32 bytes per key.
   */
  public static boolean isWorthwhile(int keyCount, int bound) {
    return (long) bound / 4 <= 16L * keyCount;
  }

  /**
   * Indexes {@code sortedKeys}: {@link #positionOf(int) positionOf(sortedKeys[i])} will return
   * {@code i}.
   *
   * @throws IllegalArgumentException if the keys are not strictly increasing, or one is negative or
   *     not below {@code bound} (the message names the key and its position)
   */
  public static RankIndex of(int[] sortedKeys, int bound) {
    requireNonNull(sortedKeys, "sortedKeys");
    if (bound < 0) {
      throw new IllegalArgumentException("negative bound " + bound);
    }
    int words = (bound + 63) >>> 6;
    long[] table = new long[words * 2];
    int previous = -1;
    for (int position = 0; position < sortedKeys.length; position++) {
      int key = sortedKeys[position];
      if (key < 0 || key >= bound) {
        throw new IllegalArgumentException(
            "key " + key + " at position " + position + " is outside [0, " + bound + ")");
      }
      if (key <= previous) {
        throw new IllegalArgumentException(
            "key " + key + " at position " + position + " does not follow " + previous);
      }
      previous = key;
      table[(key >>> 6) << 1] |= 1L << key;
    }
    long count = 0;
    for (int w = 0; w < words; w++) {
      table[(w << 1) + 1] = count;
      count += Long.bitCount(table[w << 1]);
    }
    return new RankIndex(table, bound, sortedKeys.length);
  }

  /** Returns the position of {@code key} in the array the index was built from, or -1. */
  public int positionOf(int key) {
    // One unsigned comparison rejects negative keys and keys past the bound.
    if (Integer.compareUnsigned(key, bound) >= 0) {
      return -1;
    }
    int at = (key >>> 6) << 1;
    long word = table[at];
    long bit = 1L << key; // the shift takes the low six bits of key
    if ((word & bit) == 0) {
      return -1;
    }
    return (int) table[at + 1] + Long.bitCount(word & (bit - 1));
  }

  /** Returns the number of keys. */
  public int size() {
    return size;
  }

  /** Returns the bytes the table occupies, for memory budgets and benchmarks. */
  public long tableBytes() {
    return 16L + 8L * table.length;
  }
}
