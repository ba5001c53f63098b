package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.code.CodeFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Watches the claim values of a batch in the file's order for one that comes back after other
 * claims. A batch makes a claim of adjacent rows with one value, so such a value's rows are priced
 * (or checked) as separate claims, and the multiple-procedure reductions and the pair edits across
 * them are lost: an unsorted export overpays without a word unless this says so.
 *
 * <p>The memory is fixed whatever the file's length: the values of the last {@value #WINDOW} claims
 * that ended, in a ring with a hash table over it. A value that comes back later than that is not
 * seen, nor is a value longer than {@value #MAX_VALUE_BYTES} bytes (claim numbers are a few dozen).
 * Each claim costs a lookup and an insertion, each row nothing: the caller tells only when a claim
 * starts. Not thread-safe; the reader thread, which sees the rows in order, owns it.
 */
public final class ClaimOrder {

  /** How many ended claims are remembered. */
  static final int WINDOW = 4_096;

  /** The longest value remembered, in UTF-8 bytes. */
  static final int MAX_VALUE_BYTES = 256;

  /** Four table positions per value: linear probing stays short. */
  private static final int MASK = 4 * WINDOW - 1;

  /**
   * The claim values that came back after other claims: how many times one did, and the first that
   * did with the line its rows started on again.
   *
   * @param count how many times a claim value came back after other claims
   * @param first the first value that did, empty when none did
   * @param line the line of the input file on which it came back, 0 when none did
   */
  public record Returns(long count, String first, long line) {

    /** No claim came back. */
    public static final Returns NONE = new Returns(0, "", 0);

    /** Checks that the first value is given. */
    public Returns {
      requireNonNull(first, "first");
    }

    /**
     * Returns the warning, as {@code claim 'A' comes back at file line 4 after other claims: its
     * rows are priced as separate claims; sort the file by claim}. The line is the input file's,
     * said as such: explanations beside it count a claim's own lines ("20610 (line 2)").
     *
     * @param done what the command did with the rows ({@code "priced"}, {@code "checked"})
     */
    public String message(String done) {
      String tail = " as separate claims; sort the file by claim";
      if (count == 1) {
        return "claim "
            + CodeFormatException.quote(first)
            + " comes back at file line "
            + line
            + " after other claims: its rows are "
            + done
            + tail;
      }
      return String.format(
              Locale.ROOT, "claim values come back %,d times after other claims, first ", count)
          + CodeFormatException.quote(first)
          + " at file line "
          + line
          + ": their rows are "
          + done
          + tail;
    }
  }

  /** The value in each slot of the ring, by its first {@code lengths[slot]} bytes. */
  private final byte[][] values = new byte[WINDOW][];

  /** Each slot's value's length; -1 when the slot holds none. */
  private final int[] lengths = new int[WINDOW];

  private final int[] hashes = new int[WINDOW];

  /** Open addressing over the ring: a slot plus one, 0 for a free position. */
  private final int[] table = new int[MASK + 1];

  /** The slot the next ended claim takes, the oldest's. */
  private int nextSlot;

  /** The open claim's value; its length is -1 when there is no open claim to remember. */
  private byte[] open = new byte[32];

  private int openLength = -1;
  private int openHash;

  private long count;
  private String first = "";
  private long firstLine;

  ClaimOrder() {
    Arrays.fill(lengths, -1);
  }

  /**
   * Tells that a claim of the non-empty value {@code value[0, length)} starts on line {@code line},
   * after the rows of another claim or none: the claim before it ends.
   */
  void start(byte[] value, int length, long line) {
    if (openLength >= 0) {
      remember(open, openLength, openHash);
    }
    if (length > MAX_VALUE_BYTES) {
      openLength = -1;
      return;
    }
    int hash = hash(value, length);
    if (find(value, length, hash) >= 0 && count++ == 0) {
      first = new String(value, 0, length, StandardCharsets.UTF_8);
      firstLine = line;
    }
    if (open.length < length) {
      open = new byte[Math.max(length, 2 * open.length)];
    }
    System.arraycopy(value, 0, open, 0, length);
    openLength = length;
    openHash = hash;
  }

  /** Returns the claim values that came back so far. */
  Returns returns() {
    return count == 0 ? Returns.NONE : new Returns(count, first, firstLine);
  }

  /** Puts a value in the newest slot, the oldest value leaving; a value held already moves. */
  private void remember(byte[] value, int length, int hash) {
    int held = find(value, length, hash);
    if (held >= 0) {
      remove(held);
    }
    int slot = nextSlot;
    nextSlot = (nextSlot + 1) % WINDOW;
    if (lengths[slot] >= 0) {
      remove(find(values[slot], lengths[slot], hashes[slot]));
    }
    if (values[slot] == null || values[slot].length < length) {
      values[slot] = new byte[Math.max(length, 16)];
    }
    System.arraycopy(value, 0, values[slot], 0, length);
    lengths[slot] = length;
    hashes[slot] = hash;
    int i = hash & MASK;
    while (table[i] != 0) {
      i = (i + 1) & MASK;
    }
    table[i] = slot + 1;
  }

  /** The table position of a value, or -1; the table is never full, so the probe ends. */
  private int find(byte[] value, int length, int hash) {
    for (int i = hash & MASK; ; i = (i + 1) & MASK) {
      int entry = table[i];
      if (entry == 0) {
        return -1;
      }
      int slot = entry - 1;
      if (hashes[slot] == hash && Arrays.equals(values[slot], 0, lengths[slot], value, 0, length)) {
        return i;
      }
    }
  }

  /**
   * Frees a table position and its slot, moving back the entries after it that could no longer be
   * found past the gap (deletion in linear probing, without markers that would fill the table).
   */
  private void remove(int position) {
    lengths[table[position] - 1] = -1;
    int gap = position;
    table[gap] = 0;
    for (int i = (gap + 1) & MASK; table[i] != 0; i = (i + 1) & MASK) {
      int home = hashes[table[i] - 1] & MASK;
      // The entry stays if its home lies cyclically in (gap, i]: its probe does not cross the gap.
      boolean stays = gap <= i ? gap < home && home <= i : gap < home || home <= i;
      if (!stays) {
        table[gap] = table[i];
        table[i] = 0;
        gap = i;
      }
    }
  }

  /** A hash of the bytes with their bits spread, for the low bits to index the table. */
  private static int hash(byte[] value, int length) {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + value[i];
    }
    h ^= h >>> 16;
    h *= 0x85eb_ca6b;
    h ^= h >>> 13;
    h *= 0xc2b2_ae35;
    return h ^ (h >>> 16);
  }
}
