package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Prices one service — a {@link ClaimLine}: code, modifiers and units — in a {@link
 * PricingContext}. The answer is a {@link FeeResult}: an amount with its explanation, or a typed
 * reason why there is none, never a silent zero.
 *
 * <p>Out of the box: the Medicare Physician Fee Schedule ({@code
 * io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule}), a flat table ({@link FlatFeeSchedule}), a
 * percentage of another schedule ({@link #percentOf}) and fallback chains ({@link
 * #firstThatPrices}). Users write their own by implementing {@link #price}:
 *
 * <pre>{@code
 * // The contract's own rows first, then 120% of Medicare for every other code: the first
 * // schedule that prices a line answers, so a percentage placed first would hide every row.
 * FeeSchedule contract = FeeSchedule.firstThatPrices(
 *     FlatFeeSchedule.builder().put(ProcedureCode.parse("99213"), new BigDecimal("95.00")).build(),
 *     FeeSchedule.percentOf(new BigDecimal("120"), medicare));
 * FeeResult fee = contract.price(ClaimLine.parse("99213"), context);   // 95.00
 * }</pre>
 *
 * <p>Implementations must be immutable and thread-safe, and must return amounts with the units of
 * the line applied (a fee per unit times the units) unless their documentation says otherwise. A
 * schedule that returns null or throws breaks that contract: {@link #firstThatPrices} and {@link
 * #percentOf} then throw an {@code IllegalArgumentException} naming it (its {@link #name()} and
 * class) and the line, once however deeply they are nested, a thrown exception as its cause.
 */
@FunctionalInterface
public interface FeeSchedule {

  /**
   * Prices {@code line} in {@code context}; never returns {@code null}, never throws for data.
   *
   * @param line the claim line: code, modifiers and units
   * @param context the date of service, payment area, setting and provider to price in
   * @return the amount for all the line's units, or the reason there is none
   */
  FeeResult price(ClaimLine line, PricingContext context);

  /**
   * {@return a short name for explanations, such as {@code "medicare-pfs"}; by default the class's
   * simple name ({@code "custom"} for lambdas)}
   */
  default String name() {
    Class<?> type = getClass();
    return type.isHidden() || type.isAnonymousClass() ? "custom" : type.getSimpleName();
  }

  /**
   * Returns a schedule paying {@code percent} percent of what {@code base} pays (120 for the common
   * "120% of Medicare" contract), applied to the base's exact amount before the single rounding to
   * cents. What the base does not price stays unpriced, for the base's reason; a percentage of a
   * quadrillion dollars or more, which no fee is, is unpriced, {@link
   * UnpricedReason#AMOUNT_OUT_OF_RANGE}.
   *
   * @param percent the percentage, such as {@code 120}
   * @param base the schedule whose amounts are taken a percentage of
   * @return the schedule
   * @throws IllegalArgumentException if {@code percent} is negative, a million or more, or has more
   *     than 98 decimal places (its factor, percent / 100, has two more)
   */
  static FeeSchedule percentOf(BigDecimal percent, FeeSchedule base) {
    return new PercentOfSchedule(percent, base);
  }

  /**
   * Returns a schedule that asks each of {@code schedules} in turn and answers with the first
   * priced result; when none prices the line, it answers with the first schedule's reason (the
   * first that is not {@link UnpricedReason#DATE_NOT_COVERED}, when there is one, so that a chain
   * of yearly schedules says why the year's schedule refused), and the explanation lists every
   * schedule's refusal.
   *
   * @param schedules the schedules, in the order they are asked
   * @return the chained schedule
   * @throws IllegalArgumentException if {@code schedules} is empty
   */
  static FeeSchedule firstThatPrices(List<? extends FeeSchedule> schedules) {
    return new FirstThatPricesSchedule(schedules);
  }

  /**
   * Varargs form of {@link #firstThatPrices(List)}.
   *
   * @param schedules the schedules, in the order they are asked
   * @return the chained schedule
   * @throws IllegalArgumentException if {@code schedules} is empty
   */
  static FeeSchedule firstThatPrices(FeeSchedule... schedules) {
    // Not List.of alone, whose null checks have no message.
    return firstThatPrices(Arrays.asList(requireNonNull(schedules, "schedules")));
  }

  /**
   * {@return {@code firstThatPrices(this, fallback)}}
   *
   * @param fallback the schedule asked for the lines this one does not price
   */
  default FeeSchedule orElse(FeeSchedule fallback) {
    return firstThatPrices(this, requireNonNull(fallback, "fallback"));
  }
}
