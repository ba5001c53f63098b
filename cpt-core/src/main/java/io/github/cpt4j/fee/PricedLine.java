package io.github.cpt4j.fee;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.ClaimLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One line of a claim priced by a {@link ClaimPricer}: its {@link FeeResult} — the amount, or the
 * typed reason why there is none — the rule or claim edit that left it without an amount, and its
 * warnings. The result's explanation lists the fee schedule's inputs, then every claim edit and
 * claim rule applied, in order, with the exact amount after it.
 *
 * <p>The accessors {@link #amount()}, {@link #reason()}, {@link #detail()}... answer as the result
 * does, so that callers stay short. The amount is the exact amount rounded once, half-up to cents,
 * at the very end. An immutable value, built when the claim's pricing is over; the explanation is
 * written on first use, and a line of {@link #priced} makes its result then too.
 *
 * <pre>{@code
 * PricedLine knee = pricing.line(0);     // 29880-RT of PricedClaim's example claim
 * knee.amount();                         // Optional[531.70]
 * knee.explanation().has("multiple-procedure");
 * log.info(knee.toString());             // one line: amount, then every step
 * }</pre>
 */
public final class PricedLine {

  /** How the claim pricer words a warning's step: {@code warning: MESSAGE}. */
  private static final String WARNING = "warning: ";

  private final int index;
  private final int lineNumber;
  private final BilledLine billed;

  /** The result given to {@link #of}; null for a line of {@link #priced}, made when first read. */
  private final FeeResult given;

  /**
   * The result of a line of {@link #priced}, made from the four fields below when first read; null
   * until then, and for a line whose result was given. Set without a lock, which is safe: a thread
   * that finds it null makes an equal result of the same final fields (the supplier's contract is
   * {@link Explanation#deferred}'s), as {@link FeeResult#explanation()} does.
   */
  private FeeResult made;

  /** The rounded amount; null when unpriced. Kept so that the total reads no result. */
  private final BigDecimal amount;

  /** Of a line of {@link #priced}: the exact amount; else null. */
  private final BigDecimal exact;

  /** Of a line of {@link #priced}: what makes the explanation; else null. */
  private final Supplier<Explanation> explanationSource;

  /** Of a line of {@link #priced}: whether the setting is not available; else false. */
  private final boolean settingNotAvailable;

  private final String refusedBy;
  private final ImmutableList<ClaimWarning> warnings;

  private PricedLine(
      int index,
      int lineNumber,
      BilledLine billed,
      FeeResult result,
      String refusedBy,
      ImmutableList<ClaimWarning> warnings) {
    this.index = index;
    this.lineNumber = lineNumber;
    this.billed = billed;
    this.given = result;
    this.amount = result instanceof FeeResult.Priced priced ? priced.roundedAmount() : null;
    this.exact = null;
    this.explanationSource = null;
    this.settingNotAvailable = false;
    this.refusedBy = refusedBy;
    this.warnings = warnings;
  }

  private PricedLine(
      int index,
      int lineNumber,
      BilledLine billed,
      BigDecimal exact,
      boolean settingNotAvailable,
      Supplier<Explanation> explanationSource,
      ImmutableList<ClaimWarning> warnings) {
    this.index = index;
    this.lineNumber = lineNumber;
    this.billed = billed;
    this.given = null;
    this.amount = FeeResult.cents(exact);
    this.exact = exact;
    this.explanationSource = explanationSource;
    this.settingNotAvailable = settingNotAvailable;
    this.refusedBy = null;
    this.warnings = warnings;
  }

  /**
   * Returns a priced line: line {@code index} (from 0) of its claim, as billed, with its result;
   * {@code refusedBy} names the rule or edit that left an unpriced line without an amount.
   *
   * @param index the line's zero-based index in its claim
   * @param billed the line as billed
   * @param result what pricing gave the line
   * @param refusedBy the rule or edit that refused an unpriced line; empty for a priced line
   * @param warnings the claim warnings about the line, in order; empty for none
   * @return the priced line, named {@code index + 1} on its claim
   * @throws IllegalArgumentException if {@code index} is negative, or if {@code refusedBy} is given
   *     for a priced result or missing for an unpriced one, or is not a valid rule id
   */
  public static PricedLine of(
      int index,
      BilledLine billed,
      FeeResult result,
      Optional<String> refusedBy,
      List<ClaimWarning> warnings) {
    return of(index, index + 1, billed, result, refusedBy, warnings);
  }

  /**
   * Returns a priced line as {@link #of(int, BilledLine, FeeResult, Optional, List)} does, named
   * {@code lineNumber} on its claim ({@link io.github.cpt4j.claim.Claim#lineNumber}): the number
   * its explanation and warnings use, which differs from {@code index + 1} on a claim with line
   * numbers of its own.
   *
   * @param index the line's zero-based index in its claim
   * @param lineNumber the number by which the claim names the line, 1 or more
   * @param billed the line as billed
   * @param result what pricing gave the line
   * @param refusedBy the rule or edit that refused an unpriced line; empty for a priced line
   * @param warnings the claim warnings about the line, in order; empty for none
   * @return the priced line
   * @throws IllegalArgumentException as the other factory does, or if {@code lineNumber} is less
   *     than 1
   */
  public static PricedLine of(
      int index,
      int lineNumber,
      BilledLine billed,
      FeeResult result,
      Optional<String> refusedBy,
      List<ClaimWarning> warnings) {
    requireNonNull(billed, "billed");
    requireNonNull(result, "result");
    requireNonNull(refusedBy, "refusedBy");
    requireNonNull(warnings, "warnings");
    checkPosition(index, lineNumber);
    if (refusedBy.isPresent() == result.isPriced()) {
      throw new IllegalArgumentException(
          "an unpriced line, and only an unpriced line, names the rule that refused it: "
              + refusedBy
              + " for "
              + result);
    }
    return new PricedLine(
        index,
        lineNumber,
        billed,
        result,
        refusedBy.map(PricingStep::checkRule).orElse(null),
        ImmutableList.copyOf(warnings));
  }

  /**
   * Returns a priced line as {@link #of(int, int, BilledLine, FeeResult, Optional, List)} does with
   * the result {@link FeeResult#priced(BigDecimal, Supplier) FeeResult.priced(exactAmount,
   * explanation)}, or {@link FeeResult#pricedSettingNotAvailable(BigDecimal, Supplier)} when {@code
   * settingNotAvailable}, and no rule that refused it: equal to it, with the result made only when
   * first read ({@link #result()}, {@link #explanation()}...). The amount, the total and the
   * warnings read none: a claim whose caller reads only amounts costs a 48-byte result less per
   * line (issue 18). {@code explanation} has the contract of {@link Explanation#deferred}.
   *
   * <pre>{@code
   * PricedLine line = PricedLine.priced(0, 1, billed, new BigDecimal("101.0569"), false,
   *     () -> explanation, List.of());
   * line.amount();   // Optional[101.06]
   * }</pre>
   *
   * @param index the line's zero-based index in its claim
   * @param lineNumber the number by which the claim names the line, 1 or more
   * @param billed the line as billed
   * @param exactAmount the line's amount in dollars, before rounding to cents
   * @param settingNotAvailable true if the line is paid at the other setting's amount, as CMS marks
   *     its setting NA for the code
   * @param explanation writes the line's explanation when first read
   * @param warnings the claim warnings about the line, in order; empty for none
   * @return the priced line
   * @throws IllegalArgumentException if {@code index} is negative, {@code lineNumber} less than 1,
   *     or the amount is no fee ({@link FeeResult#priced(BigDecimal, Explanation)})
   */
  @SuppressWarnings("TooManyParameters") // the line, its amount and its explanation, each named
  public static PricedLine priced(
      int index,
      int lineNumber,
      BilledLine billed,
      BigDecimal exactAmount,
      boolean settingNotAvailable,
      Supplier<Explanation> explanation,
      List<ClaimWarning> warnings) {
    requireNonNull(billed, "billed");
    requireNonNull(explanation, "explanation");
    requireNonNull(warnings, "warnings");
    checkPosition(index, lineNumber);
    return new PricedLine(
        index,
        lineNumber,
        billed,
        FeeResult.checkAmount(exactAmount),
        settingNotAvailable,
        explanation,
        ImmutableList.copyOf(warnings));
  }

  private static void checkPosition(int index, int lineNumber) {
    if (index < 0) {
      throw new IllegalArgumentException("a line index is zero or more, not " + index);
    }
    if (lineNumber < 1) {
      throw new IllegalArgumentException(
          "a line number is 1 or more, not " + lineNumber + " (line index " + index + ")");
    }
  }

  /** {@return the position of the line in the claim, from 0} */
  public int index() {
    return index;
  }

  /**
   * {@return the number by which the line's explanation, warnings and {@link #toString()} name it,
   * from 1: {@link io.github.cpt4j.claim.Claim#lineNumber Claim.lineNumber(index())}, which is
   * {@code index() + 1} unless the claim was given numbers of its own ({@link
   * io.github.cpt4j.claim.Claim#withLineNumbers})}
   */
  public int lineNumber() {
    return lineNumber;
  }

  /** {@return the line as billed, with its charge} */
  public BilledLine billed() {
    return billed;
  }

  /** {@return the service billed} */
  public ClaimLine line() {
    return billed.line();
  }

  /**
   * Returns the line's {@link FeeResult}: the amount (or reason and detail), and the explanation —
   * the fee schedule's steps followed by each claim edit's and claim rule's. A line of {@link
   * #priced} makes it on the first call and returns that one after.
   *
   * @return the line's result; the same one on every call
   */
  public FeeResult result() {
    if (given != null) {
      return given;
    }
    FeeResult result = made;
    if (result == null) {
      result = FeeResult.pricedRounded(exact, amount, settingNotAvailable, explanationSource);
      made = result;
    }
    return result;
  }

  /**
   * Tells whether the line has an amount.
   *
   * @return true if the line has an amount, false if it was refused
   */
  public boolean isPriced() {
    return amount != null;
  }

  /** {@return the amount, rounded once half-up to cents (scale 2), if priced} */
  public Optional<BigDecimal> amount() {
    return Optional.ofNullable(amount);
  }

  /**
   * Returns the amount rounded half-up to cents.
   *
   * @return the amount in dollars, scale 2
   * @throws IllegalStateException if the line is not priced; the message gives the line and reason
   */
  public BigDecimal amountOrThrow() {
    if (amount != null) {
      return amount;
    }
    throw new IllegalStateException(
        "line "
            + lineNumber
            + " "
            + billed
            + " is not priced: "
            + given.reason().orElseThrow().words()
            + ": "
            + given.detail());
  }

  /** {@return the exact amount before the final rounding, if priced} */
  public Optional<BigDecimal> exactAmount() {
    return exact != null ? Optional.of(exact) : given.exactAmount();
  }

  /** {@return why the line has no amount; empty when priced} */
  public Optional<UnpricedReason> reason() {
    return given == null ? Optional.empty() : given.reason();
  }

  /**
   * {@return the reason in words, naming the indicator, modifier or edit; empty text when priced}
   */
  public String detail() {
    return given == null ? "" : given.detail();
  }

  /**
   * {@return the id of the rule or claim edit that left the line without an amount, such as {@code
   * "fee-schedule"}, {@code "pc-tc"}, {@code "co-surgery"} or {@code "ncci-ptp"}; empty when
   * priced}
   */
  public Optional<String> refusedBy() {
    return Optional.ofNullable(refusedBy);
  }

  /** {@return the warnings raised on the line, in the order raised} */
  public ImmutableList<ClaimWarning> warnings() {
    return warnings;
  }

  /** {@return the steps that led to the amount, {@code result().explanation()}} */
  public Explanation explanation() {
    return result().explanation();
  }

  /** Returns the rounded amount, or null when not priced: for the claim's total. */
  BigDecimal amountOrNull() {
    return amount;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PricedLine that
        && index == that.index
        && lineNumber == that.lineNumber
        && billed.equals(that.billed)
        && result().equals(that.result())
        && Objects.equals(refusedBy, that.refusedBy)
        && warnings.equals(that.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, lineNumber, billed, amount, reason(), refusedBy);
  }

  /**
   * Returns one line for audit logs: {@code line N} ({@link #lineNumber()}, as the explanation
   * names the line), the billed line, then the amount and every step — or {@code UNPRICED}, the
   * reason, the rule and the detail, then the steps.
   */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(256).append("line ").append(lineNumber).append(' ').append(billed);
    sb.append(": ");
    if (given instanceof FeeResult.Unpriced unpriced) {
      return sb.append("UNPRICED ")
          .append(unpriced.why())
          .append(" (")
          .append(refusedBy)
          .append("): ")
          .append(unpriced.detail())
          .append(" | ")
          .append(explanationWithoutDetail())
          .toString();
    }
    return sb.append(result()).toString();
  }

  /**
   * Returns the explanation on one line as {@link Explanation#toString()} writes it, except that a
   * step without an amount that ends with the {@link #detail()} leaves it out: the step of the
   * refusing edit restates its message, which a report that prints the detail already shows, and an
   * edit's message (the global surgery rule's) is the longest text of a line. {@code ...;
   * global-surgery: denied: 99213 on the day of ...} becomes {@code ...; global-surgery: denied}.
   *
   * @return the explanation, without the refusal's detail
   */
  public String explanationWithoutDetail() {
    return steps(false);
  }

  /**
   * Returns {@link #explanationWithoutDetail()}, except that the step recording one of the line's
   * {@link #warnings()}, {@code RULE: warning: MESSAGE}, keeps only {@code RULE: warning}: for a
   * report that writes the warnings before the explanation, as the {@code cpt} command does, so
   * that none is said twice. {@code ...; ncci-ptp: warning: 0001U (line 1) ...} becomes {@code ...;
   * ncci-ptp: warning}.
   *
   * @return the explanation, without the refusal's detail or the warnings' messages
   */
  public String explanationWithoutDetailOrWarnings() {
    return warnings.isEmpty() ? steps(false) : steps(true);
  }

  /** The steps on one line, the detail cut, and each warning's message too if asked. */
  private String steps(boolean withoutWarnings) {
    String detail = detail();
    StringBuilder sb = new StringBuilder(128);
    for (PricingStep step : explanation().steps()) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      if (withoutWarnings && step.amountAfter().isEmpty() && isWarning(step.description())) {
        sb.append(step.rule()).append(": warning");
        continue;
      }
      String text = step.toString();
      if (!detail.isEmpty() && step.amountAfter().isEmpty() && text.endsWith(detail)) {
        String head = text.substring(0, text.length() - detail.length()).strip();
        text = head.endsWith(":") ? head.substring(0, head.length() - 1) : head;
      }
      sb.append(text);
    }
    return sb.toString();
  }

  /**
   * Tells whether {@code description} is {@code warning: MESSAGE} for one of the line's warnings,
   * as the claim pricer records each (a step of its rule).
   */
  private boolean isWarning(String description) {
    if (!description.startsWith(WARNING)) {
      return false;
    }
    for (ClaimWarning warning : warnings) {
      String message = warning.message();
      if (description.length() == WARNING.length() + message.length()
          && description.endsWith(message)) {
        return true;
      }
    }
    return false;
  }
}
