package io.github.cpt4j.fee.medicare.pfs;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.index.PackedSlots;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.time.Year;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Optional;

/**
 * The rows of one Medicare relative value file, indexed by code and row modifier (none, 26, TC,
 * 53), and the calendar year the file is for when it says so. Immutable; a lookup is an
 * allocation-free probe of {@link PackedSlots}.
 *
 * <p>A relative value file is for one year (its title row says which), and its values are paid only
 * with that year's conversion factor: a {@link MedicareFeeSchedule} over a table with a year prices
 * dates of service of that year only. CMS issues a release of the file each quarter (January,
 * April, July, October), in force until the next; when the title names the release, a schedule over
 * the table prices the dates of that release's quarter only ({@link #release()}).
 *
 * <p>A CMS file also states the conversion factor its payment amounts were computed with (its
 * {@code CONV FACTOR} column, one value for the whole file); from 2026 CMS publishes one file for
 * qualifying APM participants and one for everyone else, with the same relative values and
 * different factors. A schedule over a table that states its factor refuses to price a line with
 * any other factor ({@link io.github.cpt4j.fee.UnpricedReason#CONVERSION_FACTOR_MISMATCH}).
 *
 * <pre>{@code
 * RvuTable rvus = RvuTable.of(entries);
 * rvus.find(ProcedureCode.parse("71046"), Optional.of(Modifier.PROFESSIONAL_COMPONENT));
 * }</pre>
 */
public final class RvuTable {

  private final ImmutableList<RvuEntry> entries;
  private final PackedSlots index;

  /** Bit i set when the code packed as {@code i} has at least one row. */
  private final long[] codesPresent;

  /**
   * The rows by the slot of their key in {@link #index}: a lookup reads the row's reference beside
   * the key rather than a position first and the list after it, one dependent memory read fewer per
   * line priced (4 bytes per slot: 256 KiB for the 19,090 rows of a full CMS file).
   */
  private final RvuEntry[] entryBySlot;

  /** The year the file is for, or null when it does not say. */
  private final Year year;

  /** The conversion factor the file states, or null when it does not say. */
  private final BigDecimal conversionFactor;

  /** The month the release takes effect (in {@link #year}), or null when the file does not say. */
  private final YearMonth release;

  /** Whether the rows are a deliberate subset of a file's (a sample, an extract). */
  private final boolean subset;

  private RvuTable(
      RvuTable rows, Year year, YearMonth release, BigDecimal conversionFactor, boolean subset) {
    this.entries = rows.entries;
    this.index = rows.index;
    this.entryBySlot = rows.entryBySlot;
    this.codesPresent = rows.codesPresent;
    this.year = year;
    this.release = release;
    this.conversionFactor = conversionFactor;
    this.subset = subset;
  }

  private RvuTable(ImmutableList<RvuEntry> entries) {
    this.entries = entries;
    this.year = null;
    this.release = null;
    this.conversionFactor = null;
    this.subset = false;
    int[] keys = new int[entries.size()];
    long[] present = new long[(ProcedureCode.PACKED_BOUND + 63) / 64];
    for (int i = 0; i < keys.length; i++) {
      RvuEntry entry = entries.get(i);
      keys[i] = RowKey.of(entry.code(), entry.rowModifier());
      int packed = entry.code().packed();
      present[packed >>> 6] |= 1L << packed;
    }
    this.codesPresent = present;
    try {
      this.index = PackedSlots.of(keys);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("an RVU row appears twice: " + e.getMessage(), e);
    }
    RvuEntry[] bySlot = new RvuEntry[index.slotCount()];
    for (int i = 0; i < keys.length; i++) {
      bySlot[index.slotOf(keys[i])] = entries.get(i);
    }
    this.entryBySlot = bySlot;
  }

  /**
   * Returns the table of {@code entries}, in their order.
   *
   * @param entries the rows, in any order
   * @return the table
   * @throws IllegalArgumentException if a (code, modifier) row appears twice
   */
  public static RvuTable of(Collection<RvuEntry> entries) {
    ImmutableList<RvuEntry> copy = ImmutableList.copyOf(requireNonNull(entries, "entries"));
    try {
      return new RvuTable(copy);
    } catch (IllegalArgumentException e) {
      // Name the row rather than the internal key.
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (RvuEntry entry : copy) {
        if (!seen.add(entry.row())) {
          throw new IllegalArgumentException("RVU row " + entry.row() + " appears twice", e);
        }
      }
      throw e;
    }
  }

  /**
   * {@return the calendar year the rows are for, when known (the title row of a CMS file, such as
   * {@code 2025 National Physician Fee Schedule Relative Value File}); empty when the rows do not
   * say, and then a schedule over them prices any date its conversion factors cover}
   */
  public Optional<Year> year() {
    return Optional.ofNullable(year);
  }

  /**
   * {@return the same rows, for {@code newYear} (and no release, unless its own is of that year)}
   *
   * @param newYear the calendar year the rows are for
   */
  public RvuTable withYear(Year newYear) {
    requireNonNull(newYear, "newYear");
    YearMonth kept = release != null && release.getYear() == newYear.getValue() ? release : null;
    return new RvuTable(this, newYear, kept, conversionFactor, subset);
  }

  /** {@return the same rows without a year, and so without a release} */
  public RvuTable withoutYear() {
    return year == null ? this : new RvuTable(this, null, null, conversionFactor, subset);
  }

