package io.github.cpt4j.fee.medicare.dmepos;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.modifier.Modifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the DMEPOS fee schedule: a code with up to two modifiers (such as {@code E0114-RR} or
 * {@code E0950-RR-KU}), its jurisdiction and payment category, the national ceiling and floor, and
 * the fee of each state for non-rural and for rural ZIP codes. The file's description column is
 * never part of it.
 *
 * <p>CMS's file notes: the state amounts are already limited to the ceiling and floor (where the
 * ceiling is 0 the item has none), and the non-continental areas, Alaska, Hawaii, Puerto Rico and
 * the Virgin Islands, are not subject to them. A rural amount of 0.00 means the item has no rural
 * amount of its own: the non-rural amount applies in rural ZIP codes too. An amount of 0.00 in the
 * column that applies means no fee schedule amount: the contractor prices the item.
 *
 * <p>Immutable; amounts are held in cents (every DMEPOS amount has two decimals).
 */
public final class DmeposFee {

  /** The largest state fee: state fees are kept as {@code int} cents. */
  private static final BigDecimal MAX_STATE_FEE = BigDecimal.valueOf(Integer.MAX_VALUE, 2);

  /** The largest ceiling or floor: kept as {@code long} cents. */
  private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(Long.MAX_VALUE, 2);

  private final ProcedureCode code;
  private final Optional<Modifier> modifier;
  private final Optional<Modifier> secondModifier;
  private final DmeposJurisdiction jurisdiction;
  private final DmeposCategory category;
  private final long ceilingCents;
  private final long floorCents;
  private final ImmutableList<String> states;
  private final int[] nonRuralCents;
  private final int[] ruralCents;

  private DmeposFee(Builder b) {
    this.code = requireNonNull(b.code, "code");
    this.modifier = b.modifier;
    this.secondModifier = b.secondModifier;
    if (modifier.isEmpty() && secondModifier.isPresent()) {
      throw new IllegalArgumentException(code + ": a second modifier without a first");
    }
    this.jurisdiction = requireNonNull(b.jurisdiction, "jurisdiction");
    this.category = requireNonNull(b.category, "category");
    this.ceilingCents = cents(b.ceiling, "ceiling", "", MAX_AMOUNT);
    this.floorCents = cents(b.floor, "floor", "", MAX_AMOUNT);
    this.states = requireNonNull(b.states, "states (call Builder.fees)");
    this.nonRuralCents = new int[states.size()];
    this.ruralCents = new int[states.size()];
    for (int i = 0; i < states.size(); i++) {
      nonRuralCents[i] = (int) cents(b.nonRural.get(i), states.get(i), " (NR)", MAX_STATE_FEE);
      ruralCents[i] = (int) cents(b.rural.get(i), states.get(i), " (R)", MAX_STATE_FEE);
    }
  }

