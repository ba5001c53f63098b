package io.github.cpt4j.fee.medicare;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which Medicare payment locality a five-digit ZIP code belongs to (CMS's ZIP5 file), stored as
 * ranges of consecutive ZIP codes of one locality. Immutable; a lookup is an index into an array
 * over every five-digit ZIP code (195 KiB a table) and allocates nothing: it returns an {@code
 * Optional} built once per locality.
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

  // The lookup's speed tricks, in one place. What they buy: zipToLocality is a read of one char
  // and of one shared answer, instead of a binary search over thousands of ranges (about a dozen
  // unpredictable branches) and an Optional and a Locality allocated per hit.
  //
  // answerOfZip[zip]: 0 when the ZIP code is not in the table, else 1 + the index of its value
  // (locality and ZIP+4 flag) in distinctValues and found. 195 KiB.
  private final char[] answerOfZip;

  private final int[] distinctValues;

  // found[i]: Optional.of(the locality of distinctValues[i]), built once.
  private final Optional<?>[] found;

  private ZipLocalityTable(int[] starts, int[] ends, int[] values, int zipCount) {
    this.starts = starts;
    this.ends = ends;
    this.values = values;
    this.zipCount = zipCount;
    Map<Integer, Integer> indexOfValue = new LinkedHashMap<>();
    char[] answers = new char[100_000];
    // A run of ranges of one value (CMS's files and the bundled table list a locality's ZIP codes
    // together) takes the index of the run's first range: one map look-up per run rather than per
    // range, of 11,500 in the bundled table, read cold at every start of cpt price --zip.
    int runValue = 0;
    int runIndex = -1;
    for (int i = 0; i < starts.length; i++) {
      int index;
      if (runIndex >= 0 && values[i] == runValue) {
        index = runIndex;
      } else {
        index = indexOfValue.computeIfAbsent(values[i], v -> indexOfValue.size());
        runValue = values[i];
        runIndex = index;
      }
      if (index >= Character.MAX_VALUE) {
        throw new IllegalArgumentException("more than 65,534 distinct localities in one table");
      }
      Arrays.fill(answers, starts[i], ends[i] + 1, (char) (index + 1));
    }
    this.answerOfZip = answers;
    this.distinctValues = indexOfValue.keySet().stream().mapToInt(Integer::intValue).toArray();
    this.found = new Optional<?>[distinctValues.length];
    for (int i = 0; i < distinctValues.length; i++) {
      found[i] = Optional.of(Locality.ofPacked(distinctValues[i] & ~PLUS_FOUR));
    }
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the locality of {@code zip}: five digits, or ZIP+4 ({@code 10001-2345} or {@code
   * 100012345}, whose extension is ignored); empty when the ZIP code is not in the table or
   * malformed}
   *
   * @param zip the ZIP code of the place of service
   */
  @SuppressWarnings("unchecked") // every element of found is an Optional<Locality>
  public Optional<Locality> find(CharSequence zip) {
    int answer = answerOf(zip);
    return answer == 0 ? Optional.empty() : (Optional<Locality>) found[answer - 1];
  }

  /**
   * Tells whether CMS flags {@code zip} (in any form {@link #find} takes) as straddling localities,
   * to be priced by its ZIP+4 (false for ZIP codes not in the table or malformed).
   *
   * @param zip the ZIP code of the place of service
   * @return true if CMS flags the ZIP code as split by ZIP+4
   */
  public boolean isSplitByPlusFour(CharSequence zip) {
    int answer = answerOf(zip);
    return answer != 0 && (distinctValues[answer - 1] & PLUS_FOUR) != 0;
  }

  /** Returns 0 if {@code zip} is malformed or not in the table, else 1 + its value's index. */
  private int answerOf(CharSequence zip) {
    int value = parseZip(requireNonNull(zip, "zip"));
    return value < 0 ? 0 : answerOfZip[value];
  }

  /**
   * Returns the five-digit ZIP code of {@code 10001}, {@code 10001-2345} or {@code 100012345}, or
   * -1. Branch-light: a digit test is a sign test of {@code d | (9 - d)}.
   */
  private static int parseZip(CharSequence zip) {
    int length = zip.length();
    if (length != 5 && length != 9 && !(length == 10 && zip.charAt(5) == '-')) {
      return -1;
    }
    int d0 = zip.charAt(0) - '0';
    int d1 = zip.charAt(1) - '0';
    int d2 = zip.charAt(2) - '0';
    int d3 = zip.charAt(3) - '0';
    int d4 = zip.charAt(4) - '0';
    if ((d0 | 9 - d0 | d1 | 9 - d1 | d2 | 9 - d2 | d3 | 9 - d3 | d4 | 9 - d4) < 0) {
      return -1;
    }
    if (length > 5) {
      for (int i = length - 4; i < length; i++) {
        char c = zip.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
      }
    }
    return d0 * 10_000 + d1 * 1_000 + d2 * 100 + d3 * 10 + d4;
  }

  /** {@return the number of ZIP codes in the table} */
  public int size() {
    return zipCount;
  }

  /** {@return the number of ranges of consecutive ZIP codes the table is stored as} */
  public int rangeCount() {
    return starts.length;
  }

  /**
   * {@return the first ZIP code of range {@code i} (0 to {@link #rangeCount()} - 1)}
   *
   * @param i the range's index
   * @throws ArrayIndexOutOfBoundsException if {@code i} is not 0 to {@link #rangeCount()} - 1
   */
  public int rangeStart(int i) {
    return starts[i];
  }

  /**
   * {@return the last ZIP code of range {@code i}}
   *
   * @param i the range's index, 0 to {@link #rangeCount()} - 1
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public int rangeEnd(int i) {
    return ends[i];
  }

  /**
   * {@return the locality of range {@code i}}
   *
   * @param i the range's index, 0 to {@link #rangeCount()} - 1
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
  public Locality rangeLocality(int i) {
    return Locality.ofPacked(values[i] & ~PLUS_FOUR);
  }

  /**
   * Tells whether the ZIP codes of range {@code i} are split by ZIP+4.
   *
   * @param i the range's index, 0 to {@link #rangeCount()} - 1
   * @return true if CMS flags the range's ZIP codes as split by ZIP+4
   * @throws ArrayIndexOutOfBoundsException if {@code i} is out of range
   */
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
    // The general way: one entry per ZIP code, sorted and merged into ranges by build().
    private int[] zips = new int[1024];
    private int[] localities = new int[1024];
    private int count;

    // The speed trick, in one place. Ranges given in ascending order, each after the last (CMS's
    // files and the bundled table are in ZIP code order), are kept as ranges, merged as build()
    // would merge them: no entry per ZIP code and no sort at the end (41,000 of each for the
    // bundled table, half of its cold load at start-up). The first range out of order turns the
    // ranges kept so far into entries and goes on the general way. ZipLocalityTableProperties
    // checks that both ways build the same table.
    private boolean inOrder = true;
    private int[] starts = new int[256];
    private int[] ends = new int[256];
    private int[] values = new int[256];
    private int ranges;
    private int zipsInRanges;

    private Builder() {}

    /**
     * Adds a ZIP code (0 to 99999) of {@code locality}.
     *
     * @param zip the five-digit ZIP code as a number, 0 to 99999
     * @param locality the locality of the ZIP code
     * @param splitByPlusFour true if CMS flags the ZIP code as split by ZIP+4
     * @return this builder
     * @throws IllegalArgumentException if {@code zip} is out of range
     */
    public Builder add(int zip, Locality locality, boolean splitByPlusFour) {
      return addRange(zip, zip, locality, splitByPlusFour);
    }

    /**
     * Adds the ZIP codes {@code first} to {@code last}, both inclusive, of {@code locality}.
     *
     * @param first the range's first ZIP code, 0 to 99999
     * @param last the range's last ZIP code, not before {@code first}, at most 99999
     * @param locality the locality of the ZIP codes
     * @param splitByPlusFour true if CMS flags the ZIP codes as split by ZIP+4
     * @return this builder
     * @throws IllegalArgumentException if the range is empty or outside 0 to 99999
     */
    public Builder addRange(int first, int last, Locality locality, boolean splitByPlusFour) {
      requireNonNull(locality, "locality");
      if (last < first) {
        throw new IllegalArgumentException(
            "ZIP code range "
                + first
                + "-"
                + last
                + " is empty: its last code is before its first");
      }
      if (first < 0 || last > 99_999) {
        throw new IllegalArgumentException(
            "ZIP code range " + first + "-" + last + " is not within 00000-99999");
      }
      int value = locality.packed() | (splitByPlusFour ? PLUS_FOUR : 0);
      if (inOrder && (ranges == 0 || first > ends[ranges - 1])) {
        keepRange(first, last, value);
        return this;
      }
      if (inOrder) {
        inOrder = false;
        for (int i = 0; i < ranges; i++) {
          addEntries(starts[i], ends[i], values[i]);
        }
      }
      addEntries(first, last, value);
      return this;
    }

    private void keepRange(int first, int last, int value) {
      zipsInRanges += last - first + 1;
      if (ranges > 0 && ends[ranges - 1] == first - 1 && values[ranges - 1] == value) {
        ends[ranges - 1] = last;
        return;
      }
      if (ranges == starts.length) {
        starts = Arrays.copyOf(starts, ranges * 2);
        ends = Arrays.copyOf(ends, ranges * 2);
        values = Arrays.copyOf(values, ranges * 2);
      }
      starts[ranges] = first;
      ends[ranges] = last;
      values[ranges] = value;
      ranges++;
    }

    private void addEntries(int first, int last, int value) {
      for (int zip = first; zip <= last; zip++) {
        if (count == zips.length) {
          zips = Arrays.copyOf(zips, count * 2);
          localities = Arrays.copyOf(localities, count * 2);
        }
        zips[count] = zip;
        localities[count] = value;
        count++;
      }
    }

    /**
     * Returns the table.
     *
     * @return the table
     * @throws IllegalArgumentException if a ZIP code was given twice
     */
    public ZipLocalityTable build() {
      if (inOrder) {
        return new ZipLocalityTable(
            Arrays.copyOf(starts, ranges),
            Arrays.copyOf(ends, ranges),
            Arrays.copyOf(values, ranges),
            zipsInRanges);
      }
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
          throw new IllegalArgumentException(
              String.format(Locale.ROOT, "ZIP code %05d is given twice", zip));
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
