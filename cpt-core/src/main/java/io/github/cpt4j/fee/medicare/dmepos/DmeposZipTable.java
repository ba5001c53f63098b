package io.github.cpt4j.fee.medicare.dmepos;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.fee.medicare.Quarter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * The state and the rural flag of every five-digit ZIP code, for the DMEPOS fee schedule: a
 * beneficiary living in one of CMS's DMEPOS rural ZIP codes is paid the state's rural amount (42
 * CFR 414.210(g)). States come from CMS's ZIP-code-to-locality file, rural ZIP codes from CMS's
 * quarterly DMEPOS rural ZIP code file, whose state wins where the two differ. The table keeps the
 * ZIP5 state of each ZIP code whose state the rural list replaced (CMS's 2025 Q1 list puts 72643 in
 * AR, ZIP5 in MO), so that a newer quarter's list laid over it ({@link #builder(DmeposZipTable)})
 * gives a ZIP code it no longer names its ZIP5 state again, as laid over the ZIP5 states alone.
 *
 * <p>A lookup is two array reads and never allocates ({@link #stateIndex}, {@link #isRural}).
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * DmeposZipTable zips = BundledData.dmeposZips();
 * zips.find("10001");   // Optional[NY non-rural]
 * zips.find("04462");   // Optional[ME rural]
 * }</pre>
 */
public final class DmeposZipTable {

  private static final int ZIPS = 100_000;

  private final ImmutableList<String> states;
  private final byte[] stateOfZip;
  private final BitSet rural;

  /**
   * The ZIP codes, ascending, whose state in {@link #stateOfZip} a rural ZIP code list replaced,
   * and at the same index in {@link #zip5StateOfReplaced} the state {@link Builder#state} gave them
   * (0 for none): 5 bytes a ZIP code, one (72643) in the bundled table, not a second 100,000-byte
   * array, as CMS's rural lists place nearly every ZIP code in its ZIP5 state. Read by {@link
   * #builder(DmeposZipTable)} only, never by a lookup.
   */
  private final int[] replacedZips;

  private final byte[] zip5StateOfReplaced;

  /** The quarter of CMS's rural ZIP code list, or null when not said. */
  private final Quarter ruralQuarter;

  private DmeposZipTable(Builder builder) {
    this.states = ImmutableList.copyOf(builder.states);
    this.stateOfZip = builder.stateOfZip.clone();
    this.rural = (BitSet) builder.rural.clone();
    this.ruralQuarter = builder.ruralQuarter;
    int count = 0;
    for (int z = 0; z < ZIPS; z++) {
      if (builder.stateOfZip[z] != builder.zip5StateOfZip[z]) {
        count++;
      }
    }
    this.replacedZips = new int[count];
    this.zip5StateOfReplaced = new byte[count];
    int i = 0;
    for (int z = 0; z < ZIPS && i < count; z++) {
      if (builder.stateOfZip[z] != builder.zip5StateOfZip[z]) {
        replacedZips[i] = z;
        zip5StateOfReplaced[i++] = builder.zip5StateOfZip[z];
      }
    }
  }

  /** {@return an empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding the states {@link Builder#state} gave the ZIP codes of {@code
   * statesOf} (from CMS's ZIP5 file), not those its rural ZIP code list replaced, and no rural ZIP
   * code, nor the quarter of its list: to lay a newer quarter's rural ZIP codes over the same
   * states. A ZIP code the newer list does not name then has its ZIP5 state, whether the base is
   * {@code BundledData.dmeposZips()} or the ZIP5 states alone: 72643, in AR on CMS's 2025 Q1 list,
   * is in MO again.
   *
   * @param statesOf the table whose ZIP5 states are kept
   * @return the builder
   */
  public static Builder builder(DmeposZipTable statesOf) {
    requireNonNull(statesOf, "statesOf");
    Builder builder = new Builder();
    builder.states.addAll(statesOf.states);
    System.arraycopy(statesOf.stateOfZip, 0, builder.zip5StateOfZip, 0, ZIPS);
    for (int i = 0; i < statesOf.replacedZips.length; i++) {
      builder.zip5StateOfZip[statesOf.replacedZips[i]] = statesOf.zip5StateOfReplaced[i];
    }
    System.arraycopy(builder.zip5StateOfZip, 0, builder.stateOfZip, 0, ZIPS);
    return builder;
  }

  /**
   * {@return the area of {@code zip} (five digits, or ZIP+4 of which the first five count), if the
   * table has its state}
   *
   * @param zip the beneficiary's ZIP code
   */
  public Optional<DmeposArea> find(CharSequence zip) {
    int z = zipNumber(requireNonNull(zip, "zip"));
    if (z < 0 || stateOfZip[z] == 0) {
      return Optional.empty();
    }
    return Optional.of(new DmeposArea(states.get(stateOfZip[z] - 1), rural.get(z)));
  }

  /**
   * {@return the index in {@link #states()} of the state of ZIP code {@code zip} (0 to 99,999), or
   * -1 when the table does not know it}
   *
   * @param zip the ZIP code as a number
   */
  public int stateIndex(int zip) {
    return zip < 0 || zip >= ZIPS ? -1 : stateOfZip[zip] - 1;
  }

  /**
   * Tells whether ZIP code {@code zip} (0 to 99,999) is a DMEPOS rural ZIP code.
   *
   * @param zip the ZIP code as a number
   * @return true if the table lists {@code zip} as rural; false for a number outside 0 to 99,999
   */
  public boolean isRural(int zip) {
    return zip >= 0 && zip < ZIPS && rural.get(zip);
  }

  /** {@return the states of the table, in the order their indices number them} */
  public ImmutableList<String> states() {
    return states;
  }

  /**
   * {@return the quarter of CMS's rural ZIP code list the table holds, if said: CMS publishes the
   * list each quarter, and a {@link DmeposFeeSchedule} of another quarter says so in its
   * explanations}
   */
  public Optional<Quarter> ruralQuarter() {
    return Optional.ofNullable(ruralQuarter);
  }

  /** {@return the number of rural ZIP codes} */
  public int ruralCount() {
    return rural.cardinality();
  }

  /**
   * {@return the number of the ZIP code in the first five characters of {@code zip}, or -1 if they
   * are not five ASCII digits followed by nothing, {@code -dddd} or {@code dddd}}
   *
   * @param zip the ZIP code, five digits or ZIP+4
   */
  public static int zipNumber(CharSequence zip) {
    requireNonNull(zip, "zip");
    int length = zip.length();
    if (length != 5 && length != 9 && length != 10) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < length; i++) {
      char c = zip.charAt(i);
      if (i == 5 && length == 10) {
        if (c != '-') {
          return -1;
        }
      } else if (c < '0' || c > '9') {
        return -1;
      } else if (i < 5) {
        value = value * 10 + (c - '0');
      }
    }
    return value;
  }

  static boolean isState(String state) {
    return state.length() == 2
        && state.charAt(0) >= 'A'
        && state.charAt(0) <= 'Z'
        && state.charAt(1) >= 'A'
        && state.charAt(1) <= 'Z';
  }

  @Override
  public String toString() {
    return "DMEPOS ZIP table (" + states.size() + " states, " + ruralCount() + " rural ZIP codes)";
  }

  /** Builds a {@link DmeposZipTable}. */
  public static final class Builder {
    private final List<String> states = new ArrayList<>();
    private final byte[] stateOfZip = new byte[ZIPS];

    /** The states {@link #state} gave, which {@link #rural} leaves as they are. */
    private final byte[] zip5StateOfZip = new byte[ZIPS];

    private final BitSet rural = new BitSet(ZIPS);
    private String lastState;
    private byte lastIndex;
    private Quarter ruralQuarter;

    private Builder() {}

    /**
     * Says the quarter of CMS's rural ZIP code list the rural ZIP codes come from.
     *
     * @param quarter the quarter of the rural ZIP code list
     * @return this builder
     */
    public Builder ruralQuarter(Quarter quarter) {
      this.ruralQuarter = requireNonNull(quarter, "quarter");
      return this;
    }

    /**
     * Sets the state of ZIP codes {@code first} to {@code last}, inclusive.
     *
     * @param first the range's first ZIP code, as a number
     * @param last the range's last ZIP code, not before {@code first}
     * @param state the two-letter state, such as {@code NY}
     * @return this builder
     * @throws IllegalArgumentException if the range is not within 0-99,999 or the state is not two
     *     upper-case letters
     */
    public Builder state(int first, int last, String state) {
      byte index = index(requireNonNull(state, "state"));
      if (first < 0 || last >= ZIPS || last < first) {
        throw new IllegalArgumentException("not a ZIP code range: " + first + "-" + last);
      }
      for (int z = first; z <= last; z++) {
        stateOfZip[z] = index;
        zip5StateOfZip[z] = index;
      }
      return this;
    }

    /**
     * Marks {@code zip} a DMEPOS rural ZIP code of {@code state}, which replaces the state it had
     * for lookups; {@link DmeposZipTable#builder(DmeposZipTable)} gives it back the state {@link
     * #state} gave it.
     *
     * @param zip the ZIP code, as a number
     * @param state the two-letter state the rural list gives it
     * @return this builder
     * @throws IllegalArgumentException if the ZIP code is not within 0-99,999 or the state is not
     *     two upper-case letters
     */
    public Builder rural(int zip, String state) {
      byte index = index(requireNonNull(state, "state"));
      if (zip < 0 || zip >= ZIPS) {
        throw new IllegalArgumentException("not a ZIP code: " + zip);
      }
      stateOfZip[zip] = index;
      rural.set(zip);
      return this;
    }

    private byte index(String state) {
      // A file gives one state's ZIP codes together: the state of the last call, compared first,
      // spares a search of the list per ZIP code (16,000 rural ones in the bundled file).
      if (state.equals(lastState)) {
        return lastIndex;
      }
      lastIndex = searchIndex(state);
      lastState = state;
      return lastIndex;
    }

    private byte searchIndex(String state) {
      if (!isState(state)) {
        throw new IllegalArgumentException(
            "a state is two upper-case letters, not " + CodeFormatException.quote(state));
      }
      int i = states.indexOf(state);
      if (i < 0) {
        if (states.size() == Byte.MAX_VALUE) {
          throw new IllegalArgumentException("more than 127 states");
        }
        states.add(state);
        i = states.size() - 1;
      }
      return (byte) (i + 1);
    }

    /** {@return the table} */
    public DmeposZipTable build() {
      return new DmeposZipTable(this);
    }
  }
}
