/**
 * Claim-level Medicare pricing: the payment rules that depend on the other lines of a claim or on
 * payment modifiers — bilateral procedures, the multiple-procedure ranking and its endoscopy,
 * imaging, therapy, cardiovascular and ophthalmology variants, co-surgeons, team surgery,
 * assistants at surgery, split global care, add-on codes, status T, the lower of the billed charge
 * — each applied step recorded in the line's explanation. Start with {@link
 * io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer}.
 */
package io.github.cpt4j.fee.medicare.pfs.claim;
