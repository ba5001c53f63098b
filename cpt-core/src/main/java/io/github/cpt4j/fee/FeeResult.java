package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The answer of a {@link FeeSchedule}: {@link Priced an amount} in US dollars, or {@link Unpriced
 * the typed reason} why there is none; either way with its {@link Explanation}. Sealed: every
 * result is one of the two, and {@code instanceof} patterns read them; the accessors on this class
 * ({@link #amount()}, {@link #reason()}...) serve callers who only want a value.
 *
 * <h2>Rounding</h2>
 *
 * A priced result keeps the <em>exact</em> amount, and every adjustment applied to it ({@link
 * #multipliedBy multipliedBy}, {@link #withExactAmount withExactAmount}) multiplies that exact
 * amount without rounding; {@link #amount()} rounds it to cents, half-up. So adjustments never
 * compound a rounding error. A schedule rounds before that only where its payer does: the Medicare
 * Physician Fee Schedule rounds the fee of one unit to cents first, as CMS posts it (rule {@code
 * posted-fee}), and multiplies that posted fee by the units and the adjustments, as Medicare pays
 * (three units of a 101.0569353 fee are 3 x 101.06 = 303.18, not 303.17).
 *
 * <p>Amounts are never negative, less than a quadrillion dollars and of at most {@value #MAX_SCALE}
 * decimal places ({@link #MAX_SCALE}), so that every result written out in full (as {@code
 * toPlainString} writes it) reads back. Immutable and thread-safe.
 *
 * <pre>{@code
 * // 2025, Manhattan (13202-01), non-facility
 * FeeResult result = schedule.price(ClaimLine.parse("99213"), context);
 * if (result instanceof FeeResult.Priced priced) {
 *   BigDecimal dollars = priced.roundedAmount();       // 101.06
 * } else if (result instanceof FeeResult.Unpriced unpriced) {
 *   UnpricedReason why = unpriced.why();               // CARRIER_PRICED...
 * }
 * result.amountOrThrow();                              // the same, or an exception with the reason
 * log.info(result.toString());                         // one line: amount and explanation
 * }</pre>
 */
public abstract sealed class FeeResult permits FeeResult.Priced, FeeResult.Unpriced {

  /** The scale of {@link #amount()}: cents. */
  public static final int CENTS = 2;

  /** The rounding of the exact amount to cents: half-up, as CMS rounds. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

  /**
   * The most decimal places of an exact amount: of {@link #priced}'s, of a {@link PricingStep}'s
   * amount and of a factor ({@link #checkFactor}); a product of more ({@link #multipliedBy}) is
   * rounded half-up to them. The amounts the Medicare schedules and claim pricer compute from CMS's
   * files have at most 26 (nine of a fee schedule's fixed point, a few more per percentage, 25 for
   * a modifier 55 share of a global period's days), far fewer; the bound is what every amount
   * written out in full reads back within, and keeps {@code 0E-999999999} (a gigabyte of zeros when
   * written) out.
   */
  public static final int MAX_SCALE = 100;

  /** 10^7: units of 10^-9 dollars in a cent. */
  private static final long NANOS_PER_CENT = 10_000_000L;

  /**
   * The explanation, or for a result made with an explanation's supplier (see {@link
   * #pricedNanoDollars(long, boolean, Supplier)}) what makes it when first read. Final, so that a
   * result handed to another thread without synchronization is seen whole. With {@code deferred} it
   * takes the space of the two fields it replaced: a {@link Priced} is 48 bytes either way, an
   * {@link Unpriced} 32, and a result made with a supplier saves a 24-byte {@code Explanation}.
   */
  private final Object explanationOrSource;

  /**
   * The explanation made from the supplier, once first read; else null. Set without a lock, which
   * is safe: a deferred explanation is equal to any other made from the same supplier, and its one
   * field is final.
   */
  private Explanation deferred;

  private FeeResult(Explanation explanation) {
    this.explanationOrSource = explanation;
  }

  private FeeResult(Supplier<Explanation> explanationSource) {
    this.explanationOrSource = explanationSource;
  }

  /**
   * Returns a priced result of {@code exactAmount} dollars, unrounded.
   *
   * @param exactAmount the amount in dollars, unrounded: {@link #amountOrThrow()} rounds it to
   *     cents
   * @param explanation how the amount was arrived at, step by step
   * @return a {@link Priced} result
   * @throws IllegalArgumentException if the amount is negative, a quadrillion dollars or more, or
   *     of more than {@value #MAX_SCALE} decimal places
   */
  public static FeeResult priced(BigDecimal exactAmount, Explanation explanation) {
    return new Priced(checkAmount(exactAmount), false, requireNonNull(explanation, "explanation"));
  }

  /**
   * Returns a priced result for a setting the schedule marks as not available ("NA"): priced as the
   * schedule's published amounts price it, and flagged so that callers can tell.
   *
   * @param exactAmount the amount in dollars, unrounded: {@link #amountOrThrow()} rounds it to
   *     cents
   * @param explanation how the amount was arrived at, step by step
   * @return a {@link Priced} result, flagged {@link #settingNotAvailable()}
   * @throws IllegalArgumentException if the amount is negative, a quadrillion dollars or more, or
   *     of more than {@value #MAX_SCALE} decimal places
   */
  public static FeeResult pricedSettingNotAvailable(
      BigDecimal exactAmount, Explanation explanation) {
    return new Priced(checkAmount(exactAmount), true, requireNonNull(explanation, "explanation"));
  }

  /**
   * Returns the same result as {@link #priced(BigDecimal, Explanation) priced(exactAmount,
   * Explanation.deferred(explanation))}, with the deferred explanation made only when it is first
   * read: one object (24 bytes) less per line for callers who read only the amount, such as a claim
   * pricer whose lines explain themselves on demand (issue 18). {@code explanation} has the
   * contract of {@link Explanation#deferred}.
   *
   * @param exactAmount the amount in dollars, unrounded: {@link #amountOrThrow()} rounds it to
   *     cents
   * @param explanation makes the explanation when it is first read; called at most once
   * @return a {@link Priced} result
   * @throws IllegalArgumentException if the amount is negative, a quadrillion dollars or more, or
   *     of more than {@value #MAX_SCALE} decimal places
   */
  public static FeeResult priced(BigDecimal exactAmount, Supplier<Explanation> explanation) {
    return new Priced(checkAmount(exactAmount), false, requireNonNull(explanation, "explanation"));
  }

  /**
   * Returns the same result as {@link #pricedSettingNotAvailable(BigDecimal, Explanation)
   * pricedSettingNotAvailable(exactAmount, Explanation.deferred(explanation))}, with the deferred
   * explanation made only when it is first read (see {@link #priced(BigDecimal, Supplier)}).
   *
   * @param exactAmount the amount in dollars, unrounded: {@link #amountOrThrow()} rounds it to
   *     cents
   * @param explanation makes the explanation when it is first read
   * @return a {@link Priced} result, flagged {@link #settingNotAvailable()}
   * @throws IllegalArgumentException if the amount is negative, a quadrillion dollars or more, or
   *     of more than {@value #MAX_SCALE} decimal places
   */
  public static FeeResult pricedSettingNotAvailable(
      BigDecimal exactAmount, Supplier<Explanation> explanation) {
    return new Priced(checkAmount(exactAmount), true, requireNonNull(explanation, "explanation"));
  }

  /**
   * Returns {@link #priced(BigDecimal, Supplier)} or {@link #pricedSettingNotAvailable(BigDecimal,
   * Supplier)} of {@code exactAmount}, already checked ({@link #checkAmount}), whose rounding to
   * cents ({@link #cents}) is {@code amount}: for a {@link PricedLine} that makes its result when
   * first read, and has checked and rounded the amount already.
   */
  static FeeResult pricedRounded(
      BigDecimal exactAmount,
      BigDecimal amount,
      boolean settingNotAvailable,
      Supplier<Explanation> explanation) {
    return new Priced(exactAmount, amount, settingNotAvailable, explanation);
  }

  /**
   * Returns a priced result of exactly {@code nanoDollars} x 10^-9 dollars, for schedules that
   * compute in fixed point: equal to {@link #priced} (or {@link #pricedSettingNotAvailable} when
   * {@code settingNotAvailable}) of {@code BigDecimal.valueOf(nanoDollars, 9)}, and cheaper, as the
   * rounding to cents is done in {@code long} arithmetic. Every non-negative {@code long} is
   * accepted, {@code Long.MAX_VALUE} included.
   *
   * @param nanoDollars the amount in billionths of a dollar
   * @param settingNotAvailable whether the schedule marks the setting priced as not available
   * @param explanation how the amount was arrived at, step by step
   * @return a {@link Priced} result
   * @throws IllegalArgumentException if the amount is negative
   */
  public static FeeResult pricedNanoDollars(
      long nanoDollars, boolean settingNotAvailable, Explanation explanation) {
    checkNanoDollars(nanoDollars);
    return new Priced(
        nanoDollars,
        centsOf(nanoDollars),
        settingNotAvailable,
        requireNonNull(explanation, "explanation"));
  }

  /**
   * Returns the same result as {@link #pricedNanoDollars(long, boolean, Explanation)
   * pricedNanoDollars(nanoDollars, settingNotAvailable, Explanation.deferred(explanation))}, with
   * the deferred explanation made only when it is first read. What it buys: a single line priced by
   * a schedule whose caller reads only the amount costs one object (24 bytes) less (issue 18).
   * {@code explanation} has the contract of {@link Explanation#deferred}.
   *
   * @param nanoDollars the amount in billionths of a dollar
   * @param settingNotAvailable whether the schedule marks the setting priced as not available
   * @param explanation makes the explanation when it is first read
   * @return a {@link Priced} result
   * @throws IllegalArgumentException if the amount is negative
   */
  public static FeeResult pricedNanoDollars(
      long nanoDollars, boolean settingNotAvailable, Supplier<Explanation> explanation) {
    checkNanoDollars(nanoDollars);
    return new Priced(
        nanoDollars,
        centsOf(nanoDollars),
        settingNotAvailable,
        requireNonNull(explanation, "explanation"));
  }

  private static void checkNanoDollars(long nanoDollars) {
    if (nanoDollars < 0) {
      throw new IllegalArgumentException(
          "a fee is never negative: " + BigDecimal.valueOf(nanoDollars, 9));
    }
  }

  /** The amount of {@code nanoDollars} (not negative) rounded half-up to cents. */
  private static BigDecimal centsOf(long nanoDollars) {
    // Half-up on a non-negative value: whole cents, plus one when the rest is half a cent or more.
    // The same value as setScale(CENTS, HALF_UP), at a fraction of its cost on the single-line
    // path. Not (nanoDollars + half a cent) / cent: that sum overflows near Long.MAX_VALUE.
    long cents =
        nanoDollars / NANOS_PER_CENT + (nanoDollars % NANOS_PER_CENT >= NANOS_PER_CENT / 2 ? 1 : 0);
    return BigDecimal.valueOf(cents, CENTS);
  }

  /**
   * {@return a result with no amount, for {@code reason}, with a detail in words}
   *
   * @param reason why there is no amount
   * @param detail the reason in words, for a person: the code, date or table concerned
   * @param explanation what was looked at before the result was decided, step by step
   */
  public static FeeResult unpriced(UnpricedReason reason, String detail, Explanation explanation) {
    return new Unpriced(
        requireNonNull(reason, "reason"),
        requireNonNull(detail, "detail"),
        requireNonNull(explanation, "explanation"));
  }

  /**
   * Returns the same result as {@link #unpriced(UnpricedReason, String, Explanation)
   * unpriced(reason, detail, Explanation.deferred(explanation))}, with the deferred explanation
   * made only when it is first read: one object (24 bytes) less per refused line for callers who
   * read only the reason (issue 18). {@code explanation} has the contract of {@link
   * Explanation#deferred}.
   *
   * @param reason why there is no amount
   * @param detail the reason in words, for a person: the code, date or table concerned
   * @param explanation makes the explanation when it is first read
   * @return an {@link Unpriced} result
   */
  public static FeeResult unpriced(
      UnpricedReason reason, String detail, Supplier<Explanation> explanation) {
    return new Unpriced(
        requireNonNull(reason, "reason"),
        requireNonNull(detail, "detail"),
        requireNonNull(explanation, "explanation"));
  }

  /**
   * Returns {@code exactAmount} if it may be a fee ({@link #amountProblem}).
   *
   * @throws IllegalArgumentException if not
   */
  static BigDecimal checkAmount(BigDecimal exactAmount) {
    requireNonNull(exactAmount, "exactAmount");
    String problem = amountProblem(exactAmount);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return exactAmount;
  }

  /**
   * Returns what makes {@code exactAmount} no fee, the amount last, or null when it is one: the one
   * bound on a fee, which {@link PricingStep}'s amounts share, so that every amount a step carries
   * could be a result's, and reads back as one.
   */
  static String amountProblem(BigDecimal exactAmount) {
    if (exactAmount.signum() < 0) {
      return "a fee is never negative: " + exactAmount;
    }
    // Rounding 1E+2147483647 to cents overflows BigDecimal's scale; no fee is a quadrillion
    // dollars.
    if (exactAmount.signum() != 0
        && (long) exactAmount.precision() - exactAmount.scale() > MAX_FEE_DIGITS) {
      return "a fee is less than a quadrillion dollars: " + exactAmount;
    }
    // Written out in full (toPlainString), 0E-999999999 is a gigabyte of zeros, and 1E-101 is
    // refused when read back. A negative scale needs no bound: a fee below a quadrillion has at
    // most 15 digits before the point, and zero of any exponent (0E+999999999) is written as 0.
    if (exactAmount.scale() > MAX_SCALE) {
      return "a fee has at most " + MAX_SCALE + " decimal places: " + exactAmount;
    }
    return null;
  }

  /** The most digits a fee has before the decimal point. */
  private static final int MAX_FEE_DIGITS = 15;

  /**
   * Rounds half up to cents. An amount below 10^-20 dollars is 0.00 without computing it: rounding
   * 1E-2147483647 would build a power of ten too large for BigInteger.
   */
  static BigDecimal cents(BigDecimal exactAmount) {
    if (exactAmount.signum() == 0 || (long) exactAmount.scale() - exactAmount.precision() > 20) {
      return BigDecimal.ZERO.setScale(CENTS);
    }
    return exactAmount.setScale(CENTS, ROUNDING);
  }

  /**
   * Tells whether there is an amount: whether this is a {@link Priced}.
   *
   * @return true for a {@link Priced} result, false for an {@link Unpriced} one
   */
  public abstract boolean isPriced();

  /** {@return the amount rounded half-up to cents (scale 2), if priced} */
  public abstract Optional<BigDecimal> amount();

  /**
   * Returns the amount rounded half-up to cents.
   *
   * @return the amount in dollars, with two decimal places
   * @throws IllegalStateException if the result is not priced; the message gives the reason
   */
  public abstract BigDecimal amountOrThrow();

  /** {@return the exact amount before the final rounding, if priced} */
  public abstract Optional<BigDecimal> exactAmount();

  /** {@return why there is no amount; empty when priced} */
  public abstract Optional<UnpricedReason> reason();

  /** {@return the detail of the reason in words (empty text when priced)} */
  public abstract String detail();

  /**
   * Tells whether the schedule marks the requested setting as not available ("NA": the service is
   * rarely or never furnished there); the amount is then the one the schedule publishes for it,
   * which for Medicare is the other setting's amount. Always false when unpriced.
   *
   * @return true if the amount is of a setting the schedule marks NA
   */
  public abstract boolean settingNotAvailable();

  /** {@return the inputs and steps that led to this result} */
  @SuppressWarnings("unchecked") // the other of the two types the constructors take
  public final Explanation explanation() {
    if (explanationOrSource instanceof Explanation explanation) {
      return explanation;
    }
    Explanation known = deferred;
    if (known == null) {
      known = Explanation.deferred((Supplier<Explanation>) explanationOrSource);
      deferred = known;
    }
    return known;
  }

  /**
   * Returns {@code factor} if an exact amount may be multiplied by it: never negative, and of at
   * most {@value #MAX_SCALE} decimal places, as an amount is (a factor of 1E-10000000 would take
   * seconds to round away).
   *
   * @param factor the factor to check
   * @return {@code factor}, unchanged
   * @throws IllegalArgumentException if it is not
   */
  public static BigDecimal checkFactor(BigDecimal factor) {
    requireNonNull(factor, "factor");
    if (factor.signum() < 0) {
      throw new IllegalArgumentException("a fee factor is never negative: " + factor);
    }
    if (factor.scale() > MAX_SCALE) {
      throw new IllegalArgumentException(
          "a fee factor has at most " + MAX_SCALE + " decimal places: " + factor);
    }
    return factor;
  }

  /**
   * Returns {@code amount} x {@code factor}, rounded half-up to {@value #MAX_SCALE} decimal places
   * when it has more: an amount of at most {@value #MAX_SCALE} places times a factor of at most
   * {@value #MAX_SCALE} (a percentage of a percentage of a fee). Rounding at the 100th place
   * decides no cent: only a product whose 3rd to 100th places are 4 then all 9s could round
   * otherwise than the exact product would.
   *
   * @throws ArithmeticException if the product's scale is out of {@code int}'s range
   */
  static BigDecimal product(BigDecimal amount, BigDecimal factor) {
    BigDecimal product = amount.multiply(factor);
    return product.scale() <= MAX_SCALE ? product : product.setScale(MAX_SCALE, ROUNDING);
  }

  /**
   * Returns this result with its exact amount multiplied by {@code factor} (for example 0.95, or
   * 1.5 for a bilateral procedure) and a step recording it; unpriced results are returned
   * unchanged. No rounding happens here, but for a product of more than {@value #MAX_SCALE} decimal
   * places (an amount's places and the factor's add up: a percentage of a percentage of a fee),
   * which is rounded half-up to {@value #MAX_SCALE}, where no cent is decided.
   *
   * @param factor the factor, such as {@code 0.95}
   * @param rule the name of the rule that applies it, as the explanation shows it
   * @param description the step in words
   * @return the multiplied result, or this one if it is unpriced
   * @throws IllegalArgumentException if {@code factor} is negative or of more than {@value
   *     #MAX_SCALE} decimal places, or the amount it gives is a quadrillion dollars or more
   */
  public final FeeResult multipliedBy(BigDecimal factor, String rule, String description) {
    requireNonNull(factor, "factor");
    requireNonNull(rule, "rule");
    requireNonNull(description, "description");
    checkFactor(factor);
    if (!(this instanceof Priced priced)) {
      return this;
    }
    BigDecimal next;
    try {
      next = product(priced.exact(), factor);
    } catch (ArithmeticException e) {
      // The product's scale is out of int's range: a factor such as 1E+2147483647.
      throw new IllegalArgumentException(
          "a fee of " + priced.exact() + " cannot be multiplied by " + factor, e);
    }
    return times(priced, next, rule, description);
  }

  /**
   * Returns {@code priced} with the exact amount {@code product}, its amount times a factor as
   * {@link #product} computes it, and a step recording it: {@link #multipliedBy} once it has the
   * product, and a schedule that checks the product before it gives it ({@code PercentOfSchedule}),
   * so that the product is computed once.
   *
   * @throws IllegalArgumentException if the product is a quadrillion dollars or more
   */
  static Priced times(Priced priced, BigDecimal product, String rule, String description) {
    checkAmount(product);
    return new Priced(
        product,
        priced.settingNotAvailable,
        priced.explanation().then(PricingStep.of(rule, description, product)));
  }

  /**
   * Returns this result with another exact amount, set by {@code step} (whose {@link
   * PricingStep#amountAfter()} must be that amount): for rules such as "the lower of the charge and
   * the fee". Unpriced results are returned unchanged.
   *
   * @param step the step that sets the amount, as {@link PricingStep#of} makes it
   * @return the result with the step's amount, or this one if it is unpriced
   * @throws IllegalArgumentException if the step carries no amount
   */
  public final FeeResult withExactAmount(PricingStep step) {
    requireNonNull(step, "step");
    // A step's amount is one priced() takes: PricingStep.of checks it.
    BigDecimal next =
        step.amountAfter()
            .orElseThrow(() -> new IllegalArgumentException("the step sets no amount: " + step));
    if (!(this instanceof Priced priced)) {
      return this;
    }
    return new Priced(next, priced.settingNotAvailable, explanation().then(step));
  }

  /**
   * {@return this result with {@code step} appended to its explanation; the amount is unchanged}
   *
   * @param step the step to record
   */
  public final FeeResult withStep(PricingStep step) {
    return withExplanation(explanation().then(requireNonNull(step, "step")));
  }

  /** Returns this result with {@code before} placed ahead of its explanation (for chains). */
  final FeeResult afterSteps(Explanation before) {
    return withExplanation(before.then(explanation()));
  }

  abstract FeeResult withExplanation(Explanation newExplanation);

  /** A result with an amount. */
  public static final class Priced extends FeeResult {
    /**
     * The exact amount given to the constructor; null when the result was made from nano-dollars.
     * Final, so that a result handed to another thread without synchronization is seen with it: a
     * reader that saw null here would take the amount to be the unused nanoDollars, 0.
     */
    private final BigDecimal given;

    /**
     * The exact amount of a result made from nano-dollars, worked out on first read, which spares
     * most single-line callers, who read only the rounded amount, one object. Read without a lock,
     * which is safe: every thread that finds it null works out the same value from the final
     * nanoDollars.
     */
    private BigDecimal fromNanos;

    /** The exact amount in 10^-9 dollars when made from them; 0 and unused when given is set. */
    private final long nanoDollars;

    private final BigDecimal amount;
    private final boolean settingNotAvailable;

    private Priced(BigDecimal exactAmount, boolean settingNotAvailable, Explanation explanation) {
      this(exactAmount, cents(exactAmount), settingNotAvailable, explanation);
    }

    private Priced(
        BigDecimal exactAmount,
        BigDecimal amount,
        boolean settingNotAvailable,
        Explanation explanation) {
      super(explanation);
      this.given = exactAmount;
      this.nanoDollars = 0;
      this.amount = amount;
      this.settingNotAvailable = settingNotAvailable;
    }

    private Priced(
        BigDecimal exactAmount, boolean settingNotAvailable, Supplier<Explanation> source) {
      this(exactAmount, cents(exactAmount), settingNotAvailable, source);
    }

    private Priced(
        BigDecimal exactAmount,
        BigDecimal amount,
        boolean settingNotAvailable,
        Supplier<Explanation> source) {
      super(source);
      this.given = exactAmount;
      this.nanoDollars = 0;
      this.amount = amount;
      this.settingNotAvailable = settingNotAvailable;
    }

    private Priced(
        long nanoDollars, BigDecimal amount, boolean settingNotAvailable, Explanation explanation) {
      super(explanation);
      this.given = null;
      this.nanoDollars = nanoDollars;
      this.amount = amount;
      this.settingNotAvailable = settingNotAvailable;
    }

    private Priced(
        long nanoDollars,
        BigDecimal amount,
        boolean settingNotAvailable,
        Supplier<Explanation> explanationSource) {
      super(explanationSource);
      this.given = null;
      this.nanoDollars = nanoDollars;
      this.amount = amount;
      this.settingNotAvailable = settingNotAvailable;
    }

    /** {@return the amount rounded half-up to cents (scale 2)} */
    public BigDecimal roundedAmount() {
      return amount;
    }

    /** {@return the exact amount before the final rounding} */
    public BigDecimal exact() {
      if (given != null) {
        return given;
      }
      BigDecimal exact = fromNanos;
      if (exact == null) {
        exact = BigDecimal.valueOf(nanoDollars, 9);
        fromNanos = exact;
      }
      return exact;
    }

    @Override
    public boolean isPriced() {
      return true;
    }

    @Override
    public Optional<BigDecimal> amount() {
      return Optional.of(amount);
    }

    @Override
    public BigDecimal amountOrThrow() {
      return amount;
    }

    @Override
    public Optional<BigDecimal> exactAmount() {
      return Optional.of(exact());
    }

    @Override
    public Optional<UnpricedReason> reason() {
      return Optional.empty();
    }

    @Override
    public String detail() {
      return "";
    }

    @Override
    public boolean settingNotAvailable() {
      return settingNotAvailable;
    }

    @Override
    FeeResult withExplanation(Explanation newExplanation) {
      return new Priced(exact(), amount, settingNotAvailable, newExplanation);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Priced that
          && exact().compareTo(that.exact()) == 0
          && settingNotAvailable == that.settingNotAvailable
          && explanation().equals(that.explanation());
    }

    @Override
    public int hashCode() {
      return Objects.hash(exact().stripTrailingZeros(), settingNotAvailable, explanation());
    }

    /** Returns the amount, then the explanation and the final rounding, on one line. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(160).append(amount.toPlainString());
      if (settingNotAvailable) {
        sb.append(" (NA setting)");
      }
      sb.append(" | ").append(explanation());
      if (!explanation().steps().isEmpty()) {
        sb.append("; ");
      }
      return sb.append("round: half-up to cents = ").append(amount.toPlainString()).toString();
    }
  }

  /** A result without an amount: the reason and a detail in words. */
  public static final class Unpriced extends FeeResult {
    private final UnpricedReason reason;
    private final String detail;

    private Unpriced(UnpricedReason reason, String detail, Explanation explanation) {
      super(explanation);
      this.reason = reason;
      this.detail = detail;
    }

    private Unpriced(UnpricedReason reason, String detail, Supplier<Explanation> explanation) {
      super(explanation);
      this.reason = reason;
      this.detail = detail;
    }

    /** {@return why there is no amount} */
    public UnpricedReason why() {
      return reason;
    }

    @Override
    public boolean isPriced() {
      return false;
    }

    @Override
    public Optional<BigDecimal> amount() {
      return Optional.empty();
    }

    @Override
    public BigDecimal amountOrThrow() {
      throw new IllegalStateException("not priced: " + reason.words() + ": " + detail);
    }

    @Override
    public Optional<BigDecimal> exactAmount() {
      return Optional.empty();
    }

    @Override
    public Optional<UnpricedReason> reason() {
      return Optional.of(reason);
    }

    @Override
    public String detail() {
      return detail;
    }

    @Override
    public boolean settingNotAvailable() {
      return false;
    }

    @Override
    FeeResult withExplanation(Explanation newExplanation) {
      return new Unpriced(reason, detail, newExplanation);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Unpriced that
          && reason == that.reason
          && detail.equals(that.detail)
          && explanation().equals(that.explanation());
    }

    @Override
    public int hashCode() {
      return Objects.hash(reason, detail, explanation());
    }

    /** Returns {@code UNPRICED reason: detail | explanation}. */
    @Override
    public String toString() {
      return "UNPRICED " + reason + ": " + detail + " | " + explanation();
    }
  }
}
