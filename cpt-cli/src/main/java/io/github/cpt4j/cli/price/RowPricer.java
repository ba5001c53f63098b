package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import io.github.cpt4j.fee.medicare.Locality;
import java.util.List;

/**
 * Prices the rows of one claim: the seam between the command line, which reads and checks the rows,
 * and the library's claim pricer ({@link io.github.cpt4j.fee.ClaimPricer}, a {@code
 * PartBClaimPricer} in {@code cpt price}), which prices them. It turns the rows into a {@code
 * Claim} and a {@code PricingContext} and the priced lines back into outcomes to print; tests put a
 * fake in its place. Lines of one claim share one context (place, setting, date); a line of a claim
 * may change the amount of another (multiple procedures, bilateral pairs). Implementations must be
 * thread-safe: a batch prices several claims at once.
 */
@FunctionalInterface
public interface RowPricer {

  /**
   * Returns one outcome per line, in the order of {@code lines}, the lines numbered by their
   * positions (1, 2, ...) in what is said about them. A line that cannot be priced gets an outcome
   * with the reason; this method throws only for a bug.
   *
   * @param lines one or more lines sharing one context
   * @param participating whether the provider participates in Medicare (non-participating providers
   *     are paid 95%)
   */
  List<Outcome> price(List<LineRequest> lines, boolean participating);

  /**
   * Prices {@code lines} as {@link #price(List, boolean)} does, the lines numbered {@code
   * lineNumbers} on their claim in what is said about them: the rows of a batch claim keep their
   * places among its rows when some rows are invalid and left out. Lines numbered by their
   * positions need no numbers: {@link #price(List, boolean)}. This default ignores the numbers.
   *
   * @param lineNumbers one number per line, at least 1 and increasing; not read after the call
   * @throws NullPointerException if {@code lineNumbers} is null
   */
  default List<Outcome> price(List<LineRequest> lines, int[] lineNumbers, boolean participating) {
    requireNonNull(lineNumbers, "lineNumbers");
    return price(lines, participating);
  }

  /**
   * Returns a pricer like this one whose outcomes also give each line's Medicare limiting charge
   * ({@link Outcome#limitingCharge()}), with a warning on a priced line that has none ({@code cpt
   * price --limiting-charge}).
   *
   * @throws UnsupportedOperationException if this pricer cannot tell (this default)
   */
  default RowPricer withLimitingCharges() {
    throw new UnsupportedOperationException("this pricer gives no limiting charges");
  }

  /**
   * Tells whether {@code locality} has GPCIs in the tables this pricer prices with, so that a
   * locality no line could be priced in is refused once, as an unknown ZIP code is, rather than as
   * every line's {@code no_gpci_for_locality}. True when the pricer cannot tell.
   */
  default boolean knowsLocality(Locality locality) {
    return true;
  }

  /**
   * Tells whether {@code line} is priced by its locality: the Physician Fee Schedule's GPCIs and
   * the anesthesia conversion factor are per locality, while the clinical laboratory and drug
   * payment limits are national and DMEPOS fees go by the beneficiary's ZIP code. A batch warns of
   * the rows placed by a ZIP code CMS splits by ZIP+4 only when their amounts came from the
   * locality. True when the pricer cannot tell.
   */
  default boolean pricesByLocality(LineRequest line) {
    return true;
  }
}
