package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.index.PackedIndex;
import io.github.cpt4j.index.RepeatedKeyException;
import io.github.cpt4j.modifier.Modifier;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OPPS imaging caps of one release (the CMS OPPSCAP file), by code, row modifier and locality.
 * Immutable.
 */
public final class OppsCapTable {

  private static final OppsCapTable EMPTY = new OppsCapTable(ImmutableList.of());

  private final ImmutableList<OppsCap> caps;
  private final PackedIndex localities;
  private final int localityCount;
  private final PackedIndex index;

  /**
   * Bit i set when the code packed as {@code i} has a cap in some locality. What it buys: the lines
   * of the many codes that no cap concerns (nearly all of them) skip both hash probes of {@link
   * #find} for one bit test (52 KiB).
   */
  private final long[] codesCapped;

  private OppsCapTable(ImmutableList<OppsCap> caps) {
    this.caps = caps;
    long[] capped = new long[(ProcedureCode.PACKED_BOUND + 63) / 64];
    for (OppsCap cap : caps) {
      int packed = cap.code().packed();
      capped[packed >>> 6] |= 1L << packed;
    }
    this.codesCapped = capped;
    Map<Integer, Integer> dense = new LinkedHashMap<>();
    for (OppsCap cap : caps) {
      dense.putIfAbsent(cap.locality().packed(), dense.size());
    }
    this.localityCount = Math.max(1, dense.size());
    if ((long) RowKey.BOUND * localityCount > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "too many localities in one OPPS cap table: " + dense.size());
    }
    this.localities = PackedIndex.of(dense.keySet().stream().mapToInt(Integer::intValue).toArray());
    int[] keys = new int[caps.size()];
    for (int i = 0; i < keys.length; i++) {
      OppsCap cap = caps.get(i);
      keys[i] =
          RowKey.of(cap.code(), cap.rowModifier()) * localityCount
              + localities.positionOf(cap.locality().packed());
    }
    try {
      this.index = PackedIndex.of(keys);
    } catch (RepeatedKeyException e) {
      // Name the row and locality and where they are, not the internal key.
      OppsCap cap = caps.get(e.later());
      throw new IllegalArgumentException(
          "OPPS cap row "
              + cap.row()
              + " in "
              + cap.locality()
              + " appears twice, at positions "
              + e.earlier()
              + " and "
              + e.later(),
          e);
    }
  }

  /** {@return the table with no caps} */
  public static OppsCapTable empty() {
    return EMPTY;
  }

  /**
   * Returns the table of {@code caps}.
   *
   * @param caps the caps, in any order
   * @return the table
   * @throws IllegalArgumentException if a (code, modifier, locality) appears twice
   */
  public static OppsCapTable of(Collection<OppsCap> caps) {
    return new OppsCapTable(ImmutableList.copyOf(requireNonNull(caps, "caps")));
  }

  /**
   * {@return the cap of the row of {@code code} with {@code modifier} in {@code locality}}
   *
   * @param code the code billed
   * @param modifier the row's modifier; empty for the global row
   * @param locality the locality of the service
   */
  public Optional<OppsCap> find(
      ProcedureCode code, Optional<Modifier> modifier, Locality locality) {
    requireNonNull(code, "code");
    requireNonNull(modifier, "modifier");
    requireNonNull(locality, "locality");
    Modifier m = modifier.orElse(null);
    RowModifier row = m == null ? RowModifier.GLOBAL : RowModifier.of(m);
    return row == null
        ? Optional.empty()
        : Optional.ofNullable(capOrNull(code.packed(), row, locality));
  }

  /**
   * The cap of the row of {@code code} selected by {@code row} in {@code locality}, or null: for
   * the pricing hot path, which has the line's code and row in hand and must not allocate.
   */
  OppsCap capOrNull(int packed, RowModifier row, Locality locality) {
    if ((codesCapped[packed >>> 6] & 1L << packed) == 0) {
      return null;
    }
    int localityPosition = localities.positionOf(locality.packed());
    if (localityPosition < 0) {
      return null;
    }
    int position = index.positionOf(RowKey.of(packed, row) * localityCount + localityPosition);
    return position < 0 ? null : caps.get(position);
  }

  /** {@return every cap, in the order given} */
  public ImmutableList<OppsCap> all() {
    return caps;
  }

  /** {@return the number of caps} */
  public int size() {
    return caps.size();
  }

  @Override
  public String toString() {
    return "OppsCapTable(" + caps.size() + " caps)";
  }
}
