package io.github.cpt4j.codeset;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.index.PackedSlots;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;

/**
 * The flat code set: entries sorted by packed code, and one pre-built {@code Optional} per entry,
 * so that a hit allocates nothing. The {@code Optional}s of the codes at the start of the packed
 * order, where codes are dense (all of CPT in a full code set), sit in a table indexed by the
 * packed code itself; those of the other codes sit at their key's hash slot ({@link PackedSlots}).
 */
final class IndexedCodeSet extends CodeSet {

  static final IndexedCodeSet EMPTY = new IndexedCodeSet(ImmutableList.of());

  /**
   * The most slots the direct table may spend per code it holds: 16 references, 64 bytes. Over the
   * 2025 CMS code set it then holds every CPT code (10,881 codes, packed values below 140,988: 13
   * slots each) and no Level II code; over the bundled sample, whose codes are spread thin, none.
   */
  private static final int MAX_SLOTS_PER_DIRECT_CODE = 16;

  private final ImmutableList<CodeEntry> entries;
  private final int[] packed;

  /** The slots of the codes past the {@link #direct} table. */
  private final PackedSlots index;

  /**
   * The {@code Optional} of each entry past the {@link #direct} table at its key's hash slot
   * ({@link PackedSlots#slotOf}), null in empty slots. What it buys (issue 18): the read of the
   * result depends only on the slot, which the hash gives, so it runs beside the read of the key
   * instead of after it; by position (the index's {@code positionOf}, or a rank over a bitmap of
   * the codes) it waits for one more read. {@code lookupByCode} over the full 2025 code set took
   * 3.6 ns of CPU instead of 5.0-5.8 with the rank index, over the sample 3.4 instead of 4.0; the
   * price is memory: 0.9 MiB for the full set instead of 0.56 (less than a {@code HashMap} of the
   * same entries). The slots hold keys only ({@link PackedSlots}, not a {@code PackedIndex}'s
   * key-position pairs): the positions were never read here, and leaving them out halves the table.
   */
  private final Optional<?>[] hits;

  /**
   * The {@code Optional} of each entry whose packed code is below the table's length, at its packed
   * code; null for the codes in that range that the set lacks. What it buys (issue 18): a lookup in
   * it is one read, with no hash to compute and no key to compare first. {@code lookupByCode} over
   * the full 2025 code set, whose keys are mostly CPT codes, took 4.4-4.7 ns in JMH instead of
   * 5.4-5.6, and 2.9-3.0 ns of thread CPU time instead of 3.5-3.6 (a Level II code still goes by
   * hash). The price is memory, bounded by {@link #MAX_SLOTS_PER_DIRECT_CODE}: 551 KiB of table for
   * the full set, whose index then takes 1.05 MiB instead of 907 KiB, still less than a {@code
   * HashMap}'s 1.41 MiB. One table over every code (1.6 MiB) was faster still, 4.3 ns, and a table
   * of pages (a read of the page first) no faster than the hash.
   */
  private final Optional<?>[] direct;

  /** {@code direct.length}, in a field so that a key past the table costs one comparison. */
  private final int directLimit;

  /** {@code sorted} is in strictly increasing code order (the builder guarantees it). */
  IndexedCodeSet(ImmutableList<CodeEntry> sorted) {
    this.entries = sorted;
    this.packed = new int[sorted.size()];
    for (int i = 0; i < packed.length; i++) {
      packed[i] = sorted.get(i).code().packed();
    }
    int inDirect = directCount(packed);
    this.direct = new Optional<?>[inDirect == 0 ? 0 : packed[inDirect - 1] + 1];
    this.directLimit = direct.length;
    for (int i = 0; i < inDirect; i++) {
      direct[packed[i]] = Optional.of(sorted.get(i));
    }
    this.index = PackedSlots.of(Arrays.copyOfRange(packed, inDirect, packed.length));
    this.hits = new Optional<?>[index.slotCount()];
    for (int i = inDirect; i < packed.length; i++) {
      hits[index.slotOf(packed[i])] = Optional.of(sorted.get(i));
    }
  }

  /**
   * Returns how many of the first codes go in the direct table: the most for which the table, as
   * long as the last one's packed value plus one, spends at most {@link #MAX_SLOTS_PER_DIRECT_CODE}
   * slots per code.
   */
  private static int directCount(int[] sorted) {
    int count = 0;
    for (int i = 0; i < sorted.length; i++) {
      if ((long) sorted[i] + 1 <= (long) MAX_SLOTS_PER_DIRECT_CODE * (i + 1)) {
        count = i + 1;
      }
    }
    return count;
  }

  @Override
  // Every element of direct and hits is an Optional<CodeEntry> or null.
  @SuppressWarnings("unchecked")
  Optional<CodeEntry> findPacked(int key) {
    if (key < directLimit) {
      // Negative keys land here too: no code has one.
      Optional<?> hit = key < 0 ? null : direct[key];
      return hit == null ? Optional.empty() : (Optional<CodeEntry>) hit;
    }
    int slot = index.slotOf(key);
    return slot < 0 ? Optional.empty() : (Optional<CodeEntry>) hits[slot];
  }

  @Override
  List<CodeEntry> range(int first, int last) {
    int from = Arrays.binarySearch(packed, first);
    from = from >= 0 ? from : -from - 1;
    int to = Arrays.binarySearch(packed, last);
    to = to >= 0 ? to + 1 : -to - 1;
    return from >= to ? ImmutableList.of() : entries.subList(from, to);
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public Iterator<CodeEntry> iterator() {
    return entries.iterator();
  }

  @Override
  public Spliterator<CodeEntry> spliterator() {
    return entries.spliterator();
  }
}
