package io.github.cpt4j.claim;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.code.CodeFormatException;
import io.github.cpt4j.text.NullElements;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The service lines billed on one claim for one patient, in billed order, each with its charge when
 * known. A line may carry its own date of service ({@link BilledLine#dateOfService()}) and the
 * practitioner who furnished it ({@link BilledLine#renderingProvider()}, on a group's claim); a
 * line without a date is on the pricing context's date, and the lines without a rendering provider
 * are the billing provider's: the one NPI the other lines name, or, beside lines of several NPIs, a
 * provider of their own ({@code io.github.cpt4j.edit.RenderingProviders}). Claim-level payment
 * rules (multiple procedures, bilateral pairs, services paid only alone) look at one provider's
 * lines of one date (a claim pricer groups them: {@code io.github.cpt4j.edit.ProviderDay}), the
 * component reductions at a date's lines of every provider; who the patient is, the date of the
 * lines without one and the practitioner types belong to the pricing context.
 *
 * <p>Immutable. A claim may be empty.
 *
 * <pre>{@code
 * Claim claim = Claim.builder()
 *     .add("29880-RT", "2400.00")   // a line and its charge
 *     .add("20610-LT", "310.00")
 *     .add("99213-25")              // charge not known
 *     .build();
 * }</pre>
 */
public final class Claim {

  private static final Claim EMPTY = new Claim(ImmutableList.of());

  private final ImmutableList<BilledLine> lines;
  // The number each line has on the claim as billed, when not its position from 1; else null.
  private final int[] numbers;

  private Claim(ImmutableList<BilledLine> lines) {
    this(lines, null);
  }

  private Claim(ImmutableList<BilledLine> lines, int[] numbers) {
    this.lines = lines;
    this.numbers = numbers;
  }

  /**
   * {@return a claim of {@code lines}, in this order}
   *
   * @param lines the billed lines; empty for a claim of none
   */
  public static Claim of(List<BilledLine> lines) {
    // A null line is named with its index, the message written only then: one pass, no more
    // allocation than the copy (the pricing benchmarks build claims).
    ImmutableList<BilledLine> copy = NullElements.copyOf(requireNonNull(lines, "lines"), "line");
    return copy.isEmpty() ? EMPTY : new Claim(copy);
  }

  /**
   * {@return a claim of {@code lines}, in this order}
   *
   * @param lines the billed lines
   */
  public static Claim of(BilledLine... lines) {
    // Not List.of: its NullPointerException for a null line does not say which one.
    return of(Arrays.asList(requireNonNull(lines, "lines")));
  }

  /**
   * {@return a claim of {@code lines}, in this order, none with a known charge}
   *
   * @param lines the lines, such as {@code ClaimLine.parse("99213-25")}
   */
  public static Claim ofLines(ClaimLine... lines) {
    requireNonNull(lines, "lines");
    ImmutableList.Builder<BilledLine> billed = ImmutableList.builderWithExpectedSize(lines.length);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i] == null) {
        throw new NullPointerException(NullElements.at("line", i));
      }
      billed.add(BilledLine.of(lines[i]));
    }
    return of(billed.build());
  }

  /** {@return a builder of a claim, lines added in billed order} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the lines in billed order} */
  public ImmutableList<BilledLine> lines() {
    return lines;
  }

  /**
   * {@return the line at {@code index} (zero-based)}
   *
   * @param index the line's index, 0 to {@code size() - 1}
   * @throws IndexOutOfBoundsException if there is no line at {@code index}
   */
  public BilledLine line(int index) {
    return lines.get(index);
  }

  /** {@return the number of lines} */
  public int size() {
    return lines.size();
  }

  /**
   * Returns the number by which messages and explanations name the line at {@code index}
   * (zero-based): its position counted from 1, unless the claim was given numbers of its own
   * ({@link #withLineNumbers}).
   *
   * @param index the line's index, 0 to {@code size() - 1}
   * @return the line's number, at least 1
   * @throws IndexOutOfBoundsException if there is no line at {@code index}
   */
  public int lineNumber(int index) {
    Objects.checkIndex(index, lines.size());
    return numbers == null ? index + 1 : numbers[index];
  }

  /**
   * Returns this claim with its lines numbered {@code numbers}, in order, for what is said about
   * them: the lines of a larger claim as billed, some of which were left out before pricing (a
   * malformed row of a batch file, a line rejected upstream), keep the numbers the biller knows
   * them by. Pricing is the same; only messages and explanations name the lines differently.
   *
   * <pre>{@code
   * // Billed lines 1 to 3; line 1 was malformed and is not on the claim.
   * Claim.builder().add("27447").add("20610").build().withLineNumbers(2, 3);
   * }</pre>
   *
   * @param numbers the number of each line, in the claim's order
   * @return a claim of the same lines, named by {@code numbers}
   * @throws IllegalArgumentException unless there is one number per line, each at least 1 and
   *     greater than the one before
   */
  public Claim withLineNumbers(int... numbers) {
    // Copied before it is checked: a caller's array changed meanwhile must not slip a refused
    // number past the check into an immutable claim.
    int[] copy = requireNonNull(numbers, "numbers").clone();
    if (copy.length != lines.size()) {
      throw new IllegalArgumentException(
          copy.length + " line numbers for a claim of " + lines.size() + " lines");
    }
    boolean positions = true;
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] < 1 || i > 0 && copy[i] <= copy[i - 1]) {
        throw new IllegalArgumentException(
            "line numbers are at least 1 and increasing; found "
                + copy[i]
                + (i > 0 ? " after " + copy[i - 1] : "")
                + " for line "
                + (i + 1));
      }
      positions &= copy[i] == i + 1;
    }
    if (positions) {
      return this.numbers == null ? this : new Claim(lines, null);
    }
    return new Claim(lines, copy);
  }

  /**
   * Returns a copy with {@code line} added after the last line, numbered one past the last line's
   * number.
   *
   * @param line the line to add
   * @return a claim one line longer; this one is unchanged
   * @throws IllegalArgumentException if the last line's number is {@link Integer#MAX_VALUE}: none
   *     is past it
   */
  public Claim with(BilledLine line) {
    requireNonNull(line, "line");
    int[] more = null;
    if (numbers != null) {
      int last = numbers[numbers.length - 1];
      if (last == Integer.MAX_VALUE) {
        // One more would wrap to a negative number, which no claim's numbers may be.
        throw new IllegalArgumentException(
            "the last line is numbered " + last + ": no line number is past it");
      }
      more = Arrays.copyOf(numbers, numbers.length + 1);
      more[numbers.length] = last + 1;
    }
    return new Claim(
        ImmutableList.<BilledLine>builderWithExpectedSize(lines.size() + 1)
            .addAll(lines)
            .add(line)
            .build(),
        more);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Claim
        && ((Claim) other).lines.equals(lines)
        && Arrays.equals(((Claim) other).numbers, numbers);
  }

  @Override
  public int hashCode() {
    return lines.hashCode() * 31 + Arrays.hashCode(numbers);
  }

  /**
   * Returns the lines, such as {@code [29880-RT $2400.00, 99213-25]}; with numbers of their own,
   * each after its number: {@code [2: 27447, 3: 20610]}.
   */
  @Override
  public String toString() {
    if (numbers == null) {
      return lines.toString();
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < lines.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(numbers[i]).append(": ").append(lines.get(i));
    }
    return sb.append(']').toString();
  }

  /** Builds a {@link Claim}, one line at a time. */
  public static final class Builder {
    private final ImmutableList.Builder<BilledLine> lines = ImmutableList.builder();

    private Builder() {}

    /**
     * Adds {@code line}.
     *
     * @param line the line, with its charge, date of service and provider if known
     * @return this builder
     */
    public Builder add(BilledLine line) {
      lines.add(requireNonNull(line, "line"));
      return this;
    }

    /**
     * Adds {@code line} without a known charge.
     *
     * @param line the line
     * @return this builder
     */
    public Builder add(ClaimLine line) {
      return add(BilledLine.of(line));
    }

    /**
     * Adds {@code line} billed at {@code charge} dollars.
     *
     * @param line the line
     * @param charge the billed charge, in dollars
     * @return this builder
     * @throws IllegalArgumentException if the charge is negative, has fractions of a cent, or is a
     *     trillion dollars or more
     */
    public Builder add(ClaimLine line, BigDecimal charge) {
      return add(BilledLine.of(line, charge));
    }

    /**
     * Adds the line written as {@link ClaimLine#parse} reads it, such as {@code "99213-25"},
     * without a known charge.
     *
     * @param line the line, such as {@code "99213-25"}
     * @return this builder
     * @throws CodeFormatException if the line is malformed, with the type and index of the problem
     */
    public Builder add(CharSequence line) {
      return add(ClaimLine.parse(line));
    }

    /**
     * Adds the line written as {@link ClaimLine#parse} reads it, billed at {@code charge} dollars
     * written as a decimal number, such as {@code "2400.00"}: ASCII digits and at most one decimal
     * point, between any white space, as {@link BilledLine#parse} reads a charge after its {@code
     * $}.
     *
     * @param line the line, such as {@code "29880-RT"}
     * @param charge the billed charge in dollars, such as {@code "2400.00"}
     * @return this builder
     * @throws NumberFormatException if {@code charge} is not such a number (an exponent, a digit
     *     other than ASCII 0-9, a comma), with the index of the first character that cannot be
     *     there
     * @throws IllegalArgumentException if the charge is refused as {@link BilledLine#of(ClaimLine,
     *     BigDecimal)} refuses it: negative, fractions of a cent, a trillion dollars or more
     * @throws CodeFormatException if the line is malformed
     */
    public Builder add(CharSequence line, String charge) {
      requireNonNull(line, "line");
      requireNonNull(charge, "charge");
      BigDecimal amount;
      try {
        // The reader of BilledLine.parse: the same digits, blanks and message.
        amount = BilledLine.parseCharge(charge);
      } catch (NumberFormatException e) {
        // Quoted as every message quotes input: one short line, whatever the caller's text.
        NumberFormatException refused =
            new NumberFormatException(
                e.getMessage() + " (line " + CodeFormatException.quote(line) + ")");
        refused.initCause(e);
        throw refused;
      }
      return add(ClaimLine.parse(line), amount);
    }

    /** {@return the claim} */
    public Claim build() {
      return of(lines.build());
    }
  }
}
