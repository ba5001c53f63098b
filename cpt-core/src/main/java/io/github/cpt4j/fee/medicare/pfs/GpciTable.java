package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.index.PackedIndex;
import io.github.cpt4j.index.RepeatedKeyException;
import java.time.Year;
import java.util.Collection;
import java.util.Optional;

/**
 * The GPCIs of every locality of one release (the CMS GPCI file). Immutable.
 *
 * <pre>{@code
 * GpciTable table = GpciTable.of(List.of(gpci1, gpci2));
 * table.find(Locality.parse("13282-99"));   // Optional[...]
 * }</pre>
 */
public final class GpciTable {

  private final ImmutableList<Gpci> gpcis;
  private final PackedIndex index;

  /** The calendar year the indices are for, when the file says; null otherwise. */
  private final Year year;

  private GpciTable(GpciTable other, Year year) {
    this.gpcis = other.gpcis;
    this.index = other.index;
    this.year = year;
  }

  private GpciTable(ImmutableList<Gpci> gpcis) {
    this.gpcis = gpcis;
    this.year = null;
    int[] keys = new int[gpcis.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = gpcis.get(i).locality().packed();
    }
    try {
      this.index = PackedIndex.of(keys);
    } catch (RepeatedKeyException e) {
      // Name the locality and where it is, not the internal key.
      throw new IllegalArgumentException(
          "locality "
              + gpcis.get(e.later()).locality()
              + " appears twice in the GPCI table, at positions "
              + e.earlier()
              + " and "
              + e.later(),
          e);
    }
  }

  /**
   * Returns the table of {@code gpcis}, in their order.
   *
   * @param gpcis the indices of each locality, in any order
   * @return the table
   * @throws IllegalArgumentException if a locality appears twice
   */
  public static GpciTable of(Collection<Gpci> gpcis) {
    return new GpciTable(ImmutableList.copyOf(requireNonNull(gpcis, "gpcis")));
  }

  /**
   * {@return the GPCIs of {@code locality}, if the table has it}
   *
   * @param locality the locality of the service
   */
  public Optional<Gpci> find(Locality locality) {
    int position = index.positionOf(requireNonNull(locality, "locality").packed());
    return position < 0 ? Optional.empty() : Optional.of(gpcis.get(position));
  }

  /** {@return every locality's GPCIs, in the order given} */
  public ImmutableList<Gpci> all() {
    return gpcis;
  }

  /**
   * Returns the calendar year the indices are for, when known (CMS's GPCI file names it in its
   * column headers, {@code 2025 PW GPCI}). A {@link MedicareFeeSchedule} refuses relative values of
   * another year: a year's GPCIs apply to that year's services only.
   *
   * @return the year, or empty when not known
   */
  public Optional<Year> year() {
    return Optional.ofNullable(year);
  }

  /**
   * {@return this table for the calendar year {@code year}}
   *
   * @param year the calendar year the indices are for
   */
  public GpciTable withYear(Year year) {
    return new GpciTable(this, requireNonNull(year, "year"));
  }

  /** {@return the number of localities} */
  public int size() {
    return gpcis.size();
  }

  @Override
  public String toString() {
    return "GpciTable(" + gpcis.size() + " localities" + (year == null ? "" : ", " + year) + ")";
  }
}
