package io.github.cpt4j.fee.medicare;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which Medicare payment locality a five-digit ZIP code belongs to (CMS's ZIP5 file), stored as
 * ranges of consecutive ZIP codes of one locality. Immutable; a lookup is a binary search over a
 * few thousand ranges and does not allocate beyond its {@code Optional}.
 *
 * <p>A few hundred ZIP codes straddle two localities; CMS then flags them and prices by ZIP+4 (its
 * ZIP9 file), and this table answers with the ZIP5 file's locality, which {@link
 * #isSplitByPlusFour(CharSequence)} tells apart.
 *
 * <pre>{@code
 * ZipLocalityTable zips = BundledData.zipLocalities();
 * zips.find("10001");   // Optional[13202-01], Manhattan
 * }</pre>
 */
public final class ZipLocalityTable {

  private static final int PLUS_FOUR = 1 << 30;

  private final int[] starts;
  private final int[] ends;

  /** The packed locality, with bit 30 set when the ZIP codes are split by ZIP+4. */
  private final int[] values;

  private final int zipCount;

  // The lookup's speed tricks, in one place. What they buy: zipToLocality without a binary search
  // over thousands of ranges (about a dozen unpredictable branches) and without allocating.
  //
  // blockRanges[b]: the last range starting at or before ZIP code b << BLOCK_BITS (0 if none); a
  // lookup starts there and steps forward past the ranges that start inside the block (at most
  // 16, usually one or two). 25 KiB.
  private static final int BLOCK_BITS = 4;

  private final int[] blockRanges;

  // found[i]: the answer of range i, one Optional shared by every range of the same locality.
  private final Optional<?>[] found;

  private ZipLocalityTable(int[] starts, int[] ends, int[] values, int zipCount) {
    this.starts = starts;
    this.ends = ends;
    this.values = values;
    this.zipCount = zipCount;
    int[] blocks = new int[(100_000 >>> BLOCK_BITS) + 1];
    int range = 0;
    for (int block = 0; block < blocks.length; block++) {
      int first = block << BLOCK_BITS;
      while (range + 1 < starts.length && starts[range + 1] <= first) {
        range++;
      }
      blocks[block] = range;
    }
    this.blockRanges = blocks;
    Map<Integer, Optional<Locality>> shared = new HashMap<>();
    this.found = new Optional<?>[values.length];
    for (int i = 0; i < values.length; i++) {
      found[i] =
          shared.computeIfAbsent(
              values[i] & ~PLUS_FOUR, packed -> Optional.of(Locality.ofPacked(packed)));
    }
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the locality of {@code zip}: five digits, or ZIP+4 ({@code 10001-2345}, whose extension
   * is ignored); empty when the ZIP code is not in the table or malformed.
   */
  @SuppressWarnings("unchecked") // every element of found is an Optional<Locality>
  public Optional<Locality> find(CharSequence zip) {
    int position = positionOf(zip);
    return position < 0 ? Optional.empty() : (Optional<Locality>) found[position];
  }

  /**
   * Tells whether CMS flags {@code zip} as straddling localities, to be priced by its ZIP+4 (false
   * for ZIP codes not in the table).
   */
  public boolean isSplitByPlusFour(CharSequence zip) {
    int position = positionOf(zip);
    return position >= 0 && (values[position] & PLUS_FOUR) != 0;
  }

  private int positionOf(CharSequence zip) {
    int value = parseZip(requireNonNull(zip, "zip"));
    if (value < 0) {
      return -1;
    }
    int[] s = starts;
    int i = blockRanges[value >>> BLOCK_BITS];
    while (i + 1 < s.length && s[i + 1] <= value) {
      i++;
    }
    return i < s.length && s[i] <= value && value <= ends[i] ? i : -1;
  }

  private static int parseZip(CharSequence zip) {
    int length = zip.length();
    if (length != 5 && !(length == 10 && zip.charAt(5) == '-')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < length; i++) {
      if (i == 5) {
        continue;
      }
      char c = zip.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      if (i < 5) {
        value = value * 10 + (c - '0');
      }
    }
    return value;
  }

  /** Returns the number of ZIP codes in the table. */
  public int size() {
    return zipCount;
  }

  /** Returns the number of ranges of consecutive ZIP codes the table is stored as. */
  public int rangeCount() {
    return starts.length;
  }

  /** Returns the first ZIP code of range {@code i} (0 to {@link #rangeCount()} - 1). */
  public int rangeStart(int i) {
    return starts[i];
  }

  /** Returns the last ZIP code of range {@code i}. */
  public int rangeEnd(int i) {
    return ends[i];
  }

  /** Returns the locality of range {@code i}. */
  public Locality rangeLocality(int i) {
    return Locality.ofPacked(values[i] & ~PLUS_FOUR);
  }

  /** Tells whether the ZIP codes of range {@code i} are split by ZIP+4. */
  public boolean rangeSplitByPlusFour(int i) {
    return (values[i] & PLUS_FOUR) != 0;
  }

  @Override
  public String toString() {
    return "ZipLocalityTable(" + zipCount + " ZIP codes in " + starts.length + " ranges)";
  }

  /**
   * Builds a {@link ZipLocalityTable} from ZIP codes or ranges given in any order; each ZIP code
   * may be given once.
   */
  public static final class Builder {
    private int[] zips = new int[1024];
    private int[] localities = new int[1024];
    private int count;

    private Builder() {}

    /**
     * Adds a ZIP code (0 to 99999) of {@code locality}.
     *
     * @throws IllegalArgumentException if {@code zip} is out of range
     */
    public Builder add(int zip, Locality locality, boolean splitByPlusFour) {
      return addRange(zip, zip, locality, splitByPlusFour);
    }

    /**
     * Adds the ZIP codes {@code first} to {@code last}, both inclusive, of {@code locality}.
     *
     * @throws IllegalArgumentException if the range is empty or outside 0 to 99999
     */
    public Builder addRange(int first, int last, Locality locality, boolean splitByPlusFour) {
      requireNonNull(locality, "locality");
      if (first < 0 || last > 99_999 || last < first) {
        throw new IllegalArgumentException(
            "ZIP code range " + first + "-" + last + " is not within 00000-99999");
      }
      int value = locality.packed() | (splitByPlusFour ? PLUS_FOUR : 0);
      for (int zip = first; zip <= last; zip++) {
        if (count == zips.length) {
          zips = Arrays.copyOf(zips, count * 2);
          localities = Arrays.copyOf(localities, count * 2);
        }
        zips[count] = zip;
        localities[count] = value;
        count++;
      }
      return this;
    }

    /**
     * Returns the table.
     *
     * @throws IllegalArgumentException if a ZIP code was given twice
     */
    public ZipLocalityTable build() {
      long[] pairs = new long[count];
      for (int i = 0; i < count; i++) {
        pairs[i] = (long) zips[i] << 32 | localities[i];
      }
      Arrays.sort(pairs);
      int[] starts = new int[count];
      int[] ends = new int[count];
      int[] values = new int[count];
      int ranges = 0;
      for (int i = 0; i < count; i++) {
        int zip = (int) (pairs[i] >>> 32);
        int value = (int) pairs[i];
        if (ranges > 0 && ends[ranges - 1] >= zip) {
          throw new IllegalArgumentException(String.format("ZIP code %05d is given twice", zip));
        }
        if (ranges > 0 && ends[ranges - 1] == zip - 1 && values[ranges - 1] == value) {
          ends[ranges - 1] = zip;
        } else {
          starts[ranges] = zip;
          ends[ranges] = zip;
          values[ranges] = value;
          ranges++;
        }
      }
      return new ZipLocalityTable(
          Arrays.copyOf(starts, ranges),
          Arrays.copyOf(ends, ranges),
          Arrays.copyOf(values, ranges),
          count);
    }
  }
}
