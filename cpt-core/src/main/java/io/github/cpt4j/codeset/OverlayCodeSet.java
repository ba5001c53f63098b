package io.github.cpt4j.codeset;

import com.google.common.collect.ImmutableList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A view of one code set laid over another: the top set's entry wins where both have a code. Holds
 * only the two sets and the merged size, so overlaying a small licensed set on a large one costs
 * nothing but the size count.
 */
final class OverlayCodeSet extends CodeSet {

  private final CodeSet base;
  private final CodeSet top;
  private final int size;

  OverlayCodeSet(CodeSet base, CodeSet top) {
    this.base = base;
    this.top = top;
    int shadowed = 0;
    for (CodeEntry entry : top) {
      if (base.findPacked(entry.code().packed()).isPresent()) {
        shadowed++;
      }
    }
    this.size = base.size() + top.size() - shadowed;
  }

  @Override
  Optional<CodeEntry> findPacked(int packed) {
    Optional<CodeEntry> hit = top.findPacked(packed);
    return hit.isPresent() ? hit : base.findPacked(packed);
  }

  @Override
  List<CodeEntry> range(int first, int last) {
    List<CodeEntry> over = top.range(first, last);
    List<CodeEntry> under = base.range(first, last);
    if (over.isEmpty()) {
      return under;
    }
    if (under.isEmpty()) {
      return over;
    }
    return ImmutableList.copyOf(new Merge(under.iterator(), over.iterator()));
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Iterator<CodeEntry> iterator() {
    return new Merge(base.iterator(), top.iterator());
  }

  /** Merges two iterators in code order; on equal codes the top entry wins. */
  private static final class Merge implements Iterator<CodeEntry> {

    private final Iterator<CodeEntry> under;
    private final Iterator<CodeEntry> over;
    private CodeEntry nextUnder;
    private CodeEntry nextOver;

    Merge(Iterator<CodeEntry> under, Iterator<CodeEntry> over) {
      this.under = under;
      this.over = over;
      this.nextUnder = under.hasNext() ? under.next() : null;
      this.nextOver = over.hasNext() ? over.next() : null;
    }

    @Override
    public boolean hasNext() {
      return nextUnder != null || nextOver != null;
    }

    @Override
    public CodeEntry next() {
      if (nextOver == null && nextUnder == null) {
        throw new NoSuchElementException();
      }
      int order =
          nextOver == null
              ? -1
              : nextUnder == null
                  ? 1
                  : Integer.compare(nextUnder.code().packed(), nextOver.code().packed());
      CodeEntry result;
      if (order < 0) {
        result = nextUnder;
        nextUnder = under.hasNext() ? under.next() : null;
      } else {
        result = nextOver;
        nextOver = over.hasNext() ? over.next() : null;
        if (order == 0) {
          nextUnder = under.hasNext() ? under.next() : null;
        }
      }
      return result;
    }
  }
}
