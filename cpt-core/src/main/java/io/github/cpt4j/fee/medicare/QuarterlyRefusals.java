package io.github.cpt4j.fee.medicare;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.fee.Explanation;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.UnpricedReason;
import java.time.LocalDate;

/**
 * The refusals a quarterly schedule (clinical lab, DMEPOS, drugs) shares: a date of service outside
 * its {@link Quarter}, a code it does not list, and any other reason; each refusal explained by the
 * schedule's own header step, written only when the explanation is read.
 *
 * <pre>{@code
 * FeeResult outside = refusals.outsideQuarter(line, context);
 * if (outside != null) {
 *   return outside;                        // DATE_NOT_COVERED, naming the quarter
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe when the header is.
 */
public final class QuarterlyRefusals {

  /** Writes the first step of a schedule's explanation: which schedule prices which line. */
  @FunctionalInterface
  public interface Header {
    /**
     * {@return the explanation's first step for {@code line} in {@code context}}
     *
     * @param line the line priced
     * @param context the context of the line
     */
    Explanation of(ClaimLine line, PricingContext context);
  }

  private final String name;
  private final Quarter quarter;
  private final Header header;

  private QuarterlyRefusals(String name, Quarter quarter, Header header) {
    this.name = name;
    this.quarter = quarter;
    this.header = header;
  }

  /**
   * {@return the refusals of the schedule {@code name} of {@code quarter}}
   *
   * @param name the schedule's name, as its refusals give it
   * @param quarter the quarter the schedule covers
   * @param header writes the first step of each refusal's explanation
   */
  public static QuarterlyRefusals of(String name, Quarter quarter, Header header) {
    return new QuarterlyRefusals(
        requireNonNull(name, "name"),
        requireNonNull(quarter, "quarter"),
        requireNonNull(header, "header"));
  }

  /**
   * {@return {@link UnpricedReason#DATE_NOT_COVERED} when the context's date of service is outside
   * the quarter, else null (no allocation: every line is checked)}
   *
   * @param line the line priced
   * @param context the context of the line, whose date of service is checked
   */
  public FeeResult outsideQuarter(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    LocalDate date = requireNonNull(context, "context").dateOfService();
    return quarter.contains(date)
        ? null
        : refuse(line, context, UnpricedReason.DATE_NOT_COVERED, quarter.notCovering(name, date));
  }

  /**
   * {@return {@link UnpricedReason#NOT_IN_SCHEDULE}: the schedule does not list the line's code}
   *
   * @param line the line priced, whose code is not in the schedule
   * @param context the context of the line
   */
  public FeeResult notListed(ClaimLine line, PricingContext context) {
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    return refuse(
        line, context, UnpricedReason.NOT_IN_SCHEDULE, line.code() + " is not in " + name);
  }

  /**
   * {@return a refusal for {@code reason}, with {@code detail} and the schedule's header step}
   *
   * @param line the line priced
   * @param context the context of the line
   * @param reason why the line is not priced
   * @param detail the refusal's detail, in words for the user
   */
  public FeeResult refuse(
      ClaimLine line, PricingContext context, UnpricedReason reason, String detail) {
    // Checked here: the explanation is deferred, so a null would surface only when it is read.
    requireNonNull(line, "line");
    requireNonNull(context, "context");
    return FeeResult.unpriced(reason, detail, Explanation.deferred(() -> header.of(line, context)));
  }

  @Override
  public String toString() {
    return "QuarterlyRefusals(" + name + ", " + quarter + ")";
  }
}
