package io.github.cpt4j.codeset;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.index.PackedIndex;
import io.github.cpt4j.index.RankIndex;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;

/**
 * The flat code set: entries sorted by packed code, an index from packed code to entry (a {@link
 * RankIndex} or a {@link PackedIndex}), and one pre-built {@code Optional} per entry so that a hit
 * allocates nothing.
 */
final class IndexedCodeSet extends CodeSet {

  static final IndexedCodeSet EMPTY = new IndexedCodeSet(ImmutableList.of());

  private final ImmutableList<CodeEntry> entries;
  private final int[] packed;

  /**
   * The lookup structure: a {@link RankIndex} when the codes fill the packed-code space densely
   * enough for it to be the smaller one (a full CMS file: 105 KiB that stay in the L2 cache, one
   * read per lookup), else a {@link PackedIndex} (small sets, such as the bundled sample). Exactly
   * one of the two is set.
   */
  private final RankIndex rank;

  private final PackedIndex index;

  /**
   * The pre-built {@code Optional} of each entry: by position with the {@link RankIndex}, by hash
   * slot ({@link PackedIndex#slotOf}) with the {@link PackedIndex}. By slot, a lookup reads it
   * beside the slot's key instead of after the position stored there: one dependent memory read
   * fewer on the path from text or code to entry, for one reference per slot instead of per entry
   * (at most four times as many; 8 KiB instead of 3 KiB for the bundled sample).
   */
  private final Optional<?>[] hits;

  /** {@code sorted} is in strictly increasing code order (the builder guarantees it). */
  IndexedCodeSet(ImmutableList<CodeEntry> sorted) {
    this.entries = sorted;
    this.packed = new int[sorted.size()];
    for (int i = 0; i < packed.length; i++) {
      packed[i] = sorted.get(i).code().packed();
    }
    if (RankIndex.isWorthwhile(packed.length, ProcedureCode.PACKED_BOUND)) {
      this.rank = RankIndex.of(packed, ProcedureCode.PACKED_BOUND);
      this.index = null;
      this.hits = new Optional<?>[packed.length];
      for (int i = 0; i < packed.length; i++) {
        hits[i] = Optional.of(sorted.get(i));
      }
    } else {
      this.rank = null;
      this.index = PackedIndex.of(packed);
      this.hits = new Optional<?>[index.slotCount()];
      for (int i = 0; i < packed.length; i++) {
        hits[index.slotOf(packed[i])] = Optional.of(sorted.get(i));
      }
    }
  }

  @Override
  @SuppressWarnings("unchecked") // every slot a lookup reaches holds an Optional<CodeEntry>
  Optional<CodeEntry> findPacked(int key) {
    if (key < 0) {
      return Optional.empty();
    }
    int at = rank != null ? rank.positionOf(key) : index.slotOf(key);
    return at < 0 ? Optional.empty() : (Optional<CodeEntry>) hits[at];
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
