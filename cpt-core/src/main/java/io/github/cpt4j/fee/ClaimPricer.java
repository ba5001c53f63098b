package io.github.cpt4j.fee;

import io.github.cpt4j.claim.Claim;

/**
 * Prices a whole {@link Claim} — the lines billed for one patient, each on the context's date of
 * service or its own, by the claim's provider or its own rendering provider — where a line's amount
 * may depend on the other lines (multiple procedures, bilateral pairs: CMS's same-day rules, which
 * apply to one provider's lines of one date) and claim edits may deny lines. The Medicare Physician
 * Fee Schedule's pricer is {@code io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer}; a
 * command line, a batch job or a payer's service can take any implementation.
 *
 * <pre>{@code
 * ClaimPricer pricer = MedicareClaimPricer.of(BundledData.medicareFeeSchedule());
 * PricedClaim priced = pricer.price(claim, context);
 * priced.total();
 * }</pre>
 *
 * <p>Implementations must be immutable and thread-safe, and must never throw for data: a line that
 * cannot be priced has a reason, the rule that decided it and a detail.
 */
public interface ClaimPricer {

  /** {@return a short name for messages, such as the fee schedule's name} */
  String name();

  /**
   * Prices every line of {@code claim} in {@code context}.
   *
   * @param claim the claim: its lines, charges, dates of service and rendering providers
   * @param context the date of service, payment area, setting and provider to price in
   * @return each line priced, or unpriced with its reason, and the total
   */
  PricedClaim price(Claim claim, PricingContext context);
}
