/**
 * Fee schedules: the {@link io.github.cpt4j.fee.FeeSchedule} interface that prices a claim line in
 * a {@link io.github.cpt4j.fee.PricingContext}, its {@link io.github.cpt4j.fee.FeeResult} (an
 * amount, or a typed reason why there is none, always with an {@link
 * io.github.cpt4j.fee.Explanation}), and the general-purpose schedules: flat tables, percentages of
 * another schedule and fallback chains.
 *
 * <p>Money is {@link java.math.BigDecimal} US dollars, kept exact through every step and rounded
 * once, half-up to cents, by {@link io.github.cpt4j.fee.FeeResult#amount()}.
 */
package io.github.cpt4j.fee;