  /**
   * The amount in cents, at most {@code max}: the state fees are stored as {@code int} cents (up to
   * $21,474,836.47), so a larger amount is refused here with the row and column it came from rather
   * than overflowing, or failing with an arithmetic error that names neither. The column's name is
   * {@code what} and {@code suffix}, joined only for an error: a row has 114 amounts.
   */
  private long cents(BigDecimal amount, String what, String suffix, BigDecimal max) {
    if (amount == null) {
      throw new NullPointerException(what + suffix);
    }
    // Stripping zeros only beyond two decimals: it costs a division per amount.
    if (amount.signum() < 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException(
          code + " " + what + suffix + ": expected dollars and cents of at least 0, not " + amount);
    }
    if (amount.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          code
              + " "
              + what
              + suffix
              + ": expected at most "
              + max.toPlainString()
              + ", not "
              + amount);
    }
    return amount.movePointRight(2).longValueExact();
  }

  /**
   * {@return a builder of a row of {@code code}}
   *
   * @param code the code of the row
   */
  public static Builder builder(ProcedureCode code) {
    return new Builder(requireNonNull(code, "code"));
  }

  /** {@return the code} */
  public ProcedureCode code() {
    return code;
  }

  /** {@return the first modifier of the row ({@code Mod}), if any} */
  public Optional<Modifier> modifier() {
    return modifier;
  }

  /** {@return the second modifier of the row ({@code Mod2}), if any} */
  public Optional<Modifier> secondModifier() {
    return secondModifier;
  }

  /** {@return the number of modifiers of the row, 0 to 2} */
  public int modifierCount() {
    return secondModifier.isPresent() ? 2 : modifier.isPresent() ? 1 : 0;
  }

  /** {@return who processes claims for the item} */
  public DmeposJurisdiction jurisdiction() {
    return jurisdiction;
  }

  /** {@return the payment category} */
  public DmeposCategory category() {
    return category;
  }

  /** {@return the national ceiling (0.00: none)} */
  public BigDecimal ceiling() {
    return BigDecimal.valueOf(ceilingCents, 2);
  }

  /** {@return the national floor (0.00: none)} */
  public BigDecimal floor() {
    return BigDecimal.valueOf(floorCents, 2);
  }

  /** {@return the states of the row's fee columns, in the file's order} */
  public ImmutableList<String> states() {
    return states;
  }

  /**
   * {@return the non-rural fee of {@code state} exactly as published, if the row has the state}
   *
   * @param state the two-letter state, such as {@code NY}
   */
  public Optional<BigDecimal> nonRuralFee(String state) {
    int i = states.indexOf(requireNonNull(state, "state"));
    return i < 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(nonRuralCents[i], 2));
  }

  /**
   * {@return the rural fee of {@code state} exactly as published, if the row has the state}
   *
   * @param state the two-letter state, such as {@code NY}
   */
  public Optional<BigDecimal> ruralFee(String state) {
    int i = states.indexOf(requireNonNull(state, "state"));
    return i < 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(ruralCents[i], 2));
  }

  /**
   * {@return the fee in cents that applies in the state of column {@code stateIndex} (an index into
   * {@link #states()}): the rural amount in a rural ZIP code when the row has one, else the
   * non-rural amount; 0 means the contractor prices the item}
   *
   * @param stateIndex the state's index in {@link #states()}
   * @param rural true if the beneficiary's ZIP code is a DMEPOS rural ZIP code
   * @throws ArrayIndexOutOfBoundsException if {@code stateIndex} is not an index of {@link
   *     #states()}
   */
  public long feeCents(int stateIndex, boolean rural) {
    int r = ruralCents[stateIndex];
    return rural && r > 0 ? r : nonRuralCents[stateIndex];
  }

  /**
   * Tells whether the row's rural amount applied: {@code rural} and a rural amount above 0.
   *
   * @param stateIndex the state's index in {@link #states()}
   * @param rural true if the beneficiary's ZIP code is a DMEPOS rural ZIP code
   * @return true if {@link #feeCents} gave the rural amount
   * @throws ArrayIndexOutOfBoundsException if {@code stateIndex} is not an index of {@link
   *     #states()}
   */
  public boolean ruralAmountApplies(int stateIndex, boolean rural) {
    return rural && ruralCents[stateIndex] > 0;
  }

  /** {@return the row as written on a claim line: {@code E0114-RR}, {@code E0950-RR-KU}} */
  public String row() {
    StringBuilder sb = new StringBuilder(code.toString());
    modifier.ifPresent(m -> sb.append('-').append(m));
    secondModifier.ifPresent(m -> sb.append('-').append(m));
    return sb.toString();
  }

  /**
   * Tells whether {@code o} is a row of the same code, modifiers, jurisdiction, category, ceiling,
   * floor, states and fees. Amounts compare in cents, so the scale they were given with does not
   * matter ({@code 61.45} and {@code 61.450}), as the laboratory's and the drugs' rows, records,
   * compare by their fields.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DmeposFee other)) {
      return false;
    }
    return code.equals(other.code)
        && modifier.equals(other.modifier)
        && secondModifier.equals(other.secondModifier)
        && jurisdiction == other.jurisdiction
        && category == other.category
        && ceilingCents == other.ceilingCents
        && floorCents == other.floorCents
        && states.equals(other.states)
        && Arrays.equals(nonRuralCents, other.nonRuralCents)
        && Arrays.equals(ruralCents, other.ruralCents);
  }

  /** Returns a hash of the fields {@link #equals} compares. */
  @Override
  public int hashCode() {
    int h = Objects.hash(code, modifier, secondModifier, jurisdiction, category, states);
    h = 31 * h + Long.hashCode(ceilingCents);
    h = 31 * h + Long.hashCode(floorCents);
    h = 31 * h + Arrays.hashCode(nonRuralCents);
    return 31 * h + Arrays.hashCode(ruralCents);
  }

  @Override
  public String toString() {
    return row() + " " + category.code() + " (" + states.size() + " states)";
  }

  /** Builds a {@link DmeposFee}. */
  public static final class Builder {
    private final ProcedureCode code;
    private Optional<Modifier> modifier = Optional.empty();
    private Optional<Modifier> secondModifier = Optional.empty();
    private DmeposJurisdiction jurisdiction;
    private DmeposCategory category;
    private BigDecimal ceiling = BigDecimal.ZERO;
    private BigDecimal floor = BigDecimal.ZERO;
    private ImmutableList<String> states;
    private List<BigDecimal> nonRural;
    private List<BigDecimal> rural;

    private Builder(ProcedureCode code) {
      this.code = code;
    }

    /**
     * Sets the row's modifiers: none, one, or two (the second only with a first).
     *
     * @param first the row's first modifier, such as {@code RR}; empty for none
     * @param second the row's second modifier, such as {@code KU}; empty for none
     * @return this builder
     */
    public Builder modifiers(Optional<Modifier> first, Optional<Modifier> second) {
      this.modifier = requireNonNull(first, "first");
      this.secondModifier = requireNonNull(second, "second");
      return this;
    }

    /**
     * Sets the jurisdiction.
     *
     * @param value the DME jurisdiction of the item
     * @return this builder
     */
    public Builder jurisdiction(DmeposJurisdiction value) {
      this.jurisdiction = requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets the payment category.
     *
     * @param value the payment category of the item
     * @return this builder
     */
    public Builder category(DmeposCategory value) {
      this.category = requireNonNull(value, "value");
      return this;
    }

    /**
     * Sets the national ceiling and floor (0.00 each when the item has none, the default).
     *
     * @param newCeiling the national ceiling, in dollars
     * @param newFloor the national floor, in dollars
     * @return this builder
     */
    public Builder ceilingAndFloor(BigDecimal newCeiling, BigDecimal newFloor) {
      this.ceiling = requireNonNull(newCeiling, "newCeiling");
      this.floor = requireNonNull(newFloor, "newFloor");
      return this;
    }

    /**
     * Sets the fees: {@code nonRural.get(i)} and {@code rural.get(i)} are those of {@code
     * states.get(i)}, each state two upper-case letters, as a {@link DmeposArea} names it ({@code
     * NY}, {@code PR}). Rows of one schedule should share one {@code states} list.
     *
     * @param newStates the states of the fees, in column order
     * @param nonRuralFees the non-rural fee of each state, in dollars; 0.00 where the contractor
     *     prices the item
     * @param ruralFees the rural fee of each state, in dollars; 0.00 where the state has none
     * @return this builder
     * @throws IllegalArgumentException if the lists differ in size, a state is not two upper-case
     *     letters, or a state repeats
     */
    public Builder fees(
        ImmutableList<String> newStates,
        List<BigDecimal> nonRuralFees,
        List<BigDecimal> ruralFees) {
      requireNonNull(newStates, "newStates");
      requireNonNull(nonRuralFees, "nonRuralFees");
      requireNonNull(ruralFees, "ruralFees");
      if (nonRuralFees.size() != newStates.size() || ruralFees.size() != newStates.size()) {
        throw new IllegalArgumentException(
            code
                + ": "
                + newStates.size()
                + " states but "
                + nonRuralFees.size()
                + " and "
                + ruralFees.size()
                + " fees");
      }
      for (int i = 0; i < newStates.size(); i++) {
        // A column no area names ("ny", "N.") could never price: every line of the state would
        // go unpriced with no word of the row's mistake.
        if (!DmeposZipTable.isState(newStates.get(i))) {
          throw new IllegalArgumentException(
              code
                  + ": a state is two upper-case letters, not "
                  + CodeFormatException.quote(newStates.get(i))
                  + " (index "
                  + i
                  + " of the states)");
        }
      }
      if (newStates.stream().distinct().count() != newStates.size()) {
        throw new IllegalArgumentException(code + ": a state repeats in " + newStates);
      }
      this.states = newStates;
      this.nonRural = List.copyOf(nonRuralFees);
      this.rural = List.copyOf(ruralFees);
      return this;
    }

    /**
     * Returns the row.
     *
     * @return the row
     * @throws IllegalArgumentException if an amount is negative or has more than two decimals, a
     *     state fee is above $21,474,836.47, or a second modifier is set without a first (the
     *     message names the code and the column)
     * @throws NullPointerException if the jurisdiction, the category or the fees were not set
     */
    public DmeposFee build() {
      return new DmeposFee(this);
    }
  }
}
