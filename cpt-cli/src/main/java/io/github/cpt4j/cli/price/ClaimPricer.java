package io.github.cpt4j.cli.price;

import java.util.List;

/**
 * Prices the lines of one claim: the seam between the command line, which reads and checks the
 * lines, and the library's fee schedules, which price them. Lines of one claim share one context
 * (place, setting, date); a line of a claim may change the amount of another (multiple procedures,
 * bilateral pairs). Implementations must be thread-safe: a batch prices several claims at once.
 */
@FunctionalInterface
public interface ClaimPricer {

  /**
   * Returns one outcome per line, in the order of {@code lines}. A line that cannot be priced gets
   * an outcome with the reason; this method throws only for a bug.
   *
   * @param lines one or more lines sharing one context
   * @param participating whether the provider participates in Medicare (non-participating providers
   *     are paid 95%)
   */
  List<Outcome> price(List<LineRequest> lines, boolean participating);
}