  /**
   * Returns the month the release takes effect, when known: the title row of a CMS file names it
   * ({@code 2025 National Physician Fee Schedule Relative Value File October Release}). CMS issues
   * the file each quarter and corrects a release under the same month, so the release is in force
   * from the first day of that month to the end of its quarter at most; a {@link
   * MedicareFeeSchedule} over the rows prices those dates only, for another quarter's values may
   * differ (0446T's practice expense doubled from the January to the April 2025 release).
   *
   * @return the release's month, or empty when not known
   */
  public Optional<YearMonth> release() {
    return Optional.ofNullable(release);
  }

  /**
   * Returns the same rows as the release that takes effect in {@code month}, of that year.
   *
   * @param month the month the release takes effect, such as 2025-10
   * @return the same rows, as that release
   * @throws IllegalArgumentException if the rows say another year
   */
  public RvuTable withRelease(YearMonth month) {
    requireNonNull(month, "month");
    if (year != null && year.getValue() != month.getYear()) {
      throw new IllegalArgumentException(
          "the rows are for " + year + ", not a release of " + month.getYear());
    }
    return new RvuTable(this, Year.of(month.getYear()), month, conversionFactor, subset);
  }

  /** {@return the same rows without a release (the year, if any, is kept)} */
  public RvuTable withoutRelease() {
    return release == null ? this : new RvuTable(this, year, null, conversionFactor, subset);
  }

  /**
   * Tells whether the rows are a deliberate subset of a relative value file's (the bundled samples,
   * an extract marked as one): a code missing from them may still be payable, so a schedule over
   * them says so when it refuses one, and warns the claim's other lines that the claim rules could
   * not weigh it.
   *
   * @return true if the rows are a subset of a relative value file's
   */
  public boolean isSubset() {
    return subset;
  }

  /** {@return the same rows, marked as a subset of a file's ({@link #isSubset()})} */
  public RvuTable asSubset() {
    return subset ? this : new RvuTable(this, year, release, conversionFactor, true);
  }

  /**
   * {@return the conversion factor the rows were published with, when known (the {@code CONV
   * FACTOR} column of a CMS file, such as 33.4009 in the 2026 non-QPP file and 33.5675 in the QPP
   * file); empty when the rows do not say, and then a schedule over them pays with whichever factor
   * is in force}
   */
  public Optional<BigDecimal> conversionFactor() {
    return Optional.ofNullable(conversionFactor);
  }

  /**
   * Returns the same rows, stating {@code factor} as the conversion factor they are paid with.
   *
   * @param factor the conversion factor, in dollars per RVU, such as 32.3465
   * @return the same rows, stating that factor
   * @throws IllegalArgumentException if {@code factor} is not positive
   */
  public RvuTable withConversionFactor(BigDecimal factor) {
    if (requireNonNull(factor, "factor").signum() <= 0) {
      throw new IllegalArgumentException("a conversion factor is positive: " + factor);
    }
    return new RvuTable(this, year, release, factor, subset);
  }

  /** {@return the same rows without a stated conversion factor} */
  public RvuTable withoutConversionFactor() {
    return conversionFactor == null ? this : new RvuTable(this, year, release, null, subset);
  }

  /**
   * {@return the row of {@code code} with {@code modifier} (empty: the global row), if any}
   *
   * @param code the code billed
   * @param modifier the row's modifier (26, TC or 53); empty for the global row
   */
  public Optional<RvuEntry> find(ProcedureCode code, Optional<Modifier> modifier) {
    requireNonNull(code, "code");
    Modifier m = requireNonNull(modifier, "modifier").orElse(null);
    RowModifier row = m == null ? RowModifier.GLOBAL : RowModifier.of(m);
    return row == null ? Optional.empty() : Optional.ofNullable(get(code, row));
  }

  /**
   * {@return the row of {@code code} selected by {@code row}, if any}
   *
   * @param code the code billed
   * @param row which of the code's rows: global, 26, TC or 53
   */
  public Optional<RvuEntry> find(ProcedureCode code, RowModifier row) {
    return Optional.ofNullable(get(requireNonNull(code, "code"), requireNonNull(row, "row")));
  }

  /** The row, or null: for the pricing hot path, which must not allocate. */
  RvuEntry get(ProcedureCode code, RowModifier row) {
    return get(code.packed(), row);
  }

  /** {@link #get(ProcedureCode, RowModifier)} by the packed code. */
  RvuEntry get(int packedCode, RowModifier row) {
    int slot = index.slotOf(RowKey.of(packedCode, row));
    return slot < 0 ? null : entryBySlot[slot];
  }

  /**
   * Tells whether the table has any row for {@code code}.
   *
   * @param code the code billed
   * @return true if the table has a global, 26, TC or 53 row of {@code code}
   */
  public boolean contains(ProcedureCode code) {
    int packed = requireNonNull(code, "code").packed();
    return (codesPresent[packed >>> 6] & (1L << packed)) != 0;
  }

  /**
   * {@return every row of {@code code}: global first, then 26, TC and 53 when present}
   *
   * @param code the code billed
   */
  public ImmutableList<RvuEntry> rowsOf(ProcedureCode code) {
    if (!contains(code)) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<RvuEntry> rows = ImmutableList.builder();
    for (RowModifier row : RowModifier.values()) {
      RvuEntry entry = get(code, row);
      if (entry != null) {
        rows.add(entry);
      }
    }
    return rows.build();
  }

  /** {@return every row, in the order given} */
  public ImmutableList<RvuEntry> all() {
    return entries;
  }

  /** {@return the number of rows} */
  public int size() {
    return entries.size();
  }

  @Override
  public String toString() {
    return "RvuTable("
        + entries.size()
        + " rows"
        + (release != null ? ", release " + release : year == null ? "" : ", " + year)
        + (subset ? ", a subset" : "")
        + (conversionFactor == null
            ? ""
            : ", conversion factor " + conversionFactor.toPlainString())
        + ")";
  }
}
