package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.index.PackedIndex;
import io.github.cpt4j.modifier.Modifier;
import io.github.cpt4j.text.OneLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fee schedule that is a table: an amount per code, optionally per code and modifier — the shape
 * of most commercial contracts and of any schedule exported from a spreadsheet.
 *
 * <p>A line is priced from the row of its code with the first of its modifiers (in billed order)
 * that has a row, else from the code's row without a modifier; the amount is per unit and is
 * multiplied by the units (a product of a quadrillion dollars or more, which no fee is, is {@link
 * UnpricedReason#AMOUNT_OUT_OF_RANGE}). A code without any row is {@link
 * UnpricedReason#NOT_IN_SCHEDULE}; a code whose rows all have a modifier, billed with none of
 * those, is {@link UnpricedReason#MODIFIER_REQUIRED}, the detail listing its rows. Amounts keep the
 * precision they were given; rounding to cents happens once, in {@link FeeResult#amount()}. Dates,
 * localities and settings are ignored. Immutable.
 *
 * <pre>{@code
 * FlatFeeSchedule table = FlatFeeSchedule.builder()
 *     .name("acme-2025")
 *     .put(ProcedureCode.parse("99213"), new BigDecimal("95.00"))
 *     .put(ProcedureCode.parse("71046"), Modifier.PROFESSIONAL_COMPONENT, new BigDecimal("12.50"))
 *     .build();
 * }</pre>
 *
 * <p>{@code io.github.cpt4j.data.fee.FlatFeeScheduleCsv} loads one from CSV.
 */
public final class FlatFeeSchedule implements FeeSchedule {

  /** Slots per code: one without a modifier, then one per modifier ordinal. */
  private static final int SLOTS = 36 * 36 + 1;

  private final String name;
  private final PackedIndex index;
  private final ProcedureCode[] codes;
  private final Modifier[] modifiers;
  private final BigDecimal[] amounts;

  /** The packed codes whose rows all have a modifier; positions index {@link #modifierRows}. */
  private final PackedIndex modifierOnly;

  /** The rows of each code of {@link #modifierOnly}, in the order given: "71046-TC, 71046-26". */
  private final String[] modifierRows;

  private FlatFeeSchedule(
      String name, List<ProcedureCode> codes, List<Modifier> modifiers, List<BigDecimal> amounts) {
    this.name = name;
    this.codes = codes.toArray(new ProcedureCode[0]);
    this.modifiers = modifiers.toArray(new Modifier[0]);
    this.amounts = amounts.toArray(new BigDecimal[0]);
    int[] keys = new int[this.codes.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = key(this.codes[i], this.modifiers[i]);
    }
    this.index = PackedIndex.of(keys);
    // Worked out once, for the refusals: a line of such a code is not priced for want of a
    // modifier, not for want of the code, and its refusal says which rows it could use.
    Map<ProcedureCode, StringBuilder> rowsByCode = new LinkedHashMap<>();
    for (int i = 0; i < this.codes.length; i++) {
      if (this.modifiers[i] != null) {
        StringBuilder rows = rowsByCode.computeIfAbsent(this.codes[i], c -> new StringBuilder());
        rows.append(rows.length() == 0 ? "" : ", ").append(this.codes[i] + "-" + this.modifiers[i]);
      }
    }
    rowsByCode.keySet().removeIf(code -> index.positionOf(key(code, null)) >= 0);
    int[] onlyKeys = new int[rowsByCode.size()];
    this.modifierRows = new String[onlyKeys.length];
    int n = 0;
    for (Map.Entry<ProcedureCode, StringBuilder> rows : rowsByCode.entrySet()) {
      onlyKeys[n] = rows.getKey().packed();
      modifierRows[n++] = rows.getValue().toString();
    }
    this.modifierOnly = PackedIndex.of(onlyKeys);
  }

  private static int key(ProcedureCode code, Modifier modifier) {
    return code.packed() * SLOTS + (modifier == null ? 0 : modifier.ordinal() + 1);
  }

  /** {@return a builder of a table} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public FeeResult price(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    ProcedureCode code = line.code();
    int position = -1;
    for (Modifier modifier : line.modifiers()) {
      position = index.positionOf(key(code, modifier));
      if (position >= 0) {
        break;
      }
    }
    if (position < 0) {
      position = index.positionOf(key(code, null));
    }
    if (position < 0) {
      int only = modifierOnly.positionOf(code.packed());
      if (only >= 0) {
        return FeeResult.unpriced(
            UnpricedReason.MODIFIER_REQUIRED,
            code + " is in " + name + " only as " + modifierRows[only],
            Explanation.of(
                PricingStep.note(
                    "table",
                    name
                        + ": no row for "
                        + line
                        + "; "
                        + code
                        + " has rows "
                        + modifierRows[only])));
      }
      return FeeResult.unpriced(
          UnpricedReason.NOT_IN_SCHEDULE,
          code + " is not in " + name,
          Explanation.of(PricingStep.note("table", name + ": no row for " + line)));
    }
    BigDecimal unit = amounts[position];
    String row = modifiers[position] == null ? code.toString() : code + "-" + modifiers[position];
    Explanation explanation = Explanation.of(PricingStep.of("table", name + ": row " + row, unit));
    if (line.units() > 1) {
      BigDecimal total = unit.multiply(BigDecimal.valueOf(line.units()));
      // A row below a quadrillion dollars times up to 99,999 units may not be: a typed refusal,
      // as price never throws for data, not the exception of a step's amount.
      if (FeeResult.amountProblem(total) != null) {
        return FeeResult.unpriced(
            UnpricedReason.AMOUNT_OUT_OF_RANGE,
            row
                + " at "
                + unit.toPlainString()
                + " x "
                + line.units()
                + " units is "
                + total.toPlainString()
                + ", a quadrillion dollars or more",
            explanation.then(
                PricingStep.note(
                    "units", "x " + line.units() + ": a quadrillion dollars or more")));
      }
      explanation = explanation.then(PricingStep.of("units", "x " + line.units(), total));
      return FeeResult.priced(total, explanation);
    }
    return FeeResult.priced(unit, explanation);
  }

  /**
   * {@return the amount per unit of the row of {@code code} with {@code modifier} (empty: the row
   * without a modifier), exactly as given, if there is such a row}
   *
   * @param code the code of the row
   * @param modifier the row's modifier; empty for the row without one
   */
  public Optional<BigDecimal> amount(ProcedureCode code, Optional<Modifier> modifier) {
    int position =
        index.positionOf(
            key(requireNonNull(code, "code"), requireNonNull(modifier, "modifier").orElse(null)));
    return position < 0 ? Optional.empty() : Optional.of(amounts[position]);
  }

  /** {@return the number of rows} */
  public int size() {
    return amounts.length;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name + " (" + amounts.length + " rows)";
  }

  /** Builds a {@link FlatFeeSchedule}; every (code, modifier) may be given once. */
  public static final class Builder {
    private String name = "flat table";
    private final List<ProcedureCode> codes = new ArrayList<>();
    private final List<Modifier> modifiers = new ArrayList<>();
    private final List<BigDecimal> amounts = new ArrayList<>();
    private final Map<Integer, Integer> seen = new HashMap<>();

    private Builder() {}

    /**
     * Sets the name used in explanations and refusals (default {@code "flat table"}).
     *
     * @param newName the name, one line, not blank, such as {@code payer 42 2026}
     * @return this builder
     * @throws IllegalArgumentException if {@code newName} is blank or not one line: an explanation
     *     would read "table: : row 99213", or be torn over lines
     */
    public Builder name(String newName) {
      this.name = OneLine.checked(requireNonNull(newName, "newName"), "a fee schedule's name");
      return this;
    }

    /**
     * Adds the amount per unit of {@code code} billed without a matching modifier row.
     *
     * @param code the code of the row
     * @param amount the amount per unit, in dollars: zero or more, of at most {@value
     *     FeeResult#MAX_SCALE} decimal places
     * @return this builder
     * @throws IllegalArgumentException if {@code amount} is negative or no fee ({@link
     *     FeeResult#priced(BigDecimal, Explanation)}), or the row was added before
     */
    public Builder put(ProcedureCode code, BigDecimal amount) {
      return add(requireNonNull(code, "code"), null, amount);
    }

    /**
     * Adds the amount per unit of {@code code} billed with {@code modifier}.
     *
     * @param code the code of the row
     * @param modifier the modifier of the row
     * @param amount the amount per unit, in dollars: zero or more, of at most {@value
     *     FeeResult#MAX_SCALE} decimal places
     * @return this builder
     * @throws IllegalArgumentException if {@code amount} is negative or no fee ({@link
     *     FeeResult#priced(BigDecimal, Explanation)}), or the row was added before
     */
    public Builder put(ProcedureCode code, Modifier modifier, BigDecimal amount) {
      return add(requireNonNull(code, "code"), requireNonNull(modifier, "modifier"), amount);
    }

    /**
     * Adds a row whose modifier is optional.
     *
     * @param code the code of the row
     * @param modifier the modifier of the row; empty for the row without one
     * @param amount the amount per unit, in dollars: zero or more, of at most {@value
     *     FeeResult#MAX_SCALE} decimal places
     * @return this builder
     * @throws IllegalArgumentException if {@code amount} is negative or no fee ({@link
     *     FeeResult#priced(BigDecimal, Explanation)}), or the row was added before
     */
    public Builder put(ProcedureCode code, Optional<Modifier> modifier, BigDecimal amount) {
      return add(
          requireNonNull(code, "code"), requireNonNull(modifier, "modifier").orElse(null), amount);
    }

    private Builder add(ProcedureCode code, Modifier modifier, BigDecimal amount) {
      requireNonNull(amount, "amount");
      String row = modifier == null ? code.toString() : code + "-" + modifier;
      if (amount.signum() < 0) {
        throw new IllegalArgumentException("negative amount " + amount + " for " + row);
      }
      // Refused now, not when a line of the row is priced: the row's step and fee could not be.
      String problem = FeeResult.amountProblem(amount);
      if (problem != null) {
        throw new IllegalArgumentException("row " + row + ": " + problem);
      }
      Integer previous = seen.putIfAbsent(key(code, modifier), codes.size());
      if (previous != null) {
        throw new IllegalArgumentException(
            "row "
                + row
                + " given twice (rows "
                + (previous + 1)
                + " and "
                + (codes.size() + 1)
                + ")");
      }
      codes.add(code);
      modifiers.add(modifier);
      amounts.add(amount);
      return this;
    }

    /** {@return the table} */
    public FlatFeeSchedule build() {
      return new FlatFeeSchedule(name, codes, modifiers, amounts);
    }
  }
}
