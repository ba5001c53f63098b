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
 * The flat code set: entries sorted by packed code, a {@link PackedIndex} from packed code to
 * position, and one pre-built {@code Optional} per entry so that a hit allocates nothing.
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
  private final Optional<?>[] hits;

  /** {@code sorted} is in strictly increasing code order (the builder guarantees it). */
  IndexedCodeSet(ImmutableList<CodeEntry> sorted) {
    this.entries = sorted;
    this.packed = new int[sorted.size()];
    this.hits = new Optional<?>[sorted.size()];
    for (int i = 0; i < packed.length; i++) {
      CodeEntry entry = sorted.get(i);
      packed[i] = entry.code().packed();
      hits[i] = Optional.of(entry);
    }
    if (RankIndex.isWorthwhile(packed.length, ProcedureCode.PACKED_BOUND)) {
      this.rank = RankIndex.of(packed, ProcedureCode.PACKED_BOUND);
      this.index = null;
    } else {
      this.rank = null;
      this.index = PackedIndex.of(packed);
    }
  }

  @Override
  @SuppressWarnings("unchecked") // every element of hits is an Optional<CodeEntry>
  Optional<CodeEntry> findPacked(int key) {
    if (key < 0) {
      return Optional.empty();
    }
    int position = rank != null ? rank.positionOf(key) : index.positionOf(key);
    return position < 0 ? Optional.empty() : (Optional<CodeEntry>) hits[position];
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
