/**
 * Claim edits: checks that look at a whole {@link io.github.cpt4j.claim.Claim} before any payment
 * and deny or flag lines — the modifier rules, the National Correct Coding Initiative's
 * procedure-to-procedure and medically-unlikely-unit edits, or a payer's own policy.
 *
 * <p>An edit is one class implementing {@link io.github.cpt4j.edit.ClaimEdit}. Edits run alone
 * (claim scrubbing) or inside claim pricing, where a denied line is unpriced with the edit's reason
 * and takes no part in the claim's payment rules.
 */
package io.github.cpt4j.edit;
