package io.github.cpt4j.index;

/**
 * {@link PackedIndex#of} found one key at two positions. It carries both positions, so that a table
 * built on the index can name the repeated row in the domain's words (a locality, a code and
 * modifier) instead of the internal key, without searching its rows again.
 */
public final class RepeatedKeyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int earlier;
  private final int later;

  RepeatedKeyException(int key, int earlier, int later) {
    super("key " + key + " at positions " + earlier + " and " + later);
    this.earlier = earlier;
    this.later = later;
  }

  /** Returns the position where the key first appears. */
  public int earlier() {
    return earlier;
  }

  /** Returns the position where it appears again. */
  public int later() {
    return later;
  }
}
